/* test-window-suggest.c: suggestions in the annotating window, driven by
 * real key events (xdotool): walk, accept, reject, accept a tag, hide;
 * what the sidecar keeps after reopening; the project's switch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-view.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-suggest-review.h"
#include "gloss-suggestion-item.h"
#include "gloss-suggestion-layer.h"
#include "gloss-suggestion-list.h"
#include "gloss-window.h"
#include "gloss-window-private.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

#define ANNOTATOR "tester"

typedef struct
{
  char        *dir;
  GFile       *article;
  GFile       *sidecar_file;
  GlossWindow *window;
} Fixture;

static gboolean
has_suggestions (gpointer data)
{
  return _gloss_window_get_suggestions (data) != NULL;
}

static gboolean
not_saving (gpointer data)
{
  return !_gloss_window_is_saving (data);
}

static GlossSuggestionLayer *
layer (Fixture *f)
{
  return _gloss_window_get_suggestions (f->window);
}

static GlossAnnotationSet *
annotations (Fixture *f)
{
  return gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window));
}

static const char *
text (Fixture *f)
{
  return gloss_document_get_text (gloss_window_get_document (f->window));
}

static void
open_window (Fixture *f)
{
  f->window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  /* Computed in a worker thread, after the article is shown. */
  gloss_test_iterate_until (has_suggestions, f->window);
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  f->window = NULL;
}

/* The article and its folder, no window yet. */
static void
fixture_set_up_files (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "suggest", "zh-water.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sidecar_path = NULL;

  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  f->dir = gloss_test_make_tmpdir ();
  path = g_build_filename (f->dir, "water.txt", NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  f->article = g_file_new_for_path (path);
  sidecar_path = g_strconcat (path, ".", ANNOTATOR, ".gloss.json", NULL);
  f->sidecar_file = g_file_new_for_path (sidecar_path);
  if (data != NULL)
    {
      g_autofree char *codebook = g_build_filename (f->dir, "gloss-codebook.json", NULL);

      g_file_set_contents (codebook, data, -1, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_set_up_files (f, data);
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f);
  gloss_test_rm_rf (f->dir);
  g_free (f->dir);
  g_clear_object (&f->article);
  g_clear_object (&f->sidecar_file);
}

/* Real key events */

static void
focus_article (Fixture *f)
{
  gloss_test_focus_window (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (_gloss_window_get_article_view (f->window)));
  gloss_test_iterate ();
}

/* Each key is followed by a marker the test waits for: the key's own
 * effect is then done too (X delivers them in order). The marker is a
 * Shift key, which alone does nothing. */
static gboolean marker_seen;

static gboolean
marker_cb (GtkEventControllerKey *controller,
           guint                  keyval,
           guint                  keycode,
           GdkModifierType        state)
{
  if (keyval == GDK_KEY_Shift_R)
    marker_seen = TRUE;
  return FALSE;
}

static gboolean
marker_arrived (gpointer data)
{
  return marker_seen;
}

static void
press (Fixture    *f,
       const char *keys)
{
  if (g_object_get_data (G_OBJECT (f->window), "marker") == NULL)
    {
      GtkEventController *key = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
      g_signal_connect (key, "key-pressed", G_CALLBACK (marker_cb), NULL);
      gtk_widget_add_controller (GTK_WIDGET (f->window), key);
      g_object_set_data (G_OBJECT (f->window), "marker", key);
    }
  marker_seen = FALSE;
  g_free (gloss_test_xdotool ((const char *[]) { "key", "--delay", "40", keys, "Shift_R", NULL }));
  gloss_test_iterate_until (marker_arrived, NULL);
  gloss_test_iterate ();
}

static const char *
origin_of (GlossAnnotation *annotation)
{
  JsonObject *extra = gloss_annotation_get_extra (annotation);
  JsonObject *origin = extra != NULL && json_object_has_member (extra, "origin")
                       ? json_object_get_object_member (extra, "origin") : NULL;

  return origin != NULL ? json_object_get_string_member_with_default (origin, "suggested", NULL) : NULL;
}

static GlossAnnotation *
annotation_at (GlossAnnotationSet *set,
               const char         *tag,
               guint               start,
               guint               end)
{
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (set, i);

      if (g_str_equal (gloss_annotation_get_tag (a), tag) &&
          gloss_annotation_get_start (a) == start && gloss_annotation_get_end (a) == end)
        return a;
    }
  return NULL;
}

static guint
pending_of_tag (Fixture    *f,
                const char *tag)
{
  GPtrArray *pending = gloss_suggestion_layer_get_pending (layer (f));
  guint n = 0;

  for (guint i = 0; i < pending->len; i++)
    n += g_str_equal (((GlossSuggestion *) pending->pdata[i])->tag, tag);
  return n;
}

/* The sidebar shows exactly the pending suggestions, in their order. */
static void
assert_list_matches (Fixture *f)
{
  GtkWidget *list = _gloss_window_get_suggestion_list (f->window);
  GListModel *model = G_LIST_MODEL (gloss_suggestion_list_get_model (GLOSS_SUGGESTION_LIST (list)));
  GPtrArray *pending = gloss_suggestion_layer_get_pending (layer (f));

  g_assert_cmpuint (gloss_suggestion_list_get_n_rows (GLOSS_SUGGESTION_LIST (list)), ==, pending->len);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, pending->len);
  for (guint i = 0; i < pending->len; i++)
    {
      g_autoptr(GlossSuggestionItem) item = g_list_model_get_item (model, i);

      g_assert_true (gloss_suggestion_item_get_suggestion (item) == pending->pdata[i]);
    }
}

