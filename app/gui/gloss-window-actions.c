/* gloss-window-actions.c: every action of the window, and one place that
 * says which of them can run now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-print.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-export-dialog.h"
#include "gloss-file.h"
#include "gloss-open-url-dialog.h"
#include "gloss-sidecar.h"
#include "gloss-task.h"
#include "gloss-text-title.h"
#include "gloss-window-private.h"

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        gloss_window_open (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Article"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (articles, _("Articles"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_add_mime_type (articles, "application/xhtml+xml");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), articles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  if (gloss_session_get_file (self->session) != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (gloss_session_get_file (self->session));

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  gloss_window_open (GLOSS_WINDOW (widget), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  _gloss_window_save (self, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && gloss_session_get_sidecar (self->session) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      /* The chooser has asked about replacing an existing file; the
       * session refuses the file it could not read, and says so. */
      if (file != NULL)
        _gloss_window_save (self, file, GLOSS_SESSION_SAVE_OVERWRITE, TRUE);
    }
  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (gloss_session_get_sidecar (self->session) == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Annotations As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  if (gloss_session_get_file (self->session) != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (gloss_session_get_file (self->session));
      g_autofree char *base = g_file_get_basename (gloss_session_get_file (self->session));
      g_autofree char *id = g_strdup (gloss_session_get_annotator_id (self->session));

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
      name = g_strdup_printf ("%s.%s-copy%s", base, id, GLOSS_SIDECAR_SUFFIX);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotationSet *set;

  if (gloss_session_get_sidecar (self->session) == NULL)
    return;

  set = gloss_sidecar_get_annotations (gloss_session_get_sidecar (self->session));
  if (g_str_equal (action_name, "win.undo"))
    gloss_annotation_set_undo (set);
  else
    gloss_annotation_set_redo (set);
}

static void

find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  GtkTextIter a, b;

  /* A short selection is what the reader wants to find. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b) &&
      gtk_text_iter_get_offset (&b) - gtk_text_iter_get_offset (&a) < 100)
    {
      g_autofree char *text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

/* Find: the search bar's signals are the find actions */

static void
update_find_label (GlossWindow *self)
{
  guint n = gloss_article_view_get_n_matches (self->article_view);
  int current = gloss_article_view_get_current_match (self->article_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *label = NULL;

  if (text == NULL || *text == '\0')
    label = g_strdup ("");
  else if (n == 0)
    label = g_strdup (_("No matches"));
  else if (current < 0)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);
  else
    /* Translators: the current match of all matches, like “3 of 12” */
    label = g_strdup_printf (_("%d of %u"), current + 1, n);

  gtk_label_set_label (self->find_label, label);
}

static void
find_changed_cb (GlossWindow *self)
{
  gloss_article_view_set_search_text (self->article_view, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  gloss_article_view_find_next (self->article_view, FALSE);
  update_find_label (self);
}

static void
find_activate_cb (GlossWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-next", NULL);
}

static void
find_next_cb (GlossWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-next", NULL);
}

static void
find_previous_cb (GlossWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-previous", NULL);
}

static void
find_stop_cb (GlossWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gloss_article_view_set_search_text (self->article_view, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gloss_article_view_find_next (self->article_view, g_str_equal (action_name, "win.find-previous"));
  update_find_label (self);
}


static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gloss_session_reload_finish (GLOSS_SESSION (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        _gloss_window_show_error (self, error->message);
      return;
    }

  /* A file that cannot be read is a state (the error bar); Try Again on a
   * file still broken says so, so that the button visibly did something. */
  if (gloss_session_get_state (self->session) != GLOSS_SESSION_BROKEN)
    _gloss_window_toast (self, _("Annotations reloaded"), NULL, NULL);
  else if (self->reload_from_broken)
    _gloss_window_toast (self, _("The annotations file still cannot be read"), NULL, NULL);
}

static void
reload (GlossWindow *self)
{
  self->reload_from_broken = gloss_session_get_state (self->session) == GLOSS_SESSION_BROKEN;
  gloss_session_reload_async (self->session, self->cancellable, reloaded_cb, g_object_ref (self));
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GlossWindow      *self)
{
  if (g_str_equal (response, "reload"))
    reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWidget *dialog;

  if (gloss_session_get_sidecar (self->session) == NULL ||
      !gloss_annotation_set_get_modified (gloss_sidecar_get_annotations (gloss_session_get_sidecar (self->session))))
    {
      reload (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Your Changes?"),
                                   _("Reloading reads the annotations file from disk. "
                                     "The changes made in this window since it was last saved are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Discard and Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
keep_mine_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GlossWindow      *self)
{
  if (g_str_equal (response, "replace"))
    _gloss_window_save (self, NULL, GLOSS_SESSION_SAVE_OVERWRITE, TRUE);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Changed File?"),
                                   _("Another program changed the annotations file since Gloss read it. "
                                     "Replacing it with your version discards those changes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (keep_mine_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}


/* Open URL */

static void
fetched_cb (GlossWindow   *self,
            GlossDocument *document,
            GFile         *article_file)
{
  /* The snapshot is an ordinary article file now: the sidecar lands beside
   * it and recent files know it.  The page is not read again. */
  gloss_window_open_document (self, article_file, document);
}

/**
 * gloss_window_open_url:
 * @self: a #GlossWindow
 * @url: (nullable): an address to fetch right away, or %NULL to ask for one
 *
 * What Ctrl+L does; with @url, as if the user had typed it and pressed Return.
 */
void
gloss_window_open_url (GlossWindow *self,
                       const char  *url)
{
  GtkWindow *dialog;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  dialog = gloss_open_url_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "fetched", G_CALLBACK (fetched_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
  if (url != NULL)
    {
      gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), url);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL);
    }
}

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gloss_window_open_url (GLOSS_WINDOW (widget), NULL);
}

/* Reopen with encoding */

static void
reopened_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  if (!gloss_session_reopen_finish (GLOSS_SESSION (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _gloss_window_show_error (self, error->message);
      return;
    }

  document = gloss_session_get_document (self->session);
  {
    /* Translators: %s is a character encoding, like GB18030 */
    g_autofree char *message = g_strdup_printf (_("Reopened as %s"), gloss_document_get_encoding (document));

    _gloss_window_toast (self, message, NULL, NULL);
  }
}

static void
reopen_encoding_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  const char *encoding = g_variant_get_string (parameter, NULL);

  /* The annotations stay in memory, edits included, and are anchored in the
   * text as decoded now; nothing is saved until the user saves. */
  if (gloss_session_get_file (self->session) != NULL)
    gloss_session_reopen_async (self->session, *encoding ? encoding : NULL, self->cancellable,
                                reopened_cb, g_object_ref (self));
}

/* Import */

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added = 0, skipped = 0;

  if (!gloss_session_import_finish (GLOSS_SESSION (object), result, &added, &skipped, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _gloss_window_show_error (self, error->message);
      return;
    }

  if (skipped > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %u annotation (%u already here)",
                                            "Imported %u annotations (%u already here)", added),
                               added, skipped);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %u annotation",
                                            "Imported %u annotations", added),
                               added);
  _gloss_window_toast (self, message, added > 0 ? _("_Undo") : NULL, added > 0 ? "win.undo" : NULL);
}

/**
 * _gloss_window_import:
 * @self: a #GlossWindow
 * @file: a W3C Web Annotation file, or a brat `.ann` beside its `.txt`
 *
 * Adds the annotations of @file to the user's layer as one undo step, and
 * says how many.
 */
void
_gloss_window_import (GlossWindow *self,
                      GFile       *file)
{
  if (gloss_session_get_sidecar (self->session) == NULL || gloss_session_get_document (self->session) == NULL)
    return;

  gloss_session_import_async (self->session, file, self->cancellable, imported_cb, g_object_ref (self));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file != NULL)
    _gloss_window_import (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Annotations"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("W3C Web Annotation or brat files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.jsonld");
  gtk_file_filter_add_pattern (filter, "*.ann");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (g_str_equal (action_name, "win.tag-all"))
    gtk_widget_activate_action (GTK_WIDGET (self->article_view), "article.tag-all", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->article_view), "article.delete", NULL);
}

static void
exported_cb (GlossExportDialog *dialog,
             GFile             *file,
             GlossWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  guint left_out = gloss_export_dialog_get_left_out (dialog);
  g_autofree char *text = NULL;

  if (left_out == 0)
    text = g_strdup_printf (_("Exported to %s"), name);
  else
    /* Translators: %s is a file name, %u a number of annotations */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Exported to %s; %u annotation does not fit this format and was left out",
                                         "Exported to %s; %u annotations do not fit this format and were left out",
                                         left_out),
                            name, left_out);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_failed_cb (GlossWindow *self,
                  const char  *message)
{
  _gloss_window_show_error (self, message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWindow *dialog;

  if (gloss_session_get_sidecar (self->session) == NULL)
    return;

  dialog = gloss_export_dialog_new (GTK_WINDOW (self), gloss_session_get_sidecar (self->session), gloss_session_get_file (self->session));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (export_failed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossDocument *document = gloss_session_get_document (self->session);
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return;
  if (gloss_article_print (GTK_WINDOW (self), document,
                           sidecar ? gloss_sidecar_get_annotations (sidecar) : NULL,
                           sidecar ? gloss_sidecar_get_codebook (sidecar) : NULL,
                           NULL, NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _gloss_window_show_error (self, error->message);
}

/* Page clutter */

/* Where the article is in a text saved from a browser, when page chrome
 * surrounds it. */
static gboolean
text_clutter (GlossWindow    *self,
              GlossTextTitle *title)
{
  GlossDocument *document = gloss_session_get_document (self->session);
  JsonObject *prov = document ? gloss_document_get_provenance (document) : NULL;
  const char *text;
  guint length;

  if (prov == NULL || g_strcmp0 (json_object_get_string_member_with_default (prov, "format", ""), "text") != 0)
    return FALSE;
  text = gloss_document_get_text (document);
  if (!gloss_text_find_title (text, title))
    return FALSE;
  length = gloss_document_get_length (document);
  /* Trailing blank lines are no clutter. */
  while (length > title->body_end && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, length - 1))))
    length--;
  return title->start > 0 || title->body_end < length;
}

/**
 * _gloss_window_offer_trim:
 * @self: a #GlossWindow
 *
 * Once the article and the user's layer are read (trim_pending, after the
 * article's first frame; reading the text takes 8 ms on a million
 * characters): offered on a new article only (no layer on disk yet), as its
 * layer would be left with the original.
 */
void
_gloss_window_offer_trim (GlossWindow *self)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GFile *own = sidecar ? gloss_sidecar_get_file (sidecar) : NULL;
  GlossTextTitle title;
  AdwToast *offer;

  self->trim_pending = FALSE;
  if (own == NULL || gloss_session_get_state (self->session) != GLOSS_SESSION_READY ||
      gloss_annotation_set_get_size (gloss_sidecar_get_annotations (sidecar)) > 0 ||
      g_file_query_exists (own, NULL) || !text_clutter (self, &title))
    return;
  offer = adw_toast_new (_("The text has page clutter around the article"));
  adw_toast_set_timeout (offer, 0);
  adw_toast_set_button_label (offer, _("_Trim Page Clutter"));
  adw_toast_set_action_name (offer, "win.trim-clutter");
  adw_toast_overlay_add_toast (self->toast_overlay, offer);
}

