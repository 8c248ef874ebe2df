/* gloss-coder-gaps.h: coders who never used a tag that another coder used,
 * each with the offer to leave them out of that tag's agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-review-session.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODER_GAPS (gloss_coder_gaps_get_type ())
G_DECLARE_FINAL_TYPE (GlossCoderGaps, gloss_coder_gaps, GLOSS, CODER_GAPS, GtkWidget)

/* A choice is written to the session's exclusions, which then rebuilds. */
GtkWidget *gloss_coder_gaps_new         (void);
void       gloss_coder_gaps_set_session (GlossCoderGaps     *self,
                                         GlossReviewSession *session);
/* One row per layer of @sidecars (element-type GlossSidecar) that never
 * coded a tag of @agreement (nullable: none); hidden when there is none. */
void       gloss_coder_gaps_update      (GlossCoderGaps     *self,
                                         GlossAgreement     *agreement,
                                         GPtrArray          *sidecars);

G_END_DECLS
