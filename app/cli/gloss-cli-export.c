/* gloss-cli-export.c: `gloss-cli export` and `gloss-cli import`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli.h"
#include "gloss-cli-layer.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"

/* Expands directories into the sidecars below them, keeping the order given. */
static GPtrArray *
collect_inputs (char      **paths,
                int         n_paths,
                GPtrArray **names)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < n_paths; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) error = NULL;
      GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GPtrArray) found = gloss_export_find_sidecars (file, NULL, &error);

          if (found == NULL)
            {
              gloss_cli_error (paths[i], "%s", error->message);
              return NULL;
            }
          for (guint k = 0; k < found->len; k++)
            {
              GFile *child = g_ptr_array_index (found, k);
              g_autofree char *relative = g_file_get_relative_path (file, child);

              g_ptr_array_add (labels, g_build_filename (paths[i], relative, NULL));
              g_ptr_array_add (files, g_object_ref (child));
            }
        }
      else if (type == G_FILE_TYPE_UNKNOWN)
        {
          gloss_cli_error (paths[i], "%s", _("No such file or folder"));
          return NULL;
        }
      else
        {
          g_ptr_array_add (labels, g_strdup (paths[i]));
          g_ptr_array_add (files, g_steal_pointer (&file));
        }
    }

  *names = g_steal_pointer (&labels);
  return g_steal_pointer (&files);
}

/* brat and CoNLL cannot hold everything: what they left out is said, never
 * dropped in silence. */
static void
warn_left_out (GlossExporter *exporter,
               const char    *output)
{
  const char *where = output != NULL && !g_str_equal (output, "-") ? output : _("standard output");
  guint unplaced = 0, overlapping = 0;

  gloss_exporter_get_left_out (exporter, &unplaced, &overlapping);
  if (unplaced > 0)
    gloss_cli_error (where, g_dngettext (GETTEXT_PACKAGE,
                                         "warning: %u annotation has no place in its article’s text and is left out",
                                         "warning: %u annotations have no place in their articles’ text and are left out",
                                         unplaced),
                     unplaced);
  if (overlapping > 0)
    gloss_cli_error (where, g_dngettext (GETTEXT_PACKAGE,
                                         "warning: %u annotation lies inside another that starts earlier and is left out (BIO holds one tag per token)",
                                         "warning: %u annotations lie inside others that start earlier and are left out (BIO holds one tag per token)",
                                         overlapping),
                     overlapping);
}

/* The formats and what each cannot hold, from the one table in gloss-export.c. */
static char *
describe_formats (void)
{
  GString *text = g_string_new (_("Formats:"));
  const GlossExportFormatInfo *info;

  g_string_append_c (text, '\n');
  for (guint i = 0; (info = gloss_export_format_get_info (i)) != NULL; i++)
    {
      g_string_append_printf (text, "  %-6s %s", info->id, _(info->label));
      if (info->extension != NULL)
        g_string_append_printf (text, ", .%s", info->extension);
      if (!gloss_export_format_is_text (info->format))
        g_string_append_printf (text, " (%s)", _("needs -o OUT"));
      g_string_append_c (text, '\n');
      if (info->cannot_hold != NULL)
        g_string_append_printf (text, "         %s %s\n", _("Leaves out:"), _(info->cannot_hold));
    }
  g_string_append_c (text, '\n');
  g_string_append (text,
    _("Folders are searched recursively for *.gloss.json. Each sidecar's article is "
      "looked up beside it (document.source) for context, paragraph and sentence. "
      "Offsets are Unicode code points; jsonl adds start_utf16/end_utf16 for JavaScript. "
      "brat writes <article>.txt and <article>.ann into the folder given with -o "
      "(<article>.<annotator>.* when several annotators coded one article). "
      "Nothing is written when any input cannot be read."));

  return g_string_free (text, FALSE);
}

