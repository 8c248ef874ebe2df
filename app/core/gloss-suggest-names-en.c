/* gloss-suggest-names-en.c: English persons and officials: titles,
 * honorifics, apposition, cued and listed given names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

guint
suggest_cp_of (Run *run,
       int  byte)
{
  return run->byte_to_cp[byte];
}

static char *
last_token (const char *name)
{
  const char *space = strrchr (name, ' ');
  return g_strdup (space != NULL ? space + 1 : name);
}

/* Whether the UTF-8 @token is a word of @wl. */
static gboolean
token_in (const WordList *wl,
          const char     *token)
{
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (token, -1, NULL);
  return suggest_word_list_has (wl, u, (guint) g_utf8_strlen (token, -1));
}

gboolean
en_is_not_name (Run        *run,
                const char *token)
{
  return token_in (&run->self->en.not_names, token);
}

/* Whether the line around code point @pos is a headline in title case
 * (United States to Lift Sudan Sanctions): there "Lift Sudan" is no name.
 * Looks at most 200 code points either way. */
static gboolean
en_title_case_line (Run   *run,
                    guint  pos)
{
  guint a = pos, b = pos, words = 0, capitals = 0;

  while (a > 0 && pos - a < 200 && run->u[a - 1] != '\n')
    a--;
  while (b < run->n && b - pos < 200 && run->u[b] != '\n')
    b++;
  for (guint k = a; k < b; k++)
    {
      guint w = k;
      if (k > a && g_unichar_isalpha (run->u[k - 1]))
        continue;
      while (w < b && g_unichar_isalpha (run->u[w]))
        w++;
      if (w - k >= 4)
        {
          words++;
          capitals += g_unichar_isupper (run->u[k]);
        }
      k = w > k ? w - 1 : k;
    }
  return words >= 3 && capitals * 10 >= words * 8 && (b == a || run->u[b - 1] != '.');
}

/* A name token's first letter, [A-ZÀ-ÖØ-Þ] in the patterns below. */
static gboolean
is_name_capital (gunichar c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

/* The letters of a name token ([A-ZÀ-ÖØ-Þ], [a-zß-öø-ÿā-ž]) are among these. */
static gboolean
is_latin_letter (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : (c >= 0xC0 && c <= 0x17F);
}

/* Where a per-name pattern may match, in byte offsets: @at, where the
 * match starts, and @end, past all the text a match there may read. */
typedef struct
{
  int at, end;
} NameStart;

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  int x = ((const NameStart *) a)->at, y = ((const NameStart *) b)->at;
  return (x > y) - (x < y);
}

static const char *
skip_chars (const char *p,
            guint       n)
{
  for (guint i = 0; i < n && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  return p;
}

/* Adds the capitals in the Latin letters just before byte @before: where
 * a name token ending there may start. */
static void
capitals_before (const char *text,
                 int         before,
                 int         end,
                 GArray     *starts)
{
  int k = before;

  while (k > 0)
    {
      const char *prev = g_utf8_prev_char (text + k);
      gunichar c = g_utf8_get_char (prev);

      if (!is_latin_letter (c))
        break;
      k = (int) (prev - text);
      if (is_name_capital (c))
        {
          NameStart start = { k, end };
          g_array_append_val (starts, start);
        }
    }
}

/* Where "Firstname [X. ]@surname" may start, sorted: the capitals of the
 * word before each "@surname" after a space (or before its initial). A
 * match there reads at most the initial, the surname and one character
 * more. Matching the pattern anchored at these alone, on those bytes
 * alone, finds what a search of the whole text finds; the text is read
 * per surname only by strstr(), not by the pattern (that took a third of
 * the rules' time on 100 000 characters). */
static GArray *
full_name_starts (Run        *run,
                  const char *surname)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (NameStart));
  size_t len = strlen (surname);

  for (const char *p = len > 0 ? strstr (run->text, surname) : NULL; p != NULL; p = strstr (p + 1, surname))
    {
      int o = (int) (p - run->text);
      int end = (int) (skip_chars (p + len, 4) - run->text);

      if (o < 1 || run->text[o - 1] != ' ')
        continue;
      capitals_before (run->text, o - 1, end, starts);
      if (o >= 4 && run->text[o - 2] == '.' && g_ascii_isupper (run->text[o - 3]) && run->text[o - 4] == ' ')
        capitals_before (run->text, o - 4, end, starts);
    }
  g_array_sort (starts, compare_starts);
  return starts;
}

