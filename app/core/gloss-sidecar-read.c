/* gloss-sidecar-read.c: reading a sidecar from its JSON, and checking it against its article
 *
 * Reading collects every problem with its JSON path instead of stopping at
 * the first, so that `gloss-cli validate` can list them all; loading fails
 * when any of them is more than a warning.
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

static const char * const annotation_keys[] = {
  "id", "tag", "start", "end", "text", "prefix", "suffix", "note",
  "attributes", "created", "modified", NULL
};

/* Indexes into annotation_keys */
enum {
  KEY_ID, KEY_TAG, KEY_START, KEY_END, KEY_TEXT, KEY_PREFIX, KEY_SUFFIX, KEY_NOTE,
  KEY_ATTRIBUTES, KEY_CREATED, KEY_MODIFIED
};

/* Reading */

typedef struct
{
  GPtrArray *problems;
} Reader;

G_GNUC_PRINTF (4, 0)
static void
add_problem (Reader     *reader,
             gboolean    warning,
             char       *path,
             const char *format,
             va_list     args)
{
  GlossSidecarProblem *p = g_new0 (GlossSidecarProblem, 1);

  p->path = path;
  p->message = g_strdup_vprintf (format, args);
  p->warning = warning;
  g_ptr_array_add (reader->problems, p);
}

G_GNUC_PRINTF (4, 5)
static void
problem (Reader     *reader,
         gboolean    warning,
         const char *path,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  add_problem (reader, warning, g_strdup (path), format, args);
  va_end (args);
}

/* A warning about the value of annotation @index's attribute @name: its
 * path is made only when there is one. */
G_GNUC_PRINTF (4, 5)
static void
attribute_problem (Reader     *reader,
                   guint       index,
                   const char *name,
                   const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  add_problem (reader, TRUE, g_strdup_printf ("annotations[%u].attributes.%s", index, name), format, args);
  va_end (args);
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static const char *
node_kind (JsonNode *node)
{
  if (node == NULL)
    return _("missing");
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("a list");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a string");
        case G_TYPE_BOOLEAN: return _("true or false");
        default: return _("a number");
        }
    }
}

static char *
member_path (const char *path,
             const char *member)
{
  return g_strdup_printf ("%s%s%s", path, *path ? "." : "", member);
}

/* A string member: required ones must be present, optional ones may be absent.
 * Paths are only formatted for problems: this runs for every annotation. */
static const char *
read_string_node (Reader     *reader,
                  JsonNode   *node,
                  const char *member,
                  const char *path,
                  gboolean    required)
{
  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    {
      if (required)
        {
          g_autofree char *where = member_path (path, member);
          problem (reader, FALSE, where, _("is missing"));
        }
      return NULL;
    }

  if (!is_string (node))
    {
      g_autofree char *where = member_path (path, member);
      problem (reader, FALSE, where, _("must be a string, not %s"), node_kind (node));
      return NULL;
    }

  return json_node_get_string (node);
}

static const char *
read_string (Reader     *reader,
             JsonObject *object,
             const char *member,
             const char *path,
             gboolean    required)
{
  return read_string_node (reader, json_object_get_member (object, member), member, path, required);
}

static gboolean
read_offset (Reader     *reader,
             JsonNode   *node,
             const char *member,
             const char *path,
             guint      *out)
{
  g_autofree char *where = NULL;
  gint64 value;

  if (node != NULL && is_integer (node))
    {
      value = json_node_get_int (node);
      if (value >= 0 && value <= G_MAXINT32)
        {
          *out = (guint)value;
          return TRUE;
        }
    }

  where = member_path (path, member);
  if (node == NULL)
    problem (reader, FALSE, where, _("is missing"));
  else if (!is_integer (node))
    problem (reader, FALSE, where, _("must be a whole number, not %s"), node_kind (node));
  else if (json_node_get_int (node) < 0)
    problem (reader, FALSE, where, _("must not be negative (is %lld)"), (long long)json_node_get_int (node));
  else
    problem (reader, FALSE, where, _("is too large (%lld)"), (long long)json_node_get_int (node));

  return FALSE;
}

static void
copy_unknown_members (JsonObject         *from,
                      JsonObject         *to,
                      const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (from);

  for (const GList *l = members; l; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (known, name))
        json_object_set_member (to, name, gloss_json_node_deep_copy (json_object_get_member (from, name)));
    }
}

