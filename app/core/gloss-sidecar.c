/* gloss-sidecar.c: the JSON file one annotator keeps beside an article
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

/*
 * Reading collects every problem with its JSON path instead of stopping at
 * the first, so that `gloss-cli validate` can list them all; loading fails
 * when any of them is more than a warning.  Writing goes through a fixed key
 * order so that the same content always gives the same bytes.
 */

struct _GlossSidecar
{
  GObject             parent_instance;

  GFile              *file;
  char               *stamp;
  char               *annotator_id;
  char               *annotator_name;
  GlossCodebook      *codebook;
  GlossAnnotationSet *annotations;
  GlossDocument      *document;
  JsonObject         *document_info;
  JsonObject         *extra;          /* unknown top-level members */
  JsonObject         *annotator_extra;
  gboolean            from_cache;     /* read from the parsed-sidecar cache */
  GPtrArray          *file_order;     /* as read, when not sorted like the set */
};

G_DEFINE_FINAL_TYPE (GlossSidecar, gloss_sidecar, G_TYPE_OBJECT)
G_DEFINE_QUARK (gloss-sidecar-error-quark, gloss_sidecar_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_ANNOTATOR_ID,
  PROP_ANNOTATOR_NAME,
  PROP_CODEBOOK,
  PROP_ANNOTATIONS,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const document_keys[] = {
  "source", "url", "title", "byline", "published", "site_name", "encoding",
  "retrieved", "sha256", "length", NULL
};

static const char * const annotation_keys[] = {
  "id", "tag", "start", "end", "text", "prefix", "suffix", "note",
  "attributes", "created", "modified", NULL
};

/* Indexes into annotation_keys */
enum {
  KEY_ID, KEY_TAG, KEY_START, KEY_END, KEY_TEXT, KEY_PREFIX, KEY_SUFFIX, KEY_NOTE,
  KEY_ATTRIBUTES, KEY_CREATED, KEY_MODIFIED
};

void
gloss_sidecar_problem_free (GlossSidecarProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * gloss_sidecar_format_problem:
 * @display_name: (nullable): the file's name as the user knows it
 * @problem: a problem
 *
 * Returns: (transfer full): `FILE: PATH: message`
 */
char *
gloss_sidecar_format_problem (const char          *display_name,
                              GlossSidecarProblem *problem)
{
  GString *line = g_string_new (NULL);

  if (display_name != NULL)
    g_string_append_printf (line, "%s: ", display_name);
  if (problem->path != NULL && *problem->path)
    g_string_append_printf (line, "%s: ", problem->path);
  g_string_append (line, problem->message);

  return g_string_free (line, FALSE);
}

static void
gloss_sidecar_finalize (GObject *object)
{
  g_clear_pointer (&GLOSS_SIDECAR (object)->file_order, g_ptr_array_unref);
  GlossSidecar *self = (GlossSidecar *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_pointer (&self->annotator_id, g_free);
  g_clear_pointer (&self->annotator_name, g_free);
  g_clear_object (&self->codebook);
  g_clear_object (&self->annotations);
  g_clear_object (&self->document);
  g_clear_pointer (&self->document_info, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->annotator_extra, json_object_unref);

  G_OBJECT_CLASS (gloss_sidecar_parent_class)->finalize (object);
}

static void
gloss_sidecar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossSidecar *self = GLOSS_SIDECAR (object);

  switch (prop_id)
    {
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_ANNOTATOR_ID: g_value_set_string (value, self->annotator_id); break;
    case PROP_ANNOTATOR_NAME: g_value_set_string (value, self->annotator_name); break;
    case PROP_CODEBOOK: g_value_set_object (value, self->codebook); break;
    case PROP_ANNOTATIONS: g_value_set_object (value, self->annotations); break;
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidecar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossSidecar *self = GLOSS_SIDECAR (object);

  switch (prop_id)
    {
    case PROP_FILE: gloss_sidecar_set_file (self, g_value_get_object (value)); break;
    case PROP_ANNOTATOR_ID: gloss_sidecar_set_annotator_id (self, g_value_get_string (value)); break;
    case PROP_ANNOTATOR_NAME: gloss_sidecar_set_annotator_name (self, g_value_get_string (value)); break;
    case PROP_CODEBOOK: gloss_sidecar_set_codebook (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidecar_class_init (GlossSidecarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_sidecar_finalize;
  object_class->get_property = gloss_sidecar_get_property;
  object_class->set_property = gloss_sidecar_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  properties[PROP_ANNOTATOR_ID] = g_param_spec_string ("annotator-id", NULL, NULL, NULL, rw);
  properties[PROP_ANNOTATOR_NAME] = g_param_spec_string ("annotator-name", NULL, NULL, NULL, rw);
  properties[PROP_CODEBOOK] = g_param_spec_object ("codebook", NULL, NULL, GLOSS_TYPE_CODEBOOK, rw);
  properties[PROP_ANNOTATIONS] = g_param_spec_object ("annotations", NULL, NULL, GLOSS_TYPE_ANNOTATION_SET, ro);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_sidecar_init (GlossSidecar *self)
{
  self->annotations = gloss_annotation_set_new ();
  self->document_info = json_object_new ();
  self->extra = json_object_new ();
  self->annotator_extra = json_object_new ();
}

/**
 * gloss_sidecar_new:
 * @annotator_id: the annotator's id (`[A-Za-z0-9._-]+`)
 * @codebook: (nullable): the codebook; %NULL for the built-in one
 *
 * Returns: (transfer full): an empty sidecar
 */
GlossSidecar *
gloss_sidecar_new (const char    *annotator_id,
                   GlossCodebook *codebook)
{
  g_autoptr(GlossCodebook) fallback = NULL;

  if (codebook == NULL)
    codebook = fallback = gloss_codebook_new_default ();

  return g_object_new (GLOSS_TYPE_SIDECAR,
                       "annotator-id", annotator_id,
                       "codebook", codebook,
                       NULL);
}

/* Reading */

typedef struct
{
  GPtrArray *problems;
} Reader;

G_GNUC_PRINTF (4, 5)
static void
problem (Reader     *reader,
         gboolean    warning,
         const char *path,
         const char *format,
         ...)
{
  GlossSidecarProblem *p = g_new0 (GlossSidecarProblem, 1);
  va_list args;

  va_start (args, format);
  p->path = g_strdup (path);
  p->message = g_strdup_vprintf (format, args);
  p->warning = warning;
  va_end (args);

  g_ptr_array_add (reader->problems, p);
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
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

  g_snprintf (path, sizeof path, "annotations[%u]", index);
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
      GlossTag *tag = gloss_codebook_lookup (codebook, gloss_annotation_get_tag (annotation));
      JsonObject *attributes = gloss_annotation_get_attributes (annotation);
      g_autoptr(GList) names = NULL;

      if (tag == NULL || attributes == NULL)
        continue;
      names = json_object_get_members (attributes);
      for (const GList *l = names; l != NULL; l = l->next)
        {
          const GlossAttributeDef *def = gloss_tag_lookup_attribute (tag, l->data);
          const char *value = gloss_annotation_get_attribute (annotation, l->data);
          g_autofree char *where = NULL;

          if (def == NULL || value == NULL)
            continue;
          where = g_strdup_printf ("annotations[%u].attributes.%s", i, (const char *) l->data);
          if (def->type == GLOSS_ATTRIBUTE_LINK)
            {
              GlossAnnotation *target = g_hash_table_lookup (by_id, value);

              if (target == NULL)
                problem (reader, TRUE, where, _("links to “%s”, which is no annotation of the file"), value);
              else if (def->to != NULL && def->to[0] != NULL &&
                       !g_strv_contains ((const char * const *) def->to, gloss_annotation_get_tag (target)))
                problem (reader, TRUE, where, _("links to a “%s” annotation, which the codebook does not allow here"),
                         gloss_annotation_get_tag (target));
            }
          else if (def->type == GLOSS_ATTRIBUTE_CHOICE && def->choices != NULL &&
                   !g_strv_contains ((const char * const *) def->choices, value))
            problem (reader, TRUE, where, _("“%s” is not one of the codebook's choices"), value);
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

static GlossSidecar *new_from_data (const char   *data,
                                    gsize         length,
                                    const char   *display_name,
                                    GPtrArray   **problems,
                                    JsonParser  **parser_out,
                                    GError      **error);

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
  return new_from_data (data, length, display_name, problems, NULL, error);
}

/* Like gloss_sidecar_new_from_data(), but gives the parser, and so its
 * tree, to @parser_out when asked (see release_tree()). */
static GlossSidecar *
new_from_data (const char   *data,
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

  if (!gloss_json_check (data, length, &local_error))
    {
      g_set_error (error, GLOSS_SIDECAR_ERROR, GLOSS_SIDECAR_ERROR_PARSE,
                   "%s: %s", name, local_error->message);
      g_ptr_array_unref (reader.problems);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the text it stumbled on, whatever its bytes. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, GLOSS_SIDECAR_ERROR, GLOSS_SIDECAR_ERROR_PARSE,
                   _("%s: not valid JSON: %s"), name, message);
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
  self = new_from_data (data, length, NULL, &problems, &tree, NULL);
  if (self == NULL || problems == NULL || problems->len > 0)
    {
      g_clear_object (&tree);
      return NULL;
    }

  *parser = tree;
  return g_steal_pointer (&self);
}

static GlossSidecar *load_file (GFile       *file,
                                GPtrArray  **problems,
                                gboolean     use_cache,
                                GError     **error);

/**
 * gloss_sidecar_load:
 * @file: a `*.gloss.json` file
 * @problems: (out) (optional) (transfer full) (element-type GlossSidecarProblem): problems found
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the sidecar
 */
GlossSidecar *
gloss_sidecar_load (GFile      *file,
                    GPtrArray **problems,
                    GError    **error)
{
  return load_file (file, problems, FALSE, error);
}

/* The disk stamp */

/**
 * gloss_sidecar_stamp_from_info:
 * @info: a #GFileInfo with %GLOSS_SIDECAR_STAMP_ATTRIBUTES
 *
 * What Gloss remembers of a file it read or wrote, to notice another program
 * changing it: the entity tag (the modification time), the size and the
 * device and inode.  The time alone misses a rewrite within the clock tick
 * of a coarse file system; a program that saves by renaming a new file over
 * the old one changes the inode, and most edits change the size.
 *
 * Returns: (transfer full): the stamp
 */
char *
gloss_sidecar_stamp_from_info (GFileInfo *info)
{
  g_return_val_if_fail (G_IS_FILE_INFO (info), NULL);

  return g_strdup_printf ("%s/%" G_GUINT64_FORMAT "/%u:%" G_GUINT64_FORMAT,
                          g_file_info_get_etag (info) ? g_file_info_get_etag (info) : "",
                          g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
                            ? (guint64)g_file_info_get_size (info) : 0,
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

static char *
query_stamp (GFile        *file,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, GLOSS_SIDECAR_STAMP_ATTRIBUTES,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

  if (info == NULL)
    return NULL;

  return gloss_sidecar_stamp_from_info (info);
}

static gpointer
unref_thread (gpointer object)
{
  g_object_unref (object);
  return NULL;
}

/* Freeing the parse tree of a large sidecar takes a fifth of the time of
 * reading it, and nothing waits for it: it is done beside the caller (for
 * GTask, which calls back only once the thread function has returned, too).
 * Small trees are freed at once. */
#define FREE_BESIDE_MIN_BYTES (1024 * 1024)

static void
release_tree (JsonParser *parser,
              gsize       file_size)
{
  g_autoptr(GThread) thread = NULL;

  if (parser == NULL)
    return;

  if (file_size >= FREE_BESIDE_MIN_BYTES)
    thread = g_thread_try_new ("gloss-free", unref_thread, parser, NULL);
  if (thread == NULL)
    g_object_unref (parser);
}

/* @use_cache: take a large sidecar from the parsed-sidecar cache when it
 * holds these bytes, and have it remember them when not (see
 * gloss-sidecar-cache.c); for the window, not for batch work. */
static GlossSidecar *
load_file (GFile       *file,
           GPtrArray  **problems,
           gboolean     use_cache,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) found = NULL;
  JsonParser *parser = NULL;
  GlossSidecar *self = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (problems)
    *problems = NULL;

  /* Stamped before reading: a change in between makes the stamp stale,
   * which can only cause a needless conflict, never a lost one. */
  stamp = query_stamp (file, NULL, NULL);
  if (!gloss_file_load (file, GLOSS_SIDECAR_MAX_SIZE, NULL, &contents, &length, error))
    return NULL;

  use_cache = use_cache && length >= GLOSS_SIDECAR_CACHE_MIN_BYTES;
  if (use_cache)
    self = _gloss_sidecar_cache_read (file, contents, length);

  if (self == NULL)
    {
      name = g_file_get_parse_name (file);
      self = new_from_data (contents, length, name, &found, &parser, error);
      release_tree (parser, length);
      /* Only a file read without a single problem is remembered. */
      if (use_cache && self != NULL && found->len == 0)
        {
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

          _gloss_sidecar_cache_remember (file, bytes);
        }
      if (problems)
        *problems = g_steal_pointer (&found);
    }

  if (self == NULL)
    return NULL;

  self->file = g_object_ref (file);
  self->stamp = g_steal_pointer (&stamp);

  return self;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GlossSidecar *self = load_file (task_data, NULL, TRUE, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
gloss_sidecar_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_sidecar_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * gloss_sidecar_load_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the sidecar
 */
GlossSidecar *
gloss_sidecar_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

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

static gboolean
check_target (GlossSidecar           *self,
              GFile                  *file,
              GlossSidecarSaveFlags   flags,
              const char            **stamp,
              GError                **error)
{
  *stamp = NULL;

  if (flags & GLOSS_SIDECAR_SAVE_OVERWRITE)
    return TRUE;

  /* Our own file: written only while its stamp is the one we know. */
  if (self->file != NULL && g_file_equal (file, self->file) && self->stamp != NULL)
    {
      *stamp = self->stamp;
      return TRUE;
    }

  /* Any other existing file was not read by us: never write over it. */
  if (g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s: the file exists and was not loaded here; it is left unchanged"), name);
      return FALSE;
    }

  return TRUE;
}

static void
wrap_save_error (GFile   *file,
                 GError **error)
{
  g_autofree char *name = NULL;

  if (error == NULL || *error == NULL)
    return;

  name = g_file_get_parse_name (file);
  if ((*error)->domain == G_IO_ERROR && (*error)->code == G_IO_ERROR_WRONG_ETAG)
    g_prefix_error (error, _("%s: the file was changed by another program since it was loaded: "), name);
  else if (!g_str_has_prefix ((*error)->message, name))
    g_prefix_error (error, "%s: ", name);
}

/*
 * Writes @data to @file so that the old file survives any failure (see
 * gloss_file_replace()), once the file on disk is checked to be the one
 * read or last written (its stamp).
 */
typedef struct
{
  const char   *stamp;
  GCancellable *cancellable;
} StampCheck;

static gboolean
stamp_is (GFile    *file,
          gpointer  data,
          GError  **error)
{
  StampCheck *check = data;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *current = query_stamp (file, check->cancellable, &local_error);

  if (current == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (current, check->stamp) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                           _("the file on disk is not the one that was loaded"));
      return FALSE;
    }
  return TRUE;
}

/*
 * Writes @data to @file so that the old file survives any failure, and
 * only while the file on disk is the one read or last written (its stamp):
 * checked right before it is replaced and on the file replaced (see
 * gloss_file_replace_checked()).
 */
static gboolean
write_atomically (GFile         *file,
                  const char    *data,
                  gsize          length,
                  const char    *stamp,
                  char         **new_stamp,
                  GCancellable  *cancellable,
                  GError       **error)
{
  StampCheck check = { stamp, cancellable };

  if (!gloss_file_replace_checked (file, data, length, stamp != NULL ? stamp_is : NULL, &check,
                                   cancellable, error))
    return FALSE;

  if (new_stamp != NULL)
    *new_stamp = query_stamp (file, cancellable, NULL);

  return TRUE;
}

static void
saved (GlossSidecar *self,
       GFile        *file,
       char         *new_stamp)
{
  gloss_sidecar_set_file (self, file);
  g_free (self->stamp);
  self->stamp = new_stamp;
  gloss_annotation_set_mark_saved (self->annotations);
}

/**
 * gloss_sidecar_save:
 * @self: a #GlossSidecar
 * @file: (nullable): where to write; %NULL for the sidecar's own file
 * @flags: #GlossSidecarSaveFlags
 * @error: return location for a #GError
 *
 * Writes atomically (a temporary file renamed over the old one), so the old
 * file survives any failure.  Refuses to replace a file changed by someone
 * else since it was loaded, or an existing file never loaded, unless
 * %GLOSS_SIDECAR_SAVE_OVERWRITE is given.
 *
 * Returns: %TRUE when written
 */
gboolean
gloss_sidecar_save (GlossSidecar           *self,
                    GFile                  *file,
                    GlossSidecarSaveFlags   flags,
                    GError                **error)
{
  g_autofree char *data = NULL;
  g_autofree char *new_stamp = NULL;
  const char *stamp;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), FALSE);

  if (file == NULL)
    file = self->file;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_target (self, file, flags, &stamp, error))
    return FALSE;

  data = gloss_sidecar_to_data (self, &length);
  if (!write_atomically (file, data, length, stamp, &new_stamp, NULL, error))
    {
      wrap_save_error (file, error);
      return FALSE;
    }

  saved (self, file, g_steal_pointer (&new_stamp));
  return TRUE;
}

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  char    *stamp;
  guint64  serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->stamp);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  char *new_stamp = NULL;
  gsize length;
  const char *bytes = g_bytes_get_data (data->bytes, &length);

  if (!write_atomically (data->file, bytes, length, data->stamp, &new_stamp, cancellable, &error))
    {
      wrap_save_error (data->file, &error);
      g_task_return_error (task, error);
      return;
    }

  /* The window opens what it saved, next time: have the cache hold it. */
  if (length >= GLOSS_SIDECAR_CACHE_MIN_BYTES)
    _gloss_sidecar_cache_remember (data->file, data->bytes);

  /* An empty string still means success when no stamp could be read. */
  g_task_return_pointer (task, new_stamp ? new_stamp : g_strdup (""), g_free);
}

/**
 * gloss_sidecar_save_async:
 * @self: a #GlossSidecar
 * @file: (nullable): where to write; %NULL for the sidecar's own file
 * @flags: #GlossSidecarSaveFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like gloss_sidecar_save(); the content is taken when this is called, so
 * edits made while writing stay unsaved.
 */
void
gloss_sidecar_save_async (GlossSidecar          *self,
                          GFile                 *file,
                          GlossSidecarSaveFlags  flags,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *data;
  const char *stamp;
  char *content;
  gsize length;

  g_return_if_fail (GLOSS_IS_SIDECAR (self));

  if (file == NULL)
    file = self->file;
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_sidecar_save_async);

  if (!check_target (self, file, flags, &stamp, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  content = gloss_sidecar_to_data (self, &length);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->bytes = g_bytes_new_take (content, length);
  data->serial = gloss_annotation_set_get_serial (self->annotations);
  data->stamp = g_strdup (stamp);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
gloss_sidecar_save_finish (GlossSidecar  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  SaveData *data;
  char *new_stamp;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  new_stamp = g_task_propagate_pointer (G_TASK (result), error);
  if (new_stamp == NULL)
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  gloss_sidecar_set_file (self, data->file);
  g_free (self->stamp);
  self->stamp = *new_stamp ? new_stamp : (g_free (new_stamp), NULL);
  /* Edits made while writing are not in the file: they stay unsaved. */
  if (data->serial == gloss_annotation_set_get_serial (self->annotations))
    gloss_annotation_set_mark_saved (self->annotations);
  return TRUE;
}

/* The document */

static void
update_document_info (GlossSidecar  *self,
                      GlossDocument *document)
{
  struct { const char *key; const char *value; } strings[] = {
    { "source", gloss_document_get_source (document) },
    { "url", gloss_document_get_url (document) },
    { "title", gloss_document_get_title (document) },
    { "byline", gloss_document_get_byline (document) },
    { "published", gloss_document_get_published (document) },
    { "site_name", gloss_document_get_site_name (document) },
    { "encoding", gloss_document_get_encoding (document) },
    { "retrieved", gloss_document_get_retrieved (document) },
    { "sha256", gloss_document_get_sha256 (document) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (strings[i].value != NULL)
      json_object_set_string_member (self->document_info, strings[i].key, strings[i].value);
  json_object_set_int_member (self->document_info, "length", gloss_document_get_length (document));
}

/**
 * gloss_sidecar_attach_document:
 * @self: a #GlossSidecar
 * @document: the article the annotations belong to
 *
 * Anchors every annotation in @document's text and records the document's
 * provenance for the next save.  When the text the sidecar was coded on is
 * kept (gloss-version-store.c), the annotations are mapped through the diff
 * (gloss_anchor_set_from_version()), otherwise placed by their quotes
 * (gloss_anchor_set()).
 */
void
gloss_sidecar_attach_document (GlossSidecar  *self,
                               GlossDocument *document)
{
  gloss_sidecar_attach_version (self, document, NULL, NULL);
}

/**
 * gloss_sidecar_attach_version:
 * @self: a #GlossSidecar
 * @document: the article the annotations belong to
 * @previous: (nullable): the text the annotations were made on, when known
 * @report: (out caller-allocates) (optional): how they were placed
 *
 * Like gloss_sidecar_attach_document(), with the old text given rather than
 * looked up among the kept versions.
 */
void
gloss_sidecar_attach_version (GlossSidecar      *self,
                              GlossDocument     *document,
                              GlossDocument     *previous,
                              GlossAnchorReport *report)
{
  g_autoptr(GlossDocument) kept = NULL;

  g_return_if_fail (GLOSS_IS_SIDECAR (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (previous == NULL || GLOSS_IS_DOCUMENT (previous));

  if (report != NULL)
    *report = (GlossAnchorReport) { 0 };
  if (!g_set_object (&self->document, document))
    return;

  /* Coded on another text that was kept: re-anchor through the diff. */
  if (previous == NULL && self->document_info != NULL)
    {
      const char *coded_on = json_object_get_string_member_with_default (self->document_info, "sha256", NULL);

      if (coded_on != NULL && g_strcmp0 (coded_on, gloss_document_get_sha256 (document)) != 0)
        previous = kept = gloss_version_store_lookup (gloss_document_get_file (document), coded_on, NULL);
    }
  if (previous != NULL)
    gloss_anchor_set_from_version (previous, document, self->annotations, report);
  else if (self->document_info != NULL &&
           g_strcmp0 (json_object_get_string_member_with_default (self->document_info, "sha256", NULL),
                      gloss_document_get_sha256 (document)) == 0)
    /* Saved on this very text: what awaited review stays where it was saved. */
    gloss_anchor_set_same_text (document, self->annotations, report);
  else
    gloss_anchor_set (document, self->annotations, report);
  gloss_annotation_set_set_document (self->annotations, document);
  update_document_info (self, document);
  /* For the review of what the diff could not place exactly (gloss_sidecar_get_previous()). */
  g_object_set_data_full (G_OBJECT (self), "gloss-previous", previous ? g_object_ref (previous) : NULL, g_object_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * gloss_sidecar_get_previous:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none) (nullable): the older text the annotations were
 *   re-anchored from through a diff when the document was attached, or %NULL
 *   when they were coded on it (or no older text was kept)
 */
GlossDocument *
gloss_sidecar_get_previous (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return g_object_get_data (G_OBJECT (self), "gloss-previous");
}

/**
 * gloss_sidecar_get_document:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none) (nullable): the attached document
 */
GlossDocument *
gloss_sidecar_get_document (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->document;
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

/* Accessors */

GFile *
gloss_sidecar_get_file (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->file;
}

void
gloss_sidecar_set_file (GlossSidecar *self,
                        GFile        *file)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

const char *
gloss_sidecar_get_stamp (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->stamp;
}

const char *
gloss_sidecar_get_annotator_id (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->annotator_id;
}

void
gloss_sidecar_set_annotator_id (GlossSidecar *self,
                                const char   *annotator_id)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));
  g_return_if_fail (annotator_id == NULL || gloss_annotator_id_is_valid (annotator_id));

  if (g_strcmp0 (self->annotator_id, annotator_id) == 0)
    return;

  g_free (self->annotator_id);
  self->annotator_id = g_strdup (annotator_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR_ID]);
}

const char *
gloss_sidecar_get_annotator_name (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->annotator_name;
}

void
gloss_sidecar_set_annotator_name (GlossSidecar *self,
                                  const char   *annotator_name)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));

  if (g_strcmp0 (self->annotator_name, annotator_name) == 0)
    return;

  g_free (self->annotator_name);
  self->annotator_name = g_strdup (annotator_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR_NAME]);
}

/**
 * gloss_sidecar_get_codebook:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none): the codebook the annotations were made with
 */
GlossCodebook *
gloss_sidecar_get_codebook (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->codebook;
}

void
gloss_sidecar_set_codebook (GlossSidecar  *self,
                            GlossCodebook *codebook)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));

  if (g_set_object (&self->codebook, codebook))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODEBOOK]);
}

