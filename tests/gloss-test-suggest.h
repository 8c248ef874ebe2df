/* gloss-test-suggest.h: running the suggesters on a text in a test, and
 * finding what they suggested
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "gloss-suggest.h"

typedef struct
{
  char      *text;
  GPtrArray *suggestions;
} Result;

static inline void
result_free (Result *r)
{
  g_free (r->text);
  g_ptr_array_unref (r->suggestions);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static inline Result *
suggest_text (const char *text)
{
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();
  Result *r = g_new0 (Result, 1);

  r->text = g_strdup (text);
  r->suggestions = gloss_suggester_run (suggester, text);
  return r;
}

static inline char *
covered (Result                *r,
         const GlossSuggestion *s)
{
  return g_utf8_substring (r->text, s->start, s->end);
}

/* The suggestion of @tag covering exactly @text (its first occurrence after
 * @after code points), or NULL. */
static inline GlossSuggestion *
find_after (Result     *r,
            const char *tag,
            const char *text,
            guint       after)
{
  for (guint i = 0; i < r->suggestions->len; i++)
    {
      GlossSuggestion *s = r->suggestions->pdata[i];
      g_autofree char *t = NULL;
      if (!g_str_equal (s->tag, tag) || s->start < after)
        continue;
      t = covered (r, s);
      if (g_str_equal (t, text))
        return s;
    }
  return NULL;
}

static inline GlossSuggestion *
find (Result     *r,
      const char *tag,
      const char *text)
{
  return find_after (r, tag, text, 0);
}

static inline GlossSuggestion *
by_id (Result     *r,
       const char *id)
{
  for (guint i = 0; i < r->suggestions->len; i++)
    if (g_str_equal (((GlossSuggestion *) r->suggestions->pdata[i])->id, id))
      return r->suggestions->pdata[i];
  return NULL;
}

/* The suggestion of @tag over exactly @text, or a failure naming both. */
static inline GlossSuggestion *
find_or_fail (Result     *r,
              const char *tag,
              const char *text)
{
  GlossSuggestion *s = find (r, tag, text);

  if (s == NULL)
    g_error ("no %s suggested for “%s”", tag, text);
  return s;
}

/* The quote suggested over exactly @quote, or a failure naming it. */
static inline GlossSuggestion *
find_quote (Result     *r,
            const char *quote)
{
  return find_or_fail (r, "quote", quote);
}

/* The suggestion the speaker link of the quote over @quote points to, or a
 * failure saying @expected was wanted. */
static inline GlossSuggestion *
quote_speaker (Result     *r,
               const char *quote,
               const char *expected)
{
  const char *id = gloss_suggestion_get_attribute (find_quote (r, quote), "speaker");
  GlossSuggestion *speaker;

  if (id == NULL)
    g_error ("“%s” has no speaker; %s expected", quote, expected);
  speaker = by_id (r, id);
  g_assert_nonnull (speaker);
  return speaker;
}

/* How many suggestions have @tag. */
static inline guint
count_tag (Result     *r,
           const char *tag)
{
  guint n = 0;

  for (guint i = 0; i < r->suggestions->len; i++)
    n += g_str_equal (((GlossSuggestion *) r->suggestions->pdata[i])->tag, tag);
  return n;
}

/* The text the quote's speaker suggestion covers. */
static inline char *
speaker_of (Result          *r,
            GlossSuggestion *quote)
{
  const char *id;
  GlossSuggestion *speaker;

  g_assert_nonnull (quote);
  id = gloss_suggestion_get_attribute (quote, "speaker");
  if (id == NULL)
    return NULL;
  speaker = by_id (r, id);
  g_assert_nonnull (speaker);
  /* An organization may speak through its notice (公司在公告中称). */
  g_assert_true (g_str_equal (speaker->tag, "official") || g_str_equal (speaker->tag, "person") ||
                 g_str_equal (speaker->tag, "organization"));
  return covered (r, speaker);
}

static inline void
assert_speaker (Result     *r,
                const char *quote,
                const char *speaker)
{
  g_autofree char *s = speaker_of (r, find_quote (r, quote));

  g_assert_cmpstr (s, ==, speaker);
}

/* The quote's speaker covers text ending in @suffix: the name, with
 * whatever office or organization the span takes before it (庭长谈沐阳). */
static inline void
assert_speaker_ends_with (Result     *r,
                          const char *quote,
                          const char *suffix)
{
  g_autofree char *s = speaker_of (r, find_quote (r, quote));

  if (s == NULL || !g_str_has_suffix (s, suffix))
    g_error ("“%s” has speaker %s; one ending in %s expected", quote, s != NULL ? s : "(none)", suffix);
}

/* Ids in text order, offsets inside the text. */
static inline void
assert_well_formed (Result *r)
{
  glong length = g_utf8_strlen (r->text, -1);
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (r->text, -1, NULL);

  for (guint i = 0; i < r->suggestions->len; i++)
    {
      GlossSuggestion *s = r->suggestions->pdata[i];
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);

      g_assert_cmpstr (s->id, ==, id);
      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpuint (s->end, <=, (guint) length);
      g_assert_nonnull (s->rule);
      g_assert_cmpfloat (s->confidence, >, 0);
      g_assert_cmpfloat (s->confidence, <=, 1);
      if (i > 0)
        g_assert_cmpuint (((GlossSuggestion *) r->suggestions->pdata[i - 1])->start, <=, s->start);
      /* A quote never runs over a paragraph break: one that goes on is a second quote. */
      for (guint k = s->start; g_str_equal (s->tag, "quote") && k < s->end; k++)
        g_assert_cmpuint (u[k], !=, '\n');
    }
}
