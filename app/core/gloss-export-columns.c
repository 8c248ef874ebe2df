/* gloss-export-columns.c: what the writers of the format table share: the
 * columns of the tabular formats and their cells, a record's links, the
 * exporter's error domain and its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "gloss-export-private.h"

G_DEFINE_QUARK (gloss-export-error-quark, gloss_export_error)

/* Columns shared by CSV and XLSX */

enum
{
  FIELD_TITLE,
  FIELD_SOURCE,
  FIELD_URL,
  FIELD_PUBLISHED,
  FIELD_ANNOTATOR,
  FIELD_ID,
  FIELD_TAG,
  FIELD_TAG_LABEL,
  FIELD_TEXT,
  FIELD_START,
  FIELD_END,
  FIELD_PARAGRAPH,
  FIELD_SENTENCE,
  FIELD_NOTE,
  FIELD_CREATED,
  FIELD_MODIFIED,
  FIELD_ANCHOR,
  N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "article_title", "source", "url", "published", "annotator", "id", "tag", "tag_label",
  "text", "start", "end", "paragraph", "sentence", "note", "created", "modified", "anchor",
};

const char *
_gloss_export_info_string (JsonObject *info,
             const char *member)
{
  JsonNode *node = info ? json_object_get_member (info, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
export_column_free (GlossExportColumn *column)
{
  g_free (column->name);
  g_free (column->attribute);
  g_free (column->sub);
  g_free (column);
}

static void
add_column (GPtrArray  *columns,
            GHashTable *seen,
            GlossExportColumnKind  kind,
            const char *attribute,
            const char *sub)
{
  GlossExportColumn *column;
  char *name;

  switch (kind)
    {
    case COLUMN_LINK_ID: name = g_strconcat (attribute, "_id", NULL); break;
    case COLUMN_LINK_TAG: name = g_strconcat (attribute, "_tag", NULL); break;
    case COLUMN_LINK_ATTRIBUTE: name = g_strconcat (attribute, "_", sub, NULL); break;
    case COLUMN_ATTRIBUTE:
    case COLUMN_LINK_TEXT:
    case COLUMN_FIELD:
    default:
      name = g_strdup (attribute);
      break;
    }

  if (g_hash_table_contains (seen, name))
    {
      g_free (name);
      return;
    }

  column = g_new0 (GlossExportColumn, 1);
  column->name = name;
  column->kind = kind;
  column->attribute = g_strdup (attribute);
  column->sub = g_strdup (sub);
  column->width = kind == COLUMN_LINK_ID ? 20 : 18;
  g_hash_table_add (seen, name);
  g_ptr_array_add (columns, column);
}

GPtrArray *
_gloss_export_build_columns (GlossExporter *self)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify)export_column_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int i = 0; i < N_FIELDS; i++)
    {
      GlossExportColumn *column = g_new0 (GlossExportColumn, 1);

      column->name = g_strdup (field_names[i]);
      column->kind = COLUMN_FIELD;
      column->field = i;
      switch (i)
        {
        case FIELD_TEXT: case FIELD_SENTENCE: column->width = 60; break;
        case FIELD_NOTE: case FIELD_TITLE: column->width = 40; break;
        case FIELD_START: case FIELD_END: case FIELD_PARAGRAPH: column->width = 8; column->numeric = TRUE; break;
        case FIELD_ID: column->width = 38; break;
        case FIELD_CREATED: case FIELD_MODIFIED: column->width = 21; break;
        default: column->width = 14; break;
        }
      g_hash_table_add (seen, column->name);
      g_ptr_array_add (columns, column);
    }

  /* Every codebook attribute, in codebook order; a link brings the linked
   * annotation's text, id, tag and the attributes of the tags it may point at. */
  for (guint i = 0; i < self->items->len; i++)
    {
      GlossExportItem *item = g_ptr_array_index (self->items, i);
      GlossCodebook *codebook = gloss_sidecar_get_codebook (item->sidecar);
      guint n_tags = codebook ? gloss_codebook_get_n_tags (codebook) : 0;

      if (item->records->len == 0)
        continue;

      for (guint t = 0; t < n_tags; t++)
        {
          GlossTag *tag = gloss_codebook_get_tag (codebook, t);
          GPtrArray *defs = gloss_tag_get_attributes (tag);

          if (self->tags != NULL && !g_strv_contains ((const char * const *)self->tags, gloss_tag_get_id (tag)))
            continue;

          for (guint a = 0; defs && a < defs->len; a++)
            {
              const GlossAttributeDef *def = g_ptr_array_index (defs, a);

              if (def->type != GLOSS_ATTRIBUTE_LINK)
                {
                  add_column (columns, seen, COLUMN_ATTRIBUTE, def->id, NULL);
                  continue;
                }

              add_column (columns, seen, COLUMN_LINK_TEXT, def->id, NULL);
              add_column (columns, seen, COLUMN_LINK_TAG, def->id, NULL);
              for (guint k = 0; def->to && def->to[k]; k++)
                {
                  GlossTag *target = gloss_codebook_lookup (codebook, def->to[k]);
                  GPtrArray *target_defs = target ? gloss_tag_get_attributes (target) : NULL;

                  for (guint d = 0; target_defs && d < target_defs->len; d++)
                    {
                      const GlossAttributeDef *target_def = g_ptr_array_index (target_defs, d);

                      if (target_def->type != GLOSS_ATTRIBUTE_LINK)
                        add_column (columns, seen, COLUMN_LINK_ATTRIBUTE, def->id, target_def->id);
                    }
                }
              add_column (columns, seen, COLUMN_LINK_ID, def->id, NULL);
            }
        }
    }

  /* Attributes the codebook does not declare are still data. */
  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);
      g_autoptr(GList) names = json_object_get_members (record->attributes);

      for (const GList *l = names; l; l = l->next)
        {
          gboolean is_link = FALSE;

          for (guint k = 0; k < record->links->len; k++)
            if (g_str_equal (((GlossExportLink *)g_ptr_array_index (record->links, k))->attribute, l->data))
              is_link = TRUE;
          if (is_link)
            add_column (columns, seen, COLUMN_LINK_TEXT, l->data, NULL);
          else
            add_column (columns, seen, COLUMN_ATTRIBUTE, l->data, NULL);
        }
    }

  return columns;
}

