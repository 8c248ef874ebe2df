/* test-version-store.c: keeping every annotated text, and re-anchoring through it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"
#include "gloss-version-store.h"

static GlossDocument *
document_at (const char *text,
             GFile      *article)
{
  GlossDocument *document = gloss_document_new (text, -1, NULL);

  gloss_document_set_file (document, article);
  gloss_document_set_source (document, "article.txt");
  return document;
}

static void
test_keep_and_lookup (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *article_path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GlossDocument) document = document_at ("市长说:“改革不会停步。”\r\nThen 😀 𠀋.", article);
  g_autoptr(GlossDocument) found = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gz = NULL;
  const char *sha256 = gloss_document_get_sha256 (document);

  g_assert_true (gloss_version_store_keep (document, article, &error));
  g_assert_no_error (error);
  gz = g_strdup_printf ("%s/.gloss/texts/%s.txt.gz", dir, sha256);
  g_assert_true (g_file_test (gz, G_FILE_TEST_IS_REGULAR));

  found = gloss_version_store_lookup (article, sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (found), ==, gloss_document_get_text (document));

  /* Reading it again notes nothing new; a re-fetch with its time does. */
  g_assert_true (gloss_version_store_keep (document, article, NULL));
  info = gloss_version_store_get_info (article, sha256);
  g_assert_nonnull (info);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (info, "seen")), ==, 1);
  g_clear_pointer (&info, json_object_unref);

  gloss_document_set_retrieved (document, "2026-12-01T10:00:00Z");
  g_assert_true (gloss_version_store_keep (document, article, NULL));
  info = gloss_version_store_get_info (article, sha256);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (info, "seen")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (info, "length"), ==, gloss_document_get_length (document));

  /* Not kept: NOT_FOUND, named. */
  g_clear_object (&found);
  found = gloss_version_store_lookup (article, "0000000000000000000000000000000000000000000000000000000000000000", &error);
  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  gloss_test_rm_rf (dir);
}

static void
test_damaged (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *article_path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GlossDocument) document = document_at ("One text.", article);
  g_autoptr(GlossDocument) other = gloss_document_new ("Another text.", -1, NULL);
  g_autoptr(GlossDocument) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gz = NULL;
  g_autofree char *other_gz = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (gloss_version_store_keep (document, article, NULL));
  gloss_document_set_file (other, article);
  g_assert_true (gloss_version_store_keep (other, article, NULL));

  /* Another text's content under this name: refused, not returned. */
  gz = g_strdup_printf ("%s/.gloss/texts/%s.txt.gz", dir, gloss_document_get_sha256 (document));
  other_gz = g_strdup_printf ("%s/.gloss/texts/%s.txt.gz", dir, gloss_document_get_sha256 (other));
  g_assert_true (g_file_get_contents (other_gz, &data, &length, NULL));
  g_assert_true (g_file_set_contents (gz, data, length, NULL));
  found = gloss_version_store_lookup (article, gloss_document_get_sha256 (document), &error);
  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, gz));
  g_clear_error (&error);

  /* A truncated gzip file. */
  g_assert_true (g_file_set_contents (gz, data, length / 2, NULL));
  found = gloss_version_store_lookup (article, gloss_document_get_sha256 (document), &error);
  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  gloss_test_rm_rf (dir);
}

#define READ_ONLY_TEXT "A text in a folder nobody may write."

/* The subprocess of test_read_only_folder(): as nobody when run as root
 * (root writes into any folder), keeps a text whose folder it may not
 * write. */
static void
read_only_folder_child (void)
{
  const char *dir = g_getenv ("GLOSS_TEST_ARTICLE_DIR");
  g_autofree char *article_path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GlossDocument) document = document_at (READ_ONLY_TEXT, article);
  g_autoptr(GlossDocument) found = NULL;
  g_autofree char *kept = NULL;

  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  /* Else the test would prove nothing. */
  g_assert_cmpint (g_access (dir, W_OK), !=, 0);
  g_assert_cmpstr (g_get_user_data_dir (), ==, g_getenv ("GLOSS_TEST_DATA_HOME"));

  g_assert_true (gloss_version_store_keep (document, article, NULL));
  kept = g_strdup_printf ("%s/gloss/texts/%s.txt.gz", g_get_user_data_dir (), gloss_document_get_sha256 (document));
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  found = gloss_version_store_lookup (article, gloss_document_get_sha256 (document), NULL);
  g_assert_nonnull (found);
  g_printerr ("kept in the user's folder as expected\n");
}

