/* gloss-diff.c: what stayed the same between two versions of a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-diff.h"

/*
 * Articles are long (a million code points) and their versions differ in a
 * few thousand places, often inside passages that repeat word for word.  A
 * plain Myers diff over code points costs O((N+M)·D) time and, to recover the
 * script, O(D²) memory: far too much when D is in the tens of thousands.  So
 * the diff works in three levels, each one only inside what the level above
 * could not match:
 *
 *  1. lines (paragraphs): patience diff — the lines that occur exactly once in
 *     both versions are matched by a longest increasing subsequence, then each
 *     gap between two such anchors is diffed again the same way (lines that
 *     were repeated in the whole text are often unique inside a gap).  A gap
 *     without any unique line falls back to Myers over line identities, capped;
 *  2. words and sentences (tokens ending at white space or punctuation), the
 *     same way, inside the lines that changed;
 *  3. code points, Myers with a cap on D, inside the tokens that changed;
 *     past the cap (a long text without spaces), runs of 16 code points
 *     found once on each side anchor the range, and the gaps are diffed again.
 *
 * Every level first strips the common head and tail of its range, which is
 * where most of an edited paragraph is.  Unique anchors never pair a repeated
 * passage with the wrong copy, and the result is a valid common subsequence at
 * every level, so a span that lies inside one matched block is exactly where
 * the block says, whatever the cap left unmatched.  A gap the caps give up on
 * is treated as replaced: its annotations are orphaned, never misplaced.
 */

#define MYERS_MAX_D      2000        /* edits tried before a range counts as replaced */
#define MYERS_MAX_WORK   40000000    /* (N + M) · D steps per range */

enum { LEVEL_LINES, LEVEL_WORDS, LEVEL_CHARS };

typedef struct
{
  const gunichar *a;
  const gunichar *b;
  GArray         *blocks;
} Diff;

static void diff_range (Diff *d, int level, guint a0, guint a1, guint b0, guint b1);

static void
emit (Diff  *d,
      guint  a,
      guint  b,
      guint  length)
{
  GlossDiffBlock block = { a, b, length };

  if (length == 0)
    return;

  if (d->blocks->len > 0)
    {
      GlossDiffBlock *last = &g_array_index (d->blocks, GlossDiffBlock, d->blocks->len - 1);

      g_assert (last->old_start + last->length <= a && last->new_start + last->length <= b);
      if (last->old_start + last->length == a && last->new_start + last->length == b)
        {
          last->length += length;
          return;
        }
    }
  g_array_append_val (d->blocks, block);
}

/* Myers' greedy algorithm over two sequences of integers; calls back for
 * every common run, in order.  Returns FALSE (having called nothing) when the
 * sequences differ in more than the caps allow. */
typedef void (*MatchFunc) (gpointer data, guint i, guint j, guint length);

