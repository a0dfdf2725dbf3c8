using Portal.Domain.Workshops;
using Portal.Domain;

namespace Portal.Tests.Domain.Workshops;

public class WorkshopSessionTests
{
    private static readonly DateTime Starts = new(2026, 6, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Starts.AddDays(-7);

    private static WorkshopSession Full(int seats, params string[] people)
    {
        var session = new WorkshopSession(seats, Starts);
        for (var i = 0; i < people.Length; i++) session.Register(people[i], Now.AddMinutes(i));
        return session;
    }

    [Fact]
    public void People_register_until_the_seats_are_taken_then_join_the_waiting_list_in_order()
    {
        var session = new WorkshopSession(2, Starts);

        Assert.Equal(RegistrationStatus.Registered, session.Register("ana", Now).Status);
        Assert.Equal(RegistrationStatus.Registered, session.Register("ben", Now.AddMinutes(1)).Status);
        var chloe = session.Register("chloe", Now.AddMinutes(2));
        var dan = session.Register("dan", Now.AddMinutes(3));

        Assert.Equal((RegistrationStatus.Waiting, 1), (chloe.Status, chloe.WaitingPosition));
        Assert.Equal((RegistrationStatus.Waiting, 2), (dan.Status, dan.WaitingPosition));
        Assert.Contains("en position 2", dan.Message);
        Assert.Equal(0, session.SeatsLeft);
        Assert.Equal(["ana", "ben"], session.Participants.Select(p => p.PersonId));
        Assert.Equal(["chloe", "dan"], session.WaitingList.Select(p => p.PersonId));
    }

    [Fact]
    public void Registering_twice_is_refused()
    {
        var session = Full(1, "ana", "ben");
        Assert.Equal("Vous êtes déjà inscrit(e) à cette séance.", Assert.Throws<DomainRuleException>(() => session.Register("ana", Now.AddHours(1))).Message);
        Assert.Contains("liste d'attente", Assert.Throws<DomainRuleException>(() => session.Register("ben", Now.AddHours(1))).Message);
    }

    [Fact]
    public void Withdrawing_frees_a_seat_offered_to_the_first_in_line_for_24_hours()
    {
        var session = Full(2, "ana", "ben", "chloe", "dan");
        var when = Now.AddHours(3);

        var outcome = session.Withdraw("ana", when);

        Assert.Equal(RegistrationStatus.Withdrawn, outcome.Status);
        Assert.Equal([new SeatOffer("chloe", when.AddHours(24))], outcome.OffersMade);
        Assert.Equal(RegistrationStatus.Offered, session.Find("chloe")!.Status);
        Assert.Equal(0, session.SeatsLeft);           // the seat is held for chloe
        Assert.Equal(1, session.WaitingPosition("dan"));
        // Someone new does not jump the queue.
        Assert.Equal(RegistrationStatus.Waiting, session.Register("eve", when.AddMinutes(1)).Status);
    }

    [Fact]
    public void Accepting_the_offer_registers()
    {
        var session = Full(1, "ana", "ben");
        session.Withdraw("ana", Now.AddHours(1));

        var outcome = session.AcceptOffer("ben", Now.AddHours(2));

        Assert.Equal(RegistrationStatus.Registered, outcome.Status);
        Assert.Equal(["ben"], session.Participants.Select(p => p.PersonId));
        Assert.Null(session.Find("ben")!.OfferExpiresAtUtc);
    }

    [Fact]
    public void Declining_the_offer_passes_it_to_the_next_person()
    {
        var session = Full(1, "ana", "ben", "chloe");
        session.Withdraw("ana", Now.AddHours(1));

        var outcome = session.DeclineOffer("ben", Now.AddHours(2));

        Assert.Equal(RegistrationStatus.OfferDeclined, outcome.Status);
        Assert.Equal(["chloe"], outcome.OffersMade.Select(o => o.PersonId));
        Assert.Empty(session.WaitingList);
    }

    [Fact]
    public void An_expired_offer_passes_to_the_next_person_when_the_job_settles_it()
    {
        var session = Full(1, "ana", "ben", "chloe");
        session.Withdraw("ana", Now.AddHours(1));

        Assert.Empty(session.SettleExpiredOffers(Now.AddHours(24)).OffersMade); // 1 h to go
        var settled = session.SettleExpiredOffers(Now.AddHours(25));             // exactly at expiry

        Assert.Equal(["ben"], settled.OffersLapsed);
        Assert.Equal([new SeatOffer("chloe", Now.AddHours(49))], settled.OffersMade);
        Assert.Equal(RegistrationStatus.OfferExpired, session.Find("ben")!.Status);
        var late = Assert.Throws<DomainRuleException>(() => session.AcceptOffer("ben", Now.AddHours(26)));
        Assert.Contains("a expiré", late.Message);
    }

    [Fact]
    public void An_expired_offer_is_settled_by_any_operation_before_it_runs()
    {
        var session = Full(1, "ana", "ben", "chloe");
        session.Withdraw("ana", Now.AddHours(1));

        var late = Assert.Throws<DomainRuleException>(() => session.AcceptOffer("ben", Now.AddHours(30)));
        Assert.Contains("a expiré", late.Message);
        // A refused operation changes nothing: the next one (or the job) settles the expiry.
        Assert.Equal(RegistrationStatus.Offered, session.Find("ben")!.Status);

        // A newcomer after expiry: ben's seat went to chloe, the newcomer waits.
        var outcome = session.Register("dan", Now.AddHours(30));
        Assert.Equal(["ben"], outcome.OffersLapsed);
        Assert.Equal(["chloe"], outcome.OffersMade.Select(o => o.PersonId));
        Assert.Equal(RegistrationStatus.Waiting, outcome.Status);
    }

    [Fact]
    public void An_offer_never_runs_past_the_start_of_the_session()
    {
        var session = Full(1, "ana", "ben");
        var outcome = session.Withdraw("ana", Starts.AddHours(-3));
        Assert.Equal(Starts, outcome.OffersMade.Single().ExpiresAtUtc);
    }

    [Fact]
    public void A_waiting_person_who_withdraws_leaves_the_queue_and_the_order_holds()
    {
        var session = Full(1, "ana", "ben", "chloe", "dan");

        var outcome = session.Withdraw("chloe", Now.AddHours(1));

        Assert.Empty(outcome.OffersMade);
        Assert.Equal(["ben", "dan"], session.WaitingList.Select(p => p.PersonId));
        Assert.Equal(2, session.WaitingPosition("dan"));
        Assert.Null(session.WaitingPosition("chloe"));
    }

    [Fact]
    public void Signing_up_again_after_withdrawing_goes_to_the_back_of_the_line()
    {
        var session = Full(1, "ana", "ben", "chloe");
        session.Withdraw("ben", Now.AddHours(1));

        var back = session.Register("ben", Now.AddHours(2));

        Assert.Equal(2, back.WaitingPosition);
        Assert.Equal(["chloe", "ben"], session.WaitingList.Select(p => p.PersonId));
        Assert.Single(session.Registrations, r => r.PersonId == "ben");
    }

    [Fact]
    public void The_waiting_list_is_first_come_first_served_ties_kept_in_load_order()
    {
        var restored = new WorkshopSession(1, Starts,
        [
            new WorkshopRegistration("ana", RegistrationStatus.Registered, Now),
            new WorkshopRegistration("late", RegistrationStatus.Waiting, Now.AddHours(2)),
            new WorkshopRegistration("first", RegistrationStatus.Waiting, Now.AddHours(1)),
            new WorkshopRegistration("second", RegistrationStatus.Waiting, Now.AddHours(1)),
        ]);

        Assert.Equal(["first", "second", "late"], restored.WaitingList.Select(p => p.PersonId));
        Assert.Equal(["first"], restored.Withdraw("ana", Now.AddHours(3)).OffersMade.Select(o => o.PersonId));
    }

    [Fact]
    public void Withdrawing_without_being_registered_is_refused()
    {
        var session = Full(1, "ana");
        var error = Assert.Throws<DomainRuleException>(() => session.Withdraw("zoe", Now));
        Assert.Equal("Vous n'êtes pas inscrit(e) à cette séance.", error.Message);
        Assert.Throws<DomainRuleException>(() => session.DeclineOffer("ana", Now));
    }

    [Fact]
    public void Nobody_registers_or_withdraws_once_the_session_has_started()
    {
        var session = Full(1, "ana");
        Assert.Contains("déjà commencé", Assert.Throws<DomainRuleException>(() => session.Register("ben", Starts)).Message);
        Assert.Contains("déjà commencé", Assert.Throws<DomainRuleException>(() => session.Withdraw("ana", Starts)).Message);
    }

    [Fact]
    public void More_seats_go_to_the_waiting_list_fewer_cannot_drop_below_the_people_holding_one()
    {
        var session = Full(1, "ana", "ben", "chloe");

        var changes = session.ChangeSeats(3, Now.AddHours(1));
        Assert.Equal(["ben", "chloe"], changes.OffersMade.Select(o => o.PersonId));

        var error = Assert.Throws<DomainRuleException>(() => session.ChangeSeats(2, Now.AddHours(2)));
        Assert.Contains("3 personnes", error.Message);
        Assert.Throws<DomainRuleException>(() => new WorkshopSession(0, Starts));
    }

    [Fact]
    public void Fewer_seats_count_an_expired_offer_as_taken_while_someone_waits_to_inherit_it()
    {
        var session = Full(1, "ana", "ben", "chloe");
        session.ChangeSeats(2, Now);                         // ben offered until Now + 24 h, chloe waits
        var later = Now.AddHours(30);

        // Ben's offer has expired but passes to chloe: two seats are still spoken for. The refusal
        // changes nothing.
        var error = Assert.Throws<DomainRuleException>(() => session.ChangeSeats(1, later));
        Assert.Contains("2 personnes", error.Message);
        Assert.Equal(RegistrationStatus.Offered, session.Find("ben")!.Status);

        var changes = session.ChangeSeats(2, later);
        Assert.Equal(["ben"], changes.OffersLapsed);
        Assert.Equal(["chloe"], changes.OffersMade.Select(o => o.PersonId));
    }

    [Fact]
    public void Fewer_seats_can_take_back_an_expired_offer_nobody_waits_for()
    {
        var session = Full(2, "ana", "ben", "chloe");
        session.Withdraw("ana", Now);                        // chloe offered until Now + 24 h

        var changes = session.ChangeSeats(1, Now.AddHours(30));

        Assert.Equal(["chloe"], changes.OffersLapsed);
        Assert.Empty(changes.OffersMade);
        Assert.Equal((1, 0), (session.Seats, session.SeatsLeft));
    }

    [Fact]
    public void Attendance_is_recorded_for_registered_people_from_the_day_of_the_session()
    {
        var session = Full(1, "ana", "ben");

        // The day before (Paris time) is too early; the morning of the session is not.
        var early = Assert.Throws<DomainRuleException>(() => session.RecordAttendance("ana", true, Starts.AddDays(-1)));
        Assert.Contains("à partir du jour de la séance", early.Message);
        session.RecordAttendance("ana", true, Starts.AddHours(-4));
        Assert.True(session.Find("ana")!.Attended);

        session.RecordAttendance("ana", true, Starts);
        Assert.True(session.Find("ana")!.Attended);
        session.RecordAttendance("ana", false, Starts.AddHours(1)); // correction
        Assert.False(session.Find("ana")!.Attended);

        var waiting = Assert.Throws<DomainRuleException>(() => session.RecordAttendance("ben", true, Starts));
        Assert.Contains("personnes inscrites", waiting.Message);
        Assert.Throws<DomainRuleException>(() => session.RecordAttendance("zoe", true, Starts));
    }

    [Fact]
    public void Staff_enrol_a_person_without_account_until_the_end_of_the_session_day()
    {
        var person = ParticipantKeys.HouseholdPerson(42);
        Assert.Equal(42, ParticipantKeys.HouseholdPersonOf(person));
        Assert.Null(ParticipantKeys.HouseholdPersonOf("a-user-id"));

        // Before the start, like anyone: a seat, or the waiting list once full.
        var session = Full(2, "ana");
        Assert.Equal(RegistrationStatus.Registered, session.Enrol(person, Now).Status);
        Assert.Equal("Cette personne est déjà inscrite à la séance.", Assert.Throws<DomainRuleException>(() => session.Enrol(person, Now)).Message);
        Assert.Equal(RegistrationStatus.Waiting, session.Enrol(ParticipantKeys.HouseholdPerson(43), Now).Status);

        // Someone who turns up on the day: added after the start while a seat is free, then marked present.
        var onTheDay = Full(3, "ana");
        Assert.Equal(RegistrationStatus.Registered, onTheDay.Enrol(person, Starts.AddMinutes(20)).Status);
        onTheDay.RecordAttendance(person, true, Starts.AddMinutes(21));
        Assert.True(onTheDay.Find(person)!.Attended);

        var full = Full(1, "ana");
        Assert.Contains("complète", Assert.Throws<DomainRuleException>(() => full.Enrol(person, Starts.AddMinutes(5))).Message);
        Assert.Contains("passée", Assert.Throws<DomainRuleException>(() => Full(3).Enrol(person, Starts.AddDays(1))).Message);
    }

    [Fact]
    public void Offers_stop_once_the_session_has_started()
    {
        var session = Full(1, "ana", "ben");
        session.Withdraw("ana", Now);
        var settled = session.SettleExpiredOffers(Starts.AddDays(1));
        Assert.Equal(["ben"], settled.OffersLapsed);
        Assert.Empty(settled.OffersMade);
    }

    [Fact]
    public void Statuses_and_attendance_are_labelled_in_french()
    {
        foreach (var status in Enum.GetValues<RegistrationStatus>()) Assert.NotEqual(status.ToString(), status.Label());
        Assert.Equal("Présent(e)", RegistrationStatusText.AttendanceLabel(true));
        Assert.Equal("Absent(e)", RegistrationStatusText.AttendanceLabel(false));
        Assert.Contains("Économies d'énergie", RegistrationStatusText.SuggestedThemes);
    }
}
