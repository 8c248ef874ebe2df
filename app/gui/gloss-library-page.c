/* gloss-library-page.c: the articles of the library folder, searched and sorted
 *
 * A GtkColumnView over the index (gloss-library.c): one GlossLibraryItem per
 * article in a GListStore, filtered by state and search, sorted by the
 * column the user clicked.  Indexing, listing and searching run in worker
 * threads; the page only swaps models.  Activating a row emits
 * ::open-article; the owner (the window, gloss-window-library.c) opens it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export.h"
#include "gloss-library.h"
#include "gloss-library-hit-item.h"
#include "gloss-library-item.h"
#include "gloss-library-agreement.h"
#include "gloss-library-page.h"
#include "gloss-library-page-private.h"
#include "gloss-preferences-window.h"
#include "gloss-sidecar.h"
#include "gloss-task.h"

G_DEFINE_FINAL_TYPE (GlossLibraryPage, gloss_library_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_ANNOTATOR,
  PROP_LOADING,
  PROP_CAN_GO_BACK,
  N_PROPS
};

enum {
  OPEN_ARTICLE,
  TOGGLE_DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void search_now (GlossLibraryPage *self);

/* The button says what it will do: an article you marked done is marked
 * not done (it said "Mark Done" and took the flag away). */
static void
update_done_label (GlossLibraryPage *self)
{
  GlossLibraryItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *annotator = self->annotator != NULL ? g_strdup (self->annotator) : gloss_annotator_id_default ();
  const GlossLibraryArticle *article = item != NULL ? gloss_library_item_get_article (item) : NULL;
  gboolean mine = article != NULL && article->done_by != NULL &&
                  g_strv_contains ((const char * const *) article->done_by, annotator);

  const char *label = mine ? _("Mark _Not Done") : _("Mark _Done");
  g_autoptr(GMenuModel) section = NULL;

  if (self->done_button == NULL)
    return;
  gtk_button_set_label (self->done_button, label);

  /* The row's menu says the same (its third item). */
  if (self->row_menu != NULL &&
      (section = g_menu_model_get_item_link (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (self->row_menu)), 0,
                                             G_MENU_LINK_SECTION)) != NULL &&
      G_IS_MENU (section) && g_menu_model_get_n_items (section) == 3)
    {
      g_autofree char *shown = NULL;

      g_menu_model_get_item_attribute (section, 2, G_MENU_ATTRIBUTE_LABEL, "s", &shown);
      if (g_strcmp0 (shown, label) != 0)
        {
          g_menu_remove (G_MENU (section), 2);
          g_menu_append (G_MENU (section), label, "library.toggle-done");
        }
    }
}

static void
update_actions (GlossLibraryPage *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  update_done_label (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.toggle-done", selected && !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.open", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.open-new-window", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.refresh", self->folder != NULL);
}

static void
set_loading (GlossLibraryPage *self,
             gboolean          loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_status (GlossLibraryPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->status != NULL)
    g_string_append (text, self->status);
  else if (shown == total)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", total), total);
  else
    /* Translators: articles shown of all articles in the library */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u article", "%u of %u articles", total),
                            shown, total);
  if (self->n_broken > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u file could not be read",
                                                 "%u files could not be read", self->n_broken),
                              self->n_broken);
    }
  gtk_label_set_text (self->status_label, text->str);

  if (total == 0 && !self->loading)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GlossLibraryPage *self = user_data;
  guint state = gtk_drop_down_get_selected (self->state_dropdown);

  if (state != 0 && state != GTK_INVALID_LIST_POSITION &&
      gloss_library_item_get_state (item) != (GlossLibraryState) (state - 1))
    return FALSE;
  if (self->searching && gloss_library_item_get_hits (item) == 0)
    return FALSE;
  return TRUE;
}

static void
filter_changed (GlossLibraryPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status (self);
  update_actions (self);
}

/* ------------------------------------------------------------------ */
/* Loading: update the index, then list its articles */

