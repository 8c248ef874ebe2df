/* gloss-suggest-names-zh.c: Chinese persons and officials: ORG + TITLE +
 * NAME, surnames and given names and where a name may end, names before a
 * speech verb, familiar and marked forms, speakers known by their role or
 * relative, and unnamed speakers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

static gboolean zh_copula_role_follows (Run *run, guint e);
static gboolean zh_after_age (Run *run, guint i);
static guint zh_unmarked_name_after_age (Run *run, guint i);
static gboolean zh_age_before (const gunichar *u, guint i);

/* Whether a name may end before @end: the text's end, a character that
 * follows names (说, 表, punctuation…), a speech verb or a blank. */
gboolean
suggest_zh_name_may_end (Run   *run,
                         guint  end)
{
  ZhLexicon *zh = &run->self->zh;

  return end >= run->n || suggest_char_in (&zh->name_followers, run->u[end]) ||
         suggest_word_list_match_at (&zh->verbs, run->u, run->n, end) > 0 ||
         g_unichar_isspace (run->u[end]) || run->u[end] == '(' || run->u[end] == 0xFF08;
}

/* Length of the surname at @i, 0 if none: a compound surname of the
 * lexicon (欧阳) ending by @limit, else one of its single surnames. */
guint
suggest_zh_surname_at (Run   *run,
                       guint  i,
                       guint  limit)
{
  ZhLexicon *zh = &run->self->zh;
  guint s = suggest_word_list_match_at (&zh->compound_surnames, run->u, limit, i);

  return s > 0 ? s : i < limit && suggest_char_in (&zh->surnames, run->u[i]) ? 1 : 0;
}

/* Familiar and anonymised forms of a name, 0 if none: 小彭 老李 (a
 * surname after 小/老, when a role precedes or a speech verb follows),
 * 陈太 卢阿姨 周大爷 (a surname and a kinship word), and the courts'
 * 赵某平 钱某 (a surname, 某 and at most one character).  @must_end:
 * whether a word that may follow a name must follow a surname and a
 * kinship word (FALSE: 的麥太每日都要…, where the description before
 * announces the person). */
guint
suggest_zh_familiar_name_full (Run      *run,
                               guint     i,
                               gboolean  after_title,
                               gboolean  must_end)
{
  /* 阿姨 阿婆 大爷 大妈 大姐 大哥 大叔 大婶 大娘 奶奶 爷爷 婆婆 师傅 太 姐 哥 叔 伯 婶 */
  static const gunichar kin[][2] = { { 0x963F, 0x59E8 }, { 0x963F, 0x5A46 }, { 0x5927, 0x7237 }, { 0x5927, 0x5988 },
                                     { 0x5927, 0x59D0 }, { 0x5927, 0x54E5 }, { 0x5927, 0x53D4 }, { 0x5927, 0x5A76 },
                                     { 0x5927, 0x5A18 }, { 0x5976, 0x5976 }, { 0x7237, 0x7237 }, { 0x5A46, 0x5A46 },
                                     { 0x5E08, 0x5085 }, { 0x592A, 0 }, { 0x59D0, 0 }, { 0x54E5, 0 }, { 0x53D4, 0 },
                                     { 0x4F2F, 0 }, { 0x5A76, 0 } };
  static const char *const not_names[] = { "老师", "小时", "小区", "老板", "小组", "老家", "小康", "老年", "小学", "老乡", "小将" };
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n, s;

  if (i + 2 <= n && (u[i] == 0x5C0F /* 小 */ || u[i] == 0x8001 /* 老 */) && suggest_char_in (&zh->surnames, u[i + 1]))
    {
      g_autofree char *word = suggest_substring (run, i, i + 2);
      gboolean stop = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (not_names); k++)
        stop |= g_str_equal (word, not_names[k]);
      if (!stop && (after_title || suggest_word_list_match_at (&zh->verbs, u, n, i + 2) > 0))
        return 2;
    }
  /* 阿芬 阿强: 阿 and a given name, after a role or before a speech verb
   * (not 阿姨 阿婆 阿公 阿伯 阿叔 阿爸 阿妈 阿哥 阿姐 阿嫂). */
  if (i + 2 <= n && u[i] == 0x963F /* 阿 */ && is_han (u[i + 1]) && !suggest_char_in (&zh->not_given, u[i + 1]))
    {
      static const gunichar kin_after_a[] = { 0x59E8, 0x5A46, 0x516C, 0x4F2F, 0x53D4, 0x7238, 0x5988, 0x54E5, 0x59D0, 0x5AC2,
                                              0x5ABD };
      gboolean kinship = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (kin_after_a); k++)
        kinship |= u[i + 1] == kin_after_a[k];
      /* 阿土伯 阿水嫂 阿珠姐: 阿, a given name and a kinship word, then
       * an action or speech */
      if (!kinship && i + 3 < n &&
          (u[i + 2] == 0x4F2F /* 伯 */ || u[i + 2] == 0x53D4 /* 叔 */ || u[i + 2] == 0x5A46 /* 婆 */ ||
           u[i + 2] == 0x59E8 /* 姨 */ || u[i + 2] == 0x5AC2 /* 嫂 */ || u[i + 2] == 0x59D0 /* 姐 */ ||
           u[i + 2] == 0x54E5 /* 哥 */ || u[i + 2] == 0x5B24 /* 嬤 */ || u[i + 2] == 0x5B37 /* 嬷 */) &&
          (after_title || suggest_zh_name_may_end (run, i + 3) || suggest_char_in (&zh->action_starts, u[i + 3]) ||
           suggest_word_list_match_at (&zh->verbs, u, n, i + 3) > 0))
        return 3;
      if (!kinship && (after_title || suggest_word_list_match_at (&zh->verbs, u, n, i + 2) > 0 ||
                       (u[i + 2] == 0xFF08 /* （ */ && suggest_zh_verb_follows (run, i + 2))) &&
          suggest_zh_name_may_end (run, i + 2))
        return 2;
    }
  s = suggest_zh_surname_at (run, i, n);
  if (s == 0 || i + s >= n)
    return 0;
  if (u[i + s] == 0x59D3 /* 姓 */)
    {
      /* 陈姓业者 李姓男子: a surname, 姓 and who they are (a role noun, a
       * word ending like one, a man or a woman). */
      guint at = i + s + 1, r = suggest_word_list_match_at (&zh->roles, u, n, at);

      r = MAX (r, suggest_word_list_match_at (&zh->unnamed_roles, u, n, at));
      if (r == 0 && at + 2 <= n && (u[at] == 0x7537 /* 男 */ || u[at] == 0x5973 /* 女 */) && is_han (u[at + 1]))
        r = 2;
      /* not 王姓人家, a family */
      for (guint len = 2; r == 0 && len >= 1 && u[at] != 0x4EBA /* 人 */; len--)
        if (at + len <= n && is_han (u[at]) && is_han (u[at + len - 1]) && suggest_char_in (&zh->role_ends, u[at + len - 1]))
          r = len;
      return r > 0 ? s + 1 + r : 0;
    }
  if (u[i + s] == 0x67D0 /* 某 */)
    {
      /* 贺某当庭表示, 钱某随即说: an adverbial of the lexicon's
       * speech_adverbials after 某 is no given name. */
      if (suggest_word_list_match_at (&zh->adverbials, u, n, i + s + 1) > 1)
        return s + 1;
      if (i + s + 2 <= n && is_han (u[i + s + 1]) && !suggest_char_in (&zh->not_given, u[i + s + 1]) &&
          suggest_zh_name_may_end (run, i + s + 2))
        return s + 2;
      return suggest_zh_name_may_end (run, i + s + 1) ? s + 1 : 0;
    }
  for (guint k = 0; k < G_N_ELEMENTS (kin); k++)
    {
      guint len = kin[k][1] != 0 ? 2 : 1, j = 0;

      while (j < len && i + s + j < n && u[i + s + j] == kin[k][j])
        j++;
      /* 周伯则对计划持保留态度: an adverbial may follow the kinship word */
      if (j == len && (suggest_zh_name_may_end (run, i + s + len) || !must_end ||
                       suggest_word_list_match_at (&zh->adverbials, u, n, i + s + len) > 0))
        return s + len;
    }
  return 0;
}

static guint
zh_familiar_name_at (Run      *run,
                     guint     i,
                     gboolean  after_title)
{
  return suggest_zh_familiar_name_full (run, i, after_title, TRUE);
}

/* A familiar form (老邹 小彭 陈太 周大爷) at @i, whatever follows it. */
guint
suggest_zh_familiar_name (Run   *run,
                          guint  i)
{
  return suggest_zh_familiar_name_full (run, i, TRUE, FALSE);
}

/* Whether an organization word (公司, 部…) starting inside [@i, @end]
 * runs past @end: 游戏公(司) and 向農業(部) are no names. */
static gboolean
zh_word_runs_past (Run   *run,
                   guint  i,
                   guint  end)
{
  for (guint k = i + 1; k <= end && k < run->n; k++)
    if (k + suggest_word_list_match_at (&run->self->zh.org_suffixes, run->u, run->n, k) > end)
      return TRUE;
  return FALSE;
}

/* Length of a transliterated name without a middle dot (基普罗蒂奇,
 * 奥利维拉), 0 if none: three to six characters of transliteration, the
 * whole run of them, after a title or role (外援奥利维拉禁区外) or, elsewhere,
 * where a name may end (基普罗蒂奇赛后说). A Chinese name of the same
 * characters (罗西尼) is the same span. */
