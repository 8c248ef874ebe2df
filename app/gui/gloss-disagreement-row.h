/* gloss-disagreement-row.h: one disagreement of the review's list: its kind
 * and decision, the passage, and what each layer has there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-review.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DISAGREEMENT_ROW (gloss_disagreement_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossDisagreementRow, gloss_disagreement_row, GLOSS, DISAGREEMENT_ROW, GtkWidget)

GtkWidget *gloss_disagreement_row_new    (void);
/* Shows @item of @review (its layers, its adjudication); passages come from
 * @document, tag labels from @codebook first.  Follows the item's decision
 * until unbound. */
void       gloss_disagreement_row_bind   (GlossDisagreementRow *self,
                                          GlossReviewItem      *item,
                                          GlossReview          *review,
                                          GlossDocument        *document,
                                          GlossCodebook        *codebook);
void       gloss_disagreement_row_unbind (GlossDisagreementRow *self);

G_END_DECLS
