/* gloss-resources.h: the core's compiled-in resources (lexicons, the
 * default codebook, the sidecar schema, the sample article)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void gloss_resources_ensure (void);

G_END_DECLS
