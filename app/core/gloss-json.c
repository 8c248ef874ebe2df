/* gloss-json.c: deterministic, diff-friendly JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "gloss-json.h"

/*
 * json-glib parses and holds every document; only the final layout is done
 * here, because json-glib 1.6's pretty printer writes `"key" : value` and
 * prints an empty object as `{      }`, neither of which is what people (or
 * Python's json.dump) write.  Members keep the order of the JsonObject.
 * Strings stay UTF-8; only what JSON requires is escaped.
 */

void
gloss_json_append_string (GString    *out,
                          const char *value)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *)value; *p; p++)
    {
      const unsigned char *run = p;

      /* Runs that need no escape go in at once. */
      while (*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      if (p > run)
        g_string_append_len (out, (const char *)run, p - run);
      if (*p == '\0')
        break;

      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest form that reads back to the same double. */
  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buffer, sizeof buffer, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
  /* Keep it a floating-point number when read back. */
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
newline (GString *out,
         int      indent)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

void
gloss_json_append_node (GString  *out,
                        JsonNode *node,
                        int       indent)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }

        g_string_append_c (out, '{');
        for (const GList *l = members; l; l = l->next)
          {
            newline (out, indent + 2);
            gloss_json_append_string (out, l->data);
            g_string_append (out, ": ");
            gloss_json_append_node (out, json_object_get_member (object, l->data), indent + 2);
            if (l->next)
              g_string_append_c (out, ',');
          }
        newline (out, indent);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            newline (out, indent + 2);
            gloss_json_append_node (out, json_array_get_element (array, i), indent + 2);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        newline (out, indent);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          gloss_json_append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

/**
 * gloss_json_to_pretty:
 * @node: a JSON tree
 * @length: (out) (optional): length of the result
 *
 * Returns: (transfer full): @node as text with a two-space indent and a final newline
 */
char *
gloss_json_to_pretty (JsonNode *node,
                      gsize    *length)
{
  GString *out = g_string_sized_new (4096);

  gloss_json_append_node (out, node, 0);
  g_string_append_c (out, '\n');

  if (length)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * gloss_json_node_deep_copy:
 * @node: a JSON tree
 *
 * json_node_copy() shares objects and arrays between the copies; undo
 * snapshots need copies that later edits of the original cannot reach.
 *
 * Returns: (transfer full): an independent copy of @node
 */
JsonNode *
gloss_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, gloss_json_object_deep_copy (json_node_get_object (node)));
      return copy;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *out = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (out, gloss_json_node_deep_copy (json_array_get_element (array, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, out);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      copy = json_node_copy (node);
      /* A copy of an immutable (parsed) value is mutable again. */
      return copy;
    }
}

/**
 * gloss_json_object_deep_copy:
 * @object: a JSON object
 *
 * Returns: (transfer full): an independent copy of @object, members in the same order
 */
JsonObject *
gloss_json_object_deep_copy (JsonObject *object)
{
  JsonObject *out = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l; l = l->next)
    json_object_set_member (out, l->data, gloss_json_node_deep_copy (json_object_get_member (object, l->data)));

  return out;
}

JsonNode *
gloss_json_string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value ? value : "");
  return node;
}

JsonNode *
gloss_json_int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

JsonNode *
gloss_json_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
gloss_json_array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

/* Reading: what json-glib 1.6 would accept but then crash on or silently
 * change, found by one pass over the text before it is parsed. */

typedef struct
{
  gboolean    object;
  guint       index;
  const char *key;
  gsize       key_length;
} Frame;

