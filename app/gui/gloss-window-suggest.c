/* gloss-window-suggest.c: the article's suggestions in the window: computed
 * in a worker thread when an article is shown, drawn by the article view,
 * listed in the sidebar, decided with one key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys (gloss_suggestion_layer_add_shortcuts()) live on the article
 * view's parent, in the capture phase: they reach the view's keys first
 * while the focus is in the article, and nothing typed elsewhere (the find
 * entry, a note) is taken. Return, Delete, a, r and Escape act on a
 * suggestion only while one is current; otherwise they fall through to the
 * view's own bindings (tag, delete annotation, cancel), since the actions
 * are disabled. Selecting an annotation or text, or Escape, leaves the
 * current suggestion.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-suggestion-layer.h"
#include "gloss-suggestion-list.h"
#include "gloss-window-private.h"

static void position_cb (GlossWindow *self);

/* A toast that stands alone in its @slot (a static string): while one
 * shows, another for the same slot replaces it (@replace) or is dropped, so
 * keys pressed in a row neither queue toasts nor repeat one. */
static void
slot_dismissed_cb (AdwToast    *toast,
                   GlossWindow *self)
{
  const char *slot = g_object_get_data (G_OBJECT (toast), "gloss-toast-slot");

  if (g_object_get_data (G_OBJECT (self), slot) == toast)
    g_object_set_data (G_OBJECT (self), slot, NULL);
}

static void
show_slot_toast (GlossWindow *self,
                 const char  *slot,
                 const char  *message,
                 guint        timeout,
                 gboolean     replace)
{
  AdwToast *shown = g_object_get_data (G_OBJECT (self), slot);
  AdwToast *toast;

  if (shown != NULL)
    {
      if (!replace)
        return;
      adw_toast_dismiss (shown);
    }
  toast = adw_toast_new (message);
  if (timeout > 0)
    adw_toast_set_timeout (toast, timeout);
  g_object_set_data (G_OBJECT (toast), "gloss-toast-slot", (gpointer) slot);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (slot_dismissed_cb), self, 0);
  g_object_set_data_full (G_OBJECT (self), slot, g_object_ref (toast), g_object_unref);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* n past the last suggestion went round to the first (p: to the last): said
 * in a toast, as a search that wraps, so the researcher knows she has seen
 * them all.  The newest wrap replaces the one before. */
static void
wrapped_cb (GlossWindow *self,
            gboolean     backward)
{
  show_slot_toast (self, "gloss-wrap-toast",
                   backward ? _("Back at the last suggestion") : _("Back at the first suggestion"), 2, TRUE);
}

static void
set_layer (GlossWindow          *self,
           GlossSuggestionLayer *layer)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);

  if (self->suggestions != NULL)
    g_signal_handlers_disconnect_by_func (self->suggestions, wrapped_cb, self);
  g_set_object (&self->suggestions, layer);
  if (layer != NULL)
    g_signal_connect_object (layer, "wrapped", G_CALLBACK (wrapped_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "suggest",
                                  layer != NULL ? gloss_suggestion_layer_get_actions (layer) : NULL);
  gloss_article_view_set_suggestions (self->article_view, layer);
  gloss_suggestion_list_set_layer (GLOSS_SUGGESTION_LIST (self->suggestion_list), layer,
                                   gloss_session_get_document (self->session),
                                   sidecar != NULL ? gloss_sidecar_get_codebook (sidecar) : NULL);
  position_cb (self);
}

/* A computation knows its window only weakly: a window closed while the
 * rules run is finalized at once (its dispose cancels them), not held, with
 * its whole widget tree, until the worker is through.  It also remembers
 * what it was computed for, so that its result is dropped unless the window
 * still shows that document and this is still its latest computation. */
typedef struct
{
  GWeakRef       window;
  GlossDocument *document;
  GCancellable  *cancellable;
} Computing;

static void
computing_free (Computing *c)
{
  g_weak_ref_clear (&c->window);
  g_clear_object (&c->document);
  g_clear_object (&c->cancellable);
  g_free (c);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Computing *c = user_data;
  g_autoptr(GlossWindow) self = g_weak_ref_get (&c->window);
  g_autoptr(GlossSuggestionLayer) layer = NULL;
  g_autoptr(GError) error = NULL;

  layer = gloss_suggestion_layer_new_finish (result, &error);
  /* Cancelled (another article, or the window closed), or overtaken. */
  if (layer != NULL && self != NULL && c->cancellable == self->suggest_cancellable &&
      c->document == gloss_session_get_document (self->session))
    {
      g_clear_object (&self->suggest_cancellable);
      set_layer (self, layer);
    }
  computing_free (c);
}

/**
 * _gloss_window_suggest_forget:
 *
 * Stops computing and showing the suggestions of what was shown.
 */
