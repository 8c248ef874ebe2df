/* gloss-library-update.c: bringing the index up to date with the folders
 *
 * What changed is read outside any transaction (gloss-library-scan.c) and
 * written batch by batch, each batch one transaction, so that two processes
 * can index the same folders at once (WAL, busy timeout).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-library-private.h"
#include "gloss-task.h"

#define BATCH_SIZE 200

/* ------------------------------------------------------------------ */
/* Writing */

typedef struct
{
  sqlite3      *db;
  const char   *path;
  sqlite3_stmt *find_article;
  sqlite3_stmt *delete_article;
  sqlite3_stmt *delete_bigrams;
  sqlite3_stmt *delete_text;
  sqlite3_stmt *delete_canonical;
  sqlite3_stmt *delete_article_annotations_fts;
  sqlite3_stmt *delete_article_annotations;
  sqlite3_stmt *delete_article_sidecars;
  sqlite3_stmt *delete_sidecar;
  sqlite3_stmt *insert_article;
  sqlite3_stmt *insert_text;
  sqlite3_stmt *insert_bigrams;
  sqlite3_stmt *insert_canonical;
  sqlite3_stmt *insert_sidecar;
  sqlite3_stmt *insert_annotation;
  sqlite3_stmt *insert_annotation_fts;
  sqlite3_stmt *touch_article;
  sqlite3_stmt *touch_sidecar;
  sqlite3_stmt *count_folds;
  sqlite3_stmt *insert_fold;
  gboolean      folds_written;
} Writer;

