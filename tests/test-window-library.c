/* test-window-library.c: the Library as a page of the window, through its
 * actions and real key events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-library-item.h"
#include "gloss-library-page.h"
#include "gloss-library-page-private.h"
#include "gloss-review-session.h"
#include "gloss-sidecar.h"
#include "gloss-window.h"
#include "gloss-window-private.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

typedef struct
{
  char           *dir;
  char           *corpus;
  GtkApplication *app;
  GlossWindow    *window;
  GlossLibraryPage *page;
  guint           n_articles;
} Fixture;

static gboolean
page_loaded (gpointer data)
{
  Fixture *f = data;

  return gloss_library_page_get_folder (f->page) != NULL && !gloss_library_page_get_loading (f->page) &&
         g_list_model_get_n_items (gloss_library_page_get_model (f->page)) == f->n_articles;
}

static GtkApplication *application;

static void
activate_cb (GApplication *app)
{
}

/* The corpus, the settings, the application: no window yet. */
static void
fixture_setup_corpus (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  f->dir = gloss_test_make_tmpdir ();
  f->corpus = g_build_filename (f->dir, "corpus", NULL);
  g_mkdir_with_parents (f->corpus, 0755);
  gloss_test_write_in (f->corpus, "budget.txt", "黨員大會審議預算\n\n会议审议了预算报告。𠀋\n");
  gloss_test_write_in (f->corpus, "harbour.txt", "Harbour opens\r\n\r\nThe new harbour opened on Monday.\r\n");
  gloss_test_write_in (f->corpus, "speech.txt", "Minister speaks\n\nThe minister said taxes will fall.\n");
  /* A colleague's layer that does not parse: listed, with its error. */
  gloss_test_write_in (f->corpus, "speech.txt.bob.gloss.json", "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [ {");

  f->n_articles = 3;
  /* More files, written before the folder is read (a change later would
   * refresh the page a second after, in the middle of the test). */
  if (data != NULL)
    f->n_articles += ((guint (*) (Fixture *)) data) (f);

  g_settings_set_string (settings, "library-folder", f->corpus);
  g_settings_set_string (settings, "annotator-id", "me");

  /* One application for the whole test: GtkApplication starts up once. */
  if (application == NULL)
    {
      application = gtk_application_new (NULL, G_APPLICATION_NON_UNIQUE);
      g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
      g_assert_no_error (error);
    }
  f->app = application;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *database = NULL;

  fixture_setup_corpus (f, data);
  database = g_build_filename (f->dir, "library.sqlite", NULL);
  f->window = gloss_window_new (f->app);
  f->page = _gloss_window_get_library_page (f->window);
  _gloss_library_page_set_database (f->page, database);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (page_loaded, f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (f->app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  gloss_test_iterate ();
  gloss_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->corpus);
}

static guint
position_of (Fixture    *f,
             const char *name)
{
  GListModel *model = gloss_library_page_get_model (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossLibraryItem) item = g_list_model_get_item (model, i);

      if (g_str_has_suffix (gloss_library_item_get_article (item)->path, name))
        return i;
    }
  g_assert_not_reached ();
}

static void
select_article (Fixture    *f,
                const char *name)
{
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gloss_library_page_get_model (f->page)),
                                     position_of (f, name));
}

static gboolean
shows (Fixture    *f,
       const char *name)
{
  GlossSession *session = gloss_window_get_session (f->window);
  GFile *file = gloss_session_get_file (session);

  return file != NULL && g_str_has_suffix (g_file_peek_path (file), name) &&
         gloss_session_get_sidecar (session) != NULL && !gloss_session_get_loading (session);
}

static gboolean
shows_budget (gpointer data)
{
  return shows (data, "/budget.txt");
}

static gboolean
shows_harbour (gpointer data)
{
  return shows (data, "/harbour.txt");
}

static gboolean
shows_speech (gpointer data)
{
  return shows (data, "/speech.txt");
}

static guint
n_windows (Fixture *f)
{
  return g_list_length (gtk_application_get_windows (f->app));
}