/* "annotations[@index]" into @path, without printf's reading of a format
 * (a tenth of reading an annotation of ten members). */
static void
annotation_path (char  path[32],
                 guint index)
{
  static const char prefix[] = "annotations[";
  char digits[12];
  guint n = 0;

  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);
  memcpy (path, prefix, sizeof prefix - 1);
  for (guint i = 0; i < n; i++)
    path[sizeof prefix - 1 + i] = digits[n - 1 - i];
  path[sizeof prefix - 1 + n] = ']';
  path[sizeof prefix + n] = '\0';
}

static GlossAnnotation *
read_annotation (Reader        *reader,
                 JsonNode      *node,
                 guint          index,
                 GHashTable    *seen_ids,
                 GlossCodebook *codebook)
{
  char path[32];
  g_autoptr(GlossAnnotation) annotation = NULL;
  JsonObject *object;
  JsonNode *attributes;
  const char *id, *tag, *text, *prefix, *suffix, *note, *created, *modified;
  JsonNode *nodes[G_N_ELEMENTS (annotation_keys)];
  guint n_known = 0;
  guint start = 0, end = 0;
  guint before = reader->problems->len;
  gboolean offsets_ok;

  annotation_path (path, index);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (reader, FALSE, path, _("must be an object, not %s"), node_kind (node));
      return NULL;
    }
  object = json_node_get_object (node);

  /* Each known member is looked up once, and counted: when they are all
   * there is to the record, nothing needs to be kept aside as unknown. */
  for (guint i = 0; annotation_keys[i]; i++)
    {
      nodes[i] = json_object_get_member (object, annotation_keys[i]);
      if (nodes[i] != NULL)
        n_known++;
    }

  id = read_string_node (reader, nodes[KEY_ID], "id", path, TRUE);
  tag = read_string_node (reader, nodes[KEY_TAG], "tag", path, TRUE);
  offsets_ok = read_offset (reader, nodes[KEY_START], "start", path, &start);
  offsets_ok &= read_offset (reader, nodes[KEY_END], "end", path, &end);
  text = read_string_node (reader, nodes[KEY_TEXT], "text", path, FALSE);
  prefix = read_string_node (reader, nodes[KEY_PREFIX], "prefix", path, FALSE);
  suffix = read_string_node (reader, nodes[KEY_SUFFIX], "suffix", path, FALSE);
  note = read_string_node (reader, nodes[KEY_NOTE], "note", path, FALSE);
  created = read_string_node (reader, nodes[KEY_CREATED], "created", path, FALSE);
  modified = read_string_node (reader, nodes[KEY_MODIFIED], "modified", path, FALSE);

  if (id != NULL && *id == '\0')
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      problem (reader, FALSE, where, _("must not be empty"));
    }
  else if (id != NULL && !g_hash_table_add (seen_ids, (gpointer)id))
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      problem (reader, FALSE, where, _("“%s” is the id of an earlier annotation too"), id);
    }

  if (offsets_ok && end < start)
    {
      g_autofree char *where = g_strdup_printf ("%s.end", path);
      problem (reader, FALSE, where, _("%u is before start %u"), end, start);
    }

  if (tag != NULL && codebook != NULL && gloss_codebook_lookup (codebook, tag) == NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.tag", path);
      problem (reader, TRUE, where, _("“%s” is not a tag of the codebook"), tag);
    }

  attributes = nodes[KEY_ATTRIBUTES];
  if (attributes != NULL && !JSON_NODE_HOLDS_NULL (attributes) && !JSON_NODE_HOLDS_OBJECT (attributes))
    {
      g_autofree char *where = g_strdup_printf ("%s.attributes", path);
      problem (reader, FALSE, where, _("must be an object, not %s"), node_kind (attributes));
    }

  for (guint i = before; i < reader->problems->len; i++)
    if (!((GlossSidecarProblem *)g_ptr_array_index (reader->problems, i))->warning)
      return NULL;

  annotation = _gloss_annotation_new_loaded (id, tag, start, end, text, prefix, suffix,
                                            note, created, modified);

  if (attributes != NULL && JSON_NODE_HOLDS_OBJECT (attributes) &&
      json_object_get_size (json_node_get_object (attributes)) > 0)
    copy_unknown_members (json_node_get_object (attributes),
                          gloss_annotation_get_attributes (annotation),
                          (const char * const[]) { NULL });
  if (json_object_get_size (object) > n_known)
    copy_unknown_members (object, gloss_annotation_get_extra (annotation), annotation_keys);

  return g_steal_pointer (&annotation);
}

