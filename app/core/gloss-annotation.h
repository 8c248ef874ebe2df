/* gloss-annotation.h: one tagged span of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_ANNOTATION_CONTEXT_LENGTH 32

#define GLOSS_TYPE_ANNOTATION (gloss_annotation_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotation, gloss_annotation, GLOSS, ANNOTATION, GObject)

GlossAnnotation   *gloss_annotation_new               (const char       *id,
                                                       const char       *tag,
                                                       guint             start,
                                                       guint             end);
GlossAnnotation   *gloss_annotation_copy              (GlossAnnotation  *self);
void               gloss_annotation_assign            (GlossAnnotation  *self,
                                                       GlossAnnotation  *from);
int                gloss_annotation_compare           (GlossAnnotation  *a,
                                                       GlossAnnotation  *b);

const char        *gloss_annotation_get_id            (GlossAnnotation  *self);
const char        *gloss_annotation_get_tag           (GlossAnnotation  *self);
void               gloss_annotation_set_tag           (GlossAnnotation  *self,
                                                       const char       *tag);
guint              gloss_annotation_get_start         (GlossAnnotation  *self);
guint              gloss_annotation_get_end           (GlossAnnotation  *self);
void               gloss_annotation_set_range         (GlossAnnotation  *self,
                                                       guint             start,
                                                       guint             end);
const char        *gloss_annotation_get_text          (GlossAnnotation  *self);
void               gloss_annotation_set_text          (GlossAnnotation  *self,
                                                       const char       *text);
const char        *gloss_annotation_get_prefix        (GlossAnnotation  *self);
void               gloss_annotation_set_prefix        (GlossAnnotation  *self,
                                                       const char       *prefix);
const char        *gloss_annotation_get_suffix        (GlossAnnotation  *self);
void               gloss_annotation_set_suffix        (GlossAnnotation  *self,
                                                       const char       *suffix);
const char        *gloss_annotation_get_note          (GlossAnnotation  *self);
void               gloss_annotation_set_note          (GlossAnnotation  *self,
                                                       const char       *note);
const char        *gloss_annotation_get_created       (GlossAnnotation  *self);
void               gloss_annotation_set_created       (GlossAnnotation  *self,
                                                       const char       *created);
const char        *gloss_annotation_get_modified      (GlossAnnotation  *self);
void               gloss_annotation_set_modified      (GlossAnnotation  *self,
                                                       const char       *modified);
void               gloss_annotation_touch             (GlossAnnotation  *self);
GlossAnchorStatus  gloss_annotation_get_anchor_status (GlossAnnotation  *self);
GlossAnchorStatus  gloss_annotation_get_review_marker (GlossAnnotation  *self);
void               gloss_annotation_set_anchor_status (GlossAnnotation  *self,
                                                       GlossAnchorStatus status);

/* Attributes: string values by attribute id; other JSON values are kept as they are. */
const char        *gloss_annotation_get_attribute     (GlossAnnotation  *self,
                                                       const char       *name);
void               gloss_annotation_set_attribute     (GlossAnnotation  *self,
                                                       const char       *name,
                                                       const char       *value);
JsonObject        *gloss_annotation_get_attributes    (GlossAnnotation  *self);
/* Keys of the sidecar record this version does not know, preserved on save. */
JsonObject        *gloss_annotation_get_extra         (GlossAnnotation  *self);

char              *gloss_timestamp_now                (void);

G_END_DECLS
