/* gloss-stealth-edits.h: the library's articles whose text changed since they were annotated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_STEALTH_EDITS (gloss_stealth_edits_get_type ())
G_DECLARE_FINAL_TYPE (GlossStealthEdits, gloss_stealth_edits, GLOSS, STEALTH_EDITS, GtkWidget)

GtkWidget *gloss_stealth_edits_new        (void);
void       gloss_stealth_edits_set_folder (GlossStealthEdits *self,
                                           GFile             *folder);
GFile     *gloss_stealth_edits_get_folder (GlossStealthEdits *self);
guint      gloss_stealth_edits_get_n_articles (GlossStealthEdits *self);

G_END_DECLS
