using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Waypoint.Features.ApiDocs;

/// <summary>The API described for people, from the same endpoint metadata as the OpenAPI document.</summary>
[AllowAnonymous]
public sealed class IndexModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record Operation(string Method, string Path, string Summary, string Tag, string? Policy)
    {
        /// <summary>Who may call it, in people's words, from the one table of role permissions.</summary>
        public string Who => Enum.TryParse<Waypoint.Core.Access.Permission>(Policy, out var permission)
            ? Enum.GetValues<Waypoint.Core.Access.Role>().Where(r => Waypoint.Core.Access.RolePermissions.Grants(r, permission)).ToList() switch
            {
                { Count: 5 } => "Anyone in the organisation",
                var roles => string.Join(", ", roles.OrderDescending()),
            } + (Method == "GET" ? string.Empty : ", with a write token")
            : "Anyone";

        /// <summary>The path with break opportunities after each slash, so that narrow screens wrap it between segments.</summary>
        public IEnumerable<string> Segments => Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => "/" + s);
    }

    public List<IGrouping<string, Operation>> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new Operation(
                m,
                "/" + e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'),
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>()?.Summary ?? string.Empty,
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()?.Tags is { Count: > 0 } tags ? tags[^1] : "Organisation",
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null))))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .GroupBy(o => o.Tag)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }
}
