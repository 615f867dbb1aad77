"""Who is speaking: names, roles and pronouns found in a text, quotations, and reporting cues.

Actors are found in every alias and script, with the case endings of Russian and Ukrainian
(Зеленского, Зеленського, Женеві) folded onto the alias; roles ("the Kremlin spokesman") come
from the actors' descriptors, valid for the article's date. The words of the language (reporting
verbs, pronouns, prepositions) come from lexicons/speech/<lang>.yaml.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from timeline import lexicon
from timeline.config import Config
from timeline.textindex import Alternation, words_re

CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
CYRILLIC_ENDINGS = ("ий", "ый", "ой", "ій", "ая", "а", "я", "й", "ь", "о", "е", "і", "ы", "и", "у", "ю")
ARTICLES = re.compile(r"^(the|der|die|das|le|la|les|l'|l’)\s*", re.IGNORECASE)
OPENERS = {'"': '"', "“": "”“", "„": "“”", "«": "»", "‹": "›"}
SPEECH_QUOTE_WORDS = 4  # shorter quotations are names or scare quotes, not reported speech
QUOTE_MARKS = re.compile(
    "[" + re.escape("".join(sorted(set(OPENERS) | set("".join(OPENERS.values()))))) + "]"
)
WINDOW_BREAK = re.compile(r"[,;:!?\"“”«»„()\[\]]|\.\s")
WINDOW_WORD = re.compile(r"[\w’'.-]+")
LAST_WORDS = re.compile(r"[\w’'-]+")
JOINED = re.compile(r"(,\s*|\s)(and|but)$")
POSSESSIVE_GAP = re.compile(r"(?:’s|'s|'|’|s)?\s+(?:[\w-]+\s+){0,2}?")


@dataclass(frozen=True)
class Ref:
    """A reference to an actor in the text: a name, a role, or a pronoun (actor None)."""

    actor: str | None
    start: int
    end: int
    kind: str  # name | descriptor | pronoun
    possessive: bool = False


@dataclass(frozen=True)
class Attribution:
    """A reporting cue and the reference that is its speaker."""

    ref: Ref
    cue_start: int
    cue_end: int
    cue: str

    @property
    def start(self) -> int:
        return min(self.ref.start, self.cue_start)


def _stem(word: str) -> str | None:
    """The stem a Cyrillic word keeps through its case endings; None for a word that has none."""
    if not word or not CYRILLIC.match(word[-1]):
        return None
    for ending in CYRILLIC_ENDINGS:
        if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _inflected(word: str) -> str:
    """A regex for a word with its Slavic case endings (a stem plus up to three letters)."""
    stem = _stem(word)
    return re.escape(word) if stem is None else re.escape(stem) + r"[а-яёіїєґ]{0,3}"


def _phrase(text: str) -> str:
    return r"\s+".join(_inflected(w) for w in text.split())


def _words_re(items):
    """Lexicon entries as one word-bounded, case-insensitive matcher (searched through a word index)."""
    return words_re(items)


class Speech:
    """The compiled speech lexicon of one language."""

    def __init__(self, language: str):
        lex = lexicon.lexicon(language)
        self.language = language
        self.raw = lex
        self.verbs = _words_re(lex.get("reporting_verbs"))
        self.after = _words_re(lex.get("speaker_after"))
        self.pronoun_phrases = _words_re(lex.get("pronoun_phrases"))
        self.pronouns = _words_re(lex.get("pronouns"))
        self.possessive_cues = _words_re(lex.get("possessive_cues"))
        self.continuing = _words_re(lex.get("continuing_cues"))
        self.titles = {str(w).casefold() for w in lex.get("titles") or ()}
        self.first = lex.get("speaker_before", "nearest") == "first"
        # "..., заявил Лавров": after a comma the speaker follows the verb (ru, uk, de, fr)
        self.after_comma = bool(lex.get("speaker_after_comma", False))
        # ", who said": the name before the comma speaks, whatever stands before it
        self.relatives = {str(w).casefold() for w in lex.get("relative_pronouns") or ()}
        self.objects = {str(w).casefold() for w in lex.get("object_prepositions") or ()}
        self.determiners = {str(w).casefold() for w in lex.get("determiners") or ("the", "a", "an")}
        self.possessive = tuple(lex.get("possessive") or ("'s", "’s"))
        self.meeting = _words_re(lex.get("meeting_terms"))
        self.strong = _words_re(lex.get("strong_meeting_terms"))
        self.off_topic = _words_re(lex.get("off_topic"))
        self.negation = {str(w).casefold() for w in lex.get("negation") or ()}
        self.negation_window = int(lex.get("negation_window", 4))
        self.negated = dict(lex.get("negated") or {})
        self.conditional = {str(w).casefold() for w in lex.get("conditional") or ()}  # "if invited"
        self.conditioned = dict(lex.get("conditioned") or {})
        self.stances = tuple(
            (item["stance"], _words_re(item["patterns"])) for item in lex.get("stances") or ()
        )
        # every stance word at once: a text none of them can start in has no stance hit (the
        # groups are searched through their word indexes; a group without one disables this)
        gate = _words_re([p for item in lex.get("stances") or () for p in item["patterns"] or ()])
        usable = (
            gate is not None
            and not gate.fallback
            and all(m is None or not m.fallback for _, m in self.stances)
        )
        self.stance_gate = gate if usable else None
        self.priority = tuple(lex.get("priority") or ())
        self.venue_after = re.compile(
            r"\s*(?:" + "|".join(lex.get("venue_after") or ["$^"]) + ")", re.IGNORECASE
        )
        self.venue_clause = _words_re(lex.get("venue_clause"))
        # words before a place that name it the venue across a dash ("лучшее место для этого — Москва")
        self.venue_before = re.compile(
            r"(?:" + "|".join(f"(?:{p})" for p in lex.get("venue_before") or ["$^"]) + r")[^.!?]{0,80}$",
            re.IGNORECASE,
        )
        self.venue_prepositions = {str(w).casefold() for w in lex.get("venue_prepositions") or ()}
        self.locus = re.compile(
            r"(?:" + "|".join(f"(?:{p})" for p in lex.get("locus_before") or ["$^"]) + r")\s*$", re.IGNORECASE
        )
        # a sentence that opens "In Moscow, ..." names where it was said, not a venue
        self.opening = re.compile(
            r"^\W*(?:" + "|".join(f"(?:{p})" for p in lex.get("locus_opening") or ["$^"]) + r")\s*$",
            re.IGNORECASE,
        )
        self.clause_breaks = re.compile("|".join(lex.get("clause_breaks") or [r"[,;:.]"]), re.IGNORECASE)
        # case endings no subject has ("Владимиром Зеленским", "Путіна" is not one: -а is a nominative too)
        self.oblique = tuple(str(w) for w in lex.get("oblique_endings") or ())
        # the word that labels a journalist's question in a transcript ("Вопрос:", "Question:")
        self.questioners = {str(w).casefold() for w in lex.get("questioners") or ()}
        self.candidates = tuple(re.compile(p) for p in lex.get("candidate_patterns") or ())


@functools.cache
def speech(language: str) -> Speech:
    return Speech(language)


class _Matcher:
    """One regex for many phrases (with Slavic endings); a match is identified by its folded text."""

    def __init__(self, entries: list[tuple[str, object]]):
        self.exact: dict[str, list[object]] = {}
        patterns: dict[str, list[object]] = {}
        first: dict[str, tuple[str, bool]] = {}
        for phrase, value in entries:
            key = " ".join(phrase.split()).casefold()
            self.exact.setdefault(key, []).append(value)
            pattern = _phrase(phrase)
            patterns.setdefault(pattern, []).append(value)
            word = phrase.split()[0]
            stem = _stem(word)
            first[pattern] = (word, False) if stem is None else (stem, True)
        self.slavic = [(re.compile(p, re.IGNORECASE), v) for p, v in patterns.items() if CYRILLIC.search(p)]
        order = sorted(patterns, key=lambda p: (-len(p), p))  # longest first
        self.regex = (
            Alternation([(p, *first[p]) for p in order], r"(?<![\w])", r"(?![\w])", re.IGNORECASE)
            if patterns
            else None
        )
        self._found: dict[str, list[object] | None] = {}

    def finditer(self, text: str):
        if self.regex is None:
            return
        for m in self.regex.finditer(text):
            word = m.group(0)
            values = self._found.get(word, False)
            if values is False:
                key = " ".join(word.split()).casefold()
                values = self.exact.get(key)
                if values is None:
                    values = next((v for p, v in self.slavic if p.fullmatch(word)), None)
                self._found[word] = values
            if values:
                yield m, values


class Finder:
    """Actors (names and roles) and places of one configuration, for one language."""

    def __init__(self, config: Config, language: str):
        self.config = config
        names: list[tuple[str, object]] = []
        for actor in config.actors:
            aliases = [*actor.aliases]
            if actor.kind == "person":
                aliases.append(actor.id.replace("-", " ").title())
            names.extend((alias, actor.id) for alias in aliases if alias.strip())
        self.names = _Matcher(names)
        descriptors: list[tuple[str, object]] = []
        for actor in config.actors:
            for d in actor.descriptors.get(language, ()):
                core = ARTICLES.sub("", d.text.strip())
                if core:
                    descriptors.append((core, (actor.id, d.since, d.until)))
        self.descriptors = _Matcher(descriptors)
        places: list[tuple[str, object]] = []
        for place in config.places:
            places.extend((alias, place.id) for alias in (place.name, *place.aliases) if alias.strip())
        self.places_matcher = _Matcher(places)
        # a claim's sentences are asked for their places three times or more (its venue, its
        # refused place, the sentence before): the answers for the last texts are kept
        self._places: dict[tuple[str, int], tuple[tuple[str, int, int], ...]] = {}

    def refs(self, text: str, offset: int, published: dt.date | None, lex: Speech) -> list[Ref]:
        """Every name, role and pronoun in text, longest first where they overlap."""
        found: list[Ref] = []
        for m, values in self.names.finditer(text):
            word = m.group(0)
            if any(w[:1].isupper() for w in word.split()):
                possessive = _possessive(text, m.end(), lex) or word.endswith(("'s", "’s"))
                found.append(Ref(values[0], offset + m.start(), offset + m.end(), "name", possessive))
        for m, values in self.descriptors.finditer(text):
            valid = [
                a
                for a, since, until in values
                if not (published and ((since and published < since) or (until and published > until)))
            ]
            if valid:
                found.append(
                    Ref(
                        valid[0],
                        offset + m.start(),
                        offset + m.end(),
                        "descriptor",
                        _possessive(text, m.end(), lex),
                    )
                )
        if lex.pronouns:
            for m in lex.pronouns.finditer(text):
                found.append(Ref(None, offset + m.start(), offset + m.end(), "pronoun"))
        return _appositions(_longest(found), text, offset)

    def places(self, text: str, offset: int) -> list[tuple[str, int, int]]:
        key = (text, offset)
        found = self._places.get(key)
        if found is None:
            if len(self._places) >= RECENT_PLACES:
                self._places.clear()
            found = self._places[key] = tuple(self._find_places(text, offset))
        return list(found)

    def _find_places(self, text: str, offset: int) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        for m, values in self.places_matcher.finditer(text):
            if m.group(0)[:1].isupper() or " " in m.group(0):
                out.append((values[0], offset + m.start(), offset + m.end()))
        return out


RELATIVE = re.compile(r",\s*(\w+)\s*$")
RECENT_PLACES = 256  # texts whose places a Finder keeps


def _possessive(text: str, end: int, lex: Speech) -> bool:
    return any(text.startswith(p, end) for p in lex.possessive)


def _appositions(refs: list[Ref], text: str, offset: int) -> list[Ref]:
    """A role right before a name is that name's ("Bundeskanzler Friedrich Merz sagte"): the name
    alone says who, where the role may be another holder's of the office."""
    out: list[Ref] = []
    for i, ref in enumerate(refs):
        nxt = refs[i + 1] if i + 1 < len(refs) else None
        if (
            ref.kind == "descriptor"
            and nxt is not None
            and nxt.kind == "name"
            and nxt.start - ref.end <= 2
            and not text[ref.end - offset : nxt.start - offset].strip()
        ):
            continue
        out.append(ref)
    return out


