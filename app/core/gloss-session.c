/* gloss-session.c: one open article and everything that happens to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-codebook-folder.h"
#include "gloss-document.h"
#include "gloss-enums.h"
#include "gloss-loader.h"
#include "gloss-session.h"
#include "gloss-session-private.h"
#include "gloss-sidecar.h"
#include "gloss-task.h"

/*
 * Saving is careful in three ways.  The sidecar refuses to write over a
 * file changed since it was read (entity tag); a file monitor notices such
 * a change early and stops autosave until the user picks Reload or Keep
 * Mine (state CONFLICT).  A sidecar that fails to load is never written
 * to (state BROKEN): edits stay in memory until the user saves them
 * elsewhere or fixes the file and reloads.
 *
 * The article and the user's layer are read side by side: the document is
 * published as soon as it is in, so a window can show the text while a
 * large sidecar is still being read.
 */

G_DEFINE_FINAL_TYPE (GlossSession, gloss_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANNOTATOR_ID,
  PROP_ANNOTATOR_NAME,
  PROP_ARTICLE_CHANGED,
  PROP_ARTICLE_MISSING,
  PROP_AUTOSAVE_DELAY,
  PROP_BROKEN_FILE,
  PROP_BROKEN_MESSAGE,
  PROP_DOCUMENT,
  PROP_ENCODING,
  PROP_FILE,
  PROP_LOADING,
  PROP_MODIFIED,
  PROP_SAVING,
  PROP_SIDECAR,
  PROP_STATE,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


GlossSession *
gloss_session_new (void)
{
  return g_object_new (GLOSS_TYPE_SESSION, NULL);
}

/* State */

void
_gloss_session_set_state (GlossSession      *self,
                          GlossSessionState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  if (state != GLOSS_SESSION_READY)
    g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_loading (GlossSession *self,
             gboolean      loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_gloss_session_set_broken (GlossSession *self,
                           GFile        *file,
                           const char   *message)
{
  if (g_set_object (&self->broken_file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BROKEN_FILE]);
  if (g_strcmp0 (self->broken_message, message) != 0)
    {
      g_free (self->broken_message);
      self->broken_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BROKEN_MESSAGE]);
    }
}

/* The user's file was deleted by another program: there is nothing on disk
 * to lose, so instead of a conflict the layer counts as unsaved and the next
 * save (autosave too) writes it anew, unless a file appeared there by then. */
void
_gloss_session_set_layer_gone (GlossSession *self,
                               gboolean      gone)
{
  gboolean was_modified = gloss_session_get_modified (self);

  if (self->layer_gone == !!gone)
    return;
  self->layer_gone = !!gone;
  if (gone)
    gloss_sidecar_forget_stamp (self->sidecar);
  if (was_modified != gloss_session_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (gone)
    _gloss_session_schedule_autosave (self);
}

void
_gloss_session_emit_error (GlossSession *self,
                           const GError *error)
{
  g_signal_emit (self, signals[ERROR], 0, error);
}

/* The file on disk */

static void
disk_stamp_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(GlossSession) self = g_weak_ref_get (weak);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  const char *ours;

  g_weak_ref_clear (weak);
  g_free (weak);
  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->sidecar == NULL ||
      self->saving || self->state != GLOSS_SESSION_READY)
    return;

  ours = gloss_sidecar_get_stamp (self->sidecar);
  if (info != NULL)
    theirs = gloss_sidecar_stamp_from_info (info);
  else if (ours != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      _gloss_session_set_layer_gone (self, TRUE);
      return;
    }

  /* A file we never wrote appearing, or ours changing or going away. */
  if (g_strcmp0 (ours, theirs) != 0 && !(ours == NULL && theirs == NULL))
    _gloss_session_set_state (self, GLOSS_SESSION_CONFLICT);
}

/**
 * gloss_session_check_disk:
 * @self: a #GlossSession
 *
 * Compares the user's file on disk with the one read or written last, in the
 * background; a difference puts the session in %GLOSS_SESSION_CONFLICT.  The
 * file monitor calls this; so may anyone who knows the file changed.
 */
