/* gloss-tag-mapping.h: the colleagues' tags that the user's codebook lacks,
 * each compared as one of the user's tags or left alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-review-session.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TAG_MAPPING (gloss_tag_mapping_get_type ())
G_DECLARE_FINAL_TYPE (GlossTagMapping, gloss_tag_mapping, GLOSS, TAG_MAPPING, GtkWidget)

/* A choice is written to the session's tag map, which then rebuilds. */
GtkWidget *gloss_tag_mapping_new         (void);
void       gloss_tag_mapping_set_session (GlossTagMapping    *self,
                                          GlossReviewSession *session);
/* One row per tag the compared @colleagues (element-type GlossSidecar) use
 * or define that the own codebook lacks; hidden when there is none. */
void       gloss_tag_mapping_update      (GlossTagMapping    *self,
                                          GPtrArray          *colleagues);

G_END_DECLS
