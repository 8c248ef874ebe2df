/* gloss-codebook.c: the tags a team codes with, and their attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-file.h"
#include "gloss-json.h"
#include "gloss-resources.h"

#define DEFAULT_CODEBOOK_RESOURCE "/org/gloss/Gloss/core/codebook.json"

G_DEFINE_QUARK (gloss-codebook-error-quark, gloss_codebook_error)

/* GlossAttributeDef */

G_DEFINE_BOXED_TYPE (GlossAttributeDef, gloss_attribute_def,
                     gloss_attribute_def_copy, gloss_attribute_def_free)

GlossAttributeDef *
gloss_attribute_def_new (const char         *id,
                         const char         *label,
                         GlossAttributeType  type)
{
  GlossAttributeDef *def = g_new0 (GlossAttributeDef, 1);

  def->id = g_strdup (id);
  def->label = g_strdup (label ? label : id);
  def->type = type;

  return def;
}

GlossAttributeDef *
gloss_attribute_def_copy (const GlossAttributeDef *def)
{
  GlossAttributeDef *copy = gloss_attribute_def_new (def->id, def->label, def->type);

  copy->choices = g_strdupv (def->choices);
  copy->to = g_strdupv (def->to);
  copy->extra = def->extra ? gloss_json_object_deep_copy (def->extra) : NULL;

  return copy;
}

void
gloss_attribute_def_free (GlossAttributeDef *def)
{
  if (def == NULL)
    return;

  g_free (def->id);
  g_free (def->label);
  g_strfreev (def->choices);
  g_strfreev (def->to);
  g_clear_pointer (&def->extra, json_object_unref);
  g_free (def);
}

static const char *
attribute_type_to_string (GlossAttributeType type)
{
  switch (type)
    {
    case GLOSS_ATTRIBUTE_CHOICE: return "choice";
    case GLOSS_ATTRIBUTE_LINK: return "link";
    case GLOSS_ATTRIBUTE_TEXT:
    default: return "text";
    }
}

/* GlossTag */

struct _GlossTag
{
  GObject    parent_instance;

  char      *id;
  char      *label;
  char      *color;
  char      *key;
  char      *description;
  GPtrArray *attributes;
  JsonObject *extra;        /* members this version does not know, kept */
};

G_DEFINE_FINAL_TYPE (GlossTag, gloss_tag, G_TYPE_OBJECT)

enum {
  TAG_PROP_0,
  TAG_PROP_ID,
  TAG_PROP_LABEL,
  TAG_PROP_COLOR,
  TAG_PROP_KEY,
  TAG_PROP_DESCRIPTION,
  TAG_N_PROPS
};

static GParamSpec *tag_properties[TAG_N_PROPS];

static void
gloss_tag_finalize (GObject *object)
{
  GlossTag *self = (GlossTag *)object;

  g_free (self->id);
  g_free (self->label);
  g_free (self->color);
  g_free (self->key);
  g_free (self->description);
  g_ptr_array_unref (self->attributes);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_tag_parent_class)->finalize (object);
}

