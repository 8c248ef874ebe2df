/* gloss-adjudication-bar.c: the adjudication under the disagreement list:
 * start or resume it, take, edit or reject each disagreement, undo, save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-adjudication-bar.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-layer.h"
#include "gloss-sidecar.h"

/* Keys A… for taking a layer's version: as many as fit before R (reject). */
#define TAKE_KEYS GLOSS_ADJUDICATION_BAR_TAKE_KEYS

struct _GlossAdjudicationBar
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkStack           *stack;
  GtkEntry           *annotator_entry;
  GtkBox             *decision_box;
  GtkRevealer        *edit_revealer;
  GtkLabel           *edit_span_label;
  GtkDropDown        *edit_tag_dropdown;
  GtkLabel           *progress_label;
  GtkButton          *resume_button;
  GtkFlowBox         *take_box;

  GlossReviewSession *session;
  GtkSingleSelection *selection;
  GlossReview        *review;
  GlossSidecar       *adjudication;
  /* Where the last save went: replaced without asking. */
  GFile              *adjudication_file;
  GCancellable       *cancellable;

  /* Where "Use Article Selection" reads the selection (weak). */
  GtkTextView        *text_view;

  /* The edit being prepared: which item, tag ids of the dropdown, span. */
  GlossReviewItem    *edit_item;
  GtkStringList      *edit_labels;
  GPtrArray          *edit_tag_ids;
  guint               edit_start;
  guint               edit_end;
};

G_DEFINE_FINAL_TYPE (GlossAdjudicationBar, gloss_adjudication_bar, GTK_TYPE_WIDGET)

enum {
  SELECT,
  DECIDED,
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_actions (GlossAdjudicationBar *self);

GtkWidget *
gloss_adjudication_bar_new (void)
{
  return g_object_new (GLOSS_TYPE_ADJUDICATION_BAR, NULL);
}

static void
message (GlossAdjudicationBar *self,
         const char           *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

/* The panel scrolls its list to @position and shows it in the article. */
static void
select_position (GlossAdjudicationBar *self,
                 guint                 position)
{
  g_signal_emit (self, signals[SELECT], 0, position);
}

static void
update_progress (GlossAdjudicationBar *self)
{
  g_autofree char *text = NULL;
  guint pending;

  if (self->review == NULL || self->adjudication == NULL)
    return;

  pending = gloss_review_get_n_pending (self->review);
  if (pending == 0)
    text = g_strdup (_("All disagreements decided"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u disagreement left", "%u disagreements left", pending),
                            pending);
  gtk_label_set_label (self->progress_label, text);
}

static void
rebuild_take_buttons (GlossAdjudicationBar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->take_box))) != NULL)
    gtk_flow_box_remove (self->take_box, child);

  if (self->review == NULL)
    return;

  for (guint l = 0; l < gloss_review_get_n_layers (self->review); l++)
    {
      GlossSidecar *sidecar = gloss_review_get_layer (self->review, l);
      /* Translators: button taking one annotator's version of a disagreement */
      g_autofree char *label = g_strdup_printf (_("Take %s’s"), gloss_sidecar_get_annotator_label (sidecar));
      GtkWidget *button = gtk_button_new_with_label (label);
      g_autofree char *tooltip = NULL;

      if (l < TAKE_KEYS)
        /* Translators: %s is an annotator, %c the key that does it (A, B…) */
        tooltip = g_strdup_printf (_("Put %s’s annotations of this disagreement into the adjudicated layer (%c)"),
                                   gloss_sidecar_get_annotator_label (sidecar), 'A' + l);
      else
        tooltip = g_strdup_printf (_("Put %s’s annotations of this disagreement into the adjudicated layer"),
                                   gloss_sidecar_get_annotator_label (sidecar));

      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "adjudication.take");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", l);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_ELLIPSIZE_END);
      /* A long name must not widen the sidebar: the tooltip has it whole. */
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 14);
      gtk_flow_box_append (self->take_box, button);
    }
}

