# Counting: count gives n; count by groups; top N by keeps the largest.

articles | count by source

# For paragraphs and sentences, count by also gives the distinct articles.
paragraphs | count by kind
sentences | search china | count by article.source

# The three longest paragraphs.
paragraphs | top 3 by words | select article, n, words

# take keeps the first rows and says how many there were.
sentences | search taiwan | select article, n | take 2
