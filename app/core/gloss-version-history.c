/* gloss-version-history.c: which versions of an article were kept, and which articles changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-version-history.h"
#include "gloss-version-store.h"

/*
 * The version store (gloss-version-store.c) names kept texts by their
 * SHA-256 and notes, in SHA256.json, each time one was read: the article's
 * file name ("source"), its URL, when the page was retrieved and when Gloss
 * read it.  Grouping those notes by file name gives an article's history;
 * an article with more than one kept text changed under its annotations —
 * re-fetched and different, a correction or a stealth edit.  Only the
 * `.gloss/texts` folder beside the articles is read: the user's fallback
 * folder mixes articles of every folder, whose names may repeat.
 */

void
gloss_version_info_free (GlossVersionInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->sha256);
  g_free (info->retrieved);
  g_free (info->read);
  g_free (info->last_read);
  g_free (info->url);
  g_free (info);
}

void
gloss_changed_article_free (GlossChangedArticle *changed)
{
  if (changed == NULL)
    return;
  g_clear_object (&changed->article);
  g_clear_pointer (&changed->versions, g_ptr_array_unref);
  g_free (changed);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* ISO 8601 UTC times compare as strings; a missing one sorts first. */
static gboolean
earlier (const char *a,
         const char *b)
{
  return b == NULL || (a != NULL && strcmp (a, b) < 0);
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const GlossVersionInfo *x = *(GlossVersionInfo * const *)a;
  const GlossVersionInfo *y = *(GlossVersionInfo * const *)b;
  int order = g_strcmp0 (x->read, y->read);

  if (order == 0)
    order = g_strcmp0 (x->retrieved, y->retrieved);
  return order != 0 ? order : strcmp (x->sha256, y->sha256);
}

/* Adds what one SHA256.json says to @by_source: file name → versions. */
static void
read_info (GFile      *texts,
           const char *name,
           GHashTable *by_source)
{
  g_autoptr(GFile) file = g_file_get_child (texts, name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *sha256 = g_strndup (name, strlen (name) - strlen (".json"));
  g_autofree char *text_name = g_strconcat (sha256, ".txt.gz", NULL);
  g_autoptr(GFile) text = g_file_get_child (texts, text_name);
  JsonObject *info;
  JsonNode *root, *seen;

  /* A note without its text is no version to compare with. */
  if (path == NULL || !g_file_query_exists (text, NULL) || !json_parser_load_from_mapped_file (parser, path, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  info = json_node_get_object (root);
  if (g_strcmp0 (member_string (info, "sha256"), sha256) != 0)
    return;
  seen = json_object_get_member (info, "seen");
  if (seen == NULL || !JSON_NODE_HOLDS_ARRAY (seen))
    return;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (seen)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (seen), i);
      JsonObject *entry;
      const char *source, *read, *retrieved;
      GPtrArray *versions;
      GlossVersionInfo *version = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      source = member_string (entry, "source");
      if (source == NULL)
        continue;
      read = member_string (entry, "read");
      retrieved = member_string (entry, "retrieved");

      versions = g_hash_table_lookup (by_source, source);
      if (versions == NULL)
        {
          versions = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_version_info_free);
          g_hash_table_insert (by_source, g_strdup (source), versions);
        }
      for (guint j = 0; j < versions->len && version == NULL; j++)
        if (strcmp (((GlossVersionInfo *)g_ptr_array_index (versions, j))->sha256, sha256) == 0)
          version = g_ptr_array_index (versions, j);
      if (version == NULL)
        {
          JsonNode *length = json_object_get_member (info, "length");

          version = g_new0 (GlossVersionInfo, 1);
          version->sha256 = g_strdup (sha256);
          if (length != NULL && JSON_NODE_HOLDS_VALUE (length) && json_node_get_value_type (length) == G_TYPE_INT64)
            version->length = (guint)CLAMP (json_node_get_int (length), 0, G_MAXUINT);
          g_ptr_array_add (versions, version);
        }

      /* The first reading says when this text appeared. */
      if (version->read == NULL || earlier (read, version->read))
        {
          g_free (version->read);
          version->read = g_strdup (read);
          g_free (version->retrieved);
          version->retrieved = g_strdup (retrieved);
          g_free (version->url);
          version->url = g_strdup (member_string (entry, "url"));
        }
      if (read != NULL && (version->last_read == NULL || strcmp (read, version->last_read) > 0))
        {
          g_free (version->last_read);
          version->last_read = g_strdup (read);
        }
    }
}

static GHashTable *
read_folder (GFile        *texts,
             GCancellable *cancellable)
{
  GHashTable *by_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (texts, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                        cancellable, NULL);
  if (children == NULL)
    return by_source;
  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".json") && strlen (name) == 64 + strlen (".json"))
        read_info (texts, name, by_source);
      g_object_unref (info);
    }
  return by_source;
}

