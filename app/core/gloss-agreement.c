/* gloss-agreement.c: inter-annotator agreement on code-point units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-sidecar.h"

G_DEFINE_QUARK (gloss-agreement-error-quark, gloss_agreement_error)

typedef struct
{
  guint start;
  guint end;
  guint tag;
} Span;

typedef struct
{
  char               *annotator;
  GlossAnnotationSet *annotations;
  GlossCodebook      *codebook;
  GArray             *missing;     /* Span, tag unused */
  guint               orphaned;
  GArray             *spans;       /* Span, sorted by tag, start, end */
  GArray             *unions;      /* Span, merged per tag, same order */
  guint              *span_first;  /* per tag: index into spans; n_tags + 1 entries */
  guint              *union_first; /* per tag: index into unions */
} Layer;

typedef struct
{
  double              alpha;
  double              fleiss_kappa;
  GlossPairAgreement *pairs;
} Result;

struct _GlossAgreement
{
  GObject     parent_instance;

  guint       length;
  GPtrArray  *layers;
  GHashTable *tag_map;     /* from → to */
  GHashTable *excluded;    /* "layer:tag" of gloss_agreement_exclude_tag() */

  GPtrArray  *tags;        /* char *, NULL-terminated once computed */
  GHashTable *tag_index;   /* tag → index + 1 */
  Result     *results;     /* n_tags + 1; the last is overall */
  guint       n_pairs;
  gboolean    computed;
};

G_DEFINE_FINAL_TYPE (GlossAgreement, gloss_agreement, G_TYPE_OBJECT)

static void
layer_free (Layer *layer)
{
  g_free (layer->annotator);
  g_clear_object (&layer->annotations);
  g_clear_object (&layer->codebook);
  g_clear_pointer (&layer->missing, g_array_unref);
  g_clear_pointer (&layer->spans, g_array_unref);
  g_clear_pointer (&layer->unions, g_array_unref);
  g_free (layer->span_first);
  g_free (layer->union_first);
  g_free (layer);
}

static void
clear_results (GlossAgreement *self)
{
  if (self->results != NULL)
    {
      /* One result per tag, and the overall one after them. */
      for (guint t = 0; t <= self->tags->len; t++)
        g_free (self->results[t].pairs);
      g_clear_pointer (&self->results, g_free);
    }
  g_ptr_array_set_size (self->tags, 0);
  g_hash_table_remove_all (self->tag_index);
  self->computed = FALSE;
}

static void
gloss_agreement_finalize (GObject *object)
{
  GlossAgreement *self = (GlossAgreement *)object;

  clear_results (self);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->tag_map, g_hash_table_unref);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->tag_index, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_agreement_parent_class)->finalize (object);
}

static void
gloss_agreement_class_init (GlossAgreementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_agreement_finalize;
}

static void
gloss_agreement_init (GlossAgreement *self)
{
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify)layer_free);
  self->tag_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->tag_index = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * gloss_agreement_new:
 * @length: the article's length in code points (the number of units)
 *
 * Returns: (transfer full): an empty comparison
 */
GlossAgreement *
gloss_agreement_new (guint length)
{
  GlossAgreement *self = g_object_new (GLOSS_TYPE_AGREEMENT, NULL);

  self->length = length;
  return self;
}

guint
gloss_agreement_get_length (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);
  return self->length;
}

/**
 * gloss_agreement_add_layer:
 * @self: a #GlossAgreement
 * @annotator: the annotator's id, as printed
 * @annotations: the layer's annotations (anchored to the compared text)
 * @codebook: (nullable): the layer's codebook, for the order of tags
 *
 * Returns: the layer's index
 */
guint
gloss_agreement_add_layer (GlossAgreement     *self,
                           const char         *annotator,
                           GlossAnnotationSet *annotations,
                           GlossCodebook      *codebook)
{
  Layer *layer;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);
  g_return_val_if_fail (annotator != NULL, 0);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_SET (annotations), 0);

  layer = g_new0 (Layer, 1);
  layer->annotator = g_strdup (annotator);
  layer->annotations = g_object_ref (annotations);
  layer->codebook = codebook ? g_object_ref (codebook) : NULL;
  layer->missing = g_array_new (FALSE, FALSE, sizeof (Span));
  g_ptr_array_add (self->layers, layer);
  clear_results (self);

  return self->layers->len - 1;
}

/**
 * gloss_agreement_add_sidecar:
 * @self: a #GlossAgreement
 * @sidecar: a sidecar, its annotations anchored to the compared text
 *
 * Returns: the layer's index
 */
guint
gloss_agreement_add_sidecar (GlossAgreement *self,
                             GlossSidecar   *sidecar)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), 0);

  return gloss_agreement_add_layer (self,
                                    gloss_sidecar_get_annotator_id (sidecar),
                                    gloss_sidecar_get_annotations (sidecar),
                                    gloss_sidecar_get_codebook (sidecar));
}

