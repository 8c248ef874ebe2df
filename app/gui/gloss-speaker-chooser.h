/* gloss-speaker-chooser.h: pick the person a quote's link points to, by typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_SPEAKER_CHOOSER (gloss_speaker_chooser_get_type ())
G_DECLARE_FINAL_TYPE (GlossSpeakerChooser, gloss_speaker_chooser, GLOSS, SPEAKER_CHOOSER, GtkPopover)

GtkWidget  *gloss_speaker_chooser_new             (void);
void        gloss_speaker_chooser_add             (GlossSpeakerChooser *self,
                                                   const char          *id,
                                                   const char          *name,
                                                   const char          *about,
                                                   guint                mentions,
                                                   gboolean             current);
void        gloss_speaker_chooser_set_heading     (GlossSpeakerChooser *self,
                                                   const char          *heading);
/* For tests: the id of the highlighted person, the number shown. */
const char *gloss_speaker_chooser_get_highlighted (GlossSpeakerChooser *self);
guint       gloss_speaker_chooser_get_n_shown     (GlossSpeakerChooser *self);
GtkEditable *gloss_speaker_chooser_get_entry      (GlossSpeakerChooser *self);

G_END_DECLS
