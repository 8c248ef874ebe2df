/* gloss-article-view.c: the article in a reading column, annotations highlighted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-view.h"
#include "gloss-codebook.h"
#include "gloss-document.h"

/*
 * The buffer holds the document's canonical text unchanged, so a buffer
 * offset (which GTK counts in characters) is a Gloss offset.  Each codebook
 * tag becomes a GtkTextTag named "gloss:<id>"; highlights are re-applied
 * only over the range an edit touched.
 */

struct _GlossArticleView
{
  GtkTextView         parent_instance;

  GlossDocument      *document;
  GlossCodebook      *codebook;
  GlossAnnotationSet *annotations;
  GtkTextTag         *title_tag;
  GtkTextTag         *unknown_tag;
};

G_DEFINE_FINAL_TYPE (GlossArticleView, gloss_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CODEBOOK,
  PROP_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
gloss_article_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_VIEW, NULL);
}

/**
 * gloss_article_view_get_tag_for:
 * @self: a #GlossArticleView
 * @tag_id: a codebook tag id
 *
 * Returns: (transfer none) (nullable): the text tag that highlights @tag_id
 */
GtkTextTag *
gloss_article_view_get_tag_for (GlossArticleView *self,
                                const char       *tag_id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autofree char *name = g_strconcat ("gloss:", tag_id, NULL);

  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
}

static void
ensure_tags (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  guint n;

  if (self->codebook == NULL)
    return;

  n = gloss_codebook_get_n_tags (self->codebook);
  for (guint i = 0; i < n; i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (self->codebook, i);
      g_autofree char *name = g_strconcat ("gloss:", gloss_tag_get_id (tag), NULL);
      GtkTextTag *text_tag = gtk_text_tag_table_lookup (table, name);
      GdkRGBA rgba;

      if (text_tag == NULL)
        text_tag = gtk_text_buffer_create_tag (buffer, name, NULL);

      /* Translucent so nested highlights mix and text stays readable in dark mode. */
      if (!gdk_rgba_parse (&rgba, gloss_tag_get_color (tag)))
        gdk_rgba_parse (&rgba, "#c0bfbc");
      rgba.alpha = 0.45;
      g_object_set (text_tag,
                    "background-rgba", &rgba,
                    "underline", PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &(GdkRGBA) { rgba.red, rgba.green, rgba.blue, 1.0 },
                    NULL);
    }
}

static GtkTextTag *
text_tag_for (GlossArticleView *self,
              GlossAnnotation  *annotation)
{
  GtkTextTag *tag = gloss_article_view_get_tag_for (self, gloss_annotation_get_tag (annotation));

  /* A tag missing from the codebook is still shown, never hidden. */
  return tag ? tag : self->unknown_tag;
}

static void
clear_highlights (GlossArticleView *self,
                  GtkTextIter      *start,
                  GtkTextIter      *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  guint n = self->codebook ? gloss_codebook_get_n_tags (self->codebook) : 0;

  for (guint i = 0; i < n; i++)
    {
      GtkTextTag *tag = gloss_article_view_get_tag_for (self, gloss_tag_get_id (gloss_codebook_get_tag (self->codebook, i)));

      if (tag != NULL)
        gtk_text_buffer_remove_tag (buffer, tag, start, end);
    }
  gtk_text_buffer_remove_tag (buffer, self->unknown_tag, start, end);
}

static void
apply_range (GlossArticleView *self,
             guint             from,
             guint             to)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GPtrArray) hits = NULL;
  GtkTextIter start, end;

  if (self->annotations == NULL || self->document == NULL)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
  clear_highlights (self, &start, &end);

  hits = gloss_annotation_set_query (self->annotations, from, MAX (to, from + 1));
  for (guint i = 0; i < hits->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (hits, i);
      guint a = MAX (gloss_annotation_get_start (annotation), from);
      guint b = MIN (gloss_annotation_get_end (annotation), to);

      if (gloss_annotation_get_anchor_status (annotation) == GLOSS_ANCHOR_ORPHANED || a >= b)
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, a);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, b);
      gtk_text_buffer_apply_tag (buffer, text_tag_for (self, annotation), &start, &end);
    }
}

static void
apply_all (GlossArticleView *self)
{
  if (self->document == NULL)
    return;

  apply_range (self, 0, gloss_document_get_length (self->document));
}

static void
items_changed_cb (GlossArticleView *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  /* Removed items are gone from the model; redo the whole neighbourhood
   * cheaply by re-applying over the span of what is there now around it. */
  if (removed > 0 || added > 8)
    {
      apply_all (self);
      return;
    }

  for (guint i = position; i < position + added; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (self->annotations, i);

      apply_range (self, gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
    }
}

static void
annotation_changed_cb (GlossArticleView *self,
                       GlossAnnotation  *annotation,
                       GlossAnnotationSet *set)
{
  apply_range (self, gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
}

static void
load_text (GlossArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  const char *text;
  const char *newline;

  text = self->document ? gloss_document_get_text (self->document) : "";
  gtk_text_buffer_set_text (buffer, text, -1);

  /* The first line is the title in every canonical text that has one. */
  newline = strchr (text, '\n');
  if (self->document && gloss_document_get_title (self->document) != NULL && newline != NULL)
    {
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_strlen (text, newline - text));
      gtk_text_buffer_apply_tag (buffer, self->title_tag, &start, &end);
    }

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  apply_all (self);
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
      ensure_tags (self);
      apply_all (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODEBOOK]);
    }
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
      g_signal_connect_object (annotations, "items-changed", G_CALLBACK (items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (annotations, "annotation-changed", G_CALLBACK (annotation_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  apply_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATIONS]);
}

static void
gloss_article_view_dispose (GObject *object)
{
  GlossArticleView *self = (GlossArticleView *)object;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_clear_object (&self->codebook);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_article_view_parent_class)->dispose (object);
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
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_view_class_init (GlossArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = gloss_article_view_dispose;
  object_class->get_property = gloss_article_view_get_property;
  object_class->set_property = gloss_article_view_set_property;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT, rw);
  properties[PROP_CODEBOOK] = g_param_spec_object ("codebook", NULL, NULL, GLOSS_TYPE_CODEBOOK, rw);
  properties[PROP_ANNOTATIONS] = g_param_spec_object ("annotations", NULL, NULL, GLOSS_TYPE_ANNOTATION_SET, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "articleview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
}

static void
gloss_article_view_init (GlossArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  /* Read-only text with a visible caret, so the keyboard can select. */
  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (view, 2);
  gtk_text_view_set_pixels_inside_wrap (view, 6);
  gtk_text_view_set_left_margin (view, 24);
  gtk_text_view_set_right_margin (view, 24);
  gtk_text_view_set_top_margin (view, 24);
  gtk_text_view_set_bottom_margin (view, 48);

  self->title_tag = gtk_text_buffer_create_tag (buffer, "title",
                                                "scale", 1.6,
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "pixels-below-lines", 12,
                                                NULL);
  self->unknown_tag = gtk_text_buffer_create_tag (buffer, "gloss-unknown",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);
}
