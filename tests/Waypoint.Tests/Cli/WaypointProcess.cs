using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Waypoint.Tests.Cli;

/// <summary>
/// A <c>waypoint</c> process started the way an operator starts it, which a test can watch, wait for, or kill as a
/// crash would (SIGKILL: no clean-up runs). Waiting has a generous guard so that a hang fails the test instead of
/// stopping the run; the guard is never what a test asserts.
/// </summary>
public sealed class WaypointProcess : IAsyncDisposable
{
    public static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _arguments;

    private WaypointProcess(Process process, string arguments)
    {
        _process = process;
        _arguments = arguments;
    }

    /// <summary>Everything written to standard output and standard error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static WaypointProcess Start(string arguments, string folder, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(Program).Assembly.Location}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var started = new WaypointProcess(process, arguments);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Waits for the process to end by itself and returns its exit code; a process that does not end fails the test.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        try
        {
            await _process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"'waypoint {_arguments}' did not finish: it hangs. It said:\n{Output}");
        }

        // The exit event can come before the last lines of output; this waits for them.
        await _process.WaitForExitAsync(CancellationToken.None);
        return _process.ExitCode;
    }

    /// <summary>Waits until the process has written a line containing the text.</summary>
    public Task WaitForOutputAsync(string text) =>
        WaitUntilAsync(() => Task.FromResult(Output.Contains(text, StringComparison.Ordinal)), $"to say '{text}'");

    /// <summary>Waits until the condition holds, failing the test if the process ends first or never gets there.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Guard;
        while (!await condition())
        {
            if (_process.HasExited)
            {
                Assert.Fail($"'waypoint {_arguments}' ended (exit {_process.ExitCode}) before it came {what}. It said:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Kill();
                Assert.Fail($"'waypoint {_arguments}' never came {what}. It said:\n{Output}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until a server started with <c>--urls http://127.0.0.1:PORT</c> answers its health check.</summary>
    public async Task WaitUntilServingAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await WaitUntilAsync(async () =>
        {
            try
            {
                return (await client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, "to serve");
    }

    /// <summary>Ends the process at once with SIGKILL, as a crash or <c>kill -9</c> would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
