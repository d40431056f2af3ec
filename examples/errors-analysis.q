# Mistakes with the analysis stages, and what newsq says about them.

# A stage name misspelt.
articles | colocates china

# An option misspelt: kwic would otherwise search for the word "widht".
sentences | kwic china widht 30

# An unknown association measure: the message lists the ones there are.
articles | collocates china measure dice

# A reference that is not a let name.
articles | keywords vs nwe

# Text analysis after the rows became counts.
articles | count by source | words

# Set operations need rows of the same source.
let s = sentences | search sato
articles | intersect s

# snippet needs a search to mark.
articles | select snippet(body)

# expect stops a script with exit status 1 (here after all the statements).
articles | count | expect n == 4
