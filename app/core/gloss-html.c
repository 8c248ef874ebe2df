/* gloss-html.c: reader-view article extraction from HTML pages
 *
 * The scoring follows the idea of Mozilla Readability (paragraphs vote for
 * their ancestors by length and punctuation, link-heavy and boilerplate-named
 * containers lose), written from scratch for libxml2, with hints for the
 * class names and stock phrases that Chinese news sites use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "gloss-html.h"
#include "gloss-json.h"
#include "gloss-loader.h"

G_DEFINE_QUARK (gloss-html-error-quark, gloss_html_error)

enum
{
  FLAG_STRIP_UNLIKELY = 1 << 0,
  FLAG_WEIGHT_CLASSES = 1 << 1,
  FLAG_CLEAN_CONDITIONALLY = 1 << 2,
};

#define CHAR_THRESHOLD 500
#define N_TOP_CANDIDATES 5

typedef struct
{
  double   score;
} NodeScore;

typedef struct
{
  GRegex *unlikely;
  GRegex *maybe;
  GRegex *positive;
  GRegex *negative;
  GRegex *byline;
  GRegex *share;
  GRegex *boilerplate_text;
  GRegex *date;
  GRegex *source;
  GRegex *author_cn;
  GRegex *meta_charset;
} Patterns;

static const Patterns *
patterns (void)
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
      p.meta_charset = g_regex_new ("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)",
                                    G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  return &p;
}

/* ------------------------------------------------------------------ */
/* Small DOM helpers                                                   */

static inline gboolean
is_element (xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE;
}

static inline gboolean
tag_is (xmlNode *node,
        const char *name)
{
  return is_element (node) && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
tag_in (xmlNode           *node,
        const char * const *names)
{
  if (!is_element (node))
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static char *
get_attr (xmlNode    *node,
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

static xmlNode *
next_node (xmlNode  *node,
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

static void
remove_node (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

static inline gboolean
is_space_char (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x00A0 || c == 0x0085 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static gboolean
is_invisible_char (gunichar c)
{
  return (c >= 0x200B && c <= 0x200D) || c == 0xFEFF || c == 0x00AD || c == 0x2060;
}

/* Appends @text with every kind of space turned into ' ' and invisible characters dropped. */
static void
append_flat (GString    *out,
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
      else if (!is_invisible_char (c))
        g_string_append_unichar (out, c);
    }
}

/* Collapses runs of ' ' to one and trims; @s is modified in place. */
static void
collapse_spaces (GString *s)
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
            append_flat (out, (const char *) child->content, FALSE);
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
static char *
inner_text_bounded (xmlNode *node,
                    gsize    max)
{
  GString *s = g_string_new (NULL);

  if (node->type == XML_TEXT_NODE)
    {
      if (node->content != NULL)
        append_flat (s, (const char *) node->content, FALSE);
    }
  else
    collect_text (node, s, max);
  collapse_spaces (s);
  return g_string_free (s, FALSE);
}

static char *
inner_text (xmlNode *node)
{
  GString *s = g_string_new (NULL);

  if (node->type == XML_TEXT_NODE)
    {
      if (node->content != NULL)
        append_flat (s, (const char *) node->content, FALSE);
    }
  else
    collect_text (node, s, G_MAXSIZE);
  collapse_spaces (s);
  return g_string_free (s, FALSE);
}

/* Counts what inner_text() would return, in code points, without building it. */
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
              else if (!is_invisible_char (c))
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

static glong
text_length (xmlNode *node)
{
  glong count = 0;
  gboolean space = FALSE;

  count_text (node, &count, &space);
  return count;
}

static guint
count_commas (const char *text)
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

static guint
count_tags (xmlNode    *node,
            const char *name)
{
  guint n = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child))
      n += (tag_is (child, name) ? 1 : 0) + count_tags (child, name);
  return n;
}

static gboolean
has_ancestor_tag (xmlNode    *node,
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
          g_autofree char *href = get_attr (child, "href");
          /* In-page links (tables of contents, footnotes) are part of the article. */
          double coefficient = (href != NULL && href[0] == '#') ? 0.3 : 1.0;

          *total += text_length (child) * coefficient;
        }
      else
        link_text_length (child, total);
    }
}

static double
link_density (xmlNode *node)
{
  glong len = text_length (node);
  double links = 0;

  if (len == 0)
    return 0;
  link_text_length (node, &links);
  return links / len;
}

static char *
class_and_id (xmlNode *node)
{
  g_autofree char *klass = get_attr (node, "class");
  g_autofree char *id = get_attr (node, "id");

  if (klass == NULL && id == NULL)
    return NULL;
  return g_strconcat (klass ? klass : "", " ", id ? id : "", NULL);
}

static int
class_weight (xmlNode *node,
              guint    flags)
{
  const Patterns *p = patterns ();
  g_autofree char *klass = NULL;
  g_autofree char *id = NULL;
  int weight = 0;

  if (!(flags & FLAG_WEIGHT_CLASSES))
    return 0;

  klass = get_attr (node, "class");
  id = get_attr (node, "id");
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

static gboolean
is_block (xmlNode *node)
{
  return tag_in (node, block_tags);
}

static gboolean
has_block_child (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child) && (is_block (child) || has_block_child (child)))
      return TRUE;
  return FALSE;
}

