/* gloss-suggest-entities.c: later mentions of persons and officials as one
 * entity, organizations, and names learnt from the corpus (the names
 * themselves in gloss-suggest-names-zh.c and gloss-suggest-names-en.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* Keys searched in one pass over the text: the candidates for position i
 * are the keys that start with u[i]. Linear in the text for any number of
 * keys with different first characters. */
GHashTable *
suggest_keys_by_first (GArray *keys)
{
  GHashTable *by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  for (guint k = 0; k < keys->len; k++)
    {
      Key *key = &g_array_index (keys, Key, k);
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (key->key[0]));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_first, GUINT_TO_POINTER (key->key[0]), list);
        }
      g_array_append_val (list, k);
    }
  return by_first;
}

void
suggest_key_clear (gpointer data)
{
  g_free (((Key *) data)->key);
}

gboolean
suggest_key_matches (Run   *run,
             Key   *key,
             guint  i)
{
  if (i + (guint) key->len > run->n || memcmp (run->u + i, key->key, key->len * sizeof (gunichar)) != 0)
    return FALSE;
  if (key->latin && !run->word_start[i])
    return FALSE;
  /* ICU keeps "Netanyahu’s" in one word; the name still ends before ’s. */
  if (key->latin && !run->word_start[i + key->len] &&
      !(i + key->len + 1 < run->n && (run->u[i + key->len] == 0x2019 || run->u[i + key->len] == '\'') &&
        run->u[i + key->len + 1] == 's'))
    return FALSE;
  return TRUE;
}

/* The keys seen so far, for keys_have: a set of their code points, brought
 * up to date with the array (keys are only appended, or all dropped) when
 * asked, so that a text of thousands of names stays linear. */
typedef struct
{
  GHashTable *set;      /* of GBytes */
  guint       indexed;  /* keys of the array in the set */
} KeyIndex;

static void
key_index_clear (KeyIndex *index)
{
  g_clear_pointer (&index->set, g_hash_table_unref);
  index->indexed = 0;
}

/* Whether @keys hold a key of these @len code points already. */
static gboolean
keys_have (GArray         *keys,
           KeyIndex       *index,
           const gunichar *chars,
           glong           len)
{
  g_autoptr(GBytes) probe = g_bytes_new_static (chars, len * sizeof (gunichar));

  if (index->set == NULL || index->indexed > keys->len)
    {
      key_index_clear (index);
      index->set = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
    }
  for (; index->indexed < keys->len; index->indexed++)
    {
      Key *key = &g_array_index (keys, Key, index->indexed);

      g_hash_table_add (index->set, g_bytes_new (key->key, key->len * sizeof (gunichar)));
    }
  return g_hash_table_contains (index->set, probe);
}

/* Adds a familiar form (老王, 马局长, 添叔) of entity @index: found only
 * where a name may end or a clause opens. */
static Key *
add_familiar_key (GArray         *keys,
                  const gunichar *chars,
                  glong           len,
                  int             index)
{
  Key key = { 0 };

  key.key = g_memdup2 (chars, len * sizeof (gunichar));
  key.len = len;
  key.index = index;
  key.familiar = TRUE;
  g_array_append_val (keys, key);
  return &g_array_index (keys, Key, keys->len - 1);
}

/* 老王 and 小林 for 王德顺 and 林晓燕: a familiar form of a surname is the
 * person of that surname named last before it first appears (街坊都叫他老王
 * after 王德顺), unless someone is named so in full. Not 老师 小时 and the
 * other words that read like one. */
static void
zh_familiar_keys (Run    *run,
                  GArray *keys,
                  KeyIndex *index)
{
  static const gunichar prefixes[] = { 0x8001 /* 老 */, 0x5C0F /* 小 */ };
  static const char *const not_names[] = { "老师", "小时", "小区", "老板", "小组", "老家", "小康", "老年", "小学", "老乡", "小将" };
  ZhLexicon *zh = &run->self->zh;

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    {
      /* Where 老 or 小 and each character first stand, and which entity
       * of two or three characters starting with it was named last before
       * that: one pass over the text and one over the entities. */
      g_autoptr(GHashTable) first = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) best = g_hash_table_new (NULL, NULL);

      for (guint pos = 0; pos + 1 < run->n; pos++)
        if (run->u[pos] == prefixes[p] && !g_hash_table_contains (first, GUINT_TO_POINTER (run->u[pos + 1])))
          g_hash_table_insert (first, GUINT_TO_POINTER (run->u[pos + 1]), GUINT_TO_POINTER (pos + 1));
      for (guint o = 0; o < run->entities->len; o++)
        {
          Entity *other = run->entities->pdata[o];
          gunichar c = g_utf8_get_char (other->key);
          guint start = suggest_cand_at (run, other->first)->start;
          glong olen = g_utf8_strlen (other->key, -1);
          gpointer at = g_hash_table_lookup (first, GUINT_TO_POINTER (c));
          gpointer known = g_hash_table_lookup (best, GUINT_TO_POINTER (c));

          /* (positions are stored plus one: 0 is none) */
          if (olen < 2 || olen > 3 || at == NULL || start >= GPOINTER_TO_UINT (at) - 1)
            continue;
          if (known == NULL ||
              start >= suggest_cand_at (run, ((Entity *) run->entities->pdata[GPOINTER_TO_UINT (known) - 1])->first)->start)
            g_hash_table_insert (best, GUINT_TO_POINTER (c), GUINT_TO_POINTER (o + 1));
        }
      for (guint e = 0; e < run->entities->len; e++)
        {
          Entity *entity = run->entities->pdata[e];
          glong len = 0;
          g_autofree gunichar *name = g_utf8_to_ucs4_fast (entity->key, -1, &len);
          gunichar nick[2];
          gboolean taken = FALSE;
          g_autofree char *word = NULL;

          if (len < 2 || len > 3 || !is_han (name[0]) || !suggest_char_in (&zh->surnames, name[0]) ||
              GPOINTER_TO_UINT (g_hash_table_lookup (best, GUINT_TO_POINTER (name[0]))) != e + 1)
            continue;
          nick[0] = prefixes[p];
          nick[1] = name[0];
          word = g_ucs4_to_utf8 (nick, 2, NULL, NULL, NULL);
          for (guint k = 0; k < G_N_ELEMENTS (not_names); k++)
            taken |= g_str_equal (word, not_names[k]);
          if (!taken && !keys_have (keys, index, nick, 2))
            add_familiar_key (keys, nick, 2, (int) e);
        }
    }
}

