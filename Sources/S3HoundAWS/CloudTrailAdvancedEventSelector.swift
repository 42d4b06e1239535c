/// An advanced CloudTrail event selector: a name and field conditions that must all hold, e.g.
/// `eventCategory = Data`, `resources.type = AWS::S3::Object`.
public struct CloudTrailAdvancedEventSelector: Codable, Sendable, Equatable {
    /// One field condition; each list is an OR of values, the lists are ANDed.
    public struct FieldSelector: Codable, Sendable, Equatable {
        /// `eventCategory`, `resources.type`, `resources.ARN`, `readOnly`, `eventName`…
        public var field: String
        /// The field equals one of these.
        public var equals: [String]?
        /// The field starts with one of these.
        public var startsWith: [String]?
        /// The field ends with one of these.
        public var endsWith: [String]?
        /// The field equals none of these.
        public var notEquals: [String]?
        /// The field starts with none of these.
        public var notStartsWith: [String]?
        /// The field ends with none of these.
        public var notEndsWith: [String]?

        /// Creates a field selector.
        public init(field: String, equals: [String]? = nil, startsWith: [String]? = nil, endsWith: [String]? = nil,
                    notEquals: [String]? = nil, notStartsWith: [String]? = nil, notEndsWith: [String]? = nil) {
            self.field = field
            self.equals = equals
            self.startsWith = startsWith
            self.endsWith = endsWith
            self.notEquals = notEquals
            self.notStartsWith = notStartsWith
            self.notEndsWith = notEndsWith
        }

        enum CodingKeys: String, CodingKey {
            case field = "Field", equals = "Equals", startsWith = "StartsWith", endsWith = "EndsWith"
            case notEquals = "NotEquals", notStartsWith = "NotStartsWith", notEndsWith = "NotEndsWith"
        }
    }

    /// A label, e.g. `Log S3 object reads`.
    public var name: String?
    /// The conditions, all of which must hold.
    public var fieldSelectors: [FieldSelector]

    /// Creates an advanced selector.
    public init(name: String? = nil, fieldSelectors: [FieldSelector]) {
        self.name = name
        self.fieldSelectors = fieldSelectors
    }

    enum CodingKeys: String, CodingKey { case name = "Name", fieldSelectors = "FieldSelectors" }
}
