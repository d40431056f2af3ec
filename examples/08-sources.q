# The derived sources: entities, mentions, shared passages. They are computed
# the first time a statement uses them, then kept.

# The people named most often, their forms merged (Sato / Sato Masahisa).
entities | where kind == "person" | top 6 by mentions | select name, articles, mentions, aliases

# Organisations with their acronyms; places.
entities | where kind == "org" and mentions >= 3 | select name, mentions, aliases
entities | where kind == "place" | top 5 by mentions | select name, articles, mentions

# How each outlet writes one name.
mentions | where entity == "Masahisa Sato" | count by article.source, text

# Passages of eight or more words that occur in two or more articles,
# with the earliest article they appear in.
shared | select first, n, words, text

# Boilerplate is left out of search and word counts: "Popcat" is only in
# 004's "most popular" list, so these find nothing...
articles | search popcat | count
paragraphs | search popcat | count

# ...unless .boilerplate is on: then articles are searched whole, as loaded
# (which is what SQLite FTS5 sees), and 004 is found.
.boilerplate on
articles | search popcat | select id, words
.boilerplate off

# The boilerplate paragraphs are there for whoever asks.
paragraphs | where kind == "boilerplate" and contains(text, "Popcat") | count by article, kind, duplicate

# Near-copies (syndicated articles) have copy_of set to the earlier article;
# counts with copies folded leave them out. The sample has none.
articles | where copy_of == null | count by source
