namespace PeerMentor.Domain.Scheduling;

/// <summary>A weekly range in the mentor's own zone, as minutes after local midnight (end up to 1440 = 24:00).</summary>
public class AvailabilityRule
{
    public long Id { get; private set; }
    public string MentorId { get; private set; } = "";
    public DayOfWeek Day { get; private set; }
    public int StartMinute { get; private set; }
    public int EndMinute { get; private set; }

    public AvailabilityRule(DayOfWeek day, int startMinute, int endMinute) => (Day, StartMinute, EndMinute) = (day, startMinute, endMinute);

    public LocalRange ToRange() => MentorAvailability.Range(StartMinute, EndMinute);
}

/// <summary>One local date that differs from the weekly rules: a day off (no minutes) or its own ranges.</summary>
public class AvailabilityOverride
{
    public long Id { get; private set; }
    public string MentorId { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public int? StartMinute { get; private set; }
    public int? EndMinute { get; private set; }

    public AvailabilityOverride(DateOnly date, int? startMinute, int? endMinute) => (Date, StartMinute, EndMinute) = (date, startMinute, endMinute);

    public bool IsDayOff => StartMinute is null;
}

public sealed record AvailabilitySettings(
    IReadOnlyList<int> SessionLengths, int BufferBeforeMinutes, int BufferAfterMinutes,
    int MinimumNoticeMinutes, int BookingHorizonDays, bool AutoAccept, string? MeetingUrl);

/// <summary>When and how a mentor can be booked. Times are local to the mentor's IANA zone.</summary>
public class MentorAvailability
{
    public static readonly IReadOnlyList<int> AllowedLengths = [15, 30, 45, 60, 90, 120];

    public string MentorId { get; private set; } = "";
    public string SessionLengths { get; private set; } = "60";
    public int BufferBeforeMinutes { get; private set; }
    public int BufferAfterMinutes { get; private set; }
    public int MinimumNoticeMinutes { get; private set; } = 12 * 60;
    public int BookingHorizonDays { get; private set; } = 30;
    public bool AutoAccept { get; private set; }
    public string? MeetingUrl { get; private set; }
    public DateTime? SlotsPublishedUtc { get; private set; }
    public List<AvailabilityRule> Rules { get; private set; } = [];
    public List<AvailabilityOverride> Overrides { get; private set; } = [];

    private MentorAvailability() { }

    public static MentorAvailability For(string mentorId) => new() { MentorId = mentorId };

    public IReadOnlyList<int> Lengths => SessionLengths.Split(',').Select(int.Parse).ToArray();

    public AvailabilitySettings Settings => new(Lengths, BufferBeforeMinutes, BufferAfterMinutes, MinimumNoticeMinutes, BookingHorizonDays, AutoAccept, MeetingUrl);

    public MentorSchedule ToSchedule(string timeZoneId, int sessionMinutes) => new(
        timeZoneId,
        Rules.Select(r => new WeeklyRule(r.Day, r.ToRange().Start, r.ToRange().End)).ToArray(),
        Overrides.GroupBy(o => o.Date)
            .Select(g => new DateOverride(g.Key, g.Where(o => !o.IsDayOff).Select(o => Range(o.StartMinute!.Value, o.EndMinute!.Value)).ToArray()))
            .ToArray(),
        new SlotPolicy(sessionMinutes, BufferBeforeMinutes, BufferAfterMinutes, MinimumNoticeMinutes, BookingHorizonDays));

    public Result Update(AvailabilitySettings settings)
    {
        var result = Result.Ok();
        if (settings.SessionLengths.Count == 0 || settings.SessionLengths.Any(l => !AllowedLengths.Contains(l)))
            result.Add(nameof(settings.SessionLengths), $"Offer one or more of {string.Join(", ", AllowedLengths)} minutes.");
        if (settings.BufferBeforeMinutes is < 0 or > 120) result.Add(nameof(settings.BufferBeforeMinutes), "Use 0 to 120 minutes.");
        if (settings.BufferAfterMinutes is < 0 or > 120) result.Add(nameof(settings.BufferAfterMinutes), "Use 0 to 120 minutes.");
        if (settings.MinimumNoticeMinutes is < 0 or > 14 * 24 * 60) result.Add(nameof(settings.MinimumNoticeMinutes), "Use between 0 minutes and 14 days.");
        if (settings.BookingHorizonDays is < 1 or > 365) result.Add(nameof(settings.BookingHorizonDays), "Use 1 to 365 days.");
        if (settings.MeetingUrl is { Length: > 0 } url && !IsHttpUrl(url))
            result.Add(nameof(settings.MeetingUrl), "Enter a full https:// link, or leave it empty.");
        if (!result.Succeeded) return result;

        SessionLengths = string.Join(',', settings.SessionLengths.Distinct().Order());
        (BufferBeforeMinutes, BufferAfterMinutes) = (settings.BufferBeforeMinutes, settings.BufferAfterMinutes);
        (MinimumNoticeMinutes, BookingHorizonDays) = (settings.MinimumNoticeMinutes, settings.BookingHorizonDays);
        AutoAccept = settings.AutoAccept;
        MeetingUrl = string.IsNullOrWhiteSpace(settings.MeetingUrl) ? null : settings.MeetingUrl.Trim();
        return result;
    }

    /// <summary>Replaces the weekly ranges; ranges of one day may not overlap.</summary>
    public Result ReplaceWeekly(IReadOnlyList<(DayOfWeek Day, int StartMinute, int EndMinute)> ranges)
    {
        var result = CheckRanges(ranges.Select(r => (r.Day.ToString(), r.StartMinute, r.EndMinute)));
        if (!result.Succeeded) return result;
        Rules.Clear();
        Rules.AddRange(ranges.Select(r => new AvailabilityRule(r.Day, r.StartMinute, r.EndMinute)));
        return result;
    }

    /// <summary>Sets one date's override: null ranges remove it, an empty list makes it a day off.</summary>
    public Result SetOverride(DateOnly date, IReadOnlyList<(int StartMinute, int EndMinute)>? ranges)
    {
        var result = CheckRanges((ranges ?? []).Select(r => (date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.StartMinute, r.EndMinute)));
        if (!result.Succeeded) return result;
        Overrides.RemoveAll(o => o.Date == date);
        if (ranges is null) return result;
        if (ranges.Count == 0) Overrides.Add(new AvailabilityOverride(date, null, null));
        else Overrides.AddRange(ranges.Select(r => new AvailabilityOverride(date, r.StartMinute, r.EndMinute)));
        return result;
    }

    public void MarkPublished(DateTime nowUtc) => SlotsPublishedUtc = nowUtc;

    internal static LocalRange Range(int startMinute, int endMinute) => new(
        TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(startMinute)),
        endMinute >= 1440 ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(endMinute)));

    private static Result CheckRanges(IEnumerable<(string Day, int StartMinute, int EndMinute)> ranges)
    {
        var result = Result.Ok();
        foreach (var day in ranges.GroupBy(r => r.Day))
        {
            var sorted = day.OrderBy(r => r.StartMinute).ToList();
            foreach (var (_, start, end) in sorted)
            {
                if (start < 0 || end > 1440 || start >= end)
                    result.Add("Ranges", $"{day.Key}: a range must start before it ends, within the day.");
            }
            for (var i = 1; i < sorted.Count; i++)
            {
                if (sorted[i].StartMinute < sorted[i - 1].EndMinute)
                    result.Add("Ranges", $"{day.Key}: two ranges overlap; join them into one.");
            }
        }
        return result;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
