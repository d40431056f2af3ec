# Lesson 1: searching.
# A search keeps the rows whose text matches and scores them (BM25: higher
# is a better match). Case and accents never matter; Japan's matches japan.

# One word, in whole articles: which outlets mention Beijing at all?
articles | search beijing | select id, source, score

# A "phrase" must appear word for word; on sentences, all words of the
# query must be in the same sentence.
sentences | search "Taiwan Strait" | count by article.source

# AND is implied between words; OR and NOT must be written (in capitals
# or not); parentheses group.
sentences | search china AND (security OR defense OR defence) | count

# A prefix with *: secure, security, securing ...
sentences | search secur* NOT "security talks" | count

# =Word asks for the exact case: =US is the country, not "us".
sentences | search =US | count
