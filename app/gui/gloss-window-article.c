/* gloss-window-article.c: the bars saying the article changed on disk, or is gone
 *
 * The session watches the article's file and says when it reads to another
 * text than the one shown (GlossSession:article-changed).  The window shows
 * a bar above the text, as GNOME Text Editor does for a file changed on
 * disk, whose Reload (win.reload-article) saves the annotations and opens
 * the article again here: re-anchored, with the review queue when anything
 * moved too much.  Nothing is read again behind the user's back: a
 * researcher halfway through a passage decides when the text changes.
 *
 * The article deleted or moved away (GlossSession:article-missing) is another
 * bar, naming the file and where the annotations are kept: the text stays
 * open and the annotations are saved beside where it was.  Save Article As…
 * writes the text shown out again (at its old path, the article is back);
 * Locate… picks the file where it is now.  Elsewhere than its old path, the
 * annotations go with it: saved beside the new file first (never over an
 * existing one), then the article is opened here from there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation-set.h"
#include "gloss-sidecar.h"
#include "gloss-window-private.h"

static void
reload_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _gloss_window_reload_article (GLOSS_WINDOW (widget));
}

static void
article_changed_cb (GlossWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload-article",
                                 gloss_session_get_article_changed (self->session));
}

/* The article gone */

static void
article_gone_cb (GlossWindow *self)
{
  gboolean missing = gloss_session_get_article_missing (self->session);
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GFile *layer = sidecar != NULL ? gloss_sidecar_get_file (sidecar) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *layer_name = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-article-as", missing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.locate-article", missing);
  gtk_revealer_set_reveal_child (self->article_gone_bar, missing);
  if (!missing)
    return;

  name = g_file_get_parse_name (gloss_session_get_file (self->session));
  if (layer != NULL && gloss_session_get_state (self->session) == GLOSS_SESSION_READY)
    {
      layer_name = g_file_get_parse_name (layer);
      text = g_strdup_printf (_("The article “%s” was deleted or moved; your annotations are safe in “%s”."),
                              name, layer_name);
    }
  else
    text = g_strdup_printf (_("The article “%s” was deleted or moved; its text stays open here."), name);
  gtk_label_set_label (self->article_gone_label, text);
}

typedef struct
{
  GlossWindow *window;
  GFile       *file;   /* the article, where it is now */
} Move;

static Move *
move_new (GlossWindow *window,
          GFile       *file)
{
  Move *move = g_new0 (Move, 1);

  move->window = g_object_ref (window);
  move->file = g_object_ref (file);
  return move;
}

static void
move_free (Move *move)
{
  g_clear_object (&move->window);
  g_clear_object (&move->file);
  g_free (move);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Move, move_free)

static void
layer_moved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Move) move = user_data;
  g_autoptr(GError) error = NULL;

  if (!gloss_session_save_finish (GLOSS_SESSION (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _gloss_window_show_error (move->window, error->message);
      return;
    }
  _gloss_window_open_from_library (move->window, move->file, FALSE);
}

/* The article is at @file now: its annotations are saved beside it, never
 * over a layer there, and it is opened here from there (re-anchored when
 * its text is not the one shown). */
static void
move_annotations_to (GlossWindow *self,
                     GFile       *file)
{
  g_autoptr(GFile) layer = gloss_sidecar_file_for_article (file, gloss_session_get_annotator_id (self->session));
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  if (gloss_session_get_state (self->session) != GLOSS_SESSION_READY)
    {
      message = g_strdup_printf (_("Your annotations could not go with “%s”: resolve their file first."), name);
      _gloss_window_show_error (self, message);
      return;
    }
  if (g_file_query_exists (layer, NULL))
    {
      g_autofree char *layer_name = g_file_get_parse_name (layer);
      GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);

      /* The layer was moved along with the article, and nothing was edited
       * here since it was last saved: that one is opened.  Its old file,
       * gone with the move, is written first all the same (as autosave
       * would): what is only in memory is never dropped. */
      if (!gloss_annotation_set_get_modified (gloss_sidecar_get_annotations (sidecar)))
        {
          if (gloss_session_get_modified (self->session) || gloss_session_get_saving (self->session))
            gloss_session_save_async (self->session, NULL, GLOSS_SESSION_SAVE_NONE, self->cancellable,
                                      layer_moved_cb, move_new (self, file));
          else
            _gloss_window_open_from_library (self, file, FALSE);
          return;
        }
      /* Not merged: the window keeps its layer, unsaved changes included. */
      message = g_strdup_printf (_("“%s” has annotations of yours already (“%s”); the ones shown here stay open "
                                   "in this window, unsaved changes included."),
                                 name, layer_name);
      _gloss_window_show_error (self, message);
      return;
    }

  gloss_session_save_async (self->session, layer, GLOSS_SESSION_SAVE_NONE, self->cancellable, layer_moved_cb,
                            move_new (self, file));
}

