/* gloss-suggest-interview.c: Chinese interviews printed as a transcript
 * (记者：… 邹国栋：…), whose answers are speech without quotation marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* Labels of the one who asks, simplified and traditional. */
static const char *const asking[] = {
  "记者", "本报记者", "問", "问", "主持人", "記者", "本報記者", "Q",
};

/* A turn: a paragraph that opens with a short label and a colon. */
typedef struct
{
  guint label, colon, end;   /* the label's start, the colon, the paragraph's end */
  gboolean aired;            /* a TV transcript's sound bite or presenter (【同期声】NAME：, 【主持人 NAME】) */
  guint text;                /* where the answer's text may start (past the colon, or past 】 or ）：) */
} Turn;

static gboolean
is_colon (gunichar c)
{
  return c == 0xFF1A || c == ':';
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == '\r';
}

static gboolean
label_is (Run        *run,
          const Turn *t,
          const char *word)
{
  glong len;
  g_autofree gunichar *w = g_utf8_to_ucs4_fast (word, -1, &len);

  return t->colon - t->label == (guint) len && memcmp (run->u + t->label, w, len * sizeof (gunichar)) == 0;
}

/* Whether the word at @k is 记者 (記者), the reporter. */
static gboolean
reporter_at (Run   *run,
             guint  k)
{
  return (run->u[k] == 0x8BB0 /* 记 */ || run->u[k] == 0x8A18 /* 記 */) && run->u[k + 1] == 0x8005 /* 者 */;
}

/* The interviewer's labels, and at a press conference the reporters
 * named by their outlet (新华社记者：, 北川电视台记者：): a label of ideographs
 * that ends in 记者. */
static gboolean
asks (Run        *run,
      const Turn *t)
{
  for (guint i = 0; i < G_N_ELEMENTS (asking); i++)
    if (label_is (run, t, asking[i]))
      return TRUE;
  return !t->aired && t->colon >= t->label + 3 && reporter_at (run, t->colon - 2);
}

static gboolean
is_open_bracket (gunichar c)
{
  return c == 0x3010 /* 【 */ || c == 0xFF08 /* （ */ || c == '(';
}

static gboolean
closes_bracket (gunichar open,
                gunichar c)
{
  return open == 0x3010 ? c == 0x3011 /* 】 */ : c == 0xFF09 /* ） */ || c == ')';
}

/* The bracket 【…】 or （…） opening a paragraph at @s, its closing
 * bracket's position, 0 if none (a short one: a section label, a cue). */
static guint
bracket_end (Run   *run,
             guint  s,
             guint  end)
{
  if (s >= end || !is_open_bracket (run->u[s]))
    return 0;
  for (guint k = s + 1; k < end && k - s <= 12; k++)
    if (closes_bracket (run->u[s], run->u[k]))
      return k > s + 1 ? k : 0;
  return 0;
}

/* Whether [a, b) is a label of ideographs (a middle dot allowed: 丹尼尔·霍特;
 * blanks too if @spaced: 村民 罗桂英). */
static gboolean
label_chars (Run      *run,
             guint     a,
             guint     b,
             gboolean  spaced)
{
  for (guint k = a; k < b; k++)
    if (!is_han (run->u[k]) && !suggest_is_name_separator (run->u[k]) && !(spaced && is_blank (run->u[k])))
      return FALSE;
  return b > a;
}

/* Adds @t to @turns, its end before the paragraph's trailing blanks. */
static void
append_turn (Run    *run,
             GArray *turns,
             Turn    t)
{
  while (t.end > t.text && g_unichar_isspace (run->u[t.end - 1]))
    t.end--;
  g_array_append_val (turns, t);
}

/* The paragraphs that are turns, in text order: a label of one to ten
 * ideographs (a middle dot allowed: 丹尼尔·霍特), a colon and at least a
 * few characters of text. A TV transcript's paragraphs are turns too: a
 * sound bite, the lexicon's broadcast_soundbites in brackets before a
 * label that may hold a blank (【同期声】村民 罗桂英：…, 【记者出镜】记者 宋亦然：…),
 * and the presenter's words after 【主持人 NAME】, the bracket's text
 * being the label (broadcast_presenters and a name), or after
 * 主持人（NAME）：, the name being the label; 【解说】 and （解说） are
 * narration. The cue may be in round brackets too: （同期）旅客 苗长根：. */
