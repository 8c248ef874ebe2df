/* gloss-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_PREFERENCES_WINDOW (gloss_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, GLOSS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GlossPreferencesWindow *gloss_preferences_window_new             (GSettings *settings);
GSettings              *gloss_preferences_window_get_settings    (GlossPreferencesWindow *self);
void                    gloss_preferences_window_focus_annotator (GlossPreferencesWindow *self);
AdwPreferencesGroup    *gloss_preferences_window_get_adopt_group (GlossPreferencesWindow *self);

GFile                  *gloss_settings_get_library_folder        (GSettings *settings);

G_END_DECLS