static gboolean
myers (const guint *a,
       guint        n,
       const guint *b,
       guint        m,
       MatchFunc    func,
       gpointer     data)
{
  guint max_d = MIN ((guint64)n + m, MYERS_MAX_D);
  g_autoptr(GPtrArray) trace = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree gint *v = NULL;
  gint offset = max_d + 1;
  gint x = 0, y = 0;
  gint final_d = -1;

  trace = g_ptr_array_new_with_free_func (g_free);
  v = g_new0 (gint, 2 * max_d + 3);
  v[offset + 1] = 0;

  for (gint dd = 0; dd <= (gint)max_d && final_d < 0; dd++)
    {
      if ((guint64)(n + m) * dd > MYERS_MAX_WORK)
        return FALSE;

      for (gint k = -dd; k <= dd; k += 2)
        {
          if (k == -dd || (k != dd && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < (gint)n && y < (gint)m && a[x] == b[y])
            x++, y++;
          v[offset + k] = x;
          if (x >= (gint)n && y >= (gint)m)
            {
              final_d = dd;
              break;
            }
        }
      /* V after step dd, for k in [-dd, dd]. */
      g_ptr_array_add (trace, g_memdup2 (v + offset - dd, sizeof (gint) * (2 * dd + 1)));
    }

  if (final_d < 0)
    return FALSE;

  /* Walk back from the end, collecting the snakes. */
  found = g_array_new (FALSE, FALSE, sizeof (guint) * 3);
  x = n;
  y = m;
  for (gint dd = final_d; dd > 0; dd--)
    {
      const gint *prev = g_ptr_array_index (trace, dd - 1);
      gint k = x - y;
      gint prev_k, prev_x, prev_y, mid_x;

#define PREV(kk) prev[(kk) + (dd - 1)]
      if (k == -dd || (k != dd && PREV (k - 1) < PREV (k + 1)))
        prev_k = k + 1;
      else
        prev_k = k - 1;
#undef PREV
      prev_x = prev[prev_k + dd - 1];
      prev_y = prev_x - prev_k;
      mid_x = prev_k == k + 1 ? prev_x : prev_x + 1;
      if (x > mid_x)
        {
          guint run[3] = { mid_x, mid_x - k, x - mid_x };
          g_array_append_vals (found, run, 1);
        }
      x = prev_x;
      y = prev_y;
    }
  if (x > 0)
    {
      guint run[3] = { 0, 0, x };
      g_array_append_vals (found, run, 1);
    }

  for (guint i = found->len; i-- > 0;)
    {
      const guint *run = (const guint *)(found->data + i * 3 * sizeof (guint));
      func (data, run[0], run[1], run[2]);
    }
  return TRUE;
}

/* Patience over token identities in [i0, i1) × [j0, j1); calls back for
 * every matched run of tokens.  Returns FALSE if it matched nothing at all. */
static void
lis_anchors (const guint *a,
             guint        i0,
             guint        i1,
             const guint *b,
             guint        j0,
             guint        j1,
             GArray      *anchors)  /* of guint pairs (i, j) */
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autofree guint *tails = NULL;
  g_autofree guint *back = NULL;
  guint length = 0;

  /* Per identity: -1 unseen, else the index in a (once) — a count of 2+ is G_MAXUINT. */
  for (guint i = i0; i < i1; i++)
    {
      gpointer key = GUINT_TO_POINTER (a[i] + 1);
      gpointer old;

      if (g_hash_table_lookup_extended (seen, key, NULL, &old))
        g_hash_table_insert (seen, key, GUINT_TO_POINTER (G_MAXUINT));
      else
        g_hash_table_insert (seen, key, GUINT_TO_POINTER (i));
    }

  {
    g_autoptr(GHashTable) in_b = g_hash_table_new (g_direct_hash, g_direct_equal);

    for (guint j = j0; j < j1; j++)
      {
        gpointer key = GUINT_TO_POINTER (b[j] + 1);
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (in_b, key));

        if (count == 0)
          g_hash_table_insert (in_b, key, GUINT_TO_POINTER (j + 1));
        else
          g_hash_table_insert (in_b, key, GUINT_TO_POINTER (G_MAXUINT));
      }

    for (guint i = i0; i < i1; i++)
      {
        gpointer key = GUINT_TO_POINTER (a[i] + 1);
        guint at_a = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
        guint at_b = GPOINTER_TO_UINT (g_hash_table_lookup (in_b, key));

        if (at_a == i && at_b != 0 && at_b != G_MAXUINT)
          {
            guint pair[2] = { i, at_b - 1 };
            g_array_append_vals (pairs, pair, 1);
          }
      }
  }

  if (pairs->len == 0)
    return;

  /* Longest increasing subsequence of j, pairs being in order of i. */
  tails = g_new (guint, pairs->len);
  back = g_new (guint, pairs->len);
  for (guint p = 0; p < pairs->len; p++)
    {
      guint j = ((guint *)pairs->data)[2 * p + 1];
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (((guint *)pairs->data)[2 * tails[mid] + 1] < j)
            lo = mid + 1;
          else
            hi = mid;
        }
      back[p] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = p;
      if (lo == length)
        length++;
    }

  g_array_set_size (anchors, length);
  for (guint p = tails[length - 1], k = length; k-- > 0; p = back[p])
    {
      guint *pair = &((guint *)anchors->data)[2 * k];

      pair[0] = ((guint *)pairs->data)[2 * p];
      pair[1] = ((guint *)pairs->data)[2 * p + 1];
    }
}

typedef struct
{
  Diff        *d;
  int          level;
  const guint *ids_a;
  const guint *ids_b;
  const guint *starts_a;  /* token i spans [starts_a[i], starts_a[i + 1]) */
  const guint *starts_b;
  guint        done_i;    /* tokens before these are handled */
  guint        done_j;
} Tokens;

