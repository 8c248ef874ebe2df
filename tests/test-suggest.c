/* test-suggest.c: the suggestion rules, one family at a time, Chinese and
 * English, positive and negative cases, and hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-suggest.h"
#include "gloss-test-suggest.h"

static Result *
suggest_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "suggest", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return suggest_text (text);
}

static void
test_zh_quotes (void)
{
  g_autoptr(Result) r = suggest_file ("zh-water.txt");

  assert_well_formed (r);
  /* ORG + TITLE + NAME + VERB after the quote. */
  assert_speaker (r, "今年我们要让每一户人家都能放心喝上自来水，这是我们的承诺。", "河畔市水务局局长周敏");
  /* A quote split by its attribution: two quotes, one speaker. */
  assert_speaker (r, "水价不会因此上涨，", "河畔市水务局局长周敏");
  assert_speaker (r, "困难家庭还可以申请补贴。", "河畔市水务局局长周敏");
  /* A quote-only paragraph goes on with the last speaker. */
  assert_speaker (r, "我们村以前吃水要走两公里山路。", "河畔市水务局局长周敏");
  g_assert_cmpstr (find (r, "quote", "我们村以前吃水要走两公里山路。")->rule, ==, "zh-quote-continued");
  /* A pronoun: the nearest person before, with a lower confidence. */
  assert_speaker (r, "现在拧开龙头就有干净的水，日子好过多了。", "王小明");
  /* An unnamed official with a colon. */
  assert_speaker (r, "全市水质达标率已经提高到98%，比去年提高了3个百分点。", "市环保局相关负责人");
  /* Names and slogans in quotation marks are not speech. */
  g_assert_null (find (r, "quote", "清水到户"));
  g_assert_null (find (r, "quote", "便民饮水驿站"));
  g_assert_null (find (r, "quote", "民心工程"));
  g_assert_cmpuint (count_tag (r, "quote"), ==, 6);
}

static void
test_zh_officials (void)
{
  g_autoptr(Result) r = suggest_file ("zh-water.txt");
  GlossSuggestion *zhou = find (r, "official", "河畔市水务局局长周敏");
  GlossSuggestion *again;
  g_autoptr(Result) chain = suggest_text ("“这件事我们一定办好。”河畔市委组织部常务副部长、市人才办主任林晓燕说。");
  GlossSuggestion *lin;

  g_assert_nonnull (zhou);
  g_assert_cmpstr (gloss_suggestion_get_attribute (zhou, "title"), ==, "局长");
  g_assert_cmpstr (gloss_suggestion_get_attribute (zhou, "organization"), ==, "河畔市水务局");
  /* One person named twice is one entity, an official everywhere. */
  again = find_after (r, "official", "周敏", zhou->end);
  g_assert_nonnull (again);
  g_assert_cmpstr (again->entity, ==, zhou->id);

  /* Chained offices with prefixes: the first office is the title. */
  lin = find (chain, "official", "河畔市委组织部常务副部长、市人才办主任林晓燕");
  g_assert_nonnull (lin);
  g_assert_cmpstr (gloss_suggestion_get_attribute (lin, "title"), ==, "常务副部长");
  g_assert_cmpstr (gloss_suggestion_get_attribute (lin, "organization"), ==, "河畔市委组织部");

  /* Not a name: a title followed by an ordinary word. */
  {
    g_autoptr(Result) no = suggest_text ("会议由局长主持，委员单位共十二家。党建频道报道了此事。");
    g_assert_cmpuint (count_tag (no, "official"), ==, 0);
    g_assert_cmpuint (count_tag (no, "person"), ==, 0);
  }
}

static void
test_zh_persons (void)
{
  g_autoptr(Result) r = suggest_text ("快递小哥谢明杰来到仓库。\n\n“早上最忙。”谢明杰说。\n\n"
                                      "图注：巴兹·奥尔德林在月球上。奥尔德林后来回忆了这一天。");
  GlossSuggestion *xie = find (r, "person", "谢明杰");

  /* A person is their name; the role is an attribute. */
  g_assert_nonnull (xie);
  g_assert_cmpstr (gloss_suggestion_get_attribute (xie, "role"), ==, "快递小哥");
  assert_speaker (r, "早上最忙。", "谢明杰");
  g_assert_nonnull (find (r, "person", "巴兹·奥尔德林"));
  g_assert_cmpstr (find (r, "person", "奥尔德林")->entity, ==, find (r, "person", "巴兹·奥尔德林")->id);
}

static void
test_zh_programs (void)
{
  g_autoptr(Result) r = suggest_file ("zh-water.txt");
  g_autoptr(Result) no = suggest_text ("大家觉得自己“漂着”，问题是“谁来管”。");

  g_assert_nonnull (find (r, "program", "便民饮水驿站"));   /* suffix 驿站 */
  g_assert_nonnull (find (r, "program", "清水到户"));       /* 启动“…” */
  g_assert_nonnull (find (r, "program", "民心工程"));       /* suffix 工程 */
  /* Named once, suggested again where it recurs. */
  g_assert_cmpuint (count_tag (r, "program"), ==, 5);
  /* Scare quotes are neither speech nor programs. */
  g_assert_cmpuint (no->suggestions->len, ==, 0);
}

static void
test_zh_statistics (void)
{
  g_autoptr(Result) r = suggest_file ("zh-water.txt");
  g_autoptr(Result) no = suggest_text ("2021年6月，第3次会议在下午4点召开，热线12345678，党的二十大，15:40发布，2023-03-21。");

  g_assert_cmpstr (gloss_suggestion_get_attribute (find (r, "statistic", "4.8亿元"), "unit"), ==, "元");
  g_assert_nonnull (find (r, "statistic", "30万人"));
  g_assert_nonnull (find (r, "statistic", "126个"));
  g_assert_nonnull (find (r, "statistic", "98%"));
  g_assert_nonnull (find (r, "statistic", "3个百分点"));
  /* Not ages (a person's, as in English: Smith, 62,), dates, years,
   * times, ordinals or phone numbers. */
  g_assert_null (find (r, "statistic", "62岁"));
  /* 點 is a decimal point too (五點六年); a year in numerals (二〇二七年)
   * is no figure; 批次 counts, 度 measures after digits or 十 (14度, 零下
   * 十度), not after one small numeral (梅开二度, 一度超前). */
  {
    g_autoptr(Result) more = suggest_text ("輪候時間為五點六年，較上季增加零點一年，預計二〇二七年落成。"
                                           "抽检3个批次，屋里才14度，零下十度。他梅开二度，球队一度领先。");

    g_assert_nonnull (find (more, "statistic", "五點六年"));
    g_assert_nonnull (find (more, "statistic", "零點一年"));
    g_assert_null (find (more, "statistic", "二〇二七年"));
    g_assert_nonnull (find (more, "statistic", "3个批次"));
    g_assert_nonnull (find (more, "statistic", "14度"));
    g_assert_nonnull (find (more, "statistic", "十度"));
    g_assert_null (find (more, "statistic", "二度"));
    g_assert_null (find (more, "statistic", "一度"));
  }
  g_assert_null (find (r, "statistic", "2021年"));
  g_assert_cmpuint (count_tag (no, "statistic"), ==, 0);

  /* Chinese numerals with a unit; not idioms, ordinals, lone numerals or 百年. */
  {
    g_autoptr(Result) words = suggest_text ("近三成家庭、上万名志愿者、百分之三十的企业、两千多家商户、数千人、三个百分点。");
    g_autoptr(Result) none = suggest_text ("大家一起努力，坚持四个全面，两个维护，一是快，十九大，十四五期间，"
                                           "三十年代，一成不变，第十四届，十月一日，一些人，建党百年，千家万户。");

    g_assert_nonnull (find (words, "statistic", "三成"));
    g_assert_nonnull (find (words, "statistic", "上万名"));
    g_assert_nonnull (find (words, "statistic", "百分之三十"));
    g_assert_nonnull (find (words, "statistic", "两千多家"));
    g_assert_nonnull (find (words, "statistic", "数千人"));
    g_assert_cmpstr (find (words, "statistic", "三个百分点")->rule, ==, "zh-statistic-words");
    g_assert_cmpuint (count_tag (none, "statistic"), ==, 0);
  }
}

/* Scores (3比2, 21比19), durations in 个小时/个星期 (一个星期 too, not 一个人),
 * temperatures, and 款 局 球 杯 蚊 as counted units; not a ratio inside a
 * decimal (1.5比2.0) nor 一个人. */
static void
test_zh_statistics_scores_and_units (void)
{
  g_autoptr(Result) r = suggest_text ("城南队以3比2逆转，决胜局以21比19拿下，苦战三局，连进两球。训练结束后加练两个小时，"
                                      "最近一个星期降了一成，气温超过40℃，推出5款新品，白天靠三杯咖啡撑着，每程兩蚊。");
  g_autoptr(Result) none = suggest_text ("他一个人来了，比分是1.5比2.0的样子，第三局开始了。");

  g_assert_nonnull (find (r, "statistic", "3比2"));
  g_assert_nonnull (find (r, "statistic", "21比19"));
  g_assert_nonnull (find (r, "statistic", "三局"));
  g_assert_nonnull (find (r, "statistic", "两球"));
  g_assert_nonnull (find (r, "statistic", "两个小时"));
  g_assert_nonnull (find (r, "statistic", "一个星期"));
  g_assert_nonnull (find (r, "statistic", "40℃"));
  g_assert_nonnull (find (r, "statistic", "5款"));
  g_assert_nonnull (find (r, "statistic", "三杯"));
  g_assert_nonnull (find (r, "statistic", "兩蚊"));
  g_assert_cmpuint (count_tag (none, "statistic"), ==, 0);

  /* Counts of trips in 次 (48台次, 36车次) are whole, as 人次 is. */
  {
    g_autoptr(Result) trips = suggest_text ("检查组出动执法车辆48台次，起降航班120架次，开行列车36车次，出动船舶12艘次。");

    g_assert_nonnull (find (trips, "statistic", "48台次"));
    g_assert_nonnull (find (trips, "statistic", "120架次"));
    g_assert_nonnull (find (trips, "statistic", "36车次"));
    g_assert_nonnull (find (trips, "statistic", "12艘次"));
    g_assert_null (find (trips, "statistic", "48台"));
  }
}

