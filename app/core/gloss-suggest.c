/* gloss-suggest.c: rules that propose quotes, speakers, officials, persons,
 * programs and statistics over an article's canonical text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything works on the text's code points (offsets are code points
 * everywhere in Gloss). Every rule looks at a bounded window around a
 * position, so the whole run is linear in the length of the text: a 1 MB
 * paragraph or a thousand unbalanced quotation marks cost no more than
 * ordinary prose. The words the rules need (speech verbs, titles, units…)
 * come from resources/core/suggest-{zh,en}.json so that a researcher can
 * review and extend them without touching C.
 */
#include "config.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utypes.h>

#include "gloss-suggest.h"

#define LEXICON_RESOURCE "/org/gloss/Gloss/core/suggest-%s.json"
#define WINDOW_BEFORE 60   /* code points searched before a quotation mark */
#define WINDOW_AFTER 48    /* … and after it, for an attribution */
#define MAX_WORD 16        /* longest lexicon entry, in code points */

/* ------------------------------------------------------------------ */
/* Suggestions                                                          */

G_DEFINE_BOXED_TYPE (GlossSuggestion, gloss_suggestion, gloss_suggestion_copy, gloss_suggestion_free)

GlossSuggestion *
gloss_suggestion_copy (const GlossSuggestion *self)
{
  GlossSuggestion *copy = g_new0 (GlossSuggestion, 1);
  GHashTableIter iter;
  gpointer key, value;

  copy->id = g_strdup (self->id);
  copy->tag = g_strdup (self->tag);
  copy->start = self->start;
  copy->end = self->end;
  copy->rule = g_strdup (self->rule);
  copy->confidence = self->confidence;
  copy->entity = g_strdup (self->entity);
  copy->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, self->attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->attributes, g_strdup (key), g_strdup (value));
  return copy;
}

void
gloss_suggestion_free (GlossSuggestion *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->tag);
  g_free (self->rule);
  g_free (self->entity);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  g_free (self);
}

const char *
gloss_suggestion_get_attribute (const GlossSuggestion *self,
                                const char            *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->attributes, id);
}

/* ------------------------------------------------------------------ */
/* Word lists                                                           */

typedef struct
{
  GHashTable *words;   /* UTF-8 → itself */
  GHashTable *firsts;  /* first code point → 1 */
  GHashTable *lasts;   /* last code point → 1 */
  guint       max_len;
  guint32     lengths; /* bit n: some word has n code points */
} WordList;

static void
word_list_init (WordList *wl)
{
  wl->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  wl->firsts = g_hash_table_new (NULL, NULL);
  wl->lasts = g_hash_table_new (NULL, NULL);
  wl->max_len = 0;
  wl->lengths = 0;
}

static void
word_list_clear (WordList *wl)
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
  g_hash_table_add (wl->words, g_strdup (word));
  g_hash_table_add (wl->firsts, GUINT_TO_POINTER (g_utf8_get_char (word)));
  g_hash_table_add (wl->lasts, GUINT_TO_POINTER (last));
  wl->max_len = MAX (wl->max_len, (guint) len);
  wl->lengths |= 1u << len;
}

static gboolean
word_list_has (const WordList *wl,
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
static guint
word_list_match_at (const WordList *wl,
                    const gunichar *u,
                    guint           n,
                    guint           i)
{
  if (i >= n || !g_hash_table_contains (wl->firsts, GUINT_TO_POINTER (u[i])))
    return 0;
  for (guint len = MIN (wl->max_len, n - i); len > 0; len--)
    if ((wl->lengths & (1u << len)) && word_list_has (wl, u + i, len))
      return len;
  return 0;
}

/* Length of the longest word ending just before @end, not starting before @lo. */
static guint
word_list_match_before (const WordList *wl,
                        const gunichar *u,
                        guint           lo,
                        guint           end)
{
  if (end <= lo || !g_hash_table_contains (wl->lasts, GUINT_TO_POINTER (u[end - 1])))
    return 0;
  for (guint len = MIN (wl->max_len, end - lo); len > 0; len--)
    if ((wl->lengths & (1u << len)) && word_list_has (wl, u + end - len, len))
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

static gboolean
char_in (const WordList *wl,
         gunichar        c)
{
  return g_hash_table_contains (wl->firsts, GUINT_TO_POINTER (c)) && word_list_has (wl, &c, 1);
}

/* ------------------------------------------------------------------ */
/* The suggester                                                        */

typedef struct
{
  WordList verbs, titles, official_titles, title_prefixes, unnamed, pronouns, roles;
  WordList org_stops, surnames, compound_surnames, not_given, name_followers, org_suffixes;
  WordList program_verbs, program_suffixes, program_after, units, big_numbers, approximators;
  WordList not_before, not_after, transliteration;
} ZhLexicon;

typedef struct
{
  WordList verbs, titles, honorifics, roles, pronouns, not_names, program_suffixes;
  WordList units, time_units, number_words, counted_nouns, months, appositive_official;
  GRegex *official_re;
  GRegex *said_name_re;
  GRegex *name_said_re;
  GRegex *honorific_re;
  GRegex *appositive_official_re;
  GRegex *appositive_role_re;
  GRegex *number_re;
  GRegex *word_number_re;
  GRegex *program_re;
  GRegex *org_re;
  WordList org_suffixes;
} EnLexicon;

typedef struct
{
  char       *tag;
  char       *text;
  JsonObject *attributes;
} Known;

struct _GlossSuggester
{
  GObject    parent_instance;
  ZhLexicon  zh;
  EnLexicon  en;
  GPtrArray *known;    /* of Known */
};

G_DEFINE_FINAL_TYPE (GlossSuggester, gloss_suggester, G_TYPE_OBJECT)

static void
known_free (gpointer data)
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

#define NAME_TOKEN "(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\\.(?:[A-Z]\\.)*)"
#define NAME NAME_TOKEN "(?:[ ]" NAME_TOKEN "){0,3}"

static void
load_en (EnLexicon *en)
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

  titles = alternation (&en->titles);
  verbs = alternation (&en->verbs);
  honorifics = alternation (&en->honorifics);
  units = alternation (&en->units);
  numbers = alternation (&en->number_words);
  programs = alternation (&en->program_suffixes);

  /* [Org words] TITLE Name: "Israeli Prime Minister Benjamin Netanyahu",
   * "White House press secretary Josh Earnest". */
  pattern = g_strdup_printf ("((?:\\b[A-Z][A-Za-z.-]*[ ]){0,3}?)\\b(%s)[ ](" NAME ")\\b", titles);
  en->official_re = compile (pattern);
  g_free (pattern);
  pattern = g_strdup_printf ("\\b(?:%s),?[ ](" NAME ")\\b", verbs);
  en->said_name_re = compile (pattern);
  g_free (pattern);
  pattern = g_strdup_printf ("\\b(" NAME "),?[ ](?:%s)\\b", verbs);
  en->name_said_re = compile (pattern);
  g_free (pattern);
  pattern = g_strdup_printf ("\\b(?:%s)[ ](" NAME ")\\b", honorifics);
  en->honorific_re = compile (pattern);
  g_free (pattern);
  {
    g_autofree char *appositive = alternation (&en->appositive_official);
    g_autofree char *roles = alternation (&en->roles);
    /* "Ajmi Lourimi, a member of Ennahda’s general secretariat," and
     * "The leader of Ennahda, Rachid Ghannouchi," */
    pattern = g_strdup_printf ("\\b(" NAME "),[ ](?:a|an|the)[ ](?:[\\w’'-]+[ ]){0,2}?(%s)\\b"
                               "|\\b(?:the|The)[ ](%s)[ ]of[ ](?:the[ ])?([A-Z][\\w’'-]*(?:[ ][A-Z][\\w’'-]*){0,3}),[ ](" NAME "),",
                               appositive, appositive);
    en->appositive_official_re = compile (pattern);
    g_free (pattern);
    /* "Amelia Hart, a hydrologist" and "The priest, Fidelis Mukonori," */
    pattern = g_strdup_printf ("\\b(" NAME "),[ ](?:a|an|the)[ ](?:[\\w’'-]+[ ]){0,2}?(?:%s)\\b"
                               "|\\b(?:the|The)[ ](?:%s),[ ](" NAME "),", roles, roles);
    en->appositive_role_re = compile (pattern);
    g_free (pattern);
  }
  /* A number not glued to letters, slashes or colons (9/11, 10:30, 1st). */
  pattern = g_strdup_printf ("(\\$)?(?<![\\w./:-])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?![\\w/:]|\\.\\d)"
                             "((?:[ ]?%%|[ ](?:%s))*)", units);
  en->number_re = compile (pattern);
  g_free (pattern);
  pattern = g_strdup_printf ("(?i)\\b(?:%s)\\b", numbers);
  en->word_number_re = compile (pattern);
  g_free (pattern);
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
  }
}

static void
load_zh (ZhLexicon *zh)
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
  word_list_load (&zh->name_followers, lex, "name_followers");
  word_list_load (&zh->program_verbs, lex, "program_verbs");
  word_list_load (&zh->program_suffixes, lex, "program_suffixes");
  word_list_load (&zh->program_after, lex, "program_after");
  word_list_load (&zh->units, lex, "units");
  word_list_load (&zh->big_numbers, lex, "big_numbers");
  word_list_load (&zh->approximators, lex, "approximators");
  word_list_load (&zh->not_before, lex, "not_statistic_before");
  word_list_load (&zh->not_after, lex, "not_statistic_after");
  word_list_load (&zh->transliteration, lex, "transliteration_chars");
}

