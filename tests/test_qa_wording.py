"""Everyday words for a report's terms: "phone line" for helpline, "epidemic" for outbreak, "charity" as an
organisation. The made-up paragraphs and questions are worded unlike the evaluation sets.
"""

from __future__ import annotations

import pytest

from qa import answer
from qa.names import asked_type
from qa.text import terms
from tests.test_qa import UNRELATED_PARAGRAPHS, _kb_from_text

_BELMARE = (
    "Two-way communication with communities improved. The toll-free helpline, operated together with the "
    "Belmare Legal Aid Society (BLAS), took 9,410 calls in four languages during the year.\n\n"
    "In July, the health authorities declared a measles outbreak in the Tessaro camp, which later spread to "
    "two host villages; 2,300 children were vaccinated within a month.\n\n"
    "After the Pellano District Council set aside 900 hectares, the new Ressa settlement opened in October in "
    "the north of the country for 6,000 new arrivals; refugees in Ressa received plots.\n\n"
    "Cash assistance reached 1,200 households in the northern districts during the year.\n\n"
    "The shelter working group met monthly and shared a common needs assessment of the displaced families.\n"
)


@pytest.fixture(scope="module")
def kb_belmare():
    return _kb_from_text(_BELMARE)


@pytest.mark.parametrize(("asked", "written"), [
    ("a free phone line", "the toll-free helpline"),
    ("the hotline", "a helpline"),
    ("the epidemic", "the outbreak"),
    ("small loans", "microloans"),
])
def test_everyday_words_fold_onto_the_reports_term(asked: str, written: str) -> None:
    assert set(terms(asked)) <= set(terms(written))


@pytest.mark.parametrize("question", ["Which charity runs the shelters?", "Which non-profit helped the families?"])
def test_a_charity_is_an_organisation_asked_for(question: str) -> None:
    assert asked_type(question)[0] == "org"


def test_a_phone_line_is_found_as_the_helpline(kb_belmare) -> None:
    a = answer("How many calls did the free phone line receive?", kb_belmare)
    assert a.text is not None and "9,410" in a.text


def test_an_epidemic_is_found_as_the_outbreak(kb_belmare) -> None:
    a = answer("In which camp did the measles epidemic begin?", kb_belmare)
    assert a.text is not None and "Tessaro" in a.text


def test_a_place_of_another_kind_is_not_the_one_asked(kb_belmare) -> None:
    # "Ressa settlement" is the settlement asked about; the district is the one the sentence names
    a = answer("In which district was the new settlement created?", kb_belmare)
    assert a.text is not None and "Pellano" in a.text and "Ressa" not in a.text


_FIGURES = (
    "During the cold season, UNHCR handed 4,260 thermal blankets to families living in the highland camps.\n\n"
    "Of the 2,915 people screened at the border, 640 were referred to legal aid.\n\n"
    "Cash assistance reached 1,200 households in the northern districts during the year.\n"
)


@pytest.mark.parametrize(("question", "expected"), [
    ("UNHCR gave out 4,260 of what in the cold months?", "thermal blankets"),
    ("The report mentions 2,915 in its border section. What does that figure count?", "people screened"),
    ("What does the number 640 correspond to?", "referred to legal aid"),
    ("In the blankets paragraph, what does the overall tally of 4,260 mean?", "thermal blankets"),
    ("Who are the 'some 2,915 people' the border section mentions?", "people screened"),
    ("The number 640 in the border section counts people referred to what?", "legal aid"),
])
def test_a_figure_given_is_read_for_what_it_counts(question: str, expected: str) -> None:
    a = answer(question, _kb_from_text(_FIGURES))
    assert a.text is not None and expected in a.text


def test_a_figure_the_report_never_writes_is_not_explained() -> None:
    a = answer("UNHCR gave out 9,999 of what in the cold months?", _kb_from_text(_FIGURES))
    assert a.text is None or "9,999" not in a.text


_DONORS = (
    "The Halvard Foundation (HF) was the first donor to respond to the floods. Support from the HF and an "
    "allocation of USD 2.1 million from the Northern Relief Pool (NRP) covered the first weeks of the flood "
    "response.\n\n"
    "Cash assistance reached 1,200 households in the northern districts during the year.\n\n"
    # other paragraphs, so that a donor named once is not taken for the report's main actor
    + "".join(f"The shelter working group met in month {i} and updated its needs assessment.\n\n" for i in range(1, 9))
)


def test_a_sum_given_by_another_donor_is_not_the_one_asked() -> None:
    kb = _kb_from_text(_DONORS)
    asked_other = answer("How much money did the Halvard Foundation give for the flood response?", kb)
    assert asked_other.text is None or "2.1 million" not in asked_other.text
    asked_source = answer("How much money did the NRP give for the flood response?", kb)
    assert asked_source.text is not None and "2.1 million" in asked_source.text


_SCOPE = (
    "UNHCR and the health ministry ran vaccination days for refugee children throughout the country in March.\n\n"
    "Legal clinics for asylum-seekers opened in the two border towns of Arvel and Mornay.\n\n"
    "Cash assistance reached 1,200 households in the northern districts during the year.\n"
)


def test_whether_an_activity_reached_the_whole_country() -> None:
    kb = _kb_from_text(_SCOPE)
    a = answer("Were the vaccination days for refugee children held in only some regions or nationwide?", kb)
    assert a.text == "throughout the country"
    # the sentence names places, not the whole country: no "nationwide" answer
    b = answer("Did the legal clinics open in just a few towns or across the whole country?", kb)
    assert b.text is None or "country" not in b.text


@pytest.mark.parametrize(("question", "expected"), [
    # the figure given, the thing asked: what those people got, which way produced it
    ("What did 2,915 people get at the border?", "screened"),
    ("Which kind of aid went to 4,260 families in the highland camps?", "thermal blankets"),
])
def test_a_figure_given_names_the_thing_asked(question: str, expected: str) -> None:
    a = answer(question, _kb_from_text(_FIGURES))
    assert a.text is not None and expected in a.text


_HOSTED = (
    "According to data from the Office of the Refugee Registrar, the country hosted 91,400 refugees by the end of "
    "2024. Of them, 61,200 were from Orland and 30,200 from other countries.\n\n"
    "UNHCR ran its operation from a country office and three field offices, with 210 staff at the end of the year.\n\n"
    "Cash assistance reached 1,200 households in the northern districts during the year.\n"
)


def test_them_after_a_figure_are_what_that_figure_counts() -> None:
    # "Of them" are the refugees of the sentence before, not the registrar's officials
    a = answer("What was the size of UNHCR's workforce in the country at year end?", _kb_from_text(_HOSTED))
    assert a.text is not None and "210" in a.text


_NUTRITION = (
    "Malnutrition rose in the camps. In total, 2,140 children under five were admitted for treatment of severe "
    "malnutrition, and 96% of them recovered.\n\n"
    "Cash assistance reached 1,200 households in the northern districts during the year.\n"
)


