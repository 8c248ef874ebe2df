/* gloss-suggest-speakers.c: who said a quote in Chinese: the attribution
 * before or after the marks, pronouns and role nouns; and what the English
 * rules (gloss-suggest-speakers-en.c) share with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* Whether @c before a mention makes it the one spoken to (向 对 跟 给 同:
 * 一位人士向记者表示, 跟我爸说). */
gboolean
suggest_zh_addressee (gunichar c)
{
  return c == 0x5411 /* 向 */ || c == 0x5BF9 /* 对 */ || c == 0x8DDF /* 跟 */ || c == 0x7ED9 /* 给 */ ||
         c == 0x540C /* 同 */ || c == 0x5C0D /* 對 */ || c == 0x7D66 /* 給 */;
}

/* The last mention inside [lo, hi) that is not the one spoken to:
 * 一位人士向记者表示 is the 人士's speech, not the reporter's (向 对 跟 给 同
 * before a mention make it the addressee, or the object of 对于), nor a
 * possessor before 的 when someone is named before it. A
 * mention running across @lo counts: an official's long chain
 * (省发展改革委党组成员、副主任包志远) may start before the window. */
static int
zh_entity_in (Run  *run,
              guint lo,
              guint hi)
{
  int m = suggest_mention_before (run, hi), possessor = -1;

  for (; m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      gunichar p;

      if (c->start < lo && c->end <= lo)
        break;
      if (c->end > hi)
        continue;
      p = c->start > 0 ? run->u[c->start - 1] : 0;
      if (suggest_zh_addressee (run->u[c->start]) &&
          suggest_word_list_match_at (&run->self->zh.roles, run->u, run->n, c->start + 1) == c->end - c->start - 1)
        continue;   /* 向记者 read as a name: 向 is no surname there */
      if (suggest_zh_addressee (p))
        continue;
      /* 邰老师拉着苟文昊的手说: whose hand, not who speaks, if someone
       * is named before. */
      if (c->end < hi && run->u[c->end] == 0x7684 /* 的 */ && c->start > lo)
        {
          gboolean pronoun_before = FALSE;

          /* 他拉着杭立新的手说: the pronoun is the subject */
          for (guint k = lo; k < c->start && !pronoun_before; k++)
            pronoun_before = suggest_char_in (&run->self->zh.pronouns, run->u[k]);
          if (possessor < 0 && !pronoun_before)
            possessor = c->entity;
          continue;
        }
      return c->entity;
    }
  return possessor;
}

static int zh_pronoun_antecedent (Run *run, guint pos, guint max_distance, guint8 want);
static int zh_role_after (Run *run, const Quote *q, guint a, guint e);

/* The sex a Chinese pronoun asks for: 她 a woman, 他 a man, Cantonese 佢 either. */
static guint8
zh_pronoun_gender (gunichar c)
{
  return c == 0x5979 /* 她 */ ? 'f' : c == 0x4F62 /* 佢 */ ? 0 : 'm';
}

/* 这位工程师说, 这名小将赛后告诉记者, 该官员又指, 这个回村的姑娘说: a
 * determiner and a description as the subject of the attribution clause
 * [a, end) point back to someone named before, like a pronoun (the subject
 * of the sentence that named them). Returns that entity, -1 if no one fits,
 * or -3 when the clause has no such subject: a person named before the
 * determiner is the subject, and a mention that starts with it (该负责人)
 * is already linked to its antecedent. 应该 is no determiner; 这个 only
 * with a description ending in 的 (not 这个问题). */
#define ZH_NOT_DESCRIBED (-3)

static int
zh_described_subject (Run      *run,
                      guint     a,
                      guint     end,
                      gboolean *pronoun)
{
  static const gunichar dets[][2] = { { 0x8FD9, 0x4F4D } /* 这位 */, { 0x8FD9, 0x540D } /* 这名 */, { 0x90A3, 0x4F4D } /* 那位 */,
                                      { 0x9019, 0x4F4D } /* 這位 */, { 0x9019, 0x540D } /* 這名 */, { 0x8FD9, 0x4E2A } /* 这个 */,
                                      { 0x9019, 0x500B } /* 這個 */, { 0x8BE5, 0 } /* 该 */, { 0x8A72, 0 } /* 該 */ };
  static const gunichar female[] = { 0x5973 /* 女 */, 0x5979 /* 她 */, 0x59D1 /* 姑 */, 0x59D0 /* 姐 */, 0x5988 /* 妈 */,
                                     0x5ABD /* 媽 */, 0x5976 /* 奶 */, 0x5A46 /* 婆 */, 0x5AC2 /* 嫂 */, 0x59BB /* 妻 */ };
  gunichar *u = run->u;
  guint k, len = 0;
  guint8 want = 0;
  int m;

  for (k = a; k + 1 < end && len == 0; k++)
    for (guint d = 0; d < G_N_ELEMENTS (dets) && len == 0; d++)
      if (u[k] == dets[d][0] && (dets[d][1] == 0 || u[k + 1] == dets[d][1]))
        len = dets[d][1] == 0 ? 1 : 2;
  if (len == 0)
    return ZH_NOT_DESCRIBED;
  k--;
  if (k + len >= end || !(is_han (u[k + len]) || g_unichar_isdigit (u[k + len])) || end - k > 24 ||
      (len == 1 && k > 0 && (u[k - 1] == 0x5E94 /* 应 */ || u[k - 1] == 0x61C9 /* 應 */)))
    return ZH_NOT_DESCRIBED;
  if (u[k + 1] == 0x4E2A /* 个 */ || u[k + 1] == 0x500B /* 個 */)
    {
      gboolean relative = FALSE;
      for (guint j = k + 2; j < end; j++)
        relative |= u[j] == 0x7684 /* 的 */;
      if (!relative)
        return ZH_NOT_DESCRIBED;
    }
  if (suggest_entity_in (run, a, k) >= 0)
    return ZH_NOT_DESCRIBED;
  /* 该联盟干事蔡嘉欣说, 未参与该研究的…教授邹立平表示: a description
   * glued to a name, or a clause of 的 before it, is that person's (not
   * 这位工程师对李某说, the one spoken to after 对 向 跟 给…). */
  {
    static const gunichar addressee[] = { 0x5BF9 /* 对 */, 0x5C0D /* 對 */, 0x5411 /* 向 */, 0x8DDF /* 跟 */, 0x7ED9 /* 给 */,
                                          0x7D66 /* 給 */, 0x548C /* 和 */, 0x4E0E /* 与 */, 0x8207 /* 與 */, 0x628A /* 把 */,
                                          0x88AB /* 被 */, 0x66FF /* 替 */, 0x4E3A /* 为 */, 0x70BA /* 為 */ };
    guint j = k + len;
    gboolean stop = FALSE;

    while (j < end && j - (k + len) < 24 && is_han (u[j]) && !stop)
      {
        for (guint a2 = 0; a2 < G_N_ELEMENTS (addressee) && !stop; a2++)
          stop = u[j] == addressee[a2];
        if (!stop)
          j++;
      }
    if (suggest_entity_in (run, k + len, j) >= 0)
      return ZH_NOT_DESCRIBED;
  }
  /* A mention that starts with the determiner, or holds it (一位曾在
   * 该公司任职的销售), is already who the clause names. */
  m = suggest_mention_before (run, k + 1);
  if (m >= 0 && suggest_cand_at (run, g_array_index (run->mentions, guint, m))->start <= k &&
      suggest_cand_at (run, g_array_index (run->mentions, guint, m))->end > k)
    return ZH_NOT_DESCRIBED;
  for (guint j = k + len; j < end && want == 0; j++)
    for (guint f = 0; f < G_N_ELEMENTS (female); f++)
      if (u[j] == female[f])
        want = 'f';
  *pronoun = TRUE;
  return zh_pronoun_antecedent (run, k, 400, want);
}

/* Where the attribution's clause after the quote @q ends: at clause
 * punctuation, a colon or an opening mark, WINDOW_AFTER code points at
 * most. */