static void
gloss_suggester_finalize (GObject *object)
{
  GlossSuggester *self = GLOSS_SUGGESTER (object);
  WordList *zh_lists[] = {
    &self->zh.verbs, &self->zh.titles, &self->zh.official_titles, &self->zh.title_prefixes,
    &self->zh.unnamed, &self->zh.pronouns, &self->zh.roles, &self->zh.org_stops,
    &self->zh.surnames, &self->zh.compound_surnames, &self->zh.org_suffixes, &self->zh.not_given, &self->zh.name_followers,
    &self->zh.program_verbs, &self->zh.program_suffixes, &self->zh.program_after, &self->zh.units,
    &self->zh.big_numbers, &self->zh.approximators, &self->zh.not_before, &self->zh.not_after, &self->zh.transliteration,
    &self->en.verbs, &self->en.titles, &self->en.honorifics, &self->en.roles, &self->en.pronouns,
    &self->en.not_names, &self->en.program_suffixes, &self->en.units, &self->en.time_units,
    &self->en.number_words, &self->en.counted_nouns, &self->en.months, &self->en.appositive_official,
  };

  for (guint i = 0; i < G_N_ELEMENTS (zh_lists); i++)
    word_list_clear (zh_lists[i]);
  g_clear_pointer (&self->en.official_re, g_regex_unref);
  g_clear_pointer (&self->en.said_name_re, g_regex_unref);
  g_clear_pointer (&self->en.name_said_re, g_regex_unref);
  g_clear_pointer (&self->en.honorific_re, g_regex_unref);
  g_clear_pointer (&self->en.appositive_official_re, g_regex_unref);
  g_clear_pointer (&self->en.appositive_role_re, g_regex_unref);
  g_clear_pointer (&self->en.number_re, g_regex_unref);
  g_clear_pointer (&self->en.word_number_re, g_regex_unref);
  g_clear_pointer (&self->en.program_re, g_regex_unref);
  g_clear_pointer (&self->en.org_re, g_regex_unref);
  word_list_clear (&self->en.org_suffixes);
  g_clear_pointer (&self->known, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_suggester_parent_class)->finalize (object);
}

static void
gloss_suggester_class_init (GlossSuggesterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_suggester_finalize;
}

static void
gloss_suggester_init (GlossSuggester *self)
{
  load_zh (&self->zh);
  load_en (&self->en);
  self->known = g_ptr_array_new_with_free_func (known_free);
}

/**
 * gloss_suggester_new:
 *
 * Returns: (transfer full): a suggester with the built-in lexicons
 */
GlossSuggester *
gloss_suggester_new (void)
{
  return g_object_new (GLOSS_TYPE_SUGGESTER, NULL);
}

/**
 * gloss_suggester_add_known:
 * @tag: the tag a team gave @text
 * @text: the covered text (a program's name, a person's name…)
 * @attributes: (nullable): the annotation's attributes, copied to the suggestions
 *
 * Learning from the corpus: what a team tagged in other articles is
 * suggested wherever it occurs again.
 */
void
gloss_suggester_add_known (GlossSuggester *self,
                           const char     *tag,
                           const char     *text,
                           JsonObject     *attributes)
{
  Known *k;

  g_return_if_fail (GLOSS_IS_SUGGESTER (self));
  g_return_if_fail (tag != NULL && text != NULL);

  /* Quotes never recur; one-character names would match everywhere. */
  if (g_str_equal (tag, "quote") || g_utf8_strlen (text, -1) < 2 || g_utf8_strlen (text, -1) > 40)
    return;
  for (guint i = 0; i < self->known->len; i++)
    {
      Known *old = self->known->pdata[i];
      if (g_str_equal (old->tag, tag) && g_str_equal (old->text, text))
        return;
    }
  k = g_new0 (Known, 1);
  k->tag = g_strdup (tag);
  k->text = g_strdup (text);
  if (attributes != NULL)
    k->attributes = json_object_ref (attributes);
  g_ptr_array_add (self->known, k);
}

/**
 * gloss_suggester_add_known_from_sidecar:
 * @path: a `*.gloss.json` file
 *
 * Adds the annotations of a sidecar (another article's, or a colleague's)
 * as known names. Speaker links and other links are not copied.
 *
 * Returns: how many annotations were read
 */
guint
gloss_suggester_add_known_from_sidecar (GlossSuggester *self,
                                        const char     *path,
                                        GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *annotations;
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_SUGGESTER (self), 0);

  if (!json_parser_load_from_file (parser, path, error))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "annotations") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "annotations")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a Gloss sidecar", path);
      return 0;
    }
  annotations = json_object_get_array_member (json_node_get_object (root), "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonNode *node = json_array_get_element (annotations, i);
      JsonObject *a;
      const char *tag, *text;
      g_autoptr(JsonObject) attributes = json_object_new ();

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      a = json_node_get_object (node);
      tag = json_object_get_string_member_with_default (a, "tag", NULL);
      text = json_object_get_string_member_with_default (a, "text", NULL);
      if (tag == NULL || text == NULL)
        continue;
      if (json_object_has_member (a, "attributes") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (a, "attributes")))
        {
          JsonObject *from = json_object_get_object_member (a, "attributes");
          g_autoptr(GList) members = json_object_get_members (from);

          /* Text attributes (title, organization, unit) carry over; links do not. */
          for (GList *l = members; l != NULL; l = l->next)
            {
              JsonNode *value = json_object_get_member (from, l->data);
              if (!g_str_equal (l->data, "speaker") && JSON_NODE_HOLDS_VALUE (value) &&
                  json_node_get_value_type (value) == G_TYPE_STRING)
                json_object_set_string_member (attributes, l->data, json_node_get_string (value));
            }
        }
      gloss_suggester_add_known (self, tag, text, attributes);
      count++;
    }
  return count;
}

/* ------------------------------------------------------------------ */
/* One run over one text                                                */

typedef struct
{
  guint   start, end;
  const char *tag;
  const char *rule;
  double  confidence;
  char   *title, *organization, *role, *unit;
  int     entity;     /* persons and officials: index into Run.entities */
  int     speaker;    /* quotes: entity index, -1 none */
  gboolean dropped;
} Cand;

typedef struct
{
  char *key;          /* the name, as written */
  char *name;         /* the whole name (English: all its words) */
  const char *tag;    /* "official" or "person": the strongest seen */
  int   first;        /* the candidate that names them first */
} Entity;

typedef struct
{
  GlossSuggester *self;
  const char *text;
  gunichar   *u;
  guint       n;
  guint      *byte_to_cp;
  guint8     *word_start;  /* ICU word boundaries */
  guint8     *cover;       /* while finding names: 1 name, 2 corpus */
  GArray     *cands;       /* of Cand */
  GPtrArray  *entities;    /* of Entity */
  GArray     *mentions;    /* indices of person/official cands, sorted by start */
} Run;

static void
entity_free (gpointer data)
{
  Entity *e = data;
  g_free (e->key);
  g_free (e->name);
  g_free (e);
}

static Cand *
cand_at (Run  *run,
         guint i)
{
  return &g_array_index (run->cands, Cand, i);
}