static gboolean
changed_timeout_cb (gpointer user_data)
{
  GlossLibraryPage *self = user_data;

  self->changed_id = 0;
  gloss_library_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Files come in bursts (a git pull, a sync folder): one refresh a second
 * after the last change. */
static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   GlossLibraryPage  *self)
{
  g_autofree char *name = g_file_get_basename (file);

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || name == NULL || name[0] == '.')
    return;
  g_clear_handle_id (&self->changed_id, g_source_remove);
  self->changed_id = g_timeout_add_seconds (1, changed_timeout_cb, self);
}

/* GIO monitors one folder at a time: every folder of the library gets one
 * (hidden ones excepted, as the index skips them). */
static void
add_monitors (GlossLibraryPage *self,
              GFile            *dir,
              guint             depth)
{
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (self->monitors->len >= 512 || depth > 8)
    return;
  monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;
  g_signal_connect_object (monitor, "changed", G_CALLBACK (folder_changed_cb), self, 0);
  g_ptr_array_add (self->monitors, g_steal_pointer (&monitor));

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && g_file_info_get_name (info)[0] != '.')
        {
          g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

          add_monitors (self, child, depth + 1);
        }
      g_object_unref (info);
    }
}

static void
watch_folders (GlossLibraryPage *self)
{
  g_ptr_array_set_size (self->monitors, 0);
  if (self->folder != NULL)
    add_monitors (self, self->folder, 0);
}

static void
listing_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GlossLibrary *library = task_data;
  GError *error = NULL;
  GPtrArray *articles = gloss_library_list_articles (library, &error);

  if (articles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, articles, (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (source);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  articles = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->status, g_free);
  if (articles == NULL)
    self->status = g_strdup (error->message);
  else
    {
      items = g_ptr_array_new_with_free_func (g_object_unref);
      /* The items own the articles now. */
      g_ptr_array_set_free_func (articles, NULL);
      for (guint i = 0; i < articles->len; i++)
        g_ptr_array_add (items, gloss_library_item_new (g_ptr_array_index (articles, i)));
      g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                           items->pdata, items->len);
    }
  set_loading (self, FALSE);
  update_status (self);
  watch_folders (self);
  _gloss_library_page_refresh_tags (self);

  if (self->refresh_again)
    gloss_library_page_refresh (self);
  else if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    search_now (self);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Reports arrive from the main loop, possibly after the page is gone. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  g_autoptr(GlossLibraryPage) self = g_weak_ref_get (user_data);

  if (self == NULL || total == 0 || !self->loading)
    return;
  g_free (self->status);
  self->status = g_strdup_printf (_("Indexing: %u of %u articles"), done, total);
  update_status (self);
}

/* Files that could not be read are listed, each with its whole error: the
 * user must be able to find and fix them, never to lose them silently. */
static void
show_broken (GlossLibraryPage *self,
             GPtrArray        *broken)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *root = self->folder != NULL ? g_file_get_path (self->folder) : NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < broken->len; i++)
    {
      GlossLibraryBroken *file = g_ptr_array_index (broken, i);
      const char *path = file->path;
      gsize n = root != NULL ? strlen (root) : 0;

      if (root != NULL && strncmp (path, root, n) == 0 && path[n] == G_DIR_SEPARATOR)
        path += n + 1;
      g_ptr_array_add (lines, g_strdup_printf ("%s: %s", path, file->error));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->broken, 0, g_list_model_get_n_items (G_LIST_MODEL (self->broken)),
                          (const char * const *) lines->pdata);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file could not be read and is left out:",
                                          "%u files could not be read and are left out:", broken->len),
                             broken->len);
  gtk_label_set_text (self->broken_label, summary);
  gtk_revealer_set_reveal_child (self->broken_revealer, broken->len > 0);
}

static GtkWidget *
create_broken_row (gpointer item,
                   gpointer user_data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

static void
updated_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GlossLibraryPage) self = user_data;
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  stats = gloss_library_update_finish (GLOSS_LIBRARY (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->status, g_free);
  if (stats == NULL)
    {
      /* The index may still list what it knew. */
      self->status = g_strdup (error->message);
      self->n_broken = 0;
    }
  else
    {
      self->n_broken = stats->broken->len;
      show_broken (self, stats->broken);
    }

  task = g_task_new (self, self->cancellable, listed_cb, NULL);
  g_task_set_source_tag (task, updated_cb);
  g_task_set_task_data (task, g_object_ref (self->library), g_object_unref);
  gloss_task_run_in_thread (task, listing_thread);
}