typedef struct
{
  char  *tag;
  guint  start;
  guint  end;
  char  *rule;
} Seen;

static void
seen_clear (Seen *s)
{
  g_free (s->tag);
  g_free (s->rule);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seen, seen_clear)

static void
seen_current (Fixture *f,
              Seen    *s)
{
  GlossSuggestion *current = gloss_suggestion_layer_get_current (layer (f));

  g_assert_nonnull (current);
  s->tag = g_strdup (current->tag);
  s->start = current->start;
  s->end = current->end;
  s->rule = g_strdup (current->rule);
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  GlossArticleView *view = _gloss_window_get_article_view (f->window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GlossSuggestionList *list = GLOSS_SUGGESTION_LIST (_gloss_window_get_suggestion_list (f->window));
  g_auto(Seen) first = { 0 };
  g_auto(Seen) second = { 0 };
  g_auto(Seen) rejected_r = { 0 };
  g_auto(Seen) rejected_delete = { 0 };
  GlossSuggestion *current;
  GtkTextIter caret;
  guint n, size;

  if (!gloss_test_xdotool_available ())
    return;

  n = gloss_suggestion_layer_get_n_pending (layer (f));
  g_assert_cmpuint (n, >, 8);
  g_assert_true (gloss_suggestion_layer_get_visible (layer (f)));
  /* Listed in the sidebar; not annotations, not counted. */
  g_assert_cmpuint (gloss_suggestion_list_get_n_rows (list), ==, n);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 0);
  g_assert_false (gloss_annotation_set_get_modified (annotations (f)));

  focus_article (f);

  /* Return with no suggestion current is the view's key: nothing accepted. */
  press (f, "Return");
  g_assert_null (gloss_suggestion_layer_get_current (layer (f)));
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 0);

  /* n walks to the first; the caret goes there, the sidebar follows. */
  press (f, "n");
  current = gloss_suggestion_layer_get_current (layer (f));
  g_assert_true (current == g_ptr_array_index (gloss_suggestion_layer_get_pending (layer (f)), 0));
  gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpuint (gtk_text_iter_get_offset (&caret), ==, current->start);
  press (f, "n");
  press (f, "p");
  g_assert_true (gloss_suggestion_layer_get_current (layer (f)) ==
                 g_ptr_array_index (gloss_suggestion_layer_get_pending (layer (f)), 0));

  /* Return accepts: an annotation that records the rule. */
  seen_current (f, &first);
  press (f, "Return");
  {
    GlossAnnotation *a = annotation_at (annotations (f), first.tag, first.start, first.end);

    g_assert_nonnull (a);
    g_assert_cmpstr (origin_of (a), ==, first.rule);
  }
  g_assert_true (gloss_annotation_set_get_modified (annotations (f)));
  g_assert_cmpuint (gloss_suggestion_layer_get_n_pending (layer (f)), <, n);
  g_assert_cmpuint (gloss_suggestion_list_get_n_rows (list), ==, gloss_suggestion_layer_get_n_pending (layer (f)));

  /* a accepts too. */
  seen_current (f, &second);
  press (f, "a");
  g_assert_nonnull (annotation_at (annotations (f), second.tag, second.start, second.end));

  /* r and Delete reject: remembered, no annotation made or deleted. */
  size = gloss_annotation_set_get_size (annotations (f));
  seen_current (f, &rejected_r);
  press (f, "r");
  seen_current (f, &rejected_delete);
  press (f, "Delete");
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, size);
  g_assert_null (annotation_at (annotations (f), rejected_r.tag, rejected_r.start, rejected_r.end));
  {
    GlossSuggestion probe = { .tag = rejected_r.tag, .start = rejected_r.start, .end = rejected_r.end };
    GlossSuggestion probe2 = { .tag = rejected_delete.tag, .start = rejected_delete.start, .end = rejected_delete.end };

    g_assert_true (gloss_suggest_is_rejected (gloss_window_get_sidecar (f->window), &probe, text (f)));
    g_assert_true (gloss_suggest_is_rejected (gloss_window_get_sidecar (f->window), &probe2, text (f)));
    assert_list_matches (f);

    /* Ctrl+Z takes a rejection back: offered again, listed at its place. */
    press (f, "ctrl+z");
    g_assert_false (gloss_suggest_is_rejected (gloss_window_get_sidecar (f->window), &probe2, text (f)));
    assert_list_matches (f);
    press (f, "ctrl+shift+z");
    g_assert_true (gloss_suggest_is_rejected (gloss_window_get_sidecar (f->window), &probe2, text (f)));
    assert_list_matches (f);
  }

  /* Walk to a statistic; Shift+A accepts every statistic. */
  for (guint i = 0; i < n && !g_str_equal (gloss_suggestion_layer_get_current (layer (f))->tag, "statistic"); i++)
    press (f, "n");
  g_assert_cmpstr (gloss_suggestion_layer_get_current (layer (f))->tag, ==, "statistic");
  g_assert_cmpuint (pending_of_tag (f, "statistic"), >=, 3);
  press (f, "shift+a");
  g_assert_cmpuint (pending_of_tag (f, "statistic"), ==, 0);
  assert_list_matches (f);
  {
    guint statistics = 0;

    for (guint i = 0; i < gloss_annotation_set_get_size (annotations (f)); i++)
      {
        GlossAnnotation *a = gloss_annotation_set_get_nth (annotations (f), i);

        if (g_str_equal (gloss_annotation_get_tag (a), "statistic"))
          {
            g_assert_nonnull (origin_of (a));
            statistics++;
          }
      }
    g_assert_cmpuint (statistics, >=, 3);
  }

  /* Escape leaves the current suggestion: Delete is the view's again (with
   * nothing selected, it deletes nothing and rejects nothing). */
  size = gloss_annotation_set_get_size (annotations (f));
  press (f, "n");
  g_assert_nonnull (gloss_suggestion_layer_get_current (layer (f)));
  {
    g_auto(Seen) left = { 0 };
    GlossSuggestion probe;

    seen_current (f, &left);
    press (f, "Escape");
    g_assert_null (gloss_suggestion_layer_get_current (layer (f)));
    press (f, "Delete");
    probe = (GlossSuggestion) { .tag = left.tag, .start = left.start, .end = left.end };
    g_assert_false (gloss_suggest_is_rejected (gloss_window_get_sidecar (f->window), &probe, text (f)));
    g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, size);
  }

  /* Selecting one of the user's annotations leaves it too: Delete deletes
   * that annotation, the suggestion stays pending. */
  press (f, "n");
  g_assert_nonnull (gloss_suggestion_layer_get_current (layer (f)));
  gloss_article_view_set_selected (view, annotation_at (annotations (f), second.tag, second.start, second.end));
  g_assert_null (gloss_suggestion_layer_get_current (layer (f)));
  press (f, "Delete");
  g_assert_null (annotation_at (annotations (f), second.tag, second.start, second.end));
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, size - 1);
  /* Deleted, so suggested again. */
  {
    GPtrArray *pending = gloss_suggestion_layer_get_pending (layer (f));
    gboolean back = FALSE;

    for (guint i = 0; i < pending->len; i++)
      {
        GlossSuggestion *s = pending->pdata[i];

        back |= s->start == second.start && s->end == second.end && g_str_equal (s->tag, second.tag);
      }
    g_assert_true (back);
  }
  press (f, "ctrl+z");
  g_assert_nonnull (annotation_at (annotations (f), second.tag, second.start, second.end));
  assert_list_matches (f);

  /* F7 hides them: Return is the view's again (letters go to
   * the window's type-to-find). */
  size = gloss_annotation_set_get_size (annotations (f));
  press (f, "F7");
  g_assert_false (gloss_suggestion_layer_get_visible (layer (f)));
  g_assert_false (g_action_group_get_action_enabled (gloss_suggestion_layer_get_actions (layer (f)), "accept"));
  press (f, "Return");
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, size);
  press (f, "F7");
  g_assert_true (gloss_suggestion_layer_get_visible (layer (f)));

  /* Saved with Ctrl+S; reopened: the accepted are annotations with their
   * origin, the rejected are not offered again. */
  press (f, "ctrl+s");
  gloss_test_iterate_until (not_saving, f->window);
  g_assert_false (gloss_annotation_set_get_modified (annotations (f)));
  close_window (f);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossSidecar) loaded = gloss_sidecar_load (f->sidecar_file, NULL, &error);
    GlossAnnotation *a;

    g_assert_no_error (error);
    a = annotation_at (gloss_sidecar_get_annotations (loaded), first.tag, first.start, first.end);
    g_assert_nonnull (a);
    g_assert_cmpstr (origin_of (a), ==, first.rule);
  }

  open_window (f);
  {
    GPtrArray *pending = gloss_suggestion_layer_get_pending (layer (f));

    for (guint i = 0; i < pending->len; i++)
      {
        GlossSuggestion *s = pending->pdata[i];

        g_assert_false (s->start == rejected_r.start && s->end == rejected_r.end && g_str_equal (s->tag, rejected_r.tag));
        g_assert_false (s->start == rejected_delete.start && s->end == rejected_delete.end &&
                        g_str_equal (s->tag, rejected_delete.tag));
        g_assert_false (s->start == first.start && s->end == first.end && g_str_equal (s->tag, first.tag));
      }
    g_assert_cmpuint (gloss_suggestion_list_get_n_rows (list = GLOSS_SUGGESTION_LIST (_gloss_window_get_suggestion_list (f->window))),
                      ==, pending->len);
  }
}

