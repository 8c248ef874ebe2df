/* gloss-cli-extract.c: `gloss-cli extract [--json] [--encoding ENC] FILE|URL`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-cli.h"
#include "gloss-document.h"
#include "gloss-fetch.h"
#include "gloss-loader.h"

typedef struct
{
  GMainLoop     *loop;
  GlossDocument *doc;
  GError        *error;
} FetchWait;

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FetchWait *w = user_data;

  w->doc = gloss_fetch_finish (result, NULL, &w->error);
  g_main_loop_quit (w->loop);
}

static GlossDocument *
fetch_url (const char  *url,
           const char  *encoding,
           guint        timeout,
           GError     **error)
{
  GlossFetchOptions options = { timeout, 0, encoding, NULL };
  FetchWait w = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  gloss_fetch_async (url, &options, NULL, NULL, NULL, NULL, fetch_cb, &w);
  g_main_loop_run (w.loop);
  g_main_loop_unref (w.loop);
  if (w.error != NULL)
    g_propagate_error (error, w.error);
  return w.doc;
}

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static char *
document_to_json (GlossDocument *doc)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *prov = gloss_document_get_provenance (doc);

  json_builder_begin_object (b);
  add_string (b, "source", gloss_document_get_source (doc));
  add_string (b, "url", gloss_document_get_url (doc));
  add_string (b, "title", gloss_document_get_title (doc));
  add_string (b, "byline", gloss_document_get_byline (doc));
  add_string (b, "published", gloss_document_get_published (doc));
  add_string (b, "site_name", gloss_document_get_site_name (doc));
  add_string (b, "retrieved", gloss_document_get_retrieved (doc));
  add_string (b, "encoding", gloss_document_get_encoding (doc));
  add_string (b, "sha256", gloss_document_get_sha256 (doc));
  json_builder_set_member_name (b, "length");
  json_builder_add_int_value (b, (gint64) gloss_document_get_length (doc));
  json_builder_set_member_name (b, "provenance");
  json_builder_begin_object (b);
  members = json_object_get_members (prov);
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_builder_set_member_name (b, l->data);
      json_builder_add_value (b, json_node_copy (json_object_get_member (prov, l->data)));
    }
  json_builder_end_object (b);
  add_string (b, "text", gloss_document_get_text (doc));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}

int
gloss_cli_extract (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  g_autofree char *encoding = NULL;
  int timeout = GLOSS_FETCH_DEFAULT_TIMEOUT;
  g_autofree char *scheme = NULL;
  const char *target;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON with the metadata and provenance"), NULL },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding, N_("Read the input in this character encoding"), N_("ENC") },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout, N_("Seconds to wait for a server (URLs)"), N_("SECONDS") },
    { NULL }
  };

  context = g_option_context_new (_("FILE|URL"));
  g_option_context_set_summary (context, _("Print an article's canonical text: a text file, a saved web page or a URL."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      g_printerr ("gloss-cli: %s\n", _("extract takes exactly one FILE or URL"));
      return 2;
    }
  target = argv[1];

  scheme = g_uri_parse_scheme (target);
  /* Any scheme but file: goes to the fetcher, which explains what it accepts. */
  if (gloss_fetch_is_url (target) || (scheme != NULL && g_ascii_strcasecmp (scheme, "file") != 0))
    doc = fetch_url (target, encoding, timeout > 0 ? (guint) timeout : GLOSS_FETCH_DEFAULT_TIMEOUT, &error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (target);
      doc = gloss_document_load_file (file, encoding, NULL, &error);
    }

  if (doc == NULL)
    {
      gloss_cli_error (target, "%s", error->message);
      return 1;
    }

  if (json)
    {
      g_autofree char *out = document_to_json (doc);
      fputs (out, stdout);
      fputc ('\n', stdout);
    }
  else
    {
      const char *text = gloss_document_get_text (doc);
      fputs (text, stdout);
      if (*text != '\0' && !g_str_has_suffix (text, "\n"))
        fputc ('\n', stdout);
    }
  return fflush (stdout) == 0 ? 0 : 1;
}
