using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace SmartStore.Simulator;

/// <summary>
/// The FTP client an IP camera has: log in, binary type, extended passive mode, STOR, quit — one
/// session per upload, as most cameras do. No .NET FTP client package is available here. The ingest
/// benchmark drives both our endpoint and vsftpd with it, so <see cref="Result.Elapsed"/> times the
/// whole upload: connect, login, EPSV, STOR and the final reply (before QUIT).
/// </summary>
public sealed class FtpUploader(string host, int port)
{
    public sealed record Result(bool Stored, int Code, string Reply, TimeSpan Elapsed);

    public async Task<Result> Upload(string user, string password, string remoteName, byte[] content, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var control = new TcpClient();
        await control.ConnectAsync(host, port, cancellationToken);
        var stream = control.GetStream();
        var reader = new StreamReader(stream, Encoding.UTF8);
        async Task<(int Code, string Text)> Read()
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("connection closed");
            // Multi-line replies ("211-...") end with "211 ...".
            while (line.Length > 3 && line[3] == '-')
            {
                var next = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("connection closed");
                if (next.StartsWith(line[..3] + " ", StringComparison.Ordinal)) { line = next; break; }
            }
            return (int.Parse(line[..3]), line);
        }
        async Task<(int Code, string Text)> Send(string command)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken);
            return await Read();
        }

        await Read();
        var userReply = await Send($"USER {user}");
        var login = userReply.Code == 331 ? await Send($"PASS {password}") : userReply;
        if (login.Code != 230) return new Result(false, login.Code, login.Text, clock.Elapsed);
        await Send("TYPE I");
        var epsv = await Send("EPSV");
        if (epsv.Code != 229) return new Result(false, epsv.Code, epsv.Text, clock.Elapsed);
        var dataPort = int.Parse(epsv.Text.Split('|')[3]);

        using var data = new TcpClient();
        await data.ConnectAsync(host, dataPort, cancellationToken);
        var opening = await Send($"STOR {remoteName}");
        if (opening.Code != 150) return new Result(false, opening.Code, opening.Text, clock.Elapsed);
        await data.GetStream().WriteAsync(content, cancellationToken);
        data.Client.Shutdown(SocketShutdown.Send);
        data.Close();
        var done = await Read();
        var elapsed = clock.Elapsed;
        await Send("QUIT");
        return new Result(done.Code == 226, done.Code, done.Text, elapsed);
    }
}
