/* gloss-window-versions.c: the window's part in keeping versions and reviewing re-anchored annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text read for annotating is kept (gloss-version-store.c); when it
 * could not be, the user is told, naming the folder: a text that is not kept
 * cannot be re-anchored through a diff later.
 *
 * When the user's annotations were coded on an older text, attaching them to
 * the article re-anchors them through the diff of the two
 * (gloss_sidecar_attach_version()).  Exact and moved ones are placed without
 * a word; if any is fuzzy, cut or orphaned, What Changed opens with them
 * queued for review, old and new text side by side.  What Changed is also
 * there whenever an older version of the article is kept (win.what-changed,
 * Ctrl+Shift+H).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-task.h"
#include "gloss-version-history.h"
#include "gloss-version-store.h"
#include "gloss-version-window.h"
#include "gloss-window-private.h"

typedef struct
{
  GlossDocument *document;
  GFile         *article;
  GError        *keep_error;
  GPtrArray     *versions;
  GWeakRef       window;       /* a window closed meanwhile is not held */
} KeepData;

static void
keep_data_free (KeepData *data)
{
  g_clear_object (&data->document);
  g_clear_object (&data->article);
  g_clear_error (&data->keep_error);
  g_clear_pointer (&data->versions, g_ptr_array_unref);
  g_weak_ref_clear (&data->window);
  g_free (data);
}

static guint
needs_review (GlossAnnotationSet *set)
{
  guint n = set ? gloss_annotation_set_get_size (set) : 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      GlossAnchorStatus status = gloss_annotation_get_anchor_status (gloss_annotation_set_get_nth (set, i));

      if (status == GLOSS_ANCHOR_FUZZY || status == GLOSS_ANCHOR_CUT || status == GLOSS_ANCHOR_ORPHANED)
        count++;
    }
  return count;
}

/* An older version to compare with: the one the annotations were re-anchored
 * from, else the newest kept one that is not the text now. */
static const char *
older_version (GlossWindow *self)
{
  GlossDocument *document = gloss_session_get_document (self->session);
  const char *now = document ? gloss_document_get_sha256 (document) : NULL;

  for (guint i = self->versions ? self->versions->len : 0; i > 0; i--)
    {
      GlossVersionInfo *info = g_ptr_array_index (self->versions, i - 1);

      if (g_strcmp0 (info->sha256, now) != 0)
        return info->sha256;
    }
  return NULL;
}

static void
update_action (GlossWindow *self)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  gboolean older = (sidecar != NULL && gloss_sidecar_get_previous (sidecar) != NULL) || older_version (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.what-changed",
                                 older && gloss_session_get_document (self->session) != NULL);
}

static void maybe_review (GlossWindow *self);

static void
keep_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  KeepData *data = task_data;

  gloss_version_store_keep (data->document, data->article, &data->keep_error);
  if (data->article != NULL)
    data->versions = gloss_version_history_list (data->article);
  g_task_return_boolean (task, TRUE);
}

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  KeepData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GlossWindow) self = g_weak_ref_get (&data->window);

  if (self == NULL || self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable) ||
      data->document != gloss_session_get_document (self->session))
    return;

  if (data->keep_error != NULL)
    {
      g_autoptr(GFile) folder = gloss_version_store_folder (data->article);
      g_autofree char *name = g_file_get_parse_name (folder);
      g_autofree char *message = NULL;

      /* TRANSLATORS: the folder where versions are kept, then the error */
      message = g_strdup_printf (_("This version of the article could not be kept in “%s”, nor in your own folder: %s. "
                                   "If the article changes, its annotations will be placed by their quotes alone."),
                                 name, data->keep_error->message);
      _gloss_window_show_error (self, message);
    }

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->versions = g_steal_pointer (&data->versions);
  update_action (self);
  /* A review opened before the versions were known offers them now. */
  if (self->version_window != NULL)
    gloss_version_view_set_article (gloss_version_window_get_view (GLOSS_VERSION_WINDOW (self->version_window)),
                                    gloss_session_get_file (self->session), self->versions);
  maybe_review (self);
}

