/* test-window.c: the annotating window, driven through its real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-annotation.h"
#include "gloss-annotation-row.h"
#include "gloss-annotation-set.h"
#include "gloss-article-print.h"
#include "gloss-article-view.h"
#include "gloss-codebook.h"
#include "gloss-details-pane.h"
#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-preferences-window.h"
#include "gloss-sidebar.h"
#include "gloss-sidecar.h"
#include "gloss-tag-popover.h"
#include "gloss-window.h"
#include "gloss-window-private.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

#define ANNOTATOR "tester"

static const char article_text[] =
  "Riverside expands the Clean Water 2030 programme\n"
  "\n"
  "“Every household should drink from the tap,” said Mayor Lin Wenhua on Tuesday. "
  "The Clean Water 2030 programme reaches 46 villages.\n"
  "\n"
  "市水务局局长周敏表示:“我们将在年底前完成管网改造。”\n"
  "\n"
  "顺丰速运多丽工业区的网点今天开业。周敏说:“网点很方便。”\n";

typedef struct
{
  char             *dir;
  GFile            *article;
  GFile            *sidecar_file;
  GlossWindow      *window;
  GlossArticleView *view;
  GlossSidebar     *sidebar;
} Fixture;

static gboolean
has_sidecar (gpointer data)
{
  return gloss_window_get_sidecar (data) != NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
not_saving (gpointer data)
{
  return !_gloss_window_is_saving (data);
}

static gboolean
painted (gpointer data)
{
  return *(gboolean *)data;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *flag)
{
  *flag = TRUE;
}

/* Waits until the window has drawn a frame after now. */
static void
wait_for_frame (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  gboolean flag = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &flag);
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  gloss_test_iterate_until (painted, &flag);
  g_signal_handler_disconnect (clock, id);
  /* And what the window does right after a frame (the sidebar follows). */
  gloss_test_iterate ();
}

static GlossAnnotationSet *
annotations (Fixture *f)
{
  return gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window));
}

static guint
offset_of (const char *needle)
{
  const char *p = strstr (article_text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (article_text, p);
}

static void
open_window (Fixture *f)
{
  f->window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (has_sidecar, f->window);
  f->view = _gloss_window_get_article_view (f->window);
  f->sidebar = _gloss_window_get_sidebar (f->window);
  wait_for_frame (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sidecar_path = NULL;

  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    /* The view writes the "keep exact selection" option back to settings. */
    g_settings_set_boolean (settings, "snap-to-words", TRUE);
  }

  f->dir = g_dir_make_tmp ("gloss-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "article.txt", NULL);
  g_file_set_contents (path, article_text, -1, &error);
  g_assert_no_error (error);
  f->article = g_file_new_for_path (path);
  sidecar_path = g_strconcat (path, ".", ANNOTATOR, ".gloss.json", NULL);
  f->sidecar_file = g_file_new_for_path (sidecar_path);

  if (data != NULL)
    {
      /* A sidecar that does not parse. */
      g_file_set_contents (sidecar_path, data, -1, &error);
      g_assert_no_error (error);
    }

  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  gloss_test_rm_rf (f->dir);
  g_free (f->dir);
  g_clear_object (&f->article);
  g_clear_object (&f->sidecar_file);
}

/* The key is bound: a shortcut for "2" that activates article.tag-key("2"). */
static gboolean
key_is_bound (GtkWidget  *widget,
              guint       keyval,
              const char *action,
              const char *argument)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *act = gtk_shortcut_get_action (shortcut);
          GVariant *args = gtk_shortcut_get_arguments (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (act) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (act)), action) &&
              (argument == NULL || (args && g_str_equal (g_variant_get_string (args, NULL), argument))))
            return TRUE;
        }
    }

  return FALSE;
}

static GlossAnnotation *
tag_by_key (Fixture    *f,
            guint       start,
            guint       end,
            const char *key)
{
  guint before = gloss_annotation_set_get_size (annotations (f));

  gloss_article_view_select_range (f->view, start, end);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.tag-key", "s", key);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, before + 1);
  /* The sidebar follows after the next frame. */
  wait_for_frame (f);
  return gloss_article_view_get_selected (f->view);
}

static void
test_tag_by_key (Fixture       *f,
                 gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  GlossAnnotation *annotation;

  g_assert_true (key_is_bound (GTK_WIDGET (f->view), GDK_KEY_2, "article.tag-key", "2"));
  g_assert_true (key_is_bound (GTK_WIDGET (f->view), GDK_KEY_Delete, "article.delete", NULL));

  /* "in Wenh" plus a trailing space snaps out to "Lin Wenhua". */
  annotation = tag_by_key (f, lin + 1, lin + 8, "2");
  g_assert_nonnull (annotation);
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "official");
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, lin);
  g_assert_cmpuint (gloss_annotation_get_end (annotation), ==, lin + strlen ("Lin Wenhua"));
  g_assert_cmpstr (gloss_annotation_get_text (annotation), ==, "Lin Wenhua");
  g_assert_true (gloss_annotation_set_get_modified (annotations (f)));

  /* The highlight is drawn, and the sidebar lists and counts it. */
  wait_for_frame (f);
  g_assert_true (gloss_article_view_was_drawn (f->view, annotation));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (f->sidebar)), ==, 1);
  g_assert_cmpuint (gloss_sidebar_get_count (f->sidebar, "official"), ==, 1);
  g_assert_true (gloss_sidebar_get_selected (f->sidebar) == annotation);
  g_assert_true (gloss_details_pane_get_annotation (gloss_sidebar_get_details (f->sidebar)) == annotation);
}

static void
test_snap_chinese (Fixture       *f,
                   gconstpointer  data)
{
  guint zhou = offset_of ("周敏");
  guint start = zhou, end = zhou + 2;
  GlossAnnotation *annotation;

  /* Chinese snaps to whole characters: an exact two-character selection stays. */
  annotation = tag_by_key (f, start, end, "3");
  g_assert_cmpstr (gloss_annotation_get_text (annotation), ==, "周敏");

  /* Keeping the exact selection: no widening of a partial English word. */
  gloss_article_view_set_snap_to_words (f->view, FALSE);
  start = offset_of ("Riverside") + 1;
  end = start + 3;
  g_assert_true (gloss_article_view_snap_range (f->view, &start, &end));
  g_assert_cmpuint (end - start, ==, 3);

  /* White space alone is no passage. */
  start = offset_of (" said");
  end = start + 1;
  g_assert_false (gloss_article_view_snap_range (f->view, &start, &end));
}

static void
test_retag (Fixture       *f,
            gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  GlossAnnotation *annotation = tag_by_key (f, lin, lin + 10, "2");

  /* A number key with no passage selected re-tags the selected annotation. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.tag-key", "s", "3");
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "person");
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 1);

  /* And so does the tag popover's choice. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.tag", "s", "organization");
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "organization");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "person");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "official");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "person");
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  g_autoptr(GlossAnnotation) annotation = g_object_ref (tag_by_key (f, lin, lin + 10, "2"));

  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.delete", NULL);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 0);
  g_assert_null (gloss_article_view_get_selected (f->view));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (f->sidebar)), ==, 0);
  wait_for_frame (f);
  g_assert_false (gloss_article_view_was_drawn (f->view, annotation));

  /* The toast's Undo button is win.undo. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 1);
  g_assert_true (gloss_annotation_set_get_nth (annotations (f), 0) == annotation);
  wait_for_frame (f);
  g_assert_true (gloss_article_view_was_drawn (f->view, annotation));
}

static void
test_link_speaker (Fixture       *f,
                   gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  guint quote = offset_of ("Every household");
  GlossAnnotation *official = tag_by_key (f, lin, lin + 10, "2");
  GlossAnnotation *q = tag_by_key (f, quote, quote + strlen ("Every household should drink from the tap"), "1");
  GlossDetailsPane *details = gloss_sidebar_get_details (f->sidebar);
  GtkWidget *editor;
  GListModel *model;

  g_assert_true (gloss_details_pane_get_annotation (details) == q);

  /* Pick in the article: the next click on a highlight fills the link. */
  g_signal_emit_by_name (details, "pick-link", "speaker");
  g_assert_true (gloss_article_view_get_pick_mode (f->view));
  gloss_article_view_click_at_offset (f->view, lin + 2);
  g_assert_false (gloss_article_view_get_pick_mode (f->view));
  g_assert_cmpstr (gloss_annotation_get_attribute (q, "speaker"), ==, gloss_annotation_get_id (official));
  g_assert_true (gloss_article_view_get_selected (f->view) == q);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_null (gloss_annotation_get_attribute (q, "speaker"));

  /* Or from the list of candidates: only officials and persons. */
  wait_for_frame (f);
  editor = gloss_details_pane_get_editor (details, "speaker");
  g_assert_true (ADW_IS_COMBO_ROW (editor));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (editor));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  {
    g_autoptr(GlossAnnotation) candidate = g_list_model_get_item (model, 1);

    g_assert_true (candidate == official);
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor), 1);
  g_assert_cmpstr (gloss_annotation_get_attribute (q, "speaker"), ==, gloss_annotation_get_id (official));

  /* Another official added before it in the list is no edit of the link. */
  tag_by_key (f, offset_of ("Riverside"), offset_of ("Riverside") + 9, "2");
  gloss_article_view_set_selected (f->view, q);
  wait_for_frame (f);
  g_assert_cmpstr (gloss_annotation_get_attribute (q, "speaker"), ==, gloss_annotation_get_id (official));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (gloss_details_pane_get_editor (details, "speaker")))), ==, 3);

  /* A choice attribute. */
  editor = gloss_details_pane_get_editor (details, "mode");
  g_assert_true (ADW_IS_COMBO_ROW (editor));
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor), 1);
  g_assert_cmpstr (gloss_annotation_get_attribute (q, "mode"), ==, "direct");
}

