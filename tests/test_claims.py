"""Claims: attribution, stance with negation, venues in every alias, quotations with offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import load_config
from timeline.load import load_article
from timeline.load.attribution import finder, quotations, speech
from timeline.load.stance import best, is_venue, stance_hits

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def story():
    return load_config(FIXTURES / "story.yaml")


def claims_of(body: str, config, language: str = "en", date: str = "2025-09-03"):
    data = f"---\ntitle: A headline\ndate: {date}\nlanguage: {language}\n---\nA headline\n\n{body}\n".encode()
    article = load_article("x.txt", data, config)
    return article, article.claims


def brief(claims):
    return sorted(((c.speaker, c.stance, c.venue) for c in claims), key=str)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"We are ready to meet," Zelensky said.', "zelensky"),
        ("Peskov told reporters that a meeting is possible only after the document is agreed.", "peskov"),
        (
            "According to Lavrov, a meeting of the presidents will be necessary only when the key issues are clear.",
            "lavrov",
        ),
        ("The Kremlin spokesman said a meeting could only take place after expert work.", "peskov"),
        (
            "Dmitry Peskov, press secretary of the Kremlin, said that a meeting is possible only after expert work.",
            "peskov",
        ),
        ("Zelensky wrote on X that he would wait for Putin in Turkey on Thursday.", "zelensky"),
        ("The Ukrainian leader said in an interview with ABC that Putin can come to Kyiv.", "zelensky"),
    ],
)
def test_reporting_cues_find_the_speaker(story, body, speaker):
    _, claims = claims_of(body, story)
    assert claims, body
    assert {c.speaker for c in claims} == {speaker}


def test_speaker_carries_to_he_and_the_next_sentence(story):
    body = (
        "Zelensky spoke to reporters on Friday about the war.\n\n"
        "He said he would not go to Moscow for a meeting with Putin."
    )
    _, claims = claims_of(body, story)
    assert brief(claims) == [("zelensky", "reject", "moscow")]


def test_speech_about_someone_else_is_the_reporters_statement(story):
    _, claims = claims_of("Peskov said Putin is ready for a meeting with Zelensky.", story)
    assert [c.speaker for c in claims] == ["peskov"]


def test_a_quote_inside_a_quote_stays_with_the_outer_speaker(story):
    body = (
        '"Putin did not invite Zelensky anywhere and did not offer him any meetings," the Kremlin spokesman said. '
        '"And in response, President Putin told him: "We are ready, but only in Moscow." "It is important," Peskov stressed.'
    )
    _, claims = claims_of(body, story)
    assert brief(claims) == [("peskov", "deny", "moscow")]


def test_institution_gives_way_to_its_named_spokesperson(story):
    body = "The Kremlin says a meeting is possible only after expert work, Peskov added."
    _, claims = claims_of(body, story)
    assert {c.speaker for c in claims} == {"peskov"}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Putin did not invite anyone to a meeting", "deny"),
        ("Putin does not rule out a meeting", "open-conditional"),
        ("Putin has never refused to meet", "open-conditional"),
        ("a meeting is impossible", "reject"),
        ("a meeting is possible only after the text is agreed", "condition"),
        ("I invite him to come", "invite"),
        ("I am ready to talk to Putin", "propose"),
        ("he does not intend to accept the invitation", "reject"),
        ("a meeting was discussed", None),
    ],
)
def test_stance_words_and_negation(text, stance):
    found = best(stance_hits(text, speech("en")), speech("en"))
    assert (found.stance if found else None) == stance


def test_two_venues_with_different_stances_are_two_claims(story):
    body = "„It is impossible for me to meet with Putin in Moscow. And I can invite him to Kiev, let him come“, Zelensky said."
    _, claims = claims_of(body, story)
    assert brief(claims) == [("zelensky", "invite", "kyiv"), ("zelensky", "reject", "moscow")]


def test_where_the_speaker_spoke_is_not_the_venue(story):
    body = (
        "Zelensky told reporters in Kyiv that he would first meet Erdogan in Ankara and wait there for Putin."
    )
    _, claims = claims_of(body, story)
    assert {c.venue for c in claims} == {"ankara"}


@pytest.mark.parametrize(
    ("language", "body", "speaker", "venue"),
    [
        (
            "ru",
            "Ранее Владимир Зеленский заявил, что хочет организовать встречу с Путиным в Женеве.",
            "zelensky",
            "geneva",
        ),
        ("ru", "«Есть ли смысл встречаться на высшем уровне», — задался вопросом Песков.", "peskov", None),
        ("uk", '"Зустріч можлива лише після підготовки", — заявив Пєсков.', "peskov", None),
        ("uk", "Зеленський заявив, що готовий до зустрічі з Путіним у Женеві.", "zelensky", "geneva"),
        ("de", '"Das ist eine neue Initiative für ein Treffen", so Peskow.', "peskov", None),
        ("de", "Selenskyj sagte, er wolle Putin in Minsk treffen.", "zelensky", "minsk"),
        ("fr", "« Je suis prêt à une rencontre avec Poutine », a déclaré Zelensky.", "zelensky", None),
        (
            "fr",
            "« Une rencontre doit reposer sur quelque chose », a lancé aux journalistes Dmitri Peskov.",
            "peskov",
            None,
        ),
        # an initial before the name after the verb is no sentence stop
        ("fr", "« Nous négocierons avec Poutine », avait déclaré M. Zelensky.", "zelensky", None),
    ],
)
def test_other_languages(story, language, body, speaker, venue):
    _, claims = claims_of(body, story, language)
    assert any(c.speaker == speaker and c.venue == venue for c in claims), brief(claims)


@pytest.mark.parametrize(
    "alias", ["Zelensky", "Zelenskyy", "Selenskyj", "Зеленский", "Зеленського", "Зеленского"]
)
def test_alias_folding(story, alias):
    found = finder(story, "ru").refs(f"Сказал {alias} вчера", 0, None, speech("ru"))
    assert [r.actor for r in found if r.kind == "name"] == ["zelensky"]


def test_places_in_every_script_and_case(story):
    f = finder(story, "uk")
    assert [p for p, _, _ in f.places("у Москві, в Женеві, in Kiev", 0)] == ["moscow", "geneva", "kyiv"]


def test_unrelated_sentences_are_no_claims(story):
    body = "Peskov said Russia would continue strikes on energy infrastructure in Kyiv despite the talks."
    _, claims = claims_of(body, story)
    assert claims == ()


def test_quotations_are_verbatim_with_offsets(story):
    article, claims = claims_of('"He can come to Kyiv for a meeting," Zelensky said.', story)
    quote = claims[0].quotes[0]
    assert article.text[quote.start : quote.end] == quote.text == "He can come to Kyiv for a meeting,"
    assert article.text[claims[0].start : claims[0].end] == claims[0].sentence


def test_quotations_left_open_run_to_the_end():
    assert quotations('a "b c', 0) == [(2, 6)]
    assert quotations("«x „y“ z» w", 0) == [(0, 9)]


def test_unknown_names_in_reporting_patterns_are_candidates(story):
    article, _ = claims_of("Foreign Minister Andrii Sibiga said the meeting could be held in Turkey.", story)
    assert article.candidate_actors == ("Andrii Sibiga",)
    article, _ = claims_of("Foreign Minister Sergey Lavrov said a meeting is possible.", story)
    assert article.candidate_actors == ()


def test_descriptor_valid_only_in_its_time(tmp_path):
    text = (FIXTURES / "story.yaml").read_text(encoding="utf-8")
    text = text.replace(
        '{text: "Putin\'s spokesman", from: 2012-05-01}', '{text: "Putin\'s spokesman", from: 2030-01-01}'
    )
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    _, claims = claims_of("Putin's spokesman said a meeting is possible only after expert work.", config)
    assert "peskov" not in {c.speaker for c in claims}


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "en",
            "In Moscow, Kremlin aide Ushakov told reporters that Putin is open to a meeting with Zelensky.",
        ),
        ("en", "On Wednesday in Minsk, Putin said that he is open to a meeting with Zelensky."),
        (
            "en",
            "Putin told the plenary session of the economic forum in Minsk that he is ready to meet Zelensky.",
        ),
        ("en", "Speaking after talks in Istanbul, Zelensky said he was ready to meet Putin."),
        ("en", "Lavrov said at a press conference in Minsk that a meeting is possible."),
        ("ru", "3 сентября в Минске Путин говорил, что готов к встрече с Зеленским."),
        ("ru", "Путин на пленарном заседании форума в Минске заявил, что готов к встрече с Зеленским."),
        ("de", "Putin sagte in Minsk, er sei zu einem Treffen mit Selenskyj bereit."),
        (
            "ru",
            "Путин не откажется от встречи с Зеленским, заявил Лавров по итогам переговоров с коллегой в Минске.",
        ),
    ],
)
def test_the_place_of_speaking_is_no_venue_in_any_language(story, language, body):
    _, claims = claims_of(body, story, language)
    assert claims, body
    assert {c.venue for c in claims} == {None}, brief(claims)


@pytest.mark.parametrize(
    ("language", "body", "venue"),
    [
        ("en", "Putin said that if Zelensky was ready, he could come to Moscow for a meeting.", "moscow"),
        ("en", "In Moscow a meeting is impossible, Zelensky said.", "moscow"),
        ("en", "Putin said that Moscow is the best place for a meeting with Zelensky.", "moscow"),
        ("de", "Putin sagte, Moskau sei der beste Ort für ein Treffen mit Selenskyj.", "moscow"),
        (
            "fr",
            "Poutine a déclaré que Moscou est le meilleur endroit pour une rencontre avec Zelensky.",
            "moscow",
        ),
        ("ru", "Путин заявил, что готов к встрече с Зеленским в Москве.", "moscow"),
        ("de", "Selenskyj sagte, er wolle Putin in Minsk treffen.", "minsk"),
    ],
)
def test_a_place_proposed_for_the_meeting_stays_a_venue(story, language, body, venue):
    _, claims = claims_of(body, story, language)
    assert venue in {c.venue for c in claims}, brief(claims)


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        (
            "en",
            "The statement followed remarks by Kremlin aide Ushakov, who said on Wednesday that Putin was open to meeting Zelensky.",
            "ushakov",
        ),
        (
            "ru",
            "Путин не откажется от встречи с президентом Зеленским, заявил министр иностранных дел Лавров.",
            "lavrov",
        ),
        ("uk", "Путін готовий до зустрічі із Зеленським, заявив Пєсков.", "peskov"),
        (
            "fr",
            "Le président russe est prêt à voir Zelensky « lorsque l'ordre du jour d'un sommet sera prêt », a expliqué Lavrov.",
            "lavrov",
        ),
        (
            "fr",
            "Lavrov avait prévenu que Poutine ne rencontrerait Zelensky qu'une fois l'agenda prêt.",
            "lavrov",
        ),
        ("ru", "Ранее Песков говорил, что встреча Путина и Зеленского возможна.", "peskov"),
    ],
)
def test_the_speaker_is_the_reporting_verbs_subject_not_a_name_in_what_is_said(
    story, language, body, speaker
):
    _, claims = claims_of(body, story, language)
    assert claims, body
    assert {c.speaker for c in claims} == {speaker}, brief(claims)


@pytest.mark.parametrize(
    ("language", "text", "stance"),
    [
        ("fr", "il est prêt à le voir lorsque l'ordre du jour d'un sommet sera prêt", "condition"),
        ("fr", "une rencontre une fois que le traité sera paraphé", "condition"),
        ("en", "his wish was to bring Putin and Zelensky together in Istanbul", "propose"),
        (
            "en",
            "his wish was to bring Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky together",
            "propose",
        ),
        ("en", "Trump said he would set up a meeting", "propose"),
        ("de", "dass es zu einem Treffen kommen werde", None),
        ("de", "Selenskyj könne nach Moskau kommen", "invite"),
        # an invitation under a condition is openness; "once again invited" is no condition
        ("de", "Wenn ich nach Budapest eingeladen werde, dann werden wir fahren", "open-conditional"),
        ("en", "if I am invited to Budapest, I will go", "open-conditional"),
        ("en", "the Kremlin said it had once again invited Zelensky to Moscow", "invite"),
        ("ru", "если Зеленский готов, то пусть приезжает в Москву", "open-conditional"),
        # raising a meeting, a meeting as the next step: a proposal
        ("ru", "министр сообщил, что поднимал вопрос о встрече двух президентов", "propose"),
        ("ru", "следующим шагом Киев считает встречу лидеров", "propose"),
        ("en", "the next step should be a meeting of the leaders", "propose"),
        ("en", "the Kremlin confirmed that Putin will travel to Paris for the summit", "accept"),
        ("uk", "Україна не вестиме жодних переговорів з Путіним", "reject"),
    ],
)
def test_stance_words_of_other_languages(language, text, stance):
    found = best(stance_hits(text, speech(language)), speech(language))
    assert (found.stance if found else None) == stance


def test_the_day_nearest_the_speakers_verb_dates_the_claim(story):
    """Peskov's Wednesday, not the Monday of the words he answers."""
    body = "On Monday Zelensky's offer was made public. Peskov said on Wednesday that a meeting proposed on Monday is impossible."
    _, claims = claims_of(body, story, date="2025-09-05")
    assert [(c.speaker, str(c.said.value)) for c in claims] == [("peskov", "2025-09-03")]


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        ("uk", "Пєсков, речник Кремля, підтвердив, що Зеленський просив про зустріч із Путіним.", "peskov"),
        (
            "fr",
            "« Le fait d'être prêt à une rencontre doit reposer sur quelque chose », a lancé aux journalistes Peskov.",
            "peskov",
        ),
    ],
)
def test_a_name_after_the_verbs_that_clause_is_not_the_speaker(story, language, body, speaker):
    _, claims = claims_of(body, story, language)
    assert claims, body
    assert {c.speaker for c in claims} == {speaker}, brief(claims)


