/* test-library.c: the library index: build, update, heal, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "gloss-fold.h"
#include "gloss-library.h"
#include "gloss-library-private.h"
#include "gloss-test-sqlite.h"
#include "gloss-test-util.h"

/* An astral character first: offsets must count code points, not bytes or
 * UTF-16 units.  Traditional 黨員 and simplified 党员 both occur. */
#define ZH_TEXT "😀黨員大會在北京召開。\n\n党员们讨论了ＡＢＣ计划。李强说：“要坚持改革。”\n"
#define EN_TEXT "Budget talks\r\n\r\nThe minister said \"we will cut taxes\" on Monday.\r\n"

typedef struct
{
  char         *dir;
  char         *database;
  GlossLibrary *library;
} Fixture;

static char *
sidecar_json (const char *annotator,
              const char *source,
              const char *extra_member,
              const char *annotations)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": \"gloss\",\n"
                          "  \"version\": 1,\n"
                          "  \"document\": { \"source\": \"%s\" },\n"
                          "  \"annotator\": { \"id\": \"%s\", \"name\": \"%s\" },\n"
                          "  %s\n"
                          "  \"annotations\": [ %s ]\n"
                          "}\n",
                          source, annotator, annotator, extra_member ? extra_member : "", annotations);
}

static void
write_in (Fixture    *fixture,
          const char *name,
          const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  gloss_test_write (path, contents, -1);
}

/* With NUL bytes. */
static void
write_bytes_in (Fixture    *fixture,
                const char *name,
                const char *contents,
                gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  gloss_test_write (path, contents, length);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *folders[2] = { NULL, NULL };
  /* 李强 (offset 25–27) is the speaker of the quote 要坚持改革 (30–35). */
  g_autofree char *alice = sidecar_json ("alice", "zh.txt", NULL,
    "{ \"id\": \"o1\", \"tag\": \"official\", \"start\": 25, \"end\": 27, \"text\": \"李强\" },"
    "{ \"id\": \"q1\", \"tag\": \"quote\", \"start\": 30, \"end\": 35, \"text\": \"要坚持改革\","
    "  \"note\": \"典型的政策表态\", \"attributes\": { \"speaker\": \"o1\" } }");
  g_autofree char *bob = sidecar_json ("bob", "zh.txt", "\"status\": \"done\",",
    "{ \"id\": \"b1\", \"tag\": \"quote\", \"start\": 30, \"end\": 35, \"text\": \"要坚持改革\","
    "  \"attributes\": { \"speaker\": \"deleted-official\" } }");

  fixture->dir = gloss_test_make_tmpdir ();
  fixture->database = g_build_filename (fixture->dir, "cache", "library.sqlite", NULL);
  write_in (fixture, "corpus/zh.txt", ZH_TEXT);
  write_in (fixture, "corpus/zh.txt.alice.gloss.json", alice);
  write_in (fixture, "corpus/zh.txt.bob.gloss.json", bob);
  write_in (fixture, "corpus/2026/en.txt", EN_TEXT);
  write_in (fixture, "corpus/2026/en.txt.carol.gloss.json", "{ \"format\": \"gloss\", \"version\": 1, ");
  write_in (fixture, "corpus/.git/config", "[core]\n");
  write_in (fixture, "corpus/notes.png", "\x89PNG\r\n");

  {
    g_autofree char *corpus = g_build_filename (fixture->dir, "corpus", NULL);

    folders[0] = corpus;
    fixture->library = gloss_library_new (folders);
  }
  gloss_library_set_database (fixture->library, fixture->database);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->library);
  gloss_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->database);
}

