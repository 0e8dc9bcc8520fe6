using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Logging;
using SmartStore.Silo.Ingest;
using SmartStore.Storage;

namespace SmartStore.Silo.Ftp;

/// <summary>
/// One camera's FTP control connection (RFC 959, passive modes per RFC 2428). Only what IP cameras use
/// is implemented; everything that would change stored snapshots is refused with a reason.
/// </summary>
public sealed class FtpSession(TcpClient client, FtpEndpointServices services, CancellationToken stopping)
{
    private static readonly string[] AllowedBeforeLogin = ["USER", "PASS", "QUIT", "SYST", "FEAT", "NOOP", "OPTS", "AUTH", "PBSZ", "PROT", "HELP"];

    private Stream _control = client.GetStream();
    private FtpCommandReader? _reader;
    private bool _tls;
    private bool _protectData;
    private readonly string _address = ((IPEndPoint)client.Client.RemoteEndPoint!).Address.ToString();
    private readonly Dictionary<string, long> _uploaded = new();
    private string? _user;
    private string? _camera;
    private string _directory = "/";
    private TcpListener? _passive;

    private ILogger Log => services.Logger;
    private FtpOptions Options => services.Options;

    public async Task Run()
    {
        try
        {
            await Reply(220, "SmartStore FTP ready.");
            _reader = new FtpCommandReader(_control, Options.MaxCommandLength);
            while (!stopping.IsCancellationRequested)
            {
                var line = await NextLine(_reader);
                if (line is null) return;
                if (line.TooLong)
                {
                    Log.LogWarning("FTP {Address}: command line over {Max} bytes refused", _address, Options.MaxCommandLength);
                    await Reply(500, $"Command line longer than {Options.MaxCommandLength} bytes.");
                    continue;
                }
                var (verb, argument) = Split(line.Text!);
                if (!await Handle(verb, argument)) return;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or AuthenticationException
                                       || e is OperationCanceledException && !stopping.IsCancellationRequested)
        {
            Log.LogInformation("FTP {Address} ({Camera}) disconnected: {Message}", _address, _camera ?? _user, e.Message);
        }
        finally
        {
            _passive?.Dispose();
            await _control.DisposeAsync();
            client.Dispose();
        }
    }

    private async Task<FtpCommandReader.Line?> NextLine(FtpCommandReader reader)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        idle.CancelAfter(Options.IdleTimeout);
        try
        {
            return await reader.ReadLine(idle.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            Log.LogInformation("FTP {Address}: idle for {Timeout}, closing", _address, Options.IdleTimeout);
            await Reply(421, "Idle timeout; closing the control connection.");
            return null;
        }
    }

    /// <summary>Executes one command; false ends the session.</summary>
    private async Task<bool> Handle(string verb, string argument)
    {
        if (_camera is null && !AllowedBeforeLogin.Contains(verb))
        {
            await Reply(530, "Please log in with USER and PASS.");
            return true;
        }
        switch (verb)
        {
            case "USER" when Options.RequireTls && !_tls: await Reply(530, "TLS is required: send AUTH TLS first."); return true;
            case "USER": _user = argument; _camera = null; await Reply(331, $"Password required for {argument}."); return true;
            case "PASS": return await Login(argument);
            case "QUIT": await Reply(221, "Goodbye."); return false;
            case "SYST": await Reply(215, "UNIX Type: L8"); return true;
            case "FEAT": await ReplyLines(211, "Features:", Options.Tls ? [" AUTH TLS", " PBSZ", " PROT", " EPSV", " PASV", " SIZE", " UTF8"] : [" EPSV", " PASV", " SIZE", " UTF8"], "End"); return true;
            case "OPTS": await Reply(argument.Equals("UTF8 ON", StringComparison.OrdinalIgnoreCase) ? 200 : 501, "UTF8 is always on."); return true;
            case "HELP": await Reply(214, "USER PASS SYST FEAT PWD CWD CDUP MKD TYPE MODE STRU PASV EPSV STOR SIZE LIST NLST NOOP QUIT"); return true;
            case "NOOP": await Reply(200, "OK."); return true;
            case "AUTH": await StartTls(argument); return true;
            case "PBSZ": await Reply(_tls ? 200 : 503, _tls ? "PBSZ=0" : "Use AUTH TLS first."); return true;
            case "PROT": await Protect(argument); return true;
            case "PWD" or "XPWD": await Reply(257, $"\"{_directory}\" is the current directory."); return true;
            case "CWD" or "XCWD": await ChangeDirectory(argument); return true;
            case "CDUP" or "XCUP": _directory = VirtualPath.Parent(_directory); await Reply(250, $"Directory changed to {_directory}."); return true;
            case "MKD" or "XMKD": await MakeDirectory(argument); return true;
            case "TYPE": await Reply(argument.ToUpperInvariant() is "I" or "A" or "L 8" or "A N" ? 200 : 504, $"Type set to {argument}."); return true;
            case "MODE": await Reply(argument.Equals("S", StringComparison.OrdinalIgnoreCase) ? 200 : 504, "Only stream mode."); return true;
            case "STRU": await Reply(argument.Equals("F", StringComparison.OrdinalIgnoreCase) ? 200 : 504, "Only file structure."); return true;
            case "PASV": await EnterPassive(extended: false); return true;
            case "EPSV": await EnterPassive(extended: true); return true;
            case "PORT" or "EPRT": await Reply(502, "Active mode is not supported; use PASV or EPSV."); return true;
            case "STOR": await Store(argument); return true;
            case "APPE": await Reply(550, "Appending is not allowed: stored snapshots are never changed."); return true;
            case "DELE" or "RNFR" or "RNTO" or "RMD" or "XRMD": await Reply(550, "Permission denied: stored snapshots are never changed."); return true;
            case "SIZE": await Size(argument); return true;
            case "LIST" or "NLST": await EmptyListing(); return true;
            default: await Reply(502, $"Command {verb} not implemented."); return true;
        }
    }

    /// <summary>Explicit FTPS (RFC 4217): 234, then the control connection continues inside TLS.</summary>
    private async Task StartTls(string mechanism)
    {
        if (!Options.Tls) { await Reply(502, "TLS is not enabled on this endpoint."); return; }
        if (_tls) { await Reply(503, "TLS is already on."); return; }
        if (!mechanism.Equals("TLS", StringComparison.OrdinalIgnoreCase) && !mechanism.Equals("SSL", StringComparison.OrdinalIgnoreCase))
        {
            await Reply(504, $"AUTH {mechanism} is not supported; use AUTH TLS.");
            return;
        }
        await Reply(234, "Proceed with TLS negotiation.");
        var tls = new SslStream(_control, leaveInnerStreamOpen: false);
        // A client that never finishes the handshake must not hold a session slot longer than an idle one would.
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        handshake.CancelAfter(Options.IdleTimeout);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = services.Certificate.Certificate }, handshake.Token);
        _control = tls;
        _reader = new FtpCommandReader(tls, Options.MaxCommandLength);
        _tls = true;
    }

    private async Task Protect(string level)
    {
        if (!_tls) { await Reply(503, "Use AUTH TLS first."); return; }
        switch (level.Trim().ToUpperInvariant())
        {
            case "P": _protectData = true; await Reply(200, "Data connections are protected (TLS)."); return;
            case "C": _protectData = false; await Reply(200, "Data connections are clear."); return;
            default: await Reply(536, $"Protection level {level} is not supported; use P or C."); return;
        }
    }

    private async Task<bool> Login(string password)
    {
        if (services.Lockout.IsLockedOut(_address))
        {
            Log.LogWarning("FTP {Address}: login while locked out", _address);
            await Reply(421, "Too many failed logins from your address; try again later.");
            return false;
        }
        var user = _user ?? "";
        // No camera code holds a control character, and PostgreSQL cannot take a NUL: such a name is an unknown camera's
        // (it ended the session without a reply when it reached the database).
        var named = user.Length > 0 && !user.Any(char.IsControl);
        if (named && await services.Cameras.VerifySecret(user, password))
        {
            services.Lockout.Succeeded(_address);
            _camera = user;
            Log.LogDebug("FTP {Address}: camera {Camera} logged in", _address, user);
            await Reply(230, $"Camera {user} logged in.");
            return true;
        }
        var lockedNow = services.Lockout.Failed(_address);
        var reason = !named || await services.Cameras.Find(user) is null ? UploadRejection.UnknownCamera : UploadRejection.WrongPassword;
        await services.Inbox.Refuse(new UploadOrigin(user, "", _address, "ftp"), reason, "FTP login failed");
        await Reply(530, "Login incorrect.");
        if (!lockedNow) return true;
        await Reply(421, "Too many failed logins from your address; try again later.");
        return false;
    }

    private async Task ChangeDirectory(string argument)
    {
        var next = VirtualPath.ChangeDirectory(_directory, argument);
        if (next is null)
        {
            await RefusePath(argument);
            await Reply(550, "Directory name not allowed.");
            return;
        }
        _directory = next;
        await Reply(250, $"Directory changed to {_directory}.");
    }

    private async Task MakeDirectory(string argument)
    {
        var created = VirtualPath.ChangeDirectory(_directory, argument);
        if (created is null)
        {
            await RefusePath(argument);
            await Reply(550, "Directory name not allowed.");
            return;
        }
        await Reply(257, $"\"{created}\" created.");
    }

    private async Task EnterPassive(bool extended)
    {
        _passive?.Dispose();
        _passive = services.PassivePorts.Open();
        var port = ((IPEndPoint)_passive.LocalEndpoint).Port;
        if (extended)
        {
            await Reply(229, $"Entering Extended Passive Mode (|||{port}|)");
            return;
        }
        var address = ((IPEndPoint)_passive.LocalEndpoint).Address.GetAddressBytes();
        await Reply(227, $"Entering Passive Mode ({string.Join(',', address)},{port >> 8},{port & 0xFF}).");
    }

    private async Task Store(string name)
    {
        if (!VirtualPath.IsUploadName(name))
        {
            // The client may already have connected to the passive port for this transfer; that
            // connection belongs to the refused command and must not carry the next one.
            _passive?.Dispose();
            _passive = null;
            await RefusePath(name);
            await Reply(553, "File name not allowed.");
            return;
        }
        var data = await OpenData();
        if (data is null) return;
        var origin = new UploadOrigin(_camera!, name, _address, "ftp");
        UploadVerdict verdict;
        try
        {
            verdict = await services.Inbox.Receive(origin, data.Stream, stopping);
            // The data connection is closed before the reply (TLS clients wait for our close_notify first).
            await data.DisposeAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException and not IOException)
        {
            // Database down or disk full: nothing was acknowledged, so the camera must send the file again.
            Log.LogError(e, "FTP {Address}: storing {File} from {Camera} failed", _address, name, _camera);
            await Reply(451, "Local error while storing the file; send it again.");
            return;
        }
        finally
        {
            await data.DisposeAsync();
        }
        if (verdict.Accepted) _uploaded[name] = verdict.Bytes;
        await Reply(verdict switch
        {
            { Accepted: true } => 226,
            { Reason: UploadRejection.TooLarge } => 552,
            { Reason: UploadRejection.TransferAborted } => 426,
            _ => 550,
        }, verdict.Accepted
            ? $"Transfer complete; snapshot {verdict.SnapshotId} {(verdict.Duplicate ? "was already stored" : "stored")}."
            : $"Rejected ({verdict.Reason}): {verdict.Detail}");
    }

    private async Task Size(string name) =>
        await (_uploaded.TryGetValue(name, out var bytes) ? Reply(213, bytes.ToString()) : Reply(550, "No such file."));

    private async Task EmptyListing()
    {
        // Some cameras list the directory before uploading; the virtual tree shows nothing.
        var data = await OpenData();
        if (data is null) return;
        await data.DisposeAsync();
        await Reply(226, "Transfer complete.");
    }

    /// <summary>Accepts the client's data connection on the passive listener; replies 425 and returns null when it cannot.</summary>
    private async Task<DataConnection?> OpenData()
    {
        if (_passive is null)
        {
            await Reply(425, "Use PASV or EPSV first.");
            return null;
        }
        await Reply(150, "Opening BINARY mode data connection.");
        var listener = _passive;
        _passive = null;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        wait.CancelAfter(Options.DataConnectTimeout);
        DataConnection? data = null;
        try
        {
            data = new DataConnection(await listener.AcceptTcpClientAsync(wait.Token));
            if (_protectData) await data.Protect(services.Certificate.Certificate, wait.Token);
            return data;
        }
        catch (OperationCanceledException)
        {
            if (data is not null) await data.DisposeAsync();
            await Reply(425, "The data connection was not opened in time.");
            return null;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            if (data is not null) await data.DisposeAsync();
            await Reply(522, $"TLS on the data connection failed: {e.Message}");
            return null;
        }
        finally
        {
            listener.Dispose();
        }
    }

    private Task RefusePath(string argument) =>
        services.Inbox.Refuse(new UploadOrigin(_camera ?? "", argument.Replace('\0', '?'), _address, "ftp"), UploadRejection.BadFileName,
            $"path not allowed: {argument.Replace('\0', '?')}");

    private Task Reply(int code, string text) => Write($"{code} {text}\r\n");

    private Task ReplyLines(int code, string first, IEnumerable<string> middle, string last) =>
        Write($"{code}-{first}\r\n{string.Concat(middle.Select(m => m + "\r\n"))}{code} {last}\r\n");

    private async Task Write(string text)
    {
        await _control.WriteAsync(Encoding.UTF8.GetBytes(text), stopping);
        await _control.FlushAsync(stopping);
    }

    private static (string Verb, string Argument) Split(string line)
    {
        var space = line.IndexOf(' ');
        return space < 0 ? (line.Trim().ToUpperInvariant(), "") : (line[..space].ToUpperInvariant(), line[(space + 1)..]);
    }

    private sealed class DataConnection(TcpClient client) : IAsyncDisposable
    {
        private bool _disposed;

        public Stream Stream { get; private set; } = client.GetStream();

        /// <summary>PROT P: the data connection is a TLS server stream too.</summary>
        public async Task Protect(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, CancellationToken cancellationToken)
        {
            var tls = new SslStream(Stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, cancellationToken);
            Stream = tls;
        }

        /// <summary>Closes the connection once (a TLS stream says close_notify first); later calls do nothing.</summary>
        public async ValueTask DisposeAsync()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                if (Stream is SslStream tls) await tls.ShutdownAsync();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The client already closed; nothing to say goodbye to.
            }
            await Stream.DisposeAsync();
            client.Dispose();
        }
    }
}
