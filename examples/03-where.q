# where keeps the rows for which a condition holds.

articles | where source == "Newsweek" | select id, date, title

# Dates are written @YYYY-MM-DD.
articles | where date >= @2021-08-25 | select id, source, date | sort by date

articles | where date between @2021-08-20 and @2021-08-26 | select id, date

# in [...] tests a list; not negates.
articles | where source in ["Financial Times", "Taiwan News"] | select id, source
articles | where not (source == "Newsweek") | count

# Text functions: lower, contains (ignores case), len, matches /regex/.
articles | where contains(title, "security") | select id, title
articles | where title matches /^Japan/ | select id

# A statement goes on over several lines: start a line with |, or end one
# with a word that needs more (where, and, ==, ...) and indent the next.
articles
| where source == "Newsweek" and
    words > 1000
| select id, words
