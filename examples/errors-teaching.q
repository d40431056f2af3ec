# Errors point at the spot and help. Each statement below is wrong on purpose.
articles | filter source == "Newsweek"
articles | where titel == "x"
articles | select id | order by id
articles | where date > "2021-08-27"
artciles | count
articles | search
articles | where source == "Newsweek
sentences | where article.sorce == "x"
articles | count | where score > 1
.mode fancy
articles | take -3
entities | where kind == "persn" | count

# Two statements on one line: the column counts from the start of the line.
articles | count; sentences | where wordz > 3

# A Perl class in a regex: search regexes are POSIX extended.
articles | kwic /\d+/

# Habits of other shells: SQL comments work; sqlite3's commands get their newsq spelling.
articles | count -- how many articles
.import news.csv
.tables

# An empty search explains itself when something true can be said.
sentences | search dialogues
articles | search popcat
articles | search =TAIWAN
articles | search zzzqqq
