/* gloss-charset.h: which character encoding a text or a page is in, and decoding it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decode @data to UTF-8. @encoding may force a charset (NULL: detect).
 * On success *detected names the charset used ("UTF-8", "UTF-16LE", "GB18030"…). */
char          *gloss_decode_text            (const guint8  *data,
                                             gsize          length,
                                             const char    *encoding,
                                             char         **detected,
                                             GError       **error);

/* Decode an HTML page: @override, else a byte order mark or valid UTF-8, else
 * @http_charset, else the page's <meta charset>, else detection.  *charset names
 * the charset used, *charset_source what decided it ("override", "bom", "utf-8",
 * "http", "meta", "detected"). */
char          *gloss_decode_html            (const guint8  *data,
                                             gsize          length,
                                             const char    *http_charset,
                                             const char    *override,
                                             char         **charset,
                                             char         **charset_source,
                                             GError       **error);

/* The charset named in an HTTP Content-Type, or %NULL. */
char          *gloss_charset_from_content_type (const char *content_type);

G_END_DECLS
