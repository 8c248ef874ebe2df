/* gloss-swatch.h: a small rounded square in a tag's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *gloss_swatch_new       (const char *color);
void       gloss_swatch_set_color (GtkWidget  *swatch,
                                   const char *color);

G_END_DECLS
