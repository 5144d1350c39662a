import Foundation
import JobFeedCore
import JobFeedSystem

extension Config {
    /// Reads the site generator's config beside this one (see `generatorConfig`): under
    /// `conventions: jekyll`, `_config.yml`, whose `defaults:` the postings take; under
    /// `conventions: hugo`, the first of Hugo's names that exists, whose `cascade` they take.
    /// Its text joins the config's fingerprint, so a change to it reads every posting again.
    /// One that cannot be read, or that holds what cannot be, stops the build, as it stops the
    /// generator's: a default `published: false` or a cascaded `draft = true` left unread would
    /// publish what the site hides.
    mutating func readGeneratorConfig(configFolder: URL) throws(DiagnosticError) {
        let names: [String]
        switch conventions {
        case .jekyll: names = ["_config.yml"]
        case .hugo: names = Self.hugoConfigNames
        case .none: return
        }
        if conventions == .hugo { try refuseSplitCascade(configFolder: configFolder) }
        for name in names {
            let path = configFolder.appendingPathComponent(name).standardizedFileURL.path
            guard let file = try Self.generatorFile(at: path) else { continue }
            generatorConfig = file
            let errors = conventions == .jekyll ? JekyllDefaults(self).diagnostics
                : HugoCascades(self).diagnostics + (HugoIgnoredFiles(self)?.diagnostics ?? [])
            if !errors.isEmpty { throw DiagnosticError(errors) }
            addToFingerprint([file])
            return
        }
    }

    /// Hugo's config split into files under `config/_default/` (and `config/production/`, the
    /// environment a site is built for) is not read: one named or saying "cascade" stops the build,
    /// since what it cascades (a `draft = true`) would go unread.
    private func refuseSplitCascade(configFolder: URL) throws(DiagnosticError) {
        for environment in ["_default", "production"] {
            let folder = configFolder.appendingPathComponent("config/\(environment)")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                let path = folder.appendingPathComponent(name).path
                // `cascade.toml` holds the root key it is named for.
                let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
                guard name.lowercased().hasPrefix("cascade.") || text.lowercased().contains("cascade") else { continue }
                throw DiagnosticError(.error("Hugo's config folder sets a cascade here, which jobfeed does not read from config/; move it to hugo.toml beside jobfeed.yml, or to content/_index.md, or the postings miss what it sets (a draft = true among them)",
                                             at: SourceLocation(file: DisplayPath.of(path: path))))
            }
        }
    }

    /// Nil when there is no such file.
    private static func generatorFile(at path: String) throws(DiagnosticError) -> SiteFile? {
        let display = DisplayPath.of(path: path)
        let data: Data
        do {
            data = try OpenFile.contents(of: path)
        } catch where error.code == ENOENT {
            return nil
        } catch {
            throw DiagnosticError(.error("cannot read the site generator's config, which the postings inherit from: \(error.reason)", at: SourceLocation(file: display)))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DiagnosticError(.error("the site generator's config is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: display)))
        }
        return SiteFile(path: path, displayPath: display, text: text)
    }
}
