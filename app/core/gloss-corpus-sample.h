/* gloss-corpus-sample.h: a seeded, reproducible sample of articles to double-code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

guint      gloss_corpus_sample_count_for_percent (guint               n_articles,
                                                  double              percent);
GPtrArray *gloss_corpus_sample_choose            (const char * const *paths,
                                                  guint               count,
                                                  guint32             seed);
char      *gloss_corpus_sample_to_text           (GPtrArray          *sample,
                                                  guint32             seed,
                                                  guint               n_articles,
                                                  GDateTime          *date);
gboolean   gloss_corpus_sample_write             (GFile              *file,
                                                  GPtrArray          *sample,
                                                  guint32             seed,
                                                  guint               n_articles,
                                                  GCancellable       *cancellable,
                                                  GError            **error);

G_END_DECLS
