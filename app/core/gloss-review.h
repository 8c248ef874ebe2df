/* gloss-review.h: several annotators' layers side by side, their
 * disagreements, and adjudication into a new layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/*
 * Matching.  The annotations of all layers (orphaned ones left out, tags
 * passed through the tag map) are grouped into items:
 *
 * - an annotation whose span and tag appear in every layer forms, with one
 *   such annotation from each layer, a UNANIMOUS item;
 * - the others are joined when they come from different layers and either
 *   have the same tag and share a code point, or have the same span; each
 *   connected group is one item, of kind
 *     SOME_LAYERS  same span and tag throughout, but some layer lacks it
 *                  (with two layers: "present in one layer only");
 *     TAG          same span, different tags;
 *     SPAN         same tag, overlapping spans that differ;
 *     SPAN_AND_TAG both differ within the group.
 *
 * Items are sorted by start, then end, then kind.  Every kind but UNANIMOUS
 * is a disagreement.
 *
 * Adjudication writes a new sidecar.  gloss_review_begin_adjudication()
 * accepts every unanimous item at once (one undo step in the new layer's
 * history); each disagreement is then taken from one layer, edited, or
 * rejected.  Each adjudicated annotation is an ordinary annotation whose
 * record carries, beside the usual keys:
 *   "source_annotator"  the layer it was taken from,
 *   "source_id"         its id there,
 *   "decided_by"        who adjudicated,
 *   "decision"          "unanimous", "taken" or "edited".
 * It keeps its source's id (so links between annotations still resolve)
 * unless that id is already used in the new layer.
 *
 * Decisions that keep nothing (a rejection, or taking a layer that has
 * nothing there) are recorded in the sidecar's optional top-level member
 * "adjudication", so that a resumed adjudication, and a researcher reading
 * the file later, see them:
 *
 *   "adjudication": {
 *     "decided_by": "carol",
 *     "rejected": [
 *       { "start": 12, "end": 20, "kind": "tag",
 *         "annotations": [
 *           { "annotator": "alice", "id": "a1", "tag": "quote", "start": 12, "end": 20 },
 *           { "annotator": "bob", "id": "b7", "tag": "claim", "start": 12, "end": 20 } ],
 *         "taken_from": "bob",
 *         "decided_by": "carol",
 *         "decided": "2026-01-31T09:15:00Z" } ] }
 *
 * One record per item: "start"/"end" are the item's extent, "kind" its
 * machine name (gloss_review_kind_to_string()), "annotations" the layers'
 * annotations it grouped (tags as mapped), "decided" UTC.  "taken_from"
 * is there only when the decision was to take that layer, which has nothing
 * here.  A record is matched back to an item by the annotators and ids of
 * its annotations, else by start, end and kind.  Deciding an item anew, or
 * gloss_review_undecide(), replaces or removes its record.
 *
 * Every decision is one undo step of the new layer's GlossAnnotationSet,
 * record included (a rejection of an item nothing was kept from changes
 * only the record, and is a step all the same).  After undo or redo there
 * (or any edit by other means) call gloss_review_sync_decisions(), which
 * reads the decisions back from the provenance keys and the record; a
 * refresh does the same.
 */

typedef enum
{
  GLOSS_REVIEW_KIND_UNANIMOUS,
  GLOSS_REVIEW_KIND_SOME_LAYERS,
  GLOSS_REVIEW_KIND_TAG,
  GLOSS_REVIEW_KIND_SPAN,
  GLOSS_REVIEW_KIND_SPAN_AND_TAG,
} GlossReviewKind;

#define GLOSS_REVIEW_N_KINDS (GLOSS_REVIEW_KIND_SPAN_AND_TAG + 1)

typedef enum
{
  GLOSS_REVIEW_PENDING,
  GLOSS_REVIEW_ACCEPTED,     /* unanimous, accepted automatically */
  GLOSS_REVIEW_TAKEN,        /* one layer's annotations taken as they are */
  GLOSS_REVIEW_EDITED,       /* an annotation made by the adjudicator */
  GLOSS_REVIEW_REJECTED,     /* nothing goes into the new layer */
} GlossReviewDecision;

#define GLOSS_TYPE_REVIEW_KIND (gloss_review_kind_get_type ())
GType       gloss_review_kind_get_type      (void) G_GNUC_CONST;
#define GLOSS_TYPE_REVIEW_DECISION (gloss_review_decision_get_type ())
GType       gloss_review_decision_get_type  (void) G_GNUC_CONST;

