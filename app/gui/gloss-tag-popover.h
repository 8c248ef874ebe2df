/* gloss-tag-popover.h: the list of tags shown beside a selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_POPOVER (gloss_tag_popover_get_type ())
G_DECLARE_FINAL_TYPE (GlossTagPopover, gloss_tag_popover, GLOSS, TAG_POPOVER, GtkPopover)

GtkWidget     *gloss_tag_popover_new          (void);
void           gloss_tag_popover_set_codebook (GlossTagPopover *self,
                                               GlossCodebook   *codebook);
void           gloss_tag_popover_set_retag    (GlossTagPopover *self,
                                               gboolean         retag);

G_END_DECLS
