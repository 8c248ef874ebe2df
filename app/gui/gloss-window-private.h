/* gloss-window-private.h: the window's parts, for tests and the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-article-view.h"
#include "gloss-sidebar.h"
#include "gloss-window.h"

G_BEGIN_DECLS

GlossArticleView *_gloss_window_get_article_view (GlossWindow *self);
GlossSidebar     *_gloss_window_get_sidebar      (GlossWindow *self);
gboolean          _gloss_window_get_conflict     (GlossWindow *self);
gboolean          _gloss_window_get_broken       (GlossWindow *self);
gboolean          _gloss_window_is_saving        (GlossWindow *self);
void              _gloss_window_check_disk       (GlossWindow *self);
GtkWidget        *_gloss_window_get_article_header (GlossWindow *self);
void              _gloss_window_import           (GlossWindow *self,
                                                  GFile       *file);

G_END_DECLS
