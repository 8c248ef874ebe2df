/* gloss-annotation.c: one tagged span of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-enums.h"
#include "gloss-json.h"

struct _GlossAnnotation
{
  GObject            parent_instance;

  char              *id;
  char              *tag;
  guint              start;
  guint              end;
  char              *text;
  char              *prefix;
  char              *suffix;
  char              *note;
  char              *created;
  char              *modified;
  GlossAnchorStatus  anchor_status;
  JsonObject        *attributes;
  JsonObject        *extra;
};

G_DEFINE_FINAL_TYPE (GlossAnnotation, gloss_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TAG,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_NOTE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_ANCHOR_STATUS,
  PROP_ATTRIBUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The empty value of tag, text, prefix, suffix and note, shared so that a
 * new annotation allocates nothing for them: reading 100 000 annotations
 * from a file replaces most of them at once.  Never freed; see free_string(). */
static char empty_string[] = "";

static void
free_string (char *value)
{
  if (value != empty_string)
    g_free (value);
}

static char *
dup_string (const char *value)
{
  return value == NULL || *value == '\0' ? empty_string : g_strdup (value);
}

/* The attribute and extra objects are made on first use: most annotations
 * have neither, and two empty objects each cost more than reading the
 * annotation from a file. */
static JsonObject *
ensure_object (JsonObject **object)
{
  if (*object == NULL)
    *object = json_object_new ();
  return *object;
}

const char *
gloss_anchor_status_to_string (GlossAnchorStatus status)
{
  switch (status)
    {
    case GLOSS_ANCHOR_EXACT: return "exact";
    case GLOSS_ANCHOR_MOVED: return "moved";
    case GLOSS_ANCHOR_FUZZY: return "fuzzy";
    case GLOSS_ANCHOR_ORPHANED: return "orphaned";
    case GLOSS_ANCHOR_CUT: return "cut";
    default: g_return_val_if_reached ("orphaned");
    }
}

/**
 * gloss_timestamp_now:
 *
 * Returns: (transfer full): the current UTC time as ISO 8601 with seconds, like `2026-11-28T10:02:11Z`
 */
char *
gloss_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
gloss_annotation_finalize (GObject *object)
{
  GlossAnnotation *self = (GlossAnnotation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->tag, free_string);
  g_clear_pointer (&self->text, free_string);
  g_clear_pointer (&self->prefix, free_string);
  g_clear_pointer (&self->suffix, free_string);
  g_clear_pointer (&self->note, free_string);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->attributes, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (gloss_annotation_parent_class)->finalize (object);
}