def test_an_age_limit_is_not_the_count() -> None:
    a = answer("How many small children were treated for severe malnutrition?", _kb_from_text(_NUTRITION))
    assert a.text is not None and "2,140" in a.text


_VARDA = (
    "Funding fell short during the year. Thanks to the steady engagement of its local partners, the operation "
    "kept legal counselling open in every province.\n\n"
    "The border monitoring network expanded to six crossing points, and monitors interviewed 3,400 people.\n\n"
    "UNHCR trained 210 teachers on inclusive education in the Varda region.\n"
)


@pytest.fixture(scope="module")
def kb_varda():
    return _kb_from_text(_VARDA)


def test_a_paraphrased_question_gets_the_sentence_that_answers_it(kb_varda) -> None:
    # few of the question's words are in the sentence ("whose engagement … stay open"), so no short
    # answer is sure enough; the sentence itself is the answer rather than an abstention
    a = answer("Whose engagement allowed legal counselling to stay open?", kb_varda)
    assert a.text is not None and "local partners" in a.text
    assert a.citations and "local partners" in a.citations[0].text


def test_a_sentence_on_another_subject_is_still_no_answer(kb_varda) -> None:
    assert answer("Which bank financed the new solar plant?", kb_varda).text is None


def test_a_place_named_by_what_happened_there_keeps_its_description() -> None:
    kb = _kb_from_text(
        "Health services were stretched during the year.\n\nIn the second half of the year, malaria cases rose "
        "sharply in the districts hit by the heavy rains, while clinics ran out of rapid tests.\n"
    )
    a = answer("Where did malaria cases rise sharply in the second half of the year?", kb)
    assert a.text is not None and "hit by the heavy rains" in a.text and "clinics" not in a.text


def test_what_a_question_sets_aside_need_not_be_in_the_answer() -> None:
    # "beyond Sudanese refugees, who else …": the passage that answers speaks of the others only
    kb = _kb_from_text(
        "Coordination\n\nThe Regional Coordination Platform (RCP) assisted Sudanese refugees and host communities "
        "in 2022.\n\nCash assistance reached 1,200 households in the northern districts during the year.\n\n"
        "In 2023, the RCP response in Varda also included refugees of other nationalities crossing the northern "
        "border.\n"
    )
    a = answer("Beyond Sudanese refugees, who else did the RCP response start covering in 2023?", kb)
    assert a.text is not None and "other nationalities" in a.text


@pytest.mark.parametrize(("question", "ruled"), [
    ("Apart from Venezuela, which country sent refugees?", "Venezuela"),
    ("Beyond job placement, what other help did refugees get?", "job placement"),
    ("Besides NGOs, which bodies took part in the fairs?", "NGOs"),
])
def test_the_words_a_question_sets_aside(question: str, ruled: str) -> None:
    from qa.text import ruled_out

    assert [question[a:b] for a, b in ruled_out(question)] == [ruled]


def test_a_nationality_is_found_as_its_country(qa_kb_peru) -> None:
    # "displaced Venezuelans" asked; the section on livelihoods writes "people from Venezuela"
    a = answer("According to the livelihoods section, how widespread is informality among displaced Venezuelans?",
               qa_kb_peru)
    assert a.text is not None and "80%" in a.text and "Venezuela" in a.text


_TANA = (
    "Emergencies\n\nCash assistance reached 1,200 households in the northern districts during the year.\n\n"
    "The shelter working group met monthly and shared a common needs assessment of the displaced families.\n\n"
    "UNHCR trained 210 teachers on inclusive education in the Kessa region.\n\n"
    "With funding from the Government of Norway, UNHCR drilled a new borehole in Kessa camp that serves 9,000 "
    "people.\n\nWhen the Tana river flooded in May, 620 cases of diarrhoea and 41 deaths were recorded in the camps.\n"
)


def test_which_government_asks_for_a_state_not_the_agency_it_paid() -> None:
    a = answer("Which government paid for the borehole in Kessa?", _kb_from_text(_TANA))
    assert a.text is not None and "Norway" in a.text and "UNHCR" not in a.text


def test_how_many_died_is_counted_by_the_deaths() -> None:
    a = answer("How many people died when the Tana river flooded?", _kb_from_text(_TANA))
    assert a.text is not None and "41" in a.text and "620" not in a.text


@pytest.mark.parametrize(("question", "kind"), [
    ("Which government financed the project?", "actor"),
    ("Which government office registers asylum claims?", "org"),
])
def test_government_is_the_kind_asked_unless_it_qualifies_another_noun(question: str, kind: str) -> None:
    assert asked_type(question)[0] == kind


@pytest.mark.parametrize(("question", "verb"), [
    ("On how many claims did the national status determination body issue decisions?", "decided"),
    ("How many appeals did the regional refugee appeals board take decisions on?", "decided"),
])
def test_the_verb_asked_after_a_long_subject_or_a_light_verb(question: str, verb: str) -> None:
    from qa.signals import asked_verb

    assert asked_verb(question) == verb


def test_a_body_named_in_a_hyphenated_participle_is_found() -> None:
    # "the VHF-funded clinic": the reports name VHF; "VHF-funded" is not a name they must contain
    kb = _kb_from_text(_TANA + "\nThe Varda Health Fund (VHF) financed a clinic in Kessa that treated 4,100 patients "
                       "in 2023.\n")
    a = answer("How many patients did the VHF-funded clinic in Kessa treat?", kb)
    assert a.text is not None and "4,100" in a.text


@pytest.mark.parametrize(("question", "kind"), [
    ("Which district saw refugees displaced when the river overflowed?", "location"),
    ("In which town were people evacuated when the dam broke?", "location"),
    ("When did the floods hit the camps?", "number"),
    ("Since when has the office been open?", "number"),
])
def test_when_asks_for_a_date_only_as_the_question_word(question: str, kind: str) -> None:
    from qa.intent import detect, rewrite

    assert detect(rewrite(question)).kind == kind



@pytest.mark.parametrize(("question", "money"), [
    ("What was the total value of the agreements UNHCR signed with six groups?", True),
    ("What was the value of the grants awarded to refugee entrepreneurs?", True),
    ("What was the baseline value of the enrolment indicator?", False),
])
def test_the_value_of_agreements_is_a_sum_of_money(question: str, money: bool) -> None:
    from qa.intent import detect, rewrite

    assert detect(rewrite(question)).money is money


def test_the_places_of_the_kind_of_office_asked() -> None:
    # "sub-offices in A and B and field\noffices in C, D and E": the field offices are C, D and E
    kb = _kb_from_text(_TANA + "\nUNHCR has a country office in Varda City, sub-offices in Kessa and Tana and field\n"
                       "offices in Orla, Bimsa and Upper Tana, with 210 staff at the end of the year.\n")
    a = answer("Where are UNHCR's field offices located?", kb)
    assert a.text is not None and "Orla" in a.text and "Kessa" not in a.text


