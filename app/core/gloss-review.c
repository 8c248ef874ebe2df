/* gloss-review.c: disagreements between layers (adjudication is in
 * gloss-review-adjudication.c)
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

G_DEFINE_QUARK (gloss-review-error-quark, gloss_review_error)

G_DEFINE_ENUM_TYPE (GlossReviewKind, gloss_review_kind,
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_KIND_UNANIMOUS, "unanimous"),
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_KIND_SOME_LAYERS, "some-layers"),
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_KIND_TAG, "tag"),
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_KIND_SPAN, "span"),
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_KIND_SPAN_AND_TAG, "span-and-tag"))

G_DEFINE_ENUM_TYPE (GlossReviewDecision, gloss_review_decision,
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_ACCEPTED, "accepted"),
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_TAKEN, "taken"),
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_EDITED, "edited"),
  G_DEFINE_ENUM_VALUE (GLOSS_REVIEW_REJECTED, "rejected"))

const char *
gloss_review_kind_to_string (GlossReviewKind kind)
{
  static const char * const names[] = { "unanimous", "some-layers", "tag", "span", "span-and-tag" };

  g_return_val_if_fail (kind < GLOSS_REVIEW_N_KINDS, NULL);
  return names[kind];
}

const char *
gloss_review_kind_to_label (GlossReviewKind kind)
{
  switch (kind)
    {
    case GLOSS_REVIEW_KIND_UNANIMOUS:
      return _("Same span and tag");
    case GLOSS_REVIEW_KIND_SOME_LAYERS:
      return _("Only in some layers");
    case GLOSS_REVIEW_KIND_TAG:
      return _("Different tag");
    case GLOSS_REVIEW_KIND_SPAN:
      return _("Different span");
    case GLOSS_REVIEW_KIND_SPAN_AND_TAG:
      return _("Different span and tag");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* GlossReviewItem */


G_DEFINE_FINAL_TYPE (GlossReviewItem, gloss_review_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_KIND,
  ITEM_PROP_START,
  ITEM_PROP_END,
  ITEM_PROP_DECISION,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static void
gloss_review_item_finalize (GObject *object)
{
  GlossReviewItem *self = (GlossReviewItem *)object;

  for (guint l = 0; l < self->n_layers; l++)
    g_ptr_array_unref (self->layers[l]);
  g_free (self->layers);
  g_ptr_array_unref (self->result);

  G_OBJECT_CLASS (gloss_review_item_parent_class)->finalize (object);
}

static void
gloss_review_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossReviewItem *self = GLOSS_REVIEW_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_KIND: g_value_set_enum (value, self->kind); break;
    case ITEM_PROP_START: g_value_set_uint (value, self->start); break;
    case ITEM_PROP_END: g_value_set_uint (value, self->end); break;
    case ITEM_PROP_DECISION: g_value_set_enum (value, self->decision); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_review_item_class_init (GlossReviewItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_review_item_finalize;
  object_class->get_property = gloss_review_item_get_property;

  item_properties[ITEM_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, GLOSS_TYPE_REVIEW_KIND, GLOSS_REVIEW_KIND_UNANIMOUS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_DECISION] =
    g_param_spec_enum ("decision", NULL, NULL, GLOSS_TYPE_REVIEW_DECISION, GLOSS_REVIEW_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
gloss_review_item_init (GlossReviewItem *self)
{
  self->result = g_ptr_array_new_with_free_func (g_object_unref);
}

static GlossReviewItem *
item_new (guint n_layers)
{
  GlossReviewItem *self = g_object_new (GLOSS_TYPE_REVIEW_ITEM, NULL);

  self->n_layers = n_layers;
  self->layers = g_new0 (GPtrArray *, n_layers);
  for (guint l = 0; l < n_layers; l++)
    self->layers[l] = g_ptr_array_new_with_free_func (g_object_unref);
  self->start = G_MAXUINT;

  return self;
}

static void
item_add (GlossReviewItem *self,
          guint            layer,
          GlossAnnotation *annotation)
{
  g_ptr_array_add (self->layers[layer], g_object_ref (annotation));
  self->start = MIN (self->start, gloss_annotation_get_start (annotation));
  self->end = MAX (self->end, gloss_annotation_get_end (annotation));
}

void
_gloss_review_item_set_decision (GlossReviewItem     *self,
                   GlossReviewDecision  decision)
{
  if (self->decision == decision)
    return;
  self->decision = decision;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_DECISION]);
}

GlossReviewKind
gloss_review_item_get_kind (GlossReviewItem *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_ITEM (self), 0);
  return self->kind;
}