/**
 * gloss_library_page_refresh:
 *
 * Reads what changed in the folder and lists the articles again.
 */
void
gloss_library_page_refresh (GlossLibraryPage *self)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_PAGE (self));

  if (self->folder == NULL)
    return;
  if (self->loading)
    {
      self->refresh_again = TRUE;
      return;
    }
  self->refresh_again = FALSE;

  g_clear_object (&self->library);
  {
    g_autofree char *path = g_file_get_path (self->folder);
    const char *folders[] = { path, NULL };

    self->library = gloss_library_new (folders);
    if (self->database != NULL)
      gloss_library_set_database (self->library, self->database);
  }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  g_free (self->status);
  self->status = g_strdup (_("Looking for changed files…"));
  update_status (self);
  /* The callback holds a reference; progress only a weak one. */
  {
    GWeakRef *ref = g_new0 (GWeakRef, 1);

    g_weak_ref_init (ref, self);
    gloss_library_update_async (self->library, progress_cb, ref, (GDestroyNotify) weak_ref_free,
                                self->cancellable, updated_cb, g_object_ref (self));
  }
}

/* ------------------------------------------------------------------ */
/* Search */

typedef struct
{
  GlossLibrary *library;
  char         *query;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_object_unref (data->library);
  g_free (data->query);
  g_free (data);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;
  GPtrArray *hits = gloss_library_search (data->library, data->query, NULL, NULL, 0, &error);

  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

static char *
hit_markup (GlossLibraryHit *hit)
{
  /* The Match column is narrow and ends in an ellipsis: a few characters
   * before the match, so that the match itself is in view. */
  const glong keep = 8;
  glong n_before = g_utf8_strlen (hit->before, -1);
  g_autofree char *near = n_before > keep
    ? g_strconcat ("…", g_utf8_offset_to_pointer (hit->before, n_before - keep), NULL)
    : g_strdup (hit->before);
  g_autofree char *before = g_markup_escape_text (near, -1);
  g_autofree char *match = g_markup_escape_text (hit->match, -1);
  g_autofree char *after = g_markup_escape_text (hit->after, -1);

  if (hit->kind == GLOSS_LIBRARY_HIT_ANNOTATION)
    {
      g_autofree char *where = g_markup_printf_escaped ("%s/%s", hit->annotator, hit->tag);

      return g_strdup_printf ("<i>%s</i> %s<b>%s</b>%s", where, before, match, after);
    }
  return g_strdup_printf ("%s<b>%s</b>%s", before, match, after);
}

static void
searched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (source);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  hits = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->search_cancellable)
    return;
  if (hits == NULL)
    {
      g_free (self->status);
      self->status = g_strdup (error->message);
      update_status (self);
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      GlossLibraryHit *hit = g_ptr_array_index (hits, i);

      if (!g_hash_table_contains (first, hit->article))
        g_hash_table_insert (first, hit->article, hit);
      g_hash_table_insert (counts, hit->article,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, hit->article)) + 1));
    }

  g_hash_table_remove_all (self->matches);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const char *path = gloss_library_item_get_article (item)->path;
      GlossLibraryHit *hit = g_hash_table_lookup (first, path);
      g_autofree char *markup = hit != NULL ? hit_markup (hit) : NULL;

      gloss_library_item_set_match (item, GPOINTER_TO_UINT (g_hash_table_lookup (counts, path)), markup);
      /* Opening the row goes to the match it shows. */
      if (hit != NULL)
        g_hash_table_insert (self->matches, g_strdup (path), gloss_library_hit_item_new (gloss_library_hit_copy (hit)));
    }

  g_clear_pointer (&self->status, g_free);
  self->searching = TRUE;
  gtk_column_view_column_set_visible (self->match_column, TRUE);
  filter_changed (self);
  {
    g_autofree char *found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", hits->len),
                                              hits->len);
    g_autofree char *text = g_strconcat (gtk_label_get_text (self->status_label), " · ", found, NULL);

    gtk_label_set_text (self->status_label, text);
  }
}

