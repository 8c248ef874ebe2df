/* gloss-import.c: W3C Web Annotation and brat standoff files read into a sidecar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-json.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-import.h"
#include "gloss-sidecar.h"

G_DEFINE_QUARK (gloss-import-error-quark, gloss_import_error)

gboolean
gloss_import_format_from_string (const char        *name,
                                 GlossImportFormat *format)
{
  if (g_strcmp0 (name, "w3c") == 0)
    *format = GLOSS_IMPORT_W3C;
  else if (g_strcmp0 (name, "brat") == 0)
    *format = GLOSS_IMPORT_BRAT;
  else
    return FALSE;

  return TRUE;
}

/* A private copy, so that tags added for the file do not change the caller's. */
static GlossCodebook *
copy_codebook (GlossCodebook *codebook)
{
  g_autoptr(JsonNode) node = NULL;

  if (codebook == NULL)
    return gloss_codebook_new_default ();

  node = gloss_codebook_to_json (codebook);
  return gloss_codebook_new_from_json (node, "codebook", NULL);
}

/* The file's tags and links become part of the codebook, so that the sidecar
 * validates and exporting it again resolves the links. */
static void
ensure_tag (GlossCodebook *codebook,
            const char    *tag_id,
            const char    *link)
{
  GlossTag *tag = gloss_codebook_lookup (codebook, tag_id);

  if (tag == NULL)
    {
      g_autoptr(GlossTag) created = gloss_tag_new (tag_id, tag_id, "#c0bfbc", NULL);

      gloss_codebook_add_tag (codebook, created);
      tag = created;
    }

  if (link != NULL && gloss_tag_lookup_attribute (tag, link) == NULL)
    gloss_tag_add_attribute (tag, gloss_attribute_def_new (link, link, GLOSS_ATTRIBUTE_LINK));
}

/* Refuses what the sidecar reader would refuse, so that an import never
 * writes a sidecar Gloss cannot open: empty or repeated ids, empty tags. */
static gboolean
finish_sidecar (GlossSidecar  *sidecar,
                GPtrArray     *annotations,
                GlossDocument *document,
                GError       **error)
{
  GlossCodebook *codebook = gloss_sidecar_get_codebook (sidecar);
  /* Looked up, not searched: 60 000 linked spans took minutes. */
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      const char *id = gloss_annotation_get_id (annotation);
      const char *tag = gloss_annotation_get_tag (annotation);

      if (id == NULL || *id == '\0')
        {
          g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                       _("annotation %u has an empty id"), i + 1);
          return FALSE;
        }
      if (!g_hash_table_add (ids, (gpointer) id))
        {
          g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                       _("the id “%s” is given to two annotations"), id);
          return FALSE;
        }
      if (tag == NULL || *tag == '\0')
        {
          g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                       _("annotation “%s” has an empty tag"), id);
          return FALSE;
        }
      if (gloss_annotation_get_end (annotation) > G_MAXINT32 ||
          gloss_annotation_get_start (annotation) > gloss_annotation_get_end (annotation))
        {
          g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                       _("annotation “%s”: the offsets %u to %u are not a place in a text"), id,
                       gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
          return FALSE;
        }
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      JsonObject *attributes = gloss_annotation_get_attributes (annotation);
      g_autoptr(GList) names = json_object_get_members (attributes);

      ensure_tag (codebook, gloss_annotation_get_tag (annotation), NULL);
      for (const GList *l = names; l; l = l->next)
        {
          const char *value = gloss_annotation_get_attribute (annotation, l->data);
          GlossTag *tag = gloss_codebook_lookup (codebook, gloss_annotation_get_tag (annotation));

          /* It would be a codebook attribute without an id. */
          if (*(const char *) l->data == '\0')
            {
              g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                           _("annotation “%s” has an attribute without a name"),
                           gloss_annotation_get_id (annotation));
              return FALSE;
            }

          /* A value naming another annotation of the file is a link. */
          if (value != NULL && g_hash_table_contains (ids, value) &&
              gloss_tag_lookup_attribute (tag, l->data) == NULL)
            ensure_tag (codebook, gloss_annotation_get_tag (annotation), l->data);
        }
    }

  gloss_annotation_set_load (gloss_sidecar_get_annotations (sidecar), annotations);
  if (document != NULL)
    gloss_sidecar_attach_document (sidecar, document);
  return TRUE;
}

