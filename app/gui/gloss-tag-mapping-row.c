/* gloss-tag-mapping-row.c: a colleague's tag missing from the user's
 * codebook, and which of the user's tags it is compared as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-tag-mapping-row.h"

struct _GlossTagMappingRow
{
  AdwActionRow    parent_instance;

  /* Template children */
  GtkStringList  *choices;
  GtkDropDown    *dropdown;
  GtkButton      *remove_button;

  GlossCodebook  *codebook;
  char           *tag_id;
  char           *users;
};

G_DEFINE_FINAL_TYPE (GlossTagMappingRow, gloss_tag_mapping_row, ADW_TYPE_ACTION_ROW)

enum {
  MAPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Entry 0 leaves the tag alone; entry k is the codebook's tag k - 1. */
static GlossTag *
chosen_tag (GlossTagMappingRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->codebook == NULL ||
      selected > gloss_codebook_get_n_tags (self->codebook))
    return NULL;
  return gloss_codebook_get_tag (self->codebook, selected - 1);
}

static void
update_subtitle (GlossTagMappingRow *self)
{
  GlossTag *to = chosen_tag (self);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  if (to != NULL)
    /* Translators: a colleague's tag is compared as the user's tag %s */
    text = g_strdup_printf (_("Compared as “%s” · %s"), gloss_tag_get_label (to), self->users);
  else
    /* Translators: %s lists the annotators using the tag */
    text = g_strdup_printf (_("Not in your codebook · %s"), self->users);
  markup = g_markup_escape_text (text, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), markup);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), to != NULL);
}

static void
selected_cb (GlossTagMappingRow *self)
{
  GlossTag *to = chosen_tag (self);

  update_subtitle (self);
  g_signal_emit (self, signals[MAPPED], 0, to ? gloss_tag_get_id (to) : NULL);
}

static void
remove_cb (GlossTagMappingRow *self)
{
  gtk_drop_down_set_selected (self->dropdown, 0);
}

GtkWidget *
gloss_tag_mapping_row_new (const char    *tag_id,
                           const char    *label,
                           const char    *users,
                           GlossCodebook *codebook,
                           const char    *mapped_to)
{
  GlossTagMappingRow *self;
  g_autofree char *title = NULL;
  g_autofree char *accessible = NULL;
  guint selected = 0;

  g_return_val_if_fail (tag_id != NULL && label != NULL && users != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_TAG_MAPPING_ROW, NULL);
  self->tag_id = g_strdup (tag_id);
  self->users = g_strdup (users);
  self->codebook = codebook ? g_object_ref (codebook) : NULL;

  for (guint i = 0; codebook != NULL && i < gloss_codebook_get_n_tags (codebook); i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (codebook, i);

      gtk_string_list_append (self->choices, gloss_tag_get_label (tag));
      if (g_strcmp0 (gloss_tag_get_id (tag), mapped_to) == 0)
        selected = i + 1;
    }

  if (g_strcmp0 (label, tag_id) != 0)
    title = g_markup_printf_escaped ("%s <small>(%s)</small>", label, tag_id);
  else
    title = g_markup_escape_text (tag_id, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  /* Translators: tooltip of the dropdown mapping a colleague's tag %s */
  accessible = g_strdup_printf (_("Compare “%s” as"), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dropdown), accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  /* The initial choice is no user's choice: set before listening. */
  gtk_drop_down_set_selected (self->dropdown, selected);
  update_subtitle (self);
  g_signal_connect_object (self->dropdown, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

const char *
gloss_tag_mapping_row_get_tag (GlossTagMappingRow *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG_MAPPING_ROW (self), NULL);
  return self->tag_id;
}

static void
gloss_tag_mapping_row_dispose (GObject *object)
{
  GlossTagMappingRow *self = GLOSS_TAG_MAPPING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TAG_MAPPING_ROW);
  g_clear_object (&self->codebook);

  G_OBJECT_CLASS (gloss_tag_mapping_row_parent_class)->dispose (object);
}

static void
gloss_tag_mapping_row_finalize (GObject *object)
{
  GlossTagMappingRow *self = GLOSS_TAG_MAPPING_ROW (object);

  g_free (self->tag_id);
  g_free (self->users);

  G_OBJECT_CLASS (gloss_tag_mapping_row_parent_class)->finalize (object);
}

static void
gloss_tag_mapping_row_class_init (GlossTagMappingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tag_mapping_row_dispose;
  object_class->finalize = gloss_tag_mapping_row_finalize;

  /**
   * GlossTagMappingRow::mapped:
   * @to: (nullable): the user's tag id it is now compared as, NULL for none
   */
  signals[MAPPED] =
    g_signal_new ("mapped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-tag-mapping-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTagMappingRow, choices);
  gtk_widget_class_bind_template_child (widget_class, GlossTagMappingRow, dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossTagMappingRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_cb);
}

static void
gloss_tag_mapping_row_init (GlossTagMappingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
