using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Waypoint.Core;

namespace Waypoint.Data;

/// <summary>
/// What a refusal by the database means for the person who asked: a record changed since it was read (a concurrency
/// token did not match) or a uniqueness rule the database keeps (a unique index) would be broken. Either way nothing
/// was written. Both engines say so differently; here they are read once, and the rest of Waypoint sees only
/// <see cref="RecordChanged"/> and <see cref="RecordConflict"/>.
/// </summary>
internal static class StorageErrors
{
    /// <param name="checkedRevision">The save was checked against a revision someone read: a duplicate then means someone else got there first.</param>
    public static RuleViolation? Translate(DbUpdateException exception, IModel model, bool checkedRevision)
    {
        if (exception is DbUpdateConcurrencyException)
        {
            return new RecordChanged(RecordChanged.DefaultMessage, exception);
        }

        if (UniqueIndexOf(exception, model) is not { } found)
        {
            return null;
        }

        if (checkedRevision)
        {
            return new RecordChanged(RecordChanged.DefaultMessage, exception);
        }

        return found.Index?.Name is { } name && UniqueRules.Messages.TryGetValue(name, out var rule)
            ? new RecordConflict(rule.Field, rule.Message, exception)
            : new RecordConflict(string.Empty, "Someone saved the same thing at the same moment, so this was not saved twice. Look again before trying once more", exception);
    }

    private sealed record Found(ITableIndex? Index);

    private static Found? UniqueIndexOf(DbUpdateException exception, IModel model)
    {
        switch (exception.InnerException)
        {
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres:
                return new Found(Indexes(model).FirstOrDefault(i => i.Name == postgres.ConstraintName));
            case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite:
                // "UNIQUE constraint failed: check_ins.OutcomeId, check_ins.AuthorId, check_ins.PeriodStart"
                var at = sqlite.Message.IndexOf("failed: ", StringComparison.Ordinal);
                if (at < 0)
                {
                    return new Found(null);
                }

                var columns = sqlite.Message[(at + "failed: ".Length)..].TrimEnd('.', '\'', ' ').Split(", ")
                    .Select(c => c.Split('.')).Where(p => p.Length == 2).ToList();
                var table = columns.FirstOrDefault()?[0];
                var names = columns.Select(c => c[1]).ToList();
                return new Found(Indexes(model).FirstOrDefault(i => i.IsUnique && i.Table.Name == table && i.Columns.Select(c => c.Name).SequenceEqual(names)));
            default:
                return null;
        }
    }

    private static IEnumerable<ITableIndex> Indexes(IModel model) =>
        model.GetRelationalModel().Tables.SelectMany(t => t.Indexes);
}

/// <summary>
/// The uniqueness rules the database keeps, by the name of the unique index that keeps each, with the words a person
/// sees when one stops a second copy. Mappings name their indexes with these constants.
/// </summary>
public static class UniqueRules
{
    public const string OneCheckInPerPeriod = "ix_check_ins_one_per_period";
    public const string OneEditOfACheckIn = "ix_check_ins_one_edit";
    public const string OneValuePerDate = "ix_measurements_one_per_date";
    public const string OneCorrectionOfAValue = "ix_measurements_one_correction";
    public const string OneAnswerPerIdempotencyKey = "ix_idempotent_requests_one_per_key";
    public const string OneTeamPerName = "ix_teams_one_per_name";
    public const string OneServicePerName = "ix_services_one_per_name";
    public const string OneIndicatorPerName = "ix_indicators_one_per_name";
    public const string OneMembershipPerPerson = "ix_memberships_one_per_person";
    public const string OneGroupPerName = "ix_respondent_groups_one_per_name";

    internal static readonly IReadOnlyDictionary<string, (string Field, string Message)> Messages = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [OneCheckInPerPeriod] = ("progress", "You have already checked in on this outcome this period. Change that check-in instead"),
        [OneEditOfACheckIn] = ("progress", "Someone changed this check-in at the same moment. Look at it again, then change it"),
        [OneValuePerDate] = ("date", "There is already a value for this date. To change it, record a correction"),
        [OneCorrectionOfAValue] = ("date", "This value was corrected at the same moment by someone else. Look at it again before correcting it"),
        [OneAnswerPerIdempotencyKey] = (string.Empty, "A request with this Idempotency-Key was answered at the same moment"),
        [OneTeamPerName] = ("name", "There is already a team with this name"),
        [OneServicePerName] = ("name", "There is already a service with this name"),
        [OneIndicatorPerName] = ("name", "There is already an indicator with this name"),
        [OneMembershipPerPerson] = ("email", "This person already belongs to the organisation"),
        [OneGroupPerName] = ("name", "There is already a group with this name in this campaign"),
    };
}
