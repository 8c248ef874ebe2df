/* gloss-layer.h: annotations that are not the user's own, drawn beside them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/*
 * A layer is the one way Gloss draws annotations that are not the user's
 * own: colleagues' sidecars in Review now, suggestions and the old side of an
 * article version next.  The model lives here (no GTK); the article view
 * draws every visible layer of the GListModel it is given
 * (gloss_article_view_set_layers(), drawing in app/gui/gloss-layer-drawing.c).
 *
 * A layer of suggestions, for example:
 *
 *   GListModel *suggested = ...;   (a GListModel of GlossAnnotation, e.g. a
 *                                   GlossAnnotationSet, which is queried fast)
 *   g_autoptr(GlossLayer) layer = gloss_layer_new (suggested, _("Suggestions"));
 *
 *   gloss_layer_set_codebook (layer, codebook);        (tag colours and labels)
 *   gloss_layer_set_style (layer, GLOSS_LAYER_STYLE_DASHED);
 *   g_list_store_append (layers, layer);               (a GListStore of GlossLayer)
 *   gloss_article_view_set_layers (view, G_LIST_MODEL (layers));
 *
 * Each visible layer is drawn as a stripe under the text of what it covers,
 * in the tag's colour (the layer's colour for tags its codebook lacks), in
 * its style, one stripe height lower per layer; hovering names the layer's
 * title and the tags.  The view redraws when the list, a layer's
 * annotations or its look change (GlossLayer::changed).  Orphaned and empty
 * annotations are not drawn.
 */

typedef enum
{
  GLOSS_LAYER_ROLE_OTHER,         /* someone else's (a colleague, suggestions): read-only, drawn */
  GLOSS_LAYER_ROLE_OWN,           /* the user's, editable: the view highlights it itself */
  GLOSS_LAYER_ROLE_ADJUDICATION,  /* being written by adjudication; never compared */
} GlossLayerRole;

typedef enum
{
  GLOSS_LAYER_STYLE_SOLID,        /* a full stripe */
  GLOSS_LAYER_STYLE_DASHED,       /* long dashes */
  GLOSS_LAYER_STYLE_DOTTED,       /* short dots */
  GLOSS_LAYER_STYLE_FAINT,        /* a translucent stripe: a proposal, not a decision */
} GlossLayerStyle;

#define GLOSS_LAYER_N_STYLES (GLOSS_LAYER_STYLE_FAINT + 1)

#define GLOSS_TYPE_LAYER (gloss_layer_get_type ())
G_DECLARE_FINAL_TYPE (GlossLayer, gloss_layer, GLOSS, LAYER, GObject)

GlossLayer      *gloss_layer_new               (GListModel      *annotations,
                                                const char      *title);
/* A sidecar's annotations, titled by its annotator, with its codebook. */
GlossLayer      *gloss_layer_new_for_sidecar   (GlossSidecar    *sidecar,
                                                GlossLayerRole   role,
                                                const char      *color);

/* (element-type GlossAnnotation) (transfer none) */
GListModel      *gloss_layer_get_annotations   (GlossLayer      *self);
/* (nullable) (transfer none): the sidecar of gloss_layer_new_for_sidecar() */
GlossSidecar    *gloss_layer_get_sidecar       (GlossLayer      *self);
GlossLayerRole   gloss_layer_get_role          (GlossLayer      *self);
/* The annotator's name or id, or the title given. */
const char      *gloss_layer_get_title         (GlossLayer      *self);

/* The layer's own colour (its legend, and tags without a colour). */
const char      *gloss_layer_get_color         (GlossLayer      *self);
gboolean         gloss_layer_set_color         (GlossLayer      *self,
                                                const char      *color);
GlossLayerStyle  gloss_layer_get_style         (GlossLayer      *self);
void             gloss_layer_set_style         (GlossLayer      *self,
                                                GlossLayerStyle  style);
gboolean         gloss_layer_get_visible       (GlossLayer      *self);
void             gloss_layer_set_visible       (GlossLayer      *self,
                                                gboolean         visible);
/* (nullable) (transfer none): where tag colours and labels come from */
GlossCodebook   *gloss_layer_get_codebook      (GlossLayer      *self);
void             gloss_layer_set_codebook      (GlossLayer      *self,
                                                GlossCodebook   *codebook);

/* Whether the article view draws it: visible and not the user's own. */
gboolean         gloss_layer_is_drawn          (GlossLayer      *self);
/* (element-type GlossAnnotation) (transfer container): placed annotations
 * overlapping [@start, @end), sorted by start */
GPtrArray       *gloss_layer_query             (GlossLayer      *self,
                                                guint            start,
                                                guint            end);
/* "#rrggbb": the tag's colour in the layer's codebook, else the layer's colour */
const char      *gloss_layer_get_tag_color     (GlossLayer      *self,
                                                const char      *tag_id);
/* The tag's label in the layer's codebook, else its id */
const char      *gloss_layer_get_tag_label     (GlossLayer      *self,
                                                const char      *tag_id);
void             gloss_layer_count_anchors     (GlossLayer      *self,
                                                guint           *moved,
                                                guint           *fuzzy,
                                                guint           *orphaned);

/* A distinct colour and style for the @n-th of several layers. */
const char      *gloss_layer_palette           (guint            n);
GlossLayerStyle  gloss_layer_style_for_index   (guint            n);

G_END_DECLS
