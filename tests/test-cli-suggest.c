/* test-cli-suggest.c: `gloss-cli suggest` as scripts run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>
#include <utime.h>

#include "gloss-test-cli.h"
#include "gloss-test-util.h"

/* Runs `gloss-cli suggest` in @directory with the given arguments. */
#define run_cli(run, directory, ...) gloss_test_run_cli ((run), (directory), NULL, "suggest", __VA_ARGS__)

/* A folder with copies of the fixture articles. */
static char *
make_folder (void)
{
  char *dir = gloss_test_make_tmpdir ();
  const char *names[] = { "zh-water.txt", "en-water.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "suggest", names[i], NULL);
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      gsize length;
      g_autofree char *contents = gloss_test_read (from, &length);
      gloss_test_write (to, contents, (gssize) length);
    }
  return dir;
}

static JsonObject *
find_suggestion (JsonArray  *suggestions,
                 const char *tag,
                 const char *text)
{
  for (guint i = 0; i < json_array_get_length (suggestions); i++)
    {
      JsonObject *s = json_array_get_object_element (suggestions, i);
      if (g_str_equal (json_object_get_string_member (s, "tag"), tag) &&
          g_str_equal (json_object_get_string_member (s, "text"), text))
        return s;
    }
  return NULL;
}

static void
test_json (void)
{
  g_autofree char *dir = make_folder ();
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) zh = NULL, en = NULL;
  JsonArray *suggestions;
  JsonObject *quote, *speaker;

  run_cli (&run, dir, "--json", "zh-water.txt", "en-water.txt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);   /* one object per article */
  zh = gloss_test_parse_object (lines[0]);
  en = gloss_test_parse_object (lines[1]);
  g_assert_cmpstr (json_object_get_string_member (zh, "article"), ==, "zh-water.txt");
  suggestions = json_object_get_array_member (zh, "suggestions");
  quote = find_suggestion (suggestions, "quote", "今年我们要让每一户人家都能放心喝上自来水，这是我们的承诺。");
  g_assert_nonnull (quote);
  /* Code points into the canonical text, ids, the rule and its confidence. */
  g_assert_cmpint (json_object_get_int_member (quote, "start"), ==, 93);
  g_assert_cmpint (json_object_get_int_member (quote, "end"), ==, 122);
  g_assert_cmpstr (json_object_get_string_member (quote, "rule"), ==, "zh-quote-verb-after");
  g_assert_cmpfloat (json_object_get_double_member (quote, "confidence"), >, 0.5);
  speaker = find_suggestion (suggestions, "official", "河畔市水务局局长周敏");
  g_assert_nonnull (speaker);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (quote, "attributes"), "speaker"), ==,
                   json_object_get_string_member (speaker, "id"));
  g_assert_nonnull (find_suggestion (json_object_get_array_member (en, "suggestions"), "statistic", "18 percent"));
}

static void
test_tags (void)
{
  g_autofree char *dir = make_folder ();
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) bad = { 0 };
  g_autoptr(JsonObject) out = NULL;
  JsonArray *suggestions;

  run_cli (&run, dir, "--json", "--tag", "statistic", "--tag", "program", "zh-water.txt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = gloss_test_parse_object (run.out);
  suggestions = json_object_get_array_member (out, "suggestions");
  g_assert_cmpuint (json_array_get_length (suggestions), >, 0);
  for (guint i = 0; i < json_array_get_length (suggestions); i++)
    {
      const char *tag = json_object_get_string_member (json_array_get_object_element (suggestions, i), "tag");
      g_assert_true (g_str_equal (tag, "statistic") || g_str_equal (tag, "program"));
    }

  run_cli (&bad, dir, "--tag", "weather", "zh-water.txt", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "weather"));
}