/* W3C Web Annotation */

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object ? json_object_get_member (object, name) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
int_member (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
has_type (JsonObject *object,
          const char *type)
{
  JsonNode *node = member (object, "type");

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node))
    return g_strcmp0 (json_node_get_string (node), type) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (g_strcmp0 (json_array_get_string_element (array, i), type) == 0)
          return TRUE;
    }

  return FALSE;
}

/* Single values and arrays of them are the same thing in the model. */
static GPtrArray *
as_list (JsonNode *node)
{
  GPtrArray *list = g_ptr_array_new ();

  if (node == NULL)
    return list;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (list, json_array_get_element (array, i));
    }
  else
    g_ptr_array_add (list, node);

  return list;
}

static void
collect_annotations (JsonNode  *node,
                     GPtrArray *out)
{
  JsonObject *object;

  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GPtrArray) list = as_list (node);

      for (guint i = 0; i < list->len; i++)
        collect_annotations (g_ptr_array_index (list, i), out);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  if (has_type (object, "Annotation"))
    g_ptr_array_add (out, object);
  else if (has_type (object, "AnnotationCollection"))
    collect_annotations (member (object, "first"), out);
  else if (has_type (object, "AnnotationPage"))
    {
      collect_annotations (member (object, "items"), out);
      /* Later pages only when embedded: nothing is fetched. */
      if (member (object, "next") != NULL && JSON_NODE_HOLDS_OBJECT (member (object, "next")))
        collect_annotations (member (object, "next"), out);
    }
}

static char *
gloss_id_from_iri (const char *iri)
{
  const char *fragment;

  if (iri == NULL)
    return g_uuid_string_random ();
  if (g_str_has_prefix (iri, "urn:uuid:"))
    return g_strdup (iri + strlen ("urn:uuid:"));
  fragment = strstr (iri, "#gloss-");
  if (fragment != NULL)
    return g_uri_unescape_string (fragment + strlen ("#gloss-"), NULL);

  return g_strdup (iri);
}

typedef struct
{
  JsonObject *annotation;
  const char *annotator;
  const char *annotator_name;
  const char *source;
} W3cItem;

static void
read_creator (JsonObject *annotation,
              W3cItem    *item)
{
  g_autoptr(GPtrArray) creators = as_list (member (annotation, "creator"));

  for (guint i = 0; i < creators->len; i++)
    {
      JsonNode *node = g_ptr_array_index (creators, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item->annotator = string_member (json_node_get_object (node), "nickname");
      item->annotator_name = string_member (json_node_get_object (node), "name");
      if (item->annotator != NULL)
        return;
    }
}

static JsonObject *
first_target (JsonObject *annotation,
              const char **source)
{
  g_autoptr(GPtrArray) targets = as_list (member (annotation, "target"));

  *source = NULL;
  for (guint i = 0; i < targets->len; i++)
    {
      JsonNode *node = g_ptr_array_index (targets, i);

      if (JSON_NODE_HOLDS_VALUE (node))
        {
          *source = json_node_get_string (node);
          return NULL;
        }
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          *source = string_member (json_node_get_object (node), "source");
          return json_node_get_object (node);
        }
    }

  return NULL;
}

