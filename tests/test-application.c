/* test-application.c: application actions, colour scheme, window size, recent articles, first run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-codebook-editor.h"
#include "gloss-open-url-dialog.h"
#include "gloss-preferences-window.h"
#include "gloss-session.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"
#include "gloss-window.h"

static GlossApplication *app;

static void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static guint
count_windows (GType type)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      n++;

  return n;
}

static void
close_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))))
    gtk_window_destroy (windows->data);
  gloss_test_iterate ();
}

static void
test_actions (void)
{
  const char *names[] = { "quit", "about", "preferences", "shortcuts", "codebook" };
  g_auto(GStrv) accels = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), names[i]));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.shortcuts");
  g_assert_cmpstr (accels[0], ==, "<Control>question");
}

static void
test_preferences_once (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_cmpuint (count_windows (GLOSS_TYPE_PREFERENCES_WINDOW), ==, 1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_cmpuint (count_windows (GLOSS_TYPE_PREFERENCES_WINDOW), ==, 1);
  close_windows ();
}

static void
test_codebook_without_article (void)
{
  GtkWindow *editor = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "codebook", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (GLOSS_IS_CODEBOOK_EDITOR (l->data))
      editor = l->data;

  /* With no article in front, the editor shows a fresh default codebook. */
  g_assert_nonnull (editor);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_codebook_editor_get_codebook (GLOSS_CODEBOOK_EDITOR (editor)))), >, 0);
  close_windows ();
}

static void
test_color_scheme (void)
{
  GSettings *settings = gloss_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_string (settings, "color-scheme", "system");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_window_size (void)
{
  GSettings *settings = gloss_application_get_settings (app);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  gloss_application_track_window (app, window);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_present (window);
  gtk_window_set_default_size (window, 1024, 700);
  gtk_window_close (window);
  gloss_test_iterate ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1024);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_recent (void)
{
  GSettings *settings = gloss_application_get_settings (app);
  g_auto(GStrv) recent = NULL;

  g_settings_reset (settings, "recent-articles");
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *path = g_strdup_printf ("/news/article-%02u.html", i);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      gloss_application_note_opened (app, file);
    }
  {
    g_autoptr(GFile) again = g_file_new_for_path ("/news/article-10.html");
    gloss_application_note_opened (app, again);
  }

  recent = gloss_application_get_recent_articles (app);
  g_assert_cmpuint (g_strv_length (recent), ==, 20);
  g_assert_cmpstr (recent[0], ==, "file:///news/article-10.html");
  g_assert_cmpstr (recent[1], ==, "file:///news/article-24.html");
  for (guint i = 1; recent[i] != NULL; i++)
    g_assert_cmpstr (recent[i], !=, recent[0]);
}

static void
test_first_run_toast (void)
{
  g_autoptr(AdwToast) toast = NULL;
  GSettings *settings = gloss_application_get_settings (app);

  /* Offered once per first run, to the first window that asks. */
  toast = gloss_application_take_first_run_toast (app);
  g_assert_nonnull (toast);
  {
    g_autofree char *login = gloss_annotator_id_default ();
    g_assert_nonnull (strstr (adw_toast_get_title (toast), login));
  }
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Change…");
  g_assert_true (g_settings_get_boolean (settings, "annotator-offered"));
  g_assert_null (gloss_application_take_first_run_toast (app));

  /* Its button opens the preferences. */
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpuint (count_windows (GLOSS_TYPE_PREFERENCES_WINDOW), ==, 1);
  close_windows ();
}

/* `gloss https://…` fetches the page, as Ctrl+L and Return would. */
static void
test_open_url_argument (void)
{
  const char *url = "http://127.0.0.1:9/news/article.html";
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (url);
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  GlossOpenUrlDialog *dialog = NULL;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  gloss_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_OPEN_URL_DIALOG (window))
        dialog = GLOSS_OPEN_URL_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gloss_open_url_dialog_get_url (dialog), ==, url);
  /* Started: still connecting, or already refused (nothing listens there). */
  g_assert_true (gloss_open_url_dialog_get_busy (dialog) || gloss_open_url_dialog_get_error (dialog) != NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_windows ();
}

