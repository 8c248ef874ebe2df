/* gloss-article-view.c: the article in a reading column, annotations highlighted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-view.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-layer-drawing.h"
#include "gloss-tag-popover.h"

/*
 * The buffer holds the document's canonical text unchanged, so a buffer
 * offset (which GTK counts in characters) is a Gloss offset.
 *
 * Highlights are not GtkTextTags: they are painted below the text for the
 * visible lines only, straight from the annotation set's interval query.
 * That keeps opening a long, densely annotated article as fast as opening
 * it bare, makes one edit cost one redraw, and lets overlapping annotations
 * be drawn as layers (stacked translucent fills, one underline per layer),
 * which text tags cannot do: only the highest-priority tag background shows.
 */

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

G_DEFINE_FINAL_TYPE (GlossArticleView, gloss_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CODEBOOK,
  PROP_ANNOTATIONS,
  PROP_SELECTED,
  PROP_SNAP_TO_WORDS,
  PROP_READ_ONLY,
  PROP_PICK_MODE,
  PROP_ZOOM,
  N_PROPS
};

enum {
  PICKED,
  REMOVED,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_actions (GlossArticleView *self);
static void drag_range     (GlossArticleView *self,
                            guint             boundary,
                            guint            *start,
                            guint            *end);

GtkWidget *
gloss_article_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_VIEW, NULL);
}

static GtkTextBuffer *
get_buffer (GlossArticleView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static gboolean
is_placed (GlossAnnotation *annotation)
{
  return gloss_annotation_get_anchor_status (annotation) != GLOSS_ANCHOR_ORPHANED &&
         gloss_annotation_get_end (annotation) > gloss_annotation_get_start (annotation);
}

static void
tag_color (GlossArticleView *self,
           const char       *tag_id,
           GdkRGBA          *rgba)
{
  GlossTag *tag = self->codebook ? gloss_codebook_lookup (self->codebook, tag_id) : NULL;

  /* A tag missing from the codebook is still shown, in grey, never hidden. */
  if (tag == NULL || !gdk_rgba_parse (rgba, gloss_tag_get_color (tag)))
    gdk_rgba_parse (rgba, "#9a9996");
}

/* Drawing */

typedef struct
{
  GdkRGBA     fill;
  GdkRGBA     line;
  int         depth;
  float       outline;      /* border width, 0 for none */
  gboolean    underline;
  GtkSnapshot *snapshot;
} Paint;

static void
paint_fragment (const graphene_rect_t *rect,
                gpointer               user_data)
{
  Paint *paint = user_data;
  graphene_rect_t under;

  gtk_snapshot_append_color (paint->snapshot, &paint->fill, rect);

  if (paint->underline)
    {
      graphene_rect_init (&under, rect->origin.x,
                          rect->origin.y + rect->size.height + 1 + paint->depth * UNDERLINE_STEP,
                          rect->size.width, UNDERLINE_HEIGHT);
      gtk_snapshot_append_color (paint->snapshot, &paint->line, &under);
    }

  if (paint->outline > 0)
    {
      GskRoundedRect outline;
      float w = paint->outline;
      float widths[4] = { w, w, w, w };
      GdkRGBA colors[4] = { paint->line, paint->line, paint->line, paint->line };
      graphene_rect_t r = GRAPHENE_RECT_INIT (rect->origin.x - 2, rect->origin.y - 2,
                                              rect->size.width + 4, rect->size.height + 4);

      gsk_rounded_rect_init_from_rect (&outline, &r, 3);
      gtk_snapshot_append_border (paint->snapshot, &outline, widths, colors);
    }
}

/* Where the grip of one edge of [start, end) is, in buffer coordinates. */
static void
handle_rect (GlossArticleView *self,
             Edge              edge,
             guint             start,
             guint             end,
             GdkRectangle     *rect)
{
  GtkTextIter iter;
  GdkRectangle r;

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, edge == EDGE_START ? start : end - 1);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &r);
  rect->x = edge == EDGE_START ? r.x - HANDLE_GAP - HANDLE_WIDTH : r.x + r.width + HANDLE_GAP;
  rect->y = r.y - 2;
  rect->width = HANDLE_WIDTH;
  rect->height = r.height + 4;
}

static void
snapshot_handles (GlossArticleView *self,
                  GtkSnapshot      *snapshot,
                  guint             start,
                  guint             end,
                  const GdkRGBA    *color)
{
  for (Edge edge = EDGE_START; edge <= EDGE_END; edge++)
    {
      GdkRectangle r;
      GskRoundedRect pill;

      handle_rect (self, edge, start, end, &r);
      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (r.x, r.y, r.width, r.height), HANDLE_WIDTH / 2.0);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, color, &pill.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
visible_range (GlossArticleView *self,
               guint            *from,
               guint            *to)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter top, bottom;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &top, 0, visible.y);
  gtk_text_view_get_iter_at_location (view, &bottom, visible.x + visible.width, visible.y + visible.height);
  gtk_text_iter_set_line_offset (&top, 0);
  gtk_text_iter_forward_line (&bottom);

  *from = gtk_text_iter_get_offset (&top);
  *to = gtk_text_iter_get_offset (&bottom);
}

static void
snapshot_highlights (GlossArticleView *self,
                     GtkSnapshot      *snapshot)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) ends = NULL;
  guint from, to;

  g_hash_table_remove_all (self->drawn);

  if (self->document == NULL)
    return;

  visible_range (self, &from, &to);

  if (self->annotations != NULL)
    {
      hits = gloss_annotation_set_query (self->annotations, from, MAX (to, from + 1));
      ends = g_array_new (FALSE, FALSE, sizeof (guint));

      /* The set is sorted by start: a sweep gives each annotation the number
       * of still-open annotations around it, its layer. */
      for (guint i = 0; i < hits->len; i++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (hits, i);
          guint start = gloss_annotation_get_start (annotation);
          guint end = gloss_annotation_get_end (annotation);
          Paint paint = { .snapshot = snapshot };

          /* The edge being dragged follows the pointer. */
          if (annotation == self->selected && self->dragging != EDGE_NONE)
            drag_range (self, self->drag_boundary, &start, &end);
          guint depth = 0;

          if (!is_placed (annotation))
            continue;

          for (guint j = 0; j < ends->len; j++)
            if (g_array_index (ends, guint, j) > start)
              g_array_index (ends, guint, depth++) = g_array_index (ends, guint, j);
          g_array_set_size (ends, depth);
          g_array_append_val (ends, end);

          tag_color (self, gloss_annotation_get_tag (annotation), &paint.fill);
          paint.line = paint.fill;
          paint.fill.alpha = dark ? 0.30 : 0.35;
          paint.depth = MIN (depth, 3);
          paint.underline = TRUE;
          paint.outline = annotation == self->selected ? 2 : 0;

          gloss_text_view_foreach_fragment (GTK_TEXT_VIEW (self), MAX (start, from), MIN (end, to), paint_fragment, &paint);
          if (annotation == self->selected && !self->read_only)
            snapshot_handles (self, snapshot, start, end, &paint.line);
          g_hash_table_add (self->drawn, annotation);
        }
    }

  /* Other annotators' layers: stripes under the own underlines. */
  if (self->layers != NULL)
    gloss_layers_snapshot (self->layers, GTK_TEXT_VIEW (self), snapshot, from, to,
                                  3 + UNDERLINE_HEIGHT);

  /* Suggestions: outlines only, never the fill of the user's own. */
  if (self->suggestions != NULL)
    gloss_suggestion_layer_snapshot (self->suggestions, GTK_TEXT_VIEW (self), snapshot, from, to);

  if (self->matches != NULL && self->matches->len > 0)
    {
      Match key = { from, from };
      guint lo = 0, hi = self->matches->len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (self->matches, Match, mid).end <= key.start)
            lo = mid + 1;
          else
            hi = mid;
        }

      for (guint i = lo; i < self->matches->len; i++)
        {
          Match *m = &g_array_index (self->matches, Match, i);
          Paint paint = { .snapshot = snapshot };

          if (m->start >= to)
            break;

          /* Matches are boxed, not underlined: underlines mean annotations. */
          gdk_rgba_parse (&paint.line, (int)i == self->current_match ? "#e66100" : "#e5a50a");
          paint.fill = paint.line;
          paint.fill.alpha = (int)i == self->current_match ? 0.40 : 0.22;
          paint.outline = (int)i == self->current_match ? 2 : 1;
          gloss_text_view_foreach_fragment (GTK_TEXT_VIEW (self), m->start, m->end, paint_fragment, &paint);
        }
    }
}

