/* gloss-library-search.c: finding text and annotations across the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-fold.h"
#include "gloss-library-private.h"
#include "gloss-sidecar.h"
#include "gloss-string-private.h"

/* ------------------------------------------------------------------ */
/* Search */

char *
_gloss_library_flatten (char *text)
{
  for (char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return text;
}

/* The continuation bytes (10xxxxxx) among the 8 bytes at @p, one high bit
 * each: a search steps through every text it finds, 8 bytes at a time. */
static inline guint64
continuation_bits (const char *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return word & ~(word << 1) & G_GUINT64_CONSTANT (0x8080808080808080);
}

/* How many characters start among the 8 bytes at @p. */
static inline guint
leads_in_word (const char *p)
{
  /* One bit per continuation byte, moved to the bottom of its byte, summed
   * into the top byte by the multiplication. */
  return 8 - (guint) (((continuation_bits (p) >> 7) * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

/* Code points in [@from, @to), counted without decoding. */
static glong
count_chars (const char *from,
             const char *to)
{
  const char *p = from;
  glong n = 0;

  for (; to - p >= 8; p += 8)
    n += leads_in_word (p);
  for (; p < to; p++)
    n += (*p & 0xC0) != 0x80;
  return n;
}

/* The character @n characters after @p (a character's first byte), or
 * @end: g_utf8_offset_to_pointer() 8 bytes at a time. */
static const char *
skip_chars (const char *p,
            const char *end,
            glong       n)
{
  for (guint leads; end - p >= 8 && (leads = leads_in_word (p)) <= n; p += 8)
    n -= leads;
  for (; p < end; p++)
    if ((*p & 0xC0) != 0x80 && n-- == 0)
      break;
  return p;
}

/* The unfold patch of a text: how to turn its folded form back into it.
 * Folding maps each code point to one code point, and most to themselves:
 * the patch lists the others, each as the number of code points kept since
 * the last (a varint) and the text's character.  Its first byte says what
 * follows: UNFOLD_CHANGES those, UNFOLD_TEXT the text itself (should the
 * two ever not have the same code points).  NULL when @text is @folded. */
enum { UNFOLD_CHANGES = 1, UNFOLD_TEXT = 2 };

static void
put_varint (GByteArray *patch,
            guint       value)
{
  for (; value >= 0x80; value >>= 7)
    g_byte_array_append (patch, (guint8[]) { (value & 0x7F) | 0x80 }, 1);
  g_byte_array_append (patch, (guint8[]) { value }, 1);
}

GByteArray *
_gloss_library_unfold_patch (const char *text,
                             const char *folded)
{
  GByteArray *patch = NULL;
  const char *t = text, *f = folded;
  guint kept = 0;

  for (; *t != '\0' && *f != '\0'; t = g_utf8_next_char (t), f = g_utf8_next_char (f))
    {
      guint length = g_utf8_skip[*(const guchar *) t];

      if (length == (guint) g_utf8_skip[*(const guchar *) f] && memcmp (t, f, length) == 0)
        {
          kept++;
          continue;
        }
      if (patch == NULL)
        patch = g_byte_array_append (g_byte_array_new (), (guint8[]) { UNFOLD_CHANGES }, 1);
      put_varint (patch, kept);
      g_byte_array_append (patch, (const guint8 *) t, length);
      kept = 0;
    }
  if (*t != '\0' || *f != '\0')
    {
      g_clear_pointer (&patch, g_byte_array_unref);
      patch = g_byte_array_append (g_byte_array_new (), (guint8[]) { UNFOLD_TEXT }, 1);
      g_byte_array_append (patch, (const guint8 *) text, strlen (text));
    }
  return patch;
}

/* The text whose folded form is @folded, from its unfold patch, into @out;
 * returns @out's text.  A patch cut short stops where it is cut. */
const char *
_gloss_library_unfold (GString      *out,
                       const char   *folded,
                       const guint8 *patch,
                       gsize         patch_length)
{
  const guint8 *p = patch, *end = patch + patch_length;
  const char *f = folded;
  const char *folded_end = folded + strlen (folded);

  g_string_truncate (out, 0);
  if (patch == NULL || patch_length == 0)
    return g_string_append_len (out, folded, folded_end - folded)->str;
  if (*p++ == UNFOLD_TEXT)
    return g_string_append_len (out, (const char *) p, end - p)->str;
  while (p < end)
    {
      guint kept = 0, length;
      const char *next;

      for (guint shift = 0; p < end && shift < 32; shift += 7)
        {
          kept |= (guint) (*p & 0x7F) << shift;
          if ((*p++ & 0x80) == 0)
            break;
        }
      if (p >= end)
        break;
      next = skip_chars (f, folded_end, kept);
      g_string_append_len (out, f, next - f);
      length = MIN ((gsize) g_utf8_skip[*p], (gsize) (end - p));
      g_string_append_len (out, (const char *) p, length);
      p += length;
      f = next < folded_end ? g_utf8_next_char (next) : folded_end;
    }
  return g_string_append_len (out, f, folded_end - f)->str;
}

/* Whether @a and @b, both @length bytes, have their characters at the same
 * bytes: then an occurrence in the folded text is at the same byte of the
 * text, as for most articles (folding rarely changes a character's length). */
static gboolean
same_layout (const char *a,
             const char *b,
             gsize       length)
{
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    if (continuation_bits (a + i) != continuation_bits (b + i))
      return FALSE;
  for (; i < length; i++)
    if (((a[i] & 0xC0) == 0x80) != ((b[i] & 0xC0) == 0x80))
      return FALSE;
  return TRUE;
}

/* _gloss_library_flatten() of the @length bytes at @p, 8 at a time: a word
 * with no byte below 0x0E (tab, line feed and carriage return are 9, 10
 * and 13) is passed over whole. */
static void
flatten_bytes (char  *p,
               gsize  length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  char *end = p + length;

  for (; end - p >= 8; p += 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (((word - ones * 0x0E) & ~word & (ones * 0x80)) == 0)
        continue;
      for (guint i = 0; i < 8; i++)
        if (p[i] == '\n' || p[i] == '\r' || p[i] == '\t')
          p[i] = ' ';
    }
  for (; p < end; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
}

/* @prefix, the bytes [@from, @to) and @suffix at *@p, line breaks and tabs
 * as spaces; *@p moved past them. */
static char *
put_part (char       **p,
          const char  *prefix,
          const char  *from,
          const char  *to,
          const char  *suffix)
{
  char *part = *p;
  gsize prefix_length = strlen (prefix);
  gsize length = to - from;
  gsize suffix_length = strlen (suffix);

  memcpy (part, prefix, prefix_length);
  memcpy (part + prefix_length, from, length);
  memcpy (part + prefix_length + length, suffix, suffix_length + 1);
  *p += prefix_length + length + suffix_length + 1;
  flatten_bytes (part, prefix_length + length + suffix_length);
  return part;
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
                  GlossHitArena   *arena,
                  GPtrArray       *hits)
{
  const char *from = folded;
  const char *last_folded = folded;
  const char *last_text = text;
  glong last_offset = 0;
  gsize needle_bytes = strlen (needle);
  gsize text_bytes = 0;
  const char *text_end = NULL;
  int same = -1;   /* not known yet */
  const char *found;

  while ((found = strstr (from, needle)) != NULL)
    {
      GlossLibraryHit *hit;
      glong offset;
      const char *match_start, *match_end, *before_start, *after_end;

      if (same < 0)
        {
          text_bytes = strlen (text);
          text_end = text + text_bytes;
          same = text_bytes == strlen (folded) && same_layout (text, folded, text_bytes);
        }

      offset = last_offset + count_chars (last_folded, found);
      if (same)
        {
          match_start = text + (found - folded);
          match_end = match_start + needle_bytes;
        }
      else
        {
          /* Walk both texts in step: same code points, not the same bytes. */
          match_start = skip_chars (last_text, text_end, offset - last_offset);
          match_end = skip_chars (match_start, text_end, needle_length);
        }
      last_folded = found;
      last_text = match_start;
      last_offset = offset;
      if (match_end > text_end)
        match_end = text_end;

      before_start = match_start;
      for (guint i = 0; i < SNIPPET_CONTEXT && before_start > text; i++)
        before_start = g_utf8_prev_char (before_start);
      after_end = match_end;
      for (guint i = 0; i < SNIPPET_CONTEXT && after_end < text_end; i++)
        after_end = g_utf8_next_char (after_end);

      {
        const char *ellipsis_before = before_start > text ? "…" : "";
        const char *ellipsis_after = after_end < text_end ? "…" : "";
        char *space;

        /* The hit and its strings in one block, the snippet's parts last. */
        hit = _gloss_library_hit_alloc (template, strlen (ellipsis_before) + strlen (ellipsis_after) +
                                        (after_end - before_start) + 3, arena, &space);
        hit->before = put_part (&space, ellipsis_before, before_start, match_start, "");
        hit->match = put_part (&space, "", match_start, match_end, "");
        hit->after = put_part (&space, "", match_end, after_end, ellipsis_after);
      }
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
      g_ptr_array_add (hits, hit);
      from = found + needle_bytes;
    }
}

/* A character folding changed: at code point @at of the text, the text has
 * @bytes (@length of them) where its folded form has another character. */
typedef struct
{
  glong         at;
  const guint8 *bytes;
  guint         length;
} Change;

/* The changes of an unfold patch (_gloss_library_unfold_patch()) into
 * @changes, in order.  FALSE when the patch holds the whole text instead. */
static gboolean
read_changes (GArray       *changes,
              const guint8 *patch,
              gsize         patch_length)
{
  const guint8 *p = patch, *end = patch + patch_length;
  glong at = 0;
  guint n = 0;

  g_array_set_size (changes, 0);
  if (patch == NULL || patch_length == 0)
    return TRUE;
  if (*p++ != UNFOLD_CHANGES)
    return FALSE;
  /* Each change takes two bytes or more: room for all of them at once, not
   * a call to append each (a text has hundreds, its full-width commas). */
  g_array_set_size (changes, patch_length / 2);
  while (p < end)
    {
      Change change;
      guint kept = 0;

      for (guint shift = 0; p < end && shift < 32; shift += 7)
        {
          kept |= (guint) (*p & 0x7F) << shift;
          if ((*p++ & 0x80) == 0)
            break;
        }
      if (p >= end)
        break;
      change.at = at + kept;
      change.bytes = p;
      change.length = MIN ((gsize) g_utf8_skip[*p], (gsize) (end - p));
      g_array_index (changes, Change, n++) = change;
      p += change.length;
      at = change.at + 1;
    }
  g_array_set_size (changes, n);
  return TRUE;
}

/* Appends to @out the text of code points [@at, @until), whose folded form
 * is the bytes [@from, @to): the folded bytes but where @changes (from
 * *@next on, which moves past those used) say otherwise. */
static void
append_unfolded (GString      *out,
                 const char   *from,
                 const char   *to,
                 glong         at,
                 glong         until,
                 const GArray *changes,
                 guint        *next)
{
  while (*next < changes->len && g_array_index (changes, Change, *next).at < at)
    (*next)++;
  for (; *next < changes->len; (*next)++)
    {
      const Change *change = &g_array_index (changes, Change, *next);
      const char *changed;

      if (change->at >= until)
        break;
      changed = skip_chars (from, to, change->at - at);
      if (changed >= to)
        break;
      gloss_string_append_run (out, from, changed - from);
      gloss_string_append_run (out, (const char *) change->bytes, change->length);
      from = g_utf8_next_char (changed);
      at = change->at + 1;
    }
  gloss_string_append_run (out, from, to - from);
}

/* find_occurrences() for an article's text known by its folded form and
 * its @changes alone: each snippet is unfolded, not the whole text (a
 * common word's 31 000 snippets are a twentieth of the 30 MB of texts). */
static void
find_text_occurrences (const char      *folded,
                       const GArray    *changes,
                       const char      *needle,
                       glong            needle_length,
                       GlossLibraryHit *template,
                       GString         *scratch,
                       GlossHitArena   *arena,
                       GPtrArray       *hits)
{
  const char *from = folded;
  const char *last = folded;
  const char *folded_end = NULL;
  gsize needle_bytes = strlen (needle);
  glong offset = 0;
  guint next = 0;
  const char *found;

  while ((found = strstr (from, needle)) != NULL)
    {
      const char *before_start = found, *match_end = found + needle_bytes, *after_end = match_end;
      glong before = 0, after = 0;
      gsize parts[3];
      GlossLibraryHit *hit;
      char *space;

      if (folded_end == NULL)
        folded_end = folded + strlen (folded);
      offset += count_chars (last, found);
      last = found;
      /* g_utf8_prev_char() without the call: back to the previous lead byte. */
      for (; before < SNIPPET_CONTEXT && before_start > folded; before++)
        do
          before_start--;
        while (before_start > folded && (*before_start & 0xC0) == 0x80);
      for (; after < SNIPPET_CONTEXT && after_end < folded_end; after++)
        after_end = g_utf8_next_char (after_end);

      /* Snippets may overlap: the changes the last one used may serve again. */
      while (next > 0 && g_array_index (changes, Change, next - 1).at >= offset - before)
        next--;
      g_string_truncate (scratch, 0);
      if (before_start > folded)
        g_string_append (scratch, "…");
      append_unfolded (scratch, before_start, found, offset - before, offset, changes, &next);
      parts[0] = scratch->len;
      append_unfolded (scratch, found, match_end, offset, offset + needle_length, changes, &next);
      parts[1] = scratch->len;
      append_unfolded (scratch, match_end, after_end, offset + needle_length,
                       offset + needle_length + after, changes, &next);
      if (after_end < folded_end)
        g_string_append (scratch, "…");
      parts[2] = scratch->len;

      /* The hit and its strings in one block, the snippet's parts last. */
      hit = _gloss_library_hit_alloc (template, scratch->len + 3, arena, &space);
      hit->before = put_part (&space, "", scratch->str, scratch->str + parts[0], "");
      hit->match = put_part (&space, "", scratch->str + parts[0], scratch->str + parts[1], "");
      hit->after = put_part (&space, "", scratch->str + parts[1], scratch->str + parts[2], "");
      hit->start = offset;
      hit->end = offset + needle_length;
      g_ptr_array_add (hits, hit);
      from = match_end;
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

gint
_gloss_library_compare_hits (gconstpointer a,
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

/* What a folder's texts are searched with: the statement's text and its
 * parameters. */
typedef struct
{
  const char *sql;
  const char *start;       /* ?1, ?2: the folder's range of paths */
  const char *end;
  const char *match;       /* ?3 */
  gboolean    by_rowid;    /* ?4, ?5: rowids from, until */
  const char *needle;
  glong       needle_length;
} TextQuery;

/* The texts @query finds with rowids in [@from, @until), their hits added
 * to @hits.  Returns SQLite's last result: SQLITE_DONE when all went well. */
static int
scan_texts (sqlite3         *db,
            const TextQuery *query,
            gint64           from,
            gint64           until,
            GlossHitArena   *arena,
            GPtrArray       *hits)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, query->sql, -1, &stmt, NULL)) != SQLITE_OK)
    return rc;
  sqlite3_bind_text (stmt, 1, query->start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, query->end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, query->match, -1, SQLITE_STATIC);
  if (query->by_rowid)
    {
      sqlite3_bind_int64 (stmt, 4, from);
      sqlite3_bind_int64 (stmt, 5, until);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossLibraryHit template = { 0 };
      const char *folded = _gloss_library_column_text (stmt, 2);

      template.article = (char *) _gloss_library_column_text (stmt, 0);
      template.kind = GLOSS_LIBRARY_HIT_TEXT;
      template.field = (char *) "text";

      if (folded == NULL)
        continue;
      if (read_changes (changes, sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1)))
        find_text_occurrences (folded, changes, query->needle, query->needle_length, &template, text, arena, hits);
      else
        find_occurrences (_gloss_library_unfold (text, folded, sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1)),
                          folded, query->needle, query->needle_length, 0, 0, 0, &template, arena, hits);
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* A scan of this many candidate texts or more is shared with a second
 * thread (scan_texts_shared()): 北京's 9 609 texts took 60 % of a search's
 * time in one, and a second connection costs about a millisecond, which a
 * query with a few texts to read would feel. */
#define SHARE_MIN_TEXTS 512

/* The parts a shared scan is cut into, by rowid: each thread takes the next
 * part not taken, so that one that starts late (the walk's, once it has
 * walked) takes fewer. */
#define SCAN_PARTS 8

typedef struct
{
  const char      *database;
  const TextQuery *query;
  gint64           bounds[SCAN_PARTS + 1];  /* part k: rowids [bounds[k], bounds[k + 1]) */
  gint             next;                     /* (atomic) the next part to take */
  gint64           generation;               /* the index's, as the owner reads it */
  GPtrArray       *hits[SCAN_PARTS];         /* each part's, once scanned; NULL: not (well) */
} ScanShare;

/* Where a scan is offered to another thread, and that thread's help
 * waited for. */
typedef struct
{
  GMutex     lock;
  GCond      cond;
  ScanShare *share;     /* the scan under way, or NULL */
  guint      helping;   /* threads at work on it */
} ScanOffer;

/* Cuts the texts @query's bigrams say may hold it into SCAN_PARTS parts of
 * as many candidates each; FALSE when they are too few to share (or on any
 * error: the scan itself will say it). */
static gboolean
cut_parts (sqlite3         *db,
           const TextQuery *query,
           gint64           bounds[SCAN_PARTS + 1])
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  /* detail = none: the candidates are the rowids alone, a few bytes each. */
  if (sqlite3_prepare_v2 (db, "SELECT rowid FROM text_bigrams WHERE text_bigrams MATCH ?1", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query->match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_finalize (stmt);
  if (rowids->len < SHARE_MIN_TEXTS)
    return FALSE;
  /* In rowid order, as FTS5 gives them. */
  bounds[0] = G_MININT64;
  for (guint k = 1; k < SCAN_PARTS; k++)
    bounds[k] = g_array_index (rowids, gint64, (gsize) rowids->len * k / SCAN_PARTS);
  bounds[SCAN_PARTS] = G_MAXINT64;
  return TRUE;
}

/* The index's count of writes, read in @db's transaction, or -1. */
static gint64
read_generation (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 generation = -1;

  if (sqlite3_prepare_v2 (db, "SELECT n FROM generation", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    generation = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return generation;
}

/* Takes and scans parts of @share through @db until none is left. */
static guint
scan_parts (sqlite3       *db,
            ScanShare     *share,
            GlossHitArena *arena)
{
  guint taken = 0;
  gint k;

  while ((k = g_atomic_int_add (&share->next, 1)) < SCAN_PARTS)
    {
      GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_hit_free);

      taken++;
      if (scan_texts (db, share->query, share->bounds[k], share->bounds[k + 1], arena, hits) == SQLITE_DONE)
        share->hits[k] = hits;
      else
        g_ptr_array_unref (hits);
    }
  return taken;
}

/* Helps with the scan @offer holds, if any, through a connection of its
 * own (WAL lets readers be), when that connection reads the state of the
 * index the owner's does: the same count of writes (every write of an
 * article or a sidecar adds to it, in the same transaction). */
static void
scan_offer_help (ScanOffer *offer)
{
  GlossHitArena arena = { 0 };
  ScanShare *share;
  sqlite3 *db;

  g_mutex_lock (&offer->lock);
  share = offer->share;
  if (share != NULL)
    offer->helping++;
  g_mutex_unlock (&offer->lock);
  if (share == NULL)
    return;

  /* Late, with every part taken: no connection for nothing. */
  db = g_atomic_int_get (&share->next) >= SCAN_PARTS ? NULL : _gloss_library_db_open_reader (share->database);
  if (db != NULL && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
    {
      if (read_generation (db) == share->generation)
        g_debug ("a second thread scanned %u of %d parts", scan_parts (db, share, &arena), SCAN_PARTS);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }
  sqlite3_close (db);
  _gloss_library_hit_arena_clear (&arena);

  g_mutex_lock (&offer->lock);
  offer->helping--;
  g_cond_signal (&offer->cond);
  g_mutex_unlock (&offer->lock);
}

static ScanOffer *
scan_offer_new (void)
{
  ScanOffer *offer = g_new0 (ScanOffer, 1);

  g_mutex_init (&offer->lock);
  g_cond_init (&offer->cond);
  return offer;
}

static void
scan_offer_free (ScanOffer *offer)
{
  g_mutex_clear (&offer->lock);
  g_cond_clear (&offer->cond);
  g_free (offer);
}

static gpointer
help_thread (gpointer data)
{
  scan_offer_help (data);
  return NULL;
}

/* scan_texts() over every text, shared with a second thread when there are
 * many: the candidates cut into parts by rowid, each part scanned by the
 * thread that takes it, then their hits in the parts' order, as one scan in
 * rowid order would have made them.  A part the helper did not scan (its
 * connection failed, or read another state of the index) is scanned here.
 * The helper is a thread of its own, or with @offer, the thread that
 * offer's owner has (the walk, which is free once the files are walked:
 * a thread more would only add the cost of its connection then). */
static int
scan_texts_shared (sqlite3         *db,
                   const char      *database,
                   const TextQuery *query,
                   ScanOffer       *offer,
                   GlossHitArena   *arena,
                   GPtrArray       *hits)
{
  ScanShare share = { database, query, { 0 }, 0, -1, { NULL } };
  ScanOffer *own_offer = NULL;
  gboolean own_transaction = FALSE;
  GThread *thread = NULL;
  int rc = SQLITE_DONE;

  if (!query->by_rowid)
    return scan_texts (db, query, G_MININT64, G_MAXINT64, arena, hits);
  /* A snapshot of its own when the caller has none (no update). */
  own_transaction = sqlite3_get_autocommit (db) && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  if (sqlite3_get_autocommit (db) || !cut_parts (db, query, share.bounds) ||
      (share.generation = read_generation (db)) < 0)
    {
      rc = scan_texts (db, query, G_MININT64, G_MAXINT64, arena, hits);
      goto done;
    }

  g_debug ("scanning %s in two threads", query->match);
  if (offer == NULL)
    offer = own_offer = scan_offer_new ();
  g_mutex_lock (&offer->lock);
  offer->share = &share;
  g_mutex_unlock (&offer->lock);
  if (own_offer != NULL)
    thread = g_thread_new ("gloss-library-scan", help_thread, own_offer);

  scan_parts (db, &share, arena);

  /* No part is left to take: no helper may start on this one, and those
   * at work finish their part. */
  g_mutex_lock (&offer->lock);
  offer->share = NULL;
  while (offer->helping > 0)
    g_cond_wait (&offer->cond, &offer->lock);
  g_mutex_unlock (&offer->lock);
  if (thread != NULL)
    g_thread_join (thread);
  g_clear_pointer (&own_offer, scan_offer_free);

  for (guint k = 0; k < SCAN_PARTS; k++)
    {
      if (share.hits[k] != NULL)
        g_ptr_array_extend_and_steal (hits, g_steal_pointer (&share.hits[k]));
      else if (rc == SQLITE_DONE)
        rc = scan_texts (db, query, share.bounds[k], share.bounds[k + 1], arena, hits);
    }

done:
  /* After a failure, the error stays for the caller to read (closing the
   * connection ends the transaction). */
  if (own_transaction && rc == SQLITE_DONE)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return rc;
}

static gboolean
search_folder (sqlite3            *db,
               const char         *database,
               const char         *folder,
               const GlossLibraryFold *fold,
               const char         *needle,
               glong               needle_length,
               gboolean            texts,
               ScanOffer          *offer,
               const char * const *tags,
               const char * const *annotators,
               GlossHitArena      *arena,
               GPtrArray          *hits,
               GError            **error)
{
  g_autofree char *start = _gloss_library_range_start (folder);
  g_autofree char *end = _gloss_library_range_end (folder);
  gboolean scan = needle_length < 3;
  g_autofree char *expression = scan ? NULL : match_expression (needle);
  g_autofree char *bigrams = scan ? _gloss_library_bigram_expression (needle, needle_length) : NULL;
  /* Trigrams cannot find one or two characters: the bigram index says
   * which texts may hold them (find_occurrences() then finds them).  The
   * folded texts come from FTS5's own table of them, text_fts_content
   * (column c0), read as any table: through text_fts each was copied
   * twice more (a common word reads 30 MB of them). */
  const TextQuery text_query = {
    scan
    ? "SELECT a.path, t.unfold, c.c0 FROM text_bigrams b JOIN text_fts_content c ON c.id = b.rowid "
      "JOIN articles a ON a.id = b.rowid JOIN texts t ON t.id = b.rowid "
      "WHERE text_bigrams MATCH ?3 AND a.path >= ?1 AND a.path < ?2 AND b.rowid >= ?4 AND b.rowid < ?5"
    : "SELECT a.path, t.unfold, c.c0 FROM text_fts f JOIN text_fts_content c ON c.id = f.rowid "
      "JOIN articles a ON a.id = f.rowid JOIN texts t ON t.id = f.rowid "
      "WHERE text_fts MATCH ?3 AND a.path >= ?1 AND a.path < ?2",
    start, end, scan ? bigrams : expression, scan, needle, needle_length
  };
  const char *annotation_sql = scan
    ? "SELECT a.path, n.uuid, n.annotator, n.tag, n.start, n.end, n.text, n.note, n.attributes "
      "FROM annotation_fts f JOIN annotations n ON n.id = f.rowid JOIN articles a ON a.id = n.article_id "
      "WHERE instr (f.folded, ?3) > 0 AND a.path >= ?1 AND a.path < ?2"
    : "SELECT a.path, n.uuid, n.annotator, n.tag, n.start, n.end, n.text, n.note, n.attributes "
      "FROM annotation_fts f JOIN annotations n ON n.id = f.rowid JOIN articles a ON a.id = n.article_id "
      "WHERE annotation_fts MATCH ?3 AND a.path >= ?1 AND a.path < ?2";
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (texts && scan_texts_shared (db, database, &text_query, offer, arena, hits) != SQLITE_DONE)
    goto fail;

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

      template.annotator = (char *) _gloss_library_column_text (stmt, 2);
      template.tag = (char *) _gloss_library_column_text (stmt, 3);
      if (!in_list (tags, template.tag) || !in_list (annotators, template.annotator))
        continue;
      template.article = (char *) _gloss_library_column_text (stmt, 0);
      template.kind = GLOSS_LIBRARY_HIT_ANNOTATION;
      template.annotation = (char *) _gloss_library_column_text (stmt, 1);

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const char *value = _gloss_library_column_text (stmt, 6 + i);
          g_autofree char *folded = NULL;

          if (value == NULL)
            continue;
          folded = _gloss_library_fold_text (fold, value, -1);
          template.field = (char *) fields[i];
          find_occurrences (value, folded, needle, needle_length,
                            i == 0 ? (gint64) span_start : -1, span_start, span_end, &template, arena, hits);
        }

      parser = json_parser_new ();
      if (_gloss_library_column_text (stmt, 8) != NULL && json_parser_load_from_data (parser, _gloss_library_column_text (stmt, 8), -1, NULL) &&
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
              folded = _gloss_library_fold_text (fold, value, -1);
              template.field = m->data;
              find_occurrences (value, folded, needle, needle_length, -1, span_start, span_end, &template, arena, hits);
            }
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    goto fail;
  return TRUE;

fail:
  _gloss_library_set_db_error (error, db, database);
  g_clear_pointer (&stmt, sqlite3_finalize);
  return FALSE;
}

/* The query in NFC, as the texts are stored (search_db() folds it as they
 * are folded).  NULL if it is not text. */
static char *
search_needle (const char  *query,
               glong       *needle_length,
               GError     **error)
{
  char *normalized;

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("The search text is not valid UTF-8"));
      return NULL;
    }
  /* The texts are NFC: so must the query be to find them. */
  normalized = g_utf8_normalize (query, -1, G_NORMALIZE_NFC);
  /* Folding keeps the number of code points. */
  *needle_length = g_utf8_strlen (normalized, -1);
  return normalized;
}

/* @query: search_needle()'s, folded here through the index's own Han folds
 * (gloss-library-fold.c), as its texts were. */
static gboolean
search_db (GlossLibrary       *self,
           sqlite3            *db,
           const char         *query,
           glong               needle_length,
           ScanOffer          *offer,
           const char * const *tags,
           const char * const *annotators,
           GPtrArray          *hits,
           GError            **error)
{
  gboolean texts = (tags == NULL || tags[0] == NULL) && (annotators == NULL || annotators[0] == NULL);
  g_autoptr(GlossLibraryFold) fold = _gloss_library_fold_load (db, self->database, error);
  g_autofree char *needle = NULL;
  GlossHitArena arena = { 0 };
  gboolean ok = TRUE;

  if (fold == NULL)
    return FALSE;
  needle = _gloss_library_fold_text (fold, query, -1);
  for (guint f = 0; ok && self->folders[f] != NULL; f++)
    ok = search_folder (db, self->database, self->folders[f], fold, needle, needle_length,
                        texts, offer, tags, annotators, &arena, hits, error);
  _gloss_library_hit_arena_clear (&arena);
  return ok;
}

/* Merges the ordered runs [@a, @b) and [@b, @end) of @p, through @scratch;
 * the first run first among equals, as a stable sort keeps them. */
static void
merge_runs (gpointer *p,
            gpointer *scratch,
            guint     a,
            guint     b,
            guint     end)
{
  guint i = a, j = b, k = a;

  if (b >= end)
    return;
  while (i < b && j < end)
    scratch[k++] = _gloss_library_compare_hits (&p[i], &p[j]) <= 0 ? p[i++] : p[j++];
  while (i < b)
    scratch[k++] = p[i++];
  while (j < end)
    scratch[k++] = p[j++];
  memcpy (p + a, scratch + a, (end - a) * sizeof (gpointer));
}

/* Hits come in runs already in order: each text's by offset, the texts
 * mostly in the order of their paths (the order they were indexed in),
 * then the annotations'.  Merging the few runs costs a comparison or two
 * per hit (a word with 31 000 hits), where a sort costs fifteen. */
static void
sort_hit_runs (GPtrArray *hits)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gpointer *scratch = NULL;

  for (guint i = 0; i < hits->len; i++)
    if (i == 0 || _gloss_library_compare_hits (&hits->pdata[i - 1], &hits->pdata[i]) > 0)
      g_array_append_val (starts, i);
  if (starts->len <= 1)
    return;
  if (starts->len > 64)
    {
      g_ptr_array_sort (hits, _gloss_library_compare_hits);
      return;
    }
  scratch = g_new (gpointer, hits->len);
  while (starts->len > 1)
    {
      guint kept = 0;

      for (guint r = 0; r < starts->len; r += 2)
        {
          guint a = g_array_index (starts, guint, r);
          guint b = r + 1 < starts->len ? g_array_index (starts, guint, r + 1) : hits->len;
          guint end = r + 2 < starts->len ? g_array_index (starts, guint, r + 2) : hits->len;

          merge_runs (hits->pdata, scratch, a, b, end);
          g_array_index (starts, guint, kept++) = a;
        }
      g_array_set_size (starts, kept);
    }
}

static GPtrArray *
sort_hits (GPtrArray *hits,
           guint      limit)
{
  sort_hit_runs (hits);
  if (limit > 0 && hits->len > limit)
    g_ptr_array_set_size (hits, limit);
  return hits;
}

/* The index searched as it is.  A query that meets a damaged page fails
 * with @damage set to SQLite's word for it (and @error too): the caller
 * makes the index again, or says it must be (gloss-cli's small program
 * cannot: it links no reading of the files). */
GPtrArray *
_gloss_library_search_index (GlossLibrary       *self,
                             const char         *query,
                             const char * const *tags,
                             const char * const *annotators,
                             guint               limit,
                             char              **damage,
                             GError            **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_hit_free);
  g_autofree char *normalized = NULL;
  glong needle_length;
  sqlite3 *db;
  gboolean ok;

  *damage = NULL;
  normalized = search_needle (query, &needle_length, error);
  if (normalized == NULL)
    return NULL;
  if (needle_length == 0)
    return g_steal_pointer (&hits);

  db = _gloss_library_db_open_search (self->database, error);
  if (db == NULL)
    return NULL;
  ok = search_db (self, db, normalized, needle_length, NULL, tags, annotators, hits, error);
  /* Opening for a search looks at no page: a damaged one shows here. */
  if (!ok && _gloss_library_is_damaged (db))
    *damage = g_strdup (sqlite3_errmsg (db));
  sqlite3_close (db);
  if (!ok)
    return NULL;
  return sort_hits (g_steal_pointer (&hits), limit);
}

/**
 * gloss_library_search_as_is:
 * @self: a library
 * @query: what to find
 * @tags: (nullable): as for gloss_library_search()
 * @annotators: (nullable): as for gloss_library_search()
 * @limit: the most hits wanted, 0 for all
 * @error: return location for an error
 *
 * gloss_library_search() for a caller that cannot update the index (the
 * small gloss-cli): a damaged index fails with %GLOSS_LIBRARY_ERROR_STALE
 * and is left for gloss_library_search() to make again.
 *
 * Returns: (transfer full) (element-type GlossLibraryHit): every occurrence,
 *   or NULL
 */
GPtrArray *
gloss_library_search_as_is (GlossLibrary       *self,
                            const char         *query,
                            const char * const *tags,
                            const char * const *annotators,
                            guint               limit,
                            GError            **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *damage = NULL;
  GPtrArray *hits;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = _gloss_library_search_index (self, query, tags, annotators, limit, &damage, &local);
  if (hits == NULL && damage != NULL)
    {
      g_debug ("%s", local->message);
      g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_STALE,
                   _("%s: the index needs to be rebuilt"), self->database);
    }
  else if (hits == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return hits;
}

typedef struct
{
  Walk               *walk;
  GError             *error;
  GMutex              lock;
  GCond               cond;
  int                 loaded;     /* LOADED_* */
  gboolean            compared;   /* the stamps were compared: unchanged is set */
  gboolean            unchanged;
  char               *digest;     /* of the walk: _gloss_library_plan_digest() */
  Plan               *plan;
  ScanOffer          *offer;      /* where the search offers a scan to share */
} WalkJob;

enum
{
  LOADED_NEVER = -1,
  LOADED_NOT_YET,
  LOADED_STAMPS,    /* the plan's stored stamps are in */
  LOADED_DIGEST,    /* a digest stands for them: the stamps were not read */
};

/* Walks the folders, then, once the main thread has read what the index
 * holds, compares them with the index's stamps, or takes their digest,
 * while the main thread searches. */
static gpointer
walk_thread (gpointer user_data)
{
  WalkJob *job = user_data;
  gboolean walked;
  int loaded;

  walked = _gloss_library_walk_run (job->walk, &job->error);
  g_mutex_lock (&job->lock);
  while (job->loaded == LOADED_NOT_YET)
    g_cond_wait (&job->cond, &job->lock);
  loaded = job->loaded;
  g_mutex_unlock (&job->lock);
  if (walked && loaded == LOADED_STAMPS)
    {
      job->unchanged = _gloss_library_plan_compare (job->plan);
      job->compared = TRUE;
    }
  if (walked && loaded != LOADED_NEVER)
    job->digest = _gloss_library_plan_digest (job->plan);
  /* Walked: this core is free for the search's scan, if it shares one. */
  scan_offer_help (job->offer);
  return GINT_TO_POINTER (walked);
}

static void
walk_job_loaded (WalkJob *job,
                 int      loaded)
{
  g_mutex_lock (&job->lock);
  job->loaded = loaded;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
}

/* The fast way of gloss_library_update_and_search(): the folders are walked
 * in a thread while the index is searched, both against one snapshot of the
 * index; only if a file changed is the index written (by @apply) and
 * searched again.  The walk is compared with the digest of an earlier walk
 * that matched this very index when there is one, and with every file's
 * stamps in the index otherwise (then its digest is kept for the next).  Without @apply, a change fails with
 * GLOSS_LIBRARY_ERROR_STALE: the caller updates in its own way.
 * The walk starts first, before the query is folded (which loads OpenCC's
 * dictionaries) and the index opened: it is the longer of the two.
 * @folder_error: set when a folder, not the index, is the problem;
 * @bad_query: when the query is. */
static GPtrArray *
search_while_walking (GlossLibrary       *self,
                      const char         *query,
                      const char * const *tags,
                      const char * const *annotators,
                      GlossLibraryApply   apply,
                      gboolean           *folder_error,
                      gboolean           *bad_query,
                      GError            **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_hit_free);
  g_auto(Plan) plan = { 0 };
  WalkJob job = { NULL };
  g_autofree char *normalized = NULL;
  g_autofree char *known_digest = NULL;
  glong needle_length = 0;
  gint64 generation = -1;
  GThread *thread;
  sqlite3 *db = NULL;
  gboolean ok, walked, in_transaction;

  _gloss_library_plan_init (&plan);
  job.plan = &plan;
  job.walk = _gloss_library_walk_new ((const char * const *) self->folders, &plan);
  job.offer = scan_offer_new ();
  g_mutex_init (&job.lock);
  g_cond_init (&job.cond);
  thread = g_thread_new ("gloss-library-walk", walk_thread, &job);
  normalized = search_needle (query, &needle_length, error);
  *bad_query = normalized == NULL;
  db = normalized == NULL ? NULL : _gloss_library_db_open_search (self->database, error);
  /* One read transaction: the stamps compared are those of the texts searched. */
  in_transaction = ok = db != NULL && _gloss_library_exec (db, "BEGIN", self->database, error);
  ok = ok &&
       _gloss_library_digest_load (self, db, &generation, &known_digest, error) &&
       (known_digest != NULL || _gloss_library_plan_load (self, db, &plan, error));
  walk_job_loaded (&job, !ok ? LOADED_NEVER : known_digest != NULL ? LOADED_DIGEST : LOADED_STAMPS);
  ok = ok &&
       (needle_length == 0 || search_db (self, db, normalized, needle_length, job.offer, tags, annotators, hits, error));
  /* Searched: the walk may still have folders to read, and this core is free. */
  _gloss_library_walk_run (job.walk, NULL);
  walked = GPOINTER_TO_INT (g_thread_join (thread));
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.cond);
  _gloss_library_walk_free (job.walk);
  scan_offer_free (job.offer);
  if (!walked)
    {
      *folder_error = TRUE;
      g_clear_error (error);
      g_propagate_error (error, job.error);
      ok = FALSE;
    }
  else
    g_clear_error (&job.error);
  if (ok && !job.compared && g_strcmp0 (job.digest, known_digest) == 0)
    job.unchanged = TRUE;
  else if (ok && !job.compared)
    {
      /* Another walk than the one the digest is of: which files changed, if
       * any, the stamps say, still in the snapshot searched. */
      g_debug ("the walk's digest is not the index's: comparing every file");
      ok = _gloss_library_plan_load (self, db, &plan, error);
      job.unchanged = ok && _gloss_library_plan_compare (&plan);
      job.compared = TRUE;
    }
  if (in_transaction)
    ok = _gloss_library_exec (db, "COMMIT", self->database, ok ? error : NULL) && ok;
  if (ok && job.compared && job.unchanged)
    _gloss_library_digest_store (self, db, job.digest, generation);
  g_free (job.digest);
  if (ok && !job.unchanged && apply == NULL)
    {
      *folder_error = TRUE;
      g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_STALE,
                   _("%s: the index is older than the library's files"), self->database);
      ok = FALSE;
    }
  else if (ok && !job.unchanged)
    {
      g_ptr_array_set_size (hits, 0);
      /* Writing wants SQLite's usual page cache, not a search's small one. */
      ok = _gloss_library_exec (db, "PRAGMA cache_size = -2000", self->database, error) &&
           apply (self, db, &plan, NULL, NULL, NULL, error) >= 0 &&
           (needle_length == 0 || search_db (self, db, normalized, needle_length, NULL, tags, annotators, hits, error));
    }
  if (db != NULL)
    sqlite3_close (db);
  return ok ? g_steal_pointer (&hits) : NULL;
}