static GlossLibraryStats *
update (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GlossLibraryStats *stats = gloss_library_update (fixture->library, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static GPtrArray *
search (Fixture            *fixture,
        const char         *query,
        const char * const *tags)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = gloss_library_search (fixture->library, query, tags, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static GlossLibraryHit *
hit (GPtrArray *hits,
     guint      i)
{
  return g_ptr_array_index (hits, i);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Every file under @dir with its size, mtime and SHA-256, to prove nothing
 * was written. */
static void
list_tree (const char *dir,
           GString    *out)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_string_append_printf (out, "%s %ld %ld.%ld", path, (long) st.st_size,
                              (long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
      if (S_ISREG (st.st_mode))
        {
          g_autofree char *contents = NULL;
          g_autofree char *sha = NULL;
          gsize length = 0;

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
          g_string_append_printf (out, " %s", sha);
        }
      g_string_append_c (out, '\n');
      if (S_ISDIR (st.st_mode))
        list_tree (path, out);
    }
}

static void
test_fold (void)
{
  g_autofree char *a = gloss_fold ("黨員ＡＢＣ　Abc😀", -1);
  g_autofree char *b = gloss_fold ("党员abc abc😀", -1);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpint (g_utf8_strlen (a, -1), ==, g_utf8_strlen ("黨員ＡＢＣ　Abc😀", -1));
  g_assert_cmpuint (gloss_fold_char (0x570B /* 國 */), ==, 0x56FD /* 国 */);
  g_assert_cmpuint (gloss_fold_char ('Q'), ==, 'q');
}

static void
test_build (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) stats = update (fixture);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibraryArticle *en, *zh;
  GlossLibraryBroken *broken;

  g_assert_cmpuint (stats->articles, ==, 2);
  g_assert_cmpuint (stats->sidecars, ==, 2);
  g_assert_cmpuint (stats->annotations, ==, 3);
  g_assert_cmpuint (stats->read, ==, 2);

  /* The broken sidecar is listed with its error, not dropped. */
  g_assert_cmpuint (stats->broken->len, ==, 1);
  broken = g_ptr_array_index (stats->broken, 0);
  g_assert_true (g_str_has_suffix (broken->path, "/2026/en.txt.carol.gloss.json"));
  g_assert_nonnull (broken->error);
  g_assert_cmpstr (broken->error, !=, "");

  articles = gloss_library_list_articles (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  en = g_ptr_array_index (articles, 0);
  zh = g_ptr_array_index (articles, 1);
  g_assert_true (g_str_has_suffix (en->path, "/corpus/2026/en.txt"));
  g_assert_cmpstr (en->title, ==, "Budget talks");
  g_assert_cmpuint (en->state, ==, GLOSS_LIBRARY_NOT_STARTED);
  g_assert_cmpuint (g_strv_length (en->annotators), ==, 0);

  g_assert_cmpstr (zh->title, ==, "😀黨員大會在北京召開。");
  g_assert_cmpuint (zh->length, ==, g_utf8_strlen (ZH_TEXT, -1));
  g_assert_cmpuint (g_strv_length (zh->annotators), ==, 2);
  g_assert_cmpstr (zh->annotators[0], ==, "alice");
  g_assert_cmpstr (zh->annotators[1], ==, "bob");
  g_assert_cmpuint (g_strv_length (zh->done_by), ==, 1);
  g_assert_cmpstr (zh->done_by[0], ==, "bob");
  /* Alice has not said she is done. */
  g_assert_cmpuint (zh->state, ==, GLOSS_LIBRARY_IN_PROGRESS);
  g_assert_cmpuint (zh->n_annotations, ==, 3);
  g_assert_cmpuint (zh->counts->len, ==, 3);
  {
    GlossLibraryCount *c = g_ptr_array_index (zh->counts, 1);

    g_assert_cmpstr (c->annotator, ==, "alice");
    g_assert_cmpstr (c->tag, ==, "quote");
    g_assert_cmpuint (c->count, ==, 1);
  }
}

static void
test_never_writes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *corpus = g_build_filename (fixture->dir, "corpus", NULL);
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autoptr(GlossLibraryStats) stats = NULL;

  write_bytes_in (fixture, "corpus/bad/image.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  write_in (fixture, "corpus/bad/unknown.txt", "abc \x81 def \x81 ghi \x9d\n");
  list_tree (corpus, before);
  stats = update (fixture);
  g_clear_pointer (&stats, gloss_library_stats_free);
  stats = update (fixture);
  {
    g_autoptr(GPtrArray) hits = gloss_library_update_and_search (fixture->library, "党员", NULL, NULL, 0, NULL);

    g_assert_nonnull (hits);
  }
  list_tree (corpus, after);
  g_assert_cmpstr (before->str, ==, after->str);
  g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
}

static void
test_incremental (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) first = update (fixture);
  g_autoptr(GlossLibraryStats) second = update (fixture);
  g_autoptr(GlossLibraryStats) third = NULL;
  g_autoptr(GlossLibraryStats) fourth = NULL;
  g_autoptr(GlossLibraryStats) fifth = NULL;
  g_autoptr(GlossLibraryStats) sixth = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *en = g_build_filename (fixture->dir, "corpus", "2026", "en.txt", NULL);
  g_autofree char *zh = g_build_filename (fixture->dir, "corpus", "zh.txt", NULL);
  g_autofree char *bob = g_build_filename (fixture->dir, "corpus", "zh.txt.bob.gloss.json", NULL);

  g_assert_cmpuint (first->read, ==, 2);
  g_assert_cmpuint (second->read, ==, 0);
  g_assert_cmpuint (second->articles, ==, 2);

  /* One article changes: only it is read, and search sees the new text. */
  gloss_test_write (en, "Budget talks\n\nThe minister said nothing on Tuesday.\n", -1);
  third = update (fixture);
  g_assert_cmpuint (third->read, ==, 1);
  hits = search (fixture, "tuesday", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "cut taxes", NULL);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Same bytes, new mtime: checked by SHA-256, not read again. */
  {
    GStatBuf st;
    struct utimbuf times;

    g_assert_cmpint (g_stat (zh, &st), ==, 0);
    times.actime = st.st_atime;
    times.modtime = st.st_mtime + 10;
    g_assert_cmpint (g_utime (zh, &times), ==, 0);
  }
  fourth = update (fixture);
  g_assert_cmpuint (fourth->read, ==, 0);

  /* A sidecar goes: its annotations go with it. */
  g_assert_cmpint (g_unlink (bob), ==, 0);
  fifth = update (fixture);
  g_assert_cmpuint (fifth->read, ==, 1);
  g_assert_cmpuint (fifth->sidecars, ==, 1);
  g_assert_cmpuint (fifth->annotations, ==, 2);

  /* An article goes. */
  g_assert_cmpint (g_unlink (en), ==, 0);
  sixth = update (fixture);
  g_assert_cmpuint (sixth->articles, ==, 1);
  /* Its broken sidecar stays listed: its article is not beside it any more. */
  g_assert_cmpuint (sixth->broken->len, ==, 1);
  hits = search (fixture, "minister", NULL);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) first = update (fixture);
  g_autoptr(GlossLibraryStats) second = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *wal = g_strconcat (fixture->database, "-wal", NULL);

  g_unlink (wal);
  gloss_test_write (fixture->database, "this is not a database, it is a sandwich", -1);
  second = update (fixture);
  g_assert_cmpuint (second->articles, ==, 2);
  g_assert_cmpuint (second->read, ==, 2);
  hits = search (fixture, "党员", NULL);
  g_assert_cmpuint (hits->len, ==, 2);
}

static void
test_stale (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) first = update (fixture);
  g_autoptr(GlossLibraryStats) second = NULL;
  sqlite3 *db = NULL;

  /* An index written by another version of Gloss, with its own tables. */
  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1; CREATE TABLE old_stuff (x);"
                                     "DELETE FROM articles;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  second = update (fixture);
  g_assert_cmpuint (second->articles, ==, 2);
  g_assert_cmpuint (second->read, ==, 2);

  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT * FROM old_stuff", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

/* The integer @sql reads from @database (?1 bound to @term, if given). */
static int
query_int (const char *database,
           const char *sql,
           const char *term)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open (database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (term != NULL)
    sqlite3_bind_text (stmt, 1, term, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static int
page_size (const char *database)
{
  return query_int (database, "PRAGMA page_size", NULL);
}

/* The index's pages are of 16 KiB, also in the file of an older index with
 * SQLite's 4 KiB ones (a common word's search reads its texts a page per
 * system call), unless another connection holds that file. */
static void
test_page_size (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) first = update (fixture);
  g_autoptr(GlossLibraryStats) second = NULL;
  g_autoptr(GlossLibraryStats) third = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  sqlite3 *db = NULL, *holder = NULL;

  g_assert_cmpint (page_size (fixture->database), ==, 16384);

  /* An older index, of 4 KiB pages. */
  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM;"
                                     "PRAGMA journal_mode = WAL; PRAGMA user_version = 5005;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (page_size (fixture->database), ==, 4096);
  second = update (fixture);
  g_assert_cmpuint (second->read, ==, 2);
  g_assert_cmpint (page_size (fixture->database), ==, 16384);

  /* Held open by another reader while it is rebuilt: kept as it is. */
  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM;"
                                     "PRAGMA journal_mode = WAL; PRAGMA user_version = 5005;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (fixture->database, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL), ==, SQLITE_OK);
  third = update (fixture);
  g_assert_cmpuint (third->read, ==, 2);
  hits = search (fixture, "党员", NULL);
  g_assert_cmpuint (hits->len, ==, 2);
  sqlite3_close (holder);
  g_assert_cmpint (page_size (fixture->database), ==, 4096);
}

static void
test_search_cjk (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) stats = update (fixture);
  g_autoptr(GPtrArray) hits = search (fixture, "党员", NULL);
  g_autoptr(GPtrArray) traditional = search (fixture, "黨員", NULL);
  g_autoptr(GPtrArray) three = search (fixture, "北京召", NULL);
  g_autoptr(GPtrArray) nothing = search (fixture, "上海", NULL);
  g_autofree char *snippet = NULL;

  /* Short queries scan the texts; both spellings, by code point. */
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpuint (hit (hits, 0)->kind, ==, GLOSS_LIBRARY_HIT_TEXT);
  g_assert_cmpuint (hit (hits, 0)->start, ==, 1);
  g_assert_cmpuint (hit (hits, 0)->end, ==, 3);
  g_assert_cmpstr (hit (hits, 0)->match, ==, "黨員");
  g_assert_cmpuint (hit (hits, 1)->start, ==, 13);
  g_assert_cmpstr (hit (hits, 1)->match, ==, "党员");
  snippet = gloss_library_hit_dup_snippet (hit (hits, 1));
  g_assert_true (g_str_has_prefix (snippet, "😀黨員大會在北京召開。  **党员**们讨论了"));

  g_assert_cmpuint (traditional->len, ==, 2);
  g_assert_cmpuint (hit (traditional, 1)->start, ==, 13);

  /* Three code points and more go through the trigram index. */
  g_assert_cmpuint (three->len, ==, 1);
  g_assert_cmpuint (hit (three, 0)->start, ==, 6);
  g_assert_cmpuint (nothing->len, ==, 0);
}

/* Offsets in a text whose folded form has other byte lengths (full-width
 * letters fold to ASCII) and astral characters, long enough that the search
 * steps through it a word at a time: every hit at its code point. */
static void
test_search_offsets (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Ｔｉｔｌｅ\n\n");
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (glong));
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  guint n = 0;

  for (guint i = 0; i < 40; i++)
    {
      glong at;

      g_string_append_printf (text, "第%u段：ＡＢＣ%s", i, i % 3 == 0 ? "😀" : "");
      at = g_utf8_strlen (text->str, -1);
      g_array_append_val (expected, at);
      g_string_append (text, i % 2 == 0 ? "黨員" : "党员");
      g_string_append (text, "abc，“Ｑ”。\n");
    }
  write_in (fixture, "corpus/offsets.txt", text->str);
  stats = update (fixture);
  hits = search (fixture, "党员", NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      GlossLibraryHit *h = hit (hits, i);

      if (!g_str_has_suffix (h->article, "/offsets.txt"))
        continue;
      g_assert_cmpuint (n, <, expected->len);
      g_assert_cmpuint (h->start, ==, g_array_index (expected, glong, n));
      g_assert_cmpuint (h->end, ==, g_array_index (expected, glong, n) + 2);
      g_assert_cmpstr (h->match, ==, n % 2 == 0 ? "黨員" : "党员");
      /* The snippets overlap, each with the text's own characters around
       * the match: 24 of them each side, line breaks as spaces. */
      {
        glong from = MAX ((glong) h->start - 24, 0);
        glong length = g_utf8_strlen (text->str, -1);
        glong to = MIN ((glong) h->end + 24, length);
        g_autofree char *before = g_utf8_substring (text->str, from, h->start);
        g_autofree char *after = g_utf8_substring (text->str, h->end, to);
        g_autofree char *want_before = g_strconcat (from > 0 ? "…" : "", g_strdelimit (before, "\n", ' '), NULL);
        g_autofree char *want_after = g_strconcat (g_strdelimit (after, "\n", ' '), to < length ? "…" : "", NULL);

        g_assert_cmpstr (h->before, ==, want_before);
        g_assert_cmpstr (h->after, ==, want_after);
      }
      n++;
    }
  g_assert_cmpuint (n, ==, 40);
}

static void
test_search_folding (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) stats = update (fixture);
  g_autoptr(GPtrArray) half = search (fixture, "abc计划", NULL);
  g_autoptr(GPtrArray) full = search (fixture, "ＡＢＣ", NULL);
  g_autoptr(GPtrArray) upper = search (fixture, "THE MINISTER", NULL);
  g_autoptr(GPtrArray) one = search (fixture, "b", NULL);

  g_assert_cmpuint (half->len, ==, 1);
  g_assert_cmpuint (hit (half, 0)->start, ==, 19);
  g_assert_cmpuint (hit (half, 0)->end, ==, 24);
  g_assert_cmpstr (hit (half, 0)->match, ==, "ＡＢＣ计划");
  g_assert_cmpuint (full->len, ==, 1);
  g_assert_cmpuint (upper->len, ==, 1);
  /* CRLF became LF in the canonical text: offsets count it once. */
  g_assert_cmpuint (hit (upper, 0)->start, ==, 14);
  g_assert_cmpstr (hit (upper, 0)->match, ==, "The minister");
  /* One letter: "B" of Budget, "b" of ABC. */
  g_assert_cmpuint (one->len, ==, 2);
}

