using System.Text.RegularExpressions;

namespace PeerMentor.Tests.Infrastructure;

/// <summary>Submits the server-rendered forms the way a browser without script does: GET, then POST with the antiforgery token.</summary>
public static partial class FormPoster
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"{url} has no antiforgery token.");
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = token.Groups[1].Value,
            ["_handler"] = formName,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
