/* test-window-versions.c: opening an article whose text changed, driven by real key events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article's text changed since the user's annotations were made, and the
 * old text is kept: opening it must queue what is not exact or moved for
 * review, old and new text side by side, and the review must change the
 * user's annotations.  Keys go through the X server with xdotool (skipped
 * without it or off X11).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "gloss-annotation.h"
#include "gloss-annotation-row.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-library-page.h"
#include "gloss-sidecar.h"
#include "gloss-stealth-edits.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"
#include "gloss-version-store.h"
#include "gloss-version-view.h"
#include "gloss-window.h"
#include "gloss-window-private.h"

#define ANNOTATOR "li"
#define OLD_TEXT "Li said: we will act now. Zhou said the budget is 4.8 million. 这一段将被整段删除。\nThe end 😀."
#define NEW_TEXT "Li said: we will surely act now. Zhou said the budget rose.\nThe end 😀."

typedef struct
{
  char        *dir;
  GFile       *article;
  GlossWindow *window;
} Fixture;

/* The keyboard goes where the pointer is (no window manager under Xvfb). */
static void
point_at (GtkWindow *window)
{
  g_autofree char *xid = gloss_test_window_xid (window);
  g_autofree char *out = gloss_test_xdotool ((const char *[]) { "mousemove", "--window", xid, "--sync", "600", "400", NULL });
  g_autofree char *focus = NULL;

  /* The window that had the keyboard is gone: give it to this one. */
  focus = gloss_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL });
}

static GlossAnnotation *
annotate (GlossAnnotationSet *set,
          GlossDocument      *old,
          const char         *tag,
          const char         *needle)
{
  gssize at = gloss_document_find (old, needle, 0);

  g_assert_cmpint (at, >=, 0);
  return gloss_annotation_set_create (set, tag, at, at + g_utf8_strlen (needle, -1));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossDocument) old = gloss_document_new (OLD_TEXT, -1, NULL);
  g_autoptr(GlossSidecar) coded = gloss_sidecar_new (ANNOTATOR, NULL);
  g_autoptr(GFile) sidecar_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sidecar_path = NULL;
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (coded);

  f->dir = g_dir_make_tmp ("gloss-test-window-versions-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "budget.txt", NULL);
  f->article = g_file_new_for_path (path);

  /* Coded on the old text, which was kept when it was read... */
  gloss_document_set_source (old, "budget.txt");
  g_assert_true (gloss_version_store_keep (old, f->article, &error));
  g_assert_no_error (error);
  gloss_sidecar_attach_document (coded, old);
  annotate (set, old, "quote", "The end 😀");               /* untouched: moved */
  annotate (set, old, "quote", "will act now");             /* "surely" inserted: fuzzy */
  annotate (set, old, "statistic", "budget is 4.8 million"); /* mostly rewritten: cut */
  annotate (set, old, "quote", "被整段删除");               /* deleted: orphaned */
  sidecar_path = g_strconcat (path, ".", ANNOTATOR, ".gloss.json", NULL);
  sidecar_file = g_file_new_for_path (sidecar_path);
  g_assert_true (gloss_sidecar_save (coded, sidecar_file, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_no_error (error);

  /* ...and the article changed since. */
  g_file_set_contents (path, NEW_TEXT, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  gloss_test_rm_rf (f->dir);
  g_clear_object (&f->article);
  g_free (f->dir);
}

static gboolean
has_sidecar (gpointer data)
{
  return gloss_window_get_sidecar (data) != NULL;
}

typedef struct
{
  GlossWindow *window;
  guint        n_items;
  guint        position;
} Wait;

static gboolean
reached (gpointer data)
{
  Wait *w = data;
  GlossVersionView *view = _gloss_window_get_version_view (w->window);

  return view != NULL && gtk_widget_get_mapped (GTK_WIDGET (view)) &&
         gloss_version_view_get_n_items (view) == w->n_items &&
         gloss_version_view_get_position (view) == w->position;
}

static void
wait_for (GlossWindow *window,
          guint        n_items,
          guint        position)
{
  Wait w = { window, n_items, position };

  gloss_test_iterate_until (reached, &w);
}

/* Presses @keys and waits until the queue shows @n_items, at @position. */
static void
press (GlossWindow *window,
       const char  *keys,
       guint        n_items,
       guint        position)
{
  g_autofree char *out = gloss_test_xdotool ((const char *[]) { "key", "--clearmodifiers", keys, NULL });

  wait_for (window, n_items, position);
}

static GlossAnnotation *
find_by_text (GlossAnnotationSet *set,
              const char         *text)
{
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    if (g_strcmp0 (gloss_annotation_get_text (gloss_annotation_set_get_nth (set, i)), text) == 0)
      return gloss_annotation_set_get_nth (set, i);
  return NULL;
}

static gboolean
no_version_window (gpointer data)
{
  return _gloss_window_get_version_view (data) == NULL;
}

static void
test_review_on_open (Fixture       *f,
                     gconstpointer  data)
{
  GlossAnnotationSet *set;
  GlossAnnotation *fuzzy, *cut, *orphan, *moved;
  GlossVersionView *view;
  g_autofree char *out = NULL;

  if (!gloss_test_xdotool_available ())
    return;

  f->window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (has_sidecar, f->window);

  /* The review queue opens by itself: fuzzy, cut, orphaned; not the moved one. */
  wait_for (f->window, 3, 0);
  set = gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window));
  moved = find_by_text (set, "The end 😀");
  fuzzy = find_by_text (set, "will act now");
  cut = find_by_text (set, "budget is 4.8 million");
  orphan = find_by_text (set, "被整段删除");
  g_assert_cmpint (gloss_annotation_get_anchor_status (moved), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpint (gloss_annotation_get_anchor_status (fuzzy), ==, GLOSS_ANCHOR_FUZZY);
  g_assert_cmpint (gloss_annotation_get_anchor_status (cut), ==, GLOSS_ANCHOR_CUT);
  g_assert_cmpint (gloss_annotation_get_anchor_status (orphan), ==, GLOSS_ANCHOR_ORPHANED);
  view = _gloss_window_get_version_view (f->window);
  g_assert_true (gloss_version_view_get_current (view) == fuzzy);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view)))) == GTK_WINDOW (f->window));

  point_at (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))));
  press (f->window, "alt+Down", 3, 1);
  g_assert_true (gloss_version_view_get_current (view) == cut);
  press (f->window, "alt+Down", 3, 2);
  g_assert_true (gloss_version_view_get_current (view) == orphan);
  press (f->window, "alt+Up", 3, 1);
  press (f->window, "alt+Up", 3, 0);

  /* Confirm the fuzzy one: the user's annotation is exact on the new text. */
  press (f->window, "alt+Return", 2, 0);
  g_assert_cmpint (gloss_annotation_get_anchor_status (fuzzy), ==, GLOSS_ANCHOR_EXACT);
  g_assert_cmpstr (gloss_annotation_get_text (fuzzy), ==, "will surely act now");
  g_assert_true (gloss_annotation_set_lookup (set, gloss_annotation_get_id (fuzzy)) == fuzzy);

  /* Delete the cut one: gone from the user's layer, undoable in the window. */
  g_assert_true (gloss_version_view_get_current (view) == cut);
  press (f->window, "alt+Delete", 1, 0);
  g_assert_null (gloss_annotation_set_lookup (set, gloss_annotation_get_id (cut)));
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 3);
  g_assert_true (gloss_session_get_modified (gloss_window_get_session (f->window)));

  /* Escape closes the review; What Changed (Ctrl+Shift+H) opens it again,
   * with what is still to review. */
  g_assert_true (gloss_version_view_get_current (view) == orphan);
  out = gloss_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "Escape", NULL });
  gloss_test_iterate_until (no_version_window, f->window);
  point_at (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (_gloss_window_get_article_view (f->window)));
  press (f->window, "ctrl+shift+h", 1, 0);
  view = _gloss_window_get_version_view (f->window);
  g_assert_true (gloss_version_view_get_current (view) == orphan);
}

