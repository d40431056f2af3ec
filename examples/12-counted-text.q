# One counted text: the title, body and caption paragraphs of an article, each
# once. The headline is a paragraph (and a sentence) of kind title.
paragraphs | count by kind
sentences | where kind == "title" | select article, n, text
# Every unit counts the same words...
articles | words | summarize tokens = sum(n)
paragraphs | words | summarize tokens = sum(n)
sentences | words | summarize tokens = sum(n)
# ...and finds the same matches, searched first or not.
sentences | kwic china | count
sentences | search china | kwic china | count
articles | kwic china | count
# A headline is searched with the body (a title: scope searches it alone).
articles | search title:(swift) | select id, title
articles | search swift | select id
# Boilerplate (navigation, "most popular" lists) and repeated lines count only on request.
sentences | search popcat | count
.boilerplate on
sentences | search popcat | count
sentences | words | summarize tokens = sum(n)
.boilerplate off
# keywords vs corpus: the reference holds every occurrence of the studied words.
sentences | search china | keywords vs corpus | where ref_n < n | count
sentences | search china | keywords vs corpus | take 3 | select item, n, ref_n