/* A copy of the article without the clutter, beside it, opened (in a
 * window of its own); the original stays as it was. Written in a worker
 * thread, whole or not at all, never over a file already there. */
static void
trim_write_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *trimmed = g_object_get_data (G_OBJECT (task), "file");
  const char *content = task_data;
  GError *error = NULL;

  if (!g_file_query_exists (trimmed, cancellable) &&
      !gloss_file_replace (trimmed, content, strlen (content), cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
trim_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (source);
  GFile *trimmed = g_object_get_data (G_OBJECT (result), "file");
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _gloss_window_show_error (self, error->message);
      return;
    }
  gloss_window_open (self, trimmed);
}

static void
trim_clutter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GFile *file = gloss_session_get_file (self->session);
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) trimmed = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *body = NULL;
  GlossTextTitle title;

  if (file == NULL || !text_clutter (self, &title))
    return;

  name = g_file_get_basename (file);
  stem = g_str_has_suffix (name, ".txt") ? g_strndup (name, strlen (name) - 4) : g_strdup (name);
  g_free (name);
  /* Translators: the file name of an article without its page clutter; %s is the original's, without .txt */
  name = g_strdup_printf (_("%s (article).txt"), stem);
  parent = g_file_get_parent (file);
  trimmed = g_file_get_child (parent, name);
  body = gloss_document_get_slice (gloss_session_get_document (self->session), title.start, title.body_end);

  task = g_task_new (self, self->cancellable, trim_written_cb, NULL);
  g_task_set_source_tag (task, trim_clutter_action);
  g_object_set_data_full (G_OBJECT (task), "file", g_steal_pointer (&trimmed), g_object_unref);
  g_task_set_task_data (task, g_strconcat (body, "\n", NULL), g_free);
  gloss_task_run_in_thread (task, trim_write_thread);
}

