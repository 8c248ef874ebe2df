/* gloss-export-markdown.c: the Markdown quote sheet, grouped by speaker or tag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"

static void
append_md_inline (GString    *out,
                  const char *text)
{
  /* Characters that would start emphasis, links or HTML inside a line. */
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static char *
speaker_key (GlossExportRecord *record)
{
  GlossExportLink *link = record->links->len > 0 ? g_ptr_array_index (record->links, 0) : NULL;
  GString *key;
  const char *title = NULL, *organization = NULL;

  if (link == NULL || link->text == NULL)
    return NULL;

  key = g_string_new (link->text);
  if (link->attributes != NULL)
    {
      title = _gloss_export_info_string (link->attributes, "title");
      organization = _gloss_export_info_string (link->attributes, "organization");
      if (organization == NULL)
        organization = _gloss_export_info_string (link->attributes, "role");
    }
  if (title != NULL && *title)
    g_string_append_printf (key, ", %s", title);
  if (organization != NULL && *organization)
    g_string_append_printf (key, ", %s", organization);

  return g_string_free (key, FALSE);
}

GBytes *
_gloss_export_write_markdown (GlossExporter  *self,
                              GError        **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *other = self->group == GLOSS_EXPORT_GROUP_SPEAKER ? _("Without a speaker") : NULL;

  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);
      g_autofree char *key = NULL;
      GPtrArray *members;

      if (self->group == GLOSS_EXPORT_GROUP_SPEAKER)
        key = speaker_key (record);
      else
        key = g_strdup (record->tag_label ? record->tag_label : record->tag);
      if (key == NULL)
        key = g_strdup (other);

      members = g_hash_table_lookup (groups, key);
      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_ptr_array_add (order, g_strdup (key));
          g_hash_table_insert (groups, g_steal_pointer (&key), members);
        }
      g_ptr_array_add (members, record);
    }

  g_string_append_printf (out, "# %s\n", self->group == GLOSS_EXPORT_GROUP_SPEAKER ? _("Quotes by speaker") : _("Annotations by tag"));

  /* The group of quotes without a speaker comes last. */
  for (int pass = 0; pass < 2; pass++)
    for (guint g = 0; g < order->len; g++)
      {
        const char *key = g_ptr_array_index (order, g);
        GPtrArray *members = g_hash_table_lookup (groups, key);
        gboolean is_other = other != NULL && g_str_equal (key, other);

        if ((pass == 0) == is_other)
          continue;

        g_string_append (out, "\n## ");
        append_md_inline (out, key);
        g_string_append (out, "\n");

        for (guint i = 0; i < members->len; i++)
          {
            GlossExportRecord *record = g_ptr_array_index (members, i);
            g_auto(GStrv) lines = g_strsplit (record->text ? record->text : "", "\n", -1);
            GlossExportLink *link = record->links->len > 0 ? g_ptr_array_index (record->links, 0) : NULL;

            g_string_append_c (out, '\n');
            for (guint l = 0; lines[l]; l++)
              {
                g_string_append (out, *lines[l] ? "> " : ">");
                append_md_inline (out, lines[l]);
                g_string_append_c (out, '\n');
              }
            g_string_append (out, "\n— ");
            if (self->group == GLOSS_EXPORT_GROUP_TAG && link != NULL && link->text != NULL)
              {
                g_autofree char *speaker = speaker_key (record);

                g_string_append (out, "**");
                append_md_inline (out, speaker);
                g_string_append (out, "**, ");
              }
            else if (self->group == GLOSS_EXPORT_GROUP_SPEAKER && !is_other)
              {
                g_string_append (out, "**");
                append_md_inline (out, key);
                g_string_append (out, "**, ");
              }
            g_string_append_c (out, '*');
            append_md_inline (out, record->article_title ? record->article_title : record->source);
            g_string_append_c (out, '*');
            if (record->published != NULL)
              {
                g_string_append (out, ", ");
                append_md_inline (out, record->published);
              }
            if (record->paragraph > 0)
              g_string_append_printf (out, ", ¶ %u", record->paragraph);
            g_string_append_c (out, '\n');
            if (record->note != NULL && *record->note)
              {
                g_string_append (out, "\n");
                g_string_append_printf (out, "%s ", _("Note:"));
                append_md_inline (out, record->note);
                g_string_append_c (out, '\n');
              }
          }
      }

  return g_string_free_to_bytes (out);
}
