/* gloss-review-layer.c: one annotator's layer as the review panel and the
 * article view show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-view.h"
#include "gloss-codebook.h"
#include "gloss-review-layer.h"
#include "gloss-sidecar.h"

#define LAYER_LINE_HEIGHT 2
#define LAYER_LINE_STEP   3
/* More colleagues than this share the last stripe: the gap under a line is
 * only so tall. */
#define MAX_STRIPES       3

struct _GlossReviewLayer
{
  GObject               parent_instance;

  GlossSidecar         *sidecar;
  GlossReviewLayerRole  role;
  char                 *color;
  guint                 visible : 1;
};

G_DEFINE_FINAL_TYPE (GlossReviewLayer, gloss_review_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Chosen to stay apart from each other in light and dark styles. */
static const char * const palette[] = {
  "#1c71d8", "#c01c28", "#26a269", "#9141ac", "#c64600", "#986a44", "#0c7b93",
};

const char *
gloss_review_layer_palette (guint n)
{
  return palette[n % G_N_ELEMENTS (palette)];
}

GlossReviewLayer *
gloss_review_layer_new (GlossSidecar         *sidecar,
                        GlossReviewLayerRole  role,
                        const char           *color)
{
  GlossReviewLayer *self;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), NULL);

  self = g_object_new (GLOSS_TYPE_REVIEW_LAYER, NULL);
  self->sidecar = g_object_ref (sidecar);
  self->role = role;
  self->color = g_strdup (color ? color : palette[0]);
  return self;
}

GlossSidecar *
gloss_review_layer_get_sidecar (GlossReviewLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_LAYER (self), NULL);
  return self->sidecar;
}

GlossReviewLayerRole
gloss_review_layer_get_role (GlossReviewLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_LAYER (self), GLOSS_REVIEW_LAYER_COLLEAGUE);
  return self->role;
}

const char *
gloss_review_layer_get_color (GlossReviewLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_LAYER (self), NULL);
  return self->color;
}

/* Returns: whether the colour changed */
gboolean
gloss_review_layer_set_color (GlossReviewLayer *self,
                              const char       *color)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_LAYER (self), FALSE);
  g_return_val_if_fail (color != NULL, FALSE);

  if (g_strcmp0 (self->color, color) == 0)
    return FALSE;
  g_free (self->color);
  self->color = g_strdup (color);
  return TRUE;
}

gboolean
gloss_review_layer_get_visible (GlossReviewLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_LAYER (self), FALSE);
  return self->visible;
}

