/* gloss-suggest-review.c: accepting and rejecting suggestions, remembering
 * the rejections, and the project's settings for suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggestions are never annotations until accepted. Accepting one makes an
 * ordinary annotation of the user's sidecar that records
 * "origin": {"suggested": RULE}; rejecting one writes it under the sidecar's
 * "suggestions": {"rejected": […]} member (tag, span and text, so that a
 * re-anchored article still recognises it), and it is not offered again.
 * The team codebook (gloss-codebook.json beside the articles) may carry
 * "suggestions": {"enabled": false} to switch them off for a project, or
 * {"hidden_share": 0.3, "seed": "…"} to show none on a reproducible random
 * share of the articles (to measure whether suggestions anchor coding).
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook-folder.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-suggest-review.h"

static GlossAnnotation *
find_annotation (GlossAnnotationSet *set,
                 const char         *tag,
                 guint               start,
                 guint               end)
{
  g_autoptr(GPtrArray) hits = gloss_annotation_set_query (set, start, end);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      GlossAnnotation *a = hits->pdata[i];
      if (gloss_annotation_get_start (a) == start && gloss_annotation_get_end (a) == end &&
          g_str_equal (gloss_annotation_get_tag (a), tag))
        return a;
    }
  return NULL;
}

static JsonArray *
rejected_array (GlossSidecar *sidecar,
                gboolean      create)
{
  JsonNode *member = gloss_sidecar_get_extension (sidecar, GLOSS_SUGGEST_SIDECAR_MEMBER);
  JsonObject *object;

  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonObject) fresh = NULL;
      if (!create)
        return NULL;
      fresh = json_object_new ();
      node = json_node_init_object (json_node_alloc (), fresh);
      gloss_sidecar_set_extension (sidecar, GLOSS_SUGGEST_SIDECAR_MEMBER, node);
      member = gloss_sidecar_get_extension (sidecar, GLOSS_SUGGEST_SIDECAR_MEMBER);
    }
  object = json_node_get_object (member);
  if (!json_object_has_member (object, "rejected") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "rejected")))
    {
      if (!create)
        return NULL;
      json_object_set_array_member (object, "rejected", json_array_new ());
    }
  return json_object_get_array_member (object, "rejected");
}

/* The rejections of a sidecar as two sets, tag and span, tag and covered
 * text: built once, then each suggestion is looked up in constant time. */
typedef struct
{
  GHashTable *spans;
  GHashTable *texts;
} Rejections;

static char *
span_key (const char *tag,
          gint64      start,
          gint64      end)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT, tag, start, end);
}

static char *
text_key (const char *tag,
          const char *covered,
          gsize       length)
{
  return g_strdup_printf ("%s\x1f%.*s", tag, (int) length, covered);
}

/* FALSE (and nothing to clear) when the sidecar rejected nothing. */
static gboolean
rejections_init (Rejections   *rejections,
                 GlossSidecar *sidecar)
{
  JsonArray *rejected = rejected_array (sidecar, FALSE);

  rejections->spans = rejections->texts = NULL;
  if (rejected == NULL || json_array_get_length (rejected) == 0)
    return FALSE;
  rejections->spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rejections->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (rejected); i++)
    {
      JsonNode *node = json_array_get_element (rejected, i);
      JsonObject *r;
      const char *tag, *covered;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      r = json_node_get_object (node);
      tag = json_object_get_string_member_with_default (r, "tag", NULL);
      if (tag == NULL)
        continue;
      g_hash_table_add (rejections->spans, span_key (tag, json_object_get_int_member_with_default (r, "start", -1),
                                                     json_object_get_int_member_with_default (r, "end", -1)));
      covered = json_object_get_string_member_with_default (r, "text", NULL);
      if (covered != NULL)
        g_hash_table_add (rejections->texts, text_key (tag, covered, strlen (covered)));
    }
  return TRUE;
}

static void
rejections_clear (Rejections *rejections)
{
  g_clear_pointer (&rejections->spans, g_hash_table_unref);
  g_clear_pointer (&rejections->texts, g_hash_table_unref);
}

/* The one rule: rejected before when the same tag was rejected on the same
 * span, or on the same covered text (the article may have moved since).
 * @covered is the suggestion's text, @length bytes of it. */
static gboolean
rejections_match (Rejections            *rejections,
                  const GlossSuggestion *s,
                  const char            *covered,
                  gsize                  length)
{
  g_autofree char *span = span_key (s->tag, s->start, s->end);
  g_autofree char *text = NULL;

  if (g_hash_table_contains (rejections->spans, span))
    return TRUE;
  text = text_key (s->tag, covered, length);
  return g_hash_table_contains (rejections->texts, text);
}

