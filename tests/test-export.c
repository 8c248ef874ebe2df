/* test-export.c: every export format, checked field by field on a fixture with
 * Chinese text, emoji, a character outside the BMP, a multi-line quote, linked
 * speakers and a note full of CSV and formula traps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <libxml/parser.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"

#define ALICE "mixed.txt.alice.gloss.json"
#define BOB "mixed.txt.bob.gloss.json"
#define MULTI_LINE_QUOTE "Every home gets water 💧,\nand every village too."
#define TRAP_NOTE "=HYPERLINK(\"http://x\"), he said, \"really\"\nsecond line"
#define N_ALICE 8

static char *
render (GlossExporter *exporter,
        gsize         *length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gloss_exporter_render (exporter, NULL, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  if (length)
    *length = size;
  return g_strndup (data, size);
}

static GlossDocument *
load_article (void)
{
  g_autofree char *path = gloss_test_data_path ("export", "mixed.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_document_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static GlossExportRecord *
record_by_suffix (GPtrArray  *records,
                  const char *id_suffix)
{
  for (guint i = 0; i < records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (records, i);

      if (g_str_has_suffix (record->id, id_suffix))
        return record;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
test_records (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_CSV, ALICE, NULL);
  GPtrArray *records = gloss_exporter_get_records (exporter);
  GlossExportRecord *record;
  GlossExportLink *link;

  g_assert_cmpuint (records->len, ==, N_ALICE);

  /* The multi-line quote, its speaker and the note. */
  record = record_by_suffix (records, "003");
  g_assert_cmpstr (record->text, ==, MULTI_LINE_QUOTE);
  g_assert_cmpstr (record->note, ==, TRAP_NOTE);
  g_assert_cmpstr (record->article_title, ==, "城市供水 \"Clean Water\" report 🚰");
  g_assert_cmpstr (record->url, ==, "https://news.example.org/2026/water.html");
  g_assert_cmpstr (record->published, ==, "2026-03-12");
  g_assert_cmpstr (record->source, ==, "mixed.txt");
  g_assert_cmpstr (record->annotator, ==, "alice");
  g_assert_cmpstr (record->tag_label, ==, "Quote");
  g_assert_cmpuint (record->paragraph, ==, 2);
  g_assert_cmpstr (record->sentence, ==, "Mayor 林文华 said: “Every home gets water 💧,\nand every village too.”");
  g_assert_cmpuint (record->links->len, ==, 1);
  link = g_ptr_array_index (record->links, 0);
  g_assert_cmpstr (link->attribute, ==, "speaker");
  g_assert_cmpstr (link->text, ==, "林文华");
  g_assert_cmpstr (link->tag, ==, "official");
  g_assert_cmpstr (json_object_get_string_member (link->attributes, "title"), ==, "Mayor");
  g_assert_cmpstr (json_object_get_string_member (link->attributes, "organization"), ==, "City, \"Water\" Bureau");
  /* One emoji (two UTF-16 units) before it: the UTF-16 start is one more. */
  g_assert_cmpint (record->start_utf16, ==, record->start + 1);
  g_assert_cmpint (record->end_utf16, ==, record->end + 2);

  /* The character outside the BMP starts the quote; the Chinese sentence ends at 。” */
  record = record_by_suffix (records, "006");
  g_assert_cmpstr (record->text, ==, "𠀋字不常见。");
  g_assert_cmpint (record->end_utf16 - record->start_utf16, ==, record->end - record->start + 1);
  g_assert_cmpstr (record->sentence, ==, "她说:“𠀋字不常见。”");
  g_assert_cmpuint (record->paragraph, ==, 3);
  g_assert_cmpuint (record->links->len, ==, 0);

  /* "Dr." does not end the sentence. */
  record = record_by_suffix (records, "008");
  g_assert_cmpstr (record->sentence, ==, "Dr. Hart said the plan was \"=SUM(A1)\" nonsense.");
  link = g_ptr_array_index (record->links, 0);
  g_assert_cmpstr (link->text, ==, "Dr. Hart");
  g_assert_cmpstr (json_object_get_string_member (link->attributes, "role"), ==, "critic");
}

static void
test_filters (void)
{
  const char *quote[] = { "quote", NULL };
  const char *bob[] = { "bob", NULL };
  g_autoptr(GlossExporter) all = exporter_for (GLOSS_EXPORT_JSONL, ALICE, BOB, NULL);
  g_autoptr(GlossExporter) quotes = gloss_exporter_new (GLOSS_EXPORT_JSONL);
  g_autoptr(GlossExporter) only_bob = gloss_exporter_new (GLOSS_EXPORT_JSONL);
  g_autofree char *dir = gloss_test_data_path ("export", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gloss_exporter_get_n_records (all), ==, N_ALICE + 1);

  files = gloss_export_find_sidecars (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);

  gloss_exporter_set_tags (quotes, quote);
  gloss_exporter_set_annotators (only_bob, bob);
  for (guint i = 0; i < files->len; i++)
    {
      g_assert_true (gloss_exporter_add_file (quotes, g_ptr_array_index (files, i), NULL, &error));
      g_assert_true (gloss_exporter_add_file (only_bob, g_ptr_array_index (files, i), NULL, &error));
    }
  g_assert_cmpuint (gloss_exporter_get_n_records (quotes), ==, 4);

  /* "Quotes with speakers": the quote without one is left out. */
  {
    g_autoptr(GlossExporter) linked = gloss_exporter_new (GLOSS_EXPORT_CSV);

    gloss_exporter_set_tags (linked, quote);
    gloss_exporter_set_linked_only (linked, TRUE);
    for (guint i = 0; i < files->len; i++)
      g_assert_true (gloss_exporter_add_file (linked, g_ptr_array_index (files, i), NULL, &error));
    g_assert_cmpuint (gloss_exporter_get_n_records (linked), ==, 3);
  }
  g_assert_cmpuint (gloss_exporter_get_n_records (only_bob), ==, 1);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (((GlossExportRecord *)g_ptr_array_index (gloss_exporter_get_records (quotes), i))->tag, ==, "quote");
}

