import Foundation

/// Why a corpus could not be loaded at all (the CLI exits 66 on it).
public enum CorpusLoadError: Error, CustomStringConvertible, Equatable {
    /// A path given does not exist.
    case notFound(String)
    /// A path given exists but cannot be read: the path and the reason.
    case unreadable(String, String)
    /// Nothing loaded from the paths given (description of what was tried and why).
    case empty(String)
    /// The built-in sample could not be found.
    case sampleMissing
    /// Ctrl-C while loading (after `done` of `total` files).
    case cancelled(done: Int, total: Int)

    public var description: String {
        switch self {
        case let .notFound(p): return "\(p): no such file or directory"
        case let .unreadable(p, why): return "\(p): cannot be read: \(why)"
        case let .empty(what): return "no articles loaded from \(what)"
        case .sampleMissing: return "the built-in sample corpus is missing (set NEWSQ_SAMPLE_DIR)"
        case let .cancelled(done, total): return "loading was cancelled (Ctrl-C) " + Self.stoppedAt(done: done, total: total)
        }
    }

    /// Where a cancelled load stopped, as a phrase: inside the one file,
    /// between files, or while indexing what all files gave.
    public static func stoppedAt(done: Int, total: Int) -> String {
        if done >= total { return "while indexing the articles read" }
        if total == 1 { return "while reading the file" }
        if done == 0 { return "while reading the first of \(total) files" }
        return "after \(done) of \(total) files"
    }
}

/// Loads corpora from files and folders, and the built-in sample.
///
/// Formats: a folder (recursively: `.txt`, `.md`, `.json`, `.jsonl`, `.csv`,
/// `.tsv`, sorted by path; a `manifest.json` in a folder gives metadata for the
/// text files beside it), a `.txt`/`.md` file (id = file stem; `.md` may start
/// with `---` front matter and a `# Heading`), a `.jsonl`/`.json` file of
/// records, a `.csv`/`.tsv` file with a header line. Problems with one file or
/// record are warnings naming it (`file` or `file:line`); the rest loads.
public enum CorpusLoader {
    static let extensions: Set<String> = ["txt", "md", "json", "jsonl", "csv", "tsv"]

    /// The built-in sample: the package resource folder, or `$NEWSQ_SAMPLE_DIR`.
    public static func loadSample() throws -> Corpus {
        let fm = FileManager.default
        var dirs: [String] = []
        if let url = Bundle.module.url(forResource: "sample", withExtension: nil) { dirs.append(url.path) }
        if let env = ProcessInfo.processInfo.environment["NEWSQ_SAMPLE_DIR"], !env.isEmpty { dirs.append(env) }
        guard let dir = dirs.first(where: { var d: ObjCBool = false; return fm.fileExists(atPath: $0, isDirectory: &d) && d.boolValue }) else {
            throw CorpusLoadError.sampleMissing
        }
        return try load(paths: [dir], name: "built-in sample")
    }

    /// A corpus with no articles: what a session has when its first load was
    /// cancelled, until `.load` brings one.
    public static func empty() -> Corpus {
        CorpusBuilder().build(warnings: [], name: "nothing loaded", started: now())!
    }

    /// Loads files and folders. `progress` hears how far the load has come:
    /// bytes of the files read, then bytes of text indexed (`LoadProgress`).
    /// `shouldStop` is asked every few hundred records or articles, inside a
    /// file as between files; when it says so the load ends with `.cancelled`.
    public static func load(paths: [String], progress: ((LoadProgress) -> Void)? = nil,
                            shouldStop: (() -> Bool)? = nil) throws -> Corpus {
        try load(paths: paths, name: paths.joined(separator: " "), progress: progress, shouldStop: shouldStop)
    }

