/* gloss-task.h: running a GTask in a worker thread, its source object let go on its own thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void gloss_task_run_in_thread (GTask           *task,
                               GTaskThreadFunc  task_func);

G_END_DECLS
