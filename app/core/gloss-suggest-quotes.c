/* gloss-suggest-quotes.c: pairs of quotation marks, which of them are
 * speech (split quotes, continuation paragraphs) and which name a program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* ---------------- Quotes ---------------- */

static gunichar
closer_of (gunichar c)
{
  switch (c)
    {
    case 0x201C: return 0x201D;
    case 0x300C: return 0x300D;
    case 0x300E: return 0x300F;
    default: return c;
    }
}

static gboolean
is_latin_letter (gunichar c)
{
  return c < 0x2E80 && g_unichar_isalpha (c);
}

/* British news quotes speech in single marks ('We looked at every option,'
 * he said; ‘…’). A single mark opens only at a word's start before a
 * letter, outside double marks (inside them it is a nested quote), and not
 * as the elided letters of 'n', 'em, 'til, 'cause, 'tis. */
static gboolean
single_opens (const gunichar *u,
              guint           i,
              guint           par_start,
              guint           par_end)
{
  static const char *const elisions[] = { "n", "em", "til", "cause", "tis", "twas", "round" };
  gunichar before = i > par_start ? u[i - 1] : ' ';
  guint e = i + 1;

  if ((u[i] != 0x2018 && u[i] != '\'') || i + 1 >= par_end || !is_latin_letter (u[i + 1]) ||
      !(g_unichar_isspace (before) || before == '(' || before == '[' || before == 0x2014 || before == 0x2013 || before == ':'))
    return FALSE;
  while (e < par_end && e - i <= 6 && g_unichar_isalpha (u[e]))
    e++;
  for (guint k = 0; k < G_N_ELEMENTS (elisions); k++)
    {
      guint len = (guint) strlen (elisions[k]), j;
      for (j = 0; j < len && i + 1 + j < e && u[i + 1 + j] == (gunichar) elisions[k][j]; j++)
        ;
      if (j == len && e == i + 1 + len)
        return FALSE;
    }
  return TRUE;
}

/* A single mark closes at a word's end, before a blank, punctuation or the
 * paragraph's end; not as an apostrophe inside a word (doesn't) nor as a
 * plural possessive before a lowercase word (the doctors' fault). */
static gboolean
single_closes (const gunichar *u,
               guint           i,
               guint           par_end)
{
  gunichar before = u[i - 1];
  gunichar after = i + 1 < par_end ? u[i + 1] : ' ';

  if (g_unichar_isspace (before) || g_unichar_isalnum (after))
    return FALSE;
  if ((before == 's' || before == 'S') && after == ' ' && i + 2 < par_end &&
      (g_unichar_islower (u[i + 2]) || g_unichar_isdigit (u[i + 2])))
    return FALSE;
  return TRUE;
}

static gboolean
next_paragraph_opens (const gunichar *u,
                      guint           n,
                      guint           par_end)
{
  guint k = par_end, e;
  while (k < n && (u[k] == '\n' || u[k] == ' ' || u[k] == 0x3000))
    k++;
  if (k < n && (u[k] == 0x2018 || u[k] == '\''))
    {
      for (e = k; e < n && u[e] != '\n'; e++)
        ;
      return single_opens (u, k, k, e);
    }
  return k < n && (u[k] == 0x201C || u[k] == '"');
}

/* Whether [a, b) holds something other than blanks: marks around
 * nothing, or around a CRLF paragraph's \r ("\r\r"), quote nothing. */
static gboolean
has_text (const gunichar *u,
          guint           a,
          guint           b)
{
  for (guint k = a; k < b; k++)
    if (!g_unichar_isspace (u[k]) && u[k] != 0x3000)
      return TRUE;
  return FALSE;
}

/* Top-level pairs of quotation marks, paragraph by paragraph. A mark left
 * open at the end of its paragraph makes a quote to the paragraph's end only
 * when it opens the paragraph (the English convention for a quote that goes
 * on in the next paragraph); otherwise it is ignored. */
