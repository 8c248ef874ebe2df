/* gloss-sidecar-cache.c: large sidecars, kept parsed for the next time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib reads a sidecar of 10 000 annotations (4.5 MB) in about 60 ms
 * and making its annotations takes 25 ms more: longer than opening the
 * article itself.  So when the window has read or saved a large sidecar, a
 * background thread reads those bytes once more and keeps what they read
 * into in the user's cache folder, as a GVariant beside the bytes' SHA-256.
 * When the window next reads those exact bytes, the annotations come from
 * there.
 *
 * Nothing in the cache is taken on trust:
 * - it is written only from reading the file's bytes (never from what is
 *   in memory), only when they read without a single problem, and only when
 *   what the cache gives back writes exactly the same JSON as what the bytes
 *   read into (checked before writing it);
 * - it is used only for the very bytes it was made from (their length and
 *   SHA-256), by the very build of Gloss that wrote it, and when its contents
 *   still match their own SHA-256;
 * - everything outside the annotations list is kept as JSON and goes through
 *   the sidecar's usual reading, which must find no problem either.
 * Any doubt, and the JSON is read as always.  The cache file is replaced
 * whole (gloss_file_replace()), and it is never needed: deleting
 * ~/.cache/gloss loses nothing.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation-private.h"
#include "gloss-annotation-set.h"
#include "gloss-build-id.h"
#include "gloss-file.h"
#include "gloss-json.h"
#include "gloss-sidecar-private.h"

#define CACHE_MAGIC   "gloss-parsed-sidecar"
#define CACHE_VERSION 2

/* magic, version, build, length and SHA-256 of the sidecar, SHA-256 of the
 * payload, payload */
#define HEADER_TYPE  "(sustssay)"
/* The rest of the sidecar as JSON, with an empty annotations list; then the
 * annotations by column: starts, ends, N_STRINGS offsets into the string
 * table for each (NO_STRING for none); attributes whose values are all
 * strings (a speaker's id, a title: nearly all of them) as name and value
 * offsets, annotation i's from pair firsts[i] to firsts[i + 1]; and the
 * string table, each string ending with a nul.  Fixed-size arrays are read
 * in place: a GVariant for every value, or a JSON parse for every set of
 * attributes, takes longer than parsing the whole file. */
#define PAYLOAD_TYPE "(sauauauauauay)"
#define NO_STRING    G_MAXUINT32

enum {
  STRING_ID,
  STRING_TAG,
  STRING_TEXT,
  STRING_PREFIX,
  STRING_SUFFIX,
  STRING_NOTE,
  STRING_CREATED,
  STRING_MODIFIED,
  STRING_ATTRIBUTES,  /* JSON of the attributes, when a value is not a string */
  STRING_EXTRA,       /* JSON of the unknown members, or none */
  N_STRINGS
};

/**
 * _gloss_sidecar_cache_file:
 * @file: a sidecar
 *
 * Returns: (transfer full): where the parsed @file is kept
 */
GFile *
_gloss_sidecar_cache_file (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *name = g_strconcat (key, ".gvariant", NULL);

  return g_file_new_build_filename (g_get_user_cache_dir (), "gloss", "sidecars", name, NULL);
}

static void
add_string (GArray     *offsets,
            GByteArray *strings,
            const char *value)
{
  guint32 offset = value != NULL ? strings->len : NO_STRING;

  g_array_append_val (offsets, offset);
  if (value != NULL)
    g_byte_array_append (strings, (const guint8 *)value, strlen (value) + 1);
}

static void
add_object (GArray     *offsets,
            GByteArray *strings,
            JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) json = NULL;

  if (object == NULL || json_object_get_size (object) == 0)
    {
      add_string (offsets, strings, NULL);
      return;
    }

  node = json_node_init_object (json_node_alloc (), object);
  json = g_string_new (NULL);
  gloss_json_append_node (json, node, 0);
  add_string (offsets, strings, json->str);
}

