/* test-codebook-editor.c: the codebook editor changes the model, and never orphans annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gloss-annotation-set.h"
#include "gloss-annotation.h"
#include "gloss-codebook-editor.h"
#include "gloss-codebook.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

typedef struct
{
  GlossCodebook       *codebook;
  GlossAnnotationSet  *annotations;
  GlossCodebookEditor *editor;
  guint                n_changed;
} Fixture;

static void
changed_cb (GlossCodebookEditor *editor,
            Fixture             *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GlossTag) quote = gloss_tag_new ("quote", "Quote", "#f6d32d", "1");
  g_autoptr(GlossTag) official = gloss_tag_new ("official", "Official", "#62a0ea", "2");
  g_autoptr(GlossTag) place = gloss_tag_new ("place", "Place", "#93ddc2", "3");

  fixture->codebook = gloss_codebook_new ("Test codebook", "1");
  gloss_codebook_add_tag (fixture->codebook, quote);
  gloss_codebook_add_tag (fixture->codebook, official);
  gloss_codebook_add_tag (fixture->codebook, place);

  fixture->annotations = gloss_annotation_set_new ();
  gloss_annotation_set_create (fixture->annotations, "quote", 0, 5);
  gloss_annotation_set_create (fixture->annotations, "official", 10, 15);
  gloss_annotation_set_create (fixture->annotations, "official", 20, 25);
  gloss_annotation_set_create (fixture->annotations, "place", 30, 35);

  fixture->editor = gloss_codebook_editor_new (fixture->codebook);
  gloss_codebook_editor_set_annotations (fixture->editor, fixture->annotations);
  g_signal_connect (fixture->editor, "changed", G_CALLBACK (changed_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  gloss_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_ref (fixture->editor);
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  gloss_test_iterate ();
  gloss_test_assert_finalized (fixture->editor);
  gloss_test_assert_finalized (fixture->annotations);
  gloss_test_assert_finalized (fixture->codebook);
}

static guint
count_tag (GlossAnnotationSet *set,
           const char         *tag)
{
  guint n = 0;

  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    if (g_strcmp0 (gloss_annotation_get_tag (gloss_annotation_set_get_nth (set, i)), tag) == 0)
      n++;

  return n;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_selection_fills_page (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *label_row = gloss_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_ENTRY_ROW, "Label");
  GtkWidget *key_row = gloss_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_ENTRY_ROW, "Shortcut Key");
  GlossTag *official = gloss_codebook_lookup (fixture->codebook, "official");

  /* The first tag is selected at once. */
  g_assert_true (gloss_codebook_editor_get_selected_tag (fixture->editor) == gloss_codebook_get_tag (fixture->codebook, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label_row)), ==, "Quote");

  gloss_codebook_editor_select_tag (fixture->editor, official);
  g_assert_true (gloss_codebook_editor_get_selected_tag (fixture->editor) == official);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label_row)), ==, "Official");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (key_row)), ==, "2");
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_rename_recolour_rekey (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *editor = GTK_WIDGET (fixture->editor);
  GtkWidget *label_row = gloss_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "Label");
  GtkWidget *key_row = gloss_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "Shortcut Key");
  GtkWidget *description_row = gloss_test_find_widget (editor, ADW_TYPE_ENTRY_ROW, "Description");
  GtkWidget *color_button = gloss_test_find_in_row (editor, "Colour", GTK_TYPE_COLOR_BUTTON);
  GlossTag *quote = gloss_codebook_lookup (fixture->codebook, "quote");
  GdkRGBA red = { 1, 0, 0, 1 };

  gtk_editable_set_text (GTK_EDITABLE (label_row), "Direct quote");
  g_assert_cmpstr (gloss_tag_get_label (quote), ==, "Direct quote");
  g_assert_cmpstr (gloss_tag_get_id (quote), ==, "quote");

  /* An empty label is not applied: the tag would be unnamed everywhere. */
  gtk_editable_set_text (GTK_EDITABLE (label_row), "  ");
  g_assert_cmpstr (gloss_tag_get_label (quote), ==, "Direct quote");

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color_button), &red);
  g_signal_emit_by_name (color_button, "color-set");
  g_assert_cmpstr (gloss_tag_get_color (quote), ==, "#ff0000");

  /* A key another tag uses is refused, with an error on the row. */
  gtk_editable_set_text (GTK_EDITABLE (key_row), "2");
  g_signal_emit_by_name (key_row, "apply");
  g_assert_cmpstr (gloss_tag_get_key (quote), ==, "1");
  g_assert_true (gtk_widget_has_css_class (key_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (key_row), "q");
  g_signal_emit_by_name (key_row, "apply");
  g_assert_cmpstr (gloss_tag_get_key (quote), ==, "q");
  g_assert_false (gtk_widget_has_css_class (key_row, "error"));
  g_assert_true (gloss_codebook_lookup_key (fixture->codebook, "q") == quote);

  gtk_editable_set_text (GTK_EDITABLE (description_row), "Words in quotation marks.");
  g_assert_cmpstr (gloss_tag_get_description (quote), ==, "Words in quotation marks.");

  g_assert_cmpuint (fixture->n_changed, ==, 4);
}

