/* test-sidecar.c: sidecar format v1 — round trip, malformed input, safe saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"

static char *
canonical_path (void)
{
  return gloss_test_data_path ("sidecar", "canonical.gloss.json", NULL);
}

static void
test_round_trip_byte_identical (void)
{
  g_autofree char *path = canonical_path ();
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  gsize original_length, written_length;

  original = gloss_test_read (path, &original_length);
  sidecar = gloss_sidecar_load (file, NULL, &error);
  g_assert_no_error (error);

  written = gloss_sidecar_to_data (sidecar, &written_length);
  g_assert_cmpstr (written, ==, original);
  g_assert_cmpuint (written_length, ==, original_length);
}

/* Every character a note may hold is written as JSON and read back as it
 * was: quotes, backslashes, control characters, non-ASCII. */
static void
test_escapes_round_trip (void)
{
  const char *note = "a \"quoted\" \\ back\\slash\ttab\nline\r\b\f\x01\x1f 改革 😀 \x7f end";
  g_autofree char *path = canonical_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_load (file, NULL, NULL);
  g_autoptr(GlossSidecar) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  GlossAnnotationSet *set;
  gsize length;

  g_assert_nonnull (sidecar);
  set = gloss_sidecar_get_annotations (sidecar);
  gloss_annotation_set_set_note (set, gloss_annotation_set_get_nth (set, 0), note);
  written = gloss_sidecar_to_data (sidecar, &length);
  g_assert_nonnull (strstr (written, "\"a \\\"quoted\\\" \\\\ back\\\\slash\\ttab\\nline\\r\\b\\f\\u0001\\u001f 改革 😀 \x7f end\""));

  again = gloss_sidecar_new_from_data (written, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_note (gloss_annotation_set_get_nth (gloss_sidecar_get_annotations (again), 0)),
                   ==, note);
}

static void
test_unknown_keys_survive (void)
{
  g_autofree char *path = canonical_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_load (file, NULL, NULL);
  g_autofree char *written = NULL;
  GlossAnnotation *quote;

  g_assert_nonnull (sidecar);
  quote = gloss_annotation_set_lookup (gloss_sidecar_get_annotations (sidecar),
                                       "22222222-2222-4222-8222-222222222222");
  g_assert_nonnull (quote);
  g_assert_true (json_object_has_member (gloss_annotation_get_extra (quote), "x-review"));

  /* Edit through the model, then check every unknown member is still written. */
  gloss_annotation_set_set_note (gloss_sidecar_get_annotations (sidecar), quote, "changed");
  written = gloss_sidecar_to_data (sidecar, NULL);
  g_assert_nonnull (strstr (written, "\"x-project\": {"));
  g_assert_nonnull (strstr (written, "\"wave\": 3"));
  g_assert_nonnull (strstr (written, "\"x-archive\": \"box 12\""));
  g_assert_nonnull (strstr (written, "\"x-team\": \"A\""));
  g_assert_nonnull (strstr (written, "\"score\": 0.5"));
  /* …and inside the codebook: its own, a tag's and an attribute's. */
  g_assert_nonnull (strstr (written, "\"x-source\": \"team wiki, 2026\""));
  g_assert_nonnull (strstr (written, "\"x-examples\": ["));
  g_assert_nonnull (strstr (written, "\"x-required\": true"));
  g_assert_nonnull (strstr (written, "\"note\": \"changed\""));
}

