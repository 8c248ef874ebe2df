/* test-cli-library.c: `gloss-cli index`, `search`, `status` and `agree DIR`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gloss-test-cli.h"
#include "gloss-test-sqlite.h"
#include "gloss-test-util.h"

#define EPSILON 1e-9

/* Runs gloss-cli in @directory with its own index @database. */
#define run_cli(run, directory, database, ...) gloss_test_run_cli ((run), (directory), (database), __VA_ARGS__)

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* One parsed object per line. */
static GPtrArray *
parse_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (nodes, parse (lines[i]));
  return nodes;
}

static JsonObject *
object_at (GPtrArray *nodes,
           guint      i)
{
  return json_node_get_object (g_ptr_array_index (nodes, i));
}

typedef struct
{
  char *dir;
  char *corpus;
  char *database;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = gloss_test_make_tmpdir ();
  fixture->corpus = g_build_filename (fixture->dir, "corpus", NULL);
  fixture->database = g_build_filename (fixture->dir, "cache", "library.sqlite", NULL);

  gloss_test_write_in (fixture->corpus, "news/一.txt", "國務院召開常務會議。\n\n会议指出，党员干部要带头。\n");
  gloss_test_write_layer (fixture->corpus, "news/一.txt", "alice", "",
                          "{ \"id\": \"q1\", \"tag\": \"quote\", \"start\": 17, \"end\": 24, \"text\": \"党员干部要带头\", "
                          "  \"note\": \"党员 in the note\" }");
  gloss_test_write_in (fixture->corpus, "news/two.txt", "The State Council met.\n");
  gloss_test_write_in (fixture->corpus, "news/two.txt.bob.gloss.json", "{ \"format\": \"gloss\", \"version\": 99 }\n");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gloss_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->corpus);
  g_free (fixture->database);
}

static void
test_index_json (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *broken;

  run_cli (&run, fixture->dir, fixture->database, "index", "--json", "corpus", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (run.out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "articles"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "sidecars"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "annotations"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (object, "seconds"), >=, 0);
  broken = json_object_get_array_member (object, "broken");
  g_assert_cmpuint (json_array_get_length (broken), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (broken, 0), "path"), ==,
                   "corpus/news/two.txt.bob.gloss.json");
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (broken, 0), "error"), "99"));
  g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
}