static void
test_add_tag (Fixture       *fixture,
              gconstpointer  data)
{
  GlossTag *tag;

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-tag", NULL);
  g_assert_cmpuint (gloss_codebook_get_n_tags (fixture->codebook), ==, 4);
  tag = gloss_codebook_get_tag (fixture->codebook, 3);
  g_assert_cmpstr (gloss_tag_get_id (tag), ==, "tag");
  g_assert_cmpstr (gloss_tag_get_key (tag), ==, "4");
  g_assert_true (gloss_codebook_editor_get_selected_tag (fixture->editor) == tag);

  tag = gloss_codebook_editor_add_tag (fixture->editor);
  g_assert_cmpstr (gloss_tag_get_id (tag), ==, "tag-2");
  g_assert_cmpstr (gloss_tag_get_key (tag), ==, "5");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->codebook)), ==, 5);
}

/* The check button labelled @label in @root. */
static GtkWidget *
find_check (GtkWidget  *root,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_CHECK_BUTTON (child) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_check (child, label)))
        return found;
    }
  return NULL;
}

static void
test_attributes (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *editor = GTK_WIDGET (fixture->editor);
  GlossTag *quote = gloss_codebook_lookup (fixture->codebook, "quote");
  GPtrArray *defs = gloss_tag_get_attributes (quote);
  const GlossAttributeDef *def;
  GtkWidget *expander, *type_row, *values_row, *to_row, *label_row;

  g_assert_cmpuint (defs->len, ==, 0);
  gtk_widget_activate_action (editor, "editor.add-attribute", NULL);
  g_assert_cmpuint (defs->len, ==, 1);
  def = g_ptr_array_index (defs, 0);
  g_assert_cmpstr (def->id, ==, "attribute");
  g_assert_cmpint (def->type, ==, GLOSS_ATTRIBUTE_TEXT);

  expander = gloss_test_find_widget (editor, ADW_TYPE_EXPANDER_ROW, NULL);
  g_assert_nonnull (expander);
  label_row = gloss_test_find_widget (expander, ADW_TYPE_ENTRY_ROW, "Label");
  type_row = gloss_test_find_widget (expander, ADW_TYPE_COMBO_ROW, "Type");
  values_row = gloss_test_find_widget (expander, ADW_TYPE_ENTRY_ROW, "Values, Separated by Commas");
  to_row = gloss_test_find_widget (expander, ADW_TYPE_ACTION_ROW, "Links To");

  gtk_editable_set_text (GTK_EDITABLE (label_row), "Mode");
  g_assert_cmpstr (def->label, ==, "Mode");

  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), 1);
  g_assert_cmpint (def->type, ==, GLOSS_ATTRIBUTE_CHOICE);
  g_assert_true (gtk_widget_get_visible (values_row));
  g_assert_false (gtk_widget_get_visible (to_row));
  gtk_editable_set_text (GTK_EDITABLE (values_row), "direct, partial ,, paraphrase");
  g_assert_cmpuint (g_strv_length (def->choices), ==, 3);
  g_assert_cmpstr (def->choices[1], ==, "partial");

  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), 2);
  g_assert_cmpint (def->type, ==, GLOSS_ATTRIBUTE_LINK);
  g_assert_true (gtk_widget_get_visible (to_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (to_row)), ==, "Annotations of any tag");
  /* The targets are picked from the codebook's tags, in a popover built
   * when it opens; they are kept in the codebook's order. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (gloss_test_find_widget (to_row, GTK_TYPE_MENU_BUTTON, NULL));
    GtkWidget *popover;

    gtk_menu_button_popup (button);
    popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
    g_assert_nonnull (popover);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (popover, "Place")), TRUE);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (popover, "Official")), TRUE);
    gtk_menu_button_popdown (button);
  }
  g_assert_cmpuint (g_strv_length (def->to), ==, 2);
  g_assert_cmpstr (def->to[0], ==, "official");
  g_assert_cmpstr (def->to[1], ==, "place");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (to_row)), ==, "Official, Place");

  /* A target the codebook does not know (a team's older codebook) is kept
   * and shown as such; unticking a tag takes only that one away. */
  {
    GlossAttributeDef *editable = g_ptr_array_index (defs, 0);
    GtkMenuButton *button = GTK_MENU_BUTTON (gloss_test_find_widget (to_row, GTK_TYPE_MENU_BUTTON, NULL));
    GtkWidget *popover;

    g_strfreev (editable->to);
    editable->to = g_strsplit ("official,ghost,place", ",", -1);
    gtk_menu_button_popup (button);
    popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (popover, "Official"))));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (popover, "Official")), FALSE);
    gtk_menu_button_popdown (button);
    g_assert_cmpuint (g_strv_length (def->to), ==, 2);
    g_assert_cmpstr (def->to[0], ==, "place");
    g_assert_cmpstr (def->to[1], ==, "ghost");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (to_row)), ==, "Place, ghost (not in this codebook)");
    gtk_menu_button_popup (button);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (GTK_WIDGET (gtk_menu_button_get_popover (button)), "Official")), TRUE);
    gtk_menu_button_popdown (button);
    g_assert_cmpstr (def->to[0], ==, "official");
  }

  /* What the editor wrote survives the codebook's JSON. */
  {
    g_autoptr(JsonNode) node = gloss_codebook_to_json (fixture->codebook);
    g_autoptr(GlossCodebook) copy = gloss_codebook_new_from_json (node, "codebook", NULL);
    const GlossAttributeDef *copied;

    g_assert_nonnull (copy);
    copied = gloss_tag_lookup_attribute (gloss_codebook_lookup (copy, "quote"), "attribute");
    g_assert_nonnull (copied);
    g_assert_cmpstr (copied->label, ==, "Mode");
    g_assert_cmpint (copied->type, ==, GLOSS_ATTRIBUTE_LINK);
    g_assert_cmpstr (copied->to[1], ==, "place");
  }

  g_signal_emit_by_name (gloss_test_find_widget (expander, GTK_TYPE_BUTTON, "_Remove Attribute"), "clicked");
  g_assert_cmpuint (defs->len, ==, 0);
}

