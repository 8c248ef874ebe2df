/* gloss-review-session.h: the layers of one article under review (the
 * user's, the colleagues' beside it, the adjudicated one), how tags are
 * compared, and when the comparison must be made again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-agreement.h"
#include "gloss-layer.h"
#include "gloss-review.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_REVIEW_SESSION (gloss_review_session_get_type ())
G_DECLARE_FINAL_TYPE (GlossReviewSession, gloss_review_session, GLOSS, REVIEW_SESSION, GObject)

/*
 * One GlossLayer per annotator file: the user's own (first), the colleagues'
 * beside the article or added by hand (read-only: never written, ordered by
 * annotator id, each with a colour and stripe style of their own), and while
 * adjudicating the layer being written (last).
 *
 * A layer's visibility shows it in the article and takes it into the
 * comparison; the adjudicated layer is never compared.  The session emits
 * ::rebuild when the comparison must be made again: at once when a layer is
 * switched or the files are loaded, 250 ms after the last edit of a compared
 * own layer (debounced), or when asked.  ::message carries what the user
 * should read (a file added by hand that is already listed…).
 *
 * A colleague's file that cannot be read is not a layer: it is listed in
 * the broken files with its whole error, watched, and read again when it
 * changes on disk (or when asked), until it reads (it then becomes a layer)
 * or is gone.
 */

GlossReviewSession *gloss_review_session_new            (void);

/* Returns: TRUE when @article or @document is new (the colleagues' files
 * beside it are then listed and loaded, asynchronously), FALSE when only the
 * own layer was replaced (or nothing changed). */
gboolean            gloss_review_session_set_own        (GlossReviewSession *self,
                                                         GFile              *article,
                                                         GlossDocument      *document,
                                                         GlossSidecar       *own);
/* A colleague's file from anywhere, matched to the article's text. */
void                gloss_review_session_add_file       (GlossReviewSession *self,
                                                         GFile              *file);
GlossLayer         *gloss_review_session_add_layer      (GlossReviewSession *self,
                                                         GlossSidecar       *sidecar,
                                                         GlossLayerRole      role,
                                                         gboolean            visible);
void                gloss_review_session_remove_layer   (GlossReviewSession *self,
                                                         GlossLayer         *layer);
/* (element-type GFile): the colleagues' files that could not be read, in
 * the order they failed */
GListModel         *gloss_review_session_get_broken     (GlossReviewSession *self);
/* (nullable): why @file could not be read (translated, whole) */
const char         *gloss_review_session_get_problem    (GlossReviewSession *self,
                                                         GFile              *file);
/* Reads a broken file again (the user says it is fixed). */
void                gloss_review_session_retry_file     (GlossReviewSession *self,
                                                         GFile              *file);
/* Re-inserts @layer so that lists bound to the model redraw its row. */
void                gloss_review_session_layer_changed  (GlossReviewSession *self,
                                                         GlossLayer         *layer);

GFile              *gloss_review_session_get_article    (GlossReviewSession *self);
GlossDocument      *gloss_review_session_get_document   (GlossReviewSession *self);
/* (element-type GlossLayer): every layer, and the ones the article draws */
GListModel         *gloss_review_session_get_layers     (GlossReviewSession *self);
GListModel         *gloss_review_session_get_shown      (GlossReviewSession *self);
/* (nullable) (transfer none) */
GlossLayer         *gloss_review_session_get_own        (GlossReviewSession *self);
gboolean            gloss_review_session_get_loading    (GlossReviewSession *self);
/* (element-type GlossSidecar) (transfer container): the compared layers, in order */
GPtrArray          *gloss_review_session_get_compared   (GlossReviewSession *self);

/* Tag id as written by a colleague → tag id it is compared as (NULL: none). */
void                gloss_review_session_map_tag        (GlossReviewSession *self,
                                                         const char         *from,
                                                         const char         *to);
/* (transfer none): from → to */
GHashTable         *gloss_review_session_get_tag_map    (GlossReviewSession *self);
/* Whether @annotator's layer is left out of @tag's agreement. */
void                gloss_review_session_set_excluded   (GlossReviewSession *self,
                                                         const char         *annotator,
                                                         const char         *tag,
                                                         gboolean            excluded);
gboolean            gloss_review_session_is_excluded    (GlossReviewSession *self,
                                                         const char         *annotator,
                                                         const char         *tag);

/* (nullable) (transfer none): the codebook of the user's own layer */
GlossCodebook      *gloss_review_session_get_own_codebook (GlossReviewSession *self);
/* The tag @tag_id is compared as (itself when not mapped). */
const char         *gloss_review_session_get_mapped_tag   (GlossReviewSession *self,
                                                           const char         *tag_id);
/* The user's label for @tag_id, else @sidecar's, else the id itself. */
const char         *gloss_review_session_get_tag_label    (GlossReviewSession *self,
                                                           GlossSidecar       *sidecar,
                                                           const char         *tag_id);

/* Whether @sidecar has a placed annotation compared as @tag. */
gboolean            gloss_review_session_codes_tag        (GlossReviewSession *self,
                                                           GlossSidecar       *sidecar,
                                                           const char         *tag);
/* (transfer full): the disagreements between @sidecars (element-type
 * GlossSidecar) under the tag map; while adjudicating, @adjudication's
 * earlier decisions read back. */
GlossReview        *gloss_review_session_new_review       (GlossReviewSession *self,
                                                           GPtrArray          *sidecars,
                                                           GlossSidecar       *adjudication);
/* (transfer full) (nullable): the agreement between @sidecars over the
 * article, under the tag map and the exclusions; NULL with @error when it
 * cannot be computed. */
GlossAgreement     *gloss_review_session_new_agreement    (GlossReviewSession *self,
                                                           GPtrArray          *sidecars,
                                                           GError            **error);

/* ::rebuild after @delay_ms (0: from the main loop's next turn). */
void                gloss_review_session_queue_rebuild  (GlossReviewSession *self,
                                                         guint               delay_ms);
/* ::rebuild now, and no pending one. */
void                gloss_review_session_rebuild        (GlossReviewSession *self);

G_END_DECLS
