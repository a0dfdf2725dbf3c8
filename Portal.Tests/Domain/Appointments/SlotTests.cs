using Portal.Domain;
using Portal.Domain.Appointments;

namespace Portal.Tests.Domain.Appointments;

public class SlotTests
{
    private const string Alice = "worker-alice";
    private const string Bruno = "worker-bruno";
    private const int Office = 1;
    private const int Permanence = 2;

    // Monday 1 June 2026 is in summer time (+02:00); "now" is well before it.
    private static readonly DateOnly Monday = new(2026, 6, 1);
    private static readonly DateTime LongBefore = new(2026, 5, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static WeeklyOpening Opening(string worker, int place, DayOfWeek day, int fromHour, int toHour) =>
        new(worker, place, day, new TimeOnly(fromHour, 0), new TimeOnly(toHour, 0));

    private static SlotSearch Search(DateOnly first, DateOnly last, TimeSpan duration, DateTime? now = null) =>
        new(first, last, duration, now ?? LongBefore);

    private static string[] Times(IEnumerable<Slot> slots) =>
        slots.Select(s => s.Start.ToString("yyyy-MM-dd HH:mm zzz")).ToArray();

    [Fact]
    public void Weekly_hours_give_slots_on_their_day_only_in_paris_time()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 12), Opening(Alice, Office, DayOfWeek.Wednesday, 14, 16)],
        };

        var slots = availability.FreeSlots(Search(Monday, Monday.AddDays(6), Hour));

        Assert.Equal(
            ["2026-06-01 09:00 +02:00", "2026-06-01 10:00 +02:00", "2026-06-01 11:00 +02:00",
             "2026-06-03 14:00 +02:00", "2026-06-03 15:00 +02:00"],
            Times(slots));
        Assert.All(slots, s => Assert.Equal((Alice, Office), (s.WorkerId, s.PlaceId)));
        Assert.Equal(new DateTime(2026, 6, 1, 7, 0, 0, DateTimeKind.Utc), slots[0].StartUtc);
        Assert.Equal(new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), slots[0].EndUtc);
        Assert.Equal(Monday, slots[0].Day);
        Assert.Equal(new TimeOnly(9, 0), slots[0].StartTime);
    }

    [Fact]
    public void The_motif_duration_sets_the_step_and_the_last_slot_must_fit()
    {
        var availability = new Availability { Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 11)] };

        var slots = availability.FreeSlots(Search(Monday, Monday, TimeSpan.FromMinutes(45)));

        // 9:00, 9:45; 10:30 would end at 11:15, past closing.
        Assert.Equal(["2026-06-01 09:00 +02:00", "2026-06-01 09:45 +02:00"], Times(slots));
        Assert.Equal(TimeSpan.FromMinutes(45), slots[1].EndUtc - slots[1].StartUtc);
    }

    [Fact]
    public void A_finer_granularity_offers_more_starts()
    {
        var availability = new Availability { Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 11)] };

        var slots = availability.FreeSlots(Search(Monday, Monday, Hour) with { Step = TimeSpan.FromMinutes(30) });

        Assert.Equal(["2026-06-01 09:00 +02:00", "2026-06-01 09:30 +02:00", "2026-06-01 10:00 +02:00"], Times(slots));
    }

    [Fact]
    public void Openings_limited_in_dates_apply_only_between_them()
    {
        var availability = new Availability
        {
            Openings =
            [
                new WeeklyOpening(Alice, Office, DayOfWeek.Monday, new(9, 0), new(10, 0), until: Monday),
                new WeeklyOpening(Alice, Office, DayOfWeek.Monday, new(14, 0), new(15, 0), from: Monday.AddDays(7)),
            ],
        };

        var slots = availability.FreeSlots(Search(Monday, Monday.AddDays(13), Hour));

        Assert.Equal(["2026-06-01 09:00 +02:00", "2026-06-08 14:00 +02:00"], Times(slots));
    }

    [Fact]
    public void Slots_of_several_workers_and_places_are_sorted_and_filterable()
    {
        var availability = new Availability
        {
            Openings = [Opening(Bruno, Permanence, DayOfWeek.Monday, 9, 10), Opening(Alice, Office, DayOfWeek.Monday, 9, 11)],
        };

        var all = availability.FreeSlots(Search(Monday, Monday, Hour));
        Assert.Equal([(Alice, Office, 9), (Bruno, Permanence, 9), (Alice, Office, 10)],
            all.Select(s => (s.WorkerId, s.PlaceId, s.Start.Hour)).ToArray());

        Assert.Single(availability.FreeSlots(Search(Monday, Monday, Hour) with { PlaceId = Permanence }));
        Assert.Equal(2, availability.FreeSlots(Search(Monday, Monday, Hour) with { WorkerId = Alice }).Count);
    }

    [Fact]
    public void A_whole_day_of_leave_removes_the_day()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 12), Opening(Alice, Office, DayOfWeek.Tuesday, 9, 10)],
            Absences = [new Unavailability(Alice, LocalRange.WholeDays(Monday, Monday), Reason: "Congés")],
        };

        Assert.Equal(["2026-06-02 09:00 +02:00"], Times(availability.FreeSlots(Search(Monday, Monday.AddDays(1), Hour))));
    }

    [Fact]
    public void A_partial_absence_removes_every_slot_it_touches()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 13)],
            // Training 10:30–11:00: the 10:00 slot overlaps it, 11:00 starts as it ends.
            Absences = [new Unavailability(Alice, LocalRange.On(Monday, new(10, 30), new(11, 0)), Reason: "Formation")],
        };

        Assert.Equal(["2026-06-01 09:00 +02:00", "2026-06-01 11:00 +02:00", "2026-06-01 12:00 +02:00"],
            Times(availability.FreeSlots(Search(Monday, Monday, Hour))));
    }

    [Fact]
    public void An_absence_at_one_place_leaves_the_other_places_open()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Permanence, DayOfWeek.Monday, 9, 10), Opening(Alice, Office, DayOfWeek.Monday, 14, 15)],
            Absences = [new Unavailability(Alice, LocalRange.WholeDays(Monday, Monday), PlaceId: Permanence, Reason: "Permanence fermée")],
        };

        var slots = availability.FreeSlots(Search(Monday, Monday, Hour));

        Assert.Equal([(Office, 14)], slots.Select(s => (s.PlaceId, s.Start.Hour)).ToArray());
    }

    [Fact]
    public void An_absence_of_one_worker_does_not_touch_another()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 10), Opening(Bruno, Office, DayOfWeek.Monday, 9, 10)],
            Absences = [new Unavailability(Alice, LocalRange.WholeDays(Monday, Monday))],
        };

        Assert.Equal([Bruno], availability.FreeSlots(Search(Monday, Monday, Hour)).Select(s => s.WorkerId).ToArray());
    }

    [Fact]
    public void An_extra_opening_adds_slots_outside_the_weekly_hours()
    {
        var saturday = Monday.AddDays(5);
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 10)],
            ExtraOpenings = [new ExtraOpening(Alice, Permanence, LocalRange.On(saturday, new(9, 30), new(11, 30)))],
        };

        var slots = availability.FreeSlots(Search(Monday, saturday, Hour));

        Assert.Equal(["2026-06-01 09:00 +02:00", "2026-06-06 09:30 +02:00", "2026-06-06 10:30 +02:00"], Times(slots));
        Assert.Equal(Permanence, slots[1].PlaceId);
    }

    [Fact]
    public void An_extra_opening_outside_the_searched_days_is_ignored()
    {
        var availability = new Availability
        {
            ExtraOpenings = [new ExtraOpening(Alice, Office, LocalRange.On(Monday.AddDays(10), new(9, 0), new(10, 0)))],
        };

        Assert.Empty(availability.FreeSlots(Search(Monday, Monday.AddDays(6), Hour)));
    }

    [Fact]
    public void An_extra_opening_overlapping_the_weekly_hours_gives_no_duplicate()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 11)],
            ExtraOpenings = [new ExtraOpening(Alice, Office, LocalRange.On(Monday, new(10, 0), new(12, 0)))],
        };

        Assert.Equal(["2026-06-01 09:00 +02:00", "2026-06-01 10:00 +02:00", "2026-06-01 11:00 +02:00"],
            Times(availability.FreeSlots(Search(Monday, Monday, Hour))));
    }

    [Fact]
    public void An_absence_wins_over_an_extra_opening()
    {
        var availability = new Availability
        {
            ExtraOpenings = [new ExtraOpening(Alice, Office, LocalRange.On(Monday, new(9, 0), new(11, 0)))],
            Absences = [new Unavailability(Alice, LocalRange.WholeDays(Monday, Monday), Reason: "Arrêt maladie")],
        };

        Assert.Empty(availability.FreeSlots(Search(Monday, Monday, Hour)));
    }

    [Fact]
    public void A_booking_removes_the_slots_it_overlaps_at_every_place_of_that_worker()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 12), Opening(Alice, Permanence, DayOfWeek.Monday, 9, 12)],
            // A home visit 9:30–10:30 Paris (07:30–08:30 UTC), booked elsewhere.
            Bookings = [new BookedPeriod(7, Alice, new DateTime(2026, 6, 1, 7, 30, 0, DateTimeKind.Utc), Hour)],
        };

        var slots = availability.FreeSlots(Search(Monday, Monday, Hour));

        Assert.Equal([(Office, 11), (Permanence, 11)], slots.Select(s => (s.PlaceId, s.Start.Hour)).ToArray());
    }

    [Fact]
    public void A_booking_ending_when_a_slot_starts_leaves_it_free()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 11)],
            Bookings = [new BookedPeriod(7, Alice, new DateTime(2026, 6, 1, 7, 0, 0, DateTimeKind.Utc), Hour)],
        };

        Assert.Equal(["2026-06-01 10:00 +02:00"], Times(availability.FreeSlots(Search(Monday, Monday, Hour))));
    }

    [Fact]
    public void Another_workers_booking_does_not_take_the_slot()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 10)],
            Bookings = [new BookedPeriod(7, Bruno, new DateTime(2026, 6, 1, 7, 0, 0, DateTimeKind.Utc), Hour)],
        };

        Assert.Single(availability.FreeSlots(Search(Monday, Monday, Hour)));
    }

    [Fact]
    public void Moving_an_appointment_sees_its_own_time_as_free()
    {
        var availability = new Availability
        {
            Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 11)],
            Bookings = [new BookedPeriod(7, Alice, new DateTime(2026, 6, 1, 7, 0, 0, DateTimeKind.Utc), Hour)],
        };

        var slots = availability.FreeSlots(Search(Monday, Monday, Hour) with { IgnoringAppointmentId = 7 });

        Assert.Equal(2, slots.Count);
        Assert.Single(availability.FreeSlots(Search(Monday, Monday, Hour) with { IgnoringAppointmentId = 8 }));
    }

    [Fact]
    public void Past_slots_and_slots_inside_the_minimum_notice_are_not_offered()
    {
        var availability = new Availability { Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 14)] };
        // 10:15 Paris: 9:00 and 10:00 are past or started; with 2 h notice 11:00 and 12:00 are too
        // close (12:00 is 1 h 45 ahead); 13:00 is offered.
        var now = new DateTime(2026, 6, 1, 8, 15, 0, DateTimeKind.Utc);

        Assert.Equal(["2026-06-01 13:00 +02:00"],
            Times(availability.FreeSlots(Search(Monday, Monday, Hour, now) with { MinimumNotice = TimeSpan.FromHours(2) })));
        Assert.Equal(["2026-06-01 11:00 +02:00", "2026-06-01 12:00 +02:00", "2026-06-01 13:00 +02:00"],
            Times(availability.FreeSlots(Search(Monday, Monday, Hour, now) with { MinimumNotice = TimeSpan.Zero })));
    }

    [Fact]
    public void A_slot_starting_exactly_at_the_notice_is_offered()
    {
        var availability = new Availability { Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 11)] };
        var now = new DateTime(2026, 6, 1, 5, 0, 0, DateTimeKind.Utc); // 7:00 Paris

        var slots = availability.FreeSlots(Search(Monday, Monday, Hour, now) with { MinimumNotice = TimeSpan.FromHours(2) });

        Assert.Equal("2026-06-01 09:00 +02:00", Times(slots)[0]);
    }

    [Fact]
    public void The_default_search_uses_the_policy_notice_of_two_hours()
    {
        var search = AppointmentPolicy.Default.Search(Monday, Monday, Hour, LongBefore);
        Assert.Equal(TimeSpan.FromHours(2), search.MinimumNotice);
        Assert.Equal(TimeSpan.FromHours(2), new SlotSearch(Monday, Monday, Hour, LongBefore).MinimumNotice);
    }

    [Fact]
    public void A_slot_is_still_offered_until_someone_takes_it()
    {
        var start = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc); // 10:00 Paris
        var open = new Availability { Openings = [Opening(Alice, Office, DayOfWeek.Monday, 9, 12)] };
        var search = Search(Monday, Monday.AddDays(30), Hour);

        Assert.True(open.IsOffered(search, Alice, Office, start));
        Assert.False(open.IsOffered(search, Alice, Permanence, start));
        Assert.False(open.IsOffered(search, Bruno, Office, start));
        Assert.False(open.IsOffered(search, Alice, Office, start.AddMinutes(30)));

        var taken = open with { Bookings = [new BookedPeriod(1, Alice, start.AddMinutes(-30), Hour)] };
        Assert.False(taken.IsOffered(search, Alice, Office, start));
        var error = Assert.Throws<DomainRuleException>(() => taken.EnsureOffered(search, Alice, Office, start));
        Assert.Equal("Ce créneau n'est plus disponible. Choisissez-en un autre.", error.Message);
    }

    [Fact]
    public void Staff_setting_a_time_by_hand_are_stopped_only_by_an_overlap()
    {
        var availability = new Availability
        {
            Bookings = [new BookedPeriod(1, Alice, new DateTime(2026, 6, 1, 16, 0, 0, DateTimeKind.Utc), Hour)],
        };

        availability.EnsureWorkerFree(Alice, UtcRange.Of(new DateTime(2026, 6, 1, 17, 0, 0, DateTimeKind.Utc), Hour));
        availability.EnsureWorkerFree(Alice, UtcRange.Of(new DateTime(2026, 6, 1, 16, 30, 0, DateTimeKind.Utc), Hour), ignoringAppointmentId: 1);
        var error = Assert.Throws<DomainRuleException>(() =>
            availability.EnsureWorkerFree(Alice, UtcRange.Of(new DateTime(2026, 6, 1, 16, 30, 0, DateTimeKind.Utc), Hour)));
        Assert.Contains("déjà un rendez-vous", error.Message);
    }

    [Fact]
    public void Opening_hours_must_end_after_they_start()
    {
        var error = Assert.Throws<DomainRuleException>(() => new WeeklyOpening(Alice, Office, DayOfWeek.Monday, new(12, 0), new(9, 0)));
        Assert.Equal("L'heure de fin doit être après l'heure de début.", error.Message);
        Assert.Throws<DomainRuleException>(() => new WeeklyOpening(Alice, Office, DayOfWeek.Monday, new(9, 0), new(12, 0), Monday, Monday.AddDays(-1)));
    }

    [Fact]
    public void Overlapping_weekly_hours_of_one_worker_are_a_conflict()
    {
        var morning = Opening(Alice, Office, DayOfWeek.Monday, 9, 12);

        Assert.True(morning.ConflictsWith(Opening(Alice, Permanence, DayOfWeek.Monday, 11, 13)));
        Assert.False(morning.ConflictsWith(Opening(Alice, Permanence, DayOfWeek.Monday, 12, 13)));
        Assert.False(morning.ConflictsWith(Opening(Alice, Permanence, DayOfWeek.Tuesday, 9, 12)));
        Assert.False(morning.ConflictsWith(Opening(Bruno, Office, DayOfWeek.Monday, 9, 12)));
        var untilJune = new WeeklyOpening(Alice, Office, DayOfWeek.Monday, new(9, 0), new(12, 0), until: Monday);
        var fromJuly = new WeeklyOpening(Alice, Permanence, DayOfWeek.Monday, new(9, 0), new(12, 0), from: Monday.AddDays(30));
        Assert.False(untilJune.ConflictsWith(fromJuly));
    }
}
