extension TOMLScanner {
    /// A date, a time, a number, a boolean or a special float, as TOML 1.0 writes them.
    mutating func scalar() throws(TOMLError) -> TOMLValue {
        if skip("true") { return .boolean(true) }
        if skip("false") { return .boolean(false) }
        if let dateTime = try dateTime() { return dateTime }
        if let number = try number() { return number }
        for special in ["inf", "nan", "+inf", "-inf", "+nan", "-nan"] where skip(special) { return .float(special) }
        throw error("expected a value: a string in quotes, a number, true or false, a date, an array or an inline table")
    }

    private mutating func dateTime() throws(TOMLError) -> TOMLValue? {
        let start = offset
        if let date = digits(4), skip("-"), let month = digits(2), skip("-"), let day = digits(2) {
            guard (1...12).contains(month), (1...Self.days(inMonth: month, of: date)).contains(day) else {
                throw error("not a date of the calendar", at: start)
            }
            let afterDate = offset
            if let separator = current, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(separator) {
                offset += 1
                if try time() {
                    let kind: TOMLValue.DateTimeKind = try timeOffset() ? .offsetDateTime : .localDateTime
                    return .dateTime(text(start..<offset), kind)
                }
            }
            offset = afterDate
            return .dateTime(text(start..<offset), .localDate)
        }
        offset = start
        if try time() { return .dateTime(text(start..<offset), .localTime) }
        offset = start
        return nil
    }

    /// `hh:mm:ss` with an optional fraction; false, and the cursor unmoved, when it is not one.
    private mutating func time() throws(TOMLError) -> Bool {
        let start = offset
        guard let hour = digits(2), skip(":"), let minute = digits(2), skip(":"), let second = digits(2) else {
            offset = start
            return false
        }
        guard hour < 24, minute < 60, second < 60 else { throw error("not a time of day", at: start) }
        if skip(".") {
            guard digits(1) != nil else { throw error("a fraction of a second needs digits after '.'") }
            while let byte = current, byte.isDigit { offset += 1 }
        }
        return true
    }

    private mutating func timeOffset() throws(TOMLError) -> Bool {
        if skip("Z") || skip("z") { return true }
        guard let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
        let start = offset
        offset += 1
        guard let hour = digits(2), skip(":"), let minute = digits(2), hour < 24, minute < 60 else {
            throw error("a time offset is written +hh:mm or -hh:mm", at: start)
        }
        return true
    }

    private mutating func digits(_ count: Int) -> Int? {
        guard offset + count <= bytes.count, bytes[offset..<offset + count].allSatisfy(\.isDigit) else { return nil }
        defer { offset += count }
        return Int(text(offset..<offset + count))
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private mutating func number() throws(TOMLError) -> TOMLValue? {
        let start = offset
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where skip(prefix) {
            let digits = try digitRun { radix == 16 ? $0.isHexDigit : (UInt8(ascii: "0")..<UInt8(ascii: "0") + UInt8(radix)).contains($0) }
            guard let digits, let value = Int64(digits, radix: radix) else { throw error("not an integer of 64 bits", at: start) }
            return .integer(String(value))
        }
        let negative = current == UInt8(ascii: "-")
        if negative || current == UInt8(ascii: "+") { offset += 1 }
        guard let whole = try digitRun(\.isDigit) else { offset = start; return nil }
        if whole.count > 1 && whole.first == "0" { throw error("a number cannot start with 0", at: start) }
        var float = whole
        if skip(".") {
            guard let fraction = try digitRun(\.isDigit) else { throw error("a number needs digits after '.'") }
            float += "." + fraction
        }
        if let e = current, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            offset += 1
            var sign = ""
            if let byte = current, byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { sign = String(UnicodeScalar(byte)); offset += 1 }
            guard let exponent = try digitRun(\.isDigit) else { throw error("an exponent needs digits") }
            float += "e" + sign + exponent
        }
        if float != whole { return .float((negative ? "-" : "") + float) }
        guard let value = Int64((negative ? "-" : "") + whole) else { throw error("not an integer of 64 bits", at: start) }
        return .integer(String(value))
    }

    /// Digits with single underscores between them, the underscores dropped; nil when none.
    private mutating func digitRun(_ isDigit: (UInt8) -> Bool) throws(TOMLError) -> String? {
        let start = offset
        var digits: [UInt8] = []
        while let byte = current {
            if isDigit(byte) {
                digits.append(byte)
            } else if byte == UInt8(ascii: "_"), !digits.isEmpty, bytes[offset - 1] != UInt8(ascii: "_"), peek(1).map(isDigit) == true {
                // an underscore only between two digits
            } else {
                break
            }
            offset += 1
        }
        guard !digits.isEmpty else { offset = start; return nil }
        return String(decoding: digits, as: UTF8.self)
    }
}

extension UInt8 {
    var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}
