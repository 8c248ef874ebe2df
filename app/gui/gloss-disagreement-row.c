/* gloss-disagreement-row.c: one disagreement of the review's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-codebook.h"
#include "gloss-disagreement-row.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"

struct _GlossDisagreementRow
{
  GtkWidget        parent_instance;

  /* Template children */
  GtkBox          *box;
  GtkLabel        *excerpt_label;
  GtkLabel        *kind_label;
  GtkLabel        *who_label;

  GlossReviewItem *item;
  GlossReview     *review;
  GlossDocument   *document;
  GlossCodebook   *codebook;
};

G_DEFINE_FINAL_TYPE (GlossDisagreementRow, gloss_disagreement_row, GTK_TYPE_WIDGET)

GtkWidget *
gloss_disagreement_row_new (void)
{
  return g_object_new (GLOSS_TYPE_DISAGREEMENT_ROW, NULL);
}

/* The user's label for a tag, else the layer's, else its id. */
static const char *
tag_label (GlossDisagreementRow *self,
           GlossSidecar         *sidecar,
           const char           *tag_id)
{
  GlossTag *tag = self->codebook ? gloss_codebook_lookup (self->codebook, tag_id) : NULL;

  if (tag == NULL && sidecar != NULL && gloss_sidecar_get_codebook (sidecar) != NULL)
    tag = gloss_codebook_lookup (gloss_sidecar_get_codebook (sidecar), tag_id);
  return tag ? gloss_tag_get_label (tag) : tag_id;
}

#define PASSAGE_MAX 48

/* The text an annotation covers, on one line; a long one keeps both ends,
 * where two spans of one passage differ. */
static char *
passage_text (GlossDisagreementRow *self,
              GlossAnnotation  *annotation)
{
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);
  g_autofree char *text = NULL;
  glong n;

  if (self->document != NULL && gloss_annotation_get_anchor_status (annotation) != GLOSS_ANCHOR_ORPHANED)
    {
      guint length = gloss_document_get_length (self->document);

      text = gloss_document_get_slice (self->document, MIN (start, length), MIN (end, length));
    }
  else
    text = g_strdup (gloss_annotation_get_text (annotation) ? gloss_annotation_get_text (annotation) : "");
  g_strdelimit (text, "\n\t", ' ');

  n = g_utf8_strlen (text, -1);
  if (n > PASSAGE_MAX)
    {
      g_autofree char *head = g_utf8_substring (text, 0, PASSAGE_MAX / 2);
      g_autofree char *tail = g_utf8_substring (text, n - PASSAGE_MAX / 2, n);

      return g_strconcat (head, "…", tail, NULL);
    }
  return g_steal_pointer (&text);
}

