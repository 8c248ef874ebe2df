/* gloss-article-print.c: printing an article with its highlights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printout is what the reader sees: the canonical text, each tagged
 * passage on its tag's colour (lighter, for paper) with an underline, and
 * after the text a legend of the tags used, with their counts.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-print.h"
#include "gloss-codebook.h"
#include "gloss-document.h"

/* Beyond the printer's own unprintable edge (GTK's default page setup
 * leaves about 6 mm): room to hold the sheet and to write in the margin. */
#define MARGIN_MM 14.0

typedef struct
{
  GlossDocument      *document;
  GlossAnnotationSet *annotations;
  GlossCodebook      *codebook;
  PangoLayout        *layout;
  PangoLayout        *footer;
  double              footer_height;
  GArray             *page_starts;  /* first layout line of each page */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->document);
  g_clear_object (&job->annotations);
  g_clear_object (&job->codebook);
  g_clear_object (&job->layout);
  g_clear_object (&job->footer);
  g_clear_pointer (&job->page_starts, g_array_unref);
  g_free (job);
}

static gboolean
tag_rgba (Job        *job,
          const char *tag_id,
          GdkRGBA    *rgba)
{
  GlossTag *tag = job->codebook ? gloss_codebook_lookup (job->codebook, tag_id) : NULL;

  return tag != NULL && gloss_tag_get_color (tag) != NULL && gdk_rgba_parse (rgba, gloss_tag_get_color (tag));
}

static void
add_color (PangoAttrList *attrs,
           guint          start,
           guint          end,
           const GdkRGBA *rgba,
           gboolean       background)
{
  guint16 r = rgba->red * 65535, g = rgba->green * 65535, b = rgba->blue * 65535;
  PangoAttribute *attr;

  if (background)
    {
      attr = pango_attr_background_new (r, g, b);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
      /* Light enough to read black text through, on any printer. */
      attr = pango_attr_background_alpha_new (65535 * 0.35);
    }
  else
    attr = pango_attr_foreground_new (r, g, b);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* The text, its highlights and the legend, in one layout. */
static void
build_layout (Job         *job,
              PangoLayout *layout)
{
  const char *text = gloss_document_get_text (job->document);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GString *all = g_string_new (text);
  PangoAttrList *attrs = pango_attr_list_new ();
  guint n = job->annotations ? gloss_annotation_set_get_size (job->annotations) : 0;
  const char *walk = text;
  guint walk_offset = 0;
  guint length = gloss_document_get_length (job->document);

  /* The title, when the text starts with it, reads as one. */
  {
    const char *title = gloss_document_get_title (job->document);

    if (title != NULL && title[0] != '\0' && g_str_has_prefix (text, title))
      {
        PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

        attr->start_index = 0;
        attr->end_index = strlen (title);
        pango_attr_list_insert (attrs, attr);
        attr = pango_attr_scale_new (1.3);
        attr->start_index = 0;
        attr->end_index = strlen (title);
        pango_attr_list_insert (attrs, attr);
      }
  }

  /* The set is sorted by start: one walk through the text finds them all. */
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (job->annotations, i);
      guint start = gloss_annotation_get_start (a), end = gloss_annotation_get_end (a);
      const char *from, *to;
      GdkRGBA rgba;
      PangoAttribute *under;

      if (gloss_annotation_get_anchor_status (a) == GLOSS_ANCHOR_ORPHANED || end > length || start >= end ||
          !tag_rgba (job, gloss_annotation_get_tag (a), &rgba))
        continue;
      walk = g_utf8_offset_to_pointer (walk, start - walk_offset);
      walk_offset = start;
      from = walk;
      to = g_utf8_offset_to_pointer (from, end - start);

      add_color (attrs, from - text, to - text, &rgba, TRUE);
      under = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      under->start_index = from - text;
      under->end_index = to - text;
      pango_attr_list_insert (attrs, under);
      under = pango_attr_underline_color_new (rgba.red * 65535, rgba.green * 65535, rgba.blue * 65535);
      under->start_index = from - text;
      under->end_index = to - text;
      pango_attr_list_insert (attrs, under);
      g_hash_table_insert (counts, (gpointer) gloss_annotation_get_tag (a),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, gloss_annotation_get_tag (a))) + 1));
    }

  /* The legend: the codebook's tags that were used, in its order. */
  if (g_hash_table_size (counts) > 0)
    {
      PangoAttribute *bold;

      g_string_append (all, "\n\n");
      bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      bold->start_index = all->len;
      g_string_append (all, _("Legend"));
      bold->end_index = all->len;
      pango_attr_list_insert (attrs, bold);
      for (guint i = 0; i < gloss_codebook_get_n_tags (job->codebook); i++)
        {
          GlossTag *tag = gloss_codebook_get_tag (job->codebook, i);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, gloss_tag_get_id (tag)));
          GdkRGBA rgba;
          guint square;

          if (count == 0 || !tag_rgba (job, gloss_tag_get_id (tag), &rgba))
            continue;
          g_string_append (all, "\n");
          square = all->len;
          g_string_append (all, "■");
          add_color (attrs, square, all->len, &rgba, FALSE);
          g_string_append_printf (all, " %s (%u)", gloss_tag_get_label (tag), count);
        }
    }

  pango_layout_set_text (layout, all->str, all->len);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  g_string_free (all, TRUE);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Serif 11");
  double margin_x = MARGIN_MM / 25.4 * gtk_print_context_get_dpi_x (context);
  double margin_y = MARGIN_MM / 25.4 * gtk_print_context_get_dpi_y (context);
  double page_height;
  double used = 0;
  int n_lines;

  job->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (job->layout, font);
  pango_layout_set_width (job->layout, (gtk_print_context_get_width (context) - 2 * margin_x) * PANGO_SCALE);
  pango_layout_set_wrap (job->layout, PANGO_WRAP_WORD_CHAR);
  build_layout (job, job->layout);

  /* Under the text of every page: the title and the page number, so that
   * loose sheets find their article and their order again. */
  {
    g_autoptr(PangoFontDescription) small = pango_font_description_from_string ("Sans 8");
    PangoRectangle logical;

    job->footer = gtk_print_context_create_pango_layout (context);
    pango_layout_set_font_description (job->footer, small);
    pango_layout_set_width (job->footer, (gtk_print_context_get_width (context) - 2 * margin_x) * PANGO_SCALE);
    pango_layout_set_ellipsize (job->footer, PANGO_ELLIPSIZE_MIDDLE);
    pango_layout_set_text (job->footer, "Ag", -1);
    pango_layout_get_extents (job->footer, NULL, &logical);
    job->footer_height = 2.0 * logical.height / PANGO_SCALE;
  }
  page_height = gtk_print_context_get_height (context) - 2 * margin_y - job->footer_height;

  job->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  n_lines = pango_layout_get_line_count (job->layout);
  g_array_append_val (job->page_starts, (int) { 0 });
  for (int i = 0; i < n_lines; i++)
    {
      PangoRectangle logical;
      double height;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (job->layout, i), NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      if (used + height > page_height && used > 0)
        {
          /* The blank line between two paragraphs ends a page, it does not
           * start the next one. */
          if (pango_layout_get_line_readonly (job->layout, i)->length == 0 && i + 1 < n_lines)
            continue;
          g_array_append_val (job->page_starts, i);
          used = 0;
        }
      used += height;
    }
  gtk_print_operation_set_n_pages (operation, job->page_starts->len);
}

