using System.Globalization;

namespace PeerMentor.Domain.Scheduling;

/// <summary>How an instant reads for one person: their wall clock, with the offset so nobody has to guess.</summary>
public static class LocalTimes
{
    public static DateTime ToLocal(DateTime utc, string timeZoneId) => ZonedTime.ToLocal(utc, timeZoneId);

    public static string Offset(DateTime utc, string timeZoneId)
    {
        var offset = ZonedTime.Find(timeZoneId).GetUtcOffset(utc);
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset:hh\\:mm}";
    }

    /// <summary>"Mon 23 Nov 2026, 14:00–15:00 (UTC+01:00)".</summary>
    public static string Describe(DateTime startUtc, DateTime endUtc, string timeZoneId)
    {
        var start = ToLocal(startUtc, timeZoneId);
        var end = ToLocal(endUtc, timeZoneId);
        var endText = end.Date == start.Date ? end.ToString("HH:mm", CultureInfo.InvariantCulture) : end.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
        return $"{start.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)}–{endText} ({Offset(startUtc, timeZoneId)})";
    }
}
