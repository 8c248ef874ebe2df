/* gloss-window.c: a window showing one article and its annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-header.h"
#include "gloss-article-print.h"
#include "gloss-article-view.h"
#include "gloss-file.h"
#include "gloss-menu-button.h"
#include "gloss-text-title.h"
#include "gloss-codebook-folder.h"
#include "gloss-import.h"
#include "gloss-open-url-dialog.h"
#include "gloss-codebook.h"
#include "gloss-details-pane.h"
#include "gloss-document.h"
#include "gloss-export-dialog.h"
#include "gloss-loader.h"
#include "gloss-review-panel.h"
#include "gloss-sidebar.h"
#include "gloss-sidecar.h"
#include "gloss-window.h"
#include "gloss-window-private.h"

/*
 * Saving is careful in three ways.  The sidecar refuses to write over a
 * file changed since it was read (entity tag); a file monitor notices such
 * a change early and stops autosave until the user picks Reload or Keep
 * Mine.  A sidecar that fails to load is never written to: edits stay in
 * the window until the user saves them elsewhere or fixes the file.
 */

#define READING_NOTICE_MS 250

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GlossArticleHeader   *article_header;
  GlossArticleView     *article_view;
  GtkRevealer          *conflict_bar;
  GtkLabel             *conflict_label;
  GtkRevealer          *error_bar;
  GtkLabel             *error_label;
  GtkSearchEntry       *find_entry;
  GtkLabel             *find_label;
  AdwFlap              *flap;
  AdwSplitButton       *open_button;
  GtkMenuButton        *primary_menu_button;
  GtkSearchBar         *search_bar;
  GlossReviewPanel     *review_panel;
  AdwViewStack         *side_stack;
  GlossSidebar         *sidebar;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  GSettings            *settings;
  GtkCssProvider       *font_css;
  GCancellable         *cancellable;
  GFile                *file;
  GlossDocument        *document;
  GlossSidecar         *sidecar;
  GFileMonitor         *monitor;
  GFile                *broken_file;
  GMenu                *recent_menu;
  char                 *encoding;     /* forced by "Reopen with Encoding", or NULL */
  char                 *pick_attribute;
  GlossAnnotation      *pick_target;

  /* The user's own sidecar is read while the article loads. */
  GlossSidecar         *own_loaded;
  GError               *own_error;
  guint                 own_pending : 1;

  /* The sidebar follows the article one frame behind. */
  GdkFrameClock        *frame_clock;
  gulong                after_paint_id;
  guint                 sync_idle_id;
  guint                 codebook_idle_id;
  guint                 reading_id;
  GlossCodebook        *watched_codebook;
  guint                 sidebar_model_pending : 1;
  guint                 sidebar_selection_pending : 1;
  guint                 review_pending : 1;
  guint                 reading_notice : 1;

  guint                 autosave_id;
  guint                 saving : 1;
  guint                 manual_save : 1;
  guint                 save_again : 1;
  guint                 conflict : 1;
  guint                 close_after_save : 1;
  guint                 closing : 1;
  guint                 annotator_asked : 1;
};

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SIDECAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (GlossWindow *self);
static void save (GlossWindow *self, GlossSidecarSaveFlags flags, gboolean manual);

GlossWindow *
gloss_window_new (GlossApplication *application)
{
  return g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);
}

/* Feedback */

static void
toast (GlossWindow *self,
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

static void
show_error (GlossWindow *self,
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
  const char *title = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = FALSE;

  if (self->document != NULL)
    {
      const char *text = gloss_document_get_text (self->document);
      const char *newline = strchr (text, '\n');

      title = gloss_document_get_title (self->document);
      /* A plain-text article's heading is its first line, standing alone. */
      if (title == NULL && newline != NULL && newline[1] == '\n' && newline - text < 160)
        title = shown = g_strndup (text, newline - text);
      if (title == NULL)
        title = gloss_document_get_source (self->document);
    }
  if (title == NULL && self->file != NULL)
    title = shown = g_file_get_basename (self->file);
  if (title == NULL)
    title = _("Gloss");

  if (self->sidecar != NULL)
    {
      GFile *file = gloss_sidecar_get_file (self->sidecar);

      modified = gloss_annotation_set_get_modified (gloss_sidecar_get_annotations (self->sidecar));
      if (self->broken_file != NULL)
        subtitle = g_strdup (_("Annotations not saved: the file could not be read"));
      else if (file != NULL)
        subtitle = g_file_get_basename (file);
    }
  else if (self->own_pending && self->reading_notice)
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

/* Annotator */

static char *
annotator_id (GlossWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "annotator-id");

  if (id == NULL || *id == '\0' || !gloss_annotator_id_is_valid (id))
    {
      g_free (id);
      id = gloss_annotator_id_default ();
    }

  return g_steal_pointer (&id);
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

/* The sidecar on disk */

static void
set_conflict (GlossWindow *self,
              gboolean     conflict)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  self->conflict = !!conflict;
  if (conflict && self->sidecar != NULL && gloss_sidecar_get_file (self->sidecar) != NULL)
    {
      name = g_file_get_basename (gloss_sidecar_get_file (self->sidecar));
      text = g_strdup_printf (_("The annotations file “%s” changed on disk. Reload it, or keep your version and replace the file."), name);
      gtk_label_set_label (self->conflict_label, text);
    }
  gtk_revealer_set_reveal_child (self->conflict_bar, self->conflict);
  update_actions (self);
}

static void
disk_stamp_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  const char *ours;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->sidecar == NULL || self->saving)
    return;

  ours = gloss_sidecar_get_stamp (self->sidecar);
  if (info != NULL)
    theirs = gloss_sidecar_stamp_from_info (info);

  /* A file we never wrote appearing, or ours changing or going away. */
  if (g_strcmp0 (ours, theirs) != 0 && !(ours == NULL && theirs == NULL))
    set_conflict (self, TRUE);
}