/**
 * gloss_suggest_is_rejected:
 * @text: the article's canonical text
 *
 * Whether the user rejected this suggestion before: the same tag and span,
 * or the same tag and covered text (the article may have moved since).
 */
gboolean
gloss_suggest_is_rejected (GlossSidecar    *sidecar,
                           GlossSuggestion *suggestion,
                           const char      *text)
{
  Rejections rejections;
  const char *start, *end;
  gboolean rejected;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), FALSE);
  g_return_val_if_fail (suggestion != NULL, FALSE);

  if (!rejections_init (&rejections, sidecar))
    return FALSE;
  start = g_utf8_offset_to_pointer (text, suggestion->start);
  end = g_utf8_offset_to_pointer (start, suggestion->end - suggestion->start);
  rejected = rejections_match (&rejections, suggestion, start, end - start);
  rejections_clear (&rejections);
  return rejected;
}

/**
 * gloss_suggest_pending:
 * @suggestions: (element-type GlossSuggestion): what the suggester proposed
 * @sidecar: the user's sidecar
 * @text: the article's canonical text
 *
 * Returns: (transfer container) (element-type GlossSuggestion): the
 *   suggestions still to review: not an annotation of @sidecar already,
 *   not rejected before
 */
GPtrArray *
gloss_suggest_pending (GPtrArray    *suggestions,
                       GlossSidecar *sidecar,
                       const char   *text)
{
  GPtrArray *pending = g_ptr_array_new ();
  Rejections rejections;
  gboolean any;
  GlossAnnotationSet *set;
  const char *cursor = text;
  guint cursor_offset = 0;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), pending);

  /* The rejections once, so that an article with thousands of suggestions
   * is not walked once for each: the covered texts come from one cursor
   * moving forward through @text. */
  any = rejections_init (&rejections, sidecar);
  set = gloss_sidecar_get_annotations (sidecar);
  for (guint i = 0; i < suggestions->len; i++)
    {
      GlossSuggestion *s = suggestions->pdata[i];

      if (find_annotation (set, s->tag, s->start, s->end) != NULL)
        continue;
      if (any)
        {
          const char *end;

          if (s->start < cursor_offset)
            cursor = text, cursor_offset = 0;
          cursor = g_utf8_offset_to_pointer (cursor, s->start - cursor_offset);
          cursor_offset = s->start;
          end = g_utf8_offset_to_pointer (cursor, s->end - s->start);
          if (rejections_match (&rejections, s, cursor, end - cursor))
            continue;
        }
      g_ptr_array_add (pending, s);
    }
  rejections_clear (&rejections);
  return pending;
}

/* The first of @array's suggestions (in text order) starting at or after
 * @offset; @array->len when none does. */
