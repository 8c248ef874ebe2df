/* gloss-suggest-statements-zh.c: an organization that speaks in Chinese
 * news through its notice, report or announcement (公司在报告中解释，,
 * 禾盛电气在公告中表示，) is the speaker of the quote that follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-suggest-private.h"

/* The organization named by [@start, @end) speaks: a candidate, one
 * entity wherever the text names it so. */
static void
add_speaking_organization (Run        *run,
                           guint       start,
                           guint       end,
                           const char *rule)
{
  suggest_add_named (run, "organization", start, end, rule, 0.6);
}

/* Whether 公司 ends right before @i. */
static gboolean
after_gongsi (const gunichar *u,
              guint           i)
{
  return i >= 2 && u[i - 2] == 0x516C /* 公 */ && u[i - 1] == 0x53F8 /* 司 */;
}

/* Whether the reply word of two at @word (回复 答复 回覆) is followed by
 * its object (本报询问, 傳媒查詢: ideographs less than @reach from @word),
 * 时 or 時, and a speech verb: replying when asked, the organization spoke
 * (在答复本报询问时说, 回覆傳媒查詢時表示). */
static gboolean
zh_reply_when_asked (Run   *run,
                     guint  word,
                     guint  reach)
{
  gunichar *u = run->u;
  guint t = word + 2;

  while (t < run->n && t - word < reach && is_han (u[t]) && u[t] != 0x65F6 /* 时 */ && u[t] != 0x6642 /* 時 */)
    t++;
  return t < run->n && (u[t] == 0x65F6 || u[t] == 0x6642) && suggest_zh_verb_follows (run, t + 1);
}

/* 禾盛电气在公告中表示，, 鹿溪区人民检察院在案件通报中称，: two to eight
 * ideographs opening their clause (fourteen if they end like an
 * organization: 院 局 公司…), then 在, at most four ideographs (seven
 * before a reply, 在给本刊的书面回复中, or after 的, 在案后发布的提示中), a
 * document of the lexicon's company_documents (公告 年报 通报…) or a reply,
 * 中 and a speech verb — or a reply and 时 (在答复本报询问时说): an
 * organization speaking, the same one wherever the text names it so. */
static void
zh_short_name_statement (Run   *run,
                         guint  at)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint o = at, d = 0, doc;

  while (o > 0 && at - o < 14 && is_han (u[o - 1]))
    o--;
  /* Longer than eight, the name must end as an organization's does. */
  while (at - o > 8 && suggest_word_list_match_before (&zh->org_suffixes, u, o, at) == 0)
    o++;
  if (at - o < 2 || (o > 0 && is_han (u[o - 1])) || !suggest_zh_clause_opens_at (run, o) ||
      suggest_char_in (&zh->pronouns, u[o]) || suggest_overlaps_tag (run, NULL, o, at))
    return;
  if (suggest_word_list_inside (&zh->verbs, u, o, at))
    return;
  /* 在案件通报中, 在情况说明里, 在给本刊的书面回复中: a few words may say
   * which document; a reply (回复 答复) is one when 中 follows it. */
  for (doc = at + 1; doc < run->n && doc <= at + 8 && is_han (u[doc]) && d == 0; doc++)
    {
      gboolean reply = doc + 2 < run->n && (u[doc] == 0x56DE /* 回 */ || u[doc] == 0x7B54 /* 答 */) &&
                       (u[doc + 1] == 0x590D /* 复 */ || u[doc + 1] == 0x5FA9 /* 復 */ || u[doc + 1] == 0x8986 /* 覆 */);

      if (reply && u[doc + 2] == 0x4E2D /* 中 */)
        d = 2;
      /* 在答复本报询问时说, 在回覆本報查詢時表示: replying, when asked */
      else if (reply)
        {
          if (zh_reply_when_asked (run, doc, 10))
            {
              add_speaking_organization (run, o, at, "zh-company-statement");
              return;
            }
          break;
        }
      else if ((doc <= at + 5 || u[doc - 1] == 0x7684 /* 的: 在案后发布的提示中 */) &&
               suggest_word_list_match_at (&zh->verbs, u, run->n, doc) == 0)
        d = suggest_word_list_match_at (&zh->company_documents, u, run->n, doc);
      else if (suggest_word_list_match_at (&zh->verbs, u, run->n, doc) > 0)
        break;
    }
  if (d == 0)
    return;
  doc--;
  if (doc + d >= run->n || (u[doc + d] != 0x4E2D /* 中 */ && u[doc + d] != 0x91CC /* 里 */ && u[doc + d] != 0x88E1 /* 裡 */) ||
      !suggest_zh_verb_follows (run, doc + d + 1))
    return;
  add_speaking_organization (run, o, at, "zh-company-statement");
}

