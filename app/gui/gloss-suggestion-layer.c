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
#include "gloss-annotation-set.h"
#include "gloss-article-view.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-json.h"
#include "gloss-sidecar.h"
#include "gloss-suggest-review.h"
#include "gloss-suggestion-layer.h"
#include "gloss-task.h"

struct _GlossSuggestionLayer
{
  GObject             parent_instance;
  GlossSidecar       *sidecar;
  GlossDocument      *document;
  GPtrArray          *all;       /* of GlossSuggestion, owned */
  GPtrArray          *pending;   /* borrowed from all, in text order */
  int                 current;   /* index into pending, -1 none */
  guint               from;      /* where n and p start when none is current: */
  guint               to;        /* the caret, or the text selected */
  gboolean            visible;
  gboolean            allowed;   /* the project shows suggestions on this article */
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

enum {
  WRAPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (GlossSuggestionLayer *self)
{
  gboolean any = self->visible && self->pending->len > 0;
  /* Return, Delete, a and r are the article view's keys too: they act on
   * a suggestion only while one is current (the user walked to it). */
  gboolean current = any && gloss_suggestion_layer_get_current (self) != NULL;
  const char *walk[] = { "next", "previous" };
  const char *decide[] = { "accept", "reject", "accept-tag", "clear" };

  for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), walk[i])), any);
  for (guint i = 0; i < G_N_ELEMENTS (decide); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), decide[i])), current);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "toggle")),
                               self->allowed);
}

/* Takes @pending: the suggestions still to review, after a change. */
static void
set_pending (GlossSuggestionLayer *self,
             GPtrArray            *pending,
             guint                 old_pending)
{
  GlossSuggestion *was = gloss_suggestion_layer_get_current (self);
  guint index;

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending = pending;
  /* The one under review stays so while it is pending (a passage tagged
   * before it moves it in the list); once decided, the next one takes its
   * place. */
  if (was != NULL && g_ptr_array_find (pending, was, &index))
    self->current = (int) index;
  if (self->current >= (int) self->pending->len)
    self->current = (int) self->pending->len - 1;
  if (self->current >= 0)
    {
      GlossSuggestion *s = self->pending->pdata[self->current];
      self->from = self->to = s->start;
    }
  if (self->pending->len != old_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  update_actions (self);
}

static void
refresh (GlossSuggestionLayer *self,
         guint                 old_pending)
{
  set_pending (self, gloss_suggest_pending (self->all, self->sidecar, gloss_document_get_text (self->document)),
               old_pending);
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
clear_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  gloss_suggestion_layer_set_current (data, -1);
}

static void
toggle_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  GlossSuggestionLayer *self = data;
  gloss_suggestion_layer_set_visible (self, !self->visible);
}

/* An accepted suggestion undone, a rejection undone: offered again. A
 * passage tagged by hand: only the suggestions where the change was are
 * looked at again, and when none of them changed, nothing is notified (the
 * list keeps its rows, the article does not redraw for it). */
static void
annotations_changed_cb (GlossSuggestionLayer *self)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (self->sidecar);
  GPtrArray *pending;
  guint start, end;

  if (!gloss_annotation_set_get_changed_range (set, &start, &end))
    {
      refresh (self, self->pending->len);
      return;
    }
  pending = gloss_suggest_pending_update (self->all, self->pending, self->sidecar, self->document, start, end);
  if (pending != NULL)
    set_pending (self, pending, self->pending->len);
}

static void
gloss_suggestion_layer_dispose (GObject *object)
{
  GlossSuggestionLayer *self = GLOSS_SUGGESTION_LAYER (object);

  if (self->sidecar != NULL)
    g_signal_handlers_disconnect_by_data (gloss_sidecar_get_annotations (self->sidecar), self);
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

  /**
   * GlossSuggestionLayer::wrapped:
   * @backward: TRUE when going back went from the first suggestion to the last
   *
   * Walking the suggestions went past the end of the article and came round
   * to its start again, or back past the start to its end: the window says
   * so, as a search that wraps does.
   */
  signals[WRAPPED] =
    g_signal_new ("wrapped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
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
    { "clear", clear_cb },
  };

  self->current = -1;
  self->visible = TRUE;
  self->allowed = TRUE;
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
}

