import Foundation

/// One accessibility problem found in a PDF.
public struct PDFAccessibilityIssue: Sendable, Equatable, CustomStringConvertible {
  /// The kind of problem.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// No structure tree: screen readers get no headings, lists, tables or reading order.
    case notTagged
    /// No document title in the document information.
    case titleMissing
    /// No `/Lang` in the document catalog, or it could not be read.
    case languageNotSet
    /// A document of more than one page without bookmarks.
    case noBookmarks
    /// A font that is not embedded.
    case fontNotEmbedded
    /// No text can be extracted from the first pages (a scanned image?).
    case noText
  }

  /// The kind of problem.
  public var kind: Kind
  /// A readable explanation.
  public var message: String

  /// Creates an issue.
  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  /// The same text as `message`.
  public var description: String { message }
}

/// Checks a PDF for what an agenda package needs (AODA; PDF/UA's basics): tagged, a title, a
/// language, bookmarks, every font embedded, extractable text; with poppler's `pdfinfo`,
/// `pdffonts`, `pdftohtml` (for the outline) and `pdftotext`, and the catalog's `/Lang` read
/// from the file itself (poppler prints it nowhere).
public struct PDFAccessibilityChecker: Sendable {
  /// The Debian package with poppler's tools.
  public static let debianPackage = "poppler-utils"

  /// poppler's tools could not be run on the file.
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in words.
    public var message: String

    /// Creates a failure.
    public init(_ message: String) {
      self.message = message
    }

