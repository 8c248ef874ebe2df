/* gloss-cli-common.c: what every gloss-cli subcommand shares
 *
 * Apart from gloss-cli.c, which calls the subcommands: they call these, and
 * so the dispatcher and the subcommands do not call each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "gloss-cli.h"

void
gloss_cli_error (const char *file,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Messages from core often start with the file name already. */
  if (file != NULL && !g_str_has_prefix (message, file))
    g_printerr ("gloss-cli: %s: %s\n", file, message);
  else
    g_printerr ("gloss-cli: %s\n", message);
}

gboolean
gloss_cli_parse (GOptionContext   *context,
                 int              *argc,
                 char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("gloss-cli: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}