    static func load(paths: [String], name: String, progress: ((LoadProgress) -> Void)? = nil,
                     shouldStop: (() -> Bool)? = nil) throws -> Corpus {
        let started = now()
        let monitor = LoadMonitor(report: progress, shouldStop: shouldStop)
        var files: [(path: String, manifest: Manifest?, relative: String, idPath: String?)] = []
        var warnings: [LoadWarning] = []
        for p in paths {
            let found = try collect(p, &warnings)
            files.append(contentsOf: found)
        }
        let sizes = files.map { fileSize($0.path) }
        monitor.begin(.reading, total: sizes.reduce(0, +))
        let builder = CorpusBuilder()
        for (i, f) in files.enumerated() {
            if monitor.shouldStop { throw CorpusLoadError.cancelled(done: i, total: files.count) }
            monitor.reading(f.path)
            let advanced = load(file: f.path, relative: f.relative, idPath: f.idPath, manifest: f.manifest, into: builder, &warnings,
                                monitor: monitor)
            // a file read part way was stopped inside: it counts as not done
            if monitor.hasStopped { throw CorpusLoadError.cancelled(done: i, total: files.count) }
            monitor.advance(sizes[i] - advanced)
        }
        guard !builder.articles.isEmpty else {
            let why = warnings.isEmpty ? "" : " (" + warnings.map(\.description).joined(separator: "; ") + ")"
            throw CorpusLoadError.empty(paths.joined(separator: ", ") + why)
        }
        guard let corpus = builder.build(warnings: warnings + builder.idWarnings, name: name, started: started, monitor: monitor) else {
            throw CorpusLoadError.cancelled(done: files.count, total: files.count)
        }
        if builder.titleOnly > 0 {
            let n = builder.titleOnly
            corpus.notes.append("\(n) \(n == 1 ? "record has" : "records have") a title and no body: \(n == 1 ? "it loads" : "they load") as the headline alone")
        }
        if builder.folderSources > 0 {
            let n = builder.folderSources
            corpus.notes.append("\(n) \(n == 1 ? "article has" : "articles have") no source of \(n == 1 ? "its" : "their") own: the name of the folder \(n == 1 ? "it is" : "they are") in is used")
        }
        return corpus
    }

