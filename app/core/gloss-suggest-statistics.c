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
         c == 0x5343 || c == 0x4E07 || c == 0x4EBF || c == 0x5169 /* 兩 */ || c == 0x842C /* 萬 */ || c == 0x5104 /* 億 */;
}

/* 十 百 千 万 亿 (萬 億): a numeral that multiplies. */
static gboolean
is_zh_big (gunichar c)
{
  return c == 0x5341 || c == 0x767E || c == 0x5343 || c == 0x4E07 || c == 0x4EBF || c == 0x842C || c == 0x5104;
}

/* 三年前, 三年来: a point in time or the time up to now, not a figure
 * (6年后 and 24小时内 are: the length of something). */
static gboolean
zh_time_reference (Run  *run,
                   guint unit_end)
{
  gunichar *u = run->u;
  guint n = run->n;
  gunichar last = unit_end > 0 ? u[unit_end - 1] : 0, next = unit_end < n ? u[unit_end] : 0;

  if (!(last == 0x5E74 /* 年 */ || last == 0x5929 /* 天 */ || last == 0x6708 /* 月 */ || last == 0x5468 /* 周 */ ||
        last == 0x65F6 /* 时 */ || last == 0x6642 /* 時 */))
    return FALSE;
  if (next == 0x4EE5 /* 以 */ && unit_end + 1 < n)
    next = u[unit_end + 1];
  return next == 0x524D /* 前 */ || next == 0x6765 /* 来 */ || next == 0x4F86 /* 來 */;
}

/* Where a number in digits or Chinese numerals that ends at @end starts
 * (@end itself if none ends there). */
static guint
zh_number_start (Run  *run,
                 guint end)
{
  guint s = end;

  while (s > 0 && end - s < 16 && (g_unichar_isdigit (run->u[s - 1]) || is_zh_numeral (run->u[s - 1]) ||
                                   (run->u[s - 1] == '.' && s >= 2 && g_unichar_isdigit (run->u[s - 2]))))
    s--;
  return s;
}

/* A range is one figure (两到三个季度, 3至5年): where the figure starting at
 * @a starts with its lower bound, or @a. */
static guint
zh_range_start (Run  *run,
                guint a)
{
  gunichar *u = run->u;
  guint s;

  if (a < 2 || !(u[a - 1] == 0x5230 /* 到 */ || u[a - 1] == 0x81F3 /* 至 */ || u[a - 1] == '~' || u[a - 1] == 0xFF5E))
    return a;
  s = zh_number_start (run, a - 1);
  if (s == a - 1 || suggest_word_list_match_before (&run->self->zh.not_before, u, s > 4 ? s - 4 : 0, s))
    return a;
  return s;
}

/* Where a figure whose unit ends at @end really ends: a duration in two
 * units is one (十年六个月, 3年2个月), and 多 after a multiple or a
 * duration belongs to it (3倍多, 一成多, 两年多) unless it counts what
 * follows (多次, 多名). */
static guint
zh_figure_end (Run  *run,
               guint end)
{
  static const char *const second_units[] = { "个月", "个多月", "天", "小时", "个小时", "分钟", "周", "个星期" };
  gunichar *u = run->u;
  guint n = run->n;
  gunichar last = end > 0 ? u[end - 1] : 0;

  if (end < n && u[end] == 0x591A /* 多 */ &&
      (last == 0x500D /* 倍 */ || last == 0x6210 /* 成 */ || last == 0x5E74 /* 年 */ || last == 0x6708 /* 月 */ ||
       last == 0x5929 /* 天 */ || last == 0x5468 /* 周 */ || last == 0x65F6 /* 时 */ || last == 0x5EA6 /* 度 */) &&
      !(end + 1 < n && (suggest_word_list_match_at (&run->self->zh.units, u, n, end + 1) > 0 ||
                        u[end + 1] == 0x79CD /* 种 */ || u[end + 1] == 0x4E2A /* 个 */ || u[end + 1] == 0x4E86 /* 了 */ ||
                        u[end + 1] == 0x5497 /* 咗 */ || u[end + 1] == 0x51FA /* 出 */)))
    return end + 1;
  /* A race time: 13秒18 (hundredths after the seconds), 2小时06分11秒 and
   * 4小時10分 (minutes and seconds after the hours). */
  if (last == 0x79D2 /* 秒 */ && end + 1 < n && g_unichar_isdigit (u[end]) && g_unichar_isdigit (u[end + 1]) &&
      !(end + 2 < n && (g_unichar_isdigit (u[end + 2]) || u[end + 2] == '.' ||
                        suggest_word_list_match_at (&run->self->zh.units, u, n, end + 2) > 0)))
    return end + 2;
  if ((last == 0x65F6 /* 时 */ || last == 0x6642 /* 時 */) && end + 2 < n && g_unichar_isdigit (u[end]) &&
      (u[end + 1] == 0x5206 /* 分 */ || (g_unichar_isdigit (u[end + 1]) && u[end + 2] == 0x5206)))
    {
      guint m = u[end + 1] == 0x5206 ? end + 2 : end + 3;

      if (m < n && u[m] == 0x949F /* 钟 */)
        return m + 1;
      if (m + 1 < n && g_unichar_isdigit (u[m]) && (u[m + 1] == 0x79D2 ||
                                                     (m + 2 < n && g_unichar_isdigit (u[m + 1]) && u[m + 2] == 0x79D2)))
        return u[m + 1] == 0x79D2 ? m + 2 : m + 3;
      return m;
    }
  if (last == 0x5E74 /* 年 */ || last == 0x6708 /* 月 */ || last == 0x5929 /* 天 */ || last == 0x65F6 /* 时 */)
    {
      guint m = end;
      while (m < n && m - end < 4 && (g_unichar_isdigit (u[m]) || is_zh_numeral (u[m])))
        m++;
      if (m > end)
        for (guint k = 0; k < G_N_ELEMENTS (second_units); k++)
          {
            g_autofree gunichar *w = g_utf8_to_ucs4_fast (second_units[k], -1, NULL);
            guint len = 0;
            while (w[len] != 0)
              len++;
            if (m + len <= n && memcmp (u + m, w, len * sizeof (gunichar)) == 0)
              return m + len;
          }
    }
  return end;
}

