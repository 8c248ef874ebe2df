/* gloss-open-url-dialog.c: fetching an article by URL into the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog owns one fetch at a time. It stays open on failure so that the
 * user can fix the address and retry, and closes itself after emitting
 * ::fetched, leaving the window to open the snapshot.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-document.h"
#include "gloss-fetch.h"
#include "gloss-open-url-dialog.h"
#include "gloss-preferences-window.h"

/* Seconds the https:// attempt at an address typed without a scheme may wait. */
#define BARE_ADDRESS_TIMEOUT 5

struct _GlossOpenUrlDialog
{
  AdwWindow       parent_instance;

  GFile          *library;
  GCancellable   *cancellable;
  char           *error;
  char           *fallback;  /* http:// for a bare address tried as https:// */
  guint           pulse_id;

  GtkLabel       *library_label;
  GtkButton      *open_button;
  GtkProgressBar *progress_bar;
  GtkRevealer    *progress_revealer;
  GtkLabel       *status_label;
  GtkButton      *stop_button;
  AdwEntryRow    *url_row;
};

G_DEFINE_FINAL_TYPE (GlossOpenUrlDialog, gloss_open_url_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_URL,
  PROP_LIBRARY,
  PROP_BUSY,
  N_PROPS
};

enum {
  FETCHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One fetch: progress and completion both hold it, so whichever comes last frees it. */
typedef struct
{
  GlossOpenUrlDialog *self;
  GCancellable       *cancellable;
} Request;

static void
request_clear (Request *req)
{
  g_clear_object (&req->self);
  g_clear_object (&req->cancellable);
}

static void
request_release (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) request_clear);
}

static gboolean
request_is_current (Request *req)
{
  return req->self->cancellable != NULL && req->self->cancellable == req->cancellable;
}

/* The library folder from Preferences; the schema may be missing when the
 * widget runs outside an installed Gloss (tests, other hosts). */
static GFile *
settings_library_folder (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *documents;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "library-folder"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

      return gloss_settings_get_library_folder (settings);
    }

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL)
    return g_file_new_build_filename (documents, "Gloss", NULL);
  return g_file_new_build_filename (g_get_home_dir (), "Documents", "Gloss", NULL);
}

/* Whether @text is a bare address such as "example.org/x", "localhost" or
 * "127.0.0.1:8080/x": a host, perhaps a port, no scheme. */
static gboolean
is_bare_address (const char *text)
{
  const char *colon;
  gsize host_len = strcspn (text, ":/?#");

  if (strstr (text, "://") != NULL || strpbrk (text, " \t\n") != NULL || host_len == 0)
    return FALSE;
  colon = strchr (text, ':');
  if (colon != NULL && (colon != text + host_len || !g_ascii_isdigit (colon[1])))
    return FALSE;
  return memchr (text, '.', host_len) != NULL || (host_len == strlen ("localhost") &&
                                                   g_ascii_strncasecmp (text, "localhost", host_len) == 0);
}

/* What the user typed, trimmed; a bare "example.org/x" gets https:// in
 * front, and @fallback (when not NULL) the http:// address to try next. */
static char *
normalized_url (GlossOpenUrlDialog *self,
                char              **fallback)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));

  if (fallback != NULL)
    *fallback = NULL;
  g_strstrip (text);
  if (text[0] == '\0')
    return NULL;
  if (is_bare_address (text))
    {
      if (fallback != NULL)
        *fallback = g_strconcat ("http://", text, NULL);
      return g_strconcat ("https://", text, NULL);
    }
  return g_steal_pointer (&text);
}

static void
update_actions (GlossOpenUrlDialog *self)
{
  gboolean busy = self->cancellable != NULL;
  g_autofree char *url = normalized_url (self, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "url.open", !busy && url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "url.stop", busy);
  /* Read-only rather than insensitive: taking the focus from a blinking
   * GtkText without a focus-out confuses its cursor timer. */
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), !busy);
}

static void
update_library_label (GlossOpenUrlDialog *self)
{
  g_autoptr(GFile) library = gloss_open_url_dialog_get_library (self);
  g_autofree char *name = g_file_get_parse_name (library);
  g_autofree char *text = g_strdup_printf (_("The page and its article text are saved in %s"), name);

  gtk_label_set_text (self->library_label, text);
}

/* @message NULL hides the line; @is_error picks red over dim. */
static void
show_status (GlossOpenUrlDialog *self,
             const char         *message,
             gboolean            is_error)
{
  if (g_strcmp0 (self->error, is_error ? message : NULL) != 0)
    {
      g_free (self->error);
      self->error = is_error ? g_strdup (message) : NULL;
    }

  gtk_label_set_text (self->status_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
    }
}