static void
clear_search (GlossLibraryPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (!self->searching)
    return;
  g_hash_table_remove_all (self->matches);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      gloss_library_item_set_match (item, 0, NULL);
    }
  self->searching = FALSE;
  gtk_column_view_column_set_visible (self->match_column, FALSE);
  filter_changed (self);
}

static void
search_now (GlossLibraryPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  if (query[0] == '\0' || self->library == NULL)
    {
      clear_search (self);
      return;
    }
  /* The search waits for the list it filters. */
  if (self->loading)
    return;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();

  data = g_new0 (SearchData, 1);
  data->library = g_object_ref (self->library);
  data->query = g_strdup (query);
  task = g_task_new (self, self->search_cancellable, searched_cb, NULL);
  g_task_set_source_tag (task, search_now);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  gloss_task_run_in_thread (task, search_thread);
}

static void
search_changed_cb (GlossLibraryPage *self)
{
  search_now (self);
}

/* Enter in the search entry opens the first article found. */
static void
search_activate_cb (GlossLibraryPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_activate_action (GTK_WIDGET (self), "library.open", NULL);
}

/* Escape empties the search and shows every article again. */
static void
search_stop_cb (GlossLibraryPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
state_changed_cb (GlossLibraryPage *self)
{
  filter_changed (self);
}


/* ------------------------------------------------------------------ */
/* Opening, marking done */

void
_gloss_library_page_emit_open (GlossLibraryPage    *self,
                               GFile               *file,
                               gboolean             new_window,
                               GlossLibraryHitItem *match)
{
  g_signal_emit (self, signals[OPEN_ARTICLE], 0, file, new_window, match);
}

/* While searching, a row opens at the match it shows. */
static void
emit_open (GlossLibraryPage *self,
           GlossLibraryItem *item,
           gboolean          new_window)
{
  g_autoptr(GFile) file = gloss_library_item_get_file (item);
  GlossLibraryHitItem *match = self->searching ? g_hash_table_lookup (self->matches, gloss_library_item_get_article (item)->path)
                                               : NULL;

  _gloss_library_page_emit_open (self, file, new_window, match);
}

/* A double-coded article activated in the Agreement view. */
static void
agreement_open_cb (GlossLibraryPage *self,
                   GFile            *file)
{
  _gloss_library_page_emit_open (self, file, FALSE, NULL);
}

static void
activate_cb (GlossLibraryPage *self,
             guint             position)
{
  g_autoptr(GlossLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    emit_open (self, item, FALSE);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (widget);
  GlossLibraryItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    emit_open (self, item, g_str_equal (action_name, "library.open-new-window"));
}

/* The row under the pointer: its title label carries the article's path
 * (its tooltip), the one thing of the item a cell shows for certain. */
static guint
position_at (GlossLibraryPage *self,
             double            x,
             double            y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  const char *path = NULL;

  for (; widget != NULL && widget != GTK_WIDGET (self->column_view) && path == NULL;
       widget = gtk_widget_get_parent (widget))
    if (g_str_equal (gtk_widget_get_css_name (widget), "row"))
      for (GtkWidget *cell = gtk_widget_get_first_child (widget); cell != NULL && path == NULL;
           cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *label = gtk_widget_get_first_child (cell);

          if (GTK_IS_LABEL (label) && gtk_widget_get_tooltip_text (label) != NULL)
            path = gtk_widget_get_tooltip_text (label);
        }
  for (guint i = 0; path != NULL && i < n; i++)
    {
      g_autoptr(GlossLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (gloss_library_item_get_article (item)->path, path) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Ctrl+click opens the article in another window; a right click offers it. */
static void
row_pressed_cb (GtkGestureClick  *gesture,
                int               n_press,
                double            x,
                double            y,
                GlossLibraryPage *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint position;

  if (button == GDK_BUTTON_PRIMARY && !(state & GDK_CONTROL_MASK))
    return;
  position = position_at (self, x, y);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, position);
  if (button == GDK_BUTTON_PRIMARY)
    gtk_widget_activate_action (GTK_WIDGET (self), "library.open-new-window", NULL);
  else
    {
      double px, py;

      gtk_widget_translate_coordinates (GTK_WIDGET (self->column_view), GTK_WIDGET (self), x, y, &px, &py);
      gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu), &(GdkRectangle) { px, py, 1, 1 });
      gtk_popover_popup (GTK_POPOVER (self->row_menu));
    }
}

/* Shift+F10 and the Menu key: the same menu, at the page. */
static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (widget);

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu), NULL);
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

