/* gloss-tag-mapping-row.h: a colleague's tag missing from the user's
 * codebook, and which of the user's tags it is compared as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_MAPPING_ROW (gloss_tag_mapping_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossTagMappingRow, gloss_tag_mapping_row, GLOSS, TAG_MAPPING_ROW, AdwActionRow)

/* @users: who uses the tag ("Alice, Bob"); @codebook: the user's, whose tags
 * are the choices; @mapped_to: (nullable): the current choice.  Emits
 * "mapped" (a tag id, or NULL for none) when the user chooses. */
GtkWidget  *gloss_tag_mapping_row_new     (const char    *tag_id,
                                           const char    *label,
                                           const char    *users,
                                           GlossCodebook *codebook,
                                           const char    *mapped_to);
const char *gloss_tag_mapping_row_get_tag (GlossTagMappingRow *self);

G_END_DECLS