/* The sidebar's list: arrow keys move through it, the view follows. */
static void
test_list_keys (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *list = _gloss_window_get_suggestion_list (f->window);
  GtkWidget *view = gloss_test_find_widget (list, GTK_TYPE_LIST_VIEW, NULL);
  GtkSingleSelection *selection = gloss_suggestion_list_get_model (GLOSS_SUGGESTION_LIST (list));
  GlossSuggestion *current;
  GPtrArray *pending;
  guint n;

  if (!gloss_test_xdotool_available ())
    return;

  focus_article (f);
  adw_view_stack_set_visible_child_name (f->window->side_stack, "suggestions");
  gloss_test_iterate ();
  /* Only the rows on screen are made: the first one takes the focus. */
  gtk_widget_grab_focus (view);
  gloss_test_iterate ();
  g_assert_true (gtk_widget_has_focus (view) || gtk_widget_get_focus_child (view) != NULL);
  press (f, "Down");
  press (f, "Down");
  pending = gloss_suggestion_layer_get_pending (layer (f));
  current = gloss_suggestion_layer_get_current (layer (f));
  g_assert_nonnull (current);
  g_assert_true (current == g_ptr_array_index (pending, gtk_single_selection_get_selected (selection)));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);

  /* Rejected from the list's focus (r is the article's key, so from the
   * article): the row goes, the next one is selected in place. */
  n = gloss_suggestion_layer_get_n_pending (layer (f));
  focus_article (f);
  press (f, "r");
  g_assert_cmpuint (gloss_suggestion_layer_get_n_pending (layer (f)), ==, n - 1);
  assert_list_matches (f);
  current = gloss_suggestion_layer_get_current (layer (f));
  g_assert_true (current == g_ptr_array_index (gloss_suggestion_layer_get_pending (layer (f)),
                                               gtk_single_selection_get_selected (selection)));
}

