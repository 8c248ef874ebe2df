/* gloss-suggest.h: rules that propose quotes, speakers, officials, persons,
 * programs and statistics over an article's canonical text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-library.h"
#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossSuggestion:
 * @id: "s1", "s2"… in text order
 * @tag: a tag id of the default codebook ("quote", "official"…)
 * @start: first code point
 * @end: code point after the last
 * @rule: the rule that fired ("zh-quote-after", "en-said"…)
 * @confidence: 0…1
 * @attributes: (element-type utf8 utf8): attribute id → value; a quote's
 *   "speaker" holds the id of another suggestion
 * @entity: (nullable): for a later mention of a person, the id of the
 *   suggestion that first names them (one person, one entity)
 */
typedef struct
{
  char       *id;
  char       *tag;
  guint       start;
  guint       end;
  char       *rule;
  double      confidence;
  GHashTable *attributes;
  char       *entity;
} GlossSuggestion;

#define GLOSS_TYPE_SUGGESTION (gloss_suggestion_get_type ())
GType            gloss_suggestion_get_type (void) G_GNUC_CONST;
GlossSuggestion *gloss_suggestion_copy     (const GlossSuggestion *self);
void             gloss_suggestion_free     (GlossSuggestion       *self);
const char      *gloss_suggestion_get_attribute (const GlossSuggestion *self,
                                                 const char            *id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSuggestion, gloss_suggestion_free)

#define GLOSS_TYPE_SUGGESTER (gloss_suggester_get_type ())
G_DECLARE_FINAL_TYPE (GlossSuggester, gloss_suggester, GLOSS, SUGGESTER, GObject)

GlossSuggester *gloss_suggester_new       (void);
void            gloss_suggester_add_known (GlossSuggester *self,
                                           const char     *tag,
                                           const char     *text,
                                           JsonObject     *attributes);
guint           gloss_suggester_add_known_from_sidecar (GlossSuggester *self,
                                                        const char     *path,
                                                        GError        **error);
guint           gloss_suggester_add_known_from_sidecars (GlossSuggester *self,
                                                         GFile          *article,
                                                         GCancellable   *cancellable);
gboolean        gloss_suggester_add_known_from_index   (GlossSuggester *self,
                                                        GlossLibrary   *library,
                                                        GFile          *article,
                                                        GError        **error);

typedef enum
{
  GLOSS_SUGGEST_CORPUS_INDEX,     /* the library index was current */
  GLOSS_SUGGEST_CORPUS_SIDECARS,  /* it was not: the sidecars were read */
} GlossSuggestCorpusSource;

GlossSuggestCorpusSource
                gloss_suggester_add_known_from_corpus  (GlossSuggester *self,
                                                        const char     *database,
                                                        GFile          *article,
                                                        GCancellable   *cancellable);
GPtrArray      *gloss_suggester_run       (GlossSuggester *self,
                                           const char     *text);
GPtrArray      *gloss_suggester_run_cancellable (GlossSuggester *self,
                                                const char     *text,
                                                GCancellable   *cancellable,
                                                GError        **error);

G_END_DECLS
