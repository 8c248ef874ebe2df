/* gloss-layer.c: annotations that are not the user's own, drawn beside them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-layer.h"
#include "gloss-sidecar.h"

struct _GlossLayer
{
  GObject          parent_instance;

  GListModel      *annotations;
  GlossSidecar    *sidecar;
  GlossCodebook   *codebook;
  char            *title;
  char            *color;
  GlossLayerRole   role;
  GlossLayerStyle  style;
  guint            visible : 1;
};

G_DEFINE_FINAL_TYPE (GlossLayer, gloss_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VISIBLE,
  PROP_STYLE,
  PROP_COLOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Chosen to stay apart from each other in light and dark styles. */
static const char * const palette[] = {
  "#1c71d8", "#c01c28", "#26a269", "#9141ac", "#c64600", "#986a44", "#0c7b93",
};

const char *
gloss_layer_palette (guint n)
{
  return palette[n % G_N_ELEMENTS (palette)];
}

/* Solid, dashed, dotted: told apart even where two layers share a tag colour. */
GlossLayerStyle
gloss_layer_style_for_index (guint n)
{
  static const GlossLayerStyle styles[] = {
    GLOSS_LAYER_STYLE_SOLID, GLOSS_LAYER_STYLE_DASHED, GLOSS_LAYER_STYLE_DOTTED,
  };

  return styles[n % G_N_ELEMENTS (styles)];
}

static void
emit_changed (GlossLayer *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
annotations_changed_cb (GlossLayer *self)
{
  emit_changed (self);
}

static GlossLayer *
layer_new (GListModel *annotations)
{
  GlossLayer *self = g_object_new (GLOSS_TYPE_LAYER, NULL);

  self->annotations = g_object_ref (annotations);
  g_signal_connect_object (annotations, "items-changed", G_CALLBACK (annotations_changed_cb), self, G_CONNECT_SWAPPED);
  if (GLOSS_IS_ANNOTATION_SET (annotations))
    g_signal_connect_object (annotations, "changed", G_CALLBACK (annotations_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * gloss_layer_new:
 * @annotations: a #GListModel of #GlossAnnotation
 * @title: what the legend and the hover text call it
 *
 * Returns: (transfer full): a read-only layer (%GLOSS_LAYER_ROLE_OTHER),
 *   visible, solid, in the first colour of the palette
 */
GlossLayer *
gloss_layer_new (GListModel *annotations,
                 const char *title)
{
  GlossLayer *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (annotations), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = layer_new (annotations);
  self->title = g_strdup (title);
  self->color = g_strdup (palette[0]);
  return self;
}

/**
 * gloss_layer_new_for_sidecar:
 * @sidecar: an annotator's sidecar
 * @role: whose it is
 * @color: (nullable): the layer's colour
 *
 * Returns: (transfer full): the sidecar's annotations as a layer, with its
 *   codebook and titled by its annotator
 */
GlossLayer *
gloss_layer_new_for_sidecar (GlossSidecar   *sidecar,
                             GlossLayerRole  role,
                             const char     *color)
{
  GlossLayer *self;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), NULL);

  self = layer_new (G_LIST_MODEL (gloss_sidecar_get_annotations (sidecar)));
  self->sidecar = g_object_ref (sidecar);
  self->role = role;
  self->color = g_strdup (color ? color : palette[0]);
  return self;
}

GListModel *
gloss_layer_get_annotations (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  return self->annotations;
}

GlossSidecar *
gloss_layer_get_sidecar (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  return self->sidecar;
}

GlossLayerRole
gloss_layer_get_role (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), GLOSS_LAYER_ROLE_OTHER);
  return self->role;
}

const char *
gloss_layer_get_title (GlossLayer *self)
{
  const char *name;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);

  if (self->sidecar == NULL)
    return self->title;
  name = gloss_sidecar_get_annotator_name (self->sidecar);
  if (name != NULL && *name != '\0')
    return name;
  return gloss_sidecar_get_annotator_id (self->sidecar);
}

const char *
gloss_layer_get_color (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);
  return self->color;
}

/* Returns: whether the colour changed */
gboolean
gloss_layer_set_color (GlossLayer *self,
                       const char *color)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  g_return_val_if_fail (color != NULL, FALSE);

  if (g_strcmp0 (self->color, color) == 0)
    return FALSE;
  g_free (self->color);
  self->color = g_strdup (color);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
  emit_changed (self);
  return TRUE;
}

GlossLayerStyle
gloss_layer_get_style (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), GLOSS_LAYER_STYLE_SOLID);
  return self->style;
}

void
gloss_layer_set_style (GlossLayer      *self,
                       GlossLayerStyle  style)
{
  g_return_if_fail (GLOSS_IS_LAYER (self));
  g_return_if_fail ((guint)style < GLOSS_LAYER_N_STYLES);

  if (self->style == style)
    return;
  self->style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
  emit_changed (self);
}

gboolean
gloss_layer_get_visible (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);
  return self->visible;
}