def test_a_place_name_ending_like_a_nationality_is_still_a_place() -> None:
    # "in Bundi" is a place, though "-i" ends nationality words too ("Somali", "Iraqi")
    kb = _kb_from_text(_TANA + "\nThe Kessa centre, designed for 3,000 people, hosted up to 8,900 people in May, and "
                       "UNHCR opened a second reception area in Bundi with funding from Japan.\n")
    a = answer("Where did UNHCR open a second reception area?", kb)
    assert a.text is not None and "Bundi" in a.text and "Japan" not in a.text


def test_the_place_paid_for_by_the_body_the_question_names() -> None:
    # two sentences say where UNHCR opened reception sites; the question's funder picks one
    kb = _kb_from_text(_TANA + "\nUNHCR and the district council opened two new reception centres in Kessa and Orla "
                       "in March.\n\nThe Kessa centre, designed for 3,000 people, hosted up to 8,900 people in May, and "
                       "UNHCR opened a second reception area in Bundi with funding from ECHO.\n")
    a = answer("Where did UNHCR open a reception site with money from ECHO?", kb)
    assert a.text is not None and "Bundi" in a.text and "Orla" not in a.text


def test_an_adjective_the_reports_never_use_is_no_unknown_thing(qa_kb_peru) -> None:
    # "their original location": the thing is a location; "original" only describes it
    a = answer("In which city could submitted refugees continue resettlement processing, whatever their original "
               "location?", qa_kb_peru)
    assert a.text is not None and "Lima" in a.text


def test_fixed_houses_are_the_repaired_ones() -> None:
    kb = _kb_from_text(_TANA + "\nAfter the storm, the Kessa Shelter Trust and UNHCR repaired 230 houses of refugee "
                       "families in the neighbourhood of Las Palmas.\n")
    a = answer("How many houses did UNHCR fix after the storm?", kb)
    assert a.text is not None and "230" in a.text


def test_a_donor_government_is_a_government_not_the_agency_it_funded() -> None:
    kb = _kb_from_text(_TANA + "\nMicrocredit from the Kessa Savings Union was backed by a guarantee fund set up by "
                       "UNHCR with funding from the Government of Norway.\n")
    a = answer("Which donor government provided the money for the guarantee fund behind the Savings Union's "
               "microcredit?", kb)
    assert a.text is not None and "Norway" in a.text and "UNHCR" not in a.text


def test_a_why_answer_cut_to_length_keeps_the_reason_at_the_end_of_a_long_sentence() -> None:
    kb = _kb_from_text(
        "Assistance\n\nThrough its mobile teams and a case management approach based on each family's specific needs, "
        "the operation supported some 12,400 refugees in the northern districts in obtaining health care, school "
        "places, legal counselling, winter clothing and cash grants for rent, with extra rounds organised during the "
        "floods of March and the landslides of October, while focused on families without access to any state social "
        "protection programme.\n\nCash assistance reached 1,200 households in the northern districts during the year.\n"
    )
    a = answer("Why did the mobile teams' help with health care, school places and rent go to some families and not "
               "to all?", kb)
    assert a.text is not None and "without access to any state social protection" in a.text and len(a.text) <= 300


def test_an_initiative_named_by_the_figure_it_reached_is_read_from_the_sentence_printing_it() -> None:
    # "a UNHCR-supported initiative": the report's own agency needs no naming in the sentence
    kb = _kb_from_text(
        "Community\n\nThe mobile legal clinics toured the southern provinces (42 clinic days, reaching 5,600 people).\n\n"
        "UNHCR trained 210 teachers on inclusive education in the Kessa region.\n\n"
        "UNHCR supported women's groups, whose members held 70% of the leadership roles in the activities supported by "
        "UNHCR.\n\nUNHCR distributed 4,260 thermal blankets to families living in the highland camps.\n\n"
        "UNHCR and its partners registered 8,100 asylum-seekers at the border.\n"
    )
    a = answer("Which UNHCR-supported initiative reached some 5,600 people?", kb)
    assert a.text is not None and "mobile legal clinics" in a.text


def test_what_the_people_of_a_quoted_figure_did_is_read_around_the_figure() -> None:
    kb = _kb_from_text(
        "Advocacy\n\nOther actions included support to the Public Defender's Office that, based on the cases of 740 "
        "refugees, carried out supervisory visits to the asylum and migration offices of the four border provinces and "
        "advocated for protection-oriented rules, including the waiver of overstay penalties through which 18,500 "
        "people could finally renew their residence permits.\n\n"
        "Cash assistance reached 1,200 households in the northern districts during the year.\n"
    )
    a = answer("The Public Defender's advocacy is linked to a figure of 18,500 people. What were those people able "
               "to do?", kb)
    assert a.text is not None and "renew their residence permits" in a.text and len(a.text) <= 300


def test_a_question_opening_with_a_preposition_does_not_make_it_a_name() -> None:
    # "Inside the OCHA-led network, …": "Inside" is no part of a name the cited text must write
    kb = _kb_from_text(
        "Emergencies\n\nWithin the Coastal Relief Network (CRN) led by OCHA, UNHCR contributed to the response to "
        "Hurricane Vela and to the preparedness for the rainy season.\n\nCash assistance reached 1,200 households in "
        "the northern districts during the year.\n"
    )
    a = answer("Inside the OCHA-led relief network, which hurricane response did UNHCR contribute to?", kb)
    assert a.text is not None and "Vela" in a.text


@pytest.mark.parametrize(("question", "expected", "absent"), [
    ("Which type of complaint was the rarest at the legal clinics?", "school access", "housing"),
    ("Which kind of complaint was most common at the legal clinics?", "housing", "school access"),
])
def test_the_kind_listed_with_the_largest_or_smallest_share(question: str, expected: str, absent: str) -> None:
    kb = _kb_from_text(
        "Protection\n\nIn 2024, the legal clinics handled 2,310 complaints. The most frequent type of complaint was "
        "about housing, with 46.1%, followed by labour disputes (31.2%), documentation (20.3%) and school access "
        "(2.4%).\n\nCash assistance reached 1,200 households in the northern districts during the year.\n"
    )
    a = answer(question, kb)
    assert a.text is not None and expected in a.text and absent not in a.text


@pytest.mark.parametrize(("asked", "written"), [
    ("locked up", "detained"),
    ("freed", "released"),
    ("secure", "safe"),
    ("at night", "after dark"),
    ("on their own", "alone"),
    ("handed out", "distributed"),
    ("handed out", "issued"),
    ("supplied meals", "provided food"),
])
def test_plain_words_fold_onto_the_reports_verbs(asked: str, written: str) -> None:
    from qa.text import one_word_verbs
    assert set(terms(one_word_verbs(asked))) & set(terms(written))


def test_people_detained_and_released_are_counted_when_asked_in_plain_words() -> None:
    kb = _kb_from_text(
        "Legal aid reached the border towns. The Bar Association of Velmar assisted 1,450 asylum-seekers, of whom "
        "380 were detained for irregular entry and released after their cases were referred to the refugee office."
        "\n\n" + _BELMARE)
    a = answer("How many of the asylum-seekers who were locked up for entering irregularly were later freed?", kb)
    assert a.text is not None and "380" in a.text


