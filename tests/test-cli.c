/* test-cli.c: gloss-cli validate and normalize, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-test-cli.h"
#include "gloss-test-util.h"

/* Runs gloss-cli here with the given arguments. */
#define run_cli(run, ...) gloss_test_run_cli ((run), NULL, NULL, __VA_ARGS__)

/* A folder with the article and a copy of the canonical sidecar beside it. */
static char *
make_corpus (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *article_src = gloss_test_data_path ("sidecar", "article.txt", NULL);
  g_autofree char *sidecar_src = gloss_test_data_path ("sidecar", "canonical.gloss.json", NULL);
  g_autofree char *article = gloss_test_read (article_src, NULL);
  g_autofree char *sidecar = gloss_test_read (sidecar_src, NULL);
  g_autofree char *a = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *s = g_build_filename (dir, "article.txt.alice.gloss.json", NULL);

  gloss_test_write (a, article, -1);
  gloss_test_write (s, sidecar, -1);

  return g_steal_pointer (&dir);
}

static void
test_validate_ok (void)
{
  g_autofree char *dir = make_corpus ();
  g_autofree char *path = g_build_filename (dir, "article.txt.alice.gloss.json", NULL);
  g_auto(GlossTestRun) run = { 0 };

  run_cli (&run, "validate", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_rm_rf (dir);
}

static void
test_validate_problems (void)
{
  g_autofree char *dir = make_corpus ();
  g_autofree char *path = g_build_filename (dir, "article.txt.alice.gloss.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.gloss.json", NULL);
  g_autofree char *contents = gloss_test_read (path, NULL);
  g_autoptr(GString) edited = g_string_new (contents);
  g_auto(GlossTestRun) run = { 0 };
  g_autofree char *expected_end = NULL;
  g_autofree char *expected_json = NULL;

  /* Push the last annotation past the article's end (length 59). */
  g_string_replace (edited, "\"end\": 56", "\"end\": 70", 1);
  gloss_test_write (path, edited->str, -1);
  gloss_test_write (bad, "{\"format\": \"gloss\", \"version\": 1,", -1);

  run_cli (&run, "validate", path, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected_end = g_strdup_printf ("gloss-cli: %s: annotations[2].end: beyond the end of the document (length 59)\n", path);
  g_assert_nonnull (strstr (run.err, expected_end));
  expected_json = g_strdup_printf ("gloss-cli: %s: not valid JSON", bad);
  g_assert_nonnull (strstr (run.err, expected_json));
  gloss_test_rm_rf (dir);
}

static void
test_validate_moved_text (void)
{
  g_autofree char *dir = make_corpus ();
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *path = g_build_filename (dir, "article.txt.alice.gloss.json", NULL);
  g_autofree char *text = gloss_test_read (article, NULL);
  g_autofree char *changed = g_strconcat ("新的开头。", text, NULL);
  g_auto(GlossTestRun) run = { 0 };

  gloss_test_write (article, changed, -1);
  run_cli (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "annotations[0]: the text at 0–2 differs from “text”; it is found at 5–7"));
  g_assert_nonnull (strstr (run.err, "document.sha256"));
  gloss_test_rm_rf (dir);
}

/* normalize -o onto a file that is there and does not read as a sidecar
 * (a broken one, another program's JSON) wrote over it: what cannot be read
 * is never replaced, -o or not. */
static void
test_normalize_never_over_broken (void)
{
  g_autofree char *dir = make_corpus ();
  g_autofree char *path = g_build_filename (dir, "article.txt.alice.gloss.json", NULL);
  const char *contents[] = { "{\"format\": \"gloss\", \"annotations\": [", "{\"rows\": [1, 2, 3]}\n" };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/out-%u.gloss.json", dir, i);
      g_autofree char *after = NULL;
      g_auto(GlossTestRun) run = { 0 };

      gloss_test_write (out, contents[i], -1);
      run_cli (&run, "normalize", "-o", out, path, NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "out-"));
      g_assert_nonnull (strstr (run.err, "move it away"));
      after = gloss_test_read (out, NULL);
      g_assert_cmpstr (after, ==, contents[i]);
    }
  gloss_test_rm_rf (dir);
}