/* Whether the document of @d code points at @doc opens a clause again
 * within 300 code points of its paragraph, a speech verb after it
 * (發表聲明，…。聲明指出：「). */
static gboolean
zh_document_speaks_later (Run   *run,
                          guint  doc,
                          guint  d)
{
  gunichar *u = run->u;

  for (guint j = doc + d; j + d < run->n && j - doc < 300 && u[j] != '\n'; j++)
    if (memcmp (u + j, u + doc, d * sizeof (gunichar)) == 0 && suggest_zh_clause_opens_at (run, j) &&
        suggest_zh_verb_follows (run, j + d))
      return TRUE;
  return FALSE;
}

/* 锦华纺织12月1日晚间发布公告称，, 警方当天发布通报称，, 公会今日发表文告
 *指出：, 东陆航空在官方微博发布情况说明称：, 幼儿园在家长群发布《停办告知书》
 * 称：: a name of two to eight ideographs (sixteen ending as an
 * organization's: 马来西亚榴梿出口商公会) (after 的 or 公司 if a description comes first: 上市公司
 * 锦华纺织), a date or time of day, where (在…), 发布, a document of the
 * lexicon's company_documents or a title in 《》, and a speech verb: the
 * organization speaking. */
static void
zh_published_statement (Run   *run,
                        guint  at)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n, d, k = at, o;

  d = suggest_word_list_match_at (&zh->company_documents, u, n, at + 2);
  /* 发布《停办告知书》称: a document by its title */
  if (d == 0 && at + 3 < n && u[at + 2] == 0x300A /* 《 */)
    for (guint c = at + 3; c < n && c <= at + 24 && u[c] != '\n'; c++)
      if (u[c] == 0x300B /* 》 */)
        {
          d = c + 1 - (at + 2);
          break;
        }
  /* 發表聲明，批評政府: the verb may open the next clause; 發表聲明，歡迎
   * 條例通過…。聲明指出：「: or the document speak later on. */
  if (d == 0 || !(suggest_zh_verb_follows (run, at + 2 + d) ||
                  /* 发布提醒：“ */
                  (at + 3 + d < n && (u[at + 2 + d] == 0xFF1A /* ： */ || u[at + 2 + d] == ':') && suggest_is_opener (u[at + 3 + d])) ||
                  (at + 3 + d < n && (u[at + 2 + d] == 0xFF0C /* ， */ || u[at + 2 + d] == ',') &&
                   suggest_zh_verb_follows (run, at + 3 + d)) ||
                  zh_document_speaks_later (run, at + 2, d)))
    return;
  /* 东陆航空在官方微博发布, 小橡树幼儿园在各班家长群发布: where it was
   * published, between the name and 发布, is passed over */
  for (guint j = k; j > 0 && k - j <= 10 && is_han (u[j - 1]); j--)
    if (u[j - 1] == 0x5728 /* 在 */ || u[j - 1] == 0x5F9E /* 從 */ || u[j - 1] == 0x4ECE /* 从 */)
      {
        if (j < k)
          k = j - 1;
        break;
      }
  /* Back over the date and the time of day: 12月1日晚间, 当天, 近日. */
  for (gboolean more = TRUE; more && k > 0;)
    {
      guint a = suggest_word_list_match_before (&zh->adverbials, u, k > MAX_WORD ? k - MAX_WORD : 0, k);
      guint j = k;

      if (a == 0 && k >= 2 && (u[k - 1] == 0x95F4 /* 间 */ || u[k - 1] == 0x4E0A /* 上 */ || u[k - 1] == 0x5348 /* 午 */) &&
          (u[k - 2] == 0x665A /* 晚 */ || u[k - 2] == 0x65E9 /* 早 */ || u[k - 2] == 0x4E0A /* 上 */ || u[k - 2] == 0x4E0B /* 下 */))
        a = 2;
      if (a > 0)
        {
          k -= a;
          continue;
        }
      if (j > 0 && (u[j - 1] == 0x65E5 /* 日 */ || u[j - 1] == 0x53F7 /* 号 */ || u[j - 1] == 0x6708 /* 月 */))
        {
          j--;
          while (j > 0 && (g_unichar_isdigit (u[j - 1]) || u[j - 1] == 0x6708 /* 月 */))
            j--;
        }
      more = j < k - 1 && g_unichar_isdigit (u[j]);
      if (more)
        k = j;
    }
  for (o = k; o > 0 && k - o < 8 && is_han (u[o - 1]) && !suggest_char_in (&zh->org_stops, u[o - 1]); o--)
    if (o < k && after_gongsi (u, o))
      break;   /* 上市公司锦华纺织: the name after the description */
  /* 马来西亚榴梿出口商公会: longer when it ends as an organization's name */
  if (k - o == 8 && suggest_word_list_match_before (&zh->org_suffixes, u, o, k) > 0)
    o = suggest_zh_org_run_start (run, k);
  /* 在微博发布声明称: where it was published, not who; 向澎湃新闻发来书面回复称:
   * the paper it was sent to */
  if (o > 0 && (u[o - 1] == 0x5728 /* 在 */ || u[o - 1] == 0x5F9E /* 從 */ || u[o - 1] == 0x4ECE /* 从 */ ||
                u[o - 1] == 0x5411 /* 向 */ || u[o - 1] == 0x7ED9 /* 给 */ || u[o - 1] == 0x7D66 /* 給 */))
    return;
  if (k - o < 2 || suggest_char_in (&zh->pronouns, u[o]) || suggest_overlaps_tag (run, NULL, o, k) ||
      suggest_word_list_inside (&zh->verbs, u, o, k) ||
      (o > 0 && is_han (u[o - 1]) && !suggest_char_in (&zh->org_stops, u[o - 1]) && !after_gongsi (u, o)))
    return;
  add_speaking_organization (run, o, k, "zh-company-statement");
}