static GArray *
find_turns (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  GArray *turns = g_array_new (FALSE, FALSE, sizeof (Turn));
  guint p = 0;

  while (p < run->n)
    {
      guint end = p, s = p, k, b;
      gboolean aired = FALSE;

      while (end < run->n && run->u[end] != '\n')
        end++;
      while (s < end && is_blank (run->u[s]))
        s++;
      if ((b = bracket_end (run, s, end)) > 0)
        {
          guint w = suggest_word_list_match_at (&zh->presenters, run->u, b, s + 1);

          if (suggest_word_list_match_at (&zh->soundbites, run->u, b, s + 1) == b - s - 1)
            {
              aired = TRUE;
              for (s = b + 1; s < end && is_blank (run->u[s]); s++)
                ;
            }
          else if (w > 0 && s + 1 + w < b && is_blank (run->u[s + 1 + w]) && label_chars (run, s + 1, b, TRUE) &&
                   end - b > 6)
            {
              append_turn (run, turns, (Turn) { s + 1, b, end, TRUE, b + 1 });
              p = end + 1;
              continue;
            }
        }
      else if (!aired && (b = suggest_word_list_match_at (&zh->presenters, run->u, end, s)) > 0 &&
               s + b < end && is_open_bracket (run->u[s + b]) && run->u[s + b] != 0x3010)
        {
          /* 主持人（蒲佳音）：… */
          guint name = s + b + 1;

          for (k = name; k < end && k - name <= 8 && (is_han (run->u[k]) || suggest_is_name_separator (run->u[k])); k++)
            ;
          if (k >= name + 2 && k + 1 < end && closes_bracket (run->u[s + b], run->u[k]) && is_colon (run->u[k + 1]) &&
              end - k > 6)
            {
              append_turn (run, turns, (Turn) { name, k, end, TRUE, k + 2 });
              p = end + 1;
              continue;
            }
        }
      for (k = s; k < end && k - s <= (aired ? 16 : 10) &&
                  (is_han (run->u[k]) || suggest_is_name_separator (run->u[k]) || (aired && k > s && is_blank (run->u[k])) ||
                   (k == s && run->u[k] == 'Q')); k++)
        ;
      if (k > s && k < end && is_colon (run->u[k]) && end - k > 6)
        append_turn (run, turns, (Turn) { s, k, end, aired, k + 1 });
      p = end + 1;
    }
  return turns;
}

/* Whether the text has an interviewer's turn or is a TV transcript: only
 * then are other labels speakers (警方提醒：… in a report is no one's answer). */
static gboolean
is_interview (Run    *run,
              GArray *turns)
{
  for (guint i = 0; i < turns->len; i++)
    if (asks (run, &g_array_index (turns, Turn, i)) || g_array_index (turns, Turn, i).aired)
      return TRUE;
  return FALSE;
}

/* Whether [a, b) has the shape of a Chinese name: a surname (compound or
 * not) and one or two characters. */
static gboolean
name_shaped (Run   *run,
             guint  a,
             guint  b)
{
  guint s = suggest_zh_surname_at (run, a, b);

  for (guint k = a; k < b; k++)
    if (!is_han (run->u[k]))
      return FALSE;
  return s > 0 && b - a >= s + 1 && b - a <= s + 2;
}

/* Names phase: a label that is a Chinese name not found yet (尹春华：
 * when she was only named in the headline's byline) becomes a person, so
 * that her answers have a speaker and her other mentions join her. */
void
suggest_zh_interview_names (Run *run)
{
  g_autoptr(GArray) turns = find_turns (run);

  if (!is_interview (run, turns))
    return;
  for (guint i = 0; i < turns->len; i++)
    {
      Turn *t = &g_array_index (turns, Turn, i);
      guint len = t->colon - t->label;
      gboolean dotted = FALSE;

      if (asks (run, t) || suggest_overlaps_tag (run, NULL, t->label, t->colon))
        continue;
      if (t->aired)
        {
          /* a sound bite's label always names its speaker (村民 石老伯,
           * 管水员 杨老五): the whole label a person, when no rule found one
           * (labellers differ on keeping the role: 旅客 苗长根 or 苗长根) */
          suggest_add_named (run, "person", t->label, t->colon, "zh-person-aired", 0.6);
          continue;
        }
      for (guint k = t->label; k < t->colon; k++)
        dotted |= suggest_is_name_separator (run->u[k]);
      if (dotted ? len >= 3 : name_shaped (run, t->label, t->colon))
        {
          suggest_add_named (run, "person", t->label, t->colon, "zh-person-interview", 0.7);
        }
    }
}

/* The person or official named by the label, -1 if none. */
static int
label_speaker (Run        *run,
               const Turn *t)
{
  int m = suggest_mention_before (run, t->colon);

  for (; m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));

      if (c->start < t->label)
        break;
      if ((c->start == t->label || t->aired) && c->end == t->colon)
        return c->entity;
    }
  return -1;
}

/* Whether the mention @c stands in a byline or credit: a word of the
 * lexicon's byline_credits (记者, 通讯员…) ends a few characters before it
 * on its line. */
