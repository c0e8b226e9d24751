/// The edges the command line and the web server share: what touches the host
/// machine — files on disk, external programs (LibreOffice, poppler), the
/// clock and the environment. `PIAKit` stays pure; front ends call it with the
/// values this target reads and write back what it returns.
public enum PIAHost {}