/* The articles whose text changed since they were annotated ("Changed
 * Texts"): reading every kept version costs, so the list looks at the folder
 * only while it is shown, and again on refresh. */
static void
update_stealth_edits (GlossLibraryPage *self,
                      gboolean          again)
{
  GFile *shown = gloss_stealth_edits_get_folder (self->stealth_edits);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->mode_stack), "changes") != 0)
    return;
  if (!again && (shown == self->folder || (shown != NULL && self->folder != NULL && g_file_equal (shown, self->folder))))
    return;
  gloss_stealth_edits_set_folder (self->stealth_edits, self->folder);
}

/* Too narrow for the tabs in the header (they moved to the bottom bar):
 * too narrow for every column too.  The title and the state stay; source,
 * date and coders come back when the window is wide again. */
static void
narrow_changed_cb (GlossLibraryPage *self)
{
  gboolean wide = !adw_view_switcher_title_get_title_visible (self->switcher_title);

  gtk_column_view_column_set_visible (self->source_column, wide);
  gtk_column_view_column_set_visible (self->date_column, wide);
  gtk_column_view_column_set_visible (self->coders_column, wide);
}

static void
mode_changed_cb (GlossLibraryPage *self)
{
  update_stealth_edits (self, FALSE);
}

static void
stealth_edit_open_cb (GlossLibraryPage *self,
                      GFile            *article)
{
  _gloss_library_page_emit_open (self, article, FALSE, NULL);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gloss_library_page_refresh (GLOSS_LIBRARY_PAGE (widget));
  update_stealth_edits (GLOSS_LIBRARY_PAGE (widget), TRUE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* In a worker thread: the annotator's own sidecar gets or loses
 * `"status": "done"`; everything else in it stays as it was. */
static void
toggle_done_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *status;
  gboolean done;

  sidecar = gloss_sidecar_load (file, NULL, &error);
  if (sidecar == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  status = gloss_sidecar_get_extension (sidecar, GLOSS_LIBRARY_STATUS_MEMBER);
  done = status != NULL && JSON_NODE_HOLDS_VALUE (status) &&
         g_strcmp0 (json_node_get_string (status), "done") == 0;
  if (done)
    gloss_sidecar_set_extension (sidecar, GLOSS_LIBRARY_STATUS_MEMBER, NULL);
  else
    {
      g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);

      json_node_set_string (value, "done");
      gloss_sidecar_set_extension (sidecar, GLOSS_LIBRARY_STATUS_MEMBER, value);
    }
  if (!gloss_sidecar_save (sidecar, file, GLOSS_SIDECAR_SAVE_NONE, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
toggled_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_free (self->status);
      self->status = g_strdup (error->message);
      update_status (self);
      g_clear_pointer (&self->status, g_free);
      return;
    }
  gloss_library_page_refresh (self);
}

static void
toggle_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (widget);
  GlossLibraryItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) sidecar = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *annotator = NULL;
  gboolean handled = FALSE;

  if (item == NULL)
    return;
  annotator = self->annotator != NULL ? g_strdup (self->annotator) : gloss_annotator_id_default ();
  article = gloss_library_item_get_file (item);
  g_signal_emit (self, signals[TOGGLE_DONE], 0, article, &handled);
  if (handled)
    return;
  sidecar = gloss_sidecar_file_for_article (article, annotator);
  if (!g_file_query_exists (sidecar, NULL))
    {
      g_free (self->status);
      self->status = g_strdup_printf (_("You (%s) have no annotations on this article yet"), annotator);
      update_status (self);
      g_clear_pointer (&self->status, g_free);
      return;
    }
  task = g_task_new (self, NULL, toggled_done_cb, NULL);
  g_task_set_source_tag (task, toggle_done_action);
  g_task_set_task_data (task, g_steal_pointer (&sidecar), g_object_unref);
  gloss_task_run_in_thread (task, toggle_done_thread);
}

