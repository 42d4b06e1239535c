extension ResponsePlan {
    /// The schema name of `json`.
    public static let jsonSchema = "s3hound.response-plan.v1"

    /// The plan for machines, access keys masked: `schema`, `kind`, `title`, `account`, `region`, `caller`,
    /// `incident`, `changes[]` (`target`, `summary`, `changed`, `before`, `after`, `warnings`), `notes`.
    public var json: JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return [
            "schema": .string(Self.jsonSchema),
            "kind": .string(kind.rawValue),
            "title": .string(title),
            "account": optional(account),
            "region": .string(region),
            "caller": optional(caller),
            "incident": optional(incidentID),
            "changes": .array(changes.map { change in
                [
                    "target": change.target.maskedJSON,
                    "summary": .string(change.summary),
                    "changed": .bool(change.isChange),
                    "before": change.before ?? .null,
                    "after": change.after ?? .null,
                    "warnings": .strings(change.warnings),
                ]
            }),
            "notes": .strings(notes),
        ]
    }
}