static void
gloss_annotation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TAG: g_value_set_string (value, self->tag); break;
    case PROP_START: g_value_set_uint (value, self->start); break;
    case PROP_END: g_value_set_uint (value, self->end); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_PREFIX: g_value_set_string (value, self->prefix); break;
    case PROP_SUFFIX: g_value_set_string (value, self->suffix); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_CREATED: g_value_set_string (value, self->created); break;
    case PROP_MODIFIED: g_value_set_string (value, self->modified); break;
    case PROP_ANCHOR_STATUS: g_value_set_enum (value, self->anchor_status); break;
    case PROP_ATTRIBUTES: g_value_set_boxed (value, gloss_annotation_get_attributes (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = g_uuid_string_random ();
      break;
    case PROP_TAG: gloss_annotation_set_tag (self, g_value_get_string (value)); break;
    case PROP_START: gloss_annotation_set_range (self, g_value_get_uint (value), MAX (self->end, g_value_get_uint (value))); break;
    case PROP_END: gloss_annotation_set_range (self, self->start, g_value_get_uint (value)); break;
    case PROP_TEXT: gloss_annotation_set_text (self, g_value_get_string (value)); break;
    case PROP_PREFIX: gloss_annotation_set_prefix (self, g_value_get_string (value)); break;
    case PROP_SUFFIX: gloss_annotation_set_suffix (self, g_value_get_string (value)); break;
    case PROP_NOTE: gloss_annotation_set_note (self, g_value_get_string (value)); break;
    case PROP_CREATED: gloss_annotation_set_created (self, g_value_get_string (value)); break;
    case PROP_MODIFIED: gloss_annotation_set_modified (self, g_value_get_string (value)); break;
    case PROP_ANCHOR_STATUS: gloss_annotation_set_anchor_status (self, g_value_get_enum (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_class_init (GlossAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_annotation_finalize;
  object_class->get_property = gloss_annotation_get_property;
  object_class->set_property = gloss_annotation_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG] = g_param_spec_string ("tag", NULL, NULL, NULL, rw);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_PREFIX] = g_param_spec_string ("prefix", NULL, NULL, NULL, rw);
  properties[PROP_SUFFIX] = g_param_spec_string ("suffix", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, rw);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, rw);
  properties[PROP_ANCHOR_STATUS] =
    g_param_spec_enum ("anchor-status", NULL, NULL,
                       GLOSS_TYPE_ANCHOR_STATUS, GLOSS_ANCHOR_EXACT, rw);
  /* Notified whenever an attribute changes; the object itself stays the same. */
  properties[PROP_ATTRIBUTES] =
    g_param_spec_boxed ("attributes", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_init (GlossAnnotation *self)
{
  self->tag = empty_string;
  self->text = empty_string;
  self->prefix = empty_string;
  self->suffix = empty_string;
  self->note = empty_string;
}

/**
 * gloss_annotation_new:
 * @id: (nullable): the annotation's id, or %NULL for a new random UUID
 * @tag: a tag id of the codebook
 * @start: first code point
 * @end: code point after the last
 *
 * Returns: (transfer full): a new annotation
 */
GlossAnnotation *
gloss_annotation_new (const char *id,
                      const char *tag,
                      guint       start,
                      guint       end)
{
  g_return_val_if_fail (start <= end, NULL);

  return g_object_new (GLOSS_TYPE_ANNOTATION,
                       "id", id,
                       "tag", tag,
                       "end", end,
                       "start", start,
                       NULL);
}

GlossAnnotation *
_gloss_annotation_new_loaded (const char *id,
                              const char *tag,
                              guint       start,
                              guint       end,
                              const char *text,
                              const char *prefix,
                              const char *suffix,
                              const char *note,
                              const char *created,
                              const char *modified)
{
  /* The id is construct-only: given here, no random one is made first. */
  GlossAnnotation *self = g_object_new (GLOSS_TYPE_ANNOTATION, "id", id, NULL);

  g_assert (start <= end);

  /* init() set the defaults (all empty); fill in without notifying. */
  self->tag = dup_string (tag);
  self->start = start;
  self->end = end;
  self->text = dup_string (text);
  self->prefix = dup_string (prefix);
  self->suffix = dup_string (suffix);
  self->note = dup_string (note);
  self->created = g_strdup (created);
  self->modified = g_strdup (modified);

  return self;
}

/**
 * gloss_annotation_assign:
 * @self: a #GlossAnnotation
 * @from: the annotation whose state to take (its id is not taken)
 *
 * Copies every field of @from into @self, notifying what changed. Undo uses
 * this so that views holding @self keep the same object.
 */
void
gloss_annotation_assign (GlossAnnotation *self,
                         GlossAnnotation *from)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (from));

  g_object_freeze_notify (G_OBJECT (self));
  gloss_annotation_set_tag (self, from->tag);
  gloss_annotation_set_range (self, from->start, from->end);
  gloss_annotation_set_text (self, from->text);
  gloss_annotation_set_prefix (self, from->prefix);
  gloss_annotation_set_suffix (self, from->suffix);
  gloss_annotation_set_note (self, from->note);
  gloss_annotation_set_created (self, from->created);
  gloss_annotation_set_modified (self, from->modified);
  gloss_annotation_set_anchor_status (self, from->anchor_status);
  g_clear_pointer (&self->attributes, json_object_unref);
  if (from->attributes != NULL)
    self->attributes = gloss_json_object_deep_copy (from->attributes);
  g_clear_pointer (&self->extra, json_object_unref);
  if (from->extra != NULL)
    self->extra = gloss_json_object_deep_copy (from->extra);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTRIBUTES]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * gloss_annotation_copy:
 * @self: a #GlossAnnotation
 *
 * Returns: (transfer full): a deep copy with the same id
 */
GlossAnnotation *
gloss_annotation_copy (GlossAnnotation *self)
{
  GlossAnnotation *copy;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  copy = g_object_new (GLOSS_TYPE_ANNOTATION, "id", self->id, NULL);
  gloss_annotation_assign (copy, self);

  return copy;
}

/* The order of the sidecar and of the list: start, end, id. */
int
gloss_annotation_compare (GlossAnnotation *a,
                          GlossAnnotation *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return strcmp (a->id, b->id);
}

const char *
gloss_annotation_get_id (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return self->id;
}

guint
gloss_annotation_get_start (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return self->start;
}

guint
gloss_annotation_get_end (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);
  return self->end;
}

