import Testing
@testable import S3HoundCore

@Suite("Text that reaches people")
struct TextTests {
    @Test("access keys are masked to their first and last four characters")
    func masking() {
        #expect(AccessKeyMask.mask("AKIA5Q2R7HNB3KQTWXYZ") == "AKIA…WXYZ")
        #expect(AccessKeyMask.mask("short") == "…")
        #expect(AccessKeyMask.mask("") == "")
    }

    @Test("byte counts read like a report")
    func bytes() {
        #expect(ByteCount.format(512) == "512 B")
        #expect(ByteCount.format(5_046_586_573) == "4.7 GB")
        #expect(ByteCount.parse("1GiB") == 1 << 30)
        #expect(ByteCount.parse("500MB") == 500 << 20)
        #expect(ByteCount.parse("12 parsecs") == nil)
        #expect(ByteCount.grouped(12847) == "12,847")
        #expect(ByteCount.grouped(999) == "999")
    }

    @Test("terminal escaping neutralises control and bidi characters")
    func terminal() {
        let hostile = "curl\u{1B}[31mred\u{07}\u{202E}evil\u{9B}"
        let safe = SafeText.terminal(hostile)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E || $0.value == 0x9B })
        #expect(safe.contains("\\u{1b}"))
        #expect(SafeText.terminal("plain é") == "plain é")
    }

    @Test("Markdown escaping keeps table cells whole")
    func markdown() {
        let cell = SafeText.markdown("a|b`c`\n[x](javascript:alert(1))")
        #expect(!cell.contains("\n"))
        #expect(cell.contains("a\\|b"))
        #expect(cell.contains("\\`c\\`"))
        #expect(cell.contains("\\[x\\]"))
    }

    @Test("IP addresses are told apart from AWS service names")
    func ipAddresses() {
        #expect(IPAddress.isIPAddress("185.220.101.47"))
        #expect(IPAddress.isIPAddress("2001:db8::1"))
        #expect(!IPAddress.isIPAddress("s3.amazonaws.com"))
        #expect(!IPAddress.isIPAddress("AWS Internal"))
        #expect(IPAddress.isPrivate("10.0.2.15"))
        #expect(!IPAddress.isPrivate("185.220.101.47"))
        for (address, expected) in [("172.16.0.1", true), ("172.32.0.1", false), ("100.64.1.1", true), ("192.168.1.1", true),
                                    ("::1", true), ("FD00::1", true), ("fe80::1", true), ("2001:db8::1", false), ("10.0.0", false)] {
            #expect(IPAddress.isPrivate(address) == expected, "\(address)")
        }
    }

    @Test("instance role sessions: EC2 credential delivery, or an assumed-role session named i- and hex digits")
    func instanceSessions() {
        func session(_ name: String, type: String? = "AssumedRole", delivery: String? = nil) -> Bool {
            CallerIdentity(type: type, arn: "arn:aws:sts::123456789012:assumed-role/app/" + name, ec2RoleDelivery: delivery).isInstanceRoleSession
        }
        #expect(session("i-0abc123def4567890"))
        #expect(session("i-0ABC1234"))
        #expect(!session("i-0abc123"))            // too short
        #expect(!session("i-0abc123x"))           // not hex
        #expect(!session("j-0abc12345"))
        #expect(!session("i-0abc12345", type: "IAMUser"))
        #expect(session("anything", type: "IAMUser", delivery: "2.0"))
        #expect(!CallerIdentity(type: "AssumedRole", arn: "no-slash-i-0abc12345").isInstanceRoleSession)
        #expect(!CallerIdentity(type: "AssumedRole", arn: "arn:aws:sts::1:assumed-role/app/").isInstanceRoleSession)
    }

    @Test("principals: roles by issuer, users by ARN, anonymous by marker")
    func principals() {
        #expect(CallerIdentity(arn: "arn:aws:sts::1:assumed-role/r/s", sessionIssuerArn: "arn:aws:iam::1:role/r").principal == "arn:aws:iam::1:role/r")
        #expect(CallerIdentity(arn: "arn:aws:iam::1:user/u").principal == "arn:aws:iam::1:user/u")
        #expect(CallerIdentity(accountId: "ANONYMOUS_PRINCIPAL").principal == "ANONYMOUS_PRINCIPAL")
    }
}
