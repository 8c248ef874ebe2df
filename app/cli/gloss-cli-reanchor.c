/* gloss-cli-reanchor.c: `gloss-cli reanchor`, annotations onto the article's current text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-cli.h"
#include "gloss-cli-layer.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-session.h"
#include "gloss-sidecar.h"
#include "gloss-version-store.h"

typedef struct
{
  gboolean    json;
  gboolean    dry_run;
  const char *output;
  GlossDocument *previous;
} Options;

static void
print_json (const char        *path,
            GlossSidecar      *sidecar,
            GlossAnchorReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
  const struct { const char *name; guint count; } counts[] = {
    { "exact", report->exact }, { "moved", report->moved }, { "fuzzy", report->fuzzy },
    { "cut", report->cut }, { "orphaned", report->orphaned },
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sidecar");
  json_builder_add_string_value (builder, path);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].name);
      json_builder_add_int_value (builder, counts[i].count);
    }
  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (set, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gloss_annotation_get_id (a));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, gloss_annotation_get_start (a));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, gloss_annotation_get_end (a));
      json_builder_set_member_name (builder, "anchor");
      json_builder_add_string_value (builder, gloss_anchor_status_to_string (gloss_annotation_get_anchor_status (a)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);
  printf ("%s\n", line);
}

static gboolean
reanchor_one (const char *path,
              Options    *options)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GlossSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GlossSidecar *sidecar;
  GlossDocument *document;
  GFile *article;
  GlossAnchorReport report;
  const char *coded_on;
  const char *how;

  /* The article is the one the sidecar names beside it. */
  session = gloss_cli_layer_open (NULL, NULL, file, options->previous, NULL, &error);
  if (session == NULL)
    {
      gloss_cli_error (path, "%s", error->message);
      return FALSE;
    }
  sidecar = gloss_session_get_sidecar (session);
  document = gloss_session_get_document (session);
  article = gloss_session_get_file (session);
  report = *gloss_session_get_anchor_report (session);

  /* Coded on another text, and the kept one could not be used: say why. */
  coded_on = gloss_session_get_coded_on (session);
  if (options->previous == NULL && gloss_sidecar_get_previous (sidecar) == NULL &&
      coded_on != NULL && g_strcmp0 (coded_on, gloss_document_get_sha256 (document)) != 0)
    {
      g_autoptr(GlossDocument) kept = gloss_version_store_lookup (article, coded_on, &error);

      if (kept == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_printerr (_("gloss-cli: warning: %s: %s; placing the annotations by their quotes\n"), path, error->message);
      g_clear_error (&error);
    }
  how = gloss_sidecar_get_previous (sidecar) != NULL ? _("through the old text") : _("by quote and context");

  if (!options->dry_run)
    {
      g_autoptr(GFile) out = options->output ? g_file_new_for_commandline_arg (options->output) : NULL;

      if (!gloss_cli_layer_save (session, out, &error))
        {
          gloss_cli_error (options->output ? options->output : path, "%s", error->message);
          return FALSE;
        }
      /* The sidecar now names this text: keep it for the next change. */
      if (!gloss_version_store_keep (document, article, &error))
        g_printerr (_("gloss-cli: warning: %s: the article's text could not be kept: %s\n"), path, error->message);
    }

  if (options->json)
    print_json (path, sidecar, &report);
  else
    /* TRANSLATORS: the counts of annotations by how they were placed, then how (“through the old text”) */
    printf (_("%s: %u exact, %u moved, %u fuzzy, %u cut, %u orphaned (%s)\n"), path,
            report.exact, report.moved, report.fuzzy, report.cut, report.orphaned, how);
  return TRUE;
}

int
gloss_cli_reanchor (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossDocument) previous = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *previous_path = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE, dry_run = FALSE, ok = TRUE;
  Options options;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per sidecar"), NULL },
    { "previous", 0, 0, G_OPTION_ARG_FILENAME, &previous_path, N_("The article as it was when annotated (otherwise the kept version)"), N_("OLD") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Write nothing"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of replacing SIDECAR (one sidecar only)"), N_("OUT") },
    { NULL }
  };

  context = g_option_context_new (_("SIDECAR… — place annotations on the article's current text"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Re-anchors each sidecar to the article beside it. When the text the sidecar was "
      "coded on is known (given with --previous, or kept by Gloss in .gloss/texts), every "
      "annotation is mapped through the difference of the two texts: exact or moved when "
      "untouched, fuzzy when partly edited, cut when less than half of it is left, orphaned "
      "when nothing is. Otherwise annotations are placed by their quotes and context, in "
      "order, and orphaned rather than guessed. An orphan keeps its old offsets."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      g_printerr (_("gloss-cli: reanchor: no sidecar given\n"));
      return 2;
    }
  if (output != NULL && argc != 2)
    {
      g_printerr (_("gloss-cli: reanchor: -o needs exactly one sidecar\n"));
      return 2;
    }

  if (previous_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (previous_path);

      previous = gloss_document_load_file (file, NULL, NULL, &error);
      if (previous == NULL)
        {
          gloss_cli_error (previous_path, "%s", error->message);
          return 1;
        }
    }

  options = (Options) { json, dry_run, output, previous };
  for (int i = 1; i < argc; i++)
    ok &= reanchor_one (argv[i], &options);

  return ok ? 0 : 1;
}
