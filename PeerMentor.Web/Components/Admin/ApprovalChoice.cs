namespace PeerMentor.Web.Components.Admin;

/// <summary>How an admin approves a registration: the role, the program to place the person in (if any) and a mentor's group size.</summary>
public sealed record ApprovalChoice(string Role, Guid? ProgramId, int MentorCapacity);
