import Foundation
import JobFeedCore
import JobFeedSystem

extension Config {
    /// Under `conventions: jekyll`, reads the site's `_config.yml` beside the config, whose
    /// `defaults:` the postings take. Its text joins the config's fingerprint, so a changed
    /// default reads every posting again. One that cannot be read, or is not YAML, stops the
    /// build, as it stops Jekyll's: a default `published: false` left unread would publish
    /// what the site hides.
    mutating func readJekyllConfig(configFolder: URL) throws(DiagnosticError) {
        guard conventions == .jekyll else { return }
        let path = configFolder.appendingPathComponent("_config.yml").standardizedFileURL.path
        let display = DisplayPath.of(path: path)
        let data: Data
        do {
            data = try OpenFile.contents(of: path)
        } catch where error.code == ENOENT {
            return
        } catch {
            throw DiagnosticError(.error("cannot read Jekyll's config, whose defaults: the postings take: \(error.reason)", at: SourceLocation(file: display)))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DiagnosticError(.error("Jekyll's config is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: display)))
        }
        let file = SiteFile(path: path, displayPath: display, text: text)
        jekyllConfig = file
        let errors = JekyllDefaults(self).diagnostics
        if !errors.isEmpty { throw DiagnosticError(errors) }
        addToFingerprint([file])
    }
}
