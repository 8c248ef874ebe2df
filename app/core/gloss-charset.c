/* gloss-charset.c: which character encoding a text or a page is in, and decoding it
 *
 * The loader decodes text files with it, the HTML extractor pages; neither
 * calls the other for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-charset.h"
#include "gloss-document.h"

/* Frequent characters of modern Chinese (simplified, then traditional) and Japanese
 * kana: real text in the right encoding is mostly made of these, text decoded with the
 * wrong legacy encoding mostly is not. */
static const char common_simplified[] =
  "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发"
  "后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开"
  "但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并"
  "物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先"
  "海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才"
  "结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书"
  "非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领"
  "共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转"
  "夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际"
  "约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧"
  "阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某"
  "案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察"
  "母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐"
  "帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血"
  "惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范"
  "竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读"
  "啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托"
  "央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架"
  "域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固"
  "席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇"
  "招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴"
  "园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐"
  "熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努"
  "休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页"
  "杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻"
  "订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒"
  "债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆"
  "撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映";

static const char common_traditional[] =
  "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發"
  "後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開"
  "但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並"
  "物手應戰向頭文體政美相見被利什二等產或新己制身果加西斯月話合回特代內信表化老給世位次度門任常先"
  "海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才"
  "結反受目太量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書"
  "非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領"
  "共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根乾造言聯持組每濟車親極林服快辦議往元英士證近失轉"
  "夫令準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際"
  "約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣顯吧"
  "阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某"
  "案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音跟志底站嚴巴例防族供效續施留講型料終答緊黃絕奇察"
  "母京段依批群項故按河米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值仍男錢破網熱助倒育屬坐"
  "帝限船臉職速刻樂否剛威毛狀率甚獨球般普怕彈校苦創假久錯承印晚蘭試股拿腦預誰益陽若哪微尼繼送急血"
  "驚傷素藥適波夜省初喜衛源食險待述陸習置居勞財環排福納歡雷警獲模充負雲停木遊龍樹疑層冷洲衝射略範"
  "竟句室異激漢村哈策演簡卡罪判擔州靜退既衣您宗積餘痛檢差富靈協角佔配徵修皮揮勝降階審沉堅善媽劉讀"
  "啊超免壓銀買皇養伊懷執副亂抗犯追幫宣佛歲航優怪香田鐵控稅左右份穿藝背陣草腳概惡塊頓敢守酒島託"
  "央戶烈洋哥索胡款靠評版寶座釋景顧弟登貨互付伯慢歐換聞危忙核暗姐介壞討麗良序升監臨亮露永呼味野架"
  "域沙掉括艦魚雜誤灣吉減編楚肯測敗屋跑夢散溫困劍漸封救貴槍缺樓縣尚毫移娘朋畫班智亦耳恩短掌恐遺固"
  "席鬆祕謝魯遇康慮幸均銷鐘詩藏趕劇票損忽巨砲舊端探湖錄葉春鄉附吸予禮港雨呀板庭婦歸睛飯額含順輸搖"
  "招婚脫補謂督毒油療旅澤材滅逐莫筆亡鮮詞聖擇尋廠睡博勒煙授諾倫岸奧唐賣俄炸載洛健堂旁宮喝借君禁陰"
  "園謀宋避抓榮姑孫逃牙束跳頂玉鎮雪午練迫爺篇肉嘴館遍凡礎洞卷坦牛寧紙諸訓私莊祖絲翻暴森塔默握戲隱";

static const char cjk_punctuation[] =
  "，。、：；！？「」『』（）《》〈〉“”‘’…—·【】〔〕％＋－／＝０１２３４５６７８９　";

static GHashTable *
common_chars (void)
{
  static gsize once = 0;
  static GHashTable *set;

  if (g_once_init_enter (&once))
    {
      const char *lists[] = { common_simplified, common_traditional, cjk_punctuation };

      set = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        for (const char *p = lists[i]; *p; p = g_utf8_next_char (p))
          g_hash_table_add (set, GUINT_TO_POINTER (g_utf8_get_char (p)));
      g_once_init_leave (&once, 1);
    }
  return set;
}

/* Maps the names people and pages use to the iconv charset that decodes them
 * best (a superset where one exists) and the name Gloss reports. */