static gboolean
has_warning (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if ((GTK_IS_IMAGE (c) && gtk_widget_get_visible (c) &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (c)), "dialog-warning-symbolic") == 0) || has_warning (c))
      return TRUE;
  return FALSE;
}

/* The sidebar row showing @text: does it show its warning? -1 without a row. */
static int
row_warns (GtkWidget  *root,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      int found;

      if (GLOSS_IS_ANNOTATION_ROW (child) && gtk_widget_get_mapped (child))
        {
          if (gloss_test_find_label_containing (child, text) != NULL)
            return has_warning (child);
        }
      found = row_warns (child, text);
      if (found >= 0)
        return found;
    }
  return -1;
}

static gboolean
row_shown (gpointer data)
{
  gpointer *args = data;

  return row_warns (args[0], args[1]) >= 0;
}

/* The sidebar marks what needs review (fuzzy, cut, orphaned), not an
 * annotation that only moved: after a sentence inserted above, every
 * annotation below moves, and none of them needs a look. */
static void
test_moved_not_flagged (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *root;

  f->window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (has_sidecar, f->window);
  wait_for (f->window, 3, 0);
  root = GTK_WIDGET (f->window);
  gloss_test_iterate_until (row_shown, (gpointer[]) { root, "The end" });
  gloss_test_iterate_until (row_shown, (gpointer[]) { root, "被整段删除" });

  g_assert_cmpint (row_warns (root, "The end"), ==, FALSE);
  g_assert_cmpint (row_warns (root, "被整段删除"), ==, TRUE);
  g_assert_cmpint (row_warns (root, "will act now"), ==, TRUE);
}