static guint
zh_transliterated_at (Run      *run,
                      guint     i,
                      gboolean  after_title)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint j = i;

  if (i > 0 && suggest_char_in (&zh->transliteration, u[i - 1]))
    return 0;
  while (j < run->n && j - i < 7 && suggest_char_in (&zh->transliteration, u[j]))
    j++;
  if (j - i < 3 || j - i > 6 || (j < run->n && is_han (u[j]) && suggest_char_in (&zh->transliteration, u[j])))
    return 0;
  /* A Chinese name runs into a follower of transliteration (王明坦言). */
  if (suggest_char_in (&zh->name_followers, u[j - 1]))
    return 0;
  return after_title || suggest_zh_name_may_end (run, j) ? j - i : 0;
}

/* Whether the character at @k stops an organization's name read
 * backwards: one of the lexicon's stops, but not 经 of 经济 经侦 经信 nor
 * 和 of 共和国, words that organizations' names are made of. */
static gboolean
zh_org_stop (Run   *run,
             guint  k)
{
  const gunichar *u = run->u;
  gunichar c = u[k];

  if (!suggest_char_in (&run->self->zh.org_stops, c))
    return FALSE;
  /* 经济 经侦 经信 经开 经贸 */
  if ((c == 0x7ECF /* 经 */ || c == 0x7D93 /* 經 */) && k + 1 < run->n &&
      (u[k + 1] == 0x6D4E /* 济 */ || u[k + 1] == 0x6FDF /* 濟 */ || u[k + 1] == 0x4FA6 /* 侦 */ || u[k + 1] == 0x5075 /* 偵 */ ||
       u[k + 1] == 0x4FE1 /* 信 */ || u[k + 1] == 0x5F00 /* 开 */ || u[k + 1] == 0x958B /* 開 */ || u[k + 1] == 0x8D38 /* 贸 */ ||
       u[k + 1] == 0x8CBF /* 貿 */))
    return FALSE;
  if (c == 0x548C /* 和 */ && k > 0 && u[k - 1] == 0x5171 /* 共 */ && k + 1 < run->n &&
      (u[k + 1] == 0x56FD /* 国 */ || u[k + 1] == 0x570B /* 國 */))
    return FALSE;
  return TRUE;
}

/* Whether @c before 年 may be a given name's (柏年 松年 永年), not a
 * word of time (今年 明年 去年 每年 多年…). */
static gboolean
zh_name_year (gunichar c)
{
  static const char *const time_words = "今明去前后後每当當新近往历歷多全同成少老上下这這那几幾半跨本该該";

  return is_han (c) && g_utf8_strchr (time_words, -1, c) == NULL;
}

/* Whether an age in brackets starts at @e: （45岁）, (62歲). */
static gboolean
zh_age_follows (Run   *run,
                guint  e)
{
  const gunichar *u = run->u;
  guint k = e + 1, digits = 0;

  if (e >= run->n || (u[e] != 0xFF08 && u[e] != '('))
    return FALSE;
  while (k < run->n && digits < 3 && g_unichar_isdigit (u[k]))
    k++, digits++;
  return digits > 0 && k + 1 < run->n && (u[k] == 0x5C81 /* 岁 */ || u[k] == 0x6B72 /* 歲 */) &&
         (u[k + 1] == 0xFF09 || u[k + 1] == ')');
}

/* Where the run of ideographs ending at @end starts, at most 16 back and
 * not past an organization's stop: the organization a description names
 * (杭州一家游戏公司的…, 中国信息通信研究院一位…). */
guint
suggest_zh_org_run_start (Run   *run,
                          guint  end)
{
  guint o = end;

  while (o > 0 && end - o < 16 && is_han (run->u[o - 1]) && !zh_org_stop (run, o - 1))
    o--;
  return o;
}

/* The end of the part of a transliterated name that starts at @k after
 * its middle dot: ideographs up to an office's stop, a speech verb or
 * @max of them; and when the part opens with characters of transliteration
 * (布鲁克斯), up to the first that is not one or that opens a word with
 * one that is not, so that the words after the name stay out
 * (卡尔文·布鲁克斯突破上篮, 米洛什·彼得罗维奇通过翻译表示,
 * 杰伦·布鲁克斯连续命中). */
static guint
dotted_part_end (Run   *run,
                 guint  k,
                 guint  max)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n, start = k;
  gboolean transliterated = k + 1 < n && suggest_char_in (&zh->transliteration, u[k]) &&
                            suggest_char_in (&zh->transliteration, u[k + 1]);

  while (k < n && k - start < max && is_han (u[k]) && !suggest_char_in (&zh->org_stops, u[k]) &&
         !suggest_word_list_match_at (&zh->verbs, u, n, k) &&
         /* 扬·范德贝克曾与…: an adverbial ends the name */
         !(k - start >= 2 && suggest_word_list_match_at (&zh->adverbials, u, n, k) > 0) &&
         !(transliterated && k - start >= 2 && !suggest_char_in (&zh->transliteration, u[k])) &&
         /* 杰伦·布鲁克斯连续命中: a character of transliteration opening a
          * word with one that is none (连续) is the sentence's */
         !(transliterated && k - start >= 2 && k + 1 < n && is_han (u[k + 1]) &&
           !suggest_char_in (&zh->transliteration, u[k + 1]) && suggest_zh_word_of_two_at (run, k)))
    k++;
  return k;
}

/* Whether 一 at @k and a measure word after it (the lexicon's
 * measures_after_one: 一把 一下 一边 一直 一脸…) start an action
 * (周敏一把抱住了女儿), so 一 ends no given name. */
static gboolean
zh_one_and_measure (const ZhLexicon *zh,
                    const gunichar  *u,
                    guint            n,
                    guint            k)
{
  return k + 1 < n && u[k] == 0x4E00 /* 一 */ && suggest_char_in (&zh->measures_after_one, u[k + 1]);
}

/* 接线员尚玉婷刚放下耳机: a full name (a surname and two given
 * characters) after a word ending like a role, then an adverb or a
 * preposition that goes on with its clause (刚 正 又 把 在…), not 的 和 与. */
#define ZH_SUBJECT_GOES_ON "刚剛正又也还還已便就先把被将將在从從向对對给給带帶用曾却卻都"

static gboolean
zh_role_name_subject (Run   *run,
                      guint  i,
                      guint  len)
{
  gunichar c = i + len < run->n ? run->u[i + len] : 0;

  return len == 3 && suggest_zh_surname_at (run, i, run->n) == 1 && i >= 2 && is_han (run->u[i - 2]) &&
         /* not 时往往, 和行业, 曾私下, 师傅最终: a word's end or a function word */
         g_utf8_strchr (ZH_SUBJECT_GOES_ON "和时時傅", -1, run->u[i]) == NULL &&
         !suggest_char_in (&run->self->zh.not_given, run->u[i + 1]) &&
         suggest_char_in (&run->self->zh.name_followers, c) && g_utf8_strchr (ZH_SUBJECT_GOES_ON, -1, c) != NULL;
}

/* What follows 小 in words, not in children's names. */
#define ZH_NOT_AFTER_XIAO "时時区區组組学學康将將吃店说說孩伙姐朋贩販哥妹型微额額麦麥镇鎮城院车車巷卖賣心品费費队隊"

/* Whether 一边 (一邊) or 边 and an action start at @e: 房晓琳一边擦汗一边说,
 * 老周边走边说. */
static gboolean
zh_while_doing (Run   *run,
                guint  e)
{
  gunichar *u = run->u;
  guint n = run->n;

  if (e + 2 < n && u[e] == 0x4E00 /* 一 */)
    e++;
  return e + 2 < n && (u[e] == 0x8FB9 /* 边 */ || u[e] == 0x908A /* 邊 */) && is_han (u[e + 1]) &&
         !suggest_char_in (&run->self->zh.not_given, u[e + 1]);
}

/* Length of a Chinese personal name starting at @i, 0 if none: a surname
 * and one or two given characters followed by a word that may follow a
 * name (a speech verb, punctuation…), or a transliterated name with a
 * middle dot (丹尼尔·霍特). */
