/* gloss-session-private.h: the session's fields, for GlossSession's sibling
 * files only (gloss-session-import.c, -switch.c, -sync.c…)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-anchor.h"
#include "gloss-session.h"

G_BEGIN_DECLS

struct _GlossSession
{
  GObject             parent_instance;

  GFile              *file;
  GlossDocument      *document;
  GlossSidecar       *sidecar;
  GFile              *broken_file;
  char               *broken_message;
  char               *encoding;
  char               *annotator_id;
  char               *annotator_name;
  guint               autosave_delay;
  GlossSessionState   state;
  char               *coded_on;   /* document.sha256 of the layer as read */
  GlossAnchorReport   report;     /* how the layer was placed on the article */

  GCancellable       *cancellable;
  GFileMonitor       *monitor;
  GlossAnnotationSet *watched_set;
  guint               autosave_id;
  GQueue              saves;      /* GTasks waiting for the save in flight */

  guint               loading : 1;
  guint               saving : 1;
  guint               save_again : 1;
  guint               layer_gone : 1;   /* the user's file deleted since read or written */

  /* The article's own file changing on disk (gloss-session-article.c). */
  GFileMonitor       *article_monitor;
  GCancellable       *article_check;    /* the comparison in flight */
  guint               article_check_id; /* the debounce */
  guint               article_changed : 1;
  guint               article_missing : 1;
};

void _gloss_session_watch_article   (GlossSession *self,
                                     gboolean      compare);
void _gloss_session_unwatch_article (GlossSession *self);
void _gloss_session_set_sidecar     (GlossSession *self,
                                     GlossSidecar *sidecar);

/* gloss-session.c: the states the save path changes too. */
void _gloss_session_set_state       (GlossSession      *self,
                                     GlossSessionState  state);
void _gloss_session_set_broken      (GlossSession *self,
                                     GFile        *file,
                                     const char   *message);
void _gloss_session_set_layer_gone  (GlossSession *self,
                                     gboolean      gone);
void _gloss_session_watch_file      (GlossSession *self);
void _gloss_session_unwatch_file    (GlossSession *self);
void _gloss_session_emit_error      (GlossSession *self,
                                     const GError *error);

/* gloss-session-save.c */
void _gloss_session_schedule_autosave (GlossSession *self);

G_END_DECLS
