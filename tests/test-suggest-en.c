/* test-suggest-en.c: the English speaker rules added after the suggestion
 * tests filled test-suggest.c, positive and negative cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-suggest.h"
#include "gloss-test-suggest.h"

static guint
count_quotes (Result *r)
{
  guint n = 0;

  for (guint i = 0; i < r->suggestions->len; i++)
    n += g_str_equal (((GlossSuggestion *) r->suggestions->pdata[i])->tag, "quote");
  return n;
}

/* Forum and social-media users quoted by their handles: digits, an
 * underscore or an @ make one a name in the speaker's place; a CamelCase
 * word only when the text calls it a user (a firm's name is not one). */
static void
test_en_handles (void)
{
  g_autoptr(Result) r = suggest_text ("Buyers on the board compare notes on every batch.\n\n"
                                      "“The last order was cut with something bitter,” kettle_42 told me in a message. "
                                      "“I will not buy from them again.”\n\n"
                                      "“Test everything before you trust it,” wrote user mossy1987 on the same board.\n\n"
                                      "GreenHeron, a longtime seller on the market, disagreed. “My batches are clean,” GreenHeron wrote. "
                                      "“Anyone can send them to a lab.”\n\n"
                                      "On Friday, kettle_42 posted the lab's report.\n");
  g_autoptr(Result) firm = suggest_text ("“Our payments were never at risk,” PayPal said in a statement.\n\n"
                                         "“We fixed the fault within an hour,” BlueWave said on Monday.\n");

  assert_well_formed (r);
  assert_speaker (r, "The last order was cut with something bitter,", "kettle_42");
  assert_speaker (r, "I will not buy from them again.", "kettle_42");
  assert_speaker (r, "Test everything before you trust it,", "mossy1987");
  assert_speaker (r, "My batches are clean,", "GreenHeron");
  /* one person: the later mention links to the first */
  g_assert_nonnull (find_after (r, "person", "kettle_42", 300));
  g_assert_nonnull (find_after (r, "person", "kettle_42", 300)->entity);
  assert_well_formed (firm);
  /* a firm that said something in a statement speaks as an organization
   * (test_en_organization_speakers), never as a person */
  assert_speaker (firm, "Our payments were never at risk,", "PayPal");
  g_assert_nonnull (find (firm, "organization", "PayPal"));
  assert_speaker (firm, "We fixed the fault within an hour,", NULL);
  g_assert_null (find (firm, "person", "PayPal"));
  g_assert_null (find (firm, "person", "BlueWave"));
}

/* “…,” as Reddy put it: the speaker after the quote; "put it" in the
 * next sentence names no one. */
static void
test_en_put_it (void)
{
  g_autoptr(Result) r = suggest_text ("The port director, Tom Reddy, spoke after the vote.\n\n"
                                      "“Those are the facts,” as Reddy put it, “and they will not change.”\n");
  g_autoptr(Result) other = suggest_text ("Mayor Ines Calder opened the hall on Friday.\n\n"
                                          "“Welcome, neighbours, and mind the step,” the sign read. Dana Pike put it up last week.\n");

  assert_well_formed (r);
  assert_speaker (r, "Those are the facts,", "Tom Reddy");
  assert_speaker (r, "and they will not change.", "Tom Reddy");
  assert_well_formed (other);
  {
    GlossSuggestion *q = find (other, "quote", "Welcome, neighbours, and mind the step,");
    g_autofree char *s = q != NULL ? speaker_of (other, q) : NULL;
    g_assert_cmpstr (s, !=, "Dana Pike");
  }
}

/* he/she skip a person whose given name says otherwise (Daniel, Ruth);
 * an unlisted given name (Robin) fits both, so the nearest is taken. */
static void
test_en_given_name_gender (void)
{
  g_autoptr(Result) r = suggest_text ("Ruth Alvarez said the wait at the clinic had doubled. Her colleague Daniel Obi said little.\n\n"
                                      "“We cannot keep up with the patients we already have,” she said.\n\n"
                                      "“Nobody here is sleeping enough,” he said.\n");
  g_autoptr(Result) unknown = suggest_text ("Ruth Alvarez said the wait at the clinic had doubled. Her colleague Robin Obi said little.\n\n"
                                            "“We cannot keep up with the patients we already have,” she said.\n");

  assert_well_formed (r);
  assert_speaker (r, "We cannot keep up with the patients we already have,", "Ruth Alvarez");
  assert_speaker (r, "Nobody here is sleeping enough,", "Daniel Obi");
  assert_well_formed (unknown);
  assert_speaker (unknown, "We cannot keep up with the patients we already have,", "Robin Obi");
}

/* The longer lists of names for pronouns only: "she" passes over Victor
 * Anselm, named last, to Marta Holcomb (both only in those lists), and
 * "he" over Marta to Victor. */
static void
test_en_names_for_pronouns (void)
{
  g_autoptr(Result) r = suggest_text ("Arson trial\n\n"
                                      "Defense attorney Victor Anselm argued that faulty wiring started the fire. Investigator Marta Holcomb disagreed.\n\n"
                                      "Holcomb said the electrical panel showed no sign of the failure Anselm described.\n\n"
                                      "\"I'm saying wiring didn't start this one,\" she said.\n\n"
                                      "Anselm told the jury that Holcomb had never examined the panel herself.\n\n"
                                      "\"She never opened the box,\" he said.\n");

  assert_well_formed (r);
  assert_speaker (r, "I'm saying wiring didn't start this one,", "Marta Holcomb");
  assert_speaker (r, "She never opened the box,", "Victor Anselm");
}

/* Names with accented letters (Joaquín Ibáñez, Müller) are names like
 * any other: found beside the verb, their later mentions the same person. */
