using System.Globalization;

namespace SmartStore.Bench;

/// <summary>`--key value` and `--flag` options after the benchmark name.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public BenchArgs(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null) values[pending] = "true";
                pending = a[2..];
            }
            else if (pending is not null) { values[pending] = a; pending = null; }
            else throw new ArgumentException($"Unexpected argument '{a}'.");
        }
        if (pending is not null) values[pending] = "true";
    }

    public string? Get(string key) => values.TryGetValue(key, out var v) ? v : null;
    public string Get(string key, string fallback) => Get(key) ?? fallback;
    public int Get(string key, int fallback) => Get(key) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public float Get(string key, float fallback) => Get(key) is { } v ? float.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public bool Flag(string key) => Get(key) is { } v && v != "false";
}