def test_a_cue_with_no_known_speaker_leaves_the_topic_to_the_closing_speaker(story):
    body = "At the talks, Ukraine proposed holding a meeting of the two leaders in Istanbul, Zelensky told reporters after the session."
    _, claims = claims_of(body, story)
    assert brief(claims) == [("zelensky", "propose", "istanbul")]


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        (
            "ru",
            "Кремль пока не видит оснований для переговоров на высшем уровне. «Пока рано об этом говорить», — сказал Песков.",
            "peskov",
        ),
        (
            "en",
            'The Kremlin sees no grounds yet for a summit. "It is too early to speak about it," Peskov said.',
            "peskov",
        ),
    ],
)
def test_a_quoted_remark_takes_its_topic_from_the_sentence_before(story, language, body, speaker):
    _, claims = claims_of(body, story, language)
    assert speaker in {c.speaker for c in claims}, brief(claims)


def test_a_quoted_remark_with_no_topic_near_it_is_no_claim(story):
    _, claims = claims_of('The weather was cold. "It is too early to speak about it," Peskov said.', story)
    assert claims == ()


def test_readiness_in_a_sentence_not_on_the_meeting_is_no_offer(story):
    body = "Peskov said a meeting of the leaders was discussed. He added that Moscow was ready to continue contacts."
    _, claims = claims_of(body, story)
    assert brief(claims) == [("peskov", "comment", None)]