/* The fastest way: when a running watcher (gloss-library-watch.c) vouches
 * for every folder, the index is searched without looking at the files.
 * NULL without an error when it does not. */
static GPtrArray *
search_watched (GlossLibrary       *self,
                const char         *query,
                const char * const *tags,
                const char * const *annotators,
                gboolean           *bad_query,
                GError            **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_hit_free);
  g_autofree char *normalized = NULL;
  glong needle_length = 0;
  gboolean ok, trusted = FALSE;
  sqlite3 *db;

  *bad_query = FALSE;
  if (!_gloss_library_watch_locked (self))
    return NULL;
  normalized = search_needle (query, &needle_length, error);
  *bad_query = normalized == NULL;
  if (normalized == NULL)
    return NULL;
  db = _gloss_library_db_open_search (self->database, error);
  if (db == NULL)
    return NULL;
  /* One read transaction: the watcher's word and the texts of one moment. */
  ok = _gloss_library_exec (db, "BEGIN", self->database, error) &&
       (trusted = _gloss_library_watch_trusted (self, db)) &&
       (needle_length == 0 || search_db (self, db, normalized, needle_length, NULL, tags, annotators, hits, error));
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  if (!ok)
    return NULL;
  g_debug ("searched without looking for changed files: a watcher vouches for the index");
  return g_steal_pointer (&hits);
}

