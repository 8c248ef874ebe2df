/* gloss-fetch.c: fetching an article by URL into a library snapshot
 *
 * Redirects are followed by hand rather than by libsoup so that the count is
 * ours (at most 10), every hop is checked to stay on http/https, and the chain
 * ends up in the provenance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "gloss-document.h"
#include "gloss-fetch.h"
#include "gloss-file.h"
#include "gloss-loader.h"
#include "gloss-task.h"

G_DEFINE_QUARK (gloss-fetch-error-quark, gloss_fetch_error)

#define CHUNK_SIZE (64 * 1024)
#define MAX_NAME_CHARS 60

typedef struct
{
  SoupSession       *session;
  SoupMessage       *msg;
  GInputStream      *stream;
  GByteArray        *body;
  GUri              *uri;
  char              *requested;
  GPtrArray         *chain;
  guint              redirects;
  guint              timeout;
  gsize              max_size;
  char              *encoding;
  GFile             *library;
  GlossFetchProgress progress;
  gpointer           progress_data;
  GDestroyNotify     progress_notify;
  goffset            expected;
  guint              status;
  char              *content_type;
  char              *retrieved;
  GFile             *snapshot;
  /* The whole download has f->timeout seconds, not each read: a server
   * sending a byte a second would otherwise never time out.  Every
   * operation uses this cancellable, which the caller's cancels too. */
  GCancellable      *cancellable;
  GCancellable      *caller_cancellable;
  gulong             caller_handler;
  GSource           *deadline;
  gboolean           timed_out;
} Fetch;

static void
stop_deadline (Fetch *f)
{
  if (f->deadline != NULL)
    {
      g_source_destroy (f->deadline);
      g_clear_pointer (&f->deadline, g_source_unref);
    }
}

static void
fetch_free (Fetch *f)
{
  stop_deadline (f);
  if (f->caller_handler != 0)
    g_cancellable_disconnect (f->caller_cancellable, f->caller_handler);
  g_clear_object (&f->caller_cancellable);
  g_clear_object (&f->cancellable);
  g_clear_object (&f->session);
  g_clear_object (&f->msg);
  g_clear_object (&f->stream);
  g_clear_pointer (&f->body, g_byte_array_unref);
  g_clear_pointer (&f->uri, g_uri_unref);
  g_clear_pointer (&f->chain, g_ptr_array_unref);
  g_free (f->requested);
  g_free (f->encoding);
  g_clear_object (&f->library);
  if (f->progress_notify != NULL)
    f->progress_notify (f->progress_data);
  g_free (f->content_type);
  g_free (f->retrieved);
  g_clear_object (&f->snapshot);
  g_free (f);
}

gboolean
gloss_fetch_is_url (const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_parse_scheme (uri);
  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 ||
                            g_ascii_strcasecmp (scheme, "https") == 0);
}

/* Turns the errors of GIO, the resolver, TLS and libsoup into one message per kind. */
static GError *
classify_error (Fetch        *f,
                const GError *error,
                const char   *url)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && f->timed_out)
    return g_error_new (GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TIMEOUT,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%s: the download took longer than %u second",
                                     "%s: the download took longer than %u seconds", f->timeout),
                        url, f->timeout);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_DNS,
                        _("%s: the host name could not be resolved (%s)"), url, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_REFUSED,
                        _("%s: the server refused the connection"), url);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TIMEOUT,
                        _("%s: the server did not answer in time"), url);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TLS,
                        _("%s: the secure connection failed (%s)"), url, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return g_error_new (GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_DNS,
                        _("%s: the host name could not be resolved (%s)"), url, error->message);
  return g_error_new (GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_NETWORK,
                      _("%s: the page could not be downloaded (%s)"), url, error->message);
}

static gboolean
content_type_is_text (const char *mime)
{
  if (mime == NULL)
    return TRUE;   /* decided by sniffing the body */
  return g_str_has_prefix (mime, "text/") ||
         g_str_equal (mime, "application/xhtml+xml") ||
         g_str_equal (mime, "application/xml");
}

