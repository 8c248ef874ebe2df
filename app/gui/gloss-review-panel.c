/* gloss-review-panel.c: colleagues' layers, agreement, disagreements and
 * adjudication, beside the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gloss-adjudication-bar.h"
#include "gloss-agreement.h"
#include "gloss-agreement-table.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-broken-files.h"
#include "gloss-codebook.h"
#include "gloss-coder-gaps.h"
#include "gloss-disagreement-row.h"
#include "gloss-document.h"
#include "gloss-review.h"
#include "gloss-review-session.h"
#include "gloss-layer.h"
#include "gloss-layer-row.h"
#include "gloss-review-panel.h"
#include "gloss-sidecar.h"
#include "gloss-tag-mapping.h"
#include "gloss-layer-drawing.h"

/*
 * The layers are the GlossReviewSession's (the window's: it draws the shown
 * ones before the panel is ever built).  A layer's switch shows it in the
 * article and takes it into the comparison; the own layer's highlights are
 * always drawn, so its switch only decides whether it is compared.
 *
 * Agreement and matching are recomputed on the main thread whenever the set
 * of compared layers, the tag mapping or the own layer changes (debounced):
 * both are sweeps over the annotations, milliseconds for an article (three
 * layers of 10 000 annotations take well under a second), so a worker thread
 * would buy little and would need copies of layers the user is editing.
 *
 * The tag mapping is the panel's (colleagues' tags missing from the user's
 * codebook, each compared as one of the user's tags or left alone): every
 * rebuild hands it to the new GlossReview and GlossAgreement.
 */

struct _GlossReviewPanel
{
  GtkWidget         parent_instance;

  /* Template children */
  GlossAdjudicationBar *adjudication_bar;
  GtkLabel         *agreement_summary;
  GlossAgreementTable *agreement_table;
  GlossBrokenFiles *broken_files;
  GtkLabel         *codebook_warning;
  GtkListView      *disagreement_list;
  GlossCoderGaps   *coder_gaps;
  AdwStatusPage    *empty_page;
  GtkDropDown      *kind_dropdown;
  GtkListBox       *layers_list;
  GtkStack         *list_stack;
  GlossTagMapping  *tag_mapping;
  GtkDropDown      *pair_dropdown;

  GlossReviewSession *session;  /* the window's, or the panel's own */
  GtkSingleSelection *selection;
  GtkStringList    *kinds;
  GtkStringList    *pairs;
  GlossReview      *review;
  GlossAgreement   *agreement;

  guint             updating_kinds : 1;
  guint             stale : 1;   /* rebuilt when shown or asked */
};

G_DEFINE_FINAL_TYPE (GlossReviewPanel, gloss_review_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  SHOW_RANGE,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_actions (GlossReviewPanel *self);

/**
 * gloss_review_panel_new:
 * @session: (nullable): the layers to show, compare and adjudicate; %NULL
 *   for a session of the panel's own
 *
 * Returns: (transfer floating): a new #GlossReviewPanel
 */
GtkWidget *
gloss_review_panel_new (GlossReviewSession *session)
{
  g_return_val_if_fail (session == NULL || GLOSS_IS_REVIEW_SESSION (session), NULL);
  return g_object_new (GLOSS_TYPE_REVIEW_PANEL, "session", session, NULL);
}

static void
message (GlossReviewPanel *self,
         const char       *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text, FALSE);
}

/* Layers list */

static GtkWidget *
create_layer_row (gpointer item,
                  gpointer user_data)
{
  return gloss_layer_row_new (item);
}

/* Agreement */

static void
fill_table (GlossReviewPanel *self)
{
  guint pair = gtk_drop_down_get_selected (self->pair_dropdown);

  gloss_agreement_table_set (self->agreement_table, self->agreement,
                             pair == GTK_INVALID_LIST_POSITION ? 0 : pair, gloss_review_session_get_own_codebook (self->session));
}

static void
pair_changed_cb (GlossReviewPanel *self)
{
  fill_table (self);
}