static void
test_search_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) tagged = { 0 };
  g_auto(GlossTestRun) limited = { 0 };
  g_auto(GlossTestRun) none = { 0 };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) one = NULL;
  JsonObject *hit;

  /* Traditional query, simplified text; no index yet: search builds it. */
  run_cli (&run, fixture->dir, fixture->database, "search", "--json", "黨員", "corpus", NULL);
  g_assert_cmpint (run.status, ==, 0);
  hits = parse_lines (run.out);
  /* The text, the annotation's text and its note. */
  g_assert_cmpuint (hits->len, ==, 3);

  hit = object_at (hits, 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "article"), ==, "corpus/news/一.txt");
  g_assert_cmpstr (json_object_get_string_member (hit, "kind"), ==, "text");
  g_assert_cmpint (json_object_get_int_member (hit, "start"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (hit, "end"), ==, 19);
  g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "**党员**干部"));
  g_assert_false (json_object_has_member (hit, "annotation"));

  hit = object_at (hits, 1);
  g_assert_cmpstr (json_object_get_string_member (hit, "kind"), ==, "annotation");
  g_assert_cmpint (json_object_get_int_member (hit, "start"), ==, 17);
  g_assert_cmpstr (json_object_get_string_member (hit, "annotation"), ==, "q1");
  g_assert_cmpstr (json_object_get_string_member (hit, "annotator"), ==, "alice");
  g_assert_cmpstr (json_object_get_string_member (hit, "tag"), ==, "quote");

  hit = object_at (hits, 2);
  g_assert_cmpint (json_object_get_int_member (hit, "start"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (hit, "end"), ==, 24);
  g_assert_cmpstr (json_object_get_string_member (hit, "snippet"), ==, "**党员** in the note");

  run_cli (&tagged, fixture->dir, fixture->database, "search", "--json", "--tag", "quote", "党员干部", "corpus", NULL);
  g_assert_cmpint (tagged.status, ==, 0);
  quotes = parse_lines (tagged.out);
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object_at (quotes, 0), "kind"), ==, "annotation");

  run_cli (&limited, fixture->dir, fixture->database, "search", "--json", "--limit", "1", "党员", "corpus", NULL);
  one = parse_lines (limited.out);
  g_assert_cmpuint (one->len, ==, 1);

  /* Nothing found: exit status 1, like grep. */
  run_cli (&none, fixture->dir, fixture->database, "search", "上海市", "corpus", NULL);
  g_assert_cmpint (none.status, !=, 0);
  g_assert_cmpstr (none.out, ==, "");

  /* Quotes and backslashes in the snippet and the path, escaped; the line
   * exactly as JsonGenerator wrote it, members in the order of the format. */
  {
    g_auto(GlossTestRun) quoted = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    gloss_test_write_in (fixture->corpus, "news/\"引号\"\\.txt", "他说：\"减税\\降费\"，在会上。\n");
    run_cli (&quoted, fixture->dir, fixture->database, "search", "--json", "减税", "corpus", NULL);
    g_assert_cmpint (quoted.status, ==, 0);
    lines = parse_lines (quoted.out);
    g_assert_cmpuint (lines->len, ==, 1);
    g_assert_cmpstr (json_object_get_string_member (object_at (lines, 0), "article"), ==, "corpus/news/\"引号\"\\.txt");
    g_assert_cmpstr (json_object_get_string_member (object_at (lines, 0), "snippet"), ==, "他说：\"**减税**\\降费\"，在会上。 ");
    g_assert_cmpstr (quoted.out, ==, "{\"article\":\"corpus/news/\\\"引号\\\"\\\\.txt\",\"kind\":\"text\",\"start\":4,\"end\":6,"
                                     "\"snippet\":\"他说：\\\"**减税**\\\\降费\\\"，在会上。 \"}\n");
  }
}

/* Every control character in a snippet escaped as JSON wants it (U+0000 to
 * U+001F; a tab or a line break is a space in a snippet already): U+001F
 * as \u001f, U+0008 as \b; the line parses back to the same text. */
static void
test_search_json_escapes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0 };
  g_autoptr(GPtrArray) lines = NULL;

  gloss_test_write_in (fixture->corpus, "news/控制.txt", "单元\x1f分隔\x08退格\x01减税。"
                       /* Enough text not to be taken for binary data. */
                       "会议指出会议指出会议指出会议指出会议指出"
                       "会议指出会议指出会议指出会议指出会议指出"
                       "会议指出会议指出会议指出会议指出会议指出"
                       "会议指出会议指出会议指出会议指出会议指出"
                       "\n");
  run_cli (&run, fixture->dir, fixture->database, "search", "--json", "减税", "corpus", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "{\"article\":\"corpus/news/控制.txt\",\"kind\":\"text\",\"start\":9,\"end\":11,"
                                "\"snippet\":\"单元\\u001f分隔\\b退格\\u0001**减税**。会议指出会议指出会议指出会议指出会议指出会议指…\"}\n");
  lines = parse_lines (run.out);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object_at (lines, 0), "snippet"), ==,
                   "单元\x1f分隔\x08退格\x01**减税**。会议指出会议指出会议指出会议指出会议指出会议指…");
}

/* The expected snippet of the occurrence at code point @start (@length
 * long) of @text: 24 characters each side, tabs and line breaks as spaces. */
static char *
expected_snippet (const char *text,
                  glong       start,
                  glong       length)
{
  glong total = g_utf8_strlen (text, -1);
  glong from = MAX (start - 24, 0);
  glong to = MIN (start + length + 24, total);
  g_autofree char *before = g_utf8_substring (text, from, start);
  g_autofree char *match = g_utf8_substring (text, start, start + length);
  g_autofree char *after = g_utf8_substring (text, start + length, to);

  g_strdelimit (before, "\n\t", ' ');
  g_strdelimit (after, "\n\t", ' ');
  return g_strconcat (from > 0 ? "…" : "", before, "**", match, "**", after, to < total ? "…" : "", NULL);
}

