/* gloss-library.c: every article of a project folder, indexed for search
 *
 * The files are the truth; the index is derived from them and lives in the
 * user's cache ($XDG_CACHE_HOME/gloss/library.sqlite).  It is rebuilt
 * whenever it is missing, of another schema version or corrupt, and it never
 * writes a file of the user's.
 *
 * An article and the sidecars beside it are one *group*: a group is read
 * again when the size or mtime of one of its files changed or a sidecar came
 * or went, and written again only when the SHA-256 of a file changed.  Files
 * are parsed outside any transaction; the write lock is taken per batch, so
 * two processes can index the same folders at once (WAL, busy timeout).
 *
 * Search runs on a folded copy of every text (gloss-fold.c): FTS5 with the
 * trigram tokenizer finds the candidates for queries of three code points or
 * more, shorter ones scan the stored folded texts; every occurrence is then
 * located in C, so that offsets are code points of the canonical text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-fold.h"
#include "gloss-library.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"

#define USER_VERSION (GLOSS_LIBRARY_SCHEMA_VERSION * 1000 + GLOSS_FOLD_VERSION)
#define BATCH_SIZE 200
#define SNIPPET_CONTEXT 24

G_DEFINE_QUARK (gloss-library-error-quark, gloss_library_error)

struct _GlossLibrary
{
  GObject   parent_instance;
  GStrv     folders;     /* absolute, no trailing slash */
  char     *database;
};

G_DEFINE_FINAL_TYPE (GlossLibrary, gloss_library, G_TYPE_OBJECT)

static const char *schema_sql =
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
  "  size INTEGER, mtime INTEGER, file_sha256 TEXT,"
  "  title TEXT, source TEXT, url TEXT, date TEXT,"
  "  length INTEGER, sha256 TEXT, error TEXT);"
  /* Apart, so that the walk over the articles' stamps reads small rows. */
  "CREATE TABLE texts (id INTEGER PRIMARY KEY, text TEXT);"
  "CREATE TABLE sidecars ("
  "  id INTEGER PRIMARY KEY, article_id INTEGER, path TEXT NOT NULL UNIQUE,"
  "  size INTEGER, mtime INTEGER, file_sha256 TEXT,"
  "  annotator TEXT, name TEXT, done INTEGER, error TEXT);"
  "CREATE INDEX sidecars_article ON sidecars (article_id);"
  "CREATE TABLE annotations ("
  "  id INTEGER PRIMARY KEY, article_id INTEGER, sidecar_id INTEGER,"
  "  uuid TEXT, annotator TEXT, tag TEXT, start INTEGER, end INTEGER,"
  "  text TEXT, note TEXT, attributes TEXT);"
  "CREATE INDEX annotations_article ON annotations (article_id);"
  "CREATE VIRTUAL TABLE text_fts USING fts5 (folded, tokenize = 'trigram');"
  "CREATE VIRTUAL TABLE annotation_fts USING fts5 (folded, tokenize = 'trigram');";

/* ------------------------------------------------------------------ */
/* Small things */

void
gloss_library_broken_free (GlossLibraryBroken *broken)
{
  if (broken == NULL)
    return;
  g_free (broken->path);
  g_free (broken->error);
  g_free (broken);
}

static GlossLibraryBroken *
broken_new (const char *path,
            const char *error)
{
  GlossLibraryBroken *broken = g_new0 (GlossLibraryBroken, 1);

  broken->path = g_strdup (path);
  broken->error = g_strdup (error);
  return broken;
}

void
gloss_library_stats_free (GlossLibraryStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->broken, g_ptr_array_unref);
  g_free (stats);
}

static void
count_free (GlossLibraryCount *count)
{
  g_free (count->annotator);
  g_free (count->tag);
  g_free (count);
}

void
gloss_library_article_free (GlossLibraryArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->path);
  g_free (article->title);
  g_free (article->source);
  g_free (article->date);
  g_free (article->sha256);
  g_strfreev (article->annotators);
  g_strfreev (article->done_by);
  g_clear_pointer (&article->counts, g_ptr_array_unref);
  g_free (article->error);
  g_free (article);
}

void
gloss_library_hit_free (GlossLibraryHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->article);
  g_free (hit->before);
  g_free (hit->match);
  g_free (hit->after);
  g_free (hit->annotation);
  g_free (hit->annotator);
  g_free (hit->tag);
  g_free (hit->field);
  g_free (hit->group);
  g_free (hit);
}

char *
gloss_library_hit_dup_snippet (GlossLibraryHit *hit)
{
  return g_strconcat (hit->before, "**", hit->match, "**", hit->after, NULL);
}

const char *
gloss_library_state_to_string (GlossLibraryState state)
{
  switch (state)
    {
    case GLOSS_LIBRARY_DONE:
      return "done";
    case GLOSS_LIBRARY_IN_PROGRESS:
      return "in-progress";
    case GLOSS_LIBRARY_NOT_STARTED:
    default:
      return "not-started";
    }
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
is_corrupt (int code)
{
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

static void
set_db_error (GError     **error,
              sqlite3     *db,
              const char  *path)
{
  g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_DATABASE,
               _("%s: the library index could not be used: %s"), path, sqlite3_errmsg (db));
}

/* [folder/, folder0): every path under folder, in the index's order. */
static char *
range_end (const char *folder)
{
  return g_strconcat (folder, "0", NULL);
}

static char *
range_start (const char *folder)
{
  return g_strconcat (folder, "/", NULL);
}

/* A statement over @sql whose parameters 1 and 2 are @folder's range of paths. */
static sqlite3_stmt *
prepare_in_folder (GlossLibrary  *self,
                   sqlite3       *db,
                   const char    *sql,
                   const char    *folder,
                   GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, self->database);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, range_start (folder), -1, g_free);
  sqlite3_bind_text (stmt, 2, range_end (folder), -1, g_free);
  return stmt;
}

