/* gloss-suggest-acting-zh.c: a Chinese speaker who does something before
 * speaking — 甘宁蕴翻着手机里的留言说：“…”, 吴小满端出一杯茶，笑着说：“…”,
 * ”邰老师拉着医生的手说，“…” — whose name the rules before could not end,
 * since no speech verb follows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-suggest-private.h"

#define ACTING_REACH 32   /* code points from the name to its speech verb */

/* Whether [@a, @b) is nothing but adverbials of the lexicon (笑着, 又,
 * 对记者…): the clause after a comma goes on with the same subject. */
static gboolean
only_adverbials (Run   *run,
                 guint  a,
                 guint  b)
{
  while (a < b)
    {
      guint len = suggest_word_list_match_at (&run->self->zh.adverbials, run->u, b, a);

      if (len == 0)
        return FALSE;
      a += len;
    }
  return TRUE;
}

/* Whether the sentence from @e, after an action of at least one
 * character, reaches a speech verb followed by a colon or a comma and an
 * opening quotation mark, within ACTING_REACH code points: 翻着手机里的留言
 * 说：“, 端出一杯茶，笑着说：“. A comma on the way opens a clause that must
 * be adverbials only (一杯茶，笑着说), or it has a subject of its own
 * (端出一杯茶，店员说). */
static gboolean
late_speech_follows (Run   *run,
                     guint  e)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n, comma = G_MAXUINT;

  for (guint k = e; k < n && k - e < ACTING_REACH; k++)
    {
      gunichar c = u[k];
      guint v;

      if (c == '\n' || suggest_is_sentence_end (c) || suggest_is_opener (c) || c == 0x201D || c == 0x300D)
        return FALSE;
      if (c == 0xFF0C /* ， */ || c == ',')
        {
          comma = k;
          continue;
        }
      /* 江城竞技主教练、葡萄牙人若昂·皮门特尔坦言: an office or role on the
       * way has the subject after it; what opened the clause was no name. */
      if (k > e && comma == G_MAXUINT)
        {
          guint t = MAX (suggest_word_list_match_at (&zh->titles, u, n, k), suggest_word_list_match_at (&zh->roles, u, n, k));

          if (t > 1 && k + t < n && (u[k + t] == 0x3001 /* 、 */ || suggest_zh_surname_at (run, k + t, n) > 0))
            return FALSE;
        }
      if (k == e || (v = suggest_word_list_match_at (&zh->verbs, u, n, k)) == 0)
        continue;
      if (k + v < n && is_han (u[k + v]))
        {
          k += v - 1;   /* a word that only looks like one (手机里的留言说) */
          continue;
        }
      if (k + v + 1 >= n || (u[k + v] != 0xFF1A && u[k + v] != ':' && u[k + v] != 0xFF0C && u[k + v] != ',') ||
          !suggest_is_opener (u[k + v + 1]))
        return FALSE;   /* the first speech verb before punctuation decides */
      return comma == G_MAXUINT || only_adverbials (run, comma + 1, k);
    }
  return FALSE;
}

/* Whether @c may stand in a given name here: an ideograph, not a
 * character names avoid (说 是 的…), no pronoun, no speech verb's start. */
static gboolean
given_char (Run   *run,
            guint  k)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar c = run->u[k];

  return is_han (c) && !suggest_char_in (&zh->not_given, c) && !suggest_char_in (&zh->pronouns, c) &&
         suggest_word_list_match_at (&zh->verbs, run->u, run->n, k) == 0;
}

/* Whether the @len code points at @i are a name already found. */
static gboolean
known_name (Run   *run,
            guint  i,
            guint  len)
{
  g_autofree char *key = suggest_substring (run, i, i + len);

  return g_hash_table_contains (run->entity_keys, key);
}

/* Length of the name opening a sentence at @i whose speech verb comes
 * late, 0 if none: a familiar form (老邹 周大爷), a surname and a role of
 * the lexicon (邰老师), or a
 * surname and two given characters (甘宁蕴); one if the text knows the name
 * so, or if an adverbial (李明随后) or an action of the lexicon's
 * action_starts (王刚指着) follows the first. */
