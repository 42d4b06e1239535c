import Foundation
import Testing
@testable import S3HoundResponse

@Suite("Containment plans")
struct ContainmentPlannerTests {
    func planner(_ aws: InMemoryAWS) -> ContainmentPlanner { ContainmentPlanner(backend: aws, region: "us-east-1") }

    @Test("from a report: the masked key resolves through ListAccessKeys; our buckets get the deny; copy destinations do not")
    func fromIncident() async throws {
        let aws = Fixtures.account()
        let request = ContainmentRequest(incident: try Fixtures.janeIncident(), endpoints: [Fixtures.endpoint],
                                         approvedBuckets: ["approved-bucket-1"])
        let plan = try await planner(aws).plan(request)
        #expect(plan.changes.map(\.target) == [
            .accessKey(user: "developer-jane", accessKeyId: Fixtures.janeKey),
            .bucketPolicy(bucket: "sensitive-data-bucket"),
            .bucketPolicy(bucket: "customer-records"),
            .endpointPolicy(endpoint: Fixtures.endpoint),
        ])
        #expect(plan.pendingChanges.count == 4)
        #expect(plan.changes[0].before == ["Status": "Active"] && plan.changes[0].after == ["Status": "Inactive"])
        #expect(plan.changes[2].before == nil)
        #expect(plan.notes.contains { $0.contains("temporary keys (ASIA…0001)") })
        #expect(plan.notes.contains { $0.contains("Approved for the endpoint as well: sensitive-data-bucket, customer-records") })
        #expect(aws.writes.isEmpty, "planning never writes")
    }

    @Test("the text plan masks keys and shows the policy diff with existing statements kept")
    func textRendering() async throws {
        let aws = Fixtures.account()
        let request = ContainmentRequest(incident: try Fixtures.janeIncident(), endpoints: [Fixtures.endpoint], keepEndpointPolicy: true)
        let text = try await planner(aws).plan(request).text
        #expect(text.contains("1. Access key AKIA…WXYZ of IAM user developer-jane: deactivate"))
        #expect(text.contains("     Status: Active → Inactive"))
        #expect(!text.contains(Fixtures.janeKey))
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("     + ") && $0.contains("\"Sid\": \"S3HoundContainDenyOutsideVpce\"") })
        #expect(text.contains("AllowAnalytics"))
        #expect(text.contains("(none now)"))
        #expect(text.hasSuffix("3 changes.\n"))
    }

    @Test("JSON plan output masks keys and says which changes change something")
    func jsonRendering() async throws {
        let aws = Fixtures.account()
        aws.keys[1].status = "Inactive"
        let plan = try await planner(aws).plan(ContainmentRequest(accessKeys: [Fixtures.janeKey, Fixtures.janeOtherKey]))
        let json = plan.json
        #expect(json["schema"] == "s3hound.response-plan.v1")
        #expect(json["changes"]?.elements.map { $0["changed"] } == [.bool(true), .bool(false)])
        #expect(json["changes"]?.elements.first?["target"]?["accessKey"] == "AKIA…WXYZ")
        #expect(!json.compactText.contains(Fixtures.janeKey))
    }

    @Test("an explicit key finds its owner with GetAccessKeyLastUsed")
    func explicitKey() async throws {
        let plan = try await planner(Fixtures.account()).plan(ContainmentRequest(accessKeys: [Fixtures.janeOtherKey]))
        #expect(plan.changes.map(\.target) == [.accessKey(user: "developer-jane", accessKeyId: Fixtures.janeOtherKey)])
    }

    @Test("an unknown key is an error that says where it might belong")
    func unknownKey() async throws {
        await #expect { try await planner(Fixtures.account()).plan(ContainmentRequest(accessKeys: ["AKIAUNKNOWN000000000"])) } throws: { error in
            (error as? ResponseError)?.message.contains("no IAM user in account 123456789012 owns access key AKIA…0000") == true
        }
    }

    @Test("refused: a bucket deny without an endpoint id would lock everyone out")
    func refusesBucketWithoutEndpoint() async throws {
        let aws = Fixtures.account()
        let error = await #expect(throws: ResponseError.self) { try await planner(aws).plan(ContainmentRequest(buckets: ["sensitive-data-bucket"])) }
        #expect(error?.isRefusal == true)
        #expect(error?.message.contains("--vpce") == true)
    }

    @Test("refused: restricting an endpoint to no approved buckets")
    func refusesEmptyApproval() async throws {
        let error = await #expect(throws: ResponseError.self) {
            try await planner(Fixtures.account()).plan(ContainmentRequest(buckets: ["sensitive-data-bucket"], endpoints: [Fixtures.endpoint]))
        }
        #expect(error?.isRefusal == true)
        #expect(error?.message.contains("--approved-bucket") == true && error?.message.contains("--keep-endpoint-policy") == true)
    }

    @Test("refused: deactivating the key the caller signs with, unless --allow-own-key; then it goes last")
    func refusesOwnKey() async throws {
        let aws = Fixtures.account()
        let own = ContainmentRequest(accessKeys: ["AKIARESPONDER0000001", Fixtures.janeKey])
        let error = await #expect(throws: ResponseError.self) { try await planner(aws).plan(own) }
        #expect(error?.isRefusal == true)
        #expect(error?.message.contains("AKIA…0001") == true && error?.message.contains("--allow-own-key") == true)
        var allowed = own
        allowed.allowOwnKey = true
        let plan = try await planner(aws).plan(allowed)
        #expect(plan.changes.last?.target == .accessKey(user: "responder", accessKeyId: "AKIARESPONDER0000001"))
        #expect(plan.changes.last?.warnings.first?.contains("deactivated last") == true)
    }

    @Test("refused: an endpoint id that does not exist, or is not an S3 endpoint")
    func refusesWrongEndpoint() async throws {
        for endpoint in ["vpce-0missing", "vpce-0dynamo0000000000"] {
            let error = await #expect(throws: ResponseError.self) {
                try await planner(Fixtures.account()).plan(ContainmentRequest(buckets: ["customer-records"], endpoints: [endpoint], keepEndpointPolicy: true))
            }
            #expect(error?.isRefusal == true)
        }
    }

    @Test("temporary keys and malformed ids are rejected before any call")
    func malformedInput() async throws {
        let aws = Fixtures.account()
        for request in [ContainmentRequest(accessKeys: ["ASIAJANE00000000WXYZ"]), ContainmentRequest(accessKeys: ["hunter2"]),
                        ContainmentRequest(endpoints: ["0abc"], approvedBuckets: ["a-bucket"]), ContainmentRequest(),
                        ContainmentRequest(approvedBuckets: ["a-bucket"])] {
            await #expect(throws: ResponseError.self) { try await planner(aws).plan(request) }
        }
    }

    @Test("a role incident deactivates nothing and says how to cut the role off")
    func roleIncident() async throws {
        let incident = try IncidentReference.load(id: "INC-20260223-0c0ffe", fromReport: Fixtures.report, source: "report.json")
        let plan = try await planner(Fixtures.account()).plan(ContainmentRequest(incident: incident))
        #expect(plan.isEmpty)
        #expect(plan.notes.contains { $0.contains("is not an IAM user (AssumedRole)") })
    }

    @Test("an endpoint without a policy gets the deny merged into the default full-access policy")
    func endpointWithoutPolicy() async throws {
        let aws = Fixtures.account()
        aws.endpoints[Fixtures.endpoint]?.policy = nil
        let plan = try await planner(aws).plan(ContainmentRequest(endpoints: [Fixtures.endpoint], approvedBuckets: ["approved-bucket-1"]))
        let after = try #require(plan.changes.first?.after)
        #expect(after["Statement"]?.elements.count == 2)
        #expect(after["Statement"]?.elements.first?["Effect"] == "Allow")
        #expect(plan.changes.first?.before == nil)
    }

    @Test("an earlier containment's statement with other endpoints is a conflict")
    func conflictingStatement() async throws {
        let aws = Fixtures.account()
        let earlier = ContainmentStatements.bucketDeny(bucket: "customer-records", endpoints: ["vpce-0older"])
        let document: JSONValue = ["Version": "2012-10-17", "Statement": [earlier]]
        aws.bucketPolicies["customer-records"] = document.compactText
        await #expect { try await planner(aws).plan(ContainmentRequest(buckets: ["customer-records"], endpoints: [Fixtures.endpoint], keepEndpointPolicy: true)) } throws: { error in
            (error as? ResponseError)?.message.contains("already has a statement S3HoundContainDenyOutsideVpce that differs") == true
        }
    }

    @Test("report loading: unknown ids list the known ones; other files are refused")
    func reportErrors() {
        #expect { try IncidentReference.load(id: "INC-X", fromReport: Fixtures.report, source: "r.json") } throws: { error in
            (error as? ResponseError)?.message == "r.json has no incident INC-X; it has: INC-20260223-4f2a9c, INC-20260223-0c0ffe"
        }
        #expect(throws: ResponseError.self) { try IncidentReference.load(id: "INC-X", fromReport: Data(#"{"Records": []}"#.utf8), source: "trail.json") }
    }

    @Test("report loading keeps our buckets and drops copy destinations in other accounts")
    func reportBuckets() throws {
        let incident = try Fixtures.janeIncident()
        #expect(incident.buckets == ["sensitive-data-bucket", "customer-records"])
        #expect(incident.userName == "developer-jane")
        #expect(incident.maskedAccessKeys == ["AKIA…WXYZ", "ASIA…0001"])
    }
}
