/* gloss-application.c: the application object: actions, windows, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-codebook-editor.h"
#include "gloss-codebook.h"
#include "gloss-preferences-window.h"
#include "gloss-recent.h"
#include "gloss-resources.h"
#include "gloss-sidecar.h"
#include "gloss-task.h"
#include "gloss-window.h"

#define SAMPLE_RESOURCE "/org/gloss/Gloss/core/sample/"
#define SAMPLE_ARTICLE "river-report.txt"
#define SAMPLE_SIDECAR "river-report.txt.sample.gloss.json"
#define SAMPLE_COLLEAGUE "river-report.txt.mei.gloss.json"

struct _GlossApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  /* The first-run offer to change the annotator id, until a window shows it. */
  gboolean        offer_pending;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

GlossApplication *
gloss_application_new (void)
{
  /* the sample article is among the core's resources */
  gloss_resources_ensure ();
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/gloss/Gloss",
                       NULL);
}

/* ------------------------------------------------------------------ */
/* The sample article, copied out of the resources */

static const char * const sample_names[] = { SAMPLE_ARTICLE, SAMPLE_COLLEAGUE };

typedef struct
{
  GFile   *dir;
  GFile   *article;
  GError  *error;       /* a copy failed: returned once its remains are gone */
  guint    next;        /* the index in sample_names being copied */
  gboolean first_time;  /* the article was copied now, not there before */
} SampleCopy;

static void
sample_copy_free (SampleCopy *copy)
{
  g_clear_object (&copy->dir);
  g_clear_object (&copy->article);
  g_clear_error (&copy->error);
  g_free (copy);
}

/* Fails with a message that names the file the sample goes to. */
static void
sample_return_error (GTask  *task,
                     GError *error)
{
  SampleCopy *copy = g_task_get_task_data (task);
  g_autofree char *path = g_file_get_path (copy->article);

  g_task_return_new_error (task, error->domain, error->code,
                           _("Could not copy the sample article to %s: %s"), path, error->message);
}

static void
sample_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SampleCopy *copy = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The article opens all the same, without highlights to try. */
  if (!gloss_sidecar_save_finish (GLOSS_SIDECAR (source), result, &error))
    g_warning ("%s", error->message);
  g_task_return_pointer (task, g_object_ref (copy->article), g_object_unref);
}

/* The first time, the sample's annotations become the user's own layer,
 * so there is something highlighted to try things on; a colleague's
 * layer that differs in places is there to try the review on.  Takes
 * @task. */
static void
sample_make_own_layer (GTask *task)
{
  GlossApplication *self = g_task_get_source_object (task);
  SampleCopy *copy = g_task_get_task_data (task);
  g_autofree char *id = g_settings_get_string (self->settings, "annotator-id");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GFile) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GlossCodebook) builtin = gloss_codebook_new_default ();
  GlossCodebook *stored;

  if (!gloss_annotator_id_is_valid (id))
    {
      g_free (id);
      id = gloss_annotator_id_default ();
    }

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE SAMPLE_SIDECAR, 0, &error);
  if (bytes != NULL)
    sidecar = gloss_sidecar_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           SAMPLE_SIDECAR, NULL, &error);
  if (sidecar == NULL)
    {
      g_warning ("%s", error->message);
      g_task_return_pointer (task, g_object_ref (copy->article), g_object_unref);
      g_object_unref (task);
      return;
    }

  name = g_settings_get_string (self->settings, "annotator-name");
  gloss_sidecar_set_annotator_id (sidecar, id);
  gloss_sidecar_set_annotator_name (sidecar, *name ? name : NULL);
  /* The sample is coded with the built-in codebook: the user's copy gets it
   * in the user's language, as a new article would. */
  stored = gloss_sidecar_get_codebook (sidecar);
  if (g_strcmp0 (gloss_codebook_get_name (stored), gloss_codebook_get_name (builtin)) == 0 &&
      g_strcmp0 (gloss_codebook_get_version (stored), gloss_codebook_get_version (builtin)) == 0)
    gloss_sidecar_set_codebook (sidecar, builtin);

  own = gloss_sidecar_file_for_article (copy->article, id);
  /* Never over a file of the same name (an annotator called "mei"). */
  gloss_sidecar_save_async (sidecar, own, GLOSS_SIDECAR_SAVE_NONE, g_task_get_cancellable (task),
                            sample_saved_cb, task);
}

