/* gloss-document.c: an article's canonical text and its provenance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-document.h"
#include "gloss-document-private.h"

/* One byte offset is remembered every STRIDE code points so that turning a
 * code-point offset into a pointer costs at most STRIDE steps, even in a
 * million-character article (the index then takes at most a quarter of the text's
 * size in bytes; 256 made checking 100 000 annotations four times slower). */
#define STRIDE 32

struct _GlossDocument
{
  GObject     parent_instance;

  char       *text;
  gsize       n_bytes;
  gsize       length;
  char       *sha256;
  GArray     *index;        /* gsize byte offset of code point i * STRIDE */

  GFile      *file;
  char       *source;
  char       *title;
  char       *url;
  char       *retrieved;
  char       *encoding;
  char       *byline;
  char       *published;
  char       *site_name;
  JsonObject *provenance;
};

G_DEFINE_FINAL_TYPE (GlossDocument, gloss_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (gloss-document-error-quark, gloss_document_error)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LENGTH,
  PROP_SHA256,
  PROP_FILE,
  PROP_SOURCE,
  PROP_TITLE,
  PROP_URL,
  PROP_RETRIEVED,
  PROP_ENCODING,
  PROP_BYLINE,
  PROP_PUBLISHED,
  PROP_SITE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->index, g_array_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->retrieved, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->byline, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->site_name, g_free);
  g_clear_pointer (&self->provenance, json_object_unref);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_LENGTH: g_value_set_uint64 (value, self->length); break;
    case PROP_SHA256: g_value_set_string (value, self->sha256); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_URL: g_value_set_string (value, self->url); break;
    case PROP_RETRIEVED: g_value_set_string (value, self->retrieved); break;
    case PROP_ENCODING: g_value_set_string (value, self->encoding); break;
    case PROP_BYLINE: g_value_set_string (value, self->byline); break;
    case PROP_PUBLISHED: g_value_set_string (value, self->published); break;
    case PROP_SITE_NAME: g_value_set_string (value, self->site_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE: gloss_document_set_file (self, g_value_get_object (value)); break;
    case PROP_SOURCE: gloss_document_set_source (self, g_value_get_string (value)); break;
    case PROP_TITLE: gloss_document_set_title (self, g_value_get_string (value)); break;
    case PROP_URL: gloss_document_set_url (self, g_value_get_string (value)); break;
    case PROP_RETRIEVED: gloss_document_set_retrieved (self, g_value_get_string (value)); break;
    case PROP_ENCODING: gloss_document_set_encoding (self, g_value_get_string (value)); break;
    case PROP_BYLINE: gloss_document_set_byline (self, g_value_get_string (value)); break;
    case PROP_PUBLISHED: gloss_document_set_published (self, g_value_get_string (value)); break;
    case PROP_SITE_NAME: gloss_document_set_site_name (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;
  object_class->set_property = gloss_document_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_LENGTH] = g_param_spec_uint64 ("length", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, rw);
  properties[PROP_RETRIEVED] = g_param_spec_string ("retrieved", NULL, NULL, NULL, rw);
  properties[PROP_ENCODING] = g_param_spec_string ("encoding", NULL, NULL, NULL, rw);
  properties[PROP_BYLINE] = g_param_spec_string ("byline", NULL, NULL, NULL, rw);
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, rw);
  properties[PROP_SITE_NAME] = g_param_spec_string ("site-name", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_document_init (GlossDocument *self)
{
  self->provenance = json_object_new ();
}

/* NFC, only where it can change something
 *
 * g_utf8_normalize() takes two thirds of opening a long article, and almost
 * all of a news article is already in NFC.  Unicode normalization works on
 * segments that start at a "stable" character: a starter (combining class
 * 0) that NFC leaves as it is and that never composes with what comes
 * before it.  NFC of a text is the NFC of each such segment, one after the
 * other, and a segment of one stable character is that character.  So only
 * the segments holding some other character go through g_utf8_normalize().
 */

/* The starters that are the second half of a canonical composition (GLib's
 * Unicode data, composition exclusions included, which only makes this
 * larger than needed).  Everything else that can be a second half has a
 * non-zero combining class.  The test /document/nfc/second-halves checks this
 * list against the GLib the program runs with. */
static const struct { gunichar first, last; } second_halves[] = {
  { 0x09BE, 0x09BE }, { 0x09D7, 0x09D7 }, { 0x0B3E, 0x0B3E }, { 0x0B56, 0x0B57 },
  { 0x0BBE, 0x0BBE }, { 0x0BD7, 0x0BD7 }, { 0x0CC2, 0x0CC2 }, { 0x0CD5, 0x0CD6 },
  { 0x0D3E, 0x0D3E }, { 0x0D57, 0x0D57 }, { 0x0DCF, 0x0DCF }, { 0x0DDF, 0x0DDF },
  { 0x0FB5, 0x0FB5 }, { 0x0FB7, 0x0FB7 }, { 0x102E, 0x102E }, { 0x1161, 0x1175 },
  { 0x11A8, 0x11C2 }, { 0x1B35, 0x1B35 }, { 0x11127, 0x11127 }, { 0x1133E, 0x1133E },
  { 0x11357, 0x11357 }, { 0x114B0, 0x114B0 }, { 0x114BA, 0x114BA }, { 0x114BD, 0x114BD },
  { 0x115AF, 0x115AF }, { 0x11930, 0x11930 },
};

static gboolean
is_second_half (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (second_halves); i++)
    if (c >= second_halves[i].first && c <= second_halves[i].last)
      return TRUE;
  return FALSE;
}