/* The smallest start of the item's annotations. */
guint
gloss_review_item_get_start (GlossReviewItem *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_ITEM (self), 0);
  return self->start;
}

/* The largest end of the item's annotations. */
guint
gloss_review_item_get_end (GlossReviewItem *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_ITEM (self), 0);
  return self->end;
}

guint
gloss_review_item_get_n_layers (GlossReviewItem *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_ITEM (self), 0);
  return self->n_layers;
}

/**
 * gloss_review_item_get_annotations:
 * @self: a #GlossReviewItem
 * @layer: a layer index
 *
 * Returns: (transfer none) (element-type GlossAnnotation): the layer's
 *   annotations in this item, possibly none
 */
GPtrArray *
gloss_review_item_get_annotations (GlossReviewItem *self,
                                   guint            layer)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_ITEM (self), NULL);
  g_return_val_if_fail (layer < self->n_layers, NULL);
  return self->layers[layer];
}

GlossReviewDecision
gloss_review_item_get_decision (GlossReviewItem *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_ITEM (self), GLOSS_REVIEW_PENDING);
  return self->decision;
}

/**
 * gloss_review_item_get_result:
 * @self: a #GlossReviewItem
 *
 * Returns: (transfer none) (element-type GlossAnnotation): the annotations
 *   the decision added to the adjudicated layer
 */
GPtrArray *
gloss_review_item_get_result (GlossReviewItem *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_ITEM (self), NULL);
  return self->result;
}

/* GlossReview */


G_DEFINE_FINAL_TYPE (GlossReview, gloss_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ADJUDICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_review_finalize (GObject *object)
{
  GlossReview *self = (GlossReview *)object;

  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->tag_map, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->disagreements);
  for (guint k = 0; k < GLOSS_REVIEW_N_KINDS; k++)
    g_clear_object (&self->kinds[k]);
  g_clear_object (&self->adjudication);
  g_clear_pointer (&self->decided_by, g_free);

  G_OBJECT_CLASS (gloss_review_parent_class)->finalize (object);
}

static void
gloss_review_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossReview *self = GLOSS_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ADJUDICATION: g_value_set_object (value, self->adjudication); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_review_class_init (GlossReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_review_finalize;
  object_class->get_property = gloss_review_get_property;

  properties[PROP_ADJUDICATION] =
    g_param_spec_object ("adjudication", NULL, NULL, GLOSS_TYPE_SIDECAR,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_review_init (GlossReview *self)
{
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  self->tag_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->items = g_list_store_new (GLOSS_TYPE_REVIEW_ITEM);
  self->disagreements = g_list_store_new (GLOSS_TYPE_REVIEW_ITEM);
  for (guint k = 0; k < GLOSS_REVIEW_N_KINDS; k++)
    self->kinds[k] = g_list_store_new (GLOSS_TYPE_REVIEW_ITEM);
}

/**
 * gloss_review_new:
 *
 * Returns: (transfer full): a review with no layers
 */
GlossReview *
gloss_review_new (void)
{
  return g_object_new (GLOSS_TYPE_REVIEW, NULL);
}

/**
 * gloss_review_add_layer:
 * @self: a #GlossReview
 * @sidecar: a layer, anchored to the article under review
 *
 * Adds a layer; call gloss_review_refresh() once all are added.
 *
 * Returns: the layer's index
 */
guint
gloss_review_add_layer (GlossReview  *self,
                        GlossSidecar *sidecar)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW (self), 0);
  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), 0);

  g_ptr_array_add (self->layers, g_object_ref (sidecar));
  return self->layers->len - 1;
}

