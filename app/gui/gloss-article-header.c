/* gloss-article-header.c: where an article comes from, shown above its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Site, date, byline and link of the current document, and a way back to the
 * original: the web page, or the raw page saved in the library snapshot when
 * the computer is offline or the article has no URL.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-article-header.h"
#include "gloss-menu-button.h"
#include "gloss-document.h"

struct _GlossArticleHeader
{
  GtkWidget       parent_instance;

  GlossDocument  *document;
  GFile          *saved_copy;
  GCancellable   *cancellable;

  GtkLabel       *byline_label;
  GtkBox         *button_box;
  GtkLabel       *date_label;
  GtkLabel       *dot_label;
  GtkLabel       *link_label;
  GtkBox         *meta_box;
  GtkMenuButton  *more_button;
  GtkLabel       *site_label;
  GtkButton      *view_button;
};

G_DEFINE_FINAL_TYPE (GlossArticleHeader, gloss_article_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SAVED_COPY,
  N_PROPS
};

enum {
  OPEN_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
has_text (const char *s)
{
  return s != NULL && s[0] != '\0';
}

static const char *
document_url (GlossArticleHeader *self)
{
  const char *url = self->document ? gloss_document_get_url (self->document) : NULL;

  return has_text (url) ? url : NULL;
}

/* "2023-03-21T15:40:00+08:00" reads better in the user's language: "21 Mar
 * 2023, 15:40", "2023年3月21日 15:40" (never %x, which is 03/21/23 in the C
 * and English locales).  The time stays the page's own.  Anything else
 * ("2023年3月21日") is shown as the page wrote it. */
static char *
format_date (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;
  gboolean date_only = FALSE;

  if (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", text, 0, 0))
    {
      iso = g_strconcat (text, "T00:00:00", NULL);
      date_only = TRUE;
    }
  /* "2023-03-21 15:40": a space for the T, minutes only; GLib wants both. */
  else if (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}$", text, 0, 0))
    iso = g_strconcat (text, ":00", NULL);
  else
    iso = g_strdup (text);
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';

  if (strchr (iso, 'T') != NULL)
    dt = g_date_time_new_from_iso8601 (iso, local);
  if (dt == NULL)
    return g_strdup (text);
  /* Translators: a publication date, in g_date_time_format()'s notation
   * (%-d: day without padding, %b: abbreviated month name); zh_CN: "%Y年%-m月%-d日" */
  if (date_only)
    return g_date_time_format (dt, _("%-d %b %Y"));
  /* Translators: a publication date and time, see the one above; zh_CN: "%Y年%-m月%-d日 %H:%M" */
  return g_date_time_format (dt, _("%-d %b %Y, %H:%M"));
}

/* The raw page beside the article: a fetched snapshot names it in its
 * provenance ("original"); a saved HTML page opened directly is its own copy. */
static GFile *
saved_copy_candidate (GlossDocument *document)
{
  GFile *file = gloss_document_get_file (document);
  JsonObject *prov = gloss_document_get_provenance (document);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *base = NULL;
  const char *original = NULL;

  if (file == NULL)
    return NULL;
  base = g_file_get_basename (file);
  if (base != NULL && (g_str_has_suffix (base, ".html") || g_str_has_suffix (base, ".htm") ||
                       g_str_has_suffix (base, ".xhtml")))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return NULL;
  if (prov != NULL && json_object_has_member (prov, "original") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (prov, "original")))
    original = json_object_get_string_member (prov, "original");
  /* The provenance file is data from disk: never follow it out of the folder. */
  if (has_text (original) && strchr (original, '/') == NULL && strchr (original, '\\') == NULL &&
      !g_str_equal (original, "..") && !g_str_equal (original, "."))
    return g_file_get_child (parent, original);
  if (g_strcmp0 (base, "article.txt") == 0)
    return g_file_get_child (parent, "original.html");
  return NULL;
}

static gboolean
online (void)
{
  return g_network_monitor_get_network_available (g_network_monitor_get_default ());
}

static void
update (GlossArticleHeader *self)
{
  GlossDocument *doc = self->document;
  const char *site = doc ? gloss_document_get_site_name (doc) : NULL;
  const char *published = doc ? gloss_document_get_published (doc) : NULL;
  const char *retrieved = doc ? gloss_document_get_retrieved (doc) : NULL;
  const char *byline = doc ? gloss_document_get_byline (doc) : NULL;
  const char *url = document_url (self);
  g_autofree char *date = NULL;
  g_autofree char *by = NULL;
  g_autofree char *markup = NULL;
  gboolean has_site = has_text (site);
  gboolean has_date;

  if (has_text (published))
    date = format_date (published);
  else if (has_text (retrieved) && url != NULL)
    {
      g_autofree char *when = format_date (retrieved);

      /* Translators: shown instead of the publication date of a fetched page */
      date = g_strdup_printf (_("Retrieved %s"), when);
    }
  has_date = date != NULL;

  gtk_label_set_text (self->site_label, has_site ? site : "");
  gtk_label_set_text (self->date_label, has_date ? date : "");
  gtk_widget_set_visible (GTK_WIDGET (self->site_label), has_site);
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), has_date);
  gtk_widget_set_visible (GTK_WIDGET (self->dot_label), has_site && has_date);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_box), has_site || has_date);

  if (has_text (byline))
    /* Translators: the article's author(s), e.g. "By Li Wei" */
    by = g_strdup_printf (_("By %s"), byline);
  gtk_label_set_text (self->byline_label, by ? by : "");
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label), by != NULL);

  if (url != NULL)
    markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url, url);
  gtk_label_set_markup (self->link_label, markup ? markup : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_label), url);
  gtk_widget_set_visible (GTK_WIDGET (self->link_label), url != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "header.open-web-page", url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "header.open-saved-copy", self->saved_copy != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "header.view-original",
                                 url != NULL || self->saved_copy != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->button_box), url != NULL || self->saved_copy != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), url != NULL && self->saved_copy != NULL);
  if (url == NULL || self->saved_copy == NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->view_button), NULL);
  else if (online ())
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->view_button), _("Open the web page in the browser"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->view_button),
                                 _("Offline: open the copy saved in the library"));

  /* A plain text file without metadata has nothing to say here. */
  gtk_widget_set_visible (GTK_WIDGET (self),
                          has_site || has_date || by != NULL || url != NULL || self->saved_copy != NULL);
}

