/* gloss-version-view.c: two versions of an article side by side, and the annotations to review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After a changed article is re-anchored, nothing beyond *exact* and *moved*
 * is accepted silently: the fuzzy, cut and orphaned annotations are queued
 * here one by one (Alt+Down, Alt+Up), each shown in the old text where it was
 * made and in the new text where it is now, with the deletions and insertions
 * between the two versions marked.  The researcher confirms the place
 * (Alt+Return), puts the annotation on the text selected in the new version
 * (Alt+S), or deletes it (Alt+Delete); each is one undoable edit of the set.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-diff.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-version-view.h"

typedef struct
{
  GlossAnnotation *annotation;
  guint            old_start;
  guint            old_end;
} Item;

struct _GlossVersionView
{
  GtkWidget           parent_instance;

  GlossDocument      *previous;
  GlossDocument      *document;
  GlossAnnotationSet *set;
  GArray             *queue;      /* of Item, annotations referenced */
  guint               position;

  GtkTextView        *new_view;
  GtkLabel           *new_label;
  GtkTextView        *old_view;
  GtkLabel           *old_label;
  GtkLabel           *position_label;
  GtkLabel           *status_label;
};

G_DEFINE_FINAL_TYPE (GlossVersionView, gloss_version_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->annotation);
}

static Item *
current (GlossVersionView *self)
{
  if (self->queue == NULL || self->position >= self->queue->len)
    return NULL;
  return &g_array_index (self->queue, Item, self->position);
}

static void
select_range (GtkTextView *view,
              const char  *tag,
              guint        start,
              guint        end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  gtk_text_buffer_remove_tag_by_name (buffer, tag, &a, &b);
  if (start > end)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
  gtk_text_view_scroll_to_iter (view, &a, 0.1, FALSE, 0, 0);
}

static void
update_actions (GlossVersionView *self)
{
  Item *item = current (self);
  gboolean placed = item != NULL && gloss_annotation_get_anchor_status (item->annotation) != GLOSS_ANCHOR_ORPHANED;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->new_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.previous", item != NULL && self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.next", item != NULL && self->position + 1 < self->queue->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.confirm", placed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.delete", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.adjust",
                                 item != NULL && gtk_text_buffer_get_has_selection (buffer));
}

static void
show_current (GlossVersionView *self)
{
  Item *item = current (self);
  g_autofree char *position = NULL;

  if (item == NULL)
    {
      gtk_label_set_label (self->position_label, "");
      gtk_label_set_label (self->status_label, _("Nothing to review: every annotation is where it was."));
      select_range (self->old_view, "current", 1, 0);
      select_range (self->new_view, "current", 1, 0);
      update_actions (self);
      return;
    }

  /* TRANSLATORS: the annotation under review and how many there are, "2 of 7" */
  position = g_strdup_printf (_("%u of %u"), self->position + 1, self->queue->len);
  gtk_label_set_label (self->position_label, position);

  switch (gloss_annotation_get_anchor_status (item->annotation))
    {
    case GLOSS_ANCHOR_FUZZY:
      gtk_label_set_label (self->status_label, _("Partly edited: check what the annotation covers now."));
      break;
    case GLOSS_ANCHOR_CUT:
      gtk_label_set_label (self->status_label, _("Less than half of the passage is left."));
      break;
    case GLOSS_ANCHOR_ORPHANED:
      gtk_label_set_label (self->status_label, _("The passage is gone: select where it belongs, or delete the annotation."));
      break;
    default:
      gtk_label_set_label (self->status_label, _("Confirmed."));
      break;
    }

  select_range (self->old_view, "current", item->old_start, item->old_end);
  if (gloss_annotation_get_anchor_status (item->annotation) == GLOSS_ANCHOR_ORPHANED)
    select_range (self->new_view, "current", 1, 0);
  else
    select_range (self->new_view, "current", gloss_annotation_get_start (item->annotation),
                  gloss_annotation_get_end (item->annotation));
  update_actions (self);
}

static void
set_position (GlossVersionView *self,
              guint             position)
{
  if (self->position == position)
    {
      show_current (self);
      return;
    }
  self->position = position;
  show_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* Reviewed: out of the queue. */
static void
drop_current (GlossVersionView *self)
{
  g_array_remove_index (self->queue, self->position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (self->position >= self->queue->len && self->position > 0)
    set_position (self, self->position - 1);
  else
    show_current (self);
}

static void
next_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);

  if (self->queue != NULL && self->position + 1 < self->queue->len)
    set_position (self, self->position + 1);
}

static void
previous_cb (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);

  if (self->position > 0)
    set_position (self, self->position - 1);
}

static void
confirm_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);
  Item *item = current (self);

  if (item == NULL || gloss_annotation_get_anchor_status (item->annotation) == GLOSS_ANCHOR_ORPHANED)
    return;
  /* A move onto its own place takes the text and context there and marks it exact. */
  gloss_annotation_set_move (self->set, item->annotation, gloss_annotation_get_start (item->annotation),
                             gloss_annotation_get_end (item->annotation));
  drop_current (self);
}

