/* test-suggest-entities.c: the statistic, official, person and program
 * suggesters on forms of news language the older tests do not cover —
 * Chinese numerals, ranges and compound durations, money in other
 * currencies, and what is no figure; Chinese and English, positive and
 * negative cases, on sentences written for the test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-suggest.h"

typedef struct
{
  char      *text;
  GPtrArray *suggestions;
} Result;

static void
result_free (Result *r)
{
  g_free (r->text);
  g_ptr_array_unref (r->suggestions);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static Result *
suggest_text (const char *text)
{
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();
  Result *r = g_new0 (Result, 1);

  r->text = g_strdup (text);
  r->suggestions = gloss_suggester_run (suggester, text);
  return r;
}

/* The suggestion of @tag covering exactly @text, or NULL. */
static GlossSuggestion *
find (Result     *r,
      const char *tag,
      const char *text)
{
  for (guint i = 0; i < r->suggestions->len; i++)
    {
      GlossSuggestion *s = r->suggestions->pdata[i];
      g_autofree char *t = NULL;

      if (!g_str_equal (s->tag, tag))
        continue;
      t = g_utf8_substring (r->text, s->start, s->end);
      if (g_str_equal (t, text))
        return s;
    }
  return NULL;
}

/* Every suggestion of @tag, joined with |, for messages that say what was found. */
static char *
all_of (Result     *r,
        const char *tag)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < r->suggestions->len; i++)
    {
      GlossSuggestion *s = r->suggestions->pdata[i];
      g_autofree char *t = NULL;

      if (!g_str_equal (s->tag, tag))
        continue;
      t = g_utf8_substring (r->text, s->start, s->end);
      g_string_append_printf (out, "%s%s", out->len > 0 ? "|" : "", t);
    }
  return g_string_free (out, FALSE);
}

static void
assert_found (Result     *r,
              const char *tag,
              const char *text)
{
  if (find (r, tag, text) == NULL)
    {
      g_autofree char *found = all_of (r, tag);
      g_error ("no %s “%s” among: %s", tag, text, found);
    }
}

static void
assert_none (Result     *r,
             const char *tag)
{
  g_autofree char *found = all_of (r, tag);

  g_assert_cmpstr (found, ==, "");
}

/* Chinese figures in numerals, with decimals (五点二), ranges (两到三个
 * 季度, 3至5年), durations in two units (八年六个月), multiples and halves
 * (一倍, 一半, 2倍多), one numeral with a counted noun (三名, 两次) and
 * Latin units (40GWh). */
static void
test_zh_statistic_forms (void)
{
  g_autoptr(Result) r = suggest_text ("全年营收三千二百亿元，同比增长百分之五点二，环比下降1.3个百分点。\n\n"
                                      "近三成受访者表示满意，逾万名游客到访。销量比去年多了一倍，工期缩短一半，涨幅达2倍多。\n\n"
                                      "两名被告人分别被判处有期徒刑八年六个月和3年2个月。库存需两到三个季度消化，回本要3至5年。\n\n"
                                      "新基地规划产能40GWh，社工每月上门两次，出口连续四年增长，已过去七年一直没变。\n");

  assert_found (r, "statistic", "三千二百亿元");
  assert_found (r, "statistic", "百分之五点二");
  assert_found (r, "statistic", "1.3个百分点");
  assert_found (r, "statistic", "三成");
  assert_found (r, "statistic", "万名");
  assert_found (r, "statistic", "一倍");
  assert_found (r, "statistic", "一半");
  assert_found (r, "statistic", "2倍多");
  assert_found (r, "statistic", "两名");
  assert_found (r, "statistic", "八年六个月");
  assert_found (r, "statistic", "3年2个月");
  assert_found (r, "statistic", "两到三个季度");
  assert_found (r, "statistic", "3至5年");
  assert_found (r, "statistic", "40GWh");
  assert_found (r, "statistic", "两次");
  assert_found (r, "statistic", "四年");
  assert_found (r, "statistic", "七年");
  g_assert_cmpstr (gloss_suggestion_get_attribute (find (r, "statistic", "40GWh"), "unit"), ==, "GWh");
}

/* Points in a game (25分), a fraction written whole (三分之一), a chip's
 * 3nm and 7纳米; not 十分 (very), the minutes of a time, 三分球 or a branch
 * (3家分公司 counts the branches, 分公司 is no unit). */