/* Where "@given Surname" may start: each "@given" before a space; a
 * match there reads the Latin letters after it and two characters more. */
static GArray *
given_name_starts (Run        *run,
                   const char *given)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (NameStart));
  size_t len = strlen (given);

  for (const char *p = len > 0 ? strstr (run->text, given) : NULL; p != NULL; p = strstr (p + 1, given))
    {
      const char *w = p + len + 1;
      NameStart start = { (int) (p - run->text), 0 };

      if (p[len] != ' ')
        continue;
      while (*w != '\0' && is_latin_letter (g_utf8_get_char (w)))
        w = g_utf8_next_char (w);
      start.end = (int) (skip_chars (w, 3) - run->text);
      g_array_append_val (starts, start);
    }
  return starts;
}

/* @re anchored at @start->at, given the bytes from the character before
 * it (for \b) to @start->end; the positions in @m count from *@begin. */
static gboolean
match_name_at (GRegex           *re,
               Run              *run,
               const NameStart  *start,
               GMatchInfo      **m,
               int              *begin)
{
  *begin = start->at > 0 ? (int) (g_utf8_prev_char (run->text + start->at) - run->text) : 0;
  return g_regex_match_full (re, run->text + *begin, start->end - *begin, start->at - *begin,
                             G_REGEX_MATCH_ANCHORED, m, NULL);
}

/* The first "Firstname Surname" of @surname in the text, each surname
 * looked up once (@checked) so that the search stays linear. */
static gboolean
en_full_name (Run        *run,
              const char *surname,
              GHashTable *checked,
              guint      *start,
              guint      *end)
{
  g_autofree char *pattern = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GArray) starts = NULL;
  int s, e, from = 0;

  if (g_hash_table_contains (checked, surname) || en_is_not_name (run, surname))
    return FALSE;
  g_hash_table_add (checked, g_strdup (surname));
  escaped = g_regex_escape_string (surname, -1);
  pattern = g_strdup_printf ("\\b([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿā-ž]+[ ](?:[A-Z]\\.[ ])?%s)\\b", escaped);
  re = g_regex_new (pattern, 0, 0, NULL);
  if (re == NULL)
    return FALSE;
  starts = full_name_starts (run, surname);
  /* the matches a search from the start would go through, in order */
  for (guint k = 0; k < starts->len; k++)
    {
      g_autoptr(GMatchInfo) m = NULL;
      g_autofree char *first = NULL;
      char *space;
      int begin;

      if (g_array_index (starts, NameStart, k).at < from ||
          !match_name_at (re, run, &g_array_index (starts, NameStart, k), &m, &begin))
        continue;
      g_match_info_fetch_pos (m, 0, NULL, &from);
      from += begin;
      first = g_match_info_fetch (m, 1);
      space = strchr (first, ' ');
      *space = '\0';
      g_match_info_fetch_pos (m, 1, &s, &e);
      s += begin;
      e += begin;
      if (en_is_not_name (run, first) || en_title_case_line (run, suggest_cp_of (run, s)))
        continue;
      *start = suggest_cp_of (run, s);
      *end = suggest_cp_of (run, e);
      return TRUE;
    }
  return FALSE;
}

static gboolean
en_title_org_word (Run        *run,
                   const char *token)
{
  return token_in (&run->self->en.title_org_words, token);
}

/* Whether @token is a word institutions end in (Kelby Shipping wrote,
 * Harbor Group said: an organization speaks, no person). */
static gboolean
en_institution_word (Run        *run,
                     const char *token)
{
  return token_in (&run->self->en.org_suffixes, token);
}

/* "her mother, Fiona, said" and later "Fiona Parry": a given name alone
 * before or after a speech verb is the person the text names in full as
 * "Fiona Surname" somewhere (each given name looked up once). */