static void send_message (GTask *task);

static gboolean
deadline_cb (gpointer data)
{
  Fetch *f = data;

  f->timed_out = TRUE;
  g_clear_pointer (&f->deadline, g_source_unref);
  g_cancellable_cancel (f->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      data)
{
  g_cancellable_cancel (data);
}

static void
report_progress (Fetch *f)
{
  if (f->progress != NULL)
    f->progress (f->body->len, f->expected, f->progress_data);
}

/* ------------------------------------------------------------------ */
/* Snapshot                                                            */

char *
gloss_fetch_sanitize_name (const char *text,
                           gsize       max_chars)
{
  GString *s = g_string_new (NULL);
  gsize n = 0;
  gboolean dash = FALSE;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    {
      for (const char *p = text; *p && n < max_chars; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          /* Letters and digits of any script survive (Chinese titles make good
           * names); everything else, path separators and dots included, is a dash. */
          if (g_unichar_isalnum (c) && !g_unichar_iscntrl (c))
            {
              if (dash && s->len > 0)
                {
                  g_string_append_c (s, '-');
                  n++;
                }
              g_string_append_unichar (s, c);
              n++;
              dash = FALSE;
            }
          else
            dash = TRUE;
        }
    }
  if (s->len == 0)
    g_string_append (s, "article");
  return g_string_free (s, FALSE);
}

static GFile *
make_snapshot_dir (GFile       *library,
                   const char  *stem,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_file_make_directory_with_parents (library, NULL, &local) &&
      !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  /* A new folder every time: an older snapshot and its sidecars are never touched. */
  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (stem) : g_strdup_printf ("%s-%u", stem, i);
      g_autoptr(GFile) dir = g_file_get_child (library, name);

      g_clear_error (&local);
      if (g_file_make_directory (dir, NULL, &local))
        return g_steal_pointer (&dir);
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Too many snapshots named “%s”"), stem);
  return NULL;
}

static gboolean
write_file (GFile         *dir,
            const char    *name,
            const void    *data,
            gsize          length,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);

  return gloss_file_replace (file, data, length, NULL, error);
}

static GFile *
save_snapshot (Fetch          *f,
               GlossDocument  *doc,
               GError        **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *text_name = NULL;
  g_autofree char *provenance_name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JsonObject *prov = gloss_document_get_provenance (doc);
  const char *title = gloss_document_get_title (doc);
  const char *text = gloss_document_get_text (doc);
  const char *original;
  const char *host = g_uri_get_host (f->uri);
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) local = NULL;

  if (title != NULL && *title != '\0')
    slug = gloss_fetch_sanitize_name (title, MAX_NAME_CHARS);
  else
    slug = gloss_fetch_sanitize_name (g_uri_get_path (f->uri), MAX_NAME_CHARS);
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  {
    g_autofree char *h = gloss_fetch_sanitize_name (host, 40);
    stem = g_strdup_printf ("%s-%s-%s", stamp, h, slug);
  }

  dir = make_snapshot_dir (f->library, stem, &local);
  if (dir == NULL)
    {
      g_set_error (error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_SNAPSHOT,
                   _("The snapshot could not be saved in the library: %s"), local->message);
      return NULL;
    }

  original = (f->content_type != NULL && g_str_equal (f->content_type, "text/plain"))
             ? "original.txt" : "original.html";

  json_builder_begin_object (builder);
#define STR(key, value) \
  if ((value) != NULL) { json_builder_set_member_name (builder, key); json_builder_add_string_value (builder, value); }
  STR ("url", f->requested);
  STR ("final-url", gloss_document_get_url (doc));
  STR ("retrieved", f->retrieved);
  json_builder_set_member_name (builder, "http-status");
  json_builder_add_int_value (builder, f->status);
  STR ("title", title);
  STR ("byline", gloss_document_get_byline (doc));
  STR ("published", gloss_document_get_published (doc));
  STR ("site-name", gloss_document_get_site_name (doc));
  STR ("encoding", gloss_document_get_encoding (doc));
  STR ("original", original);
  STR ("text-sha256", gloss_document_get_sha256 (doc));