static gboolean
all_strings (JsonObject *object)
{
  g_autoptr(GList) values = json_object_get_values (object);

  for (const GList *l = values; l != NULL; l = l->next)
    if (!JSON_NODE_HOLDS_VALUE (l->data) || json_node_get_value_type (l->data) != G_TYPE_STRING)
      return FALSE;
  return TRUE;
}

/* Attributes that are all strings go to @pairs; any others, as JSON, to
 * @offsets (else no string there). */
static void
add_attributes (GArray     *offsets,
                GArray     *pairs,
                GByteArray *strings,
                JsonObject *attributes)
{
  g_autoptr(GList) names = NULL;

  if (attributes == NULL || !all_strings (attributes))
    {
      add_object (offsets, strings, attributes);
      return;
    }

  add_string (offsets, strings, NULL);
  names = json_object_get_members (attributes);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      add_string (pairs, strings, l->data);
      add_string (pairs, strings, json_object_get_string_member (attributes, l->data));
    }
}

static GVariant *
fixed_array (GArray *array)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, array->data, array->len, sizeof (guint32));
}

/* The payload for @sidecar, read from a file whose tree is @root. */
static GBytes *
pack (JsonNode     *root,
      GlossSidecar *sidecar)
{
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
  guint n = gloss_annotation_set_get_size (set);
  g_autoptr(GString) rest = g_string_new ("{");
  g_autoptr(GList) members = NULL;
  g_autoptr(GArray) starts = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  g_autoptr(GArray) ends = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  g_autoptr(GArray) offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n * N_STRINGS);
  g_autoptr(GArray) firsts = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n + 1);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GByteArray) strings = g_byte_array_sized_new (n * 256);
  g_autoptr(GVariant) payload = NULL;
  JsonObject *object;

  g_return_val_if_fail (root != NULL && JSON_NODE_HOLDS_OBJECT (root), NULL);

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (l != members)
        g_string_append_c (rest, ',');
      gloss_json_append_string (rest, l->data);
      g_string_append_c (rest, ':');
      if (g_str_equal (l->data, "annotations"))
        g_string_append (rest, "[]");
      else
        gloss_json_append_node (rest, json_object_get_member (object, l->data), 0);
    }
  g_string_append_c (rest, '}');

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);
      guint32 start = gloss_annotation_get_start (annotation);
      guint32 end = gloss_annotation_get_end (annotation);

      guint32 first = pairs->len / 2;

      g_array_append_val (starts, start);
      g_array_append_val (ends, end);
      g_array_append_val (firsts, first);
      /* In the order of the STRING_ names. */
      add_string (offsets, strings, gloss_annotation_get_id (annotation));
      add_string (offsets, strings, gloss_annotation_get_tag (annotation));
      add_string (offsets, strings, gloss_annotation_get_text (annotation));
      add_string (offsets, strings, gloss_annotation_get_prefix (annotation));
      add_string (offsets, strings, gloss_annotation_get_suffix (annotation));
      add_string (offsets, strings, gloss_annotation_get_note (annotation));
      add_string (offsets, strings, gloss_annotation_get_created (annotation));
      add_string (offsets, strings, gloss_annotation_get_modified (annotation));
      add_attributes (offsets, pairs, strings, _gloss_annotation_peek_attributes (annotation));
      add_object (offsets, strings, _gloss_annotation_peek_extra (annotation));
    }
  {
    guint32 last = pairs->len / 2;

    g_array_append_val (firsts, last);
  }

  payload = g_variant_ref_sink (g_variant_new ("(s@au@au@au@au@au@ay)", rest->str,
                                               fixed_array (starts), fixed_array (ends), fixed_array (offsets),
                                               fixed_array (firsts), fixed_array (pairs),
                                               g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, strings->data,
                                                                          strings->len, 1)));
  return g_variant_get_data_as_bytes (payload);
}

