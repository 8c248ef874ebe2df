/* test-session.c: one open article, its layer, autosave and the states of the file on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-loader.h"
#include "gloss-session.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"

/* Chinese, an astral character and CRLF: what a real article brings. */
#define ARTICLE "深圳市民政局发布通知。\r\n\r\n“我们会继续推进。”李明说。𠀋 The end.\r\n"

typedef struct
{
  char         *dir;
  char         *article_path;
  char         *own_path;
  GFile        *article;
  GlossSession *session;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = gloss_test_make_tmpdir ();
  f->article_path = g_build_filename (f->dir, "article.txt", NULL);
  f->own_path = g_build_filename (f->dir, "article.txt.alice.gloss.json", NULL);
  gloss_test_write (f->article_path, ARTICLE, -1);
  f->article = g_file_new_for_path (f->article_path);
  f->session = gloss_session_new ();
  gloss_session_set_annotator_id (f->session, "alice");
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
  g_free (f->own_path);
}

static void
open_article (Fixture       *f,
              GlossDocument *document)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  gloss_session_open_async (f->session, f->article, document, NULL, gloss_test_keep_result, &result);
  g_assert_true (gloss_session_open_finish (f->session, gloss_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_nonnull (gloss_session_get_document (f->session));
  g_assert_nonnull (gloss_session_get_sidecar (f->session));
  g_assert_false (gloss_session_get_loading (f->session));
}

static gboolean
save (Fixture                *f,
      GFile                  *file,
      GlossSessionSaveFlags   flags,
      GError                **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  gloss_session_save_async (f->session, file, flags, NULL, gloss_test_keep_result, &result);
  ok = gloss_session_save_finish (f->session, gloss_test_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static gboolean
reload (Fixture  *f,
        GError  **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  gloss_session_reload_async (f->session, NULL, gloss_test_keep_result, &result);
  ok = gloss_session_reload_finish (f->session, gloss_test_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static GlossAnnotationSet *
annotations (Fixture *f)
{
  return gloss_sidecar_get_annotations (gloss_session_get_sidecar (f->session));
}

static void
add_annotation (Fixture    *f,
                const char *id,
                guint       start,
                guint       end)
{
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (id, "place", start, end);

  gloss_annotation_set_add (annotations (f), annotation);
}

/* Another program writes the user's file: a valid sidecar with one annotation. */
static void
write_theirs (Fixture    *f,
              const char *id)
{
  g_autoptr(GlossSidecar) theirs = gloss_sidecar_new ("alice", NULL);
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (id, "place", 0, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->own_path);

  gloss_sidecar_attach_document (theirs, gloss_session_get_document (f->session));
  gloss_annotation_set_add (gloss_sidecar_get_annotations (theirs), annotation);
  g_assert_true (gloss_sidecar_save (theirs, file, GLOSS_SIDECAR_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
}

static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) own = g_file_new_for_path (f->own_path);
  guint before = _gloss_document_get_n_created ();

  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_EMPTY);
  open_article (f, NULL);

  /* Read once, CRLF gone, the astral character one code point. */
  g_assert_cmpuint (_gloss_document_get_n_created () - before, ==, 1);
  g_assert_null (strchr (gloss_document_get_text (gloss_session_get_document (f->session)), '\r'));
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);
  g_assert_true (g_file_equal (gloss_sidecar_get_file (gloss_session_get_sidecar (f->session)), own));
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 0);
  g_assert_false (gloss_session_get_modified (f->session));
  g_assert_true (gloss_session_get_can_save (f->session));
  /* Nothing is written until there is something to keep. */
  g_assert_false (g_file_test (f->own_path, G_FILE_TEST_EXISTS));
}

static void
test_open_existing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The user's file, written through a first session. */
  open_article (f, NULL);
  add_annotation (f, "a1", 0, 3);
  g_assert_true (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_session_get_modified (f->session));
  gloss_session_close (f->session);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_CLOSED);
  gloss_test_assert_finalized (f->session);

  f->session = gloss_session_new ();
  gloss_session_set_annotator_id (f->session, "alice");
  open_article (f, NULL);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 1);
  g_assert_nonnull (gloss_annotation_set_lookup (annotations (f), "a1"));
}

