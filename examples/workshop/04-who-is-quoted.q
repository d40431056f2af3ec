# Lesson 4: who is quoted?
# The quotes source holds every direct quotation with its speaker, found
# from the reporting verb: "..., X said", "X said: ...", "said X, a
# spokesman", and "he told ..." resolved to the last person named.

# Who is quoted most, and in how many articles?
quotes | count by speaker | top 8 by n

# What did Lo Chih-cheng say, and where? (cue is the reporting verb)
quotes | where speaker == "Lo Chih-cheng" | select article.source, cue, text | take 5

# Which outlets quote Masahisa Sato, and how often?
quotes | where speaker == "Masahisa Sato" | count by article.source

# Checking by hand: the reporting verb is the way in. In "X said" the word
# just before "said" is often the speaker (or "he").
sentences | kwic said width 3 words | count by left1 | top 8 by n

# Three different Chinese foreign-ministry spokespeople, in three outlets:
# spokes* finds spokesman, spokeswoman and spokesperson.
sentences | kwic spokes* width 5 words | select article, left, match, right
