/* gloss-codebook-editor.c: add, rename, recolour, re-key, describe and delete tags
 *
 * Tags keep their id for life: annotations store the id, so a rename changes
 * only the label and every annotation follows. Deleting a tag that annotations
 * use asks whether to re-tag them or keep them (they then show as an unknown
 * tag); nothing is orphaned without the coder deciding so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-set.h"
#include "gloss-annotation.h"
#include "gloss-attribute-row.h"
#include "gloss-codebook-editor.h"
#include "gloss-menu-button.h"
#include "gloss-codebook.h"
#include "gloss-file.h"
#include "gloss-json.h"
#include "gloss-task.h"

struct _GlossCodebookEditor
{
  AdwWindow             parent_instance;

  GlossCodebook        *codebook;
  GlossAnnotationSet   *annotations;
  GtkFileChooserNative *chooser;
  GBinding             *name_binding;
  GBinding             *version_binding;
  gboolean              updating;

  GtkListBox           *attribute_list;
  AdwPreferencesGroup  *attributes_group;
  GtkColorButton       *color_button;
  AdwPreferencesGroup  *delete_group;
  AdwEntryRow          *description_row;
  AdwActionRow         *id_row;
  GtkLabel             *key_error;
  AdwEntryRow          *key_row;
  AdwEntryRow          *label_row;
  GtkMenuButton        *menu_button;
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *tag_group;
  GtkListBox           *tag_list;
  AdwToastOverlay      *toast_overlay;
  AdwEntryRow          *version_row;
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (GlossCodebookEditor, gloss_codebook_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CODEBOOK,
  PROP_ANNOTATIONS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* GNOME's palette, light enough for black text on a highlight. */
static const char * const palette[] = {
  "#f6d32d", "#62a0ea", "#8ff0a4", "#ffa348", "#dc8add",
  "#93ddc2", "#f66151", "#cdab8f", "#99c1f1", "#c0bfbc",
};

static void update_tag_page       (GlossCodebookEditor *self);
static void rebuild_attributes    (GlossCodebookEditor *self);

static void
emit_changed (GlossCodebookEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_toast (GlossCodebookEditor *self,
            const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* Tag list */

static void
swatch_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GlossTag *tag = user_data;
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, gloss_tag_get_color (tag)))
    gdk_rgba_parse (&rgba, "#c0bfbc");

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static GtkWidget *
create_tag_row (gpointer item,
                gpointer user_data)
{
  GlossTag *tag = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *key = gtk_label_new (NULL);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw, g_object_ref (tag), g_object_unref);
  g_signal_connect_object (tag, "notify::color", G_CALLBACK (gtk_widget_queue_draw), swatch, G_CONNECT_SWAPPED);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_bind_property (tag, "label", label, "label", G_BINDING_SYNC_CREATE);

  gtk_widget_add_css_class (key, "dim-label");
  gtk_widget_add_css_class (key, "numeric");
  g_object_bind_property (tag, "key", key, "label", G_BINDING_SYNC_CREATE);

  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), key);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* The row reads as its tag's label to a screen reader. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "gloss-tag", g_object_ref (tag), g_object_unref);

  return row;
}

GlossTag *
gloss_codebook_editor_get_selected_tag (GlossCodebookEditor *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self), NULL);

  row = gtk_list_box_get_selected_row (self->tag_list);
  return row ? g_object_get_data (G_OBJECT (row), "gloss-tag") : NULL;
}

void
gloss_codebook_editor_select_tag (GlossCodebookEditor *self,
                                  GlossTag            *tag)
{
  GtkListBoxRow *row;

  g_return_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self));

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->tag_list, i)); i++)
    if (g_object_get_data (G_OBJECT (row), "gloss-tag") == (gpointer)tag)
      {
        gtk_list_box_select_row (self->tag_list, row);
        return;
      }

  gtk_list_box_unselect_all (self->tag_list);
}

static void
tag_list_row_selected_cb (GlossCodebookEditor *self)
{
  update_tag_page (self);
}

static void
codebook_items_changed_cb (GlossCodebookEditor *self)
{
  /* Browse mode keeps one row selected: after a removal, select a neighbour. */
  if (gtk_list_box_get_selected_row (self->tag_list) == NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->tag_list, 0);

      if (first != NULL)
        gtk_list_box_select_row (self->tag_list, first);
    }
  update_tag_page (self);
}

