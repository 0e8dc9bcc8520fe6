using System.Globalization;

namespace SmartStore.Bench;

/// <summary>Collects figures while a benchmark runs and prints them together at the end, one per line.</summary>
public sealed class Figures
{
    private readonly List<string> lines = [];

    public void Add(string name, double value, string unit)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"FIGURE {name} {value:0.####} {unit}");
        lines.Add(line);
        Progress.Say($"  -> {name} = {value.ToString("0.####", CultureInfo.InvariantCulture)} {unit}");
    }

    public void Print()
    {
        foreach (var l in lines) Console.WriteLine(l);
    }
}

public static class Progress
{
    private static readonly DateTime Start = DateTime.UtcNow;
    public static void Say(string message) => Console.WriteLine($"[{(DateTime.UtcNow - Start).TotalSeconds,7:0.0}s] {message}");
}
