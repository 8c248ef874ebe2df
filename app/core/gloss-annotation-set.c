/* gloss-annotation-set.c: one annotator's annotations of one article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"

/*
 * The annotations are kept in one array sorted by (start, end, id), which is
 * both the GListModel order and the sidecar order.  Overlap queries use an
 * implicit interval tree over that array (each node's subtree maximum of
 * "end"), rebuilt lazily in O(n) after a change, so a query costs
 * O(log n + hits) however many annotations there are.
 *
 * Every edit made through this object is recorded for undo.  An undo step is
 * a group of changes; adds and removes keep the very same GlossAnnotation
 * object so that views holding it stay valid across undo and redo.
 */

typedef enum { CHANGE_ADD, CHANGE_REMOVE, CHANGE_UPDATE, CHANGE_OTHER } ChangeKind;

typedef struct
{
  ChangeKind       kind;
  GlossAnnotation *target;
  GlossAnnotation *before;   /* CHANGE_UPDATE only */
  GlossAnnotation *after;    /* CHANGE_UPDATE only */
  GlossAnnotationSetApplyFunc apply;   /* CHANGE_OTHER only */
  gpointer         data;
  GDestroyNotify   destroy;
} Change;

typedef struct
{
  char      *label;
  char      *merge_key;
  GPtrArray *changes;
} Group;

/* The span a change touched, for the observers of "changed". */
typedef struct
{
  guint    start;
  guint    end;
  gboolean any;
  gboolean other;   /* a step of record_other(): anything */
} Touched;

struct _GlossAnnotationSet
{
  GObject        parent_instance;

  GlossDocument *document;
  GPtrArray     *items;      /* GlossAnnotation, sorted */
  GHashTable    *by_id;      /* id -> GlossAnnotation (borrowed from items) */
  GHashTable    *tag_counts; /* tag id (owned) -> number of annotations */

  guint         *max_end;    /* implicit interval tree, items->len entries */
  guint          tree_alloc;
  gboolean       tree_dirty;

  GPtrArray     *undo;       /* Group */
  GPtrArray     *redo;       /* Group */
  Group         *open_group;
  guint          group_depth;
  int            saved_depth; /* undo->len at last save, -1 when unreachable */
  guint64        serial;      /* bumped by every change, for "is this what I saved?" */

  Touched        touched;     /* by the change being made */
  Touched        reported;    /* by the change "changed" is emitted for */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossAnnotationSet, gloss_annotation_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_N_ITEMS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  ANNOTATION_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
change_free (Change *change)
{
  g_clear_object (&change->target);
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  if (change->destroy != NULL)
    change->destroy (change->data);
  g_free (change);
}

static void
group_free (Group *group)
{
  g_free (group->label);
  g_free (group->merge_key);
  g_ptr_array_unref (group->changes);
  g_free (group);
}

static Group *
group_new (const char *label)
{
  Group *group = g_new0 (Group, 1);

  group->label = g_strdup (label);
  group->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);

  return group;
}

/* GListModel */

static GType
list_model_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_ANNOTATION;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return GLOSS_ANNOTATION_SET (model)->items->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  GlossAnnotationSet *self = GLOSS_ANNOTATION_SET (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

/* GObject */

static void
gloss_annotation_set_dispose (GObject *object)
{
  GlossAnnotationSet *self = (GlossAnnotationSet *)object;

  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_annotation_set_parent_class)->dispose (object);
}

static void
gloss_annotation_set_finalize (GObject *object)
{
  GlossAnnotationSet *self = (GlossAnnotationSet *)object;

  g_clear_pointer (&self->open_group, group_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->tag_counts, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->max_end, g_free);

  G_OBJECT_CLASS (gloss_annotation_set_parent_class)->finalize (object);
}