/* Who annotates */

/* Nobody said who annotates: the id would be the login name by default. */
static gboolean
annotator_unknown (GlossWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "annotator-id");

  return id[0] == '\0';
}

/**
 * _gloss_window_autosave_delay:
 *
 * The autosave-delay setting as the session gets it: no autosave while
 * nobody said who annotates (the work waits, nothing blocks the user).
 */
gboolean
_gloss_window_autosave_delay (GValue   *value,
                              GVariant *variant,
                              gpointer  user_data)
{
  g_value_set_uint (value, annotator_unknown (user_data) ? 0 : g_variant_get_uint32 (variant));
  return TRUE;
}

/**
 * _gloss_window_ask_annotator:
 * @self: a #GlossWindow
 *
 * Asked once per window, when the first change is due to be saved and
 * nobody said who annotates.
 */
void
_gloss_window_ask_annotator (GlossWindow *self)
{
  g_autofree char *login = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *question;

  if (self->annotator_asked || !gloss_session_get_modified (self->session) || !annotator_unknown (self))
    return;
  self->annotator_asked = TRUE;
  login = gloss_annotator_id_default ();
  escaped = g_markup_escape_text (login, -1);
  /* Translators: %s is the login name */
  title = g_strdup_printf (_("Who is annotating? Nothing is saved until you say: Ctrl+S saves as “%s”"), escaped);
  question = adw_toast_new (title);
  adw_toast_set_timeout (question, 0);
  adw_toast_set_button_label (question, _("_Choose…"));
  adw_toast_set_action_name (question, "app.preferences");
  adw_toast_overlay_add_toast (self->toast_overlay, question);
}