/* The selected tag's page */

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint)(CLAMP (rgba->red, 0., 1.) * 255 + .5),
                          (guint)(CLAMP (rgba->green, 0., 1.) * 255 + .5),
                          (guint)(CLAMP (rgba->blue, 0., 1.) * 255 + .5));
}

static void
set_key_error (GlossCodebookEditor *self,
               const char          *message)
{
  gtk_label_set_label (self->key_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->key_error), message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->key_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->key_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->key_row), "error");
}

static void
update_tag_page (GlossCodebookEditor *self)
{
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);
  gboolean has_tag = tag != NULL;
  GdkRGBA rgba;

  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_group), has_tag);
  gtk_widget_set_sensitive (GTK_WIDGET (self->attributes_group), has_tag);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_group), has_tag);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-tag", has_tag);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-attribute", has_tag);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), has_tag ? gloss_tag_get_label (tag) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), has_tag && gloss_tag_get_key (tag) ? gloss_tag_get_key (tag) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         has_tag && gloss_tag_get_description (tag) ? gloss_tag_get_description (tag) : "");
  adw_action_row_set_subtitle (self->id_row, has_tag ? gloss_tag_get_id (tag) : "");
  if (!has_tag || !gdk_rgba_parse (&rgba, gloss_tag_get_color (tag)))
    gdk_rgba_parse (&rgba, "#c0bfbc");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  set_key_error (self, NULL);
  self->updating = FALSE;

  rebuild_attributes (self);
}

static void
label_row_changed_cb (GlossCodebookEditor *self)
{
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->label_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* An empty label would leave the tag unnamed in every list: keep the old one. */
  if (self->updating || tag == NULL || stripped[0] == '\0' ||
      g_str_equal (stripped, gloss_tag_get_label (tag)))
    return;

  gloss_tag_set_label (tag, stripped);
  emit_changed (self);
}

static void
description_row_changed_cb (GlossCodebookEditor *self)
{
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

  if (self->updating || tag == NULL || g_strcmp0 (text, gloss_tag_get_description (tag)) == 0)
    return;

  gloss_tag_set_description (tag, text[0] ? text : NULL);
  emit_changed (self);
}

/* Returns whether the key row holds a key the selected tag may take. */
static gboolean
key_row_check (GlossCodebookEditor *self)
{
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  GlossTag *other;

  if (text[0] != '\0' && g_utf8_strlen (text, -1) != 1)
    {
      set_key_error (self, _("A shortcut key is one character, like “1” or “q”."));
      return FALSE;
    }

  other = text[0] ? gloss_codebook_lookup_key (self->codebook, text) : NULL;
  if (other != NULL && other != tag)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the label of another tag */
      message = g_strdup_printf (_("“%s” already uses this key."), gloss_tag_get_label (other));
      set_key_error (self, message);
      return FALSE;
    }

  set_key_error (self, NULL);
  return TRUE;
}

static void
key_row_changed_cb (GlossCodebookEditor *self)
{
  if (!self->updating)
    key_row_check (self);
}

/* Applied on Enter, not per keystroke: retyping a key passes through "no key". */
static void
key_row_apply_cb (GlossCodebookEditor *self)
{
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_row));

  if (tag == NULL || !key_row_check (self))
    return;

  if (g_strcmp0 (gloss_tag_get_key (tag), text[0] ? text : NULL) == 0)
    return;

  gloss_tag_set_key (tag, text[0] ? text : NULL);
  emit_changed (self);
}

static void
color_button_color_set_cb (GlossCodebookEditor *self)
{
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  if (self->updating || tag == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = rgba_to_hex (&rgba);
  if (g_strcmp0 (color, gloss_tag_get_color (tag)) == 0)
    return;

  gloss_tag_set_color (tag, color);
  emit_changed (self);
}

/* Attributes */

static void
attribute_changed_cb (GlossCodebookEditor *self)
{
  emit_changed (self);
}

static void
attribute_remove_cb (GlossAttributeRow   *row,
                     GlossCodebookEditor *self)
{
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);

  if (tag == NULL)
    return;

  /* Values already recorded stay in the annotations (unknown keys survive a
   * round trip), so removing a definition loses no coding. */
  g_ptr_array_remove (gloss_tag_get_attributes (tag), gloss_attribute_row_get_attribute (row));
  emit_changed (self);
  rebuild_attributes (self);
}