static void
gloss_article_view_snapshot_layer (GtkTextView      *view,
                                   GtkTextViewLayer  layer,
                                   GtkSnapshot      *snapshot)
{
  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    snapshot_highlights (GLOSS_ARTICLE_VIEW (view), snapshot);
}

gboolean
gloss_article_view_was_drawn (GlossArticleView *self,
                              GlossAnnotation  *annotation)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);
  return g_hash_table_contains (self->drawn, annotation);
}

guint
gloss_article_view_get_n_drawn (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);
  return g_hash_table_size (self->drawn);
}

/* Model */

static void
model_changed_cb (GlossArticleView *self)
{
  /* The selected annotation may have been removed (delete, undo of create). */
  if (self->selected != NULL &&
      (self->annotations == NULL ||
       !gloss_annotation_set_find_position (self->annotations, self->selected, NULL)))
    gloss_article_view_set_selected (self, NULL);

  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
load_text (GlossArticleView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  const char *text;
  const char *newline;
  const char *title;
  const char *found;

  text = self->document ? gloss_document_get_text (self->document) : "";
  gtk_text_buffer_set_text (buffer, text, -1);

  /* The first line is the title in every canonical text that has one; a
   * plain-text article has one when a short first line stands alone. */
  newline = strchr (text, '\n');
  title = self->document ? gloss_document_get_title (self->document) : NULL;
  /* A text saved from a browser has page chrome above its title line. */
  found = NULL;
  if (title != NULL && title[0] != '\0' && !g_str_has_prefix (text, title))
    {
      /* The title's own line, not a longer one it starts (the page's <title>). */
      for (const char *p = strstr (text, title); p != NULL && p - text < 8192 && found == NULL;
           p = strstr (p + 1, title))
        if (p[-1] == '\n' && (p[strlen (title)] == '\n' || p[strlen (title)] == '\0'))
          found = p;
    }
  if (found != NULL)
    {
      guint at = g_utf8_pointer_to_offset (text, found);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, at);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, at + g_utf8_strlen (title, -1));
      gtk_text_buffer_apply_tag (buffer, self->title_tag, &start, &end);
    }
  else if (self->document && newline != NULL &&
           (title != NULL || (newline[1] == '\n' && newline - text < 300)))
    {
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_strlen (text, newline - text));
      gtk_text_buffer_apply_tag (buffer, self->title_tag, &start, &end);
    }

  if (self->zoom != 1.0)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->zoom_tag, &start, &end);
    }

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_clear_pointer (&self->matches, g_array_unref);
  self->current_match = -1;
}

GlossDocument *
gloss_article_view_get_document (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);
  return self->document;
}

void
gloss_article_view_set_document (GlossArticleView *self,
                                 GlossDocument    *document)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (g_set_object (&self->document, document))
    {
      load_text (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
    }
}

GlossCodebook *
gloss_article_view_get_codebook (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);
  return self->codebook;
}

void
gloss_article_view_set_codebook (GlossArticleView *self,
                                 GlossCodebook    *codebook)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (g_set_object (&self->codebook, codebook))
    {
      gloss_tag_popover_set_codebook (GLOSS_TAG_POPOVER (self->tag_popover), codebook);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODEBOOK]);
    }
}

/**
 * gloss_article_view_codebook_changed:
 * @self: a #GlossArticleView
 *
 * Shows edits made to the codebook in place (labels, colours, keys, tags
 * added or removed).
 */
void
gloss_article_view_codebook_changed (GlossArticleView *self)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  gloss_tag_popover_set_codebook (GLOSS_TAG_POPOVER (self->tag_popover), NULL);
  gloss_tag_popover_set_codebook (GLOSS_TAG_POPOVER (self->tag_popover), self->codebook);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GlossAnnotationSet *
gloss_article_view_get_annotations (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);
  return self->annotations;
}

void
gloss_article_view_set_annotations (GlossArticleView   *self,
                                    GlossAnnotationSet *annotations)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->annotations == annotations)
    return;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);

  g_set_object (&self->annotations, annotations);

  if (annotations != NULL)
    {
      /* After: list models built on the set (the sidebar's) must have
       * caught up before the selection they show is changed. */
      g_signal_connect_object (annotations, "items-changed", G_CALLBACK (model_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (annotations, "annotation-changed", G_CALLBACK (model_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  model_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATIONS]);
}

GlossAnnotation *
gloss_article_view_get_selected (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);
  return self->selected;
}

void
gloss_article_view_set_selected (GlossArticleView *self,
                                 GlossAnnotation  *annotation)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (g_set_object (&self->selected, annotation))
    {
      update_actions (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

/**
 * gloss_article_view_scroll_to:
 * @self: a #GlossArticleView
 * @annotation: an annotation of the shown set
 *
 * Scrolls @annotation into view and puts the caret at its start, so that
 * the keyboard carries on from there.
 */
void
gloss_article_view_scroll_to (GlossArticleView *self,
                              GlossAnnotation  *annotation)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (annotation == NULL || !is_placed (annotation))
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, gloss_annotation_get_start (annotation));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
}

gboolean
gloss_article_view_get_snap_to_words (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);
  return self->snap_to_words;
}

void
gloss_article_view_set_snap_to_words (GlossArticleView *self,
                                      gboolean          snap)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  snap = !!snap;
  if (self->snap_to_words != snap)
    {
      self->snap_to_words = snap;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_WORDS]);
    }
}

gboolean
gloss_article_view_get_read_only (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);
  return self->read_only;
}

void
gloss_article_view_set_read_only (GlossArticleView *self,
                                  gboolean          read_only)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  read_only = !!read_only;
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

gboolean
gloss_article_view_get_pick_mode (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), FALSE);
  return self->pick_mode;
}

/**
 * gloss_article_view_set_pick_mode:
 * @self: a #GlossArticleView
 * @pick_mode: whether the next click picks an annotation
 *
 * In pick mode the next click on a highlight emits #GlossArticleView::picked
 * instead of selecting it (linking a quote to its speaker); Escape cancels.
 */
void
gloss_article_view_set_pick_mode (GlossArticleView *self,
                                  gboolean          pick_mode)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  pick_mode = !!pick_mode;
  if (self->pick_mode != pick_mode)
    {
      self->pick_mode = pick_mode;
      if (pick_mode)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self), "picking");
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
          gtk_widget_grab_focus (GTK_WIDGET (self));
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self), "picking");
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "text");
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICK_MODE]);
    }
}

