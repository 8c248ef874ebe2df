/* gloss-article-print.h: printing an article with its highlights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

GtkPrintOperationResult gloss_article_print (GtkWindow          *parent,
                                             GlossDocument      *document,
                                             GlossAnnotationSet *annotations,
                                             GlossCodebook      *codebook,
                                             const char         *export_pdf,
                                             int                *n_pages,
                                             GError            **error);

G_END_DECLS
