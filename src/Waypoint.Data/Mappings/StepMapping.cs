using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;
using Waypoint.Core.Steps;

namespace Waypoint.Data.Mappings;

internal sealed class StepMapping : IEntityTypeConfiguration<Step>
{
    public void Configure(EntityTypeBuilder<Step> builder)
    {
        builder.ToTable("steps");
        builder.HasKey(s => s.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Outcome>().WithMany().HasForeignKey(s => s.OutcomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WaypointUser>().WithMany().HasForeignKey(s => s.DecidedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WaypointUser>().WithMany().HasForeignKey(s => s.BoxOverriddenBy).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Title).HasMaxLength(Step.TitleMaxLength).IsRequired();
        builder.Property(s => s.Change).HasMaxLength(Step.TextMaxLength).IsRequired();
        builder.Property(s => s.ExpectedEffect).HasMaxLength(Step.TextMaxLength).IsRequired();
        builder.Property(s => s.Because).HasMaxLength(Step.TextMaxLength).IsRequired();
        builder.Property(s => s.BoxOverrideReason).HasMaxLength(Step.TextMaxLength);
        builder.Property(s => s.DecisionReason).HasMaxLength(Step.TextMaxLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.SignOff).HasConversion<string>().HasMaxLength(20);
        // Owners are a short list of people kept with the step (a JSON array in SQLite, uuid[] in PostgreSQL).
        builder.PrimitiveCollection(s => s.Owners).HasField("_owners").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ComplexProperty(s => s.Risk, risk =>
        {
            risk.Property(r => r.Category).HasColumnName("RiskCategory").HasMaxLength(RiskAppetite.CategoryMaxLength);
            risk.Property(r => r.Likelihood).HasColumnName("RiskLikelihood");
            risk.Property(r => r.Impact).HasColumnName("RiskImpact");
            risk.Property(r => r.Reversibility).HasColumnName("RiskReversibility").HasConversion<string>().HasMaxLength(20);
            risk.Property(r => r.Mitigations).HasColumnName("RiskMitigations").HasMaxLength(2000);
        });
        builder.HasIndex(s => new { s.OrganisationId, s.OutcomeId });
        builder.HasIndex(s => new { s.OrganisationId, s.Status });
    }
}

internal sealed class LearningMapping : IEntityTypeConfiguration<Learning>
{
    public void Configure(EntityTypeBuilder<Learning> builder)
    {
        builder.ToTable("learning");
        builder.HasKey(l => l.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Step>().WithMany().HasForeignKey(l => l.StepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WaypointUser>().WithMany().HasForeignKey(l => l.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.WhatHappened).HasMaxLength(Learning.TextMaxLength).IsRequired();
        builder.Property(l => l.Evidence).HasMaxLength(Learning.TextMaxLength).IsRequired();
        builder.Property(l => l.NextSteps).HasMaxLength(Learning.TextMaxLength).IsRequired();
        // One write-up per step; it can be improved, not duplicated.
        builder.HasIndex(l => l.StepId).IsUnique();
        builder.HasIndex(l => new { l.OrganisationId, l.IsPublic });
    }
}

internal sealed class StepSettingsMapping : IEntityTypeConfiguration<StepSettings>
{
    public void Configure(EntityTypeBuilder<StepSettings> builder)
    {
        builder.ToTable("step_settings");
        builder.HasKey(s => s.OrganisationId);
        builder.HasOne<Organisation>().WithOne().HasForeignKey<StepSettings>(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.PrimitiveCollection(s => s.Holidays).HasField("_holidays").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.Scale);
        builder.Ignore(s => s.Calendar);
    }
}

internal sealed class RiskAppetiteMapping : IEntityTypeConfiguration<RiskAppetite>
{
    public void Configure(EntityTypeBuilder<RiskAppetite> builder)
    {
        builder.ToTable("risk_appetites");
        builder.HasKey(a => new { a.OrganisationId, a.Category });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Category).HasMaxLength(RiskAppetite.CategoryMaxLength);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
    }
}
