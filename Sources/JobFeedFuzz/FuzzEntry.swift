import Foundation
@_spi(Fuzzing) import JobFeed

// libFuzzer entry points. SwiftPM links an executable with `main` set to `<Target>_main`, so
// this target defines that symbol and hands control to libFuzzer's driver. Built only by
// `make fuzz` (JOBFEED_FUZZ=1), with -sanitize=fuzzer,address.

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let problems = FuzzHarness.violations(for: data)
    if !problems.isEmpty {
        fatalError("invariant broken: " + problems.joined(separator: "; "))
    }
    return 0
}

@_cdecl("JobFeedFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}