/* The agency speaking before @k (a name of up to sixteen ideographs
 * opening its clause and ending as an organization's: 局 委 院…), past
 * 对此, 书面 and the speech adverbials (再次 同时 也…) between them: its
 * start and end in *@o and *@e.  A name must come before the suffix:
 * 公司回应称 alone names no one in particular. */
static gboolean
agency_before (Run   *run,
               guint  k,
               guint *o,
               guint *e)
{
  static const char *const between[] = { "书面", "書面", "对此", "對此", "就此", "随后", "隨後",
                                          /* 勞工事務局晚上回覆: a time of day */
                                          "晚上", "当晚", "當晚", "晚间", "晚間", "上午", "下午", "早上" };
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint suffix;

  for (gboolean more = TRUE; more;)
    {
      guint a = suggest_word_list_match_before (&zh->adverbials, u, k > MAX_WORD ? k - MAX_WORD : 0, k);

      more = FALSE;
      for (guint w = 0; w < G_N_ELEMENTS (between) && !more; w++)
        if (k >= 2 && g_utf8_get_char (between[w]) == u[k - 2] &&
            g_utf8_get_char (g_utf8_next_char (between[w])) == u[k - 1])
          {
            k -= 2;
            more = TRUE;
          }
      /* 再次提醒, 同时表示; not 向记者 (the one spoken to) */
      if (!more && a > 0 && k > a && u[k - 1] != 0x8005 /* 者 */)
        {
          k -= a;
          more = TRUE;
        }
      /* 市消防救援支队在官方微博回应称: where, between the agency and its reply */
      if (!more)
        for (guint j = k; j > 0 && k - j <= 8 && is_han (u[j - 1]); j--)
          if (u[j - 1] == 0x5728 /* 在 */ && j < k && j >= 3)
            {
              k = j - 1;
              more = TRUE;
              break;
            }
      /* 江北市第一人民医院向澎湃新闻发来书面回复称: sent to the paper,
       * 向 and up to ten ideographs before 发来 (作出, 给出) */
      if (!more && k >= 4 && ((u[k - 2] == 0x53D1 /* 发 */ || u[k - 2] == 0x767C /* 發 */) && (u[k - 1] == 0x6765 /* 来 */ || u[k - 1] == 0x4F86 /* 來 */)))
        for (guint j = k - 2; j > 0 && k - 2 - j <= 10 && is_han (u[j - 1]); j--)
          if (u[j - 1] == 0x5411 /* 向 */ || u[j - 1] == 0x7ED9 /* 给 */ || u[j - 1] == 0x7D66 /* 給 */)
            {
              k = j - 1;
              more = TRUE;
              break;
            }
    }
  *o = suggest_zh_org_run_start (run, k);
  *e = k;
  suffix = suggest_word_list_match_before (&zh->org_suffixes, u, *o, k);
  return k - *o >= 2 && suffix > 0 && suffix < k - *o &&
         !(*o > 0 && is_han (u[*o - 1]) && !suggest_char_in (&zh->org_stops, u[*o - 1])) &&
         suggest_zh_clause_opens_at (run, *o) && !suggest_overlaps_tag (run, NULL, *o, k);
}

