/* test-suggest-zh-aliases.c: Chinese speakers the fourteenth round of rules
 * finds — a person called by a nickname the text gives (大家都叫他“添叔”),
 * a full name known from elsewhere after a role the lexicon lacks
 * (主播郑晓禾), shouted speech (喊：“), a subject acting after a phrase of
 * time (收摊时，卢秀芬朝着街口喊道：“), unnamed speakers whose role the
 * lexicon lacks (一名参与救援的队员), a quote-only paragraph after one that
 * goes on about its subject with a pronoun, a company speaking again as a
 * bare 公司 or in its reply, the head of a description (…的中年男子), a
 * surname and a role as a subject (王护士负责…), court and customs
 * offices, a kinship form before an action (陳伯坐在…說), a party's counsel
 * by role alone (被告代理人则认为), more unnamed speakers, an agency speaking
 * (市教育局表示：“), a name after a relation, a program name that is no
 * partial quote, a quote split by an action (“…，”他用指甲轻轻一弹，“…”) —
 * positive and negative cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-test-suggest.h"

/* The first person or official suggested for @name, by its text. */
static GlossSuggestion *
named (Result     *r,
       const char *name)
{
  GlossSuggestion *s = find (r, "person", name);

  return s != NULL ? s : find (r, "official", name);
}

/* The quote's speaker is the entity of @name (any of its mentions). */
static void
assert_speaker_is (Result     *r,
                   const char *quote,
                   const char *name)
{
  GlossSuggestion *speaker = quote_speaker (r, quote, name);
  GlossSuggestion *person = named (r, name);

  if (person == NULL)
    g_error ("no person suggested for “%s”", name);
  g_assert_cmpstr (speaker->entity != NULL ? speaker->entity : speaker->id, ==,
                   person->entity != NULL ? person->entity : person->id);
}

/* How many person suggestions cover exactly @name. */
static guint
count_named (Result     *r,
             const char *name)
{
  guint n = 0;

  for (guint i = 0; i < r->suggestions->len; i++)
    {
      GlossSuggestion *s = r->suggestions->pdata[i];
      g_autofree char *text = NULL;

      if (!g_str_equal (s->tag, "person"))
        continue;
      text = covered (r, s);
      n += g_str_equal (text, name);
    }
  return n;
}

/* A full name the text names elsewhere is a mention after a role the
 * lexicon lacks (主播郑晓禾准时上线), so that the pronoun after it has
 * someone to stand for; a two-character one inside a longer word (购买王明珠宝)
 * is not. */
static void
test_known_name_after_unknown_role (void)
{
  g_autoptr(Result) r = suggest_text ("山坳里的直播间\n\n"
                                      "晚上八点，主播郑晓禾准时上线。她戴着草帽，站在一筐猕猴桃前，对着手机镜头说：“家人们，"
                                      "今天的果子都是下午刚下树的，不甜包退！”\n\n"
                                      "郑晓禾告诉记者，她毕业后在西安做过电商客服。\n\n"
                                      "王明说：“明年还要再扩一间冷库。”市民争相购买王明珠宝。\n");

  assert_well_formed (r);
  g_assert_cmpuint (count_named (r, "郑晓禾"), ==, 2);
  assert_speaker_is (r, "家人们，今天的果子都是下午刚下树的，不甜包退！", "郑晓禾");
  g_assert_cmpuint (count_named (r, "王明"), ==, 1);
}

/* 喊：“ and 喊道：“ are speech like 说：“, after a role the lexicon now
 * has (档主); 喊停 and 喊口号 without a quote name no one. */
static void
test_shouted_speech (void)
{
  g_autoptr(Result) r = suggest_text ("荔枝上市\n\n"
                                      "凌晨四点，档主黄锦添对着买家喊：“靓荔枝，今朝刚落树的，快来看看！”\n");
  g_autoptr(Result) none = suggest_text ("比赛\n\n裁判郑国强喊停了比赛，球员们围在一起喊口号。\n");

  assert_well_formed (r);
  assert_speaker (r, "靓荔枝，今朝刚落树的，快来看看！", "黄锦添");
  g_assert_cmpuint (count_tag (none, "quote"), ==, 0);
}

