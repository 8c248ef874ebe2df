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

/* A name opening its sentence, an action, then the speech verb before the
 * quote: 甘宁蕴翻着…说：“, 吴小满端出…，笑着说：“, 王刚指着…说：“ (a name of
 * two before an action). Not when the clause after a comma has a subject
 * of its own (…，店员说：“), nor a name followed by 的. */
static void
test_acting_subject (void)
{
  g_autoptr(Result) r = suggest_text ("甘宁蕴翻着手机里的留言说：“很多人说看外公磨刀很解压。”\n\n"
                                      "吴小满端出一杯野山茶，笑着说：“城里人就爱这一口山野味。”\n\n"
                                      "王刚指着货架说：“这些都是乡亲们种的，卖得很好。”\n\n"
                                      "郑国华端来两碗面，店员说：“这是今天的最后两碗了。”\n\n"
                                      "邰晓霜的女儿拉着医生的手说：“谢谢你们救了外公。”\n");

  assert_well_formed (r);
  assert_speaker (r, "很多人说看外公磨刀很解压。", "甘宁蕴");
  assert_speaker (r, "城里人就爱这一口山野味。", "吴小满");
  assert_speaker (r, "这些都是乡亲们种的，卖得很好。", "王刚");
  g_assert_null (find (r, "person", "郑国华"));
  g_assert_null (find (r, "person", "邰晓霜"));
}

/* A familiar form acting before it speaks, after a quote (”老邹抹了一把嘴说，“);
 * not 老师 or 小时, which only look like one. */
static void
test_familiar_acting_subject (void)
{
  g_autoptr(Result) r = suggest_text ("常来吃凉粉的老邹今年78岁。“我吃她的凉粉吃了二十多年，”老邹抹了一把嘴说，“味道一直没变。”\n\n"
                                      "“这道题大家再想想。”老师敲着黑板说，“答案就在课本里。”\n");

  assert_well_formed (r);
  assert_speaker (r, "我吃她的凉粉吃了二十多年，", "老邹");
  assert_speaker (r, "味道一直没变。", "老邹");
  g_assert_null (find (r, "person", "老师"));
}

/* An organization speaking in its notice, with a word saying which one
 * (在案件通报中称) and a long name ending like an organization's; not a
 * long clause that names no organization (住在城东老旧小区的居民们). */
static void
test_organization_notice (void)
{
  g_autoptr(Result) r = suggest_text ("鹿溪区人民检察院在案件通报中称：“老年人遇到承诺高额回报的投资项目，务必先与子女商量。”\n\n"
                                      "警方在情况通报中表示：“事故原因正在进一步调查中。”\n\n"
                                      "住在城东老旧小区的居民们在公开信中写道：“希望加装电梯的事能早日落实。”\n");

  assert_well_formed (r);
  assert_speaker (r, "老年人遇到承诺高额回报的投资项目，务必先与子女商量。", "鹿溪区人民检察院");
  assert_speaker (r, "事故原因正在进一步调查中。", "警方");
  g_assert_cmpuint (count_tag (r, "organization"), ==, 2);
}

/* ”邰老师拉着苟文昊的手说，“: the one named before the possessor speaks;
 * a possessor named alone after the quote still does (”苟文昊的团队告诉记者). */
static void
test_possessor_not_speaker (void)
{
  g_autoptr(Result) r = suggest_text ("内科主任苟文昊介绍：“溶栓要抢时间，越早越好。”\n\n"
                                      "第三天查房时，邰老师已经能下床了。“说话也清楚多了，”邰老师拉着苟文昊的手说，“就是嘴还有点不听使唤。”\n\n"
                                      "“下周就能安排出院。”苟文昊的团队告诉记者。\n");

  assert_well_formed (r);
  assert_speaker (r, "说话也清楚多了，", "邰老师");
  assert_speaker (r, "就是嘴还有点不听使唤。", "邰老师");
  assert_speaker (r, "下周就能安排出院。", "内科主任苟文昊");
}

/* 他拉着杭立新的手说：“ — a pronoun before the possessor is the subject. */
static void
test_pronoun_before_possessor (void)
{
  g_autoptr(Result) r = suggest_text ("杭立新说，先生一生培养了40多名博士。\n\n"
                                      "晏守成教授说，种地的事要靠年轻人。今年春天，91岁的晏守成最后一次回到试验站。"
                                      "临走时，他拉着杭立新的手说：“地里的事，不能停。”\n");

  assert_well_formed (r);
  assert_speaker (r, "地里的事，不能停。", "晏守成");
}

/* NAME说，and a long sentence of reported speech ending in a quote: the
 * speech verb is more than sixty characters before the quotation mark.
 * Not across a sentence's end. */
