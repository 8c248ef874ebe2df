/* gloss-window.c: a window showing one article and its annotations
 *
 * The window is layout and wiring: the open article, its layer, autosave and
 * the states of the file on disk are a GlossSession (app/core), which the
 * window follows through its properties.  The actions are in
 * gloss-window-actions.c, the fields in gloss-window-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-details-pane.h"
#include "gloss-document.h"
#include "gloss-menu-button.h"
#include "gloss-recent.h"
#include "gloss-sidecar.h"
#include "gloss-window.h"
#include "gloss-window-private.h"

#define READING_NOTICE_MS 250

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SIDECAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * gloss_window_new:
 * @application: (nullable): the application
 *
 * Returns: (transfer none): a new window with no article
 */
GlossWindow *
gloss_window_new (GtkApplication *application)
{
  return g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);
}

/* Feedback */

void
_gloss_window_toast (GlossWindow *self,
                     const char  *message,
                     const char  *button,
                     const char  *action)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (button != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_gloss_window_show_error (GlossWindow *self,
                          const char  *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_title (GlossWindow *self)
{
  GlossDocument *document = gloss_session_get_document (self->session);
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GFile *article = gloss_session_get_file (self->session);
  const char *title = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = FALSE;

  if (document != NULL)
    {
      const char *text = gloss_document_get_text (document);
      const char *newline = strchr (text, '\n');

      title = gloss_document_get_title (document);
      /* A plain-text article's heading is its first line, standing alone. */
      if (title == NULL && newline != NULL && newline[1] == '\n' && newline - text < 160)
        title = shown = g_strndup (text, newline - text);
      if (title == NULL)
        title = gloss_document_get_source (document);
    }
  if (title == NULL && article != NULL)
    title = shown = g_file_get_basename (article);
  if (title == NULL)
    title = _("Gloss");

  if (sidecar != NULL)
    {
      GFile *file = gloss_sidecar_get_file (sidecar);

      modified = gloss_session_get_modified (self->session);
      if (gloss_session_get_state (self->session) == GLOSS_SESSION_BROKEN)
        subtitle = g_strdup (_("Annotations not saved: the file could not be read"));
      else if (file != NULL)
        subtitle = g_file_get_basename (file);
    }
  else if (gloss_session_get_loading (self->session) && self->reading_notice)
    /* A large file of annotations is still being read: the text is shown,
     * its highlights and the list follow. */
    subtitle = g_strdup (_("Reading annotations…"));

  {
    g_autofree char *full = modified ? g_strconcat ("• ", title, NULL) : g_strdup (title);

    adw_window_title_set_title (self->window_title, full);
    adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
    gtk_window_set_title (GTK_WINDOW (self), full);
  }
}

/* Recent files */

static void
rebuild_recent_menu (GlossWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-articles");
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL && shown < 10; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = NULL;

      if (name == NULL)
        continue;
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
      shown++;
    }
}

/* The states of the user's file: one banner at a time, from the session's state. */

static gboolean
state_to_conflict (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == GLOSS_SESSION_CONFLICT);
  return TRUE;
}

static gboolean
state_to_broken (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == GLOSS_SESSION_BROKEN);
  return TRUE;
}

static void
state_changed_cb (GlossWindow *self)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GFile *broken = gloss_session_get_broken_file (self->session);

  switch (gloss_session_get_state (self->session))
    {
    case GLOSS_SESSION_CONFLICT:
      if (sidecar != NULL && gloss_sidecar_get_file (sidecar) != NULL)
        {
          g_autofree char *name = g_file_get_basename (gloss_sidecar_get_file (sidecar));
          g_autofree char *text = g_strdup_printf (_("The annotations file “%s” changed on disk. Reload it, or keep your version and replace the file."), name);

          gtk_label_set_label (self->conflict_label, text);
        }
      break;

    case GLOSS_SESSION_BROKEN:
      if (broken != NULL)
        {
          g_autofree char *name = g_file_get_parse_name (broken);
          g_autofree char *text = NULL;

          /* The core's message names the file and the JSON path of the problem. */
          text = g_strdup_printf (_("The annotations could not be loaded, and Gloss will not write over “%s”. "
                                    "New annotations are kept in this window only: use Save As to keep them, "
                                    "or fix the file and try again.\n%s"),
                                  name, gloss_session_get_broken_message (self->session));
          gtk_label_set_label (self->error_label, text);
        }
      break;

    case GLOSS_SESSION_EMPTY:
    case GLOSS_SESSION_LOADING:
    case GLOSS_SESSION_READY:
    case GLOSS_SESSION_CLOSED:
    default:
      break;
    }

  update_title (self);
  _gloss_window_update_actions (self);
}

