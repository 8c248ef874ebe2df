/* gloss-layer-drawing.c: what the article view draws for layers, and the
 * text view's fragment helper it shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-annotation.h"
#include "gloss-layer-drawing.h"

#define LAYER_LINE_HEIGHT 2
#define LAYER_LINE_STEP   3
/* More layers than this share the last stripe: the gap under a line is
 * only so tall. */
#define MAX_STRIPES       3
#define DASH              6
#define DOT               2

/**
 * gloss_text_view_foreach_fragment:
 * @view: a text view
 * @from: first character offset
 * @to: character offset after the range
 * @func: called with the rectangle (buffer coordinates) of each piece
 * @user_data: data for @func
 *
 * Calls @func for each display-line piece of [from, to): what a highlight
 * or an underline of that range has to cover.  Shared by the annotations'
 * highlights and the layers' stripes.
 */
void
gloss_text_view_foreach_fragment (GtkTextView       *view,
                                  guint              from,
                                  guint              to,
                                  GlossFragmentFunc  func,
                                  gpointer           user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter, end;
  guint guard = 0;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);

  while (gtk_text_iter_compare (&iter, &end) < 0 && guard++ < 10000)
    {
      GtkTextIter line_end = iter;
      GtkTextIter last;
      GdkRectangle a, b;
      graphene_rect_t rect;

      if (gtk_text_iter_ends_line (&iter))
        {
          gtk_text_iter_forward_char (&iter);
          continue;
        }

      if (!gtk_text_view_forward_display_line_end (view, &line_end) ||
          gtk_text_iter_compare (&line_end, &iter) <= 0)
        {
          line_end = iter;
          gtk_text_iter_forward_to_line_end (&line_end);
        }
      if (gtk_text_iter_compare (&line_end, &end) > 0)
        line_end = end;

      last = line_end;
      gtk_text_iter_backward_char (&last);
      gtk_text_view_get_iter_location (view, &iter, &a);
      gtk_text_view_get_iter_location (view, &last, &b);

      /* A wrap point: the last piece ended where the next line starts. */
      if (b.y > a.y)
        {
          GtkTextIter probe = iter;

          gtk_text_iter_forward_char (&probe);
          line_end = probe;
          last = iter;
          gtk_text_view_get_iter_location (view, &last, &b);
        }

      graphene_rect_init (&rect, MIN (a.x, b.x), a.y,
                          MAX (b.x + b.width, a.x + a.width) - MIN (a.x, b.x),
                          MAX (a.height, b.height));
      func (&rect, user_data);
      iter = line_end;
    }
}

typedef struct
{
  GtkSnapshot     *snapshot;
  GdkRGBA          color;
  GlossLayerStyle  style;
  float            below;
} Stripe;

/* One stripe under each display-line piece of the range; dashes and dots
 * keep their rhythm from the line's start, whatever the piece. */
static void
stripe_fragment (const graphene_rect_t *piece,
                 gpointer               user_data)
{
  Stripe *stripe = user_data;
  float y = piece->origin.y + piece->size.height + stripe->below;
  float x = piece->origin.x;
  float end = piece->origin.x + piece->size.width;
  float on, period;
  graphene_rect_t rect;

  switch (stripe->style)
    {
    case GLOSS_LAYER_STYLE_DASHED:
      on = DASH;
      period = DASH + DASH / 2;
      break;
    case GLOSS_LAYER_STYLE_DOTTED:
      on = DOT;
      period = 2 * DOT;
      break;
    case GLOSS_LAYER_STYLE_SOLID:
    case GLOSS_LAYER_STYLE_FAINT:
    default:
      graphene_rect_init (&rect, x, y, end - x, LAYER_LINE_HEIGHT);
      gtk_snapshot_append_color (stripe->snapshot, &stripe->color, &rect);
      return;
    }

  for (float at = x - fmodf (x, period); at < end; at += period)
    {
      float left = MAX (at, x);
      float right = MIN (at + on, end);

      if (right <= left)
        continue;
      graphene_rect_init (&rect, left, y, right - left, LAYER_LINE_HEIGHT);
      gtk_snapshot_append_color (stripe->snapshot, &stripe->color, &rect);
    }
}

static void
layer_rgba (GlossLayer *layer,
            const char *color,
            GdkRGBA    *rgba)
{
  if (color == NULL || !gdk_rgba_parse (rgba, color))
    gdk_rgba_parse (rgba, gloss_layer_get_color (layer));
  if (gloss_layer_get_style (layer) == GLOSS_LAYER_STYLE_FAINT)
    rgba->alpha = 0.45f;
}

/**
 * gloss_layers_snapshot:
 * @layers: (element-type GlossLayer): the layers
 * @view: the article's text view
 * @snapshot: the below-text layer's snapshot
 * @from: first visible offset
 * @to: end of the visible offsets
 * @below: pixels between a line's text and the first stripe
 *
 * Draws a stripe under what each drawn layer tagged, in the tag's colour
 * and the layer's style, one stripe height lower per layer, so that several
 * layers stay apart.
 */