static void
draw_footer (Job             *job,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page)
{
  const char *title = gloss_document_get_title (job->document);
  double bottom = gtk_print_context_get_height (context) - 2 * MARGIN_MM / 25.4 * gtk_print_context_get_dpi_y (context);
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  PangoRectangle logical;

  /* Translators: the footer of a printed page: page 2 of 5 */
  number = g_strdup_printf (_("Page %d of %d"), page + 1, (int) job->page_starts->len);
  text = title != NULL && title[0] != '\0' ? g_strdup_printf ("%s — %s", title, number) : g_strdup (number);
  pango_layout_set_text (job->footer, text, -1);
  pango_layout_set_alignment (job->footer, PANGO_ALIGN_RIGHT);
  pango_layout_get_extents (job->footer, NULL, &logical);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, 0, bottom - (double) logical.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, job->footer);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int first = g_array_index (job->page_starts, int, page);
  int last = (guint) page + 1 < job->page_starts->len ? g_array_index (job->page_starts, int, page + 1)
                                                      : pango_layout_get_line_count (job->layout);
  double y = 0;

  cairo_translate (cr, MARGIN_MM / 25.4 * gtk_print_context_get_dpi_x (context),
                   MARGIN_MM / 25.4 * gtk_print_context_get_dpi_y (context));
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (job->layout, i);
      PangoRectangle logical;
      int baseline;

      pango_layout_line_get_extents (line, NULL, &logical);
      baseline = -logical.y;
      cairo_move_to (cr, (double) logical.x / PANGO_SCALE, y + (double) baseline / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
      y += (double) logical.height / PANGO_SCALE;
    }

  draw_footer (job, context, cr, page);
}

/**
 * gloss_article_print:
 * @parent: (nullable): the window the print dialog belongs to
 * @document: the article
 * @annotations: (nullable): what to highlight
 * @codebook: (nullable): the tags' colours and labels
 * @export_pdf: (nullable): a PDF to write without asking; %NULL shows the print dialog
 * @n_pages: (out) (optional): how many pages it took
 * @error: the print system's error
 *
 * Prints @document with its highlights and a legend of the tags used.
 */
GtkPrintOperationResult
gloss_article_print (GtkWindow          *parent,
                     GlossDocument      *document,
                     GlossAnnotationSet *annotations,
                     GlossCodebook      *codebook,
                     const char         *export_pdf,
                     int                *n_pages,
                     GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  Job *job = g_new0 (Job, 1);
  GtkPrintOperationResult result;
  const char *title;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), GTK_PRINT_OPERATION_RESULT_ERROR);

  job->document = g_object_ref (document);
  job->annotations = annotations ? g_object_ref (annotations) : NULL;
  job->codebook = codebook ? g_object_ref (codebook) : NULL;
  title = gloss_document_get_title (document);
  gtk_print_operation_set_job_name (operation, title ? title : _("Article"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (export_pdf != NULL)
    gtk_print_operation_set_export_filename (operation, export_pdf);

  result = gtk_print_operation_run (operation,
                                    export_pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                               : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  if (n_pages != NULL)
    *n_pages = job->page_starts ? (int) job->page_starts->len : 0;
  job_free (job);
  return result;
}