/* A subject acting before it speaks opens its clause after a phrase of
 * time too (收摊时，卢秀芬朝着街口喊道：“).  Not a word before an office
 * and a name (赛后，江城竞技主教练、葡萄牙人…坦言: no 江城竞), nor 向本報
 * before a speech verb (多名檔主向本報表示). */
static void
test_acting_after_time_phrase (void)
{
  g_autoptr(Result) r = suggest_text ("夜市\n\n"
                                      "收摊时，卢秀芬朝着街口喊道：“明天早点来，还有新货！”\n\n"
                                      "“上半场我们太被动了，中场几乎拿不到球。”赛后，江城竞技主教练、葡萄牙人若昂·皮门特尔坦言，"
                                      "“中场休息时，我只对球员们说了一句话。”\n\n"
                                      "多名檔主向本報表示，疫情後街市人流一直未恢復。\n");

  assert_well_formed (r);
  assert_speaker (r, "明天早点来，还有新货！", "卢秀芬");
  g_assert_null (find (r, "person", "江城竞"));
  g_assert_null (find (r, "person", "向本報"));
}

/* 大家都叫他“添叔”, 村里人都叫她小禾: the nickname is the person named
 * before the pronoun, and speaks as them.  Not 老师叫他“快跑”, an order,
 * nor 叫他快点走. */
static void
test_nicknames (void)
{
  g_autoptr(Result) r = suggest_text ("岭江果栏见闻\n\n"
                                      "档主黄锦添在这个市场做了半辈子荔枝生意，行内人都叫他“添叔”。"
                                      "“今年的荔枝比去年好，就是价钱上不去。”添叔一边过秤一边说。\n\n"
                                      "主播郑晓禾是村里第一个考上大学的姑娘，村里人都叫她小禾。\n\n"
                                      "“姐妹们一开始对着镜头说不出话，我就让她们先讲自家的果园。”小禾说。\n");
  g_autoptr(Result) none = suggest_text ("操场见闻\n\n"
                                         "体育老师周建军看见他落在后面，叫他“快跑”。大家叫他快点走。\n\n"
                                         "“快跑”是学校运动会的口号。\n");

  assert_well_formed (r);
  assert_speaker_is (r, "今年的荔枝比去年好，就是价钱上不去。", "黄锦添");
  assert_speaker_is (r, "姐妹们一开始对着镜头说不出话，我就让她们先讲自家的果园。", "郑晓禾");
  g_assert_cmpuint (count_named (r, "添叔"), ==, 2);
  g_assert_cmpuint (count_named (r, "小禾"), ==, 2);
  g_assert_cmpuint (count_named (none, "快跑"), ==, 0);
  g_assert_cmpuint (count_named (none, "快点走"), ==, 0);
}

/* 一名参与救援的队员告诉记者，…。“…”: an unnamed speaker whose role the
 * lexicon lacks (队员, 茶商), after a quantifier and a description ending
 * in 的, speaks the quote after the sentence of reported speech, or the
 * partial quote ending it; not when no one speaks (一名参与救援的队员的手套),
 * nor cutting a role of the lexicon short (一位…的前员工说, not 前员). */