int
gloss_cli_export (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossExporter) exporter = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *group = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) annotators = NULL;
  gboolean bom = FALSE;
  GlossExportFormat format;
  g_autofree char *format_list = gloss_export_format_list ();
  g_autofree char *format_help = g_strdup_printf (_("Output format: %s"), format_list);
  g_autofree char *description = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, format_help, N_("FMT") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("Export only annotations with this tag (repeatable)"), N_("TAG") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &annotators, N_("Export only this annotator's sidecars (repeatable)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT (a folder for brat) instead of standard output"), N_("OUT") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start CSV with a byte order mark, as Excel expects"), NULL },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group, N_("Markdown: group quotes by “speaker” (default) or “tag”"), N_("BY") },
    { NULL }
  };

  context = g_option_context_new (_("SIDECAR|DIR… — export annotations"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  description = describe_formats ();
  g_option_context_set_description (context, description);
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;

  if (format_name == NULL || !gloss_export_format_from_string (format_name, &format))
    {
      g_printerr (_("gloss-cli: export: give --format %s\n"), format_list);
      return 2;
    }
  if (argc < 2)
    {
      g_printerr (_("gloss-cli: export: no sidecar or folder given\n"));
      return 2;
    }
  if (output == NULL && !gloss_export_format_is_text (format))
    {
      g_printerr (_("gloss-cli: export: %s needs -o OUT\n"), gloss_export_format_to_string (format));
      return 2;
    }

  exporter = gloss_exporter_new (format);
  gloss_exporter_set_tags (exporter, (const char * const *)tags);
  gloss_exporter_set_annotators (exporter, (const char * const *)annotators);
  gloss_exporter_set_bom (exporter, bom);
  if (group != NULL)
    {
      if (g_str_equal (group, "tag"))
        gloss_exporter_set_group (exporter, GLOSS_EXPORT_GROUP_TAG);
      else if (!g_str_equal (group, "speaker"))
        {
          g_printerr (_("gloss-cli: export: --group is “speaker” or “tag”\n"));
          return 2;
        }
    }

  files = collect_inputs (argv + 1, argc - 1, &names);
  if (files == NULL)
    return 1;

  /* Read everything first: one bad input means no output at all. */
  for (guint i = 0; i < files->len; i++)
    if (!gloss_exporter_add_file (exporter, g_ptr_array_index (files, i), NULL, &error))
      {
        gloss_cli_error (g_ptr_array_index (names, i), "%s", error->message);
        return 1;
      }

  if (output == NULL || g_str_equal (output, "-"))
    {
      g_autoptr(GBytes) bytes = gloss_exporter_render (exporter, NULL, &error);
      gsize length;
      const char *data;

      if (bytes == NULL)
        {
          gloss_cli_error (_("standard output"), "%s", error->message);
          return 1;
        }
      data = g_bytes_get_data (bytes, &length);
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          gloss_cli_error (_("standard output"), "%s", g_strerror (errno));
          return 1;
        }
    }
  else
    {
      g_autoptr(GFile) destination = g_file_new_for_commandline_arg (output);

      if (!gloss_exporter_write_file (exporter, destination, NULL, &error))
        {
          gloss_cli_error (output, "%s", error->message);
          return 1;
        }
    }

  warn_left_out (exporter, output);
  return 0;
}

