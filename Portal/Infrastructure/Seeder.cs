using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;

namespace Portal.Infrastructure;

public static class Seeder
{
    public const string DemoPassword = "Passerelle-Demo-2026!";

    public static readonly (string Email, string Name, string Role, string? Team)[] DemoAccounts =
    [
        ("admin@demo.passerelle.fr", "Alice Admin", Roles.Admin, null),
        ("responsable@demo.passerelle.fr", "Romain Responsable", Roles.Manager, null),
        ("travailleur1@demo.passerelle.fr", "Claire Martin", Roles.SocialWorker, "Nord"),
        ("travailleur2@demo.passerelle.fr", "Karim Benali", Roles.SocialWorker, "Sud"),
        ("resident1@demo.passerelle.fr", "Sophie Durand", Roles.Resident, null),
        ("resident2@demo.passerelle.fr", "Mamadou Diallo", Roles.Resident, null),
    ];

    /// Roles exist everywhere; a first admin comes from configuration (Admin:Email, Admin:Password);
    /// demo teams and accounts only in Development.
    public static async Task SeedAsync(IServiceProvider services, IHostEnvironment env, IConfiguration config, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await Check(roles.CreateAsync(new IdentityRole(role)));

        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();

        if (config["Admin:Email"] is { Length: > 0 } adminEmail && config["Admin:Password"] is { Length: > 0 } adminPassword
            && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            await CreateAsync(users, clock, adminEmail, config["Admin:Name"] ?? "Administrateur", Roles.Admin, null, adminPassword);
        }

        // Never in Production, whatever the configuration says.
        if (env.IsProduction() || !config.GetValue("Demo:Seed", env.IsDevelopment())) return;

        var db = sp.GetRequiredService<PortalDbContext>();
        foreach (var (name, towns) in new[] { ("Nord", "Lille, Roubaix, Tourcoing, Valenciennes, Dunkerque"), ("Sud", "Arras, Lens, Douai, Cambrai") })
            if (!await db.Teams.AnyAsync(t => t.Name == name, ct))
                db.Teams.Add(new Team { Name = name, Towns = towns });
        await db.SaveChangesAsync(ct);

        foreach (var (email, name, role, team) in DemoAccounts)
        {
            var existing = await users.FindByEmailAsync(email);
            if (existing is null)
            {
                int? teamId = team is null ? null : (await db.Teams.SingleAsync(t => t.Name == team, ct)).Id;
                await CreateAsync(users, clock, email, name, role, teamId, DemoPassword);
                existing = await users.FindByEmailAsync(email);
            }
            // Staff must sign in with a second factor: the demo accounts share a known key (README).
            if (Portal.Accounts.SecondFactor.IsStaffRole(role) && existing is not null && !existing.TwoFactorEnabled)
                await Portal.Accounts.SecondFactor.SetUpDemoAsync(users, existing);
        }
        await DemoRequests.SeedAsync(sp, ct);
        await DemoAppointments.SeedAsync(sp, ct);
        await DemoCaseFiles.SeedAsync(sp, ct);
        await DemoSupport.SeedAsync(sp, ct);
        await DemoWorkshops.SeedAsync(sp, ct);
        await DemoPartners.SeedAsync(sp, ct);
    }

    private static async Task CreateAsync(UserManager<PortalUser> users, TimeProvider clock, string email, string name, string role, int? teamId, string password)
    {
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = name,
            TeamId = teamId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await Check(users.CreateAsync(user, password));
        await Check(users.AddToRoleAsync(user, role));
    }

    private static async Task Check(Task<IdentityResult> task)
    {
        var result = await task;
        if (!result.Succeeded)
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
