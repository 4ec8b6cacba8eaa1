namespace Waypoint.Cli;

/// <summary>A mistake or a condition the person at the command line can fix; printed as one line, no stack trace.</summary>
public sealed class CliError : Exception
{
    public CliError()
    {
    }

    public CliError(string message)
        : base(message)
    {
    }

    public CliError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
