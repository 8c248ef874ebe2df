/* gloss-suggest-project.h: switching suggestions on or off for a project
 * (the team codebook beside the articles)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean gloss_suggest_project_has_codebook (GFile     *article);
gboolean gloss_suggest_project_set_enabled  (GFile     *article,
                                             gboolean   enabled,
                                             GError   **error);

G_END_DECLS
