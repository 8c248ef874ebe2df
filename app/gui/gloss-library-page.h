/* gloss-library-page.h: the articles of the library folder, searched and sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

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

GlossLibraryPage *gloss_library_page_present (GtkApplication *application,
                                              GSettings      *settings);

/* For tests and benchmarks: an index file of their own. */
void        _gloss_library_page_set_database (GlossLibraryPage *self,
                                              const char       *path);

G_END_DECLS
