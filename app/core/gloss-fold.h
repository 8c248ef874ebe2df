/* gloss-fold.h: one form of every character, for searching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

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

/* How a Han character is folded: OpenCC's t2s (gloss-fold.c) or the
 * index's copy of its folds (gloss-library-fold.c). */
typedef gunichar (*GlossFoldHan) (gconstpointer data,
                                  gunichar      c);

/* The fold of a BMP code point @c, Han characters through @han: the one
 * definition of folding, for the texts and for the index's searches. */
static inline gunichar
gloss_fold_bmp_with (gunichar      c,
                     GlossFoldHan  han,
                     gconstpointer data)
{
  gunichar folded = gloss_fold_simple (c);

  if (gloss_fold_is_han (folded))
    folded = han (data, folded);
  return folded <= 0xFFFF && folded != 0 ? folded : c;
}

/* How one code point of a text is folded (its astral ones stay). */
typedef gunichar (*GlossFoldChar) (gconstpointer data,
                                   gunichar      c);

/* @text (valid UTF-8, @length bytes or -1) folded a code point at a time
 * by @fold, ASCII inline: most of an English article. */
static inline char *
gloss_fold_text_with (const char    *text,
                      gssize         length,
                      GlossFoldChar  fold,
                      gconstpointer  data)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  GString *out = g_string_sized_new (end - text + 1);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      guchar byte = (guchar) *p;

      if (byte < 0x80)
        g_string_append_c (out, g_ascii_tolower (byte));
      else
        g_string_append_unichar (out, fold (data, g_utf8_get_char (p)));
    }
  return g_string_free (out, FALSE);
}

gunichar  gloss_fold_char (gunichar    c);
char     *gloss_fold      (const char *text,
                           gssize      length);

G_END_DECLS
