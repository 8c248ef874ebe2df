/* bench-suggest-corpus.c: learning from the corpus on a folder of 2 000
 * annotated articles, from the sidecars and from the library index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-suggest-corpus [ARTICLES [ANNOTATIONS]]
 *
 * Writes ARTICLES articles (2 000) into a temporary folder, each with a
 * sidecar of ANNOTATIONS annotations (20: programs, persons with a title,
 * officials, statistics, quotes; a name recurs across articles as in a
 * real corpus), indexes them, then times what opening one article costs:
 * gloss_suggester_add_known_from_sidecars() (before the index was used),
 * gloss_suggester_add_known_from_corpus() with a current index, and with a
 * stale one (one sidecar changed: the index is checked, then the sidecars
 * read).  Prints the median of 7 runs of each, wall-clock and processor
 * time.  Asserts only that each way learns the same names (the machine is
 * shared).  BENCH_SUGGEST_CORPUS_KEEP=1 keeps the folder and its index
 * (for a profiler).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <utime.h>

#include "gloss-library.h"
#include "gloss-suggest.h"
#include "gloss-test-util.h"

#define RUNS 7

static const char *programs[] = { "计划", "行动", "工程", "项目" };
static const char *places[] = { "碧水", "蓝天", "净土", "绿道", "安居", "富民", "强基", "暖心" };
static const char *surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };
static const char *given[] = { "文华", "建国", "小红", "志强", "海燕", "立新", "春生", "秀英", "国平", "德明" };
static const char *titles[] = { "市长", "局长", "主任", "书记" };

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  struct utimbuf times = { 1600000000, 1600000000 };

  if (!g_file_set_contents (path, contents, -1, &error))
    g_error ("%s", error->message);
  /* Old stamps: an update trusts them (younger than 2 s they are racy). */
  utime (path, &times);
}

static void
write_corpus (const char *dir,
              guint       n_articles,
              guint       n_annotations)
{
  for (guint a = 0; a < n_articles; a++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) json = g_string_new (NULL);
      g_autofree char *article = g_strdup_printf ("%s/article-%04u.txt", dir, a);
      g_autofree char *sidecar = g_strdup_printf ("%s.alice.gloss.json", article);
      guint offset = 0;

      g_string_append_printf (json, "{ \"format\": \"gloss\", \"version\": 1, "
                              "\"document\": { \"source\": \"article-%04u.txt\" }, "
                              "\"annotator\": { \"id\": \"alice\" }, \"annotations\": [", a);
      for (guint k = 0; k < n_annotations; k++)
        {
          guint r = g_int_hash (&(guint) { a * 7919 + k * 104729 });
          g_autofree char *span = NULL;
          const char *tag, *attributes = "";
          g_autofree char *owned_attributes = NULL;
          guint length;

          switch (k % 5)
            {
            case 0:
              tag = "program";
              span = g_strconcat (places[r % G_N_ELEMENTS (places)], programs[(r / 8) % G_N_ELEMENTS (programs)], NULL);
              break;
            case 1:
              tag = "person";
              /* One article in four names someone no other article does. */
              span = a % 4 == 0 ? g_strdup_printf ("%s%s%u", surnames[r % 10], "某", a)
                                : g_strconcat (surnames[r % 10], given[(r / 10) % 10], NULL);
              break;
            case 2:
              tag = "official";
              span = g_strconcat (surnames[(r / 100) % 10], given[r % 10], NULL);
              owned_attributes = g_strdup_printf (", \"attributes\": { \"title\": \"%s\", \"organization\": \"%s区\" }",
                                                  titles[r % G_N_ELEMENTS (titles)], places[(r / 7) % G_N_ELEMENTS (places)]);
              attributes = owned_attributes;
              break;
            case 3:
              tag = "statistic";
              span = g_strdup_printf ("%u.%u亿元", r % 100, r % 10);
              break;
            default:
              tag = "quote";
              span = g_strdup_printf ("今年全市计划投入资金%u亿元", r % 1000);
              break;
            }
          length = g_utf8_strlen (span, -1);
          g_string_append_printf (json, "%s{ \"id\": \"a%u\", \"tag\": \"%s\", \"start\": %u, \"end\": %u, "
                                  "\"text\": \"%s\"%s }",
                                  k > 0 ? ", " : " ", k, tag, offset, offset + length, span, attributes);
          g_string_append (text, span);
          g_string_append (text, "。");
          offset += length + 1;
        }
      g_string_append (json, " ] }\n");
      g_string_append_c (text, '\n');
      write_file (article, text->str);
      write_file (sidecar, json->str);
    }
}

