using System.Diagnostics;

namespace SmartStore.Bench.Ingest;

/// <summary>
/// Debian's vsftpd as the yardstick: a child process with a private config on a free loopback port,
/// anonymous upload into a folder of the benchmark's temp dir. vsftpd chroots anonymous sessions, so it
/// must be started as root; the chroot itself is not writable by the <c>ftp</c> user, its
/// <see cref="RemoteFolder"/> is.
/// </summary>
public sealed class VsftpdServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/vsftpd";
    public const string RemoteFolder = "incoming/";
    public const int PassivePortFirst = 21900;
    public const int PassivePortLast = 21999;

    private readonly ChildProcess _process;

    private VsftpdServer(ChildProcess process, int port, string uploadFolder)
    {
        _process = process;
        Port = port;
        UploadFolder = uploadFolder;
    }

    public int Port { get; }

    public string UploadFolder { get; }

    public int StoredFiles => Directory.GetFiles(UploadFolder).Length;

    public static async Task<VsftpdServer> Start(string workDirectory, CancellationToken cancellation)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The vsftpd comparison runs on Debian only.");
        if (!File.Exists(Binary)) throw new FileNotFoundException($"{Binary} not found: `./smartstore bench ingest` installs the vsftpd package.");
        if (!Environment.IsPrivilegedProcess) throw new InvalidOperationException("vsftpd chroots anonymous sessions and must be started as root.");
        var root = Directory.CreateDirectory(Path.Combine(workDirectory, "root")).FullName;
        var upload = Directory.CreateDirectory(Path.Combine(root, RemoteFolder)).FullName;
        var empty = Directory.CreateDirectory(Path.Combine(workDirectory, "empty")).FullName;
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(root, readable);
        File.SetUnixFileMode(empty, readable);
        // Writable by the unprivileged ftp user vsftpd switches to; the folder is private to this run.
        File.SetUnixFileMode(upload, readable | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);

        var port = Loopback.FreePort();
        var config = Path.Combine(workDirectory, "vsftpd.conf");
        await File.WriteAllTextAsync(config, Config(port, root, empty, Path.Combine(workDirectory, "vsftpd.log")), cancellation);
        var start = new ProcessStartInfo(Binary);
        start.ArgumentList.Add(config);
        var process = ChildProcess.Start("vsftpd", start);
        try
        {
            await Loopback.WaitForPort(port, process, TimeSpan.FromSeconds(15), cancellation);
            return new VsftpdServer(process, port, upload);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string Config(int port, string root, string empty, string log) => $"""
        listen=YES
        listen_ipv6=NO
        background=NO
        listen_address={Loopback.Host}
        listen_port={port}
        anonymous_enable=YES
        local_enable=NO
        no_anon_password=YES
        write_enable=YES
        anon_upload_enable=YES
        anon_mkdir_write_enable=NO
        anon_other_write_enable=NO
        anon_umask=022
        anon_root={root}
        secure_chroot_dir={empty}
        pasv_enable=YES
        pasv_min_port={PassivePortFirst}
        pasv_max_port={PassivePortLast}
        connect_from_port_20=NO
        max_clients=256
        max_per_ip=256
        seccomp_sandbox=NO
        xferlog_enable=NO
        vsftpd_log_file={log}

        """;
}
