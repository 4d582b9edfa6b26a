using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>
/// How a second session can lie against a booked one (10:00–11:00 UTC on Tuesday 24 November 2026): every way
/// of sharing time, and the two ways of only touching it, which must stay allowed.
/// </summary>
internal static class Overlaps
{
    public static readonly Interval Booked = new(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 24, 11, 0, 0, DateTimeKind.Utc));

    public sealed record Shape(string Name, int StartMinutes, int Minutes)
    {
        public Interval Time => new(Booked.StartUtc.AddMinutes(StartMinutes), Booked.StartUtc.AddMinutes(StartMinutes + Minutes));
        public override string ToString() => Name;
    }

    /// <summary>Shares time with <see cref="Booked"/> without being the same slot.</summary>
    public static readonly Shape[] Partial =
    [
        new("starts inside it", 30, 60),
        new("ends inside it", -30, 60),
        new("contains it", -30, 120),
        new("lies inside it", 15, 30),
    ];

    public static readonly Shape[] Touching = [new("starts as it ends", 60, 60), new("ends as it starts", -60, 60)];

    /// <summary>A mentor of the scenario who takes 30, 60 and 120 minutes at any hour, so that every shape is bookable.</summary>
    public static async Task<string> AnyTimeMentorAsync(SchedulingScenario world)
    {
        var mentor = await world.AddMentorAsync(autoAccept: true);
        await world.App.RunAsync(async s =>
        {
            var saved = await s.GetRequiredService<AvailabilityService>().SaveAsync(mentor,
                new AvailabilitySettings([30, 60, 120], 0, 0, 0, 60, true, null),
                Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRange(d, 0, 1440)).ToArray());
            Assert.True(saved.Succeeded, saved.Summary);
        });
        return mentor;
    }
}
