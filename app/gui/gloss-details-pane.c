/* gloss-details-pane.c: tag, attributes and note of the selected annotation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-details-pane.h"
#include "gloss-speaker-chooser.h"

/*
 * Every edit goes through the annotation set's undoable API; the set merges
 * consecutive keystrokes in one note or attribute into one undo step.  The
 * pane listens to the set and refreshes, guarding against its own echo.
 */

struct _GlossDetailsPane
{
  GtkWidget           parent_instance;

  GtkListBox         *fields;
  GtkTextView        *note_view;
  GtkStack           *stack;
  GtkLabel           *status_label;
  AdwComboRow        *tag_row;
  GtkLabel           *text_label;

  GlossAnnotationSet *set;
  GlossCodebook      *codebook;
  GlossAnnotation    *annotation;
  GPtrArray          *attribute_rows;
  GHashTable         *editors;
  char               *built_for_tag;
  GtkWidget          *chooser;
  guint               rebuild_idle;
  guint               updating;
  gboolean            editable;
};

G_DEFINE_FINAL_TYPE (GlossDetailsPane, gloss_details_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOTATION,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  PICK_LINK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh (GlossDetailsPane *self, gboolean rebuild);

GtkWidget *
gloss_details_pane_new (void)
{
  return g_object_new (GLOSS_TYPE_DETAILS_PANE, NULL);
}

static char *
short_text (GlossAnnotation *annotation)
{
  const char *text = gloss_annotation_get_text (annotation);
  g_autofree char *cut = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= 50)
    return g_strdup (text);
  cut = g_utf8_substring (text, 0, 50);
  return g_strconcat (cut, "…", NULL);
}

static GlossTag *
current_tag (GlossDetailsPane *self)
{
  if (self->annotation == NULL || self->codebook == NULL)
    return NULL;
  return gloss_codebook_lookup (self->codebook, gloss_annotation_get_tag (self->annotation));
}

/* Editors */

/* The pane may show an annotation for one frame after it left the set
 * (the sidebar catches up after the article is drawn): no edits then. */
static gboolean
can_edit (GlossDetailsPane *self)
{
  return self->annotation != NULL && self->set != NULL && self->editable &&
         gloss_annotation_set_find_position (self->set, self->annotation, NULL);
}

static void
text_changed_cb (GtkEditable      *editable,
                 GlossDetailsPane *self)
{
  const char *id = g_object_get_data (G_OBJECT (editable), "attribute-id");

  if (self->updating || !can_edit (self))
    return;

  self->updating++;
  gloss_annotation_set_set_attribute (self->set, self->annotation, id, gtk_editable_get_text (editable));
  self->updating--;
}

/* Choice and link rows keep the stored values beside the shown strings;
 * position 0 is always "none". */
static void
combo_selected_cb (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   GlossDetailsPane *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "attribute-id");
  GPtrArray *values = g_object_get_data (G_OBJECT (row), "values");
  guint pos = adw_combo_row_get_selected (row);
  const char *value = NULL;

  if (self->updating || !can_edit (self))
    return;

  if (values == NULL)
    {
      GlossAnnotation *target = adw_combo_row_get_selected_item (row);

      if (target != NULL && pos > 0)
        value = gloss_annotation_get_id (target);
    }
  else if (pos != GTK_INVALID_LIST_POSITION && pos > 0 && pos < values->len)
    value = g_ptr_array_index (values, pos);

  self->updating++;
  gloss_annotation_set_set_attribute (self->set, self->annotation, id, value);
  self->updating--;
}

static void
pick_clicked_cb (GtkButton        *button,
                 GlossDetailsPane *self)
{
  g_signal_emit (self, signals[PICK_LINK], 0, g_object_get_data (G_OBJECT (button), "attribute-id"));
}

/* The people a link may point to: the candidates' mentions grouped by
 * name, each listed once (its first mention), with what its mentions say
 * about it.  Rebuilt when the set changed since. */
typedef struct
{
  char              **to;
  GlossAnnotation    *self;
  GlossAnnotationSet *set;
  guint64             serial;
  guint64             fingerprint;
  GHashTable         *people;   /* name → Person */
} Candidates;

