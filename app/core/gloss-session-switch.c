/* gloss-session-switch.c: one session, one article after another
 *
 * A window that switches articles (the Library opens them in place) keeps
 * its session and everything bound to it; the session forgets its article
 * and can open another.  It refuses while anything of the user's is not on
 * disk: a save in flight, unsaved changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-set.h"
#include "gloss-session.h"
#include "gloss-session-private.h"

/**
 * gloss_session_reset:
 * @self: a #GlossSession
 * @error: why it cannot (%G_IO_ERROR_BUSY: a save in flight or unsaved
 *   changes)
 *
 * Forgets the open article: the session is %GLOSS_SESSION_EMPTY again and
 * gloss_session_open_async() may open another.  Nothing is saved or lost:
 * with unsaved changes or a save in flight it refuses (the edits made to a
 * layer that could not be read count as unsaved: they live only in memory).
 *
 * Returns: %TRUE when the session is empty
 */
gboolean
gloss_session_reset (GlossSession  *self,
                     GError       **error)
{
  gboolean was_modified;

  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);

  if (self->file == NULL)
    return TRUE;
  was_modified = gloss_session_get_modified (self);
  if (self->saving || !g_queue_is_empty (&self->saves) || was_modified)
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("The annotations of “%s” are not saved yet"), name);
      return FALSE;
    }
  /* Reads in flight belong to the old article. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->watched_set != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_set, self);
  g_clear_object (&self->watched_set);
  self->save_again = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  _gloss_session_unwatch_article (self);
  g_clear_object (&self->sidecar);
  g_object_notify (G_OBJECT (self), "sidecar");
  g_clear_object (&self->document);
  g_object_notify (G_OBJECT (self), "document");
  g_clear_object (&self->file);
  g_object_notify (G_OBJECT (self), "file");
  g_clear_object (&self->broken_file);
  g_clear_pointer (&self->broken_message, g_free);
  g_clear_pointer (&self->encoding, g_free);
  if (self->loading)
    {
      self->loading = FALSE;
      g_object_notify (G_OBJECT (self), "loading");
    }
  self->state = GLOSS_SESSION_EMPTY;
  g_object_notify (G_OBJECT (self), "state");
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}
