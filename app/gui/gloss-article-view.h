/* gloss-article-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ARTICLE_VIEW (gloss_article_view_get_type ())
G_DECLARE_FINAL_TYPE (GlossArticleView, gloss_article_view, GLOSS, ARTICLE_VIEW, GtkTextView)

GtkWidget          *gloss_article_view_new             (void);
GlossDocument      *gloss_article_view_get_document    (GlossArticleView   *self);
void                gloss_article_view_set_document    (GlossArticleView   *self,
                                                        GlossDocument      *document);
GlossCodebook      *gloss_article_view_get_codebook    (GlossArticleView   *self);
void                gloss_article_view_set_codebook    (GlossArticleView   *self,
                                                        GlossCodebook      *codebook);
GlossAnnotationSet *gloss_article_view_get_annotations (GlossArticleView   *self);
void                gloss_article_view_set_annotations (GlossArticleView   *self,
                                                        GlossAnnotationSet *annotations);
GtkTextTag         *gloss_article_view_get_tag_for     (GlossArticleView   *self,
                                                        const char         *tag_id);

G_END_DECLS
