/* test-suggestion-layer.c: the suggestion layer in a window: walking,
 * accepting, rejecting, accepting a tag, hiding, drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-view.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-suggest-review.h"
#include "gloss-suggestion-item.h"
#include "gloss-suggestion-layer.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

typedef struct
{
  GtkWindow            *window;
  GtkTextView          *view;
  GlossDocument        *doc;
  GlossSidecar         *sidecar;
  GlossSuggestionLayer *layer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "suggest", "zh-water.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  GtkEventController *shortcuts;

  f->doc = gloss_document_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  f->sidecar = gloss_sidecar_new ("bob", codebook);
  gloss_sidecar_attach_document (f->sidecar, f->doc);
  /* No article file: the fixture folder's settings and sidecars stay out. */
  f->layer = gloss_suggestion_layer_new (f->sidecar, f->doc, NULL);

  f->window = GTK_WINDOW (gtk_window_new ());
  f->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (f->view), gloss_document_get_text (f->doc), -1);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "suggest", gloss_suggestion_layer_get_actions (f->layer));
  shortcuts = gtk_shortcut_controller_new ();
  gloss_suggestion_layer_add_shortcuts (GTK_SHORTCUT_CONTROLLER (shortcuts));
  gtk_widget_add_controller (GTK_WIDGET (f->window), shortcuts);
  gtk_window_present (f->window);
  gloss_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gloss_test_assert_finalized (f->layer);
  g_clear_object (&f->sidecar);
  g_clear_object (&f->doc);
}

static char *
current_text (Fixture *f)
{
  GlossSuggestion *s = gloss_suggestion_layer_get_current (f->layer);
  g_assert_nonnull (s);
  return g_utf8_substring (gloss_document_get_text (f->doc), s->start, s->end);
}

static void
test_walk_accept_reject (Fixture       *f,
                         gconstpointer  data)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (f->sidecar);
  guint n = gloss_suggestion_layer_get_n_pending (f->layer);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GlossSuggestion *rejected;

  g_assert_cmpuint (n, >, 5);
  g_assert_null (gloss_suggestion_layer_get_current (f->layer));
  /* Suggestions are no annotations until accepted. */
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.next", NULL);
  first = current_text (f);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.previous", NULL);
  g_assert_cmpstr (current_text (f), ==, first);

  /* Accept: an annotation recording its origin, one suggestion fewer. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.accept", NULL);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 1);
  g_assert_nonnull (json_object_get_member (gloss_annotation_get_extra (gloss_annotation_set_get_nth (set, 0)), "origin"));
  g_assert_cmpuint (gloss_suggestion_layer_get_n_pending (f->layer), ==, n - 1);

  /* Reject: remembered in the sidecar, not offered again. */
  second = current_text (f);
  rejected = gloss_suggestion_layer_get_current (f->layer);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.reject", NULL);
  g_assert_true (gloss_suggest_is_rejected (f->sidecar, rejected, gloss_document_get_text (f->doc)));
  g_assert_cmpuint (gloss_suggestion_layer_get_n_pending (f->layer), ==, n - 2);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 1);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* A passage tagged by hand: only the suggestions where it was are looked at
 * again. Where none of them changes, the pending list is the same one and
 * nothing is notified (on a long article, every pending suggestion was
 * checked against the annotations after each tag, the list's rows walked
 * and the article redrawn); where one does, it goes, and the suggestion
 * under review stays so. */
static void
test_tag_elsewhere (Fixture       *f,
                    gconstpointer  data)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (f->sidecar);
  GPtrArray *pending = gloss_suggestion_layer_get_pending (f->layer);
  guint n = pending->len, notified = 0;
  GlossSuggestion *current, *before;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.next", NULL);
  current = gloss_suggestion_layer_get_current (f->layer);
  before = pending->pdata[0];
  g_assert_true (before != current);
  g_signal_connect (f->layer, "notify", G_CALLBACK (count_cb), &notified);

  /* The span of a suggestion, another tag. */
  gloss_annotation_set_create (set, g_str_equal (before->tag, "place") ? "person" : "place", before->start, before->end);
  g_assert_true (gloss_suggestion_layer_get_pending (f->layer) == pending);
  g_assert_cmpuint (notified, ==, 0);
  gloss_annotation_set_undo (set);
  g_assert_true (gloss_suggestion_layer_get_pending (f->layer) == pending);
  g_assert_cmpuint (notified, ==, 0);

  /* Its span and tag: decided by hand, no longer pending. */
  gloss_annotation_set_create (set, before->tag, before->start, before->end);
  g_assert_cmpuint (gloss_suggestion_layer_get_n_pending (f->layer), ==, n - 1);
  g_assert_false (g_ptr_array_find (gloss_suggestion_layer_get_pending (f->layer), before, NULL));
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == current);
  g_assert_cmpuint (notified, >, 0);

  gloss_annotation_set_undo (set);
  g_assert_cmpuint (gloss_suggestion_layer_get_n_pending (f->layer), ==, n);
  g_assert_true (gloss_suggestion_layer_get_pending (f->layer)->pdata[0] == before);
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == current);
}