static guint
add_cand (Run        *run,
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

static char *
substring (Run  *run,
           guint start,
           guint end)
{
  return g_ucs4_to_utf8 (run->u + start, end - start, NULL, NULL, NULL);
}

/* Whether [start, end) overlaps a name already found (persons and
 * officials), or, for other tags, a span already found from the corpus.
 * A byte per code point keeps this linear. */
static gboolean
overlaps_tag (Run        *run,
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

static int
entity_for_name (Run        *run,
                 const char *key,
                 const char *name,
                 const char *tag,
                 guint       cand)
{
  for (guint i = 0; i < run->entities->len; i++)
    {
      Entity *e = run->entities->pdata[i];
      if (g_str_equal (e->key, key))
        {
          if (g_str_equal (tag, "official"))
            e->tag = "official";
          return (int) i;
        }
    }
  {
    Entity *e = g_new0 (Entity, 1);
    e->key = g_strdup (key);
    e->name = g_strdup (name != NULL ? name : key);
    e->tag = tag;
    e->first = (int) cand;
    g_ptr_array_add (run->entities, e);
    return (int) run->entities->len - 1;
  }
}

static int
entity_for (Run        *run,
            const char *key,
            const char *tag,
            guint       cand)
{
  return entity_for_name (run, key, NULL, tag, cand);
}

/* The ideograph blocks, without a script table lookup per character. */
static inline gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

static gboolean
is_name_separator (gunichar c)
{
  /* ·, •, ‧ and the "?" a lossy conversion leaves in their place. */
  return c == 0x00B7 || c == 0x2022 || c == 0x2027 || c == 0x30FB || c == 0xFF0E || c == '?';
}

static gboolean
is_clause_punct (gunichar c)
{
  return c == 0xFF0C || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
         c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == 0x2026;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '\n';
}

/* ---------------- Chinese names ---------------- */

/* Length of a Chinese personal name starting at @i, 0 if none: a surname
 * and one or two given characters followed by a word that may follow a
 * name (a speech verb, punctuation…), or a transliterated name with a
 * middle dot (丹尼尔·霍特). */
static guint
zh_name_at (Run      *run,
            guint     i,
            gboolean  after_title)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;
  guint s;

  if (i >= n || !is_han (u[i]))
    return 0;

  /* Transliterated: Han run, separator, Han run (…). A "?" stands for a
   * lost middle dot only between short runs without particles. */
  {
    guint j = i;
    while (j < n && j - i < 8 && is_han (u[j]) && !char_in (&zh->org_stops, u[j]))
      j++;
    if (j > i && j < n && is_name_separator (u[j]) && j + 1 < n && is_han (u[j + 1]) &&
        (u[j] != '?' || j - i <= 4))
      {
        guint k = j + 1;
        /* A "?" is only a lost dot between characters of transliteration. */
        if (u[j] == '?')
          {
            for (guint t = i; t < j; t++)
              if (!char_in (&zh->transliteration, u[t]))
                return 0;
            for (guint t = j + 1; t < n && t < j + 3; t++)
              if (!char_in (&zh->transliteration, u[t]))
                return 0;
          }
        while (k < n && k - j < 9 && is_han (u[k]) && !char_in (&zh->org_stops, u[k]) &&
               !word_list_match_at (&zh->verbs, u, n, k))
          k++;
        if (k - j < 3)
          return 0;
        while (k + 1 < n && is_name_separator (u[k]) && is_han (u[k + 1]))
          {
            k++;
            while (k < n && is_han (u[k]) && !word_list_match_at (&zh->verbs, u, n, k))
              k++;
          }
        return k - i;
      }
  }

  s = word_list_match_at (&zh->compound_surnames, u, n, i);
  if (s == 0 && char_in (&zh->surnames, u[i]))
    s = 1;
  if (s == 0)
    return 0;
  for (guint given = 2; given >= 1; given--)
    {
      guint end = i + s + given;
      gboolean ok = end <= n;

      for (guint k = i + s; ok && k < end; k++)
        ok = is_han (u[k]) && !char_in (&zh->not_given, u[k]);
      if (!ok)
        continue;
      if (end == n || char_in (&zh->name_followers, u[end]) || word_list_match_at (&zh->verbs, u, n, end) ||
          g_unichar_isspace (u[end]) || u[end] == '(' || u[end] == 0xFF08)
        return s + given;
    }
  /* After a title most names have three characters (书记赵志超收到…). */
  if (after_title && s == 1 && i + 3 <= n && is_han (u[i + 1]) && is_han (u[i + 2]) &&
      !char_in (&zh->not_given, u[i + 1]) && !char_in (&zh->not_given, u[i + 2]))
    return 3;
  return 0;
}

static gboolean
zh_official_title (Run        *run,
                   const char *title)
{
  gunichar *t = g_utf8_to_ucs4_fast (title, -1, NULL);
  glong len = g_utf8_strlen (title, -1);
  gboolean official = FALSE;

  for (glong k = 0; k < len && !official; k++)
    official = word_list_match_at (&run->self->zh.official_titles, t, (guint) len, (guint) k) > 0;
  g_free (t);
  return official;
}

/* Officials and persons named with a title or role: ORG TITLE(、ORG TITLE)* NAME. */
static void
zh_titled_names (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i < n; i++)
    {
      guint tlen = word_list_match_at (&zh->titles, u, n, i);
      gboolean is_role = FALSE;
      guint name_at, name_len, start, title_start, org_start;
      gboolean official;

      if (tlen == 0)
        {
          tlen = word_list_match_at (&zh->roles, u, n, i);
          is_role = tlen > 0;
        }
      if (tlen == 0)
        continue;
      /* A longer title or role may start inside this one (党委书记 ⊃ 书记). */
      name_at = i + tlen;
      while (name_at < n && name_at - (i + tlen) < 1 && u[name_at] == ' ')
        name_at++;
      name_len = zh_name_at (run, name_at, TRUE);
      if (name_len == 0)
        {
          guint unnamed = word_list_match_at (&zh->unnamed, u, n, i);
          /* 相关负责人介绍: an official without a name, when they speak. */
          if (unnamed == 0 || unnamed != tlen || !word_list_match_at (&zh->verbs, u, n, i + tlen))
            {
              i += tlen - 1;
              continue;
            }
          name_at = i + tlen;
        }

      /* Titles with their prefixes (常务副部长), then the organization and
       * chained offices (局长、市快递行业党委书记) to the left. */
      title_start = i;
      while (title_start > 0)
        {
          guint p = word_list_match_before (&zh->title_prefixes, u, title_start > 4 ? title_start - 4 : 0, title_start);
          if (p == 0)
            break;
          title_start -= p;
        }
      org_start = title_start;
      while (org_start > 0 && i - org_start < 40)
        {
          gunichar c = u[org_start - 1];
          if (c == 0x3001 && org_start >= 2 &&
              word_list_match_before (&zh->titles, u, org_start > 12 ? org_start - 12 : 0, org_start - 1))
            {
              org_start--;
              continue;
            }
          if (char_in (&zh->org_stops, c) || !(is_han (c) || g_unichar_isalnum (c)))
            break;
          org_start--;
        }
      /* Not an organization: a verb or a particle glued before the title. */
      start = org_start;
      {
        g_autofree char *title = substring (run, title_start, i + tlen);
        g_autofree char *org = substring (run, start, title_start);
        g_autofree char *chain = substring (run, start, i + tlen);
        g_autofree char *key = NULL;
        guint c;

        official = !is_role && zh_official_title (run, chain);
        if (name_len > 0)
          key = substring (run, name_at, name_at + name_len);
        else
          key = substring (run, start, name_at);
        if (overlaps_tag (run, NULL, start, name_at + name_len))
          {
            i = name_at + name_len - 1;
            continue;
          }
        /* A person is the name, their role an attribute; an official is
         * the whole office and name. */
        c = add_cand (run, official ? "official" : "person", official || name_len == 0 ? start : name_at, name_at + name_len,
                      name_len == 0 ? "zh-unnamed-official" : official ? "zh-official-title" : "zh-person-role",
                      name_len == 0 ? 0.7 : official ? 0.85 : 0.75);
        if (official)
          {
            const char *sep = strstr (chain, "、");
            cand_at (run, c)->title = sep != NULL ? g_strndup (chain, sep - chain) : g_strdup (title);
            if (*org != '\0')
              cand_at (run, c)->organization = g_strdup (org);
          }
        else if (name_len > 0)
          cand_at (run, c)->role = substring (run, start, name_at);
        cand_at (run, c)->entity = entity_for (run, key, cand_at (run, c)->tag, c);
        if (name_len > 0 && !is_role && official && strstr (chain, "、") != NULL)
          {
            /* The title attribute takes the first office; the organization
             * is what precedes it. */
            const char *sep = strstr (chain, "、");
            g_autofree char *first = g_strndup (chain, sep - chain);
            guint k;
            g_clear_pointer (&cand_at (run, c)->organization, g_free);
            g_clear_pointer (&cand_at (run, c)->title, g_free);
            {
              glong flen;
              g_autofree gunichar *f = g_utf8_to_ucs4_fast (first, -1, &flen);
              guint at = 0;

              /* The first place where prefixes and a title run to the end. */
              for (at = 0; at < (guint) flen; at++)
                {
                  guint p = at, len;
                  while ((len = word_list_match_at (&zh->title_prefixes, f, (guint) flen, p)) > 0)
                    p += len;
                  if (word_list_has (&zh->titles, f + p, (guint) flen - p))
                    break;
                }
              k = (guint) (g_utf8_offset_to_pointer (first, at) - first);
            }
            cand_at (run, c)->organization = k > 0 ? g_strndup (first, k) : NULL;
            cand_at (run, c)->title = g_strdup (first + k);
          }
        i = name_at + name_len - 1;
      }
    }
}

/* Persons named right before a speech verb (”谢铭俊说, 的卢宇表示), and
 * transliterated names anywhere (巴兹·奥尔德林). */
static void
zh_plain_names (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i < n; i++)
    {
      guint len;
      gboolean boundary = i == 0 || !is_han (u[i - 1]) || u[i - 1] == 0x7684 /* 的 */ ||
                          char_in (&zh->org_stops, u[i - 1]);
      gboolean foreign;

      if (!is_han (u[i]) || !boundary)
        continue;
      len = zh_name_at (run, i, FALSE);
      if (len == 0)
        continue;
      foreign = FALSE;
      for (guint k = i; k < i + len; k++)
        foreign |= is_name_separator (u[k]);
      if (!foreign && !word_list_match_at (&zh->verbs, u, n, i + len))
        continue;
      if (!foreign && char_in (&zh->pronouns, u[i]))
        continue;
      if (overlaps_tag (run, "official", i, i + len) || overlaps_tag (run, "person", i, i + len))
        continue;
      {
        g_autofree char *key = substring (run, i, i + len);
        guint c = add_cand (run, "person", i, i + len, foreign ? "zh-person-foreign" : "zh-person-speaker",
                            foreign ? 0.7 : 0.75);
        cand_at (run, c)->entity = entity_for (run, key, "person", c);
      }
      i += len - 1;
    }
}

/* ---------------- English names ---------------- */

static guint
cp_of (Run *run,
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

static gboolean
en_is_not_name (Run        *run,
                const char *token)
{
  g_autofree gunichar *t = g_utf8_to_ucs4_fast (token, -1, NULL);
  return word_list_has (&run->self->en.not_names, t, (guint) g_utf8_strlen (token, -1));
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
  g_autoptr(GMatchInfo) m = NULL;
  int s, e;

  if (g_hash_table_contains (checked, surname) || en_is_not_name (run, surname))
    return FALSE;
  g_hash_table_add (checked, g_strdup (surname));
  escaped = g_regex_escape_string (surname, -1);
  pattern = g_strdup_printf ("\\b([A-Z][a-z]+[ ](?:[A-Z]\\.[ ])?%s)\\b", escaped);
  re = g_regex_new (pattern, 0, 0, NULL);
  if (re == NULL || !g_regex_match (re, run->text, 0, &m))
    return FALSE;
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      g_autofree char *first = g_match_info_fetch (m, 1);
      char *space = strchr (first, ' ');
      *space = '\0';
      if (en_is_not_name (run, first))
        continue;
      g_match_info_fetch_pos (m, 1, &s, &e);
      *start = cp_of (run, s);
      *end = cp_of (run, e);
      return TRUE;
    }
  return FALSE;
}

