/// The seven core stages, reserved words with plan nodes of their own:
/// `Parser.parseStage` parses them (one function per grammar rule),
/// `Binder.bindStage` binds them and `Planner` turns them into `filter`,
/// `search`, `project`, `sort`, `limit`, `topK` and `aggregate` nodes that the
/// optimizer rewrites. Here: their texts for help and messages, and completion.
enum CoreStages {
    static let all: [StageSpec] = [where_, search, select, sort, take, top, count]

    static let where_ = StageSpec(
        name: "where", syntax: "where CONDITION",
        usage: "where EXPR, e.g. where source == \"Newsweek\" and date >= @2021-08-25",
        summary: "Keeps rows where the condition holds: == != < <= > >=, in [..], between A and B, and/or/not, matches /re/; dates as @2021-08-27 or 2021-08-27, a whole month @2021-08 or year @2021, date - 7 in days; functions year, month, day, lower, upper, len, contains, round.",
        example: "articles | where date >= @2021-08-25 and source != \"Newsweek\" | select id, source, date",
        form: .keyword(.`where`))

    static let search = StageSpec(
        name: "search", syntax: "search QUERY",
        usage: "search QUERY, e.g. search \"Taiwan Strait\" AND china",
        summary: "Full-text match: words (any case, any accents), \"phrases\", prefix*, wildcards (wom?n, *stan), /regex/ on each word, near(a, b, N) (either order, at most N words between, default 10), title:(...) for the article's title, =US for exact case, AND, OR, NOT, parentheses; words side by side mean AND. Adds score (BM25, higher is better). On paragraphs or sentences, all words must be in the same one. Boilerplate (navigation, related lists) is not searched unless .boilerplate is on.",
        example: "articles | search \"Taiwan Strait\" | select id, source, score",
        form: .keyword(.search))

    static let select = StageSpec(
        name: "select", syntax: "select FIELD, NAME = EXPR, *",
        usage: "select FIELD, NAME = EXPR, *, e.g. select id, title",
        summary: "Chooses and computes the columns shown; * is every field.",
        example: "articles | select id, source, year = year(date), words",
        form: .keyword(.select))

    static let sort = StageSpec(
        name: "sort", syntax: "sort by FIELD [asc|desc], ...",
        usage: "sort by FIELD [desc], ..., e.g. sort by date desc",
        summary: "Orders rows (ascending unless desc); ties keep their order; empty values last.",
        example: "articles | sort by words desc | select id, words",
        firstWord: .words(["by"]), form: .keyword(.sort))

    static let take = StageSpec(
        name: "take", syntax: "take N",
        usage: "take N, e.g. take 5",
        summary: "Keeps the first N rows and says how many there were.",
        example: "sentences | search china | take 3",
        form: .keyword(.take))

    static let top = StageSpec(
        name: "top", syntax: "top N by FIELD [asc]",
        usage: "top N by FIELD [asc], e.g. top 3 by words",
        summary: "The N rows with the highest values (lowest with asc), without sorting everything.",
        example: "paragraphs | top 3 by words",
        form: .keyword(.top))

    static let count = StageSpec(
        name: "count", syntax: "count | count by FIELD, ...",
        usage: "count, or count by FIELD, ..., e.g. count by source",
        summary: "Counts rows (n), per group with by; for paragraphs and sentences also the distinct articles per group. Groups come largest first.",
        example: "sentences | search taiwan | count by article.source",
        firstWord: .words(["by"]), form: .keyword(.count))
}
