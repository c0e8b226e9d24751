internal import CLibXML2
import Foundation

/// Streams one XML part with libxml2's xmlTextWriter into an in-memory buffer.
///
/// Owns the C writer and buffer and frees them exactly once. Every libxml2 call goes through
/// ``check(_:_:)``, the single place where a C failure becomes a ``DocxError``. Text and
/// attribute values are stripped of characters XML 1.0 forbids before they reach libxml2.
/// Deliberately not `Sendable`: one writer per part, per thread.
final class XMLWriter {
  private let buffer: xmlBufferPtr
  private var writer: xmlTextWriterPtr?
  private let part: String

  /// Starts a new UTF-8, standalone XML document for the package part `part`.
  init(part: String) throws {
    LibXML2.ensureInitialized()
    self.part = part
    guard let buffer = xmlBufferCreate() else {
      throw DocxError("cannot allocate an XML buffer for \(part)")
    }
    self.buffer = buffer
    guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
      xmlBufferFree(buffer)
      throw DocxError("cannot create an XML writer for \(part)")
    }
    self.writer = writer
    try check(
      xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes"), "xmlTextWriterStartDocument")
  }

  deinit {
    if let writer { xmlFreeTextWriter(writer) }
    xmlBufferFree(buffer)
  }

  /// Opens element `name` (a qualified name such as `w:p`).
  func start(_ name: StaticString) throws {
    try check(xmlTextWriterStartElement(try live(), name.utf8Start), "xmlTextWriterStartElement")
  }

  /// Closes the innermost open element.
  func end() throws {
    try check(xmlTextWriterEndElement(try live()), "xmlTextWriterEndElement")
  }

  /// Writes attribute `name` on the element just opened.
  func attribute(_ name: StaticString, _ value: String) throws {
    let writer = try live()
    let result = XMLText.sanitized(value).withCString { pointer in
      pointer.withMemoryRebound(to: xmlChar.self, capacity: 1) { value in
        xmlTextWriterWriteAttribute(writer, name.utf8Start, value)
      }
    }
    try check(result, "xmlTextWriterWriteAttribute")
  }

  /// Writes escaped character data.
  func text(_ value: String) throws {
    let writer = try live()
    let result = XMLText.sanitized(value).withCString { pointer in
      pointer.withMemoryRebound(to: xmlChar.self, capacity: 1) { text in
        xmlTextWriterWriteString(writer, text)
      }
    }
    try check(result, "xmlTextWriterWriteString")
  }

  /// Writes an empty element with attributes, such as `<w:pStyle w:val="Heading1"/>`.
  func empty(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) throws {
    try start(name)
    for (key, value) in attributes {
      try attribute(key, value)
    }
    try end()
  }

  /// Writes `<name attributes…>text</name>`.
  func element(
    _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], text: String
  ) throws {
    try start(name)
    for (key, value) in attributes {
      try attribute(key, value)
    }
    try self.text(text)
    try end()
  }

  /// Closes every open element, flushes and returns the document's bytes.
  /// The writer cannot be used afterwards.
  func finish() throws -> Data {
    let writer = try live()
    try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
    // Freeing the writer flushes it into the buffer.
    xmlFreeTextWriter(writer)
    self.writer = nil
    let length = Int(xmlBufferLength(buffer))
    guard let content = xmlBufferContent(buffer) else { return Data() }
    return Data(bytes: content, count: length)
  }

  private func live() throws -> xmlTextWriterPtr {
    guard let writer else { throw DocxError("the XML writer for \(part) was used after finish()") }
    return writer
  }

  /// The single choke point turning a libxml2 failure (a negative result) into an error.
  private func check(_ result: Int32, _ function: String) throws {
    if result < 0 {
      throw DocxError("libxml2 \(function) failed while writing \(part)")
    }
  }
}