typedef struct
{
  GlossAnnotation *first;
  guint            mentions;
  char            *title;
  char            *organization;
} Person;

static void
person_free (gpointer data)
{
  Person *p = data;

  g_free (p->title);
  g_free (p->organization);
  g_free (p);
}

static void
candidates_free (gpointer data)
{
  Candidates *c = data;

  g_strfreev (c->to);
  g_clear_object (&c->self);
  g_clear_object (&c->set);
  g_clear_pointer (&c->people, g_hash_table_unref);
  g_free (c);
}

static gboolean
is_candidate (Candidates      *c,
              GlossAnnotation *annotation)
{
  return annotation != c->self &&
         (c->to == NULL || c->to[0] == NULL ||
          g_strv_contains ((const char * const *)c->to, gloss_annotation_get_tag (annotation)));
}

/* What names a person: the mention's text (snapped, so trimmed). */
static const char *
person_key (GlossAnnotation *annotation)
{
  const char *text = gloss_annotation_get_text (annotation);

  return text ? text : "";
}

static void
fill_in (char       **field,
         const char  *value)
{
  if (*field == NULL && value != NULL && value[0] != '\0')
    *field = g_strdup (value);
}

static GHashTable *
candidates_people (Candidates *c)
{
  guint n;

  if (c->people != NULL && c->serial == gloss_annotation_set_get_serial (c->set))
    return c->people;

  g_clear_pointer (&c->people, g_hash_table_unref);
  c->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, person_free);
  c->serial = gloss_annotation_set_get_serial (c->set);
  n = gloss_annotation_set_get_size (c->set);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (c->set, i);
      char *key;
      Person *p;

      if (!is_candidate (c, a))
        continue;
      key = (char *) person_key (a);
      if ((p = g_hash_table_lookup (c->people, key)) == NULL)
        {
          p = g_new0 (Person, 1);
          p->first = a;
          g_hash_table_insert (c->people, g_strdup (key), p);
        }
      p->mentions++;
      fill_in (&p->title, gloss_annotation_get_attribute (a, "title"));
      fill_in (&p->title, gloss_annotation_get_attribute (a, "role"));
      fill_in (&p->organization, gloss_annotation_get_attribute (a, "organization"));
    }

  return c->people;
}

static Person *
candidates_person (Candidates      *c,
                   GlossAnnotation *annotation)
{
  return g_hash_table_lookup (candidates_people (c), person_key (annotation));
}

static gboolean
candidate_match (gpointer item,
                 gpointer user_data)
{
  Candidates *c = user_data;
  Person *p;

  if (!is_candidate (c, item))
    return FALSE;
  p = candidates_person (c, item);
  return p != NULL && p->first == item;
}

/* "谢铭俊 — 发言人, 外交部 · 3 mentions" */
static char *
candidate_label (GlossAnnotation *annotation,
                 Candidates      *c)
{
  g_autofree char *name = short_text (annotation);
  Person *p = annotation != NULL && gloss_annotation_get_tag (annotation)[0] != '\0' ? candidates_person (c, annotation) : NULL;
  GString *label;

  if (p == NULL)
    return g_steal_pointer (&name);

  label = g_string_new (name);
  if (p->title != NULL || p->organization != NULL)
    g_string_append_printf (label, " — %s%s%s", p->title ? p->title : "",
                            p->title && p->organization ? ", " : "",
                            p->organization ? p->organization : "");
  g_string_append (label, " · ");
  g_string_append_printf (label, g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", p->mentions),
                          p->mentions);
  return g_string_free (label, FALSE);
}

/* The candidate mentions in the set, in a cheap fingerprint: their number
 * and their addresses mixed. */
static guint64
candidates_fingerprint (Candidates *c)
{
  guint n = gloss_annotation_set_get_size (c->set);
  guint64 count = 0, mix = 0;

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (c->set, i);

      if (is_candidate (c, a))
        {
          count++;
          mix ^= GPOINTER_TO_SIZE (a) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
        }
    }
  return mix ^ (count << 48);
}

