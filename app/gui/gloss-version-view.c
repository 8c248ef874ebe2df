/* gloss-version-view.c: two versions of an article side by side, and the annotations to review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After a changed article is re-anchored, nothing beyond *exact* and *moved*
 * is accepted silently: the fuzzy, cut and orphaned annotations are queued
 * here one by one (Alt+Down, Alt+Up), each shown in the old text where it was
 * made and in the new text where it is now, with the deletions and insertions
 * between the two versions marked.  The researcher confirms the place
 * (Alt+Return), puts the annotation on the text selected in the new version
 * (Alt+S), or deletes it (Alt+Delete); each is one undoable edit of the set.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-diff.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-version-history.h"
#include "gloss-version-store.h"
#include "gloss-version-view.h"

#define MAX_CHANGES 1000     /* rows in the list of changes; the texts show them all */
#define EXCERPT 60           /* code points of a change quoted in its row */
#define MAX_TOUCHED 5        /* annotations named in a change's row */

typedef struct
{
  GlossAnnotation *annotation;
  guint            old_start;
  guint            old_end;
} Item;

struct _GlossVersionView
{
  GtkWidget           parent_instance;

  GlossDocument      *previous;
  GlossDocument      *document;
  GlossAnnotationSet *set;
  GlossCodebook      *codebook;   /* the tags' labels; nullable */
  GArray             *queue;      /* of Item, annotations referenced */
  guint               position;
  GFile              *article;
  GPtrArray          *versions;   /* of GlossVersionInfo, for the drop-down */
  GArray             *changes;    /* of GlossDiffBlock pairs: see mark_changes() */
  GCancellable       *lookup;     /* reading the version picked to compare with */
  guint               filling : 1;

  GtkListBox         *changes_list;
  GtkTextView        *new_view;
  GtkLabel           *new_label;
  GtkTextView        *old_view;
  GtkLabel           *old_label;
  GtkLabel           *position_label;
  GtkLabel           *status_label;
  GtkDropDown        *version_dropdown;
};

G_DEFINE_FINAL_TYPE (GlossVersionView, gloss_version_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->annotation);
}

static Item *
current (GlossVersionView *self)
{
  if (self->queue == NULL || self->position >= self->queue->len)
    return NULL;
  return &g_array_index (self->queue, Item, self->position);
}

static void
select_range (GtkTextView *view,
              const char  *tag,
              guint        start,
              guint        end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *text_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag);
  GtkTextIter a, b;

  /* Only where it is: GTK 4.8 then lays out those lines alone, and a
   * strike-through begun on an earlier line is not lost on the others. */
  gtk_text_buffer_get_start_iter (buffer, &a);
  while (gtk_text_iter_starts_tag (&a, text_tag) || gtk_text_iter_forward_to_tag_toggle (&a, text_tag))
    {
      b = a;
      gtk_text_iter_forward_to_tag_toggle (&b, text_tag);
      gtk_text_buffer_remove_tag (buffer, text_tag, &a, &b);
      a = b;
    }
  if (start > end)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
  gtk_text_view_scroll_to_iter (view, &a, 0.1, FALSE, 0, 0);
}

static void
update_actions (GlossVersionView *self)
{
  Item *item = current (self);
  gboolean placed = item != NULL && gloss_annotation_get_anchor_status (item->annotation) != GLOSS_ANCHOR_ORPHANED;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->new_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.previous", item != NULL && self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.next", item != NULL && self->position + 1 < self->queue->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.confirm", placed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.delete", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "version.adjust",
                                 item != NULL && gtk_text_buffer_get_has_selection (buffer));
}

