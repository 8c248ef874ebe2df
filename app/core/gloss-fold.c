/* gloss-fold.c: one form of every character, for searching
 *
 * Search treats 黨員 and 党员, ＡＢＣ and abc as the same text.  Each code
 * point folds to exactly one code point, so an offset into the folded text
 * is the same offset into the canonical text, and the folded form of a
 * substring is the substring of the folded form (a phrase-level conversion
 * would break both, and queries would stop finding what the index holds).
 *
 * The folds: full-width ASCII and the ideographic space to their ASCII
 * forms, simple lower case, traditional Chinese to simplified with OpenCC's
 * character table (t2s).  Han characters are looked up once and remembered.
 * The library index keeps the Han folds it was made with, and its searches
 * fold through them instead (gloss-library-fold.c): the folds here and there
 * must stay the same, which is why folding a character and walking a text
 * are defined once, in gloss-fold.h, with the Han fold as a parameter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <opencc/opencc.h>
#include <string.h>

#include "gloss-fold.h"

/* 0: not looked up yet. */
static gunichar2 bmp_table[0x10000];
static GMutex opencc_lock;
static opencc_t t2s = (opencc_t) -1;
static gboolean t2s_tried;

/* Called with opencc_lock held. */
static gunichar
convert_han (gunichar c)
{
  char in[8] = { 0 };
  char *out;
  gunichar result = c;

  if (!t2s_tried)
    {
      t2s_tried = TRUE;
      t2s = opencc_open ("t2s.json");
      if (t2s == (opencc_t) -1)
        g_warning ("OpenCC's t2s.json could not be opened (%s): traditional and simplified "
                   "Chinese are searched apart", opencc_error ());
    }
  if (t2s == (opencc_t) -1)
    return c;

  g_unichar_to_utf8 (c, in);
  out = opencc_convert_utf8 (t2s, in, strlen (in));
  if (out != NULL)
    {
      /* Only one-to-one conversions keep offsets; the rest stay as they are. */
      if (g_utf8_strlen (out, -1) == 1)
        {
          gunichar converted = g_utf8_get_char (out);

          if (converted <= 0xFFFF)
            result = converted;
        }
      opencc_convert_utf8_free (out);
    }
  return result;
}

static gunichar
convert_han_folding (gconstpointer data,
                     gunichar      c)
{
  return convert_han (c);
}

/* Called with opencc_lock held. */
static gunichar
fold_locked (gconstpointer data,
             gunichar      c)
{
  if (c > 0xFFFF)
    return c;
  /* The table's 0 is "unknown"; U+0000 folds to itself anyway. */
  if (bmp_table[c] == 0)
    bmp_table[c] = gloss_fold_bmp_with (c, convert_han_folding, NULL);
  return bmp_table[c] != 0 ? bmp_table[c] : c;
}

/**
 * gloss_fold_char:
 * @c: a code point
 *
 * Returns: the one code point @c is searched as
 */
gunichar
gloss_fold_char (gunichar c)
{
  gunichar folded;

  g_mutex_lock (&opencc_lock);
  folded = fold_locked (NULL, c);
  g_mutex_unlock (&opencc_lock);
  return folded;
}

/**
 * gloss_fold:
 * @text: valid UTF-8
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Returns: (transfer full): @text with every code point folded; it has as
 *   many code points as @text
 */
char *
gloss_fold (const char *text,
            gssize      length)
{
  char *folded;

  g_mutex_lock (&opencc_lock);
  folded = gloss_fold_text_with (text, length, fold_locked, NULL);
  g_mutex_unlock (&opencc_lock);
  return folded;
}
