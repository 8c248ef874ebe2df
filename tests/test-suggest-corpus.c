/* test-suggest-corpus.c: learning from the corpus through the library
 * index when it is current, through the sidecars otherwise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "gloss-library.h"
#include "gloss-suggest.h"
#include "gloss-test-util.h"

/* 蓝天行动 is 5…9, 老街坊 17…20, 碧水计划 0…4, 今年 9…11. */
static const char *text = "碧水计划和蓝天行动今年都启动了。据老街坊回忆。\n";

typedef struct
{
  char *dir;
  char *database;
  GFile *article;
} Fixture;

/* Stamps of a moment long past: an update trusts them (a stamp younger
 * than two seconds is stored as racy, and the file read again). */
static void
age (const char *dir,
     const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times = { 1600000000, 1600000000 };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
write_aged_layer (const char *dir,
                  const char *article,
                  const char *annotator,
                  const char *annotations)
{
  g_autofree char *name = g_strdup_printf ("%s.%s.gloss.json", article, annotator);

  gloss_test_write_layer (dir, article, annotator, "", annotations);
  age (dir, name);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = gloss_test_make_tmpdir ();
  f->database = g_build_filename (f->dir, "cache", "library.sqlite", NULL);
  path = g_build_filename (f->dir, "a.txt", NULL);
  f->article = g_file_new_for_path (path);

  gloss_test_write_in (f->dir, "a.txt", text);
  /* A colleague's layer of the same article: never learned from. */
  write_aged_layer (f->dir, "a.txt", "bob",
                    "{ \"id\": \"p1\", \"tag\": \"program\", \"start\": 0, \"end\": 4, \"text\": \"碧水计划\" }");
  gloss_test_write_in (f->dir, "b.txt", "蓝天行动由老街坊提出。\n");
  write_aged_layer (f->dir, "b.txt", "alice",
                    "{ \"id\": \"p2\", \"tag\": \"program\", \"start\": 0, \"end\": 4, \"text\": \"蓝天行动\" },"
                    "{ \"id\": \"o1\", \"tag\": \"person\", \"start\": 5, \"end\": 8, \"text\": \"老街坊\","
                    "  \"attributes\": { \"role\": \"居民\" } }");
  /* A sidecar that does not parse teaches nothing, and breaks nothing. */
  gloss_test_write_in (f->dir, "c.txt.carol.gloss.json", "{ \"format\": ");
  age (f->dir, "c.txt.carol.gloss.json");
  /* Below the folder: not beside the article. */
  gloss_test_write_in (f->dir, "sub/d.txt", "今年\n");
  gloss_test_write_layer (f->dir, "sub/d.txt", "dave", "",
                          "{ \"id\": \"p3\", \"tag\": \"program\", \"start\": 0, \"end\": 2, \"text\": \"今年\" }");
  age (f->dir, "sub/d.txt.dave.gloss.json");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gloss_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->database);
  g_clear_object (&f->article);
}

static void
update_index (Fixture *f)
{
  const char *folders[] = { f->dir, NULL };
  g_autoptr(GlossLibrary) library = gloss_library_new (folders);
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  gloss_library_set_database (library, f->database);
  stats = gloss_library_update (library, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->broken->len, ==, 1);
}

static const GlossSuggestion *
find (GPtrArray *all,
      guint      start,
      guint      end)
{
  for (guint i = 0; i < all->len; i++)
    {
      const GlossSuggestion *s = all->pdata[i];

      if (g_str_equal (s->rule, "corpus") && s->start == start && s->end == end)
        return s;
    }
  return NULL;
}

/* Learns with gloss_suggester_add_known_from_corpus(), checks it learned
 * from @expected, and returns the suggestions on the article. */
static GPtrArray *
learn (Fixture                  *f,
       GlossSuggestCorpusSource  expected)
{
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();

  g_assert_cmpint (gloss_suggester_add_known_from_corpus (suggester, f->database, f->article, NULL), ==, expected);
  return gloss_suggester_run (suggester, text);
}

/* Overwrites @name with the same number of bytes and the same stamp: an
 * update would not see the change, the index keeps what it read. */
static void
replace_unseen (Fixture    *f,
                const char *name,
                const char *from,
                const char *to)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *contents = gloss_test_read (path, NULL);
  g_autoptr(GString) changed = g_string_new (contents);

  g_assert_cmpuint (strlen (from), ==, strlen (to));
  g_assert_cmpuint (g_string_replace (changed, from, to, 0), >, 0);
  gloss_test_write (path, changed->str, changed->len);
  age (f->dir, name);
}

/* A current index is read instead of the sidecars: what it holds is
 * learned, not what the sidecar holds now behind the same stamp. */
static void
test_index_current (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  const GlossSuggestion *person;

  update_index (f);
  replace_unseen (f, "b.txt.alice.gloss.json", "蓝天行动", "白云行动");
  all = learn (f, GLOSS_SUGGEST_CORPUS_INDEX);
  g_assert_nonnull (find (all, 5, 9));
  person = find (all, 17, 20);
  g_assert_nonnull (person);
  g_assert_cmpstr (person->tag, ==, "person");
  g_assert_cmpstr (gloss_suggestion_get_attribute (person, "role"), ==, "居民");
  /* Not the colleague's layer of this article, not the folder below. */
  g_assert_null (find (all, 0, 4));
  g_assert_null (find (all, 9, 11));
}

