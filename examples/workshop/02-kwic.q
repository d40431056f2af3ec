# Lesson 2: keyword in context (kwic) and sorting concordance lines.
# kwic shows every match with its context, the matches lined up in the middle.

# The matches of the search before it, 30 characters of context each side.
sentences | search "Taiwan Strait" | kwic width 30

# Sorting the lines shows patterns: right1 is the first word after the
# match, left1 the word just before it (left2 the one before that ...).
# What comes right after "talks"?
articles | kwic talks width 4 words | sort by right1, right2 | take 12

# And what is said just before it (the kind of talks)?
articles | kwic talks width 4 words | count by left1 | top 5 by n

# by sentence shows each match's whole sentence.
articles | kwic "Lo Chih-cheng" by sentence | select article, left, match, right
