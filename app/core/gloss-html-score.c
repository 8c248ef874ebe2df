/* gloss-html-score.c: which part of a page is the article
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
#include <string.h>

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "gloss-html-private.h"

/* ------------------------------------------------------------------ */
/* Content                                                             */


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
  s->score += _gloss_html_class_weight (node, g->flags);
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

      while (child != NULL && !_gloss_html_tag_in (child, phrasing_breakers))
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

const char * const _gloss_html_always_remove[] = {
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
  return _gloss_html_count_tags (node, "img") > 0 || _gloss_html_count_tags (node, "picture") > 0;
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
              if (!is_space_char (c) && !_gloss_html_is_invisible_char (c))
                return TRUE;
            }
        }
      else if (child->type == XML_ELEMENT_NODE && has_visible_text (child))
        return TRUE;
    }
  return FALSE;
}

xmlNode *
_gloss_html_find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return NULL;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (tag_is (c, "body"))
      return c;
  return root;
}

void
_gloss_html_collect_elements_to_score (Grab      *g,
                                       xmlNode   *body,
                                       GPtrArray *out)
{
  const Patterns *p = _gloss_html_patterns ();
  xmlNode *node = body;

  while (node != NULL)
    {
      xmlNode *next;

      if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
        {
          next = _gloss_html_next_node (node, TRUE);
          _gloss_html_remove_node (node);
          node = next;
          continue;
        }
      if (!is_element (node))
        {
          node = _gloss_html_next_node (node, FALSE);
          continue;
        }

      if (node != body)
        {
          g_autofree char *match = _gloss_html_class_and_id (node);
          g_autofree char *role = _gloss_html_get_attr (node, "role");
          gboolean drop = FALSE;

          if (_gloss_html_tag_in (node, _gloss_html_always_remove) || _gloss_html_is_probably_hidden (node))
            drop = TRUE;
          else if (g->byline == NULL && match != NULL &&
                   g_regex_match (p->byline, match, 0, NULL))
            {
              g_autofree char *t = _gloss_html_inner_text (node);
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
                  !_gloss_html_has_ancestor_tag (node, "table", 0) && !_gloss_html_has_ancestor_tag (node, "code", 0))
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
              next = _gloss_html_next_node (node, TRUE);
              _gloss_html_remove_node (node);
              node = next;
              continue;
            }
        }

      if (_gloss_html_tag_in (node, (const char * const[]) { "section", "h2", "h3", "h4", "h5", "h6", "p",
                                                 "td", "pre", NULL }))
        g_ptr_array_add (out, node);
      else if (tag_is (node, "div") || tag_is (node, "article") || tag_is (node, "font") ||
               tag_is (node, "center"))
        {
          if (!_gloss_html_has_block_child (node))
            g_ptr_array_add (out, node);
          else
            wrap_loose_text (g->doc, node);
        }

      node = _gloss_html_next_node (node, FALSE);
    }
}

