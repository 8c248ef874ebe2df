/* gloss-library-query.c: what the index holds: the articles and
 * their states, broken files, tags and attributes, retrieval across articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-library-private.h"
#include "gloss-sidecar.h"

/* ------------------------------------------------------------------ */
/* Reading the index */

GPtrArray *
gloss_library_list_broken (GlossLibrary  *self,
                           GError       **error)
{
  sqlite3 *db;
  GPtrArray *broken;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  db = _gloss_library_db_open (self->database, error);
  if (db == NULL)
    return NULL;
  broken = _gloss_library_list_broken (db, self->database, (const char * const *) self->folders, error);
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

  db = _gloss_library_db_open (self->database, error);
  if (db == NULL)
    return NULL;

  for (guint f = 0; self->folders[f] != NULL; f++)
    {
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          sqlite3_stmt *stmt = _gloss_library_prepare_in_folder (self, db, queries[q], self->folders[f], error);
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
                  article->path = g_strdup (_gloss_library_column_text (stmt, 1));
                  article->title = g_strdup (_gloss_library_column_text (stmt, 2));
                  article->source = g_strdup (_gloss_library_column_text (stmt, 3));
                  article->date = g_strdup (_gloss_library_column_text (stmt, 4));
                  article->length = sqlite3_column_int (stmt, 5);
                  article->sha256 = g_strdup (_gloss_library_column_text (stmt, 6));
                  article->error = g_strdup (_gloss_library_column_text (stmt, 7));
                  article->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_library_count_free);
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
                  g_ptr_array_add (names, g_strdup (_gloss_library_column_text (stmt, 1)));
                  if (sqlite3_column_int (stmt, 2))
                    g_ptr_array_add (done, g_strdup (_gloss_library_column_text (stmt, 1)));
                  g_hash_table_insert (n_sidecars, article,
                                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (n_sidecars, article)) + 1));
                }
              else
                {
                  GlossLibraryCount *count = g_new0 (GlossLibraryCount, 1);

                  count->annotator = g_strdup (_gloss_library_column_text (stmt, 1));
                  count->tag = g_strdup (_gloss_library_column_text (stmt, 2));
                  count->count = sqlite3_column_int (stmt, 3);
                  article->n_annotations += count->count;
                  g_ptr_array_add (article->counts, count);
                }
            }
          sqlite3_finalize (stmt);
          if (rc != SQLITE_DONE)
            {
              _gloss_library_set_db_error (error, db, self->database);
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
  return _gloss_library_compare_hits (a, b);
}

