/* gloss-review-session.c: the layers of one article under review, how tags
 * are compared, and when the comparison must be made again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-review.h"
#include "gloss-review-session.h"
#include "gloss-sidecar.h"
#include "gloss-task.h"

#define ADJUDICATION_COLOR "#e5a50a"
#define OWN_COLOR          "#77767b"
#define REFRESH_DELAY_MS   250
/* A save is a burst of events (a temporary file renamed over the old one):
 * a broken file is read again once they settle. */
#define RETRY_DELAY_MS     200

struct _GlossReviewSession
{
  GObject        parent_instance;

  GFile         *article;
  GlossDocument *document;
  GListStore    *layers;
  GListStore    *shown;
  GHashTable    *tag_map;      /* from → to */
  GHashTable    *excluded;     /* "annotator\ttag" */
  GListStore    *broken;       /* GFile */
  GHashTable    *problems;     /* GFile → Broken */
  GCancellable  *cancellable;
  guint          n_loading;
  guint          rebuild_id;
};

G_DEFINE_FINAL_TYPE (GlossReviewSession, gloss_review_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  REBUILD,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GlossReviewSession *
gloss_review_session_new (void)
{
  return g_object_new (GLOSS_TYPE_REVIEW_SESSION, NULL);
}

static void
message (GlossReviewSession *self,
         const char         *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

static void
set_loading (GlossReviewSession *self,
             guint               n_loading)
{
  gboolean was = self->n_loading > 0;

  self->n_loading = n_loading;
  if (was != (n_loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  GlossReviewSession *self = user_data;

  self->rebuild_id = 0;
  g_signal_emit (self, signals[REBUILD], 0);
  return G_SOURCE_REMOVE;
}

void
gloss_review_session_queue_rebuild (GlossReviewSession *self,
                                    guint               delay_ms)
{
  g_return_if_fail (GLOSS_IS_REVIEW_SESSION (self));

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (delay_ms == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
  else
    self->rebuild_id = g_timeout_add (delay_ms, rebuild_cb, self);
}

void
gloss_review_session_rebuild (GlossReviewSession *self)
{
  g_return_if_fail (GLOSS_IS_REVIEW_SESSION (self));

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_signal_emit (self, signals[REBUILD], 0);
}

GlossLayer *
gloss_review_session_get_own (GlossReviewSession *self)
{
  g_autoptr(GlossLayer) layer = NULL;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->layers)) == 0)
    return NULL;
  layer = g_list_model_get_item (G_LIST_MODEL (self->layers), 0);
  if (gloss_layer_get_role (layer) != GLOSS_LAYER_ROLE_OWN)
    return NULL;
  return layer;  /* the store keeps it alive */
}

void
gloss_review_session_layer_changed (GlossReviewSession *self,
                                    GlossLayer         *layer)
{
  guint position;

  /* The store may hold the only reference. */
  g_autoptr(GlossLayer) keep = g_object_ref (layer);

  g_return_if_fail (GLOSS_IS_REVIEW_SESSION (self));

  if (g_list_store_find (self->layers, keep, &position))
    g_list_store_splice (self->layers, position, 1, (gpointer *)&keep, 1);
}

static void
update_shown (GlossReviewSession *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->layers));

  for (guint i = 0; i < n; i++)
    {
      GlossLayer *layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);

      if (gloss_layer_is_drawn (layer))
        g_ptr_array_add (shown, layer);
      else
        g_object_unref (layer);
    }

  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                       shown->pdata, shown->len);
}

static void
layer_visible_cb (GlossLayer         *layer,
                  GParamSpec         *pspec,
                  GlossReviewSession *self)
{
  update_shown (self);
  if (gloss_layer_get_role (layer) != GLOSS_LAYER_ROLE_ADJUDICATION)
    gloss_review_session_rebuild (self);
}

static void
own_changed_cb (GlossReviewSession *self)
{
  GlossLayer *own = gloss_review_session_get_own (self);

  if (own != NULL && gloss_layer_get_visible (own))
    gloss_review_session_queue_rebuild (self, REFRESH_DELAY_MS);
  else if (own != NULL)
    gloss_review_session_layer_changed (self, own);
}

/* Colleagues take the palette and the stripe styles in the order they are
 * listed, so that two or three layers get the most distinct looks: in the
 * article their stripes are in the tags' colours, told apart by style. */
