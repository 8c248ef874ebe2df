/* test-suggest-zh-offices.c: Chinese officials the fifteenth round of rules
 * finds whole — a standing committee member's chained offices
 * (市委常委、副市长), organizations whose names join two words with 和 与 及
 * or hold 经济 and 共和国, an office after a later mention (门多萨总统), a
 * verb before the organization that is no part of it (专访…, 拨打…), a given
 * name that starts with 向, a Malaysian honour between the office and the
 * name (行政议员拿督斯里黄宏伟) — positive and negative cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-test-suggest.h"

/* The official suggested over exactly @text, or a failure naming it. */
static GlossSuggestion *
official (Result     *r,
          const char *text)
{
  return find_or_fail (r, "official", text);
}

/* Whether any official's text contains @part. */
static gboolean
any_official_has (Result     *r,
                  const char *part)
{
  for (guint i = 0; i < r->suggestions->len; i++)
    {
      GlossSuggestion *s = r->suggestions->pdata[i];
      g_autofree char *text = NULL;

      if (!g_str_equal (s->tag, "official"))
        continue;
      text = covered (r, s);
      if (strstr (text, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* 常委 is an office: 市委常委、副市长王建国 is one chain of offices; so is
 * 指挥长, a command's head (县防汛抗旱指挥部常务副指挥长、副县长贺明远). */
static void
test_standing_committee (void)
{
  g_autoptr(Result) r = suggest_text ("会议\n\n"
                                      "市委常委、副市长王建国表示：“今年要把老旧小区改造做实。”\n\n"
                                      "9时20分，县防汛抗旱指挥部常务副指挥长、副县长贺明远通过视频调度系统下达指令。\n");

  assert_well_formed (r);
  official (r, "县防汛抗旱指挥部常务副指挥长、副县长贺明远");
  official (r, "市委常委、副市长王建国");
  assert_speaker (r, "今年要把老旧小区改造做实。", "市委常委、副市长王建国");
}

/* 和 与 及 inside an organization's name, which may end in a division (处)
 * or a few characters before the office (环境部高级政务部长); 经济 holds no
 * stop.  Not a name before 和 (张三和…), nor an office and a name read from
 * inside (总经理阎立军和…: 经 stops the walk at 理). */
static void
test_joined_organizations (void)
{
  g_autoptr(Result) r = suggest_text ("发布会\n\n"
                                      "广东省农业农村厅市场与信息化处处长岑家宁介绍了销售情况。\n\n"
                                      "澳门经济及科技发展局副局长黄咏诗表示，今年客流回升。\n\n"
                                      "江北区住房和城乡建设局副局长甄立伟说，改造已经开工。\n\n"
                                      "新加坡永续发展与环境部高级政务部长许慧玲出席了仪式。\n");
  g_autoptr(Result) names = suggest_text ("发布会\n\n"
                                          "华通公司总经理阎立军和市水务局副局长鲍晓梅出席发布会。\n\n"
                                          "张三和市卫健委主任李四出席了仪式。\n");

  assert_well_formed (r);
  official (r, "广东省农业农村厅市场与信息化处处长岑家宁");
  official (r, "澳门经济及科技发展局副局长黄咏诗");
  official (r, "江北区住房和城乡建设局副局长甄立伟");
  official (r, "新加坡永续发展与环境部高级政务部长许慧玲");
  assert_well_formed (names);
  /* A company's head is a person, the office their role. */
  {
    GlossSuggestion *yan = find (names, "person", "阎立军");

    g_assert_nonnull (yan);
    g_assert_cmpstr (gloss_suggestion_get_attribute (yan, "role"), ==, "华通公司总经理");
    g_assert_false (any_official_has (names, "阎立军"));
  }
  official (names, "市水务局副局长鲍晓梅");
  official (names, "市卫健委主任李四");
}

/* 共和国 is no stop either; a transliterated name of three parts is its
 * middle part later on, and an office after a later mention is the
 * mention's (门多萨总统, 邓海峰书记). */
static void
test_republic_and_office_after_mention (void)
{
  g_autoptr(Result) r = suggest_text ("国事访问\n\n"
                                      "维尔达尼亚共和国总统阿尔贝托·门多萨·卢埃拉当天抵达北京。\n\n"
                                      "门多萨总统还将前往上海参观。青溪县委书记邓海峰陪同参观。邓海峰书记介绍了园区情况。\n");
  GlossSuggestion *full, *later, *secretary, *again;

  assert_well_formed (r);
  full = official (r, "维尔达尼亚共和国总统阿尔贝托·门多萨·卢埃拉");
  later = official (r, "门多萨总统");
  g_assert_cmpstr (later->entity, ==, full->entity != NULL ? full->entity : full->id);
  secretary = official (r, "青溪县委书记邓海峰");
  again = official (r, "邓海峰书记");
  g_assert_cmpstr (again->entity, ==, secretary->entity != NULL ? secretary->entity : secretary->id);
}

/* A verb before the organization is no part of the office (专访…, 拨打…,
 * 赛前…); a single character only where the organization starts (访…,
 * but 信访局). */
static void
test_verb_before_office (void)
{
  g_autoptr(Result) r = suggest_text ("访谈\n\n"
                                      "本报专访农业农村部种业管理司司长邹国栋。\n\n"
                                      "记者多次拨打该机构负责人邢某某的电话。\n\n"
                                      "市信访局局长王建国说，今年来访量下降。\n");

  assert_well_formed (r);
  official (r, "农业农村部种业管理司司长邹国栋");
  official (r, "该机构负责人邢某某");
  official (r, "市信访局局长王建国");
}

/* 齐向东: a given name may start with 向 where the name then ends; not 王向他
 * (向 and its object), and 邢某 ends at 某 (邢某电话). */
static void
test_given_name_with_xiang (void)
{
  g_autoptr(Result) r = suggest_text ("通报会\n\n"
                                      "执法督查局局长齐向东在会上通报了检查情况。\n\n"
                                      "市长王向他说明了情况。该机构负责人邢某电话无人接听。\n");

  assert_well_formed (r);
  official (r, "执法督查局局长齐向东");
  g_assert_false (any_official_has (r, "王向"));
  g_assert_false (any_official_has (r, "邢某电"));
}

/* 拿督斯里 拿督: a Malaysian honour after the office is the office's, the
 * name after it the one later mentions use. */
static void
test_malaysian_honours (void)
{
  g_autoptr(Result) r = suggest_text ("榴梿出口\n\n"
                                      "彭亨州行政议员拿督斯里黄宏伟在致词时表示，州政府将加快处理地契申请。\n\n"
                                      "副部长拿督陈志勇说，出口增长了两成。黄宏伟随后参观了果园。\n");
  GlossSuggestion *full, *later;

  assert_well_formed (r);
  full = official (r, "彭亨州行政议员拿督斯里黄宏伟");
  official (r, "副部长拿督陈志勇");
  later = official (r, "黄宏伟");
  g_assert_cmpstr (later->entity, ==, full->entity != NULL ? full->entity : full->id);
}

/* Offices of public institutions: a school's principal (校长马建军), an
 * observatory's chief forecaster; a party group's secretary chained after
 * an organization whose name holds 和 (市住房和城乡建设局党组书记、局长);
 * 经侦 inside a police unit's name. */
static void
test_public_institution_offices (void)
{
  g_autoptr(Result) r = suggest_text ("发布会\n\n"
                                      "周淑华的到来，让校长马建军松了一口气。贵州省气象台首席预报员孙立群表示，未来几天仍有降雨。\n\n"
                                      "市政府副秘书长、市住房和城乡建设局党组书记、局长何振华介绍了改造进展。\n\n"
                                      "江州市公安局滨湖分局经侦大队副大队长钱伟介绍，今年破案增长。\n");

  assert_well_formed (r);
  official (r, "校长马建军");
  official (r, "贵州省气象台首席预报员孙立群");
  official (r, "市政府副秘书长、市住房和城乡建设局党组书记、局长何振华");
  official (r, "江州市公安局滨湖分局经侦大队副大队长钱伟");
}

/* Hong Kong's courts: an acting principal magistrate (署理主任裁判官鄭綺雯)
 * is an official whose words the colon introduces, a barrister (大律師) a
 * person; a bare 裁判官 in a headline names no one. */
static void
test_hong_kong_courts (void)
{
  g_autoptr(Result) r = suggest_text ("外賣車手偷鄰居單車認罪 裁判官：「生活困難不是犯法藉口」\n\n"
                                      "署理主任裁判官鄭綺雯判處被告一百二十小時社會服務令，並在判刑時說：「生活困難不是犯法的藉口，但本席相信你已經知錯。」\n\n"
                                      "辯方大律師馮卓謙求情時表示：「佢一時糊塗，做錯咗事。」\n");

  assert_well_formed (r);
  official (r, "署理主任裁判官鄭綺雯");
  assert_speaker (r, "生活困難不是犯法的藉口，但本席相信你已經知錯。", "署理主任裁判官鄭綺雯");
  assert_speaker (r, "佢一時糊塗，做錯咗事。", "馮卓謙");
  g_assert_false (any_official_has (r, "外賣"));
}

/* A company's 负责人, 主任 or 经理 is a person with that role
 * (北辰新能源公司负责人刘振川); a government body's is an official. */
static void
test_company_shared_offices (void)
{
  g_autoptr(Result) r = suggest_text ("治沙\n\n"
                                      "“板下的沙地种上甘草，一亩地一年能多收1200元。”项目运营方北辰新能源公司负责人刘振川说。\n\n"
                                      "“今年新增热源两处。”市热力集团客服中心主任韩朝阳介绍。\n\n"
                                      "“补贴下周到账。”市财政局负责人魏立平说。\n");

  GlossSuggestion *liu = find (r, "person", "刘振川");

  assert_well_formed (r);
  g_assert_nonnull (liu);
  g_assert_cmpstr (gloss_suggestion_get_attribute (liu, "role"), ==, "项目运营方北辰新能源公司负责人");
  g_assert_false (any_official_has (r, "刘振川"));
  g_assert_nonnull (find (r, "person", "韩朝阳"));
  official (r, "市财政局负责人魏立平");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest-zh-offices/standing-committee", test_standing_committee);
  g_test_add_func ("/suggest-zh-offices/joined-organizations", test_joined_organizations);
  g_test_add_func ("/suggest-zh-offices/republic-and-office-after-mention", test_republic_and_office_after_mention);
  g_test_add_func ("/suggest-zh-offices/verb-before-office", test_verb_before_office);
  g_test_add_func ("/suggest-zh-offices/given-name-with-xiang", test_given_name_with_xiang);
  g_test_add_func ("/suggest-zh-offices/malaysian-honours", test_malaysian_honours);
  g_test_add_func ("/suggest-zh-offices/public-institution-offices", test_public_institution_offices);
  g_test_add_func ("/suggest-zh-offices/hong-kong-courts", test_hong_kong_courts);
  g_test_add_func ("/suggest-zh-offices/company-shared-offices", test_company_shared_offices);
  return g_test_run ();
}
