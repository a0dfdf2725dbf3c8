using Portal.Domain;
using Portal.Domain.Requests;

namespace Portal.Tests.Domain.Requests;

public class RequestStateMachineTests
{
    // The whole table, written out independently of the implementation: a change to one side and
    // not the other fails here.
    private static readonly (RequestStatus From, RequestAction Action, RequestStatus To)[] Expected =
    [
        (RequestStatus.Draft, RequestAction.Submit, RequestStatus.Submitted),
        (RequestStatus.Submitted, RequestAction.TakeInCharge, RequestStatus.UnderReview),
        (RequestStatus.Submitted, RequestAction.RequestDocuments, RequestStatus.DocumentsRequested),
        (RequestStatus.Submitted, RequestAction.Close, RequestStatus.Closed),
        (RequestStatus.UnderReview, RequestAction.RequestDocuments, RequestStatus.DocumentsRequested),
        (RequestStatus.UnderReview, RequestAction.PresentToCommittee, RequestStatus.PresentedToCommittee),
        (RequestStatus.UnderReview, RequestAction.Close, RequestStatus.Closed),
        (RequestStatus.DocumentsRequested, RequestAction.RequestDocuments, RequestStatus.DocumentsRequested),
        (RequestStatus.DocumentsRequested, RequestAction.DocumentsReceived, RequestStatus.UnderReview),
        (RequestStatus.DocumentsRequested, RequestAction.TakeInCharge, RequestStatus.UnderReview),
        (RequestStatus.DocumentsRequested, RequestAction.Close, RequestStatus.Closed),
        (RequestStatus.PresentedToCommittee, RequestAction.Accept, RequestStatus.Accepted),
        (RequestStatus.PresentedToCommittee, RequestAction.Refuse, RequestStatus.Refused),
        (RequestStatus.PresentedToCommittee, RequestAction.PutOnWaitingList, RequestStatus.WaitingList),
        (RequestStatus.PresentedToCommittee, RequestAction.Postpone, RequestStatus.UnderReview),
        (RequestStatus.PresentedToCommittee, RequestAction.Close, RequestStatus.Closed),
        (RequestStatus.WaitingList, RequestAction.OfferHousing, RequestStatus.HousingOffered),
        (RequestStatus.WaitingList, RequestAction.PresentToCommittee, RequestStatus.PresentedToCommittee),
        (RequestStatus.WaitingList, RequestAction.Close, RequestStatus.Closed),
        (RequestStatus.Accepted, RequestAction.OfferHousing, RequestStatus.HousingOffered),
        (RequestStatus.Accepted, RequestAction.Close, RequestStatus.Closed),
        (RequestStatus.HousingOffered, RequestAction.MoveIn, RequestStatus.MovedIn),
        (RequestStatus.HousingOffered, RequestAction.OfferDeclined, RequestStatus.Accepted),
        (RequestStatus.HousingOffered, RequestAction.Close, RequestStatus.Closed),
    ];

    public static TheoryData<RequestStatus, RequestAction, RequestStatus> Allowed()
    {
        var data = new TheoryData<RequestStatus, RequestAction, RequestStatus>();
        foreach (var (from, action, to) in Expected) data.Add(from, action, to);
        return data;
    }

    public static TheoryData<RequestStatus, RequestAction> Refused()
    {
        var data = new TheoryData<RequestStatus, RequestAction>();
        foreach (var from in Enum.GetValues<RequestStatus>())
            foreach (var action in Enum.GetValues<RequestAction>())
                if (!Expected.Any(e => e.From == from && e.Action == action))
                    data.Add(from, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Allowed_move_leads_to_its_status(RequestStatus from, RequestAction action, RequestStatus to)
    {
        Assert.True(RequestStateMachine.CanApply(from, action));
        Assert.Equal(to, RequestStateMachine.Apply(from, action));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Every_other_move_is_refused_with_a_french_reason(RequestStatus from, RequestAction action)
    {
        Assert.False(RequestStateMachine.CanApply(from, action));
        var error = Assert.Throws<DomainRuleException>(() => RequestStateMachine.Apply(from, action));
        Assert.Contains("Action impossible", error.Message);
        Assert.Contains(from.Label(), error.Message);
    }

    [Fact]
    public void The_table_has_no_move_the_tests_do_not_know() =>
        Assert.Equal(Expected.Length, RequestStateMachine.AllowedMoves.Count());

    [Theory]
    [InlineData(RequestStatus.MovedIn)]
    [InlineData(RequestStatus.Closed)]
    [InlineData(RequestStatus.Refused)]
    public void Final_statuses_allow_nothing(RequestStatus status)
    {
        Assert.True(status.IsFinal());
        Assert.Empty(RequestStateMachine.ActionsFrom(status));
    }

    [Fact]
    public void Every_status_is_labelled_and_explained_in_french()
    {
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            Assert.NotEqual(status.ToString(), status.Label());
            Assert.False(string.IsNullOrWhiteSpace(status.Explanation()));
        }
    }
}

public class RentBurdenTests
{
    [Fact]
    public void Housing_benefit_is_deducted_from_the_rent_not_counted_as_resources()
    {
        var burden = RentBurden.From([(IncomeKind.Rsa, 600m), (IncomeKind.FamilyAllowance, 150m), (IncomeKind.HousingBenefit, 250m)], rent: 450m, charges: 50m);
        Assert.Equal(750m, burden.Resources);
        Assert.Equal(250m, burden.ResidualRent);
        Assert.Equal(0.3333m, burden.Rate);
        Assert.True(burden.AboveThreshold);
    }

    [Fact]
    public void Exactly_thirty_percent_is_not_above_the_line()
    {
        var burden = RentBurden.From([(IncomeKind.Salary, 1000m)], rent: 250m, charges: 50m);
        Assert.Equal(0.30m, burden.Rate);
        Assert.False(burden.AboveThreshold);
    }

    [Fact]
    public void Benefit_larger_than_the_rent_leaves_nothing_to_pay()
    {
        var burden = RentBurden.From([(IncomeKind.Aah, 900m), (IncomeKind.HousingBenefit, 400m)], rent: 300m, charges: 20m);
        Assert.Equal(0m, burden.ResidualRent);
        Assert.Equal(0m, burden.Rate);
    }

    [Fact]
    public void No_resources_gives_no_rate_but_flags_a_rent_to_pay()
    {
        var burden = RentBurden.From([], rent: 300m, charges: 20m);
        Assert.Null(burden.Rate);
        Assert.True(burden.AboveThreshold);
    }
}

public class RequestReferenceTests
{
    [Fact]
    public void Reference_has_the_year_and_six_digits() => Assert.Equal("DL-2026-000123", RequestReference.Format(2026, 123));

    [Theory]
    [InlineData("Émilie Lefèvre-Dupont", "EMILIE LEFEVRE DUPONT")]
    [InlineData("  d'Alembert  ", "D ALEMBERT")]
    [InlineData("<script>", "SCRIPT")]
    public void Search_key_folds_accents_case_and_punctuation(string text, string key) =>
        Assert.Equal(key, RequestReference.SearchKey(text));
}
