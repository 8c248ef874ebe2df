/* gloss-locale.h: the user's language, even where its locale is missing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void gloss_locale_init (void);

G_END_DECLS
