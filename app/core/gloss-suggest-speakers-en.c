/* gloss-suggest-speakers-en.c: who said a quote in English: the verb
 * and its subject around the marks (," said X / X said / according to X),
 * colon introductions, role nouns, pronouns and continued paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* What a person's given name says of their sex: 'f' (Ellen Fetter), 'm'
 * (Daniel Rothman) or 0 (a surname alone, an unlisted or unisex name). */
guint8
en_given_name_gender (Run        *run,
                      const char *name)
{
  const char *space;
  g_autofree gunichar *first = NULL;
  glong len = 0;

  if (name == NULL || (space = strchr (name, ' ')) == NULL)
    return 0;
  first = g_utf8_to_ucs4_fast (name, space - name, &len);
  if (suggest_word_list_has (&run->self->en.female_names, first, (guint) len) ||
      suggest_word_list_has (&run->self->en.female_pronoun_names, first, (guint) len))
    return 'f';
  if (suggest_word_list_has (&run->self->en.male_names, first, (guint) len) ||
      suggest_word_list_has (&run->self->en.male_pronoun_names, first, (guint) len))
    return 'm';
  return 0;
}

/* Whether a CamelCase word is a user name by the text's own word: "PlutoPete,
 * a vendor from …" or "user PlutoPete"; a firm's name (PayPal said) is not. */
static gboolean
en_handle_has_cue (Run        *run,
                   const char *handle)
{
  g_autofree char *escaped = g_regex_escape_string (handle, -1);
  g_autofree char *pattern = g_strdup_printf ("\\b%s,[ ](?:a|an|the|one)[ ][^,.\\n]{0,60}?\\b(?:%s)s?\\b|\\b(?:%s)[ ]%s\\b",
                                              escaped, run->self->en.handle_cues, run->self->en.handle_cues, escaped);
  g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);
  g_auto(GStrv) cues = g_strsplit (run->self->en.handle_cues, "|", -1);
  size_t len = strlen (handle), cue_bytes = 0;

  /* Every match holds @handle: the pattern runs anchored where one can
   * start (at the handle, or at a cue before it), on the bytes it can
   * read there, not over the whole text per handle (a tenth of the
   * rules' time on 100 000 characters). */
  for (guint i = 0; cues[i] != NULL; i++)
    cue_bytes = MAX (cue_bytes, strlen (cues[i]));
  if (strstr (run->self->en.handle_cues, "\\|") != NULL)
    cue_bytes = strlen (run->self->en.handle_cues);
  for (const char *p = re != NULL && len > 0 ? strstr (run->text, handle) : NULL; p != NULL; p = strstr (p + 1, handle))
    {
      const char *end = p + len;
      const char *s = p - MIN ((size_t) (p - run->text), cue_bytes + 1);

      for (guint i = 0; i < 72 + cue_bytes && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      while ((*s & 0xC0) == 0x80)
        s++;
      for (; s <= p; s = g_utf8_next_char (s))
        {
          const char *begin = s > run->text ? g_utf8_prev_char (s) : s;

          if (g_regex_match_full (re, begin, end - begin, s - begin, G_REGEX_MATCH_ANCHORED, NULL, NULL))
            return TRUE;
        }
    }
  return FALSE;
}

/* Online news quotes forum and social-media users by their handles
 * (“…,” elmo666 told me; “…,” wrote user jayk1984): no name pattern
 * takes them, so the speaker's place after the quote does. One person
 * per handle, their later mentions found like any name's. */
void
suggest_en_handles (Run *run)
{
  g_autoptr(GMatchInfo) m = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_regex_match (run->self->en.handle_said_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ns = -1, ne = -1;
      g_autofree char *handle = NULL;
      guint start, end, c;

      if (!g_match_info_fetch_pos (m, 1, &ns, &ne) || ns < 0)
        g_match_info_fetch_pos (m, 2, &ns, &ne);
      if (ns < 0 || ne <= ns)
        continue;
      handle = g_strndup (run->text + ns, ne - ns);
      start = suggest_cp_of (run, ns);
      end = suggest_cp_of (run, ne);
      if (suggest_overlaps_tag (run, NULL, start, end))
        continue;
      if (!g_hash_table_contains (seen, handle))
        {
          gboolean camel = handle[0] != '@' && strpbrk (handle, "0123456789_") == NULL;
          g_hash_table_insert (seen, g_strdup (handle), GINT_TO_POINTER (!camel || en_handle_has_cue (run, handle)));
        }
      if (!GPOINTER_TO_INT (g_hash_table_lookup (seen, handle)))
        continue;
      c = suggest_add_cand (run, "person", start, end, "en-handle", 0.65);
      suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, handle, handle, "person", c);
    }
}