static void
article_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Move) move = user_data;
  GlossSession *session = GLOSS_SESSION (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  GFile *current;

  if (!gloss_session_save_article_finish (session, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _gloss_window_show_error (move->window, error->message);
      return;
    }
  current = gloss_session_get_file (session);
  if (current != NULL && !g_file_equal (current, move->file))
    {
      move_annotations_to (move->window, move->file);
      return;
    }
  name = g_file_get_basename (move->file);
  message = g_strdup_printf (_("The article is back as “%s”"), name);
  _gloss_window_toast (move->window, message, NULL, NULL);
}

/**
 * _gloss_window_save_article_to:
 * @self: a #GlossWindow
 * @file: where to write the text shown
 *
 * Save Article As…, once a file is picked: the text shown, whole or not at
 * all; elsewhere than the article's old path, the annotations follow.
 */
void
_gloss_window_save_article_to (GlossWindow *self,
                               GFile       *file)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gloss_session_save_article_async (self->session, file, self->cancellable, article_saved_cb,
                                    move_new (self, file));
}

/**
 * _gloss_window_locate_article:
 * @self: a #GlossWindow
 * @file: the article, where it is now
 *
 * Locate…, once a file is picked: the annotations follow it there.
 */
void
_gloss_window_locate_article (GlossWindow *self,
                              GFile       *file)
{
  GFile *current;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  current = gloss_session_get_file (self->session);
  if (current == NULL)
    return;
  if (g_file_equal (current, file))
    gloss_session_check_article (self->session);
  else
    move_annotations_to (self, file);
}

static void
save_article_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          GlossWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  /* The chooser asked before replacing an existing file. */
  if (file != NULL)
    _gloss_window_save_article_to (self, file);
  g_object_unref (dialog);
}

/* The article's folder when it is still there; a text file's own name, or
 * the name with .txt for a saved page (its text is no page any more). */
static void
propose_name (GtkFileChooser *chooser,
              GFile          *article)
{
  g_autoptr(GFile) parent = g_file_get_parent (article);
  g_autofree char *base = g_file_get_basename (article);
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');

  if (parent != NULL && g_file_query_exists (parent, NULL))
    gtk_file_chooser_set_current_folder (chooser, parent, NULL);
  if (dot != NULL && dot != base && g_ascii_strcasecmp (dot, ".txt") != 0)
    *dot = '\0';
  name = dot != NULL && g_ascii_strcasecmp (dot, ".txt") == 0 ? g_strdup (base) : g_strconcat (base, ".txt", NULL);
  gtk_file_chooser_set_current_name (chooser, name);
}

static void
save_article_as_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;

  if (gloss_session_get_file (self->session) == NULL || gloss_session_get_document (self->session) == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Article As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  propose_name (GTK_FILE_CHOOSER (dialog), gloss_session_get_file (self->session));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_article_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
locate_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    GlossWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    _gloss_window_locate_article (self, file);
  g_object_unref (dialog);
}

static void
locate_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GFile) parent = NULL;

  if (gloss_session_get_file (self->session) == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Locate Article"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  parent = g_file_get_parent (gloss_session_get_file (self->session));
  if (parent != NULL && g_file_query_exists (parent, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (locate_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * _gloss_window_article_class_init:
 * @widget_class: the window's class
 *
 * The bars' template children and their actions.
 */
void
_gloss_window_article_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_gone_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_gone_label);
  gtk_widget_class_install_action (widget_class, "win.reload-article", NULL, reload_article_action);
  gtk_widget_class_install_action (widget_class, "win.save-article-as", NULL, save_article_as_action);
  gtk_widget_class_install_action (widget_class, "win.locate-article", NULL, locate_article_action);
}

/**
 * _gloss_window_article_init:
 * @self: a #GlossWindow
 *
 * Shows the bars while the session says the article changed on disk, or
 * is gone from it.
 */
void
_gloss_window_article_init (GlossWindow *self)
{
  g_object_bind_property (self->session, "article-changed", self->article_bar, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->session, "notify::article-changed", G_CALLBACK (article_changed_cb),
                           self, G_CONNECT_SWAPPED);
  article_changed_cb (self);
  /* The bar names where the annotations are: their file, their state. */
  g_signal_connect_object (self->session, "notify::article-missing", G_CALLBACK (article_gone_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::sidecar", G_CALLBACK (article_gone_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (article_gone_cb), self,
                           G_CONNECT_SWAPPED);
  article_gone_cb (self);
}