def _longest(refs: list[Ref]) -> list[Ref]:
    refs.sort(key=lambda r: (r.start, -(r.end - r.start)))
    out: list[Ref] = []
    for ref in refs:
        if out and ref.start < out[-1].end:
            continue
        out.append(ref)
    return out


_FINDERS: dict[tuple[str, str], Finder] = {}


def finder(config: Config, language: str) -> Finder:
    key = (config.digest, language)
    found = _FINDERS.get(key)
    if found is None:
        found = _FINDERS[key] = Finder(config, language)
    return found


def quotations(text: str, offset: int) -> list[tuple[int, int]]:
    """Outermost quotations in a paragraph as (start, end) offsets, marks included.

    Straight quotes toggle; curly and angle quotes open and close by kind. A quotation left
    open runs to the end of the paragraph (writers drop closing marks).
    """
    out: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    for m in QUOTE_MARKS.finditer(text):  # only the marks: every other character is passed over
        i, ch = m.start(), m.group()
        if stack and ch in OPENERS[stack[-1]]:
            stack.pop()
            if not stack:
                out.append((offset + start, offset + i + 1))
            continue
        if ch in OPENERS and (ch != '"' or not stack):
            if ch in "“" and stack:
                continue
            if not stack:
                start = i
            stack.append(ch)
    if stack:
        out.append((offset + start, offset + len(text)))
    return out