/* The adjudicated layer's row counts and its underlines in the article. */
static void
adjudication_changed (GlossAdjudicationBar *self)
{
  guint n = g_list_model_get_n_items (gloss_review_session_get_layers (self->session));
  g_autoptr(GlossLayer) last = n > 0 ? g_list_model_get_item (gloss_review_session_get_layers (self->session), n - 1) : NULL;

  if (last != NULL && gloss_layer_get_role (last) == GLOSS_LAYER_ROLE_ADJUDICATION)
    gloss_review_session_layer_changed (self->session, last);
}

/* The new layer changed: the progress, the actions and its layer row follow. */
static void
decisions_changed (GlossAdjudicationBar *self)
{
  update_progress (self);
  update_actions (self);
  adjudication_changed (self);
}

static void
after_decision (GlossAdjudicationBar *self,
                guint                 position)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  decisions_changed (self);

  /* On to the next undecided one. */
  for (guint i = position + 1; i < n; i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (model, i);

      if (gloss_review_item_get_decision (item) == GLOSS_REVIEW_PENDING)
        {
          select_position (self, i);
          return;
        }
    }
}

static GlossReviewItem *
selected_item (GlossAdjudicationBar *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Adjudicating, with an undecided disagreement selected. */
static gboolean
can_decide (GlossAdjudicationBar *self)
{
  GlossReviewItem *item = self->selection != NULL ? selected_item (self) : NULL;

  return item != NULL && self->adjudication != NULL && self->review != NULL &&
         gloss_review_item_get_decision (item) == GLOSS_REVIEW_PENDING;
}

gboolean
gloss_adjudication_bar_take (GlossAdjudicationBar *self,
                             guint                 layer)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION_BAR (self), FALSE);

  if (!can_decide (self))
    return FALSE;
  position = gtk_single_selection_get_selected (self->selection);
  if (gloss_review_take (self->review, selected_item (self), layer))
    after_decision (self, position);
  return TRUE;
}

gboolean
gloss_adjudication_bar_reject (GlossAdjudicationBar *self)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_ADJUDICATION_BAR (self), FALSE);

  if (!can_decide (self))
    return FALSE;
  position = gtk_single_selection_get_selected (self->selection);
  if (gloss_review_reject (self->review, selected_item (self)))
    after_decision (self, position);
  return TRUE;
}

static void
take_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  gloss_adjudication_bar_take (GLOSS_ADJUDICATION_BAR (widget), g_variant_get_uint32 (param));
}

static void
reject_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  gloss_adjudication_bar_reject (GLOSS_ADJUDICATION_BAR (widget));
}

static void
undecide_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (widget);
  GlossReviewItem *item = selected_item (self);

  if (item == NULL || self->adjudication == NULL)
    return;
  if (gloss_review_undecide (self->review, item))
    decisions_changed (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (widget);
  GlossAnnotationSet *set;

  if (self->adjudication == NULL)
    return;
  set = gloss_sidecar_get_annotations (self->adjudication);
  if (gloss_annotation_set_undo (set))
    {
      gloss_review_sync_decisions (self->review);
      decisions_changed (self);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (widget);

  if (self->adjudication == NULL)
    return;
  if (gloss_annotation_set_redo (gloss_sidecar_get_annotations (self->adjudication)))
    {
      gloss_review_sync_decisions (self->review);
      decisions_changed (self);
    }
}

/* Edit: the adjudicator's own annotation for a disagreement */

/* While the editor is open it stands in for the other decisions: the
 * sidebar is narrow, and the list above keeps the room. */
static void
show_editor (GlossAdjudicationBar *self,
             gboolean              shown)
{
  gtk_revealer_set_reveal_child (self->edit_revealer, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->take_box), !shown);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_box), !shown);
}

static void
close_editor (GlossAdjudicationBar *self)
{
  g_clear_object (&self->edit_item);
  show_editor (self, FALSE);
}

