using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Organisations;
using Waypoint.Data;
using Waypoint.Features.Demo;

namespace Waypoint.Tests.Infrastructure;

/// <summary>Storage itself, not each handler, keeps organisations apart.</summary>
public abstract class TenancyTests(WaypointApp app)
{
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");
    private static readonly Guid Otherton = DemoSeeder.IdFor("otherton");

    private async Task<T> InOrganisationAsync<T>(Guid organisationId, Func<WaypointDb, Task<T>> work)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(organisationId);
        return await work(db);
    }

    [Fact]
    public async Task A_scoped_query_sees_only_its_own_organisations_rows()
    {
        var teams = await InOrganisationAsync(Anytown, db => db.Teams.Select(t => t.OrganisationId).Distinct().ToListAsync());
        Assert.Equal([Anytown], teams);
        var members = await InOrganisationAsync(Otherton, db => db.Memberships.CountAsync());
        Assert.Equal(1, members);
    }

    [Fact]
    public async Task With_no_organisation_in_scope_no_tenant_row_is_visible()
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.Teams.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Memberships.CountAsync()));
    }

    [Fact]
    public async Task Writing_another_organisations_row_is_refused_and_nothing_is_saved()
    {
        await Assert.ThrowsAsync<TenancyViolationException>(() => InOrganisationAsync(Anytown, async db =>
        {
            db.Teams.Add(new Team(Guid.NewGuid(), Otherton, "Smuggled in", null));
            return await db.SaveChangesAsync();
        }));
        Assert.False(await app.WithDbAsync(db => db.Teams.IgnoreQueryFilters().AnyAsync(t => t.Name == "Smuggled in")));
    }

    [Fact]
    public async Task Changing_a_row_found_past_the_filter_is_refused()
    {
        await Assert.ThrowsAsync<TenancyViolationException>(() => InOrganisationAsync(Anytown, async db =>
        {
            var theirs = await db.Teams.IgnoreQueryFilters().FirstAsync(t => t.OrganisationId == Otherton);
            theirs.Update("Renamed from Anytown", null);
            return await db.SaveChangesAsync();
        }));
        Assert.False(await app.WithDbAsync(db => db.Teams.IgnoreQueryFilters().AnyAsync(t => t.Name == "Renamed from Anytown")));
    }

    [Fact]
    public async Task A_change_that_fails_to_save_leaves_no_audit_entry_behind()
    {
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        var saved = await InOrganisationAsync(Anytown, async db =>
        {
            // A second team with an existing name breaks the unique index, which storage reports as a conflict.
            db.Teams.Add(new Team(Guid.NewGuid(), Anytown, "Digital Services", null));
            Assert.Equal("name", (await Assert.ThrowsAsync<Waypoint.Core.RecordConflict>(() => db.SaveChangesAsync())).Field);
            db.ChangeTracker.Entries<Team>().ToList().ForEach(e => e.State = EntityState.Detached);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, saved);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_once_written()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            db.AuditEntries.Remove(entry);
            return await db.SaveChangesAsync();
        }));
    }
}

public sealed class TenancyOnSqlite(SqliteApp app) : TenancyTests(app), IClassFixture<SqliteApp>;

public sealed class TenancyOnPostgres(PostgresApp app) : TenancyTests(app), IClassFixture<PostgresApp>;