static void
session_error_cb (GlossWindow  *self,
                  const GError *error)
{
  _gloss_window_show_error (self, error->message);
}

static void
modified_changed_cb (GlossWindow *self)
{
  _gloss_window_ask_annotator (self);
  update_title (self);
  _gloss_window_update_actions (self);
}

/* Loading */

/* What the user looks at when tagging is the article: its frame comes first,
 * and the sidebar (a list that keeps up to two hundred rows alive, and the
 * details pane's editors) catches up right after it is drawn. */
static void
sync_sidebar (GlossWindow *self)
{
  if (self->sidebar_model_pending)
    {
      GlossAnnotationSet *set = self->shown ? gloss_sidecar_get_annotations (self->shown) : NULL;
      GlossCodebook *codebook = self->shown ? gloss_sidecar_get_codebook (self->shown) : NULL;

      self->sidebar_model_pending = FALSE;
      self->sidebar_selection_pending = TRUE;
      gloss_sidebar_set_model (self->sidebar, set, codebook);
    }

  if (self->review_pending)
    {
      GFile *file = gloss_session_get_file (self->session);
      GlossDocument *document = gloss_session_get_document (self->session);

      self->review_pending = FALSE;
      if (self->shown != NULL && file != NULL && document != NULL)
        _gloss_window_review_set_own (self, file, document, self->shown);
    }

  if (self->sidebar_selection_pending)
    {
      self->sidebar_selection_pending = FALSE;
      gloss_sidebar_set_selected (self->sidebar, gloss_article_view_get_selected (self->article_view));
    }

  /* Looking for page clutter reads the whole text: after the first frame. */
  if (self->trim_pending)
    _gloss_window_offer_trim (self);

  /* So do the workers (suggestions, the kept version): on two cores they
   * would take the main thread's turn while it lays the article out. */
  if (self->suggest_pending)
    {
      self->suggest_pending = FALSE;
      _gloss_window_suggest_load (self);
    }
  _gloss_window_versions_keep_pending (self);
}

static gboolean
sync_sidebar_idle_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->sync_idle_id = 0;
  sync_sidebar (self);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GlossWindow   *self)
{
  /* Right after this frame is out, not inside it; ahead of the next frame
   * (a blinking caret draws frames back to back, starving lower idles).
   * Not while the article or its layer is still being read: the frame
   * after they are in, with its highlights, comes first. */
  if (!gloss_session_get_loading (self->session) &&
      (self->sidebar_model_pending || self->sidebar_selection_pending || self->review_pending ||
       self->trim_pending || self->suggest_pending || self->keep_pending != NULL) &&
      self->sync_idle_id == 0)
    self->sync_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_sidebar_idle_cb, self, NULL);
}

static void
defer_sidebar (GlossWindow *self)
{
  if (self->frame_clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    sync_sidebar (self);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self->article_view));
}

static void
view_selected_cb (GlossWindow *self)
{
  self->sidebar_selection_pending = TRUE;
  defer_sidebar (self);
  _gloss_window_update_actions (self);
}

static void
sidebar_selected_cb (GlossWindow *self)
{
  GlossAnnotation *annotation = gloss_sidebar_get_selected (self->sidebar);

  if (annotation != gloss_article_view_get_selected (self->article_view))
    {
      gloss_article_view_set_selected (self->article_view, annotation);
      gloss_article_view_scroll_to (self->article_view, annotation);
    }
}

/* The codebook editor changes the codebook in place; what shows tags follows. */
static gboolean
codebook_refresh_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->codebook_idle_id = 0;
  if (self->shown == NULL)
    return G_SOURCE_REMOVE;

  gloss_article_view_codebook_changed (self->article_view);
  self->sidebar_model_pending = TRUE;
  sync_sidebar (self);
  return G_SOURCE_REMOVE;
}

static void codebook_changed_cb (GlossWindow *self);

