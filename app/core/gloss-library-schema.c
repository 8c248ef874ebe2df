/* gloss-library-schema.c: the library index's file: its tables, and opening it
 *
 * The tables are made afresh when the file is new, of another schema version
 * (GLOSS_LIBRARY_SCHEMA_VERSION, and of gloss-fold.c's GLOSS_FOLD_VERSION) or
 * not a database at all: the index is a cache of the files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gloss-fold.h"
#include "gloss-library-private.h"


static const char *schema_sql =
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
  "  size INTEGER, mtime INTEGER, file_sha256 TEXT,"
  "  title TEXT, source TEXT, url TEXT, date TEXT,"
  "  length INTEGER, sha256 TEXT, error TEXT);"
  /* Apart, so that the walk over the articles' stamps reads small rows.
   * Not the text itself: what turns the folded text back into it
   * (_gloss_library_unfold()), a tenth of its size, so that a search
   * reads the texts it finds once instead of twice. */
  "CREATE TABLE texts (id INTEGER PRIMARY KEY, unfold BLOB);"
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
  /* Queries of one and two characters (gloss-library-bigram.c): which
   * texts may hold them, no more (no content, no positions). */
  "CREATE VIRTUAL TABLE text_bigrams USING fts5 (grams, content = '', detail = none, columnsize = 0,"
  "  tokenize = 'ascii');"
  "CREATE VIRTUAL TABLE annotation_fts USING fts5 (folded, tokenize = 'trigram');"
  /* Counts the writes of the files' stamps, whoever makes them: a walk's
   * digest (_gloss_library_plan_digest()) stands for the index only as
   * long as the count it was taken at. */
  "CREATE TABLE generation (n INTEGER NOT NULL);"
  "INSERT INTO generation VALUES (0);"
  "CREATE TRIGGER articles_insert AFTER INSERT ON articles BEGIN UPDATE generation SET n = n + 1; END;"
  "CREATE TRIGGER articles_update AFTER UPDATE ON articles BEGIN UPDATE generation SET n = n + 1; END;"
  "CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN UPDATE generation SET n = n + 1; END;"
  "CREATE TRIGGER sidecars_insert AFTER INSERT ON sidecars BEGIN UPDATE generation SET n = n + 1; END;"
  "CREATE TRIGGER sidecars_update AFTER UPDATE ON sidecars BEGIN UPDATE generation SET n = n + 1; END;"
  "CREATE TRIGGER sidecars_delete AFTER DELETE ON sidecars BEGIN UPDATE generation SET n = n + 1; END;"
  "CREATE TABLE walk_digests (folders TEXT PRIMARY KEY, digest TEXT NOT NULL, generation INTEGER NOT NULL);"
  /* The Han folds the texts were made with (gloss-library-fold.c). */
  "CREATE TABLE fold (code INTEGER PRIMARY KEY, folded INTEGER NOT NULL);";

/* ------------------------------------------------------------------ */
/* The database */