static GArray *
find_quotes (Run      *run,
             gboolean  singles)
{
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (Quote));
  gunichar *u = run->u;
  guint n = run->n;
  guint par_start = 0;

  while (par_start < n)
    {
      guint par_end = par_start;
      gboolean open = FALSE;
      gunichar want = 0;
      guint open_at = 0;

      while (par_end < n && u[par_end] != '\n')
        par_end++;
      /* Indented paragraphs (the People's Daily's two spaces) start at their text. */
      while (par_start < par_end && (u[par_start] == ' ' || u[par_start] == 0x3000 || u[par_start] == '\t'))
        par_start++;
      /* A short paragraph without a full stop is a headline: its single
       * marks are en_headline_quotes' business. */
      gboolean par_singles = singles;
      if (singles)
        {
          guint last = par_end;
          while (last > par_start && (g_unichar_isspace (u[last - 1]) || u[last - 1] == '\'' || u[last - 1] == 0x2019))
            last--;
          par_singles = !(par_end - par_start <= 160 && last > par_start && u[last - 1] != '.');
        }
      for (guint i = par_start; i < par_end; i++)
        {
          gunichar c = u[i];
          if (!open && (suggest_is_opener (c) || c == '"'))
            {
              open = TRUE;
              want = closer_of (c);
              open_at = i;
            }
          else if (!open && par_singles && single_opens (u, i, par_start, par_end))
            {
              open = TRUE;
              want = c == 0x2018 ? 0x2019 : '\'';
              open_at = i;
            }
          else if (open && (want == 0x2019 || want == '\''))
            {
              if (c == want && i > open_at + 2 && single_closes (u, i, par_end))
                {
                  Quote q = { open_at, i, par_start, par_end, FALSE };
                  if (has_text (u, open_at + 1, i))
                    g_array_append_val (quotes, q);
                  open = FALSE;
                }
              else if (c == u[open_at] && single_opens (u, i, par_start, par_end))
                open_at = i;   /* unbalanced: the later mark opens */
            }
          else if (open && c == '"' && want == '"' && i + 1 < par_end && !g_unichar_isspace (u[i + 1]) &&
                   g_unichar_isspace (u[i - 1]) && u[i - 1] != '\n' && i > open_at + 1)
            open_at = i;   /* an opening straight mark ( "yes) after an unclosed one: the later mark opens */
          else if (open && c == want)
            {
              Quote q = { open_at, i, par_start, par_end, FALSE };
              if (has_text (u, open_at + 1, i))
                g_array_append_val (quotes, q);
              open = FALSE;
            }
          else if (open && c != '"' && c == u[open_at])
            open_at = i;   /* unbalanced: the later mark opens */
        }
      /* An unclosed mark quotes the rest of its paragraph. */
      if (open && has_text (u, open_at + 1, par_end) &&
          (open_at == par_start || next_paragraph_opens (u, n, par_end)))
        {
          Quote q = { open_at, par_end, par_start, par_end, TRUE };
          g_array_append_val (quotes, q);
        }
      par_start = par_end + 1;
    }
  return quotes;
}

static gboolean
quote_is_latin (Run         *run,
                const Quote *q)
{
  guint han = 0, latin = 0;

  for (guint i = q->open + 1; i < q->close && i < q->open + 200; i++)
    {
      if (is_han (run->u[i]))
        han++;
      else if (g_unichar_isalpha (run->u[i]))
        latin++;
    }
  return latin > han * 2;
}

/* An English quote in a Chinese sentence (“I just wanted…”莫里斯赛后说，):
 * a Chinese character or full-width punctuation right outside its marks. */
static gboolean
framed_in_chinese (Run         *run,
                   const Quote *q)
{
  gunichar before = q->open > q->par_start ? run->u[q->open - 1] : 0;
  gunichar after = !q->unclosed && q->close + 1 < q->par_end ? run->u[q->close + 1] : 0;

  return is_han (before) || is_han (after) || before == 0xFF0C || before == 0xFF1A || before == 0x3002 ||
         after == 0xFF0C || after == 0x3002;
}

/* Programs: a quoted name that is not speech, with a program verb before it
 * (开展“…”), a program suffix (…工程) or a program noun after it (“十三五”规划).
 * Not a policy slogan (“稳面积、提单产”, “两个覆盖”): of the 35 the rules
 * once suggested, the development set's labellers counted 4, all in its
 * two earliest splits. */
