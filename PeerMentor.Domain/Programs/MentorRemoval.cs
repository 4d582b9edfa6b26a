using PeerMentor.Domain.Matching;

namespace PeerMentor.Domain.Programs;

/// <summary>
/// What removing a mentor will do, shown to the admin before they confirm: where each of the mentor's students goes
/// (a mentor's name, or none when no other mentor has room), and who is emailed.
/// </summary>
public sealed record MentorRemoval(string MentorId, string MentorName, IReadOnlyList<MentorRemoval.Move> Moves)
{
    public sealed record Move(string StudentId, string StudentName, string? ToMentorId, string? ToMentorName);

    public int Waiting => Moves.Count(m => m.ToMentorId is null);

    /// <summary>The question the admin answers, in a sentence or two.</summary>
    public string Question => Moves.Count switch
    {
        0 => $"Remove {MentorName} from this program? They have no students, so nobody moves and nobody is emailed.",
        1 => $"Remove {MentorName} from this program? Their student will move to another mentor and be emailed.{WaitingNote}",
        _ => $"Remove {MentorName} from this program? Their {Moves.Count} students will be spread over the other mentors and emailed.{WaitingNote}",
    };

    private string WaitingNote => Waiting switch
    {
        0 => "",
        1 => $" {Moves.Single(m => m.ToMentorId is null).StudentName} will wait without a mentor: no other mentor can take them.",
        _ => $" {Waiting} of them will wait without a mentor: no other mentor can take them.",
    };

    public static MentorRemoval Describe(string mentorId, AssignmentResult plan, Func<string, string> name) => new(mentorId, name(mentorId),
        plan.Placements.Select(p => new Move(p.StudentId, name(p.StudentId), p.MentorId, name(p.MentorId)))
            .Concat(plan.Unplaced.Select(u => new Move(u.StudentId, name(u.StudentId), null, null)))
            .OrderBy(m => m.StudentName, StringComparer.Ordinal).ToList());
}