/* No article: the Library is the start page, and lists what it cannot read. */
static void
test_start_page (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GtkStringObject) broken = NULL;

  g_assert_true (_gloss_window_get_library_shown (f->window));
  g_assert_false (gloss_library_page_get_can_go_back (f->page));
  /* Ctrl+Shift+L without an article: the Library stays. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);
  g_assert_true (_gloss_window_get_library_shown (f->window));

  g_assert_cmpuint (g_list_model_get_n_items (_gloss_library_page_get_broken (f->page)), ==, 1);
  broken = g_list_model_get_item (_gloss_library_page_get_broken (f->page), 0);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (broken), "speech.txt.bob.gloss.json: "));
}

/* An article opened from the Library replaces the one shown, in the same
 * window; what was annotated is saved first, never dropped. */
static void
test_open_in_place (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new ("m1", "place", 0, 7);
  g_autofree char *harbour_layer = g_build_filename (f->corpus, "harbour.txt.me.gloss.json", NULL);
  g_autofree char *contents = NULL;
  GtkWindow *dialog = NULL;

  select_article (f, "/harbour.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  gloss_test_iterate_until (shows_harbour, f);
  g_assert_false (_gloss_window_get_library_shown (f->window));
  g_assert_cmpuint (n_windows (f), ==, 1);

  /* Back to the Library, another article: same window, same session. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);
  g_assert_true (_gloss_window_get_library_shown (f->window));
  g_assert_true (gloss_library_page_get_can_go_back (f->page));
  select_article (f, "/budget.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  gloss_test_iterate_until (shows_budget, f);
  g_assert_cmpuint (n_windows (f), ==, 1);
  g_assert_true (g_str_has_prefix (gloss_document_get_text (gloss_window_get_document (f->window)), "黨員大會"));
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window))), ==, 0);

  /* Unsaved work: the window asks; Save writes it, then switches. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);
  select_article (f, "/harbour.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  gloss_test_iterate_until (shows_harbour, f);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window)), annotation);
  g_assert_true (gloss_session_get_modified (gloss_window_get_session (f->window)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);
  select_article (f, "/speech.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  gloss_test_iterate ();
  g_assert_true (shows_harbour (f));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (window))
          dialog = window;
      }
  }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gloss_test_iterate_until (shows_speech, f);
  contents = gloss_test_read (harbour_layer, NULL);
  g_assert_nonnull (strstr (contents, "\"m1\""));
  g_assert_cmpuint (n_windows (f), ==, 1);

  /* "Open in New Window": another window, this one unchanged. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);
  select_article (f, "/budget.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open-new-window", NULL);
  g_assert_cmpuint (n_windows (f), ==, 2);
  g_assert_true (shows_speech (f));
}


static gboolean
review_loaded (gpointer data)
{
  Fixture *f = data;
  GlossReviewSession *review = _gloss_window_get_review_session (f->window);

  return !gloss_review_session_get_loading (review) &&
         g_list_model_get_n_items (gloss_review_session_get_layers (review)) >= 2;
}

static gboolean
review_follows (gpointer data)
{
  Fixture *f = data;
  GlossReviewSession *review = _gloss_window_get_review_session (f->window);

  return !gloss_review_session_get_loading (review) &&
         g_list_model_get_n_items (gloss_review_session_get_layers (review)) == 1;
}

/* A colleague's layer drawn on a long article does not follow the window to
 * a shorter one: its spans lie past the new text's end. */
static void
test_switch_with_colleague (Fixture       *f,
                            gconstpointer  data)
{
  gloss_test_write_in (f->corpus, "harbour.txt.bob.gloss.json",
                       "{ \"format\": \"gloss\", \"version\": 1, \"document\": { \"source\": \"harbour.txt\" }, "
                       "\"annotator\": { \"id\": \"bob\" }, \"annotations\": [ "
                       "{ \"id\": \"b1\", \"tag\": \"place\", \"start\": 38, \"end\": 45, \"text\": \"on Mond\" } ] }");
  select_article (f, "/harbour.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  gloss_test_iterate_until (shows_harbour, f);
  gloss_test_iterate_until (review_loaded, f);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);
  select_article (f, "/budget.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  gloss_test_iterate_until (shows_budget, f);
  /* Drawn, and drawn again once the review panel has caught up. */
  for (guint i = 0; i < 5; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (f->window));
      gloss_test_iterate ();
    }
  g_assert_true (shows_budget (f));
  /* And the Review tab is the new article's: its own layer only. */
  gloss_test_iterate_until (review_follows, f);
}

/* Real key events, from the X server (xdotool). */

static gboolean
library_shown (gpointer data)
{
  return _gloss_window_get_library_shown (((Fixture *) data)->window);
}

static gboolean
article_shown (gpointer data)
{
  return !_gloss_window_get_library_shown (((Fixture *) data)->window);
}

static gboolean
one_shown (gpointer data)
{
  return g_list_model_get_n_items (gloss_library_page_get_model (((Fixture *) data)->page)) == 1;
}

static gboolean
two_windows (gpointer data)
{
  return n_windows (data) == 2;
}

/* A window opened on an article does not build the Library page (its
 * widgets would cost the first frame); the page is built, and reads the
 * folder, the first time it is shown: by win.library, or Ctrl+Shift+L. */
static GlossWindow *
window_on (Fixture    *f,
           const char *name)
{
  g_autofree char *path = g_build_filename (f->corpus, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window = gloss_window_new (f->app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gloss_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_lazy_page (Fixture       *f,
                gconstpointer  data)
{
  f->window = window_on (f, "harbour.txt");
  gloss_test_iterate_until (shows_harbour, f);
  gloss_test_wait (200);
  g_assert_false (_gloss_window_get_library_built (f->window));
  g_assert_true (article_shown (f));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);
  g_assert_true (_gloss_window_get_library_built (f->window));
  g_assert_true (library_shown (f));
  f->page = _gloss_window_get_library_page (f->window);
  g_assert_true (gloss_library_page_get_can_go_back (f->page));
  gloss_test_iterate_until (page_loaded, f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);
  gloss_test_iterate_until (article_shown, f);
  g_assert_true (shows_harbour (f));

  if (!gloss_test_xdotool_available ())
    return;
  f->window = window_on (f, "speech.txt");
  gloss_test_iterate_until (shows_speech, f);
  g_assert_false (_gloss_window_get_library_built (f->window));
  gloss_test_focus_window (GTK_WINDOW (f->window));
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (library_shown, f);
  f->page = _gloss_window_get_library_page (f->window);
  gloss_test_iterate_until (page_loaded, f);
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (article_shown, f);
  g_assert_true (shows_speech (f));
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  if (!gloss_test_xdotool_available ())
    return;
  gloss_test_focus_window (GTK_WINDOW (f->window));

  /* The list has the focus: Down to the second article (by title: Harbour,
   * Minister, 黨員…), Enter opens it here. */
  gloss_library_page_focus (f->page);
  select_article (f, "/harbour.txt");
  gloss_test_press_keys ("Down Return");
  gloss_test_iterate_until (shows_speech, f);
  gloss_test_iterate_until (article_shown, f);

  /* Ctrl+Shift+L: the Library; again: back to the article. */
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (library_shown, f);
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (article_shown, f);
  g_assert_true (shows_speech (f));

  /* Ctrl+F on the Library searches the library, not the article; Escape clears. */
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (library_shown, f);
  gloss_test_press_keys ("ctrl+f");
  g_free (gloss_test_xdotool ((const char *[]) { "type", "--delay", "40", "harbour opened", NULL }));
  gloss_test_iterate_until (one_shown, f);
  g_assert_true (_gloss_window_get_library_shown (f->window));
  gloss_test_press_keys ("Escape");
  gloss_test_iterate_until (page_loaded, f);
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (article_shown, f);

  /* Ctrl+Enter on a row: a new window; this one keeps its article. */
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (library_shown, f);
  gloss_library_page_focus (f->page);
  select_article (f, "/budget.txt");
  gloss_test_press_keys ("ctrl+Return");
  gloss_test_iterate_until (two_windows, f);
  g_assert_true (shows_speech (f));
}


static GtkWidget *
title_label (GtkWidget  *root,
             const char *suffix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_tooltip_text (child) != NULL &&
          g_str_has_suffix (gtk_widget_get_tooltip_text (child), suffix) && gtk_widget_get_mapped (child))
        return child;
      if ((found = title_label (child, suffix)) != NULL)
        return found;
    }
  return NULL;
}

static void
click_row (Fixture    *f,
           const char *xid,
           const char *suffix,
           const char *button,
           gboolean    ctrl)
{
  GtkWidget *label = title_label (GTK_WIDGET (f->page), suffix);
  graphene_point_t point;
  double dx, dy;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_assert_nonnull (label);
  point = gloss_test_settled_point (label, GTK_WIDGET (f->window), 4, 4);
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &dx, &dy);
  x = g_strdup_printf ("%d", (int) (point.x + dx));
  y = g_strdup_printf ("%d", (int) (point.y + dy));
  g_free (gloss_test_xdotool ((const char *[]) { "mousemove", "--window", xid, x, y, NULL }));
  if (ctrl)
    g_free (gloss_test_xdotool ((const char *[]) { "keydown", "ctrl", "click", button, "keyup", "ctrl", NULL }));
  else
    g_free (gloss_test_xdotool ((const char *[]) { "click", button, NULL }));
}

/* The row's menu is the page's own popover (the Export button has another). */
static gboolean
menu_up (gpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (((Fixture *) data)->page)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child) && gtk_widget_get_visible (child))
      return TRUE;
  return FALSE;
}

