/* gloss-suggest-run.c: what every rule family shares while a run goes
 * over one text: its candidates and entities, substrings, and the
 * punctuation that ends a clause or a sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-suggest-private.h"

Cand *
suggest_cand_at (Run  *run,
         guint i)
{
  return &g_array_index (run->cands, Cand, i);
}

guint
suggest_add_cand (Run        *run,
          const char *tag,
          guint       start,
          guint       end,
          const char *rule,
          double      confidence)
{
  Cand c = { 0 };

  c.start = start;
  c.end = end;
  c.tag = tag;
  c.rule = rule;
  c.confidence = confidence;
  c.entity = -1;
  c.speaker = -1;
  g_array_append_val (run->cands, c);
  if (run->cover != NULL)
    {
      guint8 bit = g_str_equal (tag, "person") || g_str_equal (tag, "official") ? 1 : 2;
      for (guint k = start; k < end && k < run->n; k++)
        run->cover[k] |= bit;
    }
  return run->cands->len - 1;
}

char *
suggest_substring (Run  *run,
           guint start,
           guint end)
{
  return g_ucs4_to_utf8 (run->u + start, end - start, NULL, NULL, NULL);
}

/* Whether [start, end) overlaps a name already found (persons and
 * officials), or, for other tags, a span already found from the corpus.
 * A byte per code point keeps this linear. */
gboolean
suggest_overlaps_tag (Run        *run,
              const char *tag,
              guint       start,
              guint       end)
{
  guint8 bit = tag == NULL || g_str_equal (tag, "person") || g_str_equal (tag, "official") ? 1 : 2;

  for (guint k = start; k < end && k < run->n; k++)
    if (run->cover[k] & bit)
      return TRUE;
  return FALSE;
}

/* Whether the first word of a name, up to @end (its first space), is
 * a Latin given name: a capital, then letters, hyphens or apostrophes. */
static gboolean
en_given_word (const char *word,
               const char *end)
{
  if (end == NULL || !g_ascii_isupper (word[0]))
    return FALSE;
  for (const char *p = word; p < end; p++)
    if (!g_ascii_isalpha (*p) && *p != '-' && *p != '\'')
      return FALSE;
  return TRUE;
}

/* Whether @name, a Latin name of two words or more, names someone else
 * than @e of the same key: both names whole, their first words given
 * names that differ (Erik Lindahl, Karin Lindahl; not Erik J. Lindahl,
 * nor a word before the name read into it: Later Kim Hana). */
static gboolean
en_other_given_name (const Entity *e,
                     const char   *name)
{
  const char *a = e->name, *b = name;
  const char *sa = strchr (a, ' '), *sb = strchr (b, ' ');

  if (!en_given_word (a, sa) || !en_given_word (b, sb))
    return FALSE;
  /* Later Kim Hana is Kim Hana: one name ends the other, word for word */
  {
    size_t la = strlen (a), lb = strlen (b);
    const char *longer = la > lb ? a : b, *shorter = la > lb ? b : a;
    size_t ll = MAX (la, lb), ls = MIN (la, lb);

    if (ll > ls && longer[ll - ls - 1] == ' ' && strcmp (longer + ll - ls, shorter) == 0)
      return FALSE;
  }
  return sa - a != sb - b || strncmp (a, b, sa - a) != 0;
}

int
suggest_entity_for_name (Run        *run,
                 const char *key,
                 const char *name,
                 const char *tag,
                 guint       cand)
{
  /* By key through a table, not a walk of every entity: a text with
   * thousands of unnamed speakers (each an entity of its own) made that
   * walk quadratic. */
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (run->entity_keys, key));
  Entity *e;

  /* Karin Lindahl is not Erik Lindahl: two full names of one surname
   * (a family, two unrelated Parks) are two people. The second is keyed by
   * its whole name, under which it is found again. */
  if (found > 0 && name != NULL && !g_str_equal (name, key) && en_other_given_name (run->entities->pdata[found - 1], name))
    {
      found = GPOINTER_TO_UINT (g_hash_table_lookup (run->entity_keys, name));
      if (found == 0)
        key = name;
    }
  if (found > 0)
    {
      e = run->entities->pdata[found - 1];
      if (g_str_equal (tag, "official"))
        e->tag = "official";
      return (int) found - 1;
    }
  e = g_new0 (Entity, 1);
  e->key = g_strdup (key);
  e->name = g_strdup (name != NULL ? name : key);
  e->tag = tag;
  e->first = (int) cand;
  g_ptr_array_add (run->entities, e);
  g_hash_table_insert (run->entity_keys, e->key, GUINT_TO_POINTER (run->entities->len));
  return (int) run->entities->len - 1;
}

int
suggest_entity_for (Run        *run,
            const char *key,
            const char *tag,
            guint       cand)
{
  return suggest_entity_for_name (run, key, NULL, tag, cand);
}

/* A candidate for [@start, @end) and its entity, keyed by the text it
 * covers: the same name anywhere in the text is one person (or official,
 * or organization).  Returns the candidate's index. */
guint
suggest_add_named (Run        *run,
                   const char *tag,
                   guint       start,
                   guint       end,
                   const char *rule,
                   double      confidence)
{
  g_autofree char *key = suggest_substring (run, start, end);
  guint c = suggest_add_cand (run, tag, start, end, rule, confidence);

  suggest_cand_at (run, c)->entity = suggest_entity_for (run, key, tag, c);
  return c;
}

gboolean
suggest_is_name_separator (gunichar c)
{
  /* ·, •, ‧ and the "?" a lossy conversion leaves in their place. */
  return c == 0x00B7 || c == 0x2022 || c == 0x2027 || c == 0x30FB || c == 0xFF0E || c == '?';
}

gboolean
suggest_is_clause_punct (gunichar c)
{
  return c == 0xFF0C || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
         c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == 0x2026;
}

gboolean
suggest_is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n';
}

gboolean
suggest_is_opener (gunichar c)
{
  return c == 0x201C || c == 0x300C || c == 0x300E;
}

gboolean
suggest_quote_has_clause (Run         *run,
                  const Quote *q)
{
  guint depth = 0;

  for (guint i = q->open + 1; i < q->close; i++)
    {
      gunichar c = run->u[i];
      if (c == 0x2018 || c == 0x300E)
        depth++;
      else if ((c == 0x2019 && depth > 0) || c == 0x300F)
        depth = depth > 0 ? depth - 1 : 0;
      else if (depth == 0 && suggest_is_clause_punct (c) && !(c == '.' && i + 1 < q->close && g_unichar_isdigit (run->u[i + 1])))
        return TRUE;
    }
  return FALSE;
}

/* Whether the word of code points at @k (letters and apostrophes, a whole
 * word: no letter before it) is in @wl; its length in *@len either way. */
gboolean
suggest_en_listed_word_at (Run            *run,
                           guint           k,
                           const WordList *wl,
                           guint          *len)
{
  guint e = k;

  while (e < run->n && (g_unichar_isalpha (run->u[e]) || run->u[e] == '\'' || run->u[e] == 0x2019))
    e++;
  *len = e - k;
  return e > k && (k == 0 || !g_unichar_isalpha (run->u[k - 1])) && suggest_word_list_has (wl, run->u + k, e - k);
}

/* Whether "the " or "The ", a whole word, ends right before @k (the union
 * said, said the company). */
gboolean
suggest_en_the_before (Run   *run,
                       guint  k)
{
  return suggest_en_ends_with (run, k, "the ") || suggest_en_ends_with (run, k, "The ");
}