static gboolean
copy_members (const char *json,
              JsonObject *to)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  g_autoptr(GList) members = NULL;
  JsonObject *from;

  if (!gloss_json_parser_load (parser, json, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  from = json_node_get_object (root);
  members = json_object_get_members (from);
  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (to, l->data, gloss_json_node_deep_copy (json_object_get_member (from, l->data)));
  return TRUE;
}

/* The string at @offset of the table (which ends with a nul), or %NULL
 * for none; FALSE when @offset is outside the table. */
static gboolean
table_string (const char  *strings,
              gsize        length,
              guint32      offset,
              const char **value)
{
  *value = NULL;
  if (offset == NO_STRING)
    return TRUE;
  if (offset >= length)
    return FALSE;
  *value = strings + offset;
  return TRUE;
}

/* The sidecar @payload holds, or %NULL when it holds none. */
static GlossSidecar *
unpack (GBytes *payload_bytes)
{
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GVariant) starts_v = NULL, ends_v = NULL, offsets_v = NULL, strings_v = NULL;
  g_autoptr(GVariant) firsts_v = NULL, pairs_v = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  const char *rest, *strings;
  const guint32 *starts, *ends, *offsets, *firsts, *pairs;
  gsize n, n_ends, n_offsets, n_firsts, n_pairs, n_strings;

  /* Bytes this build made (a checksum says so), in normal form: trusted,
   * which spares GVariant's checks of every offset on every access. */
  payload = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (PAYLOAD_TYPE), payload_bytes, TRUE));
  g_variant_get (payload, "(&s@au@au@au@au@au@ay)", &rest, &starts_v, &ends_v, &offsets_v,
                 &firsts_v, &pairs_v, &strings_v);

  starts = g_variant_get_fixed_array (starts_v, &n, sizeof (guint32));
  ends = g_variant_get_fixed_array (ends_v, &n_ends, sizeof (guint32));
  offsets = g_variant_get_fixed_array (offsets_v, &n_offsets, sizeof (guint32));
  firsts = g_variant_get_fixed_array (firsts_v, &n_firsts, sizeof (guint32));
  pairs = g_variant_get_fixed_array (pairs_v, &n_pairs, sizeof (guint32));
  strings = g_variant_get_fixed_array (strings_v, &n_strings, 1);
  if (n_ends != n || n_offsets != n * N_STRINGS || n_firsts != n + 1 || n_pairs % 2 != 0 ||
      (n_strings > 0 && strings[n_strings - 1] != '\0'))
    return NULL;

  annotations = g_ptr_array_new_full (n, g_object_unref);
  for (gsize i = 0; i < n; i++)
    {
      const char *value[N_STRINGS];
      GlossAnnotation *annotation;

      for (guint k = 0; k < N_STRINGS; k++)
        if (!table_string (strings, n_strings, offsets[i * N_STRINGS + k], &value[k]))
          return NULL;
      if (value[STRING_ID] == NULL || *value[STRING_ID] == '\0' || starts[i] > ends[i])
        return NULL;

      annotation = _gloss_annotation_new_loaded (value[STRING_ID], value[STRING_TAG], starts[i], ends[i],
                                                 value[STRING_TEXT], value[STRING_PREFIX],
                                                 value[STRING_SUFFIX], value[STRING_NOTE],
                                                 value[STRING_CREATED], value[STRING_MODIFIED]);
      g_ptr_array_add (annotations, annotation);

      if (firsts[i] > firsts[i + 1] || firsts[i + 1] > n_pairs / 2)
        return NULL;
      if (firsts[i] < firsts[i + 1])
        {
          JsonObject *attributes = gloss_annotation_get_attributes (annotation);

          for (guint32 k = firsts[i]; k < firsts[i + 1]; k++)
            {
              const char *name, *text;

              if (!table_string (strings, n_strings, pairs[2 * k], &name) ||
                  !table_string (strings, n_strings, pairs[2 * k + 1], &text) ||
                  name == NULL || text == NULL)
                return NULL;
              json_object_set_string_member (attributes, name, text);
            }
        }

      if ((value[STRING_ATTRIBUTES] != NULL &&
           !copy_members (value[STRING_ATTRIBUTES], gloss_annotation_get_attributes (annotation))) ||
          (value[STRING_EXTRA] != NULL &&
           !copy_members (value[STRING_EXTRA], gloss_annotation_get_extra (annotation))))
        return NULL;
    }

  return _gloss_sidecar_new_from_parts (rest, strlen (rest), annotations);
}