static GlossAnnotation *
read_w3c_annotation (JsonObject     *object,
                     guint           index,
                     GlossDocument  *document,
                     GError        **error)
{
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(GPtrArray) bodies = as_list (member (object, "body"));
  g_autoptr(GPtrArray) selectors = NULL;
  g_autofree char *id = gloss_id_from_iri (string_member (object, "id"));
  g_autoptr(GString) note = g_string_new (NULL);
  const char *tag = NULL, *exact = NULL, *prefix = NULL, *suffix = NULL, *source;
  gint64 start = -1, end = -1;
  JsonObject *target = first_target (object, &source);
  JsonNode *attributes;

  for (guint i = 0; i < bodies->len; i++)
    {
      JsonNode *node = g_ptr_array_index (bodies, i);
      JsonObject *body;
      const char *purpose;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      body = json_node_get_object (node);
      purpose = string_member (body, "purpose");
      if (!has_type (body, "TextualBody") || string_member (body, "value") == NULL)
        continue;

      if (g_strcmp0 (purpose, "tagging") == 0 && tag == NULL)
        tag = string_member (body, "value");
      else if (g_strcmp0 (purpose, "commenting") == 0 || purpose == NULL)
        {
          if (note->len > 0)
            g_string_append (note, "\n\n");
          g_string_append (note, string_member (body, "value"));
        }
    }
  if (string_member (object, "bodyValue") != NULL)
    g_string_append (note, string_member (object, "bodyValue"));

  if (tag == NULL)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                   _("annotation %u (%s) has no tagging body"), index + 1, id);
      return NULL;
    }

  selectors = as_list (member (target, "selector"));
  for (guint i = 0; i < selectors->len; i++)
    {
      JsonNode *node = g_ptr_array_index (selectors, i);
      JsonObject *selector;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      selector = json_node_get_object (node);
      if (has_type (selector, "TextQuoteSelector"))
        {
          exact = string_member (selector, "exact");
          prefix = string_member (selector, "prefix");
          suffix = string_member (selector, "suffix");
        }
      else if (has_type (selector, "TextPositionSelector"))
        {
          if (!int_member (selector, "start", &start) || !int_member (selector, "end", &end) ||
              start < 0 || end < start || end > G_MAXUINT)
            {
              g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                           _("annotation %u (%s): the TextPositionSelector needs 0 ≤ start ≤ end"), index + 1, id);
              return NULL;
            }
        }
    }

  if (start < 0 && (exact == NULL || document == NULL))
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                   _("annotation %u (%s) has no TextPositionSelector, and no article to find its quote in"),
                   index + 1, id);
      return NULL;
    }

  /* Without positions the quote and its context are found when anchoring. */
  annotation = gloss_annotation_new (id, tag, MAX (start, 0), MAX (end, 0));
  if (exact != NULL)
    gloss_annotation_set_text (annotation, exact);
  else if (document != NULL)
    {
      g_autofree char *slice = gloss_document_get_slice (document, start, end);
      gloss_annotation_set_text (annotation, slice);
    }
  gloss_annotation_set_prefix (annotation, prefix ? prefix : "");
  gloss_annotation_set_suffix (annotation, suffix ? suffix : "");
  gloss_annotation_set_note (annotation, note->str);
  gloss_annotation_set_created (annotation, string_member (object, "created"));
  gloss_annotation_set_modified (annotation, string_member (object, "modified") ?
                                             string_member (object, "modified") : string_member (object, "created"));

  attributes = member (object, "gloss:attributes");
  if (attributes != NULL && JSON_NODE_HOLDS_OBJECT (attributes))
    {
      JsonObject *from = json_node_get_object (attributes);
      g_autoptr(GList) names = json_object_get_members (from);

      for (const GList *l = names; l; l = l->next)
        json_object_set_member (gloss_annotation_get_attributes (annotation), l->data,
                                json_node_copy (json_object_get_member (from, l->data)));
    }

  return g_steal_pointer (&annotation);
}

static char *
list_values (GHashTable *set)
{
  g_autoptr(GList) keys = g_hash_table_get_keys (set);
  GString *out = g_string_new (NULL);

  keys = g_list_sort (keys, (GCompareFunc)g_strcmp0);
  for (const GList *l = keys; l; l = l->next)
    g_string_append_printf (out, "%s%s", out->len ? ", " : "", (const char *)l->data);

  return g_string_free (out, FALSE);
}

/**
 * gloss_import_w3c:
 * @data: the JSON text
 * @length: its length, or -1
 * @options: (nullable): what to import and into which codebook
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new sidecar with the file's annotations of one
 *   annotator and one article
 */
