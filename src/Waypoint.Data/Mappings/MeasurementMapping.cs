using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;

namespace Waypoint.Data.Mappings;

internal sealed class MeasurementMapping : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable("measurements");
        builder.HasKey(m => m.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Value).HasPrecision(24, 6);
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Note).HasMaxLength(Measurement.NoteMaxLength);
        // A measurement is corrected at most once; the correction may itself be corrected.
        // (A unique index, not a one-to-one relationship: EF would quietly detach the first correction instead.)
        // And one first value per indicator and date: parallel or repeated requests cannot record a date twice.
        builder.HasOne<Measurement>().WithMany().HasForeignKey(m => m.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.SupersedesId).IsUnique().HasDatabaseName(UniqueRules.OneCorrectionOfAValue);
        builder.HasIndex(m => new { m.IndicatorId, m.Date });
        builder.HasIndex(m => new { m.IndicatorId, m.Date }, "first_per_date").IsUnique()
            .HasFilter("\"SupersedesId\" IS NULL").HasDatabaseName(UniqueRules.OneValuePerDate);
    }
}