/* Real clicks: Ctrl+click opens another window, a right click the row's menu. */
static void
test_clicks (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *xid = NULL;

  if (!gloss_test_xdotool_available ())
    return;
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));

  g_free (gloss_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL }));
  click_row (f, xid, "/harbour.txt", "1", TRUE);
  gloss_test_iterate_until (two_windows, f);
  /* This window is still the Library, with no article. */
  g_assert_true (_gloss_window_get_library_shown (f->window));
  g_assert_null (gloss_session_get_file (gloss_window_get_session (f->window)));
  /* The new window opened over this one: out of the way. */
  for (GList *l = gtk_application_get_windows (f->app); l != NULL; l = l->next)
    if (l->data != (gpointer) f->window)
      {
        gtk_window_destroy (l->data);
        break;
      }
  gloss_test_iterate ();
  g_free (gloss_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL }));

  click_row (f, xid, "/speech.txt", "3", FALSE);
  gloss_test_iterate_until (menu_up, f);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gloss_library_page_get_model (f->page))), ==,
                    position_of (f, "/speech.txt"));
  g_free (gloss_test_xdotool ((const char *[]) { "key", "Escape", NULL }));
}

typedef struct
{
  const char *path;
  const char *needle;
} FileHas;

static gboolean
file_has (gpointer data)
{
  FileHas *has = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (has->path, &contents, NULL, NULL) && strstr (contents, has->needle) != NULL;
}

