/* gloss-article-view-actions.c: the article view's article.* actions
 * (tag, delete, step, resize, tag all, cancel) and their keys
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

/* Actions */

void
_gloss_article_view_update_actions (GlossArticleView *self)
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

void
_gloss_article_view_tag_chosen_cb (GlossArticleView *self,
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
  g_signal_emit (self, _gloss_article_view_signals[REMOVED], 0, annotation);
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
          while (_gloss_article_view_inside_word (&iter))
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
          while (_gloss_article_view_inside_word (&iter))
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
  g_signal_emit (self, _gloss_article_view_signals[MESSAGE], 0, message, added > 0);
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


void
_gloss_article_view_add_shortcut (GtkShortcutController *controller,
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
/* Every article.* action but zoom (gloss-article-view.c). */
void
_gloss_article_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "article.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "article.tag-key", "s", tag_key_action);
  gtk_widget_class_install_action (widget_class, "article.show-tags", NULL, show_tags_action);
  gtk_widget_class_install_action (widget_class, "article.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "article.next", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "article.previous", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "article.next-same", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "article.previous-same", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "article.resize", "s", resize_action);
  gtk_widget_class_install_action (widget_class, "article.tag-all", NULL, tag_all_action);
  gtk_widget_class_install_action (widget_class, "article.cancel", NULL, cancel_action);
}

/* The keys of those actions, in the view's capture-phase controller. */
void
_gloss_article_view_add_shortcuts (GtkShortcutController *sc)
{
  _gloss_article_view_add_shortcut (sc, GDK_KEY_t, 0, "article.show-tags", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Return, 0, "article.show-tags", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_KP_Enter, 0, "article.show-tags", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Menu, 0, "article.show-tags", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Delete, 0, "article.delete", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_BackSpace, 0, "article.delete", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Down, GDK_ALT_MASK, "article.next", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Up, GDK_ALT_MASK, "article.previous", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "article.next-same", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "article.previous-same", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "article.resize", g_variant_new_string ("end-extend"));
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "article.resize", g_variant_new_string ("end-shrink"));
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Left, GDK_ALT_MASK | GDK_CONTROL_MASK, "article.resize", g_variant_new_string ("start-extend"));
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Right, GDK_ALT_MASK | GDK_CONTROL_MASK, "article.resize", g_variant_new_string ("start-shrink"));
  _gloss_article_view_add_shortcut (sc, GDK_KEY_a, GDK_ALT_MASK, "article.tag-all", NULL);
  _gloss_article_view_add_shortcut (sc, GDK_KEY_Escape, 0, "article.cancel", NULL);
}