@pytest.mark.parametrize(
    ("language", "text", "stance"),
    [
        ("en", "a meeting could be held once a peace treaty was ready", "condition"),
        ("en", "Putin will meet him when the agenda is ready", "condition"),
        ("ru", "встреча возможна, когда договор будет готов", "condition"),
        ("uk", "зустріч можлива, коли договір буде готовий", "condition"),
        ("fr", "il le rencontrera quand l'ordre du jour sera prêt", "condition"),
        ("uk", "Трамп почав підготовку зустрічі", "propose"),
        ("ru", "Трамп начал подготовку встречи", "propose"),
    ],
)
def test_conditions_and_preparations_in_every_language(language, text, stance):
    found = best(stance_hits(text, speech(language)), speech(language))
    assert found is not None and found.stance == stance


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "ru",
            "В среду, отвечая на вопросы журналистов в Женеве, Владимир Путин уже говорил, что если Зеленский готов, то «пусть приезжает в Москву».",
        ),
        (
            "uk",
            "У середу в Женеві Путін сказав журналістам, що Зеленський, «якщо готовий», може приїхати до Москви.",
        ),
    ],
)
def test_an_invitation_without_a_meeting_word_is_a_claim_and_where_it_was_said_no_venue(
    story, language, body
):
    _, claims = claims_of(body, story, language)
    assert ("putin", "invite", "moscow") in brief(claims)
    assert all(c.venue != "geneva" for c in claims), brief(claims)