/* The first pending suggestion starting at or after @offset, around the end. */
static guint
first_from (Fixture *f,
            guint    offset)
{
  GPtrArray *pending = gloss_suggestion_layer_get_pending (layer (f));

  for (guint i = 0; i < pending->len; i++)
    if (((GlossSuggestion *) pending->pdata[i])->start >= offset)
      return i;
  return 0;
}

static void
assert_current_is (Fixture *f,
                   guint    index)
{
  GlossSuggestionList *list = GLOSS_SUGGESTION_LIST (_gloss_window_get_suggestion_list (f->window));

  g_assert_true (gloss_suggestion_layer_get_current (layer (f)) ==
                 g_ptr_array_index (gloss_suggestion_layer_get_pending (layer (f)), index));
  /* The sidebar's list follows. */
  g_assert_cmpuint (gtk_single_selection_get_selected (gloss_suggestion_list_get_model (list)), ==, index);
}

/* Once the user left the current suggestion (Escape, a click, text
 * selected), n and p go on from where they are, not from the first. */
static void
test_walk_from_caret (Fixture       *f,
                      gconstpointer  data)
{
  GlossArticleView *view = _gloss_window_get_article_view (f->window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GPtrArray *pending = gloss_suggestion_layer_get_pending (layer (f));
  GlossSuggestion *fifth = pending->pdata[5];
  guint n = pending->len, inside, expected;
  GtkTextIter iter, end;

  if (!gloss_test_xdotool_available ())
    return;
  g_assert_cmpuint (n, >, 8);

  focus_article (f);
  press (f, "n");
  press (f, "n");
  press (f, "n");
  assert_current_is (f, 2);
  /* Escape leaves it with the caret at its start: n takes it up again,
   * p goes to the one before. */
  press (f, "Escape");
  g_assert_null (gloss_suggestion_layer_get_current (layer (f)));
  press (f, "n");
  assert_current_is (f, first_from (f, ((GlossSuggestion *) pending->pdata[2])->start));
  press (f, "Escape");
  press (f, "p");
  assert_current_is (f, first_from (f, ((GlossSuggestion *) pending->pdata[2])->start) - 1);

  /* The caret put inside the sixth suggestion (a click): n goes to the
   * first one after it, p to the sixth itself. */
  press (f, "Escape");
  inside = fifth->start + 1;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, inside);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gloss_test_iterate ();
  expected = first_from (f, inside);
  g_assert_cmpuint (expected, >, 5);
  press (f, "n");
  assert_current_is (f, expected);
  press (f, "Escape");
  gtk_text_buffer_place_cursor (buffer, &iter);
  gloss_test_iterate ();
  press (f, "p");
  assert_current_is (f, first_from (f, inside) - 1);

  /* Text selected: n goes after it, p before it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, ((GlossSuggestion *) pending->pdata[3])->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, ((GlossSuggestion *) pending->pdata[6])->start);
  gtk_text_buffer_select_range (buffer, &iter, &end);
  gloss_test_iterate ();
  g_assert_null (gloss_suggestion_layer_get_current (layer (f)));
  press (f, "n");
  assert_current_is (f, first_from (f, ((GlossSuggestion *) pending->pdata[6])->start));
  gtk_text_buffer_select_range (buffer, &end, &iter);
  gloss_test_iterate ();
  press (f, "p");
  assert_current_is (f, first_from (f, ((GlossSuggestion *) pending->pdata[3])->start) - 1);

  /* Ctrl+End with real keys: n comes round to the first, p from the end
   * is the last. */
  press (f, "Escape");
  press (f, "ctrl+End");
  press (f, "p");
  assert_current_is (f, n - 1);
  press (f, "Escape");
  press (f, "ctrl+End");
  press (f, "n");
  assert_current_is (f, first_from (f, gtk_text_buffer_get_char_count (buffer)));
}