/* 分 counts points (得到25分) but not minutes of a time (8点30分), a
 * fraction (三分之一 is written whole) or a branch (分公司, 分局). */
static gboolean
zh_points_unit_ok (Run  *run,
                   guint a,
                   guint unit_at,
                   guint unit_len)
{
  static const gunichar not_after[] = { 0x4E4B /* 之 */, 0x7403 /* 球 */, 0x516C /* 公 */, 0x5C40 /* 局 */, 0x884C /* 行 */,
                                        0x4F1A /* 会 */, 0x6703 /* 會 */, 0x9662 /* 院 */, 0x6821 /* 校 */, 0x5E97 /* 店 */,
                                        0x90E8 /* 部 */, 0x961F /* 队 */, 0x968A /* 隊 */, 0x7AD9 /* 站 */, 0x6790 /* 析 */,
                                        0x522B /* 别 */, 0x5225 /* 別 */, 0x914D /* 配 */, 0x4EAB /* 享 */, 0x5E03 /* 布 */ };
  gunichar *u = run->u;

  if (unit_len != 1 || u[unit_at] != 0x5206 /* 分 */)
    return TRUE;
  if (a > 0 && (u[a - 1] == 0x70B9 /* 点 */ || u[a - 1] == 0x9EDE /* 點 */ || u[a - 1] == 0x65F6 /* 时 */ ||
                u[a - 1] == 0x6642 /* 時 */ || u[a - 1] == ':' || u[a - 1] == 0xFF1A))
    return FALSE;
  if (unit_at + 1 < run->n)
    for (guint k = 0; k < G_N_ELEMENTS (not_after); k++)
      if (u[unit_at + 1] == not_after[k])
        return FALSE;
  return TRUE;
}

/* 前十个月, 前3个季度: the first months of a year are a period, not a
 * figure; nor are 二季度, 三季报 (a quarter, its report) or 三位一体. */
static gboolean
zh_leading_period (Run  *run,
                   guint a,
                   guint unit_at)
{
  gunichar *u = run->u;

  if (unit_at + 1 < run->n && u[unit_at] == 0x5B63 /* 季 */ &&
      (u[unit_at + 1] == 0x5EA6 /* 度 */ || u[unit_at + 1] == 0x62A5 /* 报 */ || u[unit_at + 1] == 0x5831 /* 報 */))
    return TRUE;
  if (unit_at + 2 < run->n && u[unit_at] == 0x4F4D /* 位 */ && u[unit_at + 1] == 0x4E00 && u[unit_at + 2] == 0x4F53 /* 一体 */)
    return TRUE;
  return a > 0 && u[a - 1] == 0x524D /* 前 */ && unit_at < run->n &&
         (u[unit_at] == 0x6708 /* 月 */ || u[unit_at] == 0x5B63 /* 季 */ ||
          (u[unit_at] == 0x4E2A /* 个 */ && unit_at + 1 < run->n && (u[unit_at + 1] == 0x6708 || u[unit_at + 1] == 0x5B63)));
}

static void
add_zh_figure (Run        *run,
               guint       a,
               guint       unit_at,
               guint       unit_end,
               const char *rule,
               double      confidence)
{
  guint c = suggest_add_cand (run, "statistic", zh_range_start (run, a), zh_figure_end (run, unit_end), rule, confidence);

  if (unit_end > unit_at)
    suggest_cand_at (run, c)->unit = suggest_substring (run, unit_at, unit_end);
}

/* Whether one numeral alone counts with a one-character unit: 三名被告人,
 * 两次, 七年, 一倍; not 一名, 一家 (an article, not a count), 两个 (四个全面,
 * 两个维护), 一起. */
