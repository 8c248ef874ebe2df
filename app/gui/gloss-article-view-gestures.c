/* gloss-article-view-gestures.c: the article view's pointer: clicks,
 * dragging a highlight's edge, pick mode, the tooltip
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

      _gloss_article_view_handle_rect (self, edge, gloss_annotation_get_start (self->selected),
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

void
_gloss_article_view_drag_range (GlossArticleView *self,
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

gboolean
_gloss_article_view_legacy_event_cb (GlossArticleView       *self,
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

      _gloss_article_view_drag_range (self, boundary_at (self, bx, by), &start, &end);
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
      _gloss_article_view_pick_untagged (self, gtk_text_iter_get_offset (&a), gtk_text_iter_get_offset (&b), FALSE);
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
gboolean
_gloss_article_view_query_tooltip_cb (GlossArticleView *self,
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