#undef STR
  json_builder_set_member_name (builder, "redirects");
  json_builder_begin_array (builder);
  for (guint i = 0; i < f->chain->len; i++)
    json_builder_add_string_value (builder, f->chain->pdata[i]);
  json_builder_end_array (builder);
  members = json_object_get_members (prov);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      if (g_str_equal (key, "url") || g_str_equal (key, "final-url") || g_str_equal (key, "retrieved") ||
          g_str_equal (key, "http-status") || g_str_equal (key, "redirects"))
        continue;
      json_builder_set_member_name (builder, key);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (prov, key)));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  {
    g_autofree char *data = json_generator_to_data (gen, NULL);
    json = g_strconcat (data, "\n", NULL);
  }

  /* The text is what the recent list and the library show: a readable name,
   * the slug and the day, not "article.txt" for every page. */
  {
    g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

    text_name = g_strdup_printf ("%s-%s.txt", slug, day);
    provenance_name = g_strdup_printf ("%s-%s.provenance.json", slug, day);
  }

  if (!write_file (dir, original, f->body->data, f->body->len, &local) ||
      !write_file (dir, text_name, text, strlen (text), &local) ||
      !write_file (dir, provenance_name, json, strlen (json), &local))
    {
      const char *names[] = { original, text_name, provenance_name };

      /* The folder is this fetch's own: no half snapshot is left in the library. */
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autoptr(GFile) child = g_file_get_child (dir, names[i]);

          g_file_delete (child, NULL, NULL);
        }
      g_file_delete (dir, NULL, NULL);
      g_set_error (error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_SNAPSHOT,
                   _("The snapshot could not be saved in the library: %s"), local->message);
      return NULL;
    }

  return g_file_get_child (dir, text_name);
}

/* ------------------------------------------------------------------ */
/* Extraction (in a worker thread: big pages take a while)             */

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Fetch *f = task_data;
  g_autoptr(GBytes) bytes = g_bytes_new (f->body->data, f->body->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autofree char *final_url = g_uri_to_string (f->uri);
  JsonObject *prov;

  doc = gloss_document_new_from_bytes (bytes, final_url, f->content_type, f->encoding, &error);
  if (doc == NULL)
    {
      g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_NOT_TEXT,
                               _("%s: no article text could be read: %s"), f->requested, error->message);
      return;
    }

  gloss_document_set_url (doc, final_url);
  gloss_document_set_retrieved (doc, f->retrieved);
  prov = gloss_document_get_provenance (doc);
  json_object_set_string_member (prov, "url", f->requested);
  json_object_set_string_member (prov, "final-url", final_url);
  json_object_set_string_member (prov, "retrieved", f->retrieved);
  json_object_set_int_member (prov, "http-status", f->status);
  if (f->content_type == NULL)
    json_object_set_null_member (prov, "content-type");

  if (f->library != NULL)
    {
      f->snapshot = save_snapshot (f, doc, &error);
      if (f->snapshot == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      gloss_document_set_file (doc, f->snapshot);
      {
        g_autofree char *name = g_file_get_basename (f->snapshot);

        gloss_document_set_source (doc, name);
      }
    }

  g_task_return_pointer (task, g_steal_pointer (&doc), g_object_unref);
}

