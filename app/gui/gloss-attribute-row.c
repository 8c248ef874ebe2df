/* gloss-attribute-row.c: one attribute of a tag in the codebook editor: its
 * label, type, choices or link targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-attribute-row.h"

struct _GlossAttributeRow
{
  AdwExpanderRow     parent_instance;

  /* Template children */
  AdwEntryRow       *label_row;
  AdwComboRow       *type_row;
  AdwEntryRow       *choices_row;
  AdwActionRow      *to_row;
  GtkMenuButton     *to_button;

  /* Edited in place; NULL until the row is filled in. */
  GlossAttributeDef *def;
  GlossCodebook     *codebook;
};

G_DEFINE_FINAL_TYPE (GlossAttributeRow, gloss_attribute_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static void
update_row (GlossAttributeRow *self)
{
  const char *type_names[] = { _("Text"), _("Choice"), _("Link") };
  g_autofree char *subtitle = NULL;

  /* Translators: the attribute's id and its type, like “speaker · Link” */
  subtitle = g_strdup_printf (_("%s · %s"), self->def->id, type_names[self->def->type]);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->def->label);
  gtk_widget_set_visible (GTK_WIDGET (self->choices_row), self->def->type == GLOSS_ATTRIBUTE_CHOICE);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), self->def->type == GLOSS_ATTRIBUTE_LINK);
}

static void
label_changed_cb (GlossAttributeRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));

  if (self->def == NULL || text[0] == '\0' || g_str_equal (text, self->def->label))
    return;

  g_free (self->def->label);
  self->def->label = g_steal_pointer (&text);
  update_row (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
type_changed_cb (GlossAttributeRow *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  if (self->def == NULL || selected > GLOSS_ATTRIBUTE_LINK || (guint)self->def->type == selected)
    return;

  self->def->type = selected;
  update_row (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
choices_changed_cb (GlossAttributeRow *self)
{
  g_auto(GStrv) values = split_list (gtk_editable_get_text (GTK_EDITABLE (self->choices_row)));

  if (self->def == NULL)
    return;
  if (self->def->choices != NULL &&
      g_strv_equal ((const char * const *)self->def->choices, (const char * const *)values))
    return;

  g_strfreev (self->def->choices);
  self->def->choices = values[0] ? g_steal_pointer (&values) : NULL;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (GlossAttributeRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* Link targets: picked from the codebook's tags, not typed. */

static void
update_targets (GlossAttributeRow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->def->to == NULL || self->def->to[0] == NULL)
    g_string_append (text, _("Annotations of any tag"));

  for (guint i = 0; self->def->to != NULL && self->def->to[i] != NULL; i++)
    {
      GlossTag *tag = gloss_codebook_lookup (self->codebook, self->def->to[i]);

      if (text->len > 0)
        g_string_append (text, _(", "));
      if (tag != NULL)
        g_string_append (text, gloss_tag_get_label (tag));
      else
        /* Translators: a tag id that the codebook does not have (any more) */
        g_string_append_printf (text, _("%s (not in this codebook)"), self->def->to[i]);
    }

  adw_action_row_set_subtitle (self->to_row, text->str);
}

static void
target_toggled_cb (GtkCheckButton    *check,
                   GlossAttributeRow *self)
{
  GlossAttributeDef *def = self->def;
  const char *id = g_object_get_data (G_OBJECT (check), "gloss-tag-id");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean active = gtk_check_button_get_active (check);
  guint n = gloss_codebook_get_n_tags (self->codebook);
  g_auto(GStrv) to = NULL;

  /* The codebook's tags in its order, then ids it does not know, kept. */
  for (guint i = 0; i < n; i++)
    {
      const char *tag_id = gloss_tag_get_id (gloss_codebook_get_tag (self->codebook, i));
      gboolean listed = def->to != NULL && g_strv_contains ((const char * const *)def->to, tag_id);

      if (g_str_equal (tag_id, id) ? active : listed)
        g_strv_builder_add (builder, tag_id);
    }
  for (guint i = 0; def->to != NULL && def->to[i] != NULL; i++)
    if (gloss_codebook_lookup (self->codebook, def->to[i]) == NULL)
      g_strv_builder_add (builder, def->to[i]);

  to = g_strv_builder_end (builder);
  if (def->to != NULL && g_strv_equal ((const char * const *)def->to, (const char * const *)to))
    return;
  if (def->to == NULL && to[0] == NULL)
    return;

  g_strfreev (def->to);
  def->to = to[0] != NULL ? g_steal_pointer (&to) : NULL;
  update_targets (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Built each time it opens: tags may have been added or renamed since. */
static void
create_targets_popover (GtkMenuButton *button,
                        gpointer       user_data)
{
  GlossAttributeRow *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  guint n = gloss_codebook_get_n_tags (self->codebook);

  for (guint i = 0; i < n; i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (self->codebook, i);
      GtkWidget *check = gtk_check_button_new_with_label (gloss_tag_get_label (tag));

      gtk_widget_set_tooltip_text (check, gloss_tag_get_id (tag));
      g_object_set_data_full (G_OBJECT (check), "gloss-tag-id", g_strdup (gloss_tag_get_id (tag)), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   self->def->to != NULL &&
                                   g_strv_contains ((const char * const *)self->def->to, gloss_tag_get_id (tag)));
      g_signal_connect (check, "toggled", G_CALLBACK (target_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), check);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

GtkWidget *
gloss_attribute_row_new (GlossAttributeDef *def,
                         GlossCodebook     *codebook)
{
  GlossAttributeRow *self;
  g_autofree char *choices = NULL;

  g_return_val_if_fail (def != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (codebook), NULL);

  self = g_object_new (GLOSS_TYPE_ATTRIBUTE_ROW, NULL);
  self->codebook = g_object_ref (codebook);

  /* Filled in before def is set: the handlers see no edit. */
  choices = def->choices ? g_strjoinv (", ", def->choices) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), def->label);
  gtk_editable_set_text (GTK_EDITABLE (self->choices_row), choices);
  adw_combo_row_set_selected (self->type_row, def->type);
  self->def = def;

  g_signal_connect_object (self->type_row, "notify::selected", G_CALLBACK (type_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->to_button, create_targets_popover, self, NULL);
  update_row (self);
  update_targets (self);

  return GTK_WIDGET (self);
}

GlossAttributeDef *
gloss_attribute_row_get_attribute (GlossAttributeRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_ROW (self), NULL);
  return self->def;
}

static void
gloss_attribute_row_dispose (GObject *object)
{
  GlossAttributeRow *self = GLOSS_ATTRIBUTE_ROW (object);

  if (self->to_button != NULL)
    gtk_menu_button_set_create_popup_func (self->to_button, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ATTRIBUTE_ROW);
  self->def = NULL;
  g_clear_object (&self->codebook);

  G_OBJECT_CLASS (gloss_attribute_row_parent_class)->dispose (object);
}

static void
gloss_attribute_row_class_init (GlossAttributeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_attribute_row_dispose;

  /**
   * GlossAttributeRow::changed:
   *
   * The attribute was edited (in place).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GlossAttributeRow::remove:
   *
   * The user asked to remove the attribute from its tag.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-attribute-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAttributeRow, label_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAttributeRow, type_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAttributeRow, choices_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAttributeRow, to_row);
  gtk_widget_class_bind_template_child (widget_class, GlossAttributeRow, to_button);
  gtk_widget_class_bind_template_callback (widget_class, label_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choices_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
gloss_attribute_row_init (GlossAttributeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
