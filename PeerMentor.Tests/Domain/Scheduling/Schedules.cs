using System.Globalization;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>Schedules and readings of slots that the scheduling tests share.</summary>
internal static class Schedules
{
    /// <summary>One-hour sessions, no buffers, no notice, a year ahead: only availability limits the slots.</summary>
    public static readonly SlotPolicy Hourly = new(60, 0, 0, 0, 365);

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static TimeOnly At(string time) => TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly On(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static MentorSchedule Daily(string zone, string start, string end, SlotPolicy? policy = null) =>
        new(zone, Enum.GetValues<DayOfWeek>().Select(day => new WeeklyRule(day, At(start), At(end))).ToArray(), [], policy ?? Hourly);

    /// <summary>No weekly hours; only the one range on <paramref name="date"/>.</summary>
    public static MentorSchedule OnlyOn(string zone, string date, string start, string end, SlotPolicy? policy = null) =>
        new(zone, [], [new DateOverride(On(date), [new LocalRange(At(start), At(end))])], policy ?? Hourly);

    /// <summary>Each slot's start as a wall clock in <paramref name="zone"/> reads it, such as "2026-03-08 09:00".</summary>
    public static string[] LocalStarts(IEnumerable<Interval> slots, string zone) =>
        slots.Select(s => ZonedTime.ToLocal(s.StartUtc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).ToArray();
}