/* A gap of tokens nobody matched: the next level looks inside. */
static void
tokens_gap (Tokens *t,
            guint   i,
            guint   j)
{
  if (i > t->done_i && j > t->done_j)
    diff_range (t->d, t->level + 1, t->starts_a[t->done_i], t->starts_a[i],
                t->starts_b[t->done_j], t->starts_b[j]);
  t->done_i = i;
  t->done_j = j;
}

static void
tokens_match (gpointer data,
              guint    i,
              guint    j,
              guint    length)
{
  Tokens *t = data;

  tokens_gap (t, i, j);
  emit (t->d, t->starts_a[i], t->starts_b[j], t->starts_a[i + length] - t->starts_a[i]);
  g_assert (t->starts_a[i + length] - t->starts_a[i] == t->starts_b[j + length] - t->starts_b[j]);
  t->done_i = i + length;
  t->done_j = j + length;
}

static void
tokens_range (Tokens *t,
              guint   i0,
              guint   i1,
              guint   j0,
              guint   j1)
{
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint head = 0, tail = 0;

  while (i0 + head < i1 && j0 + head < j1 && t->ids_a[i0 + head] == t->ids_b[j0 + head])
    head++;
  if (head > 0)
    tokens_match (t, i0, j0, head);
  i0 += head;
  j0 += head;
  while (i1 - tail > i0 && j1 - tail > j0 && t->ids_a[i1 - tail - 1] == t->ids_b[j1 - tail - 1])
    tail++;

  if (i1 - tail > i0 && j1 - tail > j0)
    {
      lis_anchors (t->ids_a, i0, i1 - tail, t->ids_b, j0, j1 - tail, anchors);
      if (anchors->len > 0)
        {
          guint pi = i0, pj = j0;

          for (guint k = 0; k < anchors->len; k++)
            {
              guint ai = ((guint *)anchors->data)[2 * k];
              guint aj = ((guint *)anchors->data)[2 * k + 1];

              tokens_range (t, pi, ai, pj, aj);
              tokens_match (t, ai, aj, 1);
              pi = ai + 1;
              pj = aj + 1;
            }
          tokens_range (t, pi, i1 - tail, pj, j1 - tail);
        }
      else
        {
          /* No unique token: repeated material only.  Myers over the
           * identities, offset into this range. */
          Tokens sub = *t;
          guint save_i = t->done_i, save_j = t->done_j;

          sub.ids_a += i0;
          sub.ids_b += j0;
          sub.starts_a += i0;
          sub.starts_b += j0;
          sub.done_i = 0;
          sub.done_j = 0;
          if (myers (sub.ids_a, i1 - tail - i0, sub.ids_b, j1 - tail - j0, tokens_match, &sub))
            {
              tokens_gap (&sub, i1 - tail - i0, j1 - tail - j0);
              t->done_i = i1 - tail;
              t->done_j = j1 - tail;
            }
          else
            {
              t->done_i = save_i;
              t->done_j = save_j;
            }
        }
    }

  if (tail > 0)
    tokens_match (t, i1 - tail, j1 - tail, tail);
}

static gboolean
ends_token (int      level,
            gunichar c)
{
  if (c == '\n')
    return TRUE;
  if (level == LEVEL_LINES)
    return FALSE;
  return g_unichar_isspace (c) || g_unichar_ispunct (c);
}

typedef struct
{
  const gunichar *text;
  guint           length;
} TokenKey;

static guint
token_hash (gconstpointer p)
{
  const TokenKey *key = p;
  guint h = 5381;

  for (guint i = 0; i < key->length; i++)
    h = h * 33 + key->text[i];
  return h;
}

static gboolean
token_equal (gconstpointer p,
             gconstpointer q)
{
  const TokenKey *x = p, *y = q;

  return x->length == y->length && memcmp (x->text, y->text, x->length * sizeof (gunichar)) == 0;
}

static void
tokenize (int             level,
          const gunichar *text,
          guint           from,
          guint           to,
          GHashTable     *ids,
          GArray         *keys,
          GArray         *out_ids,
          GArray         *out_starts)
{
  guint start = from;

  for (guint i = from; i < to; i++)
    if (ends_token (level, text[i]) || i + 1 == to)
      {
        TokenKey key = { text + start, i + 1 - start };
        gpointer id;

        if (!g_hash_table_lookup_extended (ids, &key, NULL, &id))
          {
            g_array_append_val (keys, key);
            id = GUINT_TO_POINTER (g_hash_table_size (ids));
            /* The keys array is preallocated, so its elements do not move. */
            g_hash_table_insert (ids, &g_array_index (keys, TokenKey, keys->len - 1), id);
          }
        g_array_append_val (out_starts, start);
        g_array_append_vals (out_ids, &(guint){ GPOINTER_TO_UINT (id) }, 1);
        start = i + 1;
      }
  g_array_append_val (out_starts, to);
}

