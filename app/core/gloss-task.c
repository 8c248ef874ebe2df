/* gloss-task.c: running a GTask in a worker thread, its source object let go on its own thread
 *
 * A GTask run in a thread is held by the worker until its function has
 * returned and by the idle source that calls back in the task's main
 * context.  Whichever lets go last finalizes the task, and the task lets go
 * of its source object.  On GLib 2.74 the worker is last about one time in
 * a hundred (the main context ran the callback first), and when nothing
 * else held the source object (a dialog closed by its own callback) it is
 * finalized in the worker: a widget finalized off the main thread crashes,
 * and so may any object with signal handlers or sources in that context.
 *
 * gloss_task_run_in_thread() holds the source object as long as the task
 * lives and lets go of it from an idle source in the task's main context,
 * so the last reference is always dropped there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-task.h"

typedef struct
{
  GObject      *source_object;
  GMainContext *context;
} Held;

static gboolean
release_cb (gpointer user_data)
{
  Held *held = user_data;

  g_object_unref (held->source_object);
  g_main_context_unref (held->context);
  g_free (held);

  return G_SOURCE_REMOVE;
}

/* Called in whichever thread finalizes the task, when its data is cleared:
 * after the task has let go of its own reference to the source object (a
 * weak reference would be told before, in dispose, and the main thread could
 * let go of ours in between).  An idle source, not g_main_context_invoke():
 * that runs at once in a worker that happens to acquire the context while
 * the main thread is between iterations. */
static void
task_finalized_cb (gpointer user_data)
{
  Held *held = user_data;
  GSource *source = g_idle_source_new ();

  g_source_set_name (source, "[gloss] release a task's source object");
  g_source_set_callback (source, release_cb, held, NULL);
  g_source_attach (source, held->context);
  g_source_unref (source);
}

/**
 * gloss_task_run_in_thread:
 * @task: a #GTask
 * @task_func: the function to run in a worker thread
 *
 * Runs @task_func as g_task_run_in_thread() does, and makes sure the task's
 * source object, if it has one, is let go of in the task's main context and
 * never finalized in the worker thread.  Every threaded task of Gloss
 * starts here.
 */
void
gloss_task_run_in_thread (GTask           *task,
                          GTaskThreadFunc  task_func)
{
  GObject *source_object;

  g_return_if_fail (G_IS_TASK (task));

  source_object = g_task_get_source_object (task);
  if (source_object != NULL)
    {
      Held *held = g_new0 (Held, 1);
      GMainContext *context = g_task_get_context (task);

      held->source_object = g_object_ref (source_object);
      held->context = g_main_context_ref (context != NULL ? context : g_main_context_default ());
      g_object_set_data_full (G_OBJECT (task), "gloss-task-held", held, task_finalized_cb);
    }

  g_task_run_in_thread (task, task_func);
}