static void
rebuild_attributes (GlossCodebookEditor *self)
{
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);
  GtkWidget *child;
  GPtrArray *defs;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attribute_list))))
    gtk_list_box_remove (self->attribute_list, child);

  defs = tag ? gloss_tag_get_attributes (tag) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->attribute_list), defs != NULL && defs->len > 0);
  for (guint i = 0; defs != NULL && i < defs->len; i++)
    {
      GtkWidget *row = gloss_attribute_row_new (g_ptr_array_index (defs, i), self->codebook);

      g_signal_connect_object (row, "changed", G_CALLBACK (attribute_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "remove", G_CALLBACK (attribute_remove_cb), self, 0);
      gtk_list_box_append (self->attribute_list, row);
    }
}

static void
add_attribute_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GlossCodebookEditor *self = GLOSS_CODEBOOK_EDITOR (widget);
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);
  g_autofree char *id = NULL;
  GtkListBoxRow *row;

  if (tag == NULL)
    return;

  id = g_strdup ("attribute");
  for (guint n = 2; gloss_tag_lookup_attribute (tag, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("attribute-%u", n);
    }

  gloss_tag_add_attribute (tag, gloss_attribute_def_new (id, _("New Attribute"), GLOSS_ATTRIBUTE_TEXT));
  emit_changed (self);
  rebuild_attributes (self);

  row = gtk_list_box_get_row_at_index (self->attribute_list, gloss_tag_get_attributes (tag)->len - 1);
  if (row != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

/* Adding and deleting tags */

/**
 * gloss_codebook_editor_add_tag:
 * @self: a #GlossCodebookEditor
 *
 * Adds a tag with a fresh id, the next free number key and the next colour,
 * and selects it.
 *
 * Returns: (transfer none): the new tag
 */
GlossTag *
gloss_codebook_editor_add_tag (GlossCodebookEditor *self)
{
  g_autoptr(GlossTag) tag = NULL;
  g_autofree char *id = NULL;
  char key[2] = { 0, 0 };
  guint n_tags;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self), NULL);

  id = g_strdup ("tag");
  for (guint n = 2; gloss_codebook_lookup (self->codebook, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("tag-%u", n);
    }

  for (char c = '1'; c <= '9' && key[0] == 0; c++)
    {
      char candidate[2] = { c, 0 };

      if (gloss_codebook_lookup_key (self->codebook, candidate) == NULL)
        key[0] = c;
    }

  n_tags = gloss_codebook_get_n_tags (self->codebook);
  tag = gloss_tag_new (id, _("New Tag"), palette[n_tags % G_N_ELEMENTS (palette)], key[0] ? key : NULL);
  gloss_codebook_add_tag (self->codebook, tag);
  gloss_codebook_editor_select_tag (self, tag);
  emit_changed (self);

  return tag;
}

static void
add_tag_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossCodebookEditor *self = GLOSS_CODEBOOK_EDITOR (widget);

  gloss_codebook_editor_add_tag (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
}

/**
 * gloss_codebook_editor_count_uses:
 * @self: a #GlossCodebookEditor
 * @tag_id: a tag id
 *
 * Returns: how many annotations of the editor's annotation set use @tag_id
 */
guint
gloss_codebook_editor_count_uses (GlossCodebookEditor *self,
                                  const char          *tag_id)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self), 0);

  if (self->annotations == NULL)
    return 0;

  for (guint i = 0; i < gloss_annotation_set_get_size (self->annotations); i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (self->annotations, i);

      if (g_strcmp0 (gloss_annotation_get_tag (annotation), tag_id) == 0)
        n++;
    }

  return n;
}

/**
 * gloss_codebook_editor_delete_tag:
 * @self: a #GlossCodebookEditor
 * @tag: a tag of the codebook
 * @replacement_id: (nullable): the tag to give @tag's annotations, or %NULL to
 *   keep them as they are (they then show as an unknown tag)
 *
 * Removes @tag from the codebook, re-tagging its annotations in one undoable step.
 */