static void
test_en_accented_names (void)
{
  g_autoptr(Result) r = suggest_text ("“The river has never been this low in August,” said Joaquín Ibáñez, who farms near the dam.\n\n"
                                      "Lukas Müller, a hydrologist, agreed. “The gauges show it every week,” Müller said.\n\n"
                                      "“We will open the sluices on Friday,” Ibáñez said.\n");

  assert_well_formed (r);
  assert_speaker (r, "The river has never been this low in August,", "Joaquín Ibáñez");
  assert_speaker (r, "We will open the sluices on Friday,", "Joaquín Ibáñez");
  {
    GlossSuggestion *q = find (r, "quote", "The gauges show it every week,");
    g_autofree char *s = speaker_of (r, q);
    g_assert_true (g_strcmp0 (s, "Müller") == 0 || g_strcmp0 (s, "Lukas Müller") == 0);
  }
  g_assert_nonnull (find (r, "person", "Ibáñez"));
  g_assert_nonnull (find (r, "person", "Ibáñez")->entity);
}

/* Persons without a speech verb or title beside them: a listed given name
 * and a surname, or a full name that "who" follows; the given name before
 * a shorter mention (Edward Norton Lorenz) tells he from she. Not a place
 * or a paper named like a person, a photo credit, or a firm with "which". */
