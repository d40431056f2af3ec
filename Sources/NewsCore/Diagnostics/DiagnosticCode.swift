/// The diagnostics catalogue: every error newsq reports has a stable code,
/// shown as `error[E0302]: unknown field 'titel'`; `help E0302` (or
/// `.help E0302`) prints the entry's explanation, example and fix.
///
/// Design rules:
/// - Codes are grouped by the phase that finds the problem: E01xx lexing,
///   E02xx parsing, E03xx binding (names and types), E04xx planning, E05xx
///   running, E06xx loading files, E07xx shell commands. A warning (the work
///   went on without the part named) has a W code in its phase's group:
///   W06xx are the load warnings.
/// - A code names a kind of problem, not one message: the message says what
///   exactly is wrong at the spot, the code's entry teaches the rule.
/// - A code, once given, keeps its meaning; a retired code is not reused.
/// - Every case has its entry (the switch in `entry` is exhaustive), and
///   `DiagnosticCatalogTests` runs each runnable example and checks it reports
///   its own code.
public enum DiagnosticCode: String, CaseIterable, Sendable {
    // lex
    case unexpectedCharacter = "E0101"
    case unterminatedString = "E0102"
    case badDate = "E0103"
    case unterminatedRegex = "E0104"
    // parse
    case expectedSource = "E0201"
    case unknownStage = "E0202"
    case foreignStage = "E0203"
    case expectedPipe = "E0204"
    case unexpectedToken = "E0205"
    case incompleteStage = "E0206"
    case badNumber = "E0207"
    case unknownOption = "E0208"
    case badLet = "E0209"
    case badSearchSyntax = "E0210"
    case tooComplex = "E0211"
    case badExpression = "E0212"
    case badStatement = "E0213"
    // bind
    case unknownSource = "E0301"
    case unknownField = "E0302"
    case typeMismatch = "E0303"
    case unknownFunction = "E0304"
    case wrongArguments = "E0305"
    case badRegex = "E0306"
    case badSearchTerm = "E0307"
    case needsTextRows = "E0308"
    case needsSearch = "E0309"
    case unknownName = "E0310"
    case builtinName = "E0311"
    case unknownValue = "E0312"
    case unknownChoice = "E0313"
    case unreadableFile = "E0314"
    case unknownArticle = "E0315"
    case wrongRows = "E0316"
    // plan
    case nothingToRun = "E0401"
    // run
    case expectFailed = "E0501"
    case regexTooSlow = "E0502"
    case searchTooBroad = "E0503"
    case regexFailed = "E0504"
    case internalError = "E0599"
    // load
    case cannotLoadCorpus = "E0601"
    case badLesson = "E0602"
    case cannotReadFile = "E0603"
    // load warnings: the corpus loads, without the part named
    case duplicateId = "W0601"
    case malformedRecord = "W0602"
    case notUTF8 = "W0603"
    case nothingToRead = "W0604"
    case skippedFile = "W0605"
    case manifestProblem = "W0606"
    case dateNotUnderstood = "W0607"
    // shell
    case unknownCommand = "E0701"
    case otherShellCommand = "E0702"
    case noHelp = "E0703"
    case badCommandArgument = "E0704"
    case cannotWriteFile = "E0705"
    case commandFailed = "E0706"

    /// The phase that reports the code, by its group.
    public var phase: Diagnostic.Phase {
        switch rawValue.dropFirst(2).prefix(1) {
        case "1": return .lex
        case "2": return .parse
        case "3": return .bind
        case "4": return .plan
        case "5": return .execute
        case "6": return .load
        default: return .command
        }
    }

    /// The code's documentation.
    public struct Entry: Sendable {
        /// A few words, as `help E0302` heads the entry.
        public var title: String
        /// What the rule is and why it exists.
        public var explanation: String
        /// A statement (or shell line) that reports the code; run by the tests when `runnable`.
        public var example: String
        /// How to fix it.
        public var fix: String
        /// The example can run in a test session on the sample corpus and report this code.
        public var runnable = true
    }

