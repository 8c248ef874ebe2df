/* gloss-review-adjudication.c: a new layer decided disagreement by
 * disagreement, and the record of what was rejected (see gloss-review.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-review-private.h"
#include "gloss-sidecar.h"

static void
fill_context (GlossDocument   *document,
              GlossAnnotation *annotation)
{
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  if (document == NULL)
    return;

  text = gloss_document_get_slice (document, start, end);
  prefix = gloss_document_get_slice (document,
                                     start > GLOSS_ANNOTATION_CONTEXT_LENGTH ? start - GLOSS_ANNOTATION_CONTEXT_LENGTH : 0,
                                     start);
  suffix = gloss_document_get_slice (document, end, end + GLOSS_ANNOTATION_CONTEXT_LENGTH);
  gloss_annotation_set_text (annotation, text);
  gloss_annotation_set_prefix (annotation, prefix);
  gloss_annotation_set_suffix (annotation, suffix);
}

static guint
layer_of (GlossReviewItem *item,
          GlossAnnotation *annotation)
{
  for (guint l = 0; l < item->n_layers; l++)
    if (g_ptr_array_find (item->layers[l], annotation, NULL))
      return l;
  return G_MAXUINT;
}

/* Puts a copy of @source (or a new annotation when it is NULL) into the
 * adjudicated layer, with its provenance. */
static GlossAnnotation *
adopt (GlossReview     *self,
       GlossReviewItem *item,
       GlossAnnotation *source,
       const char      *decision,
       const char      *tag,
       guint            start,
       guint            end)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (self->adjudication);
  g_autoptr(GlossAnnotation) copy = NULL;
  JsonObject *extra;

  if (source != NULL && gloss_annotation_set_lookup (set, gloss_annotation_get_id (source)) == NULL)
    copy = gloss_annotation_copy (source);
  else
    {
      copy = gloss_annotation_new (NULL, tag, start, end);
      if (source != NULL)
        gloss_annotation_assign (copy, source);
    }

  if (source != NULL && tag == NULL)
    {
      tag = _gloss_review_map_tag (self, gloss_annotation_get_tag (source));
      start = gloss_annotation_get_start (source);
      end = gloss_annotation_get_end (source);
    }
  gloss_annotation_set_tag (copy, tag);
  gloss_annotation_set_range (copy, start, end);
  gloss_annotation_set_anchor_status (copy, GLOSS_ANCHOR_EXACT);
  fill_context (gloss_sidecar_get_document (self->adjudication), copy);

  /* A previous adjudication's provenance would mislead: replace it. */
  extra = gloss_annotation_get_extra (copy);
  if (source != NULL)
    {
      guint layer = layer_of (item, source);

      json_object_set_string_member (extra, "source_annotator",
                                     gloss_sidecar_get_annotator_id (g_ptr_array_index (self->layers, layer)));
      json_object_set_string_member (extra, "source_id", gloss_annotation_get_id (source));
    }
  else
    {
      json_object_remove_member (extra, "source_annotator");
      json_object_remove_member (extra, "source_id");
    }
  json_object_set_string_member (extra, "decided_by", self->decided_by);
  json_object_set_string_member (extra, "decision", decision);

  gloss_annotation_set_add (set, copy);
  g_ptr_array_add (item->result, g_object_ref (copy));

  return copy;
}

static void
clear_result (GlossReview     *self,
              GlossReviewItem *item)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (self->adjudication);

  for (guint i = 0; i < item->result->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->result, i);

      /* The user may have removed it by hand already. */
      if (gloss_annotation_set_find_position (set, annotation, NULL))
        gloss_annotation_set_remove (set, annotation);
    }
  g_ptr_array_set_size (item->result, 0);
}

static gboolean
check_started (GlossReview     *self,
               GlossReviewItem *item)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_REVIEW_ITEM (item), FALSE);
  g_return_val_if_fail (self->adjudication != NULL, FALSE);
  g_return_val_if_fail (item->n_layers == self->layers->len, FALSE);
  return TRUE;
}

static char *
provenance_key (const char *annotator,
                const char *id)
{
  return g_strconcat (annotator, "\x1f", id, NULL);
}

