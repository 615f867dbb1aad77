"""Claims: who said what about the meeting, where and when, in which words.

One paragraph at a time: each sentence gets its speaker from its own reporting cue ("Peskov
said", "— заявил Песков", "so Peskow"), from the quotation it lies in (a quotation takes the
speaker named right after or before it, else the current one), or carries the speaker of the
sentence before it; pronouns and roles resolve to the current speaker. A run of sentences by one
speaker is one utterance; an utterance about a meeting gives a claim per venue whose clause has
its own stance ("not in Moscow ... invite him to Kyiv" gives two) and one for the rest.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from timeline.config import Config
from timeline.load.attribution import (
    Attribution,
    Ref,
    Speech,
    attributions,
    candidate_names,
    finder,
    inside,
    quotations,
    speech,
    speech_quotes,
)
from timeline.load.dating import statement_date
from timeline.load.stance import best, clause_of, is_venue, stance_hits
from timeline.model import Claim, DateEstimate, Sentence, Span
from timeline.textindex import WordRegex, words_re


@dataclass
class _Unit:
    """A sentence, or the part of it one speaker says."""

    speaker: str
    sentence: Sentence
    start: int
    end: int
    paragraph: int
    attribution: Attribution | None
    fresh: bool = False  # a report of its own ("Earlier, the president said ..."): a new utterance
    # an answer to a question on the meeting, or the speaker's next paragraph after his words on
    # it ("..., so Putin"): on the topic whatever its words
    asked: bool = False


@functools.cache
def _topic(terms: tuple[str, ...]) -> WordRegex | None:
    """The story's topic words, each taking any ending ("negotiat" finds "negotiations")."""
    return words_re([re.escape(t) for t in terms], tail=r"[\w-]*", whole_word=False)


def extract_claims(
    article_id: str,
    text: str,
    sentences: tuple[Sentence, ...],
    skip: set[int],
    published: DateEstimate,
    language: str,
    config: Config,
) -> tuple[Claim, ...]:
    lex = speech(language)
    units = _units(text, sentences, skip, published.value, lex, config)
    topic = _topic(tuple(config.site.topic_terms.get(language, ())))
    out: list[Claim] = []
    for utterance in _utterances(units):
        out.extend(_claims(article_id, text, utterance, published, language, lex, topic, config))
    return tuple(out)


def _paragraphs(sentences: tuple[Sentence, ...], skip: set[int]) -> list[list[Sentence]]:
    groups: dict[int, list[Sentence]] = {}
    for s in sentences:
        if s.paragraph not in skip:
            groups.setdefault(s.paragraph, []).append(s)
    return [groups[k] for k in sorted(groups)]


class _Current:
    """The current speaker ("he"), read only when needed.

    A paragraph with no topic word yields no claim; it is worked through only when a later
    paragraph asks who "he" is, and not at all when a later sentence names a new speaker first.
    """

    def __init__(self) -> None:
        self._value: str | None = None
        self.pending: list[Callable[[], None]] = []

    def get(self) -> str | None:
        while self.pending:
            pending, self.pending = self.pending, []
            for step in pending:
                step()
        return self._value

    def set(self, value: str | None) -> None:
        self.pending = []  # what the deferred paragraphs would have set is overwritten
        self._value = value


def _resolve(ref: Ref | None, current: _Current, names: set[str], config: Config) -> str | None:
    """The actor a reference means: a pronoun the current speaker; an institution its named spokesperson."""
    if ref is None:
        return None
    if ref.actor is None:
        return current.get()
    actor = config.actor(ref.actor)
    if actor is not None and actor.kind == "institution":
        named = [p for p in actor.spokespeople if p in names]
        if named:
            return named[0]
    return ref.actor


