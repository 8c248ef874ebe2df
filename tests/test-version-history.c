/* test-version-history.c: an article's kept versions, and the articles that changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gloss-document.h"
#include "gloss-test-util.h"
#include "gloss-version-history.h"
#include "gloss-version-store.h"

static GFile *
article_with (const char *dir,
              const char *name,
              const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0700);
  gloss_test_write (path, text, -1);
  return g_file_new_for_path (path);
}

/* Keeps @text as a version of @article read at @retrieved. */
static void
keep (GFile      *article,
      const char *text,
      const char *retrieved)
{
  g_autoptr(GlossDocument) document = gloss_document_new (text, -1, NULL);
  g_autofree char *name = g_file_get_basename (article);
  g_autoptr(GError) error = NULL;

  gloss_document_set_source (document, name);
  gloss_document_set_retrieved (document, retrieved);
  g_assert_true (gloss_version_store_keep (document, article, &error));
  g_assert_no_error (error);
}

static void
test_list_and_changed (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) a = article_with (dir, "a.html", "x");
  g_autoptr(GFile) b = article_with (dir, "b.txt", "x");
  g_autoptr(GFile) c = article_with (dir, "sub/c.txt", "x");
  g_autoptr(GFile) gone = article_with (dir, "gone.txt", "x");
  g_autoptr(GFile) hidden = article_with (dir, ".hidden/d.txt", "x");
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GError) error = NULL;
  GlossVersionInfo *info;

  /* a.html: re-fetched twice, the second time changed (a stealth edit 😀). */
  keep (a, "市长说:我们将行动。", "2026-11-01T08:00:00Z");
  keep (a, "市长说:我们将行动。", "2026-11-02T08:00:00Z");
  keep (a, "市长说:我们也许会行动。😀", "2026-11-03T08:00:00Z");
  keep (b, "Unchanged.", "2026-11-01T08:00:00Z");
  keep (b, "Unchanged.", "2026-11-05T08:00:00Z");
  keep (c, "First.", "2026-11-01T08:00:00Z");
  keep (c, "Second.", "2026-11-02T08:00:00Z");
  keep (gone, "First.", NULL);
  keep (gone, "Second.", NULL);
  keep (hidden, "First.", NULL);
  keep (hidden, "Second.", NULL);
  g_assert_true (g_file_delete (gone, NULL, NULL));

  versions = gloss_version_history_list (a);
  g_assert_cmpuint (versions->len, ==, 2);
  info = g_ptr_array_index (versions, 0);
  g_assert_cmpstr (info->retrieved, ==, "2026-11-01T08:00:00Z");
  g_assert_cmpuint (info->length, ==, 10);
  g_assert_nonnull (info->read);
  g_assert_nonnull (info->last_read);
  info = g_ptr_array_index (versions, 1);
  g_assert_cmpstr (info->retrieved, ==, "2026-11-03T08:00:00Z");
  g_assert_cmpuint (info->length, ==, 13);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* One text, read twice: one version. */
  versions = gloss_version_history_list (b);
  g_assert_cmpuint (versions->len, ==, 1);

  /* Changed: more than one text; not the deleted article, not hidden folders. */
  changed = gloss_version_history_changed (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_true (g_file_equal (((GlossChangedArticle *)g_ptr_array_index (changed, 0))->article, a));
  g_assert_true (g_file_equal (((GlossChangedArticle *)g_ptr_array_index (changed, 1))->article, c));
  g_assert_cmpuint (((GlossChangedArticle *)g_ptr_array_index (changed, 1))->versions->len, ==, 2);

  gloss_test_rm_rf (dir);
}

static void
test_missing_folder (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/gloss-test-folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changed = gloss_version_history_changed (folder, NULL, &error);

  g_assert_null (changed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = gloss_test_make_tmpdir ();

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/version-history/list-and-changed", test_list_and_changed);
  g_test_add_func ("/version-history/missing-folder", test_missing_folder);

  return g_test_run ();
}
