import JobFeedCLI

JobFeedCommand.main()