static void
test_apply (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *sidecar = g_build_filename (dir, "zh-water.txt.bob.gloss.json", NULL);
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) again = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *annotations;
  guint quotes = 0, n;

  run_cli (&run, dir, "--apply", "--annotator", "bob", "--tag", "quote", "--tag", "official", "zh-water.txt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_file (parser, sidecar, &error);
  g_assert_no_error (error);
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "annotations");
  n = json_array_get_length (annotations);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *a = json_array_get_object_element (annotations, i);
      JsonObject *origin = json_object_get_object_member (a, "origin");
      const char *tag = json_object_get_string_member (a, "tag");

      /* Every applied suggestion records the rule it came from. */
      g_assert_nonnull (origin);
      g_assert_nonnull (json_object_get_string_member (origin, "suggested"));
      if (g_str_equal (tag, "quote"))
        {
          const char *speaker = json_object_get_string_member_with_default (json_object_get_object_member (a, "attributes"), "speaker", NULL);
          gboolean found = FALSE;
          quotes++;
          /* The speaker link points to an annotation of the sidecar. */
          for (guint k = 0; k < n && speaker != NULL; k++)
            found |= g_str_equal (json_object_get_string_member (json_array_get_object_element (annotations, k), "id"), speaker);
          g_assert_true (speaker == NULL || found);
        }
    }
  g_assert_cmpuint (quotes, ==, 6);

  /* Applying twice adds nothing twice. */
  run_cli (&again, dir, "--apply", "--annotator", "bob", "--tag", "quote", "--tag", "official", "zh-water.txt", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, ": 0 suggestions added"));
}

/* --apply opens the user's sidecar through a GlossSession, as the window
 * does: a new one takes the team's codebook beside the article, and one
 * that cannot be read is reported and left as it is. */
static void
test_apply_session (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *codebook = g_build_filename (dir, "gloss-codebook.json", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "zh-water.txt.bob.gloss.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "en-water.txt.bob.gloss.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) bad = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  gsize length;

  gloss_test_write (codebook,
                    "{ \"name\": \"Team\", \"version\": \"7\", \"tags\": ["
                    "  { \"id\": \"quote\", \"label\": \"Quote\", \"color\": \"#f6d32d\", \"key\": \"1\" },"
                    "  { \"id\": \"official\", \"label\": \"Official\", \"color\": \"#62a0ea\", \"key\": \"2\" } ] }", -1);
  run_cli (&run, dir, "--apply", "--annotator", "bob", "--tag", "quote", "--tag", "official", "zh-water.txt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "zh-water.txt: "));
  json_parser_load_from_file (parser, sidecar, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "codebook"), "name"), ==, "Team");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "annotations")), >, 0);

  gloss_test_write (broken, "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [", -1);
  expected = gloss_test_read (broken, &length);
  run_cli (&bad, dir, "--apply", "--annotator", "bob", "en-water.txt", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad.err, "gloss-cli: "));
  g_assert_nonnull (strstr (bad.err, "en-water.txt.bob.gloss.json"));
  after = gloss_test_read (broken, &length);
  g_assert_cmpstr (after, ==, expected);
}


/* --apply=SIDECAR goes through a GlossSession too: a sidecar that does not
 * read is named and left as it is, and one in a folder that may not be
 * written into stays whole. */
