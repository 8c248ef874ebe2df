/* gloss-suggestion-item.c: one suggestion as an item of the sidebar's list
 * model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar lists an article's suggestions in a GtkListView, which makes
 * rows only for the items on screen: an item is cheap (pointers), and its
 * "title" and "subtitle" are made when a row asks for them, from the
 * document's index (never a walk of the text from its start).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-suggestion-item.h"
#include "gloss-suggestion-layer.h"

#define EXCERPT_CHARS 60

struct _GlossSuggestionItem
{
  GObject          parent_instance;
  GObject         *owner;        /* keeps the suggestion alive */
  GlossSuggestion *suggestion;
  GlossDocument   *document;
  GlossCodebook   *codebook;
};

G_DEFINE_FINAL_TYPE (GlossSuggestionItem, gloss_suggestion_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * gloss_suggestion_item_new:
 * @owner: what owns @suggestion (the suggestion layer); the item keeps it
 * @suggestion: (transfer none): the suggestion
 * @document: the article
 * @codebook: (nullable): for the tag's name
 */
GlossSuggestionItem *
gloss_suggestion_item_new (GObject         *owner,
                           GlossSuggestion *suggestion,
                           GlossDocument   *document,
                           GlossCodebook   *codebook)
{
  GlossSuggestionItem *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (suggestion != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLOSS_TYPE_SUGGESTION_ITEM, NULL);
  self->owner = g_object_ref (owner);
  self->suggestion = suggestion;
  self->document = g_object_ref (document);
  self->codebook = codebook != NULL ? g_object_ref (codebook) : NULL;
  return self;
}

/**
 * gloss_suggestion_item_get_suggestion:
 *
 * Returns: (transfer none): the suggestion
 */
GlossSuggestion *
gloss_suggestion_item_get_suggestion (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), NULL);
  return self->suggestion;
}

static char *
make_title (GlossSuggestionItem *self)
{
  GlossSuggestion *s = self->suggestion;
  g_autofree char *text = gloss_document_get_slice (self->document, s->start, MIN (s->end, s->start + EXCERPT_CHARS));
  char *title = s->end - s->start > EXCERPT_CHARS ? g_strconcat (text, "…", NULL) : g_steal_pointer (&text);

  return g_strdelimit (title, "\n", ' ');
}

static char *
make_subtitle (GlossSuggestionItem *self)
{
  GlossSuggestion *s = self->suggestion;
  GlossTag *tag = self->codebook != NULL ? gloss_codebook_lookup (self->codebook, s->tag) : NULL;

  GlossSuggestion *speaker = GLOSS_IS_SUGGESTION_LAYER (self->owner)
                             ? gloss_suggestion_layer_get_speaker (GLOSS_SUGGESTION_LAYER (self->owner), s) : NULL;

  /* A quote is accepted with its speaker: who that is, before the key. */
  if (speaker != NULL)
    {
      g_autofree char *name = gloss_document_get_slice (self->document, speaker->start, speaker->end);

      g_strdelimit (name, "\n", ' ');
      /* Translators: under a quote suggested in the sidebar: tag, its speaker, rule that fired, confidence */
      return g_strdup_printf (_("%s by %s · rule %s · %d %%"), tag != NULL ? gloss_tag_get_label (tag) : s->tag,
                              name, s->rule, (int) (s->confidence * 100 + 0.5));
    }
  /* Translators: under a suggestion in the sidebar: tag, rule that fired, confidence */
  return g_strdup_printf (_("%s · rule %s · %d %%"), tag != NULL ? gloss_tag_get_label (tag) : s->tag,
                          s->rule, (int) (s->confidence * 100 + 0.5));
}

static void
gloss_suggestion_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossSuggestionItem *self = GLOSS_SUGGESTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_take_string (value, make_title (self));
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, make_subtitle (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_suggestion_item_finalize (GObject *object)
{
  GlossSuggestionItem *self = GLOSS_SUGGESTION_ITEM (object);

  g_clear_object (&self->document);
  g_clear_object (&self->codebook);
  g_clear_object (&self->owner);

  G_OBJECT_CLASS (gloss_suggestion_item_parent_class)->finalize (object);
}

static void
gloss_suggestion_item_class_init (GlossSuggestionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_suggestion_item_finalize;
  object_class->get_property = gloss_suggestion_item_get_property;

  /* Made when asked: the suggestion's text (its first characters) and
   * its tag, rule and confidence. They never change. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_suggestion_item_init (GlossSuggestionItem *self)
{
}
