/* gloss-cli-validate.c: `gloss-cli validate` and `gloss-cli normalize`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "gloss-cli.h"
#include "gloss-cli-layer.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"

static void
print_problems (const char *name,
                GPtrArray  *problems,
                guint      *n_errors)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GlossSidecarProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = gloss_sidecar_format_problem (name, problem);

      if (problem->warning)
        g_printerr (_("gloss-cli: warning: %s\n"), line);
      else
        {
          g_printerr ("gloss-cli: %s\n", line);
          (*n_errors)++;
        }
    }
}

/* The "anchor" each annotation of the file carries, by its place in the
 * file: an annotation that a changed text left fuzzy, cut or orphaned is
 * saved awaiting review, and says so. */
static GPtrArray *
review_markers (GFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_file_get_path (file);
  GPtrArray *markers = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root, *annotations;

  if (path == NULL || !json_parser_load_from_mapped_file (parser, path, NULL))
    return markers;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return markers;
  annotations = json_object_get_member (json_node_get_object (root), "annotations");
  if (annotations == NULL || !JSON_NODE_HOLDS_ARRAY (annotations))
    return markers;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (annotations)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (annotations), i);
      const char *marker = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        marker = json_object_get_string_member_with_default (json_node_get_object (node), "anchor", NULL);
      if (g_strcmp0 (marker, "fuzzy") != 0 && g_strcmp0 (marker, "cut") != 0 && g_strcmp0 (marker, "orphaned") != 0)
        marker = NULL;
      g_ptr_array_add (markers, g_strdup (marker));
    }
  return markers;
}

/* An annotation awaiting review is valid data, not a broken one: that its
 * text is not at its offsets (an orphan keeps the old text's) is a warning. */
static void
downgrade_awaiting_review (GPtrArray *problems,
                           GPtrArray *markers)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GlossSidecarProblem *problem = g_ptr_array_index (problems, i);
      guint64 n;
      char *end = NULL;
      const char *marker;
      char *message;

      if (problem->warning || !g_str_has_prefix (problem->path, "annotations["))
        continue;
      n = g_ascii_strtoull (problem->path + strlen ("annotations["), &end, 10);
      if (end == NULL || (strcmp (end, "]") != 0 && strcmp (end, "].end") != 0) || n >= markers->len)
        continue;
      marker = g_ptr_array_index (markers, n);
      if (marker == NULL)
        continue;

      /* TRANSLATORS: %s is fuzzy, cut or orphaned (kept in English: it is the file's value), then the problem */
      message = g_strdup_printf (_("awaiting review after re-anchoring (%s): %s"), marker, problem->message);
      g_free (problem->message);
      problem->message = message;
      problem->warning = TRUE;
    }
}

static gboolean
validate_one (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GPtrArray) markers = NULL;
  guint n_errors = 0;

  sidecar = gloss_sidecar_load (file, &problems, &error);
  if (sidecar == NULL)
    {
      /* With a list of problems each gets its own line; else the error says it all. */
      if (problems != NULL && problems->len > 0)
        print_problems (path, problems, &n_errors);
      else
        gloss_cli_error (path, "%s", error->message);
      return FALSE;
    }
  print_problems (path, problems, &n_errors);
  markers = review_markers (file);

  article = gloss_sidecar_find_article (file, sidecar);
  if (article != NULL)
    {
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GPtrArray) text_problems = NULL;

      document = gloss_document_load_file (article, NULL, NULL, &error);
      if (document == NULL)
        {
          gloss_cli_error (path, _("document.source: %s"), error->message);
          return FALSE;
        }

      text_problems = gloss_sidecar_check_document (sidecar, document);
      downgrade_awaiting_review (text_problems, markers);
      print_problems (path, text_problems, &n_errors);
    }
  else
    {
      g_autoptr(GPtrArray) length_problems = gloss_sidecar_check_length (sidecar);

      downgrade_awaiting_review (length_problems, markers);
      print_problems (path, length_problems, &n_errors);
    }

  return n_errors == 0;
}

int
gloss_cli_validate (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean ok = TRUE;

  context = g_option_context_new (_("SIDECAR… — check Gloss sidecar files"));
  g_option_context_set_description (context,
    _("Checks each sidecar's structure and, when the article named in document.source "
      "is beside it, each annotation against the article's text. Prints one line per "
      "problem and exits with status 0 only when every file is valid. An annotation saved "
      "awaiting review after the article changed (\"anchor\": fuzzy, cut or orphaned) is "
      "valid: that its text is not at its offsets is a warning."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      g_printerr (_("gloss-cli: validate: no sidecar given\n"));
      return 2;
    }

  for (int i = 1; i < argc; i++)
    ok &= validate_one (argv[i]);

  return ok ? 0 : 1;
}

int
gloss_cli_normalize (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of replacing SIDECAR (“-” for standard output)"), N_("OUT") },
    { NULL }
  };

  context = g_option_context_new (_("SIDECAR — rewrite a sidecar in canonical form"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Writes exactly what Gloss itself would save: fixed key order, annotations sorted "
      "by start, end and id, two-space indent. Running it twice changes nothing."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      g_printerr (_("gloss-cli: normalize: give exactly one sidecar\n"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  sidecar = gloss_sidecar_load (file, NULL, &error);
  if (sidecar == NULL)
    {
      gloss_cli_error (argv[1], "%s", error->message);
      return 1;
    }

  if (g_strcmp0 (output, "-") == 0)
    {
      gsize length;
      g_autofree char *data = gloss_sidecar_to_data (sidecar, &length);

      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          gloss_cli_error (_("standard output"), "%s", g_strerror (errno));
          return 1;
        }
      return 0;
    }

  out = output ? g_file_new_for_commandline_arg (output) : g_object_ref (file);
  /* -o names the destination explicitly: replacing it is what was asked. */
  if ((output != NULL && !gloss_cli_layer_check_target (out, &error)) ||
      !gloss_sidecar_save (sidecar, out, output ? GLOSS_SIDECAR_SAVE_OVERWRITE : GLOSS_SIDECAR_SAVE_NONE, &error))
    {
      gloss_cli_error (output ? output : argv[1], "%s", error->message);
      return 1;
    }

  return 0;
}
