/* gloss-loader.c: turning a file (text or saved HTML page) into a GlossDocument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gloss-charset.h"
#include "gloss-document.h"
#include "gloss-json.h"
#include "gloss-html.h"
#include "gloss-loader.h"
#include "gloss-task.h"
#include "gloss-text-title.h"
#include "gloss-file.h"

#define MAX_FILE_SIZE (256 * 1024 * 1024)

static gboolean
name_is_html (const char *name)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
         g_str_has_suffix (lower, ".xhtml") || g_str_has_suffix (lower, ".shtml");
}

static gboolean
name_is_text (const char *name)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text") ||
         g_str_has_suffix (lower, ".md");
}

static gboolean
is_html (const guint8 *data,
         gsize         length,
         const char   *name,
         const char   *content_type)
{
  if (content_type != NULL)
    {
      if (strstr (content_type, "html") != NULL)
        return TRUE;
      if (g_str_has_prefix (content_type, "text/plain"))
        return FALSE;
    }
  if (name_is_html (name))
    return TRUE;
  if (name_is_text (name))
    return FALSE;
  return gloss_html_sniff (data, length);
}

/**
 * gloss_document_new_from_bytes:
 * @bytes: the file's or response's bytes
 * @name: (nullable): the file name or URL, used to tell HTML from text
 * @content_type: (nullable): a MIME type ("text/html; charset=gbk")
 * @encoding: (nullable): a charset forced by the user, or %NULL to detect
 * @error: return location for a #GError
 *
 * Makes a document from raw bytes: HTML pages are reduced to their article,
 * text is decoded. The provenance records the charset and how it was found.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GlossDocument *
gloss_document_new_from_bytes (GBytes      *bytes,
                               const char  *name,
                               const char  *content_type,
                               const char  *encoding,
                               GError     **error)
{
  g_autoptr(GlossDocument) doc = NULL;
  g_autofree char *raw_sha = NULL;
  gsize length = 0;
  const guint8 *data;
  JsonObject *prov;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = (const guint8 *) "";
  raw_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);

  if (is_html (data, length, name, content_type))
    {
      g_autofree char *http_charset = gloss_charset_from_content_type (content_type);
      g_autoptr(GlossHtmlArticle) article = NULL;
      g_autofree char *text = NULL;

      article = gloss_html_extract (data, length, http_charset, encoding, error);
      if (article == NULL)
        return NULL;
      text = gloss_html_article_to_text (article);
      doc = gloss_document_new (text, -1, error);
      if (doc == NULL)
        return NULL;
      gloss_document_set_title (doc, article->title);
      gloss_document_set_byline (doc, article->byline);
      gloss_document_set_published (doc, article->published);
      gloss_document_set_site_name (doc, article->site_name);
      gloss_document_set_encoding (doc, article->charset);
      prov = gloss_document_get_provenance (doc);
      json_object_set_string_member (prov, "format", "html");
      json_object_set_string_member (prov, "charset", article->charset);
      json_object_set_string_member (prov, "charset-source", article->charset_source);
      if (article->lang != NULL)
        json_object_set_string_member (prov, "lang", article->lang);
    }
  else
    {
      g_autofree char *detected = NULL;
      g_autofree char *title = NULL;
      g_autofree char *text = gloss_decode_text (data, length, encoding, &detected, error);

      if (text == NULL)
        return NULL;
      doc = gloss_document_new (text, -1, error);
      if (doc == NULL)
        return NULL;
      gloss_document_set_encoding (doc, detected);
      gloss_document_set_title (doc, title = gloss_text_title (gloss_document_get_text (doc)));
      prov = gloss_document_get_provenance (doc);
      json_object_set_string_member (prov, "format", "text");
      json_object_set_string_member (prov, "charset", detected);
      json_object_set_string_member (prov, "charset-source", encoding != NULL ? "override" : "detected");
    }

  if (content_type != NULL)
    json_object_set_string_member (prov, "content-type", content_type);
  json_object_set_string_member (prov, "raw-sha256", raw_sha);
  json_object_set_int_member (prov, "raw-length", (gint64) length);

  if (name != NULL && strstr (name, "://") == NULL)
    {
      g_autofree char *base = g_path_get_basename (name);
      gloss_document_set_source (doc, base);
    }

  return g_steal_pointer (&doc);
}

/* A fetched snapshot keeps its provenance in "<stem>.provenance.json" beside the
 * article text; reopening the text restores title, URL and the rest. */
