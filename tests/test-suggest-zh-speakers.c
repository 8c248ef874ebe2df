/* test-suggest-zh-speakers.c: who said a Chinese quote — interview
 * transcripts, unnamed and descriptive speakers, speakers named after the
 * quote — positive and negative cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-test-suggest.h"

/* Every run of these tests is checked whole (ids in order, spans inside
 * the text) before its speakers are. */
static Result *
suggest_checked (const char *text)
{
  Result *r = suggest_text (text);

  assert_well_formed (r);
  return r;
}

/* Surnames and titles the lexicon lacked: 贝 and 赖 are surnames, a head
 * coach (主教练: a person, the office their role) and a vice-minister (次长:
 * an office) are read before a name, a board secretary (董秘) speaks
 * without a name; 关于 is never a person. */
static void
test_lexicon_names (void)
{
  g_autoptr(Result) r = suggest_checked ("“今年的旺季比往年来得更早。”市交通局货运处处长贝文清说。\n\n"
                                         "“下半场我们终于把节奏找回来了。”青岛队主教练赖志伟赛后说。\n\n"
                                         "交通部次长林家豪表示：“电价调整会分阶段进行，不会一次到位。”\n\n"
                                         "一家光伏企业董秘在接受采访时表示：“我们的订单已经排到了明年二季度。”\n\n"
                                         "针对记者关于房价问题的提问，他没有回答。\n");

  assert_speaker (r, "今年的旺季比往年来得更早。", "市交通局货运处处长贝文清");
  assert_speaker (r, "下半场我们终于把节奏找回来了。", "赖志伟");
  assert_speaker (r, "电价调整会分阶段进行，不会一次到位。", "交通部次长林家豪");
  /* 一家 counts the company, not the officer: no part of the mention. */
  assert_speaker (r, "我们的订单已经排到了明年二季度。", "光伏企业董秘");
  g_assert_null (find (r, "person", "关于"));
  g_assert_null (find (r, "person", "关于房"));
}

/* A surname the lexicon lacks (冼) after a title, before a speech verb;
 * an office after a title (县长办公室表示) or an adverbial (局长在会上说)
 * is no name. */
static void
test_unknown_surname_after_title (void)
{
  g_autoptr(Result) r = suggest_checked ("省商务厅副厅长冼海棠回应：“外贸企业的订单总体稳定，部分行业还在增长。”\n\n"
                                         "县长办公室表示，会尽快答复。局长在会上说，明年要再建两所学校。\n");

  assert_speaker (r, "外贸企业的订单总体稳定，部分行业还在增长。", "省商务厅副厅长冼海棠");
  g_assert_null (find (r, "official", "县长办公室"));
  g_assert_null (find (r, "official", "局长在会上"));
}

/* A name before a time word and the verb (莫里斯赛后说, 邵明今天表示) is
 * a speaker; a time word without a verb (邹立今年在工地上…) names no one
 * (今年 and an age do: test-suggest-zh-subjects). */
static void
test_time_before_verb (void)
{
  g_autoptr(Result) r = suggest_checked ("“这是一场团队的胜利，没有他们的防守就没有我的得分。”莫拉蒂赛后说。\n\n"
                                         "“新线路下个月就能通车，票价不会上涨。”邵明今天表示。\n\n"
                                         "邹立今年在工地上干了八年。\n");

  assert_speaker (r, "这是一场团队的胜利，没有他们的防守就没有我的得分。", "莫拉蒂");
  assert_speaker (r, "新线路下个月就能通车，票价不会上涨。", "邵明");
  g_assert_null (find (r, "person", "邹立"));
}

/* An unnamed official or person speaks through an adverbial (在电话中,
 * 向记者, 告诉本报，…，“…”) and a longer description ending in 的 (一位
 * …的老员工); without a speech verb, or a long description without 的,
 * they name no one. */
static void
test_unnamed_adverbial (void)
{
  g_autoptr(Result) r = suggest_checked ("对此，星光商场相关负责人在电话中回应称：“门店只是暂停营业，会员卡仍然有效。”\n\n"
                                         "一位熟悉当地水产市场的人士向记者表示，“今年的鱼价比去年低了两成，养殖户压力很大。”\n\n"
                                         "一位不愿透露姓名的老员工告诉本报，从去年秋天起，工厂就没有按时发过工资，“最久的拖了四个月，很多人已经走了”。\n\n"
                                         "该商场相关负责人的电话一直无人接听。一位住在附近的居民正在楼下遛狗。\n\n"
                                         "一位昨天刚刚从外地赶回来员工说，厂里已经停工了。\n");

  assert_speaker (r, "门店只是暂停营业，会员卡仍然有效。", "星光商场相关负责人");
  assert_speaker (r, "今年的鱼价比去年低了两成，养殖户压力很大。", "一位熟悉当地水产市场的人士");
  assert_speaker (r, "最久的拖了四个月，很多人已经走了", "一位不愿透露姓名的老员工");
  g_assert_null (find (r, "official", "该商场相关负责人"));
  g_assert_null (find (r, "person", "一位昨天刚刚从外地赶回来员工"));
  g_assert_null (find (r, "person", "一位住在附近的居民"));
}

/* A role and an anonymised or familiar name before an adverbial: 某 and
 * 当庭 are no three-character name (柯某, not 柯某当), a surname and 伯
 * before 则 are a person of the role 人士, not an unnamed 人士; a given
 * name after 某 (赵某平) and a 人士 with no name after it stay as they were. */
static void
test_name_before_adverbial (void)
{
  g_autoptr(Result) r = suggest_checked ("被告人柯某当庭表示认罪。“我没想到后果会这么严重。”他说。\n\n"
                                         "退休人士聂伯则对此不以为然：“收费之前，总要先讲清楚怎么收。”\n\n"
                                         "被告人赵某平说：“钱我会想办法还上。”\n\n"
                                         "业内人士分析称，“明年的价格还会往下走。”\n");

  assert_speaker (r, "我没想到后果会这么严重。", "柯某");
  g_assert_null (find (r, "person", "柯某当"));
  assert_speaker (r, "收费之前，总要先讲清楚怎么收。", "聂伯");
  g_assert_null (find (r, "person", "人士"));
  assert_speaker (r, "钱我会想办法还上。", "赵某平");
  assert_speaker (r, "明年的价格还会往下走。", "业内人士");
}

/* A surname and an office later on (符局长, 乔县长 for 副县长乔振东, 戴教练
 * for 主管教练戴立峰) is the official or person named so before, the
 * quote's speaker; a surname and an office is never a name of its own
 * (鲍主任 with no one before), and 小林老师 is no 林老师. */
static void
test_surname_and_office (void)
{
  g_autoptr(Result) r = suggest_checked ("县交通运输局局长符国庆介绍，今年新修了三条公路。\n\n"
                                         "“明年还要再修两条。”符局长说。\n\n"
                                         "副县长乔振东到村里调研。乔县长告诉记者：“路通了，货就出得去。”\n\n"
                                         "主管教练戴立峰在场边看完了训练。“她的起跑还能再快一点。”戴教练说。\n");
  g_autoptr(Result) n = suggest_checked ("鲍主任表示：“报名下周截止。”\n\n"
                                         "学校的机器人社团由林晓燕老师带队，学生们都叫她小林老师。\n");
  GlossSuggestion *m;

  assert_speaker (r, "明年还要再修两条。", "县交通运输局局长符国庆");
  m = find (r, "official", "符局长");
  g_assert_nonnull (m);
  g_assert_cmpstr (m->entity, ==, find (r, "official", "县交通运输局局长符国庆")->id);
  assert_speaker (r, "路通了，货就出得去。", "副县长乔振东");
  g_assert_null (find (r, "person", "乔县长"));
  g_assert_nonnull (find (r, "official", "乔县长"));
  assert_speaker (r, "她的起跑还能再快一点。", "戴立峰");
  g_assert_nonnull (find (r, "person", "戴教练"));
  g_assert_null (find (n, "person", "鲍主任"));
  g_assert_null (find (n, "person", "林老师"));
}

/* 范阿婆, 陈姓店主, 吴某: forms that name a person even without a speech
 * verb right after, so that a later 说 or a pronoun finds them; a family
 * (王姓人家) and a surname as a plain word (百姓) are no one. */
static void
test_descriptive_names (void)
{
  g_autoptr(Result) r = suggest_checked ("社工每周都去看望独居老人秦阿婆。“她们比我亲孙女还贴心。”秦阿婆拉着记者的手说。\n\n"
                                         "在老街开了二十年杂货铺的陈姓店主并不乐观。他说，游客大多只是路过，“拍完照就走了，很少进店买东西”。\n\n"
                                         "村里只有三户王姓人家，老百姓都认识他们。\n");

  g_assert_nonnull (find (r, "person", "秦阿婆"));
  assert_speaker (r, "她们比我亲孙女还贴心。", "秦阿婆");
  g_assert_nonnull (find (r, "person", "陈姓店主"));
  assert_speaker (r, "拍完照就走了，很少进店买东西", "陈姓店主");
  g_assert_null (find (r, "person", "王姓人家"));
  g_assert_null (find (r, "person", "王姓人"));
}

/* A transcript: after an interviewer's turn (记者：), each answer after a
 * name and a colon is a quote of that person, even one named only in the
 * label; 答： is the official interviewed. The questions are no quotes, and
 * without an interviewer a label and a colon (警方提醒：) are no answer. */
static void
test_interview_turns (void)
{
  g_autoptr(Result) r = suggest_checked ("本报记者日前专访了市交通运输局局长郑晓川。\n\n"
                                         "记者：今年假期游客比往年多了不少，接待能力跟得上吗？\n\n"
                                         "郑晓川：总体跟得上。我们新增了三个停车场，景区之间还开通了接驳公交。\n\n"
                                         "记者：民宿价格上涨的问题怎么看？\n\n"
                                         "邬慧敏：我是民宿协会的，我们已经倡议会员不随意涨价，大部分店家都做到了。\n");
  g_autoptr(Result) a = suggest_checked ("市交通局有关负责人就新的停车收费办法答记者问。\n\n"
                                         "问：为什么要调整停车收费？\n\n"
                                         "答：中心城区车位紧张，价格杠杆可以引导车辆错峰停放，提高车位周转率。\n");
  g_autoptr(Result) n = suggest_checked ("警方提醒：凡是要求下载会议软件、共享屏幕的，一律是诈骗。\n\n"
                                         "编辑：胡小路\n");

  assert_speaker (r, "总体跟得上。我们新增了三个停车场，景区之间还开通了接驳公交。", "市交通运输局局长郑晓川");
  assert_speaker (r, "我是民宿协会的，我们已经倡议会员不随意涨价，大部分店家都做到了。", "邬慧敏");
  g_assert_null (find (r, "quote", "今年假期游客比往年多了不少，接待能力跟得上吗？"));
  assert_speaker (a, "中心城区车位紧张，价格杠杆可以引导车辆错峰停放，提高车位周转率。", "市交通局有关负责人");
  g_assert_null (find (a, "quote", "为什么要调整停车收费？"));
  g_assert_null (find (n, "quote", "凡是要求下载会议软件、共享屏幕的，一律是诈骗。"));
}

/* A TV transcript: a sound bite (【同期声】, 【记者出镜】) before a label and a
 * colon is a quote of the one the label names (村民 欧阳翠：), the whole
 * label when no rule finds a name in it (护林员 老包：); the presenter's words after 【主持人 NAME】
 * are the presenter's; the narration (【解说】) is no one's, and a bracket
 * that is no sound bite (【编者按】) makes no turn. */
static void
test_tv_transcript (void)
{
  g_autoptr(Result) r = suggest_checked ("【主持人 葛晓棠】各位观众晚上好，今天我们关注山区的冬季供暖问题。\n\n"
                                         "【解说】入冬以来，岩脚村的气温降到了零下。\n\n"
                                         "【同期声】村民 欧阳翠：以前一到冬天就只能烧柴火，屋里全是烟。\n\n"
                                         "【同期声】护林员 老包：山上的管子我每个礼拜都要走一遍。\n\n"
                                         "【同期声】县住建局局长封志远：今年全县新装了两千多台空气能热水器。\n\n"
                                         "【记者出镜】记者 宁可欣：我身后这排房子，今年都通上了暖气。\n");
  g_autoptr(Result) n = suggest_checked ("【编者按】村民 欧阳翠：以前一到冬天就只能烧柴火，屋里全是烟。\n\n"
                                         "【解说】村民 欧阳翠：以前一到冬天就只能烧柴火，屋里也冷。\n");

  assert_speaker (r, "各位观众晚上好，今天我们关注山区的冬季供暖问题。", "主持人 葛晓棠");
  assert_speaker (r, "以前一到冬天就只能烧柴火，屋里全是烟。", "欧阳翠");
  assert_speaker (r, "山上的管子我每个礼拜都要走一遍。", "护林员 老包");
  assert_speaker (r, "今年全县新装了两千多台空气能热水器。", "县住建局局长封志远");
  assert_speaker (r, "我身后这排房子，今年都通上了暖气。", "宁可欣");
  g_assert_null (find (r, "quote", "入冬以来，岩脚村的气温降到了零下。"));
  g_assert_cmpuint (count_tag (n, "quote"), ==, 0);
}

/* A press conference's questions and answers: reporters asking under their
 * outlet (新华社记者：) make it a transcript; a paragraph between an answer
 * and the next question goes on with the answer, up to one that speaks of
 * the reporter (narration); after the last answer the report resumes. A
 * rare surname (郦) names its speaker. Outlet labels that do not end in 记者
 * (新华社：) ask nothing, so a report with them has no turns. */