/* ------------------------------------------------------------------ */
/* The database */

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      const char  *path,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
drop_everything (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  /* Virtual tables first: dropping them drops their shadow tables. */
  const char *queries[] = {
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'",
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL) != SQLITE_OK)
        {
          set_db_error (error, db, path);
          return FALSE;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup (column_text (stmt, 0)));
      sqlite3_finalize (stmt);

      for (guint i = 0; i < names->len; i++)
        {
          char *sql = sqlite3_mprintf ("DROP TABLE IF EXISTS \"%w\"", (char *) g_ptr_array_index (names, i));
          gboolean ok = exec (db, sql, path, error);

          sqlite3_free (sql);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Creates the tables, or recreates them when they are of another version. */
static gboolean
ensure_schema (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  int version;
  g_autofree char *set_version = NULL;

  if (user_version (db) == USER_VERSION)
    return TRUE;

  if (!exec (db, "BEGIN IMMEDIATE", path, error))
    return FALSE;
  /* Another process may have done it while we waited for the lock. */
  version = user_version (db);
  if (version == USER_VERSION)
    return exec (db, "COMMIT", path, error);

  set_version = g_strdup_printf ("PRAGMA user_version = %d", USER_VERSION);
  /* Version 0 is a new file, or one whose tables nobody can vouch for. */
  if (!drop_everything (db, path, error) ||
      !exec (db, schema_sql, path, error) ||
      !exec (db, set_version, path, error) ||
      !exec (db, "COMMIT", path, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
remove_database_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static sqlite3 *
db_open_once (const char  *path,
              int         *code,
              GError     **error)
{
  sqlite3 *db = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  *code = SQLITE_OK;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_DATABASE,
                   _("%s: the folder of the library index could not be made: %s"),
                   dir, g_strerror (saved));
      return NULL;
    }

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      *code = sqlite3_extended_errcode (db);
      set_db_error (error, db, path);
      sqlite3_close (db);
      return NULL;
    }
  /* Two processes (the app and gloss-cli, or two gloss-cli) may index at once. */
  sqlite3_busy_timeout (db, 60000);
  sqlite3_extended_result_codes (db, 1);

  if (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 0;",
                    NULL, NULL, NULL) != SQLITE_OK ||
      !ensure_schema (db, path, NULL) ||
      /* A damaged page shows here rather than halfway through an update. */
      sqlite3_exec (db, "SELECT count(*) FROM articles", NULL, NULL, NULL) != SQLITE_OK)
    {
      *code = sqlite3_extended_errcode (db);
      set_db_error (error, db, path);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* Opens the index, starting afresh when the file is not a usable database. */
static sqlite3 *
db_open (const char  *path,
         GError     **error)
{
  g_autoptr(GError) local = NULL;
  sqlite3 *db;
  int code;

  db = db_open_once (path, &code, &local);
  /* Switching a new file to WAL, or its recovery by another process, can
   * answer "busy" without consulting the busy handler: wait and try again,
   * as long as the busy timeout would have. */
  for (guint tries = 0; db == NULL && (code & 0xff) == SQLITE_BUSY && tries < 1200; tries++)
    {
      g_clear_error (&local);
      g_usleep (50 * 1000);
      db = db_open_once (path, &code, &local);
    }
  if (db != NULL)
    return db;
  if (!is_corrupt (code))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  g_debug ("%s: rebuilding the library index: %s", path, local->message);
  remove_database_files (path);
  g_clear_error (&local);
  return db_open_once (path, &code, error);
}

/* ------------------------------------------------------------------ */
/* The object */

static void
gloss_library_finalize (GObject *object)
{
  GlossLibrary *self = GLOSS_LIBRARY (object);

  g_strfreev (self->folders);
  g_free (self->database);
  G_OBJECT_CLASS (gloss_library_parent_class)->finalize (object);
}

static void
gloss_library_class_init (GlossLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_library_finalize;
}

static void
gloss_library_init (GlossLibrary *self)
{
  self->database = gloss_library_default_database ();
}

/**
 * gloss_library_default_database:
 *
 * Returns: (transfer full): `$XDG_CACHE_HOME/gloss/library.sqlite`
 */
char *
gloss_library_default_database (void)
{
  return g_build_filename (g_get_user_cache_dir (), "gloss", "library.sqlite", NULL);
}

/**
 * gloss_library_new:
 * @folders: the library folders (relative names are taken from the current
 *   directory)
 *
 * Returns: (transfer full): a library over @folders; nothing is read yet
 */
GlossLibrary *
gloss_library_new (const char * const *folders)
{
  GlossLibrary *self = g_object_new (GLOSS_TYPE_LIBRARY, NULL);
  GPtrArray *absolute = g_ptr_array_new ();

  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (folders[i]);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (absolute, path);
    }
  g_ptr_array_add (absolute, NULL);
  self->folders = (GStrv) g_ptr_array_free (absolute, FALSE);
  return self;
}

const char * const *
gloss_library_get_folders (GlossLibrary *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  return (const char * const *) self->folders;
}

const char *
gloss_library_get_database (GlossLibrary *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  return self->database;
}

/* For tests and for a library that wants its own index file. */
void
gloss_library_set_database (GlossLibrary *self,
                            const char   *path)
{
  g_return_if_fail (GLOSS_IS_LIBRARY (self));
  g_free (self->database);
  self->database = path != NULL ? g_strdup (path) : gloss_library_default_database ();
}

/* ------------------------------------------------------------------ */
/* Walking the folders */

typedef struct
{
  char   *path;
  gint64  size;
  gint64  mtime;
} Stamp;

typedef struct
{
  Stamp      article;   /* path NULL: sidecars whose article is missing */
  GPtrArray *sidecars;  /* (element-type Stamp) */
} Group;

static void
stamp_free (Stamp *stamp)
{
  g_free (stamp->path);
  g_free (stamp);
}

static void
group_free (Group *group)
{
  g_free (group->article.path);
  g_ptr_array_unref (group->sidecars);
  g_free (group);
}

static Group *
group_new (void)
{
  Group *group = g_new0 (Group, 1);

  group->sidecars = g_ptr_array_new_with_free_func ((GDestroyNotify) stamp_free);
  return group;
}

static gint64
stat_mtime (struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

static gboolean
has_suffix_ascii_nocase (const char *name,
                         gsize       length,
                         const char *suffix)
{
  gsize n = strlen (suffix);

  return length >= n && g_ascii_strcasecmp (name + length - n, suffix) == 0;
}

static gboolean
is_html (const char *name)
{
  gsize length = strlen (name);

  return has_suffix_ascii_nocase (name, length, ".html") || has_suffix_ascii_nocase (name, length, ".htm") ||
         has_suffix_ascii_nocase (name, length, ".xhtml");
}

static gboolean
has_article_extension (const char *name)
{
  gsize length = strlen (name);

  /* Without allocating: a search looks at every name of the library. */
  return has_suffix_ascii_nocase (name, length, ".txt") || has_suffix_ascii_nocase (name, length, ".text") ||
         has_suffix_ascii_nocase (name, length, ".md") || is_html (name);
}

typedef struct
{
  char     *name;
  gint64    size;
  gint64    mtime;
  gboolean  unstated;
  gboolean  article;   /* has an article's extension */
  gboolean  paired;    /* annotated by a sidecar of the folder */
  Group    *group;     /* once one was made for it */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

static void
entry_set_stat (Entry       *entry,
                struct stat *st)
{
  entry->size = st->st_size;
  entry->mtime = stat_mtime (st);
}

static Group *
entry_group (Entry      *entry,
             const char *dir,
             GPtrArray  *groups)
{
  if (entry->group == NULL)
    {
      entry->group = group_new ();
      entry->group->article.path = g_strconcat (dir, "/", entry->name, NULL);
      entry->group->article.size = entry->size;
      entry->group->article.mtime = entry->mtime;
      g_ptr_array_add (groups, entry->group);
    }
  return entry->group;
}

/* Adds the groups of @dir (and below) to @groups: an article with its
 * sidecars, or an orphaned sidecar alone. */
static gboolean
walk (const char  *dir,
      GPtrArray   *groups,
      GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sidecars = g_ptr_array_new ();
  g_autoptr(GHashTable) files = NULL;
  gboolean snapshot = FALSE;
  struct dirent *dirent;
  DIR *handle;
  int fd;

  /* Stats relative to the open folder: a search stats every file of the
   * library before it looks, and path lookups were most of that time. */
  handle = opendir (dir);
  if (handle == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  fd = dirfd (handle);

  while ((dirent = readdir (handle)) != NULL)
    {
      const char *name = dirent->d_name;
      gboolean article, sidecar;
      struct stat st;
      Entry *entry;

      /* .git, editors' backups and the like are nobody's articles. */
      if (name[0] == '.' || g_str_has_suffix (name, "~"))
        continue;
      if (dirent->d_type == DT_DIR)
        {
          g_ptr_array_add (subdirs, g_strconcat (dir, "/", name, NULL));
          continue;
        }
      article = has_article_extension (name);
      sidecar = g_str_has_suffix (name, GLOSS_SIDECAR_SUFFIX);
      if (g_str_has_suffix (name, ".provenance.json"))
        snapshot = TRUE;
      /* Other files are stat'ed only if a sidecar turns out to annotate them. */
      if (!article && !sidecar && dirent->d_type == DT_REG)
        {
          entry = g_new0 (Entry, 1);
          entry->name = g_strdup (name);
          entry->unstated = TRUE;
          g_ptr_array_add (entries, entry);
          continue;
        }
      if (fstatat (fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          g_ptr_array_add (subdirs, g_strconcat (dir, "/", name, NULL));
          continue;
        }
      /* Linked files count; linked folders could loop. */
      if (S_ISLNK (st.st_mode) && fstatat (fd, name, &st, 0) != 0)
        continue;
      if (!S_ISREG (st.st_mode))
        continue;
      entry = g_new0 (Entry, 1);
      entry->name = g_strdup (name);
      entry->article = article;
      entry_set_stat (entry, &st);
      g_ptr_array_add (entries, entry);
      if (sidecar)
        g_ptr_array_add (sidecars, entry);
    }

  /* Names are looked up only to pair sidecars with their articles. */
  if (sidecars->len > 0)
    {
      files = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (entries, i);

          g_hash_table_insert (files, entry->name, entry);
        }
    }

  /* `<article>.<annotator>.gloss.json`: the longest existing file name
   * that leaves a valid annotator id. */
  for (guint i = 0; i < sidecars->len; i++)
    {
      Entry *sidecar = g_ptr_array_index (sidecars, i);
      g_autofree char *stem = g_strndup (sidecar->name, strlen (sidecar->name) - strlen (GLOSS_SIDECAR_SUFFIX));
      Entry *article = NULL;
      Stamp *stamp;
      Group *group;

      for (char *dot = strrchr (stem, '.'); dot != NULL && article == NULL; )
        {
          *dot = '\0';
          if (gloss_annotator_id_is_valid (dot + 1))
            {
              article = g_hash_table_lookup (files, stem);
              if (article != NULL && g_str_has_suffix (article->name, GLOSS_SIDECAR_SUFFIX))
                article = NULL;
            }
          if (article == NULL)
            {
              char *previous = strrchr (stem, '.');

              *dot = '.';
              if (previous == NULL)
                break;
              dot = previous;
            }
        }

      stamp = g_new0 (Stamp, 1);
      stamp->path = g_strconcat (dir, "/", sidecar->name, NULL);
      stamp->size = sidecar->size;
      stamp->mtime = sidecar->mtime;

      if (article == NULL)
        {
          group = group_new ();
          g_ptr_array_add (group->sidecars, stamp);
          g_ptr_array_add (groups, group);
          continue;
        }

      if (article->unstated)
        {
          struct stat st;

          if (fstatat (fd, article->name, &st, 0) != 0)
            memset (&st, 0, sizeof st);
          entry_set_stat (article, &st);
          article->unstated = FALSE;
        }
      article->paired = TRUE;
      g_ptr_array_add (entry_group (article, dir, groups)->sidecars, stamp);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (entry->paired || !entry->article)
        continue;
      /* A fetched snapshot keeps the page as received beside its text:
       * the text is the article. */
      if (snapshot && is_html (entry->name))
        continue;
      entry_group (entry, dir, groups);
    }

  closedir (handle);
  for (guint i = 0; i < subdirs->len; i++)
    {
      g_autoptr(GError) ignored = NULL;

      /* An unreadable subfolder is skipped, not the whole library. */
      if (!walk (g_ptr_array_index (subdirs, i), groups, &ignored))
        g_debug ("%s", ignored->message);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* What the index holds already */

typedef struct
{
  gint64  id;
  gint64  size;
  gint64  mtime;
  char   *file_sha256;
  char   *article;   /* sidecars: the article's path, or NULL */
  gboolean seen;
} Stored;

static void
stored_free (Stored *stored)
{
  g_free (stored->file_sha256);
  g_free (stored->article);
  g_free (stored);
}

static gboolean
load_stored (sqlite3     *db,
             const char  *database,
             const char  *folder,
             GHashTable  *articles,
             GHashTable  *sidecars,
             GError     **error)
{
  const char *queries[] = {
    "SELECT path, id, size, mtime, file_sha256, NULL FROM articles WHERE path >= ?1 AND path < ?2",
    "SELECT s.path, s.id, s.size, s.mtime, s.file_sha256, a.path FROM sidecars s "
    "LEFT JOIN articles a ON a.id = s.article_id WHERE s.path >= ?1 AND s.path < ?2",
  };
  g_autofree char *start = range_start (folder);
  g_autofree char *end = range_end (folder);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL) != SQLITE_OK)
        {
          set_db_error (error, db, database);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Stored *stored = g_new0 (Stored, 1);

          stored->id = sqlite3_column_int64 (stmt, 1);
          stored->size = sqlite3_column_int64 (stmt, 2);
          stored->mtime = sqlite3_column_int64 (stmt, 3);
          stored->file_sha256 = g_strdup (column_text (stmt, 4));
          stored->article = g_strdup (column_text (stmt, 5));
          g_hash_table_insert (q == 0 ? articles : sidecars, g_strdup (column_text (stmt, 0)), stored);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          set_db_error (error, db, database);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
stamp_matches (Stored *stored,
               Stamp  *stamp)
{
  return stored != NULL && stored->size == stamp->size && stored->mtime == stamp->mtime;
}

/* Whether nothing in @group changed since it was indexed, by size and mtime. */
static gboolean
group_unchanged (Group      *group,
                 GHashTable *stored_articles,
                 GHashTable *stored_sidecars,
                 GHashTable *sidecars_per_article)
{
  Stored *article = g_hash_table_lookup (stored_articles, group->article.path);

  if (!stamp_matches (article, &group->article))
    return FALSE;
  if (GPOINTER_TO_UINT (g_hash_table_lookup (sidecars_per_article, group->article.path)) != group->sidecars->len)
    return FALSE;
  for (guint i = 0; i < group->sidecars->len; i++)
    {
      Stamp *stamp = g_ptr_array_index (group->sidecars, i);
      Stored *stored = g_hash_table_lookup (stored_sidecars, stamp->path);

      if (!stamp_matches (stored, stamp) || g_strcmp0 (stored->article, group->article.path) != 0)
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading a group */

typedef struct
{
  char  *uuid;
  char  *tag;
  guint  start;
  guint  end;
  char  *text;
  char  *note;
  char  *attributes;   /* JSON object: attribute id → value (links resolved to text) */
  char  *folded;
} AnnotationRecord;

typedef struct
{
  Stamp      stamp;
  char      *file_sha256;
  char      *annotator;
  char      *name;
  gboolean   done;
  char      *error;
  GPtrArray *annotations;   /* (element-type AnnotationRecord) */
} SidecarRecord;

typedef struct
{
  Stamp      stamp;        /* path NULL for orphaned sidecars */
  gboolean   touch_only;   /* same bytes: only the stamps are new */
  char      *file_sha256;
  char      *title;
  char      *source;
  char      *url;
  char      *date;
  guint      length;
  char      *sha256;
  char      *error;
  char      *text;
  char      *folded;
  GPtrArray *sidecars;     /* (element-type SidecarRecord) */
} ArticleRecord;

static void
annotation_record_free (AnnotationRecord *record)
{
  g_free (record->uuid);
  g_free (record->tag);
  g_free (record->text);
  g_free (record->note);
  g_free (record->attributes);
  g_free (record->folded);
  g_free (record);
}

static void
sidecar_record_free (SidecarRecord *record)
{
  g_free (record->stamp.path);
  g_free (record->file_sha256);
  g_free (record->annotator);
  g_free (record->name);
  g_free (record->error);
  g_clear_pointer (&record->annotations, g_ptr_array_unref);
  g_free (record);
}

static void
article_record_free (ArticleRecord *record)
{
  g_free (record->stamp.path);
  g_free (record->file_sha256);
  g_free (record->title);
  g_free (record->source);
  g_free (record->url);
  g_free (record->date);
  g_free (record->sha256);
  g_free (record->error);
  g_free (record->text);
  g_free (record->folded);
  g_ptr_array_unref (record->sidecars);
  g_free (record);
}

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

static const char *
info_string (JsonObject *info,
             const char *member)
{
  JsonNode *node = info != NULL ? json_object_get_member (info, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return nonempty (json_node_get_string (node));
}

static char *
first_line (const char *text)
{
  const char *p = text;

  while (*p == '\n' || *p == ' ')
    p++;
  {
    const char *end = strchr (p, '\n');
    gsize bytes = end != NULL ? (gsize) (end - p) : strlen (p);
    glong n = g_utf8_strlen (p, bytes);

    if (n > 100)
      return g_utf8_substring (p, 0, 100);
    return g_strndup (p, bytes);
  }
}

static char *
url_host (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri != NULL && g_uri_get_host (uri) != NULL ? g_strdup (g_uri_get_host (uri)) : NULL;
}

/* The loader decodes whatever it is given; an image renamed .txt is no article. */
static gboolean
looks_binary (const char *text)
{
  gsize n = 0, odd = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n++;
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || c == 0xFFFD)
        odd++;
    }
  return n > 0 && odd * 20 > n;
}

/* Core's messages often start with the file's path; the listing names it already. */
static char *
strip_path (const char *message,
            const char *path)
{
  gsize n = strlen (path);

  if (strncmp (message, path, n) == 0 && message[n] == ':' && message[n + 1] == ' ')
    return g_strdup (message + n + 2);
  return g_strdup (message);
}

static void
read_annotations (SidecarRecord *record,
                  GlossSidecar  *sidecar)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
  guint n = gloss_annotation_set_get_size (set);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);

      g_hash_table_insert (by_id, (gpointer) gloss_annotation_get_id (annotation), annotation);
    }

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);
      AnnotationRecord *a = g_new0 (AnnotationRecord, 1);
      JsonObject *attributes = gloss_annotation_get_attributes (annotation);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GString) searchable = g_string_new (NULL);

      a->uuid = g_strdup (gloss_annotation_get_id (annotation));
      a->tag = g_strdup (gloss_annotation_get_tag (annotation));
      a->start = gloss_annotation_get_start (annotation);
      a->end = gloss_annotation_get_end (annotation);
      a->text = g_strdup (gloss_annotation_get_text (annotation) ? gloss_annotation_get_text (annotation) : "");
      a->note = g_strdup (gloss_annotation_get_note (annotation) ? gloss_annotation_get_note (annotation) : "");
      g_string_append (searchable, a->text);
      g_string_append_c (searchable, '\n');
      g_string_append (searchable, a->note);

      json_builder_begin_object (builder);
      if (attributes != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (attributes);

          for (GList *m = members; m != NULL; m = m->next)
            {
              JsonNode *node = json_object_get_member (attributes, m->data);
              const char *value;
              GlossAnnotation *linked;

              if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
                continue;
              value = json_node_get_string (node);
              /* A link names another annotation: its text is the speaker's name. */
              linked = g_hash_table_lookup (by_id, value);
              if (linked != NULL && gloss_annotation_get_text (linked) != NULL)
                value = gloss_annotation_get_text (linked);
              json_builder_set_member_name (builder, m->data);
              json_builder_add_string_value (builder, value);
              g_string_append_c (searchable, '\n');
              g_string_append (searchable, value);
            }
        }
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      a->attributes = json_generator_to_data (generator, NULL);
      a->folded = gloss_fold (searchable->str, searchable->len);
      g_ptr_array_add (record->annotations, a);
    }
}

static SidecarRecord *
read_sidecar (Stamp         *stamp,
              GlossDocument *document)
{
  SidecarRecord *record = g_new0 (SidecarRecord, 1);
  g_autoptr(GFile) file = g_file_new_for_path (stamp->path);
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *status;

  record->stamp.path = g_strdup (stamp->path);
  record->stamp.size = stamp->size;
  record->stamp.mtime = stamp->mtime;
  record->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) annotation_record_free);
  record->file_sha256 = file_sha256 (stamp->path, NULL);

  if (document == NULL)
    {
      record->error = g_strdup (_("the article it annotates is not beside it"));
      return record;
    }

  sidecar = gloss_sidecar_load (file, NULL, &error);
  if (sidecar == NULL)
    {
      record->error = strip_path (error->message, stamp->path);
      return record;
    }
  /* Offsets are indexed against the article as it is now. */
  if (g_strcmp0 (gloss_sidecar_get_document_sha256 (sidecar), gloss_document_get_sha256 (document)) != 0)
    gloss_sidecar_attach_document (sidecar, document);

  record->annotator = g_strdup (gloss_sidecar_get_annotator_id (sidecar));
  record->name = g_strdup (gloss_sidecar_get_annotator_name (sidecar));
  status = gloss_sidecar_get_extension (sidecar, GLOSS_LIBRARY_STATUS_MEMBER);
  record->done = status != NULL && JSON_NODE_HOLDS_VALUE (status) &&
                 json_node_get_value_type (status) == G_TYPE_STRING &&
                 g_strcmp0 (json_node_get_string (status), "done") == 0;
  read_annotations (record, sidecar);
  return record;
}

