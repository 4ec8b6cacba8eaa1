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
