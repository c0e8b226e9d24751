/// Scans of UTF-8 text eight bytes at a time, for the checks the writer makes on every piece of
/// text (XML-forbidden characters, tabs and line breaks, scripts other than Latin).
///
/// Each scan finds the eight-byte words that may hold a byte of interest with the classic
/// "has a byte less than n" test (Hacker's Delight, §6-1: `(x - n·0x01…) & ~x & 0x80…` is
/// non-zero when some byte of `x` is below `n`, for `n` ≤ 128), and looks at single bytes only
/// in those words. Plain ASCII prose passes at a fraction of a byte-by-byte loop's cost.
enum ByteScan {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// Whether some byte of `word` is below `limit` (1…128).
  @inline(__always)
  static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highBits != 0
  }

  /// Whether some byte of `word` is 0x80 or more.
  @inline(__always)
  static func hasHighByte(_ word: UInt64) -> Bool { word & highBits != 0 }

  /// Whether some byte of `word` equals `byte`.
  @inline(__always)
  static func hasByte(equalTo byte: UInt8, in word: UInt64) -> Bool {
    hasByte(below: 1, in: word ^ (ones &* UInt64(byte)))
  }

  /// The first index at or after `start` where `mayMatch` says the eight-byte word there may
  /// hold a byte of interest, or where fewer than eight bytes are left; the caller checks
  /// single bytes from there.
  @inline(__always)
  static func skip(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, while clean: (UInt64) -> Bool
  ) -> Int {
    guard let base = bytes.baseAddress else { return start }
    var index = start
    while index + 8 <= bytes.count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      guard clean(word) else { return index }
      index += 8
    }
    return index
  }
}
