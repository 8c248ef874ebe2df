/* gloss-cli-search.c: `gloss-cli search`, across the library
 *
 * Compiled twice: into gloss-cli-full with every subcommand, and into the
 * small gloss-cli that runs a search itself when the index is current and
 * hands everything else to gloss-cli-full (gloss-cli-front.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli.h"
#include "gloss-cli-folders.h"
#include "gloss-string-private.h"

#define OUT_CHUNK (64 * 1024)

/* What JSON wants escaped in a string besides the other control characters
 * (U+0000 to U+001F, written \u00XX). */
static const char json_escapes[128] = {
  ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't', ['"'] = '"', ['\\'] = '\\',
};

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)

/* Whether one of the 8 bytes at @p may want escaping: one below 0x20, a
 * quote or a backslash (a byte-wise test that may say yes for nothing, never
 * no for something). */
static inline gboolean
word_may_escape (const unsigned char *p)
{
  guint64 word, quote, backslash;

  memcpy (&word, p, sizeof word);
  quote = word ^ (ONES * '"');
  backslash = word ^ (ONES * '\\');
  return ((((word - ONES * 0x20) & ~word) | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)) &
          (ONES * 0x80)) != 0;
}

/* @value escaped for a JSON string, without the quotes, appended to @out:
 * runs of plain bytes copied at once (a snippet rarely holds anything to
 * escape), looked through 8 bytes at a time. */
static void
append_json_chars (GString    *out,
                   const char *value)
{
  const unsigned char *p = (const unsigned char *) (value != NULL ? value : "");
  const unsigned char *end = p + strlen ((const char *) p);
  const unsigned char *run = p;

  while (p < end)
    {
      if (end - p >= 8 && !word_may_escape (p))
        {
          p += 8;
          continue;
        }
      if (*p >= 0x20 && *p != '"' && *p != '\\')
        {
          p++;
          continue;
        }
      gloss_string_append_run (out, (const char *) run, p - run);
      if (json_escapes[*p] != 0)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, json_escapes[*p]);
        }
      else
        g_string_append_printf (out, "\\u%04x", *p);
      run = ++p;
    }
  gloss_string_append_run (out, (const char *) run, p - run);
}

static void
append_json_member (GString    *out,
                    const char *name,
                    const char *value)
{
  g_string_append_c (out, ',');
  g_string_append (out, name);
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  append_json_chars (out, value);
  g_string_append_c (out, '"');
}

/* @value in decimal: printf's parsing of its format was a tenth of the
 * writing of a common word's 31 000 lines. */
static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  char *p = digits + sizeof digits;

  do
    *--p = '0' + value % 10;
  while ((value /= 10) > 0);
  gloss_string_append_run (out, p, digits + sizeof digits - p);
}

/* One hit as a line of JSON Lines, appended to @out, members in the order
 * of the format; @article: the article's path, escaped.  Written by hand:
 * for the 31 000 hits of a common word JsonGenerator took 43 ms, and
 * json-glib 1.6 writes U+001F as it is, which is not JSON. */
static void
append_json_hit (GString         *out,
                 const char      *article,
                 GlossLibraryHit *hit)
{
#define APPEND_LITERAL(out, s) gloss_string_append_run ((out), (s), sizeof (s) - 1)
  APPEND_LITERAL (out, "{\"article\":\"");
  gloss_string_append_run (out, article, strlen (article));
  if (hit->kind == GLOSS_LIBRARY_HIT_TEXT)
    APPEND_LITERAL (out, "\",\"kind\":\"text\",\"start\":");
  else
    APPEND_LITERAL (out, "\",\"kind\":\"annotation\",\"start\":");
  append_uint (out, hit->start);
  APPEND_LITERAL (out, ",\"end\":");
  append_uint (out, hit->end);
  APPEND_LITERAL (out, ",\"snippet\":\"");
  append_json_chars (out, hit->before);
  APPEND_LITERAL (out, "**");
  append_json_chars (out, hit->match);
  APPEND_LITERAL (out, "**");
  append_json_chars (out, hit->after);
  APPEND_LITERAL (out, "\"");
  if (hit->kind == GLOSS_LIBRARY_HIT_ANNOTATION)
    {
      append_json_member (out, "\"annotation\":", hit->annotation);
      append_json_member (out, "\"annotator\":", hit->annotator);
      append_json_member (out, "\"tag\":", hit->tag);
    }
  APPEND_LITERAL (out, "}\n");
#undef APPEND_LITERAL
}

