/* gloss-diff.h: what stayed the same between two versions of a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossDiffBlock:
 * @old_start: where the block starts in the old text (code points)
 * @new_start: where it starts in the new text
 * @length: how many code points are the same
 *
 * A run of code points common to both texts.  Blocks are sorted, do not
 * overlap and are maximal: two blocks never touch in both texts at once.
 */
typedef struct
{
  guint old_start;
  guint new_start;
  guint length;
} GlossDiffBlock;

GArray *gloss_diff_code_points (const gunichar *old_text,
                                gsize           old_length,
                                const gunichar *new_text,
                                gsize           new_length);
GArray *gloss_diff_texts       (const char     *old_text,
                                const char     *new_text);
void    gloss_diff_cleanup     (GArray         *blocks,
                                gsize           old_length,
                                gsize           new_length);

/* Maps a span [start, end) of the old text through @blocks. */
typedef struct
{
  guint    start;      /* in the new text; the surviving part */
  guint    end;
  guint    survived;   /* code points of the span that are still there */
  gboolean untouched;  /* one block holds the whole span: it only moved */
} GlossDiffSpan;

gboolean gloss_diff_map_span   (GArray         *blocks,
                                guint           start,
                                guint           end,
                                GlossDiffSpan  *span);

G_END_DECLS
