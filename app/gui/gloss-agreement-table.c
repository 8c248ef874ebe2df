/* gloss-agreement-table.c: agreement per tag, a GtkColumnView over the
 * agreement's tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-agreement-table.h"
#include "gloss-codebook.h"

struct _GlossAgreementTable
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkColumnView  *column_view;
  GtkStringList  *rows;          /* "" for Overall, then the tag ids */

  GlossAgreement *agreement;
  GlossCodebook  *codebook;
  guint           pair;
};

G_DEFINE_FINAL_TYPE (GlossAgreementTable, gloss_agreement_table, GTK_TYPE_WIDGET)

GtkWidget *
gloss_agreement_table_new (void)
{
  return g_object_new (GLOSS_TYPE_AGREEMENT_TABLE, NULL);
}

static char *
format_number (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.3f", value);
}

static char *
cell_text (GlossAgreementTable  *self,
           GlossAgreementColumn  column,
           const char           *tag_id)
{
  const char *tag = tag_id != NULL && *tag_id != '\0' ? tag_id : NULL;
  const GlossPairAgreement *pair;

  if (self->agreement == NULL)
    return NULL;

  switch (column)
    {
    case GLOSS_AGREEMENT_COLUMN_TAG:
      if (tag == NULL)
        return g_strdup (_("Overall"));
      {
        GlossTag *known = self->codebook ? gloss_codebook_lookup (self->codebook, tag) : NULL;

        return g_strdup (known ? gloss_tag_get_label (known) : tag);
      }
    case GLOSS_AGREEMENT_COLUMN_ALPHA:
      return format_number (gloss_agreement_get_alpha (self->agreement, tag));
    case GLOSS_AGREEMENT_COLUMN_FLEISS:
      return format_number (gloss_agreement_get_fleiss_kappa (self->agreement, tag));
    case GLOSS_AGREEMENT_COLUMN_KAPPA:
    case GLOSS_AGREEMENT_COLUMN_F1_EXACT:
    case GLOSS_AGREEMENT_COLUMN_F1_OVERLAP:
      pair = gloss_agreement_get_pair (self->agreement, tag, self->pair);
      if (pair == NULL)
        return format_number (NAN);
      return format_number (column == GLOSS_AGREEMENT_COLUMN_KAPPA ? pair->cohen_kappa :
                            column == GLOSS_AGREEMENT_COLUMN_F1_EXACT ? pair->f1_exact : pair->f1_overlap);
    case GLOSS_AGREEMENT_N_COLUMNS:
    default:
      return NULL;
    }
}

void
gloss_agreement_table_set (GlossAgreementTable *self,
                           GlossAgreement      *agreement,
                           guint                pair,
                           GlossCodebook       *codebook)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char * const *tags;

  g_return_if_fail (GLOSS_IS_AGREEMENT_TABLE (self));

  g_set_object (&self->agreement, agreement);
  g_set_object (&self->codebook, codebook);
  self->pair = agreement != NULL && pair < gloss_agreement_get_n_pairs (agreement) ? pair : 0;

  if (agreement != NULL)
    {
      g_ptr_array_add (ids, (gpointer)"");
      tags = gloss_agreement_get_tags (agreement);
      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        g_ptr_array_add (ids, (gpointer)tags[i]);
    }
  g_ptr_array_add (ids, NULL);

  /* Every row again: the numbers changed even where the tags did not. */
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char * const *)ids->pdata);
  gtk_widget_set_visible (GTK_WIDGET (self), agreement != NULL);
}

guint
gloss_agreement_table_get_n_rows (GlossAgreementTable *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_TABLE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

char *
gloss_agreement_table_get_text (GlossAgreementTable  *self,
                                GlossAgreementColumn  column,
                                guint                 row)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_TABLE (self), NULL);

  if (row >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return NULL;
  return cell_text (self, column, gtk_string_list_get_string (self->rows, row));
}

/* One factory per column; the column is the factory's "column" data. */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               GlossAgreementTable      *self)
{
  GlossAgreementColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == GLOSS_AGREEMENT_COLUMN_TAG ? 0 : 1);
  if (column == GLOSS_AGREEMENT_COLUMN_TAG)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              GlossAgreementTable      *self)
{
  GlossAgreementColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkStringObject *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *tag = gtk_string_object_get_string (row);
  g_autofree char *text = cell_text (self, column, tag);

  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  if (column == GLOSS_AGREEMENT_COLUMN_TAG)
    gtk_widget_set_tooltip_text (label, text);
  /* The overall row reads as a heading. */
  if (*tag == '\0')
    gtk_widget_add_css_class (label, "overall");
  else
    gtk_widget_remove_css_class (label, "overall");
}

static void
gloss_agreement_table_dispose (GObject *object)
{
  GlossAgreementTable *self = GLOSS_AGREEMENT_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_AGREEMENT_TABLE);
  g_clear_object (&self->agreement);
  g_clear_object (&self->codebook);

  G_OBJECT_CLASS (gloss_agreement_table_parent_class)->dispose (object);
}

static void
gloss_agreement_table_class_init (GlossAgreementTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_agreement_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-agreement-table.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, GlossAgreementTable, rows);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cell_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agreementtable");
}

static void
gloss_agreement_table_init (GlossAgreementTable *self)
{
  GListModel *columns;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The .ui lists the columns in GlossAgreementColumn's order. */
  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (column)), "column", GUINT_TO_POINTER (i));
    }
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  /* What the short headings stand for. */
  {
    g_autofree char *tooltip = g_strdup_printf ("α: %s\n%s: %s\nκ: %s\n%s: %s\n%s: %s",
                                                _("Krippendorff’s α (nominal), all compared layers"),
                                                _("κ F"), _("Fleiss’ κ, all compared layers"),
                                                _("Cohen’s κ of the pair"),
                                                _("F1 ="), _("F1 of the pair, same span and tag"),
                                                _("F1 ≈"), _("F1 of the pair, overlapping span and same tag"));

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->column_view), tooltip);
  }
}
