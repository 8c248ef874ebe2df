/* gloss-speaker-chooser.c: pick the person a quote's link points to, by typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-speaker-chooser.h"

/*
 * The keyboard way to link a speaker: the focus stays in the search entry,
 * typing filters the people (name, title, organization), Up and Down move
 * the highlight, Return links the highlighted one, Escape closes.  Each
 * person is one row, whatever the number of mentions: the caller groups.
 */

struct _GlossSpeakerChooser
{
  GtkPopover      parent_instance;

  GtkSearchEntry *entry;
  GtkLabel       *heading;
  GtkListBox     *list;
  GtkScrolledWindow *scroller;
  GtkLabel       *empty_label;
};

G_DEFINE_FINAL_TYPE (GlossSpeakerChooser, gloss_speaker_chooser, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
gloss_speaker_chooser_new (void)
{
  return g_object_new (GLOSS_TYPE_SPEAKER_CHOOSER, NULL);
}

void
gloss_speaker_chooser_set_heading (GlossSpeakerChooser *self,
                                   const char          *heading)
{
  g_return_if_fail (GLOSS_IS_SPEAKER_CHOOSER (self));

  gtk_label_set_label (self->heading, heading);
}

/**
 * gloss_speaker_chooser_add:
 * @id: what the link stores (an annotation id)
 * @name: the person's name
 * @about: (nullable): title and organization, searched like the name
 * @mentions: how many times the article names the person (0: not said)
 * @current: whether the link points to this person now
 */
void
gloss_speaker_chooser_add (GlossSpeakerChooser *self,
                           const char          *id,
                           const char          *name,
                           const char          *about,
                           guint                mentions,
                           gboolean             current)
{
  GtkWidget *row, *box, *label;
  g_autofree char *haystack = NULL;
  g_autoptr(GString) detail = g_string_new (about);

  g_return_if_fail (GLOSS_IS_SPEAKER_CHOOSER (self));
  g_return_if_fail (id != NULL && name != NULL);

  if (mentions > 0)
    {
      if (detail->len > 0)
        g_string_append (detail, " · ");
      g_string_append_printf (detail, g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", mentions),
                              mentions);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  if (detail->len > 0)
    {
      label = gtk_label_new (detail->str);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail->str, -1);
  /* What one may type: the name, the title, the organization. */
  haystack = g_strconcat (name, "\n", about ? about : "", NULL);
  g_object_set_data_full (G_OBJECT (row), "haystack", g_utf8_casefold (haystack, -1), g_free);
  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (id), g_free);
  gtk_list_box_append (self->list, row);

  if (current || gtk_list_box_get_selected_row (self->list) == NULL)
    gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
}

static gboolean
row_shown (GtkWidget *row)
{
  return gtk_widget_get_child_visible (row) && gtk_widget_get_visible (row);
}

guint
gloss_speaker_chooser_get_n_shown (GlossSpeakerChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_SPEAKER_CHOOSER (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && row_shown (row))
      n++;
  return n;
}

const char *
gloss_speaker_chooser_get_highlighted (GlossSpeakerChooser *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLOSS_IS_SPEAKER_CHOOSER (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL || !row_shown (GTK_WIDGET (row)))
    return NULL;
  return g_object_get_data (G_OBJECT (row), "id");
}

GtkEditable *
gloss_speaker_chooser_get_entry (GlossSpeakerChooser *self)
{
  g_return_val_if_fail (GLOSS_IS_SPEAKER_CHOOSER (self), NULL);

  return GTK_EDITABLE (self->entry);
}

/* Every word typed must occur in the name or its detail, in any order. */
static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  GlossSpeakerChooser *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "haystack");
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->entry)), -1);
  g_auto(GStrv) words = g_strsplit_set (needle, " \t", -1);

  for (guint i = 0; words[i]; i++)
    if (words[i][0] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Moves the highlight @steps shown rows down (up when negative), staying
 * on the first or last; with nothing highlighted, starts at the first. */
static void
move_highlight (GlossSpeakerChooser *self,
                int                  steps)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  GtkWidget *row = selected && row_shown (GTK_WIDGET (selected)) ? GTK_WIDGET (selected) : NULL;
  GtkWidget *target = row;

  if (row == NULL)
    {
      for (row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
        if (GTK_IS_LIST_BOX_ROW (row) && row_shown (row))
          break;
      target = row;
    }
  else
    {
      while (steps != 0)
        {
          GtkWidget *next = target;

          do
            next = steps > 0 ? gtk_widget_get_next_sibling (next) : gtk_widget_get_prev_sibling (next);
          while (next != NULL && !(GTK_IS_LIST_BOX_ROW (next) && row_shown (next)));
          if (next == NULL)
            break;
          target = next;
          steps += steps > 0 ? -1 : 1;
        }
    }

  if (target != NULL)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
      graphene_rect_t bounds;

      gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (target));
      /* Into view, without taking the focus from the entry. */
      if (gtk_widget_compute_bounds (target, GTK_WIDGET (self->list), &bounds))
        {
          double value = gtk_adjustment_get_value (adj);
          double page = gtk_adjustment_get_page_size (adj);

          if (bounds.origin.y < value)
            gtk_adjustment_set_value (adj, bounds.origin.y);
          else if (bounds.origin.y + bounds.size.height > value + page)
            gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
        }
    }
  else
    gtk_list_box_unselect_all (self->list);
}

