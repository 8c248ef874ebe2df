/* gloss-window-library.c: the Library as a page of the window
 *
 * The window's content is a stack: the article, and the Library (the start
 * page when no article is open).  Ctrl+Shift+L and the header button switch
 * between them.  An article opened from the Library replaces the one shown,
 * through the window's session: once its annotations are on disk (saved
 * first when the user says so), the session is reset and opens the other.
 * Ctrl+click or "Open in New Window" opens another window instead.  A
 * search hit or a retrieved annotation opens its article at the match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-set.h"
#include "gloss-library-page.h"
#include "gloss-preferences-window.h"
#include "gloss-recent.h"
#include "gloss-sidecar.h"
#include "gloss-window-private.h"

static gboolean
library_shown (GlossWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "library") == 0;
}

static GlossLibraryPage *ensure_library_page (GlossWindow *self);

/* The page reads the folder the first time it is shown, not before: a
 * window opened on an article never indexes anything. */
static void
load_library (GlossWindow *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *annotator = NULL;

  if (gloss_library_page_get_folder (ensure_library_page (self)) != NULL)
    return;
  folder = gloss_settings_get_library_folder (self->settings);
  annotator = g_settings_get_string (self->settings, "annotator-id");
  if (annotator[0] != '\0')
    gloss_library_page_set_annotator (self->library_page, annotator);
  gloss_library_page_set_folder (self->library_page, folder);
}

static void
update_back (GlossWindow *self)
{
  if (self->library_page != NULL)
    gloss_library_page_set_can_go_back (self->library_page, gloss_session_get_file (self->session) != NULL);
}

/**
 * _gloss_window_show_library:
 * @self: a #GlossWindow
 * @show: the Library, or the article
 *
 * Without an article, the Library stays: it is the start page.
 */
void
_gloss_window_show_library (GlossWindow *self,
                            gboolean     show)
{
  if (!show && gloss_session_get_file (self->session) == NULL)
    show = TRUE;
  update_back (self);
  /* Typing on the Library is for the Library, not the article's find bar. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, show ? NULL : GTK_WIDGET (self));
  if (show)
    {
      load_library (self);
      gtk_stack_set_visible_child_name (self->main_stack, "library");
      gloss_library_page_focus (self->library_page);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "article");
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
    }
}

/* Ctrl+Shift+L, the header button, the back button of the Library. */
void
_gloss_window_toggle_library (GlossWindow *self)
{
  _gloss_window_show_library (self, !library_shown (self));
}

/* Scrolling to a place in a text just read: GtkTextView lays a long text
 * out in the background, estimating the lines not yet measured (all of them
 * while the view has no width yet: a page shown in this frame, a new
 * window), and a scroll made on estimates can end far from the place.  So
 * the place is scrolled to again, frame after frame, until it is on screen
 * and the text's height has stopped changing; a click or a key that moves
 * the caret away ends it at once. */
typedef struct
{
  guint  offset;   /* the caret, where it was put */
  double upper;    /* the text's height, last frame */
  guint  frames;
  guint  still;    /* frames in a row with the place shown, the height the same */
} Settle;

static gboolean
settle_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Settle *settle = user_data;
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double upper = vadjustment != NULL ? gtk_adjustment_get_upper (vadjustment) : 0;
  GdkRectangle visible, where;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if ((guint) gtk_text_iter_get_offset (&iter) != settle->offset || ++settle->frames > 240)
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_width (widget) == 0)
    return G_SOURCE_CONTINUE;
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &where);
  if (where.y >= visible.y && where.y + where.height <= visible.y + visible.height && upper == settle->upper)
    {
      if (++settle->still >= 3)
        return G_SOURCE_REMOVE;
    }
  else
    {
      settle->still = 0;
      gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (buffer), 0.2, FALSE, 0, 0);
    }
  settle->upper = upper;
  return G_SOURCE_CONTINUE;
}

static void
scroll_to_caret (GlossWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  Settle *settle = g_new0 (Settle, 1);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  settle->offset = gtk_text_iter_get_offset (&iter);
  settle->upper = -1;
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->article_view), gtk_text_buffer_get_insert (buffer),
                                0.2, FALSE, 0, 0);
  gtk_widget_add_tick_callback (GTK_WIDGET (self->article_view), settle_tick_cb, settle, g_free);
}

