/* gloss-corpus-sample.c: a seeded, reproducible sample of articles to double-code
 *
 * A team lead picks the articles a second coder codes.  The choice must be
 * one anybody can check: the paths are sorted first (so the order in which
 * a folder lists them does not matter), then a partial Fisher–Yates shuffle
 * driven by GRand (Mersenne Twister) seeded with the seed picks the sample.
 * The same seed and the same articles give the same sample, on any machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-corpus-sample.h"
#include "gloss-file.h"

/**
 * gloss_corpus_sample_count_for_percent:
 * @n_articles: articles in the corpus
 * @percent: 0 to 100
 *
 * Returns: how many articles @percent of @n_articles is, rounded up (a
 *   sample of 10 % of 5 articles is one article, not none)
 */
guint
gloss_corpus_sample_count_for_percent (guint  n_articles,
                                       double percent)
{
  double count;

  if (!(percent > 0))
    return 0;
  if (percent >= 100)
    return n_articles;
  /* 10 % of 30 is 3, not 4: floating point noise is not rounded up. */
  count = ceil (n_articles * percent / 100.0 - 1e-9);
  return MIN ((guint) count, n_articles);
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * gloss_corpus_sample_choose:
 * @paths: the articles, in any order (duplicates count once)
 * @count: how many to pick; all of them when there are fewer
 * @seed: the seed
 *
 * Returns: (transfer full) (element-type utf8): the sample, sorted
 */
GPtrArray *
gloss_corpus_sample_choose (const char * const *paths,
                            guint               count,
                            guint32             seed)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *sample = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (sorted, (gpointer) paths[i]);
  g_ptr_array_sort (sorted, compare_paths);
  for (guint i = 1; i < sorted->len;)
    if (g_strcmp0 (g_ptr_array_index (sorted, i - 1), g_ptr_array_index (sorted, i)) == 0)
      g_ptr_array_remove_index (sorted, i);
    else
      i++;

  count = MIN (count, sorted->len);
  for (guint i = 0; i < count; i++)
    {
      guint j = g_rand_int_range (rand, i, sorted->len);
      gpointer chosen = g_ptr_array_index (sorted, j);

      sorted->pdata[j] = sorted->pdata[i];
      sorted->pdata[i] = chosen;
      g_ptr_array_add (sample, g_strdup (chosen));
    }
  g_ptr_array_sort (sample, compare_paths);
  return sample;
}

/**
 * gloss_corpus_sample_to_text:
 * @sample: (element-type utf8): the chosen paths
 * @seed: the seed they were chosen with
 * @n_articles: how many articles they were chosen from
 * @date: (nullable): when; now when %NULL
 *
 * Returns: (transfer full): a header comment (`#` lines: seed, date, counts),
 *   then one path per line
 */
char *
gloss_corpus_sample_to_text (GPtrArray *sample,
                             guint32    seed,
                             guint      n_articles,
                             GDateTime *date)
{
  g_autoptr(GDateTime) now = date != NULL ? g_date_time_ref (date) : g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  GString *text = g_string_new (NULL);

  /* The header is for people and for `gloss-cli sample`: not translated. */
  g_string_append (text, "# Gloss: articles to double-code\n");
  g_string_append_printf (text, "# seed: %" G_GUINT32_FORMAT "\n", seed);
  g_string_append_printf (text, "# date: %s\n", when);
  g_string_append_printf (text, "# sample: %u of %u articles\n", sample->len, n_articles);
  for (guint i = 0; i < sample->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (sample, i));
  return g_string_free (text, FALSE);
}

/**
 * gloss_corpus_sample_write:
 *
 * Writes gloss_corpus_sample_to_text() to @file, whole or not at all.
 */
gboolean
gloss_corpus_sample_write (GFile         *file,
                           GPtrArray     *sample,
                           guint32        seed,
                           guint          n_articles,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *text = gloss_corpus_sample_to_text (sample, seed, n_articles, NULL);

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  return gloss_file_replace (file, text, strlen (text), cancellable, error);
}
