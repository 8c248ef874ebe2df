/* gloss-details-pane.h: tag, attributes and note of the selected annotation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DETAILS_PANE (gloss_details_pane_get_type ())
G_DECLARE_FINAL_TYPE (GlossDetailsPane, gloss_details_pane, GLOSS, DETAILS_PANE, GtkWidget)

GtkWidget       *gloss_details_pane_new            (void);
void             gloss_details_pane_set_model      (GlossDetailsPane   *self,
                                                    GlossAnnotationSet *set,
                                                    GlossCodebook      *codebook);
GlossAnnotation *gloss_details_pane_get_annotation (GlossDetailsPane   *self);
void             gloss_details_pane_set_annotation (GlossDetailsPane   *self,
                                                    GlossAnnotation    *annotation);
gboolean         gloss_details_pane_get_editable   (GlossDetailsPane   *self);
void             gloss_details_pane_set_editable   (GlossDetailsPane   *self,
                                                    gboolean            editable);
/* For tests: the editor widget of attribute @id, or NULL. */
GtkWidget       *gloss_details_pane_get_editor     (GlossDetailsPane   *self,
                                                    const char         *id);
GtkTextView     *gloss_details_pane_get_note_view  (GlossDetailsPane   *self);
GtkWidget       *gloss_details_pane_choose_link    (GlossDetailsPane   *self,
                                                    const char         *attribute);

G_END_DECLS
