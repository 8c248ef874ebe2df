/* gloss-document-private.h: what tests may know of documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

/* How many documents were built from text (one per parse of an article). */
guint _gloss_document_get_n_created (void);

G_END_DECLS
