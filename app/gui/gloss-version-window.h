/* gloss-version-window.h: What Changed, the version view in a window of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-version-view.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_VERSION_WINDOW (gloss_version_window_get_type ())
G_DECLARE_FINAL_TYPE (GlossVersionWindow, gloss_version_window, GLOSS, VERSION_WINDOW, AdwWindow)

GlossVersionWindow *gloss_version_window_new      (GtkWindow          *parent,
                                                   const char         *article_title);
GlossVersionView   *gloss_version_window_get_view (GlossVersionWindow *self);

G_END_DECLS
