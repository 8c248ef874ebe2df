/* test-window-article.c: the open article changed on disk, deleted or moved; its bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another program rewrites the article while the user annotates it: the
 * window must say so, and Reload must save the unsaved annotations, read the
 * new text and re-anchor them through the kept old text, the review queue
 * opening for what moved too much; opening the article again from the
 * Library does the same.  The Reload key goes through the X server with
 * xdotool when it is there, else the button's action is activated.
 *
 * Another program deletes or moves the article: a second bar names it and
 * where the annotations are; Save Article As… and Locate… (their choosers'
 * answers given directly) bring the text back or follow it, annotations
 * included.  The annotations file deleted is written anew, no conflict.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"
#include "gloss-version-view.h"
#include "gloss-window.h"
#include "gloss-window-private.h"

#define ANNOTATOR "li"
#define OLD_TEXT "Li said: we will act now. 李明说：“我们会继续推进。”\nThe end 😀."
#define NEW_TEXT "Li said: we will surely act now. 李明说：“我们会继续推进。”\nThe end 😀."

typedef struct
{
  char        *dir;
  char        *path;
  GFile       *article;
  GlossWindow *window;
} Fixture;

static gboolean
ready (gpointer data)
{
  GlossWindow *window = data;

  /* The layer is in, and the text read is kept for re-anchoring later. */
  return gloss_window_get_sidecar (window) != NULL &&
         !gloss_session_get_loading (gloss_window_get_session (window)) &&
         window->versions != NULL && window->versions->len > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("gloss-test-window-article-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "budget.txt", NULL);
  gloss_test_write (f->path, OLD_TEXT, -1);
  f->article = g_file_new_for_path (f->path);

  f->window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (ready, f->window);
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
  g_free (f->path);
  g_free (f->dir);
}

static GlossAnnotation *
annotate (GlossWindow *window,
          const char  *tag,
          const char  *needle)
{
  GlossDocument *document = gloss_window_get_document (window);
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (gloss_window_get_sidecar (window));
  gssize at = gloss_document_find (document, needle, 0);

  g_assert_cmpint (at, >=, 0);
  return gloss_annotation_set_create (set, tag, at, at + g_utf8_strlen (needle, -1));
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
bar_shown (gpointer data)
{
  GlossWindow *window = data;

  return gtk_revealer_get_child_revealed (window->article_bar) &&
         gtk_widget_get_mapped (GTK_WIDGET (window->article_bar));
}

static gboolean
bar_hidden (gpointer data)
{
  GlossWindow *window = data;

  return !gtk_revealer_get_reveal_child (window->article_bar);
}

/* The new text is shown, with the user's layer read again. */
static gboolean
reloaded (gpointer data)
{
  GlossWindow *window = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (_gloss_window_get_article_view (window)));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strcmp0 (text, NEW_TEXT) == 0 && ready (window) &&
         g_strcmp0 (gloss_document_get_text (gloss_window_get_document (window)), NEW_TEXT) == 0;
}

static gboolean
review_opened (gpointer data)
{
  GlossVersionView *view = _gloss_window_get_version_view (data);

  return view != NULL && gloss_version_view_get_n_items (view) == 1;
}

/* What must hold once the new text is in: nothing lost, placed anew. */
static void
assert_reanchored (Fixture *f)
{
  GlossSession *session = gloss_window_get_session (f->window);
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window));
  GlossAnnotation *fuzzy, *moved;
  GlossVersionView *view;
  g_autofree char *slice = NULL;

  g_assert_false (gloss_session_get_article_changed (session));
  g_assert_false (gloss_session_get_modified (session));
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 2);

  /* Saved before the reload, read back, and mapped through the diff. */
  moved = find_by_text (set, "我们会继续推进");
  g_assert_nonnull (moved);
  g_assert_cmpint (gloss_annotation_get_anchor_status (moved), ==, GLOSS_ANCHOR_MOVED);
  slice = gloss_document_get_slice (gloss_window_get_document (f->window), gloss_annotation_get_start (moved),
                                    gloss_annotation_get_end (moved));
  g_assert_cmpstr (slice, ==, "我们会继续推进");
  fuzzy = find_by_text (set, "will act now");
  g_assert_nonnull (fuzzy);
  g_assert_cmpint (gloss_annotation_get_anchor_status (fuzzy), ==, GLOSS_ANCHOR_FUZZY);

  /* The review queue opens on what moved too much. */
  gloss_test_iterate_until (review_opened, f->window);
  view = _gloss_window_get_version_view (f->window);
  g_assert_true (gloss_version_view_get_current (view) == fuzzy);
}