/* CSV, read back by Python's csv module: a parser that is not ours. */
static JsonArray *
parse_csv (const char *path,
           JsonParser *parser)
{
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
    "    print(json.dumps(list(csv.reader(f, strict=True))))\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 csv failed: %s", err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_array (json_parser_get_root (parser));
}

static const char *
cell (JsonArray  *rows,
      guint       row,
      const char *column)
{
  JsonArray *header = json_array_get_array_element (rows, 0);

  for (guint i = 0; i < json_array_get_length (header); i++)
    if (g_str_equal (json_array_get_string_element (header, i), column))
      return json_array_get_string_element (json_array_get_array_element (rows, row), i);

  g_error ("no column %s", column);
  return NULL;
}

static guint
row_of (JsonArray  *rows,
        const char *id_suffix)
{
  for (guint r = 1; r < json_array_get_length (rows); r++)
    if (g_str_has_suffix (cell (rows, r, "id"), id_suffix))
      return r;

  g_error ("no row %s", id_suffix);
  return 0;
}

static void
test_csv (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_CSV, ALICE, BOB, NULL);
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonArray *rows;
  guint r;

  gloss_exporter_set_bom (exporter, TRUE);
  g_assert_true (gloss_exporter_write_file (exporter, file, NULL, &error));
  g_assert_no_error (error);

  data = gloss_test_read (path, NULL);
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "article_title,"));
  /* RFC 4180 line ends. */
  g_assert_nonnull (strstr (data, "\r\n"));

  rows = parse_csv (path, parser);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + N_ALICE + 1);
  for (guint i = 1; i < json_array_get_length (rows); i++)
    g_assert_cmpuint (json_array_get_length (json_array_get_array_element (rows, i)), ==,
                      json_array_get_length (json_array_get_array_element (rows, 0)));

  r = row_of (rows, "003");
  g_assert_cmpstr (cell (rows, r, "text"), ==, MULTI_LINE_QUOTE);
  /* The formula is neutralised, the rest of the note kept exactly. */
  g_assert_cmpstr (cell (rows, r, "note"), ==, "'" TRAP_NOTE);
  g_assert_cmpstr (cell (rows, r, "speaker"), ==, "林文华");
  g_assert_cmpstr (cell (rows, r, "speaker_title"), ==, "Mayor");
  g_assert_cmpstr (cell (rows, r, "speaker_organization"), ==, "City, \"Water\" Bureau");
  g_assert_cmpstr (cell (rows, r, "speaker_id"), ==, "6f1c2a9e-0000-4000-8000-000000000002");
  g_assert_cmpstr (cell (rows, r, "mode"), ==, "direct");
  g_assert_cmpstr (cell (rows, r, "start"), ==, "46");
  g_assert_cmpstr (cell (rows, r, "paragraph"), ==, "2");
  g_assert_cmpstr (cell (rows, r, "published"), ==, "2026-03-12");
  g_assert_cmpstr (cell (rows, r, "article_title"), ==, "城市供水 \"Clean Water\" report 🚰");

  r = row_of (rows, "008");
  g_assert_cmpstr (cell (rows, r, "text"), ==, "'=SUM(A1)");
  g_assert_cmpstr (cell (rows, r, "note"), ==, "'+1 -1 @x");
  g_assert_cmpstr (cell (rows, r, "speaker_role"), ==, "critic");

  r = row_of (rows, "006");
  g_assert_cmpstr (cell (rows, r, "text"), ==, "𠀋字不常见。");
  g_assert_cmpstr (cell (rows, r, "speaker"), ==, "");

  r = row_of (rows, "101");
  g_assert_cmpstr (cell (rows, r, "annotator"), ==, "bob");
  g_assert_cmpstr (cell (rows, r, "title"), ==, "局长");

  gloss_test_rm_rf (dir);
}

static char *
unzip_member (const char *zip,
              const char *member)
{
  const char *argv[] = { "unzip", "-p", zip, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_xlsx (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_XLSX, ALICE, NULL);
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *unzip = g_find_program_in_path ("unzip");

  if (unzip == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }

  g_assert_true (gloss_exporter_write_file (exporter, file, NULL, &error));
  g_assert_no_error (error);

  sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  strings = unzip_member (path, "xl/sharedStrings.xml");
  styles = unzip_member (path, "xl/styles.xml");

  /* Header row frozen, widths set, text wrapped, no formula anywhere. */
  g_assert_nonnull (strstr (sheet, "ySplit=\"1\""));
  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet, "<cols>"));
  g_assert_nonnull (strstr (sheet, "customWidth=\"1\""));
  g_assert_nonnull (strstr (styles, "wrapText=\"1\""));
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_nonnull (strstr (sheet, "<row r=\"9\""));
  g_assert_null (strstr (sheet, "<row r=\"10\""));

  g_assert_nonnull (strstr (strings, ">article_title<"));
  g_assert_nonnull (strstr (strings, ">speaker_organization<"));
  g_assert_nonnull (strstr (strings, MULTI_LINE_QUOTE));
  g_assert_nonnull (strstr (strings, "𠀋字不常见。"));
  g_assert_nonnull (strstr (strings, ">=SUM(A1)<"));
  g_assert_true (strstr (strings, "City, &quot;Water&quot; Bureau") != NULL ||
                 strstr (strings, "City, \"Water\" Bureau") != NULL);

  gloss_test_rm_rf (dir);
}

/* XML 1.0 holds neither U+FFFE/U+FFFF nor C0 controls but tab and line ends;
 * each part of the workbook must still parse as XML. */
