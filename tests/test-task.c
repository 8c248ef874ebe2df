/* test-task.c: a threaded task's source object is let go of on the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "gloss-task.h"

/* On GLib 2.74 a plain g_task_run_in_thread() finalized the source object
 * in the worker about one time in a hundred (4 to 45 in 2 000 on this
 * machine; it failed five runs in six at 3 000 rounds): 10 000 rounds make
 * a regression all but certain to show. */
#define ROUNDS 10000

typedef struct
{
  GThread   *main_thread;
  GMainLoop *loop;
  guint      finalized;
  guint      in_worker;   /* atomic */
  guint      ran;
} Count;

static void
source_finalized_cb (gpointer  user_data,
                     GObject  *where_the_object_was)
{
  Count *count = user_data;

  if (g_thread_self () != count->main_thread)
    g_atomic_int_inc (&count->in_worker);
  g_atomic_int_inc (&count->finalized);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_int (task, 7);
}

/* Drops the caller's reference, as a dialog closing itself in its
 * callback does: the task is then the only one left holding it. */
static void
done_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Count *count = user_data;

  g_assert_cmpint (g_task_propagate_int (G_TASK (result), NULL), ==, 7);
  count->ran++;
  g_object_unref (source_object);
  g_main_loop_quit (count->loop);
}

static gboolean
all_finalized (gpointer user_data)
{
  Count *count = user_data;

  return g_atomic_int_get (&count->finalized) == ROUNDS;
}

static void
test_source_released_on_main_thread (void)
{
  Count count = { g_thread_self (), g_main_loop_new (NULL, FALSE), 0, 0, 0 };
  gint64 deadline;

  for (guint i = 0; i < ROUNDS; i++)
    {
      GObject *source_object = g_object_new (G_TYPE_OBJECT, NULL);
      g_autoptr(GTask) task = g_task_new (source_object, NULL, done_cb, &count);

      g_object_weak_ref (source_object, source_finalized_cb, &count);
      gloss_task_run_in_thread (task, work_thread);
      g_clear_object (&task);
      g_main_loop_run (count.loop);
    }

  /* The last sources are let go of from idles; the workers' last
   * references may come a little after the callbacks. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!all_finalized (&count) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (count.ran, ==, ROUNDS);
  g_assert_cmpuint (g_atomic_int_get (&count.finalized), ==, ROUNDS);
  g_assert_cmpuint (g_atomic_int_get (&count.in_worker), ==, 0);
  g_main_loop_unref (count.loop);
}

/* No source object: the task runs and calls back as g_task_run_in_thread()'s. */
static void
no_source_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Count *count = user_data;

  g_assert_null (source_object);
  g_assert_cmpint (g_task_propagate_int (G_TASK (result), NULL), ==, 7);
  count->ran++;
  g_main_loop_quit (count->loop);
}

static void
test_without_source (void)
{
  Count count = { g_thread_self (), g_main_loop_new (NULL, FALSE), 0, 0, 0 };
  g_autoptr(GTask) task = g_task_new (NULL, NULL, no_source_done_cb, &count);

  gloss_task_run_in_thread (task, work_thread);
  g_clear_object (&task);
  g_main_loop_run (count.loop);
  g_assert_cmpuint (count.ran, ==, 1);
  g_main_loop_unref (count.loop);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/task/source-released-on-main-thread", test_source_released_on_main_thread);
  g_test_add_func ("/task/without-source", test_without_source);

  return g_test_run ();
}
