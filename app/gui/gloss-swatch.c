/* gloss-swatch.c: a small rounded square in a tag's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-swatch.h"

/* Tag colours come from the codebook at run time; drawing them avoids a CSS
 * provider per colour. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "gloss-color");
  GdkRGBA rgba;
  double size = MIN (width, height);
  double x = (width - size) / 2, y = (height - size) / 2, r = size / 4;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, "#9a9996");

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + size - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + size - r, y + size - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + size - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill (cr);
}

GtkWidget *
gloss_swatch_new (const char *color)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, NULL, NULL);
  gloss_swatch_set_color (area, color);

  return area;
}

void
gloss_swatch_set_color (GtkWidget  *swatch,
                        const char *color)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (swatch));

  g_object_set_data_full (G_OBJECT (swatch), "gloss-color", g_strdup (color), g_free);
  gtk_widget_queue_draw (swatch);
}
