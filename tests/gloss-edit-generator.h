/* gloss-edit-generator.h: seeded articles with repeats, annotations and random edits,
 * with the truth about where every annotation went
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by bench-anchor.c (1 000 000 code points) and test-anchor.c (small cases).
 * The text mixes English, Chinese, emoji and characters outside the BMP; half of
 * its sentences are drawn from a small pool, so passages repeat word for word;
 * inserted text is drawn from the same pool half of the time.
 */
#pragma once

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"

typedef struct
{
  guint start;
  guint end;
} EditSpan;

typedef struct
{
  char     *old_text;
  char     *new_text;
  guint     old_length;
  guint     new_length;
  gint     *map;         /* old code point → new code point, or -1 when deleted */
  EditSpan *spans;       /* annotations on the old text */
  guint     n_spans;
  guint     n_edits;
} EditCase;

static const char *const edit_words[] = {
  "the", "mayor", "said", "water", "pipes", "will", "be", "replaced", "before", "winter",
  "according", "to", "officials", "who", "asked", "not", "named", "budget", "million", "plan",
  "residents", "complained", "about", "quality", "report", "found", "that", "council", "vote", "delayed",
  "市长", "表示", "自来水", "管网", "改造", "年底", "完成", "居民", "反映", "水质",
  "官员", "预算", "万元", "报告", "😀", "𠀋", "🎉", "𝄞", "café", "naïve",
};

static void
edit_sentence (GRand   *rand,
               GString *out)
{
  guint n = g_rand_int_range (rand, 6, 40);

  for (guint i = 0; i < n; i++)
    {
      const char *word = edit_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (edit_words))];

      if (i > 0 && (guchar)word[0] < 0x80)
        g_string_append_c (out, ' ');
      g_string_append (out, word);
      /* Numbers make most sentences unique. */
      if (g_rand_int_range (rand, 0, 5) == 0)
        g_string_append_printf (out, " %u", g_rand_int_range (rand, 0, 100000));
    }
  g_string_append (out, g_rand_boolean (rand) ? ". " : "。");
}

static GPtrArray *
edit_pool (GRand *rand,
           guint  n)
{
  GPtrArray *pool = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      GString *s = g_string_new (NULL);

      edit_sentence (rand, s);
      g_ptr_array_add (pool, g_string_free (s, FALSE));
    }
  return pool;
}

static void
edit_chunk (GRand     *rand,
            GPtrArray *pool,
            GString   *out)
{
  if (g_rand_boolean (rand))
    g_string_append (out, g_ptr_array_index (pool, g_rand_int_range (rand, 0, pool->len)));
  else
    edit_sentence (rand, out);
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append_c (out, '\n');
}

static gunichar *
edit_piece (GRand     *rand,
            GPtrArray *pool,
            guint      length,
            guint     *n_out)
{
  GString *s = g_string_new (NULL);
  gunichar *piece;
  glong n = 0;

  while ((guint)g_utf8_strlen (s->str, -1) < length)
    edit_chunk (rand, pool, s);
  piece = g_utf8_to_ucs4_fast (s->str, -1, &n);
  g_string_free (s, TRUE);
  *n_out = MIN ((guint)n, length);
  return piece;
}

static guint
edit_length (GRand *rand)
{
  /* Mostly a word or a phrase, sometimes a sentence or a paragraph. */
  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0: return g_rand_int_range (rand, 100, 600);
    case 1: case 2: return g_rand_int_range (rand, 20, 100);
    default: return g_rand_int_range (rand, 1, 20);
    }
}

