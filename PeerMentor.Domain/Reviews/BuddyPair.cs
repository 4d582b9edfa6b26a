namespace PeerMentor.Domain.Reviews;

/// <summary>Two students of a program paired as buddies for one week, and why.</summary>
public class BuddyPair
{
    public long Id { get; private set; }
    public Guid ProgramId { get; private set; }
    public DateOnly Week { get; private set; }
    public string StudentA { get; private set; } = "";
    public string StudentB { get; private set; } = "";
    public string Reason { get; private set; } = "";

    public BuddyPair(Guid programId, DateOnly week, string studentA, string studentB, string reason) =>
        (ProgramId, Week, StudentA, StudentB, Reason) = (programId, week, studentA, studentB, reason);
}