void
gloss_session_check_disk (GlossSession *self)
{
  GWeakRef *weak;
  GFile *file;

  g_return_if_fail (GLOSS_IS_SESSION (self));

  if (self->sidecar == NULL || self->state != GLOSS_SESSION_READY || self->saving ||
      (file = gloss_sidecar_get_file (self->sidecar)) == NULL)
    return;

  /* Held weakly: a session closed while a look is in flight goes at once
   * (monitor events come in bursts, each asking again). */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  g_file_query_info_async (file, GLOSS_SIDECAR_STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, disk_stamp_cb, weak);
}

static void
monitor_changed_cb (GlossSession      *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
      event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_DELETED ||
      event == G_FILE_MONITOR_EVENT_RENAMED ||
      event == G_FILE_MONITOR_EVENT_MOVED_IN ||
      event == G_FILE_MONITOR_EVENT_MOVED_OUT)
    gloss_session_check_disk (self);
}

void
_gloss_session_unwatch_file (GlossSession *self)
{
  if (self->monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

void
_gloss_session_watch_file (GlossSession *self)
{
  GFile *file = self->sidecar ? gloss_sidecar_get_file (self->sidecar) : NULL;

  _gloss_session_unwatch_file (self);
  if (file == NULL || self->state == GLOSS_SESSION_BROKEN || self->state == GLOSS_SESSION_CLOSED)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The annotation set */

static void
set_changed_cb (GlossSession *self)
{
  _gloss_session_schedule_autosave (self);
}

static void
set_modified_cb (GlossSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_gloss_session_set_sidecar (GlossSession *self,
                            GlossSidecar *sidecar)
{
  gboolean was_modified = gloss_session_get_modified (self);

  if (self->watched_set != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_set, self);
  g_clear_object (&self->watched_set);

  self->layer_gone = FALSE;
  g_set_object (&self->sidecar, sidecar);
  if (sidecar != NULL)
    {
      self->watched_set = g_object_ref (gloss_sidecar_get_annotations (sidecar));
      g_signal_connect_object (self->watched_set, "changed", G_CALLBACK (set_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->watched_set, "notify::modified", G_CALLBACK (set_modified_cb),
                               self, G_CONNECT_SWAPPED);
    }

  _gloss_session_watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDECAR]);
  if (was_modified != gloss_session_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Finding and reading the user's layer */

typedef struct
{
  GFile         *own;          /* the user's file, whether it exists or not */
  gboolean       own_exists;
  GFile         *colleague;    /* the first other layer, when the user has none */
  GlossCodebook *team;         /* gloss-codebook.json in the article's folder */
  GError        *team_error;
  GlossSidecar  *loaded;       /* the layer as read */
  GError        *load_error;
  GlossDocument *previous;     /* the text the layer was coded on, when given */
  gboolean       document_done;
  gboolean       layer_done;
  gboolean       returned;     /* the task has its result (an article that cannot be read) */
  gboolean       named;        /* @own was named by the caller (open_layer) */
  gboolean       find_article; /* the article is the one @own names, once read */
} LayerData;

static void
layer_data_free (LayerData *data)
{
  g_clear_object (&data->own);
  g_clear_object (&data->colleague);
  g_clear_object (&data->team);
  g_clear_error (&data->team_error);
  g_clear_object (&data->loaded);
  g_clear_error (&data->load_error);
  g_clear_object (&data->previous);
  g_free (data);
}

/* Ends @task with @error unless it has ended already; the session is
 * loading until both the article's and the layer's reads are over. */
static void
fail_layer (GTask    *task,
            GError   *error,
            gboolean  layer_side)
{
  GlossSession *self = g_task_get_source_object (task);
  LayerData *data = g_task_get_task_data (task);

  if (layer_side)
    data->layer_done = TRUE;
  if (data->document_done && data->layer_done)
    set_loading (self, FALSE);
  if (data->returned)
    g_error_free (error);
  else
    {
      data->returned = TRUE;
      g_task_return_error (task, error);
    }
}

static void
discover_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LayerData *data = task_data;

  GFile *file = g_object_get_data (G_OBJECT (task), "article");
  g_autoptr(GPtrArray) layers = gloss_sidecar_list_for_article (file, NULL);

  if (layers != NULL && layers->len > 0)
    data->colleague = g_object_ref (g_ptr_array_index (layers, 0));
  /* A team's codebook beside the article comes first; a broken one is
   * reported, never silently replaced by another codebook. */
  data->team = gloss_codebook_find_for_article (file, &data->team_error);
  g_task_return_boolean (task, TRUE);
}

static GlossSidecar *
new_own_sidecar (GlossSession  *self,
                 LayerData     *data,
                 GlossCodebook *codebook)
{
  GlossSidecar *sidecar;

  if (data->team_error != NULL)
    _gloss_session_emit_error (self, data->team_error);
  if (data->team != NULL)
    codebook = data->team;

  sidecar = gloss_sidecar_new (gloss_session_get_annotator_id (self), codebook);
  gloss_sidecar_set_file (sidecar, data->own);
  if (self->annotator_name != NULL && *self->annotator_name != '\0')
    gloss_sidecar_set_annotator_name (sidecar, self->annotator_name);

  return sidecar;
}

/* Both the article and the user's layer are in (or known absent). */
static void
maybe_publish (GTask *task)
{
  GlossSession *self = g_task_get_source_object (task);
  LayerData *data = g_task_get_task_data (task);

  if (!data->document_done || !data->layer_done)
    return;

  if (data->returned || self->document == NULL)
    {
      /* The article could not be read: the error is the task's already. */
      set_loading (self, FALSE);
      return;
    }

  if (data->loaded == NULL && data->load_error != NULL)
    {
      g_autoptr(GlossSidecar) empty = gloss_sidecar_new (gloss_session_get_annotator_id (self), NULL);

      /* No file: nothing can be written until the user picks one. */
      _gloss_session_set_broken (self, data->own, data->load_error->message);
      _gloss_session_set_state (self, GLOSS_SESSION_BROKEN);
      g_clear_pointer (&self->coded_on, g_free);
      self->report = (GlossAnchorReport) { 0 };
      gloss_sidecar_attach_document (empty, self->document);
      _gloss_session_set_sidecar (self, empty);
    }
  else
    {
      _gloss_session_set_broken (self, NULL, NULL);
      _gloss_session_set_state (self, GLOSS_SESSION_READY);
      g_free (self->coded_on);
      self->coded_on = g_strdup (gloss_sidecar_get_document_sha256 (data->loaded));
      gloss_sidecar_attach_version (data->loaded, self->document, data->previous, &self->report);
      _gloss_session_set_sidecar (self, data->loaded);
    }

  set_loading (self, FALSE);
  data->returned = TRUE;
  g_task_return_boolean (task, TRUE);
}

static void
layer_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GlossSession *self = g_task_get_source_object (task);
  LayerData *data = g_task_get_task_data (task);
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;

  sidecar = gloss_sidecar_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail_layer (task, g_steal_pointer (&error), TRUE);
      return;
    }

  /* A colleague's layer is theirs to edit; ours starts empty, with the
   * team's codebook when their file carries one. */
  data->loaded = new_own_sidecar (self, data, sidecar ? gloss_sidecar_get_codebook (sidecar) : NULL);

  data->layer_done = TRUE;
  maybe_publish (task);
}

static void
discovered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GlossSession *self = g_task_get_source_object (task);
  LayerData *data = g_task_get_task_data (task);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      fail_layer (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"), TRUE);
      return;
    }

  if (data->colleague != NULL)
    {
      gloss_sidecar_load_async (data->colleague, g_task_get_cancellable (task), layer_loaded_cb, g_object_ref (task));
      return;
    }

  data->loaded = new_own_sidecar (self, data, NULL);
  data->layer_done = TRUE;
  maybe_publish (task);
}

static void document_loaded_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);

