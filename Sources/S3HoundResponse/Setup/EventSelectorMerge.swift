/// Adding S3 object data events for some buckets to a trail's selectors, keeping every selector it has.
public enum EventSelectorMerge {
    /// The `Name` of the advanced selector S3Hound adds (and extends on later runs).
    public static let advancedSelectorName = "S3Hound: S3 object data events"

    /// The prefix CloudTrail matches a bucket's objects with: `arn:aws:s3:::BUCKET/`.
    public static func objectPrefix(_ bucket: String, partition: String = "aws") -> String {
        "arn:\(partition):s3:::\(bucket)/"
    }

    /// The selectors with the buckets' object reads and writes recorded, and the buckets that were not yet.
    ///
    /// Classic selectors: the values are appended to an existing `ReadWriteType: All` selector's
    /// `AWS::S3::Object` data resource, or a new data-events-only selector is added (management events stay
    /// with the selectors that log them). Advanced selectors: S3Hound's own selector is extended, or added
    /// with `eventCategory = Data`, `resources.type = AWS::S3::Object`, `resources.ARN StartsWith` the buckets.
    public static func adding(buckets: [String], to selectors: TrailSelectors, partition: String = "aws") throws
        -> (selectors: TrailSelectors, added: [String]) {
        let missing = buckets.uniqued().filter { !covers(selectors, bucket: $0, partition: partition) }
        guard !missing.isEmpty else { return (selectors, []) }
        let prefixes = missing.map { objectPrefix($0, partition: partition) }
        switch selectors {
        case .classic(var list):
            if let index = list.firstIndex(where: { readWriteType($0) == "All" && s3ObjectResourceIndex($0) != nil }),
               case .object(var selector) = list[index], let resourceIndex = s3ObjectResourceIndex(list[index]) {
                var resources = selector["DataResources"]?.elements ?? []
                if case .object(var resource) = resources[resourceIndex] {
                    resource["Values"] = .strings((resource["Values"]?.strings ?? []) + prefixes)
                    resources[resourceIndex] = .object(resource)
                }
                selector["DataResources"] = .array(resources)
                list[index] = .object(selector)
            } else {
                guard list.count < 5 else {
                    throw ResponseError.conflict("the trail already has 5 event selectors, the most CloudTrail allows, and none records all S3 object events: add \(prefixes.joined(separator: ", ")) to one of them by hand, or convert the trail to advanced event selectors")
                }
                list.append([
                    "ReadWriteType": "All",
                    "IncludeManagementEvents": false,
                    "DataResources": [["Type": "AWS::S3::Object", "Values": .strings(prefixes)]],
                ])
            }
            return (.classic(list), missing)
        case .advanced(var list):
            if let index = list.firstIndex(where: { $0["Name"]?.stringValue == advancedSelectorName }),
               case .object(var selector) = list[index] {
                var fields = selector["FieldSelectors"]?.elements ?? []
                if let arnIndex = fields.firstIndex(where: { $0["Field"]?.stringValue == "resources.ARN" }),
                   case .object(var field) = fields[arnIndex] {
                    field["StartsWith"] = .strings((field["StartsWith"]?.strings ?? []) + prefixes)
                    fields[arnIndex] = .object(field)
                    selector["FieldSelectors"] = .array(fields)
                    list[index] = .object(selector)
                    return (.advanced(list), missing)
                }
            }
            list.append([
                "Name": .string(advancedSelectorName),
                "FieldSelectors": [
                    ["Field": "eventCategory", "Equals": ["Data"]],
                    ["Field": "resources.type", "Equals": ["AWS::S3::Object"]],
                    ["Field": "resources.ARN", "StartsWith": .strings(prefixes)],
                ],
            ])
            return (.advanced(list), missing)
        }
    }

    /// True when the selectors record both reads and writes of every object in the bucket.
    public static func covers(_ selectors: TrailSelectors, bucket: String, partition: String = "aws") -> Bool {
        let prefix = objectPrefix(bucket, partition: partition)
        switch selectors {
        case .classic(let list):
            return list.contains { selector in
                readWriteType(selector) == "All" && (selector["DataResources"]?.elements ?? []).contains { resource in
                    resource["Type"]?.stringValue == "AWS::S3::Object"
                        && (resource["Values"]?.strings ?? []).contains { coversPrefix($0, prefix, partition: partition) }
                }
            }
        case .advanced(let list):
            return list.contains { advancedSelector($0, covers: prefix, partition: partition) }
        }
    }

    /// A value covers the bucket when it is the all-buckets value or a prefix of the bucket's objects that
    /// ends at a bucket boundary (`arn:aws:s3:::bucket/`), not part of a longer bucket name.
    private static func coversPrefix(_ value: String, _ prefix: String, partition: String) -> Bool {
        value == "arn:\(partition):s3" || value == "arn:\(partition):s3:::" || value == prefix
    }

    private static func readWriteType(_ selector: JSONValue) -> String {
        selector["ReadWriteType"]?.stringValue ?? "All"
    }

    private static func s3ObjectResourceIndex(_ selector: JSONValue) -> Int? {
        (selector["DataResources"]?.elements ?? []).firstIndex { $0["Type"]?.stringValue == "AWS::S3::Object" }
    }

    /// Conservative: only the fields eventCategory, resources.type and resources.ARN (StartsWith) may appear;
    /// a readOnly, eventName or other field could leave reads or writes out.
    private static func advancedSelector(_ selector: JSONValue, covers prefix: String, partition: String) -> Bool {
        var category = false, type = false, arn = true
        for field in selector["FieldSelectors"]?.elements ?? [] {
            let name = field["Field"]?.stringValue ?? ""
            let operators = Set((field.objectValue ?? [:]).keys).subtracting(["Field"])
            switch name {
            case "eventCategory":
                category = operators == ["Equals"] && (field["Equals"]?.strings ?? []).contains("Data")
            case "resources.type":
                type = operators == ["Equals"] && (field["Equals"]?.strings ?? []).contains("AWS::S3::Object")
            case "resources.ARN":
                arn = operators == ["StartsWith"] && (field["StartsWith"]?.strings ?? []).contains {
                    prefix.hasPrefix($0) && ($0.hasSuffix("/") || $0 == "arn:\(partition):s3:::")
                }
            default:
                return false
            }
        }
        return category && type && arn
    }
}
