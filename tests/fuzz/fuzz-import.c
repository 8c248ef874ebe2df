/* fuzz-import.c: libFuzzer target, W3C and brat import
 *
 * The first byte picks the format; for brat the rest is the .ann, then a
 * form feed, then the .txt.  Whatever is imported must be written as a
 * sidecar that reads back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-import.h"
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
  const char *text = (const char *) data + 1;
  gsize length;

  if (size < 1)
    return 0;
  if (data[0] & 1)
    sidecar = gloss_import_w3c (text, size - 1, NULL, &error);
  else
    {
      const char *ff = memchr (text, '\f', size - 1);
      gsize ann_length = ff ? (gsize) (ff - text) : size - 1;
      const char *txt = ff ? ff + 1 : "";
      gsize txt_length = ff ? size - 1 - ann_length - 1 : 0;

      sidecar = gloss_import_brat (text, ann_length, txt, txt_length, "fuzz.txt", NULL, &error);
    }
  if (sidecar == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }

  written = gloss_sidecar_to_data (sidecar, &length);
  again = gloss_sidecar_new_from_data (written, length, "imported", NULL, &error);
  if (again == NULL)
    {
      fprintf (stderr, "imported sidecar not readable: %s\n", error->message);
      abort ();
    }
  return 0;
}
