/* test-sidecar-cache.c: large sidecars kept parsed, and never trusted blindly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <utime.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-sidecar.h"
#include "gloss-sidecar-private.h"
#include "gloss-test-util.h"

/* A sidecar of @n annotations holding what the format allows: unknown
 * members at every level, attribute values of every JSON type, strings with
 * escapes, Chinese, emoji and characters outside the BMP, null and missing
 * optional fields, floating-point numbers that look like integers. */
static char *
rich_sidecar (guint       n,
              const char *note_of_first,
              const char *odd_tag)
{
  GString *out = g_string_new (NULL);

  g_string_append (out,
    "{\n"
    "  \"format\": \"gloss\",\n"
    "  \"version\": 1,\n"
    "  \"document\": {\"source\": \"river.txt\", \"sha256\": \"00ff\", \"length\": 900000,"
    " \"x-doc\": {\"nested\": [1, 2.0, true, null, \"\\u00e9\"]}},\n"
    "  \"annotator\": {\"id\": \"alice\", \"name\": \"Alice 李\", \"x-ann\": 1.5},\n"
    "  \"codebook\": {\"name\": \"Team\", \"version\": \"3\", \"x-cb\": 7, \"tags\": [\n"
    "    {\"id\": \"quote\", \"label\": \"Quote\", \"color\": \"#f6d32d\", \"key\": \"1\",\n"
    "     \"attributes\": [{\"id\": \"speaker\", \"type\": \"link\", \"to\": [\"official\"]},\n"
    "                    {\"id\": \"mode\", \"type\": \"choice\", \"choices\": [\"direct\", \"partial\"]}]},\n"
    "    {\"id\": \"official\", \"label\": \"Official 官员\", \"color\": \"#62a0ea\", \"key\": \"2\",\n"
    "     \"attributes\": [{\"id\": \"title\", \"type\": \"text\"}]}\n"
    "  ]},\n"
    "  \"annotations\": [\n");

  for (guint i = 0; i < n; i++)
    {
      const char *tag = (i == n / 2 && odd_tag != NULL) ? odd_tag : (i % 2 ? "official" : "quote");

      g_string_append_printf (out, "    {\"id\": \"a-%05u\", \"tag\": \"%s\", \"start\": %u, \"end\": %u",
                              i, tag, i * 10, i * 10 + 4 + i % 30);
      switch (i % 7)
        {
        case 0:
          g_string_append (out, ", \"text\": \"“We will,” 市长说 🚰 𠀀\", \"prefix\": \"tab\\there\","
                                " \"suffix\": \"quote \\\" and \\\\ and \\u0001\"");
          break;
        case 1:
          g_string_append (out, ", \"text\": null, \"suffix\": \"\"");
          break;
        case 2:
          g_string_append (out, ", \"text\": \"line\\nbreak\\r\\nCRLF\", \"prefix\": \"\", \"suffix\": \"x\"");
          break;
        default:
          g_string_append_printf (out, ", \"text\": \"plain %u %s\", \"prefix\": \"p\", \"suffix\": \"s\"",
                                  i, "long enough to make the file large enough to be cached at all");
          break;
        }
      if (i == 0)
        g_string_append_printf (out, ", \"note\": \"%s\"", note_of_first);
      else if (i % 3 == 0)
        g_string_append (out, ", \"note\": \"备注 with “quotes” and 😀\"");
      switch (i % 5)
        {
        case 0:
          g_string_append_printf (out, ", \"attributes\": {\"speaker\": \"a-%05u\", \"mode\": \"direct\"}", i + 1);
          break;
        case 1:
          g_string_append (out, ", \"attributes\": {\"weight\": 2.0, \"count\": 3, \"flags\": [1, 2.5, \"x\"],"
                                " \"ok\": false, \"none\": null, \"deep\": {\"a\": {\"b\": []}}}");
          break;
        case 2:
          g_string_append (out, ", \"attributes\": {}");
          break;
        default:
          break;
        }
      if (i % 4 == 0)
        g_string_append (out, ", \"created\": \"2026-11-28T10:02:11Z\", \"modified\": \"2026-11-29T01:00:00Z\"");
      if (i % 6 == 0)
        g_string_append (out, ", \"x-score\": 1.0, \"x-who\": {\"k\": \"v\", \"n\": [null]}");
      g_string_append (out, i + 1 < n ? "},\n" : "}\n");
    }

  g_string_append (out,
    "  ],\n"
    "  \"adjudication\": {\"from\": [\"alice\", \"bob\"], \"decisions\": {\"a-00001\": \"keep\"}},\n"
    "  \"x-root\": [\"a\", {\"b\": 1.0e3}]\n"
    "}\n");

  return g_string_free (out, FALSE);
}