static void
apply_snapshot_provenance (GlossDocument *doc,
                           GFile         *file,
                           GCancellable  *cancellable)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *stem = NULL;
  g_autofree char *prov_name = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) prov_file = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *obj;
  JsonObject *prov;
  char *dot;

  if (parent == NULL || !g_str_has_suffix (base, ".txt"))
    return;
  stem = g_strdup (base);
  dot = strrchr (stem, '.');
  *dot = '\0';
  prov_name = g_strconcat (stem, ".provenance.json", NULL);
  prov_file = g_file_get_child (parent, prov_name);
  if (!g_file_load_contents (prov_file, cancellable, &contents, &len, NULL, NULL))
    return;
  parser = json_parser_new ();
  if (!gloss_json_parser_load (parser, contents, len, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  obj = json_node_get_object (root);

#define COPY(key, setter) \
  if (json_object_has_member (obj, key) && JSON_NODE_HOLDS_VALUE (json_object_get_member (obj, key))) \
    setter (doc, json_object_get_string_member (obj, key))
  COPY ("title", gloss_document_set_title);
  COPY ("url", gloss_document_set_url);
  COPY ("retrieved", gloss_document_set_retrieved);
  COPY ("byline", gloss_document_set_byline);
  COPY ("published", gloss_document_set_published);
  COPY ("site-name", gloss_document_set_site_name);
#undef COPY

  prov = gloss_document_get_provenance (doc);
  {
    g_autoptr(GList) members = json_object_get_members (obj);

    for (GList *m = members; m != NULL; m = m->next)
      {
        const char *key = m->data;
        if (!json_object_has_member (prov, key))
          json_object_set_member (prov, key, json_node_copy (json_object_get_member (obj, key)));
      }
  }
}

/**
 * gloss_document_load_file:
 * @file: a text file or saved HTML page
 * @encoding: (nullable): a charset to force, or %NULL to detect
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GlossDocument *
gloss_document_load_file (GFile         *file,
                          const char    *encoding,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (MAX_FILE_SIZE);
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_TOO_LARGE,
                   _("The file is larger than %s"), size);
      return NULL;
    }
  if (!gloss_file_load (file, MAX_FILE_SIZE, cancellable, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        {
          g_autofree char *size = g_format_size (MAX_FILE_SIZE);
          g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_TOO_LARGE,
                       _("The file is larger than %s"), size);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  name = g_file_get_basename (file);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  doc = gloss_document_new_from_bytes (bytes, name, NULL, encoding, error);
  if (doc == NULL)
    return NULL;
  gloss_document_set_file (doc, file);
  apply_snapshot_provenance (doc, file, cancellable);
  return g_steal_pointer (&doc);
}

typedef struct
{
  GFile *file;
  char  *encoding;
} LoadData;

static void
load_data_free (LoadData *d)
{
  g_clear_object (&d->file);
  g_free (d->encoding);
  g_free (d);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  GError *error = NULL;
  GlossDocument *doc = gloss_document_load_file (d->file, d->encoding, cancellable, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

void
gloss_document_load_file_async (GFile               *file,
                                const char          *encoding,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_document_load_file_async);
  d = g_new0 (LoadData, 1);
  d->file = g_object_ref (file);
  d->encoding = g_strdup (encoding);
  g_task_set_task_data (task, d, (GDestroyNotify) load_data_free);
  gloss_task_run_in_thread (task, load_thread);
}

GlossDocument *
gloss_document_load_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_document_load_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