void
gloss_codebook_editor_delete_tag (GlossCodebookEditor *self,
                                  GlossTag            *tag,
                                  const char          *replacement_id)
{
  g_autoptr(GlossTag) hold = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self));
  g_return_if_fail (GLOSS_IS_TAG (tag));

  hold = g_object_ref (tag);
  id = g_strdup (gloss_tag_get_id (tag));

  if (replacement_id != NULL && self->annotations != NULL && !g_str_equal (replacement_id, id))
    {
      g_autoptr(GPtrArray) uses = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < gloss_annotation_set_get_size (self->annotations); i++)
        {
          GlossAnnotation *annotation = gloss_annotation_set_get_nth (self->annotations, i);

          if (g_strcmp0 (gloss_annotation_get_tag (annotation), id) == 0)
            g_ptr_array_add (uses, g_object_ref (annotation));
        }

      gloss_annotation_set_begin_group (self->annotations, _("Re-tag"));
      for (guint i = 0; i < uses->len; i++)
        gloss_annotation_set_retag (self->annotations, g_ptr_array_index (uses, i), replacement_id);
      gloss_annotation_set_end_group (self->annotations);
    }

  gloss_codebook_remove_tag (self->codebook, tag);
  emit_changed (self);
}

/* Undoing a deletion that changed no annotation: the tag goes back where it
 * was, unless its id was taken meanwhile. */
typedef struct
{
  GWeakRef  editor;
  GlossTag *tag;
  guint     position;
} DeletedTag;

static void
deleted_tag_free (gpointer data)
{
  DeletedTag *deleted = data;

  g_weak_ref_clear (&deleted->editor);
  g_object_unref (deleted->tag);
  g_free (deleted);
}

static void
deleted_tag_notify (gpointer  data,
                    GClosure *closure)
{
  deleted_tag_free (data);
}

static void
undo_delete_cb (AdwToast   *toast,
                DeletedTag *deleted)
{
  g_autoptr(GlossCodebookEditor) self = g_weak_ref_get (&deleted->editor);
  g_autofree char *message = NULL;

  if (self == NULL)
    return;

  if (gloss_codebook_lookup (self->codebook, gloss_tag_get_id (deleted->tag)) != NULL)
    {
      /* Translators: %s is a tag's id */
      message = g_strdup_printf (_("A tag with the id “%s” exists again: the deleted one stays deleted"),
                                 gloss_tag_get_id (deleted->tag));
      show_toast (self, message);
      return;
    }

  /* Its key may have gone to another tag meanwhile: no key then. */
  if (gloss_tag_get_key (deleted->tag) != NULL &&
      gloss_codebook_lookup_key (self->codebook, gloss_tag_get_key (deleted->tag)) != NULL)
    gloss_tag_set_key (deleted->tag, NULL);

  gloss_codebook_insert_tag (self->codebook, deleted->tag, deleted->position);
  gloss_codebook_editor_select_tag (self, deleted->tag);
  emit_changed (self);
}

static void
show_deleted_toast (GlossCodebookEditor *self,
                    GlossTag            *tag,
                    guint                position)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  DeletedTag *deleted = g_new0 (DeletedTag, 1);
  AdwToast *toast;

  /* Translators: %s is a tag's label */
  message = g_strdup_printf (_("Tag “%s” deleted"), gloss_tag_get_label (tag));
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));

  g_weak_ref_init (&deleted->editor, self);
  deleted->tag = g_object_ref (tag);
  deleted->position = position;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         deleted_tag_notify, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Deletes a tag whose annotations keep their tag id, with an Undo toast. */
static void
delete_keeping (GlossCodebookEditor *self,
                GlossTag            *tag)
{
  g_autoptr(GlossTag) hold = g_object_ref (tag);
  guint position = 0;

  for (guint i = 0; i < gloss_codebook_get_n_tags (self->codebook); i++)
    if (gloss_codebook_get_tag (self->codebook, i) == tag)
      position = i;

  gloss_codebook_editor_delete_tag (self, tag, NULL);
  show_deleted_toast (self, tag, position);
}

typedef struct
{
  GlossCodebookEditor *self;
  GlossTag            *tag;
  GtkDropDown         *replacement;
  GPtrArray           *candidates;
} DeleteRequest;

static void
delete_request_free (DeleteRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->tag);
  g_ptr_array_unref (request->candidates);
  g_free (request);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteRequest    *request)
{
  if (g_str_equal (response, "retag"))
    {
      guint selected = gtk_drop_down_get_selected (request->replacement);

      if (selected < request->candidates->len)
        gloss_codebook_editor_delete_tag (request->self, request->tag,
                                          gloss_tag_get_id (g_ptr_array_index (request->candidates, selected)));
    }
  else if (g_str_equal (response, "keep"))
    delete_keeping (request->self, request->tag);
}