static void
test_xlsx_invalid_xml (void)
{
  static const char sidecar_json[] =
    "{ \"format\": \"gloss\", \"version\": 1,"
    "  \"document\": { \"source\": \"odd.txt\", \"title\": \"odd\\uFFFF title\", \"length\": 20 },"
    "  \"annotator\": { \"id\": \"alice\" },"
    "  \"codebook\": { \"name\": \"c\", \"tags\": [ { \"id\": \"quote\", \"label\": \"Quote\", \"color\": \"#f6d32d\" } ] },"
    "  \"annotations\": [ { \"id\": \"a1\", \"tag\": \"quote\", \"start\": 0, \"end\": 4, \"text\": \"text\","
    "      \"note\": \"before\\uFFFEmiddle\\uFFFFafter\\u0001\\u001Fend 𠀋\","
    "      \"attributes\": { \"odd\\uFFFEname\": \"value\\uFFFF\" } } ] }";
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_XLSX);
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "odd.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  const char *members[] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "docProps/core.xml", "xl/workbook.xml" };

  if (unzip == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }

  sidecar = gloss_sidecar_new_from_data (sidecar_json, strlen (sidecar_json), "odd.txt.alice.gloss.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_exporter_add_sidecar (exporter, sidecar, NULL, NULL, &error));
  g_assert_true (gloss_exporter_write_file (exporter, file, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *xml = unzip_member (path, members[i]);
      xmlDocPtr doc = xmlReadMemory (xml, strlen (xml), members[i], NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

      g_assert_nonnull (doc);
      xmlFreeDoc (doc);
      g_assert_null (strstr (xml, "\xEF\xBF\xBE"));
      g_assert_null (strstr (xml, "\xEF\xBF\xBF"));
    }

  {
    g_autofree char *strings = unzip_member (path, "xl/sharedStrings.xml");

    /* Only the characters XML cannot hold are gone. */
    g_assert_nonnull (strstr (strings, "beforemiddleafterend 𠀋"));
    g_assert_nonnull (strstr (strings, ">oddname<"));
  }

  gloss_test_rm_rf (dir);
}

static void
test_jsonl (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_JSONL, ALICE, BOB, NULL);
  g_autofree char *data = render (exporter, NULL);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] && *lines[i]; i++, n++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *object;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (parser));

      g_assert_true (json_object_has_member (object, "start_utf16"));
      g_assert_true (json_object_has_member (object, "end_utf16"));
      g_assert_true (json_object_has_member (object, "sentence"));

      if (g_str_has_suffix (json_object_get_string_member (object, "id"), "006"))
        {
          g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "𠀋字不常见。");
          g_assert_cmpint (json_object_get_int_member (object, "start"), ==, 133);
          g_assert_cmpint (json_object_get_int_member (object, "start_utf16"), ==, 135);
          g_assert_cmpint (json_object_get_int_member (object, "end_utf16"), ==, 142);
        }
      if (g_str_has_suffix (json_object_get_string_member (object, "id"), "003"))
        {
          JsonObject *speaker = json_object_get_object_member (json_object_get_object_member (object, "links"), "speaker");

          g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, TRAP_NOTE);
          g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, MULTI_LINE_QUOTE);
          g_assert_cmpstr (json_object_get_string_member (speaker, "text"), ==, "林文华");
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (speaker, "attributes"), "title"), ==, "Mayor");
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "attributes"), "mode"), ==, "direct");
        }
    }

  g_assert_cmpuint (n, ==, N_ALICE + 1);

  /* The same bytes through a stream. */
  {
    g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
    g_autoptr(GError) error = NULL;

    g_assert_true (gloss_exporter_write (exporter, stream, NULL, &error));
    g_assert_no_error (error);
    g_output_stream_close (stream, NULL, NULL);
    g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, strlen (data));
    g_assert_cmpint (memcmp (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), data, strlen (data)), ==, 0);
  }
}

static JsonArray *
selectors_of (JsonObject *annotation)
{
  JsonObject *target = json_object_get_object_member (annotation, "target");

  return json_object_get_array_member (target, "selector");
}

