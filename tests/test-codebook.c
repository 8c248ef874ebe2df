/* test-codebook.c: the default codebook and codebook JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "gloss-codebook.h"
#include "gloss-test-util.h"

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

/* A team's codebook saved when the disk is full (here: a file-size limit,
 * what `prlimit --fsize` does) fails and leaves the old file as it was, with
 * no temporary file behind.  GIO's g_file_replace_contents() would have put
 * a truncated file in its place. */
static void
save_full_disk_child (void)
{
  const char *path = g_getenv ("GLOSS_TEST_CODEBOOK");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 2048, 2048 };

  /* Larger than the limit once written. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("tag-%u", i);
      g_autoptr(GlossTag) tag = gloss_tag_new (id, "A tag with a long enough label", "#123456", NULL);

      gloss_codebook_add_tag (codebook, tag);
    }

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (gloss_codebook_save_file (codebook, file, &error));
  g_assert_nonnull (error);
  g_printerr ("save failed as expected: %s\n", error->message);
}

static void
test_save_full_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *child = NULL;
  g_autoptr(GlossCodebook) small = gloss_codebook_new ("Team", "1");
  g_autoptr(GlossTag) tag = gloss_tag_new ("claim", "Claim", "#ff7800", "1");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  if (g_test_subprocess ())
    {
      save_full_disk_child ();
      return;
    }

  dir = gloss_test_make_tmpdir ();
  path = g_build_filename (dir, "gloss-codebook.json", NULL);
  file = g_file_new_for_path (path);
  gloss_codebook_add_tag (small, tag);
  g_assert_true (gloss_codebook_save_file (small, file, &error));
  g_assert_no_error (error);
  before = gloss_test_read (path, NULL);

  g_setenv ("GLOSS_TEST_CODEBOOK", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*save failed as expected*");

  after = gloss_test_read (path, NULL);
  g_assert_cmpstr (after, ==, before);
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  gloss_test_rm_rf (dir);
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
  g_test_add_func ("/codebook/save-full-disk", test_save_full_disk);

  return g_test_run ();
}