static void
normalize_charset (const char  *name,
                   const char **iconv_name,
                   const char **report)
{
  static const struct { const char *alias; const char *iconv; const char *report; } map[] = {
    { "utf8", "UTF-8", "UTF-8" },
    { "utf-8", "UTF-8", "UTF-8" },
    { "unicode-1-1-utf-8", "UTF-8", "UTF-8" },
    { "utf-16", "UTF-16", "UTF-16" },
    { "utf-16le", "UTF-16LE", "UTF-16LE" },
    { "utf-16be", "UTF-16BE", "UTF-16BE" },
    { "gb2312", "GB18030", "GB18030" },
    { "gbk", "GB18030", "GB18030" },
    { "gb18030", "GB18030", "GB18030" },
    { "x-gbk", "GB18030", "GB18030" },
    { "cp936", "GB18030", "GB18030" },
    { "euc-cn", "GB18030", "GB18030" },
    { "big5", "BIG5-HKSCS", "Big5" },
    { "big5-hkscs", "BIG5-HKSCS", "Big5" },
    { "cp950", "BIG5-HKSCS", "Big5" },
    { "x-x-big5", "BIG5-HKSCS", "Big5" },
    { "shift_jis", "CP932", "Shift_JIS" },
    { "shift-jis", "CP932", "Shift_JIS" },
    { "sjis", "CP932", "Shift_JIS" },
    { "x-sjis", "CP932", "Shift_JIS" },
    { "ms_kanji", "CP932", "Shift_JIS" },
    { "cp932", "CP932", "Shift_JIS" },
    { "windows-31j", "CP932", "Shift_JIS" },
    { "euc-jp", "EUC-JP", "EUC-JP" },
    { "euc-kr", "CP949", "EUC-KR" },
    /* Browsers read Latin-1 labels as windows-1252 (WHATWG Encoding). */
    { "iso-8859-1", "WINDOWS-1252", "windows-1252" },
    { "iso8859-1", "WINDOWS-1252", "windows-1252" },
    { "latin1", "WINDOWS-1252", "windows-1252" },
    { "us-ascii", "WINDOWS-1252", "windows-1252" },
    { "ascii", "WINDOWS-1252", "windows-1252" },
    { "windows-1252", "WINDOWS-1252", "windows-1252" },
    { "cp1252", "WINDOWS-1252", "windows-1252" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (name, map[i].alias) == 0)
      {
        *iconv_name = map[i].iconv;
        *report = map[i].report;
        return;
      }
  *iconv_name = name;
  *report = name;
}

/* Converts with iconv; undecodable bytes become U+FFFD and are counted. */
static char *
convert_lossy (const guint8 *data,
               gsize         length,
               const char   *charset,
               guint        *n_bad,
               GError      **error)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  GString *out;
  char *in = (char *) data;
  gsize in_left = length;
  char buf[8192];

  *n_bad = 0;
  if (cd == (GIConv) -1)
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING,
                   _("Unknown character encoding “%s”"), charset);
      return NULL;
    }

  out = g_string_sized_new (length + length / 2 + 16);
  while (in_left > 0)
    {
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);

      g_string_append_len (out, buf, o - buf);
      if (r == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;
          /* EILSEQ or a truncated sequence at the end: skip one byte. */
          g_string_append (out, "\xEF\xBF\xBD");
          (*n_bad)++;
          in++;
          in_left--;
          g_iconv (cd, NULL, NULL, NULL, NULL);
        }
    }
  {
    char *o = buf;
    gsize o_left = sizeof buf;
    g_iconv (cd, NULL, NULL, &o, &o_left);
    g_string_append_len (out, buf, o - buf);
  }
  g_iconv_close (cd);
  return g_string_free (out, FALSE);
}

static char *
convert_strict (const guint8 *data,
                gsize         length,
                const char   *iconv_name,
                const char   *report,
                GError      **error)
{
  guint n_bad = 0;
  g_autofree char *text = convert_lossy (data, length, iconv_name, &n_bad, error);

  if (text == NULL)
    return NULL;
  if (n_bad > 0)
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The text is not valid %s (%u byte cannot be decoded)",
                                "The text is not valid %s (%u bytes cannot be decoded)",
                                n_bad),
                   report, n_bad);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* How plausible @text is as real writing: the share of its non-ASCII characters that
 * are frequent CJK characters, kana, CJK punctuation or, for Latin text, accented
 * letters and typographic punctuation standing next to ASCII letters. */
