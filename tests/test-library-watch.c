/* test-library-watch.c: the watcher that keeps the library index fresh, and
 * the searches that trust it
 *
 * The watcher runs in this process and acts only when the test iterates the
 * main context: a file written meanwhile is a change it has not seen yet, so
 * a search that still does not find it proves that the search looked at no
 * file.  No test depends on how fast anything is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "gloss-library.h"
#include "gloss-library-watch.h"
#include "gloss-test-util.h"

typedef struct
{
  char         *dir;
  char         *database;
  GlossLibrary *library;
} Fixture;

static void
write_in (Fixture    *fixture,
          const char *name,
          const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, "corpus", name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  gloss_test_write (path, contents, -1);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *folders[2] = { NULL, NULL };
  g_autofree char *corpus = NULL;

  fixture->dir = gloss_test_make_tmpdir ();
  fixture->database = g_build_filename (fixture->dir, "cache", "library.sqlite", NULL);
  write_in (fixture, "zh.txt", "😀党员大会在北京召开。\n李强说：“要坚持改革。”\n");
  write_in (fixture, "en.txt", "Budget talks\r\n\r\nThe minister said \"we will cut taxes\".\r\n");
  write_in (fixture, "sub/deep.txt", "深处的文章：乡村振兴。\n");
  corpus = g_build_filename (fixture->dir, "corpus", NULL);
  folders[0] = corpus;
  fixture->library = gloss_library_new (folders);
  gloss_library_set_database (fixture->library, fixture->database);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gloss_test_assert_finalized (fixture->library);
  gloss_test_rm_rf (fixture->dir);
  g_free (fixture->database);
  g_free (fixture->dir);
}

/* gloss_library_update_and_search(), as `gloss-cli search` does it. */
static guint
count_hits (Fixture    *fixture,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = gloss_library_update_and_search (fixture->library, query, NULL, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits->len;
}

/* Iterates until the watcher has made an update after @updates and is
 * clean; fails after 10 s (a watcher that never sees the change). */
static void
settle (GlossLibraryWatch *watch,
        guint              updates)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!(gloss_library_watch_get_updates (watch) > updates && gloss_library_watch_get_clean (watch)))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the watcher did not settle in 10 s after update %u (now %u, %s)", updates,
                 gloss_library_watch_get_updates (watch),
                 gloss_library_watch_get_clean (watch) ? "clean" : "dirty");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GlossLibraryWatch *
start (Fixture *fixture)
{
  g_autoptr(GlossLibraryWatch) watch = gloss_library_watch_new (fixture->library);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_library_watch_start (watch, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_library_watch_get_clean (watch));
  g_assert_cmpuint (gloss_library_watch_get_updates (watch), ==, 1);
  return g_steal_pointer (&watch);
}

static void
sql (Fixture    *fixture,
     const char *statement)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->database, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_exec (db, statement, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A clean watcher: the search does not look at the files (a new one is not
 * found until the watcher has seen it), then finds what the watcher read. */
static void
test_trusted (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GlossLibraryWatch) watch = start (fixture);
  g_autofree char *new_path = NULL;
  guint updates;

  g_assert_cmpuint (count_hits (fixture, "党员"), ==, 1);
  g_assert_cmpuint (count_hits (fixture, "乡村振兴"), ==, 1);

  /* Unseen by the watcher as long as this thread does not let it run. */
  write_in (fixture, "new.txt", "独角兽标记出现在新文章里。\n");
  g_assert_cmpuint (count_hits (fixture, "独角兽标记"), ==, 0);
  g_assert_cmpuint (count_hits (fixture, "独角"), ==, 0);

  updates = gloss_library_watch_get_updates (watch);
  settle (watch, updates);
  g_assert_cmpuint (count_hits (fixture, "独角兽标记"), ==, 1);
  g_assert_cmpuint (count_hits (fixture, "独角"), ==, 1);

  /* An edit, and a file removed, in a folder below. */
  write_in (fixture, "sub/deep.txt", "深处的文章：城市更新。\n");
  updates = gloss_library_watch_get_updates (watch);
  settle (watch, updates);
  g_assert_cmpuint (count_hits (fixture, "乡村振兴"), ==, 0);
  g_assert_cmpuint (count_hits (fixture, "城市更新"), ==, 1);

  new_path = g_build_filename (fixture->dir, "corpus", "new.txt", NULL);
  g_assert_cmpint (g_unlink (new_path), ==, 0);
  updates = gloss_library_watch_get_updates (watch);
  settle (watch, updates);
  g_assert_cmpuint (count_hits (fixture, "独角兽标记"), ==, 0);

  gloss_library_watch_stop (watch);
}

