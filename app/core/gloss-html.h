/* gloss-html.h: reader-view article extraction from HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_HTML_ERROR (gloss_html_error_quark ())

typedef enum
{
  GLOSS_HTML_ERROR_PARSE,
  GLOSS_HTML_ERROR_ENCODING,
  GLOSS_HTML_ERROR_NO_CONTENT,
} GlossHtmlError;

GQuark gloss_html_error_quark (void);

/**
 * GlossHtmlArticle:
 * @title: the article title (site suffix removed), or %NULL
 * @byline: the author line, or %NULL
 * @published: the publication date as found (ISO 8601 when the page gives it), or %NULL
 * @site_name: the site or source name, or %NULL
 * @lang: the page language (`<html lang>`), or %NULL
 * @charset: the charset the bytes were read with ("UTF-8", "GB18030"…)
 * @charset_source: where that charset came from: "bom", "utf-8", "http", "meta",
 *   "detected" or "override"
 * @body: the extracted body, blocks separated by one blank line, no title
 *
 * Everything is UTF-8, whitespace normalised.
 */
typedef struct
{
  char *title;
  char *byline;
  char *published;
  char *site_name;
  char *lang;
  char *charset;
  char *charset_source;
  char *body;
} GlossHtmlArticle;

void              gloss_html_article_free     (GlossHtmlArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossHtmlArticle, gloss_html_article_free)

/* @http_charset: the charset named by the HTTP Content-Type header, or %NULL.
 * @override: a charset the user forces, or %NULL to detect. */
GlossHtmlArticle *gloss_html_extract          (const guint8     *data,
                                               gsize             length,
                                               const char       *http_charset,
                                               const char       *override,
                                               GError          **error);

/* The canonical text: title on top, then the body, blocks separated by one blank line. */
char             *gloss_html_article_to_text  (const GlossHtmlArticle *article);

/* Whether @data looks like HTML (for files without a telling extension). */
gboolean          gloss_html_sniff            (const guint8     *data,
                                               gsize             length);

G_END_DECLS
