/* gloss-suggest-private.h: what the files of the suggestion rules share —
 * the lexicons, one run's candidates and entities, and each rule family's
 * entry points (gloss-suggest.c runs them in order)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-suggest.h"

G_BEGIN_DECLS

#define LEXICON_RESOURCE "/org/gloss/Gloss/core/suggest-%s.json"
#define WINDOW_BEFORE 80   /* code points searched before a quotation mark */
#define WINDOW_AFTER 48    /* … and after it, for an attribution */
#define MAX_WORD 24        /* longest lexicon entry, in code points ("Deputy Prime Minister") */

/* A capitalised word (with Mc/Mac/O'/De… glued: McHugh, O'Brien, DeJesus)
 * or initials; a name is up to four, lowercase particles between (de la Cruz). */
#define NAME_TOKEN "(?:(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le)?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿā-ž]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ][a-zß-öø-ÿā-ž]+)?|[A-Z]\\.(?:[A-Z]\\.)*)"
/* A user name: @name, letters with digits or an underscore (elmo666,
 * harbor_rat77), or CamelCase (PlutoPete, only with a cue that it is one). */
#define HANDLE "@[A-Za-z0-9_]{2,}|[A-Za-z][A-Za-z_]*[0-9_][A-Za-z0-9_]*|[A-Z][a-z]+(?:[A-Z][a-z]+)+"
#define NAME NAME_TOKEN "(?:[ ](?:(?:de|da|del|der|van|von|bin|al|du|dos|la|le)[ ]){0,2}" NAME_TOKEN "){0,3}"

typedef struct
{
  GHashTable *words;   /* UTF-8 → itself */
  GHashTable *firsts;  /* first code point → 1 */
  GHashTable *lasts;   /* last code point → 1 */
  guint       max_len;
  guint32     lengths; /* bit n: some word has n code points */
} WordList;

/* ------------------------------------------------------------------ */
/* The suggester                                                        */

typedef struct
{
  WordList verbs, titles, official_titles, title_prefixes, unnamed, pronouns, roles;
  WordList org_stops, surnames, compound_surnames, not_given, given_in_two, name_followers, org_suffixes;
  WordList program_verbs, program_suffixes, program_after, units, big_numbers, approximators;
  WordList not_before, not_after, transliteration, role_ends, half_units;
  WordList unnamed_quantifiers, unnamed_roles, proverbs, latin_units;
  WordList document_suffixes, named_program_ends, relations, adverbials, credits, professions;
  WordList soundbites, presenters;   /* a TV transcript's 【同期声】 and 【主持人 NAME】 */
  WordList company_documents;        /* 公告, 年报…: 禾盛电气在公告中表示 */
  WordList action_starts;            /* 指 翻 端…: 王刚指着货架说, a name of two before them */
  WordList topic_intros;             /* 谈到 提起…: 谈到甄子墨，他说, the one spoken of */
  WordList object_verbs;             /* 称赞 叮嘱 问…: 他称赞了小将林昊：“, the one praised */
  WordList party_roles;              /* 被告 原告 事主…: a bare one names the party named before */
  WordList office_lead_verbs;        /* 专访 邀请 拨打…: 专访农业农村部…司长, no part of the office */
  WordList name_honorifics;          /* 拿督 丹斯里…: 行政议员拿督斯里黄宏伟, before the name */
  WordList kin_forms;                /* 老伯 大爷…: 钟老伯, then 老伯说 */
  WordList place_suffixes;           /* 市 省 县…: 江北市 read as a name is a place */
  WordList measures_after_one;       /* 把 下 边…: 周敏一把抱住, 一 ends no given name */
  WordList described_not_name_ends;  /* 村 河 生…: 车间的谭晓雯 is a name, 村里的高坡村 not */
} ZhLexicon;

/* Every list of a ZhLexicon, for what is done to each (the traditional
 * forms after loading, the clearing): a list added above goes here too. */
