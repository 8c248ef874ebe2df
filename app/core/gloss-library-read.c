/* gloss-library-read.c: reading a changed article and its sidecars for the
 * library index
 *
 * Apart from the walk (gloss-library-scan.c): a search that finds nothing
 * changed never reads a file, and so gloss-cli's search links none of the
 * loader, the HTML extractor or the sidecar reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-fold.h"
#include "gloss-library-private.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"

/* ------------------------------------------------------------------ */
/* Reading a group */

static void
annotation_record_free (AnnotationRecord *record)
{
  g_free (record->uuid);
  g_free (record->tag);
  g_free (record->text);
  g_free (record->note);
  g_free (record->attributes);
  g_free (record->folded);
  g_free (record);
}

static void
sidecar_record_free (SidecarRecord *record)
{
  g_free (record->stamp.path);
  g_free (record->file_sha256);
  g_free (record->annotator);
  g_free (record->name);
  g_free (record->error);
  g_clear_pointer (&record->annotations, g_ptr_array_unref);
  g_free (record);
}

void
_gloss_library_article_record_free (ArticleRecord *record)
{
  g_free (record->stamp.path);
  g_free (record->file_sha256);
  g_free (record->title);
  g_free (record->source);
  g_free (record->url);
  g_free (record->date);
  g_free (record->sha256);
  g_free (record->error);
  g_free (record->text);
  g_free (record->folded);
  g_ptr_array_unref (record->sidecars);
  g_free (record);
}

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

static const char *
info_string (JsonObject *info,
             const char *member)
{
  JsonNode *node = info != NULL ? json_object_get_member (info, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return nonempty (json_node_get_string (node));
}

static char *
first_line (const char *text)
{
  const char *p = text;

  while (*p == '\n' || *p == ' ')
    p++;
  {
    const char *end = strchr (p, '\n');
    gsize bytes = end != NULL ? (gsize) (end - p) : strlen (p);
    glong n = g_utf8_strlen (p, bytes);

    if (n > 100)
      return g_utf8_substring (p, 0, 100);
    return g_strndup (p, bytes);
  }
}

static char *
url_host (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri != NULL && g_uri_get_host (uri) != NULL ? g_strdup (g_uri_get_host (uri)) : NULL;
}

/* The loader decodes whatever it is given; an image renamed .txt is no
 * article.  Why @text is none: NULL if it looks like text.  A lossy decoding
 * (gloss-loader.c) leaves U+FFFD where no encoding fitted, binary data
 * control characters. */
static const char *
not_text_reason (const char *text)
{
  gsize n = 0, controls = 0, unknown = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n++;
      if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F || (c >= 0x80 && c < 0xA0))
        controls++;
      else if (c == 0xFFFD)
        unknown++;
    }
  if (n == 0 || (controls + unknown) * 20 <= n)
    return NULL;
  return unknown > controls ? _("The character encoding of the text could not be recognised")
                            : _("not a text or HTML file (binary data)");
}

/* Core's messages often start with the file's path; the listing names it already. */
static char *
strip_path (const char *message,
            const char *path)
{
  gsize n = strlen (path);

  if (strncmp (message, path, n) == 0 && message[n] == ':' && message[n + 1] == ' ')
    return g_strdup (message + n + 2);
  return g_strdup (message);
}

static void
read_annotations (SidecarRecord *record,
                  GlossSidecar  *sidecar)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
  guint n = gloss_annotation_set_get_size (set);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GlossCodebook *codebook = gloss_sidecar_get_codebook (sidecar);

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);

      g_hash_table_insert (by_id, (gpointer) gloss_annotation_get_id (annotation), annotation);
    }

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);
      AnnotationRecord *a = g_new0 (AnnotationRecord, 1);
      JsonObject *attributes = gloss_annotation_get_attributes (annotation);
      GlossTag *tag = codebook != NULL ? gloss_codebook_lookup (codebook, gloss_annotation_get_tag (annotation)) : NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GString) searchable = g_string_new (NULL);

      a->uuid = g_strdup (gloss_annotation_get_id (annotation));
      a->tag = g_strdup (gloss_annotation_get_tag (annotation));
      a->start = gloss_annotation_get_start (annotation);
      a->end = gloss_annotation_get_end (annotation);
      a->text = g_strdup (gloss_annotation_get_text (annotation) ? gloss_annotation_get_text (annotation) : "");
      a->note = g_strdup (gloss_annotation_get_note (annotation) ? gloss_annotation_get_note (annotation) : "");
      g_string_append (searchable, a->text);
      g_string_append_c (searchable, '\n');
      g_string_append (searchable, a->note);

      json_builder_begin_object (builder);
      if (attributes != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (attributes);

          for (GList *m = members; m != NULL; m = m->next)
            {
              JsonNode *node = json_object_get_member (attributes, m->data);
              const char *value;
              GlossAnnotation *linked;
              const GlossAttributeDef *def;

              if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
                continue;
              value = json_node_get_string (node);
              /* A link names another annotation: its text is the speaker's name. */
              linked = g_hash_table_lookup (by_id, value);
              if (linked != NULL && gloss_annotation_get_text (linked) != NULL)
                value = gloss_annotation_get_text (linked);
              /* A link to nothing (its speaker deleted; kept so that Undo
               * links again) has no name: not its id, which Retrieve
               * showed as the speaker. */
              else if (linked == NULL && tag != NULL && (def = gloss_tag_lookup_attribute (tag, m->data)) != NULL &&
                       def->type == GLOSS_ATTRIBUTE_LINK)
                continue;
              json_builder_set_member_name (builder, m->data);
              json_builder_add_string_value (builder, value);
              g_string_append_c (searchable, '\n');
              g_string_append (searchable, value);
            }
        }
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      a->attributes = json_generator_to_data (generator, NULL);
      a->folded = gloss_fold (searchable->str, searchable->len);
      g_ptr_array_add (record->annotations, a);
    }
}