void
gloss_layers_snapshot (GListModel  *layers,
                       GtkTextView *view,
                       GtkSnapshot *snapshot,
                       guint        from,
                       guint        to,
                       float        below)
{
  guint n = g_list_model_get_n_items (layers);
  guint stripe_index = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (layers, i);
      g_autoptr(GPtrArray) hits = NULL;
      Stripe stripe = { snapshot };

      if (!gloss_layer_is_drawn (layer))
        continue;

      stripe.style = gloss_layer_get_style (layer);
      stripe.below = below + MIN (stripe_index, MAX_STRIPES - 1) * LAYER_LINE_STEP;
      stripe_index++;

      hits = gloss_layer_query (layer, from, MAX (to, from + 1));
      for (guint j = 0; j < hits->len; j++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (hits, j);

          layer_rgba (layer, gloss_layer_get_tag_color (layer, gloss_annotation_get_tag (annotation)), &stripe.color);
          gloss_text_view_foreach_fragment (view,
                                            MAX (gloss_annotation_get_start (annotation), from),
                                            MIN (gloss_annotation_get_end (annotation), to),
                                            stripe_fragment, &stripe);
        }
    }
}

/* A stripe's look in a line of text: ▁ solid, ╍ dashed, ┈ dotted. */
static const char *
style_glyph (GlossLayerStyle style)
{
  switch (style)
    {
    case GLOSS_LAYER_STYLE_DASHED: return "╍";
    case GLOSS_LAYER_STYLE_DOTTED: return "┈";
    case GLOSS_LAYER_STYLE_SOLID:
    case GLOSS_LAYER_STYLE_FAINT:
    default:
      return "▁";
    }
}

/**
 * gloss_layers_describe_at:
 * @layers: (element-type GlossLayer): the layers
 * @offset: a code point offset
 *
 * Returns: (transfer full) (nullable): Pango markup, one line per drawn layer
 *   with an annotation at @offset: its stripe, “alice: Quote, Official”
 */
char *
gloss_layers_describe_at (GListModel *layers,
                          guint       offset)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (layers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (layers, i);
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GString) tags = NULL;
      g_autoptr(GString) marks = NULL;
      g_autofree char *who = NULL;

      if (!gloss_layer_is_drawn (layer))
        continue;

      hits = gloss_layer_query (layer, offset, offset + 1);
      for (guint j = 0; j < hits->len; j++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (hits, j);
          const char *tag = gloss_annotation_get_tag (annotation);
          g_autofree char *mark = NULL;

          if (tags == NULL)
            {
              tags = g_string_new (NULL);
              marks = g_string_new (NULL);
            }
          else
            /* Translators: between tag names in a tooltip */
            g_string_append (tags, _(", "));
          g_string_append (tags, gloss_layer_get_tag_label (layer, tag));
          /* The stripe as drawn: the layer's style in the tag's colour. */
          mark = g_markup_printf_escaped ("<span foreground=\"%s\">%s</span>",
                                          gloss_layer_get_tag_color (layer, tag),
                                          style_glyph (gloss_layer_get_style (layer)));
          g_string_append (marks, mark);
        }
      if (tags == NULL)
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      who = g_markup_printf_escaped ("%s: %s", gloss_layer_get_title (layer), tags->str);
      g_string_append_printf (text, "%s %s", marks->str, who);
    }

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
watch_layers (GListModel *layers,
              guint       position,
              guint       n_added,
              GtkWidget  *widget)
{
  for (guint i = position; i < position + n_added; i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (layers, i);

      /* A layer put back into the list is watched once. */
      if (g_signal_handler_find (layer, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                 gtk_widget_queue_draw, widget) == 0)
        g_signal_connect_object (layer, "changed", G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
    }
}

static void
layers_changed_cb (GListModel *layers,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GtkWidget  *widget)
{
  watch_layers (layers, position, added, widget);
  gtk_widget_queue_draw (widget);
}

void
gloss_layers_watch (GListModel *layers,
                    GtkWidget  *widget)
{
  g_return_if_fail (G_IS_LIST_MODEL (layers));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect_object (layers, "items-changed", G_CALLBACK (layers_changed_cb), widget, 0);
  watch_layers (layers, 0, g_list_model_get_n_items (layers), widget);
}

void
gloss_layers_unwatch (GListModel *layers,
                      GtkWidget  *widget)
{
  g_return_if_fail (G_IS_LIST_MODEL (layers));

  g_signal_handlers_disconnect_by_func (layers, layers_changed_cb, widget);
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (layers, i);

      g_signal_handlers_disconnect_by_func (layer, gtk_widget_queue_draw, widget);
    }
}

static void
draw_sample (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GlossLayer *layer = user_data;
  GlossLayerStyle style = gloss_layer_get_style (layer);
  double dashes[2];
  GdkRGBA color;

  layer_rgba (layer, NULL, &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 3);
  if (style == GLOSS_LAYER_STYLE_DASHED || style == GLOSS_LAYER_STYLE_DOTTED)
    {
      dashes[0] = style == GLOSS_LAYER_STYLE_DASHED ? DASH : DOT;
      dashes[1] = style == GLOSS_LAYER_STYLE_DASHED ? DASH / 2 : DOT;
      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_move_to (cr, 0, height / 2.0);
  cairo_line_to (cr, width, height / 2.0);
  cairo_stroke (cr);
}

GtkWidget *
gloss_layer_sample_new (GlossLayer *layer)
{
  GtkWidget *area = gtk_drawing_area_new ();

  g_return_val_if_fail (GLOSS_IS_LAYER (layer), NULL);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 22);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 12);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (area, "layer-sample");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_sample, g_object_ref (layer), g_object_unref);
  g_signal_connect_object (layer, "changed", G_CALLBACK (gtk_widget_queue_draw), area, G_CONNECT_SWAPPED);
  return area;
}
