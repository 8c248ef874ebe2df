/* gloss-article-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-layer-drawing.h"
#include "gloss-suggestion-layer.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ARTICLE_VIEW (gloss_article_view_get_type ())
G_DECLARE_FINAL_TYPE (GlossArticleView, gloss_article_view, GLOSS, ARTICLE_VIEW, GtkTextView)

GtkWidget          *gloss_article_view_new                  (void);
GlossDocument      *gloss_article_view_get_document         (GlossArticleView   *self);
void                gloss_article_view_set_document         (GlossArticleView   *self,
                                                             GlossDocument      *document);
GlossCodebook      *gloss_article_view_get_codebook         (GlossArticleView   *self);
void                gloss_article_view_set_codebook         (GlossArticleView   *self,
                                                             GlossCodebook      *codebook);
void                gloss_article_view_codebook_changed     (GlossArticleView   *self);
GlossAnnotationSet *gloss_article_view_get_annotations      (GlossArticleView   *self);
void                gloss_article_view_set_annotations      (GlossArticleView   *self,
                                                             GlossAnnotationSet *annotations);
GlossAnnotation    *gloss_article_view_get_selected         (GlossArticleView   *self);
void                gloss_article_view_set_selected         (GlossArticleView   *self,
                                                             GlossAnnotation    *annotation);
void                gloss_article_view_scroll_to            (GlossArticleView   *self,
                                                             GlossAnnotation    *annotation);
gboolean            gloss_article_view_get_snap_to_words    (GlossArticleView   *self);
void                gloss_article_view_set_snap_to_words    (GlossArticleView   *self,
                                                             gboolean            snap);
gboolean            gloss_article_view_get_read_only        (GlossArticleView   *self);
void                gloss_article_view_set_read_only        (GlossArticleView   *self,
                                                             gboolean            read_only);
void                gloss_article_view_set_pick_mode        (GlossArticleView   *self,
                                                             gboolean            pick_mode);
gboolean            gloss_article_view_get_pick_mode        (GlossArticleView   *self);
double              gloss_article_view_get_zoom             (GlossArticleView   *self);
void                gloss_article_view_set_zoom             (GlossArticleView   *self,
                                                             double              zoom);
void                gloss_article_view_set_pick_tag         (GlossArticleView   *self,
                                                             const char         *tag_id);

/* Other annotators' layers (GlossLayer), drawn as stripes. */
void                gloss_article_view_set_layers           (GlossArticleView   *self,
                                                             GListModel         *layers);

/* The suggestions of the article: dashed outlines, the current one scrolled to. */
void                gloss_article_view_set_suggestions      (GlossArticleView   *self,
                                                             GlossSuggestionLayer *suggestions);

/* Selecting a passage and tagging it. */
void                gloss_article_view_select_range         (GlossArticleView   *self,
                                                             guint               start,
                                                             guint               end);
gboolean            gloss_article_view_snap_range           (GlossArticleView   *self,
                                                             guint              *start,
                                                             guint              *end);
GlossAnnotation    *gloss_article_view_tag_selection        (GlossArticleView   *self,
                                                             const char         *tag_id);
GPtrArray          *gloss_article_view_get_annotations_at   (GlossArticleView   *self,
                                                             guint               offset);
void                gloss_article_view_click_at_offset      (GlossArticleView   *self,
                                                             guint               offset);

/* Find in article. */
guint               gloss_article_view_set_search_text      (GlossArticleView   *self,
                                                             const char         *text);
guint               gloss_article_view_get_n_matches        (GlossArticleView   *self);
int                 gloss_article_view_get_current_match    (GlossArticleView   *self);
void                gloss_article_view_find_next            (GlossArticleView   *self,
                                                             gboolean            backward);

/* What the last frame drew: for tests and the benchmark. */
gboolean            gloss_article_view_was_drawn            (GlossArticleView   *self,
                                                             GlossAnnotation    *annotation);
guint               gloss_article_view_get_n_drawn          (GlossArticleView   *self);

/* gloss_text_view_foreach_fragment() is in gloss-layer-drawing.h. */

G_END_DECLS
