using Microsoft.EntityFrameworkCore;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Requests;

namespace Portal.Import;

/// Writes a previewed batch into household files, in chunks each saved with its rows' outcomes in one
/// transaction: a run stopped half-way (a crash, a deploy) goes on where it stopped, and no row is
/// imported twice. Rows sharing a household identifier make one household; without one, each row is
/// a household of its own. A row still in error, or a probable duplicate nobody decided about, is
/// skipped and the report says why.
public sealed class Importer(PortalDbContext db, TimeProvider clock, ILogger<Importer> log)
{
    public const int ChunkSize = 500;
    public const string ImportAction = "Import d'un fichier";
    public const string CompletedAction = "Dossier complété par un import";

    private sealed record Line(ImportRow Row, RowCheckResult Check);

    public async Task ImportAsync(ImportRun run, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == run.ImportBatchId, ct);
        if (batch is null || batch.Stage == ImportStage.Imported) return;

        var check = await new ImportPreview(db, clock).CheckerAsync(batch, ct);
        var rows = await db.ImportRows.AsNoTracking()
            .Where(r => r.ImportBatchId == batch.Id && r.Outcome == ImportOutcome.Pending)
            .OrderBy(r => r.Line).ToListAsync(ct);
        var groups = rows
            .Select(r => new Line(r, check.Check(ImportColumns.Strings(r.Cells))))
            .GroupBy(l => l.Check.Person.HouseholdKey is { } key ? "k:" + Portal.Domain.Requests.RequestReference.SearchKey(key) : "l:" + l.Row.Line)
            .Select(g => g.ToArray())
            .ToList();

