using System.Globalization;
using Htmx;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Portal.Accounts;
using Portal.Data;
using Portal.Documents;
using Portal.Email;
using Portal.Infrastructure;
using Portal.Jobs;
using Portal.Web;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Logging.ClearProviders();
if (builder.Environment.IsDevelopment())
    builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
else
    builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "O"; o.UseUtcTimestamp = true; });

PublicLinks.Require(config, builder.Environment);

var services = builder.Services;
services.PostConfigure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => PublicLinks.ConfigureHostFiltering(o, config, builder.Environment));
services.AddSingleton(TimeProvider.System);
services.AddPortalDatabase(config, builder.Environment);

services.AddIdentity<PortalUser, IdentityRole>(o =>
    {
        o.SignIn.RequireConfirmedEmail = true;
        o.SignIn.RequireConfirmedAccount = true;
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireDigit = true;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    })
    .AddEntityFrameworkStores<PortalDbContext>()
    .AddDefaultTokenProviders()
    .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddErrorDescriber<FrenchIdentityErrorDescriber>();
// Password-reset and confirmation links live one hour; invitations have their own provider.
services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = AccountTokens.Lifespan);

services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = "passerelle.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    // Never sent over plain HTTP outside Development (the site is reached over HTTPS there).
    o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    o.LoginPath = "/compte/connexion";
    o.LogoutPath = "/compte/deconnexion";
    o.AccessDeniedPath = "/statut/403";
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    o.SlidingExpiration = true;
    o.Events = new CookieAuthenticationEvents
    {
        OnRedirectToLogin = ctx =>
        {
            if (ctx.Request.IsHtmx())
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                ctx.Response.Headers["HX-Redirect"] = ctx.RedirectUri;
            }
            else
            {
                ctx.Response.Redirect(ctx.RedirectUri);
            }
            return Task.CompletedTask;
        },
        // A signed-in user on a page of another role gets a real 403 (rendered by /statut/403), not a redirect.
        OnRedirectToAccessDenied = ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        },
    };
    UserSessions.Attach(o.Events);
});
services.AddScoped<UserSessions>();
services.AddScoped<AccountSignIn>();
services.AddScoped<AccountAudit>();
services.AddScoped<AccountEmails>();

services.AddAuthorization(Policies.Configure);
services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Espace", Policies.Resident);
    o.Conventions.AuthorizeFolder("/Suivi", Policies.Staff);
    o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
    o.Conventions.AuthorizeFolder("/Partenaire", Policies.Partner);
    // The only pages open without an account.
    o.Conventions.AllowAnonymousToPage("/Index");
    o.Conventions.AllowAnonymousToPage("/Confidentialite");
    o.Conventions.AllowAnonymousToPage("/Error");
    o.Conventions.AllowAnonymousToPage("/StatusCode");
    // Cancellation by the link of an appointment email; the signed token is the only key.
    o.Conventions.AllowAnonymousToPage("/RendezVous/Annuler");
    foreach (var page in new[] { "Inscription", "InscriptionEnvoyee", "Confirmer", "RenvoyerConfirmation", "Connexion", "ConnexionCode", "MotDePasseOublie", "NouveauMotDePasse" })
        o.Conventions.AllowAnonymousToPage("/Compte/" + page);
    RateLimiting.Conventions(o.Conventions);
}).AddMvcOptions(o => o.Filters.Add<Portal.Privacy.ReadAuditFilter>());
// Every page: unknown or missing handlers answer 404; control characters and unreadable forms a French 400.
services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
{
    o.Filters.Add<Portal.Web.UnknownHandlerFilter>();
    o.Filters.Add<Portal.Web.ControlCharacterFilter>(Portal.Web.ControlCharacterFilter.FilterOrder);
});
services.AddRouting(o => o.LowercaseUrls = true);
// French text stays readable in the HTML source (é, not &#xE9;); markup characters are still encoded.
services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
services.AddAntiforgery(o =>
{
    o.HeaderName = "RequestVerificationToken";
    o.Cookie.Name = "passerelle.af";
});
services.AddPortalDataProtection(config, builder.Environment);
services.AddAntiforgeryCookieCache();
services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>, CachedTicketFormat.Setup>();
services.AddPortalRateLimiting(config);

services.Configure<SmtpOptions>(config.GetSection(SmtpOptions.Section));
if (string.IsNullOrWhiteSpace(config["Smtp:Host"]))
    services.AddSingleton<IMailTransport, PickupDirectoryMailTransport>();
else
    services.AddSingleton<IMailTransport, SmtpMailTransport>();

services.AddSingleton<PublicLinks>();
services.AddHttpContextAccessor();
services.AddScoped<Portal.Requests.RequestNotifier>();
services.AddScoped<DocumentRenderer>();
services.AddSingleton<WorkNode>();
services.AddSingleton<MailServerStatus>();
services.AddScoped<SendEmailJob>();
services.AddScoped<GenerateDocumentJob>();
services.AddScoped<PendingWorkSweeper>();
services.AddScoped<Portal.Privacy.RetentionPurge>();
services.AddScoped<Portal.Privacy.PersonalDataErasure>();
services.AddScoped<Portal.Privacy.StaffDeparture>();
services.AddScoped<RetentionJob>();
services.AddScoped<IFileMaker, Portal.Privacy.PersonalDataExport>();
services.AddScoped<IFileMaker, Portal.Exports.TableExport>();
services.AddScoped<IFileMaker, Portal.Exports.FunderWorkbook>();
services.AddScoped<Portal.Statistics.StatisticsService>();
services.AddScoped<AppointmentReminderJob>();
// Appointments: booking rules from Portal.Domain, signed cancellation links, emails with .ics.
services.AddSingleton<Portal.Appointments.AppointmentTokens>();
services.AddScoped<Portal.Appointments.AppointmentNotifier>();
services.AddScoped<Portal.Appointments.AppointmentBooking>();
services.AddPortalJobs(config);
services.AddPortalServices();

services.AddPortalTransport(config);
services.AddPublicPageCache();
services.AddHealthChecks()
    .AddCheck<DatabaseHealthCheck>("database")
    .AddCheck<JobStorageHealthCheck>("jobs");

var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);
DatabaseSetup.OptimizeAfterStart(app);
DatabaseSetup.ScheduleNextReviewsAfterStart(app);
await Seeder.SeedAsync(app.Services, app.Environment, config);

var french = new CultureInfo("fr-FR");
CultureInfo.DefaultThreadCurrentCulture = french;
CultureInfo.DefaultThreadCurrentUICulture = french;

app.UsePortalTransport(config, app.Environment);
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error");
app.UseFrenchStatusPages();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(french),
    SupportedCultures = [french],
    SupportedUICultures = [french],
});
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseConnectionPerRequest();
app.UseAuthentication();
app.UsePortalRateLimiting();
app.UseSecondFactorEnrolment();
app.UseAuthorization();
// After authentication: a signed-in request is never served from nor stored in the cache.
app.UseOutputCache();

app.MapRazorPages();
// An unknown address is a plain 404 (rendered by the status page), not a sign-in prompt.
app.MapFallback(context =>
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    return Task.CompletedTask;
}).AllowAnonymous();
app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapPortalDashboard();

app.Run();

public partial class Program;