/**
 * gloss_agreement_set_missing:
 * @self: a #GlossAgreement
 * @layer: a layer index
 * @start: first code point the layer did not code
 * @end: end of the range (exclusive)
 *
 * Declares that the layer gives no value to the units in [@start, @end), for
 * instance because its annotator coded only part of the article.  May be
 * called several times; ranges may overlap.
 */
void
gloss_agreement_set_missing (GlossAgreement *self,
                             guint           layer,
                             guint           start,
                             guint           end)
{
  Layer *l;
  Span span = { start, end, 0 };

  g_return_if_fail (GLOSS_IS_AGREEMENT (self));
  g_return_if_fail (layer < self->layers->len);
  g_return_if_fail (start <= end);

  l = g_ptr_array_index (self->layers, layer);
  g_array_append_val (l->missing, span);
  clear_results (self);
}

/**
 * gloss_agreement_map_tag:
 * @self: a #GlossAgreement
 * @from: a tag id as written in the sidecars
 * @to: the tag id to compare it as
 *
 * Lets codebooks that name one category differently be compared.  Mapping is
 * applied once (not transitively), to every layer.
 */
void
gloss_agreement_map_tag (GlossAgreement *self,
                         const char     *from,
                         const char     *to)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT (self));
  g_return_if_fail (from != NULL && to != NULL);

  g_hash_table_replace (self->tag_map, g_strdup (from), g_strdup (to));
  clear_results (self);
}

/**
 * gloss_agreement_exclude_tag:
 * @self: a #GlossAgreement
 * @layer: a layer's index
 * @tag: a tag id, as compared (after the tag map)
 *
 * Leaves @layer out of @tag's unit statistics (α, Fleiss' κ, and Cohen's κ
 * of its pairs), as if it had not coded that tag at all rather than coded
 * it nowhere: a coder who never used a tag otherwise pulls α down with
 * zeros.  F1 and the overall numbers are unchanged.
 */
void
gloss_agreement_exclude_tag (GlossAgreement *self,
                             guint           layer,
                             const char     *tag)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT (self));
  g_return_if_fail (tag != NULL);

  g_hash_table_add (self->excluded, g_strdup_printf ("%u:%s", layer, tag));
  clear_results (self);
}

static const char *
map_tag (GlossAgreement *self,
         const char     *tag)
{
  const char *to = g_hash_table_lookup (self->tag_map, tag);

  return to ? to : tag;
}

static guint
intern_tag (GlossAgreement *self,
            const char     *tag)
{
  gpointer index;

  if (g_hash_table_lookup_extended (self->tag_index, tag, NULL, &index))
    return GPOINTER_TO_UINT (index) - 1;

  g_ptr_array_add (self->tags, g_strdup (tag));
  g_hash_table_insert (self->tag_index, g_ptr_array_index (self->tags, self->tags->len - 1),
                       GUINT_TO_POINTER (self->tags->len));
  return self->tags->len - 1;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->tag != y->tag)
    return x->tag < y->tag ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Tags used by some layer, in codebook order, then alphabetically. */
static void
collect_tags (GlossAgreement *self)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();

  for (guint l = 0; l < self->layers->len; l++)
    {
      Layer *layer = g_ptr_array_index (self->layers, l);
      guint n = gloss_annotation_set_get_size (layer->annotations);

      for (guint i = 0; i < n; i++)
        {
          GlossAnnotation *annotation = gloss_annotation_set_get_nth (layer->annotations, i);

          if (gloss_annotation_get_anchor_status (annotation) != GLOSS_ANCHOR_ORPHANED)
            g_hash_table_add (used, (gpointer)map_tag (self, gloss_annotation_get_tag (annotation)));
        }
    }

  for (guint l = 0; l < self->layers->len; l++)
    {
      Layer *layer = g_ptr_array_index (self->layers, l);

      if (layer->codebook == NULL)
        continue;
      for (guint i = 0; i < gloss_codebook_get_n_tags (layer->codebook); i++)
        {
          const char *tag = map_tag (self, gloss_tag_get_id (gloss_codebook_get_tag (layer->codebook, i)));

          if (g_hash_table_contains (used, tag))
            intern_tag (self, tag);
        }
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, used);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (self->tag_index, key))
        g_ptr_array_add (rest, key);
  }
  g_ptr_array_sort (rest, compare_strings);
  for (guint i = 0; i < rest->len; i++)
    intern_tag (self, g_ptr_array_index (rest, i));
}

