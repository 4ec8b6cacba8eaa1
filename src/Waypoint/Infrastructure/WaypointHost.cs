using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using System.Globalization;
using Waypoint.Data;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Identity;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Infrastructure;

/// <summary>Builds the application: the same services for the web server and for every command-line subcommand.</summary>
public static class WaypointHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : FindContentRoot(),
        });
        var settings = WaypointSettings.From(builder.Configuration);
        var services = builder.Services;

        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<WaypointScope>();
        // The organisation of the request and its viewer (who is looking, and today's date there), made once by the
        // tenancy middleware; the services ask it rather than being passed flags.
        services.AddScoped<OrganisationContext>();
        services.AddDbContext<WaypointDb>(o => WaypointDatabase.Configure(o, settings.Database.Provider, settings.Database.EffectiveConnectionString));

        AddIdentity(services, settings);
        AddWeb(services, settings);
        Features.FeatureServices.Add(services);
        return builder;
    }

    private const string ByPath = "WaypointByPath";

    private static void AddIdentity(IServiceCollection services, WaypointSettings settings)
    {
        services.AddIdentityCore<WaypointUser>(o =>
            {
                // NCSC guidance: length and a deny-list (PasswordPolicyValidator), not composition rules.
                // PasswordPolicyValidator enforces the length with a clearer message.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<WaypointDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>();

        services.AddDataProtection()
            .SetApplicationName("Waypoint")
            .PersistKeysToDbContext<WaypointDb>();

        var cookieSecurity = settings.Https.Enabled ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = ByPath;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            // The API knows only bearer tokens (so no cross-site request can ride on a cookie); pages know only the cookie.
            .AddPolicyScheme(ByPath, ByPath, o => o.ForwardDefaultSelector = context =>
                Problems.IsApi(context) ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie!.Configure(o =>
            {
                o.Cookie.Name = "waypoint";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = cookieSecurity;
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // A signed-in person without the right role gets the 403 page, not a redirect.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
            cookies.ExternalCookie!.Configure(o =>
            {
                o.Cookie.SecurePolicy = cookieSecurity;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });
        });
        SingleSignOn.Add(authentication, settings.OpenIdConnect, cookieSecurity);

        services.AddAuthorization(o => o.AddWaypointPolicies());
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();
    }

    private static void AddWeb(IServiceCollection services, WaypointSettings settings)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // The add and change forms are one page each, reached by two addresses.
            o.Conventions.AddPageRoute("/Teams/Edit", "/{org}/teams/{id:guid}/edit");
            o.Conventions.AddPageRoute("/Services/Edit", "/{org}/services/{id:guid}/edit");
            o.Conventions.AddPageRoute("/Outcomes/Edit", "/{org}/outcomes/{id:guid}/edit");
            o.Conventions.AddPageRoute("/Indicators/Edit", "/{org}/indicators/{id:guid}/edit");
        });
        services.AddSingleton<LocalTime>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "waypoint-antiforgery";
            o.Cookie.SecurePolicy = settings.Https.Enabled ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Enums are read by name only: "role": 99, "role": 4 or "role": "Viewer, Admin" is refused, not stored.
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new EnumNames()));
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<ApiDocument>();
            o.AddOperationTransformer<AnonymousOperations>();
            o.AddOperationTransformer<IdempotentOperations>();
            o.AddOperationTransformer<ConcurrencyOperations>();
            o.AddOperationTransformer<RateLimitedOperations>();
            o.AddOperationTransformer<ParameterDescriptions>();
            o.AddSchemaTransformer<EnumSchemas>();
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddWaypointRateLimits(settings.RateLimits);
    }

    /// <summary>Runs from a checkout, a build folder or a published folder: the content root is where the app's files are.</summary>
    private static string FindContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        if (Directory.Exists(Path.Combine(current, "wwwroot")))
        {
            return current;
        }

        // `dotnet run --project src/Waypoint` from the repository root: the project folder holds wwwroot.
        var project = Path.Combine(current, "src", "Waypoint");
        return Directory.Exists(Path.Combine(project, "wwwroot")) ? project : AppContext.BaseDirectory;
    }

    public static WebApplication BuildWebApplication(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        var settings = app.Services.GetRequiredService<WaypointSettings>();

        if (settings.Https.Enabled)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders(settings.OpenIdConnect);
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.GetCultureInfo("en-GB")),
            SupportedCultures = [CultureInfo.GetCultureInfo("en-GB")],
            SupportedUICultures = [CultureInfo.GetCultureInfo("en-GB")],
        });
        // The API answers errors with problem details; pages with the GOV.UK-style error page.
        app.UseWhen(Problems.IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = ApiExceptionHandler.HandleAsync,
                // A client's mistake is not the server's error: the handler logs it as information, without the input.
                SuppressDiagnosticsCallback = c => ApiExceptionHandler.IsClientMistake(c.Exception),
            });
            api.UseStatusCodePages(async context =>
            {
                var status = context.HttpContext.Response.StatusCode;
                await Problems.WriteAsync(context.HttpContext, status, ReasonPhrases(status), Explanation(status));
            });
        });
        app.UseWhen(context => !Problems.IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseMiddleware<UnstorableCharacters>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // After routing and authentication: an allowance belongs to the endpoint chosen and the person validated.
        app.UseWaypointRateLimits();
        app.UseMiddleware<TenancyMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous().DisableRateLimiting();
        Features.FeatureEndpoints.Map(app);
        return app;
    }

    /// <summary>What a client can do about an answer that carries no explanation of its own.</summary>
    private static string? Explanation(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Send a bearer token made by 'waypoint tokens create': Authorization: Bearer wp_…",
        StatusCodes.Status405MethodNotAllowed => "This address does not take that method; the OpenAPI document at /openapi/v1.json lists the ones it takes.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with the header Content-Type: application/json.",
        StatusCodes.Status429TooManyRequests => "Wait a minute (see Retry-After), then try again.",
        _ => null,
    };

    private static string ReasonPhrases(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid",
        StatusCodes.Status401Unauthorized => "Sign in needed",
        StatusCodes.Status403Forbidden => "Not allowed",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status412PreconditionFailed => "The record has changed",
        StatusCodes.Status415UnsupportedMediaType => "Send JSON",
        StatusCodes.Status428PreconditionRequired => "If-Match needed",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };
}