/* 老伯 for 钟老伯, 大爷 for 王大爷: a surname and a kinship form of the
 * lexicon's kin_forms is the kinship form alone later on, when only one
 * person of the text is named so. */
static void
zh_kin_keys (Run    *run,
             GArray *keys,
             KeyIndex *index)
{
  ZhLexicon *zh = &run->self->zh;
  /* how many entities end in each kinship form: one pass, not a pair of
   * entities at a time */
  g_autoptr(GHashTable) forms = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint e = 0; e < run->entities->len; e++)
    {
      const char *key = ((Entity *) run->entities->pdata[e])->key;

      if (g_utf8_strlen (key, -1) == 3)
        {
          const char *form = g_utf8_next_char (key);
          g_hash_table_insert (forms, (gpointer) form, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (forms, form)) + 1));
        }
    }
  for (guint e = 0; e < run->entities->len; e++)
    {
      Entity *entity = run->entities->pdata[e];
      glong len = 0;
      g_autofree gunichar *name = g_utf8_to_ucs4_fast (entity->key, -1, &len);

      if (len != 3 || !suggest_char_in (&zh->surnames, name[0]) || !suggest_word_list_has (&zh->kin_forms, name + 1, 2) ||
          keys_have (keys, index, name + 1, 2) || GPOINTER_TO_UINT (g_hash_table_lookup (forms, g_utf8_next_char (entity->key))) != 1)
        continue;
      add_familiar_key (keys, name + 1, 2, (int) e);
    }
}

/* The forms of a surname and the offices or roles that end @office
 * (副县长 → 县长, 副县长) for entity @e, into @keys. */
static void
zh_add_office_keys (Run          *run,
                    GArray       *keys,
                    KeyIndex     *index,
                    guint         e,
                    gunichar      surname,
                    const char   *office)
{
  ZhLexicon *zh = &run->self->zh;
  glong tlen = 0;
  g_autofree gunichar *title = g_utf8_to_ucs4_fast (office, -1, &tlen);

  for (glong from = 0; from + 2 <= tlen; from++)
    {
      const gunichar *w = title + from;
      guint wlen = (guint) (tlen - from);
      g_autofree gunichar *form = NULL;

      if (!suggest_word_list_has (&zh->titles, w, wlen) && !suggest_word_list_has (&zh->roles, w, wlen) &&
          !suggest_word_list_has (&zh->professions, w, wlen))
        continue;
      form = g_new (gunichar, wlen + 1);
      form[0] = surname;
      memcpy (form + 1, w, wlen * sizeof (gunichar));
      if (!keys_have (keys, index, form, wlen + 1))
        add_familiar_key (keys, form, wlen + 1, (int) e)->titled = TRUE;
    }
}

/* 马局长 and 沈教练 for 局长马立川 and 主管教练沈立峰: a surname and an
 * office or role of the lexicon (titles, roles, professional_titles) that
 * ends the title or role a named official or person was given
 * (副县长 → 县长, 副县长) is that one later on, where a name may end; each
 * office of a chain counts (韩局长 for 税务局党委书记、局长韩立新, whose
 * title is the first). The first entity of a surname and an office takes
 * the form. */
static void
zh_title_keys (Run    *run,
               GArray *keys,
               KeyIndex *index)
{
  ZhLexicon *zh = &run->self->zh;

  for (guint e = 0; e < run->entities->len; e++)
    {
      Entity *entity = run->entities->pdata[e];
      Cand *first = suggest_cand_at (run, entity->first);
      const char *office = first->title != NULL ? first->title : first->role;
      glong len = 0;
      g_autofree gunichar *name = NULL;

      if (office == NULL)
        continue;
      name = g_utf8_to_ucs4_fast (entity->key, -1, &len);
      if (len < 2 || len > 3 || !is_han (name[0]) || !suggest_char_in (&zh->surnames, name[0]))
        continue;
      zh_add_office_keys (run, keys, index, e, name[0], office);
      /* The later offices of a chain, between its 、 and the name. */
      if (first->title != NULL && first->end >= first->start + (guint) len &&
          memcmp (run->u + first->end - len, name, len * sizeof (gunichar)) == 0)
        {
          g_autofree char *chain = suggest_substring (run, first->start, first->end - (guint) len);
          g_auto(GStrv) offices = g_strsplit (chain, "、", -1);

          for (guint k = 1; offices[k] != NULL; k++)
            if (offices[k][0] != '\0')
              zh_add_office_keys (run, keys, index, e, name[0], offices[k]);
        }
    }
}

/* The person or official last named before @pos, within its paragraph
 * and 300 code points: the one a pronoun there stands for. -1 if none. */
static int
zh_named_before (Run   *run,
                 guint  pos)
{
  int best = -1;
  guint best_start = 0;

  for (guint c = 0; c < run->cands->len; c++)
    {
      Cand *cand = suggest_cand_at (run, c);

      gboolean same_paragraph = TRUE;

      if (cand->dropped || cand->entity < 0 || cand->end > pos || pos - cand->start > 300 ||
          (best >= 0 && cand->start < best_start) ||
          (!g_str_equal (cand->tag, "person") && !g_str_equal (cand->tag, "official")))
        continue;
      for (guint k = cand->end; k < pos && same_paragraph; k++)
        same_paragraph = run->u[k] != '\n';
      if (same_paragraph)
        {
          best = cand->entity;
          best_start = cand->start;
        }
    }
  return best;
}

