/* fuzz-anchor.c: libFuzzer target, the diff of two versions of a text and
 * re-anchoring annotations through it
 *
 * The input is a count byte, then two bytes per annotation (where it starts
 * and how long it is, in the old text), then the old text and the new one
 * separated by the first NUL byte (or cut in half without one), each made
 * valid UTF-8.  The diff's blocks must be sorted, apart, maximal, inside
 * both texts and the same code points in each; every annotation must still
 * be in the set after re-anchoring (none dropped), and one that is placed
 * must lie inside the new text, over its own text when exact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-annotation-set.h"
#include "gloss-annotation.h"
#include "gloss-diff.h"
#include "gloss-document.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define MAX_ANNOTATIONS 16

static void
check_blocks (GArray         *blocks,
              const gunichar *old_u,
              glong           old_length,
              const gunichar *new_u,
              glong           new_length)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const GlossDiffBlock *b = &g_array_index (blocks, GlossDiffBlock, i);

      if (b->length == 0 || b->old_start + b->length > (guint) old_length ||
          b->new_start + b->length > (guint) new_length ||
          memcmp (old_u + b->old_start, new_u + b->new_start, b->length * sizeof (gunichar)) != 0)
        abort ();
      if (i > 0)
        {
          const GlossDiffBlock *a = &g_array_index (blocks, GlossDiffBlock, i - 1);

          /* In order, apart, and not touching in both texts at once. */
          if (a->old_start + a->length > b->old_start || a->new_start + a->length > b->new_start ||
              (a->old_start + a->length == b->old_start && a->new_start + a->length == b->new_start))
            abort ();
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GlossDocument) old_doc = NULL;
  g_autoptr(GlossDocument) new_doc = NULL;
  g_autoptr(GlossAnnotationSet) set = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) blocks = NULL;
  g_autofree gunichar *old_u = NULL;
  g_autofree gunichar *new_u = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  const guint8 *spans, *rest, *nul;
  glong old_length, new_length;
  guint n;

  if (size < 1)
    return 0;
  n = data[0] % (MAX_ANNOTATIONS + 1);
  if (size < 1 + 2 * (gsize) n)
    return 0;
  spans = data + 1;
  rest = spans + 2 * n;
  size -= 1 + 2 * (gsize) n;
  nul = memchr (rest, '\0', size);
  if (nul != NULL)
    {
      old_text = g_utf8_make_valid ((const char *) rest, nul - rest);
      new_text = g_utf8_make_valid ((const char *) nul + 1, size - (nul + 1 - rest));
    }
  else
    {
      old_text = g_utf8_make_valid ((const char *) rest, size / 2);
      new_text = g_utf8_make_valid ((const char *) rest + size / 2, size - size / 2);
    }
  /* A NUL the second text holds ends it, as it ends any C string. */

  old_doc = gloss_document_new (old_text, -1, NULL);
  new_doc = gloss_document_new (new_text, -1, NULL);
  if (old_doc == NULL || new_doc == NULL)
    return 0;

  /* The diff, on the texts as the documents hold them. */
  old_u = g_utf8_to_ucs4_fast (gloss_document_get_text (old_doc), -1, &old_length);
  new_u = g_utf8_to_ucs4_fast (gloss_document_get_text (new_doc), -1, &new_length);
  if ((gsize) old_length != gloss_document_get_length (old_doc) ||
      (gsize) new_length != gloss_document_get_length (new_doc))
    abort ();
  blocks = gloss_diff_texts (gloss_document_get_text (old_doc), gloss_document_get_text (new_doc));
  check_blocks (blocks, old_u, old_length, new_u, new_length);
  gloss_diff_cleanup (blocks, old_length, new_length);
  check_blocks (blocks, old_u, old_length, new_u, new_length);
  for (guint i = 0; i < blocks->len && old_length > 0; i++)
    {
      GlossDiffSpan span;
      guint start = (guint) (spans[0] % old_length);
      guint end = MIN ((guint) old_length, start + 1 + i);

      if (gloss_diff_map_span (blocks, start, end, &span) &&
          (span.start > span.end || span.end > (guint) new_length || span.survived > end - start))
        abort ();
    }

  /* Annotations in the old text, re-anchored in the new one. */
  if (old_length == 0)
    return 0;
  set = gloss_annotation_set_new ();
  gloss_annotation_set_set_document (set, old_doc);
  for (guint i = 0; i < n; i++)
    {
      guint start = spans[2 * i] % old_length;
      guint end = MIN ((guint) old_length, start + 1 + spans[2 * i + 1] % 32);

      g_ptr_array_add (made, g_object_ref (gloss_annotation_set_create (set, "quote", start, end)));
    }
  gloss_anchor_set_from_version (old_doc, new_doc, set, NULL);
  if (gloss_annotation_set_get_size (set) != n)
    abort ();
  for (guint i = 0; i < made->len; i++)
    {
      GlossAnnotation *a = made->pdata[i];
      GlossAnchorStatus status = gloss_annotation_get_anchor_status (a);
      guint start = gloss_annotation_get_start (a), end = gloss_annotation_get_end (a);

      if (gloss_annotation_set_lookup (set, gloss_annotation_get_id (a)) != a)
        abort ();
      if (status == GLOSS_ANCHOR_ORPHANED)
        continue;
      if (start > end || end > (guint) new_length)
        abort ();
      if (status == GLOSS_ANCHOR_EXACT)
        {
          g_autofree char *there = gloss_document_get_slice (new_doc, start, end);

          if (g_strcmp0 (there, gloss_annotation_get_text (a)) != 0)
            abort ();
        }
    }
  return 0;
}
