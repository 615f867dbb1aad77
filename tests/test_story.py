"""The story's reference events: each one's wordings name it in every language a reporter writes
in, and words that merely look alike (another call, another summit in the same city) do not."""

from __future__ import annotations

import re

import pytest

LANGUAGES = ("en", "ru", "uk", "de", "fr")

# (event id, language, a phrase naming the event, a near miss that must not)
WORDINGS = [
    (
        "trump-zelensky-call-2019",
        "en",
        "the July 25 phone call with Zelensky",
        "the July 25 deadline for the ceasefire",
    ),
    (
        "trump-zelensky-call-2019",
        "ru",
        "в ходе телефонного разговора Трампа с Зеленским 25 июля",
        "в ходе разговора с Макроном 25 июля",
    ),
    (
        "trump-zelensky-call-2019",
        "uk",
        "під час розмови Трампа з Зеленським 25 липня",
        "під час розмови з Макроном 25 липня",
    ),
    (
        "trump-zelensky-call-2019",
        "de",
        "im Telefonat vom 25. Juli 2019 zwischen Trump und Selenskyj",
        "im Telefonat vom 25. Juli mit Macron",
    ),
    (
        "trump-zelensky-call-2019",
        "fr",
        "lors de la conversation téléphonique du 25 juillet avec Zelensky",
        "lors de la conversation du 25 juillet avec Macron",
    ),
    (
        "trump-zelensky-unga-2019",
        "en",
        "the memo of the July 25 call was released",
        "a memo of the call with Putin",
    ),
    (
        "trump-zelensky-unga-2019",
        "ru",
        "опубликовал расшифровку телефонного разговора Трампа с Зеленским",
        "опубликовал расшифровку разговора Путина с Макроном",
    ),
    (
        "trump-zelensky-unga-2019",
        "uk",
        "оприлюднив стенограму розмови Трампа з Зеленським",
        "оприлюднив стенограму розмови Путіна з Макроном",
    ),
    (
        "trump-zelensky-unga-2019",
        "de",
        "das Gesprächsprotokoll des Telefonats zwischen Trump und Selenskyj",
        "das Protokoll des Telefonats zwischen Putin und Macron",
    ),
    (
        "trump-zelensky-unga-2019",
        "fr",
        "la transcription de leur conversation téléphonique entre Trump et Zelensky",
        "la transcription de la conversation entre Poutine et Macron",
    ),
    (
        "zelensky-press-marathon-2019",
        "en",
        "Zelensky's all-day press marathon",
        "Putin's marathon press conference",
    ),
    (
        "zelensky-press-marathon-2019",
        "ru",
        "во время пресс-марафона Зеленского",
        "во время пресс-конференции Зеленского",
    ),
    (
        "zelensky-press-marathon-2019",
        "uk",
        "під час прес-марафону Зеленського",
        "під час прес-конференції Зеленського",
    ),
    (
        "zelensky-press-marathon-2019",
        "de",
        "Selenskyj gab einen Pressemarathon",
        "Selenskyj gab eine Pressekonferenz",
    ),
    (
        "zelensky-press-marathon-2019",
        "fr",
        "Zelensky a tenu un marathon de presse",
        "Zelensky a tenu une conférence de presse",
    ),
    (
        "advisory-council-minsk-2020",
        "en",
        "an advisory council with representatives of the separatist regions",
        "an advisory council of economists",
    ),
    (
        "advisory-council-minsk-2020",
        "ru",
        "Консультативный совет в рамках ТКГ",
        "Консультативный совет по иностранным инвестициям",
    ),
    (
        "advisory-council-minsk-2020",
        "uk",
        "Консультативна рада за участю представників ОРДЛО",
        "Консультативна рада з питань інвестицій",
    ),
    (
        "advisory-council-minsk-2020",
        "de",
        "einen Beratungsrat mit Vertretern der Separatisten",
        "einen Beratungsrat mit Vertretern der Wirtschaft",
    ),
    (
        "advisory-council-minsk-2020",
        "fr",
        "un conseil consultatif avec des représentants des séparatistes",
        "un conseil consultatif avec des représentants des entreprises",
    ),
    (
        "putin-minsk-2024",
        "en",
        "the legitimacy of the current head of state has ended",
        "the legitimacy of the elections",
    ),
    (
        "putin-minsk-2024",
        "ru",
        "легитимность действующего главы государства закончилась",
        "легитимность выборов закончилась",
    ),
    (
        "putin-minsk-2024",
        "uk",
        "легітимність чинного глави держави закінчилася",
        "легітимність виборів закінчилася",
    ),
    (
        "putin-minsk-2024",
        "de",
        "die Legitimität des amtierenden ukrainischen Staatsoberhaupts sei abgelaufen",
        "die Legitimität der Wahl sei abgelaufen",
    ),
    (
        "putin-minsk-2024",
        "fr",
        "la légitimité du chef de l'État ukrainien actuel a pris fin",
        "la légitimité du scrutin a pris fin",
    ),
    ("putin-tashkent-2024", "en", "Putin told reporters in Tashkent", "Lavrov told reporters in Tashkent"),
    (
        "putin-tashkent-2024",
        "ru",
        "Путин заявил журналистам в Ташкенте",
        "Лавров заявил журналистам в Ташкенте",
    ),
    (
        "putin-tashkent-2024",
        "uk",
        "Путін заявив журналістам у Ташкенті",
        "Лавров заявив журналістам у Ташкенті",
    ),
    ("putin-tashkent-2024", "de", "Putin sagte in Taschkent", "Lawrow sagte in Taschkent"),
    ("putin-tashkent-2024", "fr", "Poutine a déclaré à Tachkent", "Lavrov a déclaré à Tachkent"),
    ("kazan-brics-summit-2024", "en", "at the BRICS summit in Kazan", "at the BRICS summit in Rio"),
    ("kazan-brics-summit-2024", "ru", "на саммите БРИКС в Казани", "на саммите БРИКС в Рио"),
    ("kazan-brics-summit-2024", "uk", "на саміті БРІКС у Казані", "на саміті БРІКС у Ріо"),
    ("kazan-brics-summit-2024", "de", "beim BRICS-Gipfel in Kasan", "beim BRICS-Gipfel in Rio"),
    ("kazan-brics-summit-2024", "fr", "au sommet des BRICS à Kazan", "au sommet des BRICS à Rio"),
    (
        "copenhagen-meeting-2023",
        "en",
        "national security advisers met in Copenhagen",
        "European leaders met in Copenhagen",
    ),
    (
        "copenhagen-meeting-2023",
        "ru",
        "советники по национальной безопасности встретились в Копенгагене",
        "лидеры ЕС встретились в Копенгагене",
    ),
    (
        "copenhagen-meeting-2023",
        "uk",
        "радники з питань національної безпеки зустрілися у Копенгагені",
        "лідери ЄС зустрілися у Копенгагені",
    ),
    (
        "copenhagen-meeting-2023",
        "de",
        "Sicherheitsberater trafen sich in Kopenhagen",
        "EU-Staatschefs trafen sich in Kopenhagen",
    ),
    (
        "copenhagen-meeting-2023",
        "fr",
        "des conseillers à la sécurité nationale réunis à Copenhague",
        "des dirigeants européens réunis à Copenhague",
    ),
    (
        "pope-leo-elected",
        "en",
        "the new Pope Leo XIV offered the Vatican",
        "Pope Leo XIV offered the Vatican",
    ),
    ("pope-leo-elected", "ru", "новый Папа Римский Лев XIV", "Папа Римский Лев XIV"),
    ("pope-leo-elected", "uk", "новий Папа Римський Лев XIV", "Папа Римський Лев XIV"),
    ("pope-leo-elected", "de", "der neue Papst Leo XIV.", "Papst Leo XIV."),
    ("pope-leo-elected", "fr", "le nouveau pape Léon XIV", "le pape Léon XIV"),
    (
        "pope-leo-inauguration-2025",
        "en",
        "the inauguration Mass of Pope Leo",
        "the inauguration of President Trump",
    ),
    ("pope-leo-inauguration-2025", "ru", "на интронизации Папы Римского Льва XIV", "на инаугурации Трампа"),
    ("pope-leo-inauguration-2025", "uk", "на інтронізації Папи Римського Лева XIV", "на інавгурації Трампа"),
    (
        "pope-leo-inauguration-2025",
        "de",
        "bei der Amtseinführung von Papst Leo",
        "bei der Amtseinführung von Trump",
    ),
    (
        "pope-leo-inauguration-2025",
        "fr",
        "la messe d'intronisation du pape Léon XIV",
        "l'investiture de Trump",
    ),
    (
        "scholz-putin-call-2024",
        "en",
        "Scholz held his first phone call with Putin in nearly two years",
        "Scholz held a phone call with Putin",
    ),
    (
        "scholz-putin-call-2024",
        "ru",
        "разговор Путина с Шольцем стал первым почти за два года",
        "разговор Путина с Шольцем",
    ),
    (
        "scholz-putin-call-2024",
        "uk",
        "розмова Путіна з Шольцом стала першою майже за два роки",
        "розмова Путіна з Шольцом",
    ),
    (
        "scholz-putin-call-2024",
        "de",
        "Scholz führte das erste Telefonat mit Putin seit fast zwei Jahren",
        "Scholz führte ein Telefonat mit Putin",
    ),
    (
        "scholz-putin-call-2024",
        "fr",
        "Scholz a eu un entretien téléphonique avec Poutine depuis près de deux ans",
        "Scholz a eu un entretien téléphonique avec Poutine",
    ),
    (
        "witkoff-putin-st-petersburg-2025",
        "en",
        "Witkoff met Putin in St. Petersburg",
        "Witkoff met Putin in Moscow",
    ),
    (
        "witkoff-putin-st-petersburg-2025",
        "ru",
        "Уиткофф встретился с Путиным в Санкт-Петербурге",
        "Уиткофф встретился с Путиным в Москве",
    ),
    (
        "witkoff-putin-st-petersburg-2025",
        "uk",
        "Віткофф зустрівся з Путіним у Санкт-Петербурзі",
        "Віткофф зустрівся з Путіним у Москві",
    ),
    (
        "witkoff-putin-st-petersburg-2025",
        "de",
        "Witkoff traf Putin in St. Petersburg",
        "Witkoff traf Putin in Moskau",
    ),
    (
        "witkoff-putin-st-petersburg-2025",
        "fr",
        "Witkoff a rencontré Poutine à Saint-Pétersbourg",
        "Witkoff a rencontré Poutine à Moscou",
    ),
    (
        "trump-zelensky-unga-2025",
        "en",
        'Trump called Russia a "paper tiger"',
        "a paper tiger of a trade deal",
    ),
    ("trump-zelensky-unga-2025", "ru", "назвал Россию «бумажным тигром»", "назвал Россию «тигром»"),
    ("trump-zelensky-unga-2025", "uk", "назвав Росію «паперовим тигром»", "назвав Росію «тигром»"),
    (
        "trump-zelensky-unga-2025",
        "de",
        "Trump nannte Russland einen Papiertiger",
        "ein Papiertiger der Handelspolitik",
    ),
    (
        "trump-zelensky-unga-2025",
        "fr",
        "Trump a qualifié la Russie de tigre de papier",
        "un tigre de papier commercial",
    ),
    (
        "budapest-summit-announced",
        "en",
        "after the October 16 phone call with Putin",
        "after the October 16 meeting with Putin",
    ),
    (
        "budapest-summit-announced",
        "ru",
        "телефонный разговор Путина с Трампом 16 октября",
        "встреча Путина с Трампом 16 октября",
    ),
    (
        "budapest-summit-announced",
        "uk",
        "телефонна розмова Путіна з Трампом 16 жовтня",
        "зустріч Путіна з Трампом 16 жовтня",
    ),
    (
        "budapest-summit-announced",
        "de",
        "im Telefonat mit Putin am 16. Oktober",
        "im Treffen mit Putin am 16. Oktober",
    ),
    (
        "budapest-summit-announced",
        "fr",
        "l'entretien téléphonique avec Poutine du 16 octobre",
        "la rencontre avec Poutine du 16 octobre",
    ),
    (
        "zelensky-white-house-2025-10-17",
        "en",
        "the meeting at the White House on October 17",
        "the meeting at the White House on August 18",
    ),
    (
        "zelensky-white-house-2025-10-17",
        "ru",
        "встреча Зеленского с Трампом в Белом доме 17 октября",
        "встреча Зеленского с Трампом в Белом доме 18 августа",
    ),
    (
        "zelensky-white-house-2025-10-17",
        "uk",
        "зустріч Зеленського з Трампом у Білому домі 17 жовтня",
        "зустріч Зеленського з Трампом у Білому домі 18 серпня",
    ),
    (
        "zelensky-white-house-2025-10-17",
        "de",
        "das Treffen zwischen Selenskyj und Trump im Weißen Haus am 17. Oktober",
        "das Treffen zwischen Selenskyj und Trump im Weißen Haus am 18. August",
    ),
    (
        "zelensky-white-house-2025-10-17",
        "fr",
        "la rencontre avec Donald Trump à la Maison Blanche le 17 octobre",
        "la rencontre avec Donald Trump à la Maison Blanche le 18 août",
    ),
]


def _patterns(config, event_id: str, language: str) -> list[re.Pattern[str]]:
    event = next(e for e in config.reference_events if e.id == event_id)
    return [re.compile(m.pattern, re.IGNORECASE) for m in event.mentions.get(language, ())]


@pytest.mark.parametrize(("event_id", "language", "phrase", "near_miss"), WORDINGS)
def test_wordings_name_the_event_and_not_a_look_alike(
    project_config, event_id: str, language: str, phrase: str, near_miss: str
) -> None:
    patterns = _patterns(project_config, event_id, language)
    assert any(p.search(phrase) for p in patterns), phrase
    assert not any(p.search(near_miss) for p in patterns), near_miss


@pytest.mark.parametrize("event_id", sorted({row[0] for row in WORDINGS}))
def test_the_events_are_named_in_every_language(project_config, event_id: str) -> None:
    event = next(e for e in project_config.reference_events if e.id == event_id)
    assert set(LANGUAGES) <= set(event.mentions)


def test_venues_of_the_story_are_places(project_config) -> None:
    for event in project_config.reference_events:
        assert event.venue is None or project_config.place(event.venue) is not None
