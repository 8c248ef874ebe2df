/* gloss-library-hit-item.h: one retrieved annotation, as a list model item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY_HIT_ITEM (gloss_library_hit_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibraryHitItem, gloss_library_hit_item, GLOSS, LIBRARY_HIT_ITEM, GObject)

GlossLibraryHitItem   *gloss_library_hit_item_new     (GlossLibraryHit     *hit);
const GlossLibraryHit *gloss_library_hit_item_get_hit (GlossLibraryHitItem *self);

G_END_DECLS