/* The match the Library opened the article for, once it is read: the
 * user's own annotation selected, or the matched text (a colleague's
 * annotation, a passage of the text) selected and scrolled to. */
static void
go_to_match (GlossWindow *self)
{
  g_autoptr(GlossLibraryHitItem) match = NULL;
  g_autoptr(GFile) article = NULL;
  GFile *file = gloss_session_get_file (self->session);
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  const GlossLibraryHit *hit;
  GlossAnnotation *annotation = NULL;
  guint length;

  /* Not before the article is read (again: a reload waits for a save). */
  if (self->library_match == NULL || gloss_session_get_loading (self->session) ||
      self->library_pending != NULL || gloss_session_get_document (self->session) == NULL)
    return;
  match = g_steal_pointer (&self->library_match);
  hit = gloss_library_hit_item_get_hit (match);
  article = g_file_new_for_path (hit->article);
  /* Another article was opened meanwhile: the match is not its. */
  if (file == NULL || !g_file_equal (file, article))
    return;

  if (hit->kind == GLOSS_LIBRARY_HIT_ANNOTATION && sidecar != NULL && hit->annotation != NULL &&
      g_strcmp0 (hit->annotator, gloss_session_get_annotator_id (self->session)) == 0)
    annotation = gloss_annotation_set_lookup (gloss_sidecar_get_annotations (sidecar), hit->annotation);
  if (annotation != NULL)
    {
      gloss_article_view_set_selected (self->article_view, annotation);
      /* The caret at its start. */
      gloss_article_view_scroll_to (self->article_view, annotation);
      scroll_to_caret (self);
      return;
    }
  /* The text changed since it was indexed: no match past its end. */
  length = gtk_text_buffer_get_char_count (buffer);
  if (hit->start >= length)
    return;
  gloss_article_view_select_range (self->article_view, hit->start, MIN (hit->end, length));
  scroll_to_caret (self);
}

static void
open_in_new_window (GlossWindow         *self,
                    GFile               *file,
                    GlossLibraryHitItem *match)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GlossWindow *other;

  if (app == NULL)
    return;
  other = gloss_window_new (app);
  g_set_object (&other->library_match, match);
  gloss_window_open (other, file);
  gtk_window_present (GTK_WINDOW (other));
}

static void
open_here (GlossWindow *self,
           GFile       *file)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_session_reset (self->session, &error))
    {
      _gloss_window_show_error (self, error->message);
      return;
    }
  /* The old article's highlights are not the new text's. */
  gloss_article_view_set_annotations (self->article_view, NULL);
  gloss_window_open (self, file);
  gloss_note_opened (self->settings, file);
  _gloss_window_show_library (self, FALSE);
}

static gboolean
pending_idle_cb (gpointer user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (self->library_pending == NULL || gloss_session_get_saving (self->session))
    return G_SOURCE_REMOVE;
  file = g_steal_pointer (&self->library_pending);
  /* A save that failed said why (its toast, the conflict banner). */
  if (!gloss_session_get_modified (self->session))
    open_here (self, file);
  return G_SOURCE_REMOVE;
}

/* A save asked for before switching: once it is done, switch.  The session
 * says "not saving" before it marks the layer saved: look right after. */
static void
pending_save_cb (GlossWindow *self)
{
  if (self->library_pending != NULL && !gloss_session_get_saving (self->session))
    g_idle_add (pending_idle_cb, g_object_ref (self));
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GlossWindow      *self)
{
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (dialog), "gloss-file");

  if (file == NULL)
    return;
  if (g_str_equal (response, "new-window"))
    open_in_new_window (self, file, self->library_match);
  if (!g_str_equal (response, "save"))
    g_clear_object (&self->library_match);
  else
    {
      g_set_object (&self->library_pending, file);
      _gloss_window_save (self, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
      pending_save_cb (self);
    }
}

/**
 * _gloss_window_open_from_library:
 * @self: a #GlossWindow
 * @file: an article
 * @new_window: open it in another window
 *
 * Opens @file in this window, in place of the article shown.  Unsaved
 * annotations are never dropped: the user saves them first, or opens @file
 * in another window; a layer that could not be read keeps its window.
 */