/* 王德顺已经在后厨磨好了豆浆。…街坊们都叫他老王: a nickname of 老 or 小
 * and a surname, given to a pronoun no one named stands for, names the
 * nearest name of that surname before it in its paragraph (within 300
 * code points), which becomes a person; -1 if none. */
static int
zh_name_of_surname_before (Run   *run,
                           guint  start,
                           guint  end,
                           guint  pos)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  gunichar surname;

  if (end - start != 2 || (u[start] != 0x8001 /* 老 */ && u[start] != 0x5C0F /* 小 */) ||
      !suggest_char_in (&zh->surnames, u[start + 1]))
    return -1;
  surname = u[start + 1];
  for (guint k = pos; k > 0 && pos - k < 300 && u[k - 1] != '\n'; k--)
    {
      guint i = k - 1, len;

      if (u[i] != surname || (i > 0 && is_han (u[i - 1]) && !suggest_char_in (&zh->org_stops, u[i - 1])))
        continue;
      len = suggest_zh_name_at (run, i, FALSE);
      if (len >= 2 && len <= 3 && !suggest_overlaps_tag (run, NULL, i, i + len))
        {
          guint c = suggest_add_named (run, "person", i, i + len, "zh-person-nicknamed", 0.6);

          return suggest_cand_at (run, c)->entity;
        }
    }
  return -1;
}

/* 行内人都叫他“添叔”, 村里人都叫她小禾, 亲切地称他“铁闸”: a nickname the
 * text gives the person the pronoun stands for is that person wherever it
 * stands.  Only after a word saying it is what people call them (都 也 常
 * 更 还 总 习惯 亲切地…), so that 叫他“快跑” (an order) is none; in
 * quotation marks two to four ideographs, bare two that start with 小 老
 * 阿 or end with a kinship word (叔 伯 姐 哥 姨 婆 爷…), then punctuation. */
#define MAX_NICKNAMES 64

static void
zh_nickname_keys (Run    *run,
                  GArray *keys,
                  KeyIndex *index)
{
  static const gunichar usual[] = { 0x90FD /* 都 */, 0x4E5F /* 也 */, 0x5E38 /* 常 */, 0x66F4 /* 更 */, 0x8FD8 /* 还 */,
                                    0x9084 /* 還 */, 0x603B /* 总 */, 0x7E3D /* 總 */, 0x60EF /* 惯 */, 0x6163 /* 慣 */,
                                    0x5730 /* 地 */, 0x7231 /* 爱 */, 0x611B /* 愛 */, 0x4FBF /* 便 */, 0x5C31 /* 就 */ };
  static const gunichar openers[] = { 0x5C0F /* 小 */, 0x8001 /* 老 */, 0x963F /* 阿 */ };
  static const gunichar kin[] = { 0x53D4 /* 叔 */, 0x4F2F /* 伯 */, 0x59D0 /* 姐 */, 0x54E5 /* 哥 */, 0x59E8 /* 姨 */,
                                  0x5A46 /* 婆 */, 0x7237 /* 爷 */, 0x723A /* 爺 */, 0x5AC2 /* 嫂 */, 0x59B9 /* 妹 */,
                                  0x4ED4 /* 仔 */, 0x516C /* 公 */, 0x5976 /* 奶 */ };
  gunichar *u = run->u;
  guint n = run->n, tried = 0;

  for (guint j = 1; j + 3 < n; j++)
    {
      guint p = j + 1, start, end;
      gboolean ok = FALSE;
      int e;

      if (u[j] != 0x53EB /* 叫 */ && u[j] != 0x79F0 /* 称 */ && u[j] != 0x7A31 /* 稱 */ && u[j] != 0x558A /* 喊 */)
        continue;
      if (u[p] == 0x547C /* 呼 */)
        p++;
      for (guint k = 0; k < G_N_ELEMENTS (usual) && !ok; k++)
        ok = u[j - 1] == usual[k];
      if (!ok || p + 2 >= n || (u[p] != 0x4ED6 /* 他 */ && u[p] != 0x5979 /* 她 */))
        continue;
      start = p + 1;
      if (suggest_is_opener (u[start]))
        {
          start++;
          for (end = start; end < n && end - start <= 4 && is_han (u[end]); end++)
            ;
          ok = end - start >= 2 && end - start <= 4 && end < n && (u[end] == 0x201D || u[end] == 0x300D || u[end] == 0x300F);
        }
      else
        {
          for (end = start; end < n && end - start < 3 && is_han (u[end]); end++)
            ;
          ok = FALSE;
          for (guint k = 0; k < G_N_ELEMENTS (openers) && end - start == 2; k++)
            ok |= u[start] == openers[k];
          for (guint k = 0; k < G_N_ELEMENTS (kin); k++)
            ok |= u[end - 1] == kin[k];
          ok = ok && end - start >= 2 && (end == n || suggest_is_clause_punct (u[end]) || suggest_is_sentence_end (u[end]));
        }
      /* Each costs a walk over the candidates: a text made of nicknames
       * given (都叫他“阿强”，… a megabyte of them) stays linear. */
      if (!ok || ++tried > MAX_NICKNAMES)
        continue;
      if ((e = zh_named_before (run, p)) < 0)
        {
          Entity *named;
          glong nlen = 0;
          g_autofree gunichar *name = NULL;

          if ((e = zh_name_of_surname_before (run, start, end, p)) < 0)
            continue;
          /* the name found is a key of its own, for its later mentions */
          named = run->entities->pdata[e];
          name = g_utf8_to_ucs4_fast (named->key, -1, &nlen);
          if (!keys_have (keys, index, name, nlen))
            {
              Key full = { 0 };

              full.key = g_steal_pointer (&name);
              full.len = nlen;
              full.index = e;
              g_array_append_val (keys, full);
            }
        }
      if (!keys_have (keys, index, u + start, end - start))
        add_familiar_key (keys, u + start, end - start, e);
    }
}