/* Where the sample cannot be copied (a file stands where its folder
 * should be), the error says where it was to go, and nothing is left. */
static void
test_sample_error (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "gloss", NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "gloss", "sample", "river-report.txt", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) sample = NULL;

  gloss_test_write (blocker, "not a folder", -1);
  gloss_application_get_sample_file_async (app, NULL, gloss_test_keep_result, &result);
  gloss_test_wait_result (&result);
  sample = gloss_application_get_sample_file_finish (app, result, &error);
  g_assert_null (sample);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not copy the sample article to "));
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_cmpint (g_unlink (blocker), ==, 0);
}

static gboolean
sample_opened (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  return windows != NULL && GLOSS_IS_WINDOW (windows->data) &&
         gloss_session_get_file (gloss_window_get_session (windows->data)) != NULL;
}

/* The first start, with no article to come back to, copies the sample out
 * of the resources and opens the copy; the user's own layer comes with it.
 * A copy the user has annotated is never overwritten. */
static void
test_sample_opens (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "gloss", "sample", NULL);
  g_autofree char *path = g_build_filename (dir, "river-report.txt", NULL);
  g_autofree char *copied = NULL;
  g_autoptr(GBytes) bundled = g_resources_lookup_data ("/org/gloss/Gloss/core/sample/river-report.txt", 0, NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GFile) own = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) again = NULL;
  GSettings *settings = gloss_application_get_settings (app);
  g_autofree char *id = g_settings_get_string (settings, "annotator-id");
  gsize length;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_settings_set_strv (settings, "recent-articles", NULL);
  g_application_activate (G_APPLICATION (app));
  gloss_test_iterate_until (sample_opened, NULL);
  g_assert_true (g_file_equal (gloss_session_get_file (gloss_window_get_session (gtk_application_get_windows (GTK_APPLICATION (app))->data)),
                               article));
  copied = gloss_test_read (path, &length);
  g_assert_nonnull (bundled);
  g_assert_cmpmem (copied, length, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));
  if (!gloss_annotator_id_is_valid (id))
    {
      g_free (id);
      id = gloss_annotator_id_default ();
    }
  own = gloss_sidecar_file_for_article (article, id);
  g_assert_true (g_file_query_exists (own, NULL));
  close_windows ();

  /* The user's copy stays as it is. */
  gloss_test_write (path, "annotated copy\n", -1);
  gloss_application_get_sample_file_async (app, NULL, gloss_test_keep_result, &result);
  gloss_test_wait_result (&result);
  again = gloss_application_get_sample_file_finish (app, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (again, article));
  g_clear_pointer (&copied, g_free);
  copied = gloss_test_read (path, NULL);
  g_assert_cmpstr (copied, ==, "annotated copy\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* Before anything asks GLib for it: the sample is copied there. */
  data_home = gloss_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gloss_test_gtk_init (&argc, &argv);

  /* Fresh settings before the application reads them at startup. */
  settings = g_settings_new (APP_ID);
  reset_settings (settings);

  app = gloss_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/application/first-run-toast", test_first_run_toast);
  g_test_add_func ("/application/sample-error", test_sample_error);
  g_test_add_func ("/application/sample-opens", test_sample_opens);
  g_test_add_func ("/application/actions", test_actions);
  g_test_add_func ("/application/preferences-once", test_preferences_once);
  g_test_add_func ("/application/codebook-without-article", test_codebook_without_article);
  g_test_add_func ("/application/color-scheme", test_color_scheme);
  g_test_add_func ("/application/window-size", test_window_size);
  g_test_add_func ("/application/recent", test_recent);
  g_test_add_func ("/application/open-url-argument", test_open_url_argument);

  status = g_test_run ();
  g_object_unref (app);
  gloss_test_rm_rf (data_home);
  return status;
}