static void
zh_program (Run   *run,
            guint  a,
            guint  b)
{
  ZhLexicon *zh = &run->self->zh;
  guint len = b - a;
  gboolean verb = FALSE, suffix, after;

  if (len < 2 || len > 20)
    return;
  for (guint k = a; k < b; k++)
    if (suggest_is_clause_punct (run->u[k]) || run->u[k] == 0xFF1A || !(is_han (run->u[k]) || g_unichar_isalnum (run->u[k]) ||
        run->u[k] == 0x3001 || run->u[k] == '(' || run->u[k] == ')' || run->u[k] == '+' || run->u[k] == 0xFF08 || run->u[k] == 0xFF09))
      return;
  /* 推行“积分制”, 组建了“巾帼护河队” */
  for (guint back = 1; back <= 2 && a >= back + 1 && !verb; back++)
    verb = suggest_word_list_match_before (&zh->program_verbs, run->u, a - back - 1 > 4 ? a - back - 1 - 4 : 0, a - back) > 0 &&
           (back == 1 || run->u[a - 2] == 0x4E86 /* 了 */);
  suffix = suggest_word_list_match_before (&zh->program_suffixes, run->u, a, b) > 0 && len > 2;
  after = b + 1 < run->n && suggest_word_list_match_at (&zh->program_after, run->u, run->n, b + 1) > 0;
  /* 这项名为“零废丰岭”的计划: a name given before a program word */
  if (!after && a >= 3 && b + 2 < run->n && run->u[b + 1] == 0x7684 /* 的 */ &&
      suggest_word_list_match_at (&zh->program_after, run->u, run->n, b + 2) > 0)
    after = (run->u[a - 3] == 0x540D /* 名 */ && (run->u[a - 2] == 0x4E3A /* 为 */ || run->u[a - 2] == 0x70BA /* 為 */ ||
                                                  run->u[a - 2] == 0x53EB /* 叫 */)) ||
            (run->u[a - 3] == 0x53D6 /* 取 */ && run->u[a - 2] == 0x540D);
  if (!verb && !suffix && !after)
    return;
  {
    guint end = b;
    /* 天空实验室(skylab): the name without its gloss. */
    for (guint k = a; k < b; k++)
      if (run->u[k] == '(' || run->u[k] == 0xFF08)
        {
          end = k;
          break;
        }
    if (end > a + 1)
      suggest_add_cand (run, "program", a, end, verb ? "zh-program-verb" : suffix ? "zh-program-suffix" : "zh-program-noun",
                verb ? 0.75 : 0.7);
  }
}

/* The entity of the first mention inside [lo, hi): a headline's subject,
 * a person's (Halcyra to lay off 2,400 as CEO admits ‘…’: not the
 * organization, whose chief the article names later). */
static int
first_entity_in (Run  *run,
                 guint lo,
                 guint hi)
{
  int entity = -1;

  for (int m = suggest_mention_before (run, hi); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->start < lo)
        break;
      if (c->end <= hi && !g_str_equal (c->tag, "organization"))
        entity = c->entity;
    }
  return entity;
}

/* A headline or subhead quote that names nobody (‘We need to listen’)
 * is a pull quote: the article's main voice, the one speaker of at least
 * three quotes who has more than anyone else; otherwise nobody. */
static void
headline_main_speaker (Run   *run,
                       guint  first_headline)
{
  g_autofree guint *counts = NULL;
  int best = -1;
  guint best_count = 0, second = 0;
  gboolean unnamed = FALSE;

  for (guint i = first_headline; i < run->cands->len; i++)
    unnamed |= suggest_cand_at (run, i)->speaker < 0;
  if (!unnamed || run->entities->len == 0)
    return;
  counts = g_new0 (guint, run->entities->len);
  for (guint i = 0; i < first_headline; i++)
    {
      Cand *c = suggest_cand_at (run, i);
      if (g_strcmp0 (c->tag, "quote") == 0 && c->speaker >= 0 && (guint) c->speaker < run->entities->len)
        counts[c->speaker]++;
    }
  for (guint e = 0; e < run->entities->len; e++)
    if (counts[e] > best_count)
      {
        second = best_count;
        best_count = counts[e];
        best = (int) e;
      }
    else if (counts[e] > second)
      second = counts[e];
  if (best < 0 || best_count < 3 || best_count == second)
    return;
  for (guint i = first_headline; i < run->cands->len; i++)
    if (suggest_cand_at (run, i)->speaker < 0)
      suggest_cand_at (run, i)->speaker = best;
}

