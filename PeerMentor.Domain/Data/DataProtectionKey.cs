namespace PeerMentor.Domain.Data;

/// <summary>
/// One key of ASP.NET Core's data-protection key ring, as the XML it writes. Kept in the database so every
/// app instance on it signs and reads the same cookies and tokens.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; private set; }
    public string FriendlyName { get; private set; } = "";
    public string Xml { get; private set; } = "";

    public DataProtectionKey(string friendlyName, string xml) => (FriendlyName, Xml) = (friendlyName, xml);
}
