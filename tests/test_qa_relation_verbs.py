"""Which relation a question asks: its main verb, not a verb of a clause describing the subject.

The made-up paragraphs and questions are worded unlike the evaluation sets.
"""

from __future__ import annotations

import pytest

from qa import answer
from qa.intent import detect
from qa.text import terms
from tests.test_qa import UNRELATED_PARAGRAPHS, _kb_from_text

# Paragraphs about other things, so that the lexical knowledge base can tell rare words from common ones
_CASH_PARAGRAPH = "Cash assistance reached 1,200 households in the northern districts during the year.\n"
_OTHER_PARAGRAPHS = _CASH_PARAGRAPH + "\nThe shelter working group met monthly and shared a common needs assessment of the displaced families.\n"

_ALDERA = (
    "Housing was the main concern after the floods. The Casa Firme campaign, launched in May by the Aldera "
    "Housing Institute (AHI) with UNHCR support, helped 420 displaced families to repair their homes in the "
    "northern districts.\n\n"
    "UNHCR trained 210 officials of the Migration Directorate and the Public Defender's Office on refugee law "
    "and the new asylum procedure.\n\n"
    "Registration of newborns improved in the northern districts, where the civil registry opened four "
    "offices in maternity hospitals with support from UNICEF.\n\n"
    "The shelter working group met monthly and shared a common needs assessment of the displaced families.\n"
)


@pytest.fixture(scope="module")
def kb_aldera():
    return _kb_from_text(_ALDERA)


@pytest.mark.parametrize(("question", "family"), [
    # the first verb after the subject is the one asked; "helping" only describes the campaign
    ("Which public body kicked off the campaign helping families fix their houses?", "establishes"),
    ("What ministry rolled out the scheme that assists returnees?", "establishes"),
    # "office" is what is asked about, "in charge of" is the relation
    ("Which UN office is in charge of the shelter working group?", "leads"),
    # attending someone's workshop is being trained by them
    ("Officials of which bodies attended the agency's asylum workshops?", "trains"),
    # the "with whom" opener asks a partner only when no verb names the relation
    ("With whom did the agency co-chair the forum?", "coLeads"),
    ("With whom did the agency visit the border?", "partnersWith"),
])
def test_the_relation_asked_is_named_by_the_main_verb(question: str, family: str) -> None:
    assert detect(question).predicates[0] == family


def test_the_body_that_launched_a_campaign_is_not_the_one_that_supported_it(kb_aldera) -> None:
    a = answer("Which public body kicked off the campaign helping families fix their houses?", kb_aldera)
    assert a.text is not None
    assert "Aldera Housing Institute" in a.text or "AHI" in a.text
    assert "UNHCR" not in a.text


def test_bodies_that_attended_a_training_are_those_trained(kb_aldera) -> None:
    a = answer("Staff of which institutions attended UNHCR's refugee law trainings?", kb_aldera)
    assert a.text is not None
    assert "Migration Directorate" in a.text


_CONSULTA = (
    "Through a consultation with 86 people (50 women and 36 men) and regular home visits, the agency "
    "identified the specific needs of groups such as older people, persons with disabilities and indigenous "
    "communities living in the northern districts.\n\n"
    "The agency supported 40 persons with disabilities with assistive devices in the capital.\n\n"
    + _CASH_PARAGRAPH
)


@pytest.fixture(scope="module")
def kb_consulta():
    return _kb_from_text(_CONSULTA)


def test_people_named_after_the_count_must_be_those_counted(kb_consulta) -> None:
    # "86 people" took part; persons with disabilities are named only far after, among other groups
    a = answer("How many persons with disabilities were consulted by the agency?", kb_consulta)
    assert a.text is None or "86" not in a.text
    b = answer("How many persons with disabilities got assistive devices?", kb_consulta)
    assert b.text is not None and "40" in b.text


@pytest.mark.parametrize(("question", "group"), [
    ("How many persons with disabilities were consulted?", {"disabl"}),
    ("How many people of African descent were registered?", {"african", "descent"}),
    ("How many people were consulted with the partners?", set()),
    # the "of" says whom the cases are of, not a group among them
    ("How many cases of people turned back at the border were recorded?", set()),
])
def test_the_group_named_after_the_people_counted(question: str, group: set[str]) -> None:
    from qa.figure_words import people_postmodifier

    assert set(people_postmodifier(question)) == group


_CENTRES = (
    "The Migration Directorate opened four assistance centres for survivors in Ecuador in 2024, with funding "
    "from the European Union.\n\n"
    + _OTHER_PARAGRAPHS
)


def test_cities_asked_are_not_answered_by_a_country() -> None:
    kb = _kb_from_text(_CENTRES)
    a = answer("In which cities did the Migration Directorate open the four assistance centres?", kb)
    assert a.text is None  # not "Ecuador"


@pytest.mark.parametrize("question", [
    "Which agency hides behind the letters AHI?",
    "AHI - what is that institute called in full?",
    "What is the AHI in full?",
])
def test_acronyms_asked_in_other_words(kb_aldera, question: str) -> None:
    assert detect(question).kind == "acronym"
    a = answer(question, kb_aldera)
    assert a.text is not None and "Aldera Housing Institute" in a.text


@pytest.mark.parametrize("question", [
    "Who issued the offer letters that seven candidates received?",
    "Which employers sent letters of offer to the candidates?",
])
def test_letters_of_a_sentence_are_not_the_letters_of_an_acronym(question: str) -> None:
    assert detect(question).kind != "acronym"


_STORM = (
    "In October, Storm Vela struck the southern coast, and 12,000 people lost their homes. The agency "
    "distributed relief items to 4,300 families within two weeks.\n\n"
    "Registration of newborns improved over the year, and the civil registry extended its opening hours by "
    "two months in the southern provinces.\n\n"
    + _CASH_PARAGRAPH
)


def test_a_month_asked_is_found_where_the_text_gives_a_date_not_the_word_month() -> None:
    kb = _kb_from_text(_STORM)
    a = answer("Which month did the storm make landfall?", kb)
    assert a.text == "October"


_CARE = (
    "Survivors of violence can seek help at the Integral Support Centres (ISC) of the Ministry of Women and "
    "Youth Affairs (MWYA). In 2024, the ISCs assisted 1,930 refugee survivors. With support from UNHCR, MWYA "
    "opened three new ISCs in Porto Lume and Vila Serra.\n\n"
    "The Refugee Coordination Forum (RCF) brought together 64 partners in 2024, of which 9 were refugee-led "
    "organizations.\n\n"
    + _OTHER_PARAGRAPHS
)


@pytest.fixture(scope="module")
def kb_care():
    return _kb_from_text(_CARE)