static void
test_long_reported_sentence (void)
{
  g_autoptr(Result) r = suggest_text ("闵思远说，团队从2019年开始野外采样，先后在山东、新疆、宁夏等6个省区采集了1100多份土壤样品，"
                                      "筛选出的菌株有2000余株，“真正在田里站得住的，只有这一株。”\n\n"
                                      "宫振华研究员来过试验站。团队从2019年开始野外采样，先后在山东、新疆、宁夏等6个省区采集了1100多份土壤样品，"
                                      "筛选出的菌株有2000余株，“能在盐碱地里活下来的，就这一株。”\n");
  GlossSuggestion *q;

  assert_well_formed (r);
  assert_speaker (r, "真正在田里站得住的，只有这一株。", "闵思远");
  q = find (r, "quote", "能在盐碱地里活下来的，就这一株。");
  g_assert_true (q == NULL || gloss_suggestion_get_attribute (q, "speaker") == NULL);
}

/* A dotted title in 《》 is a journal's, not a person's (its last part
 * would name 通讯员 and 通讯作者 later); 打了个比方 introduces speech. */
static void
test_journal_title_and_metaphor (void)
{
  g_autoptr(Result) r = suggest_text ("本报讯（记者 尉迟岚 通讯员 骆锦程）相关论文近日发表于国际学术期刊《自然·通讯》。\n\n"
                                      "“盐碱地就像一块板结的海绵，水进不去。”论文通讯作者、资源环境学院教授闵思远打了个比方，“这株细菌能把土壤颗粒重新粘起来。”\n\n"
                                      "荷兰学者扬·范德贝克说：“这是一项扎实的工作。”\n");

  assert_well_formed (r);
  g_assert_null (find (r, "person", "自然·通讯"));
  g_assert_null (find (r, "person", "通讯"));
  assert_speaker (r, "盐碱地就像一块板结的海绵，水进不去。", "闵思远");
  assert_speaker (r, "这株细菌能把土壤颗粒重新粘起来。", "闵思远");
  assert_speaker (r, "这是一项扎实的工作。", "荷兰学者扬·范德贝克");
}

/* Roles before a name (老板娘 摊主 导游…) introduce the person a pronoun
 * names later; a bare role speaking names no one. */
static void
test_trade_roles (void)
{
  g_autoptr(Result) r = suggest_text ("民宿“梯田人家”的老板娘杨桂香今年52岁。她擦着桌子告诉记者：“房间提前半个月就订满了。”\n\n"
                                      "摊主侯德旺今年六十出头。他一边收钱一边对记者说：“生意比去年好做。”\n\n"
                                      "隔壁的老板娘笑着说：“我们家也一样，天天满房。”\n");
  GlossSuggestion *q = find (r, "quote", "我们家也一样，天天满房。");

  assert_well_formed (r);
  assert_speaker (r, "房间提前半个月就订满了。", "杨桂香");
  assert_speaker (r, "生意比去年好做。", "侯德旺");
  g_assert_nonnull (q);
  g_assert_null (gloss_suggestion_get_attribute (q, "speaker"));
}

/* 谈到甄子墨，他…：“ — the pronoun names the speaker before, not the one
 * spoken of; without the topic clause the pronoun is the nearest person. */
static void
test_topic_before_pronoun (void)
{
  g_autoptr(Result) r = suggest_text ("“这个进球属于球迷。”黄志远赛后说。\n\n"
                                      "谈到小将甄子墨，他显得格外兴奋：“他很勇敢，敢于一对一。”\n\n"
                                      "主教练郝建军赛后表示满意。他说：“全队打出了血性。”\n");
  g_autoptr(Result) r2 = suggest_text ("“这把刀我磨了五十年。”亓凤岐笑着说。\n\n"
                                       "提起外孙女甘宁蕴，他说：“这孩子肯吃苦。”\n");

  assert_well_formed (r);
  assert_speaker (r, "他很勇敢，敢于一对一。", "黄志远");
  assert_speaker (r, "全队打出了血性。", "郝建军");
  assert_speaker (r2, "这孩子肯吃苦。", "亓凤岐");
}

/* Unnamed people described by age or sex (一位…的大爷, 一位大妈), and a bare
 * role after a quote (”老人说着) naming the one its paragraph described; a
 * bare role in a paragraph that described no one names no one. */
