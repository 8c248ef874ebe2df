/* gloss-export-jsonl.c: the JSON Lines writer, one record a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"

static void
append_compact (GString  *out,
                JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);

      g_string_append_c (out, '{');
      for (const GList *l = names; l; l = l->next)
        {
          gloss_json_append_string (out, l->data);
          g_string_append_c (out, ':');
          append_compact (out, json_object_get_member (object, l->data));
          if (l->next)
            g_string_append_c (out, ',');
        }
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_compact (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else
    gloss_json_append_node (out, node, 0);
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_c (out, ',');
  gloss_json_append_string (out, name);
  g_string_append_c (out, ':');
  if (value == NULL)
    g_string_append (out, "null");
  else
    gloss_json_append_string (out, value);
}

static void
append_int_member (GString    *out,
                   const char *name,
                   gint64      value)
{
  g_string_append_c (out, ',');
  gloss_json_append_string (out, name);
  if (value < 0)
    g_string_append (out, ":null");
  else
    g_string_append_printf (out, ":%" G_GINT64_FORMAT, value);
}

static void
append_object_member (GString    *out,
                      const char *name,
                      JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  if (object != NULL)
    json_node_set_object (node, object);
  else
    json_node_take_object (node, json_object_new ());
  g_string_append_c (out, ',');
  gloss_json_append_string (out, name);
  g_string_append_c (out, ':');
  append_compact (out, node);
}

GBytes *
_gloss_export_write_jsonl (GlossExporter  *self,
                           GError        **error)
{
  GString *out = g_string_sized_new (512 * (self->records->len + 1));

  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);

      g_string_append (out, "{\"id\":");
      gloss_json_append_string (out, record->id);
      append_member (out, "tag", record->tag);
      append_member (out, "tag_label", record->tag_label);
      append_member (out, "text", record->text);
      append_int_member (out, "start", record->start);
      append_int_member (out, "end", record->end);
      /* JavaScript strings count UTF-16 code units; the names say so. */
      append_int_member (out, "start_utf16", record->start_utf16);
      append_int_member (out, "end_utf16", record->end_utf16);
      append_int_member (out, "paragraph", record->paragraph > 0 ? (gint64)record->paragraph : -1);
      append_member (out, "sentence", record->sentence);
      append_member (out, "prefix", record->prefix);
      append_member (out, "suffix", record->suffix);
      append_member (out, "note", record->note);
      append_object_member (out, "attributes", record->attributes);

      g_string_append (out, ",\"links\":{");
      for (guint k = 0; k < record->links->len; k++)
        {
          GlossExportLink *link = g_ptr_array_index (record->links, k);

          if (k > 0)
            g_string_append_c (out, ',');
          gloss_json_append_string (out, link->attribute);
          g_string_append (out, ":{\"id\":");
          gloss_json_append_string (out, link->id);
          append_member (out, "tag", link->tag);
          append_member (out, "text", link->text);
          append_object_member (out, "attributes", link->attributes);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, '}');

      append_member (out, "annotator", record->annotator);
      append_member (out, "annotator_name", record->annotator_name);
      append_member (out, "article_title", record->article_title);
      append_member (out, "source", record->source);
      append_member (out, "url", record->url);
      append_member (out, "published", record->published);
      append_member (out, "created", record->created);
      append_member (out, "modified", record->modified);
      append_member (out, "anchor", record->anchor);
      g_string_append (out, "}\n");
    }

  return g_string_free_to_bytes (out);
}