static char *
frames_path (const Frame *frames,
             guint        depth)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < depth; i++)
    {
      if (!frames[i].object)
        g_string_append_printf (path, "[%u]", frames[i].index);
      else if (frames[i].key != NULL)
        {
          g_string_append_c (path, '.');
          g_string_append_len (path, frames[i].key, MIN (frames[i].key_length, 80));
          if (frames[i].key_length > 80)
            g_string_append (path, "…");
        }
    }

  /* The path quotes the file: keep it valid UTF-8 for the message. */
  if (!g_utf8_validate (path->str, path->len, NULL))
    {
      char *valid = g_utf8_make_valid (path->str, path->len);

      g_string_free (path, TRUE);
      return valid;
    }
  return g_string_free (path, FALSE);
}

static gboolean G_GNUC_PRINTF (4, 5)
refuse (GError     **error,
        const Frame *frames,
        guint        depth,
        const char  *format,
        ...)
{
  g_autofree char *path = frames_path (frames, depth);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "at $.annotations[2].note: a string holds …" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("at %s: %s"), path, what);
  return FALSE;
}

static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* g_utf8_validate() from the first byte that is not ASCII (or is NUL): most of a
 * sidecar's strings (ids, tags, dates) are ASCII to the end, and eight bytes
 * at a time tell that sooner. */
static gboolean
utf8_valid (const char *start,
            gsize       length)
{
  const char *p = start;
  const char *end = start + length;

  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      /* A byte over 0x7f, or a NUL (which g_utf8_validate() refuses). */
      if ((word | ((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word)) &
          G_GUINT64_CONSTANT (0x8080808080808080))
        break;
      p += 8;
    }
  while (p < end && (guchar) *p < 0x80 && *p != '\0')
    p++;
  return p == end || g_utf8_validate (p, end - p, NULL);
}

/* The escape whose letter is at @k (after its backslash): where it ends,
 * or %NULL when JSON does not have it or json-glib 1.6 would read it into
 * something else (a NUL character, half a surrogate pair), with @error set. */
static const char *
escape_end (const char  *k,
            const char  *end,
            const Frame *frames,
            guint        depth,
            GError     **error)
{
  int unit;

  if (*k != 'u')
    {
      if (strchr ("\"\\/bfnrt", *k) == NULL || *k == '\0')
        {
          refuse (error, frames, depth, _("a string holds the escape \\%c, which JSON does not have"),
                  g_ascii_isprint (*k) ? *k : '?');
          return NULL;
        }
      return k + 1;
    }
  unit = hex4 (k + 1, end);
  if (unit < 0)
    refuse (error, frames, depth, _("a \\u escape without four hexadecimal digits"));
  else if (unit == 0)
    refuse (error, frames, depth, _("a string holds a NUL character (\\u0000), which Gloss cannot keep"));
  else if (unit >= 0xDC00 && unit <= 0xDFFF)
    refuse (error, frames, depth, _("a string holds half of a surrogate pair (\\u%04x), which is no character"), unit);
  else if (unit < 0xD800 || unit > 0xDBFF)
    return k + 5;
  else
    {
      int low = (end - k >= 11 && k[5] == '\\' && k[6] == 'u') ? hex4 (k + 7, end) : -1;

      if (low >= 0xDC00 && low <= 0xDFFF)
        return k + 11;
      refuse (error, frames, depth, _("a string holds half of a surrogate pair (\\u%04x), which is no character"), unit);
    }
  return NULL;
}

/* Checks the string starting at the quote *@pp; leaves *@pp after its
 * closing quote. */