/* Where the article's folder cannot be written, the text is kept in the
 * user's folder.  The keeping runs in a subprocess that may drop root's
 * privileges, which the main test process must not do. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *beside = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new (READ_ONLY_TEXT, -1, NULL);

  if (g_test_subprocess ())
    {
      read_only_folder_child ();
      return;
    }

  dir = gloss_test_make_tmpdir ();
  data_home = gloss_test_make_tmpdir ();
  g_assert_cmpint (g_chmod (data_home, 0777), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_setenv ("GLOSS_TEST_ARTICLE_DIR", dir, TRUE);
  g_setenv ("GLOSS_TEST_DATA_HOME", data_home, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("GLOSS_TEST_ARTICLE_DIR");
  g_unsetenv ("GLOSS_TEST_DATA_HOME");
  g_chmod (dir, 0700);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*kept in the user's folder as expected*");

  /* Nothing beside the article; the text in the user's folder. */
  beside = g_build_filename (dir, ".gloss", NULL);
  g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
  kept = g_strdup_printf ("%s/gloss/texts/%s.txt.gz", data_home, gloss_document_get_sha256 (document));
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  gloss_test_rm_rf (dir);
  gloss_test_rm_rf (data_home);
}

/* A sidecar coded on a kept text is re-anchored through the diff when it is
 * opened with a changed one: a one-letter annotation whose context was
 * rewritten stays on its letter, where its quote alone could not place it. */
static void
test_sidecar_uses_kept_version (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *article_path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  const char *old_text = "Officials from the city council said on Monday: a plan is ready. More later.";
  const char *new_text = "Officials said on Tuesday, in a statement: a plan was ready. More later.";
  g_autoptr(GlossDocument) old = document_at (old_text, article);
  g_autoptr(GlossDocument) new = document_at (new_text, article);
  g_autoptr(GlossSidecar) coded = gloss_sidecar_new ("li", NULL);
  g_autoptr(GlossSidecar) reopened = NULL;
  g_autoptr(GlossSidecar) unkept = NULL;
  g_autofree char *data = NULL;
  GlossAnnotation *a;
  gssize at;
  gsize length;

  gloss_sidecar_attach_document (coded, old);
  at = gloss_document_find (old, ": a plan", 0) + 2;
  gloss_annotation_set_create (gloss_sidecar_get_annotations (coded), "quote", at, at + 1);
  data = gloss_sidecar_to_data (coded, &length);

  /* Not kept: the letter's context disagrees, it is orphaned. */
  unkept = gloss_sidecar_new_from_data (data, length, "article.li.json", NULL, NULL);
  gloss_sidecar_attach_document (unkept, new);
  a = gloss_annotation_set_get_nth (gloss_sidecar_get_annotations (unkept), 0);
  g_assert_cmpint (gloss_annotation_get_anchor_status (a), ==, GLOSS_ANCHOR_ORPHANED);

  /* Kept: moved, onto the same letter. */
  g_assert_true (gloss_version_store_keep (old, article, NULL));
  g_clear_object (&new);
  new = document_at (new_text, article);
  reopened = gloss_sidecar_new_from_data (data, length, "article.li.json", NULL, NULL);
  gloss_sidecar_attach_document (reopened, new);
  a = gloss_annotation_set_get_nth (gloss_sidecar_get_annotations (reopened), 0);
  g_assert_cmpint (gloss_annotation_get_anchor_status (a), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, gloss_document_find (new, ": a plan", 0) + 2);

  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  /* A subprocess of test_read_only_folder() is given its parent's. */
  const char *shared = g_getenv ("GLOSS_TEST_DATA_HOME");
  g_autofree char *data_home = shared ? NULL : gloss_test_make_tmpdir ();
  int status;

  /* Before GLib caches it. */
  g_setenv ("XDG_DATA_HOME", shared ? shared : data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/version-store/keep-and-lookup", test_keep_and_lookup);
  g_test_add_func ("/version-store/damaged", test_damaged);
  g_test_add_func ("/version-store/read-only-folder", test_read_only_folder);
  g_test_add_func ("/version-store/sidecar", test_sidecar_uses_kept_version);

  status = g_test_run ();
  if (data_home != NULL)
    gloss_test_rm_rf (data_home);
  return status;
}
