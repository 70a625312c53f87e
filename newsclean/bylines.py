"""The byline grammar, one for both paths: which words open a byline, and which names it gives.

"By Jane Doe and Max Roe | Staff Writers" gives ("Jane Doe", "Max Roe") whether it was read from
an HTML byline element (`html_meta`) or from a line of a text scrape (`text.byline`); where a
byline stands on the page is each path's own business.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# ---- what opens a byline ----
# "By", "Written by", "Author:", and the same word in the languages of the samples and datasets:
# von (de), par (fr), por (es, pt), di (it), door (nl), af (da), av (no, sv). The Scandinavian
# words are prepositions too, so they count capitalised only ("Av Kari Nordmann").
PREFIX = (r"(?:(?:written|posted|reported|words|story|text|reporting|article) by:?|by:?|von|par|por|di"
          r"|door|authors?:|contributors?:|autor(?:in)?:|auteur:|(?-i:Af|Av))")
BYLINE = re.compile(rf"^{PREFIX}\s+(.+)$", re.IGNORECASE)
# the opening word on a line of its own, the names on the next ("Written By" / "Jane Doe")
BY_ALONE = re.compile(r"(?:(?:written|posted|reported|words|story|text|reporting|article) )?by:?|"
                      r"authors?:?|contributors?:?|autor(?:in)?:?|auteur:?", re.IGNORECASE)

# ---- where the names end ----
# "Jane Doe | Staff", "Jane Doe — May 3", "Jane Doe   USA TODAY", "Jane Doe --10 min read"
BYLINE_END = re.compile(r"\s+[|•·⋅●–—-]\s+|\s{2,}|\s*[|•·⋅●—]\s*|\s+-{2,}")
# their date ("April 12, 2024", "on 12/04/24"), "Updated ...", a section ("in Politics"); in
# de, fr, es the word before a day-first date ("am 5. März", "le 5 mars", "el 5 de marzo") and
# a weekday before it ("Dienstag, 5. März", "mardi 5 mars": only so, "Domingo" is a name too)
UPDATED_WORDS = (r"updated|published|posted|aktualisiert|veröffentlicht|publié|mis à jour|"
                 r"publicado|actualizado")
WEEKDAYS = (r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|"
            r"jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|"
            r"sábado|sabado|domingo")
BYLINE_TAIL = re.compile(r"\s+(?:(?:on|at|am|vom|le|du|el|del)\s+)?(?:(?:last\s+)?(?:"
                         + UPDATED_WORDS + r")\b"
                         r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d"
                         r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
                         r"|(?:" + WEEKDAYS + r"),?\s+\d)|\s+(?:on|in)\s+(?=[A-Z])"
                         r"|(?:\s+|(?<=[a-z]))(?-i:In)$|(?<=[a-z])(?-i:In)\s+(?=[A-Z])"
                         r"|(?<=[a-z])(?-i:Updated|Published|Posted|Last|Aktualisiert|Veröffentlicht"
                         r"|Publié|Mis à jour|Publicado|Actualizado|(?:Jan|Feb|Mar|Apr|May|Jun|Jul"
                         r"|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)", re.IGNORECASE)
# "By Carla Mendes, Staff Writer": the part after the comma is a job, not a second author
ROLE_WORDS = {"staff", "writer", "reporter", "editor", "correspondent", "contributor", "columnist",
              "producer", "journalist", "analyst", "expert", "founder", "co-founder", "cofounder",
              "director", "senior", "ceo", "coo", "cto", "cfo", "president", "manager",
              "redaktion", "korrespondent", "rédaction", "journaliste", "redacción"}

# ---- what a name is ----
# last words that name an organisation, not a person (a shown byline of the outlet
# itself, on either path)
ORGANISATION_WORDS = frozenset(
    "team staff editors editorial desk hotels hotel group inc llc ltd media news magazine company "
    "agency newsroom studio studios products designs research games press publishing books "
    "foundation institute university association society services solutions labs "
    # German, French, Spanish: "Redaktion", "La Rédaction", "Agence France-Presse", "Equipo Editorial"
    "redaktion nachrichten agentur verlag zeitung gmbh ag rédaction redaction équipe agence presse "
    "journal éditions redacción equipo agencia prensa diario noticias sa sl".split())
NAME_LIST = re.compile(r"\s*[,;]\s*")  # "Jane Doe, Home and Garden Editor": parts, then names
CONNECTORS = ("and", "und", "et", "y")  # between two names: "Hans und Anna", "Ana y Luis"
NAME_SPLIT = re.compile(r"\s*(?:,|" + "|".join(rf"\b{word}\b" for word in CONNECTORS) + r"|&)\s*")
# what joins an HTML byline's text nodes into one run of names ("Jane Doe," "and" "Max Roe";
# "By" "Jane Doe"); between other nodes a name ends ("Jane Doe" "USA TODAY")
JOINER_END = re.compile(r"(?:[,;&]|\b(?:" + "|".join(CONNECTORS)
                        + r"|by|von|par|por|di|door|af|av|:))$", re.IGNORECASE)
JOINER_START = re.compile(r"(?:[,;&]|(?:" + "|".join(CONNECTORS) + r")\b)", re.IGNORECASE)
NAME_TRIM = " .*_●•|"  # what Markdown and bullets leave around a name
# a close button, an arrow or an icon font's glyph after a name ("Jane Doe ×", "Jane Doe \ue023";
# not "©": "The Pennsylvania State University © 2025" is a copyright line)
SYMBOLS_AFTER = re.compile(r"(?:\s*[×✕✖»›→\ue000-\uf8ff])+$")
MAX_CAPITALISED_WORDS = 4  # words: "Maria de la Cruz Ortega" has four; a headline has more
PARTICLES = frozenset("de van von der den da di del la le du dos das bin al ter".split())
# letters after a name: "Jane Doe, CFA", "Max Roe, PhD", "Jr."
CREDENTIAL = re.compile(r"(?:[A-Z][A-Za-z]{0,2}\.?){1,3}[A-Z]\.?[®™]?|[A-Z]{2,6}[®™]|Ph\.?D\.?|"
                        r"(?:Jr|Sr|II|III|IV)\.?")
INITIAL = re.compile(r"[A-ZÀ-Ý]\.")  # "Jane M. Doe"
# two to four capitalised words, initials and particles allowed: a person's name
PERSON = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?: (?:[A-ZÀ-Ý]\.|[A-ZÀ-Ý][\w'’-]+|de|van|von|der|da|di|del|"
                    r"la|le|bin|al)){1,3}")


def join_text_nodes(nodes: Iterable[str]) -> str:
    """A byline element's text nodes as one line, two spaces apart (as a terminal browser sets
    columns apart, which BYLINE_END cuts at) unless a comma or a word such as "and" joins
    them, so that a name ends where its node does."""
    parts = [part for part in nodes if part]
    joined = parts[0] if parts else ""
    for before, part in zip(parts, parts[1:]):
        joins = JOINER_END.search(before) or JOINER_START.match(part)
        joined += (" " if joins else "  ") + part
    return joined


def names_in_byline(text: str) -> tuple[str, ...]:
    """The names of a whole byline, its opening word included or not: "By Jane Doe | Staff
    Writer" and "Jane Doe" give ("Jane Doe",), "Autor: Hans Müller" ("Hans Müller",)."""
    match = BYLINE.match(text)
    if not match and BY_ALONE.fullmatch(text.strip(NAME_TRIM)):
        return ()  # "By" alone: the names were a link the page or scrape lost
    return byline_names(match.group(1) if match else text)