/* Values the codebook does not allow are kept, and warned about: a link to
 * no annotation of the file or to a tag the link may not point at, a
 * choice not among the choices.  (@annotations is in file order.) */
static void
check_attribute_values (Reader        *reader,
                        GlossCodebook *codebook,
                        GPtrArray     *annotations)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (codebook == NULL)
    return;
  for (guint i = 0; i < annotations->len; i++)
    g_hash_table_insert (by_id, (gpointer) gloss_annotation_get_id (g_ptr_array_index (annotations, i)),
                         g_ptr_array_index (annotations, i));

  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);
      /* Peeked, not got: an annotation without attributes is not given an
       * empty object. */
      JsonObject *attributes = _gloss_annotation_peek_attributes (annotation);
      g_autoptr(GList) names = NULL;
      GlossTag *tag;

      if (attributes == NULL || json_object_get_size (attributes) == 0 ||
          (tag = gloss_codebook_lookup (codebook, gloss_annotation_get_tag (annotation))) == NULL)
        continue;
      names = json_object_get_members (attributes);
      for (const GList *l = names; l != NULL; l = l->next)
        {
          const GlossAttributeDef *def = gloss_tag_lookup_attribute (tag, l->data);
          const char *value = gloss_annotation_get_attribute (annotation, l->data);
          GlossAnnotation *target;

          if (def == NULL || value == NULL)
            continue;
          if (def->type == GLOSS_ATTRIBUTE_LINK)
            {
              target = g_hash_table_lookup (by_id, value);
              if (target == NULL)
                attribute_problem (reader, i, l->data, _("links to “%s”, which is no annotation of the file"), value);
              else if (def->to != NULL && def->to[0] != NULL &&
                       !g_strv_contains ((const char * const *) def->to, gloss_annotation_get_tag (target)))
                attribute_problem (reader, i, l->data,
                                   _("links to a “%s” annotation, which the codebook does not allow here"),
                                   gloss_annotation_get_tag (target));
            }
          else if (def->type == GLOSS_ATTRIBUTE_CHOICE && def->choices != NULL &&
                   !g_strv_contains ((const char * const *) def->choices, value))
            attribute_problem (reader, i, l->data, _("“%s” is not one of the codebook's choices"), value);
        }
    }
}

