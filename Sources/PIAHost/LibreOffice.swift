import Foundation

/// LibreOffice run headless to turn DOCX files into tagged PDF.
///
/// Each conversion runs `soffice --convert-to pdf` with the `writer_pdf_Export` filter options
/// for a tagged PDF (`UseTaggedPDF`), PDF/UA (`PDFUACompliance`, LibreOffice 7.2 and later),
/// bookmarks from headings (`ExportBookmarks`) and lossless images (`UseLosslessCompression`,
/// `ReduceImageResolution` off, so diagrams stay sharp), in a private, temporary profile
/// (`-env:UserInstallation`) whose registry is seeded with the same options: LibreOffice before
/// 7.4 reads no options on the command line, and a key it does not know is ignored without a
/// word. Fonts are always embedded (LibreOffice has no option to do otherwise). Title, author,
/// subject and language come from the DOCX's core properties and styles.
///
/// Two office processes sharing a profile lose conversions without a message (measured with
/// 7.4), so conversions are serialized: one at a time per process.
public struct LibreOffice: Sendable {
  /// The Debian package that provides `soffice` without a desktop.
  public static let debianPackage = "libreoffice-writer-nogui"

  /// The time limit of one conversion, in seconds, unless the caller gives one.
  public static let defaultTimeLimit: TimeInterval = 300

  /// LibreOffice could not make a PDF.
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

  /// One document to convert: a file name without extension (no `/`) and the DOCX bytes.
  public struct Document: Sendable, Equatable {
    /// The base name, such as `safe-admin-pilot.pia-report`.
    public var name: String
    /// The DOCX package.
    public var docx: Data

    /// Creates a document.
    public init(name: String, docx: Data) {
      self.name = name
      self.docx = docx
    }
  }

  /// The `soffice` program.
  public var executable: URL
  /// Its version numbers (`[7, 4, 7, 2]`), empty when `soffice --version` did not say.
  public var version: [Int]

  /// Creates a converter for a known program and version.
  public init(executable: URL, version: [Int]) {
    self.executable = executable
    self.version = version
  }

