/* gloss-file.h: writing a file so that the old one survives any failure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean gloss_file_replace (GFile         *file,
                             const void    *data,
                             gsize          length,
                             GCancellable  *cancellable,
                             GError       **error);

/* Says whether @file (the target, or the file just replaced) is the one
 * the caller may replace; sets @error when not. */
typedef gboolean (*GlossFileCheck) (GFile    *file,
                                    gpointer  data,
                                    GError  **error);

gboolean gloss_file_replace_checked (GFile          *file,
                                     const void     *data,
                                     gsize           length,
                                     GlossFileCheck  check,
                                     gpointer        check_data,
                                     GCancellable   *cancellable,
                                     GError        **error);

gboolean gloss_file_load    (GFile         *file,
                             gsize          max_size,
                             GCancellable  *cancellable,
                             char         **contents,
                             gsize         *length,
                             GError       **error);

G_END_DECLS