static void
update_edit_span (GlossAdjudicationBar *self)
{
  g_autofree char *slice = NULL;
  g_autofree char *text = NULL;
  guint length = gloss_review_session_get_document (self->session) ? gloss_document_get_length (gloss_review_session_get_document (self->session)) : 0;

  if (gloss_review_session_get_document (self->session) != NULL)
    {
      slice = gloss_document_get_slice (gloss_review_session_get_document (self->session), MIN (self->edit_start, length),
                                        MIN (MIN (self->edit_end, self->edit_start + 120), length));
      g_strdelimit (slice, "\n\t", ' ');
    }
  /* Translators: the span of the annotation being made: the text, then its offsets */
  text = g_strdup_printf (_("“%s” (%u–%u)"), slice ? slice : "", self->edit_start, self->edit_end);
  gtk_label_set_label (self->edit_span_label, text);
}

/* The first annotation of @item (with tag @tag, as compared, when given). */
static GlossAnnotation *
item_annotation (GlossAdjudicationBar *self,
                 GlossReviewItem      *item,
                 const char           *tag)
{
  for (guint l = 0; l < gloss_review_item_get_n_layers (item); l++)
    {
      GPtrArray *annotations = gloss_review_item_get_annotations (item, l);

      for (guint i = 0; annotations != NULL && i < annotations->len; i++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (annotations, i);

          if (tag == NULL || g_strcmp0 (gloss_review_session_get_mapped_tag (self->session, gloss_annotation_get_tag (annotation)), tag) == 0)
            return annotation;
        }
    }
  return NULL;
}

static void
add_edit_tag (GlossAdjudicationBar *self,
              const char           *id,
              const char           *label)
{
  for (guint i = 0; i < self->edit_tag_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->edit_tag_ids, i), id))
      return;
  g_ptr_array_add (self->edit_tag_ids, g_strdup (id));
  gtk_string_list_append (self->edit_labels, label);
}

static void
open_editor (GlossAdjudicationBar *self,
             GlossReviewItem      *item)
{
  GlossCodebook *codebook = gloss_review_session_get_own_codebook (self->session);
  GlossAnnotation *first = item_annotation (self, item, NULL);
  const char *tag = first ? gloss_review_session_get_mapped_tag (self->session, gloss_annotation_get_tag (first)) : NULL;
  guint selected = 0;

  if (codebook == NULL && self->adjudication != NULL)
    codebook = gloss_sidecar_get_codebook (self->adjudication);

  g_set_object (&self->edit_item, item);
  self->edit_start = gloss_review_item_get_start (item);
  self->edit_end = gloss_review_item_get_end (item);

  /* The codebook's tags, then any tag of the item it lacks. */
  g_ptr_array_set_size (self->edit_tag_ids, 0);
  gtk_string_list_splice (self->edit_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->edit_labels)), NULL);
  for (guint i = 0; codebook != NULL && i < gloss_codebook_get_n_tags (codebook); i++)
    {
      GlossTag *t = gloss_codebook_get_tag (codebook, i);

      add_edit_tag (self, gloss_tag_get_id (t), gloss_tag_get_label (t));
    }
  for (guint l = 0; l < gloss_review_item_get_n_layers (item); l++)
    {
      GPtrArray *annotations = gloss_review_item_get_annotations (item, l);

      for (guint i = 0; annotations != NULL && i < annotations->len; i++)
        {
          const char *id = gloss_review_session_get_mapped_tag (self->session, gloss_annotation_get_tag (g_ptr_array_index (annotations, i)));

          add_edit_tag (self, id, gloss_review_session_get_tag_label (self->session, gloss_review_get_layer (self->review, l), id));
        }
    }
  for (guint i = 0; tag != NULL && i < self->edit_tag_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->edit_tag_ids, i), tag))
      selected = i;
  gtk_drop_down_set_selected (self->edit_tag_dropdown, selected);

  update_edit_span (self);
  show_editor (self, TRUE);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (widget);
  GlossReviewItem *item = selected_item (self);

  if (item == NULL || self->adjudication == NULL)
    return;
  open_editor (self, item);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_tag_dropdown));
}

static void
edit_selection_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (widget);
  GtkTextIter start, end;

  if (self->edit_item == NULL || self->text_view == NULL)
    return;
  if (!gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (self->text_view), &start, &end))
    {
      message (self, _("Select a passage in the article first"));
      return;
    }
  self->edit_start = gtk_text_iter_get_offset (&start);
  self->edit_end = gtk_text_iter_get_offset (&end);
  update_edit_span (self);
  update_actions (self);
}

