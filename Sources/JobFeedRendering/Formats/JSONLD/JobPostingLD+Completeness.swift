extension JobPostingLD {
    /// The properties of Google's job-posting guidelines this document lacks: a required one
    /// (a place, or remote work) marked so, then the recommended ones. Those that concern
    /// remote work count only for a remote job; `identifier` and `directApply` are always set.
    package var missingProperties: [String] {
        var missing: [String] = []
        if jobLocation == nil && jobLocationType == nil { missing.append("jobLocation (required)") }
        if baseSalary == nil { missing.append("baseSalary") }
        if employmentType == nil { missing.append("employmentType") }
        if validThrough == nil { missing.append("validThrough") }
        if jobLocationType != nil && (applicantLocationRequirements ?? []).isEmpty { missing.append("applicantLocationRequirements") }
        return missing
    }
}
