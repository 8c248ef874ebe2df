/* test-open-url.c: the Open URL dialog against a SoupServer on 127.0.0.1, and
 * the article header above the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set GLOSS_TEST_SCREENSHOTS to a folder to get PNGs of both widgets.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "gloss-article-header.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-open-url-dialog.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

static const char article_html[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
  "<title>新港口今日开放 - 测试日报</title>"
  "<meta property=\"og:site_name\" content=\"测试日报\">"
  "<meta name=\"author\" content=\"李伟\">"
  "<meta property=\"article:published_time\" content=\"2023-03-21T15:40:00+08:00\">"
  "</head><body><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a></div>"
  "<article><h1>新港口今日开放</h1>"
  "<p>经过三年建设，新港口于周一正式开放。市政府在声明中表示，新港口的吞吐能力是旧港口的两倍，"
  "将有效缓解市中心的交通压力。</p>"
  "<p>港口管理局局长王明说：“这是我们城市发展的重要一步，我们期待更多的船只停靠。”</p>"
  "<p>据统计，新港口每年可处理超过五百万个集装箱，预计将创造三千个就业岗位。</p>"
  "</article></body></html>";

typedef struct
{
  SoupServer *server;
  char       *base;
  GPtrArray  *paused;
  guint       n_requests;
} Server;

static Server *srv;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  srv->n_requests++;

  if (g_str_equal (path, "/article"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        article_html, strlen (article_html));
    }
  else if (g_str_equal (path, "/scripted"))
    {
      static const char scripted[] =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>新闻客户端</title></head>"
        "<body><div id=\"app\"></div><noscript>请启用 JavaScript</noscript>"
        "<script src=\"/app.js\"></script></body></html>";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        scripted, strlen (scripted));
    }
  else if (g_str_equal (path, "/stall"))
    {
      /* Never answered: only Cancel or closing the dialog ends the fetch. */
      soup_server_message_pause (msg);
      g_ptr_array_add (srv->paused, g_object_ref (msg));
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<html><body>Not here</body></html>", 34);
    }
}

static void
server_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  srv = g_new0 (Server, 1);
  srv->paused = g_ptr_array_new_with_free_func (g_object_unref);
  srv->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (srv->server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (srv->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (srv->server);
  g_assert_nonnull (uris);
  srv->base = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (srv->base, "/"))
    srv->base[strlen (srv->base) - 1] = '\0';
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
}

static char *
url_for (const char *path)
{
  return g_strconcat (srv->base, path, NULL);
}

/* A fresh, empty library folder, named in the settings as Preferences would. */
static GFile *
temp_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-open-url-XXXXXX", &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) library = NULL;

  g_assert_no_error (error);
  library = g_file_new_build_filename (dir, "Library", NULL);
  g_settings_set_string (settings, "library-folder", g_file_peek_path (library));
  return g_steal_pointer (&library);
}

/* The test's folder, which holds the library. */
static void
remove_library (GFile *library)
{
  g_autoptr(GFile) parent = g_file_get_parent (library);

  gloss_test_rm_rf (g_file_peek_path (parent));
}

typedef struct
{
  GlossDocument *doc;
  GFile         *file;
  guint          n_fetched;
  guint          n_busy_changes;
} Fetched;

static void
fetched_cb (GtkWindow     *dialog,
            GlossDocument *doc,
            GFile         *file,
            Fetched       *out)
{
  out->n_fetched++;
  g_set_object (&out->doc, doc);
  g_set_object (&out->file, file);
}

static void
busy_cb (GObject    *dialog,
         GParamSpec *pspec,
         Fetched    *out)
{
  out->n_busy_changes++;
}

static void
fetched_clear (Fetched *out)
{
  g_clear_object (&out->doc);
  g_clear_object (&out->file);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE; fails the test after 20 s. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
fetched_done (gpointer data)
{
  return ((Fetched *) data)->n_fetched > 0;
}

static gboolean
not_busy (gpointer data)
{
  return !gloss_open_url_dialog_get_busy (data);
}

static gboolean
server_has_stalled_request (gpointer data)
{
  return srv->paused->len > 0;
}

static gboolean
finalized (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Mapped and painted once, so that a screenshot shows it. */
static gboolean
frame_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("GLOSS_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  wait_until (frame_drawn, widget);
  /* Let the revealer and progress bar settle. */
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (20000);
      gloss_test_iterate ();
    }
  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static GtkWidget *
find_selectable_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_label_get_selectable (GTK_LABEL (child)))
        return child;
      if ((found = find_selectable_label (child)))
        return found;
    }
  return NULL;
}