void
_gloss_window_check_disk (GlossWindow *self)
{
  GFile *file;

  if (self->sidecar == NULL || self->broken_file != NULL || self->saving ||
      (file = gloss_sidecar_get_file (self->sidecar)) == NULL)
    return;

  g_file_query_info_async (file, GLOSS_SIDECAR_STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, disk_stamp_cb, g_object_ref (self));
}

static void
monitor_changed_cb (GlossWindow       *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
      event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_DELETED ||
      event == G_FILE_MONITOR_EVENT_RENAMED ||
      event == G_FILE_MONITOR_EVENT_MOVED_IN)
    _gloss_window_check_disk (self);
}

static void
watch_sidecar (GlossWindow *self)
{
  GFile *file = self->sidecar ? gloss_sidecar_get_file (self->sidecar) : NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (file == NULL || self->broken_file != NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Autosave */

static gboolean
autosave_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->autosave_id = 0;
  save (self, GLOSS_SIDECAR_SAVE_NONE, FALSE);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (GlossWindow *self)
{
  guint delay = g_settings_get_uint (self->settings, "autosave-delay");

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (delay > 0 && !self->conflict && self->broken_file == NULL)
    self->autosave_id = g_timeout_add_seconds (delay, autosave_cb, self);
}

static void
set_changed_cb (GlossWindow *self)
{
  schedule_autosave (self);
  update_actions (self);
}

static void
modified_changed_cb (GlossWindow *self)
{
  update_title (self);
  update_actions (self);
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
      GlossAnnotationSet *set = self->sidecar ? gloss_sidecar_get_annotations (self->sidecar) : NULL;
      GlossCodebook *codebook = self->sidecar ? gloss_sidecar_get_codebook (self->sidecar) : NULL;

      self->sidebar_model_pending = FALSE;
      self->sidebar_selection_pending = TRUE;
      gloss_sidebar_set_model (self->sidebar, set, codebook);
    }

  if (self->review_pending)
    {
      self->review_pending = FALSE;
      if (self->sidecar != NULL && self->file != NULL && self->document != NULL)
        gloss_review_panel_set_own (self->review_panel, self->file, self->document, self->sidecar);
    }

  if (self->sidebar_selection_pending)
    {
      self->sidebar_selection_pending = FALSE;
      gloss_sidebar_set_selected (self->sidebar, gloss_article_view_get_selected (self->article_view));
    }
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
   * (a blinking caret draws frames back to back, starving lower idles). */
  if ((self->sidebar_model_pending || self->sidebar_selection_pending || self->review_pending) &&
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
  update_actions (self);
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
  if (self->sidecar == NULL)
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
  GlossCodebook *codebook = self->sidecar ? gloss_sidecar_get_codebook (self->sidecar) : NULL;

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

static void
set_sidecar (GlossWindow  *self,
             GlossSidecar *sidecar)
{
  GlossAnnotationSet *set;

  if (self->sidecar != NULL)
    g_signal_handlers_disconnect_by_data (gloss_sidecar_get_annotations (self->sidecar), self);

  g_set_object (&self->sidecar, sidecar);
  gloss_sidecar_attach_document (sidecar, self->document);
  set = gloss_sidecar_get_annotations (sidecar);

  gloss_article_view_set_selected (self->article_view, NULL);
  gloss_article_view_set_codebook (self->article_view, gloss_sidecar_get_codebook (sidecar));
  gloss_article_view_set_annotations (self->article_view, set);
  self->sidebar_model_pending = TRUE;
  defer_sidebar (self);

  g_signal_connect_object (set, "changed", G_CALLBACK (set_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (set, "notify::modified", G_CALLBACK (modified_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (set, "notify::can-undo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (set, "notify::can-redo", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  watch_sidecar (self);
  watch_codebook (self);
  update_title (self);
  update_actions (self);
  /* The review panel compares it with the colleagues' layers beside the
   * article; like the sidebar, it catches up right after the article is
   * drawn (it costs a long annotated article a fifth of a second). */
  self->review_pending = TRUE;
  defer_sidebar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDECAR]);
}

static GlossSidecar *
new_own_sidecar (GlossWindow   *self,
                 GlossCodebook *codebook)
{
  g_autofree char *id = annotator_id (self);
  g_autofree char *name = g_settings_get_string (self->settings, "annotator-name");
  g_autoptr(GFile) own = gloss_sidecar_file_for_article (self->file, id);
  g_autoptr(GlossCodebook) team = NULL;
  g_autoptr(GError) error = NULL;
  GlossSidecar *sidecar;

  /* A team's gloss-codebook.json beside the article comes first; a broken
   * one is reported, never silently replaced by another codebook. */
  team = gloss_codebook_find_for_article (self->file, &error);
  if (error != NULL)
    show_error (self, error->message);
  if (team != NULL)
    codebook = team;

  sidecar = gloss_sidecar_new (id, codebook);

  gloss_sidecar_set_file (sidecar, own);
  if (name != NULL && *name != '\0')
    gloss_sidecar_set_annotator_name (sidecar, name);

  return sidecar;
}

static void
show_broken (GlossWindow *self,
             GFile       *file,
             GError      *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *text = NULL;

  g_set_object (&self->broken_file, file);
  /* The core's message names the file and the JSON path of the problem. */
  text = g_strdup_printf (_("The annotations could not be loaded, and Gloss will not write over “%s”. "
                            "New annotations are kept in this window only: use Save As to keep them, "
                            "or fix the file and try again.\n%s"), name, error->message);
  gtk_label_set_label (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_bar, TRUE);
}

static void
finish_own (GlossWindow *self)
{
  g_autoptr(GlossSidecar) sidecar = g_steal_pointer (&self->own_loaded);
  g_autoptr(GError) error = g_steal_pointer (&self->own_error);

  if (sidecar == NULL)
    {
      g_autoptr(GlossSidecar) empty = NULL;
      g_autofree char *id = annotator_id (self);
      g_autoptr(GFile) own = gloss_sidecar_file_for_article (self->file, id);

      show_broken (self, own, error);
      empty = gloss_sidecar_new (id, NULL);
      /* No file: nothing can be written until the user picks one. */
      set_sidecar (self, empty);
      return;
    }

  g_clear_object (&self->broken_file);
  gtk_revealer_set_reveal_child (self->error_bar, FALSE);
  set_conflict (self, FALSE);
  set_sidecar (self, sidecar);
}

static void load_others (GlossWindow *self);
static void show_text   (GlossWindow *self);

/* Both the article and the user's sidecar are in (or known absent). */
/* Where the article is in a text saved from a browser, when page chrome
 * surrounds it. */
static gboolean
text_clutter (GlossWindow    *self,
              GlossTextTitle *title)
{
  JsonObject *prov = self->document ? gloss_document_get_provenance (self->document) : NULL;
  const char *text;
  guint length;

  if (prov == NULL || g_strcmp0 (json_object_get_string_member_with_default (prov, "format", ""), "text") != 0)
    return FALSE;
  text = gloss_document_get_text (self->document);
  if (!gloss_text_find_title (text, title))
    return FALSE;
  length = gloss_document_get_length (self->document);
  /* Trailing blank lines are no clutter. */
  while (length > title->body_end && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, length - 1))))
    length--;
  return title->start > 0 || title->body_end < length;
}

/* Offered on a new article only: trimming changes the text, and so every
 * offset a layer holds. */
static void
offer_trim (GlossWindow *self)
{
  GlossTextTitle title;
  AdwToast *offer;

  if (!text_clutter (self, &title))
    return;
  offer = adw_toast_new (_("The text has page clutter around the article"));
  adw_toast_set_timeout (offer, 0);
  adw_toast_set_button_label (offer, _("_Trim Page Clutter"));
  adw_toast_set_action_name (offer, "win.trim-clutter");
  adw_toast_overlay_add_toast (self->toast_overlay, offer);
}

/* A copy of the article without the clutter, beside it, opened (in a
 * window of its own); the original stays as it was. */
static void
trim_clutter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) trimmed = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *body = NULL;
  g_autofree char *content = NULL;
  GlossTextTitle title;

  if (self->file == NULL || !text_clutter (self, &title))
    return;

  name = g_file_get_basename (self->file);
  stem = g_str_has_suffix (name, ".txt") ? g_strndup (name, strlen (name) - 4) : g_strdup (name);
  g_free (name);
  /* Translators: the file name of an article without its page clutter; %s is the original's, without .txt */
  name = g_strdup_printf (_("%s (article).txt"), stem);
  parent = g_file_get_parent (self->file);
  trimmed = g_file_get_child (parent, name);
  if (!g_file_query_exists (trimmed, NULL))
    {
      body = gloss_document_get_slice (self->document, title.start, title.body_end);
      content = g_strconcat (body, "\n", NULL);
      if (!gloss_file_replace (trimmed, content, strlen (content), NULL, &error))
        {
          show_error (self, error->message);
          return;
        }
    }
  gloss_window_open (self, trimmed);
}

static void
maybe_finish_loading (GlossWindow *self)
{
  if (self->document == NULL || self->own_pending)
    return;

  show_text (self);
  if (self->own_loaded == NULL && self->own_error == NULL)
    offer_trim (self);
  if (self->own_loaded != NULL || self->own_error != NULL)
    finish_own (self);
  else
    load_others (self);
}

static void
own_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GlossSidecar *sidecar;

  sidecar = gloss_sidecar_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->own_pending = FALSE;
  self->reading_notice = FALSE;
  g_clear_handle_id (&self->reading_id, g_source_remove);
  g_clear_object (&self->own_loaded);
  g_clear_error (&self->own_error);
  self->own_loaded = sidecar;
  self->own_error = g_steal_pointer (&error);
  maybe_finish_loading (self);
}

