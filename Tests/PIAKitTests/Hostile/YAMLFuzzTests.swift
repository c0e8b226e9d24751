import Foundation
import Testing

@testable import PIAKit

/// Mutates YAML text the way hostile or careless editing does.
enum YAMLMutator {
  static let tokens: [String] = [
    "&a ", "*a", "{", "}", "[", "]", ": ", "- ", "\t", "\u{0}", "\u{FEFF}", "\r\n", "'", "\"",
    "#", "!!binary ", "? ", "|\n", ">\n", "%YAML 1.2\n", "---\n", "...\n", "\u{FFFE}", "\u{1}",
    "show_if: ", "kind: group\n", "include: ../x.yaml\n", "\u{202E}", "e\u{301}", "🙂",
    "9999999999999999999999", "-1", "null", "~", "yes", "<<: *a\n",
  ]

  static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
    var result = bytes
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      guard !result.isEmpty else { break }
      let position = Int.random(in: 0..<result.count, using: &random)
      switch Int.random(in: 0..<6, using: &random) {
      case 0:
        result[position] = UInt8.random(in: 0...255, using: &random)
      case 1:
        let end = min(result.count, position + Int.random(in: 1...40, using: &random))
        result.removeSubrange(position..<end)
      case 2:
        let end = min(result.count, position + Int.random(in: 1...80, using: &random))
        result.insert(contentsOf: result[position..<end], at: position)
      case 3:
        let token = tokens[Int.random(in: 0..<tokens.count, using: &random)]
        result.insert(contentsOf: Array(token.utf8), at: position)
      case 4:
        result = Array(result[..<position])
      default:
        result.insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: 3), at: position)
      }
    }
    return result
  }
}

@Suite struct YAMLFuzzTests {
  /// Iterations: `PIA_FUZZ_ITERATIONS` (the fuzz script raises it), else 300.
  static var iterations: Int {
    ProcessInfo.processInfo.environment["PIA_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
  }

  /// Mutated Markdown (the rendered example report and GFM-flavoured seeds)
  /// either parses to a document that converts to a DOCX whose parts are
  /// well-formed, or is refused with a parse error naming its line.
  @Test func mutatedMarkdownConvertsOrIsRefused() throws {
    let seeds = [
      try String(
        contentsOf: RepositoryPaths.root.appendingPathComponent(
          "Examples/output/safe-admin-pilot.pia-report.md"), encoding: .utf8),
      "# T\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- x\n  1. y\n\n> q\n\n```\ncode\n```\n",
      "<!-- pia:heat-map -->\n| S | 1 |\n|---|---|\n| High | Low |\n\n<!-- pia:toc -->\n",
    ].map { Array($0.utf8) }
    let options = DocxWriter.Options(
      title: "Fuzz", created: Date(timeIntervalSince1970: 0),
      modified: Date(timeIntervalSince1970: 0))
    var random = SplitMix64(seed: 0x4D44_0001)
    var refused = 0
    for iteration in 0..<Self.iterations {
      let mutated = YAMLMutator.mutate(seeds[iteration % seeds.count], using: &random)
      let text = String(decoding: mutated, as: UTF8.self)
      let document: Document
      do {
        document = try MarkdownParser.parse(text)
      } catch {
        refused += 1
        #expect(!"\(error)".isEmpty)
        continue
      }
      let docx = try DocxWriter.write(document, options: options)
      _ = try AccessibilityChecker.check(docx: docx)
    }
    print("Markdown fuzz: \(Self.iterations) inputs tried, \(refused) refused, 0 crashes")
  }

  /// Mutated copies of the shipped questionnaire and law files never crash the
  /// loaders, and every rejected input is explained by at least one error.
  @Test func mutatedShippedFilesAreRejectedCleanly() throws {
    let shipped = RepositoryPaths.shipped
    let seeds =
      ContentCatalog.yamlFiles(in: shipped.questionnaires)
      + ContentCatalog.yamlFiles(in: shipped.law)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pia-fuzz-\(UUID().uuidString)")
    let questionnaires = folder.appendingPathComponent("Questionnaires")
    try FileManager.default.createDirectory(at: questionnaires, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      at: shipped.questionnaires.appendingPathComponent("modules"),
      to: questionnaires.appendingPathComponent("modules"))
    let target = questionnaires.appendingPathComponent("fuzzed.yaml")
    let resources = Resources(root: folder, displayRoot: "fuzz")
    let law = ContentCatalog(resources: shipped).law
    var random = SplitMix64(seed: 0x5049_4121)
    var rejected = 0
    for iteration in 0..<Self.iterations {
      let seed = seeds[iteration % seeds.count]
      let bytes = Array(try Data(contentsOf: seed))
      let mutated = YAMLMutator.mutate(bytes, using: &random)
      try Data(mutated).write(to: target)
      let (questionnaire, diagnostics) = ContentCatalog.loadQuestionnaire(
        target, resources: resources, law: law)
      if questionnaire == nil {
        rejected += 1
        #expect(diagnostics.hasErrors, "iteration \(iteration) was rejected without an error")
      }
      for diagnostic in diagnostics where diagnostic.severity == .error {
        #expect(!diagnostic.message.isEmpty)
        #expect((diagnostic.location?.line ?? 1) >= 0)
      }
    }
    print("YAML fuzz: \(Self.iterations) inputs tried, \(rejected) rejected with errors, 0 crashes")
  }
}
