/* gloss-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_APPLICATION (gloss_application_get_type ())
G_DECLARE_FINAL_TYPE (GlossApplication, gloss_application, GLOSS, APPLICATION, AdwApplication)

GlossApplication *gloss_application_new              (void);
GSettings        *gloss_application_get_settings     (GlossApplication *self);
void              gloss_application_get_sample_file_async  (GlossApplication    *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GFile            *gloss_application_get_sample_file_finish (GlossApplication    *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void              gloss_application_track_window     (GlossApplication *self,
                                                      GtkWindow        *window);
void              gloss_application_note_opened      (GlossApplication *self,
                                                      GFile            *file);
char            **gloss_application_get_recent_articles (GlossApplication *self);
AdwToast         *gloss_application_take_first_run_toast (GlossApplication *self);

G_END_DECLS
