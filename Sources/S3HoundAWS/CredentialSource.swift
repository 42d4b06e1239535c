/// Where resolved credentials come from; `assumeRole` still needs an STS call to become usable keys.
public indirect enum CredentialSource: Sendable, Equatable {
    /// Keys from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`.
    case environment(AWSCredentials)
    /// Keys stored in a named profile.
    case profile(name: String, credentials: AWSCredentials)
    /// A profile with `role_arn` + `source_profile`: assume the role with the source's credentials.
    case assumeRole(profile: String, roleARN: String, sessionName: String, externalID: String?, source: CredentialSource)

    /// The keys, when no STS call is needed.
    public var staticCredentials: AWSCredentials? {
        switch self {
        case .environment(let credentials), .profile(_, let credentials): credentials
        case .assumeRole: nil
        }
    }
}
