/* gloss-anchor.c: finding annotations again in a changed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"

/*
 * Three steps, cheapest first:
 *  1. the stored text is still at the stored offsets: exact;
 *  2. the stored text occurs elsewhere: the occurrence whose surroundings
 *     best match the stored prefix/suffix wins, then the nearest: moved;
 *  3. a passage of about the same length, located by the context or by the
 *     quote's own head and tail, is within a bounded edit distance: fuzzy.
 * Otherwise the annotation is orphaned and keeps its old offsets; it is never
 * dropped.
 */

#define FUZZY_MAX_LENGTH 2000   /* code points; longer quotes are not fuzzy-matched */
#define FUZZY_PROBE 12          /* code points of context or quote used to locate a candidate */
#define FUZZY_MAX_CANDIDATES 64

static gboolean
text_at (GlossDocument *document,
         guint          start,
         guint          end,
         const char    *text)
{
  const char *a, *b;
  gsize n = strlen (text);

  if (end > gloss_document_get_length (document))
    return FALSE;

  a = gloss_document_offset_to_pointer (document, start);
  b = gloss_document_offset_to_pointer (document, end);

  return (gsize)(b - a) == n && memcmp (a, text, n) == 0;
}

/* How many code points of @context match right before @start (prefix) or right at @start (suffix). */
static guint
context_score (GlossDocument *document,
               guint          start,
               guint          end,
               const char    *prefix,
               const char    *suffix)
{
  const char *text = gloss_document_get_text (document);
  const char *here = gloss_document_offset_to_pointer (document, start);
  const char *there = gloss_document_offset_to_pointer (document, end);
  guint score = 0;

  if (prefix != NULL && *prefix)
    {
      const char *p = prefix + strlen (prefix);
      const char *q = here;

      while (p > prefix && q > text)
        {
          const char *pp = g_utf8_prev_char (p);
          const char *qq = g_utf8_prev_char (q);

          if (g_utf8_get_char (pp) != g_utf8_get_char (qq))
            break;
          p = pp;
          q = qq;
          score++;
        }
    }

  if (suffix != NULL && *suffix)
    {
      const char *p = suffix;
      const char *q = there;

      while (*p && *q && g_utf8_get_char (p) == g_utf8_get_char (q))
        {
          p = g_utf8_next_char (p);
          q = g_utf8_next_char (q);
          score++;
        }
    }

  return score;
}

static guint
distance (guint a,
          guint b)
{
  return a > b ? a - b : b - a;
}