/* What the worker thread computes: nothing of it touches the sidecar or
 * the document objects, only copies of the text and paths. */
typedef struct
{
  char      *text;
  char      *sha256;
  GFile     *article;
  GPtrArray *all;
  gboolean   visible;
} Computation;

static void
computation_free (Computation *c)
{
  g_free (c->text);
  g_free (c->sha256);
  g_clear_object (&c->article);
  g_clear_pointer (&c->all, g_ptr_array_unref);
  g_free (c);
}

/* Returns FALSE when @cancellable stopped it (another article was shown,
 * or the window closed): the rules stop between two families. */
static gboolean
compute (Computation   *c,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();

  c->visible = TRUE;
  if (c->article != NULL)
    {
      GlossSuggestSettings settings = { 0 };

      gloss_suggester_add_known_from_corpus (suggester, NULL, c->article, cancellable);
      /* An unreadable team codebook leaves the defaults; the window reports it. */
      gloss_suggest_settings_load (c->article, &settings, NULL);
      c->visible = gloss_suggest_shown_for (&settings, c->sha256);
      gloss_suggest_settings_clear (&settings);
    }
  /* Off for this article (the project, or its hidden share): the rules do
   * not even run, and the user cannot show them (the anchoring study). */
  c->all = c->visible ? gloss_suggester_run_cancellable (suggester, c->text, cancellable, error)
                      : g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_suggestion_free);
  return c->all != NULL;
}

static Computation *
computation_new (GlossDocument *document,
                 GFile         *article)
{
  Computation *c = g_new0 (Computation, 1);

  c->text = g_strdup (gloss_document_get_text (document));
  c->sha256 = g_strdup (gloss_document_get_sha256 (document));
  c->article = article != NULL ? g_object_ref (article) : NULL;
  return c;
}

static GlossSuggestionLayer *
layer_new (GlossSidecar  *sidecar,
           GlossDocument *document,
           Computation   *c)
{
  GlossSuggestionLayer *self = g_object_new (GLOSS_TYPE_SUGGESTION_LAYER, NULL);

  self->sidecar = g_object_ref (sidecar);
  self->document = g_object_ref (document);
  self->visible = c->visible;
  self->allowed = c->visible;
  self->all = g_steal_pointer (&c->all);
  g_signal_connect_object (gloss_sidecar_get_annotations (sidecar), "changed",
                           G_CALLBACK (annotations_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self, 0);
  return self;
}

/**
 * gloss_suggestion_layer_new:
 * @sidecar: the user's sidecar of the article (accepted suggestions go there)
 * @document: the article
 * @article: (nullable): the article's file: its folder's sidecars teach the
 *   suggester, its team codebook holds the project's settings
 *
 * Runs the rules in the calling thread; the window uses
 * gloss_suggestion_layer_new_async().
 *
 * Returns: (transfer full): the layer, visible unless the project switched
 *   suggestions off or hides them on this article
 */
GlossSuggestionLayer *
gloss_suggestion_layer_new (GlossSidecar  *sidecar,
                            GlossDocument *document,
                            GFile         *article)
{
  Computation *c;
  GlossSuggestionLayer *self;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  c = computation_new (document, article);
  compute (c, NULL, NULL);
  self = layer_new (sidecar, document, c);
  computation_free (c);
  return self;
}

static GMutex hold_mutex;
static GCond hold_cond;
static gboolean held;
static gint n_workers;

void
_gloss_suggestion_layer_hold_workers (gboolean hold)
{
  g_mutex_lock (&hold_mutex);
  held = hold;
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_mutex);
}

guint
_gloss_suggestion_layer_get_n_workers (void)
{
  return (guint) g_atomic_int_get (&n_workers);
}