static void
test_press_conference (void)
{
  g_autoptr(Result) r = suggest_checked ("市城管委副主任柴文博、市发改委副主任郦海涛出席发布会。\n\n"
                                         "新华社记者：今年的取暖费会上涨吗？\n\n"
                                         "郦海涛：请大家放心，今冬居民供暖价格保持不变。\n\n"
                                         "我还要补充一点，困难家庭的取暖费继续全额减免。\n\n"
                                         "北川电视台记者：老旧小区室温偏低怎么办？\n\n"
                                         "柴文博：今年我们改造了八十六个小区的管网。\n\n"
                                         "会后，记者走访了两个小区，居民都说暖气热了。\n\n"
                                         "中国新闻社记者：报修电话是多少？\n\n"
                                         "柴文博：市民可以拨打热力集团服务热线报修。\n\n"
                                         "发布会最后，柴文博回应了提前供暖的问题。\n");
  g_autoptr(Result) n = suggest_checked ("新华社：今年全国粮食总产量再创新高，达到一万三千亿斤以上。\n\n"
                                         "市政府决定延长供暖期，具体安排另行通知。\n\n"
                                         "柴文博：今年我们改造了八十六个小区的管网，居民满意。\n");

  assert_speaker (r, "请大家放心，今冬居民供暖价格保持不变。", "市发改委副主任郦海涛");
  assert_speaker (r, "我还要补充一点，困难家庭的取暖费继续全额减免。", "市发改委副主任郦海涛");
  assert_speaker (r, "今年我们改造了八十六个小区的管网。", "市城管委副主任柴文博");
  assert_speaker (r, "市民可以拨打热力集团服务热线报修。", "市城管委副主任柴文博");
  g_assert_null (find (r, "quote", "今年的取暖费会上涨吗？"));
  g_assert_null (find (r, "quote", "会后，记者走访了两个小区，居民都说暖气热了。"));
  g_assert_null (find (r, "quote", "发布会最后，柴文博回应了提前供暖的问题。"));
  g_assert_cmpuint (count_tag (n, "quote"), ==, 0);
}

/* A TV script whose cues are in round brackets: （同期）旅客 苗长根：… and
 * （记者现场）记者 聂云舒：… are sound bites, 主持人（蒲佳音）：… the
 * presenter's words, （解说）… narration. Round brackets around no cue
 * (（完）) make no turn. */
static void
test_tv_script_round_brackets (void)
{
  g_autoptr(Result) r = suggest_checked ("【导语】\n主持人（蒲佳音）：各位观众，晚上好。今天江岚县开通了高铁。\n\n"
                                         "（解说）清晨六点多，江岚站的候车大厅里就挤满了旅客。\n\n"
                                         "（同期）旅客 苗长根：以前去一趟省城，天不亮就要出门。\n\n"
                                         "（记者现场）记者 聂云舒：我现在就在开往省城的列车上。\n");
  g_autoptr(Result) n = suggest_checked ("（完）旅客 苗长根：以前去一趟省城，天不亮就要出门。\n\n"
                                         "（解说）旅客 苗长根：现在一个多小时就到了。\n");

  assert_speaker (r, "各位观众，晚上好。今天江岚县开通了高铁。", "蒲佳音");
  assert_speaker (r, "以前去一趟省城，天不亮就要出门。", "旅客 苗长根");
  assert_speaker (r, "我现在就在开往省城的列车上。", "聂云舒");
  g_assert_null (find (r, "quote", "清晨六点多，江岚站的候车大厅里就挤满了旅客。"));
  g_assert_cmpuint (count_tag (n, "quote"), ==, 0);
}

/* A Uyghur name in transliteration without a middle dot after a role
 * (前锋热合曼) is a person, so the pronoun after his quote is his, not the
 * coach's named before; and a paragraph ending in a colon after its subject, without a
 * speech verb (热合曼归功于夏天的苦练：), gives the quote paragraph after it
 * its speaker. Ordinary words of the same characters (合作社, 热合) are no
 * names, and an intro without a subject (以下为倡议书全文：) names no one. */
static void
test_transliterated_subject_and_colon_intro (void)
{
  g_autoptr(Result) r = suggest_checked ("新疆队前锋热合曼全场拿下31分。\n\n"
                                         "新疆队主教练宋海川说：“下半场我们把防守做好了。”\n\n"
                                         "谈到末节的爆发，热合曼显得很平静。“其实没什么特别的，”他说，“机会自然就来了。”\n\n"
                                         "对于自己的进步，热合曼归功于夏天的苦练：\n\n"
                                         "“整个休赛期我几乎没有休息，每天早上六点就到球馆。”\n");
  g_autoptr(Result) n = suggest_checked ("合作社今年的收成不错，热合成了大家的共识。\n\n"
                                         "以下为倡议书全文：\n\n"
                                         "“节约用水，从我做起，从身边的小事做起。”\n");

  assert_speaker (r, "其实没什么特别的，", "热合曼");
  assert_speaker (r, "机会自然就来了。", "热合曼");
  assert_speaker (r, "整个休赛期我几乎没有休息，每天早上六点就到球馆。", "热合曼");
  g_assert_null (find (n, "person", "合作社"));
  g_assert_cmpuint (count_tag (n, "person"), ==, 0);
  if (find (n, "quote", "节约用水，从我做起，从身边的小事做起。") != NULL)
    assert_speaker (n, "节约用水，从我做起，从身边的小事做起。", NULL);
}

/* Staff roles before a name (协会干事, 社工, 讲解员, 修复师): the name is
 * a person, and the speaker of the partial quote in her sentence, in
 * simplified and traditional characters. 干事 as a verb (他干事认真) names
 * no one. */
static void
test_staff_roles (void)
{
  g_autoptr(Result) r = suggest_checked ("社区组织协会干事邝晓桐表示，8平方米的标准“只是一张双层床那么大”。\n\n"
                                         "社區組織協會幹事鄺曉桐表示，8平方米的標準「只係一張雙層床咁大」。\n");
  g_autoptr(Result) n = suggest_checked ("他干事认真负责，从不拖拉，大家都很信任他。\n");

  assert_speaker (r, "只是一张双层床那么大", "邝晓桐");
  assert_speaker (r, "只係一張雙層床咁大", "鄺曉桐");
  g_assert_cmpuint (count_tag (n, "person"), ==, 0);
}

/* A transliterated name with a middle dot ends where its characters of
 * transliteration end (卡尔文·布鲁克斯突破上篮, 彼得罗维奇通过翻译), or
 * where one of them opens a word of the sentence (杰伦·斯科特连续命中), so its
 * last part (布鲁克斯) names the player later and his quotes are his; a
 * part in other characters (买买提江) still runs to the verb. */
static void
test_dotted_name_ends (void)
{
  g_autoptr(Result) r = suggest_checked ("海港队外援卡尔文·布鲁克斯突破上篮得手，将比赛拖入加时。\n\n"
                                         "“这是我来中国以后打得最艰难的一场比赛。”布鲁克斯在混合采访区说。\n\n"
                                         "海港队主教练、塞尔维亚人米洛什·彼得罗维奇通过翻译表示：“我们赢得并不轻松。”\n\n"
                                         "今天上午，阿依古丽·买买提江说：“家乡的杏子熟了。”\n\n"
                                         "客队外援杰伦·斯科特连续命中三分。斯科特本场得到27分。他说：“手感一直都在。”\n");

  g_assert_nonnull (find (r, "person", "卡尔文·布鲁克斯"));
  g_assert_nonnull (find (r, "person", "杰伦·斯科特"));
  assert_speaker (r, "手感一直都在。", "杰伦·斯科特");
  assert_speaker (r, "这是我来中国以后打得最艰难的一场比赛。", "卡尔文·布鲁克斯");
  assert_speaker (r, "我们赢得并不轻松。", "米洛什·彼得罗维奇");
  assert_speaker (r, "家乡的杏子熟了。", "阿依古丽·买买提江");
}

/* A quote alone in its paragraph after a paragraph about one person is
 * hers, even when a relative hangs on her pronoun (她的丈夫); a relative
 * named in full is a second person, and then no one is the speaker. */
static void
test_narrative_subject_with_relative (void)
{
  g_autoptr(Result) r = suggest_checked ("村民余桂兰就是其中一员。她的丈夫常年在外务工，两个孩子都在镇上读小学。\n\n"
                                         "“在家门口上班，还能接送孩子，以前想都不敢想。”\n");
  g_autoptr(Result) n = suggest_checked ("村民余桂兰就是其中一员。丈夫李建国常年在外务工，两个孩子都在镇上读小学。\n\n"
                                         "“在家门口上班，还能接送孩子，以前想都不敢想。”\n");

  assert_speaker (r, "在家门口上班，还能接送孩子，以前想都不敢想。", "余桂兰");
  assert_speaker (n, "在家门口上班，还能接送孩子，以前想都不敢想。", NULL);
}

/* Unnamed speakers described by their shop or institute: 一家…的店长,
 * 一家面馆的老板, and an organization right before 一位 (中国信息通信研究院
 * 一位研究员) is part of who they are, when it opens the clause (not
 * 专家表示研究院一位研究员); a name after the role is the speaker (老板张明). */
static void
test_unnamed_shop_and_institute (void)
{
  g_autoptr(Result) r = suggest_checked ("一家连锁美容店的店长告诉记者，会员卡大多在三千元以上，“存管是好事，就怕手续太麻烦。”\n\n"
                                         "中国信息通信研究院一位研究员指出，正规回收率不足5%，“大量旧手机躺在抽屉里，这是浪费。”\n\n"
                                         "一家面馆的老板张明说：“一瓶120块，比正规站点便宜十块。”\n");
  g_autoptr(Result) n = suggest_checked ("专家表示研究院一位研究员指出，正规回收率不足5%，“大量旧手机躺在抽屉里，这是浪费。”\n");

  assert_speaker (r, "存管是好事，就怕手续太麻烦。", "一家连锁美容店的店长");
  assert_speaker (r, "大量旧手机躺在抽屉里，这是浪费。", "中国信息通信研究院一位研究员");
  assert_speaker (r, "一瓶120块，比正规站点便宜十块。", "张明");
  g_assert_null (find (r, "person", "一家面馆的老板张明"));
  g_assert_null (find (n, "person", "专家表示研究院一位研究员"));
}

/* 回复/回覆 (replying to an inquiry) attributes speech: an office's
 * spokesperson who 回覆查詢時表示 speaks the partial quote after it, in
 * simplified and traditional characters; a notice asking for a reply
 * makes no speaker. */
static void
test_reply_attributes (void)
{
  g_autoptr(Result) r = suggest_checked ("运输署发言人回复查询时表示，署方「明白业界面对的人手挑战」。\n\n"
                                         "房屋局發言人回覆本報查詢時稱，當局將推出平台，「整個流程預計約需兩至三星期」。\n");
  g_autoptr(Result) n = suggest_checked ("报名者请于三日内回复，逾期视为自动放弃。\n");

  assert_speaker (r, "明白业界面对的人手挑战", "运输署发言人");
  assert_speaker (r, "整個流程預計約需兩至三星期", "房屋局發言人");
  g_assert_cmpuint (count_tag (n, "person") + count_tag (n, "official") + count_tag (n, "quote"), ==, 0);
}

/* A listed company by its short name speaking in its announcement or
 * report (禾盛电气在公告中表示, 恆暖科技在年報中稱) is an organization and
 * the quote's speaker; not a pronoun (他们在报告中表示), nor a name before a
 * verb that is no speech (…在公告中看到). */
static void
test_short_name_statement (void)
{
  g_autoptr(Result) r = suggest_checked ("对于业绩增长的原因，禾盛电气在公告中表示：“报告期内，公司海外市场开拓成效显著。”\n\n"
                                         "恆暖科技在年報中稱，「歐洲市場需求回暖，熱泵出貨量大幅增長」。\n");
  g_autoptr(Result) n = suggest_checked ("记者注意到，他们在报告中表示：“明年还要扩产。”\n\n"
                                         "不少股民在公告中看到，“公司将暂停分红”。\n");

  assert_speaker (r, "报告期内，公司海外市场开拓成效显著。", "禾盛电气");
  assert_speaker (r, "歐洲市場需求回暖，熱泵出貨量大幅增長", "恆暖科技");
  g_assert_cmpuint (count_tag (n, "organization"), ==, 0);
}

/* A speaker named after the quote: the speech verb further on in the
 * sentence (”十月一日，在病房里，刚出院的侯先生感慨地说), a verb that opens
 * a clause of its own (”说起这件事，…) and the one named after such a
 * topic clause, not in it (”说起骨科医生蔺国平，村民莫金旺…), however long
 * the clause (”回想起今年3月的遭遇，家住…的刘女士), a subject
 * right after a quote that opens its paragraph; a group (他们) is no one. */
static void
test_named_after (void)
{
  g_autoptr(Result) r = suggest_checked ("本报讯（记者 孔令文）“再晚一点送来，腿就保不住了。”10月3日，在市中心医院骨科病房，刚刚出院的62岁市民侯先生感慨地说。\n\n"
                                         "老街的杂货铺开了三十年，店主龚秀兰说，这条路她盼了十几年。\n\n"
                                         "“以后想什么时候进货就什么时候进货，再也不用求人了。”说起新修的路，龚秀兰笑得合不拢嘴。\n\n"
                                         "“早上五点就得起床，晚上十点才能收摊，一年到头没有休息。”菜场店主倪红梅早就习惯了。\n\n"
                                         "“我们只是按规定办事，没有针对任何人。”他们在接受采访时说。\n\n"
                                         "“我这条腿是他保住的。”说起骨科医生蔺国平，村民莫金旺的声音有些哽咽。\n\n"
                                         "“群里的人说，点个赞就能返佣金，保证当天到账。”回想起今年3月的遭遇，家住南宁市青秀区的刘女士仍心有余悸。\n");

  assert_speaker (r, "我这条腿是他保住的。", "莫金旺");
  assert_speaker (r, "群里的人说，点个赞就能返佣金，保证当天到账。", "刘女士");
  assert_speaker (r, "再晚一点送来，腿就保不住了。", "侯先生");
  assert_speaker (r, "以后想什么时候进货就什么时候进货，再也不用求人了。", "龚秀兰");
  assert_speaker (r, "早上五点就得起床，晚上十点才能收摊，一年到头没有休息。", "倪红梅");
  assert_speaker (r, "我们只是按规定办事，没有针对任何人。", NULL);
}

/* Pronouns: 他 before an adverbial and the verb (”他在接受采访时说), and
 * 她 passing over a man named nearer (陈先生) for a woman (吴女士). */
