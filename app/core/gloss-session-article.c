/* gloss-session-article.c: the article's own file changing on disk
 *
 * The session watches the user's sidecar (gloss-session.c) and, here, the
 * article it annotates: a text edited in another program, a saved page
 * saved again.  Like GNOME Text Editor's "The file has changed on disk", the
 * session only says so (GlossSession:article-changed); reading the article
 * again is the window's Reload, which saves the annotations first and
 * reopens, so that they are re-anchored through the kept versions.
 *
 * What counts is the canonical text, the one the annotations are anchored
 * in and whose SHA-256 the sidecar records: the file is read again through
 * the loader, in the session's encoding, and the SHA-256 of its text
 * compared with the open document's.  Raw bytes alone would cry wolf: a
 * saved page whose scripts or ads changed, a text whose line ends went from
 * CRLF to LF, read to the very same text.  Bytes identical to those read
 * (the provenance's "raw-sha256") are the same text without extracting it
 * again: a file touched, or written again unchanged.
 *
 * A file deleted or moved away leaves the text and the annotations in
 * memory, and the user's layer beside where the article was: the session
 * says so (GlossSession:article-missing) until a file is there again, when
 * it is compared like any other.  Whether the article is there is decided
 * by reading it after the events settle, never by the event alone: an
 * editor that saves by deleting and writing anew deletes nothing.
 *
 * The monitor starts after the text was read: a write in between, or
 * within the clock tick of the file's time, raises no event.  So a file
 * the session read is compared once as soon as it is watched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gloss-document.h"
#include "gloss-file.h"
#include "gloss-loader.h"
#include "gloss-session.h"
#include "gloss-session-private.h"
#include "gloss-task.h"

/* An editor writes a file in bursts: one comparison once they are over. */
#define ARTICLE_SETTLE_MS 300
/* The loader's own limit: a larger file could not be opened either. */
#define ARTICLE_MAX_SIZE  (256 * 1024 * 1024)

typedef struct
{
  GFile    *file;
  char     *encoding;
  char     *raw_sha256;   /* of the bytes the open text was read from, if known */
  char     *sha256;       /* of the open canonical text */
  gboolean  changed;
  gboolean  missing;      /* no file at the article's path */
} Check;

static void
check_free (Check *check)
{
  g_clear_object (&check->file);
  g_free (check->encoding);
  g_free (check->raw_sha256);
  g_free (check->sha256);
  g_free (check);
}

static void
set_article_changed (GlossSession *self,
                     gboolean      changed)
{
  if (self->article_changed == !!changed)
    return;
  self->article_changed = !!changed;
  g_object_notify (G_OBJECT (self), "article-changed");
}

static void
set_article_missing (GlossSession *self,
                     gboolean      missing)
{
  if (self->article_missing == !!missing)
    return;
  self->article_missing = !!missing;
  g_object_notify (G_OBJECT (self), "article-missing");
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;
  g_autofree char *contents = NULL;
  g_autofree char *raw_sha256 = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossDocument) document = NULL;
  GError *error = NULL;
  gsize length = 0;

  if (!gloss_file_load (check->file, ARTICLE_MAX_SIZE, cancellable, &contents, &length, &error))
    {
      /* Deleted, moved away, or its folder gone with it. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_error_free (error);
          check->missing = TRUE;
          g_task_return_boolean (task, TRUE);
          return;
        }
      g_task_return_error (task, error);
      return;
    }

  raw_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
  if (check->raw_sha256 != NULL && g_str_equal (raw_sha256, check->raw_sha256))
    {
      check->changed = FALSE;
      g_task_return_boolean (task, TRUE);
      return;
    }

  name = g_file_get_basename (check->file);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = gloss_document_new_from_bytes (bytes, name, NULL, check->encoding, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  check->changed = g_strcmp0 (gloss_document_get_sha256 (document), check->sha256) != 0;
  g_task_return_boolean (task, TRUE);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(GlossSession) self = g_weak_ref_get (weak);
  Check *check = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean read;

  read = g_task_propagate_boolean (G_TASK (result), &error);
  g_weak_ref_clear (weak);
  g_free (weak);
  /* Replaced by a newer comparison, or the session stopped watching (or
   * is gone). */
  if (self == NULL || g_cancellable_is_cancelled (cancellable))
    return;
  if (self->article_check == cancellable)
    g_clear_object (&self->article_check);

  /* A file that cannot be read now (half written, not text any more)
   * says nothing new: the next change will be compared again. */
  if (!read)
    return;
  if (self->document == NULL || g_strcmp0 (gloss_document_get_sha256 (self->document), check->sha256) != 0)
    return;
  set_article_missing (self, check->missing);
  set_article_changed (self, !check->missing && check->changed);
}