static void
en_names (Run *run)
{
  EnLexicon *en = &run->self->en;
  g_autoptr(GMatchInfo) m = NULL;
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Officials: [org words] TITLE Name. */
  g_regex_match (en->official_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
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
      for (guint k = 0; words[k] != NULL && *words[k] != '\0'; k++)
        {
          if (en_is_not_name (run, words[k]) && org->len == 0)
            {
              skip += strlen (words[k]) + 1;
              continue;
            }
          if (org->len > 0)
            g_string_append_c (org, ' ');
          g_string_append (org, words[k]);
        }
      key = last_token (name);
      c = add_cand (run, "official", cp_of (run, ps + (int) skip), cp_of (run, ne), "en-official-title", 0.85);
      cand_at (run, c)->title = g_strdup (title);
      if (org->len > 0)
        cand_at (run, c)->organization = g_strdup (org->str);
      cand_at (run, c)->entity = entity_for_name (run, key, name, "official", c);
      g_string_free (org, TRUE);
    }
  g_clear_pointer (&m, g_match_info_free);

  /* Appositives: an office after the name, or the name after the office. */
  g_regex_match (en->appositive_official_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ns, ne, ts, te;
      gboolean after = g_match_info_fetch_pos (m, 1, &ns, &ne) && ns >= 0;
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;
      g_autofree char *key = NULL;
      guint c;

      if (!after)
        g_match_info_fetch_pos (m, 5, &ns, &ne);
      name = g_strndup (run->text + ns, ne - ns);
      g_match_info_fetch_pos (m, after ? 2 : 3, &ts, &te);
      title = g_strndup (run->text + ts, te - ts);
      if (en_is_not_name (run, name) || overlaps_tag (run, NULL, cp_of (run, ns), cp_of (run, ne)))
        continue;
      key = last_token (name);
      c = add_cand (run, "official", cp_of (run, ns), cp_of (run, ne), "en-official-appositive", 0.75);
      cand_at (run, c)->title = g_steal_pointer (&title);
      if (!after)
        {
          int os, oe;
          g_match_info_fetch_pos (m, 4, &os, &oe);
          cand_at (run, c)->organization = g_strndup (run->text + os, oe - os);
        }
      cand_at (run, c)->entity = entity_for_name (run, key, name, "official", c);
    }
  g_clear_pointer (&m, g_match_info_free);

  g_regex_match (en->appositive_role_re, run->text, 0, &m);
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
          en_is_not_name (run, strrchr (name, ' ') + 1) || overlaps_tag (run, NULL, cp_of (run, ns), cp_of (run, ne)))
        continue;
      key = last_token (name);
      c = add_cand (run, "person", cp_of (run, ns), cp_of (run, ne), "en-person-appositive", 0.75);
      cand_at (run, c)->entity = entity_for_name (run, key, name, "person", c);
    }
  g_clear_pointer (&m, g_match_info_free);

  /* Persons: "said Martin Indyk", "Jon Sopel said", "Dr. Amelia Hart". */
  {
    GRegex *res[] = { en->said_name_re, en->name_said_re, en->honorific_re };
    const char *rules[] = { "en-said-name", "en-name-said", "en-honorific" };

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
            if (tokens[skip] == NULL || ns >= ne || en_is_not_name (run, tokens[g_strv_length (tokens) - 1]))
              continue;
            start = cp_of (run, ns);
            end = cp_of (run, ne);
            key = last_token (name);
            /* One word alone ("Bassi said") is a surname only when the
             * text names them in full somewhere ("skipper Wade Bassi"). */
            if (r != 2 && g_strv_length (tokens) - skip < 2)
              {
                guint fs, fe;
                if (!en_full_name (run, tokens[skip], checked, &fs, &fe))
                  continue;
                if (overlaps_tag (run, "official", fs, fe) || overlaps_tag (run, "person", fs, fe))
                  continue;
                c = add_cand (run, "person", fs, fe, "en-surname-said", 0.7);
                {
                  g_autofree char *full = substring (run, fs, fe);
                  cand_at (run, c)->entity = entity_for_name (run, key, full, "person", c);
                }
                continue;
              }
            if (overlaps_tag (run, "official", start, end) || overlaps_tag (run, "person", start, end))
              continue;
            c = add_cand (run, "person", start, end, rules[r], 0.75);
            cand_at (run, c)->entity = entity_for_name (run, key, name + (ns - name_start), "person", c);
          }
        g_clear_pointer (&m, g_match_info_free);
      }
  }
}

/* Keys searched in one pass over the text: the candidates for position i
 * are the keys that start with u[i]. Linear in the text for any number of
 * keys with different first characters. */
typedef struct
{
  gunichar *key;
  glong     len;
  gboolean  latin;
  gboolean  dotted;
  gboolean  alias;     /* one word of a longer English name */
  gboolean  whole;     /* the whole English name */
  int       index;
} Key;

static GHashTable *
keys_by_first (GArray *keys)
{
  GHashTable *by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  for (guint k = 0; k < keys->len; k++)
    {
      Key *key = &g_array_index (keys, Key, k);
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (key->key[0]));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_first, GUINT_TO_POINTER (key->key[0]), list);
        }
      g_array_append_val (list, k);
    }
  return by_first;
}

static void
key_clear (gpointer data)
{
  g_free (((Key *) data)->key);
}

static gboolean
key_matches (Run   *run,
             Key   *key,
             guint  i)
{
  if (i + (guint) key->len > run->n || memcmp (run->u + i, key->key, key->len * sizeof (gunichar)) != 0)
    return FALSE;
  if (key->latin && !run->word_start[i])
    return FALSE;
  /* ICU keeps "Netanyahu’s" in one word; the name still ends before ’s. */
  if (key->latin && !run->word_start[i + key->len] &&
      !(i + key->len + 1 < run->n && (run->u[i + key->len] == 0x2019 || run->u[i + key->len] == '\'') &&
        run->u[i + key->len + 1] == 's'))
    return FALSE;
  return TRUE;
}

/* Every later mention of a named person: the name (English: the surname;
 * a transliterated name: its last part) wherever it stands as a word. */
static void
later_mentions (Run *run)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GHashTable) by_first = NULL;

  g_array_set_clear_func (keys, key_clear);
  for (guint e = 0; e < run->entities->len; e++)
    {
      Entity *entity = run->entities->pdata[e];
      const char *dot = NULL;
      Key key = { 0 };

      /* Unnamed officials are one mention each. */
      if (g_strcmp0 (cand_at (run, entity->first)->rule, "zh-unnamed-official") == 0)
        continue;
      for (const char *p = entity->key; *p != '\0'; p = g_utf8_next_char (p))
        if (is_name_separator (g_utf8_get_char (p)))
          dot = p;
      key.key = g_utf8_to_ucs4_fast (dot != NULL ? g_utf8_next_char (dot) : entity->key, -1, &key.len);
      key.latin = key.len > 0 && g_unichar_isalpha (key.key[0]) && !is_han (key.key[0]);
      key.dotted = dot != NULL;
      key.index = (int) e;
      if (key.len < 2 || (key.latin && key.len < 3))
        {
          g_free (key.key);
          continue;
        }
      g_array_append_val (keys, key);
      /* "Lin Wenhua" is "Lin" later on: Chinese names come surname first.
       * The whole name is a key too, and the longest key wins. */
      if (key.latin && strchr (entity->name, ' ') != NULL)
        {
          g_auto(GStrv) words = g_strsplit (entity->name, " ", -1);
          Key whole = { 0 };

          whole.key = g_utf8_to_ucs4_fast (entity->name, -1, &whole.len);
          whole.latin = TRUE;
          whole.whole = TRUE;
          whole.index = (int) e;
          g_array_append_val (keys, whole);
          for (guint w = 0; words[w] != NULL; w++)
            {
              Key alias = { 0 };
              if (strlen (words[w]) < 3 || strchr (words[w], '.') != NULL || en_is_not_name (run, words[w]))
                continue;
              alias.key = g_utf8_to_ucs4_fast (words[w], -1, &alias.len);
              alias.latin = TRUE;
              alias.alias = TRUE;
              alias.index = (int) e;
              if (alias.len == key.len && memcmp (alias.key, key.key, key.len * sizeof (gunichar)) == 0)
                {
                  g_free (alias.key);
                  continue;
                }
              g_array_append_val (keys, alias);
            }
        }
    }
  by_first = keys_by_first (keys);

  for (guint i = 0; i < run->n; i++)
    {
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (run->u[i]));
      if (list == NULL)
        continue;
      {
        Key *key = NULL;
        Entity *entity;
        guint end, c;

        for (guint l = 0; l < list->len; l++)
          {
            Key *k = &g_array_index (keys, Key, g_array_index (list, guint, l));
            if (key_matches (run, k, i) && (key == NULL || k->len > key->len))
              key = k;
          }
        if (key == NULL)
          continue;
        entity = run->entities->pdata[key->index];
        end = i + (guint) key->len;
        {
          /* A Chinese name inside a longer word: 王府井 is not 王府. */
          if (!key->latin && !key->dotted && end < run->n && is_han (run->u[end]) &&
              !(i == 0 || !is_han (run->u[i - 1]) || char_in (&run->self->zh.org_stops, run->u[i - 1])) &&
              !char_in (&run->self->zh.name_followers, run->u[end]) &&
              !word_list_match_at (&run->self->zh.verbs, run->u, run->n, end))
            continue;
          if (overlaps_tag (run, "person", i, end))
            continue;
          /* "Heba Habib" is not "Habib Essid": a name word glued before. */
          if (key->latin && !key->whole && i >= 2 && run->u[i - 1] == ' ' && g_unichar_isupper (run->u[i - 2]) == FALSE &&
              g_unichar_isalpha (run->u[i - 2]))
            {
              guint w = i - 1;
              while (w > 0 && g_unichar_isalpha (run->u[w - 1]))
                w--;
              if (g_unichar_isupper (run->u[w]))
                {
                  g_autofree char *word = substring (run, w, i - 1);
                  if (!en_is_not_name (run, word) && !word_list_has (&run->self->en.honorifics, run->u + w, i - 1 - w) &&
                      !word_list_has (&run->self->en.titles, run->u + w, i - 1 - w))
                    continue;
                }
            }
          /* "the Obama administration" names a government, not the person. */
          if (key->latin && end + 15 <= run->n)
            {
              g_autofree char *next = substring (run, end, end + 15);
              if (g_str_equal (next, " administration"))
                continue;
            }
          c = add_cand (run, entity->tag, i, end, "mention", 0.7);
          cand_at (run, c)->entity = key->index;
          i = end - 1;
        }
      }
    }
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  Run *run = user_data;
  const Cand *ca = cand_at (run, *(const guint *) a);
  const Cand *cb = cand_at (run, *(const guint *) b);
  return ca->start < cb->start ? -1 : ca->start > cb->start ? 1 : 0;
}

