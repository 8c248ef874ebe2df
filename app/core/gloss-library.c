/* gloss-library.c: every article of a project folder, indexed for search
 *
 * The files are the truth; the index is derived from them and lives in the
 * user's cache ($XDG_CACHE_HOME/gloss/library.sqlite).  It is rebuilt
 * whenever it is missing, of another schema version or corrupt, and it never
 * writes a file of the user's.
 *
 * An article and the sidecars beside it are one *group*: a group is read
 * again when the size or mtime of one of its files changed or a sidecar came
 * or went, and written again only when the SHA-256 of a file changed.  Files
 * are parsed outside any transaction; the write lock is taken per batch, so
 * two processes can index the same folders at once (WAL, busy timeout).
 *
 * Search runs on a folded copy of every text (gloss-fold.c): FTS5 with the
 * trigram tokenizer finds the candidates for queries of three code points or
 * more, shorter ones scan the stored folded texts; every occurrence is then
 * located in C, so that offsets are code points of the canonical text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "gloss-library-private.h"

G_DEFINE_QUARK (gloss-library-error-quark, gloss_library_error)

G_DEFINE_FINAL_TYPE (GlossLibrary, gloss_library, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Small things */

void
gloss_library_broken_free (GlossLibraryBroken *broken)
{
  if (broken == NULL)
    return;
  g_free (broken->path);
  g_free (broken->error);
  g_free (broken);
}

GlossLibraryBroken *
_gloss_library_broken_new (const char *path,
            const char *error)
{
  GlossLibraryBroken *broken = g_new0 (GlossLibraryBroken, 1);

  broken->path = g_strdup (path);
  broken->error = g_strdup (error);
  return broken;
}

void
gloss_library_stats_free (GlossLibraryStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->broken, g_ptr_array_unref);
  g_free (stats);
}

void
_gloss_library_count_free (GlossLibraryCount *count)
{
  g_free (count->annotator);
  g_free (count->tag);
  g_free (count);
}

void
gloss_library_article_free (GlossLibraryArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->path);
  g_free (article->title);
  g_free (article->source);
  g_free (article->date);
  g_free (article->sha256);
  g_strfreev (article->annotators);
  g_strfreev (article->done_by);
  g_clear_pointer (&article->counts, g_ptr_array_unref);
  g_free (article->error);
  g_free (article);
}

/* A hit is one block: the struct, then its strings.  A common word has tens
 * of thousands of hits; ten strings each, allocated and freed one by one,
 * were a sixth of a search's time.  @extra: bytes left after the strings of
 * @template (its before, match and after are not copied), at *@space.
 *
 * Each block starts with the slab it was carved from, or NULL when it was
 * allocated on its own.  A search's hits come from slabs of 2 MiB (@arena):
 * the 31 024 hits of a common word touch 10 MB of fresh memory, and its
 * 2 500 page faults, one a page of 4 KiB, were a fifth of the search's
 * processor time; a slab asks for huge pages, a handful of faults.  A slab
 * lives until the last of its hits is freed, which any thread may do. */
#define HIT_SLAB_SIZE ((gsize) 2 * 1024 * 1024)
/* Hits a search makes one by one before it takes a slab: a rare query does
 * not touch 2 MiB. */
#define HIT_SLAB_AFTER 256

struct _GlossHitSlab
{
  gint  refs;   /* the arena's, if it still carves from it, and one per hit */
  gsize used;   /* bytes from the slab's start, this header included */
};

static const glong hit_strings[] = {
  G_STRUCT_OFFSET (GlossLibraryHit, article),
  G_STRUCT_OFFSET (GlossLibraryHit, annotation),
  G_STRUCT_OFFSET (GlossLibraryHit, annotator),
  G_STRUCT_OFFSET (GlossLibraryHit, tag),
  G_STRUCT_OFFSET (GlossLibraryHit, field),
  G_STRUCT_OFFSET (GlossLibraryHit, group),
};

#define HIT_HEADER (sizeof (GlossHitSlab *))

static GlossHitSlab *
hit_slab_new (void)
{
  GlossHitSlab *slab = g_aligned_alloc (1, HIT_SLAB_SIZE, HIT_SLAB_SIZE);

#ifdef MADV_HUGEPAGE
  /* Advice only: where huge pages are off, pages of 4 KiB as before. */
  madvise (slab, HIT_SLAB_SIZE, MADV_HUGEPAGE);
#endif
  slab->refs = 1;
  slab->used = sizeof (GlossHitSlab) + (HIT_HEADER - sizeof (GlossHitSlab) % HIT_HEADER) % HIT_HEADER;
  return slab;
}

static void
hit_slab_unref (GlossHitSlab *slab)
{
  if (g_atomic_int_dec_and_test (&slab->refs))
    g_aligned_free (slab);
}