/* 周启航更习惯别人叫他的英文名Kevin Zhou, 英文名叫Anna: an English name
 * the text gives after 英文名 (at most once per 英文名, two capitalised
 * words at most) is the person named last before it, wherever it stands. */
static void
zh_english_name_keys (Run    *run,
                      GArray *keys,
                      KeyIndex *index)
{
  gunichar *u = run->u;
  guint n = run->n, tried = 0;

  for (guint j = 0; j + 4 < n; j++)
    {
      guint k = j + 3, end, words = 0;
      int e;
      Key key = { 0 };

      if (u[j] != 0x82F1 /* 英 */ || u[j + 1] != 0x6587 /* 文 */ || u[j + 2] != 0x540D /* 名 */)
        continue;
      if (k < n && (u[k] == 0x53EB /* 叫 */ || u[k] == 0x662F /* 是 */ || u[k] == 0x4E3A /* 为 */ || u[k] == 0x70BA /* 為 */))
        k++;
      end = k;
      while (end < n && words < 2 && u[end] < 0x80 && g_unichar_isupper (u[end]))
        {
          guint w = end + 1;

          while (w < n && u[w] < 0x80 && g_unichar_islower (u[w]))
            w++;
          if (w - end < 2)
            break;
          words++;
          end = w;
          if (end + 1 < n && u[end] == ' ' && g_unichar_isupper (u[end + 1]))
            end++;
          else
            break;
        }
      if (words == 0 || ++tried > MAX_NICKNAMES || (e = zh_named_before (run, j)) < 0)
        continue;
      key.key = g_memdup2 (u + k, (end - k) * sizeof (gunichar));
      key.len = end - k;
      key.latin = TRUE;
      key.whole = TRUE;
      key.index = e;
      if (!keys_have (keys, index, key.key, key.len))
        g_array_append_val (keys, key);
      else
        g_free (key.key);
    }
}

/* Adds a mention for each place one of @keys stands as a name. */
static void
add_mentions (Run    *run,
              GArray *keys)
{
  g_autoptr(GHashTable) by_first = suggest_keys_by_first (keys);

  for (guint i = 0; i < run->n; i++)
    {
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (run->u[i]));
      if (list == NULL)
        continue;
      {
        Key *key = NULL;
        Entity *entity;
        guint end, c;

        for (guint l = 0; l < list->len; l++)
          {
            Key *k = &g_array_index (keys, Key, g_array_index (list, guint, l));
            if (suggest_key_matches (run, k, i) && (key == NULL || k->len > key->len))
              key = k;
          }
        if (key == NULL)
          continue;
        entity = run->entities->pdata[key->index];
        end = i + (guint) key->len;
        {
          /* A Chinese name inside a longer word: 王府井 is not 王府.  A full
           * name of three characters or more is itself, after a role the
           * lexicon lacks too (主播郑晓禾准时上线). */
          if (!key->latin && !key->dotted && (key->len < 3 || key->familiar) && end < run->n && is_han (run->u[end]) &&
              !(i == 0 || !is_han (run->u[i - 1]) || suggest_char_in (&run->self->zh.org_stops, run->u[i - 1])) &&
              !suggest_char_in (&run->self->zh.name_followers, run->u[end]) &&
              !suggest_word_list_match_at (&run->self->zh.verbs, run->u, run->n, end))
            continue;
          if (suggest_overlaps_tag (run, "person", i, end))
            continue;
          /* 小林老师 is a familiar name of its own, not 林老师 */
          if (key->titled && i > 0 && (run->u[i - 1] == 0x5C0F /* 小 */ || run->u[i - 1] == 0x8001 /* 老 */ ||
                                       run->u[i - 1] == 0x963F /* 阿 */))
            continue;
          /* 老王说 老王的, or opening a clause (”老王一边…); not 小程序 nor
           * “小俞比… inside someone's words */
          if (key->familiar && !suggest_zh_name_may_end (run, end) &&
              !(i > 0 && (suggest_is_clause_punct (run->u[i - 1]) || suggest_is_sentence_end (run->u[i - 1]) ||
                          run->u[i - 1] == 0x201D || run->u[i - 1] == 0x300D || run->u[i - 1] == '\n')))
            continue;
          /* "Heba Habib" is not "Habib Essid": a name word glued before. */
          if (key->latin && !key->whole && i >= 2 && run->u[i - 1] == ' ' && g_unichar_isupper (run->u[i - 2]) == FALSE &&
              g_unichar_isalpha (run->u[i - 2]))
            {
              guint w = i - 1;
              while (w > 0 && g_unichar_isalpha (run->u[w - 1]))
                w--;
              if (g_unichar_isupper (run->u[w]))
                {
                  g_autofree char *word = suggest_substring (run, w, i - 1);
                  if (!en_is_not_name (run, word) && !suggest_word_list_has (&run->self->en.honorifics, run->u + w, i - 1 - w) &&
                      !suggest_word_list_has (&run->self->en.titles, run->u + w, i - 1 - w))
                    continue;
                }
            }
          /* "Claude Debussy" is not Georges Claude: a name word glued after. */
          if (key->latin && !key->whole && end + 2 < run->n && run->u[end] == ' ' && g_unichar_isupper (run->u[end + 1]))
            {
              guint w = end + 1;
              while (w < run->n && g_unichar_isalpha (run->u[w]))
                w++;
              /* (Lee Jae-myung: a hyphenated given name after the surname is theirs) */
              if (w - end - 1 >= 2 && g_unichar_islower (run->u[w - 1]) && (w >= run->n || run->u[w] != '-'))
                {
                  g_autofree char *word = suggest_substring (run, end + 1, w);
                  if (!en_is_not_name (run, word) && !suggest_word_list_has (&run->self->en.months, run->u + end + 1, w - end - 1))
                    continue;
                }
            }
          /* "the Obama administration" names a government, not the person. */
          if (key->latin && end + 15 <= run->n)
            {
              g_autofree char *next = suggest_substring (run, end, end + 15);
              if (g_str_equal (next, " administration"))
                continue;
            }
          /* 门多萨总统还将…, 邓海峰书记强调: an official's office after
           * the name is the mention's. */
          if (g_str_equal (entity->tag, "official") && !key->latin && end < run->n && is_han (run->u[end]))
            {
              guint t = suggest_word_list_match_at (&run->self->zh.titles, run->u, run->n, end);

              if (t > 0 && !suggest_overlaps_tag (run, NULL, end, end + t))
                end += t;
            }
          c = suggest_add_cand (run, entity->tag, i, end, "mention", 0.7);
          suggest_cand_at (run, c)->entity = key->index;
          i = end - 1;
        }
      }
    }
}

