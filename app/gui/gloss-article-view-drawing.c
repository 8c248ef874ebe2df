/* gloss-article-view-drawing.c: the article view's highlights, grips,
 * colleagues' layers, suggestions and find matches, painted below the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-view-private.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-layer-drawing.h"
#include "gloss-tag-popover.h"

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
void
_gloss_article_view_handle_rect (GlossArticleView *self,
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

      _gloss_article_view_handle_rect (self, edge, start, end, &r);
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
            _gloss_article_view_drag_range (self, self->drag_boundary, &start, &end);
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

void
_gloss_article_view_snapshot_layer (GtkTextView      *view,
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
