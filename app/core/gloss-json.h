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
JsonNode   *gloss_json_node_deep_copy   (JsonNode   *node);
JsonObject *gloss_json_object_deep_copy (JsonObject *object);

G_END_DECLS