static void
gloss_annotation_set_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossAnnotationSet *self = GLOSS_ANNOTATION_SET (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->items->len); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, gloss_annotation_set_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, gloss_annotation_set_can_redo (self)); break;
    case PROP_MODIFIED: g_value_set_boolean (value, gloss_annotation_set_get_modified (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_set_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossAnnotationSet *self = GLOSS_ANNOTATION_SET (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: gloss_annotation_set_set_document (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_set_class_init (GlossAnnotationSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = gloss_annotation_set_dispose;
  object_class->finalize = gloss_annotation_set_finalize;
  object_class->get_property = gloss_annotation_set_get_property;
  object_class->set_property = gloss_annotation_set_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossAnnotationSet::annotation-changed:
   * @annotation: the annotation whose content changed without moving in the list
   */
  signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

  /**
   * GlossAnnotationSet::changed:
   *
   * Emitted once after every edit, undo or redo (not after loading).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_annotation_set_init (GlossAnnotationSet *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->tag_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  self->tree_dirty = TRUE;
}

GlossAnnotationSet *
gloss_annotation_set_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_SET, NULL);
}

/**
 * gloss_annotation_set_get_document:
 * @self: a #GlossAnnotationSet
 *
 * Returns: (transfer none) (nullable): the document the offsets refer to
 */
GlossDocument *
gloss_annotation_set_get_document (GlossAnnotationSet *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), NULL);
  return self->document;
}

void
gloss_annotation_set_set_document (GlossAnnotationSet *self,
                                   GlossDocument      *document)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));
  g_return_if_fail (!document || GLOSS_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

guint
gloss_annotation_set_get_size (GlossAnnotationSet *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), 0);
  return self->items->len;
}

/**
 * gloss_annotation_set_get_nth:
 * @self: a #GlossAnnotationSet
 * @position: index in sorted order
 *
 * Returns: (transfer none) (nullable): the annotation at @position
 */
GlossAnnotation *
gloss_annotation_set_get_nth (GlossAnnotationSet *self,
                              guint               position)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), NULL);

  if (position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

/**
 * gloss_annotation_set_lookup:
 * @self: a #GlossAnnotationSet
 * @id: an annotation id
 *
 * Returns: (transfer none) (nullable): the annotation with @id
 */
GlossAnnotation *
gloss_annotation_set_lookup (GlossAnnotationSet *self,
                             const char         *id)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

/* Index where @annotation is, or would be inserted. */
static guint
bisect (GlossAnnotationSet *self,
        GlossAnnotation    *annotation)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_annotation_compare (g_ptr_array_index (self->items, mid), annotation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gboolean
gloss_annotation_set_find_position (GlossAnnotationSet *self,
                                    GlossAnnotation    *annotation,
                                    guint              *position)
{
  guint pos;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  pos = bisect (self, annotation);
  if (pos < self->items->len && g_ptr_array_index (self->items, pos) == (gpointer)annotation)
    {
      if (position)
        *position = pos;
      return TRUE;
    }

  return FALSE;
}

/* Interval tree */

static guint
tree_build (GlossAnnotationSet *self,
            guint               x,
            guint               level)
{
  guint n = self->items->len;
  guint best = 0;

  if (level == 0)
    {
      if (x >= n)
        return 0;
      self->max_end[x] = gloss_annotation_get_end (g_ptr_array_index (self->items, x));
      return self->max_end[x];
    }

  best = tree_build (self, x - (1u << (level - 1)), level - 1);
  if (x < n)
    {
      guint right = tree_build (self, x + (1u << (level - 1)), level - 1);
      guint own = gloss_annotation_get_end (g_ptr_array_index (self->items, x));

      best = MAX (best, MAX (right, own));
      self->max_end[x] = best;
    }

  return best;
}

static guint
tree_levels (guint n)
{
  guint levels = 0;

  while (((1u << levels) - 1) < n)
    levels++;

  return levels;
}

static void
tree_ensure (GlossAnnotationSet *self)
{
  guint n = self->items->len;
  guint levels;

  if (!self->tree_dirty)
    return;

  if (self->tree_alloc < n)
    {
      self->tree_alloc = MAX (n, self->tree_alloc * 2);
      self->max_end = g_renew (guint, self->max_end, self->tree_alloc);
    }

  levels = tree_levels (n);
  if (levels > 0)
    tree_build (self, (1u << (levels - 1)) - 1, levels - 1);

  self->tree_dirty = FALSE;
}

static void
tree_query (GlossAnnotationSet *self,
            guint               x,
            guint               level,
            guint               start,
            guint               end,
            GPtrArray          *hits)
{
  guint n = self->items->len;
  GlossAnnotation *annotation;

  if (x < n && self->max_end[x] <= start)
    return;

  if (level == 0)
    {
      if (x < n)
        {
          annotation = g_ptr_array_index (self->items, x);
          if (gloss_annotation_get_start (annotation) < end)
            g_ptr_array_add (hits, g_object_ref (annotation));
        }
      return;
    }

  tree_query (self, x - (1u << (level - 1)), level - 1, start, end, hits);

  if (x >= n)
    return;

  annotation = g_ptr_array_index (self->items, x);
  if (gloss_annotation_get_start (annotation) >= end)
    return;
  if (gloss_annotation_get_end (annotation) > start)
    g_ptr_array_add (hits, g_object_ref (annotation));

  tree_query (self, x + (1u << (level - 1)), level - 1, start, end, hits);
}

/**
 * gloss_annotation_set_query:
 * @self: a #GlossAnnotationSet
 * @start: first code point of the range
 * @end: code point after the range; when equal to @start, the range is the
 *   single position @start
 *
 * Returns: (transfer full) (element-type GlossAnnotation): the annotations
 *   overlapping the range, in list order
 */
GPtrArray *
gloss_annotation_set_query (GlossAnnotationSet *self,
                            guint               start,
                            guint               end)
{
  GPtrArray *hits;
  guint levels;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), NULL);

  hits = g_ptr_array_new_with_free_func (g_object_unref);
  if (end <= start)
    end = start + 1;

  tree_ensure (self);
  levels = tree_levels (self->items->len);
  if (levels > 0)
    tree_query (self, (1u << (levels - 1)) - 1, levels - 1, start, end, hits);

  return hits;
}

