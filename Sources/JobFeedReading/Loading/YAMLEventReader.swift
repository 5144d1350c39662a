import CYaml

/// libyaml's event parser, the one Yams composes with, read an event at a time: a document's
/// structure as Yams will see it, without composing anything. Owns the parser and a copy of
/// the text it reads (libyaml reads the input lazily, through a pointer into the parser).
///
/// `CYaml` is Yams' copy of libyaml, a target of its package but not a product: Yams' module
/// makes it importable. It is imported rather than Debian's libyaml because it must be the very
/// parser Yams runs, and a second libyaml would link beside it under the same symbol names.
final class YAMLEventReader {
    /// What an event opens, closes or is, and where it starts (line and column from 1, columns
    /// in Unicode scalars, as Yams' marks).
    struct Event {
        enum Kind {
            case scalar, alias, sequenceStart, mappingStart, collectionEnd, documentEnd, streamEnd, other
        }
        let kind: Kind
        let line: Int
        let column: Int
    }

    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let isReady: Bool

    init(_ text: String) {
        input = .allocate(capacity: max(text.utf8.count, 1))
        _ = input.initialize(from: text.utf8)
        isReady = yaml_parser_initialize(parser) == 1
        guard isReady else { return }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, text.utf8.count)
    }

    deinit {
        if isReady { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or nil once the parser has failed (Yams reports the error, at the same
    /// place, when it composes the text).
    func next() -> Event? {
        guard isReady else { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        return Event(
            kind: Self.kind(of: event.type),
            line: Int(event.start_mark.line) + 1,
            column: Int(event.start_mark.column) + 1
        )
    }

    private static func kind(of type: yaml_event_type_t) -> Event.Kind {
        switch type {
        case YAML_SCALAR_EVENT: .scalar
        case YAML_ALIAS_EVENT: .alias
        case YAML_SEQUENCE_START_EVENT: .sequenceStart
        case YAML_MAPPING_START_EVENT: .mappingStart
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: .collectionEnd
        case YAML_DOCUMENT_END_EVENT: .documentEnd
        case YAML_STREAM_END_EVENT: .streamEnd
        default: .other
        }
    }
}