static GlossSidecar *
read_root (Reader     *reader,
           JsonNode   *root,
           GError    **error)
{
  g_autoptr(GlossSidecar) self = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GHashTable) seen_ids = NULL;
  JsonObject *object, *document, *annotator;
  JsonNode *node;
  const char *format;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GLOSS_SIDECAR_ERROR, GLOSS_SIDECAR_ERROR_INVALID,
                   _("the file holds %s, not a Gloss sidecar object"),
                   root ? node_kind (root) : _("nothing"));
      return NULL;
    }
  object = json_node_get_object (root);

  /* The version comes first: a newer file is refused whatever else it holds. */
  node = json_object_get_member (object, "version");
  if (node == NULL)
    problem (reader, FALSE, "version", _("is missing"));
  else if (!is_integer (node))
    problem (reader, FALSE, "version", _("must be a whole number, not %s"), node_kind (node));
  else if (json_node_get_int (node) > GLOSS_SIDECAR_FORMAT_VERSION)
    {
      g_set_error (error, GLOSS_SIDECAR_ERROR, GLOSS_SIDECAR_ERROR_VERSION,
                   _("version: format version %lld was written by a newer Gloss; this one reads version %d and will not change the file"),
                   (long long)json_node_get_int (node), GLOSS_SIDECAR_FORMAT_VERSION);
      return NULL;
    }
  else if (json_node_get_int (node) < 1)
    problem (reader, FALSE, "version", _("%lld is not a format version"), (long long)json_node_get_int (node));

  format = read_string (reader, object, "format", "", TRUE);
  if (format != NULL && !g_str_equal (format, "gloss"))
    problem (reader, FALSE, "format", _("is “%s”, expected “gloss”"), format);

  self = g_object_new (GLOSS_TYPE_SIDECAR, NULL);

  node = json_object_get_member (object, "document");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    problem (reader, FALSE, "document", _("must be an object, not %s"), node_kind (node));
  else
    {
      document = json_node_get_object (node);
      read_string (reader, document, "source", "document", FALSE);
      read_string (reader, document, "sha256", "document", FALSE);
      if (json_object_has_member (document, "length") &&
          !is_integer (json_object_get_member (document, "length")))
        problem (reader, FALSE, "document.length", _("must be a whole number, not %s"),
                 node_kind (json_object_get_member (document, "length")));
      copy_unknown_members (document, self->document_info, (const char * const[]) { NULL });
    }

  node = json_object_get_member (object, "annotator");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    problem (reader, FALSE, "annotator", _("must be an object, not %s"), node_kind (node));
  else
    {
      const char *id, *name;

      annotator = json_node_get_object (node);
      id = read_string (reader, annotator, "id", "annotator", TRUE);
      name = read_string (reader, annotator, "name", "annotator", FALSE);
      if (id != NULL && !gloss_annotator_id_is_valid (id))
        problem (reader, FALSE, "annotator.id",
                 _("“%s” may only use letters A–Z and a–z, digits, “.”, “_” and “-”"), id);
      else
        self->annotator_id = g_strdup (id);
      self->annotator_name = g_strdup (name);
      copy_unknown_members (annotator, self->annotator_extra, (const char * const[]) { "id", "name", NULL });
    }

  node = json_object_get_member (object, "codebook");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    self->codebook = gloss_codebook_new_default ();
  else
    {
      g_autoptr(GError) local_error = NULL;

      self->codebook = gloss_codebook_new_from_json (node, "codebook", &local_error);
      if (self->codebook == NULL)
        problem (reader, FALSE, NULL, "%s", local_error->message);
    }

  node = json_object_get_member (object, "annotations");
  annotations = g_ptr_array_new_with_free_func (g_object_unref);
  /* The ids point into the parser's tree, which outlives this table. */
  seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    problem (reader, FALSE, "annotations", _("must be a list, not %s"), node_kind (node));
  else
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          GlossAnnotation *annotation = read_annotation (reader, json_array_get_element (array, i),
                                                         i, seen_ids, self->codebook);
          if (annotation != NULL)
            g_ptr_array_add (annotations, annotation);
        }
    }

  check_attribute_values (reader, self->codebook, annotations);

  copy_unknown_members (object, self->extra,
                        (const char * const[]) { "format", "version", "document", "annotator",
                                                 "codebook", "annotations", NULL });

  gloss_annotation_set_load (self->annotations, annotations);
  /* Problems found later name an annotation by its place in the file. */
  for (guint i = 0; i < annotations->len; i++)
    if (gloss_annotation_set_get_nth (self->annotations, i) != g_ptr_array_index (annotations, i))
      {
        self->file_order = g_ptr_array_ref (annotations);
        break;
      }

  return g_steal_pointer (&self);
}

static gboolean
has_fatal (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    if (!((GlossSidecarProblem *)g_ptr_array_index (problems, i))->warning)
      return TRUE;
  return FALSE;
}


/**
 * gloss_sidecar_new_from_data:
 * @data: the file's bytes
 * @length: length of @data, or -1 when nul-terminated
 * @display_name: (nullable): the file's name for messages
 * @problems: (out) (optional) (transfer full) (element-type GlossSidecarProblem):
 *   every problem found, warnings included
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the sidecar, or %NULL when it is not
 *   JSON, is from a newer version, or has any problem worse than a warning
 */
GlossSidecar *
gloss_sidecar_new_from_data (const char   *data,
                             gsize         length,
                             const char   *display_name,
                             GPtrArray   **problems,
                             GError      **error)
{
  return _gloss_sidecar_read_data (data, length, display_name, problems, NULL, error);
}

/* Like gloss_sidecar_new_from_data(), but gives the parser, and so its
 * tree, to @parser_out when asked (see release_tree()). */