GlossSidecar *
gloss_import_w3c (const char                *data,
                  gsize                      length,
                  const GlossImportOptions  *options,
                  GError                   **error)
{
  static const GlossImportOptions no_options = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (W3cItem));
  g_autoptr(GHashTable) annotators = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *annotator = NULL, *annotator_name = NULL, *source = NULL;
  JsonObject *info;

  if (options == NULL)
    options = &no_options;

  if (!gloss_json_parser_load (parser, data, length, &local_error))
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                   _("not JSON: %s"), local_error->message);
      return NULL;
    }

  collect_annotations (json_parser_get_root (parser), objects);
  if (objects->len == 0)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                   _("no W3C Web Annotation found (an Annotation, AnnotationPage or AnnotationCollection)"));
      return NULL;
    }

  for (guint i = 0; i < objects->len; i++)
    {
      W3cItem item = { g_ptr_array_index (objects, i), NULL, NULL, NULL };

      read_creator (item.annotation, &item);
      first_target (item.annotation, &item.source);

      if (options->annotator != NULL && item.annotator != NULL && !g_str_equal (options->annotator, item.annotator))
        continue;
      if (options->source != NULL && g_strcmp0 (options->source, item.source) != 0)
        continue;

      if (item.annotator != NULL)
        g_hash_table_add (annotators, (gpointer)item.annotator);
      if (item.source != NULL)
        g_hash_table_add (sources, (gpointer)item.source);
      g_array_append_val (items, item);
    }

  /* A sidecar is one annotator's layer of one article. */
  if (g_hash_table_size (annotators) > 1 && options->annotator == NULL)
    {
      g_autofree char *list = list_values (annotators);

      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_AMBIGUOUS,
                   _("the file holds annotations of several annotators (%s); choose one"), list);
      return NULL;
    }
  if (g_hash_table_size (sources) > 1)
    {
      g_autofree char *list = list_values (sources);

      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_AMBIGUOUS,
                   _("the file holds annotations of several articles (%s); choose one"), list);
      return NULL;
    }

  if (items->len == 0)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_EMPTY,
                   _("none of the file's %u annotations is by that annotator and of that article"), objects->len);
      return NULL;
    }

  for (guint i = 0; i < items->len; i++)
    {
      W3cItem *item = &g_array_index (items, W3cItem, i);
      GlossAnnotation *annotation = read_w3c_annotation (item->annotation, i, options->document, error);

      if (annotation == NULL)
        return NULL;
      g_ptr_array_add (annotations, annotation);
      if (annotator == NULL)
        {
          annotator = item->annotator;
          annotator_name = item->annotator_name;
        }
      if (source == NULL)
        source = item->source;
    }

  if (options->annotator != NULL)
    annotator = options->annotator;
  if (annotator == NULL || !gloss_annotator_id_is_valid (annotator))
    annotator = "imported";

  codebook = copy_codebook (options->codebook);
  sidecar = gloss_sidecar_new (annotator, codebook);
  if (annotator_name != NULL)
    gloss_sidecar_set_annotator_name (sidecar, annotator_name);

  if (!finish_sidecar (sidecar, annotations, options->document, error))
    return NULL;

  /* Provenance from the target where the article did not give it. */
  info = gloss_sidecar_get_document_info (sidecar);
  if (source != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (source, G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && !json_object_has_member (info, "url") &&
          (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0))
        json_object_set_string_member (info, "url", source);
      if (uri != NULL && !json_object_has_member (info, "source") &&
          g_uri_get_path (uri) != NULL && *g_uri_get_path (uri))
        {
          g_autofree char *path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
          g_autofree char *base = path ? g_path_get_basename (path) : NULL;

          if (base != NULL && *base && !g_str_equal (base, "/") && !g_str_equal (base, "."))
            json_object_set_string_member (info, "source", base);
        }
    }

  return g_steal_pointer (&sidecar);
}

/* brat standoff */

/* An attribute's or a relation's name becomes an attribute id of the
 * codebook, which cannot be empty ("A1\t T1", "R1\t Arg1:T1 Arg2:T2"). */
