import Foundation
import S3HoundCore

/// How reports name Macie's sensitive data categories, types and severities.
enum SensitiveDataText {
    /// `Personal information (PII)` for `PERSONAL_INFORMATION`.
    static func category(_ category: String) -> String {
        switch category.uppercased() {
        case "PERSONAL_INFORMATION": return "Personal information (PII)"
        case "FINANCIAL_INFORMATION": return "Financial information"
        case "CREDENTIALS": return "Credentials"
        case "CUSTOM_IDENTIFIER": return "Custom identifiers"
        default: return humanize(category)
        }
    }

    /// `US Social Security number` for `USA_SOCIAL_SECURITY_NUMBER`; unknown types in lower case.
    static func type(_ type: String) -> String {
        let known = [
            "USA_SOCIAL_SECURITY_NUMBER": "US Social Security number", "EMAIL_ADDRESS": "email address",
            "CREDIT_CARD_NUMBER": "credit card number", "AWS_CREDENTIALS": "AWS secret access key",
            "USA_PASSPORT_NUMBER": "US passport number", "BANK_ACCOUNT_NUMBER": "bank account number",
            "PHONE_NUMBER": "phone number", "ADDRESS": "postal address", "NAME": "full name",
            "DATE_OF_BIRTH": "date of birth", "OPENSSH_PRIVATE_KEY": "OpenSSH private key",
            "PGP_PRIVATE_KEY": "PGP private key", "PKCS": "PKCS private key", "GOOGLE_CLOUD_API_KEY": "Google Cloud API key",
        ]
        return known[type.uppercased()] ?? humanize(type)
    }

    /// `Personal information (PII): US Social Security number (1,204), email address (9,872); Financial information: credit card number (311)`.
    static func summary(_ hits: [SensitiveDataHit]) -> Prose {
        var order: [String] = []
        var byCategory: [String: [Prose]] = [:]
        for hit in merge(hits) {
            if byCategory[hit.category] == nil { order.append(hit.category) }
            let count: Prose = hit.count > 0 ? " (\(hit.count))" : ""
            byCategory[hit.category, default: []].append(typeText(hit.type) + count)
        }
        return order.map { categoryText($0) + ": " + (byCategory[$0] ?? []).joined(separator: ", ") }.joined(separator: "; ")
    }

    /// A category as prose: S3Hound's wording for Macie's categories, the input's text otherwise.
    static func categoryText(_ value: String) -> Prose {
        let name = category(value)
        return name == humanize(value) ? "\(name)" : "\(trusted: name)"
    }

    /// A detection type as prose: S3Hound's wording for known types, the input's text otherwise.
    static func typeText(_ value: String) -> Prose {
        let name = type(value)
        return name == humanize(value) ? "\(name)" : "\(trusted: name)"
    }

    /// One hit per category and type, counts summed; by category (as Macie orders them), then most occurrences.
    static func merge(_ hits: [SensitiveDataHit]) -> [SensitiveDataHit] {
        var totals: [String: SensitiveDataHit] = [:]
        for hit in hits {
            let key = hit.category + "\u{0}" + hit.type
            totals[key, default: SensitiveDataHit(category: hit.category, type: hit.type, count: 0)].count += hit.count
        }
        let categories = ["PERSONAL_INFORMATION", "FINANCIAL_INFORMATION", "CREDENTIALS", "CUSTOM_IDENTIFIER"]
        func rank(_ category: String) -> Int { categories.firstIndex(of: category.uppercased()) ?? categories.count }
        return totals.values.sorted {
            if rank($0.category) != rank($1.category) { return rank($0.category) < rank($1.category) }
            if $0.category != $1.category { return $0.category < $1.category }
            return $0.count != $1.count ? $0.count > $1.count : $0.type < $1.type
        }
    }

    /// `US Social Security number, email address`: types only, for table cells.
    static func shortList(_ hits: [SensitiveDataHit]) -> Prose {
        let types = merge(hits).map(\.type).uniqued().map(typeText)
        return types.isEmpty ? "flagged" : types.joined(separator: ", ")
    }

    /// `High` for `HIGH` or `high`.
    static func capitalized(_ label: String) -> String {
        label.prefix(1).uppercased() + label.dropFirst().lowercased()
    }

    /// Orders Macie severity labels: Low < Medium < High < Critical; unknown labels lowest.
    static func severityRank(_ label: String) -> Int { Severity(rawValue: label.lowercased())?.rank ?? -1 }

    /// `credit card number` for `CREDIT_CARD_NUMBER`.
    private static func humanize(_ value: String) -> String {
        value.replacingOccurrences(of: "_", with: " ").lowercased()
    }
}
