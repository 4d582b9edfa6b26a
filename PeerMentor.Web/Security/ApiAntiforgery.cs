using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace PeerMentor.Web.Security;

/// <summary>
/// The API accepts the pages' sign-in cookie, which a browser also sends with another site's form post. So a call
/// that changes something and is authenticated by the cookie must carry the antiforgery token (header
/// <c>RequestVerificationToken</c>); a bearer token cannot be sent by another site, so bearer calls and reads pass.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static async ValueTask<object?> RequireForCookieCallsAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (IsSafe(http.Request.Method) || http.User.Identity?.IsAuthenticated != true
            || (await http.AuthenticateAsync(IdentityConstants.BearerScheme)).Succeeded)
            return await next(invocation);
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(
                $"Calls that change something and sign in with the cookie need the antiforgery token in the {HeaderName} header. Or use a bearer token from /api/v1/auth/token.",
                statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token");
        }
        return await next(invocation);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
