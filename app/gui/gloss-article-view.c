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
#include "gloss-article-view-private.h"
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
 *
 * The painting is in gloss-article-view-drawing.c, the pointer (clicks,
 * dragging an edge, the tooltip) in gloss-article-view-gestures.c, the
 * article.* actions and their keys in gloss-article-view-actions.c; the
 * fields they share in gloss-article-view-private.h.
 */

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

static GParamSpec *properties[N_PROPS];
guint _gloss_article_view_signals[N_SIGNALS];

GtkWidget *
gloss_article_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_VIEW, NULL);
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

  _gloss_article_view_update_actions (self);
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
      _gloss_article_view_update_actions (self);
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
      _gloss_article_view_update_actions (self);
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
gboolean
_gloss_article_view_inside_word (const GtkTextIter *iter)
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
      while (_gloss_article_view_inside_word (&a))
        gtk_text_iter_backward_char (&a);
      while (_gloss_article_view_inside_word (&b))
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
      g_signal_emit (self, _gloss_article_view_signals[PICKED], 0, annotation);
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
void
_gloss_article_view_pick_untagged (GlossArticleView *self,
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
          g_signal_emit (self, _gloss_article_view_signals[MESSAGE], 0,
                         _("Select the speaker’s name with the mouse to tag and link it"), FALSE);
          return;
        }
      /* A word: snapping widens the character to it, even without word snapping. */
      while (_gloss_article_view_inside_word (&iter))
        gtk_text_iter_backward_char (&iter);
      start = gtk_text_iter_get_offset (&iter);
      gtk_text_iter_forward_char (&iter);
      while (_gloss_article_view_inside_word (&iter))
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
        _gloss_article_view_pick_untagged (self, offset, offset + 1, TRUE);
      return;
    }

  if (hits->len == 1)
    choose (self, g_ptr_array_index (hits, 0));
  else
    offer_choice (self, hits, offset);
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
  text_view_class->snapshot_layer = _gloss_article_view_snapshot_layer;

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
  _gloss_article_view_signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
  /**
   * GlossArticleView::removed:
   * @annotation: the annotation the user deleted (the owner offers Undo)
   */
  _gloss_article_view_signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
  /**
   * GlossArticleView::message:
   * @text: feedback for the user, translated
   * @undoable: whether offering Undo makes sense
   */
  _gloss_article_view_signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  _gloss_article_view_class_add_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "article.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "article.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "article.zoom-reset", NULL, zoom_action);

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
  g_signal_connect_swapped (legacy, "event", G_CALLBACK (_gloss_article_view_legacy_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);

  /* Capture phase: ahead of GtkTextView's own bindings (Delete would
   * otherwise be eaten by the read-only buffer). */
  shortcuts = gtk_shortcut_controller_new ();
  sc = GTK_SHORTCUT_CONTROLLER (shortcuts);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 1; i <= 9; i++)
    {
      char key[2] = { '0' + i, 0 };

      _gloss_article_view_add_shortcut (sc, GDK_KEY_0 + i, 0, "article.tag-key", g_variant_new_string (key));
      _gloss_article_view_add_shortcut (sc, GDK_KEY_KP_0 + i, 0, "article.tag-key", g_variant_new_string (key));
    }
  _gloss_article_view_add_shortcut (sc, GDK_KEY_plus, GDK_CONTROL_MASK, "article.zoom-in", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_equal, GDK_CONTROL_MASK, "article.zoom-in", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "article.zoom-in", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_minus, GDK_CONTROL_MASK, "article.zoom-out", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "article.zoom-out", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_0, GDK_CONTROL_MASK, "article.zoom-reset", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_KP_0, GDK_CONTROL_MASK, "article.zoom-reset", NULL);
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                                  GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  }
  _gloss_article_view_add_shortcuts (sc);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->tag_popover = gloss_tag_popover_new ();
  gtk_widget_set_parent (self->tag_popover, GTK_WIDGET (self));
  g_signal_connect_object (self->tag_popover, "tag-chosen", G_CALLBACK (_gloss_article_view_tag_chosen_cb), self, G_CONNECT_SWAPPED);
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
  g_signal_connect (self, "query-tooltip", G_CALLBACK (_gloss_article_view_query_tooltip_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);
  _gloss_article_view_update_actions (self);
}