static void
test_en_quotes (void)
{
  g_autoptr(Result) r = suggest_file ("en-water.txt");

  assert_well_formed (r);
  /* "…," Name said — Lin is Mayor Lin Wenhua, named before. */
  assert_speaker (r, "Every household should be able to drink from the tap without worry,", "Mayor Lin Wenhua");
  /* "…," said Name */
  assert_speaker (r, "The money is there, but the pipes are forty years old,", "Amelia Hart");
  assert_speaker (r, "We found lead in 18 percent of the samples we took,", "Amelia Hart");
  /* A quote-only paragraph goes on with the last speaker. */
  assert_speaker (r, "It will take a decade to replace them all.", "Amelia Hart");
  /* Scare quotes are not speech. */
  g_assert_null (find (r, "quote", "wins"));
}

static void
test_en_names (void)
{
  g_autoptr(Result) r = suggest_file ("en-water.txt");
  g_autoptr(Result) pronoun = suggest_text ("Prime Minister Jane Doe spoke on Monday.\n\n"
                                            "\"We will not give up, not now,\" she said.\n");
  GlossSuggestion *mayor = find (r, "official", "Mayor Lin Wenhua");
  GlossSuggestion *hart = find (r, "person", "Amelia Hart");

  g_assert_nonnull (mayor);
  g_assert_cmpstr (gloss_suggestion_get_attribute (mayor, "title"), ==, "Mayor");
  g_assert_nonnull (hart);
  g_assert_cmpstr (find (r, "person", "Hart")->entity, ==, hart->id);
  g_autoptr(Result) appositive = suggest_text ("The leader of the Green Party, Maria Lopez, spoke first. "
                                               "Tom Reed, a member of the city council, agreed. "
                                               "Riverland president Anna Berg arrived. The priest, Paul Amos, prayed. "
                                               "Heba Lopez reported.");
  GlossSuggestion *lopez = find (appositive, "official", "Maria Lopez");

  /* Offices in apposition and lowercase titles after a name of place. */
  g_assert_nonnull (lopez);
  g_assert_cmpstr (gloss_suggestion_get_attribute (lopez, "title"), ==, "leader");
  g_assert_cmpstr (gloss_suggestion_get_attribute (lopez, "organization"), ==, "Green Party");
  g_assert_nonnull (find (appositive, "official", "Tom Reed"));
  g_assert_nonnull (find (appositive, "official", "Riverland president Anna Berg"));
  g_assert_nonnull (find (appositive, "person", "Paul Amos"));
  /* Another person's surname glued to a first name is not a mention. */
  g_assert_null (find (appositive, "official", "Lopez"));
  assert_speaker (pronoun, "We will not give up, not now,", "Prime Minister Jane Doe");
  g_assert_cmpfloat (find (pronoun, "quote", "We will not give up, not now,")->confidence, <, 0.9);
}

static void
test_en_statistics (void)
{
  g_autoptr(Result) r = suggest_file ("en-water.txt");
  g_autoptr(Result) no = suggest_text ("On March 18, 2015, at 10:30, after 9/11, the 2nd round, call 555-1234, in 1991. "
                                       "Hundreds of millions of dollars, 18 months ago, a 93-year-old man, two more years.");
  g_autoptr(Result) words = suggest_text ("Two gunmen died and two leftist politicians were killed; 21 Christians fled.");

  g_assert_nonnull (find (r, "statistic", "$4.8 million"));
  g_assert_nonnull (find (r, "statistic", "18 percent"));
  g_assert_nonnull (find (r, "statistic", "106 protesters"));
  g_assert_null (find (r, "statistic", "18, 2026"));
  g_assert_cmpuint (count_tag (no, "statistic"), ==, 0);
  g_assert_nonnull (find (words, "statistic", "Two gunmen"));
  g_assert_nonnull (find (words, "statistic", "two leftist politicians"));
  g_assert_nonnull (find (words, "statistic", "21 Christians"));
}

static void
test_organizations (void)
{
  g_autoptr(Result) zh = suggest_file ("zh-water.txt");
  g_autoptr(Result) en = suggest_file ("en-water.txt");
  g_autoptr(Result) no = suggest_text ("But The council met. 局长说：“好。”");

  /* The organization of an official, with an organization suffix. */
  g_assert_nonnull (find (zh, "organization", "河畔市水务局"));
  g_assert_nonnull (find (zh, "organization", "市环保局"));
  g_assert_nonnull (find (en, "organization", "Northfield Institute"));
  g_assert_cmpuint (count_tag (no, "organization"), ==, 0);
}

static void
test_corpus (void)
{
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();
  g_autoptr(JsonObject) attributes = json_object_new ();
  const char *text = "The Blue Rivers Plan starts today. 河畔市的碧水计划也开始了。";
  g_autoptr(GPtrArray) out = NULL;
  GlossSuggestion *s;

  json_object_set_string_member (attributes, "title", "Mayor");
  gloss_suggester_add_known (suggester, "program", "Blue Rivers", NULL);
  gloss_suggester_add_known (suggester, "program", "碧水计划", NULL);
  gloss_suggester_add_known (suggester, "program", "Rivers", NULL);   /* only as a word */
  gloss_suggester_add_known (suggester, "quote", "starts today", NULL);   /* quotes never recur */
  out = gloss_suggester_run (suggester, text);
  g_assert_cmpuint (out->len, >=, 2);
  s = out->pdata[0];
  g_assert_cmpstr (s->tag, ==, "program");
  g_assert_cmpstr (s->rule, ==, "corpus");
  g_assert_cmpuint (s->start, ==, 4);
  g_assert_cmpuint (s->end, ==, 15);
  for (guint i = 0; i < out->len; i++)
    g_assert_cmpstr (((GlossSuggestion *) out->pdata[i])->tag, !=, "quote");
  s = out->pdata[out->len - 1];
  g_assert_cmpuint (s->start, ==, 39);
  g_assert_cmpuint (s->end, ==, 43);
}

/* A span the team tagged wins over a rule's span of the same tag that
 * overlaps it: one outline, one question; another tag over the same words
 * stays. */
static void
test_corpus_overlap (void)
{
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();
  const char *text = "Lead was found in 18 percent of samples, officials said.\n\n"
                     "河畔市水务局局长周敏说：“水价不会上涨。”";
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) out = NULL;
  guint statistics = 0;
  gboolean organization = FALSE, official = FALSE;

  plain = gloss_suggester_run (suggester, text);
  for (guint i = 0; i < plain->len; i++)
    if (g_str_equal (((GlossSuggestion *) plain->pdata[i])->tag, "statistic"))
      statistics++;
  g_assert_cmpuint (statistics, ==, 1);

  gloss_suggester_add_known (suggester, "statistic", "18 percent of samples", NULL);
  out = gloss_suggester_run (suggester, text);
  statistics = 0;
  for (guint i = 0; i < out->len; i++)
    {
      GlossSuggestion *s = out->pdata[i];

      /* 河畔市水务局 inside 河畔市水务局局长周敏: two tags, both stay. */
      organization |= g_str_equal (s->tag, "organization") && s->start == 58 && s->end == 64;
      official |= g_str_equal (s->tag, "official") && s->start == 58 && s->end == 68;
      if (!g_str_equal (s->tag, "statistic"))
        continue;
      statistics++;
      g_assert_cmpstr (s->rule, ==, "corpus");
      g_assert_cmpuint (s->start, ==, 18);
      g_assert_cmpuint (s->end, ==, 39);
    }
  g_assert_cmpuint (statistics, ==, 1);
  g_assert_true (organization);
  g_assert_true (official);
}

/* The window cancels the run of an article it no longer shows: a cancelled
 * run stops before its next rule family and says so; one never cancelled
 * finds what gloss_suggester_run() finds. */
static void
test_cancellable (void)
{
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char *text = "市水务局局长周敏说：“今年完成投资4.8亿元，惠及30万人。”\n\n"
                     "“The water is safe, we checked,” said Mayor Lin Wen. 😀";
  g_autoptr(GPtrArray) plain = gloss_suggester_run (suggester, text);
  g_autoptr(GPtrArray) live = NULL;
  g_autoptr(GPtrArray) stopped = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (plain->len, >=, 4);
  live = gloss_suggester_run_cancellable (suggester, text, cancellable, &error);
  g_assert_no_error (error);
  g_assert_nonnull (live);
  g_assert_cmpuint (live->len, ==, plain->len);
  for (guint i = 0; i < plain->len; i++)
    {
      GlossSuggestion *a = plain->pdata[i], *b = live->pdata[i];

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->tag, ==, b->tag);
      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpstr (a->rule, ==, b->rule);
    }

  g_cancellable_cancel (cancellable);
  stopped = gloss_suggester_run_cancellable (suggester, text, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (stopped);
}

/* A quote left open at the end of its paragraph goes on in the next one
 * (the news convention): the next paragraph's quote is the same speaker's,
 * however short. A closed one does not make a quoted name after it speech. */