/* Starts reading the user's own sidecar, when there is one. */
static void
start_own_load (GlossWindow *self)
{
  g_autofree char *id = annotator_id (self);
  g_autoptr(GFile) own = gloss_sidecar_file_for_article (self->file, id);

  if (!g_file_query_exists (own, NULL))
    return;

  self->own_pending = TRUE;
  gloss_sidecar_load_async (own, self->cancellable, own_loaded_cb, g_object_ref (self));
}

static void
colleague_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossSidecar) colleague = NULL;
  g_autoptr(GlossSidecar) own = NULL;
  g_autoptr(GError) error = NULL;

  colleague = gloss_sidecar_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A colleague's layer is theirs to edit; ours starts empty, with the
   * team's codebook when their file carries one. */
  own = new_own_sidecar (self, colleague ? gloss_sidecar_get_codebook (colleague) : NULL);
  set_sidecar (self, own);
}

static void
load_others (GlossWindow *self)
{
  g_autoptr(GPtrArray) layers = gloss_sidecar_list_for_article (self->file, NULL);

  if (layers != NULL && layers->len > 0)
    {
      gloss_sidecar_load_async (g_ptr_array_index (layers, 0), self->cancellable,
                                colleague_loaded_cb, g_object_ref (self));
      return;
    }

  {
    g_autoptr(GlossSidecar) sidecar = new_own_sidecar (self, NULL);

    set_sidecar (self, sidecar);
  }
}