static void
selection_changed_cb (GlossLibraryPage *self)
{
  update_actions (self);
}

/* ------------------------------------------------------------------ */
/* The object */

GtkWidget *
gloss_library_page_new (void)
{
  return g_object_new (GLOSS_TYPE_LIBRARY_PAGE, NULL);
}

GFile *
gloss_library_page_get_folder (GlossLibraryPage *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_PAGE (self), NULL);
  return self->folder;
}

/* The empty page offers the open article's folder, when it is not the
 * library's already: a first library is often where the articles are. */
static void
update_article_folder (GlossLibraryPage *self)
{
  gboolean offer = self->article_folder != NULL &&
                   (self->folder == NULL || !g_file_equal (self->article_folder, self->folder));

  if (offer)
    {
      g_autofree char *name = g_file_get_basename (self->article_folder);
      /* Translators: a button of the empty Library; %s is a folder's name */
      g_autofree char *label = g_strdup_printf (_("_Use “%s”, the Article's Folder"), name);
      g_autofree char *path = g_file_get_parse_name (self->article_folder);

      gtk_button_set_label (self->use_article_folder_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->use_article_folder_button), path);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->use_article_folder_button), offer);
}

/**
 * gloss_library_page_set_article_folder:
 * @folder: (nullable): the folder of the article open in the window
 *
 * When the library is empty, its page offers to use @folder instead.
 */
void
gloss_library_page_set_article_folder (GlossLibraryPage *self,
                                       GFile            *folder)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_PAGE (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->article_folder, folder);
  update_article_folder (self);
}

void
gloss_library_page_set_folder (GlossLibraryPage *self,
                               GFile            *folder)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_PAGE (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  if (self->folder == folder || (self->folder != NULL && folder != NULL && g_file_equal (self->folder, folder)))
    return;
  g_set_object (&self->folder, folder);
  if (folder != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);
      g_autofree char *description = g_strdup_printf (_("Articles and sidecars in %s appear here. "
                                                        "Fetched pages are saved there too."), name);

      /* Translators: the tooltip of the Library's folder button */
      g_autofree char *tooltip = g_strdup_printf (_("Library folder: %s. Choose another…"), name);

      adw_view_switcher_title_set_subtitle (self->switcher_title, name);
      adw_status_page_set_description (self->empty_page, description);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->folder_button), tooltip);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
  update_article_folder (self);
  gloss_library_agreement_set_articles (self->agreement, folder, G_LIST_MODEL (self->store));
  update_stealth_edits (self, FALSE);
  g_list_store_remove_all (self->store);
  gloss_library_page_refresh (self);
}

const char *
gloss_library_page_get_annotator (GlossLibraryPage *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_PAGE (self), NULL);
  return self->annotator;
}

void
gloss_library_page_set_annotator (GlossLibraryPage *self,
                                  const char       *annotator)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_PAGE (self));

  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;
  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

gboolean
gloss_library_page_get_can_go_back (GlossLibraryPage *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_PAGE (self), FALSE);
  return self->can_go_back;
}

/**
 * gloss_library_page_set_can_go_back:
 *
 * Whether the header shows a button back to the article (win.library): the
 * window's Library has one while an article is open.
 */
void
gloss_library_page_set_can_go_back (GlossLibraryPage *self,
                                    gboolean          can_go_back)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_PAGE (self));

  if (self->can_go_back == !!can_go_back)
    return;
  self->can_go_back = !!can_go_back;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

/* Keyboard focus where work starts: the list, or the search when empty. */
void
gloss_library_page_focus (GlossLibraryPage *self)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_PAGE (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0 &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->mode_stack), "articles") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* "path: error" for every file the index could not read. */
GListModel *
_gloss_library_page_get_broken (GlossLibraryPage *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_PAGE (self), NULL);
  return G_LIST_MODEL (self->broken);
}

GlossLibraryAgreement *
_gloss_library_page_get_agreement (GlossLibraryPage *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_PAGE (self), NULL);
  return self->agreement;
}

gboolean
gloss_library_page_get_loading (GlossLibraryPage *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_PAGE (self), FALSE);
  return self->loading;
}