/* Characters to escape and tabs at every byte of the 8 that the writer and
 * the snippets look through at once, after runs of plain ASCII and of
 * Chinese: every line parses back to the text's own snippet. */
static void
test_search_json_escapes_anywhere (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char * const special[] = { "\"", "\\", "\x01", "\x1f", "\t" };
  g_auto(GlossTestRun) run = { 0 };
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) text = g_string_new ("转义测试\n\n");
  guint n = 0;

  for (guint k = 0; k < 24; k++)
    {
      g_string_append_len (text, "abcdefghijklmnop", k % 16);
      g_string_append (text, special[k % G_N_ELEMENTS (special)]);
      g_string_append_len (text, "qrstuvwxyz", (k * 3) % 10);
      g_string_append (text, "减税");
      g_string_append_len (text, "ABCDEFGHIJKLMNOP", (k * 5) % 16);
      g_string_append (text, special[(k + 2) % G_N_ELEMENTS (special)]);
      g_string_append (text, k % 2 == 0 ? "会议指出，" : "。\n");
    }
  gloss_test_write_in (fixture->corpus, "news/转义.txt", text->str);
  run_cli (&run, fixture->dir, fixture->database, "search", "--json", "减税", "corpus", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = parse_lines (run.out);
  for (guint i = 0; i < lines->len; i++)
    {
      JsonObject *line = object_at (lines, i);
      g_autofree char *want = NULL;

      if (g_strcmp0 (json_object_get_string_member (line, "article"), "corpus/news/转义.txt") != 0)
        continue;
      want = expected_snippet (text->str, json_object_get_int_member (line, "start"), 2);
      g_assert_cmpstr (json_object_get_string_member (line, "snippet"), ==, want);
      n++;
    }
  g_assert_cmpuint (n, ==, 24);
}

static void
test_status_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  JsonObject *row;

  run_cli (&run, fixture->dir, fixture->database, "status", "--json", "corpus", NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = parse_lines (run.out);
  g_assert_cmpuint (rows->len, ==, 2);
  row = object_at (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "article"), ==, "corpus/news/two.txt");
  g_assert_cmpstr (json_object_get_string_member (row, "title"), ==, "The State Council met.");
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "not-started");
  row = object_at (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "article"), ==, "corpus/news/一.txt");
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "in-progress");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (row, "counts"), "alice"), "quote"), ==, 1);
  /* The broken sidecar is told on stderr. */
  g_assert_nonnull (strstr (run.err, "two.txt.bob.gloss.json"));
}

/* A damaged page in an index that opens well: `search` says so, makes the
 * index again and answers as before, with or without --no-update (which
 * the small gloss-cli hands to gloss-cli-full, since it reads no file). */
static void
test_search_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *modes[] = { "--json", "--no-update" };
  g_auto(GlossTestRun) first = { 0 };

  run_cli (&first, fixture->dir, fixture->database, "search", "--json", "党员干部", "corpus", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "news/一.txt"));

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_auto(GlossTestRun) run = { 0 };

      gloss_test_damage_pages (fixture->database, "text_fts_data");
      run_cli (&run, fixture->dir, fixture->database, "search", "--json", modes[i], "党员干部", "corpus", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, first.out);
      g_assert_nonnull (strstr (run.err, "library index is damaged"));
    }
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0 };

  run_cli (&run, fixture->dir, fixture->database, "index", "nowhere", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "gloss-cli: nowhere: "));
}

static GSubprocess *
spawn_cli (Fixture    *fixture,
           const char *const *arguments)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  g_subprocess_launcher_setenv (launcher, "GLOSS_LIBRARY_DATABASE", fixture->database, TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("GLOSS_CLI"));
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

