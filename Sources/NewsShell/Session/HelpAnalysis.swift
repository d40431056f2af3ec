/// Help topics of the analysis stages, each with an example that runs on the
/// sample corpus (SessionTests runs every one).

extension Help {
    static let showTopic = Topic(name: "show", syntax: "show article ID [search QUERY]",
        summary: "Prints one article whole (headline, source, date, text) with the matches of QUERY marked [like this], bold red on a terminal; without QUERY, the matches of the last search that ran. ID is the article id, a unique start of it (\"002\"), or its number (1 is the first).",
        example: "show article \"000\" search \"how important\"")
    static let whyTopic = Topic(name: "why", syntax: "why QUERY in ID",
        summary: "Traces a search against one article (ID), paragraph (ID#pN) or sentence (ID#sN), word by word: where each word matched (sentence numbers), or why not: another form is there (talks for talk), the match is only in boilerplate, the case differs under =; what a NOT did; how far apart near(...) parts are. It says whether the search matches. The last 'in' introduces the id; an id may be quoted.",
        example: "why \"security talk\" in 004_ec82b47e28c364f9")
    static let analysisStages: [Topic] = [
        Topic(name: "kwic", syntax: "kwic [QUERY] [width N | width N words] [by sentence]",
              summary: "Keyword in context: one line per match, with article, date, left context, match and right context; the left context is right-aligned so the matches line up (bold red on a terminal). Without a QUERY it shows the matches of the search before it. width counts characters (default 40) or, with 'words', word tokens; 'by sentence' shows each match's whole sentence. Sort the lines with sort by left1, right1, left2, ... (the words nearest the match, folded to lowercase); match, source and position are fields too. Options end the query, so search the word 'width' as \"width\".",
              example: "sentences | search \"Taiwan Strait\" | kwic width 30 | sort by right1, left1",
              details: "See one article whole, with the matches marked:  show article \"002\" search \"Taiwan Strait\"\n"),
        Topic(name: "words", syntax: "words [stopwords [\"FILE\"]] [min N]",
              summary: "A word list of the rows' text: item (lowercase, without accents), n, articles (how many articles it occurs in: its range) and per_million (n per million words of these rows). stopwords leaves out common English function words, stopwords \"FILE\" the words of a file (one a line); min N keeps items seen N times or more. Articles count their body and captions, not boilerplate, like search.",
              example: "articles | where source == \"Newsweek\" | words stopwords min 5 | take 10"),
        Topic(name: "ngrams", syntax: "ngrams N [stopwords] [min N]",
              summary: "Sequences of N words (1 to 8) that never cross a sentence end, with n, articles and per_million as for words; min defaults to 2. stopwords drops n-grams that begin or end with a stopword.",
              example: "articles | ngrams 3 stopwords min 3"),
        Topic(name: "collocates", syntax: "collocates QUERY [window L,R] [measure mi|t|ll|logdice] [min N] [stopwords]",
              summary: "Words that keep company with the matches of QUERY: every word within L words left and R words right of a match (default 5,5, inside the row's text; matched words themselves are not counted, a word in two overlapping windows once). Shows observed, expected, freq (the word's frequency in the rows) and the measure (default logdice); the other measures are fields too. min N (default 2) is the least observed count; stopwords (or stopwords \"FILE\") hides function words from the list without changing any count.",
              example: "articles | collocates taiwan window 3,3 measure logdice min 3 | take 10",
              details: """
              O  = observed: the word's tokens inside the windows
              W  = all tokens inside the windows,  N = all tokens of the rows
              f  = the word's frequency in the rows,  fn = matches of QUERY
              E  = expected = W * f / N
              mi      = log2(O / E)
              t       = (O - E) / sqrt(O)
              logdice = 14 + log2(2 * O / (fn + f))
              ll      = 2 * sum Oij * ln(Oij / Eij) over the table
                        [ O, W - O ; f - O, N - W - f + O ],  Eij = row total * column total / N;
                        signed: negative when O < E (the word keeps away from the node)

              """),
        Topic(name: "keywords", syntax: "keywords vs NAME|corpus [measure ll|logratio] [min N]",
              summary: "Words unusually frequent in the rows compared with a reference: a let name, or corpus (every article, these rows included). Shows n and ref_n, both per million, the log-likelihood ll (signed: negative when the word is rarer here, so sort by ll shows negative keywords) and Log Ratio, the effect size (log2 of the ratio of relative frequencies: 1 = twice as frequent). Sorted by the measure (default ll); min N (default 3) is the least n + ref_n.",
              example: "articles | where source == \"Newsweek\" | keywords vs corpus measure logratio min 5 | take 8",
              details: """
              a, b = the word's count here and in the reference;  c, d = all tokens here and there
              E1 = c * (a + b) / (c + d),  E2 = d * (a + b) / (c + d)
              ll       = 2 * (a * ln(a / E1) + b * ln(b / E2)), negative when a/c < b/d
              logratio = log2((a / c) / (b / d)), a count of 0 taken as 0.5

              """),
        Topic(name: "distribution", syntax: "distribution [by FIELD]",
              summary: "Where the hits of the search fall: per group (default source) the hits, hits per million words of the group, articles with a hit, and the group's size in the whole corpus (group_articles, group_words), side by side. Groups without hits are listed too; groups by date come in time order, others by hits.",
              example: "sentences | search china | distribution by article.source"),
        Topic(name: "sample", syntax: "sample N [seed S]",
              summary: "N rows chosen at random, in their original order; the same seed (default 1) always gives the same rows.",
              example: "sentences | search taiwan | sample 3 seed 42 | select article, n, text"),
        Topic(name: "union", syntax: "union NAME",
              summary: "The rows, then the rows of the let name NAME that are not among them. Both must be rows of the same source (or the same columns).",
              example: "let ft = articles | where source == \"Financial Times\"; articles | where source == \"Taiwan News\" | union ft | select id, source"),
        Topic(name: "intersect", syntax: "intersect NAME",
              summary: "The rows that are also rows of the let name NAME (same source).",
              example: "let china = articles | search china; articles | search sato | intersect china | select id"),
        Topic(name: "except", syntax: "except NAME",
              summary: "The rows that are not rows of the let name NAME (same source).",
              example: "let nw = articles | where source == \"Newsweek\"; articles | except nw | select id, source"),
        Topic(name: "summarize", syntax: "summarize AGG, ... [by FIELD, ...]",
              summary: "Aggregates per group (groups in key order): count(), sum(F), avg(F), min(F), max(F), distinct(F) (different non-empty values). Name a column with NAME = AGG.",
              example: "articles | summarize articles = count(), words = sum(words), avg(words) by source"),
        Topic(name: "distinct", syntax: "distinct",
              summary: "Drops rows equal to an earlier row: the same article, paragraph or sentence, or the same values after select or count.",
              example: "paragraphs | select kind | distinct"),
        Topic(name: "chart", syntax: "chart [FIELD] [by day|week|month|year]",
              summary: "A horizontal bar chart of a number column (default n), one bar per row, labelled by the other columns. When the label is a date it is a timeline: one bar per day, ISO week (2021-W34), month (2021-08) or year from the first date to the last, empty ones as 0; the finest bucket that gives at most 62 bars unless `by` names one. Counts add up in a bucket; other numbers are averaged.",
              example: "sentences | search taiwan | count by article.date | chart"),
        Topic(name: "expect", syntax: "expect CONDITION",
              summary: "A check for scripts: the rows pass through unchanged when the condition holds for every row; otherwise the statement fails with the row that broke it, and a script exits with status 1. rows is the number of rows. .save writes an expect line under each statement.",
              example: "articles | count | expect n == 5"),
    ]
}
