import Foundation

/// Resolves credentials, region and endpoints the way the AWS CLI does, from an environment and the shared files.
///
/// Order: an explicit `--profile` wins; otherwise `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`; otherwise the profile
/// named by `AWS_PROFILE` (or `default`) in `~/.aws/credentials` (`[NAME]`) and `~/.aws/config` (`[profile NAME]`).
public struct CredentialResolver: Sendable {
    /// The environment variables to read (injected by tests).
    public var environment: [String: String]
    /// The `--profile` option, which overrides `AWS_PROFILE` and environment keys.
    public var explicitProfile: String?
    /// The home directory holding `.aws/` (injected by tests; never read the real one there).
    public var homeDirectory: String

    /// Creates a resolver; defaults read the process environment and the user's home directory.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, profile: String? = nil,
                homeDirectory: String? = nil) {
        self.environment = environment
        self.explicitProfile = profile
        self.homeDirectory = homeDirectory ?? environment["HOME"] ?? NSHomeDirectory()
    }

    /// The profile in effect: `--profile`, then `AWS_PROFILE`, then `default`.
    public var profileName: String { explicitProfile ?? nonEmpty("AWS_PROFILE") ?? "default" }

    /// The shared credentials file path (`AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`).
    public var credentialsFilePath: String {
        nonEmpty("AWS_SHARED_CREDENTIALS_FILE") ?? homeDirectory + "/.aws/credentials"
    }

    /// The config file path (`AWS_CONFIG_FILE` or `~/.aws/config`).
    public var configFilePath: String { nonEmpty("AWS_CONFIG_FILE") ?? homeDirectory + "/.aws/config" }

    /// Where the credentials come from, or an error saying what to set.
    public func resolveCredentialSource() throws -> CredentialSource {
        if explicitProfile == nil, let keyID = nonEmpty("AWS_ACCESS_KEY_ID") {
            guard let secret = nonEmpty("AWS_SECRET_ACCESS_KEY") else {
                throw AWSConfigurationError("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or unset AWS_ACCESS_KEY_ID to use a profile")
            }
            return .environment(AWSCredentials(accessKeyId: keyID, secretAccessKey: secret,
                                               sessionToken: nonEmpty("AWS_SESSION_TOKEN")))
        }
        let files = try loadFiles()
        let name = profileName
        guard files.profile(name) != nil else {
            if explicitProfile == nil && nonEmpty("AWS_PROFILE") == nil {
                throw AWSConfigurationError("no credentials found: set AWS_PROFILE or --profile to a profile in \(credentialsFilePath) or \(configFilePath), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or run `aws configure`)")
            }
            throw AWSConfigurationError("profile '\(name)' not found in \(credentialsFilePath) or \(configFilePath): check --profile / AWS_PROFILE, or run `aws configure --profile \(name)`")
        }
        return try source(forProfile: name, files: files, visited: [])
    }

    /// The region: `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the profile's `region`; nil when none is set.
    public func resolveRegion() throws -> String? {
        if let region = nonEmpty("AWS_REGION") ?? nonEmpty("AWS_DEFAULT_REGION") { return region }
        return try loadFiles().profile(profileName)?["region"]
    }

    /// The endpoint override for a service (`AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`), or nil.
    public func endpointOverride(forService serviceID: String) -> URL? {
        let suffix = serviceID.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        return (nonEmpty("AWS_ENDPOINT_URL_\(suffix)") ?? nonEmpty("AWS_ENDPOINT_URL")).flatMap(URL.init(string:))
    }

    private func source(forProfile name: String, files: SharedFiles, visited: [String]) throws -> CredentialSource {
        guard let settings = files.profile(name) else {
            throw AWSConfigurationError("source_profile '\(name)' (used by '\(visited.last ?? name)') not found in \(credentialsFilePath) or \(configFilePath)")
        }
        if let roleARN = settings["role_arn"], !visited.contains(name) {
            guard let sourceName = settings["source_profile"] else {
                throw AWSConfigurationError("profile '\(name)' has role_arn but no source_profile: add source_profile = <profile with keys> (credential_source is not supported)")
            }
            let source = try self.source(forProfile: sourceName, files: files, visited: visited + [name])
            return .assumeRole(profile: name, roleARN: roleARN,
                               sessionName: settings["role_session_name"] ?? "s3hound-\(Int(Date().timeIntervalSince1970))",
                               externalID: settings["external_id"], source: source)
        }
        guard let keyID = settings["aws_access_key_id"], let secret = settings["aws_secret_access_key"] else {
            throw AWSConfigurationError("profile '\(name)' has no aws_access_key_id/aws_secret_access_key (nor role_arn): add them to \(credentialsFilePath)")
        }
        return .profile(name: name, credentials: AWSCredentials(accessKeyId: keyID, secretAccessKey: secret,
                                                                  sessionToken: settings["aws_session_token"]))
    }

    private func loadFiles() throws -> SharedFiles {
        SharedFiles(credentials: try read(credentialsFilePath), config: try read(configFilePath))
    }

    private func read(_ path: String) throws -> AWSConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return AWSConfigFile(text: "") }
        do {
            return AWSConfigFile(text: try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            throw AWSConfigurationError("cannot read \(path): \(error.localizedDescription); fix its permissions or point AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE elsewhere")
        }
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}

/// The credentials and config files read together: a profile's settings merge both, credentials file first.
private struct SharedFiles {
    let credentials: AWSConfigFile
    let config: AWSConfigFile

    func profile(_ name: String) -> [String: String]? {
        let fromConfig = config.sections[name == "default" ? "default" : "profile \(name)"]
            ?? (name == "default" ? config.sections["profile default"] : nil)
        let fromCredentials = credentials.sections[name]
        guard fromConfig != nil || fromCredentials != nil else { return nil }
        return (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, credentialsValue in credentialsValue }
    }
}
