/* gloss-library-bigram.c: the index of queries of one and two characters
 *
 * FTS5's trigram tokenizer finds substrings of three characters and more;
 * a Chinese word is often two.  text_bigrams indexes every two consecutive
 * characters of a folded text, and its last character alone, each written
 * as an ASCII term ("5317g4eac" for 北京: code points in hex, 'g' between)
 * for FTS5's own "ascii" tokenizer: a query of two characters is one term,
 * a query of one character the prefix "5317g" * or the term "5317".  The
 * table is contentless with detail=none: it only says which articles may
 * hold the query, which the search then finds in their texts as before.
 *
 * Terms rather than a tokenizer of our own: any SQLite (an older Gloss
 * rebuilding the index, the sqlite3 shell) can read and drop the table.
 * The terms are made by the SQL function gloss_bigrams(), which only the
 * statements writing the index use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-library-private.h"

static inline void
append_hex (GString  *terms,
            gunichar  c)
{
  static const char digits[] = "0123456789abcdef";
  char buffer[8];
  int n = 0;

  do
    {
      buffer[n++] = digits[c & 0xf];
      c >>= 4;
    }
  while (c != 0);
  while (n > 0)
    g_string_append_c (terms, buffer[--n]);
}

/* The terms of @folded (valid UTF-8), space-separated, into @terms. */
static void
append_terms (GString    *terms,
              const char *folded,
              gssize      length)
{
  const char *p = folded;
  const char *end = folded + length;
  gunichar previous;

  if (p >= end)
    return;
  previous = g_utf8_get_char (p);
  for (p = g_utf8_next_char (p); p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      append_hex (terms, previous);
      g_string_append_c (terms, 'g');
      append_hex (terms, c);
      g_string_append_c (terms, ' ');
      previous = c;
    }
  /* The last character alone: a query of one character is found where no
   * character follows it too. */
  append_hex (terms, previous);
}

/* gloss_bigrams(TEXT): the terms of a folded text, for text_bigrams. */
static void
bigrams_function (sqlite3_context  *context,
                  int               n_values,
                  sqlite3_value   **values)
{
  const char *text = (const char *) sqlite3_value_text (values[0]);
  int length = sqlite3_value_bytes (values[0]);
  g_autofree char *valid = NULL;
  GString *terms;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  /* The folded texts are UTF-8; were one not, the same terms every time
   * (a text is forgotten by its terms), not an error failing the update. */
  if (!g_utf8_validate (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
    }
  /* "xxxxgyyyy " for every character of three bytes. */
  terms = g_string_sized_new (length * 10 / 3 + 16);
  append_terms (terms, text, length);
  sqlite3_result_text64 (context, terms->str, terms->len, g_free, SQLITE_UTF8);
  g_string_free (terms, FALSE);
}

/* Makes gloss_bigrams() known to @db, for the statements writing the index. */
gboolean
_gloss_library_register_bigrams (sqlite3 *db)
{
  return sqlite3_create_function (db, "gloss_bigrams", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, bigrams_function, NULL, NULL) == SQLITE_OK;
}

/* The MATCH expression for text_bigrams that finds the texts which may
 * hold @needle (folded, one or two characters). */
char *
_gloss_library_bigram_expression (const char *needle,
                                  glong       needle_length)
{
  g_autoptr(GString) expression = g_string_new (NULL);
  gunichar first = g_utf8_get_char (needle);

  append_hex (expression, first);
  if (needle_length == 1)
    {
      g_string_append (expression, " OR ");
      append_hex (expression, first);
      g_string_append (expression, "g*");
    }
  else
    {
      g_string_append_c (expression, 'g');
      append_hex (expression, g_utf8_get_char (g_utf8_next_char (needle)));
    }
  return g_string_free (g_steal_pointer (&expression), FALSE);
}