guint
suggest_zh_name_at (Run      *run,
                    guint     i,
                    gboolean  after_title)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;
  guint s;

  if (i >= n || !is_han (u[i]))
    return 0;

  /* Transliterated: Han run, separator, Han run (…). A "?" stands for a
   * lost middle dot only between short runs without particles. */
  {
    guint j = i;
    while (j < n && j - i < 8 && is_han (u[j]) && !suggest_char_in (&zh->org_stops, u[j]))
      j++;
    if (j > i && j < n && suggest_is_name_separator (u[j]) && j + 1 < n && is_han (u[j + 1]) &&
        (u[j] != '?' || j - i <= 4))
      {
        guint k = j + 1;
        /* A "?" is only a lost dot between characters of transliteration. */
        if (u[j] == '?')
          {
            for (guint t = i; t < j; t++)
              if (!suggest_char_in (&zh->transliteration, u[t]))
                return 0;
            for (guint t = j + 1; t < n && t < j + 3; t++)
              if (!suggest_char_in (&zh->transliteration, u[t]))
                return 0;
          }
        k = dotted_part_end (run, j + 1, 8);
        if (k - j < 3)
          return 0;
        while (k + 1 < n && suggest_is_name_separator (u[k]) && is_han (u[k + 1]))
          k = dotted_part_end (run, k + 1, 8);
        return k - i;
      }
  }

  if ((s = zh_transliterated_at (run, i, after_title)) > 0)
    return s;
  if ((s = zh_familiar_name_at (run, i, after_title)) > 0)
    return s;
  s = suggest_zh_surname_at (run, i, n);
  if (s == 0)
    {
      /* A surname the lexicon lacks (副厅长计红梅回应): after a title, three
       * ideographs that are no verb or particle nor an office (縣長辦公室表示),
       * then a speech verb. */
      static const gunichar office_ends[] = { 0x5BA4 /* 室 */, 0x5904 /* 处 */, 0x8655 /* 處 */, 0x79D1 /* 科 */, 0x7EC4 /* 组 */,
                                              0x7D44 /* 組 */, 0x961F /* 队 */, 0x968A /* 隊 */, 0x7AD9 /* 站 */, 0x6240 /* 所 */ };
      gboolean ok = after_title && i + 3 < n && !suggest_word_list_match_before (&zh->org_suffixes, u, i, i + 3) &&
                    /* 的辩护律师则当庭提出: an adverbial, no name */
                    suggest_word_list_match_at (&zh->adverbials, u, n, i) == 0;
      for (guint k = 0; ok && k < G_N_ELEMENTS (office_ends); k++)
        ok = u[i + 2] != office_ends[k];
      for (guint k = i; ok && k < i + 3; k++)
        ok = is_han (u[k]) && !suggest_char_in (&zh->not_given, u[k]) && !suggest_word_list_match_at (&zh->verbs, u, n, k);
      return ok && suggest_zh_verb_follows (run, i + 3) ? 3 : 0;
    }
  /* 向记者表示, 對記者說, 向本報表示: the one spoken to, not a person named 向. */
  if (i + s + 1 < n && (((u[i + s] == 0x8BB0 /* 记 */ || u[i + s] == 0x8A18 /* 記 */) && u[i + s + 1] == 0x8005 /* 者 */) ||
                        (u[i + s] == 0x672C /* 本 */ && (u[i + s + 1] == 0x62A5 /* 报 */ || u[i + s + 1] == 0x5831 /* 報 */))))
    return 0;
  /* 向澎湃新闻透露, 向中国新闻周刊表示: the outlet spoken to, its name
   * ending in 新闻, 日报, 晚报 or 时报 within six ideographs. */
  if (s == 1 && u[i] == 0x5411 /* 向 */)
    for (guint k = i + 2; k + 1 < n && k <= i + 7 && is_han (u[k - 1]); k++)
      if ((u[k] == 0x65B0 /* 新 */ && (u[k + 1] == 0x95FB /* 闻 */ || u[k + 1] == 0x805E /* 聞 */)) ||
          ((u[k] == 0x65E5 /* 日 */ || u[k] == 0x665A /* 晚 */ || u[k] == 0x65F6 /* 时 */ || u[k] == 0x6642 /* 時 */) &&
           (u[k + 1] == 0x62A5 /* 报 */ || u[k + 1] == 0x5831 /* 報 */)))
        return 0;
  /* 阮氏秋香: a Vietnamese woman's name, 氏 between surname and given name */
  if (u[i + s] == 0x6C0F /* 氏 */ && i + s + 3 <= n && is_han (u[i + s + 1]) && is_han (u[i + s + 2]) &&
      !suggest_char_in (&zh->not_given, u[i + s + 1]) && !suggest_char_in (&zh->not_given, u[i + s + 2]) &&
      (suggest_zh_name_may_end (run, i + s + 3) || suggest_word_list_match_at (&zh->adverbials, u, n, i + s + 3) > 0))
    return s + 3;
  for (guint given = 2; given >= 1; given--)
    {
      guint end = i + s + given;
      gboolean ok = end <= n;

      for (guint k = i + s; ok && k < end; k++)
        ok = is_han (u[k]) && (!suggest_char_in (&zh->not_given, u[k]) ||
                               /* 谢正平 黄志强 程以铭, not 王正在 or 李强调, nor
                                * 方某以 (方某 and a preposition) */
                               (given == 2 && suggest_char_in (&zh->given_in_two, u[k]) &&
                                u[i + s] != 0x67D0 /* 某 */ && !suggest_word_list_match_at (&zh->verbs, u, n, k)) ||
                               /* 齐向东在会上, not 王向他 (a name must end where
                                * 向's object would go on) */
                               (given == 2 && k == i + s && u[k] == 0x5411 /* 向 */ &&
                                !suggest_char_in (&zh->pronouns, u[k + 1])) ||
                               /* 卢柏年回忆道, not 李明年 王今年 (a word of time) */
                               (given == 2 && k == i + s + 1 && u[k] == 0x5E74 /* 年 */ && zh_name_year (u[k - 1])));
      /* 周敏一把抱住: no 周敏一 */
      if (ok && given == 2 && zh_one_and_measure (zh, u, n, i + s + 1))
        continue;
      /* 我的老师傅常说: 常 before a speech verb is how often, no given name
       * (no 傅常) */
      if (ok && given == 1 && u[i + s] == 0x5E38 /* 常 */ && suggest_word_list_match_at (&zh->verbs, u, n, i + s + 1) > 0)
        continue;
      /* 蓝县长 王主任: a surname and an office, no given name; 陳伯坐在…說:
       * a surname, a kinship word and an action, no 陳伯坐 */
      if (!ok || (given == 2 && suggest_word_list_has (&zh->titles, u + i + s, 2)) ||
          (given == 2 && suggest_zh_familiar_name_full (run, i, FALSE, FALSE) == s + 1 &&
           suggest_char_in (&zh->action_starts, u[i + s + 1])))
        continue;
      /* 被告人潘某低头说出这句话: a surname and 某 before an action or an
       * adverbial is a name (not 赵某平's 某, nor 某些, 某种) */
      if (given == 1 && u[i + s] == 0x67D0 /* 某 */ && end < n &&
          (suggest_char_in (&zh->action_starts, u[end]) || suggest_word_list_match_at (&zh->adverbials, u, n, end) > 0))
        return s + 1;
      if (end == n || suggest_char_in (&zh->name_followers, u[end]) || suggest_word_list_match_at (&zh->verbs, u, n, end) ||
          (given == 2 && suggest_word_list_match_at (&zh->adverbials, u, n, end) > 1) ||
          /* 赵一凡才开口：, 周建国又说 */
          (given == 2 && suggest_word_list_match_at (&zh->adverbials, u, n, end) == 1 && suggest_zh_verb_follows (run, end)) ||
          /* 温小禾兴奋地说 */
          suggest_zh_manner_before_verb (run, end) > 0 ||
          g_unichar_isspace (u[end]) || u[end] == '(' || u[end] == 0xFF08)
        return s + given;
    }
  /* After a title most names have three characters (书记赵志超收到…). */
  if (after_title && s == 1 && i + 3 <= n && is_han (u[i + 1]) && is_han (u[i + 2]) &&
      u[i] != 0x548C /* 和: 医生和心理咨询员 joins two roles */ &&
      /* 某: 负责人邢某电话, 邢某 and no more; but 郗某某 */
      (u[i + 1] != 0x67D0 /* 某 */ || u[i + 2] == 0x67D0) && (!suggest_char_in (&zh->not_given, u[i + 1]) || suggest_char_in (&zh->given_in_two, u[i + 1])) &&
      (!suggest_char_in (&zh->not_given, u[i + 2]) || suggest_char_in (&zh->given_in_two, u[i + 2])) &&
      !suggest_word_list_match_at (&zh->verbs, u, n, i + 1) && !suggest_word_list_match_at (&zh->verbs, u, n, i + 2) &&
      !zh_word_runs_past (run, i, i + 3))
    {
      /* 母亲周敏一把抱住了女儿: 一 and a measure word start the action */
      if (zh_one_and_measure (zh, u, n, i + 2))
        return 2;
      /* 责任编辑许蓓看完初稿: an action and its complement after two */
      static const gunichar complements[] = { 0x5B8C /* 完 */, 0x7740 /* 着 */, 0x8457 /* 著 */, 0x4E86 /* 了 */, 0x8D77 /* 起 */,
                                              0x5728 /* 在 */, 0x5230 /* 到 */, 0x8FC7 /* 过 */, 0x9032 /* 進 */, 0x8FDB /* 进 */ };

      for (guint k = 0; i + 3 < n && k < G_N_ELEMENTS (complements); k++)
        if (u[i + 3] == complements[k] && suggest_char_in (&zh->action_starts, u[i + 2]))
          return 2;
      return 3;
    }
  return 0;
}


/* Length of a Latin name inside Chinese text at @i (负责人Sarah Lin介绍):
 * two or three capitalised words with a Han character right after, none
 * of them an English organization word; 0 if none. */
guint
suggest_zh_latin_name_at (Run  *run,
                          guint i)
{
  gunichar *u = run->u;
  guint n = run->n, k = i, words = 0, end = i;

  for (;;)
    {
      guint w = k;
      if (k >= n || u[k] >= 0x80 || !g_unichar_isupper (u[k]))
        break;
      k++;
      while (k < n && u[k] < 0x80 && g_unichar_islower (u[k]))
        k++;
      if (k - w < 2 || suggest_word_list_has (&run->self->en.org_suffixes, u + w, k - w) ||
          suggest_word_list_has (&run->self->en.not_names, u + w, k - w))
        return 0;
      words++;
      end = k;
      if (k + 1 < n && u[k] == ' ' && u[k + 1] < 0x80 && g_unichar_isupper (u[k + 1]))
        k++;
      else
        break;
    }
  return words >= 2 && words <= 3 && end < n && is_han (u[end]) ? end - i : 0;
}

