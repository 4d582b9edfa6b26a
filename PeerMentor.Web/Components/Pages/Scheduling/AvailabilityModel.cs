using System.Globalization;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Web.Components.Pages.Scheduling;

/// <summary>The availability form's editable state; converted to the domain's inputs on save.</summary>
public sealed class AvailabilityModel
{
    public HashSet<int> Lengths { get; } = [];
    public int BufferBefore { get; set; }
    public int BufferAfter { get; set; }
    public int NoticeHours { get; set; }
    public int HorizonDays { get; set; }
    public bool AutoAccept { get; set; }
    public string? MeetingUrl { get; set; }
    public List<RangeRow> Weekly { get; } = [];
    public List<AvailabilityOverride> Overrides { get; } = [];

    /// <summary>What is wrong with one weekly range as typed, shown next to it before anything is saved; null when fine.</summary>
    public string? ProblemOf(RangeRow row)
    {
        var (start, end) = (Minutes(row.Start), Minutes(row.End, endOfDay: true));
        if (start < 0 || end < 0) return "Enter both times.";
        if (end <= start) return "Ends before it starts.";
        var overlaps = Weekly.Any(other => other != row && other.Day == row.Day
            && Minutes(other.Start) is var s && Minutes(other.End, endOfDay: true) is var e && s >= 0 && e > s && s < end && start < e);
        return overlaps ? "Overlaps another range that day; join them into one." : null;
    }

    public bool HasProblems => Weekly.Any(r => ProblemOf(r) is not null);

    public static AvailabilityModel From(MentorAvailability availability)
    {
        var model = new AvailabilityModel
        {
            BufferBefore = availability.BufferBeforeMinutes,
            BufferAfter = availability.BufferAfterMinutes,
            NoticeHours = availability.MinimumNoticeMinutes / 60,
            HorizonDays = availability.BookingHorizonDays,
            AutoAccept = availability.AutoAccept,
            MeetingUrl = availability.MeetingUrl,
        };
        model.Lengths.UnionWith(availability.Lengths);
        model.Weekly.AddRange(availability.Rules.OrderBy(r => r.Day).ThenBy(r => r.StartMinute)
            .Select(r => new RangeRow { Day = r.Day, Start = Time(r.StartMinute), End = Time(r.EndMinute) }));
        model.Overrides.AddRange(availability.Overrides.OrderBy(o => o.Date).ThenBy(o => o.StartMinute));
        return model;
    }

    public AvailabilitySettings ToSettings() =>
        new([.. Lengths.Order()], BufferBefore, BufferAfter, NoticeHours * 60, HorizonDays, AutoAccept, MeetingUrl);

    public IReadOnlyList<WeeklyRange> ToWeekly() =>
        Weekly.Select(r => new WeeklyRange(r.Day, Minutes(r.Start), Minutes(r.End, endOfDay: true))).ToArray();

    /// <summary>A time input cannot show 24:00, so midnight at the end of a day is shown (and read back) as 00:00.</summary>
    public static TimeOnly Time(int minutes) => minutes >= 1440 ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes));

    /// <summary>The value of a native time input ("HH:mm"; empty when unset).</summary>
    public static string Text(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static TimeOnly? Parse(string? text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static string Clock(int minutes) => minutes >= 1440 ? "24:00" : TimeSpan.FromMinutes(minutes).ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>Minutes after midnight; 00:00 as an end means midnight at the end of the day. An emptied input counts as invalid.</summary>
    public static int Minutes(TimeOnly? time, bool endOfDay = false) => time switch
    {
        null => -1,
        { Hour: 0, Minute: 0 } when endOfDay => 1440,
        var t => t.Value.Hour * 60 + t.Value.Minute,
    };
}

public sealed class RangeRow
{
    public DayOfWeek Day { get; set; }
    public TimeOnly? Start { get; set; } = new(9, 0);
    public TimeOnly? End { get; set; } = new(17, 0);
}