/**
 * gloss_sidecar_get_annotations:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none): the annotations
 */
GlossAnnotationSet *
gloss_sidecar_get_annotations (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->annotations;
}

/**
 * gloss_sidecar_get_document_info:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none): the "document" object
 */
JsonObject *
gloss_sidecar_get_document_info (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->document_info;
}

static const char *
document_string (GlossSidecar *self,
                 const char   *member)
{
  JsonNode *node = json_object_get_member (self->document_info, member);

  return is_string (node) ? json_node_get_string (node) : NULL;
}

const char *
gloss_sidecar_get_document_source (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return document_string (self, "source");
}

const char *
gloss_sidecar_get_document_sha256 (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return document_string (self, "sha256");
}

/* Files */

gboolean
gloss_annotator_id_is_valid (const char *annotator_id)
{
  if (annotator_id == NULL || *annotator_id == '\0')
    return FALSE;

  for (const char *p = annotator_id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;

  /* "." and ".." would make odd file names. */
  return strspn (annotator_id, ".") != strlen (annotator_id);
}

/**
 * gloss_annotator_id_default:
 *
 * Returns: (transfer full): the login name reduced to the allowed characters
 */
char *
gloss_annotator_id_default (void)
{
  const char *login = g_get_user_name ();
  GString *id = g_string_new (NULL);

  for (const char *p = login; p && *p; p++)
    if (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-')
      g_string_append_c (id, *p);

  if (!gloss_annotator_id_is_valid (id->str))
    g_string_assign (id, "annotator");

  return g_string_free (id, FALSE);
}

/**
 * gloss_sidecar_find_article:
 * @sidecar_file: where @sidecar was read from
 * @sidecar: a sidecar
 *
 * Looks up the article named in `document.source` beside the sidecar file.
 * Only a plain file name is followed: a sidecar must not point Gloss at
 * arbitrary files.
 *
 * Returns: (transfer full) (nullable): the article, when it exists
 */
GFile *
gloss_sidecar_find_article (GFile        *sidecar_file,
                            GlossSidecar *sidecar)
{
  const char *source;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) article = NULL;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), NULL);

  source = gloss_sidecar_get_document_source (sidecar);
  if (sidecar_file == NULL || source == NULL || *source == '\0' ||
      strchr (source, '/') != NULL || strcmp (source, "..") == 0 || strcmp (source, ".") == 0)
    return NULL;

  parent = g_file_get_parent (sidecar_file);
  if (parent == NULL)
    return NULL;
  article = g_file_get_child (parent, source);
  if (!g_file_query_exists (article, NULL))
    return NULL;

  return g_steal_pointer (&article);
}

