using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Data;

namespace Waypoint.Features.Mindset;

/// <summary>What a person gives to edit a framework version: its name and every feature, in order.</summary>
public sealed record FrameworkInput(string? Name, IReadOnlyList<FeatureDraft>? Features);

/// <summary>A framework version in a list. <see cref="InUse"/>: a campaign uses it, so it can be cloned but not edited.</summary>
public sealed record FrameworkSummary(Guid Id, string Name, int Version, int Features, int Statements, bool InUse, Guid? BasedOnId, DateTimeOffset CreatedAt);

/// <summary>
/// The organisation's mindset frameworks. Every organisation has the default one (the fifteen features) from the
/// first time it looks. A version a campaign uses never changes; clone it to make the next version and edit that.
/// </summary>
public sealed class FrameworkService(WaypointDb db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<List<FrameworkSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureDefaultAsync(cancellationToken);
        var frameworks = await db.MindsetFrameworks.AsNoTracking().OrderBy(f => f.Name).ThenByDescending(f => f.Version).ToListAsync(cancellationToken);
        var used = await db.MindsetCampaigns.Select(c => c.FrameworkId).Distinct().ToListAsync(cancellationToken);
        return frameworks.Select(f => new FrameworkSummary(f.Id, f.Name, f.Version, f.Features.Count, f.StatementCount, used.Contains(f.Id), f.BasedOnId, f.CreatedAt)).ToList();
    }

    public async Task<Framework?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.MindsetFrameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    public Task<bool> IsInUseAsync(Guid id, CancellationToken cancellationToken) =>
        db.MindsetCampaigns.AnyAsync(c => c.FrameworkId == id, cancellationToken);

    /// <summary>The default framework, made for the organisation the first time it is needed.</summary>
    public async Task<Framework> EnsureDefaultAsync(CancellationToken cancellationToken)
    {
        var existing = await db.MindsetFrameworks.AsNoTracking().OrderBy(f => f.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var framework = DefaultFramework.Create(Guid.NewGuid(), organisationId, clock.GetUtcNow());
        db.MindsetFrameworks.Add(framework);
        await db.SaveChangesAsync(cancellationToken);
        return framework;
    }

    /// <summary>Makes the next version of a framework, with the same features, ready to edit.</summary>
    public async Task<Framework?> CloneAsync(Guid id, CancellationToken cancellationToken)
    {
        var source = await FindAsync(id, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var clone = source.Clone(Guid.NewGuid(), await NextVersionAsync(source.Name, cancellationToken), clock.GetUtcNow());
        db.MindsetFrameworks.Add(clone);
        await db.SaveChangesAsync(cancellationToken);
        return clone;
    }

    public async Task<Framework?> EditAsync(Guid id, FrameworkInput input, CancellationToken cancellationToken)
    {
        var framework = await db.MindsetFrameworks.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (framework is null)
        {
            return null;
        }

        framework.Edit(input.Name, input.Features, await IsInUseAsync(id, cancellationToken));
        if (await db.MindsetFrameworks.AnyAsync(f => f.Id != id && f.Name == framework.Name && f.Version == framework.Version, cancellationToken))
        {
            throw new RuleViolation("name", $"There is already a version {framework.Version} of a framework called {framework.Name}. Choose another name");
        }

        await db.SaveChangesAsync(cancellationToken);
        return framework;
    }

    public async Task<FrameworkDocument?> ExportAsync(Guid id, CancellationToken cancellationToken) =>
        (await FindAsync(id, cancellationToken))?.ToDocument();

    public static string ToJson(FrameworkDocument document) => JsonSerializer.Serialize(document, Json);

    /// <summary>Adds a framework from its JSON shape, as the next version of its name.</summary>
    public async Task<Framework> ImportAsync(FrameworkDocument? document, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        // Checked once with a placeholder version, so a bad document is refused before anything is counted.
        var framework = Framework.Import(Guid.NewGuid(), organisationId, document, 1, clock.GetUtcNow());
        framework = Framework.Import(framework.Id, organisationId, document, await NextVersionAsync(framework.Name, cancellationToken), clock.GetUtcNow());
        db.MindsetFrameworks.Add(framework);
        await db.SaveChangesAsync(cancellationToken);
        return framework;
    }

    public async Task<Framework> ImportJsonAsync(string? json, CancellationToken cancellationToken)
    {
        FrameworkDocument? document;
        try
        {
            document = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<FrameworkDocument>(json, Json);
        }
        catch (JsonException)
        {
            throw new RuleViolation("file", "The file is not a framework in JSON. Export a framework to see the shape it needs");
        }

        return await ImportAsync(document, cancellationToken);
    }

    private async Task<int> NextVersionAsync(string name, CancellationToken cancellationToken) =>
        (await db.MindsetFrameworks.Where(f => f.Name == name).Select(f => (int?)f.Version).MaxAsync(cancellationToken) ?? 0) + 1;
}
