# Lesson 3: from a line back to the whole text.
# Concordance lines are a way in; reading the whole article is the check.

# snippet(text) gives the sentence around the first match, highlight(text)
# the whole text; matches are marked [like this].
paragraphs | search otsuka | select article, n, snippet(text)

# show article opens one article (a unique start of its id is enough) with
# every match of the query marked.
show article "004" search "security talks"
