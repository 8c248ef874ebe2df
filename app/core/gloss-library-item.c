/* gloss-library-item.c: one article of the library, as a list model item
 *
 * The properties are what the Library page's columns show and sort by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-library-item.h"

struct _GlossLibraryItem
{
  GObject              parent_instance;
  GlossLibraryArticle *article;
  char                *coders;
  char                *counts;
  char                *match;
  guint                hits;
};

G_DEFINE_FINAL_TYPE (GlossLibraryItem, gloss_library_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_NAME,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_DATE,
  PROP_CODERS,
  PROP_COUNTS,
  PROP_STATE,
  PROP_STATE_LABEL,
  PROP_HITS,
  PROP_MATCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
state_label (GlossLibraryState state)
{
  switch (state)
    {
    case GLOSS_LIBRARY_DONE:
      return _("Done");
    case GLOSS_LIBRARY_IN_PROGRESS:
      return _("In progress");
    case GLOSS_LIBRARY_NOT_STARTED:
    default:
      return _("Not started");
    }
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
gloss_library_item_finalize (GObject *object)
{
  GlossLibraryItem *self = GLOSS_LIBRARY_ITEM (object);

  gloss_library_article_free (self->article);
  g_free (self->coders);
  g_free (self->counts);
  g_free (self->match);
  G_OBJECT_CLASS (gloss_library_item_parent_class)->finalize (object);
}

static void
gloss_library_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossLibraryItem *self = GLOSS_LIBRARY_ITEM (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->article->path);
      break;
    case PROP_NAME:
      g_value_take_string (value, g_path_get_basename (self->article->path));
      break;
    case PROP_TITLE:
      /* An article that could not be read still has a name. */
      if (self->article->title != NULL && self->article->title[0] != '\0')
        g_value_set_string (value, self->article->title);
      else
        g_value_take_string (value, g_path_get_basename (self->article->path));
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->article->source ? self->article->source : "");
      break;
    case PROP_DATE:
      /* The day is what a list needs; ISO 8601 sorts as text either way. */
      if (self->article->date != NULL && strlen (self->article->date) > 10 && self->article->date[4] == '-' &&
          self->article->date[10] == 'T')
        g_value_take_string (value, g_strndup (self->article->date, 10));
      else
        g_value_set_string (value, self->article->date ? self->article->date : "");
      break;
    case PROP_CODERS:
      g_value_set_string (value, self->coders);
      break;
    case PROP_COUNTS:
      g_value_set_string (value, self->counts);
      break;
    case PROP_STATE:
      g_value_set_uint (value, self->article->state);
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, state_label (self->article->state));
      break;
    case PROP_HITS:
      g_value_set_uint (value, self->hits);
      break;
    case PROP_MATCH:
      g_value_set_string (value, self->match ? self->match : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_library_item_class_init (GlossLibraryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_library_item_finalize;
  object_class->get_property = gloss_library_item_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, ro);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, ro);
  /* "alice ✓, bob": who has a layer, and who marked it done. */
  properties[PROP_CODERS] = g_param_spec_string ("coders", NULL, NULL, NULL, ro);
  /* "quote 12 · official 3": annotations per tag, all layers together. */
  properties[PROP_COUNTS] = g_param_spec_string ("counts", NULL, NULL, NULL, ro);
  properties[PROP_STATE] = g_param_spec_uint ("state", NULL, NULL, 0, GLOSS_LIBRARY_DONE, 0, ro);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, ro);
  properties[PROP_HITS] = g_param_spec_uint ("hits", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_MATCH] = g_param_spec_string ("match", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_library_item_init (GlossLibraryItem *self)
{
}

/**
 * gloss_library_item_new:
 * @article: (transfer full): an article from gloss_library_list_articles()
 */
GlossLibraryItem *
gloss_library_item_new (GlossLibraryArticle *article)
{
  GlossLibraryItem *self = g_object_new (GLOSS_TYPE_LIBRARY_ITEM, NULL);
  g_autoptr(GString) coders = g_string_new (NULL);
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autoptr(GHashTable) per_tag = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  g_return_val_if_fail (article != NULL, NULL);
  self->article = article;

  for (guint i = 0; article->annotators[i] != NULL; i++)
    {
      if (coders->len > 0)
        g_string_append (coders, ", ");
      g_string_append (coders, article->annotators[i]);
      if (g_strv_contains ((const char * const *) article->done_by, article->annotators[i]))
        g_string_append (coders, " ✓");
    }
  for (guint i = 0; i < article->counts->len; i++)
    {
      GlossLibraryCount *count = g_ptr_array_index (article->counts, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_tag, count->tag));

      if (n == 0)
        g_ptr_array_add (tags, count->tag);
      g_hash_table_insert (per_tag, count->tag, GUINT_TO_POINTER (n + count->count));
    }
  g_ptr_array_sort (tags, compare_strings);
  for (guint i = 0; i < tags->len; i++)
    g_string_append_printf (counts, "%s%s %u", i > 0 ? " · " : "", gloss_codebook_builtin_tag_label (g_ptr_array_index (tags, i)),
                            GPOINTER_TO_UINT (g_hash_table_lookup (per_tag, g_ptr_array_index (tags, i))));
  self->coders = g_string_free (g_steal_pointer (&coders), FALSE);
  self->counts = g_string_free (g_steal_pointer (&counts), FALSE);
  return self;
}

const GlossLibraryArticle *
gloss_library_item_get_article (GlossLibraryItem *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_ITEM (self), NULL);
  return self->article;
}

GFile *
gloss_library_item_get_file (GlossLibraryItem *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_ITEM (self), NULL);
  return g_file_new_for_path (self->article->path);
}

GlossLibraryState
gloss_library_item_get_state (GlossLibraryItem *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_ITEM (self), GLOSS_LIBRARY_NOT_STARTED);
  return self->article->state;
}

guint
gloss_library_item_get_hits (GlossLibraryItem *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_ITEM (self), 0);
  return self->hits;
}

void
gloss_library_item_set_match (GlossLibraryItem *self,
                              guint             hits,
                              const char       *match)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_ITEM (self));

  if (self->hits != hits)
    {
      self->hits = hits;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HITS]);
    }
  if (g_strcmp0 (self->match, match) != 0)
    {
      g_free (self->match);
      self->match = g_strdup (match);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH]);
    }
}