static guint
zh_after_clause_end (Run         *run,
                     const Quote *q)
{
  guint a = q->close + 1, b = a;

  while (b < q->par_end && b - a < WINDOW_AFTER)
    {
      gunichar c = run->u[b];
      if (suggest_is_clause_punct (c) || c == 0xFF1A || c == ':' || suggest_is_opener (c))
        break;
      b++;
    }
  return b;
}

/* The antecedent of the first pronoun in [@a, @b) that is no group (他们),
 * *@pronoun set; ZH_NOT_DESCRIBED if there is none. */
static int
zh_first_pronoun (Run      *run,
                  guint     a,
                  guint     b,
                  gboolean *pronoun)
{
  for (guint k = a; k < b; k++)
    if (suggest_char_in (&run->self->zh.pronouns, run->u[k]) && run->u[k + 1] != 0x4EEC /* 们: a group */)
      {
        *pronoun = TRUE;
        return zh_pronoun_antecedent (run, k, 400, zh_pronoun_gender (run->u[k]));
      }
  return ZH_NOT_DESCRIBED;
}

/* Chinese attribution after the closing mark: ”深圳市邮政管理局局长黄燊说。
 * Returns the speaker entity (or -2 when a verb was found but no one), and
 * sets *verb_found. */
static int
zh_after (Run         *run,
          const Quote *q,
          gboolean    *verb_found,
          gboolean    *pronoun)
{
  ZhLexicon *zh = &run->self->zh;
  guint a = q->close + 1, b;
  guint v;

  *verb_found = FALSE;
  *pronoun = FALSE;
  if (q->unclosed)
    return -1;
  b = zh_after_clause_end (run, q);
  v = suggest_word_list_match_before (&zh->verbs, run->u, a, b);
  if (v == 0)
    {
      /* Not at the clause's end: a verb inside it (高登柱打开了话匣子 has none,
       * 黄民辉说道 has one). */
      for (guint k = a; k < b && v == 0; k++)
        if ((v = suggest_word_list_match_at (&zh->verbs, run->u, run->n, k)) > 0)
          b = k + v;
      if (v == 0)
        {
          /* A speaker right after the quote, without a verb: ”高登柱打开了话匣子，“,
           * also after their role: ”老顾客周建国放下筷子 */
          for (guint k = a; k < b && k <= a + MAX_WORD; k++)
            {
              int m = suggest_mention_before (run, k + 1);
              if (m >= 0)
                {
                  Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
                  if (c->start == a || (c->start == k && c->role != NULL && (guint) g_utf8_strlen (c->role, -1) == k - a))
                    return c->entity;
                }
            }
          return -1;
        }
    }
  *verb_found = TRUE;
  {
    int e = zh_described_subject (run, a, b - v, pronoun);
    if (e != ZH_NOT_DESCRIBED)
      return e >= 0 ? e : -2;
    e = zh_entity_in (run, a, b - v);
    if (e >= 0)
      return e;
    /* ”他说 and ”他在接受采访时说 (not 他们, a group). */
    for (guint k = a; k < b - v; k++)
      if (suggest_char_in (&zh->pronouns, run->u[k]) && (k + 1 == b - v || (k == a && run->u[k + 1] != 0x4EEC /* 们 */)))
        {
          *pronoun = TRUE;
          return zh_pronoun_antecedent (run, q->open, 400, zh_pronoun_gender (run->u[k]));
        }
    if ((e = zh_role_after (run, q, a, b - v)) >= 0)
      return e;
  }
  return -2;
}

/* ”老人说着直摇头: a bare role noun between the quote and its speech verb
 * names the unnamed person its paragraph described before the quote
 * (一位在附近摆摊的大爷说) within 300 code points; -1 if [@a, @e) is no such
 * role or the paragraph described no one. */
static int
zh_role_after (Run         *run,
               const Quote *q,
               guint        a,
               guint        e)
{
  ZhLexicon *zh = &run->self->zh;
  guint r = MAX (suggest_word_list_match_at (&zh->roles, run->u, e, a),
                 suggest_word_list_match_at (&zh->unnamed_roles, run->u, e, a));

  if (r == 0 || a + r != e)
    return -1;
  for (int m = suggest_mention_before (run, q->open); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));

      if (c->start < q->par_start || (c->end < q->open && q->open - c->end > 300))
        break;   /* (bounded: a paragraph of a megabyte stays linear) */
      if (c->end <= q->open && g_str_equal (c->rule, "zh-unnamed-person"))
        return c->entity;
    }
  return -1;
}

/* 一位前员工告诉澎湃新闻，: 告诉 and the outlet or person told, at most
 * ten characters, ending the clause at @end; the number of code points
 * from 告 to @end (so that the clause before 告诉 holds the speaker), 0 if
 * none. */
static guint
zh_told_outlet (Run   *run,
                guint  lo,
                guint  end)
{
  for (guint k = end; k >= lo + 2 && end - k <= 10 && is_han (run->u[k - 1]); k--)
    if (run->u[k - 2] == 0x544A /* 告 */ && (run->u[k - 1] == 0x8BC9 /* 诉 */ || run->u[k - 1] == 0x8A34 /* 訴 */))
      return end - (k - 2);
  return 0;
}

/* 谈到甄子墨，他显得格外兴奋：“, 提起这位徒弟，她说：“: a clause naming whom
 * the sentence is about (the lexicon's topic_intros) opening [@a, @b), then
 * a pronoun opening the next clause: the pronoun names someone before the
 * sentence, not the one spoken of. ZH_NOT_DESCRIBED if not so. */
static int
zh_topic_pronoun (Run      *run,
                  guint     a,
                  guint     b,
                  gboolean *pronoun)
{
  ZhLexicon *zh = &run->self->zh;
  guint k;

  if (suggest_word_list_match_at (&zh->topic_intros, run->u, b, a) == 0)
    return ZH_NOT_DESCRIBED;
  for (k = a; k < b && run->u[k] != 0xFF0C /* ， */ && run->u[k] != ','; k++)
    ;
  /* The pronoun may end the range (提起外孙女甘宁蕴，他说: b is 说). */
  if (k + 1 >= b || !suggest_char_in (&zh->pronouns, run->u[k + 1]) || run->u[k + 2] == 0x4EEC /* 们 */)
    return ZH_NOT_DESCRIBED;
  *pronoun = TRUE;
  return zh_pronoun_antecedent (run, a, 400, zh_pronoun_gender (run->u[k + 1]));
}

/* Whether the attribution after the quote @q ends in a colon and an
 * opening mark (”王建国说：“): it introduces the next quote. */
static gboolean
zh_after_opens_next (Run         *run,
                     const Quote *q)
{
  guint b = zh_after_clause_end (run, q);

  return b + 1 < q->par_end && (run->u[b] == 0xFF1A || run->u[b] == ':') && suggest_is_opener (run->u[b + 1]);
}

/* 他特别称赞了年仅20岁的小将林昊：“, 老周叮嘱徒弟小郭：“: a verb taking
 * the one praised, thanked or told as its object, then someone named
 * before the colon; the quote is the subject's, named or a pronoun before
 * the verb.  ZH_NOT_DESCRIBED if not so. */
static int
zh_object_subject (Run      *run,
                   guint     a,
                   guint     b,
                   gboolean *pronoun)
{
  ZhLexicon *zh = &run->self->zh;

  for (guint k = b; k > a; k--)
    {
      guint v;
      int e;

      if (run->u[k - 1] == 0xFF0C /* ， */ || run->u[k - 1] == ',')
        break;   /* the verb's clause only */
      if ((v = suggest_word_list_match_at (&zh->object_verbs, run->u, b, k - 1)) == 0 ||
          suggest_entity_in (run, k - 1 + v, b) < 0)
        continue;
      if ((e = zh_entity_in (run, a, k - 1)) >= 0)
        return e;
      if ((e = zh_first_pronoun (run, a, k - 1, pronoun)) != ZH_NOT_DESCRIBED)
        return e;
      return -1;   /* 记者问李明：“ — the asker, unnamed */
    }
  return ZH_NOT_DESCRIBED;
}