/**
 * gloss_version_history_list:
 * @article: an article file
 *
 * Reads the notes of the texts kept beside @article.  Blocking.
 *
 * Returns: (transfer full) (element-type GlossVersionInfo): the texts kept of
 *   @article, in the order Gloss first read them; empty when none was kept
 */
GPtrArray *
gloss_version_history_list (GFile *article)
{
  g_autoptr(GFile) texts = NULL;
  g_autoptr(GHashTable) by_source = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  GPtrArray *versions;

  g_return_val_if_fail (G_IS_FILE (article), NULL);

  texts = gloss_version_store_folder (article);
  by_source = read_folder (texts, NULL);
  name = g_file_get_basename (article);
  if (name == NULL || !g_hash_table_steal_extended (by_source, name, (gpointer *)&key, (gpointer *)&versions))
    return g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_version_info_free);
  g_ptr_array_sort (versions, compare_versions);
  return versions;
}

static int
compare_changed (gconstpointer a,
                 gconstpointer b)
{
  const GlossChangedArticle *x = *(GlossChangedArticle * const *)a;
  const GlossChangedArticle *y = *(GlossChangedArticle * const *)b;
  g_autofree char *p = g_file_get_path (x->article);
  g_autofree char *q = g_file_get_path (y->article);

  return g_strcmp0 (p, q);
}

static gboolean
scan (GFile        *folder,
      GPtrArray    *changed,
      guint         depth,
      GCancellable *cancellable,
      GError      **error)
{
  g_autoptr(GFile) texts = g_file_resolve_relative_path (folder, ".gloss/texts");
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GHashTable) by_source = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GFileInfo *info;

  if (g_file_query_exists (texts, cancellable))
    {
      by_source = read_folder (texts, cancellable);
      g_hash_table_iter_init (&iter, by_source);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(GFile) article = NULL;
          GlossChangedArticle *item;

          if (((GPtrArray *)value)->len < 2 || strchr (key, G_DIR_SEPARATOR) != NULL)
            continue;
          article = g_file_get_child (folder, key);
          if (!g_file_query_exists (article, cancellable))
            continue;
          item = g_new0 (GlossChangedArticle, 1);
          item->article = g_steal_pointer (&article);
          item->versions = g_ptr_array_ref (value);
          g_ptr_array_sort (item->versions, compare_versions);
          g_ptr_array_add (changed, item);
        }
    }

  /* Folders of articles, not links out of them, nor Gloss's own or hidden ones. */
  if (depth > 32)
    return TRUE;
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (children == NULL)
    return FALSE;
  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && name[0] != '.')
        {
          g_autoptr(GFile) child = g_file_get_child (folder, name);

          /* A subfolder that cannot be read is skipped, not the whole library. */
          scan (child, changed, depth + 1, cancellable, NULL);
        }
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * gloss_version_history_changed:
 * @folder: a library folder
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds the articles in @folder and its subfolders of which more than one
 * text was kept.  Blocking.
 *
 * Returns: (transfer full) (element-type GlossChangedArticle) (nullable):
 *   the changed articles sorted by path, or %NULL when @folder cannot be read
 */
GPtrArray *
gloss_version_history_changed (GFile         *folder,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GPtrArray) changed = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  changed = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_changed_article_free);
  if (!scan (folder, changed, 0, cancellable, error))
    return NULL;
  g_ptr_array_sort (changed, compare_changed);
  return g_steal_pointer (&changed);
}

static void
changed_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *changed = gloss_version_history_changed (task_data, cancellable, &error);

  if (changed != NULL)
    g_task_return_pointer (task, changed, (GDestroyNotify)g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * gloss_version_history_changed_async:
 * @folder: a library folder
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * gloss_version_history_changed() in a worker thread.
 */
void
gloss_version_history_changed_async (GFile               *folder,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_version_history_changed_async);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, changed_thread);
}

/**
 * gloss_version_history_changed_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GlossChangedArticle) (nullable):
 *   as gloss_version_history_changed()
 */
GPtrArray *
gloss_version_history_changed_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
