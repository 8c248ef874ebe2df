/* test-library-split.c: a scan of many texts, shared by two threads
 *
 * A query of one or two characters found in many articles is scanned in two
 * threads, each through its own connection, each taking parts of the
 * candidate texts: the hits must be those one scan finds, in the same
 * order, whichever way the search is asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-library.h"
#include "gloss-test-util.h"

/* More articles than a scan is shared from (SHARE_MIN_TEXTS, 512). */
#define N_ARTICLES 1300

/* The three spellings that fold to 台湾. */
static const char * const spellings[] = { "臺灣", "台湾", "台灣" };

/* Whether a debugging message said the scan was shared. */
static gboolean split_seen;

static GLogWriterOutput
writer (GLogLevelFlags   level,
        const GLogField *fields,
        gsize            n_fields,
        gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "in two threads") != NULL)
      split_seen = TRUE;
  if (level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

typedef struct
{
  char         *dir;
  GlossLibrary *library;
  GPtrArray    *expected;   /* "PATH START MATCH", in order */
} Fixture;

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Articles in folders whose order is not their names' (a1/ before a10/…),
 * most with the word at a few places, in any of its spellings, some with an
 * astral character before it, one in fifteen without it. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *corpus = NULL;
  g_autofree char *database = NULL;
  g_autoptr(GPtrArray) keyed = g_ptr_array_new_with_free_func (g_free);
  const char *folders[2] = { NULL, NULL };

  fixture->dir = gloss_test_make_tmpdir ();
  corpus = g_build_filename (fixture->dir, "corpus", NULL);
  fixture->expected = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *folder = g_strdup_printf ("%s/a%u", corpus, i % 13);
      g_autofree char *path = g_strdup_printf ("%s/article-%u.txt", folder, i);
      g_autoptr(GString) text = g_string_new (NULL);
      glong at;

      g_string_append_printf (text, "第%u篇\n\n", i);
      at = g_utf8_strlen (text->str, -1);
      for (guint k = 0; k < i % 4 + 1 && i % 15 != 14; k++)
        {
          const char *astral = (i + k) % 3 == 0 ? "𠀀" : "";
          const char *word = spellings[(i + k) % 3];

          g_string_append_printf (text, "消息%s", astral);
          at += 2 + g_utf8_strlen (astral, -1);
          g_string_append (text, word);
          /* Keyed by path for the order, a NUL-free separator after it. */
          g_ptr_array_add (keyed, g_strdup_printf ("%s\001%08ld %s", path, at, word));
          g_string_append (text, "，报道。");
          at += 2 + 4;
        }
      g_string_append (text, "完。\n");
      g_mkdir_with_parents (folder, 0755);
      gloss_test_write (path, text->str, -1);
    }
  /* By path, then by offset (zero-padded above). */
  g_ptr_array_sort (keyed, compare_strings);
  for (guint i = 0; i < keyed->len; i++)
    {
      const char *key = g_ptr_array_index (keyed, i);
      const char *separator = strchr (key, '\001');
      glong start = strtol (separator + 1, NULL, 10);

      g_ptr_array_add (fixture->expected, g_strdup_printf ("%.*s %ld %s", (int) (separator - key), key,
                                                           start, strchr (separator + 1, ' ') + 1));
    }

  folders[0] = corpus;
  fixture->library = gloss_library_new (folders);
  database = g_build_filename (fixture->dir, "cache", "library.sqlite", NULL);
  gloss_library_set_database (fixture->library, database);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->library);
  gloss_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_ptr_array_unref (fixture->expected);
}

/* @hits are the first @n expected ones, in order (all of them: the
 * expected count). */
static void
assert_hits (Fixture   *fixture,
             GPtrArray *hits,
             guint      n)
{
  g_assert_nonnull (hits);
  g_assert_cmpuint (n, <=, fixture->expected->len);
  g_assert_cmpuint (hits->len, ==, n);
  for (guint i = 0; i < hits->len; i++)
    {
      GlossLibraryHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *got = g_strdup_printf ("%s %u %s", hit->article, hit->start, hit->match);

      g_assert_cmpstr (got, ==, g_ptr_array_index (fixture->expected, i));
      g_assert_cmpuint (hit->kind, ==, GLOSS_LIBRARY_HIT_TEXT);
      g_assert_cmpuint (hit->end, ==, hit->start + 2);
      g_assert_true (g_str_has_prefix (hit->before, "…") || strstr (hit->before, "篇") != NULL);
    }
}

/* Every occurrence, in order, from a scan shared by two threads: through a
 * search of the index as it is, after an update, and beside the walk that
 * checks the index is current. */
static void
test_split_scan (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibraryStats) stats = gloss_library_update (fixture->library, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) as_is = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GPtrArray) walked = NULL;

  g_assert_no_error (error);
  split_seen = FALSE;
  hits = gloss_library_search (fixture->library, "台湾", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (split_seen);
  assert_hits (fixture, hits, fixture->expected->len);

  split_seen = FALSE;
  as_is = gloss_library_search_as_is (fixture->library, "臺灣", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (split_seen);
  assert_hits (fixture, as_is, fixture->expected->len);

  /* While the files are walked, the walk's thread is the helper, once it
   * has walked (if the scan is not over by then). */
  split_seen = FALSE;
  walked = gloss_library_update_and_search (fixture->library, "台湾", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (split_seen);
  assert_hits (fixture, walked, fixture->expected->len);

  /* A limit keeps the first hits of the whole, not of a part. */
  limited = gloss_library_search (fixture->library, "台灣", NULL, NULL, 1000, &error);
  g_assert_no_error (error);
  assert_hits (fixture, limited, 1000);
}

/* A rare word is scanned in one thread: a second connection would cost it
 * more than it saves. */
static void
test_rare_not_split (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibraryStats) stats = gloss_library_update (fixture->library, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  split_seen = FALSE;
  hits = gloss_library_search (fixture->library, "第7篇", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gloss_library_search (fixture->library, "篇", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, N_ARTICLES);
  /* 篇 is in every article: shared. */
  g_assert_true (split_seen);
  split_seen = FALSE;
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gloss_library_search (fixture->library, "第1", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  /* 第1 begins 1 + 10 + 100 + 300 articles' titles (1, 10–19, 100–199, 1000–1299). */
  g_assert_cmpuint (hits->len, ==, 411);
  g_assert_false (split_seen);
}

int
main (int    argc,
      char **argv)
{
  /* The sharing is said in a debugging message: let them through to the writer. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library-split/scan", Fixture, NULL, fixture_setup, test_split_scan, fixture_teardown);
  g_test_add ("/library-split/rare", Fixture, NULL, fixture_setup, test_rare_not_split, fixture_teardown);
  return g_test_run ();
}