/* A translated, human-readable name of the kind ("Different tag"…). */
const char *gloss_review_kind_to_label      (GlossReviewKind kind);
/* The stable machine name ("unanimous", "some-layers", "tag", "span", "span-and-tag"). */
const char *gloss_review_kind_to_string     (GlossReviewKind kind);

#define GLOSS_REVIEW_ERROR (gloss_review_error_quark ())

typedef enum
{
  GLOSS_REVIEW_ERROR_ANNOTATOR,     /* invalid annotator id for the new layer */
  GLOSS_REVIEW_ERROR_NOT_STARTED,   /* no adjudication begun */
} GlossReviewError;

GQuark gloss_review_error_quark (void);

#define GLOSS_TYPE_REVIEW_ITEM (gloss_review_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossReviewItem, gloss_review_item, GLOSS, REVIEW_ITEM, GObject)

GlossReviewKind      gloss_review_item_get_kind        (GlossReviewItem *self);
guint                gloss_review_item_get_start       (GlossReviewItem *self);
guint                gloss_review_item_get_end         (GlossReviewItem *self);
/* (element-type GlossAnnotation) (transfer none): the item's annotations in @layer, sorted */
GPtrArray           *gloss_review_item_get_annotations (GlossReviewItem *self,
                                                        guint            layer);
guint                gloss_review_item_get_n_layers    (GlossReviewItem *self);
GlossReviewDecision  gloss_review_item_get_decision    (GlossReviewItem *self);
/* (element-type GlossAnnotation) (transfer none): what the decision put into the new layer */
GPtrArray           *gloss_review_item_get_result      (GlossReviewItem *self);

#define GLOSS_TYPE_REVIEW (gloss_review_get_type ())
G_DECLARE_FINAL_TYPE (GlossReview, gloss_review, GLOSS, REVIEW, GObject)

GlossReview         *gloss_review_new                  (void);
guint                gloss_review_add_layer            (GlossReview     *self,
                                                        GlossSidecar    *sidecar);
guint                gloss_review_get_n_layers         (GlossReview     *self);
GlossSidecar        *gloss_review_get_layer            (GlossReview     *self,
                                                        guint            layer);
void                 gloss_review_map_tag              (GlossReview     *self,
                                                        const char      *from,
                                                        const char      *to);
void                 gloss_review_refresh              (GlossReview     *self);

/* GListModels of GlossReviewItem, kept up to date by gloss_review_refresh(). */
GListModel          *gloss_review_get_items            (GlossReview     *self);
GListModel          *gloss_review_get_disagreements    (GlossReview     *self);
GListModel          *gloss_review_get_kind_items       (GlossReview     *self,
                                                        GlossReviewKind  kind);
/* Keyboard navigation over the disagreements model: the first item starting
 * after (before) @offset.  FALSE when there is none. */
gboolean             gloss_review_find_next            (GlossReview     *self,
                                                        guint            offset,
                                                        guint           *position);
gboolean             gloss_review_find_previous        (GlossReview     *self,
                                                        guint            offset,
                                                        guint           *position);

/* Adjudication. */
GlossSidecar        *gloss_review_begin_adjudication   (GlossReview     *self,
                                                        const char      *annotator_id,
                                                        const char      *decided_by,
                                                        GError         **error);
GlossSidecar        *gloss_review_get_adjudication     (GlossReview     *self);
guint                gloss_review_get_n_pending        (GlossReview     *self);
gboolean             gloss_review_take                 (GlossReview     *self,
                                                        GlossReviewItem *item,
                                                        guint            layer);
gboolean             gloss_review_take_annotation      (GlossReview     *self,
                                                        GlossReviewItem *item,
                                                        GlossAnnotation *annotation);
GlossAnnotation     *gloss_review_edit                 (GlossReview     *self,
                                                        GlossReviewItem *item,
                                                        GlossAnnotation *base,
                                                        const char      *tag,
                                                        guint            start,
                                                        guint            end);
gboolean             gloss_review_reject               (GlossReview     *self,
                                                        GlossReviewItem *item);
gboolean             gloss_review_undecide             (GlossReview     *self,
                                                        GlossReviewItem *item);
void                 gloss_review_resume_adjudication  (GlossReview     *self,
                                                        GlossSidecar    *adjudication,
                                                        const char      *decided_by);
/* Whether @sidecar was written by an adjudication. */
gboolean             gloss_review_sidecar_is_adjudicated (GlossSidecar *sidecar);
/* Call after the adjudicated layer changed by other means (its undo/redo). */
void                 gloss_review_sync_decisions       (GlossReview     *self);

G_END_DECLS
