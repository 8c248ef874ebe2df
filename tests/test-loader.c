/* test-loader.c: decoding text files and loading documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "gloss-document.h"
#include "gloss-charset.h"
#include "gloss-loader.h"

static const char zh_text[] =
  "城市公园绿地面积三年增长两成。\n市民步行十五分钟即可到达一处公园，记者从市园林局获悉。\n";

static char *
fixture_path (const char *dir,
              const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static GBytes *
load (const char *name)
{
  g_autofree char *path = fixture_path ("loader", name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static char *
expected (const char *name)
{
  g_autoptr(GBytes) b = load (name);
  return g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

static void
check_decode (const char *file,
              const char *want_charset,
              const char *want_text)
{
  g_autoptr(GBytes) bytes = load (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *detected = NULL;
  g_autofree char *text = gloss_decode_text (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                             NULL, &detected, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (detected, ==, want_charset);
  g_assert_cmpstr (text, ==, want_text);
}

static void
test_decode_unicode (void)
{
  check_decode ("utf8.txt", "UTF-8", zh_text);
  check_decode ("utf8-bom.txt", "UTF-8", zh_text);
  check_decode ("utf16le.txt", "UTF-16LE", zh_text);
  check_decode ("utf16be.txt", "UTF-16BE", zh_text);
}

static void
test_decode_legacy (void)
{
  g_autofree char *big5 = expected ("big5.expected");
  g_autofree char *sjis = expected ("shift_jis.expected");
  g_autofree char *latin = expected ("windows-1252.expected");

  check_decode ("gb18030.txt", "GB18030", zh_text);
  check_decode ("gbk.txt", "GB18030", zh_text);
  check_decode ("big5.txt", "Big5", big5);
  check_decode ("shift_jis.txt", "Shift_JIS", sjis);
  check_decode ("windows-1252.txt", "windows-1252", latin);
}

static void
test_decode_override (void)
{
  g_autoptr(GBytes) bytes = load ("gbk.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *detected = NULL;
  g_autofree char *text = NULL;
  const guint8 *data = g_bytes_get_data (bytes, NULL);
  gsize len = g_bytes_get_size (bytes);

  /* Named the way pages name it, read with the superset. */
  text = gloss_decode_text (data, len, "gb2312", &detected, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detected, ==, "GB18030");
  g_assert_cmpstr (text, ==, zh_text);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&detected, g_free);

  /* A forced wrong encoding that cannot decode the bytes is an error, not a guess. */
  text = gloss_decode_text (data, len, "UTF-8", &detected, &error);
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING);
  g_assert_null (text);
  g_clear_error (&error);

  text = gloss_decode_text (data, len, "no-such-charset", &detected, &error);
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING);
  g_assert_null (text);
  g_clear_error (&error);

  /* windows-1252 decodes any byte but gives a different text. */
  text = gloss_decode_text (data, len, "windows-1252", &detected, &error);
  if (text != NULL)
    {
      g_assert_cmpstr (detected, ==, "windows-1252");
      g_assert_cmpstr (text, !=, zh_text);
    }
  else
    g_clear_error (&error);
}

static void
test_decode_ascii_and_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *detected = NULL;
  g_autofree char *text = gloss_decode_text ((const guint8 *) "plain", 5, NULL, &detected, &error);
  g_autofree char *empty = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "plain");
  g_assert_cmpstr (detected, ==, "UTF-8");
  empty = gloss_decode_text ((const guint8 *) "", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty, ==, "");
}

