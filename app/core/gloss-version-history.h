/* gloss-version-history.h: which versions of an article were kept, and which articles changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * GlossVersionInfo:
 * @sha256: the kept text's SHA-256
 * @length: its length in code points
 * @retrieved: (nullable): when the page was retrieved, as the page said
 * @read: (nullable): when Gloss first read this text (ISO 8601, UTC)
 * @last_read: (nullable): when Gloss last read it
 * @url: (nullable): where it was fetched from
 *
 * One kept text of an article (gloss-version-store.c).
 */
typedef struct
{
  char  *sha256;
  guint  length;
  char  *retrieved;
  char  *read;
  char  *last_read;
  char  *url;
} GlossVersionInfo;

void       gloss_version_info_free           (GlossVersionInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossVersionInfo, gloss_version_info_free)

/**
 * GlossChangedArticle:
 * @article: the article file
 * @versions: (element-type GlossVersionInfo): its kept texts, oldest first
 *
 * An article of which more than one text was kept: it was re-fetched, or
 * re-extracted, and came out different (a correction, a stealth edit).
 */
typedef struct
{
  GFile     *article;
  GPtrArray *versions;
} GlossChangedArticle;

void       gloss_changed_article_free        (GlossChangedArticle *changed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossChangedArticle, gloss_changed_article_free)

/**
 * GlossChangeKind:
 * @GLOSS_CHANGE_READ_AGAIN: no two of its texts come from two fetches of one
 *   address: the file was edited, or read again in another encoding, or
 *   extracted differently
 * @GLOSS_CHANGE_REFETCHED: two fetches of the same address, at different
 *   times, gave different texts: the page changed (a correction, a stealth edit)
 *
 * How an article came to have more than one kept text.
 */
typedef enum
{
  GLOSS_CHANGE_READ_AGAIN,
  GLOSS_CHANGE_REFETCHED,
} GlossChangeKind;

GlossChangeKind gloss_changed_article_get_kind (const GlossChangedArticle *changed);

GPtrArray *gloss_version_history_list        (GFile                *article);
GPtrArray *gloss_version_history_changed     (GFile                *folder,
                                              GCancellable         *cancellable,
                                              GError              **error);
void       gloss_version_history_changed_async  (GFile                *folder,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray *gloss_version_history_changed_finish (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
