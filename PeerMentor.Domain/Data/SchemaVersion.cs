namespace PeerMentor.Domain.Data;

/// <summary>
/// The single row that records which hand-written upgrades a database made before migrations has had (see
/// <see cref="DatabaseSchema"/>); a database made by migrations keeps the table, empty, as part of the version-7 schema.
/// </summary>
public class SchemaVersion
{
    public int Id { get; set; } = 1;
    public int Version { get; set; }
}