/* Reads @group; NULL when its files are the very bytes indexed already
 * (then only the stamps are updated, in @touch). */
static ArticleRecord *
read_group (Group      *group,
            GHashTable *stored_articles,
            GHashTable *stored_sidecars)
{
  ArticleRecord *record = g_new0 (ArticleRecord, 1);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same = TRUE;

  record->sidecars = g_ptr_array_new_with_free_func ((GDestroyNotify) sidecar_record_free);
  record->stamp.path = g_strdup (group->article.path);
  record->stamp.size = group->article.size;
  record->stamp.mtime = group->article.mtime;

  if (group->article.path != NULL)
    {
      Stored *stored = g_hash_table_lookup (stored_articles, group->article.path);

      record->file_sha256 = file_sha256 (group->article.path, NULL);
      same = stored != NULL && g_strcmp0 (stored->file_sha256, record->file_sha256) == 0;
      for (guint i = 0; same && i < group->sidecars->len; i++)
        {
          Stamp *stamp = g_ptr_array_index (group->sidecars, i);
          Stored *s = g_hash_table_lookup (stored_sidecars, stamp->path);
          g_autofree char *sha = NULL;

          if (s == NULL || g_strcmp0 (s->article, group->article.path) != 0)
            {
              same = FALSE;
              break;
            }
          sha = file_sha256 (stamp->path, NULL);
          same = g_strcmp0 (s->file_sha256, sha) == 0;
        }
      if (same)
        {
          guint n_stored = 0;
          GHashTableIter iter;
          Stored *s;

          /* A sidecar may have gone. */
          g_hash_table_iter_init (&iter, stored_sidecars);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &s))
            if (g_strcmp0 (s->article, group->article.path) == 0)
              n_stored++;
          same = n_stored == group->sidecars->len;
        }
    }
  else
    same = FALSE;

  if (same)
    {
      for (guint i = 0; i < group->sidecars->len; i++)
        {
          Stamp *stamp = g_ptr_array_index (group->sidecars, i);
          SidecarRecord *s = g_new0 (SidecarRecord, 1);

          s->stamp.path = g_strdup (stamp->path);
          s->stamp.size = stamp->size;
          s->stamp.mtime = stamp->mtime;
          g_ptr_array_add (record->sidecars, s);
        }
      record->touch_only = TRUE;
      return record;
    }

  if (group->article.path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (group->article.path);

      document = gloss_document_load_file (file, NULL, NULL, &error);
      if (document != NULL && looks_binary (gloss_document_get_text (document)))
        {
          g_clear_object (&document);
          record->error = g_strdup (_("not a text or HTML file (binary data)"));
        }
      else if (document == NULL)
        record->error = strip_path (error->message, group->article.path);
      else
        {
          const char *text = gloss_document_get_text (document);

          record->text = g_strdup (text);
          record->folded = gloss_fold (text, gloss_document_get_byte_length (document));
          record->length = gloss_document_get_length (document);
          record->sha256 = g_strdup (gloss_document_get_sha256 (document));
          record->title = g_strdup (nonempty (gloss_document_get_title (document)));
          record->url = g_strdup (nonempty (gloss_document_get_url (document)));
          record->source = g_strdup (nonempty (gloss_document_get_site_name (document)));
          record->date = g_strdup (nonempty (gloss_document_get_published (document)));
          if (record->date == NULL)
            record->date = g_strdup (nonempty (gloss_document_get_retrieved (document)));
        }
    }

  for (guint i = 0; i < group->sidecars->len; i++)
    {
      SidecarRecord *s = read_sidecar (g_ptr_array_index (group->sidecars, i), document);

      g_ptr_array_add (record->sidecars, s);
    }

  if (document != NULL)
    {
      /* What the article lacks, its sidecars may know (a fetched page's title). */
      for (guint i = 0; i < group->sidecars->len; i++)
        {
          g_autoptr(GFile) file = NULL;
          SidecarRecord *s = g_ptr_array_index (record->sidecars, i);

          if (s->error != NULL || (record->title != NULL && record->url != NULL && record->date != NULL))
            continue;
          file = g_file_new_for_path (s->stamp.path);
          {
            g_autoptr(GlossSidecar) sidecar = gloss_sidecar_load (file, NULL, NULL);
            JsonObject *info = sidecar != NULL ? gloss_sidecar_get_document_info (sidecar) : NULL;

            if (record->title == NULL)
              record->title = g_strdup (info_string (info, "title"));
            if (record->url == NULL)
              record->url = g_strdup (info_string (info, "url"));
            if (record->date == NULL)
              record->date = g_strdup (info_string (info, "retrieved"));
          }
        }
      if (record->title == NULL)
        record->title = first_line (record->text);
      if (record->source == NULL)
        record->source = url_host (record->url);
    }
  return record;
}