static void
test_from_bytes_dispatch (void)
{
  const char *html = "<html><head><title>A page</title></head><body><p>Some paragraph text that is long enough, really.</p></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) as_html = NULL;
  g_autoptr(GlossDocument) as_text = NULL;
  g_autoptr(GlossDocument) sniffed = NULL;
  JsonObject *prov;

  as_html = gloss_document_new_from_bytes (bytes, "page.htm", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (as_html), ==, "A page");
  g_assert_cmpstr (gloss_document_get_text (as_html), ==,
                   "A page\n\nSome paragraph text that is long enough, really.\n");
  prov = gloss_document_get_provenance (as_html);
  g_assert_cmpstr (json_object_get_string_member (prov, "format"), ==, "html");
  {
    g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) html, strlen (html));
    g_assert_cmpstr (json_object_get_string_member (prov, "raw-sha256"), ==, sha);
  }

  /* text/plain keeps the markup as text. */
  as_text = gloss_document_new_from_bytes (bytes, "page.html", "text/plain; charset=utf-8", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (gloss_document_get_text (as_text), "<html>"));

  /* No name, no type: sniffed. */
  sniffed = gloss_document_new_from_bytes (bytes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (sniffed), ==, "A page");
}

static void
test_load_html_file (void)
{
  g_autofree char *path = fixture_path ("html", "zh-gbk.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "山区学校开通远程课堂");
  g_assert_cmpstr (gloss_document_get_encoding (doc), ==, "GB18030");
  g_assert_cmpstr (gloss_document_get_site_name (doc), ==, "示例晚报");
  g_assert_cmpstr (gloss_document_get_published (doc), ==, "2024-05-08T09:30");
  g_assert_cmpstr (gloss_document_get_source (doc), ==, "zh-gbk.html");
  g_assert_true (g_file_equal (gloss_document_get_file (doc), file));
}

static void
test_load_text_file_override (void)
{
  g_autofree char *path = fixture_path ("loader", "big5.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_load_file (file, "Big5", NULL, &error);
  g_autofree char *want = expected ("big5.expected");

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (doc), ==, want);
  g_assert_cmpstr (gloss_document_get_encoding (doc), ==, "Big5");
  g_assert_cmpstr (json_object_get_string_member (gloss_document_get_provenance (doc), "charset-source"),
                   ==, "override");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GlossDocument **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gloss_document_load_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autofree char *path = fixture_path ("loader", "utf16le.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) doc = NULL;

  gloss_document_load_file_async (file, NULL, NULL, load_cb, &doc);
  while (doc == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gloss_document_get_text (doc), ==, zh_text);
  g_assert_cmpstr (gloss_document_get_encoding (doc), ==, "UTF-16LE");
}

static void
test_load_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/gloss/file.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_load_file (file, NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_snapshot_provenance (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-loader-XXXXXX", &error);
  g_autofree char *txt = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *prov = g_build_filename (dir, "article.provenance.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (txt);
  g_autoptr(GlossDocument) doc = NULL;

  g_assert_no_error (error);
  g_file_set_contents (txt, "Title\n\nBody text.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (prov, "{ \"url\": \"https://example.org/a\", \"title\": \"Title\", "
                       "\"retrieved\": \"2024-01-02T03:04:05Z\", \"http-status\": 200 }", -1, &error);
  g_assert_no_error (error);

  doc = gloss_document_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_url (doc), ==, "https://example.org/a");
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "Title");
  g_assert_cmpstr (gloss_document_get_retrieved (doc), ==, "2024-01-02T03:04:05Z");
  g_assert_cmpint (json_object_get_int_member (gloss_document_get_provenance (doc), "http-status"), ==, 200);

  g_unlink (txt);
  g_unlink (prov);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/decode/unicode", test_decode_unicode);
  g_test_add_func ("/loader/decode/legacy", test_decode_legacy);
  g_test_add_func ("/loader/decode/override", test_decode_override);
  g_test_add_func ("/loader/decode/ascii-and-empty", test_decode_ascii_and_empty);
  g_test_add_func ("/loader/from-bytes/dispatch", test_from_bytes_dispatch);
  g_test_add_func ("/loader/file/html", test_load_html_file);
  g_test_add_func ("/loader/file/override", test_load_text_file_override);
  g_test_add_func ("/loader/file/async", test_load_async);
  g_test_add_func ("/loader/file/missing", test_load_missing);
  g_test_add_func ("/loader/file/snapshot-provenance", test_snapshot_provenance);

  return g_test_run ();
}