static void
test_across_paragraphs (void)
{
  g_autoptr(Result) zh = suggest_text ("市长李明说：“第一段话，还没说完。\n\n“第二段接着说。”\n\n"
                                       "市长李明说：“这段话说完了，就这些。”\n\n“清水行动”正式启动。");
  g_autoptr(Result) en = suggest_text ("Mayor Lin Wen said: “The first part is long, and it goes on.\n\n“Short.”\n\n"
                                       "“The water is safe, we checked,” Lin said.\n\n“Clean Rivers” began.\n");
  g_autoptr(Result) unclosed = suggest_text ("他说：“没有结束的引号，也没有结尾。\n\n这一段没有引号。\n\n“第三段，也没有。");

  assert_well_formed (zh);
  assert_speaker (zh, "第一段话，还没说完。", "市长李明");
  assert_speaker (zh, "第二段接着说。", "市长李明");
  g_assert_cmpstr (find (zh, "quote", "第二段接着说。")->rule, ==, "zh-quote-continued");
  g_assert_null (find (zh, "quote", "清水行动"));
  assert_well_formed (en);
  assert_speaker (en, "The first part is long, and it goes on.", "Mayor Lin Wen");
  assert_speaker (en, "Short.", "Mayor Lin Wen");
  g_assert_null (find (en, "quote", "Clean Rivers"));
  /* A mark left open before a paragraph without marks is a stray mark:
   * nothing reaches over, nothing goes on. */
  assert_well_formed (unclosed);
  g_assert_cmpuint (count_tag (unclosed, "quote"), ==, 0);
}

/* A quote left open, then a paragraph that is only an opening mark and
 * blanks (CRLF keeps a \r in it), or a pair of marks around blanks: the
 * marks quote nothing, so nothing goes on (the fuzzer's empty quotes),
 * and the paragraph after is narration. */
static void
test_lone_mark_after_open_quote (void)
{
  g_autoptr(Result) zh = suggest_text ("市长李明说：“我们发现了问题，还要继续努力。\r\n“\r\n这一段没有引号。\r\n");
  g_autoptr(Result) en = suggest_text ("Mayor Lin Wen said: “We found lead in 12 percent of samples.\r\n“ \r\nThe end.\r\n");
  g_autoptr(Result) pair = suggest_text ("“We will fix the pipes, and the roads too.\n\"\r\r\"\n“\u3000”\nThe end.\n");

  assert_well_formed (zh);
  g_assert_cmpuint (count_tag (zh, "quote"), ==, 1);
  assert_speaker (zh, "我们发现了问题，还要继续努力。", "市长李明");
  assert_well_formed (en);
  g_assert_cmpuint (count_tag (en, "quote"), ==, 1);
  assert_speaker (en, "We found lead in 12 percent of samples.", "Mayor Lin Wen");
  assert_well_formed (pair);
  g_assert_cmpuint (count_tag (pair, "quote"), ==, 1);
}

/* A name, then a short adverbial, then the speech verb: 在会上指出,
 * 在接受采访时说, 也表示. Not a pronoun, not past a long phrase. */
static void
test_zh_adverbial_speakers (void)
{
  g_autoptr(Result) r = suggest_text ("欧阳明月在会上指出，“节约用水，人人有责。”\n\n"
                                      "李华在接受采访时说：“明年还要再建两座水厂。”\n\n"
                                      "王明也表示：“我们全力支持，决不拖后腿。”\n\n"
                                      "他在会上指出：“困难不少，办法更多。”\n\n"
                                      "周明在这次持续了整整一天的全体大会上指出了问题。");

  assert_well_formed (r);
  assert_speaker (r, "节约用水，人人有责。", "欧阳明月");
  assert_speaker (r, "明年还要再建两座水厂。", "李华");
  assert_speaker (r, "我们全力支持，决不拖后腿。", "王明");
  g_assert_null (find (r, "person", "他在"));
  g_assert_null (find (r, "person", "周明"));
}

/* NAME + TITLE + VERB (the order for leaders), and a name glued to a role
 * noun the lexicon does not know (护林员张德福说); not 王主任的办公室, not 文件强调. */
static void
test_zh_name_title (void)
{
  g_autoptr(Result) r = suggest_text ("王立新总理强调：“要把好事办好，把实事办实。”\n\n"
                                      "“我们一定守好这片林子，”护林员张德福说，“这是祖祖辈辈的饭碗。”\n\n"
                                      "王主任的办公室在三楼，张局长家就在附近。文件强调，要按时完成。");
  GlossSuggestion *wang = find (r, "official", "王立新总理");

  assert_well_formed (r);
  g_assert_nonnull (wang);
  g_assert_cmpstr (gloss_suggestion_get_attribute (wang, "title"), ==, "总理");
  assert_speaker (r, "要把好事办好，把实事办实。", "王立新总理");
  assert_speaker (r, "我们一定守好这片林子，", "张德福");
  assert_speaker (r, "这是祖祖辈辈的饭碗。", "张德福");
  g_assert_cmpuint (count_tag (r, "official"), ==, 1);
  g_assert_null (find (r, "person", "文件"));
}

/* English programs: capitalised names ending in Programme, Act, Plan…;
 * not a bare suffix after a function word. */
static void
test_en_programs (void)
{
  g_autoptr(Result) r = suggest_text ("The government launched the Clean Rivers Programme and the Affordable Care Act. "
                                      "A plan was made. The Plan is simple. Our Mission matters. This Plan works.");

  g_assert_nonnull (find (r, "program", "Clean Rivers Programme"));
  g_assert_nonnull (find (r, "program", "Affordable Care Act"));
  g_assert_cmpuint (count_tag (r, "program"), ==, 2);
}

/* Headlines quote speech in single marks; names, apostrophes and marks
 * nested in double ones, or in a sentence of prose, are not headline quotes. */
static void
test_en_headlines (void)
{
  g_autoptr(Result) r = suggest_text ("Mayor Anna Berg says water is her 'biggest worry'\n\n"
                                      "‘We need to listen’\n\n"
                                      "Tourists flock to the 'Penguin Post Office' for Obama's rock 'n' roll show\n\n"
                                      "“It’s ‘Showtime at the Apollo,’” he said\n\n"
                                      "She called it 'a very long night' and left early.\n");

  assert_well_formed (r);
  assert_speaker (r, "biggest worry", "Mayor Anna Berg");
  g_assert_cmpstr (find (r, "quote", "biggest worry")->rule, ==, "en-quote-headline");
  g_assert_nonnull (find (r, "quote", "We need to listen"));
  g_assert_null (find (r, "quote", "Penguin Post Office"));
  g_assert_null (find (r, "quote", "n"));
  g_assert_null (find (r, "quote", "Showtime at the Apollo,"));
  g_assert_null (find (r, "quote", "a very long night"));
  g_assert_cmpuint (count_tag (r, "quote"), ==, 3);
}

/* English attributions: present tense, told, added, instructed, lowercase
 * titles, "according to", and a role noun ("the mayor") resolved to the
 * nearest person with that title, not merely the nearest person. */
static void
test_en_speakers (void)
{
  g_autoptr(Result) r = suggest_text ("Mayor Lin Wen opened the session.\n\n"
                                      "Anna Berg, a hydrologist at the Northfield Institute, studies rivers.\n\n"
                                      "“Rivers are changing faster than we thought,” says Berg, who has worked there for years.\n\n"
                                      "“We need more data,” she told reporters on Monday.\n\n"
                                      "“Stay calm,” instructed Tom Reed, the fire chief.\n\n"
                                      "“We are ready,” said chief inspector Jane Moss from the city police.\n\n"
                                      "According to Mayor Lin Wen, “the city will pay for the repairs, all of them.”\n\n"
                                      "Anna Berg agreed. “There is no plan B,” the mayor said.\n");
  GlossSuggestion *moss = find (r, "official", "chief inspector Jane Moss");

  assert_well_formed (r);
  assert_speaker (r, "Rivers are changing faster than we thought,", "Anna Berg");
  assert_speaker (r, "We need more data,", "Anna Berg");
  assert_speaker (r, "Stay calm,", "Tom Reed");
  assert_speaker (r, "We are ready,", "chief inspector Jane Moss");
  g_assert_nonnull (moss);
  g_assert_cmpstr (gloss_suggestion_get_attribute (moss, "title"), ==, "chief inspector");
  assert_speaker (r, "the city will pay for the repairs, all of them.", "Mayor Lin Wen");
  /* Anna Berg is nearer, but she is no mayor. */
  assert_speaker (r, "There is no plan B,", "Mayor Lin Wen");
  {
    /* Names with Mc/O', an honorific after the verb, an abbreviation that
     * does not end the sentence before the verb. */
    g_autoptr(Result) names = suggest_text ("Patrick McHugh runs the depot. “The cables are old,” said Patrick McHugh.\n\n"
                                            "“I just want it fixed,” Daniel O'Brien said of the road.\n\n"
                                            "“We will see,” said Mr. Okafor, who gave no first name.\n\n"
                                            "Rosa Diaz runs a bakery. “Business is slow,” Ms. Diaz said.\n");
    assert_well_formed (names);
    assert_speaker (names, "The cables are old,", "Patrick McHugh");
    assert_speaker (names, "I just want it fixed,", "Daniel O'Brien");
    assert_speaker (names, "We will see,", "Okafor");
    assert_speaker (names, "Business is slow,", "Rosa Diaz");
  }
}

/* English attribution beyond "X said": a possessive after the verb is no
 * speaker, a participle after a comma has the sentence's subject, a long
 * title between the quote and the verb, "described … as"; and marks that
 * are no speech (a work's title, "the" + a short term, one capitalised word). */
static void
test_en_attribution (void)
{
  g_autoptr(Result) r = suggest_text ("President Park Min spoke on Monday. Kim Hana, the party leader, met him.\n\n"
                                      "Kim Hana, the party leader, said Park’s “reckless and illegal decision” had caused chaos.\n\n"
                                      "Kim Hana, the party leader, urged Park Min to resign, telling reporters it had become “impossible to govern, really.”\n\n"
                                      "“The bridge will open in May,” city transport deputy spokesperson Ana Ruiz said on Friday.\n\n"
                                      "Later Kim Hana described the plan of Park Min as “very disappointing.”\n");
  g_autoptr(Result) no = suggest_text ("Rosa Diaz runs a bakery. In her book “A Garden Built in Winter: Stories of Hope,” Rosa Diaz wrote of bread.\n\n"
                                       "Officials said they reaffirmed the “ironclad” alliance with the city.\n\n"
                                       "Tom Reed said the district, known as “Midtown,” is growing.\n");

  assert_well_formed (r);
  assert_speaker (r, "reckless and illegal decision", "Kim Hana");
  assert_speaker (r, "impossible to govern, really.", "Kim Hana");
  assert_speaker (r, "The bridge will open in May,", "city transport deputy spokesperson Ana Ruiz");
  assert_speaker (r, "very disappointing.", "Kim Hana");
  assert_well_formed (no);
  g_assert_cmpuint (count_tag (no, "quote"), ==, 0);
}

