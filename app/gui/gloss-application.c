/* gloss-application.c: the application object: actions, windows, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-window.h"

#define SAMPLE_RESOURCE "/org/gloss/Gloss/core/sample/"
#define SAMPLE_ARTICLE "river-report.txt"
#define SAMPLE_SIDECAR "river-report.txt.sample.gloss.json"

struct _GlossApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/gloss/Gloss",
                       NULL);
}

/**
 * gloss_application_get_sample_file:
 * @self: a #GlossApplication
 * @error: return location for a #GError
 *
 * The bundled sample article lives in resources; a copy in the user's data
 * folder is what gets opened, so that annotating it saves somewhere writable.
 *
 * Returns: (transfer full) (nullable): the sample article's file
 */
GFile *
gloss_application_get_sample_file (GlossApplication  *self,
                                   GError           **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "gloss", "sample", NULL);
  const char *names[] = { SAMPLE_ARTICLE, SAMPLE_SIDECAR };

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *resource = g_strconcat (SAMPLE_RESOURCE, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      /* Never overwrite: the user may have annotated the copy. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL ||
          !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
        return NULL;
    }

  return g_file_new_build_filename (dir, SAMPLE_ARTICLE, NULL);
}

GSettings *
gloss_application_get_settings (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);
  return self->settings;
}

static GlossWindow *
new_window (GlossApplication *self)
{
  return gloss_window_new (self);
}

static void
gloss_application_activate (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) sample = NULL;
  GlossWindow *window;

  window = new_window (self);
  sample = gloss_application_get_sample_file (self, &error);
  if (sample != NULL)
    gloss_window_open (window, sample);
  else
    g_warning ("%s", error->message);

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

      gloss_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
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

  adw_show_about_window (parent,
                         "application-name", _("Gloss"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Gloss developers"),
                         "developers", developers,
                         "comments", _("Annotate news articles: tag quotes, speakers, programs and statistics, export them, and compare coders."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
gloss_application_startup (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close", (const char *[]) { "<Control>w", NULL });
}

static void
gloss_application_dispose (GObject *object)
{
  GlossApplication *self = (GlossApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_application_parent_class)->dispose (object);
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
}

static void
gloss_application_init (GlossApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}