    public var entry: Entry {
        switch self {
        case .unexpectedCharacter: return Entry(
            title: "a character the language does not use",
            explanation: "The statement has a character that is not part of newsq's syntax outside a string or a search: a control character pasted from elsewhere, '!' on its own (newsq writes 'not' and '!='), or a symbol such as '$' or '&'.",
            example: "articles | where !(words > 100)",
            fix: "Write 'not' for negation and '!=' for 'not equal'; put other symbols inside \"quotes\" when they are text: where title == \"R&D\".")
        case .unterminatedString: return Entry(
            title: "a string without its closing quote",
            explanation: "A string starts with \" or ' and ends with the same quote on the same line. The line ended before the closing quote.",
            example: "articles | where source == \"Newsweek",
            fix: "Add the closing quote: where source == \"Newsweek\". A quote inside a string is written \\\" (or use the other quote: 'the \"new\" era'); \\n is a line break.")
        case .badDate: return Entry(
            title: "a date literal that is not a date",
            explanation: "A date is written @YYYY-MM-DD, or @YYYY-MM for a whole month and @YYYY for a whole year. The text after '@' is not one, or names a day that does not exist.",
            example: "articles | where date > @2021-13-01",
            fix: "Write an existing day as @2021-08-27, a month as @2021-08, a year as @2021.")
        case .unterminatedRegex: return Entry(
            title: "a /regex/ without its closing slash",
            explanation: "A regular expression is written between slashes, /like this/. The statement ended before the closing '/'.",
            example: "articles | where title matches /^Japan",
            fix: "Close it: where title matches /^Japan/. A slash inside the pattern is written \\/.")
        case .expectedSource: return Entry(
            title: "a statement must start with a source",
            explanation: "Every statement starts with the rows it reads: a source (articles, paragraphs, sentences, quotes, entities, mentions, shared) or a let name, then stages joined by '|'. newsq is not SQL: there is no SELECT ... FROM.",
            example: "where source == \"Newsweek\"",
            fix: "Start with a source: articles | where source == \"Newsweek\".")
        case .unknownStage: return Entry(
            title: "not a stage",
            explanation: "After '|' comes a stage: where, search, select, sort, take, top, count, kwic, words, ngrams, collocates, keywords, distribution, sample, union, intersect, except, summarize, distinct, chart or expect. The word there is none of them (the message suggests the closest).",
            example: "articles | selct title",
            fix: "Use one of the stages listed in the message; help STAGE shows how each is written.")
        case .foreignStage: return Entry(
            title: "a stage of another query language",
            explanation: "The word is how another language (SQL, a shell, a log query language) names a stage; newsq has one spelling for each, and the message names it.",
            example: "articles | filter words > 100",
            fix: "Use the newsq stage the message names: filter is where, limit is take, order by is sort by, group by is count by.")
        case .expectedPipe: return Entry(
            title: "stages are joined by '|'",
            explanation: "A stage ends where the next '|' begins. Something follows a complete stage or statement without a '|' before it.",
            example: "articles take 3",
            fix: "Put '|' between the source and each stage: articles | take 3. Two statements are separated by ';'.")
        case .unexpectedToken: return Entry(
            title: "something unexpected inside a stage",
            explanation: "The stage was complete, or expected something else, when this word or symbol came. The message says what was expected; the help line shows the stage's syntax.",
            example: "articles | take 3 4",
            fix: "Remove the extra part, or write the stage as its syntax line shows.")
        case .incompleteStage: return Entry(
            title: "a stage is missing a part",
            explanation: "The stage needs more than its name: where needs a condition, select a field, sort and top a 'by' and a field, count by a field, search and collocates something to look for, expect a condition.",
            example: "articles | where",
            fix: "Complete the stage as the help line shows, e.g. articles | where words > 100.")
        case .badNumber: return Entry(
            title: "a number is needed, or it is out of range",
            explanation: "The stage or option takes a whole number (take 5, ngrams 2, width 30, window 3,3, near(a, b, 5)), and what is there is not one, is negative, or is outside the allowed range given in the message.",
            example: "articles | take five",
            fix: "Write a whole number within the range the message gives: articles | take 5.")
        case .unknownOption: return Entry(
            title: "not an option of this stage",
            explanation: "The analysis stages take option words (kwic width, collocates window and measure, words min, sample seed). The word is not one of this stage's options, or the value after an option is not one of its choices. In kwic and collocates the option words end the search query.",
            example: "articles | words minimum 3",
            fix: "Use an option the message lists (help STAGE shows them all). To search for an option word itself in kwic or collocates, quote it: kwic \"width\".")
        case .badLet: return Entry(
            title: "a let is written 'let NAME = PIPELINE'",
            explanation: "let keeps the rows of a pipeline under a name, which is then a source. The name must be a plain word that is not reserved, followed by one '=' and a pipeline.",
            example: "let nw == articles | where source == \"Newsweek\"",
            fix: "Write let nw = articles | where source == \"Newsweek\"; then nw | count.")
        case .badSearchSyntax: return Entry(
            title: "a search written wrongly",
            explanation: "A search takes words, \"phrases\", prefix*, wildcards (wom?n), /regex/, =Exact case, near(a, b, N), title:(...), AND, OR, NOT and parentheses. Something in it is incomplete: an empty phrase or regex, AND without a word before it, a near() with one word, a '*' with no letters.",
            example: "articles | search AND china",
            fix: "Give each operator words on both sides and each group at least one word: articles | search japan AND china.")
        case .tooComplex: return Entry(
            title: "a statement too deep or too long",
            explanation: "newsq bounds how deeply brackets and operators nest, how many stages one statement has and how many words one search has, so a runaway statement gets an error instead of exhausting memory.",
            example: "articles | where ((((((((( … 201 brackets deep … words > 1",
            fix: "Split the work: keep part of a pipeline with let, use 'in [...]' for many values, or several shorter searches.",
            runnable: false)
        case .badExpression: return Entry(
            title: "an expression written wrongly",
            explanation: "Conditions and computed columns are expressions: fields, values (numbers, \"strings\", @dates, [lists]), comparisons (== != < <= > >=), in, between ... and ..., matches /re/, and, or, not, + - *, and functions such as year(date). Something in it is not where an expression expects it; '=' alone, for example, names a column in select and does not compare.",
            example: "articles | where source = \"Newsweek\"",
            fix: "Compare with '==': articles | where source == \"Newsweek\".")
        case .badStatement: return Entry(
            title: "a show or why statement written wrongly",
            explanation: "show article ID [search QUERY] prints one article; why QUERY in ID traces a search against one article, paragraph or sentence. A part of the statement is missing.",
            example: "show 002",
            fix: "Write show article \"002\" search china, or why china in 002_a0e825fb24626626.")
        case .unknownSource: return Entry(
            title: "not a source or let name",
            explanation: "A statement reads a source (articles, paragraphs, sentences, quotes, entities, mentions, shared) or the rows kept by an earlier let. The name is neither.",
            example: "artcles | count",
            fix: "Use a source the message lists, or define the name first: let nw = articles | where source == \"Newsweek\".")
        case .unknownField: return Entry(
            title: "not a field of these rows",
            explanation: "A stage can use the fields of the rows flowing into it: a source's fields (.schema lists them), article.FIELD for paragraphs, sentences, quotes and mentions, the columns made by select, count or an analysis stage, and score after a search. The name is not one of them at this point of the pipeline.",
            example: "articles | select titel",
            fix: "Use a field the message lists, or move the stage before the select or count that dropped the field.")
        case .typeMismatch: return Entry(
            title: "a value of the wrong type",
            explanation: "Each operator and stage takes values of a type: where and expect a true/false condition, '+' and sum numbers, matches and lower text, a date compares with a date. The value given is of another type.",
            example: "articles | where words > \"many\"",
            fix: "Give a value of the type the message names: articles | where words > 500.")
        case .unknownFunction: return Entry(
            title: "not a function or aggregate",
            explanation: "Expressions can call year, month, day, lower, upper, len, contains, round, snippet and highlight; summarize takes count(), sum, avg, min, max and distinct. The name called is none of them.",
            example: "articles | select yaer(date)",
            fix: "Use a function the message lists: articles | select year(date).")
        case .wrongArguments: return Entry(
            title: "the wrong number or kind of arguments",
            explanation: "The function takes a fixed number of arguments of given types; the message gives its signature.",
            example: "articles | select year(date, 2)",
            fix: "Call it as the signature shows: year(date).")
        case .badRegex: return Entry(
            title: "a regular expression that cannot be used",
            explanation: "Regexes are POSIX extended, in search matched against each word (lowercase, accents removed), in where against the field's text. This one does not compile, uses Perl classes POSIX lacks (\\d, \\w: write [0-9], [[:alnum:]]), or is refused because it could run for very long (nested repetition such as (a+)+).",
            example: "articles | search /\\d+/",
            fix: "Write it in POSIX form: search /[0-9]+/; avoid nested repetition.")
        case .badSearchTerm: return Entry(
            title: "a search term that cannot match",
            explanation: "Each part of a search must find words: a term with letters or digits, a phrase with words, a prefix with letters before '*', a wildcard with at least one letter, a near() of words rather than groups, a field scope the rows have.",
            example: "articles | search \"--\"",
            fix: "Search for words: articles | search \"Taiwan Strait\".")
        case .needsTextRows: return Entry(
            title: "the stage reads text, and these rows have none",
            explanation: "search, kwic, words, ngrams, collocates, keywords and distribution read the text of articles, paragraphs or sentences. After select, count or another analysis the rows are computed values without text.",
            example: "articles | count by source | words",
            fix: "Put the stage before the select or count: articles | words | take 10.")
        case .needsSearch: return Entry(
            title: "the stage needs a search before it",
            explanation: "distribution, snippet, highlight and kwic without a query show the matches of a search, so a search stage must come before them.",
            example: "articles | distribution by source",
            fix: "Search first: articles | search china | distribution by source (or give kwic its own query: kwic china).")
        case .unknownName: return Entry(
            title: "not a let name",
            explanation: "union, intersect, except and keywords vs read the rows kept by a let. No let has this name in this session (the message lists those that do).",
            example: "articles | union nww",
            fix: "Define it first, e.g. let nw = articles | where source == \"Newsweek\"; then articles | union nw.")
        case .builtinName: return Entry(
            title: "a built-in source cannot be rebound",
            explanation: "let cannot take the name of a built-in source (articles, paragraphs, sentences, quotes, entities, mentions, shared): every later statement reading that source would read the let instead.",
            example: "let articles = articles | take 2",
            fix: "Choose another name: let few = articles | take 2.")
        case .unknownValue: return Entry(
            title: "no row has this value",
            explanation: "A comparison with a field of a few known values (an entity's kind: person, org, place; a paragraph's kind) names a value no row has, usually a misspelling; the message suggests the closest value.",
            example: "entities | where kind == \"persn\"",
            fix: "Use a value the message suggests: entities | where kind == \"person\".")
        case .unknownChoice: return Entry(
            title: "not one of the option's choices",
            explanation: "An option takes one of a few names: collocates measure mi, t, ll or logdice; keywords measure ll or logratio; chart by day, week, month or year.",
            example: "articles | collocates china measure dice",
            fix: "Use a choice the message lists: measure logdice.")
        case .unreadableFile: return Entry(
            title: "a file named in the statement cannot be read",
            explanation: "A file the statement names (a stopword list: words stopwords \"FILE\") does not exist or cannot be read as text.",
            example: "articles | words stopwords \"/no/such/file.txt\"",
            fix: "Give the path of a text file with one word per line, or 'stopwords' alone for the built-in English list.")
        case .unknownArticle: return Entry(
            title: "no article, paragraph or sentence has this id",
            explanation: "show article and why take an article id (or a unique start of one, or a number), and why also ID#pN and ID#sN for a paragraph or sentence. None matches, or the start given matches several.",
            example: "show article \"999\"",
            fix: "Use an id from articles | select id, or a unique start of one.")
        case .wrongRows: return Entry(
            title: "the stage needs other rows",
            explanation: "The stage works on rows of a particular kind: union, intersect and except on rows of the same source (or the same columns), chart on counted rows with a number column, keywords on a reference of text rows, search on articles, paragraphs or sentences.",
            example: "let s = sentences | take 3; articles | intersect s",
            fix: "Bring the rows to the kind the message names, e.g. count before chart, or a let of the same source.")
        case .nothingToRun: return Entry(
            title: "the statement has no pipeline to run",
            explanation: "Only a pipeline (a source and stages), let and explain run rows; help and show are answered by the shell. This is reported when a program asks the engine to run a statement that has none.",
            example: "help",
            fix: "Run a pipeline, e.g. articles | count.",
            runnable: false)
        case .expectFailed: return Entry(
            title: "an expect check failed",
            explanation: "expect CONDITION passes the rows on when the condition holds for every row, and fails the statement otherwise, naming the first row that broke it; rows is the number of rows. A script with a failed expect exits with status 1 (--bail stops it at the first failure).",
            example: "articles | count | expect n == 4",
            fix: "If the data changed on purpose, update the expected value; otherwise look at the row the message shows.")
        case .regexTooSlow: return Entry(
            title: "a regex ran too long and was stopped",
            explanation: "A regular expression that backtracks a lot (a?a?a?...aaa with as many a's) can take very long on one text. newsq watches each match and stops the statement when one runs over its time budget (2 s; NEWSQ_REGEX_BUDGET sets another); nothing is changed. The error points at the stage whose match was stopped.",
            example: "articles | where \"" + String(repeating: "a", count: 30) + "\" matches /" + String(repeating: "a?", count: 30) + String(repeating: "a", count: 30) + "/",
            fix: "Write the pattern without optional parts that can match the same text many ways, or narrow the rows first with search.")
        case .searchTooBroad: return Entry(
            title: "a search term matches too much to run",
            explanation: "A /regex/ or wildcard in a search is tested against every word of the index's word list; on a large corpus a pattern that is slow on each word is cut off there after a few seconds, and the search stage reports it.",
            example: "articles | search /(.*a)*(.*b)*c/",
            fix: "Anchor the pattern or give it more letters: search /^secur/, search secur*.",
            runnable: false)
        case .regexFailed: return Entry(
            title: "a regex failed while the search ran",
            explanation: "The regular expression passed the binder's checks (which catch almost every bad pattern, as E0306) but the regex library refused it when the index search compiled it. This is rare.",
            example: "",
            fix: "Simplify the pattern; POSIX classes are [[:alpha:]], [[:digit:]], [[:alnum:]], [[:space:]].",
            runnable: false)
        case .internalError: return Entry(
            title: "an internal error",
            explanation: "Something went wrong inside newsq that a statement should not be able to cause. The statement is stopped; the session goes on.",
            example: "",
            fix: "Please report it with the statement and the corpus that caused it.",
            runnable: false)
        case .cannotLoadCorpus: return Entry(
            title: "the corpus cannot be loaded",
            explanation: "newsq PATH and .load PATH read files and folders of txt, md, json, jsonl, csv and tsv. The path does not exist, cannot be read, or holds no file of these kinds. The corpus loaded before is kept.",
            example: ".load /no/such/folder",
            fix: "Check the path; .load sample loads the built-in corpus.")
        case .badLesson: return Entry(
            title: "a lesson file has an error",
            explanation: "A .lesson file is plain text with tasks, answers, expectations and hints (examples/workshop/README.md shows the format). A line of it cannot be read, or a task's answer does not run or does not meet its expectation.",
            example: "tsk: Count the articles        (a line of a .lesson file: 'tsk' is not a key)",
            fix: "Fix the line the message points at (the message shows it with a caret), then type .tutorial again.",
            runnable: false)
        case .cannotReadFile: return Entry(
            title: "a file cannot be read",
            explanation: "A script (.read FILE, newsq -f FILE) does not exist, is a folder or a device, or is not UTF-8 text.",
            example: ".read /no/such/script.q",
            fix: "Check the path; scripts are UTF-8 text files of statements.")
        case .duplicateId: return Entry(
            title: "two articles with the same id",
            explanation: "Every article has an id that names it alone (show article, why … in ID, the id column). A record gave an id already used by an earlier article; the later one is loaded under a new id, named in the warning, so neither is lost.",
            example: ".load two-records-with-id-7.jsonl",
            fix: "Give each record its own id in the file, or leave the id out and newsq makes one from the text.",
            runnable: false)
        case .malformedRecord: return Entry(
            title: "a record that is not well formed",
            explanation: "A line or file is not what its format needs: a JSON line that is not an object, a file that is not valid JSON, a CSV/TSV row with more or fewer fields than the header, a header without a body column, a quoted field never closed, front matter never closed with ---. The records that are well formed load; the warning names the file and line of the one skipped.",
            example: ".load broken.jsonl",
            fix: "Open the file at the line named and mend the record (a missing brace or quote, a stray field separator); then .load it again.",
            runnable: false)
        case .notUTF8: return Entry(
            title: "a file that is not UTF-8 text",
            explanation: "newsq reads text as UTF-8. The file has bytes that are not UTF-8 (the warning shows the first and its line), often Latin-1 or Windows-1252 text, or UTF-16 with its byte-order mark. The file is skipped, the others load.",
            example: ".load latin1.txt",
            fix: "Convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8 old.txt > new.txt (or -f utf-16 for UTF-16), then load the new file.",
            runnable: false)
        case .nothingToRead: return Entry(
            title: "a file or record with no text",
            explanation: "An empty file, a file with no body text, a record with neither body nor title, or a JSON/CSV file with no records gives no article.",
            example: ".load empty.txt",
            fix: "Nothing to do if the file is meant to be empty; otherwise check that the body is in a field newsq reads (body, text or content).",
            runnable: false)
        case .skippedFile: return Entry(
            title: "a file or folder left out",
            explanation: "Loading a folder reads its regular files of known formats. A broken symbolic link, a pipe or device, a file or folder that cannot be read (permissions), or a file of another format (newsq reads .txt, .md, .json, .jsonl, .csv and .tsv) is left out, and the rest loads.",
            example: ".load folder-with-a-pdf",
            fix: "Convert the file to one of the formats, mend the link or the permissions, or ignore the warning if the file is not an article.",
            runnable: false)
        case .manifestProblem: return Entry(
            title: "a folder's manifest.json that cannot be used",
            explanation: "A manifest.json in a folder gives the outlet, date and other fields of its files. It is not valid, or lists a file the folder does not have; the files load without what the manifest would have added.",
            example: ".load folder-with-a-broken-manifest",
            fix: "Mend manifest.json (valid JSON, one entry per file present), then load the folder again.",
            runnable: false)
        case .dateNotUnderstood: return Entry(
            title: "a date that is not understood",
            explanation: "A record's date field could not be read as a date (newsq reads ISO dates such as 2021-08-27 or 2021-08-27T10:00:00Z and common written forms such as 27 August 2021). The article loads without a date, so date filters and timelines leave it out.",
            example: ".load dated-someday.jsonl",
            fix: "Write the date as YYYY-MM-DD in the file.",
            runnable: false)
        case .unknownCommand: return Entry(
            title: "not a dot-command",
            explanation: "Lines that start with '.' are shell commands (.help lists them). This one is not among them.",
            example: ".hepl",
            fix: "Use a command .help lists; the message suggests the closest.")
        case .otherShellCommand: return Entry(
            title: "a command of another shell",
            explanation: "The command is how sqlite3, psql or another shell does something; the message gives newsq's way.",
            example: ".import data.csv",
            fix: "Use the newsq spelling the message gives (.import is .load).")
        case .noHelp: return Entry(
            title: "no help topic of this name",
            explanation: "help TOPIC and .help TOPIC know the stages, the sources, the statements (let, explain, show, why), the dot-commands and the error codes (help E0302).",
            example: "help kwik",
            fix: "Use a topic the message lists; help alone shows an overview.")
        case .badCommandArgument: return Entry(
            title: "a dot-command's argument is wrong",
            explanation: "The command takes a particular argument: on or off (.headers, .timer), a whole number (.maxrows), a mode (.mode), a source (.schema), a file name (.read, .save, .once).",
            example: ".mode fancy",
            fix: "Give the argument .help COMMAND describes, e.g. .mode box.")
        case .cannotWriteFile: return Entry(
            title: "a file cannot be written",
            explanation: ".output, .once and .save write files; the folder does not exist or the file cannot be written.",
            example: ".save /no/such/folder/session.q",
            fix: "Check that the folder exists and is writable.")
        case .commandFailed: return Entry(
            title: "a dot-command could not do its work",
            explanation: "The command was written correctly but could not do what it was asked, for example a tutorial command with no lesson running; the message says why.",
            example: ".hint",
            fix: "Do what the message suggests, e.g. .tutorial to start a lesson.")
        }
    }

    /// The entry as `help CODE` shows it.
    public var explained: String {
        let e = entry
        var s = "\(rawValue): \(e.title)\n\n\(wrapped(e.explanation))\n"
        if !e.example.isEmpty { s += "\nExample:\n  \(e.example)\n" }
        s += "\nFix:\n\(wrapped(e.fix, indent: "  "))\n"
        return s
    }

    /// Text wrapped at 76 columns.
    func wrapped(_ text: String, indent: String = "") -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && indent.count + line.count + 1 + word.count > 76 {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines.joined(separator: "\n")
    }

    /// The code written in any case (`e0302`), or nil.
    public init?(code: String) {
        self.init(rawValue: code.uppercased())
    }
}