GListModel *
gloss_library_page_get_model (GlossLibraryPage *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

void
_gloss_library_page_set_database (GlossLibraryPage *self,
                                  const char       *path)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_PAGE (self));
  g_free (self->database);
  self->database = g_strdup (path);
}

static void
gloss_library_page_dispose (GObject *object)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_handle_id (&self->changed_id, g_source_remove);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_cancellable_cancel (self->retrieve_cancellable);
  g_clear_object (&self->retrieve_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LIBRARY_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->retrieve_selection);
  g_clear_object (&self->retrieve_store);
  g_clear_object (&self->broken);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->folder);
  g_clear_object (&self->article_folder);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  G_OBJECT_CLASS (gloss_library_page_parent_class)->dispose (object);
}

static void
gloss_library_page_finalize (GObject *object)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (object);

  g_free (self->database);
  g_free (self->annotator);
  g_free (self->status);
  g_strfreev (self->tags);
  g_strfreev (self->attributes);
  G_OBJECT_CLASS (gloss_library_page_parent_class)->finalize (object);
}

static void
gloss_library_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->can_go_back);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_library_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      gloss_library_page_set_folder (self, g_value_get_object (value));
      break;
    case PROP_ANNOTATOR:
      gloss_library_page_set_annotator (self, g_value_get_string (value));
      break;
    case PROP_CAN_GO_BACK:
      gloss_library_page_set_can_go_back (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_library_page_class_init (GlossLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_library_page_dispose;
  object_class->finalize = gloss_library_page_finalize;
  object_class->get_property = gloss_library_page_get_property;
  object_class->set_property = gloss_library_page_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossLibraryPage::open-article:
   * @file: the article
   * @new_window: the user asked for another window (Ctrl+click, the menu)
   * @match: (nullable): the search hit or retrieved annotation to go to
   */
  signals[OPEN_ARTICLE] =
    g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_FILE, G_TYPE_BOOLEAN, GLOSS_TYPE_LIBRARY_HIT_ITEM);
  /**
   * GlossLibraryPage::toggle-done:
   * @file: the article
   *
   * Ctrl+D on an article: a window that has it open marks it done (or not)
   * in its own sidecar, the one it saves, and returns %TRUE; otherwise the
   * page writes the file.
   */
  signals[TOGGLE_DONE] =
    g_signal_new ("toggle-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_FILE);

  g_type_ensure (GLOSS_TYPE_LIBRARY_ITEM);
  g_type_ensure (GLOSS_TYPE_LIBRARY_HIT_ITEM);
  g_type_ensure (GLOSS_TYPE_LIBRARY_AGREEMENT);
  g_type_ensure (GLOSS_TYPE_STEALTH_EDITS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, folder_button);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, use_article_folder_button);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, match_column);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, source_column);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, coders_column);
  gtk_widget_class_bind_template_callback (widget_class, narrow_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, stealth_edits);
  gtk_widget_class_bind_template_callback (widget_class, stealth_edit_open_cb);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, agreement);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, broken_box);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, broken_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, broken_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, row_pressed_cb);
  _gloss_library_page_class_init_retrieve (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, agreement_open_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, state_changed_cb);

  gtk_widget_class_install_action (widget_class, "library.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "library.open-new-window", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "library.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "library.open-new-window", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "library.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "library.menu", NULL);
  gtk_widget_class_install_action (widget_class, "library.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "library.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "library.toggle-done", NULL, toggle_done_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "library.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "library.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "library.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "library.toggle-done", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "library-page");
}

static void
gloss_library_page_init (GlossLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->mode_stack, "notify::visible-child-name",
                           G_CALLBACK (mode_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  self->matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->store = g_list_store_new (GLOSS_TYPE_LIBRARY_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* Sorted by title until the user clicks another heading. */
  gtk_column_view_sort_by_column (self->column_view, self->title_column, GTK_SORT_ASCENDING);

  _gloss_library_page_init_retrieve (self);
  self->broken = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->broken_box, G_LIST_MODEL (self->broken), create_broken_row, NULL, NULL);
  update_actions (self);
  update_status (self);
}
