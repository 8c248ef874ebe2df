/* gloss-fetch.h: fetching an article by URL into a library snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_FETCH_ERROR (gloss_fetch_error_quark ())

typedef enum
{
  GLOSS_FETCH_ERROR_INVALID_URL,
  GLOSS_FETCH_ERROR_UNSUPPORTED_SCHEME,
  GLOSS_FETCH_ERROR_DNS,
  GLOSS_FETCH_ERROR_REFUSED,
  GLOSS_FETCH_ERROR_TLS,
  GLOSS_FETCH_ERROR_TIMEOUT,
  GLOSS_FETCH_ERROR_HTTP,
  GLOSS_FETCH_ERROR_TOO_MANY_REDIRECTS,
  GLOSS_FETCH_ERROR_TOO_LARGE,
  GLOSS_FETCH_ERROR_NOT_TEXT,
  GLOSS_FETCH_ERROR_NETWORK,
  GLOSS_FETCH_ERROR_SNAPSHOT,
} GlossFetchError;

GQuark gloss_fetch_error_quark (void);

#define GLOSS_FETCH_DEFAULT_MAX_SIZE     (20 * 1024 * 1024)
#define GLOSS_FETCH_DEFAULT_TIMEOUT      30
#define GLOSS_FETCH_MAX_REDIRECTS        10

/**
 * GlossFetchOptions:
 * @timeout: seconds the whole download may take (0: default)
 * @max_size: largest body accepted, in bytes (0: default)
 * @encoding: (nullable): a charset forced by the user
 * @library: (nullable): folder for snapshots; %NULL keeps nothing on disk
 */
typedef struct
{
  guint       timeout;
  gsize       max_size;
  const char *encoding;
  GFile      *library;
} GlossFetchOptions;

/* @expected is -1 when the server does not say. Called on the caller's main context. */
typedef void (*GlossFetchProgress) (goffset  received,
                                    goffset  expected,
                                    gpointer user_data);

void           gloss_fetch_async          (const char               *url,
                                           const GlossFetchOptions  *options,
                                           GlossFetchProgress        progress,
                                           gpointer                  progress_data,
                                           GDestroyNotify            progress_notify,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data);
/* @snapshot: (out) (optional): the article text file of the snapshot (the file the
 * sidecars sit beside), %NULL when no library was given. */
GlossDocument *gloss_fetch_finish         (GAsyncResult             *result,
                                           GFile                   **snapshot,
                                           GError                  **error);

/* Whether @uri is an http(s) URL (what `gloss-cli extract` and Open URL accept). */
gboolean       gloss_fetch_is_url         (const char               *uri);

/* A file-name-safe, bounded, non-empty slug of @text (exposed for tests). */
char          *gloss_fetch_sanitize_name  (const char               *text,
                                           gsize                     max_chars);

G_END_DECLS
