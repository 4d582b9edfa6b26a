using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;

namespace PeerMentor.Domain.Scheduling;

public sealed record WeeklyRange(DayOfWeek Day, int StartMinute, int EndMinute);

public sealed record OverrideInput(DateOnly Date, IReadOnlyList<(int StartMinute, int EndMinute)>? Ranges);

/// <summary>A mentor's own availability: settings, weekly ranges and date overrides.</summary>
public sealed class AvailabilityService(AppDbContext db)
{
    public async Task<MentorAvailability> GetAsync(string mentorId) =>
        await db.Availabilities.AsNoTracking().Include(a => a.Rules).Include(a => a.Overrides).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.MentorId == mentorId)
        ?? MentorAvailability.For(mentorId);

    public async Task<Result> SaveAsync(string mentorId, AvailabilitySettings settings, IReadOnlyList<WeeklyRange> weekly)
    {
        var availability = await LoadForUpdateAsync(mentorId);
        var result = availability.Update(settings);
        var ranges = availability.ReplaceWeekly(weekly.Select(r => (r.Day, r.StartMinute, r.EndMinute)).ToArray());
        foreach (var (field, messages) in ranges.Errors) foreach (var message in messages) result.Add(field, message);
        if (!result.Succeeded) return result;
        await db.SaveChangesAsync();
        return result;
    }

    public async Task<Result> SetOverrideAsync(string mentorId, OverrideInput input)
    {
        var availability = await LoadForUpdateAsync(mentorId);
        var result = availability.SetOverride(input.Date, input.Ranges);
        if (result.Succeeded) await db.SaveChangesAsync();
        return result;
    }

    private async Task<MentorAvailability> LoadForUpdateAsync(string mentorId)
    {
        var availability = await db.Availabilities.Include(a => a.Rules).Include(a => a.Overrides).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.MentorId == mentorId);
        if (availability is null)
        {
            availability = MentorAvailability.For(mentorId);
            db.Availabilities.Add(availability);
        }
        return availability;
    }
}