void
_gloss_window_open_from_library (GlossWindow *self,
                                 GFile       *file,
                                 gboolean     new_window)
{
  GFile *current = gloss_session_get_file (self->session);
  GlossSessionState state = gloss_session_get_state (self->session);
  AdwMessageDialog *dialog;

  if (new_window)
    {
      open_in_new_window (self, file, self->library_match);
      g_clear_object (&self->library_match);
      return;
    }
  if (current != NULL && g_file_equal (current, file))
    {
      /* Changed on disk since it was read: opening it again reads it again
       * (and goes to the match once it is read). */
      if (gloss_session_get_article_changed (self->session))
        _gloss_window_reload_article (self);
      _gloss_window_show_library (self, FALSE);
      go_to_match (self);
      return;
    }
  if (current == NULL || (!gloss_session_get_modified (self->session) && !gloss_session_get_saving (self->session)))
    {
      open_here (self, file);
      return;
    }
  if (gloss_session_get_saving (self->session) && !gloss_session_get_modified (self->session))
    {
      g_set_object (&self->library_pending, file);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                                       _("The annotations of this article have unsaved changes. "
                                                         "Save them before opening another article here, or open it in a new window.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "new-window", _("Open in New _Window"), NULL);
  /* A layer in conflict or unreadable is resolved in its banner first. */
  if (state == GLOSS_SESSION_READY || state == GLOSS_SESSION_LOADING)
    {
      adw_message_dialog_add_response (dialog, "save", _("_Save"));
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save");
    }
  else
    adw_message_dialog_set_default_response (dialog, "new-window");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _gloss_window_reload_article:
 * @self: a #GlossWindow
 *
 * The article changed on disk: it is opened again here, once its
 * annotations are saved, so that opening re-anchors them in the new text
 * (through the kept version they were made on) and queues what is not
 * placed exactly for review.  Annotations that cannot be saved now (their
 * file changed too, or could not be read) keep the article as it is.
 */
void
_gloss_window_reload_article (GlossWindow *self)
{
  g_autoptr(GFile) file = NULL;
  GlossSessionState state = gloss_session_get_state (self->session);

  if (gloss_session_get_file (self->session) == NULL)
    return;
  file = g_object_ref (gloss_session_get_file (self->session));
  if (!gloss_session_get_modified (self->session) && !gloss_session_get_saving (self->session))
    {
      open_here (self, file);
      return;
    }
  if (gloss_session_get_modified (self->session) && state != GLOSS_SESSION_READY)
    {
      _gloss_window_show_error (self, _("Your annotations are not saved: resolve their file first, then reload the article."));
      return;
    }
  g_set_object (&self->library_pending, file);
  /* A save in flight may not hold the latest edits: another waits for it. */
  if (gloss_session_get_modified (self->session))
    _gloss_window_save (self, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
  pending_save_cb (self);
}

static void
open_article_cb (GlossWindow         *self,
                 GFile               *file,
                 gboolean             new_window,
                 GlossLibraryHitItem *match,
                 GlossLibraryPage    *page)
{
  g_set_object (&self->library_match, match);
  _gloss_window_open_from_library (self, file, new_window);
}

static gboolean
has_open (GlossWindow *window,
          GFile       *article)
{
  GFile *open = gloss_session_get_file (window->session);

  return open != NULL && g_file_equal (open, article);
}

/* The article marked done, or not, in @self's session: one undoable change
 * of its sidecar, saved with the rest. */
static gboolean
toggle_done_here (GlossWindow *self)
{
  if (!gloss_session_set_done (self->session, !gloss_session_get_done (self->session)))
    return FALSE;
  _gloss_window_save (self, NULL, GLOSS_SESSION_SAVE_NONE, FALSE);
  return TRUE;
}

/* Ctrl+D in the Library on an article that a window has open (this one
 * first, else another of the application): the flag goes into that
 * window's session and is saved with it, not written behind the session's
 * back (which then saw its file changed on disk: with unsaved annotations,
 * a conflict).  Another window's own article is never touched. */
static gboolean
toggle_done_cb (GlossWindow *self,
                GFile       *article)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (has_open (self, article))
    return toggle_done_here (self);
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (GLOSS_IS_WINDOW (l->data) && l->data != (gpointer) self && has_open (l->data, article))
      return toggle_done_here (l->data);
  return FALSE;
}

/* Ctrl+D on the article (win.toggle-done): this window's article; in the
 * Library, the page's own Ctrl+D takes the selected one. */
static void
toggle_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (library_shown (self) || gloss_session_get_file (self->session) == NULL ||
      gloss_session_get_state (self->session) != GLOSS_SESSION_READY || !toggle_done_here (self))
    return;
  _gloss_window_toast (self, gloss_session_get_done (self->session) ? _("Article marked done")
                                                                    : _("Article marked not done"),
                       _("_Undo"), "win.undo");
}

/* "Use the article's folder" when the library is empty: the open
 * article's folder, unless it is the library's. */
static void
update_article_folder (GlossWindow *self)
{
  GFile *file = gloss_session_get_file (self->session);
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;
  g_autoptr(GFile) library = gloss_settings_get_library_folder (self->settings);
  gboolean other = folder != NULL && !g_file_equal (folder, library);

  if (self->library_page != NULL)
    gloss_library_page_set_article_folder (self->library_page, other ? folder : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.use-article-folder", other);
}

/* The page is built the first time it is shown, not with the window: a
 * window opened on an article has no use for it (its widgets cost the
 * window's first frame 10 to 20 ms). */
static GlossLibraryPage *
ensure_library_page (GlossWindow *self)
{
  if (self->library_page != NULL)
    return self->library_page;
  self->library_page = GLOSS_LIBRARY_PAGE (gloss_library_page_new ());
  adw_bin_set_child (self->library_bin, GTK_WIDGET (self->library_page));
  g_signal_connect_object (self->library_page, "open-article", G_CALLBACK (open_article_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_page, "toggle-done", G_CALLBACK (toggle_done_cb), self, G_CONNECT_SWAPPED);
  update_back (self);
  update_article_folder (self);
  return self->library_page;
}

static void
file_changed_cb (GlossWindow *self)
{
  update_back (self);
  update_article_folder (self);
  /* Whatever opened an article (Ctrl+O, a drop, the recent list) shows it. */
  if (gloss_session_get_file (self->session) != NULL && library_shown (self))
    _gloss_window_show_library (self, FALSE);
}

static void
mapped_cb (GlossWindow *self)
{
  if (library_shown (self))
    load_library (self);
}

static void
folder_changed_cb (GlossWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  /* A page never shown waits; one shown follows Preferences. */
  if (self->library_page == NULL || gloss_library_page_get_folder (self->library_page) == NULL)
    return;
  folder = gloss_settings_get_library_folder (self->settings);
  gloss_library_page_set_folder (self->library_page, folder);
}

static void
library_folder_changed_cb (GlossWindow *self)
{
  update_article_folder (self);
  folder_changed_cb (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "library-folder", path);
    }
  g_object_unref (chooser);
}

/* The Library's folder button, and its empty page: what Preferences sets. */
static void
choose_library_folder_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GFile) current = gloss_settings_get_library_folder (self->settings);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Library Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
use_article_folder_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GFile *file = gloss_session_get_file (self->session);
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  if (path != NULL)
    g_settings_set_string (self->settings, "library-folder", path);
}

/**
 * _gloss_window_library_class_init:
 * @widget_class: #GlossWindow's class
 *
 * The window's actions for the Library: called once, from its class_init.
 */
void
_gloss_window_library_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.toggle-done", NULL, toggle_done_action);
  gtk_widget_class_install_action (widget_class, "win.choose-library-folder", NULL, choose_library_folder_action);
  gtk_widget_class_install_action (widget_class, "win.use-article-folder", NULL, use_article_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.toggle-done", NULL);
}

/**
 * _gloss_window_library_init:
 * @self: a #GlossWindow
 *
 * Hooks the Library page to the window: called once, from its init.
 */
void
_gloss_window_library_init (GlossWindow *self)
{
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::saving", G_CALLBACK (pending_save_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::loading", G_CALLBACK (go_to_match), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::library-folder", G_CALLBACK (library_folder_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  /* The start page, until an article is opened. */
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  update_back (self);
  update_article_folder (self);
}

/* For tests and benchmarks: the page, built now if it was not. */
GlossLibraryPage *
_gloss_window_get_library_page (GlossWindow *self)
{
  return ensure_library_page (self);
}

gboolean
_gloss_window_get_library_built (GlossWindow *self)
{
  return self->library_page != NULL;
}

gboolean
_gloss_window_get_library_shown (GlossWindow *self)
{
  return library_shown (self);
}