static gboolean
zh_lone_numeral_counts (Run  *run,
                        guint i,
                        guint unit_at)
{
  gunichar *u = run->u;
  gunichar numeral = u[i], unit = u[unit_at];

  if (i > 0 && (u[i - 1] == 0x8FD9 /* 这 */ || u[i - 1] == 0x90A3 /* 那 */ || u[i - 1] == 0x54EA /* 哪 */ ||
                u[i - 1] == 0x51E0 /* 几 */))
    return FALSE;
  /* 一倍, 翻了一番; 一个月, 一个星期, 一个小时: a duration, not 一个人 (nor
   * 一番话). */
  if (numeral == 0x4E00 /* 一 */)
    return unit == 0x500D /* 倍 */ ||
           (unit == 0x756A /* 番 */ && i > 0 && (u[i - 1] == 0x7FFB /* 翻 */ || u[i - 1] == 0x4E86 /* 了 */) &&
            !(i > 1 && u[i - 1] == 0x4E86 && u[i - 2] != 0x7FFB)) ||
           ((unit == 0x4E2A /* 个 */ || unit == 0x500B /* 個 */) &&
            suggest_word_list_match_at (&run->self->zh.units, u, run->n, unit_at) >= 2 &&
            !(unit_at + 1 < run->n && u[unit_at + 1] == 0x4EBA /* 人: 一个人, alone */) &&
            !suggest_word_list_match_at (&run->self->zh.not_after, u, run->n, unit_at + 1));
  /* 三天两头: the second half of an idiom. */
  if (i >= 2 && is_zh_numeral (u[i - 2]) && suggest_word_list_match_at (&run->self->zh.units, u, run->n, i - 1) == 1)
    return FALSE;
  return numeral != 0x96F6 && numeral != 0x3007 && unit != 0x4E2A /* 个 */ && unit != 0x500B /* 個 */ && unit != 0x8D77 /* 起 */ &&
         unit != 0x5206 /* 分: 三分球, 七分熟 */;
}

/* Two numerals side by side that guess a number: 一两, 两三, 三四 … 八九
 * (not 二十 or 五十, nor 十一). */
static gboolean
zh_guess_pair (gunichar first,
               gunichar second)
{
  static const gunichar order[] = { 0x4E00 /* 一 */, 0x4E24 /* 两 */, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };

  if (first == 0x5169 /* 兩 */)
    first = 0x4E24;
  if (second == 0x5169)
    second = 0x4E24;
  if (first == 0x4E8C /* 二 */)
    return FALSE;
  for (guint k = 0; k + 1 < G_N_ELEMENTS (order); k++)
    if (order[k] == first)
      return order[k + 1] == second;
  return FALSE;
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
      /* 一半: a half is a figure (缩短一半), another half (另一半) a spouse. */
      if (u[i] == 0x4E00 && i + 1 < n && u[i + 1] == 0x534A /* 半 */ && !(i > 0 && u[i - 1] == 0x53E6 /* 另 */) &&
          !(i + 2 < n && (suggest_word_list_match_at (&zh->units, u, n, i + 2) > 0 || u[i + 2] == 0x4E2A)))
        {
          suggest_add_cand (run, "statistic", i, i + 2, "zh-statistic-words", 0.6);
          i++;
          continue;
        }
      /* 百分之三十: the percent comes first. */
      if (i >= 3 && u[i - 3] == 0x767E && u[i - 2] == 0x5206 && u[i - 1] == 0x4E4B)
        {
          a = i - 3;
          percent = TRUE;
        }
      /* 上万名, 数千人, 近三成 */
      else if (i > 0 && (u[i - 1] == 0x4E0A || u[i - 1] == 0x6570) && i + 1 < n && is_zh_big (u[i]) && u[i] != 0x5341)
        a = i - 1;
      /* 几十名, 十几个: vague, not a figure. */
      if ((i > 0 && u[i - 1] == 0x51E0 /* 几 */) || (i + 2 < n && u[i + 1] == 0x51E0))
        {
          while (i + 1 < n && (is_zh_numeral (u[i + 1]) || u[i + 1] == 0x51E0))
            i++;
          continue;
        }
      if (suggest_word_list_match_before (&zh->not_before, u, a > 4 ? a - 4 : 0, a))
        {
          i++;
          while (i < n && is_zh_numeral (u[i]))
            i++;
          continue;
        }
      /* 三分之一: a fraction, written whole (百分之 is a percent, below). */
      if (a == i && u[i] != 0x767E)
        {
          guint e = i;
          while (e < n && e - i < 6 && is_zh_numeral (u[e]))
            e++;
          if (e + 2 < n && u[e] == 0x5206 /* 分 */ && u[e + 1] == 0x4E4B /* 之 */ && is_zh_numeral (u[e + 2]))
            {
              guint f = e + 2;
              while (f < n && f - e < 8 && (is_zh_numeral (u[f]) || (u[f] == 0x70B9 && f + 1 < n && is_zh_numeral (u[f + 1]))))
                f++;
              suggest_add_cand (run, "statistic", i, f, "zh-statistic-words", 0.7);
              i = f - 1;
              continue;
            }
        }
      /* 五点二 (5.2), 五點六年: 点 between numerals is a decimal point; 三点二十分 stays a time (no unit). */
      for (b = i; b < n && b - i < 12 && (is_zh_numeral (u[b]) ||
                                          ((u[b] == 0x70B9 /* 点 */ || u[b] == 0x9EDE /* 點 */) && b > i && b + 1 < n &&
                                           is_zh_numeral (u[b + 1]))); b++)
        {
          digits++;
          big |= is_zh_big (u[b]);
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
      if (unit == 0 || (digits == 1 && !big && a == i && (unit < 2 || u[i] == 0x4E00 /* 一 */) && u[k] != 0x6210 &&
                        !zh_lone_numeral_counts (run, i, k)))
        continue;
      /* 五六个, 一两天, 七八成: two small numerals side by side are a guess,
       * unless a unit says what they count (四五年, 两三倍, 七八家, 两三个小时,
       * 一两个星期, 四五个人): not a bare 个 or 次, nor 一两 with a one-character unit. */
      if (digits == 2 && !big &&
          (!zh_guess_pair (u[i - 1], u[i]) || u[k] == 0x6210 /* 成 */ || (unit == 1 && (u[k] == 0x4E2A || u[k] == 0x500B)) ||
           (u[i - 1] == 0x4E00 /* 一 */ && unit < 2) || (unit == 1 && u[k] == 0x6B21 /* 次: 七八次, a manner of speaking */)))
        continue;
      /* A lone 百/千/万 is a figure of speech (建党百年, 千家万户) unless 上/数
       * count it or an approximator comes first (逾万人, 近千名). */
      if (digits == 1 && big && u[i] != 0x5341 && a == i &&
          !(i > 0 && (u[i - 1] == 0x8FD1 || u[i - 1] == 0x903E || u[i - 1] == 0x8D85 || u[i - 1] == 0x7EA6)))
        continue;
      /* 梅开二度, 三度折桂: one small numeral and 度 is how many times, not degrees. */
      if (unit == 1 && u[k] == 0x5EA6 /* 度 */ && digits == 1 && !big)
        continue;
      /* 二〇二七年: four digit numerals before 年 are a year. */
      if (u[k] == 0x5E74 /* 年 */ && digits == 4 && !big && is_zh_numeral (u[a]))
        continue;
      /* 三十年代, 十月 and the like are not counts. */
      if (u[k] == 0x5E74 && k + 1 < n && u[k + 1] == 0x4EE3)
        continue;
      /* 三年时间 is a duration; 三点 or 十月 are not counts. */
      if (suggest_word_list_match_at (&zh->not_after, u, n, k + unit) && unit <= 1 && u[k] != 0x4E2A &&
          !(k + unit + 1 < n && u[k + unit] == 0x65F6 && u[k + unit + 1] == 0x95F4 /* 时间 */))
        continue;
      if (zh_time_reference (run, k + unit))
        continue;
      /* 三次会议: the unit starts a word that is no count. */
      if (suggest_word_list_match_at (&zh->not_after, u, n, k) > unit)
        continue;
      /* 十分 is "very", not ten points. */
      if (zh_leading_period (run, a, k) || !zh_points_unit_ok (run, a, k, unit) ||
          (digits == 1 && unit == 1 && u[k] == 0x5206 /* 分 */))
        continue;
      /* 十里八乡, 三年五载: one numeral and unit, then another numeral, is an idiom
       * unless a second unit makes one duration of them (十年六个月). */
      if (digits == 1 && unit == 1 && k + 1 < n && is_zh_numeral (u[k + 1]) && u[k + 1] != 0x4E00 /* 一直 */ &&
          zh_figure_end (run, k + 1) == k + 1)
        continue;
      add_zh_figure (run, a, k, k + unit, "zh-statistic-words", 0.7);
      i = MAX (zh_figure_end (run, k + unit), k + unit) - 1;
    }
}