/* Chinese speakers without a name (一位基层干部说: a person whose role is
 * the noun, the quote's speaker; a bare 村民说 stays without one), and
 * sayings (俗话说, 常言道) that are no one's speech. */
static void
test_zh_unnamed_and_sayings (void)
{
  g_autoptr(Result) r = suggest_text ("一位基层干部说：“这项工作，我们一直在做。”\n\n"
                                      "多位村民表示，“路修好了，出行方便多了。”\n\n"
                                      "村民说：“水通了，日子好过了。”\n\n"
                                      "王明说：“远亲不如近邻，邻里要互助。”\n");
  g_autoptr(Result) sayings = suggest_text ("俗话说：“远亲不如近邻，邻里要互助。”大家都记得。\n\n"
                                            "常言道“众人拾柴火焰高，一起干才行。”村里就这么办了。\n\n"
                                            "俗话说得好，“路是人走出来的，事是人干出来的。”\n");
  GlossSuggestion *cadre = find (r, "person", "一位基层干部");

  assert_well_formed (r);
  g_assert_nonnull (cadre);
  g_assert_cmpstr (gloss_suggestion_get_attribute (cadre, "role"), ==, "基层干部");
  assert_speaker (r, "这项工作，我们一直在做。", "一位基层干部");
  assert_speaker (r, "路修好了，出行方便多了。", "多位村民");
  assert_speaker (r, "水通了，日子好过了。", NULL);
  g_assert_null (find (r, "person", "村民"));
  assert_speaker (r, "远亲不如近邻，邻里要互助。", "王明");
  assert_well_formed (sayings);
  g_assert_cmpuint (count_tag (sayings, "quote"), ==, 0);
}

/* English persons named after their occupation (the French engineer
 * Georges Claude), not a later mention inside another name (Claude
 * Debussy), Gov. as a title. */
static void
test_en_role_names (void)
{
  g_autoptr(Result) r = suggest_text ("The French engineer Georges Claude built lamps. The music of Claude Debussy played. "
                                      "Claude sold the patents.\n\n"
                                      "The student at Northern University spoke, and an artist from Ohio painted.\n\n"
                                      "“The bill is dead,” said Gov. Jane Moss of Ohio.\n");
  guint debussy = (guint) g_utf8_strlen ("The French engineer Georges Claude built lamps. The music of ", -1);
  guint later = (guint) g_utf8_strlen ("The French engineer Georges Claude built lamps. The music of Claude Debussy played. ", -1);
  GlossSuggestion *claude = find (r, "person", "Georges Claude");
  GlossSuggestion *mention = find_after (r, "person", "Claude", debussy);

  assert_well_formed (r);
  g_assert_nonnull (claude);
  g_assert_nonnull (mention);
  g_assert_cmpuint (mention->start, ==, later);
  g_assert_cmpstr (mention->entity, ==, claude->id);
  g_assert_cmpuint (count_tag (r, "person"), ==, 2);
  assert_speaker (r, "The bill is dead,", "Gov. Jane Moss");
}

/* Unbalanced marks: a stray closing mark before a quote, a straight mark
 * left open before another that opens ("yes), a doubled opening mark (the
 * later one opens). No quote swallows the text between. */
static void
test_unbalanced (void)
{
  g_autoptr(Result) r = suggest_text ("”王明说：“我们走吧，好吗？”\n\n"
                                      "\"We go, now, Tom Reed said. Then \"yes, fine,\" said Tom Reed.\n\n"
                                      "He called it \"a mess\" and left.\n\n"
                                      "“ 王明说“今天天气很好，是不是？”\n");

  assert_well_formed (r);
  assert_speaker (r, "我们走吧，好吗？", "王明");
  assert_speaker (r, "yes, fine,", "Tom Reed");
  g_assert_null (find (r, "quote", "a mess"));
  assert_speaker (r, "今天天气很好，是不是？", "王明");
  g_assert_cmpuint (count_tag (r, "quote"), ==, 3);
}

/* Offsets are code points: characters outside the BMP (emoji, CJK
 * extension B) count one each, in Chinese and English and mixed. */
static void
test_astral_offsets (void)
{
  g_autoptr(Result) r = suggest_text ("😀😀“𠀋𠀋，𠀋𠀋。”王𠀋说。😀 “Yes, 😀,” said Mayor 𠀋 Lin. "
                                      "他说：“AI will change everything，真的。”😀有18%的人同意。");
  GlossSuggestion *q = find (r, "quote", "𠀋𠀋，𠀋𠀋。");

  assert_well_formed (r);
  g_assert_nonnull (q);
  g_assert_cmpuint (q->start, ==, 3);
  g_assert_cmpuint (q->end, ==, 9);
  assert_speaker (r, "𠀋𠀋，𠀋𠀋。", "王𠀋");
  g_assert_nonnull (find (r, "quote", "Yes, 😀,"));
  g_assert_nonnull (find (r, "quote", "AI will change everything，真的。"));
  g_assert_nonnull (find (r, "statistic", "18%"));
}

static void
test_hostile (void)
{
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GPtrArray) out = NULL;
  const char *cases[] = {
    "",
    "“",
    "”",
    "\"",
    "““““““““““““““““““““““““““““““",
    "”他说，“",
    "他说：“没有结束的引号，也没有结尾。\n\n“第二段也没有。",
    "😀“𠀋𠀋，𠀋𠀋。”王𠀋说。😀 “Yes, 😀,” said Mayor 𠀋 Lin. 18 percent 😀",
    "\r\n“a,”\r\nsaid\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) r = suggest_text (cases[i]);
      assert_well_formed (r);
    }
  /* Invalid UTF-8 gives nothing, not a crash. */
  out = gloss_suggester_run (suggester, "\xff\xfe“abc”");
  g_assert_cmpuint (out->len, ==, 0);
  g_clear_pointer (&out, g_ptr_array_unref);

  /* 1 MB in one paragraph, with unbalanced marks and astral characters:
   * linear rules finish (no timing asserted; the benchmark measures speed). */
  while (big->len < 1000000)
    g_string_append (big, "“局长王𠀋说，😀 “他说：“4.8亿元，” said Mayor Lin Wen. ");
  {
    g_autoptr(Result) r = suggest_text (big->str);
    assert_well_formed (r);
  }
}

/* A paragraph that is nothing but a short quote, right after attributed
 * speech, goes on with that speaker (Chinese and English); not after a
 * paragraph without speech, and not a mark around a term. "The
 * spokeswoman said" names the person called a spokeswoman nearby, else
 * the nearest official, never a private person. */
static void
test_quote_paragraphs (void)
{
  g_autoptr(Result) en = suggest_text ("“The bridge is closed until spring,” said Nora Quist, who runs the ferry.\n\n"
                                       "“Nobody warned us.”\n\n"
                                       "The council met at noon.\n\n"
                                       "“Nothing was decided.”\n\n"
                                       "Farmer Otto Lind called it a “disaster.”\n");
  g_autoptr(Result) zh = suggest_text ("“这条路修好以后，孩子上学方便多了。”村民赵春梅说。\n\n"
                                       "“真没想到呀。”\n\n"
                                       "镇里召开了会议。\n\n"
                                       "“还在商量。”\n\n"
                                       "“绿色出行”。\n");
  g_autoptr(Result) role = suggest_text ("Ada Ruiz, a farmer, sold her land. A water board spokeswoman, Mia Holt, said the wells were tested.\n\n"
                                         "“The results are normal,” the spokeswoman said.\n\n"
                                         "Ben Ott, a baker, was worried. “We will check again,” the spokeswoman added.\n");
  g_autoptr(Result) nobody = suggest_text ("Ada Ruiz, a farmer, sold her land.\n\n"
                                           "“The results are normal,” the spokeswoman said.\n");

  assert_well_formed (en);
  assert_speaker (en, "Nobody warned us.", "Nora Quist");
  g_assert_null (find (en, "quote", "Nothing was decided."));
  g_assert_null (find (en, "quote", "disaster."));
  assert_well_formed (zh);
  assert_speaker (zh, "真没想到呀。", "赵春梅");
  g_assert_null (find (zh, "quote", "还在商量。"));
  g_assert_null (find (zh, "quote", "绿色出行"));
  assert_well_formed (role);
  assert_speaker (role, "The results are normal,", "Mia Holt");
  assert_speaker (role, "We will check again,", "Mia Holt");
  assert_well_formed (nobody);
  assert_speaker (nobody, "The results are normal,", NULL);
}

/* A pronoun names the nearest person it can fit: "he" skips a woman known
 * by her honorific or title (Ms., spokeswoman), "she" skips a man (Mr.,
 * chairman); unknown sex fits both. An office before the name in
 * apposition ("the governor, Ann Wells,") makes an official. */