/* Every later mention of a named person: the name (English: the surname;
 * a transliterated name: its last part) wherever it stands as a word. */
void
suggest_later_mentions (Run *run)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  KeyIndex index = { NULL, 0 };

  g_array_set_clear_func (keys, suggest_key_clear);
  for (guint e = 0; e < run->entities->len; e++)
    {
      Entity *entity = run->entities->pdata[e];
      const char *dot = NULL;
      Key key = { 0 };

      /* Unnamed officials and persons are one mention each. */
      if (g_strcmp0 (suggest_cand_at (run, entity->first)->rule, "zh-unnamed-official") == 0 ||
          g_strcmp0 (suggest_cand_at (run, entity->first)->rule, "zh-unnamed-person") == 0 ||
          g_strcmp0 (suggest_cand_at (run, entity->first)->rule, "en-unnamed-role") == 0)
        continue;
      /* An English organization (Gulf Maritime Employers Association) is
       * its whole name later on, never one of its words. */
      if (g_str_equal (entity->tag, "organization") && g_ascii_isupper (entity->name[0]))
        {
          key.key = g_utf8_to_ucs4_fast (entity->name, -1, &key.len);
          key.latin = TRUE;
          key.whole = TRUE;
          key.index = (int) e;
          g_array_append_val (keys, key);
          continue;
        }
      for (const char *p = entity->key; *p != '\0'; p = g_utf8_next_char (p))
        if (suggest_is_name_separator (g_utf8_get_char (p)))
          dot = p;
      key.key = g_utf8_to_ucs4_fast (dot != NULL ? g_utf8_next_char (dot) : entity->key, -1, &key.len);
      key.latin = key.len > 0 && g_unichar_isalpha (key.key[0]) && !is_han (key.key[0]);
      key.dotted = dot != NULL;
      key.index = (int) e;
      /* A Latin surname of two letters (Wu, Ng, Yu, Ek) is one only when
       * the text named the person in full before: "Mayor Diane Wu", then
       * "Wu said"; never a short word of the sentence (Do, No, Up). */
      if (key.len < 2 ||
          (key.latin && key.len < 3 &&
           (strchr (entity->name, ' ') == NULL || !g_unichar_isupper (key.key[0]) || !g_unichar_islower (key.key[1]) ||
            suggest_word_list_has (&run->self->en.not_names, key.key, key.len))))
        {
          g_free (key.key);
          continue;
        }
      g_array_append_val (keys, key);
      /* 阿尔贝托·门多萨·卢埃拉 is 门多萨 later on too: of three parts or
       * more, the one before the last is a family name as well. */
      if (dot != NULL)
        {
          glong len = 0;
          g_autofree gunichar *whole = g_utf8_to_ucs4_fast (entity->key, -1, &len);
          glong last = -1, before = -1;

          for (glong k = 0; k < len; k++)
            if (suggest_is_name_separator (whole[k]))
              {
                before = last;
                last = k;
              }
          if (before >= 0 && last - before - 1 >= 2)
            {
              Key middle = { 0 };

              middle.key = g_memdup2 (whole + before + 1, (last - before - 1) * sizeof (gunichar));
              middle.len = last - before - 1;
              middle.dotted = TRUE;
              middle.index = (int) e;
              g_array_append_val (keys, middle);
            }
        }
      /* "Lin Wenhua" is "Lin" later on: Chinese names come surname first.
       * The whole name is a key too, and the longest key wins. */
      if (key.latin && strchr (entity->name, ' ') != NULL)
        {
          g_auto(GStrv) words = g_strsplit (entity->name, " ", -1);
          Key whole = { 0 };

          whole.key = g_utf8_to_ucs4_fast (entity->name, -1, &whole.len);
          whole.latin = TRUE;
          whole.whole = TRUE;
          whole.index = (int) e;
          g_array_append_val (keys, whole);
          for (guint w = 0; words[w] != NULL; w++)
            {
              Key alias = { 0 };
              const char *word = words[w];
              glong len;

              /* Henrietta “Hennie” Haverkamp: the nickname without its marks */
              if (g_str_has_prefix (word, "“") || g_str_has_prefix (word, "‘"))
                word += strlen ("“");
              else if (word[0] == '"')
                word++;
              len = (glong) strlen (word);
              if (len >= 3 && (g_str_has_suffix (word, "”") || g_str_has_suffix (word, "’")))
                len -= (glong) strlen ("”");
              else if (len >= 1 && word[len - 1] == '"')
                len--;
              if (len < 3 || memchr (word, '.', len) != NULL)
                continue;
              {
                g_autofree char *bare = g_strndup (word, len);
                if (en_is_not_name (run, bare))
                  continue;
                alias.key = g_utf8_to_ucs4_fast (bare, -1, &alias.len);
              }
              alias.latin = TRUE;
              alias.alias = TRUE;
              alias.index = (int) e;
              if (alias.len == key.len && memcmp (alias.key, key.key, key.len * sizeof (gunichar)) == 0)
                {
                  g_free (alias.key);
                  continue;
                }
              g_array_append_val (keys, alias);
            }
        }
    }
  zh_familiar_keys (run, keys, &index);
  zh_kin_keys (run, keys, &index);
  zh_title_keys (run, keys, &index);
  add_mentions (run, keys);
  /* A nickname is given after the name it stands for, which may itself be
   * a later mention: looked for once those are in. */
  g_array_set_size (keys, 0);
  key_index_clear (&index);
  zh_nickname_keys (run, keys, &index);
  zh_english_name_keys (run, keys, &index);
  add_mentions (run, keys);
  key_index_clear (&index);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  Run *run = user_data;
  const Cand *ca = suggest_cand_at (run, *(const guint *) a);
  const Cand *cb = suggest_cand_at (run, *(const guint *) b);
  return ca->start < cb->start ? -1 : ca->start > cb->start ? 1 : 0;
}