static guint
acting_name_at (Run   *run,
                guint  i)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n, s, r, len, known = 0;

  s = suggest_zh_surname_at (run, i, n);
  r = s > 0 ? suggest_word_list_match_at (&zh->roles, u, n, i + s) : 0;
  if ((len = suggest_zh_familiar_name (run, i)) >= 2)
    ;   /* 老邹抹了一把嘴说 */
  else if (s == 0 || i + s + 2 >= n)
    return 0;
  else if (r >= 2 && r <= 3)
    len = s + r;
  else if ((known = known_name (run, i, s + 1) ? s + 1 : known_name (run, i, s + 2) ? s + 2 : 0) > 0)
    len = known;   /* 李明随后…: the name the text already knows */
  else if (suggest_word_list_match_at (&zh->adverbials, u, n, i + s + 1) > 0)
    len = s + 1;
  else if (!given_char (run, i + s))
    return 0;
  else if (suggest_char_in (&zh->action_starts, u[i + s + 1]) || !given_char (run, i + s + 1))
    len = s + 1;
  else
    len = s + 2;
  /* The name is a subject: an action follows, not 的 or a second name (和 与 、). */
  if (i + len >= n || !is_han (u[i + len]) || suggest_char_in (&zh->org_stops, u[i + len]) ||
      suggest_word_list_match_at (&zh->verbs, u, n, i + len) > 0 ||
      suggest_word_list_match_at (&zh->org_suffixes, u, n, i + len) > 0)
    return 0;
  /* 江北市第一人民医院向…发来: a place (the lexicon's place_suffixes:
   * 市 省 县 区 镇), not a given name */
  if (len >= 3 && suggest_char_in (&zh->place_suffixes, u[i + len - 1]))
    return 0;
  /* 马来西亚榴梿出口商公会今日发表文告: the subject is an organization
   * whose name runs on past the name read at its start. */
  for (guint j = i + len + 1; j < n && j - i <= 16 && is_han (u[j - 1]) && !suggest_char_in (&zh->org_stops, u[j - 1]); j++)
    if (suggest_word_list_match_before (&zh->org_suffixes, u, i + len, j) > 0 &&
        (suggest_word_list_match_at (&zh->adverbials, u, n, j) > 0 || suggest_word_list_match_at (&zh->verbs, u, n, j) > 0 ||
         u[j] == 0x53D1 /* 发 */ || u[j] == 0x767C /* 發 */))
      return 0;
  return late_speech_follows (run, i + len) ? len : 0;
}

/* Whether a short phrase of time opens the sentence and a comma after it
 * ends right before @i (凌晨四点，收摊时，去年秋天，): the clause at @i
 * still opens with its subject. */
static gboolean
after_time_phrase (Run   *run,
                   guint  i)
{
  static const gunichar ends[] = { 0x65F6 /* 时 */, 0x6642 /* 時 */, 0x540E /* 后 */, 0x5F8C /* 後 */, 0x524D /* 前 */,
                                   0x70B9 /* 点 */, 0x9EDE /* 點 */, 0x5929 /* 天 */, 0x665A /* 晚 */, 0x591C /* 夜 */,
                                   0x5E74 /* 年 */, 0x6708 /* 月 */, 0x65E5 /* 日 */, 0x521D /* 初 */, 0x5E95 /* 底 */ };
  gunichar *u = run->u;
  guint s, e;

  if (i < 3 || (u[i - 1] != 0xFF0C && u[i - 1] != ','))
    return FALSE;
  e = i - 1;
  for (s = e; s > 0 && e - s < 8 && (is_han (u[s - 1]) || g_unichar_isdigit (u[s - 1])); s--)
    ;
  if (e - s < 2 || !suggest_zh_sentence_opens_at (run, s))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
    if (u[e - 1] == ends[k])
      return TRUE;
  return FALSE;
}

/* Length of a surname and a role of the lexicon opening a sentence as its
 * subject (王护士负责慢病患者的随访登记。李医生今年四十五岁): the person a
 * feature goes on about and quotes later, 0 if none.  Not a relation (王
 * 父亲), nor before 的, an organization's stop or a second name. */
static guint
role_subject_at (Run   *run,
                 guint  i)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n, s, r;

  s = suggest_zh_surname_at (run, i, n);
  if (s == 0 || i + s + 2 >= n)
    return 0;
  r = suggest_word_list_match_at (&zh->roles, u, n, i + s);
  if (r < 2 || r > 3 || suggest_word_list_has (&zh->relations, u + i + s, r))
    return 0;
  if (i + s + r >= n || !is_han (u[i + s + r]) || suggest_char_in (&zh->org_stops, u[i + s + r]) ||
      suggest_word_list_match_at (&zh->org_suffixes, u, n, i + s + r) > 0 ||
      suggest_word_list_match_at (&zh->roles, u, n, i + s + r) > 0)
    return 0;
  return s + r;
}

/* Length of a name after a description opening its sentence (焊装车间的谭晓雯
 * 入职刚满两年，, 在太麻里種了大半輩子香蕉的曾美玉，家中…): a surname and
 * two given characters right after 的, the description no more than
 * twenty-four ideographs from the sentence's start, an action or a comma
 * after the name, ICU's dictionary not reading the three as words of the
 * sentence, no place's or group's last character (the lexicon's
 * described_not_name_ends: 村 河 生…), and speech later in the paragraph;
 * 0 if none.  The person a feature then calls 她 or 他. */
