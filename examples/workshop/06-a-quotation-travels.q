# Lesson 6: how one quotation travels between outlets.
# The FT interviewed Sato; Newsweek quoted the FT a day later.

sentences | search "how important we feel" | select article.source, article.date, text

# Which passages appear word for word in more than one article? The shared
# source lists runs of eight or more words found in 2+ articles, with the
# earliest article they appear in: the trace of copying and quoting.
shared | select first, n, words, text

# The same idea by hand: long n-grams found in two or more articles.
articles | ngrams 6 min 2 | where articles >= 2 | take 8

# Quoting can change the facts around a quotation: the FT says its
# interview was on Tuesday, Newsweek, quoting it, says Wednesday.
sentences | search "serious impact" | select article.source, highlight(text)
