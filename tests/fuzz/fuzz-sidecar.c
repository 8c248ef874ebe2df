/* fuzz-sidecar.c: libFuzzer target, the sidecar reader and writer
 *
 * Whatever is read is written, read again and written again: the two
 * writings must be the same bytes, and valid UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-sidecar.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GlossSidecar) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gsize length, relength;

  if (size == 0)
    return 0;
  sidecar = gloss_sidecar_new_from_data ((const char *) data, size, "fuzz", NULL, &error);
  if (sidecar == NULL)
    {
      if (error == NULL || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return 0;
    }

  written = gloss_sidecar_to_data (sidecar, &length);
  if (!g_utf8_validate (written, length, NULL))
    abort ();
  again = gloss_sidecar_new_from_data (written, length, "fuzz, written", NULL, &error);
  if (again == NULL)
    {
      fprintf (stderr, "written sidecar not readable: %s\n", error->message);
      abort ();
    }
  rewritten = gloss_sidecar_to_data (again, &relength);
  if (relength != length || memcmp (written, rewritten, length) != 0)
    {
      fprintf (stderr, "round trip changed the sidecar\n--- first\n%s\n--- second\n%s\n", written, rewritten);
      abort ();
    }
  return 0;
}