/**
 * _gloss_sidecar_cache_read:
 * @file: a sidecar
 * @data: the bytes just read from @file
 * @length: how many
 *
 * Returns: (transfer full) (nullable): the sidecar @data reads into, or
 *   %NULL when the cache does not hold it beyond doubt
 */
GlossSidecar *
_gloss_sidecar_cache_read (GFile      *file,
                           const char *data,
                           gsize       length)
{
  g_autoptr(GFile) cache = _gloss_sidecar_cache_file (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) payload_bytes = NULL;
  g_autoptr(GVariant) header = NULL;
  g_autoptr(GVariant) packed = NULL;
  g_autofree char *data_sha256 = NULL;
  g_autofree char *packed_sha256 = NULL;
  const char *magic, *build, *file_sha256, *payload_sha256;
  const guint8 *payload;
  guint32 version;
  guint64 file_length;
  char *contents = NULL;
  gsize cache_length, n;

  if (!g_file_load_contents (cache, NULL, &contents, &cache_length, NULL, NULL))
    return NULL;
  bytes = g_bytes_new_take (contents, cache_length);

  /* Not trusted: GVariant reads damaged data safely, as empty values. */
  header = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (HEADER_TYPE), bytes, FALSE));
  g_variant_get (header, "(&su&st&s&s@ay)", &magic, &version, &build, &file_length, &file_sha256,
                 &payload_sha256, &packed);
  if (!g_str_equal (magic, CACHE_MAGIC) || version != CACHE_VERSION ||
      !g_str_equal (build, GLOSS_BUILD_ID) || file_length != length)
    return NULL;

  data_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, length);
  if (!g_str_equal (file_sha256, data_sha256))
    return NULL;

  payload = g_variant_get_fixed_array (packed, &n, 1);
  packed_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, payload, n);
  if (!g_str_equal (packed_sha256, payload_sha256))
    return NULL;

  /* Copied, so that it is aligned as GVariant wants it. */
  payload_bytes = g_bytes_new (payload, n);
  return unpack (payload_bytes);
}

/* Remembering, in the background */

/* A job waits this long before it starts: it is never urgent, and the
 * window that asked for it is busy drawing what it just read or saved. */
#define JOB_DELAY_USEC (3 * G_USEC_PER_SEC)

typedef struct
{
  GFile  *file;
  GBytes *contents;
  guint   serial;
  gint64  start_at;   /* monotonic time */
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->file);
  g_bytes_unref (job->contents);
  g_free (job);
}

static GMutex      jobs_lock;
static GCond       jobs_done;
static GCond       jobs_wake;
static gboolean    jobs_hurry;   /* someone waits for them all */
static guint       jobs_pending;
static guint       jobs_serial;
static GHashTable *jobs_latest;  /* URI → serial of the last job for it */
static GThreadPool *jobs_pool;

/* Entries not rewritten for this long go: their sidecars have probably
 * moved or gone, and any of them is made again when it is read.  So do
 * temporary files a day old, left by a program that stopped mid-write. */
#define ENTRY_MAX_AGE_SEC     (60 * 24 * 60 * 60)
#define TEMPORARY_MAX_AGE_SEC (24 * 60 * 60)

static void
prune (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      gint64 max_age = g_str_has_suffix (name, ".gvariant") ? ENTRY_MAX_AGE_SEC : TEMPORARY_MAX_AGE_SEC;
      GStatBuf info;

      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode) && now - (gint64)info.st_mtime > max_age)
        g_unlink (path);
    }
}