static gboolean
is_probably_hidden (xmlNode *node)
{
  g_autofree char *style = get_attr (node, "style");
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
  aria = get_attr (node, "aria-hidden");
  if (aria != NULL && g_str_equal (aria, "true"))
    {
      klass = get_attr (node, "class");
      /* Wikipedia-style image fallbacks are hidden from screen readers, not from eyes. */
      if (klass == NULL || strstr (klass, "fallback-image") == NULL)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Metadata                                                            */

typedef struct
{
  char *og_title;
  char *title_tag;
  char *h1;
  char *byline;
  char *published;
  char *site_name;
  char *source_cn;
  char *date_cn;
  char *author_cn;
  char *lang;
} Meta;

static void
meta_clear (Meta *m)
{
  g_free (m->og_title);
  g_free (m->title_tag);
  g_free (m->h1);
  g_free (m->byline);
  g_free (m->published);
  g_free (m->site_name);
  g_free (m->source_cn);
  g_free (m->date_cn);
  g_free (m->author_cn);
  g_free (m->lang);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Meta, meta_clear)

static void
set_once (char       **slot,
          const char  *value)
{
  g_autofree char *copy = NULL;
  GString *s;

  if (*slot != NULL || value == NULL)
    return;
  s = g_string_new (NULL);
  append_flat (s, value, FALSE);
  collapse_spaces (s);
  copy = g_string_free (s, FALSE);
  if (*copy == '\0')
    return;
  *slot = g_steal_pointer (&copy);
}

static void
read_json_ld_object (JsonObject *obj,
                     Meta       *m)
{
  const char *type = NULL;

  if (json_object_has_member (obj, "@graph"))
    {
      JsonNode *graph = json_object_get_member (obj, "@graph");

      if (JSON_NODE_HOLDS_ARRAY (graph))
        {
          JsonArray *arr = json_node_get_array (graph);
          for (guint i = 0; i < json_array_get_length (arr); i++)
            {
              JsonNode *item = json_array_get_element (arr, i);
              if (JSON_NODE_HOLDS_OBJECT (item))
                read_json_ld_object (json_node_get_object (item), m);
            }
        }
    }

  if (json_object_has_member (obj, "@type") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (obj, "@type")))
    type = json_object_get_string_member (obj, "@type");
  if (type == NULL || !g_str_has_suffix (type, "Article"))
    {
      if (type == NULL || (strstr (type, "Posting") == NULL && !g_str_equal (type, "Report")))
        return;
    }

  if (json_object_has_member (obj, "headline") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (obj, "headline")))
    set_once (&m->og_title, json_object_get_string_member (obj, "headline"));
  if (json_object_has_member (obj, "datePublished") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (obj, "datePublished")))
    set_once (&m->published, json_object_get_string_member (obj, "datePublished"));
  if (json_object_has_member (obj, "author"))
    {
      JsonNode *author = json_object_get_member (obj, "author");

      if (JSON_NODE_HOLDS_ARRAY (author) && json_array_get_length (json_node_get_array (author)) > 0)
        author = json_array_get_element (json_node_get_array (author), 0);
      if (JSON_NODE_HOLDS_OBJECT (author))
        {
          JsonObject *a = json_node_get_object (author);
          if (json_object_has_member (a, "name") &&
              JSON_NODE_HOLDS_VALUE (json_object_get_member (a, "name")))
            set_once (&m->byline, json_object_get_string_member (a, "name"));
        }
      else if (JSON_NODE_HOLDS_VALUE (author) && json_node_get_value_type (author) == G_TYPE_STRING)
        set_once (&m->byline, json_node_get_string (author));
    }
  if (json_object_has_member (obj, "publisher"))
    {
      JsonNode *pub = json_object_get_member (obj, "publisher");
      if (JSON_NODE_HOLDS_OBJECT (pub))
        {
          JsonObject *po = json_node_get_object (pub);
          if (json_object_has_member (po, "name") &&
              JSON_NODE_HOLDS_VALUE (json_object_get_member (po, "name")))
            set_once (&m->site_name, json_object_get_string_member (po, "name"));
        }
    }
}

static void
read_json_ld (const char *json,
              Meta       *m)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!gloss_json_parser_load (parser, json, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (root))
    read_json_ld_object (json_node_get_object (root), m);
  else if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *arr = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (arr); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (arr, i)))
          read_json_ld_object (json_node_get_object (json_array_get_element (arr, i)), m);
    }
}

static gboolean
looks_like_url (const char *s)
{
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://") || g_str_has_prefix (s, "//");
}

static void
read_meta_tag (xmlNode *node,
               Meta    *m)
{
  g_autofree char *property = get_attr (node, "property");
  g_autofree char *name = get_attr (node, "name");
  g_autofree char *itemprop = get_attr (node, "itemprop");
  g_autofree char *content = get_attr (node, "content");
  g_auto(GStrv) keys = NULL;
  g_autofree char *joined = NULL;

  if (content == NULL)
    return;
  joined = g_strjoin (" ", property ? property : "", name ? name : "", itemprop ? itemprop : "", NULL);
  keys = g_strsplit_set (joined, " \t\n", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *k = g_ascii_strdown (keys[i], -1);

      if (*k == '\0')
        continue;
      if (g_str_equal (k, "og:title") || g_str_equal (k, "twitter:title") ||
          g_str_equal (k, "dc:title") || g_str_equal (k, "dcterm:title") ||
          g_str_equal (k, "headline") || g_str_equal (k, "parsely-title"))
        set_once (&m->og_title, content);
      else if (g_str_equal (k, "author") || g_str_equal (k, "dc:creator") ||
               g_str_equal (k, "dcterm:creator") || g_str_equal (k, "article:author") ||
               g_str_equal (k, "parsely-author") || g_str_equal (k, "byl"))
        {
          if (!looks_like_url (content))
            set_once (&m->byline, content);
        }
      else if (g_str_equal (k, "article:published_time") || g_str_equal (k, "og:published_time") ||
               g_str_equal (k, "datepublished") || g_str_equal (k, "pubdate") ||
               g_str_equal (k, "publishdate") || g_str_equal (k, "publish_date") ||
               g_str_equal (k, "parsely-pub-date") || g_str_equal (k, "dc.date.issued") ||
               g_str_equal (k, "dc:date") || g_str_equal (k, "sailthru.date") ||
               g_str_equal (k, "date"))
        set_once (&m->published, content);
      else if (g_str_equal (k, "og:site_name") || g_str_equal (k, "application-name") ||
               g_str_equal (k, "source"))
        set_once (&m->site_name, content);
    }
}

/* Dates the way Chinese (and many other) sites print them, made ISO 8601. */
static char *
match_date (const char *text)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *y = NULL, *mo = NULL, *d = NULL, *h = NULL, *mi = NULL, *s = NULL;
  int month, day;

  if (!g_regex_match (patterns ()->date, text, 0, &info))
    return NULL;
  y = g_match_info_fetch (info, 1);
  mo = g_match_info_fetch (info, 2);
  d = g_match_info_fetch (info, 3);
  h = g_match_info_fetch (info, 4);
  mi = g_match_info_fetch (info, 5);
  s = g_match_info_fetch (info, 6);
  month = atoi (mo);
  day = atoi (d);
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;
  if (h != NULL && *h != '\0')
    {
      if (s != NULL && *s != '\0')
        return g_strdup_printf ("%s-%02d-%02dT%02d:%s:%s", y, month, day, atoi (h), mi, s);
      return g_strdup_printf ("%s-%02d-%02dT%02d:%s", y, month, day, atoi (h), mi);
    }
  return g_strdup_printf ("%s-%02d-%02d", y, month, day);
}