static void
watch_codebook (GlossWindow *self)
{
  GlossCodebook *codebook = self->shown ? gloss_sidecar_get_codebook (self->shown) : NULL;

  for (guint i = 0; self->watched_codebook && i < gloss_codebook_get_n_tags (self->watched_codebook); i++)
    g_signal_handlers_disconnect_by_data (gloss_codebook_get_tag (self->watched_codebook, i), self);
  if (self->watched_codebook != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_codebook, self);
  g_set_object (&self->watched_codebook, codebook);

  if (codebook == NULL)
    return;

  g_signal_connect_object (codebook, "items-changed", G_CALLBACK (codebook_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < gloss_codebook_get_n_tags (codebook); i++)
    g_signal_connect_object (gloss_codebook_get_tag (codebook, i), "notify", G_CALLBACK (codebook_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
codebook_changed_cb (GlossWindow *self)
{

  /* New tags need watching too; typing a label is one refresh, not one per key. */
  watch_codebook (self);
  if (self->codebook_idle_id == 0)
    self->codebook_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, codebook_refresh_cb, self, NULL);
}


/* What the session holds, shown */

static void
show_sidecar (GlossWindow *self)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GlossAnnotationSet *set = sidecar ? gloss_sidecar_get_annotations (sidecar) : NULL;

  g_set_object (&self->shown, sidecar);
  g_signal_group_set_target (self->set_signals, set);
  if (sidecar != NULL)
    {
      gloss_article_view_set_selected (self->article_view, NULL);
      gloss_article_view_set_codebook (self->article_view, gloss_sidecar_get_codebook (sidecar));
      gloss_article_view_set_annotations (self->article_view, set);
    }
  self->sidebar_model_pending = TRUE;
  defer_sidebar (self);

  watch_codebook (self);
  update_title (self);
  _gloss_window_update_actions (self);
  _gloss_window_suggest_forget (self);
  self->suggest_pending = TRUE;
  /* The review panel compares it with the colleagues' layers beside the
   * article; like the sidebar, it catches up right after the article is
   * drawn (it costs a long annotated article a fifth of a second). */
  self->review_pending = TRUE;
  defer_sidebar (self);
  _gloss_window_versions_sidecar_shown (self);
}

static void
sidecar_changed_cb (GlossWindow *self)
{
  show_sidecar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDECAR]);
}

static gboolean
reading_notice_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->reading_id = 0;
  self->reading_notice = TRUE;
  update_title (self);
  return G_SOURCE_REMOVE;
}

static void
loading_changed_cb (GlossWindow *self)
{
  if (!gloss_session_get_loading (self->session))
    {
      g_clear_handle_id (&self->reading_id, g_source_remove);
      self->reading_notice = FALSE;
      update_title (self);
      self->trim_pending = TRUE;
      defer_sidebar (self);
    }
}

static void
document_changed_cb (GlossWindow *self)
{
  GlossDocument *document = gloss_session_get_document (self->session);
  gboolean first = gloss_article_view_get_document (self->article_view) == NULL;

  if (document == NULL)
    return;

  /* The text does not wait for the user's sidecar: its highlights follow
   * when it is read, and the buffer is filled while it is.  A sidecar that
   * takes a while says so in the subtitle. */
  gloss_article_view_set_document (self->article_view, document);
  /* Every text read for annotating is kept, so that a later version can be
   * re-anchored through the diff (gloss-window-versions.c). */
  _gloss_window_versions_keep (self, document);
  defer_sidebar (self);
  if (first)
    gloss_note_opened (self->settings, gloss_session_get_file (self->session));
  if (gloss_session_get_loading (self->session) && self->reading_id == 0)
    self->reading_id = g_timeout_add (READING_NOTICE_MS, reading_notice_cb, self);

  /* Read again in another encoding: the layer is anchored in the new text. */
  if (gloss_session_get_sidecar (self->session) != NULL)
    show_sidecar (self);
  else
    update_title (self);
  _gloss_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gloss_session_open_finish (GLOSS_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _gloss_window_show_error (self, error->message);
}

/**
 * gloss_window_open_document:
 * @self: a #GlossWindow
 * @file: an article (text or saved HTML page)
 * @document: (nullable): the article already read from @file (a page just
 *   fetched), used as it is
 *
 * Shows @file and the user's sidecar beside it, read asynchronously.  A
 * window already showing an article opens @file in a new window.
 */
void
gloss_window_open_document (GlossWindow   *self,
                            GFile         *file,
                            GlossDocument *document)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  if (gloss_session_get_file (self->session) != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      GlossWindow *other;

      if (app == NULL)
        return;
      other = gloss_window_new (app);
      gloss_window_open_document (other, file, document);
      gtk_window_present (GTK_WINDOW (other));
      return;
    }

  gloss_session_open_async (self->session, file, document, NULL, opened_cb, g_object_ref (self));
  update_title (self);
}

