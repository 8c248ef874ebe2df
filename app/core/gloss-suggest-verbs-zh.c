/* gloss-suggest-verbs-zh.c: whether a Chinese speaker's speech verb
 * follows a name or a role — directly, after the adverbials, means and
 * places between (随后对记者说, 在接受采访时表示, 通过对讲机报告), or a clause
 * ending in a colon before a quote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-suggest-private.h"

/* Length of a manner adverb at @e: two to four ideographs and 地 right
 * before a speech verb (兴奋地说, 激动地表示, 有些无奈地说); 0 if none. One
 * and 地 is most often the end of another word (卢宇恳切地说: no 卢宇恳). */
guint
suggest_zh_manner_before_verb (Run   *run,
                               guint  e)
{
  gunichar *u = run->u;

  for (guint k = e + 1; k < run->n && k <= e + 4; k++)
    {
      if (!is_han (u[k - 1]) || u[k - 1] == 0x7684 /* 的 */ || u[k - 1] == 0x5730 /* 地 */)
        return 0;
      if (u[k] == 0x5730 /* 地 */ && k >= e + 2)
        return suggest_word_list_match_at (&run->self->zh.verbs, u, run->n, k + 1) > 0 ? k + 1 - e : 0;
    }
  return 0;
}

/* Whether a speech verb follows a name ending at @e, directly or after
 * a short adverbial: 也/还/则/又/随后/对记者… or 在…上/时/中 (王明在会上指出,
 * 李华在接受采访时说). A bounded look-ahead keeps the scan linear. */
gboolean
suggest_zh_verb_follows (Run  *run,
                         guint e)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  /* Up to three adverbials in a row (随后对记者说, 昨日在接受采访时对记者表示),
   * each from the lexicon's speech_adverbials or 在…上/时/中. */
  for (guint step = 0; step < 4 && e < n; step++)
    {
      guint a;

      if (suggest_word_list_match_at (&zh->verbs, u, n, e))
        return TRUE;
      /* 阿珠（化名）告诉记者: a short remark in brackets after the name */
      if (u[e] == 0xFF08 /* （ */ || u[e] == '(')
        {
          guint k = e + 1;

          while (k < n && k - e <= 6 && u[k] != 0xFF09 && u[k] != ')' && u[k] != '\n')
            k++;
          if (k < n && k - e <= 6 && (u[k] == 0xFF09 || u[k] == ')'))
            {
              e = k + 1;
              continue;
            }
          return FALSE;
        }
      /* 一边收钱一边对记者说: the first action, then the saying. */
      if (e + 4 < n && u[e] == 0x4E00 /* 一 */ && (u[e + 1] == 0x8FB9 /* 边 */ || u[e + 1] == 0x908A /* 邊 */))
        {
          guint k = e + 3;
          while (k + 1 < n && k - e <= 8 && is_han (u[k]) && !(u[k] == 0x4E00 && (u[k + 1] == 0x8FB9 || u[k + 1] == 0x908A)))
            k++;
          if (k + 1 < n && k - e <= 8 && u[k] == 0x4E00)
            {
              e = k + 2;
              continue;
            }
          /* 一边说，一边把刀压在磨石上: the saying comes first. */
          if (!suggest_word_list_match_at (&zh->verbs, u, n, e + 2))
            return FALSE;
        }
      if ((a = suggest_word_list_match_at (&zh->adverbials, u, n, e)) > 0 || (a = suggest_zh_manner_before_verb (run, e)) > 0)
        {
          e += a;
          continue;
        }
      /* 一位批发商向中央社记者指出: the reporter told, with their outlet
       * (向 对 跟 and at most eight characters before 记者). */
      if (u[e] == 0x5411 /* 向 */ || u[e] == 0x5BF9 /* 对 */ || u[e] == 0x5C0D /* 對 */ || u[e] == 0x8DDF /* 跟 */)
        {
          guint k = e + 1;

          while (k + 1 < n && k - e <= 9 && is_han (u[k]) &&
                 !((u[k] == 0x8BB0 /* 记 */ || u[k] == 0x8A18 /* 記 */) && u[k + 1] == 0x8005 /* 者 */))
            k++;
          if (k + 1 < n && k - e <= 9 && (u[k] == 0x8BB0 || u[k] == 0x8A18) && u[k + 1] == 0x8005)
            {
              e = k + 2;
              continue;
            }
        }
      /* 一名巡堤队员通过对讲机报告, 透過視訊表示: the means, up to eight
       * ideographs, then the saying. */
      if (e + 2 < n && ((u[e] == 0x901A /* 通 */ && u[e + 1] == 0x8FC7 /* 过 */) || (u[e] == 0x900F /* 透 */ && u[e + 1] == 0x904E /* 過 */) ||
                        (u[e] == 0x901A && u[e + 1] == 0x904E /* 過 */)))
        {
          for (guint k = e + 3; k < n && k <= e + 10 && is_han (u[k - 1]); k++)
            if (suggest_word_list_match_at (&zh->verbs, u, n, k))
              return TRUE;
          return FALSE;
        }
      /* 有关负责人就新办法答记者问: 就 and its topic, within the clause. */
      if (u[e] == 0x5C31 /* 就 */)
        {
          for (guint k = e + 1; k < n && k < e + 24 && (is_han (u[k]) || u[k] == 0x300A || u[k] == 0x300B); k++)
            if (suggest_word_list_match_at (&zh->verbs, u, n, k))
              return TRUE;
          return FALSE;
        }
      if (u[e] == 0x5728 /* 在 */)
        {
          guint next = 0;
          for (guint k = e + 2; k < n && k < e + 14 && is_han (u[k - 1]) && next == 0; k++)
            if (u[k] == 0x4E0A /* 上 */ || u[k] == 0x65F6 /* 时 */ || u[k] == 0x6642 /* 時 */ || u[k] == 0x4E2D /* 中 */ ||
                /* 在法院门口告诉记者, 在病房里说: a place */
                u[k] == 0x53E3 /* 口 */ || u[k] == 0x91CC /* 里 */ || u[k] == 0x88E1 /* 裡 */ || u[k] == 0x5916 /* 外 */ ||
                u[k] == 0x524D /* 前 */ || u[k] == 0x65C1 /* 旁 */ || u[k] == 0x8FB9 /* 边 */ || u[k] == 0x908A /* 邊 */)
              {
                guint v = k + 1;
                if (v < n && (u[v] == 0xFF0C || u[v] == ','))
                  v++;
                if (suggest_word_list_match_at (&zh->verbs, u, n, v))
                  return TRUE;
                if (suggest_word_list_match_at (&zh->adverbials, u, n, v))
                  next = v;
              }
          if (next == 0)
            return FALSE;
          e = next;
          continue;
        }
      return FALSE;
    }
  return FALSE;
}

