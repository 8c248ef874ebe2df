/* gloss-window-private.h: the window's parts, shared by gloss-window.c and
 * gloss-window-actions.c, and reached by tests and the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-article-header.h"
#include "gloss-article-view.h"
#include "gloss-library-hit-item.h"
#include "gloss-library-page.h"
#include "gloss-review-panel.h"
#include "gloss-session.h"
#include "gloss-sidebar.h"
#include "gloss-version-view.h"
#include "gloss-suggestion-layer.h"
#include "gloss-window.h"

G_BEGIN_DECLS

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GlossArticleHeader   *article_header;
  GlossArticleView     *article_view;
  GtkRevealer          *conflict_bar;
  GtkLabel             *conflict_label;
  GtkRevealer          *error_bar;
  GtkLabel             *error_label;
  GtkSearchEntry       *find_entry;
  GtkLabel             *find_label;
  AdwFlap              *flap;
  AdwSplitButton       *open_button;
  GtkMenuButton        *primary_menu_button;
  GtkSearchBar         *search_bar;
  AdwViewStack         *side_stack;
  GlossSidebar         *sidebar;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  /* The Library, a page of the window (gloss-window-library.c). */
  GtkStack             *main_stack;
  AdwBin               *library_bin;
  GlossLibraryPage     *library_page;  /* NULL until the Library is first shown */
  GFile                *library_pending;  /* to open once the save is done */
  GlossLibraryHitItem  *library_match;    /* to go to once its article is open */

  /* One open article: the window shows what the session holds. */
  GlossSession         *session;
  GSignalGroup         *set_signals;  /* the annotation set of the session's sidecar */
  GlossSidecar         *shown;        /* the sidecar the views were given */

  GSettings            *settings;
  GtkCssProvider       *font_css;
  GCancellable         *cancellable;
  GMenu                *recent_menu;
  char                 *pick_attribute;
  GlossAnnotation      *pick_target;

  /* The sidebar follows the article one frame behind. */
  GdkFrameClock        *frame_clock;
  gulong                after_paint_id;
  guint                 sync_idle_id;
  guint                 codebook_idle_id;
  guint                 reading_id;
  GlossCodebook        *watched_codebook;
  guint                 sidebar_model_pending : 1;
  guint                 sidebar_selection_pending : 1;
  guint                 review_pending : 1;
  guint                 trim_pending : 1;
  guint                 suggest_pending : 1;
  guint                 reading_notice : 1;

  /* gloss-window-versions.c: the article's kept versions, What Changed. */
  GPtrArray            *versions;
  GtkWindow            *version_window;
  GCancellable         *version_lookup;  /* an older text being read to compare with */
  GlossDocument        *keep_pending;    /* to keep once the window has drawn it */

  guint                 closing : 1;
  guint                 reload_from_broken : 1;
  guint                 annotator_asked : 1;

  /* Autosave of the changes made before anyone said who annotates. */
  guint                 annotator_autosave_id;
  /* The article changed on disk (gloss-window-article.c). */
  GtkRevealer          *article_bar;
  /* The article deleted or moved away (gloss-window-article.c). */
  GtkRevealer          *article_gone_bar;
  GtkLabel             *article_gone_label;
  /* The colleagues' layers, and the Review page (gloss-window-review.c). */
  GlossReviewSession   *review_session;
  AdwBin               *review_bin;
  GlossReviewPanel     *review_panel;  /* NULL until the Review page is first shown */
  /* Suggestions (gloss-window-suggest.c). */
  GlossSuggestionLayer *suggestions;
  GCancellable         *suggest_cancellable;
  GtkWidget            *suggestion_list;
};

/* gloss-window-actions.c: every win.* action and their enabled states. */
void              _gloss_window_class_add_actions (GtkWidgetClass *widget_class);
void              _gloss_window_update_actions    (GlossWindow    *self);

/* First-day help (gloss-window-actions.c): who annotates, page clutter, pick mode. */
void              _gloss_window_ask_annotator     (GlossWindow    *self);
void              _gloss_window_annotator_changed (GlossWindow    *self);
gboolean          _gloss_window_autosave_delay    (GValue         *value,
                                                   GVariant       *variant,
                                                   gpointer        user_data);
