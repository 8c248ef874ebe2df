/* test-suggest-zh-subjects.c: Chinese speakers the thirteenth round of rules
 * finds — rare surnames, a subject whose speech verb comes late in its
 * sentence, organizations speaking in their notices, a topic named before a
 * pronoun — positive and negative cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-test-suggest.h"

/* Surnames outside the commonest few hundred (亓 仉 綦 邰) name speakers;
 * a word that opens with one (鞠躬) is no name. */
static void
test_rare_surnames (void)
{
  g_autoptr(Result) r = suggest_text ("亓凤岐说：“磨刀最要紧的是角度，差一点都不行。”\n\n"
                                      "种粮大户仉德山告诉记者：“去年小麦亩产头一回过了八百斤。”\n\n"
                                      "庭审中，被告当庭认罪，并向被害人鞠躬道歉。他的辩护人提出，被告系初犯。\n");

  assert_well_formed (r);
  assert_speaker (r, "磨刀最要紧的是角度，差一点都不行。", "亓凤岐");
  assert_speaker (r, "去年小麦亩产头一回过了八百斤。", "仉德山");
  g_assert_null (find (r, "person", "鞠躬道"));
  g_assert_null (find (r, "person", "鞠躬"));
}

/* “…”NAME一边说，一边…: the saying first, then the other action; not
 * NAME一边擦着刀，一边看着窗外, where no one speaks. */
static void
test_saying_while_acting (void)
{
  g_autoptr(Result) r = suggest_text ("“磨刀最要紧的是角度，差一点都不行。”亓凤岐一边说，一边把一把生锈的菜刀压在磨石上。\n\n"
                                      "郑国强一边擦着刀，一边看着窗外。\n");

  assert_well_formed (r);
  assert_speaker (r, "磨刀最要紧的是角度，差一点都不行。", "亓凤岐");
  g_assert_null (find (r, "person", "郑国强"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest-zh-subjects/rare-surnames", test_rare_surnames);
  g_test_add_func ("/suggest-zh-subjects/saying-while-acting", test_saying_while_acting);
  return g_test_run ();
}