/* Ends @arena's carving: its hits keep their slab alive, no longer it. */
void
_gloss_library_hit_arena_clear (GlossHitArena *arena)
{
  g_clear_pointer (&arena->slab, hit_slab_unref);
  arena->made = 0;
}

/* @size bytes for a hit, after its header: from @arena's slab if it has
 * one (or should now), else on their own. */
static gpointer
hit_block_alloc (GlossHitArena *arena,
                 gsize          size)
{
  gsize need = HIT_HEADER + (size + HIT_HEADER - 1) / HIT_HEADER * HIT_HEADER;
  GlossHitSlab **block;

  if (arena != NULL && ++arena->made > HIT_SLAB_AFTER && need <= HIT_SLAB_SIZE / 16)
    {
      if (arena->slab != NULL && arena->slab->used + need > HIT_SLAB_SIZE)
        g_clear_pointer (&arena->slab, hit_slab_unref);
      if (arena->slab == NULL)
        arena->slab = hit_slab_new ();
      block = (GlossHitSlab **) ((char *) arena->slab + arena->slab->used);
      arena->slab->used += need;
      g_atomic_int_inc (&arena->slab->refs);
      *block = arena->slab;
      return block + 1;
    }
  block = g_malloc (HIT_HEADER + size);
  *block = NULL;
  return block + 1;
}

GlossLibraryHit *
_gloss_library_hit_alloc (const GlossLibraryHit *template,
                          gsize                  extra,
                          GlossHitArena         *arena,
                          char                 **space)
{
  GlossLibraryHit *hit;
  gsize lengths[G_N_ELEMENTS (hit_strings)];
  gsize size = sizeof *hit + extra;
  char *p;

  for (guint i = 0; i < G_N_ELEMENTS (hit_strings); i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, template, hit_strings[i]);

      size += lengths[i] = value != NULL ? strlen (value) + 1 : 0;
    }

  hit = hit_block_alloc (arena, size);
  *hit = *template;
  hit->before = hit->match = hit->after = NULL;
  p = (char *) (hit + 1);
  for (guint i = 0; i < G_N_ELEMENTS (hit_strings); i++)
    if (lengths[i] > 0)
      {
        G_STRUCT_MEMBER (char *, hit, hit_strings[i]) =
          memcpy (p, G_STRUCT_MEMBER (const char *, template, hit_strings[i]), lengths[i]);
        p += lengths[i];
      }
  *space = p;
  return hit;
}

/* Copies @s to *@p and moves past it; NULL stays NULL. */
static char *
put_string (char       **p,
            const char  *s)
{
  gsize length;
  char *copy;

  if (s == NULL)
    return NULL;
  length = strlen (s) + 1;
  copy = memcpy (*p, s, length);
  *p += length;
  return copy;
}

GlossLibraryHit *
gloss_library_hit_copy (const GlossLibraryHit *hit)
{
  GlossLibraryHit *copy;
  gsize extra = 0;
  char *space;

  g_return_val_if_fail (hit != NULL, NULL);
  extra += hit->before != NULL ? strlen (hit->before) + 1 : 0;
  extra += hit->match != NULL ? strlen (hit->match) + 1 : 0;
  extra += hit->after != NULL ? strlen (hit->after) + 1 : 0;
  copy = _gloss_library_hit_alloc (hit, extra, NULL, &space);
  copy->before = put_string (&space, hit->before);
  copy->match = put_string (&space, hit->match);
  copy->after = put_string (&space, hit->after);
  return copy;
}

/* Frees the strings of a hit whose members were allocated one by one. */
void
_gloss_library_hit_clear (GlossLibraryHit *hit)
{
  g_clear_pointer (&hit->article, g_free);
  g_clear_pointer (&hit->before, g_free);
  g_clear_pointer (&hit->match, g_free);
  g_clear_pointer (&hit->after, g_free);
  g_clear_pointer (&hit->annotation, g_free);
  g_clear_pointer (&hit->annotator, g_free);
  g_clear_pointer (&hit->tag, g_free);
  g_clear_pointer (&hit->field, g_free);
  g_clear_pointer (&hit->group, g_free);
}

void
gloss_library_hit_free (GlossLibraryHit *hit)
{
  GlossHitSlab **block;

  /* One block (_gloss_library_hit_alloc()), on its own or in a slab. */
  if (hit == NULL)
    return;
  block = (GlossHitSlab **) hit - 1;
  if (*block != NULL)
    hit_slab_unref (*block);
  else
    g_free (block);
}

char *
gloss_library_hit_dup_snippet (GlossLibraryHit *hit)
{
  return g_strconcat (hit->before, "**", hit->match, "**", hit->after, NULL);
}

