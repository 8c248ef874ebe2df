/* test-export-dialog.c: the export window writes in the background and reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-export-dialog.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

typedef struct
{
  char         *dir;
  GFile        *article;
  GlossSidecar *sidecar;
} Fixture;

static void
copy_fixture (const char *dir,
              const char *name)
{
  g_autofree char *from = gloss_test_data_path ("export", name, NULL);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *data = gloss_test_read (from, NULL);

  gloss_test_write (to, data, -1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *article = NULL;
  g_autofree char *sidecar = NULL;
  g_autoptr(GFile) sidecar_file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = gloss_test_make_tmpdir ();
  copy_fixture (fixture->dir, "mixed.txt");
  copy_fixture (fixture->dir, "mixed.txt.alice.gloss.json");
  copy_fixture (fixture->dir, "mixed.txt.bob.gloss.json");

  article = g_build_filename (fixture->dir, "mixed.txt", NULL);
  sidecar = g_build_filename (fixture->dir, "mixed.txt.alice.gloss.json", NULL);
  fixture->article = g_file_new_for_path (article);
  sidecar_file = g_file_new_for_path (sidecar);
  fixture->sidecar = gloss_sidecar_load (sidecar_file, NULL, &error);
  g_assert_no_error (error);
  document = gloss_document_load_file (fixture->article, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_sidecar_attach_document (fixture->sidecar, document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->article);
  g_clear_object (&fixture->sidecar);
  gloss_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  GMainLoop *loop;
  GFile     *exported;
  char      *failed;
  gboolean   was_busy;
  guint      left_out;
} Outcome;

static void
exported_cb (GtkWindow *dialog,
             GFile     *destination,
             Outcome   *outcome)
{
  outcome->exported = g_object_ref (destination);
  outcome->left_out = gloss_export_dialog_get_left_out (GLOSS_EXPORT_DIALOG (dialog));
  g_main_loop_quit (outcome->loop);
}

static void
failed_cb (GtkWindow  *dialog,
           const char *message,
           Outcome    *outcome)
{
  outcome->failed = g_strdup (message);
  g_main_loop_quit (outcome->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("the export did not finish");
  return G_SOURCE_REMOVE;
}

/* Runs the dialog's export and waits for its signal, with the main loop
 * turning (the window must not block). */
static void
run_export (GtkWindow *dialog,
            Outcome   *outcome)
{
  guint timeout;

  outcome->loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), outcome);
  g_signal_connect (dialog, "failed", G_CALLBACK (failed_cb), outcome);

  gtk_window_present (dialog);
  gloss_export_dialog_export (GLOSS_EXPORT_DIALOG (dialog));
  outcome->was_busy = gloss_export_dialog_get_busy (GLOSS_EXPORT_DIALOG (dialog));

  timeout = g_timeout_add_seconds (60, timeout_cb, NULL);
  g_main_loop_run (outcome->loop);
  g_source_remove (timeout);
  g_main_loop_unref (outcome->loop);
}

static void
test_this_article (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog = gloss_export_dialog_new (NULL, fixture->sidecar, fixture->article);
  g_autofree char *path = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autofree char *csv = NULL;
  Outcome outcome = { 0 };
  GlossAnnotation *quote;

  /* The default destination sits beside the article. */
  {
    g_autofree char *name = g_file_get_basename (gloss_export_dialog_get_destination (GLOSS_EXPORT_DIALOG (dialog)));
    g_assert_cmpstr (name, ==, "mixed-annotations.csv");
  }

  /* An edit not saved yet is exported as it is on screen. */
  quote = gloss_annotation_set_lookup (gloss_sidecar_get_annotations (fixture->sidecar), "6f1c2a9e-0000-4000-8000-000000000006");
  gloss_annotation_set_set_note (gloss_sidecar_get_annotations (fixture->sidecar), quote, "unsaved note");

  gloss_export_dialog_set_format (GLOSS_EXPORT_DIALOG (dialog), "csv");
  gloss_export_dialog_set_destination (GLOSS_EXPORT_DIALOG (dialog), destination);
  run_export (dialog, &outcome);

  g_assert_null (outcome.failed);
  g_assert_true (outcome.was_busy);
  g_assert_true (g_file_equal (outcome.exported, destination));
  csv = gloss_test_read (path, NULL);
  g_assert_nonnull (strstr (csv, "unsaved note"));
  g_assert_nonnull (strstr (csv, "𠀋字不常见。"));
  /* Only this article's own layer. */
  g_assert_null (strstr (csv, ",bob,"));

  g_clear_object (&outcome.exported);
}

