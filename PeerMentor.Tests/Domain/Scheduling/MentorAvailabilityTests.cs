using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Tests.Domain.Scheduling;

public class MentorAvailabilityTests
{
    private static readonly AvailabilitySettings Valid = new([30, 60], 5, 10, 720, 30, false, "https://meet.example/room");

    [Fact]
    public void Overlapping_ranges_on_one_day_are_refused_and_the_old_ranges_stay()
    {
        var availability = MentorAvailability.For("mentor");
        availability.ReplaceWeekly([(DayOfWeek.Monday, 540, 720)]);

        var result = availability.ReplaceWeekly([(DayOfWeek.Monday, 540, 720), (DayOfWeek.Monday, 700, 800)]);

        Assert.Contains("overlap", result.Summary);
        Assert.Single(availability.Rules);
    }

    [Theory]
    [InlineData(600, 540)]
    [InlineData(-10, 60)]
    [InlineData(1000, 1500)]
    public void A_range_that_ends_before_it_starts_or_leaves_the_day_is_refused(int start, int end) =>
        Assert.False(MentorAvailability.For("m").ReplaceWeekly([(DayOfWeek.Friday, start, end)]).Succeeded);

    [Fact]
    public void A_range_may_run_until_midnight()
    {
        var availability = MentorAvailability.For("m");

        Assert.True(availability.ReplaceWeekly([(DayOfWeek.Sunday, 1200, 1440)]).Succeeded);
        Assert.Equal(TimeOnly.MinValue, availability.ToSchedule("UTC", 60).Weekly[0].End);
    }

    [Theory]
    [InlineData("SessionLengths")]
    [InlineData("MeetingUrl")]
    [InlineData("BookingHorizonDays")]
    public void Settings_out_of_range_are_refused_on_their_field(string field)
    {
        var settings = field switch
        {
            "SessionLengths" => Valid with { SessionLengths = [25] },
            "MeetingUrl" => Valid with { MeetingUrl = "javascript:alert(1)" },
            _ => Valid with { BookingHorizonDays = 0 },
        };

        Assert.NotEmpty(MentorAvailability.For("m").Update(settings).For(field));
    }

    [Fact]
    public void A_day_off_override_and_an_extra_hours_override_reach_the_schedule()
    {
        var availability = MentorAvailability.For("m");
        availability.SetOverride(new DateOnly(2026, 12, 24), []);
        availability.SetOverride(new DateOnly(2026, 12, 27), [(600, 720)]);

        var overrides = availability.ToSchedule("Europe/Berlin", 60).Overrides.OrderBy(o => o.Date).ToList();

        Assert.Empty(overrides[0].Ranges);
        Assert.Equal(new LocalRange(new TimeOnly(10, 0), new TimeOnly(12, 0)), Assert.Single(overrides[1].Ranges));
    }
}
