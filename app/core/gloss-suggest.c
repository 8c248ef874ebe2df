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

#include "gloss-library.h"
#include "gloss-sidecar.h"
#include "gloss-suggest-private.h"

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

G_DEFINE_FINAL_TYPE (GlossSuggester, gloss_suggester, G_TYPE_OBJECT)

static void
gloss_suggester_finalize (GObject *object)
{
  GlossSuggester *self = GLOSS_SUGGESTER (object);
  WordList *lists[] = { ZH_LEXICON_LISTS (&self->zh), EN_LEXICON_LISTS (&self->en) };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    suggest_word_list_clear (lists[i]);
  g_clear_pointer (&self->en.official_re, g_regex_unref);
  g_clear_pointer (&self->en.said_name_re, g_regex_unref);
  g_clear_pointer (&self->en.name_said_re, g_regex_unref);
  g_clear_pointer (&self->en.subject_said_re, g_regex_unref);
  g_clear_pointer (&self->en.age_name_re, g_regex_unref);
  g_clear_pointer (&self->en.honorific_re, g_regex_unref);
  g_clear_pointer (&self->en.role_name_re, g_regex_unref);
  g_clear_pointer (&self->en.appositive_official_re, g_regex_unref);
  g_clear_pointer (&self->en.appositive_role_re, g_regex_unref);
  g_clear_pointer (&self->en.byline_re, g_regex_unref);
  g_clear_pointer (&self->en.number_re, g_regex_unref);
  g_clear_pointer (&self->en.word_number_re, g_regex_unref);
  g_clear_pointer (&self->en.program_re, g_regex_unref);
  g_clear_pointer (&self->en.org_re, g_regex_unref);
  g_clear_pointer (&self->en.org_statement_re, g_regex_unref);
  g_clear_pointer (&self->en.handle_said_re, g_regex_unref);
  g_clear_pointer (&self->en.handle_cues, g_free);
  g_clear_pointer (&self->en.given_name_re, g_regex_unref);
  g_clear_pointer (&self->en.who_name_re, g_regex_unref);
  g_clear_pointer (&self->en.nickname_name_re, g_regex_unref);
  g_clear_pointer (&self->en.said_description_re, g_regex_unref);
  g_clear_pointer (&self->en.unnamed_role_re, g_regex_unref);
  g_clear_pointer (&self->en.unnamed_one_re, g_regex_unref);
  g_clear_pointer (&self->en.credit_re, g_regex_unref);
  g_clear_pointer (&self->en.share_re, g_regex_unref);
  g_clear_pointer (&self->en.score_re, g_regex_unref);
  g_clear_pointer (&self->known, g_ptr_array_unref);
  g_clear_pointer (&self->known_keys, g_hash_table_unref);

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
  suggest_load_zh (&self->zh);
  suggest_load_en (&self->en);
  self->known = g_ptr_array_new_with_free_func (suggest_known_free);
  self->known_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  /* Looked up, not searched: a sidecar of 10 000 annotations made 50
   * million comparisons on every article opened. */
  if (!g_hash_table_add (self->known_keys, g_strconcat (tag, "\n", text, NULL)))
    return;
  k = g_new0 (Known, 1);
  k->tag = g_strdup (tag);
  k->text = g_strdup (text);
  if (attributes != NULL)
    k->attributes = json_object_ref (attributes);
  g_ptr_array_add (self->known, k);
}

/**
 * gloss_suggester_add_known_from_sidecars:
 * @article: the article suggestions are for
 * @cancellable: (nullable): checked between two sidecars
 *
 * Learning from the corpus: the sidecars of the other articles of
 * @article's folder, read with gloss_suggester_add_known_from_sidecar().
 * Not @article's own: the user's annotations are there already, and a
 * colleague's layer of the same article must not come back as
 * suggestions to a second coder, who is meant to code it alone.  A sidecar
 * that does not parse teaches nothing (`validate` reports it).
 * gloss_suggester_add_known_from_corpus() reads the index instead when it
 * can.
 *
 * Returns: how many sidecars were read
 */