/* ------------------------------------------------------------------ */
/* Writing */

typedef struct
{
  sqlite3      *db;
  const char   *path;
  sqlite3_stmt *find_article;
  sqlite3_stmt *delete_article;
  sqlite3_stmt *delete_text;
  sqlite3_stmt *delete_canonical;
  sqlite3_stmt *delete_article_annotations_fts;
  sqlite3_stmt *delete_article_annotations;
  sqlite3_stmt *delete_article_sidecars;
  sqlite3_stmt *delete_sidecar;
  sqlite3_stmt *insert_article;
  sqlite3_stmt *insert_text;
  sqlite3_stmt *insert_canonical;
  sqlite3_stmt *insert_sidecar;
  sqlite3_stmt *insert_annotation;
  sqlite3_stmt *insert_annotation_fts;
  sqlite3_stmt *touch_article;
  sqlite3_stmt *touch_sidecar;
} Writer;

#define WRITER_STATEMENTS(X) \
  X (find_article, "SELECT id FROM articles WHERE path = ?1") \
  X (delete_article, "DELETE FROM articles WHERE id = ?1") \
  X (delete_text, "DELETE FROM text_fts WHERE rowid = ?1") \
  X (delete_canonical, "DELETE FROM texts WHERE id = ?1") \
  X (delete_article_annotations_fts, "DELETE FROM annotation_fts WHERE rowid IN (SELECT id FROM annotations WHERE article_id = ?1)") \
  X (delete_article_annotations, "DELETE FROM annotations WHERE article_id = ?1") \
  X (delete_article_sidecars, "DELETE FROM sidecars WHERE article_id = ?1") \
  X (delete_sidecar, "DELETE FROM sidecars WHERE path = ?1") \
  X (insert_article, "INSERT INTO articles (path, size, mtime, file_sha256, title, source, url, date, length, sha256, error) " \
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)") \
  X (insert_text, "INSERT INTO text_fts (rowid, folded) VALUES (?1, ?2)") \
  X (insert_canonical, "INSERT INTO texts (id, text) VALUES (?1, ?2)") \
  X (insert_sidecar, "INSERT INTO sidecars (article_id, path, size, mtime, file_sha256, annotator, name, done, error) " \
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
  X (insert_annotation, "INSERT INTO annotations (article_id, sidecar_id, uuid, annotator, tag, start, end, text, note, attributes) " \
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") \
  X (insert_annotation_fts, "INSERT INTO annotation_fts (rowid, folded) VALUES (?1, ?2)") \
  X (touch_article, "UPDATE articles SET size = ?2, mtime = ?3 WHERE path = ?1") \
  X (touch_sidecar, "UPDATE sidecars SET size = ?2, mtime = ?3 WHERE path = ?1")

static void
writer_clear (Writer *w)
{
#define FINALIZE(name, sql) g_clear_pointer (&w->name, sqlite3_finalize);
  WRITER_STATEMENTS (FINALIZE)
#undef FINALIZE
}

static gboolean
writer_init (Writer      *w,
             sqlite3     *db,
             const char  *path,
             GError     **error)
{
  memset (w, 0, sizeof *w);
  w->db = db;
  w->path = path;
#define PREPARE(name, sql) \
  if (sqlite3_prepare_v2 (db, sql, -1, &w->name, NULL) != SQLITE_OK) \
    { \
      set_db_error (error, db, path); \
      writer_clear (w); \
      return FALSE; \
    }
  WRITER_STATEMENTS (PREPARE)
#undef PREPARE
  return TRUE;
}

/* Runs @stmt to its end and resets it. */
static gboolean
run (Writer       *w,
     sqlite3_stmt *stmt,
     GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_db_error (error, w->db, w->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_article_by_id (Writer  *w,
                      gint64   id,
                      GError **error)
{
  sqlite3_stmt *statements[] = {
    w->delete_article_annotations_fts, w->delete_article_annotations,
    w->delete_article_sidecars, w->delete_text, w->delete_canonical, w->delete_article,
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_bind_int64 (statements[i], 1, id);
      if (!run (w, statements[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
delete_article_by_path (Writer      *w,
                        const char  *path,
                        GError     **error)
{
  gint64 id = -1;
  int rc;

  sqlite3_bind_text (w->find_article, 1, path, -1, SQLITE_STATIC);
  rc = sqlite3_step (w->find_article);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (w->find_article, 0);
  sqlite3_reset (w->find_article);
  sqlite3_clear_bindings (w->find_article);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_db_error (error, w->db, w->path);
      return FALSE;
    }
  return id < 0 || delete_article_by_id (w, id, error);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
write_record (Writer         *w,
              ArticleRecord  *r,
              GError        **error)
{
  gint64 article_id = 0;

  if (r->touch_only)
    {
      sqlite3_bind_text (w->touch_article, 1, r->stamp.path, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (w->touch_article, 2, r->stamp.size);
      sqlite3_bind_int64 (w->touch_article, 3, r->stamp.mtime);
      if (!run (w, w->touch_article, error))
        return FALSE;
      for (guint i = 0; i < r->sidecars->len; i++)
        {
          SidecarRecord *s = g_ptr_array_index (r->sidecars, i);

          sqlite3_bind_text (w->touch_sidecar, 1, s->stamp.path, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (w->touch_sidecar, 2, s->stamp.size);
          sqlite3_bind_int64 (w->touch_sidecar, 3, s->stamp.mtime);
          if (!run (w, w->touch_sidecar, error))
            return FALSE;
        }
      return TRUE;
    }

  if (r->stamp.path != NULL)
    {
      if (!delete_article_by_path (w, r->stamp.path, error))
        return FALSE;

      sqlite3_bind_text (w->insert_article, 1, r->stamp.path, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (w->insert_article, 2, r->stamp.size);
      sqlite3_bind_int64 (w->insert_article, 3, r->stamp.mtime);
      bind_text_or_null (w->insert_article, 4, r->file_sha256);
      bind_text_or_null (w->insert_article, 5, r->title);
      bind_text_or_null (w->insert_article, 6, r->source);
      bind_text_or_null (w->insert_article, 7, r->url);
      bind_text_or_null (w->insert_article, 8, r->date);
      sqlite3_bind_int64 (w->insert_article, 9, r->length);
      bind_text_or_null (w->insert_article, 10, r->sha256);
      bind_text_or_null (w->insert_article, 11, r->error);
      if (!run (w, w->insert_article, error))
        return FALSE;
      article_id = sqlite3_last_insert_rowid (w->db);

      if (r->folded != NULL)
        {
          sqlite3_bind_int64 (w->insert_text, 1, article_id);
          sqlite3_bind_text (w->insert_text, 2, r->folded, -1, SQLITE_STATIC);
          if (!run (w, w->insert_text, error))
            return FALSE;
          sqlite3_bind_int64 (w->insert_canonical, 1, article_id);
          sqlite3_bind_text (w->insert_canonical, 2, r->text, -1, SQLITE_STATIC);
          if (!run (w, w->insert_canonical, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < r->sidecars->len; i++)
    {
      SidecarRecord *s = g_ptr_array_index (r->sidecars, i);
      gint64 sidecar_id;

      /* It may have been indexed before without its article. */
      sqlite3_bind_text (w->delete_sidecar, 1, s->stamp.path, -1, SQLITE_STATIC);
      if (!run (w, w->delete_sidecar, error))
        return FALSE;

      if (article_id > 0)
        sqlite3_bind_int64 (w->insert_sidecar, 1, article_id);
      else
        sqlite3_bind_null (w->insert_sidecar, 1);
      sqlite3_bind_text (w->insert_sidecar, 2, s->stamp.path, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (w->insert_sidecar, 3, s->stamp.size);
      sqlite3_bind_int64 (w->insert_sidecar, 4, s->stamp.mtime);
      bind_text_or_null (w->insert_sidecar, 5, s->file_sha256);
      bind_text_or_null (w->insert_sidecar, 6, s->annotator);
      bind_text_or_null (w->insert_sidecar, 7, s->name);
      sqlite3_bind_int (w->insert_sidecar, 8, s->done);
      bind_text_or_null (w->insert_sidecar, 9, s->error);
      if (!run (w, w->insert_sidecar, error))
        return FALSE;
      sidecar_id = sqlite3_last_insert_rowid (w->db);

      for (guint k = 0; k < s->annotations->len; k++)
        {
          AnnotationRecord *a = g_ptr_array_index (s->annotations, k);
          gint64 annotation_id;

          sqlite3_bind_int64 (w->insert_annotation, 1, article_id);
          sqlite3_bind_int64 (w->insert_annotation, 2, sidecar_id);
          bind_text_or_null (w->insert_annotation, 3, a->uuid);
          bind_text_or_null (w->insert_annotation, 4, s->annotator);
          bind_text_or_null (w->insert_annotation, 5, a->tag);
          sqlite3_bind_int64 (w->insert_annotation, 6, a->start);
          sqlite3_bind_int64 (w->insert_annotation, 7, a->end);
          bind_text_or_null (w->insert_annotation, 8, a->text);
          bind_text_or_null (w->insert_annotation, 9, a->note);
          bind_text_or_null (w->insert_annotation, 10, a->attributes);
          if (!run (w, w->insert_annotation, error))
            return FALSE;
          annotation_id = sqlite3_last_insert_rowid (w->db);
          sqlite3_bind_int64 (w->insert_annotation_fts, 1, annotation_id);
          sqlite3_bind_text (w->insert_annotation_fts, 2, a->folded, -1, SQLITE_STATIC);
          if (!run (w, w->insert_annotation_fts, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_batch (Writer     *w,
             GPtrArray  *records,
             GPtrArray  *gone_articles,
             GPtrArray  *gone_sidecars,
             GError    **error)
{
  if (!exec (w->db, "BEGIN IMMEDIATE", w->path, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    if (!write_record (w, g_ptr_array_index (records, i), error))
      goto fail;
  for (guint i = 0; gone_articles != NULL && i < gone_articles->len; i++)
    if (!delete_article_by_path (w, g_ptr_array_index (gone_articles, i), error))
      goto fail;
  for (guint i = 0; gone_sidecars != NULL && i < gone_sidecars->len; i++)
    {
      sqlite3_bind_text (w->delete_sidecar, 1, g_ptr_array_index (gone_sidecars, i), -1, SQLITE_STATIC);
      if (!run (w, w->delete_sidecar, error))
        goto fail;
    }

  if (exec (w->db, "COMMIT", w->path, error))
    return TRUE;

fail:
  sqlite3_exec (w->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Update */

static gint
compare_group_paths (gconstpointer a,
                     gconstpointer b)
{
  const Group *ga = *(const Group **) a;
  const Group *gb = *(const Group **) b;

  return g_strcmp0 (ga->article.path, gb->article.path);
}

static gboolean
count_folder (sqlite3           *db,
              const char        *database,
              const char        *folder,
              GlossLibraryStats *stats,
              GError           **error)
{
  g_autofree char *start = range_start (folder);
  g_autofree char *end = range_end (folder);
  const char *sql =
    "SELECT (SELECT count(*) FROM articles WHERE path >= ?1 AND path < ?2 AND error IS NULL),"
    "       (SELECT count(*) FROM sidecars WHERE path >= ?1 AND path < ?2 AND error IS NULL),"
    "       (SELECT count(*) FROM annotations n JOIN articles a ON a.id = n.article_id WHERE a.path >= ?1 AND a.path < ?2)";
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, database);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    {
      stats->articles += sqlite3_column_int (stmt, 0);
      stats->sidecars += sqlite3_column_int (stmt, 1);
      stats->annotations += sqlite3_column_int (stmt, 2);
    }
  else
    set_db_error (error, db, database);
  sqlite3_finalize (stmt);
  return ok;
}

static GPtrArray *
list_broken (sqlite3     *db,
             const char  *database,
             const char  *const *folders,
             GError     **error)
{
  g_autoptr(GPtrArray) broken = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_broken_free);
  const char *sql =
    "SELECT path, error FROM articles WHERE path >= ?1 AND path < ?2 AND error IS NOT NULL "
    "UNION ALL SELECT path, error FROM sidecars WHERE path >= ?1 AND path < ?2 AND error IS NOT NULL "
    "ORDER BY path";

  for (guint f = 0; folders[f] != NULL; f++)
    {
      g_autofree char *start = range_start (folders[f]);
      g_autofree char *end = range_end (folders[f]);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          set_db_error (error, db, database);
          return NULL;
        }
      sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (broken, broken_new (column_text (stmt, 0), column_text (stmt, 1)));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          set_db_error (error, db, database);
          return NULL;
        }
    }
  return g_steal_pointer (&broken);
}

/* What an update does, found before anything is read: the folders' groups
 * (walked without the database, so that a search can run meanwhile), what
 * the index holds of them, and from the two what is to be read again or
 * forgotten. */
typedef struct
{
  GPtrArray  *groups;           /* (element-type Group) */
  GHashTable *stored_articles;  /* path → Stored */
  GHashTable *stored_sidecars;
  GPtrArray  *todo;             /* (element-type Group), borrowed from groups */
  GPtrArray  *gone_articles;    /* paths */
  GPtrArray  *gone_sidecars;
} Plan;

static void
plan_init (Plan *plan)
{
  plan->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  plan->stored_articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) stored_free);
  plan->stored_sidecars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) stored_free);
  plan->todo = g_ptr_array_new ();
  plan->gone_articles = g_ptr_array_new_with_free_func (g_free);
  plan->gone_sidecars = g_ptr_array_new_with_free_func (g_free);
}

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->todo, g_ptr_array_unref);
  g_clear_pointer (&plan->groups, g_ptr_array_unref);
  g_clear_pointer (&plan->stored_articles, g_hash_table_unref);
  g_clear_pointer (&plan->stored_sidecars, g_hash_table_unref);
  g_clear_pointer (&plan->gone_articles, g_ptr_array_unref);
  g_clear_pointer (&plan->gone_sidecars, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

/* The files of every folder, by group.  Touches no database. */
static gboolean
plan_walk (const char * const *folders,
           Plan               *plan,
           GError            **error)
{
  for (guint f = 0; folders[f] != NULL; f++)
    {
      const char *folder = folders[f];
      g_autoptr(GError) local = NULL;

      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER,
                       _("%s: not a folder"), folder);
          return FALSE;
        }
      if (!walk (folder, plan->groups, &local))
        {
          g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER,
                       "%s", local->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
plan_load (GlossLibrary *self,
           sqlite3      *db,
           Plan         *plan,
           GError      **error)
{
  for (guint f = 0; self->folders[f] != NULL; f++)
    if (!load_stored (db, self->database, self->folders[f], plan->stored_articles, plan->stored_sidecars, error))
      return FALSE;
  return TRUE;
}

/* Fills @plan's todo and gone lists.  Returns whether there is nothing to do. */
static gboolean
plan_compare (Plan *plan)
{
  g_autoptr(GHashTable) per_article = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  Stored *stored;
  const char *path;

  g_hash_table_iter_init (&iter, plan->stored_sidecars);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stored))
    if (stored->article != NULL)
      g_hash_table_insert (per_article, stored->article,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_article, stored->article)) + 1));

  for (guint i = 0; i < plan->groups->len; i++)
    {
      Group *group = g_ptr_array_index (plan->groups, i);

      if (group->article.path != NULL)
        {
          stored = g_hash_table_lookup (plan->stored_articles, group->article.path);
          if (stored != NULL)
            stored->seen = TRUE;
        }
      for (guint k = 0; k < group->sidecars->len; k++)
        {
          Stamp *stamp = g_ptr_array_index (group->sidecars, k);

          stored = g_hash_table_lookup (plan->stored_sidecars, stamp->path);
          if (stored != NULL)
            stored->seen = TRUE;
        }

      if (group->article.path == NULL)
        {
          /* An orphaned sidecar: read again only when it changed. */
          Stamp *stamp = g_ptr_array_index (group->sidecars, 0);
          Stored *s = g_hash_table_lookup (plan->stored_sidecars, stamp->path);

          if (!stamp_matches (s, stamp) || s->article != NULL)
            g_ptr_array_add (plan->todo, group);
        }
      else if (!group_unchanged (group, plan->stored_articles, plan->stored_sidecars, per_article))
        g_ptr_array_add (plan->todo, group);
    }

  g_hash_table_iter_init (&iter, plan->stored_articles);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, (gpointer *) &stored))
    if (!stored->seen)
      g_ptr_array_add (plan->gone_articles, g_strdup (path));
  g_hash_table_iter_init (&iter, plan->stored_sidecars);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, (gpointer *) &stored))
    if (!stored->seen)
      g_ptr_array_add (plan->gone_sidecars, g_strdup (path));

  g_ptr_array_sort (plan->todo, compare_group_paths);
  return plan->todo->len == 0 && plan->gone_articles->len == 0 && plan->gone_sidecars->len == 0;
}

/* Reads what @plan found changed and writes it, batch by batch.  Returns
 * the number of articles read again, or -1. */
static gint64
plan_apply (GlossLibrary             *self,
            sqlite3                  *db,
            Plan                     *plan,
            GlossLibraryProgressFunc  progress,
            gpointer                  user_data,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) article_record_free);
  GPtrArray *todo = plan->todo;
  Writer writer;
  guint done = 0;
  gint64 read = 0;

  if (!writer_init (&writer, db, self->database, error))
    return -1;

  if (progress != NULL)
    progress (0, todo->len, user_data);

  for (guint i = 0; i < todo->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          writer_clear (&writer);
          return -1;
        }
      g_ptr_array_add (batch, read_group (g_ptr_array_index (todo, i), plan->stored_articles, plan->stored_sidecars));
      done++;
      if (batch->len >= BATCH_SIZE)
        {
          if (!write_batch (&writer, batch, NULL, NULL, error))
            {
              writer_clear (&writer);
              return -1;
            }
          g_ptr_array_set_size (batch, 0);
          if (progress != NULL)
            progress (done, todo->len, user_data);
        }
    }
  if (!write_batch (&writer, batch, plan->gone_articles, plan->gone_sidecars, error))
    {
      writer_clear (&writer);
      return -1;
    }
  writer_clear (&writer);
  if (progress != NULL)
    progress (done, todo->len, user_data);

  for (guint i = 0; i < batch->len; i++)
    if (!((ArticleRecord *) g_ptr_array_index (batch, i))->touch_only)
      read++;
  /* Only the last batch is still here; the others were all read too. */
  read += todo->len - batch->len;
  return read;
}

static GlossLibraryStats *
update_folder_set (GlossLibrary             *self,
                   sqlite3                  *db,
                   GlossLibraryProgressFunc  progress,
                   gpointer                  user_data,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  g_autoptr(GlossLibraryStats) stats = g_new0 (GlossLibraryStats, 1);
  g_auto(Plan) plan = { 0 };
  gint64 read;

  plan_init (&plan);
  if (!plan_walk ((const char * const *) self->folders, &plan, error) ||
      !plan_load (self, db, &plan, error))
    return NULL;
  plan_compare (&plan);
  read = plan_apply (self, db, &plan, progress, user_data, cancellable, error);
  if (read < 0)
    return NULL;
  stats->read = read;

  for (guint f = 0; self->folders[f] != NULL; f++)
    if (!count_folder (db, self->database, self->folders[f], stats, error))
      return NULL;
  stats->broken = list_broken (db, self->database, (const char * const *) self->folders, error);
  if (stats->broken == NULL)
    return NULL;
  return g_steal_pointer (&stats);
}

/**
 * gloss_library_update:
 * @self: a library
 * @progress: (nullable): called with the groups read so far and their number
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Brings the index up to date with the folders, reading only what changed.
 * Blocks: call it from a worker thread (gloss_library_update_async()).
 *
 * Returns: (transfer full): what the folders hold now, or NULL
 */
GlossLibraryStats *
gloss_library_update (GlossLibrary             *self,
                      GlossLibraryProgressFunc  progress,
                      gpointer                  user_data,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  gint64 begin = g_get_monotonic_time ();
  GlossLibraryStats *stats = NULL;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);

  for (guint attempt = 0; attempt < 2 && stats == NULL; attempt++)
    {
      g_autoptr(GError) local = NULL;
      sqlite3 *db;
      int code;

      db = db_open (self->database, error);
      if (db == NULL)
        return NULL;
      stats = update_folder_set (self, db, progress, user_data, cancellable, &local);
      code = sqlite3_extended_errcode (db);
      sqlite3_close (db);
      if (stats != NULL)
        break;
      /* A page went bad under us: it is only a cache, start it again. */
      if (attempt == 0 && is_corrupt (code) && g_error_matches (local, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_DATABASE))
        {
          g_debug ("%s", local->message);
          remove_database_files (self->database);
          continue;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (stats != NULL)
    stats->seconds = (g_get_monotonic_time () - begin) / (double) G_USEC_PER_SEC;
  return stats;
}

typedef struct
{
  GMainContext             *context;
  GlossLibraryProgressFunc  progress;
  gpointer                  progress_data;
  GDestroyNotify            progress_notify;
} UpdateData;

typedef struct
{
  UpdateData *data;
  guint       done;
  guint       total;
} ProgressReport;

static void
update_data_free (UpdateData *data)
{
  g_main_context_unref (data->context);
  if (data->progress_notify != NULL)
    data->progress_notify (data->progress_data);
  g_free (data);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->data->progress (report->done, report->total, report->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_in_thread (guint    done,
                    guint    total,
                    gpointer user_data)
{
  GTask *task = user_data;
  UpdateData *data = g_task_get_task_data (task);
  ProgressReport *report;

  if (data->progress == NULL)
    return;
  report = g_new0 (ProgressReport, 1);
  report->data = data;
  report->done = done;
  report->total = total;
  /* The task holds the data until its callback, which is queued after this. */
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_progress_cb, report, g_free);
}

static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GlossLibraryStats *stats = gloss_library_update (source_object, progress_in_thread, task, cancellable, &error);

  if (stats == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stats, (GDestroyNotify) gloss_library_stats_free);
}

/**
 * gloss_library_update_async:
 * @progress: (nullable): called in the caller's main context
 *
 * gloss_library_update() in a worker thread.
 */
void
gloss_library_update_async (GlossLibrary             *self,
                            GlossLibraryProgressFunc  progress,
                            gpointer                  progress_data,
                            GDestroyNotify            progress_notify,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  UpdateData *data = g_new0 (UpdateData, 1);

  g_return_if_fail (GLOSS_IS_LIBRARY (self));

  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_notify = progress_notify;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_library_update_async);
  g_task_set_task_data (task, data, (GDestroyNotify) update_data_free);
  g_task_run_in_thread (task, update_thread);
}

GlossLibraryStats *
gloss_library_update_finish (GlossLibrary  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Reading the index */

GPtrArray *
gloss_library_list_broken (GlossLibrary  *self,
                           GError       **error)
{
  sqlite3 *db;
  GPtrArray *broken;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  db = db_open (self->database, error);
  if (db == NULL)
    return NULL;
  broken = list_broken (db, self->database, (const char * const *) self->folders, error);
  sqlite3_close (db);
  return broken;
}

static gint
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const GlossLibraryCount *ca = *(const GlossLibraryCount **) a;
  const GlossLibraryCount *cb = *(const GlossLibraryCount **) b;
  int c = g_strcmp0 (ca->annotator, cb->annotator);

  return c != 0 ? c : g_strcmp0 (ca->tag, cb->tag);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GStrv
to_sorted_strv (GPtrArray *strings)
{
  g_ptr_array_sort (strings, compare_strings);
  g_ptr_array_add (strings, NULL);
  return (GStrv) g_ptr_array_free (strings, FALSE);
}

/**
 * gloss_library_list_articles:
 *
 * Returns: (transfer full) (element-type GlossLibraryArticle): the articles
 *   of the folders as last indexed, by path
 */
GPtrArray *
gloss_library_list_articles (GlossLibrary  *self,
                             GError       **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_article_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) annotators = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) done_by = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) n_sidecars = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *queries[] = {
    "SELECT id, path, title, source, date, length, sha256, error FROM articles WHERE path >= ?1 AND path < ?2 ORDER BY path",
    "SELECT s.article_id, s.annotator, s.done FROM sidecars s JOIN articles a ON a.id = s.article_id "
    "WHERE a.path >= ?1 AND a.path < ?2 AND s.error IS NULL",
    "SELECT n.article_id, n.annotator, n.tag, count(*) FROM annotations n JOIN articles a ON a.id = n.article_id "
    "WHERE a.path >= ?1 AND a.path < ?2 GROUP BY n.article_id, n.annotator, n.tag",
  };
  sqlite3 *db;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);

  db = db_open (self->database, error);
  if (db == NULL)
    return NULL;

  for (guint f = 0; self->folders[f] != NULL; f++)
    {
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          sqlite3_stmt *stmt = prepare_in_folder (self, db, queries[q], self->folders[f], error);
          int rc;

          if (stmt == NULL)
            {
              sqlite3_close (db);
              return NULL;
            }
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);
              GlossLibraryArticle *article;

              if (q == 0)
                {
                  article = g_new0 (GlossLibraryArticle, 1);
                  article->path = g_strdup (column_text (stmt, 1));
                  article->title = g_strdup (column_text (stmt, 2));
                  article->source = g_strdup (column_text (stmt, 3));
                  article->date = g_strdup (column_text (stmt, 4));
                  article->length = sqlite3_column_int (stmt, 5);
                  article->sha256 = g_strdup (column_text (stmt, 6));
                  article->error = g_strdup (column_text (stmt, 7));
                  article->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
                  g_ptr_array_add (articles, article);
                  g_array_append_val (ids, id);
                  continue;
                }
              article = g_hash_table_lookup (by_id, &id);
              if (article == NULL)
                continue;
              if (q == 1)
                {
                  GPtrArray *names = g_hash_table_lookup (annotators, article);
                  GPtrArray *done = g_hash_table_lookup (done_by, article);

                  if (names == NULL)
                    {
                      names = g_ptr_array_new ();
                      g_hash_table_insert (annotators, article, names);
                    }
                  if (done == NULL)
                    {
                      done = g_ptr_array_new ();
                      g_hash_table_insert (done_by, article, done);
                    }
                  g_ptr_array_add (names, g_strdup (column_text (stmt, 1)));
                  if (sqlite3_column_int (stmt, 2))
                    g_ptr_array_add (done, g_strdup (column_text (stmt, 1)));
                  g_hash_table_insert (n_sidecars, article,
                                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (n_sidecars, article)) + 1));
                }
              else
                {
                  GlossLibraryCount *count = g_new0 (GlossLibraryCount, 1);

                  count->annotator = g_strdup (column_text (stmt, 1));
                  count->tag = g_strdup (column_text (stmt, 2));
                  count->count = sqlite3_column_int (stmt, 3);
                  article->n_annotations += count->count;
                  g_ptr_array_add (article->counts, count);
                }
            }
          sqlite3_finalize (stmt);
          if (rc != SQLITE_DONE)
            {
              set_db_error (error, db, self->database);
              sqlite3_close (db);
              return NULL;
            }
          if (q == 0)
            {
              /* The ids array may have moved while growing: key the table now. */
              g_hash_table_remove_all (by_id);
              for (guint i = 0; i < ids->len; i++)
                g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (articles, i));
            }
        }
    }
  sqlite3_close (db);

  for (guint i = 0; i < articles->len; i++)
    {
      GlossLibraryArticle *article = g_ptr_array_index (articles, i);
      GPtrArray *names = g_hash_table_lookup (annotators, article);
      GPtrArray *done = g_hash_table_lookup (done_by, article);

      g_hash_table_steal (annotators, article);
      g_hash_table_steal (done_by, article);
      article->annotators = to_sorted_strv (names != NULL ? names : g_ptr_array_new ());
      article->done_by = to_sorted_strv (done != NULL ? done : g_ptr_array_new ());
      g_ptr_array_sort (article->counts, compare_counts);
      if (article->annotators[0] != NULL && g_strv_length (article->done_by) == g_strv_length (article->annotators))
        article->state = GLOSS_LIBRARY_DONE;
      else if (article->n_annotations > 0 || article->done_by[0] != NULL)
        article->state = GLOSS_LIBRARY_IN_PROGRESS;
      else
        article->state = GLOSS_LIBRARY_NOT_STARTED;
    }
  return g_steal_pointer (&articles);
}

