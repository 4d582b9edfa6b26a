using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Programs;

namespace PeerMentor.Tests.Infrastructure;

public static class TestPrograms
{
    /// <summary>A program running from today for 60 days with these members; optionally with mentors assigned.</summary>
    public static Task<Guid> CreateProgramAsync(this AppFactory app, string name, bool assign, params TestUser[] members) => app.RunAsync(async s =>
    {
        var programs = s.GetRequiredService<ProgramService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (created, id) = await programs.CreateAsync(new ProgramInput(name, today, today.AddDays(60), 5));
        if (id is null) throw new InvalidOperationException(created.Summary);
        foreach (var member in members)
        {
            var added = await programs.AddMemberAsync(id.Value, member.Id);
            if (!added.Succeeded) throw new InvalidOperationException(added.Summary);
        }
        if (assign) await programs.AssignAsync(id.Value);
        return id.Value;
    });
}
