/* gloss-cli-diff.c: `gloss-cli diff`, what changed between two versions of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli.h"
#include "gloss-diff.h"
#include "gloss-document.h"
#include "gloss-loader.h"

typedef struct
{
  guint old_start, old_end, new_start, new_end;
} Change;

/* The gaps between the common runs. */
static GArray *
changes_of (GArray *blocks,
            guint   old_length,
            guint   new_length)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));
  guint a = 0, b = 0;

  for (guint i = 0; i <= blocks->len; i++)
    {
      guint next_a = old_length, next_b = new_length, length = 0;

      if (i < blocks->len)
        {
          const GlossDiffBlock *block = &g_array_index (blocks, GlossDiffBlock, i);

          next_a = block->old_start;
          next_b = block->new_start;
          length = block->length;
        }
      if (next_a > a || next_b > b)
        {
          Change change = { a, next_a, b, next_b };
          g_array_append_val (changes, change);
        }
      a = next_a + length;
      b = next_b + length;
    }
  return changes;
}

/* Each line of @text with @mark before it (a change is mostly inside a line). */
static void
print_lines (char        mark,
             const char *text)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  if (*text == '\0')
    return;
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  for (guint i = 0; i < n; i++)
    {
      if (i + 1 == n && *lines[i] == '\0')
        break;
      printf ("%c%s\n", mark, lines[i]);
    }
}

static void
add_side (JsonBuilder   *builder,
          const char    *name,
          const char    *path,
          GlossDocument *document)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, gloss_document_get_sha256 (document));
  json_builder_set_member_name (builder, "length");
  json_builder_add_int_value (builder, gloss_document_get_length (document));
  json_builder_end_object (builder);
}

int
gloss_cli_diff (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossDocument) old = NULL;
  g_autoptr(GlossDocument) new = NULL;
  GlossDocument **documents[2] = { &old, &new };
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(GArray) changes = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the changes as JSON, offsets in code points"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("OLD NEW — what changed between two versions of an article"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Compares the canonical texts of two articles (text or saved HTML pages) code point by "
      "code point, as re-anchoring does. Prints each change as a hunk: “@@ -START,LENGTH "
      "+START,LENGTH @@” in code points from 0, the removed text after “-”, the inserted text "
      "after “+”. Exits with 0 when the texts are the same, 1 when they differ, 2 on trouble."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;

  if (argc != 3)
    {
      g_printerr (_("gloss-cli: diff: give exactly two articles, OLD and NEW\n"));
      return 2;
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i + 1]);
      g_autoptr(GError) error = NULL;

      *documents[i] = gloss_document_load_file (file, NULL, NULL, &error);
      if (*documents[i] == NULL)
        {
          gloss_cli_error (argv[i + 1], "%s", error->message);
          return 2;
        }
    }

  {
    g_autofree gunichar *a = g_utf8_to_ucs4_fast (gloss_document_get_text (old), -1, NULL);
    g_autofree gunichar *b = g_utf8_to_ucs4_fast (gloss_document_get_text (new), -1, NULL);
    guint n = gloss_document_get_length (old), m = gloss_document_get_length (new);

    blocks = gloss_diff_code_points (a, n, b, m);
    gloss_diff_cleanup (blocks, n, m);
    changes = changes_of (blocks, n, m);
  }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *data = NULL;

      json_builder_begin_object (builder);
      add_side (builder, "old", argv[1], old);
      add_side (builder, "new", argv[2], new);
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < changes->len; i++)
        {
          const Change *c = &g_array_index (changes, Change, i);
          g_autofree char *removed = gloss_document_get_slice (old, c->old_start, c->old_end);
          g_autofree char *inserted = gloss_document_get_slice (new, c->new_start, c->new_end);
          const char *kind = c->old_start == c->old_end ? "insert" : c->new_start == c->new_end ? "delete" : "replace";

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, kind);
          json_builder_set_member_name (builder, "old_start");
          json_builder_add_int_value (builder, c->old_start);
          json_builder_set_member_name (builder, "old_end");
          json_builder_add_int_value (builder, c->old_end);
          json_builder_set_member_name (builder, "new_start");
          json_builder_add_int_value (builder, c->new_start);
          json_builder_set_member_name (builder, "new_end");
          json_builder_add_int_value (builder, c->new_end);
          json_builder_set_member_name (builder, "old_text");
          json_builder_add_string_value (builder, removed);
          json_builder_set_member_name (builder, "new_text");
          json_builder_add_string_value (builder, inserted);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      data = json_generator_to_data (generator, NULL);
      printf ("%s\n", data);
    }
  else if (changes->len > 0)
    {
      printf ("--- %s\n+++ %s\n", argv[1], argv[2]);
      for (guint i = 0; i < changes->len; i++)
        {
          const Change *c = &g_array_index (changes, Change, i);
          g_autofree char *removed = gloss_document_get_slice (old, c->old_start, c->old_end);
          g_autofree char *inserted = gloss_document_get_slice (new, c->new_start, c->new_end);

          printf ("@@ -%u,%u +%u,%u @@\n", c->old_start, c->old_end - c->old_start,
                  c->new_start, c->new_end - c->new_start);
          print_lines ('-', removed);
          print_lines ('+', inserted);
        }
    }

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      gloss_cli_error (NULL, _("writing to standard output failed"));
      return 2;
    }
  return changes->len > 0 ? 1 : 0;
}
