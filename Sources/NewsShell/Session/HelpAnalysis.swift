/// Help topics of the statements that are not pipelines (`show`, `why`).
/// The stages' topics come from the stage catalogue (`StageCatalog`).

extension Help {
    static let showTopic = Topic(name: "show", syntax: "show article ID [search QUERY]",
        summary: "Prints one article whole (headline, source, date, text) with the matches of QUERY marked [like this], bold red on a terminal; without QUERY, the matches of the last search that ran. ID is the article id, a unique start of it (\"002\"), or its number (1 is the first).",
        example: "show article \"000\" search \"how important\"")
    static let whyTopic = Topic(name: "why", syntax: "why QUERY in ID",
        summary: "Traces a search against one article (ID), paragraph (ID#pN) or sentence (ID#sN), word by word: where each word matched (sentence numbers), or why not: another form is there (talks for talk), the match is only in boilerplate, the case differs under =; what a NOT did; how far apart near(...) parts are. It says whether the search matches. The last 'in' introduces the id; an id may be quoted.",
        example: "why \"security talk\" in 004_ec82b47e28c364f9")
}