static void
edit_cancel_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (widget);

  close_editor (self);
  update_actions (self);
}

static void
edit_apply_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (widget);
  guint selected = gtk_drop_down_get_selected (self->edit_tag_dropdown);
  g_autoptr(GlossReviewItem) item = NULL;
  guint position = GTK_INVALID_LIST_POSITION;
  GlossAnnotation *base;
  const char *tag;

  if (self->edit_item == NULL || self->adjudication == NULL || selected >= self->edit_tag_ids->len ||
      self->edit_start >= self->edit_end)
    return;

  item = g_object_ref (self->edit_item);
  tag = g_ptr_array_index (self->edit_tag_ids, selected);
  /* The base gives provenance (so a resumed adjudication finds the
   * decision again) and keeps its note and attributes: one with the
   * chosen tag when there is one. */
  base = item_annotation (self, item, tag);
  if (base == NULL)
    base = item_annotation (self, item, NULL);

  if (gloss_review_edit (self->review, item, base, tag, self->edit_start, self->edit_end) == NULL)
    return;

  close_editor (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      g_autoptr(GlossReviewItem) other = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (other == item)
        position = i;
    }
  after_decision (self, position);
}

static void
start_adjudication (GlossAdjudicationBar *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = gtk_editable_get_text (GTK_EDITABLE (self->annotator_entry));
  GlossLayer *own = gloss_review_session_get_own (self->session);
  const char *decided_by = own ? gloss_sidecar_get_annotator_id (gloss_layer_get_sidecar (own)) : NULL;
  GlossSidecar *adjudication;

  if (self->review == NULL || self->adjudication != NULL)
    return;

  for (guint i = 0; i < gloss_review_get_n_layers (self->review); i++)
    if (g_strcmp0 (gloss_sidecar_get_annotator_id (gloss_review_get_layer (self->review, i)), id) == 0)
      {
        g_autofree char *text = g_strdup_printf (_("“%s” is already a compared layer; choose another annotator id"), id);

        message (self, text);
        return;
      }

  adjudication = gloss_review_begin_adjudication (self->review, id, decided_by, &error);
  if (adjudication == NULL)
    {
      message (self, error->message);
      return;
    }

  self->adjudication = g_object_ref (adjudication);
  if (gloss_sidecar_get_codebook (adjudication) == NULL && gloss_review_session_get_own_codebook (self->session) != NULL)
    gloss_sidecar_set_codebook (adjudication, gloss_review_session_get_own_codebook (self->session));
  gloss_sidecar_attach_document (adjudication, gloss_review_session_get_document (self->session));
  if (gloss_review_session_get_article (self->session) != NULL)
    {
      g_autoptr(GFile) file = gloss_sidecar_file_for_article (gloss_review_session_get_article (self->session), id);

      gloss_sidecar_set_file (adjudication, file);
    }
  gloss_review_session_add_layer (self->session, adjudication, GLOSS_LAYER_ROLE_ADJUDICATION, TRUE);

  gtk_stack_set_visible_child_name (self->stack, "running");
  rebuild_take_buttons (self);
  update_progress (self);
  update_actions (self);
  g_signal_emit (self, signals[DECIDED], 0);

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    select_position (self, 0);
}

static void
start_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  start_adjudication (GLOSS_ADJUDICATION_BAR (widget));
}

static void
annotator_activate_cb (GlossAdjudicationBar *self)
{
  start_adjudication (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GlossAdjudicationBar) self = user_data;
  g_autoptr(GError) error = NULL;
  GlossSidecar *sidecar = GLOSS_SIDECAR (object);

  if (!gloss_sidecar_save_finish (sidecar, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message (self, error->message);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (gloss_sidecar_get_file (sidecar));
    g_autofree char *text = g_strdup_printf (_("Adjudicated layer saved as “%s”"), name);

    g_set_object (&self->adjudication_file, gloss_sidecar_get_file (sidecar));
    message (self, text);
  }
}

static void
save_to (GlossAdjudicationBar  *self,
         GFile                 *file,
         GlossSidecarSaveFlags  flags)
{
  gloss_sidecar_set_file (self->adjudication, file);
  gloss_sidecar_save_async (self->adjudication, file, flags, self->cancellable, saved_cb, g_object_ref (self));
}

static void
replace_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     GlossAdjudicationBar *self)
{
  if (g_strcmp0 (response, "replace") == 0 && self->adjudication != NULL)
    {
      g_autoptr(GFile) file = gloss_sidecar_file_for_article (gloss_review_session_get_article (self->session),
                                                              gloss_sidecar_get_annotator_id (self->adjudication));

      save_to (self, file, GLOSS_SIDECAR_SAVE_OVERWRITE);
    }
}

