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
        case let .cancelled(done, total): return "loading was cancelled (Ctrl-C) after \(done) of \(total) files"
        }
    }
}

/// Loads corpora from files and folders, and the built-in sample.
///
/// Formats: a folder (recursively: `.txt`, `.md`, `.json`, `.jsonl`, sorted by
/// path; a `manifest.json` in a folder gives metadata for the text files beside
/// it), a `.txt`/`.md` file (id = file stem), a `.jsonl` or `.json` file of
/// records. Problems with one file or record are warnings; the rest loads.
public enum CorpusLoader {
    static let extensions: Set<String> = ["txt", "md", "json", "jsonl"]

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

    /// Loads files and folders; `progress(done, total)` is called after each file.
    /// `shouldStop` is asked between files; when it says so the load ends with `.cancelled`.
    public static func load(paths: [String], progress: ((Int, Int) -> Void)? = nil,
                            shouldStop: (() -> Bool)? = nil) throws -> Corpus {
        try load(paths: paths, name: paths.joined(separator: " "), progress: progress, shouldStop: shouldStop)
    }

    static func load(paths: [String], name: String, progress: ((Int, Int) -> Void)? = nil,
                     shouldStop: (() -> Bool)? = nil) throws -> Corpus {
        let started = now()
        var files: [(path: String, manifest: Manifest?, relative: String)] = []
        var warnings: [LoadWarning] = []
        for p in paths {
            let found = try collect(p, &warnings)
            files.append(contentsOf: found)
        }
        let builder = CorpusBuilder()
        for (i, f) in files.enumerated() {
            if let shouldStop, shouldStop() { throw CorpusLoadError.cancelled(done: i, total: files.count) }
            load(file: f.path, relative: f.relative, manifest: f.manifest, into: builder, &warnings)
            progress?(i + 1, files.count)
        }
        guard !builder.articles.isEmpty else {
            let why = warnings.isEmpty ? "" : " (" + warnings.map(\.description).joined(separator: "; ") + ")"
            throw CorpusLoadError.empty(paths.joined(separator: ", ") + why)
        }
        return builder.build(warnings: warnings, name: name, started: started)
    }

    /// The loadable files under a path, with the manifest that applies to each.
    static func collect(_ path: String, _ warnings: inout [LoadWarning]) throws -> [(path: String, manifest: Manifest?, relative: String)] {
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
            return [(path, nil, name)]
        }
        let root = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var manifests: [String: Manifest] = [:]
        guard let walker = fm.enumerator(atPath: root.path) else { throw CorpusLoadError.unreadable(path, "cannot list the folder") }
        var rels: [String] = []
        while let rel = walker.nextObject() as? String {
            let full = root.appendingPathComponent(rel).path
            var d: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &d), !d.boolValue else { continue }
            let last = (rel as NSString).lastPathComponent
            // A pipe or device in a folder would block the load or never end: skip it.
            var st = stat()
            if stat(full, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG {
                if extensions.contains((last as NSString).pathExtension.lowercased()) {
                    warnings.append(LoadWarning(path: full, reason: "not a regular file (a pipe or device); skipped"))
                }
                continue
            }
            if last == "manifest.json" {
                let dir = (rel as NSString).deletingLastPathComponent
                do { manifests[dir] = try Manifest(contentsOf: URL(fileURLWithPath: full)) } catch {
                    warnings.append(LoadWarning(path: full, reason: "manifest not used: \(error)"))
                }
                continue
            }
            if last.hasPrefix(".") { continue }
            if extensions.contains((last as NSString).pathExtension.lowercased()) { rels.append(rel) }
        }
        return rels.sorted().map { rel in
            let dir = (rel as NSString).deletingLastPathComponent
            return (root.appendingPathComponent(rel).path, manifests[dir], (rel as NSString).lastPathComponent)
        }
    }

    /// Loads one file into the builder; its problems become warnings.
    static func load(file: String, relative: String, manifest: Manifest?, into builder: CorpusBuilder, _ warnings: inout [LoadWarning]) {
        let ext = (file as NSString).pathExtension.lowercased()
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let data = FileManager.default.contents(atPath: file) else {
            warnings.append(LoadWarning(path: file, reason: "cannot be read")); return
        }
        guard let text = decodeUTF8(data) else {
            warnings.append(LoadWarning(path: file, reason: "not valid UTF-8")); return
        }
        switch ext {
        case "jsonl":
            let (arts, ws) = RecordReader.jsonl(text, path: file, stem: stem)
            warnings += ws
            for a in arts { builder.add(a, hint: .none) }
        case "json":
            let (arts, ws) = RecordReader.json(data, path: file, stem: stem)
            warnings += ws
            for a in arts { builder.add(a, hint: .none) }
        case "txt", "md":
            guard text.contains(where: { !$0.isWhitespace }) else {
                warnings.append(LoadWarning(path: file, reason: "no text")); return
            }
            let entry = manifest?.entries[relative]
            let a = Article(id: entry?.id ?? stem, title: nil, source: entry?.source, date: entry?.date,
                            author: entry?.author, url: entry?.url, text: text, bodyRange: 0..<text.utf8.count,
                            origin: file, provenance: entry?.provenance)
            builder.add(a, hint: entry?.headline ?? .detect)
        default:
            warnings.append(LoadWarning(path: file, reason: "unsupported format (use .txt, .md, .json or .jsonl)"))
        }
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    /// The text of UTF-8 bytes (a BOM dropped), or nil when they are not valid UTF-8.
    static func decodeUTF8(_ data: Data) -> String? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(validating: bytes, as: UTF8.self)
    }
}