/* The layer named by the caller is in (or could not be read): the article is
 * the one it names in document.source, beside it. */
static void
open_named_article (GTask  *task,
                    GError *error)
{
  GlossSession *self = g_task_get_source_object (task);
  LayerData *data = g_task_get_task_data (task);
  g_autoptr(GFile) article = NULL;

  data->find_article = FALSE;
  if (error == NULL && (article = gloss_sidecar_find_article (data->own, data->loaded)) == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                 _("document.source: the article is not beside the sidecar"));
  if (error != NULL)
    {
      /* Without its article a layer is not opened at all, BROKEN or not. */
      data->document_done = TRUE;
      _gloss_session_set_state (self, GLOSS_SESSION_EMPTY);
      fail_layer (task, error, TRUE);
      return;
    }

  data->own_exists = TRUE;
  data->layer_done = TRUE;
  self->file = g_steal_pointer (&article);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  gloss_document_load_file_async (self->file, self->encoding, g_task_get_cancellable (task), document_loaded_cb,
                                  g_object_ref (task));
}

static void
own_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GlossSession *self = g_task_get_source_object (task);
  LayerData *data = g_task_get_task_data (task);
  g_autoptr(GTask) discover = NULL;
  g_autoptr(GError) error = NULL;

  data->loaded = gloss_sidecar_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail_layer (task, g_steal_pointer (&error), TRUE);
      return;
    }

  if (data->find_article)
    {
      open_named_article (task, g_steal_pointer (&error));
      return;
    }

  if (data->named && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* A layer named by the caller is that file or nothing: no colleague's
       * and no team codebook stand in for it. */
      data->loaded = gloss_sidecar_new (gloss_session_get_annotator_id (self), NULL);
      gloss_sidecar_set_file (data->loaded, data->own);
      if (self->annotator_name != NULL && *self->annotator_name != '\0')
        gloss_sidecar_set_annotator_name (data->loaded, self->annotator_name);
      data->layer_done = TRUE;
      maybe_publish (task);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* Read, or there and unreadable (BROKEN). */
      data->own_exists = TRUE;
      data->load_error = g_steal_pointer (&error);
      data->layer_done = TRUE;
      maybe_publish (task);
      return;
    }

  /* No layer of the user's yet: a folder listed, a codebook read, off the
   * main thread.  The thread's task holds no reference on the session: a
   * worker may drop its last one after the callback ran. */
  discover = g_task_new (NULL, g_task_get_cancellable (task), discovered_cb, g_object_ref (task));
  g_task_set_source_tag (discover, own_loaded_cb);
  g_task_set_task_data (discover, data, NULL);
  g_object_set_data_full (G_OBJECT (discover), "article", g_object_ref (self->file), g_object_unref);
  gloss_task_run_in_thread (discover, discover_thread);
}