/* Raw list operations: keep list, index and tree in step, emit items-changed. */

static void
count_tag (GlossAnnotationSet *self,
           const char         *tag,
           int                 delta)
{
  guint n;

  if (tag == NULL)
    return;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_counts, tag)) + delta;
  if (n == 0)
    g_hash_table_remove (self->tag_counts, tag);
  else
    g_hash_table_replace (self->tag_counts, g_strdup (tag), GUINT_TO_POINTER (n));
}

static void
touch (GlossAnnotationSet *self,
       GlossAnnotation    *annotation)
{
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);

  self->touched.start = self->touched.any ? MIN (self->touched.start, start) : start;
  self->touched.end = self->touched.any ? MAX (self->touched.end, end) : end;
  self->touched.any = TRUE;
}

static void
insert_item (GlossAnnotationSet *self,
             GlossAnnotation    *annotation)
{
  guint pos = bisect (self, annotation);

  touch (self, annotation);
  count_tag (self, gloss_annotation_get_tag (annotation), 1);
  g_ptr_array_insert (self->items, pos, g_object_ref (annotation));
  g_hash_table_insert (self->by_id, (gpointer)gloss_annotation_get_id (annotation), annotation);
  self->tree_dirty = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
}

static void
remove_item (GlossAnnotationSet *self,
             GlossAnnotation    *annotation)
{
  guint pos;

  if (!gloss_annotation_set_find_position (self, annotation, &pos))
    g_return_if_reached ();

  touch (self, annotation);
  count_tag (self, gloss_annotation_get_tag (annotation), -1);
  g_hash_table_remove (self->by_id, gloss_annotation_get_id (annotation));
  g_ptr_array_remove_index (self->items, pos);
  self->tree_dirty = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
}

/* Apply @state to @target, moving it in the list when its position changes. */
static void
update_item (GlossAnnotationSet *self,
             GlossAnnotation    *target,
             GlossAnnotation    *state)
{
  guint old_pos, new_pos;
  gboolean moves;

  if (!gloss_annotation_set_find_position (self, target, &old_pos))
    g_return_if_reached ();

  /* Where it was and where it goes: a change of tag or attributes alone
   * touches its own span. */
  touch (self, target);
  touch (self, state);
  if (g_strcmp0 (gloss_annotation_get_tag (target), gloss_annotation_get_tag (state)) != 0)
    {
      count_tag (self, gloss_annotation_get_tag (target), -1);
      count_tag (self, gloss_annotation_get_tag (state), 1);
    }
  moves = gloss_annotation_get_start (target) != gloss_annotation_get_start (state) ||
          gloss_annotation_get_end (target) != gloss_annotation_get_end (state);

  if (!moves)
    {
      gloss_annotation_assign (target, state);
      g_signal_emit (self, signals[ANNOTATION_CHANGED], 0, target);
      return;
    }

  g_object_ref (target);
  g_ptr_array_remove_index (self->items, old_pos);
  gloss_annotation_assign (target, state);
  new_pos = bisect (self, target);
  g_ptr_array_insert (self->items, new_pos, target);
  self->tree_dirty = TRUE;

  if (new_pos == old_pos)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 1);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
  g_signal_emit (self, signals[ANNOTATION_CHANGED], 0, target);
}