static void
test_chinese_emoji_offsets (void)
{
  g_autofree char *path = canonical_path ();
  g_autofree char *article_path = gloss_test_data_path ("sidecar", "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_load (file, NULL, &error);
  g_autoptr(GlossDocument) document = gloss_document_load_file (article, NULL, NULL, &error);
  g_autoptr(GPtrArray) problems = NULL;
  GlossAnnotationSet *set;

  g_assert_no_error (error);
  problems = gloss_sidecar_check_document (sidecar, document);
  g_assert_cmpuint (problems->len, ==, 0);

  gloss_sidecar_attach_document (sidecar, document);
  set = gloss_sidecar_get_annotations (sidecar);
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (set, i);
      g_autofree char *slice = gloss_document_get_slice (document, gloss_annotation_get_start (a),
                                                         gloss_annotation_get_end (a));

      g_assert_cmpint (gloss_annotation_get_anchor_status (a), ==, GLOSS_ANCHOR_EXACT);
      g_assert_cmpstr (slice, ==, gloss_annotation_get_text (a));
    }

  /* "reform will not stop" comes after an emoji and a non-BMP character:
   * code points, not bytes and not UTF-16 units. */
  {
    GlossAnnotation *last = gloss_annotation_set_lookup (set, "33333333-3333-4333-8333-333333333333");

    g_assert_cmpuint (gloss_annotation_get_start (last), ==, 36);
    g_assert_cmpuint (gloss_annotation_get_end (last), ==, 56);
  }
}

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *expect;   /* substring of the message */
} Malformed;

