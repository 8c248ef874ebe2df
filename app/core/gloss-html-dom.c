/* gloss-html-dom.c: the small DOM helpers and the patterns of the HTML extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "gloss-html-private.h"

const Patterns *
_gloss_html_patterns (void)
{
  static gsize once = 0;
  static Patterns p;

  if (g_once_init_enter (&once))
    {
      GRegexCompileFlags f = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;

      p.unlikely = g_regex_new ("-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|"
                                "disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|"
                                "rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|"
                                "agegate|pagination|pager|popup|yom-remote|"
                                /* Chinese sites: comments, recommendations, sharing, navigation */
                                "pinglun|tuijian|xiangguan|fenxiang|daohang|guanggao|paihang|"
                                "bdshare|jiathis|hotnews|hot_news|rank|copyright|toolbar",
                                f, 0, NULL);
      p.maybe = g_regex_new ("and|article|body|column|content|main|mathjax|shadow|"
                             "zhengwen|neirong|wenzhang|artibody|TRS_Editor",
                             f, 0, NULL);
      p.positive = g_regex_new ("article|body|content|entry|hentry|h-entry|main|page|pagination|post|"
                                "text|blog|story|"
                                "zhengwen|neirong|wenzhang|artibody|TRS_Editor|rm_txt|u-mainText|"
                                "cnt_bd|left_zw|article-content|detail",
                                f, 0, NULL);
      p.negative = g_regex_new ("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|"
                                "footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|"
                                "shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|"
                                "pinglun|tuijian|xiangguan|fenxiang|guanggao|paihang|hotnews|recommend|"
                                "copyright|bianji",
                                f, 0, NULL);
      p.byline = g_regex_new ("byline|author|dateline|writtenby|p-author", f, 0, NULL);
      p.share = g_regex_new ("(\\b|_)(share|sharedaddy)(\\b|_)", f, 0, NULL);
      /* Headings of the blocks Chinese news pages append to an article. */
      p.boilerplate_text = g_regex_new ("^\\s*(相关阅读|相关新闻|相关文章|相关报道|推荐阅读|热门推荐|"
                                        "猜你喜欢|延伸阅读|热点推荐|热门文章|精彩推荐|网友评论|"
                                        "我要评论|分享到|扫一扫|点击排行|今日推荐|更多精彩)",
                                        G_REGEX_OPTIMIZE, 0, NULL);
      p.date = g_regex_new ("((?:19|20)\\d\\d)\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})\\s*日?"
                            "(?:\\s*(\\d{1,2}):(\\d\\d)(?::(\\d\\d))?)?",
                            G_REGEX_OPTIMIZE, 0, NULL);
      p.source = g_regex_new ("(?:来源|來源|稿源|出处)\\s*[:：]\\s*([^\\s\\d|｜:：<>]{2,24})",
                              G_REGEX_OPTIMIZE, 0, NULL);
      p.author_cn = g_regex_new ("(?:作者|记者|記者|撰文|文)\\s*[:：]\\s*([^\\s\\d|｜:：<>]{2,16})",
                                 G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  return &p;
}

/* ------------------------------------------------------------------ */
/* Small DOM helpers                                                   */