static char *
item_who (GlossDisagreementRow *self,
          GlossReviewItem      *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GlossReviewKind kind = gloss_review_item_get_kind (item);
  gboolean spans_differ = kind == GLOSS_REVIEW_KIND_SPAN || kind == GLOSS_REVIEW_KIND_SPAN_AND_TAG;

  for (guint l = 0; l < gloss_review_item_get_n_layers (item); l++)
    {
      GlossSidecar *sidecar = gloss_review_get_layer (self->review, l);
      GPtrArray *annotations = gloss_review_item_get_annotations (item, l);

      if (l > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s: ", gloss_sidecar_get_annotator_label (sidecar));
      if (annotations == NULL || annotations->len == 0)
        g_string_append (text, "—");
      for (guint i = 0; annotations != NULL && i < annotations->len; i++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
          guint start = gloss_annotation_get_start (annotation);
          guint end = gloss_annotation_get_end (annotation);

          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, tag_label (self, sidecar, gloss_annotation_get_tag (annotation)));
          /* Spans are worth showing when they are what differs: as the
           * passage each covers, not as offsets. */
          if (spans_differ ||
              start != gloss_review_item_get_start (item) || end != gloss_review_item_get_end (item))
            {
              g_autofree char *passage = passage_text (self, annotation);

              g_string_append_printf (text, " “%s”", passage);
            }
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the decision put into the adjudicated layer, in a few words. */
static char *
decision_text (GlossDisagreementRow *self,
               GlossReviewItem  *item)
{
  GPtrArray *result = gloss_review_item_get_result (item);
  GlossAnnotation *first = result != NULL && result->len > 0 ? g_ptr_array_index (result, 0) : NULL;

  switch (gloss_review_item_get_decision (item))
    {
    case GLOSS_REVIEW_ACCEPTED:
      return g_strdup (_("Accepted"));
    case GLOSS_REVIEW_TAKEN:
      if (first != NULL && gloss_annotation_get_extra (first) != NULL)
        {
          const char *source = json_object_get_string_member_with_default (gloss_annotation_get_extra (first),
                                                                           "source_annotator", NULL);

          for (guint l = 0; source != NULL && l < gloss_review_get_n_layers (self->review); l++)
            {
              GlossSidecar *sidecar = gloss_review_get_layer (self->review, l);

              if (g_strcmp0 (gloss_sidecar_get_annotator_id (sidecar), source) == 0)
                /* Translators: decision on a disagreement: %s's annotations were taken */
                return g_strdup_printf (_("Taken: %s’s"), gloss_sidecar_get_annotator_label (sidecar));
            }
        }
      return g_strdup (_("Taken"));
    case GLOSS_REVIEW_EDITED:
      if (first != NULL)
        /* Translators: decision on a disagreement: the adjudicator's own annotation with tag %s */
        return g_strdup_printf (_("Edited: %s"), tag_label (self, gloss_review_get_adjudication (self->review), gloss_annotation_get_tag (first)));
      return g_strdup (_("Edited"));
    case GLOSS_REVIEW_REJECTED:
      return g_strdup (_("Rejected"));
    case GLOSS_REVIEW_PENDING:
    default:
      return NULL;
    }
}

static void
update (GlossDisagreementRow *self)
{
  GlossReviewItem *item = self->item;
  g_autofree char *slice = NULL;
  g_autofree char *who_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *decision = NULL;
  const char *kind;
  guint start, end;

  if (item == NULL || self->review == NULL)
    return;

  start = gloss_review_item_get_start (item);
  end = gloss_review_item_get_end (item);
  if (self->document != NULL)
    {
      guint length = gloss_document_get_length (self->document);

      slice = gloss_document_get_slice (self->document, MIN (start, length), MIN (MIN (end, start + 80), length));
      g_strdelimit (slice, "\n\t", ' ');
    }

  kind = gloss_review_kind_to_label (gloss_review_item_get_kind (item));
  decision = gloss_review_get_adjudication (self->review) ? decision_text (self, item) : NULL;
  if (decision != NULL)
    kind_text = g_strdup_printf ("%s · %s", kind, decision);
  else
    kind_text = g_strdup (kind);
  gtk_label_set_label (self->kind_label, kind_text);
  gtk_label_set_label (self->excerpt_label, slice ? slice : "");
  who_text = item_who (self, item);
  gtk_label_set_label (self->who_label, who_text);

  if (decision != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "decided");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "decided");
}

void
gloss_disagreement_row_bind (GlossDisagreementRow *self,
                             GlossReviewItem      *item,
                             GlossReview          *review,
                             GlossDocument        *document,
                             GlossCodebook        *codebook)
{
  g_return_if_fail (GLOSS_IS_DISAGREEMENT_ROW (self));
  g_return_if_fail (GLOSS_IS_REVIEW_ITEM (item));

  gloss_disagreement_row_unbind (self);
  self->item = g_object_ref (item);
  g_set_object (&self->review, review);
  g_set_object (&self->document, document);
  g_set_object (&self->codebook, codebook);
  g_signal_connect_object (item, "notify::decision", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

void
gloss_disagreement_row_unbind (GlossDisagreementRow *self)
{
  g_return_if_fail (GLOSS_IS_DISAGREEMENT_ROW (self));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_clear_object (&self->item);
  g_clear_object (&self->review);
  g_clear_object (&self->document);
  g_clear_object (&self->codebook);
}

static void
gloss_disagreement_row_dispose (GObject *object)
{
  GlossDisagreementRow *self = GLOSS_DISAGREEMENT_ROW (object);

  gloss_disagreement_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_DISAGREEMENT_ROW);

  G_OBJECT_CLASS (gloss_disagreement_row_parent_class)->dispose (object);
}

static void
gloss_disagreement_row_class_init (GlossDisagreementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_disagreement_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-disagreement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDisagreementRow, box);
  gtk_widget_class_bind_template_child (widget_class, GlossDisagreementRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDisagreementRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDisagreementRow, who_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "disagreementrow");
}

static void
gloss_disagreement_row_init (GlossDisagreementRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
