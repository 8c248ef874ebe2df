/* gloss-export-csv.c: the CSV writer (RFC 4180, formulas neutralised)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"

static gboolean
is_formula_start (const char *value)
{
  return value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
         value[0] == '\t' || value[0] == '\r';
}

static void
append_csv_cell (GString    *out,
                 const char *value)
{
  gboolean formula;

  if (value == NULL || *value == '\0')
    return;

  /* A spreadsheet runs a cell starting with these as a formula; a leading
   * apostrophe makes it text (OWASP's advice for CSV injection). */
  formula = is_formula_start (value);

  if (!formula && strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

GBytes *
_gloss_export_write_csv (GlossExporter  *self,
                         GError        **error)
{
  g_autoptr(GPtrArray) columns = _gloss_export_build_columns (self);
  g_autoptr(GString) scratch = g_string_new (NULL);
  GString *out = g_string_sized_new (256 * (self->records->len + 1));

  if (self->bom)
    g_string_append (out, "\xEF\xBB\xBF");

  for (guint c = 0; c < columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_cell (out, ((GlossExportColumn *)g_ptr_array_index (columns, c))->name);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);

      for (guint c = 0; c < columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, _gloss_export_column_value (g_ptr_array_index (columns, c), record, scratch));
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}