/* Rewrites the bulk articles of @round: all 300 in round 0, then a third of
 * them, each with the round's mark. */
static void
write_round (Fixture *fixture,
             guint    round)
{
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;

      if (round > 0 && i % 3 != round - 1)
        continue;
      name = g_strdup_printf ("bulk/%03u.txt", i);
      text = g_strdup_printf ("第%u篇文章：第%u轮党员大会在北京召开，代表们讨论了改革。\n", i, round);
      gloss_test_write_in (fixture->corpus, name, text);
    }
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Two `index` processes and a `search` on the same folders and index at
 * once, round after round, each round with files changed: every process
 * succeeds (none fails on a locked database), the search finds exactly what
 * the files hold, and the index is whole afterwards. */
static void
test_concurrent (Fixture       *fixture,
                 gconstpointer  data)
{
  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *mark = g_strdup_printf ("第%u轮", round);
      const char *index[] = { "index", "--json", "corpus", NULL };
      const char *search[] = { "search", "--json", mark, "corpus", NULL };
      const char *const *commands[] = { index, search, index };
      GSubprocess *processes[G_N_ELEMENTS (commands)];
      g_auto(GlossTestRun) after = { 0 };
      g_autoptr(JsonNode) root = NULL;

      write_round (fixture, round);
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        processes[i] = spawn_cli (fixture, commands[i]);
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;

          g_assert_true (g_subprocess_communicate_utf8 (processes[i], NULL, NULL, &out, &err, &error));
          g_assert_no_error (error);
          g_test_message ("round %u, %s: %s", round, commands[i][0], err);
          g_assert_null (strstr (err, "locked"));
          g_assert_null (strstr (err, "busy"));
          g_assert_cmpstr (err, ==, "");
          g_assert_true (g_subprocess_get_if_exited (processes[i]));
          g_assert_cmpint (g_subprocess_get_exit_status (processes[i]), ==, 0);
          if (commands[i] == index)
            {
              root = parse (out);
              g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "articles"), ==, 302);
              g_clear_pointer (&root, json_node_unref);
            }
          else
            /* The search saw the files as they are, whoever wrote the index. */
            g_assert_cmpuint (count_lines (out), ==, round == 0 ? 300 : 100);
          g_object_unref (processes[i]);
        }

      /* Afterwards the index holds each article once, with its current text. */
      run_cli (&after, fixture->dir, fixture->database, "search", "--json", "--no-update", mark, "corpus", NULL);
      g_assert_cmpint (after.status, ==, 0);
      g_assert_cmpuint (count_lines (after.out), ==, round == 0 ? 300 : 100);
      gloss_test_run_clear (&after);
      run_cli (&after, fixture->dir, fixture->database, "status", "--json", "corpus", NULL);
      g_assert_cmpint (after.status, ==, 0);
      g_assert_cmpuint (count_lines (after.out), ==, 302);
    }

  {
    g_auto(GlossTestRun) last = { 0 };
    g_autoptr(JsonNode) root = NULL;

    /* Round 0's mark is gone from every file now. */
    run_cli (&last, fixture->dir, fixture->database, "search", "--json", "--no-update", "第0轮", "corpus", NULL);
    g_assert_true (WIFEXITED (last.wait_status));
    g_assert_cmpint (WEXITSTATUS (last.wait_status), ==, 1);
    g_assert_cmpstr (last.out, ==, "");
    gloss_test_run_clear (&last);
    run_cli (&last, fixture->dir, fixture->database, "index", "--json", "corpus", NULL);
    root = parse (last.out);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "articles"), ==, 302);
  }
}

static double
pair_member (JsonObject *figures,
             const char *tag,
             const char *member)
{
  JsonObject *group = tag != NULL
    ? json_object_get_object_member (json_object_get_object_member (figures, "tags"), tag)
    : json_object_get_object_member (figures, "overall");
  JsonArray *pairs = json_object_get_array_member (group, "pairs");

  return json_object_get_double_member (json_array_get_object_element (pairs, 0), member);
}