/* Who introduces a quote with a colon (or a comma) and no speech verb in
 * [a, b): the last person named there; else a pronoun that opens a clause
 * (拿到判决书那天，他给记者发来一条信息：“…”) or follows a description of
 * its person (讲台上的她声音洪亮：“), resolved backwards. A
 * headline's colon (江西全力迎战高水位：“人在堤在，寸土不让”) names no one
 * and introduces a slogan: no colon then, unless a role noun ends the
 * headline before it (居民：“…”). */
static int
zh_colon_subject (Run         *run,
                  const Quote *q,
                  guint        a,
                  guint        b,
                  gboolean    *colon,
                  gboolean    *pronoun)
{
  ZhLexicon *zh = &run->self->zh;
  int e;
  guint k;

  if ((e = zh_topic_pronoun (run, a, b, pronoun)) != ZH_NOT_DESCRIBED)
    return e;
  if (*colon && (e = zh_described_subject (run, a, b, pronoun)) != ZH_NOT_DESCRIBED)
    return e;
  if (*colon && (e = zh_object_subject (run, a, b, pronoun)) != ZH_NOT_DESCRIBED)
    return e;
  e = suggest_entity_in (run, a, b);
  if (e >= 0 || !*colon)
    return e;
  for (k = a; k < b; k++)
    if (suggest_char_in (&zh->pronouns, run->u[k]) && k + 1 < b && run->u[k + 1] != 0x4EEC /* 们 */ &&
        (k == a || run->u[k - 1] == 0xFF0C || run->u[k - 1] == ',' ||
         /* 讲台上的她声音洪亮：“ — a description of the pronoun's person */
         (run->u[k - 1] == 0x7684 /* 的 */ && run->u[k + 1] != 0x7684)))
      {
        *pronoun = TRUE;
        return zh_pronoun_antecedent (run, k, 400, zh_pronoun_gender (run->u[k]));
      }
  for (k = 0; k < q->par_start && g_unichar_isspace (run->u[k]); k++)
    ;
  if (k == q->par_start && a == q->par_start &&
      suggest_word_list_match_before (&zh->roles, run->u, b > MAX_WORD ? b - MAX_WORD : 0, b) == 0 &&
      suggest_word_list_match_before (&zh->unnamed_roles, run->u, b > MAX_WORD ? b - MAX_WORD : 0, b) == 0)
    *colon = FALSE;
  return -1;
}

/* Chinese attribution before the opening mark: 他说：“ 马素湘表示，“ 提出“ */
static int
zh_before (Run         *run,
           const Quote *q,
           gboolean    *verb_found,
           gboolean    *colon,
           gboolean    *pronoun)
{
  ZhLexicon *zh = &run->self->zh;
  guint b = q->open, a;
  guint v;
  gboolean comma = FALSE;

  *verb_found = FALSE;
  *colon = FALSE;
  *pronoun = FALSE;
  while (b > q->par_start && run->u[b - 1] == ' ')
    b--;
  if (b > q->par_start && (run->u[b - 1] == 0xFF1A || run->u[b - 1] == ':'))
    {
      *colon = TRUE;
      b--;
    }
  else if (b > q->par_start && (run->u[b - 1] == 0xFF0C || run->u[b - 1] == ','))
    {
      comma = TRUE;
      b--;
    }
  a = b;
  while (a > q->par_start && b - a < WINDOW_BEFORE)
    {
      gunichar c = run->u[a - 1];
      if (c == 0x201D || c == 0x300D || c == 0x300F)
        {
          /* A short term in marks without clause punctuation (“稳面积、提单产”)
           * is no speech: the sentence's verb may be before it. */
          guint o = a - 1, j;
          gunichar opener = c == 0x201D ? 0x201C : c == 0x300D ? 0x300C : 0x300E;
          gboolean term = TRUE;

          while (o > q->par_start && a - o < 14 && run->u[o - 1] != opener)
            o--;
          for (j = o; j < a - 1 && term; j++)
            term = !suggest_is_clause_punct (run->u[j]);
          if (!term || o == q->par_start || run->u[o - 1] != opener)
            break;
          a = o - 1;
          continue;
        }
      if (suggest_is_sentence_end (c))
        break;
      a--;
    }
  v = suggest_word_list_match_before (&zh->verbs, run->u, a, b);
  /* 只跟她说了一句话： 对我说过这样一段话： the verb before the words it
   * counts; the one spoken to (跟她) is no speaker. */
  if (v == 0 && *colon && b >= a + 3 && (run->u[b - 1] == 0x8BDD /* 话 */ || run->u[b - 1] == 0x8A71 /* 話 */) &&
      (run->u[b - 2] == 0x53E5 /* 句 */ || run->u[b - 2] == 0x6BB5 /* 段 */))
    for (guint k = b - 2; k > a && b - k < 10 && v == 0; k--)
      if ((v = suggest_word_list_match_before (&zh->verbs, run->u, a, k)) > 0)
        b = k;
  if (v == 0)
    {
      /* 补充说，在测试中使用雪利酒“…” : a verb and a comma earlier in the sentence. */
      for (guint k = b; k > a && v == 0; k--)
        if ((run->u[k - 1] == 0xFF0C || run->u[k - 1] == ',') &&
            (v = suggest_word_list_match_before (&zh->verbs, run->u, a, k - 1)) > 0)
          b = k - 1;
        else if ((run->u[k - 1] == 0xFF0C || run->u[k - 1] == ',') && (v = zh_told_outlet (run, a, k - 1)) > 0)
          b = k - 1;   /* 告诉澎湃新闻，…，“…”: b - v is 告 */
      /* 他說自己的辦事處上月接獲十多宗求助，「…」: a subject and its
       * speech verb earlier in the sentence, reported speech after it. */
      for (guint k = a; comma && v == 0 && k + 1 < b; k++)
        {
          guint w = suggest_word_list_match_at (&zh->verbs, run->u, b, k), s = k, ad;
          int m;

          if (w == 0)
            continue;
          /* 向记者透露, 也表示: the speech adverbials between */
          while (s > a && (ad = suggest_word_list_match_before (&zh->adverbials, run->u, s > a + MAX_WORD ? s - MAX_WORD : a, s)) > 0)
            s -= ad;
          if (s > a && suggest_char_in (&zh->pronouns, run->u[s - 1]) && run->u[s] != 0x4EEC /* 们 */)
            v = w;
          else if ((m = suggest_mention_before (run, s)) >= 0 &&
                   suggest_cand_at (run, g_array_index (run->mentions, guint, m))->end == s &&
                   suggest_cand_at (run, g_array_index (run->mentions, guint, m))->start >= a)
            v = w;
          if (v > 0)
            b = k + w;
        }
      if (v == 0)
        return *colon || comma ? zh_colon_subject (run, q, a, b, colon, pronoun) : -1;
      *colon = FALSE;
    }
  *verb_found = TRUE;
  {
    int e = zh_topic_pronoun (run, a, b - v, pronoun);
    if (e != ZH_NOT_DESCRIBED)
      return e >= 0 ? e : -2;
    if ((e = zh_described_subject (run, a, b - v, pronoun)) != ZH_NOT_DESCRIBED)
      return e >= 0 ? e : -2;
    e = zh_entity_in (run, a, b - v);
    if (e >= 0)
      return e;
    if ((e = zh_first_pronoun (run, a, b - v, pronoun)) != ZH_NOT_DESCRIBED)
      return e;
  }
  return -2;
}

/* What a Chinese mention says of a person's sex: a name ending in a
 * kinship word or an honorific (潘女士 范阿婆 陈小姐 f; 侯先生 周大爷 m). */
