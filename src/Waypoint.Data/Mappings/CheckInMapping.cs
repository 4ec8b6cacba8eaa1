using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.CheckIns;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;

namespace Waypoint.Data.Mappings;

internal sealed class CheckInMapping : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("check_ins");
        builder.HasKey(c => c.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Outcome>().WithMany().HasForeignKey(c => c.OutcomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WaypointUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Progress).HasMaxLength(CheckIn.TextMaxLength).IsRequired();
        builder.Property(c => c.Blockers).HasMaxLength(CheckIn.TextMaxLength);
        builder.Property(c => c.Asks).HasMaxLength(CheckIn.TextMaxLength);
        // An edit supersedes one check-in, once; the history stays. With at most one first check-in per person, outcome
        // and period, the edits form one line, so exactly one check-in stands for each: the database keeps both rules,
        // so parallel or repeated posts cannot make two.
        builder.HasOne<CheckIn>().WithMany().HasForeignKey(c => c.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.SupersedesId).IsUnique().HasDatabaseName(UniqueRules.OneEditOfACheckIn);
        builder.HasIndex(c => new { c.OutcomeId, c.AuthorId, c.PeriodStart });
        builder.HasIndex(c => new { c.OutcomeId, c.AuthorId, c.PeriodStart }, "first_per_period").IsUnique()
            .HasFilter("\"SupersedesId\" IS NULL").HasDatabaseName(UniqueRules.OneCheckInPerPeriod);
    }
}