static double
plausibility (const char *text,
              gboolean    latin,
              guint       n_bad)
{
  GHashTable *common = common_chars ();
  gsize non_ascii = 0;
  double good = 0;
  gunichar prev = ' ';

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next;

      if (c < 0x80)
        {
          prev = c;
          continue;
        }
      non_ascii++;
      next = g_utf8_get_char (g_utf8_next_char (p));

      if (latin)
        {
          gboolean near_letter = g_ascii_isalpha (prev) || (next < 0x80 && g_ascii_isalpha (next));

          if (g_unichar_isalpha (c) && c < 0x250 && near_letter)
            good += 1;
          else if ((c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2013 ||
                    c == 0x2014 || c == 0x2026 || c == 0x20AC || c == 0xA0 || c == 0xB0 ||
                    c == 0xA9 || c == 0xAB || c == 0xBB || c == 0xB7 || c == 0x2022) &&
                   (prev < 0x80 || next < 0x80))
            good += 1;
        }
      else if (g_hash_table_contains (common, GUINT_TO_POINTER (c)))
        good += 1;
      else if ((c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF))
        good += 1;
      else if (c >= 0x4E00 && c <= 0x9FFF)
        good += 0.35;   /* a real but less frequent character */
      else if (c >= 0xFF01 && c <= 0xFF5E)
        good += 0.5;
      prev = c;
    }
  if (non_ascii == 0)
    return 1.0;
  return (good - 4.0 * n_bad) / (double) non_ascii;
}

/* UTF-16 and UTF-32 hold NUL bytes in every ASCII character. */
static gboolean
has_wide_encoding (const guint8 *data,
                   gsize         length,
                   const char   *encoding)
{
  if (encoding != NULL && *encoding != '\0')
    {
      const char *iconv_name, *report;

      normalize_charset (encoding, &iconv_name, &report);
      return g_ascii_strncasecmp (iconv_name, "UTF-16", 6) == 0 ||
             g_ascii_strncasecmp (iconv_name, "UTF-32", 6) == 0 ||
             g_ascii_strncasecmp (iconv_name, "UCS-", 4) == 0;
    }
  return (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0));
}

/**
 * gloss_decode_text:
 * @data: the bytes
 * @length: their number
 * @encoding: (nullable): a charset to use, or %NULL to detect one
 * @detected: (out) (optional): the charset used
 * @error: return location for a #GError
 *
 * Decodes @data to UTF-8: a byte order mark decides, then valid UTF-8 is taken as
 * such, then the legacy encodings GB18030, Big5, Shift_JIS and windows-1252 are
 * tried and the most plausible result wins.
 *
 * Returns: (transfer full): the text in UTF-8, without BOM, or %NULL with @error set
 */