def _units(
    text: str,
    sentences: tuple[Sentence, ...],
    skip: set[int],
    published: dt.date | None,
    lex: Speech,
    config: Config,
) -> list[_Unit]:
    units: list[_Unit] = []
    current = _Current()
    topic = _topic(tuple(config.site.topic_terms.get(lex.language, ())))
    anaphoric = _anaphoric(lex.language)
    orphans: list[Sentence] = []
    paragraphs = _paragraphs(sentences, skip)
    turns = _turns(text, paragraphs, published, lex, config)
    question = False
    last: str | None = None  # who spoke last in the paragraph before, when it was on the topic
    announced = False  # the paragraph before announced this one's speaker on the topic
    for paragraph, (turn, labelled) in zip(paragraphs, turns, strict=True):
        topical = any(_topical(s.text, topic, lex) for s in paragraph)
        asked = turn if turn and (labelled and question or announced and not labelled) else None
        announced = topical and text[paragraph[0].start : paragraph[-1].end].rstrip().endswith(":")
        question = labelled and turn is None and topical
        if not topical and not asked and last and _carries_on(text, paragraph, last, published, lex, config):
            asked = last  # the speaker goes on about the meeting without naming it again
        if topical or asked or (orphans and anaphoric and anaphoric.match(paragraph[0].text)):
            count = len(units)
            orphans = _paragraph_units(
                text, paragraph, published, lex, config, current, units, orphans, turn, asked
            )
            last = units[-1].speaker if topical and len(units) > count else None
        else:  # no claim can come of it: only who is speaking at its end may matter, later
            current.pending.append(
                functools.partial(
                    _paragraph_units, text, paragraph, published, lex, config, current, [], turn
                )
            )
            orphans = []
            last = None
    return units


def _carries_on(
    text: str, paragraph: list[Sentence], speaker: str, published: dt.date | None, lex: Speech, config: Config
) -> bool:
    """Whether a paragraph that names no meeting may still be the speaker's words on it: it takes
    a stance and quotes him («Была затронута идея ...», — сказал Ушаков) or names his counterpart
    ("Selenskyj müsse zuerst mit ... sprechen, so Putin")."""
    actor = config.actor(speaker)
    if actor is None or actor.counterpart is None:
        return False
    if not any(h.stance != "comment" for s in paragraph for h in stance_hits(s.text, lex)):
        return False
    p_text = text[paragraph[0].start : paragraph[-1].end]
    if p_text[:1] in QUOTE_OPENERS:
        return True
    refs = finder(config, lex.language).refs(p_text, paragraph[0].start, published, lex)
    return any(r.actor == actor.counterpart for r in refs)


LABEL = re.compile(r"[^\w\"«“„]*(?P<label>[^\W\d_][^\n:;!?\"«»“”„]{0,80}?)\s*:\s+(?=\S)")


def _label(
    paragraph: str, offset: int, published: dt.date | None, lex: Speech, config: Config
) -> tuple[bool, str | None] | None:
    """A transcript's speaker label opening a paragraph ("В.Путин:", "ZELENSKY:", "Вопрос:"): None
    when there is none; else whether it names a speaker, and the person it names. A label is one
    name in capitals, in capitalised words, or the word for a question; "Stand:" is no speaker."""
    m = LABEL.match(paragraph)
    if m is None:
        return None
    label = re.sub(r"\([^)]*\)", " ", m.group("label")).split(",")[0].strip()
    words = re.findall(r"[^\W\d_]+", label)
    if not words or len(words) > 6:
        return None
    if label.casefold() in lex.questioners:
        return True, None
    capitalised = all(w[:1].isupper() for w in words)
    refs = finder(config, lex.language).refs(label, offset + m.start("label"), published, lex)
    person = next(
        (
            r.actor
            for r in refs
            if r.kind == "name" and r.actor and not r.possessive and _is_person(r.actor, config)
        ),
        None,
    )
    if not capitalised:
        # a headline "Путин на ВЭФ: ...": the person it opens with says what follows the colon
        opens = refs and refs[0].kind == "name" and refs[0].start == offset + m.start("label")
        return (False, person) if opens and person == refs[0].actor else None
    if person is not None:
        return True, person
    letters = "".join(words)
    return (len(letters) >= 2 and letters.isupper()), None


def _is_person(actor_id: str, config: Config) -> bool:
    actor = config.actor(actor_id)
    return actor is not None and actor.kind == "person"


def _turns(
    text: str, paragraphs: list[list[Sentence]], published: dt.date | None, lex: Speech, config: Config
) -> list[tuple[str | None, bool]]:
    """Per paragraph, the person whose transcript turn it is (or None), and whether it opens with
    the label. In a transcript (two speaker labels or more) a turn runs on through the paragraphs
    without a label; elsewhere a label ("Путин: ...", a headline) gives only its own paragraph."""
    labels = [_label(text[p[0].start : p[-1].end], p[0].start, published, lex, config) for p in paragraphs]
    transcript = sum(1 for x in labels if x is not None and x[0]) >= 2
    out: list[tuple[str | None, bool]] = []
    turn: str | None = None
    opened: str | None = None
    for paragraph, found in zip(paragraphs, labels, strict=True):
        lead, opened = opened, None
        if found is None:
            out.append((turn if transcript else lead, False))
            if not transcript:
                opened = _opener(text, paragraph, published, lex, config)
            continue
        speaker_like, person = found
        if not speaker_like and person:
            out.append((person, False))  # a headline's speaker, for its own paragraph only
            continue
        turn = person if speaker_like else None
        out.append((turn, speaker_like))
    return out