static GStrv
list_strings (GlossLibrary  *self,
              const char    *sql,
              const char    *parameter,
              GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  sqlite3 *db = _gloss_library_db_open (self->database, error);

  if (db == NULL)
    return NULL;
  for (guint f = 0; self->folders[f] != NULL; f++)
    {
      sqlite3_stmt *stmt = _gloss_library_prepare_in_folder (self, db, sql, self->folders[f], error);
      int rc;

      if (stmt == NULL)
        {
          sqlite3_close (db);
          return NULL;
        }
      if (parameter != NULL)
        sqlite3_bind_text (stmt, 3, parameter, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (_gloss_library_column_text (stmt, 0) != NULL && !g_hash_table_contains (seen, _gloss_library_column_text (stmt, 0)))
          g_hash_table_add (seen, g_strdup (_gloss_library_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _gloss_library_set_db_error (error, db, self->database);
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

/* Whether @text has @quote at [@from, @to) (code points); no quote recorded
 * says nothing against it. */
static gboolean
covers (const char *text,
        guint       from,
        guint       to,
        const char *quote)
{
  const char *s, *e;

  if (quote == NULL || *quote == '\0')
    return TRUE;
  s = g_utf8_offset_to_pointer (text, from);
  e = g_utf8_offset_to_pointer (s, to - from);
  return (gsize) (e - s) == strlen (quote) && strncmp (s, quote, e - s) == 0;
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
  g_autoptr(GString) unfolded = g_string_new (NULL);
  const char *sql =
    "SELECT a.path, n.uuid, n.annotator, n.tag, n.start, n.end, n.text, n.attributes, t.unfold, f.folded "
    "FROM annotations n JOIN articles a ON a.id = n.article_id LEFT JOIN texts t ON t.id = n.article_id "
    "LEFT JOIN text_fts f ON f.rowid = n.article_id "
    "WHERE a.path >= ?1 AND a.path < ?2 AND n.tag = ?3 ORDER BY a.path, n.start";
  sqlite3 *db;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  db = _gloss_library_db_open (self->database, error);
  if (db == NULL)
    return NULL;
  for (guint f = 0; self->folders[f] != NULL; f++)
    {
      sqlite3_stmt *stmt = _gloss_library_prepare_in_folder (self, db, sql, self->folders[f], error);
      int rc;

      if (stmt == NULL)
        {
          sqlite3_close (db);
          return NULL;
        }
      sqlite3_bind_text (stmt, 3, tag, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GlossLibraryHit fields = { 0 }, *hit = &fields;
          const char *folded = _gloss_library_column_text (stmt, 9);
          const char *text = folded == NULL ? NULL :
            _gloss_library_unfold (unfolded, folded, sqlite3_column_blob (stmt, 8), sqlite3_column_bytes (stmt, 8));
          guint from = sqlite3_column_int (stmt, 4);
          guint to = sqlite3_column_int (stmt, 5);

          hit->article = g_strdup (_gloss_library_column_text (stmt, 0));
          hit->kind = GLOSS_LIBRARY_HIT_ANNOTATION;
          hit->annotation = g_strdup (_gloss_library_column_text (stmt, 1));
          hit->annotator = g_strdup (_gloss_library_column_text (stmt, 2));
          hit->tag = g_strdup (_gloss_library_column_text (stmt, 3));
          hit->start = from;
          hit->end = to;
          hit->field = g_strdup ("text");
          hit->match = _gloss_library_flatten (g_strdup (_gloss_library_column_text (stmt, 6) ? _gloss_library_column_text (stmt, 6) : ""));
          /* The context comes from the article as indexed, where the
           * annotation was placed: only where its text is (an orphan keeps
           * the offsets of a passage since deleted, which cut the context
           * from whatever is there now). */
          if (text != NULL && to <= g_utf8_strlen (text, -1) && from <= to &&
              covers (text, from, to, _gloss_library_column_text (stmt, 6)))
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

                hit->before = _gloss_library_flatten (g_strconcat (before > 0 ? "…" : "", head, NULL));
                hit->after = _gloss_library_flatten (g_strconcat (tail, *a != '\0' ? "…" : "", NULL));
              }
            }
          else
            {
              hit->before = g_strdup ("");
              hit->after = g_strdup ("");
            }
          if (attribute != NULL && _gloss_library_column_text (stmt, 7) != NULL)
            {
              g_autoptr(JsonParser) parser = json_parser_new ();

              if (json_parser_load_from_data (parser, _gloss_library_column_text (stmt, 7), -1, NULL) &&
                  JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
                {
                  JsonObject *attributes = json_node_get_object (json_parser_get_root (parser));
                  JsonNode *value = json_object_get_member (attributes, attribute);

                  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
                    hit->group = g_strdup (json_node_get_string (value));
                }
            }
          /* As one block, as a search's hits are. */
          g_ptr_array_add (hits, gloss_library_hit_copy (hit));
          _gloss_library_hit_clear (hit);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _gloss_library_set_db_error (error, db, self->database);
          sqlite3_close (db);
          return NULL;
        }
    }
  sqlite3_close (db);

  g_ptr_array_sort (hits, attribute != NULL ? compare_retrieved : _gloss_library_compare_hits);
  return g_steal_pointer (&hits);
}
