using Npgsql;

namespace SmartStore.Storage;

/// <summary>
/// A change that master data refuses, with a message for the user. <see cref="IsConflict"/> separates
/// a clash with what exists (duplicate code, still in use: HTTP 409) from a bad reference or value (400);
/// <see cref="Reason"/> and <see cref="Code"/> let a page say it in the reader's language.
/// </summary>
public sealed class MasterDataConflict(string message, MasterDataConflict.Refusal reason, string code) : Exception(message)
{
    public enum Refusal { Duplicate, InUse, MissingReference, OutOfRange, LastAdmin }

    public Refusal Reason { get; } = reason;

    /// <summary>The code of the record refused.</summary>
    public string Code { get; } = code;

    public bool IsConflict => Reason is Refusal.Duplicate or Refusal.InUse or Refusal.LastAdmin;

    /// <summary>Turns the database's constraint errors into messages a back-office user can act on.</summary>
    public static Exception From(PostgresException error, string entity, string code) => error.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => new MasterDataConflict($"{entity} code '{code}' already exists.", Refusal.Duplicate, code),
        PostgresErrorCodes.ForeignKeyViolation when IsStillReferenced(error) => InUse(error, entity, code),
        // The constraint names the reference (the detail is withheld unless the connection asks for it).
        PostgresErrorCodes.ForeignKeyViolation => new MasterDataConflict(
            $"{entity} '{code}' refers to something that does not exist ({error.ConstraintName}).", Refusal.MissingReference, code),
        PostgresErrorCodes.CheckViolation => new MasterDataConflict($"{entity} '{code}' has a value out of range ({error.ConstraintName}).", Refusal.OutOfRange, code),
        _ => error,
    };

    /// <summary>
    /// A record others still refer to (<see cref="PostgresException.TableName"/> is the referring table): what can be unbound
    /// or deleted first, or history, which is kept — no advice to delete what nobody can.
    /// </summary>
    public static MasterDataConflict InUse(PostgresException error, string entity, string code) => History.Contains(error.TableName ?? "")
        ? new($"{entity} '{code}' has history on record ({error.TableName}), which is kept: it cannot be deleted.", Refusal.InUse, code)
        : new($"{entity} '{code}' is still in use ({error.TableName}); unbind or delete those first.", Refusal.InUse, code);

    // Counted traffic, shelf days and the day's visitors: kept, never deleted with a record.
    private static readonly HashSet<string> History = ["traffic_hourly", "shelf_daily", "store_visitors"];

    // PostgreSQL's own words for a delete or update blocked by a reference; its detail says so too, where the connection
    // includes it (Npgsql withholds the detail by default, which once sent every such refusal to "does not exist").
    private static bool IsStillReferenced(PostgresException error) =>
        error.MessageText.StartsWith("update or delete on table", StringComparison.Ordinal) || error.Detail?.Contains("still referenced") == true;
}
