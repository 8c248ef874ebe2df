/* test-fetch.c: fetching URLs from a SoupServer on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "gloss-document.h"
#include "gloss-fetch.h"
#include "gloss-test-util.h"

static const char article_html[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>New harbor opens downtown - Test Times</title></head>"
  "<body><div class=\"nav\"><a href=\"/\">Home</a></div><div class=\"story\">"
  "<p>The new harbor opened on Monday after three years of construction, the city said in a statement.</p>"
  "<p>Officials expect the harbor to handle twice as many ships as the old one, easing traffic downtown.</p>"
  "</div></body></html>";

typedef struct
{
  SoupServer *server;
  char       *base;
  GPtrArray  *paused;
  char       *user_agent;
  char       *library;
  GBytes     *gbk_page;
} Fixture;

typedef struct
{
  GlossDocument *doc;
  GFile         *snapshot;
  GError        *error;
  gboolean       done;
  goffset        last_received;
  guint          n_progress;
} Result;

static GBytes *
gzip_bytes (const char *data,
            gsize       len)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (out, data, len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fx = user_data;
  SoupMessageHeaders *resp = soup_server_message_get_response_headers (msg);

  g_free (fx->user_agent);
  fx->user_agent = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                           "User-Agent"));

  if (g_str_equal (path, "/article"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        article_html, strlen (article_html));
    }
  else if (g_str_has_prefix (path, "/hop/"))
    {
      int n = atoi (path + 5);
      g_autofree char *next = n > 1 ? g_strdup_printf ("/hop/%d", n - 1) : g_strdup ("/article");
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, next);
    }
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/loop");
  else if (g_str_equal (path, "/ftp"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "ftp://127.0.0.1/file");
  else if (g_str_equal (path, "/stall"))
    {
      /* Never answer: the client's timeout must fire. */
      soup_server_message_pause (msg);
      g_ptr_array_add (fx->paused, g_object_ref (msg));
    }
  else if (g_str_equal (path, "/big") || g_str_equal (path, "/big-chunked"))
    {
      gsize size = 2 * 1024 * 1024;
      char *body = g_malloc (size);

      memset (body, 'a', size);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      if (g_str_equal (path, "/big-chunked"))
        soup_message_headers_set_encoding (resp, SOUP_ENCODING_CHUNKED);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_TAKE, body, size);
    }
  else if (g_str_equal (path, "/gzip"))
    {
      g_autoptr(GBytes) gz = gzip_bytes (article_html, strlen (article_html));

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (resp, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
    }
  else if (g_str_equal (path, "/image"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, "\x89PNG\r\n", 6);
    }
  else if (g_str_equal (path, "/gbk"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=gbk", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (fx->gbk_page, NULL),
                                        g_bytes_get_size (fx->gbk_page));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  /* 山区学校 in GBK, and no <meta charset>: only the HTTP header names the charset. */
  const char *gbk_head = "<html><head><title>\xC9\xBD\xC7\xF8\xD1\xA7\xD0\xA3</title></head><body><p>";
  GString *page = g_string_new (gbk_head);

  for (int i = 0; i < 20; i++)
    g_string_append (page, "\xC9\xBD\xC7\xF8\xD1\xA7\xD0\xA3\xA3\xAC");
  g_string_append (page, "</p></body></html>");
  fx->gbk_page = g_string_free_to_bytes (page);

  fx->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fx->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fx->server, NULL, server_cb, fx, NULL);
  soup_server_listen_local (fx->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fx->server);
  g_assert_nonnull (uris);
  fx->base = g_uri_to_string (uris->data);
  if (g_str_has_suffix (fx->base, "/"))
    fx->base[strlen (fx->base) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fx->library = g_dir_make_tmp ("gloss-fetch-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  for (guint i = 0; i < fx->paused->len; i++)
    soup_server_message_unpause (fx->paused->pdata[i]);
  g_ptr_array_unref (fx->paused);
  soup_server_disconnect (fx->server);
  g_object_unref (fx->server);
  g_free (fx->base);
  g_free (fx->user_agent);
  g_bytes_unref (fx->gbk_page);
  gloss_test_rm_rf (fx->library);
  g_free (fx->library);
  /* Let the server's pending sources run down. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
progress_cb (goffset  received,
             goffset  expected,
             gpointer user_data)
{
  Result *r = user_data;

  g_assert_cmpint (received, >=, r->last_received);
  if (expected >= 0)
    g_assert_cmpint (received, <=, expected);
  r->last_received = received;
  r->n_progress++;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Result *r = user_data;

  r->doc = gloss_fetch_finish (result, &r->snapshot, &r->error);
  r->done = TRUE;
}

static void
run_fetch (Fixture      *fx,
           const char   *path,
           guint         timeout,
           gsize         max_size,
           gboolean      library,
           GCancellable *cancellable,
           Result       *r)
{
  g_autofree char *url = g_str_has_prefix (path, "/") ? g_strconcat (fx->base, path, NULL) : g_strdup (path);
  g_autoptr(GFile) lib = g_file_new_for_path (fx->library);
  GlossFetchOptions options = { timeout, max_size, NULL, library ? lib : NULL };

  memset (r, 0, sizeof *r);
  gloss_fetch_async (url, &options, progress_cb, r, NULL, cancellable, fetch_cb, r);
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
result_clear (Result *r)
{
  g_clear_object (&r->doc);
  g_clear_object (&r->snapshot);
  g_clear_error (&r->error);
}

static char *
read_sibling (GFile      *file,
              const char *name)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) sibling = g_file_get_child (parent, name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (sibling, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_article (Fixture       *fx,
              gconstpointer  data)
{
  Result r, again;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *prov_json = NULL;
  g_autofree char *prov_name = NULL;
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) article_html,
                                                      strlen (article_html));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) first_parent = NULL;
  g_autoptr(GFile) second_parent = NULL;
  JsonObject *prov;

  run_fetch (fx, "/article", 5, 0, TRUE, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_nonnull (r.doc);
  g_assert_cmpstr (gloss_document_get_title (r.doc), ==, "New harbor opens downtown");
  g_assert_true (g_str_has_prefix (gloss_document_get_text (r.doc), "New harbor opens downtown\n\nThe new harbor opened on Monday"));
  g_assert_true (g_str_has_prefix (fx->user_agent, "Gloss/"));
  g_assert_cmpuint (r.n_progress, >, 0);
  g_assert_cmpint (r.last_received, ==, strlen (article_html));

  /* The snapshot: raw bytes, canonical text and provenance side by side. */
  g_assert_nonnull (r.snapshot);
  g_assert_true (g_file_equal (gloss_document_get_file (r.doc), r.snapshot));
  /* Named after the title and the day, not article.txt. */
  {
    g_autofree char *name = g_file_get_basename (r.snapshot);

    g_autofree char *stem = NULL;

    g_assert_true (g_str_has_prefix (name, "New-harbor-opens-downtown-20"));
    g_assert_true (g_str_has_suffix (name, ".txt"));
    g_assert_cmpstr (gloss_document_get_source (r.doc), ==, name);
    stem = g_strndup (name, strlen (name) - strlen (".txt"));
    prov_name = g_strconcat (stem, ".provenance.json", NULL);
    text = read_sibling (r.snapshot, name);
  }
  g_assert_cmpstr (text, ==, gloss_document_get_text (r.doc));
  raw = read_sibling (r.snapshot, "original.html");
  g_assert_cmpstr (raw, ==, article_html);
  prov_json = read_sibling (r.snapshot, prov_name);
  json_parser_load_from_data (parser, prov_json, -1, &error);
  g_assert_no_error (error);
  prov = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (prov, "http-status"), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (prov, "raw-sha256"), ==, sha);
  g_assert_cmpstr (json_object_get_string_member (prov, "content-type"), ==, "text/html; charset=utf-8");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (prov, "url"), "/article"));
  g_assert_nonnull (json_object_get_string_member (prov, "retrieved"));

  /* Fetching again makes a new snapshot and leaves the first alone. */
  run_fetch (fx, "/article", 5, 0, TRUE, NULL, &again);
  g_assert_no_error (again.error);
  first_parent = g_file_get_parent (r.snapshot);
  second_parent = g_file_get_parent (again.snapshot);
  g_assert_false (g_file_equal (first_parent, second_parent));
  g_assert_true (g_file_query_exists (r.snapshot, NULL));

  result_clear (&r);
  result_clear (&again);
}