static void
index_mentions (Run *run)
{
  run->mentions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < run->cands->len; i++)
    if (cand_at (run, i)->entity >= 0)
      g_array_append_val (run->mentions, i);
  g_array_sort_with_data (run->mentions, compare_mentions, run);
}

/* Index into run->mentions of the last mention starting before @pos, -1 if none. */
static int
mention_before (Run  *run,
                guint pos)
{
  int lo = 0, hi = (int) run->mentions->len - 1, found = -1;

  while (lo <= hi)
    {
      int mid = (lo + hi) / 2;
      if (cand_at (run, g_array_index (run->mentions, guint, mid))->start < pos)
        {
          found = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }
  return found;
}

/* The entity of the last mention inside [lo, hi), -1 if none. */
static int
entity_in (Run  *run,
           guint lo,
           guint hi)
{
  int m = mention_before (run, hi);

  for (; m >= 0; m--)
    {
      Cand *c = cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->start < lo)
        break;
      if (c->end <= hi)
        return c->entity;
    }
  return -1;
}

/* The entity of the nearest mention before @pos (a pronoun's antecedent). */
static int
entity_before (Run  *run,
               guint pos,
               guint max_distance)
{
  int m = mention_before (run, pos);

  for (; m >= 0; m--)
    {
      Cand *c = cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->end <= pos)
        return pos - c->end <= max_distance ? c->entity : -1;
    }
  return -1;
}

/* ---------------- Quotes ---------------- */

typedef struct
{
  guint open, close;      /* positions of the marks; close == end of paragraph when unclosed */
  guint par_start, par_end;
  gboolean unclosed;
} Quote;

static gboolean
is_opener (gunichar c)
{
  return c == 0x201C || c == 0x300C || c == 0x300E;
}

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
next_paragraph_opens (const gunichar *u,
                      guint           n,
                      guint           par_end)
{
  guint k = par_end;
  while (k < n && (u[k] == '\n' || u[k] == ' ' || u[k] == 0x3000))
    k++;
  return k < n && (u[k] == 0x201C || u[k] == '"');
}

/* Top-level pairs of quotation marks, paragraph by paragraph. A mark left
 * open at the end of its paragraph makes a quote to the paragraph's end only
 * when it opens the paragraph (the English convention for a quote that goes
 * on in the next paragraph); otherwise it is ignored. */
static GArray *
find_quotes (Run *run)
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
      for (guint i = par_start; i < par_end; i++)
        {
          gunichar c = u[i];
          if (!open && (is_opener (c) || c == '"'))
            {
              open = TRUE;
              want = closer_of (c);
              open_at = i;
            }
          else if (open && c == want)
            {
              Quote q = { open_at, i, par_start, par_end, FALSE };
              if (i > open_at + 1)
                g_array_append_val (quotes, q);
              open = FALSE;
            }
          else if (open && c != '"' && c == u[open_at])
            open_at = i;   /* unbalanced: the later mark opens */
        }
      if (open && par_end > open_at + 1 &&
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
quote_has_clause (Run         *run,
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
      else if (depth == 0 && is_clause_punct (c) && !(c == '.' && i + 1 < q->close && g_unichar_isdigit (run->u[i + 1])))
        return TRUE;
    }
  return FALSE;
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

/* Chinese attribution after the closing mark: ”深圳市邮政管理局局长黄燊说。
 * Returns the speaker entity (or -2 when a verb was found but no one), and
 * sets *verb_found. */
static int
zh_after (Run         *run,
          const Quote *q,
          gboolean    *verb_found,
          gboolean    *pronoun)
{
  ZhLexicon *zh = &run->self->zh;
  guint a = q->close + 1, b = a;
  guint v;

  *verb_found = FALSE;
  *pronoun = FALSE;
  if (q->unclosed)
    return -1;
  while (b < q->par_end && b - a < WINDOW_AFTER)
    {
      gunichar c = run->u[b];
      if (is_clause_punct (c) || c == 0xFF1A || c == ':' || is_opener (c))
        break;
      b++;
    }
  v = word_list_match_before (&zh->verbs, run->u, a, b);
  if (v == 0)
    {
      /* Not at the clause's end: a verb inside it (高登柱打开了话匣子 has none,
       * 黄民辉说道 has one). */
      for (guint k = a; k < b && v == 0; k++)
        if ((v = word_list_match_at (&zh->verbs, run->u, run->n, k)) > 0)
          b = k + v;
      if (v == 0)
        {
          /* A speaker right after the quote, without a verb: ”高登柱打开了话匣子，“ */
          int m = mention_before (run, a + 1);
          if (m >= 0)
            {
              Cand *c = cand_at (run, g_array_index (run->mentions, guint, m));
              if (c->start == a)
                return c->entity;
            }
          return -1;
        }
    }
  *verb_found = TRUE;
  {
    int e = entity_in (run, a, b - v);
    if (e >= 0)
      return e;
    for (guint k = a; k < b - v; k++)
      if (char_in (&zh->pronouns, run->u[k]) && k + 1 == b - v)
        {
          *pronoun = TRUE;
          return entity_before (run, q->open, 400);
        }
  }
  return -2;
}

/* Chinese attribution before the opening mark: 他说：“ 马素湘表示，“ 提出“ */
static int
zh_before (Run         *run,
           const Quote *q,
           gboolean    *verb_found,
           gboolean    *colon,
           gboolean    *pronoun)
{
  ZhLexicon *zh = &run->self->zh;
  guint b = q->open, a;
  guint v;
  gboolean comma = FALSE;

  *verb_found = FALSE;
  *colon = FALSE;
  *pronoun = FALSE;
  while (b > q->par_start && run->u[b - 1] == ' ')
    b--;
  if (b > q->par_start && (run->u[b - 1] == 0xFF1A || run->u[b - 1] == ':'))
    {
      *colon = TRUE;
      b--;
    }
  else if (b > q->par_start && (run->u[b - 1] == 0xFF0C || run->u[b - 1] == ','))
    {
      comma = TRUE;
      b--;
    }
  a = b;
  while (a > q->par_start && b - a < WINDOW_BEFORE)
    {
      gunichar c = run->u[a - 1];
      if (is_sentence_end (c) || c == 0x201D || c == 0x300D || c == 0x300F)
        break;
      a--;
    }
  v = word_list_match_before (&zh->verbs, run->u, a, b);
  if (v == 0)
    {
      /* 补充说，在测试中使用雪利酒“…” : a verb and a comma earlier in the sentence. */
      for (guint k = b; k > a && v == 0; k--)
        if ((run->u[k - 1] == 0xFF0C || run->u[k - 1] == ',') &&
            (v = word_list_match_before (&zh->verbs, run->u, a, k - 1)) > 0)
          b = k - 1;
      if (v == 0)
        return *colon || comma ? entity_in (run, a, b) : -1;
      *colon = FALSE;
    }
  *verb_found = TRUE;
  {
    int e = entity_in (run, a, b - v);
    if (e >= 0)
      return e;
    for (guint k = a; k < b - v; k++)
      if (char_in (&zh->pronouns, run->u[k]))
        {
          *pronoun = TRUE;
          return entity_before (run, k, 400);
        }
  }
  return -2;
}

/* English: the sentence around a quote, the verb in it and its subject. */
static gboolean
en_word_at (Run        *run,
            guint       i,
            const WordList *wl,
            guint      *len)
{
  guint k = i;
  while (k < run->n && (g_unichar_isalpha (run->u[k]) || run->u[k] == '\'' || run->u[k] == 0x2019))
    k++;
  *len = k - i;
  if (*len == 0 || (i > 0 && g_unichar_isalpha (run->u[i - 1])))
    return FALSE;
  if (word_list_has (wl, run->u + i, *len))
    return TRUE;
  /* "according to" */
  if (k + 3 < run->n && run->u[k] == ' ')
    {
      guint k2 = k + 1;
      while (k2 < run->n && g_unichar_isalpha (run->u[k2]))
        k2++;
      if (word_list_has (wl, run->u + i, k2 - i))
        {
          *len = k2 - i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Speaker of a speech verb at @verb in [lo, hi): "X said" (subject before),
 * "said X" (after), a pronoun, or "the president". */
static int
en_subject (Run     *run,
            guint    lo,
            guint    hi,
            guint    verb,
            guint    verb_len,
            gboolean *pronoun)
{
  EnLexicon *en = &run->self->en;
  int e;
  guint k = verb + verb_len;

  *pronoun = FALSE;
  /* said Martin Indyk / said the president */
  while (k < hi && (run->u[k] == ' ' || run->u[k] == ','))
    k++;
  {
    int m = mention_before (run, k + 1);
    if (m >= 0)
      {
        Cand *c = cand_at (run, g_array_index (run->mentions, guint, m));
        if (c->start == k)
          return c->entity;
      }
  }
  /* Name said / he said: the nearest mention or pronoun before the verb. */
  for (guint j = verb; j > lo && verb - j < 80; j--)
    {
      guint len;
      if (j - 1 > lo && g_unichar_isalpha (run->u[j - 2]))
        continue;
      if (en_word_at (run, j - 1, &en->pronouns, &len) && j - 1 + len <= verb)
        {
          *pronoun = TRUE;
          return entity_before (run, j - 1, 2000);
        }
    }
  e = entity_in (run, lo, verb);
  if (e >= 0)
    return e;
  {
    /* "the president said": the nearest official. */
    guint len;
    for (guint j = lo; j < verb; j++)
      if (en_word_at (run, j, &en->roles, &len))
        {
          *pronoun = TRUE;
          return entity_before (run, j, 2000);
        }
  }
  return -1;
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
          !(k >= 3 && g_unichar_isupper (run->u[k - 2]) && !g_unichar_isalpha (run->u[k - 3])))
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
      if ((c == '.' || c == '!' || c == '?') && (k + 1 >= par_end || run->u[k + 1] == ' '))
        return k + 1;
      k++;
    }
  return k;
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
      else if (!in_quote && en_word_at (run, k, &run->self->en.verbs, len))
        return k;
    }
  return G_MAXUINT;
}

typedef struct
{
  gboolean speech;
  int      speaker;
  double   confidence;
  const char *rule;
} Decision;

static Decision
decide_en (Run         *run,
           const Quote *q,
           const Decision *last_in_paragraph,
           const Decision *previous_paragraph)
{
  Decision d = { FALSE, -1, 0, NULL };
  guint s_start = en_sentence_start (run, q->open, q->par_start);
  guint s_end = q->unclosed ? q->par_end : en_sentence_end (run, q->close + 1, q->par_end);
  guint vlen;
  gboolean pronoun = FALSE;
  gboolean clause = quote_has_clause (run, q);
  guint verb;

  /* after the quote: ," said X / ," X said / ," he added */
  verb = q->unclosed ? G_MAXUINT : en_find_verb (run, q->close + 1, MIN (s_end + 1, q->close + 1 + WINDOW_AFTER), 0, 0, &vlen);
  if (verb != G_MAXUINT)
    {
      d.speech = TRUE;
      d.speaker = en_subject (run, q->close + 1, MIN (q->par_end, verb + vlen + 40), verb, vlen, &pronoun);
      d.rule = "en-quote-said";
      d.confidence = clause ? 0.92 : 0.8;
      /* "…" but insisted …: the subject is before the quote. */
      if (d.speaker < 0 && (verb = en_find_verb (run, s_start, q->open, 0, 0, &vlen)) != G_MAXUINT)
        d.speaker = en_subject (run, s_start, q->open, verb, vlen, &pronoun);
    }
  else if ((verb = en_find_verb (run, s_start, q->open, 0, 0, &vlen)) != G_MAXUINT)
    {
      d.speech = TRUE;
      d.speaker = en_subject (run, s_start, q->open, verb, vlen, &pronoun);
      d.rule = "en-quote-said-before";
      d.confidence = clause ? 0.9 : 0.75;
    }
  else if (clause && q->open >= 2 && run->u[q->open - 2] == ':' && run->u[q->open - 1] == ' ')
    {
      /* Alverson summed it up: “…” — the sentence's subject speaks. */
      d.speech = TRUE;
      d.speaker = entity_in (run, s_start, q->open);
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
          int e = entity_before (run, q->open, 600);
          d.speaker = e;
          pronoun = TRUE;
        }
    }
  if (pronoun)
    d.confidence -= 0.1;
  return d;
}

