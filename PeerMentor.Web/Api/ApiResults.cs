using PeerMentor.Domain;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Web.Api;

/// <summary>Turns a domain <see cref="Result"/> into RFC 7807 problem details with the right status.</summary>
public static class ApiResults
{
    public static IResult Problem(Result result)
    {
        if (result.NotFound) return TypedResults.Problem(result.Summary, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        if (result.Forbidden) return TypedResults.Problem(result.Summary, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        if (result.Summary.Contains(SessionService.SlotTaken, StringComparison.Ordinal) || result.Summary.Contains(SessionService.Changed, StringComparison.Ordinal))
            return TypedResults.Problem(result.Summary, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        return TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key == "" ? "request" : e.Key, e => e.Value),
            title: "The request needs changes", detail: result.Summary);
    }

    public static IResult OkOr(Result result, Func<IResult> success) => result.Succeeded ? success() : Problem(result);

    public static IResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");
}
