/* bench-anchor.c: re-anchoring 10 000 annotations after ~1 900 random edits of a
 * 1 000 000-code-point article full of repeats, with and without the old text,
 * beside Hypothesis' approx-string-match when Node is available
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing about time (the machine is shared).  Each
 * method runs in a child process so that its peak memory is its own.
 * GLOSS_BENCH_ASM=0 skips approx-string-match, which is slow: by default it anchors
 * one annotation in 20 only and its figures are multiplied by 20
 * (GLOSS_BENCH_ASM_SAMPLE=1 runs them all); GLOSS_BENCH_LENGTH,
 * GLOSS_BENCH_ANNOTATIONS, GLOSS_BENCH_EDITS and GLOSS_BENCH_SEED change the case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-anchor.h"
#include "gloss-edit-generator.h"
#include "gloss-test-util.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static long
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value ? (guint)g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
print_score (const char *method,
             EditScore  *score,
             double      seconds,
             long        mb)
{
  printf ("%-24s %9u %9u %9u %9u %9u %8.2f s %6ld MB",
          method, score->untouched_misplaced, score->false_anchors, score->silent_false, score->orphaned,
          score->untouched_orphaned, seconds, mb);
  /* approx-string-match has no statuses: placed or not. */
  if (score->status[GLOSS_ANCHOR_EXACT] + score->status[GLOSS_ANCHOR_MOVED] + score->status[GLOSS_ANCHOR_ORPHANED] > 0)
    printf ("   (exact %u, moved %u, fuzzy %u, cut %u, orphaned %u)", score->status[GLOSS_ANCHOR_EXACT],
            score->status[GLOSS_ANCHOR_MOVED], score->status[GLOSS_ANCHOR_FUZZY], score->status[GLOSS_ANCHOR_CUT],
            score->status[GLOSS_ANCHOR_ORPHANED]);
  printf ("\n");
  fflush (stdout);
}

/* Runs @func in a child; its figures are printed there. */
static void
in_child (void (*func) (EditCase *c, gpointer data),
          EditCase *c,
          gpointer  data)
{
  pid_t pid;
  int status;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      func (c, data);
      fflush (stdout);
      _exit (0);
    }
  waitpid (pid, &status, 0);
}

static void
run_gloss (EditCase *c,
           gpointer  data)
{
  gboolean with_old = GPOINTER_TO_INT (data);
  g_autoptr(GlossDocument) old = gloss_document_new (c->old_text, -1, NULL);
  g_autoptr(GlossDocument) new = gloss_document_new (c->new_text, -1, NULL);
  g_autoptr(GlossAnnotationSet) set = edit_case_annotations (c, old);
  EditScore score;
  double t0;

  t0 = now ();
  if (with_old)
    gloss_anchor_set_from_version (old, new, set, NULL);
  else
    gloss_anchor_set (new, set, NULL);
  t0 = now () - t0;
  edit_case_score (c, set, &score);
  print_score (with_old ? "Gloss, old text known" : "Gloss, quote and context", &score, t0, peak_mb ());
}

static char *
npm_modules (void)
{
  g_autofree char *prefix = g_build_filename (g_get_user_cache_dir (), "gloss-bench", "npm", NULL);
  g_autofree char *module = g_build_filename (prefix, "node_modules", "approx-string-match", NULL);
  g_autofree char *npm = g_find_program_in_path ("npm");
  int status = 1;

  if (g_file_test (module, G_FILE_TEST_IS_DIR))
    return g_build_filename (prefix, "node_modules", NULL);
  if (npm == NULL)
    return NULL;

  {
    const char *argv[] = { npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", prefix,
                           "approx-string-match@2", NULL };

    g_mkdir_with_parents (prefix, 0700);
    if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL) ||
        !g_spawn_check_wait_status (status, NULL))
      return NULL;
  }
  return g_file_test (module, G_FILE_TEST_IS_DIR) ? g_build_filename (prefix, "node_modules", NULL) : NULL;
}

