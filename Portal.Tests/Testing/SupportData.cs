using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Support;
using Portal.Testing;

namespace Portal.Testing;

/// Households, dwellings and measures written straight into the database for the support pages.
public static class SupportData
{
    public sealed record Created(long HouseholdId, string Name, long DwellingId, long? StayId);

    public static DateOnly Today => DateOnly.FromDateTime(French.ToParis(DateTime.UtcNow));

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)].ToUpperInvariant();

    /// A household of the team with the referent, living in a dwelling whose lease the association holds.
    public static async Task<Created> HouseholdAsync(PortalApp app, string team = "Nord", string referentEmail = PortalApp.Worker1, bool withStay = true)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var name = $"{Unique("TEST")} Camille";
        var teamId = await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync();
        var referentId = await db.Users.Where(u => u.Email == referentEmail).Select(u => u.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var household = new Household
        {
            Name = name, SearchName = name.ToUpperInvariant(), TeamId = teamId, ReferentId = referentId, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Households.Add(household);
        var residence = new Residence($"Résidence {Unique("R")}", ResidenceKind.ScatteredTransitionalHousing, "12 rue des Tests", "Lille");
        db.Residences.Add(residence);
        await db.SaveChangesAsync();
        var dwelling = new Dwelling(residence.Id, "Appartement 3B", Typology.T2, Financing.Plai, 400m, 80m, associationHoldsLease: true);
        dwelling.Locate("12 rue des Tests, Lille", "Habitat du Nord");
        db.Dwellings.Add(dwelling);
        await db.SaveChangesAsync();
        long? stayId = null;
        if (withStay)
        {
            var stay = Stay.Open(household.Id, dwelling.Id, Today.AddMonths(-14), 12);
            db.Stays.Add(stay);
            await db.SaveChangesAsync();
            stayId = stay.Id;
        }
        return new Created(household.Id, name, dwelling.Id, stayId);
    }

    public static async Task<long> MeasureAsync(PortalApp app, long householdId, SupportKind kind, DateOnly startsOn, int months, Action<SupportMeasure>? configure = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var measure = SupportMeasure.Open(householdId, kind, Funder.FslDepartment, startsOn, months);
            configure?.Invoke(measure);
            db.SupportMeasures.Add(measure);
            await db.SaveChangesAsync();
            return measure.Id;
        });
    }

    public static async Task<long> LeaseAsync(PortalApp app, long householdId, long measureId, DateOnly startsOn, Action<SlidingLease> payments)
    {
        return await app.WithDbAsync(async db =>
        {
            var lease = new SlidingLease(householdId, measureId, "Habitat du Nord", startsOn, 400m, 80m);
            payments(lease);
            db.SlidingLeases.Add(lease);
            await db.SaveChangesAsync();
            return lease.Id;
        });
    }

    public static string MeasureUrl(long householdId, long measureId) => $"/suivi/menages/{householdId}/accompagnement/mesures/{measureId}";
}