static void
test_en_pronoun_gender (void)
{
  g_autoptr(Result) r = suggest_text ("Mr. Hugo Brandt runs the mill. The council chairwoman, Edith Varga, spoke first.\n\n"
                                      "“The mill stays open,” he said.\n\n"
                                      "Ms. Edith Varga answered Mr. Brandt. “We will see about that,” she said.\n\n"
                                      "Ms. Ines Roth met Mr. Brandt. “The vote is close,” she added.\n");
  GlossSuggestion *varga = find (r, "official", "Edith Varga");

  assert_well_formed (r);
  g_assert_nonnull (varga);
  g_assert_cmpstr (gloss_suggestion_get_attribute (varga, "title"), ==, "chairwoman");
  assert_speaker (r, "The mill stays open,", "Hugo Brandt");
  assert_speaker (r, "We will see about that,", "Edith Varga");
  assert_speaker (r, "The vote is close,", "Ines Roth");
  /* A title without the article is no apposition: "Tuesday, Ann said". */
  {
    g_autoptr(Result) none = suggest_text ("It rained on Tuesday, Ann Wells wrote, and the river rose.\n");
    g_assert_null (find (none, "official", "Ann Wells"));
  }
}

/* Traditional Chinese (Hong Kong, Taiwan): the simplified lexicon serves
 * it too — speech verbs (說, 認為), titles (局長), units (億元). */
static void
test_zh_traditional (void)
{
  g_autoptr(Result) r = suggest_text ("運輸署署長何志明表示：「明年會新增巴士路線六條，方便居民出行。」\n\n"
                                      "「我們會一步一步做好。」何志明說。\n\n"
                                      "政府今年投入資金4.5億元。\n\n"
                                      "居民稱之為「夢想家園」。\n\n"
                                      "「屋企細，仔女要坐喺床上做功課。」陳太憶述時紅了眼眶。\n");
  GlossSuggestion *ho = find (r, "official", "運輸署署長何志明");

  assert_well_formed (r);
  g_assert_nonnull (ho);
  g_assert_cmpstr (gloss_suggestion_get_attribute (ho, "title"), ==, "署長");
  assert_speaker (r, "明年會新增巴士路線六條，方便居民出行。", "運輸署署長何志明");
  assert_speaker (r, "我們會一步一步做好。", "運輸署署長何志明");
  g_assert_nonnull (find (r, "statistic", "4.5億元"));
  g_assert_null (find (r, "quote", "夢想家園"));
  /* 忆述 in traditional script, a surname with 太 */
  assert_speaker (r, "屋企細，仔女要坐喺床上做功課。", "陳太");
}

/* Familiar and anonymised Chinese names as speakers (外卖骑手小彭,
 * 卢阿姨, 钱某), a role noun before a name (种粮大户), a prosecutor's
 * title; not 老师 or 小时, which look like 老/小 + a surname. */
static void
test_zh_familiar_names (void)
{
  g_autoptr(Result) r = suggest_text ("“以前只能在车边吃饭，现在好多了。”外卖骑手小彭说。\n\n"
                                      "“楼下的快递柜很方便，”卢阿姨告诉记者，“取件不用排队。”\n\n"
                                      "种粮大户方德顺掰开一穗玉米：“今年亩产又涨了，心里踏实。”\n\n"
                                      "检察官俞佩文当庭指出：“证据确实充分，足以认定。”\n\n"
                                      "庭审中，钱某表示：“我认罪，我后悔。”\n\n"
                                      "“要按时交作业，不能拖。”老师说。每小时的工资是二十元。\n");

  assert_well_formed (r);
  assert_speaker (r, "以前只能在车边吃饭，现在好多了。", "小彭");
  assert_speaker (r, "楼下的快递柜很方便，", "卢阿姨");
  assert_speaker (r, "取件不用排队。", "卢阿姨");
  assert_speaker (r, "今年亩产又涨了，心里踏实。", "方德顺");
  assert_speaker (r, "证据确实充分，足以认定。", "检察官俞佩文");
  assert_speaker (r, "我认罪，我后悔。", "钱某");
  g_assert_null (find (r, "person", "老师"));
  g_assert_null (find (r, "person", "小时"));
}

/* A quote opening the paragraph after one that ends "她说：" / "he said:"
 * is introduced by it, speaker and all; a colon without a speech verb
 * ("规定如下：", "The rules are simple:") introduces no speech. */
static void
test_colon_paragraphs (void)
{
  g_autoptr(Result) zh = suggest_text ("退休教师甘淑华是巡河队队长，今年六十三岁。她说：\n\n"
                                       "“我们每周巡河两次，看到垃圾就捡。”\n\n"
                                       "规定如下：\n\n"
                                       "“禁止游泳，禁止垂钓。”\n");
  g_autoptr(Result) en = suggest_text ("Hannah Vogt, a lawyer for the ferry company, is worried. She told us:\n\n"
                                       "\"The river, frankly, is too low.\"\n\n"
                                       "The rules are simple:\n\n"
                                       "\"Keep left, drive slowly.\"\n");

  assert_well_formed (zh);
  assert_speaker (zh, "我们每周巡河两次，看到垃圾就捡。", "甘淑华");
  g_assert_null (find (zh, "quote", "禁止游泳，禁止垂钓。"));
  assert_well_formed (en);
  assert_speaker (en, "The river, frankly, is too low.", "Hannah Vogt");
  g_assert_null (find (en, "quote", "Keep left, drive slowly."));
}

/* The sentence's speech verb before a short term in marks (“两稳一提”)
 * still introduces the quote after it; a quote with clause punctuation
 * in between stops the search (it is speech of its own). */
static void
test_zh_verb_across_terms (void)
{
  g_autoptr(Result) r = suggest_text ("省农业农村厅副厅长邵文杰提醒，“两稳一提”仍是今后的主攻方向，“不能因为丰收就放松这根弦。”\n\n"
                                      "会上宣读了“一份倡议，三条承诺”，“大家一起把河护好，把水管好。”\n");

  assert_well_formed (r);
  assert_speaker (r, "不能因为丰收就放松这根弦。", "省农业农村厅副厅长邵文杰");
  g_assert_null (find (r, "quote", "两稳一提"));
  g_assert_null (find (r, "quote", "大家一起把河护好，把水管好。"));
}

/* Chinese text: a short quote ending its clause after a speech verb is
 * speech (partial quotes); a list of slogans, a term after a program verb
 * and a four-character idiom are not. */
static void
test_zh_partial_quotes (void)
{
  g_autoptr(Result) r = suggest_text ("市交通局局长孟庆华表示，新线路开通后的客流“远远超出了预期”。\n\n"
                                      "孟庆华表示，全市将继续“提质、提速、提效”，服务好乘客。\n\n"
                                      "孟庆华说，全市将启动“公交优先示范工程”，明年完工。\n\n"
                                      "孟庆华说，过去市民反映的问题常常“石沉大海”。\n");

  assert_well_formed (r);
  assert_speaker (r, "远远超出了预期", "市交通局局长孟庆华");
  g_assert_cmpstr (find (r, "quote", "远远超出了预期")->rule, ==, "zh-quote-partial");
  g_assert_null (find (r, "quote", "提质、提速、提效"));
  g_assert_null (find (r, "quote", "公交优先示范工程"));
  g_assert_null (find (r, "quote", "石沉大海"));
}

/* Chinese text: the one spoken to is not the speaker (向记者 is not a
 * person named 向, 对于 no name 于…), a person named 向 still speaks;
 * 这名员工 is an unnamed speaker, the 一位员工 named before. */
static void
test_zh_addressee_and_unnamed (void)
{
  g_autoptr(Result) r = suggest_text ("一位员工说，工资拖了很久。这名员工称：“我们只想拿回自己的血汗钱。”\n\n"
                                      "乘客葛振华向记者表示：“现在的车比以前准时多了。”\n\n"
                                      "一位接近园区管委会的人士向记者表示，“这次调整是为了防止无序扩张，保护好生态。”\n\n"
                                      "对于上述说法，公司回应称：“我们会尽快给大家一个交代。”\n\n"
                                      "向明辉表示：“这件事我们会一查到底，绝不姑息。”\n");

  assert_well_formed (r);
  assert_speaker (r, "我们只想拿回自己的血汗钱。", "一位员工");
  assert_speaker (r, "现在的车比以前准时多了。", "葛振华");
  assert_speaker (r, "这次调整是为了防止无序扩张，保护好生态。", "一位接近园区管委会的人士");
  assert_speaker (r, "我们会尽快给大家一个交代。", NULL);
  assert_speaker (r, "这件事我们会一查到底，绝不姑息。", "向明辉");
}

/* Chinese text: 上 is no given name (说明会上称 names no one 明会上,
 * 对于上述 no 于上述), the compound surname 上官 still is one. */
static void
test_zh_not_given_shang (void)
{
  g_autoptr(Result) r = suggest_text ("田立新在年度说明会上称，“明年的订单已经排满了，产能还要再扩。”\n\n"
                                      "上官婉说：“我们的产品已经卖到了三十多个国家。”\n");

  assert_well_formed (r);
  assert_speaker (r, "明年的订单已经排满了，产能还要再扩。", "田立新");
  g_assert_null (find (r, "person", "明会上"));
  assert_speaker (r, "我们的产品已经卖到了三十多个国家。", "上官婉");
}

/* Chinese text: power (千瓦, 亿千瓦), lessons (节), quarters
 * (个季度) and Cantonese hours (個鐘) are counted; a word sharing their characters without a number
 * is not. */
