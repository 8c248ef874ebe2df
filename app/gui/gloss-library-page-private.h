/* gloss-library-page-private.h: the Library page's fields, shared by
 * gloss-library-page.c and gloss-library-page-retrieve.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-library.h"
#include "gloss-library-hit-item.h"
#include "gloss-library-agreement.h"
#include "gloss-library-page.h"
#include "gloss-stealth-edits.h"

G_BEGIN_DECLS

struct _GlossLibraryPage
{
  GtkWidget           parent_instance;

  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkButton          *folder_button;
  GtkButton          *use_article_folder_button;
  GFile              *article_folder;      /* the open article's, offered when empty */
  GtkColumnViewColumn *match_column;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkDropDown        *state_dropdown;
  GtkLabel           *status_label;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *source_column;      /* hidden in a narrow window, */
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *coders_column;      /* with the tabs at the bottom */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack       *mode_stack;
  GtkDropDown        *tag_dropdown;
  GtkDropDown        *group_dropdown;
  GtkColumnView      *retrieve_view;
  GtkLabel           *retrieve_label;
  GtkRevealer        *broken_revealer;
  GtkLabel           *broken_label;
  GtkListBox         *broken_box;
  GtkMenuButton      *export_button;
  GtkButton          *done_button;
  GtkPopoverMenu     *row_menu;
  GlossLibraryAgreement *agreement;
  GlossStealthEdits  *stealth_edits;       /* looks at the folder once shown */

  GtkStringList      *broken;              /* "path: error", one per file */
  gboolean            can_go_back;

  GListStore         *retrieve_store;
  GtkSingleSelection *retrieve_selection;
  GCancellable       *retrieve_cancellable;
  GStrv               tags;
  GStrv               attributes;

  GFile              *folder;
  char               *database;
  char               *annotator;
  GlossLibrary       *library;
  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;         /* indexing and listing */
  GCancellable       *search_cancellable;
  char               *status;
  GHashTable         *matches;             /* path: its first hit (GlossLibraryHitItem) */
  GPtrArray          *monitors;            /* one per folder of the library */
  guint               changed_id;
  guint               n_broken;
  gboolean            loading;
  gboolean            searching;
  gboolean            refresh_again;
};

/* gloss-library-page.c */
void _gloss_library_page_emit_open          (GlossLibraryPage    *self,
                                             GFile               *file,
                                             gboolean             new_window,
                                             GlossLibraryHitItem *match);

/* gloss-library-page-retrieve.c */
void _gloss_library_page_class_init_retrieve (GtkWidgetClass  *widget_class);
void _gloss_library_page_init_retrieve       (GlossLibraryPage *self);
void _gloss_library_page_refresh_tags        (GlossLibraryPage *self);

G_END_DECLS
