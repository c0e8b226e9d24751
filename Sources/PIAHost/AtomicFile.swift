import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file on disk written atomically: the new bytes go to a temporary file
/// in the same folder, are flushed to the disk, and are renamed over the old
/// file, and the folder is flushed too; a crash or a full disk at any moment
/// leaves either the old file or the new one, never half of one.
///
/// The project's one file writer: answers files, rendered documents and
/// converted files all go through it.
public struct AtomicFile: Sendable {
  /// The file.
  public var url: URL
  /// The path printed in messages (as the user typed it).
  public var displayPath: String
  /// Whether to write through a symbolic link (replacing the file it points to).
  public var followsSymlinks: Bool
  /// The mode of a file created anew (an existing file keeps its mode).
  public var newFileMode: mode_t

  /// A file at `url`.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - displayPath: The path printed in messages (default: `url.path`).
  ///   - followsSymlinks: Whether to write through a symbolic link.
  ///   - newFileMode: The mode of a new file: 0600 (owner only) unless said
  ///     otherwise, since answers files hold what staff wrote about residents.
  public init(
    url: URL, displayPath: String? = nil, followsSymlinks: Bool = false,
    newFileMode: mode_t = 0o600
  ) {
    self.url = url
    self.displayPath = displayPath ?? url.path
    self.followsSymlinks = followsSymlinks
    self.newFileMode = newFileMode
  }

  /// A write that did not happen; the previous file is untouched.
  public struct SaveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public var description: String

    /// An error with this description.
    public init(_ description: String) {
      self.description = description
    }
  }

  /// Whether the file exists (a dangling symlink counts as existing).
  public var exists: Bool {
    var info = stat()
    return lstat(url.path, &info) == 0
  }

  /// Writes `data` atomically.
  ///
  /// - Throws: `SaveError` with a readable reason (no permission, read-only
  ///   folder, disk full, a symbolic link, a folder in the way); the previous
  ///   file is then untouched.
  public func write(_ data: Data) throws(SaveError) {
    var target = url.path
    var info = stat()
    var mode: mode_t = newFileMode
    if lstat(target, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFLNK {
        guard followsSymlinks else {
          throw SaveError(
            "'\(displayPath)' is a symbolic link; pia does not write through links (pass "
              + "--force to replace the file it points to, or give the real path)")
        }
        target = url.resolvingSymlinksInPath().path
        if stat(target, &info) == 0 { mode = info.st_mode & 0o777 }
      } else if (info.st_mode & S_IFMT) == S_IFDIR {
        throw SaveError("'\(displayPath)' is a folder, not a file")
      } else {
        mode = info.st_mode & 0o777
      }
    }
    let folder = (target as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    let name = (target as NSString).lastPathComponent
    var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else {
      throw failure(errno, doing: "create a temporary file in the folder")
    }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var closed = false
    defer {
      if !closed { close(descriptor) }
    }
    do throws(SaveError) {
      guard fchmod(descriptor, mode) == 0 else {
        throw failure(errno, doing: "set the mode of the temporary file")
      }
      let writeError = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32 in
        var offset = 0
        while offset < buffer.count {
          guard let base = buffer.baseAddress else { break }
          let written = systemWrite(descriptor, base + offset, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            return errno
          }
          offset += written
        }
        return 0
      }
      if writeError != 0 { throw failure(writeError, doing: "write the temporary file") }
      guard fsync(descriptor) == 0 else {
        throw failure(errno, doing: "flush the temporary file to the disk")
      }
      closed = true
      guard close(descriptor) == 0 else { throw failure(errno, doing: "close the temporary file") }
      guard rename(temporary, target) == 0 else {
        throw failure(errno, doing: "replace the file with the temporary file")
      }
    } catch {
      unlink(temporary)
      throw error
    }
    removeStaleTemporaryFiles(in: directory, name: name)
    let folderDescriptor = open(directory, O_RDONLY)
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Whether `name` is a temporary file `write` makes (`.NAME.tmp-XXXXXX`).
  public static func isTemporaryFile(_ name: String) -> Bool {
    guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards) else {
      return false
    }
    return name[range.upperBound...].count == 6
      && range.lowerBound > name.index(after: name.startIndex)
  }

  /// Removes temporary files an earlier save left when the process was killed
  /// between creating and renaming them (older than a minute, so a save in
  /// progress elsewhere is never touched).
  private func removeStaleTemporaryFiles(in directory: String, name: String) {
    let prefix = ".\(name).tmp-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return
    }
    let now = Date()
    for candidate in names where candidate.hasPrefix(prefix) && candidate.count == prefix.count + 6
    {
      let path = directory + "/" + candidate
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        let modified = attributes[.modificationDate] as? Date,
        now.timeIntervalSince(modified) > 60
      else { continue }
      unlink(path)
    }
  }

  private func failure(_ code: Int32, doing action: String) -> SaveError {
    let reason: String
    switch code {
    case EACCES, EPERM: reason = "no permission to write in the folder"
    case EROFS: reason = "the folder is on a read-only volume"
    case ENOSPC: reason = "no space left on the device"
    case EDQUOT: reason = "the disk quota is exceeded"
    case ENOENT: reason = "the folder does not exist"
    default: reason = String(cString: strerror(code))
    }
    return SaveError(
      "cannot save '\(displayPath)': \(reason) (could not \(action)); "
        + "the previous version of the file is untouched")
  }
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(descriptor, buffer, count)
  #else
    return Darwin.write(descriptor, buffer, count)
  #endif
}