static void
test_pronouns (void)
{
  g_autoptr(Result) r = suggest_checked ("水产公司总经理邓建华去年把工厂搬到了园区。“搬过来以后，物流成本降了一成，订单也多了。”他在接受采访时说。\n\n"
                                         "吴女士告诉记者，她在菜场卖了十年鱼。一旁的陈先生说，最近买鱼的人少了。“现在生意不好做，鱼价一天一个样。”她说。\n\n"
                                         "“人手还是不够，周末忙不过来。”他说。\n");

  assert_speaker (r, "搬过来以后，物流成本降了一成，订单也多了。", "邓建华");
  assert_speaker (r, "现在生意不好做，鱼价一天一个样。", "吴女士");
  assert_speaker (r, "人手还是不够，周末忙不过来。", "陈先生");
}

/* An English quote in a Chinese sentence is speech when the Chinese
 * attribution says so; an English title in marks is not. */
static void
test_english_in_chinese (void)
{
  g_autoptr(Result) r = suggest_checked ("“Quality is our only passport, and we cannot lose it.”总经理邓建华在发布会上说。\n\n"
                                         "电影“Green Book”本周在市图书馆放映。\n");

  assert_speaker (r, "Quality is our only passport, and we cannot lose it.", "邓建华");
  g_assert_null (find (r, "quote", "Green Book"));
}

/* 老孟，…。“…” : 老 or 小 and a surname set off by a comma is the
 * sentence's subject, and the quote after that sentence is theirs; 老师
 * and 小白菜 are no one. */
static void
test_familiar_subject (void)
{
  g_autoptr(Result) r = suggest_checked ("住在二楼的老孟，起初是反对最坚决的。“楼道本来就窄，再装个电梯，搬家具都进不来。”\n\n"
                                         "学校的老师，每天都来菜场买小白菜，价格涨了不少。\n");

  assert_speaker (r, "楼道本来就窄，再装个电梯，搬家具都进不来。", "老孟");
  g_assert_null (find (r, "person", "老师"));
  g_assert_null (find (r, "person", "小白"));
}

/* 郑小姐 and 彭太太 glued to the word before them (家庭主妇郑小姐) are
 * persons; 抱怨 introduces speech. */
static void
test_courtesy_names (void)
{
  g_autoptr(Result) r = suggest_checked ("菜贩彭太太一边码菜一边抱怨，今年的批发价又涨了，“进货贵了三成，零售价却不敢涨”。\n\n"
                                         "家庭主妇郑小姐则说，最近只买冻菜，“一家人一顿青菜就要八十多块，真的吃不起”。\n");

  assert_speaker (r, "进货贵了三成，零售价却不敢涨", "彭太太");
  assert_speaker (r, "一家人一顿青菜就要八十多块，真的吃不起", "郑小姐");
}

/* 护士和心理辅导员: two roles joined by 和, not a person named 和心理. */
static void
test_and_is_no_surname (void)
{
  g_autoptr(Result) r = suggest_checked ("社区副主任葛丽华告诉记者，服务站配备了护士和心理辅导员，每天开放八小时。“很多老人白天一个人在家，来这里有人说说话。”\n");

  g_assert_null (find (r, "person", "和心理"));
  assert_speaker (r, "很多老人白天一个人在家，来这里有人说说话。", "社区副主任葛丽华");
}

/* Unnamed speakers with who employs them (自来水公司的一名工作人员,
 * 一家连锁超市负责人则对记者坦言); a place before 的 is no employer. */
static void
test_unnamed_with_organization (void)
{
  g_autoptr(Result) r = suggest_checked ("自来水公司的一名工作人员告诉记者，“老管网埋得深，换一段要挖开整条路”。\n\n"
                                         "小区门口的一名工作人员说，“晚上八点以后就不让外来车辆进了”。\n\n"
                                         "一家连锁超市负责人则对记者坦言：“蔬菜损耗太大，卖得越多亏得越多。”\n");

  assert_speaker (r, "老管网埋得深，换一段要挖开整条路", "自来水公司的一名工作人员");
  assert_speaker (r, "晚上八点以后就不让外来车辆进了", "一名工作人员");
  assert_speaker (r, "蔬菜损耗太大，卖得越多亏得越多。", "连锁超市负责人");
}

/* 首席投资官 is an office, so the chain 首席投资官、副总经理 is one title. */
static void
test_chief_officer_chain (void)
{
  g_autoptr(Result) r = suggest_checked ("海川证券首席投资官、副总经理罗景明表示，“明年市场的波动不会比今年小”。\n");

  assert_speaker (r, "明年市场的波动不会比今年小", "罗景明");
}

/* A colon after a clause without speech verb whose subject is a pronoun
 * (她给记者发来一条短信：) names the pronoun's antecedent; 他们 is a
 * group. */
static void
test_pronoun_colon (void)
{
  g_autoptr(Result) r = suggest_checked ("村民蒋德明种了二十年白菜。收完最后一茬菜那天，他给记者发来一条短信：“今年总算没白忙，谢谢你们。”\n\n"
                                         "几位菜农商量了一晚上，第二天他们给记者发来一份说明：“我们愿意按市场价供应，不再压价。”\n");

  assert_speaker (r, "今年总算没白忙，谢谢你们。", "蒋德明");
  {
    GlossSuggestion *q = find (r, "quote", "我们愿意按市场价供应，不再压价。");
    g_autofree char *s = q != NULL ? speaker_of (r, q) : NULL;
    g_assert_null (s);
  }
}

/* A headline's colon introduces a slogan, not speech, unless a role noun
 * stands before it (村民：“…”). */
static void
test_headline_slogan (void)
{
  g_autoptr(Result) slogan = suggest_checked ("桥头村迎来丰收季：“果子不愁卖，日子有奔头”\n\n本报讯 今年桥头村的柑橘喜获丰收。\n");
  g_autoptr(Result) said = suggest_checked ("山路修到家门口 村民：“路修好了，出门再也不愁了”\n\n本报讯 今年村里修通了公路。\n");

  g_assert_null (find (slogan, "quote", "果子不愁卖，日子有奔头"));
  g_assert_nonnull (find (said, "quote", "路修好了，出门再也不愁了"));
}

/* A partial quote that lists phrases (政府出一点、企业让一点、个人担一点)
 * is speech; a list of short terms (稳面积、提单产) is a slogan. */
static void
test_partial_list (void)
{
  g_autoptr(Result) r = suggest_checked ("对于养老食堂，区民政局局长唐海燕认为，关键在于“政府出一点、企业让一点、个人担一点”。\n\n"
                                         "农业农村局局长严志刚表示，今年要做到“稳面积、提单产”。\n");

  assert_speaker (r, "政府出一点、企业让一点、个人担一点", "区民政局局长唐海燕");
  g_assert_null (find (r, "quote", "稳面积、提单产"));
}

/* 在她看来，…“…” : 看来 attributes what follows, like a speech verb. */
static void
test_in_her_view (void)
{
  g_autoptr(Result) r = suggest_checked ("“吃饭是小事，也是大事。”社区书记杨秀梅说。在她看来，助餐点要办得长久，关键在于“街道出场地、企业出厨师、老人出饭钱”。\n");

  assert_speaker (r, "街道出场地、企业出厨师、老人出饭钱", "社区书记杨秀梅");
}

/* 正, 强 and 以 are no one-character given name and open 正在, 强调 and
 * 以…罪, but stand in a two-character one (谢正平 黄志强 程以铭); 方某以 is
 * 方某 and a preposition. */
static void
test_given_in_two (void)
{
  g_autoptr(Result) r = suggest_checked ("“居民取暖用电一度都不能少。”能源局官员谢正平说。\n\n"
                                         "“今年的工期一天都不能拖。”工程师黄志强表示。\n\n"
                                         "“价格不会再涨了。”老板王正在店里说。\n\n"
                                         "“安全永远是第一位的。”工人李强调说。\n\n"
                                         "“报价已经跌破现金成本。”首席分析师程以铭对记者表示。\n\n"
                                         "被告人方某以高空抛物罪被判处有期徒刑。\n");

  assert_speaker (r, "居民取暖用电一度都不能少。", "谢正平");
  assert_speaker (r, "今年的工期一天都不能拖。", "黄志强");
  g_assert_null (find (r, "person", "王正在"));
  g_assert_null (find (r, "person", "李强调"));
  assert_speaker (r, "报价已经跌破现金成本。", "程以铭");
  g_assert_null (find (r, "person", "方某以"));
}

/* 一 and a measure word after a name start its action (母亲周敏一把抱住了
 * 女儿, 刘建一下子站了起来; 陳靜一邊擦眼淚): no 周敏一; 一 may still end a
 * given name (王守一说). */
static void
test_one_and_measure (void)
{
  g_autoptr(Result) r = suggest_text ("放榜\n\n"
                                      "在走廊里等消息的母亲周敏一把抱住了女儿。“她爸在外地跑运输，刚才视频里哭得比她还厉害。”周敏说。\n\n"
                                      "“这是我教过最用功的一届。”老师王守一说。\n\n"
                                      "在門口等候的母親陳靜一邊擦眼淚，一邊對記者說：「孩子這三年太辛苦了。」\n");

  assert_well_formed (r);
  g_assert_null (find (r, "person", "周敏一"));
  g_assert_nonnull (find (r, "person", "周敏"));
  assert_speaker (r, "这是我教过最用功的一届。", "王守一");
  /* the traditional form of a measure in the lexicon (边, 邊) */
  g_assert_null (find (r, "person", "陳靜一"));
  assert_speaker (r, "孩子這三年太辛苦了。", "陳靜");
}

/* A surname and 某 before an action (被告人潘某低头说出这句话时) is a name,
 * whose words the quote before were; 某 inside a given name (赵某平) is
 * not cut short. */
static void
test_mou_before_action (void)
{
  g_autoptr(Result) r = suggest_text ("认罪\n\n"
                                      "“我对起诉书指控的事实没有异议，愿意认罪认罚。”11月14日上午，江州市滨湖区人民法院第三法庭，被告人潘某低头说出这句话时，旁听席上不少老人交换了一下眼神。\n\n"
                                      "被告人赵某平当庭表示：“我认罪。”\n");

  assert_well_formed (r);
  assert_speaker (r, "我对起诉书指控的事实没有异议，愿意认罪认罚。", "潘某");
  assert_speaker (r, "我认罪。", "赵某平");
}

/* Role nouns of sport, medicine and work before a name (后卫裴子昂
 * 主治医师叶文涛 社员晏秋菊), 外交官 and 同事 as unnamed speakers, 有网友 as
 * a quantifier; a bare 外交官说 stays a group. */
static void
test_more_roles (void)
{
  g_autoptr(Result) r = suggest_checked ("“那两个球是我的问题。”控球后卫裴子昂说。\n\n"
                                         "“每快一分钟，心肌就多保住一点。”主治医师叶文涛表示。\n\n"
                                         "一位参与磋商的欧洲外交官对记者坦言：“我们内部分歧很大，很难拿出新数字。”\n\n"
                                         "有网友留言：“菜价这么贵，干脆不要吃了。”\n\n"
                                         "外交官表示，谈判还会继续。\n");

  assert_speaker (r, "那两个球是我的问题。", "裴子昂");
  assert_speaker (r, "每快一分钟，心肌就多保住一点。", "叶文涛");
  assert_speaker (r, "我们内部分歧很大，很难拿出新数字。", "一位参与磋商的欧洲外交官");
  assert_speaker (r, "菜价这么贵，干脆不要吃了。", "有网友");
  g_assert_null (find (r, "person", "外交官"));
}

/* Cantonese 話 and 講 say, and 佢 is a pronoun; 電話 is a telephone. */
static void
test_cantonese_say (void)
{
  g_autoptr(Result) r = suggest_checked ("油尖旺區議員黃志明表示，已約見官員。佢講：「政府要幫街市轉型，唔係淨係加租。」\n\n"
                                         "住在附近的何小姐話：「乾淨咗，冷氣都夠，不過貴咗少少。」\n\n"
                                         "陳太昨日收到一個電話：「你好，我係銀行職員，你張卡有問題。」\n");

  assert_speaker (r, "政府要幫街市轉型，唔係淨係加租。", "油尖旺區議員黃志明");
  assert_speaker (r, "乾淨咗，冷氣都夠，不過貴咗少少。", "何小姐");
  {
    GlossSuggestion *q = find (r, "quote", "你好，我係銀行職員，你張卡有問題。");
    g_autofree char *s = q != NULL ? speaker_of (r, q) : NULL;
    g_assert_null (s);
  }
}

/* A pronoun names the subject of the sentence its nearest antecedent
 * stands in (谢正平援引专家罗振华的测算指出…。他强调 is 谢正平), not a
 * possessor before it (王明的同事张伟…。他说 is 张伟). */
static void
test_pronoun_subject (void)
{
  g_autoptr(Result) r = suggest_checked ("国家能源局副局长谢正平在会上作了介绍。谢正平援引中国电力企业联合会专家罗振华的测算指出，寒潮来时负荷可能再创新高。"
                                         "他强调：“保民生用电是底线，居民取暖用电一度都不能少。”\n\n"
                                         "王明的同事张伟在会上第一个发言。他说：“这个方案我们讨论了整整三个月。”\n\n"
                                         "物理老师林晓燕带着学生邓子涵去省城参加比赛。在决赛现场，机器人一度卡住。她后来回忆：“那一刻我的手心全是汗。”\n");

  assert_speaker (r, "保民生用电是底线，居民取暖用电一度都不能少。", "国家能源局副局长谢正平");
  assert_speaker (r, "这个方案我们讨论了整整三个月。", "张伟");
  assert_speaker (r, "那一刻我的手心全是汗。", "林晓燕");
}

/* X：“…。”Y则透露: the colon introduced a whole sentence, the verb after
 * it opens the next; without a colon (X跑向看台，“…。”Y说) the one after
 * the quote is still its speaker. */