static gboolean
settled_cb (gpointer user_data)
{
  GlossSession *self = user_data;
  g_autoptr(GTask) task = NULL;
  JsonObject *provenance;
  GWeakRef *weak;
  Check *check;

  self->article_check_id = 0;
  if (self->document == NULL || self->file == NULL)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->article_check);
  g_clear_object (&self->article_check);
  self->article_check = g_cancellable_new ();

  check = g_new0 (Check, 1);
  check->file = g_object_ref (self->file);
  check->encoding = g_strdup (self->encoding);
  check->sha256 = g_strdup (gloss_document_get_sha256 (self->document));
  provenance = gloss_document_get_provenance (self->document);
  check->raw_sha256 = g_strdup (json_object_get_string_member_with_default (provenance, "raw-sha256", NULL));

  /* The worker works on copies; the callback holds the session weakly, so
   * that a closed session goes at once, comparison in flight or not. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->article_check, checked_cb, weak);
  g_task_set_source_tag (task, settled_cb);
  g_task_set_task_data (task, check, (GDestroyNotify)check_free);
  gloss_task_run_in_thread (task, check_thread);
  return G_SOURCE_REMOVE;
}

static void
article_monitor_cb (GlossSession      *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  /* Attributes alone (a touch) change no text. */
  if (event != G_FILE_MONITOR_EVENT_CHANGED &&
      event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_MOVED_OUT)
    return;

  g_clear_handle_id (&self->article_check_id, g_source_remove);
  self->article_check_id = g_timeout_add (ARTICLE_SETTLE_MS, settled_cb, self);
}

/*
 * _gloss_session_unwatch_article:
 * @self: a #GlossSession
 *
 * Stops watching the article and forgets that it changed: the session
 * closes, or forgets its article (gloss_session_reset()).
 */
void
_gloss_session_unwatch_article (GlossSession *self)
{
  g_clear_handle_id (&self->article_check_id, g_source_remove);
  g_cancellable_cancel (self->article_check);
  g_clear_object (&self->article_check);
  if (self->article_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->article_monitor, self);
      g_file_monitor_cancel (self->article_monitor);
      g_clear_object (&self->article_monitor);
    }
  set_article_changed (self, FALSE);
  set_article_missing (self, FALSE);
}

/*
 * _gloss_session_watch_article:
 * @self: a #GlossSession
 *
 * @compare: the text was read from the file just now (opened, or read again
 *   in another encoding): compare them right away, for what changed before
 *   the monitor started.  A text handed over (a page just fetched and
 *   written) is not read again.
 *
 * The session holds the article's text: its file is watched from here on.
 */
void
_gloss_session_watch_article (GlossSession *self,
                              gboolean      compare)
{
  _gloss_session_unwatch_article (self);
  if (self->file == NULL || self->document == NULL || !g_file_is_native (self->file))
    return;

  self->article_monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->article_monitor != NULL)
    g_signal_connect_object (self->article_monitor, "changed", G_CALLBACK (article_monitor_cb), self,
                             G_CONNECT_SWAPPED);
  if (compare)
    gloss_session_check_article (self);
}

/**
 * gloss_session_check_article:
 * @self: a #GlossSession
 *
 * Compares the article's file with the open text now, in the background:
 * #GlossSession:article-changed and #GlossSession:article-missing follow.
 * The file monitor asks for this after the events settle; so may anyone
 * who knows the file changed (or was written back).
 */
void
gloss_session_check_article (GlossSession *self)
{
  g_return_if_fail (GLOSS_IS_SESSION (self));

  if (self->article_monitor == NULL)
    return;
  g_clear_handle_id (&self->article_check_id, g_source_remove);
  self->article_check_id = g_idle_add (settled_cb, self);
}

/**
 * gloss_session_get_article_changed:
 * @self: a #GlossSession
 *
 * Whether the article's file on disk now reads to another text than the one
 * open: reopening it would re-anchor the annotations.  A file touched, or
 * written again with the same text, does not count.
 *
 * Returns: %TRUE when the article changed on disk
 */
gboolean
gloss_session_get_article_changed (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);
  return self->article_changed;
}

/**
 * gloss_session_get_article_missing:
 * @self: a #GlossSession
 *
 * Whether no file is at the article's path any more (deleted, or moved
 * away).  The text stays open and the annotations are saved as before,
 * beside where the article was; gloss_session_save_article_async() writes
 * the text out again.
 *
 * Returns: %TRUE when the article's file is gone
 */
gboolean
gloss_session_get_article_missing (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);
  return self->article_missing;
}

/* Writing the text out again */

static void
save_article_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GBytes *text = task_data;
  GError *error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (text, &length);

  if (!gloss_file_replace (file, data, length, cancellable, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (!g_str_has_prefix (error->message, name))
        g_prefix_error (&error, "%s: ", name);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * gloss_session_save_article_async:
 * @self: a #GlossSession with an article open
 * @file: where to write the text
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the text is written, or could not be
 * @user_data: data for @callback
 *
 * Writes the open article's canonical text, the one the annotations are
 * anchored in, to @file as UTF-8: whole or not at all (gloss_file_replace()).
 * For an article whose file went missing, written at its own path it is
 * the article again; the session reads it with its encoding detected
 * (UTF-8) from then on, and compares it once more.
 */
void
gloss_session_save_article_async (GlossSession        *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *text;

  g_return_if_fail (GLOSS_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable ? cancellable : self->cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_session_save_article_async);
  if (self->document == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s", _("No article is open"));
      return;
    }
  text = gloss_document_get_text (self->document);
  g_task_set_task_data (task, g_bytes_new (text, strlen (text)), (GDestroyNotify)g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  gloss_task_run_in_thread (task, save_article_thread);
}

gboolean
gloss_session_save_article_finish (GlossSession  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* The article's own path: read back as what was written. */
  if (self->file != NULL && g_file_equal (g_object_get_data (G_OBJECT (result), "file"), self->file))
    {
      if (self->encoding != NULL)
        {
          g_clear_pointer (&self->encoding, g_free);
          g_object_notify (G_OBJECT (self), "encoding");
        }
      gloss_session_check_article (self);
    }
  return TRUE;
}