/**
 * gloss_article_view_set_layers:
 * @self: a #GlossArticleView
 * @layers: (nullable) (element-type GlossLayer): annotations that are not
 *   the user's own (colleagues', suggestions…)
 *
 * Draws each drawn layer of @layers (read-only, beside the own annotations)
 * as a stripe in its tags' colours and its style; the tooltip says whose it
 * is and what it tagged (gloss-layer.h).  The view redraws when @layers or
 * one of its layers changes.
 */
void
gloss_article_view_set_layers (GlossArticleView *self,
                               GListModel       *layers)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->layers == layers)
    return;
  if (self->layers != NULL)
    gloss_layers_unwatch (self->layers, GTK_WIDGET (self));
  g_set_object (&self->layers, layers);
  if (layers != NULL)
    gloss_layers_watch (layers, GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
suggestion_current_cb (GlossArticleView *self)
{
  GlossSuggestion *current = gloss_suggestion_layer_get_current (self->suggestions);
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;

  if (current != NULL)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, current->start);
      gtk_text_buffer_place_cursor (buffer, &iter);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer),
                                    0.2, FALSE, 0, 0);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gloss_article_view_set_suggestions:
 * @self: a #GlossArticleView
 * @suggestions: (nullable): the article's suggestions
 *
 * Draws the pending suggestions as outlines and names them in the tooltip;
 * walking to one scrolls to it and puts the caret there.
 */
void
gloss_article_view_set_suggestions (GlossArticleView     *self,
                                    GlossSuggestionLayer *suggestions)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  if (self->suggestions == suggestions)
    return;
  if (self->suggestions != NULL)
    g_signal_handlers_disconnect_by_data (self->suggestions, self);
  g_set_object (&self->suggestions, suggestions);
  if (suggestions != NULL)
    {
      g_signal_connect_object (suggestions, "notify::current", G_CALLBACK (suggestion_current_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (suggestions, "notify::visible", G_CALLBACK (gtk_widget_queue_draw),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selection and tagging */

void
gloss_article_view_select_range (GlossArticleView *self,
                                 guint             start,
                                 guint             end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter a, b;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_BOPOMOFO;
}

/* Whether the characters on both sides of @iter belong to one word, which
 * a snapped range must not split.  Chinese and Japanese characters are each
 * a unit of their own: Pango's word boundaries would make a whole run of Han
 * characters one "word", and snapping to that would swallow a sentence. */
static gboolean
inside_word (const GtkTextIter *iter)
{
  GtkTextIter before = *iter;
  gunichar a, b, c;

  if (gtk_text_iter_is_start (iter) || gtk_text_iter_is_end (iter))
    return FALSE;

  gtk_text_iter_backward_char (&before);
  a = gtk_text_iter_get_char (&before);
  b = gtk_text_iter_get_char (iter);

  if (is_cjk (a) || is_cjk (b))
    return FALSE;
  if ((g_unichar_isalnum (a) || g_unichar_ismark (a)) && (g_unichar_isalnum (b) || g_unichar_ismark (b)))
    return TRUE;

  /* 4.8 and 12,000 are one number; don't and Lin's one word. */
  if (g_unichar_isdigit (a) && (b == '.' || b == ','))
    {
      GtkTextIter next = *iter;

      gtk_text_iter_forward_char (&next);
      c = gtk_text_iter_get_char (&next);
      return g_unichar_isdigit (c);
    }
  if ((a == '.' || a == ',') && g_unichar_isdigit (b))
    {
      if (!gtk_text_iter_backward_char (&before))
        return FALSE;
      return g_unichar_isdigit (gtk_text_iter_get_char (&before));
    }
  if (g_unichar_isalpha (a) && (b == '\'' || b == 0x2019))
    {
      GtkTextIter next = *iter;

      gtk_text_iter_forward_char (&next);
      return g_unichar_isalpha (gtk_text_iter_get_char (&next));
    }
  if ((a == '\'' || a == 0x2019) && g_unichar_isalpha (b))
    {
      if (!gtk_text_iter_backward_char (&before))
        return FALSE;
      return g_unichar_isalpha (gtk_text_iter_get_char (&before));
    }

  return FALSE;
}

/**
 * gloss_article_view_snap_range:
 * @self: a #GlossArticleView
 * @start: (inout): start offset
 * @end: (inout): end offset
 *
 * Trims surrounding white space and, when snapping to words is on, widens
 * the range to whole words (Chinese: whole characters, which any selection
 * already is).
 *
 * Returns: %FALSE when nothing but white space is left
 */
gboolean
gloss_article_view_snap_range (GlossArticleView *self,
                               guint            *start,
                               guint            *end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter a, b, last;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, MIN (*start, *end));
  gtk_text_buffer_get_iter_at_offset (buffer, &b, MAX (*start, *end));

  while (gtk_text_iter_compare (&a, &b) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&a)))
    gtk_text_iter_forward_char (&a);

  while (gtk_text_iter_compare (&a, &b) < 0)
    {
      last = b;
      gtk_text_iter_backward_char (&last);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&last)))
        break;
      b = last;
    }

  if (gtk_text_iter_equal (&a, &b))
    return FALSE;

  if (self->snap_to_words)
    {
      while (inside_word (&a))
        gtk_text_iter_backward_char (&a);
      while (inside_word (&b))
        gtk_text_iter_forward_char (&b);
    }

  *start = gtk_text_iter_get_offset (&a);
  *end = gtk_text_iter_get_offset (&b);
  return TRUE;
}

/**
 * gloss_article_view_tag_selection:
 * @self: a #GlossArticleView
 * @tag_id: a codebook tag id
 *
 * Tags the selected passage with @tag_id; without a passage selected,
 * re-tags the selected annotation.
 *
 * Returns: (transfer none) (nullable): the annotation created or re-tagged
 */
GlossAnnotation *
gloss_article_view_tag_selection (GlossArticleView *self,
                                  const char       *tag_id)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter a, b;
  GlossAnnotation *annotation;
  guint start, end;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);

  if (self->annotations == NULL || self->read_only || tag_id == NULL)
    return NULL;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    {
      if (self->selected == NULL)
        return NULL;
      gloss_annotation_set_retag (self->annotations, self->selected, tag_id);
      return self->selected;
    }

  start = gtk_text_iter_get_offset (&a);
  end = gtk_text_iter_get_offset (&b);
  if (!gloss_article_view_snap_range (self, &start, &end))
    return NULL;

  annotation = gloss_annotation_set_create (self->annotations, tag_id, start, end);

  /* Collapse the selection: the highlight now shows the passage. */
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_place_cursor (buffer, &b);
  gloss_article_view_set_selected (self, annotation);

  return annotation;
}

/**
 * gloss_article_view_get_annotations_at:
 * @self: a #GlossArticleView
 * @offset: a character offset
 *
 * Returns: (transfer container) (element-type GlossAnnotation): the placed
 *   annotations covering @offset, outermost first
 */
GPtrArray *
gloss_article_view_get_annotations_at (GlossArticleView *self,
                                       guint             offset)
{
  GPtrArray *hits;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), NULL);

  if (self->annotations == NULL)
    return g_ptr_array_new ();

  hits = gloss_annotation_set_query (self->annotations, offset, offset + 1);
  for (guint i = hits->len; i > 0; i--)
    if (!is_placed (g_ptr_array_index (hits, i - 1)))
      g_ptr_array_remove_index (hits, i - 1);

  return hits;
}