static gboolean
worth_a_look (const char *text)
{
  static const char * const keywords[] = { "来源", "來源", "稿源", "出处", "作者", "记者", "記者", "文：", NULL };

  for (const char *p = text; p[0] != '\0'; p++)
    if ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'))
      if (g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
        return TRUE;
  for (guint i = 0; keywords[i] != NULL; i++)
    if (strstr (text, keywords[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
read_metadata (xmlDoc *doc,
               Meta   *m)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  const Patterns *p = patterns ();
  xmlNode *last_parent = NULL;

  if (root == NULL)
    return;
  if (tag_is (root, "html"))
    {
      g_autofree char *lang = get_attr (root, "lang");
      set_once (&m->lang, lang);
    }

  for (xmlNode *node = root; node != NULL; )
    {
      gboolean skip = FALSE;

      if (is_element (node))
        {
          if (tag_is (node, "meta"))
            read_meta_tag (node, m);
          else if (tag_is (node, "title"))
            {
              g_autofree char *t = inner_text (node);
              set_once (&m->title_tag, t);
              skip = TRUE;
            }
          else if (tag_is (node, "script"))
            {
              g_autofree char *type = get_attr (node, "type");
              if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
                {
                  xmlChar *content = xmlNodeGetContent (node);
                  if (content != NULL)
                    read_json_ld ((const char *) content, m);
                  xmlFree (content);
                }
              skip = TRUE;
            }
          else if (tag_is (node, "style"))
            skip = TRUE;
          else if (tag_is (node, "h1") && m->h1 == NULL)
            {
              g_autofree char *t = inner_text (node);
              set_once (&m->h1, t);
            }
          else if (tag_is (node, "time") && m->published == NULL)
            {
              g_autofree char *dt = get_attr (node, "datetime");
              g_autofree char *pub = get_attr (node, "pubdate");
              if (dt != NULL && (pub != NULL || has_ancestor_tag (node, "article", 0) ||
                                 count_tags (root, "time") == 1))
                set_once (&m->published, dt);
            }
          else
            {
              g_autofree char *itemprop = get_attr (node, "itemprop");
              g_autofree char *rel = get_attr (node, "rel");

              if (itemprop != NULL && strstr (itemprop, "datePublished") != NULL)
                {
                  g_autofree char *v = get_attr (node, "datetime");
                  if (v == NULL)
                    v = get_attr (node, "content");
                  if (v == NULL)
                    v = inner_text (node);
                  set_once (&m->published, v);
                }
              else if ((itemprop != NULL && strstr (itemprop, "author") != NULL) ||
                       (rel != NULL && g_str_equal (rel, "author")))
                {
                  g_autofree char *t = inner_text (node);
                  if (g_utf8_strlen (t, -1) < 100)
                    set_once (&m->byline, t);
                }
            }
        }
      else if (node->type == XML_TEXT_NODE && node->content != NULL &&
               (m->source_cn == NULL || m->date_cn == NULL || m->author_cn == NULL))
        {
          /* "来源:人民日报 2023-03-21 15:40" and "作者：张三" sit in short info lines. */
          xmlNode *parent = node->parent;
          g_autofree char *line = NULL;

          /* Each info line once, however many text nodes it holds, and only where a
           * keyword or a year makes it worth reading. */
          if (parent != last_parent && strlen ((const char *) node->content) < 600 &&
              worth_a_look ((const char *) node->content))
            line = inner_text_bounded (parent, 800);
          last_parent = parent;

          if (line != NULL && g_utf8_strlen (line, 200) < 200 &&
              !tag_is (parent, "a") && !tag_is (parent, "title"))
            {
              g_autoptr(GMatchInfo) info = NULL;

              if (m->source_cn == NULL && g_regex_match (p->source, line, 0, &info))
                {
                  m->source_cn = g_match_info_fetch (info, 1);
                  if (m->date_cn == NULL)
                    m->date_cn = match_date (line);
                }
              g_clear_pointer (&info, g_match_info_free);
              if (m->author_cn == NULL && g_regex_match (p->author_cn, line, 0, &info))
                m->author_cn = g_match_info_fetch (info, 1);
              if (m->date_cn == NULL && m->source_cn == NULL && g_utf8_strlen (line, 80) < 80)
                {
                  g_autofree char *date = match_date (line);
                  /* A bare date in a short line is a weaker sign; keep it only as a fallback. */
                  if (date != NULL && strlen (date) > 10)
                    m->date_cn = g_steal_pointer (&date);
                }
            }
        }
      node = next_node (node, skip);
    }
}

static const char * const title_separators[] = {
  " | ", " - ", " – ", " — ", " _ ", " :: ", " » ", " / ", "_", "|", "｜", "－", "—", NULL
};

/* Splits a <title> into parts at the separators sites put between article and site name. */
static GPtrArray *
split_title (const char *title)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; title_separators[i] != NULL; i++)
    {
      if (strstr (title, title_separators[i]) != NULL)
        {
          g_auto(GStrv) split = g_strsplit (title, title_separators[i], -1);
          for (guint j = 0; split[j] != NULL; j++)
            {
              g_autofree char *t = g_strstrip (g_strdup (split[j]));
              if (*t != '\0')
                g_ptr_array_add (parts, g_steal_pointer (&t));
            }
          if (parts->len > 1)
            return parts;
          g_ptr_array_set_size (parts, 0);
        }
    }
  g_ptr_array_add (parts, g_strdup (title));
  return parts;
}

static glong
weighted_length (const char *s)
{
  glong n = 0;

  /* A CJK character says about as much as a short word. */
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) >= 0x2E80 ? 3 : 1;
  return n;
}

static void
choose_title (Meta       *m,
              char      **title,
              char      **site_guess)
{
  const char *source = m->og_title ? m->og_title : m->title_tag;
  g_autoptr(GPtrArray) parts = NULL;

  *site_guess = NULL;
  if (source == NULL)
    {
      *title = g_strdup (m->h1);
      return;
    }

  parts = split_title (source);
  if (parts->len == 1)
    {
      *title = g_strdup (source);
      return;
    }

  /* The h1 usually is the article title proper. */
  if (m->h1 != NULL)
    for (guint i = 0; i < parts->len; i++)
      if (g_str_equal (parts->pdata[i], m->h1))
        {
          *title = g_strdup (m->h1);
          if (i + 1 < parts->len)
            *site_guess = g_strdup (parts->pdata[parts->len - 1]);
          return;
        }

  if (weighted_length (parts->pdata[0]) >= 15)
    {
      *title = g_strdup (parts->pdata[0]);
      *site_guess = g_strdup (parts->pdata[parts->len - 1]);
    }
  else if (m->h1 != NULL && strstr (source, m->h1) != NULL)
    *title = g_strdup (m->h1);
  else
    *title = g_strdup (source);
}

/* ------------------------------------------------------------------ */
/* Content                                                             */

typedef struct
{
  xmlDoc     *doc;
  guint       flags;
  GHashTable *scores;      /* xmlNode* → NodeScore* */
  GPtrArray  *candidates;  /* xmlNode* in first-seen order */
  char       *byline;
} Grab;

static NodeScore *
get_score (Grab    *g,
           xmlNode *node)
{
  return g_hash_table_lookup (g->scores, node);
}

static NodeScore *
init_score (Grab    *g,
            xmlNode *node)
{
  NodeScore *s = g_new0 (NodeScore, 1);
  const char *name = (const char *) node->name;

  if (g_str_equal (name, "div") || g_str_equal (name, "article"))
    s->score = 5;
  else if (g_str_equal (name, "pre") || g_str_equal (name, "td") || g_str_equal (name, "blockquote"))
    s->score = 3;
  else if (g_str_equal (name, "address") || g_str_equal (name, "ol") || g_str_equal (name, "ul") ||
           g_str_equal (name, "dl") || g_str_equal (name, "dd") || g_str_equal (name, "dt") ||
           g_str_equal (name, "li") || g_str_equal (name, "form"))
    s->score = -3;
  else if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    s->score = -5;
  else if (g_str_equal (name, "th"))
    s->score = -5;
  s->score += class_weight (node, g->flags);
  g_hash_table_insert (g->scores, node, s);
  g_ptr_array_add (g->candidates, node);
  return s;
}

static const char * const phrasing_breakers[] = {
  "div", "p", "blockquote", "ol", "ul", "table", "pre", "section", "article", "header",
  "footer", "figure", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "aside", "nav", "form",
  "main", "hr", "center", "address", "fieldset", "details", "menu", "hgroup", NULL
};

/* Wraps runs of loose text and inline elements inside a block container into <p>, so
 * that a div holding both text and blocks scores its text like paragraphs. */
static void
wrap_loose_text (xmlDoc  *doc,
                 xmlNode *div)
{
  xmlNode *child = div->children;

  while (child != NULL)
    {
      xmlNode *start = child;
      xmlNode *end = NULL;
      gboolean has_text = FALSE;

      while (child != NULL && !tag_in (child, phrasing_breakers))
        {
          if (child->type == XML_TEXT_NODE && child->content != NULL)
            {
              for (const char *c = (const char *) child->content; *c; c++)
                if (!g_ascii_isspace (*c))
                  {
                    has_text = TRUE;
                    break;
                  }
            }
          else if (is_element (child) && !tag_is (child, "br"))
            has_text = TRUE;
          end = child;
          child = child->next;
        }

      if (end != NULL && has_text)
        {
          xmlNode *p = xmlNewDocNode (doc, NULL, BAD_CAST "p", NULL);
          xmlNode *n = start;

          xmlAddPrevSibling (start, p);
          while (TRUE)
            {
              xmlNode *next = n->next;
              gboolean last = (n == end);

              xmlUnlinkNode (n);
              xmlAddChild (p, n);
              if (last)
                break;
              n = next;
            }
        }
      if (child != NULL)
        child = child->next;
    }
}

static const char * const always_remove[] = {
  "script", "style", "noscript", "template", "svg", "math", "object", "embed", "iframe",
  "link", "meta", "button", "input", "select", "textarea", "canvas", "audio", "video",
  "source", "map", "head", "title", "nav", "aside", "dialog", NULL
};

static const char * const unlikely_roles[] = {
  "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL
};

static gboolean
strv_has (const char * const *v,
          const char         *s)
{
  for (guint i = 0; v[i] != NULL; i++)
    if (g_ascii_strcasecmp (v[i], s) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_media (xmlNode *node)
{
  return count_tags (node, "img") > 0 || count_tags (node, "picture") > 0;
}

static gboolean
has_visible_text (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != NULL)
        {
          for (const char *p = (const char *) child->content; *p; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);
              if (!is_space_char (c) && !is_invisible_char (c))
                return TRUE;
            }
        }
      else if (child->type == XML_ELEMENT_NODE && has_visible_text (child))
        return TRUE;
    }
  return FALSE;
}

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return NULL;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (tag_is (c, "body"))
      return c;
  return root;
}