/* A search folds through the index's own table of Han folds
 * (gloss-library-fold.c), written with its first text: it must fold every
 * character of the BMP as gloss_fold_char() folded the texts.  Before the
 * first text the table is empty and folds nothing; an index of an older
 * version without the table is rebuilt (its version differs). */
static void
test_fold_table (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GlossLibraryFold) fold = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  sqlite3 *db = NULL;
  guint differ = 0;

  stats = update (fixture);
  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  fold = _gloss_library_fold_load (db, fixture->database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fold);
  for (gunichar c = 1; c <= 0xFFFF; c++)
    {
      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      if (_gloss_library_fold_char (fold, c) != gloss_fold_char (c))
        {
          if (differ++ < 5)
            g_test_message ("U+%04X folds to U+%04X in the index, U+%04X in the texts",
                            c, _gloss_library_fold_char (fold, c), gloss_fold_char (c));
        }
    }
  g_assert_cmpuint (differ, ==, 0);
  g_assert_cmpuint (_gloss_library_fold_char (fold, 0x570B /* 國 */), ==, 0x56FD /* 国 */);
  g_assert_cmpuint (_gloss_library_fold_char (fold, 0x1F600), ==, 0x1F600);
  {
    g_autofree char *a = _gloss_library_fold_text (fold, "黨員ＡＢＣ　Abc😀", -1);
    g_autofree char *b = gloss_fold ("黨員ＡＢＣ　Abc😀", -1);

    g_assert_cmpstr (a, ==, b);
  }
  sqlite3_close (db);

  /* A traditional query finds the simplified text, and back. */
  hits = search (fixture, "黨員們討論", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->match, ==, "党员们讨论");
}