static guint
first_from (GPtrArray *array,
            guint      offset)
{
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((GlossSuggestion *) array->pdata[mid])->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * gloss_suggest_pending_update:
 * @suggestions: (element-type GlossSuggestion): what the suggester proposed,
 *   in text order
 * @pending: (element-type GlossSuggestion): the pending ones before the
 *   change (gloss_suggest_pending() or this function)
 * @sidecar: the user's sidecar, attached to @document
 * @document: the article
 * @start: where the span the annotations' change touched starts
 * @end: where it ends (gloss_annotation_set_get_changed_range())
 *
 * After a change of the annotations alone (not of the rejections): a
 * suggestion stops or starts being pending only when an annotation of its
 * very span came or went, so only the suggestions inside [@start, @end] are
 * looked at again, not the thousands of a long article.
 *
 * Returns: (transfer container) (nullable) (element-type GlossSuggestion):
 *   the suggestions still to review, in text order, or %NULL when the
 *   change left @pending as it was
 */
GPtrArray *
gloss_suggest_pending_update (GPtrArray     *suggestions,
                              GPtrArray     *pending,
                              GlossSidecar  *sidecar,
                              GlossDocument *document,
                              guint          start,
                              guint          end)
{
  g_autoptr(GPtrArray) inside = g_ptr_array_new ();
  GlossAnnotationSet *set;
  GPtrArray *result;
  Rejections rejections;
  gboolean any, changed = FALSE;
  guint first, p, p_first;

  g_return_val_if_fail (suggestions != NULL && pending != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  set = gloss_sidecar_get_annotations (sidecar);
  any = rejections_init (&rejections, sidecar);
  /* @pending is a subsequence of @suggestions: one walk over both tells
   * which of those starting in the span were pending. */
  first = first_from (suggestions, start);
  p = p_first = first_from (pending, start);
  for (guint i = first; i < suggestions->len; i++)
    {
      GlossSuggestion *s = suggestions->pdata[i];
      gboolean was, now;

      if (s->start > end)
        break;
      was = p < pending->len && pending->pdata[p] == s;
      if (was)
        p++;
      now = was;
      if (s->end <= end)
        {
          now = find_annotation (set, s->tag, s->start, s->end) == NULL;
          if (now && any)
            {
              const char *from = gloss_document_offset_to_pointer (document, s->start);
              const char *to = gloss_document_offset_to_pointer (document, s->end);

              now = !rejections_match (&rejections, s, from, to - from);
            }
        }
      changed |= now != was;
      if (now)
        g_ptr_array_add (inside, s);
    }
  rejections_clear (&rejections);
  if (!changed)
    return NULL;

  result = g_ptr_array_sized_new (p_first + inside->len + (pending->len - p));
  for (guint i = 0; i < p_first; i++)
    g_ptr_array_add (result, pending->pdata[i]);
  for (guint i = 0; i < inside->len; i++)
    g_ptr_array_add (result, inside->pdata[i]);
  for (guint i = p; i < pending->len; i++)
    g_ptr_array_add (result, pending->pdata[i]);
  return result;
}

/**
 * gloss_suggest_lookup:
 * @suggestions: (element-type GlossSuggestion): an article's suggestions
 * @id: (nullable): a suggestion's id, as a quote's "speaker" holds it
 *
 * Returns: (transfer none) (nullable): the suggestion with @id
 */
GlossSuggestion *
gloss_suggest_lookup (GPtrArray  *suggestions,
                      const char *id)
{
  for (guint i = 0; id != NULL && i < suggestions->len; i++)
    if (g_str_equal (((GlossSuggestion *) suggestions->pdata[i])->id, id))
      return suggestions->pdata[i];
  return NULL;
}

/* Whether the codebook of @sidecar lets @attribute of a @tag annotation
 * link to one of @target_tag (any tag, when it names none). */
static gboolean
link_allows (GlossSidecar *sidecar,
             const char   *tag,
             const char   *attribute,
             const char   *target_tag)
{
  GlossCodebook *codebook = gloss_sidecar_get_codebook (sidecar);
  GlossTag *def_tag = codebook != NULL ? gloss_codebook_lookup (codebook, tag) : NULL;
  const GlossAttributeDef *def = def_tag != NULL ? gloss_tag_lookup_attribute (def_tag, attribute) : NULL;

  return def == NULL || def->to == NULL || def->to[0] == NULL ||
         g_strv_contains ((const char * const *) def->to, target_tag);
}

static GlossAnnotation *
accept (GlossSidecar    *sidecar,
        GPtrArray       *suggestions,
        GlossSuggestion *s,
        guint            depth)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
  GlossAnnotation *annotation = find_annotation (set, s->tag, s->start, s->end);
  GHashTableIter iter;
  gpointer key, value;
  JsonObject *origin;
  GlossSuggestion *speaker;

  if (annotation != NULL)
    return annotation;
  annotation = gloss_annotation_set_create (set, s->tag, s->start, s->end);
  origin = json_object_new ();
  json_object_set_string_member (origin, "suggested", s->rule);
  json_object_set_object_member (gloss_annotation_get_extra (annotation), "origin", origin);
  /* Through the set, not on the annotation: the set tells its observers
   * (the sidebar's row, made when the annotation was added, shows the
   * speaker and the title) and records the change for Undo. */
  g_hash_table_iter_init (&iter, s->attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_str_equal (key, "speaker"))
      gloss_annotation_set_set_attribute (set, annotation, key, value);

  /* A quote's speaker comes with it: the link must point to an annotation.
   * Not a speaker the user rejected, though, unless they annotated it
   * themselves since: accepting the quote would bring back, silently, an
   * annotation they said was wrong. */
  speaker = gloss_suggest_lookup (suggestions, gloss_suggestion_get_attribute (s, "speaker"));
  /* Nor one of a tag the codebook's link does not take (a company speaking
   * in its report, where the speaker is an official or a person): the
   * quote comes alone, its speaker left for the coder. */
  if (speaker != NULL && !link_allows (sidecar, s->tag, "speaker", speaker->tag))
    speaker = NULL;
  if (speaker != NULL && depth == 0 && gloss_sidecar_get_document (sidecar) != NULL &&
      find_annotation (set, speaker->tag, speaker->start, speaker->end) == NULL &&
      gloss_suggest_is_rejected (sidecar, speaker, gloss_document_get_text (gloss_sidecar_get_document (sidecar))))
    speaker = NULL;
  if (speaker != NULL && depth == 0)
    {
      GlossAnnotation *target = accept (sidecar, suggestions, speaker, depth + 1);
      gloss_annotation_set_set_attribute (set, annotation, "speaker", gloss_annotation_get_id (target));
    }
  return annotation;
}

/**
 * gloss_suggest_accept:
 * @sidecar: the user's sidecar, attached to the article
 * @suggestions: (element-type GlossSuggestion): all suggestions of the run
 *   (to find a quote's speaker)
 * @suggestion: the one accepted
 *
 * Makes @suggestion an annotation of @sidecar recording its origin; a
 * quote's speaker is accepted with it (or linked to the annotation that
 * already covers it), unless the user rejected that speaker's suggestion. Accepting what is already an annotation returns it.
 *
 * Returns: (transfer none): the annotation
 */
GlossAnnotation *
gloss_suggest_accept (GlossSidecar    *sidecar,
                      GPtrArray       *suggestions,
                      GlossSuggestion *suggestion)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), NULL);
  g_return_val_if_fail (suggestion != NULL, NULL);

  return accept (sidecar, suggestions, suggestion, 0);
}