#define ZH_LEXICON_LISTS(zh) \
  &(zh)->verbs, &(zh)->titles, &(zh)->official_titles, &(zh)->title_prefixes, &(zh)->unnamed, \
  &(zh)->pronouns, &(zh)->roles, &(zh)->org_stops, &(zh)->surnames, &(zh)->compound_surnames, \
  &(zh)->not_given, &(zh)->given_in_two, &(zh)->name_followers, &(zh)->org_suffixes, \
  &(zh)->program_verbs, &(zh)->program_suffixes, &(zh)->program_after, &(zh)->units, \
  &(zh)->big_numbers, &(zh)->approximators, &(zh)->not_before, &(zh)->not_after, \
  &(zh)->transliteration, &(zh)->role_ends, &(zh)->unnamed_quantifiers, &(zh)->unnamed_roles, \
  &(zh)->proverbs, &(zh)->latin_units, &(zh)->document_suffixes, &(zh)->named_program_ends, \
  &(zh)->relations, &(zh)->adverbials, &(zh)->credits, &(zh)->professions, \
  &(zh)->soundbites, &(zh)->presenters, &(zh)->half_units, &(zh)->company_documents, \
  &(zh)->action_starts, &(zh)->topic_intros, &(zh)->office_lead_verbs, \
  &(zh)->name_honorifics, &(zh)->kin_forms, &(zh)->object_verbs, &(zh)->party_roles, \
  &(zh)->place_suffixes, &(zh)->measures_after_one, &(zh)->described_not_name_ends

typedef struct
{
  WordList verbs, titles, honorifics, roles, pronouns, not_names, program_suffixes;
  WordList units, time_units, number_words, counted_nouns, months, appositive_official;
  WordList roles_before_name;
  WordList relations;                  /* his daughter, her husband: kin a text names once */
  WordList title_modifiers, title_org_words;   /* "opposition leader", "White House press secretary" */
  GRegex *official_re;
  GRegex *said_name_re;
  GRegex *name_said_re;
  GRegex *honorific_re;
  GRegex *role_name_re;
  GRegex *appositive_official_re;
  GRegex *appositive_role_re;
  GRegex *number_re;
  GRegex *word_number_re;
  GRegex *program_re;
  GRegex *org_re;
  GRegex *org_statement_re;            /* Halcyra said in a statement: an organization by what it does */
  WordList org_suffixes;
  WordList org_nouns;                  /* company, union, statement…: "the union said", the organization that spoke */
  GRegex *subject_said_re;
  GRegex *age_name_re;                 /* "Pellegrini, 78, was born": a person's age after the name */
  WordList female_names, male_names;   /* given names that tell a person's sex, for he/she; also cue a person */
  WordList female_pronoun_names, male_pronoun_names;   /* more such names, for he/she only */
  GRegex *handle_said_re;              /* a user name where a speaker's name goes */
  char   *handle_cues;                 /* user|commenter|vendor…, for a CamelCase handle */
  GRegex *given_name_re;               /* Ellen Fetter: a listed given name, a surname */
  GRegex *who_name_re;                 /* Sherrif Payne, who …: only persons are "who" */
  GRegex *nickname_name_re;            /* Henrietta “Hennie” Haverkamp: a nickname in marks inside the name */
  GRegex *said_description_re;         /* ,” said one of the organisers, Priscilla Nwosu */
  GRegex *byline_re;
  /* "A county spokesman said", "a neighbor who", "the aide said": someone
   * the text never names, a person or an official by the words around */
  WordList unnamed_roles, unnamed_office_roles, government_words;
  GRegex *unnamed_role_re;
  GRegex *unnamed_one_re;   /* One product designer…, who; Another nurse, who */
  WordList executive_titles;           /* Chief Executive Henrik Dahl: a person, the name alone */
  WordList name_said_objects;          /* "a fund at Aberforth Partners, said": no speaker's name */
  GRegex *credit_re;                  /* "By Priya Raman and Tom Eckert", "(Reporting by …; Editing by …)" */
  /* figures in words: "19 of the 26", "one in five workers", "a third",
   * "half a mile", "12-unit"; a label's number: "type 2", "Route 66" */
  WordList fractions, half_units, hyphen_units, number_labels;
  GRegex *share_re;
  GRegex *score_re;                    /* a score counted as one: "a 5-4 win", "won 3-2" */
} EnLexicon;

/* Every list of an EnLexicon, for the clearing (as ZH_LEXICON_LISTS). */
#define EN_LEXICON_LISTS(en) \
  &(en)->verbs, &(en)->titles, &(en)->honorifics, &(en)->roles, &(en)->pronouns, &(en)->not_names, \
  &(en)->program_suffixes, &(en)->units, &(en)->time_units, &(en)->number_words, &(en)->counted_nouns, \
  &(en)->months, &(en)->appositive_official, &(en)->roles_before_name, &(en)->title_modifiers, \
  &(en)->title_org_words, &(en)->org_suffixes, &(en)->female_names, &(en)->male_names, \
  &(en)->female_pronoun_names, &(en)->male_pronoun_names, \
  &(en)->unnamed_roles, &(en)->unnamed_office_roles, &(en)->government_words, &(en)->executive_titles, \
  &(en)->name_said_objects, &(en)->fractions, &(en)->half_units, &(en)->hyphen_units, &(en)->number_labels, \
  &(en)->relations, &(en)->org_nouns

