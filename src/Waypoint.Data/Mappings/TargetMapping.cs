using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;

namespace Waypoint.Data.Mappings;

internal sealed class TargetMapping : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("targets");
        builder.HasKey(t => t.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Outcome>().WithMany().HasForeignKey(t => t.OutcomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.BaselineValue).HasPrecision(24, 6);
        builder.Property(t => t.TargetValue).HasPrecision(24, 6);
        builder.Property(t => t.Tolerance).HasPrecision(24, 6);
        builder.HasIndex(t => t.OutcomeId);
        builder.HasIndex(t => t.IndicatorId);
    }
}

internal sealed class TargetRevisionMapping : IEntityTypeConfiguration<TargetRevision>
{
    public void Configure(EntityTypeBuilder<TargetRevision> builder)
    {
        builder.ToTable("target_revisions");
        builder.HasKey(r => r.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Target>().WithMany().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.PreviousBaselineValue).HasPrecision(24, 6);
        builder.Property(r => r.PreviousTargetValue).HasPrecision(24, 6);
        builder.Property(r => r.Reason).HasMaxLength(Target.ReasonMaxLength).IsRequired();
        builder.HasIndex(r => r.TargetId);
    }
}
