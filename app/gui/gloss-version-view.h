/* gloss-version-view.h: two versions of an article side by side, and the annotations to review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_VERSION_VIEW (gloss_version_view_get_type ())
G_DECLARE_FINAL_TYPE (GlossVersionView, gloss_version_view, GLOSS, VERSION_VIEW, GtkWidget)

GtkWidget       *gloss_version_view_new           (void);
void             gloss_version_view_reanchor      (GlossVersionView   *self,
                                                   GlossDocument      *previous,
                                                   GlossDocument      *document,
                                                   GlossAnnotationSet *set);
void             gloss_version_view_attach        (GlossVersionView   *self,
                                                   GlossSidecar       *sidecar,
                                                   GlossDocument      *previous,
                                                   GlossDocument      *document);
void             gloss_version_view_review        (GlossVersionView   *self,
                                                   GlossDocument      *previous,
                                                   GlossDocument      *document,
                                                   GlossAnnotationSet *set);
void             gloss_version_view_set_codebook  (GlossVersionView   *self,
                                                   GlossCodebook      *codebook);
void             gloss_version_view_set_article   (GlossVersionView   *self,
                                                   GFile              *article,
                                                   GPtrArray          *versions);
guint            gloss_version_view_get_n_items   (GlossVersionView   *self);
guint            gloss_version_view_get_position  (GlossVersionView   *self);
gboolean         gloss_version_view_get_reading   (GlossVersionView   *self);
GlossAnnotation *gloss_version_view_get_current   (GlossVersionView   *self);

G_END_DECLS