gboolean
_gloss_html_tag_in (xmlNode           *node,
                    const char * const *names)
{
  if (!is_element (node))
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

char *
_gloss_html_get_attr (xmlNode    *node,
                      const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *ret;

  if (value == NULL)
    return NULL;
  ret = g_strdup ((const char *) value);
  xmlFree (value);
  return ret;
}

xmlNode *
_gloss_html_next_node (xmlNode  *node,
                       gboolean  skip_children)
{
  if (!skip_children && node->children != NULL)
    return node->children;
  while (node != NULL)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

void
_gloss_html_remove_node (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

gboolean
_gloss_html_is_invisible_char (gunichar c)
{
  return (c >= 0x200B && c <= 0x200D) || c == 0xFEFF || c == 0x00AD || c == 0x2060;
}

/* Appends @text with every kind of space turned into ' ' and invisible characters dropped. */
void
_gloss_html_append_flat (GString    *out,
                         const char *text,
                         gboolean    keep_newlines)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *run = p;
      gunichar c;

      /* Fast path: plain ASCII that needs no mapping. */
      while ((guchar) *p > ' ' && (guchar) *p < 0x80)
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (keep_newlines && c == '\n')
        g_string_append_c (out, '\n');
      else if (is_space_char (c))
        g_string_append_c (out, ' ');
      else if (!_gloss_html_is_invisible_char (c))
        g_string_append_unichar (out, c);
    }
}

/* Collapses runs of ' ' to one and trims; @s is modified in place. */
void
_gloss_html_collapse_spaces (GString *s)
{
  gsize w = 0;
  gboolean space = TRUE;

  for (gsize r = 0; r < s->len; r++)
    {
      char c = s->str[r];

      if (c == ' ')
        {
          if (!space)
            s->str[w++] = ' ';
          space = TRUE;
        }
      else
        {
          s->str[w++] = c;
          space = FALSE;
        }
    }
  if (w > 0 && s->str[w - 1] == ' ')
    w--;
  g_string_truncate (s, w);
}

static void
collect_text (xmlNode *node,
              GString *out,
              gsize    max)
{
  for (xmlNode *child = node->children; child != NULL && out->len < max; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            _gloss_html_append_flat (out, (const char *) child->content, FALSE);
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          if (tag_is (child, "br"))
            g_string_append_c (out, ' ');
          else
            collect_text (child, out, max);
        }
    }
}

/* The node's text with whitespace collapsed and trimmed. */
/* The node's text with whitespace collapsed and trimmed, stopping after about @max bytes. */
char *
_gloss_html_inner_text_bounded (xmlNode *node,
                                gsize    max)
{
  GString *s = g_string_new (NULL);

  if (node->type == XML_TEXT_NODE)
    {
      if (node->content != NULL)
        _gloss_html_append_flat (s, (const char *) node->content, FALSE);
    }
  else
    collect_text (node, s, max);
  _gloss_html_collapse_spaces (s);
  return g_string_free (s, FALSE);
}

char *
_gloss_html_inner_text (xmlNode *node)
{
  GString *s = g_string_new (NULL);

  if (node->type == XML_TEXT_NODE)
    {
      if (node->content != NULL)
        _gloss_html_append_flat (s, (const char *) node->content, FALSE);
    }
  else
    collect_text (node, s, G_MAXSIZE);
  _gloss_html_collapse_spaces (s);
  return g_string_free (s, FALSE);
}

/* Counts what _gloss_html_inner_text() would return, in code points, without building it. */
static void
count_text (xmlNode  *node,
            glong    *count,
            gboolean *space)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != NULL)
        {
          for (const guchar *p = child->content; *p; )
            {
              gunichar c;

              if (*p < 0x80)
                {
                  c = *p++;
                }
              else
                {
                  c = g_utf8_get_char ((const char *) p);
                  p = (const guchar *) g_utf8_next_char (p);
                }
              if (is_space_char (c))
                *space = TRUE;
              else if (!_gloss_html_is_invisible_char (c))
                {
                  if (*space && *count > 0)
                    (*count)++;
                  *space = FALSE;
                  (*count)++;
                }
            }
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          if (tag_is (child, "br"))
            *space = TRUE;
          else
            count_text (child, count, space);
        }
    }
}

glong
_gloss_html_text_length (xmlNode *node)
{
  glong count = 0;
  gboolean space = FALSE;

  count_text (node, &count, &space);
  return count;
}

guint
_gloss_html_count_commas (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* ASCII and the CJK commas, enumeration comma and full stop: CJK prose has few
       * ASCII commas, and a full stop per clause is a good sign of running text. */
      if (c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x3002 || c == 0x060C || c == 0xFE50)
        n++;
    }
  return n;
}

guint
_gloss_html_count_tags (xmlNode    *node,
                        const char *name)
{
  guint n = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child))
      n += (tag_is (child, name) ? 1 : 0) + _gloss_html_count_tags (child, name);
  return n;
}