static void
recolor (GlossReviewSession *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->layers));
  guint k = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      gboolean changed;

      if (gloss_layer_get_role (layer) != GLOSS_LAYER_ROLE_OTHER)
        continue;
      changed = gloss_layer_get_style (layer) != gloss_layer_style_for_index (k);
      gloss_layer_set_style (layer, gloss_layer_style_for_index (k));
      if (gloss_layer_set_color (layer, gloss_layer_palette (k++)) || changed)
        gloss_review_session_layer_changed (self, layer);
    }
}

/**
 * gloss_review_session_add_layer:
 * @self: a #GlossReviewSession
 * @sidecar: an annotator's sidecar
 * @role: whose it is
 * @visible: whether it is shown and compared
 *
 * Returns: (transfer none): the new layer, in its place: the own one first,
 *   colleagues by annotator id, the adjudicated one last
 */
GlossLayer *
gloss_review_session_add_layer (GlossReviewSession *self,
                                GlossSidecar       *sidecar,
                                GlossLayerRole      role,
                                gboolean            visible)
{
  const char *color;
  g_autoptr(GlossLayer) layer = NULL;
  guint position;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), NULL);

  position = g_list_model_get_n_items (G_LIST_MODEL (self->layers));
  if (role == GLOSS_LAYER_ROLE_ADJUDICATION)
    color = ADJUDICATION_COLOR;
  else if (role == GLOSS_LAYER_ROLE_OWN)
    color = OWN_COLOR;
  else
    color = gloss_layer_palette (0);

  layer = gloss_layer_new_for_sidecar (sidecar, role, color);
  gloss_layer_set_visible (layer, visible);
  g_signal_connect_object (layer, "notify::visible", G_CALLBACK (layer_visible_cb), self, 0);
  if (role == GLOSS_LAYER_ROLE_OWN)
    g_signal_connect_object (gloss_sidecar_get_annotations (sidecar), "changed",
                             G_CALLBACK (own_changed_cb), self, G_CONNECT_SWAPPED);

  if (role == GLOSS_LAYER_ROLE_OWN)
    position = 0;
  else if (role == GLOSS_LAYER_ROLE_OTHER)
    for (guint i = 0; i < position; i++)
      {
        g_autoptr(GlossLayer) other = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
        GlossLayerRole other_role = gloss_layer_get_role (other);

        if (other_role == GLOSS_LAYER_ROLE_ADJUDICATION ||
            (other_role == GLOSS_LAYER_ROLE_OTHER &&
             g_strcmp0 (gloss_sidecar_get_annotator_id (gloss_layer_get_sidecar (other)),
                        gloss_sidecar_get_annotator_id (sidecar)) > 0))
          {
            position = i;
            break;
          }
      }
  g_list_store_insert (self->layers, position, layer);
  recolor (self);
  update_shown (self);
  return layer;  /* the store keeps it */
}

static void
forget_layer (GlossReviewSession *self,
              GlossLayer         *layer)
{
  g_signal_handlers_disconnect_by_data (layer, self);
  if (gloss_layer_get_role (layer) == GLOSS_LAYER_ROLE_OWN)
    g_signal_handlers_disconnect_by_data (gloss_sidecar_get_annotations (gloss_layer_get_sidecar (layer)), self);
}

void
gloss_review_session_remove_layer (GlossReviewSession *self,
                                   GlossLayer         *layer)
{
  guint position;

  g_return_if_fail (GLOSS_IS_REVIEW_SESSION (self));

  if (!g_list_store_find (self->layers, layer, &position))
    return;
  forget_layer (self, layer);
  g_list_store_remove (self->layers, position);
  recolor (self);
  update_shown (self);
}

static void
clear_layers (GlossReviewSession *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->layers));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);

      forget_layer (self, layer);
    }
  g_list_store_remove_all (self->layers);
  g_list_store_remove_all (self->shown);
}

static gboolean
has_file (GlossReviewSession *self,
          GFile              *file)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->layers));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      GFile *other = gloss_sidecar_get_file (gloss_layer_get_sidecar (layer));

      if (other != NULL && g_file_equal (other, file))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GlossReviewSession *self;
  GFile              *file;
  gboolean            by_hand;
  gboolean            retry;
} Load;

/* A colleague's file that could not be read: listed with its whole error
 * and watched until it reads or is gone. */