guint
gloss_review_get_n_layers (GlossReview *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW (self), 0);
  return self->layers->len;
}

/**
 * gloss_review_get_layer:
 * @self: a #GlossReview
 * @layer: a layer index
 *
 * Returns: (transfer none): the layer's sidecar
 */
GlossSidecar *
gloss_review_get_layer (GlossReview *self,
                        guint        layer)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW (self), NULL);
  g_return_val_if_fail (layer < self->layers->len, NULL);
  return g_ptr_array_index (self->layers, layer);
}

/**
 * gloss_review_map_tag:
 * @self: a #GlossReview
 * @from: a tag id as written in a layer
 * @to: the tag id to match it as (and to write when adjudicating)
 */
void
gloss_review_map_tag (GlossReview *self,
                      const char  *from,
                      const char  *to)
{
  g_return_if_fail (GLOSS_IS_REVIEW (self));
  g_return_if_fail (from != NULL && to != NULL);

  g_hash_table_replace (self->tag_map, g_strdup (from), g_strdup (to));
}

const char *
_gloss_review_map_tag (GlossReview *self,
         const char  *tag)
{
  const char *to = g_hash_table_lookup (self->tag_map, tag);

  return to ? to : tag;
}

typedef struct
{
  GlossAnnotation *annotation;
  const char      *tag;
  guint            layer;
  guint            start;
  guint            end;
  guint            parent;
  gboolean         used;
} Entry;

static guint
find_root (Entry *entries,
           guint  i)
{
  while (entries[i].parent != i)
    {
      entries[i].parent = entries[entries[i].parent].parent;
      i = entries[i].parent;
    }
  return i;
}

static void
unite (Entry *entries,
       guint  a,
       guint  b)
{
  a = find_root (entries, a);
  b = find_root (entries, b);
  if (a != b)
    entries[MAX (a, b)].parent = MIN (a, b);
}

static int
compare_entry_positions (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  const Entry *entries = user_data;
  const Entry *x = &entries[*(const guint *)a], *y = &entries[*(const guint *)b];

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->layer != y->layer)
    return x->layer < y->layer ? -1 : 1;
  return gloss_annotation_compare (x->annotation, y->annotation);
}

static gboolean
related (const Entry *e,
         const Entry *f)
{
  if (e->layer == f->layer)
    return FALSE;
  if (e->start == f->start && e->end == f->end)
    return TRUE;
  return g_str_equal (e->tag, f->tag) && MAX (e->start, f->start) < MIN (e->end, f->end);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  GlossReviewItem *x = *(GlossReviewItem **)a, *y = *(GlossReviewItem **)b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return 0;
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **)a, *(GlossAnnotation **)b);
}

static GlossReviewKind
classify (GlossReview     *self,
          GlossReviewItem *item)
{
  GlossAnnotation *first = NULL;
  gboolean same_tag = TRUE, same_span = TRUE;

  for (guint l = 0; l < item->n_layers; l++)
    for (guint i = 0; i < item->layers[l]->len; i++)
      {
        GlossAnnotation *annotation = g_ptr_array_index (item->layers[l], i);

        if (first == NULL)
          {
            first = annotation;
            continue;
          }
        same_tag &= g_str_equal (_gloss_review_map_tag (self, gloss_annotation_get_tag (annotation)),
                                 _gloss_review_map_tag (self, gloss_annotation_get_tag (first)));
        same_span &= gloss_annotation_get_start (annotation) == gloss_annotation_get_start (first) &&
                     gloss_annotation_get_end (annotation) == gloss_annotation_get_end (first);
      }

  if (same_tag && same_span)
    return GLOSS_REVIEW_KIND_SOME_LAYERS;
  if (same_span)
    return GLOSS_REVIEW_KIND_TAG;
  if (same_tag)
    return GLOSS_REVIEW_KIND_SPAN;
  return GLOSS_REVIEW_KIND_SPAN_AND_TAG;
}