static void
test_zh_points_and_fractions (void)
{
  g_autoptr(Result) r = suggest_text ("他全场拿下25分和8次助攻，三分之一的观众来自外地，新芯片采用3nm工艺，另有7纳米产线。\n");
  g_autoptr(Result) none = suggest_text ("比赛于晚上8点30分开始，他十分激动，三分球手感不错，总部设在3分公司楼上。\n");

  assert_found (r, "statistic", "25分");
  assert_found (r, "statistic", "8次");
  assert_found (r, "statistic", "三分之一");
  assert_found (r, "statistic", "3nm");
  assert_found (r, "statistic", "7纳米");
  assert_none (none, "statistic");
}

/* Counting units (枚, 颗, 公吨, 部, 处, 笔, 遍, 折), seconds and race times
 * (40秒, 13秒18, 2小时06分11秒), 翻了一番; not the seconds of a time of
 * day, 一番话, a tricycle (三轮车), two ministries (两部门), an address
 * (家住12幢), a section's head (组织四处处长), nor 万记 in 3000万记录. */
static void
test_zh_statistic_units (void)
{
  g_autoptr(Result) r = suggest_text ("展厅共展出简牍326枚，医生取出12颗磁力珠，农会收购1,500公噸大蒜。\n\n"
                                      "他以13秒18夺冠，比去年快了40秒；冠军用时2小时06分11秒，订单量翻了一番。\n\n"
                                      "全区加装电梯85部，排查隐患136处，完成融资47笔，老师讲了三遍，临期商品打五折。\n\n"
                                      "数据库里有3000万记录。\n");
  g_autoptr(Result) none = suggest_text ("发布会于上午8点30分15秒开始，他说了一番话，骑着三轮车赶来。\n\n"
                                         "两部门联合发文，家住12幢的老人说，组织四处处长介绍了情况。\n");

  assert_found (r, "statistic", "326枚");
  assert_found (r, "statistic", "12颗");
  assert_found (r, "statistic", "1,500公噸");
  assert_found (r, "statistic", "13秒18");
  assert_found (r, "statistic", "40秒");
  assert_found (r, "statistic", "2小时06分11秒");
  assert_found (r, "statistic", "一番");
  assert_found (r, "statistic", "85部");
  assert_found (r, "statistic", "136处");
  assert_found (r, "statistic", "47笔");
  assert_found (r, "statistic", "三遍");
  assert_found (r, "statistic", "五折");
  assert_found (r, "statistic", "3000万");
  assert_none (none, "statistic");
}

/* A guess of two numerals side by side with what it counts (四五年,
 * 两三个小时, 七八家, 一两个星期, 四五个人) and 个人 as a counted noun (三个人);
 * not a bare 个 (五六个), 一两 with a one-character unit (一两天), a number of
 * times guessed (七八次), 一个人 (alone) nor 二十 read as a guess. */
static void
test_zh_statistic_guesses (void)
{
  g_autoptr(Result) r = suggest_text ("短的要四五年，一张图要画两三个小时，一个晚上要跑七八家，拖了一两个星期才来，浇地要雇四五个人，我们三个人修了两年。\n");
  g_autoptr(Result) none = suggest_text ("五六个孩子过一两天就来，他说了七八次，一个人在家。\n");

  assert_found (r, "statistic", "四五年");
  assert_found (r, "statistic", "两三个小时");
  assert_found (r, "statistic", "七八家");
  assert_found (r, "statistic", "一两个星期");
  assert_found (r, "statistic", "四五个人");
  assert_found (r, "statistic", "三个人");
  assert_none (none, "statistic");
}

/* Half a year or a month that something lasted (等了半年, 住了半个月,
 * 连续半年, 就是半个月); not a period (上半年), a report (半年报), 过去半年
 * or 大半天, nor 一半 counted twice. */
static void
test_zh_statistic_halves (void)
{
  g_autoptr(Result) r = suggest_text ("补助等了半年才拿到，一家人在大堤上住了半个月，他连续半年失眠，一耽误就是半个月。\n");
  g_autoptr(Result) none = suggest_text ("上半年营收增长，半年报显示，过去半年多没下楼，来回得大半天。\n");

  assert_found (r, "statistic", "半年");
  assert_found (r, "statistic", "半个月");
  g_assert_null (find (r, "statistic", "了半年"));
  assert_none (none, "statistic");
}

/* No figure: articles and dates, a period (前三个月, 二季度, 三季报), a
 * point in time (三年前, 这两年), guesses (五六个, 几十名), idioms (三天两头,
 * 三位一体, 十里八乡), a spouse (另一半), a meeting (三次会议), a watt-free
 * 5G. */