int
gloss_cli_search (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GlossCliFolders) folders = { 0 };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) annotators = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  gboolean json = FALSE;
  gboolean no_update = FALSE;
  int limit = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per hit"), NULL },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("Search annotations with this tag only (may be repeated)"), N_("TAG") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &annotators, N_("Search this annotator's annotations only (may be repeated)"), N_("ID") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N hits"), N_("N") },
    { "no-update", 0, 0, G_OPTION_ARG_NONE, &no_update, N_("Search the index as it is, without looking for changed files"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("QUERY DIR… — find text and annotations across the library"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Updates the index first. Simplified and traditional Chinese, full-width and "
      "half-width forms and upper and lower case are found alike. Offsets are code "
      "points of the article's text; the snippet marks the match with **."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;
  if (argc < 3)
    {
      g_printerr (_("gloss-cli: search: give a query and at least one folder\n"));
      return 2;
    }
  if (limit < 0)
    {
      g_printerr (_("gloss-cli: search: --limit wants a number of 0 or more\n"));
      return 2;
    }
  if (!gloss_cli_folders_init (&folders, argc - 2, argv + 2))
    return 1;

  /* Looking for changes stats every file: most of a search's time, so it
   * runs beside the search (gloss_library_update_and_search()).  The small
   * gloss-cli reads no file: if one changed, gloss-cli-full updates. */
#ifdef GLOSS_CLI_FRONT
  /* A damaged index is made again by gloss-cli-full. */
  if (no_update)
    hits = gloss_library_search_as_is (folders.library, argv[1], (const char * const *) tags,
                                       (const char * const *) annotators, limit, &error);
  else
    hits = gloss_library_search_current (folders.library, argv[1], (const char * const *) tags,
                                         (const char * const *) annotators, limit, &error);
  if (hits == NULL && g_error_matches (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_STALE))
    return gloss_cli_run_full ();
#else
  if (no_update)
    hits = gloss_library_search (folders.library, argv[1], (const char * const *) tags,
                                 (const char * const *) annotators, limit, &error);
  else
    hits = gloss_library_update_and_search (folders.library, argv[1], (const char * const *) tags,
                                            (const char * const *) annotators, limit, &error);
#endif
  if (hits == NULL)
    {
      gloss_cli_error (NULL, "%s", error->message);
      return 1;
    }

  /* Each article's name made (and escaped) once, the lines written 64 KiB
   * at a time: a common word prints tens of thousands of hits. */
  out = g_string_sized_new (OUT_CHUNK + 4096);
  for (guint i = 0; i < hits->len; i++)
    {
      GlossLibraryHit *hit = g_ptr_array_index (hits, i);

      if (i == 0 || g_strcmp0 (hit->article, ((GlossLibraryHit *) g_ptr_array_index (hits, i - 1))->article) != 0)
        {
          g_free (path);
          path = gloss_cli_folders_display_path (&folders, hit->article);
          if (json)
            {
              g_autoptr(GString) chars = g_string_new (NULL);

              append_json_chars (chars, path);
              g_free (escaped);
              escaped = g_string_free (g_steal_pointer (&chars), FALSE);
            }
        }

      if (json)
        append_json_hit (out, escaped, hit);
      else if (hit->kind == GLOSS_LIBRARY_HIT_TEXT)
        g_string_append_printf (out, "%s:%u-%u: %s**%s**%s\n", path, hit->start, hit->end,
                                hit->before ? hit->before : "", hit->match ? hit->match : "",
                                hit->after ? hit->after : "");
      else
        g_string_append_printf (out, "%s:%u-%u: [%s %s %s] %s**%s**%s\n", path, hit->start, hit->end,
                                hit->annotator, hit->tag, hit->field,
                                hit->before ? hit->before : "", hit->match ? hit->match : "",
                                hit->after ? hit->after : "");
      if (out->len >= OUT_CHUNK)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
  return hits->len > 0 ? 0 : 1;
}

