/* gloss-loader.h: turning a file (text or saved HTML page) into a GlossDocument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

GlossDocument *gloss_document_new_from_bytes (GBytes       *bytes,
                                              const char   *name,
                                              const char   *content_type,
                                              const char   *encoding,
                                              GError      **error);
GlossDocument *gloss_document_load_file     (GFile         *file,
                                             const char    *encoding,
                                             GCancellable  *cancellable,
                                             GError       **error);
void           gloss_document_load_file_async (GFile       *file,
                                             const char    *encoding,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GlossDocument *gloss_document_load_file_finish (GAsyncResult *result,
                                             GError       **error);

G_END_DECLS