def test_a_later_sentence_of_the_same_utterance_dates_the_claim(project_config):
    body = (
        "For its part, the Kremlin has said that any meeting between Putin and Zelensky will only happen "
        "after the talks, when a treaty is ready. “We do not reject the possibility of such a meeting for our "
        "President,” Russian presidential spokesman Dimitry Peskov said on April 6, “but we repeat once again "
        "that such a meeting is possible only after the text is agreed upon,” he added."
    )
    _, claims = claims_of(body, project_config, date="2022-05-13")
    dated = [c for c in claims if c.speaker in ("peskov", "kremlin")]
    assert dated, brief(claims)
    assert str(dated[0].said.value) == "2022-04-06", [
        (c.speaker, c.said.value, [e.rule for e in c.said.evidence]) for c in claims
    ]


def test_a_sentence_opening_inside_a_quotation_keeps_its_day(project_config):
    body = (
        '"Sit down with me to negotiate. Just not at 30 metres," Zelensky told a news conference in Kyiv '
        'on Thursday, mocking the long table Putin uses. "What are you afraid of?"'
    )
    _, claims = claims_of(body, project_config, date="2022-03-05")
    assert claims, body
    assert [str(c.said.value) for c in claims if c.speaker == "zelensky"] == ["2022-03-03"], [
        (c.speaker, c.said) for c in claims
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Putin said he was ready to meet Zelensky and named Moscow the best place for such a meeting.",
            ("putin", "invite", "moscow"),
        ),
        ("Zelensky proposed a meeting with Putin in Kyiv.", ("zelensky", "invite", "kyiv")),
        ("Zelensky proposed a meeting with Putin in Istanbul.", ("zelensky", "propose", "istanbul")),
    ],
)
def test_a_meeting_proposed_in_the_speakers_own_city_is_an_invitation(project_config, body, expected):
    _, claims = claims_of(body, project_config)
    assert expected in brief(claims), brief(claims)


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        # a story of the morning after: what was said carries the day the news happened
        (
            "de",
            "Am Montagabend empfing Macron die Präsidenten Putin und Selenskyj im Élysée-Palast.\n\n"
            "Die Truppen sollen sich bis Ende März zurückziehen.\n\n"
            "Selenskyj sagte, ein Treffen mit Putin sei ein guter Anfang gewesen.",
            "2019-12-09",
        ),
        (
            "en",
            "Trump called Putin at the end of Monday's meetings at the White House.\n\n"
            "Zelensky told reporters after the talks that he was ready to meet Putin.",
            "2019-12-09",
        ),
        # a day named right after the talks is the talks' day, even in a sentence of speech
        (
            "en",
            "Umerov said after the third round of direct talks in Istanbul on December 9.\n\n"
            "Zelensky told reporters that he was ready to meet Putin.",
            "2019-12-09",
        ),
        # the day of someone else's statement is not the news day: the report's own day stays
        (
            "en",
            "Peskov said on Monday that no meeting was planned.\n\n"
            "Zelensky told reporters that he was ready to meet Putin.",
            "2019-12-10",
        ),
    ],
)
def test_a_sentence_without_a_day_takes_the_news_day_of_a_story_of_the_morning_after(
    project_config, language, body, expected
):
    _, claims = claims_of(body, project_config, language=language, date="2019-12-10")
    said = [str(c.said.value) for c in claims if c.speaker == "zelensky"]
    assert said == [expected], [(c.speaker, c.said) for c in claims]


