/* gloss-tag-popover.c: the list of tags shown beside a selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-swatch.h"
#include "gloss-tag-popover.h"

struct _GlossTagPopover
{
  GtkPopover      parent_instance;

  GtkCheckButton *exact;
  GtkLabel       *heading;
  GtkListBox     *list;

  GlossCodebook  *codebook;
  gboolean        snap_to_words;
};

G_DEFINE_FINAL_TYPE (GlossTagPopover, gloss_tag_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_SNAP_TO_WORDS,
  N_PROPS
};

enum {
  TAG_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
gloss_tag_popover_new (void)
{
  return g_object_new (GLOSS_TYPE_TAG_POPOVER, NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GlossTag *tag = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (gloss_tag_get_label (tag));
  GtkWidget *key = gtk_label_new (gloss_tag_get_key (tag) ? gloss_tag_get_key (tag) : "");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_widget_add_css_class (key, "numeric");
  gtk_box_append (GTK_BOX (box), gloss_swatch_new (gloss_tag_get_color (tag)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), key);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "tag-id", g_strdup (gloss_tag_get_id (tag)), g_free);
  if (gloss_tag_get_description (tag) != NULL)
    gtk_widget_set_tooltip_text (row, gloss_tag_get_description (tag));

  return row;
}

static void
row_activated_cb (GlossTagPopover *self,
                  GtkListBoxRow   *row)
{
  g_autofree char *tag_id = g_strdup (g_object_get_data (G_OBJECT (row), "tag-id"));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[TAG_CHOSEN], 0, tag_id);
}

void
gloss_tag_popover_set_codebook (GlossTagPopover *self,
                                GlossCodebook   *codebook)
{
  g_return_if_fail (GLOSS_IS_TAG_POPOVER (self));

  if (g_set_object (&self->codebook, codebook))
    gtk_list_box_bind_model (self->list, G_LIST_MODEL (codebook), codebook ? create_row : NULL, NULL, NULL);
}

/**
 * gloss_tag_popover_set_retag:
 * @self: a #GlossTagPopover
 * @retag: whether the popover changes the tag of an existing annotation
 *
 * Re-tagging has no selection to keep exact, so the option hides.
 */
void
gloss_tag_popover_set_retag (GlossTagPopover *self,
                             gboolean         retag)
{
  g_return_if_fail (GLOSS_IS_TAG_POPOVER (self));

  gtk_label_set_label (self->heading, retag ? _("Change Tag") : _("Tag Selection"));
  gtk_widget_set_visible (GTK_WIDGET (self->exact), !retag);
}

static void
gloss_tag_popover_dispose (GObject *object)
{
  GlossTagPopover *self = GLOSS_TAG_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TAG_POPOVER);
  g_clear_object (&self->codebook);

  G_OBJECT_CLASS (gloss_tag_popover_parent_class)->dispose (object);
}

static void
gloss_tag_popover_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossTagPopover *self = GLOSS_TAG_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SNAP_TO_WORDS: g_value_set_boolean (value, self->snap_to_words); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_popover_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossTagPopover *self = GLOSS_TAG_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SNAP_TO_WORDS:
      if (self->snap_to_words != g_value_get_boolean (value))
        {
          self->snap_to_words = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_popover_class_init (GlossTagPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tag_popover_dispose;
  object_class->get_property = gloss_tag_popover_get_property;
  object_class->set_property = gloss_tag_popover_set_property;

  properties[PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossTagPopover::tag-chosen:
   * @tag_id: the codebook tag picked
   */
  signals[TAG_CHOSEN] = g_signal_new ("tag-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-tag-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTagPopover, exact);
  gtk_widget_class_bind_template_child (widget_class, GlossTagPopover, heading);
  gtk_widget_class_bind_template_child (widget_class, GlossTagPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
gloss_tag_popover_init (GlossTagPopover *self)
{
  self->snap_to_words = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "snap-to-words", self->exact, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL | G_BINDING_INVERT_BOOLEAN);
}