static void
show_current (GlossVersionView *self)
{
  Item *item = current (self);
  g_autofree char *position = NULL;

  if (item == NULL)
    {
      gtk_label_set_label (self->position_label, "");
      gtk_label_set_label (self->status_label, _("Nothing to review: every annotation is where it was."));
      select_range (self->old_view, "current", 1, 0);
      select_range (self->new_view, "current", 1, 0);
      update_actions (self);
      return;
    }

  /* TRANSLATORS: the annotation under review and how many there are, "2 of 7" */
  position = g_strdup_printf (_("%u of %u"), self->position + 1, self->queue->len);
  gtk_label_set_label (self->position_label, position);

  switch (gloss_annotation_get_anchor_status (item->annotation))
    {
    case GLOSS_ANCHOR_FUZZY:
      gtk_label_set_label (self->status_label, _("Partly edited: check what the annotation covers now."));
      break;
    case GLOSS_ANCHOR_CUT:
      gtk_label_set_label (self->status_label, _("Less than half of the passage is left."));
      break;
    case GLOSS_ANCHOR_ORPHANED:
      gtk_label_set_label (self->status_label, _("The passage is gone: select where it belongs, or delete the annotation."));
      break;
    default:
      gtk_label_set_label (self->status_label, _("Confirmed."));
      break;
    }

  select_range (self->old_view, "current", item->old_start, item->old_end);
  if (gloss_annotation_get_anchor_status (item->annotation) == GLOSS_ANCHOR_ORPHANED)
    select_range (self->new_view, "current", 1, 0);
  else
    select_range (self->new_view, "current", gloss_annotation_get_start (item->annotation),
                  gloss_annotation_get_end (item->annotation));
  update_actions (self);
}

static void
set_position (GlossVersionView *self,
              guint             position)
{
  if (self->position == position)
    {
      show_current (self);
      return;
    }
  self->position = position;
  show_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* Reviewed: out of the queue. */
static void
drop_current (GlossVersionView *self)
{
  g_array_remove_index (self->queue, self->position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (self->position >= self->queue->len && self->position > 0)
    set_position (self, self->position - 1);
  else
    show_current (self);
}

static void
next_cb (GtkWidget  *widget,
         const char *action,
         GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);

  if (self->queue != NULL && self->position + 1 < self->queue->len)
    set_position (self, self->position + 1);
}

static void
previous_cb (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);

  if (self->position > 0)
    set_position (self, self->position - 1);
}

static void
confirm_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);
  Item *item = current (self);

  if (item == NULL || gloss_annotation_get_anchor_status (item->annotation) == GLOSS_ANCHOR_ORPHANED)
    return;
  /* A move onto its own place takes the text and context there and marks it exact. */
  gloss_annotation_set_move (self->set, item->annotation, gloss_annotation_get_start (item->annotation),
                             gloss_annotation_get_end (item->annotation));
  drop_current (self);
}

static void
adjust_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->new_view);
  Item *item = current (self);
  GtkTextIter a, b;

  if (item == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return;
  gloss_annotation_set_move (self->set, item->annotation, gtk_text_iter_get_offset (&a), gtk_text_iter_get_offset (&b));
  drop_current (self);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action,
           GVariant   *parameter)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (widget);
  Item *item = current (self);

  if (item == NULL)
    return;
  gloss_annotation_set_remove (self->set, item->annotation);
  drop_current (self);
}

static void
selection_changed_cb (GlossVersionView *self)
{
  update_actions (self);
}

/* Where the two texts differ: one change between two common runs. */
typedef struct
{
  guint old_start;
  guint old_end;
  guint new_start;
  guint new_end;
} Change;

