import Crypto
import Foundation

/// The SHA-256 of the canonical text of a set of answers: what an approval
/// and a history entry record, and what the DOCX footer shows (`short`).
///
/// The canonical text is compact JSON (see `docs/revisions.md`):
///
/// - the answers object's keys (question ids) sorted by Unicode code point;
/// - text and choice ids as strings, NFC-normalised, escaped as RFC 8785;
/// - yes/no as `true`/`false`; dates as `"YYYY-MM-DD"`;
/// - numbers in shortest round-trip form (`3`, `0.25`, `1e-07`);
/// - multiple-choice lists sorted by code point;
/// - repeating groups as lists of objects sorted by entry id, each object
///   holding `"id"` and the entry's fields, keys sorted by code point.
///
/// Only the answers count: the questionnaire, assessment details, inactive
/// answers, history and approvals are not part of the hash.
public struct AnswersHash: Sendable, Hashable, CustomStringConvertible {
  /// The 64 lower-case hex digits.
  public let hex: String

  /// Hashes `answers`.
  public init(_ answers: [String: AnswerValue]) {
    let digest = SHA256.hash(data: CanonicalJSON.bytes(Self.canonicalValue(answers)))
    hex = digest.map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }

  /// A hash read back from a file (64 hex digits, any case).
  public init?(hex: String) {
    let lower = hex.lowercased()
    guard lower.count == 64, lower.allSatisfy({ $0.isHexDigit && $0.isASCII }) else {
      return nil
    }
    self.hex = lower
  }

  /// The first 12 hex digits, as printed in footers and listings.
  public var short: String { String(hex.prefix(12)) }

  /// The 64 hex digits, as written in the answers file.
  public var description: String { hex }

  /// The canonical text of `answers` that the hash is computed from.
  public static func canonicalText(_ answers: [String: AnswerValue]) -> String {
    CanonicalJSON.write(canonicalValue(answers))
  }

  static func canonicalValue(_ answers: [String: AnswerValue]) -> CanonicalJSON.Value {
    let members = answers.map { (CanonicalJSON.nfc($0.key), canonicalValue($0.value)) }
    return .object(members.sorted { CanonicalJSON.codePointOrder($0.0, $1.0) })
  }

  static func canonicalValue(_ value: AnswerValue) -> CanonicalJSON.Value {
    switch value {
    case .text(let text), .choice(let text): return .string(text)
    case .choices(let ids):
      return .array(
        ids.map(CanonicalJSON.nfc).sorted(by: CanonicalJSON.codePointOrder).map { .string($0) })
    case .bool(let flag): return .bool(flag)
    case .number(let number): return .number(number)
    case .date(let date): return .string(date.description)
    case .entries(let entries):
      let sorted = entries.sorted {
        CanonicalJSON.codePointOrder(CanonicalJSON.nfc($0.id), CanonicalJSON.nfc($1.id))
      }
      return .array(
        sorted.map { entry in
          var members = entry.values.map { (CanonicalJSON.nfc($0.key), canonicalValue($0.value)) }
          members.append(("id", .string(entry.id)))
          return .object(members.sorted { CanonicalJSON.codePointOrder($0.0, $1.0) })
        })
    }
  }
}