static void
collect_elements_to_score (Grab      *g,
                           xmlNode   *body,
                           GPtrArray *out)
{
  const Patterns *p = patterns ();
  xmlNode *node = body;

  while (node != NULL)
    {
      xmlNode *next;

      if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
        {
          next = next_node (node, TRUE);
          remove_node (node);
          node = next;
          continue;
        }
      if (!is_element (node))
        {
          node = next_node (node, FALSE);
          continue;
        }

      if (node != body)
        {
          g_autofree char *match = class_and_id (node);
          g_autofree char *role = get_attr (node, "role");
          gboolean drop = FALSE;

          if (tag_in (node, always_remove) || is_probably_hidden (node))
            drop = TRUE;
          else if (g->byline == NULL && match != NULL &&
                   g_regex_match (p->byline, match, 0, NULL))
            {
              g_autofree char *t = inner_text (node);
              glong len = g_utf8_strlen (t, -1);

              if (len > 0 && len < 100)
                {
                  g->byline = g_steal_pointer (&t);
                  drop = TRUE;
                }
            }

          if (!drop && (g->flags & FLAG_STRIP_UNLIKELY))
            {
              if (match != NULL && g_regex_match (p->unlikely, match, 0, NULL) &&
                  !g_regex_match (p->maybe, match, 0, NULL) &&
                  !tag_is (node, "a") && !tag_is (node, "article") &&
                  !has_ancestor_tag (node, "table", 0) && !has_ancestor_tag (node, "code", 0))
                drop = TRUE;
              else if (role != NULL && strv_has (unlikely_roles, role))
                drop = TRUE;
            }

          if (!drop && (tag_is (node, "div") || tag_is (node, "section") || tag_is (node, "header") ||
                        (node->name[0] == 'h' && node->name[1] >= '1' && node->name[1] <= '6' &&
                         node->name[2] == '\0')))
            {
              if (!has_visible_text (node) && !has_media (node))
                drop = TRUE;
            }

          if (drop)
            {
              next = next_node (node, TRUE);
              remove_node (node);
              node = next;
              continue;
            }
        }

      if (tag_in (node, (const char * const[]) { "section", "h2", "h3", "h4", "h5", "h6", "p",
                                                 "td", "pre", NULL }))
        g_ptr_array_add (out, node);
      else if (tag_is (node, "div") || tag_is (node, "article") || tag_is (node, "font") ||
               tag_is (node, "center"))
        {
          if (!has_block_child (node))
            g_ptr_array_add (out, node);
          else
            wrap_loose_text (g->doc, node);
        }

      node = next_node (node, FALSE);
    }
}

static void
score_paragraphs (Grab      *g,
                  GPtrArray *elements)
{
  for (guint i = 0; i < elements->len; i++)
    {
      xmlNode *el = elements->pdata[i];
      g_autofree char *text = NULL;
      glong len;
      double content_score;
      int level = 0;

      if (!is_element (el->parent))
        continue;
      text = inner_text (el);
      len = g_utf8_strlen (text, -1);
      if (len < 25)
        continue;

      content_score = 1 + count_commas (text) + MIN (len / 100, 3);

      for (xmlNode *anc = el->parent; is_element (anc) && level < 5; anc = anc->parent, level++)
        {
          NodeScore *s = get_score (g, anc);
          double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

          if (anc->parent == NULL || anc->parent->type == XML_DOCUMENT_NODE ||
              anc->parent->type == XML_HTML_DOCUMENT_NODE)
            break;
          if (s == NULL)
            s = init_score (g, anc);
          s->score += content_score / divider;
        }
    }
}