/**
 * gloss_window_open:
 * @self: a #GlossWindow
 * @file: an article (text or saved HTML page)
 *
 * Loads @file and the user's sidecar beside it, asynchronously.  A window
 * already showing an article opens @file in a new window.
 */
void
gloss_window_open (GlossWindow *self,
                   GFile       *file)
{
  gloss_window_open_document (self, file, NULL);
}

static void
header_open_failed_cb (GlossWindow *self,
                       GError      *error)
{
  _gloss_window_show_error (self, error->message);
}


/**
 * gloss_window_add_toast:
 * @self: a #GlossWindow
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the article, for messages that come from outside the
 * window (the application's first-run offer).
 */
void
gloss_window_add_toast (GlossWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Article and sidebar signals */

static void
removed_cb (GlossWindow     *self,
            GlossAnnotation *annotation)
{
  _gloss_window_toast (self, _("Annotation removed"), _("_Undo"), "win.undo");
}

static void
message_cb (GlossWindow *self,
            const char  *text,
            gboolean     undoable)
{
  _gloss_window_toast (self, text, undoable ? _("_Undo") : NULL, undoable ? "win.undo" : NULL);
}

static void
activated_cb (GlossWindow     *self,
              GlossAnnotation *annotation)
{
  gloss_article_view_set_selected (self->article_view, annotation);
  gloss_article_view_scroll_to (self->article_view, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
pick_link_cb (GlossWindow      *self,
              const char       *attribute,
              GlossDetailsPane *details)
{
  g_free (self->pick_attribute);
  self->pick_attribute = g_strdup (attribute);
  g_set_object (&self->pick_target, gloss_details_pane_get_annotation (details));
  gloss_article_view_set_pick_tag (self->article_view, _gloss_window_pick_tag (self));
  gloss_article_view_set_pick_mode (self->article_view, TRUE);
  _gloss_window_toast (self, _("Click the annotation to link to in the article, or press Escape"), NULL, NULL);
}

static void
picked_cb (GlossWindow     *self,
           GlossAnnotation *picked)
{
  GlossSidecar *sidecar = gloss_session_get_sidecar (self->session);
  GlossAnnotationSet *set = sidecar ? gloss_sidecar_get_annotations (sidecar) : NULL;
  GlossCodebook *codebook = sidecar ? gloss_sidecar_get_codebook (sidecar) : NULL;
  GlossTag *tag;
  const GlossAttributeDef *def = NULL;

  if (set == NULL || self->pick_target == NULL || self->pick_attribute == NULL ||
      !gloss_annotation_set_find_position (set, self->pick_target, NULL))
    return;

  tag = gloss_codebook_lookup (codebook, gloss_annotation_get_tag (self->pick_target));
  if (tag != NULL)
    def = gloss_tag_lookup_attribute (tag, self->pick_attribute);

  if (picked == self->pick_target ||
      (def != NULL && def->to != NULL && def->to[0] != NULL &&
       !g_strv_contains ((const char * const *)def->to, gloss_annotation_get_tag (picked))))
    {
      _gloss_window_toast (self, _("That annotation cannot be linked here: its tag is not one this field allows"), NULL, NULL);
      return;
    }

  gloss_annotation_set_set_attribute (set, self->pick_target, self->pick_attribute,
                                      gloss_annotation_get_id (picked));
  gloss_article_view_set_selected (self->article_view, self->pick_target);
}

/* Drag and drop */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlossWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    gloss_window_open (self, l->data);

  return files != NULL;
}

/* Accessors */

/**
 * gloss_window_get_session:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none): the article the window shows, and its layer
 */
GlossSession *
gloss_window_get_session (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * gloss_window_get_sidecar:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none) (nullable): the user's own annotation layer
 */
GlossSidecar *
gloss_window_get_sidecar (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return gloss_session_get_sidecar (self->session);
}

/**
 * gloss_window_get_document:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none) (nullable): the article shown
 */
GlossDocument *
gloss_window_get_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return gloss_session_get_document (self->session);
}

GlossArticleView *
_gloss_window_get_article_view (GlossWindow *self)
{
  return self->article_view;
}

GtkWidget *
_gloss_window_get_article_header (GlossWindow *self)
{
  return GTK_WIDGET (self->article_header);
}

GlossSidebar *
_gloss_window_get_sidebar (GlossWindow *self)
{
  return self->sidebar;
}

gboolean
_gloss_window_get_conflict (GlossWindow *self)
{
  return gloss_session_get_state (self->session) == GLOSS_SESSION_CONFLICT;
}

gboolean
_gloss_window_get_broken (GlossWindow *self)
{
  return gloss_session_get_state (self->session) == GLOSS_SESSION_BROKEN;
}

gboolean
_gloss_window_is_saving (GlossWindow *self)
{
  return gloss_session_get_saving (self->session);
}

void
_gloss_window_check_disk (GlossWindow *self)
{
  gloss_session_check_disk (self->session);
}

/* The reading font from Preferences, as CSS for the article view. */
static void
reading_font_changed_cb (GlossWindow *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, "reading-font");
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (value ? value : "");
  GString *css = g_string_new ("articleview {");
  PangoFontMask mask = pango_font_description_get_set_fields (desc);

  if (mask & PANGO_FONT_MASK_FAMILY)
    g_string_append_printf (css, " font-family: \"%s\";", pango_font_description_get_family (desc));
  if ((mask & PANGO_FONT_MASK_SIZE) && pango_font_description_get_size (desc) > 0)
    g_string_append_printf (css, " font-size: %gpt;", (double)pango_font_description_get_size (desc) / PANGO_SCALE);
  g_string_append (css, " }");

  gtk_css_provider_load_from_data (self->font_css, css->str, -1);
  g_string_free (css, TRUE);
}