/* Half a year, half a month: 等了半年, 住了半个月, 连续半年 (a length of
 * time, the lexicon's half_units); not 上半年 or 下半年 (a period), 一半
 * and 多半 (numerals' own), 一个半小时's end, a report (半年报, 半年度), nor
 * the time up to now or before it (半年前, 半个月来). */
static void
zh_half_statistics (Run *run)
{
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i + 1 < n; i++)
    {
      guint len, end;
      gunichar before = i > 0 ? u[i - 1] : 0;

      if (u[i] != 0x534A /* 半 */)
        continue;
      if (before == 0x4E0A /* 上 */ || before == 0x4E0B /* 下 */ || before == 0x524D /* 前 */ || before == 0x540E /* 后 */ ||
          before == 0x5F8C /* 後 */ || before == 0x591A /* 多 */ || before == 0x4E2A /* 个 */ || before == 0x500B /* 個 */ ||
          before == 0x5E74 /* 年 */ || before == 0x5929 /* 天 */ || before == 0x70B9 /* 点 */ || before == 0x9EDE /* 點 */ ||
          is_zh_numeral (before) || g_unichar_isdigit (before))
        continue;
      len = suggest_word_list_match_at (&run->self->zh.half_units, u, n, i + 1);
      if (len == 0)
        continue;
      end = i + 1 + len;
      if (end < n && (u[end] == 0x62A5 /* 报 */ || u[end] == 0x5831 /* 報 */ || u[end] == 0x5EA6 /* 度 */ ||
                      u[end] == 0x520A /* 刊 */ || u[end] == 0x8F7D /* 载 */))
        continue;
      if (zh_time_reference (run, end))
        continue;
      /* How long something lasted: after 了 (等了半年, 住了半个月), 连续,
       * 就是, 整整 or 足足; 过去半年 and 大半天 are a manner of speaking. */
      if (!(before == 0x4E86 /* 了 */ ||
            (i >= 2 && ((u[i - 2] == 0x8FDE && before == 0x7EED) /* 连续 */ || (u[i - 2] == 0x5C31 && before == 0x662F) /* 就是 */ ||
                        (u[i - 2] == 0x6574 && before == 0x6574) /* 整整 */ || (u[i - 2] == 0x8DB3 && before == 0x8DB3) /* 足足 */))))
        continue;
      suggest_add_cand (run, "statistic", i, end, "zh-statistic-words", 0.6);
      i = end - 1;
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
      /* 40GWh, 300km: a Latin unit glued to the number, between Han characters. */
      if (b < n && u[b] < 0x80 && g_unichar_isalpha (u[b]) && !(a > 0 && (u[a - 1] == '-' || u[a - 1] == ':' || u[a - 1] == '/')))
        {
          guint e = b;
          while (e < n && u[e] < 0x80 && g_unichar_isalpha (u[e]))
            e++;
          if (suggest_word_list_has (&zh->latin_units, u + b, e - b) && !(e < n && u[e] < 0x80 && g_unichar_isalnum (u[e])))
            {
              add_zh_figure (run, a, b, e, "zh-statistic", 0.8);
              i = e - 1;
            }
          continue;
        }
      /* A score: 3比2, 21比19 (a digit on both sides of 比). */
      if (b + 1 < n && u[b] == 0x6BD4 /* 比 */ && g_unichar_isdigit (u[b + 1]) &&
          !(a > 0 && (g_unichar_isdigit (u[a - 1]) || u[a - 1] == '.')))
        {
          guint e = b + 1;
          while (e < n && g_unichar_isdigit (u[e]))
            e++;
          if (e - b <= 4 && b - a <= 3 && !(e < n && (u[e] == '.' || u[e] == '%' || u[e] == 0xFF05)))
            {
              suggest_add_cand (run, "statistic", a, e, "zh-statistic-score", 0.75);
              i = e - 1;
              continue;
            }
        }
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
      /* 4万7000人, 1亿2000万元: the digits under a 万 or 亿 go on the
       * number (four at most, then their own 万). */
      if (big > 0 && (u[k - 1] == 0x4E07 /* 万 */ || u[k - 1] == 0x842C /* 萬 */ || u[k - 1] == 0x4EBF /* 亿 */ ||
                      u[k - 1] == 0x5104 /* 億 */))
        {
          guint m = k;

          while (m < n && m - k < 5 && g_unichar_isdigit (u[m]))
            m++;
          if (m > k && m - k <= 4 && !(m < n && (g_unichar_isdigit (u[m]) || u[m] == '.')))
            {
              k = m;
              while (k < n && suggest_char_in (&zh->big_numbers, u[k]))
                k++;
            }
        }
      if (k < n && suggest_char_in (&zh->approximators, u[k]))
        k++;
      unit = suggest_word_list_match_at (&zh->units, u, n, k);
      /* 3000万记录, 四处处长: the unit starts a word that is no count. */
      if (unit > 0 && suggest_word_list_match_at (&zh->not_after, u, n, k) > unit)
        {
          if (big == 0)
            continue;
          add_zh_figure (run, a, k, k, "zh-statistic", 0.7);
          continue;
        }
      if (unit == 0 && big == 0)
        continue;
      /* 2021年 is a year; 10年 is a duration. 八十年代, 6月, 8点 are not numbers of things. */
      if (unit > 0 && u[k] == 0x5E74 /* 年 */ && (is_year (run, a, b) || (k + 1 < n && u[k + 1] == 0x4EE3)))
        continue;
      if (unit > 0 && suggest_word_list_match_at (&zh->not_after, u, n, k + unit) && u[k] == 0x4E2A /* 个 */ &&
          k + 1 < n && u[k + 1] == 0x6708)
        ;
      /* 23栋楼: buildings are counted in 栋 before 楼. */
      else if (suggest_word_list_match_at (&zh->not_after, u, n, k + unit) && unit <= 1 && u[k] != 0x4E2A &&
               !(unit == 1 && u[k] == 0x680B /* 栋 */))
        continue;
      if (unit == 0 && b - a >= 7)
        continue;
      if (unit > 0 && (zh_leading_period (run, a, k) || zh_time_reference (run, k + unit) || !zh_points_unit_ok (run, a, k, unit)))
        continue;
      /* 8点30分15秒: the seconds of a time of day. */
      if (unit > 0 && u[k] == 0x79D2 /* 秒 */ && a > 0 && (u[a - 1] == 0x5206 /* 分 */ || u[a - 1] == ':'))
        continue;
      add_zh_figure (run, a, k, k + unit, "zh-statistic", unit > 0 ? 0.85 : 0.7);
      i = MAX (zh_figure_end (run, k + unit), k + unit) - 1;
    }
  zh_numeral_statistics (run);
  zh_half_statistics (run);
}

