using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Organisations;

namespace Waypoint.Data.Mappings;

internal sealed class ServiceMapping : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("services");
        builder.HasKey(s => s.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WaypointUser>().WithMany().HasForeignKey(s => s.ServiceManagerId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(s => s.Name).HasMaxLength(Service.NameMaxLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(Service.DescriptionMaxLength);
        builder.HasIndex(s => new { s.OrganisationId, s.Name }).IsUnique().HasDatabaseName(UniqueRules.OneServicePerName);
    }
}