@pytest.mark.parametrize(
    ("language", "text", "stance"),
    [
        # a word inside a longer stance phrase counts only as that phrase
        ("ru", "проект договора пока не готов для вынесения на встречу", "reject"),
        ("uk", "проект угоди не готовий до зустрічі лідерів", "reject"),
        ("en", "Kyiv would also welcome the participation of Trump", "propose"),
        ("en", "Moscow would wait for the current president to change his position", "condition"),
        (
            "en",
            'Ukraine "will not conduct any negotiations with Russia as long as Putin is president"',
            "reject",
        ),
        ("ru", "ему сначала надо встретиться с руководителями республик", "condition"),
        ("uk", "Зеленський має спершу говорити з ватажками", "condition"),
        ("uk", 'Москва "чекатиме", поки чинний президент змінить свою позицію', "condition"),
        ("fr", "une rencontre pourrait avoir lieu, une fois ce texte prêt", "condition"),
        ("de", "jeder Kontakt müsse äußerst sorgfältig vorbereitet werden", "condition"),
        ("de", "Selenskyj hat mehrere Länder als Ort ins Spiel gebracht", "propose"),
    ],
)
def test_longer_phrases_and_new_stance_words(language, text, stance):
    found = best(stance_hits(text, speech(language)), speech(language))
    assert (found.stance if found else None) == stance


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        # "anywhere in the Ukrainian Donbas": a venue though an adjective stands before it
        (
            "en",
            'Zelensky offered to meet Putin "anywhere in the Ukrainian Donbas where there is war".',
            ("zelensky", "donbas"),
        ),
        (
            "ru",
            'Зеленский предложил Путину встретиться "в любой точке украинского Донбасса".',
            ("zelensky", "donbas"),
        ),
        (
            "uk",
            'Зеленський запропонував Путіну зустрітися "в будь-якій точці українського Донбасу".',
            ("zelensky", "donbas"),
        ),
        # "a neutral country such as Switzerland, Austria or Turkey": the first named
        (
            "en",
            "Zelensky said a meeting could take place in a neutral European country such as Switzerland, Austria or Turkey.",
            ("zelensky", "switzerland"),
        ),
        (
            "de",
            "Infrage kämen die Schweiz, Österreich oder die Türkei für ein Treffen, sagte Selenskyj.",
            ("zelensky", "switzerland"),
        ),
        # "such a meeting": the venue the sentence before named for it
        (
            "de",
            "Am Montag trafen sich Putin und Selenskyj in Paris. Uschakow hatte angekündigt, dass ein solches Treffen stattfinden werde.",
            ("ushakov", "paris"),
        ),
    ],
)
def test_venues_named_around_the_meeting(project_config, language, body, expected):
    _, claims = claims_of(body, project_config, language)
    assert expected in {(c.speaker, c.venue) for c in claims}, brief(claims)


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        (
            "en",
            "Putin and Zelensky are expected to hold a separate meeting in Paris.\n\nThis was stated by Kremlin aide Yuri Ushakov at a briefing.",
            "ushakov",
        ),
        (
            "ru",
            "Путин и Зеленский проведут отдельную встречу в Париже.\n\nОб этом заявил помощник президента Юрий Ушаков.",
            "ushakov",
        ),
        (
            "uk",
            "Путін і Зеленський проведуть окрему зустріч у Парижі.\n\nПро це на брифінгу заявив Юрій Ушаков.",
            "ushakov",
        ),
    ],
)
def test_this_was_stated_by_gives_the_lead_its_speaker(project_config, language, body, speaker):
    _, claims = claims_of(body, project_config, language)
    assert (speaker, "paris") in {(c.speaker, c.venue) for c in claims}, brief(claims)