static void
chars_match (gpointer data,
             guint    i,
             guint    j,
             guint    length)
{
  gpointer *ctx = data;

  emit (ctx[0], GPOINTER_TO_UINT (ctx[1]) + i, GPOINTER_TO_UINT (ctx[2]) + j, length);
}

#define ANCHOR_GRAM 16  /* code points of a unique run that anchors a long unseparated range */

static guint32
run_hash (const gunichar *s)
{
  guint32 h = 2166136261u;

  for (guint i = 0; i < ANCHOR_GRAM; i++)
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

/* (hash << 32 | position) of every run of ANCHOR_GRAM code points in [from, to), sorted. */
static guint64 *
sorted_runs (const gunichar *text,
             guint           from,
             guint           to,
             guint          *n_out)
{
  guint n = to - from - ANCHOR_GRAM + 1;
  guint64 *runs = g_new (guint64, n);

  for (guint i = 0; i < n; i++)
    runs[i] = ((guint64)run_hash (text + from + i) << 32) | (from + i);
  qsort (runs, n, sizeof (guint64), compare_u64);
  *n_out = n;
  return runs;
}

/* A range too long or too changed for Myers, with no line or word to split
 * it (a text without spaces): the runs of ANCHOR_GRAM code points found
 * exactly once on each side anchor it, kept in order by a longest increasing
 * subsequence; each anchor is extended and the gaps are diffed again. */
static void
gram_anchors (Diff  *d,
              guint  a0,
              guint  a1,
              guint  b0,
              guint  b1)
{
  g_autofree guint64 *ra = NULL;
  g_autofree guint64 *rb = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint na, nb, i = 0, j = 0, at_a = a0, at_b = b0;

  if (a1 - a0 < 2 * ANCHOR_GRAM || b1 - b0 < 2 * ANCHOR_GRAM)
    return;

  ra = sorted_runs (d->a, a0, a1, &na);
  rb = sorted_runs (d->b, b0, b1, &nb);

  /* Runs whose hash occurs once on each side and whose text is the same,
   * as (old position << 32 | new position). */
  pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  while (i < na && j < nb)
    {
      guint32 ha = ra[i] >> 32, hb = rb[j] >> 32;
      gboolean once_a = (i + 1 == na || (guint32)(ra[i + 1] >> 32) != ha) && (i == 0 || (guint32)(ra[i - 1] >> 32) != ha);
      gboolean once_b = (j + 1 == nb || (guint32)(rb[j + 1] >> 32) != hb) && (j == 0 || (guint32)(rb[j - 1] >> 32) != hb);

      if (ha < hb)
        i++;
      else if (hb < ha)
        j++;
      else
        {
          guint pa = (guint)ra[i], pb = (guint)rb[j];

          if (once_a && once_b && memcmp (d->a + pa, d->b + pb, ANCHOR_GRAM * sizeof (gunichar)) == 0)
            g_array_append_vals (pairs, &(guint64){ ((guint64)pa << 32) | pb }, 1);
          i++;
          j++;
        }
    }
  if (pairs->len == 0)
    return;

  /* In order of the old text, then the longest chain increasing in the new:
   * as sequences of pair ids in old and in new order, every id is a unique
   * token, so lis_anchors() gives that chain. */
  qsort (pairs->data, pairs->len, sizeof (guint64), compare_u64);
  {
    guint n = pairs->len;
    g_autofree guint *seq_a = g_new (guint, n);
    g_autofree guint *seq_b = g_new (guint, n);
    g_autofree guint64 *by_b = g_new (guint64, n);

    for (guint k = 0; k < n; k++)
      {
        seq_a[k] = k;
        by_b[k] = ((guint64)(guint)g_array_index (pairs, guint64, k) << 32) | k;
      }
    qsort (by_b, n, sizeof (guint64), compare_u64);
    for (guint k = 0; k < n; k++)
      seq_b[k] = (guint)by_b[k];
    lis_anchors (seq_a, 0, n, seq_b, 0, n, anchors);
  }

  for (guint k = 0; k < anchors->len; k++)
    {
      guint id = ((guint *)anchors->data)[2 * k];
      guint pa = g_array_index (pairs, guint64, id) >> 32, pb = (guint)g_array_index (pairs, guint64, id);
      guint length = 0;

      if (pa < at_a || pb < at_b)
        continue;  /* inside the previous anchor's extension */
      diff_range (d, LEVEL_CHARS, at_a, pa, at_b, pb);
      while (pa + length < a1 && pb + length < b1 && d->a[pa + length] == d->b[pb + length])
        length++;
      emit (d, pa, pb, length);
      at_a = pa + length;
      at_b = pb + length;
    }
  diff_range (d, LEVEL_CHARS, at_a, a1, at_b, b1);
}

static void
diff_range (Diff  *d,
            int    level,
            guint  a0,
            guint  a1,
            guint  b0,
            guint  b1)
{
  guint head = 0, tail = 0;

  while (a0 + head < a1 && b0 + head < b1 && d->a[a0 + head] == d->b[b0 + head])
    head++;
  emit (d, a0, b0, head);
  a0 += head;
  b0 += head;
  while (a1 - tail > a0 && b1 - tail > b0 && d->a[a1 - tail - 1] == d->b[b1 - tail - 1])
    tail++;

  if (a1 - tail > a0 && b1 - tail > b0)
    {
      if (level == LEVEL_CHARS)
        {
          gpointer ctx[3] = { d, GUINT_TO_POINTER (a0), GUINT_TO_POINTER (b0) };

          /* Over the cap: anchored by unique runs, or else replaced as a whole. */
          if (!myers (d->a + a0, a1 - tail - a0, d->b + b0, b1 - tail - b0, chars_match, ctx))
            gram_anchors (d, a0, a1 - tail, b0, b1 - tail);
        }
      else
        {
          guint count = 2;
          g_autoptr(GHashTable) ids = g_hash_table_new (token_hash, token_equal);
          g_autoptr(GArray) keys = NULL;
          g_autoptr(GArray) ids_a = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GArray) ids_b = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GArray) starts_a = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GArray) starts_b = g_array_new (FALSE, FALSE, sizeof (guint));
          Tokens t;

          for (guint i = a0; i < a1 - tail; i++)
            count += ends_token (level, d->a[i]);
          for (guint j = b0; j < b1 - tail; j++)
            count += ends_token (level, d->b[j]);
          keys = g_array_sized_new (FALSE, FALSE, sizeof (TokenKey), count);
          tokenize (level, d->a, a0, a1 - tail, ids, keys, ids_a, starts_a);
          tokenize (level, d->b, b0, b1 - tail, ids, keys, ids_b, starts_b);

          if (ids_a->len == 1 && ids_b->len == 1)
            diff_range (d, level + 1, a0, a1 - tail, b0, b1 - tail);
          else
            {
              t = (Tokens) { d, level, (guint *)ids_a->data, (guint *)ids_b->data,
                             (guint *)starts_a->data, (guint *)starts_b->data, 0, 0 };
              tokens_range (&t, 0, ids_a->len, 0, ids_b->len);
              tokens_gap (&t, ids_a->len, ids_b->len);
            }
        }
    }

  emit (d, a1 - tail, b1 - tail, tail);
}

