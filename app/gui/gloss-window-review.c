/* gloss-window-review.c: the colleagues' layers of the open article, and
 * the Review page that compares them
 *
 * The window holds the GlossReviewSession: it lists and loads the
 * colleagues' files beside the article, and the article view draws the
 * switched-on layers from it.  The GlossReviewPanel (its template is a good
 * part of the window's) is built the first time the Review page is shown or
 * a command needs it (the disagreement keys), and given the session as it
 * stands: a bare article's first frame does not wait for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-review-panel.h"
#include "gloss-window-private.h"

static void
show_range_cb (GlossWindow *self,
               guint        start,
               guint        end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));

  gloss_article_view_select_range (self->article_view, start, end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->article_view), gtk_text_buffer_get_insert (buffer),
                                0.2, FALSE, 0, 0);
}

/* The panel's messages are never undoable. */
static void
panel_message_cb (GlossWindow *self,
                  const char  *text)
{
  _gloss_window_toast (self, text, NULL, NULL);
}

/**
 * _gloss_window_get_review_panel:
 * @self: a #GlossWindow
 *
 * Builds the Review page's panel the first time it is asked for.
 *
 * Returns: (transfer none): the review panel
 */
GlossReviewPanel *
_gloss_window_get_review_panel (GlossWindow *self)
{
  if (self->review_panel != NULL)
    return self->review_panel;

  self->review_panel = GLOSS_REVIEW_PANEL (gloss_review_panel_new (self->review_session));
  g_signal_connect_object (self->review_panel, "show-range", G_CALLBACK (show_range_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_panel, "message", G_CALLBACK (panel_message_cb), self, G_CONNECT_SWAPPED);
  gloss_review_panel_set_text_view (self->review_panel, GTK_TEXT_VIEW (self->article_view));
  adw_bin_set_child (self->review_bin, GTK_WIDGET (self->review_panel));
  return self->review_panel;
}

gboolean
_gloss_window_get_review_built (GlossWindow *self)
{
  return self->review_panel != NULL;
}

GlossReviewSession *
_gloss_window_get_review_session (GlossWindow *self)
{
  return self->review_session;
}

static void
side_page_cb (GlossWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->side_stack), "review") == 0)
    _gloss_window_get_review_panel (self);
}

/**
 * _gloss_window_review_set_own:
 * @self: a #GlossWindow
 * @article: the article file
 * @document: its text
 * @own: the user's sidecar
 *
 * Makes @own the review's own layer (the panel's, once it is built: it
 * also ends what was being adjudicated on another article).
 */
void
_gloss_window_review_set_own (GlossWindow   *self,
                              GFile         *article,
                              GlossDocument *document,
                              GlossSidecar  *own)
{
  if (self->review_panel != NULL)
    gloss_review_panel_set_own (self->review_panel, article, document, own);
  else
    gloss_review_session_set_own (self->review_session, article, document, own);
}

void
_gloss_window_review_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, review_bin);
}

void
_gloss_window_review_init (GlossWindow *self)
{
  self->review_session = gloss_review_session_new ();
  gloss_article_view_set_layers (self->article_view, gloss_review_session_get_shown (self->review_session));
  g_signal_connect_object (self->side_stack, "notify::visible-child-name", G_CALLBACK (side_page_cb),
                           self, G_CONNECT_SWAPPED);
  side_page_cb (self);
}

/* After the template is gone (the panel with it). */
void
_gloss_window_review_dispose (GlossWindow *self)
{
  self->review_panel = NULL;
  g_clear_object (&self->review_session);
}