/* ------------------------------------------------------------------ */
/* Search */

static char *
flatten (char *text)
{
  for (char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return text;
}

/* Code points in [@from, @to): counted without decoding, as a search steps
 * through every text it finds. */
static glong
count_chars (const char *from,
             const char *to)
{
  glong n = 0;

  for (const unsigned char *p = (const unsigned char *) from; p < (const unsigned char *) to; p++)
    n += (*p & 0xC0) != 0x80;
  return n;
}

/* Every occurrence of @needle (folded) in @folded, whose original is @text
 * (same code points).  @base: the code-point offset of @text in the article,
 * or -1 to give every hit @span_start, @span_end. */
static void
find_occurrences (const char      *text,
                  const char      *folded,
                  const char      *needle,
                  glong            needle_length,
                  gint64           base,
                  guint            span_start,
                  guint            span_end,
                  GlossLibraryHit *template,
                  GPtrArray       *hits)
{
  const char *from = folded;
  const char *last_folded = folded;
  const char *last_text = text;
  glong last_offset = 0;
  gsize needle_bytes = strlen (needle);
  const char *found;

  while ((found = strstr (from, needle)) != NULL)
    {
      GlossLibraryHit *hit;
      glong offset;
      const char *match_start, *match_end, *before_start, *after_end;
      const char *text_end = text + strlen (text);

      /* Walk both texts in step: same code points, not the same bytes. */
      offset = last_offset + count_chars (last_folded, found);
      match_start = g_utf8_offset_to_pointer (last_text, offset - last_offset);
      last_folded = found;
      last_text = match_start;
      last_offset = offset;
      match_end = g_utf8_offset_to_pointer (match_start, needle_length);
      if (match_end > text_end)
        match_end = text_end;

      before_start = match_start;
      for (guint i = 0; i < SNIPPET_CONTEXT && before_start > text; i++)
        before_start = g_utf8_prev_char (before_start);
      after_end = match_end;
      for (guint i = 0; i < SNIPPET_CONTEXT && after_end < text_end; i++)
        after_end = g_utf8_next_char (after_end);

      hit = g_new0 (GlossLibraryHit, 1);
      hit->article = g_strdup (template->article);
      hit->kind = template->kind;
      hit->annotation = g_strdup (template->annotation);
      hit->annotator = g_strdup (template->annotator);
      hit->tag = g_strdup (template->tag);
      hit->field = g_strdup (template->field);
      if (base >= 0)
        {
          hit->start = base + offset;
          hit->end = base + offset + needle_length;
        }
      else
        {
          hit->start = span_start;
          hit->end = span_end;
        }
      {
        g_autofree char *b = g_strndup (before_start, match_start - before_start);
        g_autofree char *a = g_strndup (match_end, after_end - match_end);

        hit->before = flatten (g_strconcat (before_start > text ? "…" : "", b, NULL));
        hit->match = flatten (g_strndup (match_start, match_end - match_start));
        hit->after = flatten (g_strconcat (a, after_end < text_end ? "…" : "", NULL));
      }
      g_ptr_array_add (hits, hit);
      from = found + needle_bytes;
    }
}

static char *
match_expression (const char *folded)
{
  g_autoptr(GString) expression = g_string_new ("\"");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (expression, '"');
      g_string_append_c (expression, *p);
    }
  g_string_append_c (expression, '"');
  return g_string_free (g_steal_pointer (&expression), FALSE);
}

