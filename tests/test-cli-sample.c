/* test-cli-sample.c: `gloss-cli sample`, the seeded sample from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "gloss-corpus-sample.h"
#include "gloss-test-cli.h"
#include "gloss-test-util.h"

/* Runs gloss-cli with its own index @database. */
#define run_cli(run, database, ...) gloss_test_run_cli ((run), NULL, (database), __VA_ARGS__)

/* The paths after the header. */
static const char *
body (const char *text)
{
  const char *p = text;

  while (p[0] == '#')
    p = strchr (p, '\n') + 1;
  return p;
}

static void
test_sample (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *corpus = g_build_filename (dir, "语料", NULL);
  g_autofree char *database = g_build_filename (dir, "library.sqlite", NULL);
  g_autofree char *saved = g_build_filename (dir, "sample.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_auto(GlossTestRun) first = { 0 };
  g_auto(GlossTestRun) second = { 0 };
  g_auto(GlossTestRun) percent = { 0 };
  g_auto(GlossTestRun) to_file = { 0 };
  g_auto(GlossTestRun) bad = { 0 };

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%02u-新闻.txt", i % 2 ? "2026" : "2025", i);
      g_autofree char *path = g_build_filename (corpus, name, NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      g_autofree char *text = g_strdup_printf ("第%u篇 🙂\r\n\r\n正文。\r\n", i);

      g_mkdir_with_parents (parent, 0755);
      gloss_test_write (path, text, -1);
      g_ptr_array_add (paths, g_steal_pointer (&name));
    }
  g_ptr_array_add (paths, NULL);

  run_cli (&first, database, "sample", "--seed", "20261203", "--count", "4", corpus, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_str_has_prefix (first.out, "# Gloss: articles to double-code\n# seed: 20261203\n# date: "));
  g_assert_nonnull (strstr (first.out, "# sample: 4 of 12 articles\n"));

  /* The same seed, the same sample; and the one the Library's view picks
   * (the same core function over the paths inside the folder). */
  run_cli (&second, database, "sample", "--seed", "20261203", "-n", "4", corpus, NULL);
  g_assert_cmpstr (body (first.out), ==, body (second.out));
  expected = gloss_corpus_sample_choose ((const char * const *) paths->pdata, 4, 20261203);
  for (guint i = 0; i < expected->len; i++)
    g_string_append_printf (lines, "%s\n", (const char *) g_ptr_array_index (expected, i));
  g_assert_cmpstr (body (first.out), ==, lines->str);

  /* 30 % of 12 is 4 (3.6, rounded up): the same four. */
  run_cli (&percent, database, "sample", "--seed", "20261203", "--percent", "30", corpus, NULL);
  g_assert_cmpstr (body (percent.out), ==, lines->str);

  run_cli (&to_file, database, "sample", "--seed", "20261203", "-n", "4", "-o", saved, corpus, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  contents = gloss_test_read (saved, NULL);
  g_assert_cmpstr (body (contents), ==, lines->str);
  g_assert_nonnull (strstr (contents, "# seed: 20261203\n"));

  /* A seed that is not a number, or neither --count nor --percent: usage. */
  run_cli (&bad, database, "sample", "--seed", "lucky", "-n", "4", corpus, NULL);
  g_assert_cmpint (bad.wait_status, ==, 2 << 8);
  g_assert_nonnull (strstr (bad.err, "lucky"));
  gloss_test_run_clear (&bad);
  run_cli (&bad, database, "sample", corpus, NULL);
  g_assert_cmpint (bad.wait_status, ==, 2 << 8);

  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-sample/sample", test_sample);
  return g_test_run ();
}