/**
 * gloss_codebook_editor_request_delete:
 * @self: a #GlossCodebookEditor
 * @tag: a tag of the codebook
 *
 * Deletes @tag at once when no annotation uses it; otherwise asks whether to
 * re-tag its annotations, keep them, or cancel.
 *
 * Returns: %TRUE when a dialog asks, %FALSE when the tag was deleted
 */
gboolean
gloss_codebook_editor_request_delete (GlossCodebookEditor *self,
                                      GlossTag            *tag)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  DeleteRequest *request;
  AdwMessageDialog *dialog;
  GtkWidget *box, *label, *dropdown;
  guint uses;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_TAG (tag), FALSE);

  uses = gloss_codebook_editor_count_uses (self, gloss_tag_get_id (tag));
  if (uses == 0)
    {
      delete_keeping (self, tag);
      return FALSE;
    }

  request = g_new0 (DeleteRequest, 1);
  request->self = g_object_ref (self);
  request->tag = g_object_ref (tag);
  request->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < gloss_codebook_get_n_tags (self->codebook); i++)
    {
      GlossTag *other = gloss_codebook_get_tag (self->codebook, i);

      if (other == tag)
        continue;
      g_ptr_array_add (request->candidates, g_object_ref (other));
      gtk_string_list_append (labels, gloss_tag_get_label (other));
    }

  /* Translators: %s is a tag's label */
  heading = g_strdup_printf (_("Delete “%s”?"), gloss_tag_get_label (tag));
  body = g_strdup_printf (ngettext ("%u annotation uses this tag. Re-tag it, or keep it with a tag the codebook no longer knows.",
                                    "%u annotations use this tag. Re-tag them, or keep them with a tag the codebook no longer knows.",
                                    uses),
                          uses);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "keep", _("_Keep Annotations"),
                                    "retag", _("_Re-tag and Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "retag", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "retag", request->candidates->len > 0);
  adw_message_dialog_set_default_response (dialog, request->candidates->len > 0 ? "retag" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  label = gtk_label_new_with_mnemonic (_("Re-tag _as"));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Re-tag as"), -1);
  gtk_widget_set_sensitive (dropdown, request->candidates->len > 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  adw_message_dialog_set_extra_child (dialog, box);
  request->replacement = GTK_DROP_DOWN (dropdown);

  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb),
                         request, (GClosureNotify)(void (*) (void))delete_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
delete_tag_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossCodebookEditor *self = GLOSS_CODEBOOK_EDITOR (widget);
  GlossTag *tag = gloss_codebook_editor_get_selected_tag (self);

  if (tag != NULL)
    gloss_codebook_editor_request_delete (self, tag);
}

/* Import and export */

/* Reading and writing codebook files happens in a thread; the codebook
 * itself is only touched here, on the main thread. */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GlossCodebook *codebook = gloss_codebook_load_file (task_data, &error);

  if (codebook == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, codebook, g_object_unref);
}

/* Replaces the codebook's name, version and tags with those of @imported, in
 * place, so that everything showing the codebook follows. */
