/* gloss-types.h: forward declarations shared by every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _GlossAnnotation    GlossAnnotation;
typedef struct _GlossAnnotationSet GlossAnnotationSet;
typedef struct _GlossCodebook      GlossCodebook;
typedef struct _GlossTag           GlossTag;
typedef struct _GlossDocument      GlossDocument;
typedef struct _GlossSidecar       GlossSidecar;
typedef struct _GlossSession       GlossSession;

/**
 * GlossAnchorStatus:
 * @GLOSS_ANCHOR_EXACT: the stored text is still found at the stored offsets
 * @GLOSS_ANCHOR_MOVED: the exact text was found elsewhere (with its context)
 * @GLOSS_ANCHOR_FUZZY: only an approximate match was found
 * @GLOSS_ANCHOR_ORPHANED: no place in the text fits; the annotation is kept as it was
 * @GLOSS_ANCHOR_CUT: the passage was partly edited and less than half of it survives; the
 *   annotation covers what is left (placed through a diff of the old and new texts)
 */
typedef enum
{
  GLOSS_ANCHOR_EXACT,
  GLOSS_ANCHOR_MOVED,
  GLOSS_ANCHOR_FUZZY,
  GLOSS_ANCHOR_ORPHANED,
  GLOSS_ANCHOR_CUT,
} GlossAnchorStatus;

typedef enum
{
  GLOSS_ATTRIBUTE_TEXT,
  GLOSS_ATTRIBUTE_CHOICE,
  GLOSS_ATTRIBUTE_LINK,
} GlossAttributeType;

const char *gloss_anchor_status_to_string (GlossAnchorStatus status);

G_END_DECLS