static void
test_apply_named_session (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *sidecar = g_build_filename (dir, "review.gloss.json", NULL);
  g_autofree char *article = g_build_filename (dir, "zh-water.txt", NULL);
  g_autofree char *apply = g_strconcat ("--apply=", sidecar, NULL);
  const char *broken = "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GlossTestRun) run = { 0 };

  gloss_test_write (sidecar, broken, -1);
  run_cli (&run, dir, apply, "--annotator", "bob", "--tag", "quote", "zh-water.txt", NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "review.gloss.json"));
  after = gloss_test_read (sidecar, NULL);
  g_assert_cmpstr (after, ==, broken);
  g_clear_pointer (&after, g_free);

  g_assert_cmpint (g_remove (sidecar), ==, 0);
  run_cli (&run, dir, apply, "--annotator", "bob", "--tag", "quote", "zh-water.txt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  before = gloss_test_read (sidecar, NULL);
  g_assert_cmpint (g_chmod (sidecar, 0644), ==, 0);
  g_assert_cmpint (g_chmod (article, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  /* Readable: only the writing fails. */
  gloss_test_run_cli_unprivileged (&run, "validate", sidecar, NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_cli_unprivileged (&run, "suggest", apply, "--annotator", "bob", "--tag", "official", article, NULL);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "review.gloss.json"));
  after = gloss_test_read (sidecar, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_corpus (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *other = g_build_filename (dir, "other.txt", NULL);
  g_autofree char *other_sidecar = g_build_filename (dir, "other.txt.amy.gloss.json", NULL);
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) off = { 0 };
  g_autoptr(JsonObject) out = NULL;
  g_autoptr(JsonObject) out_off = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  JsonObject *s;

  /* A colleague tagged "Riverside" as a place in another article of the folder. */
  gloss_test_write (other, "A report from Riverside.\n", -1);
  g_string_append (json,
    "{\"format\": \"gloss\", \"version\": 1, \"document\": {\"source\": \"other.txt\"},"
    " \"annotator\": {\"id\": \"amy\"}, \"annotations\": ["
    "{\"id\": \"a1\", \"tag\": \"place\", \"start\": 14, \"end\": 23, \"text\": \"Riverside\"}]}\n");
  gloss_test_write (other_sidecar, json->str, -1);

  run_cli (&run, dir, "--json", "--tag", "place", "en-water.txt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = gloss_test_parse_object (run.out);
  s = find_suggestion (json_object_get_array_member (out, "suggestions"), "place", "Riverside");
  g_assert_nonnull (s);
  g_assert_cmpstr (json_object_get_string_member (s, "rule"), ==, "corpus");

  run_cli (&off, dir, "--json", "--no-corpus", "--tag", "place", "en-water.txt", NULL);
  out_off = gloss_test_parse_object (off.out);
  g_assert_null (find_suggestion (json_object_get_array_member (out_off, "suggestions"), "place", "Riverside"));
}

/* Old stamps: an index update trusts them (younger than 2 s they are racy). */
static void
age (const char *path)
{
  struct utimbuf times = { 1600000000, 1600000000 };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

/* With a current library index, the corpus is learned from the index: what
 * it holds, not what the sidecar holds now behind the same stamp. */
static void
test_corpus_index (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *cache = gloss_test_make_tmpdir ();
  g_autofree char *database = g_build_filename (cache, "library.sqlite", NULL);
  g_autofree char *other = g_build_filename (dir, "other.txt", NULL);
  g_autofree char *other_sidecar = g_build_filename (dir, "other.txt.amy.gloss.json", NULL);
#define SIDECAR "{\"format\": \"gloss\", \"version\": 1, \"document\": {\"source\": \"other.txt\"}," \
                " \"annotator\": {\"id\": \"amy\"}, \"annotations\": [" \
                "{\"id\": \"a1\", \"tag\": \"place\", \"start\": 14, \"end\": 23, \"text\": \"%s\"}]}\n"
  g_autofree char *indexed = g_strdup_printf (SIDECAR, "Riverside");
  /* The same length: the same stamp once aged. */
  g_autofree char *now = g_strdup_printf (SIDECAR, "Rivertown");
#undef SIDECAR
  g_auto(GlossTestRun) index = { 0 };
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) files = { 0 };
  g_autoptr(JsonObject) out = NULL;
  g_autoptr(JsonObject) out_files = NULL;

  gloss_test_write (other, "A report from Riverside.\n", -1);
  gloss_test_write (other_sidecar, indexed, -1);
  age (other_sidecar);
  gloss_test_run_cli (&index, dir, database, "index", ".", NULL);
  g_assert_cmpint (index.status, ==, 0);
  gloss_test_write (other_sidecar, now, -1);
  age (other_sidecar);

  gloss_test_run_cli (&run, dir, database, "suggest", "--json", "--tag", "place", "en-water.txt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  out = gloss_test_parse_object (run.out);
  g_assert_nonnull (find_suggestion (json_object_get_array_member (out, "suggestions"), "place", "Riverside"));

  /* Another index, which does not hold the folder: the sidecar as it is now. */
  g_free (database);
  database = g_build_filename (cache, "other.sqlite", NULL);
  gloss_test_run_cli (&files, dir, database, "suggest", "--json", "--tag", "place", "en-water.txt", NULL);
  g_assert_cmpint (files.status, ==, 0);
  out_files = gloss_test_parse_object (files.out);
  g_assert_null (find_suggestion (json_object_get_array_member (out_files, "suggestions"), "place", "Riverside"));
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
  gloss_test_rm_rf (cache);
}

static void
test_errors (void)
{
  g_autofree char *dir = make_folder ();
  g_auto(GlossTestRun) missing = { 0 };
  g_auto(GlossTestRun) none = { 0 };

  run_cli (&missing, dir, "no-such-article.txt", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "gloss-cli: no-such-article.txt: "));
  run_cli (&none, dir, NULL);
  g_assert_cmpint (none.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/suggest/json", test_json);
  g_test_add_func ("/cli/suggest/tags", test_tags);
  g_test_add_func ("/cli/suggest/apply", test_apply);
  g_test_add_func ("/cli/suggest/apply-session", test_apply_session);
  g_test_add_func ("/cli/suggest/apply-named-session", test_apply_named_session);
  g_test_add_func ("/cli/suggest/corpus", test_corpus);
  g_test_add_func ("/cli/suggest/corpus-index", test_corpus_index);
  g_test_add_func ("/cli/suggest/errors", test_errors);

  return g_test_run ();
}
