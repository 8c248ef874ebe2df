/* gloss-attribute-row.h: one attribute of a tag in the codebook editor: its
 * label, type, choices or link targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-codebook.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ATTRIBUTE_ROW (gloss_attribute_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossAttributeRow, gloss_attribute_row, GLOSS, ATTRIBUTE_ROW, AdwExpanderRow)

/* Edits @def in place (it belongs to a tag of @codebook, whose tags are the
 * link targets) and emits "changed" after each edit; "remove" when the
 * user asks to remove the attribute (the row does not remove it). */
GtkWidget         *gloss_attribute_row_new           (GlossAttributeDef *def,
                                                      GlossCodebook     *codebook);
GlossAttributeDef *gloss_attribute_row_get_attribute (GlossAttributeRow *self);

G_END_DECLS