/* 张满仓 … 队员们都叫他老张 … 老张说: a familiar form (老张, 小郭) that
 * became a person of its own is the one person of that surname the text
 * named in full before it, when there is exactly one; its candidates are
 * hers.  Two of that surname, or none before: left alone. */
static void
zh_merge_familiar (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  guint n_entities = run->entities->len;
  g_autofree guint *first_start = g_new (guint, n_entities);
  g_autofree int *merged = g_new (int, n_entities);
  g_autoptr(GHashTable) by_surname = g_hash_table_new (NULL, NULL);   /* surname → index + 1, or G_MAXUINT: two */
  gboolean any = FALSE;

  for (guint e = 0; e < n_entities; e++)
    {
      first_start[e] = G_MAXUINT;
      merged[e] = (int) e;
    }
  for (guint i = 0; i < run->cands->len; i++)
    {
      Cand *c = suggest_cand_at (run, i);

      if (c->entity >= 0 && c->start < first_start[c->entity])
        first_start[c->entity] = c->start;
    }
  for (guint e = 0; e < n_entities; e++)
    {
      Entity *entity = run->entities->pdata[e];
      glong len = g_utf8_strlen (entity->key, -1);
      gunichar s = g_utf8_get_char (entity->key);
      gpointer known;

      if (len < 2 || len > 3 || !is_han (s) || s == 0x8001 /* 老 */ || s == 0x5C0F /* 小 */ ||
          !suggest_char_in (&zh->surnames, s) || g_str_equal (entity->tag, "organization"))
        continue;
      known = g_hash_table_lookup (by_surname, GUINT_TO_POINTER (s));
      g_hash_table_insert (by_surname, GUINT_TO_POINTER (s), GUINT_TO_POINTER (known == NULL ? e + 1 : G_MAXUINT));
    }
  for (guint e = 0; e < n_entities; e++)
    {
      Entity *entity = run->entities->pdata[e];
      g_autofree gunichar *key = NULL;
      glong len = 0;
      guint full;

      if (!g_str_equal (entity->tag, "person"))
        continue;
      key = g_utf8_to_ucs4_fast (entity->key, -1, &len);
      if (len != 2 || (key[0] != 0x8001 /* 老 */ && key[0] != 0x5C0F /* 小 */))
        continue;
      full = GPOINTER_TO_UINT (g_hash_table_lookup (by_surname, GUINT_TO_POINTER (key[1])));
      if (full == 0 || full == G_MAXUINT || first_start[full - 1] >= first_start[e])
        continue;
      merged[e] = (int) full - 1;
      any = TRUE;
    }
  for (guint i = 0; any && i < run->cands->len; i++)
    {
      Cand *c = suggest_cand_at (run, i);

      if (c->entity >= 0)
        c->entity = merged[c->entity];
    }
}

void
suggest_index_mentions (Run *run)
{
  zh_merge_familiar (run);
  run->mentions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < run->cands->len; i++)
    if (suggest_cand_at (run, i)->entity >= 0)
      g_array_append_val (run->mentions, i);
  g_array_sort_with_data (run->mentions, compare_mentions, run);
}

/* Index into run->mentions of the last mention starting before @pos, -1 if none. */
int
suggest_mention_before (Run  *run,
                guint pos)
{
  int lo = 0, hi = (int) run->mentions->len - 1, found = -1;

  while (lo <= hi)
    {
      int mid = (lo + hi) / 2;
      if (suggest_cand_at (run, g_array_index (run->mentions, guint, mid))->start < pos)
        {
          found = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }
  return found;
}

/* The entity of the last mention inside [lo, hi), -1 if none. */
int
suggest_entity_in (Run  *run,
           guint lo,
           guint hi)
{
  int m = suggest_mention_before (run, hi);

  for (; m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->start < lo)
        break;
      if (c->end <= hi)
        return c->entity;
    }
  return -1;
}

/* The entity of the last mention inside [lo, hi) that is no possessor,
 * which @possessor tells from the code point after it (Yoon's rival,
 * 小雨的父母), -1 if none. */
int
suggest_last_subject_in (Run        *run,
                         guint       lo,
                         guint       hi,
                         gboolean  (*possessor) (Run *run, guint end))
{
  for (int m = suggest_mention_before (run, hi); m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));

      if (c->start < lo)
        break;
      if (c->end <= hi && !possessor (run, c->end))
        return c->entity;
    }
  return -1;
}

