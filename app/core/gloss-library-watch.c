/* gloss-library-watch.c: a resident watcher that keeps the library index fresh
 *
 * While it runs, a search need not stat every file of the library to know
 * that the index is current.  The protocol a search relies on
 * (_gloss_library_watch_trusted()):
 *
 * - the watcher holds an exclusive flock() on a lock file next to the index,
 *   one per library folder, for as long as it runs: a lock dies with its
 *   process, so a watcher that crashed is never trusted;
 * - it records each folder in the index's `watched` table with a `dirty`
 *   flag and a generation: on any event it first marks the folders dirty
 *   (a new generation), then updates the index, then marks them clean, only
 *   if no event came meanwhile and the generation is still its own.
 *
 * A search skips its walk only when all three hold for every folder: the
 * lock is held by another, the folder is listed, and it is clean.
 *
 * inotify directly rather than GFileMonitor: GFileMonitor holds changes back
 * (its rate limit, the pairing of moves) and says nothing when the kernel's
 * queue overflowed, and the protocol needs both the events as soon as the
 * kernel has them and a word when some were lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-library-private.h"
#include "gloss-library-watch.h"

#define WATCH_MASK (IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | \
                    IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)
/* Events come in bursts (an editor's save, a git checkout): one update for each. */
#define DEBOUNCE_MS 50
/* After a failed update (a folder gone, a busy index): try again. */
#define RETRY_MS 1000

struct _GlossLibraryWatch
{
  GObject       parent_instance;
  GlossLibrary *library;
  GArray       *locks;        /* (element-type int), one per folder */
  gint64       *generations;  /* one per folder, as last marked dirty */
  sqlite3      *db;
  int           inotify;
  guint         fd_source;
  guint         update_source;
  GHashTable   *dirs;         /* watch descriptor → folder path */
  GHashTable   *foreign;      /* watch descriptors of linked files' folders */
  GHashTable   *changed;      /* folders where an event was, to update */
  GHashTable   *suspects;     /* files named by an event, to read again */
  gboolean      full;         /* the next update is of the whole library */
  gboolean      rescan;       /* watches to be made afresh before the update */
  gboolean      unwatched;    /* a folder could not be watched */
  gboolean      warned;
  gboolean      marked_dirty; /* the table says dirty, by this watcher */
  gboolean      clean;
  gboolean      running;
  guint         updates;
  GError       *error;
};

G_DEFINE_FINAL_TYPE (GlossLibraryWatch, gloss_library_watch, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CLEAN,
  N_PROPS
};

enum
{
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
take_lock (const char  *database,
           const char  *folder,
           int         *out_fd,
           GError     **error)
{
  g_autofree char *path = _gloss_library_watch_lock_path (database, folder);
  int fd;

  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  /* A search holds a shared lock for a moment: wait that out, not a watcher. */
  for (guint tries = 0; flock (fd, LOCK_EX | LOCK_NB) != 0; tries++)
    {
      if (errno != EWOULDBLOCK || tries >= 50)
        {
          close (fd);
          g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER,
                       _("%s: another process is watching this folder already"), folder);
          return FALSE;
        }
      g_usleep (10 * 1000);
    }
  *out_fd = fd;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The watched table */

static gboolean
set_clean (GlossLibraryWatch *self,
           gboolean           clean)
{
  if (self->clean == clean)
    return FALSE;
  self->clean = clean;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEAN]);
  return TRUE;
}

/* Marks every folder dirty, a new generation each.  Also before the lock is
 * taken: a row left clean by a watcher that was killed must not be trusted
 * for the moment between our lock and our first mark. */