static gboolean
node_contains (xmlNode *ancestor,
               xmlNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

static xmlNode *
pick_top_candidate (Grab    *g,
                    xmlNode *body,
                    double  *top_score)
{
  xmlNode *top[N_TOP_CANDIDATES] = { NULL, };
  double top_s[N_TOP_CANDIDATES] = { 0, };
  xmlNode *best;
  NodeScore *best_s;

  for (guint i = 0; i < g->candidates->len; i++)
    {
      xmlNode *c = g->candidates->pdata[i];
      NodeScore *s = get_score (g, c);

      s->score *= 1 - link_density (c);
      for (guint k = 0; k < N_TOP_CANDIDATES; k++)
        {
          if (top[k] == NULL || s->score > top_s[k])
            {
              memmove (&top[k + 1], &top[k], (N_TOP_CANDIDATES - k - 1) * sizeof top[0]);
              memmove (&top_s[k + 1], &top_s[k], (N_TOP_CANDIDATES - k - 1) * sizeof top_s[0]);
              top[k] = c;
              top_s[k] = s->score;
              break;
            }
        }
    }

  best = top[0];
  if (best == NULL || tag_is (best, "body"))
    {
      *top_score = 0;
      return NULL;
    }

  /* When several strong candidates share an ancestor, the article is that ancestor
   * (an article split into sections or pages of paragraphs). */
  {
    guint n_alt = 0;
    xmlNode *alts[N_TOP_CANDIDATES];

    for (guint k = 1; k < N_TOP_CANDIDATES; k++)
      if (top[k] != NULL && top_s[k] / top_s[0] >= 0.75)
        alts[n_alt++] = top[k];
    if (n_alt >= 3)
      {
        for (xmlNode *parent = best->parent; is_element (parent) && parent != body; parent = parent->parent)
          {
            guint lists = 0;
            for (guint k = 0; k < n_alt; k++)
              if (node_contains (parent, alts[k]))
                lists++;
            if (lists >= 3)
              {
                best = parent;
                break;
              }
          }
      }
  }

  if (get_score (g, best) == NULL)
    init_score (g, best);

  /* Climb while the parent scores better: the article often is one level up. */
  {
    double last = get_score (g, best)->score;
    double threshold = last / 3;

    for (xmlNode *parent = best->parent; is_element (parent) && !tag_is (parent, "body");
         parent = parent->parent)
      {
        NodeScore *ps = get_score (g, parent);

        if (ps == NULL)
          continue;
        if (ps->score < threshold)
          break;
        if (ps->score > last)
          {
            best = parent;
            break;
          }
        last = ps->score;
      }
  }

  /* A lone child says nothing its parent does not. */
  while (is_element (best->parent) && !tag_is (best->parent, "body"))
    {
      guint n = 0;
      for (xmlNode *c = best->parent->children; c != NULL; c = c->next)
        if (is_element (c))
          n++;
      if (n != 1)
        break;
      best = best->parent;
      if (get_score (g, best) == NULL)
        init_score (g, best);
    }

  best_s = get_score (g, best);
  *top_score = best_s ? best_s->score : 0;
  return best;
}

static gboolean
ends_like_sentence (const char *text)
{
  return strstr (text, ". ") != NULL || g_str_has_suffix (text, ".") ||
         strstr (text, "。") != NULL || strstr (text, "！") != NULL || strstr (text, "？") != NULL;
}

static xmlNode *
gather_article (Grab    *g,
                xmlNode *top,
                double   top_score)
{
  xmlNode *article = xmlNewDocNode (g->doc, NULL, BAD_CAST "div", NULL);
  xmlNode *parent = top->parent;
  double threshold = MAX (10, top_score * 0.2);
  g_autofree char *top_class = get_attr (top, "class");
  xmlNode *sib;

  if (!is_element (parent))
    {
      xmlUnlinkNode (top);
      xmlAddChild (article, top);
      return article;
    }

  sib = parent->children;
  while (sib != NULL)
    {
      xmlNode *next = sib->next;
      gboolean append = FALSE;

      if (sib == top)
        append = TRUE;
      else if (is_element (sib))
        {
          NodeScore *s = get_score (g, sib);
          double bonus = 0;
          g_autofree char *klass = get_attr (sib, "class");

          if (top_class != NULL && *top_class != '\0' && klass != NULL && g_str_equal (klass, top_class))
            bonus += top_score * 0.2;
          if (s != NULL && s->score + bonus >= threshold)
            append = TRUE;
          else if (tag_is (sib, "p") || (tag_is (sib, "div") && !has_block_child (sib)))
            {
              g_autofree char *text = inner_text (sib);
              glong len = g_utf8_strlen (text, -1);
              double ld = link_density (sib);

              if (len > 80 && ld < 0.25)
                append = TRUE;
              else if (len < 80 && len > 0 && ld == 0 && ends_like_sentence (text))
                append = TRUE;
            }
        }

      if (append)
        {
          xmlUnlinkNode (sib);
          xmlAddChild (article, sib);
        }
      sib = next;
    }
  return article;
}

static gboolean
is_data_table (xmlNode *table)
{
  g_autofree char *role = get_attr (table, "role");
  g_autofree char *summary = NULL;
  guint rows, cols;

  if (role != NULL && g_str_equal (role, "presentation"))
    return FALSE;
  summary = get_attr (table, "summary");
  if (summary != NULL || count_tags (table, "caption") > 0 || count_tags (table, "th") > 0 ||
      count_tags (table, "thead") > 0)
    return TRUE;
  if (count_tags (table, "table") > 0)
    return FALSE;
  rows = count_tags (table, "tr");
  cols = rows > 0 ? count_tags (table, "td") / rows : 0;
  return rows >= 10 || cols > 4 || rows * cols > 10;
}

static void
clean_conditionally (Grab       *g,
                     xmlNode    *article,
                     const char *tag)
{
  const Patterns *p = patterns ();
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  for (xmlNode *n = article->children; n != NULL; n = next_node (n, FALSE))
    {
      if (!node_contains (article, n))
        break;
      if (tag_is (n, tag))
        g_ptr_array_add (nodes, n);
    }

  /* Innermost first, so that a container is judged on what remains inside it. */
  for (guint i = nodes->len; i > 0; i--)
    {
      xmlNode *n = nodes->pdata[i - 1];
      g_autofree char *text = NULL;
      int weight;
      NodeScore *s;
      gboolean is_list;
      gboolean remove = FALSE;

      if (tag_is (n, "table") && is_data_table (n))
        continue;
      if (has_ancestor_tag (n, "table", 0) && g_ptr_array_find (nodes, n, NULL) &&
          !tag_is (n, "table"))
        {
          xmlNode *t = n->parent;
          while (!tag_is (t, "table"))
            t = t->parent;
          if (is_data_table (t))
            continue;
        }
      if (has_ancestor_tag (n, "code", 0) || has_ancestor_tag (n, "pre", 0))
        continue;

      text = inner_text (n);
      weight = class_weight (n, g->flags);
      s = get_score (g, n);
      is_list = tag_is (n, "ul") || tag_is (n, "ol");

      if (g_regex_match (p->boilerplate_text, text, 0, NULL) && g_utf8_strlen (text, -1) < 2000)
        remove = TRUE;
      else if (weight + (s ? s->score : 0) < 0)
        remove = TRUE;
      else if (count_commas (text) < 10)
        {
          glong content_len = g_utf8_strlen (text, -1);
          double paras = count_tags (n, "p");
          double imgs = count_tags (n, "img");
          double lis = (double) count_tags (n, "li") - 100;
          double inputs = count_tags (n, "input");
          double ld = link_density (n);
          guint embeds = count_tags (n, "embed") + count_tags (n, "object") + count_tags (n, "iframe");
          glong heading_len = 0;
          double heading_density;
          gboolean in_figure = has_ancestor_tag (n, "figure", 3);

          for (const char *h = "123456"; *h; h++)
            {
              char name[3] = { 'h', *h, 0 };
              for (xmlNode *c = n->children; c != NULL; c = next_node (c, FALSE))
                {
                  if (!node_contains (n, c))
                    break;
                  if (tag_is (c, name))
                    heading_len += text_length (c);
                }
            }
          heading_density = content_len > 0 ? (double) heading_len / content_len : 0;

          if (!is_list)
            {
              glong list_len = 0;
              for (xmlNode *c = n->children; c != NULL; c = next_node (c, FALSE))
                {
                  if (!node_contains (n, c))
                    break;
                  if (tag_is (c, "ul") || tag_is (c, "ol"))
                    list_len += text_length (c);
                }
              is_list = content_len > 0 && (double) list_len / content_len > 0.9;
            }

          if (imgs > 1 && paras / imgs < 0.5 && !in_figure)
            remove = TRUE;
          else if (!is_list && lis > paras)
            remove = TRUE;
          else if (inputs > floor (paras / 3))
            remove = TRUE;
          else if (!is_list && heading_density < 0.9 && content_len < 25 &&
                   (imgs == 0 || imgs > 2) && !in_figure)
            remove = TRUE;
          else if (!is_list && weight < 25 && ld > 0.2)
            remove = TRUE;
          else if (weight >= 25 && ld > 0.5)
            remove = TRUE;
          else if ((embeds == 1 && content_len < 75) || embeds > 1)
            remove = TRUE;
          /* Lists of links (related articles) in list form. */
          else if (is_list && ld > 0.6 && content_len < 2000)
            remove = TRUE;
        }

      if (remove)
        remove_node (n);
    }
}

static void
prep_article (Grab    *g,
              xmlNode *article)
{
  const Patterns *p = patterns ();
  g_autoptr(GPtrArray) drop = g_ptr_array_new ();

  for (xmlNode *n = article->children; n != NULL; )
    {
      gboolean skip = FALSE;

      if (is_element (n))
        {
          g_autofree char *match = class_and_id (n);

          if (tag_in (n, (const char * const[]) { "footer", "form", "fieldset", NULL }))
            {
              g_ptr_array_add (drop, n);
              skip = TRUE;
            }
          else if (match != NULL && g_regex_match (p->share, match, 0, NULL) && text_length (n) < 500)
            {
              g_ptr_array_add (drop, n);
              skip = TRUE;
            }
          else if ((tag_is (n, "h1") || tag_is (n, "h2")) && class_weight (n, g->flags) < 0)
            {
              g_ptr_array_add (drop, n);
              skip = TRUE;
            }
          else if (tag_in (n, (const char * const[]) { "p", "div", "h2", "h3", "h4", "ul", NULL }))
            {
              g_autofree char *t = inner_text (n);
              if (g_regex_match (p->boilerplate_text, t, 0, NULL) && g_utf8_strlen (t, -1) < 300 &&
                  link_density (n) > 0.3)
                {
                  g_ptr_array_add (drop, n);
                  skip = TRUE;
                }
            }
        }
      n = next_node (n, skip);
      if (n != NULL && !node_contains (article, n))
        break;
    }
  for (guint i = 0; i < drop->len; i++)
    remove_node (drop->pdata[i]);

  if (g->flags & FLAG_CLEAN_CONDITIONALLY)
    {
      clean_conditionally (g, article, "table");
      clean_conditionally (g, article, "ul");
      clean_conditionally (g, article, "ol");
      clean_conditionally (g, article, "div");
      clean_conditionally (g, article, "section");
    }
}

/* ------------------------------------------------------------------ */
/* Serialisation                                                       */

typedef struct
{
  GPtrArray *blocks;
  GString   *cur;
  gboolean   cur_pre;
} Writer;

static void
writer_flush (Writer *w)
{
  g_auto(GStrv) lines = NULL;
  GString *para = g_string_new (NULL);

  if (w->cur->len == 0)
    {
      g_string_free (para, TRUE);
      return;
    }

  lines = g_strsplit (w->cur->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (lines[i]);

      if (w->cur_pre)
        {
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
        }
      else
        collapse_spaces (line);

      if (line->len == 0)
        {
          /* An empty line (two <br>s) ends a paragraph. */
          if (para->len > 0)
            {
              g_ptr_array_add (w->blocks, g_string_free (para, FALSE));
              para = g_string_new (NULL);
            }
          continue;
        }
      if (para->len > 0)
        g_string_append_c (para, '\n');
      g_string_append_len (para, line->str, line->len);
    }
  if (para->len > 0)
    g_ptr_array_add (w->blocks, g_string_free (para, FALSE));
  else
    g_string_free (para, TRUE);
  g_string_truncate (w->cur, 0);
  w->cur_pre = FALSE;
}

static void
write_node (Writer  *w,
            xmlNode *node,
            gboolean in_pre)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          if (c->content == NULL)
            continue;
          if (in_pre)
            w->cur_pre = TRUE;
          append_flat (w->cur, (const char *) c->content, in_pre);
        }
      else if (is_element (c))
        {
          if (tag_is (c, "br"))
            g_string_append_c (w->cur, '\n');
          else if (tag_in (c, always_remove) || tag_is (c, "img"))
            continue;
          else if (is_block (c))
            {
              gboolean pre = in_pre || tag_is (c, "pre");

              writer_flush (w);
              write_node (w, c, pre);
              writer_flush (w);
            }
          else
            {
              /* Inline elements that sit flush against a neighbour keep words apart
               * only if the markup does; add nothing. */
              write_node (w, c, in_pre);
            }
        }
    }
}