/* The status line (the dialog's only selectable label), checked for visibility. */
static GtkWidget *
status_label (GtkWindow *dialog,
              gboolean   want_visible)
{
  GtkWidget *label = find_selectable_label (GTK_WIDGET (dialog));

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label) == want_visible);
  return label;
}

/* Whether the button bound to @action is sensitive, i.e. the action is enabled. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_action_button (child, action)))
        return found;
    }
  return NULL;
}

static gboolean
action_enabled (GtkWindow  *dialog,
                const char *action)
{
  GtkWidget *button = find_action_button (GTK_WIDGET (dialog), action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
test_fetch (void)
{
  g_autoptr(GFile) library = temp_library ();
  g_autofree char *url = url_for ("/article");
  g_autoptr(GFile) dialog_library = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) provenance = NULL;
  Fetched out = { 0 };
  GtkWindow *dialog = gloss_open_url_dialog_new (NULL);
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_connect (dialog, "fetched", G_CALLBACK (fetched_cb), &out);
  g_signal_connect (dialog, "notify::busy", G_CALLBACK (busy_cb), &out);

  /* The library comes from the "library-folder" setting. */
  dialog_library = gloss_open_url_dialog_get_library (GLOSS_OPEN_URL_DIALOG (dialog));
  g_assert_true (g_file_equal (dialog_library, library));

  gtk_window_present (dialog);
  g_assert_false (action_enabled (dialog, "url.stop"));
  g_assert_false (action_enabled (dialog, "url.open"));
  gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), url);
  g_assert_true (action_enabled (dialog, "url.open"));
  g_assert_cmpstr (gloss_open_url_dialog_get_url (GLOSS_OPEN_URL_DIALOG (dialog)), ==, url);

  /* Enter in the address row starts the fetch. */
  g_signal_emit_by_name (gloss_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Web Address"),
                         "entry-activated");
  g_assert_true (gloss_open_url_dialog_get_busy (GLOSS_OPEN_URL_DIALOG (dialog)));
  g_assert_true (action_enabled (dialog, "url.stop"));
  g_assert_false (action_enabled (dialog, "url.open"));
  wait_until (fetched_done, &out);

  g_assert_cmpuint (out.n_fetched, ==, 1);
  g_assert_cmpuint (out.n_busy_changes, ==, 2);
  g_assert_nonnull (out.doc);
  g_assert_cmpstr (gloss_document_get_title (out.doc), ==, "新港口今日开放");
  g_assert_cmpstr (gloss_document_get_site_name (out.doc), ==, "测试日报");
  g_assert_nonnull (out.file);
  g_assert_true (g_file_query_exists (out.file, NULL));
  g_assert_true (g_file_has_prefix (out.file, library));
  g_assert_true (g_file_equal (gloss_document_get_file (out.doc), out.file));
  dir = g_file_get_parent (out.file);
  original = g_file_get_child (dir, "original.html");
  {
    g_autofree char *name = g_file_get_basename (out.file);
    g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".txt"));
    g_autofree char *prov_name = g_strconcat (stem, ".provenance.json", NULL);

    g_assert_true (g_str_has_prefix (name, "新港口今日开放-20"));
    provenance = g_file_get_child (dir, prov_name);
  }
  g_assert_true (g_file_query_exists (original, NULL));
  g_assert_true (g_file_query_exists (provenance, NULL));

  /* The dialog closed itself after handing the article over. */
  wait_until (finalized, &weak);

  remove_library (library);
  fetched_clear (&out);
}

static void
test_http_error_then_retry (void)
{
  g_autoptr(GFile) library = temp_library ();
  g_autofree char *missing = url_for ("/missing");
  g_autofree char *article = url_for ("/article");
  Fetched out = { 0 };
  GtkWindow *dialog = gloss_open_url_dialog_new (NULL);
  GtkWidget *status, *row;

  g_signal_connect (dialog, "fetched", G_CALLBACK (fetched_cb), &out);
  gtk_window_present (dialog);
  status_label (dialog, FALSE);

  gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), missing);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL));
  wait_until (not_busy, dialog);

  g_assert_cmpuint (out.n_fetched, ==, 0);
  g_assert_nonnull (gloss_open_url_dialog_get_error (GLOSS_OPEN_URL_DIALOG (dialog)));
  g_assert_nonnull (strstr (gloss_open_url_dialog_get_error (GLOSS_OPEN_URL_DIALOG (dialog)), "404"));
  status = status_label (dialog, TRUE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==,
                   gloss_open_url_dialog_get_error (GLOSS_OPEN_URL_DIALOG (dialog)));
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  row = gloss_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Web Address");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (row)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  maybe_screenshot (GTK_WIDGET (dialog), "open-url-error.png");

  /* Fixing the address clears the message; the retry succeeds. */
  gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), article);
  g_assert_null (gloss_open_url_dialog_get_error (GLOSS_OPEN_URL_DIALOG (dialog)));
  status_label (dialog, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL));
  wait_until (fetched_done, &out);
  g_assert_cmpuint (out.n_fetched, ==, 1);
  g_assert_true (g_file_query_exists (out.file, NULL));

  remove_library (library);
  fetched_clear (&out);
}

