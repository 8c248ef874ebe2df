/* gloss-html.c: reader-view article extraction from HTML pages
 *
 * Here: decoding (gloss-charset.c), parsing, the attempts at the content
 * and the article written out as blocks of text.  Which part of the page is
 * the article is gloss-html-score.c's, its title, date, source and byline
 * gloss-html-meta.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "gloss-charset.h"
#include "gloss-html.h"
#include "gloss-html-private.h"

G_DEFINE_QUARK (gloss-html-error-quark, gloss_html_error)

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
        _gloss_html_collapse_spaces (line);

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
          _gloss_html_append_flat (w->cur, (const char *) c->content, in_pre);
        }
      else if (is_element (c))
        {
          if (tag_is (c, "br"))
            g_string_append_c (w->cur, '\n');
          else if (_gloss_html_tag_in (c, _gloss_html_always_remove) || tag_is (c, "img"))
            continue;
          else if (_gloss_html_is_block (c))
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

  body = _gloss_html_find_body (g.doc);
  if (body == NULL)
    {
      xmlFreeDoc (g.doc);
      return g_ptr_array_new_with_free_func (g_free);
    }

  _gloss_html_collect_elements_to_score (&g, body, elements);
  _gloss_html_score_paragraphs (&g, elements);
  top = _gloss_html_pick_top_candidate (&g, body, &top_score);

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
    article = _gloss_html_gather_article (&g, top, top_score);

  /* On a broken page the body can end up inside the article (a stray
   * <html> within it): adding the article to it would make a loop. */
  attached = !_gloss_html_node_contains (article, body);
  if (attached)
    xmlAddChild (body, article);
  _gloss_html_prep_article (&g, article);
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

  html = gloss_decode_html (data, length, http_charset, override,
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
  _gloss_html_read_metadata (doc, &meta);

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

  _gloss_html_choose_title (&meta, &article->title, &site_guess);
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