/* Timestamps are coarse (a tick of the kernel's clock; 2 s on FAT): a file
 * changed again within the tick of the stamp read, with the same size,
 * keeps its stamp.  So a stamp less than this old when its file is read is
 * stored as RACY_MTIME, which no file has: the next update reads the file
 * again (its SHA-256 only, when the bytes are the same) and stores the
 * stamp then, old enough to be trusted. */
#define RACY_SECONDS 2
#define RACY_MTIME G_GINT64_CONSTANT (-1)
/* A stamp further ahead than this is no write of now (an archive's dates,
 * a clock set wrong): a write now would put the mtime back to now, so it is
 * trusted; were it racy, every update would read that file again and no
 * search would ever find the index current. */
#define FUTURE_SECONDS 60

static gint64
trusted_mtime (gint64 mtime,
               gint64 read_at)
{
  const gint64 second = G_GINT64_CONSTANT (1000000000);

  return mtime > read_at - RACY_SECONDS * second && mtime <= read_at + FUTURE_SECONDS * second
         ? RACY_MTIME : mtime;
}

static SidecarRecord *
read_sidecar (Stamp         *stamp,
              GlossDocument *document,
              gint64         read_at)
{
  SidecarRecord *record = g_new0 (SidecarRecord, 1);
  g_autoptr(GFile) file = g_file_new_for_path (stamp->path);
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *status;

  record->stamp.path = g_strdup (stamp->path);
  record->stamp.size = stamp->size;
  record->stamp.mtime = trusted_mtime (stamp->mtime, read_at);
  record->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) annotation_record_free);
  record->file_sha256 = file_sha256 (stamp->path, NULL);

  if (document == NULL)
    {
      record->error = g_strdup (_("the article it annotates is not beside it"));
      return record;
    }

  sidecar = gloss_sidecar_load (file, NULL, &error);
  if (sidecar == NULL)
    {
      record->error = strip_path (error->message, stamp->path);
      return record;
    }
  /* Offsets are indexed against the article as it is now. */
  if (g_strcmp0 (gloss_sidecar_get_document_sha256 (sidecar), gloss_document_get_sha256 (document)) != 0)
    gloss_sidecar_attach_document (sidecar, document);

  record->annotator = g_strdup (gloss_sidecar_get_annotator_id (sidecar));
  record->name = g_strdup (gloss_sidecar_get_annotator_name (sidecar));
  status = gloss_sidecar_get_extension (sidecar, GLOSS_LIBRARY_STATUS_MEMBER);
  record->done = status != NULL && JSON_NODE_HOLDS_VALUE (status) &&
                 json_node_get_value_type (status) == G_TYPE_STRING &&
                 g_strcmp0 (json_node_get_string (status), "done") == 0;
  read_annotations (record, sidecar);
  return record;
}

/* Reads @group; NULL when its files are the very bytes indexed already
 * (then only the stamps are updated, in @touch). */