static gboolean
en_full_name_from_given (Run        *run,
                         const char *given,
                         GHashTable *checked,
                         guint      *start,
                         guint      *end,
                         char      **surname)
{
  g_autofree char *pattern = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *seen = g_strconcat ("given:", given, NULL);
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GArray) starts = NULL;
  int s, e, from = 0;

  if (g_hash_table_contains (checked, seen) || en_is_not_name (run, given))
    return FALSE;
  g_hash_table_add (checked, g_steal_pointer (&seen));
  escaped = g_regex_escape_string (given, -1);
  pattern = g_strdup_printf ("\\b%s[ ]([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿā-ž]+)\\b(?![ ][A-ZÀ-ÖØ-Þ])", escaped);
  re = g_regex_new (pattern, 0, 0, NULL);
  if (re == NULL)
    return FALSE;
  /* anchored at each "@given", as in en_full_name() */
  starts = given_name_starts (run, given);
  for (guint k = 0; k < starts->len; k++)
    {
      g_autoptr(GMatchInfo) m = NULL;
      g_autofree char *last = NULL;
      g_autofree gunichar *u = NULL;
      glong n;
      int begin;

      if (g_array_index (starts, NameStart, k).at < from ||
          !match_name_at (re, run, &g_array_index (starts, NameStart, k), &m, &begin))
        continue;
      g_match_info_fetch_pos (m, 0, NULL, &from);
      from += begin;
      last = g_match_info_fetch (m, 1);
      u = g_utf8_to_ucs4_fast (last, -1, NULL);
      n = g_utf8_strlen (last, -1);
      /* Apple Music, Harbour Group: a name that is an institution's. */
      if (en_is_not_name (run, last) || suggest_word_list_has (&run->self->en.org_suffixes, u, n) ||
          suggest_word_list_has (&run->self->en.program_suffixes, u, n))
        continue;
      g_match_info_fetch_pos (m, 0, &s, &e);
      s += begin;
      e += begin;
      if (en_title_case_line (run, suggest_cp_of (run, s)))
        continue;
      *start = suggest_cp_of (run, s);
      *end = suggest_cp_of (run, e);
      *surname = g_steal_pointer (&last);
      return TRUE;
    }
  return FALSE;
}

/* Persons no speech verb or title points at: a listed given name before a
 * surname (Sarah Gille sat in on a class), or a full name that "who"
 * follows (Sherrif Payne, who …): an institution is never "who". */
static void
en_cued_persons (Run *run)
{
  GRegex *res[] = { run->self->en.given_name_re, run->self->en.who_name_re, run->self->en.said_description_re };
  const char *rules[] = { "en-given-name", "en-person-who", "en-said-description" };

  for (guint r = 0; r < G_N_ELEMENTS (res); r++)
    {
      g_autoptr(GMatchInfo) m = NULL;

      g_regex_match (res[r], run->text, 0, &m);
      for (; g_match_info_matches (m); g_match_info_next (m, NULL))
        {
          int ns, ne;
          g_autofree char *name = NULL;
          g_auto(GStrv) tokens = NULL;
          g_autofree char *key = NULL;
          guint start, end, c, n;

          g_match_info_fetch_pos (m, r == 0 ? 0 : 1, &ns, &ne);
          name = g_strndup (run->text + ns, ne - ns);
          tokens = g_strsplit (name, " ", -1);
          n = g_strv_length (tokens);
          start = suggest_cp_of (run, ns);
          end = suggest_cp_of (run, ne);
          /* Anthony Wallace / AFP: a photo credit, no one in the story;
           * 戴夫·汉森（Dave Hanson）: a Chinese text's gloss of a name. */
          if ((end + 1 < run->n && (run->u[end] == '/' || (run->u[end] == ' ' && run->u[end + 1] == '/'))) ||
              (start >= 2 && (run->u[start - 1] == 0xFF08 || run->u[start - 1] == '(') && is_han (run->u[start - 2])) ||
              (start >= 1 && run->u[start - 1] == 0xFF08))
            continue;
          if (n < 2 || en_is_not_name (run, tokens[0]) || en_is_not_name (run, tokens[n - 1]) ||
              en_institution_word (run, tokens[n - 1]) || en_title_case_line (run, start) ||
              suggest_overlaps_tag (run, NULL, start, end))
            continue;
          {
            g_autofree gunichar *u = g_utf8_to_ucs4_fast (tokens[n - 1], -1, NULL);
            glong len = g_utf8_strlen (tokens[n - 1], -1);
            if (suggest_word_list_has (&run->self->en.program_suffixes, u, len) ||
                suggest_word_list_has (&run->self->en.months, u, len))
              continue;
          }
          key = last_token (name);
          c = suggest_add_cand (run, "person", start, end, rules[r], 0.65);
          suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, key, name, "person", c);
        }
    }
}

/* A name with a nickname in marks between its words (Henrietta “Hennie”
 * Haverkamp, William "Bill" Ortiz): a person, whatever stands around it;
 * the nickname alone names her later (“…,” Hennie said). */