static void
test_invalid_url (void)
{
  g_autoptr(GFile) library = temp_library ();
  Fetched out = { 0 };
  GtkWindow *dialog = gloss_open_url_dialog_new (NULL);
  guint before = srv->n_requests;
  const char *error;

  g_signal_connect (dialog, "fetched", G_CALLBACK (fetched_cb), &out);
  gtk_window_present (dialog);

  /* Nothing to open yet. */
  g_assert_false (action_enabled (dialog, "url.open"));

  gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), "ftp://127.0.0.1/file.txt");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL);
  g_assert_false (gloss_open_url_dialog_get_busy (GLOSS_OPEN_URL_DIALOG (dialog)));
  error = gloss_open_url_dialog_get_error (GLOSS_OPEN_URL_DIALOG (dialog));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "http://"));
  status_label (dialog, TRUE);

  gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), "not a web address");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL);
  g_assert_nonnull (gloss_open_url_dialog_get_error (GLOSS_OPEN_URL_DIALOG (dialog)));
  g_assert_false (gloss_open_url_dialog_get_busy (GLOSS_OPEN_URL_DIALOG (dialog)));

  gloss_test_iterate ();
  g_assert_cmpuint (srv->n_requests, ==, before);
  g_assert_cmpuint (out.n_fetched, ==, 0);
  gtk_window_destroy (dialog);
  remove_library (library);
}

static void
test_cancel (void)
{
  g_autoptr(GFile) library = temp_library ();
  g_autofree char *stall = url_for ("/stall");
  Fetched out = { 0 };
  GtkWindow *dialog = gloss_open_url_dialog_new (NULL);
  GtkWidget *status;
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_connect (dialog, "fetched", G_CALLBACK (fetched_cb), &out);
  gtk_window_present (dialog);

  gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), stall);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL));
  wait_until (server_has_stalled_request, NULL);
  g_assert_true (gloss_open_url_dialog_get_busy (GLOSS_OPEN_URL_DIALOG (dialog)));
  maybe_screenshot (GTK_WIDGET (dialog), "open-url-progress.png");

  /* No second Open while busy. */
  g_assert_false (action_enabled (dialog, "url.open"));
  g_assert_true (action_enabled (dialog, "url.stop"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "url.stop", NULL));
  wait_until (not_busy, dialog);
  g_assert_cmpuint (out.n_fetched, ==, 0);
  g_assert_null (gloss_open_url_dialog_get_error (GLOSS_OPEN_URL_DIALOG (dialog)));
  status = status_label (dialog, TRUE);
  g_assert_false (gtk_widget_has_css_class (status, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Closing while a fetch runs cancels it and never reports it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL));
  g_assert_true (gloss_open_url_dialog_get_busy (GLOSS_OPEN_URL_DIALOG (dialog)));
  gtk_window_close (dialog);
  wait_until (finalized, &weak);
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (10000);
      gloss_test_iterate ();
    }
  g_assert_cmpuint (out.n_fetched, ==, 0);

  remove_library (library);
}

/* ------------------------------------------------------------------ */
/* Article header                                                      */

static void
collect_visible_labels (GtkWidget *root,
                        GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        g_string_append_printf (out, "[%s]", gtk_label_get_text (GTK_LABEL (child)));
      collect_visible_labels (child, out);
    }
}

static char *
visible_labels (GtkWidget *header)
{
  GString *out = g_string_new (NULL);

  collect_visible_labels (header, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
header_in_window (GtkWindow **window)
{
  GtkWidget *header = gloss_article_header_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 640, -1);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 12);
  gtk_window_set_child (*window, header);
  gtk_window_present (*window);
  return header;
}

static gboolean
has_saved_copy (gpointer data)
{
  return gloss_article_header_get_saved_copy (data) != NULL;
}

