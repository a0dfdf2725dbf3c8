using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Support;
using Portal.Testing;

namespace Portal.Tests.Data;

/// The domain's aggregates go to the database and come back whole, with their private state.
[Collection(PortalCollection.Name)]
public class CaseFilesMappingTests(PortalApp app)
{
    [Fact]
    public async Task A_household_story_round_trips_through_the_database()
    {
        var now = DateTime.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = await app.WithDbAsync(async db =>
        {
            var household = new Household { Name = $"MAPPING {tag}", SearchName = $"MAPPING {tag}".ToUpperInvariant(), CreatedAtUtc = now, UpdatedAtUtc = now };
            household.Persons.Add(new HouseholdPerson { FirstName = "Ana", LastName = "Mapping", BirthDate = new DateOnly(1990, 1, 1) });
            household.Journal.Add(new JournalEntry { Kind = JournalKind.HomeVisit, OccurredOn = new DateOnly(2026, 3, 1), AuthorId = "x", AuthorName = "X", Text = "Visite", IsConfidential = true, CreatedAtUtc = now });
            var residence = new Residence($"Résidence {tag}", ResidenceKind.SocialResidence, "1 rue A", "Lille");
            db.AddRange(household, residence);
            await db.SaveChangesAsync();

            var dwelling = new Dwelling(residence.Id, "A1", Typology.T2, Financing.Plai, 400m, 50m, associationHoldsLease: true);
            dwelling.Locate("1 rue A, apt 1", "Bailleur Nord");
            var committee = new Committee($"Commission {tag}", CommitteeKind.DecisionBody);
            db.AddRange(dwelling, committee);
            await db.SaveChangesAsync();

            var session = new CommitteeSession(committee.Id, new DateOnly(2026, 3, 10));
            var item = session.AddItem(AgendaSubject.Household, household.Id, "worker-1", "Présentation");
            var stay = session.DecideAllocation(item, household.Id, dwelling, new HouseholdComposition(1), new DateOnly(2026, 3, 15), []);
            stay.Renew(6, new DateOnly(2026, 9, 1));
            var measure = SupportMeasure.Open(household.Id, SupportKind.Iml, Funder.Ddets, new DateOnly(2026, 3, 15), 12);
            measure.AddAxis(ActionArea.Budget, "Tenir un budget", "Point mensuel").AddNote(new DateOnly(2026, 4, 1), "worker-1", "Premier point");
            var lease = new SlidingLease(household.Id, null, "Bailleur Nord", new DateOnly(2026, 3, 15), 400m, 50m);
            lease.RecordPayment(new DateOnly(2026, 3, 20), 100m, "virement");
            var watch = new WatchListEntry(household.Id, new DateOnly(2026, 4, 1), "worker-1", "Isolement");
            watch.AddNote(new DateOnly(2026, 4, 2), "worker-1", "Appel");
            db.AddRange(session, stay, measure, lease, watch);
            await db.SaveChangesAsync();
            measure.RecordReview(6, new DateOnly(2026, 9, 15), ReviewDecision.Continue, "Bilan");
            await db.SaveChangesAsync();
            return (household.Id, session.Id, stay.Id, measure.Id, lease.Id, watch.Id, dwelling.Id);
        });

        await app.WithDbAsync(async db =>
        {
            var session = await db.CommitteeSessions.Include(s => s.Items).SingleAsync(s => s.Id == ids.Item2);
            var decision = Assert.Single(session.Items).Decision;
            Assert.Equal(DecisionKind.Allocation, decision!.Kind);
            Assert.Equal(ids.Item7, decision.DwellingId);
            var stay = await db.Stays.Include(s => s.Renewals).SingleAsync(s => s.Id == ids.Item3);
            Assert.Equal(new DateOnly(2027, 3, 15), stay.EndsOn);
            Assert.Single(stay.Renewals);
            var measure = await db.SupportMeasures.Include(m => m.Axes).ThenInclude(a => a.Notes).Include(m => m.RecordedReviews).SingleAsync(m => m.Id == ids.Item4);
            Assert.Equal("Premier point", Assert.Single(Assert.Single(measure.Axes).Notes).Text);
            Assert.Equal(ReviewDecision.Continue, Assert.Single(measure.RecordedReviews).Decision);
            var lease = await db.SlidingLeases.Include(l => l.Payments).SingleAsync(l => l.Id == ids.Item5);
            Assert.Equal(100m, Assert.Single(lease.Payments).Amount);
            var watch = await db.WatchListEntries.Include(w => w.Notes).SingleAsync(w => w.Id == ids.Item6);
            Assert.Single(watch.Notes);
            var household = await db.Households.Include(h => h.Journal).Include(h => h.Persons).SingleAsync(h => h.Id == ids.Item1);
            Assert.True(Assert.Single(household.Journal).IsConfidential);
            return 0;
        });
    }

    [Fact]
    public async Task A_dwelling_cannot_hold_two_active_stays_even_when_both_pass_the_checks_at_once()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = DateTime.UtcNow;
        var error = await app.WithDbAsync(async db =>
        {
            var a = new Household { Name = $"A {tag}", SearchName = $"A {tag}", CreatedAtUtc = now, UpdatedAtUtc = now };
            var b = new Household { Name = $"B {tag}", SearchName = $"B {tag}", CreatedAtUtc = now, UpdatedAtUtc = now };
            var residence = new Residence($"Résidence double {tag}", ResidenceKind.FamilyBoardingHouse);
            db.AddRange(a, b, residence);
            await db.SaveChangesAsync();
            var dwelling = new Dwelling(residence.Id, "B2", Typology.T3, Financing.Plus, 500m, 60m, false);
            db.Add(dwelling);
            await db.SaveChangesAsync();
            db.Add(Stay.Open(a.Id, dwelling.Id, new DateOnly(2026, 5, 1)));
            db.Add(Stay.Open(b.Id, dwelling.Id, new DateOnly(2026, 5, 1)));
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });
        Assert.IsType<DbUpdateException>(error);
    }
}