static void
test_text_attribute (Fixture       *f,
                     gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  GlossAnnotation *official = tag_by_key (f, lin, lin + 10, "2");
  GtkWidget *editor = gloss_details_pane_get_editor (gloss_sidebar_get_details (f->sidebar), "title");

  g_assert_true (ADW_IS_ENTRY_ROW (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), "Mayor");
  g_assert_cmpstr (gloss_annotation_get_attribute (official, "title"), ==, "Mayor");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_null (gloss_annotation_get_attribute (official, "title"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "");
}

static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  GlossAnnotation *official = tag_by_key (f, lin, lin + 10, "2");
  GtkTextView *note_view = gloss_details_pane_get_note_view (gloss_sidebar_get_details (f->sidebar));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (note_view);
  GtkTextIter end;

  /* Typing, one key at a time. */
  for (const char *p = "Mayor since 2021"; *p; p++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, 1);
    }
  g_assert_cmpstr (gloss_annotation_get_note (official), ==, "Mayor since 2021");

  /* One undo step for the whole note; the pane follows. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (gloss_annotation_get_note (official), ==, "");
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 0);
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  GlossAnnotation *official = tag_by_key (f, lin, lin + 10, "2");
  g_autoptr(GlossSidecar) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *saved;

  gloss_annotation_set_set_note (annotations (f), official, "checked");
  g_assert_false (g_file_query_exists (f->sidecar_file, NULL));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "• "));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);
  g_assert_false (gloss_annotation_set_get_modified (annotations (f)));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "• "));

  loaded = gloss_sidecar_load (f->sidecar_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (loaded), ==, ANNOTATOR);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (loaded)), ==, 1);
  saved = gloss_annotation_set_get_nth (gloss_sidecar_get_annotations (loaded), 0);
  g_assert_cmpstr (gloss_annotation_get_tag (saved), ==, "official");
  g_assert_cmpstr (gloss_annotation_get_text (saved), ==, "Lin Wenhua");
  g_assert_cmpstr (gloss_annotation_get_note (saved), ==, "checked");

  /* The article is among the recent ones. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-articles");
    g_autofree char *uri = g_file_get_uri (f->article);

    g_assert_nonnull (recent[0]);
    g_assert_cmpstr (recent[0], ==, uri);
  }

  /* Reopening shows it again. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  open_window (f);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 1);
  wait_for_frame (f);
  g_assert_cmpuint (gloss_article_view_get_n_drawn (f->view), ==, 1);
}

static GtkWindow *find_dialog (void);

static void
test_keep_mine (Fixture       *f,
                gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  g_autofree char *path = g_file_get_path (f->sidecar_file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) loaded = NULL;

  tag_by_key (f, lin, lin + 10, "2");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);

  g_usleep (20000);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  tag_by_key (f, offset_of ("Tuesday"), offset_of ("Tuesday") + 7, "6");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);
  while (!_gloss_window_get_conflict (f->window))
    g_main_context_iteration (NULL, TRUE);

  /* Keep Mine asks first; Cancel writes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.keep-mine", NULL);
  gloss_test_iterate ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_dialog ()), "cancel");
  gloss_test_iterate ();
  g_assert_true (_gloss_window_get_conflict (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.keep-mine", NULL);
  gloss_test_iterate ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_dialog ()), "replace");
  gloss_test_iterate_until (not_saving, f->window);
  g_assert_false (_gloss_window_get_conflict (f->window));
  g_assert_false (gloss_annotation_set_get_modified (annotations (f)));

  loaded = gloss_sidecar_load (f->sidecar_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (loaded)), ==, 2);
}

static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *path = g_file_get_path (f->sidecar_file);
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  tag_by_key (f, lin, lin + 10, "2");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);
  g_assert_false (_gloss_window_get_conflict (f->window));

  /* A sync tool rewrites the file. */
  g_usleep (20000);
  g_file_get_contents (path, &theirs, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *changed = g_strconcat (theirs, "\n", NULL);

    g_file_set_contents (path, changed, -1, &error);
    g_assert_no_error (error);
    g_free (theirs);
    theirs = g_steal_pointer (&changed);
  }

  /* The user keeps working and saves: the file is not overwritten. */
  tag_by_key (f, offset_of ("Tuesday"), offset_of ("Tuesday") + 7, "6");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!_gloss_window_get_conflict (f->window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (_gloss_window_get_conflict (f->window));
  g_assert_true (gloss_annotation_set_get_modified (annotations (f)));

  g_file_get_contents (path, &on_disk, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk, ==, theirs);

  /* Saving is off until the user chooses; autosave too. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL) &&
                  _gloss_window_is_saving (f->window));

  /* Reload takes the file from disk, once the user agrees to lose the
   * unsaved changes. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reload-annotations", NULL);
  gloss_test_iterate ();
  g_assert_nonnull (find_dialog ());
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_dialog ()), "reload");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (_gloss_window_get_conflict (f->window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_gloss_window_get_conflict (f->window));
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 1);
}

static void
test_monitor (Fixture       *f,
              gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  g_autofree char *path = g_file_get_path (f->sidecar_file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  tag_by_key (f, lin, lin + 10, "2");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);

  /* Noticed without any save: the file monitor (or the explicit check). */
  g_usleep (20000);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!_gloss_window_get_conflict (f->window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  if (!_gloss_window_get_conflict (f->window))
    {
      _gloss_window_check_disk (f->window);
      deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
      while (!_gloss_window_get_conflict (f->window) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (_gloss_window_get_conflict (f->window));
}

static void
test_broken_sidecar (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (f->sidecar_file);
  g_autofree char *on_disk = NULL;
  g_autoptr(GError) error = NULL;

  /* The article opened; the broken file is reported and left alone. */
  g_assert_nonnull (gloss_window_get_document (f->window));
  g_assert_true (_gloss_window_get_broken (f->window));

  tag_by_key (f, offset_of ("Tuesday"), offset_of ("Tuesday") + 7, "6");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate ();
  g_assert_false (_gloss_window_is_saving (f->window));

  g_file_get_contents (path, &on_disk, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk, ==, data);
}

static void
test_navigate_resize (Fixture       *f,
                      gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  guint tuesday = offset_of ("Tuesday");
  GlossAnnotation *a = tag_by_key (f, lin, lin + 3, "2");
  GlossAnnotation *b = tag_by_key (f, tuesday, tuesday + 7, "6");

  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.previous", NULL);
  g_assert_true (gloss_article_view_get_selected (f->view) == a);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.next", NULL);
  g_assert_true (gloss_article_view_get_selected (f->view) == b);

  /* Extend the end by a word ("Lin" → "Lin Wenhua"), then shrink it back. */
  gloss_article_view_set_selected (f->view, a);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.resize", "s", "end-extend");
  g_assert_cmpstr (gloss_annotation_get_text (a), ==, "Lin Wenhua");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.resize", "s", "end-shrink");
  g_assert_cmpstr (gloss_annotation_get_text (a), ==, "Lin");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.resize", "s", "start-extend");
  g_assert_cmpstr (gloss_annotation_get_text (a), ==, "Mayor Lin");
}

/* A speaker is a person, not a mention: the list shows each name once,
 * with its title, organization and number of mentions, whichever mention
 * the link points to; Tag All Occurrences copies the attributes along. */
static void
test_speakers_as_people (Fixture       *f,
                         gconstpointer  data)
{
  guint zhou = offset_of ("周敏表示");
  guint zhou2 = offset_of ("周敏说");
  guint lin = offset_of ("Lin Wenhua");
  guint quote = offset_of ("网点很方便");
  GlossDetailsPane *details = gloss_sidebar_get_details (f->sidebar);
  GlossAnnotation *first, *second, *q;
  GtkExpression *expression;
  GListModel *model;
  GtkWidget *editor;
  GValue value = G_VALUE_INIT;

  first = tag_by_key (f, zhou, zhou + 2, "2");
  gloss_annotation_set_set_attribute (annotations (f), first, "title", "局长");
  gloss_annotation_set_set_attribute (annotations (f), first, "organization", "市水务局");

  /* Tag All Occurrences: the copy says the same about the same man. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.tag-all", NULL);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 2);
  second = gloss_annotation_set_get_nth (annotations (f), 1);
  g_assert_cmpuint (gloss_annotation_get_start (second), ==, zhou2);
  g_assert_cmpstr (gloss_annotation_get_attribute (second, "title"), ==, "局长");
  g_assert_cmpstr (gloss_annotation_get_attribute (second, "organization"), ==, "市水务局");

  tag_by_key (f, lin, lin + 10, "2");
  q = tag_by_key (f, quote, quote + 5, "1");
  gloss_annotation_set_set_attribute (annotations (f), q, "speaker", gloss_annotation_get_id (second));
  wait_for_frame (f);

  /* None, Lin Wenhua, then 周敏 once: the link to his second mention shows him. */
  editor = gloss_details_pane_get_editor (details, "speaker");
  model = adw_combo_row_get_model (ADW_COMBO_ROW (editor));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (editor)), ==, 2);
  expression = adw_combo_row_get_expression (ADW_COMBO_ROW (editor));
  {
    g_autoptr(GlossAnnotation) item = g_list_model_get_item (model, 2);

    g_assert_true (item == first);
    g_assert_true (gtk_expression_evaluate (expression, item, &value));
    g_assert_cmpstr (g_value_get_string (&value), ==, "周敏 — 局长, 市水务局 · 2 mentions");
    g_value_unset (&value);
  }
  {
    g_autoptr(GlossAnnotation) item = g_list_model_get_item (model, 1);

    g_assert_true (gtk_expression_evaluate (expression, item, &value));
    g_assert_cmpstr (g_value_get_string (&value), ==, "Lin Wenhua · 1 mention");
    g_value_unset (&value);
  }
}

/* Pick mode on a name nobody tagged yet: tagged as a person and linked. */
static void
test_pick_untagged (Fixture       *f,
                    gconstpointer  data)
{
  guint zhou = offset_of ("周敏表示");
  guint zhou2 = offset_of ("周敏说");
  guint quote = offset_of ("网点很方便");
  guint tuesday = offset_of ("Tuesday");
  GlossDetailsPane *details = gloss_sidebar_get_details (f->sidebar);
  GlossAnnotation *q, *picked;
  guint n;

  tag_by_key (f, zhou, zhou + 2, "3");
  q = tag_by_key (f, quote, quote + 5, "1");
  g_assert_true (gloss_details_pane_get_annotation (details) == q);
  n = gloss_annotation_set_get_size (annotations (f));

  /* A name known from elsewhere: its second, untagged mention. */
  g_signal_emit_by_name (details, "pick-link", "speaker");
  gloss_article_view_click_at_offset (f->view, zhou2 + 1);
  g_assert_false (gloss_article_view_get_pick_mode (f->view));
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, n + 1);
  picked = gloss_annotation_set_lookup (annotations (f), gloss_annotation_get_attribute (q, "speaker"));
  g_assert_nonnull (picked);
  g_assert_cmpuint (gloss_annotation_get_start (picked), ==, zhou2);
  g_assert_cmpstr (gloss_annotation_get_text (picked), ==, "周敏");
  g_assert_cmpstr (gloss_annotation_get_tag (picked), ==, "person");

  /* An English word, untagged anywhere. */
  g_signal_emit_by_name (details, "pick-link", "speaker");
  gloss_article_view_click_at_offset (f->view, tuesday + 3);
  picked = gloss_annotation_set_lookup (annotations (f), gloss_annotation_get_attribute (q, "speaker"));
  g_assert_cmpstr (gloss_annotation_get_text (picked), ==, "Tuesday");
  g_assert_cmpstr (gloss_annotation_get_tag (picked), ==, "person");
}

/* A first start: nobody said who annotates.  Autosave waits and asks;
 * Ctrl+S answers with the login name. */
