/* gloss-library-page.h: the articles of the library folder, searched and sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-export.h"
#include "gloss-library-agreement.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY_PAGE (gloss_library_page_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibraryPage, gloss_library_page, GLOSS, LIBRARY_PAGE, GtkWidget)

GtkWidget  *gloss_library_page_new           (void);
GFile      *gloss_library_page_get_folder    (GlossLibraryPage *self);
void        gloss_library_page_set_folder    (GlossLibraryPage *self,
                                              GFile            *folder);
const char *gloss_library_page_get_annotator (GlossLibraryPage *self);
void        gloss_library_page_set_annotator (GlossLibraryPage *self,
                                              const char       *annotator);
gboolean    gloss_library_page_get_loading   (GlossLibraryPage *self);
void        gloss_library_page_refresh       (GlossLibraryPage *self);
/* The articles as shown: filtered and sorted. */
GListModel *gloss_library_page_get_model     (GlossLibraryPage *self);

gboolean    gloss_library_page_get_can_go_back (GlossLibraryPage *self);
void        gloss_library_page_set_can_go_back (GlossLibraryPage *self,
                                                gboolean          can_go_back);
void        gloss_library_page_focus          (GlossLibraryPage *self);
void        gloss_library_page_set_article_folder (GlossLibraryPage *self,
                                                   GFile            *folder);

/* For tests and benchmarks: an index file of their own. */
void        _gloss_library_page_set_database (GlossLibraryPage *self,
                                              const char       *path);
GListModel *_gloss_library_page_get_broken   (GlossLibraryPage *self);
GlossLibraryAgreement *_gloss_library_page_get_agreement (GlossLibraryPage *self);
void        _gloss_library_page_export_retrieved (GlossLibraryPage  *self,
                                                  GlossExportFormat  format,
                                                  GFile             *destination);

G_END_DECLS