/* Letters common to a passage and its replacement ("mayor" → "officials"
 * share an "o") make the code-point diff report tiny runs in the middle of
 * a rewrite; an annotation would then "survive" as one letter.  Like
 * diff-match-patch's semantic cleanup, a short run between two edits each
 * at least twice as long is counted as replaced.  Removing a run keeps the
 * rest a valid common subsequence. */
#define CLEANUP_MAX_RUN 8

/**
 * gloss_diff_cleanup:
 * @blocks: (element-type GlossDiffBlock): from gloss_diff_code_points()
 * @old_length: the old text's length
 * @new_length: the new text's length
 *
 * Drops the short runs in the middle of rewrites (see above).
 */
void
gloss_diff_cleanup (GArray *blocks,
                    gsize   old_length,
                    gsize   new_length)
{
  guint n = old_length, m = new_length;

  for (guint pass = 0; pass < 8; pass++)
    {
      guint kept = 0;
      gboolean removed = FALSE;

      for (guint i = 0; i < blocks->len; i++)
        {
          GlossDiffBlock *b = &g_array_index (blocks, GlossDiffBlock, i);
          const GlossDiffBlock *prev = kept > 0 ? &g_array_index (blocks, GlossDiffBlock, kept - 1) : NULL;
          const GlossDiffBlock *next = i + 1 < blocks->len ? &g_array_index (blocks, GlossDiffBlock, i + 1) : NULL;
          guint left_a = b->old_start - (prev ? prev->old_start + prev->length : 0);
          guint left_b = b->new_start - (prev ? prev->new_start + prev->length : 0);
          guint right_a = (next ? next->old_start : n) - (b->old_start + b->length);
          guint right_b = (next ? next->new_start : m) - (b->new_start + b->length);

          if (b->length <= CLEANUP_MAX_RUN &&
              MAX (left_a, left_b) >= 2 * b->length && MAX (right_a, right_b) >= 2 * b->length)
            {
              removed = TRUE;
              continue;
            }
          g_array_index (blocks, GlossDiffBlock, kept++) = *b;
        }
      g_array_set_size (blocks, kept);
      if (!removed)
        break;
    }
}

