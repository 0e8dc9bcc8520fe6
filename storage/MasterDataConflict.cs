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
        PostgresErrorCodes.ForeignKeyViolation when error.ConstraintName?.EndsWith("_fkey") == true && error.MessageText.Contains("still referenced") =>
            new MasterDataConflict($"{entity} '{code}' is still in use ({error.TableName}); unbind or delete those first.", Refusal.InUse, code),
        PostgresErrorCodes.ForeignKeyViolation => new MasterDataConflict(
            $"{entity} '{code}' refers to something that does not exist: {error.Detail ?? error.MessageText}", Refusal.MissingReference, code),
        PostgresErrorCodes.CheckViolation => new MasterDataConflict($"{entity} '{code}' has a value out of range ({error.ConstraintName}).", Refusal.OutOfRange, code),
        _ => error,
    };
}