/* gloss_library_update_and_search() and gloss_library_search_current():
 * NULL with @damaged set when the index could not be read or written (a
 * damaged index, a busy one), which only a full update heals. */
GPtrArray *
_gloss_library_search_fresh (GlossLibrary       *self,
                             const char         *query,
                             const char * const *tags,
                             const char * const *annotators,
                             guint               limit,
                             GlossLibraryApply   apply,
                             gboolean           *damaged,
                             GError            **error)
{
  g_autoptr(GError) local = NULL;
  gboolean folder_error = FALSE;
  gboolean bad_query = FALSE;
  GPtrArray *hits;

  *damaged = FALSE;
  hits = search_watched (self, query, tags, annotators, &bad_query, &local);
  if (hits != NULL)
    return sort_hits (hits, limit);
  if (bad_query)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  g_clear_error (&local);

  hits = search_while_walking (self, query, tags, annotators, apply, &folder_error, &bad_query, &local);
  if (hits != NULL)
    return sort_hits (hits, limit);
  if (!folder_error && !bad_query)
    *damaged = TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

/**
 * gloss_library_search_current:
 * @self: a library
 * @query: what to find
 * @tags: (nullable): as for gloss_library_search()
 * @annotators: (nullable): as for gloss_library_search()
 * @limit: the most hits wanted, 0 for all
 * @error: return location for an error
 *
 * gloss_library_search() when the index is known to be current: a running
 * watcher vouches for it, or no file changed since it was written (checked
 * while the index is searched).  Otherwise fails with
 * %GLOSS_LIBRARY_ERROR_STALE and writes nothing: the caller updates (or
 * calls gloss_library_update_and_search()).  Reads no article or sidecar.
 *
 * Returns: (transfer full) (element-type GlossLibraryHit): every occurrence,
 *   or NULL
 */
GPtrArray *
gloss_library_search_current (GlossLibrary       *self,
                              const char         *query,
                              const char * const *tags,
                              const char * const *annotators,
                              guint               limit,
                              GError            **error)
{
  g_autoptr(GError) local = NULL;
  gboolean damaged;
  GPtrArray *hits;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = _gloss_library_search_fresh (self, query, tags, annotators, limit, NULL, &damaged, &local);
  if (hits == NULL && damaged)
    {
      g_debug ("%s", local->message);
      g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_STALE,
                   _("%s: the index needs to be rebuilt"), self->database);
      return NULL;
    }
  if (hits == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return hits;
}