/* The rules of the W3C Web Annotation Data Model the export relies on. */
static void
test_w3c (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_W3C, ALICE, NULL);
  g_autoptr(GlossDocument) article = load_article ();
  g_autofree char *data = render (exporter, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *collection, *page;
  JsonArray *context, *items;
  gboolean seen_note = FALSE, seen_link = FALSE;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  collection = json_node_get_object (json_parser_get_root (parser));

  context = json_object_get_array_member (collection, "@context");
  g_assert_cmpstr (json_array_get_string_element (context, 0), ==, "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "AnnotationCollection");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (collection, "id"), "urn:uuid:"));
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, N_ALICE);

  page = json_object_get_object_member (collection, "first");
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");
  g_assert_cmpstr (json_object_get_string_member (page, "partOf"), ==, json_object_get_string_member (collection, "id"));
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, N_ALICE);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *annotation = json_array_get_object_element (items, i);
      JsonArray *selectors = selectors_of (annotation);
      JsonArray *bodies = json_object_get_array_member (annotation, "body");
      JsonObject *creator = json_object_get_object_member (annotation, "creator");
      const char *exact = NULL;
      gint64 start = -1, end = -1;
      guint n_tags = 0;

      g_assert_true (g_str_has_prefix (json_object_get_string_member (annotation, "id"), "urn:uuid:6f1c2a9e-"));
      g_assert_cmpstr (json_object_get_string_member (annotation, "type"), ==, "Annotation");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (annotation, "target"), "source"),
                       ==, "https://news.example.org/2026/water.html");
      g_assert_cmpstr (json_object_get_string_member (creator, "nickname"), ==, "alice");
      g_assert_cmpstr (json_object_get_string_member (creator, "name"), ==, "Alice Zhang");
      g_assert_cmpstr (json_object_get_string_member (annotation, "created"), ==, "2026-11-28T10:00:00Z");
      g_assert_cmpstr (json_object_get_string_member (annotation, "modified"), ==, "2026-11-28T11:30:00Z");

      for (guint b = 0; b < json_array_get_length (bodies); b++)
        {
          JsonObject *body = json_array_get_object_element (bodies, b);
          const char *purpose = json_object_get_string_member (body, "purpose");

          if (g_str_equal (purpose, "tagging"))
            {
              g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "TextualBody");
              n_tags++;
            }
          else if (g_str_equal (purpose, "commenting"))
            {
              g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "TextualBody");
              if (g_str_equal (json_object_get_string_member (body, "value"), TRAP_NOTE))
                seen_note = TRUE;
            }
          else if (g_str_equal (purpose, "linking"))
            {
              /* Only SpecificResources and TextualBodies may have a purpose. */
              g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "SpecificResource");
              g_assert_true (g_str_has_prefix (json_object_get_string_member (body, "source"), "urn:uuid:"));
              seen_link = TRUE;
            }
          else
            g_assert_not_reached ();
        }
      g_assert_cmpuint (n_tags, ==, 1);

      g_assert_cmpuint (json_array_get_length (selectors), ==, 2);
      for (guint s = 0; s < json_array_get_length (selectors); s++)
        {
          JsonObject *selector = json_array_get_object_element (selectors, s);
          const char *type = json_object_get_string_member (selector, "type");

          if (g_str_equal (type, "TextQuoteSelector"))
            exact = json_object_get_string_member (selector, "exact");
          else if (g_str_equal (type, "TextPositionSelector"))
            {
              start = json_object_get_int_member (selector, "start");
              end = json_object_get_int_member (selector, "end");
              g_assert_cmpuint (json_object_get_size (selector), ==, 3);
            }
          else
            g_assert_not_reached ();
        }

      /* Positions count code points and slice the article to exact. */
      g_assert_nonnull (exact);
      g_assert_cmpint (start, >=, 0);
      g_assert_cmpint (end, >=, start);
      {
        g_autofree char *slice = gloss_document_get_slice (article, start, end);
        g_assert_cmpstr (slice, ==, exact);
      }
    }

  g_assert_true (seen_note);
  g_assert_true (seen_link);
}

static void
test_brat (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_BRAT, ALICE, BOB, NULL);
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "brat", "nested", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *txt_path = g_build_filename (out, "mixed.txt.alice.txt", NULL);
  g_autofree char *ann_path = g_build_filename (out, "mixed.txt.alice.ann", NULL);
  g_autofree char *bob_path = g_build_filename (out, "mixed.txt.bob.ann", NULL);
  g_autofree char *txt = NULL;
  g_autofree char *ann = NULL;
  g_autoptr(GlossDocument) text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_t = 0, n_r = 0, n_split = 0;
  gboolean seen_note = FALSE;

  g_assert_null (gloss_exporter_render (exporter, NULL, &error));
  g_assert_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_true (gloss_exporter_write_file (exporter, folder, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (bob_path, G_FILE_TEST_EXISTS));

  txt = gloss_test_read (txt_path, NULL);
  ann = gloss_test_read (ann_path, NULL);
  text = gloss_document_new (txt, -1, &error);
  g_assert_no_error (error);

  lines = g_strsplit (ann, "\n", -1);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (lines[i][0] == 'T')
        {
          g_auto(GStrv) head = g_strsplit (fields[1], " ", 2);
          g_auto(GStrv) fragments = g_strsplit (head[1], ";", -1);
          g_autoptr(GString) joined = g_string_new (NULL);

          g_assert_cmpuint (g_strv_length (fields), ==, 3);
          for (guint f = 0; fragments[f]; f++)
            {
              guint s, e;
              g_autofree char *slice = NULL;

              g_assert_cmpint (sscanf (fragments[f], "%u %u", &s, &e), ==, 2);
              slice = gloss_document_get_slice (text, s, e);
              g_assert_null (strchr (slice, '\n'));
              if (f > 0)
                g_string_append_c (joined, ' ');
              g_string_append (joined, slice);
            }
          /* brat's offsets are characters of the .txt: they slice it to the text field. */
          g_assert_cmpstr (joined->str, ==, fields[2]);
          if (g_strv_length (fragments) > 1)
            {
              g_assert_cmpstr (fields[2], ==, "Every home gets water 💧, and every village too.");
              n_split++;
            }
          n_t++;
        }
      else if (lines[i][0] == 'R')
        {
          g_assert_true (g_str_has_prefix (fields[1], "speaker Arg1:T"));
          n_r++;
        }
      else if (g_str_has_prefix (lines[i], "#") && g_str_has_prefix (fields[1], "AnnotatorNotes"))
        {
          if (g_str_equal (fields[2], "=HYPERLINK(\"http://x\"), he said, \"really\"\\nsecond line"))
            seen_note = TRUE;
        }
      else if (lines[i][0] == 'A')
        g_assert_cmpuint (g_strv_length (fields), ==, 2);
    }

  g_assert_cmpuint (n_t, ==, N_ALICE);
  g_assert_cmpuint (n_r, ==, 3);
  g_assert_cmpuint (n_split, ==, 1);
  g_assert_true (seen_note);
  g_assert_nonnull (strstr (ann, "\tmode T"));
  g_assert_nonnull (strstr (ann, "\ttitle T"));
  g_assert_nonnull (strstr (ann, "\tGlossAttribute T"));

  gloss_test_rm_rf (dir);
}