    /// The loadable files under a path, with the manifest that applies to each.
    /// Folders are walked recursively in path order; symbolic links to folders
    /// are followed once (a folder already visited, by its real path, is skipped,
    /// so link loops end); hidden files and folders are skipped.
    static func collect(_ path: String, _ warnings: inout [LoadWarning]) throws -> [(path: String, manifest: Manifest?, relative: String, idPath: String?)] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw CorpusLoadError.notFound(path) }
        guard fm.isReadableFile(atPath: path) else { throw CorpusLoadError.unreadable(path, "permission denied") }
        guard isDir.boolValue else {
            // A device (/dev/zero) would never end; a pipe (`newsq <(cmd)`) does, so it may load.
            var st = stat()
            if stat(path, &st) == 0, [S_IFCHR, S_IFBLK, S_IFSOCK].contains(st.st_mode & S_IFMT) {
                throw CorpusLoadError.unreadable(path, "not a regular file (a device or socket)")
            }
            let name = (path as NSString).lastPathComponent
            return [(path, nil, name, nil)]
        }
        var out: [(path: String, manifest: Manifest?, relative: String, idPath: String?)] = []
        var visited = Set<String>()
        walk(path, root: path, &visited, &out, &warnings)
        if out.isEmpty && visited.count == 1, (try? fm.contentsOfDirectory(atPath: path)) == nil {
            throw CorpusLoadError.unreadable(path, "cannot list the folder")
        }
        return out
    }

    /// Adds the loadable files of one folder (then its subfolders) to `out`.
    static func walk(_ dir: String, root: String, _ visited: inout Set<String>, _ out: inout [(path: String, manifest: Manifest?, relative: String, idPath: String?)],
                     _ warnings: inout [LoadWarning]) {
        let fm = FileManager.default
        let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
            warnings.append(LoadWarning(.skippedFile, path: dir, reason: "folder cannot be listed (permission denied?)"))
            return
        }
        var manifest: Manifest?
        if names.contains("manifest.json") {
            let mp = dir + "/manifest.json"
            do { manifest = try Manifest(contentsOf: URL(fileURLWithPath: mp)) } catch {
                warnings.append(LoadWarning(.manifestProblem, path: mp, reason: "manifest not used: \(error)"))
            }
        }
        var subdirs: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") && name != "manifest.json" {
            let full = dir + "/" + name
            var d: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &d) else {
                warnings.append(LoadWarning(.skippedFile, path: full, reason: "broken symbolic link")); continue
            }
            if d.boolValue { subdirs.append(full); continue }
            let ext = (name as NSString).pathExtension.lowercased()
            // A pipe or device in a folder would block the load or never end: skip it.
            var st = stat()
            if stat(full, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG {
                if extensions.contains(ext) {
                    warnings.append(LoadWarning(.skippedFile, path: full, reason: "not a regular file (a pipe or device); skipped"))
                }
                continue
            }
            if extensions.contains(ext) {
                // the id: the path under the folder loaded, without its extension ("guardian/001")
                let under = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : name
                out.append((full, manifest, name, (under as NSString).deletingPathExtension))
            }
        }
        if let m = manifest {
            for file in m.entries.keys.sorted() where !names.contains(file) {
                warnings.append(LoadWarning(.manifestProblem, path: dir + "/manifest.json", reason: "lists \(file), which is not in the folder"))
            }
        }
        for sub in subdirs { walk(sub, root: root, &visited, &out, &warnings) }
    }

    /// The size of a regular file in bytes (0 for a pipe or what cannot be read).
    static func fileSize(_ path: String) -> Int {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(st.st_size)
    }

    /// Loads one file into the builder; its problems become warnings. Returns
    /// the bytes it reported to `monitor` itself (a JSON Lines file reports as
    /// it goes, and stops part way when the monitor says so).
    @discardableResult
    static func load(file: String, relative: String, idPath: String? = nil, manifest: Manifest?, into builder: CorpusBuilder,
                     _ warnings: inout [LoadWarning], monitor: LoadMonitor? = nil) -> Int {
        let ext = (file as NSString).pathExtension.lowercased()
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        // in a subfolder: ids start with its path, and its first folder names the source when a file has none
        let folder = idPath.flatMap { p -> String? in
            let parts = p.split(separator: "/")
            return parts.count > 1 ? String(parts[0]) : nil
        }
        // a device or socket never ends (a pipe named on the command line does; folders skip pipes)
        var st = stat()
        if stat(file, &st) == 0, [S_IFCHR, S_IFBLK, S_IFSOCK].contains(st.st_mode & S_IFMT) {
            warnings.append(LoadWarning(.skippedFile, path: file, reason: "not a regular file (a device or socket); skipped")); return 0
        }
        guard FileManager.default.isReadableFile(atPath: file), let data = FileManager.default.contents(atPath: file) else {
            warnings.append(LoadWarning(.skippedFile, path: file, reason: "cannot be read (permission denied or not a regular file)")); return 0
        }
        // JSON Lines is read on its bytes: only checked here, not kept as a String.
        guard ext == "jsonl" ? isValidUTF8(data) : true, let text = ext == "jsonl" ? "" : decodeUTF8(data) else {
            warnings.append(LoadWarning(.notUTF8, path: file, reason: "not valid UTF-8 (\(utf8ErrorHint(data)))")); return 0
        }
        var records: ([Article], [LoadWarning])?
        var reported = 0
        switch ext {
        case "jsonl":
            records = RecordReader.jsonl(data, path: file, stem: stem, monitor: monitor)
            reported = monitor == nil ? 0 : data.count
        case "json": records = RecordReader.json(Data(text.utf8), path: file, stem: stem)
        case "csv": records = DelimitedReader.articles(Array(text.utf8), separator: 0x2C, path: file, stem: stem)
        case "tsv": records = DelimitedReader.articles(Array(text.utf8), separator: 0x09, path: file, stem: stem)
        case "txt", "md":
            let entry = manifest?.entries[relative]
            var body = text
            var meta = FrontMatter.Fields()
            if ext == "md" || text.hasPrefix("---") {
                switch FrontMatter.split(text) {
                case .none: break
                case let .some(fields, rest): meta = fields; body = rest
                case let .unterminated(line):
                    warnings.append(LoadWarning(.malformedRecord, path: "\(file):\(line)", reason: "front matter is never closed with ---; read as text"))
                }
            }
            guard body.contains(where: { !$0.isWhitespace }) else {
                warnings.append(LoadWarning(.nothingToRead, path: file, reason: data.isEmpty ? "empty file" : "no body text")); return 0
            }
            var hint = entry?.headline ?? .detect
            if case .detect = hint, let t = meta["title"] { hint = .given(t) }
            if case .detect = hint, ext == "md", let h = FrontMatter.markdownHeading(body) { hint = .given(h) }
            let dateText = meta["date"]
            let date = entry?.date ?? dateText.flatMap(DateParser.parse)
            if let d = dateText, date == nil {
                warnings.append(LoadWarning(.dateNotUnderstood, path: file, reason: "date not understood: \(d)"))
            }
            let source = entry?.source ?? meta["source"] ?? folder
            if source != nil, source == folder { builder.folderSources += 1 }
            let a = Article(id: entry?.id ?? meta["id"] ?? idPath ?? stem, title: nil, source: source, date: date,
                            author: entry?.author ?? meta["author"], url: entry?.url ?? meta["url"], text: body, bodyRange: 0..<body.utf8.count,
                            origin: file, provenance: entry?.provenance)
            builder.add(a, hint: hint)
        default:
            warnings.append(LoadWarning(.skippedFile, path: file, reason: "unsupported format (use .txt, .md, .json, .jsonl, .csv or .tsv)"))
        }
        if let (arts, ws) = records {
            warnings += ws
            if arts.isEmpty && ws.isEmpty { warnings.append(LoadWarning(.nothingToRead, path: file, reason: "no records")) }
            for var a in arts {
                if let p = a.provenance, p.hasPrefix("date not understood") { warnings.append(LoadWarning(.dateNotUnderstood, path: a.origin, reason: p)) }
                if a.source == nil, let folder { a.source = folder; builder.folderSources += 1 }
                if a.text.isEmpty { builder.titleOnly += 1 }
                builder.add(a, hint: recordHint(a))
            }
        }
        return reported
    }

    /// A record's title is looked for as the body's first line (and cut from
    /// the body) only when that line is about as long as the title; otherwise
    /// (cheap on big files) the title is put in front of the body, as its
    /// headline paragraph.
    static func recordHint(_ a: Article) -> TextLayout.HeadlineHint {
        guard let title = a.title else { return .none }
        let limit = title.utf8.count * 2 + 16
        var n = 0
        for b in a.text.utf8 {
            if b == 0x0A { break }
            n += 1
            if n > limit { return .absent(title) }
        }
        return a.text.isEmpty ? .absent(title) : .given(title)
    }

    /// Where the first invalid UTF-8 byte is, for the warning.
    static func utf8ErrorHint(_ data: Data) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return "it is UTF-16; save it as UTF-8" }
        var it = data.makeIterator()
        var decoder = UTF8()
        var offset = 0, line = 1
        while true {
            switch decoder.decode(&it) {
            case let .scalarValue(v):
                if v == "\n" { line += 1 }
                offset += UTF8.width(v)
            case .emptyInput: return "invalid bytes"
            case .error:
                let b = offset < data.count ? data[data.startIndex + offset] : 0
                let hex = String(b, radix: 16, uppercase: true)
                return "bad byte 0x\(hex.count == 1 ? "0" + hex : hex) on line \(line); perhaps Latin-1 or Windows-1252"
            }
        }
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    /// The text of UTF-8 bytes (a BOM dropped), or nil when they are not valid UTF-8.
    static func decodeUTF8(_ data: Data) -> String? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        }
    }

    /// Whether the bytes are UTF-8 (a BOM allowed), without keeping a copy.
    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            // ASCII runs are skipped eight bytes at a time; the rest is decoded.
            var i = start
            while i < bytes.count {
                if i + 8 <= bytes.count, UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8; continue
                }
                let b = bytes[i]
                if b < 0x80 { i += 1; continue }
                let n: Int, minimum: UInt32
                switch b {
                case 0xC2...0xDF: n = 1; minimum = 0x80
                case 0xE0...0xEF: n = 2; minimum = 0x800
                case 0xF0...0xF4: n = 3; minimum = 0x10000
                default: return false
                }
                guard i + n < bytes.count else { return false }
                var scalar = UInt32(b) & (n == 1 ? 0x1F : n == 2 ? 0x0F : 0x07)
                for k in 1...n {
                    let c = bytes[i + k]
                    guard c & 0xC0 == 0x80 else { return false }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
                i += n + 1
            }
            return true
        }
    }
}
