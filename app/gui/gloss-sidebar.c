/* gloss-sidebar.c: the annotation list, its filters and counts, and the details pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-annotation-row.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-details-pane.h"
#include "gloss-sidebar.h"
#include "gloss-swatch.h"

#define SIDEBAR_WIDTH 340

struct _GlossSidebar
{
  GtkWidget           parent_instance;

  GtkFlowBox         *counts_box;
  GlossDetailsPane   *details;
  AdwStatusPage      *empty_page;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *tag_filter;

  GlossAnnotationSet *set;
  GlossCodebook      *codebook;
  GlossAnnotation    *selected;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkFilter          *filter;
  GHashTable         *count_labels;
  char               *filter_tag;
  char               *filter_text;
  guint               counts_idle;
  guint               syncing;
};

G_DEFINE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
gloss_sidebar_new (void)
{
  return g_object_new (GLOSS_TYPE_SIDEBAR, NULL);
}

/* Filtering */

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  GlossSidebar *self = user_data;
  GlossAnnotation *annotation = item;

  if (self->filter_tag != NULL &&
      g_strcmp0 (gloss_annotation_get_tag (annotation), self->filter_tag) != 0)
    return FALSE;

  if (self->filter_text != NULL)
    {
      const char *fields[] = { gloss_annotation_get_text (annotation), gloss_annotation_get_note (annotation) };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *folded = fields[i] ? g_utf8_casefold (fields[i], -1) : NULL;

          if (folded != NULL && strstr (folded, self->filter_text) != NULL)
            return TRUE;
        }
      return FALSE;
    }

  return TRUE;
}

static void
update_empty (GlossSidebar *self)
{
  gboolean filtering = self->filter_tag != NULL || self->filter_text != NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  adw_status_page_set_title (self->empty_page, filtering ? _("No Matching Annotations") : _("No Annotations"));
  adw_status_page_set_description (self->empty_page,
                                   filtering ? _("Try another tag or search.")
                                             : _("Select a passage and press 1–9, or T to choose a tag."));
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
filter_changed_cb (GlossSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint pos = gtk_drop_down_get_selected (self->tag_filter);

  g_clear_pointer (&self->filter_tag, g_free);
  g_clear_pointer (&self->filter_text, g_free);

  if (pos != GTK_INVALID_LIST_POSITION && pos > 0 && self->codebook != NULL &&
      pos - 1 < gloss_codebook_get_n_tags (self->codebook))
    self->filter_tag = g_strdup (gloss_tag_get_id (gloss_codebook_get_tag (self->codebook, pos - 1)));
  if (text != NULL && *text != '\0')
    self->filter_text = g_utf8_casefold (text, -1);

  /* No filter at all keeps the list a plain view of the set: nothing to
   * re-evaluate on each edit of a long article. */
  if (self->filter_tag == NULL && self->filter_text == NULL)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else
    {
      gtk_filter_list_model_set_filter (self->filtered, self->filter);
      gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
    }

  update_empty (self);
  gloss_sidebar_set_selected (self, self->selected);
}

void
gloss_sidebar_set_filter (GlossSidebar *self,
                          const char   *tag_id,
                          const char   *text)
{
  guint pos = 0;

  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  for (guint i = 0; tag_id != NULL && self->codebook && i < gloss_codebook_get_n_tags (self->codebook); i++)
    if (g_strcmp0 (gloss_tag_get_id (gloss_codebook_get_tag (self->codebook, i)), tag_id) == 0)
      pos = i + 1;

  gtk_drop_down_set_selected (self->tag_filter, pos);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  filter_changed_cb (self);
}

GListModel *
gloss_sidebar_get_shown (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/* Counts */

static void
rebuild_tags (GlossSidebar *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *child;
  guint n = self->codebook ? gloss_codebook_get_n_tags (self->codebook) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counts_box))) != NULL)
    gtk_flow_box_remove (self->counts_box, child);
  g_hash_table_remove_all (self->count_labels);

  gtk_string_list_append (labels, _("All Tags"));
  for (guint i = 0; i < n; i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (self->codebook, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (gloss_tag_get_label (tag));
      GtkWidget *count = gtk_label_new ("0");

      gtk_string_list_append (labels, gloss_tag_get_label (tag));
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (count, "caption-heading");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (box), gloss_swatch_new (gloss_tag_get_color (tag)));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_widget_add_css_class (box, "tag-count");
      gtk_widget_set_tooltip_text (box, _("Show only this tag"));
      gtk_flow_box_append (self->counts_box, box);
      g_hash_table_insert (self->count_labels, g_strdup (gloss_tag_get_id (tag)), count);
    }

  gtk_drop_down_set_model (self->tag_filter, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->tag_filter, 0);
}

/* The set keeps the counts: one label per tag to update, not every
 * annotation of a long article to count again after each edit. */
static gboolean
update_counts_cb (gpointer user_data)
{
  GlossSidebar *self = user_data;
  GHashTableIter iter;
  gpointer key, value;

  self->counts_idle = 0;
  g_hash_table_iter_init (&iter, self->count_labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *text = g_strdup_printf ("%u", self->set ? gloss_annotation_set_count_tag (self->set, key) : 0);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (value)), text) != 0)
        gtk_label_set_label (GTK_LABEL (value), text);
    }

  return G_SOURCE_REMOVE;
}

guint
gloss_sidebar_get_count (GlossSidebar *self,
                         const char   *tag_id)
{
  GtkLabel *label;

  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), 0);

  if (self->counts_idle != 0)
    {
      g_source_remove (self->counts_idle);
      update_counts_cb (self);
    }
  label = g_hash_table_lookup (self->count_labels, tag_id);
  /* What the sidebar shows; a tag the codebook lacks has no label. */
  if (label != NULL)
    return (guint) g_ascii_strtoull (gtk_label_get_label (label), NULL, 10);
  return self->set != NULL ? gloss_annotation_set_count_tag (self->set, tag_id) : 0;
}