static gboolean
pulse_cb (gpointer data)
{
  GlossOpenUrlDialog *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_pulsing (GlossOpenUrlDialog *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
set_busy (GlossOpenUrlDialog *self,
          GCancellable       *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  g_set_object (&self->cancellable, cancellable);
  stop_pulsing (self);
  gtk_revealer_set_reveal_child (self->progress_revealer, cancellable != NULL);
  if (cancellable != NULL)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_progress_bar_set_text (self->progress_bar, _("Connecting…"));
      /* Until the server states a length there is nothing to measure against. */
      self->pulse_id = g_timeout_add (120, pulse_cb, self);
    }
  update_actions (self);
  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
progress_cb (goffset  received,
             goffset  expected,
             gpointer data)
{
  Request *req = data;
  GlossOpenUrlDialog *self = req->self;
  g_autofree char *got = NULL;
  g_autofree char *text = NULL;

  if (!request_is_current (req))
    return;

  got = g_format_size (received);
  if (expected > 0)
    {
      g_autofree char *total = g_format_size (expected);

      stop_pulsing (self);
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     CLAMP ((double) received / (double) expected, 0.0, 1.0));
      if (received >= expected)
        text = g_strdup (_("Reading the article…"));
      else
        /* Translators: download progress, e.g. "120 kB of 1.2 MB" */
        text = g_strdup_printf (_("%s of %s"), got, total);
    }
  else
    {
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (120, pulse_cb, self);
      /* Translators: download progress when the size is unknown, e.g. "120 kB" */
      text = g_strdup_printf (_("%s received"), got);
    }
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void start_fetch (GlossOpenUrlDialog *self,
                         const char         *url);

/* More than the title: a page that builds itself with JavaScript extracts
 * to its <title> alone, or to nothing. */
static gboolean
has_article_text (GlossDocument *doc)
{
  g_autofree char *text = g_strstrip (g_strdup (gloss_document_get_text (doc)));
  const char *title = gloss_document_get_title (doc);

  if (title != NULL && g_str_has_prefix (text, title))
    memmove (text, text + strlen (title), strlen (text + strlen (title)) + 1);
  return g_strstrip (text)[0] != '\0';
}

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Request *req = data;
  GlossOpenUrlDialog *self = req->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) snapshot = NULL;
  g_autoptr(GlossDocument) doc = NULL;

  doc = gloss_fetch_finish (result, &snapshot, &error);

  /* Closed, or stopped and retried in the meantime: this answer is stale. */
  if (!request_is_current (req))
    goto out;

  if (g_cancellable_is_cancelled (req->cancellable))
    {
      set_busy (self, NULL);
      show_status (self, _("Download cancelled."), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      goto out;
    }

  /* No answer over https:// for an address typed without a scheme: the
   * site may speak plain http only. */
  if (doc == NULL && self->fallback != NULL &&
      (g_error_matches (error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TLS) ||
       g_error_matches (error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_REFUSED) ||
       g_error_matches (error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_TIMEOUT) ||
       g_error_matches (error, GLOSS_FETCH_ERROR, GLOSS_FETCH_ERROR_NETWORK)))
    {
      g_autofree char *fallback = g_steal_pointer (&self->fallback);

      set_busy (self, NULL);
      start_fetch (self, fallback);
      goto out;
    }

  if (doc != NULL && !has_article_text (doc))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s has no article text. The page probably builds itself with JavaScript, "
                           "which Gloss does not run: save it from a web browser and open the saved file."),
                         gtk_editable_get_text (GTK_EDITABLE (self->url_row)));

      set_busy (self, NULL);
      show_status (self, message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      goto out;
    }

  if (doc == NULL)
    {
      set_busy (self, NULL);
      show_status (self, error->message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      goto out;
    }

  set_busy (self, NULL);
  show_status (self, NULL, FALSE);
  g_signal_emit (self, signals[FETCHED], 0, doc, snapshot);
  gtk_window_destroy (GTK_WINDOW (self));

out:
  request_release (req);
}

static void
start_fetch (GlossOpenUrlDialog *self,
             const char         *url)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GFile) library = NULL;
  GlossFetchOptions options = { 0 };
  Request *req;

  /* Shown as it is fetched: the address the snapshot will record. */
  if (!g_str_equal (url, gtk_editable_get_text (GTK_EDITABLE (self->url_row))))
    {
      g_autofree char *fallback = g_steal_pointer (&self->fallback);

      gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
      self->fallback = g_steal_pointer (&fallback);
    }

  show_status (self, NULL, FALSE);
  cancellable = g_cancellable_new ();
  set_busy (self, cancellable);

  library = gloss_open_url_dialog_get_library (self);
  options.library = library;
  /* A plain-http server on another port than 80 never answers the TLS
   * handshake: give up on https:// soon when http:// is left to try. */
  if (self->fallback != NULL)
    options.timeout = BARE_ADDRESS_TIMEOUT;

  req = g_rc_box_new0 (Request);
  req->self = g_object_ref (self);
  req->cancellable = g_object_ref (cancellable);
  gloss_fetch_async (url, &options,
                     progress_cb, g_rc_box_acquire (req), request_release,
                     cancellable, fetch_cb, req);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (widget);
  g_autofree char *fallback = NULL;
  g_autofree char *url = normalized_url (self, &fallback);

  if (self->cancellable != NULL || url == NULL)
    return;

  if (!gloss_fetch_is_url (url))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a web address. Enter an address that starts with http:// or https://."),
                         url);

      show_status (self, message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return;
    }

  g_free (self->fallback);
  self->fallback = g_steal_pointer (&fallback);
  start_fetch (self, url);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (widget);

  /* The completion resets the dialog, so a late answer cannot race a retry. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
url_changed_cb (GlossOpenUrlDialog *self)
{
  /* Editing after a failure means the user is fixing it. */
  if (self->cancellable == NULL && gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    show_status (self, NULL, FALSE);
  g_clear_pointer (&self->fallback, g_free);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

static void
url_activated_cb (GlossOpenUrlDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "url.open", NULL);
}

