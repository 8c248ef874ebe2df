/* test-diff.c: the diff between two versions, checked against a brute-force oracle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-diff.h"

/* Every block really is common, blocks are in order and maximal. */
static void
assert_valid (const gunichar *a,
              guint           n,
              const gunichar *b,
              guint           m,
              GArray         *blocks,
              guint          *matched)
{
  guint end_a = 0, end_b = 0;

  *matched = 0;
  for (guint i = 0; i < blocks->len; i++)
    {
      const GlossDiffBlock *block = &g_array_index (blocks, GlossDiffBlock, i);

      g_assert_cmpuint (block->length, >, 0);
      g_assert_cmpuint (block->old_start, >=, end_a);
      g_assert_cmpuint (block->new_start, >=, end_b);
      g_assert (i == 0 || block->old_start > end_a || block->new_start > end_b);
      g_assert_cmpuint (block->old_start + block->length, <=, n);
      g_assert_cmpuint (block->new_start + block->length, <=, m);
      g_assert (memcmp (a + block->old_start, b + block->new_start, block->length * sizeof (gunichar)) == 0);
      end_a = block->old_start + block->length;
      end_b = block->new_start + block->length;
      *matched += block->length;
    }
}

static guint
lcs_length (const gunichar *a,
            guint           n,
            const gunichar *b,
            guint           m)
{
  g_autofree guint *row = g_new0 (guint, m + 1);

  for (guint i = 1; i <= n; i++)
    {
      guint diagonal = 0;

      for (guint j = 1; j <= m; j++)
        {
          guint above = row[j];

          row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : MAX (row[j], row[j - 1]);
          diagonal = above;
        }
    }
  return row[m];
}

static const gunichar alphabet[] = { 'a', 'b', 'c', 0x4E2D /* 中 */, 0x2000B /* 𠀋 */, 0x1F600 /* 😀, a symbol: a word boundary */, ' ', '\n', '.' };

static guint
random_text (GRand    *rand,
             gunichar *out,
             guint     length,
             guint     letters)
{
  for (guint i = 0; i < length; i++)
    out[i] = alphabet[g_rand_int_range (rand, 0, letters)];
  return length;
}

/* Random edits of a random text; without separators the diff is a pure
 * Myers diff and must be as long as the longest common subsequence. */
static void
test_random_oracle (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  for (guint round = 0; round < 3000; round++)
    {
      gunichar a[80], b[200];
      gboolean separators = round % 2 == 1;
      guint letters = separators ? G_N_ELEMENTS (alphabet) : 5;
      guint n = random_text (rand, a, g_rand_int_range (rand, 0, 60), letters);
      guint m = 0, matched = 0;
      g_autoptr(GArray) blocks = NULL;

      /* b: a with a few insertions, deletions and replacements. */
      for (guint i = 0; i < n; i++)
        {
          guint r = g_rand_int_range (rand, 0, 20);

          if (r == 0)
            continue;
          if (r == 1)
            m += random_text (rand, b + m, g_rand_int_range (rand, 1, 4), letters);
          if (r == 2)
            {
              m += random_text (rand, b + m, 1, letters);
              continue;
            }
          b[m++] = a[i];
        }

      blocks = gloss_diff_code_points (a, n, b, m);
      assert_valid (a, n, b, m, blocks, &matched);
      if (!separators)
        g_assert_cmpuint (matched, ==, lcs_length (a, n, b, m));
      else
        g_assert_cmpuint (matched, <=, lcs_length (a, n, b, m));
    }
}

/* Repeated lines, one copy edited: the other copies keep their places. */
static void
test_repeated_lines (void)
{
  GString *old = g_string_new (NULL);
  GString *new = g_string_new (NULL);
  g_autoptr(GArray) blocks = NULL;
  guint starts[50];
  GlossDiffSpan span;

  for (guint i = 0; i < 50; i++)
    {
      g_string_append_printf (old, "Line %u.\n", i);
      starts[i] = old->len;  /* ASCII: bytes are code points */
      g_string_append (old, "The same passage again.\n");
      g_string_append_printf (new, "Line %u.\n%s\n", i, i == 20 ? "The same passage, edited." : "The same passage again.");
    }
  blocks = gloss_diff_texts (old->str, new->str);

  for (guint i = 0; i < 50; i++)
    {
      guint end = starts[i] + strlen ("The same passage again.");
      gboolean mapped = gloss_diff_map_span (blocks, starts[i], end, &span);

      g_assert_true (mapped);
      if (i == 20)
        g_assert_false (span.untouched);
      else
        {
          /* Every untouched copy maps onto itself; after the edit, two later. */
          g_assert_true (span.untouched);
          g_assert_cmpuint (span.start, ==, starts[i] + (i > 20 ? 2 : 0));
        }
    }
  g_string_free (old, TRUE);
  g_string_free (new, TRUE);
}