/* Tooltip and drawing: the view draws the outlines and names the rule. */
static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  GlossSuggestion *s;
  g_autofree char *tooltip = NULL;

  gloss_suggestion_layer_next (layer (f), FALSE);
  s = gloss_suggestion_layer_get_current (layer (f));
  tooltip = gloss_suggestion_layer_describe_at (layer (f), s->start);
  g_assert_nonnull (strstr (tooltip, s->rule));
}

static int
current_index (Fixture *f)
{
  int current = -1;

  g_object_get (layer (f), "current", &current, NULL);
  return current;
}

/* n on the last suggestion goes round to the first and says so; p on the
 * first, round to the last (a wrap used to pass without a word). */
static void
test_wraps (Fixture       *f,
            gconstpointer  data)
{
  guint n;

  if (!gloss_test_xdotool_available ())
    return;
  focus_article (f);
  n = gloss_suggestion_layer_get_n_pending (layer (f));
  g_assert_cmpuint (n, >, 2);
  g_assert_null (gloss_test_find_label_containing (GTK_WIDGET (f->window), "Back at the"));

  gloss_suggestion_layer_set_current (layer (f), (int) n - 2);
  press (f, "n");
  g_assert_cmpint (current_index (f), ==, (int) n - 1);
  g_assert_null (gloss_test_find_label_containing (GTK_WIDGET (f->window), "Back at the"));
  press (f, "n");
  g_assert_cmpint (current_index (f), ==, 0);
  g_assert_nonnull (gloss_test_find_label_containing (GTK_WIDGET (f->window), "Back at the first suggestion"));
  press (f, "p");
  g_assert_cmpint (current_index (f), ==, (int) n - 1);
  g_assert_nonnull (gloss_test_find_label_containing (GTK_WIDGET (f->window), "Back at the last suggestion"));
}