static gboolean
in_list (const char * const *list,
         const char         *value)
{
  return list == NULL || list[0] == NULL || (value != NULL && g_strv_contains (list, value));
}

static gint
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const GlossLibraryHit *ha = *(const GlossLibraryHit **) a;
  const GlossLibraryHit *hb = *(const GlossLibraryHit **) b;
  int c = g_strcmp0 (ha->article, hb->article);

  if (c != 0)
    return c;
  if (ha->start != hb->start)
    return ha->start < hb->start ? -1 : 1;
  if (ha->kind != hb->kind)
    return ha->kind < hb->kind ? -1 : 1;
  if (ha->end != hb->end)
    return ha->end < hb->end ? -1 : 1;
  if ((c = g_strcmp0 (ha->annotator, hb->annotator)) != 0)
    return c;
  return g_strcmp0 (ha->annotation, hb->annotation);
}

static gboolean
search_folder (sqlite3            *db,
               const char         *database,
               const char         *folder,
               const char         *needle,
               glong               needle_length,
               gboolean            texts,
               const char * const *tags,
               const char * const *annotators,
               GPtrArray          *hits,
               GError            **error)
{
  g_autofree char *start = range_start (folder);
  g_autofree char *end = range_end (folder);
  g_autofree char *expression = match_expression (needle);
  gboolean scan = needle_length < 3;
  const char *text_sql = scan
    ? "SELECT a.path, t.text, f.folded FROM text_fts f JOIN articles a ON a.id = f.rowid JOIN texts t ON t.id = f.rowid "
      "WHERE instr (f.folded, ?3) > 0 AND a.path >= ?1 AND a.path < ?2"
    : "SELECT a.path, t.text, f.folded FROM text_fts f JOIN articles a ON a.id = f.rowid JOIN texts t ON t.id = f.rowid "
      "WHERE text_fts MATCH ?3 AND a.path >= ?1 AND a.path < ?2";
  const char *annotation_sql = scan
    ? "SELECT a.path, n.uuid, n.annotator, n.tag, n.start, n.end, n.text, n.note, n.attributes "
      "FROM annotation_fts f JOIN annotations n ON n.id = f.rowid JOIN articles a ON a.id = n.article_id "
      "WHERE instr (f.folded, ?3) > 0 AND a.path >= ?1 AND a.path < ?2"
    : "SELECT a.path, n.uuid, n.annotator, n.tag, n.start, n.end, n.text, n.note, n.attributes "
      "FROM annotation_fts f JOIN annotations n ON n.id = f.rowid JOIN articles a ON a.id = n.article_id "
      "WHERE annotation_fts MATCH ?3 AND a.path >= ?1 AND a.path < ?2";
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (texts)
    {
      if (sqlite3_prepare_v2 (db, text_sql, -1, &stmt, NULL) != SQLITE_OK)
        goto fail;
      sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, scan ? needle : expression, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GlossLibraryHit template = { 0 };

          template.article = (char *) column_text (stmt, 0);
          template.kind = GLOSS_LIBRARY_HIT_TEXT;
          template.field = (char *) "text";
          find_occurrences (column_text (stmt, 1), column_text (stmt, 2), needle, needle_length,
                            0, 0, 0, &template, hits);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (rc != SQLITE_DONE)
        goto fail;
    }

  if (sqlite3_prepare_v2 (db, annotation_sql, -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, scan ? needle : expression, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossLibraryHit template = { 0 };
      guint span_start = sqlite3_column_int (stmt, 4);
      guint span_end = sqlite3_column_int (stmt, 5);
      const char *fields[] = { "text", "note" };
      g_autoptr(JsonParser) parser = NULL;

      template.annotator = (char *) column_text (stmt, 2);
      template.tag = (char *) column_text (stmt, 3);
      if (!in_list (tags, template.tag) || !in_list (annotators, template.annotator))
        continue;
      template.article = (char *) column_text (stmt, 0);
      template.kind = GLOSS_LIBRARY_HIT_ANNOTATION;
      template.annotation = (char *) column_text (stmt, 1);

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const char *value = column_text (stmt, 6 + i);
          g_autofree char *folded = NULL;

          if (value == NULL)
            continue;
          folded = gloss_fold (value, -1);
          template.field = (char *) fields[i];
          find_occurrences (value, folded, needle, needle_length,
                            i == 0 ? (gint64) span_start : -1, span_start, span_end, &template, hits);
        }

      parser = json_parser_new ();
      if (column_text (stmt, 8) != NULL && json_parser_load_from_data (parser, column_text (stmt, 8), -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *attributes = json_node_get_object (json_parser_get_root (parser));
          g_autoptr(GList) members = json_object_get_members (attributes);

          for (GList *m = members; m != NULL; m = m->next)
            {
              const char *value = json_object_get_string_member (attributes, m->data);
              g_autofree char *folded = NULL;

              if (value == NULL)
                continue;
              folded = gloss_fold (value, -1);
              template.field = m->data;
              find_occurrences (value, folded, needle, needle_length, -1, span_start, span_end, &template, hits);
            }
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    goto fail;
  return TRUE;

fail:
  set_db_error (error, db, database);
  g_clear_pointer (&stmt, sqlite3_finalize);
  return FALSE;
}

/* The query as the texts are stored: NFC, folded.  NULL if it is not text. */
static char *
search_needle (const char  *query,
               glong       *needle_length,
               GError     **error)
{
  g_autofree char *normalized = NULL;
  char *needle;

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("The search text is not valid UTF-8"));
      return NULL;
    }
  /* The texts are NFC: so must the query be to find them. */
  normalized = g_utf8_normalize (query, -1, G_NORMALIZE_NFC);
  needle = gloss_fold (normalized, -1);
  *needle_length = g_utf8_strlen (needle, -1);
  return needle;
}

static gboolean
search_db (GlossLibrary       *self,
           sqlite3            *db,
           const char         *needle,
           glong               needle_length,
           const char * const *tags,
           const char * const *annotators,
           GPtrArray          *hits,
           GError            **error)
{
  gboolean texts = (tags == NULL || tags[0] == NULL) && (annotators == NULL || annotators[0] == NULL);

  for (guint f = 0; self->folders[f] != NULL; f++)
    if (!search_folder (db, self->database, self->folders[f], needle, needle_length,
                        texts, tags, annotators, hits, error))
      return FALSE;
  return TRUE;
}

static GPtrArray *
sort_hits (GPtrArray *hits,
           guint      limit)
{
  g_ptr_array_sort (hits, compare_hits);
  if (limit > 0 && hits->len > limit)
    g_ptr_array_set_size (hits, limit);
  return hits;
}

/**
 * gloss_library_search:
 * @self: a library
 * @query: what to find; folded like the texts
 * @tags: (nullable): search only annotations with one of these tags
 * @annotators: (nullable): search only annotations of these annotators
 * @limit: the most hits wanted, 0 for all
 * @error: return location for an error
 *
 * Searches the index as it is (call gloss_library_update() first, or use
 * gloss_library_update_and_search()).
 *
 * Returns: (transfer full) (element-type GlossLibraryHit): every occurrence,
 *   by article and offset
 */
GPtrArray *
gloss_library_search (GlossLibrary       *self,
                      const char         *query,
                      const char * const *tags,
                      const char * const *annotators,
                      guint               limit,
                      GError            **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_hit_free);
  g_autofree char *needle = NULL;
  glong needle_length;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  needle = search_needle (query, &needle_length, error);
  if (needle == NULL)
    return NULL;
  if (needle_length == 0)
    return g_steal_pointer (&hits);

  db = db_open (self->database, error);
  if (db == NULL)
    return NULL;
  ok = search_db (self, db, needle, needle_length, tags, annotators, hits, error);
  sqlite3_close (db);
  if (!ok)
    return NULL;
  return sort_hits (g_steal_pointer (&hits), limit);
}