static char *
describe (GlossArticleView *self,
          GlossAnnotation  *annotation)
{
  GlossTag *tag = self->codebook ? gloss_codebook_lookup (self->codebook, gloss_annotation_get_tag (annotation)) : NULL;
  const char *text = gloss_annotation_get_text (annotation);
  g_autofree char *shortened = NULL;

  if (text != NULL && g_utf8_strlen (text, -1) > 40)
    {
      shortened = g_utf8_substring (text, 0, 40);
      text = shortened;
    }

  return g_strdup_printf ("%s — %s%s", tag ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (annotation),
                          text ? text : "", shortened ? "…" : "");
}

static void
choose (GlossArticleView *self,
        GlossAnnotation  *annotation)
{
  if (self->pick_mode)
    {
      gloss_article_view_set_pick_mode (self, FALSE);
      g_signal_emit (self, signals[PICKED], 0, annotation);
      return;
    }

  gloss_article_view_set_selected (self, annotation);
}

static void
choice_activated_cb (GlossArticleView *self,
                     GtkListBoxRow    *row,
                     GtkListBox       *list)
{
  GlossAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  gtk_popover_popdown (GTK_POPOVER (self->choice_popover));
  if (annotation != NULL && self->annotations != NULL &&
      gloss_annotation_set_find_position (self->annotations, annotation, NULL))
    choose (self, annotation);
}

static void
offer_choice (GlossArticleView *self,
              GPtrArray        *hits,
              guint             offset)
{
  GtkListBox *list = GTK_LIST_BOX (self->choice_list);
  GtkWidget *child;
  GtkTextIter iter;
  GdkRectangle location;
  int x, y;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < hits->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (hits, i);
      g_autofree char *text = describe (self, annotation);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "choice-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);
      gtk_list_box_append (list, row);
    }

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &x, &y);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->choice_popover),
                               &(GdkRectangle) { x, y, MAX (location.width, 1), location.height });
  gtk_popover_popup (GTK_POPOVER (self->choice_popover));
}

/* Where a name already tagged somewhere (with the pick tag) is written
 * again around @offset: its extent there, the way to know where a Chinese
 * name ends without a dictionary. */
static gboolean
known_name_at (GlossArticleView *self,
               guint             offset,
               guint            *start,
               guint            *end)
{
  guint n = gloss_annotation_set_get_size (self->annotations);
  guint best = 0;

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (self->annotations, i);
      const char *text = gloss_annotation_get_text (a);
      guint length = text ? g_utf8_strlen (text, -1) : 0;
      g_autofree char *around = NULL;
      const char *hit;

      if (length == 0 || length <= best || !is_placed (a) ||
          g_strcmp0 (gloss_annotation_get_tag (a), self->pick_tag) != 0)
        continue;
      around = gloss_document_get_slice (self->document, offset >= length - 1 ? offset - (length - 1) : 0,
                                         MIN (offset + length, gloss_document_get_length (self->document)));
      if ((hit = strstr (around, text)) != NULL)
        {
          *start = (offset >= length - 1 ? offset - (length - 1) : 0) + g_utf8_pointer_to_offset (around, hit);
          *end = *start + length;
          best = length;
        }
    }

  return best > 0;
}

/* In pick mode, a name that is not tagged yet: tags [start, end) (a click:
 * the word, or a name known from elsewhere in the article) with the pick tag
 * and picks it.  Says what to do when it cannot tell where the name ends. */
static void
pick_untagged (GlossArticleView *self,
               guint             start,
               guint             end,
               gboolean          clicked)
{
  GtkTextIter iter;
  GlossAnnotation *annotation;

  if (self->pick_tag == NULL || self->annotations == NULL || self->read_only || self->document == NULL)
    return;

  if (clicked && !known_name_at (self, start, &start, &end))
    {
      gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, start);
      if (is_cjk (gtk_text_iter_get_char (&iter)) || !g_unichar_isalnum (gtk_text_iter_get_char (&iter)))
        {
          g_signal_emit (self, signals[MESSAGE], 0,
                         _("Select the speaker’s name with the mouse to tag and link it"), FALSE);
          return;
        }
      /* A word: snapping widens the character to it, even without word snapping. */
      while (inside_word (&iter))
        gtk_text_iter_backward_char (&iter);
      start = gtk_text_iter_get_offset (&iter);
      gtk_text_iter_forward_char (&iter);
      while (inside_word (&iter))
        gtk_text_iter_forward_char (&iter);
      end = gtk_text_iter_get_offset (&iter);
    }
  else if (!gloss_article_view_snap_range (self, &start, &end))
    return;

  annotation = gloss_annotation_set_create (self->annotations, self->pick_tag, start, end);
  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, end);
  gtk_text_buffer_place_cursor (get_buffer (self), &iter);
  choose (self, annotation);
}

#define ZOOM_MIN  0.5
#define ZOOM_MAX  3.0
#define ZOOM_STEP 1.1

double
gloss_article_view_get_zoom (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 1.0);
  return self->zoom;
}

/**
 * gloss_article_view_set_zoom:
 * @self: a #GlossArticleView
 * @zoom: how much larger than the reading font the text is (1.0: as set)
 *
 * Zooms the reading text, the title in proportion; clamped to 50–300 %.
 */
void
gloss_article_view_set_zoom (GlossArticleView *self,
                             double            zoom)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  /* Steps of 10 % come back to 100 % exactly. */
  if (ABS (zoom - 1.0) < 0.02)
    zoom = 1.0;
  if (zoom == self->zoom)
    return;

  buffer = get_buffer (self);
  /* A tag under all others: the text's size changes, not its layout code. */
  if (self->zoom == 1.0)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->zoom_tag, &start, &end);
    }
  self->zoom = zoom;
  g_object_set (self->zoom_tag, "scale", zoom, NULL);
  g_object_set (self->title_tag, "scale", TITLE_SCALE * zoom, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);

  if (g_str_equal (action_name, "article.zoom-in"))
    gloss_article_view_set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "article.zoom-out"))
    gloss_article_view_set_zoom (self, self->zoom / ZOOM_STEP);
  else
    gloss_article_view_set_zoom (self, 1.0);
}

/* Ctrl+scroll zooms, as in every GNOME reader. */
static gboolean
scroll_cb (GlossArticleView         *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_activate_action (GTK_WIDGET (self), dy < 0 ? "article.zoom-in" : "article.zoom-out", NULL);
  return GDK_EVENT_STOP;
}

/**
 * gloss_article_view_set_pick_tag:
 * @self: a #GlossArticleView
 * @tag_id: (nullable): the tag an untagged name picked in pick mode gets
 *
 * In pick mode a click on a name nobody tagged yet tags it with @tag_id
 * and picks it; %NULL leaves such clicks alone.
 */
void
gloss_article_view_set_pick_tag (GlossArticleView *self,
                                 const char       *tag_id)
{
  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  g_free (self->pick_tag);
  self->pick_tag = g_strdup (tag_id);
}

/**
 * gloss_article_view_click_at_offset:
 * @self: a #GlossArticleView
 * @offset: where the user clicked
 *
 * What a click on the text does: selects the annotation there, asks which
 * one when several overlap, or picks one in pick mode.
 */
