namespace PeerMentor.Domain.Data;

/// <summary>The single row that records which schema upgrades a database has had.</summary>
public class SchemaVersion
{
    public int Id { get; set; } = 1;
    public int Version { get; set; }
}