typedef struct
{
  const char * const *folders;
  Plan               *plan;
  GError             *error;
  GMutex              lock;
  GCond               cond;
  int                 loaded;     /* 0 not yet, 1 the plan's stored stamps are in, -1 never */
  gboolean            unchanged;  /* set when loaded is 1 */
} WalkJob;

/* Walks the folders, then compares them with the index once the main
 * thread has read its stamps, while the main thread searches. */
static gpointer
walk_thread (gpointer user_data)
{
  WalkJob *job = user_data;
  gboolean walked;
  int loaded;

  walked = plan_walk (job->folders, job->plan, &job->error);
  g_mutex_lock (&job->lock);
  while (job->loaded == 0)
    g_cond_wait (&job->cond, &job->lock);
  loaded = job->loaded;
  g_mutex_unlock (&job->lock);
  if (walked && loaded > 0)
    job->unchanged = plan_compare (job->plan);
  return GINT_TO_POINTER (walked);
}

static void
walk_job_loaded (WalkJob *job,
                 gboolean ok)
{
  g_mutex_lock (&job->lock);
  job->loaded = ok ? 1 : -1;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
}

/* The fast way of gloss_library_update_and_search(): the folders are walked
 * in a thread while the index is searched, both against one snapshot of the
 * index; only if a file changed is the index written and searched again.
 * @folder_error: set when a folder, not the index, is the problem. */