static void
take_codebook (GlossCodebookEditor *self,
               GlossCodebook       *imported)
{
  guint unknown = 0;

  while (gloss_codebook_get_n_tags (self->codebook) > 0)
    gloss_codebook_remove_tag (self->codebook, gloss_codebook_get_tag (self->codebook, 0));
  for (guint i = 0; i < gloss_codebook_get_n_tags (imported); i++)
    gloss_codebook_add_tag (self->codebook, gloss_codebook_get_tag (imported, i));
  gloss_codebook_set_name (self->codebook, gloss_codebook_get_name (imported));
  gloss_codebook_set_version (self->codebook, gloss_codebook_get_version (imported));

  for (guint i = 0; self->annotations && i < gloss_annotation_set_get_size (self->annotations); i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (self->annotations, i);

      if (gloss_codebook_lookup (self->codebook, gloss_annotation_get_tag (annotation)) == NULL)
        unknown++;
    }

  if (unknown > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (ngettext ("%u annotation has a tag this codebook lacks",
                                           "%u annotations have tags this codebook lacks",
                                           unknown),
                                 unknown);
      show_toast (self, message);
    }

  emit_changed (self);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GlossCodebookEditor *self = g_task_get_source_object (task);
  g_autoptr(GlossCodebook) imported = NULL;
  GError *error = NULL;

  imported = g_task_propagate_pointer (G_TASK (result), &error);
  if (imported == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  take_codebook (self, imported);
  g_task_return_boolean (task, TRUE);
}

/**
 * gloss_codebook_editor_import_file_async:
 * @self: a #GlossCodebookEditor
 * @file: a codebook JSON file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the codebook is replaced, or could not be
 * @user_data: data for @callback
 *
 * Reads @file in a thread, then replaces the codebook's name, version and
 * tags with those of @file, in place, so that everything showing the
 * codebook follows.
 */
void
gloss_codebook_editor_import_file_async (GlossCodebookEditor *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread = NULL;

  g_return_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_codebook_editor_import_file_async);
  /* The thread's task holds no reference on the editor. */
  thread = g_task_new (NULL, cancellable, loaded_cb, g_steal_pointer (&task));
  g_task_set_task_data (thread, g_object_ref (file), g_object_unref);
  gloss_task_run_in_thread (thread, load_thread);
}

gboolean
gloss_codebook_editor_import_file_finish (GlossCodebookEditor  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GBytes *bytes = task_data;
  GError *error = NULL;

  /* A team's codebook is their data too: the old one survives a failed write. */
  if (gloss_file_replace (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gloss_codebook_editor_export_file_async:
 * @self: a #GlossCodebookEditor
 * @file: where to write the codebook
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the file is written, or could not be
 * @user_data: data for @callback
 *
 * Writes the codebook as it is now to @file, whole or not at all, in a thread.
 */
void
gloss_codebook_editor_export_file_async (GlossCodebookEditor *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  g_return_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  root = gloss_codebook_to_json (self->codebook);
  data = gloss_json_to_pretty (root, &length);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_codebook_editor_export_file_async);
  g_task_set_task_data (task, g_bytes_new_take (data, length), (GDestroyNotify)g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  gloss_task_run_in_thread (task, save_thread);
}

gboolean
gloss_codebook_editor_export_file_finish (GlossCodebookEditor  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
file_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossCodebookEditor *self = GLOSS_CODEBOOK_EDITOR (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saving = g_task_get_source_tag (G_TASK (result)) == gloss_codebook_editor_export_file_async;
  gboolean ok;

  if (saving)
    ok = gloss_codebook_editor_export_file_finish (self, result, &error);
  else
    ok = gloss_codebook_editor_import_file_finish (self, result, &error);

  if (!ok)
    show_toast (self, error->message);
  else if (saving)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Codebook exported to “%s”"), name);
      show_toast (self, message);
    }
}

static void
chooser_response_cb (GlossCodebookEditor  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (saving)
    gloss_codebook_editor_export_file_async (self, file, NULL, file_done_cb, g_object_ref (file));
  else
    gloss_codebook_editor_import_file_async (self, file, NULL, file_done_cb, g_object_ref (file));
}

static void
run_chooser (GlossCodebookEditor  *self,
             GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean saving = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (saving ? _("Export Codebook") : _("Import Codebook"),
                                               GTK_WINDOW (self), action,
                                               saving ? _("_Export") : _("_Import"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Codebooks"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (saving)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "gloss-codebook.json");

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  run_chooser (GLOSS_CODEBOOK_EDITOR (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  run_chooser (GLOSS_CODEBOOK_EDITOR (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

/* Object */

GlossCodebookEditor *
gloss_codebook_editor_new (GlossCodebook *codebook)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK (codebook), NULL);

  return g_object_new (GLOSS_TYPE_CODEBOOK_EDITOR, "codebook", codebook, NULL);
}

/**
 * gloss_codebook_editor_get_codebook:
 * @self: a #GlossCodebookEditor
 *
 * Returns: (transfer none): the codebook being edited
 */
GlossCodebook *
gloss_codebook_editor_get_codebook (GlossCodebookEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self), NULL);
  return self->codebook;
}

/**
 * gloss_codebook_editor_get_annotations:
 * @self: a #GlossCodebookEditor
 *
 * Returns: (transfer none) (nullable): the annotations whose tags deleting asks about
 */
GlossAnnotationSet *
gloss_codebook_editor_get_annotations (GlossCodebookEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self), NULL);
  return self->annotations;
}

/**
 * gloss_codebook_editor_set_annotations:
 * @self: a #GlossCodebookEditor
 * @annotations: (nullable): the annotations coded with the codebook
 *
 * Deleting a tag counts and re-tags the annotations of this set.
 */
void
gloss_codebook_editor_set_annotations (GlossCodebookEditor *self,
                                       GlossAnnotationSet  *annotations)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_EDITOR (self));
  g_return_if_fail (annotations == NULL || GLOSS_IS_ANNOTATION_SET (annotations));

  if (g_set_object (&self->annotations, annotations))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATIONS]);
}

