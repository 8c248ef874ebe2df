/* gloss-cli-sample.c: `gloss-cli sample`, a seeded sample of articles to double-code
 *
 * The same choice as the Library's Agreement view (gloss-corpus-sample.c):
 * the readable articles of the folder, by their paths inside it, sorted,
 * then a shuffle seeded with --seed.  The same seed over the same folder
 * prints the same sample, here and in the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli.h"
#include "gloss-corpus-sample.h"
#include "gloss-library.h"

int
gloss_cli_sample (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossLibrary) library = NULL;
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *root = NULL;
  g_autofree char *text = NULL;
  double percent = -1;
  int count = -1;
  guint32 seed;
  GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text, N_("Seed of the random choice (0 to 4294967295; a new one when not given)"), N_("SEED") },
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, N_("Pick this many articles"), "N" },
    { "percent", 'p', 0, G_OPTION_ARG_DOUBLE, &percent, N_("Pick this share of the articles, rounded up"), "P" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the sample to this file instead of standard output"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("DIR — a seeded, reproducible sample of articles to double-code"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Prints a header with the seed and the date, then one path per line, inside DIR. "
      "The same seed over the same articles picks the same sample, as the Library's Agreement view does."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2 || (count < 0) == (percent < 0))
    {
      g_printerr (_("gloss-cli: sample: give one folder, and --count or --percent\n"));
      return 2;
    }
  if (seed_text != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &value, NULL))
        {
          g_printerr (_("gloss-cli: sample: the seed is a whole number from 0 to 4294967295, not “%s”\n"), seed_text);
          return 2;
        }
      seed = (guint32) value;
    }
  else
    seed = g_random_int ();
  if (!g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    {
      gloss_cli_error (argv[1], "%s", _("not a folder"));
      return 1;
    }

  library = gloss_library_new ((const char * const *) argv + 1);
  if (g_getenv ("GLOSS_LIBRARY_DATABASE") != NULL)
    gloss_library_set_database (library, g_getenv ("GLOSS_LIBRARY_DATABASE"));
  stats = gloss_library_update (library, NULL, NULL, NULL, &error);
  articles = stats != NULL ? gloss_library_list_articles (library, &error) : NULL;
  if (articles == NULL)
    {
      gloss_cli_error (NULL, "%s", error->message);
      return 1;
    }

  root = g_strdup (gloss_library_get_folders (library)[0]);
  for (guint i = 0; i < articles->len; i++)
    {
      GlossLibraryArticle *article = g_ptr_array_index (articles, i);
      gsize n = strlen (root);

      if (article->error != NULL)
        continue;
      if (strncmp (article->path, root, n) == 0 && article->path[n] == G_DIR_SEPARATOR)
        g_ptr_array_add (paths, article->path + n + 1);
      else
        g_ptr_array_add (paths, article->path);
    }
  g_ptr_array_add (paths, NULL);
  sample = gloss_corpus_sample_choose ((const char * const *) paths->pdata,
                                       count >= 0 ? (guint) count
                                                  : gloss_corpus_sample_count_for_percent (paths->len - 1, percent),
                                       seed);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!gloss_corpus_sample_write (file, sample, seed, paths->len - 1, NULL, &error))
        {
          gloss_cli_error (output, "%s", error->message);
          return 1;
        }
      return 0;
    }
  text = gloss_corpus_sample_to_text (sample, seed, paths->len - 1, NULL);
  fputs (text, stdout);
  return 0;
}