static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  g_mutex_lock (&hold_mutex);
  while (held)
    g_cond_wait (&hold_cond, &hold_mutex);
  g_mutex_unlock (&hold_mutex);
  if (compute (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  g_atomic_int_dec_and_test (&n_workers);
}

/**
 * gloss_suggestion_layer_new_async:
 *
 * Like gloss_suggestion_layer_new(), with the rules, the folder's sidecars
 * and the project's settings read in a worker thread, so that the article
 * shows at once and its suggestions follow.
 */
void
gloss_suggestion_layer_new_async (GlossSidecar        *sidecar,
                                  GlossDocument       *document,
                                  GFile               *article,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_SIDECAR (sidecar));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_suggestion_layer_new_async);
  g_task_set_task_data (task, computation_new (document, article), (GDestroyNotify) computation_free);
  g_object_set_data_full (G_OBJECT (task), "sidecar", g_object_ref (sidecar), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "document", g_object_ref (document), g_object_unref);
  g_atomic_int_inc (&n_workers);
  gloss_task_run_in_thread (task, compute_thread);
}

/**
 * gloss_suggestion_layer_new_finish:
 *
 * Returns: (transfer full) (nullable): the layer, %NULL when cancelled
 */
GlossSuggestionLayer *
gloss_suggestion_layer_new_finish (GAsyncResult  *result,
                                   GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_get_source_tag (task) == gloss_suggestion_layer_new_async, NULL);

  if (!g_task_propagate_boolean (task, error))
    return NULL;
  return layer_new (g_object_get_data (G_OBJECT (task), "sidecar"),
                    g_object_get_data (G_OBJECT (task), "document"),
                    g_task_get_task_data (task));
}

/**
 * gloss_suggestion_layer_get_allowed:
 *
 * Returns: whether the project shows suggestions on this article at all
 */
gboolean
gloss_suggestion_layer_get_allowed (GlossSuggestionLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), FALSE);
  return self->allowed;
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

  visible = !!visible && self->allowed;
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
 * gloss_suggestion_layer_get_pending:
 *
 * Returns: (transfer none) (element-type GlossSuggestion): the suggestions
 *   not yet accepted or rejected, in text order
 */
GPtrArray *
gloss_suggestion_layer_get_pending (GlossSuggestionLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), NULL);
  return self->pending;
}

/**
 * gloss_suggestion_layer_set_current:
 * @index: an index into the pending suggestions, or -1 for none
 */
void
gloss_suggestion_layer_set_current (GlossSuggestionLayer *self,
                                    int                   index)
{
  g_return_if_fail (GLOSS_IS_SUGGESTION_LAYER (self));

  if (index < -1 || index >= (int) self->pending->len || index == self->current)
    return;
  self->current = index;
  if (index >= 0)
    self->from = self->to = ((GlossSuggestion *) self->pending->pdata[index])->start;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/**
 * gloss_suggestion_layer_set_position:
 * @from: the caret, or where the selected text starts
 * @to: the caret, or where the selected text ends
 *
 * Where the user is in the article: with no suggestion current (after
 * Escape, or a click elsewhere), or once the caret left the current one,
 * n goes to the first suggestion starting at or after @to and p to the
 * last one starting before @from.
 */
void
gloss_suggestion_layer_set_position (GlossSuggestionLayer *self,
                                     guint                 from,
                                     guint                 to)
{
  g_return_if_fail (GLOSS_IS_SUGGESTION_LAYER (self));

  self->from = MIN (from, to);
  self->to = MAX (from, to);
}

/* The first pending suggestion starting at or after @offset (pending->len
 * when none): they are in text order. */
static guint
first_from (GlossSuggestionLayer *self,
            guint                 offset)
{
  guint lo = 0, hi = self->pending->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((GlossSuggestion *) self->pending->pdata[mid])->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * gloss_suggestion_layer_next:
 * @backward: to the previous one
 *
 * Moves to the next (or previous) pending suggestion, around the end: from
 * the current one while the caret is still at it, otherwise from the caret
 * (gloss_suggestion_layer_set_position()).
 *
 * Returns: whether there is one
 */
gboolean
gloss_suggestion_layer_next (GlossSuggestionLayer *self,
                             gboolean              backward)
{
  GlossSuggestion *current;
  guint from, to;
  gboolean on_one, wrapped;
  int n, was;

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), FALSE);

  n = (int) self->pending->len;
  if (n == 0 || !self->visible)
    return FALSE;
  from = self->from;
  to = self->to;
  current = gloss_suggestion_layer_get_current (self);
  on_one = current != NULL && from == current->start && to == current->start;
  was = self->current;
  if (on_one)
    self->current = (self->current + (backward ? n - 1 : 1)) % n;
  else if (backward)
    self->current = ((int) first_from (self, from) + n - 1) % n;
  else
    self->current = (int) first_from (self, to) % n;
  current = self->pending->pdata[self->current];
  /* Past the last one to the first (or back past the first to the last). */
  if (on_one)
    wrapped = backward ? self->current >= was : self->current <= was;
  else
    wrapped = backward ? current->start >= from : current->start < to;
  self->from = self->to = current->start;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  if (wrapped)
    g_signal_emit (self, signals[WRAPPED], 0, backward);
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
  GlossAnnotationSet *set;

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), NULL);

  current = gloss_suggestion_layer_get_current (self);
  if (current == NULL || !self->visible)
    return NULL;
  /* A quote and its speaker: one undo step. */
  set = gloss_sidecar_get_annotations (self->sidecar);
  gloss_annotation_set_begin_group (set, _("Accept suggestion"));
  annotation = gloss_suggest_accept (self->sidecar, self->all, current);
  gloss_annotation_set_end_group (set);
  refresh (self, self->pending->len);
  return annotation;
}