static void
prepare_layer (GlossAgreement *self,
               Layer          *layer)
{
  guint n = gloss_annotation_set_get_size (layer->annotations);
  guint n_tags = self->tags->len;

  g_clear_pointer (&layer->spans, g_array_unref);
  g_clear_pointer (&layer->unions, g_array_unref);
  g_clear_pointer (&layer->span_first, g_free);
  g_clear_pointer (&layer->union_first, g_free);

  layer->orphaned = 0;
  layer->spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), n);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (layer->annotations, i);
      const char *tag = map_tag (self, gloss_annotation_get_tag (annotation));
      Span span;

      if (gloss_annotation_get_anchor_status (annotation) == GLOSS_ANCHOR_ORPHANED)
        {
          layer->orphaned++;
          continue;
        }
      span.start = gloss_annotation_get_start (annotation);
      span.end = gloss_annotation_get_end (annotation);
      span.tag = intern_tag (self, tag);
      g_array_append_val (layer->spans, span);
    }
  g_array_sort (layer->spans, compare_spans);

  layer->span_first = g_new0 (guint, n_tags + 1);
  layer->union_first = g_new0 (guint, n_tags + 1);
  layer->unions = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0, t = 0; t <= n_tags; t++)
    {
      layer->span_first[t] = i;
      layer->union_first[t] = layer->unions->len;
      for (; i < layer->spans->len && g_array_index (layer->spans, Span, i).tag == t; i++)
        {
          const Span *span = &g_array_index (layer->spans, Span, i);
          Span *last = layer->unions->len > layer->union_first[t]
            ? &g_array_index (layer->unions, Span, layer->unions->len - 1) : NULL;

          /* Empty spans cover no code point. */
          if (span->end <= span->start)
            continue;
          if (last != NULL && span->start <= last->end)
            last->end = MAX (last->end, span->end);
          else
            g_array_append_val (layer->unions, *span);
        }
    }
}

/* Sweep events: where some layer's coverage of some tag, or its missing
 * ranges, change. */
typedef struct
{
  guint pos;
  guint layer;
  int   tag;     /* -1: a missing range */
  int   delta;
} Event;