static void save_checked (GlossAdjudicationBar *self);

static void
open_response_cb (AdwMessageDialog     *dialog,
                  const char           *response,
                  GlossAdjudicationBar *self)
{
  if (g_strcmp0 (response, "save") == 0 && self->adjudication != NULL)
    save_checked (self);
}

/* Saving with disagreements still open is allowed (the adjudication can be
 * resumed), but not by accident: what is open is not in the file. */
static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (widget);
  guint pending;
  GtkRoot *root;
  GtkWidget *dialog;

  if (self->adjudication == NULL || gloss_review_session_get_article (self->session) == NULL || self->review == NULL)
    return;

  pending = gloss_review_get_n_pending (self->review);
  if (pending == 0)
    {
      save_checked (self);
      return;
    }

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save With Open Disagreements?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u disagreement is not decided yet; the saved layer leaves it out. You can resume the adjudication later.",
                                               "%u disagreements are not decided yet; the saved layer leaves them out. You can resume the adjudication later.",
                                               pending),
                                  pending);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_checked (GlossAdjudicationBar *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GFile) file = NULL;
  GtkRoot *root;
  GtkWidget *dialog;
  g_autofree char *basename = NULL;

  file = gloss_sidecar_file_for_article (gloss_review_session_get_article (self->session), gloss_sidecar_get_annotator_id (self->adjudication));

  /* Our own earlier save is ours to replace; anything else asks first. */
  if ((self->adjudication_file != NULL && g_file_equal (file, self->adjudication_file)) ||
      !g_file_query_exists (file, NULL))
    {
      save_to (self, file, self->adjudication_file ? GLOSS_SIDECAR_SAVE_NONE : GLOSS_SIDECAR_SAVE_OVERWRITE);
      return;
    }

  root = gtk_widget_get_root (widget);
  basename = g_file_get_basename (file);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Replace the Existing File?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” already exists beside the article. Replacing it loses what it holds."),
                                  basename);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Resuming a saved adjudication */

/* A colleague layer written by an earlier adjudication. */
static GlossLayer *
saved_adjudication (GlossAdjudicationBar *self)
{
  guint n = g_list_model_get_n_items (gloss_review_session_get_layers (self->session));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (gloss_review_session_get_layers (self->session), i);

      if (gloss_layer_get_role (layer) == GLOSS_LAYER_ROLE_OTHER &&
          gloss_review_sidecar_is_adjudicated (gloss_layer_get_sidecar (layer)))
        return layer;  /* the store keeps it */
    }
  return NULL;
}

static void
update_resume (GlossAdjudicationBar *self)
{
  GlossLayer *saved = self->adjudication == NULL ? saved_adjudication (self) : NULL;

  if (saved != NULL)
    {
      GlossSidecar *sidecar = gloss_layer_get_sidecar (saved);
      /* Translators: button; %s is the annotator id of an adjudicated layer saved earlier */
      g_autofree char *label = g_strdup_printf (_("_Continue Adjudication “%s”"),
                                                gloss_sidecar_get_annotator_id (sidecar));
      guint n = gloss_annotation_set_get_size (gloss_sidecar_get_annotations (sidecar));
      g_autofree char *tooltip =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Go on deciding into the adjudicated layer saved beside the article (%u annotation)",
                                      "Go on deciding into the adjudicated layer saved beside the article (%u annotations)",
                                      n), n);

      gtk_button_set_label (self->resume_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->resume_button), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->resume_button), saved != NULL);
  update_actions (self);
}

