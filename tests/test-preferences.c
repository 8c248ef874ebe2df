/* test-preferences.c: the preferences window writes every setting and follows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gloss-preferences-window.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  return settings;
}

static void
test_annotator (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GlossPreferencesWindow *window = gloss_preferences_window_new (settings);
  GtkWidget *id_row, *name_row;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  gtk_window_present (GTK_WINDOW (window));
  id_row = gloss_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Annotator Id");
  name_row = gloss_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Display Name");
  g_assert_nonnull (id_row);
  g_assert_nonnull (name_row);

  gtk_editable_set_text (GTK_EDITABLE (id_row), "alice.w");
  g_signal_emit_by_name (id_row, "apply");
  id = g_settings_get_string (settings, "annotator-id");
  g_assert_cmpstr (id, ==, "alice.w");
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));

  /* An id that would break file names is marked and never stored. */
  gtk_editable_set_text (GTK_EDITABLE (id_row), "alice w/2");
  g_signal_emit_by_name (id_row, "apply");
  g_clear_pointer (&id, g_free);
  id = g_settings_get_string (settings, "annotator-id");
  g_assert_cmpstr (id, ==, "alice.w");
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));

  /* Empty is valid: it means the login name. */
  gtk_editable_set_text (GTK_EDITABLE (id_row), "");
  g_signal_emit_by_name (id_row, "apply");
  g_clear_pointer (&id, g_free);
  id = g_settings_get_string (settings, "annotator-id");
  g_assert_cmpstr (id, ==, "");
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));

  /* A change made elsewhere shows up. */
  g_settings_set_string (settings, "annotator-id", "bob");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_row)), ==, "bob");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Alice Wang 王");
  name = g_settings_get_string (settings, "annotator-name");
  g_assert_cmpstr (name, ==, "Alice Wang 王");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_switches_and_values (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GlossPreferencesWindow *window = gloss_preferences_window_new (settings);
  GtkWidget *snap, *bom, *spin, *combo, *font;
  g_autofree char *scheme = NULL;

  gtk_window_present (GTK_WINDOW (window));
  snap = gloss_test_find_in_row (GTK_WIDGET (window), "Snap Selections to Words", GTK_TYPE_SWITCH);
  bom = gloss_test_find_in_row (GTK_WIDGET (window), "Byte Order Mark in CSV Files", GTK_TYPE_SWITCH);
  spin = gloss_test_find_in_row (GTK_WIDGET (window), "Autosave Delay", GTK_TYPE_SPIN_BUTTON);
  font = gloss_test_find_in_row (GTK_WIDGET (window), "Reading Font", GTK_TYPE_FONT_BUTTON);
  combo = gloss_test_find_widget (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Style");

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (snap)));
  gtk_switch_set_active (GTK_SWITCH (snap), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "snap-to-words"));

  /* On by default: spreadsheet programs read UTF-8 CSV by its byte order mark. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (bom)));
  gtk_switch_set_active (GTK_SWITCH (bom), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "csv-bom"));

  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 30);

  g_settings_set_string (settings, "reading-font", "Noto Serif CJK SC 16");
  {
    g_autofree char *shown = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (font));
    g_assert_cmpstr (shown, ==, "Noto Serif CJK SC 16");
  }

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 2);
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_library_folder (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GlossPreferencesWindow *window = gloss_preferences_window_new (settings);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *basename = NULL;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  row = gloss_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Library Folder");

  folder = gloss_settings_get_library_folder (settings);
  basename = g_file_get_basename (folder);
  g_assert_cmpstr (basename, ==, "Gloss");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Gloss"));

  g_settings_set_string (settings, "library-folder", "/srv/news/articles");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "/srv/news/articles");
  g_clear_object (&folder);
  folder = gloss_settings_get_library_folder (settings);
  g_assert_cmpstr (g_file_peek_path (folder), ==, "/srv/news/articles");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_shortcuts (GtkWidget *root,
                   GPtrArray *accels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          char *accel = NULL;

          g_object_get (child, "accelerator", &accel, NULL);
          g_ptr_array_add (accels, accel);
        }
      collect_shortcuts (child, accels);
    }
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/gloss/Gloss/ui/gloss-shortcuts-window.ui");
  GObject *window = gtk_builder_get_object (builder, "shortcuts_window");
  g_autoptr(GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));

  /* Shown, so that a layout warning fails the test (G_DEBUG=fatal-warnings). */
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate ();

  collect_shortcuts (GTK_WIDGET (window), accels);
  g_assert_cmpuint (accels->len, >=, 25);
  g_assert_true (g_ptr_array_find_with_equal_func (accels, "<Control>question", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (accels, "<Control>comma", g_str_equal, NULL));

  /* Every accelerator is one GTK can parse (a typo shows nothing, silently). */
  for (guint i = 0; i < accels->len; i++)
    {
      g_auto(GStrv) keys = g_strsplit (g_ptr_array_index (accels, i), " ", -1);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_auto(GStrv) range = g_strsplit (keys[k], "...", 2);

          for (guint r = 0; range[r] != NULL; r++)
            {
              guint key = 0;
              GdkModifierType mods = 0;

              g_assert_true (gtk_accelerator_parse (range[r], &key, &mods));
              g_assert_cmpuint (key, !=, 0);
            }
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_finalize (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GlossPreferencesWindow *window = gloss_preferences_window_new (settings);

  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate ();
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_assert_finalized (window);
}

int
main (int   argc,
      char *argv[])
{
  gloss_test_gtk_init (&argc, &argv);

  g_test_add_func ("/preferences/annotator", test_annotator);
  g_test_add_func ("/preferences/switches-and-values", test_switches_and_values);
  g_test_add_func ("/preferences/library-folder", test_library_folder);
  g_test_add_func ("/preferences/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/preferences/finalize", test_finalize);

  return g_test_run ();
}