static void
test_delete_unused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GlossTag) tag = g_object_ref (gloss_codebook_editor_add_tag (fixture->editor));

  g_assert_cmpuint (gloss_codebook_editor_count_uses (fixture->editor, gloss_tag_get_id (tag)), ==, 0);
  g_assert_false (gloss_codebook_editor_request_delete (fixture->editor, tag));
  g_assert_null (gloss_codebook_lookup (fixture->codebook, gloss_tag_get_id (tag)));
  g_assert_null (find_dialog ());
  /* Browse selection moves on to another tag. */
  g_assert_nonnull (gloss_codebook_editor_get_selected_tag (fixture->editor));
}

/* A deletion that changed no annotation has Undo on its toast: the tag
 * comes back where it was, with its key. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GlossTag) tag = gloss_tag_new ("event", "Event", "#ff7800", "9");
  GtkWidget *undo;
  guint position = 1;

  gloss_codebook_insert_tag (fixture->codebook, tag, position);
  g_assert_true (gloss_codebook_get_tag (fixture->codebook, position) == tag);
  g_assert_cmpuint (gloss_codebook_editor_count_uses (fixture->editor, "event"), ==, 0);

  g_assert_false (gloss_codebook_editor_request_delete (fixture->editor, tag));
  g_assert_null (gloss_codebook_lookup (fixture->codebook, gloss_tag_get_id (tag)));
  gloss_test_iterate ();

  undo = gloss_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  gloss_test_iterate ();

  g_assert_true (gloss_codebook_get_tag (fixture->codebook, position) == tag);
  g_assert_cmpstr (gloss_tag_get_key (tag), ==, "9");
  g_assert_true (gloss_codebook_editor_get_selected_tag (fixture->editor) == tag);
}

static void
test_delete_retag (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossTag *official = gloss_codebook_lookup (fixture->codebook, "official");
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;

  g_assert_cmpuint (gloss_codebook_editor_count_uses (fixture->editor, "official"), ==, 2);

  /* Cancel changes nothing. */
  gloss_codebook_editor_select_tag (fixture->editor, official);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.delete-tag", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_iterate ();
  g_assert_true (gloss_codebook_lookup (fixture->codebook, "official") == official);
  g_assert_cmpuint (count_tag (fixture->annotations, "official"), ==, 2);

  /* Re-tag to the second other tag, "place". */
  g_assert_true (gloss_codebook_editor_request_delete (fixture->editor, official));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  dropdown = gloss_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  adw_message_dialog_response (dialog, "retag");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_iterate ();

  g_assert_null (gloss_codebook_lookup (fixture->codebook, "official"));
  g_assert_cmpuint (count_tag (fixture->annotations, "official"), ==, 0);
  g_assert_cmpuint (count_tag (fixture->annotations, "place"), ==, 3);
  g_assert_cmpuint (gloss_annotation_set_get_size (fixture->annotations), ==, 4);

  /* One undo brings every annotation back to its tag. */
  g_assert_true (gloss_annotation_set_undo (fixture->annotations));
  g_assert_cmpuint (count_tag (fixture->annotations, "official"), ==, 2);
}