/* English headlines and subheads quote speech in single marks (Obama admits
 * gun laws are his 'biggest frustration'; ‘We need to listen’). Only in a
 * short paragraph with no full stop at its end, only marks at word edges
 * (not the apostrophes of Obama's, rock 'n' roll), at least two words, and
 * not a capitalised name (‘Penny Lane’) unless it asks or exclaims. The
 * speaker is the first person the headline names, if any. */
static void
en_headline_quotes (Run *run)
{
  const gunichar *u = run->u;
  guint par_start = 0;
  guint first_headline = run->cands->len;

  while (par_start < run->n)
    {
      guint par_end = par_start;
      guint last;

      while (par_end < run->n && u[par_end] != '\n')
        par_end++;
      gboolean in_double = FALSE;

      last = par_end;
      while (last > par_start && g_unichar_isspace (u[last - 1]))
        last--;
      if (last > par_start && last - par_start <= 160 && u[last - 1] != '.' && u[last - 1] != 0x3002)
        for (guint i = par_start; i < last; i++)
          {
            gunichar close = u[i] == 0x2018 ? 0x2019 : u[i] == '\'' ? '\'' : 0;
            guint e, words = 1;
            gboolean capitalised = TRUE, asks = FALSE;

            /* Single marks inside double ones are nested, not headline speech. */
            if (u[i] == 0x201C || u[i] == 0x201D || u[i] == '"')
              in_double = u[i] == 0x201C || (u[i] == '"' && !in_double);
            if (close == 0 || in_double || (i > par_start && !g_unichar_isspace (u[i - 1]) && u[i - 1] != ':' && u[i - 1] != '(') ||
                i + 1 >= last || !g_unichar_isalpha (u[i + 1]) || u[i + 1] >= 0x2E80)
              continue;
            for (e = i + 1; e < last; e++)
              {
                if (u[e] == close && g_unichar_isalnum (u[e - 1]) == FALSE && u[e - 1] != '?' && u[e - 1] != '!' &&
                    u[e - 1] != '.' && u[e - 1] != ',')
                  break;   /* a mark after a blank or a dash is no closing */
                if (u[e] == close && (e + 1 >= last || !g_unichar_isalpha (u[e + 1])))
                  break;
                if (u[e] == ' ')
                  {
                    words++;
                    if (e + 1 < last && !g_unichar_isupper (u[e + 1]))
                      capitalised = FALSE;
                  }
                asks |= u[e] == '?' || u[e] == '!';
              }
            if (e >= last || u[e] != close ||
                (!g_unichar_isalpha (u[e - 1]) && u[e - 1] != '?' && u[e - 1] != '!' && u[e - 1] != '.' && u[e - 1] != ','))
              continue;
            if (words >= 2 && (!capitalised || asks))
              {
                guint c = suggest_add_cand (run, "quote", i + 1, e, "en-quote-headline", 0.6);
                suggest_cand_at (run, c)->speaker = first_entity_in (run, par_start, par_end);
              }
            i = e;
          }
      par_start = par_end + 1;
    }
  headline_main_speaker (run, first_headline);
}

/* A block quote that lost its marks with the page's layout: a paragraph
 * without quotation marks after a paragraph that ends in a colon and has a
 * speech verb before it (…, noted that …:  /  As Hamm explains, …:). Only
 * a long paragraph of Latin prose with clause punctuation and no speech in
 * marks, not itself an introduction; the speaker and rule are those of a quote after a colon
 * paragraph. */
