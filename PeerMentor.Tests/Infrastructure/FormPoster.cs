using System.Text.RegularExpressions;

namespace PeerMentor.Tests.Infrastructure;

/// <summary>Submits the server-rendered forms the way a browser without script does: GET, then POST with the antiforgery token.</summary>
public static partial class FormPoster
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formName, IDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(url),
            ["_handler"] = formName,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>The antiforgery token of the first form on the page, as a script on that page would read it.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var token = AntiforgeryToken().Match(await client.GetStringAsync(url));
        return token.Success ? token.Groups[1].Value : throw new InvalidOperationException($"{url} has no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
