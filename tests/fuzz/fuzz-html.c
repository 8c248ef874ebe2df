/* fuzz-html.c: libFuzzer target, article extraction from HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "gloss-html.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GlossHtmlArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  article = gloss_html_extract (data, size, NULL, NULL, &error);
  if (article == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }
  text = gloss_html_article_to_text (article);
  if (!g_utf8_validate (text, -1, NULL))
    abort ();
  return 0;
}