gboolean
_gloss_html_has_ancestor_tag (xmlNode    *node,
                              const char *name,
                              int         max_depth)
{
  int depth = 0;

  for (xmlNode *p = node->parent; is_element (p); p = p->parent)
    {
      if (max_depth > 0 && depth++ >= max_depth)
        return FALSE;
      if (tag_is (p, name))
        return TRUE;
    }
  return FALSE;
}

static void
link_text_length (xmlNode *node,
                  double  *total)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!is_element (child))
        continue;
      if (tag_is (child, "a"))
        {
          g_autofree char *href = _gloss_html_get_attr (child, "href");
          /* In-page links (tables of contents, footnotes) are part of the article. */
          double coefficient = (href != NULL && href[0] == '#') ? 0.3 : 1.0;

          *total += _gloss_html_text_length (child) * coefficient;
        }
      else
        link_text_length (child, total);
    }
}

double
_gloss_html_link_density (xmlNode *node)
{
  glong len = _gloss_html_text_length (node);
  double links = 0;

  if (len == 0)
    return 0;
  link_text_length (node, &links);
  return links / len;
}

char *
_gloss_html_class_and_id (xmlNode *node)
{
  g_autofree char *klass = _gloss_html_get_attr (node, "class");
  g_autofree char *id = _gloss_html_get_attr (node, "id");

  if (klass == NULL && id == NULL)
    return NULL;
  return g_strconcat (klass ? klass : "", " ", id ? id : "", NULL);
}

int
_gloss_html_class_weight (xmlNode *node,
                          guint    flags)
{
  const Patterns *p = _gloss_html_patterns ();
  g_autofree char *klass = NULL;
  g_autofree char *id = NULL;
  int weight = 0;

  if (!(flags & FLAG_WEIGHT_CLASSES))
    return 0;

  klass = _gloss_html_get_attr (node, "class");
  id = _gloss_html_get_attr (node, "id");
  if (klass != NULL && *klass != '\0')
    {
      if (g_regex_match (p->negative, klass, 0, NULL))
        weight -= 25;
      if (g_regex_match (p->positive, klass, 0, NULL))
        weight += 25;
    }
  if (id != NULL && *id != '\0')
    {
      if (g_regex_match (p->negative, id, 0, NULL))
        weight -= 25;
      if (g_regex_match (p->positive, id, 0, NULL))
        weight += 25;
    }
  return weight;
}

static const char * const block_tags[] = {
  "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
  "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "center", "caption",
  "details", "summary", "menu", "hgroup", NULL
};

gboolean
_gloss_html_is_block (xmlNode *node)
{
  return _gloss_html_tag_in (node, block_tags);
}

gboolean
_gloss_html_has_block_child (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child) && (_gloss_html_is_block (child) || _gloss_html_has_block_child (child)))
      return TRUE;
  return FALSE;
}

gboolean
_gloss_html_is_probably_hidden (xmlNode *node)
{
  g_autofree char *style = _gloss_html_get_attr (node, "style");
  g_autofree char *aria = NULL;
  g_autofree char *klass = NULL;

  if (style != NULL)
    {
      g_autofree char *flat = g_utf8_strdown (style, -1);
      g_autofree char *nospace = NULL;
      GString *s = g_string_new (NULL);

      for (const char *c = flat; *c; c++)
        if (!g_ascii_isspace (*c))
          g_string_append_c (s, *c);
      nospace = g_string_free (s, FALSE);
      if (strstr (nospace, "display:none") != NULL || strstr (nospace, "visibility:hidden") != NULL)
        return TRUE;
    }
  if (xmlHasProp (node, BAD_CAST "hidden") != NULL)
    return TRUE;
  aria = _gloss_html_get_attr (node, "aria-hidden");
  if (aria != NULL && g_str_equal (aria, "true"))
    {
      klass = _gloss_html_get_attr (node, "class");
      /* Wikipedia-style image fallbacks are hidden from screen readers, not from eyes. */
      if (klass == NULL || strstr (klass, "fallback-image") == NULL)
        return TRUE;
    }
  return FALSE;
}
