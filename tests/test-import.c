/* test-import.c: W3C and brat files read back into sidecars, and round trips
 * of every annotation through both
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-test-cli.h"
#include "gloss-test-util.h"

#define ALICE "mixed.txt.alice.gloss.json"
#define BOB "mixed.txt.bob.gloss.json"

static GlossSidecar *
load_fixture (const char *name)
{
  g_autofree char *path = gloss_test_data_path ("export", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossSidecar *sidecar = gloss_sidecar_load (file, NULL, &error);

  g_assert_no_error (error);
  return sidecar;
}

static GlossDocument *
load_article (void)
{
  g_autofree char *path = gloss_test_data_path ("export", "mixed.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_document_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  gloss_document_set_source (document, "mixed.txt");
  return document;
}

static gboolean
json_objects_equal (JsonObject *a,
                    JsonObject *b)
{
  g_autoptr(JsonNode) x = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) y = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (x, a);
  json_node_set_object (y, b);
  return json_node_equal (x, y);
}

/* Every field of every annotation of @expected is in @actual, unchanged. */
static void
assert_same_annotations (GlossSidecar *expected,
                         GlossSidecar *actual,
                         gboolean      with_context)
{
  GlossAnnotationSet *a = gloss_sidecar_get_annotations (expected);
  GlossAnnotationSet *b = gloss_sidecar_get_annotations (actual);

  g_assert_cmpuint (gloss_annotation_set_get_size (a), ==, gloss_annotation_set_get_size (b));
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (expected), ==, gloss_sidecar_get_annotator_id (actual));

  for (guint i = 0; i < gloss_annotation_set_get_size (a); i++)
    {
      GlossAnnotation *x = gloss_annotation_set_get_nth (a, i);
      GlossAnnotation *y = gloss_annotation_set_lookup (b, gloss_annotation_get_id (x));

      g_assert_nonnull (y);
      g_assert_cmpstr (gloss_annotation_get_tag (x), ==, gloss_annotation_get_tag (y));
      g_assert_cmpuint (gloss_annotation_get_start (x), ==, gloss_annotation_get_start (y));
      g_assert_cmpuint (gloss_annotation_get_end (x), ==, gloss_annotation_get_end (y));
      g_assert_cmpstr (gloss_annotation_get_text (x), ==, gloss_annotation_get_text (y));
      g_assert_cmpstr (gloss_annotation_get_note (x), ==, gloss_annotation_get_note (y));
      g_assert_cmpstr (gloss_annotation_get_created (x), ==, gloss_annotation_get_created (y));
      g_assert_cmpstr (gloss_annotation_get_modified (x), ==, gloss_annotation_get_modified (y));
      g_assert_true (json_objects_equal (gloss_annotation_get_attributes (x), gloss_annotation_get_attributes (y)));
      if (with_context)
        {
          g_assert_cmpstr (gloss_annotation_get_prefix (x), ==, gloss_annotation_get_prefix (y));
          g_assert_cmpstr (gloss_annotation_get_suffix (x), ==, gloss_annotation_get_suffix (y));
        }
      g_assert_cmpint (gloss_annotation_get_anchor_status (y), ==, GLOSS_ANCHOR_EXACT);
    }
}

static void
test_w3c_round_trip (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_W3C, ALICE, NULL);
  g_autoptr(GlossSidecar) original = load_fixture (ALICE);
  g_autoptr(GlossDocument) article = load_article ();
  g_autoptr(GlossSidecar) imported = NULL;
  g_autoptr(GlossSidecar) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GlossImportOptions options = { 0 };
  JsonObject *info;
  gsize length;

  bytes = gloss_exporter_render (exporter, NULL, &error);
  g_assert_no_error (error);

  options.document = article;
  options.codebook = gloss_sidecar_get_codebook (original);
  imported = gloss_import_w3c (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &options, &error);
  g_assert_no_error (error);
  assert_same_annotations (original, imported, TRUE);
  g_assert_cmpstr (gloss_sidecar_get_annotator_name (imported), ==, "Alice Zhang");

  /* Without the article: positions and the URL are enough. */
  options.document = NULL;
  g_clear_object (&imported);
  imported = gloss_import_w3c (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &options, &error);
  g_assert_no_error (error);
  info = gloss_sidecar_get_document_info (imported);
  g_assert_cmpstr (json_object_get_string_member (info, "url"), ==, "https://news.example.org/2026/water.html");
  g_assert_cmpstr (json_object_get_string_member (info, "source"), ==, "water.html");

  /* What import makes is a valid sidecar. */
  data = gloss_sidecar_to_data (imported, &length);
  reread = gloss_sidecar_new_from_data (data, length, "imported", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reread);
}

