/* gloss-test-cli.h: running gloss-cli from a test, as a user or a script would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <unistd.h>

/* What one run of gloss-cli left behind. */
typedef struct
{
  int   status;      /* the exit code; -1 when a signal ended it */
  int   wait_status; /* as waitpid() gave it */
  char *out;
  char *err;
} GlossTestRun;

static inline void
gloss_test_run_clear (GlossTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GlossTestRun, gloss_test_run_clear)

/* Runs $GLOSS_CLI with @first and the arguments after it up to NULL, in
 * @directory (NULL: here), with GLOSS_LIBRARY_DATABASE set to @database
 * unless it is NULL; stdout, stderr and the status go into @run, which may
 * be filled from an earlier run. */
static inline void
gloss_test_run_cli_va (GlossTestRun *run,
                       const char   *directory,
                       const char   *database,
                       const char   *first,
                       va_list       args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("GLOSS_CLI");

  g_assert_nonnull (cli);
  gloss_test_run_clear (run);
  if (database != NULL)
    env = g_environ_setenv (g_get_environ (), "GLOSS_LIBRARY_DATABASE", database, TRUE);

  g_ptr_array_add (argv, (gpointer) cli);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (directory, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->wait_status) ? WEXITSTATUS (run->wait_status) : -1;
}

G_GNUC_NULL_TERMINATED static inline void
gloss_test_run_cli (GlossTestRun *run,
                    const char   *directory,
                    const char   *database,
                    const char   *first,
                    ...)
{
  va_list args;

  va_start (args, first);
  gloss_test_run_cli_va (run, directory, database, first, args);
  va_end (args);
}

static inline void
gloss_test_become_nobody (gpointer data)
{
  /* Root writes into any folder: a read-only one stops only others. */
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (127);
}

/* Runs $GLOSS_CLI with @first and the arguments after it up to NULL as a
 * user who may not write where the folders' modes forbid it (nobody, when
 * the test runs as root). */
G_GNUC_NULL_TERMINATED static inline void
gloss_test_run_cli_unprivileged (GlossTestRun *run,
                                 const char   *first,
                                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("GLOSS_CLI");
  va_list args;

  g_assert_nonnull (cli);
  gloss_test_run_clear (run);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync ("/", (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, gloss_test_become_nobody, NULL,
                               &run->out, &run->err, &run->wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->wait_status) ? WEXITSTATUS (run->wait_status) : -1;
}

/* One line of JSON Lines output as an object; fails the test if it is not. */
static inline JsonObject *
gloss_test_parse_object (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}
