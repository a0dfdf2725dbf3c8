using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.Domain.Work;
using Portal.Email;

namespace Portal.Privacy;

/// One thing the erasure keeps, and why, as the person reads it; the manager also reads the reason
/// of a legal hold.
public sealed record KeptItem(string What, string Why, string? HoldReason = null);

/// What erasing a person's data does, computed from the database as it is now: shown to the
/// person before they ask, to the manager before they decide, and applied as it says.
public sealed record ErasurePlan(
    string UserId,
    IReadOnlyList<string> Erased,
    IReadOnlyList<KeptItem> Kept,
    IReadOnlyList<long> RequestsToDelete,
    IReadOnlyList<long> HouseholdsToAnonymise,
    IReadOnlyList<long> KeptRequests,
    IReadOnlyList<long> KeptHouseholds)
{
    /// Nothing a team works on or must keep: the person may delete their account themselves.
    public bool NothingHeldByTeams { get; init; }
}

/// The right to erasure (GDPR art. 17) with its limits (art. 17.3): everything about the person
/// is deleted or anonymised as the retention purge does, except what a law or an ongoing measure
/// requires to keep, which is unlinked from the account and follows its own period.
public sealed class PersonalDataErasure(PortalDbContext db, TimeProvider clock, RetentionPurge purge)
{
    public const string RequestedAction = "Demande d'effacement des données";
    public const string AppliedAction = "Effacement des données appliqué";
    public const string RefusedAction = "Effacement des données refusé";
    public const string WithdrawnAction = "Demande d'effacement retirée";
    public const string SelfDeletedAction = "Suppression de son compte par la personne";
    public const string DeletedAccountName = "Compte supprimé";

    public async Task<ErasurePlan> PlanAsync(string userId, CancellationToken ct)
    {
        var requests = await db.HousingRequests.AsNoTracking().Where(r => r.ApplicantId == userId)
            .Select(r => new
            {
                r.Id, r.Reference, r.Status,
                Followed = db.Households.Any(h => h.HousingRequestId == r.Id),
                Hold = db.LegalHolds.Where(h => h.LiftedAtUtc == null && h.HousingRequestId == r.Id).Select(h => h.Reason).FirstOrDefault(),
            }).ToListAsync(ct);
        var requestIds = requests.Select(r => r.Id).ToList();
        var households = await db.Households.AsNoTracking()
            .Where(h => h.AnonymisedAtUtc == null && (h.ResidentId == userId || (h.HousingRequestId != null && requestIds.Contains(h.HousingRequestId.Value))))
            .Select(h => new
            {
                h.Id, h.Status, h.HousingRequestId,
                Hold = db.LegalHolds.Where(l => l.LiftedAtUtc == null && l.HouseholdId == h.Id).Select(l => l.Reason).FirstOrDefault(),
                Grants = db.AidGrants.Count(g => g.HouseholdId == h.Id),
            }).ToListAsync(ct);

        var erased = new List<string> { "votre compte : nom, adresse électronique, téléphone, mot de passe, second facteur et sessions" };
        var kept = new List<KeptItem>();
        var toDelete = new List<long>();
        var toAnonymise = new List<long>();
        var keptRequests = new List<long>();
        var keptHouseholds = new List<long>();
        const string HoldWhy = "un gel de conservation posé par l'association pour une obligation légale (contentieux, contrôle ou demande d'une autorité) : il est gardé tant que le gel dure, puis suit les durées habituelles";

        foreach (var h in households)
        {
            if (h.Hold is not null)
            {
                keptHouseholds.Add(h.Id);
                kept.Add(new KeptItem("votre dossier d'accompagnement", HoldWhy, h.Hold));
            }
            else if (h.Status == HouseholdStatus.Active)
            {
                keptHouseholds.Add(h.Id);
                kept.Add(new KeptItem("votre dossier d'accompagnement",
                    "un accompagnement est en cours : l'association doit garder le dossier tant qu'il dure, puis 2 ans après la sortie ; il ne sera plus relié à un compte"));
            }
            else
            {
                toAnonymise.Add(h.Id);
                erased.Add("votre dossier d'accompagnement : noms, coordonnées, personnes du foyer, journal, bilans, documents");
                if (h.Grants > 0)
                    kept.Add(new KeptItem("les montants des aides du fonds d'aide au logement, sans votre nom",
                        "la comptabilité de l'association doit garder les montants versés (obligation comptable, 10 ans)"));
            }
        }
        var householdRequests = households.Where(h => h.HousingRequestId != null).ToDictionary(h => h.HousingRequestId!.Value, h => h.Id);
        foreach (var r in requests)
        {
            var label = r.Reference is null ? "votre brouillon de demande" : $"votre demande de logement {r.Reference}";
            if (householdRequests.TryGetValue(r.Id, out var hid))
            {
                // The request the file came from goes with the file: anonymised with it, or kept with it.
                if (keptHouseholds.Contains(hid)) keptRequests.Add(r.Id);
                else erased.Add($"{label}, avec ses pièces justificatives et ses messages");
            }
            else if (r.Followed)
            {
                // Followed by a file already anonymised: the purge deleted the request with it.
                toDelete.Add(r.Id);
                erased.Add($"{label}, avec ses pièces justificatives et ses messages");
            }
            else if (r.Hold is not null)
            {
                keptRequests.Add(r.Id);
                kept.Add(new KeptItem(label, HoldWhy, r.Hold));
            }
            else
            {
                toDelete.Add(r.Id);
                erased.Add(r.Status is RequestStatus.Draft or RequestStatus.Closed or RequestStatus.Refused
                    ? $"{label}, avec ses pièces justificatives et ses messages"
                    : $"{label} (elle est retirée), avec ses pièces justificatives et ses messages");
            }
        }
        erased.Add("vos rendez-vous, vos inscriptions aux ateliers, vos exports de données et les courriels que nous vous avons envoyés");
        erased.Add("votre nom dans le journal des accès");

        var sent = requests.Any(r => r.Status != RequestStatus.Draft);
        return new ErasurePlan(userId, erased.Distinct().ToList(), kept, toDelete, toAnonymise, keptRequests, keptHouseholds)
        {
            NothingHeldByTeams = households.Count == 0 && !sent && kept.Count == 0,
        };
    }

