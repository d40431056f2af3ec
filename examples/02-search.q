# Full-text search: words match in any case, "phrases" match words in a row.

# Which articles contain the phrase "Taiwan Strait"?
articles | search "Taiwan Strait" | select id, source

# Words side by side must all occur (AND); OR and NOT; parentheses group.
articles | search china AND (security OR defence) | count
articles | search sato NOT otsuka | select id, source

# A prefix: secur* finds security, secure, ...
sentences | search secur* | count by article.source

# On sentences, every word must be in the same sentence.
sentences | search Japan Taiwan Strait | select article, n

# Hyphenated names are found as written.
sentences | search Chih-cheng | select article, n, text