#define N_RICH 2200

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GlossSidecar **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gloss_sidecar_load_finish (result, &error);
  g_assert_no_error (error);
}

/* What the window does to read a sidecar. */
static GlossSidecar *
load_as_window (GFile *file)
{
  GlossSidecar *sidecar = NULL;

  gloss_sidecar_load_async (file, NULL, load_cb, &sidecar);
  while (sidecar == NULL)
    g_main_context_iteration (NULL, TRUE);
  return sidecar;
}

static char *
to_data (GlossSidecar *sidecar)
{
  gsize length;

  return gloss_sidecar_to_data (sidecar, &length);
}

/* What reading the JSON alone gives, as the JSON it writes. */
static char *
read_json (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_load (file, NULL, &error);

  g_assert_no_error (error);
  return to_data (sidecar);
}

/* Like g_assert_cmpstr(), but shows where two long sidecars part. */
#define assert_same_sidecar(a, b) assert_same_sidecar_ (__LINE__, (a), (b))

static void
assert_same_sidecar_ (int         line,
                      const char *actual,
                      const char *expected)
{
  gsize at = 0;

  if (g_strcmp0 (actual, expected) == 0)
    return;
  while (actual[at] != '\0' && actual[at] == expected[at])
    at++;
  g_error ("line %d: the sidecars differ at byte %" G_GSIZE_FORMAT ": “%.60s” instead of “%.60s”",
           line, at, actual + (at > 20 ? at - 20 : 0), expected + (at > 20 ? at - 20 : 0));
}

static gboolean
cached (GFile *file)
{
  g_autoptr(GFile) cache = _gloss_sidecar_cache_file (file);

  return g_file_query_exists (cache, NULL);
}

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = rich_sidecar (N_RICH, "first", NULL);

  g_assert_cmpuint (strlen (text), >=, GLOSS_SIDECAR_CACHE_MIN_BYTES);
  f->dir = gloss_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "river.txt.alice.gloss.json", NULL);
  f->file = g_file_new_for_path (f->path);
  gloss_test_write (f->path, text, -1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gloss_sidecar_cache_flush ();
  gloss_test_rm_rf (f->dir);
  gloss_test_rm_rf (g_get_user_cache_dir ());
  g_free (f->dir);
  g_free (f->path);
  g_object_unref (f->file);
}

/* Read once from the JSON, then from the cache: the same sidecar. */
static void
test_same_sidecar (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GlossSidecar) first = NULL;
  g_autoptr(GlossSidecar) second = NULL;
  g_autofree char *expected = read_json (f->file);
  g_autofree char *from_json = NULL;
  g_autofree char *from_cache = NULL;
  GlossAnnotation *annotation;
  JsonNode *weight;

  g_assert_false (cached (f->file));
  first = load_as_window (f->file);
  g_assert_false (_gloss_sidecar_is_from_cache (first));
  from_json = to_data (first);
  assert_same_sidecar (from_json, expected);

  gloss_sidecar_cache_flush ();
  g_assert_true (cached (f->file));

  second = load_as_window (f->file);
  g_assert_true (_gloss_sidecar_is_from_cache (second));
  from_cache = to_data (second);
  assert_same_sidecar (from_cache, expected);

  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (second)), ==, N_RICH);
  annotation = gloss_annotation_set_lookup (gloss_sidecar_get_annotations (second), "a-00001");
  g_assert_nonnull (annotation);
  weight = json_object_get_member (gloss_annotation_get_attributes (annotation), "weight");
  g_assert_cmpint (json_node_get_value_type (weight), ==, G_TYPE_DOUBLE);
  g_assert_cmpstr (gloss_annotation_get_created (annotation), ==, NULL);
  annotation = gloss_annotation_set_lookup (gloss_sidecar_get_annotations (second), "a-00000");
  g_assert_cmpstr (gloss_annotation_get_text (annotation), ==, "“We will,” 市长说 🚰 𠀀");
  g_assert_cmpstr (gloss_annotation_get_attribute (annotation, "speaker"), ==, "a-00001");
  g_assert_true (json_object_has_member (gloss_annotation_get_extra (annotation), "x-who"));
}