/* Who is listed changes when a mention is added or removed elsewhere, or
 * renamed; tagging a quote (no candidate) leaves the list as it is, and
 * costs no refiltering of thousands of annotations. */
static void
candidates_changed_cb (GtkFilter *filter,
                       guint      position,
                       guint      removed,
                       guint      added)
{
  Candidates *c = g_object_get_data (G_OBJECT (filter), "candidates");
  guint64 fingerprint = candidates_fingerprint (c);

  if (removed == added || fingerprint != c->fingerprint)
    {
      c->fingerprint = fingerprint;
      gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
    }
}

static void
model_changing_cb (GListModel       *model,
                   guint             position,
                   guint             removed,
                   guint             added,
                   GlossDetailsPane *self)
{
  self->updating++;
}

static void
model_changed_cb (GListModel       *model,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GlossDetailsPane *self)
{
  self->updating--;
}

static GtkWidget *
build_editor (GlossDetailsPane        *self,
              const GlossAttributeDef *def)
{
  const char *title = def->label ? def->label : def->id;
  GtkWidget *row;

  if (def->type == GLOSS_ATTRIBUTE_TEXT)
    {
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* Undo belongs to the annotation set, for every field alike. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      g_signal_connect (row, "changed", G_CALLBACK (text_changed_cb), self);
    }
  else
    {
      g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
      GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_string_list_append (strings, "—");
      g_ptr_array_add (values, NULL);

      if (def->type == GLOSS_ATTRIBUTE_CHOICE)
        {
          for (guint i = 0; def->choices && def->choices[i]; i++)
            {
              gtk_string_list_append (strings, def->choices[i]);
              g_ptr_array_add (values, g_strdup (def->choices[i]));
            }
        }
      else
        {
          g_autoptr(GListStore) head = g_list_store_new (GLOSS_TYPE_ANNOTATION);
          g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
          g_autoptr(GlossAnnotation) none = gloss_annotation_new ("", "", 0, 0);
          g_autoptr(GtkFilterListModel) candidates = NULL;
          GtkFlattenListModel *flat;
          GtkWidget *pick = gtk_button_new_from_icon_name ("find-location-symbolic");
          Candidates *data = g_new0 (Candidates, 1);

          /* A live, filtered view of the set: nothing is copied, so a long
           * article with thousands of speakers costs nothing up front. */
          GtkFilter *filter;

          data->to = g_strdupv (def->to);
          data->self = g_object_ref (self->annotation);
          data->set = g_object_ref (self->set);
          filter = GTK_FILTER (gtk_custom_filter_new (candidate_match, data, candidates_free));
          data->fingerprint = candidates_fingerprint (data);
          g_object_set_data (G_OBJECT (filter), "candidates", data);
          g_signal_connect_object (self->set, "items-changed", G_CALLBACK (candidates_changed_cb), filter,
                                   G_CONNECT_SWAPPED | G_CONNECT_AFTER);
          candidates = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->set)), filter);
          gloss_annotation_set_text (none, _("None"));
          g_list_store_append (head, none);
          g_list_store_append (parts, head);
          g_list_store_append (parts, candidates);
          flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));

          /* Moves of the selection caused by the list changing are not edits. */
          g_signal_connect (flat, "items-changed", G_CALLBACK (model_changing_cb), self);
          g_signal_connect_after (flat, "items-changed", G_CALLBACK (model_changed_cb), self);
          adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                        gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                     G_CALLBACK (candidate_label), data, NULL));
          g_object_set_data (G_OBJECT (row), "candidates", data);
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (flat));
          g_object_unref (flat);
          g_object_set_data (G_OBJECT (row), "link", GINT_TO_POINTER (TRUE));

          gtk_widget_set_valign (pick, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (pick, _("Pick in Article"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (pick),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick in Article"), -1);
          gtk_widget_add_css_class (pick, "flat");
          g_object_set_data_full (G_OBJECT (pick), "attribute-id", g_strdup (def->id), g_free);
          g_signal_connect (pick, "clicked", G_CALLBACK (pick_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), pick);
          g_object_set_data_full (G_OBJECT (row), "attribute-id", g_strdup (def->id), g_free);
          g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
          g_ptr_array_unref (values);
          return row;
        }

      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
      g_object_set_data_full (G_OBJECT (row), "values", values, (GDestroyNotify)g_ptr_array_unref);
      g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
    }

  g_object_set_data_full (G_OBJECT (row), "attribute-id", g_strdup (def->id), g_free);
  return row;
}