/* English: the sentence around a quote, the verb in it and its subject. */
static gboolean
en_word_at (Run        *run,
            guint       i,
            const WordList *wl,
            guint      *len)
{
  guint k = i;

  if (suggest_en_listed_word_at (run, i, wl, len))
    return TRUE;
  if (*len == 0 || (i > 0 && g_unichar_isalpha (run->u[i - 1])))
    return FALSE;
  /* "according to": a whole word and the next one */
  k = i + *len;
  if (k + 3 < run->n && run->u[k] == ' ')
    {
      guint k2 = k + 1;
      while (k2 < run->n && g_unichar_isalpha (run->u[k2]))
        k2++;
      if (suggest_word_list_has (wl, run->u + i, k2 - i))
        {
          *len = k2 - i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether the word @w (@len code points) occurs as a whole word in [lo, hi),
 * ignoring case, within one paragraph. */
static gboolean
word_near (Run            *run,
           guint           lo,
           guint           hi,
           const gunichar *w,
           guint           len)
{
  for (guint k = lo; k + len <= hi; k++)
    {
      guint j = 0;

      if (run->u[k] == '\n')
        lo = k + 1;
      if (k > lo && g_unichar_isalpha (run->u[k - 1]))
        continue;
      while (j < len && g_unichar_tolower (run->u[k + j]) == g_unichar_tolower (w[j]))
        j++;
      if (j == len && (k + len >= run->n || !g_unichar_isalpha (run->u[k + len])))
        return TRUE;
    }
  return FALSE;
}

/* Whether the title ends in the abbreviation of @word: Gov. Tom Ward is
 * "the governor", Sen. Laura Kim "the senator". */
static gboolean
en_title_abbreviates (const char *title,
                      const char *word)
{
  static const char *const pairs[][2] = {
    { "Gov.", "governor" }, { "Sen.", "senator" }, { "Rep.", "representative" }, { "Rep.", "congressman" },
    { "Rep.", "congresswoman" }, { "Rep.", "lawmaker" }, { "Sen.", "lawmaker" }, { "Gen.", "general" },
    { "Supt.", "superintendent" }, { "Insp.", "inspector" }, { "Cmdr.", "commander" }, { "Amb.", "ambassador" },
  };
  size_t tl = strlen (title);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      size_t al = strlen (pairs[i][0]);
      if (g_ascii_strcasecmp (word, pairs[i][1]) == 0 && tl >= al && strcmp (title + tl - al, pairs[i][0]) == 0 &&
          (tl == al || title[tl - al - 1] == ' '))
        return TRUE;
    }
  return FALSE;
}

/* "the mayor said": the nearest person before @role (a role noun of
 * @len code points) whose title ends in that word (Mayor Lin Wenhua),
 * within a few paragraphs; -1 if none. */
static int
entity_with_title_before (Run  *run,
                          guint role,
                          guint len)
{
  g_autofree char *word = suggest_substring (run, role, role + len);

  for (int m = suggest_mention_before (run, role); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      Cand *first;
      const char *title;
      size_t tl, wl = strlen (word);

      if (c->end > role)
        continue;
      if (role - c->end > 2000)
        break;
      first = c->entity >= 0 ? suggest_cand_at (run, ((Entity *) run->entities->pdata[c->entity])->first) : c;
      title = first->title != NULL ? first->title : c->title;
      if (title != NULL && en_title_abbreviates (title, word))
        return c->entity;
      if (title == NULL || (tl = strlen (title)) < wl)
        continue;
      if (g_ascii_strcasecmp (title + tl - wl, word) == 0 && (tl == wl || title[tl - wl - 1] == ' '))
        return c->entity;
    }
  /* No such title: a mention with the word beside it (a city spokeswoman,
   * Laura Chen / Chen, a spokeswoman for the city). */
  for (int m = suggest_mention_before (run, role); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));

      if (c->end > role)
        continue;
      if (role - c->end > 2000)
        break;
      if (word_near (run, c->start > 30 ? c->start - 30 : 0, MIN (c->end + 30, role), run->u + role, len))
        return c->entity;
    }
  return -1;
}

/* "the spokeswoman said" with no spokeswoman named before: the nearest
 * official (someone with an office), never a private person, who would
 * not be called by a role noun; -1 if none within @max_distance. */
static int
official_before (Run  *run,
                 guint pos,
                 guint max_distance)
{
  for (int m = suggest_mention_before (run, pos); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      Entity *e;

      if (c->end > pos)
        continue;
      if (pos - c->end > max_distance)
        break;
      e = c->entity >= 0 ? run->entities->pdata[c->entity] : NULL;
      if (e != NULL && g_strcmp0 (e->tag, "official") == 0)
        return c->entity;
    }
  return -1;
}

/* The entity of the first mention inside [lo, hi) that is no possessive
 * (a sentence's subject), -1 if none. */
static int
en_first_entity_in (Run   *run,
                    guint  lo,
                    guint  hi)
{
  int m = suggest_mention_before (run, lo);

  for (m = m + 1; m < (int) run->mentions->len; m++)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->start >= hi)
        break;
      if (c->start >= lo && c->end <= hi && !en_possessive (run, c->end))
        return c->entity;
    }
  return -1;
}

/* The opening mark of the quote that closes at @close (within its
 * paragraph), @close itself if none. */
static guint
en_quote_opening (Run   *run,
                  guint  close)
{
  for (guint k = close; k > 0 && run->u[k - 1] != '\n'; k--)
    if (run->u[k - 1] == 0x201C || run->u[k - 1] == '"')
      return k - 1;
  return close;
}

/* "A Commerce Department spokesperson said" / "one resident said" /
 * "Reyes's lawyer said": a role noun at @role after an indefinite article
 * (a few words between, no other determiner) or a named person's 's is
 * someone unnamed, not the last person named. */
static gboolean
en_indefinite_role (Run   *run,
                    guint  lo,
                    guint  role)
{
  static const char *const definite[] = { "the", "this", "that", "his", "her", "its", "their", "our", "said", "told" };
  guint k = role, words = 0;

  /* Reyes's lawyer said: someone of a person's, not that person. */
  if (k >= lo + 3 && run->u[k - 1] == ' ' && run->u[k - 2] == 's' &&
      (run->u[k - 3] == '\'' || run->u[k - 3] == 0x2019))
    {
      int m = suggest_mention_before (run, k - 3 + 1);
      if (m >= 0 && suggest_cand_at (run, g_array_index (run->mentions, guint, m))->end == k - 3)
        return TRUE;
    }

  while (k > lo && words < 4)
    {
      guint we, ws;
      g_autofree char *word = NULL;

      while (k > lo && (run->u[k - 1] == ' ' || run->u[k - 1] == '-' || run->u[k - 1] == '/'))
        k--;
      we = k;
      ws = we;
      while (ws > lo && (g_unichar_isalpha (run->u[ws - 1]) || run->u[ws - 1] == '.'))
        ws--;
      if (ws == we)
        return FALSE;
      word = suggest_substring (run, ws, we);
      if (g_ascii_strcasecmp (word, "a") == 0 || g_ascii_strcasecmp (word, "an") == 0 ||
          g_ascii_strcasecmp (word, "one") == 0 || g_ascii_strcasecmp (word, "another") == 0)
        return TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (definite); i++)
        if (g_ascii_strcasecmp (word, definite[i]) == 0)
          return FALSE;
      words++;
      k = ws;
    }
  return FALSE;
}

