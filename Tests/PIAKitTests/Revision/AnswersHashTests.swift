import Foundation
import PIAKit
import Testing

@Suite struct AnswersHashTests {
  /// A fixed set of answers covering every kind of value, written out of order.
  static func fixture() throws -> [String: AnswerValue] {
    [
      "plan_tier": .choice("team"),
      "ai_tasks": .choices(["policies_bylaws", "council_reports"]),
      "ask_before_acting": .bool(true),
      "custom_retention_days": .number(30),
      "assessment_date": .date(try #require(CalendarDate("2026-02-16"))),
      // "e" followed by a combining acute accent: NFC makes it "é" (U+00E9).
      "project_title": .text("Cafe\u{301} \"pilot\"\n"),
      "ratio": .number(0.1),
      "data_flows": .entries([
        GroupEntry(id: "flow-2", values: ["data_element": .text("B")]),
        GroupEntry(
          id: "flow-1", values: ["pi_category": .choice("financial"), "data_element": .text("A")]),
      ]),
    ]
  }

  @Test func canonicalTextIsDocumentedJSON() throws {
    let text = AnswersHash.canonicalText(try Self.fixture())
    #expect(
      text
        == #"{"ai_tasks":["council_reports","policies_bylaws"],"ask_before_acting":true,"#
        + #""assessment_date":"2026-02-16","custom_retention_days":30,"#
        + #""data_flows":[{"data_element":"A","id":"flow-1","pi_category":"financial"},"#
        + #"{"data_element":"B","id":"flow-2"}],"plan_tier":"team","#
        + "\"project_title\":\"Caf\u{E9} \\\"pilot\\\"\\n\",\"ratio\":0.1}")
  }

  /// The value was computed independently (Python's hashlib over the text above).
  @Test func pinnedValue() throws {
    let hash = AnswersHash(try Self.fixture())
    #expect(hash.hex == "b471b41b2ab5a0ea1378f7f9f3f174eb7e2721c88cf2e3b34721b1ebb1a63df2")
    #expect(hash.short == "b471b41b2ab5")
  }

  @Test func orderOfEntriesChoicesAndNormalizationDoNotMatter() throws {
    var answers = try Self.fixture()
    let before = AnswersHash(answers)
    answers["ai_tasks"] = .choices(["council_reports", "policies_bylaws"])
    if case .entries(let entries)? = answers["data_flows"] {
      answers["data_flows"] = .entries(entries.reversed())
    }
    answers["project_title"] = .text("Caf\u{E9} \"pilot\"\n")
    #expect(AnswersHash(answers) == before)
    answers["ratio"] = .number(0.2)
    #expect(AnswersHash(answers) != before)
  }

  @Test func numbersUseTheShortestRoundTripForm() {
    #expect(CanonicalJSON.number(1) == "1")
    #expect(CanonicalJSON.number(-0.0) == "0")
    #expect(CanonicalJSON.number(0.1) == "0.1")
    #expect(CanonicalJSON.number(1e-7) == "1e-07")
    #expect(CanonicalJSON.number(1e300) == "1e+300")
    #expect(CanonicalJSON.number(123_456.5) == "123456.5")
  }

  @Test func stringsAreEscapedAsRFC8785() {
    #expect(CanonicalJSON.quoted("a\u{1}b\u{1F}\t\\") == #""a\u0001b\u001f\t\\""#)
    #expect(CanonicalJSON.quoted("é ü 中") == "\"é ü 中\"")
  }

  @Test func codePointOrderIsNotLocaleOrder() {
    let keys = ["b", "B", "a_b", "a-b", "ä", "Z"].sorted(by: CanonicalJSON.codePointOrder)
    #expect(keys == ["B", "Z", "a-b", "a_b", "b", "ä"])
  }

  @Test func aReorderedFileHashesTheSame() throws {
    let catalog = ContentCatalog(resources: RepositoryPaths.shipped)
    let folder = RepositoryPaths.fixtures.appendingPathComponent("revision")
    var hashes: [AnswersHash] = []
    for name in ["safe-pilot.pia.yaml", "safe-pilot-reordered.pia.yaml"] {
      let session = try Fixtures.session(folder.appendingPathComponent(name), content: catalog)
      hashes.append(AnswersHash(session.file.answers))
    }
    #expect(hashes[0] == hashes[1])
  }

  @Test func readsHexBack() {
    #expect(
      AnswersHash(hex: String(repeating: "A", count: 64))?.hex == String(repeating: "a", count: 64))
    #expect(AnswersHash(hex: "abc") == nil)
    #expect(AnswersHash(hex: String(repeating: "g", count: 64)) == nil)
  }
}
