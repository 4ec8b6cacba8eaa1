using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Outcomes;
using Waypoint.Cli;
using Waypoint.Core.Access;
using Waypoint.Core.Organisations;
using Waypoint.Data;
using Waypoint.Features.People;

namespace Waypoint.Features.Demo;

/// <summary>What seeding did, for the person who ran it.</summary>
public sealed record DemoSeedReport(IReadOnlyList<string> OrganisationsCreated, int UsersCreated, string? GeneratedPassword)
{
    public string Describe()
    {
        if (OrganisationsCreated.Count == 0)
        {
            return "waypoint: the demo organisations are already there; nothing changed.";
        }

        var text = new StringBuilder($"waypoint: created the demo organisations {string.Join(" and ", OrganisationsCreated)} with {UsersCreated} users.");
        if (GeneratedPassword is not null)
        {
            text.Append($" Demo password, shown only now (set {DemoSeeder.PasswordVariable} to choose one): {GeneratedPassword}");
        }

        return text.ToString();
    }
}

/// <summary>
/// Creates Anytown Borough Council and a second small organisation, Otherton, so isolation can be seen. The same
/// names always get the same ids, and an organisation that already exists is left exactly as it is.
/// </summary>
public sealed class DemoSeeder(WaypointDb db, UserManager<WaypointUser> users, TimeProvider clock)
{
    public const string PasswordVariable = "WAYPOINT_DEMO_PASSWORD";

    private sealed record Person(string Email, string Name, Role Role);

    private sealed record ServiceSpec(string Name, string Description, string? ManagerEmail);

    private sealed record OrganisationSpec(string Slug, string Name, Person[] People, (string Name, string Description)[] Teams, ServiceSpec[] Services);

    private static readonly OrganisationSpec[] Organisations =
    [
        new("anytown", "Anytown Borough Council",
            [
                new("admin@anytown.example", "Alex Morgan", Role.Admin),
                new("leader@anytown.example", "Jordan Lee", Role.Leader),
                new("member@anytown.example", "Casey Brown", Role.Member),
                new("stakeholder@anytown.example", "Sam Patel", Role.Stakeholder),
                new("viewer@anytown.example", "Cllr Robin Hughes", Role.Viewer),
                new("housing.manager@anytown.example", "Priya Shah", Role.Stakeholder),
                new("parking.manager@anytown.example", "Tom Okafor", Role.Stakeholder),
                new("designer@anytown.example", "Mei Wong", Role.Member),
                new("revenues.manager@anytown.example", "Grace Mensah", Role.Stakeholder),
                new("libraries.manager@anytown.example", "Owen Price", Role.Stakeholder),
                new("planning.manager@anytown.example", "Fatima Rahman", Role.Stakeholder),
            ],
            [
                ("Digital Services", "Designs and builds the council's online services with the people who run them."),
                ("Customer Contact", "Answers residents by phone, web chat and in person, and learns where services confuse people."),
                ("Data and Insight", "Keeps the council's measures honest and publishes them as open data."),
                ("Waste Transformation", "A multidisciplinary team moving waste and recycling services online."),
            ],
            [
                new("Waste and recycling collection", "Weekly bin and recycling collections for 48,000 households.", "stakeholder@anytown.example"),
                new("Housing repairs", "Reporting and fixing repairs in the council's 6,500 homes.", "housing.manager@anytown.example"),
                new("Parking permits", "Resident and visitor parking permits across 14 zones.", "parking.manager@anytown.example"),
                new("Council Tax", "Billing, discounts and payments for 52,000 properties.", "revenues.manager@anytown.example"),
                new("Libraries", "Six libraries, a mobile library and the online catalogue.", "libraries.manager@anytown.example"),
                new("Planning applications", "Applying for, commenting on and deciding planning permission.", "planning.manager@anytown.example"),
            ]),
        new("otherton", "Otherton District Council",
            [new("admin@otherton.example", "Kim Adeyemi", Role.Admin)],
            [("Digital", "Otherton's small digital team.")],
            [new("Street lighting", "Reporting and repairing street lights.", null)]),
    ];

    public async Task<bool> IsDatabaseEmptyAsync(CancellationToken cancellationToken) =>
        !await db.Organisations.AnyAsync(cancellationToken) && !await db.Users.AnyAsync(cancellationToken);

    public async Task<DemoSeedReport> SeedAsync(string? password, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        var usersCreated = 0;
        string? generated = null;
        foreach (var spec in Organisations)
        {
            if (await db.Organisations.AnyAsync(o => o.Slug == spec.Slug, cancellationToken))
            {
                continue;
            }

            if (string.IsNullOrEmpty(password))
            {
                password = generated = PeopleService.GeneratePassword();
            }

            usersCreated += await SeedOrganisationAsync(spec, password, cancellationToken);
            created.Add(spec.Slug);
        }

        return new DemoSeedReport(created, usersCreated, generated);
    }

    private async Task<int> SeedOrganisationAsync(OrganisationSpec spec, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisation = new Organisation(IdFor(spec.Slug), spec.Slug, spec.Name, now);
        db.Organisations.Add(organisation);

        var created = 0;
        var userIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var person in spec.People)
        {
            var user = await users.FindByEmailAsync(person.Email);
            if (user is null)
            {
                user = new WaypointUser
                {
                    Id = IdFor(person.Email),
                    UserName = person.Email,
                    Email = person.Email,
                    EmailConfirmed = true,
                    DisplayName = person.Name,
                    CreatedAt = now,
                };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    throw new CliError($"{PasswordVariable} is not usable: {result.Errors.First().Description}");
                }

                created++;
            }

            userIds[person.Email] = user.Id;
            db.Memberships.Add(new Membership(IdFor($"{spec.Slug}/membership/{person.Email}"), organisation.Id, user.Id, person.Role, now));
        }

        foreach (var (name, description) in spec.Teams)
        {
            db.Teams.Add(new Team(IdFor($"{spec.Slug}/team/{name}"), organisation.Id, name, description));
        }

        foreach (var service in spec.Services)
        {
            var manager = service.ManagerEmail is null ? (Guid?)null : userIds[service.ManagerEmail];
            db.Services.Add(new Service(IdFor($"{spec.Slug}/service/{service.Name}"), organisation.Id, service.Name, service.Description, manager));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (spec.Slug == "anytown")
        {
            db.AddRange(DemoOutcomes.Create(organisation.Id, IdFor, now));
            await db.SaveChangesAsync(cancellationToken);
            await SeedStepsAsync(organisation.Id, now, cancellationToken);
            await DemoMindset.SeedAsync(db, organisation.Id, IdFor, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    private async Task SeedStepsAsync(Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var measurements = (await db.Measurements.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.OrganisationId == organisationId)
                .Select(m => new { m.IndicatorId, m.Date, m.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.IndicatorId);
        var open = await db.Outcomes.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.OrganisationId == organisationId && (o.State == OutcomeState.Agreed || o.State == OutcomeState.Active))
            .Select(o => o.Id).ToListAsync(cancellationToken);
        decimal? ValueOn(Guid indicator, DateOnly date) =>
            measurements[indicator].Where(m => m.Date <= date).OrderByDescending(m => m.Date).Select(m => (decimal?)m.Value).FirstOrDefault();
        db.AddRange(DemoSteps.Create(organisationId, IdFor, now, ValueOn, open.Contains));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The same name always gives the same id, so the demo is the same on every machine.</summary>
    public static Guid IdFor(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("waypoint-demo:" + name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
