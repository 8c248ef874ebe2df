/* gloss-annotation-row.c: one annotation in the sidebar list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-annotation-row.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-swatch.h"

struct _GlossAnnotationRow
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *detail_label;
  GtkLabel           *note_label;
  GtkDrawingArea     *swatch;
  GtkLabel           *tag_label;
  GtkLabel           *text_label;
  GtkImage           *warning;

  GlossAnnotation    *annotation;
  GlossAnnotationSet *set;
  GlossCodebook      *codebook;
  GlossTag           *tag;        /* the tag shown, followed for edits in place */
};

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GTK_TYPE_WIDGET)

GtkWidget *
gloss_annotation_row_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_ROW, NULL);
}

static char *
one_line (const char *text,
          guint       max_chars)
{
  g_autofree char *copy = g_strdup (text ? text : "");
  char *p;

  for (p = copy; *p; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';

  if (g_utf8_strlen (copy, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (copy, 0, max_chars);
      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&copy);
}

/* "Speaker: Lin Wenhua · Mode: direct": attribute values, links shown as
 * the text of the annotation they point at. */
static char *
describe_attributes (GlossAnnotationRow *self,
                     GlossTag           *tag)
{
  GString *out = g_string_new (NULL);
  GPtrArray *defs = tag ? gloss_tag_get_attributes (tag) : NULL;

  for (guint i = 0; defs != NULL && i < defs->len; i++)
    {
      const GlossAttributeDef *def = g_ptr_array_index (defs, i);
      const char *value = gloss_annotation_get_attribute (self->annotation, def->id);
      g_autofree char *shown = NULL;

      if (value == NULL || *value == '\0')
        continue;

      if (def->type == GLOSS_ATTRIBUTE_LINK)
        {
          GlossAnnotation *target = gloss_annotation_set_lookup (self->set, value);

          shown = one_line (target ? gloss_annotation_get_text (target) : _("(missing)"), 30);
        }
      else
        shown = one_line (value, 30);

      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append_printf (out, "%s: %s", def->label ? def->label : def->id, shown);
    }

  return g_string_free (out, out->len == 0);
}

static void refresh (GlossAnnotationRow *self);

/* The codebook editor changes tags in place (a label typed, a colour
 * picked): the row follows the tag it shows, and the codebook for a tag
 * added or removed, rather than waiting to be bound again. */
static void
watch_tag (GlossAnnotationRow *self,
           GlossTag           *tag)
{
  if (tag == self->tag)
    return;
  if (self->tag != NULL)
    g_signal_handlers_disconnect_by_data (self->tag, self);
  g_set_object (&self->tag, tag);
  if (tag != NULL)
    g_signal_connect_object (tag, "notify", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
}

static void
refresh (GlossAnnotationRow *self)
{
  GlossTag *tag;
  g_autofree char *text = NULL;
  g_autofree char *details = NULL;
  g_autofree char *note = NULL;
  GlossAnchorStatus status;

  if (self->annotation == NULL)
    return;

  tag = self->codebook ? gloss_codebook_lookup (self->codebook, gloss_annotation_get_tag (self->annotation)) : NULL;
  watch_tag (self, tag);
  g_object_set_data_full (G_OBJECT (self->swatch), "gloss-color",
                          g_strdup (tag ? gloss_tag_get_color (tag) : NULL), g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch));

  gtk_label_set_label (self->tag_label, tag ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (self->annotation));
  text = one_line (gloss_annotation_get_text (self->annotation), 160);
  gtk_label_set_label (self->text_label, text);

  details = describe_attributes (self, tag);
  gtk_label_set_label (self->detail_label, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), details != NULL);

  note = one_line (gloss_annotation_get_note (self->annotation), 80);
  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), *note != '\0');

  status = gloss_annotation_get_anchor_status (self->annotation);
  /* What needs a look, not what only moved: one sentence inserted at the
   * top moves every annotation below it, each exactly where it belongs (the
   * details pane still says it moved). */
  gtk_widget_set_visible (GTK_WIDGET (self->warning),
                          status == GLOSS_ANCHOR_FUZZY || status == GLOSS_ANCHOR_CUT || status == GLOSS_ANCHOR_ORPHANED);
  if (status == GLOSS_ANCHOR_ORPHANED)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning), _("Not found in this version of the article"));
  else if (status == GLOSS_ANCHOR_FUZZY)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning), _("Placed by approximate match: please check"));
  else if (status == GLOSS_ANCHOR_CUT)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning), _("Most of this passage was edited away: please check"));
}