static void
test_normalize_idempotent (void)
{
  g_autofree char *dir = make_corpus ();
  g_autofree char *path = g_build_filename (dir, "article.txt.alice.gloss.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *messy = g_build_filename (dir, "messy.gloss.json", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) run2 = { 0 };
  g_auto(GlossTestRun) run3 = { 0 };

  /* Hand-edited: one line, keys shuffled, annotations out of order. */
  gloss_test_write (messy,
                    "{\"annotations\": [{\"end\": 9, \"start\": 5, \"tag\": \"place\", \"id\": \"b\"},"
                    "{\"tag\": \"place\", \"id\": \"a\", \"start\": 1, \"end\": 3}],"
                    "\"annotator\": {\"id\": \"carol\"}, \"version\": 1, \"format\": \"gloss\","
                    "\"document\": {\"length\": 20, \"source\": \"x.txt\"}}", -1);
  run_cli (&run, "normalize", "-o", out, messy, NULL);
  g_assert_cmpint (run.status, ==, 0);
  first = gloss_test_read (out, NULL);
  g_assert_true (g_str_has_prefix (first, "{\n  \"format\": \"gloss\",\n  \"version\": 1,\n  \"document\": {\n    \"source\": \"x.txt\",\n    \"length\": 20\n  },"));
  {
    /* Sorted by start: "a" (1–3) before "b" (5–9). */
    const char *a = strstr (first, "\"id\": \"a\"");
    const char *b = strstr (first, "\"id\": \"b\"");

    g_assert_nonnull (a);
    g_assert_nonnull (b);
    g_assert_cmpint (a - first, <, b - first);
  }

  run_cli (&run2, "normalize", out, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  second = gloss_test_read (out, NULL);
  g_assert_cmpstr (first, ==, second);

  /* The canonical file is left byte-identical. */
  run_cli (&run3, "normalize", "-o", "-", path, NULL);
  {
    g_autofree char *original = gloss_test_read (path, NULL);

    g_assert_cmpstr (run3.out, ==, original);
  }
  gloss_test_rm_rf (dir);
}

static void
test_normalize_refuses_newer (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.gloss.json", NULL);
  const char *json = "{\"format\": \"gloss\", \"version\": 7}";
  g_autofree char *after = NULL;
  g_auto(GlossTestRun) run = { 0 };

  gloss_test_write (path, json, -1);
  run_cli (&run, "normalize", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "newer Gloss"));
  after = gloss_test_read (path, NULL);
  g_assert_cmpstr (after, ==, json);
  gloss_test_rm_rf (dir);
}

static void
test_usage (void)
{
  g_auto(GlossTestRun) version = { 0 };
  g_auto(GlossTestRun) help = { 0 };
  g_auto(GlossTestRun) unknown = { 0 };
  g_auto(GlossTestRun) none = { 0 };

  run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "gloss-cli "));

  run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "validate"));
  g_assert_nonnull (strstr (help.out, "normalize"));

  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  run_cli (&none, "validate", NULL);
  g_assert_cmpint (none.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/ok", test_validate_ok);
  g_test_add_func ("/cli/validate/problems", test_validate_problems);
  g_test_add_func ("/cli/validate/moved-text", test_validate_moved_text);
  g_test_add_func ("/cli/normalize/idempotent", test_normalize_idempotent);
  g_test_add_func ("/cli/normalize/never-over-broken", test_normalize_never_over_broken);
  g_test_add_func ("/cli/normalize/refuses-newer", test_normalize_refuses_newer);
  g_test_add_func ("/cli/usage", test_usage);

  return g_test_run ();
}
