# Lesson 11: samples and sets of rows.
# A random sample is how one reads a large result fairly; the seed makes
# it the same sample every time (for a class, for a paper).

sentences | search taiwan | sample 3 seed 42 | select article, n, text

# Sets of rows: keep a result with let, then combine rows of the same source.
let china = sentences | search china
let sato = sentences | search sato

# Sentences about China that also mention Sato ...
china | intersect sato | count

# ... which is what search china AND sato finds:
sentences | search china AND sato | count

# About China without Sato, and about either.
china | except sato | count
china | union sato | count by article.source