static const Malformed malformed[] = {
  { "truncated", "{\"format\": \"gloss\", \"version\": 1, \"annot", GLOSS_SIDECAR_ERROR_PARSE, "not valid JSON" },
  { "not-an-object", "[1, 2, 3]", GLOSS_SIDECAR_ERROR_INVALID, "a list, not a Gloss sidecar" },
  { "empty", "", GLOSS_SIDECAR_ERROR_PARSE, "empty" },
  { "newer-version", "{\"format\": \"gloss\", \"version\": 2, \"annotations\": 5}", GLOSS_SIDECAR_ERROR_VERSION, "newer Gloss" },
  { "wrong-type", "{\"format\": \"gloss\", \"version\": 1, \"document\": {}, \"annotator\": {\"id\": \"a\"}, \"annotations\": [{\"id\": \"x\", \"tag\": \"quote\", \"start\": \"3\", \"end\": 5}]}",
    GLOSS_SIDECAR_ERROR_INVALID, "annotations[0].start: must be a whole number, not a string" },
  { "negative", "{\"format\": \"gloss\", \"version\": 1, \"document\": {}, \"annotator\": {\"id\": \"a\"}, \"annotations\": [{\"id\": \"x\", \"tag\": \"quote\", \"start\": -3, \"end\": 5}]}",
    GLOSS_SIDECAR_ERROR_INVALID, "annotations[0].start: must not be negative" },
  { "end-before-start", "{\"format\": \"gloss\", \"version\": 1, \"document\": {}, \"annotator\": {\"id\": \"a\"}, \"annotations\": [{\"id\": \"x\", \"tag\": \"quote\", \"start\": 9, \"end\": 5}]}",
    GLOSS_SIDECAR_ERROR_INVALID, "annotations[0].end: 5 is before start 9" },
  { "duplicate-id", "{\"format\": \"gloss\", \"version\": 1, \"document\": {}, \"annotator\": {\"id\": \"a\"}, \"annotations\": [{\"id\": \"x\", \"tag\": \"quote\", \"start\": 1, \"end\": 5}, {\"id\": \"x\", \"tag\": \"quote\", \"start\": 2, \"end\": 5}]}",
    GLOSS_SIDECAR_ERROR_INVALID, "annotations[1].id: “x” is the id of an earlier annotation too" },
  { "bad-annotator", "{\"format\": \"gloss\", \"version\": 1, \"document\": {}, \"annotator\": {\"id\": \"a/b\"}, \"annotations\": []}",
    GLOSS_SIDECAR_ERROR_INVALID, "annotator.id" },
  { "wrong-format", "{\"format\": \"other\", \"version\": 1, \"document\": {}, \"annotator\": {\"id\": \"a\"}, \"annotations\": []}",
    GLOSS_SIDECAR_ERROR_INVALID, "format: is “other”" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.txt.bob.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GlossSidecar) fresh = NULL;
  g_autofree char *after = NULL;

  gloss_test_write (path, m->json, -1);

  sidecar = gloss_sidecar_load (file, NULL, &error);
  g_assert_null (sidecar);
  g_assert_error (error, GLOSS_SIDECAR_ERROR, m->code);
  if (strstr (error->message, m->expect) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, m->expect);
  /* Every message names the file. */
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);

  /* What a window does next: start a fresh layer for that path and save.
   * The broken file must survive untouched. */
  fresh = gloss_sidecar_new ("bob", NULL);
  g_assert_false (gloss_sidecar_save (fresh, file, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  after = gloss_test_read (path, NULL);
  g_assert_cmpstr (after, ==, m->json);

  gloss_test_rm_rf (dir);
}

static void
test_all_problems_listed (void)
{
  const char *json = "{\"format\": \"gloss\", \"version\": 1, \"document\": {}, \"annotator\": {\"id\": \"a\"}, \"annotations\": ["
                     "{\"id\": \"x\", \"tag\": \"quote\", \"start\": -1, \"end\": 5},"
                     "{\"id\": \"y\", \"tag\": \"nosuchtag\", \"start\": 1, \"end\": 5},"
                     "{\"tag\": \"quote\", \"start\": 1, \"end\": true}]}";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new_from_data (json, strlen (json), "t.json", &problems, &error);
  guint warnings = 0;

  g_assert_null (sidecar);
  g_assert_nonnull (problems);
  /* start -1; unknown tag (a warning); missing id; end not a number. */
  g_assert_cmpuint (problems->len, ==, 4);
  for (guint i = 0; i < problems->len; i++)
    warnings += ((GlossSidecarProblem *)g_ptr_array_index (problems, i))->warning;
  g_assert_cmpuint (warnings, ==, 1);
  g_assert_nonnull (strstr (error->message, "and 2 more problems"));
}

static void
test_end_past_text (void)
{
  const char *json = "{\"format\": \"gloss\", \"version\": 1, \"document\": {}, \"annotator\": {\"id\": \"a\"}, \"annotations\": ["
                     "{\"id\": \"x\", \"tag\": \"quote\", \"start\": 2, \"end\": 50, \"text\": \"llo\"}]}";
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new_from_data (json, strlen (json), "t.json", NULL, NULL);
  g_autoptr(GlossDocument) document = gloss_document_new ("hello", -1, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  GlossSidecarProblem *p;

  g_assert_nonnull (sidecar);
  problems = gloss_sidecar_check_document (sidecar, document);
  g_assert_cmpuint (problems->len, ==, 1);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (p->path, ==, "annotations[0].end");
  g_assert_cmpstr (p->message, ==, "beyond the end of the document (length 5)");
}

static void
test_save_atomic_and_etag (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.txt.alice.gloss.json", NULL);
  g_autofree char *source = canonical_path ();
  g_autofree char *original = gloss_test_read (source, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autofree char *after = NULL;
  GlossAnnotationSet *set;

  gloss_test_write (path, original, -1);
  sidecar = gloss_sidecar_load (file, NULL, &error);
  g_assert_no_error (error);
  set = gloss_sidecar_get_annotations (sidecar);

  gloss_annotation_set_set_note (set, gloss_annotation_set_get_nth (set, 0), "first save");
  g_assert_true (gloss_sidecar_save (sidecar, NULL, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_annotation_set_get_modified (set));
  /* What is on disk is the whole sidecar, the edit in it. */
  after = gloss_test_read (path, NULL);
  g_assert_nonnull (strstr (after, "\"note\": \"first save\""));
  {
    g_autofree char *expected = gloss_sidecar_to_data (sidecar, NULL);

    g_assert_cmpstr (after, ==, expected);
  }
  g_clear_pointer (&after, g_free);

  /* Someone else writes the file: a later save must refuse. */
  g_usleep (10000);
  gloss_test_write (path, "{\"edited\": \"elsewhere\"}", -1);
  gloss_annotation_set_set_note (set, gloss_annotation_set_get_nth (set, 0), "second save");
  g_assert_false (gloss_sidecar_save (sidecar, NULL, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "changed by another program"));
  g_clear_error (&error);
  after = gloss_test_read (path, NULL);
  g_assert_cmpstr (after, ==, "{\"edited\": \"elsewhere\"}");

  /* The user chose "keep mine". */
  g_assert_true (gloss_sidecar_save (sidecar, NULL, GLOSS_SIDECAR_SAVE_OVERWRITE, &error));
  g_clear_pointer (&after, g_free);
  after = gloss_test_read (path, NULL);
  g_assert_nonnull (strstr (after, "second save"));

  gloss_test_rm_rf (dir);
}

/* A file system whose clock ticks coarsely (or a program that restores the
 * modification time) leaves the time unchanged: a rewrite of the same size
 * by rename is still noticed. */
static void
test_save_stamp_same_time (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.txt.alice.gloss.json", NULL);
  g_autofree char *source = canonical_path ();
  g_autofree char *original = gloss_test_read (source, NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  GlossAnnotationSet *set;
  char *p;

  gloss_test_write (path, original, -1);
  sidecar = gloss_sidecar_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gloss_sidecar_get_stamp (sidecar));
  before = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                              G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC,
                              G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  /* Same length, one letter changed, written by rename, time put back. */
  theirs = g_strdup (original);
  p = strstr (theirs, "\"alice\"");
  g_assert_nonnull (p);
  p[1] = 'A';
  gloss_test_write (path, theirs, -1);
  g_file_set_attributes_from_info (file, before, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  set = gloss_sidecar_get_annotations (sidecar);
  gloss_annotation_set_set_note (set, gloss_annotation_set_get_nth (set, 0), "mine");
  g_assert_false (gloss_sidecar_save (sidecar, NULL, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  after = gloss_test_read (path, NULL);
  g_assert_cmpstr (after, ==, theirs);

  gloss_test_rm_rf (dir);
}

/* Saving where writing fails runs in a subprocess: it drops privileges or
 * lowers the file-size limit, which the main test process must not do. */

static void
save_fails_child (const char *dir,
                  gboolean    small_fsize)
{
  g_autofree char *path = g_build_filename (dir, "a.txt.alice.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  GlossAnnotationSet *set;

  sidecar = gloss_sidecar_load (file, NULL, &error);
  g_assert_no_error (error);
  set = gloss_sidecar_get_annotations (sidecar);

  if (small_fsize)
    {
      struct rlimit limit = { 4096, 4096 };

      /* What `prlimit --fsize` does; without ignoring SIGXFSZ the write kills us. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      /* Make the new content larger than the limit. */
      for (guint i = 0; i < 40; i++)
        gloss_annotation_set_create (set, "quote", i, i + 1);
    }
  else
    {
      gloss_annotation_set_set_note (set, gloss_annotation_set_get_nth (set, 0), "not written");
      /* Root ignores permissions: act as nobody for this save. */
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
    }

  g_assert_false (gloss_sidecar_save (sidecar, NULL, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_nonnull (error);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, "a.txt.alice.gloss.json"));
  g_printerr ("save failed as expected: %s\n", error->message);
  g_assert_true (gloss_annotation_set_get_modified (set));
}

static void
run_save_failure (gboolean small_fsize)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.txt.alice.gloss.json", NULL);
  g_autofree char *source = canonical_path ();
  g_autofree char *original = gloss_test_read (source, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *child_path = NULL;
  guint n_files = 0;

  gloss_test_write (path, original, -1);
  g_chmod (path, 0644);
  if (!small_fsize)
    g_chmod (dir, 0555);
  else
    g_chmod (dir, 0755);

  child_path = g_strdup_printf ("%s/subprocess/%s", g_test_get_path (), small_fsize ? "fsize" : "readonly");
  g_setenv ("GLOSS_TEST_SAVE_DIR", dir, TRUE);
  g_test_trap_subprocess (child_path, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*save failed as expected*");

  g_chmod (dir, 0755);
  after = gloss_test_read (path, NULL);
  g_assert_cmpstr (after, ==, original);

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  gloss_test_rm_rf (dir);
}

static void
test_save_read_only_folder (void)
{
  if (g_test_subprocess ())
    return;
  run_save_failure (FALSE);
}

static void
test_save_out_of_space (void)
{
  if (g_test_subprocess ())
    return;
  run_save_failure (TRUE);
}

static void
subprocess_readonly (void)
{
  if (g_test_subprocess ())
    save_fails_child (g_getenv ("GLOSS_TEST_SAVE_DIR"), FALSE);
}

static void
subprocess_fsize (void)
{
  if (g_test_subprocess ())
    save_fails_child (g_getenv ("GLOSS_TEST_SAVE_DIR"), TRUE);
}

static void
test_new_sidecar_writes_document (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *article_path = g_build_filename (dir, "x.txt", NULL);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GlossSidecar) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  gloss_test_write (article_path, "Hello 世界\r\n", -1);
  article = g_file_new_for_path (article_path);
  document = gloss_document_load_file (article, NULL, NULL, &error);
  g_assert_no_error (error);

  sidecar = gloss_sidecar_new ("alice", NULL);
  gloss_sidecar_attach_document (sidecar, document);
  gloss_annotation_set_create (gloss_sidecar_get_annotations (sidecar), "place", 6, 8);

  file = gloss_sidecar_file_for_article (article, "alice");
  basename = g_file_get_basename (file);
  g_assert_cmpstr (basename, ==, "x.txt.alice.gloss.json");
  g_assert_true (gloss_sidecar_save (sidecar, file, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_no_error (error);

  again = gloss_sidecar_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_sidecar_get_document_sha256 (again), ==, gloss_document_get_sha256 (document));
  g_assert_cmpstr (gloss_annotation_get_text (gloss_annotation_set_get_nth (gloss_sidecar_get_annotations (again), 0)), ==, "世界");
  g_assert_cmpint (json_object_get_int_member (gloss_sidecar_get_document_info (again), "length"), ==, 9);

  /* Files beside the article are its layers. */
  {
    g_autoptr(GPtrArray) layers = gloss_sidecar_list_for_article (article, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (layers->len, ==, 1);
  }

  gloss_test_rm_rf (dir);
}

static void
test_annotator_ids (void)
{
  g_autofree char *fallback = gloss_annotator_id_default ();

  g_assert_true (gloss_annotator_id_is_valid ("alice"));
  g_assert_true (gloss_annotator_id_is_valid ("a.b_c-9"));
  g_assert_false (gloss_annotator_id_is_valid (""));
  g_assert_false (gloss_annotator_id_is_valid (".."));
  g_assert_false (gloss_annotator_id_is_valid ("a/b"));
  g_assert_false (gloss_annotator_id_is_valid ("王"));
  g_assert_true (gloss_annotator_id_is_valid (fallback));
}

/* A person is named by their name, or their id when the sidecar has none
 * (an empty name counts as none). */
static void
test_annotator_label (void)
{
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ("dana", NULL);

  g_assert_cmpstr (gloss_sidecar_get_annotator_label (sidecar), ==, "dana");
  gloss_sidecar_set_annotator_name (sidecar, "");
  g_assert_cmpstr (gloss_sidecar_get_annotator_label (sidecar), ==, "dana");
  gloss_sidecar_set_annotator_name (sidecar, "王丹娜");
  g_assert_cmpstr (gloss_sidecar_get_annotator_label (sidecar), ==, "王丹娜");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sidecar/round-trip", test_round_trip_byte_identical);
  g_test_add_func ("/sidecar/annotator-label", test_annotator_label);
  g_test_add_func ("/sidecar/unknown-keys", test_unknown_keys_survive);
  g_test_add_func ("/sidecar/offsets-code-points", test_chinese_emoji_offsets);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strdup_printf ("/sidecar/malformed/%s", malformed[i].name);
      g_test_add_data_func (name, &malformed[i], test_malformed);
    }
  g_test_add_func ("/sidecar/all-problems", test_all_problems_listed);
  g_test_add_func ("/sidecar/end-past-text", test_end_past_text);
  g_test_add_func ("/sidecar/save/etag", test_save_atomic_and_etag);
  g_test_add_func ("/sidecar/save/stamp-same-time", test_save_stamp_same_time);
  g_test_add_func ("/sidecar/escapes", test_escapes_round_trip);
  g_test_add_func ("/sidecar/save/read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/sidecar/save/read-only-folder/subprocess/readonly", subprocess_readonly);
  g_test_add_func ("/sidecar/save/out-of-space", test_save_out_of_space);
  g_test_add_func ("/sidecar/save/out-of-space/subprocess/fsize", subprocess_fsize);
  g_test_add_func ("/sidecar/new", test_new_sidecar_writes_document);
  g_test_add_func ("/sidecar/annotator-ids", test_annotator_ids);

  return g_test_run ();
}