static void
test_w3c_choose (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_W3C, ALICE, BOB, NULL);
  g_autoptr(GlossDocument) article = load_article ();
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GlossImportOptions options = { 0 };

  bytes = gloss_exporter_render (exporter, NULL, &error);
  g_assert_no_error (error);

  options.document = article;
  sidecar = gloss_import_w3c (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &options, &error);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "alice, bob"));
  g_assert_null (sidecar);
  g_clear_error (&error);

  options.annotator = "bob";
  sidecar = gloss_import_w3c (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (sidecar)), ==, 1);
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (sidecar), ==, "bob");

  g_clear_object (&sidecar);
  options.annotator = NULL;
  options.source = "https://elsewhere.example.org/";
  sidecar = gloss_import_w3c (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &options, &error);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_EMPTY);
  g_assert_null (sidecar);
}

/* A W3C annotation from another tool: a lone Annotation, no positions, an
 * unknown tag, a bodyValue-less comment; the quote is found in the article. */
static void
test_w3c_foreign (void)
{
  const char *json =
    "{ \"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"http://example.org/anno/1\","
    "  \"type\": \"Annotation\", \"created\": \"2026-01-02T03:04:05Z\","
    "  \"body\": [ { \"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"place\" },"
    "            { \"type\": \"TextualBody\", \"value\": \"checked\" } ],"
    "  \"target\": { \"source\": \"https://news.example.org/2026/water.html\","
    "    \"selector\": { \"type\": \"TextQuoteSelector\", \"exact\": \"周敏\", \"prefix\": \"“我们会按时完成。”\" } } }";
  g_autoptr(GlossDocument) article = load_article ();
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  GlossImportOptions options = { 0 };
  GlossAnnotation *annotation;

  options.document = article;
  options.annotator = "carol";
  sidecar = gloss_import_w3c (json, strlen (json), &options, &error);
  g_assert_no_error (error);

  annotation = gloss_annotation_set_get_nth (gloss_sidecar_get_annotations (sidecar), 0);
  g_assert_cmpstr (gloss_annotation_get_id (annotation), ==, "http://example.org/anno/1");
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "place");
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, 124);
  g_assert_cmpuint (gloss_annotation_get_end (annotation), ==, 126);
  g_assert_cmpstr (gloss_annotation_get_note (annotation), ==, "checked");
  g_assert_nonnull (gloss_codebook_lookup (gloss_sidecar_get_codebook (sidecar), "place"));

  /* No positions and no article: nothing to place it by. */
  g_clear_object (&sidecar);
  options.document = NULL;
  sidecar = gloss_import_w3c (json, strlen (json), &options, &error);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID);
  g_clear_error (&error);

  sidecar = gloss_import_w3c ("[1, 2", 5, &options, &error);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE);
}

static void
test_brat_round_trip (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_BRAT, ALICE, NULL);
  g_autoptr(GlossSidecar) original = load_fixture (ALICE);
  g_autoptr(GlossDocument) article = load_article ();
  g_autoptr(GlossSidecar) imported = NULL;
  g_autoptr(GlossSidecar) with_article = NULL;
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *ann_path = g_build_filename (dir, "mixed.txt.ann", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) ann = g_file_new_for_path (ann_path);
  g_autoptr(GError) error = NULL;
  GlossImportOptions options = { 0 };
  GlossAnnotation *quote;

  g_assert_true (gloss_exporter_write_file (exporter, folder, NULL, &error));
  g_assert_no_error (error);

  options.annotator = "alice";
  imported = gloss_import_file (GLOSS_IMPORT_BRAT, ann, &options, NULL, &error);
  g_assert_no_error (error);
  assert_same_annotations (original, imported, TRUE);
  g_assert_cmpstr (gloss_sidecar_get_document_source (imported), ==, "mixed.txt");

  /* The link (R line) and the note with its line break came back. */
  quote = gloss_annotation_set_lookup (gloss_sidecar_get_annotations (imported), "6f1c2a9e-0000-4000-8000-000000000003");
  g_assert_cmpstr (gloss_annotation_get_attribute (quote, "speaker"), ==, "6f1c2a9e-0000-4000-8000-000000000002");
  g_assert_nonnull (strchr (gloss_annotation_get_note (quote), '\n'));

  /* Against the article itself, with the original codebook. */
  options.document = article;
  options.codebook = gloss_sidecar_get_codebook (original);
  with_article = gloss_import_file (GLOSS_IMPORT_BRAT, ann, &options, NULL, &error);
  g_assert_no_error (error);
  assert_same_annotations (original, with_article, TRUE);
  g_assert_cmpuint (gloss_codebook_get_n_tags (gloss_sidecar_get_codebook (with_article)), ==,
                    gloss_codebook_get_n_tags (gloss_sidecar_get_codebook (original)));

  gloss_test_rm_rf (dir);
}

