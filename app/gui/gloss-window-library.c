/* gloss-window-library.c: the Library as a page of the window
 *
 * The window's content is a stack: the article, and the Library (the start
 * page when no article is open).  Ctrl+Shift+L and the header button switch
 * between them.  An article opened from the Library replaces the one shown,
 * through the window's session: once its annotations are on disk (saved
 * first when the user says so), the session is reset and opens the other.
 * Ctrl+click or "Open in New Window" opens another window instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-library-page.h"
#include "gloss-preferences-window.h"
#include "gloss-recent.h"
#include "gloss-window-private.h"

static gboolean
library_shown (GlossWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "library") == 0;
}

/* The page reads the folder the first time it is shown, not before: a
 * window opened on an article never indexes anything. */
static void
load_library (GlossWindow *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *annotator = NULL;

  if (gloss_library_page_get_folder (self->library_page) != NULL)
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

static void
open_in_new_window (GlossWindow *self,
                    GFile       *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GlossWindow *other;

  if (app == NULL)
    return;
  other = gloss_window_new (app);
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
    open_in_new_window (self, file);
  else if (g_str_equal (response, "save"))
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
      open_in_new_window (self, file);
      return;
    }
  if (current != NULL && g_file_equal (current, file))
    {
      /* Changed on disk since it was read: opening it again reads it again. */
      if (gloss_session_get_article_changed (self->session))
        _gloss_window_reload_article (self);
      _gloss_window_show_library (self, FALSE);
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
open_article_cb (GlossWindow      *self,
                 GFile            *file,
                 gboolean          new_window,
                 GlossLibraryPage *page)
{
  _gloss_window_open_from_library (self, file, new_window);
}

/* Ctrl+D in the Library on the article this window has open: the flag
 * goes into the session's sidecar and is saved with it, not written behind
 * the session's back (which then saw its file changed on disk). */
static gboolean
toggle_done_cb (GlossWindow *self,
                GFile       *article)
{
  GFile *open = gloss_session_get_file (self->session);

  if (open == NULL || !g_file_equal (open, article) ||
      !gloss_session_set_done (self->session, !gloss_session_get_done (self->session)))
    return FALSE;
  _gloss_window_save (self, NULL, GLOSS_SESSION_SAVE_NONE, FALSE);
  return TRUE;
}

static void
file_changed_cb (GlossWindow *self)
{
  update_back (self);
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
  if (gloss_library_page_get_folder (self->library_page) == NULL)
    return;
  folder = gloss_settings_get_library_folder (self->settings);
  gloss_library_page_set_folder (self->library_page, folder);
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
  g_signal_connect_object (self->library_page, "open-article", G_CALLBACK (open_article_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_page, "toggle-done", G_CALLBACK (toggle_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::saving", G_CALLBACK (pending_save_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::library-folder", G_CALLBACK (folder_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  /* The start page, until an article is opened. */
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  update_back (self);
}

GlossLibraryPage *
_gloss_window_get_library_page (GlossWindow *self)
{
  return self->library_page;
}

gboolean
_gloss_window_get_library_shown (GlossWindow *self)
{
  return library_shown (self);
}