static void
test_unnamed_elder (void)
{
  g_autoptr(Result) r = suggest_text ("一位在附近摆摊卖烤红薯的大爷说，受伤的三人里有一对母女。“小姑娘才七八岁，吓得哇哇哭。”老人说着直摇头，“喝了酒就不要开车嘛。”\n\n"
                                      "一位大妈告诉记者：“这个路口早该装红绿灯了。”\n\n"
                                      "事故发生后，交通一度中断。“车堵到了桥上。”老人说。\n");
  GlossSuggestion *q = find (r, "quote", "车堵到了桥上。");

  assert_well_formed (r);
  assert_speaker (r, "小姑娘才七八岁，吓得哇哇哭。", "一位在附近摆摊卖烤红薯的大爷");
  assert_speaker (r, "喝了酒就不要开车嘛。", "一位在附近摆摊卖烤红薯的大爷");
  assert_speaker (r, "这个路口早该装红绿灯了。", "一位大妈");
  g_assert_nonnull (q);
  g_assert_null (gloss_suggestion_get_attribute (q, "speaker"));
}

/* A dotted name ends before an adverbial (扬·范德贝克曾与…) and takes 范 as
 * transliteration; a part made of a surname and given name still ends
 * where its characters do. */
static void
test_dotted_name_adverbial (void)
{
  g_autoptr(Result) r = suggest_text ("荷兰学者扬·范德贝克曾与晏守成合作研究多年。他在唁电中写道：“晏教授让我明白，科学最好的归宿是农民的田地。”\n");

  assert_well_formed (r);
  g_assert_null (find (r, "person", "扬·范德贝克曾"));
  assert_speaker (r, "晏教授让我明白，科学最好的归宿是农民的田地。", "荷兰学者扬·范德贝克");
}

/* An organization publishing a notice after a date (锦华纺织12月1日晚间发布
 * 公告称，公司“…”); not the place where it was published (在社交平台发布声明称). */
static void
test_published_notice (void)
{
  g_autoptr(Result) r = suggest_text ("恒锦印染所属的上市公司锦华纺织12月1日晚间发布公告称，公司“高度重视此次事件，已对相关责任人员进行严肃处理”。\n\n"
                                      "警方当天发布通报称：“肇事司机已被依法控制，案件正在进一步调查中。”\n\n"
                                      "一位店主在社交平台发布声明称：“我们从未销售过这批货。”\n");

  assert_well_formed (r);
  assert_speaker (r, "高度重视此次事件，已对相关责任人员进行严肃处理", "锦华纺织");
  assert_speaker (r, "肇事司机已被依法控制，案件正在进一步调查中。", "警方");
  g_assert_null (find (r, "organization", "社交平台"));
}

/* Taiwan's caucus whip (黨團總召) is an office before a name; 召 alone in a
 * word (号召) introduces no one. */
