using Portal.Domain;
using Portal.Domain.Appointments;

namespace Portal.Tests.Domain.Appointments;

public class AppointmentStateMachineTests
{
    // The whole table, written out independently of the implementation.
    private static readonly (AppointmentStatus From, AppointmentAction Action, AppointmentStatus To)[] Expected =
    [
        (AppointmentStatus.Booked, AppointmentAction.Move, AppointmentStatus.Booked),
        (AppointmentStatus.Booked, AppointmentAction.Cancel, AppointmentStatus.Cancelled),
        (AppointmentStatus.Booked, AppointmentAction.MarkHonoured, AppointmentStatus.Honoured),
        (AppointmentStatus.Booked, AppointmentAction.MarkMissed, AppointmentStatus.Missed),
        (AppointmentStatus.Honoured, AppointmentAction.MarkMissed, AppointmentStatus.Missed),
        (AppointmentStatus.Missed, AppointmentAction.MarkHonoured, AppointmentStatus.Honoured),
    ];

    public static TheoryData<AppointmentStatus, AppointmentAction, AppointmentStatus> Allowed()
    {
        var data = new TheoryData<AppointmentStatus, AppointmentAction, AppointmentStatus>();
        foreach (var (from, action, to) in Expected) data.Add(from, action, to);
        return data;
    }