/* Changes made while nobody said who annotates were never scheduled for
 * autosave: once someone has, they are saved after the delay, as if made
 * now, not only after the next change. */
static gboolean
autosave_waiting_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->annotator_autosave_id = 0;
  if (!annotator_unknown (self) && gloss_session_get_modified (self->session) &&
      gloss_session_get_can_save (self->session) && !_gloss_window_is_saving (self))
    _gloss_window_save (self, NULL, GLOSS_SESSION_SAVE_NONE, FALSE);
  return G_SOURCE_REMOVE;
}

/* A layer never saved yet is the work of whoever annotates now: it is
 * saved under the id just chosen, not the login name it was opened with. */
static void
retarget_unsaved_layer (GlossWindow *self)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GFile *file = gloss_session_get_file (self->session);
  const char *id = gloss_session_get_annotator_id (self->session);
  g_autoptr(GFile) target = NULL;
  GFile *own;

  if (sidecar == NULL || file == NULL || id == NULL || (own = gloss_sidecar_get_file (sidecar)) == NULL ||
      g_strcmp0 (id, gloss_sidecar_get_annotator_id (sidecar)) == 0 || g_file_query_exists (own, NULL))
    return;
  target = gloss_sidecar_file_for_article (file, id);
  gloss_sidecar_set_file (sidecar, target);
  gloss_sidecar_set_annotator_id (sidecar, id);
}

static void
autosave_waiting_changes (GlossWindow *self)
{
  guint delay = gloss_session_get_autosave_delay (self->session);

  g_clear_handle_id (&self->annotator_autosave_id, g_source_remove);
  if (delay > 0 && gloss_session_get_modified (self->session))
    self->annotator_autosave_id = g_timeout_add_seconds (delay, autosave_waiting_cb, self);
}

/**
 * gloss_window_get_layer_to_adopt:
 * @self: a #GlossWindow
 *
 * The id the window's own layer is saved under when it is not the
 * annotator id now and the layer has annotations: Preferences and a toast
 * offer to adopt it (win.adopt-layer renames it to the id now).
 *
 * Returns: (nullable): the old annotator id, or %NULL
 */
