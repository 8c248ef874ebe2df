/* gloss-export-dialog.h: choose a format, tags, scope and destination, and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORT_DIALOG (gloss_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, GLOSS, EXPORT_DIALOG, AdwWindow)

GtkWindow *gloss_export_dialog_new             (GtkWindow         *parent,
                                                GlossSidecar      *sidecar,
                                                GFile             *article);

/* For tests and for callers that preset the choice. Format names are those of
 * gloss-cli (csv, xlsx, md, jsonl, w3c, brat, conll). */
void       gloss_export_dialog_set_format      (GlossExportDialog *self,
                                                const char        *format);
void       gloss_export_dialog_set_quotes_only (GlossExportDialog *self,
                                                gboolean           quotes_with_speakers);
void       gloss_export_dialog_set_whole_folder (GlossExportDialog *self,
                                                gboolean           whole_folder);
void       gloss_export_dialog_set_destination (GlossExportDialog *self,
                                                GFile             *destination);
GFile     *gloss_export_dialog_get_destination (GlossExportDialog *self);
/* Starts the export, as the Export button does. */
void       gloss_export_dialog_export          (GlossExportDialog *self);
gboolean   gloss_export_dialog_get_busy        (GlossExportDialog *self);
guint      gloss_export_dialog_get_left_out    (GlossExportDialog *self);

G_END_DECLS
