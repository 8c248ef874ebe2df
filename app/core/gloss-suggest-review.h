/* gloss-suggest-review.h: accepting and rejecting suggestions, remembering
 * the rejections, and the project's settings for suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-suggest.h"
#include "gloss-types.h"

G_BEGIN_DECLS

/* The sidecar member that remembers rejected suggestions. */
#define GLOSS_SUGGEST_SIDECAR_MEMBER "suggestions"
/* The team codebook's member with the project's settings. */
#define GLOSS_SUGGEST_PROJECT_MEMBER "suggestions"

GPtrArray       *gloss_suggest_pending        (GPtrArray       *suggestions,
                                               GlossSidecar    *sidecar,
                                               const char      *text);
GPtrArray       *gloss_suggest_pending_update (GPtrArray       *suggestions,
                                               GPtrArray       *pending,
                                               GlossSidecar    *sidecar,
                                               GlossDocument   *document,
                                               guint            start,
                                               guint            end);
GlossSuggestion *gloss_suggest_lookup         (GPtrArray       *suggestions,
                                               const char      *id);
GlossAnnotation *gloss_suggest_accept         (GlossSidecar    *sidecar,
                                               GPtrArray       *suggestions,
                                               GlossSuggestion *suggestion);
void             gloss_suggest_reject         (GlossSidecar    *sidecar,
                                               GlossSuggestion *suggestion,
                                               const char      *text);
gboolean         gloss_suggest_is_rejected    (GlossSidecar    *sidecar,
                                               GlossSuggestion *suggestion,
                                               const char      *text);

typedef struct
{
  gboolean enabled;        /* suggestions shown at all in this project */
  double   hidden_share;   /* 0…1: share of articles shown without them */
  char    *seed;           /* makes the random share reproducible */
} GlossSuggestSettings;

void             gloss_suggest_settings_clear (GlossSuggestSettings *settings);
gboolean         gloss_suggest_settings_load  (GFile                *article,
                                               GlossSuggestSettings *settings,
                                               GError              **error);
gboolean         gloss_suggest_shown_for      (const GlossSuggestSettings *settings,
                                               const char                 *article_sha256);

G_END_DECLS