static void
resume_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (widget);
  GlossLayer *saved = saved_adjudication (self);
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autofree char *text = NULL;
  guint pending;

  if (saved == NULL || self->adjudication != NULL || self->review == NULL)
    return;

  sidecar = g_object_ref (gloss_layer_get_sidecar (saved));
  gloss_review_session_remove_layer (self->session, saved);

  self->adjudication = g_object_ref (sidecar);
  /* It is the file being continued: saving replaces it without asking. */
  g_set_object (&self->adjudication_file, gloss_sidecar_get_file (sidecar));
  if (gloss_sidecar_get_codebook (sidecar) == NULL && gloss_review_session_get_own_codebook (self->session) != NULL)
    gloss_sidecar_set_codebook (sidecar, gloss_review_session_get_own_codebook (self->session));
  gtk_editable_set_text (GTK_EDITABLE (self->annotator_entry), gloss_sidecar_get_annotator_id (sidecar));
  gloss_review_session_add_layer (self->session, sidecar, GLOSS_LAYER_ROLE_ADJUDICATION, TRUE);

  /* The rebuild resumes into it: earlier decisions are read back. */
  gloss_review_session_rebuild (self->session);
  gtk_stack_set_visible_child_name (self->stack, "running");
  update_actions (self);

  pending = gloss_review_get_n_pending (self->review);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Continuing “%s”: %u disagreement left",
                                       "Continuing “%s”: %u disagreements left", pending),
                          gloss_sidecar_get_annotator_id (sidecar), pending);
  message (self, text);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (gloss_review_item_get_decision (item) == GLOSS_REVIEW_PENDING)
        {
          select_position (self, i);
          break;
        }
    }
}

static void
update_actions (GlossAdjudicationBar *self)
{
  GlossReviewItem *item = self->selection != NULL ? selected_item (self) : NULL;
  gboolean adjudicating = self->adjudication != NULL && self->review != NULL;
  gboolean pending = item != NULL && gloss_review_item_get_decision (item) == GLOSS_REVIEW_PENDING;
  gboolean decided = item != NULL && !pending;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "adjudication.start",
                                 self->review != NULL && gloss_review_get_n_layers (self->review) >= 2 &&
                                 self->adjudication == NULL);
  gtk_widget_action_set_enabled (widget, "adjudication.take", adjudicating && pending);
  gtk_widget_action_set_enabled (widget, "adjudication.reject", adjudicating && pending);
  gtk_widget_action_set_enabled (widget, "adjudication.undecide", adjudicating && decided);
  gtk_widget_action_set_enabled (widget, "adjudication.undo", adjudicating &&
                                 gloss_annotation_set_can_undo (gloss_sidecar_get_annotations (self->adjudication)));
  gtk_widget_action_set_enabled (widget, "adjudication.redo", adjudicating &&
                                 gloss_annotation_set_can_redo (gloss_sidecar_get_annotations (self->adjudication)));
  gtk_widget_action_set_enabled (widget, "adjudication.save", adjudicating);
  gtk_widget_action_set_enabled (widget, "adjudication.resume",
                                 self->adjudication == NULL && self->review != NULL &&
                                 gtk_widget_get_visible (GTK_WIDGET (self->resume_button)));
  gtk_widget_action_set_enabled (widget, "adjudication.edit", adjudicating && item != NULL);
  gtk_widget_action_set_enabled (widget, "adjudication.edit-cancel", self->edit_item != NULL);
  gtk_widget_action_set_enabled (widget, "adjudication.edit-selection", self->edit_item != NULL && self->text_view != NULL);
  gtk_widget_action_set_enabled (widget, "adjudication.edit-apply",
                                 adjudicating && self->edit_item != NULL && self->edit_start < self->edit_end &&
                                 self->edit_tag_ids->len > 0);
}

static void
selection_changed_cb (GlossAdjudicationBar *self)
{
  /* The editor belongs to the disagreement it was opened for. */
  if (self->edit_item != NULL && selected_item (self) != self->edit_item)
    close_editor (self);
  update_actions (self);
}

/* Public API */

