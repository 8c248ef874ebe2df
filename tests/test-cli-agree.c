/* test-cli-agree.c: `gloss-cli agree` as scripts run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-test-cli.h"

#define EPSILON 1e-9

/* Runs gloss-cli in tests/data/review with the given arguments. */
static void
run_cli (GlossTestRun *run,
         const char   *first,
         ...)
{
  g_autofree char *directory = g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "review", NULL);
  va_list args;

  va_start (args, first);
  gloss_test_run_cli_va (run, directory, NULL, first, args);
  va_end (args);
}

#define run_cli_in(run, directory, ...) gloss_test_run_cli ((run), (directory), NULL, __VA_ARGS__)

static JsonObject *
find_pair (JsonObject *object,
           const char *tag,
           guint       index)
{
  JsonObject *result;

  if (tag == NULL)
    result = json_object_get_object_member (object, "overall");
  else
    result = json_object_get_object_member (json_object_get_object_member (object, "tags"), tag);
  g_assert_nonnull (result);

  return json_array_get_object_element (json_object_get_array_member (result, "pairs"), index);
}

static double
statistic_of (JsonObject *object,
              const char *tag,
              const char *name)
{
  if (tag == NULL)
    return json_object_get_double_member (json_object_get_object_member (object, "overall"), name);
  return json_object_get_double_member (json_object_get_object_member (json_object_get_object_member (object, "tags"), tag),
                                        name);
}

static double
alpha_of (JsonObject *object,
          const char *tag)
{
  return statistic_of (object, tag, "krippendorff_alpha");
}

/*
 * The fixture: article.txt has 148 code points; alice and bob annotate
 *   alice: official [21,33)  quote [40,57)  organization [87,103)  quote [116,135)
 *   bob:   official [25,33)  quote [40,57)  official [70,103)  official [87,103)
 * (bob's two officials overlap: as units they count once).
 *
 * quote: A covers 36 code points, B 17, both 17.  n11 = 17, n10 = 19,
 *   n01 = 0, n00 = 112.  κ = (129·148 − (36·17 + 112·131)) / (148² − 15284)
 *   = (19092 − 15284) / (21904 − 15284) = 3808/6620 = 0.5752265861.
 *   α: n_1 = 53, n_0 = 243, D_o = 2·19 = 38, Σ n_c n_k = 296² − 53² − 243²
 *   = 25758; α = 1 − 295·38/25758 = 14548/25758 = 0.5647954034.
 *   F1 exact: 1 match of 2 + 1 → 2/3; overlap P = 1, R = 1/2 → 2/3.
 *   Fleiss' κ (two layers: Scott's π): p_o = 129/148 = 76368/87616,
 *   P̄_e = (53² + 243²)/296² = 61858/87616; κ = 14510/25758 = 0.5633201336.
 * official: A 12, B 8 + 33 = 41, both 8; n10 = 4, n01 = 33, n00 = 103.
 *   κ = (111·148 − (12·41 + 136·107)) / (21904 − 15044) = 1384/6860
 *   = 0.2017492711.  α: n_1 = 53, D_o = 2·37 = 74;
 *   α = 1 − 295·74/25758 = 3928/25758 = 0.1524963118.
 *   F1 exact 0; overlap R = 1/1, P = 1/3 → 0.5.
 * organization: only alice, 16 code points: κ = 0 (p_o = p_e = 132/148);
 *   α: n_1 = 16, n_0 = 280, D_o = 32, Σ = 296² − 256 − 78400 = 8960;
 *   α = 1 − 295·32/8960 = −0.0535714286.
 * overall (sets of tags): 92 of 148 units agree; alice's categories {} 84,
 *   {official} 12, {quote} 36, {organization} 16; bob's {} 90, {official} 41,
 *   {quote} 17.  p_e = (84·90 + 12·41 + 36·17) / 21904 = 8664/21904;
 *   κ = (13616 − 8664) / (21904 − 8664) = 4952/13240 = 0.3740181269.
 *   α: n_c = 174, 53, 53, 16; Σ n_c² = 36150; Σ n_c n_k = 87616 − 36150
 *   = 51466; D_o = 2·56 = 112; α = 1 − 295·112/51466 = 0.3580227723.
 *   F1 exact 2·1/(4 + 4) = 0.25; overlap P = 2/4, R = 2/4 → 0.5.
 */
