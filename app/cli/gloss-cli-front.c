/* gloss-cli-front.c: gloss-cli as scripts run it, small enough to start fast
 *
 * A script may run `gloss-cli search` thousands of times, and a process
 * that loads every library Gloss uses (libsoup, libxml2, ICU, libxlsxwriter
 * and theirs: 40 in all) spends 10 ms just starting, more than the search
 * itself when the index is current.  So gloss-cli is this small program:
 * it runs a search itself when the index is current (it links the index,
 * OpenCC and json-glib, and reads no article), and hands every other
 * command, and a search that must update the index first, to the whole
 * tool, gloss-cli-full, with the same arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <unistd.h>

#include "gloss-cli.h"
#include "gloss-locale.h"

#define FULL_NAME "gloss-cli-full"

/* The arguments as given: the subcommand's option parsing reorders them. */
static char **full_argv;

/* Beside this program in a build tree; installed, in libexecdir. */
static char *
full_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *sibling = g_build_filename (dir, FULL_NAME, NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);
    }
  return g_build_filename (GLOSS_LIBEXECDIR, FULL_NAME, NULL);
}

int
gloss_cli_run_full (void)
{
  g_autofree char *path = full_path ();
  int saved;

  g_debug ("running %s", path);
  execv (path, full_argv);
  saved = errno;
  gloss_cli_error (path, "%s", g_strerror (saved));
  return 127;
}

int
main (int    argc,
      char **argv)
{
  full_argv = g_strdupv (argv);
  /* Debugging messages (G_MESSAGES_DEBUG) on stderr: stdout is the data. */
  g_log_writer_default_set_use_stderr (TRUE);

  if (argc < 2 || !g_str_equal (argv[1], "search"))
    return gloss_cli_run_full ();

  gloss_locale_init ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR") ? g_getenv ("GLOSS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* As gloss-cli-full's own main(): a search's --help reads "gloss-cli search". */
  g_set_prgname ("gloss-cli search");
  signal (SIGXFSZ, SIG_IGN);
  return gloss_cli_search (argc - 1, argv + 1);
}
