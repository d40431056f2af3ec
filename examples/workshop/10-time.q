# Lesson 10: over time.
# count by a date and chart it: the days without articles are shown too, so
# the gaps are visible (a timeline).

articles | count by date | chart

# When did the outlets use "talks", per article date?
sentences | search talks | count by article.date | chart

# distribution works for dates as well.
sentences | search talks | distribution by article.date