/**
 * gloss_diff_code_points:
 * @old_text: (array length=old_length): the old version
 * @old_length: its length
 * @new_text: (array length=new_length): the new version
 * @new_length: its length
 *
 * Returns: (transfer full) (element-type GlossDiffBlock): the common runs, in order
 */
GArray *
gloss_diff_code_points (const gunichar *old_text,
                        gsize           old_length,
                        const gunichar *new_text,
                        gsize           new_length)
{
  Diff d = { old_text, new_text, g_array_new (FALSE, FALSE, sizeof (GlossDiffBlock)) };

  g_return_val_if_fail (old_length < G_MAXUINT / 2 && new_length < G_MAXUINT / 2, d.blocks);

  diff_range (&d, LEVEL_LINES, 0, old_length, 0, new_length);
  return d.blocks;
}

/**
 * gloss_diff_texts:
 * @old_text: the old version, UTF-8
 * @new_text: the new version, UTF-8
 *
 * Returns: (transfer full) (element-type GlossDiffBlock): the common runs, in code points
 */
GArray *
gloss_diff_texts (const char *old_text,
                  const char *new_text)
{
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  glong n = 0, m = 0;

  a = g_utf8_to_ucs4_fast (old_text, -1, &n);
  b = g_utf8_to_ucs4_fast (new_text, -1, &m);
  return gloss_diff_code_points (a, n, b, m);
}

/**
 * gloss_diff_map_span:
 * @blocks: (element-type GlossDiffBlock): from gloss_diff_code_points()
 * @start: a span of the old text
 * @end: its end
 * @span: (out caller-allocates): where the span is in the new text
 *
 * The new span runs from the first to the last surviving code point (an
 * insertion inside it is inside the new span).  An empty span maps when the
 * position is inside or at the end of a block.
 *
 * Returns: %FALSE when nothing of the span survives
 */
gboolean
gloss_diff_map_span (GArray        *blocks,
                     guint          start,
                     guint          end,
                     GlossDiffSpan *span)
{
  guint lo = 0, hi = blocks->len;
  gboolean any = FALSE;
  guint pieces = 0;

  g_return_val_if_fail (span != NULL, FALSE);
  *span = (GlossDiffSpan) { 0 };

  /* First block that ends after start (or at it, for an empty span). */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const GlossDiffBlock *b = &g_array_index (blocks, GlossDiffBlock, mid);

      if (b->old_start + b->length < start || (start < end && b->old_start + b->length == start))
        lo = mid + 1;
      else
        hi = mid;
    }

  if (start == end)
    {
      if (lo < blocks->len)
        {
          const GlossDiffBlock *b = &g_array_index (blocks, GlossDiffBlock, lo);

          if (b->old_start <= start)
            {
              span->start = span->end = b->new_start + (start - b->old_start);
              span->untouched = TRUE;
              return TRUE;
            }
        }
      return FALSE;
    }

  for (guint i = lo; i < blocks->len; i++)
    {
      const GlossDiffBlock *b = &g_array_index (blocks, GlossDiffBlock, i);
      guint from = MAX (start, b->old_start);
      guint to = MIN (end, b->old_start + b->length);

      if (b->old_start >= end)
        break;
      if (from >= to)
        continue;
      if (!any)
        span->start = b->new_start + (from - b->old_start);
      span->end = b->new_start + (to - b->old_start);
      span->survived += to - from;
      any = TRUE;
      pieces++;
    }

  span->untouched = pieces == 1 && span->survived == end - start;
  return any;
}
