using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>Cal.com issue 13397 in reverse: many people at once, one slot, exactly one booking.</summary>
public class DoubleBookingRaceTests
{
    private const int Attempts = 50;
    private static readonly DateTime TenBerlin = SchedulingScenario.Monday0900Berlin.AddHours(1);

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Fifty_students_booking_one_slot_at_once_get_exactly_one_booking(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind, autoAccept: true);
        var students = await world.AddStudentsAsync(Attempts);

        var results = await Task.WhenAll(students.Select(student => Task.Run(() => world.RequestAsync(student, TenBerlin))));

        Assert.Single(results, r => r.Result.Succeeded);
        Assert.All(results.Where(r => !r.Result.Succeeded), r => Assert.Equal(SessionService.SlotTaken, r.Result.Summary));
        Assert.Equal(0, await world.OverlapCountAsync());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Fifty_overlapping_requests_accepted_at_once_give_exactly_one_booking(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);
        var students = await world.AddStudentsAsync(Attempts);
        var ids = new List<Guid>();
        // Starts staggered by a minute inside one hour: every pair overlaps, no two are the same request.
        for (var i = 0; i < Attempts; i++)
            ids.Add((await world.RunAsync(s => s.RequestAsync(students[i],
                new SessionRequestInput(world.MentorId, TenBerlin.AddMinutes(i % 2 == 0 ? 0 : 60), 60, "Agenda", "")))).SessionId!.Value);

        var overlapping = ids.Where((_, i) => i % 2 == 0).ToList();
        var results = await Task.WhenAll(overlapping.Select(id => Task.Run(() => world.RunAsync(s => s.AcceptAsync(world.MentorId, id)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(0, await world.OverlapCountAsync());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task One_student_booking_two_mentors_for_overlapping_times_at_once_gets_one_booking(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind, autoAccept: true);
        var newYork = await world.AddMentorAsync(autoAccept: true);
        var student = (await world.AddStudentsAsync(1))[0];
        // 15:00 Berlin = 09:00 New York: inside both mentors' hours.
        var fifteenBerlin = new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc);

        var attempts = Enumerable.Range(0, Attempts).Select(i => Task.Run(() =>
            world.RequestAsync(student, fifteenBerlin, i % 2 == 0 ? world.MentorId : newYork)));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Result.Succeeded && r.SessionId is not null
            && world.LoadAsync(r.SessionId.Value).Result.Status == SessionStatus.Accepted);
        Assert.Equal(0, await world.OverlapCountAsync());
    }
    /// <summary>
    /// Half the attempts book <see cref="Overlaps.Booked"/>, half the shape, all at once: through the service, whose own
    /// check cannot see bookings that are not committed yet, so only the database's guard keeps them apart.
    /// </summary>
    private static async Task<int> RaceAsync(SchedulingScenario world, Overlaps.Shape shape, bool oneStudent, int attempts = 30)
    {
        var mentors = new[] { await Overlaps.AnyTimeMentorAsync(world), await Overlaps.AnyTimeMentorAsync(world) };
        var students = await world.AddStudentsAsync(oneStudent ? 1 : attempts);
        var results = await Task.WhenAll(Enumerable.Range(0, attempts).Select(i => Task.Run(() =>
        {
            var (first, time) = (i % 2 == 0, i % 2 == 0 ? Overlaps.Booked : shape.Time);
            var mentor = oneStudent && !first ? mentors[1] : mentors[0];
            return world.RequestAsync(students[oneStudent ? 0 : i], time.StartUtc, mentor, (int)time.Length.TotalMinutes);
        })));
        Assert.All(results.Where(r => !r.Result.Succeeded), r => Assert.Equal(SessionService.SlotTaken, r.Result.Summary));
        return results.Count(r => r.Result.Succeeded);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Students_booking_partly_overlapping_times_with_one_mentor_at_once_get_exactly_one_booking(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);

        foreach (var shape in Overlaps.Partial)
            Assert.True(await RaceAsync(world, shape, oneStudent: false) == 1, $"More than one booking when one {shape.Name}.");
        Assert.Equal(0, await world.OverlapCountAsync());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task One_student_booking_partly_overlapping_times_with_two_mentors_at_once_gets_exactly_one_booking(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);

        foreach (var shape in Overlaps.Partial)
            Assert.True(await RaceAsync(world, shape, oneStudent: true) == 1, $"More than one booking when one {shape.Name}.");
        Assert.Equal(0, await world.OverlapCountAsync());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Back_to_back_bookings_made_at_once_both_stand_for_the_mentor_and_for_the_student(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);

        foreach (var shape in Overlaps.Touching)
        {
            Assert.Equal(2, await RaceAsync(world, shape, oneStudent: false));
            Assert.Equal(2, await RaceAsync(world, shape, oneStudent: true));
        }
    }
}