static void
test_caucus_whip (void)
{
  g_autoptr(Result) r = suggest_text ("民進黨籍立委林佩君在院會發言時說，這次修法照顧了基層。\n\n"
                                      "國民黨立法院黨團總召陳國棟則表示，黨團對財源有疑慮。「錢從哪裡來？」他說。\n\n"
                                      "協會號召會員參加連署，「大家一起來」。\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "official", "國民黨立法院黨團總召陳國棟"));
  assert_speaker (r, "錢從哪裡來？", "國民黨立法院黨團總召陳國棟");
  g_assert_null (find (r, "person", "會員"));
}

/* A Vietnamese name with 氏 (阮氏秋香) after 外长; 花 as a surname
 * (花秋月), not in 花了 or 花费. */
static void
test_vietnamese_name_and_hua (void)
{
  g_autoptr(Result) r = suggest_text ("越南副外长阮氏秋香则表示，越方重视海水倒灌问题。“我们需要更准确的上游数据。”她说。\n\n"
                                      "兴隆镇农民花秋月今年种了65亩优质稻。她扳着手指算了算：“一亩多出来将近两百块。”\n\n"
                                      "他花了三万元买了一台收割机，花费不小。“明年就能回本。”他说。\n");

  assert_well_formed (r);
  assert_speaker (r, "我们需要更准确的上游数据。", "越南副外长阮氏秋香");
  assert_speaker (r, "一亩多出来将近两百块。", "花秋月");
  g_assert_null (find (r, "person", "花了"));
  g_assert_null (find (r, "person", "花费"));
  g_assert_null (find (r, "person", "花费不"));
}

/* A short remark in brackets between a name and its speech verb
 * (阿珠（化名）告訴記者); not a bracket with no speech after it. */
static void
test_bracketed_remark (void)
{
  g_autoptr(Result) r = suggest_text ("在台中從事居家照服工作8年的阿珠（化名）告訴中央社記者，她每天騎機車往返約60公里，「油錢自己出，下雨天更辛苦」。\n\n"
                                      "阿芳（化名）今年35岁，在厂里干了十年。\n");

  assert_well_formed (r);
  assert_speaker (r, "油錢自己出，下雨天更辛苦", "阿珠");
  g_assert_null (find (r, "person", "阿芳"));
}

/* A name, 今年 and an age introduce a person (跑者柴建国今年64岁) whom 老柴
 * and 他 name later; an animal is no name (华北豹: 豹 is in no given name);
 * 大姐 after a surname (臧大姐); 高層 as an unnamed speaker's role. */
static void
test_age_kin_and_animals (void)
{
  g_autoptr(Result) r = suggest_text ("护林员指着屏幕上一只缓缓走过的华北豹对记者说，这只豹子每年都来。\n\n"
                                      "来自本地的跑者柴建国今年64岁，这已经是他的第九个全程马拉松。冲过终点后，老柴举起手机拍下了成绩。“比去年快了7分钟，”他说。\n\n"
                                      "“我们二楼用电梯少，为什么要出一样的钱？”臧大姐说。\n\n"
                                      "一位不願具名的博企高層表示：「貴賓廳已經今非昔比。」\n\n"
                                      "这台老机床今年40岁了，还在转。\n");

  assert_well_formed (r);
  g_assert_null (find (r, "person", "华北豹"));
  assert_speaker (r, "比去年快了7分钟，", "柴建国");
  assert_speaker (r, "我们二楼用电梯少，为什么要出一样的钱？", "臧大姐");
  assert_speaker (r, "貴賓廳已經今非昔比。", "一位不願具名的博企高層");
  g_assert_null (find (r, "person", "这台老"));
  g_assert_null (find (r, "person", "老机床"));
}

/* An agency replying (回复称, 对此书面答复称) speaks; a person replying, or
 * a clause that does not end as an organization's, does not make one. */
static void
test_agency_reply (void)
{
  g_autoptr(Result) r = suggest_text ("对此，青浦区交通运输管理局回复称：“我局已协调公交公司恢复原线路。”\n\n"
                                      "区生态环境局对此书面答复称，经现场检测，该店夜间噪音超标。“我局已依法责令其限期整改。”\n\n"
                                      "记者把问题转给了这位热心读者，热心读者回复称：“谢谢你们跟进。”\n");

  assert_well_formed (r);
  assert_speaker (r, "我局已协调公交公司恢复原线路。", "青浦区交通运输管理局");
  assert_speaker (r, "我局已依法责令其限期整改。", "区生态环境局");
  g_assert_cmpuint (count_tag (r, "organization"), ==, 2);
}

/* In a first-person account, a bare kinship word opening its clause
 * (父亲白天种地…。他常跟我说：“) is the narrator's relative, whom 他 stands
 * for; 我爸 speaks as 我父亲 does, not when spoken to (跟我爸说); nor is
 * it a relative where a name follows (妻子黄慧原本…她说), nor someone's
 * father in a text with only 我们 (陈先生表示，父亲因肺炎…). */
static void
test_bare_kin_speaks (void)
{
  g_autoptr(Result) r = suggest_text ("采访\n\n"
                                      "答：小时候家里穷，父亲白天种地，晚上做碗卖。他常跟我说：“手上的活骗不了人，泥巴知道你偷没偷懒。”\n\n"
                                      "答：我爸跟我说：“种了一辈子的好米，到头来还不如外面的杂交稻值钱。”\n\n"
                                      "是柯老师走到我家，跟我爸说，这孩子不读书可惜了。\n\n"
                                      "妻子黄慧原本不赞成打官司，后来还是陪他去了。她说：“钱是小事，我就是咽不下这口气。”\n");
  g_autoptr(Result) ours = suggest_text ("急诊\n\n"
                                         "陪同父亲就医的陈先生表示，父亲因肺炎发烧送到急诊。“我们不怪他们，”他说，“但是制度可以改一改。”\n");

  assert_well_formed (r);
  assert_well_formed (ours);
  assert_speaker (r, "手上的活骗不了人，泥巴知道你偷没偷懒。", "父亲");
  assert_speaker (r, "种了一辈子的好米，到头来还不如外面的杂交稻值钱。", "我爸");
  g_assert_null (find_after (r, "person", "我爸", 100));
  g_assert_null (find (r, "person", "妻子"));
  g_assert_null (find (ours, "person", "父亲"));
}

/* A surname and a kinship word opening a clause after a comma, who acts
 * before speaking (…，吴婶当着我的面说：“), is a person who speaks. */
static void
test_kin_form_after_comma (void)
{
  g_autoptr(Result) r = suggest_text ("卖米\n\n"
                                      "第一年直播，观众最多的时候只有23人。村里人也不信我，吴婶当着我的面说：“大学生回来卖米，能卖出什么名堂？”\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "吴婶"));
  assert_speaker (r, "大学生回来卖米，能卖出什么名堂？", "吴婶");
}

/* 开口 says, after 才 or 终于 too (过了好一阵，赵一凡才开口：“), and a full
 * name before such an adverb and a speech verb ends there. */
static void
test_opens_mouth (void)
{
  g_autoptr(Result) r = suggest_text ("高考放榜\n\n"
                                      "赵一凡的成绩比自己估的少了40多分，他在走廊尽头站了很久。\n\n"
                                      "过了好一阵，赵一凡才开口：“我想先看看能报哪些学校，不想复读。”\n");

  assert_well_formed (r);
  assert_speaker (r, "我想先看看能报哪些学校，不想复读。", "赵一凡");
}

/* 反擊 says (面對…的批評，她在受訪時反擊：「, not the critics); a class
 * teacher (班主任) is a person with a role, no official; an unnamed child
 * (一名一年级的小男孩) speaks. */
static void
test_retort_teacher_child (void)
{
  g_autoptr(Result) r = suggest_text ("選舉\n\n"
                                      "縣議員游淑芬今天出席。\n\n"
                                      "另一頭，游淑芬天還沒亮就出現在漁港。面對簡陣營的批評，她在受訪時反擊：「我在縣議會四年，建設經費超過兩億元。」\n");
  g_autoptr(Result) school = suggest_text ("地震演练\n\n"
                                           "三年级二班班主任戴佳琳说：“孩子们比我想象的冷静。”\n\n"
                                           "一名一年级的小男孩则有些委屈：“我跑的时候鞋带开了，差点摔跤。”\n");

  assert_well_formed (r);
  assert_well_formed (school);
  assert_speaker_ends_with (r, "我在縣議會四年，建設經費超過兩億元。", "游淑芬");
  g_assert_nonnull (find (school, "person", "戴佳琳"));
  g_assert_cmpuint (count_tag (school, "official"), ==, 0);
  assert_speaker (school, "我跑的时候鞋带开了，差点摔跤。", "一名一年级的小男孩");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest-zh-subjects/rare-surnames", test_rare_surnames);
  g_test_add_func ("/suggest-zh-subjects/saying-while-acting", test_saying_while_acting);
  g_test_add_func ("/suggest-zh-subjects/acting-subject", test_acting_subject);
  g_test_add_func ("/suggest-zh-subjects/familiar-acting-subject", test_familiar_acting_subject);
  g_test_add_func ("/suggest-zh-subjects/organization-notice", test_organization_notice);
  g_test_add_func ("/suggest-zh-subjects/possessor-not-speaker", test_possessor_not_speaker);
  g_test_add_func ("/suggest-zh-subjects/pronoun-before-possessor", test_pronoun_before_possessor);
  g_test_add_func ("/suggest-zh-subjects/long-reported-sentence", test_long_reported_sentence);
  g_test_add_func ("/suggest-zh-subjects/journal-title-and-metaphor", test_journal_title_and_metaphor);
  g_test_add_func ("/suggest-zh-subjects/trade-roles", test_trade_roles);
  g_test_add_func ("/suggest-zh-subjects/topic-before-pronoun", test_topic_before_pronoun);
  g_test_add_func ("/suggest-zh-subjects/unnamed-elder", test_unnamed_elder);
  g_test_add_func ("/suggest-zh-subjects/dotted-name-adverbial", test_dotted_name_adverbial);
  g_test_add_func ("/suggest-zh-subjects/published-notice", test_published_notice);
  g_test_add_func ("/suggest-zh-subjects/caucus-whip", test_caucus_whip);
  g_test_add_func ("/suggest-zh-subjects/vietnamese-name-and-hua", test_vietnamese_name_and_hua);
  g_test_add_func ("/suggest-zh-subjects/bracketed-remark", test_bracketed_remark);
  g_test_add_func ("/suggest-zh-subjects/age-kin-and-animals", test_age_kin_and_animals);
  g_test_add_func ("/suggest-zh-subjects/agency-reply", test_agency_reply);
  g_test_add_func ("/suggest-zh-subjects/bare-kin-speaks", test_bare_kin_speaks);
  g_test_add_func ("/suggest-zh-subjects/kin-form-after-comma", test_kin_form_after_comma);
  g_test_add_func ("/suggest-zh-subjects/opens-mouth", test_opens_mouth);
  g_test_add_func ("/suggest-zh-subjects/retort-teacher-child", test_retort_teacher_child);
  return g_test_run ();
}
