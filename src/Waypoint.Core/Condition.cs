using System.Linq.Expressions;

namespace Waypoint.Core;

/// <summary>
/// A question about a record, asked once and usable two ways: inside a database query (<see cref="Expression"/>,
/// which EF Core translates to SQL) and on a record already in memory (<see cref="Holds"/>). Both run the same
/// expression, so a list, a count and a page can never disagree about what the word means.
/// </summary>
public sealed class Condition<T>
{
    private readonly Func<T, bool> _compiled;

    public Condition(Expression<Func<T, bool>> expression)
    {
        Expression = expression;
        _compiled = expression.Compile();
    }

    public Expression<Func<T, bool>> Expression { get; }

    public bool Holds(T item) => _compiled(item);

    public static implicit operator Expression<Func<T, bool>>(Condition<T> condition) => condition.Expression;

    public Expression<Func<T, bool>> ToExpression() => Expression;
}
