/* gloss-menu-button.c: menu buttons whose tooltip keeps out of their menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A menu button's tooltip ("Main Menu") appears below the pointer, which is
 * where the menu opens: in GTK 4.8 it stays up over the menu's first item.
 * While the menu is open the button has no tooltip.
 */
#include "config.h"

#include "gloss-menu-button.h"

static void
popover_visible_cb (GtkWidget  *popover,
                    GParamSpec *pspec,
                    GtkWidget  *button)
{
  gtk_widget_set_has_tooltip (button, !gtk_widget_get_visible (popover));
}

/**
 * gloss_menu_button_quiet_tooltip:
 * @button: a menu button with a tooltip and a menu (model or popover)
 *
 * Hides @button's tooltip while its menu is open.
 */
void
gloss_menu_button_quiet_tooltip (GtkMenuButton *button)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  popover = gtk_menu_button_get_popover (button);
  g_return_if_fail (popover != NULL);
  g_signal_connect_object (popover, "notify::visible", G_CALLBACK (popover_visible_cb), button, 0);
}
