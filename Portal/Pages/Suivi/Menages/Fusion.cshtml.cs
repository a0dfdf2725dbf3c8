using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Import;

namespace Portal.Pages.Suivi.Menages;

/// Merge two files of the same household: pick the other file (probable duplicates are offered),
/// see both side by side, choose the one to keep, merge. Managers only: a merge cannot be undone.
[Authorize(Roles = Roles.Manager)]
public class FusionModel(PortalDbContext db, HouseholdMerge merge, TimeProvider clock) : PageModel
{
    public const string CompareAction = "Comparaison de dossiers avant fusion";

    public sealed record Candidate(long Id, string Name, string? Team, HouseholdStatus Status, string? Town, bool Probable);

    public HouseholdMerge.Side Me { get; private set; } = null!;
    public HouseholdMerge.Side? Other { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public string? Q { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? autre, string? q, CancellationToken ct)
    {
        var scope = await StaffScope.ForAsync(User, db, ct);
        if (await merge.SideAsync(scope, id, ct) is not { } me) return NotFound();
        Me = me;
        if (autre is { } otherId)
        {
            if (await merge.SideAsync(scope, otherId, ct) is not { } other) return NotFound();
            Other = other;
            Problem = HouseholdMerge.Problem(Me, Other);
            scope.Audit(db, CompareAction, otherId, clock.GetUtcNow().UtcDateTime, $"Comparé au dossier n° {id} avant une fusion.");
            await db.SaveChangesAsync(ct);
            return Page();
        }
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Candidates = await CandidatesAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(long id, long autre, long garder, int versionDossier, int versionAutre, CancellationToken ct)
    {
        if (garder != id && garder != autre) return BadRequest();
        var scope = await StaffScope.ForAsync(User, db, ct);
        var (keepId, keepVersion, goneId, goneVersion) = garder == id ? (id, versionDossier, autre, versionAutre) : (autre, versionAutre, id, versionDossier);
        var outcome = await merge.MergeAsync(scope, keepId, keepVersion, goneId, goneVersion, ct);
        if (outcome is null) return NotFound();
        if (!outcome.Done)
        {
            db.ChangeTracker.Clear();
            Me = (await merge.SideAsync(scope, id, ct))!;
            Other = await merge.SideAsync(scope, autre, ct);
            Problem = outcome.Message;
            return Page();
        }
        TempData["StatusMessage"] = outcome.Message;
        return Redirect($"/suivi/menages/{keepId}");
    }

    /// Files found by name, or else the probable duplicates of this one: a person of the same name
    /// (accents, case and word order ignored) in another file.
    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(StaffScope scope, CancellationToken ct)
    {
        var visible = scope.Visible(db.Households.AsNoTracking()).Where(h => h.Id != Me.Id && h.AnonymisedAtUtc == null);
        if (Q is not null)
        {
            var key = HouseholdFactory.SearchKey(Q);
            if (key.Length == 0) return [];
            return await visible.Where(h => h.SearchName.StartsWith(key)).OrderBy(h => h.SearchName).Take(20)
                .Select(h => new Candidate(h.Id, h.Name, db.Teams.Where(t => t.Id == h.TeamId).Select(t => t.Name).FirstOrDefault(), h.Status, h.Town, false)).ToListAsync(ct);
        }
        var keys = Me.Persons.Select(p => DuplicateIndex.NameKey("", p.Name)).Where(k => k.Length > 0).ToHashSet();
        var firstWords = Me.Persons.Select(p => HouseholdFactory.SearchKey(p.Name).Split(' ')[0]).Where(w => w.Length > 0).Distinct().ToList();
        var found = new List<Candidate>();
        foreach (var word in firstWords)
        {
            var ids = await db.HouseholdPersons.AsNoTracking()
                .Where(p => p.HouseholdId != Me.Id && visible.Any(h => h.Id == p.HouseholdId))
                .Select(p => new { p.HouseholdId, p.FirstName, p.LastName })
                .Where(p => p.LastName.ToUpper().StartsWith(word) || p.FirstName.ToUpper().StartsWith(word))
                .Take(500).ToListAsync(ct);
            var matching = ids.Where(p => keys.Contains(DuplicateIndex.NameKey(p.FirstName, p.LastName))).Select(p => p.HouseholdId).Distinct().ToList();
            if (matching.Count == 0) continue;
            found.AddRange(await visible.Where(h => matching.Contains(h.Id))
                .Select(h => new Candidate(h.Id, h.Name, db.Teams.Where(t => t.Id == h.TeamId).Select(t => t.Name).FirstOrDefault(), h.Status, h.Town, true)).ToListAsync(ct));
        }
        return found.DistinctBy(c => c.Id).Take(20).ToList();
    }
}