typedef struct
{
  char       *tag;
  char       *text;
  JsonObject *attributes;
} Known;

struct _GlossSuggester
{
  GObject    parent_instance;
  ZhLexicon  zh;
  EnLexicon  en;
  GPtrArray *known;    /* of Known */
  GHashTable *known_keys;  /* "tag\ntext" of each Known, to add each once */
};

/* ------------------------------------------------------------------ */
/* One run over one text                                                */

typedef struct
{
  guint   start, end;
  const char *tag;
  const char *rule;
  double  confidence;
  char   *title, *organization, *role, *unit;
  int     entity;     /* persons and officials: index into Run.entities */
  int     speaker;    /* quotes: entity index, -1 none */
  gboolean dropped;
} Cand;

typedef struct
{
  char *key;          /* the name, as written */
  char *name;         /* the whole name (English: all its words) */
  const char *tag;    /* "official" or "person": the strongest seen */
  int   first;        /* the candidate that names them first */
} Entity;

typedef struct
{
  GlossSuggester *self;
  const char *text;
  gunichar   *u;
  guint       n;
  guint      *byte_to_cp;
  guint8     *word_start;  /* ICU word boundaries */
  void       *zh_words;    /* an ICU word break iterator for Chinese, opened when first needed */
  guint8     *cover;       /* while finding names: 1 name, 2 corpus */
  GArray     *cands;       /* of Cand */
  GPtrArray  *entities;    /* of Entity */
  GHashTable *entity_keys; /* an Entity's key → its index + 1 in entities */
  GArray     *mentions;    /* indices of person/official cands, sorted by start */
  guint8     *genders;     /* per entity, found when a pronoun needs them: 'f', 'm', 0 unknown */
  guint       n_genders;
  GArray     *speech;      /* while quotes are decided: open, close of each speech so far */
  guint       deciding_open, deciding_close;   /* the quote being decided, its marks */
} Run;

typedef struct
{
  guint open, close;      /* positions of the marks; close == end of paragraph when unclosed */
  guint par_start, par_end;
  gboolean unclosed;
} Quote;

typedef struct
{
  gboolean speech;
  int      speaker;
  double   confidence;
  const char *rule;
  gboolean open_end;   /* the quote ran unclosed to its paragraph's end: it goes on */
} Decision;

typedef struct
{
  gunichar *key;
  glong     len;
  gboolean  latin;
  gboolean  dotted;
  gboolean  alias;     /* one word of a longer English name */
  gboolean  whole;     /* the whole English name */
  gboolean  familiar;  /* 老王 for 王德顺: only where a name may end */
  gboolean  titled;    /* 马局长 for 局长马立川: not after 小 老 阿 (小林老师) */
  int       index;
} Key;

/* The ideograph blocks, without a script table lookup per character. */
static inline gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

/* gloss-suggest.c: one run's candidates and entities */
G_GNUC_INTERNAL Cand * suggest_cand_at (Run *run, guint i);
G_GNUC_INTERNAL guint suggest_add_cand (Run *run, const char *tag, guint start, guint end, const char *rule, double confidence);
G_GNUC_INTERNAL char * suggest_substring (Run *run, guint start, guint end);
G_GNUC_INTERNAL gboolean suggest_overlaps_tag (Run *run, const char *tag, guint start, guint end);
G_GNUC_INTERNAL int suggest_entity_for_name (Run *run, const char *key, const char *name, const char *tag, guint cand);
G_GNUC_INTERNAL int suggest_entity_for (Run *run, const char *key, const char *tag, guint cand);
/* a candidate and its entity, keyed by the text it covers */
G_GNUC_INTERNAL guint suggest_add_named (Run *run, const char *tag, guint start, guint end, const char *rule, double confidence);
G_GNUC_INTERNAL gboolean suggest_is_name_separator (gunichar c);
G_GNUC_INTERNAL gboolean suggest_is_clause_punct (gunichar c);
G_GNUC_INTERNAL gboolean suggest_is_sentence_end (gunichar c);

