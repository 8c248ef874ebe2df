/* gloss-export-brat.c: the brat standoff writer: <article>.txt and <article>.ann
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"

/* Comments and attribute values are one line in brat: escape what would break it. */
static void
append_brat_escaped (GString    *out,
                     const char *value)
{
  for (const char *p = value ? value : ""; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static gboolean
is_brat_token (const char *value)
{
  if (value == NULL || *value == '\0')
    return FALSE;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

void
_gloss_export_append_brat_type (GString    *out,
                  const char *tag)
{
  /* brat types are single tokens. */
  for (const char *p = tag; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
}

static GBytes *
render_brat_ann (GlossExporter *self,
                 GlossExportItem          *item)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  const char *text = gloss_document_get_text (item->document);
  guint t = 0, a = 0, r = 0, n = 0;

  for (guint i = 0; i < item->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (item->records, i);
      const char *s, *e;

      if (g_strcmp0 (record->anchor, "orphaned") == 0 || record->start >= record->end)
        {
          self->left_out_unplaced++;
          continue;
        }

      t++;
      g_hash_table_insert (numbers, record->id, GUINT_TO_POINTER (t));
      g_string_append_printf (out, "T%u\t", t);
      _gloss_export_append_brat_type (out, record->tag);

      /* Fragments end at line breaks: brat's text field is one line. */
      s = gloss_document_offset_to_pointer (item->document, record->start);
      e = gloss_document_offset_to_pointer (item->document, record->end);
      {
        g_autoptr(GString) covered = g_string_new (NULL);
        guint offset = record->start;
        guint fragment_start = offset;
        gboolean first = TRUE;

        for (const char *p = s; ; p = g_utf8_next_char (p), offset++)
          {
            if (p >= e || *p == '\n')
              {
                if (offset > fragment_start)
                  {
                    const char *fs = gloss_document_offset_to_pointer (item->document, fragment_start);

                    g_string_append_printf (out, "%s%u %u", first ? " " : ";", fragment_start, offset);
                    if (!first)
                      g_string_append_c (covered, ' ');
                    g_string_append_len (covered, fs, p - fs);
                    first = FALSE;
                  }
                fragment_start = offset + 1;
                if (p >= e)
                  break;
              }
          }
        g_string_append_printf (out, "\t%s\n", covered->str);
      }
      (void)text;
    }

  for (guint i = 0; i < item->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (item->records, i);
      guint number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, record->id));
      g_autoptr(GList) names = NULL;

      if (number == 0)
        continue;

      n++;
      g_string_append_printf (out, "#%u\tGlossId T%u\t", n, number);
      append_brat_escaped (out, record->id);
      g_string_append_c (out, '\n');

      if (record->note != NULL && *record->note)
        {
          n++;
          g_string_append_printf (out, "#%u\tAnnotatorNotes T%u\t", n, number);
          append_brat_escaped (out, record->note);
          g_string_append_c (out, '\n');
        }

      if (record->created != NULL)
        g_string_append_printf (out, "#%u\tGlossCreated T%u\t%s\n", ++n, number, record->created);
      if (record->modified != NULL)
        g_string_append_printf (out, "#%u\tGlossModified T%u\t%s\n", ++n, number, record->modified);

      names = json_object_get_members (record->attributes);
      names = g_list_sort (names, (GCompareFunc)strcmp);
      for (const GList *l = names; l; l = l->next)
        {
          const char *name = l->data;
          GlossExportLink *link = _gloss_export_record_link (record, name);
          JsonNode *node = json_object_get_member (record->attributes, name);
          g_autoptr(GString) scratch = g_string_new (NULL);
          const char *value;

          if (link != NULL)
            {
              guint target = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, link->id));

              if (target != 0)
                {
                  g_string_append_printf (out, "R%u\t", ++r);
                  _gloss_export_append_brat_type (out, name);
                  g_string_append_printf (out, " Arg1:T%u Arg2:T%u\n", number, target);
                  continue;
                }
            }

          value = _gloss_export_node_text (node, scratch);
          if (value != NULL && is_brat_token (value) && is_brat_token (name))
            g_string_append_printf (out, "A%u\t%s T%u %s\n", ++a, name, number, value);
          else if (value != NULL)
            {
              /* Free text with spaces is no brat attribute value: keep it in a comment. */
              g_string_append_printf (out, "#%u\tGlossAttribute T%u\t", ++n, number);
              append_brat_escaped (out, name);
              g_string_append_c (out, '=');
              append_brat_escaped (out, value);
              g_string_append_c (out, '\n');
            }
        }
    }

  return g_string_free_to_bytes (out);
}

static char *
brat_stem (GlossExportItem       *item,
           GHashTable *sources,
           GHashTable *used)
{
  const char *source = gloss_sidecar_get_document_source (item->sidecar);
  g_autofree char *base = g_path_get_basename (source && *source ? source : "article");
  char *stem;

  /* Several annotators of one article each get their own pair of files. */
  if (GPOINTER_TO_UINT (g_hash_table_lookup (sources, base)) > 1)
    stem = g_strdup_printf ("%s.%s", base, gloss_sidecar_get_annotator_id (item->sidecar));
  else
    stem = g_strdup (base);

  for (guint k = 2; g_hash_table_contains (used, stem); k++)
    {
      g_free (stem);
      stem = g_strdup_printf ("%s-%u", base, k);
    }
  g_hash_table_add (used, g_strdup (stem));

  return stem;
}

GPtrArray *
_gloss_export_write_brat (GlossExporter  *self,
                          GError        **error)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify)_gloss_export_file_free);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      GlossExportItem *item = g_ptr_array_index (self->items, i);
      const char *source = gloss_sidecar_get_document_source (item->sidecar);
      char *base = g_path_get_basename (source && *source ? source : "article");

      g_hash_table_insert (sources, base, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sources, base)) + 1));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      GlossExportItem *item = g_ptr_array_index (self->items, i);
      g_autofree char *stem = NULL;
      GlossExportFile *file;

      if (item->document == NULL)
        {
          self->left_out_unplaced += item->records->len;
          continue;
        }

      stem = brat_stem (item, sources, used);
      file = g_new0 (GlossExportFile, 1);
      file->name = g_strconcat (stem, ".txt", NULL);
      file->bytes = g_bytes_new (gloss_document_get_text (item->document), gloss_document_get_byte_length (item->document));
      g_ptr_array_add (files, file);

      file = g_new0 (GlossExportFile, 1);
      file->name = g_strconcat (stem, ".ann", NULL);
      file->bytes = render_brat_ann (self, item);
      g_ptr_array_add (files, file);
    }

  return files;
}