static void
test_colon_sentence_before_next (void)
{
  g_autoptr(Result) r = suggest_checked ("替补登场的前锋柯一鸣打进两球。柯一鸣在混合采访区显得很平静：“我只是做了前锋该做的事，功劳是大家的。”"
                                         "门将程晓东则在赛后透露，中场休息时更衣室里气氛很紧张。\n\n"
                                         "终场哨响，柯一鸣跑向看台，“这场胜利属于一直支持我们的球迷。”门将程晓东说。\n");

  assert_speaker (r, "我只是做了前锋该做的事，功劳是大家的。", "柯一鸣");
  assert_speaker (r, "这场胜利属于一直支持我们的球迷。", "程晓东");
}

/* 老王 and 小林 are the persons of that surname named last before them
 * (店主王德顺…街坊都叫他老王); not 小程序, and not a surname nobody has. */
static void
test_familiar_of_full_name (void)
{
  g_autoptr(Result) r = suggest_checked ("豆腐店店主王德顺说，他在这里卖了二十年豆腐，街坊们都叫他老王。\n\n"
                                         "“豆子一定要提前泡足八个小时。”老王一边往锅里加卤水一边说。\n\n"
                                         "物理老师林晓燕说，学生们都叫她小林。\n\n"
                                         "“刚开始连零件都买不起。”小林一边调试一边说。\n\n"
                                         "记者程明表示，市民可以在小程序上预约。“小张一边开车一边打电话。”\n");

  assert_speaker (r, "豆子一定要提前泡足八个小时。", "王德顺");
  assert_speaker (r, "刚开始连零件都买不起。", "林晓燕");
  g_assert_null (find (r, "person", "小程"));
  g_assert_null (find (r, "person", "小张"));
}

/* Kin before a name (邓子涵的父亲邓大军坦言) as a role; 高兴地 after one is
 * an adverbial, no name (地 is no given name). */
static void
test_kin_roles (void)
{
  g_autoptr(Result) r = suggest_checked ("邓子涵的父亲邓大军坦言，他担心耽误学习，“现在看，孩子成绩反而上去了”。\n\n"
                                         "拿到通知书，她的女儿高兴地说：“我终于可以上大学了！”\n");

  assert_speaker (r, "现在看，孩子成绩反而上去了", "邓大军");
  g_assert_null (find (r, "person", "高兴地"));
}

/* 这位…工程师说, 这位19岁的小将赛后告诉记者, 該官員又指: a determiner
 * and a description as the attribution's subject name the one named
 * before (the subject of that sentence), not a name read into the
 * description (工程师 is no 程师); a person named before the determiner
 * is the subject (王建国对这位老人说). */
static void
test_described_subject (void)
{
  g_autoptr(Result) r = suggest_checked ("工程师岑雨桐今年29岁。这位从德国留学回来的工程师说：“机器人干的是重复的活，人要做的是让它们干得更好。”\n\n"
                                         "队长闵雪今年只有19岁。这位19岁的小将赛后告诉记者，上场前腿一直在抖，“但是球一到手里就忘了紧张”。\n\n"
                                         "勞工及福利局一位不願具名的官員透露，政府會在年底前公布結果。該官員又指：「我哋會平衡各方意見，唔會一面倒。」\n\n"
                                         "社区医生王建国说，老人恢复得不错。王建国对这位老人说：“您的血压已经降下来了，可以回家了。”\n");

  assert_speaker (r, "机器人干的是重复的活，人要做的是让它们干得更好。", "岑雨桐");
  g_assert_null (find (r, "person", "程师"));
  assert_speaker (r, "但是球一到手里就忘了紧张", "闵雪");
  assert_speaker (r, "我哋會平衡各方意見，唔會一面倒。", "一位不願具名的官員");
  assert_speaker (r, "您的血压已经降下来了，可以回家了。", "王建国");
}

/* No name starts inside the word before it: 鲁奶奶边吃边说 is 鲁奶奶's
 * speech (边吃边 is no name); a name after a role noun the lexicon lacks
 * (护林员张德福) or after …人 (老水利人周德顺看来) still is one. */
static void
test_name_not_inside_word (void)
{
  g_autoptr(Result) r = suggest_checked ("“现在有人做饭，还能跟老姐妹聊聊天。”83岁的鲁奶奶边吃边说。\n\n"
                                         "护林员张德福说：“山火最怕的是大意，一点火星都不能留。”\n\n"
                                         "在老水利人周德顺看来，设备再先进也离不开人，“仪器会报警，但判断还得靠经验”。\n");

  assert_speaker (r, "现在有人做饭，还能跟老姐妹聊聊天。", "鲁奶奶");
  g_assert_null (find (r, "person", "边吃边"));
  assert_speaker (r, "山火最怕的是大意，一点火星都不能留。", "张德福");
  assert_speaker (r, "仪器会报警，但判断还得靠经验", "周德顺");
}

/* Cantonese 佢 is he or she: the nearest person of either sex. */
static void
test_cantonese_pronoun_either_sex (void)
{
  g_autoptr(Result) r = suggest_checked ("區議員黃志強表示，已約見官員反映檔主的困難。\n\n"
                                         "賣豬肉的檔主李女士表示，租金加完之後每個月要多交錢。佢話：「賺嘅錢都唔夠交租，真係頂唔順。」\n\n"
                                         "他補充說：「政府要幫街市轉型，唔係淨係加租。」\n");

  assert_speaker (r, "賺嘅錢都唔夠交租，真係頂唔順。", "李女士");
  /* 他 still skips a woman */
  assert_speaker (r, "政府要幫街市轉型，唔係淨係加租。", "區議員黃志強");
}

/* Offices and unnamed speakers the lexicon lacked: 总干事 holds an office,
 * a 公诉人 speaks without a name, 一位…经理 is one person; an adverbial
 * of up to four ideographs may stand between them and the verb (当庭指出),
 * not one with 的 in it. */
static void
test_more_unnamed_speakers (void)
{
  g_autoptr(Result) r = suggest_checked ("職工盟總幹事霍振華昨日會見傳媒時直言：「現時的水平根本追唔上通脹。」\n\n"
                                         "公诉人当庭指出：“银行流水显示，钱一到账就被转走用于赌博。”\n\n"
                                         "一位私募基金经理则直言，“券商的日子好不好，最终还是看市场脸色”。\n\n"
                                         "公诉人的起诉书指出，被告人曾多次转账。\n");

  assert_speaker (r, "現時的水平根本追唔上通脹。", "職工盟總幹事霍振華");
  assert_speaker (r, "银行流水显示，钱一到账就被转走用于赌博。", "公诉人");
  assert_speaker (r, "券商的日子好不好，最终还是看市场脸色", "一位私募基金经理");
  /* 的 ends the adverbial: the indictment speaks, not the prosecutor */
  g_assert_null (find (r, "official", "公诉人的起诉书"));
  g_assert_cmpuint (count_tag (r, "official"), ==, 2);
}

/* Speakers known by whose relative or colleague they are (患者的女儿…她说,
 * 她的同事笑着说, 贺长春的老伴儿在一旁插话：): one person, not the
 * possessor; not when a name follows the relation or in a list (叶文涛的
 * 同事、医师巫晓琳介绍), nor a group (公司的员工表示). */
static void
test_related_speakers (void)
{
  g_autoptr(Result) r = suggest_checked ("医师巫晓琳表示，患者送来时情况危急。患者的女儿守在门外，眼睛通红。她说，父亲平时身体很好，“一点征兆都没有，吓死我们了”。\n\n"
                                         "护士巫晓琳第一次值大夜班。她的同事笑着说：“她今天比我们还紧张。”\n\n"
                                         "村医贺长春说，他每周都要上山巡诊。贺长春的老伴儿在一旁插话：“他这个人，下雨天也要上山，劝都劝不住。”\n\n"
                                         "叶文涛的同事、心内科医师巫晓琳介绍，“每快一分钟，病人的心肌就多保住一点。”\n\n"
                                         "公司的员工表示：“我们只想拿回自己的血汗钱。”\n");

  assert_speaker (r, "一点征兆都没有，吓死我们了", "患者的女儿");
  assert_speaker (r, "她今天比我们还紧张。", "她的同事");
  assert_speaker (r, "他这个人，下雨天也要上山，劝都劝不住。", "贺长春的老伴儿");
  assert_speaker (r, "每快一分钟，病人的心肌就多保住一点。", "巫晓琳");
  g_assert_null (find (r, "person", "叶文涛的同事"));
  assert_speaker (r, "我们只想拿回自己的血汗钱。", NULL);
}

/* Adverbials in a row between a bare name and its verb (杜秀兰随后对记者说),
 * in traditional script too (翁姐對記者說); a name followed by some other
 * verb (杜明随后离开了) is none. */
static void
test_adverbials_in_a_row (void)
{
  g_autoptr(Result) r = suggest_checked ("业委会前后开了三次会。杜秀兰随后对记者说：“规矩是大家定的，不满意可以再商量。”\n\n"
                                         "在觀塘做了十年清潔工的翁姐對記者說：「一個鐘頭四十幾蚊，食個飯都唔夠。」\n\n"
                                         "杜明随后离开了会场，“车位再多也不够，关键是要有规矩。”\n");

  assert_speaker (r, "规矩是大家定的，不满意可以再商量。", "杜秀兰");
  assert_speaker (r, "一個鐘頭四十幾蚊，食個飯都唔夠。", "翁姐");
  g_assert_null (find (r, "person", "杜明"));
}

/* Names with nothing beside them: a bare name opening its sentence before
 * a short clause and a colon (马骏却不太满意：“), 阿芬 after a role, 裴老师
 * as 李女士 is; not 陳太 receiving a call (the clause is no short one), not
 * 阿姨 nor a bare 老师. */
static void
test_bare_names (void)
{
  g_autoptr(Result) r = suggest_checked ("居民杜秀兰和马骏在楼下碰到记者。杜秀兰说：“现在排了表，谁也不吃亏。”马骏却不太满意：“我下班晚，回来经常没位置。”\n\n"
                                         "清潔工翁姐表示，工資太低。她的同事阿芬在旁邊附和：「我哋唔係要好多，只係想生活得好啲。」\n\n"
                                         "我的导师裴老师常说：“冰川不会骗人。”\n\n"
                                         "陳太昨日收到一個陌生電話：「你好，我係銀行職員，你張卡有問題。」\n\n"
                                         "阿姨说，菜价涨了。他的老师说，考试推迟了。\n");

  assert_speaker (r, "我下班晚，回来经常没位置。", "马骏");
  assert_speaker (r, "我哋唔係要好多，只係想生活得好啲。", "阿芬");
  assert_speaker (r, "冰川不会骗人。", "裴老师");
  assert_speaker (r, "你好，我係銀行職員，你張卡有問題。", NULL);
  g_assert_null (find (r, "person", "阿姨"));
  g_assert_null (find (r, "person", "老师"));
  g_assert_null (find (r, "person", "的老师"));
}

/* Persons introduced without a verb: …的梁伯 (a description, 的, a surname
 * and a kinship word), 潘一诺是…的馆员 (a name opening its sentence, 是
 * and a role ending the clause), then named by a pronoun; not 周末是最忙的
 * 时候 nor 黄金是一种避险资产. */
static void
test_introduced_names (void)
{
  g_autoptr(Result) r = suggest_checked ("區議員黃志強表示，已約見官員。在紅磡街市賣菜四十年的梁伯今年72歲。他指着空蕩蕩的走廊話：「以前呢度行都行唔到，而家一日得幾個客。」\n\n"
                                         "馆长施雨晴说，馆里的年轻人越来越多。潘一诺是我们阅读推广部的馆员，她拍的短视频有几十万粉丝。她常说：“书不会自己走到读者面前。”\n\n"
                                         "周末是最忙的时候，黄金是一种避险资产。\n");

  assert_speaker (r, "以前呢度行都行唔到，而家一日得幾個客。", "梁伯");
  assert_speaker (r, "书不会自己走到读者面前。", "潘一诺");
  g_assert_null (find (r, "person", "周末"));
  g_assert_null (find (r, "person", "黄金"));
}

/* A name after 叫 that ends its clause (博士生叫邝宁，) is a person, so the
 * pronoun after it (她跟我说：“…”) is not the one answering; 叫好 names
 * no one. */
static void
test_named_inside_answer (void)
{
  g_autoptr(Result) r = suggest_checked ("本报记者 蒲青\n\n"
                                         "记者：野外工作条件很艰苦吧？\n\n"
                                         "屈晓峰：苦是苦，但习惯了。我们组里有个新来的博士生叫邝宁，第一次上冰川就高原反应，吐了一路。下山以后她跟我说：“老师，我明年还来。”\n\n"
                                         "记者：大家怎么看？\n\n"
                                         "屈晓峰：观众都拍手叫好，我也很高兴。\n");

  assert_speaker (r, "老师，我明年还来。", "邝宁");
  g_assert_null (find (r, "person", "好"));
}

/* A paragraph that is nothing but a quote, after a paragraph that tells of
 * one person without quoting them, gives that person's words; after a
 * paragraph naming two people, or after a byline, it names no one. */
static void
test_narrative_subject (void)
{
  g_autoptr(Result) r = suggest_checked ("本报记者 詹小雨\n\n"
                                         "“这里以前连条像样的路都没有，下雨天根本出不了门。”\n\n"
                                         "种粮大户葛宝山正忙着指挥收割机作业。他家今年种了1300亩小麦。\n\n"
                                         "“去年收麦时下了一场雨，损失了不少，今年心里有底。”\n\n"
                                         "村民卢秀梅和丈夫邹德明沿着河岸捡拾垃圾。\n\n"
                                         "“那时候河面上漂着塑料袋，谁都不愿意走这边，现在好多了。”\n");

  assert_speaker (r, "去年收麦时下了一场雨，损失了不少，今年心里有底。", "葛宝山");
  assert_speaker (r, "那时候河面上漂着塑料袋，谁都不愿意走这边，现在好多了。", NULL);
  assert_speaker (r, "这里以前连条像样的路都没有，下雨天根本出不了门。", NULL);
}

/* Words the lexicon lacked: a grade of civil servant in a title chain
 * (副司长、一级巡视员), an investor and a wholesaler who speak without a
 * name, and 表示担忧 as a speech verb; a 巡视员 without a name is no one. */
