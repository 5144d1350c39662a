import Foundation
import JobFeedCLI

@main
struct JobFeedMain {
    static func main() async {
        JobFeedCommand.setUpProcess()
        if let (text, status) = JobFeedCommand.preamble(commandLine: CommandLine.arguments) {
            FileHandle(fileDescriptor: status == 0 ? 1 : 2).write(Data((text + "\n").utf8))
            exit(status)
        }
        await JobFeedCommand.main()
    }
}