    public static TheoryData<AppointmentStatus, AppointmentAction> Refused()
    {
        var data = new TheoryData<AppointmentStatus, AppointmentAction>();
        foreach (var from in Enum.GetValues<AppointmentStatus>())
            foreach (var action in Enum.GetValues<AppointmentAction>())
                if (!Expected.Any(e => e.From == from && e.Action == action))
                    data.Add(from, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Allowed_move_leads_to_its_status(AppointmentStatus from, AppointmentAction action, AppointmentStatus to)
    {
        Assert.True(AppointmentStateMachine.CanApply(from, action));
        Assert.Equal(to, AppointmentStateMachine.Apply(from, action));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Every_other_move_is_refused_with_a_french_reason(AppointmentStatus from, AppointmentAction action)
    {
        Assert.False(AppointmentStateMachine.CanApply(from, action));
        var error = Assert.Throws<DomainRuleException>(() => AppointmentStateMachine.Apply(from, action));
        Assert.Contains("Action impossible", error.Message);
        Assert.Contains(from.Label(), error.Message);
        // The policy refuses it too, whoever acts and whenever.
        var start = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        foreach (var actor in Enum.GetValues<Actor>())
            foreach (var now in new[] { start.AddDays(-3), start.AddHours(1) })
                Assert.Throws<DomainRuleException>(() => AppointmentPolicy.Default.Apply(from, start, action, actor, now));
    }

    [Fact]
    public void The_table_has_no_move_the_tests_do_not_know() =>
        Assert.Equal(Expected.Length, AppointmentStateMachine.AllowedMoves.Count());

    [Fact]
    public void A_cancelled_appointment_allows_nothing() =>
        Assert.Empty(AppointmentStateMachine.ActionsFrom(AppointmentStatus.Cancelled));

    [Fact]
    public void Every_status_and_action_is_labelled_in_french()
    {
        foreach (var status in Enum.GetValues<AppointmentStatus>()) Assert.NotEqual(status.ToString(), status.Label());
        foreach (var action in Enum.GetValues<AppointmentAction>())
        {
            Assert.NotEqual(action.ToString(), action.Label());
            Assert.NotEqual(action.ToString(), AppointmentStateMachine.ActionLabel(action));
        }
    }

    [Fact]
    public void Only_a_cancelled_appointment_frees_its_time()
    {
        Assert.False(AppointmentStatus.Cancelled.HoldsTime());
        Assert.True(AppointmentStatus.Booked.HoldsTime());
        Assert.True(AppointmentStatus.Honoured.HoldsTime());
        Assert.True(AppointmentStatus.Missed.HoldsTime());
    }
}

public class AppointmentPolicyTests
{
    private static readonly DateTime Start = new(2026, 6, 10, 8, 0, 0, DateTimeKind.Utc);
    private static readonly AppointmentPolicy Policy = AppointmentPolicy.Default;

    [Fact]
    public void The_default_limit_is_24_hours_and_exactly_24_hours_before_is_still_allowed()
    {
        Assert.Equal(TimeSpan.FromHours(24), Policy.ChangeLimit);
        Assert.True(Policy.CanChange(Start, Start.AddHours(-25)));
        Assert.True(Policy.CanChange(Start, Start.AddHours(-24)));
        Assert.False(Policy.CanChange(Start, Start.AddHours(-24).AddTicks(1)));
        Assert.False(Policy.CanChange(Start, Start.AddHours(-1)));
        Assert.Equal(Start.AddHours(-24), Policy.ChangeDeadline(Start));
    }

    [Fact]
    public void The_association_sets_its_own_limit()
    {
        var policy = new AppointmentPolicy { ChangeLimit = TimeSpan.FromHours(48) };
        Assert.False(policy.CanChange(Start, Start.AddHours(-47)));
        Assert.Equal("48 heures", policy.LimitText);
        Assert.Equal("30 minutes", new AppointmentPolicy { ChangeLimit = TimeSpan.FromMinutes(30) }.LimitText);
        Assert.Equal("1 heure", new AppointmentPolicy { ChangeLimit = TimeSpan.FromHours(1) }.LimitText);
        Assert.Throws<DomainRuleException>(() => new AppointmentPolicy { ChangeLimit = TimeSpan.FromHours(-1) });
    }

    [Theory]
    [InlineData(AppointmentAction.Cancel)]
    [InlineData(AppointmentAction.Move)]
    public void A_resident_changes_until_the_limit_and_is_refused_after_it(AppointmentAction action)
    {
        Assert.True(Policy.Allows(AppointmentStatus.Booked, Start, action, Actor.Resident, Start.AddHours(-24)));
        var error = Assert.Throws<DomainRuleException>(() =>
            Policy.Apply(AppointmentStatus.Booked, Start, action, Actor.Resident, Start.AddHours(-23)));
        Assert.Contains("moins de 24 heures avant", error.Message);
        Assert.Contains("Appelez l'association", error.Message);
    }

    [Theory]
    [InlineData(AppointmentAction.Cancel, AppointmentStatus.Cancelled)]
    [InlineData(AppointmentAction.Move, AppointmentStatus.Booked)]
    public void Staff_change_within_the_limit(AppointmentAction action, AppointmentStatus to) =>
        Assert.Equal(to, Policy.Apply(AppointmentStatus.Booked, Start, action, Actor.Staff, Start.AddMinutes(-5)));

    [Theory]
    [InlineData(Actor.Resident, AppointmentAction.Cancel)]
    [InlineData(Actor.Staff, AppointmentAction.Cancel)]
    [InlineData(Actor.Staff, AppointmentAction.Move)]
    public void Nobody_cancels_or_moves_an_appointment_that_has_started(Actor actor, AppointmentAction action)
    {
        var error = Assert.Throws<DomainRuleException>(() => Policy.Apply(AppointmentStatus.Booked, Start, action, actor, Start));
        Assert.Contains("a commencé", error.Message);
    }

    [Theory]
    [InlineData(AppointmentAction.MarkHonoured, AppointmentStatus.Honoured)]
    [InlineData(AppointmentAction.MarkMissed, AppointmentStatus.Missed)]
    public void Staff_mark_an_appointment_from_its_start(AppointmentAction action, AppointmentStatus to)
    {
        Assert.Equal(to, Policy.Apply(AppointmentStatus.Booked, Start, action, Actor.Staff, Start));
        var early = Assert.Throws<DomainRuleException>(() => Policy.Apply(AppointmentStatus.Booked, Start, action, Actor.Staff, Start.AddMinutes(-1)));
        Assert.Contains("avant son heure de début", early.Message);
    }

    [Theory]
    [InlineData(AppointmentAction.MarkHonoured)]
    [InlineData(AppointmentAction.MarkMissed)]
    public void A_resident_never_marks_an_appointment(AppointmentAction action)
    {
        var error = Assert.Throws<DomainRuleException>(() => Policy.Apply(AppointmentStatus.Booked, Start, action, Actor.Resident, Start.AddHours(1)));
        Assert.Contains("Seule l'équipe", error.Message);
    }

    [Fact]
    public void Staff_correct_honoured_and_missed_after_the_fact()
    {
        var later = Start.AddDays(2);
        Assert.Equal(AppointmentStatus.Missed, Policy.Apply(AppointmentStatus.Honoured, Start, AppointmentAction.MarkMissed, Actor.Staff, later));
        Assert.Equal(AppointmentStatus.Honoured, Policy.Apply(AppointmentStatus.Missed, Start, AppointmentAction.MarkHonoured, Actor.Staff, later));
    }

    [Fact]
    public void A_cancelled_appointment_cannot_be_changed()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Policy.Apply(AppointmentStatus.Cancelled, Start, AppointmentAction.Move, Actor.Staff, Start.AddDays(-3)));
        Assert.Equal("Action impossible : un rendez-vous « Annulé » ne peut pas être déplacé.", error.Message);
    }

    [Fact]
    public void The_buttons_follow_who_acts_and_when()
    {
        Assert.Equal([AppointmentAction.Move, AppointmentAction.Cancel],
            Policy.ActionsFor(AppointmentStatus.Booked, Start, Actor.Resident, Start.AddDays(-2)));
        Assert.Empty(Policy.ActionsFor(AppointmentStatus.Booked, Start, Actor.Resident, Start.AddHours(-2)));
        Assert.Equal([AppointmentAction.Move, AppointmentAction.Cancel],
            Policy.ActionsFor(AppointmentStatus.Booked, Start, Actor.Staff, Start.AddHours(-2)));
        Assert.Equal([AppointmentAction.MarkHonoured, AppointmentAction.MarkMissed],
            Policy.ActionsFor(AppointmentStatus.Booked, Start, Actor.Staff, Start.AddMinutes(10)));
        Assert.Empty(Policy.ActionsFor(AppointmentStatus.Cancelled, Start, Actor.Staff, Start.AddMinutes(10)));
    }
}

public class MotifTests
{
    private static readonly Motif Budget = new("Suivi budget", TimeSpan.FromMinutes(45), true, PlaceKinds.Office | PlaceKinds.Phone);
    private static readonly Motif HomeVisit = new("Visite à domicile", TimeSpan.FromMinutes(90), false, PlaceKinds.HomeVisit);

