using Portal.Appointments;
using Portal.Documents;
using Portal.Documents.Sources;
using Portal.Jobs;
using Portal.Workshops;

namespace Portal.Infrastructure;

public static class ServiceSetup
{
    /// The application's own services, one per request (or per job): pages and jobs receive them by
    /// injection, never build them nor pull them from the container.
    public static IServiceCollection AddPortalServices(this IServiceCollection services)
    {
        services.AddScoped<DocumentSources>();
        services.AddScoped<DocumentDesk>();
        services.AddScoped<StaffAgenda>();
        services.AddScoped<WorkshopRegistrations>();
        services.AddScoped<StayEndWarningJob>();
        services.AddScoped<ReviewWarningJob>();
        services.AddScoped<WorkshopOfferJob>();
        services.AddScoped<MoveInJob>();
        services.AddScoped<Portal.Import.ImportPreview>();
        services.AddScoped<Portal.Import.Importer>();
        services.AddScoped<ImportJob>();
        services.AddScoped<Portal.CaseFiles.HouseholdMerge>();
        return services;
    }
}
