internal import CLibXML2
import Foundation

/// A parsed XML element as plain Swift values, for reading parts back (checks and tests).
struct XMLNode: Sendable, Equatable {
  /// The local name, without prefix.
  var name: String
  /// The namespace URI, or "" for none.
  var namespace: String
  /// Attributes by local name (namespaces are ignored; OOXML never clashes on local names).
  var attributes: [String: String]
  /// Child elements in order.
  var children: [XMLNode]
  /// Character data directly inside this element, concatenated.
  var text: String

  /// The first child with local name `name`.
  func child(_ name: String) -> XMLNode? {
    children.first { $0.name == name }
  }

  /// Children with local name `name`.
  func children(_ name: String) -> [XMLNode] {
    children.filter { $0.name == name }
  }

  /// Every descendant (depth first, document order) with local name `name`.
  func descendants(_ name: String) -> [XMLNode] {
    var result: [XMLNode] = []
    for child in children {
      if child.name == name { result.append(child) }
      result += child.descendants(name)
    }
    return result
  }

  /// Parses a well-formed XML document.
  ///
  /// - Parameters:
  ///   - data: The document's bytes.
  ///   - part: The part's name, for error messages.
  /// - Returns: The root element.
  /// - Throws: ``DocxError`` when the bytes are not well-formed XML.
  static func parse(_ data: Data, part: String) throws -> XMLNode {
    LibXML2.ensureInitialized()
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
    let document = data.withUnsafeBytes { raw -> xmlDocPtr? in
      guard let base = raw.bindMemory(to: CChar.self).baseAddress else { return nil }
      return xmlReadMemory(base, Int32(raw.count), part, nil, options)
    }
    guard let document else { throw DocxError("\(part) is not well-formed XML") }
    defer { xmlFreeDoc(document) }
    guard let root = xmlDocGetRootElement(document) else {
      throw DocxError("\(part) has no root element")
    }
    return convert(root)
  }

  private static func convert(_ node: xmlNodePtr) -> XMLNode {
    var attributes: [String: String] = [:]
    var attribute = node.pointee.properties
    while let current = attribute {
      let name = string(current.pointee.name)
      if let value = xmlNodeGetContent(
        UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
      {
        attributes[name] = String(cString: value)
        clibxml2_free(value)
      }
      attribute = current.pointee.next
    }
    var children: [XMLNode] = []
    var text = ""
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE: children.append(convert(current))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content { text += String(cString: content) }
      default: break
      }
      child = current.pointee.next
    }
    let namespace = node.pointee.ns.map { string($0.pointee.href) } ?? ""
    return XMLNode(
      name: string(node.pointee.name), namespace: namespace, attributes: attributes,
      children: children, text: text)
  }

  private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }

  /// Re-indents an XML document for human reading (used by snapshot tests).
  ///
  /// - Throws: ``DocxError`` when the bytes are not well-formed XML.
  static func prettyPrinted(_ data: Data, part: String) throws -> String {
    LibXML2.ensureInitialized()
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOBLANKS.rawValue)
    let document = data.withUnsafeBytes { raw -> xmlDocPtr? in
      guard let base = raw.bindMemory(to: CChar.self).baseAddress else { return nil }
      return xmlReadMemory(base, Int32(raw.count), part, nil, options)
    }
    guard let document else { throw DocxError("\(part) is not well-formed XML") }
    defer { xmlFreeDoc(document) }
    var output: UnsafeMutablePointer<xmlChar>?
    var length: Int32 = 0
    xmlDocDumpFormatMemoryEnc(document, &output, &length, "UTF-8", 1)
    guard let output else { throw DocxError("cannot serialize \(part)") }
    defer { clibxml2_free(output) }
    return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
  }
}
