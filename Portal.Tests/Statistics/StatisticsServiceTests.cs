using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Statistics;
using Portal.Testing;

namespace Portal.Tests.Statistics;

/// The statistics on a small data set of the first quarter of 2019 (one team, one residence of
/// two dwellings), every figure worked out by hand in the comments.
[Collection(PortalCollection.Name)]
public class StatisticsServiceTests(PortalApp app)
{
    private static readonly StaffScope Manager = new("statistics-test", "Test", IsManager: true, TeamId: null);
    private static readonly StatsPeriod Q1 = StatsPeriod.Quarter(new DateOnly(2019, 2, 15));

    private sealed record DataSet(int TeamId, long ResidenceId);

    private async Task<DataSet> SeedAsync()
    {
        var tag = SuiviData.Token();
        var team = await app.WithDbAsync(async db =>
        {
            var t = new Team { Name = $"Stat {tag}" };
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        // Requests: R1 sent at 23:30 UTC on 31 December 2018 is 00:30 on 1 January in Paris (Q1);
        // R2 sent at 22:30 UTC on 31 March 2019 is 00:30 on 1 April in Paris (summer time: Q2).
        await SuiviData.CreateAsync(app, team.Name, "Un", $"Minuit{tag}", submittedAtUtc: new DateTime(2018, 12, 31, 23, 30, 0, DateTimeKind.Utc));
        await SuiviData.CreateAsync(app, team.Name, "Deux", $"Avril{tag}", submittedAtUtc: new DateTime(2019, 3, 31, 22, 30, 0, DateTimeKind.Utc));
        var a = await SuiviData.CreateAsync(app, team.Name, "A", $"Acceptee{tag}", submittedAtUtc: new DateTime(2019, 1, 5, 10, 0, 0, DateTimeKind.Utc));
        var b = await SuiviData.CreateAsync(app, team.Name, "B", $"Refusee{tag}", submittedAtUtc: new DateTime(2019, 1, 10, 10, 0, 0, DateTimeKind.Utc));
        var c = await SuiviData.CreateAsync(app, team.Name, "C", $"Refusee{tag}", submittedAtUtc: new DateTime(2019, 2, 1, 10, 0, 0, DateTimeKind.Utc));

        return await app.WithDbAsync(async db =>
        {
            // Decisions written straight on the timeline, in the past the figures are computed on.
            RequestEvent Decision(long id, DateTime at, RequestStatus to, string? note)
            {
                var e = RequestEvent.StatusChange(at, RequestStatus.PresentedToCommittee, to, null, "Commission", note);
                db.Entry(e).Property(x => x.HousingRequestId).CurrentValue = id;
                return e;
            }
            // Decided after 10, 30 and 2 days: median 10, 90th percentile 30.
            db.RequestEvents.AddRange(
                Decision(a.Id, new DateTime(2019, 1, 15, 10, 0, 0, DateTimeKind.Utc), RequestStatus.Accepted, null),
                Decision(b.Id, new DateTime(2019, 2, 9, 10, 0, 0, DateTimeKind.Utc), RequestStatus.Refused, "Ressources insuffisantes"),
                Decision(c.Id, new DateTime(2019, 2, 3, 10, 0, 0, DateTimeKind.Utc), RequestStatus.Refused, "Ressources insuffisantes"));

            var residence = new Residence($"Résidence {tag}", ResidenceKind.SocialResidence);
            db.Residences.Add(residence);
            await db.SaveChangesAsync();
            var d1 = new Dwelling(residence.Id, "D1", Typology.T2, Financing.Plai, 300, 50, false);
            var d2 = new Dwelling(residence.Id, "D2", Typology.T2, Financing.Plai, 300, 50, false);
            db.Dwellings.AddRange(d1, d2);

            Household H(string name, int persons)
            {
                var h = new Household { Name = $"{name} {tag}", SearchName = $"{name} {tag}".ToUpperInvariant(), TeamId = team.Id, CreatedAtUtc = new DateTime(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc), UpdatedAtUtc = DateTime.UtcNow };
                for (var i = 0; i < persons; i++) h.Persons.Add(new HouseholdPerson { FirstName = $"P{i}", LastName = name, Relationship = i == 0 ? Relationship.Applicant : Relationship.Child });
                db.Households.Add(h);
                return h;
            }
            var h1 = H("UN", 3);
            var h2 = H("DEUX", 1);
            var h3 = H("TROIS", 2);
            var h4 = H("QUATRE", 1);
            var h5 = H("CINQ", 1);
            await db.SaveChangesAsync();

            // H1: ASLL from 10 January, closed by its exit on 10 March (59 days, 1.9 months), rehoused by a social landlord.
            var m1 = SupportMeasure.Open(h1.Id, SupportKind.Asll, Funder.FslDepartment, new DateOnly(2019, 1, 10), 6);
            // H2: IML since June 2018, its 6-month review due on 1 December 2018 held on the 10th (late, Q4 2018).
            var m2 = SupportMeasure.Open(h2.Id, SupportKind.Iml, Funder.Ddets, new DateOnly(2018, 6, 1), 12);
            m2.RecordReview(6, new DateOnly(2018, 12, 10), ReviewDecision.Continue, "Suite");
            // H3: AVDL from the last day of the quarter; H4: ASLL from the day after it (not in Q1).
            var m3 = SupportMeasure.Open(h3.Id, SupportKind.Avdl, Funder.FslDepartment, new DateOnly(2019, 3, 31), 6);
            var m4 = SupportMeasure.Open(h4.Id, SupportKind.Asll, Funder.FslDepartment, new DateOnly(2019, 4, 1), 6);
            db.SupportMeasures.AddRange(m1, m2, m3, m4);
            await db.SaveChangesAsync();
            // Occupancy: D1 from 1 December 2018 to the exit on 10 March (68 nights in Q1), D2 from 1 February (59 nights).
            var s1 = Stay.Open(h1.Id, d1.Id, new DateOnly(2018, 12, 1), 12);
            var s2 = Stay.Open(h2.Id, d2.Id, new DateOnly(2019, 2, 1), 12);
            db.Stays.AddRange(s1, s2);
            db.Exits.Add(Exit.Record(h1.Id, new DateOnly(2019, 3, 10), new DateOnly(2019, 3, 10), ExitDestination.SocialLandlord, null, [s1], [m1], []));
            var exit5 = Exit.Record(h5.Id, new DateOnly(2018, 12, 31), new DateOnly(2018, 12, 31), ExitDestination.BackToShelter, null, [], [], []);
            h5.RecordExit(exit5, DateTime.UtcNow);
            db.Exits.Add(exit5);
            db.FunderBudgets.Add(new FunderBudget { Funder = Funder.Ddets, Year = 2019, Amount = 36_500m, UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return new DataSet(team.Id, residence.Id);
        });
    }

    private async Task<Portal.Statistics.Statistics> ComputeAsync(StatsFilter filter, StatsPeriod period)
    {
        await using var scope = app.Scope();
        var service = scope.ServiceProvider.GetRequiredService<StatisticsService>();
        return await service.ComputeAsync(Manager, filter, period, CancellationToken.None);
    }

    [Fact]
    public async Task Indicators_of_a_known_quarter_match_the_figures_worked_out_by_hand()
    {
        var data = await SeedAsync();
        var team = new StatsFilter(TeamId: data.TeamId);
        var q1 = await ComputeAsync(team, Q1);
        var q4 = await ComputeAsync(team, Q1.Previous());
        var q2 = await ComputeAsync(team, StatsPeriod.Quarter(new DateOnly(2019, 4, 1)));

        // Requests: R1 (Paris 1 January), A, B, C; R2 is April's in Paris.
        Assert.Equal(4, q1.Requests.Received);
        Assert.Equal(0, q4.Requests.Received);
        Assert.Equal(1, q2.Requests.Received);
        Assert.Equal([3, 1, 0], q1.Requests.ReceivedByMonth.Select(m => m.Count));
        Assert.Equal((3, 1, 2), (q1.Requests.Decided, q1.Requests.Accepted, q1.Requests.Refused));
        Assert.Equal(("Ressources insuffisantes", 2), (q1.Requests.RefusalReasons.Single().Label, q1.Requests.RefusalReasons.Single().Count));
        Assert.Equal(10m, q1.Requests.MedianDaysToDecision);
        Assert.Equal(30m, q1.Requests.P90DaysToDecision);

        // Households: H1, H2, H3 followed (3 + 1 + 2 persons); H1 and H3 new; H1 out.
        Assert.Equal((3, 6, 2, 1), (q1.Activity.HouseholdsFollowed, q1.Activity.PersonsFollowed, q1.Activity.Entries, q1.Activity.Exits));
        // Measures: 2 opened (H1, H3), 3 running, 1 closed after 59 days = 1.9 months.
        Assert.Equal((2, 3, 1), (q1.Measures.Opened, q1.Measures.Active, q1.Measures.Closed));
        Assert.Equal(1.9m, q1.Measures.AverageMonths);
        Assert.Equal(1.9m, q1.Measures.MedianMonths);
        Assert.Equal(2, q1.Measures.ByKind.Single(k => k.Value == SupportKind.Asll).Active + q1.Measures.ByKind.Single(k => k.Value == SupportKind.Avdl).Active);

        // Reviews: H2's 6-month review, due 1 December 2018, held on the 10th: late, in Q4.
        Assert.Equal((1, 0, 1, 0), (q4.Reviews.Due, q4.Reviews.OnTime, q4.Reviews.Late, q4.Reviews.Missing));

        // Exits: H1 to a social landlord (100 % rehoused) in Q1; H5 back to a shelter on 31 December (Q4, 0 %).
        Assert.Equal((1, 1, 100m), (q1.Exits.Total, q1.Exits.Rehoused, q1.Exits.RehousedShare));
        Assert.Equal((1, 0, 0m), (q4.Exits.Total, q4.Exits.Rehoused, q4.Exits.RehousedShare));

        // Valued at the unit costs: FSL 2 diagnostics (300 €) + round(59 × 12 / 365.25) = 2 household-months (250 €);
        // DDETS 89 days = 3 household-months (375 €) against 36 500 € × 90 / 365 = 9 000 €.
        var fsl = q1.Funders.Single(f => f.Funder == Funder.FslDepartment);
        Assert.Equal((2, 2, 550m, (decimal?)null), (fsl.Diagnostics, fsl.HouseholdMonths, fsl.Valued, fsl.Budget));
        var ddets = q1.Funders.Single(f => f.Funder == Funder.Ddets);
        Assert.Equal((0, 3, 375m, (decimal?)9000m, (decimal?)-8625m), (ddets.Diagnostics, ddets.HouseholdMonths, ddets.Valued, ddets.Budget, ddets.Gap));

        // Occupancy of the residence: (68 + 59) / (2 × 90) nights = 70.6 %; January 31/62, February 56/56, March 40/62.
        var occupancy = (await ComputeAsync(new StatsFilter(ResidenceId: data.ResidenceId), Q1)).Occupancy;
        var residence = occupancy.Residences.Single();
        Assert.Equal(70.6m, residence.Rate);
        Assert.Equal([50m, 100m, 64.5m], residence.ByMonth);
    }

    [Fact]
    public void A_period_is_a_span_of_Paris_days_whose_previous_has_the_same_kind()
    {
        var march = StatsPeriod.Month(new DateOnly(2019, 3, 31));
        // Paris midnight, 1 March 2019 (winter, UTC+1) to Paris midnight, 1 April 2019 (summer, UTC+2).
        Assert.Equal(new DateTime(2019, 2, 28, 23, 0, 0, DateTimeKind.Utc), march.FromUtc);
        Assert.Equal(new DateTime(2019, 3, 31, 22, 0, 0, DateTimeKind.Utc), march.ToUtc);
        Assert.True(march.Contains(new DateTime(2019, 3, 31, 21, 59, 59, DateTimeKind.Utc)));
        Assert.False(march.Contains(new DateTime(2019, 3, 31, 22, 0, 0, DateTimeKind.Utc)));
        Assert.True(march.Next().Contains(new DateTime(2019, 3, 31, 22, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(StatsPeriod.Month(new DateOnly(2019, 2, 1)), march.Previous());
        Assert.Equal(new StatsPeriod(PeriodKind.Quarter, new DateOnly(2018, 10, 1), new DateOnly(2018, 12, 31)), Q1.Previous());
        var custom = StatsPeriod.Parse("dates", null, "2019-01-10", "2019-01-19", new DateOnly(2026, 1, 1));
        Assert.Null(custom.Error);
        Assert.Equal((new DateOnly(2018, 12, 31), new DateOnly(2019, 1, 9)), (custom.Period.Previous().First, custom.Period.Previous().Last));
        Assert.Equal(StatsPeriod.Quarter(new DateOnly(2026, 1, 1)), StatsPeriod.Parse("trimestre", "9999-12-31", null, null, new DateOnly(2026, 1, 1)).Period);
        Assert.Equal("La date de fin doit être postérieure ou égale à la date de début.",
            StatsPeriod.Parse("dates", null, "2019-01-10", "2019-01-09", new DateOnly(2026, 1, 1)).Error);
    }
}
