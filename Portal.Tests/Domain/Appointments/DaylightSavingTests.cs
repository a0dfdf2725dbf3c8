using Portal.Domain.Appointments;

namespace Portal.Tests.Domain.Appointments;

// Europe/Paris moves to summer time on the last Sunday of March (02:00 → 03:00: the hour does not
// exist) and back on the last Sunday of October (03:00 → 02:00: the hour happens twice).
public class DaylightSavingTests
{
    private const string Alice = "worker-alice";
    private const int Office = 1;
    private static readonly DateOnly SpringForward = new(2026, 3, 29);
    private static readonly DateOnly FallBack = new(2026, 10, 25);
    private static readonly DateTime LongBefore = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static Availability SundayHours(int fromHour, int toHour) => new()
    {
        Openings = [new WeeklyOpening(Alice, Office, DayOfWeek.Sunday, new(fromHour, 0), new(toHour, 0))],
    };

    private static IReadOnlyList<Slot> On(Availability availability, DateOnly day, TimeSpan duration) =>
        availability.FreeSlots(new SlotSearch(day, day, duration, LongBefore));

    private static string[] Paris(IEnumerable<Slot> slots) => slots.Select(s => s.Start.ToString("HH:mm zzz")).ToArray();

    private static string[] Utc(IEnumerable<Slot> slots) => slots.Select(s => s.StartUtc.ToString("MM-dd HH:mm")).ToArray();

    [Fact]
    public void Spring_forward_no_slot_in_the_missing_hour()
    {
        var slots = On(SundayHours(1, 4), SpringForward, Hour);

        // 01:00–04:00 on that night lasts two real hours: 01:00 (+01:00), then 03:00 (+02:00).
        Assert.Equal(["01:00 +01:00", "03:00 +02:00"], Paris(slots));
        Assert.Equal(["03-29 00:00", "03-29 01:00"], Utc(slots));
        Assert.DoesNotContain(slots, s => s.Start.Hour == 2);
    }

    [Fact]
    public void Spring_forward_slots_never_overlap_when_the_grid_jumps()
    {
        var slots = On(SundayHours(1, 4), SpringForward, TimeSpan.FromMinutes(45));

        // 01:00 and 01:45 (+01:00); 02:30 does not exist; 03:15 (+02:00) would start 30 real minutes
        // after 01:45 and overlap it, so it is dropped.
        Assert.Equal(["01:00 +01:00", "01:45 +01:00"], Paris(slots));
        for (var i = 1; i < slots.Count; i++) Assert.True(slots[i].StartUtc >= slots[i - 1].EndUtc);
        Assert.All(slots, s => Assert.True(s.EndUtc <= new DateTime(2026, 3, 29, 2, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Spring_forward_office_hours_are_untouched()
    {
        var slots = On(SundayHours(8, 12), SpringForward, Hour);

        Assert.Equal(["08:00 +02:00", "09:00 +02:00", "10:00 +02:00", "11:00 +02:00"], Paris(slots));
        Assert.Equal(["03-29 06:00", "03-29 07:00", "03-29 08:00", "03-29 09:00"], Utc(slots));
    }

    [Fact]
    public void Fall_back_the_repeated_hour_is_offered_once_at_its_first_occurrence()
    {
        var slots = On(SundayHours(1, 4), FallBack, Hour);

        // 02:00 happens at 00:00 UTC (+02:00) and again at 01:00 UTC (+01:00): only the first is a slot.
        Assert.Equal(["01:00 +02:00", "02:00 +02:00", "03:00 +01:00"], Paris(slots));
        Assert.Equal(["10-24 23:00", "10-25 00:00", "10-25 02:00"], Utc(slots));
        Assert.Single(slots, s => s.Start.Hour == 2);
    }

    [Fact]
    public void Fall_back_office_hours_are_untouched()
    {
        var slots = On(SundayHours(8, 12), FallBack, Hour);

        Assert.Equal(["08:00 +01:00", "09:00 +01:00", "10:00 +01:00", "11:00 +01:00"], Paris(slots));
        Assert.Equal(["10-25 07:00", "10-25 08:00", "10-25 09:00", "10-25 10:00"], Utc(slots));
    }

    [Fact]
    public void A_nine_oclock_slot_stays_nine_oclock_across_the_spring_change()
    {
        var availability = new Availability
        {
            Openings = [new WeeklyOpening(Alice, Office, DayOfWeek.Monday, new(9, 0), new(10, 0))],
        };

        var slots = availability.FreeSlots(new SlotSearch(new(2026, 3, 23), new(2026, 3, 30), Hour, LongBefore));

        Assert.Equal(["09:00 +01:00", "09:00 +02:00"], Paris(slots));
        Assert.Equal(["03-23 08:00", "03-30 07:00"], Utc(slots));
    }

    [Fact]
    public void A_nine_oclock_slot_stays_nine_oclock_across_the_autumn_change()
    {
        var availability = new Availability
        {
            Openings = [new WeeklyOpening(Alice, Office, DayOfWeek.Monday, new(9, 0), new(10, 0))],
        };

        var slots = availability.FreeSlots(new SlotSearch(new(2026, 10, 19), new(2026, 10, 26), Hour, LongBefore));

        Assert.Equal(["09:00 +02:00", "09:00 +01:00"], Paris(slots));
        Assert.Equal(["10-19 07:00", "10-26 08:00"], Utc(slots));
    }

    [Fact]
    public void A_booking_in_the_second_pass_of_the_repeated_hour_blocks_by_instant()
    {
        // Booked by staff at 02:30 +01:00 (01:30–02:30 UTC): it overlaps the 03:00 +01:00 slot
        // (02:00 UTC), not the 02:00 +02:00 one (00:00–01:00 UTC), though both read "2 h" on a clock.
        var availability = SundayHours(1, 4) with
        {
            Bookings = [new BookedPeriod(1, Alice, new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Utc), Hour)],
        };

        Assert.Equal(["01:00 +02:00", "02:00 +02:00"], Paris(On(availability, FallBack, Hour)));
    }

    [Fact]
    public void An_absence_boundary_in_the_missing_hour_is_pushed_forward()
    {
        // Away until 02:30, which does not exist: read as 03:30 +02:00, so the 03:00 slot is removed.
        var availability = SundayHours(1, 5) with
        {
            Absences = [new Unavailability(Alice, new LocalRange(SpringForward.ToDateTime(new(0, 0)), SpringForward.ToDateTime(new(2, 30))))],
        };

        Assert.Equal(["04:00 +02:00"], Paris(On(availability, SpringForward, Hour)));
    }

    [Fact]
    public void Paris_time_conversions_follow_the_rules()
    {
        Assert.False(ParisTime.TryStartToUtc(new DateTime(2026, 3, 29, 2, 30, 0), out _));
        Assert.True(ParisTime.TryStartToUtc(new DateTime(2026, 10, 25, 2, 30, 0), out var ambiguous));
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), ambiguous);
        Assert.Equal(DateTimeKind.Utc, ambiguous.Kind);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), ParisTime.BoundaryToUtc(new DateTime(2026, 3, 29, 2, 30, 0)));
        Assert.Equal(TimeSpan.FromHours(2), ParisTime.FromUtc(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), ParisTime.FromUtc(new DateTime(2026, 3, 29, 0, 59, 0, DateTimeKind.Utc)).Offset);
    }
}
