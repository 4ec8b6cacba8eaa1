using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.CheckIns;
using Waypoint.Core.Mindset;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;
using Waypoint.Core.Steps;

namespace Waypoint.Data;

/// <summary>
/// Where Waypoint keeps everything. Tenancy is enforced here and only here: every <see cref="ITenantOwned"/>
/// type is filtered to the organisation in <see cref="WaypointScope"/>, and a write to another organisation's
/// row is refused. Every write also appends to the audit trail in the same transaction.
/// </summary>
public sealed class WaypointDb : IdentityDbContext<WaypointUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    private readonly WaypointScope _scope;
    private readonly TimeProvider _clock;

    public WaypointDb(DbContextOptions<WaypointDb> options, WaypointScope scope, TimeProvider clock)
        : base(options)
    {
        _scope = scope;
        _clock = clock;
    }

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Outcome> Outcomes => Set<Outcome>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<TargetRevision> TargetRevisions => Set<TargetRevision>();

    public DbSet<Measurement> Measurements => Set<Measurement>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<Step> Steps => Set<Step>();

    public DbSet<Learning> Learning => Set<Learning>();

    public DbSet<StepSettings> StepSettings => Set<StepSettings>();

    public DbSet<RiskAppetite> RiskAppetites => Set<RiskAppetite>();

    public DbSet<Framework> MindsetFrameworks => Set<Framework>();

    public DbSet<Campaign> MindsetCampaigns => Set<Campaign>();

    public DbSet<RespondentGroup> RespondentGroups => Set<RespondentGroup>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Response> MindsetResponses => Set<Response>();

    public DbSet<PublishedResults> PublishedResults => Set<PublishedResults>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Read by the query filters; EF Core re-evaluates it for every query on this instance.</summary>
    internal Guid? CurrentOrganisationId => _scope.OrganisationId;

    public WaypointScope Scope => _scope;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date-time type that sorts and compares: store UTC instants as 64-bit binaries.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WaypointDb).Assembly);

        var apply = typeof(WaypointDb).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            apply.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
        }
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder)
        where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => (Guid?)e.OrganisationId == CurrentOrganisationId;
        builder.Entity<T>().HasQueryFilter(filter);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var audit = PrepareWrite();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch
        {
            Forget(audit);
            throw;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var audit = PrepareWrite();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            Forget(audit);
            throw;
        }
    }

    /// <summary>A change that failed to save leaves no audit entries behind to be saved with a later one.</summary>
    private void Forget(List<AuditEntry> audit)
    {
        foreach (var entry in audit)
        {
            Entry(entry).State = EntityState.Detached;
        }
    }

    /// <summary>Checks tenancy and adds the audit entries, which then commit in the same transaction as the change.</summary>
    private List<AuditEntry> PrepareWrite()
    {
        ChangeTracker.DetectChanges();
        var pending = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Entity is AuditEntry && entry.State != EntityState.Added)
            {
                throw new InvalidOperationException("The audit trail is append-only.");
            }

            if (entry.Entity is ITenantOwned owned)
            {
                GuardTenancy(entry, owned);
            }

            if (AuditTrail.Describes(entry))
            {
                pending.Add(AuditTrail.Capture(entry));
            }
        }

        return AddAuditEntries(pending);
    }

    private void GuardTenancy(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, ITenantOwned owned)
    {
        if (_scope.OrganisationId is not { } scoped)
        {
            // No organisation in scope: only system callers (the command line, seeding) write like this.
            return;
        }

        var property = entry.Property(nameof(ITenantOwned.OrganisationId));
        var original = entry.State == EntityState.Added ? owned.OrganisationId : (Guid)property.OriginalValue!;
        if (owned.OrganisationId != scoped || original != scoped)
        {
            throw new TenancyViolationException(
                $"A {entry.Metadata.ClrType.Name} of another organisation cannot be written from this one.");
        }
    }

    private List<AuditEntry> AddAuditEntries(List<PendingAudit> audit)
    {
        var now = _clock.GetUtcNow();
        var added = new List<AuditEntry>(audit.Count);
        foreach (var item in audit)
        {
            var entry = new AuditEntry(
                item.OrganisationId,
                _scope.ActorId,
                _scope.ActorName,
                now,
                item.EntityType,
                item.EntityId,
                item.Action,
                item.Before,
                item.After);
            AuditEntries.Add(entry);
            added.Add(entry);
        }

        return added;
    }
}
