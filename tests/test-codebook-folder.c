/* test-codebook-folder.c: a gloss-codebook.json beside the articles is their codebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-codebook-folder.h"
#include "gloss-test-util.h"

static const char team_codebook[] =
  "{ \"name\": \"Team\", \"version\": \"7\", \"tags\": ["
  "  { \"id\": \"claim\", \"label\": \"Claim\", \"color\": \"#ff0000\", \"key\": \"1\" } ] }";

static void
test_found (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *codebook_path = g_build_filename (dir, "gloss-codebook.json", NULL);
  g_autofree char *article_path = g_build_filename (dir, "budget.html", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GError) error = NULL;

  gloss_test_write (codebook_path, team_codebook, -1);

  codebook = gloss_codebook_find_for_article (article, &error);
  g_assert_no_error (error);
  g_assert_nonnull (codebook);
  g_assert_cmpstr (gloss_codebook_get_name (codebook), ==, "Team");
  g_assert_cmpstr (gloss_codebook_get_version (codebook), ==, "7");
  g_assert_cmpuint (gloss_codebook_get_n_tags (codebook), ==, 1);
  g_assert_nonnull (gloss_codebook_lookup (codebook, "claim"));

  g_unlink (codebook_path);
  g_rmdir (dir);
}

static void
test_absent (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *article_path = g_build_filename (dir, "budget.html", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GFile) expected = NULL;
  g_autoptr(GFile) where = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GError) error = NULL;

  codebook = gloss_codebook_find_for_article (article, &error);
  g_assert_no_error (error);
  g_assert_null (codebook);

  where = gloss_codebook_folder_file (article);
  expected = g_file_new_build_filename (dir, "gloss-codebook.json", NULL);
  g_assert_true (g_file_equal (where, expected));

  g_rmdir (dir);
}

static void
test_broken (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *codebook_path = g_build_filename (dir, "gloss-codebook.json", NULL);
  g_autofree char *article_path = g_build_filename (dir, "budget.html", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GError) error = NULL;

  /* A team's broken file must be reported, not silently replaced by the default. */
  gloss_test_write (codebook_path, "{ \"name\": \"Team\", \"tags\": [ ", -1);

  codebook = gloss_codebook_find_for_article (article, &error);
  g_assert_null (codebook);
  g_assert_error (error, GLOSS_CODEBOOK_ERROR, GLOSS_CODEBOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "gloss-codebook.json"));

  g_unlink (codebook_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codebook-folder/found", test_found);
  g_test_add_func ("/codebook-folder/absent", test_absent);
  g_test_add_func ("/codebook-folder/broken", test_broken);

  return g_test_run ();
}