/* A page just fetched is handed over as it is: not read from its snapshot again. */
static void
test_parse_count (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GlossDocument) fetched = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  fetched = gloss_document_new (ARTICLE, -1, &error);
  g_assert_no_error (error);
  gloss_document_set_file (fetched, f->article);

  before = _gloss_document_get_n_created ();
  open_article (f, fetched);
  g_assert_cmpuint (_gloss_document_get_n_created (), ==, before);
  g_assert_true (gloss_session_get_document (f->session) == fetched);
  g_assert_true (gloss_sidecar_get_document (gloss_session_get_sidecar (f->session)) == fetched);

  /* Reopening in another encoding does read it again, once. */
  {
    GAsyncResult *result = NULL;

    gloss_session_reopen_async (f->session, "UTF-8", NULL, gloss_test_keep_result, &result);
    g_assert_true (gloss_session_reopen_finish (f->session, gloss_test_wait_result (&result), &error));
    g_assert_no_error (error);
    g_object_unref (result);
    g_assert_cmpuint (_gloss_document_get_n_created (), ==, before + 1);
    g_assert_cmpstr (gloss_session_get_encoding (f->session), ==, "UTF-8");
    g_assert_true (gloss_session_get_document (f->session) != fetched);
  }
}

static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *contents = NULL;

  open_article (f, NULL);
  gloss_session_set_autosave_delay (f->session, 1);
  add_annotation (f, "auto1", 4, 8);
  g_assert_true (gloss_session_get_modified (f->session));

  while (gloss_session_get_modified (f->session) || gloss_session_get_saving (f->session))
    g_main_context_iteration (NULL, TRUE);

  contents = gloss_test_read (f->own_path, NULL);
  g_assert_nonnull (strstr (contents, "\"auto1\""));
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

/* Another program deletes the user's file: nothing on disk to lose, so no
 * conflict; the layer counts as unsaved and autosave writes it anew. */
static void
test_layer_deleted (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) own = g_file_new_for_path (f->own_path);
  g_autoptr(GlossSidecar) back = NULL;

  open_article (f, NULL);
  add_annotation (f, "mine", 4, 8);
  g_assert_true (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_session_get_modified (f->session));

  gloss_session_set_autosave_delay (f->session, 1);
  g_assert_cmpint (g_unlink (f->own_path), ==, 0);
  ITERATE_UNTIL (gloss_session_get_modified (f->session));
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);

  ITERATE_UNTIL (!gloss_session_get_modified (f->session) && !gloss_session_get_saving (f->session));
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);
  back = gloss_sidecar_load (own, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gloss_annotation_set_lookup (gloss_sidecar_get_annotations (back), "mine"));

  /* Written anew, it is watched as before: a rewrite is a conflict. */
  write_theirs (f, "theirs");
  ITERATE_UNTIL (gloss_session_get_state (f->session) == GLOSS_SESSION_CONFLICT);
}

/* Moved to another folder (with the article, say): gone from its path
 * all the same, and written there anew; the moved file is left alone. */
