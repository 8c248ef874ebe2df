/* gloss-review-layer.h: one annotator's layer as the review panel and the
 * article view show it (colour, shown or hidden, editable or not)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_REVIEW_LAYER (gloss_review_layer_get_type ())
G_DECLARE_FINAL_TYPE (GlossReviewLayer, gloss_review_layer, GLOSS, REVIEW_LAYER, GObject)

typedef enum
{
  GLOSS_REVIEW_LAYER_COLLEAGUE,   /* read-only */
  GLOSS_REVIEW_LAYER_OWN,         /* the user's, editable, highlighted by the view itself */
  GLOSS_REVIEW_LAYER_ADJUDICATION /* being written by adjudication; never compared */
} GlossReviewLayerRole;

GlossReviewLayer     *gloss_review_layer_new            (GlossSidecar      *sidecar,
                                                         GlossReviewLayerRole role,
                                                         const char        *color);
GlossSidecar         *gloss_review_layer_get_sidecar    (GlossReviewLayer  *self);
GlossReviewLayerRole  gloss_review_layer_get_role       (GlossReviewLayer  *self);
const char           *gloss_review_layer_get_color      (GlossReviewLayer  *self);
gboolean              gloss_review_layer_set_color      (GlossReviewLayer  *self,
                                                         const char        *color);
gboolean              gloss_review_layer_get_visible    (GlossReviewLayer  *self);
void                  gloss_review_layer_set_visible    (GlossReviewLayer  *self,
                                                         gboolean           visible);
/* The annotator's name, or their id. */
const char           *gloss_review_layer_get_title      (GlossReviewLayer  *self);
void                  gloss_review_layer_count_anchors  (GlossReviewLayer  *self,
                                                         guint             *moved,
                                                         guint             *fuzzy,
                                                         guint             *orphaned);

/* A distinct colour for the @n-th colleague. */
const char           *gloss_review_layer_palette        (guint              n);

/* For the article view: underlines of the visible colleague layers in
 * [@from, @to), drawn @below pixels under each line's text, and the
 * "who tagged what" lines at @offset (NULL when no layer covers it). */
void                  gloss_review_layers_snapshot      (GListModel        *layers,
                                                         GtkTextView       *view,
                                                         GtkSnapshot       *snapshot,
                                                         guint              from,
                                                         guint              to,
                                                         float              below);
char                 *gloss_review_layers_describe_at   (GListModel        *layers,
                                                         guint              offset);

G_END_DECLS