static guint8
zh_mention_gender (Run  *run,
                   Cand *c)
{
  static const gunichar female_end[] = { 0x58EB /* 士 (女士) */, 0x59D0 /* 姐 */, 0x592A /* 太 */, 0x59E8 /* 姨 */,
                                         0x5976 /* 奶 */, 0x5A46 /* 婆 */, 0x5988 /* 妈 */, 0x5AC2 /* 嫂 */, 0x5A76 /* 婶 */ };
  static const gunichar male_end[] = { 0x751F /* 生 (先生) */, 0x7237 /* 爷 */, 0x4F2F /* 伯 */, 0x53D4 /* 叔 */, 0x54E5 /* 哥 */ };
  /* A relation ending the mention (龙某的母亲, 孔繁荣的孙女, 他的儿子). */
  static const gunichar female_rel[][2] = { { 0x6BCD, 0x4EB2 } /* 母亲 */, { 0x6BCD, 0x89AA } /* 母親 */, { 0x5973, 0x513F } /* 女儿 */,
                                            { 0x5973, 0x5152 } /* 女兒 */, { 0x5B59, 0x5973 } /* 孙女 */, { 0x5B6B, 0x5973 } /* 孫女 */,
                                            { 0x59BB, 0x5B50 } /* 妻子 */, { 0x8001, 0x5A46 } /* 老婆 */, { 0x59B9, 0x59B9 } /* 妹妹 */ };
  static const gunichar male_rel[][2] = { { 0x7236, 0x4EB2 } /* 父亲 */, { 0x7236, 0x89AA } /* 父親 */, { 0x513F, 0x5B50 } /* 儿子 */,
                                          { 0x5152, 0x5B50 } /* 兒子 */, { 0x5B59, 0x5B50 } /* 孙子 */, { 0x5B6B, 0x5B50 } /* 孫子 */,
                                          { 0x4E08, 0x592B } /* 丈夫 */, { 0x8001, 0x516C } /* 老公 */, { 0x5F1F, 0x5F1F } /* 弟弟 */,
                                          { 0x7238, 0x7238 } /* 爸爸 */ };
  gunichar last = run->u[c->end - 1], prev = run->u[c->end - 2];

  for (guint i = 0; c->end >= c->start + 2 && i < G_N_ELEMENTS (female_rel); i++)
    if (prev == female_rel[i][0] && last == female_rel[i][1])
      return 'f';
  for (guint i = 0; c->end >= c->start + 2 && i < G_N_ELEMENTS (male_rel); i++)
    if (prev == male_rel[i][0] && last == male_rel[i][1])
      return 'm';
  for (guint i = 0; i < G_N_ELEMENTS (female_end); i++)
    if (last == female_end[i] && (last != 0x58EB || prev == 0x5973 /* 女 */))
      return 'f';
  for (guint i = 0; i < G_N_ELEMENTS (male_end); i++)
    if (last == male_end[i] && (last != 0x751F || prev == 0x5148 /* 先 */))
      return 'm';
  return 0;
}

/* 'f' if @word is one of @female, 'm' if one of @male, else 0 (lists
 * ending in NULL). */
static guint8
word_gender (const char         *word,
             const char * const *female,
             const char * const *male)
{
  return g_strv_contains (female, word) ? 'f' : g_strv_contains (male, word) ? 'm' : 0;
}

/* What a mention says of a person's sex: an honorific before it (Mr.,
 * Ms., Mrs.), a relation in apposition before it (Their mother, Karin
 * Lindahl,) or a gendered title (spokeswoman, chairman, actress). */
static guint8
mention_gender (Run  *run,
                Cand *c)
{
  static const char *const female[] = { "Ms", "Mrs", "Miss", "Madam", "Queen", "Princess", "Lady", "Dame", "Sister", NULL };
  static const char *const male[] = { "Mr", "King", "Prince", "Sir", "Lord", "Father", "Brother", NULL };
  static const char *const female_kin[] = { "mother", "daughter", "wife", "sister", "grandmother", "granddaughter", "niece",
                                            "aunt", "widow", "girlfriend", "fiancee", "fiancée", "stepmother", "stepdaughter",
                                            NULL };
  static const char *const male_kin[] = { "father", "son", "husband", "brother", "grandfather", "grandson", "nephew",
                                          "uncle", "widower", "boyfriend", "fiancé", "stepfather", "stepson", NULL };
  guint k = c->start, w;
  guint8 g;
  g_autofree char *word = NULL;
  const char *title = c->title;

  if (c->end - c->start >= 2 && is_han (run->u[c->end - 1]))
    return zh_mention_gender (run, c);
  if (k >= 3 && run->u[k - 1] == ' ' && run->u[k - 2] == ',')
    {
      g_autofree char *kin = NULL;

      w = k - 2;
      while (w > 0 && k - 2 - w < 14 && g_unichar_isalpha (run->u[w - 1]))
        w--;
      kin = suggest_substring (run, w, k - 2);
      if ((g = word_gender (kin, female_kin, male_kin)) != 0)
        return g;
    }
  while (k > 0 && (run->u[k - 1] == ' ' || run->u[k - 1] == '.'))
    k--;
  w = k;
  while (w > 0 && k - w < 8 && g_unichar_isalpha (run->u[w - 1]))
    w--;
  if (w < k && (w == 0 || !g_unichar_isalpha (run->u[w - 1])))
    {
      word = suggest_substring (run, w, k);
      if ((g = word_gender (word, female, male)) != 0)
        return g;
      /* Edward Norton Lorenz named as "Norton Lorenz": the given name before. */
      {
        g_autofree char *given = g_strconcat (word, " ", NULL);
        if ((g = en_given_name_gender (run, given)) != 0)
          return g;
      }
    }
  if (title != NULL && *title != '\0' && (guchar) title[0] < 0x80)
    {
      if (g_str_has_suffix (title, "woman") || g_str_has_suffix (title, "ess"))
        return 'f';
      if (g_str_has_suffix (title, "man"))
        return 'm';
    }
  if (c->entity >= 0 && (guint) c->entity < run->entities->len)
    return en_given_name_gender (run, ((Entity *) run->entities->pdata[c->entity])->name);
  return 0;
}

/* Whether @pos is inside a quote already taken as speech, or inside the
 * one being decided: a name the speaker mentions (“Whole Foods saw that
 * early”; “贾某在台上说得天花乱坠…？”说到这里，她几度哽咽) is no antecedent. */