static void
test_unnamed_role_outside_lexicon (void)
{
  g_autoptr(Result) r = suggest_text ("废墟下的七十二小时\n\n"
                                      "为了避免二次坍塌，救援人员只能用手清理碎砖。一名参与救援的队员告诉记者，大家轮流作业，"
                                      "每组只能干20分钟。“手套磨破了三副，手上全是口子，但没有一个人喊停。”\n\n"
                                      "一位从外地专程来取壶的茶商说，这里的壶倒茶不挂水，“这是机器做不出来的”。\n\n"
                                      "一位不愿透露姓名的前员工说，公司拖欠了三个月工资。“我们找了好几次，都没有结果。”\n");
  g_autoptr(Result) none = suggest_text ("废墟下的七十二小时\n\n一名参与救援的队员的手套磨破了，手上全是口子。\n");

  assert_well_formed (r);
  assert_speaker (r, "手套磨破了三副，手上全是口子，但没有一个人喊停。", "一名参与救援的队员");
  assert_speaker (r, "这是机器做不出来的", "一位从外地专程来取壶的茶商");
  /* The role the lexicon has (员工) wins over one guessed inside it (前员). */
  assert_speaker (r, "我们找了好几次，都没有结果。", "一位不愿透露姓名的前员工");
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* A paragraph that is nothing but a quote, after a paragraph about two
 * people whose last sentence names no one and goes on with a pronoun
 * (老纪的手艺是跟父亲纪阿茂学的。说起当年学艺，…他，话匣子一下子打开了。):
 * the one that paragraph opens with speaks.  Not when its last sentence
 * names the other (纪阿茂当年是镇上有名的锡匠。). */
static void
test_narrative_topic (void)
{
  g_autoptr(Result) r = suggest_text ("一把锡壶里的半生\n\n"
                                      "纪家鸿告诉记者，他是东溪镇最后一位锡匠。街坊们都叫他老纪。\n\n"
                                      "老纪的手艺是跟父亲纪阿茂学的。说起当年学艺，平时话不多的他，话匣子一下子打开了。\n\n"
                                      "“那时候规矩大。一只壶的壶嘴，我焊了不知道多少遍，焊歪一点就被掰下来，重来。”\n");
  g_autoptr(Result) other = suggest_text ("一把锡壶里的半生\n\n"
                                          "纪家鸿告诉记者，他是东溪镇最后一位锡匠。街坊们都叫他老纪。\n\n"
                                          "老纪的手艺是跟父亲纪阿茂学的。纪阿茂当年是镇上有名的锡匠。\n\n"
                                          "“那时候规矩大。一只壶的壶嘴，我焊了不知道多少遍，焊歪一点就被掰下来，重来。”\n");

  assert_well_formed (r);
  assert_speaker_is (r, "那时候规矩大。一只壶的壶嘴，我焊了不知道多少遍，焊歪一点就被掰下来，重来。", "纪家鸿");
  assert_speaker (other, "那时候规矩大。一只壶的壶嘴，我焊了不知道多少遍，焊歪一点就被掰下来，重来。", NULL);
}

/* 公司在声明中表示：“…”公司同时表示，…，“…”: the company that spoke in its
 * statement speaks again as a bare 公司; alone, 公司同时表示 names no one. */
static void
test_company_goes_on (void)
{
  g_autoptr(Result) r = suggest_text ("星衍科技回应质疑\n\n"
                                      "对此，星衍科技当晚发布声明。公司在声明中表示：“所使用的模组由公司自主研发、自主生产。”"
                                      "公司同时表示，欢迎用户和媒体监督，“对恶意造谣者，将依法追究其法律责任”。\n");
  g_autoptr(Result) alone = suggest_text ("星衍科技回应质疑\n\n"
                                          "公司同时表示，欢迎用户和媒体监督，“对恶意造谣者，将依法追究其法律责任”。\n");

  assert_well_formed (r);
  assert_speaker (r, "所使用的模组由公司自主研发、自主生产。", "公司");
  assert_speaker (r, "对恶意造谣者，将依法追究其法律责任", "公司");
  assert_speaker (alone, "对恶意造谣者，将依法追究其法律责任", NULL);
}

/* 一位陪父亲来复诊的中年男子告诉记者：: a relation inside the description
 * (陪父亲) is no speaker; the head after 的 is.  A 的 before no role
 * (一位大爷看着记者的相机：) leaves the one before the colon speaking. */
static void
test_description_head (void)
{
  g_autoptr(Result) r = suggest_text ("卫生院里\n\n"
                                      "一位陪父亲来复诊的中年男子告诉记者：“到县城看个病，来回车费加上排队，要耗上大半天。”\n\n"
                                      "一位大爷看着记者的相机：“拍吧拍吧，我不怕，这几年变化大得很。”\n");

  assert_well_formed (r);
  assert_speaker (r, "到县城看个病，来回车费加上排队，要耗上大半天。", "一位陪父亲来复诊的中年男子");
  assert_speaker (r, "拍吧拍吧，我不怕，这几年变化大得很。", "一位大爷");
}

/* A surname and a role opening a sentence (王护士负责…) is a person the
 * paragraph's quote may belong to; not before 的 (王护士的排班表: whose, not
 * who), nor a longer word that only starts like one (高级工程师). */
static void
test_role_named_subject (void)
{
  g_autoptr(Result) r = suggest_text ("卫生院里\n\n"
                                      "王护士负责慢病患者的随访登记。她从抽屉里拿出厚厚一摞随访本。“这些数字，都是一趟趟跑出来的。”\n");
  g_autoptr(Result) none = suggest_text ("卫生院里\n\n王护士的排班表贴在墙上。高级工程师负责调试设备。\n");

  assert_well_formed (r);
  assert_speaker (r, "这些数字，都是一趟趟跑出来的。", "王护士");
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* Court, customs and police offices: 法官助理, 审判员, 书记员, 关长 (副关长
 * with its prefix), 中队长, 指导员 before a name make an official; without a
 * name, no one. */
static void
test_court_and_customs_titles (void)
{
  g_autoptr(Result) r = suggest_text ("海关与法院\n\n"
                                      "海州海关副关长许慧敏在新闻发布会上说：“一季度进出口增长较快。”\n\n"
                                      "法官助理宋佳提醒消费者，参与此类游戏前应了解场地情况。“经营者也不能一签了之，”她说。\n\n"
                                      "交警大队事故处理中队中队长邓凯介绍，今年以来查处违法行为2146起。\n");
  g_autoptr(Result) none = suggest_text ("海关与法院\n\n法官助理提醒消费者，参与此类游戏前应了解场地情况。\n");
  GlossSuggestion *customs = find (r, "official", "海州海关副关长许慧敏");

  assert_well_formed (r);
  g_assert_nonnull (customs);
  g_assert_cmpstr (gloss_suggestion_get_attribute (customs, "title"), ==, "副关长");
  assert_speaker (r, "经营者也不能一签了之，", "法官助理宋佳");
  g_assert_cmpstr (gloss_suggestion_get_attribute (find (r, "official", "交警大队事故处理中队中队长邓凯"), "title"), ==, "中队长");
  g_assert_cmpuint (count_tag (none, "official"), ==, 0);
}

/* 陳伯坐在樓下的長椅上說: a surname, a kinship word and an action is 陳伯
 * acting before speaking, not a name 陳伯坐; 陈伯达说 is still a name of
 * three. */
static void
test_kin_before_action (void)
{
  g_autoptr(Result) r = suggest_text ("公屋輪候\n\n"
                                      "同一屋苑的陳伯今年72歲，獨居。「我排咗好耐，信都唔知寄咗幾多封，」陳伯坐在樓下的長椅上說，"
                                      "「最驚就係等唔到嗰日。」\n\n"
                                      "陈伯达说：“这件事我们要慢慢来。”\n");

  assert_well_formed (r);
  assert_speaker (r, "最驚就係等唔到嗰日。", "陳伯");
  g_assert_null (find (r, "person", "陳伯坐"));
  assert_speaker (r, "这件事我们要慢慢来。", "陈伯达");
}

/* 南屿易通在给本刊的书面回复中称：“: a company speaking in its reply, a
 * few words before it saying to whom; a person in the same place (律师张伟)
 * stays a person, and no speech verb after 中 makes no one speak. */
static void
test_reply_statement (void)
{
  g_autoptr(Result) r = suggest_text ("网贷平台收费调查\n\n"
                                      "针对上述问题，南屿易通在给本刊的书面回复中称：“平台所有收费项目均经借款人逐项确认。”\n\n"
                                      "律师张伟在给本刊的书面回复中称：“合同条款存在明显的不公平之处。”\n\n"
                                      "记者在平台的书面回复中看到，平台承认收取了服务费。\n");

  assert_well_formed (r);
  assert_speaker (r, "平台所有收费项目均经借款人逐项确认。", "南屿易通");
  assert_speaker (r, "合同条款存在明显的不公平之处。", "张伟");
  g_assert_cmpuint (count_tag (r, "organization"), ==, 1);
}

/* A party's counsel speaks by role alone in a court report (被告代理人则认为，
 * …“…”, 辩护人提出：“); whose counsel it is, when the text says so (苏某的
 * 辩护人), stays with the rule for relations. */
static void
test_counsel (void)
{
  g_autoptr(Result) r = suggest_text ("剧本杀受伤案宣判\n\n"
                                      "被告代理人则认为，玩家入场前均签署了《安全须知》，“原告作为完全民事行为能力人，应当对自身安全尽到合理注意义务”，"
                                      "公司不应承担全部责任。\n\n"
                                      "庭审中，辩护人提出：“被告人系初犯，认罪态度良好，请求从轻处罚。”\n");
  g_autoptr(Result) whose = suggest_text ("诈骗案开庭\n\n“我认罪。”被告人苏某说。苏某的辩护人则提出：“被告人系初犯，请求从轻处罚。”\n");

  assert_well_formed (r);
  assert_speaker (r, "原告作为完全民事行为能力人，应当对自身安全尽到合理注意义务", "被告代理人");
  assert_speaker (r, "被告人系初犯，认罪态度良好，请求从轻处罚。", "辩护人");
  g_assert_cmpstr (find (whose, "person", "辩护人")->rule, ==, "zh-related-person");
}

/* A paragraph of reported speech that names no one, opened by a pronoun
 * and a speech verb (她告诉记者，…。), then a paragraph that is only a quote:
 * the one the pronoun stands for.  Not a plural (他们告诉记者). */
static void
test_reported_then_quote (void)
{
  g_autoptr(Result) r = suggest_text ("县域新能源汽车产业\n\n"
                                      "“以前一台电机卖300多元，现在一台卖4000多元。”总经理宋晓梅说。\n\n"
                                      "她告诉记者，为了通过整车企业的认证，公司今年投入研发费用2300万元。\n\n"
                                      "“说实话，刚开始心里也打鼓，这么多钱砸进去，万一认证没过，就全打了水漂。”\n");
  g_autoptr(Result) plural = suggest_text ("县域新能源汽车产业\n\n"
                                           "“以前一台电机卖300多元，现在一台卖4000多元。”总经理宋晓梅说。\n\n"
                                           "他们告诉记者，为了通过整车企业的认证，公司今年投入研发费用2300万元。\n\n"
                                           "“说实话，刚开始心里也打鼓，这么多钱砸进去，万一认证没过，就全打了水漂。”\n");

  assert_well_formed (r);
  assert_speaker (r, "说实话，刚开始心里也打鼓，这么多钱砸进去，万一认证没过，就全打了水漂。", "宋晓梅");
  assert_speaker (plural, "说实话，刚开始心里也打鼓，这么多钱砸进去，万一认证没过，就全打了水漂。", NULL);
}

/* More unnamed speakers: a word between 的 and the role (…的年轻业主说), a
 * role of three ending like one (…的消防员告诉记者), 旅客, and 另一名 (one
 * more), whose quote follows the sentence about them (…则担心…。“…”).  Not
 * without speech after them (…的居民在门口晒太阳。院子里很安静。). */
static void
test_more_unnamed_speakers (void)
{
  g_autoptr(Result) r = suggest_text ("物业费之争\n\n"
                                      "“晚上10点以后，小区里黑灯瞎火的，我下班回来都是打着手电走。”一位不愿透露姓名的年轻业主说。\n\n"
                                      "一名参加救援的消防员告诉记者，有一段路积雪没过大腿，“我们就手拉着手，一步一步往前挪”。\n\n"
                                      "一名來自廣州的旅客說：「以前每次去澳門都要幫親戚帶手信，排隊排很久。」\n\n"
                                      "另一名不愿透露姓名的居民则担心回收箱附近会有异味。“现在还好，每天都有人来清，可是以后没人管了呢？”\n");
  g_autoptr(Result) none = suggest_text ("物业费之争\n\n另一名不愿透露姓名的居民在门口晒太阳。院子里很安静。\n");

  assert_well_formed (r);
  assert_speaker (r, "晚上10点以后，小区里黑灯瞎火的，我下班回来都是打着手电走。", "一位不愿透露姓名的年轻业主");
  assert_speaker (r, "我们就手拉着手，一步一步往前挪", "一名参加救援的消防员");
  assert_speaker (r, "以前每次去澳門都要幫親戚帶手信，排隊排很久。", "一名來自廣州的旅客");
  assert_speaker (r, "现在还好，每天都有人来清，可是以后没人管了呢？", "另一名不愿透露姓名的居民");
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* An agency speaking: its speech verb introduces a quote (市教育局表示：“,
 * 南屏警方再次提醒：“) or ends the sentence right after one (”国家统计局
 * 表示。), it replies (丰岭市镇理事会回应说, 恒嘉物业回应称), or speaks in a
 * document described before it (浔阳区人民法院在案后发布的提示中称).  Not an
 * official of it (市教育局局长王建国表示), nor a bare 公司, nor the agency
 * one heard from (记者从市教育局获悉). */
static void
test_agency_speaks (void)
{
  g_autoptr(Result) r = suggest_text ("各方回应\n\n"
                                      "对此，市教育局表示：“将进一步规范校外培训机构的收费行为。”\n\n"
                                      "南屏警方再次提醒：“凡是要求先垫付资金的兼职，都是诈骗！”\n\n"
                                      "“一季度经济运行总体平稳。”国家统计局表示。\n\n"
                                      "对于居民的意见，丰岭市镇理事会回应说：“我们正在研究延长开放时间。”\n\n"
                                      "针对业主的质疑，恒嘉物业回应称：“公司已更换了电梯的控制主板。”\n\n"
                                      "该案将择期宣判。浔阳区人民法院在案后发布的提示中称：“平台用工形式多样，应依法认定劳动关系。”\n");
  g_autoptr(Result) none = suggest_text ("各方回应\n\n"
                                         "市教育局局长王建国表示：“将进一步规范收费行为。”\n\n"
                                         "公司表示：“产品质量没有问题，欢迎监督。”\n\n"
                                         "记者从市教育局获悉，今年将新增学位1200个。\n");

  assert_well_formed (r);
  assert_speaker (r, "将进一步规范校外培训机构的收费行为。", "市教育局");
  assert_speaker (r, "凡是要求先垫付资金的兼职，都是诈骗！", "南屏警方");
  assert_speaker (r, "一季度经济运行总体平稳。", "国家统计局");
  assert_speaker (r, "我们正在研究延长开放时间。", "丰岭市镇理事会");
  assert_speaker (r, "公司已更换了电梯的控制主板。", "恒嘉物业");
  assert_speaker (r, "平台用工形式多样，应依法认定劳动关系。", "浔阳区人民法院");
  assert_speaker (none, "将进一步规范收费行为。", "市教育局局长王建国");
  assert_speaker (none, "产品质量没有问题，欢迎监督。", NULL);
  for (guint i = 0; i < none->suggestions->len; i++)
    {
      GlossSuggestion *o = none->suggestions->pdata[i];

      g_assert_false (g_str_equal (o->tag, "organization") && g_str_has_prefix (o->rule, "zh-agency"));
    }
}

/* A name right after a relation, opening its clause (老韩的老伴韩大娘拉着
 * 救援队员的手不肯放：“), is who speaks, though an action follows it, not
 * the possessor; inside a clause (记者见到了老韩的老伴韩大娘拉着…) the
 * relation still marks the name as a person, and nothing more is one. */
static void
test_name_after_relation (void)
{
  g_autoptr(Result) r = suggest_text ("雪灾救援\n\n"
                                      "68岁的牧民老韩一家已经被困了3天。“家里的煤只够烧两天了。”老韩说。\n\n"
                                      "老韩的老伴韩大娘拉着救援队员的手不肯放：“你们要是再晚来些，我这把老骨头就撑不住了。”\n");
  g_autoptr(Result) none = suggest_text ("雪灾救援\n\n记者见到了老韩的老伴韩大娘拉着孙子的手。\n");

  assert_well_formed (r);
  assert_speaker (r, "你们要是再晚来些，我这把老骨头就撑不住了。", "韩大娘");
  g_assert_cmpuint (count_tag (none, "person"), ==, 1);
  g_assert_nonnull (find (none, "person", "韩大娘"));
}

/* A short name in marks ending like a program's (启动了“荔枝出海行动”) is a
 * program, not someone's partial quote; a clause that ends so (“还需要更多
 * 能够留住旅客过夜的项目”) is still the speaker's words. */
static void
test_program_not_partial_quote (void)
{
  g_autoptr(Result) r = suggest_text ("荔枝大年\n\n"
                                      "省农业农村厅处长岑家宁表示，今年全省启动了“荔枝出海行动”，把荔枝卖到海外。\n\n"
                                      "澳门大学教授梁志诚说，澳门经济要适度多元，“还需要更多能够留住旅客过夜的项目”。\n");

  assert_well_formed (r);
  g_assert_null (find (r, "quote", "荔枝出海行动"));
  g_assert_nonnull (find (r, "program", "荔枝出海行动"));
  assert_speaker (r, "还需要更多能够留住旅客过夜的项目", "梁志诚");
}

/* A quote ending in a comma inside its marks, a short stretch of action in
 * the same sentence, then the next mark (“好锡是有声音的。你听，”他用指甲轻轻
 * 一弹，…，“这就是纯锡…”): both are the words of the one acting.  Not when
 * the sentence ends before another mark opens. */
static void
test_split_by_action (void)
{
  g_autoptr(Result) r = suggest_text ("一把锡壶里的半生\n\n"
                                      "纪家鸿告诉记者，他十六岁学艺。他拿起一块锡片，举到灯下。“好锡是有声音的。你听，”他用指甲轻轻一弹，"
                                      "锡片发出清亮的一声，“这就是纯锡。掺了铅的，声音是闷的。”\n");
  g_autoptr(Result) ends = suggest_text ("一把锡壶里的半生\n\n纪家鸿告诉记者，他十六岁学艺。“好锡是有声音的，”这句话他记了一辈子。"
                                         "后来他常说：“慢工出细活。”\n");
  GlossSuggestion *q;

  assert_well_formed (r);
  assert_speaker (r, "好锡是有声音的。你听，", "纪家鸿");
  assert_speaker (r, "这就是纯锡。掺了铅的，声音是闷的。", "纪家鸿");
  q = find (ends, "quote", "好锡是有声音的，");
  g_assert_true (q == NULL || !g_str_equal (q->rule, "zh-quote-split-action"));
}

/* The speaker's own relative named (我外公周海生在东礁岛守了31年灯塔) is a
 * person of that relation; after a role a name of two before an action and
 * its complement (责任编辑许蓓看完初稿) is not one of three, while 局长王德扬
 * 表示 still is. */
static void
test_relative_and_two_before_action (void)
{
  g_autoptr(Result) r = suggest_text ("灯塔看守人\n\n"
                                      "岑晓舟说，我外公周海生在东礁岛守了31年灯塔。\n\n"
                                      "我的责任编辑许蓓看完初稿，只说了一句：“再慢一点。”\n\n"
                                      "局长王德扬表示：“要抓紧落实。”\n");
  GlossSuggestion *grandfather;

  assert_well_formed (r);
  grandfather = find (r, "person", "周海生");
  g_assert_nonnull (grandfather);
  g_assert_cmpstr (gloss_suggestion_get_attribute (grandfather, "role"), ==, "外公");
  assert_speaker (r, "再慢一点。", "许蓓");
  assert_speaker (r, "要抓紧落实。", "局长王德扬");
}

/* A familiar form that became a person of its own (老张说) is the one
 * person of that surname named in full before (护堤员张满仓), so a
 * quote-only paragraph after his is his; with two of that surname before
 * (张建国, 张卫东) 老张 stays apart. */
static void
test_familiar_merged (void)
{
  g_autoptr(Result) r = suggest_text ("演练\n\n"
                                      "在漫堤险情处置现场，58岁的护堤员张满仓一边指挥年轻队员码放子堤，一边大声提醒。张满仓在这里守了大半辈子堤。队员们都叫他老张。\n\n"
                                      "“堤防就像老人的身子骨，平时看着好好的，一到汛期毛病都藏不住。”\n\n"
                                      "老张说，这几年堤防加固跟上了，“夜里打着手电一寸一寸地看，一点都马虎不得”。\n");
  g_autoptr(Result) two = suggest_text ("演练\n\n"
                                        "队员张建国说，水位还在涨。队员张卫东说，沙袋不够了。\n\n"
                                        "老张说，这几年堤防加固跟上了，“夜里打着手电一寸一寸地看，一点都马虎不得”。\n");
  GlossSuggestion *q;

  assert_well_formed (r);
  assert_speaker (r, "堤防就像老人的身子骨，平时看着好好的，一到汛期毛病都藏不住。", "张满仓");
  assert_speaker (r, "夜里打着手电一寸一寸地看，一点都马虎不得", "张满仓");
  assert_well_formed (two);
  q = find (two, "quote", "夜里打着手电一寸一寸地看，一点都马虎不得");
  g_assert_nonnull (q);
  {
    g_autofree char *s = speaker_of (two, q);

    g_assert_true (s == NULL || g_str_equal (s, "老张"));
  }
}

/* Each office of a chain makes a familiar form: 韩局长 for
 * 税务局党委书记、局长韩立新, whose title is the first office, speaks as
 * 韩立新 (as 韩书记 would). */
static void
test_later_office_of_chain (void)
{
  g_autoptr(Result) r = suggest_text ("发布会\n\n"
                                      "国家税务总局湖南省税务局党委书记、局长韩立新介绍了情况。\n\n"
                                      "韩局长在会上说：“要守住国家税款安全。”\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "official", "韩局长"));
  assert_speaker (r, "要守住国家税款安全。", "国家税务总局湖南省税务局党委书记、局长韩立新");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest-zh-aliases/known-name-after-unknown-role", test_known_name_after_unknown_role);
  g_test_add_func ("/suggest-zh-aliases/shouted-speech", test_shouted_speech);
  g_test_add_func ("/suggest-zh-aliases/acting-after-time-phrase", test_acting_after_time_phrase);
  g_test_add_func ("/suggest-zh-aliases/nicknames", test_nicknames);
  g_test_add_func ("/suggest-zh-aliases/unnamed-role-outside-lexicon", test_unnamed_role_outside_lexicon);
  g_test_add_func ("/suggest-zh-aliases/narrative-topic", test_narrative_topic);
  g_test_add_func ("/suggest-zh-aliases/company-goes-on", test_company_goes_on);
  g_test_add_func ("/suggest-zh-aliases/description-head", test_description_head);
  g_test_add_func ("/suggest-zh-aliases/role-named-subject", test_role_named_subject);
  g_test_add_func ("/suggest-zh-aliases/court-and-customs-titles", test_court_and_customs_titles);
  g_test_add_func ("/suggest-zh-aliases/kin-before-action", test_kin_before_action);
  g_test_add_func ("/suggest-zh-aliases/reply-statement", test_reply_statement);
  g_test_add_func ("/suggest-zh-aliases/counsel", test_counsel);
  g_test_add_func ("/suggest-zh-aliases/reported-then-quote", test_reported_then_quote);
  g_test_add_func ("/suggest-zh-aliases/more-unnamed-speakers", test_more_unnamed_speakers);
  g_test_add_func ("/suggest-zh-aliases/agency-speaks", test_agency_speaks);
  g_test_add_func ("/suggest-zh-aliases/name-after-relation", test_name_after_relation);
  g_test_add_func ("/suggest-zh-aliases/program-not-partial-quote", test_program_not_partial_quote);
  g_test_add_func ("/suggest-zh-aliases/split-by-action", test_split_by_action);
  g_test_add_func ("/suggest-zh-aliases/relative-and-two-before-action", test_relative_and_two_before_action);
  g_test_add_func ("/suggest-zh-aliases/familiar-merged", test_familiar_merged);
  g_test_add_func ("/suggest-zh-aliases/later-office-of-chain", test_later_office_of_chain);
  return g_test_run ();
}
