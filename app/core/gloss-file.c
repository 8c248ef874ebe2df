/* gloss-file.c: writing a file so that the old one survives any failure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

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

/**
 * gloss_file_load:
 * @file: what to read
 * @max_size: the most bytes accepted
 * @cancellable: (nullable): a #GCancellable
 * @contents: (out) (transfer full): the bytes, nul-terminated
 * @length: (out): their number
 * @error: return location for a #GError
 *
 * g_file_load_contents() with a cap that holds for what stat() cannot size:
 * a FIFO or a device such as /dev/zero says 0 bytes and never ends.
 * Beyond @max_size the error is %G_IO_ERROR_MESSAGE_TOO_LARGE.
 *
 * Returns: %TRUE when read whole
 */
gboolean
gloss_file_load (GFile         *file,
                 gsize          max_size,
                 GCancellable  *cancellable,
                 char         **contents,
                 gsize         *length,
                 GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  *contents = NULL;
  *length = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > max_size)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *limit = g_format_size (max_size);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("%s: the file is larger than %s"), name, limit);
          return FALSE;
        }
      g_byte_array_append (bytes, buffer, n);
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}