static void
map (const char    *old_text,
     const char    *new_text,
     guint          start,
     guint          end,
     GlossDiffSpan *span,
     gboolean       expect)
{
  g_autoptr(GArray) blocks = gloss_diff_texts (old_text, new_text);

  g_assert_cmpint (gloss_diff_map_span (blocks, start, end, span), ==, expect);
}

static void
test_boundaries (void)
{
  GlossDiffSpan span;

  /* "water" is 4–9 in "The water is cold". */
  map ("The water is cold", "The XYwater is cold", 4, 9, &span, TRUE);
  g_assert_true (span.untouched);
  g_assert_cmpuint (span.start, ==, 6);
  g_assert_cmpuint (span.end, ==, 11);

  map ("The water is cold", "The waterXY is cold", 4, 9, &span, TRUE);
  g_assert_true (span.untouched);
  g_assert_cmpuint (span.start, ==, 4);

  /* Inserted inside: the whole span survives but is no longer one piece. */
  map ("The water is cold", "The watXer is cold", 4, 9, &span, TRUE);
  g_assert_false (span.untouched);
  g_assert_cmpuint (span.survived, ==, 5);
  g_assert_cmpuint (span.start, ==, 4);
  g_assert_cmpuint (span.end, ==, 10);

  /* The first character replaced: four of five survive. */
  map ("The water is cold", "The Water is cold", 4, 9, &span, TRUE);
  g_assert_false (span.untouched);
  g_assert_cmpuint (span.survived, ==, 4);
  g_assert_cmpuint (span.start, ==, 5);
  g_assert_cmpuint (span.end, ==, 9);

  /* Inside a replaced block: nothing survives. */
  map ("The water is cold", "The milk is cold", 4, 9, &span, FALSE);

  /* Empty spans map where their position survives. */
  map ("ab cd", "xab cd", 2, 2, &span, TRUE);
  g_assert_cmpuint (span.start, ==, 3);
}

static void
test_astral (void)
{
  GlossDiffSpan span;

  /* 😀 and 𠀋 are one code point each (two UTF-16 units, four bytes). */
  map ("😀 said 𠀋𠀋 today", "Yesterday 😀😀 said 𠀋𠀋 today", 7, 9, &span, TRUE);
  g_assert_true (span.untouched);
  g_assert_cmpuint (span.start, ==, 18);
}

/* 200 000 code points without a space or a line break, 300 edits: too many
 * for Myers under its cap, so unique runs anchor the diff. */
static void
test_unseparated (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  guint n = 200000, m = 0, matched = 0;
  g_autofree gunichar *a = g_new (gunichar, n);
  g_autofree gunichar *b = g_new (gunichar, n + 300 * 5);
  g_autoptr(GArray) blocks = NULL;

  for (guint i = 0; i < n; i++)
    a[i] = 0x4E00 + g_rand_int_range (rand, 0, 3000);
  for (guint i = 0; i < n; i++)
    {
      if (g_rand_int_range (rand, 0, n / 300) == 0)
        {
          for (guint k = 0; k < 5; k++)
            b[m++] = 0x4E00 + g_rand_int_range (rand, 0, 3000);
          continue;
        }
      b[m++] = a[i];
    }

  blocks = gloss_diff_code_points (a, n, b, m);
  assert_valid (a, n, b, m, blocks, &matched);
  g_assert_cmpuint (matched, >=, n - 400);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/random-oracle", test_random_oracle);
  g_test_add_func ("/diff/repeated-lines", test_repeated_lines);
  g_test_add_func ("/diff/boundaries", test_boundaries);
  g_test_add_func ("/diff/astral", test_astral);
  g_test_add_func ("/diff/unseparated", test_unseparated);

  return g_test_run ();
}
