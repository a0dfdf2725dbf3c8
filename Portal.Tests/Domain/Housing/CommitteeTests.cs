using Portal.Domain;
using Portal.Domain.Housing;
using Portal.Domain.Support;

namespace Portal.Tests.Domain.Housing;

public class CommitteeTests
{
    private static readonly DateOnly SessionDay = new(2026, 9, 15);
    private const string Member = "user-cesf-1";

    private static CommitteeSession Session() => new(committeeId: 1, SessionDay);

    private static Dwelling T3() => new(1, "C3", Typology.T3, Financing.Plai, 410m, 60m, true);

    [Fact]
    public void Allocation_opens_a_six_month_stay_and_makes_the_presenter_the_referent()
    {
        var session = Session();
        var item = session.AddItem(AgendaSubject.Household, 42, Member);
        var entry = new DateOnly(2026, 10, 1);

        var stay = session.DecideAllocation(item, householdId: 42, T3(), new HouseholdComposition(4), entry, []);

        Assert.Equal(42, stay.HouseholdId);
        Assert.Equal(entry, stay.StartsOn);
        Assert.Equal(new DateOnly(2027, 4, 1), stay.EndsOn);
        Assert.Equal(DecisionKind.Allocation, item.Decision!.Kind);
        Assert.Equal(SessionDay, item.Decision.DecidedOn);
        Assert.Equal(entry, item.Decision.EntryOn);
        Assert.Equal(Member, item.NewReferentId);
    }

    [Fact]
    public void Allocation_of_an_occupied_dwelling_is_refused_and_nothing_is_decided()
    {
        var session = Session();
        var item = session.AddItem(AgendaSubject.Household, 42, Member);
        var dwelling = T3();
        Assert.Throws<DomainRuleException>(() => session.DecideAllocation(item, 42, dwelling, new HouseholdComposition(2),
            new DateOnly(2026, 10, 1), [new Occupation(dwelling.Id, new DateOnly(2026, 1, 1), null)]));
        Assert.Null(item.Decision);
    }

    [Fact]
    public void Allocation_of_a_dwelling_too_small_is_refused() =>
        Assert.Contains("au plus 5 personnes", Assert.Throws<DomainRuleException>(() =>
        {
            var session = Session();
            var item = session.AddItem(AgendaSubject.Household, 42, Member);
            session.DecideAllocation(item, 42, T3(), new HouseholdComposition(6), new DateOnly(2026, 10, 1), []);
        }).Message);

    [Fact]
    public void Entry_cannot_precede_the_decision()
    {
        var session = Session();
        var item = session.AddItem(AgendaSubject.Household, 42, Member);
        Assert.Throws<DomainRuleException>(() => session.DecideAllocation(item, 42, T3(), new HouseholdComposition(2), SessionDay.AddDays(-1), []));
    }

