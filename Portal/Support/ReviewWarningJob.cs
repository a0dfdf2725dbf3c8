using System.ComponentModel;
using System.Net;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Support;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Support;

/// Every day, warns each household's referent of the reviews coming within the window (or late)
/// that they were not warned about yet. Safe to run twice: the email and the measure's
/// ReviewsWarnedUntil are saved together, and a review already warned about is not picked again.
public sealed class ReviewWarningJob(PortalDbContext db, PublicLinks links, TimeProvider clock, ILogger<ReviewWarningJob> log)
{
    public const string RecurringJobId = "bilans-a-preparer";

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Bilans de mesures à préparer")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = SupportFiles.Today(clock);
        // Active measures of followed households whose referent has an address.
        var candidates = await db.SupportMeasures.AsNoTracking()
            .Where(m => m.Status == MeasureStatus.Active)
            .Join(db.Households.Where(h => h.Status == HouseholdStatus.Active && h.ReferentId != null),
                m => m.HouseholdId, h => h.Id, (m, h) => m.Id)
            .ToListAsync(ct);

        var sent = 0;
        foreach (var id in candidates)
        {
            var measure = await db.SupportMeasures.Include(m => m.RecordedReviews).Include(m => m.Renewals)
                .SingleOrDefaultAsync(m => m.Id == id, ct);
            if (measure is null) continue;
            var warn = ReviewSchedule.ToWarn([measure], today).ToList();
            if (warn.Count == 0) continue;
            var household = await db.Households.AsNoTracking().Include(h => h.Referent).SingleAsync(h => h.Id == measure.HouseholdId, ct);
            if (household.Referent?.Email is not { Length: > 0 } email) continue;
            var link = links.Absolute($"/suivi/menages/{household.Id}/accompagnement/mesures/{measure.Id}#bilans");
            EmailOutbox.Queue(db, email, household.Referent.FullName, Content(household.Referent.FullName, household.Name, measure, warn, today, link));
            measure.MarkReviewWarningSent(warn.Max(r => r.DueOn));
            await db.SaveChangesAsync(ct);
            sent++;
        }
        if (sent > 0) log.LogInformation("Queued {Count} review warnings", sent);
        return sent;
    }

    public static EmailContent Content(string? name, string household, SupportMeasure measure, IReadOnlyList<ScheduledReview> reviews, DateOnly today, string link)
    {
        var late = reviews.Any(r => r.State == ReviewState.Late);
        var subject = late
            ? $"Bilan en retard : {household} ({measure.Kind.Label()})"
            : $"Bilan à préparer : {household} ({measure.Kind.Label()})";
        var lines = reviews.Select(r => r.State == ReviewState.Late
            ? $"{r.Label} : prévu le {French.Date(r.DueOn)}, en retard"
            : $"{r.Label} : prévu le {French.Date(r.DueOn)}").ToList();
        var greeting = string.IsNullOrWhiteSpace(name) ? "Bonjour," : $"Bonjour {name},";
        var intro = $"La mesure {measure.Kind.Label()} du ménage {household} a un bilan à tenir :";

        var text = new StringBuilder();
        text.AppendLine(greeting).AppendLine().AppendLine(intro);
        foreach (var l in lines) text.AppendLine("- " + l);
        text.AppendLine().AppendLine("Préparez-le avec le ménage et enregistrez-le dans son dossier :").AppendLine(link);
        text.AppendLine().AppendLine("L'équipe Passerelle").AppendLine("Ce message est envoyé automatiquement, merci de ne pas y répondre.");

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#1e1e1e;line-height:1.5;max-width:600px;margin:0 auto;padding:16px\">");
        html.Append("<p>").Append(E(greeting)).Append("</p><p>").Append(E(intro)).Append("</p><ul>");
        foreach (var l in lines) html.Append("<li>").Append(E(l)).Append("</li>");
        html.Append("</ul><p><a href=\"").Append(E(link)).Append("\">Ouvrir la mesure</a></p>");
        html.Append("<p>L'équipe Passerelle</p><p style=\"font-size:12px;color:#3a3a3a\">Ce message est envoyé automatiquement, merci de ne pas y répondre.</p></body></html>");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }
}
