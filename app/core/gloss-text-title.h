/* gloss-text-title.h: where the article is in a text saved from a browser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossTextTitle:
 * @start: code-point offset of the title line
 * @end: code-point offset of the end of the title line (its newline excluded)
 * @body_end: code-point offset where the article's last line ends (the
 *   text's length when no page clutter follows it)
 *
 * Offsets count code points of the text, as everywhere in Gloss.
 */
typedef struct
{
  guint start;
  guint end;
  guint body_end;
} GlossTextTitle;

gboolean gloss_text_find_title (const char     *text,
                                GlossTextTitle *title);

char    *gloss_text_title      (const char     *text);

G_END_DECLS
