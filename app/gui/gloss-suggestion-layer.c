/* gloss-suggestion-layer.c: the suggestions of one article as a faint layer
 * the user walks through, accepting or rejecting with one key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggestions are never annotations until accepted and never saved as
 * coding: the layer keeps them apart, draws them as dashed outlines (not
 * the filled highlights of the user's own annotations), and only
 * gloss_suggest_accept() turns one into an annotation of the sidecar. A
 * rejection is remembered in the sidecar (gloss_suggest_reject()). The
 * project's settings (off, or hidden on a random share of the articles)
 * decide whether the layer starts visible.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-article-view.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-suggest-review.h"
#include "gloss-suggestion-layer.h"

struct _GlossSuggestionLayer
{
  GObject             parent_instance;
  GlossSidecar       *sidecar;
  GlossDocument      *document;
  GPtrArray          *all;       /* of GlossSuggestion, owned */
  GPtrArray          *pending;   /* borrowed from all, in text order */
  int                 current;   /* index into pending, -1 none */
  gboolean            visible;
  GSimpleActionGroup *actions;
};

G_DEFINE_FINAL_TYPE (GlossSuggestionLayer, gloss_suggestion_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VISIBLE,
  PROP_N_PENDING,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (GlossSuggestionLayer *self)
{
  gboolean any = self->visible && self->pending->len > 0;
  const char *names[] = { "next", "previous", "accept", "reject", "accept-tag" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i])), any);
}

static void
refresh (GlossSuggestionLayer *self,
         guint                 old_pending)
{
  const char *text = gloss_document_get_text (self->document);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending = gloss_suggest_pending (self->all, self->sidecar, text);
  if (self->current >= (int) self->pending->len)
    self->current = (int) self->pending->len - 1;
  if (self->pending->len != old_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  update_actions (self);
}

static void
next_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  gloss_suggestion_layer_next (data, FALSE);
}

static void
previous_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  gloss_suggestion_layer_next (data, TRUE);
}

static void
accept_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  gloss_suggestion_layer_accept_current (data);
}

static void
reject_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  gloss_suggestion_layer_reject_current (data);
}

static void
accept_tag_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  GlossSuggestionLayer *self = data;
  GlossSuggestion *current = gloss_suggestion_layer_get_current (self);

  if (current != NULL)
    {
      g_autofree char *tag = g_strdup (current->tag);
      gloss_suggestion_layer_accept_tag (self, tag);
    }
}

static void
toggle_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  GlossSuggestionLayer *self = data;
  gloss_suggestion_layer_set_visible (self, !self->visible);
}

static void
gloss_suggestion_layer_dispose (GObject *object)
{
  GlossSuggestionLayer *self = GLOSS_SUGGESTION_LAYER (object);

  g_clear_object (&self->sidecar);
  g_clear_object (&self->document);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_suggestion_layer_parent_class)->dispose (object);
}

static void
gloss_suggestion_layer_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossSuggestionLayer *self = GLOSS_SUGGESTION_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, self->pending != NULL ? self->pending->len : 0);
      break;
    case PROP_CURRENT:
      g_value_set_int (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_suggestion_layer_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GlossSuggestionLayer *self = GLOSS_SUGGESTION_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE:
      gloss_suggestion_layer_set_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_suggestion_layer_class_init (GlossSuggestionLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_suggestion_layer_dispose;
  object_class->get_property = gloss_suggestion_layer_get_property;
  object_class->set_property = gloss_suggestion_layer_set_property;

  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT] =
    g_param_spec_int ("current", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_suggestion_layer_init (GlossSuggestionLayer *self)
{
  const GActionEntry entries[] = {
    { "next", next_cb },
    { "previous", previous_cb },
    { "accept", accept_cb },
    { "reject", reject_cb },
    { "accept-tag", accept_tag_cb },
    { "toggle", toggle_cb },
  };

  self->current = -1;
  self->visible = TRUE;
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}

/**
 * gloss_suggestion_layer_new:
 * @sidecar: the user's sidecar of the article (accepted suggestions go there)
 * @document: the article
 * @article: (nullable): the article's file: its folder's sidecars teach the
 *   suggester, its team codebook holds the project's settings
 *
 * Returns: (transfer full): the layer, visible unless the project switched
 *   suggestions off or hides them on this article
 */
GlossSuggestionLayer *
gloss_suggestion_layer_new (GlossSidecar  *sidecar,
                            GlossDocument *document,
                            GFile         *article)
{
  GlossSuggestionLayer *self = g_object_new (GLOSS_TYPE_SUGGESTION_LAYER, NULL);
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), self);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), self);

  self->sidecar = g_object_ref (sidecar);
  self->document = g_object_ref (document);
  if (article != NULL)
    {
      GlossSuggestSettings settings = { 0 };
      g_autoptr(GFile) parent = g_file_get_parent (article);
      g_autofree char *dir = parent != NULL ? g_file_get_path (parent) : NULL;
      g_autoptr(GDir) listing = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        if (g_str_has_suffix (name, ".gloss.json"))
          {
            g_autofree char *path = g_build_filename (dir, name, NULL);
            gloss_suggester_add_known_from_sidecar (suggester, path, NULL);
          }
      /* An unreadable team codebook leaves the defaults; the window reports it. */
      gloss_suggest_settings_load (article, &settings, NULL);
      self->visible = gloss_suggest_shown_for (&settings, gloss_document_get_sha256 (document));
      gloss_suggest_settings_clear (&settings);
    }
  self->all = gloss_suggester_run (suggester, gloss_document_get_text (document));
  refresh (self, 0);
  return self;
}