/* A .ann written by brat itself: discontinuous spans, a binary attribute,
 * an event line Gloss does not model, no Gloss ids. */
static void
test_brat_foreign (void)
{
  const char *text = "Lin said 𠀋 water\nis fine.\n";
  const char *ann =
    "T1\tPerson 0 3\tLin\n"
    "T2\tQuote 11 16;17 25\twater is fine.\n"
    "A1\tNegated T2\n"
    "R1\tSpeaker Arg1:T2 Arg2:T1\n"
    "E1\tSay:T2\n"
    "#1\tAnnotatorNotes T2\tfrom brat\\nsecond\n";
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  GlossImportOptions options = { "dave", NULL, NULL, NULL };
  GlossAnnotation *quote = NULL, *person = NULL;
  GlossAnnotationSet *set;

  sidecar = gloss_import_brat (ann, strlen (ann), text, strlen (text), "story.html.txt", &options, &error);
  g_assert_no_error (error);

  set = gloss_sidecar_get_annotations (sidecar);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);

      if (g_str_equal (gloss_annotation_get_tag (annotation), "Quote"))
        quote = annotation;
      else
        person = annotation;
    }
  g_assert_nonnull (quote);
  g_assert_nonnull (person);
  g_assert_true (g_uuid_string_is_valid (gloss_annotation_get_id (quote)));
  /* Code points: the character outside the BMP counts once. */
  g_assert_cmpuint (gloss_annotation_get_start (quote), ==, 11);
  g_assert_cmpuint (gloss_annotation_get_end (quote), ==, 25);
  g_assert_cmpstr (gloss_annotation_get_text (quote), ==, "water\nis fine.");
  g_assert_cmpstr (gloss_annotation_get_attribute (quote, "Negated"), ==, "true");
  g_assert_cmpstr (gloss_annotation_get_attribute (quote, "Speaker"), ==, gloss_annotation_get_id (person));
  g_assert_cmpstr (gloss_annotation_get_note (quote), ==, "from brat\nsecond");
  g_assert_cmpstr (gloss_sidecar_get_document_source (sidecar), ==, "story.html");
  g_assert_cmpint (gloss_tag_lookup_attribute (gloss_codebook_lookup (gloss_sidecar_get_codebook (sidecar), "Quote"), "Speaker")->type,
                   ==, GLOSS_ATTRIBUTE_LINK);

  g_clear_object (&sidecar);
  sidecar = gloss_import_brat ("T1\tX 0 99\tLin\n", strlen ("T1\tX 0 99\tLin\n"), text, strlen (text), NULL, &options, &error);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID);
  g_assert_null (sidecar);
  g_clear_error (&error);

  sidecar = gloss_import_brat ("R1\tX Arg1:T1 Arg2:T9\n", strlen ("R1\tX Arg1:T1 Arg2:T9\n"), text, strlen (text), NULL, &options, &error);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID);
}

/* gloss-cli export then import, as a user would, and gloss-cli validate agrees. */
/* A name of nothing would become a codebook attribute without an id, and
 * the sidecar written could not be read back (found by fuzz-import). */
