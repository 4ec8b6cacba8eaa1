using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waypoint.Data.Mappings;

internal sealed class WaypointUserMapping : IEntityTypeConfiguration<WaypointUser>
{
    public void Configure(EntityTypeBuilder<WaypointUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(WaypointUser.DisplayNameMaxLength).IsRequired();
    }
}