typedef enum { SIDECARS, CORPUS } Way;

/* Median wall-clock and processor milliseconds of RUNS learnings. */
static guint
time_learning (Way         way,
               const char *database,
               GFile      *article,
               double     *wall_ms,
               double     *cpu_ms,
               GlossSuggestCorpusSource *source)
{
  double wall[RUNS], cpu[RUNS];
  guint learned = 0;

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();
      g_autoptr(GPtrArray) out = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_seconds ();

      if (way == SIDECARS)
        gloss_suggester_add_known_from_sidecars (suggester, article, NULL);
      else
        *source = gloss_suggester_add_known_from_corpus (suggester, database, article, NULL);
      wall[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[r] = (cpu_seconds () - cpu_start) * 1000.0;
      /* What was learned, counted on a text naming everyone once. */
      out = gloss_suggester_run (suggester, "王文华、李建国、张小红和刘志强出席。碧水计划、蓝天行动、净土工程启动。");
      learned = out->len;
    }
  qsort (wall, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);
  *wall_ms = wall[RUNS / 2];
  *cpu_ms = cpu[RUNS / 2];
  return learned;
}

int
main (int    argc,
      char **argv)
{
  guint n_articles = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  guint n_annotations = argc > 2 ? (guint) atoi (argv[2]) : 20;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-bench-corpus-XXXXXX", &error);
  g_autofree char *database = NULL;
  g_autofree char *article_path = NULL;
  g_autofree char *touched = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossLibrary) library = NULL;
  g_autoptr(GlossLibraryStats) stats = NULL;
  GlossSuggestCorpusSource source = GLOSS_SUGGEST_CORPUS_SIDECARS;
  double wall, cpu;
  guint from_sidecars, from_index, from_stale;
  gint64 start;

  g_assert_no_error (error);
  database = g_build_filename (dir, "cache", "library.sqlite", NULL);
  article_path = g_build_filename (dir, "article-0000.txt", NULL);
  article = g_file_new_for_path (article_path);

  start = g_get_monotonic_time ();
  write_corpus (dir, n_articles, n_annotations);
  printf ("corpus: %u articles, %u annotations each, written in %.0f ms\n",
          n_articles, n_annotations, (g_get_monotonic_time () - start) / 1000.0);

  library = gloss_library_new ((const char *[]) { dir, NULL });
  gloss_library_set_database (library, database);
  start = g_get_monotonic_time ();
  stats = gloss_library_update (library, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  printf ("index: %u sidecars, %u annotations, updated in %.0f ms (once; the library keeps it current)\n",
          stats->sidecars, stats->annotations, (g_get_monotonic_time () - start) / 1000.0);

  from_sidecars = time_learning (SIDECARS, database, article, &wall, &cpu, &source);
  printf ("before, from the sidecars:         %6.1f ms (processor %6.1f ms)\n", wall, cpu);
  from_index = time_learning (CORPUS, database, article, &wall, &cpu, &source);
  g_assert_cmpint (source, ==, GLOSS_SUGGEST_CORPUS_INDEX);
  printf ("after, from a current index:       %6.1f ms (processor %6.1f ms)\n", wall, cpu);

  /* One sidecar changed since the update: checked, then the sidecars read. */
  touched = g_build_filename (dir, "article-0001.txt.alice.gloss.json", NULL);
  utime (touched, &(struct utimbuf) { 1600000001, 1600000001 });
  from_stale = time_learning (CORPUS, database, article, &wall, &cpu, &source);
  g_assert_cmpint (source, ==, GLOSS_SUGGEST_CORPUS_SIDECARS);
  printf ("after, a stale index (fallback):   %6.1f ms (processor %6.1f ms)\n", wall, cpu);

  /* The three ways learn the same. */
  g_assert_cmpuint (from_index, ==, from_sidecars);
  g_assert_cmpuint (from_stale, ==, from_sidecars);
  printf ("suggestions from what was learned: %u\n", from_index);

  if (g_getenv ("BENCH_SUGGEST_CORPUS_KEEP") != NULL)
    printf ("kept: %s\n", dir);
  else
    gloss_test_rm_rf (dir);
  return 0;
}