static gboolean
compute_nfc_stable (gunichar c)
{
  char utf8[8];
  g_autofree char *nfc = NULL;
  gunichar decomposition[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;
  int len;

  if (g_unichar_combining_class (c) != 0 || is_second_half (c))
    return FALSE;

  /* A precomposed letter (é) is stable when NFC composes it back and its
   * decomposition starts with a starter that is stable the same way. */
  n = g_unichar_fully_decompose (c, FALSE, decomposition, G_N_ELEMENTS (decomposition));
  if (n > 1 || (n == 1 && decomposition[0] != c))
    {
      if (g_unichar_combining_class (decomposition[0]) != 0 || is_second_half (decomposition[0]))
        return FALSE;
    }

  len = g_unichar_to_utf8 (c, utf8);
  nfc = g_utf8_normalize (utf8, len, G_NORMALIZE_NFC);
  return nfc != NULL && strlen (nfc) == (gsize)len && memcmp (nfc, utf8, len) == 0;
}

/* What is known of the first two planes, two bits a code point (known,
 * stable), filled in as characters are met; shared by all threads. */
#define STABLE_CACHED_LIMIT 0x20000
static guint stable_cache[STABLE_CACHED_LIMIT / 16];

/**
 * gloss_unichar_is_nfc_stable:
 * @c: a Unicode character
 *
 * Whether NFC leaves @c as it is and starts a new normalization segment
 * at it: a text can be normalized piece by piece, cut before such
 * characters.
 *
 * Returns: %TRUE when @c is stable
 */
gboolean
gloss_unichar_is_nfc_stable (gunichar c)
{
  guint word, shift, bits;
  gboolean stable;

  if (c < 0x80)
    return TRUE;
  if (c >= STABLE_CACHED_LIMIT)
    return compute_nfc_stable (c);

  word = c / 16;
  shift = (c % 16) * 2;
  bits = ((guint)g_atomic_int_get (&stable_cache[word]) >> shift) & 3;
  if (bits & 1)
    return (bits & 2) != 0;

  /* Threads that meet the same new character compute the same bits. */
  stable = compute_nfc_stable (c);
  g_atomic_int_or (&stable_cache[word], (1u | (stable ? 2u : 0u)) << shift);
  return stable;
}

/* Appends to *@out (made when needed, for a text of @n bytes) the text
 * from @copied to @segment as it is, then the segment up to @end in NFC.
 * Returns @end: how far *@out holds the text now. */
static const char *
append_normalized (GString    **out,
                   gsize        n,
                   const char  *copied,
                   const char  *segment,
                   const char  *end)
{
  g_autofree char *normal = g_utf8_normalize (segment, end - segment, G_NORMALIZE_NFC);

  if (*out == NULL)
    *out = g_string_sized_new (n + 16);
  g_string_append_len (*out, copied, segment - copied);
  g_string_append (*out, normal);
  return end;
}

/* NFC of valid UTF-8 text: @text itself (stolen) when it is in NFC already. */
static char *
normalize_nfc (char  *text,
               gsize  n)
{
  g_autoptr(GString) out = NULL;
  const char *end = text + n;
  const char *copied = text;   /* the output holds the text up to here */
  const char *segment = text;  /* where the current segment starts */
  gboolean dirty = FALSE;

  for (const char *p = text; p < end; )
    {
      const char *at = p;
      gunichar c;

      if ((guchar)*p < 0x80)
        c = (guchar)*p++;
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }

      if (!gloss_unichar_is_nfc_stable (c))
        {
          dirty = TRUE;
          continue;
        }

      if (dirty)
        {
          copied = append_normalized (&out, n, copied, segment, at);
          dirty = FALSE;
        }
      segment = at;
    }

  if (dirty)
    copied = append_normalized (&out, n, copied, segment, end);

  if (out == NULL)
    return text;

  g_string_append_len (out, copied, end - copied);
  g_free (text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * gloss_document_canonicalize:
 * @text: UTF-8 text
 * @length: length of @text in bytes, or -1 when nul-terminated
 * @error: return location for a #GError
 *
 * Produces the canonical form every offset refers to: valid UTF-8 without a
 * byte order mark, `\n` line ends, NFC.
 *
 * Returns: (transfer full) (nullable): the canonical text
 */
char *
gloss_document_canonicalize (const char  *text,
                             gssize       length,
                             GError     **error)
{
  const char *end = NULL;
  char *lf;
  gsize n, out;

  g_return_val_if_fail (text != NULL, NULL);

  n = length < 0 ? strlen (text) : (gsize)length;

  if (!g_utf8_validate_len (text, n, &end))
    {
      g_autofree char *valid = g_strndup (text, end - text);
      glong offset = g_utf8_strlen (valid, -1);

      if (*end == '\0' && (gsize)(end - text) < n)
        g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING,
                     _("the text contains a NUL character at character %ld"), offset);
      else
        g_set_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_ENCODING,
                     _("the text is not valid UTF-8 (at byte %lu, character %ld)"),
                     (gulong)(end - text), offset);
      return NULL;
    }

  if (n >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      n -= 3;
    }

  /* CRLF and lone CR become LF, copying the runs between them whole. */
  lf = g_malloc (n + 1);
  out = 0;
  for (gsize i = 0; i < n; )
    {
      const char *cr = memchr (text + i, '\r', n - i);
      gsize run = cr ? (gsize)(cr - (text + i)) : n - i;

      memcpy (lf + out, text + i, run);
      out += run;
      i += run;
      if (cr != NULL)
        {
          lf[out++] = '\n';
          i++;
          if (i < n && text[i] == '\n')
            i++;
        }
    }
  lf[out] = '\0';

  return normalize_nfc (lf, out);
}

