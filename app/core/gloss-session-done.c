/* gloss-session-done.c: the open article marked done, or not, in the
 * user's sidecar
 *
 * The flag lives in the user's sidecar ("status": "done", read by the
 * library). While the article is open, that sidecar is the session's: the
 * flag changes there, as one undoable change that the next save writes.
 * Written to the file behind the session's back (as the Library did), it
 * made the window report the file changed on disk, offering to reload it
 * over unsaved annotations or to keep them and lose the flag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-set.h"
#include "gloss-json.h"
#include "gloss-library.h"
#include "gloss-session.h"
#include "gloss-sidecar.h"

typedef struct
{
  GlossSidecar *sidecar;
  JsonNode     *before;   /* the "status" member, or NULL */
  JsonNode     *after;
} Status;

static void
status_free (gpointer data)
{
  Status *s = data;

  g_object_unref (s->sidecar);
  g_clear_pointer (&s->before, json_node_unref);
  g_clear_pointer (&s->after, json_node_unref);
  g_free (s);
}

static void
status_apply (gpointer data,
              gboolean undo)
{
  Status *s = data;
  JsonNode *state = undo ? s->before : s->after;
  g_autoptr(JsonNode) copy = state != NULL ? gloss_json_node_deep_copy (state) : NULL;

  gloss_sidecar_set_extension (s->sidecar, GLOSS_LIBRARY_STATUS_MEMBER, copy);
}

/**
 * gloss_session_get_done:
 * @self: a #GlossSession
 *
 * Returns: whether the user's sidecar says the article is done
 */
gboolean
gloss_session_get_done (GlossSession *self)
{
  GlossSidecar *sidecar;
  JsonNode *status;

  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);

  sidecar = gloss_session_get_sidecar (self);
  status = sidecar != NULL ? gloss_sidecar_get_extension (sidecar, GLOSS_LIBRARY_STATUS_MEMBER) : NULL;
  return status != NULL && JSON_NODE_HOLDS_VALUE (status) &&
         g_strcmp0 (json_node_get_string (status), "done") == 0;
}

/**
 * gloss_session_set_done:
 * @self: a #GlossSession
 * @done: done, or not done
 *
 * Marks the article done (or not) in the user's sidecar: an undoable
 * change, saved as any other.
 *
 * Returns: %FALSE when there is no sidecar to mark (nothing open)
 */
gboolean
gloss_session_set_done (GlossSession *self,
                        gboolean      done)
{
  GlossSidecar *sidecar;
  JsonNode *current;
  Status *s;

  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);

  sidecar = gloss_session_get_sidecar (self);
  if (sidecar == NULL)
    return FALSE;
  if (gloss_session_get_done (self) == !!done)
    return TRUE;
  s = g_new0 (Status, 1);
  s->sidecar = g_object_ref (sidecar);
  current = gloss_sidecar_get_extension (sidecar, GLOSS_LIBRARY_STATUS_MEMBER);
  s->before = current != NULL ? gloss_json_node_deep_copy (current) : NULL;
  if (done)
    {
      s->after = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (s->after, "done");
    }
  status_apply (s, FALSE);
  gloss_annotation_set_record_other (gloss_sidecar_get_annotations (sidecar),
                                     done ? _("Mark article done") : _("Mark article not done"),
                                     status_apply, s, status_free);
  return TRUE;
}
