using Portal.Domain.Formatting;
using Portal.Domain.Support;

namespace Portal.Email;

/// The French emails to staff (the referent of a household), on the one layout.
public static class StaffEmails
{
    public static EmailContent StayEnding(string? referentName, string householdName, string dwelling, DateOnly endsOn, bool overdue, string link) =>
        EmailLayout.Compose(
            overdue
                ? $"Séjour de {householdName} : fin prévue dépassée ({French.Date(endsOn)})"
                : $"Séjour de {householdName} : fin prévue le {French.Date(endsOn)}",
            referentName,
            [
                overdue
                    ? $"Le séjour de {householdName} dans le logement {dwelling} devait se terminer le {French.Date(endsOn)}."
                    : $"Le séjour de {householdName} dans le logement {dwelling} se termine le {French.Date(endsOn)}, dans moins d'un mois.",
                "Faites le point avec le ménage : renouvellement du séjour, ou préparation de la sortie et du relogement.",
            ],
            ("Voir le séjour", link));

    public static EmailContent ReviewDue(string? name, string household, SupportMeasure measure, IReadOnlyList<ScheduledReview> reviews, string link)
    {
        var late = reviews.Any(r => r.State == ReviewState.Late);
        var subject = late
            ? $"Bilan en retard : {household} ({measure.Kind.Label()})"
            : $"Bilan à préparer : {household} ({measure.Kind.Label()})";
        var lines = reviews.Select(r => r.State == ReviewState.Late
            ? $"– {r.Label} : prévu le {French.Date(r.DueOn)}, en retard"
            : $"– {r.Label} : prévu le {French.Date(r.DueOn)}");
        return EmailLayout.Compose(subject, name,
            [$"La mesure {measure.Kind.Label()} du ménage {household} a un bilan à tenir :", .. lines, "Préparez-le avec le ménage et enregistrez-le dans son dossier :"],
            ("Ouvrir la mesure", link));
    }
}
