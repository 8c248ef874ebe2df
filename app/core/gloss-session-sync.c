/* gloss-session-sync.c: a session's opening and saving, waited for
 *
 * gloss-cli opens an article and its user's layer and saves that layer
 * through the same GlossSession as the window, so that the rules (a layer
 * that could not be read is never written over, a file changed on disk
 * is not either, a save is whole or nothing) are one code.  It has no main
 * loop: these run the asynchronous calls in a context of their own and
 * iterate it until they are done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-session.h"

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

/* Every source the call creates (its GTasks, the file monitor) belongs to
 * @context, which is the thread's default while it runs: nothing waits on
 * a main loop that is not there. */
static GAsyncResult *
wait_for (GMainContext *context,
          Wait         *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (context, TRUE);
  return wait->result;
}

/**
 * gloss_session_open_sync:
 * @self: a #GlossSession with nothing open
 * @file: the article's file
 * @document: (nullable): the article already read from @file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * gloss_session_open_async(), waited for.  Call it and
 * gloss_session_save_sync() from the same thread, one at a time.
 *
 * Returns: %TRUE when the article is open (the layer may be BROKEN)
 */
gboolean
gloss_session_open_sync (GlossSession   *self,
                         GFile          *file,
                         GlossDocument  *document,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { NULL };

  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);

  g_main_context_push_thread_default (context);
  gloss_session_open_async (self, file, document, cancellable, done_cb, &wait);
  result = wait_for (context, &wait);
  g_main_context_pop_thread_default (context);

  return gloss_session_open_finish (self, result, error);
}

/**
 * gloss_session_open_layer_sync:
 * @self: a #GlossSession with nothing open
 * @file: (nullable): the article's file, or %NULL for the one @layer names
 * @document: (nullable): the article already read from @file
 * @layer: the annotations file to open as the layer
 * @previous: (nullable): the text @layer was annotated on
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * gloss_session_open_layer_async(), waited for.
 *
 * Returns: %TRUE when the article is open (the layer may be BROKEN)
 */
gboolean
gloss_session_open_layer_sync (GlossSession   *self,
                               GFile          *file,
                               GlossDocument  *document,
                               GFile          *layer,
                               GlossDocument  *previous,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { NULL };

  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);

  g_main_context_push_thread_default (context);
  gloss_session_open_layer_async (self, file, document, layer, previous, cancellable, done_cb, &wait);
  result = wait_for (context, &wait);
  g_main_context_pop_thread_default (context);

  return gloss_session_open_layer_finish (self, result, error);
}

/**
 * gloss_session_save_sync:
 * @self: a #GlossSession
 * @file: (nullable): where to save, or %NULL for the user's file
 * @flags: as for gloss_session_save_async()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * gloss_session_save_async(), waited for.
 *
 * Returns: %TRUE when the layer was written
 */
gboolean
gloss_session_save_sync (GlossSession           *self,
                         GFile                  *file,
                         GlossSessionSaveFlags   flags,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { NULL };

  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);

  g_main_context_push_thread_default (context);
  gloss_session_save_async (self, file, flags, cancellable, done_cb, &wait);
  result = wait_for (context, &wait);
  g_main_context_pop_thread_default (context);

  return gloss_session_save_finish (self, result, error);
}
