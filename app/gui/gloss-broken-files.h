/* gloss-broken-files.h: the colleagues' files beside the article that could
 * not be read, each with its whole error, until they are fixed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-review-session.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_BROKEN_FILES (gloss_broken_files_get_type ())
G_DECLARE_FINAL_TYPE (GlossBrokenFiles, gloss_broken_files, GLOSS, BROKEN_FILES, GtkWidget)

/* Shows @session's broken files (hidden while there is none); "Try Again"
 * reads one again through the session. */
GtkWidget *gloss_broken_files_new         (void);
void       gloss_broken_files_set_session (GlossBrokenFiles   *self,
                                           GlossReviewSession *session);

G_END_DECLS