static void
gloss_tag_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GlossTag *self = GLOSS_TAG (object);

  switch (prop_id)
    {
    case TAG_PROP_ID: g_value_set_string (value, self->id); break;
    case TAG_PROP_LABEL: g_value_set_string (value, self->label); break;
    case TAG_PROP_COLOR: g_value_set_string (value, self->color); break;
    case TAG_PROP_KEY: g_value_set_string (value, self->key); break;
    case TAG_PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GlossTag *self = GLOSS_TAG (object);

  switch (prop_id)
    {
    case TAG_PROP_ID: g_free (self->id); self->id = g_value_dup_string (value); break;
    case TAG_PROP_LABEL: gloss_tag_set_label (self, g_value_get_string (value)); break;
    case TAG_PROP_COLOR: gloss_tag_set_color (self, g_value_get_string (value)); break;
    case TAG_PROP_KEY: gloss_tag_set_key (self, g_value_get_string (value)); break;
    case TAG_PROP_DESCRIPTION: gloss_tag_set_description (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_tag_class_init (GlossTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_tag_finalize;
  object_class->get_property = gloss_tag_get_property;
  object_class->set_property = gloss_tag_set_property;

  tag_properties[TAG_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  tag_properties[TAG_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  tag_properties[TAG_PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, rw);
  tag_properties[TAG_PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, rw);
  tag_properties[TAG_PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, TAG_N_PROPS, tag_properties);
}

static void
gloss_tag_init (GlossTag *self)
{
  self->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_attribute_def_free);
}

GlossTag *
gloss_tag_new (const char *id,
               const char *label,
               const char *color,
               const char *key)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (GLOSS_TYPE_TAG,
                       "id", id,
                       "label", label ? label : id,
                       "color", color ? color : "#c0bfbc",
                       "key", key,
                       NULL);
}

#define TAG_STRING(name, PROP)                                                 \
const char *                                                                   \
gloss_tag_get_##name (GlossTag *self)                                          \
{                                                                              \
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);                            \
  return self->name;                                                           \
}                                                                              \
                                                                               \
void                                                                           \
gloss_tag_set_##name (GlossTag   *self,                                        \
                      const char *value)                                       \
{                                                                              \
  g_return_if_fail (GLOSS_IS_TAG (self));                                      \
                                                                               \
  if (g_strcmp0 (self->name, value) == 0)                                      \
    return;                                                                    \
  g_free (self->name);                                                         \
  self->name = g_strdup (value);                                               \
  g_object_notify_by_pspec (G_OBJECT (self), tag_properties[PROP]);            \
}

TAG_STRING (label, TAG_PROP_LABEL)
TAG_STRING (color, TAG_PROP_COLOR)
TAG_STRING (key, TAG_PROP_KEY)
TAG_STRING (description, TAG_PROP_DESCRIPTION)

const char *
gloss_tag_get_id (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->id;
}

/**
 * gloss_tag_get_attributes:
 * @self: a #GlossTag
 *
 * Returns: (transfer none) (element-type GlossAttributeDef): the attribute definitions
 */
GPtrArray *
gloss_tag_get_attributes (GlossTag *self)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);
  return self->attributes;
}

const GlossAttributeDef *
gloss_tag_lookup_attribute (GlossTag   *self,
                            const char *id)
{
  g_return_val_if_fail (GLOSS_IS_TAG (self), NULL);

  for (guint i = 0; i < self->attributes->len; i++)
    {
      const GlossAttributeDef *def = g_ptr_array_index (self->attributes, i);

      if (g_strcmp0 (def->id, id) == 0)
        return def;
    }

  return NULL;
}

/**
 * gloss_tag_add_attribute:
 * @self: a #GlossTag
 * @def: (transfer full): the definition to append
 */
void
gloss_tag_add_attribute (GlossTag          *self,
                         GlossAttributeDef *def)
{
  g_return_if_fail (GLOSS_IS_TAG (self));
  g_return_if_fail (def != NULL);

  g_ptr_array_add (self->attributes, def);
}

/* GlossCodebook */

struct _GlossCodebook
{
  GObject    parent_instance;

  char      *name;
  char      *version;
  GPtrArray *tags;
  JsonObject *extra;        /* members this version does not know, kept */
};

static void codebook_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossCodebook, gloss_codebook, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, codebook_list_model_init))

enum {
  PROP_0,
  PROP_NAME,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
codebook_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_TAG;
}

static guint
codebook_get_n_items (GListModel *model)
{
  return GLOSS_CODEBOOK (model)->tags->len;
}

static gpointer
codebook_get_item (GListModel *model,
                   guint       position)
{
  GlossCodebook *self = GLOSS_CODEBOOK (model);

  if (position >= self->tags->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->tags, position));
}

static void
codebook_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = codebook_get_item_type;
  iface->get_n_items = codebook_get_n_items;
  iface->get_item = codebook_get_item;
}

static void
gloss_codebook_finalize (GObject *object)
{
  GlossCodebook *self = (GlossCodebook *)object;

  g_free (self->name);
  g_free (self->version);
  g_ptr_array_unref (self->tags);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_codebook_parent_class)->finalize (object);
}

