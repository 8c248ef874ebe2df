/* bench-window-suggest.c: an article's suggestions listed in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under a display: xvfb-run -a meson test -C _build --benchmark window-suggest-100k
 * Figures are printed; nothing is asserted on time. A ~100 000 code point
 * article (the test fixtures, Chinese and English, one after the other)
 * with the sidebar's Suggestions page shown: from the article on screen to
 * its suggestions listed and drawn, the longest the main loop was held
 * meanwhile, and what listing them alone costs the main loop.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-suggestion-layer.h"
#include "gloss-suggestion-list.h"
#include "gloss-window.h"
#include "gloss-window-private.h"
#include "gloss-test-util.h"

#define N_CODEPOINTS 100000
#define ANNOTATOR    "bench"
#define ROUNDS       5

static gboolean painted_flag;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_flag = TRUE;
}

static void
wait_frame (GlossWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  painted_flag = FALSE;
  while (!painted_flag)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
generate_article (void)
{
  const char *names[] = { "zh-water.txt", "en-water.txt" };
  GString *out = g_string_new (NULL);
  char *parts[2] = { NULL, NULL };
  guint n = 0;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "suggest", names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &parts[i], NULL, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; n < N_CODEPOINTS; i++)
    {
      g_string_append (out, parts[i % 2]);
      g_string_append (out, "\n\n");
      n += g_utf8_strlen (parts[i % 2], -1) + 2;
    }
  g_free (parts[0]);
  g_free (parts[1]);
  return g_string_free (out, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) article = NULL;
  double shown_to_listed[ROUNDS], longest[ROUNDS], listing[ROUNDS], listing_call[ROUNDS];
  guint n_suggestions = 0;

  dir = g_dir_make_tmp ("gloss-bench-window-suggest-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *cache = g_build_filename (dir, "cache", NULL);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  g_set_prgname ("gloss-bench-window-suggest");
  g_set_application_name ("Gloss");
  gtk_init ();
  adw_init ();

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "annotator-id", ANNOTATOR);
  g_settings_set_uint (settings, "autosave-delay", 0);

  text = generate_article ();
  path = g_build_filename (dir, "article.txt", NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  article = g_file_new_for_path (path);

  for (guint round = 0; round <= ROUNDS; round++)
    {
      GlossWindow *window = gloss_window_new (NULL);
      GlossSuggestionLayer *layer;
      GlossSuggestionList *list;
      GlossSidecar *sidecar;
      gint64 shown, start;
      double max_iteration = 0, listed;

      gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
      adw_view_stack_set_visible_child_name (window->side_stack, "suggestions");
      gloss_window_open (window, article);
      gtk_window_present (GTK_WINDOW (window));
      while (gloss_window_get_sidecar (window) == NULL)
        g_main_context_iteration (NULL, TRUE);
      wait_frame (window);
      shown = g_get_monotonic_time ();
      /* The rules run in a worker thread; what the main loop does when
       * they are done (the layer, the list) holds one iteration. */
      while (_gloss_window_get_suggestions (window) == NULL)
        {
          start = g_get_monotonic_time ();
          g_main_context_iteration (NULL, TRUE);
          max_iteration = MAX (max_iteration, ms_since (start));
        }
      start = g_get_monotonic_time ();
      wait_frame (window);
      max_iteration = MAX (max_iteration, ms_since (start));
      listed = ms_since (shown);

      layer = _gloss_window_get_suggestions (window);
      list = GLOSS_SUGGESTION_LIST (_gloss_window_get_suggestion_list (window));
      sidecar = gloss_window_get_sidecar (window);
      n_suggestions = gloss_suggestion_layer_get_n_pending (layer);
      g_assert_cmpuint (gloss_suggestion_list_get_n_rows (list), ==, n_suggestions);

      /* The list alone, on a layer already computed. */
      gloss_suggestion_list_set_layer (list, NULL, NULL, NULL);
      wait_frame (window);
      start = g_get_monotonic_time ();
      gloss_suggestion_list_set_layer (list, layer, gloss_window_get_document (window),
                                       gloss_sidecar_get_codebook (sidecar));
      if (round > 0)
        listing_call[round - 1] = ms_since (start);
      wait_frame (window);

      if (round > 0)   /* the first round warms up fonts and theme */
        {
          listing[round - 1] = ms_since (start);
          shown_to_listed[round - 1] = listed;
          longest[round - 1] = max_iteration;
        }
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  g_print ("article: %ld code points, %u suggestions; renderer %s\n", g_utf8_strlen (text, -1), n_suggestions,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("article shown -> suggestions listed and drawn: %8.1f ms (median of %d; the rules run in a worker)\n",
           gloss_test_median (shown_to_listed, ROUNDS), ROUNDS);
  g_print ("longest main-loop iteration meanwhile:         %8.1f ms (median of %d)\n", gloss_test_median (longest, ROUNDS), ROUNDS);
  g_print ("list the suggestions (sidebar shown):          %8.1f ms, %.1f ms with its frame (median of %d)\n",
           gloss_test_median (listing_call, ROUNDS), gloss_test_median (listing, ROUNDS), ROUNDS);
  gloss_test_rm_rf (dir);
  return 0;
}