static void
adjust_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->new_view);
  Item *item = current (self);
  GtkTextIter a, b;

  if (item == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return;
  gloss_annotation_set_move (self->set, item->annotation, gtk_text_iter_get_offset (&a), gtk_text_iter_get_offset (&b));
  drop_current (self);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);
  Item *item = current (self);

  if (item == NULL)
    return;
  gloss_annotation_set_remove (self->set, item->annotation);
  drop_current (self);
}

static void
selection_changed_cb (GlossVersionView *self)
{
  update_actions (self);
}

static void
mark_changes (GlossVersionView *self)
{
  GtkTextBuffer *old_buffer = gtk_text_view_get_buffer (self->old_view);
  GtkTextBuffer *new_buffer = gtk_text_view_get_buffer (self->new_view);
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  g_autoptr(GArray) blocks = NULL;
  guint n = gloss_document_get_length (self->previous), m = gloss_document_get_length (self->document);
  guint old_at = 0, new_at = 0;

  a = g_utf8_to_ucs4_fast (gloss_document_get_text (self->previous), -1, NULL);
  b = g_utf8_to_ucs4_fast (gloss_document_get_text (self->document), -1, NULL);
  blocks = gloss_diff_code_points (a, n, b, m);
  gloss_diff_cleanup (blocks, n, m);

  for (guint i = 0; i <= blocks->len; i++)
    {
      GlossDiffBlock end = { n, m, 0 };
      const GlossDiffBlock *block = i < blocks->len ? &g_array_index (blocks, GlossDiffBlock, i) : &end;
      GtkTextIter x, y;

      if (block->old_start > old_at)
        {
          gtk_text_buffer_get_iter_at_offset (old_buffer, &x, old_at);
          gtk_text_buffer_get_iter_at_offset (old_buffer, &y, block->old_start);
          gtk_text_buffer_apply_tag_by_name (old_buffer, "deleted", &x, &y);
        }
      if (block->new_start > new_at)
        {
          gtk_text_buffer_get_iter_at_offset (new_buffer, &x, new_at);
          gtk_text_buffer_get_iter_at_offset (new_buffer, &y, block->new_start);
          gtk_text_buffer_apply_tag_by_name (new_buffer, "inserted", &x, &y);
        }
      old_at = block->old_start + block->length;
      new_at = block->new_start + block->length;
    }
}

static char *
version_title (const char    *which,
               GlossDocument *document)
{
  const char *retrieved = gloss_document_get_retrieved (document);

  if (retrieved != NULL)
    /* TRANSLATORS: "Old version, retrieved 2026-12-01T10:00:00Z" */
    return g_strdup_printf (_("%s, retrieved %s"), which, retrieved);
  return g_strdup (which);
}

static void
show_versions (GlossVersionView   *self,
               GlossDocument      *previous,
               GlossDocument      *document,
               GlossAnnotationSet *set,
               GArray             *before)
{
  g_autofree char *old_title = NULL;
  g_autofree char *new_title = NULL;

  g_set_object (&self->previous, previous);
  g_set_object (&self->document, document);
  g_set_object (&self->set, set);

  g_clear_pointer (&self->queue, g_array_unref);
  self->queue = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (self->queue, item_clear);
  for (guint i = 0; i < before->len; i++)
    {
      Item *item = &g_array_index (before, Item, i);
      GlossAnchorStatus status = gloss_annotation_get_anchor_status (item->annotation);

      if (status == GLOSS_ANCHOR_FUZZY || status == GLOSS_ANCHOR_CUT || status == GLOSS_ANCHOR_ORPHANED)
        {
          Item queued = { g_object_ref (item->annotation), item->old_start, item->old_end };

          g_array_append_val (self->queue, queued);
        }
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->old_view), gloss_document_get_text (previous), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->new_view), gloss_document_get_text (document), -1);
  mark_changes (self);
  old_title = version_title (_("Old version"), previous);
  new_title = version_title (_("New version"), document);
  gtk_label_set_label (self->old_label, old_title);
  gtk_label_set_label (self->new_label, new_title);

  self->position = 0;
  show_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Where each annotation was, to show it in the old text. */
static GArray *
capture (GlossAnnotationSet *set)
{
  guint n = gloss_annotation_set_get_size (set);
  GArray *before = g_array_sized_new (FALSE, FALSE, sizeof (Item), n);

  g_array_set_clear_func (before, item_clear);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (set, i);
      Item item = { g_object_ref (a), gloss_annotation_get_start (a), gloss_annotation_get_end (a) };

      g_array_append_val (before, item);
    }
  return before;
}

/**
 * gloss_version_view_reanchor:
 * @self: a #GlossVersionView
 * @previous: the text @set was made on
 * @document: the article now
 * @set: its annotations
 *
 * Re-anchors @set through the diff of the two texts
 * (gloss_anchor_set_from_version()), shows both versions with what changed,
 * and queues the fuzzy, cut and orphaned annotations for review.
 */