static void
test_brat_unnamed (void)
{
  const char *text = "部长 said reform.\n";
  const char *cases[][2] = {
    { "T1\tquote 0 2\t部长\nT2\tofficial 9 15\treform\nR1\t Arg1:T1 Arg2:T2\n", "line 3:" },
    { "T1\tquote 0 2\t部长\nA1\t T1 high\n", "line 2:" },
    { "T1\tquote 0 2\t部长\n#1\tGlossAttribute T1\t=value\n", "line 2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossSidecar) sidecar = NULL;
      g_autoptr(GError) error = NULL;

      sidecar = gloss_import_brat (cases[i][0], strlen (cases[i][0]), text, strlen (text), "x.txt", NULL, &error);
      g_assert_null (sidecar);
      g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, cases[i][1]));
      g_assert_nonnull (strstr (error->message, "needs a name"));
    }
}

/* The same through W3C's gloss:attributes: an attribute named "" linking
 * to another annotation. */
static void
test_w3c_unnamed (void)
{
  const char *json =
    "[ { \"id\": \"a\", \"type\": \"Annotation\","
    "    \"body\": { \"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"quote\" },"
    "    \"gloss:attributes\": { \"\": \"b\" },"
    "    \"target\": { \"selector\": { \"type\": \"TextPositionSelector\", \"start\": 0, \"end\": 2 } } },"
    "  { \"id\": \"b\", \"type\": \"Annotation\","
    "    \"body\": { \"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"person\" },"
    "    \"target\": { \"selector\": { \"type\": \"TextPositionSelector\", \"start\": 3, \"end\": 5 } } } ]";
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;

  sidecar = gloss_import_w3c (json, strlen (json), NULL, &error);
  g_assert_null (sidecar);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“a” has an attribute without a name"));
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("GLOSS_CLI");
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *fixture = gloss_test_data_path ("export", ALICE, NULL);
  g_autofree char *article_from = gloss_test_data_path ("export", "mixed.txt", NULL);
  g_autofree char *article = g_build_filename (dir, "mixed.txt", NULL);
  g_autofree char *w3c = g_build_filename (dir, "out.jsonld", NULL);
  g_autofree char *brat = g_build_filename (dir, "brat", NULL);
  g_autofree char *ann = g_build_filename (brat, "mixed.txt.ann", NULL);
  g_autofree char *from_brat = g_build_filename (dir, "mixed.txt.bratted.gloss.json", NULL);
  g_autofree char *beside = g_build_filename (dir, "mixed.txt.alice.gloss.json", NULL);
  g_autofree char *text = gloss_test_read (article_from, NULL);
  g_autoptr(GlossSidecar) original = load_fixture (ALICE);
  g_autoptr(GError) error = NULL;
  struct { const char *argv[14]; gboolean ok; } runs[] = {
    { { cli, "export", "--format", "w3c", "-o", w3c, fixture, NULL }, TRUE },
    { { cli, "export", "--format", "brat", "-o", brat, fixture, NULL }, TRUE },
    { { cli, "import", "--format", "w3c", "--article", article, "--codebook", fixture, w3c, NULL }, TRUE },
    /* The sidecar exists now: not replaced without --force. */
    { { cli, "import", "--format", "w3c", "--article", article, w3c, NULL }, FALSE },
    { { cli, "import", "--format", "brat", "--annotator", "bratted", "--article", article, "-o", from_brat, ann, NULL }, TRUE },
    { { cli, "validate", beside, from_brat, NULL }, TRUE },
    { { cli, "import", "--format", "brat", w3c, NULL }, FALSE },
  };

  if (cli == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  gloss_test_write (article, text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_spawn_sync (NULL, (char **)runs[i].argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
      g_assert_no_error (error);
      if (g_spawn_check_wait_status (status, NULL) != runs[i].ok)
        g_error ("run %u (%s %s): %s", i, runs[i].argv[1], runs[i].argv[3], err);
      if (!runs[i].ok)
        g_assert_true (g_str_has_prefix (err, "gloss-cli: "));
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (beside);
    g_autoptr(GlossSidecar) imported = gloss_sidecar_load (file, NULL, &error);
    g_autoptr(GlossDocument) document = NULL;
    g_autoptr(GFile) article_file = g_file_new_for_path (article);

    g_assert_no_error (error);
    document = gloss_document_load_file (article_file, NULL, NULL, &error);
    g_assert_no_error (error);
    gloss_sidecar_attach_document (imported, document);
    assert_same_annotations (original, imported, TRUE);
  }

  gloss_test_rm_rf (dir);
}


#define BROKEN_SIDECAR "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [ {"

/* Beside its article the sidecar is written as the window writes it: not
 * over one that cannot be read, even with --force (it was, before import
 * wrote through a GlossSession); not at all in a folder it may not write
 * into, the old file intact; and what does not fit the article is kept. */
static void
test_cli_session (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *fixture = gloss_test_data_path ("export", ALICE, NULL);
  g_autofree char *article_from = gloss_test_data_path ("export", "mixed.txt", NULL);
  g_autofree char *article = g_build_filename (dir, "mixed.txt", NULL);
  g_autofree char *w3c = g_build_filename (dir, "out.jsonld", NULL);
  g_autofree char *beside = g_build_filename (dir, "mixed.txt.alice.gloss.json", NULL);
  g_autofree char *text = gloss_test_read (article_from, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GlossTestRun) run = { 0 };

  gloss_test_write (article, text, -1);
  gloss_test_run_cli (&run, NULL, NULL, "export", "--format", "w3c", "-o", w3c, fixture, NULL);
  g_assert_cmpint (run.status, ==, 0);

  gloss_test_write (beside, BROKEN_SIDECAR, -1);
  gloss_test_run_cli (&run, NULL, NULL, "import", "--format", "w3c", "--article", article, "--force", w3c, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "mixed.txt.alice.gloss.json"));
  after = gloss_test_read (beside, NULL);
  g_assert_cmpstr (after, ==, BROKEN_SIDECAR);
  g_clear_pointer (&after, g_free);

  /* A sidecar that reads is replaced with --force; not in a read-only folder. */
  g_assert_cmpint (g_remove (beside), ==, 0);
  gloss_test_run_cli (&run, NULL, NULL, "import", "--format", "w3c", "--article", article, w3c, NULL);
  g_assert_cmpint (run.status, ==, 0);
  before = gloss_test_read (beside, NULL);
  g_assert_cmpint (g_chmod (beside, 0644), ==, 0);
  g_assert_cmpint (g_chmod (w3c, 0644), ==, 0);
  g_assert_cmpint (g_chmod (article, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  /* Readable: only the writing fails. */
  gloss_test_run_cli_unprivileged (&run, "validate", beside, NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_cli_unprivileged (&run, "import", "--format", "w3c", "--article", article, "--force", w3c, NULL);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "mixed.txt.alice.gloss.json"));
  after = gloss_test_read (beside, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* The article lost a passage the file annotates: kept, orphaned. */
  {
    g_autoptr(GString) shorter = g_string_new (text);
    g_autoptr(GlossSidecar) fixture_sidecar = load_fixture (ALICE);
    GlossAnnotation *first = gloss_annotation_set_get_nth (gloss_sidecar_get_annotations (fixture_sidecar), 0);

    g_assert_cmpuint (g_string_replace (shorter, gloss_annotation_get_text (first), "", 0), >=, 1);
    gloss_test_write (article, shorter->str, -1);
  }
  gloss_test_run_cli (&run, NULL, NULL, "import", "--format", "w3c", "--article", article, "--force", w3c, NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autoptr(GFile) file = g_file_new_for_path (beside);
    g_autoptr(GlossSidecar) imported = gloss_sidecar_load (file, NULL, NULL);
    g_autoptr(GlossSidecar) original = load_fixture (ALICE);

    g_assert_nonnull (imported);
    g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (imported)), ==,
                      gloss_annotation_set_get_size (gloss_sidecar_get_annotations (original)));
    after = gloss_test_read (beside, NULL);
    g_assert_nonnull (strstr (after, "\"anchor\": \"orphaned\""));
  }

  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/w3c/round-trip", test_w3c_round_trip);
  g_test_add_func ("/import/w3c/choose", test_w3c_choose);
  g_test_add_func ("/import/w3c/foreign", test_w3c_foreign);
  g_test_add_func ("/import/brat/round-trip", test_brat_round_trip);
  g_test_add_func ("/import/brat/foreign", test_brat_foreign);
  g_test_add_func ("/import/brat/unnamed", test_brat_unnamed);
  g_test_add_func ("/import/w3c/unnamed", test_w3c_unnamed);
  g_test_add_func ("/import/cli", test_cli);
  g_test_add_func ("/import/cli/session", test_cli_session);

  return g_test_run ();
}