const char *
gloss_window_get_layer_to_adopt (GlossWindow *self)
{
  GlossSidecar *sidecar;
  const char *id;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  sidecar = gloss_session_get_sidecar (self->session);
  id = gloss_session_get_annotator_id (self->session);
  if (sidecar == NULL || gloss_session_get_file (self->session) == NULL ||
      gloss_sidecar_get_file (sidecar) == NULL ||
      g_strcmp0 (id, gloss_sidecar_get_annotator_id (sidecar)) == 0 ||
      gloss_annotation_set_get_size (gloss_sidecar_get_annotations (sidecar)) == 0)
    return NULL;
  return gloss_sidecar_get_annotator_id (sidecar);
}

/**
 * _gloss_window_annotator_changed:
 * @self: a #GlossWindow
 *
 * The annotator id changed in the preferences: autosave may run now, and
 * the layer saved under the old id is offered for adoption.
 */
void
_gloss_window_annotator_changed (GlossWindow *self)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  const char *id = gloss_session_get_annotator_id (self->session);
  g_autofree char *escaped_old = NULL;
  g_autofree char *escaped_new = NULL;
  g_autofree char *title = NULL;
  g_autofree char *button = NULL;
  AdwToast *offer;

  gloss_session_set_autosave_delay (self->session, annotator_unknown (self) ? 0 :
                                    g_settings_get_uint (self->settings, "autosave-delay"));
  retarget_unsaved_layer (self);
  autosave_waiting_changes (self);

  if (gloss_window_get_layer_to_adopt (self) == NULL)
    return;

  /* Otherwise the work under the old id reappears as a colleague's
   * read-only layer next time, and "your" layer is empty. */
  escaped_old = g_markup_escape_text (gloss_sidecar_get_annotator_id (sidecar), -1);
  escaped_new = g_markup_escape_text (id, -1);
  /* Translators: both are annotator ids */
  title = g_strdup_printf (_("Your annotations of this article are saved as “%s”"), escaped_old);
  /* Translators: %s is the new annotator id */
  button = g_strdup_printf (_("Adopt as “%s”"), escaped_new);
  offer = adw_toast_new (title);
  adw_toast_set_timeout (offer, 0);
  adw_toast_set_button_label (offer, button);
  adw_toast_set_action_name (offer, "win.adopt-layer");
  adw_toast_overlay_add_toast (self->toast_overlay, offer);
}

static void
adopt_layer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GFile *file = gloss_session_get_file (self->session);
  const char *id = gloss_session_get_annotator_id (self->session);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  GFile *own;

  if (sidecar == NULL || file == NULL || (own = gloss_sidecar_get_file (sidecar)) == NULL ||
      g_strcmp0 (id, gloss_sidecar_get_annotator_id (sidecar)) == 0)
    return;

  target = gloss_sidecar_file_for_article (file, id);
  /* A rename keeps the file as read (its stamp), and never replaces one. */
  if (g_file_query_exists (own, NULL) &&
      !g_file_move (own, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &error))
    {
      g_autofree char *name = g_file_get_basename (target);
      g_autofree char *message = g_strdup_printf (_("%s: cannot adopt the annotations: %s"), name, error->message);

      _gloss_window_show_error (self, message);
      return;
    }

  gloss_sidecar_set_file (sidecar, target);
  gloss_sidecar_set_annotator_id (sidecar, id);
  /* The session watches the new file once it is written. */
  _gloss_window_save (self, NULL, GLOSS_SESSION_SAVE_NONE, TRUE);
}

/* Pick mode */

/**
 * _gloss_window_pick_tag:
 * @self: a #GlossWindow
 *
 * The tag an untagged name clicked in pick mode gets: a person where the
 * link allows one (a speaker is a person first), else its first tag.
 */
const char *
_gloss_window_pick_tag (GlossWindow *self)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GlossCodebook *codebook = sidecar ? gloss_sidecar_get_codebook (sidecar) : NULL;
  GlossTag *tag = codebook && self->pick_target ? gloss_codebook_lookup (codebook, gloss_annotation_get_tag (self->pick_target)) : NULL;
  const GlossAttributeDef *def = tag ? gloss_tag_lookup_attribute (tag, self->pick_attribute) : NULL;

  if (def == NULL || def->to == NULL || def->to[0] == NULL)
    return NULL;
  return g_strv_contains ((const char * const *)def->to, "person") ? "person" : def->to[0];
}

static void
show_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}