static void
test_search_annotations (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *quote[] = { "quote", NULL };
  const char *official[] = { "official", NULL };
  g_autoptr(GlossLibraryStats) stats = update (fixture);
  g_autoptr(GPtrArray) text = search (fixture, "坚持改革", NULL);
  g_autoptr(GPtrArray) quotes = search (fixture, "坚持改革", quote);
  g_autoptr(GPtrArray) note = search (fixture, "政策表態", NULL);
  g_autoptr(GPtrArray) speaker = search (fixture, "李强", quote);
  g_autoptr(GPtrArray) officials = search (fixture, "李强", official);
  g_autoptr(GPtrArray) short_note = search (fixture, "表", quote);

  /* The text once, and once in each layer's annotation. */
  g_assert_cmpuint (text->len, ==, 3);
  g_assert_cmpuint (quotes->len, ==, 2);
  for (guint i = 0; i < quotes->len; i++)
    {
      g_assert_cmpuint (hit (quotes, i)->kind, ==, GLOSS_LIBRARY_HIT_ANNOTATION);
      g_assert_cmpstr (hit (quotes, i)->tag, ==, "quote");
      g_assert_cmpuint (hit (quotes, i)->start, ==, 31);
      g_assert_cmpuint (hit (quotes, i)->end, ==, 35);
    }
  g_assert_cmpstr (hit (quotes, 0)->annotator, ==, "alice");
  g_assert_cmpstr (hit (quotes, 0)->annotation, ==, "q1");
  g_assert_cmpstr (hit (quotes, 1)->annotator, ==, "bob");

  /* The note, in traditional characters: the annotation's span. */
  g_assert_cmpuint (note->len, ==, 1);
  g_assert_cmpstr (hit (note, 0)->field, ==, "note");
  g_assert_cmpuint (hit (note, 0)->start, ==, 30);
  g_assert_cmpuint (hit (note, 0)->end, ==, 35);

  /* The speaker link resolved to the official's name. */
  g_assert_cmpuint (speaker->len, ==, 1);
  g_assert_cmpstr (hit (speaker, 0)->field, ==, "speaker");
  g_assert_cmpstr (hit (speaker, 0)->annotation, ==, "q1");
  g_assert_cmpuint (officials->len, ==, 1);
  g_assert_cmpuint (hit (officials, 0)->start, ==, 25);
  g_assert_cmpuint (short_note->len, ==, 1);
}

/* Every quote of the corpus, grouped by its speaker's name. */
static void
test_retrieve (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) stats = update (fixture);
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) plain = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) attributes = NULL;
  g_autoptr(GError) error = NULL;

  tags = gloss_library_list_tags (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "official");
  g_assert_cmpstr (tags[1], ==, "quote");
  attributes = gloss_library_list_attributes (fixture->library, "quote", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (attributes), ==, 1);
  g_assert_cmpstr (attributes[0], ==, "speaker");

  quotes = gloss_library_retrieve (fixture->library, "quote", "speaker", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, ==, 2);
  /* Alice's quote has a speaker, named; Bob's has none (its link points
   * to an annotation deleted since: not named by its id) and comes last. */
  g_assert_cmpstr (hit (quotes, 0)->group, ==, "李强");
  g_assert_cmpstr (hit (quotes, 0)->annotator, ==, "alice");
  g_assert_cmpstr (hit (quotes, 0)->match, ==, "要坚持改革");
  g_assert_cmpuint (hit (quotes, 0)->start, ==, 30);
  g_assert_true (g_str_has_suffix (hit (quotes, 0)->before, "李强说：“"));
  g_assert_true (g_str_has_prefix (hit (quotes, 0)->after, "。”"));
  g_assert_null (hit (quotes, 1)->group);
  g_assert_cmpstr (hit (quotes, 1)->annotator, ==, "bob");

  plain = gloss_library_retrieve (fixture->library, "official", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plain->len, ==, 1);
  g_assert_cmpstr (hit (plain, 0)->match, ==, "李强");
}

/* An annotation awaiting review whose passage was deleted keeps its old
 * offsets: Retrieve shows its quote without a context cut from today's
 * text at those offsets (which read "…会在北京召開。\n\n党员们**我们不会退让**计划。李强…"). */
static void
test_retrieve_orphan (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *dan = sidecar_json ("dan", "zh.txt", NULL,
    "{ \"id\": \"d1\", \"tag\": \"quote\", \"start\": 19, \"end\": 25, \"text\": \"我们不会退让\","
    "  \"anchor\": \"orphaned\" }");
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GError) error = NULL;
  guint found = 0;

  write_in (fixture, "corpus/zh.txt.dan.gloss.json", dan);
  stats = update (fixture);
  quotes = gloss_library_retrieve (fixture->library, "quote", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < quotes->len; i++)
    if (g_strcmp0 (hit (quotes, i)->annotator, "dan") == 0)
      {
        found++;
        g_assert_cmpstr (hit (quotes, i)->match, ==, "我们不会退让");
        g_assert_cmpstr (hit (quotes, i)->before, ==, "");
        g_assert_cmpstr (hit (quotes, i)->after, ==, "");
      }
    else
      g_assert_cmpstr (hit (quotes, i)->before, !=, "");
  g_assert_cmpuint (found, ==, 1);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  GArray *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  g_array_append_val (calls, done);
}

static void
updated_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GlossLibraryStats **stats = user_data;
  g_autoptr(GError) error = NULL;

  *stats = gloss_library_update_finish (GLOSS_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GlossLibraryStats) stats = NULL;

  gloss_library_update_async (fixture->library, progress_cb, calls, NULL, NULL, updated_cb, &stats);
  while (stats == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (stats->articles, ==, 2);
  /* Every progress report arrives before the result. */
  g_assert_cmpuint (calls->len, >=, 2);
  g_assert_cmpuint (g_array_index (calls, guint, calls->len - 1), ==, 2);
}