/* The article's own layers are left out of the comparison: saving one's
 * own work does not make the index stale for oneself. */
static void
test_own_layers_ignored (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GlossLibrary) library = gloss_library_new (NULL);
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GError) error = NULL;

  update_index (f);
  write_aged_layer (f->dir, "a.txt", "bob",
                    "{ \"id\": \"p1\", \"tag\": \"program\", \"start\": 0, \"end\": 4, \"text\": \"碧水计划\" },"
                    "{ \"id\": \"p4\", \"tag\": \"program\", \"start\": 9, \"end\": 11, \"text\": \"今年\" }");
  gloss_test_write_layer (f->dir, "a.txt", "me", "",
                          "{ \"id\": \"p5\", \"tag\": \"program\", \"start\": 9, \"end\": 11, \"text\": \"今年\" }");
  all = learn (f, GLOSS_SUGGEST_CORPUS_INDEX);
  g_assert_nonnull (find (all, 5, 9));
  g_assert_null (find (all, 0, 4));
  g_assert_null (find (all, 9, 11));

  gloss_library_set_database (library, f->database);
  known = gloss_library_list_known (library, f->article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (known->len, ==, 2);
  for (guint i = 0; i < known->len; i++)
    g_assert_true (g_str_has_suffix (((GlossLibraryKnown *) known->pdata[i])->sidecar, "/b.txt.alice.gloss.json"));
}

/* Without an index the sidecars are read, and no index is made. */
static void
test_index_missing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) all = learn (f, GLOSS_SUGGEST_CORPUS_SIDECARS);

  g_assert_nonnull (find (all, 5, 9));
  g_assert_nonnull (find (all, 17, 20));
  g_assert_null (find (all, 0, 4));
  g_assert_false (g_file_test (f->database, G_FILE_TEST_EXISTS));
}

/* A sidecar changed, added or removed since the update: the sidecars are
 * read, and what they hold now is learned. */
static void
test_index_stale (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "b.txt.alice.gloss.json", NULL);

  update_index (f);
  {
    g_autoptr(GPtrArray) all = NULL;

    /* Changed: another size. */
    write_aged_layer (f->dir, "b.txt", "alice",
                      "{ \"id\": \"p2\", \"tag\": \"program\", \"start\": 0, \"end\": 2, \"text\": \"今年\" }");
    all = learn (f, GLOSS_SUGGEST_CORPUS_SIDECARS);
    g_assert_nonnull (find (all, 9, 11));
    g_assert_null (find (all, 5, 9));
  }

  update_index (f);
  {
    g_autoptr(GPtrArray) all = NULL;

    /* Added. */
    gloss_test_write_in (f->dir, "e.txt", "蓝天行动\n");
    write_aged_layer (f->dir, "e.txt", "erin",
                      "{ \"id\": \"p6\", \"tag\": \"program\", \"start\": 0, \"end\": 4, \"text\": \"蓝天行动\" }");
    all = learn (f, GLOSS_SUGGEST_CORPUS_SIDECARS);
    g_assert_nonnull (find (all, 5, 9));
  }

  update_index (f);
  g_ptr_array_unref (learn (f, GLOSS_SUGGEST_CORPUS_INDEX));
  {
    g_autoptr(GPtrArray) all = NULL;

    /* Removed. */
    g_assert_cmpint (g_unlink (path), ==, 0);
    all = learn (f, GLOSS_SUGGEST_CORPUS_SIDECARS);
    g_assert_null (find (all, 9, 11));
  }
}

/* A broken sidecar beside the article stops neither way of learning, and
 * neither writes it. */
static void
test_broken_sidecar (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "c.txt.carol.gloss.json", NULL);
  g_autofree char *contents = NULL;
  GStatBuf before, after;

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  {
    g_autoptr(GPtrArray) all = learn (f, GLOSS_SUGGEST_CORPUS_SIDECARS);

    g_assert_nonnull (find (all, 5, 9));
  }
  update_index (f);
  {
    g_autoptr(GPtrArray) all = learn (f, GLOSS_SUGGEST_CORPUS_INDEX);

    g_assert_nonnull (find (all, 5, 9));
  }
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_mtime, ==, before.st_mtime);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  contents = gloss_test_read (path, NULL);
  g_assert_cmpstr (contents, ==, "{ \"format\": ");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/suggest-corpus/index-current", Fixture, NULL, fixture_set_up, test_index_current, fixture_tear_down);
  g_test_add ("/suggest-corpus/own-layers-ignored", Fixture, NULL, fixture_set_up, test_own_layers_ignored, fixture_tear_down);
  g_test_add ("/suggest-corpus/index-missing", Fixture, NULL, fixture_set_up, test_index_missing, fixture_tear_down);
  g_test_add ("/suggest-corpus/index-stale", Fixture, NULL, fixture_set_up, test_index_stale, fixture_tear_down);
  g_test_add ("/suggest-corpus/broken-sidecar", Fixture, NULL, fixture_set_up, test_broken_sidecar, fixture_tear_down);

  return g_test_run ();
}
