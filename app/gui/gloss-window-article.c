/* gloss-window-article.c: the bar saying the article changed on disk
 *
 * The session watches the article's file and says when it reads to another
 * text than the one shown (GlossSession:article-changed).  The window shows
 * a bar above the text, as GNOME Text Editor does for a file changed on
 * disk, whose Reload (win.reload-article) saves the annotations and opens
 * the article again here: re-anchored, with the review queue when anything
 * moved too much.  Nothing is read again behind the user's back: a
 * researcher halfway through a passage decides when the text changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-window-private.h"

static void
reload_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _gloss_window_reload_article (GLOSS_WINDOW (widget));
}

static void
article_changed_cb (GlossWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload-article",
                                 gloss_session_get_article_changed (self->session));
}

/**
 * _gloss_window_article_class_init:
 * @widget_class: the window's class
 *
 * The bar's template child and its action.
 */
void
_gloss_window_article_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_bar);
  gtk_widget_class_install_action (widget_class, "win.reload-article", NULL, reload_article_action);
}

/**
 * _gloss_window_article_init:
 * @self: a #GlossWindow
 *
 * Shows the bar while the session says the article changed on disk.
 */
void
_gloss_window_article_init (GlossWindow *self)
{
  g_object_bind_property (self->session, "article-changed", self->article_bar, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->session, "notify::article-changed", G_CALLBACK (article_changed_cb),
                           self, G_CONNECT_SWAPPED);
  article_changed_cb (self);
}
