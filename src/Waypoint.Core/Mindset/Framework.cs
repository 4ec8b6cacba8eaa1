using Waypoint.Core.Organisations;

namespace Waypoint.Core.Mindset;

/// <summary>A statement a respondent agrees or disagrees with, numbered within its feature.</summary>
public sealed class Statement
{
    private Statement()
    {
        Text = string.Empty;
    }

    internal Statement(int number, string text)
    {
        Number = number;
        Text = text;
    }

    public int Number { get; private set; }

    public string Text { get; private set; }
}

/// <summary>One feature of the digital mindset, such as "Lead more, manage less", with the statements that measure it.</summary>
public sealed class Feature
{
    private Feature()
    {
        Name = string.Empty;
        Description = string.Empty;
        Statements = [];
    }

    internal Feature(int number, string name, string description, List<Statement> statements)
    {
        Number = number;
        Name = name;
        Description = description;
        Statements = statements;
    }

    public int Number { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public List<Statement> Statements { get; private set; }
}

/// <summary>A feature as someone writes it: a name, what it means, and its statements, in order.</summary>
public sealed record FeatureDraft(string? Name, string? Description, IReadOnlyList<string?>? Statements);

/// <summary>The shape of a framework in JSON, for export and import. Features are numbered by their place.</summary>
public sealed record FrameworkDocument(string? Name, int? Version, IReadOnlyList<FeatureDocument>? Features);

public sealed record FeatureDocument(int Number, string? Name, string? Description, IReadOnlyList<string?>? Statements);

/// <summary>
/// One version of a mindset framework: the features a campaign asks about and their statements. A campaign reports
/// against the version it ran with, so a version that a campaign uses is never edited: it is cloned into a new
/// version, and the clone is edited.
/// </summary>
public sealed class Framework : ITenantOwned, IVersionedRecord
{
    public const int NameMaxLength = 200;
    public const int FeatureNameMaxLength = 120;
    public const int DescriptionMaxLength = 1000;
    public const int StatementMaxLength = 300;
    public const int MaxFeatures = 30;
    public const int MaxStatements = 6;

    private Framework()
    {
        Name = string.Empty;
        Features = [];
    }

    public Framework(Guid id, Guid organisationId, string? name, int version, IReadOnlyList<FeatureDraft>? features, DateTimeOffset createdAt, Guid? basedOnId = null)
        : this()
    {
        if (version < 1)
        {
            throw new RuleViolation("version", "A framework's version is a whole number from 1");
        }

        Id = id;
        OrganisationId = organisationId;
        Version = version;
        CreatedAt = createdAt;
        BasedOnId = basedOnId;
        Edit(name, features);
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Counts up from 1 among the frameworks of one name.</summary>
    public int Version { get; private set; }

    /// <summary>The version this one was cloned from.</summary>
    public Guid? BasedOnId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public List<Feature> Features { get; private set; }

    /// <summary>Replaces the name and every feature. <paramref name="inUse"/>: a campaign already uses this version.</summary>
    public void Edit(string? name, IReadOnlyList<FeatureDraft>? features, bool inUse = false)
    {
        if (inUse)
        {
            throw new RuleViolation("features", "A campaign uses this version of the framework, so it cannot change. Make a copy and edit that");
        }

        var checkedName = Text.Required(name, NameMaxLength, "name", "a framework name");
        if (features is null || features.Count == 0)
        {
            throw new RuleViolation("features", "Add at least one feature");
        }

        if (features.Count > MaxFeatures)
        {
            throw new RuleViolation("features", $"A framework can have at most {MaxFeatures} features");
        }

        var made = new List<Feature>(features.Count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < features.Count; i++)
        {
            var number = i + 1;
            var draft = features[i];
            var prefix = $"feature-{number}";
            var featureName = Text.Required(draft.Name, FeatureNameMaxLength, $"{prefix}-name", $"a name for feature {number}");
            if (!names.Add(featureName))
            {
                throw new RuleViolation($"{prefix}-name", $"Feature {number} has the same name as another feature. Give each feature its own name");
            }

            var description = Text.Optional(draft.Description, DescriptionMaxLength, $"{prefix}-description", $"the description of feature {number}") ?? string.Empty;
            var texts = (draft.Statements ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
            if (texts.Count == 0)
            {
                throw new RuleViolation($"{prefix}-statement-1", $"Add at least one statement to feature {number}");
            }

            if (texts.Count > MaxStatements)
            {
                throw new RuleViolation($"{prefix}-statement-{MaxStatements + 1}", $"Feature {number} can have at most {MaxStatements} statements");
            }

            var statements = texts
                .Select((text, s) => new Statement(s + 1, Text.Required(text, StatementMaxLength, $"{prefix}-statement-{s + 1}", $"statement {s + 1} of feature {number}")))
                .ToList();
            made.Add(new Feature(number, featureName, description, statements));
        }

        Name = checkedName;
        Features = made;
    }

    /// <summary>A new version with the same features, to be edited. The caller gives the next free version number.</summary>
    public Framework Clone(Guid id, int version, DateTimeOffset now) =>
        new(id, OrganisationId, Name, version, Drafts(), now, Id);

    public IReadOnlyList<FeatureDraft> Drafts() =>
        Features.Select(f => new FeatureDraft(f.Name, f.Description, f.Statements.Select(s => s.Text).ToList())).ToList();

    public FrameworkDocument ToDocument() =>
        new(Name, Version, Features.Select(f => new FeatureDocument(f.Number, f.Name, f.Description, f.Statements.Select(s => s.Text).ToList())).ToList());

    /// <summary>Reads a framework from its JSON shape, under the same rules as editing; features are taken in number order.</summary>
    public static Framework Import(Guid id, Guid organisationId, FrameworkDocument? document, int version, DateTimeOffset now)
    {
        if (document is null)
        {
            throw new RuleViolation("document", "The file is not a framework: it needs a name and a list of features");
        }

        var drafts = (document.Features ?? []).OrderBy(f => f.Number).Select(f => new FeatureDraft(f.Name, f.Description, f.Statements)).ToList();
        return new Framework(id, organisationId, document.Name, version, drafts, now);
    }

    /// <summary>The number of statements a complete set of answers has.</summary>
    public int StatementCount => Features.Sum(f => f.Statements.Count);
}
