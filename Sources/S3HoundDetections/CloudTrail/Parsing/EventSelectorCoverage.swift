/// Whether the event selectors a PutEventSelectors / PutAdvancedEventSelectors call sets still log
/// S3 object reads (GetObject): basic selectors need an `AWS::S3::Object` data resource and a read-write
/// type of `All` or `ReadOnly`; advanced selectors need one selector whose field selectors admit data events
/// on `AWS::S3::Object` that are read-only and include GetObject.
public enum EventSelectorCoverage {
    /// True when the selectors in the request log S3 object reads; nil when the request carries no selectors.
    public static func logsObjectReads(_ parameters: ParsedJSON) -> Bool? {
        let basic = parameters["eventSelectors"]?.list ?? []
        let advanced = parameters["advancedEventSelectors"]?.list ?? []
        if parameters["eventSelectors"] == nil && parameters["advancedEventSelectors"] == nil { return nil }
        return basic.contains(where: basicLogsReads) || advanced.contains(where: advancedLogsReads)
    }

    static func basicLogsReads(_ selector: ParsedJSON) -> Bool {
        let readWrite = selector["readWriteType"]?.text?.lowercased() ?? "all"
        guard readWrite == "all" || readWrite == "readonly" else { return false }
        return (selector["dataResources"]?.list ?? []).contains { resource in
            resource["type"]?.text == "AWS::S3::Object" && !(resource["values"]?.texts ?? []).isEmpty
        }
    }

    static func advancedLogsReads(_ selector: ParsedJSON) -> Bool {
        var sawS3Objects = false
        for field in selector["fieldSelectors"]?.list ?? [] {
            guard let name = field["field"]?.text?.lowercased() else { continue }
            let equals = field["equals"]?.texts
            let notEquals = field["notEquals"]?.texts ?? []
            switch name {
            case "resources.type":
                if let equals { sawS3Objects = equals.contains("AWS::S3::Object") } else { return false }
                if notEquals.contains("AWS::S3::Object") { return false }
            case "eventcategory":
                if let equals, !equals.contains("Data") { return false }
                if notEquals.contains("Data") { return false }
            case "readonly":
                if let equals, !equals.map({ $0.lowercased() }).contains("true") { return false }
                if notEquals.map({ $0.lowercased() }).contains("true") { return false }
            case "eventname":
                if let equals, !equals.contains("GetObject") { return false }
                if notEquals.contains("GetObject") { return false }
                if let starts = field["startsWith"]?.texts, !starts.contains(where: { "GetObject".hasPrefix($0) }) { return false }
            default:
                continue
            }
        }
        return sawS3Objects
    }
}