static int
compare_events (const void *a,
                const void *b)
{
  const Event *x = a, *y = b;

  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static double
alpha_finish (double        d_o,
              const double *n_c,
              guint         n_categories)
{
  double n = 0, squares = 0, d_e;

  for (guint c = 0; c < n_categories; c++)
    {
      n += n_c[c];
      squares += n_c[c] * n_c[c];
    }
  d_e = n * n - squares;
  if (n <= 1 || d_e <= 0)
    return NAN;

  return 1.0 - (n - 1.0) * d_o / d_e;
}

/* @agreement: Σ_u P_u over the units with two or more values, P_u the share
 * of agreeing pairs of values in unit u; @n_c: values per category there. */
static double
fleiss_finish (double        agreement,
               double        units,
               const double *n_c,
               guint         n_categories)
{
  double n = 0, p_e = 0;

  for (guint c = 0; c < n_categories; c++)
    n += n_c[c];
  if (units <= 0 || n <= 0)
    return NAN;
  for (guint c = 0; c < n_categories; c++)
    p_e += (n_c[c] / n) * (n_c[c] / n);
  if (p_e >= 1.0 - 1e-12)
    return NAN;

  return (agreement / units - p_e) / (1.0 - p_e);
}

static double
kappa_finish (double        agree,
              double        total,
              const double *margin_a,
              const double *margin_b,
              guint         n_categories)
{
  double p_o, p_e = 0;

  if (total <= 0)
    return NAN;
  for (guint c = 0; c < n_categories; c++)
    p_e += (margin_a[c] / total) * (margin_b[c] / total);
  /* Rounding must not turn "undefined" into a huge number. */
  if (p_e >= 1.0 - 1e-12)
    return NAN;
  p_o = agree / total;

  return (p_o - p_e) / (1.0 - p_e);
}

static double *
grow (GArray *array,
      guint   index)
{
  if (index >= array->len)
    g_array_set_size (array, index + 1);
  return &g_array_index (array, double, index);
}

static void
sweep (GlossAgreement *self)
{
  guint n_layers = self->layers->len;
  guint n_tags = self->tags->len;
  guint n_pairs = self->n_pairs;
  guint words = (n_tags + 63) / 64;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
  g_autofree int *cover = g_new0 (int, (gsize)n_layers * MAX (n_tags, 1));
  g_autofree int *missing = g_new0 (int, n_layers);
  g_autofree guint64 *bits = g_new0 (guint64, (gsize)n_layers * MAX (words, 1));
  g_autofree guint *category = g_new0 (guint, n_layers);
  g_autofree gboolean *dirty = g_new0 (gboolean, n_layers);
  g_autofree gboolean *coded = g_new0 (gboolean, n_layers);
  g_autofree gboolean *skip = g_new0 (gboolean, (gsize)n_layers * MAX (n_tags, 1));
  g_autofree guint *value = g_new0 (guint, n_layers);
  g_autofree guint *pair_a = g_new0 (guint, MAX (n_pairs, 1));
  g_autofree guint *pair_b = g_new0 (guint, MAX (n_pairs, 1));
  g_autofree double *tag_do = g_new0 (double, MAX (n_tags, 1));
  g_autofree double *tag_nc = g_new0 (double, MAX (n_tags, 1) * 2);
  g_autofree double *tag_p = g_new0 (double, MAX (n_tags, 1));
  g_autofree double *tag_units = g_new0 (double, MAX (n_tags, 1));
  g_autofree double *cells = g_new0 (double, (gsize)MAX (n_tags, 1) * MAX (n_pairs, 1) * 4);
  g_autofree double *agree = g_new0 (double, MAX (n_pairs, 1));
  g_autofree double *total = g_new0 (double, MAX (n_pairs, 1));
  g_autoptr(GArray) all_nc = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr(GPtrArray) margins = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  double all_do = 0, all_p = 0, units = 0;
  guint n_categories = 0;
  guint pos = 0, i = 0;

  for (guint l = 0; l < n_layers; l++)
    for (guint t = 0; t < n_tags; t++)
      {
        g_autofree char *key = g_strdup_printf ("%u:%s", l, (const char *)g_ptr_array_index (self->tags, t));

        skip[(gsize)l * n_tags + t] = g_hash_table_contains (self->excluded, key);
      }

  for (guint p = 0, a = 0; a < n_layers; a++)
    for (guint b = a + 1; b < n_layers; b++, p++)
      {
        pair_a[p] = a;
        pair_b[p] = b;
        g_ptr_array_add (margins, g_array_new (FALSE, TRUE, sizeof (double)));
        g_ptr_array_add (margins, g_array_new (FALSE, TRUE, sizeof (double)));
      }

  for (guint l = 0; l < n_layers; l++)
    {
      Layer *layer = g_ptr_array_index (self->layers, l);

      for (guint k = 0; k < layer->spans->len; k++)
        {
          const Span *span = &g_array_index (layer->spans, Span, k);
          guint start = MIN (span->start, self->length);
          guint end = MIN (span->end, self->length);

          if (start < end)
            {
              Event open = { start, l, span->tag, +1 }, close = { end, l, span->tag, -1 };

              g_array_append_val (events, open);
              g_array_append_val (events, close);
            }
        }
      for (guint k = 0; k < layer->missing->len; k++)
        {
          const Span *span = &g_array_index (layer->missing, Span, k);
          guint start = MIN (span->start, self->length);
          guint end = MIN (span->end, self->length);

          if (start < end)
            {
              Event open = { start, l, -1, +1 }, close = { end, l, -1, -1 };

              g_array_append_val (events, open);
              g_array_append_val (events, close);
            }
        }
      dirty[l] = TRUE;
    }
  if (events->len > 0)
    qsort (events->data, events->len, sizeof (Event), compare_events);

  for (;;)
    {
      guint next = i < events->len ? g_array_index (events, Event, i).pos : self->length;

      if (next > pos)
        {
          double w = next - pos;
          guint m = 0;

          for (guint l = 0; l < n_layers; l++)
            {
              coded[l] = missing[l] == 0;
              m += coded[l];
              if (dirty[l])
                {
                  g_autoptr(GBytes) key = g_bytes_new (bits + (gsize)l * words, words * sizeof (guint64));
                  gpointer found;

                  if (g_hash_table_lookup_extended (categories, key, NULL, &found))
                    category[l] = GPOINTER_TO_UINT (found);
                  else
                    {
                      category[l] = n_categories++;
                      g_hash_table_insert (categories, g_bytes_ref (key), GUINT_TO_POINTER (category[l]));
                    }
                  dirty[l] = FALSE;
                }
            }

          /* Per tag: binary values. */
          for (guint t = 0; t < n_tags; t++)
            {
              guint ones = 0;
              guint mt = 0;

#define TAG_CODED(l) (coded[l] && !skip[(gsize)(l) * n_tags + t])
              for (guint l = 0; l < n_layers; l++)
                {
                  value[l] = cover[(gsize)l * n_tags + t] > 0;
                  if (TAG_CODED (l))
                    {
                      ones += value[l];
                      mt++;
                    }
                }
              if (mt >= 2)
                {
                  tag_do[t] += w * 2.0 * ones * (mt - ones) / (mt - 1);
                  tag_p[t] += w * ((double)ones * (ones - 1) + (double)(mt - ones) * (mt - ones - 1)) / ((double)mt * (mt - 1));
                  tag_nc[t * 2 + 1] += w * ones;
                  tag_nc[t * 2] += w * (mt - ones);
                  tag_units[t] += w;
                }
              for (guint p = 0; p < n_pairs; p++)
                if (TAG_CODED (pair_a[p]) && TAG_CODED (pair_b[p]))
                  cells[((gsize)t * n_pairs + p) * 4 + value[pair_a[p]] * 2 + value[pair_b[p]]] += w;
#undef TAG_CODED
            }

          /* Overall: the set of covering tags is the category. */
          if (m >= 2)
            {
              double squares = 0;

              for (guint l = 0; l < n_layers; l++)
                {
                  guint same = 0;

                  if (!coded[l])
                    continue;
                  for (guint k = 0; k < n_layers; k++)
                    same += coded[k] && category[k] == category[l];
                  squares += same;
                  *grow (all_nc, category[l]) += w;
                }
              all_do += w * ((double)m * m - squares) / (m - 1);
              all_p += w * (squares - m) / ((double)m * (m - 1));
              units += w;
            }
          for (guint p = 0; p < n_pairs; p++)
            {
              guint a = pair_a[p], b = pair_b[p];

              if (!coded[a] || !coded[b])
                continue;
              total[p] += w;
              if (category[a] == category[b])
                agree[p] += w;
              *grow (g_ptr_array_index (margins, p * 2), category[a]) += w;
              *grow (g_ptr_array_index (margins, p * 2 + 1), category[b]) += w;
            }

          pos = next;
        }

      if (i >= events->len)
        break;

      for (guint at = g_array_index (events, Event, i).pos;
           i < events->len && g_array_index (events, Event, i).pos == at;
           i++)
        {
          const Event *event = &g_array_index (events, Event, i);

          if (event->tag < 0)
            missing[event->layer] += event->delta;
          else
            {
              int *count = &cover[(gsize)event->layer * n_tags + event->tag];
              gboolean was = *count > 0;

              *count += event->delta;
              if (was != (*count > 0))
                {
                  bits[(gsize)event->layer * words + event->tag / 64] ^= G_GUINT64_CONSTANT (1) << (event->tag % 64);
                  dirty[event->layer] = TRUE;
                }
            }
        }
    }

  for (guint t = 0; t < n_tags; t++)
    {
      self->results[t].alpha = alpha_finish (tag_do[t], &tag_nc[t * 2], 2);
      self->results[t].fleiss_kappa = fleiss_finish (tag_p[t], tag_units[t], &tag_nc[t * 2], 2);
      for (guint p = 0; p < n_pairs; p++)
        {
          const double *c = &cells[((gsize)t * n_pairs + p) * 4];
          double margin_a[2] = { c[0] + c[1], c[2] + c[3] };
          double margin_b[2] = { c[0] + c[2], c[1] + c[3] };

          self->results[t].pairs[p].cohen_kappa =
            kappa_finish (c[0] + c[3], c[0] + c[1] + c[2] + c[3], margin_a, margin_b, 2);
        }
    }

  self->results[n_tags].alpha = alpha_finish (all_do, (const double *)all_nc->data, all_nc->len);
  self->results[n_tags].fleiss_kappa = fleiss_finish (all_p, units, (const double *)all_nc->data, all_nc->len);
  for (guint p = 0; p < n_pairs; p++)
    {
      GArray *ma = g_ptr_array_index (margins, p * 2);
      GArray *mb = g_ptr_array_index (margins, p * 2 + 1);
      guint n = MAX (ma->len, mb->len);

      grow (ma, n);
      grow (mb, n);
      self->results[n_tags].pairs[p].cohen_kappa =
        kappa_finish (agree[p], total[p], (const double *)ma->data, (const double *)mb->data, n);
    }
}

/* Does [start, end) share a code point with one of the merged, sorted spans? */
static gboolean
overlaps_union (const Span *unions,
                guint       n,
                guint       start,
                guint       end)
{
  guint lo = 0, hi = n;

  if (end <= start)
    return FALSE;
  /* First span ending after start. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (unions[mid].end > start)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo < n && unions[lo].start < end;
}

static gboolean
contains_span (const Span *spans,
               guint       n,
               const Span *span)
{
  /* bsearch() must not be given a NULL array, even with n == 0. */
  return n > 0 && bsearch (span, spans, n, sizeof (Span), compare_spans) != NULL;
}

static void
count_matches (Layer              *a,
               Layer              *b,
               guint               t,
               GlossPairAgreement *out)
{
  const Span *sa = &g_array_index (a->spans, Span, a->span_first[t]);
  const Span *sb = &g_array_index (b->spans, Span, b->span_first[t]);
  guint na = a->span_first[t + 1] - a->span_first[t];
  guint nb = b->span_first[t + 1] - b->span_first[t];
  const Span *ua = &g_array_index (a->unions, Span, a->union_first[t]);
  const Span *ub = &g_array_index (b->unions, Span, b->union_first[t]);
  guint nua = a->union_first[t + 1] - a->union_first[t];
  guint nub = b->union_first[t + 1] - b->union_first[t];
  guint i = 0, j = 0;

  out->n_a += na;
  out->n_b += nb;

  /* Both lists are sorted: equal spans pair off one to one. */
  while (i < na && j < nb)
    {
      int cmp = compare_spans (&sa[i], &sb[j]);

      if (cmp == 0)
        {
          out->exact_matches++;
          i++;
          j++;
        }
      else if (cmp < 0)
        i++;
      else
        j++;
    }

  for (i = 0; i < na; i++)
    if (overlaps_union (ub, nub, sa[i].start, sa[i].end) || contains_span (sb, nb, &sa[i]))
      out->overlap_hits_a++;
  for (j = 0; j < nb; j++)
    if (overlaps_union (ua, nua, sb[j].start, sb[j].end) || contains_span (sa, na, &sb[j]))
      out->overlap_hits_b++;
}

static void
finish_scores (GlossPairAgreement *pair)
{
  double n_a = pair->n_a, n_b = pair->n_b;

  pair->precision_exact = n_b > 0 ? pair->exact_matches / n_b : NAN;
  pair->recall_exact = n_a > 0 ? pair->exact_matches / n_a : NAN;
  pair->precision_overlap = n_b > 0 ? pair->overlap_hits_b / n_b : NAN;
  pair->recall_overlap = n_a > 0 ? pair->overlap_hits_a / n_a : NAN;

  if (n_a + n_b == 0)
    {
      pair->f1_exact = NAN;
      pair->f1_overlap = NAN;
      return;
    }

  pair->f1_exact = 2.0 * pair->exact_matches / (n_a + n_b);
  if (n_a == 0 || n_b == 0 || pair->precision_overlap + pair->recall_overlap == 0)
    pair->f1_overlap = 0;
  else
    pair->f1_overlap = 2.0 * pair->precision_overlap * pair->recall_overlap
                       / (pair->precision_overlap + pair->recall_overlap);
}

/**
 * gloss_agreement_compute:
 * @self: a #GlossAgreement
 * @error: return location for a #GError
 *
 * Computes every statistic; call again after adding layers or mappings.
 *
 * Returns: %FALSE with fewer than two layers
 */
gboolean
gloss_agreement_compute (GlossAgreement  *self,
                         GError         **error)
{
  guint n_layers, n_tags;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), FALSE);

  clear_results (self);
  n_layers = self->layers->len;
  if (n_layers < 2)
    {
      g_set_error (error, GLOSS_AGREEMENT_ERROR, GLOSS_AGREEMENT_ERROR_TOO_FEW_LAYERS,
                   _("agreement needs at least two annotators, got %u"), n_layers);
      return FALSE;
    }

  collect_tags (self);
  for (guint l = 0; l < n_layers; l++)
    prepare_layer (self, g_ptr_array_index (self->layers, l));
  n_tags = self->tags->len;
  self->n_pairs = n_layers * (n_layers - 1) / 2;

  self->results = g_new0 (Result, n_tags + 1);
  for (guint t = 0; t <= n_tags; t++)
    {
      self->results[t].pairs = g_new0 (GlossPairAgreement, self->n_pairs);
      for (guint p = 0, a = 0; a < n_layers; a++)
        for (guint b = a + 1; b < n_layers; b++, p++)
          {
            self->results[t].pairs[p].a = a;
            self->results[t].pairs[p].b = b;
          }
    }

  sweep (self);

  for (guint p = 0; p < self->n_pairs; p++)
    {
      GlossPairAgreement *overall = &self->results[n_tags].pairs[p];
      Layer *a = g_ptr_array_index (self->layers, overall->a);
      Layer *b = g_ptr_array_index (self->layers, overall->b);

      for (guint t = 0; t < n_tags; t++)
        {
          GlossPairAgreement *pair = &self->results[t].pairs[p];

          count_matches (a, b, t, pair);
          finish_scores (pair);
          overall->n_a += pair->n_a;
          overall->n_b += pair->n_b;
          overall->exact_matches += pair->exact_matches;
          overall->overlap_hits_a += pair->overlap_hits_a;
          overall->overlap_hits_b += pair->overlap_hits_b;
        }
      finish_scores (overall);
    }

  /* NULL-terminated for gloss_agreement_get_tags(). */
  g_ptr_array_add (self->tags, NULL);
  g_ptr_array_set_size (self->tags, n_tags);
  self->computed = TRUE;

  return TRUE;
}

