// The words of citation styles the reader knows: name particles, words that make a name a
// body's (institute, ministry, office…), month names, platform names and the markers of
// reports, datasets and legal texts, in English, French, German, Spanish and Italian. These
// are conventions of bibliographies in general; no list here names one report's sources.

/// Word lists of the citation reader, as byte strings for lookups without `String`.
enum CiteVocabulary {
    static func set(_ words: [String]) -> Set<[UInt8]> { Set(words.map { Array($0.utf8) }) }

    /// Lowercase words that belong to a family name ("van", "de la", "al").
    static let particles = set(["van", "von", "de", "der", "den", "del", "della", "delle", "dei", "degli", "di", "da",
                                "das", "dos", "do", "du", "des", "la", "le", "ter", "ten", "te", "zu", "zur", "vom",
                                "bin", "ibn", "ben", "bint", "al", "el", "abu", "st.", "mac", "d'", "dell'", "van't"])

    /// Words that make a name a body's, not a person's.
    static let bodyWords = set([
        "Organization", "Organisation", "Organización", "Organizzazione", "Organisation", "Office", "Bureau", "Institute",
        "Institut", "Instituto", "Istituto", "Ministry", "Ministère", "Ministerio", "Ministero", "Ministerium",
        "Bundesministerium", "Department", "Departement", "Département", "Agency", "Agence", "Agencia", "Agenzia",
        "Bank", "Banque", "Banco", "Bundesbank", "Council", "Conseil", "Consejo", "Consiglio", "Commission",
        "Comisión", "Commissione", "Kommission", "Committee", "Comité", "Comitato", "Ausschuss", "Group", "Groupe",
        "Grupo", "Gruppo", "Watch", "International", "Internacional", "Internazionale", "Foundation", "Fondation",
        "Fundación", "Fondazione", "Stiftung", "Association", "Asociación", "Associazione", "Verband", "Verein",
        "Fund", "Fonds", "Fondo", "Programme", "Program", "Programa", "Nations", "Union", "Unión", "Unione", "Forum",
        "Network", "Réseau", "Society", "Société", "Sociedad", "Società", "Gesellschaft", "Service", "Services",
        "Servicio", "Servizio", "Court", "Cour", "Tribunal", "Tribunale", "Gericht", "Bundesverfassungsgericht",
        "Parliament", "Parlement", "Parlamento", "Bundestag", "Government", "Gouvernement", "Gobierno", "Governo",
        "Regierung", "Bundesregierung", "Police", "Polizei", "Policía", "Polizia", "Corporation", "Corp.", "Inc.",
        "Ltd", "Ltd.", "GmbH", "AG", "S.A.", "S.p.A.", "Company", "Authority", "Autorité", "Autoridad", "Autorità",
        "Behörde", "Bundesamt", "Amt", "Secretariat", "Secretaría", "Segreteria", "Centre", "Center", "Centro",
        "Zentrum", "University", "Université", "Universidad", "Università", "Universität", "College", "School",
        "Academy", "Académie", "Akademie", "Accademia", "Academia", "Board", "Federation", "Fédération", "Federación",
        "Federazione", "Coalition", "Alliance", "Partnership", "Trust", "Initiative", "Project", "Movement",
        "Party", "Parti", "Partido", "Partito", "Partei", "Army", "Armée", "Ejército", "Esercito", "Forces",
        "Mission", "Observatory", "Observatoire", "Observatorio", "Osservatorio", "Statistics", "Statistik",
        "Statistique", "Estadística", "Assembly", "Assemblée", "Asamblea", "Assemblea", "Senate", "Sénat", "Senado",
        "Senato", "Congress", "Rights", "Crisis", "Health", "Affairs", "Ombudsman", "Defensoría", "Council",
        "Secretary-General", "Laboratory", "Survey", "Relief", "Aid", "Coalition", "Collective", "Consortium",
        "Regional", "National", "Nacional", "Nazionale", "Federal", "Europe", "European", "Européenne", "Europea",
        "Europäische", "Agenda", "Census", "Unit", "Task", "Panel", "Platform", "Cooperation", "Development",
        "Environment", "Environmental", "Protection", "Research", "Studies", "Affairs", "Security", "Ministries",
        "Médecins", "Oxfam", "Amnesty", "Greenpeace", "UNESCO", "Caritas", "Eurostat", "Istat", "Destatis",
        "Insee", "INSEE", "Bundesagentur", "Landesamt", "Kommune", "Comune", "Ayuntamiento", "Ville", "City",
        "County", "State", "Republic", "République", "República", "Repubblica", "Republik", "Kingdom", "Ministries",
        "Press", "House", "Global", "World", "Asia", "Africa", "America", "Americas", "Pacific", "Arab", "Media",
        "News", "Times", "Post", "Daily", "Herald", "Tribune", "Gazette", "Radio", "Television", "TV",
        "Broadcasting", "Economist", "Journal", "Magazine", "Clinic", "Hospital", "Staff", "Editors", "Team",
        "Desk", "Reporters", "Correspondents", "Institution", "Sanità", "Santé", "Salud", "Gesundheit",
    ])