static void
clear_editors (GlossDetailsPane *self)
{
  for (guint i = 0; i < self->attribute_rows->len; i++)
    gtk_list_box_remove (self->fields, g_ptr_array_index (self->attribute_rows, i));
  g_ptr_array_set_size (self->attribute_rows, 0);
  g_hash_table_remove_all (self->editors);
  g_clear_pointer (&self->built_for_tag, g_free);
}

static void
build_editors (GlossDetailsPane *self)
{
  GlossTag *tag = current_tag (self);
  GPtrArray *defs = tag ? gloss_tag_get_attributes (tag) : NULL;

  clear_editors (self);
  if (self->annotation == NULL)
    return;

  self->built_for_tag = g_strdup (gloss_annotation_get_tag (self->annotation));
  for (guint i = 0; defs != NULL && i < defs->len; i++)
    {
      const GlossAttributeDef *def = g_ptr_array_index (defs, i);
      GtkWidget *row = build_editor (self, def);

      gtk_list_box_append (self->fields, row);
      g_ptr_array_add (self->attribute_rows, row);
      g_hash_table_insert (self->editors, g_strdup (def->id), row);
    }
}

static void
update_editor_values (GlossDetailsPane *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *current = gloss_annotation_get_attribute (self->annotation, key);

      if (ADW_IS_ENTRY_ROW (value))
        {
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (value)), current ? current : "") != 0)
            gtk_editable_set_text (GTK_EDITABLE (value), current ? current : "");
        }
      else if (g_object_get_data (G_OBJECT (value), "link"))
        {
          GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (value));
          Candidates *c = g_object_get_data (G_OBJECT (value), "candidates");
          GlossAnnotation *target = current ? gloss_annotation_set_lookup (self->set, current) : NULL;
          Person *person = target && is_candidate (c, target) ? candidates_person (c, target) : NULL;
          guint pos = 0;
          guint n = person ? g_list_model_get_n_items (model) : 0;

          /* A link to any mention shows its person. */
          for (guint i = 1; i < n; i++)
            {
              g_autoptr(GlossAnnotation) item = g_list_model_get_item (model, i);

              if (item == person->first)
                {
                  pos = i;
                  break;
                }
            }
          if (adw_combo_row_get_selected (ADW_COMBO_ROW (value)) != pos)
            adw_combo_row_set_selected (ADW_COMBO_ROW (value), pos);
        }
      else
        {
          GPtrArray *values = g_object_get_data (G_OBJECT (value), "values");
          guint pos = 0;

          for (guint i = 1; current != NULL && i < values->len; i++)
            if (g_strcmp0 (g_ptr_array_index (values, i), current) == 0)
              {
                pos = i;
                break;
              }
          if (adw_combo_row_get_selected (ADW_COMBO_ROW (value)) != pos)
            adw_combo_row_set_selected (ADW_COMBO_ROW (value), pos);
        }
      gtk_widget_set_sensitive (GTK_WIDGET (value), self->editable);
    }
}

