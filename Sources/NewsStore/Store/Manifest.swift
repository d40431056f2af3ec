import Foundation
import NewsCore

/// A folder's `manifest.json`: metadata for its text files that the texts do not
/// state in so many words (outlet, headline, date, author, how each is known).
///
/// Shape: `{"name": …, "articles": [{"file", "source"|"outlet", "headline"|"title",
/// "date", "author", "url", "id", "provenance"}]}`. A `"headline": null` says the
/// file has no headline; a missing key says "detect it".
struct Manifest {
    /// What a manifest says about one file.
    struct Entry {
        var id: String?
        var source: String?
        var headline: TextLayout.HeadlineHint = .detect
        var date: DateValue?
        var author: String?
        var url: String?
        var provenance: String?
    }

    var name: String?
    /// Entries by file name (relative to the manifest's folder).
    var entries: [String: Entry] = [:]

    /// Reads a manifest; throws a message on malformed JSON.
    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["articles"] as? [[String: Any]] else {
            throw ManifestError(message: "expected an object with an \"articles\" list")
        }
        name = root["name"] as? String
        for item in list {
            guard let file = item["file"] as? String else { continue }
            var e = Entry()
            e.id = item["id"] as? String
            e.source = (item["source"] ?? item["outlet"]) as? String
            let head = item.keys.contains("headline") ? item["headline"] : item["title"]
            if let h = head as? String { e.headline = .given(h) } else if head is NSNull { e.headline = .none }
            e.date = (item["date"] as? String).flatMap(DateParser.parse)
            e.author = item["author"] as? String
            e.url = item["url"] as? String
            e.provenance = item["provenance"] as? String
            entries[file] = e
        }
    }

    /// A manifest problem, reported as a load warning.
    struct ManifestError: Error { var message: String }
}