typedef struct
{
  GlossReviewSession *self;       /* unowned: the session owns this */
  GFile              *file;
  char               *problem;
  GFileMonitor       *monitor;
  guint               retry_id;
} Broken;

static void load_file (GlossReviewSession *self,
                       GFile              *file,
                       gboolean            by_hand,
                       gboolean            retry);

static void
broken_free (Broken *broken)
{
  g_clear_handle_id (&broken->retry_id, g_source_remove);
  if (broken->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (broken->monitor, broken);
      g_file_monitor_cancel (broken->monitor);
      g_object_unref (broken->monitor);
    }
  g_object_unref (broken->file);
  g_free (broken->problem);
  g_free (broken);
}

static gboolean
retry_cb (gpointer user_data)
{
  Broken *broken = user_data;

  broken->retry_id = 0;
  load_file (broken->self, broken->file, FALSE, FALSE);
  return G_SOURCE_REMOVE;
}

static void
broken_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   Broken            *broken)
{
  g_clear_handle_id (&broken->retry_id, g_source_remove);
  broken->retry_id = g_timeout_add (RETRY_DELAY_MS, retry_cb, broken);
}

static void
set_broken (GlossReviewSession *self,
            GFile              *file,
            const char         *problem)
{
  Broken *broken = g_hash_table_lookup (self->problems, file);
  guint position;

  if (broken == NULL)
    {
      broken = g_new0 (Broken, 1);
      broken->self = self;
      broken->file = g_object_ref (file);
      broken->problem = g_strdup (problem);
      /* A fix made in an editor is picked up without asking. */
      broken->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
      if (broken->monitor != NULL)
        g_signal_connect (broken->monitor, "changed", G_CALLBACK (broken_changed_cb), broken);
      g_hash_table_insert (self->problems, broken->file, broken);
      g_list_store_append (self->broken, broken->file);
      return;
    }

  if (g_strcmp0 (broken->problem, problem) == 0)
    return;
  g_free (broken->problem);
  broken->problem = g_strdup (problem);
  /* Re-inserted, so that the row shows the new error. */
  if (g_list_store_find (self->broken, broken->file, &position))
    g_list_store_splice (self->broken, position, 1, (gpointer *)&broken->file, 1);
}

static void
forget_broken (GlossReviewSession *self,
               GFile              *file)
{
  Broken *broken = g_hash_table_lookup (self->problems, file);
  guint position;

  if (broken == NULL)
    return;
  if (g_list_store_find (self->broken, broken->file, &position))
    g_list_store_remove (self->broken, position);
  g_hash_table_remove (self->problems, file);
}

static void
clear_broken (GlossReviewSession *self)
{
  g_list_store_remove_all (self->broken);
  g_hash_table_remove_all (self->problems);
}

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_object_unref (load->file);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  GlossReviewSession *self = load->self;
  GFile *file = load->file;
  gboolean by_hand = load->by_hand;
  gboolean retry = load->retry;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;

  sidecar = gloss_sidecar_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (sidecar == NULL && !by_hand && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* Gone: nothing left to fix. */
      forget_broken (self, file);
    }
  else if (sidecar == NULL)
    {
      /* Listed with the whole error, not a toast that vanishes. */
      set_broken (self, file, error->message);
      if (retry)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("“%s” still cannot be read"), name);

          message (self, text);
        }
    }
  else if (has_file (self, file))
    {
      forget_broken (self, file);
      if (by_hand)
        message (self, _("That file is already listed"));
    }
  else
    {
      forget_broken (self, file);
      guint moved, fuzzy, orphaned;
      GlossLayer *layer;

      gloss_sidecar_set_file (sidecar, file);
      /* Re-anchors it when it was made for another version of the text. */
      gloss_sidecar_attach_document (sidecar, self->document);
      /* A saved adjudication is not one more annotator: off until asked for. */
      layer = gloss_review_session_add_layer (self, sidecar, GLOSS_LAYER_ROLE_OTHER,
                                              by_hand || !gloss_review_sidecar_is_adjudicated (sidecar));

      gloss_layer_count_anchors (layer, &moved, &fuzzy, &orphaned);
      if (by_hand && moved + fuzzy + orphaned > 0)
        {
          g_autofree char *text =
            g_strdup_printf (_("%s’s annotations were made for another version of the text: "
                               "%u moved, %u fuzzy, %u orphaned"),
                             gloss_sidecar_get_annotator_label (sidecar), moved, fuzzy, orphaned);

          message (self, text);
        }
    }

  set_loading (self, self->n_loading - 1);
  if (self->n_loading == 0)
    gloss_review_session_rebuild (self);
}

