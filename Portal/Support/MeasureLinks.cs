namespace Portal.Support;

/// Addresses of a support measure's pages, for links written outside a page (emails, dashboards,
/// the landlord's page). Pages link with asp-page and Url.Page.
public static class MeasureLinks
{
    public static string Household(long householdId) => $"/suivi/menages/{householdId}/accompagnement";
    public static string Overview(long householdId, long measureId) => $"{Household(householdId)}/mesures/{measureId}";
    public static string Reviews(long householdId, long measureId) => $"{Overview(householdId, measureId)}/bilans";
}
