internal import CLibXML2
import Foundation

/// Streams one XML part with libxml2's xmlTextWriter into an in-memory buffer, or straight into
/// a ``Deflater``.
///
/// Owns the C writer and buffer and frees them exactly once. Every libxml2 call goes through
/// ``check(_:_:)``, the single place where a C failure becomes a ``DocxError``. Text and
/// attribute values are stripped of characters XML 1.0 forbids before they reach libxml2.
/// Deliberately not `Sendable`: one writer per part, per thread.
final class XMLWriter {
  private let buffer: xmlBufferPtr?
  /// Where a streamed part goes; kept alive for libxml2's output callback.
  private let deflater: Deflater?
  private var writer: xmlTextWriterPtr?
  private let part: String

  /// Starts a new UTF-8, standalone XML document for the package part `part`, kept in memory
  /// until ``finish()``.
  init(part: String) throws {
    LibXML2.ensureInitialized()
    self.part = part
    guard let buffer = xmlBufferCreate() else {
      throw DocxError("cannot allocate an XML buffer for \(part)")
    }
    self.buffer = buffer
    deflater = nil
    guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
      xmlBufferFree(buffer)
      throw DocxError("cannot create an XML writer for \(part)")
    }
    self.writer = writer
    try check(
      xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes"), "xmlTextWriterStartDocument")
  }

  /// Starts a new UTF-8, standalone XML document for the package part `part` that goes
  /// straight into `deflater` as it is written (``finish()`` then returns no bytes).
  /// Without `startsDocument` it writes a fragment that continues a document begun by another
  /// writer (no XML declaration).
  init(part: String, streamingTo deflater: Deflater, startsDocument: Bool = true) throws {
    LibXML2.ensureInitialized()
    self.part = part
    buffer = nil
    self.deflater = deflater
    let context = Unmanaged.passUnretained(deflater).toOpaque()
    guard
      let output = xmlOutputBufferCreateIO(
        { context, bytes, length in
          guard let context, let bytes, length >= 0 else { return -1 }
          let deflater = Unmanaged<Deflater>.fromOpaque(context).takeUnretainedValue()
          do {
            try deflater.write(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
            return length
          } catch let error as DocxError {
            deflater.fail(error)
            return -1
          } catch {
            deflater.fail(DocxError("\(error)"))
            return -1
          }
        }, nil, context, nil)
    else {
      throw DocxError("cannot create an XML output for \(part)")
    }
    // The text writer owns the output buffer from here on and frees it.
    guard let writer = xmlNewTextWriter(output) else {
      xmlOutputBufferClose(output)
      throw DocxError("cannot create an XML writer for \(part)")
    }
    self.writer = writer
    guard startsDocument else { return }
    try check(
      xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes"), "xmlTextWriterStartDocument")
  }

  deinit {
    if let writer { xmlFreeTextWriter(writer) }
    if let buffer { xmlBufferFree(buffer) }
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

  /// Closes every open element, flushes and returns the document's bytes (none for a part
  /// streamed into a ``Deflater``). The writer cannot be used afterwards.
  func finish() throws -> Data {
    let writer = try live()
    try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
    // Freeing the writer flushes it into the buffer or the deflater.
    xmlFreeTextWriter(writer)
    self.writer = nil
    if let failure = deflater?.failure { throw failure }
    guard let buffer else { return Data() }
    let length = Int(xmlBufferLength(buffer))
    // Hand the buffer's memory to the Data instead of copying it (a large report's body is
    // tens of megabytes); libxml2 frees it when the Data is released.
    guard length > 0, let content = xmlBufferDetach(buffer) else { return Data() }
    return Data(
      bytesNoCopy: content, count: length,
      deallocator: .custom { pointer, _ in clibxml2_free(pointer) })
  }

  /// Writes `markup` as it is, such as the end tags of elements another writer opened.
  func raw(_ markup: StaticString) throws {
    try check(xmlTextWriterWriteRaw(try live(), markup.utf8Start), "xmlTextWriterWriteRaw")
  }

  /// Flushes everything written so far and frees the writer without closing the elements
  /// still open: another writer continues the document. Only for a streamed part.
  func finishLeavingElementsOpen() throws {
    let writer = try live()
    // Writing nothing still completes a start tag left open (`<w:body` before its `>`).
    try check(xmlTextWriterWriteRaw(writer, ""), "xmlTextWriterWriteRaw")
    try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
    xmlFreeTextWriter(writer)
    self.writer = nil
    if let failure = deflater?.failure { throw failure }
  }

  private func live() throws -> xmlTextWriterPtr {
    guard let writer else { throw DocxError("the XML writer for \(part) was used after finish()") }
    return writer
  }

  /// The single choke point turning a libxml2 failure (a negative result) into an error.
  private func check(_ result: Int32, _ function: String) throws {
    if result < 0 {
      if let failure = deflater?.failure { throw failure }
      throw DocxError("libxml2 \(function) failed while writing \(part)")
    }
  }
}
