import Foundation
import Testing
@testable import S3HoundAWS

/// Resolution like the AWS CLI, with temp files and an injected environment (never the real HOME).
@Suite final class CredentialResolverTests {
    let home: String

    deinit { try? FileManager.default.removeItem(atPath: home) }

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-aws-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        try """
        [default]
        aws_access_key_id = AKIADEFAULT00000000
        aws_secret_access_key = defaultsecret

        # a comment
        [dev]
        aws_access_key_id=AKIADEV0000000000000
        aws_secret_access_key=devsecret
        aws_session_token = devtoken
        """.write(toFile: home + "/.aws/credentials", atomically: true, encoding: .utf8)
        try """
        [default]
        region = eu-west-1

        [profile dev]
        region = us-west-2
        s3 =
          max_concurrent_requests = 4

        [profile auditor]
        role_arn = arn:aws:iam::123456789012:role/Auditor
        source_profile = dev
        role_session_name = hunt
        external_id = ext-1

        [profile empty]
        region = ap-south-1
        """.write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
    }

    func resolver(_ environment: [String: String] = [:], profile: String? = nil) -> CredentialResolver {
        CredentialResolver(environment: environment, profile: profile, homeDirectory: home)
    }

    @Test func environmentKeysWin() throws {
        let source = try resolver(["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "envsecret",
                                   "AWS_SESSION_TOKEN": "envtoken", "AWS_PROFILE": "dev"]).resolveCredentialSource()
        #expect(source == .environment(AWSCredentials(accessKeyId: "AKIAENV", secretAccessKey: "envsecret", sessionToken: "envtoken")))
    }

    @Test func explicitProfileBeatsEnvironmentKeys() throws {
        let source = try resolver(["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "s"], profile: "dev").resolveCredentialSource()
        #expect(source.staticCredentials == AWSCredentials(accessKeyId: "AKIADEV0000000000000", secretAccessKey: "devsecret", sessionToken: "devtoken"))
    }

    @Test func defaultProfileAndItsRegion() throws {
        let resolver = resolver()
        #expect(try resolver.resolveCredentialSource() == .profile(name: "default", credentials: AWSCredentials(accessKeyId: "AKIADEFAULT00000000", secretAccessKey: "defaultsecret")))
        #expect(try resolver.resolveRegion() == "eu-west-1")
    }

    @Test func regionPrecedence() throws {
        #expect(try resolver(["AWS_PROFILE": "dev"]).resolveRegion() == "us-west-2")
        #expect(try resolver(["AWS_PROFILE": "dev", "AWS_DEFAULT_REGION": "ca-central-1"]).resolveRegion() == "ca-central-1")
        #expect(try resolver(["AWS_REGION": "sa-east-1", "AWS_DEFAULT_REGION": "ca-central-1"]).resolveRegion() == "sa-east-1")
    }

    @Test func roleProfileNeedsAssumeRoleWithItsSource() throws {
        let source = try resolver(profile: "auditor").resolveCredentialSource()
        #expect(source == .assumeRole(profile: "auditor", roleARN: "arn:aws:iam::123456789012:role/Auditor", sessionName: "hunt",
                                      externalID: "ext-1", source: .profile(name: "dev", credentials: AWSCredentials(accessKeyId: "AKIADEV0000000000000", secretAccessKey: "devsecret", sessionToken: "devtoken"))))
        #expect(source.staticCredentials == nil)
    }

    @Test func fileLocationsAreOverridable() throws {
        let other = home + "/elsewhere"
        try "[ci]\naws_access_key_id = AKIACI\naws_secret_access_key = cisecret\n".write(toFile: other, atomically: true, encoding: .utf8)
        let source = try resolver(["AWS_SHARED_CREDENTIALS_FILE": other, "AWS_CONFIG_FILE": home + "/missing", "AWS_PROFILE": "ci"]).resolveCredentialSource()
        #expect(source.staticCredentials?.secretAccessKey == "cisecret")
    }

    @Test func endpointOverrides() {
        let resolver = resolver(["AWS_ENDPOINT_URL": "http://127.0.0.1:4566", "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:5000"])
        #expect(resolver.endpointOverride(forService: "s3") == URL(string: "http://127.0.0.1:5000"))
        #expect(resolver.endpointOverride(forService: "sts") == URL(string: "http://127.0.0.1:4566"))
        #expect(self.resolver(["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS": "http://127.0.0.1:1"]).endpointOverride(forService: "CloudWatch Logs") == URL(string: "http://127.0.0.1:1"))
        #expect(self.resolver().endpointOverride(forService: "s3") == nil)
    }

    @Test func errorsSayWhatToDo() throws {
        let empty = CredentialResolver(environment: [:], homeDirectory: home + "/nowhere")
        let none = #expect(throws: AWSConfigurationError.self) { try empty.resolveCredentialSource() }
        #expect(none?.message.hasPrefix("no credentials found: set AWS_PROFILE or --profile") == true)
        let missing = #expect(throws: AWSConfigurationError.self) { try resolver(profile: "prod").resolveCredentialSource() }
        #expect(missing?.message.hasPrefix("profile 'prod' not found in \(home)/.aws/credentials") == true)
        let keyless = #expect(throws: AWSConfigurationError.self) { try resolver(profile: "empty").resolveCredentialSource() }
        #expect(keyless?.message.contains("has no aws_access_key_id") == true)
        let halfEnv = #expect(throws: AWSConfigurationError.self) { try resolver(["AWS_ACCESS_KEY_ID": "AKIA"]).resolveCredentialSource() }
        #expect(halfEnv?.message.contains("AWS_SECRET_ACCESS_KEY is not") == true)
    }

    @Test func iniParsing() {
        let file = AWSConfigFile(text: "[profile  x ]\nKey = a=b\n  nested = skip\n; c\n")
        #expect(file.sections == ["profile x": ["key": "a=b"]])
    }
}