void
gloss_article_view_click_at_offset (GlossArticleView *self,
                                    guint             offset)
{
  g_autoptr(GPtrArray) hits = gloss_article_view_get_annotations_at (self, offset);

  if (hits->len == 0)
    {
      if (!self->pick_mode)
        gloss_article_view_set_selected (self, NULL);
      else
        pick_untagged (self, offset, offset + 1, TRUE);
      return;
    }

  if (hits->len == 1)
    choose (self, g_ptr_array_index (hits, 0));
  else
    offer_choice (self, hits, offset);
}

/* Which grip of the selected annotation is under (@bx, @by), if any.  The
 * grips lie outside its characters, so that a press on the text itself
 * (its first character too) always starts a text selection. */
static Edge
edge_at (GlossArticleView *self,
         int               bx,
         int               by)
{
  if (self->selected == NULL || self->read_only || !is_placed (self->selected))
    return EDGE_NONE;

  for (Edge edge = EDGE_START; edge <= EDGE_END; edge++)
    {
      GdkRectangle r;

      handle_rect (self, edge, gloss_annotation_get_start (self->selected),
                   gloss_annotation_get_end (self->selected), &r);
      /* A pixel of slack on the outer side, none on the text's. */
      if ((edge == EDGE_START ? (bx >= r.x - 1 && bx < r.x + r.width + HANDLE_GAP)
                              : (bx >= r.x - HANDLE_GAP && bx <= r.x + r.width)) &&
          by >= r.y && by < r.y + r.height)
        return edge;
    }

  return EDGE_NONE;
}

/* The character boundary nearest to (@bx, @by). */
static guint
boundary_at (GlossArticleView *self,
             int               bx,
             int               by)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int trailing = 0;

  gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by);
  return gtk_text_iter_get_offset (&iter) + (trailing > 0 ? 1 : 0);
}

static void
drag_range (GlossArticleView *self,
            guint             boundary,
            guint            *start,
            guint            *end)
{
  *start = gloss_annotation_get_start (self->selected);
  *end = gloss_annotation_get_end (self->selected);

  if (self->dragging == EDGE_START)
    *start = MIN (boundary, *end - 1);
  else
    *end = MAX (boundary, *start + 1);
}

/* The character under (@bx, @by), in buffer coordinates, and where it is
 * drawn; FALSE beside the text (past the end of a line).  Not
 * gtk_text_view_get_iter_at_location(), which gives the nearest boundary:
 * from the right half of a character, the character after it. */
static gboolean
char_at (GlossArticleView *self,
         int               bx,
         int               by,
         GtkTextIter      *iter,
         GdkRectangle     *location)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);

  gtk_text_view_get_iter_at_position (view, iter, NULL, bx, by);
  gtk_text_view_get_iter_location (view, iter, location);
  return bx >= location->x - 1 && bx <= location->x + MAX (location->width, 1) + 1 &&
         by >= location->y && by < location->y + location->height;
}

static gboolean
legacy_event_cb (GlossArticleView       *self,
                 GdkEvent               *event,
                 GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkTextView *view = GTK_TEXT_VIEW (self);
  double x, y;
  int bx, by;

  /* A legacy controller sees the click without competing with the text
   * view's own gestures, which claim every press for caret and selection. */
  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE && type != GDK_MOTION_NOTIFY)
    return GDK_EVENT_PROPAGATE;
  if (type != GDK_MOTION_NOTIFY && gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;

  gdk_event_get_position (event, &x, &y);
  {
    GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
    graphene_point_t p;
    double nx, ny;

    gtk_native_get_surface_transform (native, &nx, &ny);
    if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                   &GRAPHENE_POINT_INIT (x - nx, y - ny), &p))
      return GDK_EVENT_PROPAGATE;
    x = p.x;
    y = p.y;
  }
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);

  /* Dragging an edge of the selected annotation resizes it. */
  if (type == GDK_MOTION_NOTIFY)
    {
      if (self->dragging != EDGE_NONE)
        {
          self->drag_boundary = boundary_at (self, bx, by);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return GDK_EVENT_STOP;
        }
      if (!(gdk_event_get_modifier_state (event) & GDK_BUTTON1_MASK))
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                         self->pick_mode ? "crosshair" :
                                         edge_at (self, bx, by) != EDGE_NONE ? "col-resize" : "text");
      return GDK_EVENT_PROPAGATE;
    }

  if (type == GDK_BUTTON_PRESS)
    {
      self->pressed = TRUE;
      self->press_x = x;
      self->press_y = y;
      if (!self->pick_mode && (self->dragging = edge_at (self, bx, by)) != EDGE_NONE)
        {
          self->drag_boundary = self->dragging == EDGE_START ? gloss_annotation_get_start (self->selected)
                                                             : gloss_annotation_get_end (self->selected);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    }

  if (self->dragging != EDGE_NONE)
    {
      guint start, end;

      drag_range (self, boundary_at (self, bx, by), &start, &end);
      self->dragging = EDGE_NONE;
      self->pressed = FALSE;
      if (gloss_article_view_snap_range (self, &start, &end) && self->annotations != NULL)
        gloss_annotation_set_move (self->annotations, self->selected, start, end);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    }

  if (self->pressed && ABS (x - self->press_x) < 4 && ABS (y - self->press_y) < 4)
    {
      GtkTextIter iter;
      GdkRectangle location;

      self->pressed = FALSE;
      if (char_at (self, bx, by, &iter, &location))
        {
          gloss_article_view_click_at_offset (self, gtk_text_iter_get_offset (&iter));
          return GDK_EVENT_PROPAGATE;
        }
      if (!self->pick_mode)
        gloss_article_view_set_selected (self, NULL);
    }
  else if (self->pressed && self->pick_mode && gtk_text_buffer_get_has_selection (get_buffer (self)))
    {
      GtkTextIter a, b;

      /* A name selected in pick mode: tagged and picked. */
      gtk_text_buffer_get_selection_bounds (get_buffer (self), &a, &b);
      pick_untagged (self, gtk_text_iter_get_offset (&a), gtk_text_iter_get_offset (&b), FALSE);
    }
  else if (self->pressed && !self->pick_mode && gtk_text_buffer_get_has_selection (get_buffer (self)))
    {
      /* A drag selected text: the keys now tag that text, as a new
       * annotation, and never re-tag the one that was selected. */
      gloss_article_view_set_selected (self, NULL);
    }
  self->pressed = FALSE;

  return GDK_EVENT_PROPAGATE;
}

/* Hovering a highlight names its tag (all of them, where layers overlap)
 * and shows the start of the note. */