static void
search_changed_cb (GlossSpeakerChooser *self)
{
  GtkListBoxRow *selected;

  gtk_list_box_invalidate_filter (self->list);
  selected = gtk_list_box_get_selected_row (self->list);
  if (selected == NULL || !row_shown (GTK_WIDGET (selected)))
    move_highlight (self, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), gloss_speaker_chooser_get_n_shown (self) == 0);
}

static void
choose (GlossSpeakerChooser *self,
        GtkListBoxRow       *row)
{
  g_autofree char *id = NULL;

  if (row == NULL || !row_shown (GTK_WIDGET (row)))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  id = g_strdup (g_object_get_data (G_OBJECT (row), "id"));
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, id);
}

static void
entry_activate_cb (GlossSpeakerChooser *self)
{
  choose (self, gtk_list_box_get_selected_row (self->list));
}

static void
row_activated_cb (GlossSpeakerChooser *self,
                  GtkListBoxRow       *row)
{
  choose (self, row);
}

static void
stop_search_cb (GlossSpeakerChooser *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GlossSpeakerChooser   *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_highlight (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_highlight (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_highlight (self, 8);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_highlight (self, -8);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
gloss_speaker_chooser_show (GtkWidget *widget)
{
  GlossSpeakerChooser *self = GLOSS_SPEAKER_CHOOSER (widget);

  GTK_WIDGET_CLASS (gloss_speaker_chooser_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
gloss_speaker_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_SPEAKER_CHOOSER);

  G_OBJECT_CLASS (gloss_speaker_chooser_parent_class)->dispose (object);
}

static void
gloss_speaker_chooser_class_init (GlossSpeakerChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_speaker_chooser_dispose;

  widget_class->show = gloss_speaker_chooser_show;

  /**
   * GlossSpeakerChooser::chosen:
   * @id: the id given with the person chosen
   *
   * A person was chosen (Return or a click); the popover is closed.
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-speaker-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSpeakerChooser, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossSpeakerChooser, heading);
  gtk_widget_class_bind_template_child (widget_class, GlossSpeakerChooser, list);
  gtk_widget_class_bind_template_child (widget_class, GlossSpeakerChooser, empty_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSpeakerChooser, scroller);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
gloss_speaker_chooser_init (GlossSpeakerChooser *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);

  /* Before the entry's own handling: Up and Down move in the list. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}
