using System.ComponentModel;
using System.Net;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Formatting;
using Portal.Domain.Housing;
using Portal.Email;
using Portal.Infrastructure;

namespace Portal.Housing;

/// Every day, emails the referent of each stay ending within a month: time to renew it or to
/// prepare the exit. Safe to run twice: the email and the "warned for this end" mark are saved
/// together, and a renewal moves the end, which arms the warning again.
public sealed class StayEndWarningJob(PortalDbContext db, PublicLinks links, TimeProvider clock, ILogger<StayEndWarningJob> log)
{
    public const string RecurringJobId = "fins-de-sejour";

    [AutomaticRetry(Attempts = 0)]
    [DisplayName("Avertissements de fin de séjour")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = StockQueries.Today(clock);
        var horizon = today.AddMonths(1);
        var candidates = await db.Stays.Where(s => s.Status == StayStatus.Active && s.EndsOn <= horizon).ToListAsync(ct);
        var count = 0;
        foreach (var stay in StayWarnings.ToWarn(candidates, today).ToList())
        {
            var household = await db.Households.AsNoTracking().Where(h => h.Id == stay.HouseholdId)
                .Select(h => new { h.Name, Email = h.Referent != null ? h.Referent.Email : null, Referent = h.Referent != null ? h.Referent.FullName : null })
                .SingleOrDefaultAsync(ct);
            var place = await db.Dwellings.AsNoTracking().Where(d => d.Id == stay.DwellingId)
                .Join(db.Residences, d => d.ResidenceId, r => r.Id, (d, r) => d.Label + " (" + r.Name + ")")
                .SingleOrDefaultAsync(ct);
            if (household is { Email: { Length: > 0 } email })
                EmailOutbox.Queue(db, email, household.Referent, HousingEmails.StayEnding(
                    household.Referent, household.Name, place ?? "", stay.EndsOn, stay.EndsOn <= today,
                    links.Absolute($"/suivi/sejours/{stay.Id}")));
            else
                log.LogWarning("Stay {StayId} ends on {EndsOn} but its household has no referent to warn", stay.Id, stay.EndsOn);
            stay.MarkEndWarningSent();
            await db.SaveChangesAsync(ct);
            count++;
        }
        if (count > 0) log.LogInformation("Warned about {Count} stays ending soon", count);
        return count;
    }
}

/// The French emails about stays. Names come from users: HTML-encoded in the HTML part.
public static class HousingEmails
{
    public static EmailContent StayEnding(string? referentName, string householdName, string dwelling, DateOnly endsOn, bool overdue, string link)
    {
        var subject = overdue
            ? $"Séjour de {householdName} : fin prévue dépassée ({French.Date(endsOn)})"
            : $"Séjour de {householdName} : fin prévue le {French.Date(endsOn)}";
        string[] lines =
        [
            overdue
                ? $"Le séjour de {householdName} dans le logement {dwelling} devait se terminer le {French.Date(endsOn)}."
                : $"Le séjour de {householdName} dans le logement {dwelling} se termine le {French.Date(endsOn)}, dans moins d'un mois.",
            "Faites le point avec le ménage : renouvellement du séjour, ou préparation de la sortie et du relogement.",
        ];
        var greeting = string.IsNullOrWhiteSpace(referentName) ? "Bonjour," : $"Bonjour {referentName},";
        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        foreach (var l in lines) text.AppendLine(l);
        text.AppendLine().AppendLine(link).AppendLine().AppendLine("Passerelle").AppendLine("Ce message est envoyé automatiquement, merci de ne pas y répondre.");

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#1e1e1e;line-height:1.5;max-width:600px;margin:0 auto;padding:16px\">");
        html.Append("<p style=\"font-size:20px;font-weight:bold;color:#000091\">Passerelle</p><p>").Append(E(greeting)).Append("</p>");
        foreach (var l in lines) html.Append("<p>").Append(E(l)).Append("</p>");
        html.Append("<p><a href=\"").Append(E(link)).Append("\" style=\"display:inline-block;background:#000091;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px\">Voir le séjour</a></p>");
        html.Append("<p style=\"font-size:12px;color:#3a3a3a\">Ce message est envoyé automatiquement, merci de ne pas y répondre.</p></body></html>");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }
}