/* A folder made while the watcher runs is watched too, and a file moved in. */
static void
test_new_folder (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GlossLibraryWatch) watch = start (fixture);
  g_autofree char *outside = g_build_filename (fixture->dir, "outside.txt", NULL);
  g_autofree char *inside = g_build_filename (fixture->dir, "corpus", "later", "moved.txt", NULL);
  guint updates;

  updates = gloss_library_watch_get_updates (watch);
  write_in (fixture, "later/first.txt", "后来的文件夹。\n");
  settle (watch, updates);
  g_assert_cmpuint (count_hits (fixture, "后来的文件夹"), ==, 1);

  /* Only a watch on the new folder sees this. */
  updates = gloss_library_watch_get_updates (watch);
  gloss_test_write (outside, "搬进来的文章。\n", -1);
  g_assert_cmpint (g_rename (outside, inside), ==, 0);
  settle (watch, updates);
  g_assert_cmpuint (count_hits (fixture, "搬进来的文章"), ==, 1);
  gloss_library_watch_stop (watch);
}

/* An hour ago, in @path's mtime: a stamp the index trusts. */
static void
set_old_mtime (const char *path)
{
  struct timespec times[2] = { { 0, UTIME_OMIT }, { 0, 0 } };

  times[1].tv_sec = g_get_real_time () / G_USEC_PER_SEC - 3600;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* A file rewritten at the same size with its mtime put back (as `cp -p`,
 * `touch -r` or rsync may leave it): its stamp says nothing changed, the
 * events say it did, and the watcher reads it again. */
static void
test_same_stamp (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "corpus", "sub", "stamp.txt", NULL);
  g_autoptr(GlossLibraryWatch) watch = NULL;
  GStatBuf before, after;
  guint updates;

  gloss_test_write (path, "旧的内容在这里。\n", -1);
  set_old_mtime (path);
  watch = start (fixture);
  g_assert_cmpuint (count_hits (fixture, "旧的内容"), ==, 1);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  updates = gloss_library_watch_get_updates (watch);
  /* 新 has the bytes of 旧: the same size. */
  gloss_test_write (path, "新的内容在这里。\n", -1);
  {
    struct timespec times[2] = { before.st_atim, before.st_mtim };

    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  }
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  settle (watch, updates);
  g_assert_cmpuint (count_hits (fixture, "新的内容"), ==, 1);
  g_assert_cmpuint (count_hits (fixture, "旧的内容"), ==, 0);
  gloss_library_watch_stop (watch);
}

/* The index marked dirty (as the watcher does first on any event): the
 * search checks the files itself. */
static void
test_dirty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GlossLibraryWatch) watch = start (fixture);

  sql (fixture, "UPDATE watched SET dirty = 1");
  write_in (fixture, "new.txt", "独角兽标记出现在新文章里。\n");
  g_assert_cmpuint (count_hits (fixture, "独角兽标记"), ==, 1);
  gloss_library_watch_stop (watch);
}

/* A row left clean by a watcher that is gone (its lock released, as a
 * killed process's is): not trusted. */
static void
test_no_lock (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GlossLibraryWatch) watch = start (fixture);
  char *insert;

  gloss_library_watch_stop (watch);
  insert = sqlite3_mprintf ("INSERT INTO watched VALUES ('%q', 0, 7)",
                            gloss_library_get_folders (fixture->library)[0]);
  sql (fixture, insert);
  sqlite3_free (insert);
  write_in (fixture, "new.txt", "独角兽标记出现在新文章里。\n");
  g_assert_cmpuint (count_hits (fixture, "独角兽标记"), ==, 1);
}

/* A second watcher of the same folder does not start; the first is not
 * trusted until it has updated again after the second's mark. */
static void
test_second (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GlossLibraryWatch) watch = start (fixture);
  g_autoptr(GlossLibraryWatch) second = gloss_library_watch_new (fixture->library);
  g_autoptr(GError) error = NULL;
  guint updates;

  g_assert_false (gloss_library_watch_start (second, &error));
  g_assert_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "corpus"));

  write_in (fixture, "new.txt", "独角兽标记出现在新文章里。\n");
  g_assert_cmpuint (count_hits (fixture, "独角兽标记"), ==, 1);

  updates = gloss_library_watch_get_updates (watch);
  settle (watch, updates);
  write_in (fixture, "newer.txt", "又一个标记：麒麟。\n");
  g_assert_cmpuint (count_hits (fixture, "麒麟"), ==, 0);
  updates = gloss_library_watch_get_updates (watch);
  settle (watch, updates);
  g_assert_cmpuint (count_hits (fixture, "麒麟"), ==, 1);
  gloss_library_watch_stop (watch);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/library-watch/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("trusted", test_trusted);
  ADD ("new-folder", test_new_folder);
  ADD ("same-stamp", test_same_stamp);
  ADD ("dirty", test_dirty);
  ADD ("no-lock", test_no_lock);
  ADD ("second", test_second);
#undef ADD

  return g_test_run ();
}
