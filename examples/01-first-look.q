# A first look at the built-in sample corpus: five reports on the first
# Japan–Taiwan ruling-party security talks (August 2021).

# Every article, with the columns shown by default.
articles

# How many articles, paragraphs and sentences?
articles | count
paragraphs | count
sentences | count

# Choose and compute columns.
articles | select id, source, year = year(date), words | sort by words desc
