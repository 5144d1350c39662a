import Foundation
import JobFeedCore
import JobFeedSystem

extension Config {
    /// Reads the site generator's config beside this one (see `generatorConfig`): under
    /// `conventions: jekyll`, `_config.yml`, whose `defaults:` the postings take; under
    /// `conventions: hugo`, the first of Hugo's names that exists, beside it or in its config
    /// folder (`config/_default/hugo.toml`), whose `cascade` and `ignoreFiles` they take.
    /// Its text joins the config's fingerprint, so a change to it reads every posting again.
    /// One that cannot be read, or that holds what cannot be, stops the build, as it stops the
    /// generator's: a default `published: false` or a cascaded `draft = true` left unread would
    /// publish what the site hides.
    mutating func readGeneratorConfig(configFolder: URL) throws(DiagnosticError) {
        for path in Self.generatorConfigPaths(conventions, configFolder: configFolder) {
            guard let file = try Self.generatorFile(at: path) else { continue }
            generatorConfig = file
            let errors = conventions == .jekyll ? JekyllDefaults(self).diagnostics
                : HugoCascades(self).diagnostics + (HugoIgnoredFiles(self)?.diagnostics ?? [])
            if !errors.isEmpty { throw DiagnosticError(errors) }
            addToFingerprint([file])
            break
        }
        if conventions == .hugo { try refuseUnreadSplitConfig(configFolder: configFolder) }
    }

    /// The site generator's config, when the site follows that generator's conventions.
    func generatorConfig(of generator: SiteConventions) -> SiteFile? {
        conventions == generator ? generatorConfig : nil
    }

    /// Where the site generator's config may be, in the order it is looked for.
    package static func generatorConfigPaths(_ conventions: SiteConventions, configFolder: URL) -> [String] {
        let names: [String]
        switch conventions {
        case .jekyll: names = ["_config.yml"]
        case .hugo: names = hugoConfigNames + hugoConfigNames.map { "config/_default/" + $0 }
        case .none: names = []
        }
        return names.map { configFolder.appendingPathComponent($0).standardizedFileURL.path }
    }

    /// The rest of Hugo's config split into files under `config/_default/` (each holding the
    /// root key it is named for, `cascade.toml`, `languages.toml`) and `config/production/`
    /// (the environment a site is built for, over the default) is not read: one that may set
    /// a cascade, or there `ignoreFiles`, stops the build, since what it sets (a
    /// `draft = true`, a template left out) would go unread.
    private func refuseUnreadSplitConfig(configFolder: URL) throws(DiagnosticError) {
        for environment in ["_default", "production"] {
            let folder = configFolder.appendingPathComponent("config/\(environment)")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                let path = folder.appendingPathComponent(name).standardizedFileURL.path
                guard path != generatorConfig?.path else { continue }
                let text = (FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? "").lowercased()
                let sets = name.lowercased().hasPrefix("cascade.") || text.contains("cascade") ? "a cascade"
                    : environment == "production" && text.contains("ignorefiles") ? "ignoreFiles" : nil
                guard let sets else { continue }
                throw DiagnosticError(.error("Hugo's config folder sets \(sets) here, which jobfeed does not read from this file; move it to config/_default/hugo.toml (or hugo.toml beside jobfeed.yml), or the postings miss what it sets (a draft = true among them)",
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