static void
test_markdown (void)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_MARKDOWN);
  g_autoptr(GlossExporter) by_tag = exporter_for (GLOSS_EXPORT_MARKDOWN, ALICE, NULL);
  const char *quote[] = { "quote", NULL };
  g_autofree char *path = gloss_test_data_path ("export", ALICE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *tagged = NULL;
  const char *mayor, *without, *zhou;

  gloss_exporter_set_tags (exporter, quote);
  g_assert_true (gloss_exporter_add_file (exporter, file, NULL, &error));
  data = render (exporter, NULL);

  mayor = strstr (data, "\n## 林文华, Mayor, City, \"Water\" Bureau\n");
  zhou = strstr (data, "\n## 周敏, 局长\n");
  without = strstr (data, "\n## Without a speaker\n");
  g_assert_nonnull (mayor);
  g_assert_nonnull (zhou);
  g_assert_nonnull (without);
  g_assert_true (without > mayor && without > zhou);
  g_assert_nonnull (strstr (mayor, "\n> Every home gets water 💧,\n> and every village too.\n"));
  g_assert_nonnull (strstr (without, "> 𠀋字不常见。\n"));
  g_assert_nonnull (strstr (data, "2026-03-12"));
  /* Emphasis characters in a note are escaped, lines joined. */
  g_assert_nonnull (strstr (data, "=HYPERLINK(\"http://x\"), he said, \"really\" second line"));

  gloss_exporter_set_group (by_tag, GLOSS_EXPORT_GROUP_TAG);
  tagged = render (by_tag, NULL);
  g_assert_nonnull (strstr (tagged, "\n## Quote\n"));
  g_assert_nonnull (strstr (tagged, "\n## Official\n"));
  g_assert_nonnull (strstr (tagged, "**林文华, Mayor, City, \"Water\" Bureau**"));
}

static void
test_conll (void)
{
  g_autoptr(GlossExporter) exporter = exporter_for (GLOSS_EXPORT_CONLL, ALICE, NULL);
  g_autofree char *data = render (exporter, NULL);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  guint n_sentences = 0, n_b = 0;
  gboolean previous_blank = TRUE;

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (*lines[i] == '\0')
        {
          g_assert_false (previous_blank && lines[i + 1] != NULL && i > 3);
          previous_blank = TRUE;
          continue;
        }
      if (lines[i][0] == '#')
        continue;
      if (previous_blank && !g_str_has_prefix (lines[i], "-DOCSTART-"))
        n_sentences++;
      previous_blank = FALSE;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_true (g_str_equal (fields[1], "O") || g_str_has_prefix (fields[1], "B-") || g_str_has_prefix (fields[1], "I-"));
      if (g_str_has_prefix (fields[1], "B-"))
        n_b++;
    }

  /* Every annotation begins exactly once; nothing here overlaps. */
  g_assert_cmpuint (n_b, ==, N_ALICE);
  g_assert_cmpuint (gloss_exporter_get_left_out (exporter, NULL, NULL), ==, 0);
  /* Title, Mayor…, Critics…, “我们…”, 周敏表示。, 她说…, Dr. Hart… */
  g_assert_cmpuint (n_sentences, ==, 7);
  g_assert_nonnull (strstr (data, "\nClean\tB-program\nWater\tI-program\n"));
  g_assert_nonnull (strstr (data, "\n林\tB-official\n文\tI-official\n华\tI-official\n"));
  g_assert_nonnull (strstr (data, "\n💧\tI-quote\n,\tI-quote\nand\tI-quote\n"));
  g_assert_nonnull (strstr (data, "\n𠀋\tB-quote\n字\tI-quote\n"));
  g_assert_nonnull (strstr (data, "\nDr\tB-person\n.\tI-person\nHart\tI-person\n"));
}

/* BIO holds one tag per token: an annotation nested in another that starts
 * earlier has no token of its own and is not in the CoNLL output; an
 * orphaned one has no place at all.  Both are counted, never silently
 * dropped; brat keeps the nested one (standoff can), not the orphan. */
