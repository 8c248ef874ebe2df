/* test-session-switch.c: one session, one article after another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-session.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"

static gboolean
open_file (GlossSession *session,
           GFile        *file,
           GError      **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  gloss_session_open_async (session, file, NULL, NULL, gloss_test_keep_result, &result);
  ok = gloss_session_open_finish (session, gloss_test_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static gboolean
save (GlossSession *session,
      GError      **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  gloss_session_save_async (session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, gloss_test_keep_result, &result);
  ok = gloss_session_save_finish (session, gloss_test_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_switch (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *first_path = g_build_filename (dir, "第一.txt", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.txt", NULL);
  g_autofree char *own = g_build_filename (dir, "第一.txt.alice.gloss.json", NULL);
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new ("a1", "place", 0, 2);
  g_autoptr(GError) error = NULL;
  GlossSession *session = gloss_session_new ();
  guint documents = 0;
  g_autofree char *contents = NULL;

  gloss_test_write (first_path, "深圳市民政局发布通知。𠀋\r\n", -1);
  gloss_test_write (second_path, "Harbour opens\n\nThe new harbour opened.\n", -1);
  first = g_file_new_for_path (first_path);
  second = g_file_new_for_path (second_path);
  gloss_session_set_annotator_id (session, "alice");
  g_signal_connect (session, "notify::document", G_CALLBACK (count_cb), &documents);

  /* An empty session resets to itself. */
  g_assert_true (gloss_session_reset (session, &error));
  g_assert_no_error (error);

  g_assert_true (open_file (session, first, &error));
  g_assert_no_error (error);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (gloss_session_get_sidecar (session)), annotation);
  g_assert_true (gloss_session_get_modified (session));

  /* Unsaved work: refused, nothing forgotten. */
  g_assert_false (gloss_session_reset (session, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "第一.txt"));
  g_clear_error (&error);
  g_assert_nonnull (gloss_session_get_file (session));
  g_assert_true (gloss_session_get_modified (session));

  /* Saved: the session forgets the article, and opens another. */
  g_assert_true (save (session, &error));
  g_assert_no_error (error);
  contents = gloss_test_read (own, NULL);
  g_assert_nonnull (strstr (contents, "\"a1\""));
  documents = 0;
  g_assert_true (gloss_session_reset (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (documents, ==, 1);
  g_assert_null (gloss_session_get_file (session));
  g_assert_null (gloss_session_get_document (session));
  g_assert_null (gloss_session_get_sidecar (session));
  g_assert_cmpint (gloss_session_get_state (session), ==, GLOSS_SESSION_EMPTY);

  g_assert_true (open_file (session, second, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (gloss_session_get_file (session), second));
  g_assert_cmpint (gloss_session_get_state (session), ==, GLOSS_SESSION_READY);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (gloss_session_get_sidecar (session))), ==, 0);
  g_assert_true (g_str_has_prefix (gloss_document_get_text (gloss_session_get_document (session)), "Harbour opens"));

  /* And back: the first article's layer is read from disk. */
  g_assert_true (gloss_session_reset (session, &error));
  g_assert_true (open_file (session, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (gloss_session_get_sidecar (session))), ==, 1);

  gloss_session_close (session);
  gloss_test_assert_finalized (session);
  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/session-switch/switch", test_switch);
  return g_test_run ();
}