static void
apply_change (GlossAnnotationSet *self,
              Change             *change,
              gboolean            forward)
{
  switch (change->kind)
    {
    case CHANGE_ADD:
      if (forward)
        insert_item (self, change->target);
      else
        remove_item (self, change->target);
      break;

    case CHANGE_REMOVE:
      if (forward)
        remove_item (self, change->target);
      else
        insert_item (self, change->target);
      break;

    case CHANGE_UPDATE:
      update_item (self, change->target, forward ? change->after : change->before);
      break;

    case CHANGE_OTHER:
      change->apply (change->data, !forward);
      self->touched.other = TRUE;
      break;

    default:
      g_assert_not_reached ();
    }
}

/* History */

static void
notify_state (GlossAnnotationSet *self,
              gboolean            was_undo,
              gboolean            was_redo,
              gboolean            was_modified,
              guint               was_n_items)
{
  if (was_undo != gloss_annotation_set_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (was_redo != gloss_annotation_set_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != gloss_annotation_set_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (was_n_items != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

#define SAVE_STATE(self)                                            \
  gboolean was_undo = gloss_annotation_set_can_undo (self);         \
  gboolean was_redo = gloss_annotation_set_can_redo (self);         \
  gboolean was_modified = gloss_annotation_set_get_modified (self); \
  guint was_n_items = (self)->items->len

#define NOTIFY_STATE(self) \
  notify_state (self, was_undo, was_redo, was_modified, was_n_items)

/* Record @change (already applied) in the open group, or in a group of its own. */
static void
record (GlossAnnotationSet *self,
        Change             *change,
        const char         *label,
        const char         *merge_key)
{
  Group *top;

  g_ptr_array_set_size (self->redo, 0);
  if (self->saved_depth > (int)self->undo->len)
    self->saved_depth = -1;

  if (self->open_group != NULL)
    {
      g_ptr_array_add (self->open_group->changes, change);
      return;
    }

  /* Typing in a note is one undo step, not one per key. */
  top = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  if (merge_key != NULL && top != NULL &&
      g_strcmp0 (top->merge_key, merge_key) == 0 &&
      top->changes->len == 1 && change->kind == CHANGE_UPDATE)
    {
      Change *previous = g_ptr_array_index (top->changes, 0);

      g_set_object (&previous->after, change->after);
      change_free (change);
      if (self->saved_depth == (int)self->undo->len)
        self->saved_depth = -1;
      return;
    }

  top = group_new (label);
  top->merge_key = g_strdup (merge_key);
  g_ptr_array_add (top->changes, change);
  g_ptr_array_add (self->undo, top);
}

static void
emit_changed (GlossAnnotationSet *self)
{
  self->serial++;
  if (self->open_group == NULL)
    {
      /* A handler may edit the set again: its own emission reports its
       * own change, and the rest of this one's handlers still see this. */
      Touched outer = self->reported;

      self->reported = self->touched;
      self->touched = (Touched) { 0 };
      g_signal_emit (self, signals[CHANGED], 0);
      self->reported = outer;
    }
}

/**
 * gloss_annotation_set_record_other:
 * @self: a #GlossAnnotationSet
 * @label: the undo step's label, when not inside a group
 * @apply: takes the change back (@undo %TRUE) or makes it again
 * @data: for @apply
 * @destroy: (nullable): frees @data when the step is forgotten
 *
 * Puts a change made outside the annotations, already made by the caller
 * (a record kept in the sidecar, say), into the same history, so that one
 * undo takes back both it and the annotation changes of its group.  It
 * counts as a change: the set is modified until saved.
 */
void
gloss_annotation_set_record_other (GlossAnnotationSet          *self,
                                   const char                  *label,
                                   GlossAnnotationSetApplyFunc  apply,
                                   gpointer                     data,
                                   GDestroyNotify               destroy)
{
  Change *change;

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));
  g_return_if_fail (apply != NULL);

  {
    SAVE_STATE (self);

    change = g_new0 (Change, 1);
    change->kind = CHANGE_OTHER;
    change->apply = apply;
    change->data = data;
    change->destroy = destroy;
    self->touched.other = TRUE;
    record (self, change, label, NULL);
    emit_changed (self);
    NOTIFY_STATE (self);
  }
}

void
gloss_annotation_set_begin_group (GlossAnnotationSet *self,
                                  const char         *label)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));

  if (self->group_depth++ == 0)
    self->open_group = group_new (label);
}