static gboolean
not_saving (gpointer data)
{
  return !_gloss_window_is_saving (data);
}

/* Ctrl+D in the Library on the article open in the window, with unsaved
 * annotations: the flag goes into the window's sidecar and is saved with
 * them. It was written to the file behind the window's back, whose next
 * save then found the file changed on disk (Reload lost the annotations,
 * Keep Mine the flag). */
static void
test_done_while_open (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GlossAnnotation) saved = gloss_annotation_new ("m2", "place", 0, 7);
  g_autoptr(GlossAnnotation) unsaved = gloss_annotation_new ("m3", "place", 8, 13);
  g_autofree char *layer = g_build_filename (f->corpus, "harbour.txt.me.gloss.json", NULL);
  GlossSession *session = gloss_window_get_session (f->window);
  FileHas done = { layer, "\"status\": \"done\"" };
  FileHas both = { layer, "\"m3\"" };

  select_article (f, "/harbour.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  gloss_test_iterate_until (shows_harbour, f);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window)), saved);
  _gloss_window_save (f->window, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
  gloss_test_iterate_until (not_saving, f->window);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window)), unsaved);
  g_assert_true (gloss_session_get_modified (session));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);
  select_article (f, "/harbour.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.toggle-done", NULL);
  gloss_test_iterate_until (file_has, &done);

  _gloss_window_save (f->window, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
  gloss_test_iterate_until (not_saving, f->window);
  g_assert_cmpint (gloss_session_get_state (session), ==, GLOSS_SESSION_READY);
  g_assert_false (gloss_session_get_modified (session));
  g_assert_true (file_has (&both));
  g_assert_true (file_has (&done));
  g_assert_true (gloss_session_get_done (session));
}

/* Search hits: opening one goes to the match. */

typedef struct
{
  GlossWindow *window;
  guint        start;
  guint        end;
} Selected;