guint
gloss_agreement_get_n_layers (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);
  return self->layers->len;
}

const char *
gloss_agreement_get_annotator (GlossAgreement *self,
                               guint           layer)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (layer < self->layers->len, NULL);
  return ((Layer *)g_ptr_array_index (self->layers, layer))->annotator;
}

/**
 * gloss_agreement_get_orphaned:
 * @self: a #GlossAgreement
 * @layer: a layer index
 *
 * Returns: how many of the layer's annotations were left out as orphaned
 */
guint
gloss_agreement_get_orphaned (GlossAgreement *self,
                              guint           layer)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);
  g_return_val_if_fail (layer < self->layers->len, 0);
  return ((Layer *)g_ptr_array_index (self->layers, layer))->orphaned;
}

/**
 * gloss_agreement_get_tags:
 * @self: a computed #GlossAgreement
 *
 * Returns: (transfer none) (array zero-terminated=1): the tags compared
 */
const char * const *
gloss_agreement_get_tags (GlossAgreement *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), none);
  if (!self->computed)
    return none;
  /* The array's storage has room for the terminator: see compute(). */
  ((gpointer *)self->tags->pdata)[self->tags->len] = NULL;
  return (const char * const *)self->tags->pdata;
}

guint
gloss_agreement_get_n_pairs (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);
  return self->computed ? self->n_pairs : 0;
}

