/* test-cli-hostile.c: gloss-cli under a file-size limit, a full disk, a dangling link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <json-glib/json-glib.h>

#include "gloss-test-util.h"

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 1024, 1024 };

  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs gloss-cli with @args; returns its wait status, stderr in @err. */
static int
run_cli (const char * const *args,
         GSpawnChildSetupFunc setup,
         const char          *stdout_path,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (stdout_path != NULL)
    {
      /* Through a shell: the redirection is the point. */
      g_autoptr(GString) line = g_string_new ("exec \"$GLOSS_CLI\"");

      for (guint i = 0; args[i]; i++)
        {
          g_autofree char *quoted = g_shell_quote (args[i]);

          g_string_append_printf (line, " %s", quoted);
        }
      g_string_append_printf (line, " >%s", stdout_path);
      g_ptr_array_add (argv, g_strdup ("/bin/sh"));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup (line->str));
    }
  else
    {
      g_ptr_array_add (argv, g_strdup (g_getenv ("GLOSS_CLI")));
      for (guint i = 0; args[i]; i++)
        g_ptr_array_add (argv, g_strdup (args[i]));
    }
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, setup, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  return status;
}

static char *
canonical_copy (const char *dir)
{
  g_autofree char *source = gloss_test_data_path ("sidecar", "canonical.gloss.json", NULL);
  g_autofree char *text = gloss_test_read (source, NULL);
  char *path = g_build_filename (dir, "article.txt.alice.gloss.json", NULL);

  gloss_test_write (path, text, -1);
  return path;
}

/* Issue 15, 16: under `ulimit -f` the CLI died of SIGXFSZ, without a word,
 * and left its temporary file. */
static void
test_file_size_limit (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *input = canonical_copy (dir);
  g_autofree char *output = g_build_filename (dir, "out.gloss.json", NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "normalize", "-o", output, input, NULL };
  g_autoptr(GDir) d = NULL;
  guint n = 0;
  int status;

  status = run_cli (args, limit_file_size, NULL, &err);
  g_test_message ("%s", err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "out.gloss.json"));
  g_assert_nonnull (strstr (err, g_strerror (EFBIG)));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
  gloss_test_rm_rf (dir);
}

/* Issue 15, 16: `-o -` into a full disk exited 0. */
static void
test_stdout_full (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *input = canonical_copy (dir);
  g_autofree char *ann = g_build_filename (dir, "b.ann", NULL);
  g_autofree char *txt = g_build_filename (dir, "b.txt", NULL);
  const char *normalize[] = { "normalize", "-o", "-", input, NULL };
  const char *import[] = { "import", "--format", "brat", "-o", "-", ann, NULL };
  const char * const *commands[] = { normalize, import };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  gloss_test_write (txt, "部长说: reform 😀\n", -1);
  gloss_test_write (ann, "T1\tquote 5 11\treform\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *err = NULL;
      int status = run_cli (commands[i], NULL, "/dev/full", &err);

      g_test_message ("%s", err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (err, g_strerror (ENOSPC)));
    }
  gloss_test_rm_rf (dir);
}

/* Issue 15, 16: replacing a dangling symbolic link gave the new file the
 * link's mode, 0777 less the umask. */
static void
test_dangling_link_mode (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *input = canonical_copy (dir);
  g_autofree char *link = g_build_filename (dir, "link.gloss.json", NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "normalize", "-o", link, input, NULL };
  struct stat st;
  mode_t old_umask = umask (022);
  int status;

  g_assert_cmpint (symlink ("nowhere.gloss.json", link), ==, 0);
  status = run_cli (args, NULL, NULL, &err);
  umask (old_umask);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpint (stat (link, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  gloss_test_rm_rf (dir);
}

/* Issue 15, 10: an annotation ending past the sidecar's own
 * document.length passed `validate` when the article was not beside it;
 * with it, in an unsorted file, the error named another annotation. */
static void
test_validate_end_past_length (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *source = gloss_test_data_path ("sidecar", "canonical.gloss.json", NULL);
  g_autofree char *article_source = gloss_test_data_path ("sidecar", "article.txt", NULL);
  g_autofree char *path = g_build_filename (dir, "article.txt.alice.gloss.json", NULL);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: annotations[0].end: beyond the end of the document (length 59)", path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) reversed = json_array_new ();
  JsonObject *root;
  JsonArray *annotations;
  const char *args[] = { "validate", path, NULL };

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  annotations = json_object_get_array_member (root, "annotations");
  for (guint i = json_array_get_length (annotations); i-- > 0;)
    json_array_add_element (reversed, json_node_copy (json_array_get_element (annotations, i)));
  /* The first in the file, the last in order. */
  json_object_set_int_member (json_array_get_object_element (reversed, 0), "end", 100);
  json_object_set_array_member (root, "annotations", json_array_ref (reversed));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);

  for (int with_article = 0; with_article < 2; with_article++)
    {
      g_autofree char *err = NULL;
      int status;

      if (with_article)
        {
          g_autofree char *text = gloss_test_read (article_source, NULL);

          gloss_test_write (article, text, -1);
        }
      status = run_cli (args, NULL, NULL, &err);
      g_test_message ("%s", err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (err, expected));
    }
  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-hostile/file-size-limit", test_file_size_limit);
  g_test_add_func ("/cli-hostile/stdout-full", test_stdout_full);
  g_test_add_func ("/cli-hostile/dangling-link-mode", test_dangling_link_mode);

  g_test_add_func ("/cli-hostile/validate-end-past-length", test_validate_end_past_length);

  return g_test_run ();
}