static gboolean
find_moved (GlossDocument   *document,
            GlossAnnotation *annotation)
{
  const char *text = gloss_annotation_get_text (annotation);
  guint length = g_utf8_strlen (text, -1);
  guint old_start = gloss_annotation_get_start (annotation);
  gssize hit;
  gssize best = -1;
  guint best_score = 0, best_distance = G_MAXUINT;

  if (*text == '\0')
    return FALSE;

  for (hit = gloss_document_find (document, text, 0);
       hit >= 0;
       hit = gloss_document_find (document, text, hit + 1))
    {
      guint score = context_score (document, hit, hit + length,
                                   gloss_annotation_get_prefix (annotation),
                                   gloss_annotation_get_suffix (annotation));
      guint d = distance (hit, old_start);

      if (best < 0 || score > best_score || (score == best_score && d < best_distance))
        {
          best = hit;
          best_score = score;
          best_distance = d;
        }
    }

  if (best < 0)
    return FALSE;

  gloss_annotation_set_range (annotation, best, best + length);
  return TRUE;
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

static char *
utf8_tail (const char *s,
           guint       n)
{
  glong len = g_utf8_strlen (s, -1);

  return g_strdup (g_utf8_offset_to_pointer (s, len > (glong)n ? len - n : 0));
}

static char *
utf8_head (const char *s,
           guint       n)
{
  return g_utf8_substring (s, 0, MIN ((glong)n, g_utf8_strlen (s, -1)));
}

static void
add_hits (GlossDocument *document,
          const char    *needle,
          int            shift,
          GArray        *starts)
{
  gssize hit;

  if (needle == NULL || g_utf8_strlen (needle, -1) < 4)
    return;

  for (hit = gloss_document_find (document, needle, 0);
       hit >= 0 && starts->len < FUZZY_MAX_CANDIDATES;
       hit = gloss_document_find (document, needle, hit + 1))
    {
      gint64 start = (gint64)hit + shift;

      if (start >= 0)
        {
          guint s = start;
          g_array_append_val (starts, s);
        }
    }
}

static gboolean
find_fuzzy (GlossDocument   *document,
            GlossAnnotation *annotation)
{
  const char *text = gloss_annotation_get_text (annotation);
  g_autofree gunichar *quote = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *prefix_tail = NULL;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  g_autofree guint *row = NULL;
  glong n = 0;
  guint bound, doc_length = gloss_document_get_length (document);
  guint best_start = 0, best_end = 0, best_cost = G_MAXUINT, best_distance = G_MAXUINT;

  quote = g_utf8_to_ucs4_fast (text, -1, &n);
  if (n < 8 || n > FUZZY_MAX_LENGTH)
    return FALSE;
  bound = n / 4;

  prefix_tail = utf8_tail (gloss_annotation_get_prefix (annotation), FUZZY_PROBE);
  head = utf8_head (text, MIN (FUZZY_PROBE, (guint)n / 3));
  tail = utf8_tail (text, MIN (FUZZY_PROBE, (guint)n / 3));

  /* Candidate starts: right after the old prefix, at the quote's head, and
   * n code points before the end of the quote's tail. */
  add_hits (document, prefix_tail, g_utf8_strlen (prefix_tail, -1), starts);
  add_hits (document, head, 0, starts);
  add_hits (document, tail, (int)g_utf8_strlen (tail, -1) - (int)n, starts);

  row = g_new (guint, n + bound + 2);
  for (guint i = 0; i < starts->len; i++)
    {
      guint start = g_array_index (starts, guint, i);
      guint stop = MIN (doc_length, start + n + bound);
      g_autofree char *slice = NULL;
      g_autofree gunichar *candidate = NULL;
      glong m = 0;

      if (start >= doc_length)
        continue;

      /* One table per start gives the distance for every possible end. */
      slice = gloss_document_get_slice (document, start, stop);
      candidate = g_utf8_to_ucs4_fast (slice, -1, &m);
      if (!edit_distances (quote, n, candidate, m, bound, row))
        continue;

      for (glong len = MAX (1, n - (glong)bound); len <= m; len++)
        {
          guint cost = row[len];
          guint d = distance (start, gloss_annotation_get_start (annotation));

          if (cost <= bound && (cost < best_cost || (cost == best_cost && d < best_distance)))
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

  gloss_annotation_set_range (annotation, best_start, best_end);
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
 * Places @annotation in @document, updating its offsets when it moved and its
 * status in every case.  A fuzzy match keeps the stored text (what the
 * annotator saw) and takes the new offsets; an orphan keeps everything.
 *
 * Returns: the status set
 */
GlossAnchorStatus
gloss_anchor_annotation (GlossDocument   *document,
                         GlossAnnotation *annotation)
{
  GlossAnchorStatus status;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), GLOSS_ANCHOR_ORPHANED);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), GLOSS_ANCHOR_ORPHANED);

  if (text_at (document, gloss_annotation_get_start (annotation),
               gloss_annotation_get_end (annotation),
               gloss_annotation_get_text (annotation)))
    status = GLOSS_ANCHOR_EXACT;
  else if (find_moved (document, annotation))
    status = GLOSS_ANCHOR_MOVED;
  else if (find_fuzzy (document, annotation))
    status = GLOSS_ANCHOR_FUZZY;
  else
    status = GLOSS_ANCHOR_ORPHANED;

  /* Context is refreshed for moved ones so the next save anchors exactly. */
  if (status == GLOSS_ANCHOR_MOVED)
    refresh_text (document, annotation);

  gloss_annotation_set_anchor_status (annotation, status);
  return status;
}

/**
 * gloss_anchor_set:
 * @document: the article
 * @set: the annotations
 * @report: (out caller-allocates) (optional): counts per status
 *
 * Anchors every annotation of @set and re-sorts it. This is not an undoable
 * edit: it is what loading a sidecar for a changed text does.
 */
void
gloss_anchor_set (GlossDocument      *document,
                  GlossAnnotationSet *set,
                  GlossAnchorReport  *report)
{
  g_autoptr(GPtrArray) all = NULL;
  GlossAnchorReport counts = { 0 };
  gboolean moved = FALSE;
  guint n;

  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (set));

  n = gloss_annotation_set_get_size (set);
  all = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);

      switch (gloss_anchor_annotation (document, annotation))
        {
        case GLOSS_ANCHOR_EXACT: counts.exact++; break;
        case GLOSS_ANCHOR_MOVED: counts.moved++; moved = TRUE; break;
        case GLOSS_ANCHOR_FUZZY: counts.fuzzy++; moved = TRUE; break;
        case GLOSS_ANCHOR_ORPHANED:
        default: counts.orphaned++; break;
        }
      g_ptr_array_add (all, g_object_ref (annotation));
    }

  /* Offsets changed: the sorted order and the interval tree must follow. */
  if (moved)
    gloss_annotation_set_load (set, all);

  if (report)
    *report = counts;
}