void
gloss_annotation_set_range (GlossAnnotation *self,
                            guint            start,
                            guint            end)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

#define STRING_FIELD(name, PROP)                                               \
const char *                                                                   \
gloss_annotation_get_##name (GlossAnnotation *self)                            \
{                                                                              \
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);                     \
  return self->name;                                                           \
}                                                                              \
                                                                               \
void                                                                           \
gloss_annotation_set_##name (GlossAnnotation *self,                            \
                             const char      *value)                           \
{                                                                              \
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));                               \
                                                                               \
  if (value == NULL)                                                           \
    value = "";                                                                \
  if (g_strcmp0 (self->name, value) == 0)                                      \
    return;                                                                    \
  free_string (self->name);                                                    \
  self->name = dup_string (value);                                             \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);                \
}

STRING_FIELD (tag, PROP_TAG)
STRING_FIELD (text, PROP_TEXT)
STRING_FIELD (prefix, PROP_PREFIX)
STRING_FIELD (suffix, PROP_SUFFIX)
STRING_FIELD (note, PROP_NOTE)

/* Timestamps may be absent (NULL) in hand-written sidecars; keep them absent. */
#define NULLABLE_FIELD(name, PROP)                                             \
const char *                                                                   \
gloss_annotation_get_##name (GlossAnnotation *self)                            \
{                                                                              \
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);                     \
  return self->name;                                                           \
}                                                                              \
                                                                               \
void                                                                           \
gloss_annotation_set_##name (GlossAnnotation *self,                            \
                             const char      *value)                           \
{                                                                              \
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));                               \
                                                                               \
  if (g_strcmp0 (self->name, value) == 0)                                      \
    return;                                                                    \
  g_free (self->name);                                                         \
  self->name = g_strdup (value);                                               \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);                \
}

NULLABLE_FIELD (created, PROP_CREATED)
NULLABLE_FIELD (modified, PROP_MODIFIED)

/**
 * gloss_annotation_touch:
 * @self: a #GlossAnnotation
 *
 * Sets "modified" to now (and "created" too when it is unset).
 */
void
gloss_annotation_touch (GlossAnnotation *self)
{
  g_autofree char *now = gloss_timestamp_now ();

  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (self->created == NULL)
    gloss_annotation_set_created (self, now);
  gloss_annotation_set_modified (self, now);
}

GlossAnchorStatus
gloss_annotation_get_anchor_status (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_ANCHOR_ORPHANED);
  return self->anchor_status;
}

/* An annotation that a changed text left fuzzy, cut or orphaned awaits
 * review, and says so in its file ("anchor"), so that the review survives a
 * save, `gloss-cli validate` tells it from a broken annotation, and the next
 * opening does not look for it again by its old quote
 * (gloss_anchor_set_same_text()).  Kept among the unknown members, where the
 * sidecar reader puts it and the writer writes it, after "modified". */