/**
 * gloss_library_hit_dup_markup:
 * @hit: a hit
 *
 * The snippet for a label: the list items of search and retrieval show it
 * alike.
 *
 * Returns: (transfer full): Pango markup, the match in bold
 */
char *
gloss_library_hit_dup_markup (GlossLibraryHit *hit)
{
  return g_markup_printf_escaped ("%s<b>%s</b>%s", hit->before ? hit->before : "", hit->match ? hit->match : "",
                                  hit->after ? hit->after : "");
}

const char *
gloss_library_state_to_string (GlossLibraryState state)
{
  switch (state)
    {
    case GLOSS_LIBRARY_DONE:
      return "done";
    case GLOSS_LIBRARY_IN_PROGRESS:
      return "in-progress";
    case GLOSS_LIBRARY_NOT_STARTED:
    default:
      return "not-started";
    }
}

const char *
_gloss_library_column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
_gloss_library_is_corrupt (int code)
{
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

/* Whether the last error of @db says its file is damaged: a corrupt page,
 * or an FTS5 table that cannot read its own structure (SQLite then says
 * only that the table could not be made, SQLITE_ERROR). */
gboolean
_gloss_library_is_damaged (sqlite3 *db)
{
  return _gloss_library_is_corrupt (sqlite3_extended_errcode (db)) ||
         g_str_has_prefix (sqlite3_errmsg (db), "vtable constructor failed");
}

/* Throws the index away, saying why: it is only a cache of the files, and
 * the caller makes it again. */
void
_gloss_library_discard (const char *database,
                        const char *why)
{
  g_message (_("%s: the library index is damaged (%s): it is made again from the files"), database, why);
  _gloss_library_remove_database_files (database);
}

void
_gloss_library_set_db_error (GError     **error,
              sqlite3     *db,
              const char  *path)
{
  g_set_error (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_DATABASE,
               _("%s: the library index could not be used: %s"), path, sqlite3_errmsg (db));
}

/* [folder/, folder0): every path under folder, in the index's order. */
char *
_gloss_library_range_end (const char *folder)
{
  return g_strconcat (folder, "0", NULL);
}

char *
_gloss_library_range_start (const char *folder)
{
  return g_strconcat (folder, "/", NULL);
}

/* A statement over @sql whose parameters 1 and 2 are @folder's range of paths. */
sqlite3_stmt *
_gloss_library_prepare_in_folder (GlossLibrary  *self,
                   sqlite3       *db,
                   const char    *sql,
                   const char    *folder,
                   GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _gloss_library_set_db_error (error, db, self->database);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, _gloss_library_range_start (folder), -1, g_free);
  sqlite3_bind_text (stmt, 2, _gloss_library_range_end (folder), -1, g_free);
  return stmt;
}

/* ------------------------------------------------------------------ */
/* The object */

static void
gloss_library_finalize (GObject *object)
{
  GlossLibrary *self = GLOSS_LIBRARY (object);

  g_strfreev (self->folders);
  g_free (self->database);
  G_OBJECT_CLASS (gloss_library_parent_class)->finalize (object);
}

static void
gloss_library_class_init (GlossLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_library_finalize;
}

static void
gloss_library_init (GlossLibrary *self)
{
  self->database = gloss_library_default_database ();
}

/**
 * gloss_library_default_database:
 *
 * Returns: (transfer full): `$XDG_CACHE_HOME/gloss/library.sqlite`
 */
char *
gloss_library_default_database (void)
{
  return g_build_filename (g_get_user_cache_dir (), "gloss", "library.sqlite", NULL);
}

/**
 * gloss_library_new:
 * @folders: the library folders (relative names are taken from the current
 *   directory)
 *
 * Returns: (transfer full): a library over @folders; nothing is read yet
 */
GlossLibrary *
gloss_library_new (const char * const *folders)
{
  GlossLibrary *self = g_object_new (GLOSS_TYPE_LIBRARY, NULL);
  GPtrArray *absolute = g_ptr_array_new ();

  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (folders[i]);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (absolute, path);
    }
  g_ptr_array_add (absolute, NULL);
  self->folders = (GStrv) g_ptr_array_free (absolute, FALSE);
  return self;
}

const char * const *
gloss_library_get_folders (GlossLibrary *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  return (const char * const *) self->folders;
}

const char *
gloss_library_get_database (GlossLibrary *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  return self->database;
}

/* For tests and for a library that wants its own index file. */
void
gloss_library_set_database (GlossLibrary *self,
                            const char   *path)
{
  g_return_if_fail (GLOSS_IS_LIBRARY (self));
  g_free (self->database);
  self->database = path != NULL ? g_strdup (path) : gloss_library_default_database ();
}