static void
compute_agreement (GlossReviewPanel *self,
                   GPtrArray        *sidecars)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *summary = NULL;
  guint length;

  g_clear_object (&self->agreement);
  gloss_coder_gaps_update (self->coder_gaps, NULL, sidecars);

  problems = gloss_agreement_compare_codebooks (sidecars);
  if (problems != NULL && problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (_("The codebooks differ:"));

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (text, "\n• %s", (const char *)g_ptr_array_index (problems, i));
      gtk_label_set_label (self->codebook_warning, text->str);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->codebook_warning), problems != NULL && problems->len > 0);

  if (sidecars->len < 2 || gloss_review_session_get_document (self->session) == NULL)
    {
      gtk_label_set_label (self->agreement_summary, _("Switch on at least two layers to compare them."));
      gtk_widget_set_visible (GTK_WIDGET (self->pair_dropdown), FALSE);
      gloss_agreement_table_set (self->agreement_table, NULL, 0, NULL);
      return;
    }

  length = gloss_document_get_length (gloss_review_session_get_document (self->session));
  self->agreement = gloss_review_session_new_agreement (self->session, sidecars, &error);
  if (self->agreement == NULL)
    {
      gtk_label_set_label (self->agreement_summary, error->message);
      gloss_agreement_table_set (self->agreement_table, NULL, 0, NULL);
      return;
    }

  /* Pairs, in the agreement's order. */
  {
    guint selected = gtk_drop_down_get_selected (self->pair_dropdown);
    guint n_pairs = gloss_agreement_get_n_pairs (self->agreement);
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

    for (guint p = 0; p < n_pairs; p++)
      {
        const GlossPairAgreement *pair = gloss_agreement_get_pair (self->agreement, NULL, p);

        g_ptr_array_add (labels, g_strdup_printf ("%s – %s",
                                                  gloss_agreement_get_annotator (self->agreement, pair->a),
                                                  gloss_agreement_get_annotator (self->agreement, pair->b)));
      }
    g_ptr_array_add (labels, NULL);
    g_signal_handlers_block_by_func (self->pair_dropdown, pair_changed_cb, self);
    gtk_string_list_splice (self->pairs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pairs)),
                            (const char * const *)labels->pdata);
    gtk_drop_down_set_selected (self->pair_dropdown, selected < n_pairs ? selected : 0);
    g_signal_handlers_unblock_by_func (self->pair_dropdown, pair_changed_cb, self);
    gtk_widget_set_visible (GTK_WIDGET (self->pair_dropdown), n_pairs > 1);
  }

  for (guint l = 0; l < gloss_agreement_get_n_layers (self->agreement); l++)
    g_string_append_printf (names, "%s%s", l > 0 ? ", " : "", gloss_agreement_get_annotator (self->agreement, l));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u code point", "%s · %u code points", length),
                             names->str, length);
  gtk_label_set_label (self->agreement_summary, summary);

  fill_table (self);
  gloss_coder_gaps_update (self->coder_gaps, self->agreement, sidecars);
}

/* Disagreements */

static GListModel *
current_items (GlossReviewPanel *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->review == NULL)
    return NULL;
  /* Entry 0 is every disagreement; entry k the kind k (unanimous is not listed). */
  if (kind == 0 || kind == GTK_INVALID_LIST_POSITION || kind >= GLOSS_REVIEW_N_KINDS)
    return gloss_review_get_disagreements (self->review);
  return gloss_review_get_kind_items (self->review, kind);
}