static GPtrArray *
article_blocks (xmlNode *article)
{
  Writer w = { g_ptr_array_new_with_free_func (g_free), g_string_new (NULL), FALSE };

  write_node (&w, article, FALSE);
  writer_flush (&w);
  g_string_free (w.cur, TRUE);
  return w.blocks;
}

static glong
blocks_length (GPtrArray *blocks)
{
  glong n = 0;

  for (guint i = 0; i < blocks->len; i++)
    n += g_utf8_strlen (blocks->pdata[i], -1);
  return n;
}

/* One pass of the content grab on a fresh parse; returns the body's blocks. */
/* Takes @doc, which it changes and frees. */
static GPtrArray *
grab_article (xmlDoc     *doc,
              guint       flags,
              char      **byline)
{
  g_autoptr(GHashTable) scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  Grab g = { NULL, flags, scores, candidates, NULL };
  xmlNode *body;
  xmlNode *top;
  xmlNode *article;
  double top_score = 0;
  GPtrArray *blocks;
  gboolean attached;

  g.doc = doc;

  body = find_body (g.doc);
  if (body == NULL)
    {
      xmlFreeDoc (g.doc);
      return g_ptr_array_new_with_free_func (g_free);
    }

  collect_elements_to_score (&g, body, elements);
  score_paragraphs (&g, elements);
  top = pick_top_candidate (&g, body, &top_score);

  if (top == NULL)
    {
      /* No paragraph scored: the whole body is all there is. */
      article = xmlNewDocNode (g.doc, NULL, BAD_CAST "div", NULL);
      while (body->children != NULL)
        {
          xmlNode *c = body->children;
          xmlUnlinkNode (c);
          xmlAddChild (article, c);
        }
    }
  else
    article = gather_article (&g, top, top_score);

  /* On a broken page the body can end up inside the article (a stray
   * <html> within it): adding the article to it would make a loop. */
  attached = !node_contains (article, body);
  if (attached)
    xmlAddChild (body, article);
  prep_article (&g, article);
  blocks = article_blocks (article);

  *byline = g.byline;
  if (!attached)
    xmlFreeNode (article);
  xmlFreeDoc (g.doc);
  return blocks;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */

/* libxml2 2.9 checks each attribute of a tag against all the ones before
 * it and appends it at the end of a list: one tag with 40 000 attributes
 * takes seconds.  No element of a real page has this many; the rest of
 * such a tag is dropped before parsing. */
#define MAX_ATTRIBUTES 128

static const char *
skip_quoted (const char *p)
{
  const char *end = strchr (p + 1, *p);

  return end ? end + 1 : p + strlen (p);
}

/* Returns @html with the attributes of each tag beyond MAX_ATTRIBUTES
 * removed, or %NULL when no tag has that many.  Linear. */
static char *
cap_attributes (const char *html)
{
  GString *out = NULL;
  const char *copied = html;
  const char *p = html;

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *cut = NULL;
      guint count = 0;

      if (g_str_has_prefix (p, "<!--"))
        {
          const char *end = strstr (p + 4, "-->");

          p = end ? end + 3 : p + strlen (p);
          continue;
        }
      if (!g_ascii_isalpha (p[1]))
        {
          p++;
          continue;
        }

      /* The tag's name, then its attributes up to the '>'. */
      p++;
      while (*p && !g_ascii_isspace (*p) && *p != '>' && *p != '/')
        p++;
      for (;;)
        {
          const char *attribute;

          while (g_ascii_isspace (*p) || *p == '/')
            p++;
          if (*p == '\0' || *p == '>')
            break;
          attribute = p;
          while (*p && !g_ascii_isspace (*p) && *p != '>' && *p != '=' && *p != '/')
            p++;
          while (g_ascii_isspace (*p))
            p++;
          if (*p == '=')
            {
              p++;
              while (g_ascii_isspace (*p))
                p++;
              if (*p == '"' || *p == '\'')
                p = skip_quoted (p);
              else
                while (*p && !g_ascii_isspace (*p) && *p != '>')
                  p++;
            }
          if (p == attribute)
            p++;
          if (++count == MAX_ATTRIBUTES + 1)
            cut = attribute;
        }

      if (cut != NULL)
        {
          if (out == NULL)
            out = g_string_sized_new (strlen (html));
          g_string_append_len (out, copied, cut - copied);
          copied = p;
        }
      if (*p == '\0')
        break;
      p++;
    }

  if (out == NULL)
    return NULL;
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

/* Parses @html once (extraction works on copies of the result). */
static xmlDoc *
parse_html (const char  *html,
            GError     **error)
{
  g_autofree char *capped = cap_attributes (html);
  const char *text = capped ? capped : html;
  htmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  gboolean too_deep;

  if (strlen (text) > G_MAXINT)
    {
      g_set_error (error, GLOSS_HTML_ERROR, GLOSS_HTML_ERROR_PARSE, _("The page is too large"));
      return NULL;
    }

  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, GLOSS_HTML_ERROR, GLOSS_HTML_ERROR_PARSE, _("The page could not be parsed as HTML"));
      return NULL;
    }
  doc = htmlCtxtReadMemory (ctxt, text, (int) strlen (text), NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  /* libxml2 stops at 256 levels and keeps what came before: the rest of
   * the article would be lost without a word.  (XML_PARSE_HUGE lifts the
   * limit, but the walks below, like libxml2's own copy and free, go one
   * stack frame per level.) */
  too_deep = ctxt->lastError.code == XML_ERR_INTERNAL_ERROR &&
             ctxt->lastError.message != NULL &&
             strstr (ctxt->lastError.message, "Excessive depth") != NULL;
  htmlFreeParserCtxt (ctxt);

  if (too_deep)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, GLOSS_HTML_ERROR, GLOSS_HTML_ERROR_PARSE,
                   _("The page is nested more than %d levels deep; Gloss cannot read all of it"), 256);
      return NULL;
    }
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, GLOSS_HTML_ERROR, GLOSS_HTML_ERROR_PARSE, _("The page could not be parsed as HTML"));
      return NULL;
    }
  return doc;
}