static void
annotation_changed_cb (GlossAnnotationRow *self,
                       GlossAnnotation    *annotation)
{
  /* Links show the target's text, so any change may concern this row. */
  if (annotation == self->annotation ||
      gloss_annotation_get_attributes (self->annotation) != NULL)
    refresh (self);
}

void
gloss_annotation_row_bind (GlossAnnotationRow *self,
                           GlossAnnotation    *annotation,
                           GlossAnnotationSet *set,
                           GlossCodebook      *codebook)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  /* Already showing it: the row follows its changes itself. */
  if (annotation != NULL && annotation == self->annotation && set == self->set && codebook == self->codebook)
    return;
  gloss_annotation_row_unbind (self);
  g_set_object (&self->annotation, annotation);
  g_set_object (&self->set, set);
  g_set_object (&self->codebook, codebook);
  if (set != NULL)
    g_signal_connect_object (set, "annotation-changed", G_CALLBACK (annotation_changed_cb),
                             self, G_CONNECT_SWAPPED);
  if (codebook != NULL)
    g_signal_connect_object (codebook, "items-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

void
gloss_annotation_row_unbind (GlossAnnotationRow *self)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);
  if (self->codebook != NULL)
    g_signal_handlers_disconnect_by_data (self->codebook, self);
  watch_tag (self, NULL);
  g_clear_object (&self->annotation);
  g_clear_object (&self->set);
  g_clear_object (&self->codebook);
}

/**
 * gloss_annotation_row_get_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation the row shows
 */
GlossAnnotation *
gloss_annotation_row_get_annotation (GlossAnnotationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), NULL);
  return self->annotation;
}

static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "gloss-color");
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, "#9a9996");
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  GlossAnnotationRow *self = GLOSS_ANNOTATION_ROW (object);

  gloss_annotation_row_unbind (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static void
gloss_annotation_row_class_init (GlossAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationrow");
}

/* Built in code, not from a template: a list view keeps up to two hundred
 * rows alive, and instantiating a template for each costs more than the
 * whole rest of opening a long annotated article. */
static GtkLabel *
add_label (GtkBox     *box,
           const char *css_class,
           const char *css_class2)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (css_class2 != NULL)
    gtk_widget_add_css_class (label, css_class2);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->swatch = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_content_width (self->swatch, 4);
  gtk_widget_set_vexpand (GTK_WIDGET (self->swatch), TRUE);
  gtk_drawing_area_set_draw_func (self->swatch, draw_bar, NULL, NULL);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->swatch));

  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (self->box), column);
  gtk_box_append (GTK_BOX (column), top);

  self->tag_label = add_label (GTK_BOX (top), "caption-heading", NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->tag_label), TRUE);
  self->warning = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->warning), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->warning), FALSE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->warning));

  self->text_label = add_label (GTK_BOX (column), NULL, NULL);
  gtk_label_set_wrap (self->text_label, TRUE);
  gtk_label_set_wrap_mode (self->text_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->text_label, 2);
  gtk_label_set_width_chars (self->text_label, 10);
  gtk_label_set_max_width_chars (self->text_label, 40);

  self->detail_label = add_label (GTK_BOX (column), "caption", "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), FALSE);
  self->note_label = add_label (GTK_BOX (column), "caption", "note-preview");
  gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
}
