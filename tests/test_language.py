"""Language detection: script, function words and the letters one language alone has."""

from __future__ import annotations

import pytest

from timeline.load.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jurors must report at 9:30 a.m. Friday.", "en"),
        (
            "Синоптики прогнозируют сильные морозы в новогоднюю ночь. В пятницу температура опустится до минус 20.",
            "ru",
        ),
        (
            "Синоптики прогнозують сильні морози в новорічну ніч. У п'ятницю температура знизиться до мінус 20.",
            "uk",
        ),
        ("Die Regierung hat am Freitag über die Lage beraten, sagte der Sprecher.", "de"),
        ("Le gouvernement a annoncé vendredi qu'il était prêt à discuter.", "fr"),
        ("", "en"),
    ],
)
def test_detects_the_language_of_short_texts(text: str, language: str) -> None:
    assert detect_language(text, "en") == language