    /// Applies the plan as of now. Each step is idempotent: killed half-way, the request stays
    /// pending and applying it again finishes the work.
    public async Task<ErasurePlan> ApplyAsync(string userId, CancellationToken ct)
    {
        var plan = await PlanAsync(userId, ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.FullName, u.PhoneNumber }).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Names the person is known by, gathered before anything goes, to clear them from free texts.
        var names = new HashSet<string>(StringComparer.Ordinal) { user.FullName };
        names.UnionWith(await db.HousingRequests.Where(r => plan.RequestsToDelete.Contains(r.Id)).Select(r => r.ApplicantName).ToListAsync(ct));
        names.UnionWith(await db.Households.Where(h => plan.HouseholdsToAnonymise.Contains(h.Id)).Select(h => h.Name).ToListAsync(ct));
        names.RemoveWhere(n => n.Trim().Length < 3);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(user.PhoneNumber)) phones.Add(user.PhoneNumber);
        phones.UnionWith(await db.HousingRequests.Where(r => plan.RequestsToDelete.Contains(r.Id) && r.Phone != null).Select(r => r.Phone!).ToListAsync(ct));
        phones.UnionWith(await db.Households.Where(h => plan.HouseholdsToAnonymise.Contains(h.Id) && h.Phone != null).Select(h => h.Phone!).ToListAsync(ct));

        foreach (var chunk in plan.HouseholdsToAnonymise.Chunk(RetentionPurge.BatchSize))
            await purge.AnonymiseAsync([.. chunk], now, ct);
        foreach (var chunk in plan.RequestsToDelete.Chunk(RetentionPurge.BatchSize))
            await purge.DeleteRequestsAsync([.. chunk], ct);

        // What stays is no longer tied to the account.
        await db.Households.Where(h => h.ResidentId == userId).ExecuteUpdateAsync(s => s.SetProperty(h => h.ResidentId, (string?)null), ct);
        await db.Appointments.Where(a => a.PersonId == userId && a.StartUtc >= now).ExecuteDeleteAsync(ct);
        await db.DocumentRequests.Where(d => d.RequestedById == userId).ExecuteDeleteAsync(ct);
        await db.WorkshopSignups.Where(w => w.PersonId == userId).ExecuteDeleteAsync(ct);
        if (plan.KeptRequests.Count == 0 && plan.KeptHouseholds.Count == 0)
            await db.Appointments.Where(a => a.PersonId == userId).ExecuteDeleteAsync(ct);
        else
            await db.Appointments.Where(a => a.PersonId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Notes, (string?)null), ct);

        await ForgetInEmailsAsync(user.Email, names, phones, ct);
        await db.AuditEntries.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, DeletedAccountName), ct);
        await ScrubAuditDetailsAsync(db, [.. (user.Email is null ? [] : new[] { user.Email }), .. names, .. phones], DeletedAccountName, ct);
        // Every request of the person is answered by this erasure; none stays pending without a person.
        await db.ErasureRequests.Where(e => e.UserId == userId && e.Status == ErasureStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ErasureStatus.Applied).SetProperty(e => e.DecidedAtUtc, now), ct);
        await db.ErasureRequests.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Message, (string?)null).SetProperty(e => e.UserId, (string?)null), ct);
        await AccountRemoval.RemoveAsync(db, userId, DeletedAccountName, ct);
        return plan;
    }

    /// The emails sent to the person or naming them go; the rest stay as proof of sending.
    private async Task ForgetInEmailsAsync(string? email, IEnumerable<string> names, IEnumerable<string> phones, CancellationToken ct)
    {
        if (email is not null)
            await db.OutboundEmails.Where(e => e.ToAddress == email && !e.ForgetWhenSent).ExecuteDeleteAsync(ct);
        foreach (var needle in names.Concat(phones).Where(n => n.Length >= 3))
            await db.OutboundEmails.Where(e => !e.ForgetWhenSent && (e.Subject.Contains(needle) || e.TextBody.Contains(needle) || (e.ToName != null && e.ToName.Contains(needle))))
                .ExecuteDeleteAsync(ct);
    }

    /// Replaces each of these texts in the detail of audit lines: the line, its date and its action stay.
    public static async Task ScrubAuditDetailsAsync(PortalDbContext db, IEnumerable<string> needles, string replacement, CancellationToken ct)
    {
        foreach (var needle in needles.Where(n => !string.IsNullOrWhiteSpace(n) && n.Length >= 3).Distinct())
            await db.AuditEntries.Where(a => a.Detail != null && a.Detail.Contains(needle))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, a => a.Detail!.Replace(needle, replacement)), ct);
    }

    /// The last message to the person: the row forgets its address and text once sent.
    public static void QueueFarewell(PortalDbContext db, string email, string? name, ErasurePlan plan)
    {
        var message = EmailOutbox.Queue(db, email, null, EmailTemplates.ErasureApplied(name, plan.Erased, plan.Kept.Select(k => $"{k.What} : {k.Why}").ToList()));
        message.ForgetWhenSent = true;
    }

    public static string Outcome(ErasurePlan plan) =>
        $"{plan.RequestsToDelete.Count} demande(s) supprimée(s), {plan.HouseholdsToAnonymise.Count} dossier(s) anonymisé(s), " +
        $"{plan.KeptRequests.Count} demande(s) et {plan.KeptHouseholds.Count} dossier(s) conservé(s)" +
        (plan.Kept.Count == 0 ? "" : " : " + string.Join(" ; ", plan.Kept.Select(k => k.What + " (" + k.Why + ")")));
}