static void
set_changed_cb (GlossSidebar *self)
{
  /* Once per burst of edits, not per edit. */
  if (self->counts_idle == 0)
    /* High idle: a blinking caret draws frames back to back, and lower
     * idles would wait for it to stop. */
    self->counts_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_counts_cb, self, NULL);
}

static void
filtered_items_changed_cb (GlossSidebar *self)
{
  update_empty (self);
  set_changed_cb (self);
}

/* A click on a tag's count shows that tag only; another click shows all. */
static void
count_activated_cb (GlossSidebar    *self,
                    GtkFlowBoxChild *child)
{
  guint pos = gtk_flow_box_child_get_index (child) + 1;

  gtk_drop_down_set_selected (self->tag_filter,
                              gtk_drop_down_get_selected (self->tag_filter) == pos ? 0 : pos);
}

/* Selection */

static void
selection_changed_cb (GlossSidebar *self)
{
  GlossAnnotation *annotation = gtk_single_selection_get_selected_item (self->selection);

  if (self->syncing)
    return;

  /* A selected annotation hidden by a filter stays selected. */
  if (annotation == NULL && self->selected != NULL)
    return;

  if (g_set_object (&self->selected, annotation))
    {
      gloss_details_pane_set_annotation (self->details, annotation);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

GlossAnnotation *
gloss_sidebar_get_selected (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);
  return self->selected;
}

static gboolean
find_shown (GlossSidebar    *self,
            GlossAnnotation *annotation,
            guint           *position)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n;

  if (annotation == NULL || self->set == NULL)
    return FALSE;

  if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    return gloss_annotation_set_find_position (self->set, annotation, position);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (model, i);

      if (item == annotation)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
gloss_sidebar_set_selected (GlossSidebar    *self,
                            GlossAnnotation *annotation)
{
  guint pos;
  gboolean changed;

  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  changed = g_set_object (&self->selected, annotation);

  self->syncing++;
  if (find_shown (self, annotation, &pos))
    {
      if (gtk_single_selection_get_selected (self->selection) != pos)
        gtk_single_selection_set_selected (self->selection, pos);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", pos);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing--;

  if (changed)
    {
      gloss_details_pane_set_annotation (self->details, annotation);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

static void
activate_cb (GlossSidebar *self,
             guint         position)
{
  g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (annotation == NULL)
    return;

  gloss_sidebar_set_selected (self, annotation);
  g_signal_emit (self, signals[ACTIVATED], 0, annotation);
}

/* List items */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GlossSidebar             *self)
{
  gtk_list_item_set_child (item, gloss_annotation_row_new ());
}

/* GTK 4.8 unbinds and binds again every row whose position changed: after
 * a tag near the top, every row below it. No "unbind" handler, then: the
 * row keeps what it shows until bound to another annotation (or disposed),
 * and a row bound again to its own annotation does nothing. */
static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         GlossSidebar             *self)
{
  gloss_annotation_row_bind (GLOSS_ANNOTATION_ROW (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item), self->set, self->codebook);
}

void
gloss_sidebar_set_model (GlossSidebar       *self,
                         GlossAnnotationSet *set,
                         GlossCodebook      *codebook)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);

  g_set_object (&self->set, set);
  g_set_object (&self->codebook, codebook);
  g_clear_object (&self->selected);

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (set));
  if (set != NULL)
    g_signal_connect_object (set, "annotation-changed", G_CALLBACK (set_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild_tags (self);
  gloss_details_pane_set_model (self->details, set, codebook);
  filter_changed_cb (self);
  set_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

GlossDetailsPane *
gloss_sidebar_get_details (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);
  return self->details;
}

static void
gloss_sidebar_dispose (GObject *object)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  g_clear_handle_id (&self->counts_idle, g_source_remove);
  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SIDEBAR);
  /* The template's root has no id, so nothing else unparents it. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->set);
  g_clear_object (&self->codebook);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->count_labels, g_hash_table_unref);
  g_clear_pointer (&self->filter_tag, g_free);
  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (gloss_sidebar_parent_class)->dispose (object);
}

static void
gloss_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED: g_value_set_object (value, self->selected); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED: gloss_sidebar_set_selected (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A fixed width: the list's natural width follows its content, and a sidebar
 * growing when annotations appear would re-wrap the whole article. */
static void
gloss_sidebar_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int child_min = 0, child_nat = 0;

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = MAX (child_min, SIDEBAR_WIDTH);
    }
  else
    {
      *minimum = child_min;
      *natural = child_nat;
    }
}

static void
gloss_sidebar_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
gloss_sidebar_class_init (GlossSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_sidebar_dispose;
  object_class->get_property = gloss_sidebar_get_property;
  object_class->set_property = gloss_sidebar_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, GLOSS_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossSidebar::activated:
   * @annotation: the annotation whose row was activated (show it in the article)
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

  g_type_ensure (GLOSS_TYPE_DETAILS_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, counts_box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, details);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, tag_filter);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, count_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  widget_class->measure = gloss_sidebar_measure;
  widget_class->size_allocate = gloss_sidebar_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "glosssidebar");
}

static void
gloss_sidebar_init (GlossSidebar *self)
{
  GtkListItemFactory *factory;

  self->count_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->filter = GTK_FILTER (gtk_custom_filter_new (match_cb, self, NULL));
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Delete in the list removes the selected annotation, as in the article. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_named_action_new ("win.delete-annotation")));
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);
  }

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (filtered_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_empty (self);
}