static void
test_reload_bar (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *button;

  /* Annotated, not saved yet: Reload must not lose them. */
  annotate (f->window, "quote", "will act now");
  annotate (f->window, "quote", "我们会继续推进");
  g_assert_true (gloss_session_get_modified (gloss_window_get_session (f->window)));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->article_bar));
  g_assert_false (gtk_widget_is_sensitive (gloss_test_find_widget (GTK_WIDGET (f->window->article_bar),
                                                                  GTK_TYPE_BUTTON, "_Reload")));

  gloss_test_write (f->path, NEW_TEXT, -1);
  gloss_test_iterate_until (bar_shown, f->window);
  g_assert_nonnull (gloss_test_find_label_containing (GTK_WIDGET (f->window->article_bar),
                                                      "The article changed on disk."));

  /* Reload from the keyboard: the button takes the focus, Space presses it. */
  button = gloss_test_find_widget (GTK_WIDGET (f->window->article_bar), GTK_TYPE_BUTTON, "_Reload");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_grab_focus (button));
  if (gloss_test_xdotool_available ())
    {
      g_autofree char *xid = gloss_test_window_xid (GTK_WINDOW (f->window));
      g_autofree char *moved = gloss_test_xdotool ((const char *[]) { "mousemove", "--window", xid, "--sync", "400", "300", NULL });
      g_autofree char *focused = gloss_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL });
      g_autofree char *out = gloss_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "space", NULL });
    }
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reload-article", NULL));

  gloss_test_iterate_until (reloaded, f->window);
  gloss_test_iterate_until (bar_hidden, f->window);
  assert_reanchored (f);
}

/* Return on the article's row in the Library, for the article open here
 * that changed on disk: read again, the same way. */
static void
test_reload_from_library (Fixture       *f,
                          gconstpointer  data)
{
  annotate (f->window, "quote", "will act now");
  annotate (f->window, "quote", "我们会继续推进");

  gloss_test_write (f->path, NEW_TEXT, -1);
  gloss_test_iterate_until (bar_shown, f->window);
  _gloss_window_show_library (f->window, TRUE);
  _gloss_window_open_from_library (f->window, f->article, FALSE);

  gloss_test_iterate_until (reloaded, f->window);
  g_assert_false (_gloss_window_get_library_shown (f->window));
  assert_reanchored (f);
}

/* The article deleted or moved while open (the second bar). */

static gboolean
gone_bar_shown (gpointer data)
{
  GlossWindow *window = data;

  return gtk_revealer_get_child_revealed (window->article_gone_bar) &&
         gtk_widget_get_mapped (GTK_WIDGET (window->article_gone_bar));
}

static gboolean
gone_bar_hidden (gpointer data)
{
  GlossWindow *window = data;

  return !gtk_revealer_get_reveal_child (window->article_gone_bar) &&
         !gloss_session_get_article_missing (gloss_window_get_session (window));
}

static GtkWidget *
gone_button (Fixture    *f,
             const char *label)
{
  GtkWidget *button = gloss_test_find_widget (GTK_WIDGET (f->window->article_gone_bar), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

/* The bar names the file and where the annotations are; its buttons are
 * there for the keyboard too. */
static void
assert_gone_bar (Fixture *f)
{
  g_autofree char *layer = g_strconcat (f->path, "." ANNOTATOR ".gloss.json", NULL);
  const char *label = gtk_label_get_label (f->window->article_gone_label);

  g_assert_nonnull (strstr (label, f->path));
  g_assert_nonnull (strstr (label, "was deleted or moved"));
  g_assert_nonnull (strstr (label, layer));
  g_assert_true (gtk_widget_is_sensitive (gone_button (f, "Save Article _As…")));
  g_assert_true (gtk_widget_is_sensitive (gone_button (f, "_Locate…")));
  g_assert_true (gtk_widget_grab_focus (gone_button (f, "_Locate…")));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->article_bar));
}

/* The article opened here is @file, with its layer read. */
typedef struct
{
  GlossWindow *window;
  GFile       *file;
} OpenedAt;

static gboolean
opened_at (gpointer data)
{
  OpenedAt *at = data;
  GFile *current = gloss_session_get_file (gloss_window_get_session (at->window));

  return current != NULL && g_file_equal (current, at->file) && ready (at->window) &&
         gloss_session_get_state (gloss_window_get_session (at->window)) == GLOSS_SESSION_READY;
}

/* Deleted: the bar says so; the text written back at its path (Save
 * Article As… there) is the article again, and the bar goes. */
static void
test_gone_save_back (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *written = NULL;

  annotate (f->window, "quote", "will act now");
  _gloss_window_save (f->window, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
  g_assert_false (gtk_widget_is_sensitive (gone_button (f, "Save Article _As…")));

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  gloss_test_iterate_until (gone_bar_shown, f->window);
  assert_gone_bar (f);

  _gloss_window_save_article_to (f->window, f->article);
  gloss_test_iterate_until (gone_bar_hidden, f->window);
  written = gloss_test_read (f->path, NULL);
  g_assert_cmpstr (written, ==, OLD_TEXT);
  g_assert_false (gloss_session_get_article_changed (gloss_window_get_session (f->window)));
  g_assert_false (gtk_widget_is_sensitive (gone_button (f, "_Locate…")));
}

/* Saved elsewhere: the text there, the annotations beside it (unsaved ones
 * included), and the article opened here from there. */
static void
test_gone_save_elsewhere (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "kept", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *written = NULL;
  OpenedAt at = { f->window, file };
  GlossAnnotationSet *set;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  gloss_test_iterate_until (gone_bar_shown, f->window);
  annotate (f->window, "quote", "我们会继续推进");

  _gloss_window_save_article_to (f->window, file);
  gloss_test_iterate_until (opened_at, &at);
  written = gloss_test_read (path, NULL);
  g_assert_cmpstr (written, ==, OLD_TEXT);
  set = gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window));
  g_assert_nonnull (find_by_text (set, "我们会继续推进"));
  g_assert_false (gloss_session_get_modified (gloss_window_get_session (f->window)));
  gloss_test_iterate_until (gone_bar_hidden, f->window);
}

