/* gloss-library-agreement.h: the Library's Agreement view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY_AGREEMENT (gloss_library_agreement_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibraryAgreement, gloss_library_agreement, GLOSS, LIBRARY_AGREEMENT, GtkWidget)

void        gloss_library_agreement_set_articles (GlossLibraryAgreement *self,
                                                  GFile                 *folder,
                                                  GListModel            *items);
guint32     gloss_library_agreement_get_seed     (GlossLibraryAgreement *self);
void        gloss_library_agreement_set_seed     (GlossLibraryAgreement *self,
                                                  guint32                seed);
/* The articles with two coders or more; the sample, as paths in the folder. */
GListModel *gloss_library_agreement_get_double_coded (GlossLibraryAgreement *self);
GListModel *gloss_library_agreement_get_sample   (GlossLibraryAgreement *self);
gboolean    gloss_library_agreement_get_computing (GlossLibraryAgreement *self);
/* For tests: the pooled figures as shown, and the sample written without a chooser. */
const char *_gloss_library_agreement_get_pooled_text (GlossLibraryAgreement *self);
void        _gloss_library_agreement_write_sample (GlossLibraryAgreement *self,
                                                   GFile                 *file);
/* For tests: the list of double-coded articles. */
GtkWidget  *_gloss_library_agreement_get_double_view (GlossLibraryAgreement *self);

G_END_DECLS