static void
keep_now (GlossWindow   *self,
          GlossDocument *document)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, kept_cb, NULL);
  KeepData *data = g_new0 (KeepData, 1);
  GFile *article = gloss_session_get_file (self->session);

  g_weak_ref_init (&data->window, self);
  data->document = g_object_ref (document);
  data->article = article ? g_object_ref (article) : NULL;
  g_task_set_source_tag (task, _gloss_window_versions_keep);
  g_task_set_task_data (task, data, (GDestroyNotify)keep_data_free);
  gloss_task_run_in_thread (task, keep_thread);
  update_action (self);
}

/**
 * _gloss_window_versions_keep:
 * @self: a #GlossWindow
 * @document: the text just read for annotating
 *
 * Keeps @document's text beside the article (in a worker thread), says so
 * when that fails, and learns which older versions are kept.  The worker
 * (a hash and a compression of the whole text) starts once the window has
 * drawn the text (_gloss_window_versions_keep_pending()): on two cores it
 * would take the main thread's turn while the article is laid out.
 */
void
_gloss_window_versions_keep (GlossWindow   *self,
                             GlossDocument *document)
{
  /* Another text before the frame: that one is kept now. */
  if (self->keep_pending != NULL && self->keep_pending != document)
    keep_now (self, self->keep_pending);
  g_set_object (&self->keep_pending, document);
}

void
_gloss_window_versions_keep_pending (GlossWindow *self)
{
  g_autoptr(GlossDocument) document = g_steal_pointer (&self->keep_pending);

  if (document != NULL)
    keep_now (self, document);
}

static void
version_window_destroyed_cb (GlossWindow *self)
{
  self->version_window = NULL;
}

static GlossVersionView *
open_version_window (GlossWindow *self)
{
  if (self->version_window == NULL)
    {
      const char *title = gtk_window_get_title (GTK_WINDOW (self));

      self->version_window = GTK_WINDOW (gloss_version_window_new (GTK_WINDOW (self), title));
      g_signal_connect_object (self->version_window, "destroy", G_CALLBACK (version_window_destroyed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (self->version_window);
  return gloss_version_window_get_view (GLOSS_VERSION_WINDOW (self->version_window));
}

static void
show_review (GlossWindow   *self,
             GlossDocument *previous)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GlossDocument *document = gloss_session_get_document (self->session);
  GlossVersionView *view;

  if (sidecar == NULL || document == NULL)
    return;
  view = open_version_window (self);
  gloss_version_view_set_codebook (view, gloss_sidecar_get_codebook (sidecar));
  gloss_version_view_review (view, previous, document, gloss_sidecar_get_annotations (sidecar));
  gloss_version_view_set_article (view, gloss_session_get_file (self->session), self->versions);
}

/* Placed by their quotes alone: no old text to show beside the new one, but
 * not silently either. */
static void
tell_not_kept (GlossWindow  *self,
               GlossSidecar *sidecar)
{
  guint n = needs_review (gloss_sidecar_get_annotations (sidecar));
  g_autofree char *message = NULL;

  if (n == 0 || self->versions == NULL || g_object_get_data (G_OBJECT (sidecar), "gloss-review-told") != NULL)
    return;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u annotation could not be placed exactly, and the text it was made on was not kept: it is marked in the article for review",
                                          "%u annotations could not be placed exactly, and the text they were made on was not kept: they are marked in the article for review",
                                          n), n);
  _gloss_window_show_error (self, message);
  g_object_set_data (G_OBJECT (sidecar), "gloss-review-told", GINT_TO_POINTER (TRUE));
}

typedef struct
{
  GlossWindow  *window;
  GlossSidecar *sidecar;
  gboolean      asked;    /* What Changed, not the review on opening */
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->window);
  g_clear_object (&lookup->sidecar);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lookup, lookup_free)