static void
test_left_out (void)
{
  const char *text = "The mayor said the programme will reach 46 villages.\n";
  g_autoptr(GlossDocument) document = gloss_document_new (text, -1, NULL);
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ("alice", NULL);
  g_autoptr(GlossExporter) conll = gloss_exporter_new (GLOSS_EXPORT_CONLL);
  g_autoptr(GlossExporter) brat = gloss_exporter_new (GLOSS_EXPORT_BRAT);
  g_autoptr(GlossExporter) csv = gloss_exporter_new (GLOSS_EXPORT_CSV);
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "brat", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
  GlossAnnotation *orphan;
  guint unplaced = 99, overlapping = 99;

  gloss_sidecar_attach_document (sidecar, document);
  gloss_annotation_set_create (set, "quote", 0, 52);      /* the whole sentence */
  gloss_annotation_set_create (set, "official", 4, 9);    /* "mayor", inside it */
  gloss_annotation_set_create (set, "statistic", 40, 42); /* "46", inside it too */
  orphan = gloss_annotation_set_create (set, "place", 43, 51);
  gloss_annotation_set_anchor_status (orphan, GLOSS_ANCHOR_ORPHANED);

  g_assert_true (gloss_exporter_add_sidecar (conll, sidecar, document, NULL, &error));
  g_assert_no_error (error);
  data = render (conll, NULL);
  g_assert_nonnull (strstr (data, "\nmayor\tI-quote\n"));
  g_assert_cmpuint (gloss_exporter_get_left_out (conll, &unplaced, &overlapping), ==, 3);
  g_assert_cmpuint (unplaced, ==, 1);
  g_assert_cmpuint (overlapping, ==, 2);

  g_assert_true (gloss_exporter_add_sidecar (brat, sidecar, document, NULL, &error));
  g_assert_true (gloss_exporter_write_file (brat, folder, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_exporter_get_left_out (brat, &unplaced, &overlapping), ==, 1);
  g_assert_cmpuint (unplaced, ==, 1);
  g_assert_cmpuint (overlapping, ==, 0);

  /* A table carries every record. */
  g_assert_true (gloss_exporter_add_sidecar (csv, sidecar, document, NULL, &error));
  g_free (render (csv, NULL));
  g_assert_cmpuint (gloss_exporter_get_left_out (csv, NULL, NULL), ==, 0);

  /* gloss-cli says what it left out, on stderr, and still succeeds. */
  if (g_getenv ("GLOSS_CLI") != NULL)
    {
      g_autofree char *article_path = g_build_filename (dir, "a.txt", NULL);
      g_autofree char *sidecar_path = g_build_filename (dir, "a.txt.alice.gloss.json", NULL);
      g_autofree char *conll_path = g_build_filename (dir, "out.conll", NULL);
      g_autoptr(GFile) article = g_file_new_for_path (article_path);
      g_autoptr(GFile) sidecar_file = g_file_new_for_path (sidecar_path);
      g_autoptr(GlossDocument) on_disk = gloss_document_new (text, -1, NULL);
      g_autoptr(GlossSidecar) saved = gloss_sidecar_new ("alice", NULL);
      g_autofree char *json = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GString) edited = NULL;
      const char *argv[] = { g_getenv ("GLOSS_CLI"), "export", "--format", "conll", "-o", conll_path, sidecar_path, NULL };
      int status;

      gloss_test_write (article_path, text, -1);
      gloss_document_set_file (on_disk, article);
      gloss_document_set_source (on_disk, "a.txt");
      gloss_sidecar_attach_document (saved, on_disk);
      gloss_annotation_set_create (gloss_sidecar_get_annotations (saved), "quote", 0, 52);
      gloss_annotation_set_create (gloss_sidecar_get_annotations (saved), "official", 4, 9);
      gloss_annotation_set_create (gloss_sidecar_get_annotations (saved), "place", 43, 51);
      g_assert_true (gloss_sidecar_save (saved, sidecar_file, GLOSS_SIDECAR_SAVE_NONE, &error));
      g_assert_no_error (error);
      /* The place's text is nowhere in the article any more: an orphan. */
      json = gloss_test_read (sidecar_path, NULL);
      edited = g_string_new (json);
      g_assert_cmpuint (g_string_replace (edited, "\"text\": \"villages\"", "\"text\": \"Xyzzy plugh frobozz quux\"", 1), ==, 1);
      gloss_test_write (sidecar_path, edited->str, -1);

      g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, NULL, &err, &status, &error);
      g_assert_no_error (error);
      g_test_message ("gloss-cli said: %s", err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_test (conll_path, G_FILE_TEST_EXISTS));
      g_assert_nonnull (strstr (err, "warning: 1 annotation has no place in its article"));
      g_assert_nonnull (strstr (err, "warning: 1 annotation lies inside another that starts earlier"));
    }

  gloss_test_rm_rf (dir);
}

/* Writes a.txt (short) and b.txt (long) with one annotation each in @dir. */
static void
write_two_articles (const char *dir)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  const char *texts[2];

  while (long_text->len < 16 * 1024)
    g_string_append (long_text, "The harbor opened on Monday after three years of work. ");
  g_string_append_c (long_text, '\n');
  texts[0] = "The mayor opened the harbor.\n";
  texts[1] = long_text->str;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c.txt", 'a' + i);
      g_autofree char *article_path = g_build_filename (dir, name, NULL);
      g_autofree char *sidecar_path = g_strconcat (article_path, ".alice.gloss.json", NULL);
      g_autoptr(GFile) article = g_file_new_for_path (article_path);
      g_autoptr(GFile) sidecar_file = g_file_new_for_path (sidecar_path);
      g_autoptr(GlossDocument) document = gloss_document_new (texts[i], -1, NULL);
      g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ("alice", NULL);
      g_autoptr(GError) error = NULL;

      gloss_test_write (article_path, texts[i], -1);
      gloss_document_set_file (document, article);
      gloss_document_set_source (document, name);
      gloss_sidecar_attach_document (sidecar, document);
      gloss_annotation_set_create (gloss_sidecar_get_annotations (sidecar), "official", 4, 9);
      g_assert_true (gloss_sidecar_save (sidecar, sidecar_file, GLOSS_SIDECAR_SAVE_NONE, &error));
      g_assert_no_error (error);
    }
}

/* The child: exports both articles to brat with a file-size limit that the
 * long article's .txt exceeds, after the short one's files were written. */
static void
brat_full_disk_child (void)
{
  const char *dir = g_getenv ("GLOSS_TEST_EXPORT_DIR");
  g_autofree char *out = g_build_filename (dir, "brat", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_BRAT);
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 8192, 8192 };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c.txt.alice.gloss.json", 'a' + i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (gloss_exporter_add_file (exporter, file, NULL, &error));
      g_assert_no_error (error);
    }

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (gloss_exporter_write_file (exporter, folder, NULL, &error));
  g_assert_nonnull (error);
  g_printerr ("export failed as expected: %s\n", error->message);
}

/* A new brat folder appears whole or not at all. */
static void
test_brat_full_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  if (g_test_subprocess ())
    {
      brat_full_disk_child ();
      return;
    }

  dir = gloss_test_make_tmpdir ();
  out = g_build_filename (dir, "brat", NULL);
  write_two_articles (dir);

  g_setenv ("GLOSS_TEST_EXPORT_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*export failed as expected*");

  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (strstr (name, "partial") != NULL);

  gloss_test_rm_rf (dir);
}

