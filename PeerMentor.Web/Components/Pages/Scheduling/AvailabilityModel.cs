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
            .Select(r => new RangeRow { Day = r.Day, Start = Clock(r.StartMinute), End = Clock(r.EndMinute) }));
        model.Overrides.AddRange(availability.Overrides.OrderBy(o => o.Date).ThenBy(o => o.StartMinute));
        return model;
    }

    public AvailabilitySettings ToSettings() =>
        new([.. Lengths.Order()], BufferBefore, BufferAfter, NoticeHours * 60, HorizonDays, AutoAccept, MeetingUrl);

    public IReadOnlyList<WeeklyRange> ToWeekly() =>
        Weekly.Select(r => new WeeklyRange(r.Day, Minutes(r.Start), Minutes(r.End, endOfDay: true))).ToArray();

    public static string Clock(int minutes) => minutes >= 1440 ? "24:00" : TimeSpan.FromMinutes(minutes).ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>"HH:mm" from a time input; "00:00" as an end means midnight at the end of the day.</summary>
    public static int Minutes(string? clock, bool endOfDay = false)
    {
        if (clock == "24:00" || (endOfDay && clock == "00:00")) return 1440;
        return TimeOnly.TryParseExact(clock, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.Hour * 60 + time.Minute
            : -1;
    }
}

public sealed class RangeRow
{
    public DayOfWeek Day { get; set; }
    public string Start { get; set; } = "09:00";
    public string End { get; set; } = "17:00";
}