static void
test_redirects (Fixture       *fx,
                gconstpointer  data)
{
  Result r;

  run_fetch (fx, "/hop/3", 5, 0, FALSE, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_null (r.snapshot);
  g_assert_true (g_str_has_suffix (gloss_document_get_url (r.doc), "/article"));
  result_clear (&r);

  /* Exactly ten hops are fine, eleven are too many. */
  run_fetch (fx, "/hop/10", 5, 0, FALSE, NULL, &r);
  g_assert_no_error (r.error);
  result_clear (&r);
  run_fetch (fx, "/hop/11", 5, 0, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TOO_MANY_REDIRECTS);
  result_clear (&r);

  run_fetch (fx, "/loop", 5, 0, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TOO_MANY_REDIRECTS);
  result_clear (&r);

  run_fetch (fx, "/ftp", 5, 0, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_UNSUPPORTED_SCHEME);
  result_clear (&r);
}

static void
test_not_found (Fixture       *fx,
                gconstpointer  data)
{
  Result r;

  run_fetch (fx, "/missing", 5, 0, TRUE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_HTTP);
  g_assert_nonnull (strstr (r.error->message, "404"));
  g_assert_null (r.doc);
  result_clear (&r);
}

static void
test_timeout (Fixture       *fx,
              gconstpointer  data)
{
  Result r;

  run_fetch (fx, "/stall", 1, 0, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TIMEOUT);
  result_clear (&r);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Result r;

  g_timeout_add (100, cancel_cb, cancellable);
  run_fetch (fx, "/stall", 30, 0, FALSE, cancellable, &r);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  result_clear (&r);
}

static void
test_too_large (Fixture       *fx,
                gconstpointer  data)
{
  Result r;

  run_fetch (fx, "/big", 5, 1024 * 1024, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TOO_LARGE);
  result_clear (&r);

  /* Without a Content-Length the cap bites while reading. */
  run_fetch (fx, "/big-chunked", 5, 1024 * 1024, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TOO_LARGE);
  g_assert_cmpint (r.last_received, <=, 1024 * 1024);
  result_clear (&r);

  /* Under the default cap the same body is fine. */
  run_fetch (fx, "/big", 5, 0, FALSE, NULL, &r);
  g_assert_no_error (r.error);
  result_clear (&r);
}

static void
test_gzip (Fixture       *fx,
           gconstpointer  data)
{
  Result r;

  run_fetch (fx, "/gzip", 5, 0, FALSE, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (gloss_document_get_title (r.doc), ==, "New harbor opens downtown");
  result_clear (&r);
}

static void
test_not_text (Fixture       *fx,
               gconstpointer  data)
{
  Result r;

  run_fetch (fx, "/image", 5, 0, TRUE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (r.error->message, "image/png"));
  result_clear (&r);
}

static void
test_header_charset (Fixture       *fx,
                     gconstpointer  data)
{
  Result r;
  JsonObject *prov;

  run_fetch (fx, "/gbk", 5, 0, FALSE, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (gloss_document_get_title (r.doc), ==, "山区学校");
  g_assert_cmpstr (gloss_document_get_encoding (r.doc), ==, "GB18030");
  prov = gloss_document_get_provenance (r.doc);
  g_assert_cmpstr (json_object_get_string_member (prov, "charset-source"), ==, "http");
  result_clear (&r);
}

static void
test_refused (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GSocket) sock = NULL;
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint16 port;
  Result r;

  /* A port that was free a moment ago: nothing listens there. */
  sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (sock, addr, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (sock, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (sock, NULL);

  url = g_strdup_printf ("http://127.0.0.1:%u/article", port);
  run_fetch (fx, url, 5, 0, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_REFUSED);
  result_clear (&r);
}

/* A snapshot that cannot be written (here: a file-size limit smaller than
 * the page) is a clear error, and no half snapshot is left in the library.
 * The limit is set in a subprocess, which runs its own server. */
static void
test_snapshot_full_disk (Fixture       *fx,
                         gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 64, 64 };
      g_autoptr(GDir) listing = NULL;
      Result r;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      run_fetch (fx, "/article", 5, 0, TRUE, NULL, &r);
      g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_SNAPSHOT);
      g_assert_null (r.snapshot);
      listing = g_dir_open (fx->library, 0, NULL);
      g_assert_nonnull (listing);
      g_assert_null (g_dir_read_name (listing));
      g_printerr ("snapshot failed as expected: %s\n", r.error->message);
      result_clear (&r);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*snapshot failed as expected*");
}

/* An https server whose certificate nobody vouches for (a self-signed test
 * fixture, tests/data/fetch/self-signed.pem, for 127.0.0.1): the fetch
 * fails as a TLS failure, not as a generic one. */
static void
test_tls (Fixture       *fx,
          gconstpointer  data)
{
  g_autofree char *pem = gloss_test_data_path ("fetch", "self-signed.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  Result r;

#if defined(__SANITIZE_ADDRESS__)
  /* GCC 12's LeakSanitizer crashes at exit while scanning the dynamic TLS
   * that GnuTLS (loaded by glib-networking) left in its threads; the run
   * without sanitizers covers this test. */
  g_test_skip ("LeakSanitizer cannot scan the TLS backend's threads");
  return;
#endif

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("no TLS backend (glib-networking)");
      return;
    }

  certificate = g_tls_certificate_new_from_file (pem, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, server_cb, fx, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  g_assert_cmpstr (g_uri_get_scheme (uris->data), ==, "https");
  url = g_strdup_printf ("https://127.0.0.1:%d/article", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  run_fetch (fx, url, 5, 0, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TLS);
  g_assert_nonnull (strstr (r.error->message, url));
  g_assert_nonnull (strstr (r.error->message, "secure connection"));
  result_clear (&r);
}

/* A resolver that knows no host: what a machine without DNS, or a
 * mistyped host name, gives. */
typedef struct { GResolver parent_instance; } NoResolver;
typedef struct { GResolverClass parent_class; } NoResolverClass;

static GType no_resolver_get_type (void);
G_DEFINE_TYPE (NoResolver, no_resolver, G_TYPE_RESOLVER)

static GList *
no_resolver_lookup (GResolver     *resolver,
                    const char    *hostname,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no host “%s” here", hostname);
  return NULL;
}

static GList *
no_resolver_lookup_with_flags (GResolver                *resolver,
                               const char               *hostname,
                               GResolverNameLookupFlags  flags,
                               GCancellable             *cancellable,
                               GError                  **error)
{
  return no_resolver_lookup (resolver, hostname, cancellable, error);
}

static void
no_resolver_lookup_async (GResolver           *resolver,
                          const char          *hostname,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no host “%s” here", hostname);
}

static void
no_resolver_lookup_with_flags_async (GResolver                *resolver,
                                     const char               *hostname,
                                     GResolverNameLookupFlags  flags,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  no_resolver_lookup_async (resolver, hostname, cancellable, callback, user_data);
}

static GList *
no_resolver_lookup_finish (GResolver     *resolver,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
no_resolver_class_init (NoResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = no_resolver_lookup;
  resolver_class->lookup_by_name_async = no_resolver_lookup_async;
  resolver_class->lookup_by_name_finish = no_resolver_lookup_finish;
  resolver_class->lookup_by_name_with_flags = no_resolver_lookup_with_flags;
  resolver_class->lookup_by_name_with_flags_async = no_resolver_lookup_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = no_resolver_lookup_finish;
}

static void
no_resolver_init (NoResolver *self)
{
}

static void
test_dns (Fixture       *fx,
          gconstpointer  data)
{
  g_autoptr(GResolver) previous = g_resolver_get_default ();
  g_autoptr(GResolver) none = g_object_new (no_resolver_get_type (), NULL);
  Result r;

  g_resolver_set_default (none);
  run_fetch (fx, "http://gloss-test.invalid/article", 5, 0, FALSE, NULL, &r);
  g_resolver_set_default (previous);

  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_DNS);
  g_assert_nonnull (strstr (r.error->message, "http://gloss-test.invalid/article"));
  g_assert_nonnull (strstr (r.error->message, "could not be resolved"));
  result_clear (&r);
}

static void
test_bad_urls (Fixture       *fx,
               gconstpointer  data)
{
  Result r;

  run_fetch (fx, "ftp://127.0.0.1/file", 5, 0, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_UNSUPPORTED_SCHEME);
  result_clear (&r);
  run_fetch (fx, "file:///etc/passwd", 5, 0, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_UNSUPPORTED_SCHEME);
  result_clear (&r);
  run_fetch (fx, "not a url", 5, 0, FALSE, NULL, &r);
  g_assert_error (r.error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_INVALID_URL);
  result_clear (&r);

  g_assert_true (gloss_fetch_is_url ("https://example.org/"));
  g_assert_true (gloss_fetch_is_url ("HTTP://example.org/"));
  g_assert_false (gloss_fetch_is_url ("/home/user/page.html"));
  g_assert_false (gloss_fetch_is_url ("javascript:alert(1)"));
}

static void
test_sanitize (void)
{
  g_autofree char *a = gloss_fetch_sanitize_name ("../../etc/passwd", 60);
  g_autofree char *b = gloss_fetch_sanitize_name ("a\nb\tc\x01" "d", 60);
  g_autofree char *c = gloss_fetch_sanitize_name ("城市公园/绿地面积：三年增长两成", 60);
  g_autofree char *d = gloss_fetch_sanitize_name ("...", 60);
  g_autofree char *e = gloss_fetch_sanitize_name ("abcdefghijklmnopqrstuvwxyz", 10);

  g_assert_cmpstr (a, ==, "etc-passwd");
  g_assert_cmpstr (b, ==, "a-b-c-d");
  g_assert_cmpstr (c, ==, "城市公园-绿地面积-三年增长两成");
  g_assert_cmpstr (d, ==, "article");
  g_assert_cmpuint (g_utf8_strlen (e, -1), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/fetch/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("article-and-snapshot", test_article);
  ADD ("redirects", test_redirects);
  ADD ("not-found", test_not_found);
  ADD ("timeout", test_timeout);
  ADD ("cancel", test_cancel);
  ADD ("too-large", test_too_large);
  ADD ("gzip", test_gzip);
  ADD ("not-text", test_not_text);
  ADD ("header-charset", test_header_charset);
  ADD ("refused", test_refused);
  ADD ("bad-urls", test_bad_urls);
  ADD ("snapshot-full-disk", test_snapshot_full_disk);
  ADD ("tls", test_tls);
  ADD ("dns", test_dns);
#undef ADD
  g_test_add_func ("/fetch/sanitize-name", test_sanitize);

  return g_test_run ();
}
