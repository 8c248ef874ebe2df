/* main.c: gloss, the desktop app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gloss-application.h"
#include "gloss-locale.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossApplication) app = NULL;

  gloss_locale_init ();
  /* Done above, with the fallback GTK's own setlocale() does not have. */
  gtk_disable_setlocale ();
  /* GLOSS_LOCALEDIR reaches the catalogues of an uninstalled build
   * (<build>/po), for tests and for trying a translation. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR") ? g_getenv ("GLOSS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Gloss"));

  app = gloss_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