static void
test_header_metadata (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_new ("新港口今日开放\n\n经过三年建设。", -1, &error);
  GtkWindow *window;
  GtkWidget *header = header_in_window (&window);
  g_autofree char *labels = NULL;
  g_autofree char *uri = NULL;

  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (header));

  gloss_document_set_site_name (doc, "人民日报");
  gloss_document_set_published (doc, "2023-03-21 15:40");
  gloss_document_set_byline (doc, "李伟");
  gloss_document_set_url (doc, "https://example.org/news/harbor.html");
  gloss_article_header_set_document (GLOSS_ARTICLE_HEADER (header), doc);
  g_assert_true (gloss_article_header_get_document (GLOSS_ARTICLE_HEADER (header)) == doc);

  g_assert_true (gtk_widget_get_visible (header));
  labels = visible_labels (header);
  g_assert_nonnull (strstr (labels, "[人民日报]"));
  /* In the locale's words, not %x's 03/21/23. */
  g_assert_nonnull (strstr (labels, "[21 Mar 2023, 15:40]"));
  g_assert_nonnull (strstr (labels, "[By 李伟]"));
  g_assert_nonnull (strstr (labels, "[https://example.org/news/harbor.html]"));
  uri = gloss_article_header_dup_original_uri (GLOSS_ARTICLE_HEADER (header));
  g_assert_cmpstr (uri, ==, "https://example.org/news/harbor.html");
  g_assert_null (gloss_article_header_get_saved_copy (GLOSS_ARTICLE_HEADER (header)));
  maybe_screenshot (header, "article-header.png");

  /* Only a site: the date, separator, byline and link rows go away. */
  {
    g_autoptr(GlossDocument) bare = gloss_document_new ("Text", -1, &error);
    g_autofree char *bare_labels = NULL;

    gloss_document_set_site_name (bare, "Test Times");
    gloss_article_header_set_document (GLOSS_ARTICLE_HEADER (header), bare);
    bare_labels = visible_labels (header);
    g_assert_cmpstr (bare_labels, ==, "[Test Times]");
    g_assert_true (gtk_widget_get_visible (header));
  }

  gloss_article_header_set_document (GLOSS_ARTICLE_HEADER (header), NULL);
  g_assert_false (gtk_widget_get_visible (header));

  gtk_window_destroy (window);
}

static void
test_header_plain_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-header-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) doc = NULL;
  GtkWindow *window;
  GtkWidget *header = header_in_window (&window);

  g_assert_no_error (error);
  g_file_set_contents (path, "Just some notes.\n", -1, &error);
  g_assert_no_error (error);
  doc = gloss_document_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  gloss_article_header_set_document (GLOSS_ARTICLE_HEADER (header), doc);
  for (guint i = 0; i < 5; i++)
    gloss_test_iterate ();
  g_assert_false (gtk_widget_get_visible (header));
  g_assert_null (gloss_article_header_dup_original_uri (GLOSS_ARTICLE_HEADER (header)));

  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_header_snapshot (void)
{
  g_autoptr(GFile) library = temp_library ();
  g_autofree char *url = url_for ("/article");
  Fetched out = { 0 };
  GtkWindow *dialog = gloss_open_url_dialog_new (NULL);
  g_autoptr(GlossDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) original = NULL;
  g_autofree char *labels = NULL;
  GtkWindow *window;
  GtkWidget *header;
  GtkWidget *more;

  g_signal_connect (dialog, "fetched", G_CALLBACK (fetched_cb), &out);
  gtk_window_present (dialog);
  gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), url);
  maybe_screenshot (GTK_WIDGET (dialog), "open-url.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL);
  wait_until (fetched_done, &out);

  /* What the window does with ::fetched: reopen the snapshot's article file. */
  reopened = gloss_document_load_file (out.file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (reopened), ==, gloss_document_get_text (out.doc));
  dir = g_file_get_parent (out.file);
  original = g_file_get_child (dir, "original.html");

  header = header_in_window (&window);
  gloss_article_header_set_document (GLOSS_ARTICLE_HEADER (header), reopened);
  wait_until (has_saved_copy, header);
  g_assert_true (g_file_equal (gloss_article_header_get_saved_copy (GLOSS_ARTICLE_HEADER (header)), original));
  labels = visible_labels (header);
  g_assert_nonnull (strstr (labels, "[测试日报]"));
  g_assert_nonnull (strstr (labels, "[By 李伟]"));
  g_assert_nonnull (strstr (labels, url));
  /* Web page and saved copy both exist: the menu offers either. */
  more = gloss_test_find_widget (header, GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_true (gtk_widget_get_visible (more));
  maybe_screenshot (header, "article-header-snapshot.png");

  /* A saved page without URL: View Original opens the file itself. */
  {
    g_autoptr(GlossDocument) page = gloss_document_load_file (original, NULL, NULL, &error);
    g_autofree char *uri = NULL;
    g_autofree char *expected = g_file_get_uri (original);

    g_assert_no_error (error);
    gloss_document_set_url (page, NULL);
    gloss_article_header_set_document (GLOSS_ARTICLE_HEADER (header), page);
    wait_until (has_saved_copy, header);
    uri = gloss_article_header_dup_original_uri (GLOSS_ARTICLE_HEADER (header));
    g_assert_cmpstr (uri, ==, expected);
    g_assert_false (gtk_widget_get_visible (more));
  }

  gtk_window_destroy (window);
  remove_library (library);
  fetched_clear (&out);
}

/* The address row has the focus when the dialog opens: what the user types
 * lands there, and Return opens it.  An address typed without http:// is
 * tried over https:// first, then over http:// (the test server's). */
static void
test_typed_address (void)
{
  g_autoptr(GFile) library = temp_library ();
  const char *bare = srv->base + strlen ("http://");
  g_autofree char *typed = g_strconcat (bare, "/article", NULL);
  g_autofree char *expected = url_for ("/article");
  g_autofree char *xid = NULL;
  Fetched out = { 0 };
  GtkWindow *dialog = gloss_open_url_dialog_new (NULL);
  GtkWidget *row = gloss_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Web Address");
  GtkWidget *focus;

  g_signal_connect (dialog, "fetched", G_CALLBACK (fetched_cb), &out);
  gtk_window_present (dialog);
  wait_until (frame_drawn, dialog);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));

  if (!gloss_test_xdotool_available ())
    {
      gtk_window_destroy (dialog);
      remove_library (library);
      return;
    }

  xid = gloss_test_window_xid (dialog);
  g_free (gloss_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL }));
  g_free (gloss_test_xdotool ((const char *[]) { "type", "--delay", "20", typed, NULL }));
  g_free (gloss_test_xdotool ((const char *[]) { "key", "Return", NULL }));
  wait_until (fetched_done, &out);
  g_assert_cmpuint (out.n_fetched, ==, 1);
  g_assert_cmpstr (gloss_document_get_url (out.doc), ==, expected);

  remove_library (library);
  fetched_clear (&out);
}

