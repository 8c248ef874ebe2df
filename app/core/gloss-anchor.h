/* gloss-anchor.h: finding annotations again in a changed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint exact;
  guint moved;
  guint fuzzy;
  guint orphaned;
  guint cut;
} GlossAnchorReport;

gboolean          gloss_anchor_is_exact    (GlossDocument      *document,
                                            GlossAnnotation    *annotation);
GlossAnchorStatus gloss_anchor_annotation  (GlossDocument      *document,
                                            GlossAnnotation    *annotation);
void              gloss_anchor_set         (GlossDocument      *document,
                                            GlossAnnotationSet *set,
                                            GlossAnchorReport  *report);
void              gloss_anchor_set_from_version (GlossDocument      *previous,
                                                 GlossDocument      *document,
                                                 GlossAnnotationSet *set,
                                                 GlossAnchorReport  *report);

void              gloss_anchor_set_same_text    (GlossDocument      *document,
                                                 GlossAnnotationSet *set,
                                                 GlossAnchorReport  *report);

G_END_DECLS