/* "the president said" / "The governor … put it simply:": the person a
 * role noun in [lo, hi) stands for (one with that title, else the nearest
 * official); -1 if none or someone unnamed. Sets *@role if a role noun was seen. */
static int
en_role_speaker (Run      *run,
                 guint     lo,
                 guint     hi,
                 gboolean *role)
{
  guint len;

  for (guint j = lo; j < hi; j++)
    if (en_word_at (run, j, &run->self->en.roles, &len))
      {
        int e;
        if (en_indefinite_role (run, lo, j))
          return -1;
        *role = TRUE;
        e = entity_with_title_before (run, j, len);
        return e >= 0 ? e : official_before (run, j, 2000);
      }
  return -1;
}

/* Whether a mention that starts at @k is a possessive (Herrera’s spokeswoman). */
static gboolean
en_possessive_at (Run   *run,
                  guint  k)
{
  int m = suggest_mention_before (run, k + 1);
  Cand *c;

  if (m < 0)
    return FALSE;
  c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
  return c->start == k && en_possessive (run, c->end);
}

/* Whether the word in [ws, we) is his, her or their, in any case. */
static gboolean
en_kin_possessive (Run   *run,
                   guint  ws,
                   guint  we)
{
  g_autofree char *word = suggest_substring (run, ws, we);

  return g_ascii_strcasecmp (word, "his") == 0 || g_ascii_strcasecmp (word, "her") == 0 ||
         g_ascii_strcasecmp (word, "their") == 0;
}

/* "his daughter said" / "said her husband", the words [ps, pe) and
 * [rs, re): the person the text introduced before as "His daughter,
 * Loretta Whitfield-Banks," (the same relation after his, her or their,
 * then a comma and the name), -1 if none. */
static int
en_relation_speaker (Run   *run,
                     guint  ps,
                     guint  pe,
                     guint  rs,
                     guint  re)
{
  guint len = re - rs;

  if (!en_kin_possessive (run, ps, pe) || !suggest_word_list_has (&run->self->en.relations, run->u + rs, len))
    return -1;
  for (int m = suggest_mention_before (run, ps); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      guint r = c->start - 2 - len, w = r - 1;

      if (c->end > ps)
        continue;
      if (ps - c->end > 5000)
        break;
      if (c->start < len + 4 || run->u[c->start - 1] != ' ' || run->u[c->start - 2] != ',' || run->u[r - 1] != ' ' ||
          memcmp (run->u + r, run->u + rs, len * sizeof (gunichar)) != 0)
        continue;
      while (w > 0 && g_unichar_isalpha (run->u[w - 1]))
        w--;
      if (en_kin_possessive (run, w, r - 1))
        return c->entity;
    }
  return -1;
}

/* "the 54-year-old said": the person the text gave that age (Harold
 * Beecham, 54, / 54-year-old Harold Beecham) in the last few paragraphs;
 * -1 if [lo, hi) has no such phrase or no one has that age. */
static int
en_age_speaker (Run   *run,
                guint  lo,
                guint  hi)
{
  static const gunichar year_old[] = { '-', 'y', 'e', 'a', 'r', '-', 'o', 'l', 'd' };
  guint n = G_N_ELEMENTS (year_old);

  for (guint j = lo; j + n <= hi; j++)
    {
      guint d = j;

      if (memcmp (run->u + j, year_old, sizeof year_old) != 0)
        continue;
      while (d > lo && g_unichar_isdigit (run->u[d - 1]))
        d--;
      if (d == j || j - d > 3)
        return -1;
      for (int m = suggest_mention_before (run, d); m >= 0; m--)
        {
          Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
          guint len = j - d;

          if (c->end > d)
            continue;
          if (d - c->end > 2000)
            break;
          /* Beecham, 54, … */
          if (c->end + 2 + len <= run->n && run->u[c->end] == ',' && run->u[c->end + 1] == ' ' &&
              memcmp (run->u + c->end + 2, run->u + d, len * sizeof (gunichar)) == 0 &&
              (c->end + 2 + len == run->n || !g_unichar_isdigit (run->u[c->end + 2 + len])))
            return c->entity;
          /* 54-year-old Harold Beecham */
          if (c->start >= len + n + 1 && memcmp (run->u + c->start - n - 1, year_old, sizeof year_old) == 0 &&
              memcmp (run->u + c->start - n - 1 - len, run->u + d, len * sizeof (gunichar)) == 0)
            return c->entity;
        }
      return -1;
    }
  return -1;
}

/* The mention that opens the sentence starting at @lo (after spaces and
 * closing quotation marks), or NULL. */
static Cand *
en_opening_mention (Run  *run,
                    guint lo)
{
  int m = suggest_mention_before (run, lo) + 1;
  Cand *c;
  guint j = lo;

  if (m >= (int) run->mentions->len)
    return NULL;
  c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
  while (j < c->start && (g_unichar_isspace (run->u[j]) || run->u[j] == 0x201D || run->u[j] == '"'))
    j++;
  return j == c->start && c->start >= lo ? c : NULL;
}

static int en_pronoun_antecedent (Run *run, guint from, gboolean female);

/* Whether an organization's mention ends right before the verb at @verb
 * (The National Weather Service said), an adverb between allowed (also,
 * later). */
static gboolean
en_org_right_before (Run   *run,
                     guint  lo,
                     guint  verb)
{
  int m = suggest_mention_before (run, verb);
  Cand *c;
  guint k;

  if (m < 0)
    return FALSE;
  c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
  if (c->start < lo || c->end >= verb || run->u[c->end] != ' ' || !g_str_equal (c->tag, "organization"))
    return FALSE;
  k = c->end + 1;
  while (k < verb && g_unichar_islower (run->u[k]))
    k++;
  return k == verb || (k + 1 == verb && run->u[k] == ' ' && k - c->end - 1 <= 12);
}

