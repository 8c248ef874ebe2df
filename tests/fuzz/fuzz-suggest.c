/* fuzz-suggest.c: libFuzzer target, the suggesters on any text
 *
 * The bytes are made valid UTF-8 (the suggesters refuse anything else) and
 * suggested on.  Every suggestion must be well formed (assert_well_formed():
 * ids s1, s2… in text order, a non-empty span inside the text, no quote
 * across a paragraph break, a rule, a confidence in (0, 1]), and every
 * speaker and entity it names must be a suggestion of the same run, a
 * speaker a person, an official or an organization (公司在公告中称).  Any
 * crash, overrun or broken link aborts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "../gloss-test-suggest.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* One suggester for every input (it loads its lexicons once): a run
   * changes nothing in it. */
  static GlossSuggester *suggester;
  g_autoptr(Result) r = g_new0 (Result, 1);

  if (suggester == NULL)
    suggester = gloss_suggester_new ();
  r->text = g_utf8_make_valid ((const char *) data, size);
  r->suggestions = gloss_suggester_run (suggester, r->text);

  assert_well_formed (r);
  for (guint i = 0; i < r->suggestions->len; i++)
    {
      GlossSuggestion *s = r->suggestions->pdata[i];
      const char *speaker = gloss_suggestion_get_attribute (s, "speaker");
      GlossSuggestion *linked;

      if (speaker != NULL)
        {
          linked = by_id (r, speaker);
          if (linked == NULL || (!g_str_equal (linked->tag, "person") && !g_str_equal (linked->tag, "official") &&
                                 !g_str_equal (linked->tag, "organization")))
            abort ();
        }
      if (s->entity != NULL && by_id (r, s->entity) == NULL)
        abort ();
    }
  return 0;
}