guint
gloss_suggester_add_known_from_sidecars (GlossSuggester *self,
                                         GFile          *article,
                                         GCancellable   *cancellable)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *own = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint read = 0;

  g_return_val_if_fail (GLOSS_IS_SUGGESTER (self), 0);
  g_return_val_if_fail (G_IS_FILE (article), 0);

  parent = g_file_get_parent (article);
  dir_path = parent != NULL ? g_file_get_path (parent) : NULL;
  if (dir_path == NULL || (dir = g_dir_open (dir_path, 0, NULL)) == NULL)
    return 0;
  own = g_file_get_basename (article);
  while ((name = g_dir_read_name (dir)) != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      g_autofree char *path = NULL;

      /* "ARTICLE.ANNOTATOR.gloss.json": the article's own layers. */
      if (!g_str_has_suffix (name, GLOSS_SIDECAR_SUFFIX) || gloss_sidecar_name_is_layer_of (name, own))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      gloss_suggester_add_known_from_sidecar (self, path, NULL);
      read++;
    }
  return read;
}

/* What a learned annotation carries over: its text attributes (title,
 * organization, unit); links (speaker) point into another article. */
static void
copy_text_attributes (JsonObject *from,
                      JsonObject *to)
{
  g_autoptr(GList) members = json_object_get_members (from);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (from, l->data);

      if (!g_str_equal (l->data, "speaker") && JSON_NODE_HOLDS_VALUE (value) &&
          json_node_get_value_type (value) == G_TYPE_STRING)
        json_object_set_string_member (to, l->data, json_node_get_string (value));
    }
}

/**
 * gloss_suggester_add_known_from_index:
 * @library: (nullable): whose index to read; NULL for the default one
 * @article: the article suggestions are for
 * @error: return location for an error
 *
 * What gloss_suggester_add_known_from_sidecars() learns, from the library
 * index (gloss_library_list_known()) without reading a sidecar; fails with
 * %GLOSS_LIBRARY_ERROR_STALE, learning nothing, when the index does not
 * hold the sidecars of @article's folder as they are.  A link's text is
 * the linked annotation's (the index resolves links); speaker links are
 * not copied, as from a sidecar.
 *
 * Returns: TRUE when the index was read
 */
gboolean
gloss_suggester_add_known_from_index (GlossSuggester *self,
                                      GlossLibrary   *library,
                                      GFile          *article,
                                      GError        **error)
{
  g_autoptr(GlossLibrary) own_library = NULL;
  g_autoptr(GPtrArray) known = NULL;

  g_return_val_if_fail (GLOSS_IS_SUGGESTER (self), FALSE);
  g_return_val_if_fail (library == NULL || GLOSS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_FILE (article), FALSE);

  if (library == NULL)
    library = own_library = gloss_library_new (NULL);
  known = gloss_library_list_known (library, article, error);
  if (known == NULL)
    return FALSE;
  for (guint i = 0; i < known->len; i++)
    {
      GlossLibraryKnown *k = g_ptr_array_index (known, i);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonObject) attributes = json_object_new ();

      /* Most have none: not parsed. */
      if (!g_str_equal (k->attributes, "{}") &&
          (node = json_from_string (k->attributes, NULL)) != NULL && JSON_NODE_HOLDS_OBJECT (node))
        copy_text_attributes (json_node_get_object (node), attributes);
      gloss_suggester_add_known (self, k->tag, k->text, attributes);
    }
  return TRUE;
}

/**
 * gloss_suggester_add_known_from_corpus:
 * @database: (nullable): the library index's file; NULL for the default one
 * @article: the article suggestions are for
 * @cancellable: (nullable): checked between two sidecars
 *
 * Learning from the corpus, the fast way when there is one:
 * gloss_suggester_add_known_from_index() when the index is current for
 * @article's folder, else gloss_suggester_add_known_from_sidecars().
 *
 * Returns: where it learned from
 */
GlossSuggestCorpusSource
gloss_suggester_add_known_from_corpus (GlossSuggester *self,
                                       const char     *database,
                                       GFile          *article,
                                       GCancellable   *cancellable)
{
  g_autoptr(GlossLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GLOSS_IS_SUGGESTER (self), GLOSS_SUGGEST_CORPUS_SIDECARS);
  g_return_val_if_fail (G_IS_FILE (article), GLOSS_SUGGEST_CORPUS_SIDECARS);

  library = gloss_library_new (NULL);
  if (database != NULL)
    gloss_library_set_database (library, database);
  if (gloss_suggester_add_known_from_index (self, library, article, &error))
    return GLOSS_SUGGEST_CORPUS_INDEX;
  g_debug ("learning from the sidecars: %s", error->message);
  gloss_suggester_add_known_from_sidecars (self, article, cancellable);
  return GLOSS_SUGGEST_CORPUS_SIDECARS;
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
        copy_text_attributes (json_object_get_object_member (a, "attributes"), attributes);
      gloss_suggester_add_known (self, tag, text, attributes);
      count++;
    }
  return count;
}