#define WRITER_STATEMENTS(X) \
  X (find_article, "SELECT id FROM articles WHERE path = ?1") \
  X (delete_article, "DELETE FROM articles WHERE id = ?1") \
  X (delete_bigrams, "INSERT INTO text_bigrams (text_bigrams, rowid, grams) " \
                     "SELECT 'delete', rowid, gloss_bigrams (folded) FROM text_fts WHERE rowid = ?1") \
  X (delete_text, "DELETE FROM text_fts WHERE rowid = ?1") \
  X (delete_canonical, "DELETE FROM texts WHERE id = ?1") \
  X (delete_article_annotations_fts, "DELETE FROM annotation_fts WHERE rowid IN (SELECT id FROM annotations WHERE article_id = ?1)") \
  X (delete_article_annotations, "DELETE FROM annotations WHERE article_id = ?1") \
  X (delete_article_sidecars, "DELETE FROM sidecars WHERE article_id = ?1") \
  X (delete_sidecar, "DELETE FROM sidecars WHERE path = ?1") \
  X (insert_article, "INSERT INTO articles (path, size, mtime, file_sha256, title, source, url, date, length, sha256, error) " \
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)") \
  X (insert_text, "INSERT INTO text_fts (rowid, folded) VALUES (?1, ?2)") \
  X (insert_bigrams, "INSERT INTO text_bigrams (rowid, grams) VALUES (?1, gloss_bigrams (?2))") \
  X (insert_canonical, "INSERT INTO texts (id, unfold) VALUES (?1, ?2)") \
  X (insert_sidecar, "INSERT INTO sidecars (article_id, path, size, mtime, file_sha256, annotator, name, done, error) " \
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
  X (insert_annotation, "INSERT INTO annotations (article_id, sidecar_id, uuid, annotator, tag, start, end, text, note, attributes) " \
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") \
  X (insert_annotation_fts, "INSERT INTO annotation_fts (rowid, folded) VALUES (?1, ?2)") \
  X (touch_article, "UPDATE articles SET size = ?2, mtime = ?3 WHERE path = ?1") \
  X (touch_sidecar, "UPDATE sidecars SET size = ?2, mtime = ?3 WHERE path = ?1") \
  X (count_folds, "SELECT EXISTS (SELECT 1 FROM fold)") \
  X (insert_fold, "INSERT INTO fold (code, folded) VALUES (?1, ?2)")

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
      _gloss_library_set_db_error (error, db, path); \
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
      _gloss_library_set_db_error (error, w->db, w->path);
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
    /* A contentless table forgets a text given the text: before text_fts. */
    w->delete_article_sidecars, w->delete_bigrams, w->delete_text, w->delete_canonical, w->delete_article,
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
      _gloss_library_set_db_error (error, w->db, w->path);
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
          g_autoptr(GByteArray) unfold = _gloss_library_unfold_patch (r->text, r->folded);

          sqlite3_bind_int64 (w->insert_text, 1, article_id);
          sqlite3_bind_text (w->insert_text, 2, r->folded, -1, SQLITE_STATIC);
          if (!run (w, w->insert_text, error))
            return FALSE;
          sqlite3_bind_int64 (w->insert_bigrams, 1, article_id);
          sqlite3_bind_text (w->insert_bigrams, 2, r->folded, -1, SQLITE_STATIC);
          if (!run (w, w->insert_bigrams, error))
            return FALSE;
          sqlite3_bind_int64 (w->insert_canonical, 1, article_id);
          if (unfold != NULL)
            sqlite3_bind_blob (w->insert_canonical, 2, unfold->data, unfold->len, SQLITE_STATIC);
          else
            sqlite3_bind_null (w->insert_canonical, 2);
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

/* The Han folds the texts are written with, for the searches to fold
 * their queries alike (gloss-library-fold.c): written with the index's
 * first text, and kept as long as the index. */
static gboolean
write_folds (Writer  *w,
             GError **error)
{
  gboolean written;

  if (w->folds_written)
    return TRUE;
  if (sqlite3_step (w->count_folds) != SQLITE_ROW)
    {
      _gloss_library_set_db_error (error, w->db, w->path);
      sqlite3_reset (w->count_folds);
      return FALSE;
    }
  written = sqlite3_column_int (w->count_folds, 0) != 0;
  sqlite3_reset (w->count_folds);
  for (gunichar c = 0x2E80; !written && c <= 0xFAFF; c++)
    {
      gunichar folded;

      if (!gloss_fold_is_han (c) || (folded = gloss_fold_char (c)) == c)
        continue;
      sqlite3_bind_int (w->insert_fold, 1, c);
      sqlite3_bind_int (w->insert_fold, 2, folded);
      if (!run (w, w->insert_fold, error))
        return FALSE;
    }
  w->folds_written = TRUE;
  return TRUE;
}

static gboolean
write_batch (Writer     *w,
             GPtrArray  *records,
             GPtrArray  *gone_articles,
             GPtrArray  *gone_sidecars,
             GError    **error)
{
  if (!_gloss_library_exec (w->db, "BEGIN IMMEDIATE", w->path, error))
    return FALSE;

  if (records->len > 0 && !write_folds (w, error))
    goto fail;
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

  if (_gloss_library_exec (w->db, "COMMIT", w->path, error))
    return TRUE;

fail:
  sqlite3_exec (w->db, "ROLLBACK", NULL, NULL, NULL);
  w->folds_written = FALSE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Update */

static gboolean
count_folder (sqlite3           *db,
              const char        *database,
              const char        *folder,
              GlossLibraryStats *stats,
              GError           **error)
{
  g_autofree char *start = _gloss_library_range_start (folder);
  g_autofree char *end = _gloss_library_range_end (folder);
  const char *sql =
    "SELECT (SELECT count(*) FROM articles WHERE path >= ?1 AND path < ?2 AND error IS NULL),"
    "       (SELECT count(*) FROM sidecars WHERE path >= ?1 AND path < ?2 AND error IS NULL),"
    "       (SELECT count(*) FROM annotations n JOIN articles a ON a.id = n.article_id WHERE a.path >= ?1 AND a.path < ?2)";
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _gloss_library_set_db_error (error, db, database);
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
    _gloss_library_set_db_error (error, db, database);
  sqlite3_finalize (stmt);
  return ok;
}

GPtrArray *
_gloss_library_list_broken (sqlite3     *db,
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
      g_autofree char *start = _gloss_library_range_start (folders[f]);
      g_autofree char *end = _gloss_library_range_end (folders[f]);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          _gloss_library_set_db_error (error, db, database);
          return NULL;
        }
      sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (broken, _gloss_library_broken_new (_gloss_library_column_text (stmt, 0), _gloss_library_column_text (stmt, 1)));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _gloss_library_set_db_error (error, db, database);
          return NULL;
        }
    }
  return g_steal_pointer (&broken);
}

/* Reads what @plan found changed and writes it, batch by batch.  Returns
 * the number of articles read again, or -1. */
