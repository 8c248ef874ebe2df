/* gloss-export-w3c.c: the W3C Web Annotation writer (an AnnotationCollection in JSON-LD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"

/* Annotation ids must be IRIs; Gloss's are UUIDs, so urn:uuid: fits. Other
 * ids are kept readable after the article's address. */
static char *
w3c_annotation_iri (const char *id,
                    const char *source_iri)
{
  g_autofree char *escaped = NULL;

  if (g_uuid_string_is_valid (id))
    return g_strconcat ("urn:uuid:", id, NULL);

  escaped = g_uri_escape_string (id, NULL, FALSE);
  return g_strconcat (source_iri, "#gloss-", escaped, NULL);
}

static char *
item_source_iri (GlossExportItem *item)
{
  JsonObject *info = gloss_sidecar_get_document_info (item->sidecar);
  const char *url = _gloss_export_info_string (info, "url");
  g_autofree char *escaped = NULL;

  if (url != NULL && *url)
    return g_strdup (url);
  if (item->article != NULL)
    return g_file_get_uri (item->article);
  if (item->document != NULL && gloss_document_get_file (item->document) != NULL)
    return g_file_get_uri (gloss_document_get_file (item->document));

  /* No file at hand: a relative reference would not be an absolute IRI. */
  escaped = g_uri_escape_string (gloss_sidecar_get_document_source (item->sidecar) ?
                                 gloss_sidecar_get_document_source (item->sidecar) : "article", NULL, FALSE);
  return g_strconcat ("urn:gloss:article:", escaped, NULL);
}

static JsonNode *
w3c_annotation (GlossExportItem              *item,
                GlossExportRecord *record,
                const char        *source_iri)
{
  JsonObject *annotation = json_object_new ();
  JsonArray *bodies = json_array_new ();
  JsonObject *target = json_object_new ();
  JsonArray *selectors = json_array_new ();
  JsonObject *quote = json_object_new ();
  JsonObject *creator;
  JsonObject *body;
  g_autofree char *iri = w3c_annotation_iri (record->id, source_iri);
  gboolean placed = record->anchor != NULL && !g_str_equal (record->anchor, "orphaned");

  json_object_set_member (annotation, "id", gloss_json_string_node (iri));
  json_object_set_member (annotation, "type", gloss_json_string_node ("Annotation"));
  json_object_set_member (annotation, "motivation", gloss_json_string_node ("tagging"));

  creator = json_object_new ();
  json_object_set_member (creator, "type", gloss_json_string_node ("Person"));
  json_object_set_member (creator, "nickname", gloss_json_string_node (record->annotator));
  if (record->annotator_name != NULL && *record->annotator_name)
    json_object_set_member (creator, "name", gloss_json_string_node (record->annotator_name));
  json_object_set_member (annotation, "creator", gloss_json_object_node (creator));
  if (record->created != NULL)
    json_object_set_member (annotation, "created", gloss_json_string_node (record->created));
  if (record->modified != NULL)
    json_object_set_member (annotation, "modified", gloss_json_string_node (record->modified));

  body = json_object_new ();
  json_object_set_member (body, "type", gloss_json_string_node ("TextualBody"));
  json_object_set_member (body, "purpose", gloss_json_string_node ("tagging"));
  json_object_set_member (body, "value", gloss_json_string_node (record->tag));
  json_array_add_object_element (bodies, body);

  if (record->note != NULL && *record->note)
    {
      body = json_object_new ();
      json_object_set_member (body, "type", gloss_json_string_node ("TextualBody"));
      json_object_set_member (body, "purpose", gloss_json_string_node ("commenting"));
      json_object_set_member (body, "value", gloss_json_string_node (record->note));
      json_object_set_member (body, "format", gloss_json_string_node ("text/plain"));
      json_array_add_object_element (bodies, body);
    }

  /* A link (a quote's speaker) is another annotation: a linking body names it. */
  for (guint k = 0; k < record->links->len; k++)
    {
      GlossExportLink *link = g_ptr_array_index (record->links, k);
      g_autofree char *link_iri = w3c_annotation_iri (link->id, source_iri);

      /* Only a SpecificResource (not a bare IRI) may carry a purpose. */
      body = json_object_new ();
      json_object_set_member (body, "type", gloss_json_string_node ("SpecificResource"));
      json_object_set_member (body, "source", gloss_json_string_node (link_iri));
      json_object_set_member (body, "purpose", gloss_json_string_node ("linking"));
      json_array_add_object_element (bodies, body);
    }
  json_object_set_member (annotation, "body", gloss_json_array_node (bodies));

  json_object_set_member (target, "source", gloss_json_string_node (source_iri));
  json_object_set_member (quote, "type", gloss_json_string_node ("TextQuoteSelector"));
  json_object_set_member (quote, "exact", gloss_json_string_node (record->text ? record->text : ""));
  if (record->prefix != NULL && *record->prefix)
    json_object_set_member (quote, "prefix", gloss_json_string_node (record->prefix));
  if (record->suffix != NULL && *record->suffix)
    json_object_set_member (quote, "suffix", gloss_json_string_node (record->suffix));
  json_array_add_object_element (selectors, quote);

  /* Positions only where they slice the article to the quote. */
  if (placed || item->document == NULL)
    {
      JsonObject *position = json_object_new ();

      json_object_set_member (position, "type", gloss_json_string_node ("TextPositionSelector"));
      json_object_set_member (position, "start", gloss_json_int_node (record->start));
      json_object_set_member (position, "end", gloss_json_int_node (record->end));
      json_array_add_object_element (selectors, position);
    }
  json_object_set_member (target, "selector", gloss_json_array_node (selectors));
  json_object_set_member (annotation, "target", gloss_json_object_node (target));

  /* Attributes (choices, free text, link ids) as Gloss keeps them, so that
   * importing the file back loses nothing; "@json" keeps them a literal. */
  if (json_object_get_size (record->attributes) > 0)
    {
      g_autoptr(JsonNode) copy = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (copy, record->attributes);
      json_object_set_member (annotation, "gloss:attributes", json_node_copy (copy));
    }

  return gloss_json_object_node (annotation);
}

