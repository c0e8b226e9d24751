import Foundation
import ZIPFoundation

/// One accessibility problem found in a .docx package.
public struct AccessibilityIssue: Sendable, Equatable, CustomStringConvertible {
  /// The kind of problem.
  public enum Kind: String, Sendable, Equatable {
    /// The styles or core properties do not declare the expected language.
    case languageNotSet
    /// The core properties have no title.
    case titleMissing
    /// A heading goes more than one level deeper than the one before it.
    case headingLevelSkipped
    /// The document's first heading is not of level 1.
    case firstHeadingBelowLevelOne
    /// A table's first row is not marked as a header row.
    case tableHeaderNotMarked
    /// A paragraph shows nothing (spacing made with blank paragraphs).
    case emptyParagraph
    /// A picture has no alternative text.
    case imageWithoutAltText
    /// Text is in a script its language is not written in (Cyrillic text marked English).
    case scriptDoesNotMatchLanguage
  }

  /// The kind of problem.
  public var kind: Kind
  /// A readable explanation naming where the problem is.
  public var message: String

  /// Creates an issue.
  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  /// The message.
  public var description: String { message }
}

/// The outcome of an accessibility check.
public struct AccessibilityReport: Sendable, Equatable {
  /// Every issue found, in a stable order.
  public var issues: [AccessibilityIssue]

  /// Creates a report.
  public init(issues: [AccessibilityIssue]) {
    self.issues = issues
  }

  /// Whether no issue was found.
  public var passed: Bool { issues.isEmpty }
}

/// Checks a .docx package for the accessibility points the council documents must meet (AODA,
/// WCAG 2.0 AA as Ontario Regulation 191/11 adopts it): document language, title, heading order
/// starting at level 1, marked table header rows, no empty paragraphs, alternative text on every
/// picture, and text in a script its declared language uses (WCAG 3.1.1 and 3.1.2).
public enum AccessibilityChecker {
  /// Checks a .docx package.
  ///
  /// - Parameters:
  ///   - docx: The bytes of a .docx file.
  ///   - language: The language the styles and core properties must declare.
  /// - Returns: The issues found (empty when the document passes).
  /// - Throws: ``DocxError`` when the bytes are not a readable .docx package.
  public static func check(docx: Data, language: String = "en-CA") throws -> [AccessibilityIssue] {
    let package = try DocxPackage(data: docx)
    let document = try package.xml("word/document.xml")
    let styles = try package.optionalXML("word/styles.xml")
    let core = try package.optionalXML("docProps/core.xml")
    var issues: [AccessibilityIssue] = []

    let styleLanguage = styles?.child("docDefaults")?.child("rPrDefault")?.child("rPr")?
      .child("lang")?.attributes["val"]
    if styleLanguage?.lowercased() != language.lowercased() {
      issues.append(
        AccessibilityIssue(
          kind: .languageNotSet,
          message: "word/styles.xml: the default language is \(styleLanguage ?? "not set"),"
            + " expected \(language)"))
    }
    let coreLanguage = core?.child("language")?.text
    if coreLanguage?.lowercased() != language.lowercased() {
      issues.append(
        AccessibilityIssue(
          kind: .languageNotSet,
          message:
            "docProps/core.xml: dc:language is \(coreLanguage ?? "not set"), expected \(language)"))
    }
    let title = core?.child("title")?.text.trimmingWhiteSpace ?? ""
    if title.isEmpty {
      issues.append(
        AccessibilityIssue(
          kind: .titleMissing, message: "docProps/core.xml: the document has no title"))
    }

    let outlineLevels = styles.map(Self.outlineLevels) ?? [:]
    var headings: [(Int, String)] = []
    var paragraphNumber = 0
    var tableNumber = 0
    guard let body = document.child("body") else {
      throw DocxError("word/document.xml has no w:body")
    }
    for (index, element) in body.children.enumerated() {
      switch element.name {
      case "p":
        paragraphNumber += 1
        if let level = headingLevel(element, outlineLevels: outlineLevels) {
          headings.append((level, text(of: element)))
        }
        // Word joins two tables with nothing between them: an empty paragraph there is needed.
        let separatesTables =
          index > 0 && index + 1 < body.children.count
          && body.children[index - 1].name == "tbl" && body.children[index + 1].name == "tbl"
        if isEmpty(element) && !separatesTables {
          issues.append(
            AccessibilityIssue(
              kind: .emptyParagraph,
              message:
                "paragraph \(paragraphNumber) is empty (use paragraph spacing, not blank paragraphs)"
            ))
        }
      case "tbl":
        tableNumber += 1
        let firstRow = element.child("tr")
        if firstRow?.child("trPr")?.child("tblHeader") == nil {
          let preview = firstRow.map { String(text(of: $0).prefix(40)) } ?? ""
          issues.append(
            AccessibilityIssue(
              kind: .tableHeaderNotMarked,
              message:
                "table \(tableNumber) (\"\(preview)\"): the first row is not marked as a header row"
                + " (w:tblHeader)"))
        }
      default:
        break
      }
    }
    if let (level, text) = headings.first, level > 1 {
      issues.append(
        AccessibilityIssue(
          kind: .firstHeadingBelowLevelOne,
          message:
            "the document starts with a level \(level) heading (\"\(text)\");"
            + " start with a level 1 heading"))
    }
    for problem in DocumentChecks.headingOrderProblems(levels: headings) {
      issues.append(AccessibilityIssue(kind: .headingLevelSkipped, message: problem.description))
    }
    let notes = try package.optionalXML("word/footnotes.xml")
    issues += imagesWithoutAltText(in: [body] + (notes.map { [$0] } ?? []))
    issues += LanguageCheck(styles: styles).issues(in: body)
    return issues
  }

