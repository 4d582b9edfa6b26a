using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using PeerMentor.Domain.Accounts;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Security;

namespace PeerMentor.Web.Api;

/// <summary>What every /api/v1 feature shares: the route group that demands the cookie or a bearer token (and the antiforgery token for cookie calls that change something), and role checks.</summary>
public static class ApiRoutes
{
    public static RouteGroupBuilder MapApiGroup(this WebApplication app, string tag) =>
        app.MapGroup("/api/v1").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AuthSetup.ApiSchemes }).WithTags(tag)
            .AddEndpointFilter(ApiAntiforgery.RequireForCookieCallsAsync);

    /// <summary>Only callers in one of these roles (comma separated); anyone else signed in gets 403.</summary>
    public static TBuilder ForRoles<TBuilder>(this TBuilder builder, string roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = roles, AuthenticationSchemes = AuthSetup.ApiSchemes });

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