static void
test_annotator_first_save (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *login = gloss_annotator_id_default ();
  g_autofree char *path = g_strconcat (g_file_peek_path (f->article), ".", login, ".gloss.json", NULL);
  guint lin = offset_of ("Lin Wenhua");

  g_settings_set_string (settings, "annotator-id", "");
  g_settings_set_uint (settings, "autosave-delay", 1);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  open_window (f);

  tag_by_key (f, lin, lin + 10, "2");
  gloss_test_iterate_until (gloss_test_shows_text, (gpointer[]) { f->window, "Who is annotating?" });
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The session's autosave is off until someone says who annotates. */
  g_assert_cmpuint (gloss_session_get_autosave_delay (gloss_window_get_session (f->window)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *id = g_settings_get_string (settings, "annotator-id");

    g_assert_cmpstr (id, ==, login);
  }
  g_unlink (path);
  g_settings_set_uint (settings, "autosave-delay", 0);
  g_settings_set_string (settings, "annotator-id", ANNOTATOR);
}

static gboolean
path_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The changes made before anyone said who annotates are autosaved once
 * someone has, after the delay: not only after the next change. */
static void
test_annotator_then_autosave (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_strconcat (g_file_peek_path (f->article), ".dana.gloss.json", NULL);
  guint lin = offset_of ("Lin Wenhua");

  g_settings_set_string (settings, "annotator-id", "");
  g_settings_set_uint (settings, "autosave-delay", 1);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  open_window (f);

  tag_by_key (f, lin, lin + 10, "2");
  gloss_test_iterate_until (gloss_test_shows_text, (gpointer[]) { f->window, "Who is annotating?" });
  g_assert_cmpuint (gloss_session_get_autosave_delay (gloss_window_get_session (f->window)), ==, 0);

  g_settings_set_string (settings, "annotator-id", "dana");
  g_assert_cmpuint (gloss_session_get_autosave_delay (gloss_window_get_session (f->window)), ==, 1);
  /* No other change: the tag made before is saved all the same. */
  gloss_test_iterate_until (path_exists, path);
  gloss_test_iterate_until (not_saving, f->window);
  g_assert_false (gloss_session_get_modified (gloss_window_get_session (f->window)));
  /* Never saved before: the layer is dana's, not the login name's. */
  {
    g_autofree char *login = gloss_annotator_id_default ();
    g_autofree char *login_path = g_strconcat (g_file_peek_path (f->article), ".", login, ".gloss.json", NULL);

    g_assert_false (g_file_test (login_path, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (gloss_window_get_sidecar (f->window)), ==, "dana");

  g_unlink (path);
  g_settings_set_uint (settings, "autosave-delay", 0);
  g_settings_set_string (settings, "annotator-id", ANNOTATOR);
}

/* Changing the annotator id offers to adopt the layer saved under the old
 * one, which otherwise turns into a colleague's read-only layer. */
static void
test_annotator_adopt (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dana = g_strconcat (g_file_peek_path (f->article), ".dana.gloss.json", NULL);
  g_autoptr(GlossSidecar) reread = NULL;
  g_autoptr(GError) error = NULL;
  guint lin = offset_of ("Lin Wenhua");
  GlossPreferencesWindow *preferences;
  GtkWidget *adopt;

  tag_by_key (f, lin, lin + 10, "2");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);
  g_assert_true (g_file_query_exists (f->sidecar_file, NULL));

  preferences = gloss_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));
  gloss_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gloss_preferences_window_get_adopt_group (preferences))));

  g_settings_set_string (settings, "annotator-id", "dana");
  gloss_test_iterate_until (gloss_test_shows_text, (gpointer[]) { f->window, "Adopt as “dana”" });
  /* Preferences, where the id was changed, offers it too, by article. */
  gloss_test_iterate_until (gloss_test_shows_text, (gpointer[]) { preferences, "Adopt as “dana”" });
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gloss_preferences_window_get_adopt_group (preferences))));
  g_assert_true (gloss_test_shows_text ((gpointer[]) { preferences, "article.txt" }));
  /* Closed and opened again, Preferences still offers it. */
  gtk_window_destroy (GTK_WINDOW (preferences));
  preferences = gloss_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));
  gloss_test_iterate_until (gloss_test_shows_text, (gpointer[]) { preferences, "Adopt as “dana”" });
  adopt = gloss_test_find_widget (GTK_WIDGET (gloss_preferences_window_get_adopt_group (preferences)),
                                  GTK_TYPE_BUTTON, "Adopt as “dana”");
  g_assert_nonnull (adopt);
  g_signal_emit_by_name (adopt, "clicked");
  gloss_test_iterate_until (not_saving, f->window);
  /* Adopted: nothing is left to offer. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gloss_preferences_window_get_adopt_group (preferences))));
  gtk_window_destroy (GTK_WINDOW (preferences));

  g_assert_false (g_file_query_exists (f->sidecar_file, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (dana);

    reread = gloss_sidecar_load (file, NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (reread), ==, "dana");
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (reread)), ==, 1);
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (gloss_window_get_sidecar (f->window)), ==, "dana");
  g_settings_set_string (settings, "annotator-id", ANNOTATOR);
}

/* What a reader of the PDF finds in it (pdftotext, poppler-utils): the
 * article's words in both scripts, and the legend with its counts.  With
 * GLOSS_PRINT_PNG set, the page is also rendered there, to look at. */
static void
check_printed_text (const char *pdf)
{
  g_autofree char *txt = g_strconcat (pdf, ".txt", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_spawn_sync (NULL, (char *[]) { pdftotext, "-enc", "UTF-8", (char *) pdf, txt, NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_file_get_contents (txt, &text, NULL, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (text, "Riverside expands the Clean Water 2030 programme"));
  g_assert_nonnull (strstr (text, "said Mayor Lin Wenhua on Tuesday"));
  g_assert_nonnull (strstr (text, "我们将在年底前完成管网改造"));
  g_assert_nonnull (strstr (text, "Legend"));
  g_assert_nonnull (strstr (text, "Official (2)"));
  g_assert_nonnull (strstr (text, "Quote (1)"));
  /* Tags not used are not in the legend. */
  g_assert_null (strstr (text, "Statistic ("));

  /* A margin to hold the sheet by: the first word starts 20 mm (57 pt)
   * in, not at the printer's 6 mm edge. */
  {
    g_autofree char *html = g_strconcat (pdf, ".html", NULL);
    g_autofree char *boxes = NULL;
    const char *word;
    double x_min;

    g_spawn_sync (NULL, (char *[]) { pdftotext, "-bbox", (char *) pdf, html, NULL }, NULL,
                  G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_file_get_contents (html, &boxes, NULL, &error);
    g_assert_no_error (error);
    word = strstr (boxes, "xMin=\"");
    g_assert_nonnull (word);
    x_min = g_ascii_strtod (word + strlen ("xMin=\""), NULL);
    g_assert_cmpfloat (x_min, >, 50);
  }

  if (g_getenv ("GLOSS_PRINT_PNG") != NULL)
    {
      g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
      g_autofree char *root = g_strdup (g_getenv ("GLOSS_PRINT_PNG"));

      if (pdftoppm != NULL)
        g_spawn_sync (NULL, (char *[]) { pdftoppm, "-png", "-r", "100", "-singlefile", (char *) pdf, root, NULL },
                      NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
    }
}

static void
count_cb (GtkTextBuffer *buffer,
          GtkTextTag    *tag,
          GtkTextIter   *start,
          GtkTextIter   *end,
          guint         *count)
{
  (*count)++;
}

/* Issue 16, item 11: tagging redraws what changed and lays nothing out
 * again.  Highlights are drawn over the text, never GtkTextTags applied to
 * the buffer, whose every change re-lays out the lines it covers (and, on
 * a 1 000 000-code-point article, costs the frame). */
static void
test_tag_no_relayout (Fixture       *f,
                      gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  guint lin = offset_of ("Lin Wenhua");
  guint applied = 0, removed = 0;
  GlossAnnotation *a;
  gulong apply_id, remove_id;

  apply_id = g_signal_connect (buffer, "apply-tag", G_CALLBACK (count_cb), &applied);
  remove_id = g_signal_connect (buffer, "remove-tag", G_CALLBACK (count_cb), &removed);

  a = tag_by_key (f, lin, lin + 10, "2");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.resize", "s", "end-shrink");
  gloss_annotation_set_retag (annotations (f), a, "person");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.delete", NULL);
  wait_for_frame (f);

  g_assert_cmpuint (applied, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_signal_handler_disconnect (buffer, apply_id);
  g_signal_handler_disconnect (buffer, remove_id);
}

/* The sidebar's rows, by the annotation each shows. */
static void
rows_by_annotation (GtkWidget  *root,
                    GHashTable *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GLOSS_IS_ANNOTATION_ROW (child))
      g_hash_table_insert (rows, gloss_annotation_row_get_annotation (GLOSS_ANNOTATION_ROW (child)), child);
    else
      rows_by_annotation (child, rows);
}

/* Issue 16, item 11: a tag near the top moves every row below it down one;
 * those rows stay the same widgets, showing the same annotations, and are
 * not bound again (GTK 4.8 binds a row again whenever its position changes:
 * each label set again and measured anew, for every row shown, after every
 * tag). A row bound again follows its annotation's changes through a new
 * handler. */
static void
test_tag_keeps_rows (Fixture       *f,
                     gconstpointer  data)
{
  const char *words[] = { "Lin Wenhua", "Tuesday", "46 villages", "周敏", "顺丰速运" };
  g_autoptr(GHashTable) before = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) after = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) handlers = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer annotation, row;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    tag_by_key (f, offset_of (words[i]), offset_of (words[i]) + g_utf8_strlen (words[i], -1), "4");
  rows_by_annotation (GTK_WIDGET (f->sidebar), before);
  g_assert_cmpuint (g_hash_table_size (before), ==, G_N_ELEMENTS (words));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &annotation, &row))
    {
      gulong id = g_signal_handler_find (annotations (f), G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, row);

      g_assert_cmpuint (id, !=, 0);
      g_hash_table_insert (handlers, row, GSIZE_TO_POINTER (id));
    }

  /* Before all of them, and undone. */
  tag_by_key (f, offset_of ("Riverside"), offset_of ("Riverside") + 9, "1");
  for (guint round = 0; round < 2; round++)
    {
      rows_by_annotation (GTK_WIDGET (f->sidebar), after);
      g_assert_cmpuint (g_hash_table_size (after), ==, G_N_ELEMENTS (words) + 1 - round);
      g_hash_table_iter_init (&iter, before);
      while (g_hash_table_iter_next (&iter, &annotation, &row))
        {
          g_assert_true (g_hash_table_lookup (after, annotation) == row);
          g_assert_cmpuint (g_signal_handler_find (annotations (f), G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, row), ==,
                            GPOINTER_TO_SIZE (g_hash_table_lookup (handlers, row)));
        }
      g_hash_table_remove_all (after);
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
      wait_for_frame (f);
    }
}

/* The codebook editor renames a tag and changes its colour in place: the
 * rows shown follow at once (they used to keep the old label until bound
 * again), and a row bound to another annotation stops following the tag. */
static void
test_rows_follow_tag_edit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  GlossCodebook *codebook = gloss_sidecar_get_codebook (gloss_window_get_sidecar (f->window));
  guint at = offset_of ("46 villages");
  GlossAnnotation *annotation;
  GlossTag *tag;
  GtkWidget *row;
  GtkWidget *swatch;

  tag_by_key (f, at, at + 11, "4");
  annotation = gloss_annotation_set_get_nth (annotations (f), 0);
  g_assert_nonnull (annotation);
  tag = gloss_codebook_lookup (codebook, gloss_annotation_get_tag (annotation));
  g_assert_nonnull (tag);
  rows_by_annotation (GTK_WIDGET (f->sidebar), rows);
  row = g_hash_table_lookup (rows, annotation);
  g_assert_nonnull (row);
  g_assert_null (gloss_test_find_label_containing (row, "Renamed tag"));

  gloss_tag_set_label (tag, "Renamed tag");
  gloss_tag_set_color (tag, "#123456");
  g_assert_nonnull (gloss_test_find_label_containing (row, "Renamed tag"));
  /* The row's colour bar (its only drawing area) follows the tag's colour. */
  swatch = gloss_test_find_widget (row, GTK_TYPE_DRAWING_AREA, NULL);
  g_assert_nonnull (swatch);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (swatch), "gloss-color"), ==, "#123456");

  /* Unbound: no longer follows the tag. */
  gloss_annotation_row_unbind (GLOSS_ANNOTATION_ROW (row));
  g_assert_cmpuint (g_signal_handler_find (tag, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, row), ==, 0);
  g_assert_cmpuint (g_signal_handler_find (codebook, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, row), ==, 0);
}

