/* test-html.c: reader-view extraction of news-like pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-html.h"

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static GlossHtmlArticle *
extract_fixture (const char *name,
                 const char *http_charset,
                 const char *override)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  GlossHtmlArticle *article = gloss_html_extract (data, len, http_charset, override, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("expected “%s” in:\n%s", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("did not expect “%s” in:\n%s", needle, haystack);
}

static void
test_chinese_utf8 (void)
{
  g_autoptr(GlossHtmlArticle) a = extract_fixture ("zh-utf8.html", NULL, NULL);
  g_autofree char *text = gloss_html_article_to_text (a);

  g_assert_cmpstr (a->title, ==, "城市公园绿地面积三年增长两成");
  g_assert_cmpstr (a->site_name, ==, "示例日报");
  g_assert_cmpstr (a->published, ==, "2023-03-21T15:40");
  g_assert_cmpstr (a->byline, ==, "王小明");
  g_assert_cmpstr (a->charset, ==, "UTF-8");
  g_assert_cmpstr (a->lang, ==, "zh-CN");

  /* Title on top, then the paragraphs in order, a heading and the quote included. */
  g_assert_true (g_str_has_prefix (text, "城市公园绿地面积三年增长两成\n\n本报讯 记者从市园林局获悉"));
  assert_contains (text, "\n\n口袋公园走进老城区\n\n");
  assert_contains (text, "“过去下楼只能在马路边走走，现在家门口就有了花园。”");
  g_assert_true (strstr (text, "市园林局负责人") < strstr (text, "据了解"));

  /* Boilerplate is gone. */
  assert_lacks (text, "首页");
  assert_lacks (text, "分享到");
  assert_lacks (text, "相关新闻");
  assert_lacks (text, "郊野公园");
  assert_lacks (text, "网友评论");
  assert_lacks (text, "版权所有");
  assert_lacks (text, "不应出现");
  assert_lacks (text, "color: red");

  /* Whitespace is normalised: no ideographic indent, no doubled blank lines, one final newline. */
  assert_lacks (text, "　");
  assert_lacks (text, "\n\n\n");
  assert_lacks (text, "  ");
  g_assert_true (g_str_has_suffix (text, "。\n") || g_str_has_suffix (text, "）\n"));
}

static void
test_chinese_gbk (void)
{
  g_autoptr(GlossHtmlArticle) a = extract_fixture ("zh-gbk.html", NULL, NULL);
  g_autofree char *text = gloss_html_article_to_text (a);

  g_assert_cmpstr (a->charset, ==, "GB18030");
  g_assert_cmpstr (a->charset_source, ==, "meta");
  g_assert_cmpstr (a->title, ==, "山区学校开通远程课堂");
  g_assert_cmpstr (a->published, ==, "2024-05-08T09:30");
  g_assert_cmpstr (a->site_name, ==, "示例晚报");
  assert_contains (text, "六所乡村小学同时开通了远程课堂");
  assert_contains (text, "觉得非常有意思。");
  assert_lacks (text, "推荐阅读");
  assert_lacks (text, "暑期托管");
  assert_lacks (text, "版权所有");
}