/* ------------------------------------------------------------------ */
/* Download                                                            */

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *f = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GDateTime) now = NULL;
  GCancellable *cancellable;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      g_autofree char *url = g_uri_to_string (f->uri);
      g_task_return_error (task, classify_error (f, error, url));
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      if (f->body->len + g_bytes_get_size (chunk) > f->max_size)
        {
          g_autofree char *limit = g_format_size (f->max_size);
          g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TOO_LARGE,
                                   _("%s: the page is larger than %s"), f->requested, limit);
          return;
        }
      g_byte_array_append (f->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      report_progress (f);
      cancellable = f->cancellable;
      g_input_stream_read_bytes_async (f->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                       cancellable, read_cb, g_steal_pointer (&task));
      return;
    }

  /* End of body: the deadline was for the network, not for extraction. */
  stop_deadline (f);

  /* libsoup passes a body it cannot decompress through as it is: a corrupt
   * gzip answer would be read as text. */
  {
    const char *coding = soup_message_headers_get_list (soup_message_get_response_headers (f->msg),
                                                        "Content-Encoding");

    if (coding != NULL && f->body->len >= 2 && f->body->data[0] == 0x1f && f->body->data[1] == 0x8b &&
        (strstr (coding, "gzip") != NULL || strstr (coding, "deflate") != NULL))
      {
        g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_NOT_TEXT,
                                 _("%s: the server's compressed (%s) answer is damaged"), f->requested, coding);
        return;
      }
  }
  now = g_date_time_new_now_utc ();
  f->retrieved = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_clear_object (&f->stream);
  gloss_task_run_in_thread (task, extract_thread);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *f = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_uri_to_string (f->uri);
  SoupMessageHeaders *headers;
  GHashTable *params = NULL;
  GCancellable *cancellable;
  const char *mime;
  guint status;

  f->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (f->stream == NULL)
    {
      g_task_return_error (task, classify_error (f, error, url));
      return;
    }

  status = soup_message_get_status (f->msg);
  headers = soup_message_get_response_headers (f->msg);
  f->status = status;

  if (SOUP_STATUS_IS_REDIRECTION (status) && soup_message_headers_get_one (headers, "Location") != NULL)
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autoptr(GUri) next = g_uri_parse_relative (f->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
      g_autofree char *next_str = NULL;

      if (next == NULL)
        {
          g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_INVALID_URL,
                                   _("%s: the server redirected to an invalid address"), url);
          return;
        }
      next_str = g_uri_to_string (next);
      if (!gloss_fetch_is_url (next_str))
        {
          g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_UNSUPPORTED_SCHEME,
                                   _("%s: the server redirected to “%s”, which is not an http or https address"),
                                   url, next_str);
          return;
        }
      if (++f->redirects > GLOSS_FETCH_MAX_REDIRECTS)
        {
          g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TOO_MANY_REDIRECTS,
                                   _("%s: too many redirects (more than %d)"), f->requested,
                                   GLOSS_FETCH_MAX_REDIRECTS);
          return;
        }
      g_ptr_array_add (f->chain, g_strdup (next_str));
      g_clear_object (&f->stream);
      g_clear_pointer (&f->uri, g_uri_unref);
      f->uri = g_steal_pointer (&next);
      send_message (g_steal_pointer (&task));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *reason = soup_message_get_reason_phrase (f->msg);
      g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_HTTP,
                               _("%s: the server answered %u %s"), url, status,
                               reason ? reason : soup_status_get_phrase (status));
      return;
    }

  mime = soup_message_headers_get_content_type (headers, &params);
  if (!content_type_is_text (mime))
    {
      g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_NOT_TEXT,
                               _("%s: the address leads to “%s”, not to a web page or text"),
                               url, mime);
      g_clear_pointer (&params, g_hash_table_unref);
      return;
    }
  if (mime != NULL)
    {
      const char *charset = params ? g_hash_table_lookup (params, "charset") : NULL;
      f->content_type = charset ? g_strdup_printf ("%s; charset=%s", mime, charset) : g_strdup (mime);
    }
  g_clear_pointer (&params, g_hash_table_unref);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    f->expected = soup_message_headers_get_content_length (headers);
  else
    f->expected = -1;

  if (f->expected > 0 && (gsize) f->expected > f->max_size)
    {
      g_autofree char *limit = g_format_size (f->max_size);
      g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TOO_LARGE,
                               _("%s: the page is larger than %s"), f->requested, limit);
      return;
    }

  report_progress (f);
  cancellable = f->cancellable;
  /* (The cancellable is fetched first: argument evaluation order is unspecified.) */
  g_input_stream_read_bytes_async (f->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   cancellable, read_cb, g_steal_pointer (&task));
}