static GtkTextBuffer *
buffer_of (GlossWindow *window)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (_gloss_window_get_article_view (window)));
}

/* The reading view's selection, in code points. */
static gboolean
selects (gpointer data)
{
  Selected *s = data;
  GtkTextIter a, b;

  return gtk_text_buffer_get_selection_bounds (buffer_of (s->window), &a, &b) &&
         (guint) gtk_text_iter_get_offset (&a) == s->start && (guint) gtk_text_iter_get_offset (&b) == s->end;
}

/* The selection is on screen, scrolled down to (it is far below the top). */
static gboolean
scrolled_to (gpointer data)
{
  GtkTextView *view = GTK_TEXT_VIEW (_gloss_window_get_article_view (data));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, where;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &where);
  return visible.y > 0 && where.y >= visible.y && where.y + where.height <= visible.y + visible.height;
}

static gboolean
shows_long (gpointer data)
{
  return shows (data, "/long.txt");
}

static GlossWindow *
other_window (Fixture *f)
{
  for (GList *l = gtk_application_get_windows (f->app); l != NULL; l = l->next)
    if (l->data != (gpointer) f->window)
      return l->data;
  g_assert_not_reached ();
}

static gboolean
other_shows_long (gpointer data)
{
  Fixture *f = data;
  Fixture other = *f;

  other.window = other_window (f);
  return shows (&other, "/long.txt");
}

/* A long article, the match far enough down that it must be scrolled to. */
static char *
long_text (void)
{
  GString *text = g_string_new ("Port report\n\n");

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "Line %u of the port report.\n", i);
  g_string_append (text, "The harbour authority published the tariff.\n");
  return g_string_free (text, FALSE);
}

static guint
tariff_offset (void)
{
  g_autofree char *text = long_text ();

  return g_utf8_pointer_to_offset (text, strstr (text, "tariff"));
}

static guint
write_hit_articles (Fixture *f)
{
  g_autofree char *text = long_text ();

  gloss_test_write_in (f->corpus, "long.txt", text);
  /* My layer on speech.txt: a note that only the annotation holds. */
  gloss_test_write_in (f->corpus, "speech.txt.me.gloss.json",
                       "{ \"format\": \"gloss\", \"version\": 1, \"document\": { \"source\": \"speech.txt\" }, "
                       "\"annotator\": { \"id\": \"me\" }, \"annotations\": [ "
                       "{ \"id\": \"q1\", \"tag\": \"place\", \"start\": 35, \"end\": 50, \"text\": \"taxes will fall\", "
                       "\"note\": \"budget cut claim\" } ] }");
  return 1;
}

static void
search_for (Fixture    *f,
            const char *query)
{
  GtkWidget *entry = gloss_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  gloss_test_iterate_until (one_shown, f);
}

/* Return on a row, Return in the search entry: the article opens with the
 * match selected and scrolled to; an annotation hit selects the annotation.
 * They opened the article at its top, the match nowhere. */
static void
test_search_hits (Fixture       *f,
                  gconstpointer  data)
{
  /* 预算报告 after 黨員大會審議預算\n\n会议审议了, found by its traditional form. */
  Selected report = { f->window, 15, 19 };
  /* Code points: 𠀋 is one (two UTF-16 units, four bytes). */
  Selected astral = { f->window, 18, 21 };
  Selected tariff = { f->window, tariff_offset (), tariff_offset () + 6 };
  GlossAnnotation *selected;

  if (!gloss_test_xdotool_available ())
    return;
  gloss_test_focus_window (GTK_WINDOW (f->window));

  /* Return on the row, in the list. */
  search_for (f, "預算報告");
  gloss_library_page_focus (f->page);
  select_article (f, "/budget.txt");
  gloss_test_press_keys ("Return");
  gloss_test_iterate_until (shows_budget, f);
  gloss_test_iterate_until (selects, &report);

  /* The article open already: the window goes to the match at once. */
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (library_shown, f);
  search_for (f, "告。𠀋");
  gloss_library_page_focus (f->page);
  select_article (f, "/budget.txt");
  gloss_test_press_keys ("Return");
  gloss_test_iterate_until (article_shown, f);
  gloss_test_iterate_until (selects, &astral);
  g_assert_true (shows_budget (f));

  /* A hit in my annotation's note: the annotation is selected. */
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (library_shown, f);
  search_for (f, "cut claim");
  gloss_library_page_focus (f->page);
  select_article (f, "/speech.txt");
  gloss_test_press_keys ("Return");
  gloss_test_iterate_until (shows_speech, f);
  gloss_test_iterate_until (article_shown, f);
  selected = gloss_article_view_get_selected (_gloss_window_get_article_view (f->window));
  g_assert_nonnull (selected);
  g_assert_cmpstr (gloss_annotation_get_id (selected), ==, "q1");

  /* Return in the search entry: its first hit, far down a long article
   * (last: GTK 4.8 warns when the Library fades in over a page whose
   * scrollbar was not yet allocated for a shorter text). */
  gloss_test_press_keys ("ctrl+shift+l");
  gloss_test_iterate_until (library_shown, f);
  gloss_test_press_keys ("ctrl+f");
  search_for (f, "tariff");
  gloss_test_press_keys ("Return");
  gloss_test_iterate_until (shows_long, f);
  gloss_test_iterate_until (selects, &tariff);
  gloss_test_iterate_until (scrolled_to, f->window);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (_gloss_window_get_article_view (f->window))));
}