static void
test_missing_article (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *from = gloss_test_data_path ("export", ALICE, NULL);
  g_autofree char *to = g_build_filename (dir, ALICE, NULL);
  g_autofree char *data = gloss_test_read (from, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (to);
  g_autoptr(GlossExporter) brat = gloss_exporter_new (GLOSS_EXPORT_BRAT);
  g_autoptr(GlossExporter) csv = gloss_exporter_new (GLOSS_EXPORT_CSV);
  g_autoptr(GError) error = NULL;
  GlossExportRecord *record;

  gloss_test_write (to, data, -1);

  g_assert_false (gloss_exporter_add_file (brat, file, NULL, &error));
  g_assert_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_NO_ARTICLE);
  g_clear_error (&error);

  /* A table does without: the stored text, no context. */
  g_assert_true (gloss_exporter_add_file (csv, file, NULL, &error));
  g_assert_no_error (error);
  record = record_by_suffix (gloss_exporter_get_records (csv), "003");
  g_assert_cmpstr (record->text, ==, MULTI_LINE_QUOTE);
  g_assert_null (record->sentence);
  g_assert_cmpint (record->start_utf16, ==, -1);
  g_assert_cmpuint (record->paragraph, ==, 0);

  gloss_test_rm_rf (dir);
}

static void
test_sentences (void)
{
  struct { const char *text; const char *first; } cases[] = {
    { "One. Two.", "One." },
    { "Pi is 3.14 today. Next.", "Pi is 3.14 today." },
    { "他说:“好。”然后走了。", "他说:“好。”" },
    { "Mr. Smith left! Then", "Mr. Smith left!" },
    { "line one\nline two\n\npara", "line one\nline two" },
    { "Wait?! Yes", "Wait?!" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *text = cases[i].text;
      const char *end = gloss_export_sentence_end (text, text + strlen (text));
      g_autofree char *first = g_strndup (text, end - text);

      g_assert_cmpstr (first, ==, cases[i].first);
    }

  /* In the CSV's sentence column: the quote with its attribution, whichever
   * of the two is annotated; a sentence after a quote that is no attribution
   * stays apart. */
  {
    struct { const char *text; guint start, end; const char *sentence; } quotes[] = {
      { "第一段。\n\n“我们会做好。”谢铭俊说。他随后离开。", 7, 13, "“我们会做好。”谢铭俊说。" },
      { "第一段。\n\n“我们会做好。”谢铭俊说。他随后离开。", 14, 17, "“我们会做好。”谢铭俊说。" },
      { "“水是生命！”他对记者表示。下一句。", 1, 6, "“水是生命！”他对记者表示。" },
      { "\"We are ready.\" Mayor Lin said. Next.", 1, 14, "\"We are ready.\" Mayor Lin said." },
      { "他说:“好。”然后走了。", 4, 6, "他说:“好。”" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
      {
        g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_CSV);
        g_autoptr(GlossDocument) document = NULL;
        g_autoptr(GlossSidecar) sidecar = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *csv = NULL;
        g_autofree char *quoted = NULL;
        g_autofree char *covered = g_utf8_substring (quotes[i].text, quotes[i].start, quotes[i].end);
        g_autofree char *sidecar_json = g_strdup_printf (
          "{ \"format\": \"gloss\", \"version\": 1, \"document\": { \"source\": \"q.txt\" },"
          "  \"annotator\": { \"id\": \"alice\" },"
          "  \"codebook\": { \"name\": \"c\", \"tags\": [ { \"id\": \"quote\", \"label\": \"Quote\", \"color\": \"#f6d32d\" } ] },"
          "  \"annotations\": [ { \"id\": \"q1\", \"tag\": \"quote\", \"start\": %u, \"end\": %u, \"text\": \"%s\" } ] }",
          quotes[i].start, quotes[i].end, covered);
        GlossExportRecord *record;

        document = gloss_document_new (quotes[i].text, -1, &error);
        g_assert_no_error (error);
        sidecar = gloss_sidecar_new_from_data (sidecar_json, strlen (sidecar_json), "q.txt.alice.gloss.json", NULL, &error);
        g_assert_no_error (error);
        g_assert_true (gloss_exporter_add_sidecar (exporter, sidecar, document, NULL, &error));
        g_assert_no_error (error);
        record = g_ptr_array_index (gloss_exporter_get_records (exporter), 0);
        g_assert_cmpstr (record->sentence, ==, quotes[i].sentence);
        csv = render (exporter, NULL);
        quoted = strchr (quotes[i].sentence, '"') ? NULL : g_strdup_printf (",%s,", quotes[i].sentence);
        if (quoted != NULL)
          g_assert_nonnull (strstr (csv, quoted));
      }
  }
}

/* The CLI: a bad input among good ones, and nothing is written. */
static void
test_cli (void)
{
  const char *cli = g_getenv ("GLOSS_CLI");
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *data_dir = gloss_test_data_path ("export", NULL);
  g_autofree char *out = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *bad_dir = g_build_filename (dir, "corpus", NULL);
  g_autofree char *bad = g_build_filename (bad_dir, "broken.txt.carol.gloss.json", NULL);
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  {
    const char *argv[] = { cli, "export", "--format", "jsonl", "--tag", "quote", "--annotator", "alice", data_dir, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &stdout_text, &stderr_text, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    {
      g_auto(GStrv) lines = g_strsplit (stdout_text, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 4 + 1);
    }
    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
  }

  g_mkdir (bad_dir, 0700);
  gloss_test_write (bad, "{ \"format\": \"gloss\", ", -1);
  {
    const char *argv[] = { cli, "export", "--format", "csv", "-o", out, data_dir, bad_dir, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &stdout_text, &stderr_text, &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (stderr_text, "gloss-cli: "));
    g_assert_nonnull (strstr (stderr_text, "broken.txt.carol.gloss.json"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
  }

  {
    const char *argv[] = { cli, "export", "--format", "xlsx", data_dir, NULL };

    /* A workbook is no text for a terminal. */
    g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &stdout_text, &stderr_text, &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (stdout_text, ==, "");
  }

  gloss_test_rm_rf (dir);
}

/* The table of formats is the one list: every row can be written, and what
 * an importer exists for reads back to the same annotations. */
static void
test_every_format (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *sidecar_path = gloss_test_data_path ("export", ALICE, NULL);
  g_autoptr(GFile) sidecar_file = g_file_new_for_path (sidecar_path);
  g_autoptr(GlossDocument) article = load_article ();
  g_autoptr(GlossSidecar) original = NULL;
  g_autoptr(GError) error = NULL;
  const GlossExportFormatInfo *info;
  guint n_formats = 0, n_read_back = 0;

  original = gloss_sidecar_load (sidecar_file, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; (info = gloss_export_format_get_info (i)) != NULL; i++)
    {
      g_autoptr(GlossExporter) exporter = exporter_for (info->format, ALICE, NULL);
      g_autofree char *name = info->extension ? g_strdup_printf ("out.%s", info->extension) : g_strdup ("out-folder");
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) destination = g_file_new_for_path (path);
      g_autoptr(GlossSidecar) back = NULL;
      GlossImportFormat import_format;
      GlossImportOptions options = { "alice", NULL, article, NULL };
      GListModel *annotations;
      guint n_placed = 0;

      g_test_message ("format %s", info->id);
      g_assert_cmpint (info->format, ==, i);
      g_assert_nonnull (info->id);
      g_assert_nonnull (info->label);
      g_assert_true ((info->write == NULL) != (info->write_folder == NULL));
      g_assert_true ((info->extension == NULL) == gloss_export_format_is_folder (info->format));
      {
        GlossExportFormat parsed;

        g_assert_true (gloss_export_format_from_string (info->id, &parsed));
        g_assert_cmpint (parsed, ==, info->format);
      }

      g_assert_true (gloss_exporter_write_file (exporter, destination, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, gloss_export_format_is_folder (info->format) ? G_FILE_TEST_IS_DIR : G_FILE_TEST_IS_REGULAR));
      if (gloss_export_format_is_text (info->format))
        {
          gsize length;
          g_autofree char *text = render (exporter, &length);

          g_assert_cmpuint (length, >, 0);
          g_assert_true (g_utf8_validate (text, length, NULL));
        }
      n_formats++;

      if (!gloss_import_format_from_string (info->id, &import_format))
        continue;

      if (gloss_export_format_is_folder (info->format))
        {
          g_autoptr(GDir) folder = g_dir_open (path, 0, NULL);
          const char *child;

          g_assert_nonnull (folder);
          while ((child = g_dir_read_name (folder)) != NULL)
            if (g_str_has_suffix (child, ".ann"))
              {
                g_autofree char *ann = g_build_filename (path, child, NULL);
                g_autoptr(GFile) ann_file = g_file_new_for_path (ann);

                back = gloss_import_file (import_format, ann_file, &options, NULL, &error);
              }
        }
      else
        back = gloss_import_file (import_format, destination, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);

      /* Every annotation with a place in the text comes back with its tag and span. */
      annotations = G_LIST_MODEL (gloss_sidecar_get_annotations (original));
      for (guint k = 0; k < g_list_model_get_n_items (annotations); k++)
        {
          g_autoptr(GlossAnnotation) a = g_list_model_get_item (annotations, k);
          GListModel *read = G_LIST_MODEL (gloss_sidecar_get_annotations (back));
          gboolean found = FALSE;

          if (gloss_annotation_get_anchor_status (a) == GLOSS_ANCHOR_ORPHANED ||
              gloss_annotation_get_start (a) == gloss_annotation_get_end (a))
            continue;
          n_placed++;
          for (guint m = 0; m < g_list_model_get_n_items (read) && !found; m++)
            {
              g_autoptr(GlossAnnotation) b = g_list_model_get_item (read, m);

              found = g_str_equal (gloss_annotation_get_tag (a), gloss_annotation_get_tag (b)) &&
                      gloss_annotation_get_start (a) == gloss_annotation_get_start (b) &&
                      gloss_annotation_get_end (a) == gloss_annotation_get_end (b) &&
                      g_strcmp0 (gloss_annotation_get_text (a), gloss_annotation_get_text (b)) == 0;
            }
          g_assert_true (found);
        }
      g_assert_cmpuint (n_placed, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_sidecar_get_annotations (back))), ==, n_placed);
      n_read_back++;
    }

  g_assert_cmpuint (n_formats, ==, GLOSS_EXPORT_N_FORMATS);
  g_assert_cmpuint (n_read_back, ==, 2);

  /* `gloss-cli export --help` lists the same table. */
  if (g_getenv ("GLOSS_CLI") != NULL)
    {
      const char *argv[] = { g_getenv ("GLOSS_CLI"), "export", "--help", NULL };
      g_autofree char *help = NULL;
      int status;

      g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &help, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      for (guint i = 0; (info = gloss_export_format_get_info (i)) != NULL; i++)
        {
          g_autofree char *line = g_strdup_printf ("  %-6s %s", info->id, info->label);

          g_assert_nonnull (strstr (help, line));
          if (info->cannot_hold != NULL)
            g_assert_nonnull (strstr (help, info->cannot_hold));
        }
    }
  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/records", test_records);
  g_test_add_func ("/export/filters", test_filters);
  g_test_add_func ("/export/sentences", test_sentences);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/xlsx", test_xlsx);
  g_test_add_func ("/export/xlsx-invalid-xml", test_xlsx_invalid_xml);
  g_test_add_func ("/export/jsonl", test_jsonl);
  g_test_add_func ("/export/w3c", test_w3c);
  g_test_add_func ("/export/brat", test_brat);
  g_test_add_func ("/export/brat-full-disk", test_brat_full_disk);
  g_test_add_func ("/export/markdown", test_markdown);
  g_test_add_func ("/export/conll", test_conll);
  g_test_add_func ("/export/left-out", test_left_out);
  g_test_add_func ("/export/missing-article", test_missing_article);
  g_test_add_func ("/export/cli", test_cli);
  g_test_add_func ("/export/every-format", test_every_format);

  return g_test_run ();
}
