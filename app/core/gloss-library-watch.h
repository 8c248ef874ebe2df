/* gloss-library-watch.h: a resident watcher that keeps the library index fresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY_WATCH (gloss_library_watch_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibraryWatch, gloss_library_watch, GLOSS, LIBRARY_WATCH, GObject)

GlossLibraryWatch *gloss_library_watch_new         (GlossLibrary      *library);
gboolean           gloss_library_watch_start       (GlossLibraryWatch *self,
                                                    GError           **error);
void               gloss_library_watch_stop        (GlossLibraryWatch *self);
gboolean           gloss_library_watch_get_clean   (GlossLibraryWatch *self);
guint              gloss_library_watch_get_updates (GlossLibraryWatch *self);
/* The error that stopped the watcher (it could no longer vouch for the
 * index), or NULL. */
const GError      *gloss_library_watch_get_error   (GlossLibraryWatch *self);

G_END_DECLS