static void
test_more_lexicon (void)
{
  g_autoptr(Result) r = suggest_checked ("农业农村部农业机械化管理司副司长、一级巡视员潘启航说：“今年的天气总体有利，但局部地区可能出现降雨。”\n\n"
                                         "一位不愿透露姓名的投资者则表示担忧：“海外政策变数太大，现在加码风险不小。”\n\n"
                                         "一位批发商说：“颱风前一颗才30多元，现在要60元以上。”\n\n"
                                         "省里派出的巡视员上周到村里检查了工作。\n");

  assert_speaker (r, "今年的天气总体有利，但局部地区可能出现降雨。", "农业农村部农业机械化管理司副司长、一级巡视员潘启航");
  assert_speaker (r, "海外政策变数太大，现在加码风险不小。", "一位不愿透露姓名的投资者");
  assert_speaker (r, "颱风前一颗才30多元，现在要60元以上。", "一位批发商");
  g_assert_cmpuint (count_tag (r, "official"), ==, 1);
}

/* An unnamed speaker who tells a reporter of some outlet (一位批發商向中央社
 * 記者指出) before the verb; the reporter followed by no verb makes no
 * speaker. */
static void
test_told_outlet_reporter (void)
{
  g_autoptr(Result) r = suggest_checked ("台北市第一果菜批發市場一位批發商向中央社記者指出，高麗菜批發價一週內漲了近一倍。「颱風前一顆才30多元，現在要60元以上。」\n\n"
                                         "一位村民向记者的车子挥了挥手，转身走进了田里。\n");

  assert_speaker (r, "颱風前一顆才30多元，現在要60元以上。", "一位批發商");
  g_assert_null (find (r, "person", "一位村民"));
}

/* 只跟她说了一句话：“…” is the speech of who said it, not of the one spoken
 * to nor of the sentence's first verb (她还透露); words on a wall
 * (墙上挂着一段话：) are no one's. */
static void
test_said_a_sentence (void)
{
  g_autoptr(Result) r = suggest_checked ("冉秋月赛后承认自己有些着急。\n\n"
                                         "她还透露，江苏队主教练霍振东赛前只跟她说了一句话：“把自己的球打出来。”\n\n"
                                         "训练馆的墙上挂着一段话：“天道酬勤，业精于勤，不进则退。”\n");
  GlossSuggestion *wall = find (r, "quote", "天道酬勤，业精于勤，不进则退。");

  assert_speaker (r, "把自己的球打出来。", "霍振东");
  g_assert_true (wall == NULL || gloss_suggestion_get_attribute (wall, "speaker") == NULL);
}

/* An age and 的 announce a person (37岁的吴秀英), whose quote-only paragraph
 * follows; not a kinship word after the surname (陳太一家) nor a role's
 * start (江苏选手). */
static void
test_age_before_name (void)
{
  g_autoptr(Result) r = suggest_checked ("37岁的吴秀英每天下午准时打开手机直播。她没有放弃。\n\n"
                                         "“那时候真想过回去打工，现在不想走了。”\n\n"
                                         "68歲的陳太一家住在這裡。19岁的江苏选手上场了。\n");

  g_assert_nonnull (find (r, "person", "吴秀英"));
  assert_speaker (r, "那时候真想过回去打工，现在不想走了。", "吴秀英");
  g_assert_null (find (r, "person", "陳太一"));
  g_assert_null (find (r, "person", "江苏选"));
}

/* Transliterated names without a middle dot (基普罗蒂奇, 奥利维拉): after a
 * role noun or where a name ends before a speech verb; not a country
 * before a role noun (罗马尼亚选手获得). */
static void
test_transliterated_names (void)
{
  g_autoptr(Result) r = suggest_checked ("肯尼亚选手基普罗蒂奇以2小时06分夺冠。\n\n"
                                         "“最后两公里我感觉腿还有力气。”基普罗蒂奇赛后说。\n\n"
                                         "巴西外援奥利维拉禁区外远射破门。他在混合区说：“这个进球献给我的女儿。”\n\n"
                                         "罗马尼亚选手获得第三名。\n");

  g_assert_nonnull (find (r, "person", "奥利维拉"));
  assert_speaker (r, "最后两公里我感觉腿还有力气。", "基普罗蒂奇");
  assert_speaker (r, "这个进球献给我的女儿。", "奥利维拉");
  g_assert_null (find (r, "person", "罗马尼亚"));
}

/* 主教练、西班牙人贝尔特兰: a nationality between the office and the name
 * belongs to the mention (a coach is a person, the office and nationality
 * their role); two offices in a list name no one. */
static void
test_nationality_before_name (void)
{
  g_autoptr(Result) r = suggest_checked ("赛后，海港队主教练、西班牙人贝尔特兰对球队的表现感到满意。“上半场我们太着急了，传球失误很多。”\n\n"
                                         "基普罗蒂奇的教练、意大利人罗西尼在终点等候。他对记者说：“我们准备了四个月。”\n\n"
                                         "主教练、队员们都很满意。\n");

  g_assert_cmpstr (gloss_suggestion_get_attribute (find (r, "person", "贝尔特兰"), "role"), ==, "海港队主教练、西班牙人");
  assert_speaker (r, "上半场我们太着急了，传球失误很多。", "贝尔特兰");
  assert_speaker (r, "我们准备了四个月。", "罗西尼");
  g_assert_null (find (r, "official", "主教练、队员"));
}

/* An unnamed official before 向记者表示: the reporter is not glued on as a
 * name (向记者), and the organization before 的 is part of the mention. */
static void
test_unnamed_official_told_reporter (void)
{
  g_autoptr(Result) r = suggest_checked ("“去年我们在东南亚投了两千多万元，今年只剩一半。”杭州一家游戏公司的营销负责人向记者表示，成本涨了四成。\n\n"
                                         "一家纺织企业的负责人说：“停两个小时，损失不大。”\n\n"
                                         "她的负责人向记者说明了情况。\n");

  assert_speaker (r, "去年我们在东南亚投了两千多万元，今年只剩一半。", "杭州一家游戏公司的营销负责人");
  assert_speaker (r, "停两个小时，损失不大。", "一家纺织企业的负责人");
  g_assert_null (find (r, "official", "营销负责人向记者"));
  g_assert_null (find (r, "official", "她的负责人"));
}

/* A three-letter name after a role noun does not end inside a word:
 * 程序员游戏公(司), 漁民向農業(部); 书记赵志超收到 still names one. */
static void
test_name_not_cut_from_word (void)
{
  g_autoptr(Result) r = suggest_checked ("据了解，不少程序员游戏公司出身。\n"
                                         "漁民向農業部申請救助。\n"
                                         "县委书记赵志超收到了来信。\n");

  g_assert_null (find (r, "person", "游戏公"));
  g_assert_null (find (r, "official", "游戏公"));
  g_assert_null (find (r, "person", "向農業"));
  g_assert_nonnull (find (r, "official", "县委书记赵志超"));
}

/* 一位+clause+的+role: a long description ending in 的 names an unnamed
 * speaker (not the named person before); after 这位 it points back. */
static void
test_relative_clause_speaker (void)
{
  g_autoptr(Result) r = suggest_checked ("市民韩女士上个月在步行街修手机，花了八百元。\n\n"
                                         "“这种做法在行内很常见。”一位在手机维修行业干了十多年的师傅说。\n\n"
                                         "一位曾在该公司任职的销售在出庭作证时说：“换掉地毯，就按正常车卖。”\n\n"
                                         "该公司的一名法务人员向记者表示：“不排除上诉。”\n\n"
                                         "老水利人周德顺巡查了大坝。“仪器会报警，但判断还得靠经验。”这位在水库干了三十年的工程师说。\n");

  assert_speaker (r, "这种做法在行内很常见。", "一位在手机维修行业干了十多年的师傅");
  assert_speaker (r, "换掉地毯，就按正常车卖。", "一位曾在该公司任职的销售");
  assert_speaker (r, "不排除上诉。", "该公司的一名法务人员");
  g_assert_null (find (r, "person", "这位在水库干了三十年的工程师"));
  g_assert_null (find (r, "person", "师傅"));
}

/* Speakers named right after their quote by a role noun of the lexicon
 * (说这话的是摊主罗桂兰, 这是市场管理员邬海涛…的一句话) or before a verb
 * after 一边…一边 (祁文斌一边收钱一边对记者说); not a sign (这是店门口的
 * 一块牌子). */
static void
test_named_after_saying (void)
{
  g_autoptr(Result) r = suggest_checked ("“我十八岁就在这儿炒粉。”说这话的是摊主罗桂兰，今年48岁。\n\n"
                                         "“孩子们喜欢，我就高兴。”祁文斌一边收钱一边对记者说。\n\n"
                                         "“夜市最要紧的是干净、安全。”这是市场管理员邬海涛每天挂在嘴边的一句话。\n\n"
                                         "“欢迎光临。”这是店门口的一块牌子。\n");
  GlossSuggestion *sign = find (r, "quote", "欢迎光临。");

  assert_speaker (r, "我十八岁就在这儿炒粉。", "罗桂兰");
  assert_speaker (r, "孩子们喜欢，我就高兴。", "祁文斌");
  assert_speaker (r, "夜市最要紧的是干净、安全。", "邬海涛");
  g_assert_true (sign == NULL || gloss_suggestion_get_attribute (sign, "speaker") == NULL);
}

/* 村里的老戚是…: 老 and a surname after 的 and before 是 introduce a person,
 * who then speaks after another was named; not 老师. */
static void
test_familiar_after_de (void)
{
  g_autoptr(Result) r = suggest_checked ("老支书符德海说，水渠去年冬天完工。\n\n"
                                         "村里的老戚是当年挖老水渠的人之一。\n\n"
                                         "“那时候没有机器，全靠一双手。”老戚指着照片上的人一个个数过去。\n\n"
                                         "他的老师是一位退休教师。\n");

  g_assert_nonnull (find (r, "person", "老戚"));
  assert_speaker (r, "那时候没有机器，全靠一双手。", "老戚");
  g_assert_null (find (r, "person", "老师"));
}

/* Offices of the lexicon that make an official (股长, 总规划师, 总农艺师,
 * 所长, 特使): the quote's speaker is the whole mention, an organization
 * with 和 or 与 inside its name too; not a person joined by 和. */
static void
test_more_official_titles (void)
{
  g_autoptr(Result) r = suggest_checked ("县水利局农村水利股股长伍建华介绍，全县改造灌渠46条。他说，工程将交给用水协会管理，“建得好，更要管得好”。\n\n"
                                         "市规划和自然资源局总规划师卞文澜在接受采访时说：“过去是推平了重来。”\n\n"
                                         "中国气候变化事务特使龚立群表示：“落到实处才是关键。”\n\n"
                                         "东北某农业大学资源与环境研究所所长范嘉禾抓起一把黑土说：“这块地十年没翻过。”\n\n"
                                         "王明和市水利局局长李国栋表示，工程要抓紧。\n");

  assert_speaker (r, "建得好，更要管得好", "县水利局农村水利股股长伍建华");
  assert_speaker (r, "过去是推平了重来。", "市规划和自然资源局总规划师卞文澜");
  assert_speaker (r, "落到实处才是关键。", "中国气候变化事务特使龚立群");
  assert_speaker (r, "这块地十年没翻过。", "东北某农业大学资源与环境研究所所长范嘉禾");
  g_assert_nonnull (find (r, "official", "市水利局局长李国栋"));
  g_assert_null (find (r, "official", "王明和市水利局局长李国栋"));
}

/* 站长 is an office when a station (…站) is the organization, 店长 always;
 * a delivery point's or a branch's 站长 stays a person's role. */
static void
test_station_and_shop_heads (void)
{
  g_autoptr(Result) r = suggest_checked ("县气象站站长庞玉兰随后介绍了值守安排。她说：“雨季每小时报一次数据。”\n\n"
                                         "县种子管理站副站长祁德文表示，良种已经到村。\n\n"
                                         "药店店长甘晓莉说：“退烧药备货充足。”\n\n"
                                         "34岁的外卖站点站长龚学斌正在排班。\n");

  assert_speaker (r, "雨季每小时报一次数据。", "县气象站站长庞玉兰");
  g_assert_nonnull (find (r, "official", "县种子管理站副站长祁德文"));
  assert_speaker (r, "退烧药备货充足。", "甘晓莉");
  g_assert_null (find (r, "official", "外卖站点站长龚学斌"));
  g_assert_nonnull (find (r, "person", "龚学斌"));
}

/* An official's chain (党组成员、副主任) long enough to start before the
 * window searched for the speaker still names them; 出席 ends a name. */
static void
test_chain_across_window (void)
{
  g_autoptr(Result) r = suggest_checked ("省交通运输厅党组成员、副厅长邬明华介绍，新规共8个方面26条，聚焦货车司机反映最集中的停车、加油和收费问题，“条条都能解决实际困难”。\n\n"
                                         "市农业农村局副局长柏金出席发布会并回答提问。柏金表示：“补贴下月到位。”\n");

  assert_speaker (r, "条条都能解决实际困难", "省交通运输厅党组成员、副厅长邬明华");
  g_assert_nonnull (find (r, "official", "市农业农村局副局长柏金"));
  assert_speaker (r, "补贴下月到位。", "市农业农村局副局长柏金");
}

/* 讳言, 避讳, 插话 before a colon are speech: 对此她并不讳言：“…” is hers. */
static void
test_uncommon_colon_verbs (void)
{
  g_autoptr(Result) r = suggest_checked ("“我打得很放松。”何诗雨赛后说。整场她出现了11次失误。对此她并不讳言：“失误太多，必须改。”\n\n"
                                         "晏子轩表示，全队今天都不在状态。他全场只得了8分，对此他毫不避讳：“今天我的手感很差。”\n\n"
                                         "正在下棋的退休钳工华国强插话：“他这是在打广告。”\n");

  assert_speaker (r, "失误太多，必须改。", "何诗雨");
  assert_speaker (r, "今天我的手感很差。", "晏子轩");
  assert_speaker (r, "他这是在打广告。", "华国强");
}

/* “…”说着，她… after a quote-only stretch: the pronoun's antecedent is the
 * speaker; not 他们, and not when a colon already named someone. */