/* Whether a clause that began with a speaker ending at @e introduces a
 * quote with a colon (马骏却不太满意：“, 她的同事在一旁附和：「): at most
 * @limit ideographs without punctuation, then ：or : and an opening mark. */
gboolean
suggest_zh_colon_quote_follows (Run   *run,
                                guint  e,
                                guint  limit)
{
  gunichar *u = run->u;

  for (guint k = e; k < run->n && k - e <= limit; k++)
    {
      if (u[k] == 0xFF1A || u[k] == ':')
        return k > e && k + 1 < run->n && suggest_is_opener (u[k + 1]);
      if (!is_han (u[k]) && !g_unichar_isdigit (u[k]))
        return FALSE;
      /* 一位陪父亲来复诊的中年男子告诉记者：: a 的 and a role of the lexicon
       * after it make what ended at @e part of a description, whose head
       * is that role (not 看着记者的相机：). */
      if (u[k] == 0x7684 /* 的 */)
        for (guint j = k + 2; j < run->n && j - k <= 6 && is_han (u[j - 1]); j++)
          if ((suggest_word_list_match_before (&run->self->zh.unnamed_roles, u, k + 1, j) > 0 ||
               suggest_word_list_match_before (&run->self->zh.roles, u, k + 1, j) > 0) &&
              (suggest_zh_verb_follows (run, j) || (j < run->n && (u[j] == 0xFF1A || u[j] == ':'))))
            return FALSE;
    }
  return FALSE;
}

/* Whether a speaker known by their role (公诉人, 一位…经理, 患者的女儿)
 * ending at @e is the subject of an attribution: a speech verb directly or
 * after the usual adverbials, after an adverbial of one to four ideographs
 * that holds no 的 (当庭指出, 私下对记者坦言, 则直言), or a clause ending
 * in a colon before a quote. */
gboolean
suggest_zh_attribution_follows (Run   *run,
                                guint  e)
{
  gunichar *u = run->u;

  if (suggest_zh_verb_follows (run, e) || suggest_zh_colon_quote_follows (run, e, 14))
    return TRUE;
  for (guint g = 1; g <= 4 && e + g < run->n; g++)
    {
      if (!is_han (u[e + g - 1]) || u[e + g - 1] == 0x7684 /* 的 */)
        return FALSE;
      if (suggest_zh_verb_follows (run, e + g))
        return TRUE;
    }
  return FALSE;
}