/// Removes an account: deleted outright when nothing refers to it any more, otherwise kept as an
/// empty shell that names no one (« ancien membre de l'équipe », « Compte supprimé »), so that
/// what it did keeps its author without their name. Either way nobody can sign in with it again.
public static class AccountRemoval
{
    public static async Task RemoveAsync(PortalDbContext db, string userId, string shellName, CancellationToken ct)
    {
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserPasskeys.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        var referred = await db.HousingRequests.AnyAsync(r => r.ApplicantId == userId, ct)
            || await db.Appointments.AnyAsync(a => a.PersonId == userId || a.WorkerId == userId, ct)
            || await db.DocumentRequests.AnyAsync(d => d.RequestedById == userId, ct)
            || await db.DocumentTemplates.AnyAsync(t => t.UploadedById == userId, ct)
            || await db.Workshops.AnyAsync(w => w.LeaderId == userId, ct);
        if (!referred)
        {
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
            return;
        }
        var shell = "supprime-" + userId;
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FullName, shellName)
            .SetProperty(u => u.UserName, shell)
            .SetProperty(u => u.NormalizedUserName, shell.ToUpperInvariant())
            .SetProperty(u => u.Email, (string?)null)
            .SetProperty(u => u.NormalizedEmail, (string?)null)
            .SetProperty(u => u.EmailConfirmed, false)
            .SetProperty(u => u.PhoneNumber, (string?)null)
            .SetProperty(u => u.PhoneNumberConfirmed, false)
            .SetProperty(u => u.PasswordHash, (string?)null)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())
            .SetProperty(u => u.TwoFactorEnabled, false)
            .SetProperty(u => u.LockoutEnabled, true)
            .SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)
            .SetProperty(u => u.TeamId, (int?)null), ct);
    }
}