def test_without_the_cue_the_lead_has_no_speaker(project_config):
    _, claims = claims_of(
        "Putin and Zelensky are expected to hold a separate meeting in Paris.\n\nUshakov spoke at a briefing.",
        project_config,
    )
    assert "paris" not in {c.venue for c in claims}, brief(claims)


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        # a pronoun phrase is the speaker the sentence has just named, not an earlier one
        (
            "ru",
            "Срок полномочий Владимира Зеленского, избранного в 2019 году, формально истек 20 мая.\n\nПутин напомнил, что Россия никогда не отказывалась от переговоров, однако переговорный процесс, по его словам, был сорван Киевом. Ранее в интервью президент говорил, что Зеленский сам подписал указ о запрете переговоров.",
            {"putin"},
        ),
    ],
)
def test_a_pronoun_is_the_speaker_just_named(project_config, language, body, speaker):
    _, claims = claims_of(body, project_config, language)
    assert {c.speaker for c in claims} == speaker, brief(claims)


def test_a_bare_role_with_its_own_reporting_verb_is_another_statement(project_config):
    body = "Путин заявил, что готов к встрече с Зеленским. Ранее в интервью президент говорил, что переговоры возможны только после отмены указа."
    _, claims = claims_of(body, project_config, "ru")
    assert [c.speaker for c in claims] == ["putin", "putin"], brief(claims)


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "uk",
            "Напередодні в Анкарі Президент Зеленський заявив, що відчуває неповагу з боку Росії на переговорах.",
        ),
        ("en", '"Of course, a meeting is possible," Putin told reporters in the Belarusian capital.'),
        (
            "en",
            "Ukraine has proposed a meeting of the leaders, Umerov said after the third round of direct talks in Istanbul.",
        ),
        (
            "fr",
            "À l'issue de trois heures de discussions, mardi à Istanbul, Medinski a déclaré qu'une rencontre pourrait avoir lieu.",
        ),
    ],
)
def test_more_places_of_speaking_are_no_venue(project_config, language, body):
    _, claims = claims_of(body, project_config, language)
    assert claims, body
    assert {c.venue for c in claims} == {None}, brief(claims)


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "A meeting is possible only after the expert work, said an aide to the Russian president Ushakov.",
            "en",
            "ushakov",
        ),
        ("A meeting is possible only after the expert work, said the Russian president.", "en", "putin"),
        (
            "A meeting is possible only after the expert work, said the Russian president Vladimir Putin.",
            "en",
            "putin",
        ),
        (
            "Встреча возможна только после подготовки документов. Об этом сообщил помощник президент России Ушаков.",
            "ru",
            "ushakov",
        ),
    ],
)
def test_a_name_in_apposition_to_a_role_is_the_speaker(story, body, language, speaker):
    """ "сообщил помощник президента РФ Юрий Ушаков": the role's complement names someone else."""
    _, claims = claims_of(body, story, language)
    assert {c.speaker for c in claims} == {speaker}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (
            "Le président Zelensky a dit son souhait de voir cette rencontre se tenir en Europe. « Je plaide pour Genève », a déclaré Zelensky lundi soir lors d'un point presse à Moscou.",
            "fr",
            [("zelensky", "propose", "geneva")],
        ),
        (
            "Le président Zelensky a déclaré lors d'un point presse à Moscou qu'une rencontre était possible.",
            "fr",
            [("zelensky", "open-conditional", None)],
        ),
        (
            "Präsident Selenskyj brachte unterdessen Genf als möglichen Ort für das Treffen ins Spiel.",
            "de",
            [("zelensky", "propose", "geneva")],
        ),
    ],
)
def test_floating_a_venue_is_an_offer_of_it(story, body, language, expected):
    """ "plaide pour Genève", "brachte Genf als Ort ins Spiel": a venue offered; "point presse à X" is where it was said."""
    _, claims = claims_of(body, story, language)
    assert brief(claims) == expected


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Le 3 mars, Zelensky avait lancé à Poutine : «Asseyez-vous avec moi pour négocier.»", "zelensky"),
        (
            "Côté ukrainien, Zelensky s'est contenté d'évoquer l'idée d'une rencontre des dirigeants.",
            "zelensky",
        ),
        ("Zelensky a évoqué une rencontre des dirigeants.", "zelensky"),
    ],
)
def test_french_cues_of_raising_and_challenging(story, body, speaker):
    _, claims = claims_of(body, story, "fr")
    assert {c.speaker for c in claims} == {speaker}


def test_an_earlier_sentence_of_the_same_utterance_dates_a_quotation(project_config) -> None:
    body = (
        "On Friday, after meeting the US vice-president in Munich, Zelenskyy told reporters he would sit down "
        'with only one Russian, Putin. "I will meet with only one Russian, with Putin, and only after we have a '
        'common plan," he said.'
    )
    _, claims = claims_of(body, project_config, date="2025-02-15")
    said = {str(c.said.value) for c in claims if c.speaker == "zelensky"}
    assert said == {"2025-02-14"}, [(c.sentence[:40], c.said) for c in claims]


TRANSCRIPT = (
    "QUESTION: Mr President, will you meet the Ukrainian leader?\n\n"
    "PUTIN: If the problem is the east, he should first meet the people there.\n\n"
    "And if he wants to discuss our relations, we will welcome him in Moscow.\n\n"
    "HOST: Thank you."
)