/* The user's own layer is read right away, side by side with the article
 * (a large one takes as long); only when it is not there are the others
 * looked for. */
static void
start_layer (GlossSession *self,
             GTask        *task)
{
  LayerData *data = g_task_get_task_data (task);

  if (!data->named)
    data->own = gloss_sidecar_file_for_article (self->file, gloss_session_get_annotator_id (self));
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  set_loading (self, TRUE);
  gloss_sidecar_load_async (data->own, g_task_get_cancellable (task), own_loaded_cb, g_object_ref (task));
}

/* @read_here: @document was read from the file by the session just now,
 * not handed over (a page just fetched is not read again). */
static void
set_document (GlossSession  *self,
              GlossDocument *document,
              gboolean       read_here)
{
  if (!g_set_object (&self->document, document))
    return;

  if (self->sidecar != NULL && document != NULL)
    gloss_sidecar_attach_version (self->sidecar, document, NULL, &self->report);
  _gloss_session_watch_article (self, read_here);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GlossSession *self = g_task_get_source_object (task);
  LayerData *data = g_task_get_task_data (task);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_document_load_file_finish (result, &error);
  data->document_done = TRUE;
  if (document == NULL)
    {
      /* Nothing to annotate; the layer, when it comes in, is dropped. */
      if (self->state == GLOSS_SESSION_LOADING)
        _gloss_session_set_state (self, GLOSS_SESSION_EMPTY);
      fail_layer (task, g_steal_pointer (&error), FALSE);
      return;
    }

  set_document (self, document, TRUE);
  maybe_publish (task);
}

