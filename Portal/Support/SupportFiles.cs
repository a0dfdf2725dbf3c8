using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Support;

namespace Portal.Support;

/// The household a support page is about, as the signed-in staff member may see it.
public sealed record HouseholdHeader(long Id, string Name, HouseholdStatus Status, DateOnly? ExitedOn, int? TeamId, string? ReferentId, string? ReferentName);

/// Helpers shared by the support pages (measures, leases, exits, watch list, aid fund).
public static class SupportFiles
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(French.ToParis(clock.GetUtcNow().UtcDateTime));

    /// The household if this person may open it, else null (the page answers 404).
    public static Task<HouseholdHeader?> HouseholdAsync(PortalDbContext db, StaffScope scope, long id, CancellationToken ct) =>
        scope.Visible(db.Households.AsNoTracking())
            .Where(h => h.Id == id)
            .Select(h => new HouseholdHeader(h.Id, h.Name, h.Status, h.ExitedOn, h.TeamId, h.ReferentId, db.Users.Where(u => u.Id == h.ReferentId).Select(u => u.FullName).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);

    /// The household's exit as last recorded, if any.
    public static Task<Exit?> LastExitAsync(PortalDbContext db, long householdId, CancellationToken ct) =>
        db.Exits.AsNoTracking().Where(e => e.HouseholdId == householdId).OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);

    /// A line in the household's journal, so that its file tells the whole story.
    public static JournalEntry Journal(PortalDbContext db, long householdId, StaffScope scope, DateOnly on, JournalKind kind, string text, DateTime nowUtc)
    {
        var entry = new JournalEntry
        {
            HouseholdId = householdId, Kind = kind, OccurredOn = on, AuthorId = scope.UserId, AuthorName = scope.UserName,
            Text = text.Length > 10000 ? text[..10000] : text, CreatedAtUtc = nowUtc,
        };
        db.JournalEntries.Add(entry);
        return entry;
    }

    /// A whole number typed in a form ("12", " 6 "), else null.
    public static int? ParseInt(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// A month typed as 2026-11 (input type="month"), 11/2026, or a full date: its first day.
    public static DateOnly? ParseMonth(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        string[] formats = ["yyyy-MM", "MM/yyyy", "M/yyyy", "yyyy-MM-dd", "dd/MM/yyyy"];
        return DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new DateOnly(d.Year, d.Month, 1) : null;
    }

    public static string MonthLabel(DateOnly month) => month.ToString("MMMM yyyy", French.Culture);

    public const string InvalidNumber = "Écrivez un nombre entier de mois, par exemple 12.";
    public const string InvalidMonth = "Ce mois n'est pas valide : écrivez-le sous la forme mm/aaaa, par exemple 01/2027.";
}