def test_a_relative_whose_in_an_acronym_question_does_not_ask_an_owner() -> None:
    kb = _kb_from_text(
        "Protection training continued. UNHCR trained 140 officials of the Ministry of Social Affairs (MSA), the "
        "National Police (NP) and the Office of the Public Prosecutor (OPP) on the referral of survivors.\n\n"
        + _BELMARE)
    a = answer("What does OPP stand for, one of the bodies whose officials learned about referrals?", kb)
    assert a.text is not None and "Public Prosecutor" in a.text


def test_a_ministry_with_a_long_title_is_named_by_its_first_portfolio() -> None:
    kb = _kb_from_text(
        "Social protection widened. The Ministry of Family and Social Inclusion (MFSI) enrolled 5,300 refugee "
        "households in the national cash transfer registry.\n\n" + _BELMARE)
    a = answer("How many refugee households did the family ministry enrol in the cash transfer registry?", kb)
    assert a.text is not None and "5,300" in a.text
    assert any("ministry-of-family" in iri for iri in kb._lookup("the family ministry"))


def test_upgrading_a_facility_is_improving_it() -> None:
    assert set(terms("upgrades")) & set(terms("improvement"))
    assert set(terms("refurbished")) & set(terms("upgraded"))


def test_the_one_place_that_meets_both_conditions() -> None:
    kb = _kb_from_text(
        "Mobile registration teams visited Corvale, Sarnia and Ottavia, where 4,200 people received identity cards.\n\n"
        "UNHCR repaired eleven schools in Sarnia and Belmonte after the storms.\n\n"
        "The regional consultation on mixed movements was held in Ottavia in March.\n\n" + _BELMARE)
    a = answer("Which town both received the mobile registration teams and had schools repaired by UNHCR?", kb)
    assert a.text is not None and "Sarnia" in a.text
    assert "Corvale" not in a.text and "Belmonte" not in a.text
    a = answer("In which town did the mobile teams hand out identity cards and did the regional consultation also "
               "take place?", kb)
    assert a.text is not None and "Ottavia" in a.text and "Sarnia" not in a.text


@pytest.mark.parametrize("question", [
    "What lay behind the fall in school enrolment?",
    "What held back the rollout of the new identity cards?",
    "What kept the clinics from opening on time?",
    "What fuelled the rise in tensions in the border towns?",
])
def test_what_lay_behind_or_held_back_asks_a_reason(question: str) -> None:
    from qa.intent import detect

    assert detect(question).kind == "why"


def test_what_delayed_a_response_is_read_from_the_sentence_giving_the_cause() -> None:
    kb = _kb_from_text(
        "The cyclone response started late. The distribution of shelter kits in Marlo district was delayed by "
        "three weeks because the warehouse in the capital had run out of tarpaulins.\n\n" + _BELMARE)
    a = answer("What held up the handing out of shelter kits in Marlo district?", kb)
    assert a.text is not None and "tarpaulins" in a.text


@pytest.mark.parametrize("phrase", ["nine out of every ten", "about eight in 10 of", "the lion's share of", "the vast majority of"])
def test_most_of_said_as_a_fraction_or_an_idiom(phrase: str) -> None:
    from qa.intent import rewrite

    assert "most of" in rewrite(f"Which city received {phrase} the new arrivals?")


def test_the_country_that_took_most_from_a_breakdown_after_the_sentence_saying_what_it_counts() -> None:
    kb = _kb_from_text(
        "Resettlement grew. In 2024, 610 refugees left the country for resettlement. Of these, 40 went to Finland, "
        "75 to Ireland and 495 to Sweden.\n\n" + _BELMARE)
    a = answer("Which nation received roughly eight out of every ten of the refugees resettled in 2024?", kb)
    assert a.text is not None and "Sweden" in a.text and "Finland" not in a.text


def test_an_objective_is_a_target_and_papers_are_documents() -> None:
    from qa.intent import detect

    assert detect("What objective was set for the share of children enrolled in school?").field == "target"
    assert detect("What was the objective of the new law?").field != "target"
    assert detect("To what level did UNHCR hope to bring the unemployment rate?").field == "target"
    assert set(terms("papers")) & set(terms("documents"))


def test_an_acronym_asked_with_a_dash_and_a_relative_clause() -> None:
    from qa.intent import detect

    assert detect("DRB — which body is this, whose staff were trained on the new procedure?").kind == "acronym"


def test_kinds_of_body_count_each_other_and_plain_words_for_needs_and_results() -> None:
    from qa.intent import rewrite
    from qa.names import asked_type
    from qa.text import one_word_verbs

    kb = _kb_from_text("Protection networks grew. The Safe Route Network (SRN) is made up of 27 organizations.\n\n"
                       + _BELMARE)
    a = answer("How many groups belong to the Safe Route Network?", kb)
    assert a.text is not None and "27" in a.text
    assert "tribunal" in asked_type("Which court hears the appeals?")[1]
    assert "were" in rewrite("How many turned out to be children?")
    assert set(terms(one_word_verbs("special needs"))) == set(terms("specific needs"))


def test_a_rate_in_the_clause_after_a_semicolon_speaks_of_the_clause_before() -> None:
    from pathlib import Path

    from graph.extract import extract
    from ingest import read_report
    from qa.kb import KnowledgeBase

    doc = read_report(Path(__file__).parent / "data" / "reports" / "unhcr-arr-2022-calderra.txt")
    kb = KnowledgeBase({doc.report.id: doc}, {doc.report.id: extract(doc)})
    a = answer("How reliably did refugee borrowers repay FUNDAMIC's microloans - what repayment rate was achieved?", kb)
    assert a.text is not None and "96%" in a.text


def test_a_local_council_is_a_local_government_and_studying_is_being_enrolled() -> None:
    kb = _kb_from_text(
        "Land and schooling. The Vessa District Local Government allocated 900 hectares for the new Ombra camp.\n\n"
        "In 2024, 3,150 over-age learners were enrolled in the bridging education programme.\n\n" + _BELMARE)
    a = answer("Which local council handed over the land for the new Ombra camp?", kb)
    assert a.text is not None and "Vessa District Local Government" in a.text
    a = answer("How many over-age children were studying in the bridging programme?", kb)
    assert a.text is not None and "3,150" in a.text


def test_of_the_whole_first_then_how_many_reads_the_part_written_with_that_whole() -> None:
    kb = _kb_from_text(
        "Community structures. The Refugee Youth Forum grew to 34 member associations. Young women chaired 21 of the "
        "34 associations, and 60% of them received small grants.\n\n" + _BELMARE)
    a = answer("Of the 34 groups in the youth forum, how many are led by young women?", kb)
    assert a.text is not None and "21" in a.text


@pytest.mark.parametrize(("asked", "written"), [
    ("the storm", "the cyclone"),
    ("a surge in arrivals", "a rise in arrivals"),
    ("hostility towards refugees", "xenophobic incidents"),
    ("media coverage turned hostile", "coverage became more negative"),
])
def test_words_for_disasters_surges_and_hostility(asked: str, written: str) -> None:
    assert set(terms(asked)) & set(terms(written)) - set(terms("the a in towards refugees arrivals coverage media"))