void
gloss_annotation_set_end_group (GlossAnnotationSet *self)
{
  Group *group;

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->open_group);
  if (group->changes->len == 0)
    {
      group_free (group);
      self->touched = (Touched) { 0 };
      return;
    }

  {
    SAVE_STATE (self);

    g_ptr_array_add (self->undo, group);
    NOTIFY_STATE (self);
  }
  emit_changed (self);
}

static void
fill_context (GlossAnnotationSet *self,
              GlossAnnotation    *annotation)
{
  guint start = gloss_annotation_get_start (annotation);
  guint end = gloss_annotation_get_end (annotation);
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  if (self->document == NULL)
    return;

  text = gloss_document_get_slice (self->document, start, end);
  prefix = gloss_document_get_slice (self->document,
                                     start > GLOSS_ANNOTATION_CONTEXT_LENGTH ? start - GLOSS_ANNOTATION_CONTEXT_LENGTH : 0,
                                     start);
  suffix = gloss_document_get_slice (self->document, end, end + GLOSS_ANNOTATION_CONTEXT_LENGTH);

  gloss_annotation_set_text (annotation, text);
  gloss_annotation_set_prefix (annotation, prefix);
  gloss_annotation_set_suffix (annotation, suffix);
}

/**
 * gloss_annotation_set_create:
 * @self: a #GlossAnnotationSet
 * @tag: a tag id
 * @start: first code point
 * @end: code point after the last
 *
 * Creates an annotation with a new id, its text and context taken from the
 * document, and adds it (undoable).
 *
 * Returns: (transfer none): the new annotation
 */
GlossAnnotation *
gloss_annotation_set_create (GlossAnnotationSet *self,
                             const char         *tag,
                             guint               start,
                             guint               end)
{
  g_autoptr(GlossAnnotation) annotation = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  annotation = gloss_annotation_new (NULL, tag, start, end);
  fill_context (self, annotation);
  gloss_annotation_set_add (self, annotation);

  return annotation;
}

/**
 * gloss_annotation_set_add:
 * @self: a #GlossAnnotationSet
 * @annotation: an annotation whose id is not in the set yet
 */
void
gloss_annotation_set_add (GlossAnnotationSet *self,
                          GlossAnnotation    *annotation)
{
  Change *change;
  SAVE_STATE (self);

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (gloss_annotation_set_lookup (self, gloss_annotation_get_id (annotation)) == NULL);

  gloss_annotation_touch (annotation);
  insert_item (self, annotation);

  change = g_new0 (Change, 1);
  change->kind = CHANGE_ADD;
  change->target = g_object_ref (annotation);
  record (self, change, _("Add annotation"), NULL);

  NOTIFY_STATE (self);
  emit_changed (self);
}

void
gloss_annotation_set_remove (GlossAnnotationSet *self,
                             GlossAnnotation    *annotation)
{
  Change *change;
  SAVE_STATE (self);

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));
  g_return_if_fail (gloss_annotation_set_find_position (self, annotation, NULL));

  change = g_new0 (Change, 1);
  change->kind = CHANGE_REMOVE;
  change->target = g_object_ref (annotation);
  remove_item (self, annotation);
  record (self, change, _("Remove annotation"), NULL);

  NOTIFY_STATE (self);
  emit_changed (self);
}

/* Common path of every update: snapshot, mutate the copy, apply, record. */
static void
update (GlossAnnotationSet *self,
        GlossAnnotation    *annotation,
        GlossAnnotation    *after,
        const char         *label,
        const char         *merge_key)
{
  Change *change;
  SAVE_STATE (self);

  gloss_annotation_touch (after);

  change = g_new0 (Change, 1);
  change->kind = CHANGE_UPDATE;
  change->target = g_object_ref (annotation);
  change->before = gloss_annotation_copy (annotation);
  change->after = g_object_ref (after);

  update_item (self, annotation, after);
  record (self, change, label, merge_key);

  NOTIFY_STATE (self);
  emit_changed (self);
}

