/* gloss-library-known.c: what the other articles of a folder were
 * annotated with, read from the index for learning from the corpus
 *
 * Learning from the corpus (gloss_suggester_add_known_from_corpus()) wants
 * every annotation of the sidecars beside an article, each time an article
 * is opened.  Parsing those sidecars costs 157–262 ms of processor time on
 * a folder of 2 000 articles (the suggest-corpus-2k benchmark), reading
 * them from the index 38–42 ms.  It is used only
 * when it holds each of those sidecars as it is on disk, compared by size
 * and modification time as an update would (gloss-library-scan.c): a
 * folder's sidecars are stated, not read.  The article's own layers are
 * left out of the comparison as of the answer: the user saves theirs all
 * the time, and they are not learned from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>

#include "gloss-library-private.h"
#include "gloss-sidecar.h"


typedef struct
{
  gint64 size;
  gint64 mtime;
} DiskStamp;

void
gloss_library_known_free (GlossLibraryKnown *known)
{
  if (known == NULL)
    return;
  g_free (known->sidecar);
  g_free (known->tag);
  g_free (known->text);
  g_free (known->attributes);
  g_free (known);
}

/* name → DiskStamp: the sidecars of @dir but @article_name's layers. */
static GHashTable *
stat_sidecars (const char *dir,
               const char *article_name)
{
  GHashTable *stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  struct dirent *entry;
  DIR *handle;
  int fd;

  handle = opendir (dir);
  if (handle == NULL)
    return stamps;
  fd = dirfd (handle);
  while ((entry = readdir (handle)) != NULL)
    {
      struct stat st;
      DiskStamp *stamp;

      if (!g_str_has_suffix (entry->d_name, GLOSS_SIDECAR_SUFFIX) ||
          gloss_sidecar_name_is_layer_of (entry->d_name, article_name) ||
          fstatat (fd, entry->d_name, &st, 0) != 0 || !S_ISREG (st.st_mode))
        continue;
      stamp = g_new (DiskStamp, 1);
      stamp->size = st.st_size;
      stamp->mtime = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
      g_hash_table_insert (stamps, g_strdup (entry->d_name), stamp);
    }
  closedir (handle);
  return stamps;
}

static void
set_stale (GError    **error,
           const char *database,
           const char *dir)
{
  g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_STALE,
               _("%s: the index does not hold the sidecars of %s as they are"), database, dir);
}

/* The sidecars of @dir the index holds as @stamps says they are, in
 * @accepted (id → path); FALSE when one differs, is missing or is not on
 * disk. */
