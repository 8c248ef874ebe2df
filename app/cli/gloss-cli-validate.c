/* gloss-cli-validate.c: `gloss-cli validate` and `gloss-cli normalize`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli.h"
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

static gboolean
validate_one (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) article = NULL;
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
      print_problems (path, text_problems, &n_errors);
    }
  else
    {
      g_autoptr(GPtrArray) length_problems = gloss_sidecar_check_length (sidecar);

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
      "problem and exits with status 0 only when every file is valid."));
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
  if (!gloss_sidecar_save (sidecar, out, output ? GLOSS_SIDECAR_SAVE_OVERWRITE : GLOSS_SIDECAR_SAVE_NONE, &error))
    {
      gloss_cli_error (output ? output : argv[1], "%s", error->message);
      return 1;
    }

  return 0;
}