static gboolean
check_string (const char **pp,
              const char  *end,
              Frame       *frames,
              guint        depth,
              GError     **error)
{
  const char *start = *pp + 1;
  const char *p = start;

  /* The closing quote, and the escapes before it, found with memchr(),
   * which reads a long string many bytes at a time.  Each byte is looked at
   * once by each search: an escaped quote moves the first one on from where
   * the escape ended. */
  const char *quote = memchr (p, '"', end - p);

  for (;;)
    {
      const char *limit = quote ? quote : end;
      const char *escape = memchr (p, '\\', limit - p);

      if (escape == NULL)
        {
          p = limit;
          break;
        }
      p = escape;
      if (p + 1 >= end)
        {
          p = end;
          break;
        }
      p = escape_end (p + 1, end, frames, depth, error);
      if (p == NULL)
        return FALSE;
      if (quote != NULL && p > quote)
        quote = memchr (p, '"', end - p);
    }

  if (!utf8_valid (start, p - start))
    return refuse (error, frames, depth, _("a string is not valid UTF-8"));

  if (frames != NULL && depth > 0 && frames[depth - 1].object && frames[depth - 1].key == NULL)
    {
      /* Member names are kept as written, escapes and all, for the path. */
      frames[depth - 1].key = start;
      frames[depth - 1].key_length = p - start;
    }

  *pp = p < end ? p + 1 : p;
  return TRUE;
}

