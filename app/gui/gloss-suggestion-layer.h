/* gloss-suggestion-layer.h: the suggestions of one article as a faint layer
 * the user walks through, accepting or rejecting with one key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-suggest.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SUGGESTION_LAYER (gloss_suggestion_layer_get_type ())
G_DECLARE_FINAL_TYPE (GlossSuggestionLayer, gloss_suggestion_layer, GLOSS, SUGGESTION_LAYER, GObject)

GlossSuggestionLayer *gloss_suggestion_layer_new            (GlossSidecar         *sidecar,
                                                             GlossDocument        *document,
                                                             GFile                *article);
void                  gloss_suggestion_layer_new_async      (GlossSidecar         *sidecar,
                                                             GlossDocument        *document,
                                                             GFile                *article,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
GlossSuggestionLayer *gloss_suggestion_layer_new_finish     (GAsyncResult         *result,
                                                             GError              **error);
gboolean              gloss_suggestion_layer_get_allowed    (GlossSuggestionLayer *self);
gboolean              gloss_suggestion_layer_get_visible    (GlossSuggestionLayer *self);
void                  gloss_suggestion_layer_set_visible    (GlossSuggestionLayer *self,
                                                             gboolean              visible);
guint                 gloss_suggestion_layer_get_n_pending  (GlossSuggestionLayer *self);
GlossSuggestion      *gloss_suggestion_layer_get_current    (GlossSuggestionLayer *self);
GPtrArray            *gloss_suggestion_layer_get_pending    (GlossSuggestionLayer *self);
void                  gloss_suggestion_layer_set_current    (GlossSuggestionLayer *self,
                                                             int                   index);
gboolean              gloss_suggestion_layer_next           (GlossSuggestionLayer *self,
                                                             gboolean              backward);
void                  gloss_suggestion_layer_set_position   (GlossSuggestionLayer *self,
                                                             guint                 from,
                                                             guint                 to);
GlossAnnotation      *gloss_suggestion_layer_accept_current (GlossSuggestionLayer *self);
void                  gloss_suggestion_layer_reject_current (GlossSuggestionLayer *self);
guint                 gloss_suggestion_layer_accept_tag     (GlossSuggestionLayer *self,
                                                             const char           *tag);

/* For the article view: faint dashed boxes around the pending suggestions
 * in [@from, @to), the current one stronger; and a tooltip line. */
void                  gloss_suggestion_layer_snapshot       (GlossSuggestionLayer *self,
                                                             GtkTextView          *view,
                                                             GtkSnapshot          *snapshot,
                                                             guint                 from,
                                                             guint                 to);
GlossSuggestion      *gloss_suggestion_layer_get_speaker    (GlossSuggestionLayer *self,
                                                             GlossSuggestion      *quote);
char                 *gloss_suggestion_layer_describe_at    (GlossSuggestionLayer *self,
                                                             guint                 offset);

/* The "suggest.*" actions (next, previous, accept, reject, accept-tag,
 * toggle) and their keys, for the window to insert and add. */
GActionGroup         *gloss_suggestion_layer_get_actions    (GlossSuggestionLayer *self);
void                  gloss_suggestion_layer_add_shortcuts  (GtkShortcutController *controller);

/* For tests: while held, the workers of gloss_suggestion_layer_new_async()
 * wait before they compute (a window closed or switched meanwhile); how
 * many have not returned yet. */
void                  _gloss_suggestion_layer_hold_workers  (gboolean               hold);
guint                 _gloss_suggestion_layer_get_n_workers (void);

G_END_DECLS
