/* gloss-version-store.c: every text that was annotated, kept by its SHA-256
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-file.h"
#include "gloss-task.h"
#include "gloss-version-store.h"

/*
 * A sidecar records the SHA-256 of the canonical text it was coded on.  When
 * that text is kept, a changed article can be re-anchored through a diff
 * instead of by quotes alone (gloss_anchor_set_from_version()).  So every text
 * Gloss reads for annotating is kept, gzip-compressed, as
 *
 *   .gloss/texts/SHA256.txt.gz   the canonical text, exactly
 *   .gloss/texts/SHA256.json     {"sha256", "length", "seen": [{"source", "url",
 *                                 "retrieved", "read"}]}: where and when it was read
 *
 * in the article's folder, so that colleagues sharing the folder share the
 * versions; where that folder cannot be written, in $XDG_DATA_HOME/gloss/texts,
 * where each "seen" also names the article by its URI ("article"): file
 * names repeat across folders there.
 * Both files are written whole or not at all (gloss_file_replace()); a name
 * is never reused for other content, so a text file is never rewritten.
 */

#define MAX_TEXT_BYTES (512 * 1024 * 1024)  /* a kept text that inflates beyond this is refused */

static GFile *
user_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "gloss", "texts", NULL);

  return g_file_new_for_path (path);
}

/**
 * gloss_version_store_folder:
 * @article: (nullable): the article file
 *
 * Returns: (transfer full): `.gloss/texts` beside @article, or the user's
 *   folder when @article is %NULL
 */
/**
 * gloss_version_store_user_folder:
 *
 * Returns: (transfer full): the user's folder of kept texts, for articles
 *   whose own folder cannot be written
 */
GFile *
gloss_version_store_user_folder (void)
{
  return user_folder ();
}

GFile *
gloss_version_store_folder (GFile *article)
{
  g_autoptr(GFile) parent = article ? g_file_get_parent (article) : NULL;

  if (parent == NULL)
    return user_folder ();
  return g_file_resolve_relative_path (parent, ".gloss/texts");
}

static char *
name_for (const char *sha256,
          const char *suffix)
{
  return g_strconcat (sha256, suffix, NULL);
}

