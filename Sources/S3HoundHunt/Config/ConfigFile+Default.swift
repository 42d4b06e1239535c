extension ConfigFile {
    /// The commented default written by `s3hound config init`: every key, set to its default.
    public static let defaultText = """
    # S3Hound configuration. Every value below is the default; uncomment and change what you need.
    # Use it with: s3hound hunt --config s3hound.toml PATH...   (flags on the command line win)

    [accounts]
    # Our own and our organisation's accounts: copies into them and callers from them are not foreign.
    own = []
    # Accounts that may receive our data: disaster recovery, backup, vendors.
    trusted = []

    [network]
    # Files of known-bad addresses and CIDRs, one a line, # comments (e.g. a Tor exit list).
    # Relative paths are relative to this file.
    threat_lists = []
    # Our own address ranges (offices, VPN exits, NAT gateways): never "new" for a principal.
    allowed_cidrs = []
    # AWS's published ip-ranges.json (https://ip-ranges.amazonaws.com/ip-ranges.json, downloaded by you):
    # flow-log traffic to AWS addresses is then not counted as egress.
    # aws_ip_ranges = "ip-ranges.json"

    [thresholds]
    # Bulk download: GetObject requests per window that always count as bulk (the runbook's alarm).
    bulk_objects = 1000
    # Bulk download: bytes per window that always count as bulk.
    bulk_bytes = "1GiB"
    # Bulk download: the sliding window.
    bulk_window = "1h"
    # A principal with a baseline must exceed this multiple of its own busiest window.
    baseline_multiplier = 3.0
    # Days of activity a principal needs before it is judged against its own history.
    min_history_days = 3
    # History before the window that principals are judged against.
    baseline = "7d"
    # Findings about one principal further apart than this start a new incident.
    incident_gap = "2h"
    # The window of the discovery, denied-burst and mass-deletion detections.
    stream_window = "1h"
    # Discovery: distinct buckets listed or inspected in a window.
    enumeration_buckets = 10
    # Denied burst: failed calls in an hour, naming at least this many buckets.
    denied_burst_calls = 25
    denied_burst_buckets = 5
    # Mass deletion: objects deleted in an hour.
    mass_delete_objects = 500
    # Presigned URLs: signers whose links were used from more addresses than this hand links out publicly.
    presigned_ip_limit = 5
    # Lifecycle rules expiring a whole bucket's objects after at most this many days are reported.
    short_expiration_days = 1
    # Events each per-event detection keeps in memory; further ones are only counted (the report says so).
    kept_events_per_detection = 200000
    # Flow-log egress: bytes one instance sends to one outside address within the window.
    egress_bytes = "500MiB"
    egress_window = "1h"
    # GuardDuty/Macie findings below this severity are context only (info, low, medium, high, critical).
    service_finding_min_severity = "low"

    [detections]
    # Detection ids not to run (s3hound detections list shows them).
    disabled = []
    # Added to the built-in lists: user-agent texts of attack tooling, object-key patterns of credential
    # files and of ransom notes (* and ?), and decoy buckets or prefixes nobody should touch.
    tool_user_agents = []
    credential_keys = []
    ransom_notes = []
    canaries = []

    [buckets.labels]
    # Sensitivity labels of buckets, shown in reports next to each bucket an incident touched.
    # "customer-records" = "pii"

    # Silence a known-benign pattern until a date. Every field given must match.
    # [[suppression]]
    # detection = "cloudtrail.bulk-download"
    # principal = "arn:aws:iam::123456789012:role/nightly-backup"
    # bucket = "customer-records"
    # user_agent = "aws-sdk-java"
    # expires = 2026-12-31
    # reason = "Nightly backup reads every object; ticket SEC-123"

    """
}
