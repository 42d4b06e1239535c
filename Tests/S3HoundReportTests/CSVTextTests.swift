import S3HoundCore
import S3HoundReport
import Testing

@Suite("CSV text")
struct CSVTextTests {
    @Test("fields with CSV syntax are quoted with inner quotes doubled; others are written as they are")
    func fields() {
        #expect(CSVText.field("arn:aws:iam::123456789012:user/jane") == "arn:aws:iam::123456789012:user/jane")
        #expect(CSVText.field("") == "")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVText.field("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVText.field(" padded") == "\" padded\"")
        #expect(CSVText.row(["a", "b,c", "1"]) == "a,\"b,c\",1\n")
    }

    @Test("read totals: a header, then one row per principal and source")
    func readTotals() {
        let csv = ReadTotalsCSV.render([
            ReadTotal(principal: "arn:aws:iam::123456789012:user/jane", sourceIP: "203.0.113.10", requests: 3, bytes: 4096),
            ReadTotal(principal: "evil,\"name\"", sourceIP: "", requests: 1, bytes: 0),
        ])
        #expect(csv == "principal,source_ip,requests,bytes\narn:aws:iam::123456789012:user/jane,203.0.113.10,3,4096\n\"evil,\"\"name\"\"\",,1,0\n")
    }
}
