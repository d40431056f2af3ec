# Lesson 8: collocates, the company a word keeps.
# observed: how often the word is within the window around the node;
# expected: how often it would be by chance; the measure compares them.
# help collocates shows the formulas.

# logDice (the default) favours words that are typical of the node.
articles | collocates security window 3,3 | take 8

# Grammar words crowd the list; stopwords hides them (the counts stay the same).
articles | collocates security window 3,3 stopwords | take 8

# MI favours rare, exclusive partners; keep only those seen 3 times or more.
articles | collocates security window 3,3 measure mi min 3 | take 8

# t-score favours frequent partners, log-likelihood is a significance test.
articles | collocates security window 3,3 measure t min 3 | take 5
articles | collocates security window 3,3 measure ll min 3 | take 5