static void
older_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Lookup) lookup = user_data;
  GlossWindow *self = lookup->window;
  g_autoptr(GlossDocument) previous = NULL;
  g_autoptr(GError) error = NULL;

  previous = gloss_version_store_lookup_finish (result, &error);
  /* Another sidecar shown, What Changed asked again, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      gloss_session_get_sidecar (self->session) != lookup->sidecar)
    return;
  g_clear_object (&self->version_lookup);
  if (previous != NULL)
    show_review (self, previous);
  else if (lookup->asked)
    _gloss_window_show_error (self, error->message);
  else
    tell_not_kept (self, lookup->sidecar);
}

/* The older text is read and inflated in a worker thread, then reviewed. */
static void
read_older (GlossWindow *self,
            const char  *sha256,
            gboolean     asked)
{
  Lookup *lookup = g_new0 (Lookup, 1);

  g_cancellable_cancel (self->version_lookup);
  g_clear_object (&self->version_lookup);
  self->version_lookup = g_cancellable_new ();
  lookup->window = g_object_ref (self);
  lookup->sidecar = g_object_ref (gloss_session_get_sidecar (self->session));
  lookup->asked = asked;
  gloss_version_store_lookup_async (gloss_session_get_file (self->session), sha256, self->version_lookup,
                                    older_read_cb, lookup);
}

/* Anything fuzzy, cut or orphaned is reviewed against the text the
 * annotations were re-anchored from; or, when they were saved awaiting
 * review on the text now (gloss_anchor_set_same_text()), against the newest
 * older version kept, once the versions are known. */
static void
maybe_review (GlossWindow *self)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GlossDocument *previous = sidecar ? gloss_sidecar_get_previous (sidecar) : NULL;
  const char *sha256;

  if (self->version_window != NULL || self->version_lookup != NULL || sidecar == NULL ||
      needs_review (gloss_sidecar_get_annotations (sidecar)) == 0)
    return;
  if (previous != NULL)
    show_review (self, previous);
  else if ((sha256 = older_version (self)) != NULL)
    read_older (self, sha256, FALSE);
  else
    tell_not_kept (self, sidecar);
}

/**
 * _gloss_window_versions_sidecar_shown:
 * @self: a #GlossWindow
 *
 * The window shows a sidecar (just read, reloaded, or anchored in a text
 * read again): when anything in it is not exact or moved, the review queue
 * opens.
 */
void
_gloss_window_versions_sidecar_shown (GlossWindow *self)
{
  /* A queue for another set of annotations has nothing left to review. */
  g_cancellable_cancel (self->version_lookup);
  g_clear_object (&self->version_lookup);
  if (self->version_window != NULL)
    gtk_window_destroy (self->version_window);

  update_action (self);
  maybe_review (self);
}

static void
what_changed_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GlossDocument *previous = sidecar ? gloss_sidecar_get_previous (sidecar) : NULL;
  const char *sha256;

  if (previous != NULL)
    show_review (self, previous);
  else if (sidecar != NULL && (sha256 = older_version (self)) != NULL)
    read_older (self, sha256, TRUE);
}

void
_gloss_window_versions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.what-changed", NULL, what_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.what-changed", NULL);
}

void
_gloss_window_versions_dispose (GlossWindow *self)
{
  /* A window closed before its first frame still keeps the text it read. */
  _gloss_window_versions_keep_pending (self);
  g_cancellable_cancel (self->version_lookup);
  g_clear_object (&self->version_lookup);
  if (self->version_window != NULL)
    gtk_window_destroy (self->version_window);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
}

/* For tests. */
GlossVersionView *
_gloss_window_get_version_view (GlossWindow *self)
{
  if (self->version_window == NULL)
    return NULL;
  return gloss_version_window_get_view (GLOSS_VERSION_WINDOW (self->version_window));
}