static void
disagreement_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  GtkTextIter start, end;

  /* From the start of the selection (or the caret): that is where the
   * previous jump left it. */
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gloss_review_panel_step (_gloss_window_get_review_panel (self), gtk_text_iter_get_offset (&start),
                           g_str_equal (name, "win.previous-disagreement"));
}


/* Linking a speaker by keyboard: Ctrl+K on a selected quote opens the
 * details pane's speaker chooser with the focus in it; when it closes the
 * focus comes back to the article. */

static void
link_chooser_closed_cb (GtkPopover  *chooser,
                        GlossWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static gboolean
open_link_chooser (GlossWindow *self)
{
  GlossAnnotation *selected = gloss_article_view_get_selected (self->article_view);
  GlossDetailsPane *details = gloss_sidebar_get_details (self->sidebar);
  GtkWidget *chooser;

  if (selected == NULL)
    return FALSE;
  /* The sidebar follows the article a frame behind: catch up now. */
  if (gloss_details_pane_get_annotation (details) != selected)
    gloss_sidebar_set_selected (self->sidebar, selected);
  chooser = gloss_details_pane_choose_link (details, NULL);
  if (chooser == NULL)
    return FALSE;
  g_signal_connect_object (chooser, "closed", G_CALLBACK (link_chooser_closed_cb), self, 0);
  return TRUE;
}

/* Waits for the sidebar to be shown, a second at most (it slides in). */
static gboolean
link_speaker_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWidget *details = GTK_WIDGET (gloss_sidebar_get_details (self->sidebar));
  gint64 *deadline = user_data;

  if (!gtk_widget_get_mapped (details) || gtk_widget_get_width (details) == 0)
    {
      if (gdk_frame_clock_get_frame_time (clock) < *deadline)
        return G_SOURCE_CONTINUE;
      gtk_widget_error_bell (widget);
      return G_SOURCE_REMOVE;
    }
  if (!open_link_chooser (self))
    gtk_widget_error_bell (widget);
  return G_SOURCE_REMOVE;
}

static void
link_speaker_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWidget *details = GTK_WIDGET (gloss_sidebar_get_details (self->sidebar));

  /* The chooser points at the link's row: show the pane it lives in. */
  adw_flap_set_reveal_flap (self->flap, TRUE);
  adw_view_stack_set_visible_child_name (self->side_stack, "annotations");
  if (gtk_widget_get_mapped (details) && gtk_widget_get_width (details) > 0)
    {
      if (!open_link_chooser (self))
        gtk_widget_error_bell (widget);
    }
  else
    {
      gint64 *deadline = g_new (gint64, 1);

      *deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
      gtk_widget_add_tick_callback (widget, link_speaker_tick_cb, deadline, g_free);
    }
}


/* Saving */

typedef struct
{
  GlossWindow           *self;
  GlossSessionSaveFlags  flags;
  gboolean               manual;
} SaveRequest;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GlossWindow) self = request->self;
  GlossSessionSaveFlags flags = request->flags;
  gboolean manual = request->manual;
  g_autoptr(GError) error = NULL;

  g_free (request);
  if (!gloss_session_save_finish (GLOSS_SESSION (object), result, &error))
    {
      /* A conflict shows as its banner; anything else is said. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          gloss_session_get_state (self->session) != GLOSS_SESSION_CONFLICT)
        _gloss_window_show_error (self, error->message);
      return;
    }

  if (flags & GLOSS_SESSION_SAVE_CLOSE)
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (manual)
    _gloss_window_toast (self, _("Saved"), NULL, NULL);
}

/**
 * _gloss_window_save:
 * @self: a #GlossWindow
 * @file: (nullable): Save As, or %NULL for the user's file
 * @flags: how to save
 * @manual: whether the user asked (a toast says "Saved")
 *
 * Saves through the session and shows the outcome: a toast, the conflict
 * banner, an error, or, with %GLOSS_SESSION_SAVE_CLOSE, the window closing.
 */
void
_gloss_window_save (GlossWindow           *self,
                    GFile                 *file,
                    GlossSessionSaveFlags  flags,
                    gboolean               manual)
{
  SaveRequest *request;

  if (annotator_unknown (self))
    {
      g_autofree char *login = NULL;

      if (!manual)
        {
          _gloss_window_ask_annotator (self);
          return;
        }
      /* Saving by hand is the answer: the login name it is. */
      login = gloss_annotator_id_default ();
      if (g_strcmp0 (login, gloss_session_get_annotator_id (self->session)) == 0)
        g_settings_set_string (self->settings, "annotator-id", login);
    }

  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->flags = flags;
  request->manual = manual;
  gloss_session_save_async (self->session, file, flags, self->cancellable, saved_cb, request);
}

/* Closing: save first, or not */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GlossWindow      *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      GlossSessionState state = gloss_session_get_state (self->session);

      if (state == GLOSS_SESSION_BROKEN || state == GLOSS_SESSION_CONFLICT)
        {
          gtk_widget_activate_action (GTK_WIDGET (self),
                                      state == GLOSS_SESSION_CONFLICT ? "win.keep-mine" : "win.save-as", NULL);
          return;
        }
      _gloss_window_save (self, NULL, GLOSS_SESSION_SAVE_CLOSE, TRUE);
    }
}

