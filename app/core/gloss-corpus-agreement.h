/* gloss-corpus-agreement.h: agreement pooled over every double-coded article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-agreement.h"

G_BEGIN_DECLS

typedef struct
{
  char           *path;
  guint           length;      /* code points */
  GlossAgreement *agreement;   /* computed, this article alone */
} GlossCorpusArticleAgreement;

void            gloss_corpus_article_agreement_free (GlossCorpusArticleAgreement *article);

GlossAgreement *gloss_corpus_agreement_pool         (GPtrArray          *articles,
                                                     const char * const *maps,
                                                     GPtrArray         **per_article,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

G_END_DECLS