static void
update_empty (GlossReviewPanel *self)
{
  GListModel *model = current_items (self);
  gboolean empty = model == NULL || g_list_model_get_n_items (model) == 0;

  if (self->review == NULL || gloss_review_get_n_layers (self->review) < 2)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing to Compare"));
      adw_status_page_set_description (self->empty_page, _("Switch on at least two layers."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Disagreements"));
      adw_status_page_set_description (self->empty_page, NULL);
    }
  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
update_kinds (GlossReviewPanel *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  guint total = self->review ? g_list_model_get_n_items (gloss_review_get_disagreements (self->review)) : 0;

  /* Translators: entry of the disagreement kind filter, with a count */
  g_ptr_array_add (labels, g_strdup_printf (_("All (%u)"), total));
  for (guint k = GLOSS_REVIEW_KIND_SOME_LAYERS; k < GLOSS_REVIEW_N_KINDS; k++)
    {
      guint n = self->review ? g_list_model_get_n_items (gloss_review_get_kind_items (self->review, k)) : 0;

      /* Translators: a kind of disagreement and how many there are */
      g_ptr_array_add (labels, g_strdup_printf (_("%s (%u)"), gloss_review_kind_to_label (k), n));
    }
  g_ptr_array_add (labels, NULL);

  self->updating_kinds = TRUE;
  gtk_string_list_splice (self->kinds, 0, g_list_model_get_n_items (G_LIST_MODEL (self->kinds)),
                          (const char * const *)labels->pdata);
  gtk_drop_down_set_selected (self->kind_dropdown, selected < GLOSS_REVIEW_N_KINDS ? selected : 0);
  self->updating_kinds = FALSE;
}

static void
set_items_model (GlossReviewPanel *self,
                 GlossReviewItem  *keep)
{
  GListModel *model = current_items (self);

  gtk_single_selection_set_model (self->selection, model);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  /* The same disagreement stays selected across a refresh. */
  if (keep != NULL && model != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GlossReviewItem) item = g_list_model_get_item (model, i);

        if (gloss_review_item_get_start (item) == gloss_review_item_get_start (keep) &&
            gloss_review_item_get_end (item) == gloss_review_item_get_end (keep) &&
            gloss_review_item_get_kind (item) == gloss_review_item_get_kind (keep))
          {
            gtk_single_selection_set_selected (self->selection, i);
            break;
          }
      }
  update_empty (self);
  update_actions (self);
}

static void
kind_changed_cb (GlossReviewPanel *self)
{
  if (!self->updating_kinds)
    set_items_model (self, NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              GlossReviewPanel         *self)
{
  gtk_list_item_set_child (list_item, gloss_disagreement_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             GlossReviewPanel         *self)
{
  gloss_disagreement_row_bind (GLOSS_DISAGREEMENT_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item), self->review,
                               gloss_review_session_get_document (self->session),
                               gloss_review_session_get_own_codebook (self->session));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               GlossReviewPanel         *self)
{
  gloss_disagreement_row_unbind (GLOSS_DISAGREEMENT_ROW (gtk_list_item_get_child (list_item)));
}

static void
show_item (GlossReviewPanel *self,
           GlossReviewItem  *item)
{
  g_signal_emit (self, signals[SHOW_RANGE], 0,
                 gloss_review_item_get_start (item), gloss_review_item_get_end (item));
}

static void
disagreement_activate_cb (GlossReviewPanel *self,
                          guint             position)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  g_autoptr(GlossReviewItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    show_item (self, item);
}

static void
select_position (GlossReviewPanel *self,
                 guint             position)
{
  g_autoptr(GlossReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->disagreement_list), "list.scroll-to-item", "u", position);
  show_item (self, item);
}

static void freshen (GlossReviewPanel *self);

/**
 * gloss_review_panel_step:
 * @self: a #GlossReviewPanel
 * @cursor: the article's caret offset
 * @backward: to the previous disagreement
 *
 * Selects the next (previous) disagreement of the shown kind after the
 * selected one when the caret is still at its start, else after the caret,
 * and asks for it to be shown in the article.
 *
 * Returns: %FALSE when there is none that way
 */
gboolean
gloss_review_panel_step (GlossReviewPanel *self,
                         guint             cursor,
                         gboolean          backward)
{
  GListModel *model;
  guint n, selected;
  guint target = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), FALSE);

  freshen (self);
  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  if (n == 0)
    {
      message (self, _("No disagreements"));
      return FALSE;
    }

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (model, selected);

      if (gloss_review_item_get_start (item) == cursor)
        {
          if (!backward && selected + 1 < n)
            target = selected + 1;
          else if (backward && selected > 0)
            target = selected - 1;
          goto done;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      guint pos = backward ? n - 1 - i : i;
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (model, pos);
      guint start = gloss_review_item_get_start (item);

      if ((!backward && start >= cursor) || (backward && start < cursor))
        {
          target = pos;
          break;
        }
    }

done:
  if (target == GTK_INVALID_LIST_POSITION)
    {
      message (self, backward ? _("No earlier disagreement") : _("No later disagreement"));
      return FALSE;
    }
  select_position (self, target);
  return TRUE;
}

/* Building the comparison */

static void
build (GlossReviewPanel *self,
       gboolean          now)
{
  g_autoptr(GPtrArray) sidecars = gloss_review_session_get_compared (self->session);
  g_autoptr(GPtrArray) colleagues = g_ptr_array_new ();
  g_autoptr(GlossReviewItem) keep = NULL;
  GlossReviewItem *selected = gtk_single_selection_get_selected_item (self->selection);
  GlossLayer *own = gloss_review_session_get_own (self->session);

  if (selected != NULL)
    keep = g_object_ref (selected);
  for (guint i = 0; i < sidecars->len; i++)
    if (own == NULL || g_ptr_array_index (sidecars, i) != gloss_layer_get_sidecar (own))
      g_ptr_array_add (colleagues, g_ptr_array_index (sidecars, i));

  /* The user's own layer alone, in a panel nobody looks at: its review (a
   * sweep over all its annotations, a fifth to half a second right after a
   * long annotated article is drawn) waits until the panel is shown or
   * someone asks for it. */
  self->stale = !now && colleagues->len == 0 && !gtk_widget_get_mapped (GTK_WIDGET (self));
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->review);
  if (!self->stale)
    self->review = gloss_review_session_new_review (self->session, sidecars,
                                                    gloss_adjudication_bar_get_adjudication (self->adjudication_bar));

  gloss_tag_mapping_update (self->tag_mapping, colleagues);
  compute_agreement (self, sidecars);
  update_kinds (self);
  set_items_model (self, keep);
  gloss_adjudication_bar_set_review (self->adjudication_bar, self->review);

  /* The own layer's count follows its edits. */
  if (own != NULL)
    gloss_review_session_layer_changed (self->session, own);
}