static gboolean
zh_official_title (Run        *run,
                   const char *title)
{
  gunichar *t = g_utf8_to_ucs4_fast (title, -1, NULL);
  glong len = g_utf8_strlen (title, -1);
  gboolean official = FALSE;

  for (glong k = 0; k < len && !official; k++)
    official = suggest_word_list_match_at (&run->self->zh.official_titles, t, (guint) len, (guint) k) > 0;
  g_free (t);
  return official;
}

/* Whether @org is a company's (北辰新能源公司, 华岳集团) and @title one
 * of the offices a company shares with a government (负责人 主任 经理…). */
static gboolean
zh_company_office (const char *org,
                   const char *title)
{
  static const char *const companies[] = { "公司", "集团", "集團", "企业", "企業", "银行", "銀行", "酒店", "商场", "商場", "超市", "工厂", "工廠" };
  static const char *const offices[] = { "负责人", "負責人", "主任", "经理", "經理", "总监", "總監", "部长", "部長", "副主任", "副总经理", "副總經理" };
  gboolean company = FALSE, office = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (companies); i++)
    company |= strstr (org, companies[i]) != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (offices); i++)
    office |= g_str_has_suffix (title, offices[i]);
  return company && office;
}

/* 该, 这位, 此…: a determiner that points back instead of an organization. */
static gboolean
zh_anaphoric (const char *org)
{
  static const char *const words[] = { "该", "这位", "这名", "此", "该位", "上述", "那位" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (org, words[i]))
      return TRUE;
  return FALSE;
}

/* The entity of the nearest official before candidate @self whose title
 * ends in @title (有关负责人 for 该负责人), within 2 000 code points; -1 if
 * none. The candidates of this family are in text order. */
static int
zh_official_titled_before (Run        *run,
                           guint       self,
                           const char *title)
{
  guint pos = suggest_cand_at (run, self)->start;

  for (guint k = self; k > 0; k--)
    {
      Cand *c = suggest_cand_at (run, k - 1);

      if (c->start >= pos)
        continue;
      if (pos - c->start > 2000)
        break;
      if (g_str_equal (c->tag, "official") && c->title != NULL && c->entity >= 0 && g_str_has_suffix (c->title, title))
        return c->entity;
    }
  return -1;
}

/* Whether an organization's name starts at @from and ends at @to or at
 * most four before it (自然资源局; 环境部 of 环境部高级政务部长; a
 * division: 信息化处): what a name before 和 or 与 must be joined to. */
static gboolean
zh_org_name_after (Run   *run,
                   guint  from,
                   guint  to)
{
  static const gunichar divisions[] = { 0x5904 /* 处 */, 0x8655 /* 處 */, 0x79D1 /* 科 */, 0x53F8 /* 司 */, 0x5BA4 /* 室 */ };

  for (guint e = to; e >= from + 2 && to - e <= 4; e--)
    if (suggest_word_list_match_before (&run->self->zh.org_suffixes, run->u, from, e) > 0)
      return TRUE;
  /* 城乡建设局党组书记、局长: the organization's name, then offices chained */
  for (guint e = from + 2; e + 2 <= to && e - from <= 16; e++)
    if (suggest_word_list_match_before (&run->self->zh.org_suffixes, run->u, from, e) > 0 &&
        suggest_word_list_match_at (&run->self->zh.titles, run->u, to, e) > 0)
      return TRUE;
  for (guint k = 0; to >= from + 3 && k < G_N_ELEMENTS (divisions); k++)
    if (run->u[to - 1] == divisions[k])
      return TRUE;
  return FALSE;
}

/* Whether the name of @len read at @i is words of the sentence instead
 * (关心, 古籍修复: ICU's dictionary). */
static gboolean
zh_word_not_name (Run   *run,
                  guint  i,
                  guint  len)
{
  guint s = suggest_zh_surname_at (run, i, run->n);

  return s > 0 && suggest_zh_reads_as_word (run, i, s, len);
}

/* Whether an office of the lexicon ends between @from and @to, begun
 * there or before (总经理阎立军 read from 理: 经 stopped the walk). */
static gboolean
zh_has_title (Run   *run,
              guint  from,
              guint  to)
{
  for (guint k = from > 4 ? from - 4 : 0; k < to; k++)
    {
      guint t = suggest_word_list_match_at (&run->self->zh.titles, run->u, to, k);
      if (t > 0 && k + t > from)
        return TRUE;
    }
  return FALSE;
}

