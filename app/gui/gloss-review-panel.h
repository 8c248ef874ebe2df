/* gloss-review-panel.h: colleagues' layers, agreement, disagreements and
 * adjudication, beside the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-agreement.h"
#include "gloss-agreement-table.h"
#include "gloss-review.h"
#include "gloss-review-session.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_REVIEW_PANEL (gloss_review_panel_get_type ())
G_DECLARE_FINAL_TYPE (GlossReviewPanel, gloss_review_panel, GLOSS, REVIEW_PANEL, GtkWidget)

GtkWidget      *gloss_review_panel_new              (GlossReviewSession *session);
void            gloss_review_panel_set_own          (GlossReviewPanel *self,
                                                     GFile            *article,
                                                     GlossDocument    *document,
                                                     GlossSidecar     *own);
void            gloss_review_panel_add_file         (GlossReviewPanel *self,
                                                     GFile            *file);
GListModel     *gloss_review_panel_get_layers       (GlossReviewPanel *self);
GlossReviewSession *gloss_review_panel_get_session  (GlossReviewPanel *self);
gboolean        gloss_review_panel_get_loading      (GlossReviewPanel *self);
GlossReview    *gloss_review_panel_get_review       (GlossReviewPanel *self);
GlossAgreement *gloss_review_panel_get_agreement    (GlossReviewPanel *self);
GlossReviewItem *gloss_review_panel_get_selected    (GlossReviewPanel *self);
void            gloss_review_panel_set_text_view    (GlossReviewPanel *self,
                                                     GtkTextView      *text_view);
gboolean        gloss_review_panel_step             (GlossReviewPanel *self,
                                                     guint             cursor,
                                                     gboolean          backward);

/* For tests: the agreement table (row 0 overall, then one row per tag). */
GlossAgreementTable *_gloss_review_panel_get_table  (GlossReviewPanel *self);
/* For tests: the review waits to be built (the own layer alone, hidden). */
gboolean             _gloss_review_panel_get_stale  (GlossReviewPanel *self);

G_END_DECLS
