/* gloss-sidecar-private.h: for core siblings only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-sidecar.h"

G_BEGIN_DECLS

struct _GlossSidecar
{
  GObject             parent_instance;

  GFile              *file;
  char               *stamp;
  char               *annotator_id;
  char               *annotator_name;
  GlossCodebook      *codebook;
  GlossAnnotationSet *annotations;
  GlossDocument      *document;
  JsonObject         *document_info;
  JsonObject         *extra;          /* unknown top-level members */
  JsonObject         *annotator_extra;
  gboolean            from_cache;     /* read from the parsed-sidecar cache */
  GPtrArray          *file_order;     /* as read, when not sorted like the set */
};

static inline gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* gloss-sidecar-read.c: reads @data as gloss_sidecar_new_from_data() does, and
 * gives the parser, and so its tree, to @parser_out when asked. */
GlossSidecar *_gloss_sidecar_read_data        (const char   *data,
                                               gsize         length,
                                               const char   *display_name,
                                               GPtrArray   **problems,
                                               JsonParser  **parser_out,
                                               GError      **error);

/* Reads @rest, a sidecar whose annotations list is empty, and gives it
 * @annotations.  %NULL when @rest has any problem at all, even a warning. */
GlossSidecar *_gloss_sidecar_new_from_parts   (const char   *rest,
                                               gsize         rest_length,
                                               GPtrArray    *annotations);
/* Reads @data as gloss_sidecar_new_from_data() does, and gives its parse
 * tree too; %NULL when it has any problem at all, even a warning. */
GlossSidecar *_gloss_sidecar_read_clean       (const char   *data,
                                               gsize         length,
                                               JsonParser  **parser);
gboolean      _gloss_sidecar_is_from_cache    (GlossSidecar *sidecar);
/* @self is to be written where @old was read from, under the same check
 * that the file on disk is still the one read (its stamp). */
void          _gloss_sidecar_take_place       (GlossSidecar *self,
                                               GlossSidecar *old);

/* The parsed-sidecar cache (gloss-sidecar-cache.c).  Sidecars smaller than
 * this are read from their JSON every time. */
#define GLOSS_SIDECAR_CACHE_MIN_BYTES (512 * 1024)

GlossSidecar *_gloss_sidecar_cache_read       (GFile        *file,
                                               const char   *data,
                                               gsize         length);
void          _gloss_sidecar_cache_remember   (GFile        *file,
                                               GBytes       *contents);
GFile        *_gloss_sidecar_cache_file       (GFile        *file);

G_END_DECLS
