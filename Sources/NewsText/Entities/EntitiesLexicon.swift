/// The word lists the entity rules use: titles, role nouns, speech verbs,
/// organisation and place keywords, a small gazetteer of countries, regions and
/// major cities, news organisations, and capitalised words that are never names.
/// General knowledge only: nothing here is taken from a particular corpus.

enum EntitiesLexicon {
    /// Capitalised titles that stand before a name and are not part of it.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "vice", "prime", "minister", "deputy",
        "secretary", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman", "spokesperson",
        "senator", "sen", "rep", "representative", "gov", "governor", "general", "gen", "admiral", "adm", "col",
        "colonel", "lt", "lieutenant", "capt", "captain", "chief", "premier", "ambassador", "mayor", "judge",
        "justice", "king", "queen", "prince", "princess", "pope", "sir", "dame", "lord", "lady", "speaker",
        "legislator", "lawmaker", "commissioner", "chancellor", "sgt", "sergeant", "cmdr", "commander",
        "specialist", "attorney", "ministers", "taoiseach", "emir", "sheikh", "mp", "mep", "congressman",
        "congresswoman", "councillor", "councilman", "councilwoman", "sheriff", "superintendent", "inspector",
        "detective", "constable", "bishop", "archbishop", "cardinal", "rabbi", "imam", "reverend", "rev",
        "envoy", "coach", "manager", "ceo", "chairperson", "counsel", "solicitor", "auditor", "comptroller",
        "prosecutor", "secretary-general", "leader", "majority", "minority", "fr", "pastor", "vicar", "canon",
        "administrator", "senators", "assistant", "acting", "democrat",
    ]
    /// Lowercase nouns of someone working for an organisation, before "with" or "at" and its name.
    static let employees: Set<String> = ["counsel", "fellow", "researcher", "analyst", "economist", "strategist", "lawyer",
        "attorney", "professor", "lecturer", "spokesman", "spokeswoman", "spokesperson", "executive", "partner",
        "employee", "employees", "staffer", "staffers", "engineer", "scientist", "editor", "correspondent", "reporter"]
    /// The words of a row of share buttons ("Send Facebook Twitter ... Permalink").
    static let shareButtons: Set<String> = ["send", "share", "permalink", "email", "e-mail", "print", "tweet", "stumble", "comments"]
    /// Web services whose names are also written all lowercase ("linkedin", "reddit"): the service.
    static let lowercaseBrands: Set<String> = ["linkedin", "reddit", "youtube", "instagram", "whatsapp", "tumblr",
        "newsvine", "digg", "pinterest", "snapchat", "flickr"]
    /// Lowercase nouns of a firm's heads and holdings, before "of" and its name ("the boss of X").
    static let firmHeads: Set<String> = ["boss", "bosses", "owner", "owners", "shareholders", "shareholder", "founder",
        "founders", "shares", "profits", "profit", "sales", "customers", "stores", "shops", "branches",
        "subsidiary", "chairman", "chairwoman", "executive", "director"]
    /// The last word of an award's category ("Best Supporting Actor", "Original Screenplay").
    static let awardNouns: Set<String> = ["actor", "actress", "screenplay", "cinematography", "picture", "documentary",
        "animation", "editing", "soundtrack", "newcomer", "debut", "album", "song"]
    /// Words that qualify an award's category noun ("Best", "Supporting", "Adapted").
    static let awardModifiers: Set<String> = ["best", "original", "adapted", "supporting", "leading", "lead", "foreign",
        "language", "animated", "outstanding", "visual", "documentary", "feature", "british", "debut", "new", "male", "female"]
    /// Titles that also begin organisation names ("General Motors", "Speaker's Office").
    static let weakTitles: Set<String> = ["chief", "speaker", "general", "head"]

    /// Lowercase role nouns that, right before a name, say it is a person.
    static let roles: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "legislator", "legislators", "lawmaker", "lawmakers",
        "parliamentarian", "parliamentarians", "minister", "president", "vice-president", "chairman",
        "chairwoman", "analyst", "expert", "director", "official", "leader", "professor", "researcher",
        "premier", "ambassador", "envoy", "reporter", "correspondent", "fellow", "senator", "governor",
        "mayor", "chief", "secretary", "adviser", "advisor", "diplomat", "commander", "general", "admiral",
        "member", "members", "politician", "politicians", "colleague", "counterpart", "counterparts", "journalist",
        "editor", "author", "writer", "economist", "scientist", "activist", "candidate", "ceo", "founder",
        "executive", "manager", "lawyer", "attorney", "judge", "officer", "deputy", "head", "representative",
        "foreign-minister", "prime-minister", "delegate", "negotiator", "scholar", "historian", "strategist",
    ]
    /// Role nouns a quotation can be attributed to ("said the lawmaker"): a person.
    static let personNouns: Set<String> = roles.union(["man", "woman", "source", "sources", "observer", "observers",
        "police", "officials", "witness", "witnesses", "resident", "residents", "protesters", "protester", "critics",
        "supporters", "friends", "relatives", "neighbour", "neighbor", "neighbours", "neighbors", "organisers", "organizers",
        "statement", "release", "report", "affidavit", "letter", "document", "filing", "communique", "spokespeople",
        "people", "person", "student", "students", "worker", "workers", "doctor", "doctors", "teacher", "parent", "parents",
        "bishop", "bishops", "priest", "nurse", "nurses", "farmer", "farmers", "victim", "victims", "survivor", "survivors",
        "voter", "voters", "passenger", "passengers", "soldier", "soldiers", "engineer", "owner", "customer", "customers"])

    /// Nouns of kin and acquaintance: "the father of X" is not X.
    static let relationNouns: Set<String> = ["father", "mother", "son", "daughter", "brother", "sister", "wife",
        "husband", "uncle", "aunt", "cousin", "nephew", "niece", "grandfather", "grandmother", "family", "friend",
        "friends", "relative", "relatives", "neighbour", "neighbor", "colleague", "colleagues", "partner", "widow",
        "fiancée", "fiance", "fiancé", "girlfriend", "boyfriend", "lawyer", "lawyers", "attorney", "spokesman",
        "spokeswoman", "spokesperson", "aide", "aides", "adviser", "advisers", "biographer", "parents", "children"]

    /// Verbs that introduce or close a quotation.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "saying", "added", "adds", "adding", "told", "tells", "telling", "stated",
        "noted", "notes", "explained", "explains", "insisted", "insists", "argued", "argues", "warned", "warns",
        "wrote", "writes", "concluded", "concludes", "continued", "continues", "asked", "asks", "quoted",
        "acknowledged", "admitted", "declared", "announced", "remarked", "replied", "responded", "stressed",
        "emphasized", "emphasised", "claimed", "suggested", "suggests", "commented", "recalled",
        "cautioned", "observed", "tweeted", "according",
    ]

    /// A word in a name that makes it an organisation.
    static let orgWords: Set<String> = [
        "party", "ministry", "institute", "institution", "university", "college", "school", "agency", "committee",
        "council", "department", "division", "forum", "organization", "organisation", "group", "co", "corp",
        "corporation", "company", "inc", "ltd", "llc", "plc", "force", "forces", "navy", "army", "guard",
        "fleet", "bank", "association", "union", "parliament", "congress", "senate", "legislature",
        "commission", "office", "bureau", "administration", "foundation", "center", "centre", "times", "news",
        "post", "journal", "press", "network", "service", "federation", "club", "league", "court", "cabinet",
        "assembly", "coalition", "alliance", "authority", "police", "airlines", "airways", "motors",
        "industries", "holdings", "technologies", "systems", "studies", "research", "society", "trust",
        "fund", "board", "secretariat", "tribune", "herald", "gazette", "telegraph", "chronicle",
        "broadcasting", "television", "radio", "magazine", "daily", "nation", "house", "commons", "lords",
        "representatives", "parliamentary", "guards", "brigade", "brigades", "militia", "front", "movement",
        "academy", "embassy", "caucus", "electronics", "services",
    ]
    /// A last word that makes a name a place.
    static let placeWords: Set<String> = [
        "strait", "straits", "sea", "ocean", "island", "islands", "islets", "county", "province", "prefecture",
        "bay", "gulf", "peninsula", "river", "mountains", "mountain", "valley", "city", "district", "canal",
        "coast", "desert", "lake", "archipelago", "region", "state", "territory", "reef", "shoal",
        "governorate", "oblast", "municipality", "borough", "township", "village", "town", "heights", "hills",
        // buildings and sites
        "tower", "towers", "building", "airport", "station", "square", "street", "avenue", "palace", "hall",
        "hospital", "stadium", "bridge", "park", "castle", "church", "cathedral", "mosque", "temple", "museum",
        "port", "harbor", "harbour", "base", "prison", "camp", "plaza", "road", "field", "isles",
    ]
    /// Lowercase words after a name that say what kind of place it is ("Henan province", "the Bowen area").
    static let placeKindWords: Set<String> = ["province", "area", "region", "district", "county", "town", "city",
        "village", "governorate", "suburb", "neighbourhood", "neighborhood", "valley", "prefecture", "oblast",
        "municipality", "township", "settlement", "outpost", "peninsula", "island", "areas", "regions", "districts",
        "provinces", "villages", "towns", "counties", "suburbs", "neighbourhoods", "neighborhoods", "townships"]
    /// Lowercase nouns before "of" that say the names after it are places ("the provinces of Daraa and Quneitra").
    static let placeNouns: Set<String> = ["province", "provinces", "town", "towns", "city", "cities", "village",
        "villages", "region", "regions", "district", "districts", "settlement", "settlements", "suburb", "suburbs",
        "county", "counties", "states", "island", "islands", "outskirts", "governorate", "governorates",
        "municipality", "municipalities", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods",
        "capitals", "streets", "countries", "republics", "prefecture", "prefectures", "outpost", "outposts", "camp", "camps"]
    /// Prepositions a place follows and a person seldom does ("in Leer", "near Mosul").
    static let placePrepositions: Set<String> = ["in", "near", "outside", "across", "throughout", "inside", "nearby", "neighbouring",
        "neighboring", "downtown"]
    /// Titles whose "of" names a place ("the Bishop of Llandaff", "the Dean of St Albans").
    static let seeTitles: Set<String> = ["bishop", "archbishop", "dean", "mayor", "diocese", "archdiocese", "bishops",
        "duke", "duchess", "earl", "provost"]
    /// Lowercase nouns of organisations, next to a name ("the NGO Yesh Din", "the Kommersant daily").
    static let orgNouns: Set<String> = ["ngo", "firm", "company", "newspaper", "daily", "weekly", "agency", "charity",
        "broadcaster", "website", "magazine", "watchdog", "think-tank", "consultancy", "lender", "airline", "carrier",
        "insurer", "retailer", "publisher", "organisation", "organization", "body", "group", "centre", "center",
        "network", "union", "outlet", "tabloid", "conglomerate", "startup", "bank", "ngos", "non-profit", "nonprofit"]
    /// Words that make a name an event ("Academy Awards", "Autumn Budget"), kept apart from
    /// `notEntityWords` (which the tagger's features read).
    static let eventWords: Set<String> = ["awards", "oscars", "festival", "championship", "championships", "budget",
        "marathon", "tournament", "olympiad", "expo"]
    /// Words before a storm's name ("Cyclone Debbie").
    static let stormWords: Set<String> = ["cyclone", "hurricane", "typhoon", "storm"]
    /// Denominations: "X Church" after one of them is the church as an organisation.
    static let denominations: Set<String> = ["catholic", "anglican", "orthodox", "methodist", "baptist", "presbyterian",
        "lutheran", "evangelical", "episcopal", "protestant", "reformed", "coptic", "mormon", "pentecostal", "christian"]
    /// Arabic head words of armed groups' and movements' names ("Jabhat al-Nusra", "Faylaq ar-Rahman").
    static let arabicOrgHeads: Set<String> = ["jabhat", "jaysh", "jaish", "faylaq", "harakat", "liwa", "kataib",
        "hizb", "tahrir", "ahrar", "hayat", "hay'at", "tanzim", "majlis", "saraya", "ansar"]
    /// Lowercase particles inside a person's name.
    static let nameParticles: Set<String> = ["de", "da", "du", "van", "von", "der", "bin", "al"]
    /// US states by their abbreviations in a politician's party tag ("R-Ky.").
    static let stateAbbreviations: [String: String] = [
        "ala": "Alabama", "al": "Alabama", "ariz": "Arizona", "az": "Arizona", "ark": "Arkansas", "ar": "Arkansas",
        "calif": "California", "ca": "California", "colo": "Colorado", "co": "Colorado", "conn": "Connecticut",
        "ct": "Connecticut", "del": "Delaware", "de": "Delaware", "fla": "Florida", "fl": "Florida", "ga": "Georgia",
        "hawaii": "Hawaii", "hi": "Hawaii", "idaho": "Idaho", "id": "Idaho", "ill": "Illinois", "il": "Illinois",
        "ind": "Indiana", "in": "Indiana", "iowa": "Iowa", "ia": "Iowa", "kan": "Kansas", "ks": "Kansas",
        "ky": "Kentucky", "la": "Louisiana", "maine": "Maine", "me": "Maine", "md": "Maryland",
        "mass": "Massachusetts", "ma": "Massachusetts", "mich": "Michigan", "mi": "Michigan", "minn": "Minnesota",
        "mn": "Minnesota", "miss": "Mississippi", "ms": "Mississippi", "mo": "Missouri", "mont": "Montana",
        "mt": "Montana", "neb": "Nebraska", "ne": "Nebraska", "nev": "Nevada", "nv": "Nevada", "n.h": "New Hampshire",
        "nh": "New Hampshire", "n.j": "New Jersey", "nj": "New Jersey", "n.m": "New Mexico", "nm": "New Mexico",
        "n.y": "New York", "ny": "New York", "n.c": "North Carolina", "nc": "North Carolina", "n.d": "North Dakota",
        "nd": "North Dakota", "ohio": "Ohio", "oh": "Ohio", "okla": "Oklahoma", "ok": "Oklahoma", "ore": "Oregon",
        "or": "Oregon", "pa": "Pennsylvania", "r.i": "Rhode Island", "ri": "Rhode Island", "s.c": "South Carolina",
        "sc": "South Carolina", "s.d": "South Dakota", "sd": "South Dakota", "tenn": "Tennessee", "tn": "Tennessee",
        "tex": "Texas", "tx": "Texas", "utah": "Utah", "ut": "Utah", "vt": "Vermont", "va": "Virginia",
        "wash": "Washington", "wa": "Washington", "w.va": "West Virginia", "wv": "West Virginia", "wis": "Wisconsin",
        "wi": "Wisconsin", "wyo": "Wyoming", "wy": "Wyoming",
    ]
    /// Words that make a capitalised phrase a document, event or law rather than a named thing.
    static let notEntityWords: Set<String> = [
        "agreement", "treaty", "act", "accord", "accords", "dialogue", "talks", "summit", "war", "games",
        "olympics", "policy", "doctrine", "initiative", "plan", "strategy", "declaration", "convention",
        "protocol", "partnership", "conference", "election", "elections", "day", "week", "cup", "prize",
        "award", "law", "bill", "report", "paper", "exercise", "drill",
    ]
    /// Capitalised words that are no named thing standing alone (a generic
    /// institution, a feast, a section heading), though they may begin or end one.
    static let genericAlone: Set<String> = [
        "source", "sources", "church", "party", "basin", "media", "parliament", "bishops", "section", "budget",
        "action", "organizer", "organiser", "workplaces", "mps", "easter", "lent", "christmas", "ramadan", "advent",
        "government", "ministry", "department", "court", "police", "army", "navy", "state", "city", "council",
        "committee", "commission", "agency", "bureau", "office", "cabinet", "embassy", "republic",
        // religions and their scriptures and events, which are no named thing
        "islam", "christianity", "judaism", "buddhism", "hinduism", "sikhism", "shoah", "holocaust", "quran", "koran",
        "bible", "torah",
    ]
    /// Forms of government that name a state before "of" and its place ("Kingdom of Saudi Arabia",
    /// "Republic of Korea"): the whole is the place.
    static let stateForms: Set<String> = ["kingdom", "republic", "state", "commonwealth", "principality", "sultanate",
        "emirate", "duchy", "grand-duchy"]
    /// Bodies whose names go on with "on" and their remit ("Committee on Foreign Relations",
    /// "Commission on Human Rights").
    static let remitBodies: Set<String> = ["committee", "subcommittee", "commission", "council", "panel", "board", "taskforce"]
    /// Last words of natural features that news also names without them ("the Mediterranean Sea",
    /// "the Mediterranean").
    static let featureWords: Set<String> = ["sea", "ocean", "river", "desert", "strait", "straits", "mountains", "islands", "island"]
    /// Days and months, which a body meets "on" and which are no part of its name.
    static let calendarWords: Set<String> = weekdays.union(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])
    /// Days of the week: after a name they say when ("Congress Saturday"), never part of it (months
    /// are left alone: "May", "June" and "August" are names too).
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// The remit a title names after "of" ("Chief of Staff", "Secretary of State", "Chief of Defence Staff").
    static let titleRemits: Set<String> = ["staff", "state"]
    /// A firm's words after its name ("Sonova Group", "Citigroup Inc", "Al Jazeera Media Network"): the
    /// name alone is that firm.
    static let firmTails: [String] = ["group", "inc", "corp", "corporation", "ltd", "limited", "plc", "llc", "holdings",
        "co", "company", "media network", "media group", "network"]
    /// A firm's legal form written as an acronym at the end of its name ("HSBC Holdings PLC").
    static let legalForms: Set<String> = ["plc", "llc", "llp", "ltd", "inc", "ag", "sa", "nv", "bv", "gmbh", "spa", "lp", "asa", "ab"]
    /// Pronouns and articles, never the last word of a name ("China Daily He said", a lost stop between).
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "the", "a", "an"]
    /// Broadcasters whose possessive may stand before a programme's title ("CBS's Face the Nation").
    static let broadcasters: Set<String> = ["abc", "cbs", "nbc", "cnn", "fox", "bbc", "msnbc", "cnbc", "hbo", "itv", "pbs",
        "npr", "sky", "rté", "rte", "c-span", "espn"]
    /// Joining words allowed inside a name ("Ministry of Foreign Affairs").
    static let connectors: Set<String> = ["of", "for", "and", "the", "de", "du", "da", "van", "von", "der", "al", "bin"]

    /// Countries, regions and major cities, with the canonical name of each alias.
    static let places: [String: String] = {
        var m: [String: String] = [:]
        let canonical = [
            "Afghanistan", "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan",
            "Bahrain", "Bangladesh", "Belarus", "Belgium", "Bhutan", "Bolivia", "Bosnia", "Botswana", "Brazil", "Brunei",
            "Bulgaria", "Cambodia", "Cameroon", "Canada", "Chad", "Chile", "China", "Colombia", "Congo", "Croatia",
            "Cuba", "Cyprus", "Denmark", "Ecuador", "Egypt", "Estonia", "Ethiopia", "Fiji", "Finland", "France",
            "Georgia", "Germany", "Ghana", "Greece", "Guatemala", "Haiti", "Honduras", "Hungary", "Iceland", "India",
            "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan",
            "Kenya", "Kuwait", "Laos", "Latvia", "Lebanon", "Libya", "Lithuania", "Luxembourg", "Madagascar",
            "Malaysia", "Mali", "Malta", "Mexico", "Moldova", "Mongolia", "Morocco", "Mozambique", "Myanmar",
            "Nepal", "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Korea", "Norway", "Oman",
            "Pakistan", "Palau", "Panama", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
            "Romania", "Russia", "Rwanda", "Saudi Arabia", "Senegal", "Serbia", "Singapore", "Slovakia", "Slovenia",
            "Somalia", "South Africa", "South Korea", "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland",
            "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Tibet", "Tunisia", "Turkey", "Uganda",
            "Ukraine", "United Arab Emirates", "United Kingdom", "United States", "Uruguay", "Uzbekistan",
            "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe", "Holy See", "Vatican", "Hong Kong", "Macau",
            "Korea", "Soviet Union", "Palestine", "Gaza", "West Bank", "Gaza Strip", "Golan Heights", "Kosovo", "Greenland", "Scotland", "Wales", "England", "Crimea",
            // regions
            "Asia", "Europe", "Africa", "Oceania", "Antarctica", "Arctic", "Middle East", "Indo-Pacific",
            "Asia-Pacific", "Pacific", "Atlantic", "Southeast Asia", "East Asia", "South Asia", "Central Asia",
            "Latin America", "North America", "South America", "Eastern Europe", "Western Europe", "Balkans",
            "Caribbean", "Mediterranean", "Himalayas", "Siberia", "Xinjiang", "Hokkaido", "Okinawa", "Kyushu",
            "Honshu", "Shikoku", "Hainan", "Guangdong", "Fujian", "Sichuan", "Yunnan",
            // cities
            "Tokyo", "Beijing", "Taipei", "Shanghai", "Seoul", "Pyongyang", "Washington", "London", "Paris",
            "Berlin", "Moscow", "Kyiv", "Kiev", "Brussels", "Geneva", "Rome", "Madrid", "Vienna", "Warsaw",
            "New York", "Los Angeles", "San Francisco", "Chicago", "Boston", "Sydney", "Melbourne", "Canberra",
            "Delhi", "New Delhi", "Mumbai", "Bangkok", "Hanoi", "Manila", "Jakarta", "Kuala Lumpur", "Osaka",
            "Kyoto", "Yokohama", "Nagoya", "Kobe", "Sendai", "Hiroshima", "Nagasaki", "Fukuoka", "Kaohsiung",
            "Taichung", "Tainan", "Hsinchu", "Keelung", "Guangzhou", "Shenzhen", "Wuhan", "Nanjing", "Chongqing",
            "Tianjin", "Xiamen", "Kabul", "Tehran", "Baghdad", "Jerusalem", "Tel Aviv", "Cairo", "Istanbul",
            "Ankara", "Dubai", "Riyadh", "Doha", "Karachi", "Islamabad", "Dhaka", "Yangon", "Phnom Penh",
            "Ottawa", "Toronto", "Vancouver", "Mexico City", "Havana", "Lima", "Bogota", "Santiago", "Nairobi",
            "Lagos", "Johannesburg", "Cape Town", "Auckland", "Wellington", "Honolulu", "Guam", "Hawaii",
            "Alaska", "California", "Texas", "Florida", "Virginia", "Brasilia", "Buenos Aires", "Minsk",
            "Athens", "Lisbon", "Dublin", "Oslo", "Stockholm", "Helsinki", "Copenhagen", "Amsterdam", "Prague",
            "Budapest", "Bucharest", "Zurich", "Milan", "Munich", "Frankfurt", "Hamburg", "Strasbourg",
            "Damascus", "Aleppo", "Homs", "Idlib", "Raqqa", "Mosul", "Fallujah", "Basra", "Erbil", "Kirkuk",
            "Astana", "Almaty", "Tashkent", "Palmyra", "Benghazi", "Tripoli", "Sanaa", "Aden", "Mogadishu",
            "Khartoum", "Juba", "Addis Ababa", "Kinshasa", "Abuja", "Accra", "Dakar", "Algiers", "Tunis", "Rabat",
            "Beirut", "Amman", "Gaza City", "Ramallah", "Kandahar", "Herat", "Peshawar", "Lahore", "Kolkata",
            "Chennai", "Bangalore", "Hyderabad", "Colombo", "Kathmandu", "Ulaanbaatar", "Vladivostok",
            "St Petersburg", "Saint Petersburg", "Minneapolis", "Seattle", "Atlanta", "Miami", "Dallas", "Houston",
            "Philadelphia", "Detroit", "Denver", "Phoenix", "New Jersey", "Ohio", "Michigan", "Pennsylvania",
            "Kentucky", "Georgia", "Arizona", "Nevada", "Oregon", "Wisconsin", "Iowa", "Utah", "Colorado",
            "Massachusetts", "Maryland", "Tennessee", "Alabama", "Louisiana", "Missouri", "Indiana", "Illinois",
            "Minnesota", "Oklahoma", "Kansas", "Nebraska", "Montana", "Idaho", "Wyoming", "Vermont", "Maine",
            "Connecticut", "Delaware", "Mississippi", "Arkansas", "Carolina", "North Carolina", "South Carolina",
            "West Virginia", "North Dakota", "South Dakota", "New Mexico", "New Hampshire", "Rhode Island",
            "Oval Office", "Northern Ireland", "Catalonia", "Bavaria", "Quebec", "Ontario", "Punjab", "Kashmir", "Kurdistan",
            "New South Wales", "Queensland", "Tasmania", "Western Australia", "South Australia", "British Columbia",
        ]
        for c in canonical { m[c.lowercased()] = c }
        let aliases: [String: String] = [
            "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
            "america": "United States", "united states of america": "United States",
            "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
            "prc": "China", "people's republic of china": "China", "mainland china": "China",
            "republic of china": "Taiwan", "roc": "Taiwan", "formosa": "Taiwan",
            "burma": "Myanmar", "holland": "Netherlands", "uae": "United Arab Emirates",
            "dprk": "North Korea", "rok": "South Korea", "republic of korea": "South Korea",
            "d.c.": "Washington", "washington d.c.": "Washington", "washington dc": "Washington",
            "russian federation": "Russia", "islamic republic": "Iran", "islamic republic of iran": "Iran", "ussr": "Soviet Union", "u.s.s.r.": "Soviet Union",
        ]
        for (a, c) in aliases { m[a] = c; if a.hasSuffix(".") { m[String(a.dropLast())] = c } }
        return m
    }()

    /// News organisations and other organisations known by one word or an acronym.
    static let orgs: [String: String] = {
        var m: [String: String] = [:]
        for c in ["Reuters", "Newsweek", "Bloomberg", "Xinhua", "Kyodo", "Nikkei", "Yonhap", "Associated Press",
                  "Agence France-Presse", "BBC", "CNN", "NHK", "Al Jazeera", "Politico", "Axios", "Facebook", "Twitter",
                  "Google", "Apple", "Microsoft", "Amazon", "Huawei", "Toyota", "Sony", "Samsung", "NATO", "ASEAN",
                  "United Nations", "European Union", "World Health Organization", "Pentagon", "Kremlin",
                  "White House", "Congress", "Interpol", "OPEC", "IMF", "World Bank", "Quad", "Taliban", "Hamas",
                  "Hezbollah", "Kuomintang", "Getty Images",
                  // news agencies and broadcasters, well-known bodies and groups
                  "TASS", "Interfax", "RIA Novosti", "dpa", "Anadolu", "KCNA", "NTV", "ABC News", "NBC News", "CBS News",
                  "ABC", "CBS", "NBC", "MSNBC", "CNBC", "HBO", "ITV", "DW", "Deutsche Welle",
                  // parties and parliaments known by one name
                  "UKIP", "United Russia", "Oireachtas", "Fine Gael", "Fianna Fáil", "Sinn Féin", "Bundestag", "Knesset",
                  "Fox News", "Sky News", "RTÉ", "NPR", "PBS", "NASA", "GOP", "FBI", "CIA", "NSA", "Islamic State",
                  "al-Qaeda", "Boko Haram", "Red Cross", "Amnesty International", "Human Rights Watch", "Greenpeace",
                  "Instagram", "YouTube", "WhatsApp", "Reddit", "LinkedIn", "Tumblr", "Uber", "Tesla", "Boeing",
                  "Airbus", "Gazprom", "Rosneft", "Alibaba", "Tencent", "Baidu", "Netflix", "Walmart", "Unesco",
                  "Unicef", "Nasdaq", "SNP", "Tories", "House of Commons", "G20", "G7", "MI5", "MI6", "al-Shabaab",
                  "Digg", "Newsvine", "Pinterest", "Snapchat", "Flickr"] {
            m[c.lowercased()] = c
        }
        let aliases: [String: String] = [
            "ap": "Associated Press", "afp": "Agence France-Presse", "un": "United Nations", "u.n.": "United Nations",
            "eu": "European Union", "e.u.": "European Union", "who": "World Health Organization",
            "kmt": "Kuomintang", "getty": "Getty Images", "isis": "Islamic State", "isil": "Islamic State",
            "al qaeda": "al-Qaeda", "al shabaab": "al-Shabaab", "unesco": "Unesco", "unicef": "Unicef",
            "commons": "House of Commons", "lib dems": "Liberal Democrats", "lib dem": "Liberal Democrats",
            "islamic state of iraq and the levant": "Islamic State", "islamic state of iraq and syria": "Islamic State",
            "islamic state of iraq and al-sham": "Islamic State",
        ]
        for (a, c) in aliases { m[a] = c; if a.hasSuffix(".") { m[String(a.dropLast())] = c } }
        return m
    }()

    /// Nationality and group adjectives: capitalised but not names on their own.
    static let demonyms: Set<String> = [
        "japanese", "taiwanese", "chinese", "american", "americans", "asian", "european", "australian", "indian",
        "korean", "british", "french", "german", "russian", "ukrainian", "western", "eastern", "northern",
        "southern", "african", "arab", "israeli", "palestinian", "iranian", "iraqi", "afghan", "pakistani",
        "filipino", "vietnamese", "thai", "indonesian", "malaysian", "singaporean", "canadian", "mexican",
        "brazilian", "italian", "spanish", "dutch", "swedish", "polish", "turkish", "egyptian", "saudi",
        "russians", "syrian", "syrians", "iraqis", "afghans", "americans", "chinese", "europeans", "israelis",
        "palestinians", "kurdish", "kurds", "sunni", "shia", "shiite", "catalan", "scottish", "irish", "welsh",
        "communist", "democratic", "republican", "democrats", "republicans", "muslim", "christian", "catholic",
        "buddhist", "hindu", "jewish", "english", "latin", "nordic", "baltic", "pacific", "atlantic",
        "frenchman", "frenchmen", "englishman", "englishmen", "scot", "scots", "yemeni", "lebanese", "jordanian",
        "muslims", "christians", "catholics", "jews", "hindus", "vietnamese", "korean", "koreans", "japanese",
        "briton", "britons", "germans", "italians", "spaniards", "canadians", "australians", "mexicans", "indians",
    ]
    /// Compass words that make a region of a place ("North Korea", "West Pacific").
    static let compass: Set<String> = ["north", "south", "east", "west", "northern", "southern", "eastern", "western",
                                       "northeast", "northwest", "southeast", "southwest", "central", "upper", "lower"]

    /// Capitalised words that are not names: days, months, function words, common sentence openers.
    static let stop: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "for", "of", "by", "with", "from", "as",
        "if", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "our", "my", "your", "there", "here", "when", "where", "why", "how", "what", "who", "which",
        "while", "although", "though", "after", "before", "since", "until", "during", "also", "still", "yet",
        "however", "meanwhile", "both", "each", "every", "all", "some", "many", "most", "more", "no", "not",
        "one", "two", "three", "first", "second", "third", "last", "next", "new", "other", "another", "such",
        "so", "then", "than", "like", "unlike", "despite", "amid", "among", "about", "over", "under", "into",
        "following", "given", "whether", "because", "even", "just", "only", "now", "today", "tomorrow",
        "yesterday", "currently", "overt", "top", "file", "photo", "updated", "read", "more", "related",
        "l", "r", "c", "(l)", "class", "ok", "okay", "yes", "mr.", "st", "according", "additional", "please", "click",
        "chinese", "japanese", "government", "state", "national", "international", "federal", "ruling",
        "opposition", "official", "officials", "experts", "observers", "details", "security", "cabinet",
        "north", "south", "east", "west", "central", "amid", "billed", "growing", "upgrading", "with", "without",
        "against", "between", "through", "amongst", "toward", "towards", "via", "per", "around", "across", "near",
    ]
}