static gboolean
attribute_name_ok (const char  *name,
                   guint        line,
                   GError     **error)
{
  if (name != NULL && *name != '\0')
    return TRUE;
  g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
               _("line %u: an attribute or a relation needs a name"), line);
  return FALSE;
}

static char *
brat_unescape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          switch (*p)
            {
            case 'n': g_string_append_c (out, '\n'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            case 't': g_string_append_c (out, '\t'); break;
            default: g_string_append_c (out, *p); break;
            }
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  GlossAnnotation *annotation;
  char            *brat_id;
} BratSpan;

/* Characters @start to @end of the raw text (clamped to it). */
static char *
raw_slice (const char  *text,
           const gsize *offsets,
           gsize        n_chars,
           gsize        start,
           gsize        end)
{
  start = MIN (start, n_chars);
  end = MIN (MAX (end, start), n_chars);
  return g_strndup (text + offsets[start], offsets[end] - offsets[start]);
}

static GlossAnnotation *
find_span (GHashTable *spans,
           const char *brat_id,
           guint       line,
           GError    **error)
{
  GlossAnnotation *annotation = g_hash_table_lookup (spans, brat_id);

  if (annotation == NULL)
    g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                 _("line %u: “%s” is not a text-bound annotation of the file"), line, brat_id);

  return annotation;
}

/**
 * gloss_import_brat:
 * @ann: the .ann file's content
 * @ann_length: its length
 * @text: the .txt file's content (the text brat's offsets count in)
 * @text_length: its length
 * @text_name: (nullable): the .txt's name, for document.source
 * @options: (nullable): annotator, article and codebook
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new sidecar
 */
