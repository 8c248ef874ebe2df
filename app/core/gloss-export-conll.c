/* gloss-export-conll.c: the CoNLL writer: one token a line, BIO tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_HANGUL ||
         script == G_UNICODE_SCRIPT_BOPOMOFO;
}

static gboolean
is_word_char (gunichar c)
{
  return (g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_') && !is_cjk (c);
}

typedef struct
{
  guint start;
  guint end;
  int   owner;   /* record index, -1 for O */
  gboolean begin;
} Token;

static void
conll_sentence (GString           *out,
                const char        *s,
                const char        *e,
                guint              offset,
                GPtrArray         *records,
                guint             *cursor,
                gboolean          *represented)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (const char *));
  const char *p = s;

  /* Tokens: runs of letters, digits and marks (with inner apostrophes,
   * periods and hyphens as in "don't", "4.8", "well-known"); every CJK
   * character alone; every other non-space character alone. */
  while (p < e)
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { offset, offset + 1, -1, FALSE };

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }

      g_array_append_val (starts, p);
      p = g_utf8_next_char (p);
      offset++;
      if (is_word_char (c))
        while (p < e)
          {
            gunichar d = g_utf8_get_char (p);
            const char *next = g_utf8_next_char (p);

            if (is_word_char (d))
              {
                p = next;
                offset++;
              }
            else if ((d == '\'' || d == 0x2019 || d == '.' || d == '-') && next < e && is_word_char (g_utf8_get_char (next)))
              {
                p = next;
                offset++;
              }
            else
              break;
          }
      token.end = offset;
      g_array_append_val (tokens, token);
    }
  g_array_append_val (starts, e);

  if (tokens->len == 0)
    return;

  /* Overlapping annotations cannot all be BIO: the first one that covers a
   * token (in start order) owns it. */
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      while (*cursor < records->len &&
             ((GlossExportRecord *)g_ptr_array_index (records, *cursor))->end <= token->start)
        (*cursor)++;

      for (guint r = *cursor; r < records->len; r++)
        {
          GlossExportRecord *record = g_ptr_array_index (records, r);

          if (record->start >= token->end)
            break;
          if (record->end > token->start && g_strcmp0 (record->anchor, "orphaned") != 0)
            {
              token->owner = r;
              token->begin = i == 0 || g_array_index (tokens, Token, i - 1).owner != (int)r;
              represented[r] = TRUE;
              break;
            }
        }
    }

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      const char *ts = g_array_index (starts, const char *, i);
      const char *te = ts;

      for (guint k = token->start; k < token->end; k++)
        te = g_utf8_next_char (te);

      g_string_append_len (out, ts, te - ts);
      if (token->owner < 0)
        g_string_append (out, "\tO\n");
      else
        {
          GlossExportRecord *record = g_ptr_array_index (records, token->owner);

          g_string_append (out, token->begin ? "\tB-" : "\tI-");
          _gloss_export_append_brat_type (out, record->tag);
          g_string_append_c (out, '\n');
        }
    }
  g_string_append_c (out, '\n');
}

static int
compare_records_by_start (gconstpointer a,
                          gconstpointer b)
{
  const GlossExportRecord *x = *(GlossExportRecord **)a;
  const GlossExportRecord *y = *(GlossExportRecord **)b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* The longer span first: it is the outer one. */
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return 0;
}

GBytes *
_gloss_export_write_conll (GlossExporter  *self,
                           GError        **error)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      GlossExportItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(GPtrArray) sorted = NULL;
      g_autofree gboolean *represented = NULL;
      const char *text, *limit, *p;
      guint offset = 0, cursor = 0;

      if (item->document == NULL)
        {
          self->left_out_unplaced += item->records->len;
          continue;
        }

      /* A view of the records: g_ptr_array_copy() would take their free function too. */
      sorted = g_ptr_array_new ();
      g_ptr_array_extend (sorted, item->records, NULL, NULL);
      g_ptr_array_sort (sorted, compare_records_by_start);
      represented = g_new0 (gboolean, sorted->len + 1);

      /* CoNLL-2003's document separator, with a comment naming the layer. */
      g_string_append_printf (out, "# %s %s\n-DOCSTART-\tO\n\n",
                              gloss_sidecar_get_document_source (item->sidecar) ? gloss_sidecar_get_document_source (item->sidecar) : "",
                              gloss_sidecar_get_annotator_id (item->sidecar));

      text = gloss_document_get_text (item->document);
      limit = text + gloss_document_get_byte_length (item->document);
      p = text;
      while (p < limit)
        {
          const char *e = gloss_export_sentence_end (p, limit);
          guint length = g_utf8_strlen (p, e - p);

          conll_sentence (out, p, e, offset, sorted, &cursor, represented);
          offset += length;
          p = e;
          while (p < limit && *p == '\n')
            {
              p++;
              offset++;
            }
        }

      /* What owns no token at all is not in the output: say so. */
      for (guint r = 0; r < sorted->len; r++)
        {
          GlossExportRecord *record = g_ptr_array_index (sorted, r);

          if (represented[r])
            continue;
          if (g_strcmp0 (record->anchor, "orphaned") == 0 || record->start >= record->end)
            self->left_out_unplaced++;
          else
            self->left_out_overlapping++;
        }
    }

  return g_string_free_to_bytes (out);
}