def test_a_transcript_turn_runs_through_its_paragraphs(story):
    _, claims = claims_of(TRANSCRIPT, story)
    assert ("putin", "invite", "moscow") in brief(claims)
    assert {c.speaker for c in claims} == {"putin"}


def test_a_transcript_answer_takes_the_topic_of_its_question(story):
    body = (
        "Q: Will there be talks with Zelensky?\n\n"
        "PUTIN: We understand his term has run out. That is not our problem.\n\n"
        "Q: And the economy?"
    )
    _, claims = claims_of(body, story)
    assert [c.speaker for c in claims] == ["putin"]


def test_a_label_that_is_no_speaker_starts_no_turn(story):
    body = (
        "Updated: 12 May 2025\n\n"
        "Share: Facebook\n\n"
        "The Kremlin said it was ready to welcome Zelensky in Moscow.\n\n"
        "It was not clear whether a meeting would happen."
    )
    _, claims = claims_of(body, story)
    assert {c.speaker for c in claims} <= {"kremlin", "peskov"}


def test_talking_to_someone_is_not_his_speech(story):
    body = "We must use any chance of negotiating, of talking to Putin, the Ukrainian president said."
    _, claims = claims_of(body, story)
    assert {c.speaker for c in claims} == {"zelensky"}


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        # a continuing cue with no cue before it: the subject of the sentence speaks
        (
            "en",
            "In a televised address, President Zelensky spoke to Putin directly, saying he was ready to meet him.",
            ("zelensky", "propose", None),
        ),
        # a verb-final cue right after a quotation inside the clause: the subject before the quotation
        (
            "de",
            'Selenskyj hatte Putin am Montag ein Treffen "an jedem beliebigen Ort, den er wählt" angeboten.',
            ("zelensky", "propose", None),
        ),
        (
            "de",
            "Ein Treffen mit Selenskyj sei durchaus möglich, so Putin.",
            ("putin", "open-conditional", None),
        ),
    ],
)
def test_cues_of_heldout7(story, language, body, expected):
    _, claims = claims_of(body, story, language)
    assert expected in brief(claims)


def test_the_speaker_goes_on_about_the_meeting_naming_his_counterpart(story):
    body = (
        "Putin said he was ready for a meeting with Zelensky in Moscow.\n\n"
        "Zelensky should first speak with the separatist leaders, Putin added."
    )
    _, claims = claims_of(body, story)
    assert ("putin", "condition", None) in brief(claims)


def test_a_paragraph_on_something_else_is_not_carried(story):
    body = (
        "Putin said he was ready for a meeting with Zelensky in Moscow.\n\n"
        "Under a possible deal, Putin said, the country must stay neutral."
    )
    _, claims = claims_of(body, story)
    assert len(claims) == 1


def test_a_name_inside_a_report_is_not_the_speaker_of_a_cue_after_a_dash(story):
    body = 'On May 2, Putin said Zelensky could "come to Moscow" for a meeting — a venue Kyiv has always said it rejects.'
    _, claims = claims_of(body, story)
    assert "zelensky" not in {c.speaker for c in claims}
    assert ("putin", "invite", "moscow") in brief(claims)


def test_a_headline_opening_with_a_name_and_a_colon_is_that_persons(story):
    body = "Putin in Sochi: the best meeting for Zelensky would be a meeting in Moscow.\n\nMarkets were calm."
    _, claims = claims_of(body, story)
    assert {c.speaker for c in claims} == {"putin"}


def test_headlines_are_no_transcript(story):
    # two headline-like colons do not make the unlabelled paragraphs after them anyone's turn
    body = (
        "Putin at the forum: a meeting is possible.\n\n"
        "Zelensky in Kyiv: a meeting is needed.\n\n"
        "A meeting of the leaders was discussed in Geneva, officials said."
    )
    _, claims = claims_of(body, story)
    assert all(
        c.sentence.startswith(("Putin", "Zelensky")) for c in claims if c.speaker in ("putin", "zelensky")
    )


@pytest.mark.parametrize(
    ("language", "body", "speaker", "stance"),
    [
        # an ordinal date's stop ends no sentence: the cue keeps its subject
        (
            "de",
            "Kremlsprecher Dmitri Peskow hatte am 4. August erklärt, Putin schließe ein Treffen mit "
            "Selenskyj nicht aus - aber nur, wenn die Arbeit auf Expertenebene erledigt sei.",
            "peskov",
            "condition",
        ),
        (
            "de",
            "Putin schließt ein Treffen mit Selenskyj nicht aus, sagte Peskow.",
            "peskov",
            "open-conditional",
        ),
        ("de", "Putin schließt ein Treffen mit Selenskyj aus, sagte Peskow.", "peskov", "reject"),
        # a French quotation opens a sentence with a space inside its guillemet; "il" is the subject before
        (
            "fr",
            "Sergueï Lavrov a douché vendredi les espoirs d'une rencontre entre Vladimir Poutine et "
            "Volodymyr Zelensky. « Aucune rencontre n'est prévue », a-t-il déclaré.",
            "lavrov",
            None,
        ),
    ],
)
def test_sentence_bounds_and_stances(story, language, body, speaker, stance):
    _, claims = claims_of(body, story, language)
    assert {c.speaker for c in claims} == {speaker}, body
    if stance:
        assert {c.stance for c in claims} == {stance}


