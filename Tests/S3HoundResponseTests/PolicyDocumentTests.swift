import Testing
@testable import S3HoundResponse

@Suite("Policy documents: statements are added, never dropped or rewritten")
struct PolicyDocumentTests {
    let deny = ContainmentStatements.bucketDeny(bucket: "sensitive-data-bucket", endpoints: [Fixtures.endpoint])

    @Test("a statement is appended after a single-object Statement, which is kept as it was")
    func appendsToSingleStatement() throws {
        let policy = try PolicyDocument(text: Fixtures.existingPolicy, source: "test")
        guard case .added(let merged) = policy.adding(deny) else { Issue.record("expected an addition"); return }
        #expect(merged.statements.count == 2)
        #expect(merged.statements[0] == policy.json["Statement"])
        #expect(merged.statements[1] == deny)
        #expect(merged.json["Version"] == "2012-10-17")
    }

    @Test("no policy: a new document with Version and the one statement")
    func newDocument() {
        guard case .added(let merged) = PolicyDocument.empty.adding(deny) else { Issue.record("expected an addition"); return }
        #expect(merged.json == ["Version": "2012-10-17", "Statement": [deny]])
    }

    @Test("the same statement written differently is already present (order, case, single values, other Sid)")
    func alreadyPresent() throws {
        let sameMeaning = #"""
        {"Statement": [{"Sid": "DenyNonVpcAccess", "Effect": "Deny", "Principal": {"AWS": ["*"]},
          "Action": ["s3:getobjectversion", "S3:GetObject", "s3:GetObject"],
          "Resource": ["arn:aws:s3:::sensitive-data-bucket/*"],
          "Condition": {"StringNotEquals": {"aws:SourceVpce": ["vpce-0abc1234def567890"]}}}]}
        """#
        let policy = try PolicyDocument(text: sameMeaning, source: "test")
        #expect(policy.adding(deny) == .alreadyPresent)
    }

    @Test("our Sid on a different statement is a conflict, not a silent rewrite")
    func sidInUse() throws {
        let other = ContainmentStatements.bucketDeny(bucket: "sensitive-data-bucket", endpoints: ["vpce-0other"])
        guard case .added(let merged) = PolicyDocument.empty.adding(other) else { Issue.record("expected an addition"); return }
        #expect(merged.adding(deny) == .sidInUse(existing: other))
    }

    @Test("equivalence ignores statement order but not content")
    func equivalence() throws {
        let a = try PolicyDocument(text: #"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"B","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}"#, source: "a")
        let b = try PolicyDocument(text: #"{"Statement":[{"Sid":"B","Effect":"Deny","Action":["s3:deletebucket"],"Resource":["*"]},{"Resource":"*","Action":["s3:*"],"Effect":"Allow","Sid":"A"}],"Version":"2012-10-17"}"#, source: "b")
        let c = try PolicyDocument(text: #"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#, source: "c")
        #expect(a.isEquivalent(to: b))
        #expect(!a.isEquivalent(to: c))
    }

    @Test("a policy that is not an object is refused with its source")
    func notAnObject() {
        #expect(throws: ResponseError.self) { try PolicyDocument(text: "[1]", source: "the policy of bucket x") }
    }

    @Test("the endpoint deny keeps approved buckets and their objects reachable")
    func endpointDeny() {
        let statement = ContainmentStatements.endpointDeny(approvedBuckets: ["a-bucket", "b-bucket"])
        #expect(statement["NotResource"] == ["arn:aws:s3:::a-bucket", "arn:aws:s3:::a-bucket/*", "arn:aws:s3:::b-bucket", "arn:aws:s3:::b-bucket/*"])
        #expect(statement["Effect"] == "Deny")
    }
}

@Suite("Line diffs of pretty-printed documents")
struct LineDiffTests {
    @Test("added and removed lines are marked; long unchanged runs are folded")
    func diff() {
        let old = ["{", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "}"]
        let new = ["{", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "}"]
        let lines = LineDiff.render(LineDiff.lines(from: old, to: new), context: 2)
        #expect(lines == ["  … 9 unchanged lines", "  i", "  j", "+ k", "  }"])
    }

    @Test("a replaced line shows its removal before its addition")
    func replacement() {
        #expect(LineDiff.lines(from: ["a", "x", "c"], to: ["a", "y", "c"]) == [.same("a"), .removed("x"), .added("y"), .same("c")])
    }
}
