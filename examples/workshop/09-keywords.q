# Lesson 9: keywords - what is unusual in one part against a reference.
# ll (log-likelihood) says how sure, logratio how big (1 = twice as
# frequent). ll is negative for words rarer than in the reference.

let newsweek = articles | where source == "Newsweek"
let others = articles | where source != "Newsweek"

# What Newsweek's two articles say more than the other outlets do.
newsweek | keywords vs others min 6 | take 8

# Negative keywords: what Newsweek says less.
newsweek | keywords vs others min 6 | sort by ll | take 5

# Against the whole corpus, ordered by effect size.
articles | where source == "Taiwan News" | keywords vs corpus measure logratio min 4 | take 6
