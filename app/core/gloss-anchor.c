/* gloss-anchor.c: finding annotations again in a changed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-diff.h"
#include "gloss-document.h"

/*
 * Two ways to place annotations made on an older text.
 *
 * When that text is known (a kept version), gloss_anchor_set_from_version()
 * diffs it against the new one (gloss-diff.c) and maps every span through the
 * common runs: a span inside one run only moved (exact or moved); a span that
 * lost code points keeps what survives (fuzzy, or cut when less than half
 * survives); a span with nothing left is orphaned.  No guessing is involved.
 *
 * When it is not, the stored quote, prefix and suffix are all there is, and
 * articles are full of repeats: the same quote occurs many times.  So the
 * annotations are placed together, not one by one:
 *  1. an annotation whose quote with its whole stored context occurs exactly
 *     once in the new text is a candidate anchor;
 *  2. the longest chain of candidates in the annotations' own order is kept
 *     (annotations keep their order in a rewritten article; a unique match out
 *     of order is more likely a copy than the passage);
 *  3. every other annotation is looked for only between the annotations
 *     placed before and the next anchor after it, nearest the position its
 *     neighbours predict first, a bounded number of candidates;
 *  4. a candidate whose surroundings disagree with the stored context is
 *     refused, and an annotation with no acceptable candidate is orphaned:
 *     an orphan is visible, a wrong place is not.
 * Exact quotes are tried first (moved), then approximate ones within an edit
 * distance (fuzzy).  Every search is capped, so that a quote that occurs a
 * million times costs no more than one that occurs a hundred times.
 */

#define GRAM 8                  /* code points per indexed k-gram */
#define MAX_CANDIDATES 64       /* occurrences scored per annotation */
#define SCAN_RADIUS 65536       /* code points scanned each way for a short quote */
#define CONTEXT_AGREE 4         /* code points of context that must match on a side */
#define SHORT_KEY 24            /* code points of quote and context a short quote needs */
#define OUT_OF_ORDER_CONTEXT 8  /* context a quote placed out of order needs on a side */
#define FUZZY_MAX_LENGTH 2000   /* code points; longer quotes are not fuzzy-matched */
#define FUZZY_PROBE 12          /* code points of context or quote used to locate a candidate */
#define FUZZY_RADIUS 4096       /* code points around the predicted place */

/* The new text as code points, and its k-grams sorted by (hash, position);
 * built once per document and kept on it while anchoring goes on (documents
 * never change).  Several threads may anchor sidecars to one document at once
 * (gloss-cli agree), hence the lock and the references. */
typedef struct
{
  gint      ref_count;
  gunichar *text;
  guint     length;
  guint64  *grams;
  guint     n_grams;
} Index;

#define INDEX_KEY "gloss-anchor-index"

static GMutex index_lock;

static void
index_unref (gpointer data)
{
  Index *index = data;

  if (index == NULL || !g_atomic_int_dec_and_test (&index->ref_count))
    return;
  g_free (index->text);
  g_free (index->grams);
  g_free (index);
}

static guint32
gram_hash (const gunichar *s)
{
  guint32 h = 2166136261u;

  for (guint i = 0; i < GRAM; i++)
    h = (h ^ s[i]) * 16777619u;
  return h;
}

