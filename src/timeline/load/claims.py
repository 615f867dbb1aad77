"""Claims: who said what about the meeting, in which sentence.

FIRST VERSION: a sentence that names a configured actor next to a reporting verb and talks
about a meeting is a claim; stance from the lexicon's stance words; venue from the places
it names. Attribution through pronouns and roles, negation and quotations come later.
"""

from __future__ import annotations

import functools
import re

from timeline import lexicon
from timeline.config import Config
from timeline.gazetteer import gazetteer
from timeline.load.dating import statement_date
from timeline.model import Claim, DateEstimate, Sentence, Span

QUOTE = re.compile(r"[\"“„«]([^\"“”„«»]{3,})[\"”“»]")


@functools.cache
def _compiled(language: str) -> tuple[re.Pattern | None, tuple[tuple[str, re.Pattern], ...]]:
    lex = lexicon.lexicon(language)
    verbs = lex.get("reporting_verbs") or []
    verb_re = re.compile(r"\b(" + "|".join(verbs) + r")\b", re.I) if verbs else None
    stances = tuple((item["stance"], re.compile("|".join(item["patterns"]), re.I)) for item in lex.get("stances") or [])
    return verb_re, stances


def extract_claims(article_id: str, text: str, sentences: tuple[Sentence, ...], skip: set[int], published: DateEstimate, language: str, config: Config) -> tuple[Claim, ...]:
    verb_re, stances = _compiled(language)
    if verb_re is None:
        return ()
    g = gazetteer(config)
    topic = [t.lower() for t in config.site.topic_terms.get(language, ())]
    out: list[Claim] = []
    for sentence in sentences:
        if sentence.paragraph in skip:
            continue
        lower = sentence.text.lower()
        if topic and not any(t in lower for t in topic):
            continue
        verb = verb_re.search(sentence.text)
        if not verb:
            continue
        actors = [m for m in g.actors(sentence.text) if config.actor(m.id)]
        if not actors:
            continue
        speaker = min(actors, key=lambda m: abs(m.start - verb.start())).id
        stance = next((name for name, pattern in stances if pattern.search(sentence.text)), "comment")
        places = g.places(sentence.text)
        venue = places[0].id if places else None
        actor = config.actor(speaker)
        others = [m.id for m in actors if m.id != speaker]
        counterpart = others[0] if others else (actor.counterpart if actor else None)
        quotes = tuple(Span(q.group(1), sentence.start + q.start(1), sentence.start + q.end(1)) for q in QUOTE.finditer(sentence.text))
        out.append(
            Claim(
                article=article_id,
                speaker=speaker,
                stance=stance,
                venue=venue,
                counterpart=counterpart,
                said=statement_date(sentence, text, published, language),
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
                quotes=quotes,
                language=language,
                cue=verb.group(0),
            )
        )
    return tuple(out)