/* Whether the text before code point @end ends with the word @word (no
 * letter before it). */
gboolean
suggest_en_ends_with (Run        *run,
                      guint       end,
                      const char *word)
{
  guint len = (guint) strlen (word);

  if (end < len)
    return FALSE;
  for (guint k = 0; k < len; k++)
    if (run->u[end - len + k] != (gunichar) word[k])
      return FALSE;
  return end == len || !g_unichar_isalpha (run->u[end - len - 1]);
}

/* The end of a counted noun within @max_words words after @from (106
 * protesters, 11 million people), or 0. */
static guint
en_counted_end (Run  *run,
                guint from,
                guint max_words)
{
  EnLexicon *en = &run->self->en;
  guint k = from, words = 0;

  while (k < run->n && run->u[k] == ' ' && words < max_words)
    {
      guint w = k + 1, len;
      while (w < run->n && g_unichar_isalpha (run->u[w]))
        w++;
      len = w - k - 1;
      if (len == 0 || (w < run->n && run->u[w] == '-'))
        return 0;
      if (suggest_word_list_has (&en->counted_nouns, run->u + k + 1, len) ||
          (len > 3 && run->u[w - 1] == 's' && run->u[w - 2] != 's' && g_unichar_islower (run->u[k + 1])))
        return w;
      words++;
      k = w;
    }
  return 0;
}

