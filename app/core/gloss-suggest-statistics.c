/* gloss-suggest-statistics.c: a number with its unit or counted noun
 * (30万人, 4.8亿元, 18 percent), never a date, year, time, ordinal or phone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* ---------------- Statistics ---------------- */

static gboolean
is_year (Run  *run,
         guint a,
         guint b)
{
  guint v = 0;
  if (b - a != 4)
    return FALSE;
  for (guint k = a; k < b; k++)
    {
      if (!g_unichar_isdigit (run->u[k]))
        return FALSE;
      v = v * 10 + g_unichar_digit_value (run->u[k]);
    }
  return v >= 1000 && v <= 2100;
}

/* Numbers in Chinese numerals: 三成, 上万名, 数千人, 百分之三十, 两千多家,
 * 三个百分点. Not a lone numeral with a one-character unit (一起, 四个全面,
 * 两个) nor a lone 百年, not ordinals (第十四届, 一是), not 十九大 or 十四五 (no unit). */
static gboolean
is_zh_numeral (gunichar c)
{
  return c == 0x96F6 || c == 0x3007 || c == 0x4E00 || c == 0x4E8C || c == 0x4E24 || c == 0x4E09 || c == 0x56DB ||
         c == 0x4E94 || c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341 || c == 0x767E ||
         c == 0x5343 || c == 0x4E07 || c == 0x4EBF;
}

static void
zh_numeral_statistics (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i < n; i++)
    {
      guint a = i, b, k, unit, digits = 0;
      gboolean big = FALSE, percent = FALSE;

      if (!is_zh_numeral (u[i]) || (i > 0 && (is_zh_numeral (u[i - 1]) || g_unichar_isdigit (u[i - 1]) || u[i - 1] == '.')))
        continue;
      /* 百分之三十: the percent comes first. */
      if (i >= 3 && u[i - 3] == 0x767E && u[i - 2] == 0x5206 && u[i - 1] == 0x4E4B)
        {
          a = i - 3;
          percent = TRUE;
        }
      /* 上万名, 数千人, 近三成 */
      else if (i > 0 && (u[i - 1] == 0x4E0A || u[i - 1] == 0x6570) && i + 1 < n &&
               (u[i] == 0x767E || u[i] == 0x5343 || u[i] == 0x4E07 || u[i] == 0x4EBF))
        a = i - 1;
      if (suggest_word_list_match_before (&zh->not_before, u, a > 4 ? a - 4 : 0, a))
        {
          i++;
          while (i < n && is_zh_numeral (u[i]))
            i++;
          continue;
        }
      for (b = i; b < n && b - i < 12 && is_zh_numeral (u[b]); b++)
        {
          digits++;
          big |= u[b] == 0x5341 || u[b] == 0x767E || u[b] == 0x5343 || u[b] == 0x4E07 || u[b] == 0x4EBF;
        }
      i = b - 1;
      if (percent)
        {
          suggest_add_cand (run, "statistic", a, b, "zh-statistic-words", 0.7);
          continue;
        }
      k = b;
      if (k < n && suggest_char_in (&zh->approximators, u[k]))
        k++;
      unit = suggest_word_list_match_at (&zh->units, u, n, k);
      if (unit == 0 && k < n && u[k] == 0x6210 /* 成 */ && !(k + 1 < n && u[k + 1] == 0x4E0D /* 不 */))
        unit = 1;
      if (unit == 0 || (digits == 1 && !big && a == i && unit < 2 && u[k] != 0x6210))
        continue;
      /* A lone 百/千/万 is a figure of speech (建党百年, 千家万户) unless 上/数 count it. */
      if (digits == 1 && big && u[i] != 0x5341 && a == i)
        continue;
      /* 三十年代, 十月 and the like are not counts. */
      if (u[k] == 0x5E74 && k + 1 < n && u[k + 1] == 0x4EE3)
        continue;
      if (suggest_word_list_match_at (&zh->not_after, u, n, k + unit) && unit <= 1 && u[k] != 0x4E2A)
        continue;
      {
        guint c = suggest_add_cand (run, "statistic", a, k + unit, "zh-statistic-words", 0.7);
        suggest_cand_at (run, c)->unit = suggest_substring (run, k, k + unit);
      }
      i = k + unit - 1;
    }
}

