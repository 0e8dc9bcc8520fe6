namespace SmartStore.Models;

/// <summary>
/// A store that looked closed during its opening hours (营业时间内疑似关门): no customer came in from
/// <see cref="SinceUtc"/> although <see cref="PassersBy"/> people walked past, so many that at the share who came in
/// earlier that day (<see cref="EntryRate"/>; judged at a share of it, since an hour's rate swings around the day's) the
/// chance none would was <see cref="Chance"/>. Raised at <see cref="RaisedUtc"/>; <see cref="ReopenedUtc"/> is the next
/// customer's entry (null: none came before closing time).
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.StoreClosure")]
public sealed record StoreClosure(
    [property: Id(0)] string StoreCode,
    [property: Id(1)] DateTime SinceUtc,
    [property: Id(2)] DateTime RaisedUtc,
    [property: Id(3)] int PassersBy,
    [property: Id(4)] double EntryRate,
    [property: Id(5)] double Chance,
    [property: Id(6)] DateTime? ReopenedUtc = null);
