/* gloss-cli.c: gloss-cli, the batch tool over Gloss's core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli.h"
#include "gloss-locale.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *synopsis;
  const char *summary;
} Command;

/* Subcommands land here as they are written; the names are a stable interface. */
static const Command commands[] = {
  { "validate", gloss_cli_validate, "SIDECAR…", N_("Check sidecar files and their annotations") },
  { "normalize", gloss_cli_normalize, "[-o OUT] SIDECAR", N_("Rewrite a sidecar in canonical form") },
  { "reanchor", gloss_cli_reanchor, "[--json] [--previous OLD] [--dry-run] [-o OUT] SIDECAR…", N_("Place annotations on the article's current text") },
  { "diff", gloss_cli_diff, "[--json] OLD NEW", N_("Show what changed between two versions of an article") },
  { "versions", gloss_cli_versions, "[--json] DIR|ARTICLE…", N_("List the articles whose text changed, and their kept versions") },
#ifdef GLOSS_CLI_HAVE_EXTRACT
  { "extract", gloss_cli_extract, "[--json] [--encoding ENC] FILE|URL", N_("Print an article's canonical text") },
#endif
#ifdef GLOSS_CLI_HAVE_EXPORT
  { "export", gloss_cli_export, "--format FMT [--tag TAG]… [--annotator ID]… [-o OUT] SIDECAR|DIR…", N_("Export annotations") },
  { "import", gloss_cli_import, "--format w3c|brat …", N_("Import annotations into a sidecar") },
#endif
#ifdef GLOSS_CLI_HAVE_AGREE
  { "agree", gloss_cli_agree, "[--json] SIDECAR SIDECAR…|DIR…", N_("Agreement of annotators on one article, or pooled over the double-coded articles of folders") },
  { "adjudicate", gloss_cli_adjudicate, "[-n ID] [--prefer ANNOTATOR] [-o OUT] SIDECAR SIDECAR…", N_("Write an adjudicated layer from several annotators' sidecars") },
#endif
  { "index", gloss_cli_index, "[--json] [--watch] DIR…", N_("Build or update the library index of folders") },
  { "search", gloss_cli_search, "[--json] [--tag TAG]… [--annotator ID]… [--limit N] QUERY DIR…", N_("Find text and annotations across the library") },
  { "status", gloss_cli_status, "[--json] DIR…", N_("List the library's articles, who coded them and how far") },
  { "sample", gloss_cli_sample, "(--count N | --percent P) [--seed SEED] [-o FILE] DIR", N_("Pick a seeded, reproducible sample of articles to double-code") },
  { "suggest", gloss_cli_suggest, "[--json] [--tag TAG]… [--apply[=SIDECAR]] ARTICLE…", N_("Suggest quotes, speakers, officials, persons, programs and statistics") },
};

static void
usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: gloss-cli COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n             %s\n", commands[i].name, commands[i].synopsis, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “gloss-cli COMMAND --help” for a command's options."));
}

int
main (int    argc,
      char **argv)
{
  gloss_locale_init ();
  /* Debugging messages (G_MESSAGES_DEBUG) on stderr: stdout is the data. */
  g_log_writer_default_set_use_stderr (TRUE);
  /* GLOSS_LOCALEDIR reaches the catalogues of an uninstalled build
   * (<build>/po), for tests and for trying a translation. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR") ? g_getenv ("GLOSS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("gloss-cli");
  /* Under a file-size limit (ulimit -f) a write fails with EFBIG, reported
   * and cleaned up, instead of the process dying silently of SIGXFSZ. */
  signal (SIGXFSZ, SIG_IGN);

  if (argc < 2)
    {
      usage (stderr);
      return 2;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      usage (stdout);
      return 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("gloss-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* So that each command's --help reads "gloss-cli export [OPTION…]". */
        g_autofree char *prgname = g_strconcat ("gloss-cli ", commands[i].name, NULL);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("gloss-cli: unknown command “%s”\n"), argv[1]);
  usage (stderr);
  return 2;
}