/* What gloss_session_open_async() and gloss_session_open_layer_async()
 * share: @layer is the layer's file when named, @file NULL when the layer
 * names the article. */
static void
start_open (GlossSession  *self,
            GTask         *task,
            GFile         *file,
            GlossDocument *document,
            GFile         *layer,
            GlossDocument *previous)
{
  LayerData *data;

  if (self->file != NULL || self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s", _("An article is open already"));
      g_object_unref (task);
      return;
    }
  data = g_new0 (LayerData, 1);
  data->named = layer != NULL;
  data->own = layer ? g_object_ref (layer) : NULL;
  data->previous = previous ? g_object_ref (previous) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify)layer_data_free);

  if (file != NULL)
    {
      self->file = g_object_ref (file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  _gloss_session_set_state (self, GLOSS_SESSION_LOADING);
  set_loading (self, TRUE);
  if (file == NULL)
    {
      /* The article comes once the layer says which it is (open_named_article()). */
      data->find_article = TRUE;
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      gloss_sidecar_load_async (data->own, g_task_get_cancellable (task), own_loaded_cb, task);
      return;
    }

  if (document != NULL)
    {
      data->document_done = TRUE;
      set_document (self, document, FALSE);
    }
  else
    gloss_document_load_file_async (file, self->encoding, g_task_get_cancellable (task), document_loaded_cb,
                                    g_object_ref (task));

  start_layer (self, task);
  g_object_unref (task);
}

/**
 * gloss_session_open_async:
 * @self: a #GlossSession with nothing open
 * @file: the article's file (a text file, a saved page, a fetched snapshot)
 * @document: (nullable): the article already read from @file (a page just
 *   fetched): it is used as it is, never read again
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the article and the user's layer are in
 * @user_data: data for @callback
 *
 * Reads @file (unless @document is given) and, side by side, finds the
 * user's layer beside it: reads it when it exists, else starts an empty one
 * with the folder's team codebook (or a colleague's, or the built-in one).
 * #GlossSession:document is set as soon as the text is in;
 * #GlossSession:sidecar when the layer is.  A layer that cannot be read puts
 * the session in %GLOSS_SESSION_BROKEN; that is not an error of the open.
 */
void
gloss_session_open_async (GlossSession        *self,
                          GFile               *file,
                          GlossDocument       *document,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  task = g_task_new (self, cancellable ? cancellable : self->cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_session_open_async);
  start_open (self, g_steal_pointer (&task), file, document, NULL, NULL);
}

gboolean
gloss_session_open_finish (GlossSession  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * gloss_session_open_layer_async:
 * @self: a #GlossSession with nothing open
 * @file: (nullable): the article's file, or %NULL for the one @layer names
 *   beside it (its document.source)
 * @document: (nullable): the article already read from @file
 * @layer: the annotations file to open as the user's layer, whoever's it is
 * @previous: (nullable): the text @layer was annotated on, when not the one
 *   kept in the version store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the article and the layer are in
 * @user_data: data for @callback
 *
 * gloss_session_open_async() with the layer named rather than found: for
 * gloss-cli, which names the sidecar it reads and writes.  A @layer not
 * there starts empty with the built-in codebook (with @file %NULL, that is
 * an error); one that cannot be read puts the session in
 * %GLOSS_SESSION_BROKEN (with @file %NULL, the open fails with why).  The
 * layer is placed on the article through @previous when given, and
 * gloss_session_get_anchor_report() says how.
 */
void
gloss_session_open_layer_async (GlossSession        *self,
                                GFile               *file,
                                GlossDocument       *document,
                                GFile               *layer,
                                GlossDocument       *previous,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (document == NULL || (file != NULL && GLOSS_IS_DOCUMENT (document)));
  g_return_if_fail (G_IS_FILE (layer));
  g_return_if_fail (previous == NULL || GLOSS_IS_DOCUMENT (previous));

  task = g_task_new (self, cancellable ? cancellable : self->cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_session_open_layer_async);
  start_open (self, g_steal_pointer (&task), file, document, layer, previous);
}

gboolean
gloss_session_open_layer_finish (GlossSession  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * gloss_session_reload_async:
 * @self: a #GlossSession with an article open
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the layer is read again
 * @user_data: data for @callback
 *
 * Reads the user's layer from disk again, dropping what is in memory.  The
 * session ends READY, or BROKEN when the file cannot be read: never both a
 * conflict and an error.
 */
void
gloss_session_reload_async (GlossSession        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LayerData *data;

  g_return_if_fail (GLOSS_IS_SESSION (self));

  task = g_task_new (self, cancellable ? cancellable : self->cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_session_reload_async);
  if (self->document == NULL || self->file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s", _("No article is open"));
      return;
    }
  if (self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s", _("The annotations are being read"));
      return;
    }

  data = g_new0 (LayerData, 1);
  data->document_done = TRUE;
  g_task_set_task_data (task, data, (GDestroyNotify)layer_data_free);
  start_layer (self, task);
}

gboolean
gloss_session_reload_finish (GlossSession  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reopen with encoding */

static void
reopened_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GlossSession *self = g_task_get_source_object (task);
  g_autoptr(GlossDocument) document = NULL;
  GError *error = NULL;

  document = gloss_document_load_file_finish (result, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The annotations stay in memory, edits included, and are anchored in
   * the text as decoded now; nothing is saved until the user saves. */
  set_document (self, document, TRUE);
  g_task_return_boolean (task, TRUE);
}

/**
 * gloss_session_reopen_async:
 * @self: a #GlossSession with an article open
 * @encoding: (nullable): the character encoding to read the article in, or
 *   %NULL to detect it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the article is read again
 * @user_data: data for @callback
 *
 * Reads the article again in @encoding; the user's layer is kept in memory
 * and anchored in the new text.
 */
void
gloss_session_reopen_async (GlossSession        *self,
                            const char          *encoding,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_SESSION (self));

  task = g_task_new (self, cancellable ? cancellable : self->cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_session_reopen_async);
  if (self->file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s", _("No article is open"));
      return;
    }

  if (g_strcmp0 (self->encoding, encoding) != 0)
    {
      g_free (self->encoding);
      self->encoding = encoding && *encoding ? g_strdup (encoding) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
    }
  cancellable = g_task_get_cancellable (task);
  gloss_document_load_file_async (self->file, self->encoding, cancellable, reopened_cb, g_steal_pointer (&task));
}

gboolean
gloss_session_reopen_finish (GlossSession  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Accessors */

/**
 * gloss_session_get_coded_on:
 * @self: a #GlossSession
 *
 * The SHA-256 of the text the user's layer was annotated on, as its file
 * said when it was read: another than the document's when the layer was
 * re-anchored on opening.
 *
 * Returns: (nullable): the hex digest, or %NULL for a new layer
 */
const char *
gloss_session_get_coded_on (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);
  return self->coded_on;
}

/**
 * gloss_session_get_anchor_report:
 * @self: a #GlossSession
 *
 * How the user's layer was placed on the article when it was opened (or
 * the article read again): how many annotations stayed, moved, were cut or
 * are orphaned.  An orphan is kept in the layer with its old offsets.
 *
 * Returns: (transfer none): the counts; all 0 before a layer is in, or
 *   after gloss_session_replace_layer() with a layer placed already
 */
const GlossAnchorReport *
gloss_session_get_anchor_report (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);
  return &self->report;
}

GlossSessionState
gloss_session_get_state (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), GLOSS_SESSION_EMPTY);
  return self->state;
}

