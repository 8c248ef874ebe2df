/* gloss-library-scan.c: the library's files: walking the folders,
 * comparing them with the index, reading what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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
/* Walking the folders */

static void
stamp_free (Stamp *stamp)
{
  g_free (stamp->path);
  g_free (stamp);
}

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->sidecars);
  g_free (group);
}

/* The article's path, "@dir/@name", is kept in the group's own block (a
 * search walks every file of the library); without @name, there is none. */
static Group *
group_new (const char *dir,
           const char *name)
{
  gsize dir_length = name != NULL ? strlen (dir) : 0;
  gsize name_length = name != NULL ? strlen (name) : 0;
  Group *group = g_malloc0 (sizeof (Group) + (name != NULL ? dir_length + name_length + 2 : 0));

  if (name != NULL)
    {
      char *path = (char *) (group + 1);

      memcpy (path, dir, dir_length);
      path[dir_length] = '/';
      memcpy (path + dir_length + 1, name, name_length + 1);
      group->article.path = path;
    }
  group->sidecars = g_ptr_array_new_with_free_func ((GDestroyNotify) stamp_free);
  return group;
}

static gint64
stat_mtime (struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

static gboolean
has_suffix_ascii_nocase (const char *name,
                         gsize       length,
                         const char *suffix)
{
  gsize n = strlen (suffix);

  return length >= n && g_ascii_strcasecmp (name + length - n, suffix) == 0;
}

static gboolean
is_html (const char *name)
{
  gsize length = strlen (name);

  return has_suffix_ascii_nocase (name, length, ".html") || has_suffix_ascii_nocase (name, length, ".htm") ||
         has_suffix_ascii_nocase (name, length, ".xhtml");
}

static gboolean
has_article_extension (const char *name)
{
  gsize length = strlen (name);

  /* Without allocating: a search looks at every name of the library. */
  return has_suffix_ascii_nocase (name, length, ".txt") || has_suffix_ascii_nocase (name, length, ".text") ||
         has_suffix_ascii_nocase (name, length, ".md") || is_html (name);
}

typedef struct
{
  char     *name;      /* in the entry's own block */
  gint64    size;
  gint64    mtime;
  gboolean  unstated;
  gboolean  article;   /* has an article's extension */
  gboolean  paired;    /* annotated by a sidecar of the folder */
  Group    *group;     /* once one was made for it */
} Entry;

static Entry *
entry_new (const char *name)
{
  gsize size = strlen (name) + 1;
  Entry *entry = g_malloc0 (sizeof (Entry) + size);

  entry->name = memcpy ((char *) (entry + 1), name, size);
  return entry;
}

static void
entry_set_stat (Entry       *entry,
                struct stat *st)
{
  entry->size = st->st_size;
  entry->mtime = stat_mtime (st);
}

static Group *
entry_group (Entry      *entry,
             const char *dir,
             GPtrArray  *groups)
{
  if (entry->group == NULL)
    {
      entry->group = group_new (dir, entry->name);
      entry->group->article.size = entry->size;
      entry->group->article.mtime = entry->mtime;
      g_ptr_array_add (groups, entry->group);
    }
  return entry->group;
}

/* Adds the groups of @dir (not below) to @groups: an article with its
 * sidecars, or an orphaned sidecar alone; and its subfolders to @subdirs. */
static gboolean
walk_folder (const char  *dir,
             GPtrArray   *groups,
             GPtrArray   *subdirs,
             GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sidecars = g_ptr_array_new ();
  g_autoptr(GHashTable) files = NULL;
  gboolean snapshot = FALSE;
  struct dirent *dirent;
  DIR *handle;
  int fd;

  /* Stats relative to the open folder: a search stats every file of the
   * library before it looks, and path lookups were most of that time. */
  handle = opendir (dir);
  if (handle == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  fd = dirfd (handle);

  while ((dirent = readdir (handle)) != NULL)
    {
      const char *name = dirent->d_name;
      gboolean article, sidecar;
      struct stat st;
      Entry *entry;

      /* .git, editors' backups and the like are nobody's articles. */
      if (name[0] == '.' || g_str_has_suffix (name, "~"))
        continue;
      if (dirent->d_type == DT_DIR)
        {
          g_ptr_array_add (subdirs, g_strconcat (dir, "/", name, NULL));
          continue;
        }
      article = has_article_extension (name);
      sidecar = g_str_has_suffix (name, GLOSS_SIDECAR_SUFFIX);
      if (g_str_has_suffix (name, ".provenance.json"))
        snapshot = TRUE;
      /* Other files are stat'ed only if a sidecar turns out to annotate them. */
      if (!article && !sidecar && dirent->d_type == DT_REG)
        {
          entry = entry_new (name);
          entry->unstated = TRUE;
          g_ptr_array_add (entries, entry);
          continue;
        }
      if (fstatat (fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          g_ptr_array_add (subdirs, g_strconcat (dir, "/", name, NULL));
          continue;
        }
      /* Linked files count; linked folders could loop. */
      if (S_ISLNK (st.st_mode) && fstatat (fd, name, &st, 0) != 0)
        continue;
      if (!S_ISREG (st.st_mode))
        continue;
      entry = entry_new (name);
      entry->article = article;
      entry_set_stat (entry, &st);
      g_ptr_array_add (entries, entry);
      if (sidecar)
        g_ptr_array_add (sidecars, entry);
    }

  /* Names are looked up only to pair sidecars with their articles. */
  if (sidecars->len > 0)
    {
      files = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (entries, i);

          g_hash_table_insert (files, entry->name, entry);
        }
    }

  /* `<article>.<annotator>.gloss.json`: the longest existing file name
   * that leaves a valid annotator id. */
  for (guint i = 0; i < sidecars->len; i++)
    {
      Entry *sidecar = g_ptr_array_index (sidecars, i);
      g_autofree char *stem = g_strndup (sidecar->name, strlen (sidecar->name) - strlen (GLOSS_SIDECAR_SUFFIX));
      Entry *article = NULL;
      Stamp *stamp;
      Group *group;

      for (char *dot = strrchr (stem, '.'); dot != NULL && article == NULL; )
        {
          *dot = '\0';
          if (gloss_annotator_id_is_valid (dot + 1))
            {
              article = g_hash_table_lookup (files, stem);
              if (article != NULL && g_str_has_suffix (article->name, GLOSS_SIDECAR_SUFFIX))
                article = NULL;
            }
          if (article == NULL)
            {
              char *previous = strrchr (stem, '.');

              *dot = '.';
              if (previous == NULL)
                break;
              dot = previous;
            }
        }

      stamp = g_new0 (Stamp, 1);
      stamp->path = g_strconcat (dir, "/", sidecar->name, NULL);
      stamp->size = sidecar->size;
      stamp->mtime = sidecar->mtime;

      if (article == NULL)
        {
          group = group_new (dir, NULL);
          g_ptr_array_add (group->sidecars, stamp);
          g_ptr_array_add (groups, group);
          continue;
        }

      if (article->unstated)
        {
          struct stat st;

          if (fstatat (fd, article->name, &st, 0) != 0)
            memset (&st, 0, sizeof st);
          entry_set_stat (article, &st);
          article->unstated = FALSE;
        }
      article->paired = TRUE;
      g_ptr_array_add (entry_group (article, dir, groups)->sidecars, stamp);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (entry->paired || !entry->article)
        continue;
      /* A fetched snapshot keeps the page as received beside its text:
       * the text is the article. */
      if (snapshot && is_html (entry->name))
        continue;
      entry_group (entry, dir, groups);
    }

  closedir (handle);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* What the index holds already */

/* @path, @file_sha256 and @article are copied into the block. */
static Stored *
stored_new (const char *path,
            const char *file_sha256,
            const char *article)
{
  gsize path_size = strlen (path) + 1;
  gsize sha_size = file_sha256 != NULL ? strlen (file_sha256) + 1 : 0;
  gsize article_size = article != NULL ? strlen (article) + 1 : 0;
  Stored *stored = g_malloc0 (sizeof (Stored) + path_size + sha_size + article_size);
  char *p = (char *) (stored + 1);

  stored->path = memcpy (p, path, path_size);
  p += path_size;
  if (file_sha256 != NULL)
    {
      stored->file_sha256 = memcpy (p, file_sha256, sha_size);
      p += sha_size;
    }
  if (article != NULL)
    stored->article = memcpy (p, article, article_size);
  return stored;
}

static gboolean
load_stored (sqlite3     *db,
             const char  *database,
             const char  *folder,
             GHashTable  *articles,
             GHashTable  *sidecars,
             GError     **error)
{
  const char *queries[] = {
    "SELECT path, id, size, mtime, file_sha256, NULL FROM articles WHERE path >= ?1 AND path < ?2",
    "SELECT s.path, s.id, s.size, s.mtime, s.file_sha256, a.path FROM sidecars s "
    "LEFT JOIN articles a ON a.id = s.article_id WHERE s.path >= ?1 AND s.path < ?2",
  };
  g_autofree char *start = _gloss_library_range_start (folder);
  g_autofree char *end = _gloss_library_range_end (folder);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL) != SQLITE_OK)
        {
          _gloss_library_set_db_error (error, db, database);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Stored *stored = stored_new (_gloss_library_column_text (stmt, 0),
                                       _gloss_library_column_text (stmt, 4),
                                       _gloss_library_column_text (stmt, 5));

          stored->id = sqlite3_column_int64 (stmt, 1);
          stored->size = sqlite3_column_int64 (stmt, 2);
          stored->mtime = sqlite3_column_int64 (stmt, 3);
          /* Replaces one of the same path, which its table frees. */
          g_hash_table_replace (q == 0 ? articles : sidecars, stored->path, stored);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _gloss_library_set_db_error (error, db, database);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
stamp_matches (Stored *stored,
               Stamp  *stamp)
{
  return stored != NULL && stored->size == stamp->size && stored->mtime == stamp->mtime;
}

/* Whether nothing in @group changed since it was indexed, by size and
 * mtime; @article is what the index holds of its article.  Marks what it
 * finds of the group in the index as seen. */
static gboolean
group_unchanged (Group      *group,
                 Stored     *article,
                 GHashTable *stored_sidecars)
{
  gboolean unchanged = stamp_matches (article, &group->article) &&
                       article->n_sidecars == group->sidecars->len;

  for (guint i = 0; i < group->sidecars->len; i++)
    {
      Stamp *stamp = g_ptr_array_index (group->sidecars, i);
      Stored *stored = g_hash_table_lookup (stored_sidecars, stamp->path);

      if (stored != NULL)
        stored->seen = TRUE;
      if (!stamp_matches (stored, stamp) || g_strcmp0 (stored->article, group->article.path) != 0)
        unchanged = FALSE;
    }
  return unchanged;
}

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

static gint64
trusted_mtime (gint64 mtime,
               gint64 read_at)
{
  return mtime > read_at - RACY_SECONDS * G_GINT64_CONSTANT (1000000000) ? RACY_MTIME : mtime;
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
/* ------------------------------------------------------------------ */
/* Comparing */

static gint
compare_group_paths (gconstpointer a,
                     gconstpointer b)
{
  const Group *ga = *(const Group **) a;
  const Group *gb = *(const Group **) b;

  return g_strcmp0 (ga->article.path, gb->article.path);
}

void
_gloss_library_plan_init (Plan *plan)
{
  plan->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  plan->stored_articles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  plan->stored_sidecars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  plan->todo = g_ptr_array_new ();
  plan->gone_articles = g_ptr_array_new_with_free_func (g_free);
  plan->gone_sidecars = g_ptr_array_new_with_free_func (g_free);
}

void
_gloss_library_plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->todo, g_ptr_array_unref);
  g_clear_pointer (&plan->groups, g_ptr_array_unref);
  g_clear_pointer (&plan->stored_articles, g_hash_table_unref);
  g_clear_pointer (&plan->stored_sidecars, g_hash_table_unref);
  g_clear_pointer (&plan->gone_articles, g_ptr_array_unref);
  g_clear_pointer (&plan->gone_sidecars, g_ptr_array_unref);
}

/* A walk of the folders that several threads can share, a folder each at
 * a time: a search has two cores and the main thread is idle once it has
 * searched, while looking for changed files stats every file. */
struct _Walk
{
  GMutex     lock;
  GCond      cond;
  GPtrArray *queue;    /* (element-type WalkDir) */
  guint      busy;     /* folders being read */
  Plan      *plan;
  GError    *error;    /* the first folder of the library that failed */
};

typedef struct
{
  char     *dir;
  gboolean  top;       /* a folder of the library, not one found inside */
} WalkDir;

static void
walk_dir_free (WalkDir *item)
{
  g_free (item->dir);
  g_free (item);
}

Walk *
_gloss_library_walk_new (const char * const *folders,
                         Plan               *plan)
{
  Walk *walk = g_new0 (Walk, 1);
  guint n = g_strv_length ((char **) folders);

  g_mutex_init (&walk->lock);
  g_cond_init (&walk->cond);
  walk->queue = g_ptr_array_new_with_free_func ((GDestroyNotify) walk_dir_free);
  walk->plan = plan;
  /* Taken from the end: the first folder first. */
  for (guint f = n; f > 0; f--)
    {
      WalkDir *item = g_new0 (WalkDir, 1);

      item->dir = g_strdup (folders[f - 1]);
      item->top = TRUE;
      g_ptr_array_add (walk->queue, item);
    }
  return walk;
}

void
_gloss_library_walk_free (Walk *walk)
{
  g_mutex_clear (&walk->lock);
  g_cond_clear (&walk->cond);
  g_ptr_array_unref (walk->queue);
  g_clear_error (&walk->error);
  g_free (walk);
}

/* Reads folders of @walk until none is left to read, from any thread;
 * returns when every folder has been read, by this thread or another. */
gboolean
_gloss_library_walk_run (Walk    *walk,
                         GError **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new ();   /* every one moved to the queue */
  gboolean ok;

  g_mutex_lock (&walk->lock);
  for (;;)
    {
      g_autoptr(GError) local = NULL;
      WalkDir *item;

      if (walk->queue->len == 0)
        {
          if (walk->busy == 0)
            break;
          g_cond_wait (&walk->cond, &walk->lock);
          continue;
        }
      item = g_ptr_array_steal_index_fast (walk->queue, walk->queue->len - 1);
      walk->busy++;
      g_mutex_unlock (&walk->lock);

      if (item->top && !g_file_test (item->dir, G_FILE_TEST_IS_DIR))
        g_set_error (&local, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER,
                     _("%s: not a folder"), item->dir);
      else if (!walk_folder (item->dir, groups, subdirs, &local) && !item->top)
        {
          /* An unreadable subfolder is skipped, not the whole library. */
          g_debug ("%s", local->message);
          g_clear_error (&local);
        }
      else if (local != NULL)
        {
          GError *folder = g_error_new_literal (GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_FOLDER,
                                                local->message);

          g_clear_error (&local);
          local = folder;
        }

      g_mutex_lock (&walk->lock);
      walk->busy--;
      if (local != NULL && walk->error == NULL)
        walk->error = g_steal_pointer (&local);
      for (guint i = 0; i < subdirs->len; i++)
        {
          WalkDir *sub = g_new0 (WalkDir, 1);

          sub->dir = g_ptr_array_index (subdirs, i);
          g_ptr_array_add (walk->queue, sub);
        }
      g_ptr_array_set_size (subdirs, 0);
      g_ptr_array_extend_and_steal (walk->plan->groups, g_steal_pointer (&groups));
      groups = g_ptr_array_new ();
      g_cond_broadcast (&walk->cond);
      walk_dir_free (item);
    }
  ok = walk->error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (walk->error));
  g_mutex_unlock (&walk->lock);
  return ok;
}

/* The files of every folder, by group.  Touches no database. */
gboolean
_gloss_library_plan_walk (const char * const *folders,
           Plan               *plan,
           GError            **error)
{
  Walk *walk = _gloss_library_walk_new (folders, plan);
  gboolean ok = _gloss_library_walk_run (walk, error);

  _gloss_library_walk_free (walk);
  return ok;
}

gboolean
_gloss_library_plan_load (GlossLibrary *self,
           sqlite3      *db,
           Plan         *plan,
           GError      **error)
{
  for (guint f = 0; self->folders[f] != NULL; f++)
    if (!load_stored (db, self->database, self->folders[f], plan->stored_articles, plan->stored_sidecars, error))
      return FALSE;
  return TRUE;
}

/* Fills @plan's todo and gone lists.  Returns whether there is nothing to do.
 * One lookup per file: a search compares every file of the library. */
gboolean
_gloss_library_plan_compare (Plan *plan)
{
  GHashTableIter iter;
  Stored *stored;
  const char *path;

  g_hash_table_iter_init (&iter, plan->stored_articles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stored))
    stored->n_sidecars = 0;
  g_hash_table_iter_init (&iter, plan->stored_sidecars);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stored))
    if (stored->article != NULL)
      {
        Stored *article = g_hash_table_lookup (plan->stored_articles, stored->article);

        if (article != NULL)
          article->n_sidecars++;
      }

  for (guint i = 0; i < plan->groups->len; i++)
    {
      Group *group = g_ptr_array_index (plan->groups, i);

      if (group->article.path == NULL)
        {
          /* An orphaned sidecar: read again only when it changed. */
          Stamp *stamp = g_ptr_array_index (group->sidecars, 0);
          Stored *s = g_hash_table_lookup (plan->stored_sidecars, stamp->path);

          if (s != NULL)
            s->seen = TRUE;
          if (!stamp_matches (s, stamp) || s->article != NULL)
            g_ptr_array_add (plan->todo, group);
          continue;
        }

      stored = g_hash_table_lookup (plan->stored_articles, group->article.path);
      if (stored != NULL)
        stored->seen = TRUE;
      if (!group_unchanged (group, stored, plan->stored_sidecars))
        g_ptr_array_add (plan->todo, group);
    }

  g_hash_table_iter_init (&iter, plan->stored_articles);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, (gpointer *) &stored))
    if (!stored->seen)
      g_ptr_array_add (plan->gone_articles, g_strdup (path));
  g_hash_table_iter_init (&iter, plan->stored_sidecars);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, (gpointer *) &stored))
    if (!stored->seen)
      g_ptr_array_add (plan->gone_sidecars, g_strdup (path));

  g_ptr_array_sort (plan->todo, compare_group_paths);
  return plan->todo->len == 0 && plan->gone_articles->len == 0 && plan->gone_sidecars->len == 0;
}

