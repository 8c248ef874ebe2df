/* gloss-layer-drawing.h: what the article view draws for layers (see
 * app/core/gloss-layer.h), and the text view's fragment helper it shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-layer.h"

G_BEGIN_DECLS

typedef void (*GlossFragmentFunc) (const graphene_rect_t *rect,
                                   gpointer               user_data);

/* Calls @func with the rectangle (buffer coordinates) of each display-line
 * piece of [@from, @to): what a highlight or an underline must cover. */
void        gloss_text_view_foreach_fragment (GtkTextView       *view,
                                              guint              from,
                                              guint              to,
                                              GlossFragmentFunc  func,
                                              gpointer           user_data);

/* Draws every drawn layer of @layers (a GListModel of GlossLayer) in
 * [@from, @to): stripes @below pixels under each line's text, one stripe
 * lower per layer, in the tag's colour and the layer's style. */
void        gloss_layers_snapshot            (GListModel        *layers,
                                              GtkTextView       *view,
                                              GtkSnapshot       *snapshot,
                                              guint              from,
                                              guint              to,
                                              float              below);
/* (transfer full) (nullable): Pango markup, one line per drawn layer with an
 * annotation at @offset: its stripe, “alice: Quote, Official” */
char       *gloss_layers_describe_at         (GListModel        *layers,
                                              guint              offset);
/* Queues a redraw of @widget whenever @layers or one of its layers changes,
 * until @widget is gone or gloss_layers_unwatch() */
void        gloss_layers_watch               (GListModel        *layers,
                                              GtkWidget         *widget);
void        gloss_layers_unwatch             (GListModel        *layers,
                                              GtkWidget         *widget);
/* A legend sample of @layer's stripe: its style, in its colour. */
GtkWidget  *gloss_layer_sample_new           (GlossLayer        *layer);

G_END_DECLS
