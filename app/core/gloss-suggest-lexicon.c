/* gloss-suggest-lexicon.c: the suggestion rules' word lists, read from
 * resources/core/suggest-{zh,en}.json, and the patterns built from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <opencc.h>

#include "gloss-resources.h"
#include "gloss-suggest-private.h"

/* ------------------------------------------------------------------ */
/* Word lists                                                           */

static void
word_list_init (WordList *wl)
{
  wl->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  wl->firsts = g_hash_table_new (NULL, NULL);
  wl->lasts = g_hash_table_new (NULL, NULL);
  wl->max_len = 0;
  wl->lengths = 0;
}

void
suggest_word_list_clear (WordList *wl)
{
  g_clear_pointer (&wl->words, g_hash_table_unref);
  g_clear_pointer (&wl->firsts, g_hash_table_unref);
  g_clear_pointer (&wl->lasts, g_hash_table_unref);
}

static void
word_list_add (WordList   *wl,
               const char *word)
{
  glong len = g_utf8_strlen (word, -1);
  gunichar last;

  if (len == 0 || len > MAX_WORD || !g_utf8_validate (word, -1, NULL))
    return;
  last = g_utf8_get_char (g_utf8_offset_to_pointer (word, len - 1));
  /* Never g_hash_table_add() a word that is there: it would free the key
   * held, which word_list_add_traditional() is still reading (a list with
   * both 师傅 and 師傅). */
  if (!g_hash_table_contains (wl->words, word))
    g_hash_table_add (wl->words, g_strdup (word));
  g_hash_table_add (wl->firsts, GUINT_TO_POINTER (g_utf8_get_char (word)));
  g_hash_table_add (wl->lasts, GUINT_TO_POINTER (last));
  wl->max_len = MAX (wl->max_len, (guint) len);
  wl->lengths |= 1u << len;
}

gboolean
suggest_word_list_has (const WordList *wl,
               const gunichar *u,
               guint           len)
{
  char buf[MAX_WORD * 6 + 1];
  char *p = buf;

  if (len == 0 || len > MAX_WORD || !(wl->lengths & (1u << len)))
    return FALSE;
  for (guint i = 0; i < len; i++)
    p += g_unichar_to_utf8 (u[i], p);
  *p = '\0';
  return g_hash_table_contains (wl->words, buf);
}

/* Length of the longest word starting at @i, 0 if none. */
guint
suggest_word_list_match_at (const WordList *wl,
                    const gunichar *u,
                    guint           n,
                    guint           i)
{
  if (i >= n || !g_hash_table_contains (wl->firsts, GUINT_TO_POINTER (u[i])))
    return 0;
  for (guint len = MIN (wl->max_len, n - i); len > 0; len--)
    if ((wl->lengths & (1u << len)) && suggest_word_list_has (wl, u + i, len))
      return len;
  return 0;
}

/* Whether a word of @wl starts in [a, b) and ends by @b. */
gboolean
suggest_word_list_inside (const WordList *wl,
                          const gunichar *u,
                          guint           a,
                          guint           b)
{
  for (guint k = a; k < b; k++)
    if (suggest_word_list_match_at (wl, u, b, k) > 0)
      return TRUE;
  return FALSE;
}

/* Length of the longest word ending just before @end, not starting before @lo. */
guint
suggest_word_list_match_before (const WordList *wl,
                        const gunichar *u,
                        guint           lo,
                        guint           end)
{
  if (end <= lo || !g_hash_table_contains (wl->lasts, GUINT_TO_POINTER (u[end - 1])))
    return 0;
  for (guint len = MIN (wl->max_len, end - lo); len > 0; len--)
    if ((wl->lengths & (1u << len)) && suggest_word_list_has (wl, u + end - len, len))
      return len;
  return 0;
}

