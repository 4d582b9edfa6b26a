using Microsoft.AspNetCore.Components;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Web.Auth;

public static class Links
{
    /// <summary>Links in mail point at App:PublicUrl when set (behind a proxy), else at the address the person used.</summary>
    public static AccountLinks ForAccounts(IConfiguration configuration, NavigationManager navigation)
    {
        var configured = configuration["App:PublicUrl"];
        return new AccountLinks(new Uri(string.IsNullOrWhiteSpace(configured) ? navigation.BaseUri : configured.TrimEnd('/') + "/"));
    }
}