static void
run_asm (EditCase   *c,
         const char *source_dir)
{
  guint sample = MAX (1, env_uint ("GLOSS_BENCH_ASM_SAMPLE", 20));
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *modules = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *script = g_build_filename (source_dir, "bench-anchor-asm.js", NULL);
  g_autoptr(GlossDocument) old = gloss_document_new (c->old_text, -1, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *result;
  JsonArray *placed;
  EditScore score = { 0 };
  char *text = NULL;
  int status = 1;
  long child_mb;

  if (node == NULL || g_strcmp0 (g_getenv ("GLOSS_BENCH_ASM"), "0") == 0)
    {
      printf ("approx-string-match      skipped (no node)\n");
      return;
    }
  modules = npm_modules ();
  if (modules == NULL)
    {
      printf ("approx-string-match      skipped (npm could not install it)\n");
      return;
    }

  dir = g_dir_make_tmp ("gloss-bench-anchor-XXXXXX", NULL);
  path = g_build_filename (dir, "new.txt", NULL);
  g_file_set_contents (path, c->new_text, -1, NULL);
  g_clear_pointer (&path, g_free);

  json_builder_begin_array (builder);
  for (guint i = 0; i < c->n_spans; i++)
    {
      EditSpan s = c->spans[i];
      g_autofree char *quote = gloss_document_get_slice (old, s.start, s.end);
      g_autofree char *prefix = gloss_document_get_slice (old, s.start > 32 ? s.start - 32 : 0, s.start);
      g_autofree char *suffix = gloss_document_get_slice (old, s.end, s.end + 32);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, s.start);
      json_builder_set_member_name (builder, "quote");
      json_builder_add_string_value (builder, quote);
      json_builder_set_member_name (builder, "prefix");
      json_builder_add_string_value (builder, prefix);
      json_builder_set_member_name (builder, "suffix");
      json_builder_add_string_value (builder, suffix);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  path = g_build_filename (dir, "annotations.json", NULL);
  json_generator_to_file (generator, path, NULL);
  g_clear_pointer (&path, g_free);

  {
    g_autofree char *sample_arg = g_strdup_printf ("%u", sample);
    const char *argv[] = { node, script, modules, dir, sample_arg, NULL };
    struct rusage usage;

    if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        printf ("approx-string-match      failed: %s\n", error->message);
        gloss_test_rm_rf (dir);
        return;
      }
    getrusage (RUSAGE_CHILDREN, &usage);
    child_mb = usage.ru_maxrss / 1024;
  }

  path = g_build_filename (dir, "asm.json", NULL);
  if (!json_parser_load_from_file (parser, path, &error))
    {
      printf ("approx-string-match      failed: %s\n", error->message);
      gloss_test_rm_rf (dir);
      return;
    }
  result = json_node_get_object (json_parser_get_root (parser));
  placed = json_object_get_array_member (result, "placed");
  for (guint i = 0; i < c->n_spans; i++)
    {
      JsonNode *node_i = json_array_get_element (placed, i);
      gboolean is_placed = !JSON_NODE_HOLDS_NULL (node_i);

      if (JSON_NODE_HOLDS_VALUE (node_i))
        continue;  /* not in the sample */
      guint start = is_placed ? json_array_get_int_element (json_node_get_array (node_i), 0) : 0;
      guint end = is_placed ? json_array_get_int_element (json_node_get_array (node_i), 1) : 0;

      edit_case_score_one (c, i, is_placed, is_placed, start, end, &score);
    }
  if (sample > 1)
    {
      /* Figures for the whole set, estimated from the sample. */
      g_autofree char *label = g_strdup_printf ("approx-string-match ×%u", sample);

      score.untouched_misplaced *= sample;
      score.false_anchors *= sample;
      score.silent_false *= sample;
      score.orphaned *= sample;
      score.untouched_orphaned *= sample;
      print_score (label, &score, json_object_get_double_member (result, "seconds") * sample, child_mb);
      printf ("  (1 annotation in %u anchored, its counts and time multiplied by %u; GLOSS_BENCH_ASM_SAMPLE=1 runs all)\n",
              sample, sample);
    }
  else
    print_score ("approx-string-match", &score, json_object_get_double_member (result, "seconds"), child_mb);

  g_free (text);
  gloss_test_rm_rf (dir);
}

