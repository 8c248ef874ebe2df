/* test-version-view.c: the review queue after re-anchoring, driven by real key events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys go through the X server with xdotool, as a keyboard user's do; the
 * test is skipped without xdotool or off X11.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"
#include "gloss-version-history.h"
#include "gloss-version-store.h"
#include "gloss-version-view.h"

#define OLD_TEXT "Li said: we will act now. Zhou said the budget is 4.8 million. 这一段将被整段删除。\nThe end 😀."
#define NEW_TEXT "Li said: we will surely act now. Zhou said the budget rose.\nThe end 😀."

typedef struct
{
  GlossVersionView *view;
  guint             n_items;
  guint             position;
} Wait;

static gboolean
reached (gpointer data)
{
  Wait *w = data;

  return gloss_version_view_get_n_items (w->view) == w->n_items &&
         gloss_version_view_get_position (w->view) == w->position;
}

/* Presses @keys and waits until the queue shows @n_items, at @position. */
static void
press (GlossVersionView *view,
       const char       *keys,
       guint             n_items,
       guint             position)
{
  Wait w = { view, n_items, position };
  g_autofree char *out = gloss_test_xdotool ((const char *[]) { "key", "--clearmodifiers", keys, NULL });

  gloss_test_iterate_until (reached, &w);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static GlossAnnotation *
annotate (GlossAnnotationSet *set,
          GlossDocument      *old,
          const char         *needle)
{
  gssize at = gloss_document_find (old, needle, 0);

  g_assert_cmpint (at, >=, 0);
  return gloss_annotation_set_create (set, "quote", at, at + g_utf8_strlen (needle, -1));
}

static void
test_review_queue (void)
{
  g_autoptr(GlossDocument) old = gloss_document_new (OLD_TEXT, -1, NULL);
  g_autoptr(GlossDocument) new = gloss_document_new (NEW_TEXT, -1, NULL);
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autofree char *xid = NULL;
  g_autofree char *out = NULL;
  GlossAnnotation *moved, *fuzzy, *cut, *orphan;
  GlossVersionView *view;
  GtkWidget *window;
  GtkTextView *new_view;
  GtkWidget *texts;
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  if (!gloss_test_xdotool_available ())
    return;

  gloss_annotation_set_set_document (set, old);
  moved = annotate (set, old, "The end 😀");                 /* untouched: not queued */
  fuzzy = annotate (set, old, "will act now");               /* "surely" inserted */
  cut = annotate (set, old, "budget is 4.8 million");        /* mostly rewritten */
  orphan = annotate (set, old, "被整段删除");                /* deleted */

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  view = GLOSS_VERSION_VIEW (gloss_version_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gloss_version_view_reanchor (view, old, new, set);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (is_mapped, view);

  g_assert_cmpint (gloss_annotation_get_anchor_status (moved), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpint (gloss_annotation_get_anchor_status (fuzzy), ==, GLOSS_ANCHOR_FUZZY);
  g_assert_cmpint (gloss_annotation_get_anchor_status (cut), ==, GLOSS_ANCHOR_CUT);
  g_assert_cmpint (gloss_annotation_get_anchor_status (orphan), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (gloss_version_view_get_n_items (view), ==, 3);
  g_assert_true (gloss_version_view_get_current (view) == fuzzy);

  /* The keyboard goes where the pointer is (no window manager under Xvfb). */
  /* The list of changes, then the old and new texts side by side. */
  texts = gtk_paned_get_end_child (GTK_PANED (gloss_test_find_widget (GTK_WIDGET (view), GTK_TYPE_PANED, NULL)));
  new_view = GTK_TEXT_VIEW (gloss_test_find_widget (gtk_widget_get_last_child (texts), GTK_TYPE_TEXT_VIEW, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (new_view));
  xid = gloss_test_window_xid (GTK_WINDOW (window));
  out = gloss_test_xdotool ((const char *[]) { "mousemove", "--window", xid, "--sync", "500", "300", NULL });

  press (view, "alt+Down", 3, 1);
  g_assert_true (gloss_version_view_get_current (view) == cut);
  press (view, "alt+Down", 3, 2);
  g_assert_true (gloss_version_view_get_current (view) == orphan);
  press (view, "alt+Up", 3, 1);
  press (view, "alt+Up", 3, 0);

  /* Confirm the fuzzy one: exact where it is, its text now the new one. */
  press (view, "alt+Return", 2, 0);
  g_assert_cmpint (gloss_annotation_get_anchor_status (fuzzy), ==, GLOSS_ANCHOR_EXACT);
  g_assert_cmpstr (gloss_annotation_get_text (fuzzy), ==, "will surely act now");

  /* Delete the cut one (undoable). */
  g_assert_true (gloss_version_view_get_current (view) == cut);
  press (view, "alt+Delete", 1, 0);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 3);
  g_assert_null (gloss_annotation_set_lookup (set, gloss_annotation_get_id (cut)));

  /* The orphan: select where it belongs in the new text, then Alt+S. */
  g_assert_true (gloss_version_view_get_current (view) == orphan);
  buffer = gtk_text_view_get_buffer (new_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, gloss_document_find (new, "budget rose", 0));
  gtk_text_buffer_get_iter_at_offset (buffer, &b, gloss_document_find (new, "budget rose", 0) + 11);
  gtk_text_buffer_select_range (buffer, &a, &b);
  press (view, "alt+s", 0, 0);
  g_assert_cmpint (gloss_annotation_get_anchor_status (orphan), ==, GLOSS_ANCHOR_EXACT);
  g_assert_cmpuint (gloss_annotation_get_start (orphan), ==, gloss_document_find (new, "budget rose", 0));
  g_assert_cmpstr (gloss_annotation_get_text (orphan), ==, "budget rose");

  /* Each review was one undoable edit. */
  g_assert_true (gloss_annotation_set_undo (set));
  g_assert_cmpint (gloss_annotation_get_anchor_status (orphan), ==, GLOSS_ANCHOR_ORPHANED);

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
}

/* What the window does when a kept version differs: attach through the view. */
static void
test_attach (void)
{
  g_autoptr(GlossDocument) old = gloss_document_new (OLD_TEXT, -1, NULL);
  g_autoptr(GlossDocument) new = gloss_document_new (NEW_TEXT, -1, NULL);
  g_autoptr(GlossSidecar) coded = gloss_sidecar_new ("li", NULL);
  g_autoptr(GlossSidecar) reopened = NULL;
  g_autofree char *data = NULL;
  GtkWidget *view = g_object_ref_sink (gloss_version_view_new ());
  gsize length;

  gloss_sidecar_attach_document (coded, old);
  annotate (gloss_sidecar_get_annotations (coded), old, "will act now");
  annotate (gloss_sidecar_get_annotations (coded), old, "The end 😀");
  data = gloss_sidecar_to_data (coded, &length);
  reopened = gloss_sidecar_new_from_data (data, length, "test.li.gloss.json", NULL, NULL);

  gloss_version_view_attach (GLOSS_VERSION_VIEW (view), reopened, old, new);
  g_assert_true (gloss_sidecar_get_document (reopened) == new);
  g_assert_cmpuint (gloss_version_view_get_n_items (GLOSS_VERSION_VIEW (view)), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_text (gloss_version_view_get_current (GLOSS_VERSION_VIEW (view))), ==, "will act now");
  gloss_test_assert_finalized (view);
}

static char *
row_texts (GtkWidget *list)
{
  GString *all = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gloss_test_find_widget (row, GTK_TYPE_LABEL, NULL);

      g_string_append_printf (all, "%s|", gtk_label_get_label (GTK_LABEL (label)));
    }
  return g_string_free (all, FALSE);
}

static gboolean
not_reading (gpointer data)
{
  return !gloss_version_view_get_reading (data);
}

/* A long annotation a change touches is named by its first words, marked
 * as cut: not by thirty characters ending inside a word. */
static void
test_touched_cut (void)
{
  g_autoptr(GlossDocument) old = gloss_document_new ("Critics said: we asked three times and got nothing at all. End.", -1, NULL);
  g_autoptr(GlossDocument) new = gloss_document_new ("Critics said nothing. End.", -1, NULL);
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  GtkWidget *view = g_object_ref_sink (gloss_version_view_new ());
  g_autofree char *rows = NULL;

  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();

  gloss_annotation_set_set_document (set, old);
  annotate (set, old, "we asked three times and got nothing at all");
  /* Named by the codebook's label (引语 in Chinese), not the tag's id. */
  gloss_version_view_set_codebook (GLOSS_VERSION_VIEW (view), codebook);
  gloss_version_view_reanchor (GLOSS_VERSION_VIEW (view), old, new, set);
  rows = row_texts (gloss_test_find_widget (view, GTK_TYPE_LIST_BOX, NULL));
  g_test_message ("%s", rows);
  g_assert_nonnull (strstr (rows, "Touches Quote “we asked three times and got…”"));
  g_object_unref (view);
}

/* What changed, the annotations each change touches, and every kept version
 * to compare with. */
static void
test_changes_and_versions (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "budget.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GlossDocument) middle = gloss_document_new ("Li said: we will act soon. Zhou said the budget is 4.8 million.\nThe end 😀.", -1, NULL);
  g_autoptr(GlossDocument) old = gloss_document_new (OLD_TEXT, -1, NULL);
  g_autoptr(GlossDocument) new = gloss_document_new (NEW_TEXT, -1, NULL);
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GPtrArray) versions = NULL;
  GtkWidget *view = g_object_ref_sink (gloss_version_view_new ());
  GtkWidget *list, *dropdown, *old_view;
  g_autofree char *rows = NULL;
  g_autofree char *shown = NULL;
  GtkTextIter a, b;

  gloss_test_write (path, NEW_TEXT, -1);
  gloss_document_set_source (old, "budget.txt");
  gloss_document_set_retrieved (old, "2026-11-01T08:00:00Z");
  gloss_document_set_source (middle, "budget.txt");
  gloss_document_set_retrieved (middle, "2026-11-02T08:00:00Z");
  gloss_document_set_source (new, "budget.txt");
  gloss_document_set_retrieved (new, "2026-11-03T08:00:00Z");
  g_assert_true (gloss_version_store_keep (old, article, NULL));
  g_assert_true (gloss_version_store_keep (middle, article, NULL));
  g_assert_true (gloss_version_store_keep (new, article, NULL));

  gloss_annotation_set_set_document (set, old);
  annotate (set, old, "will act now");
  annotate (set, old, "budget is 4.8 million");
  annotate (set, old, "The end 😀");
  gloss_version_view_reanchor (GLOSS_VERSION_VIEW (view), old, new, set);

  /* Whole words, one row per edited phrase, with the annotations they touch. */
  list = gloss_test_find_widget (view, GTK_TYPE_LIST_BOX, NULL);
  rows = row_texts (list);
  g_test_message ("%s", rows);
  g_assert_nonnull (strstr (rows, "Inserted “surely ”\nTouches quote “will act now”|"));
  g_assert_nonnull (strstr (rows, "Touches quote “budget is 4.8 million”"));
  g_assert_null (strstr (rows, "The end"));

  /* Every kept version, oldest first; another one taken as the old side. */
  versions = gloss_version_history_list (article);
  g_assert_cmpuint (versions->len, ==, 3);
  gloss_version_view_set_article (GLOSS_VERSION_VIEW (view), article, versions);
  dropdown = gloss_test_find_widget (view, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), 2),
                            "the text now"));
  /* Read in a worker thread: a version picked while another is read is the one shown. */
  old_view = gloss_test_find_widget (view, GTK_TYPE_TEXT_VIEW, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_true (gloss_version_view_get_reading (GLOSS_VERSION_VIEW (view)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  gloss_test_iterate_until (not_reading, view);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (old_view)), &a, &b);
  shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (old_view)), &a, &b, FALSE);
  g_assert_cmpstr (shown, ==, gloss_document_get_text (middle));
  /* A reading given up when the view goes: nothing arrives for it after. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  g_assert_true (gloss_version_view_get_reading (GLOSS_VERSION_VIEW (view)));
  /* The queue is the same annotations, under review still. */
  g_assert_cmpuint (gloss_version_view_get_n_items (GLOSS_VERSION_VIEW (view)), ==, 2);

  gloss_test_assert_finalized (view);
  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = gloss_test_make_tmpdir ();

  /* Kept texts that fall back to the user's folder stay in the test's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gloss_test_gtk_init (&argc, &argv);

  g_test_add_func ("/version-view/review-queue", test_review_queue);
  g_test_add_func ("/version-view/attach", test_attach);
  g_test_add_func ("/version-view/changes-and-versions", test_changes_and_versions);
  g_test_add_func ("/version-view/touched-cut", test_touched_cut);

  return g_test_run ();
}
