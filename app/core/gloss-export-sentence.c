/* gloss-export-sentence.c: the sentence around a record, and where a
 * sentence ends in Chinese and English text (shared by the records and the
 * CoNLL writer)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-export-private.h"

static gboolean
is_closing (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case ')': case ']':
    case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09: case 0x300B: case 0x3009:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_cjk_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}

static gboolean
is_latin_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* A period after these is not the end of a sentence. */
static gboolean
is_abbreviation (const char *word_start,
                 const char *dot)
{
  static const char * const abbreviations[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "etc", "No", "Gen", "Gov", "Sen", "Rep", "Inc", "Co", "Ltd", "e.g", "i.e",
  };
  gsize length = dot - word_start;

  /* An initial, as in "J. Smith". */
  if (length == 1 && g_ascii_isupper (*word_start))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strlen (abbreviations[i]) == length && strncmp (abbreviations[i], word_start, length) == 0)
      return TRUE;

  return FALSE;
}

/* What follows a quote that closes a sentence and still belongs to it: its
 * attribution, “……。”谢铭俊说。 or "…." Mayor Lin said. */
static gsize
attribution_length (const char *p,
                    const char *limit)
{
  static gsize once;
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  int end = 0;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new (
        "(?:[^。！？!?.\\n“”\"]{1,16}?(?:说道|问道|说|表示|指出|称|强调|补充|介绍|回答|告诉记者|认为)[。！]"
        "|[ \\t]+[^.!?\\n“”\"]{1,40}? (?:said|says|added|asked|explained|told reporters)\\.)",
        G_REGEX_OPTIMIZE, G_REGEX_MATCH_ANCHORED, NULL);
      g_once_init_leave (&once, 1);
    }

  if (!g_regex_match_full (regex, p, limit - p, 0, G_REGEX_MATCH_ANCHORED, &match, NULL) ||
      !g_match_info_fetch_pos (match, 0, NULL, &end))
    return 0;

  return end;
}

/**
 * gloss_export_sentence_end:
 * @p: where a sentence starts
 * @limit: the end of the text
 *
 * Chinese sentences end at 。！？ (with any closing quotes after them); Latin
 * ones at . ! ? … followed by a space or the end; a blank line (the end of a
 * paragraph) always ends one.
 *
 * Returns: a pointer just past the sentence (at the paragraph break, if any)
 */
const char *
gloss_export_sentence_end (const char *p,
                           const char *limit)
{
  const char *word_start = p;

  while (p < limit)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      /* A blank line ends a paragraph; a single line break is only space. */
      if (c == '\n' && (next >= limit || *next == '\n'))
        return p;

      if (is_cjk_end (c) || is_latin_end (c))
        {
          const char *q = next;
          gboolean latin = !is_cjk_end (c);

          /* "?!", "。”" and the like belong to the sentence they end. */
          while (q < limit)
            {
              gunichar d = g_utf8_get_char (q);

              if (is_cjk_end (d) || is_latin_end (d) || is_closing (d))
                q = g_utf8_next_char (q);
              else
                break;
            }

          if (!latin)
            return q;
          if ((q >= limit || g_unichar_isspace (g_utf8_get_char (q))) &&
              !(c == '.' && is_abbreviation (word_start, p)))
            return q;
        }

      if (g_unichar_isspace (c))
        word_start = next;
      p = next;
    }

  return limit;
}

/* A record's sentence: a quote that ends a sentence takes its attribution
 * with it (CoNLL's sentences stay as gloss_export_sentence_end() cuts them). */
static const char *
quote_sentence_end (const char *p,
                    const char *limit)
{
  const char *end = gloss_export_sentence_end (p, limit);

  if (end > p && end < limit && is_closing (g_utf8_get_char (g_utf8_prev_char (end))))
    {
      const char *before = g_utf8_prev_char (end);

      /* Past the closing quotes, the sentence's own end: 。” or ." */
      while (before > p && is_closing (g_utf8_get_char (before)))
        before = g_utf8_prev_char (before);
      if (is_cjk_end (g_utf8_get_char (before)) || is_latin_end (g_utf8_get_char (before)))
        end += attribution_length (end, limit);
    }

  return end;
}

char *
_gloss_export_sentence_around (const char *text,
                               const char *limit,
                               const char *start,
                               const char *end)
{
  const char *line = start;
  const char *s, *e;

  while (line > text && !(line[-1] == '\n' && (line - 1 == text || line[-2] == '\n')))
    line--;

  s = line;
  for (;;)
    {
      const char *next = quote_sentence_end (s, limit);

      if (next > start || next >= limit || *next == '\n')
        break;
      s = next;
    }

  e = s;
  do
    {
      e = quote_sentence_end (e, limit);
      while (e < end && e < limit && *e == '\n')
        e++;
    }
  while (e < end && e < limit);

  while (s < e && g_unichar_isspace (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  while (e > s && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (e))))
    e = g_utf8_prev_char (e);

  return g_strndup (s, e - s);
}