void
gloss_adjudication_bar_set_session (GlossAdjudicationBar *self,
                                    GlossReviewSession   *session)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION_BAR (self));
  g_return_if_fail (session == NULL || GLOSS_IS_REVIEW_SESSION (session));

  g_set_object (&self->session, session);
}

void
gloss_adjudication_bar_set_selection (GlossAdjudicationBar *self,
                                      GtkSingleSelection   *selection)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION_BAR (self));
  g_return_if_fail (selection == NULL || GTK_IS_SINGLE_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "items-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
    }
  update_actions (self);
}

void
gloss_adjudication_bar_set_text_view (GlossAdjudicationBar *self,
                                      GtkTextView          *text_view)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION_BAR (self));
  g_return_if_fail (text_view == NULL || GTK_IS_TEXT_VIEW (text_view));

  g_set_weak_pointer (&self->text_view, text_view);
  update_actions (self);
}

void
gloss_adjudication_bar_set_review (GlossAdjudicationBar *self,
                                   GlossReview          *review)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION_BAR (self));
  g_return_if_fail (review == NULL || GLOSS_IS_REVIEW (review));

  g_set_object (&self->review, review);
  close_editor (self);
  rebuild_take_buttons (self);
  update_progress (self);
  update_resume (self);
}

GlossSidecar *
gloss_adjudication_bar_get_adjudication (GlossAdjudicationBar *self)
{
  g_return_val_if_fail (GLOSS_IS_ADJUDICATION_BAR (self), NULL);
  return self->adjudication;
}

void
gloss_adjudication_bar_reset (GlossAdjudicationBar *self)
{
  g_return_if_fail (GLOSS_IS_ADJUDICATION_BAR (self));

  g_clear_object (&self->adjudication);
  g_clear_object (&self->adjudication_file);
  close_editor (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
  update_actions (self);
}

/* GObject */

static void
gloss_adjudication_bar_dispose (GObject *object)
{
  GlossAdjudicationBar *self = GLOSS_ADJUDICATION_BAR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ADJUDICATION_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_weak_pointer (&self->text_view);
  g_clear_object (&self->edit_item);
  g_clear_object (&self->edit_labels);
  g_clear_pointer (&self->edit_tag_ids, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->review);
  g_clear_object (&self->adjudication);
  g_clear_object (&self->adjudication_file);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gloss_adjudication_bar_parent_class)->dispose (object);
}

static void
gloss_adjudication_bar_class_init (GlossAdjudicationBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_adjudication_bar_dispose;

  /**
   * GlossAdjudicationBar::select:
   * @position: in the selection's model
   *
   * The disagreement at @position is the next to decide: the list should
   * select it and the article show it.
   */
  signals[SELECT] =
    g_signal_new ("select", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * GlossAdjudicationBar::decided:
   *
   * Decisions changed (the adjudication started): rows showing them redraw.
   */
  signals[DECIDED] =
    g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GlossAdjudicationBar::message:
   * @text: what happened, translated
   */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-adjudication-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationBar, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationBar, annotator_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationBar, decision_box);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationBar, edit_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationBar, edit_span_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationBar, edit_tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationBar, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationBar, resume_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAdjudicationBar, take_box);
  gtk_widget_class_bind_template_callback (widget_class, annotator_activate_cb);

  gtk_widget_class_install_action (widget_class, "adjudication.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "adjudication.take", "u", take_action);
  gtk_widget_class_install_action (widget_class, "adjudication.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "adjudication.undecide", NULL, undecide_action);
  gtk_widget_class_install_action (widget_class, "adjudication.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "adjudication.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "adjudication.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "adjudication.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "adjudication.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "adjudication.edit-selection", NULL, edit_selection_action);
  gtk_widget_class_install_action (widget_class, "adjudication.edit-cancel", NULL, edit_cancel_action);
  gtk_widget_class_install_action (widget_class, "adjudication.edit-apply", NULL, edit_apply_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "adjudicationbar");
}

static void
gloss_adjudication_bar_init (GlossAdjudicationBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->edit_tag_ids = g_ptr_array_new_with_free_func (g_free);
  self->edit_labels = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->edit_tag_dropdown, G_LIST_MODEL (self->edit_labels));
  update_actions (self);
}