void
gloss_review_layer_set_visible (GlossReviewLayer *self,
                                gboolean          visible)
{
  g_return_if_fail (GLOSS_IS_REVIEW_LAYER (self));

  visible = !!visible;
  if (self->visible == visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

const char *
gloss_review_layer_get_title (GlossReviewLayer *self)
{
  const char *name;

  g_return_val_if_fail (GLOSS_IS_REVIEW_LAYER (self), NULL);

  name = gloss_sidecar_get_annotator_name (self->sidecar);
  if (name != NULL && *name != '\0')
    return name;
  return gloss_sidecar_get_annotator_id (self->sidecar);
}

void
gloss_review_layer_count_anchors (GlossReviewLayer *self,
                                  guint            *moved,
                                  guint            *fuzzy,
                                  guint            *orphaned)
{
  GlossAnnotationSet *set;

  g_return_if_fail (GLOSS_IS_REVIEW_LAYER (self));

  *moved = *fuzzy = *orphaned = 0;
  set = gloss_sidecar_get_annotations (self->sidecar);
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    switch (gloss_annotation_get_anchor_status (gloss_annotation_set_get_nth (set, i)))
      {
      case GLOSS_ANCHOR_MOVED:
        (*moved)++;
        break;
      case GLOSS_ANCHOR_FUZZY:
      case GLOSS_ANCHOR_CUT:
        (*fuzzy)++;
        break;
      case GLOSS_ANCHOR_ORPHANED:
        (*orphaned)++;
        break;
      case GLOSS_ANCHOR_EXACT:
      default:
        break;
      }
}

/* Drawing for the article view */

static gboolean
is_placed (GlossAnnotation *annotation)
{
  return gloss_annotation_get_anchor_status (annotation) != GLOSS_ANCHOR_ORPHANED &&
         gloss_annotation_get_end (annotation) > gloss_annotation_get_start (annotation);
}

static gboolean
is_drawn (GlossReviewLayer *layer)
{
  /* The own layer is the view's own highlights already. */
  return layer->visible && layer->role != GLOSS_REVIEW_LAYER_OWN;
}

typedef struct
{
  GtkSnapshot   *snapshot;
  const GdkRGBA *color;
  float          below;
} Stripe;

/* One stripe under each display-line piece of the range. */
static void
stripe_fragment (const graphene_rect_t *piece,
                 gpointer               user_data)
{
  Stripe *stripe = user_data;
  graphene_rect_t rect;

  graphene_rect_init (&rect, piece->origin.x, piece->origin.y + piece->size.height + stripe->below,
                      piece->size.width, LAYER_LINE_HEIGHT);
  gtk_snapshot_append_color (stripe->snapshot, stripe->color, &rect);
}

/**
 * gloss_review_layers_snapshot:
 * @layers: (element-type GlossReviewLayer): the layers
 * @view: the article's text view
 * @snapshot: the below-text layer's snapshot
 * @from: first visible offset
 * @to: end of the visible offsets
 * @below: pixels between a line's text and the first stripe
 *
 * Draws a thin stripe in each visible colleague's colour under what they
 * tagged, one stripe height lower per layer, so several layers stay apart.
 */
void
gloss_review_layers_snapshot (GListModel  *layers,
                              GtkTextView *view,
                              GtkSnapshot *snapshot,
                              guint        from,
                              guint        to,
                              float        below)
{
  guint n = g_list_model_get_n_items (layers);
  guint stripe_index = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewLayer) layer = g_list_model_get_item (layers, i);
      g_autoptr(GPtrArray) hits = NULL;
      GdkRGBA color;
      float y;

      if (!is_drawn (layer))
        continue;

      gdk_rgba_parse (&color, layer->color);
      y = below + MIN (stripe_index, MAX_STRIPES - 1) * LAYER_LINE_STEP;
      stripe_index++;

      hits = gloss_annotation_set_query (gloss_sidecar_get_annotations (layer->sidecar),
                                         from, MAX (to, from + 1));
      for (guint j = 0; j < hits->len; j++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (hits, j);

          if (!is_placed (annotation))
            continue;
          gloss_text_view_foreach_fragment (view,
                                            MAX (gloss_annotation_get_start (annotation), from),
                                            MIN (gloss_annotation_get_end (annotation), to),
                                            stripe_fragment, &(Stripe) { snapshot, &color, y });
        }
    }
}

static const char *
tag_label (GlossSidecar *sidecar,
           const char   *tag_id)
{
  GlossCodebook *codebook = gloss_sidecar_get_codebook (sidecar);
  GlossTag *tag = codebook ? gloss_codebook_lookup (codebook, tag_id) : NULL;

  return tag ? gloss_tag_get_label (tag) : tag_id;
}

/**
 * gloss_review_layers_describe_at:
 * @layers: (element-type GlossReviewLayer): the layers
 * @offset: a code point offset
 *
 * Returns: (transfer full) (nullable): Pango markup, one line per visible
 *   colleague layer with an annotation at @offset: “alice: Quote, Official”
 */
char *
gloss_review_layers_describe_at (GListModel *layers,
                                 guint       offset)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (layers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewLayer) layer = g_list_model_get_item (layers, i);
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GString) tags = NULL;
      g_autofree char *who = NULL;

      if (!is_drawn (layer))
        continue;

      hits = gloss_annotation_set_query (gloss_sidecar_get_annotations (layer->sidecar), offset, offset + 1);
      for (guint j = 0; j < hits->len; j++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (hits, j);

          if (!is_placed (annotation))
            continue;
          if (tags == NULL)
            tags = g_string_new (NULL);
          else
            /* Translators: between tag names in a tooltip */
            g_string_append (tags, _(", "));
          g_string_append (tags, tag_label (layer->sidecar, gloss_annotation_get_tag (annotation)));
        }
      if (tags == NULL)
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      who = g_markup_printf_escaped ("<span foreground=\"%s\">▁</span> %s: %s", layer->color,
                                     gloss_review_layer_get_title (layer), tags->str);
      g_string_append (text, who);
    }

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
gloss_review_layer_finalize (GObject *object)
{
  GlossReviewLayer *self = (GlossReviewLayer *)object;

  g_clear_object (&self->sidecar);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (gloss_review_layer_parent_class)->finalize (object);
}

static void
gloss_review_layer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossReviewLayer *self = GLOSS_REVIEW_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_review_layer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossReviewLayer *self = GLOSS_REVIEW_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      gloss_review_layer_set_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_review_layer_class_init (GlossReviewLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_review_layer_finalize;
  object_class->get_property = gloss_review_layer_get_property;
  object_class->set_property = gloss_review_layer_set_property;

  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_review_layer_init (GlossReviewLayer *self)
{
  self->visible = TRUE;
}