def _opener(
    text: str, paragraph: list[Sentence], published: dt.date | None, lex: Speech, config: Config
) -> str | None:
    """The person who speaks the next paragraph when this one only announces it, opening with
    his name and ending with a colon ("❗️Песков об указе Зеленского о невозможности переговоров:")."""
    p_text = text[paragraph[0].start : paragraph[-1].end].rstrip()
    if not p_text.endswith(":") or len(p_text) > 160 or QUOTE_CHARS.search(p_text):
        return None
    refs = finder(config, lex.language).refs(p_text, paragraph[0].start, published, lex)
    first = refs[0] if refs else None
    if first is None or first.kind != "name" or first.possessive or not first.actor:
        return None
    if not re.fullmatch(r"[^\w]*", p_text[: first.start - paragraph[0].start]):
        return None  # the name opens the paragraph (after an emoji or a mark at most)
    return first.actor if _is_person(first.actor, config) else None


QUOTE_CHARS = re.compile(r"[\"«»“”„]")


@functools.cache
def _anaphoric(language: str) -> re.Pattern[str] | None:
    """Cues that give what was said before them its speaker ("This was stated by ...", "Об этом заявил ...")."""
    patterns = speech(language).raw.get("anaphoric_cues") or ()
    return (
        re.compile(r"^\W*(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE)
        if patterns
        else None
    )


@functools.lru_cache(maxsize=1024)
def _topical(t: str, topic: WordRegex | None, lex: Speech) -> bool:
    """Whether t names the topic or a meeting (remembered: a sentence is asked about again as a unit)."""
    return bool((topic and topic.search(t)) or (lex.meeting and lex.meeting.search(t)))


def _paragraph_units(
    text: str,
    paragraph: list[Sentence],
    published: dt.date | None,
    lex: Speech,
    config: Config,
    current: _Current,
    units: list[_Unit],
    orphans: list[Sentence] | None = None,
    turn: str | None = None,
    asked: str | None = None,
) -> list[Sentence]:
    """The units of one paragraph, carrying the current speaker through it; returns the sentences
    at its end that nobody was found to say (orphans), which a next "This was stated by X" claims.
    In a transcript turn, what no cue gives to another is said by the turn's speaker; what `asked`
    says here is on the topic, whatever its words."""
    anaphoric = _anaphoric(lex.language)
    orphans = list(orphans or ())
    find = finder(config, lex.language)
    p_start, p_end = paragraph[0].start, paragraph[-1].end
    p_text = text[p_start:p_end]
    spans = quotations(p_text, p_start)
    quotes = speech_quotes(text, spans, 0)
    refs = find.refs(p_text, p_start, published, lex)
    names = {r.actor for r in refs if r.kind == "name" and r.actor}
    free = [r for r in refs if not inside(r.start, quotes)]  # the references outside quotations
    per_sentence = []
    for s in paragraph:
        s_refs = [r for r in refs if s.start <= r.start < s.end]
        per_sentence.append(attributions(s.text, s.start, s_refs, quotes, lex))
    all_atts = [a for atts in per_sentence for a in atts]
    quote_ref = {q: _quote_attribution(q, all_atts, text) for q in quotes}
    previous: str | None = turn
    if turn:
        current.set(turn)
    for s, atts in zip(paragraph, per_sentence, strict=True):
        lead = len(s.text) - len(s.text.lstrip())
        q = inside(s.start + lead, quotes) or next((q for q in quotes if q[0] == s.start + lead), None)
        speaker: str | None = None
        segments: list[tuple[str, int, int, Attribution | None]] = []
        if q is not None and q[0] < s.start + lead:
            att = quote_ref.get(q)
            speaker = _resolve(att.ref, current, names, config) if att else current.get()
            if speaker:
                segments.append((speaker, s.start, s.end, att))
        elif atts:
            resolved = []
            for a in atts:
                if a.ref.kind == "none":
                    continue
                # "Putin recalled ..., which, in his words, ...": a pronoun is the speaker the
                # sentence has just named, not whoever spoke before it
                r = (
                    resolved[-1][1]
                    if a.ref.actor is None and resolved
                    else _resolve(a.ref, current, names, config)
                )
                if r:
                    resolved.append((a, r))
            silent = [a for a in atts if a.ref.kind == "none"]
            distinct: list[tuple[Attribution, str]] = []
            for a, r in resolved:
                if not distinct or distinct[-1][1] != r:
                    distinct.append((a, r))
            for i, (a, r) in enumerate(distinct):
                start = s.start if i == 0 else a.start
                if i == 0 and any(x.cue_start < a.start for x in silent) and not _closing(text, s, a, silent):
                    # a cue with no known speaker ends what came before, unless this speaker's
                    # cue closes the sentence ("Ukraine proposed ..., Umerov told reporters")
                    start = a.start
                end = distinct[i + 1][0].start if i + 1 < len(distinct) else s.end
                segments.append((r, start, end, a))
        if not segments:
            inner = next((q for q in quotes if s.start <= q[0] < s.end and quote_ref.get(q)), None)
            if inner is not None:
                att = quote_ref[inner]
                r = _resolve(att.ref, current, names, config)
                if r:
                    segments.append((r, s.start, s.end, att))
        fresh = False
        if not segments and turn:
            segments.append((turn, s.start, s.end, None))
        elif not segments and previous and not _other_subject(s, free, previous):
            segments.append((previous, s.start, s.end, None))
            # a reporting verb of its own whose subject is a bare role ("Earlier, the president
            # said ..."): the same speaker, but another statement
            fresh = any(a.ref.kind == "none" and not inside(a.cue_start, quotes) for a in atts)
        cue = anaphoric.match(s.text) if orphans and anaphoric else None
        if cue and not segments:
            # the passive "was stated by X": the speaker is the agent after the cue
            agent = _agent(
                [r for r in refs if s.start + cue.end() <= r.start < s.start + cue.end() + 80 and r.actor],
                config,
            )
            if agent:
                segments.append((agent, s.start, s.end, None))
        if segments and cue:
            # "This was stated by Kremlin aide Yuri Ushakov": the sentences before are his
            units.extend(_Unit(segments[0][0], o, o.start, o.end, s.paragraph, None) for o in orphans)
        orphans = [] if segments else [*orphans, s]
        for r, start, end, att in segments:
            units.append(_Unit(r, s, start, end, s.paragraph, att, fresh, r == asked))
        if segments:
            previous = segments[-1][0]
            current.set(previous)
        else:
            previous = None
            subject = _subject(s, free, config)
            if subject:
                current.set(subject)
    return orphans


def _agent(refs: list[Ref], config: Config) -> str | None:
    """The person among the first names after a passive cue ("by Kremlin aide Yuri Ushakov"), else the first."""
    for r in refs:
        actor = config.actor(r.actor) if r.actor else None
        if actor is not None and actor.kind == "person":
            return r.actor
    return refs[0].actor if refs else None


def _closing(text: str, s: Sentence, a: Attribution, silent: list[Attribution]) -> bool:
    """Whether a's cue closes the sentence after a comma, reporting all that went before it."""
    last = max(x.cue_end for x in silent if x.cue_start < a.start)
    return "," in text[last : a.start] and len(text[a.cue_end : s.end].split()) <= 6


def _quote_attribution(q: tuple[int, int], atts: list[Attribution], text: str) -> Attribution | None:
    """The attribution right after a quotation ("...," Zelensky said) or right before it (X said: "...")."""
    # a quotation that ends its sentence ('... table." But he said') is not the next sentence's
    # ('... Russia". Days later ... Peskov replied': the stop after the closing mark ends it too)
    ends = text[q[1] - 2 : q[1] - 1] in (".", "!", "?") or text[q[1] : q[1] + 1] in (".", "!", "?")
    after = [
        a
        for a in atts
        if q[1] <= a.start
        and a.start - q[1] <= 60
        and '"' not in text[q[1] : a.start]
        and not (ends and text[q[1] : a.start].strip(" .!?")[:1].isupper())
    ]
    if after:
        return min(after, key=lambda a: a.start)
    before = [
        a for a in atts if a.cue_end <= q[0] and q[0] - a.cue_end <= 30 and max(a.ref.end, a.cue_end) <= q[0]
    ]
    if before:
        return max(before, key=lambda a: a.cue_end)
    return None


def _subject(s: Sentence, refs: list[Ref], config: Config) -> str | None:
    """A person named at the start of a sentence, who becomes the one "he" refers to."""
    first = next((r for r in refs if s.start <= r.start < s.end), None)
    if first is None or first.possessive or first.actor is None or first.start - s.start > 60:
        return None
    actor = config.actor(first.actor)
    return first.actor if actor and actor.kind == "person" else None


def _other_subject(s: Sentence, refs: list[Ref], speaker: str) -> bool:
    first = next((r for r in refs if s.start <= r.start < s.end), None)
    return (
        first is not None
        and first.actor is not None
        and first.actor != speaker
        and first.start - s.start <= 60
        and not first.possessive
    )


def _utterances(units: list[_Unit]) -> list[list[_Unit]]:
    out: list[list[_Unit]] = []
    for unit in units:
        if (
            out
            and out[-1][-1].speaker == unit.speaker
            and out[-1][-1].paragraph == unit.paragraph
            and not unit.fresh
        ):
            out[-1].append(unit)
        else:
            out.append([unit])
    return out


def _claims(
    article_id: str,
    text: str,
    utterance: list[_Unit],
    published: DateEstimate,
    language: str,
    lex: Speech,
    topic: WordRegex | None,
    config: Config,
) -> list[Claim]:
    def topical(t: str) -> bool:
        return _topical(t, topic, lex)

    kept = []
    for u in utterance:
        t = text[u.start : u.end]
        if lex.off_topic and lex.off_topic.search(t) and not (lex.strong and lex.strong.search(t)):
            continue
        kept.append(u)
    about = [topical(text[u.start : u.end]) or u.asked for u in kept]
    if not any(about) and not _topical_lead(text, kept, topical):
        return []
    find = finder(config, language)
    speaker = utterance[0].speaker
    paragraph_start = utterance[0].sentence.start
    venue_claims: dict[str, tuple[str, str, _Unit]] = {}
    loose: list[tuple[str, _Unit]] = []
    masks: dict[int, list[tuple[int, int]]] = {}
    for index, u in enumerate(kept):
        t = text[u.start : u.end]
        for place, start, end in find.places(t, 0):
            c0, c1 = clause_of(t, start, end, lex)
            local = best([h for h in stance_hits(t[c0:c1], lex) if h.stance != "comment"], lex)
            first_in_paragraph = u.start == paragraph_start and u.sentence.start == _paragraph_start(
                u, utterance
            )
            if not is_venue(t, start, end, lex, local.stance if local else None, first_in_paragraph):
                continue
            if local is not None and (
                local.stance in ("reject", "deny") or is_venue(t, start, end, lex, None, first_in_paragraph)
            ):
                masks.setdefault(index, []).append((c0, c1))
                if place not in venue_claims:
                    venue_claims[place] = (local.stance, local.cue, u)
            else:
                loose.append((place, u))
    claims: list[Claim] = []
    for place, (stance, cue, u) in venue_claims.items():
        claims.append(
            _claim(
                article_id, text, utterance, u, speaker, stance, place, cue, published, language, config, find
            )
        )
    hits = []
    for index, u in enumerate(kept):
        t = text[u.start : u.end]
        for c0, c1 in masks.get(index, ()):
            t = t[:c0] + " " * (c1 - c0) + t[c1:]
        # "ready to continue contacts": readiness in a sentence not on the meeting is not an offer of it
        off = any(about) and not about[index]
        hits.extend((h, u) for h in stance_hits(t, lex) if not (off and h.stance in ("propose", "accept")))
    top = best([h for h, _ in hits], lex)
    unit = next((u for h, u in hits if h is top), None)
    loose = [(p, u) for p, u in loose if p not in venue_claims]
    venue = None
    if loose:
        same = [p for p, u in loose if unit is not None and u is unit]
        venue = same[0] if same else loose[0][0]
    elif top is not None and top.stance in ("reject", "deny") and unit is not None:
        # "Moscow, he said, keeps making proposals it knows to be unacceptable": the refused place.
        t = text[unit.start : unit.end]
        # (not a dateline: "KYIV, Ukraine (AP) — ... would not negotiate")
        places = [
            p
            for p, a, b in find.places(t, 0)
            if p not in venue_claims
            and not lex.locus.search(t[:a])
            and not _dateline(t, a, b)
            and not _acting(t, b, lex.language)
        ]
        venue = places[0] if places else None
    if (
        venue is None
        and venue_claims
        and (top is None or top.stance in {st for st, _, _ in venue_claims.values()})
    ):
        return claims  # what is left says nothing the venue claims do not
    if venue is None and not venue_claims:
        venue = _such_a_meeting(text, utterance, lex, find)
    if top is None:
        unit = next((u for u in kept if topical(text[u.start : u.end])), kept[0])
    stance = top.stance if top else "comment"
    claims.append(
        _claim(
            article_id,
            text,
            utterance,
            unit,
            speaker,
            stance,
            venue,
            top.cue if top else "",
            published,
            language,
            config,
            find,
        )
    )
    return claims


@functools.cache
def _acting_re(language: str) -> re.Pattern[str] | None:
    words = speech(language).raw.get("place_as_subject") or ()
    return re.compile(r"\s+[\"“«]?(?:" + "|".join(words) + r")\b", re.IGNORECASE) if words else None


def _acting(t: str, b: int, language: str) -> bool:
    """A place followed by its verb stands for its government ("Moscow will now wait for ..."):
    it acts, it is not the place refused."""
    acting = _acting_re(language)
    return bool(acting and acting.match(t, b))


def _dateline(t: str, a: int, b: int) -> bool:
    """A place opening the text as a dateline ("KYIV, Ukraine (AP) —", "Kyiv (Reuters) -")."""
    return not t[:a].strip() and (
        t[a:b].isupper() or bool(re.match(r"\s*(?:,\s*[\w .]+)?\s*[(\[—–-]", t[b:]))
    )


@functools.cache
def _such(language: str) -> WordRegex | None:
    return words_re(speech(language).raw.get("such_a_meeting") or [])


def _such_a_meeting(text: str, utterance: list[_Unit], lex: Speech, find) -> str | None:
    """ "Ushakov had announced that such a bilateral meeting would take place": the meeting the
    sentence before named, in the one place it named for it."""
    such = _such(lex.language)
    first = utterance[0]
    if such is None or not any(such.search(text[u.start : u.end]) for u in utterance):
        return None
    line = text.rfind("\n", 0, first.sentence.start) + 1
    before = text[line : first.sentence.start].rstrip()
    cut = max(before.rfind(m, 0, len(before) - 1) for m in (". ", "! ", "? "))
    previous = before[cut + 1 :] if cut >= 0 else before
    places = {p for p, a, b in find.places(previous, 0) if is_venue(previous, a, b, lex, None, False)}
    return places.pop() if len(places) == 1 else None


QUOTE_OPENERS = "\"“«„‘'"


def _topical_lead(text: str, kept: list[_Unit], topical: Callable[[str], bool]) -> bool:
    """A quoted remark whose topic was named earlier in its paragraph ("No talks are planned.
    «It is too early», Peskov said"): the paragraph up to the remark gives the topic."""
    if not kept:
        return False
    first = kept[0]
    opening = text[first.start : first.end].lstrip()[:1]
    if not opening or opening not in QUOTE_OPENERS:
        return False
    line = text.rfind("\n", 0, first.start) + 1
    before = text[line : first.start].rstrip()
    cut = max(before.rfind(m, 0, len(before) - 1) for m in (". ", "! ", "? "))
    return topical(before[cut + 1 :] if cut >= 0 else before)


def _paragraph_start(u: _Unit, utterance: list[_Unit]) -> int:
    return utterance[0].sentence.start


def _claim(
    article_id, text, utterance, unit, speaker, stance, venue, cue, published, language, config, find
) -> Claim:
    s = unit.sentence
    # the date is read where the report is made: the claim's own sentence when it names the
    # speaker, else the nearest sentence before it that does
    before = [u for u in utterance if u.attribution is not None and u.sentence.start <= s.start]
    after = [u for u in utterance if u.attribution is not None]
    cited = before[-1] if before else (after[0] if after else None)
    attributed = cited.sentence if cited is not None else s
    # of two day cues in the sentence, the one nearest the speaker's reporting verb dates it
    verb = cited.attribution.cue_start if cited is not None and cited.attribution.ref.kind != "none" else None
    said = statement_date(
        _unquoted(attributed, text), text, published, language, config=config, speaker_at=verb
    )
    if attributed is not s and _as_reported(said):
        other = statement_date(_unquoted(s, text), text, published, language, config=config)
        if not _as_reported(other):
            said = other
    if _as_reported(said):
        # Another sentence of the same utterance, with its own reporting verb, may say when: a later
        # one ("The Kremlin has said ... «...», Peskov said on April 6"), else an earlier one ("On
        # Friday, Zelenskyy told reporters he would ... «I will meet only Putin», he said").
        later = [u for u in after if u.sentence.start > attributed.start]
        said = _first_dated([*later, *reversed(before[:-1])], text, published, language, config) or said
    stance = _hosting(stance, speaker, venue, config)
    lo = min(u.sentence.start for u in utterance)
    hi = max(u.sentence.end for u in utterance)
    spans = quotations(text[lo:hi], lo)
    quotes = tuple(
        Span(text[a + 1 : b - 1], a + 1, b - 1) for a, b in spans if b - a > 3 and len(text[a:b].split()) >= 2
    )
    return Claim(
        article=article_id,
        speaker=speaker,
        stance=stance,
        venue=venue,
        counterpart=_counterpart(speaker, text[lo:hi], lo, config, find),
        said=said,
        sentence=s.text,
        start=s.start,
        end=s.end,
        quotes=quotes,
        language=language,
        cue=cue,
    )


def _first_dated(
    units: list[_Unit], text: str, published: DateEstimate, language: str, config: Config
) -> DateEstimate | None:
    """The date the first of these attributed sentences gives of its own, if any does."""
    for u in units:
        verb = u.attribution.cue_start if u.attribution.ref.kind != "none" else None
        other = statement_date(
            _unquoted(u.sentence, text), text, published, language, config=config, speaker_at=verb
        )
        if not _as_reported(other):
            return other
    return None


def _hosting(stance: str, speaker: str, venue: str | None, config: Config) -> str:
    """A meeting proposed in a city of the speaker's own country is an invitation ("Moscow is the
    best place", said by Putin; "come to Kyiv", said by Zelensky): the speaker would be the host."""
    if stance != "propose" or venue is None:
        return stance
    actor, place = config.actor(speaker), config.place(venue)
    if actor is None or place is None or place.kind != "city" or place.country is None:
        return stance
    return "invite" if place.country == actor.side else stance


def _unquoted(s: Sentence, text: str) -> Sentence:
    """The sentence with its quotations blanked: "I will wait on Thursday" dates the meeting, not
    the words. Quotations are found from the start of the paragraph, so that a sentence opening
    inside a quotation ("... 30 metres," Mr Zelensky told ...) is not read the wrong way round."""
    line = text.rfind("\n", 0, s.start) + 1
    t = s.text
    for a, b in quotations(text[line : s.end], line):
        a, b = max(a, s.start) - s.start, min(b, s.end) - s.start
        if b > a and len(t[a:b].split()) >= 2:
            t = t[:a] + " " * (b - a) + t[b:]
    return s if t == s.text else Sentence(t, s.start, s.end, s.paragraph)


def _as_reported(date: DateEstimate) -> bool:
    return not date.known or all(e.rule == "as-reported" for e in date.evidence)


def _counterpart(speaker: str, t: str, offset: int, config: Config, find) -> str | None:
    actor = config.actor(speaker)
    default = actor.counterpart if actor else None
    if actor is not None and default is None and actor.kind == "institution":
        spokes = [config.actor(p) for p in actor.spokespeople]
        default = next((p.counterpart for p in spokes if p and p.counterpart), None)
    return default


_KNOWN: dict[str, frozenset[str]] = {}


def _known_words(config: Config) -> frozenset[str]:
    """The words of every actor's names, computed once per configuration."""
    found = _KNOWN.get(config.digest)
    if found is None:
        found = _KNOWN[config.digest] = frozenset(
            w.casefold()
            for a in config.actors
            for alias in (a.name, *a.aliases)
            for w in re.findall(r"\w+", alias)
            if len(w) > 3
        )
    return found


def candidate_actors(
    text: str, sentences: tuple[Sentence, ...], skip: set[int], language: str, config: Config
) -> tuple[str, ...]:
    """Names in reporting patterns that no configured actor has (for the review page)."""
    known = _known_words(config)
    out: list[str] = []
    lex = speech(language)
    for s in sentences:
        if s.paragraph in skip:
            continue
        for name in candidate_names(s.text, lex, known):
            if name not in out:
                out.append(name)
    return tuple(out)