static void
gloss_window_realize (GtkWidget *widget)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  GTK_WIDGET_CLASS (gloss_window_parent_class)->realize (widget);

  self->frame_clock = gtk_widget_get_frame_clock (widget);
  if (self->frame_clock != NULL)
    self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

/* A popover still up when its window goes (closed with the tag popover or
 * a menu open) keeps GTK 4.8's pointer grab on X11: no other window of the
 * application gets a click after that.  They all go down first. */
static void
popdown_popovers (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        gtk_popover_popdown (GTK_POPOVER (child));
      popdown_popovers (child);
    }
}

static void
gloss_window_unmap (GtkWidget *widget)
{
  popdown_popovers (widget);

  GTK_WIDGET_CLASS (gloss_window_parent_class)->unmap (widget);
}

static void
gloss_window_unrealize (GtkWidget *widget)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  self->frame_clock = NULL;

  GTK_WIDGET_CLASS (gloss_window_parent_class)->unrealize (widget);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = (GlossWindow *)object;

  g_cancellable_cancel (self->cancellable);
  _gloss_window_suggest_dispose (self);
  g_clear_handle_id (&self->sync_idle_id, g_source_remove);
  g_clear_handle_id (&self->annotator_autosave_id, g_source_remove);
  g_clear_handle_id (&self->codebook_idle_id, g_source_remove);
  g_clear_handle_id (&self->reading_id, g_source_remove);
  _gloss_window_versions_dispose (self);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      gloss_session_close (self->session);
    }
  if (self->set_signals != NULL)
    g_signal_group_set_target (self->set_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);
  self->library_page = NULL;   /* the bin's child, gone with it */
  _gloss_window_review_dispose (self);
  g_clear_object (&self->set_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->font_css);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->pick_target);
  g_clear_object (&self->library_pending);
  g_clear_object (&self->library_match);
  g_clear_pointer (&self->pick_attribute, g_free);
  /* Sidecars outlive windows (the codebook editor holds one): unhook. */
  g_clear_object (&self->shown);
  watch_codebook (self);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, gloss_session_get_document (self->session)); break;
    case PROP_SIDECAR: g_value_set_object (value, gloss_session_get_sidecar (self->session)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  object_class->get_property = gloss_window_get_property;
  window_class->close_request = _gloss_window_close_request;
  widget_class->realize = gloss_window_realize;
  widget_class->unrealize = gloss_window_unrealize;
  widget_class->unmap = gloss_window_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIDECAR] =
    g_param_spec_object ("sidecar", NULL, NULL, GLOSS_TYPE_SIDECAR,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_ARTICLE_HEADER);
  g_type_ensure (GLOSS_TYPE_ARTICLE_VIEW);
  g_type_ensure (GLOSS_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_header);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, conflict_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, find_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, find_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, library_bin);

  _gloss_window_class_add_actions (widget_class);
  _gloss_window_versions_class_init (widget_class);
  _gloss_window_article_class_init (widget_class);
  _gloss_window_library_class_init (widget_class);
  _gloss_window_review_class_init (widget_class);
}