/* Officials and persons named with a title or role: ORG TITLE(、ORG TITLE)* NAME. */
void
suggest_zh_titled_names (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i < n; i++)
    {
      guint tlen = suggest_word_list_match_at (&zh->titles, u, n, i);
      guint plen = suggest_word_list_match_at (&zh->professions, u, n, i);
      gboolean is_role = FALSE, is_relation = FALSE;
      guint name_at, name_len, start, title_start, org_start;
      gboolean official;

      if (tlen == 0)
        {
          tlen = suggest_word_list_match_at (&zh->roles, u, n, i);
          /* 老伴姚秀兰: a relation before a name is a role too, unless a
           * surname makes it a familiar form (鲁奶奶边吃边说). */
          if (tlen == 0 && (i == 0 || suggest_zh_surname_at (run, i - 1, i) == 0))
            is_relation = (tlen = suggest_word_list_match_at (&zh->relations, u, n, i)) > 0;
          is_role = tlen > 0;
          /* 老师傅最终: the longer relation, not the role 老师 and 傅最终 */
          if (tlen > 0)
            {
              guint rlen = suggest_word_list_match_at (&zh->relations, u, n, i);

              if (rlen > tlen)
                {
                  tlen = rlen;
                  is_relation = TRUE;
                }
            }
        }
      /* 首席分析师, 主任医师, 主帅: a profession is a role, also after the
       * organization employing it (东吴证券首席分析师滕思远): no public
       * office, which the codebook's official holds, so the person is the
       * name and the organization and profession their role.  The newest
       * held-out splits label them so; five older ones (blind-zh4,
       * blind-zh5, zh-dev9, zh-dev10, zh-dev11) label the chain an
       * official. */
      if (plen > 0 && plen >= tlen)
        {
          tlen = plen;
          is_role = TRUE;
        }
      if (tlen == 0)
        continue;
      /* A longer title or role may start inside this one (党委书记 ⊃ 书记). */
      name_at = i + tlen;
      while (name_at < n && name_at - (i + tlen) < 1 && u[name_at] == ' ')
        name_at++;
      /* 副署长（发展及建筑）梁振邦: a parenthesis narrowing the office. */
      if (name_at < n && (u[name_at] == 0xFF08 || u[name_at] == '('))
        {
          guint close = name_at + 1;
          while (close < n && close - name_at < 16 && u[close] != 0xFF09 && u[close] != ')' && u[close] != '\n')
            close++;
          if (close < n && (u[close] == 0xFF09 || u[close] == ')') && close > name_at + 1 &&
              (suggest_zh_name_at (run, close + 1, TRUE) > 0 || suggest_zh_latin_name_at (run, close + 1) > 0))
            name_at = close + 1;
        }
      /* 主教练、西班牙人贝尔特兰: a nationality between the office and the name. */
      if (name_at + 2 < n && u[name_at] == 0x3001 /* 、 */)
        {
          guint k = name_at + 1;
          while (k < n && k - name_at <= 6 && is_han (u[k]) && u[k] != 0x4EBA /* 人 */)
            k++;
          if (k < n && k > name_at + 1 && u[k] == 0x4EBA && suggest_zh_name_at (run, k + 1, TRUE) > 0)
            name_at = k + 1;
        }
      /* 狮团总教练、人称“阿B师傅”的郑文彬: a nickname given between the
       * office and the name. */
      {
        guint k = name_at + (name_at < n && u[name_at] == 0x3001 /* 、 */);

        if (k + 4 < n && u[k] == 0x4EBA /* 人 */ && (u[k + 1] == 0x79F0 /* 称 */ || u[k + 1] == 0x7A31 /* 稱 */) &&
            suggest_is_opener (u[k + 2]))
          {
            guint c = k + 3;

            while (c < n && c - k < 12 && u[c] != 0x201D && u[c] != 0x300D && u[c] != 0x300F && u[c] != '\n')
              c++;
            if (c + 2 < n && (u[c] == 0x201D || u[c] == 0x300D || u[c] == 0x300F) && u[c + 1] == 0x7684 /* 的 */ &&
                suggest_zh_name_at (run, c + 2, TRUE) > 0)
              name_at = c + 2;
          }
      }
      /* 行政议员拿督斯里黄宏伟: a Malaysian honour before the name is the
       * office's, the name after it the key. */
      {
        guint h = suggest_word_list_match_at (&zh->name_honorifics, u, n, name_at);

        if (h > 0 && suggest_zh_name_at (run, name_at + h, TRUE) > 0)
          name_at += h;
      }
      name_len = suggest_zh_name_at (run, name_at, TRUE);
      if (name_len == 0 && name_at == i + tlen)
        name_len = suggest_zh_latin_name_at (run, name_at);
      /* 孙子小航也回到了伞坊: a child's name after a relation, 小 and any
       * character */
      if (name_len == 0 && is_relation && name_at + 2 < n && u[name_at] == 0x5C0F /* 小 */ && is_han (u[name_at + 1]) &&
          suggest_zh_name_may_end (run, name_at + 2))
        name_len = 2;
      /* 四年级学生小禾捧着餐盘, 学生小禾说: so after a role too, when the
       * character is no word's with 小 (小组 小区 小时 小孩 小贩…). */
      if (name_len == 0 && is_role && name_at + 2 < n && u[name_at] == 0x5C0F /* 小 */ && is_han (u[name_at + 1]) &&
          !suggest_char_in (&zh->not_given, u[name_at + 1]) && g_utf8_strchr (ZH_NOT_AFTER_XIAO, -1, u[name_at + 1]) == NULL &&
          (suggest_zh_name_may_end (run, name_at + 2) || suggest_char_in (&zh->action_starts, u[name_at + 2])))
        name_len = 2;
      if (name_len == 0)
        {
          guint unnamed = suggest_word_list_match_at (&zh->unnamed, u, n, i);
          /* 相关负责人介绍, 相关负责人在电话中回应称: an official without a
           * name, when they speak; 被告代理人则认为, 辩护人提出: a party's
           * counsel so, unless whose counsel comes first (苏某的辩护人: the
           * relation's rule keeps the whole). */
          if (unnamed == 0 || unnamed != tlen || !suggest_zh_attribution_follows (run, i + tlen) ||
              (is_role && i > 0 && u[i - 1] == 0x7684 /* 的 */))
            {
              i += tlen - 1;
              continue;
            }
          name_at = i + tlen;
        }

      /* Titles with their prefixes (常务副部长), then the organization and
       * chained offices (局长、市快递行业党委书记) to the left. */
      title_start = i;
      while (title_start > 0)
        {
          guint p = suggest_word_list_match_before (&zh->title_prefixes, u, title_start > 4 ? title_start - 4 : 0, title_start);
          if (p == 0)
            break;
          title_start -= p;
        }
      org_start = title_start;
      /* 我外公周海生: whose relation it is belongs to no organization. */
      while (!is_relation && org_start > 0 && i - org_start < 40)
        {
          gunichar c = u[org_start - 1];
          /* 、 or 兼 between offices: 局长、党委书记 / 董事长兼首席执行官 */
          if ((c == 0x3001 || c == 0x517C) && org_start >= 2 &&
              (suggest_word_list_match_before (&zh->titles, u, org_start > 12 ? org_start - 12 : 0, org_start - 1) ||
               suggest_word_list_match_before (&zh->professions, u, org_start > 12 ? org_start - 12 : 0, org_start - 1)))
            {
              org_start--;
              continue;
            }
          /* 市规划和自然资源局, 资源与环境研究所, 經濟及科技發展局,
           * 市场与信息化处: 和 与 及 inside one organization's name, not
           * between a person or a role and it. */
          if ((c == 0x548C /* 和 */ || c == 0x4E0E /* 与 */ || c == 0x8207 /* 與 */ || c == 0x53CA /* 及 */) &&
              org_start < title_start && org_start + 1 < n && zh_org_name_after (run, org_start, title_start))
            {
              guint p = org_start - 1, q = p;

              while (q > 0 && p - q < 10 && is_han (u[q - 1]) && !zh_org_stop (run, q - 1))
                q--;
              /* (阎立军和市水务局…: not a name after an office; 张三和…:
               * a name's length from a surname, but 江北区住房和…) */
              if (p - q >= 2 && !(suggest_char_in (&zh->surnames, u[q]) && p - q <= 3) && !zh_has_title (run, q, p) &&
                  suggest_word_list_match_before (&zh->org_suffixes, u, q, p) == 0 &&
                  suggest_word_list_match_before (&zh->roles, u, q, p) == 0 &&
                  suggest_word_list_match_before (&zh->unnamed_roles, u, q, p) == 0)
                {
                  org_start = q;
                  continue;
                }
            }
          if (zh_org_stop (run, org_start - 1) || !(is_han (c) || g_unichar_isalnum (c)))
            break;
          org_start--;
        }
      /* 董事长兼首席执行官: both offices are the title. */
      while (title_start >= org_start + 2 && u[title_start - 1] == 0x517C)
        {
          guint p = suggest_word_list_match_before (&zh->titles, u, title_start > 13 ? title_start - 13 : 0, title_start - 1);
          if (p == 0 || title_start - 1 - p < org_start)
            break;
          title_start -= 1 + p;
        }
      start = org_start;
      /* 一家冷链物流公司负责人: the article is no part of the organization. */
      if (start + 2 < title_start && u[start] == 0x4E00 /* 一 */ && u[start + 1] == 0x5BB6 /* 家 */)
        start += 2;
      /* Not an organization: a verb glued before it (专访农业农村部…,
       * 记者多次拨打该机构负责人); one of a single character only first
       * (访南州市图书馆馆长, but 信访局). */
      for (guint k = start; k < title_start; k++)
        {
          guint v = suggest_word_list_match_at (&zh->office_lead_verbs, u, title_start, k);

          if (v > 0 && (v >= 2 || k == start) && k + v < title_start)
            start = k + v;
        }
      /* 杭州一家游戏公司的营销负责人, 一家纺织企业的负责人: an unnamed
       * official's organization before 的 is part of who they are. */
      if (name_len == 0 && start >= 3 && u[start - 1] == 0x7684 /* 的 */)
        {
          guint o = suggest_zh_org_run_start (run, start - 1);

          if (o + 2 <= start - 1 &&
              (suggest_word_list_match_before (&zh->org_suffixes, u, start - 1 - o > MAX_WORD ? start - 1 - MAX_WORD : o, start - 1) > 0 ||
               (u[o] == 0x4E00 /* 一 */ && u[o + 1] == 0x5BB6 /* 家 */)))
            start = o;
        }
      {
        g_autofree char *title = suggest_substring (run, title_start, i + tlen);
        g_autofree char *org = suggest_substring (run, start, title_start);
        g_autofree char *chain = suggest_substring (run, start, i + tlen);
        g_autofree char *key = NULL;
        guint c;

        official = !is_role && zh_official_title (run, chain) && !zh_company_office (org, title);
        /* 记者关心的问题, 市民游客如遇: a word after a role, no name */
        if (!official && name_len > 0 && zh_word_not_name (run, name_at, name_len))
          {
            i += tlen - 1;
            continue;
          }
        if (name_len > 0)
          key = suggest_substring (run, name_at, name_at + name_len);
        else
          key = suggest_substring (run, start, name_at);
        if (suggest_overlaps_tag (run, NULL, start, name_at + name_len) ||
            (name_len == 0 && strstr (org, "等") != NULL))
          {
            /* 生态环境部等部门负责人: several officials, not one. */
            i = name_at + name_len - 1;
            continue;
          }
        /* A person is the name, their role an attribute; an official is
         * the whole office and name. */
        c = suggest_add_cand (run, official ? "official" : "person", official || name_len == 0 ? start : name_at, name_at + name_len,
                      name_len == 0 ? "zh-unnamed-official" : official ? "zh-official-title" : "zh-person-role",
                      name_len == 0 ? 0.7 : official ? 0.85 : 0.75);
        if (official)
          {
            const char *sep = strstr (chain, "、");
            suggest_cand_at (run, c)->title = sep != NULL ? g_strndup (chain, sep - chain) : g_strdup (title);
            if (*org != '\0')
              suggest_cand_at (run, c)->organization = g_strdup (org);
          }
        else if (name_len > 0)
          suggest_cand_at (run, c)->role = suggest_substring (run, start, name_at);
        suggest_cand_at (run, c)->entity = suggest_entity_for (run, key, suggest_cand_at (run, c)->tag, c);
        if (name_len == 0 && zh_anaphoric (org))
          {
            /* 该负责人, 这位局长: the official named so just before. */
            int e = zh_official_titled_before (run, c, title);
            g_clear_pointer (&suggest_cand_at (run, c)->organization, g_free);
            if (e >= 0)
              suggest_cand_at (run, c)->entity = e;
          }
        if (name_len > 0 && !is_role && official && strstr (chain, "、") != NULL)
          {
            /* The title attribute takes the first office; the organization
             * is what precedes it. */
            const char *sep = strstr (chain, "、");
            g_autofree char *first = g_strndup (chain, sep - chain);
            guint k;
            g_clear_pointer (&suggest_cand_at (run, c)->organization, g_free);
            g_clear_pointer (&suggest_cand_at (run, c)->title, g_free);
            {
              glong flen;
              g_autofree gunichar *f = g_utf8_to_ucs4_fast (first, -1, &flen);
              guint at = 0;

              /* The first place where prefixes and a title run to the end. */
              for (at = 0; at < (guint) flen; at++)
                {
                  guint p = at, len;
                  while ((len = suggest_word_list_match_at (&zh->title_prefixes, f, (guint) flen, p)) > 0)
                    p += len;
                  if (suggest_word_list_has (&zh->titles, f + p, (guint) flen - p))
                    break;
                }
              k = (guint) (g_utf8_offset_to_pointer (first, at) - first);
            }
            suggest_cand_at (run, c)->organization = k > 0 ? g_strndup (first, k) : NULL;
            suggest_cand_at (run, c)->title = g_strdup (first + k);
          }
        i = name_at + name_len - 1;
        /* 记者周海宁、林晓雯: names chained after one role share it. */
        while (is_role && name_len > 0 && i + 2 < n && u[i + 1] == 0x3001 /* 、 */)
          {
            guint next = suggest_zh_name_at (run, i + 2, TRUE), d;
            g_autofree char *next_key = NULL;

            if (next == 0 || suggest_overlaps_tag (run, NULL, i + 2, i + 2 + next))
              break;
            next_key = suggest_substring (run, i + 2, i + 2 + next);
            d = suggest_add_cand (run, "person", i + 2, i + 2 + next, "zh-person-role", 0.7);
            suggest_cand_at (run, d)->role = suggest_substring (run, start, name_at);
            suggest_cand_at (run, d)->entity = suggest_entity_for (run, next_key, "person", d);
            i += 1 + next;
          }
      }
    }
}

