using System.Runtime.InteropServices;

namespace SmartStore.Silo.Ingest;

/// <summary>
/// fsync of a directory. A renamed file is durable only once its directory entry is: without this, a power
/// loss right after the 226 could leave the acknowledged file missing. .NET has no API for it on Linux.
/// </summary>
public static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int DirectoryOnly = 0x10000; // O_DIRECTORY on Linux x86-64 and arm64

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = Open(directory, ReadOnly | DirectoryOnly);
        if (fd < 0) throw new IOException($"Cannot open {directory} to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync of {directory} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