def test_a_part_named_after_of_whom_is_not_another_part_asked() -> None:
    kb = _kb_from_text(
        "Participation. In June, 860 representatives were elected to the camp committees, of whom 410 were women.\n\n"
        "Health. The clinics attended 12,400 patients, of which 64.5% were women.\n\n" + _BELMARE)
    assert answer("Of the 860 people elected to the camp committees, how many were under 25?", kb).text is None
    assert answer("What share of the 12,400 patients seen by the clinics were children?", kb).text is None
    a = answer("Of the 860 people elected to the camp committees, how many were women?", kb)
    assert a.text is not None and "410" in a.text


def test_a_running_total_does_not_answer_one_year_alone() -> None:
    kb = _kb_from_text(
        "Energy. Refugees reported feeling safer at night thanks to the 1,900 solar lamps installed in the camps "
        "since 2021.\n\n" + _BELMARE)
    assert answer("How many solar lamps were put up in the camps in 2024 alone?", kb).text is None
    a = answer("How many solar lamps have been installed in the camps since 2021?", kb)
    assert a.text is not None and "1,900" in a.text


def test_where_is_not_answered_by_a_body_the_graph_relates_to_a_place(qa_kb_nyandara) -> None:
    a = answer("Besides the new Lwamba settlement, where were close to 2,000 further households given plots?",
               qa_kb_nyandara)
    assert a.text is not None and "UNHCR" not in a.text and "Obuya" in a.text


def test_a_year_written_only_as_the_comparison_is_not_the_year_of_the_figure() -> None:
    kb = _kb_from_text(
        "Education. Across the three camps, 4,150 refugee children sat their primary leaving exams during the "
        "year, 35% more than in 2022.\n\n" + _BELMARE)
    assert answer("How many refugee pupils took the primary leaving exams back in 2022?", kb).text is None
    a = answer("How many refugee pupils took the primary leaving exams?", kb)
    assert a.text is not None and "4,150" in a.text
    a = answer("By how much did the number of pupils sitting primary leaving exams rise compared with 2022?", kb)
    assert a.text is not None and "35%" in a.text


def test_which_towns_is_not_answered_by_a_count_of_towns_or_by_the_organisers() -> None:
    kb = _kb_from_text(
        "Sport. On World Refugee Day, the Belmare Legal Aid Society (BLAS) and UNHCR organised football "
        "tournaments for 3,100 young people in seven towns.\n\n" + _BELMARE)
    assert answer("Which towns hosted the football tournaments that BLAS and UNHCR put on for young people?", kb).text is None
    assert answer("In which towns were the World Refugee Day football tournaments played?", kb).text is None
    a = answer("For how many young people were football tournaments organised on World Refugee Day?", kb)
    assert a.text is not None and "3,100" in a.text


def test_a_figure_given_in_one_sentence_and_asked_about_in_the_next() -> None:
    kb = _kb_from_text(
        "Health. The mobile clinics made 2,450 home visits in the rainy season.\n\n"
        "Education. After school, 75 refugee volunteers read with younger pupils under the reading-mentors scheme.\n\n"
        + _BELMARE)
    a = answer("The health chapter mentions 2,450. What is being counted?", kb)
    assert a.text is not None and "home visits" in a.text
    a = answer("The education chapter speaks of 75 volunteers. What scheme were they part of?", kb)
    assert a.text is not None and "reading-mentors" in a.text


def test_a_count_asked_is_not_answered_by_a_percentage() -> None:
    kb = _kb_from_text(
        "Livelihoods. Women made up 58% of those placed in jobs through the apprenticeship scheme.\n\n" + _BELMARE)
    assert answer("How many people were placed in jobs through the apprenticeship scheme altogether?", kb).text is None
    a = answer("What proportion of the people placed in jobs by the apprenticeship scheme were women?", kb)
    assert a.text is not None and "58%" in a.text


def test_of_two_acronyms_the_one_after_the_colon_is_asked() -> None:
    kb = _kb_from_text(
        "Health. Since March, refugees who hold a Humanitarian Stay Card (HSC) may enrol in the National Health "
        "Fund (NHF) on the same terms as nationals.\n\n" + _BELMARE)
    a = answer("Holders of an HSC may now sign up with the NHF: what is the NHF spelled out?", kb)
    assert a.text is not None and "National Health Fund" in a.text and "Humanitarian Stay Card" not in a.text


def test_head_office_field_offices_soup_kitchens_and_taking_over() -> None:
    kb = _kb_from_text(
        "Presence. UNHCR maintained a country office in Dalma, a sub-office in Ressa and field offices in Tovi "
        "and Kamo.\n\n"
        "Food. Refugee volunteers ran a community kitchen in Kamo that served 900 meals a day after the floods.\n\n"
        "Water. In Tovi, the piped water network was transferred to the Belmare Water Board in May.\n\n" + _BELMARE)
    a = answer("Where is UNHCR's head office in the country?", kb)
    assert a.text is not None and "Dalma" in a.text and "Tovi" not in a.text
    a = answer("In which towns does UNHCR run field offices?", kb)
    assert a.text is not None and "Tovi" in a.text and "Kamo" in a.text and "Dalma" not in a.text
    a = answer("In which town did refugee volunteers open a soup kitchen after the floods?", kb)
    assert a.text is not None and "Kamo" in a.text
    a = answer("Where did the water board take over running the piped network?", kb)
    assert a.text is not None and "Tovi" in a.text


def test_going_home_of_their_own_accord_is_returning_voluntarily() -> None:
    kb = _kb_from_text(
        "Solutions. During the year, 1,140 refugees returned voluntarily to Norland with UNHCR support, while "
        "310 were resettled.\n\n" + _BELMARE)
    a = answer("How many refugees went back home of their own accord?", kb)
    assert a.text is not None and "1,140" in a.text


def test_a_month_asked_is_not_answered_by_a_sentence_without_one() -> None:
    kb = _kb_from_text(
        "Livelihoods. The Ministry of Labour set up a job-matching desk for refugees in the capital, which placed "
        "420 people.\n\nEducation. In March, the Ministry of Education opened two evening schools for refugee "
        "adults.\n\n" + _BELMARE)
    assert answer("In which month did the labour ministry open its job-matching desk for refugees?", kb).text is None
    a = answer("In what month did the education ministry open the evening schools for refugee adults?", kb)
    assert a.text is not None and "March" in a.text


def test_a_part_listed_after_a_colon_and_whose_quoted_campaign() -> None:
    kb = _kb_from_text(
        "Resettlement. UNHCR submitted 1,950 refugees for resettlement in 2024, above the quota of 1,800: 1,200 to "
        "Norway, 500 to Chile and 250 to Spain.\n\n"
        "Education. UNHCR backed the Ministry of Education´s “Learning Never Stops” campaign in 40 schools.\n\n"
        + _BELMARE)
    a = answer("How many refugees were put forward to Chile for resettlement?", kb)
    assert a.text is not None and a.text.startswith("500")
    assert answer("How many children were among the 1,950 refugees submitted for resettlement?", kb).text is None
    a = answer("Whose 'Learning Never Stops' campaign did UNHCR back?", kb)
    assert a.text is not None and "Ministry of Education" in a.text