/* Changed bytes, even of the same length, are read from the JSON again. */
static void
test_changed_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GlossSidecar) first = NULL;
  g_autoptr(GlossSidecar) changed = NULL;
  g_autoptr(GlossSidecar) again = NULL;
  g_autofree char *text = rich_sidecar (N_RICH, "FIRST", NULL);

  first = load_as_window (f->file);
  gloss_sidecar_cache_flush ();
  g_assert_true (cached (f->file));

  gloss_test_write (f->path, text, -1);
  changed = load_as_window (f->file);
  g_assert_false (_gloss_sidecar_is_from_cache (changed));
  g_assert_cmpstr (gloss_annotation_get_note (gloss_annotation_set_lookup (gloss_sidecar_get_annotations (changed),
                                                                           "a-00000")), ==, "FIRST");

  /* And the cache now holds the new bytes. */
  gloss_sidecar_cache_flush ();
  again = load_as_window (f->file);
  g_assert_true (_gloss_sidecar_is_from_cache (again));
  g_assert_cmpstr (gloss_annotation_get_note (gloss_annotation_set_lookup (gloss_sidecar_get_annotations (again),
                                                                           "a-00000")), ==, "FIRST");
}

static void
damage_cache (GFile *file,
              int    how)
{
  g_autoptr(GFile) cache = _gloss_sidecar_cache_file (file);
  g_autofree char *path = g_file_get_path (cache);
  gsize length;
  g_autofree char *contents = gloss_test_read (path, &length);

  switch (how)
    {
    case 0:  /* one bit of the payload, deep inside */
      contents[length / 2] ^= 0x01;
      gloss_test_write (path, contents, length);
      break;
    case 1:  /* cut short */
      gloss_test_write (path, contents, length / 2);
      break;
    case 2:  /* something else altogether */
      gloss_test_write (path, "{\"not\": \"a cache\"}", -1);
      break;
    case 3:  /* empty */
      gloss_test_write (path, "", 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A damaged cache is not used, and is made again. */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *expected = read_json (f->file);

  for (int how = 0; how < 4; how++)
    {
      g_autoptr(GlossSidecar) first = NULL;
      g_autoptr(GlossSidecar) damaged = NULL;
      g_autoptr(GlossSidecar) again = NULL;
      g_autofree char *written = NULL;

      first = load_as_window (f->file);
      gloss_sidecar_cache_flush ();
      g_assert_true (cached (f->file));

      damage_cache (f->file, how);
      damaged = load_as_window (f->file);
      g_assert_false (_gloss_sidecar_is_from_cache (damaged));
      written = to_data (damaged);
      assert_same_sidecar (written, expected);

      gloss_sidecar_cache_flush ();
      again = load_as_window (f->file);
      g_assert_true (_gloss_sidecar_is_from_cache (again));
    }
}

/* A sidecar with any problem, even a warning, is never cached; nor is a small one. */
static void
test_not_cached (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *warned = rich_sidecar (N_RICH, "first", "no-such-tag");
  g_autofree char *small = rich_sidecar (20, "first", NULL);
  g_autoptr(GlossSidecar) with_warning = NULL;
  g_autoptr(GlossSidecar) small_one = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) checked = NULL;

  gloss_test_write (f->path, warned, -1);
  checked = gloss_sidecar_load (f->file, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);

  with_warning = load_as_window (f->file);
  gloss_sidecar_cache_flush ();
  g_assert_false (cached (f->file));

  gloss_test_write (f->path, small, -1);
  small_one = load_as_window (f->file);
  gloss_sidecar_cache_flush ();
  g_assert_false (cached (f->file));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_sidecar_save_finish (GLOSS_SIDECAR (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* What the window saves is what it finds in the cache next time. */
static void
test_saved (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GlossSidecar) reopened = NULL;
  g_autoptr(GFile) cache = _gloss_sidecar_cache_file (f->file);
  g_autofree char *saved = NULL;
  g_autofree char *from_cache = NULL;
  GlossAnnotationSet *set;
  GlossAnnotation *annotation;
  gboolean done = FALSE;

  sidecar = load_as_window (f->file);
  gloss_sidecar_cache_flush ();
  g_file_delete (cache, NULL, NULL);

  set = gloss_sidecar_get_annotations (sidecar);
  annotation = gloss_annotation_set_create (set, "quote", 5, 9);
  gloss_annotation_set_note (annotation, "新的 note ✍️");
  gloss_sidecar_save_async (sidecar, NULL, GLOSS_SIDECAR_SAVE_NONE, NULL, saved_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  saved = to_data (sidecar);

  gloss_sidecar_cache_flush ();
  g_assert_true (cached (f->file));
  reopened = load_as_window (f->file);
  g_assert_true (_gloss_sidecar_is_from_cache (reopened));
  from_cache = to_data (reopened);
  assert_same_sidecar (from_cache, saved);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (reopened)), ==, N_RICH + 1);
}

/* No cache folder to be had: everything still works, from the JSON. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (g_get_user_cache_dir (), "gloss", NULL);
  g_autofree char *expected = read_json (f->file);
  g_autoptr(GlossSidecar) first = NULL;
  g_autoptr(GlossSidecar) second = NULL;
  g_autofree char *written = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  gloss_test_write (blocker, "a file where the folder would go", -1);

  first = load_as_window (f->file);
  gloss_sidecar_cache_flush ();
  second = load_as_window (f->file);
  g_assert_false (_gloss_sidecar_is_from_cache (second));
  written = to_data (second);
  assert_same_sidecar (written, expected);
  g_unlink (blocker);
}

static char *
cache_entry (const char *name,
             int         age_days)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "gloss", "sidecars", NULL);
  char *path = g_build_filename (folder, name, NULL);
  struct utimbuf times;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  gloss_test_write (path, "old", -1);
  times.actime = times.modtime = g_get_real_time () / G_USEC_PER_SEC - (gint64)age_days * 24 * 60 * 60;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
  return path;
}

/* Writing the cache clears out entries nobody has rewritten for two months,
 * and temporary files left for a day. */
static void
test_prune (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *old = cache_entry ("0123.gvariant", 61);
  g_autofree char *recent = cache_entry ("4567.gvariant", 59);
  g_autofree char *stale_temporary = cache_entry ("89ab.gvariant.K2J3Z3", 2);
  g_autofree char *fresh_temporary = cache_entry ("cdef.gvariant.Q7W1Z3", 0);
  g_autoptr(GlossSidecar) sidecar = load_as_window (f->file);

  gloss_sidecar_cache_flush ();
  g_assert_true (cached (f->file));
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_temporary, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_temporary, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = gloss_test_make_tmpdir ();
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  int status;

  /* A cache folder of the test's own, before GLib is asked where it is
   * (not G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its strings). */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sidecar-cache/same-sidecar", test_same_sidecar);
  ADD ("/sidecar-cache/changed-file", test_changed_file);
  ADD ("/sidecar-cache/damaged", test_damaged);
  ADD ("/sidecar-cache/not-cached", test_not_cached);
  ADD ("/sidecar-cache/saved", test_saved);
  ADD ("/sidecar-cache/unwritable", test_unwritable);
  ADD ("/sidecar-cache/prune", test_prune);
#undef ADD

  status = g_test_run ();
  gloss_test_rm_rf (home);
  return status;
}