static gboolean
inside_speech (Run   *run,
               guint  pos)
{
  int lo = 0, hi, found = -1;

  if (pos > run->deciding_open && pos < run->deciding_close)
    return TRUE;
  if (run->speech == NULL || run->speech->len < 2)
    return FALSE;
  hi = (int) run->speech->len / 2 - 1;
  while (lo <= hi)
    {
      int mid = (lo + hi) / 2;
      if (g_array_index (run->speech, guint, 2 * mid) < pos)
        {
          found = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }
  return found >= 0 && pos < g_array_index (run->speech, guint, 2 * found + 1);
}

/* Whether the name ending at @end is followed by 's or ’s. */
gboolean
en_possessive (Run   *run,
               guint  end)
{
  return end + 1 < run->n && (run->u[end] == '\'' || run->u[end] == 0x2019) && run->u[end + 1] == 's' &&
         (end + 2 >= run->n || !g_unichar_isalpha (run->u[end + 2]));
}

/* The nearest person before @pos that a pronoun can name: "she" skips
 * everyone known to be a man (Mr. Carter), "he" everyone known to be a
 * woman (Ms. Lopez, the spokeswoman); unknown fits both. */
static int antecedent_of (Run *run, guint pos, guint max_distance, guint8 want);

int
pronoun_antecedent (Run     *run,
                    guint    pos,
                    guint    max_distance,
                    gboolean female)
{
  return antecedent_of (run, pos, max_distance, female ? 'f' : 'm');
}

/* The same for @want 'f', 'm' or 0 (佢, 这位工程师: anyone). */
static int
antecedent_of (Run     *run,
               guint    pos,
               guint    max_distance,
               guint8   want)
{
  int possessor = -1;
  guint possessor_end = 0;

  if (run->genders == NULL)
    {
      run->n_genders = run->entities->len;
      run->genders = g_new0 (guint8, run->n_genders + 1);
      for (guint m = 0; m < run->mentions->len; m++)
        {
          Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
          guint8 g;
          if (c->entity < 0 || (guint) c->entity >= run->n_genders || (g = mention_gender (run, c)) == 0)
            continue;
          /* Two signals that disagree: two people under one name, unknown. */
          run->genders[c->entity] = run->genders[c->entity] == 0 || run->genders[c->entity] == g ? g : 'x';
        }
    }
  for (int m = suggest_mention_before (run, pos); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      guint8 g;

      if (c->end > pos)
        continue;
      if (pos - c->end > max_distance)
        break;
      /* he, she, 他, 她: no organization that spoke (Halcyra said) */
      if (g_str_equal (c->tag, "organization"))
        continue;
      g = c->entity >= 0 && (guint) c->entity < run->n_genders ? run->genders[c->entity] : 0;
      if ((want == 'f' && g == 'm') || (want == 'm' && g == 'f') || inside_speech (run, c->start))
        continue;
      /* Lee said Yoon's decree … “…,” he said: a possessor is no
       * antecedent while a subject stands before it (a few sentences). */
      if (en_possessive (run, c->end))
        {
          if (possessor < 0)
            {
              possessor = c->entity;
              possessor_end = c->end;
            }
          continue;
        }
      if (possessor >= 0 && possessor_end - c->end > 400)
        return possessor;
      return c->entity;
    }
  return possessor;
}

/* A Chinese pronoun names the subject of the sentence where its nearest
 * antecedent stands, not that antecedent: 谢正平援引专家罗振华的测算指出，
 * ……。他强调 is 谢正平. The subject is the sentence's first person, not a
 * possessor (邓子涵的父亲) nor one spoken to (向 对 跟 给). */
static int
zh_pronoun_antecedent (Run      *run,
                       guint     pos,
                       guint     max_distance,
                       guint8    want)
{
  int e = antecedent_of (run, pos, max_distance, want);
  int m, near = -1;
  guint s;

  if (e < 0)
    return e;
  for (m = suggest_mention_before (run, pos); m >= 0 && near < 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->end <= pos && c->entity == e && !inside_speech (run, c->start))
        near = m;
    }
  if (near < 0)
    return e;
  s = suggest_cand_at (run, g_array_index (run->mentions, guint, near))->start;
  while (s > 0 && !suggest_is_sentence_end (run->u[s - 1]) && run->u[s - 1] != '\n')
    s--;
  for (m = near - 1; m >= 0; m--)
    if (suggest_cand_at (run, g_array_index (run->mentions, guint, m))->start < s)
      break;
  for (m++; m < near; m++)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      Cand *next = suggest_cand_at (run, g_array_index (run->mentions, guint, m + 1));   /* m < near */
      guint8 g;

      /* (岑晓舟：我外公周海生…: an interview's label is no subject;
       * 锐能新能源董事长阎启帆…他说: nor the company before a role, nor
       * the role itself, a headline's 董事长称 found again in 公司董事长顾振华) */
      if (c->entity < 0 || inside_speech (run, c->start) || (c->start > 0 && suggest_zh_addressee (run->u[c->start - 1])) ||
          g_str_equal (c->tag, "organization") ||
          (next->start == c->end && next->entity != c->entity) ||
          (c->end < run->n && run->u[c->end] == 0x7684 /* 的 */) || g_strcmp0 (c->rule, "zh-person-interview") == 0)
        continue;
      g = (guint) c->entity < run->n_genders ? run->genders[c->entity] : 0;
      if ((want == 'f' && g == 'm') || (want == 'm' && g == 'f'))
        continue;
      return c->entity;
    }
  return e;
}

/* A paragraph that opens with a quote after a paragraph whose speech was
 * left unclosed (the news convention for a quote that goes on) continues
 * it, however short, with its speaker. */
void
continue_open_quote (const Quote    *q,
                     const Decision *previous_paragraph,
                     Decision       *d,
                     const char     *rule)
{
  if (q->open != q->par_start || previous_paragraph == NULL ||
      !previous_paragraph->speech || !previous_paragraph->open_end)
    return;
  if (!d->speech)
    *d = (Decision) { TRUE, previous_paragraph->speaker, 0.85, rule, FALSE };
  else if (d->speaker < 0)
    d->speaker = previous_paragraph->speaker;
}

/* A paragraph that is nothing but a closed quote ("…" alone on its line)
 * right after a paragraph with attributed speech goes on with that
 * speaker, however short: news writing never leaves such a paragraph
 * unattributed unless it continues the previous one. */
static gboolean
quote_fills_paragraph (Run         *run,
                       const Quote *q)
{
  guint k = q->close + 1;

  if (q->open != q->par_start)
    return FALSE;
  /* a paragraph of speech left open (the next one goes on with “) */
  if (q->unclosed)
    return TRUE;
  while (k < q->par_end && g_unichar_isspace (run->u[k]))
    k++;
  return k >= q->par_end;
}

gboolean
continues_previous_paragraph (Run            *run,
                              const Quote    *q,
                              gboolean        clause,
                              const Decision *previous_paragraph)
{
  return clause && previous_paragraph != NULL && previous_paragraph->speech &&
         previous_paragraph->speaker >= 0 && q->close - q->open > 4 && quote_fills_paragraph (run, q);
}

/* “…”¶说这番话的是江北市医疗保障局副局长潘立群。: a quote that fills its
 * paragraph, and the next one opens by saying whose words they were (说这
 * 番话的是, 说这话的是, 说这句话的是, 这番话出自; 说这话的，是): the first
 * person or official named after those words, within its clause, that is
 * no possessor (刘庆山的妻子王秀兰: 王秀兰); -1 if none. */
static int
zh_named_after_paragraph (Run         *run,
                          const Quote *q)
{
  static const char *const cues[] = { "说这番话的是", "说这话的是", "说这句话的是", "說這番話的是", "說這話的是", "說這句話的是",
                                      "说这番话的，是", "说这话的，是", "说这句话的，是", "說這番話的，是", "說這話的，是",
                                      "說這句話的，是", "这番话出自", "這番話出自", "这句话出自", "這句話出自" };
  guint k = q->par_end;
  int m;

  if (q->open != q->par_start || q->unclosed || !quote_fills_paragraph (run, q))
    return -1;
  while (k < run->n && g_unichar_isspace (run->u[k]))
    k++;
  for (guint c = 0; c < G_N_ELEMENTS (cues); c++)
    {
      glong len = 0;
      g_autofree gunichar *cue = g_utf8_to_ucs4_fast (cues[c], -1, &len);

      if (k + (guint) len >= run->n || memcmp (run->u + k, cue, len * sizeof (gunichar)) != 0)
        continue;
      k += (guint) len;
      for (m = suggest_mention_before (run, k); m + 1 < (int) run->mentions->len; m++)
        {
          Cand *next = suggest_cand_at (run, g_array_index (run->mentions, guint, m + 1));

          if (next->start < k)
            continue;
          if (next->start > k + 24 || next->entity < 0)
            return -1;
          for (guint j = k; j < next->start; j++)
            if (!is_han (run->u[j]))
              return -1;
          if (next->end < run->n && run->u[next->end] == 0x7684 /* 的 */)
            continue;
          return next->entity;
        }
      return -1;
    }
  return -1;
}

/* Whether 他 or 她 at @k stands for one person (not 他们, 她們). */
static gboolean
zh_he_or_she_at (Run   *run,
                 guint  k)
{
  return k + 1 < run->n && (run->u[k] == 0x4ED6 /* 他 */ || run->u[k] == 0x5979 /* 她 */) &&
         run->u[k + 1] != 0x4EEC /* 们 */ && run->u[k + 1] != 0x5011 /* 們 */;
}

/* Whether @c ends a phrase of time (上午 晚上 当天 赛后 此前…). */
static gboolean
zh_time_word_end (gunichar c)
{
  static const gunichar ends[] = { 0x5348 /* 午 */, 0x4E0A /* 上 */, 0x665A /* 晚 */, 0x5929 /* 天 */, 0x65E5 /* 日 */,
                                   0x540E /* 后 */, 0x5F8C /* 後 */, 0x524D /* 前 */, 0x65F6 /* 时 */, 0x6642 /* 時 */,
                                   0x591C /* 夜 */, 0x6668 /* 晨 */ };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (c == ends[i])
      return TRUE;
  return FALSE;
}

