/* gloss-suggestion-list.c: the sidebar's list of the article's suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per pending suggestion, in text order: its text, its tag, the
 * rule that fired and its confidence. Selecting a row (with the arrow keys
 * or a click) makes that suggestion the current one, which the article view
 * scrolls to; walking in the article (n, p) selects the row in turn.
 *
 * A GtkListView over a list of GlossSuggestionItem: an article can have
 * thousands of suggestions, and only the rows on screen are made (a
 * GtkListBox made a widget per suggestion, 138 ms for 960 of them).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-suggest-project.h"
#include "gloss-suggest-review.h"
#include "gloss-suggestion-item.h"
#include "gloss-suggestion-list.h"

struct _GlossSuggestionList
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkLabel             *count_label;
  GtkSwitch            *shown_switch;
  GtkListView          *list;
  GListStore           *store;     /* of GlossSuggestionItem: the pending ones */
  GtkSingleSelection   *selection;
  GtkLabel             *project_label;
  GtkSwitch            *project_switch;

  GFile                *article;

  GlossSuggestionLayer *layer;
  GlossDocument        *document;
  GlossCodebook        *codebook;
  GPtrArray            *shown;     /* the pending array the rows show, a ref */
  GBinding             *binding;
  gboolean              syncing;
};

G_DEFINE_FINAL_TYPE (GlossSuggestionList, gloss_suggestion_list, GTK_TYPE_WIDGET)

enum {
  PROJECT_CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
gloss_suggestion_list_new (void)
{
  return g_object_new (GLOSS_TYPE_SUGGESTION_LIST, NULL);
}

static void
sync_selection (GlossSuggestionList *self)
{
  GlossSuggestion *current = gloss_suggestion_layer_get_current (self->layer);
  GPtrArray *pending = gloss_suggestion_layer_get_pending (self->layer);
  guint index;

  self->syncing = TRUE;
  if (current != NULL && g_ptr_array_find (pending, current, &index))
    {
      if (gtk_single_selection_get_selected (self->selection) != index)
        gtk_single_selection_set_selected (self->selection, index);
      /* The list follows the article (n, p): the row comes into view. */
      gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", index);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

static GlossSuggestion *
suggestion_at (GlossSuggestionList *self,
               guint                position)
{
  g_autoptr(GlossSuggestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  return item != NULL ? gloss_suggestion_item_get_suggestion (item) : NULL;
}

/* The rows follow the pending suggestions in place (an article can have
 * thousands; the view keeps its scroll position and the focused row): the
 * decided ones go, the ones back (an undo) come in at their place. Both
 * lists are in text order, so one walk over both finds every change, and
 * consecutive ones are one splice. */
static void
follow_pending (GlossSuggestionList *self,
                GPtrArray           *pending)
{
  g_autoptr(GHashTable) now = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  GlossSuggestionLayer *layer = self->layer;
  guint pos = 0, j = 0;

  for (guint i = 0; i < pending->len; i++)
    g_hash_table_add (now, pending->pdata[i]);
  while (pos < g_list_model_get_n_items (G_LIST_MODEL (self->store)) || j < pending->len)
    {
      GlossSuggestion *here = suggestion_at (self, pos);
      guint removed = 0;

      if (here != NULL && j < pending->len && here == pending->pdata[j])
        {
          pos++;
          j++;
          continue;
        }
      /* A run of decided ones, then a run of new ones before the next kept. */
      while (here != NULL && !g_hash_table_contains (now, here))
        here = suggestion_at (self, pos + ++removed);
      g_ptr_array_set_size (added, 0);
      while (j < pending->len && pending->pdata[j] != here)
        g_ptr_array_add (added, gloss_suggestion_item_new (G_OBJECT (layer), pending->pdata[j++],
                                                           self->document, self->codebook));
      g_list_store_splice (self->store, pos, removed, added->pdata, added->len);
      pos += added->len;
    }
}

static void
layer_changed_cb (GlossSuggestionList *self)
{
  GPtrArray *pending = gloss_suggestion_layer_get_pending (self->layer);
  gboolean visible = gloss_suggestion_layer_get_visible (self->layer);
  g_autofree char *count = NULL;

  /* The layer replaces its pending array whenever one is decided. */
  if (self->shown != pending)
    {
      g_clear_pointer (&self->shown, g_ptr_array_unref);
      self->shown = g_ptr_array_ref (pending);
      self->syncing = TRUE;
      follow_pending (self, pending);
      self->syncing = FALSE;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->list), visible);

  if (!gloss_suggestion_layer_get_allowed (self->layer))
    count = g_strdup (_("The project shows no suggestions on this article"));
  else if (!visible)
    count = g_strdup (_("Suggestions are hidden"));
  else if (pending->len == 0)
    count = g_strdup (_("No suggestions left"));
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion: n and p walk, a accepts, r rejects",
                                          "%u suggestions: n and p walk, a accepts, r rejects", pending->len),
                             pending->len);
  gtk_label_set_label (self->count_label, count);
  sync_selection (self);
}

static void
selection_changed_cb (GlossSuggestionList *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (self->syncing || self->layer == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  gloss_suggestion_layer_set_current (self->layer, (int) selected);
}

static void
clear (GlossSuggestionList *self)
{
  if (self->layer != NULL)
    g_signal_handlers_disconnect_by_data (self->layer, self);
  g_clear_pointer (&self->binding, g_binding_unbind);
  g_clear_object (&self->layer);
  g_clear_object (&self->document);
  g_clear_object (&self->codebook);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  if (self->store != NULL)
    {
      self->syncing = TRUE;
      g_list_store_remove_all (self->store);
      self->syncing = FALSE;
    }
}

/**
 * gloss_suggestion_list_set_layer:
 * @layer: (nullable): the article's suggestions, or %NULL while they are
 *   computed or when there is no article
 * @document: (nullable): the article
 * @codebook: (nullable): for the tags' names
 */
void
gloss_suggestion_list_set_layer (GlossSuggestionList  *self,
                                 GlossSuggestionLayer *layer,
                                 GlossDocument        *document,
                                 GlossCodebook        *codebook)
{
  g_return_if_fail (GLOSS_IS_SUGGESTION_LIST (self));

  clear (self);
  if (layer == NULL || document == NULL)
    {
      gtk_label_set_label (self->count_label, _("No suggestions"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->shown_switch), FALSE);
      return;
    }
  self->layer = g_object_ref (layer);
  self->document = g_object_ref (document);
  self->codebook = codebook != NULL ? g_object_ref (codebook) : NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->shown_switch), gloss_suggestion_layer_get_allowed (layer));
  self->binding = g_object_bind_property (layer, "visible", self->shown_switch, "active",
                                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (layer, "notify::current", G_CALLBACK (layer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (layer, "notify::visible", G_CALLBACK (layer_changed_cb), self, G_CONNECT_SWAPPED);
  layer_changed_cb (self);
}

static gboolean
project_state_set_cb (GlossSuggestionList *self,
                      gboolean             state,
                      GtkSwitch           *sw)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->article == NULL)
    return FALSE;
  if (!gloss_suggest_project_set_enabled (self->article, state, &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return TRUE;   /* the switch stays as the file says */
    }
  g_signal_emit (self, signals[PROJECT_CHANGED], 0);
  return FALSE;
}

/**
 * gloss_suggestion_list_set_project:
 * @article: (nullable): the article shown; its folder's team codebook keeps
 *   the project's switch
 *
 * Shows whether the project has suggestions on, and lets the user switch
 * them off or on for every article of the folder (the team codebook's
 * "suggestions" member). Without a team codebook there is nowhere to keep
 * it: the switch is off-limits and says why.
 */
void
gloss_suggestion_list_set_project (GlossSuggestionList *self,
                                   GFile               *article)
{
  GlossSuggestSettings settings = { 0 };
  gboolean has_codebook;

  g_return_if_fail (GLOSS_IS_SUGGESTION_LIST (self));

  g_set_object (&self->article, article);
  has_codebook = article != NULL && gloss_suggest_project_has_codebook (article);
  if (has_codebook)
    gloss_suggest_settings_load (article, &settings, NULL);
  else
    settings.enabled = TRUE;
  self->syncing = TRUE;
  gtk_switch_set_active (self->project_switch, settings.enabled);
  gtk_switch_set_state (self->project_switch, settings.enabled);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->project_switch), has_codebook);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->project_switch),
                               has_codebook ? _("For every article of this folder (kept in its team codebook)")
                                            : _("Needs a team codebook (gloss-codebook.json) in the article’s folder"));
  gloss_suggest_settings_clear (&settings);
}