static int
compare_u64 (const void *a,
             const void *b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

/* Returns a new reference; with @grams, the k-grams are there too. */
static Index *
index_get (GlossDocument *document,
           gboolean       grams)
{
  Index *index;
  glong n = 0;

  g_mutex_lock (&index_lock);
  index = g_object_get_data (G_OBJECT (document), INDEX_KEY);
  if (index == NULL)
    {
      index = g_new0 (Index, 1);
      index->ref_count = 1;
      index->text = g_utf8_to_ucs4_fast (gloss_document_get_text (document), -1, &n);
      index->length = n;
      g_object_set_data_full (G_OBJECT (document), INDEX_KEY, index, index_unref);
    }
  if (grams && index->grams == NULL && index->length >= GRAM)
    {
      guint n_grams = index->length - GRAM + 1;
      guint64 *sorted = g_new (guint64, n_grams);

      for (guint i = 0; i < n_grams; i++)
        sorted[i] = ((guint64)gram_hash (index->text + i) << 32) | i;
      qsort (sorted, n_grams, sizeof (guint64), compare_u64);
      index->n_grams = n_grams;
      index->grams = sorted;
    }
  g_atomic_int_inc (&index->ref_count);
  g_mutex_unlock (&index_lock);
  return index;
}

/* A set is anchored once: the index need not stay in memory with the document. */
static void
index_drop (GlossDocument *document)
{
  g_mutex_lock (&index_lock);
  g_object_set_data (G_OBJECT (document), INDEX_KEY, NULL);
  g_mutex_unlock (&index_lock);
}

/* First entry >= key. */
static guint
grams_lower (Index   *index,
             guint64  key)
{
  guint lo = 0, hi = index->n_grams;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (index->grams[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
matches_at (Index          *index,
            guint           at,
            const gunichar *key,
            guint           n)
{
  return at + n <= index->length && memcmp (index->text + at, key, n * sizeof (gunichar)) == 0;
}

/* Calls @func on the starts of @key in [from, to), nearest @expected first,
 * until it returns FALSE or @max starts were given. */
typedef gboolean (*HitFunc) (guint start, gpointer data);

static void
find_near (Index          *index,
           const gunichar *key,
           guint           n,
           guint           from,
           guint           to,
           guint           expected,
           guint           max,
           HitFunc         func,
           gpointer        data)
{
  guint given = 0;

  if (n == 0 || from >= to || to > index->length)
    return;
  expected = CLAMP (expected, from, to - 1);

  if (n >= GRAM && index->grams != NULL)
    {
      /* The rarest of three k-grams of the key leads to the candidates. */
      guint best_off = 0, best_lo = 0, best_hi = 0, best_count = G_MAXUINT;
      guint offsets[3] = { 0, (n - GRAM) / 2, n - GRAM };
      guint lo, hi;

      for (guint k = 0; k < 3; k++)
        {
          guint64 h = (guint64)gram_hash (key + offsets[k]) << 32;
          guint l = grams_lower (index, h | (from + offsets[k]));
          guint r = grams_lower (index, h | MIN ((guint64)to + offsets[k], G_MAXUINT32));

          if (r - l < best_count)
            {
              best_count = r - l;
              best_off = offsets[k];
              best_lo = l;
              best_hi = r;
            }
        }

      /* Outward from the predicted place. */
      hi = grams_lower (index, (index->grams[MIN (best_lo, index->n_grams - 1)] & ~(guint64)G_MAXUINT32) | (expected + best_off));
      hi = CLAMP (hi, best_lo, best_hi);
      lo = hi;
      while (given < max && (lo > best_lo || hi < best_hi))
        {
          guint start;
          gboolean take_low;

          if (lo == best_lo)
            take_low = FALSE;
          else if (hi == best_hi)
            take_low = TRUE;
          else
            take_low = expected - ((guint)index->grams[lo - 1] - best_off) <= ((guint)index->grams[hi] - best_off) - expected;

          start = take_low ? (guint)index->grams[--lo] - best_off : (guint)index->grams[hi++] - best_off;
          if (matches_at (index, start, key, n))
            {
              given++;
              if (!func (start, data))
                return;
            }
        }
      return;
    }

  /* Short keys: a bounded scan both ways. */
  for (guint d = 0; d <= SCAN_RADIUS && given < max; d++)
    {
      gboolean any = FALSE;

      if (expected >= from + d)
        {
          any = TRUE;
          if (matches_at (index, expected - d, key, n))
            {
              given++;
              if (!func (expected - d, data))
                return;
            }
        }
      if (d > 0 && expected + d < to)
        {
          any = TRUE;
          if (matches_at (index, expected + d, key, n))
            {
              given++;
              if (!func (expected + d, data))
                return;
            }
        }
      if (!any)
        break;
    }
}

/* An annotation being placed, its stored text as code points. */
typedef struct
{
  GlossAnnotation *annotation;
  gunichar        *quote;
  glong            n_quote;
  gunichar        *prefix;
  glong            n_prefix;
  gunichar        *suffix;
  glong            n_suffix;
  guint            old_start;
  gint64           anchor;    /* unique match with whole context, or -1 */
  gboolean         rejected;  /* had one, out of order with the others */
} Item;

static void
item_clear (Item *item)
{
  g_free (item->quote);
  g_free (item->prefix);
  g_free (item->suffix);
}

static void
item_init (Item            *item,
           GlossAnnotation *annotation)
{
  const char *prefix = gloss_annotation_get_prefix (annotation);
  const char *suffix = gloss_annotation_get_suffix (annotation);

  item->annotation = annotation;
  item->quote = g_utf8_to_ucs4_fast (gloss_annotation_get_text (annotation), -1, &item->n_quote);
  item->prefix = g_utf8_to_ucs4_fast (prefix ? prefix : "", -1, &item->n_prefix);
  item->suffix = g_utf8_to_ucs4_fast (suffix ? suffix : "", -1, &item->n_suffix);
  item->old_start = gloss_annotation_get_start (annotation);
  item->anchor = -1;
}

/* How many code points of the stored prefix match before @start and of the
 * suffix after @end; checkable tells whether a side could be compared. */
typedef struct
{
  guint    prefix;
  guint    suffix;
  gboolean prefix_checkable;
  gboolean suffix_checkable;
} Context;

static Context
context_at (Index      *index,
            const Item *item,
            guint       start,
            guint       end)
{
  Context c = { 0 };

  c.prefix_checkable = item->n_prefix > 0 && start > 0;
  c.suffix_checkable = item->n_suffix > 0 && end < index->length;
  while (c.prefix < item->n_prefix && c.prefix < start &&
         index->text[start - 1 - c.prefix] == item->prefix[item->n_prefix - 1 - c.prefix])
    c.prefix++;
  while (c.suffix < item->n_suffix && end + c.suffix < index->length &&
         index->text[end + c.suffix] == item->suffix[c.suffix])
    c.suffix++;
  return c;
}

/* Refuse a place whose surroundings contradict the stored context: at least
 * one side that can be compared must agree on a few code points. */
static gboolean
context_agrees (const Item *item,
                Context     c)
{
  guint need_prefix = MIN (CONTEXT_AGREE, (guint)item->n_prefix);
  guint need_suffix = MIN (CONTEXT_AGREE, (guint)item->n_suffix);

  guint available = (c.prefix_checkable ? item->n_prefix : 0) + (c.suffix_checkable ? item->n_suffix : 0);

  if (!c.prefix_checkable && !c.suffix_checkable)
    return TRUE;
  if (!((c.prefix_checkable && c.prefix >= need_prefix) ||
        (c.suffix_checkable && c.suffix >= need_suffix)))
    return FALSE;
  /* A short quote says little by itself: quote and context together must be
   * SHORT_KEY code points long, or half the context there is. */
  if ((guint)item->n_quote < SHORT_KEY &&
      c.prefix + c.suffix < MIN (SHORT_KEY - (guint)item->n_quote, available / 2))
    return FALSE;
  return TRUE;
}

/* The whole stored context is still around the stored offsets. */
static gboolean
is_exact_in_context (Index      *index,
                     const Item *item)
{
  Context c;

  if (!matches_at (index, item->old_start, item->quote, item->n_quote))
    return FALSE;
  c = context_at (index, item, item->old_start, item->old_start + item->n_quote);
  return (c.prefix == item->n_prefix || c.prefix == item->old_start) &&
         (c.suffix == item->n_suffix || item->old_start + item->n_quote + c.suffix == index->length);
}

typedef struct
{
  Index      *index;
  const Item *item;
  guint       expected;
  gint64      best;
  guint       best_score;
  guint       best_distance;
  guint       count;
} Search;

static guint
distance (guint a,
          guint b)
{
  return a > b ? a - b : b - a;
}

static gboolean
moved_hit (guint    start,
           gpointer data)
{
  Search *s = data;
  Context c = context_at (s->index, s->item, start, start + s->item->n_quote);
  guint score = c.prefix + c.suffix;
  guint d = distance (start, s->expected);

  if (!context_agrees (s->item, c))
    return TRUE;
  if (s->best < 0 || score > s->best_score || (score == s->best_score && d < s->best_distance))
    {
      s->best = start;
      s->best_score = score;
      s->best_distance = d;
    }
  return TRUE;
}

static gboolean
count_hit (guint    start,
           gpointer data)
{
  Search *s = data;

  s->best = start;
  return ++s->count < 2;
}

/* Levenshtein distances from @a to every prefix of @b, in @row (m + 1
 * entries); returns FALSE as soon as every entry exceeds @bound. */
static gboolean
edit_distances (const gunichar *a,
                guint           n,
                const gunichar *b,
                guint           m,
                guint           bound,
                guint          *row)
{
  for (guint j = 0; j <= m; j++)
    row[j] = j;

  for (guint i = 1; i <= n; i++)
    {
      guint diagonal = row[0];
      guint smallest;

      row[0] = i;
      smallest = row[0];
      for (guint j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
          smallest = MIN (smallest, row[j]);
        }
      if (smallest > bound)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GArray *starts;
  int     shift;
} Probe;

static gboolean
probe_hit (guint    start,
           gpointer data)
{
  Probe *p = data;
  gint64 s = (gint64)start + p->shift;

  if (s >= 0)
    g_array_append_vals (p->starts, &(guint){ s }, 1);
  return TRUE;
}

/* An approximate passage in [from, to) near @expected, within n/4 edits,
 * whose context agrees. */
static gboolean
find_fuzzy (Index      *index,
            const Item *item,
            guint       from,
            guint       to,
            guint       expected,
            guint      *out_start,
            guint      *out_end)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *row = NULL;
  guint n = item->n_quote, bound;
  guint probe_len = MIN (FUZZY_PROBE, n / 3);
  guint best_start = 0, best_end = 0, best_cost = G_MAXUINT, best_distance = G_MAXUINT;
  guint lo, hi;
  Probe probe;

  if (n < 8 || n > FUZZY_MAX_LENGTH)
    return FALSE;
  bound = n / 4;
  lo = MAX (from, expected > FUZZY_RADIUS ? expected - FUZZY_RADIUS : 0);
  hi = MIN (to, (guint64)expected + FUZZY_RADIUS);
  if (lo >= hi)
    return FALSE;

  /* Candidate starts: right after the old prefix, at the quote's head, and
   * n code points before the end of the quote's tail. */
  if (item->n_prefix >= 4)
    {
      guint len = MIN (FUZZY_PROBE, (guint)item->n_prefix);

      probe = (Probe) { starts, len };
      find_near (index, item->prefix + item->n_prefix - len, len, lo > len ? lo - len : 0, hi, expected,
                 MAX_CANDIDATES / 4, probe_hit, &probe);
    }
  if (probe_len >= 4)
    {
      probe = (Probe) { starts, 0 };
      find_near (index, item->quote, probe_len, lo, hi, expected, MAX_CANDIDATES / 4, probe_hit, &probe);
      probe = (Probe) { starts, (int)probe_len - (int)n };
      find_near (index, item->quote + n - probe_len, probe_len, lo, MIN (index->length, hi + n), expected + n - probe_len,
                 MAX_CANDIDATES / 4, probe_hit, &probe);
    }

  row = g_new (guint, n + bound + 2);
  for (guint i = 0; i < starts->len; i++)
    {
      guint start = g_array_index (starts, guint, i);
      guint stop = MIN (index->length, start + n + bound);

      if (start >= index->length || start < lo || start >= hi)
        continue;

      /* One table per start gives the distance for every possible end. */
      if (!edit_distances (item->quote, n, index->text + start, stop - start, bound, row))
        continue;

      for (guint len = MAX (1, n - bound); len <= stop - start; len++)
        {
          guint cost = row[len];
          guint d = distance (start, expected);

          if (cost <= bound && (cost < best_cost || (cost == best_cost && d < best_distance)) &&
              context_agrees (item, context_at (index, item, start, start + len)))
            {
              best_cost = cost;
              best_start = start;
              best_end = start + len;
              best_distance = d;
            }
        }
    }

  if (best_cost == G_MAXUINT)
    return FALSE;

  *out_start = best_start;
  *out_end = best_end;
  return TRUE;
}

static void
refresh_text (GlossDocument   *document,
              GlossAnnotation *annotation)
{
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);
  g_autofree char *text = gloss_document_get_slice (document, start, end);
  g_autofree char *prefix = gloss_document_get_slice (document,
                                                      start > GLOSS_ANNOTATION_CONTEXT_LENGTH ? start - GLOSS_ANNOTATION_CONTEXT_LENGTH : 0,
                                                      start);
  g_autofree char *suffix = gloss_document_get_slice (document, end, end + GLOSS_ANNOTATION_CONTEXT_LENGTH);

  gloss_annotation_set_text (annotation, text);
  gloss_annotation_set_prefix (annotation, prefix);
  gloss_annotation_set_suffix (annotation, suffix);
}

/* Places one item in [from, to) (bounds on its start), nearest @expected. */
static GlossAnchorStatus
place (GlossDocument *document,
       Index         *index,
       Item          *item,
       guint          from,
       guint          to,
       guint          expected,
       gboolean      *out_of_order)
{
  GlossAnnotation *annotation = item->annotation;
  GlossAnchorStatus status = GLOSS_ANCHOR_ORPHANED;
  guint start, end;

  if (item->n_quote == 0)
    status = GLOSS_ANCHOR_ORPHANED;
  else if (item->anchor >= 0 || is_exact_in_context (index, item))
    {
      start = item->anchor >= 0 ? item->anchor : item->old_start;
      gloss_annotation_set_range (annotation, start, start + item->n_quote);
      status = start == item->old_start ? GLOSS_ANCHOR_EXACT : GLOSS_ANCHOR_MOVED;
    }
  else
    {
      Search s = { index, item, expected, -1, 0, 0, 0 };

      find_near (index, item->quote, item->n_quote, from, MIN (to + 1, index->length), expected,
                 MAX_CANDIDATES, moved_hit, &s);
      if (s.best >= 0)
        {
          gloss_annotation_set_range (annotation, s.best, s.best + item->n_quote);
          status = (guint)s.best == item->old_start ? GLOSS_ANCHOR_EXACT : GLOSS_ANCHOR_MOVED;
        }
      else if (find_fuzzy (index, item, from, MIN (to + 1, index->length), expected, &start, &end))
        {
          gloss_annotation_set_range (annotation, start, end);
          status = GLOSS_ANCHOR_FUZZY;
        }
      else if ((from > 0 || to + 1 < index->length) && !item->rejected)
        {
          /* Out of order (a paragraph moved up or down): only a quote that
           * occurs once in the whole text, with agreeing context, and not one
           * whose whole context was found out of order: that is a copy. */
          Search once = { index, item, expected, -1, 0, 0, 0 };

          find_near (index, item->quote, item->n_quote, 0, index->length, expected, 2, count_hit, &once);
          Context c = { 0 };

          if (once.count == 1)
            c = context_at (index, item, once.best, once.best + item->n_quote);
          if (once.count == 1 && context_agrees (item, c) &&
              ((!c.prefix_checkable && !c.suffix_checkable) ||
               MAX (c.prefix, c.suffix) >= MIN (OUT_OF_ORDER_CONTEXT, (guint)MAX (item->n_prefix, item->n_suffix))))
            {
              gloss_annotation_set_range (annotation, once.best, once.best + item->n_quote);
              status = GLOSS_ANCHOR_MOVED;
              *out_of_order = TRUE;
            }
        }
    }

  /* Context is refreshed for moved ones so the next save anchors exactly;
   * a fuzzy match keeps the text the annotator saw. */
  if (status == GLOSS_ANCHOR_MOVED)
    refresh_text (document, annotation);

  gloss_annotation_set_anchor_status (annotation, status);
  return status;
}

static gboolean
text_at (GlossDocument *document,
         guint          start,
         guint          end,
         const char    *text)
{
  const char *a, *b;
  gsize n = strlen (text);

  if (start > end || end > gloss_document_get_length (document))
    return FALSE;

  a = gloss_document_offset_to_pointer (document, start);
  b = gloss_document_offset_to_pointer (document, end);

  return (gsize)(b - a) == n && memcmp (a, text, n) == 0;
}

/**
 * gloss_anchor_is_exact:
 * @document: the article
 * @annotation: an annotation
 *
 * Returns: whether the annotation's text is at its offsets, without changing it
 */
gboolean
gloss_anchor_is_exact (GlossDocument   *document,
                       GlossAnnotation *annotation)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  return text_at (document, gloss_annotation_get_start (annotation),
                  gloss_annotation_get_end (annotation),
                  gloss_annotation_get_text (annotation));
}

/**
 * gloss_anchor_annotation:
 * @document: the article
 * @annotation: an annotation whose offsets may be stale
 *
 * Places @annotation in @document on its own, updating its offsets when it
 * moved and its status in every case.  A fuzzy match keeps the stored text
 * (what the annotator saw) and takes the new offsets; an orphan keeps
 * everything.  Placing a whole set with gloss_anchor_set() is better: the
 * neighbours tell repeats apart.
 *
 * Returns: the status set
 */
GlossAnchorStatus
gloss_anchor_annotation (GlossDocument   *document,
                         GlossAnnotation *annotation)
{
  Index *index;
  Item item;
  GlossAnchorStatus status;
  Search s = { 0 };
  gboolean out_of_order = FALSE;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), GLOSS_ANCHOR_ORPHANED);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), GLOSS_ANCHOR_ORPHANED);

  if (gloss_anchor_is_exact (document, annotation))
    {
      gloss_annotation_set_anchor_status (annotation, GLOSS_ANCHOR_EXACT);
      return GLOSS_ANCHOR_EXACT;
    }

  index = index_get (document, TRUE);
  item_init (&item, annotation);

  /* Unique with its whole context: that is the place. */
  {
    g_autofree gunichar *key = g_new (gunichar, item.n_prefix + item.n_quote + item.n_suffix + 1);
    guint n = item.n_prefix + item.n_quote + item.n_suffix;

    memcpy (key, item.prefix, item.n_prefix * sizeof (gunichar));
    memcpy (key + item.n_prefix, item.quote, item.n_quote * sizeof (gunichar));
    memcpy (key + item.n_prefix + item.n_quote, item.suffix, item.n_suffix * sizeof (gunichar));
    s.best = -1;
    if (item.n_quote > 0)
      find_near (index, key, n, 0, index->length, item.old_start, 2, count_hit, &s);
    if (s.count == 1)
      item.anchor = s.best + item.n_prefix;
  }

  status = place (document, index, &item, 0, index->length, item.old_start, &out_of_order);
  item_clear (&item);
  index_unref (index);
  return status;
}

