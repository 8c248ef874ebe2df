/* gloss-cli-agree-print.c: the agreement as JSON and as a table, the same
 * for `agree` on one article and on folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-cli.h"

static void
print_json (GString  *out,
            JsonNode *node,
            guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            g_autoptr(JsonNode) name = json_node_new (JSON_NODE_VALUE);
            g_autofree char *quoted = NULL;

            json_node_set_string (name, l->data);
            quoted = json_to_string (name, FALSE);
            g_string_append_printf (out, "%s\n%*s%s: ", first ? "" : ",", (depth + 1) * 2, "", quoted);
            print_json (out, json_object_get_member (object, l->data), depth + 1);
            first = FALSE;
          }
        if (!first)
          g_string_append_printf (out, "\n%*s", depth * 2, "");
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            g_string_append_printf (out, "%s\n%*s", i > 0 ? "," : "", (depth + 1) * 2, "");
            print_json (out, json_array_get_element (array, i), depth + 1);
          }
        if (n > 0)
          g_string_append_printf (out, "\n%*s", depth * 2, "");
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (buffer, sizeof buffer, "%.10g", json_node_get_double (node));
          g_string_append (out, buffer);
          /* Keep it a floating-point number for typed readers: 0 → 0.0. */
          if (strpbrk (buffer, ".eEn") == NULL)
            g_string_append (out, ".0");
          break;
        }
      G_GNUC_FALLTHROUGH;

    case JSON_NODE_NULL:
    default:
      {
        g_autofree char *text = json_to_string (node, FALSE);

        g_string_append (out, text);
      }
      break;
    }
}

static char *
format_number (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.3f", value);
}

/* printf pads bytes; the table holds “–”, “α” and translated headings. */
static void
pad (GString    *line,
     const char *text,
     guint       width)
{
  glong n = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = n; i < (glong)width; i++)
    g_string_append_c (line, ' ');
  g_string_append_c (line, ' ');
}

static void
print_line (const char *tag,
            const char *alpha,
            const char *fleiss,
            const char *pair,
            const char *kappa,
            const char *f1_exact,
            const char *f1_overlap)
{
  g_autoptr(GString) line = g_string_new (NULL);

  pad (line, tag, 16);
  pad (line, alpha, 7);
  pad (line, fleiss, 8);
  pad (line, pair, 24);
  pad (line, kappa, 7);
  pad (line, f1_exact, 9);
  g_string_append (line, f1_overlap);
  printf ("%s\n", line->str);
}

static void
print_rows (GlossAgreement *agreement,
            const char     *tag,
            const char     *label)
{
  g_autofree char *alpha = format_number (gloss_agreement_get_alpha (agreement, tag));
  g_autofree char *fleiss = format_number (gloss_agreement_get_fleiss_kappa (agreement, tag));

  for (guint p = 0; p < gloss_agreement_get_n_pairs (agreement); p++)
    {
      const GlossPairAgreement *pair = gloss_agreement_get_pair (agreement, tag, p);
      g_autofree char *names = g_strdup_printf ("%s–%s",
                                                gloss_agreement_get_annotator (agreement, pair->a),
                                                gloss_agreement_get_annotator (agreement, pair->b));
      g_autofree char *kappa = format_number (pair->cohen_kappa);
      g_autofree char *f1_exact = format_number (pair->f1_exact);
      g_autofree char *f1_overlap = format_number (pair->f1_overlap);

      print_line (p == 0 ? label : "", p == 0 ? alpha : "", p == 0 ? fleiss : "",
                  names, kappa, f1_exact, f1_overlap);
    }
}

void
gloss_cli_agree_print_table (GlossAgreement *agreement)
{
  const char * const *tags = gloss_agreement_get_tags (agreement);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint l = 0; l < gloss_agreement_get_n_layers (agreement); l++)
    g_string_append_printf (names, "%s%s", l > 0 ? ", " : "", gloss_agreement_get_annotator (agreement, l));

  printf (g_dngettext (GETTEXT_PACKAGE, "Annotators: %s; units: %u code point\n",
                       "Annotators: %s; units: %u code points\n",
                       gloss_agreement_get_length (agreement)),
          names->str, gloss_agreement_get_length (agreement));
  printf ("\n");
  /* Translators: column heading, Fleiss' kappa over all annotators; at most 8 characters */
  print_line (_("Tag"), "α", _("Fleiss κ"), _("Pair"), "κ", _("F1 exact"), _("F1 overlap"));
  for (guint t = 0; tags[t] != NULL; t++)
    print_rows (agreement, tags[t], tags[t]);
  print_rows (agreement, NULL, _("overall"));
}

void
gloss_cli_agree_print_json (JsonNode *root)
{
  g_autoptr(GString) out = g_string_new (NULL);

  print_json (out, root, 0);
  g_string_append_c (out, '\n');
  fwrite (out->str, 1, out->len, stdout);
}
