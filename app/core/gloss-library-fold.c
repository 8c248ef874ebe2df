/* gloss-library-fold.c: the index's own table of Han folds, for its searches
 *
 * A search must fold its query, and the annotation values it looks through,
 * exactly as the texts were folded when they were indexed (gloss-fold.c).
 * The fold of a Han character comes from OpenCC, whose dictionaries take
 * 3–4 ms to load, and whose C++ runtime takes as long again to link in: a
 * search would pay both for every query.  So the index keeps, in its table
 * `fold`, the fold of every Han character that folding changes (about
 * 3 000), written once by the update that writes the first text (which folds
 * with OpenCC anyway: gloss-library-update.c), and a search folds through it.
 * The query is then folded as the index's texts were, whichever OpenCC wrote
 * them, and gloss-cli's small program links no OpenCC at all.
 *
 * An empty table folds Han characters to themselves: an index with no text
 * yet, or one written without OpenCC's dictionaries, whose texts are
 * unfolded too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "gloss-library-private.h"

typedef struct
{
  gunichar2 code;
  gunichar2 folded;
} Pair;

struct _GlossLibraryFold
{
  GArray *pairs;   /* (element-type Pair), by code */
};

/**
 * _gloss_library_fold_load:
 * @db: an index
 * @database: its path, for errors
 * @error: return location for an error
 *
 * Returns: (transfer full): the index's Han folds, or NULL
 */
GlossLibraryFold *
_gloss_library_fold_load (sqlite3     *db,
                          const char  *database,
                          GError     **error)
{
  g_autoptr(GArray) pairs = g_array_sized_new (FALSE, FALSE, sizeof (Pair), 4096);
  sqlite3_stmt *stmt = NULL;
  GlossLibraryFold *fold;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT code, folded FROM fold ORDER BY code", -1, &stmt, NULL) != SQLITE_OK)
    {
      _gloss_library_set_db_error (error, db, database);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 code = sqlite3_column_int64 (stmt, 0);
      sqlite3_int64 folded = sqlite3_column_int64 (stmt, 1);
      Pair pair;

      /* The update writes only these; anything else is not ours to trust. */
      if (code <= 0 || code > 0xFFFF || folded <= 0 || folded > 0xFFFF)
        continue;
      pair.code = code;
      pair.folded = folded;
      g_array_append_val (pairs, pair);
    }
  if (rc != SQLITE_DONE)
    {
      _gloss_library_set_db_error (error, db, database);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  fold = g_new0 (GlossLibraryFold, 1);
  fold->pairs = g_steal_pointer (&pairs);
  return fold;
}

void
_gloss_library_fold_free (GlossLibraryFold *fold)
{
  if (fold == NULL)
    return;
  g_array_unref (fold->pairs);
  g_free (fold);
}

static gunichar
fold_han (gconstpointer data,
          gunichar      c)
{
  const GlossLibraryFold *fold = data;
  const Pair *pairs = (const Pair *) (gpointer) fold->pairs->data;
  guint low = 0, high = fold->pairs->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (pairs[middle].code == c)
        return pairs[middle].folded;
      if (pairs[middle].code < c)
        low = middle + 1;
      else
        high = middle;
    }
  return c;
}

static gunichar
fold_char (gconstpointer data,
           gunichar      c)
{
  return c > 0xFFFF ? c : gloss_fold_bmp_with (c, fold_han, data);
}

/**
 * _gloss_library_fold_char:
 * @fold: the index's Han folds
 * @c: a code point
 *
 * Returns: gloss_fold_char() of @c, as the index's texts were folded
 */
gunichar
_gloss_library_fold_char (const GlossLibraryFold *fold,
                          gunichar                c)
{
  return fold_char (fold, c);
}

/**
 * _gloss_library_fold_text:
 * @fold: the index's Han folds
 * @text: valid UTF-8
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Returns: (transfer full): gloss_fold() of @text, as the index's texts were
 *   folded
 */
char *
_gloss_library_fold_text (const GlossLibraryFold *fold,
                          const char             *text,
                          gssize                  length)
{
  return gloss_fold_text_with (text, length, fold_char, fold);
}
