using Portal.Domain;
using Portal.Domain.Workshops;

namespace Portal.Tests.Domain.Workshops;

public class WorkshopTests
{
    private static readonly DateTime Now = new(2026, 6, 3, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Starts = new(2026, 6, 10, 12, 0, 0, DateTimeKind.Utc);

    private static WorkshopPlan PlanOf(int seats = 2, DateTime? startsAtUtc = null, int placeId = 1, string theme = "  Budget  ") =>
        new(theme, "  ", placeId, startsAtUtc ?? Starts, 90, seats, "worker-1", 3);

    private static Workshop Planned(int seats = 2) => Workshop.Plan(PlanOf(seats), Now);

    private static Workshop With(int seats, params string[] people)
    {
        var w = Planned(seats);
        for (var i = 0; i < people.Length; i++)
        {
            var at = Now.AddMinutes(i);
            w.Apply(s => s.Register(people[i], at), at);
        }
        return w;
    }

    [Fact]
    public void A_session_is_planned_to_come_with_at_least_one_seat_and_a_theme()
    {
        var w = Planned();

        Assert.Equal(("Budget", (string?)null, 2, "worker-1", (int?)3, Now, 0, false), (w.Theme, w.Description, w.Seats, w.LeaderId, w.TeamId, w.CreatedAtUtc, w.Version, w.IsCancelled));
        var past = Assert.Throws<DomainRuleException>(() => Workshop.Plan(PlanOf(startsAtUtc: Now), Now));
        Assert.Equal(("Choisissez une date et une heure à venir.", "StartsAtUtc"), (past.Message, past.Field));
        var noSeat = Assert.Throws<DomainRuleException>(() => Workshop.Plan(PlanOf(seats: 0), Now));
        Assert.Equal(("Une séance compte au moins une place.", "Seats"), (noSeat.Message, noSeat.Field));
        var noTheme = Assert.Throws<DomainRuleException>(() => Workshop.Plan(PlanOf(theme: " "), Now));
        Assert.Equal(("Indiquez le thème de l'atelier.", "Theme"), (noTheme.Message, noTheme.Field));
    }

    [Fact]
    public void An_operation_writes_its_lines_back_and_bumps_the_version_and_a_refused_one_changes_nothing()
    {
        var w = With(1, "ana", "ben");

        Assert.Equal(2, w.Version);
        Assert.Equal([("ana", RegistrationStatus.Registered), ("ben", RegistrationStatus.Waiting)], w.Signups.Select(s => (s.PersonId!, s.Status)));

        var error = Assert.Throws<DomainRuleException>(() => w.Apply(s => s.Register("ana", Now.AddHours(1)), Now.AddHours(1)));
        Assert.Equal("Vous êtes déjà inscrit(e) à cette séance.", error.Message);
        Assert.Equal(2, w.Version);

        var outcome = w.Apply(s => s.Withdraw("ana", Now.AddHours(1)), Now.AddHours(1));
        Assert.Equal(RegistrationStatus.Withdrawn, outcome.Status);
        Assert.Equal([new SeatOffer("ben", Now.AddHours(25))], outcome.OffersMade);
        Assert.Equal([RegistrationStatus.Withdrawn, RegistrationStatus.Offered], w.Signups.Select(s => s.Status));
        Assert.Equal(Now.AddHours(25), w.Signups[1].OfferExpiresAtUtc);
        Assert.Equal(3, w.Version);
    }

    [Fact]
    public void A_person_of_a_household_file_gets_a_line_of_their_own_and_an_account_holder_their_account_line()
    {
        var w = Planned(5);
        var child = ParticipantKeys.HouseholdPerson(42);

        w.Apply(s =>
        {
            s.Enrol(child, Now);
            return s.Enrol("resident-1", Now);
        }, Now, new Dictionary<string, long> { [child] = 42, ["resident-1"] = 41 });

        Assert.Equal([((string?)null, (long?)42), ("resident-1", 41)], w.Signups.Select(s => (s.PersonId, s.HouseholdPersonId)));
        Assert.All(w.Signups, s => Assert.Equal((RegistrationStatus.Registered, Now), (s.Status, s.CreatedAtUtc)));
    }

    [Fact]
    public void Seats_added_are_offered_to_the_waiting_list_and_seats_below_those_taken_are_refused()
    {
        var w = With(1, "ana", "ben", "eve");

        var error = Assert.Throws<DomainRuleException>(() => w.ChangeSeats(0, Now.AddHours(1)));
        Assert.Equal("Seats", error.Field);
        var changes = w.ChangeSeats(2, Now.AddHours(1));

        Assert.Equal(["ben"], changes.OffersMade.Select(o => o.PersonId));
        Assert.Equal((2, 4), (w.Seats, w.Version));
        Assert.Equal(RegistrationStatus.Offered, w.Signups.Single(s => s.PersonId == "ben").Status);
    }

    [Fact]
    public void An_edit_that_moves_the_session_tells_the_people_still_in_it_and_a_refused_edit_changes_nothing()
    {
        var w = With(1, "ana", "ben");
        w.Apply(s => s.Register("eve", Now), Now);
        w.Apply(s => s.Withdraw("eve", Now), Now);
        var later = Starts.AddDays(1);

        var refused = Assert.Throws<DomainRuleException>(() => w.Edit(PlanOf(seats: 0, startsAtUtc: later, placeId: 2, theme: "Santé"), Now.AddHours(1)));
        Assert.Equal("Seats", refused.Field);
        Assert.Equal(("Budget", Starts, 1, 1), (w.Theme, w.StartsAtUtc, w.PlaceId, w.Seats));

        var edit = w.Edit(PlanOf(seats: 1, startsAtUtc: later, placeId: 2, theme: "Santé"), Now.AddHours(1));

        Assert.Equal(new WorkshopSchedule(Starts, 90, 1), edit.MovedFrom);
        Assert.Equal(["ana", "ben"], edit.ToTell);
        Assert.Equal(("Santé", later, 2), (w.Theme, w.StartsAtUtc, w.PlaceId));
        var same = w.Edit(PlanOf(seats: 1, startsAtUtc: later, placeId: 2, theme: "Santé à la maison"), Now.AddHours(2));
        Assert.Null(same.MovedFrom);
        Assert.Empty(same.ToTell);
    }

    [Fact]
    public void A_started_session_keeps_its_date_and_cannot_be_moved_to_the_past()
    {
        var w = Planned();

        var toPast = Assert.Throws<DomainRuleException>(() => w.Edit(PlanOf(startsAtUtc: Now.AddMinutes(-1)), Now));
        Assert.Equal(("Choisissez une date et une heure à venir.", "StartsAtUtc"), (toPast.Message, toPast.Field));
        var started = Assert.Throws<DomainRuleException>(() => w.Edit(PlanOf(startsAtUtc: Starts.AddDays(1)), Starts.AddMinutes(5)));
        Assert.Equal(("Cette séance a déjà commencé : sa date ne peut plus changer.", "StartsAtUtc"), (started.Message, started.Field));
        Assert.Equal(Starts, w.StartsAtUtc);
    }

    [Fact]
    public void A_cancelled_session_tells_who_was_in_it_and_takes_no_further_change()
    {
        var w = With(1, "ana", "ben");
        w.Apply(s => s.Register("eve", Now), Now);
        w.Apply(s => s.Withdraw("eve", Now), Now);

        var started = Assert.Throws<DomainRuleException>(() => w.Cancel(Starts));
        Assert.Equal("Cette séance a déjà commencé : elle ne peut plus être annulée.", started.Message);
        Assert.False(w.IsCancelled);

        Assert.Equal(["ana", "ben"], w.Cancel(Now.AddHours(1)));
        Assert.Equal((true, 5), (w.IsCancelled, w.Version));
        foreach (var change in new Action[]
        {
            () => w.Apply(s => s.Register("zoe", Now.AddHours(2)), Now.AddHours(2)),
            () => w.Cancel(Now.AddHours(2)),
            () => w.Edit(PlanOf(seats: 1), Now.AddHours(2)),
            () => w.ChangeSeats(3, Now.AddHours(2)),
        })
            Assert.Equal(Workshop.CancelledMessage, Assert.Throws<DomainRuleException>(change).Message);
        Assert.Equal(5, w.Version);
    }

    [Fact]
    public void Attendance_is_recorded_from_the_session_day_for_the_participants()
    {
        var w = With(1, "ana", "ben");

        var none = Assert.Throws<DomainRuleException>(() => w.RecordAttendance(new Dictionary<string, bool>(), Starts));
        Assert.Equal("Attendance", none.Field);
        var early = Assert.Throws<DomainRuleException>(() => w.RecordAttendance(new Dictionary<string, bool> { ["ana"] = true }, Starts.AddDays(-1)));
        Assert.Equal(WorkshopSession.AttendanceTooEarlyMessage, early.Message);
        Assert.Throws<DomainRuleException>(() => w.RecordAttendance(new Dictionary<string, bool> { ["ana"] = true, ["ben"] = true }, Starts));
        Assert.Null(w.Signups[0].Attended);

        w.RecordAttendance(new Dictionary<string, bool> { ["ana"] = false }, Starts.AddHours(2));

        Assert.Equal([(bool?)false, null], w.Signups.Select(s => s.Attended));
        Assert.Equal(3, w.Version);
    }
}
