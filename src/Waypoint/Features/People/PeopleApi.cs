using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.People;

public sealed record MemberDto(Guid Id, Guid UserId, string DisplayName, string Email, Role Role, DateTimeOffset Since, int Revision) : IVersioned
{
    public RecordKey StoredAs() => new(typeof(Membership), Id);

    public static MemberDto From(MemberView m) => new(m.MembershipId, m.UserId, m.DisplayName, m.Email, m.Role, m.Since, m.Revision);
}

/// <summary>
/// What a client sends to add a person: their email, the name this organisation will know them by (default: the
/// email's first part) and a role, with a first password used only if the email has no account yet (and not needed
/// for single sign-on). The answer is the same whether or not the account existed.
/// </summary>
public sealed record MemberInput(string? Email, string? DisplayName, Role? Role, string? Password);

public sealed record RoleChange(Role? Role);

public static class PeopleApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");

        members.MapGet("/", async (PeopleService people, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(Api.Page((await people.ListAsync(ct)).Select(MemberDto.From), page, pageSize)))
            .WithName("ListMembers").WithSummary("Who belongs to the organisation, and with which role")
            .RequirePermission(Policies.ManageMembers);

        members.MapGet("/{id:guid}", async Task<Results<Ok<MemberDto>, NotFound>> (Guid id, PeopleService people, HttpContext http, CancellationToken ct) =>
                await people.FindAsync(id, ct) is { } member ? http.WithETag(MemberDto.From(member)) : TypedResults.NotFound())
            .WithName("GetMember").WithSummary("One membership")
            .RequirePermission(Policies.ManageMembers);

        members.MapPost("/", async Task<Created<MemberDto>> (MemberInput input, PeopleService people, HttpContext http, CancellationToken ct) =>
            {
                var role = input.Role ?? throw new RuleViolation("role", "Choose a role");
                var added = await people.AddAsync(input.Email, input.DisplayName, role, input.Password, ct);
                // Read back as stored, so that the ETag matches what a later read gives (stores round times differently).
                var member = MemberDto.From((await people.FindAsync(added.MembershipId, ct))!);
                http.Response.Headers.ETag = Api.ETagFor(member);
                return TypedResults.Created($"/api/v1/orgs/{http.GetRouteValue("org")}/members/{member.Id}", member);
            })
            .WithName("AddMember").WithSummary("Add a person to the organisation with a role, under the name given here; answers the same whether or not the email already has an account")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageMembers);

        members.MapPut("/{id:guid}", (Guid id, RoleChange input, PeopleService people, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(
                    http,
                    async () => await people.FindAsync(id, ct) is { } member ? MemberDto.From(member) : null,
                    () => people.ChangeRoleAsync(id, input.Role ?? throw new RuleViolation("role", "Choose a role"), ct)))
            .WithName("ChangeMemberRole").WithSummary("Change a person's role (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageMembers);

        members.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, PeopleService people, CancellationToken ct) =>
                await people.RemoveAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("RemoveMember").WithSummary("Remove a person from the organisation (their account stays)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageMembers);
    }
}
