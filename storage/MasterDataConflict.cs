using Npgsql;

namespace SmartStore.Storage;

/// <summary>
/// A change that master data refuses, with a message for the user. <see cref="IsConflict"/> separates
/// a clash with what exists (duplicate code, still in use: HTTP 409) from a bad reference or value (400).
/// </summary>
public sealed class MasterDataConflict(string message, bool isConflict = true) : Exception(message)
{
    public bool IsConflict { get; } = isConflict;

    /// <summary>Turns the database's constraint errors into messages a back-office user can act on.</summary>
    public static Exception From(PostgresException error, string entity, string code) => error.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => new MasterDataConflict($"{entity} code '{code}' already exists."),
        PostgresErrorCodes.ForeignKeyViolation when error.ConstraintName?.EndsWith("_fkey") == true && error.MessageText.Contains("still referenced") =>
            new MasterDataConflict($"{entity} '{code}' is still in use ({error.TableName}); unbind or delete those first."),
        PostgresErrorCodes.ForeignKeyViolation => new MasterDataConflict($"{entity} '{code}' refers to something that does not exist: {error.Detail ?? error.MessageText}", isConflict: false),
        PostgresErrorCodes.CheckViolation => new MasterDataConflict($"{entity} '{code}' has a value out of range ({error.ConstraintName}).", isConflict: false),
        _ => error,
    };
}