        foreach (var chunk in groups.Chunk(ChunkSize))
        {
            ct.ThrowIfCancellationRequested();
            await ImportChunkAsync(batch, run, chunk, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var totals = await db.ImportRows.Where(r => r.ImportBatchId == batch.Id)
            .GroupBy(r => r.Outcome).Select(g => new { Outcome = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Total(ImportOutcome o) => totals.FirstOrDefault(t => t.Outcome == o)?.Count ?? 0;
        await db.ImportBatches.Where(b => b.Id == batch.Id).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Stage, ImportStage.Imported)
            .SetProperty(b => b.ImportedAtUtc, now)
            .SetProperty(b => b.CreatedCount, Total(ImportOutcome.Created))
            .SetProperty(b => b.MergedCount, Total(ImportOutcome.Merged))
            .SetProperty(b => b.SkippedCount, Total(ImportOutcome.Skipped)), ct);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now, UserId = run.RequestedById, UserName = run.RequestedByName, Action = ImportAction,
            Detail = $"Fichier « {Trim(batch.FileName, 200)} » (import n° {batch.Id}) : {Total(ImportOutcome.Created)} personne(s) ajoutée(s), "
                     + $"{Total(ImportOutcome.Merged)} fusionnée(s) avec un dossier existant, {Total(ImportOutcome.Skipped)} ligne(s) non importée(s).",
        });
        await db.SaveChangesAsync(ct);
        log.LogInformation("Import batch {BatchId} done", batch.Id);
    }

    private async Task ImportChunkAsync(ImportBatch batch, ImportRun run, Line[][] groups, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(French.ToParis(now));
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var mergeTargets = groups.SelectMany(g => g).Where(l => l.Row.Decision == DuplicateDecision.Merge && l.Row.DuplicateHouseholdId is not null)
            .Select(l => l.Row.DuplicateHouseholdId!.Value).Distinct().ToList();
        var existing = mergeTargets.Count == 0 ? [] : await db.Households.Include(h => h.Persons)
            .Where(h => mergeTargets.Contains(h.Id) && h.AnonymisedAtUtc == null).ToDictionaryAsync(h => h.Id, ct);
        var linkTargets = groups.SelectMany(g => g).Where(l => l.Row.Decision == DuplicateDecision.Link && l.Row.DuplicateHouseholdId is not null)
            .Select(l => l.Row.DuplicateHouseholdId!.Value).Distinct().ToList();
        var linked = linkTargets.Count == 0 ? [] : await db.Households.AsNoTracking().Where(h => linkTargets.Contains(h.Id))
            .Select(h => new { h.Id, h.Name }).ToDictionaryAsync(h => h.Id, h => h.Name, ct);

        var outcomes = new List<(ImportRow Row, ImportOutcome Outcome, string Note, Household? Household)>();
        var created = 0;
        foreach (var group in groups)
        {
            var kept = new List<Line>();
            foreach (var line in group)
            {
                var skip = SkipReason(line, existing);
                if (skip is null) kept.Add(line);
                else outcomes.Add((line.Row, ImportOutcome.Skipped, skip, null));
            }
            if (kept.Count == 0) continue;

            var merge = kept.FirstOrDefault(l => l.Row.Decision == DuplicateDecision.Merge);
            Household household;
            if (merge is not null)
            {
                household = existing[merge.Row.DuplicateHouseholdId!.Value];
                household.Touch(now);
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = now, UserId = run.RequestedById, UserName = run.RequestedByName, Action = CompletedAction, HouseholdId = household.Id,
                    Detail = $"Import n° {batch.Id}, fichier « {Trim(batch.FileName, 200)} », ligne(s) {string.Join(", ", kept.Select(l => l.Row.Line))}.",
                });
            }
            else
            {
                var head = kept.FirstOrDefault(l => l.Check.Person.Relationship == Relationship.Applicant) ?? kept[0];
                var name = head.Check.Person.FullName;
                household = new Household
                {
                    Name = name, SearchName = HouseholdFactory.SearchKey(name), TeamId = head.Check.Person.TeamId,
                    CreatedAtUtc = now, UpdatedAtUtc = now,
                };
                db.Households.Add(household);
                created++;
            }

            var hasApplicant = household.Persons.Any(p => p.Relationship == Relationship.Applicant);
            var position = household.Persons.Count == 0 ? 0 : household.Persons.Max(p => p.Position) + 1;
            foreach (var line in kept)
            {
                var p = line.Check.Person;
                household.Phone ??= p.Phone;
                household.Email ??= p.Email;
                household.Address ??= p.Address;
                household.Town ??= p.Town;
                household.AssignTo(household.TeamId ?? p.TeamId, household.ReferentId);
                if (line.Row.Decision == DuplicateDecision.Merge && household.Persons.FirstOrDefault(x => x.Id == line.Row.DuplicatePersonId) is { } same)
                {
                    same.BirthDate ??= p.BirthDate;
                    outcomes.Add((line.Row, ImportOutcome.Merged, $"Fusionnée avec {same.FullName} dans le dossier « {household.Name} ».", household));
                }
                else
                {
                    var relationship = p.Relationship ?? (hasApplicant ? Relationship.Other : Relationship.Applicant);
                    hasApplicant |= relationship == Relationship.Applicant;
                    household.Persons.Add(new HouseholdPerson
                    {
                        FirstName = p.FirstName, LastName = p.LastName, BirthDate = p.BirthDate, Relationship = relationship, Position = position++,
                    });
                    outcomes.Add((line.Row, ImportOutcome.Created, merge is null ? "Ajoutée dans un nouveau dossier." : $"Ajoutée au dossier existant « {household.Name} ».", household));
                }
                if (p.Notes is { } notes)
                    household.Journal.Add(Note(run, today, now, $"Observations importées (fichier « {Trim(batch.FileName, 200)} », ligne {line.Row.Line}) : {Trim(notes, 9000)}"));
                if (line.Row.Decision == DuplicateDecision.Link && line.Row.DuplicateHouseholdId is { } otherId && linked.TryGetValue(otherId, out var otherName))
                {
                    household.Journal.Add(Note(run, today, now, $"Dossier lié lors d'un import au dossier « {otherName} » (n° {otherId}) : la même personne y figure probablement."));
                    db.JournalEntries.Add(new JournalEntry
                    {
                        HouseholdId = otherId, Kind = JournalKind.Note, OccurredOn = today, AuthorId = run.RequestedById, AuthorName = run.RequestedByName,
                        Text = $"Un dossier lié a été créé lors d'un import pour {p.FullName} (fichier « {Trim(batch.FileName, 200)} », ligne {line.Row.Line}) : la même personne y figure probablement.",
                        CreatedAtUtc = now,
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var (row, outcome, note, household) in outcomes)
        {
            var stub = new ImportRow { Id = row.Id, ImportBatchId = row.ImportBatchId, Line = row.Line, Cells = row.Cells };
            db.ImportRows.Attach(stub);
            stub.Outcome = outcome;
            stub.OutcomeNote = Trim(note, 1000);
            stub.HouseholdId = household?.Id;
        }
        var createdRows = outcomes.Count(o => o.Outcome == ImportOutcome.Created);
        var mergedRows = outcomes.Count(o => o.Outcome == ImportOutcome.Merged);
        var skippedRows = outcomes.Count(o => o.Outcome == ImportOutcome.Skipped);
        await db.SaveChangesAsync(ct);
        // Progress, read by the page while the import runs; saved with the rows it counts.
        await db.ImportBatches.Where(b => b.Id == batch.Id).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.CreatedCount, b => b.CreatedCount + createdRows)
            .SetProperty(b => b.MergedCount, b => b.MergedCount + mergedRows)
            .SetProperty(b => b.SkippedCount, b => b.SkippedCount + skippedRows)
            .SetProperty(b => b.HouseholdsCreated, b => b.HouseholdsCreated + created), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string? SkipReason(Line line, IReadOnlyDictionary<long, Household> existing)
    {
        var row = line.Row;
        if (line.Check.Problems.Count > 0) return "Ligne en erreur : " + line.Check.Problems[0].Message;
        if (row.DuplicateHouseholdId is null) return null;
        return row.Decision switch
        {
            DuplicateDecision.Undecided => "Doublon probable d'une personne déjà suivie : aucun choix n'a été fait (fusionner, lier ou garder à part).",
            DuplicateDecision.Ignore => "Écartée lors de l'aperçu : la personne est déjà suivie.",
            DuplicateDecision.Merge when !existing.ContainsKey(row.DuplicateHouseholdId.Value) => "Le dossier existant avec lequel fusionner n'existe plus.",
            _ => null,
        };
    }

    private static JournalEntry Note(ImportRun run, DateOnly today, DateTime now, string text) => new()
    {
        Kind = JournalKind.Note, OccurredOn = today, AuthorId = run.RequestedById, AuthorName = run.RequestedByName, Text = text, CreatedAtUtc = now,
    };

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];
}
