# Lesson 7: word lists and n-grams.
# n is the count, articles the range (in how many articles the word occurs),
# per_million the count per million words of the rows.

# The most frequent words are grammar words...
articles | words | take 8

# ...so leave them out with stopwords, and keep words seen 10 times or more.
articles | words stopwords min 10

# Two-word sequences (never across a sentence end); stopwords drops those
# that begin or end with a grammar word: names and terms come up.
articles | ngrams 2 stopwords min 4