static void
en_block_quotes (Run          *run,
                 const GArray *speech)
{
  const gunichar *u = run->u;
  guint par_start = 0, j = 0;

  while (par_start < run->n)
    {
      guint par_end = par_start, last;
      gboolean quoted = FALSE;

      while (par_end < run->n && u[par_end] != '\n')
        par_end++;
      last = par_end;
      while (last > par_start && g_unichar_isspace (u[last - 1]))
        last--;
      /* Marks inside (their “typical” day) are fine; speech is not. */
      while (j < speech->len && g_array_index (speech, guint, j) < par_start)
        j += 2;
      quoted = j < speech->len && g_array_index (speech, guint, j) < par_end;
      if (!quoted && last >= par_start + 60 && u[last - 1] != ':' && par_start >= 2 && u[par_start - 1] == '\n' &&
          is_latin_letter (u[par_start]) && g_unichar_isupper (u[par_start]))
        {
          Quote q = { par_start, last, par_start, par_end, TRUE };
          Decision d = { FALSE, -1, 0, NULL };

          if (quote_is_latin (run, &q) && suggest_quote_has_clause (run, &q))
            d = suggest_decide_en_block (run, &q);
          if (d.speech)
            {
              guint c = suggest_add_cand (run, "quote", par_start, last, d.rule, d.confidence);
              suggest_cand_at (run, c)->speaker = d.speaker;
            }
        }
      par_start = par_end + 1;
    }
}

void
suggest_quotes_and_programs (Run *run)
{
  g_autoptr(GArray) quotes = find_quotes (run, FALSE);
  g_autoptr(GArray) with_singles = find_quotes (run, TRUE);
  g_autoptr(GArray) speech_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  Decision last_para = { FALSE, -1, 0, NULL }, this_para = { FALSE, -1, 0, NULL };
  Decision last_in_para = { FALSE, -1, 0, NULL };
  guint para = G_MAXUINT, last_para_start = G_MAXUINT;

  run->speech = speech_spans;
  /* Single marks are the house style for speech (British news) when more
   * body quotes open with them than with double marks; otherwise they are
   * nested quotes, scare quotes and names (American style). */
  {
    guint n_single = 0;
    for (guint i = 0; i < with_singles->len; i++)
      {
        gunichar c = run->u[g_array_index (with_singles, Quote, i).open];
        n_single += c == 0x2018 || c == '\'';
      }
    if (n_single > with_singles->len - n_single)
      {
        g_array_unref (quotes);
        quotes = g_steal_pointer (&with_singles);
      }
  }

  for (guint i = 0; i < quotes->len; i++)
    {
      Quote *q = &g_array_index (quotes, Quote, i);
      Decision d;
      gboolean latin = quote_is_latin (run, q);

      if (q->par_start != para)
        {
          /* Paragraph change: only the paragraph right before counts. */
          gboolean adjacent = para != G_MAXUINT && this_para.speech;
          guint k;
          if (adjacent)
            {
              /* Is there only blank space between the two paragraphs? */
              for (k = q->par_start; k > 0 && (run->u[k - 1] == '\n' || run->u[k - 1] == ' '); k--)
                ;
              adjacent = k > 0 && k >= para && k <= last_para_start + (run->n - last_para_start);
              /* The previous quoted paragraph must be the one just before. */
              {
                guint prev_start = k;
                while (prev_start > 0 && run->u[prev_start - 1] != '\n')
                  prev_start--;
                adjacent = prev_start == para;
              }
            }
          last_para = adjacent ? this_para : (Decision) { FALSE, -1, 0, NULL };
          this_para = (Decision) { FALSE, -1, 0, NULL };
          last_in_para = (Decision) { FALSE, -1, 0, NULL };
          last_para_start = para;
          para = q->par_start;
        }

      run->deciding_open = q->open;
      run->deciding_close = q->close;
      d = latin ? suggest_decide_en (run, q, &last_in_para, &last_para) : suggest_decide_zh (run, q, &last_in_para, &last_para);
      if (latin && (!d.speech || d.speaker < 0) && framed_in_chinese (run, q))
        {
          Decision zh = suggest_decide_zh (run, q, &last_in_para, &last_para);
          if (zh.speech && (!d.speech || zh.speaker >= 0))
            d = zh;
        }
      if (d.speech)
        {
          guint c;
          guint a = q->open + 1, b = q->close;
          /* Trailing blanks of an unclosed paragraph quote are not quoted. */
          while (b > a && g_unichar_isspace (run->u[b - 1]))
            b--;
          c = suggest_add_cand (run, "quote", a, b, d.rule, d.confidence);
          suggest_cand_at (run, c)->speaker = d.speaker;
          d.open_end = q->unclosed;
          this_para = d;
          last_in_para = d;
          g_array_append_val (speech_spans, q->open);
          g_array_append_val (speech_spans, q->close);
        }
      else if (!latin)
        zh_program (run, q->open + 1, q->close);
    }

  run->deciding_open = run->deciding_close = 0;
  en_block_quotes (run, speech_spans);
  run->speech = NULL;
  en_headline_quotes (run);

  /* Names in single quotes inside speech: ‘一带一路’建设. */
  for (guint s = 0; s < speech_spans->len; s += 2)
    {
      guint a = g_array_index (speech_spans, guint, s), b = g_array_index (speech_spans, guint, s + 1);
      for (guint k = a + 1; k < b; k++)
        if (run->u[k] == 0x2018)
          {
            guint e = k + 1;
            while (e < b && e - k < 22 && run->u[e] != 0x2019)
              e++;
            if (e < b && run->u[e] == 0x2019)
              {
                zh_program (run, k + 1, e);
                k = e;
              }
          }
    }
}