static void
gloss_codebook_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossCodebook *self = GLOSS_CODEBOOK (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_VERSION: g_value_set_string (value, self->version); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossCodebook *self = GLOSS_CODEBOOK (object);

  switch (prop_id)
    {
    case PROP_NAME: gloss_codebook_set_name (self, g_value_get_string (value)); break;
    case PROP_VERSION: gloss_codebook_set_version (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_class_init (GlossCodebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_codebook_finalize;
  object_class->get_property = gloss_codebook_get_property;
  object_class->set_property = gloss_codebook_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_codebook_init (GlossCodebook *self)
{
  self->tags = g_ptr_array_new_with_free_func (g_object_unref);
}

GlossCodebook *
gloss_codebook_new (const char *name,
                    const char *version)
{
  return g_object_new (GLOSS_TYPE_CODEBOOK,
                       "name", name,
                       "version", version,
                       NULL);
}

static gboolean
invalid (GError    **error,
         const char *path,
         const char *message)
{
  g_set_error (error, GLOSS_CODEBOOK_ERROR, GLOSS_CODEBOOK_ERROR_INVALID,
               "%s: %s", path, message);
  return FALSE;
}

/* Optional string member: absent or null is fine, anything else but a string is not. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *path,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
      return invalid (error, where, _("must be a string"));
    }

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_string_list (JsonObject  *object,
                 const char  *member,
                 const char  *path,
                 char      ***out,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, where, _("must be a list of strings"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return invalid (error, where, _("must be a list of strings"));
      g_strv_builder_add (builder, json_node_get_string (item));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Members a newer Gloss (or a script) added are kept for the next save. */
static JsonObject *
unknown_members (JsonObject         *object,
                 const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *extra = NULL;

  for (const GList *l = members; l; l = l->next)
    {
      if (g_strv_contains (known, l->data))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, l->data, gloss_json_node_deep_copy (json_object_get_member (object, l->data)));
    }

  return extra;
}

static void
add_unknown_members (JsonBuilder *builder,
                     JsonObject  *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (const GList *l = members; l; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, gloss_json_node_deep_copy (json_object_get_member (extra, l->data)));
    }
}

static GlossAttributeDef *
attribute_from_json (JsonNode    *node,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GlossAttributeDef) def = NULL;
  JsonObject *object;
  const char *id, *label, *type;
  GlossAttributeType kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, path, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_string (object, "id", path, &id, error) ||
      !get_string (object, "label", path, &label, error) ||
      !get_string (object, "type", path, &type, error))
    return NULL;

  if (id == NULL || *id == '\0')
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      invalid (error, where, _("is missing"));
      return NULL;
    }

  if (type == NULL || g_str_equal (type, "text"))
    kind = GLOSS_ATTRIBUTE_TEXT;
  else if (g_str_equal (type, "choice"))
    kind = GLOSS_ATTRIBUTE_CHOICE;
  else if (g_str_equal (type, "link"))
    kind = GLOSS_ATTRIBUTE_LINK;
  else
    {
      g_autofree char *where = g_strdup_printf ("%s.type", path);
      g_autofree char *message = g_strdup_printf (_("unknown attribute type “%s” (expected text, choice or link)"), type);
      invalid (error, where, message);
      return NULL;
    }

  def = gloss_attribute_def_new (id, label, kind);
  if (!get_string_list (object, "choices", path, &def->choices, error) ||
      !get_string_list (object, "to", path, &def->to, error))
    return NULL;
  def->extra = unknown_members (object, (const char * const[]) { "id", "label", "type", "choices", "to", NULL });

  return g_steal_pointer (&def);
}

static GlossTag *
tag_from_json (JsonNode    *node,
               const char  *path,
               GError     **error)
{
  g_autoptr(GlossTag) tag = NULL;
  JsonObject *object;
  JsonNode *attributes;
  const char *id, *label, *color, *key, *description;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, path, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_string (object, "id", path, &id, error) ||
      !get_string (object, "label", path, &label, error) ||
      !get_string (object, "color", path, &color, error) ||
      !get_string (object, "key", path, &key, error) ||
      !get_string (object, "description", path, &description, error))
    return NULL;

  if (id == NULL || *id == '\0')
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      invalid (error, where, _("is missing"));
      return NULL;
    }

  if (color != NULL)
    {
      if (!g_regex_match_simple ("^#[0-9A-Fa-f]{6}$", color, 0, 0))
        {
          g_autofree char *where = g_strdup_printf ("%s.color", path);
          invalid (error, where, _("must be a colour like #f6d32d"));
          return NULL;
        }
    }

  tag = gloss_tag_new (id, label, color, key);
  gloss_tag_set_description (tag, description);
  tag->extra = unknown_members (object, (const char * const[]) { "id", "label", "color", "key", "description",
                                                                 "attributes", NULL });

  attributes = json_object_get_member (object, "attributes");
  if (attributes != NULL && !JSON_NODE_HOLDS_NULL (attributes))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (attributes))
        {
          g_autofree char *where = g_strdup_printf ("%s.attributes", path);
          invalid (error, where, _("must be a list"));
          return NULL;
        }

      array = json_node_get_array (attributes);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s.attributes[%u]", path, i);
          GlossAttributeDef *def = attribute_from_json (json_array_get_element (array, i), where, error);

          if (def == NULL)
            return NULL;
          gloss_tag_add_attribute (tag, def);
        }
    }

  return g_steal_pointer (&tag);
}