/**
 * _gloss_window_close_request:
 * @window: a #GlossWindow
 *
 * Asks about unsaved changes: discard them, or save and close once saved.
 *
 * Returns: %GDK_EVENT_STOP while the user decides
 */
gboolean
_gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);
  GtkWidget *dialog;

  if (self->closing || !gloss_session_get_modified (self->session))
    return GTK_WINDOW_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION_WINDOW))->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("The annotations of this article have unsaved changes. Changes that are not saved are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GDK_EVENT_STOP;
}

void
_gloss_window_update_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GlossAnnotationSet *set = sidecar ? gloss_sidecar_get_annotations (sidecar) : NULL;
  GlossSessionState state = gloss_session_get_state (self->session);
  gboolean saving = gloss_session_get_saving (self->session);
  gboolean has_file = gloss_session_get_file (self->session) != NULL;
  gboolean has_document = gloss_session_get_document (self->session) != NULL;
  gboolean has_selected = gloss_article_view_get_selected (self->article_view) != NULL;

  gtk_widget_action_set_enabled (widget, "win.save", gloss_session_get_can_save (self->session));
  gtk_widget_action_set_enabled (widget, "win.save-as", set != NULL && !saving);
  gtk_widget_action_set_enabled (widget, "win.undo", set != NULL && gloss_annotation_set_can_undo (set));
  gtk_widget_action_set_enabled (widget, "win.redo", set != NULL && gloss_annotation_set_can_redo (set));
  gtk_widget_action_set_enabled (widget, "win.keep-mine", state == GLOSS_SESSION_CONFLICT && !saving);
  gtk_widget_action_set_enabled (widget, "win.reload-annotations", has_file && has_document);
  gtk_widget_action_set_enabled (widget, "win.tag-all", has_selected);
  gtk_widget_action_set_enabled (widget, "win.delete-annotation", has_selected);
  gtk_widget_action_set_enabled (widget, "win.link-speaker", has_selected);
  gtk_widget_action_set_enabled (widget, "win.find", has_document);
  gtk_widget_action_set_enabled (widget, "win.export", set != NULL && has_file);
  gtk_widget_action_set_enabled (widget, "win.print", has_document);
  gtk_widget_action_set_enabled (widget, "win.trim-clutter", has_document && has_file);
}


/* The Library is the window's other page (gloss-window-library.c). */
static void
library_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _gloss_window_toggle_library (GLOSS_WINDOW (widget));
}

/**
 * _gloss_window_class_add_actions:
 * @widget_class: the window's class
 *
 * Installs every win.* action and its keyboard shortcuts.  A feature adds its
 * action here (and its enabled state in _gloss_window_update_actions()).
 */
void
_gloss_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, find_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.adopt-layer", NULL, adopt_layer_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.reload-annotations", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.trim-clutter", NULL, trim_clutter_action);
  gtk_widget_class_install_action (widget_class, "win.library", NULL, library_action);
  gtk_widget_class_install_action (widget_class, "win.open-url", NULL, open_url_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-encoding", "s", reopen_encoding_action);
  gtk_widget_class_install_action (widget_class, "win.show-file", "s", show_file_action);
  gtk_widget_class_install_action (widget_class, "win.tag-all", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.link-speaker", NULL, link_speaker_action);
  gtk_widget_class_install_action (widget_class, "win.next-disagreement", NULL, disagreement_action);
  gtk_widget_class_install_action (widget_class, "win.previous-disagreement", NULL, disagreement_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-url", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.next-disagreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "win.previous-disagreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.link-speaker", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.library", NULL);
}
