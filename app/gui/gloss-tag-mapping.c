/* gloss-tag-mapping.c: the colleagues' tags that the user's codebook lacks,
 * each compared as one of the user's tags or left alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-sidecar.h"
#include "gloss-tag-mapping.h"
#include "gloss-tag-mapping-row.h"

struct _GlossTagMapping
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkListBox         *mapping_list;

  GlossReviewSession *session;
  /* The foreign tags the rows were made for. */
  char               *mapping_signature;
};

G_DEFINE_FINAL_TYPE (GlossTagMapping, gloss_tag_mapping, GTK_TYPE_WIDGET)

GtkWidget *
gloss_tag_mapping_new (void)
{
  return g_object_new (GLOSS_TYPE_TAG_MAPPING, NULL);
}

void
gloss_tag_mapping_set_session (GlossTagMapping    *self,
                               GlossReviewSession *session)
{
  g_return_if_fail (GLOSS_IS_TAG_MAPPING (self));
  g_return_if_fail (session == NULL || GLOSS_IS_REVIEW_SESSION (session));

  g_set_object (&self->session, session);
}

/* Not from inside the row's handler: the rebuild may replace the row. */
static void
mapped_cb (GlossTagMappingRow *row,
           const char         *to,
           GlossTagMapping    *self)
{
  const char *tag_id = gloss_tag_mapping_row_get_tag (row);

  gloss_review_session_map_tag (self->session, tag_id, to);
  gloss_review_session_queue_rebuild (self->session, 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

/* One row per tag a compared colleague uses or defines that the user's
 * codebook lacks: those are what a codebook mismatch leaves unmatched. */
void
gloss_tag_mapping_update (GlossTagMapping *self,
                          GPtrArray       *sidecars)
{
  GlossCodebook *codebook = gloss_review_session_get_own_codebook (self->session);
  g_autoptr(GHashTable) users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autofree const char **ids = NULL;
  GtkWidget *child;
  guint n_ids;

  g_return_if_fail (GLOSS_IS_TAG_MAPPING (self));

  for (guint i = 0; codebook != NULL && i < sidecars->len; i++)
    {
      GlossSidecar *sidecar = g_ptr_array_index (sidecars, i);
      GlossCodebook *theirs = gloss_sidecar_get_codebook (sidecar);
      GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
      g_autoptr(GPtrArray) tags = g_ptr_array_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; theirs != NULL && k < gloss_codebook_get_n_tags (theirs); k++)
        {
          GlossTag *tag = gloss_codebook_get_tag (theirs, k);

          g_ptr_array_add (tags, (gpointer)gloss_tag_get_id (tag));
          g_hash_table_insert (labels, (gpointer)gloss_tag_get_id (tag), (gpointer)gloss_tag_get_label (tag));
        }
      for (guint k = 0; k < gloss_annotation_set_get_size (set); k++)
        g_ptr_array_add (tags, (gpointer)gloss_annotation_get_tag (gloss_annotation_set_get_nth (set, k)));

      for (guint k = 0; k < tags->len; k++)
        {
          const char *id = g_ptr_array_index (tags, k);
          GString *who;

          if (id == NULL || gloss_codebook_lookup (codebook, id) != NULL ||
              !g_hash_table_add (seen, (gpointer)id))
            continue;
          who = g_hash_table_lookup (users, id);
          if (who == NULL)
            {
              who = g_string_new (NULL);
              g_hash_table_insert (users, g_strdup (id), who);
            }
          g_string_append_printf (who, "%s%s", who->len > 0 ? ", " : "", gloss_sidecar_get_annotator_label (sidecar));
        }
    }

  ids = (const char **)g_hash_table_get_keys_as_array (users, &n_ids);
  g_qsort_with_data (ids, n_ids, sizeof (char *), compare_strings, NULL);
  for (guint i = 0; i < n_ids; i++)
    {
      GString *who = g_hash_table_lookup (users, ids[i]);

      g_string_append_printf (signature, "%s:%s;", ids[i], who->str);
    }
  for (guint i = 0; codebook != NULL && i < gloss_codebook_get_n_tags (codebook); i++)
    g_string_append_printf (signature, "|%s", gloss_tag_get_id (gloss_codebook_get_tag (codebook, i)));

  /* Unchanged rows stay, so a dropdown keeps its focus after a choice. */
  if (g_strcmp0 (signature->str, self->mapping_signature) != 0)
    {
      g_free (self->mapping_signature);
      self->mapping_signature = g_strdup (signature->str);

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_list))) != NULL)
        gtk_list_box_remove (self->mapping_list, child);
      for (guint i = 0; i < n_ids; i++)
        {
          GString *who = g_hash_table_lookup (users, ids[i]);
          const char *label = g_hash_table_lookup (labels, ids[i]);

          GtkWidget *row = gloss_tag_mapping_row_new (ids[i], label ? label : ids[i], who->str, codebook,
                                                      g_hash_table_lookup (gloss_review_session_get_tag_map (self->session), ids[i]));

          g_signal_connect_object (row, "mapped", G_CALLBACK (mapped_cb), self, 0);
          gtk_list_box_append (self->mapping_list, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self), n_ids > 0);
}

static void
gloss_tag_mapping_dispose (GObject *object)
{
  GlossTagMapping *self = GLOSS_TAG_MAPPING (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TAG_MAPPING);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->mapping_signature, g_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gloss_tag_mapping_parent_class)->dispose (object);
}

static void
gloss_tag_mapping_class_init (GlossTagMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_tag_mapping_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-tag-mapping.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTagMapping, mapping_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tagmapping");
}

static void
gloss_tag_mapping_init (GlossTagMapping *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