/**
 * gloss_session_get_file:
 * @self: a #GlossSession
 *
 * Returns: (transfer none) (nullable): the article's file
 */
GFile *
gloss_session_get_file (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);
  return self->file;
}

/**
 * gloss_session_get_document:
 * @self: a #GlossSession
 *
 * Returns: (transfer none) (nullable): the article, once read
 */
GlossDocument *
gloss_session_get_document (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);
  return self->document;
}

/**
 * gloss_session_get_sidecar:
 * @self: a #GlossSession
 *
 * Returns: (transfer none) (nullable): the user's own layer, once read
 */
GlossSidecar *
gloss_session_get_sidecar (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);
  return self->sidecar;
}

/**
 * gloss_session_get_broken_file:
 * @self: a #GlossSession
 *
 * Returns: (transfer none) (nullable): in %GLOSS_SESSION_BROKEN, the file
 *   that could not be read
 */
GFile *
gloss_session_get_broken_file (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);
  return self->broken_file;
}

/**
 * gloss_session_get_broken_message:
 * @self: a #GlossSession
 *
 * Returns: (nullable): in %GLOSS_SESSION_BROKEN, why the file could not be
 *   read (it names the file and the JSON path of the problem)
 */
const char *
gloss_session_get_broken_message (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);
  return self->broken_message;
}