int
gloss_cli_import (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) article_file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *article = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *source = NULL;
  g_autofree char *codebook_path = NULL;
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  GlossImportOptions options = { 0 };
  GlossImportFormat format;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Input format: w3c or brat"), N_("FMT") },
    { "article", 0, 0, G_OPTION_ARG_FILENAME, &article, N_("The article the annotations belong to"), N_("ARTICLE") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator, N_("Annotator id of the sidecar (w3c: import only this creator)"), N_("ID") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("w3c: import only annotations whose target source is IRI"), N_("IRI") },
    { "codebook", 0, 0, G_OPTION_ARG_FILENAME, &codebook_path, N_("Codebook for the new sidecar (a codebook or sidecar file)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The sidecar to write (“-” for standard output)"), N_("SIDECAR") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing sidecar"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — import annotations into a sidecar"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("w3c: FILE is a W3C Web Annotation collection, page, list or single annotation, as "
      "`gloss-cli export --format w3c` writes. When it holds several annotators or "
      "articles, pick one with --annotator and --source.\n"
      "brat: FILE is a .ann file; its offsets count characters of the .txt beside it. "
      "With --article the annotations are then anchored in the article's canonical text "
      "(by quote and context where the two texts differ).\n"
      "Without -o the sidecar is written beside --article as <article>.<annotator>.gloss.json. "
      "Examples:\n"
      "  gloss-cli import --format brat --article story.html -o story.html.bob.gloss.json story.html.ann\n"
      "  gloss-cli import --format w3c --annotator alice --article story.html export.jsonld"));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;

  if (format_name == NULL || !gloss_import_format_from_string (format_name, &format))
    {
      g_printerr (_("gloss-cli: import: give --format w3c or brat\n"));
      return 2;
    }
  if (argc != 2)
    {
      g_printerr (_("gloss-cli: import: give exactly one file to import\n"));
      return 2;
    }
  if (output == NULL && article == NULL)
    {
      g_printerr (_("gloss-cli: import: give -o SIDECAR or --article ARTICLE\n"));
      return 2;
    }
  if (annotator != NULL && !gloss_annotator_id_is_valid (annotator))
    {
      g_printerr (_("gloss-cli: import: “%s” is not a valid annotator id\n"), annotator);
      return 2;
    }

  if (article != NULL)
    {
      article_file = g_file_new_for_commandline_arg (article);
      document = gloss_document_load_file (article_file, NULL, NULL, &error);
      if (document == NULL)
        {
          gloss_cli_error (article, "%s", error->message);
          return 1;
        }
      if (gloss_document_get_source (document) == NULL)
        {
          g_autofree char *name = g_file_get_basename (article_file);
          gloss_document_set_source (document, name);
        }
    }

  if (codebook_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (codebook_path);
      g_autoptr(GlossSidecar) other = NULL;

      if (g_str_has_suffix (codebook_path, GLOSS_SIDECAR_SUFFIX))
        {
          other = gloss_sidecar_load (file, NULL, &error);
          if (other != NULL)
            codebook = g_object_ref (gloss_sidecar_get_codebook (other));
        }
      else
        codebook = gloss_codebook_load_file (file, &error);
      if (codebook == NULL)
        {
          gloss_cli_error (codebook_path, "%s", error->message);
          return 1;
        }
    }

  options.annotator = annotator;
  options.source = source;
  options.document = document;
  options.codebook = codebook;

  input = g_file_new_for_commandline_arg (argv[1]);
  sidecar = gloss_import_file (format, input, &options, NULL, &error);
  if (sidecar == NULL)
    {
      gloss_cli_error (argv[1], "%s", error->message);
      return 1;
    }

  if (output != NULL && g_str_equal (output, "-"))
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

  if (output != NULL)
    out = g_file_new_for_commandline_arg (output);
  else
    out = gloss_sidecar_file_for_article (article_file, gloss_sidecar_get_annotator_id (sidecar));

  if (!force && g_file_query_exists (out, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (out);

      gloss_cli_error (name, "%s", _("The sidecar exists already; use --force to replace it"));
      return 1;
    }

  /* Beside its article, the sidecar is written as the window writes it:
   * never over one that cannot be read, even with --force. */
  if (article_file != NULL
      ? !gloss_cli_layer_write (article_file, document, out, sidecar, &error)
      : (!gloss_cli_layer_check_target (out, &error) ||
         !gloss_sidecar_save (sidecar, out, GLOSS_SIDECAR_SAVE_OVERWRITE, &error)))
    {
      g_autofree char *name = g_file_get_parse_name (out);

      gloss_cli_error (name, "%s", error->message);
      return 1;
    }

  return 0;
}