static void
gloss_window_init (GlossWindow *self)
{
  GtkDropTarget *drop;

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->recent_menu = g_menu_new ();
  self->session = gloss_session_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (self->recent_menu));
  g_signal_connect_object (self->settings, "changed::recent-articles", G_CALLBACK (rebuild_recent_menu),
                           self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  g_settings_bind (self->settings, "snap-to-words", self->article_view, "snap-to-words", G_SETTINGS_BIND_DEFAULT);

  self->font_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->article_view)),
                                  GTK_STYLE_PROVIDER (self->font_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (self->settings, "changed::reading-font", G_CALLBACK (reading_font_changed_cb),
                           self, G_CONNECT_SWAPPED);
  reading_font_changed_cb (self);
  gloss_menu_button_quiet_tooltip (self->primary_menu_button);

  g_signal_connect_object (self->article_view, "notify::selected", G_CALLBACK (view_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "removed", G_CALLBACK (removed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "message", G_CALLBACK (message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "picked", G_CALLBACK (picked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::selected", G_CALLBACK (sidebar_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "activated", G_CALLBACK (activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gloss_sidebar_get_details (self->sidebar), "pick-link", G_CALLBACK (pick_link_cb),
                           self, G_CONNECT_SWAPPED);
  _gloss_window_review_init (self);
  /* The window follows the session: what it holds, and the one state of the file on disk. */
  g_settings_bind (self->settings, "annotator-id", self->session, "annotator-id", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "annotator-name", self->session, "annotator-name", G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (self->settings, "autosave-delay", self->session, "autosave-delay", G_SETTINGS_BIND_GET,
                                _gloss_window_autosave_delay, NULL, self, NULL);
  g_signal_connect_object (self->settings, "changed::annotator-id", G_CALLBACK (_gloss_window_annotator_changed),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->session, "document", self->article_header, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->session, "state", self->conflict_bar, "reveal-child", G_BINDING_SYNC_CREATE,
                               state_to_conflict, NULL, NULL, NULL);
  g_object_bind_property_full (self->session, "state", self->error_bar, "reveal-child", G_BINDING_SYNC_CREATE,
                               state_to_broken, NULL, NULL, NULL);
  g_signal_connect_object (self->session, "notify::document", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::sidecar", G_CALLBACK (sidecar_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::saving", G_CALLBACK (_gloss_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::modified", G_CALLBACK (modified_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::loading", G_CALLBACK (loading_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "error", G_CALLBACK (session_error_cb), self, G_CONNECT_SWAPPED);

  /* The user's annotation set, whichever the session holds now. */
  self->set_signals = g_signal_group_new (GLOSS_TYPE_ANNOTATION_SET);
  g_signal_group_connect_swapped (self->set_signals, "changed", G_CALLBACK (_gloss_window_update_actions), self);
  g_signal_group_connect_swapped (self->set_signals, "notify::can-undo", G_CALLBACK (_gloss_window_update_actions), self);
  g_signal_group_connect_swapped (self->set_signals, "notify::can-redo", G_CALLBACK (_gloss_window_update_actions), self);
  g_signal_connect_object (self->article_header, "open-failed", G_CALLBACK (header_open_failed_cb),
                           self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  _gloss_window_suggest_init (self);
  _gloss_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
  _gloss_window_library_init (self);
  _gloss_window_article_init (self);
}