/* "the union said", ," said the company", "the statement said": the
 * organization that spoke last before (an organization speaker is a
 * mention only when the text says it spoke: The Royal College of Nursing
 * said…). The lexicon's organization_nouns. */
static int
en_org_noun_speaker (Run      *run,
                     guint     lo,
                     guint     hi,
                     guint     verb,
                     guint     verb_len,
                     gboolean  after_quote)
{
  EnLexicon *en = &run->self->en;
  guint len, the = G_MAXUINT;

  if (after_quote)
    {
      /* said the company */
      guint k = verb + verb_len;

      while (k < hi && run->u[k] == ' ')
        k++;
      if (k + 4 < hi && suggest_en_the_before (run, k + 4) && en_word_at (run, k + 4, &en->org_nouns, &len))
        the = k;
    }
  if (the == G_MAXUINT)
    {
      /* the union said */
      guint ws;

      if (verb < lo + 6 || run->u[verb - 1] != ' ')
        return -1;
      ws = verb - 1;
      while (ws > lo && g_unichar_isalpha (run->u[ws - 1]))
        ws--;
      if (ws < lo + 4 || !en_word_at (run, ws, &en->org_nouns, &len) || ws + len + 1 != verb || !suggest_en_the_before (run, ws))
        return -1;
      the = ws - 4;
    }
  for (int m = suggest_mention_before (run, the); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));

      if (c->end > the)
        continue;
      if (the - c->end > 3000)
        break;
      if (g_str_equal (c->tag, "organization"))
        return c->entity;
    }
  return -1;
}

/* Speaker of a speech verb at @verb in [lo, hi): "X said" (subject before),
 * "said X" (after), a pronoun, or "the president". */
static int
en_subject (Run     *run,
            guint    lo,
            guint    hi,
            guint    verb,
            guint    verb_len,
            gboolean  after_quote,
            gboolean *pronoun)
{
  EnLexicon *en = &run->self->en;
  Cand *opening;
  int e;
  guint k = verb + verb_len;

  *pronoun = FALSE;
  /* said Martin Indyk / said the president */
  while (k < hi && (run->u[k] == ' ' || run->u[k] == ','))
    k++;
  /* said Mr. Okafor: the mention is the name after the honorific. */
  {
    guint len;
    if (k < hi && en_word_at (run, k, &en->honorifics, &len))
      {
        k += len;
        while (k < hi && (run->u[k] == '.' || run->u[k] == ' '))
          k++;
      }
  }
  /* wrote user jayk1984: the word that says it is a user name. */
  {
    guint w = k;
    while (w < hi && g_unichar_islower (run->u[w]))
      w++;
    if (w > k && w + 1 < hi && run->u[w] == ' ')
      {
        int m = suggest_mention_before (run, w + 2);
        if (m >= 0 && suggest_cand_at (run, g_array_index (run->mentions, guint, m))->start == w + 1 &&
            g_strcmp0 (suggest_cand_at (run, g_array_index (run->mentions, guint, m))->rule, "en-handle") == 0)
          k = w + 1;
      }
  }
  {
    int m = suggest_mention_before (run, k + 1);
    if (m >= 0)
      {
        Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
        /* said Yoon's "…": a possessive after the verb is no speaker. */
        if (c->start == k && !en_possessive (run, c->end) &&
            (after_quote || (verb_len > 8 && g_unichar_tolower (run->u[verb]) == 'a')))
          return c->entity;
      }
  }
  /* said his daughter: the one the text introduced so */
  if (after_quote)
    {
      guint pe = k, rs, re;
      while (pe < hi && g_unichar_isalpha (run->u[pe]))
        pe++;
      rs = pe + 1;
      re = rs;
      while (re < hi && g_unichar_isalpha (run->u[re]))
        re++;
      if (pe > k && pe < hi && run->u[pe] == ' ' && re > rs && (re == hi || !g_unichar_isalnum (run->u[re])) &&
          (e = en_relation_speaker (run, k, pe, rs, re)) >= 0)
        return e;
    }
  /* said one of the organisers, Priscilla Nwosu / said a spokeswoman for
   * the city, Laura Chen: the name that a short description before it
   * (no sentence or quotation mark between) stands in apposition to. */
  if (after_quote && k < hi && (g_unichar_islower (run->u[k]) || en_possessive_at (run, k)))
    for (guint j = k; j + 2 < hi && j < k + 60; j++)
      {
        gunichar c = run->u[j];
        if (c == '.' || c == ';' || c == ':' || c == 0x201C || c == 0x201D || c == '"' || c == '\n')
          break;
        if (c == ',' && run->u[j + 1] == ' ' && j > k)
          {
            int m = suggest_mention_before (run, j + 3);
            if (m >= 0)
              {
                Cand *mc = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
                if (mc->start == j + 2 && !en_possessive (run, mc->end))
                  return mc->entity;
              }
            break;
          }
      }
  /* Han, the party leader, urged Yoon to go, telling reporters …: a
   * participle after a comma has the sentence's subject, not the nearest name. */
  if (verb_len > 3 && run->u[verb + verb_len - 1] == 'g' && run->u[verb + verb_len - 2] == 'n' &&
      run->u[verb + verb_len - 3] == 'i' && verb >= lo + 2 && run->u[verb - 1] == ' ' && run->u[verb - 2] == ',')
    {
      e = en_first_entity_in (run, lo, verb);
      if (e >= 0)
        return e;
    }
  /* Lena Fischer, a friend of Mayor Tom Reyes, said: a name that opens the
   * sentence, then an appositive closed by a comma before the verb: that
   * name is the subject, not the last name inside the appositive. */
  opening = en_opening_mention (run, lo);
  if (opening != NULL && verb >= lo + 2 && run->u[verb - 1] == ' ' && run->u[verb - 2] == ',' &&
      opening->end + 2 < verb && run->u[opening->end] == ',' && !en_possessive (run, opening->end))
    return opening->entity;
  /* A spokesperson for the Federation of Mining Cooperatives said: someone
   * unnamed who opens the sentence is its subject, not the name in the
   * phrase after the role. */
  if (opening != NULL && opening->end < verb && g_strcmp0 (opening->rule, "en-unnamed-role") == 0)
    return opening->entity;
  /* Name said / he said: the nearest mention or pronoun before the verb. */
  for (guint j = verb; j > lo && verb - j < 80; j--)
    {
      guint len;
      if (j - 1 > lo && g_unichar_isalpha (run->u[j - 2]))
        continue;
      if (en_word_at (run, j - 1, &en->pronouns, &len) && j - 1 + len <= verb)
        {
          guint from = j - 1;
          *pronoun = TRUE;
          /* “Greg is wrong,” she said: a name inside the quote is no antecedent. */
          if (after_quote && lo > 0)
            from = MIN (from, en_quote_opening (run, lo - 1));
          /* Whitby, he said, is “…”: the name the parenthesis interrupts is
           * what is said about, never the pronoun; look before the sentence. */
          else if (j - 1 >= lo + 2 && run->u[j - 2] == ' ' && run->u[j - 3] == ',' &&
                   verb + verb_len < hi && run->u[verb + verb_len] == ',')
            from = lo;
          return en_pronoun_antecedent (run, from, run->u[j - 1] == 's' || run->u[j - 1] == 'S');
        }
    }
  e = suggest_last_subject_in (run, lo, verb, en_possessive);
  /* Halcyra to lay off 2,400 as CEO admits: an organization speaks only
   * standing right before the verb; else a role, a relation, an age may. */
  if (e >= 0 && (!g_str_equal (((Entity *) run->entities->pdata[e])->tag, "organization") ||
                 en_org_right_before (run, lo, verb)))
    return e;
  /* his daughter said */
  if (verb >= lo + 2 && run->u[verb - 1] == ' ')
    {
      guint re = verb - 1, rs = re, pe, ps;
      while (rs > lo && g_unichar_isalpha (run->u[rs - 1]))
        rs--;
      pe = rs > lo ? rs - 1 : rs;
      ps = pe;
      while (ps > lo && g_unichar_isalpha (run->u[ps - 1]))
        ps--;
      if (rs < re && pe < rs && run->u[pe] == ' ' && ps < pe && (e = en_relation_speaker (run, ps, pe, rs, re)) >= 0)
        return e;
    }
  e = en_age_speaker (run, lo, verb);
  if (e >= 0)
    {
      *pronoun = TRUE;
      return e;
    }
  e = en_role_speaker (run, lo, verb, pronoun);
  if (e >= 0)
    return e;
  return en_org_noun_speaker (run, lo, hi, verb, verb_len, after_quote);
}

