import JobFeedCLI

@main
struct JobFeedMain {
    static func main() async {
        await JobFeedCommand.main()
    }
}