/**
 * gloss_codebook_new_from_json:
 * @node: a JSON object `{"name", "version", "tags": [...]}`
 * @json_path: where @node sits, for messages (like `codebook`)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the codebook
 */
GlossCodebook *
gloss_codebook_new_from_json (JsonNode    *node,
                              const char  *json_path,
                              GError     **error)
{
  g_autoptr(GlossCodebook) self = NULL;
  g_autoptr(GHashTable) seen = NULL;
  JsonObject *object;
  JsonNode *tags;
  const char *name, *version;
  const char *path = json_path ? json_path : "codebook";

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, path, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_string (object, "name", path, &name, error) ||
      !get_string (object, "version", path, &version, error))
    return NULL;

  self = gloss_codebook_new (name, version);
  self->extra = unknown_members (object, (const char * const[]) { "name", "version", "tags", NULL });
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  tags = json_object_get_member (object, "tags");
  if (tags == NULL || !JSON_NODE_HOLDS_ARRAY (tags))
    {
      g_autofree char *where = g_strdup_printf ("%s.tags", path);
      invalid (error, where, _("must be a list of tags"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (tags)); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.tags[%u]", path, i);
      GlossTag *tag = tag_from_json (json_array_get_element (json_node_get_array (tags), i), where, error);

      if (tag == NULL)
        return NULL;

      if (!g_hash_table_add (seen, (gpointer)gloss_tag_get_id (tag)))
        {
          g_autofree char *message = g_strdup_printf (_("tag id “%s” is used twice"), gloss_tag_get_id (tag));
          g_object_unref (tag);
          invalid (error, where, message);
          return NULL;
        }

      g_ptr_array_add (self->tags, tag);
    }

  return g_steal_pointer (&self);
}

/* The built-in codebook's labels and descriptions, for xgettext: the JSON
 * file is data, its words are translated when it is loaded.  Ids, the
 * codebook's name and choice values stay as they are: sidecars and
 * agreement compare them. */
static const char * const default_codebook_strings[] G_GNUC_UNUSED = {
  N_("Quote"),
  N_("A direct quotation, inside quotation marks in the article."),
  N_("Speaker"),
  N_("Mode"),
  N_("Official"),
  N_("A named person speaking or acting for a government, party or public body."),
  N_("Title"),
  N_("Organization"),
  N_("Person"),
  N_("A named person who is not an official."),
  N_("Role"),
  N_("A company, party body, agency or association."),
  N_("Program"),
  N_("A named policy, campaign, plan or programme."),
  N_("Place"),
  N_("A named place: country, province, city, district."),
  N_("Statistic"),
  N_("A number the article cites as a fact."),
  N_("Unit"),
};

static void
translate_default (GlossCodebook *self)
{
  for (guint i = 0; i < self->tags->len; i++)
    {
      GlossTag *tag = g_ptr_array_index (self->tags, i);

      gloss_tag_set_label (tag, g_dgettext (GETTEXT_PACKAGE, tag->label));
      if (tag->description != NULL)
        gloss_tag_set_description (tag, g_dgettext (GETTEXT_PACKAGE, tag->description));
      for (guint j = 0; j < tag->attributes->len; j++)
        {
          GlossAttributeDef *def = g_ptr_array_index (tag->attributes, j);
          char *label = g_strdup (g_dgettext (GETTEXT_PACKAGE, def->label));

          g_free (def->label);
          def->label = label;
        }
    }
}

/**
 * gloss_codebook_new_default:
 *
 * Returns: (transfer full): the codebook for news analysis that ships with Gloss
 */
