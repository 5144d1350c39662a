import JobFeedCore
import Yams

/// The keys with which site generators keep a page out of the site, found in a posting whose
/// config does not read them: Hugo's `publishDate`, `expiryDate` and `draft` (in any case),
/// its build options (`_build`/`build` with `render: never`, `false` or `link`: no page of its
/// own) and a headless page bundle, Jekyll's `published`.
/// The site itself hides such a page (it is embargoed, gone or unpublished), so publishing its
/// job anyway would advertise a page that does not exist. They are obeyed on every site, in
/// the safe direction only (later, earlier, held back), with a warning that names the
/// conventions that read them.
struct UnreadVisibilityKeys {
    /// The day the site shows the page from, when later than the posting's own date.
    private(set) var notBefore: Timestamp?
    /// When the site takes the page down (Hugo's rule: a bare date is the start of that day).
    private(set) var notAfter: Timestamp?
    /// `published: false`, `Draft: true`, or a `publishDate` that is not a date: held back as a draft.
    private(set) var heldBack = false

    /// The keys, in lower case (Hugo matches them in any case).
    private static let keys: Set<String> = ["publishdate", "expirydate", "draft", "published", "_build", "build", "headless"]

    init(_ reader: inout FieldReader, posted: Timestamp) {
        let conventions = reader.config.conventions
        // In the file's order, so that warnings come out in the order of the keys.
        for (keyNode, node) in reader.frontMatter {
            guard let key = keyNode.scalarText, case let name = key.lowercased(), Self.keys.contains(name),
                  !node.isNull, !Self.isRead(key, by: reader.config) else { continue }
            let location = reader.source(ofKey: key).location(of: node)
            switch name {
            case "publishdate" where conventions != .hugo:
                guard let date = node.scalarText.flatMap({ reader.dates.parse($0, boundary: .startOfDay) }) else {
                    heldBack = true
                    reader.record(.warning("'\(key)' (Hugo's publication date) is not a date, so this posting is held back as a draft; write a date such as 2026-12-15, or remove the key", at: location))
                    continue
                }
                guard date > posted else { continue }
                notBefore = date
                reader.record(.warning("'\(key)' is Hugo's publication date, which this config does not read; the posting is not published before it (set 'conventions: hugo', or map 'date' to it, to read it as the posting's date)", at: location))
            case "expirydate" where conventions != .hugo:
                guard let date = node.scalarText.flatMap({ reader.dates.parse($0, boundary: .startOfDay) }) else {
                    reader.record(.warning("'\(key)' (Hugo's expiry date) is not a date and is ignored; write a date such as 2026-12-15, or remove the key", at: location))
                    continue
                }
                notAfter = date
                reader.record(.warning("'\(key)' is Hugo's expiry date, which this config does not read; the job closes then at the latest (set 'conventions: hugo', or map 'validThrough' to it)", at: location))
            case "draft" where node.boolValue == true:
                heldBack = true
                reader.record(.warning("'\(key): true' marks a draft in Hugo, which reads keys in any case; this posting is held back as a draft (write 'draft:', or set 'conventions: hugo')", at: location))
            case "_build", "build":
                guard let render = node.mapping?.value(ofKeyInAnyCase: "render"),
                      render.boolValue == false || ["never", "link"].contains(render.scalarText?.lowercased() ?? "") else { continue }
                heldBack = true
                if conventions != .hugo {
                    reader.record(.warning("'\(key)' with 'render: \(render.scalarText ?? "")' makes Hugo render no page for it; this posting, which would link there, is held back as a draft", at: location))
                }
            case "headless" where node.boolValue == true && Self.isBundleIndex(reader.source.file):
                heldBack = true
                if conventions != .hugo {
                    reader.record(.warning("'\(key): true' makes a Hugo page bundle render no page; this posting, which would link there, is held back as a draft", at: location))
                }
            case "published" where conventions != .jekyll && node.boolValue == false:
                heldBack = true
                reader.record(.warning("'\(key): false' is how Jekyll keeps a page unpublished; this posting is held back as a draft (set 'conventions: jekyll' to read it so without a warning)", at: location))
            default:
                continue
            }
        }
    }

    /// A page bundle's `index.md` (or `index.fr.md`): only there does Hugo read `headless`.
    private static func isBundleIndex(_ path: String) -> Bool {
        let name = path.pathComponents().last.map(String.init) ?? path
        return name.hasPrefix("index.") && PostingPath.isPostingFile(name)
    }

    /// Whether the site's mapping (or its conventions) takes a field from this key.
    private static func isRead(_ key: String, by config: Config) -> Bool {
        config.readKeys.contains(config.caseInsensitiveKeys ? key.lowercased() : key)
    }
}