static void
refresh (GlossDetailsPane *self,
         gboolean          rebuild)
{
  GtkTextBuffer *note = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *note_text = NULL;
  GtkTextIter start, end;
  GlossAnchorStatus status;

  self->updating++;

  if (self->annotation == NULL)
    {
      clear_editors (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->updating--;
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "details");
  gtk_label_set_label (self->text_label, gloss_annotation_get_text (self->annotation));

  status = gloss_annotation_get_anchor_status (self->annotation);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != GLOSS_ANCHOR_EXACT);
  if (status == GLOSS_ANCHOR_ORPHANED)
    gtk_label_set_label (self->status_label, _("This passage was not found in the article as it is now. The annotation is kept; resize it to place it again."));
  else if (status == GLOSS_ANCHOR_FUZZY)
    gtk_label_set_label (self->status_label, _("Placed by approximate match: please check the highlighted passage."));
  else if (status == GLOSS_ANCHOR_CUT)
    gtk_label_set_label (self->status_label, _("Less than half of this passage is left in the article as it is now: please check the highlighted part."));
  else if (status == GLOSS_ANCHOR_MOVED)
    gtk_label_set_label (self->status_label, _("Found at a different place than recorded."));

  if (self->codebook != NULL)
    {
      guint n = gloss_codebook_get_n_tags (self->codebook);
      guint pos = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (gloss_tag_get_id (gloss_codebook_get_tag (self->codebook, i)),
                       gloss_annotation_get_tag (self->annotation)) == 0)
          pos = i;
      adw_combo_row_set_selected (self->tag_row, pos);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_row), self->editable);

  if (rebuild || g_strcmp0 (self->built_for_tag, gloss_annotation_get_tag (self->annotation)) != 0)
    build_editors (self);
  update_editor_values (self);

  gtk_text_buffer_get_bounds (note, &start, &end);
  note_text = gtk_text_buffer_get_text (note, &start, &end, FALSE);
  if (g_strcmp0 (note_text, gloss_annotation_get_note (self->annotation) ? gloss_annotation_get_note (self->annotation) : "") != 0)
    gtk_text_buffer_set_text (note, gloss_annotation_get_note (self->annotation) ? gloss_annotation_get_note (self->annotation) : "", -1);
  gtk_text_view_set_editable (self->note_view, self->editable);

  self->updating--;
}