GlossCodebook *
gloss_codebook_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GlossCodebook *codebook;

  gloss_resources_ensure ();
  bytes = g_resources_lookup_data (DEFAULT_CODEBOOK_RESOURCE, 0, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error) ||
      !(codebook = gloss_codebook_new_from_json (json_parser_get_root (parser), "codebook", &error)))
    g_error ("The built-in codebook is broken: %s", error->message);

  translate_default (codebook);
  return codebook;
}

/* The built-in codebook, made once per process, for labels only. */
static GlossCodebook *
builtin_codebook (void)
{
  static GlossCodebook *builtin;

  if (g_once_init_enter (&builtin))
    g_once_init_leave (&builtin, gloss_codebook_new_default ());
  return builtin;
}

/**
 * gloss_codebook_builtin_tag_label:
 * @id: a tag id, as the index and the sidecars keep it
 *
 * What a list that only knows tag ids (the library's columns, Retrieve,
 * the corpus agreement) shows for one: the built-in codebook's label in the
 * user's language (quote → 引语), or @id itself for a tag of no built-in id.
 *
 * Returns: (transfer none): the label
 */
const char *
gloss_codebook_builtin_tag_label (const char *id)
{
  GlossTag *tag;

  g_return_val_if_fail (id != NULL, NULL);

  tag = gloss_codebook_lookup (builtin_codebook (), id);
  return tag != NULL ? gloss_tag_get_label (tag) : id;
}

/**
 * gloss_codebook_builtin_attribute_label:
 * @tag_id: a tag id
 * @id: an attribute id of that tag
 *
 * Like gloss_codebook_builtin_tag_label(), for an attribute (speaker → 说话人).
 *
 * Returns: (transfer none): the label
 */
const char *
gloss_codebook_builtin_attribute_label (const char *tag_id,
                                        const char *id)
{
  GlossTag *tag;
  const GlossAttributeDef *def;

  g_return_val_if_fail (id != NULL, NULL);

  tag = tag_id != NULL ? gloss_codebook_lookup (builtin_codebook (), tag_id) : NULL;
  def = tag != NULL ? gloss_tag_lookup_attribute (tag, id) : NULL;
  return def != NULL && def->label != NULL ? def->label : id;
}

/**
 * gloss_codebook_load_file:
 * @file: a JSON codebook file (like a team's `gloss-codebook.json`)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the codebook
 */
GlossCodebook *
gloss_codebook_load_file (GFile   *file,
                          GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  GlossCodebook *codebook;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  if (!gloss_json_parser_load (parser, contents, length, &local_error))
    {
      g_set_error (error, GLOSS_CODEBOOK_ERROR, GLOSS_CODEBOOK_ERROR_INVALID,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  codebook = gloss_codebook_new_from_json (json_parser_get_root (parser), "codebook", &local_error);
  if (codebook == NULL)
    {
      g_set_error (error, GLOSS_CODEBOOK_ERROR, GLOSS_CODEBOOK_ERROR_INVALID,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  return codebook;
}

static void
add_strv (JsonBuilder  *builder,
          const char   *member,
          char        **values)
{
  if (values == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i]; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/**
 * gloss_codebook_to_json:
 * @self: a #GlossCodebook
 *
 * Returns: (transfer full): the codebook as JSON, members in a fixed order
 */
JsonNode *
gloss_codebook_to_json (GlossCodebook *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name ? self->name : "");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, self->version ? self->version : "");
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->tags->len; i++)
    {
      GlossTag *tag = g_ptr_array_index (self->tags, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, tag->id);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, tag->label);
      json_builder_set_member_name (builder, "color");
      json_builder_add_string_value (builder, tag->color);
      if (tag->key != NULL && *tag->key)
        {
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, tag->key);
        }
      if (tag->description != NULL && *tag->description)
        {
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, tag->description);
        }
      if (tag->attributes->len > 0)
        {
          json_builder_set_member_name (builder, "attributes");
          json_builder_begin_array (builder);
          for (guint j = 0; j < tag->attributes->len; j++)
            {
              GlossAttributeDef *def = g_ptr_array_index (tag->attributes, j);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "id");
              json_builder_add_string_value (builder, def->id);
              if (def->label != NULL && g_strcmp0 (def->label, def->id) != 0)
                {
                  json_builder_set_member_name (builder, "label");
                  json_builder_add_string_value (builder, def->label);
                }
              json_builder_set_member_name (builder, "type");
              json_builder_add_string_value (builder, attribute_type_to_string (def->type));
              add_strv (builder, "choices", def->choices);
              add_strv (builder, "to", def->to);
              add_unknown_members (builder, def->extra);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      add_unknown_members (builder, tag->extra);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_unknown_members (builder, self->extra);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
gloss_codebook_save_file (GlossCodebook  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(JsonNode) root = gloss_codebook_to_json (self);
  g_autofree char *data = NULL;
  gsize length;

  data = gloss_json_to_pretty (root, &length);
  /* A team's codebook is their data too: the old one survives a failed write. */
  return gloss_file_replace (file, data, length, NULL, error);
}

#define CODEBOOK_STRING(name, PROP)                                            \
const char *                                                                   \
gloss_codebook_get_##name (GlossCodebook *self)                                \
{                                                                              \
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);                       \
  return self->name;                                                           \
}                                                                              \
                                                                               \
void                                                                           \
gloss_codebook_set_##name (GlossCodebook *self,                                \
                           const char    *value)                               \
{                                                                              \
  g_return_if_fail (GLOSS_IS_CODEBOOK (self));                                 \
                                                                               \
  if (g_strcmp0 (self->name, value) == 0)                                      \
    return;                                                                    \
  g_free (self->name);                                                         \
  self->name = g_strdup (value);                                               \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);                \
}

