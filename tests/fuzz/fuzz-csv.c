/* fuzz-csv.c: libFuzzer target, the CSV writer
 *
 * A sidecar read from the input is exported as CSV; the result must be
 * valid UTF-8 and one header line plus one row per record, read the way
 * RFC 4180 reads quotes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "gloss-export.h"
#include "gloss-sidecar.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GlossExporter) exporter = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv;
  gsize length;
  guint rows = 0;
  gboolean quoted = FALSE;

  if (size == 0)
    return 0;
  sidecar = gloss_sidecar_new_from_data ((const char *) data, size, "fuzz", NULL, NULL);
  if (sidecar == NULL)
    return 0;

  exporter = gloss_exporter_new (GLOSS_EXPORT_CSV);
  if (!gloss_exporter_add_sidecar (exporter, sidecar, NULL, NULL, &error))
    return 0;
  bytes = gloss_exporter_render (exporter, NULL, &error);
  if (bytes == NULL)
    return 0;

  csv = g_bytes_get_data (bytes, &length);
  if (!g_utf8_validate (csv, length, NULL))
    abort ();
  for (gsize i = 0; i < length; i++)
    {
      if (csv[i] == '"')
        quoted = !quoted;
      else if (csv[i] == '\n' && !quoted)
        rows++;
    }
  if (quoted || rows != gloss_exporter_get_n_records (exporter) + 1)
    {
      fprintf (stderr, "CSV has %u rows for %u records\n%.*s\n", rows,
               gloss_exporter_get_n_records (exporter), (int) length, csv);
      abort ();
    }
  return 0;
}
