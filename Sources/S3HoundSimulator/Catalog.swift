import Foundation

/// An AWS region the simulated account uses.
enum Region: Int, CaseIterable {
    case usEast1 = 0, euWest1 = 1

    /// The region code, e.g. `us-east-1`.
    var name: String { self == .usEast1 ? "us-east-1" : "eu-west-1" }
}

/// A bucket the simulation touches, with the JSON fragments every record about it repeats.
final class Bucket: Sendable {
    let name: String
    let owner: String
    let region: Region
    /// `"bucketName":"…","Host":"….s3.<region>.amazonaws.com"`.
    let requestFragment: [UInt8]
    /// `{"accountId":"…","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::…"}`.
    let resourceFragment: [UInt8]
    /// `"clientProvidedHostHeader":"…"` for `tlsDetails`.
    let hostHeaderFragment: [UInt8]
    /// The name as it appears inside a JSON string.
    let escapedName: [UInt8]

    init(name: String, owner: String, region: Region) {
        self.name = name; self.owner = owner; self.region = region
        let host = "\(name).s3.\(region.name).amazonaws.com"
        var request = JSONOutput(); request.field("bucketName", name, first: true); request.field("Host", host)
        requestFragment = request.bytes
        var resource = JSONOutput()
        resource.literal("{")
        if owner.isEmpty { resource.field("type", "AWS::S3::Bucket", first: true) } else {
            resource.field("accountId", owner, first: true); resource.field("type", "AWS::S3::Bucket")
        }
        resource.field("ARN", "arn:aws:s3:::\(name)"); resource.literal("}")
        resourceFragment = resource.bytes
        var header = JSONOutput(); header.field("clientProvidedHostHeader", host, first: true)
        hostHeaderFragment = header.bytes
        var escaped = JSONOutput(); escaped.stringContent(name)
        escapedName = escaped.bytes
    }
}

/// The buckets and their objects: keys and sizes are a pure function of the seed, bucket and index,
/// so the same object has the same size whoever reads it.
struct Catalog {
    static let sensitiveData = 0, customerRecords = 1, financeReports = 2, appArtifacts = 3
    static let backupDR = 4, trailLogs = 5, euArchive = 6, exfilDrop = 7
    /// Buckets of the organisation population and the catalog scenarios (see `Catalog+Organisation.swift`).
    static let drAccountBackup = 8, publicWebsite = 9, decoyPayroll = 10, opsConfig = 11
    /// The first of the account's other buckets (listed in discovery), and the first guessed name that does not exist.
    static let firstOtherBucket = 12

    /// The foreign account that owns the attacker's drop bucket.
    static let foreignAccount = "999988887777"

    let buckets: [Bucket]
    let seed: UInt64

    init(account: String, seed: UInt64) {
        self.seed = seed
        buckets = [
            Bucket(name: "sensitive-data-bucket", owner: account, region: .usEast1),
            Bucket(name: "customer-records", owner: account, region: .usEast1),
            Bucket(name: "finance-reports", owner: account, region: .usEast1),
            Bucket(name: "app-artifacts", owner: account, region: .usEast1),
            Bucket(name: "backup-dr-bucket", owner: account, region: .usEast1),
            Bucket(name: "org-cloudtrail-logs", owner: account, region: .usEast1),
            Bucket(name: "eu-analytics-archive", owner: account, region: .euWest1),
            Bucket(name: "exfil-drop-bucket", owner: Catalog.foreignAccount, region: .usEast1),
        ] + Catalog.organisationBuckets(account: account)
    }

    /// Mean object size in the three data buckets, chosen so 12,847 downloads total about 4.7 GB.
    static let meanDataObjectSize = 4_700_000_000.0 / 12_847.0

    /// The key of object `index` of a bucket; distinct indexes give distinct keys.
    func key(bucket: Int, index: Int) -> String {
        let h = SimulationRandom.mix(seed, UInt64(bucket) << 40 | UInt64(index))
        let month = Int(h % 12) + 1, day = Int((h >> 8) % 28) + 1, variant = Int((h >> 16) % 4)
        let id = index + 100_000
        switch bucket {
        case Catalog.sensitiveData:
            switch variant {
            case 0: return "pii/exports/2025/\(two(month))/customer-export-\(id).csv.gz"
            case 1: return "hr/employees/E\(id)/personnel-record.json"
            case 2: return "legal/contracts/2025/contract-\(id).pdf"
            default: return "pii/kyc-documents/batch-\(two(month))\(two(day))/scan-\(id).png"
            }
        case Catalog.customerRecords:
            let region = ["us", "eu", "apac", "us"][variant]
            return (h >> 24) % 3 == 0 ? "customers/\(region)/C\(id)/profile.json"
                : "customers/\(region)/C\(id)/statements/2025-\(two(month)).pdf"
        case Catalog.financeReports:
            switch variant {
            case 0: return "reports/2025/Q\((month - 1) / 3 + 1)/ledger-\(id).xlsx"
            case 1: return "invoices/2026/\(two(month))/INV-\(id).pdf"
            case 2: return "payroll/2025/\(two(month))/payroll-run-\(id).csv"
            default: return "audit/2025/workpapers/wp-\(id).docx"
            }
        case Catalog.appArtifacts:
            let service = ["web-frontend", "api-service", "billing-worker", "auth-gateway"][variant]
            return "builds/\(service)/1.\(index / 100).\(index % 100)/\(service)-\(index).tar.gz"
        case Catalog.euArchive:
            return "events/year=2025/month=\(two(month))/day=\(two(day))/part-\(id).snappy.parquet"
        case Catalog.publicWebsite:
            let kind = ["static/js/app-\(index % 40).js", "static/css/site-\(index % 12).css", "images/products/p\(id).webp", "index.html"][variant]
            return kind
        case Catalog.decoyPayroll:
            return "payroll/2019/\(two(month))/payroll-run-\(id).csv"
        default:
            return "objects/\(id)"
        }
    }

    /// The size in bytes of object `index` of a bucket.
    func size(bucket: Int, index: Int) -> Int64 {
        let h = SimulationRandom.mix(seed ^ 0x5EED, UInt64(bucket) << 40 | UInt64(index))
        switch bucket {
        case Catalog.sensitiveData: return logNormal(h, mean: Catalog.meanDataObjectSize, sigma: 1.1)
        case Catalog.customerRecords: return logNormal(h, mean: Catalog.meanDataObjectSize, sigma: 0.8)
        case Catalog.financeReports: return logNormal(h, mean: Catalog.meanDataObjectSize, sigma: 0.95)
        case Catalog.appArtifacts: return logNormal(h, mean: 24_000_000, sigma: 0.5)
        case Catalog.euArchive: return logNormal(h, mean: 4_500_000, sigma: 0.6)
        default: return logNormal(h, mean: 200_000, sigma: 1.0)
        }
    }

    /// A log-normal size with the given mean, drawn from the bits of `h`, between 1 KB and 256 MB.
    private func logNormal(_ h: UInt64, mean: Double, sigma: Double) -> Int64 {
        let u1 = (Double(h >> 40) + 0.5) / Double(1 << 24)
        let u2 = Double((h >> 8) & 0xFFFF_FFFF) / Double(UInt64(1) << 32)
        let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        let median = mean / exp(sigma * sigma / 2)
        return Int64(min(max(median * exp(sigma * normal), 1024), 268_435_456))
    }
}

/// A number as two digits.
func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