static char *
excerpt (const gunichar *text,
         guint           start,
         guint           end)
{
  g_autofree char *utf8 = g_ucs4_to_utf8 (text + start, MIN (end - start, EXCERPT), NULL, NULL, NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = utf8 ? utf8 : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* One line per row: a paragraph break shows as a return sign. */
      if (c == '\n')
        g_string_append (out, "⏎");
      else
        g_string_append_unichar (out, c);
    }
  if (end - start > EXCERPT)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static gboolean
overlaps (guint start,
          guint end,
          guint from,
          guint to)
{
  /* An insertion (from == to) touches a span it falls strictly inside. */
  if (from == to)
    return start < from && from < end;
  return start < to && from < end;
}

/* At most @max characters of @text, cut after a word where there is a space
 * in its second half, and marked as cut ("got n" read as a word). */
static char *
shorten (const char *text,
         guint       max)
{
  GString *out;
  const char *end, *space = NULL;
  guint i = 0;

  if (text == NULL)
    return g_strdup ("");
  for (end = text; *end != '\0' && i < max; end = g_utf8_next_char (end), i++)
    if (*end == ' ' && i >= max / 2)
      space = end;
  if (*end == '\0')
    return g_strdup (text);
  out = g_string_new_len (text, (space != NULL ? space : end) - text);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* The annotations a change touches: where they are now in the new text, or,
 * for those under review, where they were in the old. */
static char *
touched (GlossVersionView *self,
         const Change     *change)
{
  GString *names = g_string_new (NULL);
  guint n = self->set ? gloss_annotation_set_get_size (self->set) : 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (self->set, i);
      gboolean hit = gloss_annotation_get_anchor_status (a) != GLOSS_ANCHOR_ORPHANED &&
                     overlaps (gloss_annotation_get_start (a), gloss_annotation_get_end (a),
                               change->new_start, change->new_end);

      for (guint j = 0; !hit && self->queue && j < self->queue->len; j++)
        {
          Item *item = &g_array_index (self->queue, Item, j);

          hit = item->annotation == a && item->old_start <= item->old_end &&
                overlaps (item->old_start, item->old_end, change->old_start, change->old_end);
        }
      if (!hit)
        continue;
      if (++count <= MAX_TOUCHED)
        {
          g_autofree char *quote = shorten (gloss_annotation_get_text (a), 30);
          GlossTag *tag = self->codebook != NULL ? gloss_codebook_lookup (self->codebook, gloss_annotation_get_tag (a)) : NULL;

          if (names->len > 0)
            g_string_append (names, ", ");
          /* TRANSLATORS: an annotation in the list of changes: its tag, then its text */
          g_string_append_printf (names, _("%s “%s”"), tag != NULL ? gloss_tag_get_label (tag) : gloss_annotation_get_tag (a), quote);
        }
    }
  if (count > MAX_TOUCHED)
    /* TRANSLATORS: after the first annotations a change touches, how many more */
    g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", count - MAX_TOUCHED),
                            count - MAX_TOUCHED);
  if (count == 0)
    {
      g_string_free (names, TRUE);
      return NULL;
    }
  return g_string_free (names, FALSE);
}

static void
fill_changes (GlossVersionView *self,
              const gunichar   *a,
              const gunichar   *b)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))) != NULL)
    gtk_list_box_remove (self->changes_list, child);

  for (guint i = 0; i < self->changes->len && i < MAX_CHANGES; i++)
    {
      const Change *change = &g_array_index (self->changes, Change, i);
      g_autofree char *old_text = excerpt (a, change->old_start, change->old_end);
      g_autofree char *new_text = excerpt (b, change->new_start, change->new_end);
      g_autofree char *what = NULL;
      g_autofree char *names = touched (self, change);
      g_autofree char *label = NULL;
      GtkWidget *row;

      if (change->old_start == change->old_end)
        what = g_strdup_printf (_("Inserted “%s”"), new_text);
      else if (change->new_start == change->new_end)
        what = g_strdup_printf (_("Deleted “%s”"), old_text);
      else
        what = g_strdup_printf (_("Replaced “%s” with “%s”"), old_text, new_text);
      if (names != NULL)
        /* TRANSLATORS: a change, then the annotations it touches */
        label = g_strdup_printf (_("%s\nTouches %s"), what, names);

      row = gtk_label_new (label ? label : what);
      gtk_label_set_xalign (GTK_LABEL (row), 0);
      gtk_label_set_wrap (GTK_LABEL (row), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (row), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_widget_set_margin_top (row, 3);
      gtk_widget_set_margin_bottom (row, 3);
      if (names != NULL)
        gtk_widget_add_css_class (row, "touches");
      gtk_list_box_append (self->changes_list, row);
    }

  if (self->changes->len > MAX_CHANGES)
    {
      guint more = self->changes->len - MAX_CHANGES;
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more change, marked in the texts",
                                                             "… and %u more changes, marked in the texts", more), more);
      GtkWidget *row = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (row), 0);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->changes_list, row);
    }
}