def speech_quotes(text: str, spans: list[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    return [s for s in spans if len(text[s[0] - offset : s[1] - offset].split()) >= SPEECH_QUOTE_WORDS]


def inside(position: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next((s for s in spans if s[0] < position < s[1] - 1), None)


def _word_before(text: str, index: int, lex: Speech) -> str:
    window = WINDOW_BREAK.split(text[max(0, index - 80) : index])[-1]
    words = WINDOW_WORD.findall(window)
    while words and (
        words[-1].casefold() in lex.determiners
        or words[-1].casefold() in lex.titles
        or words[-1][:1].isupper()
        and len(words) > 1
        and words[-2].casefold() in lex.titles
    ):
        words.pop()
    return words[-1].casefold() if words else ""


# an initial right before the name looked at ("avait déclaré M. Zelensky") ends nothing either
NOT_A_STOP = re.compile(r"(?<=\d)\.(?=\s)|(?<=\b[^\W\d_])\.(?=\s?[^\W\d_]|\s*$)")


def _blocked(text: str, a: int, b: int, quotes: list[tuple[int, int]], offset: int, breaks: str) -> bool:
    """True when a sentence break, a quotation or a clause break lies between a and b."""
    between = text[a - offset : b - offset]
    if "." in breaks:
        # inside one sentence a stop after a number or an initial ends nothing ("am 4. August")
        between = NOT_A_STOP.sub("", between)
    if any(c in between for c in breaks):
        return True
    return any(a <= q[0] and q[1] <= b for q in quotes)


def attributions(
    text: str, offset: int, refs: list[Ref], quotes: list[tuple[int, int]], lex: Speech
) -> list[Attribution]:
    """The reporting cues of one sentence and their speakers, in the order they appear."""
    out: list[Attribution] = []
    free = [r for r in refs if not inside(r.start, quotes)] if quotes else refs
    subjects: list[list[Ref]] = []  # worked out when a cue first needs a speaker before it

    def subject_ok() -> list[Ref]:
        if not subjects:
            subjects.append(
                [
                    r
                    for r in free
                    if not r.possessive
                    and _word_before(text, r.start - offset, lex) not in lex.objects
                    and not _oblique(text[r.start - offset : r.end - offset], r.kind, lex)
                ]
            )
        return subjects[0]

    def before(cue_start: int, heads_only: bool = False) -> Ref | None:
        limit = 110
        candidates = [
            r
            for r in subject_ok()
            if r.end <= cue_start
            and cue_start - r.end <= limit
            and not _blocked(text, r.end, cue_start, quotes, offset, ".;!?")
            and (r.kind != "pronoun" or cue_start - r.end <= 25)
            and not _reported(r, cue_start)
        ]
        if not candidates:
            return None
        if lex.first:
            clause = [r for r in candidates if not _blocked(text, r.end, cue_start, quotes, offset, ".;!?,")]
            return clause[0] if clause else candidates[-1]
        if text[: cue_start - offset].rstrip().endswith(","):
            heads = [r for r in candidates if text[r.end - offset : r.end - offset + 1] == ","]
            if heads:
                return heads[0]
        if heads_only:
            return None
        return candidates[-1]

    def _reported(r: Ref, cue_start: int) -> bool:
        """A name inside what an earlier cue reports, with a dash before this cue ("Putin said
        Zelensky could come — a venue Kyiv has always said ..."): the dash opens another clause."""
        return any(a.cue_end <= r.start for a in out if a.ref.kind != "none") and _blocked(
            text, r.end, cue_start, [], offset, "—–"
        )

    def across(cue_start: int) -> Ref | None:
        """ "Selenskyj hatte Putin ein Treffen "an jedem Ort ..." vorgeschlagen": a verb-final
        cue right after a quotation inside its clause; the first name of the clause before it."""
        opened = [q[0] for q in quotes if q[0] < cue_start and cue_start - q[1] <= 2]
        if not lex.first or not opened:
            return None
        q0 = opened[-1]
        candidates = [
            r
            for r in subject_ok()
            if r.end <= q0 and q0 - r.end <= 110 and not _blocked(text, r.end, q0, quotes, offset, ".;!?,")
        ]
        return candidates[0] if candidates else None

    def after(cue_end: int, limit: int = 75, nominative: bool = True) -> Ref | None:
        candidates = [
            r
            for r in free
            if r.start >= cue_end
            and r.start - cue_end <= limit
            and not r.possessive
            # the subject after a verb is in the nominative ("заявил Песков"); after "по словам" not
            and not (nominative and _oblique(text[r.start - offset : r.end - offset], r.kind, lex))
            and not _blocked(text, cue_end, r.start, quotes, offset, ".;!?")
            and (r.kind != "pronoun" or r.start - cue_end <= 6)
        ]
        if not candidates:
            return None
        first = candidates[0]
        if first.kind == "descriptor":
            # "сообщил помощник президента РФ Юрий Ушаков": the role's complement is not the
            # speaker, the name in apposition right after it is
            named = next(
                (
                    r
                    for r in free
                    if r.kind == "name" and r.actor != first.actor and 0 <= r.start - first.end <= 2
                ),
                None,
            )
            if named is not None:
                return named
        return first

    def add(ref: Ref | None, m: re.Match) -> None:
        # A cue without a speaker is kept with an empty reference: it ends the previous speaker's words.
        ref = ref if ref is not None else Ref("", offset + m.start(), offset + m.start(), "none")
        out.append(Attribution(ref, offset + m.start(), offset + m.end(), m.group(0)))

    if lex.verbs:
        for m in lex.verbs.finditer(text):
            start = offset + m.start()
            if inside(start, quotes):
                continue
            preceding = text[: m.start()].rstrip()
            last = LAST_WORDS.findall(preceding[-20:])
            if last and last[-1].casefold() in lex.determiners:
                continue  # "a proposed sit-down": an adjective, not a report
            if lex.continuing and lex.continuing.match(text, m.start()) or JOINED.search(preceding):
                # "Zelenskyy spoke to Putin, saying ...": with no cue before it, the subject speaks
                previous = (
                    out[-1].ref
                    if out and out[-1].ref.kind != "none"
                    else before(start) or Ref(None, start, offset + m.end(), "pronoun")
                )
                add(previous, m)
                continue
            # after a dash, or a quotation of speech (not a name in quotes: 'в ходе "Прямой линии" усомнился')
            inverted = (
                not preceding
                or preceding.endswith(("—", "–", "-"))
                or preceding.endswith(('"', "”", "»", "“", "«", "„"))
                and (not quotes or any(q[1] - offset == len(preceding) for q in quotes))
            )
            relative = _relative_head(text, preceding, refs, offset, lex)
            if relative is not None:
                ref = relative
            elif inverted:
                # "Selenskyj hatte Putin ein Treffen "an jedem Ort ..." vorgeschlagen": a quotation
                # inside the clause is what was said, and the subject before it said it
                ref = after(offset + m.end()) or before(start) or across(start)
            elif preceding.endswith(",") and lex.after_comma:
                # "..., заявил министр Лавров": the name after the verb, not an object before the comma
                ref = (
                    _no_clause(after(offset + m.end()), text, m.end(), offset, lex, strict=False)
                    or before(start, heads_only=True)
                    or before(start)
                )
            elif preceding.endswith(","):
                # "X, an apposition, said" or "..., said X"
                ref = before(start, heads_only=True) or after(offset + m.end()) or before(start)
            elif LAST_WORDS.findall(m.group(0))[-1].casefold() in lex.objects:
                ref = before(start)  # "talking to Putin": the name after the cue is who is spoken to
            else:
                ref = before(start) or _no_clause(after(offset + m.end(), 20), text, m.end(), offset, lex)
            add(ref, m)
    if lex.after:
        said = [a for a in out if a.ref.kind != "none"]
        for m in lex.after.finditer(text):
            if inside(offset + m.start(), quotes):
                continue
            if any(a.cue_end <= offset + m.start() for a in said):
                # "Merz told reporters that, according to Trump, ...": what he was told is what Merz said
                continue
            add(after(offset + m.end(), 60, nominative=False), m)
    if lex.pronoun_phrases:
        for m in lex.pronoun_phrases.finditer(text):
            if not inside(offset + m.start(), quotes):
                out.append(
                    Attribution(
                        Ref(None, offset + m.start(), offset + m.end(), "pronoun"),
                        offset + m.start(),
                        offset + m.end(),
                        m.group(0),
                    )
                )
    if lex.possessive_cues:
        for r in free:
            if not r.possessive or r.kind == "pronoun":
                continue
            tail = text[r.end - offset : r.end - offset + 40]
            m = POSSESSIVE_GAP.match(tail)
            rest = tail[m.end() :] if m else tail
            cue = lex.possessive_cues.match(rest)
            if cue:
                out.append(
                    Attribution(
                        Ref(r.actor, r.start, r.end, r.kind),
                        r.end,
                        r.end + (m.end() if m else 0) + cue.end(),
                        cue.group(0),
                    )
                )
    out.sort(key=lambda a: a.cue_start)
    return out


def _oblique(surface: str, kind: str, lex: Speech) -> bool:
    """A name (its last word) or a role (its head, the first word) in a case no subject takes:
    "усомнился в целесообразности встречи с президентом Владимиром Зеленским" is Putin's doubt."""
    if not lex.oblique or kind not in ("name", "descriptor"):
        return False
    words = surface.split()
    word = (words[-1] if kind == "name" else words[0]).casefold()
    return len(word) > 4 and word.endswith(lex.oblique)


def _relative_head(text: str, preceding: str, refs: list[Ref], offset: int, lex: Speech) -> Ref | None:
    """ "Yuri Ushakov, who said ...": the name right before ", who" is the speaker."""
    if not lex.relatives:
        return None
    m = RELATIVE.search(preceding)
    if m is None or m.group(1).casefold() not in lex.relatives:
        return None
    comma = offset + m.start()
    heads = [
        r for r in refs if r.kind != "pronoun" and r.end <= comma and comma - r.end <= 2 and not r.possessive
    ]
    return heads[-1] if heads else None


def _no_clause(
    ref: Ref | None, text: str, cue_end: int, offset: int, lex: Speech, strict: bool = True
) -> Ref | None:
    """A name after "said ... that" or "підтвердив, що ..." is inside what was said, not its
    speaker; strict, any object word between also rules it out (a name after "said on Wednesday
    that"), else only a comma or more than a few words do ("a lancé aux journalistes Peskov")."""
    if ref is None:
        return None
    gap = text[cue_end : ref.start - offset]
    words = WINDOW_WORD.findall(gap)
    if "," in gap or (strict and any(w.casefold() in lex.objects for w in words)) or len(words) > 4:
        return None
    if words and words[0].casefold().rstrip("'’") in _complementizers(lex.language):
        return None  # "avait rapporté que la partie ukrainienne ...": inside what was said
    return ref


@functools.cache
def _complementizers(language: str) -> frozenset[str]:
    """The words that open what was said ("that", "que", "что"), from the speech lexicon."""
    return frozenset(str(w).casefold() for w in speech(language).raw.get("complementizers") or ())


def candidate_names(text: str, lex: Speech, known: set[str]) -> list[str]:
    """Names in reporting patterns that the configuration does not know ("Foreign Minister X said")."""
    out: list[str] = []
    for pattern in lex.candidates:
        for m in pattern.finditer(text):
            name = m.group("name").strip()
            surname = re.findall(r"\w+", name)[-1].casefold()
            if surname in known:
                continue
            if name not in out:
                out.append(name)
    return out
