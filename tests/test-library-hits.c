/* test-library-hits.c: a common word's thousands of hits in one article
 *
 * A search makes its hits from slabs once it has made a few hundred: each
 * hit must still be at its code point, with its own snippet, and live as
 * long as its owner keeps it, whatever became of the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-library.h"
#include "gloss-test-util.h"

/* Enough hits to fill more than one slab of 2 MiB (about 300 bytes each). */
#define N_SENTENCES 9000

/* The three spellings of Taiwan that fold to 台湾; an astral character
 * (U+20000) before every third one, so that code points, UTF-16 units and
 * bytes all differ. */
static const char * const spellings[] = { "臺灣", "台湾", "台灣" };

typedef struct
{
  char         *dir;
  GlossLibrary *library;
  gunichar     *chars;     /* the article's text */
  glong         length;
  GArray       *expected;  /* glong: where each occurrence starts */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("标题\n\n");
  g_autofree char *corpus = NULL;
  g_autofree char *path = NULL;
  g_autofree char *database = NULL;
  const char *folders[2] = { NULL, NULL };
  glong at = g_utf8_strlen (text->str, -1);

  fixture->expected = g_array_new (FALSE, FALSE, sizeof (glong));
  for (guint i = 0; i < N_SENTENCES; i++)
    {
      g_autofree char *head = g_strdup_printf ("第%u句%s", i, i % 3 == 0 ? "𠀀" : "");

      g_string_append (text, head);
      at += g_utf8_strlen (head, -1);
      g_array_append_val (fixture->expected, at);
      g_string_append (text, spellings[i % 3]);
      g_string_append (text, i % 10 == 9 ? "。\n" : "，");
      at += i % 10 == 9 ? 4 : 3;
    }

  fixture->dir = gloss_test_make_tmpdir ();
  corpus = g_build_filename (fixture->dir, "corpus", NULL);
  path = g_build_filename (corpus, "many.txt", NULL);
  g_mkdir_with_parents (corpus, 0755);
  gloss_test_write (path, text->str, -1);
  fixture->chars = g_utf8_to_ucs4_fast (text->str, -1, &fixture->length);

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
  g_free (fixture->chars);
  g_array_unref (fixture->expected);
}

/* The article's code points [@from, @to) as UTF-8, line breaks as spaces. */
static char *
substring (Fixture *fixture,
           glong    from,
           glong    to)
{
  char *s = g_ucs4_to_utf8 (fixture->chars + from, to - from, NULL, NULL, NULL);

  g_assert_nonnull (s);
  return g_strdelimit (s, "\n", ' ');
}

/* @hit is occurrence @n: its offsets, its match as the text spells it, 24
 * characters of the text's own each side. */
static void
assert_hit (Fixture         *fixture,
            GlossLibraryHit *hit,
            guint            n)
{
  glong start = g_array_index (fixture->expected, glong, n);
  glong from = MAX (start - 24, 0);
  glong to = MIN (start + 2 + 24, fixture->length);
  g_autofree char *before = substring (fixture, from, start);
  g_autofree char *after = substring (fixture, start + 2, to);
  g_autofree char *want_before = g_strconcat (from > 0 ? "…" : "", before, NULL);
  g_autofree char *want_after = g_strconcat (after, to < fixture->length ? "…" : "", NULL);

  g_assert_true (g_str_has_suffix (hit->article, "/many.txt"));
  g_assert_cmpuint (hit->kind, ==, GLOSS_LIBRARY_HIT_TEXT);
  g_assert_cmpstr (hit->field, ==, "text");
  g_assert_cmpuint (hit->start, ==, start);
  g_assert_cmpuint (hit->end, ==, start + 2);
  g_assert_cmpstr (hit->match, ==, spellings[n % 3]);
  g_assert_cmpstr (hit->before, ==, want_before);
  g_assert_cmpstr (hit->after, ==, want_after);
}

static gpointer
free_in_thread (gpointer data)
{
  g_ptr_array_unref (data);
  return NULL;
}

/* Thousands of hits of a two-character word in one article, astral
 * characters and other spellings before them: every one at its code point
 * with its own snippet; hits taken out of the array outlive it, and are
 * freed in another thread. */
static void
test_many_hits (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibraryStats) stats = gloss_library_update (fixture->library, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_hit_free);
  g_autoptr(GArray) kept_n = g_array_new (FALSE, FALSE, sizeof (guint));
  GlossLibraryHit *copy;
  GThread *thread;

  g_assert_no_error (error);
  hits = gloss_library_search (fixture->library, "台湾", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, N_SENTENCES);
  for (guint n = 0; n < hits->len; n++)
    assert_hit (fixture, g_ptr_array_index (hits, n), n);

  /* Every seventh hit taken out (from the end, so that the indices hold),
   * one copied, then the array and every other hit freed. */
  for (guint n = hits->len; n-- > 0;)
    if (n % 7 == 3)
      {
        g_ptr_array_add (kept, g_ptr_array_steal_index (hits, n));
        g_array_append_val (kept_n, n);
      }
  copy = gloss_library_hit_copy (g_ptr_array_index (hits, hits->len - 1));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* What was kept is intact. */
  for (guint i = 0; i < kept->len; i++)
    assert_hit (fixture, g_ptr_array_index (kept, i), g_array_index (kept_n, guint, i));
  assert_hit (fixture, copy, N_SENTENCES - 1);
  thread = g_thread_new ("free-hits", free_in_thread, g_steal_pointer (&kept));
  g_thread_join (thread);
  assert_hit (fixture, copy, N_SENTENCES - 1);
  gloss_library_hit_free (copy);
}

/* A limit keeps the first hits, freeing the others. */
static void
test_many_hits_limit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibraryStats) stats = gloss_library_update (fixture->library, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  hits = gloss_library_search (fixture->library, "臺灣", NULL, NULL, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 500);
  for (guint n = 0; n < hits->len; n++)
    assert_hit (fixture, g_ptr_array_index (hits, n), n);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library-hits/many", Fixture, NULL, fixture_setup, test_many_hits, fixture_teardown);
  g_test_add ("/library-hits/limit", Fixture, NULL, fixture_setup, test_many_hits_limit, fixture_teardown);
  return g_test_run ();
}
