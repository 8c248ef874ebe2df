/* gloss-suggest-programs.c: programs named without quotation marks —
 * policy documents in title marks (《…实施方案》, 《…规范条件（2024年本）》)
 * and initiatives named right after a program verb (推进高标准农田建设,
 * 实施乡村振兴战略)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* 《…》 whose name, without a closing parenthesis (（2024年本）, （试行）),
 * ends in a document word of the lexicon: a policy, not a book or a paper. */
static void
zh_document_programs (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i < n; i++)
    {
      guint a = i + 1, b = a, end;

      if (u[i] != 0x300A /* 《 */)
        continue;
      while (b < n && b - a < 40 && u[b] != 0x300B && u[b] != 0x300A && u[b] != '\n')
        b++;
      if (b >= n || u[b] != 0x300B || b - a < 3)
        {
          i = b > i ? b - 1 : i;
          continue;
        }
      end = b;
      if (u[end - 1] == 0xFF09 || u[end - 1] == ')')
        {
          guint open = end - 1;
          while (open > a && u[open] != 0xFF08 && u[open] != '(')
            open--;
          if (open > a)
            end = open;
        }
      if (suggest_word_list_match_before (&zh->document_suffixes, u, end > a + MAX_WORD ? end - MAX_WORD : a, end) > 0)
        suggest_add_cand (run, "program", a, b, "zh-program-document", 0.7);
      i = b;
    }
}

/* Whether the two characters @c @d say when after a name (以来 中 期间 后):
 * 开展…专项行动以来. */
static gboolean
zh_time_after_name (gunichar c,
                    gunichar d)
{
  return (c == 0x4EE5 /* 以 */ && d == 0x6765 /* 来 */) || (c == 0x4EE5 && d == 0x4F86 /* 來 */) ||
         (c == 0x671F /* 期 */ && (d == 0x95F4 /* 间 */ || d == 0x9593 /* 間 */)) || c == 0x4E2D /* 中 */ ||
         c == 0x540E /* 后 */ || c == 0x5F8C /* 後 */;
}

/* 推进高标准农田建设，实施乡村振兴战略：a program verb, then four to twelve
 * ideographs without a particle, ending in a program word and then a
 * clause's end (quotation marks stop the name: quoted programs have their
 * own rule). */
static void
zh_unquoted_programs (Run *run)
{
  ZhLexicon *zh = &run->self->zh;
  gunichar *u = run->u;
  guint n = run->n;

  for (guint i = 0; i < n; i++)
    {
      guint v = suggest_word_list_match_at (&zh->program_verbs, u, n, i), a, b;

      if (v == 0)
        continue;
      a = i + v;
      if (a < n && u[a] == 0x4E86 /* 了 */)
        a++;
      b = a;
      while (b < n && b - a < 17 && is_han (u[b]) && !suggest_char_in (&zh->org_stops, u[b]))
        b++;
      if (b - a >= 4 && b - a <= 12 && (b == n || suggest_is_clause_punct (u[b]) || u[b] == 0x3001 /* 、 */) &&
          suggest_word_list_match_before (&zh->named_program_ends, u, a, b) > 0)
        suggest_add_cand (run, "program", a, b, "zh-program-unquoted", 0.6);
      else
        /* 开展打击整治养老诈骗专项行动以来: the name may end before 以来 中 期间
         * 后, sixteen ideographs at most. */
        for (guint e = b; e >= a + 4; e--)
          if (e + 1 < n && e - a <= 16 && zh_time_after_name (u[e], u[e + 1]) &&
              suggest_word_list_match_before (&zh->named_program_ends, u, a, e) > 0)
            {
              suggest_add_cand (run, "program", a, e, "zh-program-unquoted", 0.6);
              break;
            }
      i = b > i ? b - 1 : i;
    }
}

void
suggest_zh_named_programs (Run *run)
{
  zh_document_programs (run);
  zh_unquoted_programs (run);
}