/* n and p with no suggestion to go to (hidden with F7, or all decided)
 * say so in a toast; the letter used to fall through to the find bar,
 * which opened with "n" typed in it. */
static void
test_none_left (Fixture       *f,
                gconstpointer  data)
{
  if (!gloss_test_xdotool_available ())
    return;
  focus_article (f);

  press (f, "F7");
  g_assert_false (gloss_suggestion_layer_get_visible (layer (f)));
  press (f, "n");
  g_assert_false (gtk_search_bar_get_search_mode (f->window->search_bar));
  g_assert_nonnull (gloss_test_find_label_containing (GTK_WIDGET (f->window), "Suggestions are hidden"));
  press (f, "F7");
  g_assert_true (gloss_suggestion_layer_get_visible (layer (f)));

  while (gloss_suggestion_layer_get_n_pending (layer (f)) > 0)
    {
      gloss_suggestion_layer_set_current (layer (f), 0);
      g_assert_nonnull (gloss_suggestion_layer_accept_current (layer (f)));
    }
  gtk_widget_grab_focus (GTK_WIDGET (_gloss_window_get_article_view (f->window)));
  press (f, "p");
  press (f, "n");
  g_assert_false (gtk_search_bar_get_search_mode (f->window->search_bar));
}

/* The project switched suggestions off: none computed, none shown, and
 * the user cannot show them. */
static void
test_project_off (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_false (gloss_suggestion_layer_get_allowed (layer (f)));
  g_assert_false (gloss_suggestion_layer_get_visible (layer (f)));
  g_assert_cmpuint (gloss_suggestion_layer_get_n_pending (layer (f)), ==, 0);
  g_assert_false (g_action_group_get_action_enabled (gloss_suggestion_layer_get_actions (layer (f)), "toggle"));
  gloss_suggestion_layer_set_visible (layer (f), TRUE);
  g_assert_false (gloss_suggestion_layer_get_visible (layer (f)));
}

static void
collect_switches (GtkWidget *root,
                  GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SWITCH (child))
        g_ptr_array_add (out, child);
      collect_switches (child, out);
    }
}