/* 300 to 400 protesters, between 5 and 10 percent: the lower bound joins
 * the figure starting at @a. */
static guint
en_range_start (Run  *run,
                guint a)
{
  gunichar *u = run->u;
  guint s;
  gboolean and = FALSE;

  if (a >= 5 && u[a - 1] == ' ' && u[a - 2] == 'o' && u[a - 3] == 't' && u[a - 4] == ' ')
    s = a - 4;
  else if (a >= 6 && u[a - 1] == ' ' && u[a - 2] == 'd' && u[a - 3] == 'n' && u[a - 4] == 'a' && u[a - 5] == ' ')
    {
      s = a - 5;
      and = TRUE;
    }
  else
    return a;
  {
    guint e = s;
    while (s > 0 && (g_unichar_isdigit (u[s - 1]) || ((u[s - 1] == '.' || u[s - 1] == ',') && s >= 2 && g_unichar_isdigit (u[s - 2]))))
      s--;
    if (s == e || (s > 0 && (g_unichar_isalnum (u[s - 1]) || u[s - 1] == '$')))
      return a;
    /* "between 5 and 10"; "aged 5 and 10" is two figures */
    if (and && !suggest_en_ends_with (run, s > 0 ? s - 1 : 0, "between") && !suggest_en_ends_with (run, s > 0 ? s - 1 : 0, "Between"))
      return a;
  }
  return s;
}

/* Whether the word of code points [ws, we) is in @wl as written or in
 * lower case (ASCII letters: a list of lower-case words). */
gboolean
suggest_en_word_in_fold (Run            *run,
                         const WordList *wl,
                         guint           ws,
                         guint           we)
{
  g_autofree char *word = suggest_substring (run, ws, we);
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (lower, -1, NULL);

  return suggest_word_list_has (wl, run->u + ws, we - ws) || suggest_word_list_has (wl, u, we - ws);
}

/* The end of a count at @k (19, 1,200, seven), or 0. */
static guint
en_count_end (Run  *run,
              guint k)
{
  guint w = k;

  if (k < run->n && g_unichar_isdigit (run->u[k]))
    {
      while (w < run->n && (g_unichar_isdigit (run->u[w]) ||
                            (run->u[w] == ',' && w + 1 < run->n && g_unichar_isdigit (run->u[w + 1]))))
        w++;
      return w < run->n && g_unichar_isalpha (run->u[w]) ? 0 : w;
    }
  while (w < run->n && g_unichar_isalpha (run->u[w]))
    w++;
  return w > k && suggest_en_word_in_fold (run, &run->self->en.number_words, k, w) ? w : 0;
}

/* The end of the lowercase word at @k, @k if none. */
static guint
en_lower_word_end (Run  *run,
                   guint k)
{
  guint w = k;

  while (w < run->n && g_unichar_islower (run->u[w]))
    w++;
  return w < run->n && (g_unichar_isalnum (run->u[w]) || run->u[w] == '-') ? k : w;
}

/* Whether [k, w) is a counted noun: listed (men, people) or a plural. */
static gboolean
en_counted_word (Run  *run,
                 guint k,
                 guint w)
{
  return w > k && (suggest_word_list_has (&run->self->en.counted_nouns, run->u + k, w - k) ||
                   (w - k > 3 && run->u[w - 1] == 's' && run->u[w - 2] != 's'));
}

/* After "of " at @k in "19 of the 26", "six of their previous seven",
 * "two of the men", "28 of 30 shots", "41 of the stolen bottles", "two of
 * the company's eleven factories": the end of the whole, or 0. */
static guint
en_share_end (Run  *run,
              guint k)
{
  static const char *const determiners[] = { "the", "their", "its", "his", "her", "our", NULL };
  gboolean determiner = FALSE, possessive = FALSE;
  guint w = en_lower_word_end (run, k);

  if (w > k)
    {
      g_autofree char *word = suggest_substring (run, k, w);
      if (g_strv_contains (determiners, word) && w < run->n && run->u[w] == ' ')
        {
          determiner = TRUE;
          k = w + 1;
          /* the company's */
          w = k;
          while (w < run->n && g_unichar_islower (run->u[w]))
            w++;
          if (w + 2 < run->n && w > k && (run->u[w] == '\'' || run->u[w] == 0x2019) && run->u[w + 1] == 's' &&
              run->u[w + 2] == ' ')
            {
              k = w + 3;
              possessive = TRUE;
            }
        }
    }
  for (guint words = 0; words < 2; words++)
    {
      guint c = en_count_end (run, k);
      if (c > 0)
        {
          /* 28 of 30 shots: the counted noun after the second count */
          if (c + 1 < run->n && run->u[c] == ' ')
            {
              guint e = en_lower_word_end (run, c + 1);
              if (en_counted_word (run, c + 1, e))
                return e;
            }
          return c;
        }
      w = en_lower_word_end (run, k);
      if (w == k)
        return 0;
      /* "two of the men"; not "480 of the plant's hourly workers", a
       * count of a group the text describes, whose figure is the 480 */
      if (determiner && !possessive && en_counted_word (run, k, w))
        return w;
      /* one adjective at most: "previous", "stolen" */
      if (w >= run->n || run->u[w] != ' ')
        return 0;
      k = w + 1;
    }
  return 0;
}

