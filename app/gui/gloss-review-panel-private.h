/* gloss-review-panel-private.h: what the review panel shares with its
 * adjudication half (gloss-review-panel-adjudication.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-agreement.h"
#include "gloss-agreement-table.h"
#include "gloss-review.h"
#include "gloss-review-panel.h"
#include "gloss-review-session.h"

G_BEGIN_DECLS

struct _GlossReviewPanel
{
  GtkWidget         parent_instance;

  /* Template children */
  GtkStack         *adjudication_stack;
  GtkLabel         *agreement_summary;
  GlossAgreementTable *agreement_table;
  GtkEntry         *annotator_entry;
  GtkLabel         *codebook_warning;
  GtkBox           *decision_box;
  GtkListView      *disagreement_list;
  GtkRevealer      *edit_revealer;
  GtkLabel         *edit_span_label;
  GtkDropDown      *edit_tag_dropdown;
  GtkListBox       *gaps_list;
  AdwStatusPage    *empty_page;
  GtkDropDown      *kind_dropdown;
  GtkListBox       *layers_list;
  GtkStack         *list_stack;
  GtkBox           *mapping_box;
  GtkListBox       *mapping_list;
  GtkDropDown      *pair_dropdown;
  GtkLabel         *progress_label;
  GtkButton        *resume_button;
  GtkFlowBox       *take_box;

  GFile            *article;
  GlossDocument    *document;
  GlossReviewSession *session;
  GtkSingleSelection *selection;
  GtkStringList    *kinds;
  GtkStringList    *pairs;
  GlossReview      *review;
  GlossAgreement   *agreement;
  GlossSidecar     *adjudication;
  GFile            *adjudication_file;
  GCancellable     *cancellable;

  /* Where "Use Article Selection" reads the selection (weak). */
  GtkTextView      *text_view;

  /* The foreign tags the mapping rows were made for. */
  char             *mapping_signature;

  /* The edit being prepared: which item, tag ids of the dropdown, span. */
  GlossReviewItem  *edit_item;
  GtkStringList    *edit_labels;
  GPtrArray        *edit_tag_ids;
  guint             edit_start;
  guint             edit_end;

  guint             updating_kinds : 1;
};

/* gloss-review-panel.c */
void             _gloss_review_panel_add_layer       (GlossReviewPanel *self,
                                                      GlossSidecar     *sidecar,
                                                      GlossLayerRole    role,
                                                      gboolean          visible);
void             _gloss_review_panel_layer_changed   (GlossReviewPanel *self,
                                                      GlossLayer       *layer);
const char      *_gloss_review_panel_mapped_tag      (GlossReviewPanel *self,
                                                      const char       *tag_id);
void             _gloss_review_panel_message         (GlossReviewPanel *self,
                                                      const char       *text);
GlossCodebook   *_gloss_review_panel_own_codebook    (GlossReviewPanel *self);
GlossLayer      *_gloss_review_panel_own_layer       (GlossReviewPanel *self);
void             _gloss_review_panel_rebuild         (GlossReviewPanel *self);
void             _gloss_review_panel_select_position (GlossReviewPanel *self,
                                                      guint             position);
const char      *_gloss_review_panel_sidecar_title   (GlossSidecar     *sidecar);
const char      *_gloss_review_panel_tag_label       (GlossReviewPanel *self,
                                                      GlossSidecar     *sidecar,
                                                      const char       *tag_id);
void             _gloss_review_panel_update_actions  (GlossReviewPanel *self);

/* gloss-review-panel-adjudication.c */
void             _gloss_review_panel_class_init_adjudication (GtkWidgetClass *widget_class);
void             _gloss_review_panel_close_editor         (GlossReviewPanel *self);
void             _gloss_review_panel_rebuild_take_buttons (GlossReviewPanel *self);
void             _gloss_review_panel_update_progress      (GlossReviewPanel *self);
void             _gloss_review_panel_update_resume        (GlossReviewPanel *self);
GlossReviewItem *_gloss_review_panel_selected_item        (GlossReviewPanel *self);

G_END_DECLS
