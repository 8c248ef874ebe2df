/* gloss-library-scan.c: the library's files: walking the folders,
 * comparing them with the index (gloss-library-read.c reads what changed)
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

#include "gloss-library-private.h"
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

/* ------------------------------------------------------------------ */
/* The walk's digest */

/* FNV-1a of @data, continued from @h. */
static guint64
hash_bytes (guint64     h,
            const void *data,
            gsize       length)
{
  const guint8 *p = data;

  for (gsize i = 0; i < length; i++)
    h = (h ^ p[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return h;
}

/* MurmurHash3's finalizer: every bit of @h moves every bit of the result. */
static guint64
mix (guint64 h)
{
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb53fe1a85ec3);
  h ^= h >> 33;
  return h;
}

static void
digest_add (guint64     sums[2],
            const char *path,
            Stamp      *stamp,
            const char *article)
{
  gint64 numbers[2] = { stamp->size, stamp->mtime };
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  h = hash_bytes (h, path, strlen (path) + 1);
  h = hash_bytes (h, numbers, sizeof numbers);
  if (article != NULL)
    h = hash_bytes (h, article, strlen (article) + 1);
  /* Two lanes, so that changes cancelling out in one sum do not in the other. */
  sums[0] += mix (h);
  sums[1] += mix (h ^ G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
}

/* What the walk of @plan found, as a short string: each file's path, size
 * and mtime, and for a sidecar the article it annotates, hashed, the hashes
 * summed (the order of the walk does not count) in two lanes of 64 bits,
 * and the number of files.  Equal digests: the same files, as they were.
 * A search keeps the digest of a walk that matched the index and, while
 * the index is not written, compares its own walk's with it instead of
 * reading every file's stamps from the index (_gloss_library_plan_load()
 * took as long as the walk). */
char *
_gloss_library_plan_digest (Plan *plan)
{
  guint64 sums[2] = { 0, 0 };
  guint64 files = 0;

  for (guint i = 0; i < plan->groups->len; i++)
    {
      Group *group = g_ptr_array_index (plan->groups, i);

      if (group->article.path != NULL)
        digest_add (sums, group->article.path, &group->article, NULL);
      for (guint k = 0; k < group->sidecars->len; k++)
        {
          Stamp *stamp = g_ptr_array_index (group->sidecars, k);

          digest_add (sums, stamp->path, stamp, group->article.path != NULL ? group->article.path : "");
        }
      files += 1 + group->sidecars->len - (group->article.path == NULL);
    }
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x/%" G_GUINT64_FORMAT,
                          sums[0], sums[1], files);
}

/* The key of @self's digests: its folders, as given. */
static char *
digest_key (GlossLibrary *self)
{
  return g_strjoinv ("\n", self->folders);
}

/* In a read transaction of @db: the index's generation (-1 if none), and
 * the digest of the last walk of @self's folders that matched the index at
 * that very generation (NULL if none). */
gboolean
_gloss_library_digest_load (GlossLibrary  *self,
                            sqlite3       *db,
                            gint64        *generation,
                            char         **digest,
                            GError       **error)
{
  g_autofree char *key = digest_key (self);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *digest = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT g.n, d.digest FROM generation g "
                              "LEFT JOIN walk_digests d ON d.folders = ?1 AND d.generation = g.n",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _gloss_library_set_db_error (error, db, self->database);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *generation = sqlite3_column_int64 (stmt, 0);
      *digest = g_strdup (_gloss_library_column_text (stmt, 1));
    }
  else
    *generation = -1;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _gloss_library_set_db_error (error, db, self->database);
      return FALSE;
    }
  return TRUE;
}

/* Keeps @digest, of a walk found to match the index at @generation, for the
 * searches after.  Out of any transaction; never waits for another writer
 * (the next search will try again), and a write meanwhile makes the digest
 * stand for nothing, since it names the generation it was taken at. */
void
_gloss_library_digest_store (GlossLibrary *self,
                             sqlite3      *db,
                             const char   *digest,
                             gint64        generation)
{
  g_autofree char *key = digest_key (self);
  sqlite3_stmt *stmt = NULL;

  if (generation < 0)
    return;
  sqlite3_busy_timeout (db, 0);
  if (sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO walk_digests (folders, digest, generation) "
                              "VALUES (?1, ?2, ?3)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, digest, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, generation);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_debug ("%s: the walk's digest was not kept: %s", self->database, sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
  sqlite3_busy_timeout (db, 60000);
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