/* Two articles of 10 code points, pooled as 20 units.  Quote coverage:
 *   a.txt  alice 1111000000  bob 1111000000   (agree)
 *   b.txt  alice 1111100000  bob 0000011111   (disagree)
 * Pooled: n11 = 4, n00 = 6, n10 = n01 = 5.  p_o = 10/20 = 0.5; both mark 9 of
 * 20, p_e = 0.45² + 0.55² = 0.505; κ = (0.5 − 0.505) / 0.495 = −1/99.
 * Coincidences o11 = 8, o00 = 12, o01 = o10 = 10; n1 = 18, n0 = 22, n = 40:
 * α = 1 − 39 · 20 / (2 · 18 · 22) = 12/792 = 1/66.  Exact F1: one match of
 * two and two, 2·1/4 = 0.5.  Per article: κ = 1 on a.txt, −1 on b.txt.
 * c.txt has one layer only and is left out. */
static void
test_agree_corpus (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *database = g_build_filename (dir, "library.sqlite", NULL);
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_auto(GlossTestRun) run = { 0 };
  g_auto(GlossTestRun) table = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *per_article;

  gloss_test_write_in (corpus, "a.txt", "abcdefghij");
  gloss_test_write_in (corpus, "b.txt", "0123456789");
  gloss_test_write_in (corpus, "c.txt", "one layer only");
  gloss_test_write_layer (corpus, "a.txt", "alice", "", "{ \"id\": \"x1\", \"tag\": \"quote\", \"start\": 0, \"end\": 4, \"text\": \"abcd\" }");
  gloss_test_write_layer (corpus, "a.txt", "bob", "", "{ \"id\": \"y1\", \"tag\": \"quote\", \"start\": 0, \"end\": 4, \"text\": \"abcd\" }");
  gloss_test_write_layer (corpus, "b.txt", "alice", "", "{ \"id\": \"x2\", \"tag\": \"quote\", \"start\": 0, \"end\": 5, \"text\": \"01234\" }");
  gloss_test_write_layer (corpus, "b.txt", "bob", "", "{ \"id\": \"y2\", \"tag\": \"quote\", \"start\": 5, \"end\": 10, \"text\": \"56789\" }");
  gloss_test_write_layer (corpus, "c.txt", "alice", "", "{ \"id\": \"x3\", \"tag\": \"quote\", \"start\": 0, \"end\": 3, \"text\": \"one\" }");

  run_cli (&run, dir, database, "agree", "--json", "corpus", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (run.out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "articles"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "units"), ==, "codepoint");
  g_assert_cmpfloat_with_epsilon (pair_member (object, "quote", "cohen_kappa"), -1.0 / 99, EPSILON);
  g_assert_cmpfloat_with_epsilon (pair_member (object, NULL, "cohen_kappa"), -1.0 / 99, EPSILON);
  g_assert_cmpfloat_with_epsilon (pair_member (object, "quote", "f1_exact"), 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (object, "overall"),
                                                                 "krippendorff_alpha"), 1.0 / 66, EPSILON);

  per_article = json_object_get_array_member (object, "per_article");
  g_assert_cmpuint (json_array_get_length (per_article), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (per_article, 0), "article"), ==, "corpus/a.txt");
  g_assert_cmpfloat_with_epsilon (pair_member (json_array_get_object_element (per_article, 0), "quote", "cohen_kappa"), 1.0, EPSILON);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (per_article, 1), "article"), ==, "corpus/b.txt");
  g_assert_cmpfloat_with_epsilon (pair_member (json_array_get_object_element (per_article, 1), "quote", "cohen_kappa"), -1.0, EPSILON);

  /* Carol coded only c.txt, now with Alice: her units elsewhere are missing,
   * not "nothing", so Alice and Bob's figures do not move. */
  {
    g_auto(GlossTestRun) third = { 0 };
    g_autoptr(JsonNode) node = NULL;
    JsonObject *figures;
    JsonArray *annotators;

    gloss_test_write_layer (corpus, "c.txt", "carol", "", "{ \"id\": \"z3\", \"tag\": \"quote\", \"start\": 0, \"end\": 3, \"text\": \"one\" }");
    run_cli (&third, dir, database, "agree", "--json", "corpus", NULL);
    g_assert_cmpint (third.status, ==, 0);
    node = parse (third.out);
    figures = json_node_get_object (node);
    g_assert_cmpint (json_object_get_int_member (figures, "articles"), ==, 3);
    annotators = json_object_get_array_member (figures, "annotators");
    g_assert_cmpuint (json_array_get_length (annotators), ==, 3);
    g_assert_cmpstr (json_array_get_string_element (annotators, 2), ==, "carol");
    g_assert_cmpfloat_with_epsilon (pair_member (figures, "quote", "cohen_kappa"), -1.0 / 99, EPSILON);
  }

  run_cli (&table, dir, database, "agree", "corpus", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "3 articles pooled"));
  g_assert_nonnull (strstr (table.out, "alice–bob"));

  gloss_test_rm_rf (dir);
}