const char *
_gloss_export_node_text (JsonNode *node,
           GString  *scratch)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node))
    switch (json_node_get_value_type (node))
      {
      case G_TYPE_STRING:
        return json_node_get_string (node);
      case G_TYPE_INT64:
        g_string_printf (scratch, "%" G_GINT64_FORMAT, json_node_get_int (node));
        return scratch->str;
      case G_TYPE_BOOLEAN:
        return json_node_get_boolean (node) ? "true" : "false";
      default:
        break;
      }

  {
    g_autofree char *json = json_to_string (node, FALSE);

    g_string_assign (scratch, json);
    return scratch->str;
  }
}

GlossExportLink *
_gloss_export_record_link (GlossExportRecord *record,
             const char        *attribute)
{
  for (guint i = 0; i < record->links->len; i++)
    {
      GlossExportLink *link = g_ptr_array_index (record->links, i);

      if (g_str_equal (link->attribute, attribute))
        return link;
    }

  return NULL;
}

const char *
_gloss_export_column_value (GlossExportColumn            *column,
              GlossExportRecord *record,
              GString           *scratch)
{
  GlossExportLink *link;

  switch (column->kind)
    {
    case COLUMN_FIELD:
      switch (column->field)
        {
        case FIELD_TITLE: return record->article_title;
        case FIELD_SOURCE: return record->source;
        case FIELD_URL: return record->url;
        case FIELD_PUBLISHED: return record->published;
        case FIELD_ANNOTATOR: return record->annotator;
        case FIELD_ID: return record->id;
        case FIELD_TAG: return record->tag;
        case FIELD_TAG_LABEL: return record->tag_label;
        case FIELD_TEXT: return record->text;
        case FIELD_START:
          g_string_printf (scratch, "%u", record->start);
          return scratch->str;
        case FIELD_END:
          g_string_printf (scratch, "%u", record->end);
          return scratch->str;
        case FIELD_PARAGRAPH:
          if (record->paragraph == 0)
            return NULL;
          g_string_printf (scratch, "%u", record->paragraph);
          return scratch->str;
        case FIELD_SENTENCE: return record->sentence;
        case FIELD_NOTE: return record->note;
        case FIELD_CREATED: return record->created;
        case FIELD_MODIFIED: return record->modified;
        case FIELD_ANCHOR: return record->anchor;
        default: return NULL;
        }

    case COLUMN_ATTRIBUTE:
      return _gloss_export_node_text (json_object_get_member (record->attributes, column->attribute), scratch);

    case COLUMN_LINK_TEXT:
      link = _gloss_export_record_link (record, column->attribute);
      if (link == NULL)
        return _gloss_export_node_text (json_object_get_member (record->attributes, column->attribute), scratch);
      return link->text;

    case COLUMN_LINK_ID:
      link = _gloss_export_record_link (record, column->attribute);
      return link ? link->id : NULL;

    case COLUMN_LINK_TAG:
      link = _gloss_export_record_link (record, column->attribute);
      return link ? link->tag : NULL;

    case COLUMN_LINK_ATTRIBUTE:
      link = _gloss_export_record_link (record, column->attribute);
      if (link == NULL || link->attributes == NULL)
        return NULL;
      return _gloss_export_node_text (json_object_get_member (link->attributes, column->sub), scratch);

    default:
      return NULL;
    }
}

/* Output */

void
_gloss_export_file_free (GlossExportFile *file)
{
  g_free (file->name);
  g_bytes_unref (file->bytes);
  g_free (file);
}