/* Ctrl+P's printout, exported to a PDF: the text, its highlights, a legend. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "article.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint lin = offset_of ("Lin Wenhua");
  GStatBuf info;
  int n_pages = 0;

  tag_by_key (f, lin, lin + 10, "2");
  tag_by_key (f, offset_of ("周敏表示"), offset_of ("周敏表示") + 2, "2");
  tag_by_key (f, offset_of ("我们将在"), offset_of ("改造。") + 2, "1");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window)));
  g_assert_cmpint (gloss_article_print (GTK_WINDOW (f->window), gloss_window_get_document (f->window), annotations (f),
                                        gloss_sidecar_get_codebook (gloss_window_get_sidecar (f->window)),
                                        pdf, &n_pages, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (n_pages, ==, 1);
  g_assert_cmpint (g_stat (pdf, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 1000);
  check_printed_text (pdf);
}

static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_menu_button (child, tooltip)))
        return found;
    }
  return NULL;
}

/* A menu button's tooltip never covers the first item of its open menu. */
static void
test_menu_tooltip (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *button = find_menu_button (GTK_WIDGET (f->window), "Main Menu");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_has_tooltip (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gloss_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gloss_test_iterate ();
  g_assert_true (gtk_widget_get_has_tooltip (button));
}

/* The workers that read the whole text (the suggestions, the kept version)
 * start once the article's first frame is out: on two cores they would
 * take the main thread's turn while it lays a long article out. */
static gboolean
workers_done (gpointer data)
{
  GlossWindow *window = data;

  return _gloss_window_get_suggestions (window) != NULL && window->versions != NULL;
}

static void
test_workers_after_frame (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  GlossWindow *window;

  g_file_set_contents (path, article_text, -1, &error);
  g_assert_no_error (error);
  window = gloss_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (is_mapped, window);
  gloss_window_open (window, article);
  gloss_test_iterate_until (has_sidecar, window);
  g_assert_null (window->suggest_cancellable);
  g_assert_null (_gloss_window_get_suggestions (window));
  g_assert_nonnull (window->keep_pending);

  gloss_test_iterate_until (workers_done, window);
  g_assert_null (window->keep_pending);
  g_assert_cmpuint (window->versions->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *paints)
{
  (*paints)++;
}

static gboolean
sidebar_filled (gpointer data)
{
  return g_list_model_get_n_items (gloss_sidebar_get_shown (GLOSS_WINDOW (data)->sidebar)) > 0;
}

/* The frames drawn while the article and its layer are read do not let the
 * sidebar (thousands of rows), the kept version or the suggestions in ahead
 * of the frame that shows the layer's highlights.  With a layer read from
 * the parsed-sidecar cache, the sidebar's setting up ran before that frame
 * and held it 150-270 ms (bench-window). */
static void
test_sidebar_after_layer_frame (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *own = g_strconcat (path, ".", ANNOTATOR, ".gloss.json", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new (NULL);
  GdkFrameClock *clock;
  GlossWindow *window;
  guint paints = 0, paints_at_layer;
  gulong id;

  /* A layer large enough that reading it takes several frames. */
  for (guint i = 0; i < 4000; i++)
    g_string_append (text, "市长说：“好。” ");
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new (ANNOTATOR, NULL);
    g_autoptr(GlossDocument) document = gloss_document_new (text->str, -1, NULL);
    g_autoptr(GFile) file = g_file_new_for_path (own);

    gloss_sidecar_attach_document (sidecar, document);
    for (guint i = 0; i < 8000; i++)
      gloss_annotation_set_create (gloss_sidecar_get_annotations (sidecar), i % 2 ? "quote" : "official",
                                   i * 5, i * 5 + 2);
    gloss_sidecar_save (sidecar, file, GLOSS_SIDECAR_SAVE_NONE, &error);
    g_assert_no_error (error);
  }

  window = gloss_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (is_mapped, window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &paints);
  gloss_window_open (window, article);
  gloss_test_iterate_until (has_sidecar, window);
  paints_at_layer = paints;
  g_test_message ("%u frames while the layer was read", paints_at_layer);

  /* The layer is in: nothing of the after-frame work has run yet. */
  g_assert_true (window->sidebar_model_pending);
  g_assert_nonnull (window->keep_pending);
  g_assert_null (window->suggest_cancellable);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (window->sidebar)), ==, 0);

  /* It follows the next frame. */
  gloss_test_iterate_until (sidebar_filled, window);
  g_assert_cmpuint (paints, >, paints_at_layer);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (window->sidebar)), ==, 8000);

  g_signal_handler_disconnect (clock, id);
  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
}

static gboolean
trimmed_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* A text saved from a browser: Gloss offers to trim the page clutter
 * around the article, into a copy beside it (which the application opens
 * in a window of its own). */
static void
test_trim_clutter (void)
{
  static const char saved[] =
    "点击右上角微信好友\n"
    "朋友圈\n"
    "深圳新开通三条公交线路_城市新闻网\n"
    "\n"
    "深圳新开通三条公交线路\n"
    "\n"
    "市交通局局长谢铭俊说：“我们还会继续优化线路。”\n"
    "\n"
    "相关阅读\n"
    "版权所有\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "page.txt", NULL);
  g_autofree char *trimmed = g_build_filename (dir, "page (article).txt", NULL);
  g_autofree char *original = NULL;
  g_autofree char *content = NULL;
  g_autoptr(GFile) article = g_file_new_for_path (path);
  GlossWindow *window;

  g_file_set_contents (path, saved, -1, &error);
  g_assert_no_error (error);
  window = gloss_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (is_mapped, window);
  gloss_window_open (window, article);
  gloss_test_iterate_until (has_sidecar, window);
  g_assert_cmpstr (gloss_document_get_title (gloss_window_get_document (window)), ==, "深圳新开通三条公交线路");
  /* Looking for the clutter reads the whole text: not before the article's
   * first frame, which it would hold up on a long one. */
  g_assert_null (gloss_test_find_label_containing (GTK_WIDGET (window), "page clutter"));
  gloss_test_iterate_until (gloss_test_shows_text, (gpointer[]) { window, "page clutter" });

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.trim-clutter", NULL));
  /* Written in a worker thread: the window opens it once it is there. */
  gloss_test_iterate_until (trimmed_written, trimmed);
  g_file_get_contents (trimmed, &content, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content, ==, "深圳新开通三条公交线路\n\n市交通局局长谢铭俊说：“我们还会继续优化线路。”\n");
  /* The original is left as it was. */
  g_file_get_contents (path, &original, NULL, NULL);
  g_assert_cmpstr (original, ==, saved);

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
}

static void
test_tag_all_and_overlap (Fixture       *f,
                          gconstpointer  data)
{
  guint first = offset_of ("Clean Water 2030");
  GlossAnnotation *a = tag_by_key (f, first, first + 16, "5");
  GlossAnnotation *b;
  GtkWidget *popover;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.tag-all", NULL);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 1);

  /* A nested annotation: a click on the shared part asks which one. */
  b = tag_by_key (f, first + 12, first + 16, "7");
  g_assert_true (b != a);
  wait_for_frame (f);
  g_assert_true (gloss_article_view_was_drawn (f->view, a));
  g_assert_true (gloss_article_view_was_drawn (f->view, b));
  gloss_article_view_click_at_offset (f->view, first + 13);
  popover = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && !GLOSS_IS_TAG_POPOVER (child))
      popover = child;
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* A click where only one is selects it. */
  gloss_article_view_click_at_offset (f->view, first + 1);
  g_assert_true (gloss_article_view_get_selected (f->view) == a);
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  GtkTextIter start, end;
  int first;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  g_assert_cmpuint (gloss_article_view_set_search_text (f->view, "clean water"), ==, 2);
  g_assert_cmpint (gloss_article_view_get_current_match (f->view), ==, -1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-next", NULL);
  first = gloss_article_view_get_current_match (f->view);
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (first, <, 2);
  /* Each step goes on to the other match, wrapping, and selects it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-next", NULL);
  g_assert_cmpint (gloss_article_view_get_current_match (f->view), ==, (first + 1) % 2);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  {
    g_autofree char *selected = gtk_text_iter_get_text (&start, &end);

    g_assert_cmpstr (selected, ==, "Clean Water");
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-previous", NULL);
  g_assert_cmpint (gloss_article_view_get_current_match (f->view), ==, first);
  g_assert_cmpuint (gloss_article_view_set_search_text (f->view, "管网"), ==, 1);

  /* Typing in the find bar. */
  {
    GtkWidget *entry = gtk_window_get_focus (GTK_WINDOW (f->window));

    g_assert_true (GTK_IS_TEXT (entry) || GTK_IS_SEARCH_ENTRY (entry));
    while (entry != NULL && !GTK_IS_SEARCH_ENTRY (entry))
      entry = gtk_widget_get_parent (entry);
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Water 2030");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (gloss_article_view_get_n_matches (f->view), ==, 2);
    g_assert_cmpint (gloss_article_view_get_current_match (f->view), >=, 0);
  }
  g_assert_cmpuint (gloss_article_view_set_search_text (f->view, "no such words"), ==, 0);
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  guint tuesday = offset_of ("Tuesday");

  tag_by_key (f, lin, lin + 10, "2");
  tag_by_key (f, tuesday, tuesday + 7, "6");
  gloss_sidebar_set_filter (f->sidebar, "official", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (f->sidebar)), ==, 1);
  gloss_sidebar_set_filter (f->sidebar, NULL, "tues");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (f->sidebar)), ==, 1);
  gloss_sidebar_set_filter (f->sidebar, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (f->sidebar)), ==, 2);

  /* Clicking a tag's count (the second: Official) filters by it. */
  {
    GtkWidget *flow = gloss_test_find_widget (GTK_WIDGET (f->sidebar), GTK_TYPE_FLOW_BOX, NULL);

    g_assert_nonnull (flow);
    g_signal_emit_by_name (flow, "child-activated", gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (flow), 1));
    g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (f->sidebar)), ==, 1);
    g_signal_emit_by_name (flow, "child-activated", gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (flow), 1));
    g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (f->sidebar)), ==, 2);
  }
}

static const char orphan_sidecar[] =
  "{ \"format\": \"gloss\", \"version\": 1,\n"
  "  \"document\": { \"source\": \"article.txt\", \"sha256\": \"0000\", \"length\": 10 },\n"
  "  \"annotator\": { \"id\": \"tester\" },\n"
  "  \"annotations\": [\n"
  "    { \"id\": \"gone\", \"tag\": \"quote\", \"start\": 3, \"end\": 40,\n"
  "      \"text\": \"a sentence this article never contained at all\",\n"
  "      \"prefix\": \"\", \"suffix\": \"\", \"note\": \"keep me\" },\n"
  "    { \"id\": \"here\", \"tag\": \"official\", \"start\": 0, \"end\": 10,\n"
  "      \"text\": \"Lin Wenhua\", \"prefix\": \"said Mayor \", \"suffix\": \" on Tuesday\", \"note\": \"\" }\n"
  "  ] }\n";

/* An annotation whose passage is gone is listed, flagged, never dropped. */
static void
test_orphaned (Fixture       *f,
               gconstpointer  data)
{
  GlossAnnotationSet *set = annotations (f);
  GlossAnnotation *gone = gloss_annotation_set_lookup (set, "gone");
  GlossAnnotation *here = gloss_annotation_set_lookup (set, "here");

  g_assert_false (_gloss_window_get_broken (f->window));
  g_assert_nonnull (gone);
  g_assert_nonnull (here);
  g_assert_cmpint (gloss_annotation_get_anchor_status (gone), ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (gloss_annotation_get_start (here), ==, offset_of ("Lin Wenhua"));

  g_assert_cmpuint (g_list_model_get_n_items (gloss_sidebar_get_shown (f->sidebar)), ==, 2);
  wait_for_frame (f);
  g_assert_false (gloss_article_view_was_drawn (f->view, gone));
  g_assert_true (gloss_article_view_was_drawn (f->view, here));

  /* Saving keeps it. */
  gloss_annotation_set_set_note (set, here, "moved");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);
  {
    g_autoptr(GlossSidecar) loaded = gloss_sidecar_load (f->sidecar_file, NULL, NULL);

    g_assert_nonnull (loaded);
    g_assert_nonnull (gloss_annotation_set_lookup (gloss_sidecar_get_annotations (loaded), "gone"));
    g_assert_cmpstr (gloss_annotation_get_note (gloss_annotation_set_lookup (gloss_sidecar_get_annotations (loaded), "gone")), ==, "keep me");
  }
}

/* Only a colleague's layer beside the article: the user annotates a new,
 * empty layer of their own, and the colleague's file is left alone. */
static gboolean
has_document (gpointer data)
{
  return gloss_window_get_document (data) != NULL;
}

static gboolean
subtitle_is (gpointer data)
{
  gpointer *wait = data;

  return g_strcmp0 (adw_window_title_get_subtitle (wait[0]), wait[1]) == 0;
}