/* A paragraph that is nothing but a quote, after a paragraph that tells
 * of one person without quoting them (吴秀英原本在…打工。…她没有放弃。¶
 * “那时候真想过…”): that person's words. The person named in the paragraph
 * before, -1 unless it names exactly one and ends a sentence (a byline or
 * a title names no speaker), or opens with one and goes on about them in
 * its last sentence with a pronoun, or names no one and opens with a
 * pronoun's reported speech. */
static int
zh_narrative_subject (Run         *run,
                      const Quote *q)
{
  guint hi = q->par_start, lo, last, opening_end = 0, first_in_last = G_MAXUINT;
  int m, entity = -1, opening = -1, last_entity = -1;
  gboolean several = FALSE, named_last = FALSE, several_last = FALSE;

  while (hi > 0 && g_unichar_isspace (run->u[hi - 1]))
    hi--;
  if (hi == 0 || hi == q->par_start || !suggest_is_sentence_end (run->u[hi - 1]))
    return -1;
  for (lo = hi; lo > 0 && run->u[lo - 1] != '\n' && hi - lo < 400; lo--)
    ;
  for (last = hi - 1; last > lo && !suggest_is_sentence_end (run->u[last - 1]); last--)
    ;
  for (m = suggest_mention_before (run, hi); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));

      if (c->start < lo)
        break;
      if (c->entity < 0)
        continue;
      /* 她的丈夫常年在外务工: a relative the pronoun hangs on the
       * subject, who stays the one the paragraph is about */
      if (g_strcmp0 (c->rule, "zh-related-person") == 0 && suggest_char_in (&run->self->zh.pronouns, run->u[c->start]))
        continue;
      if (c->start >= last)
        {
          named_last = TRUE;
          several_last |= last_entity >= 0 && c->entity != last_entity;
          last_entity = c->entity;
          first_in_last = c->start;
        }
      if (entity >= 0 && c->entity != entity)
        several = TRUE;
      entity = c->entity;
      opening = c->start == lo ? c->entity : -1;
      opening_end = c->end;
    }
  /* 她告诉记者，…。¶“…”: a paragraph of reported speech that names no one,
   * opened by a pronoun and a speech verb, then the quote: the one the
   * pronoun stands for. */
  if (entity < 0 && hi - lo > 3 && (run->u[lo] == 0x4ED6 /* 他 */ || run->u[lo] == 0x5979 /* 她 */) &&
      suggest_zh_verb_follows (run, lo + 1))
    return zh_pronoun_antecedent (run, lo, 400, zh_pronoun_gender (run->u[lo]));
  /* 刚开始直播时，她的直播间常常只有十几个人。¶“…”: a paragraph that names
   * no one but tells of 他 or 她 in its first clause: whom the pronoun
   * stands for. */
  for (guint k = lo; entity < 0 && k + 1 < hi && k - lo <= 12 && !suggest_is_sentence_end (run->u[k]); k++)
    if (zh_he_or_she_at (run, k))
      return zh_pronoun_antecedent (run, k, 400, zh_pronoun_gender (run->u[k]));
  if (!several)
    return entity;
  /* 滨河社区党委书记邵雅琴说，那段时间她几乎每周都要去冯丽娜家坐一坐。¶“…: a
   * paragraph that opens with someone's reported speech, whoever it names */
  if (opening >= 0 && suggest_zh_verb_follows (run, opening_end))
    return opening;
  /* 女子组的较量…。蒲佳琳与阿贝贝…并肩而行…。冲过终点后，蒲佳琳跪在地上哭了很久。
   * ¶“…”: two people, but the last sentence is about one, its subject
   * (opening it, or after a short clause of time) — when no one opens the
   * paragraph (老纪的手艺是跟父亲纪阿茂学的。纪阿茂当年是…: about 老纪) */
  if (opening < 0 && last_entity >= 0 && !several_last &&
      (first_in_last == last ||
       (first_in_last > last + 2 && first_in_last - last <= 12 && run->u[first_in_last - 1] == 0xFF0C /* ， */ &&
        zh_time_word_end (run->u[first_in_last - 2]))))
    return last_entity;
  /* 老纪的手艺是跟父亲纪阿茂学的。说起当年学艺，平时话不多的他，话匣子一下
   * 子打开了。: two people, but the last sentence names no one and goes on
   * with a pronoun; the one the paragraph opens with is whom it is about. */
  if (opening < 0 || named_last)
    return -1;
  for (guint k = last; k + 1 < hi; k++)
    if (zh_he_or_she_at (run, k))
      return opening;
  return -1;
}

/* A paragraph that opens with a quote right after a paragraph ending in a
 * colon (她说：¶“…” / He said:¶"…"): the quote the colon introduces.
 * Returns the colon's position, or G_MAXUINT; *prev_start is where that
 * paragraph starts (looked for within a bounded distance). */
guint
colon_paragraph_before (Run         *run,
                        const Quote *q,
                        guint       *prev_start)
{
  guint k = q->par_start;

  if (q->open != q->par_start)
    return G_MAXUINT;
  while (k > 0 && q->par_start - k < 8 && g_unichar_isspace (run->u[k - 1]))
    k--;
  if (k == 0 || k == q->par_start || (run->u[k - 1] != 0xFF1A && run->u[k - 1] != ':'))
    return G_MAXUINT;
  *prev_start = k - 1;
  while (*prev_start > 0 && k - *prev_start < 300 && run->u[*prev_start - 1] != '\n')
    (*prev_start)--;
  return k - 1;
}

/* The rest of the sentence after a quote: ”天安…仪式上，领誓的京东小哥高登柱字字铿锵。 */
static int
zh_sentence_speaker (Run         *run,
                     const Quote *q)
{
  guint a = q->close + 1, b = a, v = 0;

  while (b < q->par_end && b - a < WINDOW_BEFORE && !suggest_is_sentence_end (run->u[b]))
    {
      if ((v = suggest_word_list_match_at (&run->self->zh.verbs, run->u, run->n, b)) > 0)
        return suggest_entity_in (run, a, b);
      b++;
    }
  return -1;
}

/* The first person named in the same sentence within @limit code points
 * after @pos, the one spoken to aside: “…”说起这事，王阿婆笑得合不拢嘴 or
 * “…”老李已经很坦然 name the speaker after the quote; after a topic
 * clause (“…”说起覃永福，村民韦老四的声音有些哽咽, “…”回想起今年3月的
 * 遭遇，家住…的刘女士) the first named after it, @limit counted from its
 * comma. -1 if none. */
static int
zh_subject_after (Run   *run,
                  guint  pos,
                  guint  limit)
{
  guint end;
  int m, first = -1;

  /* the topic clause, up to its comma within twenty: the limit counts after it */
  if (suggest_word_list_match_at (&run->self->zh.topic_intros, run->u, run->n, pos) > 0)
    {
      guint k = pos;

      while (k < run->n && k - pos < 20 && (is_han (run->u[k]) || g_unichar_isdigit (run->u[k])))
        k++;
      if (k < run->n && (run->u[k] == 0xFF0C /* ， */ || run->u[k] == ','))
        pos = k + 1;
    }
  /* “…”8月29日上午，在朝阳区一家民办幼儿园门口，家长贺女士…: up to two
   * clauses of time or place before the subject, the limit counted after
   * them */
  for (guint clauses = 0; clauses < 2; clauses++)
    {
      guint k = pos;

      while (k < run->n && k - pos < 20 && (is_han (run->u[k]) || g_unichar_isdigit (run->u[k])))
        k++;
      if (k >= run->n || k - pos < 2 || (run->u[k] != 0xFF0C /* ， */ && run->u[k] != ',') ||
          suggest_mention_before (run, k) != suggest_mention_before (run, pos) ||
          !(run->u[pos] == 0x5728 /* 在 */ || g_unichar_isdigit (run->u[pos]) || zh_time_word_end (run->u[k - 1])))
        break;
      pos = k + 1;
    }
  end = pos;
  while (end < run->n && end - pos < limit && !suggest_is_sentence_end (run->u[end]) && run->u[end] != '\n' &&
         !suggest_is_opener (run->u[end]))
    end++;
  for (m = suggest_mention_before (run, end); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));

      if (c->start < pos)
        break;
      if (c->end <= end && c->entity >= 0 && (c->start == 0 || !suggest_zh_addressee (run->u[c->start - 1])))
        first = c->entity;
    }
  return first;
}