static void
show_text (GlossWindow *self)
{
  if (self->document != NULL && gloss_article_view_get_document (self->article_view) != self->document)
    gloss_article_view_set_document (self->article_view, self->document);
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
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_document_load_file_finish (result, &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  g_set_object (&self->document, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  update_title (self);
  gloss_note_opened (self->settings, self->file);

  /* The text does not wait for the user's sidecar: its highlights follow
   * when it is read, and the buffer is filled while it is.  A sidecar that
   * takes a while says so in the subtitle. */
  show_text (self);
  if (self->own_pending && self->reading_id == 0)
    self->reading_id = g_timeout_add (READING_NOTICE_MS, reading_notice_cb, self);

  maybe_finish_loading (self);
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
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->file != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      GlossWindow *other;

      if (app == NULL)
        return;
      other = gloss_window_new (GLOSS_APPLICATION (app));
      gloss_window_open (other, file);
      gtk_window_present (GTK_WINDOW (other));
      return;
    }

  g_set_object (&self->file, file);
  update_title (self);
  gloss_document_load_file_async (file, self->encoding, self->cancellable, document_loaded_cb, g_object_ref (self));
  start_own_load (self);
}

/* Saving */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean manual = self->manual_save;
  GlossSidecar *sidecar = GLOSS_SIDECAR (object);

  if (!gloss_sidecar_save_finish (sidecar, result, &error))
    {
      self->saving = FALSE;
      self->close_after_save = FALSE;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        set_conflict (self, TRUE);
      else
        show_error (self, error->message);
      update_actions (self);
      return;
    }

  self->saving = FALSE;
  if (sidecar != self->sidecar)
    return;

  set_conflict (self, FALSE);
  watch_sidecar (self);
  update_title (self);
  update_actions (self);

  if (self->close_after_save)
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (manual)
    toast (self, _("Saved"), NULL, NULL);

  if (self->save_again || gloss_annotation_set_get_modified (gloss_sidecar_get_annotations (sidecar)))
    {
      self->save_again = FALSE;
      schedule_autosave (self);
    }
}

static void
save_to (GlossWindow           *self,
         GFile                 *file,
         GlossSidecarSaveFlags  flags,
         gboolean               manual)
{
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->saving = TRUE;
  update_actions (self);

  self->manual_save = !!manual;
  gloss_sidecar_save_async (self->sidecar, file, flags, self->cancellable, saved_cb, g_object_ref (self));
}

/* Nobody said who annotates: the id would be the login name by default. */
static gboolean
annotator_unknown (GlossWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "annotator-id");

  return id[0] == '\0';
}

/* Asked once per window, when the first save is due: the work waits
 * (autosave does not write) without anything blocking the user. */
static void
ask_annotator (GlossWindow *self)
{
  g_autofree char *login = gloss_annotator_id_default ();
  g_autofree char *escaped = g_markup_escape_text (login, -1);
  g_autofree char *title = NULL;
  AdwToast *question;

  if (self->annotator_asked)
    return;
  self->annotator_asked = TRUE;
  /* Translators: %s is the login name */
  title = g_strdup_printf (_("Who is annotating? Nothing is saved until you say: Ctrl+S saves as “%s”"), escaped);
  question = adw_toast_new (title);
  adw_toast_set_timeout (question, 0);
  adw_toast_set_button_label (question, _("_Choose…"));
  adw_toast_set_action_name (question, "app.preferences");
  adw_toast_overlay_add_toast (self->toast_overlay, question);
}

static void
save (GlossWindow           *self,
      GlossSidecarSaveFlags  flags,
      gboolean               manual)
{
  if (self->sidecar == NULL || self->broken_file != NULL ||
      gloss_sidecar_get_file (self->sidecar) == NULL)
    return;
  if (self->conflict && !(flags & GLOSS_SIDECAR_SAVE_OVERWRITE))
    return;
  if (!manual && !gloss_annotation_set_get_modified (gloss_sidecar_get_annotations (self->sidecar)))
    return;
  if (annotator_unknown (self))
    {
      g_autofree char *login = NULL;

      if (!manual)
        {
          ask_annotator (self);
          return;
        }
      /* Saving by hand is the answer: the login name it is. */
      login = gloss_annotator_id_default ();
      if (g_strcmp0 (login, gloss_sidecar_get_annotator_id (self->sidecar)) == 0)
        g_settings_set_string (self->settings, "annotator-id", login);
    }

  save_to (self, NULL, flags, manual);
}

