/* gloss-sidecar-io.c: loading a sidecar file and saving it, whole or not at all
 *
 * Loading and saving go through the parsed-sidecar cache
 * (gloss-sidecar-cache.c), which reads and writes through gloss-sidecar-read.c
 * and gloss-sidecar-write.c: nothing there calls back here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-task.h"
#include "gloss-version-store.h"
#include "gloss-annotation-private.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-file.h"
#include "gloss-json.h"
#include "gloss-sidecar.h"
#include "gloss-sidecar-private.h"

static GlossSidecar *load_file (GFile       *file,
                                GPtrArray  **problems,
                                gboolean     use_cache,
                                GError     **error);

/**
 * gloss_sidecar_load:
 * @file: a `*.gloss.json` file
 * @problems: (out) (optional) (transfer full) (element-type GlossSidecarProblem): problems found
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the sidecar
 */
GlossSidecar *
gloss_sidecar_load (GFile      *file,
                    GPtrArray **problems,
                    GError    **error)
{
  return load_file (file, problems, FALSE, error);
}

/* The disk stamp */

/**
 * gloss_sidecar_stamp_from_info:
 * @info: a #GFileInfo with %GLOSS_SIDECAR_STAMP_ATTRIBUTES
 *
 * What Gloss remembers of a file it read or wrote, to notice another program
 * changing it: the entity tag (the modification time), the size and the
 * device and inode.  The time alone misses a rewrite within the clock tick
 * of a coarse file system; a program that saves by renaming a new file over
 * the old one changes the inode, and most edits change the size.
 *
 * Returns: (transfer full): the stamp
 */
char *
gloss_sidecar_stamp_from_info (GFileInfo *info)
{
  g_return_val_if_fail (G_IS_FILE_INFO (info), NULL);

  return g_strdup_printf ("%s/%" G_GUINT64_FORMAT "/%u:%" G_GUINT64_FORMAT,
                          g_file_info_get_etag (info) ? g_file_info_get_etag (info) : "",
                          g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
                            ? (guint64)g_file_info_get_size (info) : 0,
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

static char *
query_stamp (GFile        *file,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, GLOSS_SIDECAR_STAMP_ATTRIBUTES,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

  if (info == NULL)
    return NULL;

  return gloss_sidecar_stamp_from_info (info);
}

static gpointer
unref_thread (gpointer object)
{
  g_object_unref (object);
  return NULL;
}

/* Freeing the parse tree of a large sidecar takes a fifth of the time of
 * reading it, and nothing waits for it: it is done beside the caller (for
 * GTask, which calls back only once the thread function has returned, too).
 * Small trees are freed at once. */
#define FREE_BESIDE_MIN_BYTES (1024 * 1024)

static void
release_tree (JsonParser *parser,
              gsize       file_size)
{
  g_autoptr(GThread) thread = NULL;

  if (parser == NULL)
    return;

  if (file_size >= FREE_BESIDE_MIN_BYTES)
    thread = g_thread_try_new ("gloss-free", unref_thread, parser, NULL);
  if (thread == NULL)
    g_object_unref (parser);
}

/* @use_cache: take a large sidecar from the parsed-sidecar cache when it
 * holds these bytes, and have it remember them when not (see
 * gloss-sidecar-cache.c); for the window, not for batch work. */
static GlossSidecar *
load_file (GFile       *file,
           GPtrArray  **problems,
           gboolean     use_cache,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) found = NULL;
  JsonParser *parser = NULL;
  GlossSidecar *self = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (problems)
    *problems = NULL;

  /* Stamped before reading: a change in between makes the stamp stale,
   * which can only cause a needless conflict, never a lost one. */
  stamp = query_stamp (file, NULL, NULL);
  if (!gloss_file_load (file, GLOSS_SIDECAR_MAX_SIZE, NULL, &contents, &length, error))
    return NULL;

  use_cache = use_cache && length >= GLOSS_SIDECAR_CACHE_MIN_BYTES;
  if (use_cache)
    self = _gloss_sidecar_cache_read (file, contents, length);

  if (self == NULL)
    {
      name = g_file_get_parse_name (file);
      self = _gloss_sidecar_read_data (contents, length, name, &found, &parser, error);
      release_tree (parser, length);
      /* Only a file read without a single problem is remembered. */
      if (use_cache && self != NULL && found->len == 0)
        {
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

          _gloss_sidecar_cache_remember (file, bytes);
        }
      if (problems)
        *problems = g_steal_pointer (&found);
    }

  if (self == NULL)
    return NULL;

  self->file = g_object_ref (file);
  self->stamp = g_steal_pointer (&stamp);

  return self;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GlossSidecar *self = load_file (task_data, NULL, TRUE, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
gloss_sidecar_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_sidecar_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  gloss_task_run_in_thread (task, load_thread);
}

/**
 * gloss_sidecar_load_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the sidecar
 */
GlossSidecar *
gloss_sidecar_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
check_target (GlossSidecar           *self,
              GFile                  *file,
              GlossSidecarSaveFlags   flags,
              const char            **stamp,
              GError                **error)
{
  *stamp = NULL;

  if (flags & GLOSS_SIDECAR_SAVE_OVERWRITE)
    return TRUE;

  /* Our own file: written only while its stamp is the one we know. */
  if (self->file != NULL && g_file_equal (file, self->file) && self->stamp != NULL)
    {
      *stamp = self->stamp;
      return TRUE;
    }

  /* Any other existing file was not read by us: never write over it. */
  if (g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s: the file exists and was not loaded here; it is left unchanged"), name);
      return FALSE;
    }

  return TRUE;
}

static void
wrap_save_error (GFile   *file,
                 GError **error)
{
  g_autofree char *name = NULL;

  if (error == NULL || *error == NULL)
    return;

  name = g_file_get_parse_name (file);
  if ((*error)->domain == G_IO_ERROR && (*error)->code == G_IO_ERROR_WRONG_ETAG)
    g_prefix_error (error, _("%s: the file was changed by another program since it was loaded: "), name);
  else if (!g_str_has_prefix ((*error)->message, name))
    g_prefix_error (error, "%s: ", name);
}

/*
 * Writes @data to @file so that the old file survives any failure (see
 * gloss_file_replace()), once the file on disk is checked to be the one
 * read or last written (its stamp).
 */
typedef struct
{
  const char   *stamp;
  GCancellable *cancellable;
} StampCheck;

static gboolean
stamp_is (GFile    *file,
          gpointer  data,
          GError  **error)
{
  StampCheck *check = data;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *current = query_stamp (file, check->cancellable, &local_error);

  if (current == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (current, check->stamp) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                           _("the file on disk is not the one that was loaded"));
      return FALSE;
    }
  return TRUE;
}

/*
 * Writes @data to @file so that the old file survives any failure, and
 * only while the file on disk is the one read or last written (its stamp):
 * checked right before it is replaced and on the file replaced (see
 * gloss_file_replace_checked()).
 */
static gboolean
write_atomically (GFile         *file,
                  const char    *data,
                  gsize          length,
                  const char    *stamp,
                  char         **new_stamp,
                  GCancellable  *cancellable,
                  GError       **error)
{
  StampCheck check = { stamp, cancellable };

  if (!gloss_file_replace_checked (file, data, length, stamp != NULL ? stamp_is : NULL, &check,
                                   cancellable, error))
    return FALSE;

  if (new_stamp != NULL)
    *new_stamp = query_stamp (file, cancellable, NULL);

  return TRUE;
}

static void
saved (GlossSidecar *self,
       GFile        *file,
       char         *new_stamp)
{
  gloss_sidecar_set_file (self, file);
  g_free (self->stamp);
  self->stamp = new_stamp;
  gloss_annotation_set_mark_saved (self->annotations);
}

/**
 * gloss_sidecar_save:
 * @self: a #GlossSidecar
 * @file: (nullable): where to write; %NULL for the sidecar's own file
 * @flags: #GlossSidecarSaveFlags
 * @error: return location for a #GError
 *
 * Writes atomically (a temporary file renamed over the old one), so the old
 * file survives any failure.  Refuses to replace a file changed by someone
 * else since it was loaded, or an existing file never loaded, unless
 * %GLOSS_SIDECAR_SAVE_OVERWRITE is given.
 *
 * Returns: %TRUE when written
 */
gboolean
gloss_sidecar_save (GlossSidecar           *self,
                    GFile                  *file,
                    GlossSidecarSaveFlags   flags,
                    GError                **error)
{
  g_autofree char *data = NULL;
  g_autofree char *new_stamp = NULL;
  const char *stamp;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), FALSE);

  if (file == NULL)
    file = self->file;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_target (self, file, flags, &stamp, error))
    return FALSE;

  data = gloss_sidecar_to_data (self, &length);
  if (!write_atomically (file, data, length, stamp, &new_stamp, NULL, error))
    {
      wrap_save_error (file, error);
      return FALSE;
    }

  saved (self, file, g_steal_pointer (&new_stamp));
  return TRUE;
}

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  char    *stamp;
  guint64  serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->stamp);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  char *new_stamp = NULL;
  gsize length;
  const char *bytes = g_bytes_get_data (data->bytes, &length);

  if (!write_atomically (data->file, bytes, length, data->stamp, &new_stamp, cancellable, &error))
    {
      wrap_save_error (data->file, &error);
      g_task_return_error (task, error);
      return;
    }

  /* The window opens what it saved, next time: have the cache hold it. */
  if (length >= GLOSS_SIDECAR_CACHE_MIN_BYTES)
    _gloss_sidecar_cache_remember (data->file, data->bytes);

  /* An empty string still means success when no stamp could be read. */
  g_task_return_pointer (task, new_stamp ? new_stamp : g_strdup (""), g_free);
}

