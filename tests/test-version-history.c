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

/* Keeps @text as @article's, fetched from @url at @retrieved. */
static void
keep_fetched (GFile      *article,
              const char *text,
              const char *url,
              const char *retrieved)
{
  g_autoptr(GlossDocument) document = gloss_document_new (text, -1, NULL);
  g_autofree char *name = g_file_get_basename (article);

  gloss_document_set_source (document, name);
  gloss_document_set_url (document, url);
  gloss_document_set_retrieved (document, retrieved);
  g_assert_true (gloss_version_store_keep (document, article, NULL));
}

static GlossChangedArticle *
changed_named (GPtrArray  *changed,
               const char *name)
{
  for (guint i = 0; i < changed->len; i++)
    {
      GlossChangedArticle *item = g_ptr_array_index (changed, i);
      g_autofree char *base = g_file_get_basename (item->article);

      if (g_str_equal (base, name))
        return item;
    }
  return NULL;
}

/* Two fetches of one address that differ are told from a text read again:
 * one fetch re-read in another encoding or extracted better, a file edited. */
static void
test_kinds (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) fetched = article_with (dir, "fetched.txt", "x");
  g_autoptr(GFile) decoded = article_with (dir, "decoded.txt", "x");
  g_autoptr(GFile) edited = article_with (dir, "edited.txt", "x");
  g_autoptr(GFile) moved = article_with (dir, "moved.txt", "x");
  g_autoptr(GPtrArray) changed = NULL;

  /* Re-fetched a day later, and the page had changed. */
  keep_fetched (fetched, "部长说:预算是480万。", "https://example.org/a", "2026-11-01T08:00:00Z");
  keep_fetched (fetched, "部长说:预算是480万。", "https://example.org/a", "2026-11-01T09:00:00Z");
  keep_fetched (fetched, "部长说:预算增加了。", "https://example.org/a", "2026-11-02T08:00:00Z");
  /* One fetch, read as GBK then as UTF-8 (mojibake, then the text). */
  keep_fetched (decoded, "閮ㄩ暱璇", "https://example.org/b", "2026-11-01T08:00:00Z");
  keep_fetched (decoded, "部长说", "https://example.org/b", "2026-11-01T08:00:00Z");
  /* A file without an address, edited. */
  keep (edited, "Before 😀.", NULL);
  keep (edited, "After 😀.", NULL);
  /* Two addresses: not two fetches of one page. */
  keep_fetched (moved, "Old place.", "https://example.org/old", "2026-11-01T08:00:00Z");
  keep_fetched (moved, "New place.", "https://example.org/new", "2026-11-02T08:00:00Z");

  changed = gloss_version_history_changed (folder, NULL, NULL);
  g_assert_cmpuint (changed->len, ==, 4);
  g_assert_cmpint (gloss_changed_article_get_kind (changed_named (changed, "fetched.txt")), ==, GLOSS_CHANGE_REFETCHED);
  g_assert_cmpint (gloss_changed_article_get_kind (changed_named (changed, "decoded.txt")), ==, GLOSS_CHANGE_READ_AGAIN);
  g_assert_cmpint (gloss_changed_article_get_kind (changed_named (changed, "edited.txt")), ==, GLOSS_CHANGE_READ_AGAIN);
  g_assert_cmpint (gloss_changed_article_get_kind (changed_named (changed, "moved.txt")), ==, GLOSS_CHANGE_READ_AGAIN);

  gloss_test_rm_rf (dir);
}

/* Folders that cannot hold `.gloss`: their texts go to the user's folder,
 * where two articles of one name, in two folders, are not mixed up. */
static void
test_user_folder (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *one = g_build_filename (dir, "one", NULL);
  g_autofree char *two = g_build_filename (dir, "two", NULL);
  g_autofree char *blocker_one = g_build_filename (one, ".gloss", NULL);
  g_autofree char *blocker_two = g_build_filename (two, ".gloss", NULL);
  g_autoptr(GFile) folder_one = g_file_new_for_path (one);
  g_autoptr(GFile) folder_two = g_file_new_for_path (two);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFile) a1 = article_with (one, "report.txt", "x");
  g_autoptr(GFile) a2 = article_with (two, "report.txt", "x");
  g_autoptr(GFile) texts = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  /* A file where `.gloss` would be: nothing can be kept beside them. */
  gloss_test_write (blocker_one, "not a folder", -1);
  gloss_test_write (blocker_two, "not a folder", -1);
  keep (a1, "First text of one.", "2026-11-01T08:00:00Z");
  keep (a1, "Second text of one 😀.", "2026-11-02T08:00:00Z");
  keep (a2, "The only text of two.", "2026-11-01T08:00:00Z");
  texts = gloss_version_store_user_folder ();
  g_assert_true (g_file_query_exists (texts, NULL));

  versions = gloss_version_history_list (a1);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpuint (((GlossVersionInfo *)g_ptr_array_index (versions, 1))->length, ==, 21);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = gloss_version_history_list (a2);
  g_assert_cmpuint (versions->len, ==, 1);

  changed = gloss_version_history_changed (folder_two, NULL, NULL);
  g_assert_cmpuint (changed->len, ==, 0);
  g_clear_pointer (&changed, g_ptr_array_unref);
  changed = gloss_version_history_changed (root, NULL, NULL);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_true (g_file_equal (((GlossChangedArticle *)g_ptr_array_index (changed, 0))->article, a1));
  g_clear_pointer (&changed, g_ptr_array_unref);
  changed = gloss_version_history_changed (folder_one, NULL, NULL);
  g_assert_cmpuint (changed->len, ==, 1);

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
  g_test_add_func ("/version-history/kinds", test_kinds);
  g_test_add_func ("/version-history/user-folder", test_user_folder);

  return g_test_run ();
}