/* Whether the full stop at @k ends an abbreviation, not a sentence: an
 * initial (C. Eugene), an honorific or title of the lexicon (Ms., Sen.),
 * or Jr. St. No. */
static gboolean
en_abbreviation (Run   *run,
                 guint  k)
{
  EnLexicon *en = &run->self->en;
  guint w = k;

  while (w > 0 && g_unichar_isalpha (run->u[w - 1]))
    w--;
  if (w == k || (w > 0 && run->u[w - 1] == '.'))
    return w != k;
  if (k - w == 1 && g_unichar_isupper (run->u[w]))
    return TRUE;
  if (suggest_word_list_has (&en->honorifics, run->u + w, k - w + 1) ||
      suggest_word_list_has (&en->titles, run->u + w, k - w + 1))
    return TRUE;
  {
    static const char *const others[] = { "Jr", "Sr", "St", "No", "Mt", "Ft", "Lt", "Col", "Sgt", "Capt", "Gov" };
    g_autofree char *word = suggest_substring (run, w, k);
    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      if (g_str_equal (word, others[i]))
        return TRUE;
  }
  return FALSE;
}

static guint
en_sentence_start (Run   *run,
                   guint  pos,
                   guint  par_start)
{
  guint k = pos;
  while (k > par_start && pos - k < 300)
    {
      gunichar c = run->u[k - 1];
      if ((c == '.' || c == '!' || c == '?') && k < run->n && run->u[k] == ' ' &&
          !(k >= 3 && g_unichar_isupper (run->u[k - 2]) && !g_unichar_isalpha (run->u[k - 3])) &&
          (c != '.' || !en_abbreviation (run, k - 1)))
        break;
      /* …supporter.” Emery retweeted it: a quote that ends its sentence,
       * then a capital; the names inside belong to the sentence before. */
      if ((c == 0x201D || c == '"') && k >= 2 && k + 1 < run->n && run->u[k] == ' ' &&
          (run->u[k - 2] == '.' || run->u[k - 2] == '!' || run->u[k - 2] == '?') &&
          g_unichar_isupper (run->u[k + 1]))
        break;
      k--;
    }
  return k;
}

static guint
en_sentence_end (Run   *run,
                 guint  pos,
                 guint  par_end)
{
  guint k = pos;
  while (k < par_end && k - pos < 300)
    {
      gunichar c = run->u[k];
      if ((c == '.' || c == '!' || c == '?') && (k + 1 >= par_end || run->u[k + 1] == ' ') &&
          (c != '.' || k + 1 >= par_end || !en_abbreviation (run, k)))
        return k + 1;
      k++;
    }
  return k;
}

/* Whether the verb at @k (@len code points, ending in s: states, claims,
 * reports) is a plural noun here: after a determiner, a number word or a
 * possessive (the states, two reports, his claims). */
