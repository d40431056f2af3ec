# More search forms: wildcards, /regex/ on words, near(...), title:(...) and exact case.

# ? is one character, * any run: wom?n, *stan, t?iwan.
# Afghanistan is only in 004's list of popular stories, which is boilerplate:
# search leaves it out unless .boilerplate is on (then articles are searched
# whole, as loaded, which is what SQLite FTS5 sees).
articles | search t?iwan AND *stan | select id, source
.boilerplate on
articles | search t?iwan AND *stan | select id, source
.boilerplate off

# A /regex/ is matched against each indexed word (lowercase, accents removed).
sentences | search /^secur(e|ity)$/ | count by article.source

# near(a, b, N): both within N words of each other, either order (default 10).
# As in SQLite FTS5, N counts the words between the end of one and the start of the other.
sentences | search near(japan, "security talks", 5) | select article, n
articles | search near(china, threat) | select id, score

# title:(...) scopes the whole group to the article's title.
articles | search title:(japan taiwan) AND NOT title:(security) | select id, title
paragraphs | search title:(security) AND sato | count by article.source

# body:(...) leaves the headline out: "urged" is in 003's headline only
# (its body has "urgency"), so body:(urged) finds two articles of the three,
# the same that kwic body:(urged) shows.
articles | search urged | select id
articles | search body:(urged) | select id
articles | kwic body:(urged) | select article

# Exact case: =US finds "US" but not "us"; ="..." an exact-case phrase.
articles | search =US | select id
articles | search ="Taiwan Strait" | count

# A dotted abbreviation shows whole in kwic (the final dot is not left in the right context).
articles | kwic U.S. width 20 | take 2
# A match inside a dotted abbreviation is marked whole in highlight and snippet too.
sentences | search U.S. | select highlight(text) | take 1
