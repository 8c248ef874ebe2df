/* test-article-print.c: Ctrl+P's printout of a long article, read back from its PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation-set.h"
#include "gloss-article-print.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

#define N_PARAGRAPHS 120

/* The text of page @page (from 1) as pdftotext reads it. */
static char *
page_text (const char *pdftotext,
           const char *pdf,
           int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) pdftotext, "-enc", "UTF-8", "-f", first, "-l", first,
                                                  (char *) pdf, "-", NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Every paragraph on exactly one page, in order, none lost or printed twice
 * at a page break; each page says its number and the article's title. */
static void
test_pages (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GString) text = g_string_new ("Harbour works: a long report\n\n");
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GError) error = NULL;
  int n_pages = 0, next = 1;

  for (int i = 1; i <= N_PARAGRAPHS; i++)
    {
      guint start = g_utf8_strlen (text->str, -1);

      g_string_append_printf (text, "Paragraph %03d: 第%d段，港口工程按计划推进。\n\n", i, i);
      gloss_annotation_set_create (set, i % 2 ? "statistic" : "place", start, start + 13);
    }
  document = gloss_document_new (text->str, -1, &error);
  g_assert_no_error (error);
  gloss_document_set_title (document, "Harbour works: a long report");

  g_assert_cmpint (gloss_article_print (NULL, document, set, codebook, pdf, &n_pages, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (n_pages, >=, 3);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      gloss_test_rm_rf (dir);
      return;
    }

  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *got = page_text (pdftotext, pdf, page);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", page, n_pages);
      const char *p = got;

      g_assert_nonnull (strstr (got, footer));
      /* In the footer from the second page on (the first has it on top). */
      g_assert_nonnull (strstr (got, "Harbour works: a long report — "));
      /* A page does not start with the empty line between two paragraphs. */
      if (page > 1)
        g_assert_true (g_str_has_prefix (got, "Paragraph ") || g_str_has_prefix (got, "Legend"));
      /* The paragraphs on this page follow on from the last page's. */
      while ((p = strstr (p, "Paragraph ")) != NULL)
        {
          g_assert_cmpint (atoi (p + strlen ("Paragraph ")), ==, next);
          next++;
          p += strlen ("Paragraph ");
        }
      if (page == n_pages)
        g_assert_nonnull (strstr (got, "Legend"));
    }
  g_assert_cmpint (next, ==, N_PARAGRAPHS + 1);

  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  gloss_test_gtk_init (&argc, &argv);

  g_test_add_func ("/article-print/pages", test_pages);

  return g_test_run ();
}