static void
count_status (GlossAnchorReport *counts,
              GlossAnchorStatus  status)
{
  switch (status)
    {
    case GLOSS_ANCHOR_EXACT: counts->exact++; break;
    case GLOSS_ANCHOR_MOVED: counts->moved++; break;
    case GLOSS_ANCHOR_FUZZY: counts->fuzzy++; break;
    case GLOSS_ANCHOR_CUT: counts->cut++; break;
    case GLOSS_ANCHOR_ORPHANED:
    default: counts->orphaned++; break;
    }
}

/* Longest non-decreasing chain of the candidate anchors, in item order;
 * the others lose their candidate. */
static void
keep_monotonic_anchors (Item  *items,
                        guint  n)
{
  g_autofree guint *which = g_new (guint, n);
  g_autofree guint *tails = g_new (guint, n);
  g_autofree guint *back = g_new (guint, n);
  g_autofree gboolean *keep = g_new0 (gboolean, n);
  guint m = 0, length = 0;

  for (guint i = 0; i < n; i++)
    if (items[i].anchor >= 0)
      which[m++] = i;

  for (guint p = 0; p < m; p++)
    {
      gint64 value = items[which[p]].anchor;
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (items[which[tails[mid]]].anchor <= value)
            lo = mid + 1;
          else
            hi = mid;
        }
      back[p] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = p;
      if (lo == length)
        length++;
    }

  if (length > 0)
    for (guint p = tails[length - 1]; p != G_MAXUINT; p = back[p])
      keep[which[p]] = TRUE;

  for (guint i = 0; i < n; i++)
    if (!keep[i] && items[i].anchor >= 0)
      {
        items[i].anchor = -1;
        items[i].rejected = TRUE;
      }
}

