/* gloss-suggest-unnamed-zh.c: Chinese speakers known by a description
 * rather than a name — 一位基层干部说, 一名参与救援的队员告诉记者, 该官员,
 * 患者的女儿, 我母亲常说 — each one person where they stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* Whether the quantifier @q of @len code points points back: 这位 这名
 * 那位 那名 该 (and their traditional forms). */
static gboolean
zh_points_back (const gunichar *q,
                guint           len)
{
  gboolean near = q[0] == 0x8FD9 /* 这 */ || q[0] == 0x9019 /* 這 */ || q[0] == 0x90A3 /* 那 */;

  if (len == 1)
    return q[0] == 0x8BE5 /* 该 */ || q[0] == 0x8A72 /* 該 */;
  return len == 2 && near && (q[1] == 0x4F4D /* 位 */ || q[1] == 0x540D /* 名 */);
}

/* The entity of the nearest person before candidate @self with the same
 * role (一位不愿具名的官员 for 该官员), within 2 000 code points; -1 if none. */
static int
zh_role_named_before (Run   *run,
                      guint  self)
{
  Cand *me = suggest_cand_at (run, self);

  for (guint k = self; k > 0 && me->role != NULL; k--)
    {
      Cand *c = suggest_cand_at (run, k - 1);

      if (c->start >= me->start)
        continue;
      if (me->start - c->start > 2000)
        break;
      if (g_str_equal (c->tag, "person") && c->role != NULL && c->entity >= 0 && g_str_has_suffix (c->role, me->role))
        return c->entity;
    }
  return -1;
}

/* Length of the name after a relation at @k (我外公周海生), 0 if none or
 * if it is words of the sentence that read like one (我父亲白天种地: no
 * 白天种). */
static guint
zh_relative_name_len (Run   *run,
                      guint  k)
{
  guint len = suggest_zh_name_at (run, k, TRUE);

  return len > 0 && !suggest_zh_reads_as_word (run, k, suggest_zh_surname_at (run, k, run->n), len) ? len : 0;
}

/* Whether, after @e and within its paragraph (160 code points), 他 or 她
 * and, within six ideographs, a speech verb, a colon and an opening mark
 * tell what someone said (他常跟我说：“, 她说：“). */
static gboolean
zh_pronoun_speaks_after (Run   *run,
                         guint  e)
{
  gunichar *u = run->u;

  for (guint k = e; k + 1 < run->n && k - e < 160 && u[k] != '\n'; k++)
    if ((u[k] == 0x4ED6 /* 他 */ || u[k] == 0x5979 /* 她 */) && u[k + 1] != 0x4EEC /* 们 */ && u[k + 1] != 0x5011 /* 們 */)
      for (guint v = k + 1; v < run->n && v <= k + 7 && is_han (u[v]); v++)
        {
          guint len = suggest_word_list_match_at (&run->self->zh.verbs, u, run->n, v);

          if (len > 0 && v + len + 1 < run->n && (u[v + len] == 0xFF1A /* ： */ || u[v + len] == 0xFF0C /* ， */) &&
              suggest_is_opener (u[v + len + 1]))
            return TRUE;
        }
  return FALSE;
}

/* A person known by their relation, [@start, @end), the relation word
 * from @role_at on, one per place (两个“我父亲” may be two fathers). */
static void
zh_add_relative (Run    *run,
                 guint   start,
                 guint   end,
                 guint   role_at,
                 double  confidence)
{
  g_autofree char *key = suggest_substring (run, start, end);
  g_autofree char *unique = g_strdup_printf ("%s@%u", key, start);
  guint c = suggest_add_cand (run, "person", start, end, "zh-related-person", confidence);

  suggest_cand_at (run, c)->role = suggest_substring (run, role_at, end);
  suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, unique, key, "person", c);
}

/* Length of a relation after 我 at @i: a word of the relations list, or
 * 爸 or 妈 alone (我爸, 我妈), 0 if none. */
static guint
zh_my_relation_len (Run   *run,
                    guint  i)
{
  guint r = suggest_word_list_match_at (&run->self->zh.relations, run->u, run->n, i);

  if (r == 0 && i < run->n && (run->u[i] == 0x7238 /* 爸 */ || run->u[i] == 0x5988 /* 妈 */ || run->u[i] == 0x5ABD /* 媽 */))
    r = 1;
  return r;
}