/**
 * gloss_sidecar_file_for_article:
 * @article: the article file
 * @annotator_id: the annotator
 *
 * Returns: (transfer full): `<article>.<annotator>.gloss.json` beside @article
 */
GFile *
gloss_sidecar_file_for_article (GFile      *article,
                                const char *annotator_id)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (gloss_annotator_id_is_valid (annotator_id), NULL);

  parent = g_file_get_parent (article);
  basename = g_file_get_basename (article);
  name = g_strdup_printf ("%s.%s%s", basename, annotator_id, GLOSS_SIDECAR_SUFFIX);

  return g_file_get_child (parent, name);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_basename (*(GFile **)a);
  g_autofree char *y = g_file_get_basename (*(GFile **)b);

  return strcmp (x, y);
}

/**
 * gloss_sidecar_list_for_article:
 * @article: the article file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GFile): every `<article>.<id>.gloss.json`
 *   beside @article, sorted by name
 */
GPtrArray *
gloss_sidecar_list_for_article (GFile   *article,
                                GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (article);
  g_autofree char *basename = g_file_get_basename (article);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *prefix = g_strconcat (basename, ".", NULL);

  enumerator = g_file_enumerate_children (parent, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
        return NULL;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, GLOSS_SIDECAR_SUFFIX))
        {
          gsize middle = strlen (name) - strlen (prefix) - strlen (GLOSS_SIDECAR_SUFFIX);
          g_autofree char *id = g_strndup (name + strlen (prefix), middle);

          if (strlen (name) > strlen (prefix) + strlen (GLOSS_SIDECAR_SUFFIX) &&
              gloss_annotator_id_is_valid (id))
            g_ptr_array_add (files, g_file_get_child (parent, name));
        }
    }

  g_ptr_array_sort (files, compare_files);
  return g_steal_pointer (&files);
}

/* Extension members */

static const char * const reserved_keys[] = {
  "format", "version", "document", "annotator", "codebook", "annotations", NULL
};

/**
 * gloss_sidecar_get_extension:
 * @self: a #GlossSidecar
 * @name: a top-level member name other than the ones the format defines
 *
 * Top-level members Gloss does not read itself (an adjudication record, a
 * newer tool's additions) are kept as read and written back after
 * "annotations".
 *
 * Returns: (transfer none) (nullable): the member, or %NULL
 */
JsonNode *
gloss_sidecar_get_extension (GlossSidecar *self,
                             const char   *name)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return json_object_get_member (self->extra, name);
}

/**
 * gloss_sidecar_set_extension:
 * @self: a #GlossSidecar
 * @name: a top-level member name other than the ones the format defines
 * @value: (nullable) (transfer none): the value to write (copied), or
 *   %NULL to remove the member
 */
void
gloss_sidecar_set_extension (GlossSidecar *self,
                             const char   *name,
                             JsonNode     *value)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (!g_strv_contains (reserved_keys, name));

  if (value == NULL)
    {
      if (json_object_has_member (self->extra, name))
        json_object_remove_member (self->extra, name);
    }
  else
    json_object_set_member (self->extra, name, json_node_copy (value));
}