gboolean
_gloss_library_exec (sqlite3     *db,
      const char  *sql,
      const char  *path,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _gloss_library_set_db_error (error, db, path);
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
          _gloss_library_set_db_error (error, db, path);
          return FALSE;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup (_gloss_library_column_text (stmt, 0)));
      sqlite3_finalize (stmt);

      for (guint i = 0; i < names->len; i++)
        {
          char *sql = sqlite3_mprintf ("DROP TABLE IF EXISTS \"%w\"", (char *) g_ptr_array_index (names, i));
          gboolean ok = _gloss_library_exec (db, sql, path, error);

          sqlite3_free (sql);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

/* The one integer a pragma @sql reads, or -1. */
static int
pragma_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The index's version as it stands in the file (-1 when it cannot be read). */
int
_gloss_library_user_version (sqlite3 *db)
{
  return pragma_int (db, "PRAGMA user_version");
}

/* An index made afresh in the file of an older one keeps that file's pages
 * (4 KiB before version 6): rewrites the file, still empty, with pages of
 * GLOSS_LIBRARY_PAGE_SIZE, if no other connection has it open (leaving WAL
 * needs the file alone; that is not waited for).  Pages of another size
 * only make a common word's search slower. */
static void
adopt_page_size (sqlite3    *db,
                 const char *path)
{
  sqlite3_stmt *stmt = NULL;
  gboolean alone = FALSE;

  if (pragma_int (db, "PRAGMA page_size") == GLOSS_LIBRARY_PAGE_SIZE)
    return;
  sqlite3_busy_timeout (db, 0);
  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    alone = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "delete") == 0;
  sqlite3_finalize (stmt);
  if (!alone ||
      sqlite3_exec (db, "PRAGMA page_size = " G_STRINGIFY (GLOSS_LIBRARY_PAGE_SIZE) "; VACUUM;",
                    NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("%s: the index keeps pages of %d bytes: %s", path,
             pragma_int (db, "PRAGMA page_size"), alone ? sqlite3_errmsg (db) : "in use");
  sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  sqlite3_busy_timeout (db, 60000);
}

/* Creates the tables, or recreates them when they are of another version. */
static gboolean
ensure_schema (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  int version;
  g_autofree char *set_version = NULL;

  if (_gloss_library_user_version (db) == GLOSS_LIBRARY_USER_VERSION)
    return TRUE;

  if (!_gloss_library_exec (db, "BEGIN IMMEDIATE", path, error))
    return FALSE;
  /* Another process may have done it while we waited for the lock. */
  version = _gloss_library_user_version (db);
  if (version == GLOSS_LIBRARY_USER_VERSION)
    return _gloss_library_exec (db, "COMMIT", path, error);

  set_version = g_strdup_printf ("PRAGMA user_version = %d", GLOSS_LIBRARY_USER_VERSION);
  /* Version 0 is a new file, or one whose tables nobody can vouch for. */
  if (!drop_everything (db, path, error) ||
      !_gloss_library_exec (db, schema_sql, path, error) ||
      !_gloss_library_exec (db, set_version, path, error) ||
      !_gloss_library_exec (db, "COMMIT", path, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  adopt_page_size (db, path);
  return TRUE;
}

void
_gloss_library_remove_database_files (const char *path)
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
      _gloss_library_set_db_error (error, db, path);
      sqlite3_close (db);
      return NULL;
    }
  /* Two processes (the app and gloss-cli, or two gloss-cli) may index at once. */
  sqlite3_busy_timeout (db, 60000);
  sqlite3_extended_result_codes (db, 1);
  if (!_gloss_library_register_bigrams (db))
    {
      *code = sqlite3_extended_errcode (db);
      _gloss_library_set_db_error (error, db, path);
      sqlite3_close (db);
      return NULL;
    }

  if (sqlite3_exec (db, "PRAGMA page_size = " G_STRINGIFY (GLOSS_LIBRARY_PAGE_SIZE) "; "
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 0;",
                    NULL, NULL, NULL) != SQLITE_OK ||
      !ensure_schema (db, path, NULL) ||
      /* A damaged page shows here rather than halfway through an update. */
      sqlite3_exec (db, "SELECT count(*) FROM articles", NULL, NULL, NULL) != SQLITE_OK)
    {
      *code = sqlite3_extended_errcode (db);
      _gloss_library_set_db_error (error, db, path);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* Opens the index, starting afresh when the file is not a usable database. */
sqlite3 *
_gloss_library_db_open (const char  *path,
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
  if (!_gloss_library_is_corrupt (code))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  g_debug ("%s: rebuilding the library index: %s", path, local->message);
  _gloss_library_remove_database_files (path);
  g_clear_error (&local);
  return db_open_once (path, &code, error);
}

/* A search reads each page of text once: a page cache of 256 KiB holds the
 * inner pages it seeks through, where SQLite's 2 MiB was fresh memory to
 * fault in (北京 reads 30 MB of texts: 116 → 96 ms, with 256 hits or fewer
 * no slower).  An update on the same connection gets SQLite's usual 2 MiB
 * back first (search_while_walking()). */
#define SEARCH_CACHE_SIZE "PRAGMA cache_size = -256;"

/* A connection to an index that is there and of this version, to read it:
 * no file created, no schema made and no page checked; NULL when the index
 * is not as expected.  Alone, a second reader beside a search (a scan split
 * between two threads). */
sqlite3 *
_gloss_library_db_open_reader (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 60000);
      sqlite3_extended_result_codes (db, 1);
      if (sqlite3_exec (db, "PRAGMA mmap_size = 0; " SEARCH_CACHE_SIZE, NULL, NULL, NULL) == SQLITE_OK &&
          _gloss_library_user_version (db) == GLOSS_LIBRARY_USER_VERSION)
        return db;
    }
  sqlite3_close (db);
  return NULL;
}

/* Opens an index for a search: a reader (reading a count of the articles
 * was a third of a rare query's time), able to write as an update does.
 * Anything else, and a search that meets a damaged page, goes the long way:
 * _gloss_library_db_open() rebuilds, an update heals. */
sqlite3 *
_gloss_library_db_open_search (const char  *path,
                               GError     **error)
{
  sqlite3 *db = _gloss_library_db_open_reader (path);

  if (db != NULL && _gloss_library_register_bigrams (db) &&
      sqlite3_exec (db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) == SQLITE_OK)
    return db;
  sqlite3_close (db);
  return _gloss_library_db_open (path, error);
}
