/* gloss-test-sqlite.h: damaging a library index, for the tests of its healing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <fcntl.h>
#include <glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

/* Overwrites the first 2 KiB of every page of @table in the library index
 * @database, as a failing disk would, after moving the write-ahead log into
 * the file. */
static inline void
gloss_test_damage_pages (const char *database,
                         const char *table)
{
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint8 junk[2048];
  gint64 page_size;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int fd;

  memset (junk, 0xde, sizeof junk);
  g_assert_cmpint (sqlite3_open (database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 page = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (pages, page);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (pages->len, >, 0);

  fd = open (database, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < pages->len; i++)
    g_assert_cmpint (pwrite (fd, junk, sizeof junk, (g_array_index (pages, gint64, i) - 1) * page_size), ==, sizeof junk);
  close (fd);
}
