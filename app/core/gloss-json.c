/* gloss-json.c: deterministic, diff-friendly JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-json.h"

/*
 * json-glib parses and holds every document; only the final layout is done
 * here, because json-glib 1.6's pretty printer writes `"key" : value` and
 * prints an empty object as `{      }`, neither of which is what people (or
 * Python's json.dump) write.  Members keep the order of the JsonObject.
 * Strings stay UTF-8; only what JSON requires is escaped.
 */

void
gloss_json_append_string (GString    *out,
                          const char *value)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *)value; *p; p++)
    {
      const unsigned char *run = p;

      /* Runs that need no escape go in at once. */
      while (*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      if (p > run)
        g_string_append_len (out, (const char *)run, p - run);
      if (*p == '\0')
        break;

      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest form that reads back to the same double. */
  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buffer, sizeof buffer, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
  /* Keep it a floating-point number when read back. */
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
newline (GString *out,
         int      indent)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

void
gloss_json_append_node (GString  *out,
                        JsonNode *node,
                        int       indent)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }

        g_string_append_c (out, '{');
        for (const GList *l = members; l; l = l->next)
          {
            newline (out, indent + 2);
            gloss_json_append_string (out, l->data);
            g_string_append (out, ": ");
            gloss_json_append_node (out, json_object_get_member (object, l->data), indent + 2);
            if (l->next)
              g_string_append_c (out, ',');
          }
        newline (out, indent);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            newline (out, indent + 2);
            gloss_json_append_node (out, json_array_get_element (array, i), indent + 2);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        newline (out, indent);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          gloss_json_append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

/**
 * gloss_json_to_pretty:
 * @node: a JSON tree
 * @length: (out) (optional): length of the result
 *
 * Returns: (transfer full): @node as text with a two-space indent and a final newline
 */
char *
gloss_json_to_pretty (JsonNode *node,
                      gsize    *length)
{
  GString *out = g_string_sized_new (4096);

  gloss_json_append_node (out, node, 0);
  g_string_append_c (out, '\n');

  if (length)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * gloss_json_node_deep_copy:
 * @node: a JSON tree
 *
 * json_node_copy() shares objects and arrays between the copies; undo
 * snapshots need copies that later edits of the original cannot reach.
 *
 * Returns: (transfer full): an independent copy of @node
 */
JsonNode *
gloss_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, gloss_json_object_deep_copy (json_node_get_object (node)));
      return copy;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *out = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (out, gloss_json_node_deep_copy (json_array_get_element (array, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, out);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      copy = json_node_copy (node);
      /* A copy of an immutable (parsed) value is mutable again. */
      return copy;
    }
}

/**
 * gloss_json_object_deep_copy:
 * @object: a JSON object
 *
 * Returns: (transfer full): an independent copy of @object, members in the same order
 */
JsonObject *
gloss_json_object_deep_copy (JsonObject *object)
{
  JsonObject *out = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l; l = l->next)
    json_object_set_member (out, l->data, gloss_json_node_deep_copy (json_object_get_member (object, l->data)));

  return out;
}

JsonNode *
gloss_json_string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value ? value : "");
  return node;
}

JsonNode *
gloss_json_int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

JsonNode *
gloss_json_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
gloss_json_array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}
