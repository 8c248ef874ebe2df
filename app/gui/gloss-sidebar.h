/* gloss-sidebar.h: the annotation list, its filters and counts, and the details pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-details-pane.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SIDEBAR (gloss_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GLOSS, SIDEBAR, GtkWidget)

GtkWidget        *gloss_sidebar_new              (void);
void              gloss_sidebar_set_model        (GlossSidebar       *self,
                                                  GlossAnnotationSet *set,
                                                  GlossCodebook      *codebook);
GlossAnnotation  *gloss_sidebar_get_selected     (GlossSidebar       *self);
void              gloss_sidebar_set_selected     (GlossSidebar       *self,
                                                  GlossAnnotation    *annotation);
GlossDetailsPane *gloss_sidebar_get_details      (GlossSidebar       *self);
void              gloss_sidebar_set_filter       (GlossSidebar       *self,
                                                  const char         *tag_id,
                                                  const char         *text);
GListModel       *gloss_sidebar_get_shown        (GlossSidebar       *self);
guint             gloss_sidebar_get_count        (GlossSidebar       *self,
                                                  const char         *tag_id);

G_END_DECLS