/* ------------------------------------------------------------------ */
/* Charset                                                             */

static char *
sniff_meta_charset (const guint8 *data,
                    gsize         length)
{
  g_autoptr(GMatchInfo) info = NULL;
  gsize n = MIN (length, 8192);
  g_autofree char *head = g_strndup ((const char *) data, n);

  /* g_strndup stops at a NUL, which is fine: a charset declaration precedes any. */
  if (g_regex_match (patterns ()->meta_charset, head, 0, &info))
    return g_match_info_fetch (info, 1);
  return NULL;
}

static char *
decode_html (const guint8  *data,
             gsize          length,
             const char    *http_charset,
             const char    *override,
             char         **charset,
             char         **charset_source,
             GError       **error)
{
  g_autofree char *meta = NULL;
  char *text;

  if (override != NULL)
    {
      *charset_source = g_strdup ("override");
      return gloss_decode_text (data, length, override, charset, error);
    }

  /* BOMs and valid UTF-8 win over any declaration: saved pages are often re-encoded
   * to UTF-8 while keeping the original <meta charset>. */
  if ((length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) ||
      (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0)))
    {
      *charset_source = g_strdup ("bom");
      return gloss_decode_text (data, length, NULL, charset, error);
    }
  if (g_utf8_validate ((const char *) data, length, NULL))
    {
      *charset_source = g_strdup ("utf-8");
      *charset = g_strdup ("UTF-8");
      return g_strndup ((const char *) data, length);
    }

  if (http_charset != NULL && *http_charset != '\0')
    {
      text = gloss_decode_text (data, length, http_charset, charset, NULL);
      if (text != NULL)
        {
          *charset_source = g_strdup ("http");
          return text;
        }
    }

  meta = sniff_meta_charset (data, length);
  if (meta != NULL)
    {
      text = gloss_decode_text (data, length, meta, charset, NULL);
      if (text != NULL)
        {
          *charset_source = g_strdup ("meta");
          return text;
        }
    }

  *charset_source = g_strdup ("detected");
  return gloss_decode_text (data, length, NULL, charset, error);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