static void
scroll_to (GtkTextView *view,
           guint        offset)
{
  GtkTextIter at;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &at, offset);
  gtk_text_view_scroll_to_iter (view, &at, 0.1, TRUE, 0, 0.2);
}

static void
change_activated_cb (GlossVersionView *self,
                     GtkListBoxRow    *row)
{
  guint i = gtk_list_box_row_get_index (row);
  const Change *change;

  if (self->changes == NULL || i >= self->changes->len)
    return;
  change = &g_array_index (self->changes, Change, i);
  scroll_to (self->old_view, change->old_start);
  scroll_to (self->new_view, change->new_start);
}

/* Letters of a word that spaces delimit: a change inside a word shows the
 * whole word ("will" → "should", not "wi" → "shou"); Chinese has no spaces,
 * so its characters stand alone. */
static gboolean
in_word (gunichar c)
{
  return g_unichar_isalnum (c) && !g_unichar_iswide (c);
}

#define WORD_REACH 24   /* code points a change grows by to whole words, each way */
#define MERGE_GAP 12    /* unchanged code points within a line between two changes shown as one */

/* The list names whole words and one change per edited phrase; the texts
 * keep the exact marks. */
static void
coalesce_changes (GArray         *changes,
                  const gunichar *a,
                  guint           n,
                  const gunichar *b,
                  guint           m)
{
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (Change), changes->len);

  for (guint i = 0; i < changes->len; i++)
    {
      Change c = g_array_index (changes, Change, i);
      Change *last = merged->len ? &g_array_index (merged, Change, merged->len - 1) : NULL;
      guint floor_old = last ? last->old_end : 0, floor_new = last ? last->new_end : 0;
      gboolean newline = FALSE;

      /* Only a change that begins or ends inside a word grows: "surely "
       * inserted before "act" is shown alone. */
      for (guint k = 0; k < WORD_REACH && c.old_start > floor_old && c.new_start > floor_new &&
                        a[c.old_start - 1] == b[c.new_start - 1] && in_word (a[c.old_start - 1]) &&
                        ((c.old_start < c.old_end && in_word (a[c.old_start])) ||
                         (c.new_start < c.new_end && in_word (b[c.new_start]))); k++)
        c.old_start--, c.new_start--;
      for (guint k = 0; k < WORD_REACH && c.old_end < n && c.new_end < m &&
                        a[c.old_end] == b[c.new_end] && in_word (a[c.old_end]) &&
                        ((c.old_start < c.old_end && in_word (a[c.old_end - 1])) ||
                         (c.new_start < c.new_end && in_word (b[c.new_end - 1]))); k++)
        c.old_end++, c.new_end++;

      for (guint k = floor_old; last && k < c.old_start && !newline; k++)
        newline = a[k] == '\n';
      if (last != NULL && !newline && c.old_start <= last->old_end + MERGE_GAP && c.new_start <= last->new_end + MERGE_GAP)
        {
          last->old_end = MAX (last->old_end, c.old_end);
          last->new_end = MAX (last->new_end, c.new_end);
        }
      else
        g_array_append_val (merged, c);
    }

  g_array_set_size (changes, 0);
  g_array_append_vals (changes, merged->data, merged->len);
  g_array_unref (merged);
}