/* Shares and counts in words, before the figures (the first rule that
 * finds a span wins): see share_re. */
static void
en_shares (Run *run)
{
  EnLexicon *en = &run->self->en;
  g_autoptr(GMatchInfo) m = NULL;

  g_regex_match (en->share_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ms, me, gs, ge;
      guint a, end = 0;

      g_match_info_fetch_pos (m, 0, &ms, &me);
      a = suggest_cp_of (run, ms);
      if (g_match_info_fetch_pos (m, 1, &gs, &ge) && gs >= 0)
        {
          /* not "hundreds of millions": no count */
          if (run->u[suggest_cp_of (run, ge) - 1] == 's')
            continue;
          end = en_share_end (run, suggest_cp_of (run, me));
        }
      else if (g_match_info_fetch_pos (m, 3, &gs, &ge) && gs >= 0)
        {
          /* one in five workers, one in four water mains; not "one in
           * five of the victims", whose count is the victims' */
          guint k = suggest_cp_of (run, ge);
          end = 0;
          for (guint words = 0; words < 2 && k + 1 < run->n && run->u[k] == ' '; words++)
            {
              guint w = en_lower_word_end (run, k + 1);
              if (w == k + 1)
                break;
              if (en_counted_word (run, k + 1, w))
                {
                  end = w;
                  break;
                }
              k = w;
            }
        }
      else
        end = suggest_cp_of (run, me);
      if (end > a)
        suggest_add_cand (run, "statistic", a, end, "en-statistic-share", 0.7);
    }
}

