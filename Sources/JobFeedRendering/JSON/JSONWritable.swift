/// A value that writes itself as JSON, its keys in sorted (byte) order as `JSONEncoder`'s
/// `.sortedKeys` would put them; absent optionals are left out, as `JSONEncoder` does.
package protocol JSONWritable {
    func write(to json: inout JSONText)
}

extension JSONText {
    package mutating func value(_ value: some JSONWritable) {
        value.write(to: &self)
    }

    package mutating func values(_ values: [some JSONWritable]) {
        array(values) { $0.value($1) }
    }
}

/// An object's members, one call each: the key and its value, or nothing for an absent
/// optional (as `JSONEncoder` leaves it out).
extension JSONText {
    package mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    package mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    package mutating func member(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    package mutating func member(_ name: StaticString, _ values: [String]?) {
        guard let values else { return }
        key(name)
        strings(values)
    }

    package mutating func member(_ name: StaticString, _ value: (some JSONWritable)?) {
        guard let value else { return }
        key(name)
        self.value(value)
    }

    package mutating func member(_ name: StaticString, _ values: [some JSONWritable]?) {
        guard let values else { return }
        key(name)
        self.values(values)
    }
}