def test_a_count_written_with_an_acronym_answers_for_its_long_form(kb_care) -> None:
    # "three new ISCs": the acronym is the counted noun; "the women's ministry" names MWYA loosely
    a = answer("How many additional support centres did the women's ministry open in 2024?", kb_care)
    assert a.text is not None and "three" in a.text


def test_a_part_asked_is_not_answered_by_another_part(kb_care) -> None:
    a = answer("How many of the forum's 64 partners are UN agencies?", kb_care)
    assert a.text is None or "9" not in a.text
    b = answer("How many of the forum's 64 partners were refugee-led organizations?", kb_care)
    assert b.text is not None and "9" in b.text


_CLAIMS = (
    "The backlog remained the main obstacle. Although the Refugee Board decided 4,410 claims in 2024, 61,200 "
    "claims were still pending at the end of the year.\n\n"
    "With more eligibility officers, the Refugee Board decided 4,410 claims, of which 2,905 resulted in the "
    "recognition of refugee status and 1,120 in a rejection.\n\n"
    + _CASH_PARAGRAPH
)


def test_a_part_asked_after_out_of_is_not_the_whole() -> None:
    kb = _kb_from_text(_CLAIMS)
    a = answer("Out of the claims the Refugee Board ruled on, how many resulted in refugee status being recognised?", kb)
    assert a.text is not None and "2,905" in a.text


@pytest.mark.parametrize(("question", "kind"), [
    ("Where did the baseline stand for the number of people resettled?", "indicator"),
    ("What does the letter pair GV stand for?", "acronym"),
])
def test_stand_for_asks_letters_only_when_no_level_is_asked(question: str, kind: str) -> None:
    assert detect(question).kind == kind


_TWO = (
    "With six more caseworkers, the Refugee Board held nearly 2,400 interviews for registration and 1,310 for "
    "status determination during the year.\n\n"
    "The regional platform's appeal for refugees and migrants requested USD 64 million, of which 41% was "
    "funded by the end of the year.\n\n"
    + _CASH_PARAGRAPH
)


@pytest.fixture(scope="module")
def kb_two():
    return _kb_from_text(_TWO)


@pytest.mark.parametrize(("question", "parts"), [
    ("Did the board run more registration interviews than status determination interviews? Give both counts.",
     ("2,400", "1,310")),
    ("How large was the platform's appeal, and how much of it got funded?", ("64 million", "41%")),
])
def test_a_question_asking_two_figures_gets_both(kb_two, question: str, parts: tuple[str, str]) -> None:
    a = answer(question, kb_two)
    assert a.text is not None
    assert all(p in a.text for p in parts)
    assert a.citations and all(p in a.citations[0].text for p in parts)


_WHOSE_TEXT = (
    "The National Migration Service (NMS) is the authority in charge of documentation. With UNHCR support, the "
    "NMS's network of service desks grew to 14 offices in 2024.\n\n"
    "UNHCR coached Refugee Board staff on interviewing techniques for children and survivors of violence.\n\n"
    + _CASH_PARAGRAPH
)


@pytest.mark.parametrize(("question", "owner"), [
    ("UNHCR helped expand whose network of service desks?", "NMS"),
    ("Whose staff did UNHCR coach on interviewing techniques?", "Refugee Board"),
])
def test_whose_is_answered_by_the_owner_the_text_writes(question: str, owner: str) -> None:
    kb = _kb_from_text(_WHOSE_TEXT)
    a = answer(question, kb)
    assert a.text is not None and owner in a.text
    assert "UNHCR" not in a.text


_PREP_TEXT = (
    "In collaboration with chambers of commerce and local NGOs, the agency raised awareness among employers "
    "about hiring refugees in the capital.\n\n"
    "The agency consulted displaced communities on their priorities through working with women's groups and "
    "youth associations in the northern districts.\n\n"
    + _CASH_PARAGRAPH
)


@pytest.mark.parametrize(("question", "party"), [
    ("Alongside whom did the agency sensitise employers about hiring refugees?", "chambers of commerce and local NGOs"),
    ("Through whom did the agency sound out displaced communities on their priorities?",
     "women's groups and youth associations"),
])
def test_a_preposition_whom_is_answered_by_the_party_after_it(question: str, party: str) -> None:
    kb = _kb_from_text(_PREP_TEXT)
    a = answer(question, kb)
    assert a.text is not None and party in a.text


def test_a_part_written_after_its_figure_answers_the_part_asked() -> None:
    kb = _kb_from_text(
        "Crossing the Serra forest remained dangerous. The agency recorded 61 deaths on the route through the Serra forest during "
        "the year, 9 of them children.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Of those who died crossing the Serra forest, how many were minors?", kb)
    assert a.text is not None and "9" in a.text and "61" not in a.text


