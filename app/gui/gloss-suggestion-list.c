/* gloss-suggestion-list.c: the sidebar's list of the article's suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per pending suggestion, in text order: its text, its tag, the
 * rule that fired and its confidence. Selecting a row (with the arrow keys
 * or a click) makes that suggestion the current one, which the article view
 * scrolls to; walking in the article (n, p) selects the row in turn.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-suggest-project.h"
#include "gloss-suggest-review.h"
#include "gloss-suggestion-list.h"

#define EXCERPT_CHARS 60

struct _GlossSuggestionList
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkLabel             *count_label;
  GtkSwitch            *shown_switch;
  GtkListBox           *list;
  GtkLabel             *project_label;
  GtkSwitch            *project_switch;

  GFile                *article;

  GlossSuggestionLayer *layer;
  GlossDocument        *document;
  GlossCodebook        *codebook;
  GPtrArray            *shown;     /* the pending array the rows show, a ref */
  GBinding             *binding;
  guint                 n_rows;
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

static GtkWidget *
make_row (GlossSuggestionList *self,
          GlossSuggestion     *s)
{
  GlossTag *tag = self->codebook != NULL ? gloss_codebook_lookup (self->codebook, s->tag) : NULL;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = gloss_document_get_slice (self->document, s->start, MIN (s->end, s->start + EXCERPT_CHARS));
  g_autofree char *title = s->end - s->start > EXCERPT_CHARS ? g_strconcat (text, "…", NULL) : g_strdup (text);
  g_autofree char *subtitle = NULL;

  /* Translators: under a suggestion in the sidebar: tag, rule that fired, confidence */
  subtitle = g_strdup_printf (_("%s · rule %s · %d %%"), tag != NULL ? gloss_tag_get_label (tag) : s->tag,
                              s->rule, (int) (s->confidence * 100 + 0.5));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strdelimit (title, "\n", ' '));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data (G_OBJECT (row), "suggestion", s);
  return row;
}

static void
sync_selection (GlossSuggestionList *self)
{
  GlossSuggestion *current = gloss_suggestion_layer_get_current (self->layer);
  GPtrArray *pending = gloss_suggestion_layer_get_pending (self->layer);
  GtkListBoxRow *row = NULL;
  guint index;

  if (current != NULL && g_ptr_array_find (pending, current, &index))
    row = gtk_list_box_get_row_at_index (self->list, index);
  self->syncing = TRUE;
  gtk_list_box_select_row (self->list, row);
  self->syncing = FALSE;
}

static void
layer_changed_cb (GlossSuggestionList *self)
{
  GPtrArray *pending = gloss_suggestion_layer_get_pending (self->layer);
  gboolean visible = gloss_suggestion_layer_get_visible (self->layer);
  g_autofree char *count = NULL;
  GtkWidget *child;

  /* The layer replaces its pending array whenever one is decided. */
  if (self->shown != pending)
    {
      g_autoptr(GHashTable) now = g_hash_table_new (NULL, NULL);
      guint i = 0;

      g_clear_pointer (&self->shown, g_ptr_array_unref);
      self->shown = g_ptr_array_ref (pending);
      self->syncing = TRUE;
      /* Rows are kept, not rebuilt (an article can have a thousand): the
       * decided ones go, the ones back (an undo) come in at their place.
       * Both lists are in text order, so what stays is in order too. */
      for (guint j = 0; j < pending->len; j++)
        g_hash_table_add (now, pending->pdata[j]);
      child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
      while (child != NULL)
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          if (!g_hash_table_contains (now, g_object_get_data (G_OBJECT (child), "suggestion")))
            gtk_list_box_remove (self->list, child);
          child = next;
        }
      child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
      for (i = 0; i < pending->len; i++)
        {
          if (child != NULL && g_object_get_data (G_OBJECT (child), "suggestion") == pending->pdata[i])
            {
              child = gtk_widget_get_next_sibling (child);
              continue;
            }
          gtk_list_box_insert (self->list, make_row (self, pending->pdata[i]), (int) i);
        }
      self->n_rows = pending->len;
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
row_selected_cb (GlossSuggestionList *self,
                 GtkListBoxRow       *row)
{
  if (self->syncing || self->layer == NULL || row == NULL)
    return;
  gloss_suggestion_layer_set_current (self->layer, gtk_list_box_row_get_index (row));
}

static void
clear (GlossSuggestionList *self)
{
  GtkWidget *child;

  if (self->layer != NULL)
    g_signal_handlers_disconnect_by_data (self->layer, self);
  g_clear_pointer (&self->binding, g_binding_unbind);
  g_clear_object (&self->layer);
  g_clear_object (&self->document);
  g_clear_object (&self->codebook);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->n_rows = 0;
  if (self->list != NULL)
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
      gtk_list_box_remove (self->list, child);
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
  return self->n_rows;
}

static void
gloss_suggestion_list_dispose (GObject *object)
{
  GlossSuggestionList *self = GLOSS_SUGGESTION_LIST (object);

  clear (self);
  g_clear_object (&self->article);
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
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
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
}

static void
gloss_suggestion_list_init (GlossSuggestionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_label (self->count_label, _("No suggestions"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->shown_switch), FALSE);
  gloss_suggestion_list_set_project (self, NULL);
}
