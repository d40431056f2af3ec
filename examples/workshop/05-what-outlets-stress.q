# Lesson 5: what each outlet stresses.
# Raw counts mislead when articles differ in length; per million words
# (hits per million words of each outlet) makes outlets comparable.

articles | select source, words | sort by words desc

# distribution: hits per outlet, per million words, and how many of the
# outlet's articles have a hit, beside the outlet's size.
articles | search china | distribution by source
articles | search military OR defense OR defence | distribution by source

# The same as a bar chart of the counts.
sentences | search china | count by article.source | chart n