static gboolean
mark_dirty (GlossLibraryWatch  *self,
            GError            **error)
{
  GlossLibrary *library = self->library;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (self->marked_dirty)
    return TRUE;
  ok = _gloss_library_exec (self->db,
                            "CREATE TABLE IF NOT EXISTS watched (root TEXT PRIMARY KEY, dirty INTEGER NOT NULL,"
                            "  generation INTEGER NOT NULL);"
                            "BEGIN IMMEDIATE", library->database, error);
  if (!ok)
    return FALSE;
  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO watched (root, dirty, generation) VALUES (?1, 1, 1)"
                          "  ON CONFLICT (root) DO UPDATE SET dirty = 1, generation = generation + 1"
                          "  RETURNING generation", -1, &stmt, NULL) != SQLITE_OK)
    ok = FALSE;
  for (guint f = 0; ok && library->folders[f] != NULL; f++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, library->folders[f], -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_ROW;
      if (ok)
        self->generations[f] = sqlite3_column_int64 (stmt, 0);
      ok = ok && sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  if (!ok)
    {
      _gloss_library_set_db_error (error, self->db, library->database);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (!_gloss_library_exec (self->db, "COMMIT", library->database, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  self->marked_dirty = TRUE;
  set_clean (self, FALSE);
  return TRUE;
}

/* Marks every folder clean if its row is still of our generation; returns
 * FALSE (and marks nothing) when one is not: someone else wrote it. */
static gboolean
mark_clean (GlossLibraryWatch  *self,
            gboolean           *mine,
            GError            **error)
{
  GlossLibrary *library = self->library;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  *mine = TRUE;
  if (!_gloss_library_exec (self->db, "BEGIN IMMEDIATE", library->database, error))
    return FALSE;
  ok = sqlite3_prepare_v2 (self->db, "UPDATE watched SET dirty = 0 WHERE root = ?1 AND generation = ?2",
                           -1, &stmt, NULL) == SQLITE_OK;
  for (guint f = 0; ok && *mine && library->folders[f] != NULL; f++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, library->folders[f], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, self->generations[f]);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      *mine = sqlite3_changes (self->db) == 1;
    }
  sqlite3_finalize (stmt);
  if (!ok)
    _gloss_library_set_db_error (error, self->db, library->database);
  if (!ok || !*mine)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return ok;
    }
  if (!_gloss_library_exec (self->db, "COMMIT", library->database, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  self->marked_dirty = FALSE;
  set_clean (self, TRUE);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The watches */

/* What the walk of the folders skips (gloss-library-scan.c). */
static gboolean
skipped_name (const char *name)
{
  return name[0] == '.' || g_str_has_suffix (name, "~");
}

/* Watches @dir and every folder below it that the walk reads; and, for a
 * linked file, the folder of its target, whose changes would not show in
 * @dir.  Sets self->unwatched when one cannot be watched. */
static void
watch_tree (GlossLibraryWatch *self,
            const char        *dir)
{
  g_autoptr(GPtrArray) todo = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (todo, g_strdup (dir));
  while (todo->len > 0)
    {
      g_autofree char *path = g_ptr_array_steal_index_fast (todo, todo->len - 1);
      struct dirent *dirent;
      DIR *handle;
      int wd;

      wd = inotify_add_watch (self->inotify, path, WATCH_MASK | IN_ONLYDIR | IN_DONT_FOLLOW);
      if (wd < 0)
        {
          /* Gone meanwhile: the update will find it gone.  Anything else
           * (too many watches): never clean while it lasts. */
          if (errno != ENOENT && errno != ENOTDIR)
            {
              if (!self->warned)
                g_warning (_("%s: cannot watch this folder (%s): searches will look for changed files themselves"),
                           path, g_strerror (errno));
              self->warned = TRUE;
              self->unwatched = TRUE;
            }
          continue;
        }
      g_hash_table_insert (self->dirs, GINT_TO_POINTER (wd), g_strdup (path));

      handle = opendir (path);
      if (handle == NULL)
        continue;
      while ((dirent = readdir (handle)) != NULL)
        {
          struct stat st;

          if (skipped_name (dirent->d_name))
            continue;
          if (dirent->d_type == DT_DIR)
            {
              g_ptr_array_add (todo, g_strconcat (path, "/", dirent->d_name, NULL));
              continue;
            }
          if (dirent->d_type != DT_LNK && dirent->d_type != DT_UNKNOWN)
            continue;
          if (fstatat (dirfd (handle), dirent->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
          if (S_ISDIR (st.st_mode))
            g_ptr_array_add (todo, g_strconcat (path, "/", dirent->d_name, NULL));
          else if (S_ISLNK (st.st_mode) && fstatat (dirfd (handle), dirent->d_name, &st, 0) == 0 &&
                   S_ISREG (st.st_mode))
            {
              g_autofree char *link = g_strconcat (path, "/", dirent->d_name, NULL);
              g_autofree char *target = realpath (link, NULL);
              g_autofree char *parent = target != NULL ? g_path_get_dirname (target) : NULL;

              wd = parent != NULL ? inotify_add_watch (self->inotify, parent, WATCH_MASK | IN_ONLYDIR) : -1;
              if (wd < 0)
                self->unwatched = TRUE;
              else
                {
                  /* Its changes show in the link's folder only to a walk
                   * of the whole library (the link is stat'ed through). */
                  g_hash_table_add (self->foreign, GINT_TO_POINTER (wd));
                  if (!g_hash_table_contains (self->dirs, GINT_TO_POINTER (wd)))
                    g_hash_table_insert (self->dirs, GINT_TO_POINTER (wd), g_steal_pointer (&parent));
                }
            }
        }
      closedir (handle);
    }
}

static void
watch_all (GlossLibraryWatch *self)
{
  GHashTableIter iter;
  gpointer wd;

  g_hash_table_iter_init (&iter, self->dirs);
  while (g_hash_table_iter_next (&iter, &wd, NULL))
    inotify_rm_watch (self->inotify, GPOINTER_TO_INT (wd));
  g_hash_table_remove_all (self->dirs);
  g_hash_table_remove_all (self->foreign);
  self->unwatched = FALSE;
  for (guint f = 0; self->library->folders[f] != NULL; f++)
    watch_tree (self, self->library->folders[f]);
  self->rescan = FALSE;
}

/* ------------------------------------------------------------------ */
/* Events and updates */

static gboolean update_cb (gpointer user_data);

static void
fail (GlossLibraryWatch *self,
      GError            *error)
{
  g_autoptr(GlossLibraryWatch) keep = g_object_ref (self);

  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
  gloss_library_watch_stop (self);
  g_signal_emit (self, signals[FAILED], 0);
}

static void
schedule_update (GlossLibraryWatch *self,
                 guint              delay)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_timeout_add (delay, update_cb, self);
}

/* Reads what the kernel has queued.  Returns whether anything of the
 * library may have changed; the caller marks the index dirty at once. */
static gboolean
read_events (GlossLibraryWatch *self)
{
  char buffer[16384] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gboolean changed = FALSE;

  for (;;)
    {
      ssize_t n = read (self->inotify, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        break;
      if (n <= 0)
        {
          /* Cannot happen with a big enough buffer; if it does, trust nothing. */
          self->rescan = TRUE;
          changed = TRUE;
          break;
        }
      for (char *p = buffer; p < buffer + n; )
        {
          const struct inotify_event *event = (const struct inotify_event *) p;
          const char *dir;

          p += sizeof (struct inotify_event) + event->len;
          if (event->mask & IN_Q_OVERFLOW)
            {
              self->rescan = TRUE;
              changed = TRUE;
              continue;
            }
          if (event->mask & IN_IGNORED)
            {
              g_hash_table_remove (self->dirs, GINT_TO_POINTER (event->wd));
              g_hash_table_remove (self->foreign, GINT_TO_POINTER (event->wd));
              continue;
            }
          if (event->len > 0 && skipped_name (event->name))
            continue;
          changed = TRUE;
          dir = g_hash_table_lookup (self->dirs, GINT_TO_POINTER (event->wd));
          if (dir == NULL || g_hash_table_contains (self->foreign, GINT_TO_POINTER (event->wd)))
            self->full = TRUE;
          else
            {
              g_hash_table_add (self->changed, g_strdup (dir));
              if (event->len > 0)
                g_hash_table_add (self->suspects, g_build_filename (dir, event->name, NULL));
            }
          /* A folder come, gone or moved, a link made: the watches follow
           * paths, made afresh before the update walks the folders. */
          if ((event->mask & (IN_ISDIR | IN_DELETE_SELF | IN_MOVE_SELF)) != 0)
            self->rescan = TRUE;
          else if (event->len > 0 && (event->mask & (IN_CREATE | IN_MOVED_TO)) != 0)
            {
              g_autofree char *path = dir != NULL ? g_build_filename (dir, event->name, NULL) : NULL;
              struct stat st;

              if (path == NULL || (lstat (path, &st) == 0 && S_ISLNK (st.st_mode)))
                self->rescan = TRUE;
            }
        }
    }
  return changed;
}

static gboolean
events_cb (int          fd,
           GIOCondition condition,
           gpointer     user_data)
{
  GlossLibraryWatch *self = user_data;
  GError *error = NULL;

  if (!read_events (self))
    return G_SOURCE_CONTINUE;
  /* First of all: from now on no search trusts the index. */
  if (!mark_dirty (self, &error))
    {
      fail (self, error);
      return G_SOURCE_REMOVE;
    }
  schedule_update (self, DEBOUNCE_MS);
  return G_SOURCE_CONTINUE;
}

static gboolean
update_cb (gpointer user_data)
{
  GlossLibraryWatch *self = user_data;
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GHashTable) changed = NULL;
  g_autoptr(GHashTable) suspects = NULL;
  g_autoptr(GError) local = NULL;
  GError *error = NULL;
  gboolean mine;

  self->update_source = 0;
  /* A folder that could not be watched is tried again each time. */
  if (self->rescan || self->unwatched)
    {
      watch_all (self);
      self->full = TRUE;
    }
  /* The events read from here on are for the next update. */
  changed = g_steal_pointer (&self->changed);
  suspects = g_steal_pointer (&self->suspects);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->suspects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Only the folders where something happened, reading again every file
   * an event named (whatever its size and mtime say); the whole library,
   * its stamps against the index, after anything the events cannot tell
   * exactly (20–30 ms for 10 000 articles). */
  if (!self->full)
    {
      g_autofree const char **dirs = (const char **) g_hash_table_get_keys_as_array (changed, NULL);

      g_debug ("updating %u folders, %u files named", g_hash_table_size (changed), g_hash_table_size (suspects));
      if (!_gloss_library_update_dirs (self->library, dirs, suspects, &local))
        {
          g_debug ("%s", local->message);
          g_clear_error (&local);
          self->full = TRUE;
        }
    }
  if (self->full)
    {
      g_debug ("updating the whole library");
      stats = gloss_library_update (self->library, NULL, NULL, NULL, &local);
      if (stats == NULL)
        {
          self->updates++;
          g_debug ("%s", local->message);
          schedule_update (self, RETRY_MS);
          return G_SOURCE_REMOVE;
        }
      self->full = FALSE;
    }
  self->updates++;
  /* What changed while we updated is queued already: look before saying
   * clean, and go round again. */
  if (read_events (self) || self->rescan)
    {
      schedule_update (self, DEBOUNCE_MS);
      return G_SOURCE_REMOVE;
    }
  /* Never clean while a folder is not watched: searches check the files. */
  if (self->unwatched)
    {
      schedule_update (self, RETRY_MS);
      return G_SOURCE_REMOVE;
    }
  if (!mark_clean (self, &mine, &error))
    {
      fail (self, error);
      return G_SOURCE_REMOVE;
    }
  if (!mine)
    {
      /* Another watcher, failing to start, marked the folders dirty. */
      self->marked_dirty = FALSE;
      if (!mark_dirty (self, &error))
        fail (self, error);
      else
        schedule_update (self, DEBOUNCE_MS);
    }
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------ */
/* The object */

static void
gloss_library_watch_dispose (GObject *object)
{
  GlossLibraryWatch *self = GLOSS_LIBRARY_WATCH (object);

  gloss_library_watch_stop (self);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (gloss_library_watch_parent_class)->dispose (object);
}

static void
gloss_library_watch_finalize (GObject *object)
{
  GlossLibraryWatch *self = GLOSS_LIBRARY_WATCH (object);

  g_array_unref (self->locks);
  g_hash_table_unref (self->dirs);
  g_hash_table_unref (self->foreign);
  g_hash_table_unref (self->changed);
  g_hash_table_unref (self->suspects);
  g_free (self->generations);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (gloss_library_watch_parent_class)->finalize (object);
}

static void
gloss_library_watch_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossLibraryWatch *self = GLOSS_LIBRARY_WATCH (object);

  switch (prop_id)
    {
    case PROP_CLEAN:
      g_value_set_boolean (value, self->clean);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_library_watch_class_init (GlossLibraryWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_library_watch_dispose;
  object_class->finalize = gloss_library_watch_finalize;
  object_class->get_property = gloss_library_watch_get_property;

  /* Whether the index holds the folders as they are, as far as the events
   * received tell. */
  properties[PROP_CLEAN] =
    g_param_spec_boolean ("clean", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The watcher stopped: gloss_library_watch_get_error() says why. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gloss_library_watch_init (GlossLibraryWatch *self)
{
  self->locks = g_array_new (FALSE, FALSE, sizeof (int));
  self->dirs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->foreign = g_hash_table_new (NULL, NULL);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->suspects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->inotify = -1;
}

/**
 * gloss_library_watch_new:
 * @library: the library whose folders to watch
 *
 * Returns: (transfer full): a watcher, not yet started
 */
GlossLibraryWatch *
gloss_library_watch_new (GlossLibrary *library)
{
  GlossLibraryWatch *self;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), NULL);

  self = g_object_new (GLOSS_TYPE_LIBRARY_WATCH, NULL);
  self->library = g_object_ref (library);
  self->generations = g_new0 (gint64, g_strv_length (library->folders));
  return self;
}

/**
 * gloss_library_watch_start:
 * @self: a watcher
 * @error: return location for an error
 *
 * Takes the folders' locks, watches every folder and brings the index up to
 * date (blocking); from then on, in the default main context, keeps it up
 * to date until gloss_library_watch_stop().
 *
 * Returns: whether it runs
 */
gboolean
gloss_library_watch_start (GlossLibraryWatch  *self,
                           GError            **error)
{
  GlossLibrary *library;

  g_return_val_if_fail (GLOSS_IS_LIBRARY_WATCH (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  library = self->library;
  self->db = _gloss_library_db_open (library->database, error);
  if (self->db == NULL || !mark_dirty (self, error))
    {
      gloss_library_watch_stop (self);
      return FALSE;
    }
  for (guint f = 0; library->folders[f] != NULL; f++)
    {
      int fd;

      if (!take_lock (library->database, library->folders[f], &fd, error))
        {
          gloss_library_watch_stop (self);
          return FALSE;
        }
      g_array_append_val (self->locks, fd);
    }
  /* Dirty again, under our lock: a search in between saw our mark anyway. */
  self->marked_dirty = FALSE;
  if (!mark_dirty (self, error))
    {
      gloss_library_watch_stop (self);
      return FALSE;
    }

  self->inotify = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  if (self->inotify < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "inotify: %s", g_strerror (saved));
      gloss_library_watch_stop (self);
      return FALSE;
    }
  self->running = TRUE;
  /* Watches before the first walk: a change meanwhile is an event. */
  watch_all (self);
  self->full = TRUE;
  self->fd_source = g_unix_fd_add (self->inotify, G_IO_IN, events_cb, self);
  g_clear_handle_id (&self->update_source, g_source_remove);
  update_cb (self);
  if (!self->running)
    {
      if (error != NULL && self->error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }
  return TRUE;
}

/**
 * gloss_library_watch_stop:
 *
 * Forgets the folders in the index's table and releases their locks: the
 * next search checks the files itself.
 */
void
gloss_library_watch_stop (GlossLibraryWatch *self)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_WATCH (self));

  g_clear_handle_id (&self->fd_source, g_source_remove);
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->inotify >= 0)
    close (self->inotify);
  self->inotify = -1;
  g_hash_table_remove_all (self->dirs);
  g_hash_table_remove_all (self->foreign);
  g_hash_table_remove_all (self->changed);
  g_hash_table_remove_all (self->suspects);
  /* The rows go first, while the locks still keep other watchers out. */
  if (self->db != NULL && self->locks->len > 0)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (self->db, "DELETE FROM watched WHERE root = ?1", -1, &stmt, NULL) == SQLITE_OK)
        for (guint f = 0; self->library->folders[f] != NULL; f++)
          {
            sqlite3_reset (stmt);
            sqlite3_bind_text (stmt, 1, self->library->folders[f], -1, SQLITE_STATIC);
            sqlite3_step (stmt);
          }
      sqlite3_finalize (stmt);
    }
  for (guint i = 0; i < self->locks->len; i++)
    close (g_array_index (self->locks, int, i));
  g_array_set_size (self->locks, 0);
  g_clear_pointer (&self->db, sqlite3_close);
  self->running = FALSE;
  self->marked_dirty = FALSE;
  set_clean (self, FALSE);
}

gboolean
gloss_library_watch_get_clean (GlossLibraryWatch *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_WATCH (self), FALSE);
  return self->clean;
}

/* The updates made so far, the first one included. */
guint
gloss_library_watch_get_updates (GlossLibraryWatch *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_WATCH (self), 0);
  return self->updates;
}

const GError *
gloss_library_watch_get_error (GlossLibraryWatch *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_WATCH (self), NULL);
  return self->error;
}
