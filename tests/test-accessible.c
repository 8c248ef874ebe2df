/* test-accessible.c: every control of every window has a name a screen reader can say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no getter for the accessible name it computes, but its test
 * API tells whether a property or relation is set on a widget's AT context.
 * A control counts as named when it has an accessible label, is labelled by
 * another widget, or shows text of its own (a GtkLabel inside, as in a text
 * button or an AdwButtonContent). A tooltip does not count: GTK 4.8 gives it
 * to screen readers as the description, not the name, so an icon-only button
 * with just a tooltip is announced as "button".
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-codebook.h"
#include "gloss-codebook-editor.h"
#include "gloss-export-dialog.h"
#include "gloss-preferences-window.h"
#include "gloss-sidecar.h"
#include "gloss-window.h"
#include "gloss-test-widgets.h"

static const char article_text[] =
  "Riverside expands the Clean Water programme\n"
  "\n"
  "Every household should drink from the tap, said Mayor Lin on Tuesday.\n";

static gboolean
has_sidecar (gpointer data)
{
  return gloss_window_get_sidecar (data) != NULL;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) ||
         GTK_IS_MENU_BUTTON (widget) ||
         ADW_IS_SPLIT_BUTTON (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) ||
         GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_SCALE (widget) ||
         GTK_IS_COLOR_BUTTON (widget) ||
         GTK_IS_FONT_BUTTON (widget) ||
         GTK_IS_TEXT_VIEW (widget);
}

static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      return text != NULL && *text != '\0';
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child) && shows_text (child))
      return TRUE;

  return FALSE;
}

static gboolean
is_named (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  /* Typing controls need a label: what they show is the user's text. */
  if (GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
      GTK_IS_TEXT_VIEW (widget) || GTK_IS_SWITCH (widget) || GTK_IS_SCALE (widget))
    return FALSE;

  return shows_text (widget);
}

/* The button inside a GtkMenuButton, an AdwSplitButton, a GtkColorButton or
 * a GtkFontButton: its owner is the control and carries the name. */
static gboolean
is_inner_part (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL && (GTK_IS_MENU_BUTTON (parent) || ADW_IS_SPLIT_BUTTON (parent) ||
                            GTK_IS_COLOR_BUTTON (parent) || GTK_IS_FONT_BUTTON (parent));
}

/* Parts of libadwaita's own templates, out of our reach: the search entry of
 * AdwPreferencesWindow (a search box role, announced with its placeholder). */
static gboolean
is_library_part (GtkWidget *widget)
{
  return GTK_IS_SEARCH_ENTRY (widget) &&
         g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), "search_entry") == 0 &&
         ADW_IS_PREFERENCES_WINDOW (gtk_widget_get_root (widget));
}

static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *name = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  if (name != NULL)
    g_string_append_printf (path, "#%s", name);
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));

      if (id != NULL)
        {
          g_string_append_printf (path, " in %s#%s", G_OBJECT_TYPE_NAME (w), id);
          break;
        }
    }
  if (tooltip != NULL)
    g_string_append_printf (path, " (tooltip “%s”)", tooltip);

  return g_string_free (path, FALSE);
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed,
                 guint     *n_controls)
{
  if (is_control (widget) && !is_inner_part (widget) && !is_library_part (widget))
    {
      (*n_controls)++;
      if (!is_named (widget))
        g_ptr_array_add (unnamed, describe (widget));
    }

  /* Popovers too: menus and the tag popover are children of their owners,
   * hidden until opened. Other hidden widgets are left out: they get their
   * text when shown (the review panel's Resume button), and GTK's own hidden
   * parts (a drop-down's unused search entry) are nobody's to name. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) || GTK_IS_POPOVER (child))
      collect_unnamed (child, unnamed, n_controls);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *what)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint n_controls = 0;

  collect_unnamed (root, unnamed, &n_controls);
  g_test_message ("%s: %u controls, %u without a name", what, n_controls, unnamed->len);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("  unnamed: %s", (char *)g_ptr_array_index (unnamed, i));

  /* A walk that finds nothing checks nothing. */
  g_assert_cmpuint (n_controls, >, 3);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
test_windows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-accessible-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) article = NULL;
  GlossWindow *window;
  GtkWindow *dialog;

  g_assert_no_error (error);
  path = g_build_filename (dir, "article.txt", NULL);
  g_file_set_contents (path, article_text, -1, &error);
  g_assert_no_error (error);
  article = g_file_new_for_path (path);

  window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gloss_window_open (window, article);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_sidecar, window);
  gloss_test_iterate ();
  assert_all_named (GTK_WIDGET (window), "main window");

  dialog = gloss_export_dialog_new (GTK_WINDOW (window), gloss_window_get_sidecar (window), article);
  assert_all_named (GTK_WIDGET (dialog), "export window");
  gtk_window_destroy (dialog);

  {
    GlossCodebook *codebook = gloss_sidecar_get_codebook (gloss_window_get_sidecar (window));
    GtkWidget *editor = GTK_WIDGET (gloss_codebook_editor_new (codebook));

    gloss_test_iterate ();
    assert_all_named (editor, "codebook editor");
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    GtkWidget *preferences = GTK_WIDGET (gloss_preferences_window_new (settings));

    assert_all_named (preferences, "preferences");
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  gloss_test_gtk_init (&argc, &argv);

  g_test_add_func ("/accessible/every-control-named", test_windows);

  return g_test_run ();
}
