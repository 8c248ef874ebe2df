/* gloss-suggest-familiar-zh.c: Chinese persons named the familiar way —
 * a nickname in quotation marks (做樓面的「華姐」), a parent by their child's
 * name (朵朵妈妈告诉记者), a name right after a quote before its action and
 * speech verb (”覃芳芳指着…说)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-suggest-private.h"

/* 做樓面的「華姐」, 資深師傅「芬姐」, 人称“阿B”: a familiar name alone in
 * quotation marks after a description (的), a role or 叫/称 is a person's
 * nickname — a character and a kinship word (芬姐 陳伯), 阿 and a letter
 * (阿B), or a surname's familiar form (老周 小郭).  Its length, 0 if none. */
guint
suggest_zh_nickname_in_marks (Run   *run,
                              guint  i)
{
  static const gunichar kin[] = { 0x59D0 /* 姐 */, 0x54E5 /* 哥 */, 0x53D4 /* 叔 */, 0x4F2F /* 伯 */, 0x59E8 /* 姨 */,
                                  0x5AC2 /* 嫂 */, 0x5A76 /* 婶 */, 0x5B38 /* 嬸 */ };
  gunichar *u = run->u;
  gunichar open, close, before;
  guint len = 0;

  if (i < 2 || i + 3 > run->n)
    return 0;
  open = u[i - 1];
  close = open == 0x201C ? 0x201D : open == 0x300C ? 0x300D : 0;
  if (close == 0)
    return 0;
  if (u[i + 2] == close)
    len = 2;
  else if (i + 4 <= run->n && u[i + 3] == close)
    len = 3;
  else
    return 0;
  before = u[i - 2];
  if (!(before == 0x7684 /* 的 */ || before == 0x53EB /* 叫 */ || before == 0x79F0 /* 称 */ || before == 0x7A31 /* 稱 */ ||
        before == 0x53F7 /* 号 (外号) */ || before == 0x865F /* 號 */ || before == 0x5085 /* 傅 (师傅) */ ||
        suggest_char_in (&run->self->zh.role_ends, before)))
    return 0;
  /* 阿B; not 阿里, a company as often as a man */
  if (u[i] == 0x963F /* 阿 */ && len == 2 && !is_han (u[i + 1]) && g_unichar_isalpha (u[i + 1]))
    return len;
  /* 芬姐 — not 大姐 nor 老伯, no one's name */
  for (guint k = 0; len == 2 && k < G_N_ELEMENTS (kin); k++)
    if (u[i + 1] == kin[k] && is_han (u[i]) && u[i] != 0x5927 /* 大 */ && u[i] != 0x8001 /* 老 */)
      return len;
  return u[i] != 0x963F /* 阿 */ && suggest_zh_familiar_name (run, i) == len ? len : 0;
}

/* 朵朵妈妈告诉记者, 小涵爸爸说: a child's name (a doubled character or
 * 小 and one), a parent or grandparent (妈妈 爸爸 奶奶 爷爷 外婆 外公) glued to
 * it and a speech verb — the parent, named so.  Its length, 0 if none. */
guint
suggest_zh_child_parent_at (Run   *run,
                            guint  i)
{
  static const gunichar parents[][2] = { { 0x5988, 0x5988 } /* 妈妈 */, { 0x7238, 0x7238 } /* 爸爸 */,
                                         { 0x5976, 0x5976 } /* 奶奶 */, { 0x7237, 0x7237 } /* 爷爷 */,
                                         { 0x5916, 0x5A46 } /* 外婆 */, { 0x5916, 0x516C } /* 外公 */,
                                         { 0x5ABD, 0x5ABD } /* 媽媽 */, { 0x723A, 0x723A } /* 爺爺 */ };
  gunichar *u = run->u;

  if (i + 5 > run->n || !is_han (u[i]) || !is_han (u[i + 1]))
    return 0;
  if (!(u[i] == u[i + 1] || u[i] == 0x5C0F /* 小 */))
    return 0;
  /* 天天妈妈都说: a doubled adverb, no child */
  if (u[i] == u[i + 1] && g_utf8_strchr ("天常刚渐慢偏往每明好年人处时早默悄轻静频纷连多大白样", -1, u[i]) != NULL)
    return 0;
  for (guint k = 0; k < G_N_ELEMENTS (parents); k++)
    if (u[i + 2] == parents[k][0] && u[i + 3] == parents[k][1])
      return suggest_zh_verb_follows (run, i + 4) ? 4 : 0;
  return 0;
}

/* ”覃芳芳指着货架上的玻璃瓶说: a name of three right after a closing
 * quotation mark, a speech verb ending its clause within twenty
 * ideographs — the quote's speaker, an action between; not one a role
 * follows (”江苏队主攻孟雨桐: the team's; an office after it makes the
 * whole an official's chain, which no other name may overlap). */
gboolean
suggest_zh_speaks_after_quote (Run   *run,
                               guint  i,
                               guint  len)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint k;

  if (len != 3 || i == 0 || (u[i - 1] != 0x201D && u[i - 1] != 0x300D /* 」 */))
    return FALSE;
  /* ”江苏队主攻孟雨桐赛后说: a role after it, whose the name is */
  if (suggest_word_list_match_at (&zh->roles, u, run->n, i + len) > 0)
    return FALSE;
  for (k = i + len; k < run->n && k - i < 20 && is_han (u[k]); k++)
    ;
  if (k >= run->n || (!suggest_is_clause_punct (u[k]) && u[k] != 0xFF1A && u[k] != ':'))
    return FALSE;
  return suggest_word_list_match_before (&zh->verbs, u, k > MAX_WORD ? k - MAX_WORD : 0, k) > 0;
}