static void
load_file (GlossReviewSession *self,
           GFile              *file,
           gboolean            by_hand,
           gboolean            retry)
{
  Load *load = g_new0 (Load, 1);

  load->self = g_object_ref (self);
  load->file = g_object_ref (file);
  load->by_hand = by_hand;
  load->retry = retry;
  set_loading (self, self->n_loading + 1);
  gloss_sidecar_load_async (file, self->cancellable, loaded_cb, load);
}

void
gloss_review_session_add_file (GlossReviewSession *self,
                               GFile              *file)
{
  g_return_if_fail (GLOSS_IS_REVIEW_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;
  load_file (self, file, TRUE, FALSE);
}

GListModel *
gloss_review_session_get_broken (GlossReviewSession *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  return G_LIST_MODEL (self->broken);
}

const char *
gloss_review_session_get_problem (GlossReviewSession *self,
                                  GFile              *file)
{
  Broken *broken;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  broken = g_hash_table_lookup (self->problems, file);
  return broken != NULL ? broken->problem : NULL;
}

void
gloss_review_session_retry_file (GlossReviewSession *self,
                                 GFile              *file)
{
  Broken *broken;

  g_return_if_fail (GLOSS_IS_REVIEW_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  broken = g_hash_table_lookup (self->problems, file);
  if (broken == NULL)
    return;
  g_clear_handle_id (&broken->retry_id, g_source_remove);
  load_file (self, broken->file, FALSE, TRUE);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *files = gloss_sidecar_list_for_article (task_data, &error);

  if (files == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, files, (GDestroyNotify)g_ptr_array_unref);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossReviewSession *self = GLOSS_REVIEW_SESSION (object);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  GlossLayer *own;
  GFile *own_file = NULL;

  files = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  own = gloss_review_session_get_own (self);
  if (own != NULL)
    own_file = gloss_sidecar_get_file (gloss_layer_get_sidecar (own));

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);

      /* The user's own file is the window's, already in. */
      if (own_file != NULL && g_file_equal (file, own_file))
        continue;
      load_file (self, file, FALSE, FALSE);
    }

  set_loading (self, self->n_loading - 1);
  if (self->n_loading == 0)
    gloss_review_session_rebuild (self);
}

gboolean
gloss_review_session_set_own (GlossReviewSession *self,
                              GFile              *article,
                              GlossDocument      *document,
                              GlossSidecar       *own)
{
  GlossLayer *old;
  gboolean same_article;
  gboolean compared;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (article), FALSE);
  g_return_val_if_fail (GLOSS_IS_SIDECAR (own), FALSE);

  same_article = self->article != NULL && g_file_equal (self->article, article) && self->document == document;
  old = gloss_review_session_get_own (self);
  /* An empty own layer would make every colleague's annotation a
   * disagreement: compared only once the user has annotated. */
  compared = gloss_annotation_set_get_size (gloss_sidecar_get_annotations (own)) > 0;

  if (same_article && old != NULL)
    {
      if (gloss_layer_get_sidecar (old) == own)
        return FALSE;
      compared = gloss_layer_get_visible (old) || compared;
      forget_layer (self, old);
      g_list_store_remove (self->layers, 0);
    }
  else
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      set_loading (self, 0);
      clear_layers (self);
      clear_broken (self);
      g_hash_table_remove_all (self->tag_map);
      g_hash_table_remove_all (self->excluded);
      g_set_object (&self->article, article);
      g_set_object (&self->document, document);
    }

  gloss_review_session_add_layer (self, own, GLOSS_LAYER_ROLE_OWN, compared);

  if (!same_article)
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, listed_cb, NULL);

      g_task_set_source_tag (task, gloss_review_session_set_own);
      g_task_set_task_data (task, g_object_ref (article), g_object_unref);
      set_loading (self, 1);
      gloss_task_run_in_thread (task, list_thread);
    }

  return !same_article;
}

GFile *
gloss_review_session_get_article (GlossReviewSession *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  return self->article;
}

GlossDocument *
gloss_review_session_get_document (GlossReviewSession *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  return self->document;
}