    /// Lowercase words that may join the words of a body's name.
    static let bodyConnectors = set(["of", "for", "on", "the", "and", "de", "du", "des", "la", "le", "les", "für",
                                     "der", "die", "das", "del", "della", "dello", "degli", "per", "pour", "y", "e",
                                     "et", "und", "in", "to", "against", "en", "d'", "l'", "dei", "des", "del", "di", "da",
                                     "publique", "pública", "pubblica", "générale", "général", "supérieur",
                                     "nationale", "sociale", "social", "sociales", "política", "politica"])

    /// Capitalised words that start a sentence of commentary or a lead-in, never a name.
    static let leadWords = set(["The", "In", "See", "As", "According", "For", "By", "From", "Also", "This", "These",
                                "Cf.", "Cf", "Vgl.", "Voir", "Siehe", "Ver", "Véase", "Vedi", "Cfr.", "E.g.", "Eg.",
                                "On", "And", "But", "We", "It", "Our", "Their", "His", "Her", "When", "While", "After",
                                "Before", "Since", "Some", "Many", "Most", "All", "That", "Those", "Here", "There",
                                "However", "Yet", "Thus", "Also,", "Quoted", "Cited", "Source:", "Sources:", "Note:",
                                "Translated", "Reported", "Published", "Available", "Accessed", "Retrieved", "Interview",
                                "Interviews", "Video", "Photo", "Post", "Tweet", "Statement", "Press", "Report",
                                "Ibid.", "Ibid", "Idem", "Op.", "Loc.", "Supra", "Infra", "Note", "Notes", "Chapter",
                                "Section", "Table", "Figure", "Annex", "Appendix", "Page", "Vol.", "No.", "Ed.",
                                "Eds.", "Trans.", "Rev.", "Repr.", "Part", "Book", "Letter", "Email", "Personal",
                                "Unpublished", "Forthcoming", "Online", "Web", "Website", "Dataset", "Data", "Law",
                                "Act", "Article", "Art.", "Regulation", "Directive", "Decree", "Loi", "Gesetz", "Ley",
                                "Legge", "Decreto", "Constitution", "Treaty", "Convention", "Resolution", "Case",
                                "Judgment", "Judgement", "Decision", "Order", "Bill", "Code"])

