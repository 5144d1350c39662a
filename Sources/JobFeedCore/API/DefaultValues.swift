/// The config's `defaults:` values, as the YAML wrote them: what a posting that lacks a field
/// gets, read exactly as if the posting had written it.
package struct DefaultValues: Sendable, Hashable {
    /// A struct rather than an indirect enum: LeakSanitizer cannot follow the tagged pointers
    /// of an enum's payloads, and took the fuzz harness's config for a leak.
    package struct Value: Sendable, Hashable {
        package enum Shape: Sendable, Hashable { case scalar, list, map }

        package var shape: Shape
        /// A scalar's text.
        package var text = ""
        /// A scalar written without quotes, which YAML may read as a number or a boolean.
        package var plain = true
        package var items: [Value] = []
        /// A map's keys and values in the order written.
        package var pairs: [Pair] = []

        package static func scalar(_ text: String, plain: Bool) -> Value {
            Value(shape: .scalar, text: text, plain: plain)
        }

        package static func list(_ items: [Value]) -> Value {
            Value(shape: .list, items: items)
        }

        package static func map(_ pairs: [Pair]) -> Value {
            Value(shape: .map, pairs: pairs)
        }

        package var scalarText: String? { shape == .scalar ? text : nil }
    }

    package struct Pair: Sendable, Hashable {
        package var key: String
        package var value: Value

        package init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    package var values: [PostingField: Value] = [:]

    package init(values: [PostingField: Value] = [:]) {
        self.values = values
    }

    package subscript(field: PostingField) -> Value? { values[field] }
}