/* 青浦区交通运输管理局回复称, 区生态环境局对此书面答复称: an agency
 * replying is the organization speaking.  @at is where 回复, 答复 or 回应
 * starts. */
static void
zh_agency_reply (Run   *run,
                 guint  at)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint o, e;

  /* 回复称 (称 is a speech verb of the lexicon), 回复：, 回复，, or replying
   * to a query and a speech verb (回覆傳媒查詢時表示：) */
  if (at + 2 >= run->n)
    return;
  if (!(u[at + 2] == 0xFF1A || u[at + 2] == 0xFF0C || suggest_word_list_match_at (&zh->verbs, u, run->n, at + 2) > 0) &&
      !zh_reply_when_asked (run, at, 12))
    return;
  if (agency_before (run, at, &o, &e))
    add_speaking_organization (run, o, e, "zh-agency-reply");
}

/* 市教育局表示：“…”, 南屏警方再次提醒：“…”, “…”，国家统计局表示。: an
 * agency whose speech verb introduces a quote (a colon or a comma and an
 * opening mark after it) or ends the sentence after one is the
 * organization speaking.  @at is where the speech verb starts, @len its
 * length. */
static void
zh_agency_speaks (Run   *run,
                  guint  at,
                  guint  len)
{
  gunichar *u = run->u;
  guint after = at + len, o, e;
  gboolean introduces, ends;

  if (after + 1 >= run->n)
    return;
  introduces = (u[after] == 0xFF1A || u[after] == ':' || u[after] == 0xFF0C) && suggest_is_opener (u[after + 1]);
  ends = u[after] == 0x3002 /* 。 */;
  if ((!introduces && !ends) || !agency_before (run, at, &o, &e))
    return;
  /* …。: only right after the quote (”，国家统计局表示。) */
  if (!introduces && !(o >= 1 && (u[o - 1] == 0x201D || u[o - 1] == 0x300D ||
                                  (o >= 2 && u[o - 1] == 0xFF0C && (u[o - 2] == 0x201D || u[o - 2] == 0x300D)))))
    return;
  add_speaking_organization (run, o, e, "zh-agency-statement");
}

/* 公司在声明中表示：“…”公司同时表示，…，“…”: once the company spoke in
 * its statement, a bare 公司 opening a clause before a speech verb within
 * 600 code points is the same company speaking again.  Alone, 公司回应称
 * names no one. */
static void
zh_company_goes_on (Run *run)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (run->entity_keys, "公司@statement"));
  gunichar *u = run->u;
  guint last;

  if (found == 0)
    return;
  last = suggest_cand_at (run, ((Entity *) run->entities->pdata[found - 1])->first)->end;
  for (guint i = last; i + 2 < run->n && i < last + 600; i++)
    {
      guint c;

      if (!after_gongsi (u, i) || !suggest_zh_clause_opens_at (run, i - 2) || !suggest_zh_verb_follows (run, i) ||
          suggest_overlaps_tag (run, NULL, i - 2, i))
        continue;
      c = suggest_add_cand (run, "organization", i - 2, i, "zh-company-statement", 0.55);
      suggest_cand_at (run, c)->entity = (int) found - 1;
      last = i;
    }
}

/* The entity of the last organization that spoke before @pos (a
 * candidate of the statements' rules), within 600 code points; -1 if
 * none. */