    /// Month names and abbreviations in the five languages, lowercased, with their number.
    static let months: [[UInt8]: Int] = {
        let table: [(String, Int)] = [
            ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
            ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
            ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
            ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
            ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
            ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
            ("décembre", 12), ("decembre", 12),
            ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("juni", 6), ("juli", 7), ("oktober", 10),
            ("dezember", 12),
            ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
            ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
            ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7),
            ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
        ]
        return Dictionary(table.map { (Array($0.0.utf8), $0.1) }, uniquingKeysWith: { a, _ in a })
    }()

    /// Social platforms by a part of the address.
    static let platformAddresses: [([UInt8], String)] = platforms.prefix(16).map { (Array($0.0.utf8), $0.1) }
    /// Social platforms by a word of the note.
    static let platformWords: [([UInt8], String)] = platforms.dropFirst(16).map { (Array($0.0.utf8), $0.1) }

    static let platforms: [(String, String)] = [
        ("twitter.com", "Twitter"), ("x.com/", "X"), ("facebook.com", "Facebook"), ("fb.watch", "Facebook"),
        ("youtube.com", "YouTube"), ("youtu.be", "YouTube"), ("t.me/", "Telegram"), ("instagram.com", "Instagram"),
        ("tiktok.com", "TikTok"), ("linkedin.com", "LinkedIn"), ("mastodon", "Mastodon"), ("bsky.app", "Bluesky"),
        ("weibo.com", "Weibo"), ("vk.com", "VK"), ("reddit.com", "Reddit"), ("threads.net", "Threads"),
        ("Twitter", "Twitter"), ("Facebook", "Facebook"), ("YouTube", "YouTube"), ("Youtube", "YouTube"),
        ("Telegram", "Telegram"), ("Instagram", "Instagram"), ("TikTok", "TikTok"), ("LinkedIn", "LinkedIn"),
        ("Mastodon", "Mastodon"), ("Bluesky", "Bluesky"), ("Weibo", "Weibo"), ("Reddit", "Reddit"),
    ]

    /// Words that, with a platform, make a citation a post.
    static let postWords: [StaticString] = ["post", "tweet", "video", "status", "thread", "message", "channel",
                                             "livestream", "live stream", "story", "reel", "page", "Tweet", "Post",
                                             "Video", "Status", "Thread", "Message", "debate", "Debate",
                                             "meeting", "Meeting", "group", "Group", "webinar", "broadcast",
                                             "discussion", "live", "Live"]

    /// Markers of a report of an agency, a think tank or an NGO.
    static let reportWords: [StaticString] = ["Report", "Working Paper", "working paper", "Policy Brief",
                                               "policy brief", "Research Paper", "Discussion Paper", "Briefing",
                                               "Technical Report", "Occasional Paper", "White Paper",
                                               "white paper", "Rapport", "rapport", "Bericht", "Informe", "informe",
                                               "Rapporto", "rapporto", "Arbeitspapier", "Documento de trabajo",
                                               "Policy Paper", "Issue Brief", "Fact sheet", "Factsheet",
                                               "Press release", "press release", "Communiqué", "Pressemitteilung",
                                               "Comunicado", "Comunicato", "Annual Review", "Strategy", "Guidelines",
                                               "guidelines", "Note de", "Studie", "Monitoring"]

    /// Markers of a dataset.
    static let datasetWords: [StaticString] = ["[dataset]", "[Dataset]", "[Data set]", "[data set]", "Dataset",
                                                "dataset", "Data set", "data set", "Database", "database", "[Data]",
                                                "Datensatz", "jeu de données", "Jeu de données", "conjunto de datos",
                                                "zenodo.", "figshare.", "dataverse", "kaggle.com", "data.world",
                                                "Data Portal", "Indicators", "Version ", "[data file]", "Microdata",
                                                "microdata", "Codebook"]

    /// Markers of a legal text.
    static let legalWords: [StaticString] = [" v. ", " v ", " vs. ", "Regulation (EU)", "Regulation (EC)", "Directive ",
                                              "Law No", "Law no", "Act ", " Act,", " Act.", " Act of", "Act,",
                                              "U.S.C.", "U.S. ", "S. Ct.", "F.3d", "F.2d", "F. Supp", "All ER", "AC ",
                                              "UKSC", "EWCA", "ECLI:", "BGBl", "BVerfGE", "Loi n", "loi n", "Décret",
                                              "Code civil", "Code pénal", "Journal officiel", "JORF", "Gesetz",
                                              "Verordnung", "Ley ", "Ley Orgánica", "BOE", "Real Decreto",
                                              "Decreto", "Legge ", "legge n", "Gazzetta Ufficiale", "D.Lgs",
                                              "Constitution of", "Constitución", "Costituzione", "Grundgesetz",
                                              "Treaty", "Convention on", "Convention for", "S/RES/", "A/RES/",
                                              "Resolution ", "Official Journal", "Cass.", "Cons. Stato", "Conseil d'État",
                                              "Cour de cassation", "Urteil", "Beschluss", "Sentencia", "Sentenza",
                                              "Statute", "Ordinance", "Bill ", "ECHR", "App. no", "Application no"]

    /// The lists above as tables looked up by first byte (one pass over a note for "does any occur").
    static let postTable = CitePhrases(postWords)
    static let reportTable = CitePhrases(reportWords)
    static let datasetTable = CitePhrases(datasetWords)
    static let legalTable = CitePhrases(legalWords)
}
