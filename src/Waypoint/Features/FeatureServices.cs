namespace Waypoint.Features;

/// <summary>Each feature's services and endpoints, registered in one visible list.</summary>
public static class FeatureServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<Account.PasswordSignIn>();
        services.AddScoped<Demo.DemoSeeder>();
        services.AddScoped<People.PeopleService>();
        services.AddScoped<Teams.TeamService>();
        services.AddScoped<Services.ServiceDirectory>();
        services.AddScoped<Tokens.TokenService>();
        services.AddScoped<Audit.AuditTrailReader>();
        services.AddScoped<Outcomes.OutcomeService>();
        services.AddScoped<Indicators.IndicatorService>();
        services.AddScoped<CheckIns.CheckInService>();
        services.AddScoped<Steps.StepService>();
        services.AddScoped<Mindset.FrameworkService>();
        services.AddScoped<Mindset.CampaignService>();
        services.AddScoped<Mindset.InvitationService>();
        services.AddScoped<Mindset.ResponseService>();
        services.AddScoped<Mindset.ResultsService>();
        services.AddScoped<Mindset.ResultsPublisher>();
        services.AddScoped<Mindset.MindsetSettingsService>();
        services.AddSingleton<Mindset.IInvitationSender, Mindset.CsvInvitationSender>();
    }
}

public static class FeatureEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/orgs/{org}")
            .WithTags("Organisation")
            .WithMetadata(new Infrastructure.Web.RateLimitedAsAttribute(Infrastructure.Web.RateLimitKind.Api))
            .AddEndpointFilter(Infrastructure.Web.InputChecks.RefuseWhatNoEndpointTakes)
            .AddEndpointFilter(Infrastructure.Web.RuleViolationFilter.AsValidationProblem);
        Organisations.OrganisationsApi.Map(api);
        Teams.TeamsApi.Map(api);
        Services.ServicesApi.Map(api);
        People.PeopleApi.Map(api);
        Audit.AuditApi.Map(api);
        Outcomes.OutcomesApi.Map(api);
        Indicators.IndicatorsApi.Map(api);
        CheckIns.CheckInsApi.Map(api);
        Steps.StepsApi.Map(api);
        Mindset.MindsetApi.Map(api);
    }
}
