/* gloss-codebook-folder.h: a team's shared codebook beside the articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-codebook.h"

G_BEGIN_DECLS

#define GLOSS_CODEBOOK_FOLDER_FILE_NAME "gloss-codebook.json"

GFile         *gloss_codebook_folder_file       (GFile   *article);
GlossCodebook *gloss_codebook_find_for_article  (GFile   *article,
                                                 GError **error);

G_END_DECLS
