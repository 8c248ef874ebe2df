/* test-document.c: canonical text and code-point offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-document.h"

static void
test_canonical_line_ends (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new ("\xEF\xBB\xBF" "a\r\nb\rc\n\r\nd", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (document), ==, "a\nb\nc\n\nd");
  g_assert_cmpuint (gloss_document_get_length (document), ==, 8);
}

static void
test_canonical_nfc (void)
{
  g_autoptr(GError) error = NULL;
  /* "e" + COMBINING ACUTE ACCENT composes to one code point, U+00E9. */
  g_autoptr(GlossDocument) document = gloss_document_new ("caf" "e\xCC\x81", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_text (document), ==, "caf\xC3\xA9");
  g_assert_cmpuint (gloss_document_get_length (document), ==, 4);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new ("ok \xC3\x28 bad", -1, &error);

  g_assert_null (document);
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 3"));
}

static void
test_embedded_nul (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new ("ab\0cd", 5, &error);

  g_assert_null (document);
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new ("", 0, &error);
  g_autofree char *slice = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_length (document), ==, 0);
  g_assert_cmpuint (gloss_document_pointer_to_offset (document, gloss_document_get_text (document)), ==, 0);
  slice = gloss_document_get_slice (document, 0, 10);
  g_assert_cmpstr (slice, ==, "");
  g_assert_cmpint (gloss_document_find (document, "x", 0), ==, -1);
}

static void
test_offsets_wide_characters (void)
{
  /* Latin, CJK (3 bytes), emoji (4 bytes, outside the BMP), a rare CJK
   * Extension B character (4 bytes, outside the BMP). */
  const char *text = "Hi 你好 😀 𠀋 end";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new (text, -1, &error);
  g_autofree char *emoji = NULL;
  g_autofree char *rare = NULL;
  g_autofree char *end = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_length (document), ==, 13);
  g_assert_cmpuint (gloss_document_get_byte_length (document), ==, strlen (text));

  emoji = gloss_document_get_slice (document, 6, 7);
  g_assert_cmpstr (emoji, ==, "😀");
  rare = gloss_document_get_slice (document, 8, 9);
  g_assert_cmpstr (rare, ==, "𠀋");
  end = gloss_document_get_slice (document, 9, 13);
  g_assert_cmpstr (end, ==, " end");

  g_assert_cmpint (gloss_document_find (document, "𠀋", 0), ==, 8);
  g_assert_cmpint (gloss_document_find (document, "end", 0), ==, 10);
  g_assert_cmpint (gloss_document_find (document, "Hi", 1), ==, -1);
}

static void
test_offsets_long_text (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  const char *pieces[] = { "a", "é", "中", "😀", "\n", "𠀋" };
  GRand *rand = g_rand_new_with_seed (42);
  gsize length = 0;

  /* Much longer than the index stride, mixing 1- to 4-byte characters. */
  for (guint i = 0; i < 20000; i++)
    {
      g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      length++;
    }

  document = gloss_document_new (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_length (document), ==, length);

  for (guint i = 0; i < 2000; i++)
    {
      gsize offset = g_rand_int_range (rand, 0, length + 1);
      const char *expected = g_utf8_offset_to_pointer (gloss_document_get_text (document), offset);
      const char *pointer = gloss_document_offset_to_pointer (document, offset);

      g_assert_true (pointer == expected);
      g_assert_cmpuint (gloss_document_pointer_to_offset (document, pointer), ==, offset);
    }

  g_rand_free (rand);
  g_string_free (text, TRUE);
}

static void
test_sha256 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_document_new ("x\r\ny", -1, &error);
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "x\ny", -1);

  g_assert_no_error (error);
  /* The hash is of the canonical text, not of the bytes given. */
  g_assert_cmpstr (gloss_document_get_sha256 (document), ==, expected);
}

static void
test_provenance (void)
{
  g_autoptr(GlossDocument) document = gloss_document_new ("t", -1, NULL);

  g_assert_null (gloss_document_get_title (document));
  gloss_document_set_title (document, "标题");
  gloss_document_set_url (document, "https://example.org/a");
  g_assert_cmpstr (gloss_document_get_title (document), ==, "标题");
  g_assert_cmpstr (gloss_document_get_url (document), ==, "https://example.org/a");
  gloss_document_set_title (document, NULL);
  g_assert_null (gloss_document_get_title (document));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/canonical/line-ends", test_canonical_line_ends);
  g_test_add_func ("/document/canonical/nfc", test_canonical_nfc);
  g_test_add_func ("/document/canonical/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/document/canonical/embedded-nul", test_embedded_nul);
  g_test_add_func ("/document/empty", test_empty);
  g_test_add_func ("/document/offsets/wide-characters", test_offsets_wide_characters);
  g_test_add_func ("/document/offsets/long-text", test_offsets_long_text);
  g_test_add_func ("/document/sha256", test_sha256);
  g_test_add_func ("/document/provenance", test_provenance);

  return g_test_run ();
}
