/* fuzz-decode.c: libFuzzer target, text decoding and charset detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "gloss-charset.h"
#include "gloss-loader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const forced[] = { NULL, "utf-8", "gbk", "big5", "shift_jis", "utf-16le" };
  /* The first byte picks the encoding, forced or detected. */
  const char *encoding = size > 0 ? forced[data[0] % G_N_ELEMENTS (forced)] : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detected = NULL;
  g_autofree char *text = NULL;

  if (size > 0)
    {
      data++;
      size--;
    }
  text = gloss_decode_text (data, size, encoding, &detected, &error);
  if (text == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }
  if (!g_utf8_validate (text, -1, NULL) || detected == NULL)
    abort ();
  return 0;
}