/* The rest of the sentence after a quote: ”天安…仪式上，领誓的京东小哥高登柱字字铿锵。 */
static int
zh_sentence_speaker (Run         *run,
                     const Quote *q)
{
  guint a = q->close + 1, b = a, v = 0;

  while (b < q->par_end && b - a < WINDOW_BEFORE && !is_sentence_end (run->u[b]))
    {
      if ((v = word_list_match_at (&run->self->zh.verbs, run->u, run->n, b)) > 0)
        return entity_in (run, a, b);
      b++;
    }
  return -1;
}

static Decision
decide_zh (Run         *run,
           const Quote *q,
           const Decision *last_in_paragraph,
           const Decision *previous_paragraph)
{
  Decision d = { FALSE, -1, 0, NULL };
  gboolean clause = quote_has_clause (run, q);
  gboolean after_verb, before_verb, colon, pronoun_a, pronoun_b;
  int after, before;
  guint len = q->close - q->open - 1;
  gboolean sentence_start;

  after = zh_after (run, q, &after_verb, &pronoun_a);
  before = zh_before (run, q, &before_verb, &colon, &pronoun_b);
  sentence_start = q->open == q->par_start || is_sentence_end (run->u[q->open - 1]) ||
                   run->u[q->open - 1] == 0x201D || run->u[q->open - 1] == 0x2026;

  if (clause && after_verb)
    {
      d = (Decision) { TRUE, after, pronoun_a ? 0.8 : 0.93, "zh-quote-verb-after" };
      if (after < 0 && before >= 0)
        d.speaker = before;
    }
  else if (clause && (before_verb || colon))
    d = (Decision) { TRUE, before, pronoun_b ? 0.8 : colon && !before_verb ? 0.8 : 0.92,
                     colon && !before_verb ? "zh-quote-colon" : "zh-quote-verb-before" };
  else if (clause && last_in_paragraph != NULL && last_in_paragraph->speech)
    d = (Decision) { TRUE, after >= 0 ? after : last_in_paragraph->speaker, 0.75, "zh-quote-continued" };
  else if (clause && len >= 15 && before >= 0)
    d = (Decision) { TRUE, before, 0.7, "zh-quote-intro" };
  else if (clause && sentence_start && len >= 12)
    {
      d = (Decision) { TRUE, after, 0.7, "zh-quote-sentence" };
      if (d.speaker < 0 && last_in_paragraph != NULL && last_in_paragraph->speech)
        d.speaker = last_in_paragraph->speaker;
      if (d.speaker < 0 && q->open > q->par_start)
        d.speaker = entity_in (run, q->par_start, q->open);
      if (d.speaker < 0 && !q->unclosed)
        d.speaker = zh_sentence_speaker (run, q);
      if (d.speaker < 0 && q->open == q->par_start && previous_paragraph != NULL && previous_paragraph->speech)
        {
          d.speaker = previous_paragraph->speaker;
          d.rule = "zh-quote-continued";
        }
    }
  if (d.speaker == -2)
    d.speaker = -1;
  return d;
}

/* Programs: a quoted name that is not speech, with a program verb before it
 * (开展“…”), a program suffix (…工程) or a program noun after it (“十三五”规划). */
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
    if (is_clause_punct (run->u[k]) || run->u[k] == 0xFF1A || !(is_han (run->u[k]) || g_unichar_isalnum (run->u[k]) ||
        run->u[k] == 0x3001 || run->u[k] == '(' || run->u[k] == ')' || run->u[k] == '+' || run->u[k] == 0xFF08 || run->u[k] == 0xFF09))
      return;
  for (guint back = 1; back <= 2 && a >= back + 1 && !verb; back++)
    verb = word_list_match_before (&zh->program_verbs, run->u, a - back - 1 > 4 ? a - back - 1 - 4 : 0, a - back) > 0 &&
           back == 1;
  suffix = word_list_match_before (&zh->program_suffixes, run->u, a, b) > 0 && len > 2;
  after = b + 1 < run->n && word_list_match_at (&zh->program_after, run->u, run->n, b + 1) > 0;
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
      add_cand (run, "program", a, end, verb ? "zh-program-verb" : suffix ? "zh-program-suffix" : "zh-program-noun",
                verb ? 0.75 : 0.7);
  }
}

static void
quotes_and_programs (Run *run)
{
  g_autoptr(GArray) quotes = find_quotes (run);
  g_autoptr(GArray) speech_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  Decision last_para = { FALSE, -1, 0, NULL }, this_para = { FALSE, -1, 0, NULL };
  Decision last_in_para = { FALSE, -1, 0, NULL };
  guint para = G_MAXUINT, last_para_start = G_MAXUINT;

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

      d = latin ? decide_en (run, q, &last_in_para, &last_para) : decide_zh (run, q, &last_in_para, &last_para);
      if (d.speech)
        {
          guint c;
          guint a = q->open + 1, b = q->close;
          /* Trailing blanks of an unclosed paragraph quote are not quoted. */
          while (b > a && g_unichar_isspace (run->u[b - 1]))
            b--;
          c = add_cand (run, "quote", a, b, d.rule, d.confidence);
          cand_at (run, c)->speaker = d.speaker;
          this_para = d;
          last_in_para = d;
          g_array_append_val (speech_spans, q->open);
          g_array_append_val (speech_spans, q->close);
        }
      else if (!latin)
        zh_program (run, q->open + 1, q->close);
    }

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
static void
program_mentions (Run *run)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GHashTable) by_first = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint8 *taken = g_new0 (guint8, run->n + 1);
  guint n_cands = run->cands->len;

  g_array_set_clear_func (keys, key_clear);
  for (guint i = 0; i < n_cands; i++)
    {
      Cand *c = cand_at (run, i);
      Key key = { 0 };
      if (!g_str_equal (c->tag, "program"))
        continue;
      for (guint k = c->start; k < c->end; k++)
        taken[k] = 1;
      if (c->end - c->start < 3 || !g_hash_table_add (seen, substring (run, c->start, c->end)))
        continue;
      key.key = g_memdup2 (run->u + c->start, (c->end - c->start) * sizeof (gunichar));
      key.len = c->end - c->start;
      key.latin = !is_han (key.key[0]);
      key.index = (int) i;
      g_array_append_val (keys, key);
    }
  by_first = keys_by_first (keys);
  for (guint i = 0; i < run->n; i++)
    {
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (run->u[i]));
      if (list == NULL || taken[i])
        continue;
      for (guint l = 0; l < list->len; l++)
        {
          Key *key = &g_array_index (keys, Key, g_array_index (list, guint, l));
          guint end = i + (guint) key->len;
          if (!key_matches (run, key, i) || taken[end - 1])
            continue;
          add_cand (run, "program", i, end, "program-again", 0.65);
          i = end - 1;
          break;
        }
    }
}

/* Organizations: the organization of a Chinese official when it ends in an
 * organization suffix (…局, …委员会, …公司), wherever it occurs; English
 * capitalised names around an institution word. */
