/* gloss-version-store.h: every text that was annotated, kept by its SHA-256
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

GFile         *gloss_version_store_folder       (GFile                *article);
GFile         *gloss_version_store_user_folder  (void);
gboolean       gloss_version_store_keep         (GlossDocument        *document,
                                                 GFile                *article,
                                                 GError              **error);
void           gloss_version_store_keep_async   (GlossDocument        *document,
                                                 GFile                *article,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       gloss_version_store_keep_finish  (GAsyncResult         *result,
                                                 GError              **error);
GlossDocument *gloss_version_store_lookup       (GFile                *article,
                                                 const char           *sha256,
                                                 GError              **error);
void           gloss_version_store_lookup_async (GFile                *article,
                                                 const char           *sha256,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GlossDocument *gloss_version_store_lookup_finish (GAsyncResult        *result,
                                                 GError              **error);
JsonObject    *gloss_version_store_get_info     (GFile                *article,
                                                 const char           *sha256);

G_END_DECLS