static JsonNode *
w3c_context (void)
{
  JsonArray *context = json_array_new ();
  JsonObject *extension = json_object_new ();
  JsonObject *attributes = json_object_new ();

  json_array_add_string_element (context, "http://www.w3.org/ns/anno.jsonld");
  json_object_set_member (extension, "gloss", gloss_json_string_node ("urn:gloss:ns:"));
  json_object_set_member (attributes, "@id", gloss_json_string_node ("gloss:attributes"));
  json_object_set_member (attributes, "@type", gloss_json_string_node ("@json"));
  json_object_set_member (extension, "gloss:attributes", gloss_json_object_node (attributes));
  json_array_add_object_element (context, extension);

  return gloss_json_array_node (context);
}

GBytes *
_gloss_export_write_w3c (GlossExporter  *self,
                         GError        **error)
{
  JsonObject *collection = json_object_new ();
  JsonObject *page = json_object_new ();
  JsonArray *items = json_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *collection_id = g_strconcat ("urn:uuid:", uuid, NULL);
  g_autofree char *now = gloss_timestamp_now ();
  char *data;
  gsize length;

  for (guint i = 0; i < self->items->len; i++)
    {
      GlossExportItem *item = g_ptr_array_index (self->items, i);
      g_autofree char *source_iri = item_source_iri (item);

      for (guint r = 0; r < item->records->len; r++)
        json_array_add_element (items, w3c_annotation (item, g_ptr_array_index (item->records, r), source_iri));
    }

  json_object_set_member (collection, "@context", w3c_context ());
  json_object_set_member (collection, "id", gloss_json_string_node (collection_id));
  json_object_set_member (collection, "type", gloss_json_string_node ("AnnotationCollection"));
  json_object_set_member (collection, "label", gloss_json_string_node (_("Annotations exported from Gloss")));
  json_object_set_member (collection, "generated", gloss_json_string_node (now));
  json_object_set_member (collection, "total", gloss_json_int_node (json_array_get_length (items)));

  {
    g_autofree char *page_uuid = g_uuid_string_random ();
    g_autofree char *page_id = g_strconcat ("urn:uuid:", page_uuid, NULL);

    json_object_set_member (page, "id", gloss_json_string_node (page_id));
  }
  json_object_set_member (page, "type", gloss_json_string_node ("AnnotationPage"));
  json_object_set_member (page, "partOf", gloss_json_string_node (collection_id));
  json_object_set_member (page, "startIndex", gloss_json_int_node (0));
  json_object_set_member (page, "items", gloss_json_array_node (items));
  json_object_set_member (collection, "first", gloss_json_object_node (page));

  root = gloss_json_object_node (collection);
  data = gloss_json_to_pretty (root, &length);
  return g_bytes_new_take (data, length);
}
