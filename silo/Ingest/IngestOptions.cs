namespace SmartStore.Silo.Ingest;

/// <summary>Where snapshots are kept and what an upload may be. Section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    /// <summary>Image folder; empty means <c>$SMARTSTORE_HOME/images</c>.</summary>
    public string ImagesPath { get; set; } = "";

    /// <summary>Uploads larger than this are cut off mid-transfer (FTP 552, HTTP 413).</summary>
    public long MaxUploadBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Snapshots older than this many days are deleted by the retention sweeper.</summary>
    public int RetentionDays { get; set; } = Storage.SnapshotRepository.DefaultRetentionDays;
}

/// <summary>The FTP endpoint cameras upload to. Section <c>Ftp</c>.</summary>
public sealed class FtpOptions
{
    public bool Enabled { get; set; } = true;
    public string ListenAddress { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2121;
    public int PassivePortFirst { get; set; } = 21000;
    public int PassivePortLast { get; set; } = 21099;
    public int MaxSessions { get; set; } = 256;
    public int MaxCommandLength { get; set; } = 1024;

    /// <summary>A client that sends nothing for this long is told 421 and disconnected.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for the client to open the data connection after PASV/EPSV and STOR.</summary>
    public TimeSpan DataConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Failed logins from one address before it is locked out for <see cref="LockoutFor"/>.</summary>
    public int MaxLoginFailures { get; set; } = 5;

    /// <summary>Explicit FTPS: AUTH TLS upgrades the control connection, PROT P the data connections (self-signed certificate in the state folder).</summary>
    public bool Tls { get; set; } = true;

    /// <summary>Refuse logins before AUTH TLS (cameras that all speak FTPS; the demo's and many older cameras do not).</summary>
    public bool RequireTls { get; set; }
    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(5);
}