static void
test_pronoun_after_saying (void)
{
  g_autoptr(Result) r = suggest_checked ("环卫工人龚秀芝表示，她负责三条街的清扫。她最喜欢服务站的热水。“以前冬天只能喝凉水，现在好多了。”说着，她给记者倒了一杯茶。\n\n"
                                         "两名队员表示，比赛很艰苦。“我们最后十分钟已经跑不动了，腿都在抖。”说着，他们坐在了地上。\n\n"
                                         "冉国庆说：“明天照常训练，谁也不许请假。”说着，他拍了拍身边魏小军的肩膀。\n");

  assert_speaker (r, "以前冬天只能喝凉水，现在好多了。", "龚秀芝");
  assert_speaker (r, "我们最后十分钟已经跑不动了，腿都在抖。", NULL);
  assert_speaker (r, "明天照常训练，谁也不许请假。", "冉国庆");
}

/* 一位/一名 + a description ending in 的 + a role, opening its sentence or
 * clause, with no speech verb after it: the speaker of the quote its colon
 * introduces or of the pronoun that speaks next; not when no speech
 * follows in the paragraph (the person is named in the next one). */
static void
test_clause_speaker_without_verb (void)
{
  g_autoptr(Result) r = suggest_checked ("一位在草原上经营牧场二十多年的牧场主向记者算了一笔账：“一头牛一年要吃掉八千块的草料。”\n\n"
                                         "一名在车站排队等客的出租车司机则担心生意会变差。他说：“短途的客人少了一大半，再这样下去撑不住。”\n\n"
                                         "教室第一排，一位头发花白的老人早早摆好了笔记本和老花镜。\n\n"
                                         "他叫庞志远，今年76岁。\n");

  assert_speaker (r, "一头牛一年要吃掉八千块的草料。", "一位在草原上经营牧场二十多年的牧场主");
  assert_speaker (r, "短途的客人少了一大半，再这样下去撑不住。", "一名在车站排队等客的出租车司机");
  g_assert_null (find (r, "person", "一位头发花白的老人"));
}

/* 答： of a non-official: the person a ——访 subtitle names (before any
 * official of the lead), else the last person named before the first
 * question who is not the byline's reporter; with only the reporter
 * named, an answer has no speaker. */
static void
test_answers_of_non_official (void)
{
  g_autoptr(Result) a = suggest_checked ("“好茶要等一场雨”\n——访制茶师傅、县级非遗传承人贺春林\n\n本报记者 柯雨桐\n\n"
                                         "山上的茶园里，61岁的贺春林正和徒弟一起采茶。县农业农村局局长孟凡宇也来了。\n\n"
                                         "问：今年的春茶怎么样？\n\n答：雨水足，芽头比去年壮，就是采得晚了一个星期。\n");
  g_autoptr(Result) b = suggest_checked ("本报记者 柯雨桐\n\n在江边的工地上，52岁的桥梁工程师葛文川正在查看钢梁。\n\n"
                                         "问：一座大桥要建多少年？\n\n答：短的四五年，长的要七八年，前期勘察最费工夫。\n");
  g_autoptr(Result) c = suggest_checked ("本报记者 柯雨桐\n\n问：一座大桥要建多少年？\n\n答：短的四五年，长的要七八年，前期勘察最费工夫。\n");

  assert_speaker (a, "雨水足，芽头比去年壮，就是采得晚了一个星期。", "贺春林");
  assert_speaker (b, "短的四五年，长的要七八年，前期勘察最费工夫。", "葛文川");
  assert_speaker (c, "短的四五年，长的要七八年，前期勘察最费工夫。", NULL);
}

/* A quote opening a sentence after reported speech (他说，NAME…。“…”) is
 * the one who spoke, not the person named in what was reported; a
 * sentence of speech further back leaves the nearest person the speaker. */
static void
test_reported_speech_before_quote (void)
{
  g_autoptr(Result) r = suggest_checked ("城南队主教练顾长风赛后很激动。他说，小将芮晨阳这个赛季大多坐在替补席上，每天训练后都会加练。“他等这个机会等了很久，今晚他抓住了。”\n\n"
                                         "顾长风说，球队需要年轻人。小将郗文博在下半场抓住了机会。“这球我等了一年多，终于进了。”\n");

  assert_speaker (r, "他等这个机会等了很久，今晚他抓住了。", "顾长风");
  assert_speaker (r, "这球我等了一年多，终于进了。", "郗文博");
}

/* Surnames the lexicon lacked (芮 郗 郜 晁 裘…) and 小将/老将 as roles before
 * a name that no speech verb follows. */
static void
test_more_surnames_and_roles (void)
{
  g_autoptr(Result) r = suggest_checked ("第71分钟，替补登场的20岁小将芮晨阳远射破门。\n\n市住建局局长郜明远表示，明年将新增2万套。\n\n"
                                         "市民政局养老服务处处长裘建国和一位经营者谈了谈。\n");

  g_assert_nonnull (find (r, "person", "芮晨阳"));
  g_assert_nonnull (find (r, "official", "市住建局局长郜明远"));
  g_assert_nonnull (find (r, "official", "市民政局养老服务处处长裘建国"));
}

/* An age, 的, a role with a short modifier and a name (79岁的独居老人宋凤英)
 * announce a person whatever follows the name; not a role followed by a
 * word that starts with a surname (独居老人常年一个人吃饭). */
static void
test_age_and_role_before_name (void)
{
  g_autoptr(Result) r = suggest_checked ("79岁的独居老人宋凤英拄着拐杖来到窗口。她的儿女都在外地。她说：“现在天天有热菜吃。”\n\n"
                                         "80岁的独居老人常年一个人吃饭。\n");

  g_assert_nonnull (find (r, "person", "宋凤英"));
  assert_speaker (r, "现在天天有热菜吃。", "宋凤英");
  g_assert_null (find (r, "person", "常年一"));
  g_assert_null (find (r, "person", "常年"));
}

/* 我 + a relation before an attribution (我母亲常说：, 我师父当年跟我说过：)
 * is a speaker; not without one (我母亲今年七十岁了), nor when a name
 * follows the relation (the name speaks). */
static void
test_own_relative_speaks (void)
{
  g_autoptr(Result) r = suggest_checked ("问：您怎么看？\n\n答：利润很薄。我母亲常说：“做饭的人自己不吃，饭菜就不会好吃。”所以我每天都在店里吃。\n\n"
                                         "我师父当年跟我说过：“蜂死了还能再养，心死了就养不成了。”\n\n"
                                         "我母亲今年七十岁了，身体还不错。\n");

  assert_speaker (r, "做饭的人自己不吃，饭菜就不会好吃。", "我母亲");
  assert_speaker (r, "蜂死了还能再养，心死了就养不成了。", "我师父");
  g_assert_null (find (r, "person", "我母亲今"));
  {
    guint mothers = 0;
    for (guint i = 0; i < r->suggestions->len; i++)
      {
        GlossSuggestion *x = r->suggestions->pdata[i];
        g_autofree char *t = covered (r, x);
        mothers += g_str_equal (x->tag, "person") && g_str_equal (t, "我母亲");
      }
    g_assert_cmpuint (mothers, ==, 1);
  }
}

/* A profession (分析师, 主帅, 主任医师) is a role, also after the
 * organization employing it: the person is the name, the organization and
 * profession their role (no official: the codebook's holds a public
 * office), and the speaker of the quote after it; the chain of an official's
 * offices still takes a profession after 、. */
static void
test_profession_after_organization (void)
{
  g_autoptr(Result) r = suggest_checked ("东吴证券电力设备行业首席分析师滕思远认为，“原材料成本压力基本释放。”\n\n"
                                         "江海队主帅滕建勋对球队很满意。他表示：“这才是我们应有的样子。”\n\n"
                                         "市妇幼保健院儿科主任医师翟慧敏介绍，“最要紧的是防脱水。”\n\n"
                                         "资深分析师柯文涛说：“市场还会波动。”\n\n"
                                         "球迷谭立明说：“今晚总算出了口气。”\n");

  g_assert_null (find (r, "official", "东吴证券电力设备行业首席分析师滕思远"));
  g_assert_null (find (r, "official", "江海队主帅滕建勋"));
  g_assert_null (find (r, "official", "市妇幼保健院儿科主任医师翟慧敏"));
  g_assert_nonnull (find (r, "person", "滕思远"));
  g_assert_cmpstr (gloss_suggestion_get_attribute (find (r, "person", "滕思远"), "role"), ==, "东吴证券电力设备行业首席分析师");
  g_assert_nonnull (find (r, "person", "翟慧敏"));
  g_assert_cmpstr (gloss_suggestion_get_attribute (find (r, "person", "翟慧敏"), "role"), ==, "市妇幼保健院儿科主任医师");
  assert_speaker (r, "原材料成本压力基本释放。", "滕思远");
  assert_speaker (r, "这才是我们应有的样子。", "滕建勋");
  assert_speaker (r, "最要紧的是防脱水。", "翟慧敏");
  g_assert_nonnull (find (r, "person", "柯文涛"));
  g_assert_null (find (r, "official", "资深分析师柯文涛"));
  g_assert_nonnull (find (r, "person", "谭立明"));
  assert_speaker (r, "今晚总算出了口气。", "谭立明");
}

/* A relation of a person already named (卞某某的辩护律师, 龙某的母亲) is a
 * speaker of its own beside that name, the relation word its mention; an
 * adverbial after the relation (则当庭) is no name; a name after the
 * relation is still the speaker. */
static void
test_relation_of_named_person (void)
{
  g_autoptr(Result) r = suggest_checked ("公诉人指出：“被告人有罪。”\n\n"
                                         "卞某某的辩护律师则当庭提出：“我的当事人主动投案。”\n\n"
                                         "龙某的母亲也来到了庭审现场。休庭时，她对记者说：“他就是帮忙打包发货。”\n\n"
                                         "詹某某的辩护律师邝立新说：“请求从轻处罚。”\n");

  assert_speaker (r, "我的当事人主动投案。", "辩护律师");
  assert_speaker (r, "他就是帮忙打包发货。", "母亲");
  assert_speaker (r, "请求从轻处罚。", "邝立新");
  g_assert_nonnull (find (r, "person", "卞某某"));
  g_assert_nonnull (find (r, "person", "龙某"));
  g_assert_null (find (r, "person", "则当庭"));
}

/* A description opening its sentence, 的 and a name (a surname and a
 * kinship word whatever follows) introduce a person when a quote follows
 * soon: 打进本队唯一进球的岑浩赛后情绪低落。“…”, 住在長洲二十多年的麥太每日…。
 * Not a predicate noun (…是图书车的常客。) nor an object in a clause with
 * its own subject (这几年我们做了大量的文创和…). */
static void
test_described_opening_subject (void)
{
  g_autoptr(Result) r = suggest_checked ("打进本队唯一进球的岑浩赛后情绪低落。“进球没什么意义，输了就是输了。”\n\n"
                                         "住在長洲二十多年的麥太每日都要搭船。她對本報記者說：「一個月船費已經成九百蚊。」\n\n"
                                         "在南門市場賣菜20多年的陳太太一邊整理菜攤。「才差三天就可以採收。」\n\n"
                                         "村民孔繁荣是图书车的常客。他戴着老花镜，“年轻时没机会读书，现在有空了。”\n\n"
                                         "这几年我们做了大量的文创和数字化展陈，“唐妞”系列卖得很好。\n");

  assert_speaker (r, "进球没什么意义，输了就是输了。", "岑浩");
  assert_speaker (r, "一個月船費已經成九百蚊。", "麥太");
  g_assert_nonnull (find (r, "person", "陳太太"));
  g_assert_null (find (r, "person", "常客"));
  g_assert_null (find (r, "person", "文创"));
}

/* A company speaking through its report or statement (公司在报告中解释，,
 * 青石桥菜场经营公司在一份说明中表示，) is its quote's speaker; a company
 * that does something else there (公司在城东新建了工厂) is no speaker, and
 * 说明 holds no name. */
static void
test_company_statement (void)
{
  g_autoptr(Result) r = suggest_checked ("公司在报告中解释，利润下滑主要是由于“碳酸锂价格大幅波动，存货跌价准备计提增加”。\n\n"
                                         "青石桥菜场经营公司在一份说明中表示，菜场将上线订菜服务，“让老摊主也能接到线上的订单”。\n\n"
                                         "公司在城东新建了工厂，工人们说“活儿比以前轻松多了”。\n");
  GlossSuggestion *q = find (r, "quote", "活儿比以前轻松多了");

  assert_speaker (r, "碳酸锂价格大幅波动，存货跌价准备计提增加", "公司");
  assert_speaker (r, "让老摊主也能接到线上的订单", "公司");
  g_assert_nonnull (find (r, "organization", "青石桥菜场经营公司"));
  g_assert_null (find (r, "person", "明中"));
  g_assert_true (q == NULL || gloss_suggestion_get_attribute (q, "speaker") == NULL);
}

/* 谈 is a surname (庭长谈沐阳, then 谈沐阳说); 谈话 after a role is no name. */
static void
test_surname_tan (void)
{
  g_autoptr(Result) r = suggest_text ("宣判\n\n"
                                      "审判长、鹿城区人民法院刑事审判庭庭长谈沐阳宣判后接受了记者采访。“组织传销活动罪的本质，是以发展人员数量作为计酬的依据。”谈沐阳说。\n\n"
                                      "CT排除脑出血后，医生乔念安和家属谈话。\n");

  assert_well_formed (r);
  assert_speaker_ends_with (r, "组织传销活动罪的本质，是以发展人员数量作为计酬的依据。", "谈沐阳");
  g_assert_null (find (r, "person", "谈话"));
  g_assert_null (find (r, "person", "属谈话"));
}

/* A manner adverb of two or three ideographs and 地 between a name and
 * its speech verb (温小禾兴奋地说, 李建国有些无奈地表示); one and 地 is the
 * end of another word (卢宇恳切地说: 卢宇, no 卢宇恳). */