static void
test_zh_not_statistics (void)
{
  g_autoptr(Result) r = suggest_text ("根据第3条规定，2024年5月1日上午9点30分开会，热线12345678。\n\n"
                                      "前三个月和二季度的数据将随三季报公布，三年前这里还是荒地，这两年变化很大。\n\n"
                                      "五六个孩子和几十名家长三天两头来帮忙，三位一体，十里八乡都知道。\n\n"
                                      "她的另一半是一名记者，坚持两个维护，三次会议后开通5G基站。\n");

  assert_none (r, "statistic");
}

/* English money in pounds and euros with m/bn, a scale word and what it
 * counts (3.4 million people), ranges; not a length (a 40m tower) or an
 * age misspelt (93 year-old). */
static void
test_en_statistic_forms (void)
{
  g_autoptr(Result) r = suggest_text ("The council will save £40m a year, and the bank lent €2.5bn. Some 3.4 million people voted. "
                                      "Between 300 and 400 protesters marched, and 200 to 250 jobs will go.\n\n");
  g_autoptr(Result) none = suggest_text ("They climbed a 40m tower. The 93 year-old finishes his term in May.\n");

  assert_found (r, "statistic", "£40m");
  assert_found (r, "statistic", "€2.5bn");
  assert_found (r, "statistic", "3.4 million people");
  assert_found (r, "statistic", "300 and 400 protesters");
  assert_found (r, "statistic", "200 to 250 jobs");
  assert_none (none, "statistic");
}

/* English figures in words: a duration (seven hours), a plural counted
 * right after the number (five homes, two cars), a range (three to four
 * months); not a time up to now or before it (two years ago, the last two
 * years), not what the text already counted (these two issues, the eight
 * years of), not a multiple (three times), not words quoted in Chinese. */
static void
test_en_statistic_words (void)
{
  g_autoptr(Result) r = suggest_text ("The crews worked for seven hours. Officers searched five homes and seized two cars. "
                                      "The repairs will take three to four months. Deposits were $1,500 to $3,000 each.\n");
  g_autoptr(Result) none = suggest_text ("Two years ago the plan failed. In the last two years little changed. "
                                         "The eight years of his rule ended. These two issues matter. She tried three times.\n\n"
                                         "“Will we still be here in ten years?”他说。\n");

  assert_found (r, "statistic", "seven hours");
  assert_found (r, "statistic", "five homes");
  assert_found (r, "statistic", "two cars");
  assert_found (r, "statistic", "three to four months");
  g_assert_null (find (r, "statistic", "four months"));
  assert_found (r, "statistic", "$1,500 to $3,000");
  g_assert_null (find (r, "statistic", "$3,000"));
  assert_none (none, "statistic");
}

/* Chinese officials named without a name when they speak after an
 * adverbial (在电话中回应称, 在接受采访时表示), an office narrowed in
 * parentheses; a company's secretary (董秘) or vice-president, named or
 * not, is a person, a Latin name after the office too; not several offices
 * joined by 等. */
static void
test_zh_officials (void)
{
  g_autoptr(Result) r = suggest_text ("对此，星辰健身相关负责人在电话中回应称，门店将分批恢复营业。\n\n"
                                      "某光伏龙头企业董秘在接受记者采访时表示，价格已经见底。\n\n"
                                      "运输署助理署长（规划）林嘉仪表示，署方会检讨班次。\n\n"
                                      "北辰能源副总裁Anna Berg介绍，新工厂明年投产。\n\n"
                                      "交通运输部、水利部等部门负责人介绍了汛期安排。\n");
  GlossSuggestion *berg = find (r, "person", "Anna Berg");

  assert_found (r, "official", "星辰健身相关负责人");
  assert_found (r, "person", "某光伏龙头企业董秘");
  assert_found (r, "official", "运输署助理署长（规划）林嘉仪");
  g_assert_nonnull (berg);
  g_assert_cmpstr (gloss_suggestion_get_attribute (berg, "role"), ==, "北辰能源副总裁");
  g_assert_null (find (r, "official", "水利部等部门负责人"));
  g_assert_null (find (r, "official", "北辰能源副总裁Anna Berg"));
}