void
suggest_en_statistics (Run *run)
{
  EnLexicon *en = &run->self->en;
  g_autoptr(GMatchInfo) m = NULL;

  en_shares (run);

  g_regex_match (en->number_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ms, me, ns, ne, us, ue, ds, de, ss, se;
      guint a, b, end;
      gboolean dollar, stat = FALSE;

      g_match_info_fetch_pos (m, 0, &ms, &me);
      g_match_info_fetch_pos (m, 1, &ds, &de);
      g_match_info_fetch_pos (m, 2, &ns, &ne);
      g_match_info_fetch_pos (m, 3, &ss, &se);
      g_match_info_fetch_pos (m, 4, &us, &ue);
      dollar = ds >= 0 && de > ds;
      /* 40m alone is a length, £40m money. */
      if (ss >= 0 && se > ss && !dollar)
        continue;
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
          /* type 2 diabetes, Route 66, plot 52: a number that names. */
          if (w < k && k < a && suggest_word_list_has (&en->number_labels, run->u + w, k - w))
            continue;
        }
        if (a > 0 && (run->u[a - 1] == 0x2019 || run->u[a - 1] == '\''))
          continue;
        (void) len;
      }
      if (dollar || end > b)
        {
          /* 11 million people: the counted noun after a scale word. */
          guint people = end > b && !dollar ? en_counted_end (run, end, 2) : 0;
          stat = TRUE;
          if (people > 0 && (suggest_en_ends_with (run, end, "million") || suggest_en_ends_with (run, end, "billion") ||
                             suggest_en_ends_with (run, end, "thousand")))
            end = people;
        }
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
              /* "up from 19 the year before", "110,000 a year", "is 87 and
               * swims": a determiner or a conjunction starts other words. */
              {
                static const char *const stops[] = { "the", "a", "an", "and", "or", "but", NULL };
                g_autofree char *word = suggest_substring (run, k + 1, w);
                if (g_strv_contains (stops, word))
                  break;
              }
              if (len > 4 && run->u[w - 4] == '-' && run->u[w - 3] == 'o' && run->u[w - 2] == 'l' && run->u[w - 1] == 'd')
                break;   /* 93 year-old, a typo of the same */
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
                           g_str_equal (word, "roughly") || g_str_equal (word, "least") ||
                           /* up from 150 the year before */
                           (g_str_equal (word, "from") && s >= 3 &&
                            (suggest_en_ends_with (run, s - 1, "up") || suggest_en_ends_with (run, s - 1, "down")));
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
      /* $1,500 to $3,000: one figure, the upper bound's match is then
       * dropped as overlapping it. */
      if (dollar && end + 6 < run->n && run->u[end] == ' ' && run->u[end + 1] == 't' && run->u[end + 2] == 'o' &&
          run->u[end + 3] == ' ' && run->u[end + 4] == run->u[a] && g_unichar_isdigit (run->u[end + 5]))
        {
          guint x = end + 5;
          while (x < run->n && (g_unichar_isdigit (run->u[x]) ||
                                ((run->u[x] == ',' || run->u[x] == '.') && x + 1 < run->n && g_unichar_isdigit (run->u[x + 1]))))
            x++;
          if (x == run->n || !g_unichar_isalnum (run->u[x]))
            end = x;
        }
      a = en_range_start (run, a);
      {
        guint c = suggest_add_cand (run, "statistic", a, end, "en-statistic", 0.85);
        if (end > b)
          suggest_cand_at (run, c)->unit = suggest_substring (run, b + (run->u[b] == ' ' ? 1 : 0), end);
      }
      (void) us;
      (void) ue;
    }
  g_clear_pointer (&m, g_match_info_free);

  /* a 5-4 win, (11-6, 3.41 ERA): a score (score_re) */
  g_regex_match (en->score_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ms, me;
      guint a, b;

      g_match_info_fetch_pos (m, 0, &ms, &me);
      a = suggest_cp_of (run, ms);
      b = suggest_cp_of (run, me);
      if ((a > 0 && is_han (run->u[a - 1])) || (b < run->n && is_han (run->u[b])))
        continue;
      suggest_add_cand (run, "statistic", a, b, "en-statistic-score", 0.75);
    }
  g_clear_pointer (&m, g_match_info_free);

  /* two people, nine African-American churchgoers */
  g_regex_match (en->word_number_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ms, me;
      guint a, k, words = 0;

      gboolean the_before, these_before;

      g_match_info_fetch_pos (m, 0, &ms, &me);
      a = suggest_cp_of (run, ms);
      k = suggest_cp_of (run, me);
      /* "the eight years of his presidency", "these two issues": the
       * things the text already counted, no new figure. */
      the_before = suggest_en_ends_with (run, a > 0 ? a - 1 : 0, "the") || suggest_en_ends_with (run, a > 0 ? a - 1 : 0, "The") ||
                   /* "in the last two years": a time up to now, like "ago" */
                   suggest_en_ends_with (run, a > 0 ? a - 1 : 0, "last") || suggest_en_ends_with (run, a > 0 ? a - 1 : 0, "past");
      these_before = suggest_en_ends_with (run, a > 0 ? a - 1 : 0, "these") || suggest_en_ends_with (run, a > 0 ? a - 1 : 0, "those") ||
                     suggest_en_ends_with (run, a > 0 ? a - 1 : 0, "These") || suggest_en_ends_with (run, a > 0 ? a - 1 : 0, "Those");
      /* "four" of "three to four months" belongs to the figure of "three". */
      if (a >= 4 && (suggest_en_ends_with (run, a - 1, "to") || suggest_en_ends_with (run, a - 1, "or")) && run->u[a - 1] == ' ' && run->u[a - 4] == ' ')
        {
          guint y = a - 4;
          while (y > 0 && g_unichar_isalpha (run->u[y - 1]))
            y--;
          if (y < a - 4 && suggest_word_list_has (&en->number_words, run->u + y, a - 4 - y))
            continue;
        }
      /* Forty-one years: the tens and the unit are one number */
      if (k + 1 < run->n && run->u[k] == '-')
        {
          static const char *const units[] = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", NULL };
          guint x = k + 1;
          while (x < run->n && g_unichar_islower (run->u[x]))
            x++;
          {
            g_autofree char *unit = suggest_substring (run, k + 1, x);
            if (g_strv_contains (units, unit) && (x == run->n || !g_unichar_isalnum (run->u[x])))
              k = x;
          }
        }
      /* English words quoted in a Chinese sentence (…in ten years?”他说)
       * are the Chinese rules' to count, or not. */
      {
        gboolean han = FALSE;
        for (guint x = a > 40 ? a - 40 : 0; x < run->n && x < k + 40 && !han; x++)
          han = is_han (run->u[x]);
        if (han)
          continue;
      }
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
            /* two people, two leftist politicians, three branches; not
             * two more years, not hundreds of millions, not three times
             * or two thirds (a multiple, a share). */
            static const char *const not_counted[] = { "times", "thirds", "quarters", "fifths", "tenths", "others",
                                                       "things", "sides", "ways", NULL };
            gboolean of_after = w + 3 < run->n && run->u[w] == ' ' && run->u[w + 1] == 'o' && run->u[w + 2] == 'f' &&
                                !g_unichar_isalpha (run->u[w + 3]);
            /* three to four months: one figure. */
            if (words == 0 && (g_str_equal (word, "to") || g_str_equal (word, "or")) && w < run->n && run->u[w] == ' ')
              {
                guint x = w + 1;
                while (x < run->n && g_unichar_isalpha (run->u[x]))
                  x++;
                if (x > w + 1 && suggest_word_list_has (&en->number_words, run->u + w + 1, x - w - 1))
                  {
                    k = x;
                    continue;
                  }
              }
            /* "in the three months to Dec. 31": a company's reporting period. */
            gboolean period = the_before && w + 4 < run->n && run->u[w] == ' ' &&
                              ((run->u[w + 1] == 't' && run->u[w + 2] == 'o' && run->u[w + 3] == ' ') ||
                               (run->u[w + 1] == 'e' && run->u[w + 2] == 'n' && run->u[w + 3] == 'd'));
            /* five years, seven hours: a duration; not two years ago. */
            if (words == 0 && suggest_word_list_has (&en->time_units, lw, len) && !of_after && (!the_before || period) &&
                !(w + 4 <= run->n && run->u[w] == ' ' && run->u[w + 1] == 'a' && run->u[w + 2] == 'g' && run->u[w + 3] == 'o'))
              {
                suggest_add_cand (run, "statistic", a, w, "en-statistic-words", 0.7);
                break;
              }
            if (suggest_word_list_has (&en->time_units, lw, len) || g_str_equal (word, "of") ||
                g_strv_contains (not_counted, word))
              break;
            if (suggest_word_list_has (&en->counted_nouns, lw, len) ||
                (words <= 1 && len > (words == 0 ? 3u : 4u) && lw[len - 1] == 's' && lw[len - 2] != 's' &&
                 g_unichar_islower (run->u[k + 1]) && (words == 1 || (!of_after && !these_before))))
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
