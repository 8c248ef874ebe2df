/* gloss-sidecar-private.h: for core siblings only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-sidecar.h"

G_BEGIN_DECLS

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