/* Ctrl+Return and Ctrl+click on a hit: a new window, at the match; this
 * window keeps its article. */
static void
test_search_hits_new_window (Fixture       *f,
                             gconstpointer  data)
{
  Selected tariff = { NULL, 0, 0 };
  g_autofree char *xid = NULL;

  if (!gloss_test_xdotool_available ())
    return;
  tariff.start = tariff_offset ();
  tariff.end = tariff.start + 6;
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));
  gloss_test_focus_window (GTK_WINDOW (f->window));

  search_for (f, "tariff");
  gloss_library_page_focus (f->page);
  select_article (f, "/long.txt");
  gloss_test_press_keys ("ctrl+Return");
  gloss_test_iterate_until (two_windows, f);
  gloss_test_iterate_until (other_shows_long, f);
  tariff.window = other_window (f);
  gloss_test_iterate_until (selects, &tariff);
  g_assert_null (gloss_session_get_file (gloss_window_get_session (f->window)));

  gtk_window_destroy (GTK_WINDOW (other_window (f)));
  gloss_test_iterate ();
  g_free (gloss_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL }));
  click_row (f, xid, "/long.txt", "1", TRUE);
  gloss_test_iterate_until (two_windows, f);
  gloss_test_iterate_until (other_shows_long, f);
  tariff.window = other_window (f);
  gloss_test_iterate_until (selects, &tariff);
  g_assert_true (_gloss_window_get_library_shown (f->window));
}

/* The Library in a narrow window: the views move from the header to a bar
 * at the bottom, source, date and coders leave the table; the window could
 * not be narrower than 930 px (the tabs in the header, the sample's row). */

static GtkWidget *
switcher_bar (Fixture *f)
{
  GtkWidget *bar = gloss_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);

  g_assert_nonnull (bar);
  return bar;
}

static gboolean
narrow_laid_out (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->window)) <= 600 &&
         adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (switcher_bar (f))) &&
         !gtk_column_view_column_get_visible (f->page->source_column);
}

static gboolean
wide_laid_out (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->window)) > 1000 &&
         !adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (switcher_bar (f))) &&
         gtk_column_view_column_get_visible (f->page->source_column);
}

