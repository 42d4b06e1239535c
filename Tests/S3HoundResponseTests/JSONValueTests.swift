import Foundation
import Testing
@testable import S3HoundResponse

@Suite("JSON values: parse, print with sorted keys, compare by meaning")
struct JSONValueTests {
    @Test("pretty printing sorts keys, indents by two, keeps integers integral")
    func prettyPrinting() throws {
        let value = try JSONValue.parse(#"{"b": [1, 2.5, true, null], "a": {"z": "x", "y": {}}, "c": []}"#, source: "test")
        #expect(value.prettyText == """
        {
          "a": {
            "y": {},
            "z": "x"
          },
          "b": [
            1,
            2.5,
            true,
            null
          ],
          "c": []
        }
        """)
        #expect(value.compactText == #"{"a":{"y":{},"z":"x"},"b":[1,2.5,true,null],"c":[]}"#)
    }

    @Test("booleans and numbers stay apart (JSONSerialization cannot tell 1 from true on Linux)")
    func booleansAndNumbers() throws {
        let value = try JSONValue.parse(#"[true, 1, 0, false, 12345678901234]"#, source: "test")
        #expect(value == [.bool(true), .number(1), .number(0), .bool(false), .number(12345678901234)])
        #expect(value.compactText == "[true,1,0,false,12345678901234]")
    }

    @Test("strings that would reorder or recolour a terminal are escaped")
    func terminalSafeStrings() throws {
        let value: JSONValue = .string("evil\u{1B}[31m\u{202E}txt\n")
        #expect(value.compactText == #""evil\u001b[31m\u202etxt\n""#)
        #expect(try JSONValue.parse(value.compactText, source: "test") == value)
    }

    @Test("invalid JSON names its source")
    func invalidJSON() {
        #expect { try JSONValue.parse("{\"a\": ", source: "the policy of bucket b") } throws: { error in
            (error as? ResponseError)?.message.hasPrefix("the policy of bucket b is not valid JSON") == true
        }
    }

    @Test("containment ignores array order and fields AWS adds")
    func containment() throws {
        let written: JSONValue = ["ReadWriteType": "All", "DataResources": [["Type": "AWS::S3::Object", "Values": ["b", "a"]]]]
        let readBack: JSONValue = ["ReadWriteType": "All", "IncludeManagementEvents": true, "ExcludeManagementEventSources": [],
                                   "DataResources": [["Type": "AWS::S3::Object", "Values": ["a", "b"]]]]
        #expect(written.isContained(in: readBack))
        #expect(!readBack.isContained(in: written))
        #expect(JSONValue.number(1000).isContained(in: .string("1000")))
        #expect(!(["Values": ["a"]] as JSONValue).isContained(in: ["Values": ["b"]]))
        #expect(!(["EventSelectors": []] as JSONValue).isContained(in: ["EventSelectors": [["ReadWriteType": "All"]]]), "an extra element is a difference")
    }

    @Test("YAML: plain keys, quoted strings, lists of maps, empty collections")
    func yaml() {
        let value: JSONValue = [
            "Resources": ["Topic": ["Type": "AWS::SNS::Topic", "Properties": ["TopicName": "yes", "Tags": []]]],
            "List": [["Fn::If": ["C", ["Ref": "A"], ["Ref": "B"]]], 3, true],
            "on": "quoted key",
        ]
        #expect(value.yamlText(keyOrder: ["Resources", "Type"]) == """
        Resources:
          Topic:
            Type: "AWS::SNS::Topic"
            Properties:
              Tags: []
              TopicName: "yes"
        List:
          - Fn::If:
              - "C"
              - Ref: "A"
              - Ref: "B"
          - 3
          - true
        "on": "quoted key"

        """)
    }
}