/* The adjudication record: decisions that leave no annotation behind (see
 * gloss-review.h), under the sidecar's top-level "adjudication" member. */

#define RECORD_MEMBER "adjudication"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static char *
join_keys (GPtrArray *keys)
{
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv ("\x1e", (char **)keys->pdata);
}

/* Which annotations an item groups, as layer+id, in a comparable form. */
static char *
item_identity (GlossReview     *self,
               GlossReviewItem *item)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint l = 0; l < item->n_layers; l++)
    for (guint k = 0; k < item->layers[l]->len; k++)
      g_ptr_array_add (keys,
                       provenance_key (gloss_sidecar_get_annotator_id (g_ptr_array_index (self->layers, l)),
                                       gloss_annotation_get_id (g_ptr_array_index (item->layers[l], k))));
  return join_keys (keys);
}

static char *
record_identity (JsonObject *record)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  JsonNode *node = json_object_get_member (record, "annotations");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *annotator, *id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      annotator = json_object_get_string_member_with_default (object, "annotator", NULL);
      id = json_object_get_string_member_with_default (object, "id", NULL);
      if (annotator != NULL && id != NULL)
        g_ptr_array_add (keys, provenance_key (annotator, id));
    }
  return keys->len > 0 ? join_keys (keys) : NULL;
}

/* The fallback when the layers' ids changed: where the item is, and its kind. */
static char *
item_place (GlossReviewItem *item)
{
  return g_strdup_printf ("%u:%u:%s", item->start, item->end, gloss_review_kind_to_string (item->kind));
}

static char *
record_place (JsonObject *record)
{
  gint64 start = json_object_get_int_member_with_default (record, "start", -1);
  gint64 end = json_object_get_int_member_with_default (record, "end", -1);
  const char *kind = json_object_get_string_member_with_default (record, "kind", NULL);

  if (start < 0 || end < start || end > G_MAXUINT || kind == NULL)
    return NULL;
  return g_strdup_printf ("%u:%u:%s", (guint)start, (guint)end, kind);
}

static JsonObject *
record_object (JsonArray *records,
               guint      i)
{
  JsonNode *node = json_array_get_element (records, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A copy of the recorded decisions, to change and store back. */
static JsonArray *
records_dup (GlossReview *self)
{
  JsonNode *node = gloss_sidecar_get_extension (self->adjudication, RECORD_MEMBER);
  JsonArray *records = json_array_new ();
  JsonNode *list;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return records;
  list = json_object_get_member (json_node_get_object (node), "rejected");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return records;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    json_array_add_element (records, json_node_copy (json_array_get_element (json_node_get_array (list), i)));
  return records;
}

static void
records_store (GlossReview *self,
               JsonArray   *records)
{
  JsonNode *old = gloss_sidecar_get_extension (self->adjudication, RECORD_MEMBER);
  g_autoptr(JsonObject) object = json_object_new ();

  if (json_array_get_length (records) > 0)
    {
      json_object_set_string_member (object, "decided_by", self->decided_by);
      json_object_set_array_member (object, "rejected", json_array_ref (records));
    }
  /* Whatever else a newer Gloss put beside ours stays. */
  if (old != NULL && JSON_NODE_HOLDS_OBJECT (old))
    {
      JsonObject *from = json_node_get_object (old);
      g_autoptr(GList) members = json_object_get_members (from);

      for (const GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "decided_by") && !g_str_equal (l->data, "rejected"))
          json_object_set_member (object, l->data, json_node_copy (json_object_get_member (from, l->data)));
    }

  if (json_object_get_size (object) == 0)
    gloss_sidecar_set_extension (self->adjudication, RECORD_MEMBER, NULL);
  else
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

      gloss_sidecar_set_extension (self->adjudication, RECORD_MEMBER, node);
    }
}