static void
mark_changes (GlossVersionView *self)
{
  GtkTextBuffer *old_buffer = gtk_text_view_get_buffer (self->old_view);
  GtkTextBuffer *new_buffer = gtk_text_view_get_buffer (self->new_view);
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  g_autoptr(GArray) blocks = NULL;
  guint n = gloss_document_get_length (self->previous), m = gloss_document_get_length (self->document);
  guint old_at = 0, new_at = 0;

  a = g_utf8_to_ucs4_fast (gloss_document_get_text (self->previous), -1, NULL);
  b = g_utf8_to_ucs4_fast (gloss_document_get_text (self->document), -1, NULL);
  blocks = gloss_diff_code_points (a, n, b, m);
  gloss_diff_cleanup (blocks, n, m);

  g_clear_pointer (&self->changes, g_array_unref);
  self->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  for (guint i = 0; i <= blocks->len; i++)
    {
      GlossDiffBlock end = { n, m, 0 };
      const GlossDiffBlock *block = i < blocks->len ? &g_array_index (blocks, GlossDiffBlock, i) : &end;
      GtkTextIter x, y;

      if (block->old_start > old_at)
        {
          gtk_text_buffer_get_iter_at_offset (old_buffer, &x, old_at);
          gtk_text_buffer_get_iter_at_offset (old_buffer, &y, block->old_start);
          gtk_text_buffer_apply_tag_by_name (old_buffer, "deleted", &x, &y);
        }
      if (block->new_start > new_at)
        {
          gtk_text_buffer_get_iter_at_offset (new_buffer, &x, new_at);
          gtk_text_buffer_get_iter_at_offset (new_buffer, &y, block->new_start);
          gtk_text_buffer_apply_tag_by_name (new_buffer, "inserted", &x, &y);
        }
      if (block->old_start > old_at || block->new_start > new_at)
        {
          Change change = { old_at, block->old_start, new_at, block->new_start };

          g_array_append_val (self->changes, change);
        }
      old_at = block->old_start + block->length;
      new_at = block->new_start + block->length;
    }
  coalesce_changes (self->changes, a, n, b, m);
  fill_changes (self, a, b);
}

static GlossVersionInfo *
find_version (GlossVersionView *self,
              const char       *sha256,
              guint            *position)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      GlossVersionInfo *info = g_ptr_array_index (self->versions, i);

      if (g_strcmp0 (info->sha256, sha256) == 0)
        {
          if (position != NULL)
            *position = i;
          return info;
        }
    }
  return NULL;
}

/* "2026-12-01T10:00:00Z" as a local date and time, minutes enough. */
static char *
show_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
version_title (GlossVersionView *self,
               const char       *which,
               GlossDocument    *document)
{
  GlossVersionInfo *info = find_version (self, gloss_document_get_sha256 (document), NULL);
  g_autofree char *retrieved = show_time (gloss_document_get_retrieved (document) ? gloss_document_get_retrieved (document)
                                          : info ? info->retrieved : NULL);
  g_autofree char *read = show_time (info ? info->read : NULL);

  if (retrieved != NULL)
    /* TRANSLATORS: "Old version, retrieved 2026-12-01 10:00" */
    return g_strdup_printf (_("%s, retrieved %s"), which, retrieved);
  if (read != NULL)
    /* TRANSLATORS: "Old version, first read 2026-12-01 10:00" */
    return g_strdup_printf (_("%s, first read %s"), which, read);
  return g_strdup (which);
}

/* The old text's place of each annotation under review: where its stored
 * quote and context are in @previous (they are the old ones until it is
 * reviewed), else nowhere (start > end). */
static void
locate_old (GlossVersionView *self)
{
  for (guint i = 0; self->queue != NULL && i < self->queue->len; i++)
    {
      Item *item = &g_array_index (self->queue, Item, i);
      g_autoptr(GlossAnnotation) probe = gloss_annotation_copy (item->annotation);

      if (gloss_anchor_annotation (self->previous, probe) == GLOSS_ANCHOR_ORPHANED)
        item->old_start = 1, item->old_end = 0;
      else
        item->old_start = gloss_annotation_get_start (probe), item->old_end = gloss_annotation_get_end (probe);
    }
}

static void
show_texts (GlossVersionView *self)
{
  g_autofree char *old_title = NULL;
  g_autofree char *new_title = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->old_view), gloss_document_get_text (self->previous), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->new_view), gloss_document_get_text (self->document), -1);
  mark_changes (self);
  old_title = version_title (self, _("Old version"), self->previous);
  new_title = version_title (self, _("New version"), self->document);
  gtk_label_set_label (self->old_label, old_title);
  gtk_label_set_label (self->new_label, new_title);
}

