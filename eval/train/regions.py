#!/usr/bin/env python3
"""Region names for the entity rules: the subdivisions of ISO 3166-2.

Writes Sources/NewsText/Resources/ner/regions.txt (one name a line, sorted by
Unicode code point, UTF-8, LF), read by the entity RULES only (EntitiesTagged's
place cues through Gazetteer.isRegion), never by the tagger's features: a change
here needs no retraining.

Source: the ISO 3166-2 subdivision names of Debian's iso-codes (LGPL-2.1+), as
pycountry ships them. Each name is cleaned: a bracketed or parenthesised note
dropped ("Wales [Cymru GB-CYM]", "Guyane (française)"), alternatives after " / "
taken one by one, an inverted form of government cut ("Murcia, Región de" gives
Murcia), China's administrative suffixes cut ("Guangdong Sheng", "Ningxia Huizu
Zizhiqu" give Guangdong, Ningxia), and a copy without accents added ("Bihār"
gives Bihar). Names that are not a capitalised run of at most four Latin words
are left out.

A one-word name that is also a common English word is left out ("Central",
"Unity", "Reading", "North"): common when the system word list (Debian's
wbritish, /usr/share/dict/british-english) has it in lowercase and wordfreq
gives it a Zipf frequency of at least COMMON_ZIPF, or when gazetteers.py's own
lists call it common. (A rare lowercase word that is mostly the place, "fife",
stays.)

A short hand list of English exonyms of well-known regions that ISO lists in
the local language only is added (EXONYMS): general names, not taken from any
tuning article.

Usage (one command; installs into a private venv):
  apt-get install -y wbritish
  python3 -m venv /tmp/venv-regions && /tmp/venv-regions/bin/pip install pycountry==26.2.16 wordfreq==3.1.1
  /tmp/venv-regions/bin/python eval/train/regions.py [--out FILE]
"""
import argparse
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(ROOT, "Sources", "NewsText", "Resources", "ner", "regions.txt")
WORDLIST = "/usr/share/dict/british-english"
COMMON_ZIPF = 3.5

sys.path.insert(0, HERE)
from gazetteers import ALWAYS_DROP, COMMON, is_latin  # noqa: E402

# English names of regions that ISO 3166-2 gives in the local language only.
EXONYMS = ["Bavaria", "Saxony", "Lower Saxony", "Saxony-Anhalt", "Thuringia", "Hesse",
               "North Rhine-Westphalia", "Rhineland-Palatinate", "Lombardy", "Tuscany", "Piedmont",
               "Sicily", "Sardinia", "Apulia", "Catalonia", "Andalusia", "Basque Country", "Galicia",
               "Brittany", "Normandy", "Corsica", "Flanders", "Wallonia", "Siberia", "Chechnya",
               "Dagestan", "Crimea", "Tibet", "Inner Mongolia"]

CHINESE_SUFFIXES = ("Sheng", "Shi", "Zizhiqu", "SAR")
CHINESE_ETHNIC = ("Zhuangzu", "Huizu", "Uygur")
PARTICLES = set("de del della der des di da das do dos du la las le les los al el en et am an im "
                "of on upon and sur sous y e van von zu".split())
WORD = re.compile(r"^[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019-][^\W\d_]+)*\.?$")


def folded(s):
    """The name without accents ("Bihār" -> "Bihar")."""
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))


def cleaned(name):
    """The plain names one ISO entry gives (none when it is no plain name)."""
    name = re.sub(r"\s*\[[^\]]*\]", "", name)
    name = re.sub(r"\s*\([^)]*\)", "", name)
    out = []
    for part in name.split(" / "):
        part = " ".join(part.split())
        if ", " in part:
            head, tail = part.split(", ", 1)
            # an inverted form of government ("Murcia, Región de"): the name before it
            if tail[:1].isupper() and tail.split()[-1] in PARTICLES:
                part = head
            else:
                continue
        words = part.split()
        while words and words[-1] in CHINESE_SUFFIXES:
            words.pop()
        while words and words[-1] in CHINESE_ETHNIC:
            words.pop()
        if words:
            out.append(" ".join(words))
    return out


def plain(name):
    """A capitalised run of one to four Latin words (particles lowercase)."""
    words = name.split()
    if not 1 <= len(words) <= 4 or not is_latin(name) or not words[0][:1].isupper():
        return False
    return all(WORD.match(w) and (w[:1].isupper() or w in PARTICLES) for w in words)


def lowercase_words():
    with open(WORDLIST, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and w.strip().islower()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    import pycountry
    from wordfreq import zipf_frequency

    lower = lowercase_words()

    def common(name):
        if " " in name:
            return False
        w = name.lower()
        if w in ALWAYS_DROP or w in COMMON:
            return True
        return w in lower and zipf_frequency(w, "en") >= COMMON_ZIPF

    names, dropped = set(), set()
    for sub in pycountry.subdivisions:
        for n in cleaned(sub.name):
            for v in {n, folded(n)}:
                if not plain(v):
                    continue
                (dropped if common(v) else names).add(v)
    names.update(EXONYMS)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Region names: the subdivisions of ISO 3166-2 (countries' states, provinces, regions,\n")
        f.write("# counties, districts), from Debian's iso-codes (LGPL-2.1+), as packaged by pycountry\n")
        f.write(f"# {pycountry_version()}; cleaned and filtered by eval/train/regions.py (common English words\n")
        f.write("# left out), with a short hand list of English exonyms. Read by the entity rules only.\n")
        for n in sorted(names):
            f.write(n + "\n")
    print(f"{len(names)} names written to {args.out}; {len(dropped)} common words left out: "
          + ", ".join(sorted(dropped)[:60]), file=sys.stderr)


def pycountry_version():
    try:
        from importlib.metadata import version
        return version("pycountry")
    except Exception:
        return "(version unknown)"


if __name__ == "__main__":
    main()