/* Actions */

static void
update_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GlossAnnotationSet *set = self->sidecar ? gloss_sidecar_get_annotations (self->sidecar) : NULL;
  gboolean has_selected = gloss_article_view_get_selected (self->article_view) != NULL;

  gtk_widget_action_set_enabled (widget, "win.save",
                                 set != NULL && self->broken_file == NULL && !self->conflict && !self->saving &&
                                 gloss_sidecar_get_file (self->sidecar) != NULL);
  gtk_widget_action_set_enabled (widget, "win.save-as", set != NULL && !self->saving);
  gtk_widget_action_set_enabled (widget, "win.undo", set != NULL && gloss_annotation_set_can_undo (set));
  gtk_widget_action_set_enabled (widget, "win.redo", set != NULL && gloss_annotation_set_can_redo (set));
  gtk_widget_action_set_enabled (widget, "win.keep-mine", self->conflict && !self->saving);
  gtk_widget_action_set_enabled (widget, "win.reload-annotations", self->file != NULL && self->document != NULL);
  gtk_widget_action_set_enabled (widget, "win.tag-all", has_selected);
  gtk_widget_action_set_enabled (widget, "win.delete-annotation", has_selected);
  gtk_widget_action_set_enabled (widget, "win.find", self->document != NULL);
  gtk_widget_action_set_enabled (widget, "win.export", set != NULL && self->file != NULL);
  gtk_widget_action_set_enabled (widget, "win.print", self->document != NULL);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        gloss_window_open (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Article"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (articles, _("Articles"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_add_mime_type (articles, "application/xhtml+xml");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), articles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  gloss_window_open (GLOSS_WINDOW (widget), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  save (self, GLOSS_SIDECAR_SAVE_NONE, TRUE);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->sidecar != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL && self->broken_file != NULL && g_file_equal (file, self->broken_file))
        show_error (self, _("Gloss does not write over an annotations file it could not read. Choose another name."));
      else if (file != NULL)
        {
          /* The chooser has asked about replacing an existing file. */
          g_clear_object (&self->broken_file);
          gtk_revealer_set_reveal_child (self->error_bar, FALSE);
          save_to (self, file, GLOSS_SIDECAR_SAVE_OVERWRITE, TRUE);
        }
    }
  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->sidecar == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Annotations As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *base = g_file_get_basename (self->file);
      g_autofree char *id = annotator_id (self);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
      name = g_strdup_printf ("%s.%s-copy%s", base, id, GLOSS_SIDECAR_SUFFIX);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotationSet *set;

  if (self->sidecar == NULL)
    return;

  set = gloss_sidecar_get_annotations (self->sidecar);
  if (g_str_equal (action_name, "win.undo"))
    gloss_annotation_set_undo (set);
  else
    gloss_annotation_set_redo (set);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  GtkTextIter a, b;

  /* A short selection is what the reader wants to find. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b) &&
      gtk_text_iter_get_offset (&b) - gtk_text_iter_get_offset (&a) < 100)
    {
      g_autofree char *text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
update_find_label (GlossWindow *self)
{
  guint n = gloss_article_view_get_n_matches (self->article_view);
  int current = gloss_article_view_get_current_match (self->article_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *label = NULL;

  if (text == NULL || *text == '\0')
    label = g_strdup ("");
  else if (n == 0)
    label = g_strdup (_("No matches"));
  else if (current < 0)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);
  else
    /* Translators: the current match of all matches, like “3 of 12” */
    label = g_strdup_printf (_("%d of %u"), current + 1, n);

  gtk_label_set_label (self->find_label, label);
}