static gboolean
credited (Run  *run,
          Cand *c)
{
  for (guint k = c->start; k > 0 && c->start - k < 8 && run->u[k - 1] != '\n'; k--)
    if (suggest_word_list_match_before (&run->self->zh.credits, run->u, 0, k) > 0)
      return TRUE;
  return FALSE;
}

/* 答： the one interviewed: the person named at the end of a subtitle
 * ——访… (——访养蜂人戚满仓); else the last official named before the first
 * question (the headline's and lead's 有关负责人); else the last person
 * named there who is not the byline's reporter (a craftsman, an engineer
 * interviewed in 问/答 turns). */
static int
answering (Run   *run,
           guint  first_question)
{
  int m = suggest_mention_before (run, first_question), person = -1;

  for (int k = m; k >= 0; k--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, k));
      guint s = c->start;

      if (c->end > first_question || c->entity < 0)
        continue;
      while (s > 0 && run->u[s - 1] != '\n')
        s--;
      if (s + 3 < c->start && run->u[s] == 0x2014 && run->u[s + 1] == 0x2014 &&
          (run->u[s + 2] == 0x8BBF /* 访 */ || run->u[s + 2] == 0x8A2A /* 訪 */))
        return c->entity;
    }
  for (; m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->end > first_question || c->entity < 0)
        continue;
      if (g_str_equal (c->tag, "official"))
        return c->entity;
      if (person < 0 && g_str_equal (c->tag, "person") && !credited (run, c))
        person = c->entity;
    }
  return person;
}

/* Whether a quote already suggested overlaps [a, b). */
static gboolean
quote_overlaps (Run   *run,
                guint  a,
                guint  b)
{
  for (guint i = 0; i < run->cands->len; i++)
    {
      Cand *c = suggest_cand_at (run, i);
      if (!c->dropped && g_str_equal (c->tag, "quote") && c->start < b && a < c->end)
        return TRUE;
    }
  return FALSE;
}

/* Whether [a, b) speaks of the reporter (记者, 記者) in the third person. */
static gboolean
names_reporter (Run   *run,
                guint  a,
                guint  b)
{
  for (guint k = a; k + 1 < b; k++)
    if (reporter_at (run, k))
      return TRUE;
  return FALSE;
}

/* The paragraphs between an answer and the next question, [from, to),
 * go on with the answer (郦海涛：… then 我还要补充一点，… then 新华社记者：):
 * quotes of the same speaker. Only before a question: after the last
 * answer the report resumes; and only up to a paragraph that speaks of
 * the reporter, which is narration. */
static void
answer_goes_on (Run   *run,
                guint  from,
                guint  to,
                int    speaker)
{
  guint p = from;

  while (p < to)
    {
      guint a = p, b;

      while (a < to && (g_unichar_isspace (run->u[a]) || run->u[a] == 0x3000))
        a++;
      for (b = a; b < to && run->u[b] != '\n'; b++)
        ;
      p = b + 1;
      while (b > a && g_unichar_isspace (run->u[b - 1]))
        b--;
      if (names_reporter (run, a, b))
        return;   /* 节目中，记者还连线了…: the report's narration, not the answer */
      if (b > a && !quote_overlaps (run, a, b))
        {
          guint c = suggest_add_cand (run, "quote", a, b, "zh-quote-interview", 0.7);
          suggest_cand_at (run, c)->speaker = speaker;
        }
    }
}

/* After the quotation marks are decided: each answer's text is a quote of
 * the one its label names. A label that names no one (编辑：) is no
 * answer; an answer already holding speech in marks is left to those. */
void
suggest_zh_interview_answers (Run *run)
{
  g_autoptr(GArray) turns = find_turns (run);
  guint first_question = G_MAXUINT;

  for (guint i = 0; i < turns->len && first_question == G_MAXUINT; i++)
    if (asks (run, &g_array_index (turns, Turn, i)))
      first_question = g_array_index (turns, Turn, i).label;
  if (!is_interview (run, turns))
    return;
  for (guint i = 0; i < turns->len; i++)
    {
      Turn *t = &g_array_index (turns, Turn, i);
      guint a = t->text, c;
      int speaker;

      if (asks (run, t))
        continue;
      if (label_is (run, t, "答"))
        {
          if (first_question == G_MAXUINT)
            continue;
          speaker = answering (run, first_question);
        }
      else if ((speaker = label_speaker (run, t)) < 0)
        continue;
      while (a < t->end && is_blank (run->u[a]))
        a++;
      if (a >= t->end || quote_overlaps (run, a, t->end))
        continue;
      c = suggest_add_cand (run, "quote", a, t->end, "zh-quote-interview", 0.8);
      suggest_cand_at (run, c)->speaker = speaker;
      if (i + 1 < turns->len && asks (run, &g_array_index (turns, Turn, i + 1)))
        answer_goes_on (run, t->end, g_array_index (turns, Turn, i + 1).label, speaker);
    }
}
