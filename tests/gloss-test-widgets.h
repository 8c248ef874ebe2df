/* gloss-test-widgets.h: finding widgets inside templates, for GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <string.h>

#include "gloss-test-util.h"
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* The first widget of @type under @root (depth first) whose preferences-row
 * title or button label (an icon button's tooltip) is @title; any widget of
 * @type when @title is NULL. */
static inline GtkWidget *
gloss_test_find_widget (GtkWidget  *root,
                        GType       type,
                        const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *name = NULL;

          if (ADW_IS_PREFERENCES_ROW (child))
            name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          else if (GTK_IS_BUTTON (child))
            name = gtk_button_get_label (GTK_BUTTON (child)) ? gtk_button_get_label (GTK_BUTTON (child))
                                                             : gtk_widget_get_tooltip_text (child);

          if (title == NULL || g_strcmp0 (name, title) == 0)
            return child;
        }

      if ((found = gloss_test_find_widget (child, type, title)))
        return found;
    }

  return NULL;
}

/* Adds every widget under @root (depth first) that has the CSS class
 * @css_class to @found. */
static inline void
gloss_test_collect_by_class (GtkWidget  *root,
                             const char *css_class,
                             GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, css_class))
        g_ptr_array_add (found, child);
      gloss_test_collect_by_class (child, css_class, found);
    }
}

/* The first label under @root (depth first) whose text contains @text. */
static inline GtkWidget *
gloss_test_find_label_containing (GtkWidget  *root,
                                  const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) &&
          strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return child;
      if ((found = gloss_test_find_label_containing (child, text)))
        return found;
    }
  return NULL;
}

/* For gloss_test_iterate_until(): whether a label under @data[0] contains
 * the text @data[1]. */
static inline gboolean
gloss_test_shows_text (gpointer data)
{
  gpointer *args = data;

  return gloss_test_find_label_containing (args[0], args[1]) != NULL;
}

/* The first widget of @type inside the row titled @row_title. */
static inline GtkWidget *
gloss_test_find_in_row (GtkWidget  *root,
                        const char *row_title,
                        GType       type)
{
  GtkWidget *row = gloss_test_find_widget (root, ADW_TYPE_PREFERENCES_ROW, row_title);

  g_assert_nonnull (row);
  return gloss_test_find_widget (row, type, NULL);
}

static inline void
gloss_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline gboolean
gloss_test_quit_wait (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Turns the main loop for @ms milliseconds. */
static inline void
gloss_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, gloss_test_quit_wait, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Where @widget's (@x, @y) is in @window, once the layout has settled: a
 * page still filling in (a notice above a list, rows arriving) moves what a
 * real click must hit, so the point must be the same over three looks 50 ms
 * apart.  Fails after ten seconds. */
static inline graphene_point_t
gloss_test_settled_point (GtkWidget *widget,
                          GtkWidget *window,
                          float      x,
                          float      y)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  graphene_point_t last = GRAPHENE_POINT_INIT (-1, -1);
  guint same = 0;

  while (same < 3)
    {
      graphene_point_t point;

      if (g_get_monotonic_time () > deadline)
        g_error ("the layout did not settle in ten seconds");
      gloss_test_wait (50);
      g_assert_true (gtk_widget_compute_point (widget, window, &GRAPHENE_POINT_INIT (x, y), &point));
      same = graphene_point_equal (&point, &last) ? same + 1 : 0;
      last = point;
    }
  return last;
}

/* Runs xdotool with @args (NULL-terminated) and returns what it printed,
 * stripped: the tests that need real key and pointer events send them
 * through the X server, as a user's arrive (GTK 4.8 cannot synthesize them
 * in the process). What the window asked of the X server is done first. */
static inline char *
gloss_test_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  gloss_test_iterate ();
  gdk_display_sync (gdk_display_get_default ());

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool %s failed: %s", args[0], err);
  return g_strstrip (out);
}

/* TRUE when real key and pointer events can be sent (xdotool on an X11
 * display); otherwise the test case is skipped, saying why. */
static inline gboolean
gloss_test_xdotool_available (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  if (xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return TRUE;
#endif
  g_test_skip ("needs xdotool and an X11 display");
  return FALSE;
}

/* @window's X11 id, as xdotool takes it (only with xdotool available). */
static inline char *
gloss_test_window_xid (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  return g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
#else
  g_assert_not_reached ();
#endif
}

/* Gives @window the keyboard: without a window manager nobody hands out
 * focus. */
static inline void
gloss_test_focus_window (GtkWindow *window)
{
  g_autofree char *xid = gloss_test_window_xid (window);

  g_free (gloss_test_xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL }));
  gloss_test_iterate ();
  g_assert_true (gtk_window_is_active (window));
}

