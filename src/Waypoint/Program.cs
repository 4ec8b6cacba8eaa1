return await Waypoint.Cli.WaypointCli.RunAsync(args);
