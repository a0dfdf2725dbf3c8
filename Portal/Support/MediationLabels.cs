using Portal.Domain.Formatting;
using Portal.Domain.Support;

namespace Portal.Support;

public static class MediationLabels
{
    /// « du 3 mars 2026 au 12 avril 2026 », or « depuis le 3 mars 2026 » while it runs.
    public static string Period(this Mediation m) => m.EndedOn is { } end
        ? $"du {French.Date(m.StartedOn)} au {French.Date(end)}"
        : $"depuis le {French.Date(m.StartedOn)}";
}