/* Issue 15: one-letter annotations in a text of repeats must not score every occurrence. */
static void
run_one_letter (EditCase *unused,
                gpointer  data)
{
  guint n = GPOINTER_TO_UINT (data);
  GString *text = g_string_new ("Inserted at the start. ");
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  GlossAnchorReport report;
  double t0;

  while (text->len < 1000000)
    g_string_append (text, "abcab cabca bcabc ");
  document = gloss_document_new (text->str, text->len, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%05u", i);
      GlossAnnotation *a = gloss_annotation_new (id, "tag", i * 4000, i * 4000 + 1);

      gloss_annotation_set_text (a, "a");
      gloss_annotation_set_prefix (a, "ab cabca bcabc abcab cabca bcabc");
      gloss_annotation_set_suffix (a, "bcab cabca bcabc abcab cabca bca");
      g_ptr_array_add (all, a);
    }
  gloss_annotation_set_load (set, all);

  t0 = now ();
  gloss_anchor_set (document, set, &report);
  printf ("%u one-letter annotations, 1 000 000 characters of repeats: %.2f s as a set (moved %u, orphaned %u)",
          n, now () - t0, report.moved, report.orphaned);
  t0 = now ();
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (all, i);

      gloss_annotation_set_range (a, i * 4000, i * 4000 + 1);
      gloss_anchor_annotation (document, a);
    }
  printf (", %.2f s one by one\n", now () - t0);
  g_string_free (text, TRUE);
}

int
main (int    argc,
      char **argv)
{
  guint length = env_uint ("GLOSS_BENCH_LENGTH", 1000000);
  guint n_spans = env_uint ("GLOSS_BENCH_ANNOTATIONS", 10000);
  guint n_edits = env_uint ("GLOSS_BENCH_EDITS", 2000);
  guint seed = env_uint ("GLOSS_BENCH_SEED", 14);
  const char *source_dir = g_getenv ("G_TEST_SRCDIR");
  EditCase *c;
  double t0 = now ();

  setvbuf (stdout, NULL, _IOLBF, 0);
  c = edit_case_new (seed, length, n_spans, n_edits);
  printf ("Case (seed %u): %u → %u code points, %u annotations, %u edits (generated in %.1f s)\n\n",
          seed, c->old_length, c->new_length, c->n_spans, c->n_edits, now () - t0);
  printf ("%-24s %9s %9s %9s %9s %9s %10s %9s\n", "method", "misplaced", "false", "of them", "orphaned", "untouched", "time", "peak");
  printf ("%-24s %9s %9s %9s %9s %9s %10s %9s\n", "", "untouched", "anchors", "silent", "", "orphaned", "", "memory");

  if (g_strcmp0 (g_getenv ("GLOSS_BENCH_ONLY"), "quote") != 0)
    in_child (run_gloss, c, GINT_TO_POINTER (TRUE));
  if (g_strcmp0 (g_getenv ("GLOSS_BENCH_ONLY"), "old") != 0)
    in_child (run_gloss, c, GINT_TO_POINTER (FALSE));
  if (g_getenv ("GLOSS_BENCH_ONLY") == NULL)
    run_asm (c, source_dir ? source_dir : ".");

  printf ("\n");
  in_child (run_one_letter, c, GUINT_TO_POINTER (200));
  in_child (run_one_letter, c, GUINT_TO_POINTER (1000));

  edit_case_free (c);
  return 0;
}
