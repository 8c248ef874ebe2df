/* test-cli-reanchor.c: gloss-cli reanchor and diff, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-test-cli.h"
#include "gloss-test-util.h"
#include "gloss-version-store.h"

#define run_cli(run, ...) gloss_test_run_cli ((run), NULL, NULL, __VA_ARGS__)

/* The old article has a passage twice; the new one edits around them. */
#define OLD_TEXT "Li said: we will act.\nZhou said: we will act.\nThe budget is 4.8 million 😀.\n"
#define NEW_TEXT "UPDATED 𠀋\nLi said: we will act.\nZhou, later, said: we will act.\nThe budget is 5 million 😀.\n"

typedef struct
{
  char  *dir;
  char  *article;
  char  *old_copy;
  char  *sidecar;
  char  *data_home;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  keep)
{
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) sidecar_file = NULL;
  g_autoptr(GlossDocument) old = NULL;
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ("li", NULL);
  g_autoptr(GError) error = NULL;
  GlossAnnotationSet *set;

  f->dir = gloss_test_make_tmpdir ();
  f->data_home = g_build_filename (f->dir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", f->data_home, TRUE);
  f->article = g_build_filename (f->dir, "article.txt", NULL);
  f->old_copy = g_build_filename (f->dir, "old-copy.txt", NULL);
  gloss_test_write (f->article, OLD_TEXT, -1);
  gloss_test_write (f->old_copy, OLD_TEXT, -1);

  article = g_file_new_for_path (f->article);
  old = gloss_document_load_file (article, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_sidecar_attach_document (sidecar, old);
  set = gloss_sidecar_get_annotations (sidecar);
  gloss_annotation_set_create (set, "quote", 9, 20);    /* we will act (Li) */
  gloss_annotation_set_create (set, "quote", 33, 44);   /* we will act (Zhou) */
  gloss_annotation_set_create (set, "number", 60, 71);  /* 4.8 million */
  gloss_annotation_set_create (set, "speaker", 22, 26); /* Zhou */

  sidecar_file = gloss_sidecar_file_for_article (article, "li");
  f->sidecar = g_file_get_path (sidecar_file);
  g_assert_true (gloss_sidecar_save (sidecar, sidecar_file, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_no_error (error);
  if (GPOINTER_TO_INT (keep))
    g_assert_true (gloss_version_store_keep (old, article, NULL));

  gloss_test_write (f->article, NEW_TEXT, -1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gloss_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->article);
  g_free (f->old_copy);
  g_free (f->sidecar);
  g_free (f->data_home);
}

static const char *
anchor_of (JsonObject *result,
           guint       start_wanted,
           guint      *start,
           guint      *end,
           const char *id_prefix)
{
  JsonArray *annotations = json_object_get_array_member (result, "annotations");

  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *a = json_array_get_object_element (annotations, i);

      if ((guint)json_object_get_int_member (a, "start") == start_wanted)
        {
          *start = json_object_get_int_member (a, "start");
          *end = json_object_get_int_member (a, "end");
          return json_object_get_string_member (a, "anchor");
        }
    }
  return NULL;
}

static void
check_through_diff (const char *out)
{
  g_autoptr(JsonObject) result = gloss_test_parse_object (out);
  guint start = 0, end = 0;

  g_assert_cmpint (json_object_get_int_member (result, "exact"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (result, "moved"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (result, "fuzzy"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (result, "cut"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (result, "orphaned"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "annotations")), ==, 4);
  /* "UPDATED 𠀋\n" is 10 code points: Li's "we will act" is at 19. */
  g_assert_cmpstr (anchor_of (result, 19, &start, &end, NULL), ==, "moved");
  g_assert_cmpuint (end, ==, 30);
  /* Zhou's, after ", later,". */
  g_assert_cmpstr (anchor_of (result, 51, &start, &end, NULL), ==, "moved");
  /* "4.8 million" became "5 million": " million" is left, for review. */
  g_assert_cmpstr (anchor_of (result, 79, &start, &end, NULL), ==, "fuzzy");
  g_assert_cmpuint (end, ==, 87);
}

static void
test_kept_version (Fixture       *f,
                   gconstpointer  data)
{
  GlossTestRun run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) sidecar_file = g_file_new_for_path (f->sidecar);
  g_autoptr(GlossSidecar) saved = NULL;
  g_autoptr(GlossDocument) now = NULL;
  g_autoptr(GFile) article = g_file_new_for_path (f->article);

  before = gloss_test_read (f->sidecar, NULL);
  run_cli (&run, "reanchor", "--json", "--dry-run", f->sidecar, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  check_through_diff (run.out);
  after = gloss_test_read (f->sidecar, NULL);
  g_assert_cmpstr (before, ==, after);

  /* For real: the sidecar now names the new text, and validates. */
  run_cli (&run, "reanchor", f->sidecar, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "3 moved"));
  g_assert_nonnull (strstr (run.out, "1 fuzzy"));
  saved = gloss_sidecar_load (sidecar_file, NULL, NULL);
  now = gloss_document_load_file (article, NULL, NULL, NULL);
  g_assert_cmpstr (gloss_sidecar_get_document_sha256 (saved), ==, gloss_document_get_sha256 (now));
  /* Only the fuzzy one still differs from its stored text: saved awaiting
   * review ("anchor": "fuzzy"), which is valid data, so a warning. */
  run_cli (&run, "validate", f->sidecar, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "gloss-cli: warning: "));
  g_assert_nonnull (strstr (run.err, "annotations[3]: awaiting review after re-anchoring (fuzzy): the text at 79–87 differs"));
  g_assert_null (strstr (run.err, "annotations[0]:"));
  g_assert_null (strstr (run.err, "annotations[1]:"));
  g_assert_null (strstr (run.err, "annotations[2]:"));

  /* Without the mark the same annotation is broken: an error. */
  {
    g_autofree char *saved_text = gloss_test_read (f->sidecar, NULL);
    g_autoptr(GString) unmarked = g_string_new (saved_text);

    g_assert_cmpuint (g_string_replace (unmarked, ",\n      \"anchor\": \"fuzzy\"", "", 0), ==, 1);
    gloss_test_write (f->sidecar, unmarked->str, -1);
  }
  run_cli (&run, "validate", f->sidecar, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "gloss-cli: "));
  g_assert_nonnull (strstr (run.err, "annotations[3]: the text at 79–87 differs"));
  g_assert_null (strstr (run.err, "awaiting review"));
  gloss_test_run_clear (&run);
}

static void
test_previous (Fixture       *f,
               gconstpointer  data)
{
  GlossTestRun run = { 0 };
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *before = gloss_test_read (f->sidecar, NULL);
  g_autofree char *after = NULL;

  /* Nothing kept: by quotes alone, which never cut. */
  run_cli (&run, "reanchor", "--json", "--dry-run", f->sidecar, NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autoptr(JsonObject) result = gloss_test_parse_object (run.out);

    g_assert_cmpint (json_object_get_int_member (result, "cut"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (result, "moved"), >=, 2);
  }

  run_cli (&run, "reanchor", "--json", "--previous", f->old_copy, "-o", out, f->sidecar, NULL);
  g_assert_cmpint (run.status, ==, 0);
  check_through_diff (run.out);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  after = gloss_test_read (f->sidecar, NULL);
  g_assert_cmpstr (before, ==, after);
  /* What went to OUT is the sidecar placed on the new text, as reported. */
  {
    g_autoptr(GFile) out_file = g_file_new_for_path (out);
    g_autoptr(GFile) article = g_file_new_for_path (f->article);
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossSidecar) written = gloss_sidecar_load (out_file, NULL, &error);
    g_autoptr(GlossDocument) now = NULL;
    GlossAnnotation *li;

    g_assert_no_error (error);
    now = gloss_document_load_file (article, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (gloss_sidecar_get_document_sha256 (written), ==, gloss_document_get_sha256 (now));
    li = gloss_annotation_set_get_nth (gloss_sidecar_get_annotations (written), 0);
    g_assert_cmpuint (gloss_annotation_get_start (li), ==, 19);
    g_assert_cmpuint (gloss_annotation_get_end (li), ==, 30);
  }

  run_cli (&run, "reanchor", "-o", out, f->sidecar, f->sidecar, NULL);
  g_assert_cmpint (run.status, ==, 2);
  gloss_test_run_clear (&run);
}

static void
test_diff (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *old = g_build_filename (dir, "old.txt", NULL);
  g_autofree char *new = g_build_filename (dir, "new.txt", NULL);
  g_autofree char *crlf = g_build_filename (dir, "crlf.txt", NULL);
  GlossTestRun run = { 0 };

  gloss_test_write (old, "𠀋😀 The mayor said: water for all.\n", -1);
  gloss_test_write (new, "𠀋😀 The mayor said on Monday: water for all.\n", -1);
  gloss_test_write (crlf, "𠀋😀 The mayor said: water for all.\r\n", -1);

  run_cli (&run, "diff", old, new, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "@@ -17,0 +17,10 @@\n+ on Monday\n"));

  run_cli (&run, "diff", "--json", old, new, NULL);
  g_assert_cmpint (run.status, ==, 1);
  {
    g_autoptr(JsonObject) result = gloss_test_parse_object (run.out);
    JsonArray *changes = json_object_get_array_member (result, "changes");
    JsonObject *change;

    g_assert_cmpuint (json_array_get_length (changes), ==, 1);
    change = json_array_get_object_element (changes, 0);
    /* Code points: the two astral characters count one each. */
    g_assert_cmpint (json_object_get_int_member (change, "new_start"), ==, 17);
    g_assert_cmpint (json_object_get_int_member (change, "new_end"), ==, 27);
    g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "insert");
    g_assert_cmpstr (json_object_get_string_member (change, "new_text"), ==, " on Monday");
  }

  /* The canonical texts are compared: CRLF is no change. */
  run_cli (&run, "diff", old, crlf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  run_cli (&run, "diff", old, NULL);
  g_assert_cmpint (run.status, ==, 2);
  gloss_test_run_clear (&run);
  gloss_test_rm_rf (dir);
}

/* A deleted passage: the orphan keeps the old text's offsets, past the end
 * of the new one, and is valid data awaiting review. */
static void
test_orphan_validates (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "short.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GFile) sidecar_file = gloss_sidecar_file_for_article (article, "li");
  g_autofree char *sidecar_path = g_file_get_path (sidecar_file);
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ("li", NULL);
  g_autoptr(GlossDocument) old = NULL;
  g_autofree char *saved = NULL;
  GlossTestRun run = { 0 };

  gloss_test_write (path, "部长说：我们会行动。这一整段后来被删除了，没有任何说明。😀\n", -1);
  old = gloss_document_load_file (article, NULL, NULL, NULL);
  g_assert_true (gloss_version_store_keep (old, article, NULL));
  gloss_sidecar_attach_document (sidecar, old);
  gloss_annotation_set_create (gloss_sidecar_get_annotations (sidecar), "quote", 10, 29);
  g_assert_true (gloss_sidecar_save (sidecar, sidecar_file, GLOSS_SIDECAR_SAVE_NONE, NULL));
  gloss_test_write (path, "部长说：我们会行动。\n", -1);

  run_cli (&run, "reanchor", sidecar_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 orphaned"));
  saved = gloss_test_read (sidecar_path, NULL);
  g_assert_nonnull (strstr (saved, "\"anchor\": \"orphaned\""));

  run_cli (&run, "validate", sidecar_path, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "gloss-cli: warning: "));
  g_assert_nonnull (strstr (run.err, "annotations[0].end: awaiting review after re-anchoring (orphaned): "));
  gloss_test_run_clear (&run);
  gloss_test_rm_rf (dir);
}

/* After a re-anchoring the folder has an article whose text changed. */
static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  GlossTestRun run = { 0 };

  /* Only the old text is kept yet: nothing changed as far as Gloss knows. */
  run_cli (&run, "versions", f->dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  /* Re-anchoring reads the new text, and keeps it. */
  run_cli (&run, "reanchor", f->sidecar, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "versions", f->dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "article.txt: 2 versions\n"));

  run_cli (&run, "versions", "--json", f->dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autoptr(JsonObject) result = gloss_test_parse_object (run.out);
    JsonArray *versions = json_object_get_array_member (result, "versions");
    JsonObject *first;
    gint64 lengths[2];

    g_assert_cmpstr (json_object_get_string_member (result, "article"), ==, f->article);
    /* Read from the file twice, never fetched: not evidence that a page changed. */
    g_assert_cmpstr (json_object_get_string_member (result, "change"), ==, "read-again");
    g_assert_cmpuint (json_array_get_length (versions), ==, 2);
    first = json_array_get_object_element (versions, 0);
    /* Both texts, in code points (read within a second here: in either order). */
    lengths[0] = json_object_get_int_member (first, "length");
    lengths[1] = json_object_get_int_member (json_array_get_object_element (versions, 1), "length");
    g_assert_cmpint (MIN (lengths[0], lengths[1]), ==, g_utf8_strlen (OLD_TEXT, -1));
    g_assert_cmpint (MAX (lengths[0], lengths[1]), ==, g_utf8_strlen (NEW_TEXT, -1));
    g_assert_nonnull (json_object_get_string_member (first, "read"));
    g_assert_cmpuint (strlen (json_object_get_string_member (first, "sha256")), ==, 64);
  }

  /* One article: its versions, whether or not it changed. */
  run_cli (&run, "versions", f->article, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 versions"));

  run_cli (&run, "versions", "/nonexistent/gloss-folder", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "gloss-cli: /nonexistent/gloss-folder: "));
  gloss_test_run_clear (&run);
}


/* A sidecar that does not read is named with the problem and left as it
 * is; a folder that may not be written into leaves the old file whole. */
static void
test_never_written_over (Fixture       *f,
                         gconstpointer  data)
{
  const char *broken = "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [ {";
  g_autofree char *before = gloss_test_read (f->sidecar, NULL);
  g_autofree char *after = NULL;
  GlossTestRun run = { 0 };

  g_assert_cmpint (g_chmod (f->sidecar, 0644), ==, 0);
  g_assert_cmpint (g_chmod (f->article, 0644), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  /* Read, placed: only the writing fails. */
  gloss_test_run_cli_unprivileged (&run, "reanchor", "--dry-run", f->sidecar, NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_cli_unprivileged (&run, "reanchor", f->sidecar, NULL);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "article.txt.li.gloss.json"));
  after = gloss_test_read (f->sidecar, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  gloss_test_write (f->sidecar, broken, -1);
  run_cli (&run, "reanchor", f->sidecar, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "article.txt.li.gloss.json"));
  g_assert_nonnull (strstr (run.err, "JSON"));
  after = gloss_test_read (f->sidecar, NULL);
  g_assert_cmpstr (after, ==, broken);
  gloss_test_run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-reanchor/kept-version", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_kept_version, fixture_tear_down);
  g_test_add ("/cli-reanchor/previous", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_previous, fixture_tear_down);
  g_test_add_func ("/cli-reanchor/diff", test_diff);
  g_test_add_func ("/cli-reanchor/orphan-validates", test_orphan_validates);
  g_test_add ("/cli-reanchor/never-written-over", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_never_written_over,
              fixture_tear_down);
  g_test_add ("/cli-reanchor/versions", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_versions, fixture_tear_down);

  return g_test_run ();
}