static Result *
lookup_result (GlossAgreement *self,
               const char     *tag)
{
  gpointer index;

  if (!self->computed)
    return NULL;
  if (tag == NULL)
    return &self->results[self->tags->len];
  if (!g_hash_table_lookup_extended (self->tag_index, tag, NULL, &index))
    return NULL;
  return &self->results[GPOINTER_TO_UINT (index) - 1];
}

/**
 * gloss_agreement_get_alpha:
 * @self: a computed #GlossAgreement
 * @tag: (nullable): a tag, or %NULL for overall
 *
 * Returns: Krippendorff's α, or NAN when undefined or @tag was not compared
 */
double
gloss_agreement_get_alpha (GlossAgreement *self,
                           const char     *tag)
{
  Result *result;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NAN);
  result = lookup_result (self, tag);
  return result ? result->alpha : NAN;
}

/**
 * gloss_agreement_get_fleiss_kappa:
 * @self: a computed #GlossAgreement
 * @tag: (nullable): a tag, or %NULL for overall
 *
 * Returns: Fleiss' κ, or NAN when undefined or @tag was not compared
 */
double
gloss_agreement_get_fleiss_kappa (GlossAgreement *self,
                                  const char     *tag)
{
  Result *result;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NAN);
  result = lookup_result (self, tag);
  return result ? result->fleiss_kappa : NAN;
}