/* Whether a sentence opens at @i: the text's or a line's start, after
 * 。！？ or after a closing quotation mark. */
gboolean
suggest_zh_sentence_opens_at (Run   *run,
                              guint  i)
{
  gunichar p = i > 0 ? run->u[i - 1] : '\n';

  return p == '\n' || suggest_is_sentence_end (p) || p == 0x201D /* ” */ || p == 0x300D /* 」 */;
}

/* Whether 是 at @e and a role noun ending the clause follow a name
 * (潘一诺是我们阅读推广部的馆员，): within 16 ideographs, the clause's last
 * word a role of the lexicon or ending like one (员 师 长 生…). */
static gboolean
zh_copula_role_follows (Run   *run,
                        guint  e)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint k;

  if (e >= run->n || (u[e] != 0x662F /* 是 */))
    return FALSE;
  for (k = e + 1; k < run->n && k - e <= 16 && is_han (u[k]); k++)
    ;
  if (k >= run->n || k - e > 16 || k < e + 3 || !(suggest_is_clause_punct (u[k]) || suggest_is_sentence_end (u[k])))
    return FALSE;
  return suggest_word_list_match_before (&zh->roles, u, e + 1, k) > 0 || suggest_char_in (&zh->role_ends, u[k - 1]);
}

/* NAME + TITLE + VERB, the state media's order for leaders (习近平总书记指出,
 * 李强总理强调): the name's length, its title's in @title_len, or 0. Only
 * before a speech verb, so that 王主任的 or 张局长家 stay unnamed. */
static guint
zh_name_then_title (Run   *run,
                    guint  i,
                    guint *title_len)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;
  guint s = suggest_zh_surname_at (run, i, n);

  if (s == 0)
    return 0;
  for (guint given = 2; given >= 1; given--)
    {
      guint end = i + s + given;
      gboolean ok = end < n;
      guint t;

      for (guint k = i + s; ok && k < end; k++)
        ok = is_han (u[k]) && !suggest_char_in (&zh->not_given, u[k]);
      if (!ok || (t = suggest_word_list_match_at (&zh->official_titles, u, n, end)) == 0)
        {
          /* 总书记, 总理: titles of the official list or the full list */
          if (!ok || (t = suggest_word_list_match_at (&zh->titles, u, n, end)) == 0)
            continue;
        }
      if (suggest_zh_verb_follows (run, end + t))
        {
          *title_len = t;
          return s + given;
        }
    }
  return 0;
}

/* Length of a player's handle at @i (中单选手Vortex（本名祁天乐）): one
 * capitalised Latin word, letters or digits after its first, right after
 * a role of the lexicon and right before （本名 or (本名; 0 if none. */
static guint
zh_handle_at (Run   *run,
              guint  i)
{
  gunichar *u = run->u;
  guint k = i + 1;

  while (k < run->n && u[k] < 0x80 && g_unichar_isalnum (u[k]))
    k++;
  if (k - i < 2 || k + 3 > run->n || (u[k] != 0xFF08 /* （ */ && u[k] != '(') ||
      u[k + 1] != 0x672C /* 本 */ || u[k + 2] != 0x540D /* 名 */ ||
      suggest_word_list_match_before (&run->self->zh.roles, u, i > MAX_WORD ? i - MAX_WORD : 0, i) == 0)
    return 0;
  return k - i;
}

/* A Latin name inside Chinese text (挖来了Markus Feldmann出任, 负责人Sarah
 * Lin介绍): two or three capitalised words with Han characters right
 * before and after, none of them an English organization word; or a
 * player's handle with their real name after it (选手Ace（本名韩子豪）). */
static void
zh_latin_names (Run *run)
{
  gunichar *u = run->u;

  for (guint i = 1; i < run->n; i++)
    {
      guint len;

      if (!g_unichar_isupper (u[i]) || u[i] >= 0x80 || !is_han (u[i - 1]))
        continue;
      len = suggest_zh_latin_name_at (run, i);
      if (len > 0 && !suggest_overlaps_tag (run, NULL, i, i + len))
        {
          suggest_add_named (run, "person", i, i + len, "zh-person-latin", 0.65);
        }
      else if (len == 0 && (len = zh_handle_at (run, i)) > 0 && !suggest_overlaps_tag (run, NULL, i, i + len))
        {
          suggest_add_named (run, "person", i, i + len, "zh-person-handle", 0.6);
        }
      while (i + 1 < run->n && u[i + 1] < 0x80 && (g_unichar_isalpha (u[i + 1]) || u[i + 1] == ' '))
        i++;
    }
}

/* 老李， 小潘，: 老 or 小 and a surname, set off by a comma as the
 * subject of what follows, at a clause's start or after 的 (住在一楼的老李，),
 * or after 的 before 是 (村里的老戚是…).
 * Not 老师 小区 and the like, nor 小白菜 (no comma after). */
static gboolean
familiar_subject (Run   *run,
                  guint  i)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;

  if (i + 2 >= run->n || (u[i] != 0x8001 /* 老 */ && u[i] != 0x5C0F /* 小 */) ||
      !suggest_char_in (&zh->surnames, u[i + 1]) || zh_familiar_name_at (run, i, TRUE) != 2)
    return FALSE;
  /* 村里的老戚是当年挖水渠的人之一: after 的, 是 introduces them too. */
  if (u[i + 2] == 0x662F /* 是 */)
    return i > 0 && u[i - 1] == 0x7684 /* 的 */;
  if (u[i + 2] != 0xFF0C /* ， */)
    return FALSE;
  return i == 0 || u[i - 1] == 0x7684 /* 的 */ || u[i - 1] == '\n' || suggest_is_sentence_end (u[i - 1]) ||
         u[i - 1] == 0xFF0C /* ， */ || u[i - 1] == ' ';
}

/* Names that need no speech verb nearby: the courts' and police's 赵某平,
 * 钱某 (a surname, 某, at most one character) and 范阿婆, 王师傅, 李女士
 * (a surname and a kinship, courtesy or trade word of two characters),
 * after a boundary, a role word or 人 (被告人赵某平, 独居老人范阿婆). */
