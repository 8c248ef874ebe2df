/* gloss-export-xlsx.c: the Excel workbook writer (libxlsxwriter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gloss-export-private.h"

/* XML 1.0's Char production, less CR (a cell's line ends are \n). */
static gboolean
xlsx_holds (gunichar c)
{
  return c == '\t' || c == '\n' ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

static char *
xlsx_clean (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *end = value + strlen (value);

  /* XML cannot hold most control characters nor U+FFFE/U+FFFF (a workbook
   * with them does not open); bytes that are not UTF-8 become U+FFFD.
   * Excel's cells stop at 32 767. */
  for (const char *p = value; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_unichar (out, 0xFFFD);
          p++;
          continue;
        }
      if (xlsx_holds (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  if (out->len > 32000)
    {
      const char *cut = g_utf8_find_prev_char (out->str, out->str + 32000);

      g_string_truncate (out, cut - out->str);
      g_string_append (out, "…");
    }

  return g_string_free (out, FALSE);
}

GBytes *
_gloss_export_write_xlsx (GlossExporter  *self,
                          GError        **error)
{
  g_autoptr(GPtrArray) columns = _gloss_export_build_columns (self);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header, *wrap;
  lxw_error status;
  gsize length;
  int fd;

  if (self->records->len >= LXW_ROW_MAX)
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_WRITE,
                   _("%u annotations do not fit in one worksheet; export CSV or JSONL instead"),
                   self->records->len);
      return NULL;
    }

  /* libxlsxwriter 1.1.4 writes files only: build the workbook in a
   * temporary file and hand out its bytes. */
  fd = g_file_open_tmp ("gloss-export-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_WRITE,
                   _("Could not create a workbook in %s"), path);
      g_unlink (path);
      return NULL;
    }

  sheet = workbook_add_worksheet (workbook, _("Annotations"));
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bg_color (header, 0xDEDDDA);
  format_set_bottom (header, LXW_BORDER_THIN);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);

  for (guint c = 0; c < columns->len; c++)
    {
      GlossExportColumn *column = g_ptr_array_index (columns, c);

      g_autofree char *name = xlsx_clean (column->name);

      worksheet_set_column (sheet, c, c, column->width, wrap);
      worksheet_write_string (sheet, 0, c, name, header);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  if (columns->len > 0)
    worksheet_autofilter (sheet, 0, 0, self->records->len, columns->len - 1);

  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);

      for (guint c = 0; c < columns->len; c++)
        {
          GlossExportColumn *column = g_ptr_array_index (columns, c);
          const char *value = _gloss_export_column_value (column, record, scratch);

          if (value == NULL || *value == '\0')
            continue;

          if (column->numeric)
            worksheet_write_number (sheet, i + 1, c, g_ascii_strtod (value, NULL), wrap);
          else
            {
              g_autofree char *clean = xlsx_clean (value);

              /* write_string never makes a formula, whatever the text starts with. */
              worksheet_write_string (sheet, i + 1, c, clean, wrap);
            }
        }
    }

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_WRITE,
                   _("Could not write the workbook: %s"), lxw_strerror (status));
      g_unlink (path);
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, error))
    {
      g_unlink (path);
      return NULL;
    }
  g_unlink (path);

  return g_bytes_new_take (g_steal_pointer (&data), length);
}