static void
codebook_name_changed_cb (GlossCodebookEditor *self)
{
  adw_window_title_set_subtitle (self->window_title, gloss_codebook_get_name (self->codebook));
}

static void
gloss_codebook_editor_constructed (GObject *object)
{
  GlossCodebookEditor *self = (GlossCodebookEditor *)object;

  G_OBJECT_CLASS (gloss_codebook_editor_parent_class)->constructed (object);

  if (self->codebook == NULL)
    self->codebook = gloss_codebook_new_default ();

  gtk_list_box_bind_model (self->tag_list, G_LIST_MODEL (self->codebook), create_tag_row, NULL, NULL);
  g_signal_connect_object (self->codebook, "items-changed", G_CALLBACK (codebook_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->name_binding = g_object_bind_property (self->codebook, "name", self->name_row, "text",
                                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->version_binding = g_object_bind_property (self->codebook, "version", self->version_row, "text",
                                                  G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->codebook, "notify::name", G_CALLBACK (codebook_name_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->codebook, "notify::name", G_CALLBACK (emit_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->codebook, "notify::version", G_CALLBACK (emit_changed),
                           self, G_CONNECT_SWAPPED);
  codebook_name_changed_cb (self);

  codebook_items_changed_cb (self);
}

static void
gloss_codebook_editor_dispose (GObject *object)
{
  GlossCodebookEditor *self = (GlossCodebookEditor *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->name_binding, g_binding_unbind);
  g_clear_pointer (&self->version_binding, g_binding_unbind);
  if (self->tag_list != NULL)
    gtk_list_box_bind_model (self->tag_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CODEBOOK_EDITOR);

  g_clear_object (&self->annotations);
  g_clear_object (&self->codebook);

  G_OBJECT_CLASS (gloss_codebook_editor_parent_class)->dispose (object);
}

static void
gloss_codebook_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossCodebookEditor *self = GLOSS_CODEBOOK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CODEBOOK:
      g_value_set_object (value, self->codebook);
      break;

    case PROP_ANNOTATIONS:
      g_value_set_object (value, self->annotations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossCodebookEditor *self = GLOSS_CODEBOOK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CODEBOOK:
      self->codebook = g_value_dup_object (value);
      break;

    case PROP_ANNOTATIONS:
      gloss_codebook_editor_set_annotations (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_editor_class_init (GlossCodebookEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_codebook_editor_constructed;
  object_class->dispose = gloss_codebook_editor_dispose;
  object_class->get_property = gloss_codebook_editor_get_property;
  object_class->set_property = gloss_codebook_editor_set_property;

  properties[PROP_CODEBOOK] =
    g_param_spec_object ("codebook", NULL, NULL,
                         GLOSS_TYPE_CODEBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL,
                         GLOSS_TYPE_ANNOTATION_SET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossCodebookEditor::changed:
   *
   * The codebook was edited: whoever saves it (with the sidecar) should.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-codebook-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, attribute_list);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, attributes_group);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, key_error);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, key_row);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, label_row);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, tag_group);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, tag_list);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, version_row);
  gtk_widget_class_bind_template_child (widget_class, GlossCodebookEditor, window_title);
  gtk_widget_class_bind_template_callback (widget_class, color_button_color_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_list_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-tag", NULL, add_tag_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete-tag", NULL, delete_tag_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-attribute", NULL, add_attribute_activated);
  gtk_widget_class_install_action (widget_class, "editor.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "editor.add-tag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "editor.delete-tag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "editor.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_codebook_editor_init (GlossCodebookEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gloss_menu_button_quiet_tooltip (self->menu_button);
}