static gboolean
not_allowed (gpointer data)
{
  GlossSuggestionLayer *l = _gloss_window_get_suggestions (data);

  return l != NULL && !gloss_suggestion_layer_get_allowed (l);
}

static gboolean
allowed (gpointer data)
{
  GlossSuggestionLayer *l = _gloss_window_get_suggestions (data);

  return l != NULL && gloss_suggestion_layer_get_allowed (l);
}

/* The switch on the Suggestions page turns them off for the whole folder:
 * written into the team codebook, keeping its other members. */
static void
test_project_switch (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (f->dir, "gloss-codebook.json", NULL);
  g_autofree char *contents = NULL;
  GtkSwitch *project;

  collect_switches (_gloss_window_get_suggestion_list (f->window), switches);
  g_assert_cmpuint (switches->len, ==, 2);
  project = switches->pdata[1];
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (project)));
  g_assert_true (gtk_switch_get_active (project));
  g_assert_true (gloss_suggestion_layer_get_allowed (layer (f)));

  gtk_switch_set_active (project, FALSE);
  gloss_test_iterate_until (not_allowed, f->window);
  g_assert_cmpuint (gloss_suggestion_layer_get_n_pending (layer (f)), ==, 0);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "\"enabled\" : false"));
  g_assert_nonnull (strstr (contents, "\"hidden_share\" : 0"));
  g_assert_nonnull (strstr (contents, "\"claim\""));

  /* Every article of the folder: reopening keeps it off. */
  close_window (f);
  open_window (f);
  g_assert_false (gloss_suggestion_layer_get_allowed (layer (f)));
  g_ptr_array_set_size (switches, 0);
  collect_switches (_gloss_window_get_suggestion_list (f->window), switches);
  project = switches->pdata[1];
  g_assert_false (gtk_switch_get_active (project));
  gtk_switch_set_active (project, TRUE);
  gloss_test_iterate_until (allowed, f->window);
  g_assert_cmpuint (gloss_suggestion_layer_get_n_pending (layer (f)), >, 0);
}

/* No team codebook: nowhere to keep the project's switch. */
static void
test_project_switch_needs_codebook (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();

  collect_switches (_gloss_window_get_suggestion_list (f->window), switches);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (switches->pdata[1])));
}

static const char project_hidden_all[] =
  "{\"name\": \"Team\", \"version\": \"1\", \"tags\": ["
  "{\"id\": \"quote\", \"label\": \"Quote\", \"color\": \"#ff7800\", \"key\": \"1\"}],"
  " \"suggestions\": {\"hidden_share\": 1, \"seed\": \"study-1\"}}";

static const char project_team[] =
  "{\"name\": \"Team\", \"version\": \"1\", \"tags\": ["
  "{\"id\": \"claim\", \"label\": \"Claim\", \"color\": \"#ff7800\", \"key\": \"1\"}],"
  " \"suggestions\": {\"hidden_share\": 0}}";

static const char project_off[] =
  "{\"name\": \"Team\", \"version\": \"1\", \"tags\": ["
  "{\"id\": \"quote\", \"label\": \"Quote\", \"color\": \"#ff7800\", \"key\": \"1\"}],"
  " \"suggestions\": {\"enabled\": false}}";

/* A window closed, or switched to another article, while its suggestions
 * are computed (the workers held until then) */

static gboolean
has_sidecar (gpointer data)
{
  return gloss_window_get_sidecar (data) != NULL;
}

static gboolean
no_workers (gpointer data)
{
  return _gloss_suggestion_layer_get_n_workers () == 0;
}