/**
 * gloss_agreement_get_pair:
 * @self: a computed #GlossAgreement
 * @tag: (nullable): a tag, or %NULL for overall
 * @pair: 0 … n_pairs-1, in the order (0,1), (0,2), …, (1,2), …
 *
 * Returns: (transfer none) (nullable): the pair's figures
 */
const GlossPairAgreement *
gloss_agreement_get_pair (GlossAgreement *self,
                          const char     *tag,
                          guint           pair)
{
  Result *result;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  result = lookup_result (self, tag);
  if (result == NULL || pair >= self->n_pairs)
    return NULL;
  return &result->pairs[pair];
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_result (GlossAgreement *self,
            JsonBuilder    *builder,
            Result         *result)
{
  json_builder_begin_object (builder);
  add_number (builder, "krippendorff_alpha", result->alpha);
  add_number (builder, "fleiss_kappa", result->fleiss_kappa);
  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint p = 0; p < self->n_pairs; p++)
    {
      GlossPairAgreement *pair = &result->pairs[p];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, gloss_agreement_get_annotator (self, pair->a));
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, gloss_agreement_get_annotator (self, pair->b));
      add_number (builder, "cohen_kappa", pair->cohen_kappa);
      add_number (builder, "f1_exact", pair->f1_exact);
      add_number (builder, "f1_overlap", pair->f1_overlap);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * gloss_agreement_to_json:
 * @self: a computed #GlossAgreement
 *
 * Returns: (transfer full): `{"units": "codepoint", "annotators": […],
 *   "tags": {tag: {"krippendorff_alpha": α, "fleiss_kappa": κ, "pairs": [{"a", "b",
 *   "cohen_kappa", "f1_exact", "f1_overlap"}…]}…}, "overall": {…}}`,
 *   undefined values as null
 */
JsonNode *
gloss_agreement_to_json (GlossAgreement *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (self->computed, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "units");
  json_builder_add_string_value (builder, "codepoint");
  json_builder_set_member_name (builder, "annotators");
  json_builder_begin_array (builder);
  for (guint l = 0; l < self->layers->len; l++)
    json_builder_add_string_value (builder, gloss_agreement_get_annotator (self, l));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_object (builder);
  for (guint t = 0; t < self->tags->len; t++)
    {
      json_builder_set_member_name (builder, g_ptr_array_index (self->tags, t));
      add_result (self, builder, &self->results[t]);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "overall");
  add_result (self, builder, &self->results[self->tags->len]);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
tag_list (GlossCodebook *codebook,
          GlossCodebook *other)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < gloss_codebook_get_n_tags (codebook); i++)
    {
      const char *id = gloss_tag_get_id (gloss_codebook_get_tag (codebook, i));

      if (gloss_codebook_lookup (other, id) != NULL)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, id);
    }

  return list->len > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/**
 * gloss_agreement_compare_codebooks:
 * @sidecars: (element-type GlossSidecar): the layers, the first as reference
 *
 * Returns: (transfer full) (element-type utf8): one translated line per
 *   difference between each codebook and the first one's
 */
GPtrArray *
gloss_agreement_compare_codebooks (GPtrArray *sidecars)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GlossSidecar *first;
  GlossCodebook *reference;

  g_return_val_if_fail (sidecars != NULL, lines);
  if (sidecars->len < 2)
    return lines;

  first = g_ptr_array_index (sidecars, 0);
  reference = gloss_sidecar_get_codebook (first);

  for (guint i = 1; i < sidecars->len; i++)
    {
      GlossSidecar *sidecar = g_ptr_array_index (sidecars, i);
      GlossCodebook *codebook = gloss_sidecar_get_codebook (sidecar);
      g_autofree char *extra = NULL;
      g_autofree char *lacking = NULL;

      if (g_strcmp0 (gloss_codebook_get_name (codebook), gloss_codebook_get_name (reference)) != 0 ||
          g_strcmp0 (gloss_codebook_get_version (codebook), gloss_codebook_get_version (reference)) != 0)
        g_ptr_array_add (lines,
                         g_strdup_printf (_("%s uses codebook “%s” version %s, %s uses “%s” version %s"),
                                          gloss_sidecar_get_annotator_id (sidecar),
                                          gloss_codebook_get_name (codebook),
                                          gloss_codebook_get_version (codebook) ? gloss_codebook_get_version (codebook) : "?",
                                          gloss_sidecar_get_annotator_id (first),
                                          gloss_codebook_get_name (reference),
                                          gloss_codebook_get_version (reference) ? gloss_codebook_get_version (reference) : "?"));

      extra = tag_list (codebook, reference);
      if (extra != NULL)
        g_ptr_array_add (lines,
                         g_strdup_printf (_("tags in %s's codebook but not in %s's: %s"),
                                          gloss_sidecar_get_annotator_id (sidecar),
                                          gloss_sidecar_get_annotator_id (first), extra));
      lacking = tag_list (reference, codebook);
      if (lacking != NULL)
        g_ptr_array_add (lines,
                         g_strdup_printf (_("tags in %s's codebook but not in %s's: %s"),
                                          gloss_sidecar_get_annotator_id (first),
                                          gloss_sidecar_get_annotator_id (sidecar), lacking));
    }

  return lines;
}