typedef struct
{
  GlossSidecar *sidecar;
  JsonNode     *before;   /* the sidecar's "suggestions" member, or NULL */
  JsonNode     *after;
} Rejection;

static void
rejection_free (gpointer data)
{
  Rejection *r = data;

  g_object_unref (r->sidecar);
  g_clear_pointer (&r->before, json_node_unref);
  g_clear_pointer (&r->after, json_node_unref);
  g_free (r);
}

static void
rejection_apply (gpointer data,
                 gboolean undo)
{
  Rejection *r = data;
  JsonNode *state = undo ? r->before : r->after;
  g_autoptr(JsonNode) copy = state != NULL ? gloss_json_node_deep_copy (state) : NULL;

  /* Deep copies both ways: json_node_copy() shares the object, and the
   * next rejection changes the sidecar's in place. */
  gloss_sidecar_set_extension (r->sidecar, GLOSS_SUGGEST_SIDECAR_MEMBER, copy);
}

static JsonNode *
member_dup (GlossSidecar *sidecar)
{
  JsonNode *node = gloss_sidecar_get_extension (sidecar, GLOSS_SUGGEST_SIDECAR_MEMBER);

  return node != NULL ? gloss_json_node_deep_copy (node) : NULL;
}

void
gloss_suggestion_layer_reject_current (GlossSuggestionLayer *self)
{
  GlossSuggestion *current;
  Rejection *r;

  g_return_if_fail (GLOSS_IS_SUGGESTION_LAYER (self));

  current = gloss_suggestion_layer_get_current (self);
  if (current == NULL || !self->visible)
    return;
  /* Remembered in the sidecar, so saved with it: the set's history makes
   * it a change (modified, autosaved) that Undo takes back. */
  r = g_new0 (Rejection, 1);
  r->sidecar = g_object_ref (self->sidecar);
  r->before = member_dup (self->sidecar);
  gloss_suggest_reject (self->sidecar, current, gloss_document_get_text (self->document));
  r->after = member_dup (self->sidecar);
  gloss_annotation_set_record_other (gloss_sidecar_get_annotations (self->sidecar), _("Reject suggestion"),
                                     rejection_apply, r, rejection_free);
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
  GlossAnnotationSet *set;

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), 0);
  g_return_val_if_fail (tag != NULL, 0);

  if (!self->visible)
    return 0;
  for (guint i = 0; i < self->pending->len; i++)
    if (g_str_equal (((GlossSuggestion *) self->pending->pdata[i])->tag, tag))
      g_ptr_array_add (of_tag, self->pending->pdata[i]);
  set = gloss_sidecar_get_annotations (self->sidecar);
  gloss_annotation_set_begin_group (set, _("Accept all suggestions of a tag"));
  for (guint i = 0; i < of_tag->len; i++)
    gloss_suggest_accept (self->sidecar, self->all, of_tag->pdata[i]);
  gloss_annotation_set_end_group (set);
  refresh (self, self->pending->len);
  return of_tag->len;
}