/**
 * gloss_document_new:
 * @text: UTF-8 text
 * @length: length of @text in bytes, or -1 when nul-terminated
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a document whose text is the canonical form of @text
 */
static guint n_created;

guint
_gloss_document_get_n_created (void)
{
  return g_atomic_int_get (&n_created);
}

GlossDocument *
gloss_document_new (const char  *text,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(GlossDocument) self = NULL;
  char *canonical;
  gsize count = 0;

  canonical = gloss_document_canonicalize (text, length, error);
  if (canonical == NULL)
    return NULL;

  g_atomic_int_inc (&n_created);
  self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);
  self->text = canonical;
  self->n_bytes = strlen (canonical);
  self->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, self->n_bytes);
  self->index = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (const char *p = canonical; *p; p = g_utf8_next_char (p))
    {
      if (count % STRIDE == 0)
        {
          gsize byte = p - canonical;
          g_array_append_val (self->index, byte);
        }
      count++;
    }
  self->length = count;

  return g_steal_pointer (&self);
}

const char *
gloss_document_get_text (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->text;
}

gsize
gloss_document_get_length (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->length;
}

gsize
gloss_document_get_byte_length (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->n_bytes;
}

const char *
gloss_document_get_sha256 (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

/**
 * gloss_document_offset_to_pointer:
 * @self: a #GlossDocument
 * @offset: a code-point offset, clamped to the length
 *
 * Returns: (transfer none): a pointer into the text at @offset
 */
const char *
gloss_document_offset_to_pointer (GlossDocument *self,
                                  gsize          offset)
{
  const char *p;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (offset >= self->length)
    return self->text + self->n_bytes;

  p = self->text + g_array_index (self->index, gsize, offset / STRIDE);
  for (gsize i = offset % STRIDE; i > 0; i--)
    p = g_utf8_next_char (p);

  return p;
}

gsize
gloss_document_pointer_to_offset (GlossDocument *self,
                                  const char    *pointer)
{
  gsize target, lo, hi, offset;
  const char *p;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (pointer >= self->text && pointer <= self->text + self->n_bytes, 0);

  target = pointer - self->text;
  if (target >= self->n_bytes)
    return self->length;

  /* Last index entry at or before the pointer. */
  lo = 0;
  hi = self->index->len;
  while (hi - lo > 1)
    {
      gsize mid = (lo + hi) / 2;

      if (g_array_index (self->index, gsize, mid) <= target)
        lo = mid;
      else
        hi = mid;
    }

  offset = lo * STRIDE;
  for (p = self->text + g_array_index (self->index, gsize, lo);
       p < pointer;
       p = g_utf8_next_char (p))
    offset++;

  return offset;
}

/**
 * gloss_document_get_slice:
 * @self: a #GlossDocument
 * @start: first code point
 * @end: code point after the last, clamped to the length
 *
 * Returns: (transfer full): the text between @start and @end
 */
char *
gloss_document_get_slice (GlossDocument *self,
                          gsize          start,
                          gsize          end)
{
  const char *a, *b;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (end < start)
    end = start;

  a = gloss_document_offset_to_pointer (self, start);
  b = gloss_document_offset_to_pointer (self, end);

  return g_strndup (a, b - a);
}

/**
 * gloss_document_find:
 * @self: a #GlossDocument
 * @needle: text to look for
 * @from: code-point offset to start at
 *
 * Returns: the code-point offset of the next occurrence, or -1
 */
gssize
gloss_document_find (GlossDocument *self,
                     const char    *needle,
                     gsize          from)
{
  const char *start, *hit;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (needle != NULL, -1);

  if (*needle == '\0' || from > self->length)
    return -1;

  start = gloss_document_offset_to_pointer (self, from);
  hit = strstr (start, needle);
  if (hit == NULL)
    return -1;

  return gloss_document_pointer_to_offset (self, hit);
}

GFile *
gloss_document_get_file (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
gloss_document_set_file (GlossDocument *self,
                         GFile         *file)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

#define STRING_PROPERTY(name, PROP)                                            \
const char *                                                                   \
gloss_document_get_##name (GlossDocument *self)                                \
{                                                                              \
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);                       \
  return self->name;                                                           \
}                                                                              \
                                                                               \
void                                                                           \
gloss_document_set_##name (GlossDocument *self,                                \
                           const char    *value)                               \
{                                                                              \
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));                                 \
                                                                               \
  if (g_strcmp0 (self->name, value) == 0)                                      \
    return;                                                                    \
  g_free (self->name);                                                         \
  self->name = g_strdup (value);                                               \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);                \
}

STRING_PROPERTY (source, PROP_SOURCE)
STRING_PROPERTY (title, PROP_TITLE)
STRING_PROPERTY (url, PROP_URL)
STRING_PROPERTY (retrieved, PROP_RETRIEVED)
STRING_PROPERTY (encoding, PROP_ENCODING)
STRING_PROPERTY (byline, PROP_BYLINE)
STRING_PROPERTY (published, PROP_PUBLISHED)
STRING_PROPERTY (site_name, PROP_SITE_NAME)

/**
 * gloss_document_get_provenance:
 * @self: a #GlossDocument
 *
 * Returns: (transfer none): free-form provenance members, in insertion order
 */
JsonObject *
gloss_document_get_provenance (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->provenance;
}
