# Lesson 12: summaries and checks for scripts.
# summarize computes several aggregates at once, per group with by.

articles | summarize articles = count(), words = sum(words), longest = max(words) by source

paragraphs | summarize n = count(), kinds = distinct(kind), avg(words)

# expect makes a script check itself: the rows pass through when the
# condition holds, and the script stops with exit status 1 when it does not.
# rows is the number of rows. (.save writes such lines for you.)
articles | count | expect n == 5
sentences | search "Taiwan Strait" | expect rows >= 5 | count