void
suggest_zh_statistics (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i < n; i++)
    {
      guint a = i, b, k, unit, big = 0;

      if (!g_unichar_isdigit (u[i]) || (i > 0 && (g_unichar_isdigit (u[i - 1]) || u[i - 1] == '.' ||
                                                   (g_unichar_isalpha (u[i - 1]) && !is_han (u[i - 1])))))
        continue;
      b = i;
      while (b < n && (g_unichar_isdigit (u[b]) || ((u[b] == '.' || u[b] == ',') && b + 1 < n && g_unichar_isdigit (u[b + 1]))))
        b++;
      i = b - 1;
      /* Dates, times, phone numbers and identifiers: 2023-03-21, 15:40, 9/11. */
      if (b < n && (u[b] == '-' || u[b] == ':' || u[b] == '/' || u[b] == 0xFF1A ||
                    (g_unichar_isalpha (u[b]) && !is_han (u[b]))))
        continue;
      if (a > 0 && (u[a - 1] == '-' || u[a - 1] == ':' || u[a - 1] == '/'))
        continue;
      if (suggest_word_list_match_before (&zh->not_before, u, a > 4 ? a - 4 : 0, a))
        continue;
      k = b;
      if (k < n && suggest_char_in (&zh->approximators, u[k]))
        k++;
      while (k < n && suggest_char_in (&zh->big_numbers, u[k]))
        {
          k++;
          big++;
        }
      if (k < n && suggest_char_in (&zh->approximators, u[k]))
        k++;
      unit = suggest_word_list_match_at (&zh->units, u, n, k);
      if (unit == 0 && big == 0)
        continue;
      /* 2021年 is a year; 10年 is a duration. 八十年代, 6月, 8点 are not numbers of things. */
      if (unit > 0 && u[k] == 0x5E74 /* 年 */ && (is_year (run, a, b) || (k + 1 < n && u[k + 1] == 0x4EE3)))
        continue;
      if (unit > 0 && suggest_word_list_match_at (&zh->not_after, u, n, k + unit) && u[k] == 0x4E2A /* 个 */ &&
          k + 1 < n && u[k + 1] == 0x6708)
        ;
      else if (suggest_word_list_match_at (&zh->not_after, u, n, k + unit) && unit <= 1 && u[k] != 0x4E2A)
        continue;
      if (unit == 0 && b - a >= 7)
        continue;
      {
        guint c = suggest_add_cand (run, "statistic", a, k + unit, "zh-statistic", unit > 0 ? 0.85 : 0.7);
        if (unit > 0)
          suggest_cand_at (run, c)->unit = suggest_substring (run, k, k + unit);
      }
      i = k + unit - 1;
    }
  zh_numeral_statistics (run);
}