/* Chinese persons without a speech verb: anonymised names in court and
 * police reports (周某平, 吴某), a surname with a kinship or trade word
 * (范阿婆, 王师傅), names chained after a role in a byline, unnamed sources
 * (业内人士, 一位不愿透露姓名的前员工); not 某些, 某公司, 房东阿姨 or 向记者. */
static void
test_zh_persons (void)
{
  g_autoptr(Result) r = suggest_text ("（记者周海宁、林晓雯 通讯员 黎航）法院当庭宣判：被告人周某平、吴某和郑某亮犯诈骗罪。\n\n"
                                      "社工敲开了独居老人范阿婆的家门，王师傅拉着记者的手不放。\n\n"
                                      "据业内人士介绍，一位不愿透露姓名的前员工告诉记者，门店早已欠薪。\n");
  g_autoptr(Result) none = suggest_text ("某些人冒充某公司客服，房东阿姨一早就出门了，她向记者表示没有损失。\n");

  assert_found (r, "person", "周海宁");
  assert_found (r, "person", "林晓雯");
  assert_found (r, "person", "黎航");
  assert_found (r, "person", "周某平");
  assert_found (r, "person", "吴某");
  assert_found (r, "person", "郑某亮");
  assert_found (r, "person", "范阿婆");
  assert_found (r, "person", "王师傅");
  assert_found (r, "person", "业内人士");
  {
    /* Courtesy words: 受害人李女士, 王先生 */
    g_autoptr(Result) courtesy = suggest_text ("受害人李女士被骗12万元，邻居王先生也接到过类似电话。\n");
    assert_found (courtesy, "person", "李女士");
    assert_found (courtesy, "person", "王先生");
  }
  assert_found (r, "person", "一位不愿透露姓名的前员工");
  assert_none (none, "person");
  assert_none (none, "official");
}

/* English offices: a sentence's last word is no organization (… of GDP.
 * Sen. John Hale), Former is no organization either; county executives;
 * a name with an occupation in apposition is a person, and so is the
 * article's author on the lines after it. */
static void
test_en_offices_and_appositions (void)
{
  g_autoptr(Result) r = suggest_text ("The deficit reached 2.3% of GDP. Sen. John Hale voted no. Former Mayor Jo Lee and "
                                      "County Executive Paul Dean met. Nell Ross, a baker, opened early.\n");
  GlossSuggestion *hale = find (r, "official", "Sen. John Hale");
  GlossSuggestion *lee = find (r, "official", "Former Mayor Jo Lee");

  g_assert_nonnull (hale);
  g_assert_null (gloss_suggestion_get_attribute (hale, "organization"));
  g_assert_nonnull (lee);
  g_assert_null (gloss_suggestion_get_attribute (lee, "organization"));
  g_assert_cmpstr (gloss_suggestion_get_attribute (lee, "title"), ==, "Mayor");
  assert_found (r, "official", "County Executive Paul Dean");
  assert_found (r, "person", "Nell Ross");
  {
    /* Who wrote the article, on the lines after it; not a country that is a threat. */
    g_autoptr(Result) bio = suggest_text ("The port reopened on Monday.\n\n"
                                          "Erin Walsh is a correspondent based in Lagos.\n\n"
                                          "Tom Okafor contributed to this report.\n\n"
                                          "North Korea is a threat to the region.\n");
    assert_found (bio, "person", "Erin Walsh");
    assert_found (bio, "person", "Tom Okafor");
    g_assert_null (find (bio, "person", "North Korea"));
  }
}

/* English offices with lowercase words before the title (opposition
 * leader, former security chief), an institution's words no name starts
 * with (White House, City), titles longer than 16 characters, an office
 * after a company's possessive; not a lowercase word that is no part of
 * the office ("said"), nor a name's own capitalised words. */
