using Portal.Domain.Formatting;

namespace Portal.Domain.Appointments;

/// Paris wall-clock times and UTC instants, across the daylight-saving changes.
///
/// On the last Sunday of March, 02:00–03:00 does not exist; on the last Sunday of October,
/// 02:00–03:00 happens twice (first at +02:00, then at +01:00). The rules:
/// - a slot may not start at a time that does not exist (it is skipped);
/// - a repeated time means its first occurrence only, so the second pass of the hour offers no
///   slot and a person never sees the same time twice in one day;
/// - a range boundary (end of opening hours, of a leave…) that does not exist is pushed forward by
///   the length of the gap (02:30 → 03:30), so a range keeps its wall-clock length.
public static class ParisTime
{
    public static TimeZoneInfo Zone => French.Paris;

    /// The instant a slot starting at this Paris time begins, or false when the time does not exist.
    public static bool TryStartToUtc(DateTime paris, out DateTime utc)
    {
        var local = DateTime.SpecifyKind(paris, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            utc = default;
            return false;
        }
        utc = DateTime.SpecifyKind(local - OffsetOf(local), DateTimeKind.Utc);
        return true;
    }

    /// The instant of a range boundary at this Paris time (never fails; see the class rules).
    public static DateTime BoundaryToUtc(DateTime paris)
    {
        var local = DateTime.SpecifyKind(paris, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap: read it a day earlier, well clear of it.
            var before = Zone.GetUtcOffset(DateTime.SpecifyKind(local.AddDays(-1), DateTimeKind.Utc));
            return DateTime.SpecifyKind(local - before, DateTimeKind.Utc);
        }
        return DateTime.SpecifyKind(local - OffsetOf(local), DateTimeKind.Utc);
    }

    /// The Paris time of an instant, with its offset (+01:00 in winter, +02:00 in summer).
    public static DateTimeOffset FromUtc(DateTime utc)
    {
        var u = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var offset = Zone.GetUtcOffset(u);
        return new DateTimeOffset(DateTime.SpecifyKind(u + offset, DateTimeKind.Unspecified), offset);
    }

    // For a repeated time, the first occurrence is the one with the larger offset (summer time).
    private static TimeSpan OffsetOf(DateTime local) =>
        Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
}