static void
organizations (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GHashTable) by_first = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GMatchInfo) m = NULL;
  guint n_cands = run->cands->len;

  g_array_set_clear_func (keys, key_clear);
  for (guint i = 0; i < n_cands; i++)
    {
      Cand *c = cand_at (run, i);
      Key key = { 0 };
      glong len;

      if (c->organization == NULL || !g_str_equal (c->tag, "official"))
        continue;
      key.key = g_utf8_to_ucs4_fast (c->organization, -1, &len);
      key.len = len;
      if (len < 3 || !is_han (key.key[0]) || !word_list_match_before (&zh->org_suffixes, key.key, 0, (guint) len) ||
          !g_hash_table_add (seen, g_strdup (c->organization)))
        {
          g_free (key.key);
          continue;
        }
      key.index = (int) i;
      g_array_append_val (keys, key);
    }
  by_first = keys_by_first (keys);
  for (guint i = 0; i < run->n; i++)
    {
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (run->u[i]));
      if (list == NULL)
        continue;
      for (guint l = 0; l < list->len; l++)
        {
          Key *key = &g_array_index (keys, Key, g_array_index (list, guint, l));
          guint end = i + (guint) key->len;
          if (!key_matches (run, key, i))
            continue;
          add_cand (run, "organization", i, end, "zh-organization", 0.7);
          i = end - 1;
          break;
        }
    }

  g_regex_match (run->self->en.org_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int s, e;
      g_autofree char *first = NULL;
      g_match_info_fetch_pos (m, 1, &s, &e);
      first = g_strndup (run->text + s, strcspn (run->text + s, " "));
      /* "But the Senate": sentence words before the name are not part of it. */
      while (en_is_not_name (run, first) && strchr (run->text + s, ' ') != NULL && s < e)
        {
          s += (int) strlen (first) + 1;
          g_free (first);
          first = g_strndup (run->text + s, strcspn (run->text + s, " "));
        }
      if (s >= e || strchr (run->text + s, ' ') == NULL || (const char *) strchr (run->text + s, ' ') >= run->text + e)
        continue;
      add_cand (run, "organization", cp_of (run, s), cp_of (run, e), "en-organization", 0.6);
    }
}

/* ---------------- Statistics ---------------- */

static gboolean
is_year (Run  *run,
         guint a,
         guint b)
{
  guint v = 0;
  if (b - a != 4)
    return FALSE;
  for (guint k = a; k < b; k++)
    {
      if (!g_unichar_isdigit (run->u[k]))
        return FALSE;
      v = v * 10 + g_unichar_digit_value (run->u[k]);
    }
  return v >= 1000 && v <= 2100;
}

static void
zh_statistics (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i < n; i++)
    {
      guint a = i, b, k, unit, big = 0;

      if (!g_unichar_isdigit (u[i]) || (i > 0 && (g_unichar_isdigit (u[i - 1]) || u[i - 1] == '.' ||
                                                   (g_unichar_isalpha (u[i - 1]) && !is_han (u[i - 1])))))
        continue;
      b = i;
      while (b < n && (g_unichar_isdigit (u[b]) || ((u[b] == '.' || u[b] == ',') && b + 1 < n && g_unichar_isdigit (u[b + 1]))))
        b++;
      i = b - 1;
      /* Dates, times, phone numbers and identifiers: 2023-03-21, 15:40, 9/11. */
      if (b < n && (u[b] == '-' || u[b] == ':' || u[b] == '/' || u[b] == 0xFF1A ||
                    (g_unichar_isalpha (u[b]) && !is_han (u[b]))))
        continue;
      if (a > 0 && (u[a - 1] == '-' || u[a - 1] == ':' || u[a - 1] == '/'))
        continue;
      if (word_list_match_before (&zh->not_before, u, a > 4 ? a - 4 : 0, a))
        continue;
      k = b;
      if (k < n && char_in (&zh->approximators, u[k]))
        k++;
      while (k < n && char_in (&zh->big_numbers, u[k]))
        {
          k++;
          big++;
        }
      if (k < n && char_in (&zh->approximators, u[k]))
        k++;
      unit = word_list_match_at (&zh->units, u, n, k);
      if (unit == 0 && big == 0)
        continue;
      /* 2021年 is a year; 10年 is a duration. 八十年代, 6月, 8点 are not numbers of things. */
      if (unit > 0 && u[k] == 0x5E74 /* 年 */ && (is_year (run, a, b) || (k + 1 < n && u[k + 1] == 0x4EE3)))
        continue;
      if (unit > 0 && word_list_match_at (&zh->not_after, u, n, k + unit) && u[k] == 0x4E2A /* 个 */ &&
          k + 1 < n && u[k + 1] == 0x6708)
        ;
      else if (word_list_match_at (&zh->not_after, u, n, k + unit) && unit <= 1 && u[k] != 0x4E2A)
        continue;
      if (unit == 0 && b - a >= 7)
        continue;
      {
        guint c = add_cand (run, "statistic", a, k + unit, "zh-statistic", unit > 0 ? 0.85 : 0.7);
        if (unit > 0)
          cand_at (run, c)->unit = substring (run, k, k + unit);
      }
      i = k + unit - 1;
    }
}

static void
en_statistics (Run *run)
{
  EnLexicon *en = &run->self->en;
  g_autoptr(GMatchInfo) m = NULL;

  g_regex_match (en->number_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ms, me, ns, ne, us, ue, ds, de;
      guint a, b, end;
      gboolean dollar, stat = FALSE;
      g_autofree char *units = g_match_info_fetch (m, 3);

      g_match_info_fetch_pos (m, 0, &ms, &me);
      g_match_info_fetch_pos (m, 1, &ds, &de);
      g_match_info_fetch_pos (m, 2, &ns, &ne);
      g_match_info_fetch_pos (m, 3, &us, &ue);
      dollar = ds >= 0 && de > ds;
      a = cp_of (run, dollar ? ds : ns);
      b = cp_of (run, ne);
      end = cp_of (run, me);
      /* Only in Latin text: Chinese numbers have their own rule. */
      if ((a > 0 && is_han (run->u[a - 1])) || (end < run->n && is_han (run->u[end])))
        continue;
      /* March 18, April 1; ’91. */
      {
        guint k = a;
        guint len;
        while (k > 0 && run->u[k - 1] == ' ')
          k--;
        {
          guint w = k;
          while (w > 0 && (g_unichar_isalpha (run->u[w - 1]) || run->u[w - 1] == '.'))
            w--;
          if (w < k && word_list_has (&en->months, run->u + w, k - w))
            continue;
        }
        if (a > 0 && (run->u[a - 1] == 0x2019 || run->u[a - 1] == '\''))
          continue;
        (void) len;
      }
      if (dollar || end > b)
        stat = TRUE;
      else if (!is_year (run, a, b))
        {
          /* 106 protesters, 18 months, 17 people: a counted noun after it. */
          guint k = b;
          guint words = 0;
          while (k < run->n && run->u[k] == ' ' && words < 3)
            {
              guint w = k + 1, len;
              while (w < run->n && (g_unichar_isalpha (run->u[w]) || (w > k + 1 && run->u[w] == '-' &&
                                    w + 1 < run->n && g_unichar_isalpha (run->u[w + 1]))))
                w++;
              len = w - k - 1;
              if (len == 0)
                break;
              if (w < run->n && run->u[w] == '-')
                break;   /* 93-year-old, 106-year-old: ages of things */
              if (word_list_has (&en->counted_nouns, run->u + k + 1, len) || word_list_has (&en->time_units, run->u + k + 1, len) ||
                  word_list_has (&en->units, run->u + k + 1, len) ||
                  (len > 3 && run->u[w - 1] == 's' && run->u[w - 2] != 's'))
                {
                  end = w;
                  stat = TRUE;
                  break;
                }
              words++;
              k = w;
            }
          if (!stat)
            {
              /* less than 100, about 3,000 */
              guint w = a;
              while (w > 0 && run->u[w - 1] == ' ')
                w--;
              {
                guint s = w;
                while (s > 0 && g_unichar_isalpha (run->u[s - 1]))
                  s--;
                if (w > s)
                  {
                    g_autofree char *word = substring (run, s, w);
                    stat = g_str_equal (word, "than") || g_str_equal (word, "about") || g_str_equal (word, "nearly") ||
                           g_str_equal (word, "almost") || g_str_equal (word, "around") || g_str_equal (word, "some") ||
                           g_str_equal (word, "roughly") || g_str_equal (word, "least");
                  }
              }
            }
        }
      /* 18 months ago is a date, not a figure. */
      if (stat && end + 4 <= run->n && run->u[end] == ' ' && run->u[end + 1] == 'a' && run->u[end + 2] == 'g' &&
          run->u[end + 3] == 'o')
        stat = FALSE;
      if (!stat)
        continue;
      {
        guint c = add_cand (run, "statistic", a, end, "en-statistic", 0.85);
        if (end > b)
          cand_at (run, c)->unit = substring (run, b + (run->u[b] == ' ' ? 1 : 0), end);
      }
      (void) us;
      (void) ue;
    }
  g_clear_pointer (&m, g_match_info_free);

  /* two people, nine African-American churchgoers */
  g_regex_match (en->word_number_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int ms, me;
      guint a, k, words = 0;

      g_match_info_fetch_pos (m, 0, &ms, &me);
      a = cp_of (run, ms);
      k = cp_of (run, me);
      while (k < run->n && run->u[k] == ' ' && words < 3)
        {
          guint w = k + 1, len;
          while (w < run->n && (g_unichar_isalpha (run->u[w]) || run->u[w] == '-'))
            w++;
          len = w - k - 1;
          if (len == 0)
            break;
          {
            g_autofree char *raw = g_ucs4_to_utf8 (run->u + k + 1, len, NULL, NULL, NULL);
            g_autofree char *word = g_utf8_strdown (raw, -1);
            g_autofree gunichar *lw = g_utf8_to_ucs4_fast (word, -1, NULL);
            /* two people, two leftist politicians; not two more years,
             * not hundreds of millions. */
            if (word_list_has (&en->time_units, lw, len) || g_str_equal (word, "of"))
              break;
            if (word_list_has (&en->counted_nouns, lw, len) ||
                (words == 1 && len > 4 && lw[len - 1] == 's' && lw[len - 2] != 's' && g_unichar_islower (run->u[k + 1])))
              {
                add_cand (run, "statistic", a, w, "en-statistic-words", 0.7);
                break;
              }
          }
          words++;
          k = w;
        }
    }
}

