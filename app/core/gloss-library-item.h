/* gloss-library-item.h: one article of the library, as a list model item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY_ITEM (gloss_library_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibraryItem, gloss_library_item, GLOSS, LIBRARY_ITEM, GObject)

GlossLibraryItem          *gloss_library_item_new         (GlossLibraryArticle *article);
const GlossLibraryArticle *gloss_library_item_get_article (GlossLibraryItem    *self);
GFile                     *gloss_library_item_get_file    (GlossLibraryItem    *self);
GlossLibraryState          gloss_library_item_get_state   (GlossLibraryItem    *self);
guint                      gloss_library_item_get_hits    (GlossLibraryItem    *self);
/* @match: Pango markup of the first hit's snippet, or NULL. */
void                       gloss_library_item_set_match   (GlossLibraryItem    *self,
                                                           guint                hits,
                                                           const char          *match);

G_END_DECLS