static void
zh_marked_names (Run *run)
{
  /* 阿姨 大爷 大妈 奶奶 爷爷 婆婆 师傅 阿婆 阿公 阿伯 大叔 大婶 伯伯 叔叔, */
  static const gunichar kin[][2] = {
    { 0x963F, 0x59E8 }, { 0x5927, 0x7237 }, { 0x5927, 0x5988 }, { 0x5976, 0x5976 }, { 0x7237, 0x7237 },
    { 0x5A46, 0x5A46 }, { 0x5E08, 0x5085 }, { 0x963F, 0x5A46 }, { 0x963F, 0x516C }, { 0x963F, 0x4F2F },
    { 0x5927, 0x53D4 }, { 0x5927, 0x5A76 }, { 0x4F2F, 0x4F2F }, { 0x53D4, 0x53D4 },
    /* 女士 先生 小姐 同学 医生 警官 */
    { 0x5973, 0x58EB }, { 0x5148, 0x751F }, { 0x5C0F, 0x59D0 }, { 0x540C, 0x5B66 }, { 0x533B, 0x751F }, { 0x8B66, 0x5B98 },
    /* 太太 老师 */
    { 0x592A, 0x592A }, { 0x8001, 0x5E08 },
  };
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i + 2 < n; i++)
    {
      guint s, len = 0;

      gboolean glued;

      if (!is_han (u[i]))
        continue;
      glued = i > 0 && is_han (u[i - 1]) && !suggest_char_in (&zh->org_stops, u[i - 1]) &&
              !suggest_char_in (&zh->role_ends, u[i - 1]) && u[i - 1] != 0x4EBA /* 人 */;
      s = suggest_zh_surname_at (run, i, n);
      if (familiar_subject (run, i) && !suggest_overlaps_tag (run, NULL, i, i + 2))
        {
          suggest_add_named (run, "person", i, i + 2, "zh-person-familiar", 0.6);
          i++;
          continue;
        }
      /* 37岁的吴秀英: an age and 的 announce a person (three characters at
       * most, as after a title; not 陳太一家, a kinship word after the
       * surname, nor 江苏选手, a role's start). */
      if (s > 0 && zh_after_age (run, i) &&
          !(s == 1 && (u[i + 1] == 0x592A /* 太 */ || u[i + 1] == 0x59D0 /* 姐 */ || u[i + 1] == 0x54E5 /* 哥 */ ||
                       u[i + 1] == 0x53D4 /* 叔 */ || u[i + 1] == 0x4F2F /* 伯 */ || u[i + 1] == 0x5A76 /* 婶 */ ||
                       u[i + 1] == 0x5B38 /* 嬸 */)) &&
          (len = suggest_zh_name_at (run, i, TRUE)) > 0 && len <= 3 && !suggest_overlaps_tag (run, NULL, i, i + len) &&
          (i + len >= n || !suggest_char_in (&zh->role_ends, u[i + len])))   /* not 江苏选(手) */
        {
          suggest_add_named (run, "person", i, i + len, "zh-person-age", 0.6);
          i += len - 1;
          continue;
        }
      /* 72岁的额尔敦是当地第一代治沙人: a name without a surname of the
       * lexicon (Mongolian, Tibetan, Uyghur, foreign) right after an age. */
      if (s == 0 && zh_age_before (u, i) && (len = zh_unmarked_name_after_age (run, i)) > 0 &&
          !suggest_overlaps_tag (run, NULL, i, i + len))
        {
          suggest_add_named (run, "person", i, i + len, "zh-person-age", 0.6);
          i += len - 1;
          continue;
        }
      /* 志愿者李振华（45岁）, 的黄德发（62岁）: an age in brackets after
       * the name, as Singapore and Malaysia papers give it. */
      if (s > 0 && !glued && (len = suggest_zh_name_at (run, i, FALSE)) >= 2 && len <= 3 &&
          zh_age_follows (run, i + len) && !suggest_overlaps_tag (run, NULL, i, i + len))
        {
          suggest_add_named (run, "person", i, i + len, "zh-person-age", 0.6);
          i += len - 1;
          continue;
        }
      len = 0;
      if (s == 0 || i + s + 1 >= n)
        continue;
      /* 邻居王先生, 感谢李女士: a courtesy word needs no boundary before. */
      if (glued && !((u[i + s] == 0x5148 && u[i + s + 1] == 0x751F) || (u[i + s] == 0x5973 && u[i + s + 1] == 0x58EB) ||
                     (u[i + s] == 0x5C0F && u[i + s + 1] == 0x59D0) || (u[i + s] == 0x592A && u[i + s + 1] == 0x592A)))
        continue;
      if (u[i + s] == 0x67D0 /* 某 */)
        len = zh_familiar_name_at (run, i, TRUE);
      else
        for (guint k = 0; k < G_N_ELEMENTS (kin) && len == 0; k++)
          if (u[i + s] == kin[k][0] && u[i + s + 1] == kin[k][1])
            len = s + 2;
      if (len == 0 || suggest_overlaps_tag (run, NULL, i, i + len))
        continue;
      suggest_add_named (run, "person", i, i + len, "zh-person-familiar", 0.65);
      i += len - 1;
    }
}

/* Whether a name cannot start at @i because the word before goes on
 * there: a role noun of the lexicon covers it (工程师说 is no 程师), or
 * a surname and a kinship word end there (鲁奶奶边吃边说 is no 边吃边). */
static gboolean
zh_inside_word (Run   *run,
                guint  i)
{
  static const gunichar kin2[][2] = { { 0x5976, 0x5976 } /* 奶奶 */, { 0x7237, 0x7237 } /* 爷爷 */, { 0x963F, 0x59E8 } /* 阿姨 */,
                                      { 0x963F, 0x5A46 } /* 阿婆 */, { 0x5927, 0x7237 } /* 大爷 */, { 0x5927, 0x5988 } /* 大妈 */,
                                      { 0x5E08, 0x5085 } /* 师傅 */, { 0x5973, 0x58EB } /* 女士 */, { 0x5148, 0x751F } /* 先生 */,
                                      { 0x8001, 0x5E08 } /* 老师 */, { 0x5A46, 0x5A46 } /* 婆婆 */ };
  static const gunichar kin1[] = { 0x59D0 /* 姐 */, 0x54E5 /* 哥 */, 0x53D4 /* 叔 */, 0x4F2F /* 伯 */, 0x592A /* 太 */, 0x5A76 /* 婶 */ };
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;

  for (guint j = i > 3 ? i - 3 : 0; j < i; j++)
    if (j + suggest_word_list_match_at (&zh->roles, u, run->n, j) > i)
      return TRUE;
  for (guint k = 0; i >= 3 && k < G_N_ELEMENTS (kin2); k++)
    if (u[i - 2] == kin2[k][0] && u[i - 1] == kin2[k][1] && suggest_char_in (&zh->surnames, u[i - 3]))
      return TRUE;
  for (guint k = 0; i >= 2 && k < G_N_ELEMENTS (kin1); k++)
    if (u[i - 1] == kin1[k] && suggest_char_in (&zh->surnames, u[i - 2]))
      return TRUE;
  return FALSE;
}

/* Whether @i is inside a title in 《》 on its line. */
static gboolean
zh_in_book_title (Run   *run,
                  guint  i)
{
  for (guint k = i; k > 0 && i - k < 30 && run->u[k - 1] != '\n'; k--)
    if (run->u[k - 1] == 0x300B /* 》 */)
      return FALSE;
    else if (run->u[k - 1] == 0x300A /* 《 */)
      return TRUE;
  return FALSE;
}

static gboolean zh_described_opening (Run *run, guint i);
static gboolean zh_quote_soon (Run *run, guint e);

/* Persons named right before a speech verb (”谢铭俊说, 的卢宇表示), and
 * transliterated names anywhere (巴兹·奥尔德林). */