static guint
described_name_at (Run   *run,
                   guint  i)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n, s, d, end;

  if (i < 3 || u[i - 1] != 0x7684 /* 的 */ || (s = suggest_zh_surname_at (run, i, n)) == 0 || i + s + 3 > n ||
      !given_char (run, i + s) || !given_char (run, i + s + 1))
    return 0;
  end = i + s + 2;
  if (end < n && is_han (u[end]) &&
      (u[end] == 0x7684 /* 的 */ || u[end] == 0x4E4B /* 之 */ || suggest_char_in (&zh->org_stops, u[end]) ||
       suggest_word_list_match_at (&zh->org_suffixes, u, n, end) > 0 || suggest_word_list_match_at (&zh->titles, u, n, end) > 0 ||
       suggest_word_list_match_at (&zh->roles, u, n, end) > 0))
    return 0;
  if (end < n && !is_han (u[end]) && u[end] != 0xFF0C /* ， */)
    return 0;
  /* 全省防汛: the last character starts a word of the sentence */
  if (suggest_word_list_has (&zh->titles, u + i + s, 2) || suggest_zh_reads_as_word (run, i, s, s + 2) ||
      suggest_zh_word_of_two_at (run, end - 1))
    return 0;
  /* 高坡村 沙溪河 毕业生: a place or a group, not a given name */
  if (suggest_char_in (&zh->described_not_name_ends, u[end - 1]))
    return 0;
  /* The description runs back to the sentence's start, ideographs and
   * digits only. */
  for (d = i - 1; d > 0 && i - d <= 24 && (is_han (u[d - 1]) || g_unichar_isdigit (u[d - 1])); d--)
    ;
  if (i - d > 24 || i - d < 3 || !(suggest_zh_sentence_opens_at (run, d) || after_time_phrase (run, d)))
    return 0;
  /* … and the paragraph goes on to speech: an opening mark, or 她 or 他
   * and a speech verb */
  for (guint k = end; k < n && u[k] != '\n' && k - end < 300; k++)
    if (suggest_is_opener (u[k]) ||
        (suggest_char_in (&zh->pronouns, u[k]) && suggest_word_list_match_at (&zh->verbs, u, n, k + 1) > 0))
      return s + 2;
  return 0;
}

/* Whether a surname and a kinship word start at @i (吴婶 周伯 陈太 卢阿姨),
 * not 小 老 or 阿 and a surname. */
static gboolean
kin_form_at (Run   *run,
             guint  i)
{
  guint len = suggest_zh_familiar_name_full (run, i, FALSE, FALSE);

  return len >= 2 && run->u[i] != 0x5C0F /* 小 */ && run->u[i] != 0x8001 /* 老 */ && run->u[i] != 0x963F /* 阿 */ &&
         run->u[i + len - 1] != 0x67D0 /* 某 */ && suggest_zh_surname_at (run, i, run->n) > 0;
}

void
suggest_zh_acting_speakers (Run *run)
{
  for (guint i = 0; i < run->n; i++)
    {
      guint len;

      /* 王护士负责…: a person by surname and role, whether or not they act
       * before speaking. */
      if (is_han (run->u[i]) && suggest_zh_sentence_opens_at (run, i) && (len = role_subject_at (run, i)) > 0 &&
          !suggest_overlaps_tag (run, NULL, i, i + len))
        {
          suggest_add_named (run, "person", i, i + len, "zh-person-role-name", 0.6);
          i += len - 1;
          continue;
        }

      if (is_han (run->u[i]) && (len = described_name_at (run, i)) > 0 && !suggest_overlaps_tag (run, NULL, i, i + len))
        {
          suggest_add_named (run, "person", i, i + len, "zh-person-described", 0.55);
          i += len - 1;
          continue;
        }
      /* …，吴婶当着我的面说：“: a surname and a kinship word after a comma too */
      if (!is_han (run->u[i]) ||
          !(suggest_zh_sentence_opens_at (run, i) || after_time_phrase (run, i) ||
            (suggest_zh_clause_opens_at (run, i) && kin_form_at (run, i))) ||
          suggest_overlaps_tag (run, NULL, i, i + 1) ||
          (len = acting_name_at (run, i)) == 0 || suggest_overlaps_tag (run, NULL, i, i + len))
        continue;
      suggest_add_named (run, "person", i, i + len, "zh-person-acting", 0.6);
      i += len - 1;
    }
}