/* The record of @item: by its annotations, else by place and kind. */
static int
find_record (GlossReview     *self,
             JsonArray       *records,
             GlossReviewItem *item)
{
  g_autofree char *identity = item_identity (self, item);
  g_autofree char *place = item_place (item);
  int fallback = -1;

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = record_object (records, i);
      g_autofree char *other = NULL;

      if (record == NULL)
        continue;
      other = record_identity (record);
      if (g_strcmp0 (identity, other) == 0)
        return i;
      if (fallback < 0)
        {
          g_autofree char *other_place = record_place (record);

          if (g_strcmp0 (place, other_place) == 0)
            fallback = i;
        }
    }
  return fallback;
}

static JsonNode *
record_new (GlossReview     *self,
            GlossReviewItem *item,
            const char      *taken_from)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *decided = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, item->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, item->end);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, gloss_review_kind_to_string (item->kind));
  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  for (guint l = 0; l < item->n_layers; l++)
    for (guint k = 0; k < item->layers[l]->len; k++)
      {
        GlossAnnotation *annotation = g_ptr_array_index (item->layers[l], k);

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "annotator");
        json_builder_add_string_value (builder, gloss_sidecar_get_annotator_id (g_ptr_array_index (self->layers, l)));
        json_builder_set_member_name (builder, "id");
        json_builder_add_string_value (builder, gloss_annotation_get_id (annotation));
        json_builder_set_member_name (builder, "tag");
        json_builder_add_string_value (builder, _gloss_review_map_tag (self, gloss_annotation_get_tag (annotation)));
        json_builder_set_member_name (builder, "start");
        json_builder_add_int_value (builder, gloss_annotation_get_start (annotation));
        json_builder_set_member_name (builder, "end");
        json_builder_add_int_value (builder, gloss_annotation_get_end (annotation));
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  if (taken_from != NULL)
    {
      json_builder_set_member_name (builder, "taken_from");
      json_builder_add_string_value (builder, taken_from);
    }
  json_builder_set_member_name (builder, "decided_by");
  json_builder_add_string_value (builder, self->decided_by);
  json_builder_set_member_name (builder, "decided");
  json_builder_add_string_value (builder, decided);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Records that @item was decided with nothing kept (@keep), or forgets any
 * such record (a decision that leaves annotations, or none at all). */
/* The record before and after a decision, for undo and redo. */
typedef struct
{
  GlossSidecar *sidecar;
  JsonNode     *before;   /* NULL: no record member */
  JsonNode     *after;
} RecordChange;

static void
record_change_free (gpointer data)
{
  RecordChange *change = data;

  g_object_unref (change->sidecar);
  g_clear_pointer (&change->before, json_node_unref);
  g_clear_pointer (&change->after, json_node_unref);
  g_free (change);
}

static void
record_change_apply (gpointer data,
                     gboolean undo)
{
  RecordChange *change = data;

  gloss_sidecar_set_extension (change->sidecar, RECORD_MEMBER, undo ? change->before : change->after);
}

static JsonNode *
record_member_dup (GlossReview *self)
{
  JsonNode *node = gloss_sidecar_get_extension (self->adjudication, RECORD_MEMBER);

  return node != NULL ? json_node_copy (node) : NULL;
}

/* Records @item's decision when it kept nothing (@keep), or drops its old
 * record; the change is part of the open undo group of the new layer. */
static void
record_decision (GlossReview     *self,
                 GlossReviewItem *item,
                 gboolean         keep,
                 const char      *taken_from)
{
  g_autoptr(JsonArray) records = records_dup (self);
  int found = find_record (self, records, item);
  RecordChange *change;

  if (found < 0 && !keep)
    return;

  change = g_new0 (RecordChange, 1);
  change->sidecar = g_object_ref (self->adjudication);
  change->before = record_member_dup (self);
  if (found >= 0)
    json_array_remove_element (records, found);
  if (keep)
    json_array_add_element (records, record_new (self, item, taken_from));
  records_store (self, records);
  change->after = record_member_dup (self);

  gloss_annotation_set_record_other (gloss_sidecar_get_annotations (self->adjudication),
                                     _("Record decision"), record_change_apply, change,
                                     record_change_free);
}