static void
test_json (void)
{
  g_auto(GlossTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object, *pair;
  JsonArray *annotators;
  g_autoptr(GList) tags = NULL;

  run_cli (&run, "agree", "--json", "article.txt.alice.gloss.json", "article.txt.bob.gloss.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (object, "units"), ==, "codepoint");
  annotators = json_object_get_array_member (object, "annotators");
  g_assert_cmpuint (json_array_get_length (annotators), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (annotators, 0), ==, "alice");
  g_assert_cmpstr (json_array_get_string_element (annotators, 1), ==, "bob");

  /* Codebook order, as the members' order in the file. */
  tags = json_object_get_members (json_object_get_object_member (object, "tags"));
  g_assert_cmpuint (g_list_length (tags), ==, 3);
  g_assert_cmpstr (g_list_nth_data (tags, 0), ==, "quote");
  g_assert_cmpstr (g_list_nth_data (tags, 1), ==, "official");
  g_assert_cmpstr (g_list_nth_data (tags, 2), ==, "organization");

  pair = find_pair (object, "quote", 0);
  g_assert_cmpstr (json_object_get_string_member (pair, "a"), ==, "alice");
  g_assert_cmpstr (json_object_get_string_member (pair, "b"), ==, "bob");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "cohen_kappa"), 3808.0 / 6620.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "f1_exact"), 2.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "f1_overlap"), 2.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (alpha_of (object, "quote"), 14548.0 / 25758.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (statistic_of (object, "quote", "fleiss_kappa"), 14510.0 / 25758.0, EPSILON);

  pair = find_pair (object, "official", 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "cohen_kappa"), 1384.0 / 6860.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "f1_exact"), 0.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "f1_overlap"), 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (alpha_of (object, "official"), 3928.0 / 25758.0, EPSILON);

  pair = find_pair (object, "organization", 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "cohen_kappa"), 0.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (alpha_of (object, "organization"), 1.0 - 295.0 * 32.0 / 8960.0, EPSILON);

  pair = find_pair (object, NULL, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "cohen_kappa"), 4952.0 / 13240.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "f1_exact"), 0.25, EPSILON);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "f1_overlap"), 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (alpha_of (object, NULL), 18426.0 / 51466.0, EPSILON);
}

/* carol's codebook is version 2 and calls organization "org": reported on
 * stderr before the numbers; mapped, bob–carol's organization κ becomes
 * undefined (neither uses it) → null, and alice–carol agree fully. */
static void
test_codebook_mismatch (void)
{
  g_auto(GlossTestRun) plain = { 0 };
  g_auto(GlossTestRun) mapped = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  run_cli (&plain, "agree", "--json", "article.txt.alice.gloss.json", "article.txt.carol.gloss.json", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.err, "version 2"));
  g_assert_nonnull (strstr (plain.err, "org"));
  g_assert_nonnull (strstr (plain.err, "--map"));

  run_cli (&mapped, "agree", "--json", "--map", "org=organization",
           "article.txt.alice.gloss.json", "article.txt.bob.gloss.json", "article.txt.carol.gloss.json", NULL);
  g_assert_cmpint (mapped.status, ==, 0);
  json_parser_load_from_data (parser, mapped.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));

  g_assert_false (json_object_has_member (json_object_get_object_member (object, "tags"), "org"));
  g_assert_cmpfloat (json_object_get_double_member (find_pair (object, NULL, 1), "cohen_kappa"), ==, 1.0);
  g_assert_cmpfloat (json_object_get_double_member (find_pair (object, "organization", 1), "cohen_kappa"), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (find_pair (object, "organization", 2), "cohen_kappa"), 0.0, EPSILON);
}

/* Unmapped, neither bob nor carol uses "organization": their κ and F1 for
 * it are undefined, printed as null. */
