import Foundation
import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The news conventions of quotation, each on a made-up article of the shape
/// seen in real reporting (none of these texts is from a corpus): where the
/// attribution stands, apposition, unnamed speakers, "he said", quotations
/// over several paragraphs, continuation only when adjacent, unbalanced marks.
final class QuoteConventionTests: XCTestCase {
    /// A corpus of one article per body (paragraphs separated by blank lines).
    func corpus(_ bodies: [String]) throws -> Corpus {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-quotes-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines: [String] = []
        for (i, b) in bodies.enumerated() {
            let obj: [String: Any] = ["id": "q\(i)", "title": "Report \(i)", "source": "Test Wire", "body": b]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self))
        }
        let path = dir.appendingPathComponent("quotes.jsonl").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try CorpusLoader.load(paths: [path])
    }

    /// The quotation containing `words` (nil when none does).
    func quote(_ c: Corpus, _ words: String, file: StaticString = #filePath, line: UInt = #line) -> Quote? {
        let q = c.quotes.first { $0.text.contains(words) }
        if q == nil { XCTFail("no quotation containing \"\(words)\"; found: \(c.quotes.map(\.text))", file: file, line: line) }
        return q
    }

    func testAttributionBeforeAfterAndInside() throws {
        let c = try corpus(["""
        The council voted on Monday to close the old bridge to lorries.

        "The steel is rusting faster than anyone expected," said Lisa Marsh, a council engineer.

        Dan Cole, who drives a delivery van, was less sure. "We will lose an hour every day," he said, "and nobody has asked us."

        "We will appeal," Mr Cole told Reuters.

        Brook Haulage said in a statement: "We regret that the council did not consult the firms that use the bridge."
        """])
        XCTAssertEqual(quote(c, "steel is rusting")?.speaker, "Lisa Marsh")
        XCTAssertEqual(quote(c, "lose an hour")?.speaker, "Dan Cole")
        XCTAssertEqual(quote(c, "nobody has asked")?.speaker, "Dan Cole")
        // the listener is never the speaker
        XCTAssertEqual(quote(c, "We will appeal")?.speaker, "Dan Cole")
        XCTAssertEqual(quote(c, "We regret")?.speaker, "Brook Haulage")
    }

    func testSpeakersInApposition() throws {
        let c = try corpus(["""
        Judges warned that the backlog of cases had reached a record.

        The head of the Bar Council, Tom Reid, said: "The courts cannot cope with the cases they already have."

        Ann Lowe, of the Nurses Federation, said the plan was "far too late for this winter".
        """])
        XCTAssertEqual(quote(c, "courts cannot cope")?.speaker, "Tom Reid")
        XCTAssertEqual(quote(c, "far too late")?.speaker, "Ann Lowe")
    }

    func testInvertedUnnamedSpeakerKeepsItsDescription() throws {
        let c = try corpus(["""
        Fire crews from three towns fought the blaze at the warehouse for most of the night.

        "The fire spread very quickly through the roof and the building could not be saved," said a fire service spokesman.
        """])
        let q = quote(c, "spread very quickly")
        XCTAssertEqual(q?.speaker, "a fire service spokesman")
        XCTAssertNil(q?.speakerEntity, "an unnamed speaker is never given an entity")
    }

    func testTheMinistrySaidIsTheOneMinistryNamedOrNobody() throws {
        let c = try corpus(["""
        The Ministry of Defence ordered a review of the base on Monday.

        "The review will report before the end of June," the ministry said.
        """, """
        The Ministry of Defence met the envoys on Monday. The Ministry of Foreign Affairs was not told of the meeting.

        "We will not comment on the talks while they go on," the ministry said.
        """])
        XCTAssertEqual(quote(c, "will report before")?.speaker, "Ministry of Defence")
        // Two ministries fit "the ministry": no guess between them.
        let q = quote(c, "will not comment")
        XCTAssertNil(q?.speakerEntity, "\(q?.speaker ?? "nil") was guessed between two ministries")
    }

    func testHeSaidIsTheSpeakerNotTheLastNameMentioned() throws {
        let c = try corpus(["""
        Mayor Jo Grant met the transport minister on Tuesday. Grant said Peter Hall had promised new buses for the northern suburbs.

        "He listened to every point we made," she said.
        """])
        XCTAssertEqual(quote(c, "listened to every point")?.speaker, "Jo Grant")
    }

    func testQuotationOverSeveralParagraphs() throws {
        let c = try corpus(["""
        Raj Patel, the union's general secretary, spoke after the vote.

        "Every winter the wards fill up and the staff are exhausted by February.

        "Nobody in government has listened to us," Patel said.
        """])
        let q = quote(c, "wards fill up")
        XCTAssertEqual(q?.speaker, "Raj Patel")
        XCTAssertTrue(q?.text.contains("Nobody in government") ?? false, "the paragraphs of one quotation are one quotation: \(q?.text ?? "")")
    }

    func testContinuationOnlyWhenAdjacent() throws {
        let c = try corpus(["""
        "We are ready for the final," said the coach, Mark Diaz.

        "The players have trained twice a day all week."

        The final will be played on Saturday in front of a sold-out crowd. Tickets sold out within an hour. The stadium holds forty thousand people.

        The club last won the cup in 1998. Its captain then is now its chairman. He has promised a parade if they win.

        Local shops have stocked up on scarves and flags. Police will close the streets around the ground from noon.

        "Nothing in football is certain."
        """])
        XCTAssertEqual(quote(c, "We are ready")?.speaker, "Mark Diaz")
        XCTAssertEqual(quote(c, "trained twice a day")?.speaker, "Mark Diaz", "an adjacent quotation with no cue continues the speaker")
        // a quotation far from any attribution has no speaker (and is not listed)
        XCTAssertNil(c.quotes.first { $0.text.contains("Nothing in football") }?.speaker)
    }

    func testNoQuotationsAndUnbalancedMarks() throws {
        let c = try corpus([
            """
            The river rose by two metres overnight. Residents of the lower town were moved to a school.

            The water is expected to fall by Thursday.
            """,
            """
            "This paragraph opens a quotation that never closes, said nobody in particular.

            "The bridge will reopen next week," said Lisa Marsh.
            """,
        ])
        XCTAssertTrue(c.quotes.filter { $0.article == 0 }.isEmpty, "no quote marks, no quotations")
        XCTAssertEqual(quote(c, "bridge will reopen")?.speaker, "Lisa Marsh")
    }

    /// The `quotes` source shows the same: `named` false for a description, `entity` null.
    func testQuotesSourceFields() throws {
        let c = try corpus(["""
        "The fire spread very quickly," said a fire service spokesman.

        "We lost everything," said Dan Cole, the owner.
        """])
        let sink = StringSink()
        var settings = Settings()
        settings.render.mode = .csv
        let s = Session(corpus: c, out: sink, err: sink, settings: settings, interrupt: Interrupt())
        _ = s.run(TextLineSource(text: "quotes | select speaker, named, entity", name: "t.q"))
        XCTAssertTrue(sink.text.contains("a fire service spokesman,false,"), sink.text)
        XCTAssertTrue(sink.text.contains("Dan Cole,true,Dan Cole"), sink.text)
    }

    /// Quotation marks of other languages: « », „ “ and 「 」 open and close
    /// quotations as “ ” do; the speaker rules are the same.
    func testQuotationMarksOfOtherLanguages() throws {
        let c = try corpus(["""
        The mayor opened the new library on Friday.

        «We have waited ten years for this building», said Claire Dubois, the city librarian.

        Hans Weber, a local teacher, said: „The children will read here every afternoon.“

        The museum director, Aiko Tanaka, said 「the collection will move next spring」 after the vote.

        An unbalanced « mark opens here and never closes, and the session goes on.
        """])
        XCTAssertEqual(quote(c, "waited ten years")?.speaker, "Claire Dubois")
        XCTAssertEqual(quote(c, "children will read")?.speaker, "Hans Weber")
        XCTAssertEqual(quote(c, "collection will move")?.speaker, "Aiko Tanaka")
        // the marks are not part of the quoted text
        XCTAssertEqual(quote(c, "waited ten years")?.text.contains("«"), false)
        XCTAssertEqual(quote(c, "children will read")?.text.contains("“"), false)
    }
    /// Text that lost its curly marks in a re-encoding keeps `"?` for a closing mark
    /// (often with the space after it) and for a dash: it closes an open quotation,
    /// and opens none.
    func testMisdecodedMarks() throws {
        let c = try corpus(["""
        The school will reopen in May. "We will rebuild the hall before the autumn,"?Lisa Marsh, the head teacher, said. She said the council "?which met on Monday "?would pay for it.
        """])
        XCTAssertEqual(quote(c, "rebuild the hall")?.speaker, "Lisa Marsh")
        XCTAssertEqual(quote(c, "rebuild the hall")?.text.contains("?"), false)
        XCTAssertTrue(c.quotes.allSatisfy { !$0.text.contains("which met") }, "\(c.quotes.map(\.text))")
    }

    /// A verb after a quotation attributes it only when it closes the quotation's
    /// sentence: not a verb well into the next sentence, not "said that …" or
    /// "said it …" (a report of other words), not "replied:" (which opens the next).
    func testAttributionAfterTheSentenceEnds() throws {
        let c = try corpus(["""
        Lisa Marsh, the council engineer, said the bridge was sound. "The steel is fine and the cables are new." Dan Cole, who drives a van, said he was not convinced.

        Asked about the price of the "temporary repairs" at the meeting, Mr Cole replied: "Nobody has told us."

        The owners announced the sale on Friday. "The plant will close in June." Ann Lowe, the director of the Harbour Trust, said.
        """])
        XCTAssertEqual(quote(c, "steel is fine")?.speaker, "Lisa Marsh")
        // a verb that closes the next sentence still attributes: `…." Ann Lowe, the director, said.`
        XCTAssertEqual(quote(c, "plant will close")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "Nobody has told us")?.speaker, "Dan Cole")
        XCTAssertNil(c.quotes.first { $0.text.contains("temporary repairs") }?.speaker)
    }

    /// A title in quote marks between the speaker and the verb is part of the
    /// sentence: the attribution reads through it.
    func testAttributionReadsThroughATitle() throws {
        let c = try corpus(["""
        Hundreds gathered in the square on Sunday. Rabbi Ezra Stein, who founded the "Open Doors Together" campaign in 2010, said in a statement, "We must stand together when any neighbour is threatened."
        """])
        XCTAssertEqual(quote(c, "stand together")?.speaker, "Ezra Stein")
    }

    /// "the chancellor told MPs": an office held by one person is the person
    /// introduced with that title, not the last person mentioned; a longer office
    /// ("Vice President") is another one.
    func testOfficeNamesThePersonWithThatTitle() throws {
        let c = try corpus(["""
        Chancellor Ruth Adler defended the budget on Monday. Opposition leader Tom Grey called it a mistake and Deputy Chancellor Ian Fell stayed silent.

        In a statement to parliament, the chancellor told MPs: "There will be no new taxes this year."
        """])
        XCTAssertEqual(quote(c, "no new taxes")?.speaker, "Ruth Adler")
    }
    /// "She said" after a sentence whose subject is "she" is still the person "she"
    /// stood for, not someone named later in that sentence; a sentence opening on a
    /// described speaker ("a city hall source told …") makes "he said" that description.
    func testPronounSubjectsAndDescribedSubjects() throws {
        let c = try corpus(["""
        Maria Lopez runs the shelter on Dock Street. She shared an office with Tom Reyes for a decade. "Nobody here has been paid since March," she said.

        In the meantime, a city hall source told the paper that the money had been found. "The payments will go out on Friday," he said.
        """])
        XCTAssertEqual(quote(c, "Nobody here")?.speaker, "Maria Lopez")
        XCTAssertEqual(quote(c, "payments will go out")?.named, false)
        XCTAssertEqual(quote(c, "payments will go out")?.speaker, "a city hall source")
    }

    /// "X called the decision "…"" puts the words on X; "Y, who called the vote a "…""
    /// on the person just before "who"; words before the verb that are a subject of
    /// their own ("the two unions said") are not a name earlier in the sentence.
    func testCalledWhoAndASubjectOfItsOwn() throws {
        let c = try corpus(["""
        The council approved the closure on Monday. The Green Party called the decision "reckless and short-sighted". Many objected, among them the former mayor Joan Fisk, who called the vote a "betrayal of the town".

        During Ann Kirby's visit to the port, the two unions said they would seek "a fair settlement for everyone".
        """])
        XCTAssertEqual(quote(c, "reckless and short-sighted")?.speaker, "Green Party")
        XCTAssertEqual(quote(c, "betrayal of the town")?.speaker, "Joan Fisk")
        XCTAssertNotEqual(c.quotes.first { $0.text.contains("fair settlement") }?.speaker, "Ann Kirby")
        XCTAssertEqual(c.quotes.first { $0.text.contains("fair settlement") }?.named ?? false, false)
    }

    /// Someone described by a person or an organisation is not that person or
    /// organisation: "Friends of Mr Carter", "the head of the Harbour Authority",
    /// "a spokesman for the Harbour Authority"; in "Ruth Adler, a lawyer representing
    /// Tom Reyes, told …" the name before the description speaks.
    func testDescribedByAPersonOrAnOrganisation() throws {
        let c = try corpus(["""
        Paul Carter resigned from the board in March. Friends of Mr Carter told the BBC that he had "done everything that was asked of him".

        The head of the Harbour Authority accused the council of a "cynical land grab". "We were never consulted about the sale of the quay," a spokesman for the Harbour Authority said.

        "The contract was broken on the first day," Ruth Adler, a lawyer representing Tom Reyes, told reporters.
        """])
        XCTAssertEqual(quote(c, "done everything")?.named, false)
        XCTAssertEqual(quote(c, "cynical land grab")?.named, false)
        XCTAssertEqual(quote(c, "never consulted")?.named, false)
        XCTAssertEqual(quote(c, "never consulted")?.speaker, "a spokesman for the Harbour Authority")
        XCTAssertEqual(quote(c, "contract was broken")?.speaker, "Ruth Adler")
    }

    /// A heading run into the text (no stop after it) leaves a name before the
    /// sentence's real subject, a description: the description speaks.
    func testDescriptionAfterAHeadingRunIn() throws {
        let c = try corpus(["""
        Prosecutor Alan Hart speaks to reporters The man's father, who was freed on Sunday, said his son had phoned him "in a terrible state, crying and shouting."
        """])
        XCTAssertEqual(quote(c, "terrible state")?.named, false)
    }
    /// Quoted words that name something are no quotations: after "known as",
    /// "referred to as the", "so-called"; one or two quoted words between a
    /// determiner and a noun ("other "hardline" groups") are a modifier.
    func testNamesAndModifiersInQuoteMarks() throws {
        let c = try corpus(["""
        The mayor Lisa Marsh said the plan, which residents referred to as the "long wall of shame," would be changed. She said some other "hardline" groups opposed it, and the so-called "green belt deal" was finished.
        """])
        XCTAssertTrue(c.quotes.allSatisfy { !$0.text.contains("long wall") && !$0.text.contains("hardline") && !$0.text.contains("green belt") },
                      "\(c.quotes.map(\.text))")
    }

    /// `The Church "strongly denied" the claims`: quoted words that are themselves the
    /// verb of speech belong to the subject before them.
    func testQuotedVerbOfSpeech() throws {
        let c = try corpus(["""
        Tom Reyes accused the board of hiding the losses. The Harbour Trust "strongly denied" the accusations on Friday.
        """])
        XCTAssertEqual(quote(c, "strongly denied")?.speaker, "Harbour Trust")
    }

    /// A long quotation whose speaker is not found is listed with no speaker (never
    /// someone's name); a few quoted words with no attribution are not listed.
    func testLongQuotationWithoutAttribution() throws {
        let c = try corpus(["""
        The rule book of the club is old. One clause reads "no member shall bring a dog, a cat or any other animal into the dining room" and nobody knows why. The "members only" sign is new.
        """])
        let q = quote(c, "no member shall bring")
        XCTAssertNil(q?.speaker)
        XCTAssertEqual(q?.named, false)
        XCTAssertTrue(c.quotes.allSatisfy { !$0.text.contains("members only") })
    }

    /// "she said" is not a man the article calls "he" (nor "Mr"): the last person
    /// named who may be meant.
    func testPronounGender() throws {
        let c = try corpus(["""
        Peter Okafor said his farm had flooded twice. "We lost the whole harvest," he said. Grace Mensah, 30, keeps her four children fed on what the clinic gives. "We moved to the hills for safety and came back for the food," she said.
        """])
        XCTAssertEqual(quote(c, "lost the whole harvest")?.speaker, "Peter Okafor")
        XCTAssertEqual(quote(c, "moved to the hills")?.speaker, "Grace Mensah")
    }
    /// Members of an organisation described through it stay unnamed, with its
    /// modifiers between ("the lawmakers from Norway's ruling Labour Party"); quoted
    /// words after a possessive and before a noun ("Oslo's "grey zone" tactics") are a
    /// modifier, no quotation; "believes" attributes like "says".
    func testMembersOfAnOrganisationAndModifiers() throws {
        let c = try corpus(["""
        The talks ended on Friday. The lawmakers from Norway's ruling Liberal Alliance Party also praised the meeting, voicing a "strong wish" to meet again. Erik Dahl, a fellow at the Polar Institute, said the visit was driven by Oslo's "grey zone" tactics. Dahl believes both parties are "patient and careful" enough to succeed.
        """])
        XCTAssertEqual(quote(c, "strong wish")?.named, false)
        XCTAssertTrue(c.quotes.allSatisfy { !$0.text.contains("grey zone") }, "\(c.quotes.map(\.text))")
        XCTAssertEqual(quote(c, "patient and careful")?.speaker, "Erik Dahl")
    }

    /// Someone described through a name's possessive speaks unnamed ("Mr Wild's family");
    /// with a name after the noun that name speaks ("Reyes's lawyer Ann Kirby").
    func testPossessiveDescriptionIsUnnamed() throws {
        let c = try corpus(["""
        Craig Dunmore, 47, was found at his home in Leeds. Mr Dunmore's family said: "We have lost a kind and gentle man who loved his garden."

        Tom Reyes denies the charges. Reyes's lawyer Ann Kirby told the court that the evidence was "thin and circumstantial".
        """])
        XCTAssertEqual(quote(c, "kind and gentle man")?.named, false)
        XCTAssertEqual(quote(c, "kind and gentle man")?.speaker, "Mr Dunmore's family")
        XCTAssertEqual(quote(c, "thin and circumstantial")?.speaker, "Ann Kirby")
    }

    /// "according to a senior official, who described it as …": the described speaker
    /// before "who", never a name further back in the sentence.
    func testWhoAfterADescribedSpeaker() throws {
        let c = try corpus(["""
        Ann Kirby and Tom Reyes met the investors in March at the hotel, according to a senior council official, who described it as a "friendly first meeting" and "nothing more than a hello."
        """])
        XCTAssertEqual(quote(c, "friendly first meeting")?.named, false)
        XCTAssertEqual(quote(c, "nothing more than a hello")?.named, false)
    }

    /// "the German foreign minister" is the person introduced with that office, its
    /// modifiers between; "the president" is the person titled President, not the
    /// subject of the last sentence.
    func testOfficesWithModifiersAndSingleOffices() throws {
        let c = try corpus(["""
        German Foreign Minister Klaus Berger arrived in Oslo on Monday. He met Erik Dahl, who runs the port. The German foreign minister said he expected "hard but honest talks".

        President Ruth Adler defended her adviser Tom Grey on Friday. Grey has denied meeting the envoy. "Tom Grey is an honest man and he did nothing wrong," the president said in a statement.
        """])
        XCTAssertEqual(quote(c, "hard but honest talks")?.speaker, "Klaus Berger")
        XCTAssertEqual(quote(c, "honest man")?.speaker, "Ruth Adler")
    }

    /// A characterizing verb in the passive ("accused of", "described as") puts no
    /// words on its subject; with a subject pronoun before it ("what she describes as")
    /// it does; "described X as" reads over a long object.
    func testPassiveAndActiveCharacterizingVerbs() throws {
        let c = try corpus(["""
        Former mayor Tom Grey was described as a "reckless gambler with public money" in the report.

        Ann Lowe took over the council during what she describes as a "truly difficult" year. She described the goals for next year - to balance the budget and to reopen the two closed libraries in the east of the city - as "mission impossible".
        """])
        XCTAssertNotEqual(c.quotes.first { $0.text.contains("reckless gambler") }?.speaker, "Tom Grey")
        XCTAssertEqual(quote(c, "truly difficult")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "mission impossible")?.speaker, "Ann Lowe")
    }

    /// Quoted words that end their sentence are no modifier of a noun after them
    /// (`like a "big firecracker." Officers …`).
    func testQuotedWordsEndingASentenceAreNoModifier() throws {
        let c = try corpus(["""
        Police chief Ann Lowe said the device was homemade, like a "big firecracker." Officers searched all four floors of the building.
        """])
        XCTAssertEqual(quote(c, "big firecracker")?.speaker, "Ann Lowe")
    }

    /// The person a sentence is about is the one who speaks in it ("…, Petrov's lawyer
    /// Oleg Marin told reporters"), never a person named in its reported clause ("The
    /// mayor said the protests against President Tom Grey …").
    func testSubjectIsWhoSpeaksNotWhoIsReported() throws {
        let c = try corpus(["""
        The defence team of former governor Ivan Petrov has asked observers to watch the trial, Petrov's lawyer Oleg Marin told reporters on Monday. "We have asked every observer in Europe to come," the lawyer said.

        Mayor Jo Hart opened the statue on Friday. The mayor, a Democrat, said the protests against President Tom Grey made the statue more relevant than ever. "She is inspiring everyone at a moment when we need it," he said.
        """])
        XCTAssertEqual(quote(c, "every observer")?.speaker, "Oleg Marin")
        XCTAssertNotEqual(quote(c, "inspiring everyone")?.speaker, "Tom Grey")
    }

    /// A hyphen left where a space was lost ("Alison Marsh-said", "He-said") does not
    /// glue the speech verb to the name.
    func testHyphenForALostSpace() throws {
        let c = try corpus(["""
        Health chief Alison Marsh-said the target was "the foundation of a good diet for every family". Minister Tom Grey also spoke.- He-said he was "proud to serve the people of this county".
        """])
        XCTAssertEqual(quote(c, "foundation of a good diet")?.speaker, "Alison Marsh")
        XCTAssertEqual(quote(c, "proud to serve")?.speaker, "Tom Grey")
    }

    /// "said" with a subject before it ("Ann Lowe, reporting from Rome, said the plans Tom
    /// Grey made …") is the subject's, not the name after the verb; "…." X said <a
    /// clause of its own> is a new sentence, no attribution of the quotation before.
    func testSubjectBeforeTheVerbAndANewSentenceAfter() throws {
        let c = try corpus(["""
        Tom Grey spoke to the council on Monday. The news agency's Ann Lowe, reporting from Rome, said the plans Tom Grey made "are very hard to carry out".

        "The referendum was always a deal breaker for our side," said party leader Dan Cole. "We oppose putting the rights of our people on the ballot." Ann Lowe said the leaders, above all the chairman, were not at the table.
        """])
        XCTAssertEqual(quote(c, "very hard to carry out")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "We oppose putting")?.speaker, "Dan Cole")
    }

    /// The people a phrase opens on ("Doctors in the hospital where X is treated") speak
    /// unnamed, not the name in the phrase's modifier.
    func testPeopleThePhraseOpensOn() throws {
        let c = try corpus(["""
        Ivan Petrov fell ill in May. Doctors in the hospital where Ivan Petrov is being treated say they still "have no real idea" what caused his illness.
        """])
        XCTAssertEqual(quote(c, "no real idea")?.named, false)
    }

    /// In a long paragraph (paragraphs run together), a quotation with no cue two
    /// sentences after the last attributed one still continues that speaker when the
    /// sentences between name nobody else.
    func testContinuationOverSentencesThatNameNoOneElse() throws {
        let filler = (1...20).map { "The harbour wall number \($0) was built of stone brought from the hills by cart." }.joined(separator: " ")
        let c = try corpus(["""
        \(filler) "We are ready for the final," said the coach, Mark Diaz. The final will be played on Saturday in front of a full house. "The players have trained twice a day all week."
        """])
        XCTAssertEqual(quote(c, "trained twice a day")?.speaker, "Mark Diaz")
    }

    /// Quotations in French, German and Japanese reports: their marks (« », »«, „ “, ‹ ›,
    /// ‚ ‘, 「」) and their speech verbs ("a déclaré", "dit-elle", "sagte"); a few words in
    /// those marks with no verb are still listed, without a speaker.
    func testSpeechVerbsAndMarksOfOtherLanguages() throws {
        let c = try corpus(["""
        Le conseil a voté lundi. « Nous allons reconstruire le pont avant l'hiver », a déclaré Claire Dubois. « C'est une question de mois », dit-elle.

        Der Rat hat entschieden. „Wir haben sehr lange auf diese Schule gewartet“, sagte Hans Weber. »Die Schule bleibt bis zum Sommer offen«, sagte Anna Berg.

        Le maire a répondu ‹ pas avant le printemps prochain › aux journalistes. Die Eltern schrieben ‚wir sind sehr froh‘ auf ein Schild.

        市長は「新しい図書館は来年開館します」と述べた。
        """])
        XCTAssertEqual(quote(c, "reconstruire le pont")?.speaker, "Claire Dubois")
        XCTAssertEqual(quote(c, "question de mois")?.speaker, "Claire Dubois")
        XCTAssertEqual(quote(c, "lange auf diese Schule")?.speaker, "Hans Weber")
        XCTAssertEqual(quote(c, "bis zum Sommer")?.speaker, "Anna Berg")
        XCTAssertEqual(quote(c, "bis zum Sommer")?.text.contains("«"), false)
        XCTAssertNotNil(quote(c, "avant le printemps"))
        XCTAssertNotNil(quote(c, "sehr froh"))
        XCTAssertEqual(quote(c, "sehr froh")?.text.contains("‘"), false)
        XCTAssertNotNil(quote(c, "新しい図書館"))
    }

    /// Two quoted words inside a reported clause are the speaker's words, not a modifier
    /// ("said … a "crushing momentum" against graft"; "told … he is a "true patriot"
    /// committed to …"); after a possessive they stay a modifier ("Oslo's "grey zone" tactics").
    func testShortQuotationsInAReportedClause() throws {
        let c = try corpus(["""
        Mayor Ann Lowe said on Monday that years of effort had stopped the decline, and a "steady momentum" against crime has taken shape. Tom Reyes's wife Maria told reporters that she was "absolutely terrified" every time he travels, but that he is a "true patriot" committed to the town.
        """])
        XCTAssertEqual(quote(c, "steady momentum")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "true patriot")?.speaker, quote(c, "absolutely terrified")?.speaker)
    }

    /// With two people holding an office, "the Oslo mayor" is the one introduced with
    /// that place, and "the mayor" the one the text is about.
    func testOneOfTwoHoldersOfAnOffice() throws {
        let c = try corpus(["""
        Oslo Mayor Erik Dahl flew to Bergen on Monday. His talks with Bergen Mayor Lars Holm will focus on the new railway. "The line is the most important project of this decade," the Oslo mayor said. Erik Dahl will also meet students. "Both cities gain from a faster line," the mayor said.
        """])
        XCTAssertEqual(quote(c, "most important project")?.speaker, "Erik Dahl")
        XCTAssertEqual(quote(c, "Both cities gain")?.speaker, "Erik Dahl")
    }

    /// One huge paragraph with thousands of scare quotes (a 200 MB article is one such):
    /// each quotation reads a few sentences around it, never the paragraph from its start,
    /// so the time grows with the text, not with its square.
    func testHugeParagraphOfScareQuotesStaysLinear() throws {
        let sentence = "The river rose by two metres and the \"flood\" plan was used again by the town."
        let c = try corpus([Array(repeating: sentence, count: 4000).joined(separator: " ")
                            + " \"We lost everything in one night,\" said Dan Cole, a farmer."])
        let start = Date()
        let found = c.quotes
        XCTAssertLessThan(Date().timeIntervalSince(start), 15, "4,000 scare quotes in one paragraph")
        XCTAssertEqual(found.count, 1, "\(found.prefix(3).map(\.text))")
        XCTAssertEqual(found.first?.speaker, "Dan Cole")
    }

    /// A surname alone is never the person of that surname in another article: "Marsh
    /// said" in a report that names no John Marsh is not John Marsh.
    func testSurnameIsNotAPersonOfAnotherArticle() throws {
        let c = try corpus([
            "John Marsh, the council leader, opened the bridge. \"This is a great day for the whole town,\" Marsh said.",
            "The farmers met on Tuesday. \"We have had no rain for ten weeks,\" Marsh said. Marsh grows wheat near the river.",
            "Ann Marsh runs the bakery on the square. \"Bread prices will rise again this year,\" Ms Marsh said.",
        ])
        XCTAssertEqual(quote(c, "great day")?.speaker, "John Marsh")
        XCTAssertNotEqual(quote(c, "no rain")?.speaker, "John Marsh")
        XCTAssertNotEqual(quote(c, "no rain")?.speaker, "Ann Marsh")
        XCTAssertEqual(quote(c, "Bread prices")?.speaker, "Ann Marsh")
    }

    /// A stop before a hyphen left for a lost space still ends the sentence ("said.- Ann
    /// Lowe, the mayor, called …"); a phrase's head is its first person noun ("A water
    /// board spokesperson responded … by forwarding a statement", "a police source").
    func testSentenceEndBeforeAHyphenAndHeadsOfDescriptions() throws {
        let c = try corpus(["""
        "The dam is safe and the inspections are up to date," Tom Grey said.- Ann Lowe, the mayor, called the reply "reckless." A water board spokesperson responded to a request from the Daily Post by forwarding a statement that said the fault was caused by a "faulty valve". Staff were moved out as a "precaution," said a police source quoted by the Daily Post.
        """])
        XCTAssertEqual(quote(c, "reckless")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "faulty valve")?.named, false)
        XCTAssertEqual(quote(c, "precaution")?.speaker, "a police source")
    }

    /// Not the person in a possessive before the speaker ("Grey's deputy Senator Ann
    /// Lowe"); "the retired four-star general" refers back to the person the text is
    /// about; a person followed by an apposition and then the verb is the sentence's
    /// subject for "he said".
    func testPossessiveOwnersBackReferencesAndSubjectsWithApposition() throws {
        let c = try corpus(["""
        Tom Grey's deputy Senator Ann Lowe, who ran the campaign, dismissed the report as a "desperate attempt to stop the reforms".

        Defence Secretary Mark Diaz visited the base on Monday, telling reporters, "We are not here to take anyone's land." "Every soldier here will go home by the summer," the retired four-star general said.

        The coach Dan Cole was pleased. READ MORE: Storm hits the coast again as the rivers rise further Ruth Adler, chief executive of the Rugby Union, praised the police. "The affair leaves a bitter taste for everyone in the game," she said in a statement.
        """])
        XCTAssertEqual(quote(c, "desperate attempt")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "Every soldier")?.speaker, "Mark Diaz")
        XCTAssertEqual(quote(c, "bitter taste")?.speaker, "Ruth Adler")
    }

    /// The name right before an apposition is who it describes, not a name earlier in its
    /// segment ("Tom Grey and Erik Dahl, the firm's founder, says" is Dahl's);
    /// "Norway's deputy permanent representative" is an office like "the …", read back to
    /// the person the text is about.
    func testNameBeforeAnAppositionAndACountrysOffice() throws {
        let c = try corpus(["""
        The board met in Bergen on Friday with Tom Grey. Erik Dahl, the firm's founder and chairman, says the plan will make the company "the largest employer in the north".

        Norway's Deputy Permanent Representative to the United Nations Ann Kirby spoke at the council. "The mines must be cleared before the families return," she said. "We call on every member to help," Norway's deputy permanent representative said.
        """])
        XCTAssertEqual(quote(c, "largest employer")?.speaker, "Erik Dahl")
        XCTAssertEqual(quote(c, "call on every member")?.speaker, "Ann Kirby")
    }

    /// "the company said", "the accounting firm": the one company the article has named
    /// (never a ministry or a newspaper); with two companies named the description stays unnamed.
    func testTheCompanyIsTheOneCompanyNamed() throws {
        let c = try corpus(["""
        The Daily Post reported on Monday that Kestrel Audit Ltd had counted the votes at the awards twice. Kestrel Audit Ltd declined to comment at first.

        The accounting firm, which has run the count for twenty years, said it "deeply regrets" the mistake. "We will review every step of the count with the organisers," the company said in a statement.
        """, """
        Kestrel Audit Ltd and Harrow Systems Ltd both bid for the contract to count the votes, officials at the Culture Ministry said.

        "We expect to hear about the decision within a month," the company said.
        """])
        XCTAssertEqual(quote(c, "deeply regrets")?.speaker, "Kestrel Audit Ltd")
        XCTAssertEqual(quote(c, "review every step")?.speaker, "Kestrel Audit Ltd")
        XCTAssertEqual(quote(c, "expect to hear")?.named, false, "two companies named: \"the company\" is not guessed")
    }

    /// Who is written to or told is not the speaker ("send a letter to the Security Council
    /// saying, "…""); "X quoted Dickens: "…"" is X reciting, not Dickens speaking.
    func testTheAudienceAndTheQuotedAuthorAreNotSpeakers() throws {
        let c = try corpus(["""
        Ann Lowe, a lawyer for the families, spoke in New York on Tuesday. In order to get an inquiry, she said, the government only had to send a letter to the Security Council saying, "Please open an investigation into the camps." "There is already a resolution drafted and ready," she said.

        Prime Minister Tom Grey won applause at the summit when he quoted the poet Erik Dahl: "The river remembers every bridge that crossed it."

        "There is a difference between the two cases, but both were wrong," Ruth Adler told the radio host Dan Cole, arguing that the second case was part of a wider campaign against the court. "Both should be condemned."
        """])
        // (never the council the letter is sent to: the words are hers, "she said" reporting them)
        XCTAssertEqual(quote(c, "Please open an investigation")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "already a resolution")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "river remembers")?.speaker, "Tom Grey")
        // ("told X, arguing that …": the participle is the teller's, X is who was told)
        XCTAssertEqual(quote(c, "Both should be condemned")?.speaker, "Ruth Adler")
    }

    /// The subject of a sentence past its opening phrase ("After questions about the leak,
    /// Cole changed his message") is whom "he" points back to, not a person named in the
    /// phrase or in a reported clause; with only owners named ("Cole's remarks came as he
    /// relayed Lowe's "concern""), the pronoun after them is who speaks.
    func testSubjectPastAnOpeningPhraseAndPronounAfterOwners() throws {
        let c = try corpus(["""
        After questions about the leaked report on the bridge, Dan Cole quickly changed his message. He linked the leak to the work of the last government, days after Prime Minister Ann Lowe made her claim about the budget. And then he took to arguing that there was a "double standard" in how leaks were treated. "It is interesting how the outrage comes and goes with each leak," he said.

        Cole's remarks came as he relayed Lowe's "concern" about the leaks and said voters should be "outraged" by the release.
        """])
        XCTAssertEqual(quote(c, "double standard")?.speaker, "Dan Cole")
        XCTAssertEqual(quote(c, "outrage comes and goes")?.speaker, "Dan Cole")
        XCTAssertEqual(quote(c, "outraged")?.speaker, "Dan Cole")
    }

    /// "as she put it, "…"" is the subject's; "blasted the law for its "…"", "called the move
    /// to send a team "…"" (an object of several words between) are the subject's words.
    func testAsSheputItAndVerbsThatPutWordsOnSomething() throws {
        let c = try corpus(["""
        Ruth Adler has no patience for the old rules. It did not take long for Adler to, as she put it, "realize the cost" of speaking out.

        Senator Tom Grey has also blasted the schools act for its "special treatment of some pupils," and the minister, Ann Lowe, called the plan to send a smaller team to the region "unacceptable".
        """])
        XCTAssertEqual(quote(c, "realize the cost")?.speaker, "Ruth Adler")
        XCTAssertEqual(quote(c, "special treatment")?.speaker, "Tom Grey")
        XCTAssertEqual(quote(c, "unacceptable")?.speaker, "Ann Lowe")
    }

    /// "It said there was "…"": the organisation a recent sentence opened on; the sentence
    /// before a quotation that attributes with a long reported clause gives its speaker.
    func testItSaidAndALongAttributingSentenceBefore() throws {
        let c = try corpus(["""
        The travel association said its website had been attacked. The Brook Travel Association said the "vast majority" of the people affected had only registered an email address. It said there was "a very low risk of fraud" with this kind of data.

        Energy Minister Lily Marsh told reporters that the big companies were shipping far too much gas abroad, while the country had more than enough gas to meet its own needs for the next ten years at least. "The companies are making a killing on our gas and leaving families with higher bills," she said, adding that she would act.
        """])
        XCTAssertEqual(quote(c, "very low risk")?.speaker, "Brook Travel Association")
        XCTAssertEqual(quote(c, "making a killing")?.speaker, "Lily Marsh")
    }

    /// "the attacker yelled": the one person introduced as the suspect or gunman; "the president"
    /// with no one introduced by that title is read once and is the same person later on; a
    /// sentence opening on "Asked …" after a quotation is no attribution of it.
    func testPerpetratorOfficeReadOnceAndAskedOpensASentence() throws {
        let c = try corpus(["""
        The suspect, Erik Dahl, was stopped by guards at the station on Saturday. According to witnesses, the attacker shouted: "Stay where you are or there will be deaths!"
        """, """
        Dan Cole dismissed the inquiry into the contracts as a waste of time. "Tom Grey is an honest man and did nothing wrong," the president said in a statement. "This whole story is a way of saving face for people who lost the vote." Asked if Grey, who stated last month that he "never met the bidders", should resign, the president told reporters he had "total" confidence in him.
        """])
        XCTAssertEqual(quote(c, "Stay where you are")?.speaker, "Erik Dahl")
        XCTAssertEqual(quote(c, "honest man")?.speaker, "Dan Cole")
        XCTAssertEqual(quote(c, "This whole story")?.speaker, "Dan Cole")
        XCTAssertEqual(quote(c, "total")?.speaker, "Dan Cole")
    }

    /// A few quoted words right after a verb of saying whose subject names no one ("Activists
    /// welcomed what they called a "landmark decision"") are a quotation, unnamed; manner verbs
    /// attribute (`"…," he teased`); "X agrees that …" before a quotation gives its speaker;
    /// a newspaper quoting someone gives that someone's words, a person quoting recites them.
    func testUnnamedShortQuotesMannerVerbsAndQuotingOutlets() throws {
        let c = try corpus(["""
        The council voted to send a full inquiry team to the valley. Activists welcomed what they called a "landmark decision" by the council. The vote has been dubbed the local equivalent of "open door" talks between the parties.

        The actor Tom Grey added to the rumours on Friday. "Nobody ever saw the body, did they?" he teased.

        Ann Lowe, an analyst at the Harbour Credit Agency, agrees that the new rules will not change much for the banks. "I think this is mostly an attempt to push the small lenders out of the market," she said.

        The Daily Post quoted Dan Cole: "The bridge will be closed for a year."
        """])
        XCTAssertEqual(quote(c, "landmark decision")?.named, false)
        // (quoted words that modify the noun after them are a name, not a quotation)
        XCTAssertFalse(c.quotes.contains { $0.text == "open door" })
        XCTAssertEqual(quote(c, "Nobody ever saw")?.speaker, "Tom Grey")
        XCTAssertEqual(quote(c, "mostly an attempt")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "bridge will be closed")?.speaker, "Dan Cole")
    }

    /// A list of quoted titles ("Best film "Harbour Lights" "Dry Season" "Nine Rivers"") is no
    /// quotation, whoever was named last; "proclaimed" attributes like "said".
    func testListsOfQuotedTitlesAndProclaimed() throws {
        let c = try corpus(["""
        Ann Lowe won the main award on Sunday. "We never thought the film would be seen outside the valley," she said. The nominees were: Best film "Harbour Lights" "The Long Dry Season: Nine Rivers and a Road" "Ninth" "Stop, Thief!" "Glass Houses" Best documentary "Salt" "The Ferry".

        Tom Grey praised the leaks during his campaign. "I love the leaks!" Grey proclaimed at a rally last year. Dan Cole said on Wednesday that there was a big difference.
        """])
        for title in ["The Long Dry Season", "Ninth", "Stop, Thief!"] {
            XCTAssertFalse(c.quotes.contains { $0.text.hasPrefix(title) }, "\(title) is a title in a list")
        }
        XCTAssertEqual(quote(c, "love the leaks")?.speaker, "Tom Grey")
    }

    /// "The father of X told …" stays the father's (unnamed) when the name's mention leaves out
    /// a first name the tagger did not know ("Zorvan Ben Kalid" found as "Ben Kalid").
    func testRelationOfANameWithAnUnknownFirstName() throws {
        let c = try corpus(["""
        The father of Zorvan Ben Kalid told a radio station on Sunday that drink had caused the violent behaviour of his son. "There is no way my son was a criminal," he told the station. Ben Kalid was killed by guards on Saturday.
        """])
        let q = quote(c, "no way my son")
        XCTAssertEqual(q?.named, false)
        XCTAssertEqual(q?.speaker?.hasPrefix("The father of"), true)
    }

    /// A stop and a hyphen for a lost space end a sentence ("… the race.- He-said …"): "he"
    /// is the subject of the sentence just before, not of the one the splitter joined it to.
    func testHeAfterAStopAndAHyphenForALostSpace() throws {
        let c = try corpus(["""
        Mr Cole said the party would need time to renew itself and plan for the future.- Minister for Justice Tom Grey has also ruled himself out of the leadership race.- He-said he was "proud to serve as minister for justice," adding that the courts were her first task.
        """])
        XCTAssertEqual(quote(c, "proud to serve")?.speaker, "Tom Grey")
    }
    /// "said Secretary of Health and Human Services Ann Lowe": a title that names its department
    /// runs on in capitals to the name after the verb; the person speaks, not the department.
    func testTitleNamingADepartmentAfterTheVerb() throws {
        let c = try corpus(["""
        The agency published its forecast on Monday. "The agency looked at one part of the plan and missed the rest," said Minister of Housing and Local Government Ann Lowe.
        """])
        XCTAssertEqual(quote(c, "looked at one part")?.speaker, "Ann Lowe")
    }

    /// "The MP told Radio Kent:" refers back to the member introduced with that title.
    func testTheMPToldARadioStation() throws {
        let c = try corpus(["""
        Labour MP Dan Cole said the money came from a trust he had not named before.

        The MP told Radio Kent: "We wanted to be part of the campaign across the whole country. We know the county is a small part of it.
        """])
        XCTAssertEqual(quote(c, "We wanted to be part")?.speaker, "Dan Cole")
    }

    /// "our correspondent said" is the broadcaster's own reporter, introduced as reporting from
    /// somewhere, not the last person quoted.
    func testOurCorrespondentIsTheReporterIntroduced() throws {
        let c = try corpus(["""
        Channel Nine's Ann Lowe, reporting from the northern border, said families were leaving the town on foot. "We have seen hundreds of people walking along the road since dawn," she said.

        "We are moving towards the old market," army officer Dan Cole told reporters.

        "The lines have hardly moved in three days," our correspondent said.
        """])
        XCTAssertEqual(quote(c, "lines have hardly moved")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "moving towards the old market")?.speaker, "Dan Cole")
    }
    /// `…," "Die Zeit" newspaper quoted Lowe as saying`: a quoted name of a paper right after the
    /// quotation is part of its attribution, not the end of it.
    func testAQuotedPaperNameBeforeQuotedAsSaying() throws {
        let c = try corpus(["""
        The town council said the bells would stay silent. Spokeswoman Ann Lowe spoke to reporters. "There is no plan behind this, only a short pause for the people who live next to the square," "Die Zeit" newspaper quoted Lowe as saying.
        """])
        XCTAssertEqual(quote(c, "no plan behind this")?.speaker, "Ann Lowe")
    }

    /// "X released a statement saying …": the statement is X's (not an unnamed "a statement").
    func testReleasedAStatementSaying() throws {
        let c = try corpus(["""
        The mayor removed the song from the bells on Friday. The local branch of the walking group Fenland Striders released a statement saying the path had been closed for too long. "We ask the council to open the path again before the summer."
        """])
        let q = quote(c, "open the path again")
        XCTAssertEqual(q?.speaker, "Fenland Striders")
        XCTAssertEqual(q?.named, true)
    }
    /// "called that incident an "attack"": a "that" right after the verb is the object's
    /// determiner, not a clause of its own between the verb and the quoted words.
    func testCalledThatThingQuotedWords() throws {
        let c = try corpus(["""
        A parcel bomb went off at the offices of the water board on Monday. Mayor Ann Lowe called that blast a "cowardly act", saying it showed the town was "still a target".
        """])
        XCTAssertEqual(quote(c, "cowardly act")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "still a target")?.speaker, "Ann Lowe")
    }

    /// "he had a short answer, saying, "…"": the participle after a comma belongs to the clause
    /// before it, and its subject pronoun is who speaks.
    func testParticipleAfterAClauseWithAPronounSubject() throws {
        let c = try corpus(["""
        Finance minister Dan Cole did not reject the auditors' figures. Asked on Monday whether he would ignore the audit, he had a short answer, saying, "No. We will read all of it before we decide anything."
        """])
        XCTAssertEqual(quote(c, "We will read all of it")?.speaker, "Dan Cole")
    }

    /// "Norway's foreign ministry said": a country's body with no name of its own speaks unnamed;
    /// "Norway's foreign minister" with no one introduced so is not the last person quoted.
    func testACountrysBodyAndOfficeUnnamed() throws {
        let c = try corpus(["""
        Trade envoy Ann Lowe arrived in Oslo on Sunday. "We came to listen," Lowe said. Norway's foreign ministry said last week that the talks were of "great weight" for the region. Norway's foreign minister called for "calm voices".
        """])
        let ministry = quote(c, "great weight")
        XCTAssertEqual(ministry?.named, false)
        XCTAssertEqual(ministry?.speaker, "Norway's foreign ministry")
        let minister = quote(c, "calm voices")
        XCTAssertEqual(minister?.named, false)
        XCTAssertNotEqual(minister?.speaker, "Ann Lowe")
    }
    /// "Lowe said, adding that she and Cole had agreed "…"": two people joined by "and" are no
    /// one speaker; the verb of saying before them attributes the words (also past a hyphen
    /// left for a lost space, "that-she").
    func testJointSubjectInAReportedClause() throws {
        let c = try corpus(["""
        Prime Minister Ann Lowe met the visiting president Dan Cole on Sunday. "We have come a long way in one year," Lowe said, adding that she and Cole had promised in a call last month "to work together on the river treaty."

        "This is a good day," Lowe said, adding that-she and Cole had pledged "to meet again in the spring."
        """])
        XCTAssertEqual(quote(c, "work together on the river")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "meet again in the spring")?.speaker, "Ann Lowe")
    }
    /// `"…," reads another Ann Lowe tweet`: the words of a tweet someone put out are theirs.
    func testReadsATweetOfSomeone() throws {
        let c = try corpus(["""
        The bus company was praised online on Monday by many. "Fares are down for the third year in a row," reads another Ann Lowe tweet from the same month, with a link to the company's report.
        """])
        XCTAssertEqual(quote(c, "Fares are down")?.speaker, "Ann Lowe")
    }
    /// `it had expressed "alarm" when …, according to the Daily Courier`: the paper is where the
    /// report comes from, not who spoke the words the subject before them voiced.
    func testAccordingToAPaperAfterAVerbWithItsOwnSubject() throws {
        let c = try corpus(["""
        Ann Lowe took a job at the Harbour Bank in May. She had approval from the Jobs Vetting Panel, or JVP. The panel, within the Treasury, is responsible for approving such jobs, and it had already expressed "alarm" when she did not tell it of an earlier offer, according to the Daily Courier.
        """])
        let q = quote(c, "alarm")
        XCTAssertNotEqual(q?.speaker, "Daily Courier")
        XCTAssertNotEqual(q?.speaker, "Ann Lowe")
    }
    /// The participles of the verbs of saying attribute like the verbs ("with its leader Ann Lowe
    /// declaring the "new dawn" of …"); "warning" is not among them (mostly a noun: "issued a warning").
    func testParticiplesOfVerbsOfSaying() throws {
        let c = try corpus(["""
        Hours before the summit the island-tested a new engine, with its leader Ann Lowe declaring the "new dawn" of its space programme, according to state radio.

        Last week, Dan Cole issued the government's sternest warning yet to the island, saying in Paris that a blockade was "not ruled out" if it went on.
        """])
        XCTAssertEqual(quote(c, "new dawn")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "not ruled out")?.speaker, "Dan Cole")
    }

    /// "Ann Lowe, a spokeswoman for the city police said": an apposition that lost its closing
    /// comma still describes the name before it, who speaks (not "a spokeswoman").
    func testAppositionWithoutItsClosingComma() throws {
        let c = try corpus(["""
        A fire broke out in a warehouse near the river on Sunday. "It was started on purpose," Ann Lowe, a spokeswoman for the city police said. "We have found fuel cans," Dan Cole, a former deputy mayor of the town and a teacher at the college told the local radio.
        """])
        XCTAssertEqual(quote(c, "started on purpose")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "found fuel cans")?.speaker, "Dan Cole")
    }

    /// `"…." According to police, the fire …`: a sentence opening on its source, a comma and a
    /// clause of its own reports something else; the quotation is still the last speaker's.
    func testAccordingToOpeningTheNextSentence() throws {
        let c = try corpus(["""
        "I saw the smoke first," Ann Lowe, a baker on the street, told the local radio. "When I came out the whole roof was burning and the cars were covered in dust." According to police, the fire started in a kitchen.
        """])
        XCTAssertEqual(quote(c, "whole roof was burning")?.speaker, "Ann Lowe")
    }

    /// "the former PM claims", "said the former Acme CEO": an office the person the text is
    /// about held stands for that person (an organisation naming whose office it is).
    func testFormerOfficeStandsForThePerson() throws {
        let c = try corpus(["""
        Dan Cole is starting a campaign to keep the old railway open. Speaking in Leeds, the former PM claims in a speech that the closure was decided "without any proper debate at all".

        Ann Lowe defended her plan on Monday. "The line loses money every single day and nobody wants to say it," said the former Acme CEO in the interview.
        """])
        XCTAssertEqual(quote(c, "without any proper debate")?.speaker, "Dan Cole")
        XCTAssertEqual(quote(c, "loses money every single day")?.speaker, "Ann Lowe")
    }

    /// "The mayor agreed with him and said": an object pronoun in the subject's words is someone
    /// else; the subject is the mayor.
    func testObjectPronounInTheSubjectIsNotTheSpeaker() throws {
        let c = try corpus(["""
        Mayor Ann Lowe met the union leader Dan Cole on Monday. Mr Cole said the buses were "running late every day". The mayor agreed with him and said she wanted "a timetable that works".
        """])
        XCTAssertEqual(quote(c, "timetable that works")?.speaker, "Ann Lowe")
    }

    /// A run of spaces after a stop is a paragraph break the text lost: a quotation left open
    /// before it ends there, and the attribution after it belongs to the next quotation.
    func testLostParagraphBreakEndsAnOpenQuotation() throws {
        let c = try corpus(["""
        "The council is wasting our money," wrote the critic Dan Cole. "Looks like they are planning another party.   In an interview on Tuesday, Lowe explained, "We were asked to hold the meeting in the hall and we did so."
        """])
        XCTAssertEqual(quote(c, "asked to hold the meeting")?.speaker, "Lowe")
    }

    /// `…." The councillors joined others, including five who announced their support Monday.`: a
    /// verb in a relative clause of the next sentence does not attribute the quotation before.
    func testRelativeClauseVerbInTheNextSentence() throws {
        let c = try corpus(["""
        "The plan failed the town," Ann Lowe said in a statement. "It has to be changed, and it can be." The councillors joined several others, including five members who announced their opposition Monday.
        """])
        XCTAssertEqual(quote(c, "has to be changed")?.speaker, "Ann Lowe")
    }

    /// "says the 32-year-old": an age stands for the person the text is about; "The group
    /// described": the organisation a recent sentence opened on; "echoed" is a verb of saying.
    func testAgeGroupAndEchoed() throws {
        let c = try corpus(["""
        Dan Cole is looking for a flat this winter. "I have been looking since the summer and nothing fits," says the 32-year-old, who works in a bakery.

        The Harbour Trust, a local charity, said the river was dirtier than ever. The group described the latest tests as the "worst in a decade". "We are working on a plan to clean it up for the whole town," Ann Lowe echoed in the interview.
        """])
        XCTAssertEqual(quote(c, "nothing fits")?.speaker, "Dan Cole")
        XCTAssertEqual(quote(c, "worst in a decade")?.speaker, "Harbour Trust")
        XCTAssertEqual(quote(c, "clean it up")?.speaker, "Ann Lowe")
    }

    /// `the ground."- Police said`: a straight mark before a hyphen left for a lost space closes
    /// the quotation; the sentence after it is outside the marks.
    func testClosingMarkBeforeAHyphenForALostSpace() throws {
        let c = try corpus(["""
        "We have seen the river rise every spring," Dan Cole told the radio. "This year it took the bridge."- The flood reached the town on Monday. Reporting from the town, Ann Lowe said the water was falling. "We saw the first shops open again this morning," she said.
        """])
        XCTAssertEqual(quote(c, "took the bridge")?.speaker, "Dan Cole")
        XCTAssertEqual(quote(c, "first shops open")?.speaker, "Ann Lowe")
    }

    /// "Ann Lowe, the singer who played at Dan Cole's gala, said": the name before the
    /// apposition, not a name inside it; "Ann Lowe, …, released a statement praising Dan Cole,
    /// saying": a predicate's object is not the subject.
    func testNameBeforeAnAppositionOrAPredicate() throws {
        let c = try corpus(["""
        Ann Lowe, the singer who played at Governor Dan Cole's gala, said she hopes to "change his mind" on the budget.

        The head of the Writers Guild, Tom Reid, released a statement praising Cole for the new fund, saying that Cole "knows what artists need."
        """])
        XCTAssertEqual(quote(c, "change his mind")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "knows what artists need")?.speaker, "Tom Reid")
    }

    /// "Lowe reaffirmed the city's "full support" for the union but also repeated that …": a second
    /// verb joined by "and"/"but" shares the subject of the sentence, not a name in the object.
    func testSecondVerbSharesTheSubject() throws {
        let c = try corpus(["""
        At the meeting with Cole, Lowe reaffirmed the city's "full support" for the Transit Union but also reiterated her view that Transit Union members need to "accept the new timetable" this year.
        """])
        XCTAssertEqual(quote(c, "full support")?.speaker, "Lowe")
        XCTAssertEqual(quote(c, "accept the new timetable")?.speaker, "Lowe")
    }

    /// "a Facebook user wrote", "said another commenter on Facebook": someone unnamed whom the
    /// organisation only qualifies; "a local monk named Dan Cole": the person named.
    func testUnnamedUserOfAnOrganisationAndADescriptionNamingSomeone() throws {
        let c = try corpus(["""
        Ann Lowe won her case in court on Friday. "Finally some good news for the whole family," a Facebook user wrote in one comment. "It is just bad luck that she was born here," said another commenter on Facebook.

        Protesters waited by the gate. "We want them to know that we are still here," a local monk named Dan Cole, from the Harbour Temple, told Reuters.
        """])
        let user = quote(c, "some good news")
        XCTAssertEqual(user?.named, false)
        XCTAssertEqual(user?.speaker, "a Facebook user")
        XCTAssertEqual(quote(c, "bad luck")?.named, false)
        XCTAssertEqual(quote(c, "still here")?.speaker, "Dan Cole")
    }

    /// "Governor Ann Lowe vowed to …. "…," she said": a person right before a verb that puts
    /// words on something is what the sentence is about, past a heading run into it.
    func testSubjectBeforeACharacterizingVerb() throws {
        let c = try corpus(["""
        "We will find who did this," the council's chief executive Dan Cole said. READ MORE: Residents raise money to repair the old chapel roof Governor Ann Lowe vowed to protect the chapel. "Any attack on a place of worship in this county is an attack on all of us," she said.
        """])
        XCTAssertEqual(quote(c, "attack on all of us")?.speaker, "Ann Lowe")
    }

    /// Quoted words that gloss a name (`(The name means "rent a boat".)`), a work called by its
    /// title (`a book in 2010 called "My Mother, the Sea, and Me"`), a title with the stop inside
    /// the marks where a noun goes (`told the "Harbour Weekly."`): no quotations. "by all means,
    /// "…"" is no gloss.
    func testGlossesWorksAndTitlesWithAStop() throws {
        let c = try corpus(["""
        "We rent out more boats every summer," says Ann Lowe, who runs Boatly, a website in Leeds. (The name means "rent a boat".) Dan Cole, who wrote a book in 2010 called "My Mother, the Sea, and Me" said the harbour was busier than ever. "The harbour is full," Cole told the "Harbour Weekly." The gangs try to stop it by all means, "including through threats against the boat owners of the town," Cole said.
        """])
        XCTAssertFalse(c.quotes.contains { $0.text.contains("rent a boat") })
        XCTAssertFalse(c.quotes.contains { $0.text.contains("My Mother, the Sea") })
        XCTAssertFalse(c.quotes.contains { $0.text.contains("Harbour Weekly") })
        XCTAssertEqual(quote(c, "threats against the boat owners")?.speaker, "Dan Cole")
    }

    /// "A flood victim … has defended …, saying …": a description opening the article's first
    /// sentence is the person the story names next; one opening a later sentence is not.
    func testCapitalisedDescriptionInTheLede() throws {
        let c = try corpus(["""
        A flood victim whose house was lost has defended the council, saying its warning was "right". Ann Lowe, 40, lost her home in March. "They told us early and we left in time," Ms Lowe said, speaking as a flood victim.

        The council met on Monday. A local engineer said it would be "far too costly" to rebuild the wall, a report claimed. The wall was checked by the town's senior engineer, Dan Cole. "We are still studying it, and every engineer agrees," Mr Cole said.
        """])
        XCTAssertEqual(quote(c, "right")?.speaker, "Ann Lowe")
        XCTAssertEqual(quote(c, "far too costly")?.named, false)
    }

    /// "The dealer association said …, but added that …, "…"": a verb after "but" goes with the
    /// earlier verb of saying and its subject; "the dealer association" is the organisation whose
    /// name holds the modifier too, not another association named since.
    func testButAddedSharesTheEarlierVerbsSubject() throws {
        let c = try corpus(["""
        The Car Dealers Association published its yearly survey on Monday. The Car Makers Association did not comment. The dealer association said in the survey that makers should listen more to dealers, but added that relations between the two have improved a lot, "moving toward a real partnership".
        """])
        XCTAssertEqual(quote(c, "real partnership")?.speaker, "Car Dealers Association")
    }

    /// Present and participle forms of the verbs that put words on someone ("the charity criticizes
    /// the city for "…"", "vowing only a "…" commitment").
    func testPresentAndParticipleCharacterizingVerbs() throws {
        let c = try corpus(["""
        On its website, the Harbour Trust criticizes the city for "careless and costly dredging of the bay". However, Mayor Dan Cole has pressured the trust to back the plan, vowing only a "modest" grant if it fails to do so.
        """])
        XCTAssertEqual(quote(c, "careless and costly")?.speaker, "Harbour Trust")
        XCTAssertEqual(quote(c, "modest")?.speaker, "Dan Cole")
    }

    /// "according to a Harbour Trust statement": a document is its author's, the organisation.
    func testAnOrganisationsStatement() throws {
        let c = try corpus(["""
        The bay was closed to boats on Monday. According to a Harbour Trust statement, the dredging had caused "serious and lasting harm to the seabed" over the summer.
        """])
        XCTAssertEqual(quote(c, "serious and lasting harm")?.speaker, "Harbour Trust")
    }

    /// `…." Mr Cole will be tried in Leeds, where his alleged victim lives.`: a participle after a
    /// determiner ("his alleged victim") is no verb of saying; the quotation is the last speaker's.
    func testParticipleAfterADeterminerIsNoVerb() throws {
        let c = try corpus(["""
        Dan Cole is accused of sending the message. "It was like a bomb sent in the mail," Ann Lowe, a lawyer for the family, told the Daily Courier. "It hurts." Mr Cole will be tried in Leeds, where his alleged victim lives.
        """])
        XCTAssertEqual(quote(c, "It hurts")?.speaker, "Ann Lowe")
    }

    /// `While Lowe called Cole "loyal" and "steady," Cole said …`: a fragment joined by "and" to the
    /// one before in its sentence is the same speaker's; ", but the court heard police treated it
    /// as "…"": a clause of its own after ", but" is not the first verb's.
    func testFragmentsJoinedByAndAndAClauseAfterBut() throws {
        let c = try corpus(["""
        While Lowe called Dan Cole "very loyal" and "always steady," Cole said he admired her "patience".

        On 12 July, Ann Lowe told police she had been followed, but the court heard officers treated the report as "low priority".
        """])
        XCTAssertEqual(quote(c, "always steady")?.speaker, "Ann Lowe")
        XCTAssertNotEqual(c.quotes.first { $0.text.contains("low priority") }?.speaker, "Ann Lowe")
    }

    /// "Norway, which rarely comments on its neighbours, said …", "Downing Street has said": a
    /// place standing alone as the subject of a verb of saying speaks (its government or office).
    func testAPlaceAsTheSubjectOfAVerbOfSaying() throws {
        let c = try corpus(["""
        Twelve countries urged Sweden to hold new elections. Norway, which rarely comments on the affairs of its neighbours, said the call was meant to help Sweden "return to stability." Downing Street has said it is "fully committed" to the talks.
        """])
        XCTAssertEqual(quote(c, "return to stability")?.speaker, "Norway")
        XCTAssertEqual(quote(c, "fully committed")?.speaker, "Downing Street")
    }

    /// `"…," he said.` opening an article with no one named before (its lede cut off): the first
    /// person a later sentence is about.
    func testHeSaidOpeningTheArticle() throws {
        let c = try corpus(["""
        "I think the most important step was leaving the old trade deal behind us for good," he said, speaking at the conference. That decision was one of three that Dan Cole pointed to as the most important of the year.
        """])
        XCTAssertEqual(quote(c, "most important step")?.speaker, "Dan Cole")
    }

    func testClosedQuotationIsNotAttributedByANewReportedStatement() throws {
        let c = try corpus(["""
        Tom Baker, the director of the clinic, spoke at the opening on Friday. "The clinic will open every day of the week from now on." Dr Sara Hunt said on Monday that the hospital would hire forty more nurses.
        """])
        // "X said on Monday that …" after `."` starts a statement of its own
        XCTAssertNotEqual(quote(c, "open every day")?.speaker, "Sara Hunt")
    }

    func testOfficialAsAnAdjectiveIsNoSpeaker() throws {
        let c = try corpus(["""
        The port has lost trade for a decade. An official 2015 Harbour Authority report revealed "serious failings" at the docks.
        """])
        let q = quote(c, "serious failings")
        XCTAssertNotEqual(q?.speaker, "An official")
        XCTAssertEqual(q?.speaker, "Harbour Authority")
    }

    func testAReportSaidIsTheOneOrganisationOfTheSentenceBefore() throws {
        let c = try corpus(["""
        Two rescue boats were sent to the bay on Sunday, the Ministry of Transport said.

        "Both crews returned safely to the harbour before dark on Sunday," a report said.
        """, """
        The Coastguard Agency sent two rescue boats to the bay on Sunday, the Ministry of Transport said.

        "Both crews returned safely to the harbour before dark on Sunday," a report said.
        """])
        let named = c.quotes.filter { $0.text.contains("Both crews") }
        XCTAssertEqual(named.count, 2)
        XCTAssertEqual(named.first?.speaker, "Ministry of Transport")
        // two organisations in the sentence before: the report stays unnamed
        XCTAssertNil(named.last?.speakerEntity, "\(named.last?.speaker ?? "nil") was guessed between two organisations")
    }

    func testQuotedWordsInAPresentTenseReportedClause() throws {
        let c = try corpus(["""
        Farmer Ann Lowe warns a "hard winter" lies ahead for the growers of the valley.
        """])
        // "warns" reports a clause as "warned" does: the two words are hers, not a name
        XCTAssertNotNil(quote(c, "hard winter"))
    }

    func testItSaidAfterAnUnnamedOrganisationIsThatOne() throws {
        let c = try corpus(["""
        "Money for the pier should be spent on evidence," the Port Development Committee said in a statement. The government said the repairs had to be affordable. "We will not shy away from hard choices on spending," it said.
        """])
        // "it" is the government the sentence before opened on, not the committee that spoke last
        let q = quote(c, "shy away")
        XCTAssertNil(q?.speakerEntity, "\(q?.speaker ?? "nil") was taken from further back")
        XCTAssertEqual(q?.speaker, "The government")
    }

    func testANameModifyingAnAdministrationIsNotTheSpeaker() throws {
        let c = try corpus(["""
        President Ann Lowe took office in March. The Lowe administration said: "The states should take the lead on the new rules for schools."
        """])
        // the administration speaks, not the president whose name it bears
        XCTAssertNotEqual(quote(c, "take the lead")?.speaker, "Ann Lowe")
    }

    func testTheStudySaysIsTheStudyNotItsAuthor() throws {
        let c = try corpus(["""
        Professor Ann Lowe led the team that counted the birds of the estuary over three winters. "Although every effort was made to count each flock, some birds were certainly missed," the study says.
        """])
        // a document speaks for its authors, unnamed: not the researcher named before it
        let q = quote(c, "every effort was made")
        XCTAssertNil(q?.speakerEntity, "\(q?.speaker ?? "nil") was taken for the study")
    }
}