/* A sidecar that takes a while to read: the text is shown at once, the
 * subtitle says the annotations are being read, then they come.  The
 * sidecar is a named pipe here, which the load reads from only when the
 * test writes into it. */
static void
test_reading_notice (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-reading-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *pipe_path = g_strconcat (path, ".", ANNOTATOR, ".gloss.json", NULL);
  g_autofree char *pipe_name = g_path_get_basename (pipe_path);
  g_autofree char *data = NULL;
  g_autoptr(GFile) article = g_file_new_for_path (path);
  AdwWindowTitle *title;
  GlossWindow *window;
  gpointer wait[2];
  gsize length;
  int fd;

  g_assert_no_error (error);
  g_file_set_contents (path, article_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (pipe_path, 0600), ==, 0);
  {
    g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new (ANNOTATOR, NULL);
    g_autoptr(GlossDocument) document = gloss_document_new (article_text, -1, NULL);

    gloss_sidecar_attach_document (sidecar, document);
    gloss_annotation_set_create (gloss_sidecar_get_annotations (sidecar), "quote", 0, 9);
    data = gloss_sidecar_to_data (sidecar, &length);
  }

  window = gloss_window_new (NULL);
  gloss_window_open (window, article);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_document, window);
  title = ADW_WINDOW_TITLE (gloss_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_nonnull (title);

  wait[0] = title;
  wait[1] = (gpointer) "Reading annotations…";
  gloss_test_iterate_until (subtitle_is, wait);
  g_assert_null (gloss_window_get_sidecar (window));
  g_assert_true (gloss_article_view_get_document (_gloss_window_get_article_view (window)) ==
                 gloss_window_get_document (window));

  fd = open (pipe_path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, data, length), ==, (gssize) length);
  close (fd);

  gloss_test_iterate_until (has_sidecar, window);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (gloss_window_get_sidecar (window))), ==, 1);
  wait[1] = pipe_name;
  gloss_test_iterate_until (subtitle_is, wait);

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  g_unlink (pipe_path);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_colleague_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *theirs = g_strconcat (path, ".alice.gloss.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) article = g_file_new_for_path (path);
  GlossWindow *window;
  GlossSidecar *own;

  g_file_set_contents (path, article_text, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ("alice", NULL);
    g_autoptr(GlossDocument) document = gloss_document_new (article_text, -1, NULL);
    g_autoptr(GFile) file = g_file_new_for_path (theirs);

    gloss_sidecar_attach_document (sidecar, document);
    gloss_annotation_set_create (gloss_sidecar_get_annotations (sidecar), "quote", 0, 9);
    gloss_sidecar_save (sidecar, file, GLOSS_SIDECAR_SAVE_NONE, &error);
    g_assert_no_error (error);
  }
  g_file_get_contents (theirs, &before, NULL, NULL);

  window = gloss_window_new (NULL);
  gloss_window_open (window, article);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_sidecar, window);

  own = gloss_window_get_sidecar (window);
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (own), ==, ANNOTATOR);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (own)), ==, 0);
  gloss_annotation_set_create (gloss_sidecar_get_annotations (own), "official", 0, 9);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, window);

  g_file_get_contents (theirs, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *mine = g_strconcat (path, ".", ANNOTATOR, ".gloss.json", NULL);

    g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  guint lin = offset_of ("Lin Wenhua");

  g_settings_set_uint (settings, "autosave-delay", 1);
  tag_by_key (f, lin, lin + 10, "2");
  g_assert_false (g_file_query_exists (f->sidecar_file, NULL));
  gloss_test_iterate_until (file_exists, f->sidecar_file);
  gloss_test_iterate_until (not_saving, f->window);
  g_assert_false (gloss_annotation_set_get_modified (annotations (f)));
  g_settings_set_uint (settings, "autosave-delay", 0);
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
destroyed_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  *(gboolean *)data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static void
test_close_asks (Fixture       *f,
                 gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  GtkWindow *dialog;
  gboolean gone = FALSE;

  tag_by_key (f, lin, lin + 10, "2");
  gtk_window_close (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* Cancel keeps the window and the changes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gloss_test_iterate ();
  g_assert_true (gloss_annotation_set_get_modified (annotations (f)));

  /* Save writes the file, then closes. */
  gtk_window_close (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_object_weak_ref (G_OBJECT (f->window), destroyed_cb, &gone);
  g_object_ref (f->window);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gloss_test_iterate_until (file_exists, f->sidecar_file);
  while (gtk_widget_get_visible (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (f->window);
  gloss_test_iterate_until (is_true, &gone);

  /* The fixture closes a window of its own. */
  open_window (f);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 1);
}

/* Nothing keeps a closed window, its article or its annotations alive. */
static void
test_no_leaks (Fixture       *f,
               gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  gboolean window_gone = FALSE, set_gone = FALSE, document_gone = FALSE;

  tag_by_key (f, lin, lin + 10, "2");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.show-tags", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  wait_for_frame (f);

  g_object_weak_ref (G_OBJECT (f->window), destroyed_cb, &window_gone);
  g_object_weak_ref (G_OBJECT (annotations (f)), destroyed_cb, &set_gone);
  g_object_weak_ref (G_OBJECT (gloss_window_get_document (f->window)), destroyed_cb, &document_gone);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  g_assert_true (window_gone);
  g_assert_true (set_gone);
  g_assert_true (document_gone);

  open_window (f);
}

/* The codebook editor changes the codebook in place: the window follows. */
static void
test_codebook_edit (Fixture       *f,
                    gconstpointer  data)
{
  GlossCodebook *codebook = gloss_sidecar_get_codebook (gloss_window_get_sidecar (f->window));
  guint tuesday = offset_of ("Tuesday");
  g_autoptr(GlossTag) tag = gloss_tag_new ("event", "Event", "#ff7800", "9");
  GtkDropDown *filter;

  gloss_codebook_add_tag (codebook, tag);
  gloss_test_iterate ();

  tag_by_key (f, tuesday, tuesday + 7, "9");
  g_assert_cmpstr (gloss_annotation_get_tag (gloss_article_view_get_selected (f->view)), ==, "event");
  g_assert_cmpuint (gloss_sidebar_get_count (f->sidebar, "event"), ==, 1);
  filter = GTK_DROP_DOWN (gloss_test_find_widget (GTK_WIDGET (f->sidebar), GTK_TYPE_DROP_DOWN, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (filter)), ==,
                    gloss_codebook_get_n_tags (codebook) + 1);

  gloss_tag_set_label (tag, "Happening");
  gloss_test_iterate ();
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (filter)),
                                               gloss_codebook_get_n_tags (codebook)), ==, "Happening");
}

static gboolean
has_suggestions (gpointer data)
{
  return _gloss_window_get_suggestions (data) != NULL;
}

/* Issue 16: the sidebar stays about 340 px wide, whichever page is widest
 * (the Review panel's adjudication buttons, the Suggestions page's count…),
 * so that the reading column keeps its room. */
static void
test_sidebar_width (Fixture       *f,
                    gconstpointer  data)
{
  gloss_test_iterate_until (has_suggestions, f->window);
  gloss_test_iterate ();
  g_assert_cmpint (gloss_test_sidebar_width (GTK_WIDGET (f->window)), <, 400);
}

/* Every templated widget builds (a type too new for the toolkit in a .ui
 * only fails at run time). */
static void
test_templates (void)
{
  GType types[] = {
    GLOSS_TYPE_ANNOTATION_ROW, GLOSS_TYPE_DETAILS_PANE, GLOSS_TYPE_LIBRARY_PAGE, GLOSS_TYPE_SIDEBAR,
    GLOSS_TYPE_TAG_POPOVER,
  };
  GlossWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (GTK_IS_WIDGET (widget));
      g_object_run_dispose (G_OBJECT (widget));
      g_object_unref (widget);
    }

  window = gloss_window_new (NULL);
  g_assert_true (GLOSS_IS_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
}

/* Integration of the other parts: import, encodings, team codebook, header */

static gboolean
set_has_two (gpointer data)
{
  return gloss_annotation_set_get_size (data) == 2;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GlossSidecar) other = gloss_sidecar_new ("other", NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.gloss.json", NULL);
  g_autofree char *w3c_path = g_build_filename (f->dir, "other.w3c.json", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GFile) w3c_file = g_file_new_for_path (w3c_path);
  const char *argv[] = { g_getenv ("GLOSS_CLI"), "export", "--format", "w3c", "-o", w3c_path, other_path, NULL };
  GlossAnnotationSet *set = annotations (f);
  int status = -1;

  /* A colleague's annotations, exported to W3C by gloss-cli. */
  document = gloss_document_new (article_text, -1, NULL);
  gloss_document_set_source (document, "article.txt");
  gloss_sidecar_attach_document (other, document);
  gloss_annotation_set_create (gloss_sidecar_get_annotations (other), "official", offset_of ("Mayor"), offset_of (" on Tuesday"));
  gloss_annotation_set_create (gloss_sidecar_get_annotations (other), "place", 0, 9);
  g_assert_true (gloss_sidecar_save (other, other_file, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 0);
  _gloss_window_import (f->window, w3c_file);
  gloss_test_iterate_until (set_has_two, set);
  g_assert_cmpstr (gloss_annotation_get_text (gloss_annotation_set_get_nth (set, 0)), ==, "Riverside");
  g_assert_cmpstr (gloss_annotation_get_text (gloss_annotation_set_get_nth (set, 1)), ==, "Mayor Lin Wenhua");

  /* Importing again doubles nothing; one undo takes the first import back. */
  _gloss_window_import (f->window, w3c_file);
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (10000);
      gloss_test_iterate ();
    }
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 0);
}

static gboolean
encoding_is (gpointer data)
{
  GlossWindow *window = ((gpointer *)data)[0];
  GlossDocument *document = gloss_window_get_document (window);

  return document != NULL && g_strcmp0 (gloss_document_get_encoding (document), ((gpointer *)data)[1]) == 0;
}

