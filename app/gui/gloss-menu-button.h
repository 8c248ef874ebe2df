/* gloss-menu-button.h: menu buttons whose tooltip keeps out of their menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gloss_menu_button_quiet_tooltip (GtkMenuButton *button);

G_END_DECLS
