/* gloss-coder-gaps.c: coders who never used a tag that another coder used,
 * each with the offer to leave them out of that tag's agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-agreement.h"
#include "gloss-coder-gaps.h"
#include "gloss-sidecar.h"

struct _GlossCoderGaps
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkListBox         *gaps_list;

  GlossReviewSession *session;
};

G_DEFINE_FINAL_TYPE (GlossCoderGaps, gloss_coder_gaps, GTK_TYPE_WIDGET)

GtkWidget *
gloss_coder_gaps_new (void)
{
  return g_object_new (GLOSS_TYPE_CODER_GAPS, NULL);
}

void
gloss_coder_gaps_set_session (GlossCoderGaps     *self,
                              GlossReviewSession *session)
{
  g_return_if_fail (GLOSS_IS_CODER_GAPS (self));
  g_return_if_fail (session == NULL || GLOSS_IS_REVIEW_SESSION (session));

  g_set_object (&self->session, session);
}

/* One row per coder who never used a tag that another coder used: their
 * zeros pull the tag's α down, which may be a gap in their coding rather
 * than disagreement.  The row offers to leave the tag out for them. */
void
gloss_coder_gaps_update (GlossCoderGaps *self,
                         GlossAgreement *agreement,
                         GPtrArray      *sidecars)
{
  const char * const *tags = agreement ? gloss_agreement_get_tags (agreement) : NULL;
  GtkWidget *child;
  gboolean any = FALSE;

  g_return_if_fail (GLOSS_IS_CODER_GAPS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gaps_list))) != NULL)
    gtk_list_box_remove (self->gaps_list, child);

  for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
    for (guint l = 0; l < sidecars->len; l++)
      {
        GlossSidecar *sidecar = g_ptr_array_index (sidecars, l);
        const char *id = gloss_sidecar_get_annotator_id (sidecar);
        gboolean excluded = gloss_review_session_is_excluded (self->session, id, tags[t]);
        g_autofree char *title = NULL;
        GtkWidget *row, *button;

        if (gloss_review_session_codes_tag (self->session, sidecar, tags[t]))
          continue;

        row = adw_action_row_new ();
        /* Translators: a coder (%s) never used a tag (%s) that another coder used */
        title = g_markup_printf_escaped (_("%s did not code “%s” at all"), gloss_sidecar_get_annotator_label (sidecar),
                                         gloss_review_session_get_tag_label (self->session, sidecar, tags[t]));
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     excluded ? _("Left out of this tag’s agreement")
                                              : _("Their zeros pull this tag’s α down"));
        button = gtk_button_new_with_mnemonic (excluded ? _("_Include") : _("E_xclude"));
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (button, excluded ? _("Count this coder’s zeros for this tag again")
                                                      : _("Leave this coder out of this tag’s α and κ"));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "gaps.exclude-tag");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ssb)", id, tags[t], !excluded);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        gtk_list_box_append (self->gaps_list, row);
        any = TRUE;
      }
  gtk_widget_set_visible (GTK_WIDGET (self), any);
}

static void
exclude_tag_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  GlossCoderGaps *self = GLOSS_CODER_GAPS (widget);
  const char *annotator, *tag;
  gboolean exclude;

  g_variant_get (param, "(&s&sb)", &annotator, &tag, &exclude);
  gloss_review_session_set_excluded (self->session, annotator, tag, exclude);
  /* Not from inside a handler of a row the rebuild replaces. */
  gloss_review_session_queue_rebuild (self->session, 0);
}

static void
gloss_coder_gaps_dispose (GObject *object)
{
  GlossCoderGaps *self = GLOSS_CODER_GAPS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_CODER_GAPS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gloss_coder_gaps_parent_class)->dispose (object);
}

static void
gloss_coder_gaps_class_init (GlossCoderGapsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_coder_gaps_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-coder-gaps.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCoderGaps, gaps_list);
  gtk_widget_class_install_action (widget_class, "gaps.exclude-tag", "(ssb)", exclude_tag_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "codergaps");
}

static void
gloss_coder_gaps_init (GlossCoderGaps *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
