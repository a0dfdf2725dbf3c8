using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Domain.Requests;
using Portal.Domain.Support;
using Portal.Import;

namespace Portal.CaseFiles;

/// Merges two household files that turned out to be the same household. Everything recorded about
/// the file that goes — persons, incomes, partners, journal, stays, measures and sliding leases,
/// reviews, exits, aid grants, watch list, incidents, documents, legal holds, committee agenda items,
/// and whatever else points at a household — is re-pointed to the file kept, found from the data
/// model's foreign keys so that a record added later cannot be forgotten. A person present in both
/// (same name key, compatible birth dates) is kept once. The kept file's own fields win; its empty
/// ones are filled from the other. The resident's account, hence their appointments and requests,
/// moves with the file. The audit log and the journal say who merged what.
public sealed class HouseholdMerge(PortalDbContext db, TimeProvider clock)
{
    public const string MergeAction = "Fusion de dossiers";

    public sealed record PersonLine(string Name, DateOnly? BirthDate, Relationship Relationship);

    /// One file as the merge page shows it, beside the other.
    public sealed record Side(
        long Id, string Name, HouseholdStatus Status, int Version, string? Team, string? Referent, string? Phone, string? Email,
        string? Address, string? Town, DateTime CreatedAtUtc, bool Anonymised, bool HasResident, long? HousingRequestId,
        IReadOnlyList<PersonLine> Persons, int Journal, int Measures, int Stays, int ActiveStays, int Documents, int Grants,
        int Partners, int Appointments, int Requests);

