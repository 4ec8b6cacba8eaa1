using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;

namespace Waypoint.Data.Mappings;

internal sealed class OutcomeMapping : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> builder)
    {
        builder.ToTable("outcomes");
        builder.HasKey(o => o.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(o => o.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(o => o.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Outcome>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Waypoint.Core.Mindset.Campaign>().WithMany().HasForeignKey(o => o.SourceCampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Title).HasMaxLength(Outcome.TitleMaxLength).IsRequired();
        builder.Property(o => o.UserNeed).HasMaxLength(Outcome.TextMaxLength).IsRequired();
        builder.Property(o => o.DoneMeans).HasMaxLength(Outcome.TextMaxLength).IsRequired();
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(o => new { o.OrganisationId, o.TeamId });
        builder.HasIndex(o => new { o.OrganisationId, o.State });
    }
}

internal sealed class OutcomeStateChangeMapping : IEntityTypeConfiguration<OutcomeStateChange>
{
    public void Configure(EntityTypeBuilder<OutcomeStateChange> builder)
    {
        builder.ToTable("outcome_state_changes");
        builder.HasKey(c => c.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Outcome>().WithMany().HasForeignKey(c => c.OutcomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WaypointUser>().WithMany().HasForeignKey(c => c.ById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reason).HasMaxLength(Outcome.ReasonMaxLength);
        // A primitive collection: a JSON array on SQLite, a text[] on PostgreSQL.
        builder.PrimitiveCollection(c => c.OffTrackTargets).IsRequired();
        builder.HasIndex(c => new { c.OutcomeId, c.At });
    }
}
