import Foundation

/// Readable text for file-system errors, naming the path.
public enum FileErrors {
  /// Describes `error`, which happened while working on `path`.
  public static func describe(_ error: any Error, path: String) -> String {
    let nsError = error as NSError
    if nsError.domain == NSCocoaErrorDomain {
      switch nsError.code {
      case NSFileReadNoSuchFileError, NSFileNoSuchFileError:
        return "'\(path)' does not exist"
      case NSFileReadNoPermissionError, NSFileWriteNoPermissionError:
        return "no permission to access '\(path)'"
      case NSFileWriteOutOfSpaceError:
        return "no space left on the device for '\(path)'"
      case NSFileWriteVolumeReadOnlyError:
        return "'\(path)' is on a read-only volume"
      default:
        break
      }
    }
    if nsError.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(nsError.code))
    {
      return "'\(path)': \(POSIXError(code).localizedDescription)"
    }
    return "'\(path)': \(nsError.localizedDescription)"
  }
}