static void
en_nicknamed_persons (Run *run)
{
  g_autoptr(GMatchInfo) m = NULL;

  g_regex_match (run->self->en.nickname_name_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ns, ne;
      g_autofree char *name = NULL;
      g_autofree char *first = NULL;
      g_autofree char *key = NULL;
      guint start, end, c;

      g_match_info_fetch_pos (m, 0, &ns, &ne);
      name = g_strndup (run->text + ns, ne - ns);
      first = g_strndup (name, strchr (name, ' ') - name);
      key = last_token (name);
      start = suggest_cp_of (run, ns);
      end = suggest_cp_of (run, ne);
      /* not a headline's words (Council Backs “Greenway” Plan) */
      if (en_is_not_name (run, first) || en_is_not_name (run, key) || en_institution_word (run, key) ||
          en_title_case_line (run, start) || suggest_overlaps_tag (run, NULL, start, end))
        continue;
      c = suggest_add_cand (run, "person", start, end, "en-person-nickname", 0.7);
      suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, key, name, "person", c);
    }
}

/* Who wrote the story: a byline, a wire story's credits (credit_re); each
 * name of two words or more a person, the same one at the top and in the
 * credits at the foot. */
static void
en_credits (Run *run)
{
  g_autoptr(GMatchInfo) m = NULL;

  g_regex_match (run->self->en.credit_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    for (int group = 1; group <= 2; group++)
      {
        int ns, ne;
        g_autofree char *name = NULL;
        g_autofree char *key = NULL;
        guint c;

        if (!g_match_info_fetch_pos (m, group, &ns, &ne) || ns < 0 || ne <= ns)
          continue;
        name = g_strndup (run->text + ns, ne - ns);
        if (strchr (name, ' ') == NULL || en_is_not_name (run, name) || en_is_not_name (run, strrchr (name, ' ') + 1) ||
            suggest_overlaps_tag (run, NULL, suggest_cp_of (run, ns), suggest_cp_of (run, ne)))
          continue;
        {
          g_autofree char *first = g_strndup (name, strchr (name, ' ') - name);
          if (en_is_not_name (run, first))
            continue;
        }
        key = last_token (name);
        c = suggest_add_cand (run, "person", suggest_cp_of (run, ns), suggest_cp_of (run, ne), "en-person-credit", 0.65);
        suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, key, name, "person", c);
      }
}

/* The end of a company officer's title that starts a word in [start, end)
 * and is followed by a name ("Chief Financial Officer Marta Lindqvist",
 * "Vestra Chief Executive Sofia Berglund"): the name's start, or 0. */
static guint
en_executive_name_start (Run   *run,
                         guint  start,
                         guint  end)
{
  for (guint k = start; k < end; k++)
    {
      guint best = 0;
      if (k > start && run->u[k - 1] != ' ')
        continue;
      for (guint w = k; w < end; w++)
        if (run->u[w] == ' ' && suggest_word_list_has (&run->self->en.executive_titles, run->u + k, w - k))
          best = w + 1;
      if (best > 0 && best < end && g_unichar_isupper (run->u[best]))
        return best;
    }
  return 0;
}

/* Someone the text never names, by a role noun (unnamed_roles): "A county
 * spokesman said", "A spokesperson for the federation said", "a neighbor
 * who said", "A senior aide to the governor, who …" and later "the aide
 * said", "The town clerk said". Only as the subject of a speech verb or
 * of "who" (or after "through": "said through a spokeswoman"), never a
 * role in passing ("she hired a clerk"). An official when the words
 * around name a public body or office (government_words: county, court,
 * governor…) or, after "through", when the one speaking through them is
 * one; else a person (a company's spokesperson, a cashier). "the aide"
 * is the last unnamed aide before it; a definite role with none before
 * is someone new only when the text has not used the word before (else
 * it may be "spokesman Tom Lee" later called "the spokesman"). The
 * matches of @regex: unnamed_role_re, or unnamed_one_re (@one_of_many: "One
 * product designer in the Denver office, who", whose span takes in the
 * phrase before ", who"). */
