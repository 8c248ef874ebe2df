/* gloss-html-private.h: for the HTML extractor's sibling files only
 *
 * gloss-html.c parses a page and writes the article out; gloss-html-dom.c holds
 * the small DOM helpers and the patterns, gloss-html-meta.c reads the title,
 * date, source and byline, gloss-html-score.c finds the article's content.
 * The three are called by gloss-html.c and call nothing but the DOM helpers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "gloss-html.h"

G_BEGIN_DECLS

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
} Patterns;

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

typedef struct
{
  xmlDoc     *doc;
  guint       flags;
  GHashTable *scores;      /* xmlNode* → NodeScore* */
  GPtrArray  *candidates;  /* xmlNode* in first-seen order */
  char       *byline;
} Grab;

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

static inline gboolean
is_space_char (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x00A0 || c == 0x0085 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* gloss-html-dom.c */

const Patterns *_gloss_html_patterns (void);
gboolean _gloss_html_tag_in (xmlNode           *node,
                             const char * const *names);
char *_gloss_html_get_attr (xmlNode    *node,
                            const char *name);
xmlNode *_gloss_html_next_node (xmlNode  *node,
                                gboolean  skip_children);
void _gloss_html_remove_node (xmlNode *node);
gboolean _gloss_html_is_invisible_char (gunichar c);
void _gloss_html_append_flat (GString    *out,
                              const char *text,
                              gboolean    keep_newlines);
void _gloss_html_collapse_spaces (GString *s);
char *_gloss_html_inner_text_bounded (xmlNode *node,
                                      gsize    max);
char *_gloss_html_inner_text (xmlNode *node);
glong _gloss_html_text_length (xmlNode *node);
guint _gloss_html_count_commas (const char *text);
guint _gloss_html_count_tags (xmlNode    *node,
                              const char *name);
gboolean _gloss_html_has_ancestor_tag (xmlNode    *node,
                                       const char *name,
                                       int         max_depth);
double _gloss_html_link_density (xmlNode *node);
char *_gloss_html_class_and_id (xmlNode *node);
int _gloss_html_class_weight (xmlNode *node,
                              guint    flags);
gboolean _gloss_html_is_block (xmlNode *node);
gboolean _gloss_html_has_block_child (xmlNode *node);
gboolean _gloss_html_is_probably_hidden (xmlNode *node);

/* gloss-html-meta.c */

void _gloss_html_meta_clear (Meta *m);
void _gloss_html_read_metadata (xmlDoc *doc,
                                Meta   *m);
void _gloss_html_choose_title (Meta       *m,
                               char      **title,
                               char      **site_guess);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Meta, _gloss_html_meta_clear)

/* gloss-html-score.c */

extern const char * const _gloss_html_always_remove[];

xmlNode *_gloss_html_find_body (xmlDoc *doc);
void _gloss_html_collect_elements_to_score (Grab      *g,
                                            xmlNode   *body,
                                            GPtrArray *out);
void _gloss_html_score_paragraphs (Grab      *g,
                                   GPtrArray *elements);
gboolean _gloss_html_node_contains (xmlNode *ancestor,
                                    xmlNode *node);
xmlNode *_gloss_html_pick_top_candidate (Grab    *g,
                                         xmlNode *body,
                                         double  *top_score);
xmlNode *_gloss_html_gather_article (Grab    *g,
                                     xmlNode *top,
                                     double   top_score);
void _gloss_html_prep_article (Grab    *g,
                               xmlNode *article);

G_END_DECLS