static void
word_list_load (WordList   *wl,
                JsonObject *lexicon,
                const char *member)
{
  JsonNode *node;

  word_list_init (wl);
  node = json_object_get_member (lexicon, member);
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *word = json_array_get_string_element (array, i);
          if (word != NULL)
            word_list_add (wl, word);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      /* A string is a set of single characters (surnames, stop characters). */
      for (const char *p = json_node_get_string (node); *p != '\0'; p = g_utf8_next_char (p))
        {
          char buf[7] = { 0 };
          g_unichar_to_utf8 (g_utf8_get_char (p), buf);
          word_list_add (wl, buf);
        }
    }
}

gboolean
suggest_char_in (const WordList *wl,
         gunichar        c)
{
  return g_hash_table_contains (wl->firsts, GUINT_TO_POINTER (c)) && suggest_word_list_has (wl, &c, 1);
}

void
suggest_known_free (gpointer data)
{
  Known *k = data;

  g_free (k->tag);
  g_free (k->text);
  g_clear_pointer (&k->attributes, json_object_unref);
  g_free (k);
}

static JsonObject *
load_lexicon (const char *language)
{
  g_autofree char *path = g_strdup_printf (LEXICON_RESOURCE, language);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  gloss_resources_ensure ();
  bytes = g_resources_lookup_data (path, 0, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      /* The lexicons are compiled in: failing here is a build error. */
      g_critical ("%s: %s", path, error->message);
      return json_object_new ();
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_critical ("%s: not a JSON object", path);
      return json_object_new ();
    }
  return json_object_ref (json_node_get_object (root));
}

/* "President|Prime Minister|…", longest first so that the regex prefers them. */
static int
by_length_desc (gconstpointer a,
                gconstpointer b)
{
  const char *sa = *(const char * const *) a;
  const char *sb = *(const char * const *) b;
  return (int) strlen (sb) - (int) strlen (sa);
}

static char *
alternation (const WordList *wl)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  GString *out = g_string_new (NULL);

  g_hash_table_iter_init (&iter, wl->words);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (words, key);
  g_ptr_array_sort (words, by_length_desc);
  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (words->pdata[i], -1);
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, escaped);
    }
  return g_string_free (out, FALSE);
}

static GRegex *
compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  if (re == NULL)
    g_critical ("suggestion pattern: %s", error->message);
  return re;
}