def test_a_targeting_exercise_is_not_a_target() -> None:
    kb = _kb_from_text(
        "Food. After the ration cut, UNHCR and WFP ran a joint targeting exercise. Of the 96,000 refugees receiving "
        "food aid, 31,000 were classified as most vulnerable.\n\n" + _BELMARE)
    a = answer("How many refugees in all were getting food aid at the time of the joint targeting exercise?", kb)
    assert a.text is not None and "96,000" in a.text


def test_figures_relying_on_data_supplied_by_an_office_and_disaster_alerts() -> None:
    kb = _kb_from_text(
        "Context. According to UNHCR´s figures, based on data from the National Asylum Office (NAO), the country "
        "hosted 88,400 refugees at the end of the year.\n\n"
        "Climate. UNHCR will work with the civil protection agency to include refugees in the early warning systems "
        "of Norte Verde and Alto Rio.\n\n" + _BELMARE)
    a = answer("The refugee population figures rely on data supplied by which government office?", kb)
    assert a.text is not None and ("NAO" in a.text or "National Asylum Office" in a.text)
    a = answer("In which departments does UNHCR plan to get refugees covered by disaster alerts?", kb)
    assert a.text is not None and "Norte Verde" in a.text and "Alto Rio" in a.text


def test_a_count_of_a_part_written_after_of_whom_beats_a_share() -> None:
    kb = _kb_from_text(
        "Participation. In May, 740 delegates were elected to the camp committees, of whom 352 were women. Women now "
        "hold 48% of the committee seats, up from 31%.\n\n" + _BELMARE)
    a = answer("How many women won seats on the camp committees in May?", kb)
    assert a.text is not None and a.text.startswith("352")


def test_a_total_is_not_a_monthly_average_and_a_peak_is_not_a_throughput() -> None:
    kb = _kb_from_text(
        "Detention. The average number of people held per month at the Dalma holding facility fell from 210 to 60.\n\n"
        "Reception. In 2024, 18,400 people passed through the Kamo transit centre, where they received meals and "
        "medical checks.\n\n" + _BELMARE)
    assert answer("Overall, how many people were held at the Dalma holding facility during the year?", kb).text is None
    assert answer("At its peak, how many people was the Kamo transit centre housing?", kb).text is None
    a = answer("How many people passed through the Kamo transit centre in 2024?", kb)
    assert a.text is not None and "18,400" in a.text


def test_a_reason_that_opens_its_sentence_or_the_one_before_is_kept() -> None:
    kb = _kb_from_text(
        "Funding. As only 41% of the appeal was funded, UNHCR concentrated on registration, cash and shelter. Youth "
        "and sports activities were suspended in all three camps.\n\n"
        "Outlook. Finally, with donor contributions shrinking, UNHCR will hand over the running of its clinics, "
        "boreholes and primary schools to the district authorities and to development partners, while supporting "
        "refugee cooperatives and savings groups so that families can earn enough to cover their own basic needs.\n\n"
        + _BELMARE)
    a = answer("Why were the youth and sports activities in the camps stopped?", kb)
    assert a.text is not None and "41%" in a.text
    a = answer("Why is UNHCR going to pass its clinics and schools to the district authorities?", kb)
    assert a.text is not None and "shrinking" in a.text


def test_a_share_of_a_whole_the_question_gives_and_frontier_is_border() -> None:
    kb = _kb_from_text(
        "Registration. Access to the asylum procedure improved from 61.5% to 70.2% after the asylum office opened "
        "registration desks at the border crossings of Tovi and Kamo. The office registered 12,800 new applicants, "
        "27% of them at the new border desks, and renewed 3,100 permits.\n\n" + _BELMARE)
    a = answer("Of the 12,800 first-time claims lodged, what proportion were lodged at the recently opened frontier "
               "desks?", kb)
    assert a.text is not None and "27%" in a.text


def test_which_town_has_both_when_both_comes_after_the_verb() -> None:
    kb = _kb_from_text(
        "Coordination. The coordination platform opened local hubs in Nairobi and Mombasa in March.\n\n"
        "Shelter. The Casa Arco shelter in Mombasa took in 140 LGBTIQ+ refugees during the year.\n\n" + _BELMARE)
    a = answer("In which town do you find both a local hub of the coordination platform and the shelter that "
               "received LGBTIQ+ refugees?", kb)
    assert a.text is not None and "Mombasa" in a.text and "Nairobi" not in a.text


def test_a_year_written_after_a_survey_acronym_names_the_survey_not_the_year_asked() -> None:
    kb = _kb_from_text(
        "Protection. According to the national household survey (ENHOG), only 28% of refugee families knew where "
        "to file a complaint, so UNHCR opened four legal-aid desks with the Ombudsperson's office, which handled "
        "1,650 complaints.\n\n" + _BELMARE)
    a = answer("The ENHOG 2019 round is quoted on complaints; how many complaints did the legal-aid desks deal with?", kb)
    assert a.text is not None and "1,650" in a.text
    assert answer("How many complaints did the legal-aid desks deal with in 2019?", kb).text is None


def test_screened_for_danger_is_evaluated_for_risk() -> None:
    kb = _kb_from_text(
        "Child protection. The municipal child-welfare offices handled 4,900 cases of children in 2024. Girls made "
        "up 38% of the cases, 64% were evaluated for risk or lack of parental care, and 12% were referred to the "
        "courts.\n\n" + _BELMARE)
    a = answer("Of the children's cases the welfare offices took on, what share were screened for danger or an "
               "absence of care?", kb)
    assert a.text is not None and "64%" in a.text




@pytest.mark.parametrize(("question", "figure"), [
    # "what level … aim for" asks the target column
    ("What level did the operation aim for on people knowing where GBV services can be found?", "70.00%"),
    # "before <the report's year>, what coverage had been recorded": a rate's baseline
    ("Before 2025, what birth registration coverage had been recorded for children under five?", "88.10%"),
])
def test_a_level_aimed_for_and_a_coverage_recorded_before_the_year_are_read_from_the_table(
        qa_kb_marovia, question: str, figure: str) -> None:
    a = answer(question, qa_kb_marovia)
    assert a.kind == "indicator" and a.text is not None and figure in a.text.split(" (")[0]

def test_shut_out_is_left_out_evacuees_are_people_and_rehabilitated_is_repaired() -> None:
    kb = _kb_from_text(
        "Floods. After the floods, the Red Cross gave psychosocial support to 2,710 people in the evacuation "
        "centres, and UNHCR rehabilitated 9 schools damaged by the water. The registration deadline left out "
        "some 18,000 people who arrived after March.\n\n" + _BELMARE)
    a = answer("About how many people were shut out of registration because they arrived too late?", kb)
    assert a.text is not None and "18,000" in a.text
    a = answer("How many flood evacuees got psychosocial support from the Red Cross?", kb)
    assert a.text is not None and "2,710" in a.text
    a = answer("How many schools did UNHCR repair after the floods?", kb)
    assert a.text is not None and "9 schools" in a.text