static void
test_accept_tag_and_hide (Fixture       *f,
                          gconstpointer  data)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (f->sidecar);
  guint statistics = 0;

  /* Walk to a statistic, then accept all statistics at once. */
  for (guint i = 0; i < 50; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.next", NULL);
      if (g_str_equal (gloss_suggestion_layer_get_current (f->layer)->tag, "statistic"))
        break;
    }
  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.accept-tag", NULL);
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      g_assert_cmpstr (gloss_annotation_get_tag (gloss_annotation_set_get_nth (set, i)), ==, "statistic");
      statistics++;
    }
  g_assert_cmpuint (statistics, >=, 5);

  /* Hidden: nothing to accept, nothing drawn, the actions off. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.toggle", NULL);
  g_assert_false (gloss_suggestion_layer_get_visible (f->layer));
  g_assert_false (g_action_group_get_action_enabled (gloss_suggestion_layer_get_actions (f->layer), "accept"));
  g_assert_null (gloss_suggestion_layer_accept_current (f->layer));
  g_assert_null (gloss_suggestion_layer_describe_at (f->layer, 100));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.toggle", NULL);
  g_assert_true (gloss_suggestion_layer_get_visible (f->layer));
}

static void
test_draw (Fixture       *f,
           gconstpointer  data)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  g_autofree char *tooltip = NULL;
  GlossSuggestion *s;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "suggest.next", NULL);
  s = gloss_suggestion_layer_get_current (f->layer);
  gloss_suggestion_layer_snapshot (f->layer, f->view, snapshot, 0, gloss_document_get_length (f->doc));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_unref (node);
  tooltip = gloss_suggestion_layer_describe_at (f->layer, s->start);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, s->rule));
}

/* A quote is accepted with its speaker: the tooltip and the sidebar's row
 * say who that is before the key is pressed. */
static void
test_speaker_shown (Fixture       *f,
                    gconstpointer  data)
{
  GPtrArray *pending = gloss_suggestion_layer_get_pending (f->layer);
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossSuggestionItem) item = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  GlossSuggestion *quote = NULL, *speaker, *other = NULL;

  for (guint i = 0; i < pending->len; i++)
    {
      GlossSuggestion *s = pending->pdata[i];

      if (quote == NULL && g_str_equal (s->tag, "quote") && gloss_suggestion_get_attribute (s, "speaker") != NULL)
        quote = s;
      if (other == NULL && g_str_equal (s->tag, "statistic"))
        other = s;
    }
  g_assert_nonnull (quote);
  g_assert_nonnull (other);
  speaker = gloss_suggestion_layer_get_speaker (f->layer, quote);
  g_assert_nonnull (speaker);
  g_assert_cmpstr (speaker->id, ==, gloss_suggestion_get_attribute (quote, "speaker"));
  name = g_utf8_substring (gloss_document_get_text (f->doc), speaker->start, speaker->end);
  g_assert_cmpstr (name, ==, "河畔市水务局局长周敏");
  g_assert_null (gloss_suggestion_layer_get_speaker (f->layer, other));

  tooltip = gloss_suggestion_layer_describe_at (f->layer, quote->start);
  g_assert_nonnull (strstr (tooltip, "Quote by 河畔市水务局局长周敏"));
  item = gloss_suggestion_item_new (G_OBJECT (f->layer), quote, f->doc, codebook);
  g_object_get (item, "subtitle", &subtitle, NULL);
  g_assert_true (g_str_has_prefix (subtitle, "Quote by 河畔市水务局局长周敏 · rule "));

  /* Still named once the speaker was accepted on its own. */
  for (guint i = 0; i < pending->len; i++)
    if (pending->pdata[i] == speaker)
      gloss_suggestion_layer_set_current (f->layer, (int) i);
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == speaker);
  g_assert_nonnull (gloss_suggestion_layer_accept_current (f->layer));
  g_clear_pointer (&subtitle, g_free);
  g_object_get (item, "subtitle", &subtitle, NULL);
  g_assert_true (g_str_has_prefix (subtitle, "Quote by 河畔市水务局局长周敏 · rule "));
}