    /// The same text as `message`.
    public var description: String { message }
  }

  /// `pdfinfo`: tagged, title, pages.
  public var pdfinfo: URL
  /// `pdffonts`: which fonts are embedded.
  public var pdffonts: URL
  /// `pdftohtml`: the outline (bookmarks), in its XML output.
  public var pdftohtml: URL
  /// `pdftotext`: whether there is text at all.
  public var pdftotext: URL

  /// Finds poppler's tools in `PATH`; nil when one is missing.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> PDFAccessibilityChecker? {
    let search = ExecutableSearch(environment: environment)
    guard let info = search.find(["pdfinfo"]), let fonts = search.find(["pdffonts"]),
      let html = search.find(["pdftohtml"]), let text = search.find(["pdftotext"])
    else { return nil }
    return PDFAccessibilityChecker(pdfinfo: info, pdffonts: fonts, pdftohtml: html, pdftotext: text)
  }

  /// Creates a checker with the tools at these paths.
  public init(pdfinfo: URL, pdffonts: URL, pdftohtml: URL, pdftotext: URL) {
    self.pdfinfo = pdfinfo
    self.pdffonts = pdffonts
    self.pdftohtml = pdftohtml
    self.pdftotext = pdftotext
  }

  /// Checks the PDF at `url`.
  ///
  /// - Returns: The issues found; empty when the PDF passes.
  /// - Throws: ``Failure`` when the file cannot be read or poppler rejects it (not a PDF, say).
  public func check(_ url: URL) throws(Failure) -> [PDFAccessibilityIssue] {
    let bytes: Data
    do {
      bytes = try Data(contentsOf: url)
    } catch {
      throw Failure("cannot read \(url.path): \(error.localizedDescription)")
    }
    guard bytes.starts(with: Array("%PDF-".utf8)) else {
      throw Failure("\(url.path) is not a PDF (it does not start with %PDF-)")
    }
    let info = try run(pdfinfo, [url.path])
    let fonts = try run(pdffonts, [url.path])
    let outline = try run(
      pdftohtml, ["-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", url.path])
    let text = try run(pdftotext, ["-l", "3", url.path, "-"])
    return Self.issues(
      pdfinfo: info, pdffonts: fonts, outlineXML: outline,
      language: Self.catalogLanguage(bytes), text: text)
  }

  private func run(_ tool: URL, _ arguments: [String]) throws(Failure) -> String {
    let output: ProcessOutput
    do {
      output = try ProcessRunner.run(tool, arguments: arguments, timeLimit: 120)
    } catch {
      throw Failure(error.message)
    }
    guard output.status == 0 else {
      let said = output.errorText.trimmingCharacters(in: .whitespacesAndNewlines)
      throw Failure(
        "\(tool.lastPathComponent) cannot read the file" + (said.isEmpty ? "" : ": \(said)"))
    }
    return String(decoding: output.standardOutput, as: UTF8.self)
  }

  /// The language of the catalog, as read from the file; nil when the catalog has none, "" when
  /// no catalog could be found (for example inside a compressed object stream).
  static func catalogLanguage(_ bytes: Data) -> String? {
    let pdf = [UInt8](bytes)
    for marker in ["/Type/Catalog", "/Type /Catalog"] {
      let pattern = Array(marker.utf8)
      var start = 0
      while let found = firstIndex(of: pattern, in: pdf, from: start) {
        start = found + pattern.count
        // The dictionary around the marker: from the `obj` before it to the `endobj` after it.
        let objectStart = lastIndex(of: Array("obj".utf8), in: pdf, before: found) ?? 0
        let objectEnd = firstIndex(of: Array("endobj".utf8), in: pdf, from: found) ?? pdf.count
        let object = Array(pdf[objectStart..<objectEnd])
        guard let lang = firstIndex(of: Array("/Lang".utf8), in: object, from: 0) else {
          return nil
        }
        return pdfString(object, after: lang + 5)
      }
    }
    return ""
  }

  /// The PDF string (literal or hex) starting after white space at `index`.
  static func pdfString(_ bytes: [UInt8], after index: Int) -> String? {
    var i = index
    while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    guard i < bytes.count else { return nil }
    var out: [UInt8] = []
    if bytes[i] == UInt8(ascii: "(") {
      var depth = 1
      i += 1
      while i < bytes.count {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\\"), i + 1 < bytes.count {
          out.append(bytes[i + 1])
          i += 2
          continue
        }
        if byte == UInt8(ascii: "(") { depth += 1 }
        if byte == UInt8(ascii: ")") {
          depth -= 1
          if depth == 0 { break }
        }
        out.append(byte)
        i += 1
      }
    } else if bytes[i] == UInt8(ascii: "<") {
      let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
      let hex = String(decoding: bytes[(i + 1)..<end], as: UTF8.self).filter(\.isHexDigit)
      var digits = hex.makeIterator()
      while let high = digits.next() {
        let low = digits.next() ?? "0"
        out.append(UInt8(String([high, low]), radix: 16) ?? 0)
      }
    } else {
      return nil
    }
    if out.starts(with: [0xFE, 0xFF]) {
      let units = stride(from: 2, to: out.count - 1, by: 2).map {
        UInt16(out[$0]) << 8 | UInt16(out[$0 + 1])
      }
      return String(decoding: units, as: UTF16.self)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The issues poppler's outputs show.
  ///
  /// - Parameters:
  ///   - pdfinfo: `pdfinfo FILE`.
  ///   - pdffonts: `pdffonts FILE`.
  ///   - outlineXML: `pdftohtml -xml -i -stdout -q -f 1 -l 1 FILE` (the outline is printed whole).
  ///   - language: The catalog's `/Lang` (see ``catalogLanguage(_:)``).
  ///   - text: `pdftotext -l 3 FILE -`.
  static func issues(
    pdfinfo: String, pdffonts: String, outlineXML: String, language: String?, text: String
  ) -> [PDFAccessibilityIssue] {
    var issues: [PDFAccessibilityIssue] = []
    let info = Self.fields(pdfinfo)
    if info["Tagged"] != "yes" {
      issues.append(
        .init(
          kind: .notTagged,
          message:
            "not tagged: screen readers get no headings, lists, tables or reading order (export a tagged PDF)"
        ))
    }
    if (info["Title"] ?? "").isEmpty {
      issues.append(
        .init(kind: .titleMissing, message: "no document title in the PDF's properties"))
    }
    switch language {
    case nil:
      issues.append(
        .init(kind: .languageNotSet, message: "no document language (/Lang) in the catalog"))
    case ""?:
      issues.append(
        .init(
          kind: .languageNotSet,
          message:
            "the document language cannot be read: no plain document catalog was found (compressed object streams?); check it in a PDF accessibility checker"
        ))
    default: break
    }
    let pages = Int(info["Pages"] ?? "") ?? 0
    if pages > 1, !outlineXML.contains("<item") {
      issues.append(
        .init(
          kind: .noBookmarks,
          message: "\(pages) pages and no bookmarks: export bookmarks from the headings"))
    }
    for font in unembeddedFonts(pdffonts) {
      issues.append(.init(kind: .fontNotEmbedded, message: "font not embedded: \(font)"))
    }
    if pages > 0, text.allSatisfy(\.isWhitespace) {
      issues.append(
        .init(
          kind: .noText,
          message: "no text can be extracted from the first pages (is it a scanned image?)"))
    }
    return issues
  }

  /// `Name:   value` lines as a dictionary.
  static func fields(_ text: String) -> [String: String] {
    var fields: [String: String] = [:]
    for line in text.split(whereSeparator: \.isNewline) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = String(line[..<colon])
      guard fields[key] == nil else { continue }
      fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return fields
  }

  /// The fonts `pdffonts` lists with "no" in its `emb` column (found by the header's position).
  static func unembeddedFonts(_ text: String) -> [String] {
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard let header = lines.first(where: { $0.hasPrefix("name") }),
      let column = header.range(of: " emb ")
    else { return [] }
    let offset = header.distance(from: header.startIndex, to: column.lowerBound) + 1
    var fonts: [String] = []
    for line in lines.drop(while: { !$0.hasPrefix("---") }).dropFirst() {
      let characters = Array(line)
      guard characters.count >= offset + 3 else { continue }
      if String(characters[offset..<(offset + 3)]).trimmingCharacters(in: .whitespaces) == "no" {
        let name = line.split(separator: " ").first.map(String.init) ?? line
        fonts.append(name)
      }
    }
    return fonts
  }

  private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard !pattern.isEmpty, bytes.count >= pattern.count, start <= bytes.count - pattern.count
    else { return nil }
    var i = start
    while i <= bytes.count - pattern.count {
      if bytes[i] == pattern[0], Array(bytes[i..<(i + pattern.count)]) == pattern { return i }
      i += 1
    }
    return nil
  }

  private static func lastIndex(of pattern: [UInt8], in bytes: [UInt8], before end: Int) -> Int? {
    var i = min(end, bytes.count) - pattern.count
    while i >= 0 {
      if bytes[i] == pattern[0], Array(bytes[i..<(i + pattern.count)]) == pattern { return i }
      i -= 1
    }
    return nil
  }
}