static gboolean
write_cache (GFile   *file,
             GBytes  *contents,
             GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GlossSidecar) read = NULL;
  g_autoptr(GlossSidecar) again = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GVariant) header = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GFile) cache = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *payload_sha256 = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  gsize length, expected_length, actual_length;
  const char *data = g_bytes_get_data (contents, &length);

  read = _gloss_sidecar_read_clean (data, length, &parser);
  if (read == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the file has problems");
      return FALSE;
    }
  payload = pack (json_parser_get_root (parser), read);
  g_clear_object (&parser);

  /* What the cache gives back must write what the file read into. */
  again = unpack (payload);
  expected = gloss_sidecar_to_data (read, &expected_length);
  actual = again != NULL ? gloss_sidecar_to_data (again, &actual_length) : NULL;
  if (actual == NULL || actual_length != expected_length || memcmp (actual, expected, actual_length) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the cache would not give back the same sidecar");
      return FALSE;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
  payload_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, payload);
  header = g_variant_ref_sink (g_variant_new ("(sustss@ay)", CACHE_MAGIC, CACHE_VERSION, GLOSS_BUILD_ID,
                                              (guint64)length, sha256, payload_sha256,
                                              g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING,
                                                                        payload, TRUE)));
  packed = g_variant_get_data_as_bytes (header);

  cache = _gloss_sidecar_cache_file (file);
  folder = g_file_get_parent (cache);
  path = g_file_get_path (folder);
  /* It holds bits of articles and notes: for the user only. */
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }

  prune (path);
  data = g_bytes_get_data (packed, &length);
  return gloss_file_replace (cache, data, length, NULL, error);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  g_autofree char *uri = g_file_get_uri (job->file);
  gboolean latest;

  g_mutex_lock (&jobs_lock);
  while (!jobs_hurry && g_get_monotonic_time () < job->start_at)
    g_cond_wait_until (&jobs_wake, &jobs_lock, job->start_at);
  latest = GPOINTER_TO_UINT (g_hash_table_lookup (jobs_latest, uri)) == job->serial;
  g_mutex_unlock (&jobs_lock);

  /* A newer version of the file is queued: only that one matters. */
  if (latest)
    {
      g_autoptr(GError) error = NULL;

      if (!write_cache (job->file, job->contents, &error))
        g_debug ("Not cached: %s: %s", uri, error->message);
    }

  g_mutex_lock (&jobs_lock);
  if (GPOINTER_TO_UINT (g_hash_table_lookup (jobs_latest, uri)) == job->serial)
    g_hash_table_remove (jobs_latest, uri);
  if (--jobs_pending == 0)
    g_cond_broadcast (&jobs_done);
  g_mutex_unlock (&jobs_lock);

  job_free (job);
}

/**
 * _gloss_sidecar_cache_remember:
 * @file: a sidecar
 * @contents: bytes just read from @file or written to it
 *
 * Has the cache hold what @contents read into, in the background.
 */
void
_gloss_sidecar_cache_remember (GFile  *file,
                               GBytes *contents)
{
  Job *job = g_new0 (Job, 1);

  job->file = g_object_ref (file);
  job->contents = g_bytes_ref (contents);
  job->start_at = g_get_monotonic_time () + JOB_DELAY_USEC;

  g_mutex_lock (&jobs_lock);
  if (jobs_pool == NULL)
    {
      /* One at a time: they are rare, large, and never urgent. */
      jobs_pool = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);
      jobs_latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  job->serial = ++jobs_serial;
  g_hash_table_insert (jobs_latest, g_file_get_uri (file), GUINT_TO_POINTER (job->serial));
  jobs_pending++;
  g_mutex_unlock (&jobs_lock);

  g_thread_pool_push (jobs_pool, job, NULL);
}

/**
 * gloss_sidecar_cache_flush:
 *
 * Has the parsed-sidecar cache remember now what it was asked to remember
 * in the background, and waits until it has: for a program about to exit
 * (and for tests).
 */
void
gloss_sidecar_cache_flush (void)
{
  g_mutex_lock (&jobs_lock);
  jobs_hurry = TRUE;
  g_cond_broadcast (&jobs_wake);
  while (jobs_pending > 0)
    g_cond_wait (&jobs_done, &jobs_lock);
  jobs_hurry = FALSE;
  g_mutex_unlock (&jobs_lock);
}