static void
fill_versions (GlossVersionView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      GlossVersionInfo *info = g_ptr_array_index (self->versions, i);
      g_autofree char *retrieved = show_time (info->retrieved);
      g_autofree char *read = show_time (info->read);
      g_autofree char *name = NULL;

      if (retrieved != NULL)
        /* TRANSLATORS: a kept version of the article in the drop-down: its number, when the page was retrieved, when Gloss read it */
        name = g_strdup_printf (_("Version %u, retrieved %s (read %s)"), i + 1, retrieved, read ? read : "?");
      else
        /* TRANSLATORS: a kept version of the article in the drop-down: its number and when Gloss first read it */
        name = g_strdup_printf (_("Version %u, read %s"), i + 1, read ? read : "?");
      if (self->document != NULL && g_strcmp0 (info->sha256, gloss_document_get_sha256 (self->document)) == 0)
        {
          g_autofree char *plain = g_steal_pointer (&name);

          /* TRANSLATORS: the kept version that is the article's text now */
          name = g_strdup_printf (_("%s — the text now"), plain);
        }
      gtk_string_list_append (names, name);
    }
  if (self->previous != NULL)
    find_version (self, gloss_document_get_sha256 (self->previous), &selected);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->version_dropdown, selected);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->version_dropdown), self->versions != NULL && self->versions->len > 1);
}

static void
version_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GlossVersionView *self;
  g_autoptr(GlossDocument) previous = NULL;
  g_autoptr(GError) error = NULL;

  previous = gloss_version_store_lookup_finish (result, &error);
  /* Another version picked since, or the view gone: not this one's to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = GLOSS_VERSION_VIEW (user_data);
  g_clear_object (&self->lookup);
  if (previous == NULL)
    {
      gtk_label_set_label (self->status_label, error->message);
      return;
    }
  if (self->document == NULL)
    return;
  g_set_object (&self->previous, previous);
  locate_old (self);
  show_texts (self);
  show_current (self);
}

/* The kept text is read and inflated in a worker thread; picking another
 * version, or closing the window, gives up on the one being read. */
static void
version_selected_cb (GlossVersionView *self)
{
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);
  GlossVersionInfo *info;

  if (self->filling || self->versions == NULL || selected >= self->versions->len || self->document == NULL)
    return;
  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  info = g_ptr_array_index (self->versions, selected);
  if (self->previous != NULL && g_strcmp0 (info->sha256, gloss_document_get_sha256 (self->previous)) == 0)
    return;

  self->lookup = g_cancellable_new ();
  gloss_version_store_lookup_async (self->article, info->sha256, self->lookup, version_read_cb, self);
}

/**
 * gloss_version_view_get_reading:
 * @self: a #GlossVersionView
 *
 * Returns: whether the version picked to compare with is still being read
 */
gboolean
gloss_version_view_get_reading (GlossVersionView *self)
{
  g_return_val_if_fail (GLOSS_IS_VERSION_VIEW (self), FALSE);
  return self->lookup != NULL;
}

static void
show_versions (GlossVersionView   *self,
               GlossDocument      *previous,
               GlossDocument      *document,
               GlossAnnotationSet *set,
               GArray             *before,
               gboolean            locate)
{
  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  g_set_object (&self->previous, previous);
  g_set_object (&self->document, document);
  g_set_object (&self->set, set);

  g_clear_pointer (&self->queue, g_array_unref);
  self->queue = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (self->queue, item_clear);
  for (guint i = 0; i < before->len; i++)
    {
      Item *item = &g_array_index (before, Item, i);
      GlossAnchorStatus status = gloss_annotation_get_anchor_status (item->annotation);

      if (status == GLOSS_ANCHOR_FUZZY || status == GLOSS_ANCHOR_CUT || status == GLOSS_ANCHOR_ORPHANED)
        {
          Item queued = { g_object_ref (item->annotation), item->old_start, item->old_end };

          g_array_append_val (self->queue, queued);
        }
    }
  if (locate)
    locate_old (self);

  show_texts (self);
  fill_versions (self);

  self->position = 0;
  show_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Where each annotation was, to show it in the old text. */
static GArray *
capture (GlossAnnotationSet *set)
{
  guint n = gloss_annotation_set_get_size (set);
  GArray *before = g_array_sized_new (FALSE, FALSE, sizeof (Item), n);

  g_array_set_clear_func (before, item_clear);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (set, i);
      Item item = { g_object_ref (a), gloss_annotation_get_start (a), gloss_annotation_get_end (a) };

      g_array_append_val (before, item);
    }
  return before;
}