static void
rebuild (GlossReviewPanel *self)
{
  build (self, FALSE);
}

static void
freshen (GlossReviewPanel *self)
{
  if (self->stale)
    build (self, TRUE);
}

/**
 * gloss_review_panel_set_own:
 * @self: a #GlossReviewPanel
 * @article: the article file
 * @document: its text
 * @own: the user's sidecar
 *
 * Shows @own as the editable layer.  For a new article, the colleagues'
 * sidecars beside it are loaded (asynchronously, read-only).
 */
void
gloss_review_panel_set_own (GlossReviewPanel *self,
                            GFile            *article,
                            GlossDocument    *document,
                            GlossSidecar     *own)
{
  GlossLayer *old;
  GFile *shown;

  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));
  g_return_if_fail (G_IS_FILE (article));
  g_return_if_fail (GLOSS_IS_SIDECAR (own));

  old = gloss_review_session_get_own (self->session);
  shown = gloss_review_session_get_article (self->session);
  if (old != NULL && gloss_layer_get_sidecar (old) == own && shown != NULL && g_file_equal (shown, article) &&
      gloss_review_session_get_document (self->session) == document)
    return;

  /* Another article: what was being adjudicated belongs to the last one. */
  if (gloss_review_session_set_own (self->session, article, document, own))
    gloss_adjudication_bar_reset (self->adjudication_bar);

  rebuild (self);
}

/**
 * gloss_review_panel_add_file:
 * @self: a #GlossReviewPanel
 * @file: a colleague's sidecar, from anywhere
 *
 * Loads @file as another read-only layer, matched to this article's text.
 */
void
gloss_review_panel_add_file (GlossReviewPanel *self,
                             GFile            *file)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));
  g_return_if_fail (G_IS_FILE (file));

  gloss_review_session_add_file (self->session, file);
}

static void
add_response_cb (GtkNativeDialog  *dialog,
                 int               response,
                 GlossReviewPanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        gloss_review_panel_add_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_layer_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  GlossReviewPanel *self = GLOSS_REVIEW_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add a Colleague’s Annotations"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Gloss annotation files"));
  gtk_file_filter_add_pattern (filter, "*" GLOSS_SIDECAR_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (gloss_review_session_get_article (self->session) != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (gloss_review_session_get_article (self->session));

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (add_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
update_actions (GlossReviewPanel *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add-layer",
                                 gloss_review_session_get_document (self->session) != NULL);
}

/* The bar decided: the rows show decisions. */
static void
decided_cb (GlossReviewPanel *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->disagreement_list));
}

/* Keys while adjudicating, wherever the focus is in the panel: A, B… take
 * a layer's version, R rejects; any other time the key goes on. */
static gboolean
take_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  GlossReviewPanel *self = GLOSS_REVIEW_PANEL (widget);

  return gloss_adjudication_bar_take (self->adjudication_bar, g_variant_get_uint32 (args));
}

static gboolean
reject_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  return gloss_adjudication_bar_reject (GLOSS_REVIEW_PANEL (widget)->adjudication_bar);
}

/* Public API */

GListModel *
gloss_review_panel_get_layers (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);
  return gloss_review_session_get_layers (self->session);
}

/**
 * gloss_review_panel_get_session:
 * @self: a #GlossReviewPanel
 *
 * Returns: (transfer none): the layers the panel shows and compares
 */
GlossReviewSession *
gloss_review_panel_get_session (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);
  return self->session;
}

gboolean
gloss_review_panel_get_loading (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), FALSE);
  return gloss_review_session_get_loading (self->session);
}

GlossReview *
gloss_review_panel_get_review (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);
  freshen (self);
  return self->review;
}

gboolean
_gloss_review_panel_get_stale (GlossReviewPanel *self)
{
  return self->stale;
}

GlossAgreement *
gloss_review_panel_get_agreement (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);
  freshen (self);
  return self->agreement;
}