/* A page that builds itself with JavaScript extracts to its title alone:
 * the dialog says so and stays open, instead of opening an empty article. */
static void
test_scripted_page (void)
{
  g_autoptr(GFile) library = temp_library ();
  g_autofree char *url = url_for ("/scripted");
  Fetched out = { 0 };
  GtkWindow *dialog = gloss_open_url_dialog_new (NULL);
  const char *error;

  g_signal_connect (dialog, "fetched", G_CALLBACK (fetched_cb), &out);
  gtk_window_present (dialog);
  gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL));
  wait_until (not_busy, dialog);

  g_assert_cmpuint (out.n_fetched, ==, 0);
  error = gloss_open_url_dialog_get_error (GLOSS_OPEN_URL_DIALOG (dialog));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "JavaScript"));
  status_label (dialog, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (dialog);
  remove_library (library);
}

static void
test_finalize (void)
{
  GtkWindow *dialog = gloss_open_url_dialog_new (NULL);
  GtkWidget *header = g_object_ref_sink (gloss_article_header_new ());

  gtk_window_present (dialog);
  gloss_test_iterate ();
  g_object_ref (dialog);
  gtk_window_destroy (dialog);
  gloss_test_iterate ();
  gloss_test_assert_finalized (dialog);
  gloss_test_assert_finalized (header);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gloss_test_gtk_init (&argc, &argv);
  server_start ();

  g_test_add_func ("/open-url/fetch", test_fetch);
  g_test_add_func ("/open-url/http-error-then-retry", test_http_error_then_retry);
  g_test_add_func ("/open-url/invalid-url", test_invalid_url);
  g_test_add_func ("/open-url/cancel", test_cancel);
  g_test_add_func ("/open-url/typed-address", test_typed_address);
  g_test_add_func ("/open-url/scripted-page", test_scripted_page);
  g_test_add_func ("/open-url/finalize", test_finalize);
  g_test_add_func ("/article-header/metadata", test_header_metadata);
  g_test_add_func ("/article-header/plain-file", test_header_plain_file);
  g_test_add_func ("/article-header/snapshot", test_header_snapshot);

  ret = g_test_run ();

  g_ptr_array_unref (srv->paused);
  g_object_unref (srv->server);
  g_free (srv->base);
  g_free (srv);
  return ret;
}