/**
 * gloss_version_view_reanchor:
 * @self: a #GlossVersionView
 * @previous: the text @set was made on
 * @document: the article now
 * @set: its annotations
 *
 * Re-anchors @set through the diff of the two texts
 * (gloss_anchor_set_from_version()), shows both versions with what changed,
 * and queues the fuzzy, cut and orphaned annotations for review.
 */
void
gloss_version_view_reanchor (GlossVersionView   *self,
                             GlossDocument      *previous,
                             GlossDocument      *document,
                             GlossAnnotationSet *set)
{
  g_autoptr(GArray) before = NULL;

  g_return_if_fail (GLOSS_IS_VERSION_VIEW (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (previous));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (set));

  before = capture (set);
  gloss_anchor_set_from_version (previous, document, set, NULL);
  gloss_annotation_set_set_document (set, document);
  show_versions (self, previous, document, set, before, FALSE);
}

/**
 * gloss_version_view_attach:
 * @self: a #GlossVersionView
 * @sidecar: a sidecar not attached to a document yet
 * @previous: the text it was coded on (a kept version)
 * @document: the article now
 *
 * gloss_sidecar_attach_version() — what opening the article does — and the
 * review of its result; for the window to call instead of
 * gloss_sidecar_attach_document() when a kept version differs.
 */
void
gloss_version_view_attach (GlossVersionView *self,
                           GlossSidecar     *sidecar,
                           GlossDocument    *previous,
                           GlossDocument    *document)
{
  g_autoptr(GArray) before = NULL;
  GlossAnnotationSet *set;

  g_return_if_fail (GLOSS_IS_VERSION_VIEW (self));
  g_return_if_fail (GLOSS_IS_SIDECAR (sidecar));
  g_return_if_fail (GLOSS_IS_DOCUMENT (previous));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  set = gloss_sidecar_get_annotations (sidecar);
  if (self->codebook == NULL)
    gloss_version_view_set_codebook (self, gloss_sidecar_get_codebook (sidecar));
  before = capture (set);
  gloss_sidecar_attach_version (sidecar, document, previous, NULL);
  show_versions (self, previous, document, set, before, FALSE);
}

/**
 * gloss_version_view_review:
 * @self: a #GlossVersionView
 * @previous: an older text of the article
 * @document: the article now
 * @set: its annotations, anchored in @document already
 *
 * Shows both versions with what changed, and queues the annotations of @set
 * that are fuzzy, cut or orphaned, each shown in @previous where its stored
 * quote is.  What the window does after opening a changed article, and for
 * What Changed.
 */