/* gloss-suggest-lexicon.c */
G_GNUC_INTERNAL void suggest_word_list_clear (WordList *wl);
G_GNUC_INTERNAL gboolean suggest_word_list_has (const WordList *wl, const gunichar *u, guint len);
G_GNUC_INTERNAL guint suggest_word_list_match_at (const WordList *wl, const gunichar *u, guint n, guint i);
G_GNUC_INTERNAL guint suggest_word_list_match_before (const WordList *wl, const gunichar *u, guint lo, guint end);
G_GNUC_INTERNAL gboolean suggest_word_list_inside (const WordList *wl, const gunichar *u, guint a, guint b);
G_GNUC_INTERNAL gboolean suggest_char_in (const WordList *wl, gunichar c);
G_GNUC_INTERNAL void suggest_known_free (gpointer data);
G_GNUC_INTERNAL void suggest_load_en (EnLexicon *en);
G_GNUC_INTERNAL void suggest_load_zh (ZhLexicon *zh);

/* gloss-suggest-names-zh.c */
G_GNUC_INTERNAL void suggest_zh_titled_names (Run *run);
G_GNUC_INTERNAL void suggest_zh_plain_names (Run *run);
G_GNUC_INTERNAL gboolean suggest_zh_name_may_end (Run *run, guint end);
G_GNUC_INTERNAL guint suggest_zh_familiar_name (Run *run, guint i);
G_GNUC_INTERNAL guint suggest_zh_nickname_in_marks (Run *run, guint i);
G_GNUC_INTERNAL guint suggest_zh_child_parent_at (Run *run, guint i);
G_GNUC_INTERNAL gboolean suggest_zh_speaks_after_quote (Run *run, guint i, guint len);
G_GNUC_INTERNAL guint suggest_zh_surname_at (Run *run, guint i, guint limit);
/* where the run of ideographs ending at @end starts: 16 back at most, not past an organization's stop */
G_GNUC_INTERNAL guint suggest_zh_org_run_start (Run *run, guint end);
/* a sentence opens at @i (a line's start, after 。！？ or a closing mark) */
G_GNUC_INTERNAL gboolean suggest_zh_sentence_opens_at (Run *run, guint i);
/* a sentence or a clause opens at @i */
G_GNUC_INTERNAL gboolean suggest_zh_clause_opens_at (Run *run, guint i);
G_GNUC_INTERNAL gboolean suggest_zh_addressee (gunichar c);
/* a Chinese personal name at @i (after a title: three characters trusted more) */
G_GNUC_INTERNAL guint suggest_zh_name_at (Run *run, guint i, gboolean after_title);
/* a familiar form at @i (老王 周大爷 贺某), 0 if none */
G_GNUC_INTERNAL guint suggest_zh_familiar_name_full (Run *run, guint i, gboolean after_title, gboolean must_end);
/* a Latin name for a Chinese speaker at @i (Sarah Lin), 0 if none */
G_GNUC_INTERNAL guint suggest_zh_latin_name_at (Run *run, guint i);
/* gloss-suggest-verbs-zh.c */
/* a speech verb after a name ending at @e, directly or after adverbials */
G_GNUC_INTERNAL gboolean suggest_zh_verb_follows (Run *run, guint e);
G_GNUC_INTERNAL guint suggest_zh_manner_before_verb (Run *run, guint e);
G_GNUC_INTERNAL int suggest_zh_bare_role_subject (Run *run, const Quote *q);
G_GNUC_INTERNAL int suggest_zh_pointing_subject (Run *run, const Quote *q);
G_GNUC_INTERNAL int suggest_zh_answer_self (Run *run, const Quote *q);
/* a speech verb or an attribution follows @e (向记者表示, 在电话中称) */
G_GNUC_INTERNAL gboolean suggest_zh_attribution_follows (Run *run, guint e);
/* a clause ending at most @limit ideographs after @e in a colon and an opening mark */
G_GNUC_INTERNAL gboolean suggest_zh_colon_quote_follows (Run *run, guint e, guint limit);
/* gloss-suggest-unnamed-zh.c */
G_GNUC_INTERNAL void suggest_zh_unnamed_speakers (Run *run);
/* gloss-suggest-statements-zh.c */
G_GNUC_INTERNAL void suggest_zh_company_statements (Run *run);
/* gloss-suggest-acting-zh.c */
G_GNUC_INTERNAL void suggest_zh_acting_speakers (Run *run);
/* gloss-suggest-names-en.c */
G_GNUC_INTERNAL guint suggest_cp_of (Run *run, int byte);
G_GNUC_INTERNAL void suggest_en_names (Run *run);
/* a capitalised word that names no one (a month, a sentence's first word) */
G_GNUC_INTERNAL gboolean en_is_not_name (Run *run, const char *token);
/* gloss-suggest-entities.c */
G_GNUC_INTERNAL GHashTable * suggest_keys_by_first (GArray *keys);
G_GNUC_INTERNAL void suggest_key_clear (gpointer data);
G_GNUC_INTERNAL gboolean suggest_key_matches (Run *run, Key *key, guint i);
G_GNUC_INTERNAL void suggest_later_mentions (Run *run);
G_GNUC_INTERNAL void suggest_index_mentions (Run *run);
G_GNUC_INTERNAL int suggest_mention_before (Run *run, guint pos);
G_GNUC_INTERNAL gboolean suggest_en_ends_with (Run *run, guint end, const char *word);
G_GNUC_INTERNAL gboolean suggest_en_listed_word_at (Run *run, guint k, const WordList *wl, guint *len);
G_GNUC_INTERNAL gboolean suggest_en_the_before (Run *run, guint k);
G_GNUC_INTERNAL gboolean suggest_en_word_in_fold (Run *run, const WordList *wl, guint ws, guint we);
G_GNUC_INTERNAL int suggest_entity_in (Run *run, guint lo, guint hi);
G_GNUC_INTERNAL int suggest_last_subject_in (Run *run, guint lo, guint hi, gboolean (*possessor) (Run *run, guint end));
G_GNUC_INTERNAL gboolean suggest_zh_reads_as_word (Run *run, guint i, guint surname_len, guint len);
G_GNUC_INTERNAL gboolean suggest_zh_word_of_two_at (Run *run, guint i);
G_GNUC_INTERNAL int suggest_entity_before (Run *run, guint pos, guint max_distance);
G_GNUC_INTERNAL void suggest_organizations (Run *run);
G_GNUC_INTERNAL void suggest_en_speaking_organizations (Run *run);
G_GNUC_INTERNAL void suggest_corpus (Run *run);

