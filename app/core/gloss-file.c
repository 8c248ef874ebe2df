/* gloss-file.c: writing a file so that the old one survives any failure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <glib/gi18n.h>

#include "gloss-file.h"
#include "gloss-file-private.h"

/* The test seam: a hook that can fail a write or act in the windows of a
 * replacement (see gloss-file-private.h). */
static GlossFileHook file_hook;
static gpointer file_hook_data;

void
_gloss_file_set_hook (GlossFileHook hook,
                      gpointer      data)
{
  file_hook = hook;
  file_hook_data = data;
}

static int
run_hook (GlossFileStage stage,
          const char    *path)
{
  return file_hook != NULL ? file_hook (stage, path, file_hook_data) : 0;
}

static gboolean
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", name, g_strerror (saved_errno));
  return FALSE;
}

/* Errors name @path, the target, not the temporary file. */
static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           const char  *temp,
           const char  *path,
           GError     **error)
{
  while (length > 0)
    {
      int injected = run_hook (GLOSS_FILE_STAGE_WRITE, temp);
      gssize n;

      if (injected != 0)
        {
          errno = injected;
          n = -1;
        }
      else
        n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return set_errno_error (error, errno, path);
        }
      data += n;
      length -= n;
    }

  {
    int injected = run_hook (GLOSS_FILE_STAGE_SYNC, temp);

    if (injected != 0)
      return set_errno_error (error, injected, path);
    if (fsync (fd) != 0)
      return set_errno_error (error, errno, path);
  }

  return TRUE;
}

/**
 * gloss_file_replace:
 * @file: where to write
 * @data: the new content
 * @length: its length in bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces @file's content with @data, or leaves @file as it was.
 * See gloss_file_replace_checked().
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
  return gloss_file_replace_checked (file, data, length, NULL, NULL, cancellable, error);
}

/**
 * gloss_file_replace_checked:
 * @file: where to write
 * @data: the new content
 * @length: its length in bytes
 * @check: (nullable): says whether the file it is given is the one that may be replaced
 * @check_data: data for @check
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces @file's content with @data, or leaves @file as it was.
 *
 * g_file_replace_contents() is not used for local files: when a write to
 * its temporary file fails (disk full, file-size limit), GLib 2.74 still
 * renames the truncated temporary file over the original on close.  The
 * data goes to a temporary file beside the target, is synced, and only
 * then takes the target's place; on any failure the temporary file is
 * removed.  The permissions a user gave an existing file are kept (a
 * dangling symbolic link gives none: a new file is 0666 less the umask).
 *
 * With @check, the file on disk is checked twice: immediately before it is
 * replaced, and after, on the very file that was replaced: the two are
 * swapped in one step (renameat2's RENAME_EXCHANGE) and swapped back when
 * another program's version slipped in between, so that it is never lost.
 * Where the file system cannot swap, a plain rename follows the first
 * check.  Files that are not local (no path) go through GIO's replace.
 *
 * Returns: %TRUE when written
 */
gboolean
gloss_file_replace_checked (GFile           *file,
                            const void      *data,
                            gsize            length,
                            GlossFileCheck   check,
                            gpointer         check_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) temp_file = NULL;
  struct stat ours;
  int mode = 0666;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      if (check != NULL && !check (file, check_data, error))
        return FALSE;
      return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                      NULL, cancellable, error);
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0777;

  temp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    return set_errno_error (error, errno, path);
  /* g_mkstemp_full() applies the umask; a kept mode is kept whole. */
  if (info != NULL && mode != 0666)
    fchmod (fd, mode);

  if (!write_all (fd, data ? data : "", length, temp, path, error) || fstat (fd, &ours) != 0)
    {
      if (error != NULL && *error == NULL)
        set_errno_error (error, errno, path);
      close (fd);
      g_unlink (temp);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      set_errno_error (error, errno, path);
      g_unlink (temp);
      return FALSE;
    }

  if (check == NULL)
    {
      if (rename (temp, path) != 0)
        {
          int saved_errno = errno;

          g_unlink (temp);
          return set_errno_error (error, saved_errno, path);
        }
      return TRUE;
    }

  /* First check: as late as can be, after the write and the sync. */
  if (!check (file, check_data, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  run_hook (GLOSS_FILE_STAGE_CHECKED, path);

  if (renameat2 (AT_FDCWD, temp, AT_FDCWD, path, RENAME_EXCHANGE) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINVAL || saved_errno == ENOSYS || saved_errno == ENOTSUP)
        {
          /* No swap here: the first check has to do. */
          if (rename (temp, path) == 0)
            return TRUE;
          saved_errno = errno;
        }
      g_unlink (temp);
      if (saved_errno == ENOENT)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                               _("the file was removed by another program while it was being saved"));
          return FALSE;
        }
      return set_errno_error (error, saved_errno, path);
    }

  /* Second check, on the file that was just replaced (now at @temp). */
  temp_file = g_file_new_for_path (temp);
  if (check (temp_file, check_data, NULL))
    {
      run_hook (GLOSS_FILE_STAGE_REPLACED, temp);
      g_unlink (temp);
      return TRUE;
    }

  /* Another program's version was replaced: it goes back.  Should yet
   * another version have replaced ours meanwhile, the newest one stays. */
  for (guint i = 0; i < 16; i++)
    {
      struct stat displaced;

      if (renameat2 (AT_FDCWD, temp, AT_FDCWD, path, RENAME_EXCHANGE) != 0)
        break;
      if (stat (temp, &displaced) == 0 && displaced.st_dev == ours.st_dev && displaced.st_ino == ours.st_ino)
        break;
    }
  g_unlink (temp);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("another program changed the file while it was being saved; its version is kept"));
  return FALSE;
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
