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
        ChangeTracker.Tracked += RefuseStaleRecord;
    }

    /// <summary>
    /// A record loaded to be changed that is no longer at the revision the person read is refused at once, before any
    /// rule judges the change against values the person never saw. (Two writers who load the same revision are told
    /// apart by the database as the first one writes: see <see cref="Revise"/>.)
    /// </summary>
    private void RefuseStaleRecord(object? sender, Microsoft.EntityFrameworkCore.ChangeTracking.EntityTrackedEventArgs e)
    {
        if (e.FromQuery && e.Entry.Entity is Core.IVersionedRecord versioned
            && _scope.TryGetExpectedRevision(e.Entry.Metadata.ClrType, e.Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Entry.Property(p.Name).CurrentValue).Single()!, out var read)
            && read != versioned.Revision)
        {
            _scope.FoundStaleRecord = true;
            throw new Core.RecordChanged();
        }
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

    public DbSet<OutcomeStateChange> OutcomeStateChanges => Set<OutcomeStateChange>();

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

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

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

        // Every edited record's revision is a concurrency token: its UPDATE checks the revision it was read at.
        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(Core.IVersionedRecord).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(entityType.ClrType).Property(nameof(Core.IVersionedRecord.Revision)).IsConcurrencyToken();
        }

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
        var (audit, checkedRecords) = PrepareWrite();
        try
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            Checked(checkedRecords);
            return saved;
        }
        catch (DbUpdateException e) when (StorageErrors.Translate(e, Model, checkedRecords.Count > 0) is { } meaning)
        {
            Forget(audit, meaning);
            throw meaning;
        }
        catch
        {
            Forget(audit, null);
            throw;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (audit, checkedRecords) = PrepareWrite();
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            Checked(checkedRecords);
            return saved;
        }
        catch (DbUpdateException e) when (StorageErrors.Translate(e, Model, checkedRecords.Count > 0) is { } meaning)
        {
            Forget(audit, meaning);
            throw meaning;
        }
        catch
        {
            Forget(audit, null);
            throw;
        }
    }

    private void Checked(List<(Type Type, object Key)> records)
    {
        foreach (var (type, key) in records)
        {
            _scope.Checked(type, key);
        }
    }

    /// <summary>
    /// A change that failed to save leaves nothing behind to be saved with a later one: not its audit entries, and — when
    /// the database refused it as stale or as a duplicate — not the refused change itself, so that the rest of the
    /// request (showing the form again, say) reads what is really stored.
    /// </summary>
    private void Forget(List<AuditEntry> audit, Exception? refusal)
    {
        foreach (var entry in audit)
        {
            Entry(entry).State = EntityState.Detached;
        }

        if (refusal is Core.RecordChanged)
        {
            _scope.FoundStaleRecord = true;
        }

        if (refusal is not null)
        {
            ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Checks tenancy, raises the revision of each edited record (checking the one the editor read, when the request
    /// said which), and adds the audit entries, which then commit in the same transaction as the change.
    /// </summary>
    private (List<AuditEntry> Audit, List<(Type Type, object Key)> Checked) PrepareWrite()
    {
        ChangeTracker.DetectChanges();
        var checkedRecords = Revise();
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

        return (AddAuditEntries(pending), checkedRecords);
    }

    /// <summary>
    /// Optimistic concurrency, done by the database: every edited record's revision goes up by one, and the UPDATE
    /// carries the revision read as its condition (the revision is a concurrency token), so of two writers who read
    /// the same revision only the first is written — the second updates no row and is refused. Where the request said
    /// which revision the person read, that is the condition, and the record counts as edited even if no value changed.
    /// </summary>
    private List<(Type Type, object Key)> Revise()
    {
        // A change to what a record owns (a framework's features, kept in its row) is a change of the record.
        foreach (var owned in ChangeTracker.Entries().Where(e => e.Metadata.IsOwned() && e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList())
        {
            if (RootOwner(owned) is { State: EntityState.Unchanged } owner)
            {
                owner.State = EntityState.Modified;
            }
        }

        var checkedRecords = new List<(Type, object)>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is not Core.IVersionedRecord versioned || entry.State is EntityState.Detached or EntityState.Deleted)
            {
                continue;
            }

            var type = entry.Metadata.ClrType;
            var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue).Single()!;
            var isExpected = _scope.TryGetExpectedRevision(type, key, out var read);
            if (isExpected)
            {
                checkedRecords.Add((type, key));
            }

            if (entry.State == EntityState.Added)
            {
                // Someone created it first: the revision the person read (of a record not yet there) is gone.
                if (isExpected && read != versioned.Revision)
                {
                    throw Stale();
                }

                continue;
            }

            if (entry.State == EntityState.Unchanged && !isExpected)
            {
                continue;
            }

            var revision = entry.Property(nameof(Core.IVersionedRecord.Revision));
            var original = isExpected ? read : (int)revision.OriginalValue!;
            if (isExpected && read != versioned.Revision)
            {
                throw Stale();
            }

            revision.OriginalValue = original;
            revision.CurrentValue = original + 1;
        }

        return checkedRecords;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: this request's own, when it already has one (an idempotent
    /// request's), otherwise a new one that commits when the work is done and rolls back when it throws.
    /// </summary>
    public async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Marks a record as changed when what changed is kept elsewhere (an organisation's risk appetites belong to its
    /// step settings), so that its revision goes up and an editor holding the old one is refused.
    /// </summary>
    public void Touch(object record)
    {
        var entry = Entry(record);
        if (entry.State == EntityState.Unchanged)
        {
            entry.State = EntityState.Modified;
        }
    }

    private Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry? RootOwner(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        var current = entry;
        while (current.Metadata.IsOwned())
        {
            var ownership = current.Metadata.FindOwnership()!;
            var key = ownership.Properties.Select(p => current.Property(p.Name).CurrentValue).ToList();
            var principal = ChangeTracker.Entries().FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType
                && ownership.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(key));
            if (principal is null)
            {
                return null;
            }

            current = principal;
        }

        return current;
    }

    /// <summary>Refuses a change made to a revision that is no longer current, before anything is sent to the database.</summary>
    private Core.RecordChanged Stale()
    {
        _scope.FoundStaleRecord = true;
        ChangeTracker.Clear();
        return new Core.RecordChanged();
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