static void
test_reopen_encoding (void)
{
  const char *text = "市长林文华说：改革不会停步。\n";
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-encoding-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gbk.txt", NULL);
  g_autofree char *gbk = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossWindow *window;
  gsize length = 0;
  gpointer wait[2];

  gbk = g_convert (text, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, gbk, length, &error);
  g_assert_no_error (error);

  window = gloss_window_new (NULL);
  gloss_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_sidecar, window);

  wait[0] = window;
  wait[1] = "GB18030";
  gloss_test_iterate_until (encoding_is, wait);
  g_assert_cmpstr (gloss_document_get_text (gloss_window_get_document (window)), ==, text);

  /* The wrong guess, forced by hand: the text changes, nothing is saved. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reopen-encoding", "s", "windows-1252");
  wait[1] = "windows-1252";
  gloss_test_iterate_until (encoding_is, wait);
  g_assert_cmpstr (gloss_document_get_text (gloss_window_get_document (window)), !=, text);
  g_assert_cmpstr (gloss_document_get_text (gloss_article_view_get_document (_gloss_window_get_article_view (window))), !=, text);

  /* And back to detection. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reopen-encoding", "s", "");
  wait[1] = "GB18030";
  gloss_test_iterate_until (encoding_is, wait);
  g_assert_cmpstr (gloss_document_get_text (gloss_window_get_document (window)), ==, text);

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
}

static void
test_team_codebook (void)
{
  const char *codebook = "{\"name\": \"Team\", \"version\": \"3\", \"tags\": ["
                         "{\"id\": \"claim\", \"label\": \"Claim\", \"color\": \"#ff7800\", \"key\": \"1\"}]}";
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-team-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *cb_path = g_build_filename (dir, "gloss-codebook.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossCodebook *used;
  GlossWindow *window;

  g_file_set_contents (path, "The ministry claims success.\n", -1, NULL);
  g_file_set_contents (cb_path, codebook, -1, NULL);

  window = gloss_window_new (NULL);
  gloss_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_sidecar, window);

  used = gloss_sidecar_get_codebook (gloss_window_get_sidecar (window));
  g_assert_cmpstr (gloss_codebook_get_name (used), ==, "Team");
  g_assert_nonnull (gloss_codebook_lookup (used, "claim"));
  g_assert_null (gloss_codebook_lookup (used, "quote"));

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
test_article_header (void)
{
  const char *page =
    "<html><head><meta charset=\"utf-8\"><title>水价改革 - 测试日报</title>"
    "<meta property=\"og:site_name\" content=\"测试日报\">"
    "<meta property=\"og:title\" content=\"水价改革\">"
    "<meta name=\"author\" content=\"李伟\"></head><body><article><h1>水价改革</h1>"
    "<p>来源：测试日报 2023-03-21 15:40</p>"
    "<p>市水务局局长周敏表示：“我们将在年底前完成第一阶段的管网改造。”她还说，农村饮水安全工程将与乡村振兴战略结合推进。</p>"
    "<p>据介绍，今年全市计划投入资金4.8亿元，新建水厂3座，改造管网超过260公里。</p>"
    "</article></body></html>";
  g_autofree char *dir = g_dir_make_tmp ("gloss-test-header-XXXXXX", NULL);
  g_autofree char *html = g_build_filename (dir, "page.html", NULL);
  g_autofree char *txt = g_build_filename (dir, "plain.txt", NULL);
  g_autoptr(GFile) html_file = g_file_new_for_path (html);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt);
  GlossWindow *window;
  GtkWidget *header;

  g_file_set_contents (html, page, -1, NULL);
  g_file_set_contents (txt, "Just text.\n", -1, NULL);

  /* A saved page has a site and a byline to show above the text. */
  window = gloss_window_new (NULL);
  gloss_window_open (window, html_file);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_sidecar, window);
  header = _gloss_window_get_article_header (window);
  gloss_test_iterate_until (widget_visible, header);
  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();

  /* A plain text file has nothing to show: no empty header. */
  window = gloss_window_new (NULL);
  gloss_window_open (window, txt_file);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_sidecar, window);
  gloss_test_iterate ();
  g_assert_false (gtk_widget_get_visible (_gloss_window_get_article_header (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();

  gloss_test_rm_rf (dir);
}

static void
test_menu_actions (Fixture       *f,
                   gconstpointer  data)
{
  /* Every item of the menus names an action the window or app has. */
  const char *actions[] = { "win.open-url", "win.import", "win.reopen-encoding", "win.export",
                            "win.save", "win.save-as", "win.undo", "win.find", NULL };

  for (guint i = 0; actions[i]; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; ; j++)
        {
          GType owner;
          const char *name = NULL;
          const GVariantType *type;
          const char *property;

          if (!gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (f->window), j, &owner, &name, &type, &property))
            break;
          if (g_str_equal (name, actions[i]))
            found = TRUE;
        }
      if (!found)
        g_error ("no action %s", actions[i]);
    }
}

/* Real pointer events
 *
 * GTK 4.8 cannot synthesize pointer events inside the process, so these
 * tests move and click the X server's pointer with xdotool, as a mouse user
 * does, and the events reach the view through the toolkit like any other:
 * coordinates through the surface, the legacy controller, the text view's
 * own gestures.  Skipped without xdotool or off X11. */


static int screen_width, screen_height;

static gboolean
pointer_available (void)
{
  g_autofree char *geometry = NULL;

  if (!gloss_test_xdotool_available ())
    return FALSE;

  /* The whole window must be on the screen (plain xvfb-run gives 640×480). */
  geometry = gloss_test_xdotool ((const char *[]) { "getdisplaygeometry", NULL });
  if (sscanf (geometry, "%d %d", &screen_width, &screen_height) != 2 ||
      screen_width < 1200 || screen_height < 800)
    {
      g_test_skip ("needs a screen of at least 1200x800");
      return FALSE;
    }
  return TRUE;
}

/* Back where Xvfb starts it, in the middle of the screen and off the test
 * windows: a pointer resting where a later test opens a window brings up
 * tooltips there. */
static void
park_pointer (void)
{
  char x[16], y[16];
  g_autofree char *out = NULL;

  g_snprintf (x, sizeof x, "%d", screen_width / 2);
  g_snprintf (y, sizeof y, "%d", screen_height / 2);
  out = gloss_test_xdotool ((const char *[]) { "mousemove", "--sync", x, y, NULL });
}

/* Pointer actions at points of the window's surface. */
static void
pointer_click (const char *xid,
               int         x,
               int         y)
{
  char sx[16], sy[16];
  g_autofree char *out = NULL;

  g_snprintf (sx, sizeof sx, "%d", x);
  g_snprintf (sy, sizeof sy, "%d", y);
  out = gloss_test_xdotool ((const char *[]) { "mousemove", "--window", xid, "--sync", sx, sy, "click", "1", NULL });
}

/* Presses at (@x0, @y0), moves across, then down or up, and lets go at (@x1, @y1). */
static void
pointer_drag (const char *xid,
              int         x0,
              int         y0,
              int         x1,
              int         y1)
{
  char sx0[16], sy0[16], sx1[16], sy1[16];
  g_autofree char *out = NULL;

  g_snprintf (sx0, sizeof sx0, "%d", x0);
  g_snprintf (sy0, sizeof sy0, "%d", y0);
  g_snprintf (sx1, sizeof sx1, "%d", x1);
  g_snprintf (sy1, sizeof sy1, "%d", y1);
  out = gloss_test_xdotool ((const char *[]) { "mousemove", "--window", xid, "--sync", sx0, sy0, "mousedown", "1",
                                        "mousemove", "--window", xid, "--sync", sx1, sy0,
                                        "mousemove", "--window", xid, "--sync", sx1, sy1, "mouseup", "1", NULL });
}

/* A point of @widget, in its window's surface (what xdotool's --window
 * coordinates are). */
static void
surface_coords (GtkWidget *widget,
                double     x,
                double     y,
                int       *sx,
                int       *sy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t p;
  double nx, ny;

  p = gloss_test_settled_point (widget, GTK_WIDGET (native), x, y);
  gtk_native_get_surface_transform (native, &nx, &ny);
  *sx = (int)(p.x + nx);
  *sy = (int)(p.y + ny);
}

typedef enum
{
  MIDDLE,
  LEFT_EDGE,   /* its first pixel but one */
  RIGHT_EDGE,  /* its last pixel */
  BEFORE,      /* the middle of the grip before it (a highlight's start) */
  AFTER,       /* the middle of the grip after it (a highlight's end) */
} Where;

/* Where, in the window's surface, a point of the character at @offset is. */
static void
surface_point (Fixture  *f,
               guint     offset,
               Where     where,
               int      *sx,
               int      *sy)
{
  GtkTextView *view = GTK_TEXT_VIEW (f->view);
  GtkTextIter iter;
  GdkRectangle r;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &r);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         where == RIGHT_EDGE ? r.x + r.width - 1 :
                                         where == LEFT_EDGE ? r.x + 1 :
                                         where == BEFORE ? r.x - 5 :
                                         where == AFTER ? r.x + r.width + 5 : r.x + r.width / 2,
                                         r.y + r.height / 2, &wx, &wy);
  surface_coords (GTK_WIDGET (view), wx, wy, sx, sy);
}

/* A click on the character at @offset. */
static void
click_at (Fixture    *f,
          const char *xid,
          guint       offset,
          Where       where)
{
  int sx, sy;

  surface_point (f, offset, where, &sx, &sy);
  pointer_click (xid, sx, sy);
}

/* A click in the middle of @widget. */
static void
click_widget (const char *xid,
              GtkWidget  *widget)
{
  int sx, sy;

  surface_coords (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, &sx, &sy);
  pointer_click (xid, sx, sy);
}

static gboolean
in_pick_mode (gpointer view)
{
  return gloss_article_view_get_pick_mode (view);
}

typedef struct
{
  Fixture         *f;
  GlossAnnotation *annotation;
  guint            start, end;
} Expected;

static gboolean
has_text_selection (gpointer view)
{
  return gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (view));
}

static gboolean
is_selected (gpointer data)
{
  Expected *e = data;

  return gloss_article_view_get_selected (e->f->view) == e->annotation;
}

static gboolean
has_range (gpointer data)
{
  Expected *e = data;

  return gloss_annotation_get_start (e->annotation) == e->start &&
         gloss_annotation_get_end (e->annotation) == e->end;
}

/* The popover the view shows, if any. */
static GtkWidget *
shown_popover (GlossArticleView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return child;
  return NULL;
}

static gboolean
popover_shown (gpointer view)
{
  return shown_popover (view) != NULL;
}

static void
test_pointer_click (Fixture       *f,
                    gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  guint every = offset_of ("Every household");
  guint household = offset_of ("household");
  GlossAnnotation *official, *quote, *person;
  g_autofree char *xid = NULL;
  GtkWidget *choice;
  Expected e = { f };

  if (!pointer_available ())
    return;

  official = tag_by_key (f, lin, lin + 10, "2");
  quote = tag_by_key (f, every, every + strlen ("Every household should"), "1");
  person = tag_by_key (f, household, household + 9, "3");
  gloss_article_view_set_selected (f->view, NULL);
  wait_for_frame (f);
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));

  /* A click on a highlight selects its annotation, on any part of its
   * characters: the right half of the last one too. */
  click_at (f, xid, lin + 4, MIDDLE);
  e.annotation = official;
  gloss_test_iterate_until (is_selected, &e);

  click_at (f, xid, offset_of ("Tuesday") + 2, MIDDLE);
  e.annotation = NULL;
  gloss_test_iterate_until (is_selected, &e);

  click_at (f, xid, lin + 9, RIGHT_EDGE);
  e.annotation = official;
  gloss_test_iterate_until (is_selected, &e);

  click_at (f, xid, every + 1, MIDDLE);
  e.annotation = quote;
  gloss_test_iterate_until (is_selected, &e);

  /* Where two overlap, the view asks which one. */
  click_at (f, xid, household + 3, MIDDLE);
  gloss_test_iterate_until (popover_shown, f->view);
  choice = shown_popover (f->view);
  {
    GtkWidget *list = gloss_test_find_widget (choice, GTK_TYPE_LIST_BOX, NULL);
    GtkListBoxRow *second = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);

    g_assert_nonnull (second);
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
    g_signal_emit_by_name (list, "row-activated", second);
  }
  e.annotation = person;
  gloss_test_iterate_until (is_selected, &e);
  g_assert_false (gtk_widget_get_visible (choice));

  /* Text with no highlight: nothing is selected. */
  click_at (f, xid, offset_of ("Tuesday") + 2, MIDDLE);
  e.annotation = NULL;
  gloss_test_iterate_until (is_selected, &e);
  park_pointer ();
}

/* Dragging an edge of the selected highlight resizes it, snapped to words,
 * as one undo step. */
static void
test_pointer_drag_edge (Fixture       *f,
                        gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  guint tuesday = offset_of ("Tuesday");
  guint said = offset_of ("said Mayor");
  GlossAnnotation *official;
  g_autofree char *xid = NULL;
  Expected e = { f };
  int x0, y0, x1, y1;

  if (!pointer_available ())
    return;

  official = tag_by_key (f, lin, lin + 10, "2");
  g_assert_true (gloss_article_view_get_selected (f->view) == official);
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));

  /* The end grip, after the last "a" of "Wenhua", into "Tuesday". */
  surface_point (f, lin + 9, AFTER, &x0, &y0);
  surface_point (f, tuesday + 3, MIDDLE, &x1, &y1);
  pointer_drag (xid, x0, y0, x1, y1);
  e.annotation = official;
  e.start = lin;
  e.end = tuesday + strlen ("Tuesday");
  gloss_test_iterate_until (has_range, &e);
  g_assert_true (gloss_article_view_get_selected (f->view) == official);
  wait_for_frame (f);

  /* The start grip, before the "L" of "Lin", back into "said". */
  surface_point (f, lin, BEFORE, &x0, &y0);
  surface_point (f, said + 2, MIDDLE, &x1, &y1);
  pointer_drag (xid, x0, y0, x1, y1);
  e.start = said;
  gloss_test_iterate_until (has_range, &e);

  /* Each drag is one step back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (gloss_annotation_get_start (official), ==, lin);
  g_assert_cmpuint (gloss_annotation_get_end (official), ==, tuesday + strlen ("Tuesday"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (gloss_annotation_get_end (official), ==, lin + 10);
  park_pointer ();
}

/* The main gesture: select a passage with the mouse, press a tag's key.
 * Pressing on a highlight and dragging selects text, as anywhere else. */