void
gloss_version_view_reanchor (GlossVersionView   *self,
                             GlossDocument      *previous,
                             GlossDocument      *document,
                             GlossAnnotationSet *set)
{
  g_autoptr(GArray) before = NULL;

  g_return_if_fail (GLOSS_IS_VERSION_VIEW (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (previous));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (set));

  before = capture (set);
  gloss_anchor_set_from_version (previous, document, set, NULL);
  gloss_annotation_set_set_document (set, document);
  show_versions (self, previous, document, set, before);
}

/**
 * gloss_version_view_attach:
 * @self: a #GlossVersionView
 * @sidecar: a sidecar not attached to a document yet
 * @previous: the text it was coded on (a kept version)
 * @document: the article now
 *
 * gloss_sidecar_attach_version() — what opening the article does — and the
 * review of its result; for the window to call instead of
 * gloss_sidecar_attach_document() when a kept version differs.
 */
void
gloss_version_view_attach (GlossVersionView *self,
                           GlossSidecar     *sidecar,
                           GlossDocument    *previous,
                           GlossDocument    *document)
{
  g_autoptr(GArray) before = NULL;
  GlossAnnotationSet *set;

  g_return_if_fail (GLOSS_IS_VERSION_VIEW (self));
  g_return_if_fail (GLOSS_IS_SIDECAR (sidecar));
  g_return_if_fail (GLOSS_IS_DOCUMENT (previous));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  set = gloss_sidecar_get_annotations (sidecar);
  before = capture (set);
  gloss_sidecar_attach_version (sidecar, document, previous, NULL);
  show_versions (self, previous, document, set, before);
}

guint
gloss_version_view_get_n_items (GlossVersionView *self)
{
  g_return_val_if_fail (GLOSS_IS_VERSION_VIEW (self), 0);
  return self->queue ? self->queue->len : 0;
}

guint
gloss_version_view_get_position (GlossVersionView *self)
{
  g_return_val_if_fail (GLOSS_IS_VERSION_VIEW (self), 0);
  return self->position;
}

/**
 * gloss_version_view_get_current:
 * @self: a #GlossVersionView
 *
 * Returns: (transfer none) (nullable): the annotation under review
 */
GlossAnnotation *
gloss_version_view_get_current (GlossVersionView *self)
{
  Item *item;

  g_return_val_if_fail (GLOSS_IS_VERSION_VIEW (self), NULL);
  item = current (self);
  return item ? item->annotation : NULL;
}

GtkWidget *
gloss_version_view_new (void)
{
  return g_object_new (GLOSS_TYPE_VERSION_VIEW, NULL);
}

static void
gloss_version_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_POSITION: g_value_set_uint (value, self->position); break;
    case PROP_N_ITEMS: g_value_set_uint (value, gloss_version_view_get_n_items (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_version_view_dispose (GObject *object)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_VERSION_VIEW);
  /* Children without an id are not the template's to clear in GTK 4.8. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->queue, g_array_unref);
  g_clear_object (&self->set);
  g_clear_object (&self->previous);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_version_view_parent_class)->dispose (object);
}

static void
gloss_version_view_class_init (GlossVersionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = gloss_version_view_get_property;
  object_class->dispose = gloss_version_view_dispose;

  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-version-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, new_label);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, new_view);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, old_label);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, old_view);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, position_label);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, status_label);

  gtk_widget_class_install_action (widget_class, "version.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "version.previous", NULL, previous_cb);
  gtk_widget_class_install_action (widget_class, "version.confirm", NULL, confirm_cb);
  gtk_widget_class_install_action (widget_class, "version.adjust", NULL, adjust_cb);
  gtk_widget_class_install_action (widget_class, "version.delete", NULL, delete_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "version.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "version.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "version.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_ALT_MASK, "version.adjust", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_ALT_MASK, "version.delete", NULL);
  gtk_widget_class_set_css_name (widget_class, "versionview");
}

static void
gloss_version_view_init (GlossVersionView *self)
{
  GtkTextBuffer *old_buffer, *new_buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  old_buffer = gtk_text_view_get_buffer (self->old_view);
  new_buffer = gtk_text_view_get_buffer (self->new_view);
  gtk_text_buffer_create_tag (old_buffer, "deleted", "strikethrough", TRUE, "foreground", "#c01c28", NULL);
  gtk_text_buffer_create_tag (new_buffer, "inserted", "underline", PANGO_UNDERLINE_SINGLE, "foreground", "#26a269", NULL);
  gtk_text_buffer_create_tag (old_buffer, "current", "background", "#f6d32d", NULL);
  gtk_text_buffer_create_tag (new_buffer, "current", "background", "#f6d32d", NULL);
  g_signal_connect_object (new_buffer, "notify::has-selection", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
