/* test-session-article.c: the open article's file changing on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
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
  /* The comparison made on watching, over before the test writes. */
  ITERATE_UNTIL (f->session->article_check_id == 0 && f->session->article_check == NULL);
  g_assert_false (gloss_session_get_article_changed (f->session));
  g_assert_false (gloss_session_get_article_missing (f->session));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gloss_session_close (f->session);
  gloss_test_assert_finalized (f->session);
  g_clear_object (&f->article);
  gloss_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->article_path);
}

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

static gboolean
save_layer (GlossSession *session)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  gloss_session_save_async (session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, gloss_test_keep_result, &result);
  ok = gloss_session_save_finish (session, gloss_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return ok;
}

static gboolean
save_article (Fixture  *f,
              GFile    *file,
              GError  **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  gloss_session_save_article_async (f->session, file, NULL, gloss_test_keep_result, &result);
  ok = gloss_session_save_article_finish (f->session, gloss_test_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

/* The layer beside the missing article, as another program reads it. */
static void
assert_layer_holds (Fixture    *f,
                    const char *tag)
{
  g_autofree char *path = g_strconcat (f->article_path, ".alice.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) back = gloss_sidecar_load (file, NULL, &error);
  GlossAnnotationSet *set;

  g_assert_no_error (error);
  set = gloss_sidecar_get_annotations (back);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 1);
  g_assert_cmpstr (gloss_annotation_get_tag (gloss_annotation_set_get_nth (set, 0)), ==, tag);
  g_assert_cmpstr (gloss_annotation_get_text (gloss_annotation_set_get_nth (set, 0)), ==, "深圳市");
  g_assert_cmpstr (gloss_sidecar_get_document_sha256 (back), ==,
                   gloss_document_get_sha256 (gloss_session_get_document (f->session)));
}

/* Deleted while open: said once, the layer still saved where it was (and
 * whole), and the article back as it was clears it. */
static void
test_deleted (Fixture       *f,
              gconstpointer  data)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (gloss_session_get_sidecar (f->session));
  guint notified = 0;

  g_signal_connect (f->session, "notify::article-missing", G_CALLBACK (notify_count_cb), &notified);
  g_assert_cmpint (g_unlink (f->article_path), ==, 0);
  ITERATE_UNTIL (gloss_session_get_article_missing (f->session));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (gloss_session_get_article_changed (f->session));

  /* Autosave goes on: one second, and the file is there. */
  gloss_session_set_autosave_delay (f->session, 1);
  gloss_annotation_set_create (set, "place", 0, 3);
  ITERATE_UNTIL (!gloss_session_get_modified (f->session) && !gloss_session_get_saving (f->session));
  assert_layer_holds (f, "place");
  g_assert_true (gloss_session_get_article_missing (f->session));

  gloss_test_write (f->article_path, ARTICLE, -1);
  ITERATE_UNTIL (!gloss_session_get_article_missing (f->session));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (gloss_session_get_article_changed (f->session));
  g_signal_handlers_disconnect_by_data (f->session, &notified);
}

/* Moved away, and another text put at its path: changed, not missing. */
static void
test_moved_then_other_text (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *moved = g_build_filename (f->dir, "moved.txt", NULL);

  g_assert_cmpint (g_rename (f->article_path, moved), ==, 0);
  ITERATE_UNTIL (gloss_session_get_article_missing (f->session));
  g_assert_true (save_layer (f->session));

  gloss_test_write (f->article_path, EDITED, -1);
  ITERATE_UNTIL (gloss_session_get_article_changed (f->session));
  g_assert_false (gloss_session_get_article_missing (f->session));
}

/* Save Article As… at its own path: the canonical text, which reads back
 * to the open text (no bar); elsewhere, a file of its own; where nothing
 * can be written, an error naming the file. */
static void
test_save_article (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.txt", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "no-such-folder", "copy.txt", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  const char *text = gloss_document_get_text (gloss_session_get_document (f->session));

  g_assert_cmpint (g_unlink (f->article_path), ==, 0);
  ITERATE_UNTIL (gloss_session_get_article_missing (f->session));

  g_assert_true (save_article (f, copy, &error));
  g_assert_no_error (error);
  written = gloss_test_read (copy_path, NULL);
  g_assert_cmpstr (written, ==, text);
  g_clear_pointer (&written, g_free);
  g_assert_true (gloss_session_get_article_missing (f->session));

  g_assert_false (save_article (f, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  g_assert_true (save_article (f, f->article, &error));
  g_assert_no_error (error);
  written = gloss_test_read (f->article_path, NULL);
  g_assert_cmpstr (written, ==, text);
  ITERATE_UNTIL (!gloss_session_get_article_missing (f->session) && f->session->article_check == NULL &&
                 f->session->article_check_id == 0);
  g_assert_false (gloss_session_get_article_changed (f->session));
}

/* Changed after it was read and before it was watched: no event comes,
 * the comparison on watching finds it.  The write is made once the loader
 * has read the file (its document exists) and before the main loop runs
 * the callback that starts the monitor. */
static void
test_changed_before_watch (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GlossSession) second = gloss_session_new ();
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  guint before;

  /* The fixture's session would see the write: it is closed first. */
  gloss_session_close (f->session);

  gloss_session_set_annotator_id (second, "bob");
  before = _gloss_document_get_n_created ();
  gloss_session_open_async (second, f->article, NULL, NULL, gloss_test_keep_result, &result);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (_gloss_document_get_n_created () == before)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the article was never read");
      g_usleep (1000);
    }
  gloss_test_write (f->article_path, EDITED, -1);

  g_assert_true (gloss_session_open_finish (second, gloss_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_object_unref (result);
  ITERATE_UNTIL (gloss_session_get_article_changed (second));
  g_assert_false (gloss_session_get_article_missing (second));
  gloss_session_close (second);
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
  g_test_add ("/session-article/deleted", Fixture, NULL, fixture_setup, test_deleted, fixture_teardown);
  g_test_add ("/session-article/moved-then-other-text", Fixture, NULL, fixture_setup, test_moved_then_other_text,
              fixture_teardown);
  g_test_add ("/session-article/save-article", Fixture, NULL, fixture_setup, test_save_article, fixture_teardown);
  g_test_add ("/session-article/changed-before-watch", Fixture, NULL, fixture_setup, test_changed_before_watch,
              fixture_teardown);

  return g_test_run ();
}