void
suggest_load_en (EnLexicon *en)
{
  g_autoptr(JsonObject) lex = load_lexicon ("en");
  g_autofree char *titles = NULL, *verbs = NULL, *honorifics = NULL, *units = NULL;
  g_autofree char *numbers = NULL, *programs = NULL;
  g_autofree char *pattern = NULL;

  word_list_load (&en->verbs, lex, "speech_verbs");
  word_list_load (&en->titles, lex, "titles");
  word_list_load (&en->honorifics, lex, "honorifics");
  word_list_load (&en->roles, lex, "role_nouns");
  word_list_load (&en->pronouns, lex, "pronouns");
  word_list_load (&en->not_names, lex, "not_names");
  word_list_load (&en->program_suffixes, lex, "program_suffixes");
  word_list_load (&en->units, lex, "units");
  word_list_load (&en->time_units, lex, "time_units");
  word_list_load (&en->number_words, lex, "number_words");
  word_list_load (&en->counted_nouns, lex, "counted_nouns");
  word_list_load (&en->months, lex, "months");
  word_list_load (&en->appositive_official, lex, "appositive_official_roles");
  word_list_load (&en->title_modifiers, lex, "title_modifiers");
  word_list_load (&en->title_org_words, lex, "title_org_words");
  word_list_load (&en->female_names, lex, "female_given_names");
  word_list_load (&en->male_names, lex, "male_given_names");
  word_list_load (&en->female_pronoun_names, lex, "female_names_for_pronouns");
  word_list_load (&en->male_pronoun_names, lex, "male_names_for_pronouns");
  word_list_load (&en->relations, lex, "relation_nouns");
  {
    /* “…,” elmo666 told me / “…,” wrote user harbor_rat77: a user name
     * (digits, an underscore, an @, or CamelCase) in the speaker's place. */
    WordList cues;
    g_autofree char *said = alternation (&en->verbs);

    word_list_load (&cues, lex, "handle_cues");
    en->handle_cues = alternation (&cues);
    suggest_word_list_clear (&cues);
    pattern = g_strdup_printf ("(?:[,?!][”\"][ ](" HANDLE ")[ ](?:%s)\\b|[”\"],?[ ](?:%s)[ ](?:(?:%s)[ ])?(" HANDLE ")(?![\\w@]))",
                               said, said, en->handle_cues);
    en->handle_said_re = compile (pattern);
    g_clear_pointer (&pattern, g_free);
  }
  {
    g_autofree char *female = alternation (&en->female_names);
    g_autofree char *male = alternation (&en->male_names);
    g_autofree char *said = alternation (&en->verbs);

    pattern = g_strdup_printf ("\\b(?:%s|%s)[ ]" NAME_TOKEN "(?:[ ]" NAME_TOKEN ")?\\b", female, male);
    en->given_name_re = compile (pattern);
    g_clear_pointer (&pattern, g_free);
    en->who_name_re = compile ("\\b(" NAME_TOKEN "(?:[ ]" NAME_TOKEN "){1,2}),[ ]who(?:se)?[ ]");
    en->nickname_name_re = compile ("\\b" NAME_TOKEN "[ ](?:“" NAME_TOKEN "”|\"" NAME_TOKEN "\"|‘" NAME_TOKEN "’)[ ]" NAME_TOKEN "(?:[ ]" NAME_TOKEN ")?\\b");
    pattern = g_strdup_printf ("[”\"][ ](?:%s)[ ](?:[a-z]|" NAME_TOKEN "['’]s[ ])[^,.;:\\n“”\"]{2,60},[ ](" NAME_TOKEN "(?:[ ]" NAME_TOKEN "){1,2})\\b", said);
    en->said_description_re = compile (pattern);
    g_clear_pointer (&pattern, g_free);
  }

  titles = alternation (&en->titles);
  verbs = alternation (&en->verbs);
  honorifics = alternation (&en->honorifics);
  units = alternation (&en->units);
  numbers = alternation (&en->number_words);
  programs = alternation (&en->program_suffixes);

  /* [Org words] TITLE Name: "Israeli Prime Minister Benjamin Netanyahu",
   * "White House press secretary Josh Earnest". */
  {
    /* Lowercase words of the office before its title: "opposition leader
     * Morgan Tsvangirai", "former security chief Emmerson Mnangagwa". */
    g_autofree char *modifiers = alternation (&en->title_modifiers);
    /* Starting only where a word starts keeps the optional words cheap. */
    pattern = g_strdup_printf ("(?<![\\w.-])(?=[A-Za-z])((?:\\b[A-Z][A-Za-z.-]*[ ]){0,3}?(?:\\b(?:%s)[ ]){0,3}?)\\b(%s)[ ](" NAME ")\\b", modifiers, titles);
    en->official_re = compile (pattern);
    g_free (pattern);
  }
  pattern = g_strdup_printf ("\\b(?:%s),?[ ](" NAME ")\\b", verbs);
  en->said_name_re = compile (pattern);
  g_free (pattern);
  pattern = g_strdup_printf ("\\b(" NAME "),?[ ](?:%s)\\b", verbs);
  en->name_said_re = compile (pattern);
  g_free (pattern);
  /* "Lena Fischer, one of the plan's critics, said" and "Priya Nandakumar,
   * 34, who sells fish, told": a sentence's subject, an appositive between. */
  pattern = g_strdup_printf ("(?m)(?:^|(?<=[.!?][ ]))(" NAME "),[ ][^\\n.;:“”\"]{1,120}?,[ ](?:%s)\\b", verbs);
  en->subject_said_re = compile (pattern);
  g_free (pattern);
  /* "Pellegrini, 78, was born" and "Ada Moss, 9, who": an age between
   * commas after a name is said of persons only (a surname alone counts
   * where the text names them in full). */
  en->age_name_re = compile ("\\b(" NAME "),[ ](?:1[01][0-9]|[1-9][0-9]?),[ ](?![0-9])");
  pattern = g_strdup_printf ("\\b(?:%s)[ ](" NAME ")\\b", honorifics);
  en->honorific_re = compile (pattern);
  g_free (pattern);
  {
    /* "the French engineer Georges Claude", "artist Lisa Schulte" */
    g_autofree char *roles = NULL;
    word_list_load (&en->roles_before_name, lex, "roles_before_name");
    roles = alternation (&en->roles_before_name);
    pattern = g_strdup_printf ("\\b(?i:%s)[ ](" NAME ")\\b", roles);
    en->role_name_re = compile (pattern);
    g_free (pattern);
  }
  {
    g_autofree char *appositive = alternation (&en->appositive_official);
    g_autofree char *roles = alternation (&en->roles);
    g_autofree char *relations = alternation (&en->relations);
    /* "Ajmi Lourimi, a member of Ennahda’s general secretariat," and
     * "The leader of Ennahda, Rachid Ghannouchi," */
    pattern = g_strdup_printf ("\\b(" NAME "),[ ](?:a|an|the)[ ](?:[\\w’'-]+[ ]){0,2}?(%s)\\b"
                               "|\\b(?:the|The)[ ](%s)[ ]of[ ](?:the[ ])?([A-Z][\\w’'-]*(?:[ ][A-Z][\\w’'-]*){0,3}),[ ](" NAME "),"
                               /* "the governor, Ann Wells," "A city spokeswoman, Laura Chen,"
                                * "Brightwell's chief executive, Laura Whitfield," */
                               "|\\b(?:the|The|a|A|an|An|[A-Z][\\w-]*['’]s)[ ](?:[a-z][\\w’'-]*[ ]){0,2}?(%s),[ ](" NAME ")(?=[,.])",
                               appositive, appositive, appositive);
    en->appositive_official_re = compile (pattern);
    g_free (pattern);
    /* "Amelia Hart, a hydrologist" and "The priest, Fidelis Mukonori,"
     * (or "Nwankwo's deputy, Kwame Asante," "her lawyer, Ana Ruiz,", and
     * a relation: "Their mother, Karin Lindahl," "his late wife, Ana,") */
    pattern = g_strdup_printf ("\\b(" NAME "),[ ](?:a|an|the)[ ](?:[\\w’'-]+[ ]){0,2}?(?:%s)\\b"
                               "|\\b(?:the|The|his|His|her|Her|their|Their|its|Its|[A-Z][\\w-]*['’]s)[ ](?:late[ ])?(?:%s|%s),[ ](" NAME "),",
                               roles, roles, relations);
    en->appositive_role_re = compile (pattern);
    g_free (pattern);
    /* The lines after an article: "Erin Park is a reporter at …", "Li
     * Wen contributed to this report". Not a photo's credit (Dan Hope /
     * AP): it sits between paragraphs of speech and would take their
     * quotes. */
    pattern = g_strdup_printf ("(?m)(?|^(" NAME ")[ ](?:is|was)[ ](?:a|an|the)[ ](?:[\\w’'-]+[ ]){0,3}?(?:%s)\\b"
                               "|^(" NAME ")[ ](?:contributed|covers|writes|reported)\\b)", roles);
    en->byline_re = compile (pattern);
    g_free (pattern);
  }
  {
    /* "A county spokesman", "a senior aide", "The town clerk", "a Cullman
     * County fire department spokesman": an article, up to four words that
     * are no article, preposition or conjunction (not "the report by an
     * official"), a role noun of someone the text does not name. */
    g_autofree char *unnamed = NULL;
    word_list_load (&en->unnamed_roles, lex, "unnamed_roles");
    word_list_load (&en->unnamed_office_roles, lex, "unnamed_office_roles");
    word_list_load (&en->government_words, lex, "government_words");
    unnamed = alternation (&en->unnamed_roles);
    pattern = g_strdup_printf ("(?<![\\w’'.-])(?:A|An|The|a|an|the)[ ]"
                               "(?:(?!(?:a|an|the|and|or|of|for|by|to|in|on|at|with|from|as|who|that)[ ])[\\w’'-]+[ ]){0,4}?"
                               "(%s)\\b(?![-’'])", unnamed);
    en->unnamed_role_re = compile (pattern);
    g_free (pattern);
    /* "One product designer in the Denver office, who …", "Another nurse,
     * who asked not to be named": one of many, by any role noun. */
    {
      g_autofree char *roles = alternation (&en->roles);
      pattern = g_strdup_printf ("(?<![\\w’'.-])(?:One|one|Another|another)[ ]"
                                 "(?:(?!(?:a|an|the|and|or|of|for|by|to|in|on|at|with|from|as|who|that)[ ])[\\w’'-]+[ ]){0,3}?"
                                 "(%s|%s)\\b(?![-’'])", unnamed, roles);
      en->unnamed_one_re = compile (pattern);
      g_free (pattern);
    }
  }
  word_list_load (&en->executive_titles, lex, "executive_titles");
  word_list_load (&en->name_said_objects, lex, "name_said_objects");
  /* Who wrote it: a byline ("By Priya Raman and Tom Eckert", alone on its
   * line or before ", Health Correspondent") and a wire story's credits
   * ("(Reporting by Anna Kowalczyk; Editing by Mark Heinrich)"). */
  en->credit_re = compile ("(?m)(?:^By|\\b(?:Reporting|Writing|Editing|Additional[ ]reporting|additional[ ]reporting)[ ]by)[ ]"
                           "(" NAME ")(?:[ ]and[ ](" NAME "))?(?=[ ]*$|[,;)])");
  /* A number not glued to letters, slashes or colons (9/11, 10:30, 1st);
   * money in dollars, pounds, euros or yen, with m/bn glued (£40m, €2.5bn). */
  pattern = g_strdup_printf ("([$£€¥])?(?<![\\w./:-])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?<sfx>(?:bn|m|tn|k)(?!\\w))?(?![\\w/:]|\\.\\d)"
                             "((?:[ ]?%%|[ ](?:%s))*)", units);
  en->number_re = compile (pattern);
  g_free (pattern);
  pattern = g_strdup_printf ("(?i)\\b(?:%s)\\b", numbers);
  en->word_number_re = compile (pattern);
  g_free (pattern);
  {
    /* A share or a count in words (suggest_en_statistics): "19 of the
     * 26", "six of their previous seven", "two of the men", "28 of 30
     * shots"; "one in five workers"; "a third" before "of" or a stop;
     * "half a mile"; "12-unit", "six-story". */
    g_autofree char *fractions = NULL, *half = NULL, *hyphen = NULL;
    word_list_load (&en->fractions, lex, "fractions");
    word_list_load (&en->half_units, lex, "half_units");
    word_list_load (&en->hyphen_units, lex, "hyphen_units");
    word_list_load (&en->number_labels, lex, "number_labels");
    fractions = alternation (&en->fractions);
    half = alternation (&en->half_units);
    hyphen = alternation (&en->hyphen_units);
#define EN_COUNT "(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?i:%s))"
    pattern = g_strdup_printf ("(?<![\\w.,$£€-])(?:(" EN_COUNT ")[ ]of[ ]"
                               "|([Oo]ne[ ]in[ ])(" EN_COUNT ")\\b"
                               "|((?:[Aa]|[Oo]ne)[ ](?:%s))(?=[ ]of\\b|[.,;:)])"
                               "|([Hh]alf[ ]an?[ ](?:%s))\\b"
                               "|(" EN_COUNT "-(?:%s))\\b(?!-))",
                               numbers, numbers, fractions, half, numbers, hyphen);
#undef EN_COUNT
    en->share_re = compile (pattern);
    /* A score, two counts joined by a hyphen or a dash, where the text
     * counts it as one: "a 5-4 win", "won 3-2", "tied it 3-3", a record in
     * parentheses "(11-6, 3.41 ERA)"; not a vote's tally nor a final score
     * after a team's name, which the labelled sets disagree on; not one
     * link of a longer chain (a telephone number, 2024-05-01), a year's
     * span (1990-91), money, a decimal or a label's (COVID-19). */
    en->score_re = compile ("(?:\\b(?:a|an|won|lost|tied|it)[ ]\\K\\d{1,3}[-–]\\d{1,3}|[(]\\K\\d{1,3}[-–]\\d{1,3}(?=[,)]))"
                            "(?![\\w/:]|[-–.,]\\d)");
    g_free (pattern);
  }
  pattern = g_strdup_printf ("\\b((?:the[ ])?(?:[A-Z][A-Za-z0-9-]*[ ]){1,5}(?:%s))\\b", programs);
  en->program_re = compile (pattern);
  g_free (pattern);
  {
    g_autofree char *orgs = NULL;
    word_list_load (&en->org_suffixes, lex, "org_suffixes");
    orgs = alternation (&en->org_suffixes);
    /* "the Brookings Institution", "Council on Foreign Relations",
     * "Northfield Institute": capitalised words around an institution word. */
    pattern = g_strdup_printf ("\\b((?:[A-Z][A-Za-z.&’'-]*[ ]){1,4}(?:%s)(?:[ ](?:of|on|for)[ ](?:the[ ])?[A-Z][A-Za-z-]*(?:[ ][A-Z][A-Za-z-]*){0,2})?)\\b", orgs);
    en->org_re = compile (pattern);
    g_clear_pointer (&pattern, g_free);
    /* Halcyra said in a statement, Northwind Logistics said in an emailed
     * statement: capitalised words saying something in writing. */
    en->org_statement_re = compile ("\\b((?:[A-Z][A-Za-z&’'-]*[ ]){0,3}[A-Z][A-Za-z&’'-]*)[ ](?:said|says|wrote|announced)[ ]in[ ]an?[ ]"
                                    "(?:[a-z]+[ ]){0,2}(?:statement|release|filing|memo|notice|letter)\\b");
    word_list_load (&en->org_nouns, lex, "organization_nouns");
  }
}

