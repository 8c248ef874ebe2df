/* gloss-window.c: a window showing one article and its annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-set.h"
#include "gloss-article-view.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-window.h"

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GlossArticleView     *article_view;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  GCancellable         *cancellable;
  GFile                *file;
  GlossDocument        *document;
  GlossSidecar         *sidecar;
};

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SIDECAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GlossWindow *
gloss_window_new (GlossApplication *application)
{
  return g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);
}

static void
show_error (GlossWindow *self,
            const char  *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
annotator_id (GlossWindow *self)
{
  GlossApplication *app = GLOSS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *id = NULL;

  if (app != NULL)
    id = g_settings_get_string (gloss_application_get_settings (app), "annotator-id");
  if (id == NULL || !gloss_annotator_id_is_valid (id))
    {
      g_free (id);
      id = gloss_annotator_id_default ();
    }

  return g_steal_pointer (&id);
}

static void
set_sidecar (GlossWindow  *self,
             GlossSidecar *sidecar)
{
  g_set_object (&self->sidecar, sidecar);
  gloss_sidecar_attach_document (sidecar, self->document);
  gloss_article_view_set_codebook (self->article_view, gloss_sidecar_get_codebook (sidecar));
  gloss_article_view_set_annotations (self->article_view, gloss_sidecar_get_annotations (sidecar));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDECAR]);
}

static void
sidecar_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;

  sidecar = gloss_sidecar_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (sidecar == NULL)
    {
      /* The article stays open; the broken file is left exactly as it is. */
      show_error (self, error->message);
      return;
    }

  set_sidecar (self, sidecar);
}

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) own = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *id = NULL;
  const char *title;

  document = gloss_document_load_file_finish (result, &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  g_set_object (&self->document, document);
  gloss_article_view_set_document (self->article_view, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);

  title = gloss_document_get_title (document);
  if (title == NULL)
    title = gloss_document_get_source (document);
  adw_window_title_set_title (self->window_title, title ? title : _("Untitled article"));
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Gloss"));

  id = annotator_id (self);
  own = gloss_sidecar_file_for_article (self->file, id);
  if (g_file_query_exists (own, NULL))
    {
      gloss_sidecar_load_async (own, self->cancellable, sidecar_loaded_cb, g_object_ref (self));
      return;
    }

  /* No layer of our own yet: show a colleague's, if there is one. */
  others = gloss_sidecar_list_for_article (self->file, NULL);
  if (others != NULL && others->len > 0)
    {
      gloss_sidecar_load_async (g_ptr_array_index (others, 0), self->cancellable,
                                sidecar_loaded_cb, g_object_ref (self));
      return;
    }

  {
    g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new (id, NULL);

    gloss_sidecar_set_file (sidecar, own);
    set_sidecar (self, sidecar);
  }
}

/**
 * gloss_window_open:
 * @self: a #GlossWindow
 * @file: an article (text or saved HTML page)
 *
 * Loads @file and the sidecar beside it, asynchronously.
 */
void
gloss_window_open (GlossWindow *self,
                   GFile       *file)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  gloss_document_load_file_async (file, NULL, self->cancellable, document_loaded_cb, g_object_ref (self));
}

/**
 * gloss_window_get_sidecar:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none) (nullable): the sidecar shown
 */
GlossSidecar *
gloss_window_get_sidecar (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->sidecar;
}

/**
 * gloss_window_get_document:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none) (nullable): the article shown
 */
GlossDocument *
gloss_window_get_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->document;
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = (GlossWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->document);
  g_clear_object (&self->sidecar);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_SIDECAR: g_value_set_object (value, self->sidecar); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  object_class->get_property = gloss_window_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIDECAR] =
    g_param_spec_object ("sidecar", NULL, NULL, GLOSS_TYPE_SIDECAR,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_ARTICLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
}

static void
gloss_window_init (GlossWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