/* n and p from a position once none is current: the first suggestion
 * starting at or after its end, the last one starting before its start,
 * around the ends; from the current one while the position is at it. */
/* Counts wraps: +1 forward, -10 backward. */
static void
wrapped_cb (GlossSuggestionLayer *layer,
            gboolean              backward,
            int                  *wraps)
{
  *wraps += backward ? -10 : 1;
}

static void
test_walk_from_position (Fixture       *f,
                         gconstpointer  data)
{
  GPtrArray *pending = gloss_suggestion_layer_get_pending (f->layer);
  guint n = pending->len;
  GlossSuggestion *third = pending->pdata[3];
  guint after = 0, before = 0;
  int wraps = 0;

  g_assert_cmpuint (n, >, 5);
  /* Inside the fourth suggestion, past its start. */
  for (guint i = 0; i < n; i++)
    if (((GlossSuggestion *) pending->pdata[i])->start < third->start + 1)
      before = i;
  for (after = 0; after < n && ((GlossSuggestion *) pending->pdata[after])->start < third->start + 1; after++)
    ;
  g_assert_cmpuint (after, <, n);

  gloss_suggestion_layer_set_position (f->layer, third->start + 1, third->start + 1);
  g_assert_true (gloss_suggestion_layer_next (f->layer, FALSE));
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == pending->pdata[after]);
  /* The position follows the current one: n and p step from it. */
  g_assert_true (gloss_suggestion_layer_next (f->layer, TRUE));
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == pending->pdata[after - 1]);

  gloss_suggestion_layer_set_current (f->layer, -1);
  gloss_suggestion_layer_set_position (f->layer, third->start + 1, third->start + 1);
  g_assert_true (gloss_suggestion_layer_next (f->layer, TRUE));
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == pending->pdata[before]);

  /* Moved away from the current one: from the position again. Past the end
   * it comes round to the first, and says so (once per wrap, with its way). */
  g_signal_connect (f->layer, "wrapped", G_CALLBACK (wrapped_cb), &wraps);
  gloss_suggestion_layer_set_position (f->layer, G_MAXUINT, G_MAXUINT);
  g_assert_true (gloss_suggestion_layer_next (f->layer, FALSE));
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == pending->pdata[0]);
  g_assert_cmpint (wraps, ==, 1);
  gloss_suggestion_layer_set_position (f->layer, 0, 0);
  g_assert_true (gloss_suggestion_layer_next (f->layer, TRUE));
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == pending->pdata[n - 1]);
  g_assert_cmpint (wraps, ==, 1 - 10);
  /* On the last one, n goes round; p from there does not. */
  g_assert_true (gloss_suggestion_layer_next (f->layer, FALSE));
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == pending->pdata[0]);
  g_assert_cmpint (wraps, ==, 1 - 10 + 1);
  g_assert_true (gloss_suggestion_layer_next (f->layer, FALSE));
  g_assert_true (gloss_suggestion_layer_next (f->layer, TRUE));
  g_assert_cmpint (wraps, ==, 1 - 10 + 1);
  g_assert_true (gloss_suggestion_layer_next (f->layer, TRUE));
  g_assert_true (gloss_suggestion_layer_get_current (f->layer) == pending->pdata[n - 1]);
  g_assert_cmpint (wraps, ==, 1 - 10 + 1 - 10);
  g_signal_handlers_disconnect_by_func (f->layer, wrapped_cb, &wraps);
}

int
main (int    argc,
      char **argv)
{
  gloss_test_gtk_init (&argc, &argv);

  g_test_add ("/suggestion-layer/walk-accept-reject", Fixture, NULL, fixture_set_up, test_walk_accept_reject, fixture_tear_down);
  g_test_add ("/suggestion-layer/tag-elsewhere", Fixture, NULL, fixture_set_up, test_tag_elsewhere, fixture_tear_down);
  g_test_add ("/suggestion-layer/accept-tag-and-hide", Fixture, NULL, fixture_set_up, test_accept_tag_and_hide, fixture_tear_down);
  g_test_add ("/suggestion-layer/walk-from-position", Fixture, NULL, fixture_set_up, test_walk_from_position,
              fixture_tear_down);
  g_test_add ("/suggestion-layer/draw", Fixture, NULL, fixture_set_up, test_draw, fixture_tear_down);
  g_test_add ("/suggestion-layer/speaker-shown", Fixture, NULL, fixture_set_up, test_speaker_shown, fixture_tear_down);

  return g_test_run ();
}