/* A case of @length code points, @n_spans annotations and about @n_edits edits. */
static EditCase *
edit_case_new (guint32 seed,
               guint   length,
               guint   n_spans,
               guint   n_edits)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) pool = edit_pool (rand, 300);
  EditCase *c = g_new0 (EditCase, 1);
  GString *text = g_string_new (NULL);
  g_autofree gunichar *old = NULL;
  g_autofree guint *at = NULL;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gunichar));
  glong n = 0;
  guint next = 0;

  while ((guint)g_utf8_strlen (text->str, -1) < length)
    {
      for (guint k = 0; k < 200; k++)
        edit_chunk (rand, pool, text);
    }
  old = g_utf8_to_ucs4_fast (text->str, -1, &n);
  n = MIN ((guint)n, length);
  g_string_free (text, TRUE);
  c->old_text = g_ucs4_to_utf8 (old, n, NULL, NULL, NULL);
  c->old_length = n;

  /* Edit positions, sorted; edits never overlap. */
  at = g_new (guint, n_edits);
  for (guint i = 0; i < n_edits; i++)
    at[i] = g_rand_int_range (rand, 0, n);
  for (guint i = 1; i < n_edits; i++)
    for (guint j = i; j > 0 && at[j - 1] > at[j]; j--)
      {
        guint t = at[j];
        at[j] = at[j - 1];
        at[j - 1] = t;
      }

  c->map = g_new (gint, n + 1);
  for (guint i = 0; i < (guint)n; i++)
    c->map[i] = -1;
  for (guint e = 0; e <= n_edits; e++)
    {
      guint pos = e < n_edits ? at[e] : n;
      guint kind, del = 0, ins = 0;
      g_autofree gunichar *piece = NULL;

      if (pos < next)
        continue;
      for (; next < pos; next++)
        {
          c->map[next] = out->len;
          g_array_append_val (out, old[next]);
        }
      if (e == n_edits)
        break;

      kind = g_rand_int_range (rand, 0, 3);  /* insert, delete, replace */
      if (kind != 0)
        del = MIN (edit_length (rand), n - pos);
      if (kind != 1)
        piece = edit_piece (rand, pool, edit_length (rand), &ins);
      g_array_append_vals (out, piece, ins);
      next = pos + del;
      c->n_edits++;
    }
  c->map[n] = out->len;
  c->new_text = g_ucs4_to_utf8 ((gunichar *)out->data, out->len, NULL, NULL, NULL);
  c->new_length = out->len;
  g_array_free (out, TRUE);

  c->spans = g_new (EditSpan, n_spans);
  c->n_spans = n_spans;
  for (guint i = 0; i < n_spans; i++)
    {
      guint len, start;

      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0: case 1: len = g_rand_int_range (rand, 1, 5); break;
        case 2: case 3: len = g_rand_int_range (rand, 60, 300); break;
        default: len = g_rand_int_range (rand, 5, 60); break;
        }
      start = g_rand_int_range (rand, 0, n - len);
      c->spans[i] = (EditSpan) { start, start + len };
    }
  return c;
}

static void
edit_case_free (EditCase *c)
{
  g_free (c->old_text);
  g_free (c->new_text);
  g_free (c->map);
  g_free (c->spans);
  g_free (c);
}

/* Whether span i survived the edits untouched: every code point kept and no
 * insertion strictly inside it. */
static gboolean
edit_case_untouched (EditCase *c,
                     guint     i,
                     guint    *new_start)
{
  EditSpan s = c->spans[i];

  for (guint k = s.start; k < s.end; k++)
    if (c->map[k] < 0 || (k > s.start && c->map[k] != c->map[k - 1] + 1))
      return FALSE;
  *new_start = c->map[s.start];
  return TRUE;
}

/* Where what survives of span i is, [start, end) in the new text; FALSE when nothing does. */
static gboolean
edit_case_survivor (EditCase *c,
                    guint     i,
                    guint    *start,
                    guint    *end)
{
  EditSpan s = c->spans[i];
  gboolean any = FALSE;

  for (guint k = s.start; k < s.end; k++)
    if (c->map[k] >= 0)
      {
        if (!any)
          *start = c->map[k];
        *end = c->map[k] + 1;
        any = TRUE;
      }
  return any;
}