static void
test_zh_power_and_quarters (void)
{
  g_autoptr(Result) r = suggest_text ("最高负荷预计达到3.2亿千瓦，新装机组共800千瓦。\n\n"
                                      "她只上过6节课，库存还要两个季度才能消化。\n\n"
                                      "司機一日揸十二個鐘。\n\n"
                                      "季度报告显示，瓦片和节日用品销量上升。\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "statistic", "3.2亿千瓦"));
  g_assert_nonnull (find (r, "statistic", "800千瓦"));
  g_assert_nonnull (find (r, "statistic", "6节"));
  g_assert_nonnull (find (r, "statistic", "两个季度"));
  g_assert_nonnull (find (r, "statistic", "十二個鐘"));
  g_assert_cmpuint (count_tag (r, "statistic"), ==, 5);
}

/* Chinese text: offices chained with 兼 (董事长兼首席执行官) make one
 * role; a company's head is a person, not an official, as the blind splits
 * label them; a Latin name between Han characters is a person who can
 * speak; capitalised organization words are not. */
static void
test_zh_chains_and_latin_names (void)
{
  g_autoptr(Result) r = suggest_text ("星河电池集团董事长兼首席执行官罗启航介绍，今年海外订单翻了一番。\n\n"
                                      "公司从德国请来了Jonas Weber出任欧洲区负责人。“信任需要时间，我们没有捷径。”Jonas Weber说。\n\n"
                                      "该公司与Nordic Battery Group签署了协议。\n");
  GlossSuggestion *luo = find (r, "person", "罗启航");

  assert_well_formed (r);
  g_assert_nonnull (luo);
  g_assert_cmpstr (gloss_suggestion_get_attribute (luo, "role"), ==, "星河电池集团董事长兼首席执行官");
  g_assert_cmpuint (count_tag (r, "official"), ==, 0);
  assert_speaker (r, "信任需要时间，我们没有捷径。", "Jonas Weber");
  g_assert_null (find (r, "person", "Nordic Battery Group"));
  g_assert_null (find (r, "person", "Nordic Battery"));
}

/* Counted nouns beyond money and people: 斤 栋 次 步, square feet;
 * never an ordinal (第二次) or a meeting (三次会议). */
static void
test_zh_more_units (void)
{
  g_autoptr(Result) r = suggest_text ("今年亩产达到1450斤，新建住宅23栋，入户走访2万余次。\n\n"
                                      "这是第二次来访，会议在三次会议后举行。\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "statistic", "1450斤"));
  g_assert_nonnull (find (r, "statistic", "23栋"));
  g_assert_nonnull (find (r, "statistic", "2万余次"));
  g_assert_null (find (r, "statistic", "二次"));
  g_assert_null (find (r, "statistic", "三次"));
}

/* 4万7000人, 1亿2000万元: the digits under a 万 or 亿 belong to the
 * number (Singapore and Malaysia write so); ringgit, Singapore and Macau
 * dollars, trees, kinds, pages, containers, metres in 公尺, lux, per mille
 * and tents are units. */
static void
test_zh_composite_numbers (void)
{
  g_autoptr(Result) r = suggest_text ("独居者有4万7000人，政府投入1亿2000万元，出口6万8000公吨。"
                                      "收购价从每公斤40令吉涨到55令吉，补贴300新元，园里种了约400棵猫山王。\n\n"
                                      "课题组试验了200多种配方，整理了近40页材料。港区吞吐量312万标准箱，营收1800万澳门元。"
                                      "水深不到2公尺，走廊照度不足1勒克斯，土壤含盐量3‰，县里调拨帐篷300顶。\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "statistic", "4万7000人"));
  g_assert_nonnull (find (r, "statistic", "1亿2000万元"));
  g_assert_nonnull (find (r, "statistic", "6万8000公吨"));
  g_assert_nonnull (find (r, "statistic", "40令吉"));
  g_assert_nonnull (find (r, "statistic", "300新元"));
  g_assert_nonnull (find (r, "statistic", "400棵"));
  g_assert_nonnull (find (r, "statistic", "200多种"));
  g_assert_nonnull (find (r, "statistic", "40页"));
  g_assert_nonnull (find (r, "statistic", "312万标准箱"));
  g_assert_nonnull (find (r, "statistic", "1800万澳门元"));
  g_assert_nonnull (find (r, "statistic", "2公尺"));
  g_assert_nonnull (find (r, "statistic", "1勒克斯"));
  g_assert_nonnull (find (r, "statistic", "3‰"));
  g_assert_nonnull (find (r, "statistic", "300顶"));
}

/* A name inside someone's speech is no antecedent for the next "he
 * said" / 他说: the speaker mentioned in the narrative is. */
static void
test_pronoun_skips_speech (void)
{
  g_autoptr(Result) en = suggest_text ("Carl Dunn, a fisherman, told us: “Mayor Ron Gomez saw it early, and he helped us, we owe him a lot.”\n\n"
                                       "The fish costs more now. But it is “worth every cent, believe me,” he said.\n");
  g_autoptr(Result) zh = suggest_text ("渔民邓海生说：“村主任罗秀英很早就看到了这一点，帮了我们很多。”\n\n"
                                       "如今鱼价涨了。“这个钱花得值，大家都认。”他说。\n");

  assert_well_formed (en);
  assert_speaker (en, "worth every cent, believe me,", "Carl Dunn");
  assert_well_formed (zh);
  assert_speaker (zh, "这个钱花得值，大家都认。", "邓海生");
}

/* 该负责人 / 这位局长 point back to the official named so before (one
 * entity, no organization "该"); with no such official before, they stay
 * an unnamed official of their own. */
static void
test_zh_anaphoric_officials (void)
{
  g_autoptr(Result) r = suggest_text ("据市水务局有关负责人介绍，新水厂将于年底投用。“目前管网已经铺设完毕，”该负责人说。\n");
  g_autoptr(Result) alone = suggest_text ("“我们会尽快回复，”该负责人说。\n");
  GlossSuggestion *that = find (r, "official", "该负责人");

  assert_well_formed (r);
  assert_speaker (r, "目前管网已经铺设完毕，", "市水务局有关负责人");
  g_assert_nonnull (that);
  g_assert_null (gloss_suggestion_get_attribute (that, "organization"));
  assert_well_formed (alone);
  assert_speaker (alone, "我们会尽快回复，", "该负责人");
}

/* A given name alone beside the verb ("his sister, Marta, said") is the
 * person the text names in full elsewhere (Marta Okoye); with no full
 * form, or a full form that is an institution's, it is nobody. */
static void
test_en_given_name_speakers (void)
{
  g_autoptr(Result) r = suggest_text ("“The ferry was late again, and nobody told us why,” his sister, Marta, said on Monday.\n\n"
                                      "Marta Okoye has written to the harbour board twice.\n");
  g_autoptr(Result) alone = suggest_text ("“The ferry was late again, and nobody told us why,” his sister, Marta, said on Monday.\n\n"
                                          "The harbour board has not replied.\n");
  g_autoptr(Result) group = suggest_text ("“Our ferries will run on time from May,” Tideway said on Monday.\n\n"
                                          "Tideway Group runs four boats.\n");

  GlossSuggestion *full = find (r, "person", "Marta Okoye");
  GlossSuggestion *speaker;

  assert_well_formed (r);
  g_assert_nonnull (full);
  speaker = by_id (r, gloss_suggestion_get_attribute (find (r, "quote", "The ferry was late again, and nobody told us why,"), "speaker"));
  g_assert_nonnull (speaker);
  /* the mention beside the verb, one entity with the full name */
  g_assert_true (speaker == full || g_strcmp0 (speaker->entity, full->id) == 0 || g_strcmp0 (full->entity, speaker->id) == 0);
  assert_well_formed (alone);
  assert_speaker (alone, "The ferry was late again, and nobody told us why,", NULL);
  g_assert_null (find (alone, "person", "Marta"));
  assert_well_formed (group);
  g_assert_null (find (group, "person", "Tideway Group"));
}

/* A quote that ends its sentence (….” Capital) ends it for the next
 * one's subject too: the speaker of "Odhiambo shared it, saying, “…”" is
 * Odhiambo, not a name before the first quote; a lowercase word after
 * .” goes on with the same sentence. */
static void
test_en_sentence_after_quote (void)
{
  g_autoptr(Result) r = suggest_text ("Grace Odhiambo said she has run the bakery on Mill Lane for ten years.\n\n"
                                      "A note from Mayor Tom Reyes read, “The lane closes on Friday.” Odhiambo shared the note, "
                                      "saying, “Nobody asked the shops first, and we open at six.”\n");
  g_autoptr(Result) same = suggest_text ("Grace Odhiambo said she has run the bakery on Mill Lane for ten years.\n\n"
                                         "Mayor Tom Reyes, who once called the closure “a fair trade.” now doubts it, "
                                         "saying, “Nobody asked the shops first, and that was wrong.”\n");

  assert_well_formed (r);
  assert_speaker (r, "Nobody asked the shops first, and we open at six.", "Grace Odhiambo");
  assert_well_formed (same);
  assert_speaker (same, "Nobody asked the shops first, and that was wrong.", "Mayor Tom Reyes");
}

/* he/she name the subject before a possessor (Quist said Reyes's plan
 * failed. “…,” she said: Quist); a possessor alone is still named. */
static void
test_en_pronoun_skips_possessor (void)
{
  g_autoptr(Result) r = suggest_text ("Nora Quist, the council leader, said on Tuesday that Mayor Tom Reyes's bridge plan had failed the town.\n\n"
                                      "“We were promised a bridge, and we got a roundabout,” she said.\n");
  g_autoptr(Result) alone = suggest_text ("The office of Mayor Tom Reyes sent a statement. Tom Reyes's aides did not comment further.\n\n"
                                          "“The vote was close, and we lost it,” he said later.\n");

  assert_well_formed (r);
  assert_speaker (r, "We were promised a bridge, and we got a roundabout,", "Nora Quist");
  assert_well_formed (alone);
  {
    GlossSuggestion *q = find (alone, "quote", "The vote was close, and we lost it,");
    g_autofree char *s = speaker_of (alone, q);
    g_assert_nonnull (s);
    g_assert_nonnull (strstr (s, "Reyes"));
  }
}

/* A headline in title case names nobody: "Norway said" finds no full
 * name in "Ferry Operators Blame Norway for Delays" (Norway, saying it in
 * a statement, is an organization); in a sentence,
 * "Pedro Almonte" still is the full name of "Almonte said". */
static void
test_en_title_case_lines (void)
{
  g_autoptr(Result) r = suggest_text ("Ferry Operators Blame Norway for Winter Delays\n\n"
                                      "The crossing was cancelled twice this week. “The weather was not the reason, and we can prove it,” Norway said in a statement.\n");
  g_autoptr(Result) sentence = suggest_text ("Ferry operators say Pedro Almonte knows the crossing well.\n\n"
                                             "“The weather was not the reason, and we can prove it,” Almonte said.\n");

  assert_well_formed (r);
  g_assert_null (find (r, "person", "Blame Norway"));
  g_assert_null (find (r, "person", "Norway"));
  /* a name saying something in a statement speaks as an organization */
  assert_speaker (r, "The weather was not the reason, and we can prove it,", "Norway");
  g_assert_nonnull (find (r, "organization", "Norway"));
  assert_well_formed (sentence);
  assert_speaker (sentence, "The weather was not the reason, and we can prove it,", "Pedro Almonte");
}

/* A quote that ends its sentence (“….”) and a clause with a comma before
 * the verb: the verb belongs to the next quote, not to this one; with no
 * comma ("….” Grace Odhiambo said) the name after it still speaks. */
static void
test_en_verb_of_next_clause (void)
{
  g_autoptr(Result) r = suggest_text ("Grace Odhiambo said she has run the bakery on Mill Lane for ten years.\n\n"
                                      "The council notice reads, “Mill Lane closes to traffic until spring.” Odhiambo pinned it to her door, "
                                      "saying, “That notice says everything about this winter.”\n");
  g_autoptr(Result) near = suggest_text ("Grace Odhiambo has run the bakery on Mill Lane for ten years.\n\n"
                                         "“Mill Lane closes to traffic until spring, and we lose our customers.” Grace Odhiambo said it twice.\n");

  assert_well_formed (r);
  assert_speaker (r, "Mill Lane closes to traffic until spring.", NULL);
  assert_speaker (r, "That notice says everything about this winter.", "Grace Odhiambo");
  assert_well_formed (near);
  assert_speaker (near, "Mill Lane closes to traffic until spring, and we lose our customers.", "Grace Odhiambo");
}

/* "Tidewater Shipping wrote in a statement": an organization speaks, as
 * an organization (no person "Tidewater Shipping"); a name
 * with a plain surname ("Tidewater Marsh wrote") is a person. */
static void
test_en_institution_speakers (void)
{
  g_autoptr(Result) r = suggest_text ("“Repairs on the north quay will start on Monday,” Tidewater Shipping wrote in a statement.\n");
  g_autoptr(Result) person = suggest_text ("“Repairs on the north quay will start on Monday,” Tidewater Marsh wrote in a statement.\n");

  assert_well_formed (r);
  g_assert_null (find (r, "person", "Tidewater Shipping"));
  assert_speaker (r, "Repairs on the north quay will start on Monday,", "Tidewater Shipping");
  g_assert_nonnull (find (r, "organization", "Tidewater Shipping"));
  assert_well_formed (person);
  assert_speaker (person, "Repairs on the north quay will start on Monday,", "Tidewater Marsh");
}

/* "Name, an appositive, said": a name opening the sentence is a person
 * and the subject, not a name inside the appositive; a sentence that
 * opens with another word keeps the name nearest the verb. */
static void
test_en_subject_appositive (void)
{
  g_autoptr(Result) r = suggest_text ("Lena Fischer, a friend of Mayor Tom Reyes since school, said she was “stunned, truly stunned” by the vote.\n\n"
                                      "Priya Nandakumar, 34, who sells fish at the market, told the paper: “My stall has been shut for a week, and rent is still due.”\n");
  g_autoptr(Result) other = suggest_text ("Traders, and Mayor Tom Reyes among them, said they were “stunned, truly stunned” by the vote.\n");

  assert_well_formed (r);
  assert_speaker (r, "stunned, truly stunned", "Lena Fischer");
  assert_speaker (r, "My stall has been shut for a week, and rent is still due.", "Priya Nandakumar");
  assert_well_formed (other);
  g_assert_null (find (other, "person", "Traders"));
  assert_speaker (other, "stunned, truly stunned", "Mayor Tom Reyes");
}

/* A subhead quote that names nobody (‘…’ alone on its line) is a pull
 * quote of the article's main voice: the speaker of three quotes or more,
 * more than anyone else; with no such speaker it stays unattributed. */
static void
test_en_pull_quotes (void)
{
  const char *body = "Hana Ruiz has kept bees on the hill for thirty years.\n\n"
                     "“The hives were full in June, and empty by August,” said Hana Ruiz.\n\n"
                     "‘We cannot wait another summer’\n\n"
                     "“Nobody from the ministry has come to look at them,” Ruiz said.\n\n";
  g_autofree char *three = g_strconcat (body, "“I will keep the last hives going, whatever it costs,” Ruiz added.\n", NULL);
  g_autoptr(Result) r = suggest_text (three);
  g_autoptr(Result) two = suggest_text (body);

  assert_well_formed (r);
  assert_speaker (r, "We cannot wait another summer", "Hana Ruiz");
  assert_well_formed (two);
  assert_speaker (two, "We cannot wait another summer", NULL);
}

/* Present-tense speech verbs of the lexicon (states, claims, insists…)
 * introduce quotes; a one-word name in marks after "states" is no speech. */
static void
test_en_present_tense_verbs (void)
{
  g_autoptr(Result) r = suggest_text ("Hana Ruiz said the bees were gone by August.\n\n"
                                      "In a letter to the ministry, Ruiz states, “The hives were full in June, and nobody came to look.”\n\n"
                                      "The ministry claims the losses were “well within the normal range for a dry summer.”\n");
  g_autoptr(Result) none = suggest_text ("Only one of the states, “Ohio,” voted against the rule.\n");

  assert_well_formed (r);
  assert_speaker (r, "The hives were full in June, and nobody came to look.", "Hana Ruiz");
  g_assert_nonnull (find (r, "quote", "well within the normal range for a dry summer."));
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "quote"), ==, 0);
}

/* "called the tariff “a tax on every family”": someone's words for a
 * thing, spoken by the subject; not a name right after "called" nor a
 * capitalised title. */
static void
test_en_called_quotes (void)
{
  g_autoptr(Result) r = suggest_text ("Senator Ada Birch called the new tariff “a tax on every family in the county.”\n");
  g_autoptr(Result) none = suggest_text ("She joined a club called “friends of the old mill and its pond” last year.\n\n"
                                         "The council called the plan “Lantern for the Whole Town” in its leaflets.\n");

  assert_well_formed (r);
  assert_speaker (r, "a tax on every family in the county.", "Senator Ada Birch");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "quote"), ==, 0);
}