void
gloss_annotation_set_retag (GlossAnnotationSet *self,
                            GlossAnnotation    *annotation,
                            const char         *tag)
{
  g_autoptr(GlossAnnotation) after = NULL;

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));
  g_return_if_fail (gloss_annotation_set_find_position (self, annotation, NULL));
  g_return_if_fail (tag != NULL);

  if (g_strcmp0 (gloss_annotation_get_tag (annotation), tag) == 0)
    return;

  after = gloss_annotation_copy (annotation);
  gloss_annotation_set_tag (after, tag);
  update (self, annotation, after, _("Change tag"), NULL);
}

void
gloss_annotation_set_move (GlossAnnotationSet *self,
                           GlossAnnotation    *annotation,
                           guint               start,
                           guint               end)
{
  g_autoptr(GlossAnnotation) after = NULL;

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));
  g_return_if_fail (gloss_annotation_set_find_position (self, annotation, NULL));
  g_return_if_fail (start <= end);

  if (gloss_annotation_get_start (annotation) == start &&
      gloss_annotation_get_end (annotation) == end &&
      gloss_annotation_get_anchor_status (annotation) == GLOSS_ANCHOR_EXACT)
    return;

  after = gloss_annotation_copy (annotation);
  gloss_annotation_set_range (after, start, end);
  fill_context (self, after);
  /* Placing it by hand is the user's answer to a moved or orphaned anchor. */
  gloss_annotation_set_anchor_status (after, GLOSS_ANCHOR_EXACT);
  update (self, annotation, after, _("Resize annotation"), NULL);
}

void
gloss_annotation_set_set_note (GlossAnnotationSet *self,
                               GlossAnnotation    *annotation,
                               const char         *note)
{
  g_autoptr(GlossAnnotation) after = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));
  g_return_if_fail (gloss_annotation_set_find_position (self, annotation, NULL));

  if (g_strcmp0 (gloss_annotation_get_note (annotation), note ? note : "") == 0)
    return;

  after = gloss_annotation_copy (annotation);
  gloss_annotation_set_note (after, note);
  key = g_strconcat ("note:", gloss_annotation_get_id (annotation), NULL);
  update (self, annotation, after, _("Edit note"), key);
}

void
gloss_annotation_set_set_attribute (GlossAnnotationSet *self,
                                    GlossAnnotation    *annotation,
                                    const char         *name,
                                    const char         *value)
{
  g_autoptr(GlossAnnotation) after = NULL;
  g_autofree char *key = NULL;
  const char *current;

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));
  g_return_if_fail (gloss_annotation_set_find_position (self, annotation, NULL));
  g_return_if_fail (name != NULL);

  current = gloss_annotation_get_attribute (annotation, name);
  if (g_strcmp0 (current, (value && *value) ? value : NULL) == 0 &&
      (current != NULL || !json_object_has_member (gloss_annotation_get_attributes (annotation), name)))
    return;

  after = gloss_annotation_copy (annotation);
  gloss_annotation_set_attribute (after, name, value);
  key = g_strconcat ("attribute:", gloss_annotation_get_id (annotation), ":", name, NULL);
  update (self, annotation, after, _("Edit attribute"), key);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return gloss_annotation_compare (*(GlossAnnotation **)a, *(GlossAnnotation **)b);
}

/**
 * gloss_annotation_set_load:
 * @self: a #GlossAnnotationSet
 * @annotations: (element-type GlossAnnotation): annotations to put in place
 *   of the current ones
 *
 * Replaces the content without undo history, as loading a file does.
 */
void
gloss_annotation_set_load (GlossAnnotationSet *self,
                           GPtrArray          *annotations)
{
  guint removed;
  SAVE_STATE (self);

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));

  removed = self->items->len;
  g_hash_table_remove_all (self->by_id);
  g_hash_table_remove_all (self->tag_counts);
  g_ptr_array_set_size (self->items, 0);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);

      g_ptr_array_add (self->items, g_object_ref (annotation));
      g_hash_table_insert (self->by_id, (gpointer)gloss_annotation_get_id (annotation), annotation);
      count_tag (self, gloss_annotation_get_tag (annotation), 1);
    }
  g_ptr_array_sort (self->items, compare_items);
  self->tree_dirty = TRUE;
  /* Not a change: "changed" is not emitted for it. */
  self->touched = (Touched) { 0 };

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_depth = 0;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  NOTIFY_STATE (self);
}

