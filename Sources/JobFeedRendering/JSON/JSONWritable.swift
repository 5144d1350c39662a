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