/**
 * gloss_krippendorff_alpha_nominal:
 * @values: @n_coders rows of @n_units values; a negative value is missing
 * @n_coders: number of coders
 * @n_units: number of units
 *
 * Returns: Krippendorff's α for nominal data, NAN when undefined
 */
double
gloss_krippendorff_alpha_nominal (const int *values,
                                  guint      n_coders,
                                  guint      n_units)
{
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) n_c = g_array_new (FALSE, TRUE, sizeof (double));
  g_autofree guint *counts = NULL;
  double d_o = 0;

  g_return_val_if_fail (values != NULL || n_coders * n_units == 0, NAN);

  counts = g_new0 (guint, n_coders * n_units + 1);
  for (guint c = 0; c < n_coders; c++)
    for (guint u = 0; u < n_units; u++)
      {
        int v = values[c * n_units + u];

        if (v >= 0 && !g_hash_table_contains (index, GINT_TO_POINTER (v + 1)))
          g_hash_table_insert (index, GINT_TO_POINTER (v + 1), GUINT_TO_POINTER (g_hash_table_size (index)));
      }

  for (guint u = 0; u < n_units; u++)
    {
      guint m = 0, n_categories = g_hash_table_size (index);
      double squares = 0;

      memset (counts, 0, sizeof (guint) * (n_categories + 1));
      for (guint c = 0; c < n_coders; c++)
        {
          int v = values[c * n_units + u];

          if (v < 0)
            continue;
          counts[GPOINTER_TO_UINT (g_hash_table_lookup (index, GINT_TO_POINTER (v + 1)))]++;
          m++;
        }
      if (m < 2)
        continue;
      for (guint k = 0; k < n_categories; k++)
        {
          squares += (double)counts[k] * counts[k];
          *grow (n_c, k) += counts[k];
        }
      d_o += ((double)m * m - squares) / (m - 1);
    }

  return alpha_finish (d_o, (const double *)n_c->data, n_c->len);
}

/**
 * gloss_fleiss_kappa:
 * @counts: @n_units rows of @n_categories counts: how many raters gave unit
 *   u category c
 * @n_units: number of units
 * @n_categories: number of categories
 *
 * Units with fewer than two ratings are left out.
 *
 * Returns: Fleiss' κ, NAN when undefined
 */
double
gloss_fleiss_kappa (const double *counts,
                    guint         n_units,
                    guint         n_categories)
{
  g_autofree double *n_c = g_new0 (double, MAX (n_categories, 1));
  double agreement = 0, units = 0;

  g_return_val_if_fail (counts != NULL || n_units * n_categories == 0, NAN);

  for (guint u = 0; u < n_units; u++)
    {
      const double *row = counts + (gsize)u * n_categories;
      double m = 0, pairs = 0;

      for (guint c = 0; c < n_categories; c++)
        {
          m += row[c];
          pairs += row[c] * (row[c] - 1);
        }
      if (m < 2)
        continue;
      for (guint c = 0; c < n_categories; c++)
        n_c[c] += row[c];
      agreement += pairs / (m * (m - 1));
      units++;
    }

  return fleiss_finish (agreement, units, n_c, n_categories);
}

/**
 * gloss_cohen_kappa:
 * @matrix: @n_categories × @n_categories counts; rows: first rater
 * @n_categories: number of categories
 *
 * Returns: Cohen's κ, NAN when undefined (no items, or p_e = 1)
 */
double
gloss_cohen_kappa (const double *matrix,
                   guint         n_categories)
{
  g_autofree double *rows = g_new0 (double, MAX (n_categories, 1));
  g_autofree double *columns = g_new0 (double, MAX (n_categories, 1));
  double agree = 0, total = 0;

  for (guint i = 0; i < n_categories; i++)
    for (guint j = 0; j < n_categories; j++)
      {
        double x = matrix[i * n_categories + j];

        rows[i] += x;
        columns[j] += x;
        total += x;
        if (i == j)
          agree += x;
      }

  return kappa_finish (agree, total, rows, columns, n_categories);
}
