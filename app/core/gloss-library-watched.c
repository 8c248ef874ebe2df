/* gloss-library-watched.c: what a search may trust of a running watcher
 *
 * The search's side of the protocol described in gloss-library-watch.c:
 * the lock files and the `watched` table.  Apart from the watcher, so that
 * a search links none of the updating it never does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "gloss-library-private.h"

char *
_gloss_library_watch_lock_path (const char *database,
                                const char *folder)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, folder, -1);

  return g_strdup_printf ("%s.watch-%.16s.lock", database, hash);
}

/* Whether another open file holds @folder's lock: a watcher is running. */
static gboolean
lock_is_held (const char *database,
              const char *folder)
{
  g_autofree char *path = _gloss_library_watch_lock_path (database, folder);
  gboolean held;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  /* Shared, and released at once by close(): a watcher starting meanwhile
   * tries its exclusive lock again (take_lock()). */
  held = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return held;
}

/* Whether a watcher runs for every folder of @self: a few system calls,
 * before anything else. */
gboolean
_gloss_library_watch_locked (GlossLibrary *self)
{
  for (guint f = 0; self->folders[f] != NULL; f++)
    if (!lock_is_held (self->database, self->folders[f]))
      return FALSE;
  return TRUE;
}

/* Whether the watchers of _gloss_library_watch_locked() vouch for every
 * folder of @self in @db (read in the caller's transaction, the one it
 * searches in), and still run. */
gboolean
_gloss_library_watch_trusted (GlossLibrary *self,
                              sqlite3      *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean trusted = TRUE;

  /* No table: no watcher ever ran on this index. */
  if (sqlite3_prepare_v2 (db, "SELECT dirty FROM watched WHERE root = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  for (guint f = 0; trusted && self->folders[f] != NULL; f++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, self->folders[f], -1, SQLITE_STATIC);
      trusted = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0 &&
                lock_is_held (self->database, self->folders[f]);
    }
  sqlite3_finalize (stmt);
  return trusted;
}
