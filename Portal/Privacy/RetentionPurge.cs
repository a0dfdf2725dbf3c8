using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Support;
using Portal.Domain.Work;
using Portal.Domain.Requests;

namespace Portal.Privacy;

/// Applies <see cref="RetentionPolicy"/> in small batches, each its own transaction: killed at any
/// point, what is done stays done and the next run takes the rest; run twice, it finds nothing left.
public sealed class RetentionPurge(PortalDbContext db, TimeProvider clock)
{
    public const int BatchSize = 200;
    public const string AnonymisedName = "Ménage anonymisé";

    public sealed record Counts(int Requests, int Households, int AuditLines, int EmailBodies, int ImportFiles);

    public async Task<Counts> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var requests = 0;
        while (await DeleteRequestsAsync(await DueRequests(now).Take(BatchSize).ToListAsync(ct), ct) is var n and > 0) requests += n;
        var households = 0;
        while (await AnonymiseAsync(await DueHouseholds(now).Take(BatchSize).ToListAsync(ct), now, ct) is var n and > 0) households += n;
        var audit = 0;
        var auditCutoff = RetentionPolicy.AccessLog.Cutoff(now);
        while (true)
        {
            var ids = await db.AuditEntries.Where(a => a.AtUtc < auditCutoff).OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize * 10).ToListAsync(ct);
            if (ids.Count == 0) break;
            audit += await db.AuditEntries.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
        }
        var emails = 0;
        var mailCutoff = RetentionPolicy.EmailBodies.Cutoff(now);
        while (true)
        {
            var ids = await db.OutboundEmails
                .Where(e => e.Status == WorkStatus.Done && e.CompletedAtUtc < mailCutoff && (e.TextBody != "" || e.HtmlBody != "" || e.AttachmentContent != null))
                .OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize * 10).ToListAsync(ct);
            if (ids.Count == 0) break;
            emails += await db.OutboundEmails.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.TextBody, "")
                .SetProperty(e => e.HtmlBody, "")
                .SetProperty(e => e.AttachmentContent, (byte[]?)null), ct);
        }
        // The last message to an erased person forgets its address once sent (the send job does it;
        // this catches a row whose job died in between).
        await db.OutboundEmails.Where(e => e.ForgetWhenSent && e.Status == WorkStatus.Done && e.ToAddress != "")
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ToAddress, "").SetProperty(e => e.ToName, (string?)null)
                .SetProperty(e => e.TextBody, "").SetProperty(e => e.HtmlBody, ""), ct);
        var imports = 0;
        while (await DueImportBatches(now).Take(BatchSize / 10).ToListAsync(ct) is { Count: > 0 } batches)
            foreach (var id in batches) imports += await PurgeImportAsync(id, now, ct);
        return new Counts(requests, households, audit, emails, imports);
    }

    /// Requests that no household file came from, untouched since the period, and not on hold, as
    /// of this instant (now for the purge, a month ahead for the managers' preview).
    public IQueryable<long> DueRequests(DateTime asOfUtc) => DueRequestRows(asOfUtc).Select(r => r.Id);

    public IQueryable<HousingRequest> DueRequestRows(DateTime asOfUtc, bool includeHeld = false)
    {
        var cutoff = RetentionPolicy.UnfollowedRequests.Cutoff(asOfUtc);
        var followed = db.Households.Where(h => h.HousingRequestId != null).Select(h => h.HousingRequestId!.Value);
        var held = db.LegalHolds.Where(h => h.LiftedAtUtc == null && h.HousingRequestId != null).Select(h => h.HousingRequestId!.Value);
        var due = db.HousingRequests.Where(r => r.UpdatedAtUtc < cutoff && !followed.Contains(r.Id));
        return (includeHeld ? due : due.Where(r => !held.Contains(r.Id))).OrderBy(r => r.Id);
    }

    public IQueryable<long> DueHouseholds(DateTime asOfUtc) => DueHouseholdRows(asOfUtc).Select(h => h.Id);

    public IQueryable<Household> DueHouseholdRows(DateTime asOfUtc, bool includeHeld = false)
    {
        var cutoff = DateOnly.FromDateTime(RetentionPolicy.ClosedHouseholds.Cutoff(asOfUtc));
        var held = db.LegalHolds.Where(h => h.LiftedAtUtc == null && h.HouseholdId != null).Select(h => h.HouseholdId!.Value);
        var due = db.Households.Where(h => h.Status == HouseholdStatus.Exited && h.AnonymisedAtUtc == null && h.ExitedOn != null && h.ExitedOn < cutoff);
        return (includeHeld ? due : due.Where(h => !held.Contains(h.Id))).OrderBy(h => h.Id);
    }

    /// Import files past their period: imported ones whose rows are still there, and files left
    /// at the columns or the preview. A file being imported is left to its run.
    public IQueryable<long> DueImportBatches(DateTime asOfUtc)
    {
        var cutoff = RetentionPolicy.ImportFiles.Cutoff(asOfUtc);
        return db.ImportBatches
            .Where(b => (b.Stage == ImportStage.Imported && b.RowsPurgedAtUtc == null && b.ImportedAtUtc < cutoff)
                     || ((b.Stage == ImportStage.Mapping || b.Stage == ImportStage.Preview) && b.CreatedAtUtc < cutoff))
            .OrderBy(b => b.Id).Select(b => b.Id);
    }

    /// One import file, in one transaction: an imported file loses its rows (and its run's last
    /// error, which may quote a cell) and keeps its report; a file never imported goes whole.
    private async Task<int> PurgeImportAsync(long batchId, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var imported = await db.ImportBatches.Where(b => b.Id == batchId && b.Stage == ImportStage.Imported && b.RowsPurgedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.RowsPurgedAtUtc, now), ct);
        if (imported > 0)
        {
            await db.ImportRows.Where(r => r.ImportBatchId == batchId).ExecuteDeleteAsync(ct);
            await db.ImportRuns.Where(r => r.ImportBatchId == batchId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastError, (string?)null), ct);
        }
        else
        {
            var abandoned = db.ImportBatches.Where(b => b.Id == batchId && (b.Stage == ImportStage.Mapping || b.Stage == ImportStage.Preview));
            await db.ImportRows.Where(r => abandoned.Any(b => b.Id == r.ImportBatchId)).ExecuteDeleteAsync(ct);
            imported = await abandoned.ExecuteDeleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        return imported;
    }

    /// Deletes these requests with everything hanging from them, in one transaction.
    public async Task<int> DeleteRequestsAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Appointments.Where(a => a.HousingRequestId != null && ids.Contains(a.HousingRequestId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.HousingRequestId, (long?)null), ct);
        await db.LegalHolds.Where(h => h.HousingRequestId != null && ids.Contains(h.HousingRequestId.Value)).ExecuteDeleteAsync(ct);
        await db.SiaoValidations.Where(v => v.HousingRequestId != null && ids.Contains(v.HousingRequestId.Value)).ExecuteDeleteAsync(ct);
        await db.RequestDocuments.Where(d => ids.Contains(d.HousingRequestId)).ExecuteDeleteAsync(ct);
        await db.RequestedDocuments.Where(d => ids.Contains(d.HousingRequestId)).ExecuteDeleteAsync(ct);
        await db.RequestMessages.Where(d => ids.Contains(d.HousingRequestId)).ExecuteDeleteAsync(ct);
        await db.RequestEvents.Where(d => ids.Contains(d.HousingRequestId)).ExecuteDeleteAsync(ct);
        await db.IncomeLines.Where(d => ids.Contains(d.HousingRequestId)).ExecuteDeleteAsync(ct);
        await db.HouseholdMembers.Where(d => ids.Contains(d.HousingRequestId)).ExecuteDeleteAsync(ct);
        var n = await db.HousingRequests.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return n;
    }

    /// Anonymises these households as the policy says, in one transaction, then deletes the requests they came from.
    public async Task<int> AnonymiseAsync(List<long> ids, DateTime now, CancellationToken ct)
    {
        if (ids.Count == 0) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var requestIds = await db.Households.Where(h => ids.Contains(h.Id) && h.HousingRequestId != null)
            .Select(h => h.HousingRequestId!.Value).ToListAsync(ct);
        await db.Households.Where(h => ids.Contains(h.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(h => h.Name, AnonymisedName)
            .SetProperty(h => h.SearchName, AnonymisedName.ToUpperInvariant())
            .SetProperty(h => h.Phone, (string?)null)
            .SetProperty(h => h.Email, (string?)null)
            .SetProperty(h => h.Address, (string?)null)
            .SetProperty(h => h.SituationDetails, (string?)null)
            .SetProperty(h => h.ResidentId, (string?)null)
            .SetProperty(h => h.HousingRequestId, (long?)null)
            .SetProperty(h => h.AnonymisedAtUtc, now), ct);
        // Who lived there is kept as relationships and birth years, for the yearly figures: a birth
        // date becomes the 1st of January of its year.
        await db.HouseholdPersons.Where(p => ids.Contains(p.HouseholdId)).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.FirstName, "—")
            .SetProperty(p => p.LastName, "—"), ct);
        var births = await db.HouseholdPersons.Where(p => ids.Contains(p.HouseholdId) && p.BirthDate != null)
            .Select(p => new { p.Id, p.BirthDate }).ToListAsync(ct);
        foreach (var year in births.GroupBy(b => b.BirthDate!.Value.Year))
        {
            var persons = year.Where(b => b.BirthDate!.Value.DayOfYear != 1).Select(b => b.Id).ToList();
            if (persons.Count == 0) continue;
            var first = new DateOnly(year.Key, 1, 1);
            await db.HouseholdPersons.Where(p => persons.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.BirthDate, first), ct);
        }
        await db.HouseholdPartners.Where(p => ids.Contains(p.HouseholdId)).ExecuteDeleteAsync(ct);
        await db.JournalEntries.Where(j => ids.Contains(j.HouseholdId)).ExecuteDeleteAsync(ct);
        await db.DocumentRequests.Where(d => d.HouseholdId != null && ids.Contains(d.HouseholdId.Value)).ExecuteDeleteAsync(ct);
        var measures = db.SupportMeasures.Where(m => ids.Contains(m.HouseholdId)).Select(m => (long?)m.Id);
        await db.Diagnostics.Where(d => measures.Contains(d.SupportMeasureId)).ExecuteDeleteAsync(ct);
        var axes = db.Set<ActionAxis>().Where(a => measures.Contains(EF.Property<long?>(a, "SupportMeasureId"))).Select(a => (long?)a.Id);
        await db.Set<AxisNote>().Where(n => axes.Contains(EF.Property<long?>(n, "ActionAxisId"))).ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "—"), ct);
        await db.Set<Review>().Where(r => measures.Contains(EF.Property<long?>(r, "SupportMeasureId"))).ExecuteUpdateAsync(s => s.SetProperty(r => r.Summary, (string?)null), ct);
        var entries = db.WatchListEntries.Where(w => ids.Contains(w.HouseholdId)).Select(w => (long?)w.Id);
        await db.Set<WatchNote>().Where(n => entries.Contains(EF.Property<long?>(n, "WatchListEntryId"))).ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "—"), ct);
        await db.WatchListEntries.Where(w => ids.Contains(w.HouseholdId)).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Reason, "—").SetProperty(w => w.LiftReason, (string?)null), ct);
        await db.Incidents.Where(i => i.HouseholdId != null && ids.Contains(i.HouseholdId.Value)).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Description, "—").SetProperty(i => i.FollowUp, (string?)null), ct);
        await db.Exits.Where(e => ids.Contains(e.HouseholdId)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, (string?)null), ct);
        // A mediation is counted in the yearly figures by issue and outcome; what was written about it goes.
        await db.Mediations.Where(m => ids.Contains(m.HouseholdId)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Details, (string?)null).SetProperty(m => m.OutcomeDetails, (string?)null), ct);
        // The SIAO's validation stays counted (an IML measure rests on it), without the candidate's
        // name or what was written about them; the landlord's invitations to reviews likewise.
        await db.SiaoValidations.Where(v => v.HouseholdId != null && ids.Contains(v.HouseholdId.Value)).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.CandidateName, AnonymisedName).SetProperty(v => v.Presentation, (string?)null)
            .SetProperty(v => v.DecisionNote, (string?)null), ct);
        await db.LeaseReviewInvitations.Where(i => ids.Contains(i.HouseholdId)).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.HouseholdName, AnonymisedName).SetProperty(i => i.SharedSummary, (string?)null), ct);
        // A spreadsheet row that became or named this file (an erasure can come within an import's 30 days).
        await db.ImportRows.Where(r => (r.HouseholdId != null && ids.Contains(r.HouseholdId.Value)) || (r.DuplicateHouseholdId != null && ids.Contains(r.DuplicateHouseholdId.Value)))
            .ExecuteDeleteAsync(ct);
        await db.LegalHolds.Where(h => h.HouseholdId != null && ids.Contains(h.HouseholdId.Value)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        await DeleteRequestsAsync(requestIds, ct);
        return ids.Count;
    }
}
