/* test-codebook.c: the default codebook and codebook JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-codebook.h"

static GlossCodebook *
parse (const char  *json,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return gloss_codebook_new_from_json (json_parser_get_root (parser), "codebook", error);
}

static void
test_default (void)
{
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  const char *ids[] = { "quote", "official", "person", "organization", "program", "place", "statistic" };
  GlossTag *quote;
  const GlossAttributeDef *speaker;

  g_assert_cmpuint (gloss_codebook_get_n_tags (codebook), ==, G_N_ELEMENTS (ids));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (codebook)), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (codebook, i);
      g_autofree char *key = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (gloss_tag_get_id (tag), ==, ids[i]);
      g_assert_true (gloss_codebook_lookup_key (codebook, key) == tag);
      g_assert_true (g_str_has_prefix (gloss_tag_get_color (tag), "#"));
    }

  quote = gloss_codebook_lookup (codebook, "quote");
  speaker = gloss_tag_lookup_attribute (quote, "speaker");
  g_assert_nonnull (speaker);
  g_assert_cmpint (speaker->type, ==, GLOSS_ATTRIBUTE_LINK);
  g_assert_true (g_strv_contains ((const char * const *)speaker->to, "official"));
}

static void
test_round_trip (void)
{
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(JsonNode) node = gloss_codebook_to_json (codebook);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCodebook) again = gloss_codebook_new_from_json (node, "codebook", &error);
  g_autoptr(JsonNode) node2 = NULL;

  g_assert_no_error (error);
  node2 = gloss_codebook_to_json (again);
  g_assert_true (json_node_equal (node, node2));
}

static void
test_errors (void)
{
  struct { const char *json; const char *expect; } cases[] = {
    { "{\"tags\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}", "codebook.tags[1]: tag id “a” is used twice" },
    { "{\"tags\": [{\"id\": \"a\", \"color\": \"red\"}]}", "codebook.tags[0].color" },
    { "{\"tags\": [{\"id\": \"a\", \"attributes\": [{\"id\": \"x\", \"type\": \"date\"}]}]}", "codebook.tags[0].attributes[0].type" },
    { "{\"tags\": [{\"label\": \"no id\"}]}", "codebook.tags[0].id: is missing" },
    { "{\"name\": 3, \"tags\": []}", "codebook.name: must be a string" },
    { "{\"name\": \"x\"}", "codebook.tags" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossCodebook) codebook = parse (cases[i].json, &error);

      g_assert_null (codebook);
      g_assert_error (error, GLOSS_CODEBOOK_ERROR, GLOSS_CODEBOOK_ERROR_INVALID);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].expect);
    }
}

static void
test_edit (void)
{
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new ("Mine", "1");
  g_autoptr(GlossTag) tag = gloss_tag_new ("claim", "Claim", "#ff0000", "8");

  gloss_codebook_add_tag (codebook, tag);
  g_assert_true (gloss_codebook_lookup_key (codebook, "8") == tag);
  gloss_codebook_remove_tag (codebook, tag);
  g_assert_null (gloss_codebook_lookup (codebook, "claim"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codebook/default", test_default);
  g_test_add_func ("/codebook/round-trip", test_round_trip);
  g_test_add_func ("/codebook/errors", test_errors);
  g_test_add_func ("/codebook/edit", test_edit);

  return g_test_run ();
}