static gboolean
check_number (const char **pp,
              const char  *end,
              const Frame *frames,
              guint        depth,
              GError     **error)
{
  const char *start = *pp;
  const char *p = start;
  gboolean fraction = FALSE;
  char buffer[64];
  g_autofree char *long_number = NULL;
  char *text = buffer;
  gsize length;

  while (p < end && (g_ascii_isdigit (*p) || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E'))
    {
      fraction |= (*p == '.' || *p == 'e' || *p == 'E');
      p++;
    }
  *pp = p;

  length = p - start;
  /* Eighteen digits fit in 64 bits, and a decimal without an exponent
   * shorter than 300 digits in a double: only longer numbers are read. */
  if ((!fraction && length <= 18) || (fraction && length < 300 && !memchr (start, 'e', length) && !memchr (start, 'E', length)))
    return TRUE;
  if (length >= sizeof buffer)
    text = long_number = g_malloc (length + 1);
  memcpy (text, start, length);
  text[length] = '\0';

  errno = 0;
  if (fraction)
    {
      double value = g_ascii_strtod (text, NULL);

      if (errno == ERANGE && (value > 1.0 || value < -1.0))
        return refuse (error, frames, depth,
                       _("the number %.40s is too large to be kept"), text);
    }
  else
    {
      g_ascii_strtoll (text, NULL, 10);
      if (errno == ERANGE)
        return refuse (error, frames, depth,
                       _("the integer %.40s does not fit in 64 bits"), text);
    }
  return TRUE;
}

/* The text without its whitespace between tokens, made in the same pass as
 * the check: json-glib 1.6's scanner reads a byte of indentation about as
 * slowly as a byte of a value, and a pretty-printed sidecar is a fifth
 * whitespace (its parse takes 22 % fewer instructions without it).  Only the
 * bytes outside strings change: a run of whitespace after a brace, bracket,
 * comma, colon or quote goes, and one after any other byte (the end of a
 * number or a word) becomes one space, so the scanner ends every token on
 * the same kind of byte and meets the same tokens in the same order.  Any
 * other byte outside a string (a comment, which json-glib reads, a stray
 * character) gives up: the text is parsed as it is. */
typedef struct
{
  char       *out;       /* NULL: not (or no longer) compacting */
  char       *o;         /* where the next byte goes */
  const char *from;      /* the start of the bytes not yet copied */
} Compact;

static inline gboolean
token_byte (char c)
{
  return c != '{' && c != '}' && c != '[' && c != ']' && c != ',' && c != ':' && c != '"' && c != '\'';
}

static void
compact_skip (Compact    *c,
              const char *data,
              const char *space,
              const char *after,
              const char *end)
{
  memcpy (c->o, c->from, space - c->from);
  c->o += space - c->from;
  /* After a number or a word, the scanner's reading of it may depend on
   * what follows: "." alone is 0.0 to json-glib 1.6, ".\r" an error. */
  if (space > data && token_byte (space[-1]))
    *c->o++ = ' ';
  c->from = after;
}

static void
compact_give_up (Compact *c)
{
  g_clear_pointer (&c->out, g_free);
}

/* Every escape of the text, read as text: after a syntax error the pass
 * above may pair quotation marks otherwise than json-glib's scanner does,
 * which then meets an escape the pass took for bytes outside a string — and
 * json-glib 1.6 leaks the string it was reading when the escape is a
 * malformed surrogate pair (found by fuzz-sidecar).  A backslash escapes
 * when an odd run of them ends before it.  In valid JSON every escape is
 * inside a string the pass above checked, so this refuses only what
 * json-glib would refuse too. */
static gboolean
check_escapes_as_text (const char *data,
                       const char *end,
                       GError    **error)
{
  const char *p = data, *b;

  while (p < end && (b = memchr (p, '\\', end - p)) != NULL)
    {
      const char *k = b;

      while (k < end && *k == '\\')
        k++;
      if ((k - b) % 2 == 0)
        {
          p = k + 1;
          continue;
        }
      if (k >= end)
        return refuse (error, NULL, 0, _("the text ends in the middle of an escape"));
      p = escape_end (k, end, NULL, 0, error);
      if (p == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check (const char  *data,
       gsize        length,
       Compact     *c,
       GError     **error)
{
  const char *p = data;
  const char *end = data + length;
  Frame frames[GLOSS_JSON_MAX_DEPTH];
  guint depth = 0;
  gboolean ended = FALSE;

  while (p < end)
    {
      /* Indentation and line ends, most of a sidecar's bytes outside its
       * strings, passed in one run. */
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        {
          const char *space = p;

          do
            p++;
          while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'));
          if (c->out != NULL)
            compact_skip (c, data, space, p, end);
          continue;
        }

      /* json-glib 1.6 leaks the first value when a second one follows. */
      if (ended && !g_ascii_isspace (*p))
        return refuse (error, frames, 0, _("more text after the end of the JSON value"));

      switch (*p)
        {
        case '"':
          if (!check_string (&p, end, frames, depth, error))
            return FALSE;
          ended = (depth == 0);
          continue;

        case '\'':
          {
            /* Not JSON, but json-glib 1.6 reads 'single-quoted' strings,
             * escapes and all taken as they are. */
            const char *close = memchr (p + 1, '\'', end - p - 1);
            const char *stop = close ? close : end;

            if (!g_utf8_validate (p + 1, stop - p - 1, NULL))
              return refuse (error, frames, depth, _("a string is not valid UTF-8"));
            p = close ? close + 1 : end;
            ended = (depth == 0);
            continue;
          }

        case '{':
        case '[':
          if (depth == GLOSS_JSON_MAX_DEPTH)
            return refuse (error, frames, depth,
                           _("nested more than %d levels deep"), GLOSS_JSON_MAX_DEPTH);
          frames[depth].object = (*p == '{');
          frames[depth].index = 0;
          frames[depth].key = NULL;
          frames[depth].key_length = 0;
          depth++;
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          ended = (depth == 0);
          break;

        case ',':
          if (depth > 0)
            {
              frames[depth - 1].index++;
              frames[depth - 1].key = NULL;
            }
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!check_number (&p, end, frames, depth, error))
            return FALSE;
          ended = (depth == 0);
          continue;

        default:
          if (c->out != NULL && *p != ':' && !g_ascii_isalnum (*p) && *p != '+' && *p != '.' && *p != '_')
            compact_give_up (c);
          if (depth == 0 && g_ascii_isalpha (*p))
            {
              while (p < end && g_ascii_isalpha (*p))
                p++;
              ended = TRUE;
              continue;
            }
          break;
        }
      p++;
    }

  if (!check_escapes_as_text (data, end, error))
    return FALSE;
  if (c->out != NULL)
    {
      memcpy (c->o, c->from, end - c->from);
      c->o += end - c->from;
      *c->o = '\0';
    }
  return TRUE;
}

/**
 * gloss_json_check:
 * @data: JSON text
 * @length: its length in bytes
 * @error: return location for a #GError naming the place in JSON path form
 *
 * Refuses, before parsing, what json-glib 1.6 would crash on or silently
 * change, so that nothing Gloss reads is written back differently or as
 * something it cannot read: nesting deeper than %GLOSS_JSON_MAX_DEPTH, a
 * NUL character or half a surrogate pair in a string (json-glib cuts the
 * first and writes invalid UTF-8 for the second), escapes JSON does not
 * have (json-glib reads `\012` as octal), strings that are not UTF-8,
 * integers beyond 64 bits (read as -1) and numbers beyond a double (read
 * as infinity).  Syntax errors are left to json-glib.  Linear, and never
 * recursive.
 *
 * Returns: %TRUE when @data can be given to json-glib
 */
gboolean
gloss_json_check (const char  *data,
                  gsize        length,
                  GError     **error)
{
  Compact c = { NULL, NULL, NULL };

  return check (data, length, &c, error);
}

/**
 * gloss_json_check_compact:
 * @data: JSON text
 * @length: its length in bytes
 * @compact: (out) (transfer full) (nullable): the same JSON without the
 *   whitespace between its tokens, or %NULL when it could not be made
 * @compact_length: (out): its length in bytes
 * @error: return location for a #GError
 *
 * gloss_json_check(), and in the same pass a copy of @data that json-glib
 * parses into the same tree, faster (gloss_json_parser_load() parses it,
 * and @data when the copy does not parse: its message names lines and
 * columns).
 *
 * Returns: %TRUE when @data can be given to json-glib
 */
gboolean
gloss_json_check_compact (const char  *data,
                          gsize        length,
                          char       **compact,
                          gsize       *compact_length,
                          GError     **error)
{
  Compact c;

  c.out = c.o = g_malloc (length + 1);
  c.from = data;
  *compact = NULL;
  *compact_length = 0;
  if (!check (data, length, &c, error))
    {
      g_free (c.out);
      return FALSE;
    }
  if (c.out != NULL)
    {
      *compact_length = c.o - c.out;
      *compact = c.out;
    }
  return TRUE;
}

/* Parses @compact (from gloss_json_check_compact()), or @data when there is
 * no copy or the copy does not parse: then an error names the line and
 * column of @data, and @data's own result is the one that counts. */
static gboolean
parse_checked (JsonParser  *parser,
               const char  *data,
               gsize        length,
               const char  *compact,
               gsize        compact_length,
               GError     **error)
{
  if (compact != NULL && json_parser_load_from_data (parser, compact, compact_length, NULL))
    return TRUE;

  if (!json_parser_load_from_data (parser, data, length, error))
    {
      /* json-glib quotes the text it stumbled on, whatever its bytes. */
      if (error != NULL && *error != NULL && !g_utf8_validate ((*error)->message, -1, NULL))
        {
          char *valid = g_utf8_make_valid ((*error)->message, -1);

          g_free ((*error)->message);
          (*error)->message = valid;
        }
      return FALSE;
    }
  return TRUE;
}

/**
 * gloss_json_parser_load:
 * @parser: a #JsonParser
 * @data: JSON text
 * @length: its length in bytes, or -1 when nul-terminated
 * @error: return location for a #GError
 *
 * json_parser_load_from_data() after gloss_json_check(), on the compact
 * copy gloss_json_check_compact() makes: every JSON file Gloss reads goes
 * through here.  @error is in %G_IO_ERROR when the check refused @data, in
 * %JSON_PARSER_ERROR when json-glib did.
 *
 * Returns: %TRUE when parsed
 */
gboolean
gloss_json_parser_load (JsonParser  *parser,
                        const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autofree char *compact = NULL;
  gsize compact_length;

  if (length < 0)
    length = strlen (data);

  if (!gloss_json_check_compact (data, length, &compact, &compact_length, error))
    return FALSE;

  return parse_checked (parser, data, length, compact, compact_length, error);
}