GListModel *
gloss_review_session_get_layers (GlossReviewSession *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  return G_LIST_MODEL (self->layers);
}

GListModel *
gloss_review_session_get_shown (GlossReviewSession *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  return G_LIST_MODEL (self->shown);
}

gboolean
gloss_review_session_get_loading (GlossReviewSession *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), FALSE);
  return self->n_loading > 0;
}

GPtrArray *
gloss_review_session_get_compared (GlossReviewSession *self)
{
  GPtrArray *sidecars = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), sidecars);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->layers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);

      if (gloss_layer_get_visible (layer) && gloss_layer_get_role (layer) != GLOSS_LAYER_ROLE_ADJUDICATION)
        g_ptr_array_add (sidecars, gloss_layer_get_sidecar (layer));
    }
  return sidecars;
}

void
gloss_review_session_map_tag (GlossReviewSession *self,
                              const char         *from,
                              const char         *to)
{
  g_return_if_fail (GLOSS_IS_REVIEW_SESSION (self));
  g_return_if_fail (from != NULL);

  if (to == NULL)
    g_hash_table_remove (self->tag_map, from);
  else
    g_hash_table_replace (self->tag_map, g_strdup (from), g_strdup (to));
}

GHashTable *
gloss_review_session_get_tag_map (GlossReviewSession *self)
{
  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  return self->tag_map;
}

void
gloss_review_session_set_excluded (GlossReviewSession *self,
                                   const char         *annotator,
                                   const char         *tag,
                                   gboolean            excluded)
{
  g_autofree char *key = NULL;

  g_return_if_fail (GLOSS_IS_REVIEW_SESSION (self));
  g_return_if_fail (annotator != NULL && tag != NULL);

  key = g_strdup_printf ("%s\t%s", annotator, tag);
  if (excluded)
    g_hash_table_add (self->excluded, g_steal_pointer (&key));
  else
    g_hash_table_remove (self->excluded, key);
}

gboolean
gloss_review_session_is_excluded (GlossReviewSession *self,
                                  const char         *annotator,
                                  const char         *tag)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), FALSE);

  key = g_strdup_printf ("%s\t%s", annotator, tag);
  return g_hash_table_contains (self->excluded, key);
}

GlossCodebook *
gloss_review_session_get_own_codebook (GlossReviewSession *self)
{
  GlossLayer *own;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);

  own = gloss_review_session_get_own (self);
  return own != NULL ? gloss_sidecar_get_codebook (gloss_layer_get_sidecar (own)) : NULL;
}

const char *
gloss_review_session_get_mapped_tag (GlossReviewSession *self,
                                     const char         *tag_id)
{
  const char *to;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), tag_id);

  to = tag_id != NULL ? g_hash_table_lookup (self->tag_map, tag_id) : NULL;
  return to != NULL ? to : tag_id;
}

const char *
gloss_review_session_get_tag_label (GlossReviewSession *self,
                                    GlossSidecar       *sidecar,
                                    const char         *tag_id)
{
  GlossCodebook *codebook;
  GlossTag *tag;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), tag_id);

  codebook = gloss_review_session_get_own_codebook (self);
  tag = codebook != NULL ? gloss_codebook_lookup (codebook, tag_id) : NULL;
  if (tag == NULL && sidecar != NULL && gloss_sidecar_get_codebook (sidecar) != NULL)
    tag = gloss_codebook_lookup (gloss_sidecar_get_codebook (sidecar), tag_id);
  return tag != NULL ? gloss_tag_get_label (tag) : tag_id;
}

gboolean
gloss_review_session_codes_tag (GlossReviewSession *self,
                                GlossSidecar       *sidecar,
                                const char         *tag)
{
  GlossAnnotationSet *set;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), FALSE);

  set = gloss_sidecar_get_annotations (sidecar);
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);

      if (gloss_annotation_get_anchor_status (annotation) != GLOSS_ANCHOR_ORPHANED &&
          g_strcmp0 (gloss_review_session_get_mapped_tag (self, gloss_annotation_get_tag (annotation)), tag) == 0)
        return TRUE;
    }
  return FALSE;
}

