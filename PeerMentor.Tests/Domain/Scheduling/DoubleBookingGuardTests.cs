using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>
/// The database's own guard (PostgreSQL exclusion constraints, SQLite triggers), written to directly so that no
/// check in the service stands in front of it: any shared time of one person's accepted sessions is refused,
/// when inserted and when a request is accepted; sessions that only touch are not.
/// </summary>
public class DoubleBookingGuardTests
{
    private static Task<bool> RefusedAsync(SchedulingScenario world, Func<AppDbContext, Task> write) => world.App.RunAsync(async s =>
    {
        try
        {
            await write(s.GetRequiredService<AppDbContext>());
            return false;
        }
        catch (DbUpdateException ex) when (SessionService.IsOverlap(ex))
        {
            return true;
        }
    });

    private static Session Accepted(string mentorId, string studentId, Interval time)
    {
        var session = Session.Request(mentorId, studentId, time, "Agenda", "", time.StartUtc.AddDays(-2), time.StartUtc);
        session.Accept(mentorId, null, time.StartUtc.AddDays(-1));
        return session;
    }

    /// <summary>
    /// Books <see cref="Overlaps.Booked"/> for fresh people, then writes a second session that shares the mentor or the
    /// student and lies as <paramref name="shape"/> says, inserted as accepted or accepted from a request; true when refused.
    /// </summary>
    private static async Task<bool> SecondRefusedAsync(SchedulingScenario world, bool sameMentor, Overlaps.Shape shape, bool byAccepting)
    {
        var mentors = new[] { await world.AddMentorAsync(), await world.AddMentorAsync() };
        var students = await world.AddStudentsAsync(2);
        var (mentor, student) = sameMentor ? (mentors[0], students[1]) : (mentors[1], students[0]);
        await world.App.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Sessions.Add(Accepted(mentors[0], students[0], Overlaps.Booked));
            return await db.SaveChangesAsync();
        });
        if (!byAccepting)
        {
            return await RefusedAsync(world, db =>
            {
                db.Sessions.Add(Accepted(mentor, student, shape.Time));
                return db.SaveChangesAsync();
            });
        }

        var request = Session.Request(mentor, student, shape.Time, "Agenda", "", shape.Time.StartUtc.AddDays(-2), shape.Time.StartUtc);
        await world.App.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Sessions.Add(request);
            return await db.SaveChangesAsync();
        });
        return await RefusedAsync(world, async db =>
        {
            var tracked = await db.Sessions.SingleAsync(x => x.Id == request.Id);
            tracked.Accept(mentor, null, shape.Time.StartUtc.AddDays(-1));
            await db.SaveChangesAsync();
        });
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite, true)]
    [InlineData(DatabaseKind.Sqlite, false)]
    [InlineData(DatabaseKind.Postgres, true)]
    [InlineData(DatabaseKind.Postgres, false)]
    public async Task A_second_accepted_session_sharing_any_time_with_one_persons_booking_is_refused(DatabaseKind kind, bool sameMentor)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);

        foreach (var shape in Overlaps.Partial.Append(new Overlaps.Shape("is the same slot", 0, 60)))
        {
            Assert.True(await SecondRefusedAsync(world, sameMentor, shape, byAccepting: false), $"A booking that {shape.Name} was let through.");
            Assert.True(await SecondRefusedAsync(world, sameMentor, shape, byAccepting: true), $"Accepting a request that {shape.Name} was let through.");
        }
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite, true)]
    [InlineData(DatabaseKind.Sqlite, false)]
    [InlineData(DatabaseKind.Postgres, true)]
    [InlineData(DatabaseKind.Postgres, false)]
    public async Task A_second_accepted_session_that_only_touches_one_persons_booking_is_allowed(DatabaseKind kind, bool sameMentor)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);

        foreach (var shape in Overlaps.Touching)
        {
            Assert.False(await SecondRefusedAsync(world, sameMentor, shape, byAccepting: false), $"A booking that {shape.Name} was refused.");
            Assert.False(await SecondRefusedAsync(world, sameMentor, shape, byAccepting: true), $"Accepting a request that {shape.Name} was refused.");
        }
    }
}
