# why QUERY in ID: a search traced against one article, paragraph or sentence.
# A phrase word by word: "talk" is not there, "talks" is.
why "security talk" in 004_ec82b47e28c364f9
# Only in boilerplate (the site's navigation), which search leaves out.
why popcat in 004_ec82b47e28c364f9
# Exact case, a NOT, and how far apart near() parts are.
why =TAIWAN OR near(japan, talks, 2) in 002_a0e825fb24626626
why china AND NOT sato in 003_162644c2fb39c01e
# A sentence (ID#sN) or a paragraph (ID#pN) of an article.
why china in 002_a0e825fb24626626#s7
# The start of an id is enough when only one article has it, as in show article.
why talks in 004
# An id that is not there.
why china in 002_a0e825fb24626627