void
gloss_html_article_free (GlossHtmlArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->title);
  g_free (article->byline);
  g_free (article->published);
  g_free (article->site_name);
  g_free (article->lang);
  g_free (article->charset);
  g_free (article->charset_source);
  g_free (article->body);
  g_free (article);
}

gboolean
gloss_html_sniff (const guint8 *data,
                  gsize         length)
{
  gsize n = MIN (length, 1024);
  g_autofree char *head = NULL;
  const char *p;

  /* Skip BOM and leading space, then look for markup typical of HTML. */
  if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      n -= 3;
    }
  head = g_ascii_strdown ((const char *) data, n);
  p = head;
  while (*p != '\0' && g_ascii_isspace (*p))
    p++;
  if (*p != '<')
    return FALSE;
  return strstr (p, "<!doctype html") != NULL || strstr (p, "<html") != NULL ||
         strstr (p, "<head") != NULL || strstr (p, "<body") != NULL ||
         strstr (p, "<meta") != NULL || strstr (p, "<title") != NULL ||
         strstr (p, "<p>") != NULL || strstr (p, "<div") != NULL;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  na = g_utf8_casefold (a, -1);
  nb = g_utf8_casefold (b, -1);
  return g_str_equal (na, nb);
}

/**
 * gloss_html_extract:
 * @data: the page as received
 * @length: its length in bytes
 * @http_charset: (nullable): the charset of the HTTP Content-Type header
 * @override: (nullable): a charset to use instead of detecting one
 * @error: return location for a #GError
 *
 * Extracts the article of an HTML page.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
GlossHtmlArticle *
gloss_html_extract (const guint8  *data,
                    gsize          length,
                    const char    *http_charset,
                    const char    *override,
                    GError       **error)
{
  g_autoptr(GlossHtmlArticle) article = g_new0 (GlossHtmlArticle, 1);
  g_autofree char *html = NULL;
  g_autofree char *site_guess = NULL;
  g_autoptr(GPtrArray) best = NULL;
  g_autofree char *best_byline = NULL;
  g_auto(Meta) meta = { NULL, };
  xmlDoc *doc;
  static const guint attempts[] = {
    FLAG_STRIP_UNLIKELY | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_CLEAN_CONDITIONALLY,
    0,
  };
  GString *body;
  guint start = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  html = decode_html (data, length, http_charset, override,
                      &article->charset, &article->charset_source, error);
  if (html == NULL)
    return NULL;
  if (length > G_MAXINT)
    {
      g_set_error (error, GLOSS_HTML_ERROR, GLOSS_HTML_ERROR_PARSE, _("The page is too large"));
      return NULL;
    }

  doc = parse_html (html, error);
  if (doc == NULL)
    return NULL;
  read_metadata (doc, &meta);

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autofree char *byline = NULL;
      /* Each attempt changes the tree: it works on a copy, the last one
       * on the parse itself. */
      gboolean last = (i + 1 == G_N_ELEMENTS (attempts));
      xmlDoc *tree = last ? g_steal_pointer (&doc) : xmlCopyDoc (doc, 1);
      g_autoptr(GPtrArray) blocks = grab_article (tree, attempts[i], &byline);

      if (best == NULL || blocks_length (blocks) > blocks_length (best))
        {
          g_clear_pointer (&best, g_ptr_array_unref);
          g_clear_pointer (&best_byline, g_free);
          best = g_steal_pointer (&blocks);
          best_byline = g_steal_pointer (&byline);
        }
      if (blocks_length (best) >= CHAR_THRESHOLD)
        break;
    }
  if (doc != NULL)
    xmlFreeDoc (doc);

  choose_title (&meta, &article->title, &site_guess);
  article->byline = g_strdup (meta.byline ? meta.byline : best_byline ? best_byline : meta.author_cn);
  article->published = g_strdup (meta.published ? meta.published : meta.date_cn);
  article->site_name = g_strdup (meta.site_name ? meta.site_name :
                                 meta.source_cn ? meta.source_cn : site_guess);
  article->lang = g_strdup (meta.lang);

  /* The title goes on top of the canonical text; drop the body's copy of it. */
  if (best->len > 0 && same_text (best->pdata[0], article->title))
    start = 1;

  body = g_string_new (NULL);
  for (guint i = start; i < best->len; i++)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, best->pdata[i]);
    }
  article->body = g_string_free (body, FALSE);

  if (*article->body == '\0' && (article->title == NULL || *article->title == '\0'))
    {
      g_set_error (error, GLOSS_HTML_ERROR, GLOSS_HTML_ERROR_NO_CONTENT,
                   _("The page has no readable text"));
      return NULL;
    }

  return g_steal_pointer (&article);
}

char *
gloss_html_article_to_text (const GlossHtmlArticle *article)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (article != NULL, NULL);

  if (article->title != NULL && *article->title != '\0')
    g_string_append (s, article->title);
  if (article->body != NULL && *article->body != '\0')
    {
      if (s->len > 0)
        g_string_append (s, "\n\n");
      g_string_append (s, article->body);
    }
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}