    public async Task<Side?> SideAsync(StaffScope scope, long id, CancellationToken ct)
    {
        var h = await scope.Visible(db.Households.AsNoTracking()).Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Name, x.Status, x.Version, Team = db.Teams.Where(t => t.Id == x.TeamId).Select(t => t.Name).FirstOrDefault(), Referent = db.Users.Where(u => u.Id == x.ReferentId).Select(u => u.FullName).FirstOrDefault(), x.Phone, x.Email, x.Address, x.Town,
                x.CreatedAtUtc, x.AnonymisedAtUtc, x.ResidentId, x.HousingRequestId,
            }).SingleOrDefaultAsync(ct);
        if (h is null) return null;
        var persons = await db.HouseholdPersons.AsNoTracking().Where(p => p.HouseholdId == id).OrderBy(p => p.Position)
            .Select(p => new PersonLine(French.PersonName(p.LastName, p.FirstName), p.BirthDate, p.Relationship)).ToListAsync(ct);
        var residentId = h.ResidentId;
        return new Side(h.Id, h.Name, h.Status, h.Version, h.Team, h.Referent, h.Phone, h.Email, h.Address, h.Town, h.CreatedAtUtc,
            h.AnonymisedAtUtc is not null, residentId is not null, h.HousingRequestId, persons,
            await db.JournalEntries.CountAsync(j => j.HouseholdId == id, ct),
            await db.SupportMeasures.CountAsync(m => m.HouseholdId == id, ct),
            await db.Stays.CountAsync(s => s.HouseholdId == id, ct),
            await db.Stays.CountAsync(s => s.HouseholdId == id && s.Status == StayStatus.Active, ct),
            await db.DocumentRequests.CountAsync(d => d.HouseholdId == id, ct),
            await db.AidGrants.CountAsync(g => g.HouseholdId == id, ct),
            await db.HouseholdPartners.CountAsync(p => p.HouseholdId == id, ct),
            residentId is null ? 0 : await db.Appointments.CountAsync(a => a.PersonId == residentId, ct),
            residentId is null ? (h.HousingRequestId is null ? 0 : 1)
                : await db.HousingRequests.CountAsync(r => r.ApplicantId == residentId || r.Id == h.HousingRequestId, ct));
    }

    /// Why these two files cannot be merged as they are, in French; null when they can.
    public static string? Problem(Side keep, Side gone)
    {
        if (keep.Id == gone.Id) return "Choisissez deux dossiers différents.";
        if (keep.Anonymised || gone.Anonymised) return "Un dossier anonymisé ne peut pas être fusionné.";
        if (keep.ActiveStays > 0 && gone.ActiveStays > 0)
            return "Les deux ménages ont chacun un séjour en cours dans un logement : terminez l'un des deux séjours avant de fusionner les dossiers.";
        return null;
    }

    public sealed record Outcome(bool Done, string Message);

    /// Merges <paramref name="goneId"/> into <paramref name="keepId"/>, both as the person saw them
    /// (their versions): a file changed meanwhile is not merged blind.
    public async Task<Outcome?> MergeAsync(StaffScope scope, long keepId, int keepVersion, long goneId, int goneVersion, CancellationToken ct)
    {
        var keepSide = await SideAsync(scope, keepId, ct);
        var goneSide = await SideAsync(scope, goneId, ct);
        if (keepSide is null || goneSide is null) return null;
        if (Problem(keepSide, goneSide) is { } problem) return new Outcome(false, problem);
        if (keepSide.Version != keepVersion || goneSide.Version != goneVersion)
            return new Outcome(false, "L'un des deux dossiers vient d'être modifié par quelqu'un d'autre : vérifiez-les de nouveau avant de fusionner.");

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(French.ToParis(now));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var keep = await db.Households.SingleAsync(h => h.Id == keepId, ct);
        var gone = await db.Households.SingleAsync(h => h.Id == goneId, ct);
        if (keep.ResidentId is not null && gone.ResidentId is not null && keep.ResidentId != gone.ResidentId)
            return new Outcome(false, "Les deux dossiers sont liés chacun au compte d'un résident différent : ce ne sont pas les mêmes personnes, ils ne peuvent pas être fusionnés.");

        // The same person in both files is kept once: their incomes follow them.
        var keptPersons = await db.HouseholdPersons.AsNoTracking().Where(p => p.HouseholdId == keepId).ToListAsync(ct);
        var gonePersons = await db.HouseholdPersons.AsNoTracking().Where(p => p.HouseholdId == goneId).OrderBy(p => p.Position).ToListAsync(ct);
        var samePeople = 0;
        var moved = new List<HouseholdPerson>();
        foreach (var person in gonePersons)
        {
            var key = DuplicateIndex.NameKey(person.FirstName, person.LastName);
            var same = keptPersons.FirstOrDefault(k => DuplicateIndex.NameKey(k.FirstName, k.LastName) == key
                && (k.BirthDate is null || person.BirthDate is null || k.BirthDate == person.BirthDate));
            if (same is null)
            {
                moved.Add(person);
                continue;
            }
            samePeople++;
            await db.HouseholdIncomes.Where(i => i.HouseholdPersonId == person.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.HouseholdPersonId, same.Id), ct);
            if (same.BirthDate is null && person.BirthDate is not null)
                await db.HouseholdPersons.Where(p => p.Id == same.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.BirthDate, person.BirthDate), ct);
            await db.HouseholdPersons.Where(p => p.Id == person.Id).ExecuteDeleteAsync(ct);
        }
        var position = keptPersons.Count == 0 ? 0 : keptPersons.Max(p => p.Position) + 1;
        var hasApplicant = keptPersons.Any(p => p.Relationship == Relationship.Applicant);
        foreach (var person in moved)
        {
            // One applicant per household: the other file's becomes « autre personne », to be corrected by hand if need be.
            var relationship = hasApplicant && person.Relationship == Relationship.Applicant ? Relationship.Other : person.Relationship;
            var at = position++;
            await db.HouseholdPersons.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Position, at).SetProperty(p => p.Relationship, relationship), ct);
        }

        // The request's link is unique per household: freed on the file that goes before the kept one takes it.
        var requestId = gone.HousingRequestId;
        if (requestId is not null)
        {
            gone.HousingRequestId = null;
            await db.SaveChangesAsync(ct);
        }

        var repointed = 0;
        foreach (var (table, column) in HouseholdReferences(db.Model))
        {
            var sql = "UPDATE \"" + table + "\" SET \"" + column + "\" = {0} WHERE \"" + column + "\" = {1}";
            repointed += await db.Database.ExecuteSqlRawAsync(sql, [keepId, goneId], ct);
        }
        repointed += await db.AgendaItems.Where(i => i.Subject == AgendaSubject.Household && i.SubjectId == goneId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.SubjectId, keepId), ct);
        // Legal holds name their household without a foreign key (they outlive nothing but must follow the file).
        repointed += await db.LegalHolds.Where(h => h.HouseholdId == goneId).ExecuteUpdateAsync(s => s.SetProperty(h => h.HouseholdId, keepId), ct);

        keep.Phone ??= gone.Phone;
        keep.Email ??= gone.Email;
        keep.Address ??= gone.Address;
        keep.Town ??= gone.Town;
        keep.Situation ??= gone.Situation;
        keep.SituationDetails ??= gone.SituationDetails;
        keep.CurrentRent ??= gone.CurrentRent;
        keep.CurrentCharges ??= gone.CurrentCharges;
        keep.AssignTo(keep.TeamId ?? gone.TeamId, keep.ReferentId ?? gone.ReferentId);
        keep.ResidentId ??= gone.ResidentId;
        keep.HousingRequestId ??= requestId;
        keep.TargetGroups |= gone.TargetGroups;
        keep.IsDalo |= gone.IsDalo;
        keep.IsSingleParent |= gone.IsSingleParent;
        keep.Touch(now);

        var detail = $"Le dossier n° {gone.Id} « {gone.Name} » ({French.Count(gonePersons.Count, "personne", "personnes")}, dont {samePeople} déjà présente(s), "
                     + $"{goneSide.Journal} note(s) de journal, {goneSide.Measures} mesure(s), {goneSide.Stays} séjour(s), {goneSide.Documents} document(s), "
                     + $"{goneSide.Grants} aide(s)) a été fusionné dans le dossier n° {keep.Id} « {keep.Name} » par {scope.UserName}.";
        db.JournalEntries.Add(new JournalEntry
        {
            HouseholdId = keep.Id, Kind = JournalKind.Note, OccurredOn = today, AuthorId = scope.UserId, AuthorName = scope.UserName,
            Text = detail + (requestId is not null && keep.HousingRequestId != requestId
                ? $" La demande n° {requestId} dont venait le dossier fusionné reste consultable dans les demandes." : ""),
            CreatedAtUtc = now,
        });
        scope.Audit(db, MergeAction, keep.Id, now, detail);
        scope.Audit(db, MergeAction, gone.Id, now, detail);
        await db.SaveChangesAsync(ct);
        await db.Households.Where(h => h.Id == goneId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(true, $"Le dossier « {gone.Name} » a été fusionné dans celui-ci : {French.Count(moved.Count, "personne ajoutée", "personnes ajoutées")}, "
                                 + $"{French.Count(repointed, "élément rattaché", "éléments rattachés")} (journal, mesures, documents…).");
    }

    /// Every (table, column) whose foreign key points at a household, except the household's own
    /// persons handled above one by one, read from the model so that nothing is left behind.
    public static IReadOnlyList<(string Table, string Column)> HouseholdReferences(IModel model)
    {
        var household = model.FindEntityType(typeof(Household))!;
        var list = new List<(string, string)>();
        foreach (var type in model.GetEntityTypes())
        {
            if (type.GetTableName() is not { } table || type.IsOwned()) continue;
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            foreach (var fk in type.GetForeignKeys().Where(f => f.PrincipalEntityType == household && f.Properties.Count == 1))
                if (fk.Properties[0].GetColumnName(store) is { } column && !list.Contains((table, column)))
                    list.Add((table, column));
        }
        return list;
    }
}