static void
replace_all (GListStore *store,
             GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/**
 * gloss_review_refresh:
 * @self: a #GlossReview
 *
 * Matches the layers' annotations anew and replaces the contents of every
 * model.  Decisions carry over as far as the adjudicated layer records them
 * (see gloss_review_sync_decisions()).
 */
void
gloss_review_refresh (GlossReview *self)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GHashTable) exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);
  guint n_layers;
  Entry *e;

  g_return_if_fail (GLOSS_IS_REVIEW (self));
  n_layers = self->layers->len;

  for (guint l = 0; l < n_layers; l++)
    {
      GlossAnnotationSet *set = gloss_sidecar_get_annotations (g_ptr_array_index (self->layers, l));

      for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
        {
          GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);
          Entry entry = { annotation, _gloss_review_map_tag (self, gloss_annotation_get_tag (annotation)), l,
                          gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
                          entries->len, FALSE };

          if (gloss_annotation_get_anchor_status (annotation) != GLOSS_ANCHOR_ORPHANED)
            g_array_append_val (entries, entry);
        }
    }
  e = (Entry *)(void *)entries->data;

  /* Same span and tag everywhere: unanimous, one annotation per layer. */
  for (guint i = 0; i < entries->len; i++)
    {
      char *key = g_strdup_printf ("%u:%u:%s", e[i].start, e[i].end, e[i].tag);
      GArray *group = g_hash_table_lookup (exact, key);

      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (exact, key, group);
          g_ptr_array_add (keys, key);
        }
      else
        g_free (key);
      g_array_append_val (group, i);
    }
  for (guint k = 0; k < keys->len && n_layers > 1; k++)
    {
      GArray *group = g_hash_table_lookup (exact, g_ptr_array_index (keys, k));

      for (;;)
        {
          g_autoptr(GlossReviewItem) item = item_new (n_layers);
          g_autofree guint *pick = g_new0 (guint, n_layers);
          guint found = 0;

          for (guint l = 0; l < n_layers; l++)
            for (guint j = 0; j < group->len; j++)
              {
                guint index = g_array_index (group, guint, j);

                if (e[index].layer == l && !e[index].used)
                  {
                    pick[l] = index;
                    found++;
                    break;
                  }
              }
          if (found < n_layers)
            break;
          for (guint l = 0; l < n_layers; l++)
            {
              e[pick[l]].used = TRUE;
              item_add (item, l, e[pick[l]].annotation);
            }
          item->kind = GLOSS_REVIEW_KIND_UNANIMOUS;
          g_ptr_array_add (items, g_steal_pointer (&item));
        }
    }

  /* The rest: connected groups of related annotations, found in one sweep
   * by start; only annotations still open can relate to the next one. */
  for (guint i = 0; i < entries->len; i++)
    if (!e[i].used)
      g_array_append_val (pool, i);
  g_array_sort_with_data (pool, compare_entry_positions, e);

  for (guint p = 0; p < pool->len; p++)
    {
      guint index = g_array_index (pool, guint, p);
      guint kept = 0;

      for (guint a = 0; a < active->len; a++)
        {
          guint other = g_array_index (active, guint, a);

          /* Ended before this one starts: can relate to nothing further on. */
          if (e[other].end < e[index].start ||
              (e[other].end == e[index].start && e[other].start < e[other].end))
            continue;
          if (related (&e[index], &e[other]))
            unite (e, index, other);
          g_array_index (active, guint, kept++) = other;
        }
      g_array_set_size (active, kept);
      g_array_append_val (active, index);
    }

  for (guint p = 0; p < pool->len; p++)
    {
      guint index = g_array_index (pool, guint, p);
      guint root = find_root (e, index);
      GlossReviewItem *item = g_hash_table_lookup (groups, GUINT_TO_POINTER (root + 1));

      if (item == NULL)
        {
          item = item_new (n_layers);
          item->kind = GLOSS_REVIEW_KIND_SOME_LAYERS;   /* classified below */
          g_hash_table_insert (groups, GUINT_TO_POINTER (root + 1), item);
          g_ptr_array_add (items, item);
        }
      item_add (item, e[index].layer, e[index].annotation);
    }

  for (guint i = 0; i < items->len; i++)
    {
      GlossReviewItem *item = g_ptr_array_index (items, i);

      if (item->kind != GLOSS_REVIEW_KIND_UNANIMOUS)
        item->kind = classify (self, item);
      for (guint l = 0; l < n_layers; l++)
        g_ptr_array_sort (item->layers[l], compare_annotations);
    }
  g_ptr_array_sort (items, compare_items);

  replace_all (self->items, items);
  {
    g_autoptr(GPtrArray) disagreements = g_ptr_array_new ();
    GPtrArray *of_kind[GLOSS_REVIEW_N_KINDS];

    for (guint k = 0; k < GLOSS_REVIEW_N_KINDS; k++)
      of_kind[k] = g_ptr_array_new ();
    for (guint i = 0; i < items->len; i++)
      {
        GlossReviewItem *item = g_ptr_array_index (items, i);

        if (item->kind != GLOSS_REVIEW_KIND_UNANIMOUS)
          g_ptr_array_add (disagreements, item);
        g_ptr_array_add (of_kind[item->kind], item);
      }
    /* Decisions already in the adjudicated layer carry over to the new items. */
    if (self->sync_decisions != NULL)
      self->sync_decisions (self);
    replace_all (self->disagreements, disagreements);
    for (guint k = 0; k < GLOSS_REVIEW_N_KINDS; k++)
      {
        replace_all (self->kinds[k], of_kind[k]);
        g_ptr_array_unref (of_kind[k]);
      }
  }
}