static void
test_layer_moved_away (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *moved = g_build_filename (dir, "article.txt.alice.gloss.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;

  open_article (f, NULL);
  add_annotation (f, "mine", 4, 8);
  g_assert_true (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_no_error (error);
  before = gloss_test_read (f->own_path, NULL);

  g_assert_cmpint (g_rename (f->own_path, moved), ==, 0);
  ITERATE_UNTIL (gloss_session_get_modified (f->session));
  g_assert_true (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_no_error (error);
  contents = gloss_test_read (f->own_path, NULL);
  g_assert_nonnull (strstr (contents, "\"mine\""));
  after = gloss_test_read (moved, NULL);
  g_assert_cmpstr (after, ==, before);
  gloss_test_rm_rf (dir);
}

/* Deleted, then another file put there before the layer was written again:
 * that file was not read here and is never written over. */
static void
test_layer_deleted_replaced (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  open_article (f, NULL);
  add_annotation (f, "mine", 4, 8);
  g_assert_true (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_unlink (f->own_path), ==, 0);
  ITERATE_UNTIL (gloss_session_get_modified (f->session));
  g_assert_true (gloss_session_get_can_save (f->session));

  write_theirs (f, "theirs");
  g_assert_false (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_CONFLICT);
  g_assert_true (gloss_session_get_modified (f->session));
  contents = gloss_test_read (f->own_path, NULL);
  g_assert_nonnull (strstr (contents, "\"theirs\""));
  g_assert_null (strstr (contents, "\"mine\""));
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  open_article (f, NULL);
  add_annotation (f, "mine", 4, 8);
  g_assert_true (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_no_error (error);

  /* Another program rewrites the file; the check notices. */
  write_theirs (f, "theirs");
  gloss_session_check_disk (f->session);
  while (gloss_session_get_state (f->session) != GLOSS_SESSION_CONFLICT)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gloss_session_get_can_save (f->session));

  /* A plain save says why it does nothing. */
  add_annotation (f, "mine2", 9, 12);
  g_assert_false (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  contents = gloss_test_read (f->own_path, NULL);
  g_assert_nonnull (strstr (contents, "\"theirs\""));
  g_clear_pointer (&contents, g_free);

  /* Keep Mine → Replace writes ours, and the conflict is over. */
  g_assert_true (save (f, NULL, GLOSS_SESSION_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);
  contents = gloss_test_read (f->own_path, NULL);
  g_assert_nonnull (strstr (contents, "\"mine2\""));
  g_assert_null (strstr (contents, "\"theirs\""));
}

static void
test_broken (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.gloss.json", NULL);
  const char *broken = "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [ {";

  gloss_test_write (f->own_path, broken, -1);
  open_article (f, NULL);

  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_BROKEN);
  g_assert_nonnull (gloss_session_get_broken_file (f->session));
  g_assert_nonnull (strstr (gloss_session_get_broken_message (f->session), "article.txt.alice.gloss.json"));
  g_assert_false (gloss_session_get_can_save (f->session));

  /* Edits stay in memory; Save refuses with a reason, the file is untouched. */
  add_annotation (f, "kept", 0, 3);
  g_assert_false (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (save (f, gloss_session_get_broken_file (f->session), GLOSS_SESSION_SAVE_OVERWRITE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  contents = gloss_test_read (f->own_path, NULL);
  g_assert_cmpstr (contents, ==, broken);

  /* Save As elsewhere: the layer lives there now. */
  copy = g_file_new_for_path (copy_path);
  g_assert_true (save (f, copy, GLOSS_SESSION_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);
  g_assert_null (gloss_session_get_broken_file (f->session));
  g_clear_pointer (&contents, g_free);
  contents = gloss_test_read (copy_path, NULL);
  g_assert_nonnull (strstr (contents, "\"kept\""));
}

/* gloss-cli's way: opened and saved without a main loop running, and the
 * text the layer was coded on as its file said before it was re-anchored. */
static void
test_sync (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GlossSidecar) theirs = gloss_sidecar_new ("alice", NULL);
  g_autoptr(GlossDocument) older = gloss_document_new ("深圳市民政局发布通知。\n", -1, NULL);
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new ("old", "place", 0, 3);
  g_autoptr(GFile) own = g_file_new_for_path (f->own_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *coded_on = NULL;
  const char *broken = "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [";

  /* Coded on an older text. */
  gloss_sidecar_attach_document (theirs, older);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (theirs), annotation);
  g_assert_true (gloss_sidecar_save (theirs, own, GLOSS_SIDECAR_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  coded_on = g_strdup (gloss_document_get_sha256 (older));

  gloss_session_set_autosave_delay (f->session, 0);
  g_assert_true (gloss_session_open_sync (f->session, f->article, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);
  g_assert_cmpstr (gloss_session_get_coded_on (f->session), ==, coded_on);
  g_assert_cmpstr (gloss_session_get_coded_on (f->session), !=,
                   gloss_document_get_sha256 (gloss_session_get_document (f->session)));
  g_assert_nonnull (gloss_annotation_set_lookup (annotations (f), "old"));

  add_annotation (f, "new", 0, 3);
  g_assert_true (gloss_session_save_sync (f->session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_session_get_modified (f->session));
  contents = gloss_test_read (f->own_path, NULL);
  g_assert_nonnull (strstr (contents, "\"new\""));
  g_assert_nonnull (strstr (contents, gloss_document_get_sha256 (gloss_session_get_document (f->session))));

  /* Read again and unreadable now: coded on nothing known. */
  gloss_test_write (f->own_path, broken, -1);
  reload (f, NULL);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_BROKEN);
  g_assert_null (gloss_session_get_coded_on (f->session));
  gloss_session_close (f->session);
  gloss_test_assert_finalized (f->session);

  /* A file that cannot be read: open says BROKEN, save refuses, nothing written. */
  gloss_test_write (f->own_path, broken, -1);
  f->session = gloss_session_new ();
  gloss_session_set_annotator_id (f->session, "alice");
  g_assert_true (gloss_session_open_sync (f->session, f->article, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_BROKEN);
  g_assert_null (gloss_session_get_coded_on (f->session));
  add_annotation (f, "kept", 0, 3);
  g_assert_false (gloss_session_save_sync (f->session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_pointer (&contents, g_free);
  contents = gloss_test_read (f->own_path, NULL);
  g_assert_cmpstr (contents, ==, broken);
}

/* Issue 16: after Reload fails on a broken file the conflict is over (one
 * state at a time), and a Reload of the fixed file ends both. */
/* Done, or not: an undoable change of the user's sidecar, saved with it. */
static void
test_done (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_false (gloss_session_set_done (f->session, TRUE));   /* nothing open */
  gloss_session_set_autosave_delay (f->session, 0);
  g_assert_true (gloss_session_open_sync (f->session, f->article, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_session_get_done (f->session));

  g_assert_true (gloss_session_set_done (f->session, TRUE));
  g_assert_true (gloss_session_get_done (f->session));
  g_assert_true (gloss_session_get_modified (f->session));
  g_assert_true (gloss_annotation_set_undo (annotations (f)));
  g_assert_false (gloss_session_get_done (f->session));
  g_assert_true (gloss_annotation_set_redo (annotations (f)));
  g_assert_true (gloss_session_save_sync (f->session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  contents = gloss_test_read (f->own_path, NULL);
  g_assert_nonnull (strstr (contents, "\"status\": \"done\""));

  g_assert_true (gloss_session_set_done (f->session, FALSE));
  g_assert_false (gloss_session_get_done (f->session));
  gloss_session_close (f->session);
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  open_article (f, NULL);
  add_annotation (f, "mine", 4, 8);
  g_assert_true (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_no_error (error);

  gloss_test_write (f->own_path, "not json", -1);
  gloss_session_check_disk (f->session);
  while (gloss_session_get_state (f->session) != GLOSS_SESSION_CONFLICT)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (reload (f, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_BROKEN);
  g_assert_nonnull (gloss_session_get_broken_message (f->session));
  /* Keep Mine would write over what could not be read: it says so. */
  g_assert_false (save (f, NULL, GLOSS_SESSION_SAVE_OVERWRITE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Fixed on disk, read again: ready, with the file's annotations. */
  write_theirs (f, "theirs");
  g_assert_true (reload (f, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);
  g_assert_null (gloss_session_get_broken_file (f->session));
  g_assert_nonnull (gloss_annotation_set_lookup (annotations (f), "theirs"));
  g_assert_null (gloss_annotation_set_lookup (annotations (f), "mine"));
}

static void
test_close_after_save (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *again = NULL;

  open_article (f, NULL);
  gloss_session_set_autosave_delay (f->session, 1);
  add_annotation (f, "last", 0, 3);
  g_assert_true (save (f, NULL, GLOSS_SESSION_SAVE_CLOSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_CLOSED);
  contents = gloss_test_read (f->own_path, NULL);
  g_assert_nonnull (strstr (contents, "\"last\""));

  /* Closed: a later change is neither autosaved nor saved. */
  add_annotation (f, "after", 4, 8);
  g_assert_false (save (f, NULL, GLOSS_SESSION_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  again = gloss_test_read (f->own_path, NULL);
  g_assert_cmpstr (again, ==, contents);
}

/* An article that cannot be read: the open fails, and the layer read beside
 * it ends quietly. */
static void
test_open_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "gone.txt", NULL);
  g_autoptr(GFile) gone = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  gloss_session_open_async (f->session, gone, NULL, NULL, gloss_test_keep_result, &result);
  g_assert_false (gloss_session_open_finish (f->session, gloss_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_object_unref (result);
  while (gloss_session_get_loading (f->session))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_EMPTY);
  g_assert_null (gloss_session_get_document (f->session));
  g_assert_null (gloss_session_get_sidecar (f->session));
}

/* No layer of the user's: the folder's team codebook is used; a broken
 * one is reported (the "error" signal), and the built-in codebook used. */
static void
error_cb (GlossSession *session,
          const GError *error,
          char        **message)
{
  g_free (*message);
  *message = g_strdup (error->message);
}

static void
test_team_codebook (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "gloss-codebook.json", NULL);
  g_autofree char *message = NULL;
  GlossCodebook *codebook;

  gloss_test_write (path,
                    "{ \"name\": \"团队\", \"version\": \"7\", \"tags\": ["
                    "  { \"id\": \"quote\", \"label\": \"引语\", \"color\": \"#f6d32d\", \"key\": \"1\" } ] }",
                    -1);
  g_signal_connect (f->session, "error", G_CALLBACK (error_cb), &message);
  open_article (f, NULL);
  codebook = gloss_sidecar_get_codebook (gloss_session_get_sidecar (f->session));
  g_assert_cmpstr (gloss_codebook_get_name (codebook), ==, "团队");
  g_assert_cmpuint (gloss_codebook_get_n_tags (codebook), ==, 1);
  g_assert_null (message);

  /* Broken, in a second session: said, never silently replaced. */
  gloss_test_write (path, "{ \"tags\": 3 }", -1);
  gloss_session_close (f->session);
  gloss_test_assert_finalized (f->session);
  f->session = gloss_session_new ();
  gloss_session_set_annotator_id (f->session, "alice");
  g_signal_connect (f->session, "error", G_CALLBACK (error_cb), &message);
  open_article (f, NULL);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "gloss-codebook.json"));
  codebook = gloss_sidecar_get_codebook (gloss_session_get_sidecar (f->session));
  g_assert_cmpstr (gloss_codebook_get_name (codebook), !=, "团队");
}


/* A layer saved by @annotator at @path on the article as it is now, with a
 * "place" annotation on 深圳市民政局 (0–6) and a quote on 继续推进 (16–20). */
static void
write_layer (Fixture    *f,
             const char *path,
             const char *annotator)
{
  g_autoptr(GlossSidecar) layer = gloss_sidecar_new (annotator, NULL);
  g_autoptr(GlossDocument) document = gloss_document_load_file (f->article, NULL, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (layer);

  g_assert_nonnull (document);
  gloss_sidecar_attach_document (layer, document);
  gloss_annotation_set_create (set, "place", 0, 6);
  gloss_annotation_set_create (set, "quote", 16, 20);
  g_assert_true (gloss_sidecar_save (layer, file, GLOSS_SIDECAR_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
}

/* gloss-cli names the sidecar: it is opened as the layer, whoever's it is,
 * and saved there; the user's own file is neither read nor written. */
static void
test_open_layer_named (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "bob-copy.gloss.json", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "new.gloss.json", NULL);
  g_autoptr(GFile) layer = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const GlossAnchorReport *report;

  write_layer (f, path, "bob");
  g_assert_true (gloss_session_open_layer_sync (f->session, f->article, NULL, layer, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);
  g_assert_true (g_file_equal (gloss_sidecar_get_file (gloss_session_get_sidecar (f->session)), layer));
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (gloss_session_get_sidecar (f->session)), ==, "bob");
  report = gloss_session_get_anchor_report (f->session);
  g_assert_cmpuint (report->exact, ==, 2);
  g_assert_cmpuint (report->orphaned, ==, 0);

  add_annotation (f, "added", 3, 5);
  g_assert_true (gloss_session_save_sync (f->session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  contents = gloss_test_read (path, NULL);
  g_assert_nonnull (strstr (contents, "\"added\""));
  g_assert_false (g_file_test (f->own_path, G_FILE_TEST_EXISTS));
  gloss_session_close (f->session);
  gloss_test_assert_finalized (f->session);

  /* Not there yet: an empty layer with the built-in codebook, written there. */
  f->session = gloss_session_new ();
  gloss_session_set_annotator_id (f->session, "alice");
  g_assert_true (gloss_session_open_layer_sync (f->session, f->article, NULL, missing, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_READY);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 0);
  add_annotation (f, "first", 0, 2);
  g_assert_true (gloss_session_save_sync (f->session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (missing_path, G_FILE_TEST_IS_REGULAR));
}

/* No article given: the one the layer names beside it.  Its text changed
 * since, and the old one is given: what is left moves, what was deleted is
 * kept as an orphan. */
static void
test_open_layer_finds_article (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "article.txt.bob.gloss.json", NULL);
  g_autoptr(GFile) layer = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GlossDocument) old = gloss_document_load_file (f->article, NULL, NULL, NULL);
  const GlossAnchorReport *report;

  write_layer (f, path, "bob");
  gloss_test_write (f->article_path, "UPDATED 𠀋\n深圳市民政局发布通知。\r\n\r\n李明说。𠀋 The end.\r\n", -1);
  g_assert_true (gloss_session_open_layer_sync (f->session, NULL, NULL, layer, old, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (gloss_session_get_file (f->session), f->article));
  report = gloss_session_get_anchor_report (f->session);
  g_assert_cmpuint (report->moved, ==, 1);
  g_assert_cmpuint (report->orphaned, ==, 1);
  g_assert_cmpuint (gloss_annotation_set_get_size (annotations (f)), ==, 2);

  g_assert_true (gloss_session_save_sync (f->session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  contents = gloss_test_read (path, NULL);
  g_assert_nonnull (strstr (contents, "\"anchor\": \"orphaned\""));
}

/* A named layer that cannot be read is never written over: BROKEN when the
 * article is given, and no open at all when the layer was to name it. */
static void
test_open_layer_broken (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "article.txt.bob.gloss.json", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "none.gloss.json", NULL);
  g_autoptr(GFile) layer = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GlossSidecar) replacement = gloss_sidecar_new ("bob", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *broken = "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [ {";

  gloss_test_write (path, broken, -1);
  g_assert_true (gloss_session_open_layer_sync (f->session, f->article, NULL, layer, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_BROKEN);
  g_assert_nonnull (strstr (gloss_session_get_broken_message (f->session), "article.txt.bob.gloss.json"));
  g_assert_false (gloss_session_replace_layer (f->session, replacement, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (gloss_session_save_sync (f->session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  contents = gloss_test_read (path, NULL);
  g_assert_cmpstr (contents, ==, broken);
  gloss_session_close (f->session);
  gloss_test_assert_finalized (f->session);

  f->session = gloss_session_new ();
  g_assert_false (gloss_session_open_layer_sync (f->session, NULL, NULL, layer, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "article.txt.bob.gloss.json"));
  g_clear_error (&error);
  g_assert_null (gloss_session_get_file (f->session));
  g_assert_cmpint (gloss_session_get_state (f->session), ==, GLOSS_SESSION_EMPTY);
  g_assert_false (gloss_session_get_loading (f->session));
  gloss_session_close (f->session);
  gloss_test_assert_finalized (f->session);

  f->session = gloss_session_new ();
  g_assert_false (gloss_session_open_layer_sync (f->session, NULL, NULL, missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* An import or an adjudication takes the layer's place and is written
 * where it was read, only while the file is still the one read. */
static void
test_replace_layer (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "article.txt.carol.gloss.json", NULL);
  g_autoptr(GFile) layer = g_file_new_for_path (path);
  g_autoptr(GlossSidecar) replacement = gloss_sidecar_new ("carol", NULL);
  g_autoptr(GlossSidecar) second = gloss_sidecar_new ("carol", NULL);
  g_autoptr(GlossDocument) other = gloss_document_new ("深圳市民政局发布通知。\n", -1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *theirs = NULL;

  write_layer (f, path, "carol");
  g_assert_true (gloss_session_open_layer_sync (f->session, f->article, NULL, layer, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Made on another text: placed on the session's article. */
  gloss_sidecar_attach_document (replacement, other);
  gloss_annotation_set_create (gloss_sidecar_get_annotations (replacement), "place", 0, 2);
  g_assert_true (gloss_session_replace_layer (f->session, replacement, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_session_get_sidecar (f->session) == replacement);
  g_assert_true (gloss_sidecar_get_document (replacement) == gloss_session_get_document (f->session));
  g_assert_cmpuint (gloss_session_get_anchor_report (f->session)->exact, ==, 1);
  g_assert_true (gloss_session_save_sync (f->session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GlossSidecar) saved = gloss_sidecar_load (layer, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (saved)), ==, 1);
  }
  gloss_session_close (f->session);
  gloss_test_assert_finalized (f->session);

  /* Changed on disk between the open and the save: not written over. */
  f->session = gloss_session_new ();
  g_assert_true (gloss_session_open_layer_sync (f->session, f->article, NULL, layer, NULL, NULL, &error));
  g_assert_no_error (error);
  write_layer (f, path, "carol");
  theirs = gloss_test_read (path, NULL);
  gloss_sidecar_attach_document (second, gloss_session_get_document (f->session));
  g_assert_true (gloss_session_replace_layer (f->session, second, &error));
  g_assert_false (gloss_session_save_sync (f->session, NULL, GLOSS_SESSION_SAVE_NONE, NULL, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&contents, g_free);
  contents = gloss_test_read (path, NULL);
  g_assert_cmpstr (contents, ==, theirs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/session/open/new", test_open_new);
  ADD ("/session/open/existing", test_open_existing);
  ADD ("/session/open/parse-count", test_parse_count);
  ADD ("/session/open/team-codebook", test_team_codebook);
  ADD ("/session/open/missing", test_open_missing);
  ADD ("/session/autosave", test_autosave);
  ADD ("/session/conflict", test_conflict);
  ADD ("/session/layer-deleted", test_layer_deleted);
  ADD ("/session/layer-deleted-replaced", test_layer_deleted_replaced);
  ADD ("/session/layer-moved-away", test_layer_moved_away);
  ADD ("/session/broken", test_broken);
  ADD ("/session/reload", test_reload);
  ADD ("/session/done", test_done);
  ADD ("/session/close-after-save", test_close_after_save);
  ADD ("/session/sync", test_sync);
  ADD ("/session/open-layer/named", test_open_layer_named);
  ADD ("/session/open-layer/finds-article", test_open_layer_finds_article);
  ADD ("/session/open-layer/broken", test_open_layer_broken);
  ADD ("/session/replace-layer", test_replace_layer);
#undef ADD

  return g_test_run ();
}