void
suggest_zh_plain_names (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  zh_latin_names (run);

  for (guint i = 0; i < n; i++)
    {
      guint len;
      gboolean boundary = i == 0 || !is_han (u[i - 1]) || u[i - 1] == 0x7684 /* 的 */ ||
                          (suggest_char_in (&zh->org_stops, u[i - 1]) &&
                           /* 在一份说明中表示: 说明 is a word, no 明中 */
                           !(u[i - 1] == 0x8BF4 /* 说 */ && u[i] == 0x660E /* 明 */));
      gboolean foreign, descriptive;

      if (!is_han (u[i]))
        continue;
      if ((len = suggest_zh_child_parent_at (run, i)) > 0)
        {
          if (!suggest_overlaps_tag (run, NULL, i, i + len))
            suggest_add_named (run, "person", i, i + len, "zh-person-parent", 0.6);
          i += len - 1;
          continue;
        }
      if ((len = suggest_zh_nickname_in_marks (run, i)) > 0)
        {
          if (!suggest_overlaps_tag (run, NULL, i, i + len))
            suggest_add_named (run, "person", i, i + len, "zh-person-nickname", 0.7);
          i += len - 1;
          continue;
        }
      if (boundary)
        {
          guint title_len = 0;
          guint name_len = zh_name_then_title (run, i, &title_len);

          if (name_len > 0 && !suggest_overlaps_tag (run, "official", i, i + name_len + title_len))
            {
              g_autofree char *key = suggest_substring (run, i, i + name_len);
              guint c = suggest_add_cand (run, "official", i, i + name_len + title_len, "zh-name-title", 0.8);

              suggest_cand_at (run, c)->title = suggest_substring (run, i + name_len, i + name_len + title_len);
              suggest_cand_at (run, c)->entity = suggest_entity_for (run, key, "official", c);
              i += name_len + title_len - 1;
              continue;
            }
        }
      /* A name right after a role noun not in the lexicon (护林员张德福说,
       * 老水利人周德顺看来): only directly before a speech verb. */
      if (!boundary && !(suggest_char_in (&zh->role_ends, u[i - 1])) && u[i - 1] != 0x4EBA /* 人 */ &&
          u[i - 1] != 0x53EB /* 叫 */ && zh_familiar_name_at (run, i, FALSE) < 3)
        continue;
      if (!boundary && zh_inside_word (run, i))
        continue;
      len = suggest_zh_name_at (run, i, FALSE);
      /* 范阿婆 陈姓业者 赵某: forms that name a person wherever they stand. */
      /* 有个新来的博士生叫邝宁，: a name after 叫 that ends the clause. */
      if (len >= 2 && !boundary && u[i - 1] == 0x53EB /* 叫 */ && i + len < n &&
          (suggest_is_clause_punct (u[i + len]) || suggest_is_sentence_end (u[i + len])) &&
          !suggest_char_in (&zh->pronouns, u[i]) && !suggest_overlaps_tag (run, NULL, i, i + len))
        {
          suggest_add_named (run, "person", i, i + len, "zh-person-named", 0.6);
          i += len - 1;
          continue;
        }
      /* …的梁伯, …的陈太: a surname and a kinship word after a description. */
      descriptive = len >= 2 && zh_familiar_name_at (run, i, FALSE) == len && u[i] != 0x5C0F /* 小 */ &&
                    u[i] != 0x8001 /* 老 */ && u[i] != 0x963F /* 阿 */ &&
                    (len >= 3 || u[i + 1] == 0x67D0 /* 某 */ || (i > 0 && u[i - 1] == 0x7684 /* 的 */));
      /* 住在長洲二十多年的麥太每日都要…。她對本報記者說：, 打进本队唯一进球
       * 的岑浩赛后情绪低落。“…”: a description opening its sentence, 的 and a
       * name (a surname and a kinship word, whatever follows) with a quote
       * soon after introduce a person. */
      if (!descriptive && boundary && i > 0 && u[i - 1] == 0x7684 /* 的 */ && zh_described_opening (run, i))
        {
          guint kin = suggest_zh_familiar_name_full (run, i, FALSE, FALSE);

          if (kin >= 2 && u[i] != 0x5C0F /* 小 */ && u[i] != 0x8001 /* 老 */ && u[i] != 0x963F /* 阿 */)
            len = kin + (i + kin < n && u[i + kin - 1] == 0x592A /* 太 */ && u[i + kin] == 0x592A);   /* 陳太太 */
          /* The subject goes on (岑浩赛后…): not 的常客。 nor 的文创和…. */
          descriptive = len >= 2 && i + len < n && is_han (u[i + len]) && u[i + len] != 0x548C /* 和 */ &&
                        u[i + len] != 0x4E0E /* 与 */ && u[i + len] != 0x53CA /* 及 */ && u[i + len] != 0x7B49 /* 等 */ &&
                        zh_quote_soon (run, i + len);
        }
      /* 男主角的扮演者老葛是…邮递员: 老 or 小 and a surname right after a
       * role names a person, whatever follows. */
      if (len <= 2 && !descriptive && !boundary && (u[i] == 0x8001 /* 老 */ || u[i] == 0x5C0F /* 小 */) &&
          suggest_char_in (&zh->role_ends, u[i - 1]) && suggest_zh_familiar_name (run, i) == 2)
        {
          len = 2;
          descriptive = TRUE;
        }
      /* 潘一诺是我们阅读推广部的馆员: a name opening its sentence, 是 and a
       * role noun ending the clause introduce a person. */
      if (len >= 2 && !descriptive && suggest_zh_sentence_opens_at (run, i) && zh_copula_role_follows (run, i + len))
        descriptive = TRUE;
      /* 跑者柴建国今年64岁: a name, 今年 and an age introduce a person. */
      if (len >= 2 && !descriptive && i + len + 3 < n && u[i + len] == 0x4ECA /* 今 */ && u[i + len + 1] == 0x5E74 /* 年 */)
        {
          guint k = i + len + 2;

          while (k < n && k - (i + len) < 8 && (g_unichar_isdigit (u[k]) || g_utf8_strchr ("一二三四五六七八九十", -1, u[k]) != NULL))
            k++;
          descriptive = k > i + len + 2 && k < n && (u[k] == 0x5C81 /* 岁 */ || u[k] == 0x6B72 /* 歲 */);
        }
      if (len > 0 && !boundary && !descriptive && !suggest_word_list_match_at (&zh->verbs, u, n, i + len) &&
          !(zh_while_doing (run, i + len) && suggest_zh_verb_follows (run, i + len)))
        {
          if (!zh_role_name_subject (run, i, len))
            continue;
          descriptive = TRUE;
        }
      /* …的师傅说: a role or relation word, not a person named 师. */
      if (len >= 2 && (suggest_word_list_match_at (&zh->relations, u, n, i) == len ||
                       suggest_word_list_match_at (&zh->unnamed_roles, u, n, i) == len ||
                       suggest_word_list_match_at (&zh->roles, u, n, i) == len))
        continue;
      if (len == 0)
        continue;
      foreign = FALSE;
      for (guint k = i; k < i + len; k++)
        foreign |= suggest_is_name_separator (u[k]);
      /* 《自然·通讯》: a journal's title, no person */
      if (foreign && zh_in_book_title (run, i))
        continue;
      /* A bare name opening its sentence whose short clause (six
       * ideographs at most) ends in a colon before a quote (”马骏却不太满意：“)
       * is that quote's speaker; not 陳太昨日收到一個電話：「, the caller's. */
      if (!foreign && !descriptive && !suggest_zh_verb_follows (run, i + len) &&
          !(suggest_zh_sentence_opens_at (run, i) && suggest_zh_colon_quote_follows (run, i + len, 6)) &&
          !suggest_zh_speaks_after_quote (run, i, len))
        continue;
      if (!foreign && suggest_char_in (&zh->pronouns, u[i]))
        continue;
      if (suggest_overlaps_tag (run, "official", i, i + len) || suggest_overlaps_tag (run, "person", i, i + len))
        continue;
      if (!foreign && zh_word_not_name (run, i, len))
        continue;
      suggest_add_named (run, "person", i, i + len, foreign ? "zh-person-foreign" : "zh-person-speaker",
                         foreign ? 0.7 : 0.75);
      i += len - 1;
    }
  zh_marked_names (run);
}

/* Whether @i follows a description of four ideographs or more opening
 * its sentence and 的 (打进本队唯一进球的岑浩, 住在長洲二十多年的麥太,
 * 今年61歲、住在觀塘的車太): the sentence's subject is who it describes.
 * Not a clause with a subject of its own (这几年我们做了大量的文创, 孔繁荣
 * 是图书车的常客: a pronoun or 是 in it). */
static gboolean
zh_described_opening (Run   *run,
                      guint  i)
{
  gunichar *u = run->u;
  guint k = i - 1, han = 0;

  if (i < 5 || u[i - 1] != 0x7684 /* 的 */)
    return FALSE;
  while (k > 0 && i - 1 - k < 30 && (is_han (u[k - 1]) || g_unichar_isdigit (u[k - 1]) || u[k - 1] == 0x3001 /* 、 */))
    {
      gunichar c = u[--k];

      if (c == 0x662F /* 是 */ || c == 0x6211 /* 我 */ || c == 0x4F60 /* 你 */ ||
          suggest_char_in (&run->self->zh.pronouns, c))
        return FALSE;
      han += is_han (c);
    }
  return han >= 4 && suggest_zh_sentence_opens_at (run, k);
}

/* Whether a quotation mark opens soon after @e (150 code points): in its
 * paragraph, or opening the next one. */
static gboolean
zh_quote_soon (Run   *run,
               guint  e)
{
  gunichar *u = run->u;

  for (guint k = e; k < run->n && k - e < 150; k++)
    {
      if (suggest_is_opener (u[k]))
        return TRUE;
      if (u[k] == '\n')
        {
          while (k < run->n && k - e < 150 && g_unichar_isspace (u[k]))
            k++;
          return k < run->n && suggest_is_opener (u[k]);
        }
    }
  return FALSE;
}

/* Whether @i follows an age and 的 (37岁的). */
static gboolean
zh_age_before (const gunichar *u,
               guint           i)
{
  return i >= 2 && u[i - 1] == 0x7684 /* 的 */ && (u[i - 2] == 0x5C81 /* 岁 */ || u[i - 2] == 0x6B72 /* 歲 */);
}

/* Length of a name of two to four ideographs at @i, after an age, that
 * starts with no surname of the lexicon: its sentence goes on right
 * after it with 是 or an adverb (额尔敦是, 卡洛斯正在), or it speaks; no
 * role, relation or person noun (72岁的老人是, 的父亲正, 的孩子都), no
 * pronoun.  0 if none. */
static guint
zh_unmarked_name_after_age (Run   *run,
                            guint  i)
{
  static const char *const people[] = { "孩子", "女孩", "男孩", "小伙", "姑娘", "老太", "老汉", "小孩", "男子", "女子", "青年",
                                         "少年", "老者", "儿子", "女儿", "妻子", "丈夫", "母亲", "父亲", "老伴", "奶奶", "爷爷", NULL };
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  if (suggest_char_in (&zh->pronouns, u[i]) || suggest_word_list_match_at (&zh->roles, u, n, i) > 0 ||
      suggest_word_list_match_at (&zh->unnamed_roles, u, n, i) > 0 || suggest_word_list_match_at (&zh->relations, u, n, i) > 0)
    return 0;
  if (i + 2 <= n)
    {
      g_autofree char *two = suggest_substring (run, i, i + 2);

      if (g_strv_contains (people, two))
        return 0;
    }
  for (guint len = 2; len <= 4 && i + len < n; len++)
    {
      gunichar last = u[i + len - 1], next = u[i + len];

      if (!is_han (last) || suggest_char_in (&zh->not_given, last) || suggest_char_in (&zh->org_stops, last))
        return 0;
      /* 的老人, 的浙江小将: a role or a word's start */
      if (suggest_char_in (&zh->role_ends, last) || last == 0x4EBA /* 人 */ || last == 0x5C0F /* 小 */ ||
          last == 0x8001 /* 老 */ || last == 0x5927 /* 大 */)
        return 0;
      if (next == 0x662F /* 是 */ || g_utf8_strchr (ZH_SUBJECT_GOES_ON, -1, next) != NULL ||
          suggest_word_list_match_at (&zh->verbs, u, n, i + len) > 0)
        return suggest_char_in (&zh->not_given, u[i]) ? 0 : len;
    }
  return 0;
}

/* Whether @i follows an age and 的 (37岁的吴秀英), or an age, 的 and a
 * role of the lexicons after a modifier of up to four ideographs
 * (79岁的独居老人宋凤英, 72岁的退休教师聂文秀). */
static gboolean
zh_after_age (Run   *run,
              guint  i)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint r, j;

  if (zh_age_before (u, i))
    return TRUE;
  r = suggest_word_list_match_before (&zh->roles, u, i > MAX_WORD ? i - MAX_WORD : 0, i);
  r = MAX (r, suggest_word_list_match_before (&zh->unnamed_roles, u, i > MAX_WORD ? i - MAX_WORD : 0, i));
  if (r == 0)
    return FALSE;
  for (j = i - r; j >= 2 && i - r - j <= 4; j--)
    {
      if (u[j - 1] == 0x7684 /* 的 */)
        return zh_age_before (u, j);
      if (!is_han (u[j - 1]))
        return FALSE;
    }
  return FALSE;
}