ArticleRecord *
_gloss_library_read_group (Group      *group,
            GHashTable *stored_articles,
            GHashTable *stored_sidecars)
{
  ArticleRecord *record = g_new0 (ArticleRecord, 1);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same = TRUE;
  /* In the files' clock (nanoseconds), before any of them is read. */
  gint64 read_at = g_get_real_time () * 1000;

  record->sidecars = g_ptr_array_new_with_free_func ((GDestroyNotify) sidecar_record_free);
  record->stamp.path = g_strdup (group->article.path);
  record->stamp.size = group->article.size;
  record->stamp.mtime = trusted_mtime (group->article.mtime, read_at);

  if (group->article.path != NULL)
    {
      Stored *stored = g_hash_table_lookup (stored_articles, group->article.path);

      record->file_sha256 = file_sha256 (group->article.path, NULL);
      same = stored != NULL && g_strcmp0 (stored->file_sha256, record->file_sha256) == 0;
      for (guint i = 0; same && i < group->sidecars->len; i++)
        {
          Stamp *stamp = g_ptr_array_index (group->sidecars, i);
          Stored *s = g_hash_table_lookup (stored_sidecars, stamp->path);
          g_autofree char *sha = NULL;

          if (s == NULL || g_strcmp0 (s->article, group->article.path) != 0)
            {
              same = FALSE;
              break;
            }
          sha = file_sha256 (stamp->path, NULL);
          same = g_strcmp0 (s->file_sha256, sha) == 0;
        }
      if (same)
        {
          guint n_stored = 0;
          GHashTableIter iter;
          Stored *s;

          /* A sidecar may have gone. */
          g_hash_table_iter_init (&iter, stored_sidecars);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &s))
            if (g_strcmp0 (s->article, group->article.path) == 0)
              n_stored++;
          same = n_stored == group->sidecars->len;
        }
    }
  else
    {
      /* Orphaned sidecars, indexed as such already (when their stamp was
       * too new to be trusted, RACY_MTIME): the same bytes need no reading. */
      for (guint i = 0; same && i < group->sidecars->len; i++)
        {
          Stamp *stamp = g_ptr_array_index (group->sidecars, i);
          Stored *s = g_hash_table_lookup (stored_sidecars, stamp->path);
          g_autofree char *sha = NULL;

          same = s != NULL && s->article == NULL;
          if (same)
            {
              sha = file_sha256 (stamp->path, NULL);
              same = g_strcmp0 (s->file_sha256, sha) == 0;
            }
        }
    }

  if (same)
    {
      for (guint i = 0; i < group->sidecars->len; i++)
        {
          Stamp *stamp = g_ptr_array_index (group->sidecars, i);
          SidecarRecord *s = g_new0 (SidecarRecord, 1);

          s->stamp.path = g_strdup (stamp->path);
          s->stamp.size = stamp->size;
          s->stamp.mtime = trusted_mtime (stamp->mtime, read_at);
          g_ptr_array_add (record->sidecars, s);
        }
      record->touch_only = TRUE;
      return record;
    }

  if (group->article.path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (group->article.path);

      document = gloss_document_load_file (file, NULL, NULL, &error);
      if (document != NULL && not_text_reason (gloss_document_get_text (document)) != NULL)
        {
          record->error = g_strdup (not_text_reason (gloss_document_get_text (document)));
          g_clear_object (&document);
        }
      else if (document == NULL)
        record->error = strip_path (error->message, group->article.path);
      else
        {
          const char *text = gloss_document_get_text (document);

          record->text = g_strdup (text);
          record->folded = gloss_fold (text, gloss_document_get_byte_length (document));
          record->length = gloss_document_get_length (document);
          record->sha256 = g_strdup (gloss_document_get_sha256 (document));
          record->title = g_strdup (nonempty (gloss_document_get_title (document)));
          record->url = g_strdup (nonempty (gloss_document_get_url (document)));
          record->source = g_strdup (nonempty (gloss_document_get_site_name (document)));
          record->date = g_strdup (nonempty (gloss_document_get_published (document)));
          if (record->date == NULL)
            record->date = g_strdup (nonempty (gloss_document_get_retrieved (document)));
        }
    }

  for (guint i = 0; i < group->sidecars->len; i++)
    {
      SidecarRecord *s = read_sidecar (g_ptr_array_index (group->sidecars, i), document, read_at);

      g_ptr_array_add (record->sidecars, s);
    }

  if (document != NULL)
    {
      /* What the article lacks, its sidecars may know (a fetched page's title). */
      for (guint i = 0; i < group->sidecars->len; i++)
        {
          g_autoptr(GFile) file = NULL;
          SidecarRecord *s = g_ptr_array_index (record->sidecars, i);

          if (s->error != NULL || (record->title != NULL && record->url != NULL && record->date != NULL))
            continue;
          file = g_file_new_for_path (s->stamp.path);
          {
            g_autoptr(GlossSidecar) sidecar = gloss_sidecar_load (file, NULL, NULL);
            JsonObject *info = sidecar != NULL ? gloss_sidecar_get_document_info (sidecar) : NULL;

            if (record->title == NULL)
              record->title = g_strdup (info_string (info, "title"));
            if (record->url == NULL)
              record->url = g_strdup (info_string (info, "url"));
            if (record->date == NULL)
              record->date = g_strdup (info_string (info, "retrieved"));
          }
        }
      if (record->title == NULL)
        record->title = first_line (record->text);
      if (record->source == NULL)
        record->source = url_host (record->url);
    }
  return record;
}