/* Moves the entries of @from whose file lies directly in @dir into @to. */
static void
move_direct (GHashTable *from,
             const char *dir,
             GHashTable *to)
{
  gsize n = strlen (dir);
  GHashTableIter iter;
  Stored *stored;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stored))
    if (strchr (stored->path + n + 1, '/') == NULL)
      {
        g_hash_table_iter_steal (&iter);
        g_hash_table_replace (to, stored->path, stored);
      }
}

/* The plan of an update of @dirs alone, not the folders below them: their
 * files, and what the index holds of the files directly in them.  The
 * stamps of @suspects (paths) are taken to match nothing, so that those
 * files are read again (their SHA-256 compared) whatever their size and
 * mtime say.  Fails when a folder cannot be read. */
gboolean
_gloss_library_plan_dirs (GlossLibrary       *self,
                          sqlite3            *db,
                          const char * const *dirs,
                          GHashTable         *suspects,
                          Plan               *plan,
                          GError            **error)
{
  GHashTableIter iter;
  const char *path;

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) articles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(GHashTable) sidecars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

      if (!walk_folder (dirs[i], plan->groups, subdirs, error) ||
          !load_stored (db, self->database, dirs[i], articles, sidecars, error))
        return FALSE;
      move_direct (articles, dirs[i], plan->stored_articles);
      move_direct (sidecars, dirs[i], plan->stored_sidecars);
    }
  g_hash_table_iter_init (&iter, suspects);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
    {
      Stored *stored = g_hash_table_lookup (plan->stored_articles, path);

      if (stored == NULL)
        stored = g_hash_table_lookup (plan->stored_sidecars, path);
      if (stored != NULL)
        stored->mtime = G_MININT64;
    }
  return TRUE;
}