GlossSidecar *
gloss_import_brat (const char                *ann,
                   gsize                      ann_length,
                   const char                *text,
                   gsize                      text_length,
                   const char                *text_name,
                   const GlossImportOptions  *options,
                   GError                   **error)
{
  static const GlossImportOptions no_options = { 0 };
  g_autoptr(GlossDocument) text_document = NULL;
  g_autoptr(GHashTable) spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autofree char *default_annotator = NULL;
  g_autofree char *content = g_strndup (ann, ann_length);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossDocument *document;
  gsize text_chars;
  g_autofree gsize *raw_offsets = NULL;

  if (options == NULL)
    options = &no_options;

  if (!g_utf8_validate (ann, ann_length, NULL) || !g_utf8_validate (text, text_length, NULL))
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE, _("brat files must be UTF-8"));
      return NULL;
    }

  /* brat's offsets count characters of the .txt as it is, not canonicalized:
   * quote and context are taken from it as it is, and anchoring then finds
   * them in the canonical text (CRLF line ends and NFD text differ). */
  text_chars = g_utf8_strlen (text, text_length);
  raw_offsets = g_new (gsize, text_chars + 1);
  {
    const char *p = text;

    for (gsize i = 0; i < text_chars; i++, p = g_utf8_next_char (p))
      raw_offsets[i] = p - text;
    raw_offsets[text_chars] = text_length;
  }
  text_document = gloss_document_new (text, text_length, &local_error);
  if (text_document == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  lines = g_strsplit (content, "\n", -1);

  /* Gloss's own ids ride along in "#… GlossId T1" comments. */
  for (guint n = 0; lines[n]; n++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[n], "\t", 3);
      g_auto(GStrv) head = NULL;

      if (lines[n][0] != '#' || fields[1] == NULL || fields[2] == NULL)
        continue;
      head = g_strsplit (fields[1], " ", 2);
      if (head[1] != NULL && g_str_equal (head[0], "GlossId"))
        {
          char *id = brat_unescape (g_strchomp (fields[2]));

          if (*id != '\0')
            g_hash_table_insert (ids, g_strdup (head[1]), id);
          else
            g_free (id);
        }
    }

  /* Text-bound annotations first: the other lines refer to them. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint n = 0; lines[n]; n++)
      {
        g_auto(GStrv) fields = NULL;
        char *line = lines[n];
        gsize len = strlen (line);

        if (len > 0 && line[len - 1] == '\r')
          line[len - 1] = '\0';
        if (*line == '\0')
          continue;

        fields = g_strsplit (line, "\t", 3);
        if (fields[1] == NULL)
          {
            g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                         _("line %u: not a brat annotation (no tab)"), n + 1);
            return NULL;
          }

        if (pass == 0 && line[0] == 'T')
          {
            g_auto(GStrv) head = g_strsplit (fields[1], " ", 2);
            g_auto(GStrv) fragments = NULL;
            gint64 start = -1, end = -1;
            g_autofree char *uuid = NULL;
            g_autofree char *slice = NULL;
            GlossAnnotation *annotation;

            if (head[1] == NULL)
              {
                g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                             _("line %u: a text-bound annotation needs a type and offsets"), n + 1);
                return NULL;
              }

            fragments = g_strsplit (head[1], ";", -1);
            for (guint f = 0; fragments[f]; f++)
              {
                char *rest;
                gint64 s = g_ascii_strtoll (fragments[f], &rest, 10);
                gint64 e = g_ascii_strtoll (rest, &rest, 10);

                if (rest == fragments[f] || s < 0 || e < s || (gsize)e > text_chars)
                  {
                    g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID,
                                 _("line %u: offsets “%s” are not inside the text (%zu characters)"),
                                 n + 1, fragments[f], text_chars);
                    return NULL;
                  }
                if (start < 0 || s < start)
                  start = s;
                if (e > end)
                  end = e;
              }

            if (g_hash_table_contains (ids, fields[0]))
              uuid = g_strdup (g_hash_table_lookup (ids, fields[0]));
            else
              uuid = g_uuid_string_random ();
            annotation = gloss_annotation_new (uuid, head[0], start, end);
            slice = raw_slice (text, raw_offsets, text_chars, start, end);
            gloss_annotation_set_text (annotation, slice);
            g_hash_table_insert (spans, g_strdup (fields[0]), annotation);
            g_ptr_array_add (order, g_object_ref (annotation));
          }
        else if (pass == 1 && line[0] == '#' && fields[2] != NULL)
          {
            g_auto(GStrv) head = g_strsplit (fields[1], " ", 2);
            g_autofree char *value = brat_unescape (fields[2]);
            GlossAnnotation *annotation;

            if (head[1] == NULL)
              continue;
            annotation = find_span (spans, head[1], n + 1, error);
            if (annotation == NULL)
              return NULL;

            if (g_str_equal (head[0], "AnnotatorNotes"))
              {
                const char *old = gloss_annotation_get_note (annotation);
                g_autofree char *joined = old && *old ? g_strconcat (old, "\n", value, NULL) : g_strdup (value);

                gloss_annotation_set_note (annotation, joined);
              }
            else if (g_str_equal (head[0], "GlossCreated"))
              gloss_annotation_set_created (annotation, value);
            else if (g_str_equal (head[0], "GlossModified"))
              gloss_annotation_set_modified (annotation, value);
            else if (g_str_equal (head[0], "GlossAttribute"))
              {
                /* name=value, with "=" escaped nowhere: names never hold one. */
                g_autofree char *raw_name = NULL;
                const char *eq = strchr (fields[2], '=');

                if (eq != NULL)
                  {
                    g_autofree char *name = NULL;
                    g_autofree char *attribute_value = brat_unescape (eq + 1);

                    raw_name = g_strndup (fields[2], eq - fields[2]);
                    name = brat_unescape (raw_name);
                    if (!attribute_name_ok (name, n + 1, error))
                      return NULL;
                    gloss_annotation_set_attribute (annotation, name, attribute_value);
                  }
              }
          }
        else if (pass == 1 && (line[0] == 'A' || line[0] == 'M'))
          {
            g_auto(GStrv) parts = g_strsplit (fields[1], " ", 3);
            GlossAnnotation *annotation;

            if (parts[0] == NULL || parts[1] == NULL)
              continue;
            if (!attribute_name_ok (parts[0], n + 1, error))
              return NULL;
            annotation = find_span (spans, parts[1], n + 1, error);
            if (annotation == NULL)
              return NULL;
            gloss_annotation_set_attribute (annotation, parts[0], parts[2] ? parts[2] : "true");
          }
      }

  for (guint n = 0; lines[n]; n++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[n], "\t", 3);
      g_auto(GStrv) parts = NULL;
      GlossAnnotation *from, *to;

      if (lines[n][0] != 'R' || fields[1] == NULL)
        continue;
      parts = g_strsplit (fields[1], " ", 3);
      if (parts[0] == NULL || parts[1] == NULL || parts[2] == NULL ||
          !g_str_has_prefix (parts[1], "Arg1:") || !g_str_has_prefix (parts[2], "Arg2:"))
        {
          g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE,
                       _("line %u: a relation needs Arg1: and Arg2:"), n + 1);
          return NULL;
        }
      if (!attribute_name_ok (parts[0], n + 1, error))
        return NULL;
      from = find_span (spans, parts[1] + 5, n + 1, error);
      if (from == NULL)
        return NULL;
      to = find_span (spans, parts[2] + 5, n + 1, error);
      if (to == NULL)
        return NULL;
      gloss_annotation_set_attribute (from, parts[0], gloss_annotation_get_id (to));
    }

  for (guint i = 0; i < order->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (order, i);

      if (gloss_annotation_get_modified (annotation) == NULL && gloss_annotation_get_created (annotation) != NULL)
        gloss_annotation_set_modified (annotation, gloss_annotation_get_created (annotation));
    }

  codebook = copy_codebook (options->codebook);
  default_annotator = gloss_annotator_id_default ();
  sidecar = gloss_sidecar_new (options->annotator ? options->annotator : default_annotator, codebook);

  /* Annotations are placed in the .txt first, then anchored in the article
   * if one was given (its canonical text may differ). */
  document = options->document ? options->document : text_document;
  if (document == text_document && text_name != NULL)
    {
      g_autofree char *base = g_path_get_basename (text_name);

      /* "story.html.txt" was written for the article "story.html". */
      if (g_str_has_suffix (base, ".txt") && strchr (base, '.') != strrchr (base, '.'))
        base[strlen (base) - 4] = '\0';
      gloss_document_set_source (text_document, base);
    }
  /* The context anchoring needs, from the text the offsets count in. */
    {
      for (guint i = 0; i < order->len; i++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (order, i);
          guint start = gloss_annotation_get_start (annotation);
          guint end = gloss_annotation_get_end (annotation);
          guint s = start > GLOSS_ANNOTATION_CONTEXT_LENGTH ? start - GLOSS_ANNOTATION_CONTEXT_LENGTH : 0;
          g_autofree char *prefix = raw_slice (text, raw_offsets, text_chars, s, start);
          g_autofree char *suffix = raw_slice (text, raw_offsets, text_chars, end, end + GLOSS_ANNOTATION_CONTEXT_LENGTH);

          gloss_annotation_set_prefix (annotation, prefix);
          gloss_annotation_set_suffix (annotation, suffix);
        }
    }

  if (!finish_sidecar (sidecar, order, document, error))
    return NULL;
  return g_steal_pointer (&sidecar);
}

GlossSidecar *
gloss_import_file (GlossImportFormat          format,
                   GFile                     *file,
                   const GlossImportOptions  *options,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  if (format == GLOSS_IMPORT_W3C)
    return gloss_import_w3c (data, length, options, error);
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *stem = NULL;
      g_autofree char *text_name = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GFile) text_file = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize text_length;

      stem = g_str_has_suffix (basename, ".ann") ? g_strndup (basename, strlen (basename) - 4) : g_strdup (basename);
      text_name = g_strconcat (stem, ".txt", NULL);
      text_file = g_file_get_child (parent, text_name);
      if (!g_file_load_contents (text_file, cancellable, &text, &text_length, NULL, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("the brat text %s: %s"), text_name, local_error->message);
          return NULL;
        }

      return gloss_import_brat (data, length, text, text_length, text_name, options, error);
    }
}