def test_officially_recorded_births_are_registered_births(qa_kb_nyandara) -> None:
    # (the results table also has a row on births attended by skilled health staff)
    a = answer("Where did the baseline stand for under-fives whose births were officially recorded?", qa_kb_nyandara)
    assert a.text is not None and "58.60%" in a.text.split(" (")[0]


def test_first_time_applicants_are_new_applicants() -> None:
    kb = _kb_from_text(
        "Asylum. The national refugee commission registered 8,450 new asylum-seekers in 2024, 22% of them at the "
        "airport, and renewed 3,900 documents. Average processing time from registration to a first decision "
        "fell from 300 to 240 days.\n\n" + _BELMARE)
    a = answer("How many first-time asylum claimants did the refugee commission register?", kb)
    assert a.text is not None and "8,450" in a.text and not a.notes


def test_community_screening_is_not_an_assessment_but_screened_for_risk_is_evaluated_for_it() -> None:
    kb = _kb_from_text(
        "Food. The ration cuts coincided with the drought, and the Food Security and Nutrition Assessment found global "
        "acute malnutrition (GAM) of 12.4% among children under five in Kamo, above the emergency threshold.\n\n"
        "Malnutrition rose among new arrivals. In response to the GAM rate of 12.4% found in Kamo, UNICEF, WFP "
        "and UNHCR scaled up community screening, and the Red Cross ran outpatient feeding programmes at the Kamo "
        "health centre.\n\n" + _BELMARE)
    a = answer("After the Kamo nutrition survey, which agencies stepped up screening of children in the community?", kb)
    assert a.text is not None and "UNICEF" in a.text and "WFP" in a.text


def test_received_from_the_agency_is_what_the_agency_delivered_to() -> None:
    kb = _kb_from_text(
        "Basic needs. To protect the safety and dignity of people in vulnerable situations, UNHCR delivered critical "
        "relief to 8,920 individuals while building the capacities of local governments to provide essential services "
        "to displaced people and host communities.\n\n"
        "Documentation. The government extended the temporary residence scheme, allowing 2,140 people to receive it "
        "in 2024 and 6,300 to renew it, with UNHCR support.\n\n" + _BELMARE)
    a = answer("How many individuals received critical humanitarian relief from UNHCR in 2024?", kb)
    assert a.text is not None and "8,920" in a.text


def test_a_latrine_is_a_toilet(qa_kb_nyandara) -> None:
    a = answer("In 2023, what share of refugee dwellings had a safe latrine of their own?", qa_kb_nyandara)
    assert a.text is not None and "55.48%" in a.text


def test_a_rise_asked_in_percentage_terms_is_read_from_percent_more_than() -> None:
    kb = _kb_from_text(
        "Population. According to government figures, by the end of 2024 the country hosted 64,200 refugees and "
        "asylum-seekers, 9% more than a year earlier. Of them, 51% were women and girls.\n\n" + _BELMARE)
    a = answer("In percentage terms, how much did the country's refugee population increase during 2024?", kb)
    assert a.text is not None and a.text.startswith("9%")


def test_the_other_countries_of_origin_besides_the_one_set_aside() -> None:
    kb = _kb_from_text(
        "Resettlement. The operation submitted 900 refugees for resettlement (510 to Norway, 240 to Canada and 150 "
        "to Spain). Among the people submitted, 88% were Syrians, followed by Iraqis (9%) and Yemenis (3%).\n\n"
        + _BELMARE)
    a = answer("Besides Syria, which countries of origin are named among the refugees put forward for resettlement?", kb)
    assert a.text is not None and "Iraqis" in a.text and "Yemenis" in a.text
    assert "Norway" not in a.text and "Syrians" not in a.text


def test_two_directions_asked_together_each_come_with_its_change() -> None:
    kb = _kb_from_text(
        "Movements. Early in the year most movements went eastwards, as in past years; in March, thousands of people "
        "were stranded at the eastern border, which led to a decrease in the eastward flow and an increase in the "
        "westward movement.\n\n" + _BELMARE)
    a = answer("After the border closure in March, in which direction did the flow shrink, and in which direction "
               "did it grow?", kb)
    assert a.text is not None and "eastward" in a.text and "westward" in a.text
    # each direction is the one written with its change, not the one of the year's start ("went eastwards")
    assert "decrease" in a.text and "increase" in a.text


def test_the_number_of_the_decree_asked_is_the_decrees_not_the_laws() -> None:
    kb = _kb_from_text(
        "Law. In June, the National Assembly approved Law No. 52 on Asylum and Statelessness, which replaced the "
        "refugee decree of 1994 and created an appeals board.\n\n"
        "Hearings. UNHCR commented on three drafts, and 40 refugees took part in the hearings. In December, the "
        "Presidency issued Decree No. 3.114, which regulates the law.\n\n" + _BELMARE)
    a = answer("What is the number of the presidential decree that regulates the new asylum law?", kb)
    assert a.text is not None and "3.114" in a.text and "52" not in a.text


def test_got_better_is_recovered_and_a_cure_rate_answers_it() -> None:
    kb = _kb_from_text(
        "Nutrition. Malnutrition rose among new arrivals. In total, 2,410 children under five were admitted for "
        "treatment of acute malnutrition in the two settlements, with a cure rate of 86%, while 12% of the "
        "households reported eating one meal a day.\n\n" + _BELMARE)
    a = answer("How well did the treatment of malnourished young children work - what share of them got better?", kb)
    assert a.text is not None and a.text.startswith("86%")


