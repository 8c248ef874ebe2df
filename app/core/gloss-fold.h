/* gloss-fold.h: one form of every character, for searching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bumped whenever the folding changes: an index folded otherwise is stale. */
#define GLOSS_FOLD_VERSION 1

gunichar  gloss_fold_char (gunichar    c);
char     *gloss_fold      (const char *text,
                           gssize      length);

G_END_DECLS