static void
test_pointer_select_and_tag (Fixture       *f,
                             gconstpointer  data)
{
  const char *body = strstr (article_text, "The Clean Water 2030 programme reaches");
  guint clean = g_utf8_pointer_to_offset (article_text, body) + strlen ("The ");
  guint lin = offset_of ("Lin Wenhua");
  g_autofree char *xid = NULL;
  GlossAnnotation *annotation;
  int x0, y0, x1, y1;

  if (!pointer_available ())
    return;

  tag_by_key (f, lin, lin + 10, "2");
  gloss_article_view_set_selected (f->view, NULL);
  wait_for_frame (f);
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));

  /* From the middle of "Clean" to the middle of "Water": snapped to both words. */
  surface_point (f, clean + 2, MIDDLE, &x0, &y0);
  surface_point (f, clean + strlen ("Clean Wa"), MIDDLE, &x1, &y1);
  pointer_drag (xid, x0, y0, x1, y1);
  gloss_test_iterate_until (has_text_selection, f->view);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.tag-key", "s", "3");
  annotation = gloss_article_view_get_selected (f->view);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (gloss_annotation_get_text (annotation), ==, "Clean Water");
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "person");
  wait_for_frame (f);

  /* Starting on a highlight (in "Wenhua") and dragging on selects text too. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }
  surface_point (f, lin + 5, MIDDLE, &x0, &y0);
  surface_point (f, offset_of ("Tuesday") + 3, MIDDLE, &x1, &y1);
  pointer_drag (xid, x0, y0, x1, y1);
  gloss_test_iterate_until (has_text_selection, f->view);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.tag-key", "s", "1");
  annotation = gloss_article_view_get_selected (f->view);
  g_assert_cmpstr (gloss_annotation_get_text (annotation), ==, "Wenhua on Tuesday");
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 3);
  park_pointer ();
}

static gboolean
key_tagged (gpointer data)
{
  Expected *e = data;

  return gloss_annotation_set_get_size (annotations (e->f)) == e->start;
}

/* Tagging inside a selected annotation: a drag from its first character
 * (its very first pixel) selects text and leaves the annotation as it was;
 * the next key tags the text as a new annotation nested inside it. */
static void
test_pointer_drag_inside (Fixture       *f,
                          gconstpointer  data)
{
  guint at = offset_of ("顺丰速运多丽工业区");
  GlossAnnotation *place, *inner;
  g_autofree char *xid = NULL;
  g_autofree char *out = NULL;
  Expected e = { f };
  int x0, y0, x1, y1;

  if (!pointer_available ())
    return;

  place = tag_by_key (f, at, at + 9, "6");
  g_assert_cmpstr (gloss_annotation_get_text (place), ==, "顺丰速运多丽工业区");
  g_assert_true (gloss_article_view_get_selected (f->view) == place);
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));

  /* From the first pixel of 顺 to the last of 运. */
  surface_point (f, at, LEFT_EDGE, &x0, &y0);
  surface_point (f, at + 3, RIGHT_EDGE, &x1, &y1);
  pointer_drag (xid, x0, y0, x1, y1);
  gloss_test_iterate_until (has_text_selection, f->view);
  g_assert_cmpuint (gloss_annotation_get_start (place), ==, at);
  g_assert_cmpuint (gloss_annotation_get_end (place), ==, at + 9);

  /* A real key press: the organization key tags the selected text. */
  out = gloss_test_xdotool ((const char *[]) { "key", "--clearmodifiers", "4", NULL });
  e.start = 2;
  gloss_test_iterate_until (key_tagged, &e);
  inner = gloss_article_view_get_selected (f->view);
  g_assert_true (inner != place);
  g_assert_cmpstr (gloss_annotation_get_text (inner), ==, "顺丰速运");
  g_assert_cmpstr (gloss_annotation_get_tag (inner), ==, "organization");
  g_assert_cmpstr (gloss_annotation_get_tag (place), ==, "place");
  g_assert_cmpstr (gloss_annotation_get_text (place), ==, "顺丰速运多丽工业区");
  park_pointer ();
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GLOSS_IS_ANNOTATION_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

static int
compare_row_heights (gconstpointer a,
                     gconstpointer b)
{
  int ax, ay, bx, by;

  surface_coords (*(GtkWidget **)a, 0, 0, &ax, &ay);
  surface_coords (*(GtkWidget **)b, 0, 0, &bx, &by);
  return ay < by ? -1 : ay > by;
}

/* A click on a row of the sidebar's list selects its annotation, in the
 * article and in the details pane. */
static void
test_pointer_list (Fixture       *f,
                   gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  guint every = offset_of ("Every household");
  guint household = offset_of ("household");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *xid = NULL;
  GlossAnnotation *person;
  Expected e = { f };

  if (!pointer_available ())
    return;

  tag_by_key (f, lin, lin + 10, "2");
  tag_by_key (f, every, every + strlen ("Every household should"), "1");
  person = tag_by_key (f, household, household + 9, "3");
  gloss_article_view_set_selected (f->view, NULL);
  wait_for_frame (f);
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));

  /* Listed by where they start: the quote, the person, the official. */
  collect_rows (GTK_WIDGET (f->sidebar), rows);
  g_assert_cmpuint (rows->len, ==, 3);
  g_ptr_array_sort (rows, compare_row_heights);
  g_assert_true (gloss_annotation_set_get_nth (annotations (f), 1) == person);

  click_widget (xid, g_ptr_array_index (rows, 1));
  e.annotation = person;
  gloss_test_iterate_until (is_selected, &e);
  g_assert_true (gloss_details_pane_get_annotation (gloss_sidebar_get_details (f->sidebar)) == person);
  park_pointer ();
}

/* A window closed while a popover of it was up (here the tag popover) must
 * not leave the pointer grabbed: the next window still gets its clicks. */
static void
test_pointer_after_popover (Fixture       *f,
                            gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  GlossAnnotation *official;
  g_autofree char *xid = NULL;
  Expected e = { f };

  if (!pointer_available ())
    return;

  official = tag_by_key (f, lin, lin + 10, "2");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "article.show-tags", NULL);
  gloss_test_iterate_until (popover_shown, f->view);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();

  open_window (f);
  gloss_article_view_set_selected (f->view, NULL);
  wait_for_frame (f);
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));
  official = gloss_annotation_set_get_nth (annotations (f), 0);
  click_at (f, xid, lin + 4, MIDDLE);
  e.annotation = official;
  gloss_test_iterate_until (is_selected, &e);
  park_pointer ();
}

/* Picking a quote's speaker with a click in the article. */
static void
test_pointer_pick (Fixture       *f,
                   gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  guint quote_at = offset_of ("Every household");
  GlossAnnotation *official, *quote;
  GlossDetailsPane *details = gloss_sidebar_get_details (f->sidebar);
  g_autofree char *xid = NULL;
  GtkWidget *pick;

  if (!pointer_available ())
    return;

  official = tag_by_key (f, lin, lin + 10, "2");
  quote = tag_by_key (f, quote_at, quote_at + strlen ("Every household should drink from the tap"), "1");
  g_assert_true (gloss_details_pane_get_annotation (details) == quote);
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));

  /* The speaker row's "Pick in Article" button, then the official. */
  pick = gloss_test_find_widget (GTK_WIDGET (details), GTK_TYPE_BUTTON, "Pick in Article");
  g_assert_nonnull (pick);
  click_widget (xid, pick);
  gloss_test_iterate_until (in_pick_mode, f->view);
  click_at (f, xid, lin + 2, MIDDLE);
  while (gloss_article_view_get_pick_mode (f->view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gloss_annotation_get_attribute (quote, "speaker"), ==, gloss_annotation_get_id (official));
  g_assert_true (gloss_article_view_get_selected (f->view) == quote);
  park_pointer ();
}

/* Pick mode with the mouse on a name nobody tagged: a drag across it tags
 * it as a person and links it. */
static void
test_pointer_pick_untagged (Fixture       *f,
                            gconstpointer  data)
{
  guint zhou2 = offset_of ("周敏说");
  guint quote_at = offset_of ("网点很方便");
  GlossDetailsPane *details = gloss_sidebar_get_details (f->sidebar);
  g_autofree char *xid = NULL;
  GlossAnnotation *quote, *picked;
  int x0, y0, x1, y1;

  if (!pointer_available ())
    return;

  quote = tag_by_key (f, quote_at, quote_at + 5, "1");
  xid = gloss_test_window_xid (GTK_WINDOW (f->window));
  g_signal_emit_by_name (details, "pick-link", "speaker");
  g_assert_true (gloss_article_view_get_pick_mode (f->view));
  surface_point (f, zhou2, LEFT_EDGE, &x0, &y0);
  surface_point (f, zhou2 + 1, RIGHT_EDGE, &x1, &y1);
  pointer_drag (xid, x0, y0, x1, y1);
  while (gloss_article_view_get_pick_mode (f->view))
    g_main_context_iteration (NULL, TRUE);
  picked = gloss_annotation_set_lookup (annotations (f), gloss_annotation_get_attribute (quote, "speaker"));
  g_assert_nonnull (picked);
  g_assert_cmpstr (gloss_annotation_get_text (picked), ==, "周敏");
  g_assert_cmpstr (gloss_annotation_get_tag (picked), ==, "person");
  park_pointer ();
}

static gboolean
zoom_above (gpointer data)
{
  Expected *e = data;

  return gloss_article_view_get_zoom (e->f->view) > 1.0 + e->start / 100.0;
}

static gboolean
zoom_is_one (gpointer data)
{
  return gloss_article_view_get_zoom (data) == 1.0;
}