/**
 * gloss_anchor_set:
 * @document: the article
 * @set: the annotations
 * @report: (out caller-allocates) (optional): counts per status
 *
 * Anchors every annotation of @set and re-sorts it, when the text it was
 * made on is not known (see the top of this file).  This is not an undoable
 * edit: it is what loading a sidecar for a changed text does.
 */
void
gloss_anchor_set (GlossDocument      *document,
                  GlossAnnotationSet *set,
                  GlossAnchorReport  *report)
{
  g_autoptr(GPtrArray) all = NULL;
  GlossAnchorReport counts = { 0 };
  Item *items;
  Index *index;
  gboolean changed = FALSE;
  guint n, last_new = 0, last_old = 0, next_anchor = 0;
  gboolean placed_any = FALSE;

  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (set));

  n = gloss_annotation_set_get_size (set);
  if (n == 0)
    {
      if (report)
        *report = counts;
      return;
    }

  /* The common case, an unchanged text, needs no index. */
  for (guint i = 0; i < n; i++)
    if (!gloss_anchor_is_exact (document, gloss_annotation_set_get_nth (set, i)))
      break;
    else if (i + 1 == n)
      {
        for (guint j = 0; j < n; j++)
          gloss_annotation_set_anchor_status (gloss_annotation_set_get_nth (set, j), GLOSS_ANCHOR_EXACT);
        if (report)
          *report = (GlossAnchorReport) { .exact = n };
        return;
      }

  index = index_get (document, TRUE);
  items = g_new0 (Item, n);
  all = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);
      Item *item = &items[i];
      g_autofree gunichar *key = NULL;
      guint key_length;
      Search s = { 0 };

      g_ptr_array_add (all, g_object_ref (annotation));
      item_init (item, annotation);
      if (item->n_quote == 0)
        continue;
      if (is_exact_in_context (index, item))
        {
          item->anchor = item->old_start;
          continue;
        }

      key_length = item->n_prefix + item->n_quote + item->n_suffix;
      key = g_new (gunichar, key_length + 1);
      memcpy (key, item->prefix, item->n_prefix * sizeof (gunichar));
      memcpy (key + item->n_prefix, item->quote, item->n_quote * sizeof (gunichar));
      memcpy (key + item->n_prefix + item->n_quote, item->suffix, item->n_suffix * sizeof (gunichar));
      s.best = -1;
      find_near (index, key, key_length, 0, index->length, item->old_start, 2, count_hit, &s);
      if (s.count == 1)
        item->anchor = s.best + item->n_prefix;
    }

  keep_monotonic_anchors (items, n);

  for (guint i = 0; i < n; i++)
    {
      Item *item = &items[i];
      guint from, to, expected;
      GlossAnchorStatus status;
      gboolean out_of_order = FALSE;

      /* Bounds from the placed neighbours: after the last one placed, before the next anchor. */
      if (next_anchor <= i)
        for (next_anchor = i + (items[i].anchor >= 0); next_anchor < n && items[next_anchor].anchor < 0; next_anchor++)
          ;
      from = placed_any ? last_new : 0;
      to = next_anchor < n ? (guint)items[next_anchor].anchor : index->length;
      if (placed_any)
        expected = last_new + (item->old_start - last_old);
      else if (next_anchor < n)
        expected = (gint64)items[next_anchor].anchor - ((gint64)items[next_anchor].old_start - item->old_start) < 0
                   ? 0 : items[next_anchor].anchor - (items[next_anchor].old_start - item->old_start);
      else
        expected = item->old_start;
      if (from > to)
        from = to;

      status = place (document, index, item, from, to, CLAMP (expected, from, to), &out_of_order);
      count_status (&counts, status);
      if ((status == GLOSS_ANCHOR_EXACT || status == GLOSS_ANCHOR_MOVED) && !out_of_order)
        {
          last_new = gloss_annotation_get_start (item->annotation);
          last_old = item->old_start;
          placed_any = TRUE;
        }
      if (status != GLOSS_ANCHOR_EXACT && status != GLOSS_ANCHOR_ORPHANED)
        changed = TRUE;
      item_clear (item);
    }
  g_free (items);
  index_unref (index);
  index_drop (document);

  /* Offsets changed: the sorted order and the interval tree must follow. */
  if (changed)
    gloss_annotation_set_load (set, all);

  if (report)
    *report = counts;
}