def test_the_side_and_the_part_of_a_country_asked_with_a_preposition() -> None:
    kb = _kb_from_text(
        "Arrivals. Most new arrivals crossed the southern border with Oranta, at an average of 220 people a day.\n\n"
        "Jobs. The labour ministry ran a voluntary relocation scheme that moved 640 refugees from the coastal "
        "districts to inland towns with job offers.\n\n"
        "Asylum. The commission adopted a fast-track procedure for claimants from the border provinces of Oranta.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("The fast-track procedure was adopted for claimants from which part of Oranta?", kb)
    assert a.kind == "location" and a.text is not None and "border provinces" in a.text
    a = answer("On which side of the country is the border most arrivals cross?", kb)
    assert a.text is not None and "southern" in a.text
    a = answer("Out of which part of the country did the labour ministry's scheme move refugees?", kb)
    assert a.text is not None and "coastal districts" in a.text and "inland" not in a.text
    a = answer("From which part of the country did the labour ministry's scheme move refugees?", kb)
    assert a.text is not None and "coastal districts" in a.text and "inland" not in a.text


def test_a_place_opening_the_sentence_before_is_where_the_next_one_happens() -> None:
    kb = _kb_from_text(
        "Reception. At transit points, families arriving on foot could rest and receive first aid. The Red Cross "
        "distributed hygiene kits, hot meals and phone cards to arriving families.\n\n"
        "Offices. UNHCR worked in Lima, Cusco and Tacna through its own offices.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("Where did the Red Cross give hygiene kits, hot meals and phone cards to arriving families?", kb)
    assert a.text is not None and "transit points" in a.text


def test_the_noun_before_of_is_the_thing_asked_not_the_body_after_it() -> None:
    kb = _kb_from_text(
        "Protection. Survivors preferred the Family Support Desks (FSD) of the Ministry of Social Welfare (MSW) to "
        "the police. In 2024, the FSDs assisted 2,480 refugee survivors of violence.\n\n"
        "Legal aid. Legal assistance was provided by the Refugee Law Network, a network of five university legal "
        "clinics and three NGOs.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("Which service of the social welfare ministry assisted 2,480 refugee survivors of violence?", kb)
    assert a.text is not None and ("FSD" in a.text or "Family Support Desks" in a.text)
    a = answer("What sorts of organisations make up the Refugee Law Network?", kb)
    assert a.text is not None and "legal clinics" in a.text


def test_roving_is_mobile() -> None:
    kb = _kb_from_text(
        "Registration. UNHCR funded three mobile registration teams, which visited 48 villages along the river.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("How many villages did the roving registration teams reach?", kb)
    assert a.text is not None and "48" in a.text


@pytest.mark.parametrize(("paragraph", "question", "expected"), [
    ("Energy. A 300 kilowatt solar plant built with EU funds connected 2,400 homes and 310 shops in Rema.",
     "How many shops were hooked up to the solar plant?", "310"),
    ("Energy. The 2 MW wind farm built with EU funds supplied 5,100 homes in Rema.",
     "How many homes did the two megawatt wind farm supply?", "5,100"),
    ("Agriculture. UNHCR and FAO linked 1,375 farmers to the Rema cooperative's grain buyers.",
     "How many growers were linked to grain buyers?", "1,375"),
    ("Awareness. During World Refugee Day, 61 activities were held in schools of the Rema district.",
     "How many events were held in schools on World Refugee Day?", "61"),
    ("Solutions. Another 27 refugees left for Norway through family reunification during the year.",
     "How many refugees left to rejoin relatives abroad?", "27"),
])
def test_plain_words_meet_the_reports_words(paragraph: str, question: str, expected: str) -> None:
    kb = _kb_from_text(paragraph + "\n\nShelter. The shelter working group met monthly and shared a common needs "
                       "assessment.\n")
    a = answer(question, kb)
    assert a.text is not None and expected in a.text


def test_a_kind_of_body_asked_is_not_answered_by_a_phrase_or_a_count_of_that_kind() -> None:
    kb = _kb_from_text(
        "Integration. At the regional forum, the Government pledged to adopt a national integration plan by 2027.\n\n"
        "Finance. The finance working group reached an agreement with three banks to accept the refugee ID card.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("Which ministry will write the national integration plan the Government pledged to adopt?", kb)
    assert a.text is None or "integration plan" not in a.text
    a = answer("Which banks agreed to accept the refugee ID card?", kb)
    assert a.text is None or "three banks" not in a.text


def test_the_sentence_holding_all_the_figures_given_is_the_one_read_for_the_place() -> None:
    kb = _kb_from_text(
        "Water. In Tarso, water supply per person rose from 9 litres per day in May to 19 litres per day in "
        "October.\n\n"
        "Trucking. Water trucking brought 19 litres per person per day to Belvo and 9 to Kanu in the dry season.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("In which settlement did water per person go up from 9 to 19 litres a day between May and October?", kb)
    assert a.text is not None and "Tarso" in a.text and "Belvo" not in a.text and "Kanu" not in a.text


def test_requesting_a_permit_is_applying_for_it() -> None:
    kb = _kb_from_text(
        "Fines. The fines waiver benefited more than 9,000 people who applied for it before June.\n\n"
        "Regularization. The migration office ran a regularization drive until December. A total of 61,250 people "
        "requested regularization, of which 4,800 were assisted at the service points UNHCR set up.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("How many people applied for regularization?", kb)
    assert a.text is not None and "61,250" in a.text


def test_which_forest_or_river_is_the_name_written_with_it_even_a_sentence_before() -> None:
    kb = _kb_from_text(
        "Route. People in transit faced robbery and abuse by armed groups in the Kora forest. UNHCR recorded 31 "
        "deaths on the path through the forest during the year.\n\n"
        "Floods. In May the Tembe River burst its banks and displaced 2,300 families.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("In which forest were 31 deaths of people in transit recorded?", kb)
    assert a.text is not None and "Kora" in a.text
    a = answer("Which river burst its banks in May?", kb)
    assert a.text is not None and "Tembe" in a.text


def test_a_count_after_a_place_is_not_another_place() -> None:
    kb = _kb_from_text(
        "Presence. UNHCR has field offices in Vila Serra and Porto Alto.\n\n"
        "Regional cooperation. At the regional summit in Vila Serra, 12 States signed the Vila Serra Declaration on "
        "Refugee Inclusion.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("In which town did twelve States sign the declaration on refugee inclusion?", kb)
    assert a.text is not None and "Vila Serra" in a.text and "12" not in a.text


def test_the_figure_given_for_the_country_asked_in_a_list_of_countries() -> None:
    kb = _kb_from_text(
        "Resettlement. UNHCR submitted 930 refugees for resettlement (310 to Norway and 620 to the United States). "
        "Of them, 40 left for Norway, 75 for Sweden and 210 for the United States, allowing 325 refugees to start "
        "a new life in 2024.\n\n" + UNRELATED_PARAGRAPHS)
    a = answer("How many refugees left for the US?", kb)
    assert a.text is not None and "210" in a.text.split("(")[0]
    b = answer("How many resettlement submissions were made to the U.S.?", kb)
    assert b.text is not None and "620" in b.text.split("(")[0]


def test_of_two_places_in_both_sentences_the_one_each_condition_is_written_with() -> None:
    kb = _kb_from_text(
        "Presence. UNHCR worked through a country office in Rema, field offices in Kito and Dala and a field unit "
        "in Sana.\n\n"
        "Child protection. UNICEF and UNHCR ran child-friendly spaces in Rema and Kito for children in transit.\n\n"
        + UNRELATED_PARAGRAPHS)
    a = answer("Which town hosts both a UNHCR field office and one of the child-friendly spaces?", kb)
    assert a.text is not None and "Kito" in a.text and "Rema" not in a.text


def test_a_priority_asked_is_what_was_prioritized() -> None:
    kb = _kb_from_text(
        "Funding. As only 35% of needs were funded, UNHCR prioritized three sectors: emergency shelter, clean "
        "water and primary health care.\n\n"
        "Health. Mobile clinics treated 8,300 patients in the river villages.\n\n"
        "Shelter. The shelter working group met monthly and shared a common needs assessment.\n")
    a = answer("Which sectors were the office's funding priorities, given the shortfall?", kb)
    assert a.text is not None and "shelter" in a.text and "water" in a.text