/* Types the keys in @keys (xdotool key names, separated by spaces), 40 ms
 * apart. */
static inline void
gloss_test_press_keys (const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add_many (args, "key", "--delay", "40", NULL);
  g_strv_builder_addv (args, (const char **) names);
  argv = g_strv_builder_end (args);
  g_free (gloss_test_xdotool ((const char * const *) argv));
}

/* The natural width of @window's sidebar (the flap beside the article),
 * with every page of its stack, shown or not (issue 16: the widest page set
 * the sidebar to 536 px and squeezed the reading column).  Each page's
 * natural width goes to the test log, to find the culprit. */
static inline int
gloss_test_sidebar_width (GtkWidget *window)
{
  GtkWidget *flap = gloss_test_find_widget (window, ADW_TYPE_FLAP, NULL);
  GtkWidget *sidebar, *stack;
  int min = 0, nat = 0;

  g_assert_nonnull (flap);
  sidebar = adw_flap_get_flap (ADW_FLAP (flap));
  stack = gloss_test_find_widget (sidebar, ADW_TYPE_VIEW_STACK, NULL);
  g_assert_nonnull (stack);
  for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL; page = gtk_widget_get_next_sibling (page))
    {
      gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      g_test_message ("sidebar page %s: minimum %d, natural %d px", G_OBJECT_TYPE_NAME (page), min, nat);
    }
  gtk_widget_measure (sidebar, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("sidebar: minimum %d, natural %d, allocated %d px", min, nat, gtk_widget_get_width (sidebar));
  return MAX (nat, gtk_widget_get_width (sidebar));
}

/* GTK 4.8's tooltip timer can fire after the popover (or window) it was
 * started for has been unrealized, and then asks GDK for the pointer position
 * on no surface: a critical from inside the toolkit, not about Gloss, and
 * harmless (the tooltip is not shown).  It depends on X crossing events
 * arriving at the wrong moment, so it comes and goes between runs.  This one
 * message is printed but not fatal; every other warning stays fatal. */
static inline gboolean
gloss_test_is_known_gtk_critical (const char *log_domain,
                                  const char *message)
{
  /* gtk_tooltip_show_tooltip() with no surface: both calls complain. */
  if (gtk_get_major_version () != 4 || gtk_get_minor_version () != 8 || message == NULL)
    return FALSE;

  return (g_strcmp0 (log_domain, "Gdk") == 0 &&
          g_str_equal (message, "gdk_surface_get_device_position: assertion 'GDK_IS_SURFACE (surface)' failed")) ||
         (g_strcmp0 (log_domain, "Gtk") == 0 &&
          g_str_equal (message, "_gtk_widget_find_at_coords: assertion 'GDK_IS_SURFACE (surface)' failed"));
}

static GLogFunc gloss_test_previous_log_handler;

/* g_logv() asks this before aborting on a fatal message. */
static inline gboolean
gloss_test_fatal_log_handler (const char     *log_domain,
                              GLogLevelFlags  log_level,
                              const char     *message,
                              gpointer        user_data)
{
  return !gloss_test_is_known_gtk_critical (log_domain, message);
}

/* Instead of GLib's test log handler, which reports every fatal message to
 * the TAP harness as "Bail out!".  GLib resets the fatal handler before each
 * test case, so it is set again here, where g_logv() reads it next. */
static inline void
gloss_test_log_handler (const char     *log_domain,
                        GLogLevelFlags  log_level,
                        const char     *message,
                        gpointer        user_data)
{
  if (gloss_test_is_known_gtk_critical (log_domain, message))
    {
      g_printerr ("%s-CRITICAL (known GTK 4.8 bug, not fatal): %s\n", log_domain, message);
      g_test_log_set_fatal_handler (gloss_test_fatal_log_handler, NULL);
      return;
    }

  gloss_test_previous_log_handler (log_domain, log_level, message, user_data);
}

/* gtk_test_init() and adw_init(), with the handlers above. */
static inline void
gloss_test_gtk_init (int    *argc,
                     char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  gloss_test_previous_log_handler = g_log_set_default_handler (gloss_test_log_handler, NULL);
  adw_init ();
}