  /// Every picture (`wp:docPr` of a drawing) whose `descr` is missing or blank.
  private static func imagesWithoutAltText(in parts: [XMLNode]) -> [AccessibilityIssue] {
    var issues: [AccessibilityIssue] = []
    var number = 0
    for part in parts {
      for drawing in part.descendants("drawing") {
        for properties in drawing.descendants("docPr") {
          number += 1
          guard (properties.attributes["descr"] ?? "").isBlank else { continue }
          let file = drawing.descendants("cNvPr").compactMap { $0.attributes["name"] }.first
          issues.append(
            AccessibilityIssue(
              kind: .imageWithoutAltText,
              message: "picture \(number)\(file.map { " (\($0))" } ?? "") has no alternative"
                + " text (write it between the brackets: ![what it shows](image.png))"))
        }
      }
    }
    return issues
  }

  /// Checks a .docx package and wraps the issues in a report.
  public static func report(docx: Data, language: String = "en-CA") throws -> AccessibilityReport {
    AccessibilityReport(issues: try check(docx: docx, language: language))
  }

  /// Paragraph style id → heading level (outline level + 1), from the styles part.
  private static func outlineLevels(_ styles: XMLNode) -> [String: Int] {
    var result: [String: Int] = [:]
    for style in styles.children("style") {
      guard let id = style.attributes["styleId"],
        let value = style.child("pPr")?.child("outlineLvl")?.attributes["val"],
        let level = Int(value),
        level < 9
      else { continue }
      result[id] = level + 1
    }
    return result
  }

  private static func headingLevel(_ paragraph: XMLNode, outlineLevels: [String: Int]) -> Int? {
    let properties = paragraph.child("pPr")
    if let value = properties?.child("outlineLvl")?.attributes["val"], let level = Int(value) {
      return level < 9 ? level + 1 : nil
    }
    guard let style = properties?.child("pStyle")?.attributes["val"] else { return nil }
    return outlineLevels[style]
  }

  /// A paragraph is empty when it shows nothing: no text, tab, break or field, and no border or
  /// list marker (a numbered or bulleted paragraph shows its marker).
  private static func isEmpty(_ paragraph: XMLNode) -> Bool {
    let properties = paragraph.child("pPr")
    if properties?.child("pBdr") != nil || properties?.child("numPr") != nil
      || properties?.child("sectPr") != nil
    {
      return false
    }
    for name in ["br", "tab", "fldChar", "fldSimple", "drawing", "object", "pict"]
    where !paragraph.descendants(name).isEmpty {
      return false
    }
    return text(of: paragraph).isBlank
  }

  private static func text(of node: XMLNode) -> String {
    node.descendants("t").map(\.text).joined()
  }
}

/// A .docx package read back into memory.
struct DocxPackage {
  private let archive: Archive

  init(data: Data) throws {
    // Checked here first: ZIPFoundation leaks its in-memory file when handed non-zip bytes.
    guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
      throw DocxError("not a .docx package: the data does not start with a zip signature")
    }
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw DocxError("not a .docx (zip) package: \(error)")
    }
  }

  /// The entry names in stored order.
  var entryNames: [String] { archive.map(\.path) }

  /// The bytes of part `name`.
  func data(_ name: String) throws -> Data? {
    guard let entry = archive[name] else { return nil }
    var result = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { result.append($0) }
    } catch {
      throw DocxError("cannot read \(name) from the package: \(error)")
    }
    return result
  }

  /// Part `name` parsed as XML; throws when it is missing.
  func xml(_ name: String) throws -> XMLNode {
    guard let node = try optionalXML(name) else { throw DocxError("the package has no \(name)") }
    return node
  }

  /// Part `name` parsed as XML, or nil when the package has no such part.
  func optionalXML(_ name: String) throws -> XMLNode? {
    guard let data = try data(name) else { return nil }
    return try XMLNode.parse(data, part: name)
  }
}