/* The entity of the nearest mention before @pos (a pronoun's antecedent). */
int
suggest_entity_before (Run  *run,
               guint pos,
               guint max_distance)
{
  int m = suggest_mention_before (run, pos);

  for (; m >= 0; m--)
    {
      Cand *c = suggest_cand_at (run, g_array_index (run->mentions, guint, m));
      if (c->end <= pos)
        return pos - c->end <= max_distance ? c->entity : -1;
    }
  return -1;
}

/* The bounds, in code points, of an English organization's name that
 * @m's group 1 matched, without the sentence words before it ("But the
 * Senate"); FALSE when no word is left, or only one and not @one_word. */
static gboolean
en_org_match (Run        *run,
              GMatchInfo *m,
              gboolean    one_word,
              guint      *start,
              guint      *end)
{
  const char *space;
  int s, e;
  g_autofree char *first = NULL;

  g_match_info_fetch_pos (m, 1, &s, &e);
  first = g_strndup (run->text + s, strcspn (run->text + s, " "));
  while (en_is_not_name (run, first) && strchr (run->text + s, ' ') != NULL && s < e)
    {
      s += (int) strlen (first) + 1;
      g_free (first);
      first = g_strndup (run->text + s, strcspn (run->text + s, " "));
    }
  space = strchr (run->text + s, ' ');
  if (s >= e || (!one_word && (space == NULL || space >= run->text + e)) || (one_word && en_is_not_name (run, first)))
    return FALSE;
  *start = suggest_cp_of (run, s);
  *end = suggest_cp_of (run, e);
  return TRUE;
}

/* Organizations: the organization of a Chinese official when it ends in an
 * organization suffix (…局, …委员会, …公司), wherever it occurs; English
 * capitalised names around an institution word. */
void
suggest_organizations (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GHashTable) by_first = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GMatchInfo) m = NULL;
  guint n_cands = run->cands->len;

  g_array_set_clear_func (keys, suggest_key_clear);
  for (guint i = 0; i < n_cands; i++)
    {
      Cand *c = suggest_cand_at (run, i);
      Key key = { 0 };
      glong len;

      if (c->organization == NULL || !g_str_equal (c->tag, "official"))
        continue;
      key.key = g_utf8_to_ucs4_fast (c->organization, -1, &len);
      key.len = len;
      if (len < 3 || !is_han (key.key[0]) || !suggest_word_list_match_before (&zh->org_suffixes, key.key, 0, (guint) len) ||
          !g_hash_table_add (seen, g_strdup (c->organization)))
        {
          g_free (key.key);
          continue;
        }
      key.index = (int) i;
      g_array_append_val (keys, key);
    }
  by_first = suggest_keys_by_first (keys);
  for (guint i = 0; i < run->n; i++)
    {
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (run->u[i]));
      if (list == NULL)
        continue;
      for (guint l = 0; l < list->len; l++)
        {
          Key *key = &g_array_index (keys, Key, g_array_index (list, guint, l));
          guint end = i + (guint) key->len;
          if (!suggest_key_matches (run, key, i))
            continue;
          suggest_add_cand (run, "organization", i, end, "zh-organization", 0.7);
          i = end - 1;
          break;
        }
    }

  g_regex_match (run->self->en.org_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      guint s, e;

      if (en_org_match (run, m, FALSE, &s, &e))
        suggest_add_cand (run, "organization", s, e, "en-organization", 0.6);
    }
}

/* Whether the words before @s say the organization at @s speaks: ,” said
 * (the) ORG, or according to (the) ORG. */
static gboolean
en_org_said_before (Run   *run,
                    guint  s)
{
  g_autofree char *before = suggest_substring (run, s > 24 ? s - 24 : 0, s);
  gsize len = strlen (before);

  if (g_str_has_suffix (before, "the ") || g_str_has_suffix (before, "The "))
    before[len -= 4] = '\0';
  return g_str_has_suffix (before, "according to ") || g_str_has_suffix (before, ",\u201D said ") ||
         g_str_has_suffix (before, ",\" said ");
}

/* Whether a speech verb follows the organization ending at @e: right
 * after (The National Weather Service said), or after an appositive
 * closed by a comma (The Gulf Maritime Employers Association, which
 * negotiates for shipping lines, said). */
static gboolean
en_org_verb_after (Run   *run,
                   guint  e)
{
  EnLexicon *en = &run->self->en;
  guint len;

  if (e + 1 < run->n && run->u[e] == ' ' && suggest_en_listed_word_at (run, e + 1, &en->verbs, &len))
    return TRUE;
  if (e + 2 >= run->n || run->u[e] != ',' || run->u[e + 1] != ' ')
    return FALSE;
  for (guint k = e + 2; k + 2 < run->n && k < e + 160; k++)
    {
      gunichar c = run->u[k];

      if (c == '\n' || c == ';' || c == '"' || c == 0x201C || c == 0x201D || c == '(' ||
          (c == '.' && run->u[k + 1] == ' '))
        return FALSE;
      if (c == ',' && run->u[k + 1] == ' ')
        return suggest_en_listed_word_at (run, k + 2, &en->verbs, &len);
    }
  return FALSE;
}

/* "said the association", "the union said": the organization the noun at
 * @k stands for among @orgs (pairs of bounds, in order): the nearest before,
 * within a few paragraphs, whose name holds the noun (Gulf Maritime
 * Employers Association); -1 if none (the company, of a name without the
 * word, waits for the quote's own rules). */
static int
en_org_for_noun (Run    *run,
                 GArray *orgs,
                 guint   k,
                 guint   len)
{
  for (int i = (int) orgs->len / 2 - 1; i >= 0; i--)
    {
      guint s = g_array_index (orgs, guint, 2 * i), e = g_array_index (orgs, guint, 2 * i + 1);

      if (e > k)
        continue;
      if (k - e > 3000)
        break;
      for (guint w = s; w + len <= e; w++)
        if ((w == s || run->u[w - 1] == ' ') && (w + len == e || !g_unichar_isalpha (run->u[w + len])))
          {
            guint j = 0;
            while (j < len && g_unichar_tolower (run->u[w + j]) == g_unichar_tolower (run->u[k + j]))
              j++;
            if (j == len)
              return i;
          }
    }
  return -1;
}

