/* test-session-article.c: the open article's file changing on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-document.h"
#include "gloss-session.h"
#include "gloss-session-private.h"
#include "gloss-test-util.h"

/* Chinese, an astral character and CRLF line ends. */
#define ARTICLE  "深圳市民政局发布通知。\r\n\r\n“我们会继续推进。”李明说。𠀋 The end.\r\n"
/* The same text with LF line ends: other bytes, the same canonical text. */
#define SAME_LF  "深圳市民政局发布通知。\n\n“我们会继续推进。”李明说。𠀋 The end.\n"
#define EDITED   "深圳市民政局发布新通知。\r\n\r\n“我们会继续推进。”李明说。𠀋 The end.\r\n"

typedef struct
{
  char         *dir;
  char         *article_path;
  GFile        *article;
  GlossSession *session;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = gloss_test_make_tmpdir ();
  f->article_path = g_build_filename (f->dir, "article.txt", NULL);
  gloss_test_write (f->article_path, ARTICLE, -1);
  f->article = g_file_new_for_path (f->article_path);
  f->session = gloss_session_new ();
  gloss_session_set_annotator_id (f->session, "alice");

  gloss_session_open_async (f->session, f->article, NULL, NULL, gloss_test_keep_result, &result);
  g_assert_true (gloss_session_open_finish (f->session, gloss_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_false (gloss_session_get_article_changed (f->session));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gloss_session_close (f->session);
  g_assert_finalize_object (f->session);
  g_clear_object (&f->article);
  gloss_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->article_path);
}

/* Turns the main loop until @cond holds; fails after 10 s naming it. */
#define ITERATE_UNTIL(cond)                                                      \
  G_STMT_START {                                                                 \
    gint64 deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;            \
    while (!(cond))                                                              \
      {                                                                          \
        if (g_get_monotonic_time () > deadline_)                                 \
          g_error ("still waiting for %s", #cond);                               \
        g_main_context_iteration (NULL, FALSE);                                  \
        g_usleep (1000);                                                         \
      }                                                                          \
  } G_STMT_END

/* Writes @contents over the article and waits until the session compared
 * the file with its text: a comparison started, and ended. */
static void
rewrite_and_compare (Fixture    *f,
                     const char *contents)
{
  gloss_test_write (f->article_path, contents, -1);
  ITERATE_UNTIL (f->session->article_check_id != 0 || f->session->article_check != NULL);
  ITERATE_UNTIL (f->session->article_check_id == 0 && f->session->article_check == NULL);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_changed_text (Fixture       *f,
                   gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (f->session, "notify::article-changed", G_CALLBACK (notify_count_cb), &notified);
  gloss_test_write (f->article_path, EDITED, -1);
  ITERATE_UNTIL (gloss_session_get_article_changed (f->session));
  g_assert_cmpuint (notified, ==, 1);

  /* Written back as it was read: nothing to reload any more. */
  gloss_test_write (f->article_path, ARTICLE, -1);
  ITERATE_UNTIL (!gloss_session_get_article_changed (f->session));
  g_assert_cmpuint (notified, ==, 2);
  g_signal_handlers_disconnect_by_data (f->session, &notified);
}

static void
test_same_bytes (Fixture       *f,
                 gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (f->session, "notify::article-changed", G_CALLBACK (notify_count_cb), &notified);
  rewrite_and_compare (f, ARTICLE);
  g_assert_false (gloss_session_get_article_changed (f->session));
  g_assert_cmpuint (notified, ==, 0);
  g_signal_handlers_disconnect_by_data (f->session, &notified);
}

/* The annotations are anchored in the canonical text: other line ends,
 * the same text, no reload. */
static void
test_same_text (Fixture       *f,
                gconstpointer  data)
{
  rewrite_and_compare (f, SAME_LF);
  g_assert_false (gloss_session_get_article_changed (f->session));
}

static void
test_reset_forgets (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gloss_test_write (f->article_path, EDITED, -1);
  ITERATE_UNTIL (gloss_session_get_article_changed (f->session));
  g_assert_true (gloss_session_reset (f->session, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_session_get_article_changed (f->session));
  g_assert_null (f->session->article_monitor);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/session-article/changed-text", Fixture, NULL, fixture_setup, test_changed_text, fixture_teardown);
  g_test_add ("/session-article/same-bytes", Fixture, NULL, fixture_setup, test_same_bytes, fixture_teardown);
  g_test_add ("/session-article/same-text", Fixture, NULL, fixture_setup, test_same_text, fixture_teardown);
  g_test_add ("/session-article/reset-forgets", Fixture, NULL, fixture_setup, test_reset_forgets, fixture_teardown);

  return g_test_run ();
}