static void
en_programs (Run *run)
{
  g_autoptr(GMatchInfo) m = NULL;

  g_regex_match (run->self->en.program_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      int s, e;
      g_match_info_fetch_pos (m, 1, &s, &e);
      if (g_str_has_prefix (run->text + s, "the ") || g_str_has_prefix (run->text + s, "The "))
        s += 4;
      add_cand (run, "program", cp_of (run, s), cp_of (run, e), "en-program-name", 0.6);
    }
}

/* ---------------- The corpus ---------------- */

static void
corpus (Run *run)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GHashTable) by_first = NULL;

  g_array_set_clear_func (keys, key_clear);
  for (guint k = 0; k < run->self->known->len; k++)
    {
      Known *known = run->self->known->pdata[k];
      Key key = { 0 };

      key.key = g_utf8_to_ucs4_fast (known->text, -1, &key.len);
      key.latin = g_unichar_isalpha (key.key[0]) && !is_han (key.key[0]);
      key.index = (int) k;
      g_array_append_val (keys, key);
    }
  by_first = keys_by_first (keys);

  for (guint i = 0; i < run->n; i++)
    {
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (run->u[i]));
      guint best = G_MAXUINT;

      if (list == NULL)
        continue;
      /* The longest known text that starts here. */
      for (guint l = 0; l < list->len; l++)
        {
          guint k = g_array_index (list, guint, l);
          Key *key = &g_array_index (keys, Key, k);
          if (key_matches (run, key, i) && (best == G_MAXUINT || key->len > g_array_index (keys, Key, best).len))
            best = k;
        }
      if (best != G_MAXUINT)
        {
          Key *key = &g_array_index (keys, Key, best);
          Known *known = run->self->known->pdata[key->index];
          guint end = i + (guint) key->len, c;

          if (overlaps_tag (run, known->tag, i, end))
            continue;
          c = add_cand (run, g_intern_string (known->tag), i, end, "corpus", 0.8);
          if (known->attributes != NULL)
            {
              Cand *cand = cand_at (run, c);
              cand->title = g_strdup (json_object_get_string_member_with_default (known->attributes, "title", NULL));
              cand->organization = g_strdup (json_object_get_string_member_with_default (known->attributes, "organization", NULL));
              cand->role = g_strdup (json_object_get_string_member_with_default (known->attributes, "role", NULL));
              cand->unit = g_strdup (json_object_get_string_member_with_default (known->attributes, "unit", NULL));
            }
          if (g_str_equal (known->tag, "person") || g_str_equal (known->tag, "official"))
            cand_at (run, c)->entity = entity_for (run, known->text, known->tag, c);
          i = end - 1;
        }
    }
}

/* ---------------- Putting it together ---------------- */

static void
word_boundaries (Run *run)
{
  glong len16 = 0;
  g_autofree gunichar2 *u16 = g_ucs4_to_utf16 (run->u, run->n, NULL, &len16, NULL);
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi;
  g_autofree guint *u16_to_cp = NULL;

  run->word_start = g_new0 (guint8, run->n + 1);
  run->word_start[0] = run->word_start[run->n] = 1;
  if (u16 == NULL || len16 == 0)
    return;
  /* Only Latin words are looked up by their boundaries: ideographs become
   * spaces, which spares ICU its dictionary segmentation of Chinese. */
  for (glong i = 0; i < len16; i++)
    if ((u16[i] >= 0x3400 && u16[i] <= 0x9FFF) || (u16[i] >= 0xF900 && u16[i] <= 0xFAFF))
      u16[i] = ' ';
  u16_to_cp = g_new (guint, len16 + 1);
  for (glong i = 0, cp = 0; i <= len16; cp++)
    {
      u16_to_cp[i++] = (guint) cp;
      if (i < len16 && i > 0 && (u16[i - 1] & 0xFC00) == 0xD800)
        u16_to_cp[i++] = (guint) cp;
    }
  bi = ubrk_open (UBRK_WORD, "en", (const UChar *) u16, (int32_t) len16, &status);
  if (U_FAILURE (status))
    return;
  for (int32_t b = ubrk_first (bi); b != UBRK_DONE; b = ubrk_next (bi))
    run->word_start[u16_to_cp[b]] = 1;
  ubrk_close (bi);
}

static int
compare_cand_indices (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const Cand *ca = cand_at (user_data, *(const guint *) a);
  const Cand *cb = cand_at (user_data, *(const guint *) b);
  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  if (ca->end != cb->end)
    return ca->end < cb->end ? -1 : 1;
  return strcmp (ca->tag, cb->tag);
}

static void
set_attribute (GlossSuggestion *s,
               const char      *id,
               const char      *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (s->attributes, g_strdup (id), g_strdup (value));
}

/**
 * gloss_suggester_run:
 * @text: an article's canonical text (UTF-8)
 *
 * Returns: (transfer full) (element-type GlossSuggestion): the suggestions,
 *   sorted by start, end and tag, with ids "s1", "s2"…
 */
GPtrArray *
gloss_suggester_run (GlossSuggester *self,
                     const char     *text)
{
  Run run = { 0 };
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_suggestion_free);
  g_autofree guint *order = NULL;
  g_autofree int *entity_first = NULL;
  glong n = 0;

  g_return_val_if_fail (GLOSS_IS_SUGGESTER (self), out);
  g_return_val_if_fail (text != NULL, out);

  if (!g_utf8_validate (text, -1, NULL))
    return out;

  run.self = self;
  run.text = text;
  run.u = g_utf8_to_ucs4_fast (text, -1, &n);
  run.n = (guint) n;
  run.byte_to_cp = g_new (guint, strlen (text) + 1);
  {
    guint cp = 0;
    const char *p = text;
    for (; *p != '\0'; p = g_utf8_next_char (p), cp++)
      for (const char *q = p; q < g_utf8_next_char (p); q++)
        run.byte_to_cp[q - text] = cp;
    run.byte_to_cp[p - text] = cp;
  }
  word_boundaries (&run);
  run.cands = g_array_new (FALSE, TRUE, sizeof (Cand));
  run.entities = g_ptr_array_new_with_free_func (entity_free);

  run.cover = g_new0 (guint8, run.n + 1);
  zh_titled_names (&run);
  en_names (&run);
  zh_plain_names (&run);
  corpus (&run);
  later_mentions (&run);
  index_mentions (&run);
  g_clear_pointer (&run.cover, g_free);
  quotes_and_programs (&run);
  program_mentions (&run);
  organizations (&run);
  zh_statistics (&run);
  en_statistics (&run);
  en_programs (&run);

  /* One suggestion per span and tag: the first rule that found it wins. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < run.cands->len; i++)
      {
        Cand *c = cand_at (&run, i);
        g_autofree char *key = g_strdup_printf ("%s:%u:%u", c->tag, c->start, c->end);
        if (!g_hash_table_add (seen, g_steal_pointer (&key)))
          c->dropped = TRUE;
      }
  }

  /* Ids in text order; the speaker link and the entity point at the first mention. */
  order = g_new (guint, run.cands->len + 1);
  {
    g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (guint), run.cands->len);
    for (guint i = 0; i < run.cands->len; i++)
      g_array_append_val (sorted, i);
    g_array_sort_with_data (sorted, compare_cand_indices, &run);
    for (guint i = 0; i < run.cands->len; i++)
      order[i] = g_array_index (sorted, guint, i);
  }

  {
    g_autofree guint *id_of = g_new0 (guint, run.cands->len + 1);
    guint next = 1;

    for (guint k = 0; k < run.cands->len; k++)
      if (!cand_at (&run, order[k])->dropped)
        id_of[order[k]] = next++;

    entity_first = g_new (int, run.entities->len + 1);
    for (guint e = 0; e < run.entities->len; e++)
      entity_first[e] = -1;
    for (guint k = 0; k < run.cands->len; k++)
      {
        Cand *c = cand_at (&run, order[k]);
        if (!c->dropped && c->entity >= 0 && entity_first[c->entity] < 0)
          entity_first[c->entity] = (int) order[k];
      }

    for (guint k = 0; k < run.cands->len; k++)
      {
        Cand *c = cand_at (&run, order[k]);
        GlossSuggestion *s;

        if (c->dropped)
          continue;
        s = g_new0 (GlossSuggestion, 1);
        s->id = g_strdup_printf ("s%u", id_of[order[k]]);
        /* A person named with an office anywhere is an official everywhere. */
        if (c->entity >= 0 && g_str_equal (((Entity *) run.entities->pdata[c->entity])->tag, "official"))
          s->tag = g_strdup ("official");
        else
          s->tag = g_strdup (c->tag);
        s->start = c->start;
        s->end = c->end;
        s->rule = g_strdup (c->rule);
        s->confidence = c->confidence;
        s->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        set_attribute (s, "title", c->title);
        set_attribute (s, "organization", c->organization);
        set_attribute (s, "role", c->role);
        set_attribute (s, "unit", c->unit);
        if (g_str_equal (c->tag, "quote"))
          {
            set_attribute (s, "mode", "direct");
            if (c->speaker >= 0 && entity_first[c->speaker] >= 0)
              {
                g_autofree char *sid = g_strdup_printf ("s%u", id_of[entity_first[c->speaker]]);
                set_attribute (s, "speaker", sid);
              }
          }
        if (c->entity >= 0 && entity_first[c->entity] >= 0 && entity_first[c->entity] != (int) order[k])
          s->entity = g_strdup_printf ("s%u", id_of[entity_first[c->entity]]);
        g_ptr_array_add (out, s);
      }
  }

  for (guint i = 0; i < run.cands->len; i++)
    {
      Cand *c = cand_at (&run, i);
      g_free (c->title);
      g_free (c->organization);
      g_free (c->role);
      g_free (c->unit);
    }
  g_array_unref (run.cands);
  g_ptr_array_unref (run.entities);
  g_clear_pointer (&run.mentions, g_array_unref);
  g_free (run.u);
  g_free (run.byte_to_cp);
  g_free (run.word_start);
  return out;
}