static void
find_changed_cb (GlossWindow *self)
{
  gloss_article_view_set_search_text (self->article_view, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  gloss_article_view_find_next (self->article_view, FALSE);
  update_find_label (self);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gloss_article_view_find_next (self->article_view, g_str_equal (action_name, "win.find-previous"));
  update_find_label (self);
}

static void
find_activate_cb (GlossWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-next", NULL);
}

static void
find_next_cb (GlossWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-next", NULL);
}

static void
find_previous_cb (GlossWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-previous", NULL);
}

static void
find_stop_cb (GlossWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gloss_article_view_set_search_text (self->article_view, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
reload (GlossWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->own_pending)
    return;
  start_own_load (self);
  maybe_finish_loading (self);
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GlossWindow      *self)
{
  if (g_str_equal (response, "reload"))
    reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWidget *dialog;

  if (self->sidecar == NULL ||
      !gloss_annotation_set_get_modified (gloss_sidecar_get_annotations (self->sidecar)))
    {
      reload (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Your Changes?"),
                                   _("Reloading reads the annotations file from disk. "
                                     "The changes made in this window since it was last saved are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Discard and Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
keep_mine_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GlossWindow      *self)
{
  if (g_str_equal (response, "replace"))
    save (self, GLOSS_SIDECAR_SAVE_OVERWRITE, TRUE);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Changed File?"),
                                   _("Another program changed the annotations file since Gloss read it. "
                                     "Replacing it with your version discards those changes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (keep_mine_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Adopting the layer saved under the previous annotator id */

static void
annotator_changed_cb (GlossWindow *self)
{
  g_autofree char *id = annotator_id (self);
  g_autofree char *escaped_old = NULL;
  g_autofree char *escaped_new = NULL;
  g_autofree char *title = NULL;
  g_autofree char *button = NULL;
  GFile *own;
  AdwToast *offer;

  if (self->sidecar == NULL || self->file == NULL ||
      (own = gloss_sidecar_get_file (self->sidecar)) == NULL ||
      g_strcmp0 (id, gloss_sidecar_get_annotator_id (self->sidecar)) == 0 ||
      gloss_annotation_set_get_size (gloss_sidecar_get_annotations (self->sidecar)) == 0)
    return;

  /* Otherwise the work under the old id reappears as a colleague's
   * read-only layer next time, and "your" layer is empty. */
  escaped_old = g_markup_escape_text (gloss_sidecar_get_annotator_id (self->sidecar), -1);
  escaped_new = g_markup_escape_text (id, -1);
  /* Translators: both are annotator ids */
  title = g_strdup_printf (_("Your annotations of this article are saved as “%s”"), escaped_old);
  /* Translators: %s is the new annotator id */
  button = g_strdup_printf (_("Adopt as “%s”"), escaped_new);
  offer = adw_toast_new (title);
  adw_toast_set_timeout (offer, 0);
  adw_toast_set_button_label (offer, button);
  adw_toast_set_action_name (offer, "win.adopt-layer");
  adw_toast_overlay_add_toast (self->toast_overlay, offer);
}

static void
adopt_layer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autofree char *id = annotator_id (self);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  GFile *own;

  if (self->sidecar == NULL || self->file == NULL || (own = gloss_sidecar_get_file (self->sidecar)) == NULL ||
      g_strcmp0 (id, gloss_sidecar_get_annotator_id (self->sidecar)) == 0)
    return;

  target = gloss_sidecar_file_for_article (self->file, id);
  /* A rename keeps the file as read (its stamp), and never replaces one. */
  if (g_file_query_exists (own, NULL) &&
      !g_file_move (own, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &error))
    {
      g_autofree char *name = g_file_get_basename (target);
      g_autofree char *message = g_strdup_printf (_("%s: cannot adopt the annotations: %s"), name, error->message);

      show_error (self, message);
      return;
    }

  gloss_sidecar_set_file (self->sidecar, target);
  gloss_sidecar_set_annotator_id (self->sidecar, id);
  /* Before the old file's move event arrives, which is not a change by someone else. */
  watch_sidecar (self);
  save (self, GLOSS_SIDECAR_SAVE_NONE, TRUE);
  update_title (self);
}

/* Open URL */

static void
fetched_cb (GlossWindow   *self,
            GlossDocument *document,
            GFile         *article_file)
{
  /* The snapshot is an ordinary article file now: open it like any other,
   * so the sidecar lands beside it and recent files know it. */
  gloss_window_open (self, article_file);
}

/**
 * gloss_window_open_url:
 * @self: a #GlossWindow
 * @url: (nullable): an address to fetch right away, or %NULL to ask for one
 *
 * What Ctrl+L does; with @url, as if the user had typed it and pressed Return.
 */
void
gloss_window_open_url (GlossWindow *self,
                       const char  *url)
{
  GtkWindow *dialog;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  dialog = gloss_open_url_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "fetched", G_CALLBACK (fetched_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
  if (url != NULL)
    {
      gloss_open_url_dialog_set_url (GLOSS_OPEN_URL_DIALOG (dialog), url);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "url.open", NULL);
    }
}

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gloss_window_open_url (GLOSS_WINDOW (widget), NULL);
}

static void
header_open_failed_cb (GlossWindow *self,
                       GError      *error)
{
  show_error (self, error->message);
}

/* Reopen with encoding */

static void
reopened_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_document_load_file_finish (result, &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  /* The annotations stay in memory, edits included, and are anchored in the
   * text as decoded now; nothing is saved until the user saves. */
  g_set_object (&self->document, document);
  gloss_article_view_set_document (self->article_view, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  if (self->sidecar != NULL)
    set_sidecar (self, self->sidecar);
  else
    update_title (self);

  {
    /* Translators: %s is a character encoding, like GB18030 */
    g_autofree char *message = g_strdup_printf (_("Reopened as %s"), gloss_document_get_encoding (document));

    toast (self, message, NULL, NULL);
  }
}

static void
reopen_encoding_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  const char *encoding = g_variant_get_string (parameter, NULL);

  if (self->file == NULL)
    return;

  g_free (self->encoding);
  self->encoding = *encoding ? g_strdup (encoding) : NULL;
  gloss_document_load_file_async (self->file, self->encoding, self->cancellable,
                                  reopened_cb, g_object_ref (self));
}

/* Import */

typedef struct
{
  GlossImportFormat  format;
  GFile             *file;
  GlossDocument     *document;
  GlossCodebook     *codebook;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->document);
  g_clear_object (&data->codebook);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GlossImportOptions options = { NULL, NULL, data->document, data->codebook };
  GError *error = NULL;
  GlossSidecar *imported;

  imported = gloss_import_file (data->format, data->file, &options, cancellable, &error);
  if (imported == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, imported, g_object_unref);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  g_autoptr(GlossSidecar) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GlossAnnotationSet *from, *to;
  GlossCodebook *codebook;
  guint added = 0, skipped = 0;

  imported = g_task_propagate_pointer (G_TASK (result), &error);
  if (imported == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  if (self->sidecar == NULL || _gloss_window_get_broken (self))
    return;

  /* Tags the file uses that this codebook lacks come along. */
  codebook = gloss_sidecar_get_codebook (self->sidecar);
  for (guint i = 0; i < gloss_codebook_get_n_tags (gloss_sidecar_get_codebook (imported)); i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (gloss_sidecar_get_codebook (imported), i);

      if (gloss_codebook_lookup (codebook, gloss_tag_get_id (tag)) == NULL)
        gloss_codebook_add_tag (codebook, tag);
    }

  /* One undo step; annotations already here (same id) are not doubled. */
  from = gloss_sidecar_get_annotations (imported);
  to = gloss_sidecar_get_annotations (self->sidecar);
  gloss_annotation_set_begin_group (to, _("Import annotations"));
  for (guint i = 0; i < gloss_annotation_set_get_size (from); i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (from, i);
      g_autoptr(GlossAnnotation) copy = NULL;

      if (gloss_annotation_set_lookup (to, gloss_annotation_get_id (annotation)) != NULL)
        {
          skipped++;
          continue;
        }
      copy = gloss_annotation_copy (annotation);
      gloss_annotation_set_add (to, copy);
      added++;
    }
  gloss_annotation_set_end_group (to);

  if (skipped > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %u annotation (%u already here)",
                                            "Imported %u annotations (%u already here)", added),
                               added, skipped);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %u annotation",
                                            "Imported %u annotations", added),
                               added);
  toast (self, message, added > 0 ? _("_Undo") : NULL, added > 0 ? "win.undo" : NULL);
}

/**
 * _gloss_window_import:
 * @self: a #GlossWindow
 * @file: a W3C Web Annotation file, or a brat `.ann` beside its `.txt`
 *
 * Reads @file in a thread and adds its annotations to the user's layer as
 * one undo step.
 */
void
_gloss_window_import (GlossWindow *self,
                      GFile       *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  ImportData *data;

  if (self->sidecar == NULL || self->document == NULL)
    return;

  name = g_file_get_basename (file);
  data = g_new0 (ImportData, 1);
  data->format = g_str_has_suffix (name, ".ann") ? GLOSS_IMPORT_BRAT : GLOSS_IMPORT_W3C;
  data->file = g_object_ref (file);
  data->document = g_object_ref (self->document);
  data->codebook = g_object_ref (gloss_sidecar_get_codebook (self->sidecar));

  task = g_task_new (self, self->cancellable, imported_cb, NULL);
  g_task_set_source_tag (task, _gloss_window_import);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file != NULL)
    _gloss_window_import (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Annotations"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("W3C Web Annotation or brat files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.jsonld");
  gtk_file_filter_add_pattern (filter, "*.ann");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (g_str_equal (action_name, "win.tag-all"))
    gtk_widget_activate_action (GTK_WIDGET (self->article_view), "article.tag-all", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->article_view), "article.delete", NULL);
}

static void
exported_cb (GlossExportDialog *dialog,
             GFile             *file,
             GlossWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  guint left_out = gloss_export_dialog_get_left_out (dialog);
  g_autofree char *text = NULL;

  if (left_out == 0)
    text = g_strdup_printf (_("Exported to %s"), name);
  else
    /* Translators: %s is a file name, %u a number of annotations */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Exported to %s; %u annotation does not fit this format and was left out",
                                         "Exported to %s; %u annotations do not fit this format and were left out",
                                         left_out),
                            name, left_out);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_failed_cb (GlossWindow *self,
                  const char  *message)
{
  show_error (self, message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWindow *dialog;

  if (self->sidecar == NULL)
    return;

  dialog = gloss_export_dialog_new (GTK_WINDOW (self), self->sidecar, self->file);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (export_failed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (gloss_article_print (GTK_WINDOW (self), self->document,
                           self->sidecar ? gloss_sidecar_get_annotations (self->sidecar) : NULL,
                           self->sidecar ? gloss_sidecar_get_codebook (self->sidecar) : NULL,
                           NULL, NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
}

static void
show_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Article and sidebar signals */

/* Review */

static void
show_range_cb (GlossWindow *self,
               guint        start,
               guint        end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));

  gloss_article_view_select_range (self->article_view, start, end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->article_view), gtk_text_buffer_get_insert (buffer),
                                0.2, FALSE, 0, 0);
}

static void
disagreement_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  GtkTextIter start, end;

  /* From the start of the selection (or the caret): that is where the
   * previous jump left it. */
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gloss_review_panel_step (self->review_panel, gtk_text_iter_get_offset (&start),
                           g_str_equal (name, "win.previous-disagreement"));
}