void
gloss_layer_set_visible (GlossLayer *self,
                         gboolean    visible)
{
  g_return_if_fail (GLOSS_IS_LAYER (self));

  visible = !!visible;
  if (self->visible == visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
  emit_changed (self);
}

GlossCodebook *
gloss_layer_get_codebook (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);

  if (self->codebook != NULL)
    return self->codebook;
  return self->sidecar ? gloss_sidecar_get_codebook (self->sidecar) : NULL;
}

void
gloss_layer_set_codebook (GlossLayer    *self,
                          GlossCodebook *codebook)
{
  g_return_if_fail (GLOSS_IS_LAYER (self));

  if (g_set_object (&self->codebook, codebook))
    emit_changed (self);
}

gboolean
gloss_layer_is_drawn (GlossLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_LAYER (self), FALSE);

  /* The own layer is the view's own highlights already. */
  return self->visible && self->role != GLOSS_LAYER_ROLE_OWN;
}

static gboolean
is_placed (GlossAnnotation *annotation)
{
  return gloss_annotation_get_anchor_status (annotation) != GLOSS_ANCHOR_ORPHANED &&
         gloss_annotation_get_end (annotation) > gloss_annotation_get_start (annotation);
}

GPtrArray *
gloss_layer_query (GlossLayer *self,
                   guint       start,
                   guint       end)
{
  GPtrArray *hits;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);

  end = MAX (end, start + 1);
  if (GLOSS_IS_ANNOTATION_SET (self->annotations))
    {
      /* The set's interval index: no walk over the whole article. */
      hits = gloss_annotation_set_query (GLOSS_ANNOTATION_SET (self->annotations), start, end);
      for (guint i = hits->len; i > 0; i--)
        if (!is_placed (g_ptr_array_index (hits, i - 1)))
          g_ptr_array_remove_index (hits, i - 1);
      return hits;
    }

  hits = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (self->annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (self->annotations, i);

      if (is_placed (annotation) &&
          gloss_annotation_get_start (annotation) < end && gloss_annotation_get_end (annotation) > start)
        g_ptr_array_add (hits, annotation);
    }
  return hits;
}

const char *
gloss_layer_get_tag_color (GlossLayer *self,
                           const char *tag_id)
{
  GlossCodebook *codebook;
  GlossTag *tag;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);

  codebook = gloss_layer_get_codebook (self);
  tag = codebook && tag_id ? gloss_codebook_lookup (codebook, tag_id) : NULL;
  if (tag != NULL && gloss_tag_get_color (tag) != NULL)
    return gloss_tag_get_color (tag);
  return self->color;
}

const char *
gloss_layer_get_tag_label (GlossLayer *self,
                           const char *tag_id)
{
  GlossCodebook *codebook;
  GlossTag *tag;

  g_return_val_if_fail (GLOSS_IS_LAYER (self), NULL);

  codebook = gloss_layer_get_codebook (self);
  tag = codebook && tag_id ? gloss_codebook_lookup (codebook, tag_id) : NULL;
  return tag ? gloss_tag_get_label (tag) : tag_id;
}

void
gloss_layer_count_anchors (GlossLayer *self,
                           guint      *moved,
                           guint      *fuzzy,
                           guint      *orphaned)
{
  guint n;

  g_return_if_fail (GLOSS_IS_LAYER (self));

  *moved = *fuzzy = *orphaned = 0;
  n = g_list_model_get_n_items (self->annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (self->annotations, i);

      switch (gloss_annotation_get_anchor_status (annotation))
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
}

static void
gloss_layer_dispose (GObject *object)
{
  GlossLayer *self = (GlossLayer *)object;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_clear_object (&self->sidecar);
  g_clear_object (&self->codebook);

  G_OBJECT_CLASS (gloss_layer_parent_class)->dispose (object);
}

static void
gloss_layer_finalize (GObject *object)
{
  GlossLayer *self = (GlossLayer *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (gloss_layer_parent_class)->finalize (object);
}

static void
gloss_layer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossLayer *self = GLOSS_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    case PROP_STYLE:
      g_value_set_uint (value, self->style);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_layer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlossLayer *self = GLOSS_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      gloss_layer_set_visible (self, g_value_get_boolean (value));
      break;
    case PROP_STYLE:
      gloss_layer_set_style (self, g_value_get_uint (value));
      break;
    case PROP_COLOR:
      if (g_value_get_string (value) != NULL)
        gloss_layer_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_layer_class_init (GlossLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_layer_dispose;
  object_class->finalize = gloss_layer_finalize;
  object_class->get_property = gloss_layer_get_property;
  object_class->set_property = gloss_layer_set_property;

  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* A GlossLayerStyle. */
  properties[PROP_STYLE] =
    g_param_spec_uint ("style", NULL, NULL, 0, GLOSS_LAYER_N_STYLES - 1, GLOSS_LAYER_STYLE_SOLID,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossLayer::changed:
   *
   * What the layer draws changed: its annotations, visibility, style,
   * colour or codebook.  The article view redraws.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_layer_init (GlossLayer *self)
{
  self->visible = TRUE;
  self->style = GLOSS_LAYER_STYLE_SOLID;
}
