/* gloss-text-title.c: where the article is in a text saved from a browser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page saved as text keeps its chrome: a share bar ("点击右上角微信好友"),
 * navigation, the site's name, then the headline, the article, and after it
 * related links and the copyright.  The same rules as the HTML extractor's,
 * applied to lines: the title is the first line that reads like a headline
 * (short, not a sentence, not a share or navigation line), or a line that is
 * repeated further down as the headline (the page's <title> on top, the
 * headline again above the text); the article ends at the first line that
 * opens the blocks pages append ("相关阅读", "责任编辑", "Copyright").
 */
#include "config.h"

#include <string.h>

#include "gloss-text-title.h"

/* Lines that are page chrome, never a headline. */
#define CHROME_PATTERN \
  "(分享|微信|微博|朋友圈|扫一扫|二维码|点击|关注|收藏|登录|注册|首页|返回|客户端|下载|打开|" \
  "字号|打印|转发|评论|阅读原文|订阅|导航|菜单|搜索|记者|报道|来源|作者|责编|编辑|" \
  "\\bshare\\b|\\btweet\\b|facebook|\\bsign (in|up)\\b|\\blog ?in\\b|subscribe|\\bmenu\\b|" \
  "\\bhome\\b|\\bsearch\\b|cookies?|newsletter|skip to|advertisement)"

/* Lines that open what pages append after the article. */
#define TAIL_PATTERN \
  "^\\s*(相关阅读|相关新闻|相关文章|相关报道|推荐阅读|热门推荐|猜你喜欢|延伸阅读|热点推荐|热门文章|" \
  "精彩推荐|网友评论|我要评论|分享到|扫一扫|点击排行|今日推荐|更多精彩|责任编辑|编辑[:：]|版权所有|" \
  "copyright|©|related (articles|stories)|read more|more stories|advertisement)"

/* How far down the title may be looked for. */
#define MAX_HEAD_LINES 40

typedef struct
{
  const char *text;   /* start of the line, in the text */
  gsize       bytes;  /* its length, without the newline */
  guint       offset; /* code-point offset of its start */
  guint       chars;  /* its length in code points */
} Line;

static char *
trimmed (const Line *line)
{
  return g_strstrip (g_strndup (line->text, line->bytes));
}

/* Mostly Chinese (or Japanese): its letters are mostly Han.  A bilingual
 * headline is measured as the Latin one it also is. */
static gboolean
is_cjk_text (const char *s)
{
  guint han = 0, letters = 0;

  for (; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        han++;
      if (g_unichar_isalpha (c))
        letters++;
    }
  return han * 2 > letters;
}

/* Short, not a sentence, not chrome. */
static gboolean
looks_like_headline (const char *line,
                     GRegex     *chrome)
{
  guint chars = g_utf8_strlen (line, -1);
  gboolean cjk = is_cjk_text (line);
  const char *last;
  gunichar c;

  if (chars < (cjk ? 5 : 12) || chars > (cjk ? 60 : 160))
    return FALSE;
  if (g_regex_match (chrome, line, 0, NULL))
    return FALSE;
  /* An English headline says something: four words at least. */
  if (!cjk)
    {
      guint words = 1;

      for (const char *p = line; *p; p++)
        if (*p == ' ' && p[1] != ' ' && p[1] != '\0')
          words++;
      if (words < 4)
        return FALSE;
    }
  last = g_utf8_prev_char (line + strlen (line));
  c = g_utf8_get_char (last);
  /* A quotation closing a sentence: "李强说：“要坚持改革。”". */
  while (last > line && (c == 0x201d /* ” */ || c == 0x2019 || c == '"' || c == '\'' || c == 0x300d || c == 0x300f))
    {
      last = g_utf8_prev_char (last);
      c = g_utf8_get_char (last);
    }
  /* A byline or a note in brackets: "（本报记者 王丈 报道）". */
  if (strchr ("([", line[0]) != NULL || g_utf8_get_char (line) == 0xff08 || g_utf8_get_char (line) == 0x3010)
    return FALSE;
  /* A sentence ends so; a headline does not (a question may). */
  if (c == 0x3002 /* 。 */ || c == '.' || c == ',' || c == 0xff0c || c == ':' || c == 0xff1a)
    return FALSE;
  /* A date, a byline, a counter: mostly digits and punctuation. */
  {
    guint letters = 0;

    for (const char *p = line; *p; p = g_utf8_next_char (p))
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        letters++;
    if (letters * 2 < chars)
      return FALSE;
  }
  return TRUE;
}

