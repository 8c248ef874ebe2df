/* bench-window.c: the annotating window on a long, densely annotated article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under a display: xvfb-run -a meson test -C _build --benchmark --suite gui
 * Figures are printed; nothing is asserted on time.  Under Xvfb the default
 * renderer is GL in software (llvmpipe), where every frame costs more than
 * anything Gloss does; GSK_RENDERER=cairo gives figures closer to a desktop.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>
#include <string.h>
#include <sys/resource.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-view.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-sidecar-private.h"
#include "gloss-window.h"
#include "gloss-window-private.h"
#include "gloss-test-util.h"

#define N_CODEPOINTS  1000000
#define N_ANNOTATIONS 10000
#define ANNOTATOR     "bench"
#define ROUNDS        3

static const char *english[] = {
  "The city government announced on Tuesday that its programme will reach more villages this year. ",
  "“We will not stop at the city limits,” said the mayor at a press conference. ",
  "Critics were more cautious about the targets and the age of the pipes. ",
  "The bureau said it would publish monthly test results online from April. ",
};

static const char *chinese[] = {
  "河畔市市长在新闻发布会上说:“让每一户人家都能放心喝上自来水。”",
  "据介绍,今年全市计划投入资金4.8亿元,新建水厂3座,改造管网超过260公里。",
  "市水务局局长表示:“我们将在年底前完成第一阶段的管网改造。”",
  "农村饮水安全工程将与乡村振兴战略结合推进。🚰",
};

static char *
generate_article (void)
{
  GString *out = g_string_new ("Riverside expands its water programme 河畔市扩大供水计划\n\n");
  guint n = g_utf8_strlen (out->str, -1);
  guint32 seed = 42;

  while (n < N_CODEPOINTS)
    {
      const char *sentence;

      seed = seed * 1103515245 + 12345;
      sentence = (seed >> 16) % 2 ? english[(seed >> 8) % 4] : chinese[(seed >> 4) % 4];
      g_string_append (out, sentence);
      n += g_utf8_strlen (sentence, -1);
      if ((seed >> 20) % 5 == 0)
        {
          g_string_append (out, "\n\n");
          n += 2;
        }
    }

  /* Exactly N_CODEPOINTS, ending on a newline. */
  g_string_truncate (out, g_utf8_offset_to_pointer (out->str, N_CODEPOINTS - 1) - out->str);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static void
write_sidecar (const char *text,
               GFile      *article,
               GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new (text, -1, &error);
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new (ANNOTATOR, NULL);
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
  GlossCodebook *codebook = gloss_sidecar_get_codebook (sidecar);
  guint n_tags = gloss_codebook_get_n_tags (codebook);
  guint length = gloss_document_get_length (document);
  guint step = length / N_ANNOTATIONS;
  guint32 seed = 7;
  GlossAnnotation *speaker = NULL;

  g_assert_no_error (error);
  gloss_document_set_file (document, article);
  gloss_sidecar_attach_document (sidecar, document);

  gloss_annotation_set_begin_group (set, "bench");
  for (guint i = 0; i < N_ANNOTATIONS; i++)
    {
      GlossAnnotation *annotation;
      guint start, end;
      GlossTag *tag;

      seed = seed * 1103515245 + 12345;
      start = i * step + (seed >> 16) % (step / 2);
      /* One in five nests inside its predecessor's neighbourhood. */
      end = start + 4 + (seed >> 8) % ((seed >> 20) % 5 == 0 ? step : 24);
      end = MIN (end, length);
      tag = gloss_codebook_get_tag (codebook, (seed >> 12) % n_tags);
      annotation = gloss_annotation_set_create (set, gloss_tag_get_id (tag), start, end);

      /* Attributes as a coder fills them in: quotes name their speaker
       * (the last official or person before them: a link the codebook
       * allows, so that the sidecar reads without a warning and the
       * parsed-sidecar cache keeps it), officials their title and
       * organization. */
      if (g_str_equal (gloss_tag_get_id (tag), "quote") && speaker != NULL)
        {
          gloss_annotation_set_attribute (annotation, "speaker", gloss_annotation_get_id (speaker));
          gloss_annotation_set_attribute (annotation, "mode", "direct");
        }
      else if (g_str_equal (gloss_tag_get_id (tag), "official"))
        {
          gloss_annotation_set_attribute (annotation, "title", "市长 Mayor");
          gloss_annotation_set_attribute (annotation, "organization", "Riverside city government");
        }
      if (g_str_equal (gloss_tag_get_id (tag), "official") || g_str_equal (gloss_tag_get_id (tag), "person"))
        speaker = annotation;
    }
  gloss_annotation_set_end_group (set);

  gloss_sidecar_save (sidecar, file, GLOSS_SIDECAR_SAVE_OVERWRITE, &error);
  g_assert_no_error (error);
}