/* Whether a kinship word of the relations list (父亲 妈妈 老伴…, not
 * 同事 or 律师, who could be anyone's) starts at @d in a first-person
 * text (我, not 我们, within 200 code points): its length in *len. */
static gboolean
zh_bare_kin_at (Run   *run,
                guint  d,
                guint *len)
{
  static const char *const kin = "父母爸妈爷奶外婆公丈妻夫儿女哥姐弟妹孙老爱";
  guint r = suggest_word_list_match_at (&run->self->zh.relations, run->u, run->n, d);
  gboolean mine = FALSE;

  if (r < 2 || g_utf8_strchr (kin, -1, run->u[d]) == NULL)
    return FALSE;
  if (run->u[d] == 0x8001 /* 老 */ && run->u[d + 1] != 0x4F34 /* 伴 */)
    return FALSE;   /* 老师傅, 老公 (as anyone's) */
  for (guint k = d > 200 ? d - 200 : 0; k < run->n && k < d + 200 && !mine; k++)
    mine = run->u[k] == 0x6211 /* 我 */ && k + 1 < run->n && run->u[k + 1] != 0x4EEC /* 们 */ && run->u[k + 1] != 0x5011 /* 們 */;
  *len = r;
  return mine;
}

/* Speakers known by whose relative or colleague they are: 患者的女儿,
 * 贺长春的老伴儿在一旁插话：, 她的同事笑着说: a possessor (a name, a
 * pronoun or a noun, up to 8 ideographs after a boundary), 的 and a word
 * of the relations list, when an attribution follows or the phrase opens
 * its sentence (患者的女儿守在门外。她说…). Not when a name follows the
 * relation (邓子涵的父亲邓大军坦言: the name is the speaker) nor in a list
 * (叶文涛的同事、心内科医师巫晓琳). One person per place. */
static void
zh_related_speakers (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;

  for (guint d = 1; d + 2 < run->n; d++)
    {
      guint r, o, end, len;
      gboolean opens;

      /* 我母亲常说：, 我师父当年跟我说过：: the speaker's own relative,
       * with no 的, before an attribution; or opening a sentence the
       * paragraph goes on from to speech (我父亲就是做瓷器的。…他跟我说：“). */
      if (u[d] == 0x6211 /* 我 */ && (r = zh_my_relation_len (run, d + 1)) > 0 &&
          d + 1 + r < run->n && is_han (u[d + 1 + r]) && zh_relative_name_len (run, d + 1 + r) == 0 &&
          /* 跟我爸说, 和我妈说: the one spoken to */
          !suggest_zh_addressee (u[d - 1]) && u[d - 1] != 0x548C /* 和 */ &&
          (suggest_zh_attribution_follows (run, d + 1 + r) ||
           ((suggest_zh_sentence_opens_at (run, d) || u[d - 1] == 0xFF1A /* ： */) && zh_pronoun_speaks_after (run, d + 1 + r))) &&
          !suggest_overlaps_tag (run, NULL, d, d + 1 + r))
        {
          zh_add_relative (run, d, d + 1 + r, d + 1, 0.5);
          d += r;
          continue;
        }
      /* 父亲给我打电话，只说了一句：, 父亲白天种地…。他常跟我说：: a
       * bare kinship word opening its clause in a first-person account
       * (an interview's answers) before an attribution, or before a
       * pronoun that speaks, is the narrator's relative (one person
       * per place: 父亲 elsewhere may be anyone's). */
      if (suggest_zh_clause_opens_at (run, d) && zh_bare_kin_at (run, d, &r) && d + r < run->n && is_han (u[d + r]) &&
          /* 父亲邓大军说, 妻子黄慧原本…: the name is the person (白天种地
           * is no name) */
          ((len = zh_relative_name_len (run, d + r)) == 0 ||
           (!suggest_zh_attribution_follows (run, d + r + len) && !suggest_overlaps_tag (run, "person", d + r, d + r + len))) &&
          (suggest_zh_attribution_follows (run, d + r) || zh_pronoun_speaks_after (run, d + r)) &&
          !suggest_overlaps_tag (run, NULL, d, d + r))
        {
          zh_add_relative (run, d, d + r, d, 0.5);
          d += r - 1;
          continue;
        }
      /* 我外公周海生在东礁岛守了31年灯塔: the relative named, a person of
       * that relation wherever the sentence goes (their words may come with
       * a pronoun later). */
      if (u[d] == 0x6211 /* 我 */ && (r = suggest_word_list_match_at (&zh->relations, u, run->n, d + 1)) > 0 &&
          d + 1 + r < run->n && (len = zh_relative_name_len (run, d + 1 + r)) > 0 &&
          !suggest_overlaps_tag (run, NULL, d + 1 + r, d + 1 + r + len))
        {
          guint c = suggest_add_named (run, "person", d + 1 + r, d + 1 + r + len, "zh-person-role", 0.6);

          suggest_cand_at (run, c)->role = suggest_substring (run, d + 1, d + 1 + r);
          d += r + len;
          continue;
        }
      if (u[d] != 0x7684 /* 的 */ || !is_han (u[d - 1]) || (r = suggest_word_list_match_at (&zh->relations, u, run->n, d + 1)) == 0)
        continue;
      end = d + 1 + r;
      o = d;
      while (o > 0 && d - o < 8 && is_han (u[o - 1]) && !suggest_char_in (&zh->org_stops, u[o - 1]))
        o--;
      opens = o == 0 || u[o - 1] == '\n' || suggest_is_sentence_end (u[o - 1]) || u[o - 1] == 0xFF0C /* ， */ ||
              u[o - 1] == 0x201D /* ” */ || u[o - 1] == 0x300D /* 」 */;
      if (o == d || end >= run->n || !is_han (u[end]) || suggest_zh_latin_name_at (run, end) > 0)
        continue;
      /* 老韩的老伴韩大娘拉着…：“: the name after the relation is who
       * speaks, a person of that relation even where no rule before could
       * end the name (an action follows it). */
      if ((len = suggest_zh_name_at (run, end, TRUE)) > 0)
        {
          if (opens && !suggest_overlaps_tag (run, NULL, end, end + len))
            {
              guint c = suggest_add_named (run, "person", end, end + len, "zh-person-role", 0.6);

              suggest_cand_at (run, c)->role = suggest_substring (run, d + 1, end);
            }
          continue;
        }
      if (!suggest_zh_attribution_follows (run, end) && !opens)
        continue;
      /* 卞某某的辩护律师则当庭提出, 龙某的母亲也来到了…: a possessor already
       * named (a person or an official) is one of their own; the relation
       * word alone is the speaker, beside that name. */
      if (suggest_overlaps_tag (run, "person", o, d))
        o = d + 1;
      if (suggest_overlaps_tag (run, "official", o, end) || suggest_overlaps_tag (run, "quote", o, end))
        continue;
      zh_add_relative (run, o, end, d + 1, 0.55);
      d = end - 1;
    }
}