/* “Tom always says that,” she said: a name inside the quote is no
 * antecedent of the pronoun after it. */
static void
test_en_pronoun_outside_quote (void)
{
  g_autoptr(Result) r = suggest_text ("Mayor Tom Reyes opened the fair on Monday.\n\n"
                                      "Nell Ross said the speech ran long, and laughed.\n\n"
                                      "“Tom always says that about the weather,” she said.\n\n"
                                      "“It rained for a week after the last one,” she said.\n");

  assert_well_formed (r);
  assert_speaker (r, "Tom always says that about the weather,", "Nell Ross");
  /* No name inside: the nearest person before, as ever. */
  assert_speaker (r, "It rained for a week after the last one,", "Nell Ross");
}

/* Ross, he said, is “…”: the pronoun of a parenthesis is not the name it
 * interrupts. */
static void
test_en_parenthetical_pronoun (void)
{
  g_autoptr(Result) r = suggest_text ("Nell Ross said little at the meeting.\n\n"
                                      "Harbour master Joe Byrne said the port could not open without her.\n\n"
                                      "Ross, he said, is “the office, the ledger and the night watch all at once.”\n");
  g_autoptr(Result) plain = suggest_text ("Nell Ross said little at the meeting.\n\n"
                                          "Harbour master Joe Byrne said the port could not open without her.\n\n"
                                          "Ross said she is “the office, the ledger and the night watch all at once.”\n");

  assert_well_formed (r);
  assert_speaker (r, "the office, the ledger and the night watch all at once.", "Joe Byrne");
  assert_well_formed (plain);
  assert_speaker (plain, "the office, the ledger and the night watch all at once.", "Nell Ross");
}

/* Birch called the plan “…” and said …: the verb after "and" has the
 * sentence's subject. */
static void
test_en_coordinated_verb (void)
{
  g_autoptr(Result) r = suggest_text ("Senator Ada Birch called the plan “a gift to nobody in particular” and said she would vote no.\n");
  g_autoptr(Result) none = suggest_text ("Mayor Ann Reyes's office called the plan “a gift to nobody in particular” and said it would wait.\n");

  assert_well_formed (r);
  assert_speaker (r, "a gift to nobody in particular", "Senator Ada Birch");
  assert_well_formed (none);
  assert_speaker (none, "a gift to nobody in particular", NULL);
}

/* “A city spokesperson said”: someone unnamed, not the last official;
 * the speaker is that unnamed spokesperson. */
static void
test_en_indefinite_role (void)
{
  g_autoptr(Result) r = suggest_text ("Mayor Ann Reyes opened the new bridge on Monday.\n\n"
                                      "A city spokesperson said the bridge was “safe, tested and ready for traffic.”\n");
  g_autoptr(Result) named = suggest_text ("Ann Reyes, a city spokesperson, spoke on Monday.\n\n"
                                          "The spokesperson said the bridge was “safe, tested and ready for traffic.”\n");

  assert_well_formed (r);
  assert_speaker (r, "safe, tested and ready for traffic.", "A city spokesperson");
  assert_well_formed (named);
  assert_speaker (named, "safe, tested and ready for traffic.", "Ann Reyes");
}

/* “One resident said”, “Reyes's lawyer said”: someone unnamed, not the
 * last person named nor the possessor (one of many by a role noun is a
 * person of their own, as “A city spokesperson” is). */
