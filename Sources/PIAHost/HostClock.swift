import Foundation
import PIAKit

/// What the front ends read from the machine: today's date and who is
/// logged in. The library never reads either; the CLI and the server pass
/// them in.
public enum HostClock {
  /// Today's date in the machine's time zone (a municipality signs in its
  /// own day, not UTC's).
  public static func today() -> CalendarDate {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
  }

  /// The login name of the user running pia (`$USER`, else `$LOGNAME`), for
  /// the history's "by"; `nil` when neither is set.
  public static func loginName() -> String? {
    let environment = ProcessInfo.processInfo.environment
    for key in ["USER", "LOGNAME"] {
      if let name = environment[key], !name.isEmpty { return name }
    }
    return nil
  }
}
