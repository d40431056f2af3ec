import Foundation
import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The entity rules for unseen news (issue 9), each on a made-up article (no text here is
/// from a corpus): places told by the words around them, party-state tags, names with
/// particles, organisations told by their nouns, translations in parentheses, storms and
/// quoted titles left out, credits in title-case lines; kinds told by a name's spelling and its
/// apposition, Irish counties and "X party", dash-glued words and portfolios cut off, long
/// title-case lists and rows of share buttons read, policies and numbers left out; and (session 17)
/// names unglued from titles, bodies and hyphens, award categories and comma-less name lists, initials,
/// dotted state tags and "Washington, D.C." kept whole, joining words inside names, the fullest form
/// as the name, kinds from a firm's head, an employer, a list of places, a title over the gazetteer.
final class EntityRuleTests: XCTestCase {
    func corpus(_ bodies: [String]) throws -> Corpus {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-entities-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines: [String] = []
        for (i, b) in bodies.enumerated() {
            let obj: [String: Any] = ["id": "e\(i)", "title": "Report \(i)", "source": "Test Wire", "body": b]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self))
        }
        let path = dir.appendingPathComponent("entities.jsonl").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try CorpusLoader.load(paths: [path])
    }

    /// The kinds of the entities with a mention written `text`.
    func kinds(_ c: Corpus, _ text: String) -> Set<EntityKind> {
        let t = c.entityTable
        return Set(t.mentions.filter { $0.text == text }.map { t.entities[$0.entity].kind })
    }

    func testPlacesToldByTheWordsAroundThem() throws {
        let c = try corpus(["""
        Rebels were pushed out of the provinces of Varnetta and Quellbrook, the army said on Tuesday.

        Aid workers said thousands had gathered in Ostrava Minor to wait for food.

        "It is very hard," said Tomas Reller, a doctor in the Dunmore area.
        """])
        XCTAssertEqual(kinds(c, "Varnetta"), [.place])
        XCTAssertEqual(kinds(c, "Quellbrook"), [.place])
        XCTAssertEqual(kinds(c, "Dunmore"), [.place])
        XCTAssertEqual(kinds(c, "Tomas Reller"), [.person])
    }

    func testPartyStateTagsAndParticles() throws {
        let c = try corpus(["""
        Senator Mitch Harlan, R-Ky., said the vote would go ahead.

        The talks were led by the envoy Staffan de Marvello, who met Charles de Vaux in Geneva.
        """])
        XCTAssertEqual(kinds(c, "Ky"), [.place])
        XCTAssertTrue(c.entityTable.entities.contains { $0.name == "Kentucky" })
        XCTAssertEqual(kinds(c, "Charles de Vaux"), [.person])
        XCTAssertTrue(kinds(c, "Vaux").isEmpty, "a particle keeps the name whole")
    }

    func testOrganisationsToldByTheirNouns() throws {
        let c = try corpus(["""
        Ruth Adler, a spokeswoman for the rights NGO Bet Amal, said the law was unjust.

        The Korvex daily reported that the plane had lost altitude. The self-employed body IPSX welcomed the change.
        """])
        XCTAssertEqual(kinds(c, "Bet Amal"), [.org])
        XCTAssertEqual(kinds(c, "Korvex"), [.org])
        XCTAssertEqual(kinds(c, "IPSX"), [.org])
        XCTAssertEqual(kinds(c, "Ruth Adler"), [.person])
    }

    func testTranslationsStormsAndTitles() throws {
        let c = try corpus(["""
        Fighters of Jaysh al-Harran (Army of Harran) took the town, a monitor said.

        Cyclone Marla reached the coast overnight. Marla is the strongest storm in years, said Ben Otis.

        The musical "Blue Harbour Nights" won the top prize, said Ana Pell.
        """])
        let t = c.entityTable
        let jaysh = t.mentions.first { $0.text == "Jaysh al-Harran" }
        let army = t.mentions.first { $0.text == "Army of Harran" }
        XCTAssertNotNil(jaysh)
        XCTAssertEqual(jaysh?.entity, army?.entity, "a translation in parentheses is the same organisation")
        XCTAssertEqual(jaysh.map { t.entities[$0.entity].kind }, .org)
        XCTAssertTrue(kinds(c, "Marla").isEmpty, "a storm's name is no entity")
        XCTAssertTrue(kinds(c, "Blue Harbour Nights").isEmpty, "a quoted title of a work is no entity")
        XCTAssertEqual(kinds(c, "Ben Otis"), [.person])
    }

    func testCreditsInTitleCaseLines() throws {
        let c = try corpus(["""
        Officials inspected the harbour wall on Monday after the storm.

        Photo: workers at the harbour wall on Monday. Karl Benning/Getty Images

        The mayor said repairs would take a month.
        """])
        XCTAssertEqual(kinds(c, "Karl Benning"), [.person])
        XCTAssertEqual(kinds(c, "Getty Images"), [.org])
    }

    /// The names of an article's entities with a mention written `text`.
    func names(_ c: Corpus, _ text: String) -> Set<String> {
        let t = c.entityTable
        return Set(t.mentions.filter { $0.text == text }.map { t.entities[$0.entity].name })
    }

    func testKindsFromSpellingAndApposition() throws {
        let c = try corpus(["""
        Shares in ZenBank, an online lender owned by a games company, rose on Monday. ZenBank said profits would double.

        Fishermen said the water of Lake Vostrel had fallen by a metre, officials said.

        The convoy reached Dunvale, a small village in the hills, before dawn. Aid arrived in Dunvale on Friday.

        "We were not told," said Niu Zhemin, a primary school student, on Tuesday.

        Want more updates from Amanda Kerrow? Sign up for her newsletter.
        """])
        XCTAssertTrue(EntitiesExtractor.camelCased("ZenBank") && EntitiesExtractor.camelCased("PwC"))
        XCTAssertFalse(EntitiesExtractor.camelCased("McCarran") || EntitiesExtractor.camelCased("DeVille"), "surname prefixes")
        XCTAssertEqual(kinds(c, "ZenBank"), [.org], "a capital inside a word after a lowercase letter: no one's name")
        XCTAssertEqual(kinds(c, "Lake Vostrel"), [.place])
        XCTAssertEqual(kinds(c, "Dunvale"), [.place], "an apposition's head noun says the kind")
        XCTAssertEqual(kinds(c, "Niu Zhemin"), [.person], "the head of 'a primary school student' is the student")
        // a given name before a word that is none makes a person of a name the tagger may call an organisation
        func spelled(_ words: [String], _ kind: EntitiesExtractor.Candidate.Kind) -> EntitiesExtractor.Candidate.Kind? {
            let surface = words.joined(separator: " ")
            var cand = EntitiesExtractor.Candidate(article: 0, sentence: 0, range: 0..<surface.utf8.count, words: words,
                                                   surface: surface, kind: kind, evidence: true)
            cand.lowerKey = surface.lowercased()
            return EntitiesExtractor.spellingKind(cand)?.0
        }
        if NameTagger.sharedGazetteer.fileCounts.first > 0 {
            XCTAssertEqual(spelled(["Amanda", "Kerrow"], .org), .person)
            XCTAssertNil(spelled(["Morgan", "Stanley"], .org), "a last word that is a given name too: maybe a company")
        }
        XCTAssertEqual(spelled(["Lake", "Vostrel"], .person), .place)
        XCTAssertEqual(spelled(["ZenBank"], .person), .org)
    }

    func testIrishCountiesAndParties() throws {
        let c = try corpus(["""
        A man has died after a crash in Co Kildane this morning. Gardai in Kildane have appealed for witnesses.

        The leader of Fianna Tor resigned on Monday. A spokesman for the Fianna Tor party said the talks went well.

        Shares of Ardmore Electronics and Information Systems Inc fell, while Congress and the Senate debated the bill.
        """])
        XCTAssertEqual(kinds(c, "Co Kildane"), [.place])
        XCTAssertEqual(names(c, "Co Kildane"), names(c, "Kildane"), "a county is one place with or without its 'Co'")
        XCTAssertEqual(kinds(c, "Fianna Tor party"), [.org])
        XCTAssertEqual(names(c, "Fianna Tor party"), names(c, "Fianna Tor"), "the X party is X")
        XCTAssertEqual(kinds(c, "Ardmore Electronics and Information Systems Inc"), [.org], "a company runs to its legal suffix")
        XCTAssertEqual(kinds(c, "Congress"), [.org])
        XCTAssertEqual(kinds(c, "Senate"), [.org], "'X and the Y' is two names")
        XCTAssertTrue(kinds(c, "Congress and the Senate").isEmpty)
    }

    func testGluedWordsAndPortfolios() throws {
        let c = try corpus(["""
        The Minister for Finance Michael Doyle said the budget was fair. Doyle spoke in Cork.

        Mr Harte left the room. He-said he would not stand for the leadership.

        The report was welcomed by Mr-Harte, who said it was overdue.
        """])
        XCTAssertEqual(kinds(c, "Michael Doyle"), [.person], "a portfolio before a minister's name is cut off")
        XCTAssertTrue(kinds(c, "Finance Michael Doyle").isEmpty)
        XCTAssertTrue(kinds(c, "He").isEmpty, "a dash-glued speech verb cut leaves no name")
        XCTAssertEqual(kinds(c, "Harte"), [.person], "a title glued to a name is cut off")
        // a lowercase word glued before a name by a dash is cut off; an Arabic article is not
        func cut(_ words: [String]) -> [String]? {
            let surface = words.joined(separator: " ")
            var cand = EntitiesExtractor.Candidate(article: 0, sentence: 0, range: 0..<surface.utf8.count, words: words,
                                                   surface: surface, kind: .person, evidence: true)
            cand.lowerKey = surface.lowercased()
            return EntitiesExtractor.withoutHyphenTail(cand)?.words
        }
        XCTAssertEqual(cut(["leadership-Leo", "Varkey"]), ["Leo", "Varkey"])
        XCTAssertEqual(cut(["al-Hamdi"]), ["al-Hamdi"])
        XCTAssertEqual(cut(["Noonan-said"]), ["Noonan"])
        XCTAssertNil(cut(["He-said"]))
    }

    func testGluedOrganisationsAndPortfolioWords() throws {
        let c = try corpus(["""
        "The talks will go on," Deputy Chairman of the ruling Justice and Unity Party Michael Ekinci said on Wednesday.

        The Minister for Education said schools would reopen. The Agriculture Commissioner visited the farm.
        """])
        XCTAssertEqual(kinds(c, "Justice and Unity Party"), [.org], "an organisation's name with a person's glued after it is two")
        XCTAssertEqual(kinds(c, "Michael Ekinci"), [.person])
        XCTAssertTrue(kinds(c, "Justice and Unity Party Michael Ekinci").isEmpty)
        XCTAssertTrue(kinds(c, "Education").isEmpty, "a portfolio word alone is no name")
        XCTAssertTrue(kinds(c, "Agriculture").isEmpty)
    }

    func testListsShareButtonsAndNonNames() throws {
        let c = try corpus(["""
        The winners were named on Sunday. Here are the nominees: Best film "Harbour" "Night Road" "The Quiet Field" Director "Harbour" -- Denis Alcott "Night Road" -- Kenneth Marlow Leading actor Andrew Garvey -- "Night Road" Casey Lorne -- "The Quiet Field" Ryan Tolliver -- "Harbour" Leading actress Amy Brandt -- "Harbour" Emily Sorel -- "Night Road" Meryl Castine -- "The Quiet Field"

        Republicans awaited a score from the Congressional Budget Office. Critics of Obamacare and Brexit spoke. Eighty-two seconds later, the ministry said a group linked to al Qaeda was behind it.

        The attack happened on Sunday, officials said. Send Facebook Twitter Google+ WhatsApp Tumblr linkedin stumble Permalink http://example.com/p/2Ab9 jd/ks (dpa, Reuters)
        """])
        for n in ["Denis Alcott", "Kenneth Marlow", "Andrew Garvey", "Casey Lorne", "Amy Brandt"] {
            XCTAssertEqual(kinds(c, n), [.person], "\(n): a long title-case list is read as a sentence")
        }
        XCTAssertEqual(kinds(c, "Congressional Budget Office"), [.org], "an event's word inside a body's name")
        XCTAssertEqual(kinds(c, "al Qaeda"), [.org])
        for n in ["Obamacare", "Brexit", "Eighty-two", "Eighty"] { XCTAssertTrue(kinds(c, n).isEmpty, "\(n) is no name") }
        for n in ["Facebook", "Twitter", "Google+", "WhatsApp"] {
            XCTAssertEqual(kinds(c, n), [.org], "\(n): known organisations side by side are one name each")
        }
    }

    func testSurnameWithItsParticleAsOneWord() throws {
        let c = try corpus(["""
        Education Secretary Betsy De Vane said on Monday that the plan would go ahead. DeVane told reporters it was fair.
        """])
        XCTAssertEqual(names(c, "DeVane"), names(c, "Betsy De Vane"), "DeVane is De Vane")
        XCTAssertFalse(names(c, "DeVane").isEmpty)
    }

    func testPartyTagsWithStateNamesAndTheOrganisation() throws {
        let c = try corpus(["""
        Senator Tom Carrow, D-Delaware, said the bill was dead. A statement from The White House said it disagreed.

        A spokesman for the White House later declined to comment.
        """])
        XCTAssertEqual(kinds(c, "Delaware"), [.place], "a party tag with the state's full name")
        XCTAssertTrue(kinds(c, "D-Delaware").isEmpty)
        XCTAssertEqual(names(c, "The White House"), names(c, "White House"), "the organisation with or without its 'The'")
    }

    /// A name in parentheses after two different names is their club or party, not a
    /// translation of either: neither becomes it. (Read in sentence order, the answer
    /// once depended on the run's dictionary order: the same article gave "Vitolo" as
    /// Sevilla in one run and as himself in the next.)
    func testAParenthesisAfterTwoNamesIsNoTranslation() throws {
        let text = """
        Varna Rovers Football Club (Ostrava Premier League) lost again on Saturday, the coach said.

        Ostrova Athletic Club (Ostrava Premier League) won at home. Attempt missed. Pablo Verrani (Ostrova Athletic Club) shot wide.

        Foul by Tomas Kellin (Ostrova Athletic Club). Tomas Kellin replaces Pablo Verrani.
        """
        let c = try corpus([text])
        let league = names(c, "Ostrava Premier League")
        XCTAssertEqual(league, ["Ostrava Premier League"])
        XCTAssertEqual(names(c, "Varna Rovers Football Club"), ["Varna Rovers Football Club"])
        XCTAssertEqual(names(c, "Ostrova Athletic Club"), ["Ostrova Athletic Club"])
        XCTAssertEqual(names(c, "Pablo Verrani"), ["Pablo Verrani"])
        XCTAssertEqual(names(c, "Tomas Kellin"), ["Tomas Kellin"])
        // the same text gives the same entities, loaded again
        let again = try corpus([text])
        XCTAssertEqual(c.entityTable.mentions.map { "\($0.text)=\(c.entityTable.entities[$0.entity].name)" },
                       again.entityTable.mentions.map { "\($0.text)=\(again.entityTable.entities[$0.entity].name)" })
    }

    // MARK: names glued to what surrounds them, names cut short, fullest names, kinds (session 17)

    /// The entity named by a mention written `text`.
    func entityOf(_ c: Corpus, _ text: String) -> Entity? {
        let t = c.entityTable
        return t.mentions.first { $0.text == text }.map { t.entities[$0.entity] }
    }

    func testTitlesBodiesAndHyphensGluedToNames() throws {
        let c = try corpus(["""
        The plan was criticised, though Environmental Safety Agency Administrator Dora Kepple called it a bad deal this week.

        Deputy Assistant Commissioner of the Northshire Police-Alan Brisk told reporters that the attack had been planned for weeks.

        There is no proof of it, the Foreign Minister Sergey-Valkov said in an interview on Monday. Valkov added that the talks would go on.
        """])
        XCTAssertEqual(kinds(c, "Environmental Safety Agency"), [.org], "a title after a body's name ends it")
        XCTAssertEqual(kinds(c, "Dora Kepple"), [.person])
        XCTAssertEqual(kinds(c, "Northshire Police"), [.org], "a hyphen where a space was lost, after a body's name")
        XCTAssertEqual(kinds(c, "Alan Brisk"), [.person])
        XCTAssertTrue(kinds(c, "Assistant Commissioner of the Northshire Police").isEmpty, "a title of a body is no body")
        XCTAssertEqual(entityOf(c, "Sergey-Valkov")?.name, "Sergey Valkov", "a given name glued to a surname")
        XCTAssertEqual(entityOf(c, "Valkov")?.name, "Sergey Valkov", "one person, not two")
    }

    func testAwardCategoriesAndNameListsWithoutCommas() throws {
        let c = try corpus(["""
        The drama picked up trophies for Best Adapted Screenplay and Best Supporting Actor for Dev Marlin, the jury said on Sunday night.

        The nominees for the newcomer prize, voted for by the public and announced at a dinner in the city on Friday, were read out in one long line as follows: Anya Costner Laia Pell Lucas Brandt Ruth Ferro, and the winner will be named at the ceremony next month, the organisers said.

        Original screenplay nominees were read out at the dinner: "Harbour Lights" -- Tomas Wendel Original Screenplay "Night Road" -- and the jury chose on Sunday.
        """])
        for n in ["Best Adapted Screenplay", "Best Supporting Actor", "Tomas Wendel Original Screenplay"] {
            XCTAssertTrue(kinds(c, n).isEmpty, "\(n): an award's category is no name")
        }
        XCTAssertEqual(kinds(c, "Dev Marlin"), [.person])
        XCTAssertEqual(kinds(c, "Tomas Wendel"), [.person], "the name before a category")
        for n in ["Anya Costner", "Laia Pell", "Lucas Brandt", "Ruth Ferro"] {
            XCTAssertEqual(kinds(c, n), [.person], "\(n): a list of names without commas, paired")
        }
        XCTAssertTrue(kinds(c, "Laia Pell Lucas").isEmpty)
    }

    func testInitialsStateTagsAndCityDistricts() throws {
        let c = try corpus(["""
        The rule was first written under Harold T. Manning's government, long before the current row began, said Harold T. Manning.

        During the hearing last month Sen. Tom Keller (D.-Va.) pressed the nominee on the law, and Sen. Mara Hollis (D-N.H.), who has a son at school, said the law was federal.

        In Washington, D.C., nearly fifty restaurant owners said they would close. She visited a school in Washington D.C. There was no comment.
        """])
        XCTAssertEqual(kinds(c, "Harold T. Manning"), [.person], "a middle initial keeps the name whole")
        XCTAssertTrue(kinds(c, "Harold T").isEmpty)
        XCTAssertEqual(entityOf(c, "Va")?.name, "Virginia", "a party tag with a dotted letter")
        XCTAssertEqual(entityOf(c, "N.H.")?.name, "New Hampshire", "the abbreviation with its last period")
        XCTAssertEqual(kinds(c, "Washington, D.C."), [.place], "a city and its district are one name")
        XCTAssertEqual(kinds(c, "Washington D.C."), [.place])
        XCTAssertTrue(kinds(c, "D.C.").isEmpty, "not a mention of its own")
    }

    func testFunctionWordsInsideNames() throws {
        let c = try corpus(["""
        The bank plans to sell its Harker & Lowe business next year, the chairman said on Tuesday.

        Fairness for Workers, a group based in Ohio that helped organise the protest, said many shops would stay shut.
        """])
        XCTAssertEqual(kinds(c, "Harker & Lowe"), [.org], "an ampersand joins a firm's name")
        XCTAssertEqual(kinds(c, "Fairness for Workers"), [.org], "a name an apposition calls a group is one name")
        XCTAssertTrue(kinds(c, "Workers").isEmpty)
    }

    func testFullestFormNamesTheEntity() throws {
        let c = try corpus(["""
        The Russian Defense Ministry said the plane had crashed. The Defense Ministry added that no one had survived, officials said.

        Labour said the tax was unfair. The Labour Party will vote against it, its leader said. Labour wants a new vote.
        """])
        XCTAssertEqual(entityOf(c, "Russian Defense Ministry")?.name, "Russian Defense Ministry", "a nationality before a body stays")
        XCTAssertEqual(entityOf(c, "Defense Ministry")?.name, "Russian Defense Ministry", "the body alone is the article's qualified one")
        XCTAssertEqual(entityOf(c, "Labour")?.name, "Labour Party", "the fullest form names it, not the most frequent")
    }

    func testKindsFromWhatTheTextSaysOfTheName() throws {
        let c = try corpus(["""
        The new boss of Harlan Brooks says the department store needs reinventing. Paula Nickolds is the managing director of Harlan Brooks, having worked her way up. Harlan Brooks currently has 48 stores, Nickolds says.

        "It is still the law," said Camilla Tate, senior counsel with Lambda Justice. The travel trade organisation, Vexta, says a cyber attack hit its website.

        Des Moines was quiet on Monday. The shortfall would hit New South Wales, Victoria and South Australia, the operator said.

        The attack happened on Sunday, officials said. Send Facebook Twitter Google+ Whatsapp Tumblr linkedin stumble Digg reddit Newsvine Permalink http://example.com/p/2Xy9 jd/ks (dpa, Reuters)
        """])
        XCTAssertEqual(kinds(c, "Harlan Brooks"), [.org], "the managing director of a firm named like a person")
        XCTAssertEqual(kinds(c, "Paula Nickolds"), [.person])
        XCTAssertEqual(kinds(c, "Lambda Justice"), [.org], "someone's employer after 'counsel with'")
        XCTAssertEqual(kinds(c, "Vexta"), [.org], "an organisation noun before the apposition")
        XCTAssertEqual(kinds(c, "Des Moines"), [.place], "a city of two words, nothing saying it is a person")
        XCTAssertEqual(kinds(c, "Victoria"), [.place], "a list of places")
        for n in ["linkedin", "reddit", "Digg", "Newsvine"] { XCTAssertEqual(kinds(c, n), [.org], "\(n): a share row's service") }
        XCTAssertTrue(kinds(c, "Permalink").isEmpty && kinds(c, "Newsvine Permalink").isEmpty)
    }

    func testWordsGluedAndBodiesInLists() throws {
        let c = try corpus(["""
        The message from the contenders for the party leadership-Leo Varrow and Simon Cole yesterday was clear, aides said.

        The US Department of Justice is pursuing the bank over the sale of securities, the paper said on Monday.

        Sanctions will be imposed against Sberbank, VTB, BM Bank and VS Bank, the central bank's representative added on Friday.

        Some of the members were unhappy. Congressional Hispanic Caucus chairwoman Rep. Lena Ortiz said the plan was weak.

        "I'm proud," Jeff Mason, a Reuters White House correspondent, told reporters on Sunday. Oregon Democratic Senators Ann Colby and Ruth Pell voted against it. The GOP-controlled House and Senate voted to overturn the rules.
        """])
        XCTAssertEqual(kinds(c, "Leo Varrow"), [.person], "a lowercase word glued by a hyphen is cut off")
        XCTAssertEqual(kinds(c, "US Department of Justice"), [.org], "a country before a body, after 'The'")
        XCTAssertEqual(kinds(c, "BM Bank"), [.org])
        XCTAssertEqual(kinds(c, "VS Bank"), [.org], "an acronym's bank after 'and'")
        XCTAssertEqual(kinds(c, "Congressional Hispanic Caucus"), [.org], "an adjective opening a body at a sentence start")
        XCTAssertEqual(kinds(c, "Reuters"), [.org], "a known outlet before a known name")
        XCTAssertEqual(kinds(c, "White House"), [.org])
        XCTAssertEqual(kinds(c, "Oregon"), [.place], "a state before a party's adjective")
        XCTAssertTrue(kinds(c, "Oregon Democratic").isEmpty)
        XCTAssertEqual(kinds(c, "Ann Colby"), [.person])
        XCTAssertEqual(kinds(c, "House"), [.org], "two one-word bodies joined by 'and' are two")
        XCTAssertEqual(kinds(c, "Senate"), [.org])
    }

    func testTitlesOverTheGazetteerAndSeesBeforeACommaName() throws {
        let c = try corpus(["""
        He was asked to withdraw by the then-Archbishop of Canterbury, Rowan Tillett. Dr Rowan Tillett later met him in London.

        The senator said there was no proof for the claim that former President Obama had ordered the wiretap. Obama denied it on Sunday, aides said.

        Settlers moved into the settlements of Varnetta, Eli and Beit Quell last year, the group said.
        """])
        XCTAssertEqual(kinds(c, "Rowan Tillett"), [.person], "a name after a see's comma is no place of a list")
        XCTAssertEqual(kinds(c, "Canterbury"), [.place])
        XCTAssertEqual(kinds(c, "Obama"), [.person], "a title says more than a gazetteer's town")
        XCTAssertEqual(kinds(c, "Eli"), [.place], "a one-word name inside a list of settlements stays a place")
    }

    func testOneWordThatIsNoOnesNameIsABody() throws {
        let c = try corpus(["""
        Last year the bank failed to sell the unit to Quellmont, and talks with a rival lender failed. Quellmont said on Monday it had no comment.

        The deal was approved on Friday, Brandt said, though critics were unhappy with it.
        """])
        XCTAssertEqual(kinds(c, "Quellmont"), [.org], "one word no list knows as a name, with no title: a firm's")
        XCTAssertEqual(kinds(c, "Brandt"), [.person], "a known surname alone stays a person")
    }

    func testShortNamesOfKnownBodies() throws {
        let c = try corpus(["""
        The bill will be put to a vote in the Commons next week, while the Lib Dems said they would oppose it, the paper reported.
        """])
        XCTAssertEqual(entityOf(c, "Commons")?.name, "House of Commons", "the Commons is the House of Commons")
        XCTAssertEqual(kinds(c, "Lib Dems"), [.org])
        XCTAssertEqual(entityOf(c, "Lib Dems")?.name, "Liberal Democrats")
    }

    func testATitleForACountryBeforeAName() throws {
        let c = try corpus(["""
        The talks in Geneva were due on Monday under the auspices of UN Special Envoy for Syria Tomas de Varnello, a diplomat said.
        """])
        XCTAssertEqual(kinds(c, "Tomas de Varnello"), [.person], "the name after a title for a country")
        XCTAssertEqual(kinds(c, "Syria"), [.place])
        XCTAssertTrue(kinds(c, "Special Envoy for Syria Tomas de Varnello").isEmpty)
    }

    func testStatesByTheirFormAndBodiesWithTheirRemit() throws {
        let c = try corpus(["""
        The Kingdom of Bahrain strongly condemns the attack, its embassy said on Wednesday.

        The Committee on Harbour Standards in Public Service met after the complaint. The Fisheries Committee on Monday said it had not been told, and the Advisory Council on Fisheries Appointments, or Acofa, said the same.
        """])
        XCTAssertEqual(kinds(c, "Kingdom of Bahrain"), [.place], "a form of government, of, a known place: one place")
        XCTAssertTrue(kinds(c, "Kingdom").isEmpty)
        XCTAssertEqual(kinds(c, "Committee on Harbour Standards in Public Service"), [.org], "a body's remit after on, its field after in")
        XCTAssertEqual(kinds(c, "Fisheries Committee"), [.org], "the day a body meets on is no part of its name")
        XCTAssertEqual(kinds(c, "Advisory Council on Fisheries Appointments"), [.org])
        XCTAssertEqual(entityOf(c, "Acofa")?.name, "Advisory Council on Fisheries Appointments", "an acronym written as a word joins its body")
    }

    func testTitlesNumeralsAndOrdinalsAroundNames() throws {
        let c = try corpus(["""
        The complaint cited accusations by opposition Senator Antero Valdillas IV, who accused the president of lying.

        The 5th US Circuit Court of Appeals is due to rule this week, said Acting U.S. Attorney Lena Brock.

        Harbour Police Assistant Deputy Commissioner Dana Kell said officers would look into it. Senate Democrat Tom Vesey said he was worried.
        """])
        XCTAssertEqual(kinds(c, "Antero Valdillas IV"), [.person], "a generation's numeral is part of the name")
        XCTAssertEqual(kinds(c, "5th US Circuit Court of Appeals"), [.org], "an ordinal before a country's court")
        XCTAssertEqual(kinds(c, "Lena Brock"), [.person])
        XCTAssertEqual(kinds(c, "Dana Kell"), [.person], "assistant and deputy are titles")
        XCTAssertEqual(kinds(c, "Harbour Police"), [.org])
        XCTAssertEqual(kinds(c, "Tom Vesey"), [.person], "a party's member before a name is a title")
        XCTAssertTrue(c.entityTable.entities.allSatisfy { !$0.name.contains("Democrat") && !$0.name.contains("Assistant") })
    }

    func testKindsFromListsOfExamplesAndNounsAfterAName() throws {
        let c = try corpus(["""
        More than 30 fashion brands including H&M, Vantoro and Klimpel have committed to replace the dyes, the group said.

        The private Korvath news agency said the reporter was held. Korvath said he was questioned for hours.

        The striker moved from Dunmore and Castleford City forward Ian Pell in the summer deal.
        """])
        XCTAssertEqual(kinds(c, "Vantoro"), [.org], "a list of examples after brands including")
        XCTAssertEqual(kinds(c, "Klimpel"), [.org])
        XCTAssertEqual(kinds(c, "Korvath"), [.org], "an organisation noun after the name, an adjective before it")
        XCTAssertTrue(kinds(c, "Dunmore and Castleford City").isEmpty, "one word and a place's name are two names")
        XCTAssertFalse(kinds(c, "Castleford City").isEmpty)
    }

    func testPlacesAsModifiersAndLineUps() throws {
        let c = try corpus(["""
        Five officers were charged along with staff of a Singapore-based contractor, prosecutors said on Friday.

        Replacements: Tomas Reller (Dunmore), Ivo Brandtner (Castlemere), Pavel Orsic (Dunmore), Ansel Korrin (Westhaven).
        """])
        XCTAssertEqual(kinds(c, "Singapore"), [.place], "a place before -based is a mention of it")
        XCTAssertFalse(kinds(c, "Ivo Brandtner").isEmpty, "a line-up with sides in parentheses is read")
        XCTAssertFalse(kinds(c, "Ansel Korrin").isEmpty)
    }

    func testNaturalFeaturesNamedWithoutTheirWord() throws {
        let c = try corpus(["""
        The boat was inching across the Mediterranean Sea on Monday when it sank. Hundreds have drowned in the Mediterranean this year, the agency said.

        Patrol boats crossed the Taiwan Strait again, and Taiwan said it would protest.
        """])
        XCTAssertNotNil(entityOf(c, "Mediterranean"))
        XCTAssertEqual(entityOf(c, "Mediterranean")?.name, entityOf(c, "Mediterranean Sea")?.name, "the Mediterranean of the Mediterranean Sea is one place")
        XCTAssertNotEqual(entityOf(c, "Taiwan")?.name, entityOf(c, "Taiwan Strait")?.name, "a country is not its strait")
    }

    func testOperationsEvesCodesAndEventsCutFromAHyphen() throws {
        let c = try corpus(["""
        The soldiers at the airport belong to Operation Varnelle, a force of 7,000 troops, the ministry said.

        Tomas Reller, who has not played since Christmas Eve, is named on the bench.

        He was charged under article 206 of the Criminal Code, his lawyer Ivo Brandtner said.

        The director closed the 67th annual Dunmore Film Festival-by raising his fist, Ivo Brandtner said.
        """])
        XCTAssertTrue(kinds(c, "Operation Varnelle").isEmpty, "an operation is an event")
        XCTAssertTrue(kinds(c, "Christmas Eve").isEmpty && kinds(c, "Eve").isEmpty, "a feast's eve is a date")
        XCTAssertTrue(kinds(c, "Criminal Code").isEmpty, "a code is a law")
        XCTAssertTrue(kinds(c, "Film Festival").isEmpty && kinds(c, "Dunmore Film Festival").isEmpty, "an event's name after a hyphen's cut")
        XCTAssertEqual(kinds(c, "Tomas Reller"), [.person])
    }

    func testBodiesSpelledByTheirInitialsAndCourtDistricts() throws {
        let c = try corpus(["""
        The officers steered contracts toward the company, Lucas Defense Marine Asia (LDMA), and blocked its rivals, said Acting U.S. Attorney Lena Brock of the Northern District of Ohio.
        """])
        XCTAssertEqual(kinds(c, "Lucas Defense Marine Asia"), [.org], "a name its initials follow is a body's, not two people")
        XCTAssertTrue(kinds(c, "Marine Asia").isEmpty)
        XCTAssertEqual(kinds(c, "Northern District of Ohio"), [.org], "a federal court's district")
        XCTAssertEqual(kinds(c, "Lena Brock"), [.person])
    }

    func testWeekdaysAndNamesRunIntoABodyOrPlace() throws {
        let c = try corpus(["""
        The plan was put to members of the Dunmore Council Saturday night, and she told Fox News Tuesday that it would pass.

        A hospital worker told Reuters Anna "was very tired" when she arrived.

        "The region needs money," the upper house Committee on Arctic and Antarctica Pavel Orsic said on Thursday.

        Flights to Cape Town International Airport were cut, the ambassador in the Islamic Republic Ivo Brandtner said.
        """])
        XCTAssertTrue(kinds(c, "Dunmore Council Saturday").isEmpty, "a weekday after a name says when")
        XCTAssertEqual(kinds(c, "Dunmore Council"), [.org])
        XCTAssertEqual(kinds(c, "Fox News"), [.org])
        XCTAssertTrue(kinds(c, "Reuters Anna").isEmpty, "an agency's name never goes on with a person's")
        XCTAssertEqual(kinds(c, "Reuters"), [.org])
        XCTAssertEqual(kinds(c, "Pavel Orsic"), [.person], "a person's name run into a body's")
        XCTAssertEqual(kinds(c, "Committee on Arctic and Antarctica"), [.org])
        XCTAssertEqual(kinds(c, "Ivo Brandtner"), [.person], "a person's name run into a state's")
        XCTAssertEqual(kinds(c, "Cape Town International Airport"), [.place], "a city's airport keeps the city")
    }

    func testDamagedLettersAndOneNameInManyForms() throws {
        let c = try corpus(["""
        The party's regional leader J?rgen M?ller said he would stay. M?ller later said he had been misquoted.

        President Samuel T. Holloway signed the order on Monday. Samuel Holloway said it was needed, and Holloway said it again.

        The Kingdom of Norway has sent ships. Norway said they would stay a month.

        The broadcaster ABC News reported the deal first. An executive told ABC the talks went on.
        """])
        XCTAssertEqual(kinds(c, "J?rgen M?ller"), [.person], "a letter lost to a question mark stays in its word")
        XCTAssertTrue(kinds(c, "J").isEmpty)
        XCTAssertEqual(entityOf(c, "M?ller")?.name, "J?rgen M?ller")
        XCTAssertEqual(entityOf(c, "Holloway")?.name, entityOf(c, "Samuel T. Holloway")?.name, "a surname is the fullest name's")
        XCTAssertEqual(entityOf(c, "Samuel Holloway")?.name, entityOf(c, "Samuel T. Holloway")?.name)
        XCTAssertEqual(entityOf(c, "Kingdom of Norway")?.name, entityOf(c, "Norway")?.name, "a state by its form of government is the state")
        XCTAssertEqual(entityOf(c, "ABC")?.name, entityOf(c, "ABC News")?.name, "a broadcaster and its news in one article are one")
    }

    func testTitleRemitsReligionsAndSurnamesTheCorpusKnows() throws {
        let c = try corpus(["""
        The plan was backed by Dunmore Council Chief of Staff Tomas Reller, who spoke after the vote.

        Critics of Islam and of the Quran were heard at the rally, police said.

        President Harold Brinkman signed the order. Harold Brinkman said it would stand, and Mr Brinkman said so again.
        """, """
        A judge blocked Brinkman's travel ban hours before it was due to start. The judge said Brinkman's ban was unlawful.

        He was pushed out of the Brinkman team a long time ago, a lawyer said.
        """, """
        Harold Brinkman will visit the port on Friday, his office said.
        """])
        XCTAssertEqual(kinds(c, "Tomas Reller"), [.person], "a title whose of names its remit")
        XCTAssertTrue(kinds(c, "Dunmore Council Chief of Staff Tomas Reller").isEmpty)
        XCTAssertTrue(kinds(c, "Islam").isEmpty && kinds(c, "Quran").isEmpty, "a religion and its book are no named thing")
        XCTAssertFalse(kinds(c, "Brinkman").contains(.org), "a surname the corpus knows in more articles is no organisation")
    }

    func testDoubleParticlesAndCapitalsOnlyAtASentenceStart() throws {
        let c = try corpus(["""
        However, Defence Minister Marta von der Hoeven criticised the plan at the meeting, saying it went too far.

        Grainy footage from the station showed two men running. Britons were told to stay away.

        - Maintenance crews checked the line before it reopened, the operator said.
        """])
        XCTAssertEqual(kinds(c, "Marta von der Hoeven"), [.person], "two particles side by side stay in the name")
        XCTAssertTrue(kinds(c, "Hoeven").isEmpty && kinds(c, "Marta").isEmpty)
        XCTAssertTrue(kinds(c, "Grainy").isEmpty, "a sentence's first word the corpus never capitalises elsewhere")
        XCTAssertTrue(kinds(c, "Britons").isEmpty, "a nationality's plural")
        XCTAssertTrue(kinds(c, "Maintenance").isEmpty, "a list's hyphen opens a sentence")
    }

    func testOneOrganisationInManyForms() throws {
        let c = try corpus(["""
        Shares in Korvalis Group rose on Monday. Korvalis said sales were up, and Korvalis expects more.

        Leaders of the hard-right House Taxpayers Caucus met the speaker. The Taxpayers Caucus wants deeper cuts.

        The Islamic State of Iraq and the Levant claimed the attack. ISIL has lost ground since.

        She met the president in the Oval Office on Tuesday.
        """])
        XCTAssertEqual(entityOf(c, "Korvalis")?.name, entityOf(c, "Korvalis Group")?.name, "a firm's name without its word")
        XCTAssertEqual(entityOf(c, "Taxpayers Caucus")?.name, entityOf(c, "House Taxpayers Caucus")?.name, "a body's name that ends a longer one")
        XCTAssertEqual(entityOf(c, "ISIL")?.name, "Islamic State")
        XCTAssertEqual(entityOf(c, "Islamic State of Iraq and the Levant")?.name, "Islamic State")
        XCTAssertEqual(kinds(c, "Oval Office"), [.place])
    }

    func testCommonWordsOpeningASentenceBeforeANameOrPlace() throws {
        let c = try corpus(["""
        New Mexico Sen. Tomas Reller said he would vote against the bill.

        Viewers were asked to watch the debate. Watch Ivo Brandtner explain the plan in the video below.
        """])
        XCTAssertEqual(kinds(c, "New Mexico"), [.place], "a known place whose first word is a common one")
        XCTAssertTrue(kinds(c, "Mexico").isEmpty)
        XCTAssertTrue(kinds(c, "Watch Ivo Brandtner").isEmpty, "a lowercase word opening the sentence is no part of the name")
        XCTAssertEqual(kinds(c, "Ivo Brandtner"), [.person])
    }

    func testBodiesWithDocumentWordsLegalFormsAndCompounds() throws {
        let c = try corpus(["""
        She graduated from Dunmore Law School and joined the Institute for Regional Security Strategy, a think tank.

        The chief economist at Korvath Holdings PLC said growth would slow. He wore a T-shirt, and the plane was an Orlan-27.

        The reception was held at the Royal National Gallery in the capital, officials said.

        The trade fair opened in the northern German-city of Dunmore.
        """])
        XCTAssertEqual(kinds(c, "Dunmore Law School"), [.org], "a body's name keeps a document's word")
        XCTAssertEqual(kinds(c, "Institute for Regional Security Strategy"), [.org])
        XCTAssertEqual(kinds(c, "Korvath Holdings PLC"), [.org], "a legal form stays in the firm's name")
        XCTAssertTrue(kinds(c, "T-shirt").isEmpty && kinds(c, "Orlan-27").isEmpty && kinds(c, "German-city").isEmpty,
                      "common compounds and models are no names")
    }

    func testProgrammeTitlesAreNoNames() throws {
        let c = try corpus(["""
        "We will not back down," the adviser said on CBS's Beat the Clock on Sunday.

        She told CNN's Mara Holloway that the vote was close, and later appeared on "Good Morning Canada" to say so.

        Ministers said "Russia and China" were to blame.
        """])
        XCTAssertTrue(kinds(c, "Beat the Clock").isEmpty, "a programme after a broadcaster's possessive")
        XCTAssertEqual(kinds(c, "Mara Holloway"), [.person], "a person after one is still named")
        XCTAssertTrue(kinds(c, "Canada").isEmpty, "a place inside a quoted title is part of the title")
        XCTAssertEqual(kinds(c, "Russia"), [.place], "known names in quote marks are still named")
        XCTAssertEqual(kinds(c, "China"), [.place])
    }

    func testTwoFullBodiesJoinedByAndAreTwo() throws {
        let c = try corpus(["""
        Officials of the Ministry of Harbours and the Ministry of Inland Tolls met on Monday, a spokesman said.

        Inspectors from the Bureau of Fisheries and Bureau of Mines visited the site, while the Bank of Quellmont declined to comment.

        The Department of Farming and Rural Affairs said the Seed and Soil Administration would review it.
        """])
        XCTAssertEqual(kinds(c, "Ministry of Harbours"), [.org], "two bodies joined by 'and the' are two")
        XCTAssertEqual(kinds(c, "Ministry of Inland Tolls"), [.org])
        XCTAssertTrue(kinds(c, "Ministry of Harbours and the Ministry of Inland Tolls").isEmpty)
        XCTAssertEqual(kinds(c, "Bureau of Fisheries"), [.org], "the right one opens with a body's noun and 'of'")
        XCTAssertEqual(kinds(c, "Bureau of Mines"), [.org])
        XCTAssertEqual(kinds(c, "Bank of Quellmont"), [.org])
        XCTAssertEqual(kinds(c, "Department of Farming and Rural Affairs"), [.org], "a remit's 'and' stays inside the name")
        XCTAssertEqual(kinds(c, "Seed and Soil Administration"), [.org])
    }

    func testRegionsOfTheISOListAsPlacesOnlyWhereWrittenSo() throws {
        let c = try corpus(["""
        Farmers in Fife were angry about the price of milk, a union official said on Tuesday.

        Fighting in Rakhine state went on for a third day, a monitor said.
        """, """
        Perlis is a long way from the coast, the driver said. Reading is popular there, he added.

        The film "Perlis Nights" was shown at the festival on Friday, its maker said.
        """, """
        The bank Rakhine cut its rates on Monday, and shares in Rakhine fell by a third.
        """])
        XCTAssertEqual(kinds(c, "Fife"), [.place], "a region after 'in'")
        XCTAssertEqual(kinds(c, "Rakhine"), [.place, .org], "a region before 'state'; a bank of a region's name stays a bank")
        XCTAssertEqual(Set(c.entityTable.mentions.filter { $0.text == "Rakhine" && $0.article == 2 }
            .map { c.entityTable.entities[$0.entity].kind }), [.org], "the bank's article keeps it an organisation")
        XCTAssertTrue(kinds(c, "Perlis").isEmpty, "a region's name opening a sentence or a quoted title is no evidence")
        XCTAssertTrue(kinds(c, "Reading").isEmpty, "a common word is no region")
    }

    func testACityOrRegionGluedBeforeAPerson() throws {
        let c = try corpus(["""
        The new members included Fife Moira Grant and Dundee Alan Pryce, the party said on Friday.

        Voters in Fife and Dundee were unhappy with the result, one campaigner said.
        """])
        XCTAssertEqual(kinds(c, "Moira Grant"), [.person], "a region's name run into a person's is cut off")
        XCTAssertEqual(kinds(c, "Alan Pryce"), [.person], "and so is a city's")
        XCTAssertEqual(kinds(c, "Fife"), [.place])
        XCTAssertEqual(kinds(c, "Dundee"), [.place])
        XCTAssertTrue(kinds(c, "Fife Moira Grant").isEmpty && kinds(c, "Dundee Alan Pryce").isEmpty)
    }
}
