import NewsQuery

#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Where a learner is in the tutorials, kept between sessions in
/// `~/.newsq_tutorial` (`$HOME` honoured). A small text file, one fact a line,
/// fields separated by tabs:
///
///     # newsq tutorial progress (.tutorial reset clears it)
///     at	built-in	02-kwic	2
///     done	built-in	01-searching	3
///
/// `at SET LESSON TASK`: the lesson and task (from 1) the learner is on.
/// `done SET LESSON N`: the first N tasks of that lesson are done.
/// SET is `built-in` for the shipped lessons, else the folder of the lessons.
/// A file that cannot be read this way is put aside (`.bad`), with a note, and
/// the learner starts afresh.
struct TutorialProgress: Equatable {
    /// Tasks done per lesson, by set then lesson file name.
    var done: [String: [String: Int]] = [:]
    /// The lesson and task (0-based) the learner is on, per set.
    var at: [String: (lesson: String, task: Int)] = [:]

    static func == (a: TutorialProgress, b: TutorialProgress) -> Bool {
        a.done == b.done && a.at.mapValues { "\($0.lesson)\t\($0.task)" } == b.at.mapValues { "\($0.lesson)\t\($0.task)" }
    }

    /// `$HOME/.newsq_tutorial`.
    static var defaultPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.newsq_tutorial"
    }

    /// The text of the file.
    func render() -> String {
        var out = "# newsq tutorial progress (.tutorial reset clears it)\n"
        for set in at.keys.sorted() { out += "at\t\(set)\t\(at[set]!.lesson)\t\(at[set]!.task + 1)\n" }
        for set in done.keys.sorted() {
            for lesson in done[set]!.keys.sorted() { out += "done\t\(set)\t\(lesson)\t\(done[set]![lesson]!)\n" }
        }
        return out
    }

    /// Reads the text of a progress file; the line number and what is wrong when it is not one.
    struct Unreadable: Error { var line: Int; var problem: String }

    static func parse(_ text: String) -> Result<TutorialProgress, Unreadable> {
        var p = TutorialProgress()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, ["at", "done"].contains(fields[0]), !fields[1].isEmpty, !fields[2].isEmpty,
                  let n = Int(fields[3].trimmingSpaces), n >= (fields[0] == "at" ? 1 : 0) else {
                return .failure(Unreadable(line: i + 1, problem: "expected 'at' or 'done', a set, a lesson and a number, separated by tabs"))
            }
            if fields[0] == "at" { p.at[fields[1]] = (fields[2], n - 1) } else { p.done[fields[1], default: [:]][fields[2]] = n }
        }
        return .success(p)
    }

    /// Loads the file at `path`: empty progress when there is none; a note when
    /// it cannot be read (a corrupt file is renamed to `path.bad`, never lost).
    static func load(_ path: String) -> (TutorialProgress, note: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (TutorialProgress(), nil) }
        let text: String
        do {
            text = try readTextFile(path)
        } catch {
            return (TutorialProgress(), "note: \(error); the tutorial starts afresh")
        }
        switch parse(text) {
        case let .success(p): return (p, nil)
        case let .failure(u):
            let (line, problem) = (u.line, u.problem)
            let bad = path + ".bad"
            let kept = rename(path, bad) == 0 ? "it is kept as \(bad)" : "it is left as it was"
            return (TutorialProgress(), "note: \(path) is not a tutorial progress file newsq can read (line \(line): \(problem)); "
                    + "\(kept), and the tutorial starts afresh")
        }
    }

    /// Writes the file (through a temporary file, so a failed write leaves the old one); the reason when it fails.
    func save(_ path: String) -> String? {
        let temporary = path + ".tmp\(getpid())"
        do {
            let sink = try FileSink(path: temporary)
            sink.write(render())
            if let why = sink.finish() { unlink(temporary); return "cannot write \(path): \(why)" }
        } catch {
            return "\(error)"
        }
        guard rename(temporary, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot write \(path): \(why)"
        }
        return nil
    }
}
