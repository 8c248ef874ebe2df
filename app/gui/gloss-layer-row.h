/* gloss-layer-row.h: one layer in the review's list: its legend, who, what
 * it holds, and the switch that shows and compares it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-layer.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LAYER_ROW (gloss_layer_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossLayerRow, gloss_layer_row, GLOSS, LAYER_ROW, AdwActionRow)

GtkWidget *gloss_layer_row_new (GlossLayer *layer);

G_END_DECLS
