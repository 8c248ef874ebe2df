/* gloss-suggest-statements-zh.c: an organization that speaks in Chinese
 * news through its notice, report or announcement (公司在报告中解释，,
 * 禾盛电气在公告中表示，) is the speaker of the quote that follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-suggest-private.h"

/* 禾盛电气在公告中表示，: two to eight ideographs opening their clause,
 * then 在, a company's document (the lexicon's company_documents: 公告,
 * 年报…), 中 and a speech verb: an
 * organization speaking, the same one wherever the text names it so. */
static void
zh_short_name_statement (Run   *run,
                         guint  at)
{
  gunichar *u = run->u;
  guint o = at, d;

  while (o > 0 && at - o < 8 && is_han (u[o - 1]))
    o--;
  if (at - o < 2 || (o > 0 && is_han (u[o - 1])) || !suggest_zh_clause_opens_at (run, o) ||
      suggest_char_in (&run->self->zh.pronouns, u[o]) || suggest_overlaps_tag (run, NULL, o, at))
    return;
  if (suggest_word_list_inside (&run->self->zh.verbs, u, o, at))
    return;
  d = suggest_word_list_match_at (&run->self->zh.company_documents, u, run->n, at + 1);
  if (d == 0 || at + 1 + d >= run->n || (u[at + 1 + d] != 0x4E2D /* 中 */ && u[at + 1 + d] != 0x91CC /* 里 */ && u[at + 1 + d] != 0x88E1 /* 裡 */) ||
      !suggest_zh_verb_follows (run, at + 2 + d))
    return;
  {
    g_autofree char *key = suggest_substring (run, o, at);
    guint c = suggest_add_cand (run, "organization", o, at, "zh-company-statement", 0.6);

    suggest_cand_at (run, c)->entity = suggest_entity_for (run, key, "organization", c);
  }
}

/* A company speaking through its report (公司在报告中解释，, 该公司在半年报
 * 中称，, 青石桥菜场经营公司在一份说明中表示，): an organization ending in
 * 公司 that opens its clause, then 在…中 and a speech verb, is the
 * quote's speaker; all such mentions of 公司 are one company. */
void
suggest_zh_company_statements (Run *run)
{
  gunichar *u = run->u;

  for (guint i = 2; i + 2 < run->n; i++)
    {
      guint o = i - 2, end = i;

      if (u[i] != 0x5728 /* 在 */)
        continue;
      if (u[i - 2] != 0x516C /* 公 */ || u[i - 1] != 0x53F8 /* 司 */)
        {
          /* 禾盛电气在公告中表示: a listed company by its short name, in
           * its announcement or report */
          zh_short_name_statement (run, i);
          continue;
        }
      /* The whole clause before 在 is the company's name (菜场经营公司). */
      while (o > 0 && i - o < 16 && is_han (u[o - 1]))
        o--;
      if (!suggest_zh_clause_opens_at (run, o) || !suggest_zh_verb_follows (run, end) || suggest_overlaps_tag (run, NULL, o, end))
        continue;
      {
        guint c = suggest_add_cand (run, "organization", o, end, "zh-company-statement", 0.6);

        suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, "公司@statement", "公司", "organization", c);
      }
    }
}