static void sample_copy_next (GTask *task);

static void
sample_removed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SampleCopy *copy = g_task_get_task_data (task);

  /* Whether there was anything to remove or not. */
  g_file_delete_finish (G_FILE (source), result, NULL);
  sample_return_error (task, copy->error);
}

static void
sample_copied_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SampleCopy *copy = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_file_copy_finish (G_FILE (source), result, &error))
    copy->first_time = copy->first_time || copy->next == 0;
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      /* Whole or nothing: a half-written copy would be taken for the
       * user's own next time, and never replaced. */
      g_autoptr(GFile) target = g_file_get_child (copy->dir, sample_names[copy->next]);

      copy->error = g_steal_pointer (&error);
      g_file_delete_async (target, G_PRIORITY_DEFAULT, NULL, sample_removed_cb, g_steal_pointer (&task));
      return;
    }
  /* G_IO_ERROR_EXISTS: never overwritten, the user may have annotated it. */
  copy->next++;
  sample_copy_next (g_steal_pointer (&task));
}

/* Takes @task. */
static void
sample_copy_next (GTask *task)
{
  SampleCopy *copy = g_task_get_task_data (task);
  g_autofree char *uri = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;

  if (copy->next == G_N_ELEMENTS (sample_names))
    {
      if (copy->first_time)
        {
          sample_make_own_layer (task);
          return;
        }
      g_task_return_pointer (task, g_object_ref (copy->article), g_object_unref);
      g_object_unref (task);
      return;
    }

  uri = g_strconcat ("resource://" SAMPLE_RESOURCE, sample_names[copy->next], NULL);
  source = g_file_new_for_uri (uri);
  target = g_file_get_child (copy->dir, sample_names[copy->next]);
  g_file_copy_async (source, target, G_FILE_COPY_NONE, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                     NULL, NULL, sample_copied_cb, task);
}

/* GIO has no asynchronous make-directory-with-parents: this one step runs
 * in a thread. */
static void
sample_dir_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (!g_file_make_directory_with_parents (task_data, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_task_return_error (task, error);
  else
    {
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
    }
}

static void
sample_dir_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    sample_return_error (task, error);
  else
    sample_copy_next (g_steal_pointer (&task));
}

/**
 * gloss_application_get_sample_file_async:
 * @self: a #GlossApplication
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the sample is ready
 * @user_data: for @callback
 *
 * The bundled sample article lives in resources; a copy in the user's data
 * folder is what gets opened, so that annotating it saves somewhere
 * writable.  Copies that are there already are kept as they are.
 */
void
gloss_application_get_sample_file_async (GlossApplication    *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) dir_task = NULL;
  SampleCopy *copy;

  g_return_if_fail (GLOSS_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_application_get_sample_file_async);
  copy = g_new0 (SampleCopy, 1);
  copy->dir = g_file_new_build_filename (g_get_user_data_dir (), "gloss", "sample", NULL);
  copy->article = g_file_get_child (copy->dir, SAMPLE_ARTICLE);
  g_task_set_task_data (task, copy, (GDestroyNotify) sample_copy_free);

  dir_task = g_task_new (self, cancellable, sample_dir_cb, g_steal_pointer (&task));
  g_task_set_source_tag (dir_task, sample_dir_thread);
  g_task_set_task_data (dir_task, g_object_ref (copy->dir), g_object_unref);
  gloss_task_run_in_thread (dir_task, sample_dir_thread);
}

/**
 * gloss_application_get_sample_file_finish:
 * @self: a #GlossApplication
 * @result: the result given to the callback
 * @error: return location for a #GError, naming the file
 *
 * Returns: (transfer full) (nullable): the copy of the sample article
 */
GFile *
gloss_application_get_sample_file_finish (GlossApplication  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GSettings *
gloss_application_get_settings (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);
  return self->settings;
}