CODEBOOK_STRING (name, PROP_NAME)
CODEBOOK_STRING (version, PROP_VERSION)

guint
gloss_codebook_get_n_tags (GlossCodebook *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), 0);
  return self->tags->len;
}

/**
 * gloss_codebook_get_tag:
 * @self: a #GlossCodebook
 * @position: index
 *
 * Returns: (transfer none) (nullable): the tag at @position
 */
GlossTag *
gloss_codebook_get_tag (GlossCodebook *self,
                        guint          position)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);

  if (position >= self->tags->len)
    return NULL;

  return g_ptr_array_index (self->tags, position);
}

/**
 * gloss_codebook_lookup:
 * @self: a #GlossCodebook
 * @id: a tag id
 *
 * Returns: (transfer none) (nullable): the tag with @id
 */
GlossTag *
gloss_codebook_lookup (GlossCodebook *self,
                       const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);

  for (guint i = 0; id && i < self->tags->len; i++)
    {
      GlossTag *tag = g_ptr_array_index (self->tags, i);

      if (g_str_equal (tag->id, id))
        return tag;
    }

  return NULL;
}

/**
 * gloss_codebook_lookup_key:
 * @self: a #GlossCodebook
 * @key: a shortcut key like "1"
 *
 * Returns: (transfer none) (nullable): the tag applied by @key
 */
GlossTag *
gloss_codebook_lookup_key (GlossCodebook *self,
                           const char    *key)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (self), NULL);

  for (guint i = 0; key && i < self->tags->len; i++)
    {
      GlossTag *tag = g_ptr_array_index (self->tags, i);

      if (g_strcmp0 (tag->key, key) == 0)
        return tag;
    }

  return NULL;
}

void
gloss_codebook_add_tag (GlossCodebook *self,
                        GlossTag      *tag)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));
  g_return_if_fail (gloss_codebook_lookup (self, gloss_tag_get_id (tag)) == NULL);

  g_ptr_array_add (self->tags, g_object_ref (tag));
  g_list_model_items_changed (G_LIST_MODEL (self), self->tags->len - 1, 0, 1);
}

/**
 * gloss_codebook_insert_tag:
 * @self: a #GlossCodebook
 * @tag: a tag whose id the codebook does not have
 * @position: where to put it; beyond the end means last
 *
 * Puts @tag back where it was, say after an undone deletion.
 */
void
gloss_codebook_insert_tag (GlossCodebook *self,
                           GlossTag      *tag,
                           guint          position)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));
  g_return_if_fail (gloss_codebook_lookup (self, gloss_tag_get_id (tag)) == NULL);

  position = MIN (position, self->tags->len);
  g_ptr_array_insert (self->tags, position, g_object_ref (tag));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
gloss_codebook_remove_tag (GlossCodebook *self,
                           GlossTag      *tag)
{
  guint position;

  g_return_if_fail (GLOSS_IS_CODEBOOK (self));

  if (!g_ptr_array_find (self->tags, tag, &position))
    return;

  g_ptr_array_remove_index (self->tags, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}