char *
gloss_decode_text (const guint8  *data,
                   gsize          length,
                   const char    *encoding,
                   char         **detected,
                   GError       **error)
{
  static const char * const guesses[] = { "GB18030", "BIG5-HKSCS", "CP932", "WINDOWS-1252" };
  static const char * const reports[] = { "GB18030", "Big5", "Shift_JIS", "windows-1252" };
  g_autofree char *best = NULL;
  double best_score = -G_MAXDOUBLE;
  const char *best_name = NULL;
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (detected != NULL)
    *detected = NULL;

  /* A NUL byte is no character of any 8-bit encoding: the text used to be
   * guessed as a legacy charset, then cut there without a word. */
  if (!has_wide_encoding (data, length, encoding))
    {
      const guint8 *nul = memchr (data, '\0', length);

      if (nul != NULL)
        {
          g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING,
                       _("The text holds a NUL byte (at byte %lu): it is not a text file, or it is damaged"),
                       (gulong) (nul - data));
          return NULL;
        }
    }

  if (encoding != NULL && *encoding != '\0')
    {
      const char *iconv_name, *report;
      const guint8 *d = data;
      gsize n = length;

      normalize_charset (encoding, &iconv_name, &report);
      if (g_str_equal (iconv_name, "UTF-8"))
        {
          const char *end;

          if (n >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0)
            {
              d += 3;
              n -= 3;
            }
          if (!g_utf8_validate ((const char *) d, n, &end))
            {
              g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING,
                           _("The text is not valid UTF-8 (at byte %lu)"),
                           (gulong) ((const guint8 *) end - data));
              return NULL;
            }
          text = g_strndup ((const char *) d, n);
        }
      else
        text = convert_strict (d, n, iconv_name, report, error);
      if (text != NULL && detected != NULL)
        *detected = g_strdup (report);
      if (text != NULL && g_str_has_prefix (text, "\xEF\xBB\xBF"))
        memmove (text, text + 3, strlen (text + 3) + 1);
      return text;
    }

  /* Byte order marks (UTF-32 before UTF-16: they share a prefix). */
  if (length >= 4 && memcmp (data, "\xFF\xFE\x00\x00", 4) == 0)
    {
      text = convert_strict (data + 4, length - 4, "UTF-32LE", "UTF-32LE", error);
      if (text != NULL && detected != NULL)
        *detected = g_strdup ("UTF-32LE");
      return text;
    }
  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *name = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = convert_strict (data + 2, length - 2, name, name, error);
      if (text != NULL && detected != NULL)
        *detected = g_strdup (name);
      return text;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      const char *end;

      if (!g_utf8_validate ((const char *) data + 3, length - 3, &end))
        {
          g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING,
                       _("The text starts with a UTF-8 byte order mark but is not valid UTF-8 (at byte %lu)"),
                       (gulong) ((const guint8 *) end - data));
          return NULL;
        }
      if (detected != NULL)
        *detected = g_strdup ("UTF-8");
      return g_strndup ((const char *) data + 3, length - 3);
    }

  if (g_utf8_validate ((const char *) data, length, NULL))
    {
      if (detected != NULL)
        *detected = g_strdup ("UTF-8");
      return g_strndup ((const char *) data, length);
    }

  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    {
      guint n_bad = 0;
      g_autofree char *candidate = convert_lossy (data, length, guesses[i], &n_bad, NULL);
      double score;

      if (candidate == NULL)
        continue;
      score = plausibility (candidate, g_str_equal (guesses[i], "WINDOWS-1252"), n_bad);
      if (score > best_score)
        {
          best_score = score;
          g_clear_pointer (&best, g_free);
          best = g_steal_pointer (&candidate);
          best_name = reports[i];
        }
    }

  if (best == NULL)
    {
      g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING,
                   _("The character encoding of the text could not be recognised"));
      return NULL;
    }
  if (detected != NULL)
    *detected = g_strdup (best_name);
  return g_steal_pointer (&best);
}
char *
gloss_charset_from_content_type (const char *content_type)
{
  const char *p;
  GString *s;

  if (content_type == NULL)
    return NULL;
  p = strstr (content_type, "charset=");
  if (p == NULL)
    p = strstr (content_type, "CHARSET=");
  if (p == NULL)
    return NULL;
  p += strlen ("charset=");
  while (*p == '"' || *p == '\'' || *p == ' ')
    p++;
  s = g_string_new (NULL);
  while (*p && (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
    g_string_append_c (s, *p++);
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */

static GRegex *
meta_charset_pattern (void)
{
  static gsize once = 0;
  static GRegex *meta_charset;

  if (g_once_init_enter (&once))
    {
      meta_charset = g_regex_new ("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)",
                                  G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  return meta_charset;
}

static char *
sniff_meta_charset (const guint8 *data,
                    gsize         length)
{
  g_autoptr(GMatchInfo) info = NULL;
  gsize n = MIN (length, 8192);
  g_autofree char *head = g_strndup ((const char *) data, n);

  /* g_strndup stops at a NUL, which is fine: a charset declaration precedes any. */
  if (g_regex_match (meta_charset_pattern (), head, 0, &info))
    return g_match_info_fetch (info, 1);
  return NULL;
}

char *
gloss_decode_html (const guint8  *data,
                   gsize          length,
                   const char    *http_charset,
                   const char    *override,
                   char         **charset,
                   char         **charset_source,
                   GError       **error)
{
  g_autofree char *meta = NULL;
  char *text;

  if (override != NULL)
    {
      *charset_source = g_strdup ("override");
      return gloss_decode_text (data, length, override, charset, error);
    }

  /* BOMs and valid UTF-8 win over any declaration: saved pages are often re-encoded
   * to UTF-8 while keeping the original <meta charset>. */
  if ((length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) ||
      (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0)))
    {
      *charset_source = g_strdup ("bom");
      return gloss_decode_text (data, length, NULL, charset, error);
    }
  if (g_utf8_validate ((const char *) data, length, NULL))
    {
      *charset_source = g_strdup ("utf-8");
      *charset = g_strdup ("UTF-8");
      return g_strndup ((const char *) data, length);
    }

  if (http_charset != NULL && *http_charset != '\0')
    {
      text = gloss_decode_text (data, length, http_charset, charset, NULL);
      if (text != NULL)
        {
          *charset_source = g_strdup ("http");
          return text;
        }
    }

  meta = sniff_meta_charset (data, length);
  if (meta != NULL)
    {
      text = gloss_decode_text (data, length, meta, charset, NULL);
      if (text != NULL)
        {
          *charset_source = g_strdup ("meta");
          return text;
        }
    }

  *charset_source = g_strdup ("detected");
  return gloss_decode_text (data, length, NULL, charset, error);
}
