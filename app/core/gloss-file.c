/* gloss-file.c: writing a file so that the old one survives any failure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-file.h"

/**
 * gloss_file_replace:
 * @file: where to write
 * @data: the new content
 * @length: its length in bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces @file's content with @data, or leaves @file as it was.
 *
 * g_file_replace_contents() is not used for local files: when a write to
 * its temporary file fails (disk full, file-size limit), GLib 2.74 still
 * renames the truncated temporary file over the original on close.
 * g_file_set_contents_full() writes a temporary file beside the target,
 * syncs it and renames it only after every byte was written, and removes it
 * on failure.  The permissions a user gave an existing file are kept.
 * Files that are not local (no path) go through GIO's replace.
 *
 * Returns: %TRUE when written
 */
gboolean
gloss_file_replace (GFile         *file,
                    const void    *data,
                    gsize          length,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;
  int mode = 0666;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0777;

  return g_file_set_contents_full (path, data ? data : "", length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, mode, error);
}
