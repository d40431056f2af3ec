# Direct quotations and who said them.

# Who is quoted, and how often.
quotes | count by speaker

# What the DPP's Lo Chih-cheng said, outlet by outlet.
quotes | where speaker == "Lo Chih-cheng" | select article.source, cue, text

# One quotation travels: Sato's words in the Financial Times and in Newsweek.
quotes | where contains(text, "how important we feel") | select article.source, article.date, speaker, cue

# Partial quotations inside a sentence are quotations too.
quotes | where words <= 4 | select article, speaker, text

# search works on the text sources; quotes are filtered with where.
quotes | search taiwan
