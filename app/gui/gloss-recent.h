/* gloss-recent.h: the articles opened last
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void gloss_note_opened (GSettings *settings,
                        GFile     *file);

G_END_DECLS
