/* gloss-cli-folders.c: the folders a library subcommand was given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-cli.h"
#include "gloss-cli-folders.h"

void
gloss_cli_folders_clear (GlossCliFolders *folders)
{
  g_clear_object (&folders->library);
}

gboolean
gloss_cli_folders_init (GlossCliFolders  *folders,
                        int               argc,
                        char            **argv)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (int i = 0; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          gloss_cli_error (argv[i], "%s", g_file_test (argv[i], G_FILE_TEST_EXISTS)
                                          ? _("not a folder") : _("No such file or folder"));
          return FALSE;
        }
      g_ptr_array_add (names, argv[i]);
    }
  g_ptr_array_add (names, NULL);
  folders->library = gloss_library_new ((const char * const *) names->pdata);
  folders->arguments = argv;
  /* GLOSS_LIBRARY_DATABASE: an index of one's own (tests, benchmarks). */
  if (g_getenv ("GLOSS_LIBRARY_DATABASE") != NULL)
    gloss_library_set_database (folders->library, g_getenv ("GLOSS_LIBRARY_DATABASE"));
  return TRUE;
}

char *
gloss_cli_folders_display_path (GlossCliFolders *folders,
                                const char      *path)
{
  const char * const *absolute = gloss_library_get_folders (folders->library);

  for (guint i = 0; absolute[i] != NULL; i++)
    {
      gsize n = strlen (absolute[i]);

      if (strncmp (path, absolute[i], n) == 0 && path[n] == '/')
        return g_build_filename (folders->arguments[i], path + n + 1, NULL);
    }
  return g_strdup (path);
}