static void
entity_free (gpointer data)
{
  Entity *e = data;
  g_free (e->key);
  g_free (e->name);
  g_free (e);
}

/* ---------------- Chinese names ---------------- */

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

/* Segments the ideographs from @i (eight at most) with ICU's Chinese
 * dictionary, into the run's iterator, opened when first needed; their
 * number, 0 if none or ICU fails. */
static int32_t
zh_segment (Run   *run,
            guint  i,
            UChar *buf)
{
  int32_t ulen = 0;
  UErrorCode status = U_ZERO_ERROR;

  for (guint k = i; k < run->n && k < i + 8 && is_han (run->u[k]) && run->u[k] <= 0xFFFF; k++)
    buf[ulen++] = (UChar) run->u[k];
  if (ulen == 0)
    return 0;
  if (run->zh_words == NULL)
    {
      run->zh_words = ubrk_open (UBRK_WORD, "zh", NULL, 0, &status);
      if (U_FAILURE (status))
        {
          run->zh_words = NULL;
          return 0;
        }
    }
  ubrk_setText (run->zh_words, buf, ulen, &status);
  return U_FAILURE (status) ? 0 : ulen;
}

/* Whether ICU's dictionary reads the name of @len ideographs at @i as
 * words of the sentence: one that runs past the first @surname_len of
 * them and covers a name of two before 的 (关心的), or a name of three whose
 * last character starts a word running past it (古籍|修复, 明显|增长,
 * 白天|种地) — not 李|建国, 欧阳|振|华, nor 甘露|瑶 and 凌子|豪, names the
 * dictionary happens to begin with a word.  The Chinese segmentation only
 * looks at a few characters from @i, when a rule asks. */
gboolean
suggest_zh_reads_as_word (Run   *run,
                          guint  i,
                          guint  surname_len,
                          guint  len)
{
  UChar buf[8];
  int32_t ulen = zh_segment (run, i, buf), first, second;

  if (ulen < (int32_t) len || len <= surname_len)
    return FALSE;
  first = ubrk_following (run->zh_words, 0);
  if (first == UBRK_DONE || first <= (int32_t) surname_len)
    return FALSE;
  /* A name of two that is a word (宁静 温雅 甘露 are names too): only
   * before 的 (市民关心的问题, 记者关注的焦点). */
  if (len == surname_len + 1)
    return i + len < run->n && run->u[i + len] == 0x7684 /* 的 */;
  if (first >= (int32_t) len)
    return TRUE;
  second = ubrk_following (run->zh_words, first);
  return second != UBRK_DONE && second > (int32_t) len;
}

/* Whether ICU's dictionary reads the two ideographs at @i as one word
 * (连续, 表示): a word of the sentence after a name, not the name's own
 * character. */
gboolean
suggest_zh_word_of_two_at (Run   *run,
                           guint  i)
{
  UChar buf[8];
  int32_t ulen = zh_segment (run, i, buf);

  return ulen >= 2 && ubrk_following (run->zh_words, 0) == 2;
}

static int
compare_cand_indices (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const Cand *ca = suggest_cand_at (user_data, *(const guint *) a);
  const Cand *cb = suggest_cand_at (user_data, *(const guint *) b);
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

/* The rule families in the order they run; NULL marks where the names'
 * coverage map is no longer needed. */
static void (* const rule_families[]) (Run *run) = {
  suggest_zh_titled_names,
  suggest_en_names,
  suggest_en_handles,
  suggest_en_speaking_organizations,
  suggest_zh_plain_names,
  suggest_zh_acting_speakers,
  suggest_zh_unnamed_speakers,
  suggest_zh_interview_names,
  suggest_corpus,
  suggest_later_mentions,
  suggest_index_mentions,
  NULL,
  suggest_quotes_and_programs,
  suggest_zh_interview_answers,
  suggest_zh_named_programs,
  suggest_program_mentions,
  suggest_organizations,
  suggest_zh_statistics,
  suggest_en_statistics,
  suggest_en_programs,
};

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
  GPtrArray *out;

  g_return_val_if_fail (GLOSS_IS_SUGGESTER (self), g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_suggestion_free));
  g_return_val_if_fail (text != NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_suggestion_free));

  out = gloss_suggester_run_cancellable (self, text, NULL, NULL);
  g_assert (out != NULL);
  return out;
}