/**
 * gloss_review_get_items:
 * @self: a #GlossReview
 *
 * Returns: (transfer none): every item, unanimous ones included, by position
 */
GListModel *
gloss_review_get_items (GlossReview *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * gloss_review_get_disagreements:
 * @self: a #GlossReview
 *
 * Returns: (transfer none): the items that are not unanimous, by position
 */
GListModel *
gloss_review_get_disagreements (GlossReview *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW (self), NULL);
  return G_LIST_MODEL (self->disagreements);
}

/**
 * gloss_review_get_kind_items:
 * @self: a #GlossReview
 * @kind: a kind
 *
 * Returns: (transfer none): the items of @kind, by position (one group of
 *   the grouped list)
 */
GListModel *
gloss_review_get_kind_items (GlossReview     *self,
                             GlossReviewKind  kind)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW (self), NULL);
  g_return_val_if_fail (kind < GLOSS_REVIEW_N_KINDS, NULL);
  return G_LIST_MODEL (self->kinds[kind]);
}

/**
 * gloss_review_find_next:
 * @self: a #GlossReview
 * @offset: a code-point offset, e.g. the cursor's
 * @position: (out): the position in gloss_review_get_disagreements()
 *
 * Returns: whether a disagreement starts after @offset
 */
gboolean
gloss_review_find_next (GlossReview *self,
                        guint        offset,
                        guint       *position)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_REVIEW (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->disagreements));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->disagreements), i);

      if (item->start > offset)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * gloss_review_find_previous:
 * @self: a #GlossReview
 * @offset: a code-point offset
 * @position: (out): the position in gloss_review_get_disagreements()
 *
 * Returns: whether a disagreement starts before @offset
 */
gboolean
gloss_review_find_previous (GlossReview *self,
                            guint        offset,
                            guint       *position)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_REVIEW (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->disagreements));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->disagreements), i - 1);

      if (item->start < offset)
        {
          if (position != NULL)
            *position = i - 1;
          return TRUE;
        }
    }

  return FALSE;
}

void
_gloss_review_notify_adjudication (GlossReview *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADJUDICATION]);
}
