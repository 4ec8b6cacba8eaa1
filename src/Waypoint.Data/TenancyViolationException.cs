namespace Waypoint.Data;

/// <summary>Thrown when a write would touch a row of an organisation other than the one in scope.</summary>
public sealed class TenancyViolationException : InvalidOperationException
{
    public TenancyViolationException()
    {
    }

    public TenancyViolationException(string message)
        : base(message)
    {
    }

    public TenancyViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