static gboolean
window_close_request_cb (GtkWindow        *window,
                         GlossApplication *self)
{
  int width, height;

  /* The size of a maximized window is the screen's, not the one to restore. */
  if (!gtk_window_is_maximized (window))
    {
      gtk_window_get_default_size (window, &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GDK_EVENT_PROPAGATE;
}

/**
 * gloss_application_track_window:
 * @self: a #GlossApplication
 * @window: a new top-level window
 *
 * Gives @window the size of the last closed window, and remembers its size when
 * it closes.
 */
void
gloss_application_track_window (GlossApplication *self,
                                GtkWindow        *window)
{
  int width, height;

  g_return_if_fail (GLOSS_IS_APPLICATION (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (window, width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (window);

  g_signal_connect_object (window, "close-request",
                           G_CALLBACK (window_close_request_cb), self, 0);
}

static GlossWindow *
new_window (GlossApplication *self)
{
  GlossWindow *window = gloss_window_new (GTK_APPLICATION (self));
  AdwToast *offer;

  gloss_application_track_window (self, GTK_WINDOW (window));

  /* The first window of a first run offers to change the annotator id. */
  offer = gloss_application_take_first_run_toast (self);
  if (offer != NULL)
    gloss_window_add_toast (window, offer);

  return window;
}

/**
 * gloss_application_note_opened:
 * @self: a #GlossApplication
 * @file: an article that was just opened
 *
 * Adds @file to the recently used files and to the articles Gloss reopens.
 */
void
gloss_application_note_opened (GlossApplication *self,
                               GFile            *file)
{
  g_return_if_fail (GLOSS_IS_APPLICATION (self));

  gloss_note_opened (self->settings, file);
}

/**
 * gloss_application_get_recent_articles:
 * @self: a #GlossApplication
 *
 * Returns: (transfer full): URIs of the articles opened last, most recent first
 */
char **
gloss_application_get_recent_articles (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);
  return g_settings_get_strv (self->settings, "recent-articles");
}

/* The last article opened, if it is still there: what a new session reopens. */
static GFile *
last_article (GlossApplication *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-articles");

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);

      if (g_file_is_native (file) && g_file_query_exists (file, NULL))
        return g_steal_pointer (&file);
    }

  return NULL;
}

static void show_preferences (GlossApplication *self,
                              gboolean          focus_annotator);

static void
change_annotator_cb (GlossApplication *self)
{
  show_preferences (self, TRUE);
}

/**
 * gloss_application_take_first_run_toast:
 * @self: a #GlossApplication
 *
 * On the first run the annotator id is offered for change, without blocking:
 * the first window to call this shows the toast it returns; later calls return
 * %NULL.
 *
 * Returns: (transfer full) (nullable): a toast to add to the window's overlay
 */
AdwToast *
gloss_application_take_first_run_toast (GlossApplication *self)
{
  g_autofree char *id = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  if (!self->offer_pending)
    return NULL;
  self->offer_pending = FALSE;
  g_settings_set_boolean (self->settings, "annotator-offered", TRUE);

  id = gloss_annotator_id_default ();
  escaped = g_markup_escape_text (id, -1);
  /* Translators: %s is the annotator id, by default the login name */
  title = g_strdup_printf (_("You annotate as “%s”"), escaped);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Change…"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (change_annotator_cb), self, G_CONNECT_SWAPPED);

  return toast;
}

/* The sample is copied out: open it in the window it was for, if that is
 * still open, or say there why it cannot be. */
static void
sample_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GlossApplication *self = GLOSS_APPLICATION (source);
  g_autoptr(GlossWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) sample = gloss_application_get_sample_file_finish (self, result, &error);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (self)), window) == NULL)
    return;
  if (sample != NULL)
    {
      gloss_window_open (window, sample);
      return;
    }
  /* A toast's title is markup. */
  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  gloss_window_add_toast (window, toast);
}

static void
gloss_application_activate (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  g_autoptr(GFile) sample = NULL;
  GlossWindow *window;

  window = new_window (self);
  sample = last_article (self);
  if (sample != NULL)
    gloss_window_open (window, sample);
  else
    gloss_application_get_sample_file_async (self, NULL, sample_ready_cb, g_object_ref (window));

  gtk_window_present (GTK_WINDOW (window));
}