/* Whether @i opens a sentence or a clause (after a comma or a closing mark). */
gboolean
suggest_zh_clause_opens_at (Run   *run,
                            guint  i)
{
  return suggest_zh_sentence_opens_at (run, i) || run->u[i - 1] == 0xFF0C /* ， */;
}

/* Whether speech follows @e within its paragraph (80 code points): a
 * colon before a quotation mark, or a pronoun before a speech verb
 * (…則擔心，…。他說：「…」), so that a described person is a speaker. */
static gboolean
zh_speech_soon (Run   *run,
                guint  e)
{
  gunichar *u = run->u;

  for (guint k = e; k + 1 < run->n && k - e < 80 && u[k] != '\n'; k++)
    if (((u[k] == 0xFF1A || u[k] == ':') && suggest_is_opener (u[k + 1])) ||
        (suggest_char_in (&run->self->zh.pronouns, u[k]) && suggest_zh_verb_follows (run, k + 1)))
      return TRUE;
    /* …则担心回收箱附近会有异味。“现在还好…”: the sentence, then the quote */
    else if (suggest_is_sentence_end (u[k]) && suggest_is_opener (u[k + 1]))
      return TRUE;
  return FALSE;
}

/* Speakers without a name: 一位基层干部说, 多位村民表示. A quantifier, a few
 * ideographs (or a longer clause ending in 的: 一位接近监管部门的人士), a
 * role noun of the lexicon before a speech verb, directly or after an
 * adverbial (向记者表示, 在电话中称): a person whose role is that noun, so
 * that the quote has a speaker. A bare role (村民说) is left alone: it is
 * as often a group as one person. */
/* Whether the quantifier at @q brings in one person not named before:
 * 一位 一名, or 另一名 另外一位 (one more). */
static gboolean
introduces_one (const gunichar *u,
                guint           q)
{
  return u[q] == 0x4E00 /* 一 */ ||
         (u[q] == 0x53E6 /* 另 */ && (u[q + 1] == 0x4E00 || (u[q + 1] == 0x5916 /* 外 */ && u[q + 2] == 0x4E00)));
}