static void
test_delete_keep (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossTag *quote = gloss_codebook_lookup (fixture->codebook, "quote");
  AdwMessageDialog *dialog;

  g_assert_true (gloss_codebook_editor_request_delete (fixture->editor, quote));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_iterate ();

  /* The tag is gone, its annotation stays, still naming it. */
  g_assert_null (gloss_codebook_lookup (fixture->codebook, "quote"));
  g_assert_cmpuint (count_tag (fixture->annotations, "quote"), ==, 1);
  g_assert_cmpuint (gloss_codebook_get_n_tags (fixture->codebook), ==, 2);
}

static gboolean
run_file (GlossCodebookEditor  *editor,
          GFile                *file,
          gboolean              export,
          GError              **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  if (export)
    gloss_codebook_editor_export_file_async (editor, file, NULL, gloss_test_keep_result, &result);
  else
    gloss_codebook_editor_import_file_async (editor, file, NULL, gloss_test_keep_result, &result);
  /* The editor reads and writes files in a thread: wait for the outcome. */
  gloss_test_wait_result (&result);
  ok = export ? gloss_codebook_editor_export_file_finish (editor, result, error)
              : gloss_codebook_editor_import_file_finish (editor, result, error);
  g_object_unref (result);
  return ok;
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *exported = g_build_filename (dir, "gloss-codebook.json", NULL);
  g_autofree char *other = g_build_filename (dir, "other.json", NULL);
  g_autoptr(GFile) exported_file = g_file_new_for_path (exported);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GlossCodebook) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (run_file (fixture->editor, exported_file, TRUE, &error));
  g_assert_no_error (error);
  reloaded = gloss_codebook_load_file (exported_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_codebook_get_name (reloaded), ==, "Test codebook");
  g_assert_cmpuint (gloss_codebook_get_n_tags (reloaded), ==, 3);

  gloss_test_write (other,
                    "{ \"name\": \"Team\", \"version\": \"2\", \"tags\": ["
                    "  { \"id\": \"quote\", \"label\": \"Quote\", \"color\": \"#f6d32d\", \"key\": \"1\" },"
                    "  { \"id\": \"claim\", \"label\": \"Claim\", \"color\": \"#ff0000\", \"key\": \"2\" } ] }",
                    -1);
  g_assert_true (run_file (fixture->editor, other_file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_codebook_get_name (fixture->codebook), ==, "Team");
  g_assert_cmpstr (gloss_codebook_get_version (fixture->codebook), ==, "2");
  g_assert_cmpuint (gloss_codebook_get_n_tags (fixture->codebook), ==, 2);
  g_assert_nonnull (gloss_codebook_lookup (fixture->codebook, "claim"));
  g_assert_null (gloss_codebook_lookup (fixture->codebook, "official"));
  /* The annotations are untouched. */
  g_assert_cmpuint (count_tag (fixture->annotations, "official"), ==, 2);

  /* A broken file changes nothing. */
  gloss_test_write (other, "{ \"tags\": 3 }", -1);
  g_assert_false (run_file (fixture->editor, other_file, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (gloss_codebook_get_name (fixture->codebook), ==, "Team");

  g_unlink (exported);
  g_unlink (other);
  g_rmdir (dir);
}

static void
test_codebook_name (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *name_row = gloss_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_ENTRY_ROW, "Name");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Test codebook");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Policy coverage");
  g_assert_cmpstr (gloss_codebook_get_name (fixture->codebook), ==, "Policy coverage");
  g_assert_cmpuint (fixture->n_changed, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  gloss_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/codebook-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("selection-fills-page", test_selection_fills_page);
  ADD ("rename-recolour-rekey", test_rename_recolour_rekey);
  ADD ("add-tag", test_add_tag);
  ADD ("attributes", test_attributes);
  ADD ("delete-unused", test_delete_unused);
  ADD ("delete-undo", test_delete_undo);
  ADD ("delete-retag", test_delete_retag);
  ADD ("delete-keep", test_delete_keep);
  ADD ("export-import", test_export_import);
  ADD ("codebook-name", test_codebook_name);

  return g_test_run ();
}