static void
assert_fits (GtkWidget *window)
{
  int min = 0;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 600);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  static const char * const views[] = { "articles", "retrieve", "agreement", "changes" };
  AdwViewStack *modes = f->page->mode_stack;

  /* Every view of the Library (the window's stacks are as wide as their
   * widest page, but each is measured shown), and the article. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      adw_view_stack_set_visible_child_name (modes, views[i]);
      gloss_test_iterate ();
      assert_fits (GTK_WIDGET (f->window));
    }
  adw_view_stack_set_visible_child_name (modes, "articles");
  select_article (f, "/harbour.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  gloss_test_iterate_until (shows_harbour, f);
  assert_fits (GTK_WIDGET (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.library", NULL);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 700);
  gloss_test_iterate_until (narrow_laid_out, f);
  g_assert_true (gtk_column_view_column_get_visible (f->page->title_column));
  if (g_getenv ("GLOSS_TEST_SHOT") != NULL)
    {
      g_autofree char *out = NULL;

      gloss_test_wait (500);
      g_spawn_command_line_sync (g_getenv ("GLOSS_TEST_SHOT"), &out, NULL, NULL, NULL);
    }

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gloss_test_iterate_until (wide_laid_out, f);
}

static gboolean
session_saved (gpointer data)
{
  return !gloss_session_get_modified (data) && !gloss_session_get_saving (data);
}

static gboolean
saved_not_done (gpointer data)
{
  return session_saved (data) && !gloss_session_get_done (data);
}

/* Ctrl+D with two windows: this one has the harbour open, with an unsaved
 * annotation; the other shows the Library, where the harbour is selected
 * and Ctrl+D pressed.  The flag goes into the session of the window that
 * has the article open, saved with its annotations; the other window's
 * article is left alone.  It was written to the file behind the first
 * window's back, which then found its file changed on disk. */
static void
test_done_two_windows (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GlossAnnotation) saved = gloss_annotation_new ("m4", "place", 0, 7);
  g_autoptr(GlossAnnotation) unsaved = gloss_annotation_new ("m5", "place", 8, 13);
  g_autofree char *layer = g_build_filename (f->corpus, "harbour.txt.me.gloss.json", NULL);
  GlossSession *session = gloss_window_get_session (f->window);
  FileHas done = { layer, "\"status\": \"done\"" };
  FileHas both = { layer, "\"m5\"" };
  g_autofree char *speech_path = g_build_filename (f->corpus, "speech.txt", NULL);
  g_autofree char *speech_sidecar = g_build_filename (f->corpus, "speech.txt.me.gloss.json", NULL);
  FileHas speech_layer = { speech_path, NULL };
  FileHas speech_done = { speech_sidecar, "\"status\": \"done\"" };
  g_autoptr(GFile) speech = NULL;
  GlossWindow *other;
  GlossLibraryPage *other_page;
  Fixture second;

  if (!gloss_test_xdotool_available ())
    return;
  select_article (f, "/harbour.txt");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  gloss_test_iterate_until (shows_harbour, f);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window)), saved);
  _gloss_window_save (f->window, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
  gloss_test_iterate_until (not_saving, f->window);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window)), unsaved);
  g_assert_true (gloss_session_get_modified (session));

  other = gloss_window_new (f->app);
  other_page = _gloss_window_get_library_page (other);
  _gloss_library_page_set_database (other_page, f->page->database);
  gtk_window_set_default_size (GTK_WINDOW (other), 1100, 700);
  gtk_window_present (GTK_WINDOW (other));
  second = *f;
  second.window = other;
  second.page = other_page;
  gloss_test_iterate_until (page_loaded, &second);

  gloss_test_focus_window (GTK_WINDOW (other));
  gloss_library_page_focus (other_page);
  select_article (&second, "/harbour.txt");
  gloss_test_press_keys ("ctrl+d");
  gloss_test_iterate_until (file_has, &done);
  gloss_test_iterate_until (session_saved, session);
  g_assert_true (file_has (&both));
  g_assert_true (gloss_session_get_done (session));
  g_assert_cmpint (gloss_session_get_state (session), ==, GLOSS_SESSION_READY);
  g_assert_null (gloss_session_get_file (gloss_window_get_session (other)));

  /* Ctrl+D on an article: the focused window's, and no other. */
  speech = g_file_new_for_path (speech_layer.path);
  gloss_window_open (other, speech);
  gloss_test_iterate_until (shows_speech, &second);
  gloss_test_iterate_until (article_shown, &second);
  gloss_test_focus_window (GTK_WINDOW (other));
  gloss_test_press_keys ("ctrl+d");
  gloss_test_iterate_until (file_has, &speech_done);
  gloss_test_iterate_until (session_saved, gloss_window_get_session (other));
  g_assert_true (gloss_session_get_done (gloss_window_get_session (other)));
  g_assert_true (gloss_session_get_done (session));
  g_assert_false (gloss_session_get_modified (session));

  gloss_test_focus_window (GTK_WINDOW (f->window));
  gloss_test_press_keys ("ctrl+d");
  gloss_test_iterate_until (saved_not_done, session);
  g_assert_false (file_has (&done));
  g_assert_true (file_has (&speech_done));
  g_assert_true (gloss_session_get_done (gloss_window_get_session (other)));
  g_assert_cmpint (gloss_session_get_state (gloss_window_get_session (other)), ==, GLOSS_SESSION_READY);
}