static void
send_message (GTask *task)
{
  Fetch *f = g_task_get_task_data (task);

  g_clear_object (&f->msg);
  f->msg = soup_message_new_from_uri (SOUP_METHOD_GET, f->uri);
  soup_message_add_flags (f->msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (f->msg), "Accept",
                                "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5");
  soup_session_send_async (f->session, f->msg, G_PRIORITY_DEFAULT, f->cancellable,
                           send_cb, task);
}

/**
 * gloss_fetch_async:
 * @url: an http or https URL
 * @options: (nullable): timeouts, size cap, charset and library folder
 * @progress: (nullable): called as the body arrives
 * @progress_data: data for @progress
 * @progress_notify: (nullable): frees @progress_data when the fetch is over
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the article is ready or the fetch failed
 * @user_data: data for @callback
 *
 * Downloads @url, extracts its article and, with a library folder, saves a new
 * snapshot there: the raw bytes, the canonical text and the provenance.
 */
void
gloss_fetch_async (const char              *url,
                   const GlossFetchOptions *options,
                   GlossFetchProgress       progress,
                   gpointer                 progress_data,
                   GDestroyNotify           progress_notify,
                   GCancellable            *cancellable,
                   GAsyncReadyCallback      callback,
                   gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ua = NULL;
  Fetch *f;

  g_return_if_fail (url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_fetch_async);

  f = g_new0 (Fetch, 1);
  f->requested = g_strdup (url);
  f->progress = progress;
  f->progress_data = progress_data;
  f->progress_notify = progress_notify;
  f->timeout = options && options->timeout ? options->timeout : GLOSS_FETCH_DEFAULT_TIMEOUT;
  f->max_size = options && options->max_size ? options->max_size : GLOSS_FETCH_DEFAULT_MAX_SIZE;
  f->encoding = g_strdup (options ? options->encoding : NULL);
  f->library = options && options->library ? g_object_ref (options->library) : NULL;
  f->body = g_byte_array_new ();
  f->chain = g_ptr_array_new_with_free_func (g_free);
  f->expected = -1;
  g_task_set_task_data (task, f, (GDestroyNotify) fetch_free);

  if (!gloss_fetch_is_url (url))
    {
      g_autofree char *scheme = g_uri_parse_scheme (url);

      if (scheme == NULL)
        g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_INVALID_URL,
                                 _("%s: not a valid web address"), url);
      else
        g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_UNSUPPORTED_SCHEME,
                                 _("%s: only http and https addresses can be fetched"), url);
      return;
    }
  f->uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (f->uri == NULL || g_uri_get_host (f->uri) == NULL || *g_uri_get_host (f->uri) == '\0')
    {
      g_task_return_new_error (task, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_INVALID_URL,
                               _("%s: not a valid web address"), url);
      return;
    }

  ua = g_strdup_printf ("Gloss/%s", PACKAGE_VERSION);
  f->session = soup_session_new_with_options ("user-agent", ua,
                                              "timeout", f->timeout,
                                              "idle-timeout", f->timeout,
                                              NULL);
  if (!soup_session_has_feature (f->session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (f->session, SOUP_TYPE_CONTENT_DECODER);

  f->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      f->caller_cancellable = g_object_ref (cancellable);
      f->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                 g_object_ref (f->cancellable), g_object_unref);
    }
  f->deadline = g_timeout_source_new_seconds (f->timeout);
  g_source_set_callback (f->deadline, deadline_cb, f, NULL);
  g_source_set_static_name (f->deadline, "[gloss] fetch deadline");
  g_source_attach (f->deadline, g_main_context_get_thread_default ());

  send_message (g_steal_pointer (&task));
}

GlossDocument *
gloss_fetch_finish (GAsyncResult  *result,
                    GFile        **snapshot,
                    GError       **error)
{
  Fetch *f;
  GlossDocument *doc;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_fetch_async, NULL);

  f = g_task_get_task_data (G_TASK (result));
  doc = g_task_propagate_pointer (G_TASK (result), error);
  if (snapshot != NULL)
    *snapshot = (doc != NULL && f->snapshot != NULL) ? g_object_ref (f->snapshot) : NULL;
  return doc;
}