/* Whether @k comes right after a quote that closes its sentence (“…？”一位抱
 * 着二宝的父亲情绪激动。): the one described there is whom the quote is
 * about to be given to. */
static gboolean
zh_right_after_speech (Run   *run,
                       guint  k)
{
  gunichar *u = run->u;

  return k >= 2 && (u[k - 1] == 0x201D /* ” */ || u[k - 1] == 0x300D /* 」 */) &&
         (u[k - 2] == 0x3002 /* 。 */ || u[k - 2] == 0xFF1F /* ？ */ || u[k - 2] == 0xFF01 /* ！ */);
}

/* ”老人说: the bare role of an unnamed person named before
 * (一位在药房窗口等候取药的老人…“…”老人说), right before a speech verb
 * after a closing mark, is that person again (not 外交官表示 opening a
 * sentence: a group), within
 * 600 code points (the last of that role). At most 64 per text: each
 * walks the candidates. */
static void
zh_role_again (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint lookups = 0;

  for (guint i = 1; i + 2 < run->n && lookups < 64; i++)
    {
      gunichar b = u[i - 1];
      guint r;

      if (!(b == 0x201D || b == 0x300D) ||
          (r = suggest_word_list_match_at (&zh->unnamed_roles, u, run->n, i)) == 0 ||
          suggest_word_list_match_at (&zh->verbs, u, run->n, i + r) == 0 || suggest_overlaps_tag (run, NULL, i, i + r))
        continue;
      lookups++;
      {
        g_autofree char *word = suggest_substring (run, i, i + r);
        int e = -1;
        guint m;

        for (guint k = run->cands->len; k > 0 && e < 0; k--)
          {
            Cand *c = suggest_cand_at (run, k - 1);

            if (c->start < i && c->end <= i && i - c->end <= 600 && g_str_equal (c->tag, "person") && c->role != NULL &&
                c->entity >= 0 && g_strcmp0 (c->rule, "zh-unnamed-person") == 0 && g_str_has_suffix (c->role, word))
              e = c->entity;
          }
        /* (none of that role before: no one; a person of its own there
         * cost persons' precision on eight splits and found one speaker) */
        if (e < 0)
          continue;
        m = suggest_add_cand (run, "person", i, i + r, "zh-unnamed-again", 0.5);
        suggest_cand_at (run, m)->entity = e;
      }
    }
}

/* Whether 的 stands within @max ideographs before @at, only ideographs
 * between them (…的民间救援队|队员). */
static gboolean
zh_de_before (const gunichar *u,
              guint           at,
              guint           max)
{
  for (guint k = at; k > 0 && at - k < max; k--)
    {
      if (u[k - 1] == 0x7684 /* 的 */)
        return TRUE;
      if (!is_han (u[k - 1]))
        return FALSE;
    }
  return FALSE;
}

/* Whether 一名 or 一位 stands within @max ideographs before @at, nothing
 * but ideographs between (一名巡堤队员). */
static gboolean
zh_one_before (const gunichar *u,
               guint           at,
               guint           max)
{
  for (guint k = at; k >= 2 && at - k <= max; k--)
    {
      if (u[k - 2] == 0x4E00 /* 一 */ && (u[k - 1] == 0x540D /* 名 */ || u[k - 1] == 0x4F4D /* 位 */))
        return k < 3 || u[k - 3] != 0x53E6 /* 另 (另一名兽医师: one more of those named) */;
      if (!is_han (u[k - 1]))
        return FALSE;
    }
  return FALSE;
}

/* Whether the words after a guessed role at @i go on to describe a longer
 * one (一名…每星期搭三次的士|返工的文員, 一位不愿具名的券商|电力设备行业分析师):
 * 的 or the end of a role within the clause's next twelve ideographs. */
static gboolean
zh_role_goes_on (Run   *run,
                 guint  i)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;

  for (guint k = i; k < run->n && k < i + 12 && is_han (u[k]); k++)
    if (u[k] == 0x7684 /* 的 */ || suggest_word_list_match_before (&zh->roles, u, i, k + 1) > 0 ||
        suggest_word_list_match_before (&zh->unnamed_roles, u, i, k + 1) > 0)
      return TRUE;
  return FALSE;
}