static gboolean
query_tooltip_cb (GlossArticleView *self,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *others = NULL;
  g_autofree char *suggested = NULL;
  GtkTextIter iter;
  GdkRectangle location;
  int bx, by;

  if (keyboard || (self->annotations == NULL && self->layers == NULL && self->suggestions == NULL))
    return FALSE;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!char_at (self, bx, by, &iter, &location))
    return FALSE;

  hits = gloss_article_view_get_annotations_at (self, gtk_text_iter_get_offset (&iter));
  if (self->layers != NULL)
    others = gloss_layers_describe_at (self->layers, gtk_text_iter_get_offset (&iter));
  if (self->suggestions != NULL)
    suggested = gloss_suggestion_layer_describe_at (self->suggestions, gtk_text_iter_get_offset (&iter));
  if (hits->len == 0 && others == NULL && suggested == NULL)
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (hits, i);
      GlossTag *tag = self->codebook ? gloss_codebook_lookup (self->codebook, gloss_annotation_get_tag (annotation)) : NULL;
      const char *note = gloss_annotation_get_note (annotation);
      g_autofree char *label = g_markup_escape_text (tag ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (annotation), -1);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "<b>%s</b>", label);
      if (note != NULL && *note != '\0')
        {
          g_autofree char *cut = g_utf8_strlen (note, -1) > 80 ? g_utf8_substring (note, 0, 80) : g_strdup (note);
          g_autofree char *escaped = g_markup_escape_text (cut, -1);

          g_string_append_printf (text, " — %s%s", escaped, g_utf8_strlen (note, -1) > 80 ? "…" : "");
        }
    }

  /* Who else tagged this spot, one line per shown colleague layer. */
  if (others != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", others);
  if (suggested != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", suggested);

  gtk_tooltip_set_markup (tooltip, text->str);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, location.x, location.y, &x, &y);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x, y, MAX (location.width, 1), location.height });
  return TRUE;
}

/* Find */

guint
gloss_article_view_set_search_text (GlossArticleView *self,
                                    const char       *text)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter, match_start, match_end;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);

  g_clear_pointer (&self->matches, g_array_unref);
  self->current_match = -1;

  if (text != NULL && *text != '\0')
    {
      self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
      gtk_text_buffer_get_start_iter (buffer, &iter);
      while (self->matches->len < MAX_MATCHES &&
             gtk_text_iter_forward_search (&iter, text,
                                           GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, NULL))
        {
          Match m = { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };

          g_array_append_val (self->matches, m);
          iter = match_end;
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  return gloss_article_view_get_n_matches (self);
}

guint
gloss_article_view_get_n_matches (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), 0);
  return self->matches ? self->matches->len : 0;
}

int
gloss_article_view_get_current_match (GlossArticleView *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_VIEW (self), -1);
  return self->current_match;
}

void
gloss_article_view_find_next (GlossArticleView *self,
                              gboolean          backward)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter cursor, a, b;
  guint n, offset;
  Match *m;

  g_return_if_fail (GLOSS_IS_ARTICLE_VIEW (self));

  n = gloss_article_view_get_n_matches (self);
  if (n == 0)
    return;

  if (self->current_match < 0)
    {
      /* Start from the caret, so Find continues where the reader is. */
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&cursor);
      self->current_match = backward ? (int)n - 1 : 0;
      for (guint i = 0; i < n; i++)
        if (g_array_index (self->matches, Match, i).start >= offset)
          {
            self->current_match = backward ? ((int)i - 1 + (int)n) % (int)n : (int)i;
            break;
          }
    }
  else if (backward)
    self->current_match = (self->current_match + (int)n - 1) % (int)n;
  else
    self->current_match = (self->current_match + 1) % (int)n;

  m = &g_array_index (self->matches, Match, self->current_match);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, m->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, m->end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer), 0.2, FALSE, 0, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions */

static void
update_actions (GlossArticleView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->annotations != NULL && !self->read_only;
  gboolean has_selected = editable && self->selected != NULL;
  gboolean has_any = self->annotations != NULL && gloss_annotation_set_get_size (self->annotations) > 0;

  gtk_widget_action_set_enabled (widget, "article.tag", editable);
  gtk_widget_action_set_enabled (widget, "article.tag-key", editable);
  gtk_widget_action_set_enabled (widget, "article.show-tags", editable);
  gtk_widget_action_set_enabled (widget, "article.delete", has_selected);
  gtk_widget_action_set_enabled (widget, "article.tag-all", has_selected);
  gtk_widget_action_set_enabled (widget, "article.resize", has_selected);
  gtk_widget_action_set_enabled (widget, "article.next", has_any);
  gtk_widget_action_set_enabled (widget, "article.previous", has_any);
  gtk_widget_action_set_enabled (widget, "article.next-same", has_any && self->selected != NULL);
  gtk_widget_action_set_enabled (widget, "article.previous-same", has_any && self->selected != NULL);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gloss_article_view_tag_selection (GLOSS_ARTICLE_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
tag_key_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  GlossTag *tag;

  if (self->codebook == NULL)
    return;

  tag = gloss_codebook_lookup_key (self->codebook, g_variant_get_string (parameter, NULL));
  /* No tag on that key, or nothing selected to tag. */
  if (tag == NULL || gloss_article_view_tag_selection (self, gloss_tag_get_id (tag)) == NULL)
    gtk_widget_error_bell (widget);
}

static void
tag_chosen_cb (GlossArticleView *self,
               const char       *tag_id,
               GlossTagPopover  *popover)
{
  gloss_article_view_tag_selection (self, tag_id);
}

static void
show_tags_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter a, b;
  GdkRectangle ra, rb, rect;
  int x, y;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    {
      if (self->selected == NULL || !is_placed (self->selected))
        return;
      gtk_text_buffer_get_iter_at_offset (buffer, &a, gloss_annotation_get_start (self->selected));
      gtk_text_buffer_get_iter_at_offset (buffer, &b, gloss_annotation_get_end (self->selected));
    }

  /* Point at the end of the passage, where the reader's eye is. */
  gtk_text_iter_backward_char (&b);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &a, &ra);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &b, &rb);
  rect = rb.y == ra.y ? (GdkRectangle) { ra.x, ra.y, rb.x + rb.width - ra.x, ra.height } : rb;
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);
  rect.x = x;
  rect.y = y;
  rect.width = MAX (rect.width, 1);

  gloss_tag_popover_set_retag (GLOSS_TAG_POPOVER (self->tag_popover),
                               !gtk_text_buffer_get_has_selection (buffer));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->tag_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->tag_popover));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  g_autoptr(GlossAnnotation) annotation = NULL;

  if (self->selected == NULL || self->annotations == NULL)
    return;

  annotation = g_object_ref (self->selected);
  gloss_annotation_set_remove (self->annotations, annotation);
  g_signal_emit (self, signals[REMOVED], 0, annotation);
}

static void
step (GlossArticleView *self,
      gboolean          forward,
      gboolean          same_tag)
{
  GtkTextBuffer *buffer = get_buffer (self);
  guint n, pos;
  int i;
  const char *tag = NULL;

  if (self->annotations == NULL || (n = gloss_annotation_set_get_size (self->annotations)) == 0)
    return;

  if (same_tag && self->selected != NULL)
    tag = gloss_annotation_get_tag (self->selected);

  if (self->selected != NULL &&
      gloss_annotation_set_find_position (self->annotations, self->selected, &pos))
    {
      i = (int)pos + (forward ? 1 : -1);
    }
  else
    {
      /* Nothing selected: start from the caret. */
      GtkTextIter cursor;
      guint offset;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&cursor);
      for (i = 0; i < (int)n; i++)
        if (gloss_annotation_get_start (gloss_annotation_set_get_nth (self->annotations, i)) >= offset)
          break;
      if (!forward)
        i--;
    }

  for (; i >= 0 && i < (int)n; i += forward ? 1 : -1)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (self->annotations, i);

      if (tag == NULL || g_strcmp0 (gloss_annotation_get_tag (annotation), tag) == 0)
        {
          gloss_article_view_set_selected (self, annotation);
          gloss_article_view_scroll_to (self, annotation);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);

  if (g_str_equal (action_name, "article.next"))
    step (self, TRUE, FALSE);
  else if (g_str_equal (action_name, "article.previous"))
    step (self, FALSE, FALSE);
  else if (g_str_equal (action_name, "article.next-same"))
    step (self, TRUE, TRUE);
  else
    step (self, FALSE, TRUE);
}