static gboolean
compare_sidecars (sqlite3     *db,
                  const char  *database,
                  const char  *dir,
                  const char  *article_name,
                  GHashTable  *stamps,
                  GHashTable  *accepted,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gsize dir_length = strlen (dir);
  guint matched = 0;
  gboolean current = TRUE;
  int step;

  if (sqlite3_prepare_v2 (db, "SELECT id, path, size, mtime FROM sidecars WHERE path >= ?1 AND path < ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _gloss_library_set_db_error (error, db, database);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, _gloss_library_range_start (dir), -1, g_free);
  sqlite3_bind_text (stmt, 2, _gloss_library_range_end (dir), -1, g_free);
  while (current && (step = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *path = _gloss_library_column_text (stmt, 1);
      const char *name = path + dir_length + 1;
      DiskStamp *stamp;

      /* Below the folder: not beside the article. */
      if (strchr (name, '/') != NULL || gloss_sidecar_name_is_layer_of (name, article_name))
        continue;
      stamp = g_hash_table_lookup (stamps, name);
      current = stamp != NULL && stamp->size == sqlite3_column_int64 (stmt, 2) &&
                stamp->mtime == sqlite3_column_int64 (stmt, 3);
      if (current)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_hash_table_insert (accepted, g_memdup2 (&id, sizeof id), g_strdup (path));
          matched++;
        }
    }
  if (current && step != SQLITE_DONE)
    {
      _gloss_library_set_db_error (error, db, database);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  /* Every sidecar on disk is in the index: none was added since. */
  if (!current || matched != g_hash_table_size (stamps))
    {
      set_stale (error, database, dir);
      return FALSE;
    }
  return TRUE;
}

/* Each tag and text once, with the attributes of the first: a name
 * recurs across a corpus, and only its first occurrence is learned
 * (gloss_suggester_add_known()).  Quotes never recur: not read. */
static gboolean
read_known (sqlite3     *db,
            const char  *database,
            const char  *dir,
            GHashTable  *accepted,
            GPtrArray   *known,
            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int step;

  /* By the article's index: annotations have none of their own sidecar's
   * (those of a sidecar without its article have article_id 0).  In the
   * index's order, by sidecar path: no sort. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT a.sidecar_id, a.tag, a.text, a.attributes "
                          "FROM sidecars s JOIN annotations a ON a.article_id = ifnull (s.article_id, 0) "
                          "AND a.sidecar_id = s.id WHERE s.path >= ?1 AND s.path < ?2 AND a.tag != 'quote'",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _gloss_library_set_db_error (error, db, database);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, _gloss_library_range_start (dir), -1, g_free);
  sqlite3_bind_text (stmt, 2, _gloss_library_range_end (dir), -1, g_free);
  while ((step = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 sidecar_id = sqlite3_column_int64 (stmt, 0);
      const char *sidecar = g_hash_table_lookup (accepted, &sidecar_id);
      const char *tag = (const char *) sqlite3_column_text (stmt, 1);
      const char *text = (const char *) sqlite3_column_text (stmt, 2);
      const char *attributes = (const char *) sqlite3_column_text (stmt, 3);
      GlossLibraryKnown *k;

      if (sidecar == NULL || tag == NULL || text == NULL)
        continue;
      g_string_assign (key, tag);
      g_string_append_c (key, '\n');
      g_string_append (key, text);
      if (g_hash_table_contains (seen, key->str))
        continue;
      g_hash_table_add (seen, g_strndup (key->str, key->len));
      k = g_new0 (GlossLibraryKnown, 1);
      k->sidecar = g_strdup (sidecar);
      k->tag = g_strdup (tag);
      k->text = g_strdup (text);
      k->attributes = g_strdup (attributes != NULL ? attributes : "{}");
      g_ptr_array_add (known, k);
    }
  sqlite3_finalize (stmt);
  if (step != SQLITE_DONE)
    {
      _gloss_library_set_db_error (error, db, database);
      return FALSE;
    }
  return TRUE;
}

/**
 * gloss_library_list_known:
 * @self: a library (its index; its folders do not matter)
 * @article: the article whose folder is read
 * @error: return location for an error
 *
 * The annotations of the sidecars beside @article but its own layers
 * ("ARTICLE.ANNOTATOR.gloss.json"), from the index: each tag and text
 * once, with the attributes of the first; no quote.  The index is opened
 * read-only, never made or rebuilt: without it, of another version, or
 * holding one of those sidecars otherwise than it is on disk (changed,
 * added, removed since the last update), fails with
 * %GLOSS_LIBRARY_ERROR_STALE.  A sidecar the index could not read counts
 * as held, and holds no annotation.
 *
 * Returns: (transfer full) (element-type GlossLibraryKnown): by
 *   sidecar path, or NULL
 */
GPtrArray *
gloss_library_list_known (GlossLibrary  *self,
                          GFile         *article,
                          GError       **error)
{
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GHashTable) stamps = NULL;
  g_autoptr(GHashTable) accepted = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *article_name = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  parent = g_file_get_parent (article);
  dir = parent != NULL ? g_file_get_path (parent) : NULL;
  article_name = g_file_get_basename (article);
  if (dir == NULL || article_name == NULL || !g_file_test (self->database, G_FILE_TEST_IS_REGULAR))
    {
      set_stale (error, self->database, dir != NULL ? dir : "?");
      return NULL;
    }
  /* Stated before the index is read: a sidecar saved meanwhile differs. */
  stamps = stat_sidecars (dir, article_name);

  if (sqlite3_open_v2 (self->database, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      _gloss_library_set_db_error (error, db, self->database);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  if (_gloss_library_user_version (db) != GLOSS_LIBRARY_USER_VERSION)
    {
      sqlite3_close (db);
      set_stale (error, self->database, dir);
      return NULL;
    }

  known = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_known_free);
  accepted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  /* One read transaction: the stamps compared are those of the annotations read. */
  ok = _gloss_library_exec (db, "BEGIN", self->database, error) &&
       compare_sidecars (db, self->database, dir, article_name, stamps, accepted, error) &&
       read_known (db, self->database, dir, accepted, known, error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return ok ? g_steal_pointer (&known) : NULL;
}
