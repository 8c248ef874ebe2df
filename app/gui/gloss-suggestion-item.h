/* gloss-suggestion-item.h: one suggestion as an item of the sidebar's list
 * model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-suggest.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SUGGESTION_ITEM (gloss_suggestion_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossSuggestionItem, gloss_suggestion_item, GLOSS, SUGGESTION_ITEM, GObject)

GlossSuggestionItem *gloss_suggestion_item_new            (GObject             *owner,
                                                           GlossSuggestion     *suggestion,
                                                           GlossDocument       *document,
                                                           GlossCodebook       *codebook);
GlossSuggestion     *gloss_suggestion_item_get_suggestion (GlossSuggestionItem *self);

G_END_DECLS