/**
 * gloss_review_begin_adjudication:
 * @self: a #GlossReview, refreshed
 * @annotator_id: (nullable): the new layer's annotator id; %NULL for `adjudicated`
 * @decided_by: (nullable): who adjudicates, recorded on every annotation;
 *   %NULL for @annotator_id
 * @error: return location for a #GError
 *
 * Starts a new layer with the first layer's codebook and article and accepts
 * every unanimous item (one undo step of the new layer).  Save it with
 * gloss_sidecar_save() wherever the user wants.
 *
 * Returns: (transfer none) (nullable): the new layer
 */
GlossSidecar *
gloss_review_begin_adjudication (GlossReview  *self,
                                 const char   *annotator_id,
                                 const char   *decided_by,
                                 GError      **error)
{
  g_autoptr(GlossCodebook) codebook = NULL;
  GlossSidecar *first;
  GlossAnnotationSet *set;
  GListModel *unanimous;

  g_return_val_if_fail (GLOSS_IS_REVIEW (self), NULL);
  g_return_val_if_fail (self->layers->len > 0, NULL);

  if (annotator_id == NULL)
    annotator_id = "adjudicated";
  if (!gloss_annotator_id_is_valid (annotator_id))
    {
      g_set_error (error, GLOSS_REVIEW_ERROR, GLOSS_REVIEW_ERROR_ANNOTATOR,
                   _("“%s” cannot be an annotator id: use letters, digits, “.”, “_” and “-” only"),
                   annotator_id);
      return NULL;
    }

  first = g_ptr_array_index (self->layers, 0);
  {
    g_autoptr(JsonNode) node = gloss_codebook_to_json (gloss_sidecar_get_codebook (first));

    /* A copy: editing the new layer's codebook must not touch alice's. */
    codebook = gloss_codebook_new_from_json (node, "codebook", NULL);
  }

  /* Items refer to the old layer's results; start them afresh. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_ptr_array_set_size (item->result, 0);
      _gloss_review_item_set_decision (item, GLOSS_REVIEW_PENDING);
    }

  g_clear_object (&self->adjudication);
  self->adjudication = gloss_sidecar_new (annotator_id, codebook);
  self->sync_decisions = gloss_review_sync_decisions;
  g_free (self->decided_by);
  self->decided_by = g_strdup (decided_by ? decided_by : annotator_id);

  if (gloss_sidecar_get_document (first) != NULL)
    gloss_sidecar_attach_document (self->adjudication, gloss_sidecar_get_document (first));
  else
    {
      /* No article at hand: say which one it is all the same. */
      JsonObject *from = gloss_sidecar_get_document_info (first);
      JsonObject *to = gloss_sidecar_get_document_info (self->adjudication);
      g_autoptr(GList) members = json_object_get_members (from);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (to, l->data, json_node_copy (json_object_get_member (from, l->data)));
    }

  set = gloss_sidecar_get_annotations (self->adjudication);
  unanimous = G_LIST_MODEL (self->kinds[GLOSS_REVIEW_KIND_UNANIMOUS]);
  gloss_annotation_set_begin_group (set, _("Accept unanimous annotations"));
  for (guint i = 0; i < g_list_model_get_n_items (unanimous); i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (unanimous, i);

      adopt (self, item, g_ptr_array_index (item->layers[0], 0), "unanimous", NULL, 0, 0);
      _gloss_review_item_set_decision (item, GLOSS_REVIEW_ACCEPTED);
    }
  gloss_annotation_set_end_group (set);

  _gloss_review_notify_adjudication (self);

  return self->adjudication;
}

/**
 * gloss_review_get_adjudication:
 * @self: a #GlossReview
 *
 * Returns: (transfer none) (nullable): the layer being adjudicated
 */
GlossSidecar *
gloss_review_get_adjudication (GlossReview *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW (self), NULL);
  return self->adjudication;
}

