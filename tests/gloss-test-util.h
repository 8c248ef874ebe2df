/* gloss-test-util.h: small helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

#include "gloss-export.h"

static inline char *
gloss_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
gloss_test_write (const char *path,
                  const char *contents,
                  gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Not inlined: GCC 12 then loses track of the returned buffer and warns
 * that pointers into it dangle. */
G_GNUC_NO_INLINE G_GNUC_UNUSED static char *
gloss_test_read (const char *path,
                 gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static inline char *
gloss_test_data_path (const char *first,
                      ...)
{
  const char *root = g_getenv ("GLOSS_TEST_DATA");
  GString *path = g_string_new (root ? root : "tests/data");
  const char *part = first;
  va_list args;

  va_start (args, first);
  while (part != NULL)
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, part);
      part = va_arg (args, const char *);
    }
  va_end (args);

  return g_string_free (path, FALSE);
}

/* Writes @contents to @dir/@name, making the folders on the way. */
static inline void
gloss_test_write_in (const char *dir,
                     const char *name,
                     const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  gloss_test_write (path, contents, -1);
}

/* Writes @annotator's layer of @article (a path in @dir) with the JSON
 * @annotations, and @extra (members ending in a comma, or "") before them. */
static inline void
gloss_test_write_layer (const char *dir,
                        const char *article,
                        const char *annotator,
                        const char *extra,
                        const char *annotations)
{
  g_autofree char *name = g_strdup_printf ("%s.%s.gloss.json", article, annotator);
  g_autofree char *json = g_strdup_printf ("{ \"format\": \"gloss\", \"version\": 1, "
                                           "\"document\": { \"source\": \"%s\" }, "
                                           "\"annotator\": { \"id\": \"%s\" }, %s"
                                           "\"annotations\": [ %s ] }\n",
                                           article, annotator, extra, annotations);

  gloss_test_write_in (dir, name, json);
}

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult * that
 * @user_data points to (unref it when done). */
static inline void
gloss_test_keep_result (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Turns the main loop until gloss_test_keep_result() has filled @slot. */
static inline GAsyncResult *
gloss_test_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static inline gboolean
gloss_test_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Turns the main loop until @done says so; fails after ten seconds, naming
 * the condition it waited for. */
#define gloss_test_iterate_until(done, ...) gloss_test_iterate_until_named (done, #done, __VA_ARGS__)

static inline void
gloss_test_iterate_until_named (gboolean  (*done) (gpointer),
                                const char *name,
                                gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  /* A main loop with nothing to do blocks for ever: wake it up now and then,
   * so that a condition that never comes fails the test instead of hanging it. */
  guint tick = g_timeout_add (100, gloss_test_tick, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("waited ten seconds for %s", name);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

/* For gloss_test_assert_finalized(): whether the weak pointer at @data
 * was cleared. */
static inline gboolean
gloss_test_pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Drops the test's reference to @object and asserts that it is finalized,
 * turning the main loop for up to ten seconds first: a task run in a thread
 * lets go of its source object from an idle in this context, a moment after
 * its callback (gloss_task_run_in_thread()). */
#define gloss_test_assert_finalized(object) \
  gloss_test_assert_finalized_at (G_OBJECT (object), G_STRLOC)

static inline void
gloss_test_assert_finalized_at (GObject    *object,
                                const char *where)
{
  gpointer alive = object;
  g_autofree char *what = g_strdup_printf ("%s: the %s whose last reference was dropped to be finalized",
                                           where, G_OBJECT_TYPE_NAME (object));

  g_object_add_weak_pointer (object, &alive);
  g_object_unref (object);
  gloss_test_iterate_until_named (gloss_test_pointer_cleared, what, &alive);
}

/* Removes a directory tree made by a test. */
static inline void
gloss_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gloss_test_rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Makes every file and folder under @path an hour old: the library index
 * trusts no mtime of the last two seconds (a file may change again within
 * its tick) and checks such files again at every search. */
static inline void
gloss_test_age_tree (const char *path)
{
  struct timespec times[2] = { { time (NULL) - 3600, 0 }, { time (NULL) - 3600, 0 } };
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      gloss_test_age_tree (child);
    }
}

/* An exporter over fixtures in tests/data/export, by name, NULL-terminated. */
static inline GlossExporter *
exporter_for (GlossExportFormat format,
              const char       *first,
              ...)
{
  GlossExporter *exporter = gloss_exporter_new (format);
  const char *name = first;
  va_list args;

  va_start (args, first);
  while (name != NULL)
    {
      g_autofree char *path = gloss_test_data_path ("export", name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (gloss_exporter_add_file (exporter, file, NULL, &error));
      g_assert_no_error (error);
      name = va_arg (args, const char *);
    }
  va_end (args);

  return exporter;
}

/* For benchmarks: orders doubles (qsort, g_array_sort) and takes the median
 * of @n values (sorting them in place). */
static inline int
gloss_test_compare_doubles (gconstpointer a,
                            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static inline double
gloss_test_median (double *values,
                   guint   n)
{
  qsort (values, n, sizeof (double), gloss_test_compare_doubles);
  return values[n / 2];
}