static void
set_saved_copy (GlossArticleHeader *self,
                GFile              *file)
{
  if (g_set_object (&self->saved_copy, file))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_COPY]);
    }
}

static void
query_saved_copy_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(GlossArticleHeader) self = data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    set_saved_copy (self, G_FILE (source));
}

static void
show_uri_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GlossArticleHeader) self = data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[OPEN_FAILED], 0, error);
}

static void
open_uri (GlossArticleHeader *self,
          const char         *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, show_uri_cb, g_object_ref (self));
}

static void
view_original_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (widget);
  g_autofree char *uri = gloss_article_header_dup_original_uri (self);

  if (uri != NULL)
    open_uri (self, uri);
}

static void
open_web_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (widget);

  if (document_url (self) != NULL)
    open_uri (self, document_url (self));
}

static void
open_saved_copy_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (widget);

  if (self->saved_copy != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->saved_copy);

      open_uri (self, uri);
    }
}

static void
network_changed_cb (GlossArticleHeader *self)
{
  update (self);
}

static void
gloss_article_header_dispose (GObject *object)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ARTICLE_HEADER);
  /* The template's root has no id, so nothing else unparents it. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->document);
  g_clear_object (&self->saved_copy);

  G_OBJECT_CLASS (gloss_article_header_parent_class)->dispose (object);
}

static void
gloss_article_header_finalize (GObject *object)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gloss_article_header_parent_class)->finalize (object);
}

static void
gloss_article_header_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SAVED_COPY:
      g_value_set_object (value, self->saved_copy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_header_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossArticleHeader *self = GLOSS_ARTICLE_HEADER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      gloss_article_header_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_article_header_class_init (GlossArticleHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_article_header_dispose;
  object_class->finalize = gloss_article_header_finalize;
  object_class->get_property = gloss_article_header_get_property;
  object_class->set_property = gloss_article_header_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The raw page saved beside the article, once it is known to exist. */
  properties[PROP_SAVED_COPY] =
    g_param_spec_object ("saved-copy", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossArticleHeader::open-failed:
   * @self: the header
   * @error: why the browser could not be started
   *
   * The owner shows it (a toast); the header has no room for errors.
   */
  signals[OPEN_FAILED] =
    g_signal_new ("open-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-article-header.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, byline_label);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, button_box);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, date_label);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, dot_label);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, link_label);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, meta_box);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, more_button);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, site_label);
  gtk_widget_class_bind_template_child (widget_class, GlossArticleHeader, view_button);

  gtk_widget_class_install_action (widget_class, "header.view-original", NULL, view_original_action);
  gtk_widget_class_install_action (widget_class, "header.open-web-page", NULL, open_web_page_action);
  gtk_widget_class_install_action (widget_class, "header.open-saved-copy", NULL, open_saved_copy_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articleheader");
}

static void
gloss_article_header_init (GlossArticleHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gloss_menu_button_quiet_tooltip (self->more_button);
  g_signal_connect_object (g_network_monitor_get_default (), "notify::network-available",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

GtkWidget *
gloss_article_header_new (void)
{
  return g_object_new (GLOSS_TYPE_ARTICLE_HEADER, NULL);
}

/**
 * gloss_article_header_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
GlossDocument *
gloss_article_header_get_document (GlossArticleHeader *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_HEADER (self), NULL);

  return self->document;
}

/**
 * gloss_article_header_set_document:
 * @document: (nullable): the article to describe
 *
 * The header hides itself when @document says nothing about its origin.
 */
void
gloss_article_header_set_document (GlossArticleHeader *self,
                                   GlossDocument      *document)
{
  g_autoptr(GFile) candidate = NULL;

  g_return_if_fail (GLOSS_IS_ARTICLE_HEADER (self));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->saved_copy != NULL)
    {
      g_clear_object (&self->saved_copy);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_COPY]);
    }

  update (self);

  if (document != NULL && (candidate = saved_copy_candidate (document)) != NULL)
    {
      self->cancellable = g_cancellable_new ();
      g_file_query_info_async (candidate, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                               G_PRIORITY_DEFAULT, self->cancellable, query_saved_copy_cb,
                               g_object_ref (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * gloss_article_header_get_saved_copy:
 *
 * Returns: (transfer none) (nullable): the raw page saved beside the article
 */
GFile *
gloss_article_header_get_saved_copy (GlossArticleHeader *self)
{
  g_return_val_if_fail (GLOSS_IS_ARTICLE_HEADER (self), NULL);

  return self->saved_copy;
}

/**
 * gloss_article_header_dup_original_uri:
 *
 * What "View Original Page" opens: the web page, or the saved copy when
 * offline or when there is no URL.
 *
 * Returns: (transfer full) (nullable): a URI
 */
char *
gloss_article_header_dup_original_uri (GlossArticleHeader *self)
{
  const char *url;

  g_return_val_if_fail (GLOSS_IS_ARTICLE_HEADER (self), NULL);

  url = document_url (self);
  if (self->saved_copy != NULL && (url == NULL || !online ()))
    return g_file_get_uri (self->saved_copy);
  return g_strdup (url);
}