typedef struct
{
  GtkSnapshot *snapshot;
  GdkRGBA      color;
  float        width;
} Outline;

#define DASH 5

static void
outline_fragment (const graphene_rect_t *piece,
                  gpointer               user_data)
{
  Outline *o = user_data;
  float w = o->width;
  float x0 = piece->origin.x - 1, y0 = piece->origin.y - 1;
  float x1 = piece->origin.x + piece->size.width + 1, y1 = piece->origin.y + piece->size.height + 1;

  /* GTK 4.8 has no dashed border node: the dashes are pieces of colour,
   * never the filled highlight of the user's own annotations. */
  for (float x = x0; x < x1; x += DASH * 1.6f)
    {
      float len = MIN (DASH, x1 - x);

      gtk_snapshot_append_color (o->snapshot, &o->color, &GRAPHENE_RECT_INIT (x, y0, len, w));
      gtk_snapshot_append_color (o->snapshot, &o->color, &GRAPHENE_RECT_INIT (x, y1 - w, len, w));
    }
  for (float y = y0; y < y1; y += DASH * 1.6f)
    {
      float len = MIN (DASH, y1 - y);

      gtk_snapshot_append_color (o->snapshot, &o->color, &GRAPHENE_RECT_INIT (x0, y, w, len));
      gtk_snapshot_append_color (o->snapshot, &o->color, &GRAPHENE_RECT_INIT (x1 - w, y, w, len));
    }
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
 * Draws the pending suggestions in [@from, @to) as faint dashed outlines in
 * their tag's colour, the current one opaque and thicker. Nothing when hidden.
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
      GlossSuggestion *speaker = gloss_suggestion_layer_get_speaker (self, s);

      if (speaker != NULL)
        {
          g_autofree char *name = gloss_document_get_slice (gloss_sidecar_get_document (self->sidecar),
                                                            speaker->start, speaker->end);

          /* Translators: a tooltip line: "Suggested: Quote by 黄燊 (rule zh-quote-colon, 93 %)" */
          line = g_markup_printf_escaped (_("Suggested: %s by %s (rule %s, %d %%)"),
                                          tag != NULL ? gloss_tag_get_label (tag) : s->tag, name, s->rule,
                                          (int) (s->confidence * 100 + 0.5));
        }
      else
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
 * gloss_suggestion_layer_get_speaker:
 * @quote: one of the layer's suggestions
 *
 * Returns: (transfer none) (nullable): the suggestion @quote's "speaker"
 *   names, pending or already decided
 */
GlossSuggestion *
gloss_suggestion_layer_get_speaker (GlossSuggestionLayer *self,
                                    GlossSuggestion      *quote)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_LAYER (self), NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  if (self->all == NULL)
    return NULL;
  return gloss_suggest_lookup (self->all, gloss_suggestion_get_attribute (quote, "speaker"));
}

/**
 * gloss_suggestion_layer_get_actions:
 *
 * Returns: (transfer none): "next", "previous", "accept", "reject",
 *   "accept-tag", "clear" and "toggle", to insert as the "suggest" group
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
 * Shift+A accept all of the current suggestion's tag, Escape leave it (the
 * keys are the article's again), F7 show or hide (as proofing
 * suggestions are in word processors; Ctrl+Shift+H is What Changed). They act on the "suggest" action group of the widget they reach.
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
    { "F7", "suggest.toggle" },
    { "Escape", "suggest.clear" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (controller,
                                         gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                           gtk_named_action_new (keys[i].action)));
}