  /// Finds LibreOffice: `PIA_SOFFICE` when set, else `soffice` or `libreoffice` in `PATH`, else
  /// its usual install folders; asks it its version.
  ///
  /// - Parameter environment: Where `PIA_SOFFICE` and `PATH` are read.
  /// - Returns: The converter, or nil when LibreOffice is not installed.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> LibreOffice? {
    let executable: URL?
    if let chosen = environment["PIA_SOFFICE"], !chosen.isEmpty {
      executable = ExecutableSearch.isExecutableFile(chosen) ? URL(fileURLWithPath: chosen) : nil
    } else {
      executable = ExecutableSearch(environment: environment).find(
        ["soffice", "libreoffice"],
        fallbacks: [
          "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice*/program/soffice",
          "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        ])
    }
    guard let executable else { return nil }
    let output = try? ProcessRunner.run(executable, arguments: ["--version"], timeLimit: 60)
    let text = output.map { String(decoding: $0.standardOutput, as: UTF8.self) } ?? ""
    return LibreOffice(executable: executable, version: parseVersion(text))
  }

  /// The numbers of "LibreOffice 7.4.7.2 40(Build:2)": `[7, 4, 7, 2]`; empty if none.
  static func parseVersion(_ text: String) -> [Int] {
    for word in text.split(whereSeparator: \.isWhitespace) {
      let numbers = word.split(separator: ".").map { Int($0) }
      if numbers.count >= 2, numbers.allSatisfy({ $0 != nil }) { return numbers.compactMap { $0 } }
    }
    return []
  }

  /// True when this version is `major.minor` or later; unknown versions count as recent.
  public func isAtLeast(_ major: Int, _ minor: Int) -> Bool {
    guard version.count >= 2 else { return true }
    return (version[0], version[1]) >= (major, minor)
  }

  /// True when the PDF/UA option exists (LibreOffice 7.2 and later).
  public var supportsPDFUA: Bool { isAtLeast(7, 2) }

  /// The export options, by `writer_pdf_Export` property name.
  public var exportOptions: [(name: String, value: Bool)] {
    var options: [(String, Bool)] = [
      ("UseTaggedPDF", true), ("ExportBookmarks", true), ("UseLosslessCompression", true),
      ("ReduceImageResolution", false), ("ExportNotes", false),
    ]
    if supportsPDFUA { options.insert(("PDFUACompliance", true), at: 1) }
    return options
  }

  /// The `--convert-to` value: the filter with its options as typed JSON (LibreOffice 7.4 and
  /// later read them there; older versions take them from the seeded profile).
  public var convertTo: String {
    guard isAtLeast(7, 4) else { return "pdf:writer_pdf_Export" }
    let json = exportOptions.map {
      "\"\($0.name)\":{\"type\":\"boolean\",\"value\":\"\($0.value)\"}"
    }.joined(separator: ",")
    return "pdf:writer_pdf_Export:{\(json)}"
  }

  /// The profile's `registrymodifications.xcu`, with the export options set.
  public var registry: String {
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <oor:items xmlns:oor="http://openoffice.org/2001/registry" \
      xmlns:xs="http://www.w3.org/2001/XMLSchema" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

      """
    for option in exportOptions {
      text += "<item oor:path=\"/org.openoffice.Office.Common/Filter/PDF/Export\">"
      text += "<prop oor:name=\"\(option.name)\" oor:op=\"fuse\"><value>\(option.value)</value>"
      text += "</prop></item>\n"
    }
    return text + "</oor:items>\n"
  }

  /// Converts DOCX documents to PDF, all in one LibreOffice run.
  ///
  /// - Parameters:
  ///   - documents: The documents; their names must differ.
  ///   - timeLimit: Seconds the whole run may take before LibreOffice is stopped.
  /// - Returns: The PDF bytes, in the order of `documents`.
  /// - Throws: ``Failure`` when LibreOffice cannot be run, runs out of time, or writes no PDF for
  ///   a document (it exits 0 even then).
  public func convertToPDF(_ documents: [Document], timeLimit: TimeInterval = defaultTimeLimit)
    throws(Failure) -> [Data]
  {
    guard !documents.isEmpty else { return [] }
    Self.oneAtATime.lock()
    defer { Self.oneAtATime.unlock() }
    let fileManager = FileManager.default
    let work = fileManager.temporaryDirectory.appendingPathComponent(
      "pia-pdf-\(UUID().uuidString)", isDirectory: true)
    defer { try? fileManager.removeItem(at: work) }
    let profile = work.appendingPathComponent("profile", isDirectory: true)
    let input = work.appendingPathComponent("in", isDirectory: true)
    let output = work.appendingPathComponent("out", isDirectory: true)
    var inputs: [String] = []
    do {
      let user = profile.appendingPathComponent("user", isDirectory: true)
      try fileManager.createDirectory(at: user, withIntermediateDirectories: true)
      try fileManager.createDirectory(at: input, withIntermediateDirectories: true)
      try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
      try Data(registry.utf8).write(to: user.appendingPathComponent("registrymodifications.xcu"))
      for document in documents {
        let url = input.appendingPathComponent(document.name + ".docx")
        try document.docx.write(to: url)
        inputs.append(url.path)
      }
    } catch {
      throw Failure(
        "cannot prepare the PDF conversion in \(work.path): \(error.localizedDescription)")
    }
    let arguments =
      [
        "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
        "-env:UserInstallation=\(profile.absoluteString)",
        // Read the input as DOCX only: otherwise LibreOffice opens what is not a DOCX as text.
        "--infilter=MS Word 2007 XML", "--convert-to", convertTo,
        "--outdir", output.path,
      ] + inputs
    let result: ProcessOutput
    do {
      result = try ProcessRunner.run(
        executable, arguments: arguments, timeLimit: timeLimit)
    } catch {
      throw Failure("LibreOffice: \(error.message)")
    }
    var pdfs: [Data] = []
    for document in documents {
      let url = output.appendingPathComponent(document.name + ".pdf")
      guard let data = try? Data(contentsOf: url), data.starts(with: Array("%PDF-".utf8)) else {
        let said = Self.lastLines(
          result.errorText + String(decoding: result.standardOutput, as: UTF8.self))
        throw Failure(
          "LibreOffice wrote no PDF for \(document.name).docx (exit status \(result.status))"
            + (said.isEmpty ? "" : ": \(said)"))
      }
      pdfs.append(data)
    }
    return pdfs
  }

  /// The lock that keeps conversions one at a time in this process.
  private static let oneAtATime = NSLock()

  /// The last few meaningful lines of LibreOffice's output, without the harmless Java warning.
  static func lastLines(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map(String.init)
      .filter { !$0.contains("javaldx") && !$0.hasPrefix("convert ") && !$0.isEmpty }
      .suffix(3).joined(separator: " ")
  }
}