/* The index keeps, instead of each text, what turns its folded form back
 * into it: every kind of character comes back exactly, and a snippet is
 * cut from the text, not from its folded form. */
static void
test_unfold (void)
{
  const char *texts[] = {
    "",
    "党员干部要带头。",
    "國務院：ＡＢＣ，Gloss\u3000和 😀 G20、黨員。",
    "ÉCOLE Ⅻ ｶﾀｶﾅ 黨",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = gloss_fold (texts[i], -1);
      g_autoptr(GByteArray) patch = _gloss_library_unfold_patch (texts[i], folded);

      g_assert_cmpstr (_gloss_library_unfold (out, folded, patch ? patch->data : NULL, patch ? patch->len : 0), ==, texts[i]);
      /* Nothing to keep when folding changed nothing; else a fraction. */
      if (strcmp (texts[i], folded) == 0)
        g_assert_null (patch);
      else
        g_assert_cmpuint (patch->len, <, strlen (texts[i]));
    }

  /* Not the same code points (never made by gloss_fold()): the text whole. */
  {
    g_autoptr(GByteArray) patch = _gloss_library_unfold_patch ("ab", "abc");

    g_assert_cmpstr (_gloss_library_unfold (out, "abc", patch->data, patch->len), ==, "ab");
  }
}

static void
test_hit_markup (void)
{
  GlossLibraryHit hit = { 0 };
  g_autofree char *markup = NULL;
  g_autofree char *snippet = NULL;

  hit.before = (char *) "a <";
  hit.match = (char *) "党&员";
  hit.after = (char *) "> b";
  markup = gloss_library_hit_dup_markup (&hit);
  g_assert_cmpstr (markup, ==, "a &lt;<b>党&amp;员</b>&gt; b");
  snippet = gloss_library_hit_dup_snippet (&hit);
  g_assert_cmpstr (snippet, ==, "a <**党&员**> b");
}

static void
test_missing_folder (void)
{
  const char *folders[] = { "/nonexistent/gloss/library", NULL };
  g_autoptr(GlossLibrary) library = gloss_library_new (folders);
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *database = g_build_filename (dir, "library.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  GlossLibraryStats *stats;

  gloss_library_set_database (library, database);
  stats = gloss_library_update (library, NULL, NULL, NULL, &error);
  g_assert_null (stats);
  g_assert_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "/nonexistent/gloss/library"));
  gloss_test_rm_rf (dir);
}

