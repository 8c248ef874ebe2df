/* gloss-fold.h: one form of every character, for searching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bumped whenever the folding changes: an index folded otherwise is stale. */
#define GLOSS_FOLD_VERSION 1

/* The folds that need no dictionary: full-width ASCII and the ideographic
 * space to ASCII, simple lower case. */
static inline gunichar
gloss_fold_simple (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;
  else if (c == 0x3000)
    c = ' ';
  return g_unichar_tolower (c);
}

/* Whether @c is a Han character, folded from traditional to simplified. */
static inline gboolean
gloss_fold_is_han (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x2FDF)     /* radicals */
      || (c >= 0x3400 && c <= 0x4DBF)     /* extension A */
      || (c >= 0x4E00 && c <= 0x9FFF)     /* unified ideographs */
      || (c >= 0xF900 && c <= 0xFAFF);    /* compatibility ideographs */
}

gunichar  gloss_fold_char (gunichar    c);
char     *gloss_fold      (const char *text,
                           gssize      length);

G_END_DECLS
