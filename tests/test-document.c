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

/* Every starter that some canonical composition takes as its second half
 * must start no segment of its own: checked against all of GLib's Unicode
 * data, so that a GLib with new compositions fails here, not in a user's
 * offsets. */
static void
test_nfc_second_halves (void)
{
  for (gunichar x = 0; x < 0x110000; x++)
    {
      gunichar a, b;

      if (g_unichar_decompose (x, &a, &b) && b != 0)
        {
          if (gloss_unichar_is_nfc_stable (b))
            g_error ("U+%04X composes with U+%04X into U+%04X but is called stable", b, a, x);
        }
    }

  /* And what is called stable is left alone by NFC, and is a starter. */
  for (gunichar c = 1; c < 0x30000; c++)
    {
      char utf8[8];
      int len;
      g_autofree char *nfc = NULL;

      if ((c >= 0xD800 && c < 0xE000) || !gloss_unichar_is_nfc_stable (c))
        continue;
      len = g_unichar_to_utf8 (c, utf8);
      utf8[len] = '\0';
      nfc = g_utf8_normalize (utf8, len, G_NORMALIZE_NFC);
      g_assert_cmpstr (nfc, ==, utf8);
      g_assert_cmpint (g_unichar_combining_class (c), ==, 0);
    }
}

/* The piecewise normalization gives what g_utf8_normalize() gives for the
 * whole text, on random mixtures of the characters that compose, reorder,
 * decompose or split into several. */
static void
test_nfc_matches_glib (void)
{
  static const gunichar palette[] = {
    'a', 'e', 'A', ' ', '\n', 0x00E9, 0x00C5, 0x0301, 0x0308, 0x0323, 0x0334, 0x0345,
    0x212B, 0x2126, 0x0340, 0x0344, 0x0958, 0x093C, 0x0915,
    0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x3131,
    0x09C7, 0x09BE, 0x09D7, 0x0B47, 0x0B3E, 0x0B56, 0x0DD9, 0x0DCF, 0x0DDF, 0x1025, 0x102E,
    0x0F71, 0x0F72, 0x0F73, 0x0F40, 0x0FB5, 0x0FB7, 0x0F90,
    0x304B, 0x3099, 0x304C, 0x309A, 0x30CF, 0xFF76, 0xFF9E,
    0x4E2D, 0x6587, 0x3002, 0xFF0C, 0xF900, 0xFA10, 0x2F800,
    0x05D0, 0x05B4, 0xFB1D, 0x05B7, 0x05BC,
    0x1F6B0, 0x1F3FB, 0x200D, 0x1F469, 0xFE0F, 0x20000,
    0x11099, 0x110BA, 0x1109A, 0x11131, 0x11127, 0x11347, 0x1133E, 0x11357,
    0x114B9, 0x114BA, 0x114B0, 0x115B8, 0x115AF, 0x11935, 0x11930, 0x1D15E, 0x1D165,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *canonical = NULL;
      guint length = g_rand_int_range (rand, 1, round < 19000 ? 12 : 400);

      for (guint i = 0; i < length; i++)
        g_string_append_unichar (text, palette[g_rand_int_range (rand, 0, G_N_ELEMENTS (palette))]);

      expected = g_utf8_normalize (text->str, text->len, G_NORMALIZE_NFC);
      canonical = gloss_document_canonicalize (text->str, text->len, &error);
      g_assert_no_error (error);
      if (g_strcmp0 (canonical, expected) != 0)
        {
          g_autofree char *escaped = g_strescape (text->str, NULL);
          g_error ("NFC of \"%s\" differs from g_utf8_normalize()", escaped);
        }
    }
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
  g_test_add_func ("/document/nfc/second-halves", test_nfc_second_halves);
  g_test_add_func ("/document/nfc/matches-glib", test_nfc_matches_glib);
  g_test_add_func ("/document/canonical/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/document/canonical/embedded-nul", test_embedded_nul);
  g_test_add_func ("/document/empty", test_empty);
  g_test_add_func ("/document/offsets/wide-characters", test_offsets_wide_characters);
  g_test_add_func ("/document/offsets/long-text", test_offsets_long_text);
  g_test_add_func ("/document/sha256", test_sha256);
  g_test_add_func ("/document/provenance", test_provenance);

  return g_test_run ();
}