/* Ctrl+plus, Ctrl+minus, Ctrl+0 and Ctrl+scroll zoom the reading text. */
static void
test_pointer_zoom (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *xid = NULL;
  g_autofree char *out = NULL;
  Expected e = { f };
  int x, y;

  if (!pointer_available ())
    return;

  xid = gloss_test_window_xid (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  surface_point (f, offset_of ("Tuesday"), MIDDLE, &x, &y);
  {
    char sx[16], sy[16];

    g_snprintf (sx, sizeof sx, "%d", x);
    g_snprintf (sy, sizeof sy, "%d", y);
    out = gloss_test_xdotool ((const char *[]) { "mousemove", "--window", xid, "--sync", sx, sy, NULL });
  }
  g_assert_cmpfloat (gloss_article_view_get_zoom (f->view), ==, 1.0);

  g_free (out);
  out = gloss_test_xdotool ((const char *[]) { "key", "ctrl+plus", "ctrl+equal", NULL });
  e.start = 15;
  gloss_test_iterate_until (zoom_above, &e);
  wait_for_frame (f);

  g_free (out);
  out = gloss_test_xdotool ((const char *[]) { "key", "ctrl+0", NULL });
  gloss_test_iterate_until (zoom_is_one, f->view);

  g_free (out);
  out = gloss_test_xdotool ((const char *[]) { "key", "ctrl+minus", NULL });
  while (gloss_article_view_get_zoom (f->view) >= 1.0)
    g_main_context_iteration (NULL, TRUE);
  g_free (out);
  out = gloss_test_xdotool ((const char *[]) { "key", "ctrl+0", NULL });
  gloss_test_iterate_until (zoom_is_one, f->view);

  /* Ctrl and the wheel up: larger. */
  g_free (out);
  out = gloss_test_xdotool ((const char *[]) { "keydown", "ctrl", "click", "4", "keyup", "ctrl", NULL });
  e.start = 5;
  gloss_test_iterate_until (zoom_above, &e);
  park_pointer ();
}

/* Issue 16: one state at a time.  Reload of a file that cannot be read
 * leaves the error and nothing of the conflict; every button of the error
 * bar does something; Try Again on the fixed file ends it. */
static void
test_conflict_then_broken (Fixture       *f,
                           gconstpointer  data)
{
  guint lin = offset_of ("Lin Wenhua");
  g_autofree char *path = g_file_get_path (f->sidecar_file);
  g_autofree char *good = NULL;
  g_autoptr(GError) error = NULL;
  GlossSession *session = gloss_window_get_session (f->window);

  tag_by_key (f, lin, lin + 10, "2");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  gloss_test_iterate_until (not_saving, f->window);
  g_file_get_contents (path, &good, NULL, &error);
  g_assert_no_error (error);

  /* Another program breaks the file: the conflict banner, alone. */
  g_usleep (20000);
  g_file_set_contents (path, "{ \"format\": \"gloss\", ", -1, &error);
  g_assert_no_error (error);
  _gloss_window_check_disk (f->window);
  while (!_gloss_window_get_conflict (f->window))
    g_main_context_iteration (NULL, TRUE);
  gloss_test_iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (f->window->conflict_bar));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->error_bar));

  /* Reload fails: the error, and no stale conflict beside it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reload-annotations", NULL);
  while (!_gloss_window_get_broken (f->window))
    g_main_context_iteration (NULL, TRUE);
  gloss_test_iterate ();
  g_assert_false (_gloss_window_get_conflict (f->window));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->conflict_bar));
  g_assert_true (gtk_revealer_get_reveal_child (f->window->error_bar));
  g_assert_nonnull (strstr (gtk_label_get_label (f->window->error_label), "gloss.json"));
  g_assert_cmpint (gloss_session_get_state (session), ==, GLOSS_SESSION_BROKEN);

  /* Keep Mine cannot be chosen now (it would write over the broken file). */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.keep-mine", NULL);
  gloss_test_iterate ();
  g_assert_null (find_dialog ());

  /* Fixed on disk; Try Again reads it. */
  g_file_set_contents (path, good, -1, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reload-annotations", NULL);
  while (_gloss_window_get_broken (f->window))
    g_main_context_iteration (NULL, TRUE);
  gloss_test_iterate ();
  g_assert_cmpint (gloss_session_get_state (session), ==, GLOSS_SESSION_READY);
  g_assert_false (gtk_revealer_get_reveal_child (f->window->conflict_bar));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->error_bar));
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 1);
}

/* A page just fetched is shown as it was extracted: not parsed again from its snapshot. */
static void
test_open_fetched (void)
{
  g_autoptr(GlossDocument) fetched = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "page.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window;
  guint before;

  g_file_set_contents (path, article_text, -1, &error);
  g_assert_no_error (error);
  fetched = gloss_document_new (article_text, -1, &error);
  g_assert_no_error (error);

  before = _gloss_document_get_n_created ();
  window = gloss_window_new (NULL);
  gloss_window_open_document (window, file, fetched);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_sidecar, window);

  g_assert_cmpuint (_gloss_document_get_n_created (), ==, before);
  g_assert_true (gloss_window_get_document (window) == fetched);
  g_assert_true (gloss_article_view_get_document (_gloss_window_get_article_view (window)) == fetched);

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
}

/* Keyboard shortcuts that clash: two of Gloss's shortcuts with one trigger
 * where the same key press reaches both (the article view and every widget
 * above it, up to the window). */

typedef struct
{
  char *trigger;
  char *action;
  char *widget;
} BoundKey;

static void
bound_key_free (BoundKey *bound)
{
  g_free (bound->trigger);
  g_free (bound->action);
  g_free (bound->widget);
  g_free (bound);
}

static void
collect_triggers (GtkShortcutTrigger *trigger,
                  GPtrArray          *names)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      collect_triggers (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), names);
      collect_triggers (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), names);
    }
  else if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_ptr_array_add (names, gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
}

/* Gloss's own: named actions outside the groups GTK's widgets install
 * (a text view's text.undo, misc.insert-emoji…), which Gloss's keys are
 * meant to take over. */
static gboolean
is_gloss_action (GtkShortcutAction *action)
{
  const char * const toolkit[] = { "text.", "misc.", "menu.", "clipboard.", "selection.", "context-menu.", NULL };
  const char *name;

  if (!GTK_IS_NAMED_ACTION (action))
    return FALSE;
  name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
  for (guint i = 0; toolkit[i] != NULL; i++)
    if (g_str_has_prefix (name, toolkit[i]))
      return FALSE;
  return TRUE;
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *bound)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          GVariant *args = gtk_shortcut_get_arguments (shortcut);

          if (!is_gloss_action (gtk_shortcut_get_action (shortcut)))
            continue;
          collect_triggers (gtk_shortcut_get_trigger (shortcut), names);
          for (guint k = 0; k < names->len; k++)
            {
              BoundKey *key = g_new0 (BoundKey, 1);
              g_autofree char *target = args ? g_variant_print (args, FALSE) : NULL;

              key->trigger = g_strdup (g_ptr_array_index (names, k));
              key->action = g_strdup_printf ("%s%s%s", gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))),
                                             target ? " " : "", target ? target : "");
              key->widget = g_strdup (G_OBJECT_TYPE_NAME (widget));
              g_ptr_array_add (bound, key);
            }
        }
    }
}

/* A suggestion's keys sit above the article's on purpose: they act only
 * while a suggestion is current, and otherwise fall through to the article
 * (gloss-window-suggest.c). */
static gboolean
layered_on_purpose (BoundKey *a,
                    BoundKey *b)
{
  return (g_str_has_prefix (a->action, "suggest.") && g_str_has_prefix (b->action, "article.")) ||
         (g_str_has_prefix (b->action, "suggest.") && g_str_has_prefix (a->action, "article."));
}

/* Issue 16: two branches both took Ctrl+Shift+H (What Changed and showing
 * the suggestions); whichever came first, the other key did nothing. */
static void
test_shortcut_clashes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) bound = g_ptr_array_new_with_free_func ((GDestroyNotify)bound_key_free);
  g_autoptr(GString) clashes = g_string_new (NULL);
  guint n_window = 0;

  for (GtkWidget *w = GTK_WIDGET (_gloss_window_get_article_view (f->window)); w != NULL; w = gtk_widget_get_parent (w))
    collect_shortcuts (w, bound);
  for (guint i = 0; i < bound->len; i++)
    n_window += g_str_has_prefix (((BoundKey *)g_ptr_array_index (bound, i))->action, "win.");
  /* The walk sees the window's and the article's keys. */
  g_assert_cmpuint (n_window, >, 10);
  g_assert_cmpuint (bound->len - n_window, >, 10);

  for (guint i = 0; i < bound->len; i++)
    for (guint j = i + 1; j < bound->len; j++)
      {
        BoundKey *a = g_ptr_array_index (bound, i);
        BoundKey *b = g_ptr_array_index (bound, j);

        if (g_str_equal (a->trigger, b->trigger) && !g_str_equal (a->action, b->action) && !layered_on_purpose (a, b))
          g_string_append_printf (clashes, "%s: %s (%s) and %s (%s)\n", a->trigger, a->action, a->widget, b->action, b->widget);
      }
  g_assert_cmpstr (clashes->str, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GSettings) settings = NULL;

  gloss_test_gtk_init (&argc, &argv);

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "annotator-id", ANNOTATOR);
  /* Saves happen when a test asks, never behind its back. */
  g_settings_set_uint (settings, "autosave-delay", 0);

#define ADD(name, func, data) \
  g_test_add ("/window/" name, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("tag-by-key", test_tag_by_key, NULL);
  ADD ("snap-chinese", test_snap_chinese, NULL);
  ADD ("retag", test_retag, NULL);
  ADD ("delete-undo", test_delete_undo, NULL);
  ADD ("link-speaker", test_link_speaker, NULL);
  ADD ("text-attribute", test_text_attribute, NULL);
  ADD ("note", test_note, NULL);
  ADD ("save", test_save, NULL);
  ADD ("external-change", test_external_change, NULL);
  ADD ("monitor", test_monitor, NULL);
  ADD ("keep-mine", test_keep_mine, NULL);
  ADD ("conflict-then-broken", test_conflict_then_broken, NULL);
  ADD ("sidebar-width", test_sidebar_width, NULL);
  ADD ("shortcut-clashes", test_shortcut_clashes, NULL);
  ADD ("broken-sidecar", test_broken_sidecar, "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [ { \"start\": ");
  ADD ("navigate-resize", test_navigate_resize, NULL);
  ADD ("tag-all-overlap", test_tag_all_and_overlap, NULL);
  ADD ("find", test_find, NULL);
  ADD ("filter", test_filter, NULL);
  ADD ("orphaned", test_orphaned, orphan_sidecar);
  ADD ("autosave", test_autosave, NULL);
  ADD ("close-asks", test_close_asks, NULL);
  ADD ("no-leaks", test_no_leaks, NULL);
  ADD ("codebook-edit", test_codebook_edit, NULL);
  ADD ("import", test_import, NULL);
  ADD ("menu-actions", test_menu_actions, NULL);
  ADD ("pointer/click", test_pointer_click, NULL);
  ADD ("pointer/drag-edge", test_pointer_drag_edge, NULL);
  ADD ("pointer/drag-inside", test_pointer_drag_inside, NULL);
  ADD ("speakers-as-people", test_speakers_as_people, NULL);
  ADD ("print", test_print, NULL);
  ADD ("tag-no-relayout", test_tag_no_relayout, NULL);
  ADD ("tag-keeps-rows", test_tag_keeps_rows, NULL);
  ADD ("rows-follow-tag-edit", test_rows_follow_tag_edit, NULL);
  ADD ("menu-tooltip", test_menu_tooltip, NULL);
  ADD ("annotator-first-save", test_annotator_first_save, NULL);
  ADD ("annotator-then-autosave", test_annotator_then_autosave, NULL);
  ADD ("annotator-adopt", test_annotator_adopt, NULL);
  ADD ("pick-untagged", test_pick_untagged, NULL);
  ADD ("pointer/pick", test_pointer_pick, NULL);
  ADD ("pointer/zoom", test_pointer_zoom, NULL);
  ADD ("pointer/pick-untagged", test_pointer_pick_untagged, NULL);
  ADD ("pointer/select-and-tag", test_pointer_select_and_tag, NULL);
  ADD ("pointer/list", test_pointer_list, NULL);
  ADD ("pointer/after-popover", test_pointer_after_popover, NULL);
  g_test_add_func ("/window/reopen-encoding", test_reopen_encoding);
  g_test_add_func ("/window/team-codebook", test_team_codebook);
  g_test_add_func ("/window/article-header", test_article_header);
  g_test_add_func ("/window/colleague-only", test_colleague_only);
  g_test_add_func ("/window/trim-clutter", test_trim_clutter);
  g_test_add_func ("/window/workers-after-frame", test_workers_after_frame);
  g_test_add_func ("/window/sidebar-after-layer-frame", test_sidebar_after_layer_frame);
  g_test_add_func ("/window/reading-notice", test_reading_notice);
  g_test_add_func ("/window/templates", test_templates);
  g_test_add_func ("/window/open-fetched", test_open_fetched);

  return g_test_run ();
}
