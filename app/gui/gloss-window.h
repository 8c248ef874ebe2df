/* gloss-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())
G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow  *gloss_window_new          (GtkApplication   *application);
void          gloss_window_open         (GlossWindow      *self,
                                         GFile            *file);
void          gloss_window_open_document (GlossWindow     *self,
                                         GFile            *file,
                                         GlossDocument    *document);
void          gloss_window_open_url     (GlossWindow      *self,
                                         const char       *url);
GlossSession *gloss_window_get_session  (GlossWindow      *self);
GlossSidecar *gloss_window_get_sidecar  (GlossWindow      *self);
GlossDocument *gloss_window_get_document (GlossWindow     *self);

void           gloss_window_add_toast    (GlossWindow      *self,
                                          AdwToast         *toast);
const char    *gloss_window_get_layer_to_adopt (GlossWindow *self);

G_END_DECLS
