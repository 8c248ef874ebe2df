/* gloss-sidecar-write.c: a sidecar as its JSON text
 *
 * Writing goes through a fixed key order so that the same content always
 * gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-version-store.h"
#include "gloss-annotation-private.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-file.h"
#include "gloss-json.h"
#include "gloss-sidecar.h"
#include "gloss-sidecar-private.h"

static const char * const document_keys[] = {
  "source", "url", "title", "byline", "published", "site_name", "encoding",
  "retrieved", "sha256", "length", NULL
};

/* Writing */

static void
set_member (JsonObject *object,
            const char *name,
            JsonNode   *node)
{
  json_object_set_member (object, name, node);
}

static void
append_copy (JsonObject *to,
             JsonObject *from)
{
  g_autoptr(GList) members = json_object_get_members (from);

  for (const GList *l = members; l; l = l->next)
    if (!json_object_has_member (to, l->data))
      json_object_set_member (to, l->data, json_node_copy (json_object_get_member (from, l->data)));
}

static JsonNode *
document_to_json (GlossSidecar *self)
{
  JsonObject *out = json_object_new ();

  for (guint i = 0; document_keys[i]; i++)
    {
      JsonNode *node = json_object_get_member (self->document_info, document_keys[i]);

      if (node != NULL)
        set_member (out, document_keys[i], json_node_copy (node));
    }
  append_copy (out, self->document_info);

  return gloss_json_object_node (out);
}

/* Annotations are written straight to text: building a JsonNode tree for
 * 100 000 of them would cost more than the writing itself.  The layout is the
 * one gloss_json_append_node() gives (the round-trip test holds them equal). */
static void
append_member (GString    *out,
               const char *name,
               const char *value,
               gboolean    comma)
{
  g_string_append (out, "      ");
  gloss_json_append_string (out, name);
  g_string_append (out, ": ");
  gloss_json_append_string (out, value ? value : "");
  if (comma)
    g_string_append_c (out, ',');
  g_string_append_c (out, '\n');
}

static void
append_annotation (GString         *out,
                   GlossAnnotation *annotation)
{
  JsonObject *attributes = _gloss_annotation_peek_attributes (annotation);
  JsonObject *extra = _gloss_annotation_peek_extra (annotation);
  g_autoptr(GList) names = attributes ? json_object_get_members (attributes) : NULL;
  g_autoptr(GList) extras = extra ? json_object_get_members (extra) : NULL;
  const char *created = gloss_annotation_get_created (annotation);
  const char *modified = gloss_annotation_get_modified (annotation);

  g_string_append (out, "    {\n");
  append_member (out, "id", gloss_annotation_get_id (annotation), TRUE);
  append_member (out, "tag", gloss_annotation_get_tag (annotation), TRUE);
  g_string_append_printf (out, "      \"start\": %u,\n      \"end\": %u,\n",
                          gloss_annotation_get_start (annotation),
                          gloss_annotation_get_end (annotation));
  append_member (out, "text", gloss_annotation_get_text (annotation), TRUE);
  append_member (out, "prefix", gloss_annotation_get_prefix (annotation), TRUE);
  append_member (out, "suffix", gloss_annotation_get_suffix (annotation), TRUE);
  append_member (out, "note", gloss_annotation_get_note (annotation), TRUE);

  /* Attributes sorted by name, so that editing order does not show in diffs. */
  g_string_append (out, "      \"attributes\": ");
  if (names == NULL)
    g_string_append (out, "{}");
  else
    {
      names = g_list_sort (names, (GCompareFunc)strcmp);
      g_string_append_c (out, '{');
      for (const GList *l = names; l; l = l->next)
        {
          g_string_append (out, "\n        ");
          gloss_json_append_string (out, l->data);
          g_string_append (out, ": ");
          gloss_json_append_node (out, json_object_get_member (attributes, l->data), 8);
          if (l->next)
            g_string_append_c (out, ',');
        }
      g_string_append (out, "\n      }");
    }

  g_string_append (out, created != NULL || modified != NULL || extras != NULL ? ",\n" : "\n");
  if (created != NULL)
    append_member (out, "created", created, modified != NULL || extras != NULL);
  if (modified != NULL)
    append_member (out, "modified", modified, extras != NULL);

  for (const GList *l = extras; l; l = l->next)
    {
      g_string_append (out, "      ");
      gloss_json_append_string (out, l->data);
      g_string_append (out, ": ");
      gloss_json_append_node (out, json_object_get_member (extra, l->data), 6);
      g_string_append (out, l->next ? ",\n" : "\n");
    }

  g_string_append (out, "    }");
}

/**
 * gloss_sidecar_to_data:
 * @self: a #GlossSidecar
 * @length: (out) (optional): length of the result
 *
 * Returns: (transfer full): the canonical file content, ending in a newline
 */
char *
gloss_sidecar_to_data (GlossSidecar *self,
                       gsize        *length)
{
  g_autoptr(JsonNode) head = NULL;
  JsonObject *out, *annotator;
  GString *text;
  guint n;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);

  out = json_object_new ();
  set_member (out, "format", gloss_json_string_node ("gloss"));
  set_member (out, "version", gloss_json_int_node (GLOSS_SIDECAR_FORMAT_VERSION));
  set_member (out, "document", document_to_json (self));

  annotator = json_object_new ();
  set_member (annotator, "id", gloss_json_string_node (self->annotator_id));
  if (self->annotator_name != NULL && *self->annotator_name)
    set_member (annotator, "name", gloss_json_string_node (self->annotator_name));
  append_copy (annotator, self->annotator_extra);
  set_member (out, "annotator", gloss_json_object_node (annotator));

  if (self->codebook != NULL)
    set_member (out, "codebook", gloss_codebook_to_json (self->codebook));
  head = gloss_json_object_node (out);

  n = gloss_annotation_set_get_size (self->annotations);
  text = g_string_sized_new (4096 + (gsize)n * 512);

  /* The head object without its closing "\n}", then the annotations. */
  gloss_json_append_node (text, head, 0);
  g_string_truncate (text, text->len - 2);
  g_string_append (text, ",\n  \"annotations\": ");
  if (n == 0)
    g_string_append (text, "[]");
  else
    {
      g_string_append (text, "[\n");
      for (guint i = 0; i < n; i++)
        {
          append_annotation (text, gloss_annotation_set_get_nth (self->annotations, i));
          g_string_append (text, i + 1 < n ? ",\n" : "\n");
        }
      g_string_append (text, "  ]");
    }

  /* Unknown top-level members, in the order they were read. */
  {
    g_autoptr(GList) members = json_object_get_members (self->extra);

    for (const GList *l = members; l; l = l->next)
      {
        g_string_append (text, ",\n  ");
        gloss_json_append_string (text, l->data);
        g_string_append (text, ": ");
        gloss_json_append_node (text, json_object_get_member (self->extra, l->data), 2);
      }
  }
  g_string_append (text, "\n}\n");

  if (length)
    *length = text->len;

  return g_string_free (text, FALSE);
}