GlossSidecar *
_gloss_sidecar_read_data (const char   *data,
                          gsize         length,
                          const char   *display_name,
                          GPtrArray   **problems,
                          JsonParser  **parser_out,
                          GError      **error)
{
  /* Not json_parser_new_immutable(): sealing every node costs 15 % of the
   * parse, and nothing here keeps a node beyond the parser without copying. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GlossSidecar) self = NULL;
  Reader reader;
  const char *name = display_name ? display_name : _("sidecar");

  if (problems)
    *problems = NULL;
  if (parser_out)
    *parser_out = NULL;

  reader.problems = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_sidecar_problem_free);

  if (length == 0 || (length == (gsize)-1 && *data == '\0'))
    {
      g_set_error (error, GLOSS_SIDECAR_ERROR, GLOSS_SIDECAR_ERROR_PARSE,
                   _("%s: the file is empty"), name);
      g_ptr_array_unref (reader.problems);
      return NULL;
    }

  if (length == (gsize)-1)
    length = strlen (data);

  if (!gloss_json_parser_load (parser, data, length, &local_error))
    {
      /* The check's refusals name their place themselves. */
      if (local_error->domain == JSON_PARSER_ERROR)
        g_set_error (error, GLOSS_SIDECAR_ERROR, GLOSS_SIDECAR_ERROR_PARSE,
                     _("%s: not valid JSON: %s"), name, local_error->message);
      else
        g_set_error (error, GLOSS_SIDECAR_ERROR, GLOSS_SIDECAR_ERROR_PARSE,
                     "%s: %s", name, local_error->message);
      g_ptr_array_unref (reader.problems);
      return NULL;
    }

  self = read_root (&reader, json_parser_get_root (parser), &local_error);
  if (self == NULL)
    {
      g_set_error (error, GLOSS_SIDECAR_ERROR, local_error->code,
                   "%s: %s", name, local_error->message);
      g_ptr_array_unref (reader.problems);
      return NULL;
    }

  if (has_fatal (reader.problems))
    {
      GlossSidecarProblem *first = NULL;
      g_autofree char *line = NULL;
      guint fatal = 0;

      for (guint i = 0; i < reader.problems->len; i++)
        {
          GlossSidecarProblem *p = g_ptr_array_index (reader.problems, i);

          if (!p->warning)
            {
              if (first == NULL)
                first = p;
              fatal++;
            }
        }

      line = gloss_sidecar_format_problem (name, first);
      if (fatal > 1)
        g_set_error (error, GLOSS_SIDECAR_ERROR, GLOSS_SIDECAR_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)",
                                  "%s (and %u more problems)", fatal - 1),
                     line, fatal - 1);
      else
        g_set_error_literal (error, GLOSS_SIDECAR_ERROR, GLOSS_SIDECAR_ERROR_INVALID, line);

      if (problems)
        *problems = reader.problems;
      else
        g_ptr_array_unref (reader.problems);
      return NULL;
    }

  if (problems)
    *problems = reader.problems;
  else
    g_ptr_array_unref (reader.problems);

  if (parser_out)
    *parser_out = g_steal_pointer (&parser);

  return g_steal_pointer (&self);
}

GlossSidecar *
_gloss_sidecar_new_from_parts (const char *rest,
                               gsize       rest_length,
                               GPtrArray  *annotations)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_sidecar_problem_free);
  g_autoptr(GlossSidecar) self = NULL;
  JsonNode *root, *list;
  Reader reader = { problems };

  if (!gloss_json_parser_load (parser, rest, rest_length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  list = json_object_get_member (json_node_get_object (root), "annotations");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) || json_array_get_length (json_node_get_array (list)) > 0)
    return NULL;

  self = read_root (&reader, root, NULL);
  if (self == NULL || problems->len > 0)
    return NULL;

  gloss_annotation_set_load (self->annotations, annotations);
  self->from_cache = TRUE;
  return g_steal_pointer (&self);
}

gboolean
_gloss_sidecar_is_from_cache (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), FALSE);
  return self->from_cache;
}