/* “…”说着，她把… / “…”说到这里，他…: a pronoun opening the clause after
 * the verb's short one names the speaker through its antecedent. -1 if
 * no pronoun is there (他们 is a group). */
static int
zh_pronoun_after (Run   *run,
                  guint  pos)
{
  ZhLexicon *zh = &run->self->zh;

  for (guint k = pos; k + 2 < run->n && k - pos < 8 && is_han (run->u[k]); k++)
    if ((run->u[k + 1] == 0xFF0C || run->u[k + 1] == ',') && suggest_char_in (&zh->pronouns, run->u[k + 2]))
      return run->u[k + 3 < run->n ? k + 3 : k + 2] == 0x4EEC /* 们 */ ? -1 :
             zh_pronoun_antecedent (run, k + 2, 400, zh_pronoun_gender (run->u[k + 2]));
  return -1;
}

/* A quote opening a sentence after a sentence of reported speech in its
 * paragraph (江海涛对弟子的表现给予肯定。他说，许一帆去年底才…。“他的网前技术
 * 一直不错…”): the subject of that sentence's speech verb before its
 * comma, not the last person named inside what was reported. -1 if the
 * sentence before the quote has no such verb. */
static int
zh_reported_subject (Run         *run,
                     const Quote *q)
{
  ZhLexicon *zh = &run->self->zh;
  guint lo = q->par_start;

  for (guint k = q->open; k > lo; k--)
    {
      gunichar c = run->u[k - 1];

      if (c == 0x201D || c == 0x300D || c == 0x300F || c == '"')
        return -1;   /* another quote between: it has its own speaker */
      if (suggest_is_sentence_end (c) && k < q->open)
        return -1;   /* only the sentence right before the quote */
      if ((c == 0xFF0C || c == ',') && suggest_word_list_match_before (&zh->verbs, run->u, k - 1 > lo + MAX_WORD ? k - 1 - MAX_WORD : lo, k - 1) > 0)
        {
          Quote intro = *q;
          gboolean verb, colon, pronoun;
          int e;

          intro.open = k;
          e = zh_before (run, &intro, &verb, &colon, &pronoun);
          return verb && e >= 0 ? e : -1;
        }
    }
  return -1;
}

/* A quote right after a sentence of its paragraph that tells of someone
 * (78岁的陈阿婆拉着陈书记的手不肯松开。“…”; 陈部长也直接回应了林慧娴的提
 * 议。“…”): that sentence's subject, the first person it names that is
 * no possessor (…的), not the last. -1 if it names no one. */
static int
zh_subject_of_sentence_before (Run         *run,
                               const Quote *q)
{
  guint lo = q->par_start, s = q->open;
  int m;

  if (s <= lo || !suggest_is_sentence_end (run->u[s - 1]))
    return -1;
  for (s--; s > lo && !suggest_is_sentence_end (run->u[s - 1]); s--)
    if (run->u[s - 1] == 0x201D || run->u[s - 1] == 0x300D)
      return -1;   /* a quote of its own inside that sentence */
  for (m = suggest_mention_before (run, s); m + 1 < (int) run->mentions->len; m++)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m + 1));

      if (c->start < s)
        continue;
      if (c->end > q->open)
        break;
      if (c->entity < 0 || (c->end < run->n && run->u[c->end] == 0x7684 /* 的 */) ||
          (c->start > 0 && suggest_zh_addressee (run->u[c->start - 1])))
        continue;
      return c->entity;
    }
  /* 她算过一笔账：…，能落下三百来块。“够了够了…”: a sentence that names no
   * one and opens with 他 or 她 is the one the pronoun stands for */
  if (s + 1 < q->open && zh_he_or_she_at (run, s))
    return zh_pronoun_antecedent (run, s, 400, zh_pronoun_gender (run->u[s]));
  return -1;
}

/* Whether the code point at @end makes the mention before it a
 * possessor: 的 (小雨的父母). */
static gboolean
zh_possessor (Run   *run,
              guint  end)
{
  return end < run->n && run->u[end] == 0x7684 /* 的 */;
}

/* 俗话说：“…” 常言道“…”: a saying, not anyone's speech. */
static gboolean
zh_proverb (Run         *run,
            const Quote *q)
{
  guint b = q->open;

  while (b > q->par_start && q->open - b < 4 &&
         (run->u[b - 1] == 0xFF1A || run->u[b - 1] == ':' || run->u[b - 1] == 0xFF0C || run->u[b - 1] == ',' ||
          run->u[b - 1] == ' ' || run->u[b - 1] == 0x5F97 /* 得 */ || run->u[b - 1] == 0x597D /* 好 */))
    b--;
  return suggest_word_list_match_before (&run->self->zh.proverbs, run->u, b > q->par_start + MAX_WORD ? b - MAX_WORD : q->par_start, b) > 0;
}

/* A short quote (five characters or more: shorter ones are idioms and
 * terms) without clause punctuation that ends its clause, after a
 * speech verb of the same sentence: 该人士称，公司的现金“撑不过一个季度”。
 * Not a list of slogans (“提速、提效、提量”) nor a term a program verb
 * introduces (启动“应急保供”，). */
static gboolean
zh_partial_quote (Run         *run,
                  const Quote *q)
{
  ZhLexicon *zh = &run->self->zh;
  guint len = q->close - q->open - 1;
  gunichar next;

  if (q->unclosed || len < 5 || q->close + 1 >= q->par_end)
    return FALSE;
  next = run->u[q->close + 1];
  if (next != 0x3002 /* 。 */ && next != 0xFF0C /* ， */ && next != 0xFF1B /* ； */ &&
      next != 0xFF01 && next != 0xFF1F)
    return FALSE;
  /* Slogans list short terms (提速、提效、提量); a quoted list of
   * phrases (政府补一点、企业让一点、个人出一点) is someone's words. */
  for (guint k = q->open + 1, item = q->open + 1; k <= q->close; k++)
    if (k == q->close || run->u[k] == 0x3001 /* 、 */)
      {
        if (k < q->close || item > q->open + 1)
          if (k - item < 4)
            return FALSE;
        item = k + 1;
      }
  /* 启动了“荔枝出海行动”: a name ending like a program's is no one's words
   * (not a clause that does: 还需要更多能够留住旅客过夜的项目) */
  if (len <= 12 && suggest_word_list_match_before (&zh->named_program_ends, run->u, q->open + 1, q->close) > 0)
    {
      gboolean clause = FALSE;

      for (guint k = q->open + 1; k < q->close && !clause; k++)
        clause = run->u[k] == 0x7684 /* 的 */;
      if (!clause)
        return FALSE;
    }
  return suggest_word_list_match_before (&zh->program_verbs, run->u,
                                         q->open > q->par_start + MAX_WORD ? q->open - MAX_WORD : q->par_start,
                                         q->open) == 0;
}

/* “好锡是有声音的。你听，”他用指甲轻轻一弹，…，“这就是纯锡…”: a quote that
 * ends in a comma inside its marks, then a short stretch of narration in
 * the same sentence (40 code points at most) and the next opening mark —
 * the words go on after an action.  The entity of the stretch's subject (a
 * name, or the pronoun opening it), or -1; -2 when this is no such quote. */
