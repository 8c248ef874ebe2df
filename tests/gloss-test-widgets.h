/* gloss-test-widgets.h: finding widgets inside templates, for GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

/* The first widget of @type under @root (depth first) whose preferences-row
 * title or button label is @title; any widget of @type when @title is NULL. */
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
            name = gtk_button_get_label (GTK_BUTTON (child));

          if (title == NULL || g_strcmp0 (name, title) == 0)
            return child;
        }

      if ((found = gloss_test_find_widget (child, type, title)))
        return found;
    }

  return NULL;
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
