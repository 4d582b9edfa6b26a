using System.Net;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Programs;

public static class ProgramEmails
{
    public static MailMessage YourMentor(MentoringProgram program, AppUser student, AppUser mentor) => Compose(student,
        $"Your mentor in {program.Name}: {mentor.DisplayName}",
        $"You are in {mentor.DisplayName}'s group in {program.Name}. {mentor.DisplayName} mentors: {mentor.Expertise}. Book your first session under Find a mentor.");

    public static MailMessage NewStudents(MentoringProgram program, AppUser mentor, IEnumerable<AppUser> students) => Compose(mentor,
        $"New students in your {program.Name} group",
        $"These students joined your group in {program.Name}: {string.Join(", ", students.Select(s => s.DisplayName))}.");

    public static MailMessage Announced(MentoringProgram program, AppUser recipient, Announcement announcement) => new(recipient.Email!,
        $"[{program.Name}] {announcement.Title}",
        $"Hi {recipient.DisplayName},\n\n{announcement.Markdown}\n\n— PeerMentor",
        $"<p>Hi {WebUtility.HtmlEncode(recipient.DisplayName)},</p>{announcement.Html}<p>— PeerMentor</p>");

    private static MailMessage Compose(AppUser recipient, string subject, string lead) => new(recipient.Email!, subject,
        $"Hi {recipient.DisplayName},\n\n{lead}\n\n— PeerMentor",
        $"<p>Hi {WebUtility.HtmlEncode(recipient.DisplayName)},</p><p>{WebUtility.HtmlEncode(lead)}</p><p>— PeerMentor</p>");
}