    [Fact]
    public void A_motif_is_held_only_at_its_kinds_of_place()
    {
        Assert.True(Budget.AllowsPlace(PlaceKind.Office));
        Assert.True(Budget.AllowsPlace(PlaceKind.Phone));
        Assert.False(Budget.AllowsPlace(PlaceKind.HomeVisit));
        Assert.Equal([PlaceKind.HomeVisit], HomeVisit.AllowedPlaceKinds.Kinds());
        var error = Assert.Throws<DomainRuleException>(() => Budget.EnsureBookable(PlaceKind.HomeVisit, Actor.Staff));
        Assert.Equal("Le motif « Suivi budget » ne peut pas avoir lieu en « Visite à domicile ».", error.Message);
    }

    [Fact]
    public void A_staff_only_motif_is_refused_to_residents_and_open_to_staff()
    {
        Assert.Null(HomeVisit.RefusalFor(PlaceKind.HomeVisit, Actor.Staff));
        Assert.Contains("ne se réserve pas en ligne", HomeVisit.RefusalFor(PlaceKind.HomeVisit, Actor.Resident));
        Assert.Null(Budget.RefusalFor(PlaceKind.Office, Actor.Resident));
    }

    [Fact]
    public void A_motif_needs_a_name_a_sensible_duration_and_a_place()
    {
        Assert.Throws<DomainRuleException>(() => new Motif(" ", TimeSpan.FromMinutes(30), true, PlaceKinds.Office));
        Assert.Throws<DomainRuleException>(() => new Motif("X", TimeSpan.Zero, true, PlaceKinds.Office));
        Assert.Throws<DomainRuleException>(() => new Motif("X", TimeSpan.FromSeconds(90), true, PlaceKinds.Office));
        Assert.Throws<DomainRuleException>(() => new Motif("X", TimeSpan.FromHours(9), true, PlaceKinds.Office));
        Assert.Throws<DomainRuleException>(() => new Motif("X", TimeSpan.FromMinutes(30), true, PlaceKinds.None));
    }

    [Fact]
    public void The_default_motifs_keep_home_visits_for_staff_at_home()
    {
        Assert.Equal(["Premier accueil", "Suivi budget", "Accès aux droits", "Relogement", "Visite à domicile"], Motif.Defaults.Select(m => m.Name));
        var visit = Motif.Defaults.Single(m => m.Name == "Visite à domicile");
        Assert.False(visit.BookableByResidents);
        Assert.Equal(PlaceKinds.HomeVisit, visit.AllowedPlaceKinds);
        Assert.All(Motif.Defaults.Where(m => m != visit), m => Assert.False(m.AllowsPlace(PlaceKind.HomeVisit)));
    }

    [Fact]
    public void Every_place_kind_is_labelled_in_french()
    {
        foreach (var kind in Enum.GetValues<PlaceKind>())
        {
            Assert.NotEqual(kind.ToString(), kind.Label());
            Assert.True(PlaceKinds.All.Includes(kind));
        }
        Assert.Equal("Permanence de quartier", PlaceKind.Permanence.Label());
    }
}