void
gloss_version_view_review (GlossVersionView   *self,
                           GlossDocument      *previous,
                           GlossDocument      *document,
                           GlossAnnotationSet *set)
{
  g_autoptr(GArray) before = NULL;

  g_return_if_fail (GLOSS_IS_VERSION_VIEW (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (previous));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (GLOSS_IS_ANNOTATION_SET (set));

  before = capture (set);
  show_versions (self, previous, document, set, before, TRUE);
}

/**
 * gloss_version_view_set_codebook:
 * @codebook: (nullable): the user's codebook, whose labels name the tags
 *   of the annotations a change touches (set before the review)
 */
void
gloss_version_view_set_codebook (GlossVersionView *self,
                                 GlossCodebook    *codebook)
{
  g_return_if_fail (GLOSS_IS_VERSION_VIEW (self));
  g_set_object (&self->codebook, codebook);
}

/**
 * gloss_version_view_set_article:
 * @self: a #GlossVersionView
 * @article: (nullable): the article file, whose kept versions to offer
 * @versions: (nullable) (element-type GlossVersionInfo): its kept versions
 *   (gloss_version_history_list()), oldest first
 *
 * Offers every kept version of @article as the old side.
 */
void
gloss_version_view_set_article (GlossVersionView *self,
                                GFile            *article,
                                GPtrArray        *versions)
{
  g_return_if_fail (GLOSS_IS_VERSION_VIEW (self));

  g_set_object (&self->article, article);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  if (versions != NULL)
    self->versions = g_ptr_array_ref (versions);
  fill_versions (self);
  if (self->previous != NULL && self->document != NULL)
    {
      g_autofree char *old_title = version_title (self, _("Old version"), self->previous);

      gtk_label_set_label (self->old_label, old_title);
    }
}

guint
gloss_version_view_get_n_items (GlossVersionView *self)
{
  g_return_val_if_fail (GLOSS_IS_VERSION_VIEW (self), 0);
  return self->queue ? self->queue->len : 0;
}

guint
gloss_version_view_get_position (GlossVersionView *self)
{
  g_return_val_if_fail (GLOSS_IS_VERSION_VIEW (self), 0);
  return self->position;
}

/**
 * gloss_version_view_get_current:
 * @self: a #GlossVersionView
 *
 * Returns: (transfer none) (nullable): the annotation under review
 */
GlossAnnotation *
gloss_version_view_get_current (GlossVersionView *self)
{
  Item *item;

  g_return_val_if_fail (GLOSS_IS_VERSION_VIEW (self), NULL);
  item = current (self);
  return item ? item->annotation : NULL;
}

GtkWidget *
gloss_version_view_new (void)
{
  return g_object_new (GLOSS_TYPE_VERSION_VIEW, NULL);
}

static void
gloss_version_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_POSITION: g_value_set_uint (value, self->position); break;
    case PROP_N_ITEMS: g_value_set_uint (value, gloss_version_view_get_n_items (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_version_view_dispose (GObject *object)
{
  GlossVersionView *self = GLOSS_VERSION_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_VERSION_VIEW);
  /* Children without an id are not the template's to clear in GTK 4.8. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->queue, g_array_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_object (&self->article);
  g_clear_object (&self->set);
  g_clear_object (&self->codebook);
  g_clear_object (&self->previous);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_version_view_parent_class)->dispose (object);
}

/* The keys work from the new text, where a span is selected for Alt+S. */
static gboolean
gloss_version_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (GLOSS_VERSION_VIEW (widget)->new_view));
}

static void
gloss_version_view_class_init (GlossVersionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = gloss_version_view_get_property;
  object_class->dispose = gloss_version_view_dispose;
  widget_class->grab_focus = gloss_version_view_grab_focus;

  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-version-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, changes_list);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, new_label);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, new_view);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, old_label);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, old_view);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, position_label);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossVersionView, version_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, change_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);

  gtk_widget_class_install_action (widget_class, "version.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "version.previous", NULL, previous_cb);
  gtk_widget_class_install_action (widget_class, "version.confirm", NULL, confirm_cb);
  gtk_widget_class_install_action (widget_class, "version.adjust", NULL, adjust_cb);
  gtk_widget_class_install_action (widget_class, "version.delete", NULL, delete_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "version.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "version.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "version.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_ALT_MASK, "version.adjust", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_ALT_MASK, "version.delete", NULL);
  gtk_widget_class_set_css_name (widget_class, "versionview");
}

static void
gloss_version_view_init (GlossVersionView *self)
{
  GtkTextBuffer *old_buffer, *new_buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  old_buffer = gtk_text_view_get_buffer (self->old_view);
  new_buffer = gtk_text_view_get_buffer (self->new_view);
  gtk_text_buffer_create_tag (old_buffer, "deleted", "strikethrough", TRUE, "foreground", "#c01c28", NULL);
  gtk_text_buffer_create_tag (new_buffer, "inserted", "underline", PANGO_UNDERLINE_SINGLE, "foreground", "#26a269", NULL);
  gtk_text_buffer_create_tag (old_buffer, "current", "background", "#f6d32d", NULL);
  gtk_text_buffer_create_tag (new_buffer, "current", "background", "#f6d32d", NULL);
  g_signal_connect_object (new_buffer, "notify::has-selection", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
