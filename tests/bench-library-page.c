/* bench-library-page.c: the Library page with 10 000 articles: opening and scrolling
 *
 * Prints, never asserts: the time until the list shows (first index, then
 * with the index made), and the frame intervals while the list scrolls a
 * page per frame (the target is 60 fps: 16.7 ms).  The articles are
 * generated from a seeded vocabulary.  Needs a display (xvfb-run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "gloss-library-page.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

#define N_ARTICLES 10000

static const char *places[] = { "北京", "上海", "广州", "深圳", "成都", "武汉", "西安", "杭州" };
static const char *subjects[] = { "国务院", "财政部", "统计局", "市政府", "人民银行", "教育部" };
static const char *verbs[] = { "召开", "发布", "部署", "推进", "强调", "审议" };
static const char *objects[] = { "常务会议", "工作方案", "实施意见", "统计公报", "改革措施", "发展规划" };

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

static void
make_corpus (const char *dir)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *folder = g_strdup_printf ("%s/%02u", dir, i / 500);
      g_autofree char *path = g_strdup_printf ("%s/article-%05u.txt", folder, i);
      g_autoptr(GString) text = g_string_new (NULL);

      g_mkdir_with_parents (folder, 0755);
      g_string_append_printf (text, "%s%s%s%s\n\n", PICK (rand, places), PICK (rand, subjects),
                              PICK (rand, verbs), PICK (rand, objects));
      for (guint s = 0; s < 40; s++)
        g_string_append_printf (text, "%s%s%s%s。", PICK (rand, places), PICK (rand, subjects),
                                PICK (rand, verbs), PICK (rand, objects));
      g_string_append_c (text, '\n');
      gloss_test_write (path, text->str, text->len);
    }
}

static gboolean
loaded (gpointer data)
{
  return !gloss_library_page_get_loading (data) &&
         g_list_model_get_n_items (gloss_library_page_get_model (data)) == N_ARTICLES;
}

static double
open_page (const char  *corpus,
           const char  *database,
           GtkWindow  **window_out,
           GlossLibraryPage **page_out)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GlossLibraryPage *page = GLOSS_LIBRARY_PAGE (gloss_library_page_new ());
  g_autoptr(GFile) folder = g_file_new_for_path (corpus);
  gint64 begin = g_get_monotonic_time ();
  gint64 deadline = begin + 300 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, GTK_WIDGET (page));
  _gloss_library_page_set_database (page, database);
  gtk_window_present (window);
  gloss_library_page_set_folder (page, folder);
  while (!loaded (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  *window_out = window;
  *page_out = page;
  return (g_get_monotonic_time () - begin) / (double) G_USEC_PER_SEC;
}

typedef struct
{
  GtkAdjustment *adjustment;
  GArray        *intervals;
  gint64         last;
  guint          frames;
} Scroll;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Scroll *scroll = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double value = gtk_adjustment_get_value (scroll->adjustment) + gtk_adjustment_get_page_size (scroll->adjustment);

  if (scroll->last != 0)
    {
      double ms = (now - scroll->last) / 1000.0;

      g_array_append_val (scroll->intervals, ms);
    }
  scroll->last = now;
  gtk_adjustment_set_value (scroll->adjustment, value);
  scroll->frames++;
  return scroll->frames < 300 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *database = NULL;
  GtkWindow *window;
  GlossLibraryPage *page;
  double first, again;
  Scroll scroll = { 0 };
  GtkWidget *scrolled;

  gloss_test_gtk_init (&argc, &argv);
  dir = gloss_test_make_tmpdir ();
  corpus = g_build_filename (dir, "corpus", NULL);
  database = g_build_filename (dir, "library.sqlite", NULL);
  make_corpus (corpus);

  first = open_page (corpus, database, &window, &page);
  printf ("library page, %d articles: first open (index built) %.2f s\n", N_ARTICLES, first);
  gtk_window_destroy (window);
  gloss_test_iterate ();

  again = open_page (corpus, database, &window, &page);
  printf ("library page: open again (index made) %.2f s\n", again);

  scrolled = gloss_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
  scroll.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  scroll.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_add_tick_callback (GTK_WIDGET (page), tick_cb, &scroll, NULL);
  while (scroll.frames < 300)
    g_main_context_iteration (NULL, TRUE);

  g_array_sort (scroll.intervals, gloss_test_compare_doubles);
  if (scroll.intervals->len > 0)
    {
      double sum = 0;

      for (guint i = 0; i < scroll.intervals->len; i++)
        sum += g_array_index (scroll.intervals, double, i);
      printf ("scrolling a page per frame: %u frames, mean %.1f ms (%.0f fps), median %.1f ms, 95th percentile %.1f ms "
              "(target 16.7 ms)\n",
              scroll.intervals->len, sum / scroll.intervals->len, 1000.0 * scroll.intervals->len / sum,
              g_array_index (scroll.intervals, double, scroll.intervals->len / 2),
              g_array_index (scroll.intervals, double, scroll.intervals->len * 95 / 100));
    }
  g_array_unref (scroll.intervals);
  gtk_window_destroy (window);
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
  return 0;
}