/* @body: where the article ends is wanted too, not the title only (which
 * never looks past the first 2 × MAX_HEAD_LINES lines). */
static gboolean
find_title (const char     *text,
            GlossTextTitle *title,
            gboolean        body)
{
  g_autoptr(GRegex) chrome = g_regex_new (CHROME_PATTERN, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GRegex) tail = g_regex_new (TAIL_PATTERN, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;
  guint offset = 0;
  int found = -1;

  while (*p)
    {
      const char *nl = strchr (p, '\n');
      Line line = { p, nl ? (gsize) (nl - p) : strlen (p), offset, 0 };

      line.chars = g_utf8_strlen (p, line.bytes);
      g_array_append_val (lines, line);
      offset += line.chars + (nl ? 1 : 0);
      if (nl == NULL || (!body && lines->len >= 2 * MAX_HEAD_LINES))
        break;
      p = nl + 1;
    }

  for (guint i = 0; i < lines->len && i < MAX_HEAD_LINES && found < 0; i++)
    {
      g_autofree char *candidate = trimmed (&g_array_index (lines, Line, i));

      if (!looks_like_headline (candidate, chrome))
        continue;
      found = i;
      /* The page's title on top and the headline again further down:
       * the article starts at the second. */
      for (guint j = i + 1; j < lines->len && j < i + MAX_HEAD_LINES; j++)
        {
          g_autofree char *again = trimmed (&g_array_index (lines, Line, j));

          if (g_str_equal (again, candidate) ||
              (again[0] != '\0' && g_str_has_prefix (candidate, again) && looks_like_headline (again, chrome)))
            {
              found = j;
              break;
            }
        }
    }

  if (found < 0)
    return FALSE;

  {
    const Line *line = &g_array_index (lines, Line, found);
    const char *start = line->text, *end = line->text + line->bytes;

    /* The line without its surrounding white space. */
    while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
      start = g_utf8_next_char (start);
    while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
      end = g_utf8_prev_char (end);
    title->start = line->offset + g_utf8_strlen (line->text, start - line->text);
    title->end = title->start + g_utf8_strlen (start, end - start);
  }

  title->body_end = offset;
  for (guint i = found + 1; body && i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_autofree char *s = trimmed (line);

      if (g_regex_match (tail, s, 0, NULL))
        {
          guint k = i - 1;

          /* The end of the last line of text before it. */
          while (k > (guint) found && g_array_index (lines, Line, k).chars == 0)
            k--;
          title->body_end = g_array_index (lines, Line, k).offset + g_array_index (lines, Line, k).chars;
          break;
        }
    }
  return TRUE;
}

/**
 * gloss_text_find_title:
 * @text: an article's canonical text
 * @title: (out): where the title and the article are
 *
 * Returns: %FALSE when no line reads like a headline
 */
gboolean
gloss_text_find_title (const char     *text,
                       GlossTextTitle *title)
{
  g_return_val_if_fail (text != NULL && title != NULL, FALSE);
  return find_title (text, title, TRUE);
}

/**
 * gloss_text_title:
 * @text: an article's canonical text
 *
 * Returns: (transfer full) (nullable): the title line of @text, trimmed
 */
char *
gloss_text_title (const char *text)
{
  GlossTextTitle title;
  const char *start;

  /* Every article read asks for it: a long one is not split line by line
   * past its head, nor searched for where it ends. */
  if (text == NULL || !find_title (text, &title, FALSE))
    return NULL;
  start = g_utf8_offset_to_pointer (text, title.start);
  return g_strndup (start, g_utf8_offset_to_pointer (start, title.end - title.start) - start);
}
