/* fuzz-json.c: libFuzzer target, the JSON check and its compact copy
 *
 * Every JSON text Gloss reads is checked, and json-glib parses the compact
 * copy the check made of it instead of the text.  Whatever the check lets
 * through must parse from the copy exactly as from the text: both or
 * neither, and to equal trees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>

#include "gloss-json.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  g_autofree char *compact = NULL;
  gsize compact_length;
  g_autoptr(JsonParser) plain = NULL;
  g_autoptr(JsonParser) through = NULL;
  gboolean parsed, parsed_compact;

  if (!gloss_json_check_compact (text, size, &compact, &compact_length, NULL) || compact == NULL)
    return 0;
  if (compact_length > size || compact[compact_length] != '\0')
    abort ();

  plain = json_parser_new ();
  through = json_parser_new ();
  parsed = json_parser_load_from_data (plain, text, size, NULL);
  parsed_compact = json_parser_load_from_data (through, compact, compact_length, NULL);
  if (parsed != parsed_compact)
    {
      fprintf (stderr, "the text %s, its compact copy %s\n--- text\n%.*s\n--- copy\n%s\n",
               parsed ? "parses" : "does not parse", parsed_compact ? "parses" : "does not",
               (int) size, text, compact);
      abort ();
    }
  if (parsed && !json_node_equal (json_parser_get_root (plain), json_parser_get_root (through)))
    {
      fprintf (stderr, "the compact copy parses to another tree\n--- text\n%.*s\n--- copy\n%s\n",
               (int) size, text, compact);
      abort ();
    }
  return 0;
}