def test_a_quote_ending_its_sentence_is_not_the_next_speakers(story):
    body = (
        'On Friday Zelensky drew the line: talks, "but with another president of Russia". '
        "Days later Peskov replied that Moscow would wait for a future president to change his position on talks."
    )
    _, claims = claims_of(body, story)
    assert all(c.speaker != "peskov" or "Friday" not in c.sentence for c in claims)


def test_a_paragraph_announcing_its_speaker_gives_him_the_next(story):
    body = (
        "❗️Песков об указе Зеленского о невозможности переговоров с Путиным:\n\n"
        "🔸 «Либо будем дожидаться, когда нынешний президент изменит свою позицию, либо будем "
        "дожидаться будущего президента Украины»."
    )
    _, claims = claims_of(body, story, "ru")
    assert brief(claims) == [("peskov", "reject", None)]


def test_the_best_place_before_a_quoted_city_makes_it_the_venue(story):
    body = (
        "« Si quelqu'un veut nous rencontrer, nous sommes prêts », a déclaré Vladimir Poutine, ajoutant que "
        "« le meilleur endroit » pour cela était « la ville de Moscou »."
    )
    _, claims = claims_of(body, story, "fr")
    assert {c.venue for c in claims} == {"moscow"}


@pytest.mark.parametrize(
    ("language", "body", "stance"),
    [
        ("uk", "Трамп заявив, що розпочав підготовку зустрічі Путіна і Зеленського.", "propose"),
        ("ru", "Трамп заявил, что приступил к подготовке встречи Путина и Зеленского.", "propose"),
        (
            "fr",
            "Donald Trump a annoncé avoir commencé à organiser une rencontre entre Poutine et Zelensky.",
            "propose",
        ),
        # "only four days after" is a time, not a condition
        (
            "fr",
            "Quatre jours seulement après la réunion, Donald Trump a annoncé avoir commencé à organiser une rencontre.",
            "propose",
        ),
    ],
)
def test_beginning_the_preparations_is_an_offer(story, language, body, stance):
    _, claims = claims_of(body, story, language)
    assert {c.stance for c in claims} == {stance}, body


def test_waiting_for_a_responsible_leadership_is_a_refusal(story):
    body = 'Russia, Peskov said, should wait for "a responsible leadership" in Ukraine before any meeting.'
    _, claims = claims_of(body, story)
    assert {c.stance for c in claims} == {"reject"}


def test_a_name_after_that_is_inside_what_was_said_and_a_weekday_in_a_city_is_where(story):
    body = (
        "Vendredi à Istanbul, le ministre russe, Sergueï Lavrov, avait rapporté que Zelensky avait demandé "
        "une rencontre des chefs d'État et que Moscou en avait « pris note »."
    )
    _, claims = claims_of(body, story, "fr")
    assert {(c.speaker, c.venue) for c in claims} == {("lavrov", None)}


def test_calling_on_him_to_sit_down_is_an_offer_and_the_conflicts_place_no_venue(story):
    body = (
        "Ukrainian President Volodymyr Zelensky on Monday called on Vladimir Putin to sit down with him, "
        "suggesting Minsk as a place where the two leaders could discuss the conflict in eastern Ukraine."
    )
    _, claims = claims_of(body, story)
    assert brief(claims) == [("zelensky", "propose", "minsk")]


def test_a_place_that_acts_is_no_refused_venue(story):
    body = 'Peskov told journalists that Moscow "will now wait for a future president of Ukraine" before any talks.'
    _, claims = claims_of(body, story)
    assert brief(claims) == [("peskov", "reject", None)]


@pytest.mark.parametrize(
    ("text", "place", "venue"),
    [
        # "that the" holds "at the" (a locus) only inside a word
        ("The pope said earlier that the Holy See was ready to bring enemies together.", "Holy See", True),
        ("He spoke at the Holy See on Monday.", "Holy See", False),
        ("The Holy See, he said, is ready to help bring enemies together.", "Holy See", True),
        ("Trump posted that the Vatican would be very interested in hosting negotiations.", "Vatican", True),
    ],
)
def test_a_place_offering_itself_is_the_venue(text, place, venue):
    start = text.index(place)
    assert is_venue(text, start, start + len(place), speech("en"), None, False) is venue


def test_a_negated_negotiation_is_a_refusal():
    lex = speech("fr")
    hit = best(stance_hits("« L'Ukraine ne mènera aucune négociation avec la Russie »", lex), lex)
    assert hit is not None and hit.stance == "reject"