static gboolean
en_plural_noun (Run   *run,
                guint  k,
                guint  len)
{
  static const char *const before[] = { "the", "a", "an", "two", "three", "four", "many", "some", "all", "both", "several",
                                        "other", "these", "those", "his", "her", "their", "its", "our", "my", "your", "such",
                                        "of", "in", "new", "earlier", "recent", "false", "similar", "united" };
  g_autofree char *word = NULL;
  guint e, w;

  if (len < 2 || run->u[k + len - 1] != 's' || k < 2 || run->u[k - 1] != ' ')
    return FALSE;
  e = k - 1;
  w = e;
  while (w > 0 && e - w < 12 && g_unichar_isalpha (run->u[w - 1]))
    w--;
  if (w == e)
    return FALSE;
  word = suggest_substring (run, w, e);
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    if (g_ascii_strcasecmp (word, before[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Finds a speech verb in [a, b) outside the quote [qa, qb); returns its position or G_MAXUINT. */
static guint
en_find_verb (Run   *run,
              guint  a,
              guint  b,
              guint  qa,
              guint  qb,
              guint *len)
{
  gboolean in_quote = FALSE;

  for (guint k = a; k < b; k++)
    {
      gunichar c = run->u[k];
      if (k >= qa && k < qb)
        continue;
      if (c == 0x201C || (c == '"' && !in_quote))
        in_quote = TRUE;
      else if (c == 0x201D || (c == '"' && in_quote))
        in_quote = FALSE;
      else if (!in_quote && en_word_at (run, k, &run->self->en.verbs, len) && !en_plural_noun (run, k, *len))
        return k;
    }
  return G_MAXUINT;
}

/* The person a pronoun before @from names: the nearest one it fits
 * (pronoun_antecedent()), unless that one stands after the subject of a
 * speech verb in the same sentence of the paragraph, "Marcus Reed, 29, said
 * he had voted for Szabo. “…,” he said" or "DeLuca said he had called
 * Hale": then the one who said it, if the pronoun fits them too. */
static int
en_pronoun_antecedent (Run     *run,
                       guint    from,
                       gboolean female)
{
  int e = pronoun_antecedent (run, from, 2000, female);
  Cand *near = NULL, *first = NULL;
  guint start, verb, len;
  int m;

  if (e < 0)
    return e;
  for (m = suggest_mention_before (run, from); m >= 0 && near == NULL; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->entity == e && c->end <= from)
        near = c;
    }
  if (near == NULL)
    return e;
  for (guint k = near->end; k < from; k++)
    if (run->u[k] == '\n')
      return e;
  start = en_sentence_start (run, near->start, near->start > 300 ? near->start - 300 : 0);
  for (guint k = start; k < near->start; k++)
    if (run->u[k] == '\n')
      start = k + 1;
  for (m = suggest_mention_before (run, start) + 1; m < (int) run->mentions->len && first == NULL; m++)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->start >= near->start)
        break;
      if (!en_possessive (run, c->end))
        first = c;
    }
  if (first == NULL || first->entity < 0 || first->entity == e ||
      (verb = en_find_verb (run, first->end, near->start, 0, 0, &len)) == G_MAXUINT)
    return e;
  /* the verb is the subject's: no other name between them */
  if (suggest_mention_before (run, verb) != suggest_mention_before (run, first->start + 1))
    return e;
  /* the pronoun fits the subject as well: its own nearest fit at its end */
  if (pronoun_antecedent (run, first->end, 0, female) != first->entity)
    return e;
  return first->entity;
}

/* Marks that are no speech whatever the verbs around: a title after the
 * word for a work (her book “…”, the film "…"), and a short term after
 * "the" without clause punctuation (the “ironclad” nature, the "jobs
 * machine" it thinks it is). */
static gboolean
en_not_speech (Run         *run,
               const Quote *q,
               gboolean     clause)
{
  static const char *const works[] = { "book", "books", "film", "movie", "song", "album", "novel", "poem", "essay",
                                       "titled", "entitled", "headlined", "memoir", "play", "show", "series",
                                       "nicknamed", "dubbed", "codenamed" };
  guint b = q->open, a, words = 0;
  g_autofree char *word = NULL;

  while (b > q->par_start && run->u[b - 1] == ' ')
    b--;
  a = b;
  while (a > q->par_start && g_unichar_isalpha (run->u[a - 1]))
    a--;
  if (a == b || b == q->open)
    return FALSE;
  word = suggest_substring (run, a, b);
  for (guint i = 0; i < G_N_ELEMENTS (works); i++)
    if (g_ascii_strcasecmp (word, works[i]) == 0)
      return TRUE;
  /* under the subject line “Where we go from here.” */
  if (g_str_equal (word, "line") && a >= 9 && run->u[a - 1] == ' ' && suggest_en_ends_with (run, a - 1, "subject"))
    return TRUE;
  if (q->unclosed)
    return FALSE;
  /* or “CBD.”: one capitalised word, a name or an abbreviation */
  if (g_unichar_isupper (run->u[q->open + 1]))
    {
      guint k = q->open + 1;
      while (k < q->close && (g_unichar_isalnum (run->u[k]) || run->u[k] == '-'))
        k++;
      if (k + 1 >= q->close)
        return TRUE;
    }
  if (clause || g_ascii_strcasecmp (word, "the") != 0)
    return FALSE;
  for (guint k = q->open + 1; k < q->close; k++)
    words += run->u[k] == ' ';
  return words < 3;
}

/* a group calling itself “…”: a name it goes by, not anyone's words. */
static gboolean
en_reflexive_at (Run   *run,
                 guint  k)
{
  static const char *const reflexive[] = { "itself", "themselves", "himself", "herself" };
  guint e = k;
  g_autofree char *word = NULL;

  while (e < run->n && g_unichar_isalpha (run->u[e]))
    e++;
  word = suggest_substring (run, k, e);
  for (guint i = 0; i < G_N_ELEMENTS (reflexive); i++)
    if (g_str_equal (word, reflexive[i]))
      return TRUE;
  return FALSE;
}

/* "…toward what Marsh has called “real, boring profitability”": a name,
 * perhaps has or had, and called, calls or dubbed right before the
 * opening mark: that name's words, whatever verb the sentence has. The
 * entity, or -1. */
static int
en_name_called_right_before (Run         *run,
                             const Quote *q)
{
  static const char *const verbs[] = { "called", "calls", "dubbed", "dubs", "termed" };
  static const char *const auxiliaries[] = { "has", "had", "have" };
  guint k = q->open, len = 0;
  int m;

  if (k < 2 || run->u[k - 1] != ' ')
    return -1;
  k--;   /* the space before the mark: the verb ends there */
  for (guint i = 0; i < G_N_ELEMENTS (verbs) && len == 0; i++)
    if (suggest_en_ends_with (run, k, verbs[i]))
      len = (guint) strlen (verbs[i]);
  if (len == 0 || k < len + 2 || run->u[k - len - 1] != ' ')
    return -1;
  k -= len + 1;   /* the space before the verb */
  for (guint i = 0; i < G_N_ELEMENTS (auxiliaries); i++)
    if (suggest_en_ends_with (run, k, auxiliaries[i]) && k >= strlen (auxiliaries[i]) + 2 &&
        run->u[k - strlen (auxiliaries[i]) - 1] == ' ')
      {
        k -= (guint) strlen (auxiliaries[i]) + 1;
        break;
      }
  m = suggest_mention_before (run, k);
  if (m < 0)
    return -1;
  {
    Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
    return c->end == k && !en_possessive (run, c->end) ? c->entity : -1;
  }
}

/* "called the bill “the worst piece of work in years”": someone's words
 * for a thing, after called/calls and an object of one to six words that
 * starts in lowercase (not "a group called “Friends of the Bay”", a name);
 * the quote starts in lowercase and has four words or more. Returns the
 * position of "called", or G_MAXUINT. */
static guint
en_called_before (Run         *run,
                  const Quote *q,
                  guint        s_start)
{
  guint k, words = 0, between = 0, after = q->open;

  if (q->unclosed || q->open + 1 >= q->close || !g_unichar_islower (run->u[q->open + 1]))
    return G_MAXUINT;
  for (k = q->open + 1; k < q->close; k++)
    words += run->u[k] == ' ';
  if (words < 3)
    return G_MAXUINT;
  k = q->open;
  /* "which he called “a brochure with page numbers”": no object, but a
   * personal subject right before the verb, and a lowercase quote. */
  if (k >= s_start + 2 && run->u[k - 1] == ' ')
    {
      static const char *const subjects[] = { "he", "she", "they", "we", "I" };
      guint we = k - 1, ws = we, ps, pe;
      while (ws > s_start && g_unichar_isalpha (run->u[ws - 1]))
        ws--;
      pe = ws > s_start && run->u[ws - 1] == ' ' ? ws - 1 : ws;
      ps = pe;
      while (ps > s_start && g_unichar_isalpha (run->u[ps - 1]))
        ps--;
      if (we - ws == 6 && ps < pe)
        {
          g_autofree char *word = suggest_substring (run, ws, we);
          g_autofree char *subject = suggest_substring (run, ps, pe);
          if (g_str_equal (word, "called"))
            for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
              if (g_str_equal (subject, subjects[i]))
                return ws;
        }
    }
  while (between <= 6)
    {
      guint we, ws;
      g_autofree char *word = NULL;

      if (k <= s_start + 1 || run->u[k - 1] != ' ')
        return G_MAXUINT;
      we = k - 1;
      ws = we;
      while (ws > s_start && (g_unichar_isalpha (run->u[ws - 1]) || run->u[ws - 1] == '\'' || run->u[ws - 1] == 0x2019))
        ws--;
      if (ws == we || (ws > s_start && run->u[ws - 1] != ' '))
        return G_MAXUINT;
      word = suggest_substring (run, ws, we);
      if (g_str_equal (word, "called") || g_str_equal (word, "calls") || g_str_equal (word, "calling"))
        return between >= 1 && g_unichar_islower (run->u[after]) && !en_reflexive_at (run, after) ? ws : G_MAXUINT;
      between++;
      after = ws;
      k = ws;
    }
  return G_MAXUINT;
}

/* Whether only "and" or "but" stands between the closing mark's
 * position @after and the verb at @verb (“…” and said). */
static gboolean
en_coordinated_verb (Run   *run,
                     guint  after,
                     guint  verb)
{
  g_autofree char *between = NULL;

  if (verb <= after || verb - after > 6)
    return FALSE;
  between = g_strstrip (suggest_substring (run, after, verb));
  return g_str_equal (between, "and") || g_str_equal (between, "but");
}

/* Whether the quote closes on its sentence's end (…today.” / …now?”). */
static gboolean
quote_ends_sentence (Run         *run,
                     const Quote *q)
{
  gunichar c;

  if (q->unclosed || q->close == 0 || q->close <= q->open + 1)
    return FALSE;
  c = run->u[q->close - 1];
  return c == '.' || c == '!' || c == '?';
}

Decision
suggest_decide_en (Run         *run,
           const Quote *q,
           const Decision *last_in_paragraph,
           const Decision *previous_paragraph)
{
  Decision d = { FALSE, -1, 0, NULL };
  guint s_start = en_sentence_start (run, q->open, q->par_start);
  guint s_end = q->unclosed ? q->par_end : en_sentence_end (run, q->close + 1, q->par_end);
  guint vlen;
  gboolean pronoun = FALSE;
  gboolean clause = suggest_quote_has_clause (run, q);
  guint verb;

  if (en_not_speech (run, q, clause))
    return d;
  /* after the quote: ," said X / ," X said / ," he added; a long title
   * between (," State Department deputy spokesperson Vedant Patel said) */
  verb = q->unclosed ? G_MAXUINT : en_find_verb (run, q->close + 1, MIN (s_end + 1, q->close + 1 + WINDOW_AFTER), 0, 0, &vlen);
  if (verb == G_MAXUINT && !q->unclosed && run->u[q->close - 1] == ',')
    {
      /* Only words, no punctuation, between the mark and the verb. */
      verb = en_find_verb (run, q->close + 1, MIN (s_end + 1, q->close + 1 + 2 * WINDOW_AFTER), 0, 0, &vlen);
      for (guint k = q->close + 1; verb != G_MAXUINT && k < verb; k++)
        if (!g_unichar_isalpha (run->u[k]) && run->u[k] != ' ' && run->u[k] != '-' && run->u[k] != '.')
          verb = G_MAXUINT;
    }
  if (verb != G_MAXUINT)
    {
      d.speech = TRUE;
      d.speaker = en_subject (run, q->close + 1, MIN (q->par_end, verb + vlen + 40), verb, vlen, TRUE, &pronoun);
      /* “…supporter.” Emery retweeted the story, saying, “…”: a quote that
       * ends its sentence, then a clause and a comma before the verb: the
       * verb introduces the next quote, its subject did not say this one. */
      if (quote_ends_sentence (run, q))
        for (guint k = q->close + 1; k < verb; k++)
          if (run->u[k] == ',')
            {
              d.speaker = -1;
              break;
            }
      d.rule = "en-quote-said";
      d.confidence = clause ? 0.92 : 0.8;
      /* Briggs called the bill “a blank check” and said …: a verb that only
       * "and"/"but" joins to the quote has the sentence's subject. */
      if (d.speaker < 0 && en_coordinated_verb (run, q->close + 1, verb))
        d.speaker = en_first_entity_in (run, s_start, q->open);
      /* "…" but insisted …: the subject is before the quote. */
      if (d.speaker < 0 && (verb = en_find_verb (run, s_start, q->open, 0, 0, &vlen)) != G_MAXUINT)
        d.speaker = en_subject (run, s_start, q->open, verb, vlen, FALSE, &pronoun);
    }
  else if ((verb = en_find_verb (run, s_start, q->open, 0, 0, &vlen)) != G_MAXUINT)
    {
      d.speech = TRUE;
      d.speaker = en_subject (run, s_start, q->open, verb, vlen, FALSE, &pronoun);
      d.rule = "en-quote-said-before";
      d.confidence = clause ? 0.9 : 0.75;
      /* Banerjee said the cuts would push the company toward what Marsh
       * has called “…”: the name right before called, not the subject */
      {
        int named = en_name_called_right_before (run, q);
        if (named >= 0)
          {
            d.speaker = named;
            pronoun = FALSE;
            d.rule = "en-quote-called";
          }
      }
    }
  else if ((verb = en_called_before (run, q, s_start)) != G_MAXUINT)
    {
      /* McConnell called the debt “the transcendent issue of our time”;
       * signed the bill, calling it “…”: a participle has the sentence's
       * subject, as en_subject knows from the verb's length. */
      guint called_len = 0;

      d.speech = TRUE;
      while (verb + called_len < q->open && g_unichar_isalpha (run->u[verb + called_len]))
        called_len++;
      d.speaker = en_subject (run, s_start, q->open, verb, called_len, FALSE, &pronoun);
      d.rule = "en-quote-called";
      d.confidence = 0.7;
    }
  else if (clause && q->open >= 2 && run->u[q->open - 2] == ':' && run->u[q->open - 1] == ' ')
    {
      /* Alverson summed it up: “…” — the sentence's subject speaks. */
      d.speech = TRUE;
      d.speaker = suggest_entity_in (run, s_start, q->open);
      /* The governor, speaking on Friday, put it simply: “…” */
      if (d.speaker < 0)
        d.speaker = en_role_speaker (run, s_start, q->open, &pronoun);
      d.rule = "en-quote-colon";
      d.confidence = 0.75;
    }
  else if (clause && last_in_paragraph != NULL && last_in_paragraph->speech)
    {
      /* A second quote of the paragraph goes on with its speaker. */
      d.speech = TRUE;
      d.speaker = last_in_paragraph->speaker;
      d.rule = "en-quote-continued";
      d.confidence = 0.8;
    }
  else if (continues_previous_paragraph (run, q, clause, previous_paragraph))
    {
      d.speech = TRUE;
      d.speaker = previous_paragraph->speaker;
      d.rule = "en-quote-paragraph";
      d.confidence = 0.75;
    }
  else if (q->open == q->par_start && clause && q->close - q->open > 30)
    {
      /* A paragraph that is only a quote goes on with the last speaker. */
      d.speech = TRUE;
      d.rule = "en-quote-paragraph";
      d.confidence = 0.7;
      if (previous_paragraph != NULL && previous_paragraph->speech)
        d.speaker = previous_paragraph->speaker;
      else
        {
          int e = suggest_entity_before (run, q->open, 600);
          d.speaker = e;
          pronoun = TRUE;
        }
    }
  if (!d.speech || d.speaker < 0)
    {
      guint prev_start, colon = colon_paragraph_before (run, q, &prev_start);
      gboolean pronoun2 = FALSE;

      if (colon != G_MAXUINT &&
          (verb = en_find_verb (run, en_sentence_start (run, colon, prev_start), colon, 0, 0, &vlen)) != G_MAXUINT)
        {
          int e = en_subject (run, en_sentence_start (run, colon, prev_start), colon, verb, vlen, FALSE, &pronoun2);
          if (!d.speech)
            d = (Decision) { TRUE, e, pronoun2 ? 0.7 : 0.8, "en-quote-colon", FALSE };
          else
            d.speaker = e;
        }
    }
  if (pronoun)
    d.confidence -= 0.1;
  continue_open_quote (q, previous_paragraph, &d, "en-quote-continued");
  return d;
}

/* A paragraph @q without marks after a paragraph that ends in a colon with
 * a speech verb in its last sentence (As Hamm explains, …:): the verb's
 * subject speaks. Not speech when there is no such verb. */
Decision
suggest_decide_en_block (Run         *run,
                         const Quote *q)
{
  guint prev_start, colon = colon_paragraph_before (run, q, &prev_start), verb, vlen, s_start;
  gboolean pronoun = FALSE;
  Decision d = { FALSE, -1, 0, NULL };

  if (colon == G_MAXUINT)
    return d;
  s_start = en_sentence_start (run, colon, prev_start);
  if ((verb = en_find_verb (run, s_start, colon, 0, 0, &vlen)) == G_MAXUINT)
    return d;
  d.speech = TRUE;
  d.speaker = en_subject (run, s_start, colon, verb, vlen, FALSE, &pronoun);
  d.rule = "en-quote-block";
  d.confidence = pronoun ? 0.6 : 0.7;
  return d;
}