/**
 * gloss_sidecar_save_async:
 * @self: a #GlossSidecar
 * @file: (nullable): where to write; %NULL for the sidecar's own file
 * @flags: #GlossSidecarSaveFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like gloss_sidecar_save(); the content is taken when this is called, so
 * edits made while writing stay unsaved.
 */
void
gloss_sidecar_save_async (GlossSidecar          *self,
                          GFile                 *file,
                          GlossSidecarSaveFlags  flags,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *data;
  const char *stamp;
  char *content;
  gsize length;

  g_return_if_fail (GLOSS_IS_SIDECAR (self));

  if (file == NULL)
    file = self->file;
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_sidecar_save_async);

  if (!check_target (self, file, flags, &stamp, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  content = gloss_sidecar_to_data (self, &length);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->bytes = g_bytes_new_take (content, length);
  data->serial = gloss_annotation_set_get_serial (self->annotations);
  data->stamp = g_strdup (stamp);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  gloss_task_run_in_thread (task, save_thread);
}

gboolean
gloss_sidecar_save_finish (GlossSidecar  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  SaveData *data;
  char *new_stamp;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  new_stamp = g_task_propagate_pointer (G_TASK (result), error);
  if (new_stamp == NULL)
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  gloss_sidecar_set_file (self, data->file);
  g_free (self->stamp);
  self->stamp = *new_stamp ? new_stamp : (g_free (new_stamp), NULL);
  /* Edits made while writing are not in the file: they stay unsaved. */
  if (data->serial == gloss_annotation_set_get_serial (self->annotations))
    gloss_annotation_set_mark_saved (self->annotations);
  return TRUE;
}