static void
en_unnamed_role_matches (Run      *run,
                         GRegex   *regex,
                         gboolean  one_of_many)
{
  EnLexicon *en = &run->self->en;
  g_autoptr(GMatchInfo) m = NULL;

  g_regex_match (regex, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ms, me, rs, re;
      guint a, r, e, j, words = 0, modifiers = 0;
      gboolean definite, subject = FALSE, through, government = FALSE;
      const char *tag = "person";
      int entity = -1;
      guint c;

      g_match_info_fetch_pos (m, 0, &ms, &me);
      g_match_info_fetch_pos (m, 1, &rs, &re);
      a = suggest_cp_of (run, ms);
      r = suggest_cp_of (run, rs);
      e = suggest_cp_of (run, re);
      definite = run->u[a] == 'T' || run->u[a] == 't';
      through = a >= 8 && suggest_en_ends_with (run, a - 1, "through");
      /* the words between article and role: "county", "senior", "Northgate" */
      for (guint k = a; k < r; k++)
        if (run->u[k] == ' ')
          {
            guint ws = k + 1, we = ws;
            while (we < r && run->u[we] != ' ')
              we++;
            if (we < r)
              {
                modifiers++;
                government = government || suggest_en_word_in_fold (run, &en->government_words, ws, we);
              }
          }
      /* what follows: ", who", " who", or a speech verb after a short
       * phrase ("for the harbour authority", "to the governor") */
      for (j = e; j < run->n && j < e + 80 && words < 9;)
        {
          guint ws, we;
          if (run->u[j] == ',' && j + 5 < run->n && run->u[j + 1] == ' ' && run->u[j + 2] == 'w' && run->u[j + 3] == 'h' &&
              run->u[j + 4] == 'o' && !g_unichar_isalpha (run->u[j + 5]))
            {
              subject = TRUE;
              break;
            }
          if (run->u[j] != ' ')
            break;
          ws = j + 1;
          we = ws;
          while (we < run->n && (g_unichar_isalpha (run->u[we]) || run->u[we] == '-' || run->u[we] == 0x2019 ||
                                 run->u[we] == '\''))
            we++;
          if (we == ws)
            break;
          if (suggest_word_list_has (&en->verbs, run->u + ws, we - ws) ||
              (we - ws == 3 && run->u[ws] == 'w' && run->u[ws + 1] == 'h' && run->u[ws + 2] == 'o'))
            {
              subject = TRUE;
              break;
            }
          government = government || suggest_en_word_in_fold (run, &en->government_words, ws, we) ||
                       (we - ws == 5 && memcmp (run->u + ws, (gunichar[]) { 'W', 'h', 'i', 't', 'e' }, 5 * sizeof (gunichar)) == 0);
          words++;
          j = we;
        }
      /* "Graciela Montes, a home health aide who said": an appositive
       * describes the person named before it, no one else. */
      if ((!subject && !through) || (a >= 2 && run->u[a - 1] == ' ' && run->u[a - 2] == ',') ||
          suggest_overlaps_tag (run, "person", a, e) || suggest_overlaps_tag (run, "official", a, e))
        continue;
      if (definite)
        {
          /* the last unnamed one of that role before, else someone new */
          for (int k = (int) run->cands->len - 1; k >= 0 && entity < 0; k--)
            {
              Cand *o = suggest_cand_at (run, (guint) k);
              if (g_strcmp0 (o->rule, "en-unnamed-role") == 0 && o->end <= a && o->end >= o->start + (e - r) &&
                  memcmp (run->u + o->end - (e - r), run->u + r, (e - r) * sizeof (gunichar)) == 0)
                {
                  entity = o->entity;
                  tag = o->tag;
                }
            }
          if (entity < 0)
            {
              gboolean used = FALSE;
              for (guint k = 0; k + (e - r) < a && !used; k++)
                used = run->word_start[k] && g_unichar_tolower (run->u[k]) == g_unichar_tolower (run->u[r]) &&
                       memcmp (run->u + k + 1, run->u + r + 1, (e - r - 1) * sizeof (gunichar)) == 0 &&
                       !g_unichar_isalpha (run->u[k + (e - r)]);
              if (used || modifiers == 0)
                continue;
            }
        }
      if (entity < 0)
        {
          if (suggest_word_list_has (&en->unnamed_office_roles, run->u + r, e - r))
            {
              /* "The Welsh Government said … A spokesperson said": a
               * bare role speaks for the body its paragraph names. */
              if (!government && modifiers == 0 && words == 0 && !through)
                for (guint k = a; k > 0 && a - k < 300 && run->u[k - 1] != '\n' && !government; k--)
                  if (g_unichar_isalpha (run->u[k - 1]) && (k == 1 || !g_unichar_isalpha (run->u[k - 2])))
                    {
                      guint we = k - 1;
                      while (we < a && g_unichar_isalpha (run->u[we]))
                        we++;
                      government = suggest_en_word_in_fold (run, &en->government_words, k - 1, we);
                    }
              if (government)
                tag = "official";
              else if (through)
                {
                  /* "Ames said through a spokeswoman": the one they speak for */
                  for (int k = (int) run->cands->len - 1; k >= 0; k--)
                    {
                      Cand *o = suggest_cand_at (run, (guint) k);
                      if (o->end <= a && a - o->end < 80 && (g_str_equal (o->tag, "official") || g_str_equal (o->tag, "person")))
                        {
                          tag = g_str_equal (o->tag, "official") ? "official" : "person";
                          break;
                        }
                    }
                }
            }
        }
      /* One product designer in the Denver office, who: the phrase is
       * part of who she is */
      if (one_of_many && subject && words > 0 && words <= 5 && j < run->n && run->u[j] == ',')
        e = j;
      c = suggest_add_cand (run, tag, a, e, "en-unnamed-role", 0.6);
      if (entity < 0)
        {
          g_autofree char *key = g_strdup_printf ("unnamed %u", a);
          g_autofree char *name = suggest_substring (run, a, e);
          entity = suggest_entity_for_name (run, key, name, tag, c);
        }
      suggest_cand_at (run, c)->entity = entity;
      if (g_str_equal (tag, "official"))
        suggest_cand_at (run, c)->title = suggest_substring (run, r, e);
    }
}

