using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

internal static class SignIn
{
    /// <summary>Signs in through the real form and returns the response to the POST (a redirect on success).</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password) =>
        client.SubmitAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static async Task<HttpClient> SignedInClientAsync(this AppFactory app, TestUser user)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostLoginAsync(user.Email, user.Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {user.Email} failed: {response.StatusCode}");
        return client;
    }
}