def test_a_direction_asked_is_the_compass_word_said_with_the_change_asked() -> None:
    kb = _kb_from_text(
        "Early in the year most crossings went eastwards. In May, thousands were stranded at the Lirian border, "
        "marking a drop in the eastward flow and a later rise in the westward movement.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("After the May stranding at the Lirian border, in which direction did crossings increasingly go?", kb)
    assert a.text == "westward"


def test_a_common_noun_place_can_be_a_hospital() -> None:
    kb = _kb_from_text(
        "Birth registration improved: 93% of refugee children under five were registered, thanks to an agreement "
        "between the civil registry and the Ministry of Health that placed registry officers in nine maternity "
        "hospitals.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Where were civil registry officers posted so that refugee children get their births registered?", kb)
    assert a.text is not None and "maternity hospitals" in a.text


@pytest.mark.parametrize(("question", "area"), [
    ("Which of the four impact areas had the largest fraction of its budget covered by funds?", "IA4: Solve"),
    ("Which of the impact areas got the smallest fraction of its budget funded?", "IA3: Empower"),
])
def test_which_of_the_areas_with_a_superlative_reads_the_budget_table(qa_kb_marovia, question: str, area: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.text is not None and area in a.text


def test_the_currency_of_the_tables_is_the_report_own_note(qa_kb_marovia) -> None:
    a = answer("In which currency are the budget figures given?", qa_kb_marovia)
    assert a.text == "USD"
    assert a.citations and "USD" in a.citations[0].text


def test_a_starting_figure_is_the_baseline(qa_kb_marovia) -> None:
    q = "What was the starting figure for the share of young children whose births were registered?"
    assert detect(q).kind == "indicator" and detect(q).field == "baseline"
    a = answer(q, qa_kb_marovia)
    assert a.text is not None and a.text.startswith("baseline 88.10%")


_WHY_TEXT = (
    "In Aldera, survivors of domestic violence can report to the police, the public prosecutor or the Family "
    "Support Houses (FSH) of the social ministry. Displaced survivors mostly approach the FSHs, where they get "
    "counselling and legal advice without having to press charges.\n\n"
    "Finally, the move of cash assistance to prepaid cards excluded some of the most vulnerable. About 7% of "
    "the selected families lived too far from any shop that accepts the cards.\n\n"
    + _CASH_PARAGRAPH
)


@pytest.mark.parametrize(("question", "reason"), [
    ("Why do displaced survivors of domestic violence prefer the support houses to the police?", "without having to"),
    ("Why did moving cash assistance to prepaid cards leave out some of the most vulnerable families?",
     "too far from any shop"),
])
def test_a_why_answer_includes_the_reason_the_next_sentence_gives(question: str, reason: str) -> None:
    kb = _kb_from_text(_WHY_TEXT)
    a = answer(question, kb)
    assert a.text is not None and reason in a.text


def test_the_country_with_the_fewest_is_found_without_the_word_fewest() -> None:
    kb = _kb_from_text(
        "In 2024, the agency submitted 410 refugees for resettlement (35 to Finland, 96 to Canada, 251 to the United "
        "States and 28 to Portugal), slightly below the quota.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Among the resettlement countries, which one was sent the fewest submissions?", kb)
    assert a.text == "Portugal"


def test_the_noun_counted_may_end_the_question() -> None:
    assert detect("The agency's support to the registry was organised along how many pillars?").unit_terms == ("strand",)
    kb = _kb_from_text(
        "UNHCR supported the Refugee Board through three lines of work: a) financing 19 caseworkers, b) building "
        "a case database, and c) training judges.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("UNHCR's support to the Refugee Board had how many strands?", kb)
    assert a.text is not None and "three" in a.text


def test_travelling_freely_inside_the_country_is_moving_freely_within_it(qa_kb_marovia) -> None:
    a = answer("At baseline, what share of refugees were free to travel around inside the country?", qa_kb_marovia)
    assert a.text is not None and a.text.startswith("baseline 68.10%")


def test_who_else_and_purpose_frame_a_question_and_are_not_looked_for() -> None:
    kb = _kb_from_text(
        "The agency trained 210 people on the code of conduct, including community volunteers, its own staff "
        "and partners.\n\n"
        "The Ministry of Planning set up the Solutions Platform in 2024 to bring development banks into the "
        "response.\n\n"
        + _CASH_PARAGRAPH
    )
    a = answer("Besides community volunteers, who else did the agency train on the code of conduct?", kb)
    assert a.text is not None and "partners" in a.text
    b = answer("What was the planning ministry's purpose in setting up the Solutions Platform?", kb)
    assert b.text is not None and "development banks" in b.text


def test_elapsed_only_frames_a_question_about_a_length_of_time() -> None:
    kb = _kb_from_text(
        "The agency cut the average time between opening a resettlement case and its submission from 120 days "
        "in 2023 to 84 days in 2024.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("In 2023, how many days elapsed on average between opening a resettlement case and submitting it?", kb)
    assert a.text is not None and "120" in a.text


def test_how_many_times_asks_a_multiple_not_an_amount_of_money() -> None:
    assert not detect("Twelve tax units of yearly income equal how many times the minimum wage?").money
    kb = _kb_from_text(
        "Refugees may open a simplified account if their income stays below twelve tax units a year, which is "
        "about 5.2 times the national minimum salary.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Twelve tax units of yearly income equal how many times the minimum wage?", kb)
    assert a.text is not None and "5.2" in a.text


def test_who_runs_a_service_is_read_from_its_owner_in_the_text() -> None:
    kb = _kb_from_text(
        "The Norwegian Refugee Council's legal aid desk, the Puerta Abierta counter, answered 4,300 queries "
        "from returnees in 2024.\n\n"
        "By December, 610 refugee nurses had enrolled in the skills registry of Talent Beyond Borders.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Which organisation operates the Puerta Abierta legal aid counter?", kb)
    assert a.text is not None and "Norwegian Refugee Council" in a.text
    b = answer("Who manages the skills registry that the refugee nurses signed up to?", kb)
    assert b.text is not None and "Talent Beyond Borders" in b.text


def test_a_plural_acronym_followed_by_a_relative_clause_asks_its_long_form() -> None:
    assert detect("What are the RPBs that must approve each relocation?").kind == "acronym"
    kb = _kb_from_text(
        "The decree requires the Regional Planning Boards (RPB) to approve every relocation within ten days.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("What are the RPBs that must approve each relocation?", kb)
    assert a.text is not None and "Regional Planning Boards" in a.text


def test_several_bodies_asked_as_subject_are_all_named_when_written_together() -> None:
    kb = _kb_from_text(
        "UNFPA and UNICEF supported the Office for Gender Equality (OGE) in drafting the referral pathway "
        "for survivors.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Which agencies helped the gender equality office write its referral pathway?", kb)
    assert a.text is not None and "UNFPA" in a.text and "UNICEF" in a.text


def test_the_size_of_a_loan_is_an_amount_of_money() -> None:
    assert detect("How large was the reconstruction loan from the development bank?").money
    kb = _kb_from_text(
        "In October, the Regional Development Bank approved a USD 80 million Reconstruction Loan, and 3,100 "
        "families applied for rebuilding support.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("How large was the reconstruction loan from the development bank?", kb)
    assert a.text is not None and "80 million" in a.text


def test_household_supplies_in_the_first_quarter_are_core_relief_items_in_three_months() -> None:
    kb = _kb_from_text(
        "In the first three months after the floods, the agency handed core relief items to 9,300 people and "
        "repaired 410 shelters for 2,050 people.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("In the first quarter after the floods, how many people got basic household supplies?", kb)
    assert a.text is not None and "9,300" in a.text


def test_jointly_in_charge_asks_who_co_leads_and_the_sentence_need_not_repeat_it() -> None:
    assert detect("Which two bodies are jointly in charge of the returns working group?").predicates[0] == "coLeads"
    kb = _kb_from_text(
        "UNDP co-chairs, together with UNHCR, the Returns and Reintegration Working Group (RRWG), which met "
        "eleven times in 2024.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Which two bodies are jointly in charge of the returns working group?", kb)
    assert a.text is not None and "UNDP" in a.text and "UNHCR" in a.text


def test_a_list_of_funders_runs_past_each_name_s_acronym() -> None:
    kb = _kb_from_text(
        "The programme was financed by the Central Emergency Response Fund (CERF), the Swedish International "
        "Development Cooperation Agency (Sida), Norway and Ireland, among other donors.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Which donors financed the programme?", kb)
    assert a.text is not None
    assert all(name in a.text for name in ("CERF", "Swedish International", "Norway", "Ireland"))


def test_reporters_are_journalists() -> None:
    kb = _kb_from_text(
        "The press monitoring unit reviewed 2,400 articles and trained 61 journalists on ethical reporting "
        "about displacement.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("How many reporters did the press monitoring unit train?", kb)
    assert a.text is not None and "61" in a.text


def test_the_name_of_a_described_thing_is_the_proper_name_written_with_it() -> None:
    kb = _kb_from_text(
        "After the landslides, the welfare ministry extended the Renta Digna emergency allowance to 2,700 "
        "displaced families registered in the social registry.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("What is the name of the emergency allowance the welfare ministry extended to displaced families?", kb)
    assert a.text is not None and "Renta Digna" in a.text and len(a.text) < 40


def test_what_an_acronym_is_called_in_english_asks_its_long_form() -> None:
    kb = _kb_from_text(
        "The Andean Women Collective (CMA), a refugee-led group, ran two safe spaces for survivors.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("CMA runs safe spaces; what is it called in English?", kb)
    assert a.text is not None and "Andean Women Collective" in a.text


def test_the_noun_rules_is_not_the_verb_to_rule() -> None:
    from qa.text import terms

    assert "decid" not in terms("Which rules did the ministry publish?")
    assert "decid" in terms("The commission ruled on 300 appeals.")


def test_an_answer_names_a_body_with_the_acronym_the_cited_text_writes() -> None:
    # the gazetteer knows this bureau by two acronyms; the sentence uses the longer one
    kb = _kb_from_text(
        "UNHCR's work in Aldera was funded by the U.S. Bureau of Population, Refugees, and Migration (BPRM), "
        "Japan and Norway, among other donors.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Which donors funded UNHCR?", kb)
    assert a.text is not None and "(BPRM)" in a.text and "Norway" in a.text


def test_the_initials_of_a_described_thing_are_those_of_its_long_form_not_of_its_owner() -> None:
    kb = _kb_from_text(
        "The Child Rights Units (UDN) of the Ministry of Social Development (MDS) assisted 3,100 children "
        "at risk in 2024.\n\n"
        "The agency supported the Migration Service by opening five Mobile Help Desks (MHD) in border towns.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("The social development ministry has units for child rights - what initials does the text give them?", kb)
    assert a.text is not None and a.text.startswith("UDN")
    b = answer("By what short name are the mobile desks opened for the migration service known?", kb)
    assert b.text is not None and b.text.startswith("MHD")


def test_the_places_of_the_kind_of_office_asked_are_those_listed_after_it() -> None:
    kb = _kb_from_text(
        "The agency kept a country office in Belmonte, sub-offices in Cruz Alta and Vale Verde and field offices "
        "in Porto Fundo and Serra Azul, and reached remote areas through partners.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Apart from Serra Azul, where does the agency run a field office?", kb)
    assert a.text is not None and "Porto Fundo" in a.text
    assert "Serra Azul" not in a.text and "Belmonte" not in a.text and "Cruz Alta" not in a.text


def test_trying_to_do_something_only_frames_a_count_of_ways() -> None:
    kb = _kb_from_text(
        "The agency strengthened the civil registry through four main lines of work: training clerks, "
        "equipping offices, mobile campaigns and a new online appointment system.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("In how many main lines of work did the agency try to strengthen the civil registry?", kb)
    assert a.text is not None and "four" in a.text


def test_at_most_is_a_maximum() -> None:
    from qa.text import terms

    assert "maximum" in terms("How long at most may the review take?")
    assert "minimum" in terms("How many days at least must a claimant wait?")


def test_how_many_field_offices_counts_the_places_listed_after_them() -> None:
    kb = _kb_from_text(
        "The agency kept a country office in Belmonte, sub-offices in Cruz Alta and Vale Verde and field offices "
        "in Porto Fundo, Lagoa Seca and Serra Azul, and reached remote areas through partners.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("How many field offices does the agency have?", kb)
    assert a.text is not None and a.text.startswith("3 ")
    b = answer("How many sub-offices did the agency keep?", kb)
    assert b.text is not None and b.text.startswith("2 ")


def test_the_span_of_a_record_is_read_from_the_sentence_that_states_it() -> None:
    kb = _kb_from_text(
        "Food insecurity among refugee households reached its highest level in more than fifteen years, with "
        "41% of families skipping meals.\n\n"
        "The drought was the longest the region had endured in three decades, according to the weather service.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("The drought was the longest the region had known in how long?", kb)
    assert a.text is not None and "three decades" in a.text
    b = answer("Over what span of time had food insecurity not been that high?", kb)
    assert b.text is not None and "fifteen years" in b.text


def test_a_part_of_the_year_is_answered_as_the_text_says_it() -> None:
    kb = _kb_from_text(
        "Relocation flights were suspended in the second half of the year because of the airport repairs, and "
        "only 140 people travelled.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("During which part of the year were relocation flights put on hold?", kb)
    assert a.text is not None and "second half" in a.text


def test_everyday_words_for_prioritising_and_for_community_groups() -> None:
    kb = _kb_from_text(
        "With less than half of the budget funded, the agency prioritized three areas: shelter, legal aid and "
        "cash for the most vulnerable.\n\n"
        "The agency backed 27 community-based organizations in six provinces.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("How many areas did the agency choose to put first?", kb)
    assert a.text is not None and "three" in a.text
    b = answer("Across how many provinces were the grassroots groups the agency backed spread?", kb)
    assert b.text is not None and "six" in b.text


def test_travellers_are_people_and_ruling_on_claims_is_deciding_them() -> None:
    from qa.text import terms

    assert "decid" in terms("How many appeals did the board rule on?")
    assert "decid" not in terms("What did the new rule on appeals change?")
    kb = _kb_from_text(
        "The agency and UNICEF ran Rest Point hubs at two crossings, which gave information and first aid to "
        "54,300 people in 2024.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("How many travellers got information or first aid at the Rest Point hubs?", kb)
    assert a.text is not None and "54,300" in a.text


def test_the_smallest_share_of_available_money_used_is_a_budget_question() -> None:
    from qa.intent import detect

    assert detect("Which impact area used up the smallest proportion of the money it had available?").kind == "finance"


def test_the_body_responsible_for_a_sector_is_not_the_sector_the_question_names() -> None:
    assert detect("Which agency was responsible for water during the floods?").predicates[0] == "leads"
    kb = _kb_from_text(
        "In the humanitarian team, led by the Resident Coordinator, UNHCR led the Protection Sector during the "
        "floods, while UNICEF led the Water and Sanitation Sector and WFP led the Food Security Sector.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("During the floods, which agency was responsible for water?", kb)
    assert a.text is not None and "UNICEF" in a.text and "Sector" not in a.text


def test_a_count_of_deaths_is_not_read_from_a_sentence_about_something_else() -> None:
    kb = _kb_from_text(
        "The landslides killed 37 people in the hill districts.\n\n"
        "From August, the frost in the highlands left 64,000 people in need of winter assistance.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("How many people died because of the frost in the highlands?", kb)
    assert a.text is None or "64,000" not in a.text


def test_which_bank_s_wallet_is_answered_by_the_owner_written_with_of() -> None:
    kb = _kb_from_text(
        "Of the payments, 91% went into the Monedero Joven digital wallet of the Banco Solidario (BSO), and the "
        "rest were collected in cash.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Through which bank's digital wallet were most payments made?", kb)
    assert a.text is not None and ("Banco Solidario" in a.text or "BSO" in a.text)
    assert "Monedero" not in a.text


def test_people_submitted_for_resettlement_are_not_people_who_departed() -> None:
    kb = _kb_from_text(
        "In 2024, the agency submitted 400 refugees for resettlement (300 to Canada and 100 to Finland), "
        "above the quota of 350.\n\n"
        "Some 2,000 people arrived at the northern border in March.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("How many refugees departed for Finland in 2024?", kb)
    assert a.text is None or "100" not in a.text
    arrived = answer("How many resettled refugees arrived in Finland in 2024?", kb)
    assert arrived.text is None  # the report says who was submitted, not who arrived
    b = answer("How many refugees did the agency submit to Finland in 2024?", kb)
    assert b.text is not None and "100" in b.text


@pytest.mark.parametrize("question", [
    "Who were the programme's main donors last year?",
    "Who were the operation's key donors in 2022?",
])
def test_who_were_asks_for_several_and_the_operation_is_not_a_verb(question: str) -> None:
    intent = detect(question)
    assert intent.plural
    assert "operatesIn" not in intent.predicates


def test_where_an_organisation_operates_is_still_asked() -> None:
    assert "operatesIn" in detect("In which provinces does the agency operate?").predicates


def test_an_actor_asked_with_a_kind_word_is_read_from_the_graph() -> None:
    # "which medical charity operated …" is not worded as a relation question (the kind word comes
    # first), but the actor is still the one the graph relates to the place by that verb
    kb = _kb_from_text(
        "Health\n\nIn June, the district health office declared a measles outbreak in Kessa camp. By the time it "
        "was declared over, 312 cases had been recorded. Medical Relief International (MRI) ran a 60-bed measles "
        "treatment centre in Kessa, while UNHCR and UNICEF supported the district health office with vaccines.\n\n"
        + _OTHER_PARAGRAPHS
    )
    a = answer("Which medical charity operated the treatment centre set up during the Kessa epidemic?", kb)
    assert a.text is not None and "Medical Relief International" in a.text and "UNICEF" not in a.text


def test_a_capitalised_word_keeps_the_noun_that_says_what_they_are(qa_kb_peru) -> None:
    # "coordinate directly with State institutions": "State" alone names no one
    a = answer("With whom could Venezuelan community leaders coordinate directly?", qa_kb_peru)
    assert a.text is not None and "State institutions" in a.text


def test_a_relative_pronoun_is_never_an_answer() -> None:
    # "the Public Defender's Office that, based on …, carried out …": "that" is no name
    kb = _kb_from_text(
        _OTHER_PARAGRAPHS + "\nUNHCR trained 210 teachers on inclusive education in the Kessa region.\n\n"
        "Other actions included support to the Public Defender's Office that, based on 983 complaints, carried out "
        "inspections of the asylum system.\n"
    )
    a = answer("Which law did the Public Defender's Office inspect?", kb)
    assert a.text is None or a.text.strip().lower() != "that"


@pytest.mark.parametrize(("question", "expected"), [
    ("On the executive board of which UN network does UNHCR serve?", "UN Migration Network"),
    ("Which platform's coordination does UNHCR share with IOM?", "Platform"),
])
def test_a_short_form_gives_way_to_the_full_name_that_says_the_kind_asked(qa_kb_peru, question, expected) -> None:
    # the text's short form ("executive committee", "R4V") does not say it is a network or platform
    a = answer(question, qa_kb_peru)
    assert a.text is not None and expected in a.text


def test_the_relation_verb_in_other_words_counts_as_said(qa_kb_nyandara) -> None:
    # "runs" asked, "Windle International manages the DAFI programme" written: the sentence says little
    # else of the question ("tertiary scholarships"), but its verb is the one asked
    a = answer("Which organisation runs the DAFI tertiary scholarships?", qa_kb_nyandara)
    assert a.text is not None and "Windle International" in a.text


@pytest.mark.parametrize(("paragraph", "question", "expected", "absent"), [
    # a team asked for may be named a unit
    ("Solutions\n\nWith the Ministry of Labour, UNHCR consolidated its Local Integration unit in 2024 to widen access "
     "to durable solutions and to speed up the processing of naturalisation files.",
     "Which internal team was strengthened in 2024 to widen access to durable solutions?", "Local Integration", "Ministry"),
    # "which group" next to people set aside asks a group of people, not a body named "Network"
    ("Health\n\nTogether with the Kessa Health Network, the mobile clinics offered medical consultations to refugees "
     "and host communities in the border towns.",
     "Apart from refugees, which group could also see a doctor at the mobile clinics?", "host communit", "Network"),
    # a foundation may carry its name in its own language
    ("Protection\n\nWith the Ministry of Social Development, UNHCR partner Fundación Casa Abierta ran two shelters "
     "for unaccompanied adolescents in the border town of Riva.",
     "Which foundation looked after lone teenagers in the border town?", "Casa Abierta", "Ministry"),
])
def test_the_kind_of_body_asked_for(paragraph: str, question: str, expected: str, absent: str) -> None:
    a = answer(question, _kb_from_text(paragraph + "\n\n" + _OTHER_PARAGRAPHS))
    assert a.text is not None and expected in a.text and absent not in a.text


@pytest.mark.parametrize(("question", "aside"), [
    # a participle between commas describes the subject: "funded by", "helped by" are not asked
    ("Which charity, funded by the embassy, dug the new wells in the valley?", "funds"),
    ("Which group, helped by local teachers, ran the literacy classes?", "supports"),
])
def test_a_participle_between_commas_is_not_the_relation_asked(question: str, aside: str) -> None:
    assert detect(question).predicates[:1] != (aside,)


def test_the_doer_of_a_verb_no_family_knows_is_read_past_a_participle_aside() -> None:
    kb = _kb_from_text(
        "Protecting the watershed was a priority. Green Hands Collective and local youth groups dug 40 wells "
        "along the Ombre valley with money from the Norwegian embassy.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Which charity, supported by young volunteers, dug wells along the valley?", kb)
    assert a.text is not None and "Green Hands Collective" in a.text


def test_the_body_a_report_was_presented_to_is_the_one_after_to() -> None:
    kb = _kb_from_text(
        "Oversight improved. In June, the Office of the Civic Defender (OCD) presented, with UNHCR "
        "support, its second study on hate speech against displaced people to the Legislative Assembly.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("To which body did the Office of the Civic Defender submit its study on hate speech?", kb)
    assert a.text is not None and "Legislative Assembly" in a.text and "UNHCR" not in a.text


def test_the_bodies_reached_through_to_are_listed_with_or() -> None:
    kb = _kb_from_text(
        "Access to justice was uneven. In March, the Domestic Workers Union, with support from the Danish Refugee "
        "Council, submitted complaints to the Labour Inspectorate or the Office of the Ombudsperson.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("To which institutions did the Domestic Workers Union submit complaints?", kb)
    assert a.text is not None and "Labour Inspectorate" in a.text and "Ombudsperson" in a.text
    assert "Danish" not in a.text


def test_a_lender_is_a_bank_or_fund_and_the_government_lent_to_is_named_by_the_question() -> None:
    kb = _kb_from_text(
        "Development finance grew. In June, the Asian Development Bank approved a USD 60 million credit to the "
        "Government of Ostara for water systems in the districts hosting refugees.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Which lender gave the government 60 million dollars for water systems?", kb)
    assert a.text is not None and "Asian Development Bank" in a.text and "Government" not in a.text


def test_a_government_office_asked_may_be_a_directorate() -> None:
    from qa.names import asked_type

    assert asked_type("Which government office widened the permit scheme?") == ("org", ())
    assert asked_type("Which state agency ran the census?") == ("org", ())
    assert detect("Which government office widened the permit scheme?").predicates[:1] != ("operatesIn",)


def test_jointly_with_an_actor_asks_the_co_actor_of_the_main_verb() -> None:
    kb = _kb_from_text(
        "Flood response. In May, UNHCR and the Civil Defence Authority (CDA) opened nine evacuation centres for 1,800 "
        "people in the river towns.\n\n"
        "UNHCR partnered with the Ministry of Planning on the national development plan.\n\n" + _OTHER_PARAGRAPHS)
    assert detect("Together with UNHCR, which body set up the evacuation centres?").predicates[:1] != ("partnersWith",)
    for question in ("Jointly with UNHCR, which public body opened the evacuation centres in May?",
                     "Together with UNHCR, which institution set up the centres for evacuees?"):
        a = answer(question, kb)
        assert a.text is not None and ("Civil Defence Authority" in a.text or "CDA" in a.text)
        assert "Planning" not in a.text


def test_the_year_of_a_goal_is_not_when_something_was_founded() -> None:
    kb = _kb_from_text(
        "Asylum. By 2029, the Refugee Board has the capacity to decide claims in a fair and efficient manner.\n\n"
        + _OTHER_PARAGRAPHS)
    assert answer("In what year was the Refugee Board established?", kb).text is None
    assert answer("When was the Refugee Board created?", kb).text is None


def test_of_two_verbs_of_the_family_the_one_whose_clause_says_the_question() -> None:
    kb = _kb_from_text(
        "Mental health. With UNHCR support, the Ministry of Health trained 60 nurses on first aid, and the Sorvian "
        "Red Crescent (SRC) provided psychosocial support to 900 people in the evacuation centres.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("Which organisation gave psychosocial help to the people in the evacuation centres?", kb)
    assert a.text is not None and ("Sorvian Red Crescent" in a.text or "SRC" in a.text) and "UNHCR" not in a.text


def test_the_bodies_after_with_answer_together_with_which() -> None:
    kb = _kb_from_text(
        "Coordination. The Mixed Movements Group (MMG), co-led by UNHCR and IOM, met monthly and coordinated the "
        "Border Response Plan (BRP) with the Ministry of Interior and the Civil Registry.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("Together with which two state bodies did the MMG coordinate the Border Response Plan?", kb)
    assert a.text is not None and "Ministry of Interior" in a.text and "Civil Registry" in a.text
    assert "IOM" not in a.text


def test_a_question_about_next_year_takes_the_plan_the_text_states() -> None:
    from qa.names import asked_type

    assert asked_type("Which government emergency agency will UNHCR work with?") == ("org", ())
    kb = _kb_from_text(
        "Partnerships. In 2024, UNHCR partnered with the Korea International Cooperation Agency (KOICA) on a "
        "vocational training programme for young refugees.\n\n"
        "Outlook. In 2025, UNHCR will work with the National Civil Protection Agency (NCPA) and the district "
        "councils to include the camps in district contingency plans.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Next year, which government emergency agency will UNHCR team up with to get the camps into "
               "district contingency plans?", kb)
    assert a.text is not None and ("NCPA" in a.text or "National Civil Protection Agency" in a.text)
    assert "KOICA" not in a.text


def test_a_figure_the_question_gives_and_the_sentence_states_makes_the_name_surer() -> None:
    kb = _kb_from_text(
        "Regularization. In March, the Migration Office launched the Temporary Stay Programme for Sorvians (TSPS). "
        "UNHCR supported the TSPS by hiring 37 staff and financing mobile units.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("UNHCR paid for 37 workers to back which scheme run by the migration authority?", kb)
    assert a.text is not None and ("TSPS" in a.text or "Temporary Stay Programme" in a.text)


def test_whose_thing_the_sentence_refers_back_to_is_read_in_the_sentence_before() -> None:
    kb = _kb_from_text(
        "Protection. The Ministry of Family Affairs´s hotline 147 received 9,300 calls in 2024. UNHCR funded three "
        "interpreters for the hotline.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("UNHCR paid for three interpreters working on whose telephone line?", kb)
    assert a.text is not None and "Ministry of Family Affairs" in a.text


def test_a_name_inside_a_chaired_by_phrase_is_not_the_subject() -> None:
    kb = _kb_from_text(
        "Health coverage. In May, the Board of the National Health Fund (NHF), chaired by the Ministry of Health "
        "(MoH), approved Resolution No. 12-2024, which lets refugees enrol in the subsidised scheme.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("Which body approved Resolution No. 12-2024 letting refugees enrol in the subsidised scheme?", kb)
    assert a.text is not None and ("NHF" in a.text or "National Health Fund" in a.text) and "MoH" not in a.text


def test_a_verb_phrase_is_never_the_answer_and_home_to_means_hosts() -> None:
    kb = _kb_from_text(
        "Legal aid. Legal assistance was provided by the Border Legal Network (BLN), a network of five university "
        "clinics. The National University of Ostara (NUO) hosted the main legal clinic in the capital.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("Which university is home to the legal aid network's main clinic in the capital?", kb)
    assert a.text is not None and ("NUO" in a.text or "National University of Ostara" in a.text)
    assert "was provided" not in a.text


def test_the_actor_joined_with_the_one_the_question_names_is_the_answer() -> None:
    kb = _kb_from_text(
        "Livelihoods. In Dalma, UNHCR and the Belmare Chamber of Commerce (BCC) mentored 215 refugee "
        "entrepreneurs who opened small shops.\n\n"
        "Coordination. In the north, UNHCR steered, together with the Danish Refugee Council, the monthly "
        "meetings of the protection sector.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Apart from UNHCR, who coached the refugee shop owners in Dalma?", kb)
    assert a.text is not None and ("BCC" in a.text or "Chamber of Commerce" in a.text) and "UNHCR" not in a.text
    a = answer("Which organisation co-ran, with UNHCR, the monthly protection meetings in the north?", kb)
    assert a.text is not None and "Danish Refugee Council" in a.text


def test_who_sits_on_a_body_is_the_list_after_brings_together() -> None:
    kb = _kb_from_text(
        "Coordination. The Refugee Response Forum (RRF), chaired by the Ministry of the Interior, brings together five "
        "ministries, municipal councils, donors and refugee-led groups. It met four times in the year.\n\n"
        + _OTHER_PARAGRAPHS)
    for question in ("Which bodies make up the refugee response forum?", "Who is represented on the RRF?"):
        a = answer(question, kb)
        assert a.text is not None and "municipal councils" in a.text and "refugee-led groups" in a.text, question


def test_a_community_based_scheme_is_not_a_location_and_checking_in_is_reporting() -> None:
    kb = _kb_from_text(
        "Detention. Under the community-based release scheme, asylum-seekers who would otherwise be "
        "detained live in shelters, with legal counselling and periodic reporting to the Border Police Directorate "
        "(BPD).\n\n" + _OTHER_PARAGRAPHS)
    a = answer("In the community-based release scheme, which authority do the people let out have to check in with "
               "regularly?", kb)
    assert a.text is not None and ("BPD" in a.text or "Border Police Directorate" in a.text)
    assert "locatedIn" not in detect("Under the community-based alternative, which body must released people report "
                                     "to?").predicates


def test_which_agency_joined_the_named_one_in_doing_something_is_its_partner_in_the_act() -> None:
    kb = _kb_from_text(
        "Cash. After the cyclone, UNHCR and UNICEF delivered joint cash transfers to 2,100 affected families in "
        "Nairobi through the common cash platform.\n\n"
        "Coordination. In May, the refugee-led network joined the national coordination platform.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Which UN agency joined UNHCR in paying combined cash grants to families hit by the cyclone?", kb)
    assert a.text is not None and "UNICEF" in a.text


def test_how_many_members_of_a_group_is_a_count_and_the_kind_of_body_asked_must_be_the_kind_counted() -> None:
    kb = _kb_from_text(
        "Law. Parliament held public hearings on the draft asylum law, in which 38 refugees and members of the "
        "refugee-led network took part.\n\n"
        "Coordination. UNHCR and IOM co-lead the Inter-Agency Mobility Group (IAMG), whose membership grew to 58 "
        "organizations in 2024, including 6 refugee-led organizations.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("How many refugees and members of the refugee-led network attended the hearings on the asylum bill?", kb)
    assert a.kind == "number" and a.text is not None and "38" in a.text
    a = answer("How many UN agencies were among the 58 members of the Inter-Agency Mobility Group?", kb)
    assert a.text is None or "organizations" not in a.text


def test_a_body_the_question_describes_by_its_words_is_the_answer_not_the_name_before_it() -> None:
    # "national", "ID" are words of the registry's name: the question describes it, it does not name
    # another body whose partner is asked
    kb = _kb_from_text(
        "Registration. The Office for Refugee Affairs (ORA) registers all new arrivals.\n\n"
        "Identity. In June, the ORA signed an agreement with the National Civil Registry Agency (NCRA) to merge "
        "refugee registration data into the national identity system, and in September NCRA began issuing refugee "
        "identity cards with a national identification number.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Since September, which state body has been handing out the new refugee ID cards that carry a "
               "national number?", kb)
    assert a.text is not None and "NCRA" in a.text and "ORA" not in a.text.split()


def test_legislation_asked_for_is_an_act_or_a_law_by_its_name() -> None:
    # "legislation" and "statute" ask for a law's name, which may be written as an Act
    kb = _kb_from_text(
        "Legal framework. In March, Parliament adopted the Displaced Persons Protection Act 2021, which lets "
        "refugees own land and register businesses.\n\n"
        "Coordination. UNHCR and WFP co-chaired the food security working group.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Which piece of legislation lets refugees own land?", kb)
    assert a.text is not None and "Displaced Persons Protection Act" in a.text
    a = answer("What statute did the legislature pass in March?", kb)
    assert a.text is not None and "Displaced Persons Protection Act" in a.text


def test_carried_out_is_conducted_and_a_passive_without_its_agent_names_no_doer() -> None:
    kb = _kb_from_text(
        "Data. In May, the Bureau of Statistics (BOS) conducted the first household survey of displaced families "
        "in the coastal districts.\n\n"
        "Needs. UNHCR used the survey results to plan its winter support, which was carried out in December.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("Which public body carried out the first household survey of displaced families?", kb)
    assert a.text is not None and ("BOS" in a.text or "Bureau of Statistics" in a.text)
    a = answer("Which organization carried out the winter support?", kb)
    assert a.text is None or "UNHCR" not in a.text


def test_a_thing_referred_back_to_is_answered_by_its_name_highlighted_where_it_is_written() -> None:
    kb = _kb_from_text(
        "Health. UNHCR and WHO helped the health ministry draft the Guideline on Mental Health Care for Displaced "
        "Persons. The Ministry of Health endorsed the above guideline in July and trained 60 nurses on it.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("Which guideline did the Ministry of Health endorse in July?", kb)
    assert a.text is not None and "Guideline on Mental Health Care" in a.text
    cited = a.citations[0]
    assert any("Guideline on Mental Health Care" in cited.text[s:e] for s, e in cited.highlights)


def test_steering_a_body_jointly_with_another_is_co_leading_it() -> None:
    kb = _kb_from_text(
        "Coordination. UNHCR co-chaired, together with the Ministry of Social Affairs (MSA), the Education Cluster, "
        "and took part in the Nutrition Cluster run by UNICEF.\n\n"
        "Health. The Ministry of Health steers the Mental Health Working Group, which UNHCR joined in May.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("Which cluster did UNHCR steer jointly with a ministry?", kb)
    assert a.text is not None and "Education Cluster" in a.text and "Nutrition" not in a.text
    a = answer("Who steers the Mental Health Working Group?", kb)
    assert a.text is not None and "Ministry of Health" in a.text and "UNHCR" not in a.text


def test_two_known_names_joined_by_a_hyphen_are_not_an_unknown_name() -> None:
    kb = _kb_from_text(
        "Cash. After the cyclone, UNHCR and WFP paid joint cash transfers to 2,900 affected households.\n\n"
        + _OTHER_PARAGRAPHS)
    a = answer("How many households got the joint UNHCR-WFP cash transfers?", kb)
    assert a.text is not None and "2,900" in a.text


def test_which_group_operated_a_facility_is_who_ran_it_said_in_other_words() -> None:
    kb = _kb_from_text(
        "Protection. Among the refugee-led groups, the Mothers of Hope Association (MHA) ran women's safe rooms in "
        "Kito and Rema, and the youth club led sports days.\n\n"
        "Coordination. UNHCR took part in the shelter meetings chaired by the district.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Which refugee-led association operated the women-only protection rooms in Kito and Rema?", kb)
    assert a.text is not None and ("MHA" in a.text or "Mothers of Hope" in a.text)


def test_a_law_asked_by_name_is_not_answered_by_a_sentence_naming_none() -> None:
    kb = _kb_from_text(
        "Asylum. The National Asylum Board (NAB), chaired by the interior ministry, cut its backlog from 9,100 to "
        "7,400 claims after adopting a fast-track procedure for claimants from the border.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Which national statute governs the National Asylum Board?", kb)
    assert a.text is None or "backlog" not in a.text


def test_a_data_source_asked_is_the_survey_named() -> None:
    kb = _kb_from_text(
        "Poverty. Using the microdata of the National Household Survey of Displaced Persons (NHSDP), UNHCR estimated "
        "that 41.2% of refugees lived in poverty.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Which data source did UNHCR draw on for its 41.2% poverty estimate for refugees?", kb)
    assert a.text is not None and ("NHSDP" in a.text or "National Household Survey" in a.text)


def test_to_whom_skips_a_purpose_infinitive_for_the_party_after_the_verb() -> None:
    kb = _kb_from_text(
        "Shelter. To speed up the repair of damaged homes, UNHCR sent a draft building code to the Housing Board, "
        "and in June the board published new standards for temporary shelters.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("To whom did UNHCR pass its draft building code?", kb)
    assert a.text is not None and "Housing Board" in a.text and "speed" not in a.text


def test_to_whom_skips_an_infinitive_with_its_object() -> None:
    kb = _kb_from_text(
        "Livelihoods. UNHCR worked hard to reach its targets and handed the microcredit scheme to the Cooperative "
        "Bank of Rema in October.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("To whom was the microcredit scheme handed over?", kb)
    assert a.text is not None and "Cooperative Bank" in a.text and "targets" not in a.text


def test_a_part_of_a_whole_the_question_gives_is_not_a_part_of_another_whole() -> None:
    kb = _kb_from_text(
        "Community. UNHCR funded 40 local associations in 2024.\n\n"
        "Coordination. The protection network brought together 65 partners, of which 14 were women-led "
        "organizations.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("How many of the 40 local associations that UNHCR funded are women-led?", kb)
    assert a.text is None or "14" not in a.text
    b = answer("How many of the 65 partners of the protection network were women-led?", kb)
    assert b.text is not None and "14" in b.text


def test_how_many_of_the_whole_counts_the_wholes_noun() -> None:
    # the figure of the whole ("2,310") is not the noun counted
    assert detect("How many of the 2,310 returnees who got cash were women?").unit_terms == tuple(terms("returnees"))
    assert detect("How many of its 54 clinics are in the north?").unit_terms == ("clinic",)


def test_a_share_of_them_saying_another_thing_does_not_count_the_part_asked() -> None:
    kb = _kb_from_text(
        "Legal aid. Women and children made up most of the caseload. The legal aid desks assisted 1,900 "
        "asylum-seekers in 2024, 58% of them within two days of arrival.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("How many of the 1,900 asylum-seekers helped by the legal aid desks were children?", kb)
    assert a.text is None or "58" not in a.text


def test_a_network_platform_or_forum_asked_may_be_named_by_another_of_those_words() -> None:
    kb = _kb_from_text(
        "Coordination. The Dala Humanitarian Forum (DHF), co-chaired by UNHCR and the district, brought together "
        "41 partners in 2024, of which 9 were local NGOs.\n\n"
        "Livelihoods. The Rema Business Alliance (RBA) grew to 30 companies, which hired 515 refugees during the "
        "year.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Through which platform did 41 partners, 9 of them local NGOs, coordinate their work?", kb)
    assert a.text is not None and ("DHF" in a.text or "Dala Humanitarian Forum" in a.text)
    b = answer("Which employers' network hired 515 refugees?", kb)
    assert b.text is not None and ("RBA" in b.text or "Rema Business Alliance" in b.text)


def test_introducing_a_thing_is_launching_it() -> None:
    kb = _kb_from_text(
        "Documentation. UNHCR discussed delays with the interior ministry and, in June, the Civil Registry Office "
        "(CRO) introduced an online birth certificate that parents can download at home.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("Which public office launched a birth certificate parents can get online?", kb)
    assert a.text is not None and ("CRO" in a.text or "Civil Registry Office" in a.text)


def test_a_second_condition_is_checked_in_another_sentence_naming_the_answer() -> None:
    kb = _kb_from_text(
        "Livelihoods. Access to work improved, mainly because the Ministry of Labour (MoL) allowed refugees "
        "holding a work permit to use its job centres.\n\n"
        "Skills. Some 640 refugees completed courses thanks to an agreement between the Vocational Training "
        "Board (VTB) and the Ministry of Labour that placed instructors in five camps.\n\n" + UNRELATED_PARAGRAPHS)
    a = answer("Which ministry let refugees with work permits use its job centres and also worked with the VTB?", kb)
    assert a.text is not None and ("MoL" in a.text or "Ministry of Labour" in a.text)
    cited = " ".join(c.text for c in a.citations)
    assert "VTB" in cited


@pytest.mark.parametrize(("question", "noun"), [
    # a word after the noun that only starts like a preposition ("in-", "of-", "to-") does not end it
    ("How many RSD interviews did the board hold?", "RSD interviews"),
    ("How many border towns got water trucks?", "border towns"),
    ("How many refugee doctors were licensed?", "refugee doctors"),
    ("How many school officials were trained?", "school officials"),
    ("How many bullying incidents against pupils were reported?", "bullying incidents"),
])
def test_the_counted_noun_ends_at_a_whole_word(question: str, noun: str) -> None:
    assert detect(question).unit_terms == tuple(terms(noun))


def test_a_figure_whose_noun_and_verb_are_left_out_shares_the_first_figures() -> None:
    kb = _kb_from_text(
        "Asylum. With eight new eligibility officers, the Refugee Board could conduct some 900 interviews for "
        "registration and 410 for status determination. It decided 350 cases.\n\n" + _OTHER_PARAGRAPHS)
    a = answer("How many status determination interviews did the Refugee Board conduct?", kb)
    assert a.text is not None and "410" in a.text.split("(")[0]