static void
en_unnamed_roles (Run *run)
{
  en_unnamed_role_matches (run, run->self->en.unnamed_role_re, FALSE);
  en_unnamed_role_matches (run, run->self->en.unnamed_one_re, TRUE);
}

void
suggest_en_names (Run *run)
{
  EnLexicon *en = &run->self->en;
  g_autoptr(GMatchInfo) m = NULL;
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  en_nicknamed_persons (run);
  /* Officials: [org words] TITLE Name. */
  g_regex_match (en->official_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      static const char *const abbreviations[] = { "Gov.", "Sen.", "Rep.", "Gen.", "Col.", "Sgt.", "Capt.", "Maj.", "Prof.",
                                                   "Rev.", "Corp.", "Inc.", "Dept.", "Mrs.", "Supt.", "Cmdr.", "Adm.", NULL };
      int ps, pe, ts, te, ns, ne;
      g_autofree char *prefix = g_match_info_fetch (m, 1);
      g_autofree char *title = g_match_info_fetch (m, 2);
      g_autofree char *name = g_match_info_fetch (m, 3);
      g_auto(GStrv) words = NULL;
      g_autofree char *key = NULL;
      guint skip = 0, c;
      GString *org = g_string_new (NULL);

      g_match_info_fetch_pos (m, 1, &ps, &pe);
      g_match_info_fetch_pos (m, 2, &ts, &te);
      g_match_info_fetch_pos (m, 3, &ns, &ne);
      /* A name token that is really the next sentence's first word, or an
       * institution (General Assembly). */
      if (en_is_not_name (run, name) || en_is_not_name (run, strrchr (name, ' ') ? strrchr (name, ' ') + 1 : name))
        {
          g_string_free (org, TRUE);
          continue;
        }
      words = g_strsplit (prefix, " ", -1);
      /* "on Tuesday. Opposition leader Tomas Herrera": the organization
       * words start after a full stop that ends a word (not U.S. or St.). */
      {
        int last_stop = -1;
        for (guint k = 0; words[k] != NULL && *words[k] != '\0'; k++)
          {
            size_t wl = strlen (words[k]);
            if (wl >= 4 && words[k][wl - 1] == '.' && g_ascii_islower (words[k][wl - 2]) && g_ascii_islower (words[k][wl - 3]))
              last_stop = (int) k;
          }
        for (int k = 0; k <= last_stop; k++)
          {
            skip += strlen (words[k]) + 1;
            *words[k] = '\0';
          }
      }
      for (guint k = 0; words[k] != NULL; k++)
        {
          if (*words[k] == '\0')
            continue;
          size_t wl = strlen (words[k]);

          /* "… of GDP. Sen. John Hale": a word ending its sentence (one
           * full stop, at its end, in a word of three letters or more:
           * not U.S., not an abbreviated title) is no part of the organization. */
          if (wl >= 4 && words[k][wl - 1] == '.' && strchr (words[k], '.') == words[k] + wl - 1 &&
              !g_strv_contains (abbreviations, words[k]))
            {
              skip += org->len + (org->len > 0 ? 1 : 0) + wl + 1;
              g_string_truncate (org, 0);
              continue;
            }
          /* "opposition leader": the office's own words, no organization. */
          if (g_ascii_islower (words[k][0]))
            continue;
          /* "White House press secretary", "City Councilwoman": words no
           * name starts with, but an office's organization does. */
          if (en_is_not_name (run, words[k]) && org->len == 0 && !en_title_org_word (run, words[k]))
            {
              skip += strlen (words[k]) + 1;
              continue;
            }
          /* Former Mayor Jo Lee: a time of office, not an organization. */
          if (org->len == 0 && (g_str_equal (words[k], "Former") || g_str_equal (words[k], "Acting") ||
                                g_str_equal (words[k], "Interim") || g_str_equal (words[k], "Outgoing")))
            continue;
          if (org->len > 0)
            g_string_append_c (org, ' ');
          g_string_append (org, words[k]);
        }
      key = last_token (name);
      /* A company's officers hold no public office: "Chief Executive
       * Henrik Dahl" is a person, the name alone, unless an office's
       * organization stands before the title (County Executive). */
      {
        guint from = suggest_cp_of (run, ps + (int) skip), to = suggest_cp_of (run, ne);
        guint at = en_executive_name_start (run, from, to);
        gboolean public = FALSE;
        g_auto(GStrv) org_words = g_strsplit (org->str, " ", -1);

        for (guint k = 0; org_words[k] != NULL; k++)
          public = public || en_title_org_word (run, org_words[k]);
        if (at > 0 && !public)
          {
            g_autofree char *person = suggest_substring (run, at, to);
            c = suggest_add_cand (run, "person", at, to, "en-executive", 0.75);
            suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, key, person, "person", c);
            g_string_free (org, TRUE);
            continue;
          }
      }
      c = suggest_add_cand (run, "official", suggest_cp_of (run, ps + (int) skip), suggest_cp_of (run, ne), "en-official-title", 0.85);
      suggest_cand_at (run, c)->title = g_strdup (title);
      if (org->len > 0)
        suggest_cand_at (run, c)->organization = g_strdup (org->str);
      suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, key, name, "official", c);
      g_string_free (org, TRUE);
    }
  g_clear_pointer (&m, g_match_info_free);

  /* Appositives: an office after the name, or the name after the office. */
  g_regex_match (en->appositive_official_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ns, ne, ts, te;
      gboolean after = g_match_info_fetch_pos (m, 1, &ns, &ne) && ns >= 0;
      gboolean of_org = !after && g_match_info_fetch_pos (m, 5, &ns, &ne) && ns >= 0;
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;
      g_autofree char *key = NULL;
      guint c;

      if (!after && !of_org)
        g_match_info_fetch_pos (m, 7, &ns, &ne);
      name = g_strndup (run->text + ns, ne - ns);
      g_match_info_fetch_pos (m, after ? 2 : of_org ? 3 : 6, &ts, &te);
      title = g_strndup (run->text + ts, te - ts);
      if (en_is_not_name (run, name) || suggest_overlaps_tag (run, NULL, suggest_cp_of (run, ns), suggest_cp_of (run, ne)))
        continue;
      key = last_token (name);
      c = suggest_add_cand (run, "official", suggest_cp_of (run, ns), suggest_cp_of (run, ne), "en-official-appositive", 0.75);
      suggest_cand_at (run, c)->title = g_steal_pointer (&title);
      if (of_org)
        {
          int os, oe;
          g_match_info_fetch_pos (m, 4, &os, &oe);
          suggest_cand_at (run, c)->organization = g_strndup (run->text + os, oe - os);
        }
      suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, key, name, "official", c);
    }
  g_clear_pointer (&m, g_match_info_free);

  /* Appositions, then the lines after an article (who wrote it). */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_clear_pointer (&m, g_match_info_free);
      g_regex_match (pass == 0 ? en->appositive_role_re : en->byline_re, run->text, 0, &m);
      for (; g_match_info_matches (m); g_match_info_next (m, NULL))
        {
          int ns, ne;
          g_autofree char *name = NULL;
          g_autofree char *key = NULL;
          guint c;

          if (!g_match_info_fetch_pos (m, 1, &ns, &ne) || ns < 0)
            g_match_info_fetch_pos (m, 2, &ns, &ne);
          name = g_strndup (run->text + ns, ne - ns);
          if (strchr (name, ' ') == NULL || en_is_not_name (run, name) ||
              en_is_not_name (run, strrchr (name, ' ') + 1) || suggest_overlaps_tag (run, NULL, suggest_cp_of (run, ns), suggest_cp_of (run, ne)))
            continue;
          key = last_token (name);
          c = suggest_add_cand (run, "person", suggest_cp_of (run, ns), suggest_cp_of (run, ne),
                                pass == 0 ? "en-person-appositive" : "en-person-byline", pass == 0 ? 0.75 : 0.65);
          suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, key, name, "person", c);
        }
    }
  g_clear_pointer (&m, g_match_info_free);

  /* Persons: "said Martin Indyk", "Jon Sopel said", "Dr. Amelia Hart". */
  {
    GRegex *res[] = { en->said_name_re, en->name_said_re, en->honorific_re, en->role_name_re, en->subject_said_re,
                      en->age_name_re };
    const char *rules[] = { "en-said-name", "en-name-said", "en-honorific", "en-role-name", "en-subject-said",
                            "en-person-age" };

    for (guint r = 0; r < G_N_ELEMENTS (res); r++)
      {
        g_regex_match (res[r], run->text, 0, &m);
        for (; g_match_info_matches (m); g_match_info_next (m, NULL))
          {
            int ns, ne;
            g_autofree char *name = g_match_info_fetch (m, 1);
            g_auto(GStrv) tokens = g_strsplit (name, " ", -1);
            g_autofree char *key = NULL;
            guint start, end, c, skip = 0;
            int name_start;

            g_match_info_fetch_pos (m, 1, &ns, &ne);
            name_start = ns;
            while (tokens[skip] != NULL && en_is_not_name (run, tokens[skip]))
              {
                ns += strlen (tokens[skip]) + 1;
                skip++;
              }
            if (tokens[skip] == NULL || ns >= ne || en_is_not_name (run, tokens[g_strv_length (tokens) - 1]) ||
                en_institution_word (run, tokens[g_strv_length (tokens) - 1]))
              continue;
            start = suggest_cp_of (run, ns);
            end = suggest_cp_of (run, ne);
            /* "a consumer fund at Aberforth Partners, said", "the tenant
             * group Renters United, said": the name after a preposition or
             * an organization's noun is no subject of the verb. */
            if (r == 1 && start >= 2 && run->u[start - 1] == ' ')
              {
                guint ws = start - 1;
                while (ws > 0 && g_unichar_isalpha (run->u[ws - 1]))
                  ws--;
                if (ws < start - 1 && suggest_word_list_has (&en->name_said_objects, run->u + ws, start - 1 - ws))
                  continue;
              }
            key = last_token (name);
            /* One word alone ("Bassi said") is a surname only when the
             * text names them in full somewhere ("skipper Wade Bassi"). */
            if (r != 2 && g_strv_length (tokens) - skip < 2)
              {
                guint fs, fe;
                g_autofree char *surname = NULL;
                if (!en_full_name (run, tokens[skip], checked, &fs, &fe) &&
                    !en_full_name_from_given (run, tokens[skip], checked, &fs, &fe, &surname))
                  continue;
                if (surname != NULL)
                  {
                    g_free (key);
                    key = g_steal_pointer (&surname);
                  }
                if (suggest_overlaps_tag (run, "official", fs, fe) || suggest_overlaps_tag (run, "person", fs, fe))
                  continue;
                c = suggest_add_cand (run, "person", fs, fe, "en-surname-said", 0.7);
                {
                  g_autofree char *full = suggest_substring (run, fs, fe);
                  suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, key, full, "person", c);
                }
                continue;
              }
            if (suggest_overlaps_tag (run, "official", start, end) || suggest_overlaps_tag (run, "person", start, end))
              continue;
            c = suggest_add_cand (run, "person", start, end, rules[r], 0.75);
            suggest_cand_at (run, c)->entity = suggest_entity_for_name (run, key, name + (ns - name_start), "person", c);
          }
        g_clear_pointer (&m, g_match_info_free);
      }
  }
  en_cued_persons (run);
  en_credits (run);
  en_unnamed_roles (run);
}