/* English: an organization that speaks (The National Weather Service said
 * in a flood warning that…; …,” said the Royal College of Nursing; the
 * association, named before, said; Halcyra said in a statement): a
 * candidate with an entity, found before the quotes so that one may be a
 * quote's speaker, and so that "the union said" may stand for it later.
 * Only organizations that speak: any other name of one stays out of the
 * mentions a pronoun or a bare verb could take. */
void
suggest_en_speaking_organizations (Run *run)
{
  EnLexicon *en = &run->self->en;
  g_autoptr(GMatchInfo) m = NULL;
  g_autoptr(GArray) orgs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *speaks = NULL;
  guint n_orgs;

  if (en->org_re == NULL)
    return;
  g_regex_match (en->org_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      guint s, e;

      if (!en_org_match (run, m, FALSE, &s, &e) || suggest_overlaps_tag (run, NULL, s, e))
        continue;
      g_array_append_val (orgs, s);
      g_array_append_val (orgs, e);
    }
  g_clear_pointer (&m, g_match_info_free);
  n_orgs = orgs->len / 2;
  speaks = g_new0 (gboolean, n_orgs + 1);
  for (guint i = 0; i < n_orgs; i++)
    speaks[i] = en_org_verb_after (run, g_array_index (orgs, guint, 2 * i + 1)) ||
                en_org_said_before (run, g_array_index (orgs, guint, 2 * i));
  /* the union said, said the association: the one it stands for speaks */
  if (n_orgs > 0)
    for (guint k = 4; k + 2 < run->n; k++)
      {
        guint len, vlen;
        int i;

        if (!suggest_en_the_before (run, k) || !suggest_en_listed_word_at (run, k, &en->org_nouns, &len))
          continue;
        if ((k + len + 1 < run->n && run->u[k + len] == ' ' && suggest_en_listed_word_at (run, k + len + 1, &en->verbs, &vlen)) ||
            (k >= 10 && suggest_en_listed_word_at (run, k - 9, &en->verbs, &vlen) && vlen == 4 && run->u[k - 5] == ' '))
          if ((i = en_org_for_noun (run, orgs, k, len)) >= 0)
            speaks[i] = TRUE;
      }
  for (guint i = 0; i < n_orgs; i++)
    if (speaks[i])
      suggest_add_named (run, "organization", g_array_index (orgs, guint, 2 * i), g_array_index (orgs, guint, 2 * i + 1),
                         "en-organization-speaker", 0.6);
  /* Halcyra said in a statement: a name the rules above do not know as an
   * organization, and no person's. */
  g_regex_match (en->org_statement_re, run->text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      guint s, e;

      g_autofree char *key = NULL;

      if (!en_org_match (run, m, TRUE, &s, &e) || suggest_overlaps_tag (run, NULL, s, e) ||
          suggest_overlaps_tag (run, "organization", s, e))
        continue;
      /* Hale said in a statement: a person's surname, named before in full */
      key = suggest_substring (run, s, e);
      if (g_hash_table_contains (run->entity_keys, key))
        continue;
      suggest_add_named (run, "organization", s, e, "en-organization-speaker", 0.6);
    }
}

/* ---------------- The corpus ---------------- */

void
suggest_corpus (Run *run)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GHashTable) by_first = NULL;

  g_array_set_clear_func (keys, suggest_key_clear);
  for (guint k = 0; k < run->self->known->len; k++)
    {
      Known *known = run->self->known->pdata[k];
      Key key = { 0 };

      key.key = g_utf8_to_ucs4_fast (known->text, -1, &key.len);
      key.latin = g_unichar_isalpha (key.key[0]) && !is_han (key.key[0]);
      key.index = (int) k;
      g_array_append_val (keys, key);
    }
  by_first = suggest_keys_by_first (keys);

  for (guint i = 0; i < run->n; i++)
    {
      GArray *list = g_hash_table_lookup (by_first, GUINT_TO_POINTER (run->u[i]));
      guint best = G_MAXUINT;

      if (list == NULL)
        continue;
      /* The longest known text that starts here. */
      for (guint l = 0; l < list->len; l++)
        {
          guint k = g_array_index (list, guint, l);
          Key *key = &g_array_index (keys, Key, k);
          if (suggest_key_matches (run, key, i) && (best == G_MAXUINT || key->len > g_array_index (keys, Key, best).len))
            best = k;
        }
      if (best != G_MAXUINT)
        {
          Key *key = &g_array_index (keys, Key, best);
          Known *known = run->self->known->pdata[key->index];
          guint end = i + (guint) key->len, c;

          if (suggest_overlaps_tag (run, known->tag, i, end))
            continue;
          c = suggest_add_cand (run, g_intern_string (known->tag), i, end, "corpus", 0.8);
          if (known->attributes != NULL)
            {
              Cand *cand = suggest_cand_at (run, c);
              cand->title = g_strdup (json_object_get_string_member_with_default (known->attributes, "title", NULL));
              cand->organization = g_strdup (json_object_get_string_member_with_default (known->attributes, "organization", NULL));
              cand->role = g_strdup (json_object_get_string_member_with_default (known->attributes, "role", NULL));
              cand->unit = g_strdup (json_object_get_string_member_with_default (known->attributes, "unit", NULL));
            }
          if (g_str_equal (known->tag, "person") || g_str_equal (known->tag, "official"))
            suggest_cand_at (run, c)->entity = suggest_entity_for (run, known->text, known->tag, c);
          i = end - 1;
        }
    }
}
