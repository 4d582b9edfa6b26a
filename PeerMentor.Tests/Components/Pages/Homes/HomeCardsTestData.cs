namespace PeerMentor.Tests.Components.Pages.Homes;

internal static class HomeCardsTestData
{
    // 09:30 UTC is 15:00 in Kolkata (UTC+05:30).
    public const string Kolkata = "Asia/Kolkata";
    public static readonly DateTime Now = Utc(2026, 3, 10, 9, 30);

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static string[] Hrefs(AngleSharp.Dom.IElement element) =>
        element.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray();
}
