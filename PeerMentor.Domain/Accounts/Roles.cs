namespace PeerMentor.Domain.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Mentor = "Mentor";
    public const string Student = "Student";

    public static readonly IReadOnlyList<string> All = [Admin, Mentor, Student];

    /// <summary>Roles a person may ask for when registering; admins are only ever made by an admin.</summary>
    public static readonly IReadOnlyList<string> Registerable = [Student, Mentor];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
