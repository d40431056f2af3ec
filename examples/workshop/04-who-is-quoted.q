# Lesson 4: who is quoted?
# Without a quotation finder, the reporting verb is the way in: in news
# English a quotation is usually followed or preceded by "said" and a name.

# "X said": the word just before "said" is often the speaker (or "he").
sentences | kwic said width 3 words | count by left1 | top 8 by n

# "said X": the speaker after the verb, as in "said Lo Chih-cheng": keep
# the lines whose right context starts with a capital letter.
sentences | kwic said width 3 words | where right matches /^[A-Z]/ | select article, left, match, right

# Which outlets quote Sato, and how often?
sentences | search sato AND (said OR told OR saying) | count by article.source

# Three different Chinese foreign-ministry spokespeople, in three outlets:
# spokes* finds spokesman, spokeswoman and spokesperson.
sentences | kwic spokes* width 5 words | select article, left, match, right