static void
test_en_cued_persons (void)
{
  g_autoptr(Result) r = suggest_text ("Sarah Gille sat in on a class about tides at Yale. Her adviser there was the "
                                      "meteorologist Edward Norton Lorenz, and the course met twice a week.\n\n"
                                      "“I was glad nobody asked me to explain chaos to my mother,” she said.\n\n"
                                      "The coroner for the county, Ilse Vantongeren, who ruled the death an accident, told the Gazette "
                                      "“Nobody could have seen this coming.”\n");
  g_autoptr(Result) none = suggest_text ("The storm reached Virginia Beach on Sunday, as the Christian Science Monitor had warned.\n\n"
                                         "Photo: Anthony Wallace / AFP\n\n"
                                         "Kelby Shipping, which owns the boat, said nothing.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "Sarah Gille"));
  assert_speaker (r, "I was glad nobody asked me to explain chaos to my mother,", "Sarah Gille");
  assert_speaker (r, "Nobody could have seen this coming.", "Ilse Vantongeren");
  assert_well_formed (none);
  g_assert_null (find (none, "person", "Virginia Beach"));
  g_assert_null (find (none, "person", "Christian Science Monitor"));
  g_assert_null (find (none, "person", "Anthony Wallace"));
  g_assert_null (find (none, "person", "Kelby Shipping"));
}

/* “…,” said one of the organisers, Priscilla Nwosu: the name after a
 * short description; a capitalised word there (a firm) or a possessive
 * is no such description. */
static void
test_en_said_description_name (void)
{
  g_autoptr(Result) r = suggest_text ("“Nobody told us anything,” said one of the organisers, Priscilla Nwosu.\n\n"
                                      "“The doors open at nine,” said a spokeswoman for the library, Hedda Lindqvist.\n");
  g_autoptr(Result) other = suggest_text ("Marek Bossi said he runs the ferry.\n\n"
                                          "“We sail at dawn,” he said, pointing to the plan, Helen Varga's own idea.\n");

  assert_well_formed (r);
  assert_speaker (r, "Nobody told us anything,", "Priscilla Nwosu");
  assert_speaker (r, "The doors open at nine,", "Hedda Lindqvist");
  assert_well_formed (other);
  assert_speaker (other, "We sail at dawn,", "Marek Bossi");
}

/* “…,” the 54-year-old said: the person the text gave that age, not the
 * nearest name; an age no one was given names no one. */
static void
test_en_age_speaker (void)
{
  g_autoptr(Result) r = suggest_text ("Harold Beecham, 54, has worked at the mill since he was a teenager. "
                                      "His foreman, Wendell Osei, said the yard was empty.\n\n"
                                      "“It is a matter of weeks,” the 54-year-old said.\n\n"
                                      "The owners hired 31-year-old Elena Takacs to run the night shift. "
                                      "Osei said she was good.\n\n"
                                      "“I am staying,” the 31-year-old said.\n");
  g_autoptr(Result) nobody = suggest_text ("Harold Beecham, 54, has worked at the mill since he was a teenager.\n\n"
                                           "“It is a matter of weeks,” the 60-year-old said.\n");

  assert_well_formed (r);
  assert_speaker (r, "It is a matter of weeks,", "Harold Beecham");
  assert_speaker (r, "I am staying,", "Elena Takacs");
  assert_well_formed (nobody);
  assert_speaker (nobody, "It is a matter of weeks,", NULL);
}

/* An official's organization words never reach back over a sentence's
 * end (“on Tuesday. Opposition leader …”); “…,” said
 * Herrera’s spokeswoman, Ama Boateng: a possessive description too. */
static void
test_en_official_after_full_stop (void)
{
  g_autoptr(Result) r = suggest_text ("The minister defended the cuts on Tuesday. Opposition leader Tomas Herrera called them cruel.\n\n"
                                      "“Cruel is the only word for it,” Herrera said.\n\n"
                                      "U.S. Ambassador Lidia Moreau met him later.\n\n"
                                      "“We were not consulted,” said Herrera’s spokeswoman, Ama Boateng.\n");
  GlossSuggestion *herrera = find (r, "official", "Opposition leader Tomas Herrera");

  assert_well_formed (r);
  g_assert_nonnull (herrera);
  g_assert_null (find (r, "official", "Tuesday. Opposition leader Tomas Herrera"));
  g_assert_nonnull (find (r, "official", "Ambassador Lidia Moreau"));
  assert_speaker (r, "Cruel is the only word for it,", "Opposition leader Tomas Herrera");
  assert_speaker (r, "We were not consulted,", "Ama Boateng");
}

/* "Nwankwo's deputy, Kwame Asante," / "her lawyer, Ana Ruiz,": a
 * possessive before the role noun is as good as "the"; "Nwankwo's plan,
 * Ebo Quansah," is no apposition (no role noun). */
static void
test_en_possessive_appositive (void)
{
  g_autoptr(Result) r = suggest_text ("Finance Minister Adaeze Nwankwo defended the cuts. Nwankwo's deputy, Kwame Asante, "
                                      "was more cautious.\n\n"
                                      "“We will review the figures in spring,” he told reporters.\n");
  g_autoptr(Result) plan = suggest_text ("Nwankwo's plan, Ebo Quansah, was never published.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "Kwame Asante"));
  assert_speaker (r, "We will review the figures in spring,", "Kwame Asante");
  assert_well_formed (plan);
  g_assert_null (find (plan, "person", "Ebo Quansah"));
}

/* "had written, “…”": the participle introduces a quote like "wrote". */
static void
test_en_written (void)
{
  g_autoptr(Result) r = suggest_text ("In the report's last page, Dr. Oskar Lindholm had written, “Special thanks go to the night staff, "
                                      "who kept the pumps running.”\n");

  assert_well_formed (r);
  assert_speaker (r, "Special thanks go to the night staff, who kept the pumps running.", "Oskar Lindholm");
}

/* British single marks: speech in 'x' and ‘x’, quotes over paragraphs,
 * apostrophes (doesn't, the drivers' union) that close nothing; elided
 * letters ('n', 'em) and a nickname are no speech. */
static void
test_en_single_marks (void)
{
  g_autoptr(Result) r = suggest_text (
    "'The buses are late every single morning,' said Nora Blake, who chairs the tenants' group. "
    "'Nobody from the company has ever doesn't-know-who to ring.'\n\n"
    "Councillor Idris Vaughan said the drivers' union had been 'far too patient'.\n\n"
    "‘We will not wait another winter for this,’ Vaughan said. ‘It is not fair on anyone.’\n\n"
    "Tom Pell told the meeting: 'I have written to the minister twice, and I have had no reply.\n\n"
    "'I will write again on Monday.'\n\n"
    "The depot, which drivers have nicknamed 'the Fridge', plays rock 'n' roll all night, said Pell.");
  GlossSuggestion *q;

  assert_well_formed (r);
  assert_speaker (r, "The buses are late every single morning,", "Nora Blake");
  g_assert_nonnull (find (r, "quote", "Nobody from the company has ever doesn't-know-who to ring."));
  g_assert_nonnull (find (r, "quote", "far too patient"));
  assert_speaker (r, "We will not wait another winter for this,", "Councillor Idris Vaughan");
  g_assert_nonnull (find (r, "quote", "It is not fair on anyone."));
  g_assert_nonnull (find (r, "quote", "I have written to the minister twice, and I have had no reply."));
  g_assert_nonnull (find (r, "quote", "I will write again on Monday."));
  for (guint i = 0; i < r->suggestions->len; i++)
    {
      g_autofree char *t = NULL;
      q = r->suggestions->pdata[i];
      t = covered (r, q);
      if (g_str_equal (q->tag, "quote"))
        g_assert_true (strstr (t, "union had") == NULL && !g_str_equal (t, "the Fridge") && !g_str_equal (t, "n"));
    }
}

/* "which he called “…”": the words of the subject before "called", with no
 * object between; "a pub called “The Old Oak”" names a place. */
static void
test_en_called_no_object (void)
{
  g_autoptr(Result) r = suggest_text (
    "\"We were never asked,\" said Harriet Kemble.\n\nKemble dismissed the council's traffic study, which she called \"a wish list with a budget attached.\"\n\n"
    "They met in a pub called \"The Old Oak on the corner\" near the station.");

  assert_well_formed (r);
  assert_speaker (r, "a wish list with a budget attached.", "Harriet Kemble");
  g_assert_null (find (r, "quote", "The Old Oak on the corner"));
}

/* A block quote whose marks went with the page's layout: the paragraph
 * after "As Name explains, …:" is the subject's speech; after a colon
 * without a speech verb ("The plan has three parts:") it is prose. */
static void
test_en_block_quote (void)
{
  g_autoptr(Result) r = suggest_text (
    "Most of the town's budget goes on roads. As the treasurer, Miriam Oduya, explained in a letter to residents, the sums are tight:\n\n"
    "Every year we patch the same potholes, and every year the frost opens them again. I would rather fix one street properly than ten badly.\n\n"
    "The plan has three parts, each with its own budget line:\n\n"
    "First, the council will resurface Mill Lane and Station Road, which carry most of the traffic into the town centre.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "quote", "Every year we patch the same potholes, and every year the frost opens them again. "
                                      "I would rather fix one street properly than ten badly."));
  g_assert_cmpstr (find (r, "quote", "Every year we patch the same potholes, and every year the frost opens them again. "
                                     "I would rather fix one street properly than ten badly.")->rule, ==, "en-quote-block");
  assert_speaker (r, "Every year we patch the same potholes, and every year the frost opens them again. "
                     "I would rather fix one street properly than ten badly.", "Miriam Oduya");
  g_assert_cmpuint (count_quotes (r), ==, 1);
}

/* A surname of two letters (Wu, Ng) is a later mention of the person
 * named in full before; a short word opening a sentence (No, Do) is not. */
static void
test_en_two_letter_surname (void)
{
  g_autoptr(Result) r = suggest_text ("Mayor Helen Ng said the vote could wait a month.\n\n"
                                      "“Nobody here wants to rush this,” Ng said. “We owe people a real answer.”\n");
  g_autoptr(Result) word = suggest_text ("Mayor Helen No opened the session.\n\n"
                                         "“Is the bus late again?” a resident asked. No said the council.\n");

  assert_well_formed (r);
  assert_speaker (r, "Nobody here wants to rush this,", "Mayor Helen Ng");
  assert_speaker (r, "We owe people a real answer.", "Mayor Helen Ng");
  g_assert_nonnull (find_after (r, "official", "Ng", 40));
  assert_well_formed (word);
  g_assert_null (find_after (word, "official", "No", 40));
}

/* Someone the text never names: "A county spokesman said" (an official:
 * a public body's), "A Northgate spokesperson said" (a company's: a
 * person), "a neighbor who said" then "The neighbor, who …", "A senior
 * aide to the governor, who …" then "the aide said", "through a
 * spokeswoman" (the official's), "A spokesperson said" after "The Welsh
 * Government said". Not an appositive of a named person, not a role in
 * passing, not "the spokesman" once the text named a spokesman. */
static void
test_en_unnamed_roles (void)
{
  g_autoptr(Result) r = suggest_text (
    "The county will close the shelter in March. A county spokesman said 40 families had found homes.\n\n"
    "The jury also heard from a neighbor who said she saw the truck that night. The neighbor, who asked not to be named, "
    "told the court she knew it well.\n\n"
    "“I have seen that truck every week for years,” she said.\n\n"
    "A senior aide to the governor, who spoke on condition of anonymity, said the talks had been hard. "
    "“Nobody got what they wanted,” the aide said.\n\n"
    "Senate Majority Leader Frances Holloway said through a spokeswoman that she would vote yes.\n\n"
    "A spokesperson for the Federation of Mining Cooperatives said the group would “cooperate fully” with the inspections.\n\n"
    "A Northgate spokesperson said the brewery would close.\n\n"
    "Assembly Speaker pro Tem Victor Ruiz said through a spokesman that the bill would wait.\n");
  g_autoptr(Result) bare = suggest_text ("The Welsh Government said it was studying the report. A spokesperson said: "
                                         "“We will consider any further steps carefully.”\n");
  g_autoptr(Result) not_unnamed = suggest_text (
    "Graciela Montes, a home health aide who said she takes three buses to work, spoke first.\n\n"
    "The firm hired a clerk last year to handle the filings.\n\n"
    "Spokesman Tom Lee answered questions on Monday. “We are not worried,” the spokesman said.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "official", "A county spokesman"));
  g_assert_nonnull (find (r, "person", "a neighbor"));
  g_assert_nonnull (find (r, "person", "The neighbor"));
  assert_speaker (r, "I have seen that truck every week for years,", "a neighbor");
  g_assert_nonnull (find (r, "official", "A senior aide"));
  g_assert_nonnull (find (r, "official", "the aide"));
  assert_speaker (r, "Nobody got what they wanted,", "A senior aide");
  g_assert_nonnull (find (r, "official", "a spokeswoman"));
  g_assert_nonnull (find (r, "person", "A spokesperson"));
  assert_speaker (r, "cooperate fully", "A spokesperson");
  g_assert_nonnull (find (r, "person", "A Northgate spokesperson"));
  g_assert_nonnull (find (r, "official", "Assembly Speaker pro Tem Victor Ruiz"));
  g_assert_nonnull (find (r, "official", "a spokesman"));
  assert_well_formed (bare);
  g_assert_nonnull (find (bare, "official", "A spokesperson"));
  assert_speaker (bare, "We will consider any further steps carefully.", "A spokesperson");
  assert_well_formed (not_unnamed);
  g_assert_null (find (not_unnamed, "person", "a home health aide"));
  g_assert_null (find (not_unnamed, "person", "a clerk"));
  g_assert_null (find (not_unnamed, "official", "the spokesman"));
  assert_speaker (not_unnamed, "We are not worried,", "Spokesman Tom Lee");
}

/* Who wrote the story: "By NAME and NAME" on its line, a wire story's
 * "(Reporting by …; Editing by …)"; not "By Friday the council …". */
static void
test_en_credits (void)
{
  g_autoptr(Result) r = suggest_text ("Brewer's profit falls\n\nBy Priya Raman and Tom Eckert\n\n"
                                      "LONDON (Reuters) - The brewer's profit fell on Thursday.\n\n"
                                      "(Reporting by Priya Raman; Editing by Susan Fenton)\n");
  g_autoptr(Result) none = suggest_text ("By Friday Morning the council had voted twice.\n\nBy Tuesday, the roads were open.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "Priya Raman"));
  g_assert_nonnull (find (r, "person", "Tom Eckert"));
  g_assert_nonnull (find_after (r, "person", "Priya Raman", 60));
  g_assert_nonnull (find (r, "person", "Susan Fenton"));
  assert_well_formed (none);
  g_assert_null (find (none, "person", "Friday Morning"));
  g_assert_null (find (none, "person", "Tuesday"));
}

/* A company's officer holds no public office: "Chief Financial Officer
 * Marta Lindqvist" is a person, the name alone; a state's officer of
 * the same title is an official. */
static void
test_en_executives (void)
{
  g_autoptr(Result) r = suggest_text ("Chief Financial Officer Marta Lindqvist said sales would fall. "
                                      "“We are planning for a weaker year,” Lindqvist said.\n");
  g_autoptr(Result) state = suggest_text ("State Chief Financial Officer Jimmy Ortega said the fund was sound.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "Marta Lindqvist"));
  g_assert_null (find (r, "official", "Chief Financial Officer Marta Lindqvist"));
  assert_speaker (r, "We are planning for a weaker year,", "Marta Lindqvist");
  assert_well_formed (state);
  g_assert_nonnull (find (state, "official", "State Chief Financial Officer Jimmy Ortega"));
}

/* "Karin Dahlberg, who follows the sector for Nordea Markets, said": the
 * name after "for" is no one who speaks, so “…,” she said is Dahlberg's;
 * a name after "and" still is. */
static void
test_en_name_said_object (void)
{
  g_autoptr(Result) r = suggest_text ("Karin Dahlberg, who follows the sector for Nordea Markets, said the results were weak. "
                                      "“The price war is not going away,” she said.\n");
  g_autoptr(Result) and = suggest_text ("The council met on Monday and Omar Haddad said the plan was late.\n");

  assert_well_formed (r);
  g_assert_null (find (r, "person", "Nordea Markets"));
  assert_speaker (r, "The price war is not going away,", "Karin Dahlberg");
  assert_well_formed (and);
  g_assert_nonnull (find (and, "person", "Omar Haddad"));
}

/* Shares and counts in words: "19 of the 26", "two of the men", "28 of
 * 30 shots", "one in five workers", "a third" before a stop, "half a
 * mile", "12-unit"; not "hundreds of millions", "one in five of the
 * victims", "a third term", nor the whole of "480 of the plant's hourly
 * workers" (its figure is the 480). */
static void
test_en_shares (void)
{
  g_autoptr(Result) r = suggest_text ("A county spokesman said 19 of the 26 had found homes. Doctors said two of the men "
                                      "were in hospital. He stopped 28 of 30 shots. Roughly one in five workers does nights. "
                                      "The plan would cut revenue by about a third. Towers may rise within half a mile of a station. "
                                      "The fire gutted his 12-unit building.\n");
  g_autoptr(Result) none = suggest_text ("The program cost hundreds of millions of dollars. About one in five of the victims were "
                                         "children. She won a third term. The union represents roughly 480 of the plant's hourly workers.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "statistic", "19 of the 26"));
  g_assert_nonnull (find (r, "statistic", "two of the men"));
  g_assert_nonnull (find (r, "statistic", "28 of 30 shots"));
  g_assert_nonnull (find (r, "statistic", "one in five workers"));
  g_assert_nonnull (find (r, "statistic", "a third"));
  g_assert_nonnull (find (r, "statistic", "half a mile"));
  g_assert_nonnull (find (r, "statistic", "12-unit"));
  assert_well_formed (none);
  g_assert_null (find (none, "statistic", "hundreds of millions"));
  g_assert_null (find (none, "statistic", "one in five"));
  g_assert_null (find (none, "statistic", "a third"));
  g_assert_nonnull (find (none, "statistic", "480"));
}

/* A number that names (type 2 diabetes, Route 66) is no figure; a
 * determiner or a conjunction ends a figure's words (up from 19 the year
 * before, is 87 and swims); "the three months to Dec. 31" is a company's
 * period, "the three years of his presidency" no new figure; feet a unit. */
static void
test_en_figure_words (void)
{
  g_autoptr(Result) r = suggest_text ("Breaks rose to 212, up from 19 the year before. Operating profit fell in the three months "
                                      "to Dec. 31. The miners were 300 meters (980 feet) below ground.\n");
  g_autoptr(Result) none = suggest_text ("Night work raises the risk of type 2 diabetes. Quayle is 87 and swims daily. "
                                         "He spoke of the three years of his presidency.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "statistic", "19"));
  g_assert_nonnull (find (r, "statistic", "three months"));
  g_assert_nonnull (find (r, "statistic", "980 feet"));
  assert_well_formed (none);
  g_assert_null (find (none, "statistic", "2 diabetes"));
  g_assert_null (find (none, "statistic", "87 and swims"));
  g_assert_null (find (none, "statistic", "three years"));
}

/* "Okafor, 64, grew up": an age between commas after a surname makes a
 * person of the one the text names in full (Miriam Okafor), whom a later
 * "she says" follows; a place with a number after it (Fairview, 12,) and
 * a number too large for an age are no one. */
static void
test_en_person_age (void)
{
  g_autoptr(Result) r = suggest_text ("HOLLIS BAY — Each morning Miriam Okafor unlocks the boathouse before the rowers arrive.\n\n"
                                      "Okafor, 64, grew up across the river. Okafor keeps the oars in a rack her brother built.\n\n"
                                      "“The water tells you what kind of day it will be,” she says.\n");
  g_autoptr(Result) none = suggest_text ("Storm damage was worst in Fairview, 12, and Lowell, 9, by the county's count of homes.\n\n"
                                         "Tanner Cole filed the report. Cole, 2024, was the year the levee failed.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "person", "Miriam Okafor"));
  assert_speaker (r, "The water tells you what kind of day it will be,", "Miriam Okafor");
  assert_well_formed (none);
  g_assert_null (find (none, "person", "Fairview"));
  g_assert_null (find (none, "person", "Lowell"));
  g_assert_null (find (none, "person", "Tanner Cole"));
}

/* "Susan Ortiz said she had voted for Linda Marsh. “…,” she said": the
 * pronoun names the subject of the speech verb before it, not the nearest
 * name after that verb; not when the pronoun does not fit the subject
 * (Robert … “…,” she said) nor when no speech verb follows the subject. */
static void
test_en_pronoun_subject (void)
{
  g_autoptr(Result) r = suggest_text ("Voters lined up early at the library.\n\n"
                                      "Susan Ortiz, 41, said she had voted for Linda Marsh because of the parks. "
                                      "“The playground on our street has been shut for a year,” she said.\n\n"
                                      "In a statement, Robert Vance said he had called Thomas Reid on Tuesday night. "
                                      "“He ran a fair race,” he said.\n");
  g_autoptr(Result) other = suggest_text ("Voters lined up early at the library.\n\n"
                                          "Robert Vance said he had voted for Linda Marsh because of the parks. "
                                          "“The playground on our street has been shut for a year,” she said.\n\n"
                                          "Susan Ortiz waved at Mary Quinn across the hall. “We will count every ballot,” she said.\n");

  assert_well_formed (r);
  assert_speaker (r, "The playground on our street has been shut for a year,", "Susan Ortiz");
  assert_speaker (r, "He ran a fair race,", "Robert Vance");
  assert_well_formed (other);
  assert_speaker (other, "The playground on our street has been shut for a year,", "Linda Marsh");
  assert_speaker (other, "We will count every ballot,", "Mary Quinn");
}

/* Unnamed speakers described in up to four words ("a Dunmore County fire
 * department spokesman", "A county emergency management official"), the
 * later "the official" the same one; the words hold no article,
 * preposition or conjunction: "the notes of a harbour official" is the
 * official alone. */
static void
test_en_unnamed_long (void)
{
  g_autoptr(Result) r = suggest_text (
    "“The barn went first, then the house,” a Dunmore County fire department spokesman told reporters.\n\n"
    "A county emergency management official, who was not authorized to speak publicly, said two roads were closed. "
    "“We will reopen them when the water drops,” the official said.\n");
  g_autoptr(Result) none = suggest_text (
    "The board read the notes of a harbour official, who had retired in May.\n\n"
    "“The pier was never safe,” the official said.\n");

  assert_well_formed (r);
  assert_speaker (r, "The barn went first, then the house,", "a Dunmore County fire department spokesman");
  assert_speaker (r, "We will reopen them when the water drops,", "A county emergency management official");
  assert_well_formed (none);
  assert_speaker (none, "The pier was never safe,", "a harbour official");
  for (guint i = 0; i < none->suggestions->len; i++)
    {
      GlossSuggestion *s = none->suggestions->pdata[i];
      g_autofree char *text = g_utf8_substring (none->text, s->start, s->end);
      g_assert_false (g_str_has_prefix (text, "the notes"));
    }
}

/* A score the text counts as one (a 5-4 win, won 3-2, tied it 3-3, a
 * pitcher's record "(11-6, 3.41 ERA)") is a figure; a telephone number, a
 * date, a season's years, a label (COVID-19) and a tally after a team's
 * name or a vote, which the labelled sets disagree on, are not. */
static void
test_en_scores (void)
{
  g_autoptr(Result) r = suggest_text ("The Gulls took a 5-4 win on Friday. They had won 3-2 the night before, and Saturday's "
                                      "opener was tied it 3-3 in the ninth. Starter Ray Mott (11-6, 3.41 ERA) pitches next.\n");
  g_autoptr(Result) none = suggest_text ("Call the hotline at 256-555-0177 before 2024-05-01. The 1990-91 season ended early. "
                                         "COVID-19 closed the park. The Gulls beat Dover 7-1, and the council voted 5-2 to pay.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "statistic", "5-4"));
  g_assert_nonnull (find (r, "statistic", "3-2"));
  g_assert_nonnull (find (r, "statistic", "3-3"));
  g_assert_nonnull (find (r, "statistic", "11-6"));
  assert_well_formed (none);
  for (guint i = 0; i < none->suggestions->len; i++)
    {
      GlossSuggestion *s = none->suggestions->pdata[i];
      g_autofree char *text = g_utf8_substring (none->text, s->start, s->end);
      if (g_str_equal (s->tag, "statistic"))
        g_assert_null (strchr (text, '-'));
    }
}

/* Det., Reeve and an MP in apposition hold offices; a team's captain and
 * MPs counted hold none. */
static void
test_en_more_offices (void)
{
  g_autoptr(Result) r = suggest_text ("Det. Nora Finch, who leads the inquiry, said the van was found on Tuesday.\n\n"
                                      "Reeve Walter Brandt of the Rural Municipality of Elm Creek said the wells were dry.\n\n"
                                      "Helen Marsh, the Labour MP for Tarn Valley, said the fines were too small.\n");
  g_autoptr(Result) none = suggest_text ("Captain Joel Brandt scored twice for Harlow on Saturday.\n\n"
                                         "The amendment has the support of 41 MPs, the whips said.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "official", "Det. Nora Finch"));
  g_assert_nonnull (find (r, "official", "Reeve Walter Brandt"));
  g_assert_nonnull (find (r, "official", "Helen Marsh"));
  assert_well_formed (none);
  g_assert_null (find (none, "official", "Captain Joel Brandt"));
  g_assert_null (find (none, "official", "Joel Brandt"));
  g_assert_null (find (none, "official", "MPs"));
}

/* Speeds (160 mph, 90 km/h) and the tens in words, alone or with their
 * unit (Ninety minutes, Forty-one years) are figures, the unit no figure of its
 * own; a word made on a number (twenty-somethings) and a speed's unit
 * alone are not. */
static void
test_en_speed_tens (void)
{
  g_autoptr(Result) r = suggest_text ("Winds of about 160 mph hit the coast, and gusts of 90 km/h reached the hills. "
                                      "Ninety minutes later it was over. “Forty-one years in this house,” she said. "
                                      "Twenty-two years passed.\n");
  g_autoptr(Result) none = suggest_text ("The bar is full of twenty-somethings on Fridays. The limit in mph is posted at the gate.\n");

  assert_well_formed (r);
  g_assert_nonnull (find (r, "statistic", "160 mph"));
  g_assert_nonnull (find (r, "statistic", "90 km/h"));
  g_assert_nonnull (find (r, "statistic", "Ninety minutes"));
  g_assert_nonnull (find (r, "statistic", "Forty-one years"));
  g_assert_nonnull (find (r, "statistic", "Twenty-two years"));
  g_assert_null (find (r, "statistic", "two years"));
  assert_well_formed (none);
  for (guint i = 0; i < none->suggestions->len; i++)
    g_assert_cmpstr (((GlossSuggestion *) none->suggestions->pdata[i])->tag, !=, "statistic");
}

/* "His daughter, Ada Moreno, said …" then "“…,” his daughter said" or
 * "said her husband": the kin the text introduced so, not the last person
 * named; an unnamed relation (her brother, named nowhere) is no one named. */
static void
test_en_relation_speaker (void)
{
  g_autoptr(Result) r = suggest_text ("Victor Moreno, a fiddler who played at every wedding in the valley, died on Sunday. "
                                      "His daughter, Ada Moreno, said the cause was a stroke.\n\n"
                                      "Mr. Moreno taught Peter Lang to play in 1970.\n\n"
                                      "“He never charged a student who could not pay,” his daughter said.\n\n"
                                      "Nina Cole runs the bakery. Her husband, Robert Baird, bakes the bread.\n\n"
                                      "“We open at five,” said her husband.\n");
  g_autoptr(Result) none = suggest_text ("Victor Moreno, a fiddler, died on Sunday. Mr. Moreno taught Peter Lang to play in 1970.\n\n"
                                         "“He never charged a student who could not pay,” his brother said.\n");

  assert_well_formed (r);
  assert_speaker (r, "He never charged a student who could not pay,", "Ada Moreno");
  assert_speaker (r, "We open at five,", "Robert Baird");
  assert_well_formed (none);
  {
    GlossSuggestion *q = find (none, "quote", "He never charged a student who could not pay,");
    g_autofree char *sp = q != NULL ? speaker_of (none, q) : NULL;
    g_assert_nonnull (q);
    g_assert_cmpstr (sp, !=, "Ada Moreno");
    g_assert_cmpstr (sp, !=, "Peter Lang");
  }
}

/* Two full names of one surname are two people (Erik Lindahl, Karin
 * Lindahl: a family), each found again under its given name; a relation
 * before a name (Their mother, Aino Lindahl,) makes a person and says
 * which pronoun fits her, so "she" passes over the father named after. */
static void
test_en_family_of_one_surname (void)
{
  g_autoptr(Result) r = suggest_text ("Brothers meet in the final\n\n"
                                      "His brother, Erik Lindahl, was in goal for the Pilots.\n\n"
                                      "\"He had zero on me until tonight,\" Erik said.\n\n"
                                      "Their mother, Karin Lindahl, watched from the stands.\n\n"
                                      "\"I clap for saves and I clap for goals,\" she said.\n");
  g_autoptr(Result) kin = suggest_text ("Brothers meet in the final\n\n"
                                        "Their mother, Aino Lindahl, sat beside Vrabel's father, Tapio Vrabel, in Section 104.\n\n"
                                        "\"I clap for saves and I clap for goals,\" she said.\n");
  GlossSuggestion *erik, *karin;

  assert_well_formed (r);
  assert_speaker (r, "He had zero on me until tonight,", "Erik Lindahl");
  assert_speaker (r, "I clap for saves and I clap for goals,", "Karin Lindahl");
  erik = find (r, "person", "Erik Lindahl");
  karin = find (r, "person", "Karin Lindahl");
  g_assert_nonnull (erik);
  g_assert_nonnull (karin);
  /* a later mention names its person's first suggestion; Karin is her own */
  g_assert_null (karin->entity);
  g_assert_nonnull (find (r, "person", "Erik"));
  g_assert_cmpstr (find (r, "person", "Erik")->entity, ==, erik->id);
  assert_well_formed (kin);
  g_assert_nonnull (find (kin, "person", "Tapio Vrabel"));
  assert_speaker (kin, "I clap for saves and I clap for goals,", "Aino Lindahl");
}

/* A nickname in marks inside a name (Henrietta “Hennie” Haverkamp) makes
 * a person, named later by the nickname alone; not in a headline. */
static void
test_en_nickname_in_name (void)
{
  g_autoptr(Result) r = suggest_text ("Three generations of bread\n\n"
                                      "By 5, his daughter, Lena Haverkamp, 29, is rolling out dough. And by 6, "
                                      "Henrietta “Hennie” Haverkamp, who opened the shop in 1967, is sitting by the register.\n\n"
                                      "“I don’t bake anymore. I supervise,” Hennie said on a recent morning.\n");
  g_autoptr(Result) headline = suggest_text ("Parents Fight “Smart” Phones Ban in Schools\n\n"
                                             "The council voted 7-2 on Tuesday.\n");
  GlossSuggestion *hennie;

  assert_well_formed (r);
  hennie = find (r, "person", "Henrietta “Hennie” Haverkamp");
  g_assert_nonnull (hennie);
  g_assert_nonnull (find (r, "person", "Hennie"));
  g_assert_cmpstr (find (r, "person", "Hennie")->entity, ==, hennie->id);
  assert_speaker (r, "I don’t bake anymore. I supervise,", "Henrietta “Hennie” Haverkamp");
  assert_well_formed (headline);
  g_assert_cmpuint (count_tag (headline, "person"), ==, 0);
}

/* One or another of many, by any role noun, as the subject of "who" or a
 * speech verb (One product designer in the Denver office, who…; Another
 * nurse, who…) is someone unnamed, whom "she said" then names; a role in
 * passing (one nurse for 30 patients) is no one. */
static void
test_en_one_of_many (void)
{
  g_autoptr(Result) r = suggest_text ("Layoffs\n\n"
                                      "Tobias Wendt, an analyst at Morrow Capital, said the cuts were overdue.\n\n"
                                      "One product designer in the Denver office, who asked not to be named, said her team was told in a single video call.\n\n"
                                      "\"They laid us off on our own product,\" she said.\n\n"
                                      "Another nurse, who asked not to be named because she feared losing her job, said she had 14 patients.\n\n"
                                      "\"An elderly man asked me if this was his room now,\" she said.\n");
  g_autoptr(Result) none = suggest_text ("Wards\n\nThe ward had one nurse for 30 patients on Tuesday night.\n");

  assert_well_formed (r);
  assert_speaker (r, "They laid us off on our own product,", "One product designer in the Denver office");
  assert_speaker (r, "An elderly man asked me if this was his room now,", "Another nurse");
  assert_well_formed (none);
  g_assert_cmpuint (count_tag (none, "person"), ==, 0);
}

/* A name right before "(has) called" and the opening mark (what Marsh has
 * called “…”) says the words, whoever the sentence's subject is; words
 * that no name called stay the subject's. */
static void
test_en_name_called (void)
{
  g_autoptr(Result) r = suggest_text ("Layoffs\n\n"
                                      "Gideon Marsh, the chief executive, wrote the memo on Tuesday. Shreya Banerjee, an analyst at Morrow Capital, was not surprised.\n\n"
                                      "Banerjee said the cuts would push the company toward what Marsh has called “real, boring profitability” by next year.\n\n"
                                      "Banerjee said the plan, which critics have called “a fire sale, plain and simple”, would not last.\n");

  assert_well_formed (r);
  assert_speaker (r, "real, boring profitability", "Gideon Marsh");
  assert_speaker (r, "a fire sale, plain and simple", "Shreya Banerjee");
}

/* A memo's subject line in marks is its title, no one's words; a quote
 * about a line is speech as ever. */
static void
test_en_subject_line (void)
{
  g_autoptr(Result) r = suggest_text ("Layoffs\n\n"
                                      "Chief executive Gideon Marsh announced the cuts in a memo to employees under the subject line “Where we go from here.” He said the company had hired too fast.\n\n"
                                      "“We will hold the line on costs,” Marsh said.\n");

  assert_well_formed (r);
  g_assert_null (find (r, "quote", "Where we go from here."));
  assert_speaker (r, "We will hold the line on costs,", "Gideon Marsh");
}

/* An organization that speaks is a quote's speaker: right before the verb
 * (The National Weather Service said … “…”), before it with an appositive
 * (The Gulf Maritime Employers Association, which…, said), named again by
 * a noun its name holds (the association said) or by one after it spoke
 * (the union said), or a name saying something in a statement (Halcyra
 * said in a statement; then the statement said). Never he or she, never a
 * headline's subject (Halcyra … as CEO admits), never a person's surname
 * (Hale said in a statement), and not an organization that never spoke
 * and whose name lacks the noun (the company claims). */
static void
test_en_organization_speakers (void)
{
  g_autoptr(Result) r = suggest_text ("Halcyra to cut 2,400 jobs as CEO admits ‘I got it wrong’\n\n"
                                      "Halcyra, the video-meeting company, will cut 2,400 jobs, its chief executive, Gideon Marsh, told staff.\n\n"
                                      "“We grew too fast, and that is on me,” Marsh wrote.\n\n"
                                      "Workers will receive 18 weeks of pay, Halcyra said in a statement.\n\n"
                                      "“These are talented people, and we intend to treat them that way,” the statement said.\n\n"
                                      "“I should have seen it sooner,” he wrote in the memo.\n\n"
                                      "The National Weather Service said in a flood warning that the river was “expected to crest near 31 feet on Saturday.”\n\n"
                                      "The Gulf Maritime Employers Association, which negotiates for shipping lines, said it had made an offer.\n\n"
                                      "“The union walked away from the table,” the association said in a statement.\n\n"
                                      "The Royal College of Nursing said corridor care was spreading.\n\n"
                                      "“Corridor care is now routine in hospitals across the country,” the union said.\n");
  g_autoptr(Result) none = suggest_text ("Senator Ruth Hale opposed the bill from the start.\n\n"
                                         "“This bill will not pass the Senate,” Hale said in a statement.\n\n"
                                         "Reporters from The Seattle Times visited the store. At the same time, the company claims its prices "
                                         "have saved customers “hundreds of millions of dollars” since the sale.\n");

  assert_well_formed (r);
  /* the headline's first name is the organization's: no speaker (its
   * main voice would be someone quoted three times) */
  assert_speaker (r, "I got it wrong", NULL);
  assert_speaker (r, "These are talented people, and we intend to treat them that way,", "Halcyra");
  assert_speaker (r, "I should have seen it sooner,", "Gideon Marsh");
  {
    GlossSuggestion *q = find (r, "quote", "expected to crest near 31 feet on Saturday.");
    g_autofree char *s = speaker_of (r, q);
    g_assert_true (g_strcmp0 (s, "National Weather Service") == 0 || g_strcmp0 (s, "The National Weather Service") == 0);
  }
  assert_speaker_ends_with (r, "The union walked away from the table,", "Gulf Maritime Employers Association");
  assert_speaker_ends_with (r, "Corridor care is now routine in hospitals across the country,", "Royal College of Nursing");
  g_assert_null (find (r, "person", "Halcyra"));
  assert_well_formed (none);
  assert_speaker (none, "This bill will not pass the Senate,", "Senator Ruth Hale");
  g_assert_null (find (none, "organization", "Hale"));
  assert_speaker (none, "hundreds of millions of dollars", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest-en/handles", test_en_handles);
  g_test_add_func ("/suggest-en/put-it", test_en_put_it);
  g_test_add_func ("/suggest-en/given-name-gender", test_en_given_name_gender);
  g_test_add_func ("/suggest-en/names-for-pronouns", test_en_names_for_pronouns);
  g_test_add_func ("/suggest-en/accented-names", test_en_accented_names);
  g_test_add_func ("/suggest-en/cued-persons", test_en_cued_persons);
  g_test_add_func ("/suggest-en/said-description-name", test_en_said_description_name);
  g_test_add_func ("/suggest-en/age-speaker", test_en_age_speaker);
  g_test_add_func ("/suggest-en/official-after-full-stop", test_en_official_after_full_stop);
  g_test_add_func ("/suggest-en/possessive-appositive", test_en_possessive_appositive);
  g_test_add_func ("/suggest-en/written", test_en_written);
  g_test_add_func ("/suggest-en/single-marks", test_en_single_marks);
  g_test_add_func ("/suggest-en/called-no-object", test_en_called_no_object);
  g_test_add_func ("/suggest-en/block-quote", test_en_block_quote);
  g_test_add_func ("/suggest-en/two-letter-surname", test_en_two_letter_surname);
  g_test_add_func ("/suggest-en/unnamed-roles", test_en_unnamed_roles);
  g_test_add_func ("/suggest-en/credits", test_en_credits);
  g_test_add_func ("/suggest-en/executives", test_en_executives);
  g_test_add_func ("/suggest-en/name-said-object", test_en_name_said_object);
  g_test_add_func ("/suggest-en/shares", test_en_shares);
  g_test_add_func ("/suggest-en/figure-words", test_en_figure_words);
  g_test_add_func ("/suggest-en/person-age", test_en_person_age);
  g_test_add_func ("/suggest-en/pronoun-subject", test_en_pronoun_subject);
  g_test_add_func ("/suggest-en/unnamed-long", test_en_unnamed_long);
  g_test_add_func ("/suggest-en/scores", test_en_scores);
  g_test_add_func ("/suggest-en/more-offices", test_en_more_offices);
  g_test_add_func ("/suggest-en/speed-tens", test_en_speed_tens);
  g_test_add_func ("/suggest-en/relation-speaker", test_en_relation_speaker);
  g_test_add_func ("/suggest-en/family-of-one-surname", test_en_family_of_one_surname);
  g_test_add_func ("/suggest-en/nickname-in-name", test_en_nickname_in_name);
  g_test_add_func ("/suggest-en/one-of-many", test_en_one_of_many);
  g_test_add_func ("/suggest-en/name-called", test_en_name_called);
  g_test_add_func ("/suggest-en/subject-line", test_en_subject_line);
  g_test_add_func ("/suggest-en/organization-speakers", test_en_organization_speakers);
  return g_test_run ();
}