static void
test_folder_quotes (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *dialog = gloss_export_dialog_new (NULL, fixture->sidecar, fixture->article);
  g_autoptr(GFile) destination = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) lines = NULL;
  Outcome outcome = { 0 };

  gloss_export_dialog_set_format (GLOSS_EXPORT_DIALOG (dialog), "jsonl");
  gloss_export_dialog_set_quotes_only (GLOSS_EXPORT_DIALOG (dialog), TRUE);
  gloss_export_dialog_set_whole_folder (GLOSS_EXPORT_DIALOG (dialog), TRUE);
  destination = g_object_ref (gloss_export_dialog_get_destination (GLOSS_EXPORT_DIALOG (dialog)));
  {
    g_autofree char *name = g_file_get_basename (destination);
    g_autofree char *folder = g_path_get_basename (fixture->dir);
    g_autofree char *expected = g_strdup_printf ("%s-annotations.jsonl", folder);

    g_assert_cmpstr (name, ==, expected);
  }
  run_export (dialog, &outcome);

  g_assert_null (outcome.failed);
  path = g_file_get_path (destination);
  jsonl = gloss_test_read (path, NULL);
  lines = g_strsplit (jsonl, "\n", -1);
  /* Alice's three quotes with a speaker; Bob has none. */
  g_assert_cmpuint (g_strv_length (lines), ==, 3 + 1);
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (strstr (lines[i], "\"speaker\":{"));

  g_clear_object (&outcome.exported);
}

static void
test_brat_and_failure (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWindow *dialog = gloss_export_dialog_new (NULL, fixture->sidecar, fixture->article);
  g_autofree char *folder = g_build_filename (fixture->dir, "brat-out", NULL);
  g_autofree char *ann = g_build_filename (folder, "mixed.txt.ann", NULL);
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "out.md", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GFile) bad = g_file_new_for_path (inside);
  Outcome outcome = { 0 };
  Outcome failure = { 0 };

  gloss_export_dialog_set_format (GLOSS_EXPORT_DIALOG (dialog), "brat");
  gloss_export_dialog_set_destination (GLOSS_EXPORT_DIALOG (dialog), folder_file);
  run_export (dialog, &outcome);
  g_assert_null (outcome.failed);
  g_assert_true (g_file_test (ann, G_FILE_TEST_EXISTS));
  g_clear_object (&outcome.exported);

  /* A destination inside a plain file cannot be written: "failed", window stays. */
  gloss_test_write (blocker, "x", -1);
  dialog = gloss_export_dialog_new (NULL, fixture->sidecar, fixture->article);
  gloss_export_dialog_set_format (GLOSS_EXPORT_DIALOG (dialog), "md");
  gloss_export_dialog_set_destination (GLOSS_EXPORT_DIALOG (dialog), bad);
  run_export (dialog, &failure);
  g_assert_null (failure.exported);
  g_assert_nonnull (failure.failed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (gloss_export_dialog_get_busy (GLOSS_EXPORT_DIALOG (dialog)));
  g_free (failure.failed);
  gtk_window_destroy (dialog);
}

/* CoNLL holds one tag per token: an annotation nested in another that
 * starts earlier is left out, and the dialog counts it for the toast. */
