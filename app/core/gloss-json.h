/* gloss-json.h: deterministic, diff-friendly JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void  gloss_json_append_string (GString  *out,
                                const char *value);
void  gloss_json_append_node   (GString  *out,
                                JsonNode *node,
                                int       indent);
char *gloss_json_to_pretty     (JsonNode *node,
                                gsize    *length);
/* Nodes for building trees: a string (NULL gives ""), an integer, and an
 * object or array whose reference the node takes. */
JsonNode   *gloss_json_string_node      (const char *value);
JsonNode   *gloss_json_int_node         (gint64      value);
JsonNode   *gloss_json_object_node      (JsonObject *object);
JsonNode   *gloss_json_array_node       (JsonArray  *array);
JsonNode   *gloss_json_node_deep_copy   (JsonNode   *node);
JsonObject *gloss_json_object_deep_copy (JsonObject *object);

/* Deeper nesting is refused before json-glib sees it: its parser and its
 * tree freeing recurse once per level, and 100 000 levels overflow the stack. */
#define GLOSS_JSON_MAX_DEPTH 512

gboolean gloss_json_check       (const char  *data,
                                 gsize        length,
                                 GError     **error);
gboolean gloss_json_check_compact (const char  *data,
                                   gsize        length,
                                   char       **compact,
                                   gsize       *compact_length,
                                   GError     **error);
gboolean gloss_json_parser_load (JsonParser  *parser,
                                 const char  *data,
                                 gssize       length,
                                 GError     **error);

G_END_DECLS