/* A program named once in quotation marks is the same program wherever its
 * name recurs (“清水到户”称为…, 清水到户工程). */
void
suggest_program_mentions (Run *run)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GHashTable) by_first = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint8 *taken = g_new0 (guint8, run->n + 1);
  guint n_cands = run->cands->len;

  g_array_set_clear_func (keys, suggest_key_clear);
  for (guint i = 0; i < n_cands; i++)
    {
      Cand *c = suggest_cand_at (run, i);
      Key key = { 0 };
      if (!g_str_equal (c->tag, "program"))
        continue;
      for (guint k = c->start; k < c->end; k++)
        taken[k] = 1;
      if (c->end - c->start < 3 || !g_hash_table_add (seen, suggest_substring (run, c->start, c->end)))
        continue;
      key.key = g_memdup2 (run->u + c->start, (c->end - c->start) * sizeof (gunichar));
      key.len = c->end - c->start;
      key.latin = !is_han (key.key[0]);
      key.index = (int) i;
      g_array_append_val (keys, key);
    }
  by_first = suggest_keys_by_first (keys);
  for (guint i = 0; i < run->n; i++)
    {
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (run->u[i]));
      if (list == NULL || taken[i])
        continue;
      for (guint l = 0; l < list->len; l++)
        {
          Key *key = &g_array_index (keys, Key, g_array_index (list, guint, l));
          guint end = i + (guint) key->len;
          if (!suggest_key_matches (run, key, i) || taken[end - 1])
            continue;
          suggest_add_cand (run, "program", i, end, "program-again", 0.65);
          i = end - 1;
          break;
        }
    }
}

void
suggest_en_programs (Run *run)
{
  g_autoptr(GMatchInfo) m = NULL;

  g_regex_match (run->self->en.program_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int s, e;
      guint a, b, words = 0;
      g_match_info_fetch_pos (m, 1, &s, &e);
      if (g_str_has_prefix (run->text + s, "the ") || g_str_has_prefix (run->text + s, "The "))
        s += 4;
      a = suggest_cp_of (run, s);
      b = suggest_cp_of (run, e);
      /* Leading function words (The, Our, This…) are not part of the name,
       * and a suffix alone (The Plan, Our Mission) names nothing. */
      for (guint k = a; k < b; k++)
        if (run->u[k] == ' ')
          {
            if (words == 0 && suggest_word_list_has (&run->self->en.not_names, run->u + a, k - a))
              a = k + 1;
            else
              words++;
          }
      if (words == 0)
        continue;
      suggest_add_cand (run, "program", a, b, "en-program-name", 0.6);
    }
}
