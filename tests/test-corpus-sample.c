/* test-corpus-sample.c: a seeded, reproducible sample of articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-corpus-sample.h"
#include "gloss-test-util.h"

static GPtrArray *
corpus (guint n)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (paths, g_strdup_printf ("人民日报/%03u-新闻.txt", i));
  g_ptr_array_add (paths, NULL);
  return paths;
}

static char *
joined (GPtrArray *sample)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sample->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (sample, i));
  return g_string_free (text, FALSE);
}

static void
test_reproducible (void)
{
  g_autoptr(GPtrArray) paths = corpus (60);
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) d = NULL;
  g_autofree char *ja = NULL;
  g_autofree char *jb = NULL;
  g_autofree char *jc = NULL;
  g_autofree char *jd = NULL;

  for (guint i = paths->len - 1; i > 0; i--)
    g_ptr_array_add (reversed, g_ptr_array_index (paths, i - 1));
  g_ptr_array_add (reversed, NULL);

  a = gloss_corpus_sample_choose ((const char * const *) paths->pdata, 6, 20261203);
  b = gloss_corpus_sample_choose ((const char * const *) paths->pdata, 6, 20261203);
  /* The order a folder lists the articles in does not matter. */
  c = gloss_corpus_sample_choose ((const char * const *) reversed->pdata, 6, 20261203);
  d = gloss_corpus_sample_choose ((const char * const *) paths->pdata, 6, 7);
  g_assert_cmpuint (a->len, ==, 6);
  ja = joined (a);
  jb = joined (b);
  jc = joined (c);
  jd = joined (d);
  g_assert_cmpstr (ja, ==, jb);
  g_assert_cmpstr (ja, ==, jc);
  /* Another seed, another sample (60 choose 6: a tie is one in fifty million). */
  g_assert_cmpstr (ja, !=, jd);

  /* Sorted, distinct, all from the corpus. */
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_true (g_strv_contains ((const char * const *) paths->pdata, g_ptr_array_index (a, i)));
      if (i > 0)
        g_assert_cmpint (strcmp (g_ptr_array_index (a, i - 1), g_ptr_array_index (a, i)), <, 0);
    }
}

static void
test_counts (void)
{
  g_autoptr(GPtrArray) paths = corpus (5);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) none = NULL;
  const char *twice[] = { "a.txt", "b.txt", "a.txt", NULL };
  g_autoptr(GPtrArray) unique = NULL;

  g_assert_cmpuint (gloss_corpus_sample_count_for_percent (30, 10), ==, 3);
  g_assert_cmpuint (gloss_corpus_sample_count_for_percent (5, 10), ==, 1);
  g_assert_cmpuint (gloss_corpus_sample_count_for_percent (60, 12.5), ==, 8);
  g_assert_cmpuint (gloss_corpus_sample_count_for_percent (60, 0), ==, 0);
  g_assert_cmpuint (gloss_corpus_sample_count_for_percent (60, 150), ==, 60);

  all = gloss_corpus_sample_choose ((const char * const *) paths->pdata, 99, 1);
  g_assert_cmpuint (all->len, ==, 5);
  none = gloss_corpus_sample_choose ((const char * const *) paths->pdata, 0, 1);
  g_assert_cmpuint (none->len, ==, 0);
  unique = gloss_corpus_sample_choose (twice, 3, 1);
  g_assert_cmpuint (unique->len, ==, 2);
}

static void
test_write (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "样本.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) paths = corpus (10);
  g_autoptr(GPtrArray) sample = gloss_corpus_sample_choose ((const char * const *) paths->pdata, 2, 42);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 3, 13, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gloss_corpus_sample_to_text (sample, 42, 10, date);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (text, "# Gloss: articles to double-code\n# seed: 42\n"
                                         "# date: 2026-12-03T13:00:00+00:00\n# sample: 2 of 10 articles\n"));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_cmpstr (lines[4], ==, g_ptr_array_index (sample, 0));
  g_assert_cmpstr (lines[5], ==, g_ptr_array_index (sample, 1));
  g_assert_cmpstr (lines[6], ==, "");

  g_assert_true (gloss_corpus_sample_write (file, sample, 42, 10, NULL, &error));
  g_assert_no_error (error);
  contents = gloss_test_read (path, NULL);
  g_assert_nonnull (strstr (contents, "# seed: 42\n"));
  g_assert_true (g_str_has_suffix (contents, lines[5]) || strstr (contents, lines[5]) != NULL);
  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/corpus-sample/reproducible", test_reproducible);
  g_test_add_func ("/corpus-sample/counts", test_counts);
  g_test_add_func ("/corpus-sample/write", test_write);
  return g_test_run ();
}
