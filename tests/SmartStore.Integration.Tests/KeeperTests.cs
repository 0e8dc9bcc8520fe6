using System.Diagnostics;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// `up` runs the silo, the web host and the simulator under a keeper (deploy/keeper.sh): a process that stops by itself is
/// started again, with a growing pause; `down`'s SIGTERM stops the process and its keeper together.
/// </summary>
public sealed class KeeperTests
{
    [Fact]
    public async Task A_process_that_stops_by_itself_is_started_again_and_SIGTERM_stops_it_with_its_keeper()
    {
        var folder = Directory.CreateTempSubdirectory("smartstore-keeper-");
        var runs = Path.Combine(folder.FullName, "runs");
        try
        {
            // Stops twice (exit 3), then stays: each run writes its pid first.
            var start = new ProcessStartInfo("bash") { WorkingDirectory = SharedData.RepositoryRoot, RedirectStandardOutput = true };
            foreach (var a in new[] { Path.Combine(SharedData.RepositoryRoot, "smartstore"), "keep", "probe", "sh", "-c",
                $"echo $$ >> '{runs}'; [ $(wc -l < '{runs}') -ge 3 ] && exec sleep 600; exit 3" })
                start.ArgumentList.Add(a);
            start.Environment["SMARTSTORE_RESTART_DELAY"] = "1";
            using var keeper = Process.Start(start)!;
            var log = keeper.StandardOutput.ReadToEndAsync();

            using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
                while (!File.Exists(runs) || (await File.ReadAllLinesAsync(runs, patience.Token)).Length < 3)
                    await Task.Delay(100, patience.Token);
            var staying = int.Parse((await File.ReadAllLinesAsync(runs))[2]);
            Assert.True(Directory.Exists($"/proc/{staying}"));

            using (var signal = Process.Start("kill", ["-TERM", keeper.Id.ToString()])) await signal.WaitForExitAsync();
            using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1))) await keeper.WaitForExitAsync(patience.Token);
            Assert.Equal(0, keeper.ExitCode);
            Assert.False(Directory.Exists($"/proc/{staying}"), "the process kept running after its keeper was stopped");
            var said = await log;
            Assert.Contains("probe stopped by itself (exit 3)", said);
            // The pause doubles while it keeps stopping soon after starting.
            Assert.Contains("starting it again in 1 s", said);
            Assert.Contains("starting it again in 2 s", said);
            Assert.Equal(3, (await File.ReadAllLinesAsync(runs)).Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_database_killed_under_its_watch_is_started_again_and_SIGTERM_ends_the_watch()
    {
        var folder = Directory.CreateTempSubdirectory("smartstore-dbwatch-");
        var cluster = Path.Combine(folder.FullName, "pg");
        var port = Loopback.FreePort().ToString();
        Process? watch = null;
        try
        {
            // PostgreSQL runs as the postgres user when the scripts run as root: it must reach the cluster's folder.
            var started = await Scripts($"chmod 755 '{folder.FullName}' && pg_cluster_start '{cluster}' {port}");
            Assert.True(started.ExitCode == 0, started.Output);
            var first = Postmaster(cluster);

            var start = Smartstore("keep-db", cluster, port);
            start.RedirectStandardOutput = true;
            start.Environment["SMARTSTORE_DB_CHECK"] = "1";
            watch = Process.Start(start)!;
            var log = new WatchLog(watch);
            using (var kill = Process.Start("kill", ["-9", first.ToString()])) await kill.WaitForExitAsync();

            // Found stopped within a second or two, and started again: a new postmaster that answers pg_ctl status.
            await log.Said("postgres started again", 1);
            Assert.NotEqual(first, Postmaster(cluster));
            Assert.Equal(0, (await Scripts($"pg_ctl_status '{cluster}'")).ExitCode);

            // A start that fails (here a setting PostgreSQL cannot read) is tried again after twice the pause each time,
            // not at every check; once it can start, it is started.
            var settings = Path.Combine(cluster, "postgresql.conf");
            var kept = await File.ReadAllTextAsync(settings);
            await File.AppendAllTextAsync(settings, "\nthis is not a setting\n");
            using (var kill = Process.Start("kill", ["-9", Postmaster(cluster).ToString()])) await kill.WaitForExitAsync();
            await log.Said("next try in 4 s", 1);
            await File.WriteAllTextAsync(settings, kept);
            await log.Said("postgres started again", 2);

            using (var signal = Process.Start("kill", ["-TERM", watch.Id.ToString()])) await signal.WaitForExitAsync();
            using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30))) await watch.WaitForExitAsync(patience.Token);
            Assert.Equal(0, watch.ExitCode);
            var said = log.Text;
            Assert.Contains("postgres was found stopped", said);
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(said,
                "postgres did not start: .*; next try in 2 s[\\s\\S]*postgres did not start: .*; next try in 4 s[\\s\\S]*postgres started again"), said);
        }
        finally
        {
            if (watch is { HasExited: false }) watch.Kill();
            await Scripts($"pg_cluster_stop '{cluster}'");
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The watch's output as it comes, to wait for what it says while it runs.</summary>
    private sealed class WatchLog
    {
        private readonly System.Text.StringBuilder text = new();

        public WatchLog(Process watch)
        {
            watch.OutputDataReceived += (_, line) => { lock (text) text.AppendLine(line.Data); };
            watch.BeginOutputReadLine();
        }

        public string Text { get { lock (text) return text.ToString(); } }

        /// <summary>Waits (up to a minute) until <paramref name="words"/> have been said <paramref name="times"/> times.</summary>
        public async Task Said(string words, int times)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (System.Text.RegularExpressions.Regex.Matches(Text, System.Text.RegularExpressions.Regex.Escape(words)).Count < times)
                await Task.Delay(200, patience.Token);
        }
    }

    /// <summary>The running postmaster's pid from its pid file; 0 when there is none.</summary>
    private static int Postmaster(string cluster)
    {
        var file = Path.Combine(cluster, "postmaster.pid");
        try { return File.Exists(file) && int.TryParse(File.ReadLines(file).First(), out var pid) && Directory.Exists($"/proc/{pid}") ? pid : 0; }
        catch (IOException) { return 0; }
    }

    /// <summary>Runs bash with the deploy scripts sourced, as ./smartstore does.</summary>
    private static Task<FtpClients.Outcome> Scripts(string command)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = SharedData.RepositoryRoot };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"source deploy/postgres.sh; pg_ctl_status() {{ pg_as_owner \"'$(pg_bin)/pg_ctl' -D '$1' status\"; }}; {command}");
        return FtpClients.Run(start);
    }

    private static ProcessStartInfo Smartstore(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = SharedData.RepositoryRoot };
        start.ArgumentList.Add(Path.Combine(SharedData.RepositoryRoot, "smartstore"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    [Fact]
    public async Task Status_says_what_is_not_running_and_fails_when_nothing_was_started()
    {
        var home = Directory.CreateTempSubdirectory("smartstore-status-");
        try
        {
            var start = Smartstore("status");
            start.Environment["SMARTSTORE_HOME"] = home.FullName;
            start.Environment["SMARTSTORE_WEB_URL"] = "http://127.0.0.1:9";
            start.Environment.Remove("SMARTSTORE_PG");
            var outcome = await FtpClients.Run(start);
            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("silo: not running", outcome.Output);
            Assert.Contains("web: not running", outcome.Output);
            Assert.Contains("database: not running", outcome.Output);
            Assert.Contains("http://127.0.0.1:9/healthz does not answer", outcome.Output);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