static GPtrArray *
search_while_walking (GlossLibrary       *self,
                      const char         *needle,
                      glong               needle_length,
                      const char * const *tags,
                      const char * const *annotators,
                      gboolean           *folder_error,
                      GError            **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_hit_free);
  g_auto(Plan) plan = { 0 };
  WalkJob job = { (const char * const *) self->folders, &plan, NULL };
  GThread *thread;
  sqlite3 *db;
  gboolean ok, walked;

  plan_init (&plan);
  g_mutex_init (&job.lock);
  g_cond_init (&job.cond);
  thread = g_thread_new ("gloss-library-walk", walk_thread, &job);
  db = db_open (self->database, error);
  /* One read transaction: the stamps compared are those of the texts searched. */
  ok = db != NULL &&
       exec (db, "BEGIN", self->database, error) &&
       plan_load (self, db, &plan, error);
  walk_job_loaded (&job, ok);
  ok = ok &&
       search_db (self, db, needle, needle_length, tags, annotators, hits, error) &&
       exec (db, "COMMIT", self->database, error);
  walked = GPOINTER_TO_INT (g_thread_join (thread));
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.cond);
  if (!walked)
    {
      *folder_error = TRUE;
      g_clear_error (error);
      g_propagate_error (error, job.error);
      ok = FALSE;
    }
  if (ok && !job.unchanged)
    {
      g_ptr_array_set_size (hits, 0);
      ok = plan_apply (self, db, &plan, NULL, NULL, NULL, error) >= 0 &&
           search_db (self, db, needle, needle_length, tags, annotators, hits, error);
    }
  if (db != NULL)
    sqlite3_close (db);
  return ok ? g_steal_pointer (&hits) : NULL;
}

/**
 * gloss_library_update_and_search:
 * @self: a library
 * @query: what to find
 * @tags: (nullable): as for gloss_library_search()
 * @annotators: (nullable): as for gloss_library_search()
 * @limit: the most hits wanted, 0 for all
 * @error: return location for an error
 *
 * gloss_library_update() then gloss_library_search(), in the time of the
 * longer of the two when nothing changed: the folders are checked for
 * changes while the index is searched.  Blocks.
 *
 * Returns: (transfer full) (element-type GlossLibraryHit): every occurrence
 *   in the folders as they are, by article and offset
 */
GPtrArray *
gloss_library_update_and_search (GlossLibrary       *self,
                                 const char         *query,
                                 const char * const *tags,
                                 const char * const *annotators,
                                 guint               limit,
                                 GError            **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autofree char *needle = NULL;
  gboolean folder_error = FALSE;
  GPtrArray *hits;
  glong needle_length;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  needle = search_needle (query, &needle_length, error);
  if (needle == NULL)
    return NULL;
  if (needle_length > 0)
    {
      hits = search_while_walking (self, needle, needle_length, tags, annotators, &folder_error, &local);
      if (hits != NULL)
        return sort_hits (hits, limit);
      if (folder_error)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      /* A damaged index, a busy one: the long way knows how to heal. */
      g_debug ("%s", local->message);
    }
  stats = gloss_library_update (self, NULL, NULL, NULL, error);
  if (stats == NULL)
    return NULL;
  return gloss_library_search (self, query, tags, annotators, limit, error);
}

/* ------------------------------------------------------------------ */
/* Retrieve */

static gint
compare_retrieved (gconstpointer a,
                   gconstpointer b)
{
  const GlossLibraryHit *ha = *(const GlossLibraryHit **) a;
  const GlossLibraryHit *hb = *(const GlossLibraryHit **) b;
  gboolean ea = ha->group == NULL || ha->group[0] == '\0';
  gboolean eb = hb->group == NULL || hb->group[0] == '\0';
  int c;

  if (ea != eb)
    return ea ? 1 : -1;
  if (!ea && (c = g_utf8_collate (ha->group, hb->group)) != 0)
    return c;
  return compare_hits (a, b);
}

static GStrv
list_strings (GlossLibrary  *self,
              const char    *sql,
              const char    *parameter,
              GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  sqlite3 *db = db_open (self->database, error);

  if (db == NULL)
    return NULL;
  for (guint f = 0; self->folders[f] != NULL; f++)
    {
      sqlite3_stmt *stmt = prepare_in_folder (self, db, sql, self->folders[f], error);
      int rc;

      if (stmt == NULL)
        {
          sqlite3_close (db);
          return NULL;
        }
      if (parameter != NULL)
        sqlite3_bind_text (stmt, 3, parameter, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (column_text (stmt, 0) != NULL && !g_hash_table_contains (seen, column_text (stmt, 0)))
          g_hash_table_add (seen, g_strdup (column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          set_db_error (error, db, self->database);
          sqlite3_close (db);
          return NULL;
        }
    }
  sqlite3_close (db);

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (strings, g_strdup (key));
  }
  return to_sorted_strv (g_steal_pointer (&strings));
}

GStrv
gloss_library_list_tags (GlossLibrary  *self,
                         GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  return list_strings (self,
                       "SELECT DISTINCT n.tag FROM annotations n JOIN articles a ON a.id = n.article_id "
                       "WHERE a.path >= ?1 AND a.path < ?2", NULL, error);
}

GStrv
gloss_library_list_attributes (GlossLibrary  *self,
                               const char    *tag,
                               GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);
  return list_strings (self,
                       "SELECT DISTINCT j.key FROM annotations n JOIN articles a ON a.id = n.article_id, "
                       "json_each (n.attributes) j WHERE a.path >= ?1 AND a.path < ?2 AND n.tag = ?3",
                       tag, error);
}

/**
 * gloss_library_retrieve:
 *
 * Returns: (transfer full) (element-type GlossLibraryHit): the annotations
 */
GPtrArray *
gloss_library_retrieve (GlossLibrary  *self,
                        const char    *tag,
                        const char    *attribute,
                        GError       **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_hit_free);
  const char *sql =
    "SELECT a.path, n.uuid, n.annotator, n.tag, n.start, n.end, n.text, n.attributes, t.text "
    "FROM annotations n JOIN articles a ON a.id = n.article_id LEFT JOIN texts t ON t.id = n.article_id "
    "WHERE a.path >= ?1 AND a.path < ?2 AND n.tag = ?3 ORDER BY a.path, n.start";
  sqlite3 *db;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  db = db_open (self->database, error);
  if (db == NULL)
    return NULL;
  for (guint f = 0; self->folders[f] != NULL; f++)
    {
      sqlite3_stmt *stmt = prepare_in_folder (self, db, sql, self->folders[f], error);
      int rc;

      if (stmt == NULL)
        {
          sqlite3_close (db);
          return NULL;
        }
      sqlite3_bind_text (stmt, 3, tag, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GlossLibraryHit *hit = g_new0 (GlossLibraryHit, 1);
          const char *text = column_text (stmt, 8);
          guint from = sqlite3_column_int (stmt, 4);
          guint to = sqlite3_column_int (stmt, 5);

          hit->article = g_strdup (column_text (stmt, 0));
          hit->kind = GLOSS_LIBRARY_HIT_ANNOTATION;
          hit->annotation = g_strdup (column_text (stmt, 1));
          hit->annotator = g_strdup (column_text (stmt, 2));
          hit->tag = g_strdup (column_text (stmt, 3));
          hit->start = from;
          hit->end = to;
          hit->field = g_strdup ("text");
          hit->match = flatten (g_strdup (column_text (stmt, 6) ? column_text (stmt, 6) : ""));
          /* The context comes from the article as indexed, where the
           * annotation was placed. */
          if (text != NULL && to <= g_utf8_strlen (text, -1) && from <= to)
            {
              guint before = from > SNIPPET_CONTEXT ? from - SNIPPET_CONTEXT : 0;
              const char *b = g_utf8_offset_to_pointer (text, before);
              const char *s = g_utf8_offset_to_pointer (b, from - before);
              const char *e = g_utf8_offset_to_pointer (s, to - from);
              const char *a = e;

              for (guint i = 0; i < SNIPPET_CONTEXT && *a != '\0'; i++)
                a = g_utf8_next_char (a);
              {
                g_autofree char *head = g_strndup (b, s - b);
                g_autofree char *tail = g_strndup (e, a - e);

                hit->before = flatten (g_strconcat (before > 0 ? "…" : "", head, NULL));
                hit->after = flatten (g_strconcat (tail, *a != '\0' ? "…" : "", NULL));
              }
            }
          else
            {
              hit->before = g_strdup ("");
              hit->after = g_strdup ("");
            }
          if (attribute != NULL && column_text (stmt, 7) != NULL)
            {
              g_autoptr(JsonParser) parser = json_parser_new ();

              if (json_parser_load_from_data (parser, column_text (stmt, 7), -1, NULL) &&
                  JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
                {
                  JsonObject *attributes = json_node_get_object (json_parser_get_root (parser));
                  JsonNode *value = json_object_get_member (attributes, attribute);

                  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
                    hit->group = g_strdup (json_node_get_string (value));
                }
            }
          g_ptr_array_add (hits, hit);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          set_db_error (error, db, self->database);
          sqlite3_close (db);
          return NULL;
        }
    }
  sqlite3_close (db);

  g_ptr_array_sort (hits, attribute != NULL ? compare_retrieved : compare_hits);
  return g_steal_pointer (&hits);
}