void
_gloss_window_suggest_forget (GlossWindow *self)
{
  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  set_layer (self, NULL);
}

/**
 * _gloss_window_suggest_load:
 *
 * Forgets the suggestions of what was shown and, when the session holds an
 * article with the user's sidecar, computes the new ones off the main
 * thread; the article is shown meanwhile.
 */
void
_gloss_window_suggest_load (GlossWindow *self)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GlossDocument *document = gloss_session_get_document (self->session);
  Computing *c;

  _gloss_window_suggest_forget (self);
  gloss_suggestion_list_set_project (GLOSS_SUGGESTION_LIST (self->suggestion_list),
                                     document != NULL ? gloss_session_get_file (self->session) : NULL);
  if (sidecar == NULL || document == NULL || self->closing)
    return;
  self->suggest_cancellable = g_cancellable_new ();
  c = g_new0 (Computing, 1);
  g_weak_ref_init (&c->window, self);
  c->document = g_object_ref (document);
  c->cancellable = g_object_ref (self->suggest_cancellable);
  gloss_suggestion_layer_new_async (sidecar, document, gloss_session_get_file (self->session),
                                    self->suggest_cancellable, computed_cb, c);
}

/* The user turned to their own annotations (selected one, or selected
 * text to tag): Return and Delete are the article's keys again. */
static void
user_moved_on_cb (GlossWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));

  if (self->suggestions != NULL &&
      (gloss_article_view_get_selected (self->article_view) != NULL || gtk_text_buffer_get_has_selection (buffer)))
    gloss_suggestion_layer_set_current (self->suggestions, -1);
}

/* n and p start from the caret (or the selected text) once the user has
 * left the current suggestion. */
static void
position_cb (GlossWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  GtkTextIter start, end;

  if (self->suggestions == NULL)
    return;
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gloss_suggestion_layer_set_position (self->suggestions, gtk_text_iter_get_offset (&start),
                                       gtk_text_iter_get_offset (&end));
}

static void
list_error_cb (GlossWindow *self,
               const char  *message)
{
  _gloss_window_show_error (self, message);
}

/* n or p with no suggestion to go to: say why, once, rather than let the
 * letter fall through to the find bar (which opened with "n" in it). */
static gboolean
none_left_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  GlossWindow *self = data;
  GlossSuggestionLayer *layer = self->suggestions;
  const char *message;

  if (layer == NULL)
    return FALSE;
  if (!gloss_suggestion_layer_get_allowed (layer))
    message = _("Suggestions are off in this project");
  else if (!gloss_suggestion_layer_get_visible (layer))
    message = _("Suggestions are hidden: F7 shows them");
  else if (gloss_suggestion_layer_get_n_pending (layer) == 0)
    message = _("No suggestions left in this article");
  else
    return FALSE;
  show_slot_toast (self, "gloss-none-left-toast", message, 0, FALSE);
  return TRUE;
}

/**
 * _gloss_window_suggest_init:
 *
 * The sidebar's Suggestions page and the keys.
 */
void
_gloss_window_suggest_init (GlossWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  AdwViewStackPage *page;

  self->suggestion_list = gloss_suggestion_list_new ();
  page = adw_view_stack_add_titled (self->side_stack, self->suggestion_list, "suggestions", _("Suggestions"));
  adw_view_stack_page_set_icon_name (page, "starred-symbolic");
  /* The project's switch changed: what this article shows follows. */
  g_signal_connect_object (self->suggestion_list, "project-changed", G_CALLBACK (_gloss_window_suggest_load),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->suggestion_list, "error", G_CALLBACK (list_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "notify::selected", G_CALLBACK (user_moved_on_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view)), "notify::has-selection",
                           G_CALLBACK (user_moved_on_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view)), "notify::cursor-position",
                           G_CALLBACK (position_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view)), "notify::has-selection",
                           G_CALLBACK (position_cb), self, G_CONNECT_SWAPPED);

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gloss_suggestion_layer_add_shortcuts (GTK_SHORTCUT_CONTROLLER (shortcuts));
  /* Tried after suggest.next / suggest.previous, when those are disabled. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("n|p"),
                                                          gtk_callback_action_new (none_left_cb, self, NULL)));
  gtk_widget_add_controller (gtk_widget_get_parent (GTK_WIDGET (self->article_view)), shortcuts);
}

/**
 * _gloss_window_suggest_dispose:
 */
void
_gloss_window_suggest_dispose (GlossWindow *self)
{
  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  g_clear_object (&self->suggestions);
}

/* For tests. */
GlossSuggestionLayer *
_gloss_window_get_suggestions (GlossWindow *self)
{
  return self->suggestions;
}

GtkWidget *
_gloss_window_get_suggestion_list (GlossWindow *self)
{
  return self->suggestion_list;
}