static int
zh_split_by_action (Run         *run,
                    const Quote *q)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint k;

  if (q->unclosed || q->close < q->open + 5 || (u[q->close - 1] != 0xFF0C && u[q->close - 1] != ','))
    return -2;
  for (k = q->close + 1; k < q->par_end && k - q->close <= 40 && !suggest_is_opener (u[k]); k++)
    if (suggest_is_sentence_end (u[k]))
      return -2;
  if (k >= q->par_end || !suggest_is_opener (u[k]))
    return -2;
  if (suggest_char_in (&zh->pronouns, u[q->close + 1]) && q->close + 2 < run->n && u[q->close + 2] != 0x4EEC /* 们 */)
    return zh_pronoun_antecedent (run, q->close + 1, 400, zh_pronoun_gender (u[q->close + 1]));
  return suggest_entity_in (run, q->close + 1, k);
}

Decision
suggest_decide_zh (Run         *run,
           const Quote *q,
           const Decision *last_in_paragraph,
           const Decision *previous_paragraph)
{
  Decision d = { FALSE, -1, 0, NULL };
  gboolean clause = suggest_quote_has_clause (run, q);
  gboolean after_verb, before_verb, colon, pronoun_a, pronoun_b;
  int after, before, later, split;
  guint len = q->close - q->open - 1;
  gboolean sentence_start;

  if (zh_proverb (run, q))
    return d;
  after = zh_after (run, q, &after_verb, &pronoun_a);
  before = zh_before (run, q, &before_verb, &colon, &pronoun_b);
  sentence_start = q->open == q->par_start || suggest_is_sentence_end (run->u[q->open - 1]) ||
                   run->u[q->open - 1] == 0x201D || run->u[q->open - 1] == 0x2026;

  if (clause && after_verb)
    {
      d = (Decision) { TRUE, after, pronoun_a ? 0.8 : 0.93, "zh-quote-verb-after" };
      if (after < 0 && before >= 0)
        d.speaker = before;
      else if (colon && (before >= 0 || zh_after_opens_next (run, q)) && q->close > q->open + 1 &&
               suggest_is_sentence_end (run->u[q->close - 1]))
        {
          /* 他说：“…。”苏某的辩护人则提出: a colon introduced the whole
           * sentence; the verb after it opens the next one — also when
           * no one we know asked (记者问…：“…？”王建国说：“). */
          d.speaker = before;
          d.rule = colon && !before_verb ? "zh-quote-colon" : "zh-quote-verb-before";
        }
      else if (after == -2 && suggest_word_list_match_at (&run->self->zh.verbs, run->u, run->n, q->close + 1) > 0)
        {
          /* ”说起这件事，范阿婆直摇头: the verb opens a clause of its own;
           * the sentence's subject is the speaker. */
          d.speaker = zh_subject_after (run, q->close + 1, 30);
          if (d.speaker < 0)
            d.speaker = zh_pronoun_after (run, q->close + 1);
          d.confidence = 0.7;
        }
    }
  else if (clause && (before_verb || colon))
    d = (Decision) { TRUE, before, pronoun_b ? 0.8 : colon && !before_verb ? 0.8 : 0.92,
                     colon && !before_verb ? "zh-quote-colon" : "zh-quote-verb-before" };
  else if (clause && !q->unclosed && !(last_in_paragraph != NULL && last_in_paragraph->speech) &&
           (later = zh_sentence_speaker (run, q)) >= 0)
    /* ”11月18日，在病房里，刚康复的侯先生感慨地说。: the verb further on. */
    d = (Decision) { TRUE, later, 0.8, "zh-quote-verb-later" };
  else if (clause && last_in_paragraph != NULL && last_in_paragraph->speech)
    d = (Decision) { TRUE, after >= 0 ? after : last_in_paragraph->speaker, 0.75, "zh-quote-continued" };
  else if (after < 0 && !after_verb && continues_previous_paragraph (run, q, clause, previous_paragraph))
    d = (Decision) { TRUE, previous_paragraph->speaker, 0.75, "zh-quote-continued" };
  else if (clause && len >= 15 && before >= 0)
    d = (Decision) { TRUE, before, 0.7, "zh-quote-intro" };
  else if (!clause && before_verb && zh_partial_quote (run, q))
    d = (Decision) { TRUE, before, pronoun_b ? 0.65 : 0.7, "zh-quote-partial" };
  else if ((split = zh_split_by_action (run, q)) != -2)
    d = (Decision) { TRUE, split, 0.7, "zh-quote-split-action" };
  else if (clause && sentence_start &&
           /* ”老顾客周建国放下筷子: a shorter sentence when a person's
            * action follows right after it. */
           (len >= 12 || (len >= 6 && after >= 0 && suggest_is_sentence_end (run->u[q->close - 1]))))
    {
      d = (Decision) { TRUE, after, 0.7, "zh-quote-sentence" };
      if (d.speaker < 0 && last_in_paragraph != NULL && last_in_paragraph->speech)
        d.speaker = last_in_paragraph->speaker;
      if (d.speaker < 0 && q->open > q->par_start)
        d.speaker = zh_reported_subject (run, q);
      if (d.speaker < 0 && q->open > q->par_start)
        d.speaker = zh_subject_of_sentence_before (run, q);
      if (d.speaker < 0 && q->open > q->par_start)
        {
          /* 四年级学生小雨的奶奶刘秀英…。小雨的父母常年在外…: 刘秀英, not 小雨 */
          d.speaker = suggest_last_subject_in (run, q->par_start, q->open, zh_possessor);
          if (d.speaker < 0)
            d.speaker = suggest_entity_in (run, q->par_start, q->open);
        }
      if (d.speaker < 0 && !q->unclosed)
        d.speaker = zh_sentence_speaker (run, q);
      if (d.speaker < 0 && !q->unclosed)
        d.speaker = zh_subject_after (run, q->close + 1, 16);
      if (d.speaker < 0 && q->open == q->par_start && previous_paragraph != NULL && previous_paragraph->speech)
        {
          d.speaker = previous_paragraph->speaker;
          d.rule = "zh-quote-continued";
        }
      if (d.speaker < 0 && quote_fills_paragraph (run, q) && (d.speaker = zh_narrative_subject (run, q)) >= 0)
        {
          d.rule = "zh-quote-narrative";
          d.confidence = 0.6;
        }
    }
  if (!d.speech || d.speaker < 0)
    {
      guint prev_start, intro_colon = colon_paragraph_before (run, q, &prev_start);

      if (intro_colon != G_MAXUINT)
        {
          Quote intro = *q;
          gboolean verb, colon_found, pronoun;
          int e;

          intro.par_start = prev_start;
          intro.open = intro_colon + 1;
          e = zh_before (run, &intro, &verb, &colon_found, &pronoun);
          if (verb && !d.speech)
            d = (Decision) { TRUE, e >= 0 ? e : -1, pronoun ? 0.75 : 0.85, "zh-quote-colon", FALSE };
          else if (e >= 0 && (verb || d.speech))
            /* 热合曼归功于夏天的苦练：: no speech verb, but the speech
             * that follows the colon is the subject's */
            d.speaker = e;
        }
    }
  if (d.speaker == -2)
    d.speaker = -1;
  continue_open_quote (q, previous_paragraph, &d, "zh-quote-continued");
  /* 被告梁子軒…。被告在警誡下稱：「: a bare role opening the sentence is the
   * person of that role named before */
  if (d.speech && d.speaker < 0)
    d.speaker = suggest_zh_bare_role_subject (run, q);
  /* …胡建平是总调度。这位…的“老防汛”，…对记者说：“: whom 这位 points at */
  if (d.speech && d.speaker < 0)
    d.speaker = suggest_zh_pointing_subject (run, q);
  /* 吴青蔓：…。我常跟年轻人说：“…”: in an interview's answer, 我 is the one
   * answering */
  if (d.speech && d.speaker < 0)
    d.speaker = suggest_zh_answer_self (run, q);
  /* the next paragraph's 说这番话的是… says so outright */
  if (d.speech)
    {
      int named = zh_named_after_paragraph (run, q);
      if (named >= 0)
        {
          d.speaker = named;
          d.rule = "zh-quote-named-after";
          d.confidence = 0.8;
        }
    }
  return d;
}