/* A worker starts once its article's first frame is out. */
static gboolean
n_workers (gpointer data)
{
  return _gloss_suggestion_layer_get_n_workers () == GPOINTER_TO_UINT (data);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The worker does not hold the window (nor does anything else): a window
 * closed meanwhile is finalized at once, and the result, when it comes,
 * goes nowhere. */
static void
test_closed_while_computing (Fixture       *f,
                             gconstpointer  data)
{
  GlossWindow *window = gloss_window_new (NULL);

  _gloss_suggestion_layer_hold_workers (TRUE);
  gloss_window_open (window, f->article);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_sidecar, window);
  gloss_test_iterate_until (n_workers, GUINT_TO_POINTER (1));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate_until (is_gone, &window);
  g_assert_cmpuint (_gloss_suggestion_layer_get_n_workers (), ==, 1);

  _gloss_suggestion_layer_hold_workers (FALSE);
  gloss_test_iterate_until (no_workers, NULL);
  gloss_test_iterate ();
}

static gboolean
shows_other (gpointer data)
{
  GlossSidecar *sidecar = gloss_window_get_sidecar (data);
  g_autofree char *name = sidecar != NULL ? g_file_get_basename (gloss_sidecar_get_file (sidecar)) : NULL;

  return name != NULL && g_str_has_prefix (name, "other.txt.");
}

/* Article A's suggestions, done after the window turned to article B, never
 * reach B's layer: B gets exactly its own. */
static void
test_switched_while_computing (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *source = g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "suggest", "en-water.txt", NULL);
  g_autofree char *path = g_build_filename (f->dir, "other.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) other = g_file_new_for_path (path);
  g_autoptr(GlossSuggestionLayer) expected = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *got, *want;

  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  _gloss_suggestion_layer_hold_workers (TRUE);
  f->window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 700);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (has_sidecar, f->window);
  gloss_test_iterate_until (n_workers, GUINT_TO_POINTER (1));
  _gloss_window_open_from_library (f->window, other, FALSE);
  gloss_test_iterate_until (shows_other, f->window);
  gloss_test_iterate_until (n_workers, GUINT_TO_POINTER (2));
  g_assert_null (layer (f));

  _gloss_suggestion_layer_hold_workers (FALSE);
  gloss_test_iterate_until (no_workers, NULL);
  gloss_test_iterate ();
  gloss_test_iterate_until (has_suggestions, f->window);

  expected = gloss_suggestion_layer_new (gloss_window_get_sidecar (f->window), gloss_window_get_document (f->window),
                                         other);
  got = gloss_suggestion_layer_get_pending (layer (f));
  want = gloss_suggestion_layer_get_pending (expected);
  g_assert_cmpuint (want->len, >, 0);
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < got->len; i++)
    {
      GlossSuggestion *a = got->pdata[i], *b = want->pdata[i];

      g_assert_cmpstr (a->tag, ==, b->tag);
      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
    }
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

  g_test_add ("/window-suggest/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/window-suggest/list-keys", Fixture, NULL, fixture_set_up, test_list_keys, fixture_tear_down);
  g_test_add ("/window-suggest/walk-from-caret", Fixture, NULL, fixture_set_up, test_walk_from_caret, fixture_tear_down);
  g_test_add ("/window-suggest/none-left", Fixture, NULL, fixture_set_up, test_none_left, fixture_tear_down);
  g_test_add ("/window-suggest/wraps", Fixture, NULL, fixture_set_up, test_wraps, fixture_tear_down);
  g_test_add ("/window-suggest/describe", Fixture, NULL, fixture_set_up, test_describe, fixture_tear_down);
  g_test_add ("/window-suggest/project-off", Fixture, project_off, fixture_set_up, test_project_off, fixture_tear_down);
  /* A team lead's hidden share (all of it here): the same as off, for the coder. */
  g_test_add ("/window-suggest/hidden-share", Fixture, project_hidden_all, fixture_set_up, test_project_off, fixture_tear_down);
  g_test_add ("/window-suggest/project-switch", Fixture, project_team, fixture_set_up, test_project_switch, fixture_tear_down);
  g_test_add ("/window-suggest/project-switch-needs-codebook", Fixture, NULL, fixture_set_up,
              test_project_switch_needs_codebook, fixture_tear_down);
  g_test_add ("/window-suggest/closed-while-computing", Fixture, NULL, fixture_set_up_files,
              test_closed_while_computing, fixture_tear_down);
  g_test_add ("/window-suggest/switched-while-computing", Fixture, NULL, fixture_set_up_files,
              test_switched_while_computing, fixture_tear_down);

  return g_test_run ();
}