static void
test_manner_adverb (void)
{
  g_autoptr(Result) r = suggest_text ("马拉松\n\n"
                                      "“跑了三年，终于跑进了四小时！”冲线后举着手机自拍的温小禾兴奋地说。\n\n"
                                      "“这条路的坡太多，明年还得再练。”李建国有些无奈地表示。\n\n"
                                      "“我相信家乡会越来越好。”卢宇恳切地说。\n");

  assert_well_formed (r);
  assert_speaker (r, "跑了三年，终于跑进了四小时！", "温小禾");
  assert_speaker (r, "这条路的坡太多，明年还得再练。", "李建国");
  assert_speaker (r, "我相信家乡会越来越好。", "卢宇");
  g_assert_null (find (r, "person", "卢宇恳"));
}

/* 她 after a quote that names someone (“贾某在台上说得天花乱坠…？”说到这里，
 * 她几度哽咽，“…”) stands for the one who spoke before, not for the name
 * inside the quote being decided. */
static void
test_pronoun_not_inside_quote (void)
{
  g_autoptr(Result) r = suggest_text ("庭审\n\n"
                                      "出庭作证的被害人代表、退休教师杭某说，她先后投入了11万元。“贾某在台上说得天花乱坠，我们这些老人哪分得清？”"
                                      "说到这里，她几度哽咽，“现在钱没了，姐妹情分也没了。”\n");

  assert_well_formed (r);
  assert_speaker (r, "贾某在台上说得天花乱坠，我们这些老人哪分得清？", "杭某");
  assert_speaker (r, "现在钱没了，姐妹情分也没了。", "杭某");
}

/* A name right after a description that opens its sentence (焊装车间的谭晓雯
 * 入职刚满两年，…。她说：“), when the paragraph goes on to speech, is a
 * person whom 她 names; not the words of the sentence (公司的高管团队, 全省
 * 防汛: its last character starts a word) nor a
 * place (村口的高坡村牌坊), nor without speech after it. */
static void
test_described_name (void)
{
  g_autoptr(Result) r = suggest_text ("裁员\n\n"
                                      "焊装车间的谭晓雯入职刚满两年，她所在的班组27人中有19人被裁。她说：“我们年轻，换份工作不难。”\n\n"
                                      "在太麻里種了大半輩子香蕉的曾美玉，家中蕉園全毀。她說：「這一年怎麼過，還要自己想辦法。」\n\n"
                                      "公司的高管团队昨天开会。他说：“一切正常，大家放心。”\n\n"
                                      "村口的高坡村牌坊上个月刚修好。他说：“修得真漂亮啊。”\n\n"
                                      "刚刚结束的全省防汛会议上，他说：“今年汛期来得早，各地要早做准备。”\n\n"
                                      "车间的马晓东今年刚满三十岁。\n");

  assert_well_formed (r);
  assert_speaker (r, "我们年轻，换份工作不难。", "谭晓雯");
  assert_speaker (r, "這一年怎麼過，還要自己想辦法。", "曾美玉");
  g_assert_null (find (r, "person", "高管团"));
  g_assert_null (find (r, "person", "高坡村"));
  g_assert_null (find (r, "person", "全省防"));
  g_assert_null (find (r, "person", "马晓东"));
}

/* 这位 and a description no rule makes a person of (这位在水利系统干了22年
 * 的“老防汛”，一边…，一边对记者说：“) point back at the one named before;
 * a sentence that names its own subject keeps it, also one the name rules
 * left (这位“老防汛”身边的技术员刘小川…对记者说). */
static void
test_pointing_subject (void)
{
  g_autoptr(Result) r = suggest_text ("演练\n\n"
                                      "县防汛办主任胡建平是这次演练的总调度。这位在水利系统干了22年的“老防汛”，一边盯着指挥屏，一边对记者说：“今天处置管涌用了38分钟，比去年快。”\n\n"
                                      "县防汛办主任胡建平是这次演练的总调度。这位“老防汛”身边的技术员刘小川一边调试设备，一边对记者说：“数据每5分钟上传一次。”\n");

  assert_well_formed (r);
  assert_speaker (r, "今天处置管涌用了38分钟，比去年快。", "县防汛办主任胡建平");
  {
    GlossSuggestion *q = find (r, "quote", "数据每5分钟上传一次。");
    g_autofree char *s = speaker_of (r, q);
    g_assert_true (s == NULL || strstr (s, "胡建平") == NULL);
  }
}

/* A quote opening its paragraph, then a time and a place before the one
 * named (“…。”8月29日上午，在朝阳区一家民办幼儿园门口，家长贺女士举着手机…):
 * that one spoke it; a clause that names someone else is no such phrase. */
static void
test_subject_after_time_and_place (void)
{
  g_autoptr(Result) r = suggest_text ("停办\n\n"
                                      "“孩子的书包都买好了，昨天晚上十点突然在家长群里看到通知，说幼儿园不办了。”8月29日上午，在朝阳区一家民办幼儿园门口，家长贺女士举着手机给记者看那条消息。\n");

  assert_well_formed (r);
  assert_speaker (r, "孩子的书包都买好了，昨天晚上十点突然在家长群里看到通知，说幼儿园不办了。", "贺女士");
}

/* A quote-only paragraph after a paragraph of two people whose last
 * sentence is about one (…并肩而行…。冲过终点后，蒲佳琳跪在地上哭了很久。¶“…”):
 * that one's words; a last sentence about both names no one, and a
 * paragraph opened by someone stays about them (test_narrative_topic). */
static void
test_narrative_last_sentence (void)
{
  g_autoptr(Result) r = suggest_text ("马拉松\n\n"
                                      "女子组的较量悬念保持到了最后。运动员蒲佳琳与运动员阿贝贝在最后两公里一直并肩而行，直到引桥的上坡才拉开距离。冲过终点后，蒲佳琳跪在地上哭了很久。\n\n"
                                      "“最后那个大坡，我听见路边全是喊我名字的，不冲对不起他们。”\n\n"
                                      "这是一场漫长的比赛。运动员温小禾与运动员钟一帆一起训练了三年。赛后，温小禾和钟一帆抱在一起。\n\n"
                                      "“这三年没有白练，明年我们还要再来一次。”\n");

  assert_well_formed (r);
  assert_speaker (r, "最后那个大坡，我听见路边全是喊我名字的，不冲对不起他们。", "蒲佳琳");
  assert_speaker (r, "这三年没有白练，明年我们还要再来一次。", NULL);
}

/* Roles of the work floor (技术员 调度员 乘务员…) before a name and an
 * adverbial (技术员刘建国对记者说：“) make that name the speaker. */
static void
test_work_roles (void)
{
  g_autoptr(Result) r = suggest_text ("抢修\n\n"
                                      "技术员刘建国对记者说：“数据每9分钟上传一次。”\n\n"
                                      "乘务员高静对记者说：“今天的航班都已恢复。”\n");

  assert_well_formed (r);
  assert_speaker (r, "数据每9分钟上传一次。", "刘建国");
  assert_speaker (r, "今天的航班都已恢复。", "高静");
}

/* 區 is a Hong Kong surname in traditional script (營辦商區志明表示, 區伯說);
 * the district (東區區議員陳家明, 区住房和城乡建设局) names no one. */
static void
test_surname_au (void)
{
  g_autoptr(Result) r = suggest_text ("小巴\n\n"
                                      "兩條路線的營辦商區志明表示：「司機真係請唔到。」\n\n"
                                      "「我隻腳唔好，覆診要搭兩程車。」區伯說。\n\n"
                                      "東區區議員陳家明表示：「加價要有理據。」\n\n"
                                      "区住房和城乡建设局副局长包文杰说：“改造明年完工。”\n");

  assert_well_formed (r);
  assert_speaker (r, "司機真係請唔到。", "區志明");
  assert_speaker (r, "我隻腳唔好，覆診要搭兩程車。", "區伯");
  assert_speaker_ends_with (r, "加價要有理據。", "陳家明");
  {
    GlossSuggestion *q = find (r, "quote", "改造明年完工。");
    g_autofree char *s = speaker_of (r, q);
    g_assert_cmpstr (s, ==, "区住房和城乡建设局副局长包文杰");
  }
}

/* 他 after a company head's sentence is the head: the company, which
 * spoke before (so its later mentions are found), names the role's
 * organization at the sentence's start but is no subject a pronoun can
 * name (it took the quote once company heads became persons). */
static void
test_pronoun_not_company (void)
{
  g_autoptr(Result) r = suggest_checked ("锐能新能源三季度净利润增长\n\n"
                                         "锐能新能源在公告中表示：“报告期内，公司盈利能力得到修复。”\n\n"
                                         "在10月29日举行的业绩说明会上，锐能新能源董事长兼总经理阎启帆并不回避行业竞争的压力。"
                                         "“价格战还没有结束，”他说，“但行业正在转向拼技术。”\n");

  assert_speaker (r, "价格战还没有结束，", "阎启帆");
  assert_speaker (r, "但行业正在转向拼技术。", "阎启帆");
}

/* Students by their degree or school (研究生, 博士生, 初中生…) are
 * roles before a name, so 她说 after one names her, not the official
 * who spoke before. */
static void
test_student_roles (void)
{
  g_autoptr(Result) r = suggest_checked ("展览开幕\n\n"
                                         "博物馆馆长邢海澜表示，展览设置了数字互动区。“要让文物活起来。”\n\n"
                                         "来自澄州大学的研究生芮雅琪特意提前预约了首场讲解。她说：“今天看到实物，才知道青白瓷真的像玉一样。”\n");

  g_assert_nonnull (find (r, "person", "芮雅琪"));
  assert_speaker (r, "今天看到实物，才知道青白瓷真的像玉一样。", "芮雅琪");
}

/* A quote alone in its paragraph after one that names no one but tells
 * of 她 in its first clause (刚开始直播时，她的直播间…) is hers. */
static void
test_pronoun_paragraph_before (void)
{
  g_autoptr(Result) r = suggest_checked ("村里的直播间\n\n"
                                         "26岁的侯晓雨是村里最早做直播的年轻人。“那时候茶叶只能等贩子上门收。”她回忆说。\n\n"
                                         "刚开始直播时，她的直播间常常只有十几个人，其中一半是亲戚。\n\n"
                                         "“有一回我播了三个小时，东西没卖出去，躲在被窝里哭了一晚上。”\n");

  assert_speaker (r, "有一回我播了三个小时，东西没卖出去，躲在被窝里哭了一晚上。", "侯晓雨");
}

/* Runners, miners, firefighters, sanitation workers, patients, audiences
 * and farming households are roles before a name (63岁的业余跑者邓国栋):
 * the quote after his sentences is his, not the official's before. */
static void
test_more_everyday_roles (void)
{
  g_autoptr(Result) r = suggest_checked ("马拉松鸣枪开跑\n\n"
                                         "市体育局局长谷泓说：“今年全市还要新增AED设备1500台。”\n\n"
                                         "在终点区，63岁的业余跑者邓国栋捧着完赛奖牌不停地拍照。他已经跑了十年马拉松。“老了也不怕，明年我还来。”\n");

  g_assert_nonnull (find (r, "person", "邓国栋"));
  assert_speaker (r, "老了也不怕，明年我还来。", "邓国栋");
}

/* A headline's unnamed role (董事长称“…”) found again inside the named
 * one's mention (公司董事长顾振华) is no subject for 他 after it. */
static void
test_pronoun_not_headline_role (void)
{
  g_autoptr(Result) r = suggest_checked ("华岳新能源股东大会 董事长称“不会盲目扩张”\n\n"
                                         "对此，公司董事长顾振华回应称，新基地都是前年规划、去年投产的，“我们不会盲目扩张”。"
                                         "他坦言，上半年组件价格又下降了约8%，“这个冬天可能比大家预想的更长”。\n");

  assert_speaker (r, "这个冬天可能比大家预想的更长", "顾振华");
}

/* A player's handle after a role, their real name after it (中单选手
 * Vortex（本名祁天乐）), is a person who speaks as the handle; a capitalised
 * word without 本名 after it is not one (选手Rookie奖). */
static void
test_player_handle (void)
{
  g_autoptr(Result) r = suggest_checked ("总决赛\n\n"
                                         "决胜局第21分钟，LGE中单选手Vortex（本名祁天乐）打出一波“三杀”。\n\n"
                                         "“最多再输一局就回家种地。”Vortex擦了擦眼泪，笑着说，“还好，地不用种了。”\n\n"
                                         "他拿下了本赛季的最佳选手Rookie奖。\n");

  g_assert_nonnull (find (r, "person", "Vortex"));
  assert_speaker (r, "还好，地不用种了。", "Vortex");
  g_assert_null (find (r, "person", "Rookie"));
}

/* A child's nickname after a role (四年级学生小禾, 小 and a given name,
 * no surname) is a person, and a quote sentence with the person right
 * after it, their role before their name, is theirs; a word with 小
 * after a role (学生小组) is no one. */
static void
test_nickname_after_role (void)
{
  g_autoptr(Result) r = suggest_checked ("午餐\n\n"
                                         "“以前一周吃两回肉，现在天天都有。”四年级学生小禾捧着餐盘，吃得满嘴是油。\n\n"
                                         "“这碗面我吃了二十年。”老顾客周建国放下筷子，抹了抹嘴。\n\n"
                                         "学生小组讨论了一个小时。\n");

  g_assert_nonnull (find (r, "person", "小禾"));
  assert_speaker (r, "以前一周吃两回肉，现在天天都有。", "小禾");
  /* 顾客 is a role, not the surname 顾 */
  g_assert_nonnull (find (r, "person", "周建国"));
  g_assert_null (find (r, "person", "顾客周"));
  assert_speaker (r, "这碗面我吃了二十年。", "周建国");
  g_assert_null (find (r, "person", "小组"));
}

/* A name before 一边…一边说 (策划师房晓琳一边擦汗一边说) is the speaker,
 * and an order given (下达指令) is a saying. */
static void
test_while_doing_and_orders (void)
{
  g_autoptr(Result) r = suggest_checked ("夜校\n\n"
                                         "“白天对着电脑一整天，整个人都松下来了。”28岁的游戏公司策划师房晓琳一边擦汗一边说。\n\n"
                                         "“水位每小时上涨0.3米，请各乡镇立即组织群众转移！”9时20分，县防汛抗旱指挥部常务副指挥长、副县长贺明远通过视频调度系统下达指令。\n");

  g_assert_nonnull (find (r, "person", "房晓琳"));
  assert_speaker (r, "白天对着电脑一整天，整个人都松下来了。", "房晓琳");
  assert_speaker_ends_with (r, "水位每小时上涨0.3米，请各乡镇立即组织群众转移！", "贺明远");
}