static gboolean
not_saving (gpointer data)
{
  return !_gloss_window_is_saving (data);
}

/* Saved before the review: the next opening, on the text it was saved on,
 * queues the same annotations at the same places (not looked for again by
 * their old quotes). */
static void
test_review_after_save (Fixture       *f,
                        gconstpointer  data)
{
  GlossAnnotationSet *set;
  g_autoptr(GFile) sidecar_file = NULL;
  g_autofree char *saved = NULL;
  guint fuzzy_start, fuzzy_end, cut_start;

  f->window = gloss_window_new (NULL);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (has_sidecar, f->window);
  wait_for (f->window, 3, 0);
  set = gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window));
  fuzzy_start = gloss_annotation_get_start (find_by_text (set, "will act now"));
  fuzzy_end = gloss_annotation_get_end (find_by_text (set, "will act now"));
  cut_start = gloss_annotation_get_start (find_by_text (set, "budget is 4.8 million"));

  sidecar_file = g_object_ref (gloss_sidecar_get_file (gloss_window_get_sidecar (f->window)));
  _gloss_window_save (f->window, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
  gloss_test_iterate_until (not_saving, f->window);
  saved = gloss_test_read (g_file_peek_path (sidecar_file), NULL);
  g_assert_nonnull (strstr (saved, "\"anchor\": \"fuzzy\""));
  g_assert_nonnull (strstr (saved, "\"anchor\": \"cut\""));
  g_assert_nonnull (strstr (saved, "\"anchor\": \"orphaned\""));
  gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();

  f->window = gloss_window_new (NULL);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (has_sidecar, f->window);
  wait_for (f->window, 3, 0);
  set = gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window));
  g_assert_cmpint (gloss_annotation_get_anchor_status (find_by_text (set, "will act now")), ==, GLOSS_ANCHOR_FUZZY);
  g_assert_cmpuint (gloss_annotation_get_start (find_by_text (set, "will act now")), ==, fuzzy_start);
  g_assert_cmpuint (gloss_annotation_get_end (find_by_text (set, "will act now")), ==, fuzzy_end);
  g_assert_cmpint (gloss_annotation_get_anchor_status (find_by_text (set, "budget is 4.8 million")), ==, GLOSS_ANCHOR_CUT);
  g_assert_cmpuint (gloss_annotation_get_start (find_by_text (set, "budget is 4.8 million")), ==, cut_start);
  g_assert_cmpint (gloss_annotation_get_anchor_status (find_by_text (set, "被整段删除")), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpint (gloss_annotation_get_anchor_status (find_by_text (set, "The end 😀")), ==, GLOSS_ANCHOR_EXACT);
}

/* A text that cannot be kept is said, with the folder, not ignored. */
static void
test_keep_fails (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *texts = g_build_filename (f->dir, ".gloss", NULL);
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "gloss", NULL);
  g_autoptr(GError) error = NULL;

  /* Neither folder can be made: a file stands in the way of each. */
  gloss_test_rm_rf (texts);
  g_assert_true (g_file_set_contents (texts, "not a folder", -1, &error));
  gloss_test_rm_rf (user);
  g_assert_true (g_file_set_contents (user, "not a folder", -1, &error));

  f->window = gloss_window_new (NULL);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (has_sidecar, f->window);
  gloss_test_iterate_until (gloss_test_shows_text, (gpointer[]) { f->window, "could not be kept in" });
  gloss_test_iterate_until (gloss_test_shows_text, (gpointer[]) { f->window, texts });
  g_unlink (user);
}

/* The old text was not kept: what is not exact is placed by its quotes
 * alone, and the user is told, not left to find out. */
static void
test_old_text_not_kept (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *texts = g_build_filename (f->dir, ".gloss", NULL);

  gloss_test_rm_rf (texts);
  f->window = gloss_window_new (NULL);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (has_sidecar, f->window);
  gloss_test_iterate_until (gloss_test_shows_text, (gpointer[]) { f->window, "and the text they were made on was not kept" });
  g_assert_null (_gloss_window_get_version_view (f->window));
}


static gboolean
library_loaded (gpointer data)
{
  GlossLibraryPage *page = _gloss_window_get_library_page (data);

  return _gloss_window_get_library_shown (data) && gloss_library_page_get_folder (page) != NULL &&
         !gloss_library_page_get_loading (page);
}

static gboolean
changed_listed (gpointer data)
{
  GtkWidget *edits = gloss_test_find_widget (data, GLOSS_TYPE_STEALTH_EDITS, NULL);

  return edits != NULL && gtk_widget_get_mapped (edits) &&
         gloss_stealth_edits_get_n_articles (GLOSS_STEALTH_EDITS (edits)) > 0;
}

