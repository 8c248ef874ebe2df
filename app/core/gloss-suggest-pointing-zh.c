/* gloss-suggest-pointing-zh.c: a Chinese speaker the sentence before a
 * quote names without a name — a party's role alone (被告在警誡下稱：「),
 * 这位 and a description pointing back (这位…的“老防汛”，…对记者说：“), or
 * 我 in an interview's answer (吴青蔓：…。我常跟年轻人说：“) — and whom
 * each stands for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-suggest-private.h"

/* Where the sentence that holds the attribution before the quote @q
 * starts: back from the opening mark to a sentence's end or to @lo (a
 * paragraph's or an answer's start), within @limit code points;
 * G_MAXUINT when a quote closes first or the limit is reached. */
static guint
zh_attribution_sentence_start (Run         *run,
                               const Quote *q,
                               guint        lo,
                               guint        limit)
{
  guint s = q->open;

  while (s > lo && q->open - s < limit && !suggest_is_sentence_end (run->u[s - 1]) && run->u[s - 1] != 0x201D &&
         run->u[s - 1] != 0x300D)
    s--;
  return s > lo && !suggest_is_sentence_end (run->u[s - 1]) ? G_MAXUINT : s;
}

/* The person of a party's role named before (被告梁子軒), when that role
 * alone (the lexicon's party_roles: 被告 原告 事主…, one party in a case,
 * where a bare 村民 is a group) opens the sentence before the quote as
 * the subject of its attribution (被告在警誡下稱：「…」): the nearest
 * person whose role ends with it, within 2 000 code points; -1
 * otherwise. */
int
suggest_zh_bare_role_subject (Run         *run,
                              const Quote *q)
{
  ZhLexicon *zh = &run->self->zh;
  guint s = zh_attribution_sentence_start (run, q, q->par_start, 40), r;

  if (s == G_MAXUINT)
    return -1;
  if ((r = suggest_word_list_match_at (&zh->party_roles, run->u, run->n, s)) < 2 || s + r >= q->open ||
      suggest_zh_name_at (run, s + r, TRUE) > 0 || !suggest_zh_attribution_follows (run, s + r))
    return -1;
  {
    g_autofree char *role = suggest_substring (run, s, s + r);

    /* the mentions in text order: a bounded walk back */
    for (int m = suggest_mention_before (run, s); m >= 0; m--)
      {
        Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));

        if (s - c->start > 2000)
          break;
        if (c->start < s && g_str_equal (c->tag, "person") && c->role != NULL && c->entity >= 0 && g_str_has_suffix (c->role, role))
          return c->entity;
      }
  }
  return -1;
}

/* The person 这位 or 这名 points back at when it opens the sentence before
 * the quote as the subject of its attribution, with a description no rule
 * made a person of (胡建平是这次演练的总调度。这位在水利系统干了22年的“老防汛”，
 * 一边盯着指挥屏，一边对记者说：“): the last person or official named
 * before that sentence, in its paragraph or the one before, when the
 * sentence names no one else; -1 otherwise. */
int
suggest_zh_pointing_subject (Run         *run,
                             const Quote *q)
{
  gunichar *u = run->u;
  guint s = q->open;
  int m;
  Cand *c;

  /* back to the sentence's start; a name in marks (“老防汛”) may stand in
   * the description */
  while (s > q->par_start && q->open - s < 80 && !suggest_is_sentence_end (u[s - 1]))
    s--;
  if (s > q->par_start && !suggest_is_sentence_end (u[s - 1]))
    return -1;
  if (s + 2 >= q->open ||
      !((u[s] == 0x8FD9 /* 这 */ || u[s] == 0x9019 /* 這 */) && (u[s + 1] == 0x4F4D /* 位 */ || u[s + 1] == 0x540D /* 名 */)) ||
      !(u[q->open - 1] == 0xFF1A /* ： */ || u[q->open - 1] == 0xFF0C /* ， */) ||
      suggest_word_list_match_before (&run->self->zh.verbs, u, s, q->open - 1) == 0)
    return -1;
  /* someone named inside the sentence is its subject, not whom 这位 points
   * at — also a role and a surname the name rules left (这位局长身边的技术员
   * 刘小川对记者说) */
  m = suggest_mention_before (run, q->open);
  if (m >= 0 && suggest_cand_at (run, g_array_index (run->mentions, guint, m))->start >= s)
    return -1;
  for (guint k = s + 3; k < q->open; k++)
    if ((suggest_char_in (&run->self->zh.role_ends, u[k - 1]) || suggest_word_list_match_before (&run->self->zh.titles, u, s, k) > 0) &&
        suggest_zh_surname_at (run, k, run->n) > 0)
      return -1;
  for (m = suggest_mention_before (run, s); m >= 0; m--)
    {
      c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      if (s - c->start > 600)
        break;
      if (c->entity >= 0 && (g_str_equal (c->tag, "person") || g_str_equal (c->tag, "official")))
        return c->entity;
    }
  return -1;
}

/* The label of the interview's answer that the paragraph at @par_start is
 * part of: a paragraph opened by a person's label (吴青蔓：) or one of up
 * to three paragraphs after it, no question between; NULL if none. */
static Cand *
zh_answer_label (Run   *run,
                 guint  par_start)
{
  guint p = par_start;

  for (guint back = 0; back < 4; back++)
    {
      int m = suggest_mention_before (run, p + 1);
      Cand *c = m >= 0 ? suggest_cand_at (run, g_array_index (run->mentions, guint, m)) : NULL;

      if (c != NULL && c->start == p && g_strcmp0 (c->rule, "zh-person-interview") == 0)
        return c;
      /* 记者：, 问：: a question, no answer goes on past it */
      for (guint k = p; k < run->n && k < p + 4; k++)
        if (run->u[k] == 0xFF1A || run->u[k] == ':')
          return NULL;
      if (p == 0)
        return NULL;
      /* the paragraph before */
      for (p--; p > 0 && par_start - p < 1500 && (run->u[p - 1] == '\n' || g_unichar_isspace (run->u[p - 1])); p--)
        ;
      for (; p > 0 && par_start - p < 1500 && run->u[p - 1] != '\n'; p--)
        ;
    }
  return NULL;
}

/* The one answering, when a quote in an interview's answer follows a
 * sentence whose subject is 我 (吴青蔓：…。我常跟年轻人说：“…”); -1
 * otherwise. */
int
suggest_zh_answer_self (Run         *run,
                        const Quote *q)
{
  Cand *label = zh_answer_label (run, q->par_start);
  guint s;

  if (label == NULL || q->open <= q->par_start)
    return -1;
  s = zh_attribution_sentence_start (run, q, label->start == q->par_start ? label->end + 1 : q->par_start, 60);
  if (s == G_MAXUINT)
    return -1;
  return s + 1 < q->open && run->u[s] == 0x6211 /* 我 */ && run->u[s + 1] != 0x4EEC /* 们 */ &&
         run->u[s + 1] != 0x5011 /* 們 */ ? label->entity : -1;
}
