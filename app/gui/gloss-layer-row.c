/* gloss-layer-row.c: one layer in the review's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-layer-drawing.h"
#include "gloss-layer-row.h"
#include "gloss-review.h"
#include "gloss-sidecar.h"

struct _GlossLayerRow
{
  AdwActionRow  parent_instance;

  /* Template children */
  GtkSwitch    *toggle;

  GlossLayer   *layer;
};

G_DEFINE_FINAL_TYPE (GlossLayerRow, gloss_layer_row, ADW_TYPE_ACTION_ROW)

/* What the layer is and holds, and what could not be placed. */
static char *
layer_subtitle (GlossLayer *layer)
{
  GlossSidecar *sidecar = gloss_layer_get_sidecar (layer);
  GlossCodebook *codebook = gloss_sidecar_get_codebook (sidecar);
  guint n = gloss_annotation_set_get_size (gloss_sidecar_get_annotations (sidecar));
  g_autoptr(GString) text = g_string_new (NULL);
  guint moved, fuzzy, orphaned;

  switch (gloss_layer_get_role (layer))
    {
    case GLOSS_LAYER_ROLE_OWN:
      g_string_append (text, _("Yours, editable"));
      break;
    case GLOSS_LAYER_ROLE_ADJUDICATION:
      g_string_append (text, _("Adjudicated, not compared"));
      break;
    case GLOSS_LAYER_ROLE_OTHER:
    default:
      if (gloss_review_sidecar_is_adjudicated (sidecar))
        g_string_append (text, _("Read-only, adjudicated"));
      else
        g_string_append (text, _("Read-only"));
      break;
    }
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n), n);

  if (codebook != NULL)
    {
      const char *name = gloss_codebook_get_name (codebook);
      const char *version = gloss_codebook_get_version (codebook);

      g_string_append (text, "\n");
      if (version != NULL && *version != '\0')
        /* Translators: codebook name and version */
        g_string_append_printf (text, _("%s, version %s"), name ? name : "", version);
      else
        g_string_append (text, name ? name : "");
    }

  gloss_layer_count_anchors (layer, &moved, &fuzzy, &orphaned);
  if (moved + fuzzy + orphaned > 0)
    {
      g_string_append (text, "\n⚠ ");
      if (moved > 0)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u moved", "%u moved", moved), moved);
      if (fuzzy > 0)
        {
          if (moved > 0)
            g_string_append (text, ", ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u fuzzy", "%u fuzzy", fuzzy), fuzzy);
        }
      if (orphaned > 0)
        {
          if (moved + fuzzy > 0)
            g_string_append (text, ", ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u orphaned", "%u orphaned", orphaned), orphaned);
        }
    }

  return g_markup_escape_text (text->str, -1);
}

/**
 * gloss_layer_row_new:
 * @layer: a layer of a sidecar
 *
 * Returns: (transfer floating): its row; the switch follows the layer's
 *   visibility both ways
 */
GtkWidget *
gloss_layer_row_new (GlossLayer *layer)
{
  GlossLayerRow *self;
  GlossSidecar *sidecar;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *tooltip = NULL;
  const char *name, *id;

  g_return_val_if_fail (GLOSS_IS_LAYER (layer), NULL);
  g_return_val_if_fail (gloss_layer_get_sidecar (layer) != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_LAYER_ROW, NULL);
  self->layer = g_object_ref (layer);
  sidecar = gloss_layer_get_sidecar (layer);
  name = gloss_sidecar_get_annotator_name (sidecar);
  id = gloss_sidecar_get_annotator_id (sidecar);

  if (name != NULL && *name != '\0' && g_strcmp0 (name, id) != 0)
    title = g_markup_printf_escaped ("%s <small>(%s)</small>", name, id);
  else
    title = g_markup_escape_text (id, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  subtitle = layer_subtitle (layer);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* The legend: the layer's stripe as the article draws it. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), gloss_layer_sample_new (layer));

  g_object_bind_property (layer, "visible", self->toggle, "active", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  if (gloss_layer_get_role (layer) == GLOSS_LAYER_ROLE_OWN)
    tooltip = g_strdup (_("Compare your layer with the others"));
  else
    tooltip = g_strdup_printf (_("Show %s’s layer and compare it"), gloss_layer_get_title (layer));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  if (gloss_sidecar_get_file (sidecar) != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (gloss_sidecar_get_file (sidecar));

      gtk_widget_set_tooltip_text (GTK_WIDGET (self), path);
    }

  return GTK_WIDGET (self);
}

static void
gloss_layer_row_dispose (GObject *object)
{
  GlossLayerRow *self = GLOSS_LAYER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LAYER_ROW);
  g_clear_object (&self->layer);

  G_OBJECT_CLASS (gloss_layer_row_parent_class)->dispose (object);
}

static void
gloss_layer_row_class_init (GlossLayerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_layer_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-layer-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLayerRow, toggle);
}

static void
gloss_layer_row_init (GlossLayerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