static void
note_changed_cb (GlossDetailsPane *self,
                 GtkTextBuffer    *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || !can_edit (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->updating++;
  gloss_annotation_set_set_note (self->set, self->annotation, text);
  self->updating--;
}

static void
tag_selected_cb (GlossDetailsPane *self)
{
  guint pos = adw_combo_row_get_selected (self->tag_row);

  if (self->updating || !can_edit (self) || self->codebook == NULL)
    return;
  if (pos == GTK_INVALID_LIST_POSITION || pos >= gloss_codebook_get_n_tags (self->codebook))
    return;

  gloss_annotation_set_retag (self->set, self->annotation,
                              gloss_tag_get_id (gloss_codebook_get_tag (self->codebook, pos)));
}

static void
annotation_changed_cb (GlossDetailsPane *self,
                       GlossAnnotation  *annotation)
{
  if (annotation == self->annotation && !self->updating)
    refresh (self, FALSE);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  GlossDetailsPane *self = user_data;

  self->rebuild_idle = 0;
  refresh (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (GlossDetailsPane *self)
{
  /* Link candidates are live models; what they show selected is checked
   * again once the burst of changes is over. */
  if (self->annotation != NULL && self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
}

static void
rebuild_tag_model (GlossDetailsPane *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = self->codebook ? gloss_codebook_get_n_tags (self->codebook) : 0;

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, gloss_tag_get_label (gloss_codebook_get_tag (self->codebook, i)));

  self->updating++;
  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (labels));
  self->updating--;
}

void
gloss_details_pane_set_model (GlossDetailsPane   *self,
                              GlossAnnotationSet *set,
                              GlossCodebook      *codebook)
{
  g_return_if_fail (GLOSS_IS_DETAILS_PANE (self));

  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);

  g_set_object (&self->set, set);
  g_set_object (&self->codebook, codebook);
  rebuild_tag_model (self);

  if (set != NULL)
    {
      g_signal_connect_object (set, "annotation-changed", G_CALLBACK (annotation_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (set, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gloss_details_pane_set_annotation (self, NULL);
}

GlossAnnotation *
gloss_details_pane_get_annotation (GlossDetailsPane *self)
{
  g_return_val_if_fail (GLOSS_IS_DETAILS_PANE (self), NULL);
  return self->annotation;
}

void
gloss_details_pane_set_annotation (GlossDetailsPane *self,
                                   GlossAnnotation  *annotation)
{
  g_return_if_fail (GLOSS_IS_DETAILS_PANE (self));

  if (g_set_object (&self->annotation, annotation))
    {
      refresh (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
    }
}

gboolean
gloss_details_pane_get_editable (GlossDetailsPane *self)
{
  g_return_val_if_fail (GLOSS_IS_DETAILS_PANE (self), FALSE);
  return self->editable;
}

void
gloss_details_pane_set_editable (GlossDetailsPane *self,
                                 gboolean          editable)
{
  g_return_if_fail (GLOSS_IS_DETAILS_PANE (self));

  editable = !!editable;
  if (self->editable != editable)
    {
      self->editable = editable;
      refresh (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
    }
}

GtkWidget *
gloss_details_pane_get_editor (GlossDetailsPane *self,
                               const char       *id)
{
  g_return_val_if_fail (GLOSS_IS_DETAILS_PANE (self), NULL);
  return g_hash_table_lookup (self->editors, id);
}

GtkTextView *
gloss_details_pane_get_note_view (GlossDetailsPane *self)
{
  g_return_val_if_fail (GLOSS_IS_DETAILS_PANE (self), NULL);
  return self->note_view;
}

/* The keyboard way to link: a chooser that filters as one types */

static void
chooser_chosen_cb (GlossSpeakerChooser *chooser,
                   const char          *id,
                   GlossDetailsPane    *self)
{
  const char *attribute = g_object_get_data (G_OBJECT (chooser), "attribute-id");
  GlossAnnotation *annotation = g_object_get_data (G_OBJECT (chooser), "annotation");

  /* The annotation may have changed while the chooser was open. */
  if (annotation != self->annotation || !can_edit (self))
    return;
  self->updating++;
  gloss_annotation_set_set_attribute (self->set, self->annotation, attribute, id);
  self->updating--;
  refresh (self, FALSE);
}

static gboolean
unparent_chooser_idle (gpointer data)
{
  GtkWidget *chooser = data;

  if (gtk_widget_get_parent (chooser) != NULL)
    gtk_widget_unparent (chooser);
  g_object_unref (chooser);
  return G_SOURCE_REMOVE;
}

static void
chooser_closed_cb (GtkPopover       *chooser,
                   GlossDetailsPane *self)
{
  if (self->chooser == GTK_WIDGET (chooser))
    self->chooser = NULL;
  g_idle_add (unparent_chooser_idle, g_object_ref (chooser));
}

/* "发言人, 外交部" */
static char *
person_about (Person *p)
{
  return g_strdup_printf ("%s%s%s", p->title ? p->title : "",
                          p->title && p->organization ? ", " : "",
                          p->organization ? p->organization : "");
}

/**
 * gloss_details_pane_choose_link:
 * @attribute: (nullable): the link attribute to fill; %NULL for the tag's first
 *
 * Opens the speaker chooser beside the link's row, with the focus in its
 * search entry: each person once, with title, organization and mentions.
 *
 * Returns: (transfer none) (nullable): the chooser, or %NULL when the
 *   annotation has no link to fill or cannot be edited
 */
GtkWidget *
gloss_details_pane_choose_link (GlossDetailsPane *self,
                                const char       *attribute)
{
  GlossTag *tag;
  GtkWidget *row = NULL;
  GListModel *model;
  Candidates *c;
  const char *current;
  GlossAnnotation *target;
  Person *current_person;
  graphene_rect_t bounds;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DETAILS_PANE (self), NULL);

  if (!can_edit (self) || (tag = current_tag (self)) == NULL)
    return NULL;
  if (attribute == NULL)
    {
      GPtrArray *defs = gloss_tag_get_attributes (tag);

      for (guint i = 0; defs != NULL && i < defs->len; i++)
        {
          const GlossAttributeDef *def = g_ptr_array_index (defs, i);

          if (def->type == GLOSS_ATTRIBUTE_LINK)
            {
              attribute = def->id;
              break;
            }
        }
    }
  if (attribute != NULL)
    row = g_hash_table_lookup (self->editors, attribute);
  if (row == NULL || !g_object_get_data (G_OBJECT (row), "link"))
    return NULL;

  if (self->chooser != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->chooser));

  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  c = g_object_get_data (G_OBJECT (row), "candidates");
  current = gloss_annotation_get_attribute (self->annotation, attribute);
  target = current ? gloss_annotation_set_lookup (self->set, current) : NULL;
  current_person = target && is_candidate (c, target) ? candidates_person (c, target) : NULL;

  self->chooser = gloss_speaker_chooser_new ();
  gloss_speaker_chooser_set_heading (GLOSS_SPEAKER_CHOOSER (self->chooser),
                                     adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  n = g_list_model_get_n_items (model);
  /* Position 0 is "None": Delete or the row itself clears a link. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (model, i);
      Person *p = candidates_person (c, item);
      g_autofree char *name = short_text (item);
      g_autofree char *about = p ? person_about (p) : NULL;

      gloss_speaker_chooser_add (GLOSS_SPEAKER_CHOOSER (self->chooser), gloss_annotation_get_id (item),
                                 name, about, p ? p->mentions : 0, p != NULL && p == current_person);
    }
  g_object_set_data_full (G_OBJECT (self->chooser), "attribute-id", g_strdup (attribute), g_free);
  g_object_set_data_full (G_OBJECT (self->chooser), "annotation", g_object_ref (self->annotation), g_object_unref);
  g_signal_connect_object (self->chooser, "chosen", G_CALLBACK (chooser_chosen_cb), self, 0);
  g_signal_connect_object (self->chooser, "closed", G_CALLBACK (chooser_closed_cb), self, 0);
  gtk_popover_set_position (GTK_POPOVER (self->chooser), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->chooser, GTK_WIDGET (self));
  if (gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->chooser),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->chooser));
  return self->chooser;
}

static void
gloss_details_pane_dispose (GObject *object)
{
  GlossDetailsPane *self = GLOSS_DETAILS_PANE (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_DETAILS_PANE);
  /* The template's root has no id, so nothing else unparents it. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->set);
  g_clear_object (&self->codebook);
  g_clear_object (&self->annotation);
  g_clear_pointer (&self->attribute_rows, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_pointer (&self->built_for_tag, g_free);

  G_OBJECT_CLASS (gloss_details_pane_parent_class)->dispose (object);
}

static void
gloss_details_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossDetailsPane *self = GLOSS_DETAILS_PANE (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION: g_value_set_object (value, self->annotation); break;
    case PROP_EDITABLE: g_value_set_boolean (value, self->editable); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_details_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossDetailsPane *self = GLOSS_DETAILS_PANE (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION: gloss_details_pane_set_annotation (self, g_value_get_object (value)); break;
    case PROP_EDITABLE: gloss_details_pane_set_editable (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_details_pane_class_init (GlossDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = gloss_details_pane_dispose;
  object_class->get_property = gloss_details_pane_get_property;
  object_class->set_property = gloss_details_pane_set_property;

  properties[PROP_ANNOTATION] = g_param_spec_object ("annotation", NULL, NULL, GLOSS_TYPE_ANNOTATION, rw);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, TRUE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossDetailsPane::pick-link:
   * @attribute: id of the link attribute to fill by clicking in the article
   */
  signals[PICK_LINK] = g_signal_new ("pick-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDetailsPane, fields);
  gtk_widget_class_bind_template_child (widget_class, GlossDetailsPane, note_view);
  gtk_widget_class_bind_template_child (widget_class, GlossDetailsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossDetailsPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossDetailsPane, tag_row);
  gtk_widget_class_bind_template_child (widget_class, GlossDetailsPane, text_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailspane");
}

static void
gloss_details_pane_init (GlossDetailsPane *self)
{
  GtkTextBuffer *note;

  self->editable = TRUE;
  self->attribute_rows = g_ptr_array_new ();
  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  note = gtk_text_view_get_buffer (self->note_view);
  /* Ctrl+Z reaches the window, which undoes through the annotation set. */
  gtk_text_buffer_set_enable_undo (note, FALSE);
  g_signal_connect_object (note, "changed", G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_row, "notify::selected", G_CALLBACK (tag_selected_cb), self, G_CONNECT_SWAPPED);
}
