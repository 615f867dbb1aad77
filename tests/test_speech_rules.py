"""Speech-lexicon rules found on a blind held-out set: reporting verbs, stance and venue words,
quotations that end their sentence, datelines, and the tie-breaks of clustering."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import load_config
from timeline.load import load_article
from timeline.load.attribution import speech
from timeline.load.stance import best, stance_hits
from timeline.normalize import _pair

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def story():
    return load_config(ROOT / "timeline.yaml")


def claims_of(body: str, config, language: str = "en", date: str = "2025-09-03"):
    data = f"---\ntitle: A headline\ndate: {date}\nlanguage: {language}\n---\nA headline\n\n{body}\n".encode()
    return load_article("x.txt", data, config).claims


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        (
            "de",
            "Der Kremlchef Wladimir Putin hat ein Treffen mit Selenskyj in Moskau ausgeschlossen.",
            "putin",
        ),
        ("ru", "Министр Сергей Лавров ранее заявлял, что встреча Путина и Зеленского возможна.", "lavrov"),
        ("uk", "Дмитро Кулеба заявляв, що зустріч Зеленського і Путіна можлива.", "kuleba"),
        (
            "fr",
            "Vendredi, le porte-parole Dmitri Peskov a donné une autre version.\n\n« Poutine n'a proposé aucune rencontre », a-t-il soutenu.",
            "peskov",
        ),
        (
            "en",
            "Rustem Umerov put forward the idea of a leaders' summit before the end of the year.",
            "umerov",
        ),
        (
            "de",
            "Die Ukraine hat ein Treffen der Präsidenten Selenskyj und Putin vorgeschlagen. Das sagte Rustem Umjerow.",
            "umerov",
        ),
        (
            "ru",
            "Делегации на переговорах попросили о встрече президентов. Об этом в среду сообщил Мединский.",
            "medinsky",
        ),
    ],
)
def test_reporting_verbs_and_cues_find_the_speaker(story, language, body, speaker):
    claims = claims_of(body, story, language)
    assert claims and {c.speaker for c in claims} == {speaker}


@pytest.mark.parametrize(
    ("language", "text", "stance"),
    [
        ("en", "Ukraine is ready for dialogue, but with a different president of Russia", "reject"),
        ("en", "his country would not negotiate with Russia", "reject"),
        ("en", "a meeting could only take place to finalize agreements", "condition"),
        ("en", "a summit made sense only to sign a final deal", "condition"),
        ("en", "contacts of the leaders had to be prepared step by step", "condition"),
        ("en", "Kyiv put forward the idea of a summit", "propose"),
        ("en", "he began the arrangements for a meeting", "propose"),
        ("en", "he urged Kyiv to return to the negotiating table", "propose"),
        ("de", "die Ukraine bleibe bereit, aber mit einem anderen Präsidenten Russlands", "reject"),
        ("de", "Wir werden abwarten, bis der Präsident seine Position ändert", "condition"),
        ("de", "Ein Gipfel ergebe nur Sinn, wenn ein Abkommen fertig ist", "condition"),
        ("ru", "встреча возможна, но только по итогам работы делегаций", "condition"),
        ("ru", "мы готовы к диалогу, но с другим президентом", "reject"),
        ("uk", "ми готові до діалогу, але з іншим президентом", "reject"),
        ("uk", "зустріч можлива лише за підсумками роботи делегацій", "condition"),
        ("fr", "Poutine n'a proposé aucune rencontre", "deny"),
    ],
)
def test_stance_words(language, text, stance):
    lex = speech(language)
    top = best(stance_hits(text, lex), lex)
    assert top is not None and top.stance == stance


@pytest.mark.parametrize(
    ("language", "body", "venue"),
    [
        ("en", '"Switzerland is ready to host such a meeting," Ignazio Cassis said.', "switzerland"),
        ("en", "Turkey stands ready to host a meeting of the two presidents, Hakan Fidan said.", "turkey"),
        # a dateline is not the place a refusal is about
        (
            "en",
            "KYIV, Ukraine (AP) — Zelensky said his country would not negotiate with Russia while Putin is in power.",
            None,
        ),
        # the place the delegations talk in is not the venue of the leaders' meeting
        (
            "ru",
            "Украинская делегация на переговорах в Стамбуле попросила о встрече президентов, сообщил Мединский.",
            None,
        ),
        (
            "de",
            "Selenskyj hat Verhandlungen mit Putin ausgeschlossen. Das Dekret wurde auf der Internetseite des Präsidialamts in Kiew veröffentlicht.",
            None,
        ),
    ],
)
def test_venues(story, language, body, venue):
    claims = claims_of(body, story, language)
    assert claims and {c.venue for c in claims} == {venue}


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        ("de", "Selenskyj sagte, die Ukraine bleibe zu einem Dialog mit Russland bereit.", "zelensky"),
        ("en", "Zelenskyy said he felt disrespect because Vladimir Putin had not come.", "zelensky"),
        (
            "de",
            '"Wir warten auf einen künftigen Präsidenten der Ukraine", sagte Kremlsprecher Dmitri Peskow.',
            "peskov",
        ),
        ("uk", "Дмитро Пєсков заявив, що Москва дочекається майбутнього президента України.", "peskov"),
    ],
)
def test_topic_words(story, language, body, speaker):
    assert {c.speaker for c in claims_of(body, story, language)} == {speaker}


def test_a_quotation_ending_its_sentence_is_not_the_next_sentences(story):
    body = (
        'Zelensky said he was ready for talks. In his speech, Putin called on Kyiv "to cease fire and '
        'to return to the negotiating table." But he said the annexation would not be discussed.'
    )
    claims = claims_of(body, story)
    assert "zelensky" not in {c.speaker for c in claims if "negotiating table" in c.sentence}


def test_a_pronoun_after_a_quotation_with_a_comma_still_speaks(story):
    claims = claims_of('Putin spoke on Friday. "We are ready to meet Zelensky in Moscow," he said.', story)
    assert {c.speaker for c in claims} == {"putin"}


@pytest.mark.parametrize(
    ("mine", "other", "higher"),
    [
        # of two clusters alike but for their stances, the one of the very same stances scores more
        (frozenset({"comment"}), frozenset({"comment"}), True),
        (frozenset({"comment"}), frozenset({"offer"}), False),
    ],
)
def test_same_stances_break_a_tie(mine, other, higher):
    import datetime as dt

    day = dt.date(2025, 5, 15)
    shape = (None, mine, day, False, day, day, None)
    base = _pair(shape, (None, other, day, False, day, day, None))[0]
    alike = _pair(shape, (None, mine, day, False, day, day, None))[0]
    assert (base == alike) is higher


@pytest.mark.parametrize(
    ("language", "text", "stance"),
    [
        ("en", '"Come and sit down with me at a table," the president told him', "propose"),
        ("en", "Vienna would be the right place for such talks", "propose"),
        ("en", "meeting on Belarusian soil would be unconstructive", "reject"),
        ("fr", "« Asseyez-vous avec moi à la table », a-t-il dit", "propose"),
        ("de", "man werde ihn gern in Moskau empfangen", "invite"),
        ("de", "Moskau verweigere sich Gesprächen auf höchster Ebene nicht", "open-conditional"),
        ("de", "Kiew verweigere jedes Gespräch", "reject"),
        ("ru", "мы примем его в Кремле", "invite"),
        ("ru", "встречаться в Минске неконструктивно", "reject"),
        ("ru", "Ватикан может стать местом для переговоров", "propose"),
        ("uk", "ми приймемо його у Києві", "invite"),
        ("uk", "Відень може стати місцем для переговорів", "propose"),
        ("uk", "зустрічатися в Мінську неконструктивно", "reject"),
    ],
)
def test_stance_words_of_heldout7(language, text, stance):
    lex = speech(language)
    top = best(stance_hits(text, lex), lex)
    assert top is not None and top.stance == stance


@pytest.mark.parametrize(
    ("language", "body", "venue"),
    [
        (
            "en",
            "Zelensky said on Monday that Turkey, and Istanbul especially, could be the place for a meeting.",
            "istanbul",
        ),
        # where a meeting with the press was held is where it was said, not a venue
        (
            "uk",
            "На зустрічі з журналістами у Львові Зеленський заявив, що готовий до переговорів з Путіним.",
            None,
        ),
    ],
)
def test_venues_of_heldout7(story, language, body, venue):
    claims = claims_of(body, story, language)
    assert claims and {c.venue for c in claims} == {venue}


def test_any_part_of_a_region_is_a_venue(story):
    claims = claims_of(
        'Zelensky said he was ready to meet Putin "in any part of the Ukrainian Donbas".', story
    )
    assert {c.venue for c in claims} == {"donbas"}


@pytest.mark.parametrize(
    ("language", "text", "stance"),
    [
        ("en", "talks with this government made no sense", "reject"),
        ("en", "Russia should wait for a different leadership in Kyiv", "reject"),
        ("en", "a decision on the impossibility of talks", "reject"),
        ("ru", "нам нет никакого смысла встречаться", "reject"),
        ("ru", "контакты невозможны, пока нет понимания повестки", "reject"),
        ("ru", "встреча состоится, пока нет понимания повестки", "condition"),
        ("ru", "Зеленский предлагал встретиться", "propose"),
        ("ru", "готов принять украинского коллегу в Кремле", "invite"),
        ("uk", "готовий прийняти українського колегу", "invite"),
        # a negation in the clause before is not this clause's ("не проблема, я готов")
        ("ru", "встретиться — не проблема, я готов", "propose"),
        ("en", "it is not a problem, we are ready to meet", "propose"),
    ],
)
def test_stance_words_of_heldout7_batch2(language, text, stance):
    lex = speech(language)
    top = best(stance_hits(text, lex), lex)
    assert top is not None and top.stance == stance


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        ("en", "On May 2, Zelensky recorded an address inviting Putin to a meeting in Kyiv.", "zelensky"),
        (
            "en",
            "A day later, Putin answered from Sochi: Zelensky was welcome in Moscow for a meeting.",
            "putin",
        ),
        ("en", "Zelensky enacted a decision declaring talks with Putin impossible.", "zelensky"),
        (
            "ru",
            "Дмитрий Медведев в статье объяснил, почему нет смысла вести переговоры с Киевом.",
            "medvedev",
        ),
        ("ru", "«Нам нет смысла встречаться с ним», — пишет Медведев.", "medvedev"),
        # a name in quotes before the verb is no quotation of speech: the subject speaks
        (
            "ru",
            'Министр Сергей Лавров в эфире "Первого канала" усомнился в смысле встречи с Владимиром Зеленским.',
            "lavrov",
        ),
    ],
)
def test_reporting_verbs_of_heldout7(story, language, body, speaker):
    claims = claims_of(body, story, language)
    assert claims and {c.speaker for c in claims} == {speaker}


def test_a_name_in_an_oblique_case_is_not_the_subject(story):
    body = (
        "Дмитрий Медведев написал статью о переговорах с Украиной.\n\n"
        "Президента Владимира Зеленского он обвинил во лжи, а переговоры с ним назвал бессмысленными."
    )
    assert {c.speaker for c in claims_of(body, story, "ru")} == {"medvedev"}


def test_contacts_of_the_presidents_are_the_topic(story):
    body = "Песков напомнил, что прямые контакты двух президентов сейчас невозможны."
    assert {(c.speaker, c.stance) for c in claims_of(body, story, "ru")} == {("peskov", "reject")}


def test_the_east_of_the_country_is_donbas(story):
    claims = claims_of("Zelensky said he was ready to meet Putin in the east of the country.", story)
    assert {c.venue for c in claims} == {"donbas"}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("« Qu'il vienne à Kiev, s'il le veut »", "invite"),
        ("« Si quelqu'un veut nous voir, nous sommes prêts »", "propose"),
    ],
)
def test_french_stance_words_of_heldout8(text, stance):
    lex = speech("fr")
    top = best(stance_hits(text, lex), lex)
    assert top is not None and top.stance == stance


def test_a_role_before_a_name_is_that_names(story):
    # the role is another holder's of the office on this date; the name says who speaks
    body = "German Chancellor Olaf Scholz said a meeting of the two presidents was possible."
    claims = claims_of(body, story, date="2025-09-03")
    assert {c.speaker for c in claims} == {"scholz"}


def test_according_to_inside_what_was_said_keeps_the_speaker(story):
    body = "Merz told reporters that according to Trump, Putin had agreed to meet Zelensky within two weeks."
    claims = claims_of(body, story)
    assert {c.speaker for c in claims} == {"merz"}


@pytest.mark.parametrize(
    ("language", "text", "stance"),
    [
        ("en", "we will begin negotiations as soon as they withdraw", "condition"),
        ("ru", "переговоры начнутся, как только войска уйдут", "condition"),
        ("uk", "переговори почнуться, щойно війська підуть", "condition"),
        ("de", "Verhandlungen beginnen, sobald die Truppen abziehen", "condition"),
    ],
)
def test_as_soon_as_is_a_condition(language, text, stance):
    lex = speech(language)
    top = best(stance_hits(text, lex), lex)
    assert top is not None and top.stance == stance


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Selenskyj hatte am Montag gesagt, die Ukraine sei zu einem Dreiertreffen bereit.",
            ("zelensky", "propose"),
        ),
        (
            "Kremlberater Juri Uschakow hatte mitgeteilt, ein Gipfeltreffen sei in Vorbereitung.",
            ("ushakov", "comment"),
        ),
        (
            "Trump teilte mit, er habe begonnen, ein Treffen zwischen Putin und Selenskyj vorzubereiten.",
            ("trump", "propose"),
        ),
    ],
)
def test_german_words_of_heldout8(story, body, expected):
    assert expected in {(c.speaker, c.stance) for c in claims_of(body, story, "de")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "на конференцию, на которую нас не приглашают"),
        ("en", "a conference to which Russia has not been invited"),
        ("de", "eine Konferenz, zu der Russland nicht eingeladen ist"),
        ("uk", "на конференцію, куди нас не запрошують"),
    ],
)
def test_not_being_invited_is_no_denial(language, text):
    lex = speech(language)
    top = best(stance_hits(text, lex), lex)
    assert top is None or top.stance == "comment"


@pytest.mark.parametrize(
    ("language", "body", "venue"),
    [
        ("ru", "Путин заявил: лучшее место для встречи с Зеленским — Тверь.", None),
        ("ru", "Путин заявил: лучшее место для встречи с Зеленским — Москва.", "moscow"),
        ("en", "Putin said the best place for a meeting with Zelensky was, in his view, Moscow.", "moscow"),
    ],
)
def test_a_place_after_best_place_is_the_venue(story, language, body, venue):
    claims = claims_of(body, story, language)
    assert venue in {c.venue for c in claims}
