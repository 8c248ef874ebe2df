/* gloss-string-private.h: appending many short runs to a GString
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

/* g_string_append_len() without the call while the bytes fit: a search's
 * snippet or JSON line is put together from a dozen short runs, and the
 * call was a good part of writing 31 024 of them. */
static inline void
gloss_string_append_run (GString    *out,
                         const char *bytes,
                         gsize       n)
{
  if (out->len + n >= out->allocated_len)
    {
      g_string_append_len (out, bytes, n);
      return;
    }
  memcpy (out->str + out->len, bytes, n);
  out->len += n;
  out->str[out->len] = '\0';
}

G_END_DECLS