gboolean
gloss_annotation_set_can_undo (GlossAnnotationSet *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), FALSE);
  return self->undo->len > 0;
}

gboolean
gloss_annotation_set_can_redo (GlossAnnotationSet *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), FALSE);
  return self->redo->len > 0;
}

/**
 * gloss_annotation_set_get_undo_label:
 * @self: a #GlossAnnotationSet
 *
 * Returns: (nullable): a translated description of what undo would revert
 */
const char *
gloss_annotation_set_get_undo_label (GlossAnnotationSet *self)
{
  Group *top;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), NULL);

  if (self->undo->len == 0)
    return NULL;

  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  return top->label;
}

gboolean
gloss_annotation_set_undo (GlossAnnotationSet *self)
{
  Group *group;
  SAVE_STATE (self);

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), FALSE);
  g_return_val_if_fail (self->open_group == NULL, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  group = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = group->changes->len; i > 0; i--)
    apply_change (self, g_ptr_array_index (group->changes, i - 1), FALSE);
  /* A later edit must not merge into a step that was undone and redone. */
  g_clear_pointer (&group->merge_key, g_free);
  g_ptr_array_add (self->redo, group);

  NOTIFY_STATE (self);
  emit_changed (self);
  return TRUE;
}

gboolean
gloss_annotation_set_redo (GlossAnnotationSet *self)
{
  Group *group;
  SAVE_STATE (self);

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), FALSE);
  g_return_val_if_fail (self->open_group == NULL, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  group = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < group->changes->len; i++)
    apply_change (self, g_ptr_array_index (group->changes, i), TRUE);
  g_ptr_array_add (self->undo, group);

  NOTIFY_STATE (self);
  emit_changed (self);
  return TRUE;
}

void
gloss_annotation_set_clear_history (GlossAnnotationSet *self)
{
  SAVE_STATE (self);

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));

  if (self->saved_depth != (int)self->undo->len)
    self->saved_depth = -1;
  else
    self->saved_depth = 0;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);

  NOTIFY_STATE (self);
}

gboolean
gloss_annotation_set_get_modified (GlossAnnotationSet *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), FALSE);
  return self->saved_depth != (int)self->undo->len;
}

/**
 * gloss_annotation_set_count_tag:
 * @self: a #GlossAnnotationSet
 * @tag: a tag id
 *
 * Kept up to date by every change, so that the sidebar's counts cost
 * nothing per edit however long the article.
 *
 * Returns: how many annotations of @tag the set holds
 */
guint
gloss_annotation_set_count_tag (GlossAnnotationSet *self,
                                const char         *tag)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), 0);
  g_return_val_if_fail (tag != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->tag_counts, tag));
}

/**
 * gloss_annotation_set_get_changed_range:
 * @self: a #GlossAnnotationSet
 * @start: (out): where the touched span starts
 * @end: (out): where it ends
 *
 * For a handler of #GlossAnnotationSet::changed: the smallest span that
 * covers every annotation the change added, removed or altered, where it
 * was and where it is now (0, 0 when it touched none), so that an observer
 * need only look again at what lies inside it.
 *
 * Returns: %FALSE when the change also undid or made a step recorded with
 *   gloss_annotation_set_record_other(): anything may have changed
 */
gboolean
gloss_annotation_set_get_changed_range (GlossAnnotationSet *self,
                                        guint              *start,
                                        guint              *end)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  *start = self->reported.any ? self->reported.start : 0;
  *end = self->reported.any ? self->reported.end : 0;
  return !self->reported.other;
}

guint64
gloss_annotation_set_get_serial (GlossAnnotationSet *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (self), 0);
  return self->serial;
}

void
gloss_annotation_set_mark_saved (GlossAnnotationSet *self)
{
  SAVE_STATE (self);

  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (self));

  self->saved_depth = self->undo->len;
  /* A note typed after saving is a new undo step, not part of the saved one. */
  if (self->undo->len > 0)
    g_clear_pointer (&((Group *)g_ptr_array_index (self->undo, self->undo->len - 1))->merge_key, g_free);

  NOTIFY_STATE (self);
}