static void
sync_review_marker_for (GlossAnnotation   *self,
                        GlossAnchorStatus  status)
{
  switch (status)
    {
    case GLOSS_ANCHOR_FUZZY:
    case GLOSS_ANCHOR_CUT:
    case GLOSS_ANCHOR_ORPHANED:
      json_object_set_string_member (ensure_object (&self->extra), "anchor",
                                     gloss_anchor_status_to_string (status));
      break;
    case GLOSS_ANCHOR_EXACT:
    case GLOSS_ANCHOR_MOVED:
    default:
      if (self->extra != NULL && json_object_has_member (self->extra, "anchor"))
        json_object_remove_member (self->extra, "anchor");
      break;
    }
}

/**
 * gloss_annotation_get_review_marker:
 * @self: a #GlossAnnotation
 *
 * Returns: what the annotation's file says it awaits review as: fuzzy, cut
 *   or orphaned; %GLOSS_ANCHOR_EXACT when it says nothing
 */
GlossAnchorStatus
gloss_annotation_get_review_marker (GlossAnnotation *self)
{
  JsonNode *node;
  const char *value;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), GLOSS_ANCHOR_EXACT);

  node = self->extra ? json_object_get_member (self->extra, "anchor") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return GLOSS_ANCHOR_EXACT;
  value = json_node_get_string (node);
  if (g_strcmp0 (value, "fuzzy") == 0)
    return GLOSS_ANCHOR_FUZZY;
  if (g_strcmp0 (value, "cut") == 0)
    return GLOSS_ANCHOR_CUT;
  if (g_strcmp0 (value, "orphaned") == 0)
    return GLOSS_ANCHOR_ORPHANED;
  return GLOSS_ANCHOR_EXACT;
}

void
gloss_annotation_set_anchor_status (GlossAnnotation   *self,
                                    GlossAnchorStatus  status)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  sync_review_marker_for (self, status);
  if (self->anchor_status != status)
    {
      self->anchor_status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANCHOR_STATUS]);
    }
}

/**
 * gloss_annotation_get_attribute:
 * @self: a #GlossAnnotation
 * @name: an attribute id
 *
 * Returns: (nullable): the attribute's value when it is a string
 */
const char *
gloss_annotation_get_attribute (GlossAnnotation *self,
                                const char      *name)
{
  JsonNode *node;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->attributes == NULL)
    return NULL;

  node = json_object_get_member (self->attributes, name);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * gloss_annotation_set_attribute:
 * @self: a #GlossAnnotation
 * @name: an attribute id
 * @value: (nullable): the new value; %NULL or "" removes the attribute
 */
void
gloss_annotation_set_attribute (GlossAnnotation *self,
                                const char      *name,
                                const char      *value)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (name != NULL);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (value == NULL)
    {
      if (self->attributes == NULL || !json_object_has_member (self->attributes, name))
        return;
      json_object_remove_member (self->attributes, name);
    }
  else
    {
      if (g_strcmp0 (gloss_annotation_get_attribute (self, name), value) == 0)
        return;
      json_object_set_string_member (ensure_object (&self->attributes), name, value);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTRIBUTES]);
}

/**
 * gloss_annotation_get_attributes:
 * @self: a #GlossAnnotation
 *
 * Returns: (transfer none): every attribute, strings and anything else a file held
 */
JsonObject *
gloss_annotation_get_attributes (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return ensure_object (&self->attributes);
}

JsonObject *
_gloss_annotation_peek_attributes (GlossAnnotation *self)
{
  return self->attributes;
}

JsonObject *
_gloss_annotation_peek_extra (GlossAnnotation *self)
{
  return self->extra;
}

/**
 * gloss_annotation_get_extra:
 * @self: a #GlossAnnotation
 *
 * Returns: (transfer none): members of the record this version does not know
 */
JsonObject *
gloss_annotation_get_extra (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);
  return ensure_object (&self->extra);
}
