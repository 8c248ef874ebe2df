/* test-speaker-chooser.c: linking a quote's speaker by typing (Ctrl+K's chooser)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-details-pane.h"
#include "gloss-speaker-chooser.h"
#include "gloss-test-widgets.h"

/* The real keys are typed in tests/test-keyboard-loop.py; here, what the
 * chooser lists and what its entry's Return does. */

static GlossAnnotation *
mention (GlossAnnotationSet *set,
         const char         *id,
         const char         *tag,
         guint               start,
         const char         *text)
{
  g_autoptr(GlossAnnotation) a = gloss_annotation_new (id, tag, start, start + g_utf8_strlen (text, -1));

  gloss_annotation_set_text (a, text);
  gloss_annotation_set_add (set, a);
  return a;
}

static gboolean
shown_is (gpointer data)
{
  GlossSpeakerChooser *chooser = data;

  return gloss_speaker_chooser_get_n_shown (chooser) == GPOINTER_TO_UINT (g_object_get_data (data, "want"));
}

static void
wait_shown (GlossSpeakerChooser *chooser,
            guint                n)
{
  g_object_set_data (G_OBJECT (chooser), "want", GUINT_TO_POINTER (n));
  gloss_test_iterate_until (shown_is, chooser);
}

static void
test_choose_by_typing (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = gloss_details_pane_new ();
  GlossAnnotation *xie1, *xie2, *xie3, *lin, *quote;
  g_autoptr(GtkWidget) chooser = NULL;
  GtkWidget *focus;

  xie1 = mention (set, "xie-1", "official", 0, "谢铭俊");
  xie2 = mention (set, "xie-2", "official", 20, "谢铭俊");
  xie3 = mention (set, "xie-3", "official", 40, "谢铭俊");
  lin = mention (set, "lin", "person", 60, "Lin Wei");
  mention (set, "place", "place", 70, "顺丰速运多丽工业区");
  quote = mention (set, "quote", "quote", 80, "我们会继续推进");
  gloss_annotation_set_set_attribute (set, xie2, "title", "发言人");
  gloss_annotation_set_set_attribute (set, xie3, "organization", "外交部");
  /* The link points at a later mention: the chooser starts on the person. */
  gloss_annotation_set_set_attribute (set, quote, "speaker", gloss_annotation_get_id (xie3));

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gloss_details_pane_set_model (GLOSS_DETAILS_PANE (pane), set, codebook);
  gloss_details_pane_set_annotation (GLOSS_DETAILS_PANE (pane), quote);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate ();

  /* An official is no quote: nothing to link from it. */
  gloss_details_pane_set_annotation (GLOSS_DETAILS_PANE (pane), lin);
  g_assert_null (gloss_details_pane_choose_link (GLOSS_DETAILS_PANE (pane), NULL));
  gloss_details_pane_set_annotation (GLOSS_DETAILS_PANE (pane), quote);

  chooser = gloss_details_pane_choose_link (GLOSS_DETAILS_PANE (pane), NULL);
  g_assert_nonnull (chooser);
  g_object_ref (chooser);
  g_assert_true (GLOSS_IS_SPEAKER_CHOOSER (chooser));
  gloss_test_iterate ();
  g_assert_true (gtk_widget_get_visible (chooser));

  /* 谢铭俊 once, whichever mention, and Lin Wei; no place, no quote. */
  g_assert_cmpuint (gloss_speaker_chooser_get_n_shown (GLOSS_SPEAKER_CHOOSER (chooser)), ==, 2);
  g_assert_cmpstr (gloss_speaker_chooser_get_highlighted (GLOSS_SPEAKER_CHOOSER (chooser)), ==,
                   gloss_annotation_get_id (xie1));

  /* The focus is in the search entry: typing goes to the filter. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (gloss_speaker_chooser_get_entry (GLOSS_SPEAKER_CHOOSER (chooser)))));

  /* The title and the organization of any mention are searched too. */
  gtk_editable_set_text (gloss_speaker_chooser_get_entry (GLOSS_SPEAKER_CHOOSER (chooser)), "外交部");
  wait_shown (GLOSS_SPEAKER_CHOOSER (chooser), 1);
  g_assert_cmpstr (gloss_speaker_chooser_get_highlighted (GLOSS_SPEAKER_CHOOSER (chooser)), ==, "xie-1");

  /* The number of mentions is shown, not searched. */
  gtk_editable_set_text (gloss_speaker_chooser_get_entry (GLOSS_SPEAKER_CHOOSER (chooser)), "mention");
  wait_shown (GLOSS_SPEAKER_CHOOSER (chooser), 0);

  /* Case does not matter; the highlight moves to what is shown. */
  gtk_editable_set_text (gloss_speaker_chooser_get_entry (GLOSS_SPEAKER_CHOOSER (chooser)), "lin");
  wait_shown (GLOSS_SPEAKER_CHOOSER (chooser), 1);
  g_assert_cmpstr (gloss_speaker_chooser_get_highlighted (GLOSS_SPEAKER_CHOOSER (chooser)), ==, "lin");

  gtk_editable_set_text (gloss_speaker_chooser_get_entry (GLOSS_SPEAKER_CHOOSER (chooser)), "nobody");
  wait_shown (GLOSS_SPEAKER_CHOOSER (chooser), 0);
  g_assert_null (gloss_speaker_chooser_get_highlighted (GLOSS_SPEAKER_CHOOSER (chooser)));
  /* Return with nothing shown changes nothing. */
  g_signal_emit_by_name (gloss_speaker_chooser_get_entry (GLOSS_SPEAKER_CHOOSER (chooser)), "activate");
  g_assert_cmpstr (gloss_annotation_get_attribute (quote, "speaker"), ==, "xie-3");

  gtk_editable_set_text (gloss_speaker_chooser_get_entry (GLOSS_SPEAKER_CHOOSER (chooser)), "LIN");
  wait_shown (GLOSS_SPEAKER_CHOOSER (chooser), 1);
  g_signal_emit_by_name (gloss_speaker_chooser_get_entry (GLOSS_SPEAKER_CHOOSER (chooser)), "activate");
  g_assert_cmpstr (gloss_annotation_get_attribute (quote, "speaker"), ==, gloss_annotation_get_id (lin));
  gloss_test_iterate ();
  g_assert_false (gtk_widget_get_visible (chooser));
  /* Closed, it leaves the pane. */
  g_assert_null (gtk_widget_get_parent (chooser));

  /* An edit of the set like any other: undoable. */
  g_assert_true (gloss_annotation_set_can_undo (set));

  (void) xie2;
  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  gloss_test_gtk_init (&argc, &argv);

  g_test_add_func ("/speaker-chooser/choose-by-typing", test_choose_by_typing);

  return g_test_run ();
}
