/* gloss-version-history.c: which versions of an article were kept, and which articles changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-task.h"
#include "gloss-version-history.h"
#include "gloss-version-store.h"

/*
 * The version store (gloss-version-store.c) names kept texts by their
 * SHA-256 and notes, in SHA256.json, each time one was read: the article's
 * file name ("source"), its URL, when the page was retrieved and when Gloss
 * read it.  Grouping those notes by file name gives an article's history;
 * an article with more than one kept text changed under its annotations —
 * re-fetched and different, a correction or a stealth edit.
 *
 * The user's folder, where texts are kept when the article's folder cannot
 * be written, mixes articles of every folder, whose file names repeat: there
 * a note counts for an article only when it names the article by its URI
 * ("article", written since the store did), never by its file name alone.
 * The texts themselves are safe to share, named by their content.
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

/**
 * gloss_changed_article_get_kind:
 * @changed: a changed article
 *
 * A kept text says where it was fetched from and when the page was
 * retrieved, as the fetch recorded them (a page saved by Gloss keeps both in
 * its provenance, so opening it again says the same).  Two texts of one
 * address retrieved at different times are two fetches; anything else — no
 * address, or one fetch read again in another encoding or by a better
 * extractor, or a file edited by hand — cannot be told from a re-reading.
 *
 * Returns: how the article came to have more than one text
 */
GlossChangeKind
gloss_changed_article_get_kind (const GlossChangedArticle *changed)
{
  g_return_val_if_fail (changed != NULL, GLOSS_CHANGE_READ_AGAIN);

  for (guint i = 0; i < changed->versions->len; i++)
    {
      GlossVersionInfo *a = g_ptr_array_index (changed->versions, i);

      for (guint j = i + 1; j < changed->versions->len; j++)
        {
          GlossVersionInfo *b = g_ptr_array_index (changed->versions, j);

          if (a->url != NULL && a->retrieved != NULL && b->retrieved != NULL &&
              g_strcmp0 (a->url, b->url) == 0 && strcmp (a->retrieved, b->retrieved) != 0)
            return GLOSS_CHANGE_REFETCHED;
        }
    }
  return GLOSS_CHANGE_READ_AGAIN;
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

/* Adds what one SHA256.json says to @by_source: file name (or, when @key is
 * "article", the article's URI) → versions. */
static void
read_info (GFile      *texts,
           const char *name,
           const char *key,
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
      source = member_string (entry, key);
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
             const char   *key,
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
        read_info (texts, name, key, by_source);
      g_object_unref (info);
    }
  return by_source;
}

/* Adds @from's versions to @into, one per text: the earliest reading says
 * when it appeared, the latest when it was last read. */
static void
merge (GPtrArray *into,
       GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    {
      GlossVersionInfo *add = g_ptr_array_index (from, i);
      GlossVersionInfo *have = NULL;

      for (guint j = 0; j < into->len && have == NULL; j++)
        if (strcmp (((GlossVersionInfo *)g_ptr_array_index (into, j))->sha256, add->sha256) == 0)
          have = g_ptr_array_index (into, j);
      if (have == NULL)
        {
          g_ptr_array_add (into, g_ptr_array_steal_index (from, i));
          i--;
          continue;
        }
      if (add->read != NULL && earlier (add->read, have->read))
        {
          g_free (have->read);
          have->read = g_strdup (add->read);
          g_free (have->retrieved);
          have->retrieved = g_strdup (add->retrieved);
          g_free (have->url);
          have->url = g_strdup (add->url);
        }
      if (add->last_read != NULL && g_strcmp0 (add->last_read, have->last_read) > 0)
        {
          g_free (have->last_read);
          have->last_read = g_strdup (add->last_read);
        }
    }
}

/* The user's folder's notes that name their article, by its URI. */
static GHashTable *
read_user_folder (GCancellable *cancellable)
{
  g_autoptr(GFile) texts = gloss_version_store_user_folder ();

  return read_folder (texts, "article", cancellable);
}

/**
 * gloss_version_history_list:
 * @article: an article file
 *
 * Reads the notes of the texts kept beside @article, and of those kept for
 * it in the user's folder.  Blocking.
 *
 * Returns: (transfer full) (element-type GlossVersionInfo): the texts kept of
 *   @article, in the order Gloss first read them; empty when none was kept
 */
GPtrArray *
gloss_version_history_list (GFile *article)
{
  g_autoptr(GFile) texts = NULL;
  g_autoptr(GHashTable) by_source = NULL;
  g_autoptr(GHashTable) by_uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  GPtrArray *versions;
  GPtrArray *elsewhere;

  g_return_val_if_fail (G_IS_FILE (article), NULL);

  texts = gloss_version_store_folder (article);
  by_source = read_folder (texts, "source", NULL);
  name = g_file_get_basename (article);
  versions = name ? g_hash_table_lookup (by_source, name) : NULL;
  versions = versions ? g_ptr_array_ref (versions)
                      : g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_version_info_free);

  by_uri = read_user_folder (NULL);
  uri = g_file_get_uri (article);
  if ((elsewhere = g_hash_table_lookup (by_uri, uri)) != NULL)
    merge (versions, elsewhere);
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

/* Moves the user's folder's notes about the articles of @folder into
 * @by_source, by file name. */
static void
take_elsewhere (GFile      *folder,
                GHashTable *by_uri,
                GHashTable *by_source)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, by_uri);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GFile) article = g_file_new_for_uri (key);
      g_autoptr(GFile) parent = g_file_get_parent (article);
      g_autofree char *name = NULL;
      GPtrArray *versions;

      if (parent == NULL || !g_file_equal (parent, folder))
        continue;
      name = g_file_get_basename (article);
      if ((versions = g_hash_table_lookup (by_source, name)) != NULL)
        merge (versions, value);
      else
        g_hash_table_insert (by_source, g_strdup (name), g_ptr_array_ref (value));
      g_hash_table_iter_remove (&iter);
    }
}

static gboolean
scan (GFile        *folder,
      GHashTable   *by_uri,
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
    by_source = read_folder (texts, "source", cancellable);
  else
    by_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  take_elsewhere (folder, by_uri, by_source);
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
          scan (child, by_uri, changed, depth + 1, cancellable, NULL);
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
  g_autoptr(GHashTable) by_uri = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  changed = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_changed_article_free);
  by_uri = read_user_folder (cancellable);
  if (!scan (folder, by_uri, changed, 0, cancellable, error))
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
  gloss_task_run_in_thread (task, changed_thread);
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