GlossReviewItem *
gloss_review_panel_get_selected (GlossReviewPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_PANEL (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

GlossAgreementTable *
_gloss_review_panel_get_table (GlossReviewPanel *self)
{
  return self->agreement_table;
}

/**
 * gloss_review_panel_set_text_view:
 * @self: a #GlossReviewPanel
 * @text_view: (nullable): the article's view
 *
 * Where "Use Article Selection" of an edit decision reads the selection.
 */
void
gloss_review_panel_set_text_view (GlossReviewPanel *self,
                                  GtkTextView      *text_view)
{
  g_return_if_fail (GLOSS_IS_REVIEW_PANEL (self));
  g_return_if_fail (text_view == NULL || GTK_IS_TEXT_VIEW (text_view));

  gloss_adjudication_bar_set_text_view (self->adjudication_bar, text_view);
}

/* GObject */

static void
gloss_review_panel_dispose (GObject *object)
{
  GlossReviewPanel *self = (GlossReviewPanel *)object;
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_REVIEW_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->kinds);
  g_clear_object (&self->pairs);
  g_clear_object (&self->review);
  g_clear_object (&self->agreement);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gloss_review_panel_parent_class)->dispose (object);
}

static void
gloss_review_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossReviewPanel *self = GLOSS_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_review_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossReviewPanel *self = GLOSS_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The session may hold an article's layers already (the window's, given
 * when the Review page is first shown): the comparison is made when the
 * panel is shown or asked for it. */
static void
gloss_review_panel_constructed (GObject *object)
{
  GlossReviewPanel *self = GLOSS_REVIEW_PANEL (object);

  G_OBJECT_CLASS (gloss_review_panel_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = gloss_review_session_new ();
  g_signal_connect_object (self->session, "rebuild", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "message", G_CALLBACK (message), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->layers_list, gloss_review_session_get_layers (self->session), create_layer_row, self, NULL);
  gloss_adjudication_bar_set_session (self->adjudication_bar, self->session);
  gloss_tag_mapping_set_session (self->tag_mapping, self->session);
  gloss_coder_gaps_set_session (self->coder_gaps, self->session);
  gloss_broken_files_set_session (self->broken_files, self->session);
  self->stale = TRUE;

  /* Their first selection is a change: the session must be there. */
  self->kinds = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (self->kinds));
  self->pairs = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->pair_dropdown, G_LIST_MODEL (self->pairs));
  update_kinds (self);
  update_empty (self);
  update_actions (self);
}

static void
gloss_review_panel_class_init (GlossReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_review_panel_dispose;
  object_class->get_property = gloss_review_panel_get_property;
  object_class->set_property = gloss_review_panel_set_property;
  object_class->constructed = gloss_review_panel_constructed;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GLOSS_TYPE_REVIEW_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossReviewPanel::show-range:
   * @start: first code point
   * @end: end of the span
   *
   * A disagreement was chosen: the article should show and select it.
   */
  signals[SHOW_RANGE] =
    g_signal_new ("show-range", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * GlossReviewPanel::message:
   * @text: what happened, translated
   * @undoable: always %FALSE (the window's "message" shape)
   */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  g_type_ensure (GLOSS_TYPE_ADJUDICATION_BAR);
  g_type_ensure (GLOSS_TYPE_AGREEMENT_TABLE);
  g_type_ensure (GLOSS_TYPE_BROKEN_FILES);
  g_type_ensure (GLOSS_TYPE_CODER_GAPS);
  g_type_ensure (GLOSS_TYPE_TAG_MAPPING);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, adjudication_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, agreement_table);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, agreement_summary);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, broken_files);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, codebook_warning);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, coder_gaps);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, disagreement_list);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, layers_list);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, tag_mapping);
  gtk_widget_class_bind_template_child (widget_class, GlossReviewPanel, pair_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, disagreement_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_changed_cb);

  gtk_widget_class_install_action (widget_class, "review.add-layer", NULL, add_layer_action);
  for (guint l = 0; l < GLOSS_ADJUDICATION_BAR_TAKE_KEYS; l++)
    gtk_widget_class_add_binding (widget_class, GDK_KEY_a + l, 0, take_key_cb, "u", l);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_r, 0, reject_key_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reviewpanel");
}

static void
gloss_review_panel_init (GlossReviewPanel *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (freshen), NULL);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->disagreement_list, GTK_SELECTION_MODEL (self->selection));
  gloss_adjudication_bar_set_selection (self->adjudication_bar, self->selection);
  g_signal_connect_object (self->adjudication_bar, "select", G_CALLBACK (select_position), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->adjudication_bar, "decided", G_CALLBACK (decided_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->adjudication_bar, "message", G_CALLBACK (message), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->disagreement_list, factory);
  g_object_unref (factory);
}
