/* gloss-version-window.c: What Changed, the version view in a window of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two texts side by side need the width of a screen, not of the sidebar: the
 * version view opens beside the article's window, above it, and edits the
 * same annotations (the article view follows every review at once).
 */
#include "config.h"

#include "gloss-version-window.h"

struct _GlossVersionWindow
{
  AdwWindow         parent_instance;

  GlossVersionView *view;
  AdwWindowTitle   *window_title;
};

G_DEFINE_FINAL_TYPE (GlossVersionWindow, gloss_version_window, ADW_TYPE_WINDOW)

/**
 * gloss_version_window_new:
 * @parent: (nullable): the article's window
 * @article_title: (nullable): what the article is called, for the subtitle
 *
 * Returns: (transfer none): a new window, not shown yet
 */
GlossVersionWindow *
gloss_version_window_new (GtkWindow  *parent,
                          const char *article_title)
{
  GlossVersionWindow *self = g_object_new (GLOSS_TYPE_VERSION_WINDOW, "transient-for", parent, NULL);

  adw_window_title_set_subtitle (self->window_title, article_title ? article_title : "");
  return self;
}

/**
 * gloss_version_window_get_view:
 * @self: a #GlossVersionWindow
 *
 * Returns: (transfer none): the version view it shows
 */
GlossVersionView *
gloss_version_window_get_view (GlossVersionWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_VERSION_WINDOW (self), NULL);
  return self->view;
}

static void
gloss_version_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_VERSION_WINDOW);

  G_OBJECT_CLASS (gloss_version_window_parent_class)->dispose (object);
}

static void
gloss_version_window_class_init (GlossVersionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_version_window_dispose;

  g_type_ensure (GLOSS_TYPE_VERSION_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-version-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossVersionWindow, view);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionWindow, window_title);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_version_window_init (GlossVersionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}