static void
test_conll_left_out (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.conll", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (fixture->sidecar);
  GlossAnnotation *outer = NULL;
  Outcome before = { 0 }, after = { 0 };
  GtkWindow *dialog;

  dialog = gloss_export_dialog_new (NULL, fixture->sidecar, fixture->article);
  gloss_export_dialog_set_format (GLOSS_EXPORT_DIALOG (dialog), "conll");
  gloss_export_dialog_set_destination (GLOSS_EXPORT_DIALOG (dialog), destination);
  run_export (dialog, &before);
  g_assert_null (before.failed);

  /* A two-code-point annotation nested at the start of a longer one. */
  for (guint i = 0; i < gloss_annotation_set_get_size (set) && outer == NULL; i++)
    {
      GlossAnnotation *candidate = gloss_annotation_set_get_nth (set, i);

      if (gloss_annotation_get_end (candidate) - gloss_annotation_get_start (candidate) > 4)
        outer = candidate;
    }
  g_assert_nonnull (outer);
  gloss_annotation_set_create (set, "place", gloss_annotation_get_start (outer) + 1,
                               gloss_annotation_get_start (outer) + 3);

  dialog = gloss_export_dialog_new (NULL, fixture->sidecar, fixture->article);
  gloss_export_dialog_set_format (GLOSS_EXPORT_DIALOG (dialog), "conll");
  gloss_export_dialog_set_destination (GLOSS_EXPORT_DIALOG (dialog), destination);
  run_export (dialog, &after);
  g_assert_null (after.failed);
  g_assert_cmpuint (after.left_out, ==, before.left_out + 1);

  g_clear_object (&before.exported);
  g_clear_object (&after.exported);
}

/* A mapped label showing @text in @root, or NULL. */
static GtkLabel *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((found = find_shown_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The choices are the table of formats; each name is shown whole, even in a
 * narrow window; CSV starts with a byte order mark unless the user says not. */
static void
test_formats_and_bom (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWindow *dialog = gloss_export_dialog_new (NULL, fixture->sidecar, fixture->article);
  GtkWidget *format_row = gloss_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Format");
  g_autofree char *path = g_build_filename (fixture->dir, "bom.csv", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  const GlossExportFormatInfo *info;
  g_autofree char *csv = NULL;
  Outcome outcome = { 0 };
  GListModel *model;

  g_assert_nonnull (format_row);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (format_row));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, GLOSS_EXPORT_N_FORMATS);

  gtk_window_set_default_size (dialog, 360, 600);
  gtk_window_present (dialog);
  gloss_test_iterate_until (is_mapped, format_row);

  for (guint i = 0; (info = gloss_export_format_get_info (i)) != NULL; i++)
    {
      GtkLabel *label;

      adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), i);
      gloss_test_iterate ();
      /* Laid out at the new width before the layout is asked. */
      while (gtk_widget_get_width (format_row) == 0 || gtk_widget_get_width (format_row) > 360)
        g_main_context_iteration (NULL, TRUE);
      label = find_shown_label (format_row, info->label);
      g_test_message ("format %s", info->id);
      g_assert_nonnull (label);
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
    }

  gloss_export_dialog_set_format (GLOSS_EXPORT_DIALOG (dialog), "csv");
  gloss_export_dialog_set_destination (GLOSS_EXPORT_DIALOG (dialog), destination);
  run_export (dialog, &outcome);
  g_assert_null (outcome.failed);
  csv = gloss_test_read (path, NULL);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "article_title,"));

  g_clear_object (&outcome.exported);
}

int
main (int    argc,
      char **argv)
{
  gloss_test_gtk_init (&argc, &argv);

  g_test_add ("/export-dialog/this-article", Fixture, NULL, fixture_set_up, test_this_article, fixture_tear_down);
  g_test_add ("/export-dialog/folder-quotes", Fixture, NULL, fixture_set_up, test_folder_quotes, fixture_tear_down);
  g_test_add ("/export-dialog/brat-and-failure", Fixture, NULL, fixture_set_up, test_brat_and_failure, fixture_tear_down);
  g_test_add ("/export-dialog/conll-left-out", Fixture, NULL, fixture_set_up, test_conll_left_out, fixture_tear_down);
  g_test_add ("/export-dialog/formats-and-bom", Fixture, NULL, fixture_set_up, test_formats_and_bom, fixture_tear_down);

  return g_test_run ();
}