/**
 * gloss_anchor_set_from_version:
 * @previous: the text @set was made on
 * @document: the article now
 * @set: the annotations
 * @report: (out caller-allocates) (optional): counts per status
 *
 * Maps every annotation through the diff of @previous and @document: exact
 * or moved when untouched, fuzzy when partly edited, cut when less than half
 * of it is left, orphaned (old offsets kept) when nothing is.  An annotation
 * whose text is not at its offsets in @previous is placed by its quote and
 * context, as gloss_anchor_annotation() does.
 */
void
gloss_anchor_set_from_version (GlossDocument      *previous,
                               GlossDocument      *document,
                               GlossAnnotationSet *set,
                               GlossAnchorReport  *report)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) blocks = NULL;
  GlossAnchorReport counts = { 0 };
  Index *old_text, *new_text;
  gboolean changed = FALSE;
  guint n;

  g_return_if_fail (GLOSS_IS_DOCUMENT (previous));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (set));

  old_text = index_get (previous, FALSE);
  new_text = index_get (document, FALSE);
  blocks = gloss_diff_code_points (old_text->text, old_text->length, new_text->text, new_text->length);
  gloss_diff_cleanup (blocks, old_text->length, new_text->length);

  n = gloss_annotation_set_get_size (set);
  all = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);
      guint start = gloss_annotation_get_start (annotation);
      guint end = gloss_annotation_get_end (annotation);
      GlossAnchorStatus status;
      GlossDiffSpan span;

      g_ptr_array_add (all, g_object_ref (annotation));
      if (!gloss_anchor_is_exact (previous, annotation))
        status = gloss_anchor_annotation (document, annotation);
      else if (!gloss_diff_map_span (blocks, start, end, &span))
        status = GLOSS_ANCHOR_ORPHANED;
      else if (span.untouched)
        {
          status = span.start == start ? GLOSS_ANCHOR_EXACT : GLOSS_ANCHOR_MOVED;
          gloss_annotation_set_range (annotation, span.start, span.end);
          /* The context around it may have changed even when it did not move. */
          refresh_text (document, annotation);
        }
      else if (matches_at (new_text, span.start, old_text->text + start, end - start) ||
               (span.end >= end - start &&
                matches_at (new_text, span.end - (end - start), old_text->text + start, end - start)))
        {
          /* An edit beside a span can be aligned on either side of equal
           * letters ("ab|ab"); when the whole passage is right there, the
           * other alignment is the one that keeps it whole. */
          guint at = matches_at (new_text, span.start, old_text->text + start, end - start)
                     ? span.start : span.end - (end - start);

          status = at == start ? GLOSS_ANCHOR_EXACT : GLOSS_ANCHOR_MOVED;
          gloss_annotation_set_range (annotation, at, at + (end - start));
          refresh_text (document, annotation);
        }
      else
        {
          status = span.survived * 2 < end - start ? GLOSS_ANCHOR_CUT : GLOSS_ANCHOR_FUZZY;
          gloss_annotation_set_range (annotation, span.start, span.end);
        }

      gloss_annotation_set_anchor_status (annotation, status);
      count_status (&counts, status);
      if (status != GLOSS_ANCHOR_EXACT && status != GLOSS_ANCHOR_ORPHANED)
        changed = TRUE;
    }

  if (changed)
    gloss_annotation_set_load (set, all);

  index_unref (old_text);
  index_unref (new_text);
  index_drop (previous);
  index_drop (document);

  if (report)
    *report = counts;
}

