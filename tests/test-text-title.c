/* test-text-title.c: the title and the end of an article saved as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-text-title.h"

/* What a browser's "save as text" gives of a news page: the share bar, the
 * site's navigation and the page's <title> above the headline; related
 * links and the copyright after the article. */
static const char saved_page[] =
  "点击右上角微信好友\n"
  "朋友圈\n"
  "首页 | 新闻 | 财经\n"
  "深圳新开通三条公交线路_城市新闻网\n"
  "2023-03-21 15:40 来源：城市新闻网\n"
  "\n"
  "深圳新开通三条公交线路\n"
  "\n"
  "3月21日，深圳新开通三条公交线路，方便市民出行。🚌\n"
  "\n"
  "市交通局局长谢铭俊说：“我们还会继续优化线路。”\n"
  "\n"
  "相关阅读\n"
  "深圳地铁新线路开通\n"
  "版权所有 城市新闻网\n";

static const char english_page[] =
  "Skip to content\n"
  "Share on Facebook\n"
  "Sign in\n"
  "Riverside expands the Clean Water programme\n"
  "\n"
  "Every household should drink from the tap, said Mayor Lin on Tuesday.\n"
  "\n"
  "Related articles\n"
  "Copyright 2023 The Riverside Post\n";

static char *
slice (const char *text,
       guint       start,
       guint       end)
{
  const char *a = g_utf8_offset_to_pointer (text, start);

  return g_strndup (a, g_utf8_offset_to_pointer (a, end - start) - a);
}

static void
test_chinese (void)
{
  GlossTextTitle title;
  g_autofree char *headline = NULL;
  g_autofree char *rest = NULL;

  g_assert_true (gloss_text_find_title (saved_page, &title));
  headline = slice (saved_page, title.start, title.end);
  /* Not the share bar, not the page's <title>: the headline itself. */
  g_assert_cmpstr (headline, ==, "深圳新开通三条公交线路");
  g_assert_cmpuint (title.start, ==, g_utf8_pointer_to_offset (saved_page, strstr (saved_page, "\n深圳新开通三条公交线路\n") + 1));
  rest = slice (saved_page, title.body_end, g_utf8_strlen (saved_page, -1));
  g_assert_true (g_str_has_prefix (rest, "\n\n相关阅读\n"));
  g_free (rest);
  rest = slice (saved_page, 0, title.body_end);
  g_assert_true (g_str_has_suffix (rest, "优化线路。”"));
}

static void
test_english (void)
{
  GlossTextTitle title;
  g_autofree char *headline = NULL;
  g_autofree char *rest = NULL;

  g_assert_true (gloss_text_find_title (english_page, &title));
  headline = slice (english_page, title.start, title.end);
  g_assert_cmpstr (headline, ==, "Riverside expands the Clean Water programme");
  rest = slice (english_page, title.body_end, g_utf8_strlen (english_page, -1));
  g_assert_true (g_str_has_prefix (rest, "\n\nRelated articles\n"));
}

/* A bilingual first line standing alone is the title; a bracketed byline
 * further down is not. */
static void
test_bilingual (void)
{
  g_autofree char *title =
    gloss_text_title ("Riverside city expands \"Clean Water 2030\" programme 河畔市扩大“清水2030”计划\n"
                      "\n"
                      "RIVERSIDE, 12 March — The city government announced on Tuesday that its programme grows.\n"
                      "\n"
                      "（本报记者 王丈 报道）\n");

  g_assert_cmpstr (title, ==, "Riverside city expands \"Clean Water 2030\" programme 河畔市扩大“清水2030”计划");
  g_assert_null (gloss_text_title ("RIVERSIDE, 12 March — The city government announced on Tuesday.\n"
                                   "\n"
                                   "（本报记者 王丈 报道）\n"));
}

/* gloss_text_title() reads no further than the head of a long article:
 * the site's title on the last line a headline may stand on, and the
 * headline again on the last line it is looked for, are still found. */
static void
test_far_down (void)
{
  g_autoptr(GString) page = g_string_new (NULL);
  g_autofree char *title = NULL;
  GlossTextTitle found;

  for (guint i = 0; i < 39; i++)
    g_string_append (page, "\n");
  g_string_append (page, "深圳新开通三条公交线路_城市新闻网\n");
  for (guint i = 0; i < 38; i++)
    g_string_append (page, "\n");
  g_string_append (page, "深圳新开通三条公交线路\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append (page, "市交通局局长谢铭俊说：“我们还会继续优化线路。”\n\n");
  g_string_append (page, "相关阅读\n");

  title = gloss_text_title (page->str);
  g_assert_cmpstr (title, ==, "深圳新开通三条公交线路");
  g_assert_true (gloss_text_find_title (page->str, &found));
  g_assert_cmpuint (found.start, ==, 39 + 18 + 38);
  g_assert_cmpuint (found.end, ==, found.start + 11);
  g_assert_cmpuint (found.body_end, ==, g_utf8_strlen (page->str, -1) - 7);
}

static void
test_none (void)
{
  GlossTextTitle title;

  g_assert_false (gloss_text_find_title ("", &title));
  g_assert_false (gloss_text_find_title ("点击右上角微信好友\n分享到朋友圈\n", &title));
  g_assert_null (gloss_text_title ("这是一个句子。\n另一个句子。\n"));
}

/* The loader gives a text article its title, and exports carry it. */
static void
test_loader_and_export (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (saved_page, strlen (saved_page));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_new_from_bytes (bytes, "page.txt", "text/plain", NULL, &error);
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ("tester", NULL);
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_CSV);
  const char *p = strstr (saved_page, "谢铭俊");
  guint at = g_utf8_pointer_to_offset (saved_page, p);
  GlossExportRecord *record;

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "深圳新开通三条公交线路");

  gloss_sidecar_attach_document (sidecar, doc);
  gloss_annotation_set_create (gloss_sidecar_get_annotations (sidecar), "person", at, at + 3);
  g_assert_true (gloss_exporter_add_sidecar (exporter, sidecar, doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_exporter_get_n_records (exporter), ==, 1);
  record = g_ptr_array_index (gloss_exporter_get_records (exporter), 0);
  g_assert_cmpstr (record->article_title, ==, "深圳新开通三条公交线路");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-title/chinese", test_chinese);
  g_test_add_func ("/text-title/english", test_english);
  g_test_add_func ("/text-title/bilingual", test_bilingual);
  g_test_add_func ("/text-title/far-down", test_far_down);
  g_test_add_func ("/text-title/none", test_none);
  g_test_add_func ("/text-title/loader-and-export", test_loader_and_export);

  return g_test_run ();
}
