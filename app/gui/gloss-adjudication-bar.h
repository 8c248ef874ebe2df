/* gloss-adjudication-bar.h: the adjudication under the disagreement list:
 * start or resume it, take, edit or reject each disagreement, undo, save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-review.h"
#include "gloss-review-session.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ADJUDICATION_BAR (gloss_adjudication_bar_get_type ())
G_DECLARE_FINAL_TYPE (GlossAdjudicationBar, gloss_adjudication_bar, GLOSS, ADJUDICATION_BAR, GtkWidget)

/*
 * The bar decides the disagreements of the selected item of :selection (the
 * review panel's list) into a new layer it adds to :session.  It never
 * calls the panel: it emits ::select when the next undecided disagreement
 * should be shown, ::decided when decisions changed (the list redraws), and
 * ::message; the panel hands it each new comparison with
 * gloss_adjudication_bar_set_review().
 */

GtkWidget    *gloss_adjudication_bar_new              (void);
void          gloss_adjudication_bar_set_session      (GlossAdjudicationBar *self,
                                                       GlossReviewSession   *session);
void          gloss_adjudication_bar_set_selection    (GlossAdjudicationBar *self,
                                                       GtkSingleSelection   *selection);
/* Where "Use Article Selection" reads the selection (kept weakly). */
void          gloss_adjudication_bar_set_text_view    (GlossAdjudicationBar *self,
                                                       GtkTextView          *text_view);
/* The comparison was made again: take buttons, progress, Continue. */
void          gloss_adjudication_bar_set_review       (GlossAdjudicationBar *self,
                                                       GlossReview          *review);
/* (nullable) (transfer none): the layer being written */
GlossSidecar *gloss_adjudication_bar_get_adjudication (GlossAdjudicationBar *self);
/* Another article: what was being adjudicated belongs to the last one. */
void          gloss_adjudication_bar_reset            (GlossAdjudicationBar *self);

/* Keys A, B… take the first, second… layer's version; R rejects.  FALSE
 * (the key goes on) when there is nothing to decide. */
#define GLOSS_ADJUDICATION_BAR_TAKE_KEYS 5

gboolean      gloss_adjudication_bar_take             (GlossAdjudicationBar *self,
                                                       guint                 layer);
gboolean      gloss_adjudication_bar_reject           (GlossAdjudicationBar *self);

G_END_DECLS