    [Fact]
    public void An_item_gets_one_decision_only()
    {
        var session = Session();
        var item = session.AddItem(AgendaSubject.Request, 7, Member);
        session.Postpone(item);
        var error = Assert.Throws<DomainRuleException>(() => session.Refuse(item, "Ressources insuffisantes"));
        Assert.Contains("déjà fait l'objet d'une décision (ajournement) le 15 septembre 2026", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_refusal_needs_a_reason(string reason)
    {
        var session = Session();
        var item = session.AddItem(AgendaSubject.Request, 7, Member);
        Assert.Equal(RefusalRule.ReasonRequired, Assert.Throws<DomainRuleException>(() => session.Refuse(item, reason)).Message);
        session.Refuse(item, "  Hors critères du dispositif ");
        Assert.Equal("Hors critères du dispositif", item.Decision!.Reason);
        Assert.Null(item.NewReferentId);
    }

    [Fact]
    public void Support_decision_opens_the_measure()
    {
        var session = Session();
        var item = session.AddItem(AgendaSubject.Household, 42, Member);
        var measure = session.DecideSupport(item, 42, SupportKind.Asll, Funder.FslDepartment, new DateOnly(2026, 10, 1), 12);
        Assert.Equal(SupportKind.Asll, measure.Kind);
        Assert.Equal(SupportKind.Asll, item.Decision!.SupportKind);
        Assert.Equal(Member, item.NewReferentId);
    }

    [Fact]
    public void Aid_decision_draws_on_the_fund()
    {
        var session = Session();
        var item = session.AddItem(AgendaSubject.Household, 42, Member);
        var grant = session.DecideAid(item, 42, 80m, 3, new DateOnly(2026, 10, 1), [new HousingAidFund(2026, 1000m)], []);
        Assert.Equal(240m, grant.CommittedIn(2026));
        Assert.Equal(80m, item.Decision!.MonthlyAmount);
        Assert.Equal(3, item.Decision.Months);
    }

    [Fact]
    public void Aid_over_the_budget_leaves_the_item_undecided()
    {
        var session = Session();
        var item = session.AddItem(AgendaSubject.Household, 42, Member);
        Assert.Throws<DomainRuleException>(() => session.DecideAid(item, 42, 500m, 3, new DateOnly(2026, 10, 1), [new HousingAidFund(2026, 1000m)], []));
        Assert.Null(item.Decision);
    }

    [Fact]
    public void The_same_situation_is_not_put_twice_on_an_agenda()
    {
        var session = Session();
        session.AddItem(AgendaSubject.Household, 42, Member);
        Assert.Throws<DomainRuleException>(() => session.AddItem(AgendaSubject.Household, 42, "other"));
        session.AddItem(AgendaSubject.Request, 42, Member); // a request is another subject
        Assert.Equal([1, 2], session.Items.Select(i => i.Position));
    }

    [Fact]
    public void An_item_needs_a_presenting_member() =>
        Assert.Throws<DomainRuleException>(() => Session().AddItem(AgendaSubject.Household, 42, " "));

    [Fact]
    public void A_session_closes_only_when_every_item_is_decided_then_is_frozen()
    {
        var session = Session();
        var first = session.AddItem(AgendaSubject.Household, 1, Member);
        var second = session.AddItem(AgendaSubject.Household, 2, Member);
        session.Postpone(first, "Pièces manquantes");
        Assert.Equal("Une situation de l'ordre du jour attend encore sa décision.", Assert.Throws<DomainRuleException>(session.Close).Message);

        session.Refuse(second, "Orientation vers un CHRS");
        session.Close();
        Assert.Equal(SessionStatus.Closed, session.Status);
        Assert.Throws<DomainRuleException>(() => session.AddItem(AgendaSubject.Household, 3, Member));
    }

    [Fact]
    public void A_decided_item_cannot_be_removed_and_an_item_of_another_session_cannot_be_decided()
    {
        var session = Session();
        var decided = session.AddItem(AgendaSubject.Household, 1, Member);
        session.Postpone(decided);
        Assert.Throws<DomainRuleException>(() => session.RemoveItem(decided));

        var other = Session().AddItem(AgendaSubject.Household, 9, Member);
        Assert.Throws<DomainRuleException>(() => session.Postpone(other));
    }

    [Fact]
    public void A_session_moves_until_a_decision_is_taken()
    {
        var session = Session();
        var item = session.AddItem(AgendaSubject.Household, 1, Member);
        session.Reschedule(SessionDay.AddDays(7));
        Assert.Equal(SessionDay.AddDays(7), session.HeldOn);

        session.Postpone(item);
        Assert.Equal(SessionDay.AddDays(7), item.Decision!.DecidedOn);
        var e = Assert.Throws<DomainRuleException>(() => session.Reschedule(SessionDay));
        Assert.Equal("Des décisions sont déjà prises : la date de la séance ne peut plus changer.", e.Message);
        Assert.Equal(SessionDay.AddDays(7), session.HeldOn);
    }

    [Fact]
    public void Removing_an_undecided_item_renumbers_the_agenda()
    {
        var session = Session();
        var first = session.AddItem(AgendaSubject.Household, 1, Member);
        var second = session.AddItem(AgendaSubject.Request, 2, Member);
        var third = session.AddItem(AgendaSubject.Household, 3, Member);

        session.RemoveItem(second);

        Assert.Equal([first, third], session.Items);
        Assert.Equal(2, third.Position);
        // Taken off, it may be put back on.
        Assert.Equal(3, session.AddItem(AgendaSubject.Request, 2, Member).Position);
    }

    [Fact]
    public void Every_kind_is_labelled_in_french()
    {
        Assert.Equal("Commission SIAO", CommitteeKind.SiaoCommission.Label());
        foreach (var kind in Enum.GetValues<CommitteeKind>()) Assert.NotEqual(kind.ToString(), kind.Label());
        foreach (var kind in Enum.GetValues<DecisionKind>()) Assert.NotEqual(kind.ToString(), kind.Label());
        foreach (var kind in Enum.GetValues<ResidenceKind>()) Assert.NotEqual(kind.ToString(), kind.Label());
        Assert.Equal("Pension de famille / maison relais", ResidenceKind.FamilyBoardingHouse.Label());
    }
}
