/// An EC2 `Filter`: a name such as `service-name` or `vpc-id` and the values any of which may match.
public struct EC2Filter: Sendable, Equatable {
    /// The filter name.
    public var name: String
    /// The accepted values.
    public var values: [String]

    /// Creates a filter.
    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}