static void
cancel_fetch (GlossOpenUrlDialog *self)
{
  g_autoptr(GCancellable) cancellable = g_steal_pointer (&self->cancellable);

  stop_pulsing (self);
  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
}

static gboolean
gloss_open_url_dialog_close_request (GtkWindow *window)
{
  cancel_fetch (GLOSS_OPEN_URL_DIALOG (window));
  return GTK_WINDOW_CLASS (gloss_open_url_dialog_parent_class)->close_request (window);
}

static void
gloss_open_url_dialog_dispose (GObject *object)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (object);

  cancel_fetch (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_OPEN_URL_DIALOG);

  G_OBJECT_CLASS (gloss_open_url_dialog_parent_class)->dispose (object);
}

static void
gloss_open_url_dialog_finalize (GObject *object)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (object);

  g_clear_object (&self->library);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->fallback, g_free);

  G_OBJECT_CLASS (gloss_open_url_dialog_parent_class)->finalize (object);
}

static void
gloss_open_url_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, gloss_open_url_dialog_get_url (self));
      break;
    case PROP_LIBRARY:
      g_value_take_object (value, gloss_open_url_dialog_get_library (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, gloss_open_url_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_open_url_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossOpenUrlDialog *self = GLOSS_OPEN_URL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_URL:
      gloss_open_url_dialog_set_url (self, g_value_get_string (value));
      break;
    case PROP_LIBRARY:
      gloss_open_url_dialog_set_library (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_open_url_dialog_class_init (GlossOpenUrlDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_open_url_dialog_dispose;
  object_class->finalize = gloss_open_url_dialog_finalize;
  object_class->get_property = gloss_open_url_dialog_get_property;
  object_class->set_property = gloss_open_url_dialog_set_property;
  window_class->close_request = gloss_open_url_dialog_close_request;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* NULL (the default) follows the "library-folder" setting. */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossOpenUrlDialog::fetched:
   * @self: the dialog
   * @document: the extracted article
   * @article_file: the snapshot's article text file (sidecars go beside it)
   *
   * Emitted once the page is fetched and saved; the dialog closes right after.
   */
  signals[FETCHED] =
    g_signal_new ("fetched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, GLOSS_TYPE_DOCUMENT, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-open-url-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, library_label);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, GlossOpenUrlDialog, url_row);
  gtk_widget_class_bind_template_callback (widget_class, url_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);

  gtk_widget_class_install_action (widget_class, "url.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "url.stop", NULL, stop_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_open_url_dialog_init (GlossOpenUrlDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
  update_library_label (self);
  /* Typing goes to the address, and Return opens it (not Cancel, the
   * first focusable widget). */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->url_row));
}

/**
 * gloss_open_url_dialog_new:
 * @parent: (nullable): the window the dialog is modal to
 *
 * Returns: (transfer none): a new dialog; present it, connect to ::fetched
 */
GtkWindow *
gloss_open_url_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (GLOSS_TYPE_OPEN_URL_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
}

const char *
gloss_open_url_dialog_get_url (GlossOpenUrlDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->url_row));
}

void
gloss_open_url_dialog_set_url (GlossOpenUrlDialog *self,
                               const char         *url)
{
  g_return_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self));

  /* ::changed notifies :url. */
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
}

/**
 * gloss_open_url_dialog_get_library:
 *
 * Returns: (transfer full): where snapshots are saved: the folder set with
 *   gloss_open_url_dialog_set_library(), else the "library-folder" setting
 */
GFile *
gloss_open_url_dialog_get_library (GlossOpenUrlDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self), NULL);

  if (self->library != NULL)
    return g_object_ref (self->library);
  return settings_library_folder ();
}

void
gloss_open_url_dialog_set_library (GlossOpenUrlDialog *self,
                                   GFile              *library)
{
  g_return_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self));
  g_return_if_fail (library == NULL || G_IS_FILE (library));

  if (g_set_object (&self->library, library))
    {
      update_library_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
    }
}

gboolean
gloss_open_url_dialog_get_busy (GlossOpenUrlDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/* The message shown for the last failure, or NULL. */
const char *
gloss_open_url_dialog_get_error (GlossOpenUrlDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_OPEN_URL_DIALOG (self), NULL);

  return self->error;
}
