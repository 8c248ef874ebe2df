/* gloss-library-hit-item.c: one retrieved annotation, as a list model item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-library-hit-item.h"

struct _GlossLibraryHitItem
{
  GObject          parent_instance;
  GlossLibraryHit *hit;
};

G_DEFINE_FINAL_TYPE (GlossLibraryHitItem, gloss_library_hit_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GROUP,
  PROP_CONTEXT,
  PROP_ARTICLE,
  PROP_ANNOTATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_library_hit_item_finalize (GObject *object)
{
  GlossLibraryHitItem *self = GLOSS_LIBRARY_HIT_ITEM (object);

  gloss_library_hit_free (self->hit);
  G_OBJECT_CLASS (gloss_library_hit_item_parent_class)->finalize (object);
}

static void
gloss_library_hit_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossLibraryHitItem *self = GLOSS_LIBRARY_HIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_string (value, self->hit->group ? self->hit->group : "");
      break;
    case PROP_CONTEXT:
      /* The annotated passage in bold within its context. */
      g_value_take_string (value, gloss_library_hit_dup_markup (self->hit));
      break;
    case PROP_ARTICLE:
      g_value_take_string (value, g_path_get_basename (self->hit->article));
      break;
    case PROP_ANNOTATOR:
      g_value_set_string (value, self->hit->annotator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_library_hit_item_class_init (GlossLibraryHitItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_library_hit_item_finalize;
  object_class->get_property = gloss_library_hit_item_get_property;

  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, ro);
  properties[PROP_CONTEXT] = g_param_spec_string ("context", NULL, NULL, NULL, ro);
  properties[PROP_ARTICLE] = g_param_spec_string ("article", NULL, NULL, NULL, ro);
  properties[PROP_ANNOTATOR] = g_param_spec_string ("annotator", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_library_hit_item_init (GlossLibraryHitItem *self)
{
}

/**
 * gloss_library_hit_item_new:
 * @hit: (transfer full): a hit from gloss_library_retrieve()
 */
GlossLibraryHitItem *
gloss_library_hit_item_new (GlossLibraryHit *hit)
{
  GlossLibraryHitItem *self = g_object_new (GLOSS_TYPE_LIBRARY_HIT_ITEM, NULL);

  self->hit = hit;
  return self;
}

const GlossLibraryHit *
gloss_library_hit_item_get_hit (GlossLibraryHitItem *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_HIT_ITEM (self), NULL);
  return self->hit;
}