/* The Chinese lexicon is written in simplified characters; news from Hong
 * Kong and Taiwan is traditional (說, 認為, 局長, 陳). Each word is added
 * in its traditional forms too (OpenCC's s2t and s2hk, one code point for
 * one, so lengths hold), so one lexicon serves both scripts. */
static GMutex traditional_lock;

static void
word_list_add_traditional (WordList *wl)
{
  static opencc_t converters[2] = { (opencc_t) -1, (opencc_t) -1 };
  static gboolean tried;
  static GHashTable *cache;
  static const char *const configs[] = { "s2t.json", "s2hk.json" };
  g_autofree gpointer *words = NULL;
  guint n = 0;

  g_mutex_lock (&traditional_lock);
  if (!tried)
    {
      tried = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
        if ((converters[i] = opencc_open (configs[i])) == (opencc_t) -1)
          g_warning ("OpenCC's %s could not be opened (%s): suggestions know simplified Chinese words only",
                     configs[i], opencc_error ());
    }
  /* Converted once per process: every suggester loads the same lists. */
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  words = g_hash_table_get_keys_as_array (wl->words, &n);
  for (guint w = 0; w < n; w++)
    {
      char **forms = g_hash_table_lookup (cache, words[w]);

      if (forms == NULL)
        {
          GStrvBuilder *builder = g_strv_builder_new ();

          for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
            {
              char *out;

              if (converters[i] == (opencc_t) -1)
                continue;
              out = opencc_convert_utf8 (converters[i], words[w], strlen (words[w]));
              if (out == NULL)
                continue;
              if (g_utf8_strlen (out, -1) == g_utf8_strlen (words[w], -1) && !g_str_equal (out, words[w]))
                g_strv_builder_add (builder, out);
              opencc_convert_utf8_free (out);
            }
          forms = g_strv_builder_end (builder);
          g_strv_builder_unref (builder);
          g_hash_table_insert (cache, g_strdup (words[w]), forms);
        }
      for (guint f = 0; forms[f] != NULL; f++)
        word_list_add (wl, forms[f]);
    }
  g_mutex_unlock (&traditional_lock);
}

