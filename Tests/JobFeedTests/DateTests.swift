import Foundation
import Testing
import JobFeed

@Suite struct DateParsingTests {
    let utc = DateParser(timeZone: TimeZone(identifier: "UTC")!)
    let toronto = DateParser(timeZone: TimeZone(identifier: "America/Toronto")!)

    @Test(arguments: [
        ("2026-01-15", Int64(1_768_435_200)),
        ("2026-01-15T09:30", 1_768_469_400),
        ("2026-01-15T09:30:15Z", 1_768_469_415),
        ("2026-01-15 09:30:15 +01:00", 1_768_465_815),
        ("2026-01-15T09:30:15.250-0500", 1_768_487_415),
        ("2024-02-29", 1_709_164_800),
    ])
    func readsTheFormsPostingsUse(text: String, seconds: Int64) {
        #expect(utc.parse(text)?.seconds == seconds)
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "tbd", "2026-13-01", "2026-1-5", "15/01/2026", "2026-01-15T25:00", "2026-01-15T09:30+5"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(utc.parse(text) == nil)
    }

    @Test func bareDatesAreMidnightInTheSiteZoneHonouringDaylightSaving() {
        #expect(toronto.parse("2026-01-15")?.seconds == 1_768_453_200)  // 05:00 UTC, EST
        #expect(toronto.parse("2026-07-15")?.seconds == 1_784_088_000)  // 04:00 UTC, EDT
    }

    /// A wall-clock time the zone skips or repeats is read as Go's `time.Date` (so Hugo) reads
    /// it: the offset in force at that clock time read as UTC, unless the instant it gives
    /// falls outside that offset's span. 02:30 on the day clocks spring forward is 06:30 UTC
    /// (01:30 EST); 01:30 on the day they fall back is its first time, 05:30 UTC (EDT).
    @Test func skippedAndRepeatedClockTimesAreReadAsHugoReadsThem() {
        #expect(toronto.parse("2026-03-08 02:30")?.seconds == 1_772_951_400)
        #expect(toronto.parse("2026-11-01 01:30")?.seconds == 1_793_511_000)
    }

    @Test func closingDatesRunToTheEndOfTheDay() {
        let closing = toronto.parse("2026-01-15", boundary: .endOfDay)
        let lastSecond: Int64 = 1_768_453_200 + 86_399
        #expect(closing?.seconds == lastSecond)
        #expect(closing?.isDateOnly == true)
    }
}

@Suite struct DateFormatTests {
    let instant = Timestamp(seconds: 1_768_469_415)  // 2026-01-15T09:30:15Z, a Thursday

    @Test func rfc822ForRSS() {
        #expect(DateFormats.rfc822(instant) == "Thu, 15 Jan 2026 09:30:15 +0000")
        #expect(DateFormats.rfc822(Timestamp(seconds: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test func rfc3339ForAtom() {
        #expect(DateFormats.rfc3339(instant) == "2026-01-15T09:30:15Z")
        // Years of fewer than four digits are padded; those outside 0 to 9999 written as they are.
        #expect(DateFormats.rfc3339(Timestamp(seconds: -62_135_596_800)) == "0001-01-01T00:00:00Z")
        #expect(DateFormats.rfc3339(Timestamp(seconds: -30_641_673_601)) == "0999-01-01T23:59:59Z")
        #expect(DateFormats.rfc3339(Timestamp(seconds: 253_402_300_799)) == "9999-12-31T23:59:59Z")
        #expect(DateFormats.rfc3339(Timestamp(seconds: 253_402_300_800)) == "10000-01-01T00:00:00Z")
    }

    /// Foundation's own formatter, an independent writer of the same format, agrees at every
    /// step of a sweep from 1900 to 9999.
    @Test func rfc3339AgreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")!
        for seconds in stride(from: Int64(-2_208_988_800), to: 253_402_300_799, by: 7_919_993) {
            #expect(DateFormats.rfc3339(Timestamp(seconds: seconds)) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }

    @Test func iso8601InTheSiteZoneForJSONLD() {
        let toronto = TimeZone(identifier: "America/Toronto")!
        #expect(DateFormats.iso8601(instant, in: toronto) == "2026-01-15T04:30:15-05:00")
        let bareDate = DateParser(timeZone: toronto).parse("2026-07-01")!
        #expect(DateFormats.iso8601(bareDate, in: toronto) == "2026-07-01")
    }

    @Test(arguments: [Int64(-86_400 * 365 * 3 - 1), 0, 951_782_400, 1_768_469_415, 4_102_444_800])
    func civilConversionRoundTripsAgainstFoundation(seconds: Int64) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let civil = CivilDateTime(seconds: seconds)
        #expect([civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second, civil.weekday + 1]
            == [expected.year, expected.month, expected.day, expected.hour, expected.minute, expected.second, expected.weekday])
        #expect(civil.secondsAsUTC == seconds)
    }
}