/* gloss-suggest-interview.c */
G_GNUC_INTERNAL void suggest_zh_interview_names (Run *run);
G_GNUC_INTERNAL void suggest_zh_interview_answers (Run *run);

/* gloss-suggest-quotes.c */
G_GNUC_INTERNAL gboolean suggest_is_opener (gunichar c);
G_GNUC_INTERNAL gboolean suggest_quote_has_clause (Run *run, const Quote *q);
G_GNUC_INTERNAL void suggest_quotes_and_programs (Run *run);
G_GNUC_INTERNAL void suggest_program_mentions (Run *run);
G_GNUC_INTERNAL void suggest_en_programs (Run *run);

/* gloss-suggest-speakers.c: the Chinese rules, and what the English ones
 * share with them (short names: the Chinese rules call them so) */
G_GNUC_INTERNAL Decision suggest_decide_zh (Run *run, const Quote *q, const Decision *last_in_paragraph, const Decision *previous_paragraph);
G_GNUC_INTERNAL gboolean en_possessive (Run *run, guint end);
G_GNUC_INTERNAL int pronoun_antecedent (Run *run, guint pos, guint max_distance, gboolean female);
G_GNUC_INTERNAL void continue_open_quote (const Quote *q, const Decision *previous_paragraph, Decision *d, const char *rule);
G_GNUC_INTERNAL gboolean continues_previous_paragraph (Run *run, const Quote *q, gboolean clause, const Decision *previous_paragraph);
G_GNUC_INTERNAL guint colon_paragraph_before (Run *run, const Quote *q, guint *prev_start);

/* gloss-suggest-speakers-en.c */
G_GNUC_INTERNAL guint8 en_given_name_gender (Run *run, const char *name);
G_GNUC_INTERNAL void suggest_en_handles (Run *run);
G_GNUC_INTERNAL Decision suggest_decide_en (Run *run, const Quote *q, const Decision *last_in_paragraph, const Decision *previous_paragraph);
G_GNUC_INTERNAL Decision suggest_decide_en_block (Run *run, const Quote *q);

/* gloss-suggest-programs.c */
G_GNUC_INTERNAL void suggest_zh_named_programs (Run *run);

/* gloss-suggest-statistics.c */
G_GNUC_INTERNAL void suggest_zh_statistics (Run *run);
G_GNUC_INTERNAL void suggest_en_statistics (Run *run);

G_END_DECLS