void
suggest_load_zh (ZhLexicon *zh)
{
  g_autoptr(JsonObject) lex = load_lexicon ("zh");

  word_list_load (&zh->verbs, lex, "speech_verbs");
  word_list_load (&zh->titles, lex, "titles");
  word_list_load (&zh->official_titles, lex, "official_titles");
  word_list_load (&zh->title_prefixes, lex, "title_prefixes");
  word_list_load (&zh->unnamed, lex, "unnamed_speakers");
  word_list_load (&zh->pronouns, lex, "pronouns");
  word_list_load (&zh->roles, lex, "roles");
  word_list_load (&zh->org_stops, lex, "org_stop_chars");
  word_list_load (&zh->org_suffixes, lex, "org_suffixes");
  word_list_load (&zh->surnames, lex, "surnames");
  word_list_load (&zh->compound_surnames, lex, "compound_surnames");
  word_list_load (&zh->not_given, lex, "not_given_names");
  word_list_load (&zh->given_in_two, lex, "given_in_two");
  word_list_load (&zh->name_followers, lex, "name_followers");
  word_list_load (&zh->program_verbs, lex, "program_verbs");
  word_list_load (&zh->program_suffixes, lex, "program_suffixes");
  word_list_load (&zh->program_after, lex, "program_after");
  word_list_load (&zh->units, lex, "units");
  word_list_load (&zh->big_numbers, lex, "big_numbers");
  word_list_load (&zh->approximators, lex, "approximators");
  word_list_load (&zh->not_before, lex, "not_statistic_before");
  word_list_load (&zh->not_after, lex, "not_statistic_after");
  word_list_load (&zh->half_units, lex, "half_units");
  word_list_load (&zh->transliteration, lex, "transliteration_chars");
  word_list_load (&zh->role_ends, lex, "role_end_chars");
  word_list_load (&zh->unnamed_quantifiers, lex, "unnamed_quantifiers");
  word_list_load (&zh->unnamed_roles, lex, "unnamed_roles");
  word_list_load (&zh->proverbs, lex, "proverb_intros");
  word_list_load (&zh->latin_units, lex, "latin_units");
  word_list_load (&zh->document_suffixes, lex, "document_suffixes");
  word_list_load (&zh->named_program_ends, lex, "named_program_ends");
  word_list_load (&zh->relations, lex, "relations");
  word_list_load (&zh->adverbials, lex, "speech_adverbials");
  word_list_load (&zh->credits, lex, "byline_credits");
  word_list_load (&zh->professions, lex, "professional_titles");
  word_list_load (&zh->soundbites, lex, "broadcast_soundbites");
  word_list_load (&zh->presenters, lex, "broadcast_presenters");
  word_list_load (&zh->company_documents, lex, "company_documents");
  word_list_load (&zh->action_starts, lex, "action_starts");
  word_list_load (&zh->topic_intros, lex, "topic_intros");
  word_list_load (&zh->object_verbs, lex, "object_verbs");
  word_list_load (&zh->party_roles, lex, "party_roles");
  word_list_load (&zh->office_lead_verbs, lex, "office_lead_verbs");
  word_list_load (&zh->name_honorifics, lex, "name_honorifics");
  word_list_load (&zh->kin_forms, lex, "kin_forms");
  word_list_load (&zh->place_suffixes, lex, "place_suffixes");
  word_list_load (&zh->measures_after_one, lex, "measures_after_one");
  word_list_load (&zh->described_not_name_ends, lex, "described_not_name_ends");
  {
    WordList *all[] = { ZH_LEXICON_LISTS (zh) };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      word_list_add_traditional (all[i]);
  }
}
