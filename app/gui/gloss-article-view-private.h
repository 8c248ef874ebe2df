/* gloss-article-view-private.h: the article view's parts, shared by
 * gloss-article-view.c (the model, tagging, find, zoom),
 * gloss-article-view-drawing.c, gloss-article-view-gestures.c and
 * gloss-article-view-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-article-view.h"
#include "gloss-tag-popover.h"

G_BEGIN_DECLS

#define UNDERLINE_HEIGHT 2
#define TITLE_SCALE      1.5
/* The grips drawn on the outside of the selected highlight's first and last
 * characters: a drag resizes only from there, never from the text itself. */
#define HANDLE_WIDTH     6
#define HANDLE_GAP       2
#define UNDERLINE_STEP   3
#define MAX_MATCHES      100000

typedef struct
{
  guint start;
  guint end;
} Match;

typedef enum
{
  EDGE_NONE,
  EDGE_START,
  EDGE_END,
} Edge;

struct _GlossArticleView
{
  GtkTextView         parent_instance;

  GlossDocument      *document;
  GlossCodebook      *codebook;
  GlossAnnotationSet *annotations;
  GlossAnnotation    *selected;
  GtkTextTag         *title_tag;
  GtkTextTag         *zoom_tag;
  double              zoom;

  GtkWidget          *tag_popover;
  GtkWidget          *choice_popover;
  GtkWidget          *choice_list;

  GArray             *matches;
  int                 current_match;

  GHashTable         *drawn;
  GListModel         *layers;
  GlossSuggestionLayer *suggestions;
  char               *pick_tag;

  double              press_x;
  double              press_y;

  guint               snap_to_words : 1;
  guint               read_only : 1;
  guint               pick_mode : 1;
  guint               pressed : 1;
  guint               dragging : 2;
  guint               drag_boundary;
};

enum {
  PICKED,
  REMOVED,
  MESSAGE,
  N_SIGNALS
};

extern guint _gloss_article_view_signals[N_SIGNALS];

static inline GtkTextBuffer *
get_buffer (GlossArticleView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static inline gboolean
is_placed (GlossAnnotation *annotation)
{
  return gloss_annotation_get_anchor_status (annotation) != GLOSS_ANCHOR_ORPHANED &&
         gloss_annotation_get_end (annotation) > gloss_annotation_get_start (annotation);
}

/* gloss-article-view.c */
gboolean  _gloss_article_view_inside_word        (const GtkTextIter *iter);
void      _gloss_article_view_pick_untagged      (GlossArticleView  *self,
                                                  guint              start,
                                                  guint              end,
                                                  gboolean           clicked);

/* gloss-article-view-drawing.c */
void      _gloss_article_view_handle_rect        (GlossArticleView  *self,
                                                  Edge               edge,
                                                  guint              start,
                                                  guint              end,
                                                  GdkRectangle      *rect);
void      _gloss_article_view_snapshot_layer     (GtkTextView       *view,
                                                  GtkTextViewLayer   layer,
                                                  GtkSnapshot       *snapshot);

/* gloss-article-view-gestures.c */
void      _gloss_article_view_drag_range         (GlossArticleView  *self,
                                                  guint              boundary,
                                                  guint             *start,
                                                  guint             *end);
gboolean  _gloss_article_view_legacy_event_cb   (GlossArticleView  *self,
                                                  GdkEvent          *event,
                                                  GtkEventControllerLegacy *controller);
gboolean  _gloss_article_view_query_tooltip_cb   (GlossArticleView  *self,
                                                  int                x,
                                                  int                y,
                                                  gboolean           keyboard,
                                                  GtkTooltip        *tooltip);

/* gloss-article-view-actions.c */
void      _gloss_article_view_update_actions     (GlossArticleView  *self);
void      _gloss_article_view_tag_chosen_cb      (GlossArticleView  *self,
                                                  const char        *tag_id,
                                                  GlossTagPopover   *popover);
void      _gloss_article_view_add_shortcut       (GtkShortcutController *controller,
                                                  guint              keyval,
                                                  GdkModifierType    mods,
                                                  const char        *action,
                                                  GVariant          *args);
void      _gloss_article_view_add_shortcuts      (GtkShortcutController *controller);
void      _gloss_article_view_class_add_actions  (GtkWidgetClass    *widget_class);

G_END_DECLS
