/* gloss-codebook-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODEBOOK_EDITOR (gloss_codebook_editor_get_type ())
G_DECLARE_FINAL_TYPE (GlossCodebookEditor, gloss_codebook_editor, GLOSS, CODEBOOK_EDITOR, AdwWindow)

GlossCodebookEditor *gloss_codebook_editor_new              (GlossCodebook       *codebook);
GlossCodebook       *gloss_codebook_editor_get_codebook     (GlossCodebookEditor *self);
GlossAnnotationSet  *gloss_codebook_editor_get_annotations  (GlossCodebookEditor *self);
void                 gloss_codebook_editor_set_annotations  (GlossCodebookEditor *self,
                                                             GlossAnnotationSet  *annotations);
GlossTag            *gloss_codebook_editor_get_selected_tag (GlossCodebookEditor *self);
void                 gloss_codebook_editor_select_tag       (GlossCodebookEditor *self,
                                                             GlossTag            *tag);
GlossTag            *gloss_codebook_editor_add_tag          (GlossCodebookEditor *self);
guint                gloss_codebook_editor_count_uses       (GlossCodebookEditor *self,
                                                             const char          *tag_id);
gboolean             gloss_codebook_editor_request_delete   (GlossCodebookEditor *self,
                                                             GlossTag            *tag);
void                 gloss_codebook_editor_delete_tag       (GlossCodebookEditor *self,
                                                             GlossTag            *tag,
                                                             const char          *replacement_id);
void                 gloss_codebook_editor_import_file_async  (GlossCodebookEditor *self,
                                                               GFile               *file,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean             gloss_codebook_editor_import_file_finish (GlossCodebookEditor *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void                 gloss_codebook_editor_export_file_async  (GlossCodebookEditor *self,
                                                               GFile               *file,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean             gloss_codebook_editor_export_file_finish (GlossCodebookEditor *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

G_END_DECLS