void
_gloss_html_score_paragraphs (Grab      *g,
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
      text = _gloss_html_inner_text (el);
      len = g_utf8_strlen (text, -1);
      if (len < 25)
        continue;

      content_score = 1 + _gloss_html_count_commas (text) + MIN (len / 100, 3);

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

gboolean
_gloss_html_node_contains (xmlNode *ancestor,
                           xmlNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

xmlNode *
_gloss_html_pick_top_candidate (Grab    *g,
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

      s->score *= 1 - _gloss_html_link_density (c);
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
              if (_gloss_html_node_contains (parent, alts[k]))
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

xmlNode *
_gloss_html_gather_article (Grab    *g,
                            xmlNode *top,
                            double   top_score)
{
  xmlNode *article = xmlNewDocNode (g->doc, NULL, BAD_CAST "div", NULL);
  xmlNode *parent = top->parent;
  double threshold = MAX (10, top_score * 0.2);
  g_autofree char *top_class = _gloss_html_get_attr (top, "class");
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
          g_autofree char *klass = _gloss_html_get_attr (sib, "class");

          if (top_class != NULL && *top_class != '\0' && klass != NULL && g_str_equal (klass, top_class))
            bonus += top_score * 0.2;
          if (s != NULL && s->score + bonus >= threshold)
            append = TRUE;
          else if (tag_is (sib, "p") || (tag_is (sib, "div") && !_gloss_html_has_block_child (sib)))
            {
              g_autofree char *text = _gloss_html_inner_text (sib);
              glong len = g_utf8_strlen (text, -1);
              double ld = _gloss_html_link_density (sib);

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
  g_autofree char *role = _gloss_html_get_attr (table, "role");
  g_autofree char *summary = NULL;
  guint rows, cols;

  if (role != NULL && g_str_equal (role, "presentation"))
    return FALSE;
  summary = _gloss_html_get_attr (table, "summary");
  if (summary != NULL || _gloss_html_count_tags (table, "caption") > 0 || _gloss_html_count_tags (table, "th") > 0 ||
      _gloss_html_count_tags (table, "thead") > 0)
    return TRUE;
  if (_gloss_html_count_tags (table, "table") > 0)
    return FALSE;
  rows = _gloss_html_count_tags (table, "tr");
  cols = rows > 0 ? _gloss_html_count_tags (table, "td") / rows : 0;
  return rows >= 10 || cols > 4 || rows * cols > 10;
}

static void
clean_conditionally (Grab       *g,
                     xmlNode    *article,
                     const char *tag)
{
  const Patterns *p = _gloss_html_patterns ();
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  for (xmlNode *n = article->children; n != NULL; n = _gloss_html_next_node (n, FALSE))
    {
      if (!_gloss_html_node_contains (article, n))
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
      if (_gloss_html_has_ancestor_tag (n, "table", 0) && g_ptr_array_find (nodes, n, NULL) &&
          !tag_is (n, "table"))
        {
          xmlNode *t = n->parent;
          while (!tag_is (t, "table"))
            t = t->parent;
          if (is_data_table (t))
            continue;
        }
      if (_gloss_html_has_ancestor_tag (n, "code", 0) || _gloss_html_has_ancestor_tag (n, "pre", 0))
        continue;

      text = _gloss_html_inner_text (n);
      weight = _gloss_html_class_weight (n, g->flags);
      s = get_score (g, n);
      is_list = tag_is (n, "ul") || tag_is (n, "ol");

      if (g_regex_match (p->boilerplate_text, text, 0, NULL) && g_utf8_strlen (text, -1) < 2000)
        remove = TRUE;
      else if (weight + (s ? s->score : 0) < 0)
        remove = TRUE;
      else if (_gloss_html_count_commas (text) < 10)
        {
          glong content_len = g_utf8_strlen (text, -1);
          double paras = _gloss_html_count_tags (n, "p");
          double imgs = _gloss_html_count_tags (n, "img");
          double lis = (double) _gloss_html_count_tags (n, "li") - 100;
          double inputs = _gloss_html_count_tags (n, "input");
          double ld = _gloss_html_link_density (n);
          guint embeds = _gloss_html_count_tags (n, "embed") + _gloss_html_count_tags (n, "object") + _gloss_html_count_tags (n, "iframe");
          glong heading_len = 0;
          double heading_density;
          gboolean in_figure = _gloss_html_has_ancestor_tag (n, "figure", 3);

          for (const char *h = "123456"; *h; h++)
            {
              char name[3] = { 'h', *h, 0 };
              for (xmlNode *c = n->children; c != NULL; c = _gloss_html_next_node (c, FALSE))
                {
                  if (!_gloss_html_node_contains (n, c))
                    break;
                  if (tag_is (c, name))
                    heading_len += _gloss_html_text_length (c);
                }
            }
          heading_density = content_len > 0 ? (double) heading_len / content_len : 0;

          if (!is_list)
            {
              glong list_len = 0;
              for (xmlNode *c = n->children; c != NULL; c = _gloss_html_next_node (c, FALSE))
                {
                  if (!_gloss_html_node_contains (n, c))
                    break;
                  if (tag_is (c, "ul") || tag_is (c, "ol"))
                    list_len += _gloss_html_text_length (c);
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
        _gloss_html_remove_node (n);
    }
}

void
_gloss_html_prep_article (Grab    *g,
                          xmlNode *article)
{
  const Patterns *p = _gloss_html_patterns ();
  g_autoptr(GPtrArray) drop = g_ptr_array_new ();

  for (xmlNode *n = article->children; n != NULL; )
    {
      gboolean skip = FALSE;

      if (is_element (n))
        {
          g_autofree char *match = _gloss_html_class_and_id (n);

          if (_gloss_html_tag_in (n, (const char * const[]) { "footer", "form", "fieldset", NULL }))
            {
              g_ptr_array_add (drop, n);
              skip = TRUE;
            }
          else if (match != NULL && g_regex_match (p->share, match, 0, NULL) && _gloss_html_text_length (n) < 500)
            {
              g_ptr_array_add (drop, n);
              skip = TRUE;
            }
          else if ((tag_is (n, "h1") || tag_is (n, "h2")) && _gloss_html_class_weight (n, g->flags) < 0)
            {
              g_ptr_array_add (drop, n);
              skip = TRUE;
            }
          else if (_gloss_html_tag_in (n, (const char * const[]) { "p", "div", "h2", "h3", "h4", "ul", NULL }))
            {
              g_autofree char *t = _gloss_html_inner_text (n);
              if (g_regex_match (p->boilerplate_text, t, 0, NULL) && g_utf8_strlen (t, -1) < 300 &&
                  _gloss_html_link_density (n) > 0.3)
                {
                  g_ptr_array_add (drop, n);
                  skip = TRUE;
                }
            }
        }
      n = _gloss_html_next_node (n, skip);
      if (n != NULL && !_gloss_html_node_contains (article, n))
        break;
    }
  for (guint i = 0; i < drop->len; i++)
    _gloss_html_remove_node (drop->pdata[i]);

  if (g->flags & FLAG_CLEAN_CONDITIONALLY)
    {
      clean_conditionally (g, article, "table");
      clean_conditionally (g, article, "ul");
      clean_conditionally (g, article, "ol");
      clean_conditionally (g, article, "div");
      clean_conditionally (g, article, "section");
    }
}
