/* gloss-html-meta.c: a page's title, date, source and byline, from its
 * <meta> tags, JSON-LD, <title> and the lines Chinese news sites print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "gloss-json.h"

#include "gloss-html-private.h"

/* ------------------------------------------------------------------ */
/* Metadata                                                            */


void
_gloss_html_meta_clear (Meta *m)
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

static void
set_once (char       **slot,
          const char  *value)
{
  g_autofree char *copy = NULL;
  GString *s;

  if (*slot != NULL || value == NULL)
    return;
  s = g_string_new (NULL);
  _gloss_html_append_flat (s, value, FALSE);
  _gloss_html_collapse_spaces (s);
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
  g_autofree char *property = _gloss_html_get_attr (node, "property");
  g_autofree char *name = _gloss_html_get_attr (node, "name");
  g_autofree char *itemprop = _gloss_html_get_attr (node, "itemprop");
  g_autofree char *content = _gloss_html_get_attr (node, "content");
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

  if (!g_regex_match (_gloss_html_patterns ()->date, text, 0, &info))
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

void
_gloss_html_read_metadata (xmlDoc *doc,
                           Meta   *m)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  const Patterns *p = _gloss_html_patterns ();
  xmlNode *last_parent = NULL;

  if (root == NULL)
    return;
  if (tag_is (root, "html"))
    {
      g_autofree char *lang = _gloss_html_get_attr (root, "lang");
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
              g_autofree char *t = _gloss_html_inner_text (node);
              set_once (&m->title_tag, t);
              skip = TRUE;
            }
          else if (tag_is (node, "script"))
            {
              g_autofree char *type = _gloss_html_get_attr (node, "type");
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
              g_autofree char *t = _gloss_html_inner_text (node);
              set_once (&m->h1, t);
            }
          else if (tag_is (node, "time") && m->published == NULL)
            {
              g_autofree char *dt = _gloss_html_get_attr (node, "datetime");
              g_autofree char *pub = _gloss_html_get_attr (node, "pubdate");
              if (dt != NULL && (pub != NULL || _gloss_html_has_ancestor_tag (node, "article", 0) ||
                                 _gloss_html_count_tags (root, "time") == 1))
                set_once (&m->published, dt);
            }
          else
            {
              g_autofree char *itemprop = _gloss_html_get_attr (node, "itemprop");
              g_autofree char *rel = _gloss_html_get_attr (node, "rel");

              if (itemprop != NULL && strstr (itemprop, "datePublished") != NULL)
                {
                  g_autofree char *v = _gloss_html_get_attr (node, "datetime");
                  if (v == NULL)
                    v = _gloss_html_get_attr (node, "content");
                  if (v == NULL)
                    v = _gloss_html_inner_text (node);
                  set_once (&m->published, v);
                }
              else if ((itemprop != NULL && strstr (itemprop, "author") != NULL) ||
                       (rel != NULL && g_str_equal (rel, "author")))
                {
                  g_autofree char *t = _gloss_html_inner_text (node);
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
            line = _gloss_html_inner_text_bounded (parent, 800);
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
      node = _gloss_html_next_node (node, skip);
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

void
_gloss_html_choose_title (Meta       *m,
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
