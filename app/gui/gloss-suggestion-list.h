/* gloss-suggestion-list.h: the sidebar's list of the article's suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-suggestion-layer.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SUGGESTION_LIST (gloss_suggestion_list_get_type ())
G_DECLARE_FINAL_TYPE (GlossSuggestionList, gloss_suggestion_list, GLOSS, SUGGESTION_LIST, GtkWidget)

GtkWidget *gloss_suggestion_list_new       (void);
void       gloss_suggestion_list_set_layer (GlossSuggestionList  *self,
                                            GlossSuggestionLayer *layer,
                                            GlossDocument        *document,
                                            GlossCodebook        *codebook);
void       gloss_suggestion_list_set_project (GlossSuggestionList *self,
                                              GFile               *article);
guint      gloss_suggestion_list_get_n_rows (GlossSuggestionList *self);
GtkSingleSelection *gloss_suggestion_list_get_model (GlossSuggestionList *self);

G_END_DECLS