/* A quote after a paragraph that names a possessor last (小雨的父母…) is
 * the last one named who is no possessor. */
static void
test_possessor_not_speaker (void)
{
  g_autoptr(Result) r = suggest_checked ("银龄教师\n\n"
                                         "四年级学生小雨的奶奶刘秀英对此深有感触。小雨的父母常年在浙江打工，她一个人带着孙女。"
                                         "“以前娃娃放学回来就看电视，现在天天抱着书看。”\n");

  assert_speaker (r, "以前娃娃放学回来就看电视，现在天天抱着书看。", "刘秀英");
}

/* A full name after a word ending like a role (接线员尚玉婷刚放下耳机) is a
 * person whose sentence goes on, so 她说 after a later quote is hers, not
 * the caller's quoted between; a function word after such a word is no
 * surname (技术员和行业代表, 师傅最终). */
static void
test_role_name_subject (void)
{
  g_autoptr(Result) r = suggest_checked ("供暖热线\n\n"
                                         "接线员尚玉婷刚放下耳机，下一个电话又打了进来。电话那头，一位家住铁西区的老人声音有些发颤：“屋里才14度，我穿着棉袄还冻手。”\n\n"
                                         "尚玉婷一边安抚，一边把工单派给辖区热力站。“一天下来嗓子都是哑的，但居民着急，我们能理解。”她说。\n\n"
                                         "技术员和行业代表都来了，老师傅最终没有同意。\n");

  g_assert_nonnull (find (r, "person", "尚玉婷"));
  assert_speaker (r, "一天下来嗓子都是哑的，但居民着急，我们能理解。", "尚玉婷");
  g_assert_null (find (r, "person", "和行业"));
  g_assert_null (find (r, "person", "傅最终"));
}

/* Baseball positions are roles (游擊手蔡承翰的再見安打): the player speaks
 * in a quote right before his name and an action (「…」蔡承翰賽後眼眶泛紅，「…」). */
static void
test_baseball_roles (void)
{
  g_autoptr(Result) r = suggest_checked ("高中棒球決賽\n\n"
                                         "青峰靠著游擊手蔡承翰的再見安打，以四比三擊敗對手。王牌投手林柏翰先發，前七局只被擊出三支安打。\n\n"
                                         "「我只想說不要被三振，球來了就揮。」蔡承翰賽後眼眶泛紅，「球落地的那一刻，我腦袋一片空白。」\n\n"
                                         "林柏翰本場投滿十局，用了一百三十二球。「最後一局手臂已經很痠了，但我不能倒下來。」\n");

  g_assert_nonnull (find (r, "person", "蔡承翰"));
  assert_speaker (r, "我只想說不要被三振，球來了就揮。", "蔡承翰");
  assert_speaker (r, "球落地的那一刻，我腦袋一片空白。", "蔡承翰");
  assert_speaker (r, "最後一局手臂已經很痠了，但我不能倒下來。", "林柏翰");
}

/* A name without a surname of the lexicon right after an age (72岁的额尔敦
 * 是…) is a person, whom 他 stands for; 的林带说 is no person named 林带;
 * neither is a role or a word's start after an age (72岁的老人是, 17岁的
 * 浙江小将). */
static void
test_unmarked_name_after_age (void)
{
  g_autoptr(Result) r = suggest_checked ("治沙\n\n"
                                         "72岁的额尔敦是当地第一代“治沙人”。他指着远处连片的林带说：“那时候风一刮，房门都推不开，”"
                                         "老人顿了顿，“现在你看，梭梭都比人高了。”\n\n"
                                         "68岁的老人是村里的护林员。17岁的浙江小将在决赛中游出好成绩。\n");

  g_assert_nonnull (find (r, "person", "额尔敦"));
  g_assert_null (find (r, "person", "林带"));
  assert_speaker (r, "那时候风一刮，房门都推不开，", "额尔敦");
  assert_speaker (r, "现在你看，梭梭都比人高了。", "额尔敦");
  g_assert_null (find (r, "person", "老人"));
  g_assert_null (find (r, "person", "浙江小"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest-zh-speakers/lexicon-names", test_lexicon_names);
  g_test_add_func ("/suggest-zh-speakers/unknown-surname", test_unknown_surname_after_title);
  g_test_add_func ("/suggest-zh-speakers/time-before-verb", test_time_before_verb);
  g_test_add_func ("/suggest-zh-speakers/unnamed-adverbial", test_unnamed_adverbial);
  g_test_add_func ("/suggest-zh-speakers/name-before-adverbial", test_name_before_adverbial);
  g_test_add_func ("/suggest-zh-speakers/surname-and-office", test_surname_and_office);
  g_test_add_func ("/suggest-zh-speakers/descriptive-names", test_descriptive_names);
  g_test_add_func ("/suggest-zh-speakers/interview-turns", test_interview_turns);
  g_test_add_func ("/suggest-zh-speakers/tv-transcript", test_tv_transcript);
  g_test_add_func ("/suggest-zh-speakers/press-conference", test_press_conference);
  g_test_add_func ("/suggest-zh-speakers/tv-script-round-brackets", test_tv_script_round_brackets);
  g_test_add_func ("/suggest-zh-speakers/transliterated-subject-and-colon-intro", test_transliterated_subject_and_colon_intro);
  g_test_add_func ("/suggest-zh-speakers/staff-roles", test_staff_roles);
  g_test_add_func ("/suggest-zh-speakers/dotted-name-ends", test_dotted_name_ends);
  g_test_add_func ("/suggest-zh-speakers/narrative-subject-with-relative", test_narrative_subject_with_relative);
  g_test_add_func ("/suggest-zh-speakers/unnamed-shop-and-institute", test_unnamed_shop_and_institute);
  g_test_add_func ("/suggest-zh-speakers/reply-attributes", test_reply_attributes);
  g_test_add_func ("/suggest-zh-speakers/short-name-statement", test_short_name_statement);
  g_test_add_func ("/suggest-zh-speakers/named-after", test_named_after);
  g_test_add_func ("/suggest-zh-speakers/pronouns", test_pronouns);
  g_test_add_func ("/suggest-zh-speakers/english-in-chinese", test_english_in_chinese);
  g_test_add_func ("/suggest-zh-speakers/familiar-subject", test_familiar_subject);
  g_test_add_func ("/suggest-zh-speakers/courtesy-names", test_courtesy_names);
  g_test_add_func ("/suggest-zh-speakers/and-is-no-surname", test_and_is_no_surname);
  g_test_add_func ("/suggest-zh-speakers/unnamed-with-organization", test_unnamed_with_organization);
  g_test_add_func ("/suggest-zh-speakers/chief-officer-chain", test_chief_officer_chain);
  g_test_add_func ("/suggest-zh-speakers/pronoun-colon", test_pronoun_colon);
  g_test_add_func ("/suggest-zh-speakers/headline-slogan", test_headline_slogan);
  g_test_add_func ("/suggest-zh-speakers/partial-list", test_partial_list);
  g_test_add_func ("/suggest-zh-speakers/in-her-view", test_in_her_view);
  g_test_add_func ("/suggest-zh-speakers/given-in-two", test_given_in_two);
  g_test_add_func ("/suggest-zh-speakers/one-and-measure", test_one_and_measure);
  g_test_add_func ("/suggest-zh-speakers/mou-before-action", test_mou_before_action);
  g_test_add_func ("/suggest-zh-speakers/more-roles", test_more_roles);
  g_test_add_func ("/suggest-zh-speakers/cantonese-say", test_cantonese_say);
  g_test_add_func ("/suggest-zh-speakers/pronoun-subject", test_pronoun_subject);
  g_test_add_func ("/suggest-zh-speakers/colon-sentence-before-next", test_colon_sentence_before_next);
  g_test_add_func ("/suggest-zh-speakers/familiar-of-full-name", test_familiar_of_full_name);
  g_test_add_func ("/suggest-zh-speakers/kin-roles", test_kin_roles);
  g_test_add_func ("/suggest-zh-speakers/described-subject", test_described_subject);
  g_test_add_func ("/suggest-zh-speakers/name-not-inside-word", test_name_not_inside_word);
  g_test_add_func ("/suggest-zh-speakers/cantonese-pronoun-either-sex", test_cantonese_pronoun_either_sex);
  g_test_add_func ("/suggest-zh-speakers/more-unnamed-speakers", test_more_unnamed_speakers);
  g_test_add_func ("/suggest-zh-speakers/related-speakers", test_related_speakers);
  g_test_add_func ("/suggest-zh-speakers/adverbials-in-a-row", test_adverbials_in_a_row);
  g_test_add_func ("/suggest-zh-speakers/bare-names", test_bare_names);
  g_test_add_func ("/suggest-zh-speakers/introduced-names", test_introduced_names);
  g_test_add_func ("/suggest-zh-speakers/named-inside-answer", test_named_inside_answer);
  g_test_add_func ("/suggest-zh-speakers/narrative-subject", test_narrative_subject);
  g_test_add_func ("/suggest-zh-speakers/more-lexicon", test_more_lexicon);
  g_test_add_func ("/suggest-zh-speakers/told-outlet-reporter", test_told_outlet_reporter);
  g_test_add_func ("/suggest-zh-speakers/said-a-sentence", test_said_a_sentence);
  g_test_add_func ("/suggest-zh-speakers/age-before-name", test_age_before_name);
  g_test_add_func ("/suggest-zh-speakers/transliterated-names", test_transliterated_names);
  g_test_add_func ("/suggest-zh-speakers/nationality-before-name", test_nationality_before_name);
  g_test_add_func ("/suggest-zh-speakers/unnamed-official-told-reporter", test_unnamed_official_told_reporter);
  g_test_add_func ("/suggest-zh-speakers/name-not-cut-from-word", test_name_not_cut_from_word);
  g_test_add_func ("/suggest-zh-speakers/relative-clause-speaker", test_relative_clause_speaker);
  g_test_add_func ("/suggest-zh-speakers/named-after-saying", test_named_after_saying);
  g_test_add_func ("/suggest-zh-speakers/familiar-after-de", test_familiar_after_de);
  g_test_add_func ("/suggest-zh-speakers/more-official-titles", test_more_official_titles);
  g_test_add_func ("/suggest-zh-speakers/station-and-shop-heads", test_station_and_shop_heads);
  g_test_add_func ("/suggest-zh-speakers/chain-across-window", test_chain_across_window);
  g_test_add_func ("/suggest-zh-speakers/uncommon-colon-verbs", test_uncommon_colon_verbs);
  g_test_add_func ("/suggest-zh-speakers/pronoun-after-saying", test_pronoun_after_saying);
  g_test_add_func ("/suggest-zh-speakers/clause-speaker-without-verb", test_clause_speaker_without_verb);
  g_test_add_func ("/suggest-zh-speakers/answers-of-non-official", test_answers_of_non_official);
  g_test_add_func ("/suggest-zh-speakers/reported-speech-before-quote", test_reported_speech_before_quote);
  g_test_add_func ("/suggest-zh-speakers/more-surnames-and-roles", test_more_surnames_and_roles);
  g_test_add_func ("/suggest-zh-speakers/age-and-role-before-name", test_age_and_role_before_name);
  g_test_add_func ("/suggest-zh-speakers/own-relative-speaks", test_own_relative_speaks);
  g_test_add_func ("/suggest-zh-speakers/profession-after-organization", test_profession_after_organization);
  g_test_add_func ("/suggest-zh-speakers/relation-of-named-person", test_relation_of_named_person);
  g_test_add_func ("/suggest-zh-speakers/described-opening-subject", test_described_opening_subject);
  g_test_add_func ("/suggest-zh-speakers/company-statement", test_company_statement);
  g_test_add_func ("/suggest-zh-speakers/surname-tan", test_surname_tan);
  g_test_add_func ("/suggest-zh-speakers/manner-adverb", test_manner_adverb);
  g_test_add_func ("/suggest-zh-speakers/pronoun-not-inside-quote", test_pronoun_not_inside_quote);
  g_test_add_func ("/suggest-zh-speakers/described-name", test_described_name);
  g_test_add_func ("/suggest-zh-speakers/pointing-subject", test_pointing_subject);
  g_test_add_func ("/suggest-zh-speakers/subject-after-time-and-place", test_subject_after_time_and_place);
  g_test_add_func ("/suggest-zh-speakers/narrative-last-sentence", test_narrative_last_sentence);
  g_test_add_func ("/suggest-zh-speakers/work-roles", test_work_roles);
  g_test_add_func ("/suggest-zh-speakers/surname-au", test_surname_au);
  g_test_add_func ("/suggest-zh-speakers/pronoun-not-company", test_pronoun_not_company);
  g_test_add_func ("/suggest-zh-speakers/student-roles", test_student_roles);
  g_test_add_func ("/suggest-zh-speakers/pronoun-paragraph-before", test_pronoun_paragraph_before);
  g_test_add_func ("/suggest-zh-speakers/more-everyday-roles", test_more_everyday_roles);
  g_test_add_func ("/suggest-zh-speakers/pronoun-not-headline-role", test_pronoun_not_headline_role);
  g_test_add_func ("/suggest-zh-speakers/player-handle", test_player_handle);
  g_test_add_func ("/suggest-zh-speakers/nickname-after-role", test_nickname_after_role);
  g_test_add_func ("/suggest-zh-speakers/while-doing-and-orders", test_while_doing_and_orders);
  g_test_add_func ("/suggest-zh-speakers/possessor-not-speaker", test_possessor_not_speaker);
  g_test_add_func ("/suggest-zh-speakers/role-name-subject", test_role_name_subject);
  g_test_add_func ("/suggest-zh-speakers/baseball-roles", test_baseball_roles);
  g_test_add_func ("/suggest-zh-speakers/unmarked-name-after-age", test_unmarked_name_after_age);
  return g_test_run ();
}