static void
test_charset_sources (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("zh-gbk.html");
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autofree char *no_meta = g_strndup ((const char *) data, len);
  char *decl = strstr (no_meta, "charset=gb2312");
  g_autoptr(GlossHtmlArticle) from_http = NULL;
  g_autoptr(GlossHtmlArticle) detected = NULL;
  g_autoptr(GlossHtmlArticle) forced = NULL;
  g_autoptr(GlossHtmlArticle) utf8 = NULL;
  g_autofree char *utf8_page = NULL;

  /* Without the <meta> declaration the HTTP header decides, then detection. */
  g_assert_nonnull (decl);
  memcpy (decl, "charset=xxxxxx", strlen ("charset=gb2312"));
  from_http = gloss_html_extract ((guint8 *) no_meta, len, "gbk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_http->charset_source, ==, "http");
  g_assert_cmpstr (from_http->title, ==, "山区学校开通远程课堂");

  detected = gloss_html_extract ((guint8 *) no_meta, len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detected->charset_source, ==, "detected");
  g_assert_cmpstr (detected->charset, ==, "GB18030");
  g_assert_cmpstr (detected->title, ==, "山区学校开通远程课堂");

  /* A forced charset wins even when wrong: the title then is not the Chinese one. */
  forced = gloss_html_extract (data, len, NULL, "windows-1252", &error);
  if (forced != NULL)
    {
      g_assert_cmpstr (forced->charset_source, ==, "override");
      g_assert_cmpstr (forced->title, !=, "山区学校开通远程课堂");
    }
  else
    g_clear_error (&error);

  /* Valid UTF-8 is read as UTF-8 even when the page declares gb2312 (a re-saved page). */
  utf8_page = g_strdup ("<html><head><meta charset=\"gb2312\"><title>中文标题测试页面</title></head>"
                        "<body><p>这是一段足够长的中文正文，用来确认页面虽然声明了国标编码，但仍然按照统一码读取。</p></body></html>");
  utf8 = gloss_html_extract ((guint8 *) utf8_page, strlen (utf8_page), "gbk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (utf8->charset, ==, "UTF-8");
  g_assert_cmpstr (utf8->title, ==, "中文标题测试页面");
}

static void
test_english (void)
{
  g_autoptr(GlossHtmlArticle) a = extract_fixture ("en-news.html", NULL, NULL);
  g_autofree char *text = gloss_html_article_to_text (a);

  g_assert_cmpstr (a->title, ==, "River cleanup draws record crowd");
  g_assert_cmpstr (a->byline, ==, "Jane Doe");
  g_assert_cmpstr (a->published, ==, "2024-04-22T08:15:00Z");
  g_assert_cmpstr (a->site_name, ==, "The Example Herald");
  g_assert_true (g_str_has_prefix (text, "River cleanup draws record crowd\n\n"));
  /* The h1 duplicates the title and appears once only. */
  g_assert_true (strstr (text + 1, "River cleanup draws record crowd") == NULL);
  assert_contains (text, "More than 1,200 volunteers turned out on Saturday");
  assert_contains (text, "\"We were hoping for maybe 800 people,\" said Maria Lopez");
  assert_contains (text, "reconnect neighborhoods to the waterfront.\n");
  assert_lacks (text, "Advertisement");
  assert_lacks (text, "Share on");
  assert_lacks (text, "Related stories");
  assert_lacks (text, "Kayak launch approved");
  assert_lacks (text, "Copyright");
  assert_lacks (text, "By Jane Doe");
}

static void
test_comments_and_related (void)
{
  g_autoptr(GlossHtmlArticle) a = extract_fixture ("comments-related.html", NULL, NULL);
  g_autofree char *text = gloss_html_article_to_text (a);

  g_assert_cmpstr (a->title, ==, "Library extends weekend hours");
  g_assert_cmpstr (a->site_name, ==, "Example Gazette");
  assert_contains (text, "until nine in the evening");
  assert_contains (text, "use of study rooms in the evening.");
  assert_lacks (text, "comment number");
  assert_lacks (text, "reader1");
  assert_lacks (text, "Another story");
}

static void
test_div_body (void)
{
  g_autoptr(GlossHtmlArticle) a = extract_fixture ("div-body.html", NULL, NULL);
  g_autofree char *text = gloss_html_article_to_text (a);

  g_assert_cmpstr (a->title, ==, "Ferry service resumes after storm");
  assert_contains (text, "\n\nFerry service between the mainland");
  /* <br> is a line break inside the block; blocks are separated by a blank line. */
  assert_contains (text, "back to normal by the weekend.\nPassengers with cancelled tickets");
  assert_contains (text, "until the end of the month.\n\nHarbor officials");
  assert_lacks (text, "Travel");
}

static void
test_almost_no_text (void)
{
  g_autoptr(GlossHtmlArticle) a = extract_fixture ("no-text.html", NULL, NULL);
  g_autofree char *text = gloss_html_article_to_text (a);

  g_assert_cmpstr (a->title, ==, "Photo of the day");
  assert_contains (text, "Sunset.");
  g_assert_cmpuint (strlen (text), <, 100);
}

static void
test_entities_and_breaks (void)
{
  const char *page =
    "<html><head><title>Entities</title></head><body><div>"
    "<p>Caf&eacute; &amp; th&#233; &#x4E2D;&#25991; &lt;tag&gt; a&nbsp;b &mdash; done, with enough words to be a paragraph.</p>"
    "<p>Line one<br>line two<br><br>New paragraph after two breaks, long enough to count as text.</p>"
    "<pre>code  keeps\n  its   spaces</pre>"
    "<ul><li>first item of the list</li><li>second item</li></ul>"
    "</div></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHtmlArticle) a = gloss_html_extract ((const guint8 *) page, strlen (page), NULL, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = gloss_html_article_to_text (a);
  assert_contains (text, "Café & thé 中文 <tag> a b — done");
  assert_contains (text, "Line one\nline two\n\nNew paragraph");
  assert_contains (text, "code  keeps\n  its   spaces");
  assert_contains (text, "\n\nfirst item of the list\n\nsecond item\n");
}

static void
test_stable (void)
{
  const char * const names[] = { "zh-utf8.html", "zh-gbk.html", "en-news.html",
                                 "comments-related.html", "div-body.html", "no-text.html" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GlossHtmlArticle) a = extract_fixture (names[i], NULL, NULL);
      g_autoptr(GlossHtmlArticle) b = extract_fixture (names[i], NULL, NULL);
      g_autofree char *ta = gloss_html_article_to_text (a);
      g_autofree char *tb = gloss_html_article_to_text (b);

      g_assert_cmpstr (ta, ==, tb);
      g_assert_true (g_utf8_validate (ta, -1, NULL));
    }
}

static void
test_sniff (void)
{
  g_assert_true (gloss_html_sniff ((const guint8 *) "  <!DOCTYPE html><html>", 23));
  g_assert_true (gloss_html_sniff ((const guint8 *) "\xEF\xBB\xBF<html><body>x", 19));
  g_assert_false (gloss_html_sniff ((const guint8 *) "Just text <b>bold</b>", 21));
  g_assert_false (gloss_html_sniff ((const guint8 *) "", 0));
}

static void
test_garbage (void)
{
  const char *junk = "\x01\x02<<<>>>&&&;;";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHtmlArticle) a = gloss_html_extract ((const guint8 *) junk, strlen (junk), NULL, NULL, &error);

  /* Either some text or a clear error, never a crash. */
  if (a == NULL)
    g_assert_error (error, GLOSS_HTML_ERROR, GLOSS_HTML_ERROR_NO_CONTENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html/chinese-utf8", test_chinese_utf8);
  g_test_add_func ("/html/chinese-gbk", test_chinese_gbk);
  g_test_add_func ("/html/charset-sources", test_charset_sources);
  g_test_add_func ("/html/english", test_english);
  g_test_add_func ("/html/comments-and-related", test_comments_and_related);
  g_test_add_func ("/html/div-body", test_div_body);
  g_test_add_func ("/html/almost-no-text", test_almost_no_text);
  g_test_add_func ("/html/entities-and-breaks", test_entities_and_breaks);
  g_test_add_func ("/html/stable", test_stable);
  g_test_add_func ("/html/sniff", test_sniff);
  g_test_add_func ("/html/garbage", test_garbage);

  return g_test_run ();
}
