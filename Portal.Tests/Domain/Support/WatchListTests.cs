using Portal.Domain;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Support;

public class WatchListTests
{
    private static readonly DateOnly Flagged = new(2026, 3, 4);

    [Fact]
    public void A_household_is_flagged_with_a_reason()
    {
        Assert.Throws<DomainRuleException>(() => new WatchListEntry(1, Flagged, "cesf-1", " "));
        var entry = new WatchListEntry(1, Flagged, "cesf-1", "  Isolement, impayés d'énergie ");
        Assert.Equal("Isolement, impayés d'énergie", entry.Reason);
        Assert.True(entry.IsOpen);
    }

    [Fact]
    public void The_monthly_meeting_lists_open_entries_not_yet_discussed_this_month()
    {
        var discussed = new WatchListEntry(1, Flagged, "cesf-1", "Isolement");
        discussed.AddNote(new DateOnly(2026, 4, 8), "cesf-1", "Visite faite, lien avec le CMP");
        var pending = new WatchListEntry(2, Flagged, "cesf-1", "Conflit de voisinage");
        var lifted = new WatchListEntry(3, Flagged, "cesf-1", "Hospitalisation");
        lifted.Lift(new DateOnly(2026, 3, 30), "Retour à domicile, situation stable");

        Assert.Equal([pending], WatchListEntry.ToReviewIn(new DateOnly(2026, 4, 1), [discussed, pending, lifted]));
        Assert.Equal(2, WatchListEntry.ToReviewIn(new DateOnly(2026, 5, 1), [discussed, pending, lifted]).Count());
    }

    [Fact]
    public void A_lifted_entry_takes_no_more_notes()
    {
        var entry = new WatchListEntry(1, Flagged, "cesf-1", "Isolement");
        entry.Lift(new DateOnly(2026, 4, 1), "Situation stabilisée");
        Assert.Throws<DomainRuleException>(() => entry.AddNote(new DateOnly(2026, 4, 2), "cesf-1", "…"));
        Assert.Throws<DomainRuleException>(() => entry.Lift(new DateOnly(2026, 4, 2), "encore"));
    }

    [Fact]
    public void An_incident_records_the_follow_up_given()
    {
        var incident = new Incident(new DateOnly(2026, 5, 2), IncidentKind.Death, "Décès d'un résident de la pension de famille", residenceId: 3);
        Assert.True(incident.AwaitsFollowUp);
        Assert.Throws<DomainRuleException>(() => incident.RecordFollowUp(new DateOnly(2026, 5, 1), "Trop tôt"));
        incident.RecordFollowUp(new DateOnly(2026, 5, 3), "Groupe de parole avec les résidents et l'équipe");
        Assert.False(incident.AwaitsFollowUp);
        Assert.Equal("Décès", incident.Kind.Label());
    }

    [Fact]
    public void An_incident_concerns_a_household_or_a_residence() =>
        Assert.Throws<DomainRuleException>(() => new Incident(new DateOnly(2026, 5, 2), IncidentKind.Assault, "Agression dans le hall"));
}