static void
test_en_office_modifiers (void)
{
  g_autoptr(Result) r = suggest_text ("The vote was close, and opposition leader Tomas Brandt called it a farce. Later, "
                                      "former fire chief Ada Lund resigned.\n\n"
                                      "White House press secretary Lena Holt and City Councilwoman Rosa Vidal spoke.\n\n"
                                      "District Attorney Owen Price filed charges. Detective Sergeant Ida Marsh testified.\n\n"
                                      "Kestrel's chief executive, Nora Lind, declined to comment.\n");
  g_autoptr(Result) none = suggest_text ("The panel heard from Tomas Brandt, who said Ada Lund was right.\n");
  GlossSuggestion *brandt = find (r, "official", "opposition leader Tomas Brandt");
  GlossSuggestion *holt = find (r, "official", "White House press secretary Lena Holt");

  g_assert_nonnull (brandt);
  g_assert_null (gloss_suggestion_get_attribute (brandt, "organization"));
  assert_found (r, "official", "former fire chief Ada Lund");
  g_assert_nonnull (holt);
  g_assert_cmpstr (gloss_suggestion_get_attribute (holt, "organization"), ==, "White House");
  assert_found (r, "official", "City Councilwoman Rosa Vidal");
  assert_found (r, "official", "District Attorney Owen Price");
  assert_found (r, "official", "Detective Sergeant Ida Marsh");
  assert_found (r, "official", "Nora Lind");
  g_assert_null (find (r, "official", "Councilwoman Rosa Vidal"));
  g_assert_null (find (r, "official", "press secretary Lena Holt"));
  assert_none (none, "official");
}

/* Chinese programs: quoted names after 推行/组建了/办起了/共建, names ending
 * in 制 or 队, before 机制, or given after 名为 (名为“…”的计划), policy
 * documents in title marks, an initiative named after 推进 or 开展 without
 * marks (before 以来 too); not a book or a paper in title marks, a list of single
 * words, a scare quote, 推进 and an ordinary phrase, nor a policy slogan
 * of parallel phrases (“稳产量、提质量”) or a numbered one (“两个覆盖”):
 * of the 35 the rules once suggested, the development set's labellers
 * counted 4, all in its two earliest splits. */
static void
test_zh_programs (void)
{
  g_autoptr(Result) r = suggest_text ("青山镇推行“街长制”，组建了“夕阳护绿队”，还办起了“周末书屋”。\n\n"
                                      "各地坚持“稳产量、提质量”，做到“两个覆盖”。\n\n"
                                      "省政府印发《城乡供水一体化实施方案》和《农村污水治理规范（试行）》。\n\n"
                                      "全市全力推进老旧小区改造工程，同时推进工作。\n\n"
                                      "全市自去年开展打击整治养老诈骗专项行动以来破案多起。对共建“一带一路”国家出口增长。"
                                      "这项名为“零废丰岭”的计划试行三个月。农业部通过「冷藏蔬菜释出」机制平抑菜价。\n");
  g_autoptr(Result) none = suggest_text ("他爱读《平凡的世界》，每天翻看《河川日报》。做事讲究“快、准、稳”，"
                                         "这个“网红”书店很火，我们推进得很快。\n");

  assert_found (r, "program", "街长制");
  assert_found (r, "program", "夕阳护绿队");
  assert_found (r, "program", "周末书屋");
  g_assert_null (find (r, "program", "稳产量、提质量"));
  g_assert_null (find (r, "program", "两个覆盖"));
  assert_found (r, "program", "城乡供水一体化实施方案");
  assert_found (r, "program", "农村污水治理规范（试行）");
  assert_found (r, "program", "老旧小区改造工程");
  assert_found (r, "program", "打击整治养老诈骗专项行动");
  assert_found (r, "program", "一带一路");
  assert_found (r, "program", "零废丰岭");
  assert_found (r, "program", "冷藏蔬菜释出");
  g_assert_null (find (r, "program", "工作"));
  assert_none (none, "program");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest-entities/zh/statistic-forms", test_zh_statistic_forms);
  g_test_add_func ("/suggest-entities/zh/not-statistics", test_zh_not_statistics);
  g_test_add_func ("/suggest-entities/zh/statistic-units", test_zh_statistic_units);
  g_test_add_func ("/suggest-entities/zh/statistic-guesses", test_zh_statistic_guesses);
  g_test_add_func ("/suggest-entities/zh/statistic-halves", test_zh_statistic_halves);
  g_test_add_func ("/suggest-entities/zh/points-and-fractions", test_zh_points_and_fractions);
  g_test_add_func ("/suggest-entities/en/statistic-forms", test_en_statistic_forms);
  g_test_add_func ("/suggest-entities/en/statistic-words", test_en_statistic_words);
  g_test_add_func ("/suggest-entities/zh/officials", test_zh_officials);
  g_test_add_func ("/suggest-entities/zh/persons", test_zh_persons);
  g_test_add_func ("/suggest-entities/zh/programs", test_zh_programs);
  g_test_add_func ("/suggest-entities/en/offices-and-appositions", test_en_offices_and_appositions);
  g_test_add_func ("/suggest-entities/en/office-modifiers", test_en_office_modifiers);

  return g_test_run ();
}
