/* gloss-annotation-set.h: one annotator's annotations of one article, as a sorted GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_SET (gloss_annotation_set_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotationSet, gloss_annotation_set, GLOSS, ANNOTATION_SET, GObject)

GlossAnnotationSet *gloss_annotation_set_new            (void);

GlossDocument      *gloss_annotation_set_get_document   (GlossAnnotationSet *self);
void                gloss_annotation_set_set_document   (GlossAnnotationSet *self,
                                                         GlossDocument      *document);

guint               gloss_annotation_set_get_size       (GlossAnnotationSet *self);
GlossAnnotation    *gloss_annotation_set_get_nth        (GlossAnnotationSet *self,
                                                         guint               position);
GlossAnnotation    *gloss_annotation_set_lookup         (GlossAnnotationSet *self,
                                                         const char         *id);
gboolean            gloss_annotation_set_find_position  (GlossAnnotationSet *self,
                                                         GlossAnnotation    *annotation,
                                                         guint              *position);
GPtrArray          *gloss_annotation_set_query          (GlossAnnotationSet *self,
                                                         guint               start,
                                                         guint               end);
guint               gloss_annotation_set_count_tag      (GlossAnnotationSet *self,
                                                         const char         *tag);

/* Loading: no undo history, no "modified". Takes ownership of nothing. */
void                gloss_annotation_set_load           (GlossAnnotationSet *self,
                                                         GPtrArray          *annotations);

/* Undoable edits. Each bumps "modified" of the annotation and of the set. */
GlossAnnotation    *gloss_annotation_set_create         (GlossAnnotationSet *self,
                                                         const char         *tag,
                                                         guint               start,
                                                         guint               end);
void                gloss_annotation_set_add            (GlossAnnotationSet *self,
                                                         GlossAnnotation    *annotation);
void                gloss_annotation_set_remove         (GlossAnnotationSet *self,
                                                         GlossAnnotation    *annotation);
void                gloss_annotation_set_retag          (GlossAnnotationSet *self,
                                                         GlossAnnotation    *annotation,
                                                         const char         *tag);
void                gloss_annotation_set_move           (GlossAnnotationSet *self,
                                                         GlossAnnotation    *annotation,
                                                         guint               start,
                                                         guint               end);
void                gloss_annotation_set_set_note       (GlossAnnotationSet *self,
                                                         GlossAnnotation    *annotation,
                                                         const char         *note);
void                gloss_annotation_set_set_attribute  (GlossAnnotationSet *self,
                                                         GlossAnnotation    *annotation,
                                                         const char         *name,
                                                         const char         *value);
/* Undoes (@undo TRUE) or redoes a change recorded with
 * gloss_annotation_set_record_other(). */
typedef void (*GlossAnnotationSetApplyFunc) (gpointer data,
                                             gboolean undo);

void                gloss_annotation_set_record_other   (GlossAnnotationSet          *self,
                                                         const char                  *label,
                                                         GlossAnnotationSetApplyFunc  apply,
                                                         gpointer                     data,
                                                         GDestroyNotify               destroy);
void                gloss_annotation_set_begin_group    (GlossAnnotationSet *self,
                                                         const char         *label);
void                gloss_annotation_set_end_group      (GlossAnnotationSet *self);

gboolean            gloss_annotation_set_can_undo       (GlossAnnotationSet *self);
gboolean            gloss_annotation_set_can_redo       (GlossAnnotationSet *self);
const char         *gloss_annotation_set_get_undo_label (GlossAnnotationSet *self);
gboolean            gloss_annotation_set_undo           (GlossAnnotationSet *self);
gboolean            gloss_annotation_set_redo           (GlossAnnotationSet *self);
void                gloss_annotation_set_clear_history  (GlossAnnotationSet *self);
gboolean            gloss_annotation_set_get_changed_range (GlossAnnotationSet *self,
                                                         guint              *start,
                                                         guint              *end);

gboolean            gloss_annotation_set_get_modified   (GlossAnnotationSet *self);
guint64             gloss_annotation_set_get_serial     (GlossAnnotationSet *self);
void                gloss_annotation_set_mark_saved     (GlossAnnotationSet *self);

G_END_DECLS