gboolean
gloss_suggestion_layer_get_visible (GlossSuggestionLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), FALSE);
  return self->visible;
}

void
gloss_suggestion_layer_set_visible (GlossSuggestionLayer *self,
                                    gboolean              visible)
{
  g_return_if_fail (GLOSS_IS_SUGGESTION_LAYER (self));

  visible = !!visible;
  if (self->visible == visible)
    return;
  self->visible = visible;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

guint
gloss_suggestion_layer_get_n_pending (GlossSuggestionLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), 0);
  return self->pending->len;
}

/**
 * gloss_suggestion_layer_get_current:
 *
 * Returns: (transfer none) (nullable): the suggestion under review
 */
GlossSuggestion *
gloss_suggestion_layer_get_current (GlossSuggestionLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), NULL);

  if (self->current < 0 || self->current >= (int) self->pending->len)
    return NULL;
  return self->pending->pdata[self->current];
}

/**
 * gloss_suggestion_layer_next:
 * @backward: to the previous one
 *
 * Moves to the next (or previous) pending suggestion, around the end.
 *
 * Returns: whether there is one
 */
gboolean
gloss_suggestion_layer_next (GlossSuggestionLayer *self,
                             gboolean              backward)
{
  int n;

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), FALSE);

  n = (int) self->pending->len;
  if (n == 0 || !self->visible)
    return FALSE;
  if (self->current < 0)
    self->current = backward ? n - 1 : 0;
  else
    self->current = (self->current + (backward ? n - 1 : 1)) % n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  return TRUE;
}

/**
 * gloss_suggestion_layer_accept_current:
 *
 * Returns: (transfer none) (nullable): the annotation the current suggestion
 *   became; the next suggestion becomes current
 */
GlossAnnotation *
gloss_suggestion_layer_accept_current (GlossSuggestionLayer *self)
{
  GlossSuggestion *current;
  GlossAnnotation *annotation;

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), NULL);

  current = gloss_suggestion_layer_get_current (self);
  if (current == NULL || !self->visible)
    return NULL;
  annotation = gloss_suggest_accept (self->sidecar, self->all, current);
  refresh (self, self->pending->len);
  return annotation;
}

void
gloss_suggestion_layer_reject_current (GlossSuggestionLayer *self)
{
  GlossSuggestion *current;

  g_return_if_fail (GLOSS_IS_SUGGESTION_LAYER (self));

  current = gloss_suggestion_layer_get_current (self);
  if (current == NULL || !self->visible)
    return;
  gloss_suggest_reject (self->sidecar, current, gloss_document_get_text (self->document));
  refresh (self, self->pending->len);
}

/**
 * gloss_suggestion_layer_accept_tag:
 * @tag: a tag id
 *
 * Accepts every pending suggestion of @tag.
 *
 * Returns: how many were accepted
 */
guint
gloss_suggestion_layer_accept_tag (GlossSuggestionLayer *self,
                                   const char           *tag)
{
  g_autoptr(GPtrArray) of_tag = g_ptr_array_new ();

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), 0);
  g_return_val_if_fail (tag != NULL, 0);

  if (!self->visible)
    return 0;
  for (guint i = 0; i < self->pending->len; i++)
    if (g_str_equal (((GlossSuggestion *) self->pending->pdata[i])->tag, tag))
      g_ptr_array_add (of_tag, self->pending->pdata[i]);
  for (guint i = 0; i < of_tag->len; i++)
    gloss_suggest_accept (self->sidecar, self->all, of_tag->pdata[i]);
  refresh (self, self->pending->len);
  return of_tag->len;
}

typedef struct
{
  GtkSnapshot *snapshot;
  GdkRGBA      color;
  float        width;
} Outline;