/**
 * gloss_anchor_set_same_text:
 * @document: the very text the annotations were saved on
 * @set: the annotations
 * @report: (out caller-allocates) (optional): how they were placed
 *
 * gloss_anchor_set(), except for the annotations saved awaiting review
 * (gloss_annotation_get_review_marker()): they stay where they were saved,
 * still fuzzy, cut or orphaned, rather than being looked for again by their
 * stored quote, which is the older text's.
 */
void
gloss_anchor_set_same_text (GlossDocument      *document,
                            GlossAnnotationSet *set,
                            GlossAnchorReport  *report)
{
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GlossAnchorReport counts = { 0 };
  guint n, length;

  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (set));

  n = gloss_annotation_set_get_size (set);
  length = gloss_document_get_length (document);
  saved = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);
      GlossAnchorStatus marker = gloss_annotation_get_review_marker (annotation);

      /* An orphan keeps the offsets of a text that is gone: any will do. */
      if (marker != GLOSS_ANCHOR_EXACT &&
          (marker == GLOSS_ANCHOR_ORPHANED || gloss_annotation_get_end (annotation) <= length))
        {
          g_ptr_array_add (saved, g_object_ref (annotation));
          g_ptr_array_add (saved, gloss_annotation_copy (annotation));
        }
    }

  gloss_anchor_set (document, set, &counts);
  if (saved->len > 0)
    {
      for (guint i = 0; i < saved->len; i += 2)
        {
          GlossAnnotation *annotation = g_ptr_array_index (saved, i);
          GlossAnnotation *as_saved = g_ptr_array_index (saved, i + 1);
          GlossAnchorStatus marker = gloss_annotation_get_review_marker (as_saved);
          GlossAnchorReport undo = { 0 };

          count_status (&undo, gloss_annotation_get_anchor_status (annotation));
          counts.exact -= undo.exact, counts.moved -= undo.moved, counts.fuzzy -= undo.fuzzy;
          counts.cut -= undo.cut, counts.orphaned -= undo.orphaned;
          gloss_annotation_assign (annotation, as_saved);
          gloss_annotation_set_anchor_status (annotation, marker);
          count_status (&counts, marker);
        }
      /* Back in order, where they were saved. */
      all = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (all, g_object_ref (gloss_annotation_set_get_nth (set, i)));
      gloss_annotation_set_load (set, all);
    }

  if (report)
    *report = counts;
}