/**
 * gloss_suggester_run_cancellable:
 * @text: an article's canonical text (UTF-8)
 * @cancellable: (nullable): checked before each rule family
 *
 * Like gloss_suggester_run(), but stops early when @cancellable is
 * cancelled (the window opened another article while a worker thread ran
 * the rules of the previous one).
 *
 * Returns: (transfer full) (element-type GlossSuggestion) (nullable): the
 *   suggestions, or %NULL with %G_IO_ERROR_CANCELLED
 */
GPtrArray *
gloss_suggester_run_cancellable (GlossSuggester *self,
                                 const char     *text,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  Run run = { 0 };
  GPtrArray *out = NULL;
  g_autofree guint *order = NULL;
  g_autofree int *entity_first = NULL;
  glong n = 0;

  g_return_val_if_fail (GLOSS_IS_SUGGESTER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_suggestion_free);
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
  run.entity_keys = g_hash_table_new (g_str_hash, g_str_equal);

  run.cover = g_new0 (guint8, run.n + 1);
  for (guint i = 0; i < G_N_ELEMENTS (rule_families); i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (rule_families[i] == NULL)
        g_clear_pointer (&run.cover, g_free);
      else
        rule_families[i] (&run);
    }
  g_clear_pointer (&run.cover, g_free);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_pointer (&out, g_ptr_array_unref);
      goto done;
    }

  /* One suggestion per span and tag: the first rule that found it wins,
   * also over a span of the same tag it overlaps ("18 percent of samples"
   * from the corpus, then "18 percent" from the statistics rules): two
   * outlines of one colour over the same words ask the coder the same
   * question twice. */
  {
    g_autoptr(GHashTable) bits = g_hash_table_new (g_str_hash, g_str_equal);
    g_autofree guint8 *taken = g_new0 (guint8, run.n + 1);

    for (guint i = 0; i < run.cands->len; i++)
      {
        Cand *c = suggest_cand_at (&run, i);
        guint bit = GPOINTER_TO_UINT (g_hash_table_lookup (bits, c->tag));
        gboolean overlaps = FALSE;

        if (bit == 0 && g_hash_table_size (bits) < 8)
          {
            bit = 1u << g_hash_table_size (bits);
            g_hash_table_insert (bits, (gpointer) c->tag, GUINT_TO_POINTER (bit));
          }
        if (bit == 0)
          continue;
        for (guint k = c->start; k < c->end && k < run.n && !overlaps; k++)
          overlaps = (taken[k] & bit) != 0;
        if (overlaps)
          {
            c->dropped = TRUE;
            continue;
          }
        for (guint k = c->start; k < c->end && k < run.n; k++)
          taken[k] |= bit;
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
      if (!suggest_cand_at (&run, order[k])->dropped)
        id_of[order[k]] = next++;

    entity_first = g_new (int, run.entities->len + 1);
    for (guint e = 0; e < run.entities->len; e++)
      entity_first[e] = -1;
    for (guint k = 0; k < run.cands->len; k++)
      {
        Cand *c = suggest_cand_at (&run, order[k]);
        if (!c->dropped && c->entity >= 0 && entity_first[c->entity] < 0)
          entity_first[c->entity] = (int) order[k];
      }

    for (guint k = 0; k < run.cands->len; k++)
      {
        Cand *c = suggest_cand_at (&run, order[k]);
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

done:
  for (guint i = 0; i < run.cands->len; i++)
    {
      Cand *c = suggest_cand_at (&run, i);
      g_free (c->title);
      g_free (c->organization);
      g_free (c->role);
      g_free (c->unit);
    }
  g_array_unref (run.cands);
  g_hash_table_unref (run.entity_keys);
  g_ptr_array_unref (run.entities);
  g_clear_pointer (&run.mentions, g_array_unref);
  g_free (run.genders);
  g_free (run.u);
  g_free (run.byte_to_cp);
  g_free (run.word_start);
  if (run.zh_words != NULL)
    ubrk_close (run.zh_words);
  return out;
}