static void
test_en_unnamed_roles (void)
{
  g_autoptr(Result) r = suggest_text ("Mayor Ann Reyes announced the plan on Monday.\n\n"
                                      "“This is a cover-up and everyone knows it,” Reyes's lawyer said.\n\n"
                                      "“It floods every spring,” one resident said.\n");
  g_autoptr(Result) named = suggest_text ("Mayor Ann Reyes announced the plan on Monday. Her lawyer, Dan Cobb, said nothing.\n\n"
                                          "“This is a cover-up and everyone knows it,” the lawyer said.\n");

  assert_well_formed (r);
  assert_speaker (r, "This is a cover-up and everyone knows it,", NULL);
  assert_speaker (r, "It floods every spring,", "one resident");
  assert_well_formed (named);
  assert_speaker (named, "This is a cover-up and everyone knows it,", "Dan Cobb");
}

/* Harland Semiconductor is a company: no person, and its statement is the
 * company's, no person's. */
static void
test_en_company_suffixes (void)
{
  g_autoptr(Result) r = suggest_text ("Shares of Harland Semiconductor fell on Wednesday.\n\n"
                                      "“We remain confident in our plans for the year,” Harland said in a statement.\n\n"
                                      "“Demand will come back,” said Ingrid Solberg, its chief executive.\n");

  assert_well_formed (r);
  g_assert_null (find (r, "person", "Harland Semiconductor"));
  g_assert_null (find (r, "person", "Harland"));
  assert_speaker (r, "We remain confident in our plans for the year,", "Harland");
  g_assert_nonnull (find (r, "organization", "Harland"));
  assert_speaker (r, "Demand will come back,", "Ingrid Solberg");
  {
    g_autoptr(Result) press = suggest_text ("Sen. Laura Kim spoke on Friday.\n\n"
                                            "“We will get it done by June,” she told The Associated Press.\n");
    assert_well_formed (press);
    g_assert_null (find (press, "person", "Associated Press"));
    assert_speaker (press, "We will get it done by June,", "Sen. Laura Kim");
  }
}

/* lobsterman Paul Comeau: an occupation before a name, and his paragraph of
 * speech after. */
static void
test_en_occupation_before_name (void)
{
  g_autoptr(Result) r = suggest_text ("Her neighbor, lobsterman Paul Comeau, has known her since school. He remembers the storm.\n\n"
                                      "“People talk about the light. The light was a machine, and she was the one who kept it.\n\n"
                                      "“If she ever stops, I will know before anybody calls me.”\n");
  g_autoptr(Result) none = suggest_text ("A lobsterman from the harbour said the catch was “smaller than any year I remember.”\n");

  assert_well_formed (r);
  assert_speaker (r, "People talk about the light. The light was a machine, and she was the one who kept it.", "Paul Comeau");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* Ward signed the bill, calling it “…”: the participle's subject speaks;
 * a group calling itself “…” names itself. */
static void
test_en_calling_quotes (void)
{
  g_autoptr(Result) r = suggest_text ("Gov. Tom Ward signed the bill on Friday, calling it “the best day for this state in a decade.”\n");
  g_autoptr(Result) none = suggest_text ("Gov. Tom Ward met a group calling itself “friends of the old mill and its pond” on Friday.\n");

  assert_well_formed (r);
  assert_speaker (r, "the best day for this state in a decade.", "Gov. Tom Ward");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "quote"), ==, 0);
}

/* “the governor said” after Gov. Tom Ward and a senator named later: the
 * abbreviated title names the governor. */
static void
test_en_abbreviated_titles (void)
{
  g_autoptr(Result) r = suggest_text ("Gov. Tom Ward spoke first. Sen. Laura Kim spoke after him.\n\n"
                                      "“We got it done at last,” the governor said.\n\n"
                                      "“Not soon enough for my state,” the senator said.\n");

  assert_well_formed (r);
  assert_speaker (r, "We got it done at last,", "Gov. Tom Ward");
  assert_speaker (r, "Not soon enough for my state,", "Sen. Laura Kim");
  {
    /* The same before a colon; an unnamed spokesman is nobody named. */
    g_autoptr(Result) colon = suggest_text ("Gov. Tom Ward spoke first. Sen. Laura Kim spoke after him.\n\n"
                                            "The governor, speaking to reporters on Friday, put it simply: “We got it done at last.”\n\n"
                                            "A spokesman, speaking on Saturday, put it simply: “Nothing has changed since then.”\n");
    assert_well_formed (colon);
    assert_speaker (colon, "We got it done at last.", "Gov. Tom Ward");
    assert_speaker (colon, "Nothing has changed since then.", NULL);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest/zh/quotes", test_zh_quotes);
  g_test_add_func ("/suggest/zh/officials", test_zh_officials);
  g_test_add_func ("/suggest/zh/persons", test_zh_persons);
  g_test_add_func ("/suggest/zh/programs", test_zh_programs);
  g_test_add_func ("/suggest/zh/statistics", test_zh_statistics);
  g_test_add_func ("/suggest/zh/statistics-scores-and-units", test_zh_statistics_scores_and_units);
  g_test_add_func ("/suggest/en/quotes", test_en_quotes);
  g_test_add_func ("/suggest/en/names", test_en_names);
  g_test_add_func ("/suggest/en/statistics", test_en_statistics);
  g_test_add_func ("/suggest/organizations", test_organizations);
  g_test_add_func ("/suggest/corpus", test_corpus);
  g_test_add_func ("/suggest/corpus-overlap", test_corpus_overlap);
  g_test_add_func ("/suggest/cancellable", test_cancellable);
  g_test_add_func ("/suggest/hostile", test_hostile);
  g_test_add_func ("/suggest/across-paragraphs", test_across_paragraphs);
  g_test_add_func ("/suggest/lone-mark-after-open-quote", test_lone_mark_after_open_quote);
  g_test_add_func ("/suggest/astral-offsets", test_astral_offsets);
  g_test_add_func ("/suggest/unbalanced", test_unbalanced);
  g_test_add_func ("/suggest/en/headlines", test_en_headlines);
  g_test_add_func ("/suggest/en/speakers", test_en_speakers);
  g_test_add_func ("/suggest/en/attribution", test_en_attribution);
  g_test_add_func ("/suggest/zh/unnamed-and-sayings", test_zh_unnamed_and_sayings);
  g_test_add_func ("/suggest/en/role-names", test_en_role_names);
  g_test_add_func ("/suggest/en/programs", test_en_programs);
  g_test_add_func ("/suggest/zh/adverbial-speakers", test_zh_adverbial_speakers);
  g_test_add_func ("/suggest/zh/name-title", test_zh_name_title);
  g_test_add_func ("/suggest/quote-paragraphs", test_quote_paragraphs);
  g_test_add_func ("/suggest/en/pronoun-gender", test_en_pronoun_gender);
  g_test_add_func ("/suggest/zh/traditional", test_zh_traditional);
  g_test_add_func ("/suggest/zh/familiar-names", test_zh_familiar_names);
  g_test_add_func ("/suggest/colon-paragraphs", test_colon_paragraphs);
  g_test_add_func ("/suggest/zh/verb-across-terms", test_zh_verb_across_terms);
  g_test_add_func ("/suggest/zh/chains-and-latin-names", test_zh_chains_and_latin_names);
  g_test_add_func ("/suggest/zh/partial-quotes", test_zh_partial_quotes);
  g_test_add_func ("/suggest/zh/addressee-and-unnamed", test_zh_addressee_and_unnamed);
  g_test_add_func ("/suggest/zh/not-given-shang", test_zh_not_given_shang);
  g_test_add_func ("/suggest/zh/power-and-quarters", test_zh_power_and_quarters);
  g_test_add_func ("/suggest/zh/more-units", test_zh_more_units);
  g_test_add_func ("/suggest/zh/composite-numbers", test_zh_composite_numbers);
  g_test_add_func ("/suggest/pronoun-skips-speech", test_pronoun_skips_speech);
  g_test_add_func ("/suggest/zh/anaphoric-officials", test_zh_anaphoric_officials);
  g_test_add_func ("/suggest/en/given-name-speakers", test_en_given_name_speakers);
  g_test_add_func ("/suggest/en/sentence-after-quote", test_en_sentence_after_quote);
  g_test_add_func ("/suggest/en/pronoun-skips-possessor", test_en_pronoun_skips_possessor);
  g_test_add_func ("/suggest/en/title-case-lines", test_en_title_case_lines);
  g_test_add_func ("/suggest/en/verb-of-next-clause", test_en_verb_of_next_clause);
  g_test_add_func ("/suggest/en/institution-speakers", test_en_institution_speakers);
  g_test_add_func ("/suggest/en/subject-appositive", test_en_subject_appositive);
  g_test_add_func ("/suggest/en/pull-quotes", test_en_pull_quotes);
  g_test_add_func ("/suggest/en/present-tense-verbs", test_en_present_tense_verbs);
  g_test_add_func ("/suggest/en/called-quotes", test_en_called_quotes);
  g_test_add_func ("/suggest/en/pronoun-outside-quote", test_en_pronoun_outside_quote);
  g_test_add_func ("/suggest/en/parenthetical-pronoun", test_en_parenthetical_pronoun);
  g_test_add_func ("/suggest/en/coordinated-verb", test_en_coordinated_verb);
  g_test_add_func ("/suggest/en/indefinite-role", test_en_indefinite_role);
  g_test_add_func ("/suggest/en/calling-quotes", test_en_calling_quotes);
  g_test_add_func ("/suggest/en/abbreviated-titles", test_en_abbreviated_titles);
  g_test_add_func ("/suggest/en/unnamed-roles", test_en_unnamed_roles);
  g_test_add_func ("/suggest/en/company-suffixes", test_en_company_suffixes);
  g_test_add_func ("/suggest/en/occupation-before-name", test_en_occupation_before_name);

  return g_test_run ();
}