/* A first library is often where the articles are: with the library
 * folder empty, the page offers the open article's folder (a real Alt+U
 * on its button), and the header's folder button names the folder. */
static gboolean
shows_elsewhere (gpointer data)
{
  return shows (data, "/elsewhere/notes.txt");
}

static gboolean
page_empty (gpointer data)
{
  Fixture *f = data;
  g_autofree char *path = g_file_get_path (gloss_library_page_get_folder (f->page));

  return g_str_has_suffix (path, "/empty") && !gloss_library_page_get_loading (f->page) &&
         g_list_model_get_n_items (gloss_library_page_get_model (f->page)) == 0;
}

static gboolean
page_lists_elsewhere (gpointer data)
{
  Fixture *f = data;
  g_autofree char *path = g_file_get_path (gloss_library_page_get_folder (f->page));

  return g_str_has_suffix (path, "/elsewhere") && !gloss_library_page_get_loading (f->page) &&
         g_list_model_get_n_items (gloss_library_page_get_model (f->page)) == 2;
}

static void
test_article_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty", NULL);
  g_autofree char *notes = g_build_filename (elsewhere, "notes.txt", NULL);
  g_autofree char *chosen = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (notes);
  GlossLibraryPage *page = f->page;
  const char *tooltip;

  gloss_test_write_in (elsewhere, "notes.txt", "Field notes\n\nThe 村委会 met on Monday. 😀\n");
  gloss_test_write_in (elsewhere, "more.txt", "More notes\n\nAnother meeting.\n");
  g_mkdir_with_parents (empty, 0755);

  /* The article's folder is not the library's: offered only when empty. */
  gloss_window_open (f->window, file);
  gloss_test_iterate_until (shows_elsewhere, f);
  g_settings_set_string (settings, "library-folder", empty);
  _gloss_window_show_library (f->window, TRUE);
  gloss_test_iterate_until (page_empty, f);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (page->use_article_folder_button)));
  g_assert_nonnull (strstr (gtk_button_get_label (page->use_article_folder_button), "“elsewhere”"));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (page->folder_button));
  g_assert_nonnull (strstr (tooltip, empty));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page->folder_button)));

  if (gloss_test_xdotool_available ())
    {
      gloss_test_focus_window (GTK_WINDOW (f->window));
      gtk_widget_grab_focus (GTK_WIDGET (page->use_article_folder_button));
      gloss_test_press_keys ("Return");
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.use-article-folder", NULL);
  gloss_test_iterate_until (page_lists_elsewhere, f);
  chosen = g_settings_get_string (settings, "library-folder");
  g_assert_cmpstr (chosen, ==, elsewhere);
  /* The library is the article's folder now: nothing more to offer. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->use_article_folder_button)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (page->use_article_folder_button)));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (page->folder_button));
  g_assert_nonnull (strstr (tooltip, elsewhere));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache = NULL;
  int status;

  /* /window-library/lazy-page reads the folder into the default database. */
  cache = gloss_test_make_tmpdir ();
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  gloss_test_gtk_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/window-library/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("start-page", test_start_page);
  ADD ("open-in-place", test_open_in_place);
  ADD ("switch-with-colleague", test_switch_with_colleague);
  ADD ("keys", test_keys);
  ADD ("clicks", test_clicks);
  ADD ("done-while-open", test_done_while_open);
  ADD ("narrow", test_narrow);
  ADD ("done-two-windows", test_done_two_windows);
  ADD ("article-folder", test_article_folder);
  g_test_add ("/window-library/search-hits", Fixture, write_hit_articles, fixture_setup, test_search_hits, fixture_teardown);
  g_test_add ("/window-library/search-hits-new-window", Fixture, write_hit_articles, fixture_setup,
              test_search_hits_new_window, fixture_teardown);
#undef ADD
  g_test_add ("/window-library/lazy-page", Fixture, NULL, fixture_setup_corpus, test_lazy_page, fixture_teardown);

  status = g_test_run ();
  gloss_test_rm_rf (cache);
  return status;
}