/**
 * gloss_suggest_reject:
 * @text: the article's canonical text
 *
 * Remembers in @sidecar that the user rejected @suggestion (saved with it).
 */
void
gloss_suggest_reject (GlossSidecar    *sidecar,
                      GlossSuggestion *suggestion,
                      const char      *text)
{
  JsonObject *r;
  Rejections rejections;
  g_autofree char *covered = NULL;

  g_return_if_fail (GLOSS_IS_SIDECAR (sidecar));
  g_return_if_fail (suggestion != NULL);

  /* The text is cut once, for the check and for the record. */
  covered = g_utf8_substring (text, suggestion->start, suggestion->end);
  if (rejections_init (&rejections, sidecar))
    {
      gboolean known = rejections_match (&rejections, suggestion, covered, strlen (covered));
      rejections_clear (&rejections);
      if (known)
        return;
    }
  r = json_object_new ();
  json_object_set_string_member (r, "tag", suggestion->tag);
  json_object_set_int_member (r, "start", suggestion->start);
  json_object_set_int_member (r, "end", suggestion->end);
  json_object_set_string_member (r, "text", covered);
  json_object_set_string_member (r, "rule", suggestion->rule);
  json_array_add_object_element (rejected_array (sidecar, TRUE), r);
}

void
gloss_suggest_settings_clear (GlossSuggestSettings *settings)
{
  g_clear_pointer (&settings->seed, g_free);
}

/**
 * gloss_suggest_settings_load:
 * @article: an article; its folder's team codebook holds the settings
 * @settings: (out caller-allocates): filled in; defaults when there is no
 *   team codebook or it says nothing about suggestions
 *
 * Returns: %FALSE with @error when the team codebook cannot be read
 */
gboolean
gloss_suggest_settings_load (GFile                *article,
                             GlossSuggestSettings *settings,
                             GError              **error)
{
  g_autoptr(GFile) file = gloss_codebook_folder_file (article);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  JsonNode *root, *member;
  JsonObject *o;
  g_autoptr(GError) local = NULL;

  settings->enabled = TRUE;
  settings->hidden_share = 0;
  settings->seed = NULL;
  if (file == NULL || !g_file_query_exists (file, NULL))
    return TRUE;
  path = g_file_get_path (file);
  if (!json_parser_load_from_file (parser, path, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", path, local->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;
  member = json_object_get_member (json_node_get_object (root), GLOSS_SUGGEST_PROJECT_MEMBER);
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    return TRUE;
  o = json_node_get_object (member);
  settings->enabled = json_object_get_boolean_member_with_default (o, "enabled", TRUE);
  settings->hidden_share = CLAMP (json_object_get_double_member_with_default (o, "hidden_share", 0), 0, 1);
  settings->seed = g_strdup (json_object_get_string_member_with_default (o, "seed", NULL));
  return TRUE;
}

/**
 * gloss_suggest_shown_for:
 * @article_sha256: the article's text hash (the same article gets the same
 *   answer on every machine of the team)
 *
 * Returns: whether suggestions are shown for this article: on in the
 *   project, and the article not among the randomly hidden share
 */
gboolean
gloss_suggest_shown_for (const GlossSuggestSettings *settings,
                         const char                 *article_sha256)
{
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;
  guint64 value = 0;

  g_return_val_if_fail (settings != NULL, TRUE);

  if (!settings->enabled)
    return FALSE;
  if (settings->hidden_share <= 0)
    return TRUE;
  key = g_strconcat (settings->seed != NULL ? settings->seed : "", ":", article_sha256 != NULL ? article_sha256 : "", NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  /* The first 13 hex digits, as a fraction of 16^13. */
  for (guint i = 0; i < 13; i++)
    value = value * 16 + (guint64) g_ascii_xdigit_value (digest[i]);
  return (double) value / (double) (G_GUINT64_CONSTANT (1) << 52) >= settings->hidden_share;
}
