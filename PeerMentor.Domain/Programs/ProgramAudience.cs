using PeerMentor.Domain.Data;

namespace PeerMentor.Domain.Programs;

/// <summary>Something of a program meant for the whole program (no group mentor) or for one mentor's group.</summary>
public interface IForProgramAudience
{
    Guid ProgramId { get; }
    string? GroupMentorId { get; }
}

public static class ProgramAudience
{
    /// <summary>
    /// What a person may see: for the programs they are in, everything for the whole program, and what is for
    /// their own group (as its mentor or as one of its students).
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(IQueryable<T> items, AppDbContext db, string userId) where T : class, IForProgramAudience =>
        from item in items
        join m in db.ProgramMembers on item.ProgramId equals m.ProgramId
        where m.UserId == userId && m.LeftUtc == null
            && (item.GroupMentorId == null || item.GroupMentorId == userId || item.GroupMentorId == m.MentorId)
        select item;

    /// <summary>The students something is for, in memory: the whole program's, or one mentor's group.</summary>
    public static List<string> Students(MentoringProgram program, IForProgramAudience item) =>
        program.Active.Where(m => m.Role == Accounts.Roles.Student && (item.GroupMentorId is null || m.MentorId == item.GroupMentorId))
            .Select(m => m.UserId).ToList();
}
