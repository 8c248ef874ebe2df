/* gloss-session-save.c: writing the user's layer, autosave and closing
 *
 * A save asked for while another is written waits in the session's queue;
 * what the sidecar refuses (a file changed on disk) turns into the
 * CONFLICT state, and a layer that could not be read is never written over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-session.h"
#include "gloss-session-private.h"
#include "gloss-sidecar.h"

static void start_next_save (GlossSession *self);

static void
set_saving (GlossSession *self,
            gboolean      saving)
{
  if (self->saving == !!saving)
    return;
  self->saving = !!saving;
  g_object_notify (G_OBJECT (self), "saving");
}

typedef struct
{
  GFile                 *file;      /* Save As, or NULL */
  GlossSessionSaveFlags  flags;
  GlossSidecar          *sidecar;   /* the layer being written */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->sidecar);
  g_free (data);
}

static void
close_session (GlossSession *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  _gloss_session_unwatch_file (self);
  _gloss_session_unwatch_article (self);
  _gloss_session_set_state (self, GLOSS_SESSION_CLOSED);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GlossSession *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  set_saving (self, FALSE);
  if (!gloss_sidecar_save_finish (GLOSS_SIDECAR (object), result, &error))
    {
      if ((g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS)) &&
          data->sidecar == self->sidecar && self->state == GLOSS_SESSION_READY)
        _gloss_session_set_state (self, GLOSS_SESSION_CONFLICT);
      g_task_return_error (task, error);
      start_next_save (self);
      return;
    }

  if (data->sidecar == self->sidecar)
    {
      _gloss_session_set_layer_gone (self, FALSE);
      if (self->state == GLOSS_SESSION_CONFLICT)
        _gloss_session_set_state (self, GLOSS_SESSION_READY);
      _gloss_session_watch_file (self);
      if (data->flags & GLOSS_SESSION_SAVE_CLOSE)
        close_session (self);
    }

  g_task_return_boolean (task, TRUE);

  if (!g_queue_is_empty (&self->saves))
    start_next_save (self);
  else if (self->save_again || gloss_session_get_modified (self))
    {
      self->save_again = FALSE;
      _gloss_session_schedule_autosave (self);
    }
}

static void
start_save (GlossSession *self,
            GTask        *task)
{
  SaveData *data = g_task_get_task_data (task);
  GlossSidecarSaveFlags flags = GLOSS_SIDECAR_SAVE_NONE;

  if (data->flags & GLOSS_SESSION_SAVE_OVERWRITE)
    flags |= GLOSS_SIDECAR_SAVE_OVERWRITE;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_set_object (&data->sidecar, self->sidecar);
  set_saving (self, TRUE);
  gloss_sidecar_save_async (self->sidecar, data->file, flags, self->cancellable, saved_cb, task);
}

/* Says why @self cannot write where @data asks, or nothing. */
static gboolean
check_save (GlossSession  *self,
            SaveData      *data,
            GError       **error)
{
  if (self->sidecar == NULL || self->state == GLOSS_SESSION_CLOSED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No article is open"));
      return FALSE;
    }

  if (data->file != NULL)
    {
      if (self->broken_file != NULL && g_file_equal (data->file, self->broken_file))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               _("Gloss does not write over an annotations file it could not read. Choose another name."));
          return FALSE;
        }
      return TRUE;
    }

  if (self->state == GLOSS_SESSION_BROKEN || gloss_sidecar_get_file (self->sidecar) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Gloss does not write over an annotations file it could not read. Choose another name."));
      return FALSE;
    }
  if (self->state == GLOSS_SESSION_CONFLICT && !(data->flags & GLOSS_SESSION_SAVE_OVERWRITE))
    {
      g_autofree char *name = g_file_get_basename (gloss_sidecar_get_file (self->sidecar));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("The annotations file “%s” changed on disk. Reload it, or keep your version and replace the file."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static void
start_next_save (GlossSession *self)
{
  while (!self->saving && !g_queue_is_empty (&self->saves))
    {
      g_autoptr(GTask) task = g_queue_pop_head (&self->saves);
      GError *error = NULL;

      if (!check_save (self, g_task_get_task_data (task), &error))
        g_task_return_error (task, error);
      else
        start_save (self, g_steal_pointer (&task));
    }
}

/**
 * gloss_session_save_async:
 * @self: a #GlossSession
 * @file: (nullable): where to save (Save As), or %NULL for the user's file
 * @flags: %GLOSS_SESSION_SAVE_OVERWRITE to write over a changed file (Keep
 *   Mine, or a Save As whose chooser asked); %GLOSS_SESSION_SAVE_CLOSE to
 *   close the session once saved
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the layer is written, or could not be
 * @user_data: data for @callback
 *
 * Writes the user's layer.  A save asked for while another is written waits
 * for it.  Saving to another file leaves a BROKEN state: the layer lives in
 * that file from now on.  The error says why nothing was written (a
 * conflict also puts the session in %GLOSS_SESSION_CONFLICT).
 */
void
gloss_session_save_async (GlossSession          *self,
                          GFile                 *file,
                          GlossSessionSaveFlags  flags,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (GLOSS_IS_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_session_save_async);
  data = g_new0 (SaveData, 1);
  data->file = file ? g_object_ref (file) : NULL;
  data->flags = flags;
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);

  if (!check_save (self, data, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (file != NULL && self->state == GLOSS_SESSION_BROKEN)
    {
      /* The layer has a file of its own now. */
      _gloss_session_set_broken (self, NULL, NULL);
      _gloss_session_set_state (self, GLOSS_SESSION_READY);
    }

  if (self->saving)
    {
      g_queue_push_tail (&self->saves, g_steal_pointer (&task));
      return;
    }

  start_save (self, g_steal_pointer (&task));
}

gboolean
gloss_session_save_finish (GlossSession  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Autosave */

static void
autosaved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossSession *self = GLOSS_SESSION (object);
  g_autoptr(GError) error = NULL;

  if (!gloss_session_save_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      self->state != GLOSS_SESSION_CONFLICT)
    _gloss_session_emit_error (self, error);
}

static gboolean
autosave_cb (gpointer user_data)
{
  GlossSession *self = user_data;

  self->autosave_id = 0;
  if (self->saving)
    {
      self->save_again = TRUE;
      return G_SOURCE_REMOVE;
    }
  if (gloss_session_get_can_save (self) && gloss_session_get_modified (self))
    gloss_session_save_async (self, NULL, GLOSS_SESSION_SAVE_NONE, NULL, autosaved_cb, NULL);
  return G_SOURCE_REMOVE;
}

void
_gloss_session_schedule_autosave (GlossSession *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->autosave_delay > 0 && self->state == GLOSS_SESSION_READY)
    self->autosave_id = g_timeout_add_seconds (self->autosave_delay, autosave_cb, self);
}

/**
 * gloss_session_close:
 * @self: a #GlossSession
 *
 * Stops everything the session does on its own (autosave, the file
 * monitor, reads in flight).  Nothing is saved.
 */
void
gloss_session_close (GlossSession *self)
{
  g_return_if_fail (GLOSS_IS_SESSION (self));

  g_cancellable_cancel (self->cancellable);
  close_session (self);
}

