/* test-suggest-zh-reported.c: Chinese speakers the fifteenth round of rules
 * finds — a name with its age in brackets (黄德发（62岁）), an organization
 * publishing a statement (公会今日发表文告指出：“) or speaking in one
 * (理事会在文告中说：“) whose long name no person is read from, a
 * description glued to a name after 该 (该联盟干事蔡嘉欣说), 阿土伯 and
 * 钟老伯 later called 老伯, a subject and its speech verb earlier in the
 * sentence (他说自己…，“…”), 分享 as speech, words of the sentence that
 * read as names (市民关心的) — positive and negative cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-test-suggest.h"

/* The speaker of the quote @quote covers exactly @name (or is its entity). */
static void
assert_speaker_entity (Result     *r,
                       const char *quote,
                       const char *name)
{
  GlossSuggestion *speaker = quote_speaker (r, quote, name);
  g_autofree char *text = NULL;

  if (speaker->entity != NULL)
    speaker = by_id (r, speaker->entity);
  text = covered (r, speaker);
  g_assert_cmpstr (text, ==, name);
}

/* 黄德发（62岁）: an age in brackets after a name makes it a person, who
 * then speaks through his pronoun; a bracket after no name is no one. */
static void
test_age_in_brackets (void)
{
  g_autoptr(Result) r = suggest_text ("榴梿\n\n"
                                      "在劳勿经营榴梿园的黄德发（62岁），园里种了约400棵树。“以前价钱被压得很低，”他说，“现在总算可以喘口气。”\n");
  g_autoptr(Result) none = suggest_text ("报表\n\n去年，张家港（12岁以下儿童免票）景区客流回升。\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "黄德发"));
  assert_speaker_entity (r, "以前价钱被压得很低，", "黄德发");
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* An organization publishing a statement (发表文告指出：“) speaks, its
 * long name whole (马来西亚…公会) and no person read from its start
 * (马来西); so does one speaking in its statement (在文告中说：“). */
static void
test_statement_published (void)
{
  g_autoptr(Result) r = suggest_text ("榴梿出口\n\n"
                                      "马来西亚榴梿出口商公会今日发表文告指出：“出口前景乐观，但业者必须注意品质一致性。”\n\n"
                                      "乐龄关怀理事会在文告中说：“计划扩展是正确方向，但人手短缺的问题必须同步解决。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "出口前景乐观，但业者必须注意品质一致性。", "马来西亚榴梿出口商公会");
  assert_speaker_entity (r, "计划扩展是正确方向，但人手短缺的问题必须同步解决。", "乐龄关怀理事会");
  g_assert_null (find (r, "person", "马来西"));
}

/* 该联盟干事蔡嘉欣说: a description glued to a name after 该 is that
 * person, not someone named before, and so is a name after a clause of 的
 * that holds 该 (未参与该研究的…教授邹立平说); 这位老把式对业主李某说 is
 * still the one named before (李某 is spoken to after 对). */
static void
test_description_glued_to_name (void)
{
  g_autoptr(Result) r = suggest_text ("劏房\n\n"
                                      "房屋局局长何詠康介绍了新规。\n\n"
                                      "该联盟干事蔡嘉欣说，联盟去年调查了320个住户，“政府讲了好多年，但是轮候的人还在排队。”\n");
  g_autoptr(Result) addressed = suggest_text ("调解\n\n"
                                              "工程师王建国检查了墙体。这位老把式对业主李某说：“这面墙不能拆，拆了整栋楼都有危险。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "政府讲了好多年，但是轮候的人还在排队。", "蔡嘉欣");
  g_autoptr(Result) clause = suggest_text ("塑料\n\n"
                                           "课题组发表论文86篇。\n\n"
                                           "“酶的性能是决定能否产业化的关键。”未参与该研究的江南大学生物工程学院教授邹立平说。\n");

  assert_well_formed (addressed);
  assert_speaker_entity (addressed, "这面墙不能拆，拆了整栋楼都有危险。", "王建国");
  assert_well_formed (clause);
  assert_speaker_entity (clause, "酶的性能是决定能否产业化的关键。", "邹立平");
}

/* 阿土伯: 阿, a given name and a kinship word before an action is a
 * person; 钟老伯 is 老伯 later on (”老伯说). */
static void
test_kinship_names (void)
{
  g_autoptr(Result) r = suggest_text ("风灾\n\n"
                                      "种了大半辈子菜的阿土伯蹲在田埂上。“这一季全部泡汤了，”他说，“肥料都是借的。”\n\n"
                                      "她的邻居、68岁的钟老伯一开始不愿离开。“房子是我自己盖起来的，我走了谁看着？”老伯说。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "这一季全部泡汤了，", "阿土伯");
  assert_speaker_entity (r, "房子是我自己盖起来的，我走了谁看着？", "钟老伯");
}

/* 他說自己…，「…」: the subject and its speech verb earlier in the
 * sentence speak the quote after reported speech; 分享 is speech. */
static void
test_reported_then_quote_in_sentence (void)
{
  g_autoptr(Result) r = suggest_text ("劏房\n\n"
                                      "民建聯立法會議員梁志豪指出，部分業主已開始要求租戶遷出。他說自己的辦事處上月接獲十多宗求助，"
                                      "「有租戶被要求月底前搬走，連搵樓的時間都冇。」\n\n"
                                      "集选区议员颜晓芳也出席了活动。她在致辞时分享，去年上门探访时，“有一位阿嬷拉着我的手不放，说她好多天没讲过话”。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "有租戶被要求月底前搬走，連搵樓的時間都冇。", "民建聯立法會議員梁志豪");
  assert_speaker_entity (r, "有一位阿嬷拉着我的手不放，说她好多天没讲过话", "集选区议员颜晓芳");
}

/* Words of the sentence read as a name after a role are none (市民关心的,
 * 记者关注的, 球迷齐声高喊: ICU's dictionary); names that are words or
 * begin with one stay (护士温雅说, 凌子豪, 甘露瑶). */
static void
test_dictionary_words_not_names (void)
{
  g_autoptr(Result) none = suggest_text ("供暖\n\n"
                                         "对于市民关心的噪声投诉，局里绝不手软。交通保障同样是记者关注的焦点。"
                                         "最后时刻，看台上的新疆球迷齐声高喊“新疆加油”。\n");
  g_autoptr(Result) r = suggest_text ("比赛\n\n护士温雅说，最难的是熬夜。替补前锋凌子豪说，很开心。前锋甘露瑶说，很满意。\n");

  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "温雅"));
  g_assert_nonnull (find (r, "person", "凌子豪"));
  g_assert_nonnull (find (r, "person", "甘露瑶"));
}

/* Given names ending in 年 (卢柏年回忆道), not a word of time after a name
 * (局长李明年说: 明年); a name after a role ending in 弟 opening its sentence
 * (徒弟邹晓冉说). */
static void
test_year_names_and_disciples (void)
{
  g_autoptr(Result) r = suggest_text ("简牍\n\n"
                                      "参与策展的历史文化学院教授卢柏年回忆道：“老百姓看不懂，我们就改。”\n\n"
                                      "温玉琴带着4个徒弟。徒弟邹晓冉说，师傅要求极严，“补洞没补平，都要拆了重来”。\n");
  g_autoptr(Result) none = suggest_text ("会议\n\n局长李明年说，要加快进度。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "老百姓看不懂，我们就改。", "卢柏年");
  assert_speaker_entity (r, "补洞没补平，都要拆了重来", "邹晓冉");
  assert_well_formed (none);
  g_assert_null (find (none, "official", "局长李明年"));
  g_assert_null (find (none, "person", "李明年"));
}

/* 创始人兼CEO周启航: CEO is a role after 兼; the English name the text
 * gives him (叫他的英文名Kevin Zhou) is him later on (”Kevin Zhou说). An
 * English name with no one named before is no one's. */
static void
test_english_name_given (void)
{
  g_autoptr(Result) r = suggest_text ("仓库机器人\n\n"
                                      "公司创始人兼CEO周启航更习惯别人叫他的英文名Kevin Zhou。他带着4个人回国创业。\n\n"
                                      "新一轮融资将用于东南亚。“明年这个时候，”Kevin Zhou说，“希望你们能在曼谷的仓库里看到我们的车。”\n");
  g_autoptr(Result) none = suggest_text ("品牌\n\n这款咖啡的英文名叫Morning Star，很好记。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "明年这个时候，", "周启航");
  assert_speaker_entity (r, "希望你们能在曼谷的仓库里看到我们的车。", "周启航");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* 王德顺…街坊们都叫他老王: a nickname of 老 and a surname names the name
 * of that surname before it in the paragraph, which becomes a person with
 * its later mentions (not 李子树 before 老李); 阿嬤 and 顾问 are roles, and no name is read from 顾问
 * (的顾问透露); speech adverbials may stand between a subject and its
 * verb earlier in the sentence (蔡嘉欣向记者说自己…，“…”). */
static void
test_nickname_names_and_roles (void)
{
  g_autoptr(Result) r = suggest_text ("豆腐\n\n"
                                      "清晨五点，王德顺已经在后厨磨好了第一锅豆浆。街坊们都亲切地叫他老王。\n\n"
                                      "“豆子一定要提前泡足八个小时。”老王一边往锅里加卤水一边说。\n\n"
                                      "摆摊的阿嬷张美玉则用最直接的方式形容景气。“以前一个礼拜要做两百多盒。”她一边包麻糬一边说。\n\n"
                                      "一位曾在机构任职的顾问透露：“销售指标反而加码了。”\n\n"
                                      "联盟开了会。干事蔡嘉欣向记者说自己调查了320户，“轮候的人还在排队”。\n");
  g_autoptr(Result) none = suggest_text ("街坊\n\n院里的李子树熟了，大家都亲切地叫他老李。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "豆子一定要提前泡足八个小时。", "王德顺");
  g_assert_nonnull (find (r, "person", "王德顺"));
  assert_speaker_entity (r, "以前一个礼拜要做两百多盒。", "张美玉");
  assert_speaker_entity (r, "销售指标反而加码了。", "一位曾在机构任职的顾问");
  g_assert_null (find (r, "person", "顾问"));
  assert_speaker_entity (r, "轮候的人还在排队", "蔡嘉欣");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* 演员 歌手 are roles and 主管 an unnamed one too (公司一名主管指出); after
 * 一位…的 a noun of up to five ideographs may stand before the role
 * (一位从邻县赶来的民间救援队队员); after a role, 阿輝伯 is a name whatever
 * follows it (菜农阿輝伯種的). */
static void
test_more_roles (void)
{
  g_autoptr(Result) r = suggest_text ("灾后\n\n"
                                      "记者来到剧院。国家一级演员赵晓蕾一早就赶来守灵。“老师住院前还在给我们抠唱腔，”她哽咽着说。\n\n"
                                      "台北农产运销公司一名主管指出，到货量不到平日的6成，“价格一时很难压下来。”\n\n"
                                      "一位从邻县赶来的民间救援队队员告诉记者，他们带来了2架无人机。“只要还有一线希望，我们就不会停下来。”\n\n"
                                      "云林县菜农阿辉伯种的小白菜全泡了水。他说：“结果一晚上就全烂了。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "老师住院前还在给我们抠唱腔，", "赵晓蕾");
  assert_speaker_entity (r, "价格一时很难压下来。", "台北农产运销公司一名主管");
  assert_speaker_entity (r, "只要还有一线希望，我们就不会停下来。", "一位从邻县赶来的民间救援队队员");
  assert_speaker_entity (r, "结果一晚上就全烂了。", "阿辉伯");
}

/* An organization sends a message of condolence or a press release
 * (协会发来唁电称：“, 促進會發出新聞稿表示：「); 戏迷 is a role; a
 * reporter at a briefing speaks unnamed (一位电视台记者提问：“) but not the
 * one spoken to (对记者) nor any reporter (有记者问); a role the lexicon
 * guesses may have speech adverbials before its verb (课程顾问向记者透露);
 * an analyst after a description of up to eight ideographs and 的. */
static void
test_statements_and_sources (void)
{
  g_autoptr(Result) r = suggest_text ("讣告\n\n"
                                      "余素琴逝世后，中国戏剧家协会发来唁电称：“她的逝世是我国戏曲界的重大损失。”\n\n"
                                      "台湾消费者权益促进会昨天也发出新闻稿表示：“政府应公开冷藏蔬菜的库存量。”\n\n"
                                      "灵堂外，从怀宁赶来的老戏迷胡长林捧着剧照，久久不愿离去。“春燕姐走了，我心里空落落的。”\n\n"
                                      "加装电梯是群众最关心的问题之一。一位电视台记者提问：“加装电梯的钱从哪里来？”\n\n"
                                      "一位曾在该机构任职的课程顾问向记者透露，公司拖欠工资，“销售指标反而加码了”。\n\n"
                                      "一位不愿具名的券商电力设备行业分析师对记者表示，“储能电芯价格已经跌破成本，二三线厂商更难过。”\n");
  g_autoptr(Result) none = suggest_text ("发布会\n\n另一名兽医师对记者说，情况稳定。有记者问：“何时恢复供水？”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "她的逝世是我国戏曲界的重大损失。", "中国戏剧家协会");
  assert_speaker_entity (r, "政府应公开冷藏蔬菜的库存量。", "台湾消费者权益促进会");
  assert_speaker_entity (r, "春燕姐走了，我心里空落落的。", "胡长林");
  assert_speaker_entity (r, "加装电梯的钱从哪里来？", "一位电视台记者");
  assert_speaker_entity (r, "销售指标反而加码了", "一位曾在该机构任职的课程顾问");
  assert_speaker_entity (r, "储能电芯价格已经跌破成本，二三线厂商更难过。", "一位不愿具名的券商电力设备行业分析师");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* 讲台上的她声音洪亮：“: a pronoun after a description of its person,
 * before a colon, stands for the one named before; 她的 is no subject. */
static void
test_described_pronoun_colon (void)
{
  g_autoptr(Result) r = suggest_text ("讲台\n\n"
                                      "66岁的周淑华已经站在讲台上，领着孩子们朗读课文。讲台上的她声音洪亮：“昨天学的生字，谁来给大家写一写？”\n");
  g_autoptr(Result) none = suggest_text ("讲台\n\n"
                                         "66岁的周淑华已经站在讲台上。教室里的她的学生们一齐举手：“老师好，我们准备好了！”\n");
  GlossSuggestion *q;

  assert_well_formed (r);
  assert_speaker_entity (r, "昨天学的生字，谁来给大家写一写？", "周淑华");
  assert_well_formed (none);
  q = find (none, "quote", "老师好，我们准备好了！");
  g_assert_nonnull (q);
  g_assert_null (gloss_suggestion_get_attribute (q, "speaker"));
}

/* Once a company spoke in its document, the document opening a clause
 * (公告同时表示, 公告还称) or a bare 公司 before its verb is the company
 * speaking again; with no company before, a document speaks for no one. */
static void
test_document_goes_on (void)
{
  g_autoptr(Result) r = suggest_text ("业绩\n\n"
                                      "对于业绩下滑的原因，华拓新材在公告中解释称，“受新增产能集中释放影响，公司毛利率相应承压”。"
                                      "公告同时表示，公司将“持续推进降本增效，加快海外客户导入”。\n\n"
                                      "华拓新材同日还公告称，控股股东计划增持股份。公司表示，此次增持“基于对公司未来发展前景的信心”。\n");
  g_autoptr(Result) none = suggest_text ("通知\n\n市民王建国说，办事很方便。市里发布了新规。公告同时表示，市民应“提前一周预约，按时到场办理”。\n");
  GlossSuggestion *q;

  assert_well_formed (r);
  assert_speaker_entity (r, "持续推进降本增效，加快海外客户导入", "华拓新材");
  assert_speaker_entity (r, "基于对公司未来发展前景的信心", "华拓新材");
  assert_well_formed (none);
  q = find (none, "quote", "提前一周预约，按时到场办理");
  g_assert_true (q == NULL || gloss_suggestion_get_attribute (q, "speaker") == NULL);
}

/* 家属 and 股东 are unnamed roles; a place after 在 before the verb
 * (在法院门口告诉记者); the bare role after a quote (”老人说) is the
 * unnamed person of that role named before, not one of another role
 * (一位店主…“…”老人说). */
static void
test_unnamed_again (void)
{
  g_autoptr(Result) r = suggest_text ("宣判\n\n"
                                      "一位受害人家属在法院门口告诉记者，母亲的钱只追回了一小部分。“判了就好，钱能多退一点是一点。”\n\n"
                                      "“行业价格已经跌破现金成本，”一位来自浙江的中小股东在提问环节率先发问。\n\n"
                                      "一位在药房窗口等候取药的老人则更关心药价。“降压药以前一个月要花200多块。”老人说，“我们老两口一年能省下好几千。”\n");
  g_autoptr(Result) none = suggest_text ("社区\n\n一位店主告诉记者，生意不错。“这条路修好了，出门方便多了。”老人说。\n");
  GlossSuggestion *shop;

  assert_well_formed (r);
  assert_speaker_entity (r, "判了就好，钱能多退一点是一点。", "一位受害人家属");
  assert_speaker_entity (r, "行业价格已经跌破现金成本，", "一位来自浙江的中小股东");
  assert_speaker_entity (r, "我们老两口一年能省下好几千。", "一位在药房窗口等候取药的老人");
  assert_well_formed (none);
  shop = find (none, "person", "一位店主");
  g_assert_nonnull (shop);
  g_assert_null (find (none, "person", "老人"));
}

/* A relation before a name makes it a person (老伴姚秀兰), and so does 人士
 * (退休人士刘安娣), who then speaks through her pronoun; a relation after a
 * surname is a familiar form, not a role before a name (鲁奶奶边吃边说 has
 * no person 边吃边). */
static void
test_relation_before_name (void)
{
  g_autoptr(Result) r = suggest_text ("晚年\n\n"
                                      "老伴姚秀兰在一旁收拾碗筷。她笑称：“他现在比我还会做饭。”\n\n"
                                      "退休人士刘安娣每天早上都来公园。她说：“这里空气好，人也多。”\n");
  g_autoptr(Result) none = suggest_text ("小吃\n\n83岁的鲁奶奶边吃边说：“味道还是小时候那个味道。”\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "姚秀兰"));
  assert_speaker_entity (r, "他现在比我还会做饭。", "姚秀兰");
  assert_speaker_entity (r, "这里空气好，人也多。", "刘安娣");
  assert_well_formed (none);
  g_assert_null (find (none, "person", "边吃边"));
}

/* A familiar name alone in quotation marks after a description or a role
 * is a person's nickname (做樓面的「華姐」, 資深師傅「芬姐」), who then
 * speaks; a company (心中的“阿里”) or a form of address (大家的“大姐”) in
 * marks is no one. */
static void
test_nickname_in_marks (void)
{
  g_autoptr(Result) r = suggest_text ("劏房\n\n"
                                      "陳太的鄰居、在附近茶餐廳做樓面的「華姐」則較樂觀，「起碼以後唔使同隔籬屋共用廁所，加少少錢都抵。」\n\n"
                                      "在餅家工作了27年的資深師傅「芬姐」，這次負責培訓新員工。她說，最難教的是耐性：「杏仁餅要一個一個壓，急不來。」\n");
  g_autoptr(Result) none = suggest_text ("市场\n\n在不少投资者心中的“阿里”仍是龙头。她是全村人的“大姐”，谁家有事都找她。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "起碼以後唔使同隔籬屋共用廁所，加少少錢都抵。", "華姐");
  assert_speaker_entity (r, "杏仁餅要一個一個壓，急不來。", "芬姐");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* A verb taking its object (称赞, 叮嘱, 问) before a name and a colon:
 * the quote is the subject's, named or a pronoun before the verb
 * (他特别称赞了小将林昊：“, 老周叮嘱徒弟小郭：“), not the one praised or
 * told; one asked by a reporter (记者问市交通局局长王建国：“) is no speaker
 * of the question, nor is 记者问 part of the office. */
static void
test_object_of_verb (void)
{
  g_autoptr(Result) r = suggest_text ("决赛\n\n"
                                      "客队主教练米洛什·约万诺维奇赛后表示，球队已经尽力。他特别称赞了年仅20岁的小将林昊：“他在这个系列赛里证明了自己。”\n\n"
                                      "铁匠铺里，老周叮嘱徒弟小郭：“火候要看准，急不得。”\n");
  g_autoptr(Result) asked = suggest_text ("地铁\n\n记者问市交通局局长王建国：“地铁什么时候能通车？”王建国说：“明年年底。”\n");
  GlossSuggestion *q;

  assert_well_formed (r);
  assert_speaker_entity (r, "他在这个系列赛里证明了自己。", "米洛什·约万诺维奇");
  assert_speaker_entity (r, "火候要看准，急不得。", "老周");
  assert_well_formed (asked);
  g_assert_nonnull (find (asked, "official", "市交通局局长王建国"));
  q = find (asked, "quote", "地铁什么时候能通车？");
  g_assert_true (q == NULL || gloss_suggestion_get_attribute (q, "speaker") == NULL);
  assert_speaker_entity (asked, "明年年底。", "市交通局局长王建国");
}

/* 一名 and a role with a word glued before it (一名巡堤队员) is an unnamed
 * person when a speech verb follows, and 报告 is speech; volleyball's
 * positions (主攻) and 上班族 are roles before a name or after 一名…的. */
static void
test_unnamed_compound_roles (void)
{
  g_autoptr(Result) r = suggest_text ("演练\n\n"
                                      "上午9时整，警报声划破江面。一名巡堤队员报告：“3号堤段水位超警戒线，请求支援！”\n\n"
                                      "“小汪上来以后，球传得更快，我们攻手打得也更舒服。”江苏队主攻孟雨桐赛后说。\n\n"
                                      "一名在附近工作的上班族说，一顿午餐已经从4元涨到6元。“价钱再涨下去，我们只能自己带饭了。”\n");
  g_autoptr(Result) none = suggest_text ("演练\n\n一名巡堤队员在堤上来回走了三趟。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "3号堤段水位超警戒线，请求支援！", "一名巡堤队员");
  assert_speaker_entity (r, "小汪上来以后，球传得更快，我们攻手打得也更舒服。", "孟雨桐");
  assert_speaker_entity (r, "价钱再涨下去，我们只能自己带饭了。", "一名在附近工作的上班族");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* The means between an unnamed speaker and the saying (一名巡堤队员通过对讲机
 * 报告：“) and a guessed role after 一位…的 whose sentence a quote follows
 * (一位来自杭州的生鲜平台采购商在展区转了一上午，…。“) introduce the speaker;
 * a guessed role that the words after it go on to describe (搭三次的士|返工的
 * 文員) is not the role, and without a quote after it none is guessed. */
static void
test_unnamed_means_and_sentence (void)
{
  g_autoptr(Result) r = suggest_text ("年货节\n\n"
                                      "上午9时整，警报声划破江面。一名巡堤队员通过对讲机报告：“3号堤段水位超警戒线，请求支援！”\n\n"
                                      "一位来自杭州的生鲜平台采购商在展区转了一上午，当场与两家合作社签下了供货协议。“这里的冬笋品相好，我们打算把这里列为固定采购点。”\n\n"
                                      "不過，有乘客對加價感到不滿。一名在中環上班、每星期搭三次的士返工的文員說：「加價我明白，但係拒載、兜路嘅問題一日未解決，我都唔覺得值。」\n");
  g_autoptr(Result) none = suggest_text ("年货节\n\n一位来自杭州的生鲜平台采购商在展区转了一上午，当场签下了供货协议。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "3号堤段水位超警戒线，请求支援！", "一名巡堤队员");
  assert_speaker_entity (r, "这里的冬笋品相好，我们打算把这里列为固定采购点。", "一位来自杭州的生鲜平台采购商");
  assert_speaker_entity (r, "加價我明白，但係拒載、兜路嘅問題一日未解決，我都唔覺得值。", "一名在中環上班、每星期搭三次的士返工的文員");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* A paragraph that opens with someone's reported speech (邵雅琴说，…去冯丽娜家
 * 坐一坐。) gives her the quote-only paragraph after it, whoever else it
 * names, also when that paragraph of speech is left open (the next goes on
 * with “); a paragraph about two people that reports no one's speech gives
 * it to no one. */
static void
test_reported_paragraph_then_open_quote (void)
{
  g_autoptr(Result) r = suggest_text ("电梯\n\n"
                                      "一楼住户冯丽娜坚决反对。“电梯井贴着我家窗户建，挡光、吵，房子还要贬值，”她说。\n\n"
                                      "滨河社区党委书记邵雅琴说，那段时间她几乎每周都要去冯丽娜家坐一坐。\n\n"
                                      "“一楼的顾虑不是没有道理。采光、噪音、房屋价值，这些都是实打实的利益。\n\n"
                                      "“后来我们请设计单位把井道往外挪了80厘米，问题就解决了。”\n");
  g_autoptr(Result) none = suggest_text ("电梯\n\n"
                                         "一楼住户冯丽娜坚决反对。“电梯井贴着我家窗户建，挡光、吵，房子还要贬值，”她说。\n\n"
                                         "滨河社区党委书记邵雅琴和冯丽娜在楼下吵了起来，会议不欢而散。\n\n"
                                         "“一楼的顾虑不是没有道理。采光、噪音、房屋价值，这些都是实打实的利益。\n\n"
                                         "“后来我们请设计单位把井道往外挪了80厘米，问题就解决了。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "一楼的顾虑不是没有道理。采光、噪音、房屋价值，这些都是实打实的利益。", "滨河社区党委书记邵雅琴");
  assert_speaker_entity (r, "后来我们请设计单位把井道往外挪了80厘米，问题就解决了。", "滨河社区党委书记邵雅琴");
  assert_well_formed (none);
  assert_speaker (none, "一楼的顾虑不是没有道理。采光、噪音、房屋价值，这些都是实打实的利益。", NULL);
}

/* An organization that sent the paper its written reply (江北市第一人民医院向
 * 澎湃新闻发来书面回复称：“) speaks; the outlet spoken to (向澎湃新闻透露) is
 * no person named 向, nor is the city opening the hospital's name (江北市). */
static void
test_reply_sent_to_paper (void)
{
  g_autoptr(Result) r = suggest_text ("医院\n\n"
                                      "曾在该院医保办工作的人士向澎湃新闻透露，院内一些科室存在“分解收费”问题。\n\n"
                                      "10月15日，江北市第一人民医院向澎湃新闻发来书面回复称：“经核查，部分收费项目确系录入错误，医院已按规定全额退还。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "经核查，部分收费项目确系录入错误，医院已按规定全额退还。", "江北市第一人民医院");
  g_assert_null (find (r, "person", "向澎湃"));
  g_assert_null (find (r, "person", "江北市"));
}

/* A quote-only paragraph whose next paragraph opens 说这番话的是 (说这话的是)
 * and a name is that person's, even after another person's quote that it
 * would otherwise go on with; 说这话的时候 names no one. */
static void
test_named_in_next_paragraph (void)
{
  g_autoptr(Result) r = suggest_text ("医保\n\n"
                                      "一名该院在职护士也向记者证实了上述说法。\n\n"
                                      "“医保基金是老百姓的‘救命钱’，一分一厘都不能被违规套取。”\n\n"
                                      "说这番话的是江北市医疗保障局副局长潘立群。他表示，市医保局已注意到相关反映。\n\n"
                                      "“我从没想过能跑进两小时十分。”冠军马克·基普罗诺说。\n\n"
                                      "“再过十年，我还想在这条赛道上跑。”\n\n"
                                      "说这话的是今年已经七十二岁的退休教师黄德生，他第十次完成全程。\n");
  g_autoptr(Result) none = suggest_text ("马拉松\n\n"
                                         "“我从没想过能跑进两小时十分。”冠军马克·基普罗诺说。\n\n"
                                         "“再过十年，我还想在这条赛道上跑。”\n\n"
                                         "说这话的时候，他一直望着终点的拱门。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "医保基金是老百姓的‘救命钱’，一分一厘都不能被违规套取。", "江北市医疗保障局副局长潘立群");
  assert_speaker_entity (r, "再过十年，我还想在这条赛道上跑。", "黄德生");
  assert_well_formed (none);
  assert_speaker_entity (none, "再过十年，我还想在这条赛道上跑。", "冠军马克·基普罗诺");
  /* 说这话的，是 and a possessor before the one who said it */
  {
    g_autoptr(Result) wife = suggest_text ("村医\n\n"
                                           "村医刘庆山今年六十八岁。他的儿子刘晓东说：“他总说自己老了，可每次有急诊，跑得最快的还是他。”\n\n"
                                           "“他这一辈子，给别人看病比给自己家干活还上心。”\n\n"
                                           "说这话的，是刘庆山的妻子王秀兰。她记得，有一年除夕夜，刘庆山放下碗筷就往外跑。\n");

    assert_well_formed (wife);
    assert_speaker_entity (wife, "他这一辈子，给别人看病比给自己家干活还上心。", "王秀兰");
  }
}

/* A quote right after a sentence of its paragraph is that sentence's
 * subject's, the first person it names (78岁的陈阿婆拉着陈书记的手不肯松
 * 开。“…”; 陈部长也直接回应了林慧娴的提议。“…”), not the last; a possessor
 * opening it (陈立平的妻子李梅…) is not the subject; a sentence opening
 * with 她 and naming no one is hers. */
static void
test_subject_of_sentence_before (void)
{
  g_autoptr(Result) r = suggest_text ("安置点\n\n"
                                      "县委书记陈立平说，县城过去48小时降雨量达412毫米。\n\n"
                                      "在七步镇中心小学安置点，78岁的陈阿婆拉着陈书记的手不肯松开。“政府把我们接出来，有饭吃，有被子盖，比在家里还安心。”\n\n"
                                      "人力部长陈国栋说，公积金首先是退休储蓄。议员林慧娴则建议放宽提款。\n\n"
                                      "陈部长也直接回应了林慧娴的提议。“把退休户头掏空，将来要面对的会是一个更大的问题。”\n\n"
                                      "陈立平的妻子李梅拉着陈阿婆走进教室。“先把孩子安顿好，大人怎么都行。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "政府把我们接出来，有饭吃，有被子盖，比在家里还安心。", "陈阿婆");
  assert_speaker_entity (r, "把退休户头掏空，将来要面对的会是一个更大的问题。", "人力部长陈国栋");
  assert_speaker_entity (r, "先把孩子安顿好，大人怎么都行。", "李梅");
  /* a sentence that names no one and opens with 她: whom she stands for */
  {
    g_autoptr(Result) she = suggest_text ("凉粉\n\n"
                                          "“东西都在涨，我晓得。”覃素芬指着推车上的辣椒油罐子说。\n\n"
                                          "她算过一笔账：一晚上卖出去一百二三十碗，刨去豌豆和佐料，能落下三百来块。“够了够了，我又不图发财。”\n");

    assert_well_formed (she);
    assert_speaker_entity (she, "够了够了，我又不图发财。", "覃素芬");
  }
}

/* In an interview's answer, also a paragraph after the labelled one, 我
 * is the one answering (我常跟年轻人说：“…”); after the reporter's next
 * question it is no one we know. */
static void
test_answer_self (void)
{
  g_autoptr(Result) r = suggest_text ("专访\n\n"
                                      "记者：现在年轻人愿意做这一行吗？\n\n"
                                      "吴青蔓：比我们那时候多了。收入也不算高。\n\n"
                                      "不过也有人来了又走了。我常跟年轻人说：“先别想着出名，先把一百张纸补平了再说。”\n\n"
                                      "记者：任务重吗？\n\n"
                                      "我常跟同事说：“先别急。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "先别想着出名，先把一百张纸补平了再说。", "吴青蔓");
  assert_speaker (r, "先别急。", NULL);
}

/* A bare role opening the sentence before a quote (被告在警誡下稱：「) is
 * the person of that role named before (被告梁子軒), not the last person
 * named; a role no one had stays no one's. */
static void
test_bare_role_subject (void)
{
  g_autoptr(Result) r = suggest_text ("單車\n\n"
                                      "被告梁子軒報稱外賣車手，與事主陳先生同住一幢大廈。\n\n"
                                      "警方其後在被告住所尋回單車。被告在警誡下稱：「我諗住借嚟用幾日，之後會還返俾佢。」\n\n"
                                      "原告在庭上表示：「我只想拿回我的錢。」\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "我諗住借嚟用幾日，之後會還返俾佢。", "梁子軒");
  assert_speaker (r, "我只想拿回我的錢。", NULL);
}

/* An organization replying to the paper (国家环境局在答复本报询问时说：“)
 * or speaking in its submission (消費者委員會在…的意見書中指出：「) is the
 * speaker; a person replying so is still the person. */
static void
test_organization_replies (void)
{
  g_autoptr(Result) r = suggest_text ("租金\n\n"
                                      "国家环境局在答复本报询问时说：“续租租金是参考同一地区的市场租金水平来决定的。”\n\n"
                                      "消費者委員會在提交委員會的意見書中指出：「營辦商應公開各路線的收支數據。」\n");
  g_autoptr(Result) person = suggest_text ("租金\n\n天气很好。\n\n王建国在回复记者时说：“办事很方便。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "续租租金是参考同一地区的市场租金水平来决定的。", "国家环境局");
  assert_speaker_entity (r, "營辦商應公開各路線的收支數據。", "消費者委員會");
  assert_well_formed (person);
  assert_speaker_entity (person, "办事很方便。", "王建国");
  g_assert_cmpuint (count_tag (person, "organization"), ==, 0);
}

/* A name of three right after a quote, an action and a speech verb ending
 * its clause (”覃芳芳指着货架上整齐排列的玻璃瓶说) is the speaker; an
 * organization there is no person (”江苏队主攻孟雨桐赛后说 is 孟雨桐's),
 * nor a name no verb ends the clause of. */
static void
test_name_after_quote_action (void)
{
  g_autoptr(Result) r = suggest_text ("菌菇酱\n\n天气很好。\n\n"
                                      "“以前卖不掉的次品，现在做成酱，一瓶能卖39块。”覃芳芳指着货架上整齐排列的玻璃瓶说，作坊雇了8名妇女。\n\n"
                                      "“小汪上来以后，我们攻手打得也更舒服。”江苏队主攻孟雨桐赛后说。\n");
  g_autoptr(Result) none = suggest_text ("菌菇酱\n\n天气很好。\n\n“以前卖不掉的次品，现在做成酱，一瓶能卖39块。”覃芳芳的作坊雇了8名妇女。\n\n"
                                         "“这场球我们必须拿下，没有退路。”江苏队上下都这么说。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "以前卖不掉的次品，现在做成酱，一瓶能卖39块。", "覃芳芳");
  assert_speaker_entity (r, "小汪上来以后，我们攻手打得也更舒服。", "孟雨桐");
  g_assert_null (find (r, "person", "江苏队"));
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* An organization publishing a statement whose verb comes later — in the
 * next clause (發表聲明，批評…) or when the statement speaks again
 * (發表聲明，歡迎…。聲明指出：「) — is the speaker; one whose statement
 * never speaks is no one. */
static void
test_statement_speaks_later (void)
{
  g_autoptr(Result) r = suggest_text ("劏房\n\n天气很好。\n\n"
                                      "香港社區組織協會昨日發表聲明，歡迎條例通過，但認為標準偏低。聲明指出：「8平方米只是一張碌架床的面積，政府應訂立時間表。」\n\n"
                                      "業主聯會昨日發表聲明，批評政府：「新規只會令更多單位退出市場。」\n");
  g_autoptr(Result) none = suggest_text ("劏房\n\n天气很好。\n\n香港社區組織協會昨日發表聲明，歡迎條例通過。有議員看過該聲明說，標準仍然偏低。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "8平方米只是一張碌架床的面積，政府應訂立時間表。", "香港社區組織協會");
  assert_speaker_entity (r, "新規只會令更多單位退出市場。", "業主聯會");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "organization"), ==, 0);
}

/* A child's name and a parent glued to it before a speech verb (朵朵妈妈
 * 告诉记者, 小涵妈妈告诉记者) is the parent, whose quote then follows; a
 * doubled adverb (天天妈妈说) is no child, nor the end of a longer name
 * (王小红妈妈). */
static void
test_child_parent (void)
{
  g_autoptr(Result) r = suggest_text ("腹泻\n\n天气很好。\n\n"
                                      "在输液区，3岁的朵朵靠在妈妈怀里打着点滴。朵朵妈妈告诉记者，孩子前天夜里开始呕吐。“一开始以为是吃坏了肚子，第二天拉得厉害才赶紧来医院。”\n\n"
                                      "10岁的小涵是被妈妈拉来检查的。小涵妈妈告诉记者，孩子放假后每天上网课。“她说看电视总要往前凑，我才觉得不对劲。”\n");
  g_autoptr(Result) none = suggest_text ("腹泻\n\n天气很好。\n\n放假以后，天天妈妈说要早睡。\n");
  g_autoptr(Result) part = suggest_text ("腹泻\n\n天气很好。\n\n同学王小红妈妈说，孩子都好了。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "一开始以为是吃坏了肚子，第二天拉得厉害才赶紧来医院。", "朵朵妈妈");
  assert_speaker_entity (r, "她说看电视总要往前凑，我才觉得不对劲。", "小涵妈妈");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
  g_assert_null (find (part, "person", "小红妈妈"));
}

/* A nickname given between an office and the name (狮团总教练、人称“阿B
 * 师傅”的郑文彬) leaves the name a person of that office, who speaks in
 * the quote-only paragraph after his reported speech; 人称 before no name
 * makes no one. */
static void
test_nickname_before_name (void)
{
  g_autoptr(Result) r = suggest_text ("狮艺\n\n天气很好。\n\n"
                                      "狮团总教练、人称“阿B师傅”的郑文彬已经带队28年。他说，这次夺冠的背后，是队员们每周至少5次的训练。\n\n"
                                      "“很多队员晚上7点来到会馆，一直练到11点才回家，没有一个人喊过辛苦。”\n");
  g_autoptr(Result) none = suggest_text ("狮艺\n\n天气很好。\n\n狮团总教练、人称“狮王”的那一代人都老了。\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "郑文彬"));
  assert_speaker_entity (r, "很多队员晚上7点来到会馆，一直练到11点才回家，没有一个人喊过辛苦。", "郑文彬");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
  g_assert_cmpuint (count_tag (none, "official"), ==, 0);
}

/* 老 or 小 and a surname right after a role (男主角的扮演者老葛是…) is a
 * person whatever follows, and the pronoun after names him; not a word of
 * the lexicon's not-names (服务员小时候). */
static void
test_familiar_after_role (void)
{
  g_autoptr(Result) r = suggest_text ("电影\n\n天气很好。\n\n"
                                      "男主角的扮演者老葛是我们镇上真正的邮递员，送了31年信。第一次见面我问他能不能演，他说：“演啥？我就是个送信的。”\n");
  g_autoptr(Result) none = suggest_text ("电影\n\n天气很好。\n\n那位服务员小时候就在这条街上长大。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "演啥？我就是个送信的。", "老葛");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* In an interview's answer, a pronoun's quote is the one the answer tells
 * of (岑晓舟：我外公周海生…。…他每天…念叨一句话：“), not the one answering:
 * the label is no subject of the sentence it opens. */
static void
test_pronoun_in_answer (void)
{
  g_autoptr(Result) r = suggest_text ("作家岑晓舟：写灯塔\n\n"
                                      "近日，记者在海屿市见到了岑晓舟。\n\n"
                                      "记者：为什么会想到写灯塔看守人？\n\n"
                                      "岑晓舟：我外公周海生在东礁岛守了31年灯塔。小时候每年暑假我都上岛，他每天傍晚爬上塔顶擦镜片，嘴里总念叨一句话：“灯亮着，船就认得回家的路。”这句话我记了三十多年。\n\n"
                                      "记者：书中的主人公有原型吗？\n\n"
                                      "岑晓舟：不止一个。书里有我小时候在岛上见过的很多人。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "灯亮着，船就认得回家的路。", "周海生");
}

/* A child's name after a relation, 小 and any character (孙子小航也回到了
 * 伞坊), is a person, whose quote then follows; not 小时候 or 小学 after
 * one (女儿小时候, 儿子小学毕业). */
static void
test_child_after_relation (void)
{
  g_autoptr(Result) r = suggest_text ("伞\n\n天气很好。\n\n"
                                      "暑假里，钱守义8岁的孙子小航也回到了伞坊，跟着爷爷削竹片。“爷爷说，等我长大了，这个伞坊就交给我。”\n");
  g_autoptr(Result) none = suggest_text ("伞\n\n天气很好。\n\n他女儿小时候很乖，儿子小学毕业就出去打工了。\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "爷爷说，等我长大了，这个伞坊就交给我。", "小航");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* An organization publishing where (在官方微博, 在各班家长群) or a document
 * by its title in 《》 (发布《停办告知书》称：“) speaks; with no name before
 * 在 (他们在微博发布声明称) no one is found. */
static void
test_published_where (void)
{
  g_autoptr(Result) r = suggest_text ("停办\n\n"
                                      "12月5日，东陆航空在官方微博发布情况说明称：“受部分飞机执行定期检修影响，我们深表歉意。”\n\n"
                                      "8月28日晚，小橡树幼儿园在各班家长群发布《停办告知书》称：“因办园场地租赁合同到期且无法续签，本园将于9月1日起停止办学。”\n\n"
                                      "他们在微博发布声明称：“一切正常，请大家放心。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "受部分飞机执行定期检修影响，我们深表歉意。", "东陆航空");
  assert_speaker_entity (r, "因办园场地租赁合同到期且无法续签，本园将于9月1日起停止办学。", "小橡树幼儿园");
  assert_speaker (r, "一切正常，请大家放心。", NULL);
}

/* 一位 and a description ending in 的 right after a quote that closes its
 * sentence (“…？”一位抱着二宝的父亲情绪激动。) is one person, whose words
 * the quote was, though no speech verb follows; inside a sentence (他说
 * 一位抱着二宝的父亲也来了) it is no one new. */
static void
test_unnamed_after_quote (void)
{
  g_autoptr(Result) r = suggest_text ("停办\n\n"
                                      "“附近的公办园早就招满了，你现在让我上哪儿去找幼儿园？”一位抱着二宝的父亲情绪激动。他姓钱，大儿子在园里上中班。\n");
  g_autoptr(Result) none = suggest_text ("停办\n\n"
                                         "园长说，今天来了很多家长，其中一位抱着二宝的父亲情绪激动。\n");

  assert_well_formed (r);
  assert_speaker (r, "附近的公办园早就招满了，你现在让我上哪儿去找幼儿园？", "一位抱着二宝的父亲");
  assert_well_formed (none);
  g_assert_null (find (none, "person", "一位抱着二宝的父亲"));
}

/* More ways an organization speaks: its reply going on (…在给本刊的书面回复中
 * 称：“…”回复还表示，…，“…”), answering (在回答本报询问时说：“), a notice
 * with a colon (发布提醒：“, 在官方微信公众号发布案例提示：“), a time of day
 * before the reply (勞工事務局晚上
 * 回覆傳媒查詢時表示：「); the paper a reply was sent to (向澎湃新闻发来书面
 * 回复称) is never the one speaking. */
static void
test_organization_replies_more (void)
{
  g_autoptr(Result) r = suggest_text ("回应\n\n"
                                      "针对上述问题，南屿易通在给本刊的书面回复中称：“平台所有收费项目均经借款人逐项确认。”回复还表示，公司已下调服务费标准，“综合年化成本将控制在24%以内”。\n\n"
                                      "中央公积金局在回答本报询问时说：“会员若面对困难，可申请个案审核。”\n\n"
                                      "当天下午，省教育考试院发布提醒：“考生务必通过官方渠道查询成绩。”\n\n"
                                      "宣判当天，澜州中院在官方微信公众号发布案例提示：“凡是要求先交钱、再拉人的所谓创业项目，都可能涉嫌传销。”\n\n"
                                      "勞工事務局晚上回覆傳媒查詢時表示：「局方已接收請願信，將依法跟進處理。」\n\n"
                                      "10月15日，江北市第一人民医院向澎湃新闻发来书面回复称：“经核查，部分收费项目确系录入错误。”\n");

  assert_well_formed (r);
  assert_speaker_entity (r, "综合年化成本将控制在24%以内", "南屿易通");
  assert_speaker_entity (r, "会员若面对困难，可申请个案审核。", "中央公积金局");
  assert_speaker_entity (r, "考生务必通过官方渠道查询成绩。", "省教育考试院");
  assert_speaker_entity (r, "凡是要求先交钱、再拉人的所谓创业项目，都可能涉嫌传销。", "澜州中院");
  assert_speaker_entity (r, "局方已接收請願信，將依法跟進處理。", "勞工事務局");
  assert_speaker_entity (r, "经核查，部分收费项目确系录入错误。", "江北市第一人民医院");
  g_assert_null (find (r, "organization", "澎湃新闻"));
}

/* The one answering quotes their own relative or master: 我父亲 opening a
 * sentence the paragraph goes on from to 他…说：“ (聂守诚：我父亲就是做瓷器的。
 * 小时候家里穷，他跟我说：“); 我的老师傅常说：“ (常 before 说 is no given name:
 * no 傅常); 我父亲白天种地 names no 白天种. */
static void
test_own_relative_quoted (void)
{
  g_autoptr(Result) r = suggest_text ("访谈\n\n"
                                      "聂守诚：我父亲就是做瓷器的。小时候家里穷，他跟我说：“学门手艺，饿不死。”我就跟着他学拉坯。\n\n"
                                      "答：不过机器再强，也替代不了人。我的老师傅常说：“模式是参考，经验是底气。”\n\n"
                                      "答：小时候家里穷。我父亲白天种地，晚上做碗卖。他常跟我说：“手上的活骗不了人。”\n");

  assert_well_formed (r);
  assert_speaker (r, "学门手艺，饿不死。", "我父亲");
  assert_speaker (r, "模式是参考，经验是底气。", "我的老师傅");
  g_assert_null (find (r, "person", "傅常"));
  g_assert_null (find (r, "person", "白天种"));
  {
    GlossSuggestion *q = find (r, "quote", "手上的活骗不了人。");
    g_autofree char *s = speaker_of (r, q);
    g_assert_cmpstr (s, ==, "我父亲");
    g_assert_true (find_after (r, "person", "我父亲", 100) != NULL);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest-zh-reported/age-in-brackets", test_age_in_brackets);
  g_test_add_func ("/suggest-zh-reported/statement-published", test_statement_published);
  g_test_add_func ("/suggest-zh-reported/description-glued-to-name", test_description_glued_to_name);
  g_test_add_func ("/suggest-zh-reported/kinship-names", test_kinship_names);
  g_test_add_func ("/suggest-zh-reported/reported-then-quote-in-sentence", test_reported_then_quote_in_sentence);
  g_test_add_func ("/suggest-zh-reported/dictionary-words-not-names", test_dictionary_words_not_names);
  g_test_add_func ("/suggest-zh-reported/year-names-and-disciples", test_year_names_and_disciples);
  g_test_add_func ("/suggest-zh-reported/english-name-given", test_english_name_given);
  g_test_add_func ("/suggest-zh-reported/nickname-names-and-roles", test_nickname_names_and_roles);
  g_test_add_func ("/suggest-zh-reported/more-roles", test_more_roles);
  g_test_add_func ("/suggest-zh-reported/statements-and-sources", test_statements_and_sources);
  g_test_add_func ("/suggest-zh-reported/described-pronoun-colon", test_described_pronoun_colon);
  g_test_add_func ("/suggest-zh-reported/document-goes-on", test_document_goes_on);
  g_test_add_func ("/suggest-zh-reported/unnamed-again", test_unnamed_again);
  g_test_add_func ("/suggest-zh-reported/relation-before-name", test_relation_before_name);
  g_test_add_func ("/suggest-zh-reported/nickname-in-marks", test_nickname_in_marks);
  g_test_add_func ("/suggest-zh-reported/object-of-verb", test_object_of_verb);
  g_test_add_func ("/suggest-zh-reported/unnamed-compound-roles", test_unnamed_compound_roles);
  g_test_add_func ("/suggest-zh-reported/organization-replies", test_organization_replies);
  g_test_add_func ("/suggest-zh-reported/name-after-quote-action", test_name_after_quote_action);
  g_test_add_func ("/suggest-zh-reported/statement-speaks-later", test_statement_speaks_later);
  g_test_add_func ("/suggest-zh-reported/child-parent", test_child_parent);
  g_test_add_func ("/suggest-zh-reported/nickname-before-name", test_nickname_before_name);
  g_test_add_func ("/suggest-zh-reported/familiar-after-role", test_familiar_after_role);
  g_test_add_func ("/suggest-zh-reported/pronoun-in-answer", test_pronoun_in_answer);
  g_test_add_func ("/suggest-zh-reported/child-after-relation", test_child_after_relation);
  g_test_add_func ("/suggest-zh-reported/unnamed-means-and-sentence", test_unnamed_means_and_sentence);
  g_test_add_func ("/suggest-zh-reported/reported-paragraph-then-open-quote", test_reported_paragraph_then_open_quote);
  g_test_add_func ("/suggest-zh-reported/reply-sent-to-paper", test_reply_sent_to_paper);
  g_test_add_func ("/suggest-zh-reported/named-in-next-paragraph", test_named_in_next_paragraph);
  g_test_add_func ("/suggest-zh-reported/subject-of-sentence-before", test_subject_of_sentence_before);
  g_test_add_func ("/suggest-zh-reported/answer-self", test_answer_self);
  g_test_add_func ("/suggest-zh-reported/bare-role-subject", test_bare_role_subject);
  g_test_add_func ("/suggest-zh-reported/published-where", test_published_where);
  g_test_add_func ("/suggest-zh-reported/unnamed-after-quote", test_unnamed_after_quote);
  g_test_add_func ("/suggest-zh-reported/organization-replies-more", test_organization_replies_more);
  g_test_add_func ("/suggest-zh-reported/own-relative-quoted", test_own_relative_quoted);
  return g_test_run ();
}