static int
zh_organization_spoke_before (Run   *run,
                              guint  pos)
{
  int best = -1;
  guint best_end = 0;

  for (guint c = 0; c < run->cands->len; c++)
    {
      Cand *cand = suggest_cand_at (run, c);

      if (!g_str_equal (cand->tag, "organization") || cand->entity < 0 || cand->end > pos || pos - cand->end > 600 ||
          g_strcmp0 (cand->rule, "zh-company-statement") != 0 || (best >= 0 && cand->end <= best_end))
        continue;
      best = cand->entity;
      best_end = cand->end;
    }
  return best;
}

/* 华拓新材在公告中解释称…。公告同时表示，…“…”; 回复还表示; 公司表示，此次
 * 增持“…”: once an organization spoke in its document, the document (公告
 * 回复 声明…) or a bare 公司 opening a clause before a speech verb is that
 * organization speaking again. */
#define MAX_DOCUMENT_LOOKUPS 64

static void
zh_document_goes_on (Run   *run,
                     guint  i,
                     guint *lookups)
{
  ZhLexicon *zh = &run->self->zh;
  guint d = suggest_word_list_match_at (&zh->company_documents, run->u, run->n, i);
  int e;

  /* a bare 公司 right before its verb (公司在报告中称 has its own rule) */
  if (d == 0 && after_gongsi (run->u, i + 2) && suggest_word_list_match_at (&zh->verbs, run->u, run->n, i + 2) > 0)
    d = 2;
  /* Each lookup walks the candidates: a text made of 公告表示，… stays
   * linear. */
  if (d == 0 || !suggest_zh_clause_opens_at (run, i) || !suggest_zh_verb_follows (run, i + d) ||
      suggest_overlaps_tag (run, NULL, i, i + d) || ++*lookups > MAX_DOCUMENT_LOOKUPS ||
      (e = zh_organization_spoke_before (run, i)) < 0)
    return;
  suggest_cand_at (run, suggest_add_cand (run, "organization", i, i + d, "zh-company-statement", 0.55))->entity = e;
}

/* Organizations speaking: in a notice published (发布公告称), as an agency
 * replying or speaking (回复称, 表示：“), by a short name in a document
 * (禾盛电气在公告中表示), and as a company through its report (公司在报告中
 * 解释，, 该公司在半年报中称，, 青石桥菜场经营公司在一份说明中表示，): an
 * organization ending in 公司 that opens its clause, then 在…中 and a
 * speech verb, is the quote's speaker; all such mentions of 公司 are one
 * company. */
void
suggest_zh_company_statements (Run *run)
{
  gunichar *u = run->u;
  guint lookups = 0;

  for (guint i = 2; i + 2 < run->n; i++)
    {
      guint o = i - 2, end = i, v;

      /* 发布公告称, 发表文告指出, 發表聲明, 发来唁电称, 發出新聞稿表示 */
      if ((u[i] == 0x53D1 /* 发 */ || u[i] == 0x767C /* 發 */) &&
          (u[i + 1] == 0x5E03 /* 布 */ || u[i + 1] == 0x4F48 /* 佈 */ || u[i + 1] == 0x8868 /* 表 */ ||
           u[i + 1] == 0x6765 /* 来 */ || u[i + 1] == 0x4F86 /* 來 */ || u[i + 1] == 0x51FA /* 出 */))
        zh_published_statement (run, i);
      if ((u[i] == 0x56DE /* 回 */ && (u[i + 1] == 0x590D /* 复 */ || u[i + 1] == 0x8986 /* 覆 */ || u[i + 1] == 0x5E94 /* 应 */ ||
                                       u[i + 1] == 0x61C9 /* 應 */)) ||
          (u[i] == 0x7B54 /* 答 */ && (u[i + 1] == 0x590D || u[i + 1] == 0x8986 || u[i + 1] == 0x5FA9 /* 復 */)))
        zh_agency_reply (run, i);
      else if (is_han (u[i - 1]) && (v = suggest_word_list_match_at (&run->self->zh.verbs, u, run->n, i)) > 0)
        zh_agency_speaks (run, i, v);
      if (!is_han (u[i - 1]) || suggest_is_clause_punct (u[i - 1]) || suggest_is_sentence_end (u[i - 1]))
        zh_document_goes_on (run, i, &lookups);
      if (u[i] != 0x5728 /* 在 */)
        continue;
      if (!after_gongsi (u, i))
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
  zh_company_goes_on (run);
}