gboolean
gloss_session_get_loading (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);
  return self->loading;
}

gboolean
gloss_session_get_saving (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);
  return self->saving;
}

gboolean
gloss_session_get_modified (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);
  /* A layer whose file was deleted is on disk no more: unsaved, whole. */
  return self->sidecar != NULL &&
         (self->layer_gone || gloss_annotation_set_get_modified (gloss_sidecar_get_annotations (self->sidecar)));
}

/* Whether Save would write the user's file now. */
gboolean
gloss_session_get_can_save (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);
  return self->sidecar != NULL && self->state == GLOSS_SESSION_READY && !self->saving &&
         gloss_sidecar_get_file (self->sidecar) != NULL;
}

const char *
gloss_session_get_encoding (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);
  return self->encoding;
}

/* The annotator id the user's layer is named after: the one set when it
 * is valid, else the login name's. */
const char *
gloss_session_get_annotator_id (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);

  if (self->annotator_id == NULL || !gloss_annotator_id_is_valid (self->annotator_id))
    {
      g_free (self->annotator_id);
      self->annotator_id = gloss_annotator_id_default ();
    }
  return self->annotator_id;
}

void
gloss_session_set_annotator_id (GlossSession *self,
                                const char   *annotator_id)
{
  g_return_if_fail (GLOSS_IS_SESSION (self));

  if (g_strcmp0 (self->annotator_id, annotator_id) == 0)
    return;
  g_free (self->annotator_id);
  self->annotator_id = g_strdup (annotator_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR_ID]);
}

const char *
gloss_session_get_annotator_name (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);
  return self->annotator_name;
}

void
gloss_session_set_annotator_name (GlossSession *self,
                                  const char   *annotator_name)
{
  g_return_if_fail (GLOSS_IS_SESSION (self));

  if (g_strcmp0 (self->annotator_name, annotator_name) == 0)
    return;
  g_free (self->annotator_name);
  self->annotator_name = g_strdup (annotator_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR_NAME]);
}

guint
gloss_session_get_autosave_delay (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), 0);
  return self->autosave_delay;
}