/* For tests: how many rows the list shows. */
guint
gloss_suggestion_list_get_n_rows (GlossSuggestionList *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

/**
 * gloss_suggestion_list_get_model:
 *
 * For tests: what the list shows.
 *
 * Returns: (transfer none): a #GtkSingleSelection of #GlossSuggestionItem
 */
GtkSingleSelection *
gloss_suggestion_list_get_model (GlossSuggestionList *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LIST (self), NULL);
  return self->selection;
}

static void
gloss_suggestion_list_dispose (GObject *object)
{
  GlossSuggestionList *self = GLOSS_SUGGESTION_LIST (object);

  clear (self);
  g_clear_object (&self->article);
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SUGGESTION_LIST);

  G_OBJECT_CLASS (gloss_suggestion_list_parent_class)->dispose (object);
}

static void
gloss_suggestion_list_class_init (GlossSuggestionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_suggestion_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-suggestion-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionList, box);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionList, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionList, shown_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionList, list);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionList, project_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionList, project_switch);
  gtk_widget_class_bind_template_callback (widget_class, project_state_set_cb);

  /**
   * GlossSuggestionList::project-changed:
   *
   * The user switched suggestions on or off for the project (written).
   */
  signals[PROJECT_CHANGED] = g_signal_new ("project-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * GlossSuggestionList::error:
   * @message: what went wrong, naming the file
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (GLOSS_TYPE_SUGGESTION_ITEM);
}

static void
gloss_suggestion_list_init (GlossSuggestionList *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (GLOSS_TYPE_SUGGESTION_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  factory = gtk_builder_list_item_factory_new_from_resource (NULL, "/org/gloss/Gloss/ui/gloss-suggestion-row.ui");
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  gtk_label_set_label (self->count_label, _("No suggestions"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->shown_switch), FALSE);
  gloss_suggestion_list_set_project (self, NULL);
}