/* The annotations as Gloss would have stored them on the old text. */
static GlossAnnotationSet *
edit_case_annotations (EditCase      *c,
                       GlossDocument *old)
{
  GlossAnnotationSet *set = gloss_annotation_set_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < c->n_spans; i++)
    {
      EditSpan s = c->spans[i];
      g_autofree char *id = g_strdup_printf ("a%05u", i);
      GlossAnnotation *a = gloss_annotation_new (id, "tag", s.start, s.end);
      g_autofree char *text = gloss_document_get_slice (old, s.start, s.end);
      g_autofree char *prefix = gloss_document_get_slice (old, s.start > GLOSS_ANNOTATION_CONTEXT_LENGTH ? s.start - GLOSS_ANNOTATION_CONTEXT_LENGTH : 0, s.start);
      g_autofree char *suffix = gloss_document_get_slice (old, s.end, s.end + GLOSS_ANNOTATION_CONTEXT_LENGTH);

      gloss_annotation_set_text (a, text);
      gloss_annotation_set_prefix (a, prefix);
      gloss_annotation_set_suffix (a, suffix);
      g_ptr_array_add (all, a);
    }
  gloss_annotation_set_load (set, all);
  return set;
}

typedef struct
{
  guint untouched;
  guint untouched_misplaced;  /* untouched, placed elsewhere */
  guint untouched_orphaned;
  guint false_anchors;        /* placed where nothing of it is (includes the misplaced) */
  guint silent_false;         /* of those, exact or moved: nothing tells the researcher */
  guint orphaned;
  guint status[5];
} EditScore;

/* Scores placements: @starts/@ends per span, @placed FALSE for an orphan. */
static void
edit_case_score_one (EditCase  *c,
                     guint      i,
                     gboolean   silent,
                     gboolean   placed,
                     guint      start,
                     guint      end,
                     EditScore *score)
{
  guint truth, s0 = 0, s1 = 0;

  if (edit_case_untouched (c, i, &truth))
    {
      score->untouched++;
      if (!placed)
        score->untouched_orphaned++;
      else if (start != truth || end != truth + (c->spans[i].end - c->spans[i].start))
        {
          score->untouched_misplaced++;
          score->false_anchors++;
          score->silent_false += silent;
          if (g_getenv ("GLOSS_BENCH_VERBOSE"))
            g_printerr ("misplaced a%05u: [%u, %u) should be at %u, is at [%u, %u)\n",
                        i, c->spans[i].start, c->spans[i].end, truth, start, end);
        }
    }
  else if (placed && (!edit_case_survivor (c, i, &s0, &s1) || end <= s0 || start >= s1))
    {
      score->false_anchors++;
      score->silent_false += silent;
      if (g_getenv ("GLOSS_BENCH_VERBOSE"))
        g_printerr ("false anchor a%05u: [%u, %u) survives at [%u, %u), is at [%u, %u)\n",
                    i, c->spans[i].start, c->spans[i].end, s0, s1, start, end);
    }
  if (!placed)
    score->orphaned++;
}

static void
edit_case_score (EditCase           *c,
                 GlossAnnotationSet *set,
                 EditScore          *score)
{
  memset (score, 0, sizeof *score);
  for (guint k = 0; k < gloss_annotation_set_get_size (set); k++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (set, k);
      guint i = g_ascii_strtoull (gloss_annotation_get_id (a) + 1, NULL, 10);
      GlossAnchorStatus status = gloss_annotation_get_anchor_status (a);

      score->status[MIN ((guint)status, 4)]++;
      edit_case_score_one (c, i, status == GLOSS_ANCHOR_EXACT || status == GLOSS_ANCHOR_MOVED,
                           status != GLOSS_ANCHOR_ORPHANED,
                           gloss_annotation_get_start (a), gloss_annotation_get_end (a), score);
    }
}