/// A staff member who leaves: their account is removed and their name, wherever the site wrote it
/// down, becomes « ancien membre de l'équipe ». Their past actions keep an author, without a name.
public sealed class StaffDeparture(PortalDbContext db, TimeProvider clock)
{
    public const string FormerStaff = "ancien membre de l'équipe";
    public const string DeletedAction = "Suppression d'un compte de l'équipe";

    /// Why the account cannot go yet (upcoming appointments or workshops to hand over), or null.
    public async Task<string?> BlockerAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var appointments = await db.Appointments.CountAsync(a => a.WorkerId == userId && a.StartUtc >= now && a.Status == Portal.Domain.Appointments.AppointmentStatus.Booked, ct);
        var workshops = await db.Workshops.CountAsync(w => w.LeaderId == userId && w.StartsAtUtc >= now && !w.IsCancelled, ct);
        if (appointments == 0 && workshops == 0) return null;
        var parts = new List<string>();
        if (appointments > 0) parts.Add($"{appointments} rendez-vous à venir");
        if (workshops > 0) parts.Add($"{workshops} atelier(s) à venir");
        return $"Ce compte a encore {string.Join(" et ", parts)} : déplacez-les vers un collègue ou annulez-les avant de supprimer le compte.";
    }

    public async Task ApplyAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.FullName }).SingleAsync(ct);
        await db.JournalEntries.Where(j => j.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(j => j.AuthorName, FormerStaff), ct);
        await db.Diagnostics.Where(d => d.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(d => d.AuthorName, FormerStaff), ct);
        await db.RequestEvents.Where(e => e.ActorId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, FormerStaff), ct);
        await db.RequestMessages.Where(m => m.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.AuthorName, FormerStaff), ct);
        await db.LegalHolds.Where(h => h.PlacedById == userId).ExecuteUpdateAsync(s => s.SetProperty(h => h.PlacedByName, FormerStaff), ct);
        await db.ErasureRequests.Where(e => e.DecidedById == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.DecidedByName, FormerStaff), ct);
        await db.CommitteeMembers.Where(m => m.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, FormerStaff).SetProperty(m => m.IsActive, false), ct);
        await db.AuditEntries.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, FormerStaff), ct);
        await PersonalDataErasure.ScrubAuditDetailsAsync(db, [.. (user.Email is null ? [] : new[] { user.Email }), user.FullName], FormerStaff, ct);
        // The files they were following need a new referent: they show « sans référent » to the team.
        await db.Households.Where(h => h.ReferentId == userId && h.Status == HouseholdStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ReferentId, (string?)null), ct);
        await db.HousingRequests.Where(r => r.ReferentId == userId && r.Status != RequestStatus.Closed && r.Status != RequestStatus.Refused)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReferentId, (string?)null), ct);
        await db.Appointments.Where(a => a.WorkerId == userId && a.Status == Portal.Domain.Appointments.AppointmentStatus.Booked && a.StartUtc >= clock.GetUtcNow().UtcDateTime)
            .ExecuteDeleteAsync(ct);
        if (user.Email is not null)
            await db.OutboundEmails.Where(e => e.ToAddress == user.Email).ExecuteDeleteAsync(ct);
        await db.OutboundEmails.Where(e => e.ToName == user.FullName).ExecuteUpdateAsync(s => s.SetProperty(e => e.ToName, FormerStaff), ct);
        await AccountRemoval.RemoveAsync(db, userId, FormerStaff, ct);
    }
}
