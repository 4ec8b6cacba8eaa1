using System.Globalization;
using Waypoint.Core.Organisations;

namespace Waypoint.Infrastructure.Web;

/// <summary>Times are stored in UTC and shown in the organisation's own time zone (Europe/London by default).</summary>
public sealed class LocalTime
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public string Format(DateTimeOffset instant, Organisation organisation)
    {
        var local = TimeZoneInfo.ConvertTime(instant, OrganisationTime.Zone(organisation.TimeZone));
        return local.ToString("d MMMM yyyy, h:mmtt", British).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
    }
}