GlossSidecar *
_gloss_sidecar_read_clean (const char  *data,
                           gsize        length,
                           JsonParser **parser)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GlossSidecar) self = NULL;
  JsonParser *tree = NULL;

  *parser = NULL;
  self = _gloss_sidecar_read_data (data, length, NULL, &problems, &tree, NULL);
  if (self == NULL || problems == NULL || problems->len > 0)
    {
      g_clear_object (&tree);
      return NULL;
    }

  *parser = tree;
  return g_steal_pointer (&self);
}

/* The place in the file @annotation was read from: its place in the set
 * (the file is sorted like it) unless the file was in another order. */
static guint
file_position (GlossSidecar    *self,
               GlossAnnotation *annotation,
               guint            set_position)
{
  guint i;

  if (self->file_order != NULL && g_ptr_array_find (self->file_order, annotation, &i))
    return i;
  return set_position;
}

/**
 * gloss_sidecar_check_length:
 * @self: a #GlossSidecar
 *
 * Checks every annotation against the sidecar's own document.length, for
 * when the article is not at hand.
 *
 * Returns: (transfer full) (element-type GlossSidecarProblem): the problems
 */
GPtrArray *
gloss_sidecar_check_length (GlossSidecar *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_sidecar_problem_free);
  Reader reader = { problems };
  JsonNode *node;
  gint64 length;
  guint n;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), problems);

  node = json_object_get_member (self->document_info, "length");
  if (node == NULL || !is_integer (node))
    return problems;
  length = json_node_get_int (node);

  n = gloss_annotation_set_get_size (self->annotations);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (self->annotations, i);

      if (gloss_annotation_get_end (annotation) > length)
        {
          g_autofree char *path = g_strdup_printf ("annotations[%u].end", file_position (self, annotation, i));

          problem (&reader, FALSE, path, _("beyond the end of the document (length %u)"), (guint) MAX (length, 0));
        }
    }
  return problems;
}

/**
 * gloss_sidecar_check_document:
 * @self: a #GlossSidecar
 * @document: the article
 *
 * Checks every annotation against @document without changing anything.
 *
 * Returns: (transfer full) (element-type GlossSidecarProblem): the problems
 */
GPtrArray *
gloss_sidecar_check_document (GlossSidecar  *self,
                              GlossDocument *document)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_sidecar_problem_free);
  Reader reader = { problems };
  const char *sha256;
  guint n, length;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), problems);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), problems);

  length = gloss_document_get_length (document);
  sha256 = gloss_sidecar_get_document_sha256 (self);
  if (sha256 != NULL && g_strcmp0 (sha256, gloss_document_get_sha256 (document)) != 0)
    problem (&reader, TRUE, "document.sha256",
             _("the article's text has changed since the annotations were made"));

  n = gloss_annotation_set_get_size (self->annotations);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (self->annotations, i);
      g_autoptr(GlossAnnotation) probe = NULL;
      g_autofree char *path = NULL;
      GlossAnchorStatus status;

      /* Paths name the position in the file. */
      if (gloss_annotation_get_end (annotation) > length)
        {
          path = g_strdup_printf ("annotations[%u].end", file_position (self, annotation, i));
          problem (&reader, FALSE, path,
                   _("beyond the end of the document (length %u)"), length);
          continue;
        }

      if (gloss_anchor_is_exact (document, annotation))
        continue;

      probe = gloss_annotation_copy (annotation);
      status = gloss_anchor_annotation (document, probe);
      path = g_strdup_printf ("annotations[%u]", file_position (self, annotation, i));
      switch (status)
        {
        case GLOSS_ANCHOR_EXACT:
          break;
        case GLOSS_ANCHOR_MOVED:
          problem (&reader, FALSE, path,
                   _("the text at %u–%u differs from “text”; it is found at %u–%u"),
                   gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
                   gloss_annotation_get_start (probe), gloss_annotation_get_end (probe));
          break;
        case GLOSS_ANCHOR_FUZZY:
          problem (&reader, FALSE, path,
                   _("the text at %u–%u differs from “text”; only a similar passage is found at %u–%u"),
                   gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
                   gloss_annotation_get_start (probe), gloss_annotation_get_end (probe));
          break;
        case GLOSS_ANCHOR_ORPHANED:
        default:
          problem (&reader, FALSE, path,
                   _("the text at %u–%u differs from “text” and is not found in the article"),
                   gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
          break;
        }
    }

  return problems;
}