/* Moved, then found where it is (Locate…): the annotations follow it. */
static void
test_gone_locate (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "budget-moved.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  OpenedAt at = { f->window, file };
  GlossAnnotationSet *set;

  annotate (f->window, "quote", "will act now");
  g_assert_cmpint (g_rename (f->path, path), ==, 0);
  gloss_test_iterate_until (gone_bar_shown, f->window);
  assert_gone_bar (f);

  _gloss_window_locate_article (f->window, file);
  gloss_test_iterate_until (opened_at, &at);
  set = gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window));
  g_assert_nonnull (find_by_text (set, "will act now"));
  gloss_test_iterate_until (gone_bar_hidden, f->window);
}

static gboolean
all_saved (gpointer data)
{
  GlossSession *session = gloss_window_get_session (data);

  return !gloss_session_get_modified (session) && !gloss_session_get_saving (session);
}

static gboolean
unsaved (gpointer data)
{
  return gloss_session_get_modified (gloss_window_get_session (data));
}

/* Moved with its annotations file: Locate… opens the two where they are
 * now; the annotations only the window held are written first, where they
 * were. */
static void
test_gone_locate_with_layer (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "moved", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.txt", NULL);
  g_autofree char *layer = g_strconcat (f->path, "." ANNOTATOR ".gloss.json", NULL);
  g_autofree char *moved_layer = g_strconcat (path, "." ANNOTATOR ".gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  OpenedAt at = { f->window, file };

  annotate (f->window, "quote", "will act now");
  _gloss_window_save (f->window, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
  gloss_test_iterate_until (all_saved, f->window);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (g_rename (f->path, path), ==, 0);
  g_assert_cmpint (g_rename (layer, moved_layer), ==, 0);
  gloss_test_iterate_until (gone_bar_shown, f->window);
  /* Its file gone, the layer is unsaved (autosave is off here). */
  gloss_test_iterate_until (unsaved, f->window);

  _gloss_window_locate_article (f->window, file);
  gloss_test_iterate_until (opened_at, &at);
  g_assert_nonnull (find_by_text (gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window)),
                                  "will act now"));
  g_assert_true (g_file_test (layer, G_FILE_TEST_EXISTS));
}

/* The annotations file deleted by another program: no conflict to settle,
 * the window's next save writes it anew. */
static void
test_layer_deleted (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *layer = g_strconcat (f->path, "." ANNOTATOR ".gloss.json", NULL);
  g_autofree char *contents = NULL;

  annotate (f->window, "quote", "will act now");
  _gloss_window_save (f->window, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
  gloss_test_iterate_until (all_saved, f->window);

  g_assert_cmpint (g_unlink (layer), ==, 0);
  gloss_test_iterate_until (unsaved, f->window);
  g_assert_false (_gloss_window_get_conflict (f->window));
  g_assert_cmpint (gloss_session_get_state (gloss_window_get_session (f->window)), ==, GLOSS_SESSION_READY);

  _gloss_window_save (f->window, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
  gloss_test_iterate_until (all_saved, f->window);
  contents = gloss_test_read (layer, NULL);
  g_assert_nonnull (strstr (contents, "will act now"));
  g_assert_false (_gloss_window_get_conflict (f->window));
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

  g_test_add ("/window-article/reload-bar", Fixture, NULL, fixture_set_up, test_reload_bar, fixture_tear_down);
  g_test_add ("/window-article/reload-from-library", Fixture, NULL, fixture_set_up, test_reload_from_library,
              fixture_tear_down);
  g_test_add ("/window-article/gone-save-back", Fixture, NULL, fixture_set_up, test_gone_save_back, fixture_tear_down);
  g_test_add ("/window-article/gone-save-elsewhere", Fixture, NULL, fixture_set_up, test_gone_save_elsewhere,
              fixture_tear_down);
  g_test_add ("/window-article/gone-locate", Fixture, NULL, fixture_set_up, test_gone_locate, fixture_tear_down);
  g_test_add ("/window-article/layer-deleted", Fixture, NULL, fixture_set_up, test_layer_deleted, fixture_tear_down);
  g_test_add ("/window-article/gone-locate-with-layer", Fixture, NULL, fixture_set_up, test_gone_locate_with_layer,
              fixture_tear_down);

  return g_test_run ();
}
