/* gloss-open-url-dialog.h: fetching an article by URL into the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_OPEN_URL_DIALOG (gloss_open_url_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossOpenUrlDialog, gloss_open_url_dialog, GLOSS, OPEN_URL_DIALOG, AdwWindow)

GtkWindow  *gloss_open_url_dialog_new         (GtkWindow          *parent);
const char *gloss_open_url_dialog_get_url     (GlossOpenUrlDialog *self);
void        gloss_open_url_dialog_set_url     (GlossOpenUrlDialog *self,
                                               const char         *url);
GFile      *gloss_open_url_dialog_get_library (GlossOpenUrlDialog *self);
void        gloss_open_url_dialog_set_library (GlossOpenUrlDialog *self,
                                               GFile              *library);
gboolean    gloss_open_url_dialog_get_busy    (GlossOpenUrlDialog *self);
const char *gloss_open_url_dialog_get_error   (GlossOpenUrlDialog *self);

G_END_DECLS
