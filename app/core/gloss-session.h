/* gloss-session.h: one open article and everything that happens to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-anchor.h"
#include "gloss-types.h"

G_BEGIN_DECLS

/* What the user's own annotations file is doing; one state at a time, so a
 * window shows one banner and every button in it has something to do. */
typedef enum
{
  GLOSS_SESSION_EMPTY,      /* nothing open yet */
  GLOSS_SESSION_LOADING,    /* the article or the user's layer is being read */
  GLOSS_SESSION_READY,      /* annotating; saves go to the user's file */
  GLOSS_SESSION_CONFLICT,   /* the file changed on disk: Reload or Keep Mine */
  GLOSS_SESSION_BROKEN,     /* the file could not be read: never written over */
  GLOSS_SESSION_CLOSED,     /* saved for the last time, or closed */
} GlossSessionState;

typedef enum
{
  GLOSS_SESSION_SAVE_NONE      = 0,
  /* Write even when the file on disk is not the one read (Keep Mine, Save As). */
  GLOSS_SESSION_SAVE_OVERWRITE = 1 << 0,
  /* Close the session once the save succeeded. */
  GLOSS_SESSION_SAVE_CLOSE     = 1 << 1,
} GlossSessionSaveFlags;

#define GLOSS_TYPE_SESSION (gloss_session_get_type ())
G_DECLARE_FINAL_TYPE (GlossSession, gloss_session, GLOSS, SESSION, GObject)

GlossSession      *gloss_session_new                 (void);

void               gloss_session_open_async          (GlossSession          *self,
                                                      GFile                 *file,
                                                      GlossDocument         *document,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean           gloss_session_open_finish         (GlossSession          *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);
void               gloss_session_open_layer_async    (GlossSession          *self,
                                                      GFile                 *file,
                                                      GlossDocument         *document,
                                                      GFile                 *layer,
                                                      GlossDocument         *previous,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean           gloss_session_open_layer_finish   (GlossSession          *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);
void               gloss_session_reload_async        (GlossSession          *self,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean           gloss_session_reload_finish       (GlossSession          *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);
void               gloss_session_reopen_async        (GlossSession          *self,
                                                      const char            *encoding,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean           gloss_session_reopen_finish       (GlossSession          *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);
void               gloss_session_save_async          (GlossSession          *self,
                                                      GFile                 *file,
                                                      GlossSessionSaveFlags  flags,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean           gloss_session_save_finish         (GlossSession          *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);
void               gloss_session_import_async        (GlossSession          *self,
                                                      GFile                 *file,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean           gloss_session_import_finish       (GlossSession          *self,
                                                      GAsyncResult          *result,
                                                      guint                 *added,
                                                      guint                 *skipped,
                                                      GError               **error);
/* For batch tools without a main loop (gloss-cli): the same opening and
 * saving, waited for (gloss-session-sync.c). */
gboolean           gloss_session_open_sync           (GlossSession          *self,
                                                      GFile                 *file,
                                                      GlossDocument         *document,
                                                      GCancellable          *cancellable,
                                                      GError               **error);
gboolean           gloss_session_open_layer_sync     (GlossSession          *self,
                                                      GFile                 *file,
                                                      GlossDocument         *document,
                                                      GFile                 *layer,
                                                      GlossDocument         *previous,
                                                      GCancellable          *cancellable,
                                                      GError               **error);
gboolean           gloss_session_save_sync           (GlossSession          *self,
                                                      GFile                 *file,
                                                      GlossSessionSaveFlags  flags,
                                                      GCancellable          *cancellable,
                                                      GError               **error);
/* gloss-session-import.c */
gboolean           gloss_session_replace_layer       (GlossSession          *self,
                                                      GlossSidecar          *layer,
                                                      GError               **error);
void               gloss_session_check_disk          (GlossSession          *self);
void               gloss_session_close               (GlossSession          *self);
/* gloss-session-done.c */
gboolean           gloss_session_get_done            (GlossSession          *self);
gboolean           gloss_session_set_done            (GlossSession          *self,
                                                      gboolean               done);
/* gloss-session-article.c */
gboolean           gloss_session_get_article_changed (GlossSession          *self);
gboolean           gloss_session_get_article_missing (GlossSession          *self);
void               gloss_session_check_article       (GlossSession          *self);
void               gloss_session_save_article_async  (GlossSession          *self,
                                                      GFile                 *file,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean           gloss_session_save_article_finish (GlossSession          *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);
/* gloss-session-switch.c */
gboolean           gloss_session_reset               (GlossSession          *self,
                                                      GError               **error);

GlossSessionState  gloss_session_get_state           (GlossSession          *self);
GFile             *gloss_session_get_file            (GlossSession          *self);
GlossDocument     *gloss_session_get_document        (GlossSession          *self);
GlossSidecar      *gloss_session_get_sidecar         (GlossSession          *self);
GFile             *gloss_session_get_broken_file     (GlossSession          *self);
const char        *gloss_session_get_broken_message  (GlossSession          *self);
gboolean           gloss_session_get_loading         (GlossSession          *self);
gboolean           gloss_session_get_saving          (GlossSession          *self);
gboolean           gloss_session_get_modified        (GlossSession          *self);
gboolean           gloss_session_get_can_save        (GlossSession          *self);
const char        *gloss_session_get_encoding        (GlossSession          *self);
const GlossAnchorReport *
                   gloss_session_get_anchor_report   (GlossSession          *self);
const char        *gloss_session_get_coded_on        (GlossSession          *self);
const char        *gloss_session_get_annotator_id    (GlossSession          *self);
void               gloss_session_set_annotator_id    (GlossSession          *self,
                                                      const char            *annotator_id);
const char        *gloss_session_get_annotator_name  (GlossSession          *self);
void               gloss_session_set_annotator_name  (GlossSession          *self,
                                                      const char            *annotator_name);
guint              gloss_session_get_autosave_delay  (GlossSession          *self);
void               gloss_session_set_autosave_delay  (GlossSession          *self,
                                                      guint                  seconds);

G_END_DECLS