GlossReview *
gloss_review_session_new_review (GlossReviewSession *self,
                                 GPtrArray          *sidecars,
                                 GlossSidecar       *adjudication)
{
  GlossReview *review;
  GHashTableIter iter;
  gpointer from, to;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (sidecars != NULL, NULL);

  review = gloss_review_new ();
  for (guint i = 0; i < sidecars->len; i++)
    gloss_review_add_layer (review, g_ptr_array_index (sidecars, i));
  g_hash_table_iter_init (&iter, self->tag_map);
  while (g_hash_table_iter_next (&iter, &from, &to))
    gloss_review_map_tag (review, from, to);
  gloss_review_refresh (review);
  if (adjudication != NULL)
    {
      GlossLayer *own = gloss_review_session_get_own (self);

      /* Rejections come back from the layer's own record of them. */
      gloss_review_resume_adjudication (review, adjudication,
                                        own ? gloss_sidecar_get_annotator_id (gloss_layer_get_sidecar (own)) : NULL);
    }
  return review;
}

GlossAgreement *
gloss_review_session_new_agreement (GlossReviewSession *self,
                                    GPtrArray          *sidecars,
                                    GError            **error)
{
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GHashTable) compared = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer from, to;

  g_return_val_if_fail (GLOSS_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (sidecars != NULL, NULL);

  agreement = gloss_agreement_new (self->document ? gloss_document_get_length (self->document) : 0);
  for (guint i = 0; i < sidecars->len; i++)
    gloss_agreement_add_sidecar (agreement, g_ptr_array_index (sidecars, i));
  g_hash_table_iter_init (&iter, self->tag_map);
  while (g_hash_table_iter_next (&iter, &from, &to))
    gloss_agreement_map_tag (agreement, from, to);

  /* Exclusions name compared tags: the ones any layer uses, mapped. */
  for (guint j = 0; j < sidecars->len; j++)
    {
      GlossAnnotationSet *set = gloss_sidecar_get_annotations (g_ptr_array_index (sidecars, j));

      for (guint k = 0; k < gloss_annotation_set_get_size (set); k++)
        g_hash_table_add (compared, (gpointer)gloss_review_session_get_mapped_tag (self, gloss_annotation_get_tag (gloss_annotation_set_get_nth (set, k))));
    }
  for (guint i = 0; i < sidecars->len; i++)
    {
      const char *annotator = gloss_sidecar_get_annotator_id (g_ptr_array_index (sidecars, i));

      g_hash_table_iter_init (&iter, compared);
      while (g_hash_table_iter_next (&iter, &from, NULL))
        if (gloss_review_session_is_excluded (self, annotator, from))
          gloss_agreement_exclude_tag (agreement, i, from);
    }

  if (!gloss_agreement_compute (agreement, error))
    return NULL;
  return g_steal_pointer (&agreement);
}

static void
gloss_review_session_dispose (GObject *object)
{
  GlossReviewSession *self = GLOSS_REVIEW_SESSION (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->layers != NULL)
    clear_layers (self);
  if (self->broken != NULL)
    clear_broken (self);

  G_OBJECT_CLASS (gloss_review_session_parent_class)->dispose (object);
}

static void
gloss_review_session_finalize (GObject *object)
{
  GlossReviewSession *self = GLOSS_REVIEW_SESSION (object);

  g_clear_object (&self->article);
  g_clear_object (&self->document);
  g_clear_object (&self->layers);
  g_clear_object (&self->shown);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->tag_map, g_hash_table_unref);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_object (&self->broken);
  g_clear_pointer (&self->problems, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_review_session_parent_class)->finalize (object);
}

static void
gloss_review_session_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossReviewSession *self = GLOSS_REVIEW_SESSION (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loading > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_review_session_class_init (GlossReviewSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_review_session_dispose;
  object_class->finalize = gloss_review_session_finalize;
  object_class->get_property = gloss_review_session_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossReviewSession::rebuild:
   *
   * The compared layers, their contents or the tag mapping changed: compare
   * them again (gloss_review_session_get_compared()).
   */
  signals[REBUILD] =
    g_signal_new ("rebuild", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GlossReviewSession::message:
   * @text: what happened, translated
   */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gloss_review_session_init (GlossReviewSession *self)
{
  self->layers = g_list_store_new (GLOSS_TYPE_LAYER);
  self->shown = g_list_store_new (GLOSS_TYPE_LAYER);
  self->tag_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->broken = g_list_store_new (G_TYPE_FILE);
  self->problems = g_hash_table_new_full (g_file_hash, (GEqualFunc)g_file_equal, NULL, (GDestroyNotify)broken_free);
}