/* @seconds: how long after a change the layer is saved; 0 for never. */
void
gloss_session_set_autosave_delay (GlossSession *self,
                                  guint         seconds)
{
  g_return_if_fail (GLOSS_IS_SESSION (self));

  if (self->autosave_delay == seconds)
    return;
  self->autosave_delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

static void
gloss_session_dispose (GObject *object)
{
  GlossSession *self = (GlossSession *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  _gloss_session_unwatch_file (self);
  _gloss_session_unwatch_article (self);
  if (self->watched_set != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_set, self);
  g_clear_object (&self->watched_set);
  g_clear_object (&self->sidecar);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_session_parent_class)->dispose (object);
}

static void
gloss_session_finalize (GObject *object)
{
  GlossSession *self = (GlossSession *)object;

  g_queue_clear_full (&self->saves, g_object_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->broken_file);
  g_free (self->broken_message);
  g_free (self->encoding);
  g_free (self->annotator_id);
  g_free (self->annotator_name);
  g_free (self->coded_on);

  G_OBJECT_CLASS (gloss_session_parent_class)->finalize (object);
}

static void
gloss_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossSession *self = GLOSS_SESSION (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR_ID: g_value_set_string (value, gloss_session_get_annotator_id (self)); break;
    case PROP_ANNOTATOR_NAME: g_value_set_string (value, self->annotator_name); break;
    case PROP_ARTICLE_CHANGED: g_value_set_boolean (value, self->article_changed); break;
    case PROP_ARTICLE_MISSING: g_value_set_boolean (value, self->article_missing); break;
    case PROP_AUTOSAVE_DELAY: g_value_set_uint (value, self->autosave_delay); break;
    case PROP_BROKEN_FILE: g_value_set_object (value, self->broken_file); break;
    case PROP_BROKEN_MESSAGE: g_value_set_string (value, self->broken_message); break;
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_ENCODING: g_value_set_string (value, self->encoding); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_LOADING: g_value_set_boolean (value, self->loading); break;
    case PROP_MODIFIED: g_value_set_boolean (value, gloss_session_get_modified (self)); break;
    case PROP_SAVING: g_value_set_boolean (value, self->saving); break;
    case PROP_SIDECAR: g_value_set_object (value, self->sidecar); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossSession *self = GLOSS_SESSION (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR_ID: gloss_session_set_annotator_id (self, g_value_get_string (value)); break;
    case PROP_ANNOTATOR_NAME: gloss_session_set_annotator_name (self, g_value_get_string (value)); break;
    case PROP_AUTOSAVE_DELAY: gloss_session_set_autosave_delay (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_session_class_init (GlossSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = gloss_session_dispose;
  object_class->finalize = gloss_session_finalize;
  object_class->get_property = gloss_session_get_property;
  object_class->set_property = gloss_session_set_property;

  properties[PROP_ANNOTATOR_ID] = g_param_spec_string ("annotator-id", NULL, NULL, NULL, rw);
  properties[PROP_ANNOTATOR_NAME] = g_param_spec_string ("annotator-name", NULL, NULL, NULL, rw);
  properties[PROP_ARTICLE_CHANGED] = g_param_spec_boolean ("article-changed", NULL, NULL, FALSE, ro);
  properties[PROP_ARTICLE_MISSING] = g_param_spec_boolean ("article-missing", NULL, NULL, FALSE, ro);
  properties[PROP_AUTOSAVE_DELAY] = g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_BROKEN_FILE] = g_param_spec_object ("broken-file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_BROKEN_MESSAGE] = g_param_spec_string ("broken-message", NULL, NULL, NULL, ro);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT, ro);
  properties[PROP_ENCODING] = g_param_spec_string ("encoding", NULL, NULL, NULL, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_SAVING] = g_param_spec_boolean ("saving", NULL, NULL, FALSE, ro);
  properties[PROP_SIDECAR] = g_param_spec_object ("sidecar", NULL, NULL, GLOSS_TYPE_SIDECAR, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, GLOSS_TYPE_SESSION_STATE,
                                              GLOSS_SESSION_EMPTY, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossSession::error:
   * @self: the session
   * @error: what went wrong
   *
   * Something the session did on its own failed: an autosave, or reading
   * the folder's team codebook (the built-in one is used meanwhile).
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
gloss_session_init (GlossSession *self)
{
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->saves);
}