static void
removed_cb (GlossWindow     *self,
            GlossAnnotation *annotation)
{
  toast (self, _("Annotation removed"), _("_Undo"), "win.undo");
}

static void
message_cb (GlossWindow *self,
            const char  *text,
            gboolean     undoable)
{
  toast (self, text, undoable ? _("_Undo") : NULL, undoable ? "win.undo" : NULL);
}

static void
activated_cb (GlossWindow     *self,
              GlossAnnotation *annotation)
{
  gloss_article_view_set_selected (self->article_view, annotation);
  gloss_article_view_scroll_to (self->article_view, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/* The tag an untagged name clicked in pick mode gets: a person where the
 * link allows one (a speaker is a person first), else its first tag. */
static const char *
pick_tag (GlossWindow *self)
{
  GlossCodebook *codebook = self->sidecar ? gloss_sidecar_get_codebook (self->sidecar) : NULL;
  GlossTag *tag = codebook && self->pick_target ? gloss_codebook_lookup (codebook, gloss_annotation_get_tag (self->pick_target)) : NULL;
  const GlossAttributeDef *def = tag ? gloss_tag_lookup_attribute (tag, self->pick_attribute) : NULL;

  if (def == NULL || def->to == NULL || def->to[0] == NULL)
    return NULL;
  return g_strv_contains ((const char * const *)def->to, "person") ? "person" : def->to[0];
}

static void
pick_link_cb (GlossWindow      *self,
              const char       *attribute,
              GlossDetailsPane *details)
{
  g_free (self->pick_attribute);
  self->pick_attribute = g_strdup (attribute);
  g_set_object (&self->pick_target, gloss_details_pane_get_annotation (details));
  gloss_article_view_set_pick_tag (self->article_view, pick_tag (self));
  gloss_article_view_set_pick_mode (self->article_view, TRUE);
  toast (self, _("Click the annotation to link to in the article, or press Escape"), NULL, NULL);
}

static void
picked_cb (GlossWindow     *self,
           GlossAnnotation *picked)
{
  GlossAnnotationSet *set = self->sidecar ? gloss_sidecar_get_annotations (self->sidecar) : NULL;
  GlossCodebook *codebook = self->sidecar ? gloss_sidecar_get_codebook (self->sidecar) : NULL;
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
      toast (self, _("That annotation cannot be linked here: its tag is not one this field allows"), NULL, NULL);
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

/* Closing */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GlossWindow      *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      if (self->broken_file != NULL || self->conflict)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), self->conflict ? "win.keep-mine" : "win.save-as", NULL);
          return;
        }
      self->close_after_save = TRUE;
      save (self, GLOSS_SIDECAR_SAVE_NONE, TRUE);
    }
}

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);
  GtkWidget *dialog;

  if (self->closing || self->sidecar == NULL ||
      !gloss_annotation_set_get_modified (gloss_sidecar_get_annotations (self->sidecar)))
    return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("The annotations of this article have unsaved changes. Changes that are not saved are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GDK_EVENT_STOP;
}