void              _gloss_window_offer_trim        (GlossWindow    *self);
const char       *_gloss_window_pick_tag          (GlossWindow    *self);

/* Kept versions and the review of re-anchored annotations (gloss-window-versions.c). */
void              _gloss_window_versions_class_init   (GtkWidgetClass *widget_class);
void              _gloss_window_versions_keep         (GlossWindow    *self,
                                                       GlossDocument  *document);
void              _gloss_window_versions_keep_pending (GlossWindow    *self);
void              _gloss_window_versions_sidecar_shown (GlossWindow   *self);
void              _gloss_window_versions_dispose      (GlossWindow    *self);
GlossVersionView *_gloss_window_get_version_view      (GlossWindow    *self);

/* Feedback, for both halves of the window. */
void              _gloss_window_toast             (GlossWindow    *self,
                                                   const char     *message,
                                                   const char     *button,
                                                   const char     *action);
void              _gloss_window_show_error        (GlossWindow    *self,
                                                   const char     *message);
gboolean          _gloss_window_close_request     (GtkWindow      *window);
void              _gloss_window_save              (GlossWindow    *self,
                                                   GFile          *file,
                                                   GlossSessionSaveFlags flags,
                                                   gboolean        manual);

/* gloss-window-library.c: the Library as the window's other page. */
void              _gloss_window_library_class_init (GtkWidgetClass *widget_class);
void              _gloss_window_library_init      (GlossWindow    *self);
void              _gloss_window_show_library      (GlossWindow    *self,
                                                   gboolean        show);
void              _gloss_window_toggle_library    (GlossWindow    *self);
void              _gloss_window_open_from_library (GlossWindow    *self,
                                                   GFile          *file,
                                                   gboolean        new_window);
GlossLibraryPage *_gloss_window_get_library_page  (GlossWindow    *self);
gboolean          _gloss_window_get_library_shown (GlossWindow    *self);
gboolean          _gloss_window_get_library_built (GlossWindow    *self);
/* The article changed on disk (gloss-window-article.c; the reload is
 * gloss-window-library.c's opening here). */
void              _gloss_window_article_class_init (GtkWidgetClass *widget_class);
void              _gloss_window_article_init      (GlossWindow    *self);
void              _gloss_window_reload_article    (GlossWindow    *self);
void              _gloss_window_save_article_to   (GlossWindow    *self,
                                                   GFile          *file);
void              _gloss_window_locate_article    (GlossWindow    *self,
                                                   GFile          *file);
/* The colleagues' layers and the Review page (gloss-window-review.c). */
void              _gloss_window_review_class_init (GtkWidgetClass *widget_class);
void              _gloss_window_review_init       (GlossWindow    *self);
void              _gloss_window_review_dispose    (GlossWindow    *self);
void              _gloss_window_review_set_own    (GlossWindow    *self,
                                                   GFile          *article,
                                                   GlossDocument  *document,
                                                   GlossSidecar   *own);
GlossReviewPanel *_gloss_window_get_review_panel  (GlossWindow    *self);
gboolean          _gloss_window_get_review_built  (GlossWindow    *self);
GlossReviewSession *_gloss_window_get_review_session (GlossWindow *self);
/* Suggestions (gloss-window-suggest.c). */
void              _gloss_window_suggest_init      (GlossWindow *self);
void              _gloss_window_suggest_load      (GlossWindow *self);
void              _gloss_window_suggest_forget    (GlossWindow *self);
void              _gloss_window_suggest_dispose   (GlossWindow *self);
GlossSuggestionLayer *_gloss_window_get_suggestions (GlossWindow *self);
GtkWidget        *_gloss_window_get_suggestion_list (GlossWindow *self);

/* For tests and the benchmark. */
GlossArticleView *_gloss_window_get_article_view  (GlossWindow *self);
GlossSidebar     *_gloss_window_get_sidebar       (GlossWindow *self);
gboolean          _gloss_window_get_conflict      (GlossWindow *self);
gboolean          _gloss_window_get_broken        (GlossWindow *self);
gboolean          _gloss_window_is_saving         (GlossWindow *self);
void              _gloss_window_check_disk        (GlossWindow *self);
GtkWidget        *_gloss_window_get_article_header (GlossWindow *self);
void              _gloss_window_import            (GlossWindow *self,
                                                   GFile       *file);

G_END_DECLS