void
suggest_en_statistics (Run *run)
{
  EnLexicon *en = &run->self->en;
  g_autoptr(GMatchInfo) m = NULL;

  g_regex_match (en->number_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ms, me, ns, ne, us, ue, ds, de;
      guint a, b, end;
      gboolean dollar, stat = FALSE;
      g_autofree char *units = g_match_info_fetch (m, 3);

      g_match_info_fetch_pos (m, 0, &ms, &me);
      g_match_info_fetch_pos (m, 1, &ds, &de);
      g_match_info_fetch_pos (m, 2, &ns, &ne);
      g_match_info_fetch_pos (m, 3, &us, &ue);
      dollar = ds >= 0 && de > ds;
      a = suggest_cp_of (run, dollar ? ds : ns);
      b = suggest_cp_of (run, ne);
      end = suggest_cp_of (run, me);
      /* Only in Latin text: Chinese numbers have their own rule. */
      if ((a > 0 && is_han (run->u[a - 1])) || (end < run->n && is_han (run->u[end])))
        continue;
      /* March 18, April 1; ’91. */
      {
        guint k = a;
        guint len;
        while (k > 0 && run->u[k - 1] == ' ')
          k--;
        {
          guint w = k;
          while (w > 0 && (g_unichar_isalpha (run->u[w - 1]) || run->u[w - 1] == '.'))
            w--;
          if (w < k && suggest_word_list_has (&en->months, run->u + w, k - w))
            continue;
        }
        if (a > 0 && (run->u[a - 1] == 0x2019 || run->u[a - 1] == '\''))
          continue;
        (void) len;
      }
      if (dollar || end > b)
        stat = TRUE;
      else if (!is_year (run, a, b))
        {
          /* 106 protesters, 18 months, 17 people: a counted noun after it. */
          guint k = b;
          guint words = 0;
          while (k < run->n && run->u[k] == ' ' && words < 3)
            {
              guint w = k + 1, len;
              while (w < run->n && (g_unichar_isalpha (run->u[w]) || (w > k + 1 && run->u[w] == '-' &&
                                    w + 1 < run->n && g_unichar_isalpha (run->u[w + 1]))))
                w++;
              len = w - k - 1;
              if (len == 0)
                break;
              if (w < run->n && run->u[w] == '-')
                break;   /* 93-year-old, 106-year-old: ages of things */
              if (suggest_word_list_has (&en->counted_nouns, run->u + k + 1, len) || suggest_word_list_has (&en->time_units, run->u + k + 1, len) ||
                  suggest_word_list_has (&en->units, run->u + k + 1, len) ||
                  (len > 3 && run->u[w - 1] == 's' && run->u[w - 2] != 's'))
                {
                  end = w;
                  stat = TRUE;
                  break;
                }
              words++;
              k = w;
            }
          if (!stat)
            {
              /* less than 100, about 3,000 */
              guint w = a;
              while (w > 0 && run->u[w - 1] == ' ')
                w--;
              {
                guint s = w;
                while (s > 0 && g_unichar_isalpha (run->u[s - 1]))
                  s--;
                if (w > s)
                  {
                    g_autofree char *word = suggest_substring (run, s, w);
                    stat = g_str_equal (word, "than") || g_str_equal (word, "about") || g_str_equal (word, "nearly") ||
                           g_str_equal (word, "almost") || g_str_equal (word, "around") || g_str_equal (word, "some") ||
                           g_str_equal (word, "roughly") || g_str_equal (word, "least");
                  }
              }
            }
        }
      /* 18 months ago is a date, not a figure. */
      if (stat && end + 4 <= run->n && run->u[end] == ' ' && run->u[end + 1] == 'a' && run->u[end + 2] == 'g' &&
          run->u[end + 3] == 'o')
        stat = FALSE;
      if (!stat)
        continue;
      {
        guint c = suggest_add_cand (run, "statistic", a, end, "en-statistic", 0.85);
        if (end > b)
          suggest_cand_at (run, c)->unit = suggest_substring (run, b + (run->u[b] == ' ' ? 1 : 0), end);
      }
      (void) us;
      (void) ue;
    }
  g_clear_pointer (&m, g_match_info_free);

  /* two people, nine African-American churchgoers */
  g_regex_match (en->word_number_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ms, me;
      guint a, k, words = 0;

      g_match_info_fetch_pos (m, 0, &ms, &me);
      a = suggest_cp_of (run, ms);
      k = suggest_cp_of (run, me);
      while (k < run->n && run->u[k] == ' ' && words < 3)
        {
          guint w = k + 1, len;
          while (w < run->n && (g_unichar_isalpha (run->u[w]) || run->u[w] == '-'))
            w++;
          len = w - k - 1;
          if (len == 0)
            break;
          {
            g_autofree char *raw = g_ucs4_to_utf8 (run->u + k + 1, len, NULL, NULL, NULL);
            g_autofree char *word = g_utf8_strdown (raw, -1);
            g_autofree gunichar *lw = g_utf8_to_ucs4_fast (word, -1, NULL);
            /* two people, two leftist politicians; not two more years,
             * not hundreds of millions. */
            if (suggest_word_list_has (&en->time_units, lw, len) || g_str_equal (word, "of"))
              break;
            if (suggest_word_list_has (&en->counted_nouns, lw, len) ||
                (words == 1 && len > 4 && lw[len - 1] == 's' && lw[len - 2] != 's' && g_unichar_islower (run->u[k + 1])))
              {
                suggest_add_cand (run, "statistic", a, w, "en-statistic-words", 0.7);
                break;
              }
          }
          words++;
          k = w;
        }
    }
}
