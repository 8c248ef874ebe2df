/* test-stealth-edits.c: the list of articles whose text changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gloss-document.h"
#include "gloss-stealth-edits.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"
#include "gloss-version-store.h"

static void
keep (GFile      *article,
      const char *text,
      const char *retrieved)
{
  g_autoptr(GlossDocument) document = gloss_document_new (text, -1, NULL);
  g_autofree char *name = g_file_get_basename (article);

  gloss_document_set_source (document, name);
  gloss_document_set_retrieved (document, retrieved);
  g_assert_true (gloss_version_store_keep (document, article, NULL));
}

static gboolean
listed (gpointer data)
{
  return gloss_stealth_edits_get_n_articles (data) == 1;
}

static void
open_cb (GlossStealthEdits *edits,
         GFile             *file,
         GFile            **opened)
{
  g_set_object (opened, file);
}

static void
test_list (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "报道.html", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GFile) opened = NULL;
  GtkWidget *edits = g_object_ref_sink (gloss_stealth_edits_new ());
  GtkWidget *row;

  gloss_test_write (path, "<p>x</p>", -1);
  keep (article, "部长说:预算是480万。", "2026-11-01T08:00:00Z");
  keep (article, "部长说:预算增加了。", "2026-11-02T09:30:00Z");

  g_signal_connect (edits, "open", G_CALLBACK (open_cb), &opened);
  gloss_stealth_edits_set_folder (GLOSS_STEALTH_EDITS (edits), folder);
  gloss_test_iterate_until (listed, edits);

  row = gloss_test_find_widget (edits, ADW_TYPE_ACTION_ROW, "报道.html");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Read again, and different: the file changed, or was read in another encoding or extracted differently\n"
                   "2 versions: 2026-11-01T08:00:00Z · 2026-11-02T09:30:00Z");
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_nonnull (opened);
  g_assert_true (g_file_equal (opened, article));

  gloss_test_assert_finalized (edits);
  gloss_test_rm_rf (dir);
}

static gboolean
two_listed (gpointer data)
{
  return gloss_stealth_edits_get_n_articles (data) == 2;
}

/* Each row says why: two fetches of one address that differ, or a text read
 * again (one fetch read in another encoding is no stealth edit). */
static void
test_reasons (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *fetched_path = g_build_filename (dir, "fetched.txt", NULL);
  g_autofree char *decoded_path = g_build_filename (dir, "decoded.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) fetched = g_file_new_for_path (fetched_path);
  g_autoptr(GFile) decoded = g_file_new_for_path (decoded_path);
  GtkWidget *edits = g_object_ref_sink (gloss_stealth_edits_new ());
  const char *texts[] = { "部长说:预算是480万。", "部长说:预算增加了。", "閮ㄩ暱璇", "部长说" };
  GtkWidget *row;

  gloss_test_write (fetched_path, "x", -1);
  gloss_test_write (decoded_path, "x", -1);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GlossDocument) document = gloss_document_new (texts[i], -1, NULL);

      gloss_document_set_source (document, i < 2 ? "fetched.txt" : "decoded.txt");
      gloss_document_set_url (document, i < 2 ? "https://example.org/a" : "https://example.org/b");
      /* The two of fetched.txt a day apart; decoded.txt's from one fetch. */
      gloss_document_set_retrieved (document, i == 1 ? "2026-11-02T08:00:00Z" : "2026-11-01T08:00:00Z");
      g_assert_true (gloss_version_store_keep (document, i < 2 ? fetched : decoded, NULL));
    }

  gloss_stealth_edits_set_folder (GLOSS_STEALTH_EDITS (edits), folder);
  gloss_test_iterate_until (two_listed, edits);
  row = gloss_test_find_widget (edits, ADW_TYPE_ACTION_ROW, "fetched.txt");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Fetched again from the same address, and different: the page changed\n"));
  row = gloss_test_find_widget (edits, ADW_TYPE_ACTION_ROW, "decoded.txt");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Read again, and different:"));

  gloss_test_assert_finalized (edits);
  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = gloss_test_make_tmpdir ();

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gloss_test_gtk_init (&argc, &argv);

  g_test_add_func ("/stealth-edits/list", test_list);
  g_test_add_func ("/stealth-edits/reasons", test_reasons);

  return g_test_run ();
}
