using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Accounts;

namespace Portal.Infrastructure;

public static class Policies
{
    public const string Resident = "Resident";
    public const string Staff = "Staff";
    public const string Admin = "Admin";
    public const string Partner = "Partner";

    public static void Configure(AuthorizationOptions o)
    {
        // Closed by default: a page or endpoint nobody opened explicitly needs a signed-in user.
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(Resident, p => p.RequireRole(Roles.Resident));
        o.AddPolicy(Staff, p => p.RequireRole(Roles.SocialWorker, Roles.Manager));
        o.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(Partner, p => p.RequireRole(Roles.Partner));
    }
}