static void
gloss_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GlossApplication *self = GLOSS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      GlossWindow *window = new_window (self);

      gtk_window_present (GTK_WINDOW (window));
      /* `gloss https://…` fetches the page as Ctrl+L does. */
      if (g_file_has_uri_scheme (files[i], "http") || g_file_has_uri_scheme (files[i], "https"))
        {
          g_autofree char *url = g_file_get_uri (files[i]);

          gloss_window_open_url (window, url);
        }
      else
        gloss_window_open (window, files[i]);
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GlossApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window lets it ask about unsaved changes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Gloss developers", NULL };
  const char *designers[] = { "The Gloss developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Gloss"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Gloss developers"),
                         "developers", developers,
                         "designers", designers,
                         "artists", designers,
                         "comments", _("Annotate news articles: tag quotes, speakers, programs and statistics, export them, and compare coders."),
                         "copyright", "© 2026 The Gloss developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line, shown in the About window */
                         "translator-credits", _("translator-credits"),
                         "release-notes-version", PACKAGE_VERSION,
                         "release-notes", _("<p>The first release: annotating, sidecar files, the codebook editor and preferences.</p>"),
                         NULL);
}

static void
show_preferences (GlossApplication *self,
                  gboolean          focus_annotator)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GlossPreferencesWindow *preferences;

  /* One preferences window: a second activation raises it. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (GLOSS_IS_PREFERENCES_WINDOW (l->data))
      {
        if (focus_annotator)
          gloss_preferences_window_focus_annotator (l->data);
        gtk_window_present (l->data);
        return;
      }

  preferences = gloss_preferences_window_new (self->settings);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));

  if (focus_annotator)
    gloss_preferences_window_focus_annotator (preferences);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  show_preferences (user_data, FALSE);
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/org/gloss/Gloss/ui/gloss-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  if (parent != NULL)
    gtk_window_set_transient_for (shortcuts, parent);
  gtk_window_present (shortcuts);
}

static void
codebook_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GlossCodebook) fallback = NULL;
  GlossCodebook *codebook = NULL;
  GlossAnnotationSet *annotations = NULL;
  GlossCodebookEditor *editor;

  /* The editor edits the codebook of the article in front, or a fresh default one. */
  if (GLOSS_IS_WINDOW (parent))
    {
      GlossSidecar *sidecar = gloss_window_get_sidecar (GLOSS_WINDOW (parent));

      if (sidecar != NULL)
        {
          codebook = gloss_sidecar_get_codebook (sidecar);
          annotations = gloss_sidecar_get_annotations (sidecar);
        }
    }
  if (codebook == NULL)
    codebook = fallback = gloss_codebook_new_default ();

  editor = gloss_codebook_editor_new (codebook);
  gloss_codebook_editor_set_annotations (editor, annotations);
  gtk_window_set_application (GTK_WINDOW (editor), GTK_APPLICATION (self));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (editor), parent);
  gtk_window_present (GTK_WINDOW (editor));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "codebook", codebook_activated },
};

static void
color_scheme_changed_cb (GlossApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_str_equal (scheme, "light"))
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
gloss_application_startup (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close", (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.shortcuts", (const char *[]) { "<Control>question", NULL });

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  color_scheme_changed_cb (self);

  /* Offered once, and only while no id was chosen. */
  {
    g_autofree char *id = g_settings_get_string (self->settings, "annotator-id");

    self->offer_pending = id[0] == '\0' && !g_settings_get_boolean (self->settings, "annotator-offered");
  }
}

static void
gloss_application_dispose (GObject *object)
{
  GlossApplication *self = (GlossApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_application_parent_class)->dispose (object);
}

static void
gloss_application_shutdown (GApplication *app)
{
  G_APPLICATION_CLASS (gloss_application_parent_class)->shutdown (app);

  /* What the windows read or saved last is cached for next time. */
  gloss_sidecar_cache_flush ();
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gloss_application_dispose;
  app_class->activate = gloss_application_activate;
  app_class->open = gloss_application_open;
  app_class->startup = gloss_application_startup;
  app_class->shutdown = gloss_application_shutdown;
}

static void
gloss_application_init (GlossApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}
