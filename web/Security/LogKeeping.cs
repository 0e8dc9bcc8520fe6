using SmartStore.Storage;

namespace SmartStore.Web.Security;

/// <summary>
/// How long each growing log is kept: the audit log three years (<c>Audit:KeepLogFor</c>; China's cybersecurity law asks
/// for at least six months of such records), sign-ins a year (<c>SignIn:KeepLogFor</c>), refused uploads 90 days
/// (<c>Ingest:KeepRejectionsFor</c>: a camera sending bad files all day writes 1,440 a day). Zero or less keeps a log forever.
/// </summary>
public sealed record LogKeeping(TimeSpan Audit, TimeSpan SignIns, TimeSpan Rejections)
{
    public static LogKeeping From(IConfiguration configuration) => new(
        configuration.GetValue("Audit:KeepLogFor", TimeSpan.FromDays(3 * 365)),
        configuration.GetValue("SignIn:KeepLogFor", TimeSpan.FromDays(365)),
        configuration.GetValue("Ingest:KeepRejectionsFor", TimeSpan.FromDays(90)));

    /// <summary>Each log with how long it is kept; zero or less: forever.</summary>
    public IEnumerable<(LogRetention.Log Log, TimeSpan Keep)> Logs =>
        [(LogRetention.Log.Audit, Audit), (LogRetention.Log.SignIns, SignIns), (LogRetention.Log.Rejections, Rejections)];

    /// <summary>Whether a table is one of the logs, and how long it is kept (null: forever).</summary>
    public bool KeepsTable(string table, out TimeSpan? keep)
    {
        var found = Logs.Where(l => LogRetention.TableOf(l.Log) == table).Select(l => (TimeSpan?)l.Keep).FirstOrDefault();
        keep = found > TimeSpan.Zero ? found : null;
        return found is not null;
    }
}
