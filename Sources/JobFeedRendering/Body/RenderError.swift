
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    /// A posting whose body cannot render is left out; one whose JSON-LD cannot be encoded
    /// stops the build.
    package var stopsTheBuild = false

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): error: \(message)" }
}