static void
test_null (void)
{
  g_auto(GlossTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  run_cli (&run, "agree", "--json",
           "article.txt.alice.gloss.json", "article.txt.bob.gloss.json", "article.txt.carol.gloss.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_null_member (find_pair (object, "organization", 2), "cohen_kappa"));
  g_assert_true (json_object_get_null_member (find_pair (object, "organization", 2), "f1_exact"));
  g_assert_true (json_object_get_null_member (find_pair (object, "org", 0), "f1_overlap"));
  /* Numbers stay numbers of one kind: 0 is written 0.0. */
  g_assert_nonnull (strstr (run.out, "\"f1_exact\": 0.0"));
}

/* frank annotated an older copy of the article (a shorter title): his file
 * is re-anchored to alice's article and then agrees with her exactly. */
static void
test_reanchor (void)
{
  g_auto(GlossTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  run_cli (&run, "agree", "--json", "article.txt.alice.gloss.json", "moved/article.txt.frank.gloss.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "re-anchored"));
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat (json_object_get_double_member (find_pair (object, NULL, 0), "cohen_kappa"), ==, 1.0);
  g_assert_cmpfloat (json_object_get_double_member (find_pair (object, NULL, 0), "f1_exact"), ==, 1.0);
}

/* Different texts and no article to re-anchor to: refused, nothing printed. */
static void
test_refused (void)
{
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) one = { 0 };

  run_cli (&run, "agree", "elsewhere/missing.txt.dave.gloss.json", "elsewhere/missing.txt.erin.gloss.json", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "missing.txt.erin.gloss.json"));
  g_assert_nonnull (strstr (run.err, "different text"));

  run_cli (&one, "agree", "article.txt.alice.gloss.json", NULL);
  g_assert_cmpint (one.status, !=, 0);
}

static void
test_table (void)
{
  g_auto(GlossTestRun) run = { 0 };

  run_cli (&run, "agree", "article.txt.alice.gloss.json", "article.txt.bob.gloss.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "alice–bob"));
  g_assert_nonnull (strstr (run.out, "0.575"));   /* quote κ */
  g_assert_nonnull (strstr (run.out, "0.374"));   /* overall κ */
}

static void
test_disagreements (void)
{
  g_auto(GlossTestRun) run = { 0 };

  run_cli (&run, "agree", "--disagreements", "article.txt.alice.gloss.json", "article.txt.bob.gloss.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "4 disagreements"));
  g_assert_nonnull (strstr (run.out, "official 25–33 “minister”"));
  g_assert_nonnull (strstr (run.out, "organization 87–103 “Finance Ministry”"));
}

static void
copy_fixture (const char *name,
              const char *directory)
{
  g_autofree char *from = g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "review", name, NULL);
  g_autofree char *to = g_build_filename (directory, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents (to, contents, length, &error));
  g_assert_no_error (error);
}

/* Written beside the first sidecar, an ordinary sidecar that validates;
 * never replaced without -o. */
static void
test_adjudicate (void)
{
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) validate = { 0 };
  g_auto(GlossTestRun) again = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("gloss-test-adjudicate-XXXXXX", NULL);
  g_autofree char *written = NULL;
  const char *names[] = { "article.txt", "article.txt.alice.gloss.json", "article.txt.bob.gloss.json" };
  JsonArray *annotations;
  JsonObject *annotation;

  g_assert_nonnull (directory);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    copy_fixture (names[i], directory);

  run_cli_in (&run, directory, "adjudicate", "--prefer", "bob", "--decided-by", "lead",
              "article.txt.alice.gloss.json", "article.txt.bob.gloss.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 unanimous, 3 taken from bob; 0 disagreements"));

  written = g_build_filename (directory, "article.txt.adjudicated.gloss.json", NULL);
  run_cli_in (&validate, directory, "validate", "article.txt.adjudicated.gloss.json", NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_cmpstr (validate.err, ==, "");

  json_parser_load_from_file (parser, written, &error);
  g_assert_no_error (error);
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "annotations");
  /* quote 40–57 (both), then bob's official 25–33, 70–103 and 87–103. */
  g_assert_cmpuint (json_array_get_length (annotations), ==, 4);
  annotation = json_array_get_object_element (annotations, 0);
  g_assert_cmpstr (json_object_get_string_member (annotation, "id"), ==, "b1");
  g_assert_cmpstr (json_object_get_string_member (annotation, "source_annotator"), ==, "bob");
  g_assert_cmpstr (json_object_get_string_member (annotation, "source_id"), ==, "b1");
  g_assert_cmpstr (json_object_get_string_member (annotation, "decided_by"), ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (annotation, "decision"), ==, "taken");
  annotation = json_array_get_object_element (annotations, 1);
  g_assert_cmpstr (json_object_get_string_member (annotation, "source_annotator"), ==, "alice");
  g_assert_cmpstr (json_object_get_string_member (annotation, "decision"), ==, "unanimous");

  run_cli_in (&again, directory, "adjudicate", "article.txt.alice.gloss.json", "article.txt.bob.gloss.json", NULL);
  g_assert_cmpint (again.status, !=, 0);
  g_assert_nonnull (strstr (again.err, "exists already"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (directory, names[i], NULL);
      g_unlink (path);
    }
  g_unlink (written);
  g_rmdir (directory);
}


#define BROKEN_SIDECAR "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [ {"

/* -o names a file that is not a sidecar that reads: with the article at
 * hand, it is not written over (it was, before adjudicate wrote through a
 * GlossSession). */
static void
test_adjudicate_never_over_broken (void)
{
  g_auto(GlossTestRun) run = { 0 };
  g_autofree char *directory = g_dir_make_tmp ("gloss-test-adjudicate-XXXXXX", NULL);
  g_autofree char *target = NULL;
  g_autofree char *after = NULL;
  const char *names[] = { "article.txt", "article.txt.alice.gloss.json", "article.txt.bob.gloss.json" };

  g_assert_nonnull (directory);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    copy_fixture (names[i], directory);
  target = g_build_filename (directory, "article.txt.lead.gloss.json", NULL);
  g_assert_true (g_file_set_contents (target, BROKEN_SIDECAR, -1, NULL));

  run_cli_in (&run, directory, "adjudicate", "--prefer", "bob", "-o", "article.txt.lead.gloss.json",
              "article.txt.alice.gloss.json", "article.txt.bob.gloss.json", NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "article.txt.lead.gloss.json"));
  g_assert_true (g_file_get_contents (target, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, BROKEN_SIDECAR);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (directory, names[i], NULL);
      g_unlink (path);
    }
  g_unlink (target);
  g_rmdir (directory);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/agree/json", test_json);
  g_test_add_func ("/cli/agree/codebook-mismatch", test_codebook_mismatch);
  g_test_add_func ("/cli/agree/null", test_null);
  g_test_add_func ("/cli/agree/reanchor", test_reanchor);
  g_test_add_func ("/cli/agree/refused", test_refused);
  g_test_add_func ("/cli/agree/table", test_table);
  g_test_add_func ("/cli/agree/disagreements", test_disagreements);
  g_test_add_func ("/cli/adjudicate", test_adjudicate);
  g_test_add_func ("/cli/adjudicate/never-over-broken", test_adjudicate_never_over_broken);

  return g_test_run ();
}