void
suggest_zh_unnamed_speakers (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;

  for (guint i = 2; i < run->n; i++)
    {
      guint r, role_start, first = 0, len, qlen = 0;
      gboolean clause_ends, pointing = FALSE, attribution, guessed = FALSE;

      if (!is_han (u[i]) || !is_han (u[i - 1]))
        continue;
      if ((r = suggest_word_list_match_before (&zh->unnamed_roles, u, i > MAX_WORD ? i - MAX_WORD : 0, i)) == 0)
        {
          /* 一名参与救援的队员告诉记者, 一位…的茶商说: after 一位 or 一名 and a
           * description ending in 的, a role the lexicon's unnamed roles
           * lack: one of its roles, or two ideographs ending like one. */
          r = suggest_word_list_match_before (&zh->roles, u, i > MAX_WORD ? i - MAX_WORD : 0, i);
          /* 的消防员, 的茶商: three ideographs or two ending like a role */
          for (guint w = 3; r == 0 && w >= 2 && suggest_char_in (&zh->role_ends, u[i - 1]); w--)
            if (i > w + 1 && u[i - w - 1] == 0x7684 /* 的 */ && is_han (u[i - w]) && is_han (u[i - 2]) &&
                u[i - w] != 0x7684 && u[i - 2] != 0x7684)
              r = w;
          if (r == 0 && i >= 3 && is_han (u[i - 2]) && suggest_char_in (&zh->role_ends, u[i - 1]) && u[i - 2] != 0x7684 /* 的 */)
            r = 2;
          /* …的年轻业主, …的民间救援队队员: a word or a noun of up to five
           * ideographs may stand between 的 and the role; 一名巡堤队员:
           * or between 一名 (一位) and it, up to three. */
          if (r == 0 || i < r + 3 || !(zh_de_before (u, i - r, 6) || zh_one_before (u, i - r, 3)))
            continue;
          guessed = TRUE;
        }
      /* 退休人士周伯则…: a name after the role is who speaks, no one
       * unnamed; a surname and a kinship word or 某 there (周伯, 贺某) a
       * person of that role, which no other rule takes before 则. */
      if ((len = suggest_zh_name_at (run, i, FALSE)) > 0)
        {
          if (suggest_zh_familiar_name_full (run, i, FALSE, FALSE) == len && !suggest_overlaps_tag (run, NULL, i, i + len))
            {
              guint c = suggest_add_named (run, "person", i, i + len, "zh-person-role", 0.6);

              suggest_cand_at (run, c)->role = suggest_substring (run, i - r, i);
            }
          continue;
        }
      attribution = suggest_zh_attribution_follows (run, i);
      role_start = i - r;
      /* 对记者说: the reporter spoken to, no speaker */
      if (role_start > 0 && (u[role_start - 1] == 0x5BF9 /* 对 */ || u[role_start - 1] == 0x5C0D /* 對 */ ||
                             u[role_start - 1] == 0x5411 /* 向 */ || u[role_start - 1] == 0x8DDF /* 跟 */))
        continue;
      /* A description ending in 的 may be a long clause (一位在手机维修行业干了
       * 十多年的师傅). */
      clause_ends = role_start >= 4 && (u[role_start - 1] == 0x7684 /* 的 */ || u[role_start - 2] == 0x7684 ||
                                        u[role_start - 3] == 0x7684 ||
                                        /* 一名…的出租车司机, 一位…的券商电力设备行业分析师: a noun of up to eight before the role */
                                        zh_de_before (u, role_start, 9));
      if (!attribution && !clause_ends)
        continue;
      /* 一名在中環上班、每星期搭三次的士返工的文員: a clause may list with 、. */
      for (guint k = role_start; k > 0 && role_start - k <= (clause_ends ? 24u : 10u) &&
                                 (is_han (u[k - 1]) || (clause_ends && u[k - 1] == 0x3001 /* 、 */ && k < role_start));
           k--)
        {
          guint q = suggest_word_list_match_at (&zh->unnamed_quantifiers, u, run->n, k - 1);

          if (q == 0 || k - 1 + q > role_start)
            continue;
          /* 有记者问: any of the reporters at a briefing, no one source */
          if (q == 1 && u[k - 1] == 0x6709 /* 有 */ && r == 2 && (u[i - 2] == 0x8BB0 /* 记 */ || u[i - 2] == 0x8A18 /* 記 */) &&
              u[i - 1] == 0x8005 /* 者 */)
            break;
          /* 这位在水库干了三十年的工程师: a description ending in 的 after 这位
           * or 该 points back at someone named before, not at a new speaker;
           * 一位曾在该公司任职的销售: unless 一位… opens the description. */
          if (clause_ends && role_start - k > 2 && (zh_points_back (u + k - 1, 1) || zh_points_back (u + k - 1, 2)))
            {
              pointing = TRUE;
              continue;
            }
          if (pointing && u[k - 1] != 0x4E00 /* 一 */)
            continue;
          /* 一位不愿透露姓名的前员工: 的 ends the description, a character
           * (前, 老) or two (的欧洲外交官) may stand between it and the role. */
          if (role_start - k > 6 && !clause_ends)
            break;
          first = k;
          qlen = q;
          /* 另一名, 另外一位: the quantifier starts before its 一 */
          while (first >= 2 && (u[first - 2] == 0x53E6 /* 另 */ || (u[first - 2] == 0x5916 /* 外 */ && first >= 3 && u[first - 3] == 0x53E6)))
            {
              first--;
              qlen++;
            }
          break;
        }
      /* 一位在内蒙古经营牧场十多年的牧场主向记者算了一笔账： 一名…的士司機則擔心，…。他說：
       * without an attribution, 一位/一名 and a description ending in 的
       * opening its sentence or clause still introduce one person, whom
       * the quote or the pronoun after names. */
      if (first > 0 && !attribution &&
          !(introduces_one (u, first - 1) && role_start - first >= 4 &&
            ((suggest_zh_clause_opens_at (run, first - 1) && zh_speech_soon (run, i)) || zh_right_after_speech (run, first - 1))))
        first = 0;
      if (guessed && (first == 0 || !introduces_one (u, first - 1) ||
                      (u[first - 2 + qlen] != 0x4F4D /* 位 */ && u[first - 2 + qlen] != 0x540D /* 名 */) ||
                      /* 一位来自杭州的生鲜平台采购商在展区转了一上午，…。“: a
                       * description in 的 that opens its clause, a quote soon after
                       * (checked above) */
                      (!suggest_zh_verb_follows (run, i) && !(clause_ends && !attribution && !zh_role_goes_on (run, i)))))
        continue;
      /* 据业内人士介绍: 人士 is one source even without a quantifier. */
      if (first == 0 && attribution && r >= 2 && u[i - 2] == 0x4EBA /* 人 */ && u[i - 1] == 0x58EB /* 士 */)
        first = role_start + 1;
      /* 电梯安装公司的一名工作人员: the organization they work for is part
       * of who they are. */
      if (first >= 3 && u[first - 2] == 0x7684 /* 的 */)
        {
          guint o = suggest_zh_org_run_start (run, first - 2);

          if (o < first - 2 &&
              suggest_word_list_match_before (&zh->org_suffixes, u, first - 2 > MAX_WORD ? first - 2 - MAX_WORD : o, first - 2) > 0)
            first = o + 1;
        }
      /* 中国信息通信研究院一位研究员: so is the organization right before
       * the quantifier. */
      else if (first >= 2 && is_han (u[first - 2]) &&
               suggest_word_list_match_before (&zh->org_suffixes, u, first - 1 > MAX_WORD ? first - 1 - MAX_WORD : 0, first - 1) > 0)
        {
          guint o = suggest_zh_org_run_start (run, first - 1);

          /* the clause opens with the organization: not 专家表示研究院一位… */
          if (!suggest_word_list_inside (&zh->verbs, u, o, first - 1) && suggest_zh_clause_opens_at (run, o))
            first = o + 1;
        }
      if (first > 0 && !suggest_overlaps_tag (run, NULL, first - 1, i))
        {
          g_autofree char *key = suggest_substring (run, first - 1, i);
          guint c = suggest_add_cand (run, "person", first - 1, i, "zh-unnamed-person", 0.55);

          suggest_cand_at (run, c)->role = suggest_substring (run, role_start, i);
          /* One key per place: two 一位村民 are not one person. */
          {
            g_autofree char *unique = g_strdup_printf ("%s@%u", key, first - 1);
            suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, unique, key, "person", c);
          }
          /* 这名员工, 该官员: the one of that role named before. */
          if (zh_points_back (u + first - 1, 1) || zh_points_back (u + first - 1, 2))
            {
              int e = zh_role_named_before (run, c);
              if (e >= 0)
                suggest_cand_at (run, c)->entity = e;
            }
        }
    }
  zh_related_speakers (run);
  zh_role_again (run);
  suggest_zh_company_statements (run);
}
