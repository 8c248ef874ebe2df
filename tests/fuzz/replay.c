/* replay.c: a fuzz target's committed corpus, replayed without libFuzzer
 *
 * Linked with one fuzz-NAME.c, runs its LLVMFuzzerTestOneInput() on every
 * file of tests/fuzz/corpus/NAME, in order: the seeds, and the inputs that
 * once crashed the target, are checked by every build and not only by
 * run-fuzzers.sh under clang.  A target that aborts ends the run (the test
 * fails); a folder without inputs fails too, since it would check nothing.
 * Prints TAP.
 *
 *   replay-NAME CORPUS_FOLDER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (argc != 2)
    {
      g_printerr ("usage: %s CORPUS_FOLDER\n", argv[0]);
      return 2;
    }

  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      printf ("Bail out! %s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  if (names->len == 0)
    {
      printf ("Bail out! no inputs in %s\n", argv[1]);
      return 1;
    }
  g_ptr_array_sort (names, compare_names);

  printf ("1..%u\n", names->len);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (argv[1], g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize length;

      if (!g_file_get_contents (path, &data, &length, &error))
        {
          printf ("not ok %u %s: %s\n", i + 1, (const char *) g_ptr_array_index (names, i), error->message);
          g_clear_error (&error);
          continue;
        }
      printf ("# %s (%" G_GSIZE_FORMAT " bytes)\n", (const char *) g_ptr_array_index (names, i), length);
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const guint8 *) data, length);
      printf ("ok %u %s\n", i + 1, (const char *) g_ptr_array_index (names, i));
    }
  return 0;
}