static gboolean painted_flag;
static gint64 frame_started;
/* How long the last awaited frame took, from its start (before-paint) to
 * its end (after-paint): what the toolkit and Gloss spent drawing it, not
 * the wait for the frame clock's next slot. */
static double frame_ms;

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_started = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_flag = TRUE;
  frame_ms = frame_started ? (g_get_monotonic_time () - frame_started) / 1000.0 : 0;
}

static void
iterate_while (gboolean (*busy) (gpointer), gpointer data)
{
  while (busy (data))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
no_sidecar (gpointer data)
{
  return gloss_window_get_sidecar (data) == NULL;
}

static gboolean
not_painted (gpointer data)
{
  return !painted_flag;
}

static gboolean
saving (gpointer data)
{
  return _gloss_window_is_saving (data);
}

/* Waits for the next frame the window draws. */
static void
wait_frame (GlossWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong id, before_id;

  painted_flag = FALSE;
  frame_started = 0;
  before_id = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  iterate_while (not_painted, NULL);
  g_signal_handler_disconnect (clock, id);
  g_signal_handler_disconnect (clock, before_id);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* From asking for the article to the first frame drawn with it (and its
 * highlights) on screen. */
static double loaded_at;
/* The main thread's processor time for the same two spans: what the window
 * itself does, which a loaded machine's other work does not lengthen. */
static double loaded_cpu, frame_cpu;

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static double
open_article (GFile        *article,
              GlossWindow **out)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_ms ();
  GlossWindow *window = gloss_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gloss_window_open (window, article);
  gtk_window_present (GTK_WINDOW (window));
  iterate_while (no_sidecar, window);
  loaded_at = ms_since (start);
  loaded_cpu = thread_cpu_ms () - cpu_start;
  wait_frame (window);
  frame_cpu = thread_cpu_ms () - cpu_start;

  *out = window;
  return ms_since (start);
}

static void
close_window (GlossWindow *window)
{
  gint64 until;

  gtk_window_destroy (GTK_WINDOW (window));
  /* A second and a half for what the closed window left running (its
   * suggestion and version workers finishing, their results dropped): one
   * open is measured, not the tail of the one before. */
  until = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sidecar_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) sidecar_file = NULL;
  double bare_loaded[ROUNDS], annotated_loaded[ROUNDS], cold_loaded[ROUNDS], redraw[5];
  double bare_cpu[ROUNDS], cold_cpu[ROUNDS], annotated_cpu[ROUNDS];
  double bare_cpu_loaded[ROUNDS], cold_cpu_loaded[ROUNDS], annotated_cpu_loaded[ROUNDS];
  double bare[ROUNDS], annotated[ROUNDS], cold[ROUNDS], tag[5], undo[5], tag_sync[5], undo_sync[5], save_ms;
  double redraw_frame[5], tag_frame[5], undo_frame[5], tag_total[5];
  GlossWindow *window;
  GlossArticleView *view;
  GlossAnnotationSet *set;
  struct rusage usage;
  guint drawn;

  /* Its own cache folder, before anything asks GLib where it is. */
  dir = g_dir_make_tmp ("gloss-bench-window-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *cache = g_build_filename (dir, "cache", NULL);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }

  g_set_prgname ("gloss-bench-window");
  g_set_application_name ("Gloss");
  gtk_init ();
  adw_init ();

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "annotator-id", ANNOTATOR);
  g_settings_set_uint (settings, "autosave-delay", 0);

  path = g_build_filename (dir, "article.txt", NULL);
  sidecar_path = g_strconcat (path, ".", ANNOTATOR, ".gloss.json", NULL);
  article = g_file_new_for_path (path);
  sidecar_file = g_file_new_for_path (sidecar_path);

  text = generate_article ();
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_print ("article: %ld code points, %zu bytes; renderer %s\n", g_utf8_strlen (text, -1), strlen (text),
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  write_sidecar (text, article, sidecar_file);
  {
    GStatBuf info;

    g_assert_cmpint (g_stat (sidecar_path, &info), ==, 0);
    g_print ("sidecar: %d annotations (quotes with speakers, officials with titles), %.1f MB\n",
             N_ANNOTATIONS, info.st_size / 1e6);
  }

  /* Warm up the toolkit (fonts, theme) once, so neither side pays for it. */
  {
    g_autofree char *hidden = g_strconcat (sidecar_path, ".hidden", NULL);

    g_rename (sidecar_path, hidden);
    open_article (article, &window);
    close_window (window);

    for (guint i = 0; i < ROUNDS; i++)
      {
        bare[i] = open_article (article, &window);
        bare_loaded[i] = loaded_at;
        bare_cpu[i] = frame_cpu;
        bare_cpu_loaded[i] = loaded_cpu;
        close_window (window);

        g_rename (hidden, sidecar_path);

        /* First time: nothing cached, the JSON is read. */
        {
          g_autoptr(GFile) cache = _gloss_sidecar_cache_file (sidecar_file);

          gloss_sidecar_cache_flush ();
          g_file_delete (cache, NULL, NULL);
        }
        cold[i] = open_article (article, &window);
        cold_loaded[i] = loaded_at;
        cold_cpu[i] = frame_cpu;
        cold_cpu_loaded[i] = loaded_cpu;
        close_window (window);

        /* Again: the window had the cache remember the file when it read it. */
        gloss_sidecar_cache_flush ();
        annotated[i] = open_article (article, &window);
        annotated_loaded[i] = loaded_at;
        annotated_cpu[i] = frame_cpu;
        annotated_cpu_loaded[i] = loaded_cpu;
        g_assert_true (_gloss_sidecar_is_from_cache (gloss_window_get_sidecar (window)));
        g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (gloss_window_get_sidecar (window))), ==, N_ANNOTATIONS);
        if (i + 1 < ROUNDS)
          {
            close_window (window);
            g_rename (sidecar_path, hidden);
          }
      }
  }

  view = _gloss_window_get_article_view (window);
  set = gloss_sidecar_get_annotations (gloss_window_get_sidecar (window));
  drawn = gloss_article_view_get_n_drawn (view);

  g_print ("open, bare article:       %8.1f ms (median of %d)\n", gloss_test_median (bare, ROUNDS), ROUNDS);
  g_print ("open, 10 000 annotations: %8.1f ms (median of %d), %u highlights drawn in the first frame;"
           " sidecar read from its JSON\n",
           gloss_test_median (cold, ROUNDS), ROUNDS, drawn);
  g_print ("  opened again:           %8.1f ms (median of %d), sidecar from the parsed-sidecar cache\n",
           gloss_test_median (annotated, ROUNDS), ROUNDS);
  g_print ("  main thread's processor time to the first frame: bare %.1f ms, annotated %.1f ms first time,"
           " %.1f ms again\n"
           "    of which after the article and sidecar were in: bare %.1f ms, annotated %.1f ms first time, %.1f ms again\n",
           gloss_test_median (bare_cpu, ROUNDS), gloss_test_median (cold_cpu, ROUNDS), gloss_test_median (annotated_cpu, ROUNDS),
           gloss_test_median (bare_cpu, ROUNDS) - gloss_test_median (bare_cpu_loaded, ROUNDS),
           gloss_test_median (cold_cpu, ROUNDS) - gloss_test_median (cold_cpu_loaded, ROUNDS),
           gloss_test_median (annotated_cpu, ROUNDS) - gloss_test_median (annotated_cpu_loaded, ROUNDS));
  g_print ("ratio annotated / bare:   %8.2f first time, %.2f again (target <= 1.5)\n",
           gloss_test_median (cold, ROUNDS) / gloss_test_median (bare, ROUNDS), gloss_test_median (annotated, ROUNDS) / gloss_test_median (bare, ROUNDS));
  g_print ("  article (and sidecar) read and in the window after: bare %.1f ms, annotated %.1f ms first time,"
           " %.1f ms again;\n"
           "  from then to the first frame: bare %.1f ms, annotated %.1f ms first time, %.1f ms again\n",
           gloss_test_median (bare_loaded, ROUNDS), gloss_test_median (cold_loaded, ROUNDS), gloss_test_median (annotated_loaded, ROUNDS),
           gloss_test_median (bare, ROUNDS) - gloss_test_median (bare_loaded, ROUNDS),
           gloss_test_median (cold, ROUNDS) - gloss_test_median (cold_loaded, ROUNDS),
           gloss_test_median (annotated, ROUNDS) - gloss_test_median (annotated_loaded, ROUNDS));

  /* What a frame costs here when nothing changed: the floor of the figures below. */
  for (guint i = 0; i < G_N_ELEMENTS (redraw); i++)
    {
      gint64 start;

      wait_frame (window);
      start = g_get_monotonic_time ();
      gtk_widget_queue_draw (GTK_WIDGET (view));
      wait_frame (window);
      redraw[i] = ms_since (start);
      redraw_frame[i] = frame_ms;
    }
  g_print ("redraw with no change:    %8.1f ms to the drawn frame, %.1f ms drawing it (median of %d)\n",
           gloss_test_median (redraw, G_N_ELEMENTS (redraw)), gloss_test_median (redraw_frame, G_N_ELEMENTS (redraw_frame)),
           (int)G_N_ELEMENTS (redraw));

  /* The smallest visible change, a caret moved: what any frame that draws
   * something costs with this renderer (all of the window, for GL in
   * software, which repaints every pixel of each frame under Xvfb). */
  {
    double caret[5], caret_frame[5];
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

    for (guint i = 0; i < G_N_ELEMENTS (caret); i++)
      {
        GtkTextIter iter;
        gint64 start = g_get_monotonic_time ();

        gtk_text_buffer_get_iter_at_offset (buffer, &iter, 40 + i);
        gtk_text_buffer_place_cursor (buffer, &iter);
        wait_frame (window);
        caret[i] = ms_since (start);
        caret_frame[i] = frame_ms;
      }
    g_print ("move the caret:           %8.1f ms to the drawn frame, %.1f ms drawing it (median of %d)\n",
             gloss_test_median (caret, G_N_ELEMENTS (caret)), gloss_test_median (caret_frame, G_N_ELEMENTS (caret_frame)),
             (int)G_N_ELEMENTS (caret));
  }

  /* One tag and the frame that shows it; then its undo. */
  for (guint i = 0; i < G_N_ELEMENTS (tag); i++)
    {
      gint64 start;
      guint offset = 60 + i * 7;

      gloss_article_view_select_range (view, offset, offset + 3);
      wait_frame (window);

      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (view), "article.tag-key", "s", "1");
      tag_sync[i] = ms_since (start);
      wait_frame (window);
      tag[i] = ms_since (start);
      tag_frame[i] = frame_ms;
      tag_total[i] = tag_sync[i] + tag_frame[i];
      g_assert_true (gloss_article_view_was_drawn (view, gloss_article_view_get_selected (view)));

      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
      undo_sync[i] = ms_since (start);
      wait_frame (window);
      undo[i] = ms_since (start);
      undo_frame[i] = frame_ms;
    }
  /* "Work" is the model, the view and everything the action does before
   * returning; "drawing" is the frame that shows it, from the frame clock's
   * before-paint to its after-paint (layout, snapshot and rendering the
   * window, which under Xvfb is software rendering of every pixel); "to the
   * drawn frame" adds the wait for the frame clock's next slot (up to one
   * 60 Hz period), which no amount of work saved can shorten. */
  g_print ("tag one passage:          %8.1f ms work + %.1f ms drawing = %.1f ms (median of %d; target <= 16);"
           " %.1f ms to the drawn frame\n",
           gloss_test_median (tag_sync, G_N_ELEMENTS (tag_sync)), gloss_test_median (tag_frame, G_N_ELEMENTS (tag_frame)),
           gloss_test_median (tag_total, G_N_ELEMENTS (tag_total)), (int)G_N_ELEMENTS (tag),
           gloss_test_median (tag, G_N_ELEMENTS (tag)));
  g_print ("undo it:                  %8.1f ms work + %.1f ms drawing; %.1f ms to the drawn frame (median of %d)\n",
           gloss_test_median (undo_sync, G_N_ELEMENTS (undo_sync)), gloss_test_median (undo_frame, G_N_ELEMENTS (undo_frame)),
           gloss_test_median (undo, G_N_ELEMENTS (undo)), (int)G_N_ELEMENTS (undo));

  gtk_widget_activate_action (GTK_WIDGET (view), "article.tag-key", "s", "2");
  gloss_article_view_select_range (view, 200, 204);
  gtk_widget_activate_action (GTK_WIDGET (view), "article.tag-key", "s", "2");
  {
    gint64 start = g_get_monotonic_time ();

    gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
    iterate_while (saving, window);
    save_ms = ms_since (start);
  }
  g_print ("save %u annotations:    %8.1f ms%s\n", gloss_annotation_set_get_size (set), save_ms,
           gloss_annotation_set_get_modified (set) ? " (FAILED: still modified)" : "");

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory (ru_maxrss):  %8.1f MiB\n", usage.ru_maxrss / 1024.0);

  close_window (window);
  g_unlink (sidecar_path);
  {
    g_autofree char *hidden = g_strconcat (sidecar_path, ".hidden", NULL);
    g_unlink (hidden);
  }
  g_unlink (path);
  {
    g_autofree char *cache = g_build_filename (dir, "cache", NULL);

    gloss_sidecar_cache_flush ();
    /* Gloss's, and whatever the toolkit put there. */
    gloss_test_rm_rf (cache);
  }
  g_rmdir (dir);

  return 0;
}