static GPtrArray *
update_and_search (Fixture    *fixture,
                   const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = gloss_library_update_and_search (fixture->library, query, NULL, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* The search's own way to an up-to-date index: it searches while it looks
 * for changes, and must notice every kind of change before it answers. */
static void
test_update_and_search (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autofree char *en = g_build_filename (fixture->dir, "corpus", "2026", "en.txt", NULL);
  g_autofree char *zh = g_build_filename (fixture->dir, "corpus", "zh.txt", NULL);
  g_autofree char *wal = g_strconcat (fixture->database, "-wal", NULL);

  /* No index yet: it is built first. */
  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Nothing changed: the same answer. */
  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A changed article: the new text is found, the old one no more. */
  gloss_test_write (en, "Budget talks\n\nThe minister said nothing on Tuesday.\n", -1);
  hits = update_and_search (fixture, "tuesday");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (hit (hits, 0)->start, ==, 43);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = update_and_search (fixture, "cut taxes");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* An article gone: its hits go with it. */
  g_assert_cmpint (g_unlink (zh), ==, 0);
  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A new article appears. */
  write_in (fixture, "corpus/new/三.txt", "党员大会闭幕。\n");
  hits = update_and_search (fixture, "党员大会");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (g_str_has_suffix (hit (hits, 0)->article, "/corpus/new/三.txt"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A damaged index heals on the way. */
  g_unlink (wal);
  gloss_test_write (fixture->database, "this is not a database, it is a sandwich", -1);
  hits = update_and_search (fixture, "党员大会");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* So does an index of another version, with tables of its own. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1; CREATE TABLE old_stuff (x);"
                                       "DELETE FROM texts;", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  hits = update_and_search (fixture, "党员大会");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* And the index is the one an update would have made. */
  stats = update (fixture);
  g_assert_cmpuint (stats->read, ==, 0);
  g_assert_cmpuint (stats->articles, ==, 2);
}

/* The same for sidecars coming and going beside an unchanged article, and
 * for a folder deep down (the walk is shared between two threads, a folder
 * each at a time). */
static void
test_update_and_search_sidecars (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *dave[] = { "dave", NULL };
  g_autofree char *sidecar = g_build_filename (fixture->dir, "corpus", "zh.txt.dave.gloss.json", NULL);
  g_autofree char *json = sidecar_json ("dave", "zh.txt", NULL,
    "{ \"id\": \"d1\", \"tag\": \"place\", \"start\": 6, \"end\": 8, \"text\": \"北京\" }");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A third sidecar for an article that did not change. */
  write_in (fixture, "corpus/zh.txt.dave.gloss.json", json);
  hits = gloss_library_update_and_search (fixture->library, "北京", NULL, dave, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->annotator, ==, "dave");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* And gone again. */
  g_assert_cmpint (g_unlink (sidecar), ==, 0);
  hits = gloss_library_update_and_search (fixture->library, "北京", NULL, dave, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Folders within folders, one changed deep down. */
  write_in (fixture, "corpus/a/b/c/d/深.txt", "深层的文件里有一句话。\n");
  write_in (fixture, "corpus/a/b/浅.txt", "浅层的文件。\n");
  write_in (fixture, "corpus/a/e/旁.txt", "旁边的文件。\n");
  hits = update_and_search (fixture, "的文件");
  g_assert_cmpuint (hits->len, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);
  write_in (fixture, "corpus/a/b/c/d/深.txt", "深层的文件改过了。\n");
  hits = update_and_search (fixture, "文件改过");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (g_str_has_suffix (hit (hits, 0)->article, "/corpus/a/b/c/d/深.txt"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = update_and_search (fixture, "一句话");
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_update_and_search_missing_folder (void)
{
  const char *folders[] = { "/nonexistent/gloss/library", NULL };
  g_autoptr(GlossLibrary) library = gloss_library_new (folders);
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *database = g_build_filename (dir, "library.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *hits;

  gloss_library_set_database (library, database);
  hits = gloss_library_update_and_search (library, "党员", NULL, NULL, 0, &error);
  g_assert_null (hits);
  g_assert_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "/nonexistent/gloss/library"));
  gloss_test_rm_rf (dir);
}

static GlossLibraryBroken *
find_broken (GPtrArray  *broken,
             const char *suffix)
{
  for (guint i = 0; i < broken->len; i++)
    {
      GlossLibraryBroken *b = g_ptr_array_index (broken, i);

      if (g_str_has_suffix (b->path, suffix))
        return b;
    }
  return NULL;
}

/* Each file that is no article is listed by its path with the reason. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) stats = NULL;
  GlossLibraryBroken *b;

  write_bytes_in (fixture, "corpus/bad/image.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  /* Three bytes that no encoding the loader knows reads as text. */
  write_in (fixture, "corpus/bad/unknown.txt", "abc \x81 def \x81 ghi \x9d\n");
  write_in (fixture, "corpus/bad/controls.txt", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 binary\n");
  /* Windows-1252 with CRLF and short lines is text all the same. */
  write_in (fixture, "corpus/bad/latin1.txt", "caf\xe9\r\nok\r\n");
  if (getuid () != 0)
    {
      g_autofree char *locked = g_build_filename (fixture->dir, "corpus", "bad", "locked.txt", NULL);

      write_in (fixture, "corpus/bad/locked.txt", "secret\n");
      g_assert_cmpint (g_chmod (locked, 0), ==, 0);
    }

  stats = update (fixture);
  g_assert_cmpuint (stats->articles, ==, 3);

  b = find_broken (stats->broken, "/corpus/bad/image.txt");
  g_assert_nonnull (b);
  g_assert_nonnull (strstr (b->error, "NUL"));
  b = find_broken (stats->broken, "/corpus/bad/unknown.txt");
  g_assert_nonnull (b);
  g_assert_nonnull (strstr (b->error, "encoding"));
  b = find_broken (stats->broken, "/corpus/bad/controls.txt");
  g_assert_nonnull (b);
  g_assert_nonnull (strstr (b->error, "binary"));
  g_assert_null (find_broken (stats->broken, "/corpus/bad/latin1.txt"));
  if (getuid () != 0)
    {
      b = find_broken (stats->broken, "/corpus/bad/locked.txt");
      g_assert_nonnull (b);
      g_assert_cmpstr (b->error, !=, "");
      g_assert_cmpuint (stats->broken->len, ==, 5);
    }
  else
    {
      g_test_message ("running as root: every file is readable, the unreadable case is not tried");
      g_assert_cmpuint (stats->broken->len, ==, 4);
    }
}

static void
remove_on_first_progress (guint    done,
                          guint    total,
                          gpointer user_data)
{
  if (done == 0)
    gloss_test_rm_rf (user_data);
}

/* A folder goes away while the index reads it. */
static void
test_folder_vanishes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (fixture->dir, "corpus", "2026", NULL);
  g_autofree char *corpus = g_build_filename (fixture->dir, "corpus", NULL);
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GlossLibraryStats) again = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibraryBroken *b;

  /* A subfolder: its files are listed as unreadable, by name ... */
  stats = gloss_library_update (fixture->library, remove_on_first_progress, sub, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->articles, ==, 1);
  b = find_broken (stats->broken, "/corpus/2026/en.txt");
  g_assert_nonnull (b);
  g_assert_cmpstr (b->error, !=, "");
  /* ... until the next update, which finds them gone. */
  again = update (fixture);
  g_assert_cmpuint (again->articles, ==, 1);
  g_assert_cmpuint (again->broken->len, ==, 0);

  /* The library folder itself: one message naming it. */
  write_in (fixture, "corpus/zh.txt", "党员大会闭幕。\n");
  g_assert_null (gloss_library_update (fixture->library, remove_on_first_progress, corpus, NULL, &error));
  g_assert_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, corpus));
  g_assert_nonnull (strstr (error->message, "disappeared"));
}

/* How many texts the bigram index lists under @term. */
static int
count_bigram (Fixture    *fixture,
              const char *term)
{
  return query_int (fixture->database, "SELECT count(*) FROM text_bigrams WHERE text_bigrams MATCH ?1", term);
}

/* Hits by article path and offset, whatever order the index holds the
 * texts in: an article indexed last whose path sorts first. */
static void
test_search_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GlossLibraryStats) first = update (fixture);
  g_autoptr(GlossLibraryStats) second = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const char *articles[] = { "/corpus/0.txt", "/corpus/0.txt", "/corpus/zh.txt", "/corpus/zh.txt" };
  guint starts[] = { 0, 3, 1, 13 };

  write_in (fixture, "corpus/0.txt", "党员，党员。");
  second = update (fixture);
  g_assert_cmpuint (second->read, ==, 1);
  hits = search (fixture, "党员", NULL);
  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (starts));
  for (guint i = 0; i < hits->len; i++)
    {
      g_assert_true (g_str_has_suffix (hit (hits, i)->article, articles[i]));
      g_assert_cmpuint (hit (hits, i)->start, ==, starts[i]);
    }
}

/* Queries of one and two characters go through the bigram index (text_bigrams)
 * and must find what a scan of the texts finds: folded forms, the last
 * character of a text, characters outside the BMP, quotes; and forget an
 * article's old text when it changes or goes. */