/* A line of the watcher's output, within 30 s (else the test fails: a
 * watcher that never becomes clean). */
static char *
read_line (int fd)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (;;)
    {
      struct pollfd p = { fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      char c;

      if (left <= 0)
        g_error ("no line from `gloss-cli index --watch` in 30 s (so far: “%s”)", line->str);
      if (poll (&p, 1, left) <= 0)
        continue;
      g_assert_cmpint (read (fd, &c, 1), ==, 1);
      if (c == '\n')
        return g_string_free (g_steal_pointer (&line), FALSE);
      g_string_append_c (line, c);
    }
}

/* `index --watch`: while it runs and is clean, `search` trusts the index
 * (stopped with SIGSTOP, the watcher cannot see a new file: the search does
 * not find it either, so it looked at no file); once it has seen the file,
 * the search finds it; killed, it is not trusted any more. */
static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "GLOSS_LIBRARY_DATABASE", fixture->database, TRUE);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("GLOSS_CLI"), "index", "--watch", "--json", "corpus", NULL };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GPid pid;
  int out, status;

  g_assert_true (g_spawn_async_with_pipes (fixture->dir, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  first = read_line (out);
  g_assert_cmpstr (first, ==, "{\"clean\": true, \"updates\": 1}");

  {
    g_auto(GlossTestRun) run = { 0 };

    run_cli (&run, fixture->dir, fixture->database, "search", "党员", "corpus", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  g_assert_cmpint (kill (pid, SIGSTOP), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, WUNTRACED), ==, pid);
  g_assert_true (WIFSTOPPED (status));
  gloss_test_write_in (fixture->corpus, "news/三.txt", "独角兽标记出现在新文章里。\n");
  {
    g_auto(GlossTestRun) run = { 0 };

    run_cli (&run, fixture->dir, fixture->database, "search", "独角兽标记", "corpus", NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_cmpstr (run.out, ==, "");
  }

  g_assert_cmpint (kill (pid, SIGCONT), ==, 0);
  second = read_line (out);
  g_assert_true (g_str_has_prefix (second, "{\"clean\": true, \"updates\": "));
  {
    g_auto(GlossTestRun) run = { 0 };

    run_cli (&run, fixture->dir, fixture->database, "search", "独角兽标记", "corpus", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "三.txt"));
  }

  /* Killed: its lock is gone with it, its row still says clean. */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  close (out);
  gloss_test_write_in (fixture->corpus, "news/四.txt", "麒麟标记出现在另一篇文章里。\n");
  {
    g_auto(GlossTestRun) run = { 0 };

    run_cli (&run, fixture->dir, fixture->database, "search", "麒麟标记", "corpus", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "四.txt"));
  }
}

/* SIGTERM: the watcher leaves, exit status 0, and the folders are no longer
 * trusted (a file it never saw is found). */
static void
test_watch_term (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "GLOSS_LIBRARY_DATABASE", fixture->database, TRUE);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("GLOSS_CLI"), "index", "--watch", "corpus", NULL };
  g_autofree char *line = NULL;
  g_auto(GlossTestRun) run = { 0 };
  GPid pid;
  int out, status;

  g_assert_true (g_spawn_async_with_pipes (fixture->dir, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  line = read_line (out);
  g_assert_cmpint (kill (pid, SIGSTOP), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, WUNTRACED), ==, pid);
  gloss_test_write_in (fixture->corpus, "news/三.txt", "独角兽标记出现在新文章里。\n");
  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  g_assert_cmpint (kill (pid, SIGCONT), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_spawn_close_pid (pid);
  close (out);

  run_cli (&run, fixture->dir, fixture->database, "search", "独角兽标记", "corpus", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

/* gloss-cli is a small program that searches a current index itself and
 * hands everything else to gloss-cli-full: both ways give the same hits,
 * and the small one loads none of the libraries it does not use. */
static void
test_front (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(GlossTestRun) first = { 0 };
  g_auto(GlossTestRun) again = { 0 };
  g_auto(GlossTestRun) version = { 0 };
  g_autofree char *needed = NULL;
  const char *heavy[] = { "libsoup", "libxml2", "libxlsxwriter", "libicu", "libgtk" };
  const char *argv[] = { "readelf", "-d", g_getenv ("GLOSS_CLI"), NULL };
  int wait_status;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  /* No index: gloss-cli-full builds it and searches. */
  run_cli (&first, fixture->dir, fixture->database, "search", "党员", "corpus", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.err, "gloss-cli-full"));
  g_assert_nonnull (strstr (first.out, "corpus/news/一.txt:17-19: "));

  /* Indexed, nothing changed since: gloss-cli answers alone, the same. */
  gloss_test_age_tree (fixture->corpus);
  run_cli (&again, fixture->dir, fixture->database, "index", "corpus", NULL);
  g_assert_cmpint (again.status, ==, 0);
  run_cli (&again, fixture->dir, fixture->database, "search", "党员", "corpus", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_null (strstr (again.err, "gloss-cli-full"));
  g_assert_nonnull (strstr (again.out, "corpus/news/一.txt:17-19: "));
  g_assert_cmpstr (again.out, ==, strstr (first.out, "corpus/news/一.txt"));

  /* A changed file: handed over again, and the change is found. */
  gloss_test_write_in (fixture->corpus, "news/two.txt", "The State Council met the 党员 today.\n");
  gloss_test_age_tree (fixture->corpus);
  run_cli (&again, fixture->dir, fixture->database, "search", "党员", "corpus", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.err, "gloss-cli-full"));
  g_assert_nonnull (strstr (again.out, "corpus/news/two.txt:26-28: "));
  g_unsetenv ("G_MESSAGES_DEBUG");

  /* Every other command goes to gloss-cli-full. */
  run_cli (&version, NULL, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "gloss-cli "));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &needed, NULL, &wait_status, NULL));
  g_assert_nonnull (strstr (needed, "libsqlite3"));
  for (guint i = 0; i < G_N_ELEMENTS (heavy); i++)
    if (strstr (needed, heavy[i]) != NULL)
      g_error ("gloss-cli loads %s, which a search never uses:\n%s", heavy[i], needed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/cli-library/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("index-json", test_index_json);
  ADD ("search-json", test_search_json);
  ADD ("search-json-escapes", test_search_json_escapes);
  ADD ("search-json-escapes-anywhere", test_search_json_escapes_anywhere);
  ADD ("front", test_front);
  ADD ("status-json", test_status_json);
  ADD ("search-damaged", test_search_damaged);
  ADD ("missing-folder", test_missing_folder);
  ADD ("concurrent", test_concurrent);
  ADD ("watch", test_watch);
  ADD ("watch-term", test_watch_term);
#undef ADD
  g_test_add_func ("/cli-library/agree-corpus", test_agree_corpus);

  return g_test_run ();
}
