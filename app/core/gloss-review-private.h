/* gloss-review-private.h: what gloss-review.c shares with
 * gloss-review-adjudication.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-review.h"

G_BEGIN_DECLS

struct _GlossReviewItem
{
  GObject              parent_instance;

  GlossReviewKind      kind;
  guint                start;
  guint                end;
  GPtrArray          **layers;   /* n_layers arrays of GlossAnnotation */
  guint                n_layers;
  GlossReviewDecision  decision;
  GlossReviewDecision  synced;   /* scratch for gloss_review_sync_decisions() */
  GPtrArray           *result;
};

struct _GlossReview
{
  GObject       parent_instance;

  GPtrArray    *layers;         /* GlossSidecar */
  GHashTable   *tag_map;
  GListStore   *items;
  GListStore   *disagreements;
  GListStore   *kinds[GLOSS_REVIEW_N_KINDS];

  GlossSidecar *adjudication;
  char         *decided_by;
  /* Set by gloss-review-adjudication.c when an adjudication starts, so that
   * a rebuild carries its decisions over without the review calling into
   * its sibling (the two files do not call each other). */
  void        (*sync_decisions) (GlossReview *self);
};

void        _gloss_review_item_set_decision   (GlossReviewItem     *self,
                                               GlossReviewDecision  decision);
/* The tag @tag is compared as. */
const char *_gloss_review_map_tag             (GlossReview         *self,
                                               const char          *tag);
void        _gloss_review_notify_adjudication (GlossReview         *self);

G_END_DECLS
