/* gloss-article-header.h: where an article comes from, shown above its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ARTICLE_HEADER (gloss_article_header_get_type ())
G_DECLARE_FINAL_TYPE (GlossArticleHeader, gloss_article_header, GLOSS, ARTICLE_HEADER, GtkWidget)

GtkWidget     *gloss_article_header_new                (void);
GlossDocument *gloss_article_header_get_document       (GlossArticleHeader *self);
void           gloss_article_header_set_document       (GlossArticleHeader *self,
                                                        GlossDocument      *document);
GFile         *gloss_article_header_get_saved_copy     (GlossArticleHeader *self);
char          *gloss_article_header_dup_original_uri   (GlossArticleHeader *self);

G_END_DECLS
