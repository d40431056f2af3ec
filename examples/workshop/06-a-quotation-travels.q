# Lesson 6: how one quotation travels between outlets.
# The FT interviewed Sato; Newsweek quoted the FT a day later.

sentences | search "how important we feel" | select article.source, article.date, text

# Which passages appear word for word in more than one article? Long
# n-grams found in 2+ articles are the trace of copying and quoting.
articles | ngrams 6 min 2 | where articles >= 2 | take 8

# Quoting can change the facts around a quotation: the FT says its
# interview was on Tuesday, Newsweek, quoting it, says Wednesday.
sentences | search "serious impact" | select article.source, highlight(text)