/* Accessors */

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
  return self->sidecar;
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
  return self->document;
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
  return self->conflict;
}

gboolean
_gloss_window_get_broken (GlossWindow *self)
{
  return self->broken_file != NULL;
}

gboolean
_gloss_window_is_saving (GlossWindow *self)
{
  return self->saving;
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
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->sync_idle_id, g_source_remove);
  g_clear_handle_id (&self->codebook_idle_id, g_source_remove);
  g_clear_handle_id (&self->reading_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);
  g_clear_object (&self->font_css);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_object (&self->document);
  g_clear_object (&self->sidecar);
  g_clear_object (&self->broken_file);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->pick_target);
  g_clear_object (&self->own_loaded);
  g_clear_error (&self->own_error);
  g_clear_pointer (&self->pick_attribute, g_free);
  /* Sidecars outlive windows (the codebook editor holds one): unhook. */
  g_clear_object (&self->sidecar);
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
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_SIDECAR: g_value_set_object (value, self->sidecar); break;
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
  window_class->close_request = gloss_window_close_request;
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
  g_type_ensure (GLOSS_TYPE_REVIEW_PANEL);

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
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, review_panel);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, find_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.adopt-layer", NULL, adopt_layer_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.reload-annotations", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.trim-clutter", NULL, trim_clutter_action);
  gtk_widget_class_install_action (widget_class, "win.open-url", NULL, open_url_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-encoding", "s", reopen_encoding_action);
  gtk_widget_class_install_action (widget_class, "win.show-file", "s", show_file_action);
  gtk_widget_class_install_action (widget_class, "win.tag-all", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.next-disagreement", NULL, disagreement_action);
  gtk_widget_class_install_action (widget_class, "win.previous-disagreement", NULL, disagreement_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-url", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.next-disagreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "win.previous-disagreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}

static void
gloss_window_init (GlossWindow *self)
{
  GtkDropTarget *drop;

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->recent_menu = g_menu_new ();

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
  gloss_menu_button_quiet_tooltip (self->primary_menu_button);
  g_signal_connect_object (self->settings, "changed::annotator-id", G_CALLBACK (annotator_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::reading-font", G_CALLBACK (reading_font_changed_cb),
                           self, G_CONNECT_SWAPPED);
  reading_font_changed_cb (self);

  g_signal_connect_object (self->article_view, "notify::selected", G_CALLBACK (view_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "removed", G_CALLBACK (removed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "message", G_CALLBACK (message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "picked", G_CALLBACK (picked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::selected", G_CALLBACK (sidebar_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "activated", G_CALLBACK (activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gloss_sidebar_get_details (self->sidebar), "pick-link", G_CALLBACK (pick_link_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_panel, "show-range", G_CALLBACK (show_range_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_panel, "message", G_CALLBACK (message_cb), self, G_CONNECT_SWAPPED);
  gloss_article_view_set_layers (self->article_view, gloss_review_panel_get_shown_layers (self->review_panel));
  gloss_review_panel_set_text_view (self->review_panel, GTK_TEXT_VIEW (self->article_view));
  g_object_bind_property (self, "document", self->article_header, "document", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->article_header, "open-failed", G_CALLBACK (header_open_failed_cb),
                           self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}
