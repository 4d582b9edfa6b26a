namespace PeerMentor.Domain.Accounts;

public static class TimeZones
{
    /// <summary>IANA ids this machine knows, for pickers.</summary>
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId)
        .Select(z => z.Id)
        .Append("UTC")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>True for an IANA id such as "Europe/Berlin"; Windows ids are refused so stored data stays portable.</summary>
    public static bool IsValidIana(string? id) =>
        !string.IsNullOrWhiteSpace(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;
}