static void
outline_fragment (const graphene_rect_t *piece,
                  gpointer               user_data)
{
  Outline *o = user_data;
  GskRoundedRect rect;
  const float widths[4] = { o->width, o->width, o->width, o->width };
  const GdkRGBA colors[4] = { o->color, o->color, o->color, o->color };

  /* GTK 4.8 has no dashed border node: the faint outline says "not yours". */
  gsk_rounded_rect_init_from_rect (&rect, piece, 3);
  gtk_snapshot_append_border (o->snapshot, &rect, widths, colors);
}

static void
tag_color (GlossSuggestionLayer *self,
           const char           *tag_id,
           GdkRGBA              *color)
{
  GlossCodebook *codebook = gloss_sidecar_get_codebook (self->sidecar);
  GlossTag *tag = codebook != NULL ? gloss_codebook_lookup (codebook, tag_id) : NULL;

  if (tag == NULL || !gdk_rgba_parse (color, gloss_tag_get_color (tag)))
    gdk_rgba_parse (color, "#888888");
}

/**
 * gloss_suggestion_layer_snapshot:
 *
 * Draws the pending suggestions in [@from, @to) as faint outlines in their
 * tag's colour, the current one opaque and thicker. Nothing when hidden.
 */
void
gloss_suggestion_layer_snapshot (GlossSuggestionLayer *self,
                                 GtkTextView          *view,
                                 GtkSnapshot          *snapshot,
                                 guint                 from,
                                 guint                 to)
{
  GlossSuggestion *current;

  g_return_if_fail (GLOSS_IS_SUGGESTION_LAYER (self));

  if (!self->visible)
    return;
  current = gloss_suggestion_layer_get_current (self);
  for (guint i = 0; i < self->pending->len; i++)
    {
      GlossSuggestion *s = self->pending->pdata[i];
      Outline o = { snapshot, { 0 }, s == current ? 2 : 1 };

      if (s->end <= from || s->start >= to)
        continue;
      tag_color (self, s->tag, &o.color);
      o.color.alpha = s == current ? 1.0 : 0.45;
      gloss_text_view_foreach_fragment (view, MAX (s->start, from), MIN (s->end, to), outline_fragment, &o);
    }
}

/**
 * gloss_suggestion_layer_describe_at:
 *
 * Returns: (transfer full) (nullable): Pango markup naming the suggestions
 *   at @offset and the rules that fired, or %NULL
 */
char *
gloss_suggestion_layer_describe_at (GlossSuggestionLayer *self,
                                    guint                 offset)
{
  GString *out = NULL;

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), NULL);

  if (!self->visible)
    return NULL;
  for (guint i = 0; i < self->pending->len; i++)
    {
      GlossSuggestion *s = self->pending->pdata[i];
      GlossCodebook *codebook = gloss_sidecar_get_codebook (self->sidecar);
      GlossTag *tag = codebook != NULL ? gloss_codebook_lookup (codebook, s->tag) : NULL;
      g_autofree char *line = NULL;

      if (offset < s->start || offset >= s->end)
        continue;
      /* Translators: a tooltip line: "Suggested: Quote (rule zh-quote-colon, 93 %)" */
      line = g_markup_printf_escaped (_("Suggested: %s (rule %s, %d %%)"),
                                      tag != NULL ? gloss_tag_get_label (tag) : s->tag, s->rule,
                                      (int) (s->confidence * 100 + 0.5));
      if (out == NULL)
        out = g_string_new (line);
      else
        g_string_append_printf (out, "\n%s", line);
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/**
 * gloss_suggestion_layer_get_actions:
 *
 * Returns: (transfer none): "next", "previous", "accept", "reject",
 *   "accept-tag" and "toggle", to insert as the "suggest" group
 */
GActionGroup *
gloss_suggestion_layer_get_actions (GlossSuggestionLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

/**
 * gloss_suggestion_layer_add_shortcuts:
 *
 * The keys: n / p next and previous, Return or a accept, Delete or r reject,
 * Shift+A accept all of the current suggestion's tag, Ctrl+Shift+G show or
 * hide. They act on the "suggest" action group of the widget they reach.
 */
void
gloss_suggestion_layer_add_shortcuts (GtkShortcutController *controller)
{
  const struct { const char *trigger; const char *action; } keys[] = {
    { "n", "suggest.next" },
    { "p", "suggest.previous" },
    { "Return|a", "suggest.accept" },
    { "Delete|r", "suggest.reject" },
    { "<Shift>a", "suggest.accept-tag" },
    { "<Control><Shift>g", "suggest.toggle" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (controller,
                                         gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                           gtk_named_action_new (keys[i].action)));
}