/* "start-" or "end-" with "extend" or "shrink": one character at a time,
 * or a whole word with snapping on. */
static void
resize_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;
  guint start, end;
  gboolean at_end = g_str_has_prefix (what, "end");
  gboolean extend = g_str_has_suffix (what, "extend");
  gboolean forward = at_end ? extend : !extend;

  if (self->selected == NULL || self->annotations == NULL || !is_placed (self->selected))
    return;

  start = gloss_annotation_get_start (self->selected);
  end = gloss_annotation_get_end (self->selected);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, at_end ? end : start);

  /* With snapping, a step is a whole word and the white space beside it:
   * the span never ends inside a word or on a space. */
  if (forward)
    {
      if (self->snap_to_words && extend)
        while (!gtk_text_iter_is_end (&iter) && g_unichar_isspace (gtk_text_iter_get_char (&iter)))
          gtk_text_iter_forward_char (&iter);
      gtk_text_iter_forward_char (&iter);
      if (self->snap_to_words)
        {
          while (inside_word (&iter))
            gtk_text_iter_forward_char (&iter);
          if (!extend)
            while (!gtk_text_iter_is_end (&iter) && g_unichar_isspace (gtk_text_iter_get_char (&iter)))
              gtk_text_iter_forward_char (&iter);
        }
    }
  else
    {
      GtkTextIter prev = iter;

      if (self->snap_to_words && extend)
        while (gtk_text_iter_backward_char (&prev) && g_unichar_isspace (gtk_text_iter_get_char (&prev)))
          iter = prev;
      gtk_text_iter_backward_char (&iter);
      if (self->snap_to_words)
        {
          while (inside_word (&iter))
            gtk_text_iter_backward_char (&iter);
          prev = iter;
          if (!extend)
            while (gtk_text_iter_backward_char (&prev) && g_unichar_isspace (gtk_text_iter_get_char (&prev)))
              iter = prev;
        }
    }

  if (at_end)
    end = gtk_text_iter_get_offset (&iter);
  else
    start = gtk_text_iter_get_offset (&iter);

  if (end <= start)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  gloss_annotation_set_move (self->annotations, self->selected, start, end);
  gtk_widget_queue_draw (widget);
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  g_autofree char *needle = NULL;
  g_autofree char *message = NULL;
  const char *tag;
  guint added = 0;
  gssize found;
  gsize from = 0;
  guint length;

  if (self->selected == NULL || self->annotations == NULL || self->document == NULL)
    return;

  tag = gloss_annotation_get_tag (self->selected);
  needle = gloss_document_get_slice (self->document,
                                     gloss_annotation_get_start (self->selected),
                                     gloss_annotation_get_end (self->selected));
  length = g_utf8_strlen (needle, -1);
  if (length == 0)
    return;

  gloss_annotation_set_begin_group (self->annotations, _("Tag all occurrences"));
  while ((found = gloss_document_find (self->document, needle, from)) >= 0)
    {
      g_autoptr(GPtrArray) hits = gloss_annotation_set_query (self->annotations, found, found + length);
      gboolean exists = FALSE;

      for (guint i = 0; i < hits->len && !exists; i++)
        {
          GlossAnnotation *other = g_ptr_array_index (hits, i);

          exists = gloss_annotation_get_start (other) == (guint)found &&
                   gloss_annotation_get_end (other) == (guint)found + length &&
                   g_strcmp0 (gloss_annotation_get_tag (other), tag) == 0;
        }

      if (!exists)
        {
          GlossAnnotation *copy = gloss_annotation_set_create (self->annotations, tag, found, found + length);
          JsonObject *attributes = gloss_annotation_get_attributes (self->selected);
          g_autoptr(GList) names = attributes ? json_object_get_members (attributes) : NULL;

          /* A copy is the same thing said again: same speaker, same title. */
          for (GList *l = names; l != NULL; l = l->next)
            {
              JsonNode *node = json_object_get_member (attributes, l->data);

              if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
                gloss_annotation_set_set_attribute (self->annotations, copy, l->data, json_node_get_string (node));
            }
          added++;
        }
      from = found + length;
    }
  gloss_annotation_set_end_group (self->annotations);

  if (added == 0)
    message = g_strdup (_("No other occurrences to tag"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tagged %u more occurrence",
                                            "Tagged %u more occurrences", added), added);
  g_signal_emit (self, signals[MESSAGE], 0, message, added > 0);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;

  if (self->pick_mode)
    {
      gloss_article_view_set_pick_mode (self, FALSE);
      return;
    }

  if (gtk_text_buffer_get_selection_bounds (buffer, &iter, NULL))
    {
      gtk_text_buffer_place_cursor (buffer, &iter);
      return;
    }

  gloss_article_view_set_selected (self, NULL);
}

/* GObject */

static void
gloss_article_view_dispose (GObject *object)
{
  GlossArticleView *self = (GlossArticleView *)object;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_pointer (&self->tag_popover, gtk_widget_unparent);
  g_clear_pointer (&self->choice_popover, gtk_widget_unparent);
  g_clear_object (&self->annotations);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->pick_tag, g_free);
  g_clear_object (&self->codebook);
  g_clear_object (&self->document);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->drawn, g_hash_table_unref);
  if (self->layers != NULL)
    gloss_layers_unwatch (self->layers, GTK_WIDGET (self));
  g_clear_object (&self->layers);
  if (self->suggestions != NULL)
    g_signal_handlers_disconnect_by_data (self->suggestions, self);
  g_clear_object (&self->suggestions);

  G_OBJECT_CLASS (gloss_article_view_parent_class)->dispose (object);
}

static void
gloss_article_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_article_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->tag_popover)
    gtk_popover_present (GTK_POPOVER (self->tag_popover));
  if (self->choice_popover)
    gtk_popover_present (GTK_POPOVER (self->choice_popover));
}

static void
gloss_article_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_CODEBOOK: g_value_set_object (value, self->codebook); break;
    case PROP_ANNOTATIONS: g_value_set_object (value, self->annotations); break;
    case PROP_SELECTED: g_value_set_object (value, self->selected); break;
    case PROP_SNAP_TO_WORDS: g_value_set_boolean (value, self->snap_to_words); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_PICK_MODE: g_value_set_boolean (value, self->pick_mode); break;
    case PROP_ZOOM: g_value_set_double (value, self->zoom); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossArticleView *self = GLOSS_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: gloss_article_view_set_document (self, g_value_get_object (value)); break;
    case PROP_CODEBOOK: gloss_article_view_set_codebook (self, g_value_get_object (value)); break;
    case PROP_ANNOTATIONS: gloss_article_view_set_annotations (self, g_value_get_object (value)); break;
    case PROP_SELECTED: gloss_article_view_set_selected (self, g_value_get_object (value)); break;
    case PROP_SNAP_TO_WORDS: gloss_article_view_set_snap_to_words (self, g_value_get_boolean (value)); break;
    case PROP_READ_ONLY: gloss_article_view_set_read_only (self, g_value_get_boolean (value)); break;
    case PROP_PICK_MODE: gloss_article_view_set_pick_mode (self, g_value_get_boolean (value)); break;
    case PROP_ZOOM: gloss_article_view_set_zoom (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        mods,
              const char            *action,
              GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods),
                                            gtk_named_action_new (action));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