gint64
_gloss_library_plan_apply (GlossLibrary             *self,
            sqlite3                  *db,
            Plan                     *plan,
            GlossLibraryProgressFunc  progress,
            gpointer                  user_data,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_library_article_record_free);
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
      g_ptr_array_add (batch, _gloss_library_read_group (g_ptr_array_index (todo, i), plan->stored_articles, plan->stored_sidecars));
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

  _gloss_library_plan_init (&plan);
  if (!_gloss_library_plan_walk ((const char * const *) self->folders, &plan, error) ||
      !_gloss_library_plan_load (self, db, &plan, error))
    return NULL;
  _gloss_library_plan_compare (&plan);
  read = _gloss_library_plan_apply (self, db, &plan, progress, user_data, cancellable, error);
  if (read < 0)
    return NULL;
  stats->read = read;

  /* A folder that went away while it was read leaves its files listed as
   * unreadable: say why, once.  The next update finds what is there. */
  for (guint f = 0; self->folders[f] != NULL; f++)
    if (!g_file_test (self->folders[f], G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER,
                     _("%s: the folder disappeared while it was being indexed"), self->folders[f]);
        return NULL;
      }
  for (guint f = 0; self->folders[f] != NULL; f++)
    if (!count_folder (db, self->database, self->folders[f], stats, error))
      return NULL;
  stats->broken = _gloss_library_list_broken (db, self->database, (const char * const *) self->folders, error);
  if (stats->broken == NULL)
    return NULL;
  return g_steal_pointer (&stats);
}

/* An update of @dirs alone (gloss-library-watch.c: the folders where its
 * events were), reading again at least the files of @suspects.  Only when
 * the folders are there and walked: otherwise the caller updates all. */
gboolean
_gloss_library_update_dirs (GlossLibrary        *self,
                            const char * const  *dirs,
                            GHashTable          *suspects,
                            GError             **error)
{
  g_auto(Plan) plan = { 0 };
  gboolean ok;
  sqlite3 *db;

  db = _gloss_library_db_open (self->database, error);
  if (db == NULL)
    return FALSE;
  _gloss_library_plan_init (&plan);
  ok = _gloss_library_plan_dirs (self, db, dirs, suspects, &plan, error);
  if (ok)
    {
      _gloss_library_plan_compare (&plan);
      ok = _gloss_library_plan_apply (self, db, &plan, NULL, NULL, NULL, error) >= 0;
    }
  sqlite3_close (db);
  return ok;
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
      g_autofree char *why = NULL;

      db = _gloss_library_db_open (self->database, error);
      if (db == NULL)
        return NULL;
      stats = update_folder_set (self, db, progress, user_data, cancellable, &local);
      if (stats == NULL && _gloss_library_is_damaged (db))
        why = g_strdup (sqlite3_errmsg (db));
      sqlite3_close (db);
      if (stats != NULL)
        break;
      /* A page went bad under us: it is only a cache, start it again. */
      if (attempt == 0 && why != NULL && g_error_matches (local, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_DATABASE))
        {
          _gloss_library_discard (self->database, why);
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
  gloss_task_run_in_thread (task, update_thread);
}

GlossLibraryStats *
gloss_library_update_finish (GlossLibrary  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
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
 * gloss_library_update_and_search()).  A query that meets a damaged page
 * makes the index again from the files (saying so), then searches it.
 * Here rather than beside the search: the small gloss-cli links no update.
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
  g_autoptr(GError) local = NULL;
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autofree char *damage = NULL;
  GPtrArray *hits;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = _gloss_library_search_index (self, query, tags, annotators, limit, &damage, &local);
  if (hits != NULL || damage == NULL)
    {
      if (hits == NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return hits;
    }
  _gloss_library_discard (self->database, damage);
  g_clear_pointer (&damage, g_free);
  stats = gloss_library_update (self, NULL, NULL, NULL, error);
  if (stats == NULL)
    return NULL;
  return _gloss_library_search_index (self, query, tags, annotators, limit, &damage, error);
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
  gboolean damaged;
  GPtrArray *hits;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = _gloss_library_search_fresh (self, query, tags, annotators, limit,
                                      _gloss_library_plan_apply, &damaged, &local);
  if (hits != NULL || !damaged)
    {
      if (hits == NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return hits;
    }
  /* A damaged index, a busy one: the long way knows how to heal. */
  g_debug ("%s", local->message);
  stats = gloss_library_update (self, NULL, NULL, NULL, error);
  if (stats == NULL)
    return NULL;
  return gloss_library_search (self, query, tags, annotators, limit, error);
}