static gboolean
article_opened (gpointer data)
{
  return !_gloss_window_get_library_shown (data) && gloss_window_get_sidecar (data) != NULL;
}

/* The shown view switcher (the header's, wide; the bottom bar's, narrow). */
static GtkWidget *
shown_switcher (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_VIEW_SWITCHER (child) && gtk_widget_get_mapped (child))
        return child;
      if ((found = shown_switcher (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The view switcher's button for a page: a toggle button labelled with its title. */
static GtkWidget *
switcher_button (GtkWidget  *root,
                 const char *title)
{
  GtkWidget *switcher = shown_switcher (root);

  g_assert_nonnull (switcher);
  for (GtkWidget *child = gtk_widget_get_first_child (switcher); child; child = gtk_widget_get_next_sibling (child))
    if (gloss_test_find_label_containing (child, title) != NULL)
      return child;
  return NULL;
}

/* The Library's Changed Texts: the article with two kept texts is listed,
 * not the one with one; Enter opens it, and What Changed with its queue. */
static void
test_changed_texts_in_library (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GlossDocument) now = gloss_document_new (NEW_TEXT, -1, NULL);
  g_autoptr(GlossDocument) speech = gloss_document_new ("The minister said taxes will fall. 税收将下降。", -1, NULL);
  g_autofree char *speech_path = g_build_filename (f->dir, "speech.txt", NULL);
  g_autofree char *database = g_build_filename (f->dir, "library.sqlite", NULL);
  g_autoptr(GFile) speech_file = g_file_new_for_path (speech_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GlossLibraryPage *page;
  GtkWidget *button, *edits, *row;

  if (!gloss_test_xdotool_available ())
    return;

  /* budget.txt: the text annotated and the text now, both kept; speech.txt: one. */
  gloss_document_set_source (now, "budget.txt");
  g_assert_true (gloss_version_store_keep (now, f->article, &error));
  g_assert_no_error (error);
  gloss_test_write (speech_path, gloss_document_get_text (speech), -1);
  gloss_document_set_source (speech, "speech.txt");
  g_assert_true (gloss_version_store_keep (speech, speech_file, &error));
  g_assert_no_error (error);
  g_settings_set_string (settings, "library-folder", f->dir);

  f->window = gloss_window_new (NULL);
  page = _gloss_window_get_library_page (f->window);
  _gloss_library_page_set_database (page, database);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (library_loaded, f->window);
  point_at (GTK_WINDOW (f->window));

  /* To Changed Texts with the keyboard: its switcher button, Space. */
  button = switcher_button (GTK_WIDGET (page), "Changed Texts");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  out = gloss_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "space", NULL });
  gloss_test_iterate_until (changed_listed, page);
  edits = gloss_test_find_widget (GTK_WIDGET (page), GLOSS_TYPE_STEALTH_EDITS, NULL);
  g_assert_cmpuint (gloss_stealth_edits_get_n_articles (GLOSS_STEALTH_EDITS (edits)), ==, 1);
  g_assert_null (gloss_test_find_widget (edits, ADW_TYPE_ACTION_ROW, "speech.txt"));
  row = gloss_test_find_widget (edits, ADW_TYPE_ACTION_ROW, "budget.txt");
  g_assert_nonnull (row);

  /* Enter on its row: the article opens in this window, What Changed with its queue. */
  g_assert_true (gtk_widget_grab_focus (row));
  g_free (g_steal_pointer (&out));
  out = gloss_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "Return", NULL });
  gloss_test_iterate_until (article_opened, f->window);
  g_assert_true (g_file_equal (gloss_session_get_file (gloss_window_get_session (f->window)), f->article));
  wait_for (f->window, 3, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("gloss-test-data-XXXXXX", NULL);

  /* Kept texts that fall back to the user's folder stay in the test's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gloss_test_gtk_init (&argc, &argv);
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "annotator-id", ANNOTATOR);
  g_settings_set_uint (settings, "autosave-delay", 0);

  g_test_add ("/window-versions/review-on-open", Fixture, NULL, fixture_set_up, test_review_on_open, fixture_tear_down);
  g_test_add ("/window-versions/moved-not-flagged", Fixture, NULL, fixture_set_up, test_moved_not_flagged, fixture_tear_down);
  g_test_add ("/window-versions/review-after-save", Fixture, NULL, fixture_set_up, test_review_after_save, fixture_tear_down);
  g_test_add ("/window-versions/old-text-not-kept", Fixture, NULL, fixture_set_up, test_old_text_not_kept, fixture_tear_down);
  g_test_add ("/window-versions/keep-fails", Fixture, NULL, fixture_set_up, test_keep_fails, fixture_tear_down);
  g_test_add ("/window-versions/changed-texts-in-library", Fixture, NULL, fixture_set_up, test_changed_texts_in_library,
              fixture_tear_down);

  return g_test_run ();
}