gloss_article_view_class_init (GlossArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = gloss_article_view_dispose;
  object_class->get_property = gloss_article_view_get_property;
  object_class->set_property = gloss_article_view_set_property;
  widget_class->size_allocate = gloss_article_view_size_allocate;
  text_view_class->snapshot_layer = gloss_article_view_snapshot_layer;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT, rw);
  properties[PROP_CODEBOOK] = g_param_spec_object ("codebook", NULL, NULL, GLOSS_TYPE_CODEBOOK, rw);
  properties[PROP_ANNOTATIONS] = g_param_spec_object ("annotations", NULL, NULL, GLOSS_TYPE_ANNOTATION_SET, rw);
  properties[PROP_SELECTED] = g_param_spec_object ("selected", NULL, NULL, GLOSS_TYPE_ANNOTATION, rw);
  properties[PROP_SNAP_TO_WORDS] = g_param_spec_boolean ("snap-to-words", NULL, NULL, TRUE, rw);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, rw);
  properties[PROP_PICK_MODE] = g_param_spec_boolean ("pick-mode", NULL, NULL, FALSE, rw);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossArticleView::picked:
   * @annotation: the annotation clicked in pick mode
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
  /**
   * GlossArticleView::removed:
   * @annotation: the annotation the user deleted (the owner offers Undo)
   */
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
  /**
   * GlossArticleView::message:
   * @text: feedback for the user, translated
   * @undoable: whether offering Undo makes sense
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "article.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "article.tag-key", "s", tag_key_action);
  gtk_widget_class_install_action (widget_class, "article.show-tags", NULL, show_tags_action);
  gtk_widget_class_install_action (widget_class, "article.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "article.next", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "article.previous", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "article.next-same", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "article.previous-same", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "article.resize", "s", resize_action);
  gtk_widget_class_install_action (widget_class, "article.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "article.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "article.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "article.tag-all", NULL, tag_all_action);
  gtk_widget_class_install_action (widget_class, "article.cancel", NULL, cancel_action);

  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
gloss_article_view_init (GlossArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkEventController *legacy;
  GtkEventController *shortcuts;
  GtkShortcutController *sc;

  self->snap_to_words = TRUE;
  self->current_match = -1;
  self->drawn = g_hash_table_new (NULL, NULL);

  /* The text never changes: an undo history would only copy a megabyte. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);

  /* Read-only text with a visible caret, so the keyboard can select. */
  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  /* Room below each line for one underline per overlapping layer. */
  gtk_text_view_set_pixels_below_lines (view, 4);
  gtk_text_view_set_pixels_inside_wrap (view, 12);
  gtk_text_view_set_pixels_above_lines (view, 8);
  gtk_text_view_set_left_margin (view, 24);
  gtk_text_view_set_right_margin (view, 24);
  gtk_text_view_set_top_margin (view, 32);
  gtk_text_view_set_bottom_margin (view, 64);

  /* Created first, so that every other tag (the title's size) wins over it. */
  self->zoom = 1.0;
  self->zoom_tag = gtk_text_buffer_create_tag (buffer, "zoom", "scale", 1.0, NULL);
  self->title_tag = gtk_text_buffer_create_tag (buffer, "title",
                                                "scale", TITLE_SCALE,
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "pixels-below-lines", 16,
                                                NULL);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (legacy, "event", G_CALLBACK (legacy_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);

  /* Capture phase: ahead of GtkTextView's own bindings (Delete would
   * otherwise be eaten by the read-only buffer). */
  shortcuts = gtk_shortcut_controller_new ();
  sc = GTK_SHORTCUT_CONTROLLER (shortcuts);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 1; i <= 9; i++)
    {
      char key[2] = { '0' + i, 0 };

      add_shortcut (sc, GDK_KEY_0 + i, 0, "article.tag-key", g_variant_new_string (key));
      add_shortcut (sc, GDK_KEY_KP_0 + i, 0, "article.tag-key", g_variant_new_string (key));
    }
  add_shortcut (sc, GDK_KEY_plus, GDK_CONTROL_MASK, "article.zoom-in", NULL);
  add_shortcut (sc, GDK_KEY_equal, GDK_CONTROL_MASK, "article.zoom-in", NULL);
  add_shortcut (sc, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "article.zoom-in", NULL);
  add_shortcut (sc, GDK_KEY_minus, GDK_CONTROL_MASK, "article.zoom-out", NULL);
  add_shortcut (sc, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "article.zoom-out", NULL);
  add_shortcut (sc, GDK_KEY_0, GDK_CONTROL_MASK, "article.zoom-reset", NULL);
  add_shortcut (sc, GDK_KEY_KP_0, GDK_CONTROL_MASK, "article.zoom-reset", NULL);
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                                  GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  }
  add_shortcut (sc, GDK_KEY_t, 0, "article.show-tags", NULL);
  add_shortcut (sc, GDK_KEY_Return, 0, "article.show-tags", NULL);
  add_shortcut (sc, GDK_KEY_KP_Enter, 0, "article.show-tags", NULL);
  add_shortcut (sc, GDK_KEY_Menu, 0, "article.show-tags", NULL);
  add_shortcut (sc, GDK_KEY_Delete, 0, "article.delete", NULL);
  add_shortcut (sc, GDK_KEY_BackSpace, 0, "article.delete", NULL);
  add_shortcut (sc, GDK_KEY_Down, GDK_ALT_MASK, "article.next", NULL);
  add_shortcut (sc, GDK_KEY_Up, GDK_ALT_MASK, "article.previous", NULL);
  add_shortcut (sc, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "article.next-same", NULL);
  add_shortcut (sc, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "article.previous-same", NULL);
  add_shortcut (sc, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "article.resize", g_variant_new_string ("end-extend"));
  add_shortcut (sc, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "article.resize", g_variant_new_string ("end-shrink"));
  add_shortcut (sc, GDK_KEY_Left, GDK_ALT_MASK | GDK_CONTROL_MASK, "article.resize", g_variant_new_string ("start-extend"));
  add_shortcut (sc, GDK_KEY_Right, GDK_ALT_MASK | GDK_CONTROL_MASK, "article.resize", g_variant_new_string ("start-shrink"));
  add_shortcut (sc, GDK_KEY_a, GDK_ALT_MASK, "article.tag-all", NULL);
  add_shortcut (sc, GDK_KEY_Escape, 0, "article.cancel", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->tag_popover = gloss_tag_popover_new ();
  gtk_widget_set_parent (self->tag_popover, GTK_WIDGET (self));
  g_signal_connect_object (self->tag_popover, "tag-chosen", G_CALLBACK (tag_chosen_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self, "snap-to-words", self->tag_popover, "snap-to-words",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->choice_popover = gtk_popover_new ();
  self->choice_list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->choice_list, "navigation-sidebar");
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->choice_list), TRUE);
  g_signal_connect_object (self->choice_list, "row-activated", G_CALLBACK (choice_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_popover_set_child (GTK_POPOVER (self->choice_popover), self->choice_list);
  gtk_widget_set_parent (self->choice_popover, GTK_WIDGET (self));

  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) section = g_menu_new ();

    g_menu_append (section, _("_Tag…"), "article.show-tags");
    g_menu_append (section, _("Tag _All Occurrences"), "article.tag-all");
    g_menu_append (section, _("_Delete Annotation"), "article.delete");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));
  }

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);
  update_actions (self);
}