static void
test_search_short (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *short_path = g_build_filename (fixture->dir, "corpus", "short.txt", NULL);
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  /* No newline at the end: its last character is 終. */
  write_in (fixture, "corpus/short.txt", "臺灣的ＡＢ计划和ab计划，\"引号\"在此。句末是終");
  stats = update (fixture);

  /* Half-width finds full-width: ＡＢＣ of zh.txt, ＡＢ and ab here. */
  hits = search (fixture, "ab", NULL);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_true (g_str_has_suffix (hit (hits, 0)->article, "/short.txt"));
  g_assert_cmpuint (hit (hits, 0)->start, ==, 3);
  g_assert_cmpstr (hit (hits, 0)->match, ==, "ＡＢ");
  g_assert_cmpuint (hit (hits, 1)->start, ==, 8);
  g_assert_cmpstr (hit (hits, 1)->match, ==, "ab");
  g_assert_true (g_str_has_suffix (hit (hits, 2)->article, "/zh.txt"));
  g_assert_cmpuint (hit (hits, 2)->start, ==, 19);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Traditional finds simplified and back; the bigram index holds 台湾
   * (U+53F0 U+6E7E) as a term that any SQLite reads. */
  g_assert_cmpint (count_bigram (fixture, "53f0g6e7e"), ==, 1);
  hits = search (fixture, "台湾", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (hit (hits, 0)->start, ==, 0);
  g_assert_cmpstr (hit (hits, 0)->match, ==, "臺灣");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* One character: the last of a text, and one outside the BMP. */
  hits = search (fixture, "终", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (hit (hits, 0)->start, ==, 23);
  g_assert_cmpuint (hit (hits, 0)->end, ==, 24);
  g_assert_cmpstr (hit (hits, 0)->match, ==, "終");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "😀", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (hit (hits, 0)->start, ==, 0);
  g_assert_true (g_str_has_suffix (hit (hits, 0)->article, "/zh.txt"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* Every occurrence of a character found in many places. */
  hits = search (fixture, "计", NULL);
  g_assert_cmpuint (hits->len, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Quotes are characters like any other, not FTS5 syntax. */
  hits = search (fixture, "\"在", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (hit (hits, 0)->start, ==, 16);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "上海", NULL);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The article changes: its old text is forgotten, its new one found. */
  gloss_test_write (short_path, "上海的消息。", -1);
  g_clear_pointer (&stats, gloss_library_stats_free);
  stats = update (fixture);
  g_assert_cmpint (count_bigram (fixture, "53f0g6e7e"), ==, 0);
  hits = search (fixture, "台湾", NULL);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "上海", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* And goes. */
  g_assert_cmpint (g_unlink (short_path), ==, 0);
  g_clear_pointer (&stats, gloss_library_stats_free);
  stats = update (fixture);
  hits = search (fixture, "上海", NULL);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* An article edited in place, same size, within the tick of the clock that
 * stamped it (its mtime put back as it was, as a coarse clock would leave
 * it): the next search still sees the new text, never the index's old one. */
static void
test_edited_in_place (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *zh = g_build_filename (fixture->dir, "corpus", "zh.txt", NULL);
  g_autoptr(GString) edited = g_string_new (ZH_TEXT);
  g_autoptr(GPtrArray) hits = NULL;
  struct timespec times[2];
  struct timespec ahead[2] = { { time (NULL) + 20, 0 }, { time (NULL) + 20, 0 } };
  GStatBuf st;
  gint64 written;

  /* Written now, then indexed: a real edit within the tick follows at once.
   * The stamp is put 20 s ahead of the clock (no further than the minute
   * the index takes for a coarse clock's), so that it is within the two
   * seconds before the index's read however slowly a loaded machine gets
   * there: with the stamp of now, an index read more than a second later
   * could not show it, and the test skipped itself. */
  gloss_test_write (zh, ZH_TEXT, -1);
  g_assert_cmpint (utimensat (AT_FDCWD, zh, ahead, 0), ==, 0);
  written = g_get_real_time ();
  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  if (g_get_real_time () - written > 20 * G_USEC_PER_SEC)
    {
      g_test_skip ("indexing took more than 20 seconds: too slow to stand for an edit within one tick");
      return;
    }

  g_assert_cmpint (g_stat (zh, &st), ==, 0);
  /* 群众 has the bytes of 党员: the same size. */
  g_assert_cmpuint (g_string_replace (edited, "党员", "群众", 1), ==, 1);
  g_assert_cmpuint (edited->len, ==, strlen (ZH_TEXT));
  gloss_test_write (zh, edited->str, edited->len);
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, zh, times, 0), ==, 0);

  hits = update_and_search (fixture, "群众");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (hit (hits, 0)->start, ==, 13);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->match, ==, "黨員");
}

/* gloss_library_search_current(), the small gloss-cli's search: it answers
 * only from an index it knows to be current, and otherwise says so and
 * writes nothing, for every kind of change update_and_search() notices. */
static GPtrArray *
search_current (Fixture  *fixture,
                const char *query,
                GError  **error)
{
  return gloss_library_search_current (fixture->library, query, NULL, NULL, 0, error);
}

/* The index is current: @query has @n hits without an update. */
static void
assert_current (Fixture    *fixture,
                const char *query,
                guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = search_current (fixture, query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, n);
}

static void
assert_stale (Fixture    *fixture,
              const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = search_current (fixture, query, &error);

  g_assert_null (hits);
  g_assert_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_STALE);
  /* Nothing was written: it is still stale. */
  g_clear_error (&error);
  hits = search_current (fixture, query, &error);
  g_assert_null (hits);
  g_assert_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_STALE);
}

static void
test_search_current (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *en = g_build_filename (fixture->dir, "corpus", "2026", "en.txt", NULL);
  g_autofree char *zh = g_build_filename (fixture->dir, "corpus", "zh.txt", NULL);
  g_autofree char *wal = g_strconcat (fixture->database, "-wal", NULL);
  g_autofree char *corpus = g_build_filename (fixture->dir, "corpus", NULL);

  /* No index yet. */
  gloss_test_age_tree (corpus);
  assert_stale (fixture, "党员");

  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  assert_current (fixture, "党员", 2);

  /* A bad query is the query's error, not the index's. */
  hits = search_current (fixture, "\xff\xfe", &error);
  g_assert_null (hits);
  g_assert_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE);
  g_clear_error (&error);

  /* A changed article, a new one, one gone: stale until updated. */
  gloss_test_write (en, "Budget talks\n\nThe minister said nothing on Tuesday.\n", -1);
  gloss_test_age_tree (corpus);
  assert_stale (fixture, "tuesday");
  hits = update_and_search (fixture, "tuesday");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  assert_current (fixture, "tuesday", 1);

  write_in (fixture, "corpus/new/三.txt", "党员大会闭幕。\n");
  gloss_test_age_tree (corpus);
  assert_stale (fixture, "党员大会");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = update_and_search (fixture, "党员大会");
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_cmpint (g_unlink (zh), ==, 0);
  assert_stale (fixture, "党员");
  hits = update_and_search (fixture, "党员");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A damaged index is stale too: only an update heals it. */
  g_unlink (wal);
  gloss_test_write (fixture->database, "this is not a database, it is a sandwich", -1);
  assert_stale (fixture, "党员大会");
  hits = update_and_search (fixture, "党员大会");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  assert_current (fixture, "党员大会", 1);
}

/* A file dated in the future (an archive's dates, a wrong clock) is read
 * once, not at every update: a search then finds the index current.  An
 * edit, which dates it now, is still seen. */