static gboolean
sha256_is_valid (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;
  for (const char *p = sha256; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static GBytes *
gzip (const char *data,
      gsize       length,
      GError    **error)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  if (!g_output_stream_write_all (out, data, length, NULL, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static char *
gunzip (GFile   *file,
        GError **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GByteArray) text = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  guint8 buffer[65536];

  raw = G_INPUT_STREAM (g_file_read (file, NULL, error));
  if (raw == NULL)
    return NULL;
  in = g_converter_input_stream_new (raw, G_CONVERTER (decompressor));
  for (;;)
    {
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: not a readable gzip file: %s"),
                       name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (text->len + n > MAX_TEXT_BYTES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: the text is larger than %u MB"),
                       name, MAX_TEXT_BYTES / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (text, buffer, n);
    }
  g_byte_array_append (text, (const guint8 *)"", 1);
  return (char *)g_byte_array_free (g_steal_pointer (&text), FALSE);
}

static JsonObject *
read_info (GFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_file_get_path (file);
  JsonNode *root;

  if (path == NULL || !json_parser_load_from_mapped_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static gboolean
same_string (JsonObject *object,
             const char *member,
             const char *value)
{
  const char *have = json_object_get_string_member_with_default (object, member, NULL);

  return g_strcmp0 (have, value) == 0;
}

/* Adds where and when the text was read, unless that is recorded already:
 * reopening a file adds nothing, a re-fetch with a new time adds an entry. */
static gboolean
note_seen (JsonObject    *info,
           GlossDocument *document,
           const char    *article)
{
  const char *source = gloss_document_get_source (document);
  const char *url = gloss_document_get_url (document);
  const char *retrieved = gloss_document_get_retrieved (document);
  g_autofree char *now = gloss_timestamp_now ();
  JsonArray *seen;
  JsonObject *entry;

  if (!json_object_has_member (info, "seen") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (info, "seen")))
    json_object_set_array_member (info, "seen", json_array_new ());
  seen = json_object_get_array_member (info, "seen");

  for (guint i = 0; i < json_array_get_length (seen); i++)
    {
      JsonNode *node = json_array_get_element (seen, i);
      JsonObject *old;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      old = json_node_get_object (node);
      if (same_string (old, "source", source) && same_string (old, "url", url) &&
          same_string (old, "retrieved", retrieved) && same_string (old, "article", article))
        return FALSE;
    }

  entry = json_object_new ();
  if (source != NULL)
    json_object_set_string_member (entry, "source", source);
  if (url != NULL)
    json_object_set_string_member (entry, "url", url);
  if (retrieved != NULL)
    json_object_set_string_member (entry, "retrieved", retrieved);
  if (article != NULL)
    json_object_set_string_member (entry, "article", article);
  json_object_set_string_member (entry, "read", now);
  json_array_add_object_element (seen, entry);
  return TRUE;
}

/* @article is the article's URI in the user's folder, where file names of
 * every folder meet; beside the article, its file name ("source") says it. */
static gboolean
keep_in (GFile         *folder,
         GlossDocument *document,
         const char    *article,
         GError       **error)
{
  const char *sha256 = gloss_document_get_sha256 (document);
  g_autofree char *text_name = name_for (sha256, ".txt.gz");
  g_autofree char *info_name = name_for (sha256, ".json");
  g_autoptr(GFile) text_file = g_file_get_child (folder, text_name);
  g_autoptr(GFile) info_file = g_file_get_child (folder, info_name);
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_file_query_exists (text_file, NULL))
    {
      const char *text = gloss_document_get_text (document);
      g_autoptr(GBytes) packed = gzip (text, gloss_document_get_byte_length (document), error);

      if (packed == NULL ||
          !gloss_file_replace (text_file, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed), NULL, error))
        return FALSE;
    }

  info = read_info (info_file);
  if (info == NULL)
    {
      info = json_object_new ();
      json_object_set_string_member (info, "sha256", sha256);
      json_object_set_int_member (info, "length", gloss_document_get_length (document));
    }
  if (note_seen (info, document, article))
    {
      g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), info);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *data = NULL;
      gsize length = 0;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      data = json_generator_to_data (generator, &length);
      if (!gloss_file_replace (info_file, data, length, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * gloss_version_store_keep:
 * @document: a text read for annotating
 * @article: (nullable): the file it was read from
 * @error: return location for a #GError
 *
 * Keeps @document's canonical text beside @article (or in the user's folder
 * when that is not possible) and notes when it was read.  Blocking: see
 * gloss_version_store_keep_async().
 *
 * Returns: %TRUE when kept
 */
gboolean
gloss_version_store_keep (GlossDocument  *document,
                          GFile          *article,
                          GError        **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);

  folder = gloss_version_store_folder (article);
  if (keep_in (folder, document, NULL, &local_error))
    return TRUE;
  if (article == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A read-only folder of articles: keep it for this user at least. */
  g_clear_object (&folder);
  g_clear_error (&local_error);
  folder = user_folder ();
  uri = g_file_get_uri (article);
  return keep_in (folder, document, uri, error);
}

static void
keep_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GlossDocument *document = task_data;
  GFile *article = g_object_get_data (G_OBJECT (task), "article");
  GError *error = NULL;

  if (gloss_version_store_keep (document, article, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gloss_version_store_keep_async:
 * @document: a text read for annotating
 * @article: (nullable): the file it was read from
 * @cancellable: (nullable): a #GCancellable
 * @callback: (nullable): called when done
 * @user_data: for @callback
 *
 * gloss_version_store_keep() in a worker thread.
 */
void
gloss_version_store_keep_async (GlossDocument       *document,
                                GFile               *article,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_version_store_keep_async);
  g_task_set_task_data (task, g_object_ref (document), g_object_unref);
  if (article != NULL)
    g_object_set_data_full (G_OBJECT (task), "article", g_object_ref (article), g_object_unref);
  gloss_task_run_in_thread (task, keep_thread);
}

gboolean
gloss_version_store_keep_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * gloss_version_store_lookup:
 * @article: (nullable): the article whose versions to look in
 * @sha256: the SHA-256 of the canonical text wanted
 * @error: return location for a #GError
 *
 * Looks beside @article, then in the user's folder.  A kept file whose
 * content does not have @sha256 (damaged) is an error, never returned.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with
 *   %G_IO_ERROR_NOT_FOUND when it was not kept
 */
GlossDocument *
gloss_version_store_lookup (GFile       *article,
                            const char  *sha256,
                            GError     **error)
{
  GFile *folders[2] = { NULL, NULL };
  GlossDocument *found = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (article == NULL || G_IS_FILE (article), NULL);

  if (!sha256_is_valid (sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a SHA-256 in lower-case hex"),
                   sha256 ? sha256 : "");
      return NULL;
    }

  name = name_for (sha256, ".txt.gz");
  if (article != NULL)
    folders[0] = gloss_version_store_folder (article);
  folders[1] = user_folder ();

  for (guint i = 0; i < G_N_ELEMENTS (folders) && found == NULL; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GlossDocument) document = NULL;

      if (folders[i] == NULL)
        continue;
      file = g_file_get_child (folders[i], name);
      if (!g_file_query_exists (file, NULL))
        continue;

      text = gunzip (file, error);
      if (text != NULL)
        document = gloss_document_new (text, -1, error);
      if (document != NULL && g_strcmp0 (gloss_document_get_sha256 (document), sha256) != 0)
        {
          g_autofree char *display = g_file_get_parse_name (file);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: the kept text does not match its SHA-256 (the file is damaged)"), display);
          g_clear_object (&document);
        }
      if (document == NULL)
        break;
      found = g_steal_pointer (&document);
    }

  if (found == NULL && error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No kept text with SHA-256 %s"), sha256);

  g_clear_object (&folders[0]);
  g_clear_object (&folders[1]);
  return found;
}

/**
 * gloss_version_store_get_info:
 * @article: (nullable): the article whose versions to look in
 * @sha256: a kept text's SHA-256
 *
 * Returns: (transfer full) (nullable): where and when the text was read
 *   (see the top of this file), or %NULL
 */
JsonObject *
gloss_version_store_get_info (GFile      *article,
                              const char *sha256)
{
  g_autofree char *name = NULL;

  if (!sha256_is_valid (sha256))
    return NULL;
  name = name_for (sha256, ".json");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) folder = i == 0 ? (article ? gloss_version_store_folder (article) : NULL) : user_folder ();
      g_autoptr(GFile) file = folder ? g_file_get_child (folder, name) : NULL;
      JsonObject *info = file ? read_info (file) : NULL;

      if (info != NULL)
        return info;
    }
  return NULL;
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *article = g_object_get_data (G_OBJECT (task), "article");
  GError *error = NULL;
  GlossDocument *document = gloss_version_store_lookup (article, task_data, &error);

  /* Inflating a long text takes a while: a lookup given up meanwhile says so. */
  if (document != NULL && g_cancellable_is_cancelled (cancellable))
    g_clear_object (&document);
  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_error (task, error);
  else
    g_clear_error (&error);
}

/**
 * gloss_version_store_lookup_async:
 * @article: (nullable): the article whose versions to look in
 * @sha256: the SHA-256 of the canonical text wanted
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * gloss_version_store_lookup() in a worker thread: reading and inflating a
 * kept text is not for the main loop.
 */
void
gloss_version_store_lookup_async (GFile               *article,
                                  const char          *sha256,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (article == NULL || G_IS_FILE (article));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_version_store_lookup_async);
  g_task_set_task_data (task, g_strdup (sha256), g_free);
  if (article != NULL)
    g_object_set_data_full (G_OBJECT (task), "article", g_object_ref (article), g_object_unref);
  gloss_task_run_in_thread (task, lookup_thread);
}

/**
 * gloss_version_store_lookup_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): as gloss_version_store_lookup();
 *   %NULL with %G_IO_ERROR_CANCELLED when cancelled
 */
GlossDocument *
gloss_version_store_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
