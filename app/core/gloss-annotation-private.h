/* gloss-annotation-private.h: for core siblings only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

/* Sets every field without property notifications: reading 100 000
 * annotations from a file must not pay for signals no one listens to yet. */
GlossAnnotation *_gloss_annotation_new_loaded (const char *id,
                                               const char *tag,
                                               guint       start,
                                               guint       end,
                                               const char *text,
                                               const char *prefix,
                                               const char *suffix,
                                               const char *note,
                                               const char *created,
                                               const char *modified);

/* The attribute and extra objects without making them: %NULL when empty
 * and never asked for. */
JsonObject      *_gloss_annotation_peek_attributes (GlossAnnotation *self);
JsonObject      *_gloss_annotation_peek_extra      (GlossAnnotation *self);

G_END_DECLS
