/// The secret in the address `pia serve` prints: 32 random bytes written as 64
/// lowercase hexadecimal digits, new at every start and valid for the server's
/// lifetime (as Jupyter's token is).
public struct AccessToken: Sendable, Hashable, CustomStringConvertible {
  /// The 64 hexadecimal digits.
  public var value: String

  /// A token from the system's cryptographic random source (`getrandom` on Linux).
  public static func random() -> AccessToken {
    var generator = SystemRandomNumberGenerator()
    return AccessToken(value: Self.hex(count: 32, using: &generator))
  }

  /// A token with a known value (tests).
  public init(value: String) {
    self.value = value
  }

  /// The token as printed.
  public var description: String { value }

  /// Whether `candidate` is this token, comparing in time that does not depend
  /// on where the first difference is.
  public func matches(_ candidate: some StringProtocol) -> Bool {
    Self.constantTimeEqual(Array(value.utf8), Array(candidate.utf8))
  }

  /// `count` random bytes as lowercase hexadecimal digits.
  static func hex(count: Int, using generator: inout some RandomNumberGenerator) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 2)
    for _ in 0..<count {
      let byte = UInt8.random(in: .min ... .max, using: &generator)
      bytes.append(digits[Int(byte >> 4)])
      bytes.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Equality of two byte strings without an early exit (the length may leak;
  /// the tokens compared here have a fixed length).
  static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
    return difference == 0
  }
}