static void
test_future_mtime (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *corpus = g_build_filename (fixture->dir, "corpus", NULL);
  g_autofree char *en = g_build_filename (corpus, "2026", "en.txt", NULL);
  struct timespec tomorrow[2] = { { time (NULL) + 86400, 0 }, { time (NULL) + 86400, 0 } };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  gloss_test_age_tree (corpus);
  g_assert_cmpint (utimensat (AT_FDCWD, en, tomorrow, 0), ==, 0);
  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  assert_current (fixture, "党员", 2);

  /* Written now: dated now, and found. */
  gloss_test_write (en, "Budget talks\n\nThe minister said nothing on Tuesday.\n", -1);
  assert_stale (fixture, "tuesday");
  hits = update_and_search (fixture, "tuesday");
  g_assert_cmpuint (hits->len, ==, 1);
}

/* How many digests of a walk stand for the index as it is. */
static int
current_digests (Fixture *fixture)
{
  return query_int (fixture->database, "SELECT count(*) FROM walk_digests d JOIN generation g ON d.generation = g.n", NULL);
}

/* A search that found the index current keeps its walk's digest, and the
 * next one compares its walk with that instead of reading every file's
 * stamps: an edit in place is still seen, and so is a write of the index
 * by another hand, after which the digest stands for nothing. */
static void
test_walk_digest (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *corpus = g_build_filename (fixture->dir, "corpus", NULL);
  g_autofree char *en = g_build_filename (corpus, "2026", "en.txt", NULL);
  g_autofree char *zh = g_build_filename (corpus, "zh.txt", NULL);
  g_autoptr(GString) edited = g_string_new (EN_TEXT);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GlossLibraryStats) stats = NULL;
  struct timespec later[2];
  sqlite3 *db = NULL;
  GStatBuf st;

  gloss_test_age_tree (corpus);
  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* Just written: there was no walk that matched it. */
  g_assert_cmpint (current_digests (fixture), ==, 0);
  assert_current (fixture, "党员", 2);
  g_assert_cmpint (current_digests (fixture), ==, 1);
  assert_current (fixture, "党员", 2);

  /* Edited in place, the same size, a second later. */
  g_assert_cmpuint (g_string_replace (edited, "Monday", "Friday", 1), ==, 1);
  g_assert_cmpint (g_stat (en, &st), ==, 0);
  gloss_test_write (en, edited->str, edited->len);
  later[0] = st.st_atim;
  later[1] = st.st_mtim;
  later[1].tv_sec += 1;
  g_assert_cmpint (utimensat (AT_FDCWD, en, later, 0), ==, 0);
  assert_stale (fixture, "friday");
  hits = update_and_search (fixture, "friday");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  assert_current (fixture, "friday", 1);
  g_assert_cmpint (current_digests (fixture), ==, 1);

  /* Another hand forgets an article in the index: the files are as the
   * digest says, but the index is not. */
  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM articles WHERE path = '%s'", zh);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);
  g_assert_cmpint (current_digests (fixture), ==, 0);
  assert_stale (fixture, "党员");
  hits = update_and_search (fixture, "党员");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  stats = update (fixture);
  g_assert_cmpuint (stats->read, ==, 0);
}

/* Messages that the index was damaged and is made again. */
static guint damaged_messages;

static GLogWriterOutput
count_damaged (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") &&
        g_strstr_len (fields[i].value, fields[i].length, "library index is damaged") != NULL)
      damaged_messages++;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* A damaged page inside an index that opens well (opening for a search
 * does not check the pages) is met by a query: the index is made again,
 * saying so, and the query answered. */
static void
test_damaged_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *tables[] = { "text_fts_data", "text_fts_content", "text_bigrams_data", "texts", "articles" };
  g_autoptr(GlossLibraryStats) first = update (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", tables[i]);
      gloss_test_damage_pages (fixture->database, tables[i]);
      /* Where gloss-cli cannot rebuild, it says so and leaves it. */
      hits = gloss_library_search_as_is (fixture->library, "黨員大會", NULL, NULL, 0, &error);
      if (hits == NULL)
        g_assert_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_STALE);
      g_clear_error (&error);
      g_clear_pointer (&hits, g_ptr_array_unref);

      damaged_messages = 0;
      hits = i % 2 == 0 ? search (fixture, i < 2 ? "黨員大會" : "党员", NULL)
                        : update_and_search (fixture, i < 2 ? "黨員大會" : "党员");
      g_assert_cmpuint (damaged_messages, ==, 1);
      g_assert_cmpuint (hits->len, ==, i < 2 ? 1 : 2);
      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = search (fixture, "党员", NULL);
      g_assert_cmpuint (hits->len, ==, 2);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (count_damaged, NULL, NULL);

  g_test_add_func ("/library/fold", test_fold);
  g_test_add_func ("/library/hit-markup", test_hit_markup);
  g_test_add_func ("/library/unfold", test_unfold);
  g_test_add_func ("/library/missing-folder", test_missing_folder);
  g_test_add_func ("/library/update-and-search-missing-folder", test_update_and_search_missing_folder);
#define ADD(path, func) g_test_add ("/library/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("build", test_build);
  ADD ("never-writes", test_never_writes);
  ADD ("incremental", test_incremental);
  ADD ("corrupt", test_corrupt);
  ADD ("stale", test_stale);
  ADD ("page-size", test_page_size);
  ADD ("search-cjk", test_search_cjk);
  ADD ("search-folding", test_search_folding);
  ADD ("fold-table", test_fold_table);
  ADD ("search-offsets", test_search_offsets);
  ADD ("search-annotations", test_search_annotations);
  ADD ("search-short", test_search_short);
  ADD ("search-order", test_search_order);
  ADD ("edited-in-place", test_edited_in_place);
  ADD ("async", test_async);
  ADD ("retrieve", test_retrieve);
  ADD ("retrieve-orphan", test_retrieve_orphan);
  ADD ("update-and-search", test_update_and_search);
  ADD ("search-current", test_search_current);
  ADD ("future-mtime", test_future_mtime);
  ADD ("walk-digest", test_walk_digest);
  ADD ("damaged-pages", test_damaged_pages);
  ADD ("update-and-search-sidecars", test_update_and_search_sidecars);
  ADD ("bad-input", test_bad_input);
  ADD ("folder-vanishes", test_folder_vanishes);
#undef ADD

  return g_test_run ();
}
