/// The detection ids containment and the report treat specially.
enum DetectionIDs {
    static let bulkDownload = "cloudtrail.bulk-download"
    static let crossAccountCopy = "cloudtrail.cross-account-copy"
    static let newSourceIP = "cloudtrail.new-source-ip"
    static let unusualHour = "cloudtrail.unusual-hour"
}