/* Items still waiting for a decision. */
guint
gloss_review_get_n_pending (GlossReview *self)
{
  guint n, pending = 0;

  g_return_val_if_fail (GLOSS_IS_REVIEW (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      pending += item->decision == GLOSS_REVIEW_PENDING;
    }

  return pending;
}

/**
 * gloss_review_take:
 * @self: a #GlossReview being adjudicated
 * @item: an item
 * @layer: the layer whose annotations in @item to take (none is fine: the
 *   layer's view is then that nothing belongs here)
 *
 * Replaces any earlier decision on @item; one undo step.
 *
 * Returns: %TRUE
 */
gboolean
gloss_review_take (GlossReview     *self,
                   GlossReviewItem *item,
                   guint            layer)
{
  GlossAnnotationSet *set;

  if (!check_started (self, item))
    return FALSE;
  g_return_val_if_fail (layer < item->n_layers, FALSE);

  set = gloss_sidecar_get_annotations (self->adjudication);
  gloss_annotation_set_begin_group (set, _("Take annotations"));
  clear_result (self, item);
  for (guint i = 0; i < item->layers[layer]->len; i++)
    adopt (self, item, g_ptr_array_index (item->layers[layer], i), "taken", NULL, 0, 0);
  /* Taking a layer that has nothing here leaves no annotation: recorded. */
  record_decision (self, item, item->result->len == 0,
                   gloss_sidecar_get_annotator_id (g_ptr_array_index (self->layers, layer)));
  gloss_annotation_set_end_group (set);
  _gloss_review_item_set_decision (item, GLOSS_REVIEW_TAKEN);

  return TRUE;
}

/**
 * gloss_review_take_annotation:
 * @self: a #GlossReview being adjudicated
 * @item: an item
 * @annotation: one of @item's annotations
 *
 * Takes just @annotation, replacing any earlier decision on @item.
 *
 * Returns: %FALSE when @annotation is not part of @item
 */
gboolean
gloss_review_take_annotation (GlossReview     *self,
                              GlossReviewItem *item,
                              GlossAnnotation *annotation)
{
  GlossAnnotationSet *set;

  if (!check_started (self, item))
    return FALSE;
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  if (layer_of (item, annotation) == G_MAXUINT)
    return FALSE;

  set = gloss_sidecar_get_annotations (self->adjudication);
  gloss_annotation_set_begin_group (set, _("Take annotation"));
  clear_result (self, item);
  adopt (self, item, annotation, "taken", NULL, 0, 0);
  record_decision (self, item, FALSE, NULL);
  gloss_annotation_set_end_group (set);
  _gloss_review_item_set_decision (item, GLOSS_REVIEW_TAKEN);

  return TRUE;
}

/**
 * gloss_review_edit:
 * @self: a #GlossReview being adjudicated
 * @item: an item
 * @base: (nullable): one of @item's annotations to start from (its note,
 *   attributes and provenance are kept)
 * @tag: the tag to give
 * @start: start offset
 * @end: end offset
 *
 * Replaces any earlier decision on @item with one annotation as given.
 *
 * Returns: (transfer none) (nullable): the new annotation
 */
GlossAnnotation *
gloss_review_edit (GlossReview     *self,
                   GlossReviewItem *item,
                   GlossAnnotation *base,
                   const char      *tag,
                   guint            start,
                   guint            end)
{
  GlossAnnotationSet *set;
  GlossAnnotation *annotation;

  if (!check_started (self, item))
    return NULL;
  g_return_val_if_fail (tag != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (base == NULL || layer_of (item, base) != G_MAXUINT, NULL);

  set = gloss_sidecar_get_annotations (self->adjudication);
  gloss_annotation_set_begin_group (set, _("Edit annotation"));
  clear_result (self, item);
  annotation = adopt (self, item, base, "edited", tag, start, end);
  record_decision (self, item, FALSE, NULL);
  gloss_annotation_set_end_group (set);
  _gloss_review_item_set_decision (item, GLOSS_REVIEW_EDITED);

  return annotation;
}

/**
 * gloss_review_reject:
 * @self: a #GlossReview being adjudicated
 * @item: an item
 *
 * Keeps nothing of @item, undoing any earlier decision on it, and records
 * the rejection in the adjudicated layer's "adjudication" member.
 *
 * Returns: %TRUE
 */
gboolean
gloss_review_reject (GlossReview     *self,
                     GlossReviewItem *item)
{
  GlossAnnotationSet *set;

  if (!check_started (self, item))
    return FALSE;

  set = gloss_sidecar_get_annotations (self->adjudication);
  gloss_annotation_set_begin_group (set, _("Reject annotations"));
  clear_result (self, item);
  record_decision (self, item, TRUE, NULL);
  gloss_annotation_set_end_group (set);
  _gloss_review_item_set_decision (item, GLOSS_REVIEW_REJECTED);

  return TRUE;
}

/**
 * gloss_review_undecide:
 * @self: a #GlossReview being adjudicated
 * @item: an item
 *
 * Takes back the decision on @item (an automatic acceptance too), what it
 * added to the new layer and its record there.
 *
 * Returns: %TRUE
 */
gboolean
gloss_review_undecide (GlossReview     *self,
                       GlossReviewItem *item)
{
  GlossAnnotationSet *set;

  if (!check_started (self, item))
    return FALSE;

  set = gloss_sidecar_get_annotations (self->adjudication);
  gloss_annotation_set_begin_group (set, _("Undo decision"));
  clear_result (self, item);
  record_decision (self, item, FALSE, NULL);
  gloss_annotation_set_end_group (set);
  _gloss_review_item_set_decision (item, GLOSS_REVIEW_PENDING);

  return TRUE;
}

/* Rejections (and takes of nothing) from the record, matched to the items by
 * their annotations first, then by place and kind; each record decides one
 * item at most. */
static void
sync_records (GlossReview *self)
{
  g_autoptr(JsonArray) records = records_dup (self);
  g_autoptr(GHashTable) by_identity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_place = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree int *matched = NULL;
  g_autofree gboolean *used = NULL;
  g_autofree gboolean *drop = NULL;
  GListModel *items = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (items);
  guint n_records = json_array_get_length (records);
  gboolean dropped = FALSE;

  if (n_records == 0)
    return;

  /* Later records win: they are the later decisions. */
  for (guint r = 0; r < n_records; r++)
    {
      JsonObject *record = record_object (records, r);
      char *identity, *place;

      if (record == NULL)
        continue;
      if ((identity = record_identity (record)) != NULL)
        g_hash_table_replace (by_identity, identity, GUINT_TO_POINTER (r + 1));
      if ((place = record_place (record)) != NULL)
        g_hash_table_replace (by_place, place, GUINT_TO_POINTER (r + 1));
    }

  matched = g_new (int, n);
  used = g_new0 (gboolean, n_records);
  drop = g_new0 (gboolean, n_records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (items, i);
      g_autofree char *identity = item_identity (self, item);
      guint r = GPOINTER_TO_UINT (g_hash_table_lookup (by_identity, identity));

      matched[i] = -1;
      if (r > 0 && !used[r - 1])
        {
          used[r - 1] = TRUE;
          matched[i] = r - 1;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (items, i);
      g_autofree char *place = NULL;
      guint r;

      if (matched[i] >= 0)
        continue;
      place = item_place (item);
      r = GPOINTER_TO_UINT (g_hash_table_lookup (by_place, place));
      if (r > 0 && !used[r - 1])
        {
          used[r - 1] = TRUE;
          /* Not sure enough of a record found by place to drop it. */
          matched[i] = -(int)r - 1;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (items, i);
      int r = matched[i];
      JsonObject *record;

      if (r == -1)
        continue;
      if (item->result->len > 0)
        {
          if (r >= 0)
            drop[r] = dropped = TRUE;
          continue;
        }
      record = record_object (records, r >= 0 ? (guint)r : (guint)(-r - 2));
      item->synced = json_object_has_member (record, "taken_from") ? GLOSS_REVIEW_TAKEN : GLOSS_REVIEW_REJECTED;
    }

  if (dropped)
    {
      g_autoptr(JsonArray) kept = json_array_new ();

      for (guint r = 0; r < n_records; r++)
        if (!drop[r])
          json_array_add_element (kept, json_node_copy (json_array_get_element (records, r)));
      records_store (self, kept);
    }
}

/**
 * gloss_review_sync_decisions:
 * @self: a #GlossReview being adjudicated
 *
 * Derives every item's decision and result from the adjudicated layer's
 * provenance keys and its record of rejections, for when that layer changed
 * behind the review's back: undo and redo in it, annotations removed by
 * hand, or a layer resumed with gloss_review_resume_adjudication().
 *
 * Annotations in the layer outweigh the record: a rejection record of an
 * item whose annotations are back (an undone rejection) is dropped.
 */
void
gloss_review_sync_decisions (GlossReview *self)
{
  g_autoptr(GHashTable) by_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GlossAnnotationSet *set;
  GListModel *items;
  guint n;

  g_return_if_fail (GLOSS_IS_REVIEW (self));
  if (self->adjudication == NULL)
    return;

  items = G_LIST_MODEL (self->items);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (items, i);

      for (guint l = 0; l < item->n_layers; l++)
        for (guint k = 0; k < item->layers[l]->len; k++)
          g_hash_table_insert (by_source,
                               provenance_key (gloss_sidecar_get_annotator_id (g_ptr_array_index (self->layers, l)),
                                               gloss_annotation_get_id (g_ptr_array_index (item->layers[l], k))),
                               item);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (items, i);

      g_ptr_array_set_size (item->result, 0);
      item->synced = GLOSS_REVIEW_PENDING;
    }

  set = gloss_sidecar_get_annotations (self->adjudication);
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);
      JsonObject *extra = gloss_annotation_get_extra (annotation);
      const char *annotator = json_object_get_string_member_with_default (extra, "source_annotator", NULL);
      const char *id = json_object_get_string_member_with_default (extra, "source_id", NULL);
      const char *decision = json_object_get_string_member_with_default (extra, "decision", "");
      g_autofree char *key = NULL;
      GlossReviewItem *item;

      if (annotator == NULL || id == NULL)
        continue;
      key = provenance_key (annotator, id);
      item = g_hash_table_lookup (by_source, key);
      if (item == NULL)
        continue;
      g_ptr_array_add (item->result, g_object_ref (annotation));
      if (g_str_equal (decision, "unanimous"))
        item->synced = GLOSS_REVIEW_ACCEPTED;
      else if (g_str_equal (decision, "edited"))
        item->synced = GLOSS_REVIEW_EDITED;
      else
        item->synced = GLOSS_REVIEW_TAKEN;
    }

  sync_records (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (items, i);

      _gloss_review_item_set_decision (item, item->synced);
    }
}

/**
 * gloss_review_resume_adjudication:
 * @self: a #GlossReview, refreshed
 * @adjudication: an adjudicated layer written earlier (by Gloss or gloss-cli)
 * @decided_by: (nullable): who decides from now on; %NULL for its annotator id
 *
 * Continues adjudicating into @adjudication: items whose annotations it
 * already holds, or that its "adjudication" member records as rejected,
 * count as decided (see gloss_review_sync_decisions()).
 */
void
gloss_review_resume_adjudication (GlossReview  *self,
                                  GlossSidecar *adjudication,
                                  const char   *decided_by)
{
  g_return_if_fail (GLOSS_IS_REVIEW (self));
  g_return_if_fail (GLOSS_IS_SIDECAR (adjudication));

  g_set_object (&self->adjudication, adjudication);
  g_free (self->decided_by);
  self->decided_by = g_strdup (decided_by ? decided_by : gloss_sidecar_get_annotator_id (adjudication));

  /* Earlier decisions belonged to another layer. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_ptr_array_set_size (item->result, 0);
      item->decision = GLOSS_REVIEW_PENDING;
    }
  gloss_review_sync_decisions (self);
  _gloss_review_notify_adjudication (self);
}

/* A layer written by adjudication: its annotations say who decided, or its
 * record of rejections does (everything may have been rejected). */
gboolean
gloss_review_sidecar_is_adjudicated (GlossSidecar *sidecar)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);

  if (gloss_sidecar_get_extension (sidecar, "adjudication") != NULL)
    return TRUE;
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      JsonObject *extra = gloss_annotation_get_extra (gloss_annotation_set_get_nth (set, i));

      if (extra != NULL && json_object_has_member (extra, "decided_by"))
        return TRUE;
    }
  return FALSE;
}