def byline_names(text: str) -> tuple[str, ...]:
    """The names a byline gives after its opening word, up to its date, section or job: "Jane
    Doe and Max Roe", "Jane Doe April 12, 2024", "Jane DoePublished: Jan 29", "Jane Doe on
    Friday", "Jane Doe in Politics", "Jane Doe ⋅ Editor", "Jane Doe, Senior Analyst, Acme Corp"
    (the employer after a job is no author either)."""
    names = before_tail(BYLINE_END.split(text)[0])
    found: list[str] = []
    for part in NAME_LIST.split(names):
        if ROLE_WORDS & set(part.lower().split()):
            if not found and (name := name_before_job(part)):
                found.append(name)  # "Jane Doe Executive Digital Editor"
            break
        for name in NAME_SPLIT.split(part):
            name = name.split(" (")[0].strip(NAME_TRIM)  # "Jane Doe (@jdoe)", "Jane Doe (AP)"
            name = SYMBOLS_AFTER.sub("", name)  # "Jane Doe ×"
            if not name or (found and CREDENTIAL.fullmatch(name)):
                continue  # "Jane Doe, CFA, Max Roe, PhD": letters after a name
            words = name.split()
            if (not name[0].isupper() or sum(not w.islower() for w in words) > MAX_CAPITALISED_WORDS
                    or any(w.islower() and w not in PARTICLES for w in words)):
                return tuple(found)
            found.append(undoubled(name))
    return tuple(found)


def name_before_job(part: str) -> str | None:
    """The name that opens "Jane Doe Executive Digital Editor" or "Jane M. Doe Senior Writer"
    (a job after the name with no separator, every word capitalised): a first name, its
    initials and particles, a last name. None when the words do not open so."""
    words = part.split()
    role = next((i for i, word in enumerate(words) if word.lower() in ROLE_WORDS), 0)
    if role < 2 or not all(word[:1].isupper() for word in words[:role + 1]):
        return None
    end = 1
    while end < role and (INITIAL.fullmatch(words[end]) or words[end] in PARTICLES):
        end += 1
    name = " ".join(words[:end + 1])
    return name if end < role and PERSON.fullmatch(name) else None


def before_tail(names: str) -> str:
    """The names, without the date, section or job that follows them; "" when the text opens
    with one ("Feb 11, 2019": the byline's name was a link the scrape lost)."""
    padded = " " + names  # a tail needs a space before it
    tail = BYLINE_TAIL.search(padded)
    return padded[:tail.start()] if tail else padded


def undoubled(name: str, min_words: int = 1) -> str:
    """"Jane Doe Jane Doe" (an author link's picture and text) -> "Jane Doe"; glued too,
    "Jane DoeJane Doe" (a terminal browser that printed a link's two parts). A half of
    fewer than `min_words` words stays doubled ("Bye Bye")."""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half >= min_words and words[:half] == words[half:]:
        return " ".join(words[:half])
    half = len(name) // 2
    if len(name) % 2 == 0 and name[:half] == name[half:] and name[half - 1] != " ":
        return name[:half]
    return name
